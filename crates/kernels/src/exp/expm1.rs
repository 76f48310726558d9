//! `expm1(x) = e^x - 1`, accurate for tiny `x` (NumPy: `np.expm1`).
//!
//! `f64`: from [`super::core::parts`], `e^x = 2^k (1 + hi + lo)` with `hi + lo = e^r - 1`
//! carried to about 2^-62, so `expm1(x) = (2^k - 1) + 2^k hi + 2^k lo`. `2^k - 1` is formed
//! with its rounding error (two-sum), `2^k hi` is added by Fast2Sum (`|2^k - 1| ≥ |2^k hi|`
//! for `k ≠ 0`, and `2^k - 1 = 0` when `k = 0`), so only the last addition rounds: under
//! 1 ULP everywhere, including the cancelling ranges `x ≈ ±0.35 .. ±1.04`. Inputs are clamped
//! to `[-60, 720]` (`expm1(x < -38) = -1` exactly; `x > 709.78` overflows to `inf`), and near
//! the top `2^k` is applied in two steps so it never overflows early.
//! `f32`: the same reduction in `f64` lanes with the short polynomial; `2^k hi + (2^k - 1)`
//! (one fused step) is accurate to about 2^-50 relative, then rounded once to `f32`.
//! Specials: `expm1(±0) = ±0`, `expm1(-inf) = -1`, `expm1(inf) = inf`, NaN stays NaN.

use super::core::{Q_SHORT, parts, pow2, reduce};
use crate::float::{fma, horner};
use crate::unary::unary_kernel;

/// `2^64` and `2^-64`: the two steps of `2^k` for `k > 1000`.
const TWO64: f64 = 18_446_744_073_709_551_616.0;
const TWOM64: f64 = 1.0 / TWO64;

/// `expm1(x)` for `f64`.
#[inline(always)]
pub fn expm1_f64<const FMA: bool>(x: f64) -> f64 {
    let xc = if x < -60.0 { -60.0 } else { x };
    let xc = if xc > 720.0 { 720.0 } else { xc };
    let (k, hi, lo) = parts::<FMA>(xc);
    let big = k > 1000.0;
    let t = pow2(if big { k - 64.0 } else { k });
    let m = if big { TWOM64 } else { 1.0 };
    // (a, ae) = t - m exactly (two-sum: either may be larger).
    let a = t - m;
    let bv = a - t;
    let ae = (t - (a - bv)) + (-m - bv);
    let th = t * hi;
    let s = a + th;
    let e = (a - s) + th;
    let res = (s + (e + (ae + t * lo))) * if big { TWO64 } else { 1.0 };
    if x == 0.0 || x.is_nan() { x + x } else { res }
}

/// `(e, t)`: `e = expm1(x)` to about 2^-50 relative in `f64`, for `|x| ≤ 200`.
#[inline(always)]
pub fn expm1_short<const FMA: bool>(x: f64) -> f64 {
    let (k, r) = reduce(x);
    let hi = fma::<FMA>(r * r, horner::<FMA, 6>(r, &Q_SHORT), r);
    let t = pow2(k);
    fma::<FMA>(t, hi, t - 1.0)
}

/// `expm1(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn expm1_f32<const FMA: bool>(x: f32) -> f32 {
    let xd = x as f64;
    let xc = if xd < -40.0 { -40.0 } else { xd };
    let xc = if xc > 100.0 { 100.0 } else { xc };
    let res = expm1_short::<FMA>(xc) as f32;
    if x == 0.0 { x } else { res }
}

unary_kernel!(
    /// `e^x - 1` (NumPy: `np.expm1`).
    Expm1,
    expm1_f64,
    expm1_f32
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::Level;
    use crate::testing::{check_family, eval, validation_tests};

    validation_tests! {
        #[cfg_attr(
            miri,
            ignore = "libm oracles (Miri perturbs them on purpose) and hours of validation rows"
        )]
        expm1_matches_validation_and_levels: Expm1, "expm1", check_family(Some(f64::exp_m1), f32::exp_m1, 1, 1);
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "libm oracles (Miri perturbs them on purpose) and hours of validation rows"
    )]
    fn expm1_specials() {
        let inf = f64::INFINITY;
        for l in Level::available() {
            let xs = [
                0.0,
                -0.0,
                inf,
                -inf,
                f64::NAN,
                1e-300,
                -5e-324,
                709.78,
                709.8,
                -40.0,
            ];
            let o = eval::<Expm1, f64>(l, &xs);
            assert_eq!(o[0].to_bits(), 0);
            assert_eq!(o[1].to_bits(), (-0.0f64).to_bits());
            assert_eq!(o[2..4], [inf, -1.0]);
            assert!(o[4].is_nan());
            assert_eq!(o[5..7], [1e-300, -5e-324]);
            assert_eq!(o[7], 709.78f64.exp_m1());
            assert_eq!(o[8..], [inf, -1.0]);
            let o = eval::<Expm1, f32>(l, &[-0.0, 1e-40, 89.0, -inf as f32, f32::NAN]);
            assert_eq!(o[0].to_bits(), (-0.0f32).to_bits());
            assert_eq!(o[1..4], [1e-40, f32::INFINITY, -1.0]);
            assert!(o[4].is_nan());
        }
    }
}
