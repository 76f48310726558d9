//! Reduction methods on arrays and views: `a.sum()`, `a.mean_axis(0)`, ... — thin calls to
//! the free functions of [`crate::reduce`] (same NumPy mapping, same errors).
//!
//! ```
//! use numerust_core::NdArray;
//! let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
//! assert_eq!((a.sum(), a.mean(), a.max().unwrap(), a.argmin().unwrap()), (10.0, 2.5, 4.0, 0));
//! assert_eq!(a.view().sum_axis(0).unwrap().to_vec(), vec![4.0, 6.0]);
//! ```

use super::{MeanElement, SumElement, VarOptions};
use crate::array::NdArray;
use crate::element::Element;
use crate::error::NdResult;
use crate::view::{ArrayView, ArrayViewMut};
use numerust_kernels::reduce::MinMax;

macro_rules! reduce_methods {
    ($($ty:ty),*) => {$(
        impl<T: SumElement> $ty {
            /// Sum of every element (NumPy: `a.sum()`); see [`super::sum()`].
            pub fn sum(&self) -> T::Acc {
                super::sum(self)
            }
            /// Sum along one axis (NumPy: `a.sum(axis=axis)`); see [`super::sum_axis`].
            ///
            /// # Errors
            /// `AxisOutOfBounds`.
            pub fn sum_axis(&self, axis: isize) -> NdResult<NdArray<T::Acc>> {
                super::sum_axis(self, axis)
            }
            /// Sum over axes (NumPy: `a.sum(axis=axes, keepdims=keepdims)`); see [`super::sum_axes`].
            ///
            /// # Errors
            /// Bad or repeated axes.
            pub fn sum_axes(&self, axes: &[isize], keepdims: bool) -> NdResult<NdArray<T::Acc>> {
                super::sum_axes(self, axes, keepdims)
            }
            /// Product of every element (NumPy: `a.prod()`); see [`super::prod`].
            pub fn prod(&self) -> T::Acc {
                super::prod(self)
            }
            /// Running sum, flattened (NumPy: `a.cumsum()`); see [`super::cumsum`].
            pub fn cumsum(&self) -> NdArray<T::Acc> {
                super::cumsum(self)
            }
        }

        impl<T: MeanElement> $ty {
            /// Mean of every element (NumPy: `a.mean()`); see [`super::mean`].
            pub fn mean(&self) -> T::Float {
                super::mean(self)
            }
            /// Mean along one axis (NumPy: `a.mean(axis=axis)`); see [`super::mean_axis`].
            ///
            /// # Errors
            /// `AxisOutOfBounds`.
            pub fn mean_axis(&self, axis: isize) -> NdResult<NdArray<T::Float>> {
                super::mean_axis(self, axis)
            }
            /// Variance (NumPy: `a.var()`); see [`super::var()`].
            pub fn var(&self) -> T::Float {
                super::var(self)
            }
            /// Standard deviation (NumPy: `a.std()`); see [`super::std`].
            pub fn std(&self) -> T::Float {
                super::std(self)
            }
            /// Variance with `ddof`/axes/keepdims (NumPy: `a.var(axis=.., ddof=..)`).
            ///
            /// # Errors
            /// Bad or repeated axes.
            pub fn var_with(&self, opts: &VarOptions) -> NdResult<NdArray<T::Float>> {
                super::var_with(self, opts)
            }
            /// Standard deviation with options (NumPy: `a.std(axis=.., ddof=..)`).
            ///
            /// # Errors
            /// Bad or repeated axes.
            pub fn std_with(&self, opts: &VarOptions) -> NdResult<NdArray<T::Float>> {
                super::std_with(self, opts)
            }
        }

        impl<T: Element + MinMax> $ty {
            /// Largest element, NaN-propagating (NumPy: `a.max()`); see [`super::max`].
            ///
            /// # Errors
            /// `Empty` for an empty array (NumPy's message).
            pub fn max(&self) -> NdResult<T> {
                super::max(self)
            }
            /// Smallest element, NaN-propagating (NumPy: `a.min()`); see [`super::min`].
            ///
            /// # Errors
            /// `Empty` for an empty array.
            pub fn min(&self) -> NdResult<T> {
                super::min(self)
            }
            /// Flat index of the first largest element (NumPy: `a.argmax()`).
            ///
            /// # Errors
            /// `Empty` for an empty array.
            pub fn argmax(&self) -> NdResult<usize> {
                super::argmax(self)
            }
            /// Flat index of the first smallest element (NumPy: `a.argmin()`).
            ///
            /// # Errors
            /// `Empty` for an empty array.
            pub fn argmin(&self) -> NdResult<usize> {
                super::argmin(self)
            }
        }
    )*};
}

reduce_methods!(NdArray<T>, ArrayView<'_, T>, ArrayViewMut<'_, T>);
