//! Comparison ufuncs returning `bool` arrays: `equal`, `not_equal`, `less`, `less_equal`,
//! `greater`, `greater_equal`, their `_into` forms, scalar forms, and methods.
//!
//! Rust's `PartialEq`/`PartialOrd` must return one `bool`, so the element-wise comparisons
//! are functions and methods instead of operators:
//!
//! | NumPy | function | method | scalar method |
//! |---|---|---|---|
//! | `a == b` | [`equal`] | `a.equal(&b)` | `a.equal_scalar(x)` |
//! | `a != b` | [`not_equal`] | `a.not_equal(&b)` | `a.not_equal_scalar(x)` |
//! | `a < b` | [`less`] | `a.lt(&b)` | `a.lt_scalar(x)` |
//! | `a <= b` | [`less_equal`] | `a.le(&b)` | `a.le_scalar(x)` |
//! | `a > b` | [`greater`] | `a.gt(&b)` | `a.gt_scalar(x)` |
//! | `a >= b` | [`greater_equal`] | `a.ge(&b)` | `a.ge_scalar(x)` |
//!
//! (`a == b` on arrays stays Rust's whole-array equality; `eq`/`ne` are `PartialEq`'s names.)
//! NaN compares unequal to everything, itself included, so only `not_equal` is true for it;
//! `-0.0 == 0.0`. Equality works for every element type (complex too); ordering for the
//! ordered ones (bool, integers, floats).

use super::{map_binary, map_binary_into, map_unary};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::view::{ArrayView, ArrayViewMut};

/// Defines a comparison ufunc, its `_into` form and its scalar form.
macro_rules! compare_ufunc {
    ($(#[$doc:meta])* $name:ident, $into:ident, $scalar:ident, $bound:path, $op:tt) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// `Broadcast` when the shapes do not broadcast.
        pub fn $name<T: Element + $bound>(
            a: &impl AsView<T>,
            b: &impl AsView<T>,
        ) -> NdResult<NdArray<bool>> {
            map_binary(a, b, |x: T, y: T| x $op y)
        }

        #[doc = concat!("`", stringify!($name), "` writing into `out` (NumPy: `np.",
            stringify!($name), "(a, b, out=out)`).")]
        ///
        /// # Errors
        /// `Broadcast`/`BroadcastTo` when the shapes do not fit `out`.
        pub fn $into<T: Element + $bound>(
            a: &impl AsView<T>,
            b: &impl AsView<T>,
            out: &mut ArrayViewMut<'_, bool>,
        ) -> NdResult<()> {
            map_binary_into(a, b, out, |x: T, y: T| x $op y)
        }

        #[doc = concat!("`", stringify!($name), "` against one value (NumPy: `np.",
            stringify!($name), "(a, x)`).")]
        pub fn $scalar<T: Element + $bound>(a: &impl AsView<T>, x: T) -> NdArray<bool> {
            map_unary(a, move |v: T| v $op x)
        }
    };
}

compare_ufunc!(
    /// Element-wise `a == b` (NumPy: `np.equal(a, b)`, `a == b`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::compare::equal};
    /// let a = NdArray::from_vec(vec![1.0, f64::NAN, -0.0]);
    /// let b = NdArray::from_vec(vec![1.0, f64::NAN, 0.0]);
    /// assert_eq!(equal(&a, &b).unwrap().to_vec(), vec![true, false, true]);
    /// ```
    equal, equal_into, equal_scalar, PartialEq, ==
);
compare_ufunc!(
    /// Element-wise `a != b` (NumPy: `np.not_equal(a, b)`, `a != b`).
    not_equal, not_equal_into, not_equal_scalar, PartialEq, !=
);
compare_ufunc!(
    /// Element-wise `a < b` (NumPy: `np.less(a, b)`, `a < b`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::compare::less};
    /// let a = NdArray::from_shape_vec(&[2, 2], vec![1, 5, 3, 0]).unwrap();
    /// let b = NdArray::from_vec(vec![2, 4]);
    /// assert_eq!(less(&a, &b).unwrap().to_vec(), vec![true, false, false, true]);
    /// ```
    less, less_into, less_scalar, PartialOrd, <
);
compare_ufunc!(
    /// Element-wise `a <= b` (NumPy: `np.less_equal(a, b)`, `a <= b`).
    less_equal, less_equal_into, less_equal_scalar, PartialOrd, <=
);
compare_ufunc!(
    /// Element-wise `a > b` (NumPy: `np.greater(a, b)`, `a > b`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::compare::greater};
    /// let a = NdArray::from_vec(vec![0.2, 0.7, f64::NAN]);
    /// let half = NdArray::from_elem_0d(0.5);
    /// assert_eq!(greater(&a, &half).unwrap().to_vec(), vec![false, true, false]);
    /// ```
    greater, greater_into, greater_scalar, PartialOrd, >
);
compare_ufunc!(
    /// Element-wise `a >= b` (NumPy: `np.greater_equal(a, b)`, `a >= b`).
    greater_equal, greater_equal_into, greater_equal_scalar, PartialOrd, >=
);

