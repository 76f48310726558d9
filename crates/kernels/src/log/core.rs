//! The shared logarithm core: range reduction `u = 2^k (1 + f)` with `1 + f` in
//! `[√2/2, √2)`, and `log(1 + f) = 2 atanh(s)`, `s = f / (2 + f)`, written as
//! `f - f²/2 + s (f²/2 + R(s²))` with `R` a polynomial fitted here (Chebyshev interpolation
//! of the `atanh` series, `|s| ≤ 0.1716`): degree 7 in `s²` for `f64` (error below 2^-60
//! relative to the result), degree 3 for `f32` evaluated in `f64` (about 2^-35).
//!
//! Everything is branch-free (selects on comparisons, integer bit manipulation that AVX2
//! has), so loops over these functions vectorise. `FMA` fuses the polynomial's
//! multiply-adds and the `k ln 2` products (the `k * LN2_HI` one is exact either way).

use crate::float::{fma, horner};

/// `ln 2` split so that `k * LN2_HI` is exact for `|k| < 2^20`.
pub const LN2_HI: f64 = 0.6931471804855391;
/// `ln 2 - LN2_HI`.
pub const LN2_LO: f64 = 7.440617110012397e-11;

/// `R(z) / z` coefficients for `f64` (lowest degree first).
const P_LONG: [f64; 8] = [
    0.6666666666666666,
    0.4000000000000088,
    0.28571428570803614,
    0.22222222391713917,
    0.18181795640132906,
    0.15386239702814658,
    0.13268773138656886,
    0.13086626147840102,
];

/// `R(z) / z` coefficients for `f32` results evaluated in `f64`.
const P_SHORT: [f64; 4] = [
    0.6666666655449709,
    0.40000121839806124,
    0.28550820815960665,
    0.23330467216303835,
];

/// Splits a positive normal `u` into `(k, f)` with `u = 2^k (1 + f)`, `1 + f` in
/// `[√2/2, √2)`; `k` is returned as an exact `f64`. Garbage (but no trap) for other inputs.
#[inline(always)]
pub fn split(u: f64) -> (f64, f64) {
    const SQRT_HALF_BITS: u64 = 0x3fe6_a09e_667f_3bcd;
    const SHIFT: u64 = 0x3ff0_0000_0000_0000 - SQRT_HALF_BITS;
    const MANT: u64 = 0x000f_ffff_ffff_ffff;
    let t = u.to_bits().wrapping_add(SHIFT);
    // The biased exponent (0..=2047) as an f64, without an integer-to-float conversion.
    let e = f64::from_bits(0x4330_0000_0000_0000 | (t >> 52)) - 4_503_599_627_371_519.0;
    let m = f64::from_bits((t & MANT).wrapping_add(SQRT_HALF_BITS));
    (e, m - 1.0)
}

/// `(f²/2, s (f²/2 + R))` so that `log(1 + f) = f - f²/2 + s (f²/2 + R)`.
#[inline(always)]
pub fn log1p_parts<const FMA: bool, const SHORT: bool>(f: f64) -> (f64, f64) {
    let s = f / (2.0 + f);
    let z = s * s;
    let p = if SHORT {
        horner::<FMA, 4>(z, &P_SHORT)
    } else {
        horner::<FMA, 8>(z, &P_LONG)
    };
    let hfsq = 0.5 * f * f;
    (hfsq, s * fma::<FMA>(z, p, hfsq))
}

/// Replaces the core's result `r` for `u` outside `(0, inf)`: `log(0) = -inf`,
/// `log(inf) = inf`, NaN for negatives and NaN.
#[inline(always)]
pub fn specials(u: f64, r: f64) -> f64 {
    // Three float compares and blends (an `&&` chain becomes integer range checks).
    let r = if u == f64::INFINITY { u } else { r };
    let r = if u == 0.0 { f64::NEG_INFINITY } else { r };
    if u >= 0.0 { r } else { f64::NAN }
}

/// `(x', k0)` with `x = x' 2^k0` and `x'` normal when `x` is a positive subnormal.
#[inline(always)]
pub fn unsubnormal(x: f64) -> (f64, f64) {
    const TWO54: f64 = 18_014_398_509_481_984.0;
    if x < f64::MIN_POSITIVE {
        (x * TWO54, -54.0)
    } else {
        (x, 0.0)
    }
}

/// `log(x)` in `f64` (under 1 ULP; `SHORT` only for `f32` results).
#[inline(always)]
pub fn ln<const FMA: bool, const SHORT: bool>(x: f64) -> f64 {
    let (xs, k0) = unsubnormal(x);
    let (k, f) = split(xs);
    let k = k + k0;
    let (hfsq, sr) = log1p_parts::<FMA, SHORT>(f);
    // `k * LN2_HI` is exact, so fusing it changes nothing; the low product may fuse.
    specials(
        x,
        fma::<FMA>(k, LN2_HI, -((hfsq - fma::<FMA>(k, LN2_LO, sr)) - f)),
    )
}

/// `(u, c)` with `u = 1 + y` rounded and `c` its rounding error plus `yc` (the error of `y`),
/// for `y > -1` (Fast2Sum: the larger magnitude goes first).
#[inline(always)]
pub fn one_plus(y: f64, yc: f64) -> (f64, f64) {
    let u = 1.0 + y;
    let c = if y >= 1.0 {
        (y - u) + 1.0
    } else {
        (1.0 - u) + y
    };
    (u, c + yc)
}

/// `log(u + c) + kadd ln 2` for `u ≥ 0` normal (or 0, inf, NaN), `|c|` tiny next to `u`:
/// the `log1p` reconstruction, with `c / u` as the first-order correction.
#[inline(always)]
pub fn ln_corrected<const FMA: bool, const SHORT: bool>(u: f64, c: f64, kadd: f64) -> f64 {
    ln_corrected_over::<FMA, SHORT>(u, c, u, kadd)
}

/// [`ln_corrected`] with the correction given as `c / d` (`d ≈ u` times whatever scale `c`
/// carries), so a caller can fold a quotient of its own into the one division.
#[inline(always)]
pub fn ln_corrected_over<const FMA: bool, const SHORT: bool>(
    u: f64,
    c: f64,
    d: f64,
    kadd: f64,
) -> f64 {
    let (k, f) = split(u);
    let k = k + kadd;
    let cr = c / d;
    let (hfsq, sr) = log1p_parts::<FMA, SHORT>(f);
    specials(
        u,
        fma::<FMA>(k, LN2_HI, f - (hfsq - (sr + fma::<FMA>(k, LN2_LO, cr)))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_reconstructs() {
        for &u in &[
            1.0,
            0.75,
            0.7,
            1.4,
            1.5,
            2.0,
            3.0,
            1e-300,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            let (k, f) = split(u);
            assert!(
                (std::f64::consts::FRAC_1_SQRT_2..std::f64::consts::SQRT_2).contains(&(1.0 + f))
            );
            assert_eq!(k.fract(), 0.0);
            // 2^k as two exact halves built from bits (Miri perturbs `powi`).
            let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
            let (k1, k2) = (k as i64 / 2, k as i64 - k as i64 / 2);
            assert_eq!((1.0 + f) * pow2(k1) * pow2(k2), u, "{u}");
        }
    }

    #[test]
    fn constants_split_ln2() {
        assert_eq!(LN2_HI + LN2_LO, std::f64::consts::LN_2);
        assert_eq!(LN2_HI.to_bits() & 0xf_ffff, 0);
    }
}
