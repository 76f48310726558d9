//! `sin`, `cos` and `tan` (NumPy: `np.sin`, `np.cos`, `np.tan`).
//!
//! After the reduction `x = n π/2 + y0 + y1` ([`super::reduce`]), `f64` evaluates both
//! fdlibm/musl kernels on `[-π/4, π/4]` (`__sin`: odd degree-13 polynomial with the tail
//! `y1` folded in; `__cos`: even degree-14 polynomial, `1 - z/2` split so no bit is lost)
//! and selects by `n mod 4`, so the body has no branch. `tan` takes the same two kernels as
//! double-doubles and divides them with one correction step (`sin/cos`, or `-cos/sin` for
//! odd `n`). `f32` runs in `f64` lanes with shorter polynomials and a one-step reduction,
//! rounded once. Max error on NumPy's validation sets (docs/accuracy.md): at most 1 ULP for
//! `f64` and `f32`. Specials: `sin(±0) = ±0`, `tan(±0) = ±0`, `cos(±0) = 1`, `±inf` and NaN
//! give NaN.

use super::reduce::{FAST_MAX, reduce, reduce_by_half_pi, reduce_huge, reduce_short};
use crate::float::{fma, two_prod};
use crate::unary::{Unary, contig_with_slow_path, contig_with_slow_path_raw};

const S1: f64 = -0.16666666666666632;
const S2: f64 = 0.00833333333332249;
const S3: f64 = -0.0001984126982985795;
const S4: f64 = 2.7557313707070068e-06;
const S5: f64 = -2.5050760253406863e-08;
const S6: f64 = 1.58969099521155e-10;
const C1: f64 = 0.0416666666666666;
const C2: f64 = -0.001388888888887411;
const C3: f64 = 2.480158728947673e-05;
const C4: f64 = -2.7557314351390663e-07;
const C5: f64 = 2.087572321298175e-09;
const C6: f64 = -1.1359647557788195e-11;

/// `sin(x + y)` for `|x + y| <= ~π/4` as `head + tail` (head = `x`).
#[inline(always)]
fn sin_dd<const FMA: bool>(x: f64, y: f64) -> (f64, f64) {
    let z = x * x;
    let w = z * z;
    let r = fma::<FMA>(z, fma::<FMA>(z, S4, S3), S2) + z * w * fma::<FMA>(z, S6, S5);
    let v = z * x;
    (x, -((z * (0.5 * y - v * r) - y) - v * S1))
}

/// `cos(x + y)` for `|x + y| <= ~π/4` as `head + tail`.
#[inline(always)]
fn cos_dd<const FMA: bool>(x: f64, y: f64) -> (f64, f64) {
    let z = x * x;
    let w = z * z;
    let r = z * fma::<FMA>(z, fma::<FMA>(z, C3, C2), C1)
        + w * w * fma::<FMA>(z, fma::<FMA>(z, C6, C5), C4);
    let hz = 0.5 * z;
    let h = 1.0 - hz;
    (h, ((1.0 - h) - hz) + (z * r - x * y))
}

/// `sin` of the reduced argument rotated by `q` quarter turns.
#[inline(always)]
fn sin_quadrant<const FMA: bool>(q: u64, y0: f64, y1: f64) -> f64 {
    let (sh, sl) = sin_dd::<FMA>(y0, y1);
    let (ch, cl) = cos_dd::<FMA>(y0, y1);
    // sin of the reduced argument has its sign (also for ±0); cos of it is positive.
    let v = if q & 1 == 0 {
        (sh + sl).copysign(y0)
    } else {
        ch + cl
    };
    f64::from_bits(v.to_bits() ^ ((q & 2) << 62))
}

/// `sin(x)` for `f64`, `|x| < FAST_MAX` or non-finite.
#[inline(always)]
pub fn sin_f64<const FMA: bool>(x: f64) -> f64 {
    let (q, y0, y1) = reduce(x);
    sin_quadrant::<FMA>(q, y0, y1)
}

/// `cos(x)` for `f64`, `|x| < FAST_MAX` or non-finite.
#[inline(always)]
pub fn cos_f64<const FMA: bool>(x: f64) -> f64 {
    let (q, y0, y1) = reduce(x);
    sin_quadrant::<FMA>(q.wrapping_add(1), y0, y1)
}

/// `tan` of the reduced argument rotated by `q` quarter turns.
#[inline(always)]
fn tan_quadrant<const FMA: bool>(q: u64, y0: f64, y1: f64) -> f64 {
    let (sh, sl) = sin_dd::<FMA>(y0, y1);
    let (ch, cl) = cos_dd::<FMA>(y0, y1);
    // Renormalise both so the heads carry the rounded values.
    let (s, c) = (sh + sl, ch + cl);
    let (sl, cl) = (sl - (s - sh), cl - (c - ch));
    let odd = q & 1 == 1;
    let (nh, nl, dh, dl) = if odd {
        (-c, -cl, s, sl)
    } else {
        (s, sl, c, cl)
    };
    let t = nh / dh;
    let (p, pe) = two_prod::<FMA>(t, dh);
    let rem = ((nh - p) - pe) + (nl - t * dl);
    (t + rem / dh).copysign(t)
}

