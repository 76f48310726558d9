//! Logical and bitwise ufuncs: `logical_and/or/xor/not` (any element type → `bool`) and
//! `bitwise_and/or/xor`, `invert`, `left_shift`, `right_shift` (integers; and/or/xor/invert
//! also on `bool`).
//!
//! - Truthiness is NumPy's: an element is true when it is not zero, so NaN is true and `-0.0`
//!   is false; a complex number is true when either part is non-zero.
//! - `invert` of a `bool` is logical not, as in NumPy (`~True == False`).
//! - Shifts follow NumPy's `npy_lshift`/`npy_rshift`: a count that is negative or at least
//!   the bit width gives 0 for `left_shift`, and 0 (or -1 for a negative signed value) for
//!   `right_shift`; `right_shift` of a signed value is arithmetic. Within range, left shifts
//!   wrap (`left_shift(1i8, 7) == -128`).
//! - Operators: `&a & &b`, `&a | &b`, `&a ^ &b` and `!&a` on arrays and views of `bool` and
//!   integers (NumPy's `&`, `|`, `^`, `~`), e.g. `&a.gt_scalar(0.0) & &a.lt_scalar(1.0)`.
//!   They broadcast and panic with NumPy's message when shapes do not; the functions above
//!   are the fallible forms.

use super::simple::{binary_ufunc, unary_ufunc};
use super::{map_binary, map_binary_into, map_unary, map_unary_into};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::view::{ArrayView, ArrayViewMut, fail};
use std::ops::{BitAnd, BitOr, BitXor, Not};

#[inline(always)]
fn truthy<T: Element>(x: T) -> bool {
    x != T::zero()
}

#[inline(always)]
fn and<T: Element>(a: T, b: T) -> bool {
    truthy(a) & truthy(b)
}

#[inline(always)]
fn or<T: Element>(a: T, b: T) -> bool {
    truthy(a) | truthy(b)
}

#[inline(always)]
fn xor<T: Element>(a: T, b: T) -> bool {
    truthy(a) ^ truthy(b)
}

#[inline(always)]
fn not<T: Element>(a: T) -> bool {
    !truthy(a)
}

binary_ufunc!(
    /// Element-wise logical AND of the truth values (NumPy: `np.logical_and(a, b)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::logical::logical_and};
    /// let a = NdArray::from_vec(vec![f64::NAN, -0.0, 2.0]);
    /// let r = logical_and(&a, &NdArray::from_elem_0d(1.0)).unwrap();
    /// assert_eq!(r.to_vec(), vec![true, false, true]);
    /// ```
    logical_and, logical_and_into, Element, and, bool
);
binary_ufunc!(
    /// Element-wise logical OR of the truth values (NumPy: `np.logical_or(a, b)`).
    logical_or, logical_or_into, Element, or, bool
);
binary_ufunc!(
    /// Element-wise logical XOR of the truth values (NumPy: `np.logical_xor(a, b)`).
    logical_xor, logical_xor_into, Element, xor, bool
);
unary_ufunc!(
    /// Element-wise logical NOT: true where the element is zero (NumPy: `np.logical_not(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::logical::logical_not};
    /// let a = NdArray::from_vec(vec![0i32, 3, -1]);
    /// assert_eq!(logical_not(&a).to_vec(), vec![true, false, false]);
    /// ```
    logical_not, logical_not_into, Element, not, bool
);

/// Element types with bitwise and/or/xor/not: `bool` and the integers.
pub trait Bitwise:
    Element + BitAnd<Output = Self> + BitOr<Output = Self> + BitXor<Output = Self> + Not<Output = Self>
{
}

impl Bitwise for bool {}

/// Integer types with NumPy's shift semantics.
pub trait Shift: Bitwise {
    /// `a << b`, or 0 when `b` is negative or at least the bit width.
    fn left_shift(a: Self, b: Self) -> Self;
    /// `a >> b` (arithmetic for signed), or 0 / -1 (negative `a`) when `b` is out of range.
    fn right_shift(a: Self, b: Self) -> Self;
}

