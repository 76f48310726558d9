//! Simple element-wise math with NumPy's per-type semantics: `abs`, `sign`, `square`,
//! `reciprocal`, `sqrt`, `deg2rad`, `rad2deg`, and the binary `maximum`, `minimum`, `fmax`,
//! `fmin`, `copysign`, `hypot`.
//!
//! Owns the [`Real`] trait (integers and floats) and the [`RealFloat`] trait (`f32`, `f64`)
//! that the rounding, classification, clipping and comparison ufuncs build on. Every function
//! broadcasts, takes any layout, and has an `_into` form writing into an existing array
//! (NumPy's `out=`); the loops are the closure drivers of `numerust-kernels`.
//!
//! - Integers wrap like NumPy: `abs(i8::MIN) == i8::MIN`, `square(200u8) == 64`.
//! - `sign(NaN)` is NaN and `sign(-0.0)` is `0.0`.
//! - Integer `reciprocal` is NumPy's: `1.0 / x` in `f64` converted back, so `1 → 1`,
//!   `-1 → -1`, other values → 0, and `0` gives what NumPy's x86-64 conversion of `inf` gives
//!   (`i32::MIN`/`i64::MIN` for 32/64-bit signed types, 0 for the others).
//! - `maximum`/`minimum` propagate NaN (the first NaN operand wins); on ties (`-0.0` vs `0.0`)
//!   they return the second operand, as NumPy does. `fmax`/`fmin` ignore a NaN operand.
//! - `sqrt`, `deg2rad`, `rad2deg`, `copysign`, `hypot` are for floats (NumPy casts integers to
//!   `float64` first; cast with `astype` for that).

use super::arith::Arith;
use super::{map_binary, map_binary_into, map_unary, map_unary_into};
use crate::array::{AsView, NdArray};
use crate::cast::CastTo;
use crate::error::NdResult;
use crate::view::ArrayViewMut;

/// Integers and floats: the element types of NumPy's ordered numeric ufuncs.
pub trait Real: Arith + PartialOrd {
    /// The smallest finite value (`np.finfo(t).min` / `np.iinfo(t).min`).
    const LOWEST: Self;
    /// The largest finite value.
    const HIGHEST: Self;
    /// `|x|` (wrapping for signed integers).
    fn abs(x: Self) -> Self;
    /// -1, 0 or 1 with `x`'s sign; NaN for NaN.
    fn sign(x: Self) -> Self;
    /// `x * x` (wrapping for integers).
    fn square(x: Self) -> Self;
    /// `1 / x` with NumPy's integer rule (see the module doc).
    fn reciprocal(x: Self) -> Self;
    /// NaN-propagating maximum; ties give `b`.
    fn maximum(a: Self, b: Self) -> Self;
    /// NaN-propagating minimum; ties give `b`.
    fn minimum(a: Self, b: Self) -> Self;
    /// NaN-ignoring maximum; ties give `b`.
    fn fmax(a: Self, b: Self) -> Self;
    /// NaN-ignoring minimum; ties give `b`.
    fn fmin(a: Self, b: Self) -> Self;
    /// NaN-propagating maximum whose ties give `a` (NumPy's `clip` with scalar bounds).
    fn max_keep(a: Self, b: Self) -> Self;
    /// NaN-propagating minimum whose ties give `a` (NumPy's `clip` with scalar bounds).
    fn min_keep(a: Self, b: Self) -> Self;
    /// Round down (identity for integers).
    fn floor(x: Self) -> Self;
    /// Round up (identity for integers).
    fn ceil(x: Self) -> Self;
    /// Round toward zero (identity for integers).
    fn trunc(x: Self) -> Self;
    /// NumPy's `round(x, decimals)` given `pow10 = power_of_ten(|decimals|)`.
    fn round_decimals(x: Self, decimals: i32, pow10: f64) -> Self;
    /// Whether `x` is NaN (never for integers).
    fn is_nan(x: Self) -> bool;
    /// Whether `x` is ±inf (never for integers).
    fn is_inf(x: Self) -> bool;
    /// Whether `x` is neither NaN nor ±inf (always for integers).
    fn is_finite(x: Self) -> bool;
    /// Whether the sign bit is set (`x < 0` for integers).
    fn signbit(x: Self) -> bool;
}

