//! `exp` and `exp2` (NumPy: `np.exp`, `np.exp2`).
//!
//! `exp`: `k = round(x log2 e)`, `r = x - k ln 2` (two-piece `ln 2`, the first product
//! exact), `e^r` by a degree-12 polynomial, `2^k` added to the result's exponent bits.
//! `exp2`: `k = round(x)`, `f = x - k` (exact), `2^f` by a degree-12 polynomial in `f`.
//! Inputs whose result would overflow, be subnormal or underflow (`|x| > 708`, `> 1020` for
//! `exp2`), and NaN, take the full body: the input is clamped and `2^k` applied in two halves,
//! so overflow gives `inf`, underflow gives subnormals then `+0`, and NaN stays NaN.
//! `f32` `exp` runs in `f32` lanes (twice as many) for `|x| ≤ 87`: two-piece `ln 2`, degree-6
//! polynomial, at most 1 ULP; other inputs and `exp2` run the same steps in `f64` lanes with a
//! degree-7 polynomial, rounded once to `f32` (subnormals included). Max error on NumPy's validation sets: 1 ULP (docs/accuracy.md).

use super::core::{LN2_HI, LN2_LO, SHIFT, abs, exp_poly, exp_poly_short, pow2, round_int};
use crate::float::{fma, horner};
use crate::unary::unary_kernel;
use std::f64::consts::{LN_2, LOG2_E};

/// `(2^f - 1) / f` for `|f| ≤ 0.5` (lowest degree first; relative error 2^-55.5, most of it
/// the rounding of `ln 2` itself).
const G: [f64; 12] = [
    std::f64::consts::LN_2,
    0.24022650695910072,
    0.055504108664821625,
    0.00961812910762848,
    0.0013333558146406436,
    0.00015403530393370715,
    1.5252733841601815e-05,
    1.3215486808727859e-06,
    1.0178057064573359e-07,
    7.054897292691627e-09,
    4.455822025014915e-10,
    2.5729344553786755e-11,
];

/// Inputs of `exp` whose results are normal and finite with `2^k` applied in one step.
const EXP_PLAIN: f64 = 708.0;
/// Same for `exp2`.
const EXP2_PLAIN: f64 = 1020.0;

/// `p 2^k` for `p` in `[0.7, 1.5)` and `z = k + SHIFT`, when the result is normal.
#[inline(always)]
fn scale_bits(p: f64, z: f64) -> f64 {
    f64::from_bits(p.to_bits().wrapping_add(z.to_bits() << 52))
}

/// `p 2^k` for any integer `k` in `[-2200, 2200]`: two exact-or-rounding multiplies.
#[inline(always)]
fn scale_wide(p: f64, k: f64) -> f64 {
    let k1 = round_int(k * 0.5);
    p * pow2(k1) * pow2(k - k1)
}

/// `exp(x)` for `|x| ≤ 708` (garbage elsewhere).
#[inline(always)]
fn exp_plain<const FMA: bool>(x: f64) -> f64 {
    let z = fma::<FMA>(x, LOG2_E, SHIFT);
    let k = z - SHIFT;
    let r = fma::<FMA>(-k, LN2_LO, x - k * LN2_HI);
    scale_bits(exp_poly::<FMA>(r), z)
}

/// `exp(x)` for `f64`.
#[inline(always)]
pub fn exp_f64<const FMA: bool>(x: f64) -> f64 {
    let plain = exp_plain::<FMA>(x);
    let xc = if x < -760.0 { -760.0 } else { x };
    let xc = if xc > 720.0 { 720.0 } else { xc };
    let k = round_int(xc * LOG2_E);
    let r = fma::<FMA>(-k, LN2_LO, xc - k * LN2_HI);
    let wide = scale_wide(exp_poly::<FMA>(r), k);
    if abs(x) <= EXP_PLAIN {
        plain
    } else if x.is_nan() {
        x + x
    } else {
        wide
    }
}

/// `e^r` coefficients `Q(r)` for the `f32`-lane body (degree 4, 2^-26.6 before rounding).
const Q_F32: [f32; 5] = [
    0.5,
    0.166_665_77,
    0.041_666_555,
    0.008_363_195,
    0.001_392_620_3,
];

/// Inputs of the `f32`-lane `exp` whose results are normal and finite.
const EXP_F32_PLAIN: f32 = 87.0;

