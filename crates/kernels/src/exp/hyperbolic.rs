//! `sinh`, `cosh` and `tanh` (NumPy: `np.sinh`, `np.cosh`, `np.tanh`).
//!
//! `f64`, with `a = |x|` and `e^a = 2^k (1 + m)`, `m = hi + lo` from [`super::core::parts`]:
//! - `cosh = (A + B) + A m - B m / (1 + m)` and `sinh = (A - B) + A m + B m / (1 + m)` with
//!   `A = 2^(k-1)`, `B = 2^(-k-1)`: `A ± B` is formed with its rounding error and `A hi` added
//!   by Fast2Sum, so for `k = 0` (`a < 0.35`) `sinh` keeps full relative accuracy
//!   (`(A - B) = 0`) and elsewhere only the last addition rounds. Under 1 ULP.
//! - `tanh = E / (E + 2)` with `E = expm1(2a)` and `E + 2` as double-doubles; one division
//!   gives `1 / (E + 2)`, the quotient is corrected with its exact residual (fused
//!   multiply-add, or Dekker's product without FMA). Under 1 ULP; `|x| ≥ 20` gives `±1`.
//!
//! `sinh(x) = x` and `tanh(x) = x` for `|x| < 2^-28`; overflow gives `±inf`; odd functions
//! keep `x`'s sign (`-0` included); NaN stays NaN.
//! `f32` runs in `f64` lanes: `sinh = (E + E / (E + 1)) / 2`, `cosh = (e^a + e^-a) / 2`,
//! `tanh = E / (E + 2)` with `E = expm1` accurate to about 2^-50, rounded once to `f32`.

use super::core::{abs, exp_poly_short, parts, pow2, reduce};
use super::expm1::expm1_short;
use crate::float::{fma, two_prod};
use crate::unary::unary_kernel;

/// `2^64`: the second step of `2^(k-1)` for `k > 1000`.
const TWO64: f64 = 18_446_744_073_709_551_616.0;
/// Below this `sinh(x)` and `tanh(x)` round to `x`.
const TINY: f64 = 3.725_290_298_461_914e-9; // 2^-28

/// `x` with the sign of `s`.
#[inline(always)]
fn copysign(x: f64, s: f64) -> f64 {
    f64::from_bits((x.to_bits() & !(1u64 << 63)) | (s.to_bits() & (1u64 << 63)))
}

/// `cosh(|x|)` (`COSH`) or `sinh(|x|)`.
#[inline(always)]
fn hyp<const FMA: bool, const COSH: bool>(x: f64) -> f64 {
    let a = abs(x);
    let a = if a > 720.0 { 720.0 } else { a };
    let (k, hi, lo) = parts::<FMA>(a);
    let big = k > 1000.0;
    let aa = pow2(if big { k - 65.0 } else { k - 1.0 });
    let bb = if big { 0.0 } else { pow2(-k - 1.0) };
    let m = hi + lo;
    let q = bb * m / (1.0 + m);
    let (c, ce) = if COSH {
        let c = aa + bb;
        (c, (aa - c) + bb)
    } else {
        let c = aa - bb;
        (c, (aa - c) - bb)
    };
    let th = aa * hi;
    let s = c + th;
    let e = (c - s) + th;
    let tail = e + ce + aa * lo;
    let tail = if COSH { tail - q } else { tail + q };
    (s + tail) * if big { TWO64 } else { 1.0 }
}

/// `cosh(x)` for `f64`.
#[inline(always)]
pub fn cosh_f64<const FMA: bool>(x: f64) -> f64 {
    let r = hyp::<FMA, true>(x);
    if x.is_nan() { x + x } else { r }
}

/// `sinh(x)` for `f64`.
#[inline(always)]
pub fn sinh_f64<const FMA: bool>(x: f64) -> f64 {
    let r = copysign(hyp::<FMA, false>(x), x);
    if abs(x) < TINY || x.is_nan() {
        x + x * 0.0
    } else {
        r
    }
}

/// `tanh(x)` for `f64`.
#[inline(always)]
pub fn tanh_f64<const FMA: bool>(x: f64) -> f64 {
    let a = abs(x);
    let a = if a > 20.0 { 20.0 } else { a };
    let (k, hi, lo) = parts::<FMA>(2.0 * a);
    let t = pow2(k);
    // N = E = (t - 1) + t hi + t lo as (s, nl); t - 1 is exact for k ≤ 53, and beyond
    // its rounding cancels in E / (E + 2).
    let am = t - 1.0;
    let th = t * hi;
    let s = am + th;
    let tl = t * lo;
    let nl = ((am - s) + th) + tl;
    // D = E + 2 = (t + 1) + t hi + t lo as (dh, dl), the same way (t + 1 ≥ |t hi|).
    let ap = t + 1.0;
    let dh = ap + th;
    let dl = ((ap - dh) + th) + tl;
    // q0 = N / D to about an ULP, then one exact-residual correction. (One division:
    // measured faster here than a division-free Newton reciprocal.)
    let y = 1.0 / dh;
    let q0 = s * y;
    let rho = if FMA {
        // s - q0 dh is exact (q0 is within a few ULP of s / dh).
        (-q0).mul_add(dh, s) + (-q0).mul_add(dl, nl)
    } else {
        let (p, pe) = two_prod::<FMA>(q0, dh);
        ((s - p) - pe) + (nl - q0 * dl)
    };
    let q = fma::<FMA>(rho, y, q0);
    // q ≥ 0 (or NaN): give it x's sign.
    let r = f64::from_bits(q.to_bits() ^ (x.to_bits() & (1u64 << 63)));
    if a < TINY { x } else { r }
}

