//! Cube root `cbrt` (NumPy: `np.cbrt`).
//!
//! `|x| = 2^(3q + r) m` with `m` in `[1, 2)`, `r` in `{0, 1, 2}` (subnormals scaled by 2^54
//! first; `q` found with a rounding trick, no integer division). A degree-6 polynomial fitted
//! here gives `∛m` to 2^-21.9, times `∛2^r`; the estimate is rounded to 23 bits so that
//! `t²` is exact, and one Halley step `t + t (z/t² - t)/(2t + z/t²)` (`z = 2^r m`) brings it
//! to under 0.67 ULP. The result is scaled by `2^q` exactly and given `x`'s sign.
//! Max error on NumPy's validation set: under 1 ULP for `f64` and `f32` (`f32` runs in `f64`
//! lanes, rounded once). `cbrt(±0) = ±0`, `cbrt(±inf) = ±inf`, NaN stays NaN.

use crate::float::horner;
use crate::unary::unary_kernel;

/// `∛(1.5 + v)` for `v` in `[-0.5, 0.5)`, lowest degree first.
const C: [f64; 7] = [
    1.1447142425533323,
    0.254383453864114,
    -0.05653050145457822,
    0.02085714929540036,
    -0.009260767947395939,
    0.0051666994182390956,
    -0.0027033338703399646,
];
const CBRT2: f64 = 1.2599210498948732;
const CBRT4: f64 = 1.5874010519681996;
/// 1.5 · 2^52: adding it rounds to an integer held in the low mantissa bits.
const MAGIC: f64 = 6_755_399_441_055_744.0;

/// `∛x` in `f64`.
#[inline(always)]
pub fn cbrt_core<const FMA: bool>(x: f64) -> f64 {
    const TWO54: f64 = 18_014_398_509_481_984.0;
    const MANT: u64 = 0x000f_ffff_ffff_ffff;
    let a = x.abs();
    let sub = a < f64::MIN_POSITIVE;
    let bits = if sub { a * TWO54 } else { a }.to_bits();
    let e = f64::from_bits(0x4330_0000_0000_0000 | (bits >> 52))
        - 4_503_599_627_371_519.0
        - if sub { 54.0 } else { 0.0 };
    let m = f64::from_bits((bits & MANT) | 0x3ff0_0000_0000_0000);
    // q = floor(e / 3): (e + ½)/3 is never within ⅙ of an integer, so round(that - ½) works.
    let qm = ((e + 0.5) * (1.0 / 3.0) - 0.5) + MAGIC;
    let q = qm - MAGIC;
    let r = e - 3.0 * q;
    let z = m * if r == 0.0 {
        1.0
    } else if r == 1.0 {
        2.0
    } else {
        4.0
    };
    let root_r = if r == 0.0 {
        1.0
    } else if r == 1.0 {
        CBRT2
    } else {
        CBRT4
    };
    let t0 = horner::<FMA, 7>(m - 1.5, &C) * root_r;
    let t = f64::from_bits(t0.to_bits().wrapping_add(0x8000_0000) & 0xffff_ffff_c000_0000);
    let s = t * t; // exact: t has 23 significant bits
    let rr = z / s;
    let corr = (rr - t) / ((t + t) + rr);
    let root = t + t * corr;
    let scale = f64::from_bits(((qm + 1023.0).to_bits() & 0x7ff) << 52);
    if a > 0.0 && a < f64::INFINITY {
        (root * scale).copysign(x)
    } else {
        x
    }
}

/// `∛x` for `f64`.
#[inline(always)]
pub fn cbrt_f64<const FMA: bool>(x: f64) -> f64 {
    cbrt_core::<FMA>(x)
}

/// `∛x` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn cbrt_f32<const FMA: bool>(x: f32) -> f32 {
    cbrt_core::<FMA>(x as f64) as f32
}

unary_kernel!(
    /// Cube root (NumPy: `np.cbrt`).
    Cbrt,
    cbrt_f64,
    cbrt_f32
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::Level;
    use crate::testing::{check_family, eval, validation_tests};

    validation_tests! {
        cbrt_matches_validation_and_levels: Cbrt, "cbrt", check_family(Some(f64::cbrt), f32::cbrt, 1, 1);
    }

    #[test]
    fn cbrt_specials_and_exact_cubes() {
        for l in Level::available() {
            let xs = [
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                27.0,
                -8.0,
                1e-321,
            ];
            let o = eval::<Cbrt, f64>(l, &xs);
            assert_eq!(o[0].to_bits(), 0);
            assert_eq!(o[1].to_bits(), (-0.0f64).to_bits());
            assert_eq!(o[2], f64::INFINITY);
            assert_eq!(o[3], f64::NEG_INFINITY);
            assert!(o[4].is_nan());
            assert_eq!(o[5], 3.0);
            assert_eq!(o[6], -2.0);
            assert!((o[7] - 1e-321f64.cbrt()).abs() <= 1e-122);
            for k in (-340..340).step_by(if cfg!(miri) { 97 } else { 1 }) {
                let c = 2f64.powi(k);
                assert_eq!(eval::<Cbrt, f64>(l, &[c * c * c])[0], c, "2^{k}");
            }
        }
    }
}
