//! `log1p(x) = log(1 + x)` (NumPy: `np.log1p`).
//!
//! `u = 1 + x` is rounded, its rounding error `c` recovered exactly (Fast2Sum), and
//! `log(u) + c/u` evaluated by the shared core ([`super::core::ln_corrected`]), so tiny `x`
//! give `x` and `x` near -1 lose nothing. Max error on NumPy's validation set: under 1 ULP
//! for `f64` and `f32` (`f32` runs in `f64` lanes, rounded once).
//! Specials: `log1p(-1) = -inf`, `log1p(x < -1) = NaN`, `log1p(±0) = ±0`, `log1p(inf) = inf`.

use super::core::{ln_corrected, one_plus};
use crate::unary::unary_kernel;

/// `log1p(x)` in `f64` lanes; `SHORT` for `f32` results.
#[inline(always)]
pub fn log1p_core<const FMA: bool, const SHORT: bool>(x: f64) -> f64 {
    let (u, c) = one_plus(x, 0.0);
    let r = ln_corrected::<FMA, SHORT>(u, c, 0.0);
    // ±0 (and, harmlessly, every |x| below 2^-54 where r == x anyway) keep their sign.
    if x.abs() < 5.551115123125783e-17 {
        x
    } else {
        r
    }
}

/// `log1p(x)` for `f64`.
#[inline(always)]
pub fn log1p_f64<const FMA: bool>(x: f64) -> f64 {
    log1p_core::<FMA, false>(x)
}

/// `log1p(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn log1p_f32<const FMA: bool>(x: f32) -> f32 {
    log1p_core::<FMA, true>(x as f64) as f32
}

unary_kernel!(
    /// `log(1 + x)` accurate near 0 (NumPy: `np.log1p`).
    Log1p,
    log1p_f64,
    log1p_f32
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::Level;
    use crate::testing::{check_family, eval, validation_tests};

    validation_tests! {
        log1p_matches_validation_and_levels: Log1p, "log1p", check_family(Some(f64::ln_1p), f32::ln_1p, 1, 1);
    }

    #[test]
    fn log1p_specials() {
        for l in Level::available() {
            let xs = [
                -1.0,
                -2.0,
                0.0,
                -0.0,
                f64::INFINITY,
                1e-300,
                -1e-300,
                5e-324,
            ];
            let o = eval::<Log1p, f64>(l, &xs);
            assert_eq!(o[0], f64::NEG_INFINITY);
            assert!(o[1].is_nan());
            assert_eq!(o[2].to_bits(), 0.0f64.to_bits());
            assert_eq!(o[3].to_bits(), (-0.0f64).to_bits());
            assert_eq!(o[4], f64::INFINITY);
            assert_eq!(&o[5..], &xs[5..]);
            let o32 = eval::<Log1p, f32>(l, &[-1.0, -0.0, 1e-45]);
            assert_eq!(o32[0], f32::NEG_INFINITY);
            assert_eq!(o32[1].to_bits(), (-0.0f32).to_bits());
            assert_eq!(o32[2], 1e-45);
        }
    }
}