macro_rules! impl_shift {
    ($($t:ty),*) => {$(
        impl Bitwise for $t {}
        impl Shift for $t {
            #[inline(always)]
            fn left_shift(a: Self, b: Self) -> Self {
                // As NumPy: the count compared as an unsigned value, so negatives are too big.
                if (b as u64) < <$t>::BITS as u64 { a << b } else { 0 }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn right_shift(a: Self, b: Self) -> Self {
                if (b as u64) < <$t>::BITS as u64 {
                    a >> b
                } else if a < 0 {
                    (0 as $t).wrapping_sub(1)
                } else {
                    0
                }
            }
        }
    )*};
}
impl_shift!(i8, i16, i32, i64, u8, u16, u32, u64);

#[inline(always)]
fn bit_and<T: Bitwise>(a: T, b: T) -> T {
    a & b
}

#[inline(always)]
fn bit_or<T: Bitwise>(a: T, b: T) -> T {
    a | b
}

#[inline(always)]
fn bit_xor<T: Bitwise>(a: T, b: T) -> T {
    a ^ b
}

#[inline(always)]
fn bit_not<T: Bitwise>(a: T) -> T {
    !a
}

binary_ufunc!(
    /// Element-wise bitwise AND (NumPy: `np.bitwise_and(a, b)`, `a & b`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::logical::bitwise_and};
    /// let a = NdArray::from_vec(vec![0b1100u8, 0b1010]);
    /// let r = bitwise_and(&a, &NdArray::from_elem_0d(0b0110u8)).unwrap();
    /// assert_eq!(r.to_vec(), vec![0b0100, 0b0010]);
    /// ```
    bitwise_and, bitwise_and_into, Bitwise, bit_and, T
);
binary_ufunc!(
    /// Element-wise bitwise OR (NumPy: `np.bitwise_or(a, b)`, `a | b`).
    bitwise_or, bitwise_or_into, Bitwise, bit_or, T
);
binary_ufunc!(
    /// Element-wise bitwise XOR (NumPy: `np.bitwise_xor(a, b)`, `a ^ b`).
    bitwise_xor, bitwise_xor_into, Bitwise, bit_xor, T
);
unary_ufunc!(
    /// Element-wise bitwise NOT; logical NOT for `bool` (NumPy: `np.invert(a)`, `~a`,
    /// `np.bitwise_not`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::logical::invert};
    /// assert_eq!(invert(&NdArray::from_vec(vec![0u8, 5])).to_vec(), vec![255, 250]);
    /// assert_eq!(invert(&NdArray::from_vec(vec![true, false])).to_vec(), vec![false, true]);
    /// ```
    invert, invert_into, Bitwise, bit_not, T
);
binary_ufunc!(
    /// Element-wise `a << b` with NumPy's out-of-range rule (NumPy: `np.left_shift(a, b)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::logical::left_shift};
    /// let a = NdArray::from_vec(vec![1i8, 1, 1, 3]);
    /// let b = NdArray::from_vec(vec![7i8, 8, -1, 2]);
    /// assert_eq!(left_shift(&a, &b).unwrap().to_vec(), vec![-128, 0, 0, 12]);
    /// ```
    left_shift, left_shift_into, Shift, Shift::left_shift, T
);
binary_ufunc!(
    /// Element-wise `a >> b` with NumPy's out-of-range rule (NumPy: `np.right_shift(a, b)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::logical::right_shift};
    /// let a = NdArray::from_vec(vec![-5i8, -5, 5, 64]);
    /// let b = NdArray::from_vec(vec![8i8, -1, 9, 3]);
    /// assert_eq!(right_shift(&a, &b).unwrap().to_vec(), vec![-1, -1, 0, 8]);
    /// ```
    right_shift, right_shift_into, Shift, Shift::right_shift, T
);

/// `&a op &b` for every pairing of arrays and views.
macro_rules! bit_ops {
    ($lhs:ty, $rhs:ty) => {
        impl<'l, 'r, T: Bitwise> BitAnd<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T>;
            #[track_caller]
            fn bitand(self, rhs: &'r $rhs) -> NdArray<T> {
                bitwise_and(self, rhs).unwrap_or_else(|e| fail(e))
            }
        }
        impl<'l, 'r, T: Bitwise> BitOr<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T>;
            #[track_caller]
            fn bitor(self, rhs: &'r $rhs) -> NdArray<T> {
                bitwise_or(self, rhs).unwrap_or_else(|e| fail(e))
            }
        }
        impl<'l, 'r, T: Bitwise> BitXor<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T>;
            #[track_caller]
            fn bitxor(self, rhs: &'r $rhs) -> NdArray<T> {
                bitwise_xor(self, rhs).unwrap_or_else(|e| fail(e))
            }
        }
    };
}
bit_ops!(NdArray<T>, NdArray<T>);
bit_ops!(NdArray<T>, ArrayView<'_, T>);
bit_ops!(ArrayView<'_, T>, NdArray<T>);
bit_ops!(ArrayView<'_, T>, ArrayView<'_, T>);

impl<T: Bitwise> Not for &NdArray<T> {
    type Output = NdArray<T>;
    /// Element-wise `~a` (NumPy: `np.invert(a)`); logical not for `bool`.
    fn not(self) -> NdArray<T> {
        invert(self)
    }
}

impl<T: Bitwise> Not for &ArrayView<'_, T> {
    type Output = NdArray<T>;
    /// Element-wise `~a` (NumPy: `np.invert(a)`); logical not for `bool`.
    fn not(self) -> NdArray<T> {
        invert(self)
    }
}

impl<T: Bitwise> Not for NdArray<T> {
    type Output = NdArray<T>;
    /// Element-wise `~a` (NumPy: `np.invert(a)`); logical not for `bool`.
    fn not(self) -> NdArray<T> {
        invert(&self)
    }
}