/// `sinh(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn sinh_f32<const FMA: bool>(x: f32) -> f32 {
    let xd = x as f64;
    let a = abs(xd);
    let a = if a > 100.0 { 100.0 } else { a };
    let e = expm1_short::<FMA>(a);
    copysign(0.5 * (e + e / (e + 1.0)), xd) as f32
}

/// `cosh(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn cosh_f32<const FMA: bool>(x: f32) -> f32 {
    let a = abs(x as f64);
    let a = if a > 100.0 { 100.0 } else { a };
    let (k, r) = reduce(a);
    let e = exp_poly_short::<FMA>(r) * pow2(k);
    (0.5 * e + 0.5 / e) as f32
}

/// `tanh(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn tanh_f32<const FMA: bool>(x: f32) -> f32 {
    let xd = x as f64;
    let a = abs(xd);
    let a = if a > 10.0 { 10.0 } else { a };
    let e = expm1_short::<FMA>(2.0 * a);
    copysign(e / (e + 2.0), xd) as f32
}

unary_kernel!(
    /// Hyperbolic sine (NumPy: `np.sinh`).
    Sinh,
    sinh_f64,
    sinh_f32
);
unary_kernel!(
    /// Hyperbolic cosine (NumPy: `np.cosh`).
    Cosh,
    cosh_f64,
    cosh_f32
);
unary_kernel!(
    /// Hyperbolic tangent (NumPy: `np.tanh`).
    Tanh,
    tanh_f64,
    tanh_f32
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
        // glibc's f64 sinh is itself up to ~2 ULP off; hold ours to it within 2.
        sinh_matches_validation_and_levels: Sinh, "sinh", check_family(Some(f64::sinh), f32::sinh, 2, 1);
        cosh_matches_validation_and_levels: Cosh, "cosh", check_family(Some(f64::cosh), f32::cosh, 2, 1);
        tanh_matches_validation_and_levels: Tanh, "tanh", check_family(Some(f64::tanh), f32::tanh, 2, 1);
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "libm oracles (Miri perturbs them on purpose) and hours of validation rows"
    )]
    fn hyperbolic_specials() {
        let inf = f64::INFINITY;
        let xs = [
            0.0,
            -0.0,
            inf,
            -inf,
            f64::NAN,
            1e-300,
            -5e-324,
            710.4,
            710.5,
            -30.0,
        ];
        for l in Level::available() {
            let s = eval::<Sinh, f64>(l, &xs);
            let c = eval::<Cosh, f64>(l, &xs);
            let t = eval::<Tanh, f64>(l, &xs);
            assert_eq!(s[0].to_bits(), 0);
            assert_eq!(s[1].to_bits(), (-0.0f64).to_bits());
            assert_eq!(s[2..4], [inf, -inf]);
            assert_eq!(s[5..7], [1e-300, -5e-324]);
            assert!(s[7].is_finite() && s[8] == inf);
            assert_eq!(c[..4], [1.0, 1.0, inf, inf]);
            assert!(c[7].is_finite() && c[8] == inf);
            assert_eq!(t[0].to_bits(), 0);
            assert_eq!(t[1].to_bits(), (-0.0f64).to_bits());
            assert_eq!(t[2..4], [1.0, -1.0]);
            assert_eq!(t[5..7], [1e-300, -5e-324]);
            assert_eq!(t[7..], [1.0, 1.0, -1.0]);
            assert!(s[4].is_nan() && c[4].is_nan() && t[4].is_nan());
            let x32 = [-0.0f32, f32::INFINITY, f32::NAN, 90.0, -1e-40];
            let s = eval::<Sinh, f32>(l, &x32);
            let c = eval::<Cosh, f32>(l, &x32);
            let t = eval::<Tanh, f32>(l, &x32);
            assert_eq!(s[0].to_bits(), (-0.0f32).to_bits());
            assert_eq!(t[0].to_bits(), (-0.0f32).to_bits());
            assert_eq!((s[1], c[1], t[1]), (f32::INFINITY, f32::INFINITY, 1.0));
            assert!(s[2].is_nan() && c[2].is_nan() && t[2].is_nan());
            assert_eq!((s[3], c[3], t[3]), (f32::INFINITY, f32::INFINITY, 1.0));
            assert_eq!((s[4], c[4], t[4]), (-1e-40, 1.0, -1e-40));
        }
    }
}
