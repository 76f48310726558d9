//! The shared exponential core: `x = k ln 2 + r` with `k` an integer and `|r| ≤ ln 2 / 2`,
//! then `e^r = 1 + r + r² Q(r)` with `Q` a polynomial fitted here (Chebyshev interpolation
//! in 60-digit arithmetic, `|r| ≤ 0.3467`): degree 10 for `f64` (relative error 2^-61 before
//! rounding), degree 5 for `f32` results evaluated in `f64` (2^-32).
//!
//! `k` comes from the round-to-nearest shift trick (`x log2(e) + 1.5·2^52`), `2^k` from
//! integer bits, so there is no float-to-integer conversion and no table: every step is an
//! add, a multiply, a shift or a select, and loops over these functions vectorise. `FMA`
//! fuses the polynomial's multiply-adds only; the range reduction `x - k ln 2_hi` is exact
//! either way (`ln 2_hi` has 32 significant bits, `|k| < 2^11`).

use crate::float::{fma, horner};

/// `1.5 · 2^52`: adding and subtracting it rounds an `f64` of magnitude below `2^51` to an
/// integer, whose value then sits in the low bits of the sum.
pub const SHIFT: f64 = 6_755_399_441_055_744.0;
/// `ln 2` with its low 21 bits zero, so `k * LN2_HI` is exact for `|k| < 2^21` (fdlibm).
pub const LN2_HI: f64 = 6.931_471_803_691_238e-1;
/// `ln 2 - LN2_HI`.
pub const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// `Q(r) = (e^r - 1 - r) / r²` for `f64` (lowest degree first).
pub const Q_LONG: [f64; 11] = [
    0.5,
    0.1666666666666667,
    0.04166666666666667,
    0.00833333333332612,
    0.0013888888888883737,
    0.00019841269874873975,
    2.480158732558584e-05,
    2.755725533255441e-06,
    2.755727359479939e-07,
    2.510524515390137e-08,
    2.0914707069619013e-09,
];

/// `Q(r)` for `f32` results evaluated in `f64`.
pub const Q_SHORT: [f64; 6] = [
    0.5000000013487226,
    0.16666666681647016,
    0.04166646471137908,
    0.00833331090172597,
    0.0013933673732931852,
    0.0001989101718430203,
];

/// `Q_LONG(x)` by Estrin's scheme (depth 4 instead of Horner's 10: these kernels are
/// latency-bound); `x2 = x * x` is passed in.
#[inline(always)]
pub fn q_long<const FMA: bool>(x: f64, x2: f64) -> f64 {
    let c = &Q_LONG;
    let x4 = x2 * x2;
    let x8 = x4 * x4;
    let p01 = fma::<FMA>(c[1], x, c[0]);
    let p23 = fma::<FMA>(c[3], x, c[2]);
    let p45 = fma::<FMA>(c[5], x, c[4]);
    let p67 = fma::<FMA>(c[7], x, c[6]);
    let p89 = fma::<FMA>(c[9], x, c[8]);
    let q0 = fma::<FMA>(p23, x2, p01);
    let q1 = fma::<FMA>(p67, x2, p45);
    let q2 = fma::<FMA>(c[10], x2, p89);
    fma::<FMA>(q2, x8, fma::<FMA>(q1, x4, q0))
}

/// `round(x)` to the nearest integer (ties to even) for `|x| < 2^51`.
#[inline(always)]
pub fn round_int(x: f64) -> f64 {
    (x + SHIFT) - SHIFT
}

/// `2^n` for an integer-valued `n` in `[-1022, 1023]`, from bits (`n = -1023` gives 0).
#[inline(always)]
pub fn pow2(n: f64) -> f64 {
    f64::from_bits((n + (SHIFT + 1023.0)).to_bits() << 52)
}

/// `|x|` with `x`'s sign bit cleared.
#[inline(always)]
pub fn abs(x: f64) -> f64 {
    f64::from_bits(x.to_bits() & !(1u64 << 63))
}

/// `(k, r)` with `x = k ln 2 + r` (`r` rounded once), for `|x| < 2^20`.
#[inline(always)]
pub fn reduce(x: f64) -> (f64, f64) {
    let k = round_int(x * std::f64::consts::LOG2_E);
    (k, x - k * LN2_HI - k * LN2_LO)
}

/// `(k, hi, lo)` with `e^x = 2^k (1 + hi + lo)` to about 2^-62 relative, `|hi| ≤ 0.42`, `lo`
/// below half an ULP of `hi`, for `|x| < 2^20` (`hi` is exactly `x`'s rounding-free
/// `r + r² Q(r)` when `k = 0`, so `hi + lo` is `expm1(x)` to full relative accuracy).
#[inline(always)]
pub fn parts<const FMA: bool>(x: f64) -> (f64, f64, f64) {
    let k = fma::<FMA>(x, std::f64::consts::LOG2_E, SHIFT) - SHIFT;
    let rh = x - k * LN2_HI;
    let kl = k * LN2_LO;
    let r = rh - kl;
    let rc = (rh - r) - kl;
    let r2 = r * r;
    let s = r2 * q_long::<FMA>(r, r2);
    let hi = r + s;
    let lo = ((r - hi) + s) + fma::<FMA>(rc, hi, rc);
    (k, hi, lo)
}

/// `e^r` for `|r| ≤ 0.3467` in `f64`: `1 + r + r² Q(r)` by one Horner chain (`exp` is
/// throughput-bound: Horner's fewer operations beat Estrin's shorter chain there).
#[inline(always)]
pub fn exp_poly<const FMA: bool>(r: f64) -> f64 {
    let q = horner::<FMA, 11>(r, &Q_LONG);
    fma::<FMA>(r, fma::<FMA>(r, q, 1.0), 1.0)
}

/// `e^r` for `|r| ≤ 0.3467` to about 2^-32 (for `f32` results).
#[inline(always)]
pub fn exp_poly_short<const FMA: bool>(r: f64) -> f64 {
    let q = horner::<FMA, 6>(r, &Q_SHORT);
    fma::<FMA>(r, fma::<FMA>(r, q, 1.0), 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_split_ln2() {
        assert_eq!(LN2_HI + LN2_LO, std::f64::consts::LN_2);
        assert_eq!(LN2_HI.to_bits() & 0x1f_ffff, 0);
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "the oracle is std's powi/exp, which Miri perturbs on purpose"
    )]
    fn pow2_and_round() {
        for n in -1022..=1023 {
            assert_eq!(pow2(n as f64), 2f64.powi(n), "{n}");
        }
        assert_eq!(pow2(-1023.0), 0.0);
        assert_eq!(round_int(2.5), 2.0);
        assert_eq!(round_int(-3.5), -4.0);
        assert_eq!(round_int(-0.3), 0.0);
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "the oracle is std's powi/exp, which Miri perturbs on purpose"
    )]
    fn parts_reconstruct() {
        for &x in &[
            0.0, 1e-300, 1e-10, 0.3, -0.3, 1.0, -1.0, 10.0, -700.0, 709.0,
        ] {
            let (k, hi, lo) = parts::<false>(x);
            let e = (1.0 + (hi + lo)) * 2f64.powi(k as i32);
            assert!(((e - x.exp()) / x.exp()).abs() < 4e-16, "{x}");
        }
    }
}