/// `f32` and `f64`: the float-only ufuncs (`sqrt`, `rint`, `copysign`, ...).
pub trait RealFloat: Real {
    /// `√x` (correctly rounded; NaN below zero, `-0.0` for `-0.0`).
    fn sqrt(x: Self) -> Self;
    /// Round half to even.
    fn rint(x: Self) -> Self;
    /// `x` with the sign of `s`.
    fn copysign(x: Self, s: Self) -> Self;
    /// Degrees to radians, NumPy's `x * (π/180)` in this precision.
    fn deg2rad(x: Self) -> Self;
    /// Radians to degrees, NumPy's `x * (180/π)` in this precision.
    fn rad2deg(x: Self) -> Self;
    /// `√(x² + y²)` without undue overflow (the C library's `hypot`, as NumPy uses).
    fn hypot(x: Self, y: Self) -> Self;
}

macro_rules! impl_real_int {
    ($($t:ty, $signed:expr);*) => {$(
        impl Real for $t {
            const LOWEST: Self = <$t>::MIN;
            const HIGHEST: Self = <$t>::MAX;
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn abs(x: Self) -> Self { if x < 0 { (0 as $t).wrapping_sub(x) } else { x } }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn sign(x: Self) -> Self { (x > 0) as $t - ($signed && x < 0) as $t }
            #[inline(always)] fn square(x: Self) -> Self { x.wrapping_mul(x) }
            #[inline(always)]
            fn reciprocal(x: Self) -> Self { CastTo::<$t>::cast(1.0 / x as f64) }
            #[inline(always)] fn maximum(a: Self, b: Self) -> Self { if a > b { a } else { b } }
            #[inline(always)] fn minimum(a: Self, b: Self) -> Self { if a < b { a } else { b } }
            #[inline(always)] fn fmax(a: Self, b: Self) -> Self { Self::maximum(a, b) }
            #[inline(always)] fn fmin(a: Self, b: Self) -> Self { Self::minimum(a, b) }
            #[inline(always)] fn max_keep(a: Self, b: Self) -> Self { if a >= b { a } else { b } }
            #[inline(always)] fn min_keep(a: Self, b: Self) -> Self { if a <= b { a } else { b } }
            #[inline(always)] fn floor(x: Self) -> Self { x }
            #[inline(always)] fn ceil(x: Self) -> Self { x }
            #[inline(always)] fn trunc(x: Self) -> Self { x }
            #[inline(always)]
            fn round_decimals(x: Self, decimals: i32, pow10: f64) -> Self {
                if decimals >= 0 {
                    x
                } else {
                    CastTo::<$t>::cast((x as f64 / pow10).round_ties_even() * pow10)
                }
            }
            #[inline(always)] fn is_nan(_: Self) -> bool { false }
            #[inline(always)] fn is_inf(_: Self) -> bool { false }
            #[inline(always)] fn is_finite(_: Self) -> bool { true }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn signbit(x: Self) -> bool { x < 0 }
        }
    )*};
}
impl_real_int!(i8, true; i16, true; i32, true; i64, true; u8, false; u16, false; u32, false; u64, false);