/// `exp(x)` for `|x| ≤ 87` in `f32` lanes (twice the lanes of the `f64` body): `ln 2` in two
/// pieces (the first product exact), degree-6 polynomial, `2^k` added to the exponent bits.
#[inline(always)]
fn exp_f32_plain<const FMA: bool>(x: f32) -> f32 {
    const SHIFT32: f32 = 12_582_912.0; // 1.5 * 2^23
    const LN2_HI32: f32 = 0.693_145_75; // 0x3f317200: 16 significant bits
    const LN2_LO32: f32 = 1.428_606_8e-6;
    let f = |a: f32, b: f32, c: f32| if FMA { a.mul_add(b, c) } else { a * b + c };
    let z = f(x, std::f32::consts::LOG2_E, SHIFT32);
    let k = z - SHIFT32;
    let r = f(-k, LN2_LO32, x - k * LN2_HI32);
    let mut q = Q_F32[4];
    for &c in Q_F32[..4].iter().rev() {
        q = f(q, r, c);
    }
    let p = f(r, f(r, q, 1.0), 1.0);
    f32::from_bits(p.to_bits().wrapping_add(z.to_bits() << 23))
}

/// `exp(x)` for `f32` in `f64` lanes: every input (overflow, subnormal results, NaN).
#[inline(always)]
fn exp_f32_full<const FMA: bool>(x: f32) -> f32 {
    let x = x as f64;
    let x = if x < -150.0 { -150.0 } else { x };
    let x = if x > 130.0 { 130.0 } else { x };
    let z = fma::<FMA>(x, LOG2_E, SHIFT);
    let k = z - SHIFT;
    let r = fma::<FMA>(-k, LN_2, x);
    scale_bits(exp_poly_short::<FMA>(r), z) as f32
}

/// `exp(x)` for `f32`: the `f32`-lane body for `|x| ≤ 87`, the `f64`-lane body elsewhere.
#[inline(always)]
pub fn exp_f32<const FMA: bool>(x: f32) -> f32 {
    let plain = exp_f32_plain::<FMA>(x);
    let full = exp_f32_full::<FMA>(x);
    if x.abs() <= EXP_F32_PLAIN {
        plain
    } else {
        full
    }
}

/// Contiguous `exp` over `f32` slices (same bits as [`exp_f32`] per element): blocks of 512
/// through the `f32`-lane body, out-of-range inputs (and NaNs) redone one by one.
#[inline(always)]
pub fn exp_contig_f32<const FMA: bool>(src: &[f32], dst: &mut [f32]) {
    // SAFETY: `dst` holds `src.len()` elements, borrowed exclusively.
    unsafe { exp_contig_f32_raw::<FMA>(src, dst.as_mut_ptr()) }
}

/// [`exp_contig_f32`] through a raw destination (which may be uninitialised).
///
/// # Safety
/// `dst` must be valid for `src.len()` writes and not overlap `src`.
#[inline(always)]
unsafe fn exp_contig_f32_raw<const FMA: bool>(src: &[f32], dst: *mut f32) {
    const B: usize = 512;
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    let outside = |x: f32| !(x.abs() <= EXP_F32_PLAIN);
    for (b, s) in src.chunks(B).enumerate() {
        // SAFETY: this block's elements are inside `dst` (caller's guarantee).
        let d = unsafe { dst.add(b * B) };
        for (i, &x) in s.iter().enumerate() {
            // SAFETY: `i < s.len()`, inside this block.
            unsafe { d.add(i).write(exp_f32_plain::<FMA>(x)) };
        }
        if s.iter().fold(false, |b, &x| b | outside(x)) {
            for (i, &x) in s.iter().enumerate() {
                if outside(x) {
                    // SAFETY: as above.
                    unsafe { d.add(i).write(exp_f32_full::<FMA>(x)) };
                }
            }
        }
    }
}

/// `exp2(x)` for `|x| ≤ 1020` (garbage elsewhere).
#[inline(always)]
fn exp2_plain<const FMA: bool>(x: f64) -> f64 {
    let z = x + SHIFT;
    let f = x - (z - SHIFT);
    scale_bits(fma::<FMA>(f, horner::<FMA, 12>(f, &G), 1.0), z)
}

/// `exp2(x)` for `f64`.
#[inline(always)]
pub fn exp2_f64<const FMA: bool>(x: f64) -> f64 {
    let plain = exp2_plain::<FMA>(x);
    let xc = if x < -1100.0 { -1100.0 } else { x };
    let xc = if xc > 1100.0 { 1100.0 } else { xc };
    let k = round_int(xc);
    let f = xc - k;
    let wide = scale_wide(fma::<FMA>(f, horner::<FMA, 12>(f, &G), 1.0), k);
    if abs(x) <= EXP2_PLAIN {
        plain
    } else if x.is_nan() {
        x + x
    } else {
        wide
    }
}

/// `exp2(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn exp2_f32<const FMA: bool>(x: f32) -> f32 {
    let x = x as f64;
    let x = if x < -160.0 { -160.0 } else { x };
    let x = if x > 140.0 { 140.0 } else { x };
    let z = x + SHIFT;
    let f = x - (z - SHIFT);
    scale_bits(exp_poly_short::<FMA>(f * LN_2), z) as f32
}