/// `tan(x)` for `f64`, `|x| < FAST_MAX` or non-finite.
#[inline(always)]
pub fn tan_f64<const FMA: bool>(x: f64) -> f64 {
    let (q, y0, y1) = reduce(x);
    tan_quadrant::<FMA>(q, y0, y1)
}

/// Short polynomials for `f32` results: `(sin y, cos y)` for `|y| <= ~π/4`, relative error
/// under `2^-30`.
#[inline(always)]
fn sincos_short<const FMA: bool>(y: f64) -> (f64, f64) {
    let z = y * y;
    let s = fma::<FMA>(z, fma::<FMA>(z, fma::<FMA>(z, S4, S3), S2), S1);
    let sin = fma::<FMA>(y * z, s, y);
    let c = fma::<FMA>(z, fma::<FMA>(z, fma::<FMA>(z, C4, C3), C2), C1);
    let cos = fma::<FMA>(z * z, c, 1.0 - 0.5 * z);
    (sin, cos)
}

#[inline(always)]
fn sin32_quadrant<const FMA: bool>(q: u64, y: f64) -> f32 {
    let (s, c) = sincos_short::<FMA>(y);
    let v = if q & 1 == 0 { s.copysign(y) } else { c };
    f64::from_bits(v.to_bits() ^ ((q & 2) << 62)) as f32
}

#[inline(always)]
fn tan32_quadrant<const FMA: bool>(q: u64, y: f64) -> f32 {
    let (s, c) = sincos_short::<FMA>(y);
    let s = s.copysign(y);
    let v = if q & 1 == 0 { s / c } else { -c / s };
    v as f32
}

/// `(sin(y)/y - 1) / y²` as a polynomial in `z = y²` (Chebyshev interpolation on
/// `|y| ≤ π/2 + 0.001`): `y (1 + z p(z))` is within `2^-33` of `sin y` relative, far below an
/// `f32` ULP (one degree fewer than the Taylor series needs for `2^-30`).
const T: [f64; 5] = [
    -0.166_666_666_638_635_58,
    0.008_333_332_765_892_838,
    -0.000_198_410_858_668_201_67,
    2.753_641_107_243_41e-6,
    -2.407_897_609_276_595e-8,
];
/// `1.5 · 2^52`: adding and subtracting it rounds to an integer.
const SHIFT: f64 = 6755399441055744.0;
/// `π/2 - FRAC_PI_2`.
const PIO2_LO: f64 = 6.123233995736766e-17;

/// `±sin(y)` for `|y| <= ~π/2`, negated when `flip` (bit 63 set). `y (1 + z p)` keeps the
/// sign of a zero `y`.
#[inline(always)]
fn sin_half_turn<const FMA: bool>(y: f64, flip: u64) -> f32 {
    let z = y * y;
    let f = |a: f64, c: f64| fma::<FMA>(z, a, c);
    let p = f(f(f(f(T[4], T[3]), T[2]), T[1]), T[0]);
    let v = y * fma::<FMA>(z, p, 1.0);
    f64::from_bits(v.to_bits() ^ flip) as f32
}

/// `x - k π/2` for an integer-valued `|k| < 2^21` and `x` from an `f32`: with FMA, two fused
/// steps with `π/2` in two 53-bit pieces (relative error under `2^-50`); without, the exact
/// Cody–Waite round of [`reduce_by_half_pi`].
#[inline(always)]
fn half_pi_rem<const FMA: bool>(x: f64, k: f64) -> f64 {
    if FMA {
        let y = (-k).mul_add(std::f64::consts::FRAC_PI_2, x);
        (-k).mul_add(PIO2_LO, y)
    } else {
        reduce_by_half_pi(x, k)
    }
}

/// `sin(x)` for `f32`, evaluated in `f64`, `|x| < FAST_MAX` or non-finite: `n = rint(x/π)`,
/// `sin(x) = (-1)^n sin(x - nπ)`, one polynomial (no quadrant select).
#[inline(always)]
pub fn sin_f32<const FMA: bool>(x: f32) -> f32 {
    let x = x as f64;
    let t = fma::<FMA>(x, std::f64::consts::FRAC_1_PI, SHIFT);
    let n = t - SHIFT;
    let y = if FMA {
        // `x - 2n (π/2)` as `x - n π` with both `π/2` pieces doubled: exact scalings, so the
        // same bits as `half_pi_rem(x, 2n)`, one multiply fewer.
        let y = (-n).mul_add(std::f64::consts::PI, x);
        (-n).mul_add(2.0 * PIO2_LO, y)
    } else {
        half_pi_rem::<FMA>(x, 2.0 * n)
    };
    sin_half_turn::<FMA>(y, (t.to_bits() & 1) << 63)
}