macro_rules! impl_real_float {
    ($($t:ident),*) => {$(
        impl Real for $t {
            const LOWEST: Self = $t::MIN;
            const HIGHEST: Self = $t::MAX;
            #[inline(always)] fn abs(x: Self) -> Self { x.abs() }
            #[inline(always)]
            fn sign(x: Self) -> Self {
                if x > 0.0 { 1.0 } else if x < 0.0 { -1.0 } else if x == 0.0 { 0.0 } else { x }
            }
            #[inline(always)] fn square(x: Self) -> Self { x * x }
            #[inline(always)] fn reciprocal(x: Self) -> Self { 1.0 / x }
            #[inline(always)]
            fn maximum(a: Self, b: Self) -> Self { if a > b || a.is_nan() { a } else { b } }
            #[inline(always)]
            fn minimum(a: Self, b: Self) -> Self { if a < b || a.is_nan() { a } else { b } }
            #[inline(always)]
            fn fmax(a: Self, b: Self) -> Self { if a > b || b.is_nan() { a } else { b } }
            #[inline(always)]
            fn fmin(a: Self, b: Self) -> Self { if a < b || b.is_nan() { a } else { b } }
            #[inline(always)]
            fn max_keep(a: Self, b: Self) -> Self { if a >= b || a.is_nan() { a } else { b } }
            #[inline(always)]
            fn min_keep(a: Self, b: Self) -> Self { if a <= b || a.is_nan() { a } else { b } }
            #[inline(always)] fn floor(x: Self) -> Self { x.floor() }
            #[inline(always)] fn ceil(x: Self) -> Self { x.ceil() }
            #[inline(always)] fn trunc(x: Self) -> Self { x.trunc() }
            #[inline(always)]
            fn round_decimals(x: Self, decimals: i32, pow10: f64) -> Self {
                // NumPy's PyArray_Round: the factor is a Python float, cast to this dtype.
                let f = pow10 as $t;
                if decimals == 0 {
                    x.round_ties_even()
                } else if decimals > 0 {
                    (x * f).round_ties_even() / f
                } else {
                    (x / f).round_ties_even() * f
                }
            }
            #[inline(always)] fn is_nan(x: Self) -> bool { x.is_nan() }
            #[inline(always)] fn is_inf(x: Self) -> bool { x.is_infinite() }
            #[inline(always)] fn is_finite(x: Self) -> bool { x.is_finite() }
            #[inline(always)] fn signbit(x: Self) -> bool { x.is_sign_negative() }
        }

        impl RealFloat for $t {
            #[inline(always)] fn sqrt(x: Self) -> Self { x.sqrt() }
            #[inline(always)] fn rint(x: Self) -> Self { x.round_ties_even() }
            #[inline(always)] fn copysign(x: Self, s: Self) -> Self { x.copysign(s) }
            #[inline(always)]
            fn deg2rad(x: Self) -> Self { x * (std::$t::consts::PI / 180.0) }
            #[inline(always)]
            fn rad2deg(x: Self) -> Self { x * (180.0 / std::$t::consts::PI) }
            #[inline(always)] fn hypot(x: Self, y: Self) -> Self { x.hypot(y) }
        }
    )*};
}
impl_real_float!(f32, f64);

/// Defines a unary ufunc `$name(a)` and its `$into(a, out)` form from a trait function.
macro_rules! unary_ufunc {
    ($(#[$doc:meta])* $name:ident, $into:ident, $bound:ident, $f:path, $out:ty) => {
        $(#[$doc])*
        pub fn $name<T: $bound>(a: &impl AsView<T>) -> NdArray<$out> {
            map_unary(a, $f)
        }

        #[doc = concat!("`", stringify!($name), "` writing into `out` (NumPy: `np.",
            stringify!($name), "(a, out=out)`).")]
        ///
        /// # Errors
        /// `BroadcastTo` when `a` cannot be broadcast to `out`'s shape.
        pub fn $into<T: $bound>(a: &impl AsView<T>, out: &mut ArrayViewMut<'_, $out>) -> NdResult<()> {
            map_unary_into(a, out, $f)
        }
    };
}
pub(crate) use unary_ufunc;

/// Defines a binary ufunc `$name(a, b)` and its `$into(a, b, out)` form.
macro_rules! binary_ufunc {
    ($(#[$doc:meta])* $name:ident, $into:ident, $bound:ident, $f:path, $out:ty) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// `Broadcast` when the shapes do not broadcast.
        pub fn $name<T: $bound>(a: &impl AsView<T>, b: &impl AsView<T>) -> NdResult<NdArray<$out>> {
            map_binary(a, b, $f)
        }

        #[doc = concat!("`", stringify!($name), "` writing into `out` (NumPy: `np.",
            stringify!($name), "(a, b, out=out)`).")]
        ///
        /// # Errors
        /// `Broadcast`/`BroadcastTo` when the shapes do not fit `out`.
        pub fn $into<T: $bound>(
            a: &impl AsView<T>,
            b: &impl AsView<T>,
            out: &mut ArrayViewMut<'_, $out>,
        ) -> NdResult<()> {
            map_binary_into(a, b, out, $f)
        }
    };
}
pub(crate) use binary_ufunc;