/// The comparison methods, for owned arrays and views.
macro_rules! compare_methods {
    ($($ty:ty),*) => {$(
        impl<T: Element> $ty {
            /// Element-wise `self == other` (NumPy: `a == b`); see [`equal`].
            ///
            /// # Errors
            /// `Broadcast` when the shapes do not broadcast.
            pub fn equal(&self, other: &impl AsView<T>) -> NdResult<NdArray<bool>> {
                equal(self, other)
            }

            /// Element-wise `self != other` (NumPy: `a != b`); see [`not_equal`].
            ///
            /// # Errors
            /// `Broadcast` when the shapes do not broadcast.
            pub fn not_equal(&self, other: &impl AsView<T>) -> NdResult<NdArray<bool>> {
                not_equal(self, other)
            }

            /// Element-wise `self == x` (NumPy: `a == x`).
            pub fn equal_scalar(&self, x: T) -> NdArray<bool> {
                equal_scalar(self, x)
            }

            /// Element-wise `self != x` (NumPy: `a != x`).
            pub fn not_equal_scalar(&self, x: T) -> NdArray<bool> {
                not_equal_scalar(self, x)
            }
        }

        impl<T: Element + PartialOrd> $ty {
            /// Element-wise `self < other` (NumPy: `a < b`); see [`less`].
            ///
            /// # Errors
            /// `Broadcast` when the shapes do not broadcast.
            pub fn lt(&self, other: &impl AsView<T>) -> NdResult<NdArray<bool>> {
                less(self, other)
            }

            /// Element-wise `self <= other` (NumPy: `a <= b`); see [`less_equal`].
            ///
            /// # Errors
            /// `Broadcast` when the shapes do not broadcast.
            pub fn le(&self, other: &impl AsView<T>) -> NdResult<NdArray<bool>> {
                less_equal(self, other)
            }

            /// Element-wise `self > other` (NumPy: `a > b`); see [`greater`].
            ///
            /// # Errors
            /// `Broadcast` when the shapes do not broadcast.
            pub fn gt(&self, other: &impl AsView<T>) -> NdResult<NdArray<bool>> {
                greater(self, other)
            }

            /// Element-wise `self >= other` (NumPy: `a >= b`); see [`greater_equal`].
            ///
            /// # Errors
            /// `Broadcast` when the shapes do not broadcast.
            pub fn ge(&self, other: &impl AsView<T>) -> NdResult<NdArray<bool>> {
                greater_equal(self, other)
            }

            /// Element-wise `self < x` (NumPy: `a < x`).
            pub fn lt_scalar(&self, x: T) -> NdArray<bool> {
                less_scalar(self, x)
            }

            /// Element-wise `self <= x` (NumPy: `a <= x`).
            pub fn le_scalar(&self, x: T) -> NdArray<bool> {
                less_equal_scalar(self, x)
            }

            /// Element-wise `self > x` (NumPy: `a > x`).
            ///
            /// ```
            /// use numerust_core::NdArray;
            /// let a = NdArray::from_vec(vec![0.2, 0.7]);
            /// assert_eq!(a.gt_scalar(0.5).to_vec(), vec![false, true]);
            /// ```
            pub fn gt_scalar(&self, x: T) -> NdArray<bool> {
                greater_scalar(self, x)
            }

            /// Element-wise `self >= x` (NumPy: `a >= x`).
            pub fn ge_scalar(&self, x: T) -> NdArray<bool> {
                greater_equal_scalar(self, x)
            }
        }
    )*};
}
compare_methods!(NdArray<T>, ArrayView<'_, T>);
