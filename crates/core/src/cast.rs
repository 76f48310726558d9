//! `astype`: converting elements between dtypes with NumPy's casting results.
//!
//! - int -> int wraps (two's complement), as NumPy's `astype` does.
//! - int -> float rounds to nearest; float -> float rounds to nearest.
//! - float -> int truncates toward zero. Where C leaves the cast undefined (NaN, ±inf, out of
//!   range) numerust reproduces what NumPy 2.4 gives on x86-64, which follows the SSE/AVX
//!   conversion instructions: int8/int16/uint8/uint16 convert to int32 (NaN and overflow give
//!   `i32::MIN`) then wrap; int32 and int64 give their `MIN`; uint32/uint64 convert values at
//!   or above 2^31 / 2^63 by subtracting that, converting, and adding it back. E.g.
//!   `[nan, 300.7, -300.7, 3e9]` gives int8 `[0, 44, -44, 0]` and uint32
//!   `[2147483648, 300, 4294966996, 3000000000]`.
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
    /// NumPy's x86-64 float -> Self conversion (see the module doc).
    fn from_f64_numpy(v: f64) -> Self;
}

/// `cvttsd2si` to 32 bits: truncation, `i32::MIN` for NaN and out-of-range values.
fn cvt32(v: f64) -> i32 {
    let t = v.trunc();
    if (-2_147_483_648.0..=2_147_483_647.0).contains(&t) {
        t as i32
    } else {
        i32::MIN
    }
}

/// `cvttsd2si` to 64 bits: truncation, `i64::MIN` for NaN and out-of-range values.
fn cvt64(v: f64) -> i64 {
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    let t = v.trunc();
    if (-TWO63..TWO63).contains(&t) {
        t as i64
    } else {
        i64::MIN
    }
}

macro_rules! from_prim_int {
    ($($t:ty => $conv:expr),*) => {$(
        impl FromPrim for $t {
            fn from_i64_wrapping(v: i64) -> Self { v as $t }
            fn from_u64_wrapping(v: u64) -> Self { v as $t }
            fn from_f64_numpy(v: f64) -> Self { let f: fn(f64) -> $t = $conv; f(v) }
        }
    )*};
}
from_prim_int!(
    i8 => |v| cvt32(v) as i8,
    i16 => |v| cvt32(v) as i16,
    i32 => cvt32,
    i64 => cvt64,
    u8 => |v| cvt32(v) as u8,
    u16 => |v| cvt32(v) as u16,
    u32 => |v| if v >= 2_147_483_648.0 {
        (cvt32(v - 2_147_483_648.0) as u32).wrapping_add(1 << 31)
    } else {
        cvt32(v) as u32
    },
    u64 => |v| if v >= 9_223_372_036_854_775_808.0 {
        (cvt64(v - 9_223_372_036_854_775_808.0) as u64).wrapping_add(1 << 63)
    } else {
        cvt64(v) as u64
    }
);

macro_rules! from_prim_float {
    ($($t:ty),*) => {$(
        impl FromPrim for $t {
            fn from_i64_wrapping(v: i64) -> Self { v as $t }
            fn from_u64_wrapping(v: u64) -> Self { v as $t }
            fn from_f64_numpy(v: f64) -> Self { v as $t }
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

impl CastVia for f64 {
    fn cast_via<D: FromPrim>(self) -> D {
        D::from_f64_numpy(self)
    }
}

impl CastVia for f32 {
    fn cast_via<D: FromPrim>(self) -> D {
        // f32 -> f64 is exact, and f32 -> f32 through f64 rounds back to the same value.
        D::from_f64_numpy(self as f64)
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
        assert_eq!(CastTo::<i32>::cast(f64::INFINITY), i32::MIN);
        assert_eq!(CastTo::<i8>::cast(3e9f64), 0);
        assert_eq!(CastTo::<u8>::cast(-300.7f64), 212);
        assert_eq!(CastTo::<u32>::cast(-300.7f64), 4294966996);
        assert_eq!(CastTo::<u32>::cast(f64::NAN), 2147483648);
        assert_eq!(CastTo::<u64>::cast(-3e9f64), 18446744070709551616);
        assert_eq!(CastTo::<u64>::cast(1e19f64), 10_000_000_000_000_000_000u64);
        assert!(CastTo::<bool>::cast(0.5f32));
        assert!(!CastTo::<bool>::cast(0u16));
        assert_eq!(CastTo::<f64>::cast(true), 1.0);
        assert_eq!(CastTo::<f64>::cast(Complex::new(2.0f32, 3.0)), 2.0);
        assert_eq!(CastTo::<f32>::cast(u64::MAX), 18446744073709551616.0f32);
    }
}