unary_ufunc!(
    /// Element-wise absolute value (NumPy: `np.abs(a)`, `np.absolute(a)`).
    ///
    /// Signed integers wrap: `abs(i8::MIN) == i8::MIN`, as in NumPy.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::abs};
    /// let a = NdArray::from_vec(vec![-1.5, 0.0, 2.0]);
    /// assert_eq!(abs(&a).to_vec(), vec![1.5, 0.0, 2.0]);
    /// ```
    abs, abs_into, Real, Real::abs, T
);
unary_ufunc!(
    /// Element-wise sign: -1, 0 or 1; NaN stays NaN (NumPy: `np.sign(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::sign};
    /// let a = NdArray::from_vec(vec![-3i32, 0, 7]);
    /// assert_eq!(sign(&a).to_vec(), vec![-1, 0, 1]);
    /// ```
    sign, sign_into, Real, Real::sign, T
);
unary_ufunc!(
    /// Element-wise `x * x`; integers wrap (NumPy: `np.square(a)`, `a ** 2`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::square};
    /// let a = NdArray::from_vec(vec![-3.0, 0.5]);
    /// assert_eq!(square(&a).to_vec(), vec![9.0, 0.25]);
    /// ```
    square, square_into, Real, Real::square, T
);
unary_ufunc!(
    /// Element-wise `1 / x`, with NumPy's integer rule (NumPy: `np.reciprocal(a)`).
    ///
    /// For integers: `1 → 1`, `-1 → -1`, other non-zero values → 0, and 0 gives NumPy's
    /// x86-64 result (`i32::MIN`/`i64::MIN` for `int32`/`int64`, 0 for the other types).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::reciprocal};
    /// assert_eq!(reciprocal(&NdArray::from_vec(vec![4.0, -0.5])).to_vec(), vec![0.25, -2.0]);
    /// assert_eq!(reciprocal(&NdArray::from_vec(vec![1i64, -1, 3])).to_vec(), vec![1, -1, 0]);
    /// ```
    reciprocal, reciprocal_into, Real, Real::reciprocal, T
);
unary_ufunc!(
    /// Element-wise square root, correctly rounded; NaN below zero (NumPy: `np.sqrt(a)`).
    ///
    /// Floats only: NumPy computes integer input in `float64`; use `astype::<f64>()` first.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::sqrt};
    /// let a = NdArray::from_vec(vec![4.0f32, 2.25, -1.0]);
    /// let r = sqrt(&a).to_vec();
    /// assert_eq!(&r[..2], &[2.0, 1.5]);
    /// assert!(r[2].is_nan());
    /// ```
    sqrt, sqrt_into, RealFloat, RealFloat::sqrt, T
);
unary_ufunc!(
    /// Degrees to radians, `x * (π/180)` (NumPy: `np.deg2rad(a)`, `np.radians(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::deg2rad};
    /// let r = deg2rad(&NdArray::from_vec(vec![180.0])).to_vec();
    /// assert_eq!(r, vec![std::f64::consts::PI]);
    /// ```
    deg2rad, deg2rad_into, RealFloat, RealFloat::deg2rad, T
);
unary_ufunc!(
    /// Radians to degrees, `x * (180/π)` (NumPy: `np.rad2deg(a)`, `np.degrees(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::rad2deg};
    /// let r = rad2deg(&NdArray::from_vec(vec![std::f64::consts::PI])).to_vec();
    /// assert_eq!(r, vec![180.0]);
    /// ```
    rad2deg, rad2deg_into, RealFloat, RealFloat::rad2deg, T
);

binary_ufunc!(
    /// Element-wise maximum, propagating NaN (NumPy: `np.maximum(a, b)`).
    ///
    /// On ties such as `maximum(-0.0, 0.0)` the second operand is returned, as in NumPy.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::maximum};
    /// let a = NdArray::from_vec(vec![1.0, f64::NAN, 5.0]);
    /// let b = NdArray::from_vec(vec![2.0, 0.0, 3.0]);
    /// let m = maximum(&a, &b).unwrap().to_vec();
    /// assert_eq!((m[0], m[2]), (2.0, 5.0));
    /// assert!(m[1].is_nan());
    /// ```
    maximum, maximum_into, Real, Real::maximum, T
);
binary_ufunc!(
    /// Element-wise minimum, propagating NaN (NumPy: `np.minimum(a, b)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::minimum};
    /// let a = NdArray::from_vec(vec![1i32, 7]);
    /// assert_eq!(minimum(&a, &NdArray::from_elem_0d(5)).unwrap().to_vec(), vec![1, 5]);
    /// ```
    minimum, minimum_into, Real, Real::minimum, T
);
binary_ufunc!(
    /// Element-wise maximum ignoring NaN: NaN only where both are NaN (NumPy: `np.fmax(a, b)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::fmax};
    /// let a = NdArray::from_vec(vec![1.0, f64::NAN]);
    /// let b = NdArray::from_vec(vec![f64::NAN, 2.0]);
    /// assert_eq!(fmax(&a, &b).unwrap().to_vec(), vec![1.0, 2.0]);
    /// ```
    fmax, fmax_into, Real, Real::fmax, T
);
binary_ufunc!(
    /// Element-wise minimum ignoring NaN (NumPy: `np.fmin(a, b)`).
    fmin, fmin_into, Real, Real::fmin, T
);
binary_ufunc!(
    /// `a` with the sign of `b`, element-wise (NumPy: `np.copysign(a, b)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::copysign};
    /// let a = NdArray::from_vec(vec![1.0, 2.0]);
    /// let b = NdArray::from_vec(vec![-0.0, 3.0]);
    /// assert_eq!(copysign(&a, &b).unwrap().to_vec(), vec![-1.0, 2.0]);
    /// ```
    copysign, copysign_into, RealFloat, RealFloat::copysign, T
);

