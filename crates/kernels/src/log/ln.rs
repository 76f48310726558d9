//! `log`, `log2` and `log10` (NumPy: `np.log`, `np.log2`, `np.log10`).
//!
//! All three reduce `x = 2^k (1 + f)` with `1 + f` in `[√2/2, √2)` ([`super::core`]), scale
//! subnormals up first, and evaluate `log(1 + f)` by the `atanh` polynomial. `log` adds
//! `k ln 2` in two pieces; `log2`/`log10` split `log(1 + f)` into a 21-bit head and a tail
//! and multiply each by a two-piece `1/ln 2` (`1/ln 10`), so the sum carries about 70 bits
//! before its last rounding. Max error on NumPy's validation sets (docs/accuracy.md): under
//! 1 ULP for `f64` and `f32`. `f32` `log` runs in `f32` lanes (max 0.89 ULP from the true
//! value over all 2^31 positive `f32`s, measured); `log2`/`log10` for `f32` run in `f64` lanes
//! and are rounded once.
//! Specials: `log(±0) = -inf`, `log(x < 0) = NaN`, `log(inf) = inf`, NaN stays NaN.

use super::core::{ln, log1p_parts, specials, split, unsubnormal};
use crate::unary::unary_kernel;

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

/// `R(z) / z` for `log_f32`: the `f32` fit of [`super::core`], rounded to `f32`.
const P_F32: [f32; 4] = [0.666_666_7, 0.400_001_2, 0.285_508_2, 0.233_304_67];
/// `ln 2` split so that `k * LN2_HI_F32` is exact for `|k| < 2^8`.
const LN2_HI_F32: f32 = 0.693_138_1;
const LN2_LO_F32: f32 = 9.058_001e-6;

/// `log(x)` for `f32` in `f32` lanes (twice the lanes of `f64`): the `f64` algorithm with a
/// degree-3 polynomial, and `k ln2_hi + f` summed exactly (Fast2Sum) so that only the last
/// addition rounds at the result's scale.
#[inline(always)]
pub fn log_f32<const FMA: bool>(x: f32) -> f32 {
    const SQRT_HALF_BITS: u32 = 0x3f35_04f3;
    let sub = x < f32::MIN_POSITIVE;
    let xs = if sub { x * 33_554_432.0 } else { x }; // 2^25
    let t = xs.to_bits().wrapping_add(0x3f80_0000 - SQRT_HALF_BITS);
    let k = f32::from_bits(0x4b00_0000 | (t >> 23)) - 8_388_735.0 // 2^23 + 127
        - if sub { 25.0 } else { 0.0 };
    let f = f32::from_bits((t & 0x007f_ffff).wrapping_add(SQRT_HALF_BITS)) - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let mut p = P_F32[3];
    for &c in P_F32[..3].iter().rev() {
        p = if FMA { p.mul_add(z, c) } else { p * z + c };
    }
    let hfsq = 0.5 * f * f;
    let lo = s * (hfsq + z * p) - hfsq + k * LN2_LO_F32;
    let hi_k = k * LN2_HI_F32; // exact
    let hi = hi_k + f;
    let err = (hi_k - hi) + f; // exact: |hi_k| >= |f| unless k == 0, when hi == f
    let r = hi + (err + lo);
    let r = if x == f32::INFINITY { x } else { r };
    let r = if x == 0.0 { f32::NEG_INFINITY } else { r };
    if x >= 0.0 { r } else { f32::NAN }
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

unary_kernel!(
    /// Natural logarithm (NumPy: `np.log`).
    Log,
    log_f64,
    log_f32,
    avx512 = (super::avx512::log_f64_avx512, super::avx512::log_f32_avx512),
    // 0.7 / 0.25 ns per element (f64 / f32, AVX-512): threads from ~30 µs of work.
    par = (1 << 15, 1 << 17)
);
unary_kernel!(
    /// Base-2 logarithm (NumPy: `np.log2`).
    Log2,
    log2_f64,
    log2_f32
);
unary_kernel!(
    /// Base-10 logarithm (NumPy: `np.log10`).
    Log10,
    log10_f64,
    log10_f32
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{check_family, validation_tests};

    validation_tests! {
        log_matches_validation_and_levels: Log, "log", check_family(Some(f64::ln), f32::ln, 1, 1);
        log2_matches_validation_and_levels: Log2, "log2", check_family(Some(f64::log2), f32::log2, 1, 1);
        // glibc's log10 is itself up to ~1.5 ULP off (x = 1.1421429509358285: ours 0.46 ULP
        // from the true value, glibc's 1.54), so against it allow 2.
        log10_matches_validation_and_levels: Log10, "log10", check_family(Some(f64::log10), f32::log10, 2, 1);
    }

    #[test]
    #[cfg_attr(miri, ignore = "Miri perturbs the f64 reference `ln`")]
    fn log_f32_lanes_sampled_against_f64() {
        // Every 4099th positive f32 bit pattern (subnormals included), at every level.
        let xs: Vec<f32> = (0..0x7f80_0000u32)
            .step_by(4099)
            .map(f32::from_bits)
            .collect();
        for l in crate::simd::Level::available() {
            let got = crate::testing::eval::<Log, f32>(l, &xs);
            for (&x, &g) in xs.iter().zip(&got) {
                let want = (x as f64).ln() as f32;
                let d = numerust_testutil::ulp::ulp_f32(g, want);
                assert!(d <= 1, "{l:?} log({x:e}) = {g:e}, want {want:e}");
            }
        }
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
            crate::unary::run_level::<Log, f64>(
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