/// An `f64` function with a cheap body for inputs in `[-MAX, MAX]` (`plain`) and a full
/// body for every input (`full`, equal bits in that range).
trait Blocked {
    const MAX: f64;
    fn plain<const FMA: bool>(x: f64) -> f64;
    fn full<const FMA: bool>(x: f64) -> f64;
}

impl Blocked for Exp {
    const MAX: f64 = EXP_PLAIN;
    #[inline(always)]
    fn plain<const FMA: bool>(x: f64) -> f64 {
        exp_plain::<FMA>(x)
    }
    #[inline(always)]
    fn full<const FMA: bool>(x: f64) -> f64 {
        exp_f64::<FMA>(x)
    }
}

impl Blocked for Exp2 {
    const MAX: f64 = EXP2_PLAIN;
    #[inline(always)]
    fn plain<const FMA: bool>(x: f64) -> f64 {
        exp2_plain::<FMA>(x)
    }
    #[inline(always)]
    fn full<const FMA: bool>(x: f64) -> f64 {
        exp2_f64::<FMA>(x)
    }
}

/// Whether `x` is outside `[-MAX, MAX]` or NaN (the negated comparison is what makes NaN
/// count as outside).
#[inline(always)]
#[allow(clippy::neg_cmp_op_on_partial_ord)]
fn outside<K: Blocked>(x: f64) -> bool {
    !(abs(x) <= K::MAX)
}

/// Contiguous `f64` loop: blocks of 512 through `plain` (no range checks, vectorised), then
/// the block's inputs outside `±MAX` (and NaNs), if any, redone one by one through `full`,
/// which gives the same bits as `plain` in range. `dst` may be uninitialised.
///
/// # Safety
/// `dst` must be valid for `src.len()` writes and not overlap `src`.
#[inline(always)]
unsafe fn blocked<K: Blocked, const FMA: bool>(src: &[f64], dst: *mut f64) {
    const B: usize = 512;
    for (b, s) in src.chunks(B).enumerate() {
        // SAFETY: this block's elements are inside `dst` (caller's guarantee).
        let d = unsafe { dst.add(b * B) };
        for (i, &x) in s.iter().enumerate() {
            // SAFETY: `i < s.len()`, inside this block.
            unsafe { d.add(i).write(K::plain::<FMA>(x)) };
        }
        let bad = s.iter().fold(false, |b, &x| b | outside::<K>(x));
        if bad {
            for (i, &x) in s.iter().enumerate() {
                if outside::<K>(x) {
                    // SAFETY: as above.
                    unsafe { d.add(i).write(K::full::<FMA>(x)) };
                }
            }
        }
    }
}

/// Contiguous `exp` over `f64` slices (same bits as [`exp_f64`] per element).
#[inline(always)]
pub fn exp_contig_f64<const FMA: bool>(src: &[f64], dst: &mut [f64]) {
    // SAFETY: `dst` holds `src.len()` elements, borrowed exclusively.
    unsafe { blocked::<Exp, FMA>(src, dst.as_mut_ptr()) }
}

/// Contiguous `exp2` over `f64` slices (same bits as [`exp2_f64`] per element).
#[inline(always)]
pub fn exp2_contig_f64<const FMA: bool>(src: &[f64], dst: &mut [f64]) {
    // SAFETY: as above.
    unsafe { blocked::<Exp2, FMA>(src, dst.as_mut_ptr()) }
}

/// `exp` at the `Avx512` level, straight into the destination: the `Avx2` loop compiled
/// for 512-bit registers (same bits).
///
/// # Safety
/// The CPU must have AVX-512F, AVX2 and FMA; `dst` must be valid for `src.len()` writes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn exp_f64_avx512(src: &[f64], dst: *mut f64) {
    // SAFETY: the caller's guarantee on `dst`.
    unsafe { blocked::<Exp, true>(src, dst) }
}

/// `f32` counterpart of [`exp_f64_avx512`].
///
/// # Safety
/// As [`exp_f64_avx512`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn exp_f32_avx512(src: &[f32], dst: *mut f32) {
    // SAFETY: the caller's guarantee on `dst`.
    unsafe { exp_contig_f32_raw::<true>(src, dst) }
}