binary_ufunc!(
    /// Element-wise `√(a² + b²)` without undue overflow or underflow (NumPy: `np.hypot(a, b)`).
    ///
    /// Calls the C library's `hypot`/`hypotf` per element, as NumPy does, so results match
    /// NumPy's on the same C library; `hypot(±inf, NaN)` is `inf`.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::simple::hypot};
    /// let a = NdArray::from_vec(vec![3.0f64, 1e300]);
    /// let b = NdArray::from_vec(vec![4.0, 1e300]);
    /// let h = hypot(&a, &b).unwrap().to_vec();
    /// assert_eq!(h[0], 5.0);
    /// assert!(h[1].is_finite());
    /// ```
    hypot, hypot_into, RealFloat, RealFloat::hypot, T
);

impl<T: Real> NdArray<T> {
    /// Element-wise absolute value (NumPy: `np.abs(a)`); see [`abs`].
    pub fn abs(&self) -> NdArray<T> {
        abs(self)
    }

    /// Element-wise `x * x` (NumPy: `np.square(a)`); see [`square`].
    pub fn square(&self) -> NdArray<T> {
        square(self)
    }
}

impl<T: RealFloat> NdArray<T> {
    /// Element-wise square root (NumPy: `np.sqrt(a)`); see [`sqrt`].
    pub fn sqrt(&self) -> NdArray<T> {
        sqrt(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_edges() {
        assert_eq!(<i8 as Real>::abs(i8::MIN), i8::MIN);
        assert_eq!(<u8 as Real>::sign(0), 0);
        assert_eq!(<u8 as Real>::sign(9), 1);
        assert_eq!(<i16 as Real>::sign(-9), -1);
        assert_eq!(<u8 as Real>::square(200), 64);
        assert_eq!(<i8 as Real>::reciprocal(0), 0);
        assert_eq!(<i32 as Real>::reciprocal(0), i32::MIN);
        assert_eq!(<i64 as Real>::reciprocal(0), i64::MIN);
        assert_eq!(<u64 as Real>::reciprocal(0), 0);
        // NumPy 2.4 on x86-64: np.reciprocal(np.zeros(1, t)) for the remaining types.
        assert_eq!(<i16 as Real>::reciprocal(0), 0);
        assert_eq!(<u16 as Real>::reciprocal(0), 0);
        assert_eq!(<u32 as Real>::reciprocal(0), 0);
        assert_eq!(<u8 as Real>::reciprocal(0), 0);
        assert_eq!(<i32 as Real>::reciprocal(-1), -1);
        assert_eq!(<i32 as Real>::round_decimals(-1255, -1, 10.0), -1260);
        assert_eq!(<i32 as Real>::round_decimals(25, -1, 10.0), 20);
    }

    #[test]
    fn float_ties_and_nan() {
        let bits = |x: f64| x.to_bits();
        assert_eq!(bits(<f64 as Real>::maximum(-0.0, 0.0)), bits(0.0));
        assert_eq!(bits(<f64 as Real>::maximum(0.0, -0.0)), bits(-0.0));
        assert!(<f64 as Real>::maximum(1.0, f64::NAN).is_nan());
        assert!(<f64 as Real>::minimum(f64::NAN, 1.0).is_nan());
        assert_eq!(f64::fmax(f64::NAN, 1.0), 1.0);
        assert_eq!(f64::fmin(1.0, f64::NAN), 1.0);
        assert_eq!(bits(f64::sign(-0.0)), bits(0.0));
        assert!(f64::sign(f64::NAN).is_nan());
        assert_eq!(bits(f64::max_keep(-0.0, 0.0)), bits(-0.0));
        assert!(f64::max_keep(1.0, f64::NAN).is_nan());
    }
}