/// `cos(x)` for `f32`, evaluated in `f64`, `|x| < FAST_MAX` or non-finite:
/// `m = rint(x/π - 1/2)`, `cos(x) = (-1)^(m+1) sin(x - (2m+1)π/2)`.
#[inline(always)]
pub fn cos_f32<const FMA: bool>(x: f32) -> f32 {
    let x = x as f64;
    let t = fma::<FMA>(x, std::f64::consts::FRAC_1_PI, -0.5) + SHIFT;
    let m = t - SHIFT;
    let y = half_pi_rem::<FMA>(x, 2.0 * m + 1.0);
    sin_half_turn::<FMA>(y, ((t.to_bits() & 1) ^ 1) << 63)
}

/// `tan(x)` for `f32`, evaluated in `f64`, `|x| < FAST_MAX` or non-finite.
#[inline(always)]
pub fn tan_f32<const FMA: bool>(x: f32) -> f32 {
    let (q, y) = reduce_short(x as f64);
    tan32_quadrant::<FMA>(q, y)
}

/// [`is_huge`] for an `f32` argument, decided in `f32` (`FAST_MAX` is a power of two, so
/// the same answer as on the widened value, at half the lanes' cost in the block scan).
#[inline(always)]
fn is_huge32(x: f32) -> bool {
    let a = x.abs();
    (a >= FAST_MAX as f32) & (a != f32::INFINITY)
}

/// Whether a finite `|x|` is beyond the fast reduction's range.
#[inline(always)]
fn is_huge(x: f64) -> bool {
    let a = x.abs();
    (a >= FAST_MAX) & (a != f64::INFINITY)
}

/// Defines a kernel type for one of `sin`/`cos`/`tan` with its huge-argument path.
macro_rules! trig_kernel {
    ($(#[$doc:meta])* $name:ident, $f64:ident, $f32:ident, $quad64:ident, $quad32:ident, $shift:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl Unary<f64> for $name {
            #[inline(always)]
            fn elem<const FMA: bool>(x: f64) -> f64 {
                $f64::<FMA>(x)
            }
            #[inline(always)]
            fn needs_slow(x: f64) -> bool {
                is_huge(x)
            }
            #[inline(always)]
            fn slow<const FMA: bool>(x: f64) -> f64 {
                let (q, y0, y1) = reduce_huge(x);
                $quad64::<FMA>(q.wrapping_add($shift), y0, y1)
            }
            #[inline(always)]
            fn contig<const FMA: bool>(src: &[f64], dst: &mut [f64]) {
                contig_with_slow_path::<Self, f64, FMA>(src, dst)
            }
            // The same loop straight into the destination (same bits).
            const HAS_AVX512: bool = true;
            #[cfg(target_arch = "x86_64")]
            #[inline(always)]
            unsafe fn contig_avx512(src: &[f64], dst: *mut f64) {
                // SAFETY: the caller's guarantee on `dst`.
                unsafe { contig_with_slow_path_raw::<Self, f64, true>(src, dst) }
            }
        }

        impl Unary<f32> for $name {
            #[inline(always)]
            fn elem<const FMA: bool>(x: f32) -> f32 {
                $f32::<FMA>(x)
            }
            #[inline(always)]
            fn needs_slow(x: f32) -> bool {
                is_huge32(x)
            }
            #[inline(always)]
            fn slow<const FMA: bool>(x: f32) -> f32 {
                let (q, y0, y1) = reduce_huge(x as f64);
                $quad32::<FMA>(q.wrapping_add($shift), y0 + y1)
            }
            #[inline(always)]
            fn contig<const FMA: bool>(src: &[f32], dst: &mut [f32]) {
                contig_with_slow_path::<Self, f32, FMA>(src, dst)
            }
            const HAS_AVX512: bool = true;
            #[cfg(target_arch = "x86_64")]
            #[inline(always)]
            unsafe fn contig_avx512(src: &[f32], dst: *mut f32) {
                // SAFETY: the caller's guarantee on `dst`.
                unsafe { contig_with_slow_path_raw::<Self, f32, true>(src, dst) }
            }
        }
    };
}

trig_kernel!(
    /// Sine (NumPy: `np.sin`).
    Sin,
    sin_f64,
    sin_f32,
    sin_quadrant,
    sin32_quadrant,
    0
);
trig_kernel!(
    /// Cosine (NumPy: `np.cos`).
    Cos,
    cos_f64,
    cos_f32,
    sin_quadrant,
    sin32_quadrant,
    1
);
trig_kernel!(
    /// Tangent (NumPy: `np.tan`).
    Tan,
    tan_f64,
    tan_f32,
    tan_quadrant,
    tan32_quadrant,
    0
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::validation_tests;
    use crate::trig::testing::check_family;

    validation_tests! {
        #[cfg_attr(
            miri,
            ignore = "validation-set loops and libm comparisons; no unsafe of their own"
        )]
        sin_matches_validation_and_levels: Sin, "sin", check_family(f64::sin, f32::sin, 1);
        cos_matches_validation_and_levels: Cos, "cos", check_family(f64::cos, f32::cos, 1);
        tan_matches_validation_and_levels: Tan, "tan", check_family(f64::tan, f32::tan, 1);
    }
}
