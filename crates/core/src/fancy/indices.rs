//! Index arrays: the [`IndexInt`] integer types and the [`Indices`] trait that lets `take`,
//! `fancy`, `put` and `fancy_assign` accept `NdArray`s, views, slices, arrays and `Vec`s of
//! any integer type, including `isize` and `usize`.

use crate::array::NdArray;
use crate::element::Element;
use crate::view::{ArrayView, ArrayViewMut};
use std::borrow::Cow;

mod sealed {
    pub trait Sealed {}
}

/// An integer type usable as an index: `i8`..`i64`, `isize`, `u8`..`u64`, `usize`.
///
/// NumPy casts index arrays to `intp`; here each type resolves itself against an axis length.
pub trait IndexInt: Copy + Send + Sync + std::fmt::Debug + 'static + sealed::Sealed {
    /// NumPy's reading of the index on an axis of `len`: `Some(i)` with `i < len` when
    /// `-len <= self < len` (negative counts from the end), else `None`.
    fn resolve(self, len: usize) -> Option<usize>;
    /// The index as written, for error messages (saturating at `isize::MAX`).
    fn as_isize(self) -> isize;
}

macro_rules! impl_index_int {
    (signed: $($s:ty),*; unsigned: $($u:ty),*) => {
        $(
            impl sealed::Sealed for $s {}
            impl IndexInt for $s {
                #[inline(always)]
                fn resolve(self, len: usize) -> Option<usize> {
                    let v = self as i64;
                    let w = if v < 0 { v.wrapping_add(len as i64) } else { v };
                    // A still-negative `w` becomes huge as u64 and fails the test.
                    ((w as u64) < len as u64).then_some(w as usize)
                }
                fn as_isize(self) -> isize {
                    self as isize
                }
            }
        )*
        $(
            impl sealed::Sealed for $u {}
            impl IndexInt for $u {
                #[inline(always)]
                fn resolve(self, len: usize) -> Option<usize> {
                    ((self as u64) < len as u64).then_some(self as usize)
                }
                fn as_isize(self) -> isize {
                    isize::try_from(self).unwrap_or(isize::MAX)
                }
            }
        )*
    };
}
impl_index_int!(signed: i8, i16, i32, i64, isize; unsigned: u8, u16, u32, u64, usize);

/// An integer index array: its shape and its values in logical (C) order.
///
/// Implemented for `NdArray<I>`, `ArrayView<'_, I>` and `ArrayViewMut<'_, I>` with `I` an
/// integer element type (any shape), for `[I]`, `[I; N]` and `Vec<I>` with `I` any
/// [`IndexInt`] including `isize` and `usize` (1-D), and for references to those.
/// NumPy: any integer array-like used as an index.
///
/// ```
/// use numerust_core::NdArray;
/// let a = NdArray::from_vec(vec![10, 20, 30]);
/// let by_usize = a.take(&[2usize, 0], None).unwrap();
/// let by_isize = a.take(&vec![-1isize, 0], None).unwrap();
/// let by_array = a.take(&NdArray::from_vec(vec![2i64, -3]), None).unwrap();
/// assert_eq!(by_usize.to_vec(), vec![30, 10]);
/// assert!(by_usize == by_isize && by_isize == by_array);
/// ```
pub trait Indices {
    /// The integer type of the values.
    type Int: IndexInt;
    /// Shape of the index array.
    fn index_shape(&self) -> Vec<usize>;
    /// The values in logical order (borrowed when contiguous).
    fn index_values(&self) -> Cow<'_, [Self::Int]>;
}

impl<I: IndexInt + Element> Indices for ArrayView<'_, I> {
    type Int = I;
    fn index_shape(&self) -> Vec<usize> {
        self.shape().to_vec()
    }
    fn index_values(&self) -> Cow<'_, [I]> {
        match self.as_slice() {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(self.to_vec()),
        }
    }
}

macro_rules! impl_indices_via_view {
    ($($ty:ty),*) => {$(
        impl<I: IndexInt + Element> Indices for $ty {
            type Int = I;
            fn index_shape(&self) -> Vec<usize> {
                self.shape().to_vec()
            }
            fn index_values(&self) -> Cow<'_, [I]> {
                let v = self.view();
                match v.as_slice() {
                    Some(s) => Cow::Borrowed(s),
                    None => Cow::Owned(v.to_vec()),
                }
            }
        }
    )*};
}
impl_indices_via_view!(NdArray<I>, ArrayViewMut<'_, I>);

impl<I: IndexInt> Indices for [I] {
    type Int = I;
    fn index_shape(&self) -> Vec<usize> {
        vec![self.len()]
    }
    fn index_values(&self) -> Cow<'_, [I]> {
        Cow::Borrowed(self)
    }
}

impl<I: IndexInt, const N: usize> Indices for [I; N] {
    type Int = I;
    fn index_shape(&self) -> Vec<usize> {
        vec![N]
    }
    fn index_values(&self) -> Cow<'_, [I]> {
        Cow::Borrowed(self)
    }
}

impl<I: IndexInt> Indices for Vec<I> {
    type Int = I;
    fn index_shape(&self) -> Vec<usize> {
        vec![self.len()]
    }
    fn index_values(&self) -> Cow<'_, [I]> {
        Cow::Borrowed(self)
    }
}

impl<X: Indices + ?Sized> Indices for &X {
    type Int = X::Int;
    fn index_shape(&self) -> Vec<usize> {
        (**self).index_shape()
    }
    fn index_values(&self) -> Cow<'_, [X::Int]> {
        (**self).index_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_wraps_like_numpy() {
        assert_eq!((-1i64).resolve(5), Some(4));
        assert_eq!((-5i8).resolve(5), Some(0));
        assert_eq!((-6i32).resolve(5), None);
        assert_eq!(5usize.resolve(5), None);
        assert_eq!(4u8.resolve(5), Some(4));
        assert_eq!(i64::MIN.resolve(5), None);
        assert_eq!(0isize.resolve(0), None);
        assert_eq!(u64::MAX.as_isize(), isize::MAX);
    }
}