unary_kernel!(
    /// `e^x` (NumPy: `np.exp`).
    Exp,
    exp_f64,
    exp_f32,
    contig = exp_contig_f64,
    contig32 = exp_contig_f32,
    avx512 = (exp_f64_avx512, exp_f32_avx512),
    // 0.45 / 0.15 ns per element (f64 / f32): threads from ~30 µs of work.
    par = (1 << 16, 1 << 18)
);
unary_kernel!(
    /// `2^x` (NumPy: `np.exp2`).
    Exp2,
    exp2_f64,
    exp2_f32,
    contig = exp2_contig_f64,
    par = (1 << 16, 1 << 16)
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::Level;
    use crate::testing::{check_family, eval, validation_tests};
    use numerust_testutil::ulp::{ulp_f32, ulp_f64};

    validation_tests! {
        #[cfg_attr(
            miri,
            ignore = "libm oracles (Miri perturbs them on purpose) and hours of validation rows"
        )]
        exp_matches_validation_and_levels: Exp, "exp", check_family(Some(f64::exp), f32::exp, 1, 1);
        exp2_matches_validation_and_levels: Exp2, "exp2", check_family(Some(f64::exp2), f32::exp2, 1, 1);
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "libm oracles (Miri perturbs them on purpose) and hours of validation rows"
    )]
    fn exp_specials() {
        let inf = f64::INFINITY;
        let xs = [
            0.0,
            -0.0,
            inf,
            -inf,
            f64::NAN,
            709.782712893384,
            709.79,
            -745.1332191019411,
            -745.14,
            -708.5,
            1.0,
            1e-300,
            800.0,
            -800.0,
        ];
        for l in Level::available() {
            let o = eval::<Exp, f64>(l, &xs);
            assert_eq!(o[..4], [1.0, 1.0, inf, 0.0]);
            assert!(o[4].is_nan());
            assert_eq!(o[5], 1.7976931348622732e308);
            assert_eq!(o[6], inf);
            assert_eq!(o[7], 5e-324);
            assert_eq!(o[8], 0.0);
            assert!(ulp_f64(o[9], (-708.5f64).exp()) <= 1);
            assert!(ulp_f64(o[10], std::f64::consts::E) <= 1);
            assert_eq!(o[11], 1.0);
            assert_eq!(o[12..], [inf, 0.0]);
            let o = eval::<Exp2, f64>(l, &[1024.0, 1023.0, -1074.0, -1075.0, -1022.5, 3.0]);
            assert_eq!(o[..4], [inf, 2f64.powi(1023), 5e-324, 0.0]);
            assert!(ulp_f64(o[4], 2f64.powf(-1022.5)) <= 1 && o[5] == 8.0);
            let o = eval::<Exp, f32>(l, &[88.8, 88.7, -103.9, -104.0, f32::NAN, 0.0]);
            assert_eq!(o[0], f32::INFINITY);
            assert!(ulp_f32(o[1], 88.7f32.exp()) <= 1);
            assert!(ulp_f32(o[2], (-103.9f32).exp()) <= 1);
            assert_eq!(o[3], 0.0);
            assert!(o[4].is_nan());
            assert_eq!(o[5], 1.0);
            let o = eval::<Exp2, f32>(l, &[128.0, 127.0, -149.0, -150.0, 0.5]);
            assert_eq!(o, [f32::INFINITY, 2f32.powi(127), 1e-45, 0.0, 2f32.sqrt()]);
        }
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "libm oracles (Miri perturbs them on purpose) and hours of validation rows"
    )]
    fn exp_f32_lanes_within_one_ulp_of_rounded_f64() {
        // Every 4099th bit pattern: all signs, exponents and ranges, through the f32-lane body
        // (|x| ≤ 87) and the f64-lane one. (Every 7th, 3.2e8 inputs, was checked once: max
        // 1 ULP, 0.8% of results one off at scalar, 0.5% at avx2.)
        let xs: Vec<f32> = (0..=u32::MAX).step_by(4099).map(f32::from_bits).collect();
        for l in Level::available() {
            let got = eval::<Exp, f32>(l, &xs);
            for (&x, &g) in xs.iter().zip(&got) {
                let want = (x as f64).exp() as f32;
                assert!(
                    ulp_f32(g, want) <= 1,
                    "{l:?} exp({x:e}) = {g:e}, want {want:e}"
                );
            }
        }
    }

    #[test]
    fn blocks_with_specials_match_elements() {
        // Special inputs inside a block go through the full body.
        let mut xs: Vec<f64> = (0..1200).map(|i| i as f64 * 0.37 - 7.0).collect();
        xs[11] = f64::NAN;
        xs[20] = 1000.0;
        xs[700] = -720.0;
        for l in Level::available() {
            let got = eval::<Exp, f64>(l, &xs);
            for (i, &x) in xs.iter().enumerate() {
                let one = eval::<Exp, f64>(l, &[x])[0];
                assert!(got[i].to_bits() == one.to_bits() || x.is_nan(), "{l:?} {i}");
            }
        }
    }
}
