//! `log`, `log2` and `log10` (NumPy: `np.log`, `np.log2`, `np.log10`).
//!
//! All three reduce `x = 2^k (1 + f)` with `1 + f` in `[√2/2, √2)` ([`super::core`]), scale
//! subnormals up first, and evaluate `log(1 + f)` by the `atanh` polynomial. `log` adds
//! `k ln 2` in two pieces; `log2`/`log10` split `log(1 + f)` into a 21-bit head and a tail
//! and multiply each by a two-piece `1/ln 2` (`1/ln 10`), so the sum carries about 70 bits
//! before its last rounding. Max error on NumPy's validation sets (docs/accuracy.md): under
//! 1 ULP for `f64` and `f32` (`f32` runs in `f64` lanes and is rounded once).
//! Specials: `log(±0) = -inf`, `log(x < 0) = NaN`, `log(inf) = inf`, NaN stays NaN.

use super::core::{ln, log1p_parts, specials, split, unsubnormal};
use super::kernel;

/// `1/ln 2` split with a 33-bit head.
const IVLN2_HI: f64 = 1.4426950407214463;
const IVLN2_LO: f64 = 1.6751713164886512e-10;
/// `1/ln 10` split with a 33-bit head.
const IVLN10_HI: f64 = 0.4342944818781689;
const IVLN10_LO: f64 = 2.5082946711645275e-11;
/// `log10(2)` split with a 33-bit head (`k * LOG10_2_HI` is exact).
const LOG10_2_HI: f64 = 0.30102999560767785;
const LOG10_2_LO: f64 = 5.630334806675098e-11;

/// `log(x)` for `f64`.
#[inline(always)]
pub fn log_f64<const FMA: bool>(x: f64) -> f64 {
    ln::<FMA, false>(x)
}

/// `log(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn log_f32<const FMA: bool>(x: f32) -> f32 {
    ln::<FMA, true>(x as f64) as f32
}

/// `(k, hi, lo)` with `log(x) = k ln 2 + hi + lo`, `hi` holding 21 significant bits.
#[inline(always)]
fn head_tail<const FMA: bool>(x: f64) -> (f64, f64, f64) {
    let (xs, k0) = unsubnormal(x);
    let (k, f) = split(xs);
    let (hfsq, sr) = log1p_parts::<FMA, false>(f);
    let hi = f64::from_bits((f - hfsq).to_bits() & 0xffff_ffff_0000_0000);
    let lo = (f - hi) - hfsq + sr;
    (k + k0, hi, lo)
}

/// `log2(x)` for `f64`.
#[inline(always)]
pub fn log2_f64<const FMA: bool>(x: f64) -> f64 {
    let (k, hi, lo) = head_tail::<FMA>(x);
    let val_hi = hi * IVLN2_HI;
    let val_lo = (lo + hi) * IVLN2_LO + lo * IVLN2_HI;
    let w = k + val_hi;
    let val_lo = val_lo + ((k - w) + val_hi);
    specials(x, val_lo + w)
}

/// `log2(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn log2_f32<const FMA: bool>(x: f32) -> f32 {
    let x = x as f64;
    let (k, f) = split(x);
    let (hfsq, sr) = log1p_parts::<FMA, true>(f);
    specials(x, k + (f - hfsq + sr) * std::f64::consts::LOG2_E) as f32
}

/// `log10(x)` for `f64`.
#[inline(always)]
pub fn log10_f64<const FMA: bool>(x: f64) -> f64 {
    let (k, hi, lo) = head_tail::<FMA>(x);
    let val_hi = hi * IVLN10_HI;
    let y2 = k * LOG10_2_HI;
    let val_lo = k * LOG10_2_LO + (lo + hi) * IVLN10_LO + lo * IVLN10_HI;
    let w = y2 + val_hi;
    let val_lo = val_lo + ((y2 - w) + val_hi);
    specials(x, val_lo + w)
}

/// `log10(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn log10_f32<const FMA: bool>(x: f32) -> f32 {
    let x = x as f64;
    let (k, f) = split(x);
    let (hfsq, sr) = log1p_parts::<FMA, true>(f);
    specials(
        x,
        k * std::f64::consts::LOG10_2 + (f - hfsq + sr) * std::f64::consts::LOG10_E,
    ) as f32
}

kernel!(
    /// Natural logarithm (NumPy: `np.log`).
    Log,
    log_f64,
    log_f32
);
kernel!(
    /// Base-2 logarithm (NumPy: `np.log2`).
    Log2,
    log2_f64,
    log2_f32
);
kernel!(
    /// Base-10 logarithm (NumPy: `np.log10`).
    Log10,
    log10_f64,
    log10_f32
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::testing::{check_family, check_umath};

    #[test]
    fn log_matches_validation_and_levels() {
        check_umath::<Log>("log", 1, 1);
        check_family::<Log>(Some(f64::ln), f32::ln, 1, 1);
    }

    #[test]
    fn log2_matches_validation_and_levels() {
        check_umath::<Log2>("log2", 1, 1);
        check_family::<Log2>(Some(f64::log2), f32::log2, 1, 1);
    }

    #[test]
    fn log10_matches_validation_and_levels() {
        check_umath::<Log10>("log10", 1, 1);
        // glibc's log10 is itself up to ~1.5 ULP off (x = 1.1421429509358285: ours 0.46 ULP
        // from the true value, glibc's 1.54), so against it allow 2.
        check_family::<Log10>(Some(f64::log10), f32::log10, 2, 1);
    }

    #[test]
    fn log_specials() {
        for l in crate::simd::Level::available() {
            let xs = [
                0.0,
                -0.0,
                -1.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                1.0,
            ];
            let mut out = [0.0; 7];
            crate::log::run_level::<Log, f64>(
                l,
                crate::Run::from_slice(&xs),
                crate::RunMut::from_slice(&mut out),
            );
            assert_eq!(out[0], f64::NEG_INFINITY);
            assert_eq!(out[1], f64::NEG_INFINITY);
            assert!(out[2].is_nan() && out[4].is_nan() && out[5].is_nan());
            assert_eq!(out[3], f64::INFINITY);
            assert_eq!(out[6].to_bits(), 0);
        }
    }
}
