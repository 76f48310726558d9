//! `astype`: converting elements between dtypes with NumPy's casting results.
//!
//! - int -> int wraps (two's complement), as NumPy's `astype` does.
//! - int -> float rounds to nearest; float -> float rounds to nearest.
//! - float -> int truncates toward zero; NaN, ±inf and values outside `i64` give
//!   `i64::MIN` reinterpreted in the target (what NumPy gives on x86-64, where the C cast is
//!   undefined behaviour); values in range but outside a narrower target wrap.
//! - anything -> bool is `x != 0`; bool -> number is 0 or 1.
//! - complex -> real keeps the real part (NumPy warns `ComplexWarning`); real -> complex
//!   has imaginary part 0.

use crate::array::{AsView, NdArray};
use crate::element::Element;
use num_complex::Complex;

/// Conversion of one element to `U` with NumPy's casting result.
pub trait CastTo<U>: Copy {
    /// The converted value.
    fn cast(self) -> U;
}

macro_rules! cast_int_float {
    ($($src:ty),*) => {$(
        cast_int_float!(@to $src => i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
        impl CastTo<bool> for $src { fn cast(self) -> bool { self != (0 as $src) } }
        impl CastTo<Complex<f32>> for $src { fn cast(self) -> Complex<f32> { Complex::new(self as f32, 0.0) } }
        impl CastTo<Complex<f64>> for $src { fn cast(self) -> Complex<f64> { Complex::new(self as f64, 0.0) } }
    )*};
    (@to $src:ty => $($dst:ty),*) => {$(
        impl CastTo<$dst> for $src {
            #[inline(always)]
            fn cast(self) -> $dst { <$src as CastVia>::cast_via::<$dst>(self) }
        }
    )*};
}

/// Per-source-type casting helper (float sources need NumPy's out-of-range rule).
trait CastVia: Copy {
    fn cast_via<D: FromPrim>(self) -> D;
}

/// Target side of a primitive cast.
trait FromPrim {
    fn from_i64_wrapping(v: i64) -> Self;
    fn from_u64_wrapping(v: u64) -> Self;
    fn from_f64_float(v: f64) -> Option<Self>
    where
        Self: Sized;
    fn from_f32_float(v: f32) -> Option<Self>
    where
        Self: Sized;
}

macro_rules! from_prim_int {
    ($($t:ty),*) => {$(
        impl FromPrim for $t {
            fn from_i64_wrapping(v: i64) -> Self { v as $t }
            fn from_u64_wrapping(v: u64) -> Self { v as $t }
            fn from_f64_float(_: f64) -> Option<Self> { None }
            fn from_f32_float(_: f32) -> Option<Self> { None }
        }
    )*};
}
from_prim_int!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! from_prim_float {
    ($($t:ty),*) => {$(
        impl FromPrim for $t {
            fn from_i64_wrapping(v: i64) -> Self { v as $t }
            fn from_u64_wrapping(v: u64) -> Self { v as $t }
            fn from_f64_float(v: f64) -> Option<Self> { Some(v as $t) }
            fn from_f32_float(v: f32) -> Option<Self> { Some(v as $t) }
        }
    )*};
}
from_prim_float!(f32, f64);

macro_rules! cast_via_signed {
    ($($t:ty),*) => {$(
        impl CastVia for $t {
            fn cast_via<D: FromPrim>(self) -> D { D::from_i64_wrapping(self as i64) }
        }
    )*};
}
cast_via_signed!(i8, i16, i32, i64);

macro_rules! cast_via_unsigned {
    ($($t:ty),*) => {$(
        impl CastVia for $t {
            fn cast_via<D: FromPrim>(self) -> D { D::from_u64_wrapping(self as u64) }
        }
    )*};
}
cast_via_unsigned!(u8, u16, u32, u64);

/// Float -> integer with NumPy's x86-64 result for values the C cast leaves undefined.
fn float_to_int<D: FromPrim>(v: f64) -> D {
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if v.is_finite() && v > -TWO63 - 1.0 && v < TWO63 {
        D::from_i64_wrapping(v as i64)
    } else if v.is_finite() && (TWO63..2.0 * TWO63).contains(&v) {
        D::from_u64_wrapping(v as u64)
    } else {
        D::from_i64_wrapping(i64::MIN)
    }
}

impl CastVia for f64 {
    fn cast_via<D: FromPrim>(self) -> D {
        D::from_f64_float(self).unwrap_or_else(|| float_to_int(self))
    }
}

impl CastVia for f32 {
    fn cast_via<D: FromPrim>(self) -> D {
        D::from_f32_float(self).unwrap_or_else(|| float_to_int(self as f64))
    }
}

cast_int_float!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

macro_rules! cast_from_bool {
    ($($dst:ty),*) => {$(
        impl CastTo<$dst> for bool { fn cast(self) -> $dst { self as u8 as $dst } }
    )*};
}
cast_from_bool!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
impl CastTo<bool> for bool {
    fn cast(self) -> bool {
        self
    }
}
impl CastTo<Complex<f32>> for bool {
    fn cast(self) -> Complex<f32> {
        Complex::new(self as u8 as f32, 0.0)
    }
}
impl CastTo<Complex<f64>> for bool {
    fn cast(self) -> Complex<f64> {
        Complex::new(self as u8 as f64, 0.0)
    }
}

macro_rules! cast_from_complex {
    ($($c:ty),*) => {$(
        impl CastTo<bool> for Complex<$c> { fn cast(self) -> bool { self.re != 0.0 || self.im != 0.0 } }
        impl CastTo<Complex<f32>> for Complex<$c> { fn cast(self) -> Complex<f32> { Complex::new(self.re as f32, self.im as f32) } }
        impl CastTo<Complex<f64>> for Complex<$c> { fn cast(self) -> Complex<f64> { Complex::new(self.re as f64, self.im as f64) } }
        cast_from_complex!(@real $c => i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
    )*};
    (@real $c:ty => $($dst:ty),*) => {$(
        impl CastTo<$dst> for Complex<$c> { fn cast(self) -> $dst { CastTo::<$dst>::cast(self.re) } }
    )*};
}
cast_from_complex!(f32, f64);

impl<T: Element> NdArray<T> {
    /// A copy with every element cast to `U` (NumPy: `a.astype(U)`).
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// let a = NdArray::from_vec(vec![-1.7f64, 2.5, 300.0]);
    /// assert_eq!(a.astype::<i32>().to_vec(), vec![-1, 2, 300]);
    /// assert_eq!(a.astype::<u8>().to_vec(), vec![255, 2, 44]);
    /// ```
    pub fn astype<U: Element>(&self) -> NdArray<U>
    where
        T: CastTo<U>,
    {
        self.mapv(|x| x.cast())
    }
}

impl<T: Element> crate::view::ArrayView<'_, T> {
    /// A copy with every element cast to `U` (NumPy: `a.astype(U)`).
    pub fn astype<U: Element>(&self) -> NdArray<U>
    where
        T: CastTo<U>,
    {
        self.mapv(|x| x.cast())
    }
}

/// `a.astype(U)` as a free function.
pub fn astype<T: Element + CastTo<U>, U: Element>(a: &impl AsView<T>) -> NdArray<U> {
    a.as_view().astype()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_cast_results() {
        assert_eq!(CastTo::<u8>::cast(300i32), 44);
        assert_eq!(CastTo::<i8>::cast(200u8), -56);
        assert_eq!(CastTo::<i32>::cast(-1.9f64), -1);
        assert_eq!(CastTo::<i64>::cast(f64::NAN), i64::MIN);
        assert_eq!(CastTo::<i32>::cast(f64::INFINITY), 0);
        assert_eq!(CastTo::<u64>::cast(1e19f64), 10_000_000_000_000_000_000u64);
        assert!(CastTo::<bool>::cast(0.5f32));
        assert!(!CastTo::<bool>::cast(0u16));
        assert_eq!(CastTo::<f64>::cast(true), 1.0);
        assert_eq!(CastTo::<f64>::cast(Complex::new(2.0f32, 3.0)), 2.0);
        assert_eq!(CastTo::<f32>::cast(u64::MAX), 18446744073709551616.0f32);
    }
}
