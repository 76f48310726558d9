//! Inverse hyperbolic functions `arcsinh`, `arccosh`, `arctanh` (NumPy: `np.arcsinh`,
//! `np.arccosh`, `np.arctanh`), all through one corrected logarithm
//! ([`super::core::ln_corrected`]: `log(u + c) + k ln 2` with `c` the exact rounding error
//! of the argument), so nothing overflows and nothing cancels:
//! - `arcsinh(x) = sign(x) log1p(a + a²/(1 + √(1 + a²)))` for `a = |x| < 2`,
//!   `log(2a + 1/(a + √(a² + 1)))` for `2 ≤ a ≤ 2^28`, `log(a) + ln 2` above.
//! - `arccosh(x) = log1p(t + √(2t + t²))`, `t = x - 1`, for `x ≤ 2` (with `2t + t²` and
//!   the square root's rounding error carried exactly: near 1 the result is about `√(2t)`),
//!   `log(2x - 1/(x + √(x² - 1)))` for `2 < x ≤ 2^28`, `log(x) + ln 2` above; NaN below 1.
//! - `arctanh(x) = sign(x) ½ log1p(2a + 2a²/(1 - a))` for `a < ½`, `½ log1p(2a/(1 - a))`
//!   for `½ ≤ a`; `±inf` at ±1, NaN beyond.
//!
//! Every branch is computed and one selected per lane (no data-dependent branches). `f32`
//! runs the same code in `f64` lanes with the short polynomial and is rounded once.
//! Max error on NumPy's validation sets: under 1 ULP for `f64` and `f32` (docs/accuracy.md).
//! (Rust std's `asinh`/`acosh`/`atanh` use the textbook formulas: `asinh(1e300)` is inf.)

use super::core::{ln_corrected, ln_corrected_over, one_plus};
use crate::float::two_prod;
use crate::unary::unary_kernel;

/// Above this, `a² ± 1` is `a²` to well under an ULP of the result: use `log(a) + ln 2`.
const HUGE: f64 = 268_435_456.0; // 2^28

/// `arcsinh(x)` in `f64` lanes.
#[inline(always)]
pub fn asinh_core<const FMA: bool, const SHORT: bool>(x: f64) -> f64 {
    let a = x.abs();
    let a2 = a * a;
    let sq = (1.0 + a2).sqrt();
    let big = a >= 2.0;
    let t = if big { 1.0 } else { a2 } / if big { sq + a } else { 1.0 + sq };
    // a < 2: log1p(y) with y = a + t carried as y + yc.
    let y = a + t;
    let (u_mid, c_mid) = one_plus(y, (a - y) + t);
    // 2 <= a: log(2a + t), 2a + t carried as u + c.
    let a2x = a + a;
    let u_big = a2x + t;
    let c_big = (a2x - u_big) + t;
    let huge = a > HUGE;
    let u = if huge {
        a
    } else if big {
        u_big
    } else {
        u_mid
    };
    let c = if huge {
        0.0
    } else if big {
        c_big
    } else {
        c_mid
    };
    let r = ln_corrected::<FMA, SHORT>(u, c, if huge { 1.0 } else { 0.0 });
    r.copysign(x)
}

/// `arccosh(x)` in `f64` lanes.
#[inline(always)]
pub fn acosh_core<const FMA: bool, const SHORT: bool>(x: f64) -> f64 {
    let t = x - 1.0;
    let mid = x <= 2.0;
    // x <= 2: arg = 2t + t² to about 2^-100 (t = x - 1 is exact), then sq = √arg with its
    // rounding error recovered as resid / (2 sq): near 1 the result is about √(2t), so
    // every rounding of sq would otherwise reach the result undamped.
    let (t2, t2e) = two_prod::<FMA>(t, t);
    let arg = t + t + t2;
    let arg_lo = ((t + t - arg) + t2) + t2e;
    let sq = if mid { arg } else { x * x - 1.0 }.sqrt();
    let (sq2, sq2e) = two_prod::<FMA>(sq, sq);
    let resid = ((arg - sq2) - sq2e) + arg_lo;
    // log1p(t + sq) with the sum carried as y + yc (sq >= t).
    let y = t + sq;
    let (u_mid, c_mid) = one_plus(y, (sq - y) + t);
    // 2 < x: log(2x - w), w = 1/(x + sq), carried as u + c.
    let w = 1.0 / (x + sq);
    let x2 = x + x;
    let u_big = x2 - w;
    let c_big = (x2 - u_big) - w;
    let huge = x > HUGE;
    let u = if huge {
        x
    } else if mid {
        u_mid
    } else {
        u_big
    };
    // The correction is c / u; for x <= 2 it is (c_mid + resid / (2 sq)) / u, one division.
    let sq2x = if sq > 0.0 { sq + sq } else { 1.0 }; // x = 1: c = 0, keep 0 / d finite
    let c = if huge {
        0.0
    } else if mid {
        c_mid * sq2x + resid
    } else {
        c_big
    };
    let d = if mid { u * sq2x } else { u };
    let r = ln_corrected_over::<FMA, SHORT>(u, c, d, if huge { 1.0 } else { 0.0 });
    if x >= 1.0 { r } else { f64::NAN }
}

/// `arctanh(x)` in `f64` lanes.
#[inline(always)]
pub fn atanh_core<const FMA: bool, const SHORT: bool>(x: f64) -> f64 {
    let a = x.abs();
    let small = a < 0.5;
    let a2 = a + a;
    let q = if small { a2 * a } else { a2 } / (1.0 - a);
    let y = if small { a2 + q } else { q };
    let yc = if small { (a2 - y) + q } else { 0.0 };
    let (u, c) = one_plus(y, yc);
    let r = 0.5 * ln_corrected::<FMA, SHORT>(u, c, 0.0);
    if a <= 1.0 { r.copysign(x) } else { f64::NAN }
}

/// `arcsinh(x)` for `f64`.
#[inline(always)]
pub fn asinh_f64<const FMA: bool>(x: f64) -> f64 {
    asinh_core::<FMA, false>(x)
}

/// `arcsinh(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn asinh_f32<const FMA: bool>(x: f32) -> f32 {
    asinh_core::<FMA, true>(x as f64) as f32
}

/// `arccosh(x)` for `f64`.
#[inline(always)]
pub fn acosh_f64<const FMA: bool>(x: f64) -> f64 {
    acosh_core::<FMA, false>(x)
}

/// `arccosh(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn acosh_f32<const FMA: bool>(x: f32) -> f32 {
    acosh_core::<FMA, true>(x as f64) as f32
}

/// `arctanh(x)` for `f64`.
#[inline(always)]
pub fn atanh_f64<const FMA: bool>(x: f64) -> f64 {
    atanh_core::<FMA, false>(x)
}

/// `arctanh(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn atanh_f32<const FMA: bool>(x: f32) -> f32 {
    atanh_core::<FMA, true>(x as f64) as f32
}

unary_kernel!(
    /// Inverse hyperbolic sine (NumPy: `np.arcsinh`).
    Arcsinh,
    asinh_f64,
    asinh_f32
);
unary_kernel!(
    /// Inverse hyperbolic cosine (NumPy: `np.arccosh`).
    Arccosh,
    acosh_f64,
    acosh_f32
);
unary_kernel!(
    /// Inverse hyperbolic tangent (NumPy: `np.arctanh`).
    Arctanh,
    atanh_f64,
    atanh_f32
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::Level;
    use crate::testing::{check_family, eval, validation_tests};

    // f32 references: std's textbook formulas in f64 are accurate enough once rounded to
    // f32 (no overflow: f32::MAX² fits f64).
    fn asinh_ref(x: f32) -> f32 {
        (x as f64).asinh() as f32
    }
    fn acosh_ref(x: f32) -> f32 {
        (x as f64).acosh() as f32
    }
    fn atanh_ref(x: f32) -> f32 {
        (x as f64).atanh() as f32
    }

    validation_tests! {
        arcsinh_matches_validation_and_levels: Arcsinh, "arcsinh", check_family(None, asinh_ref, 1, 1);
        arccosh_matches_validation_and_levels: Arccosh, "arccosh", check_family(None, acosh_ref, 1, 1);
        arctanh_matches_validation_and_levels: Arctanh, "arctanh", check_family(None, atanh_ref, 1, 1);
    }

    #[test]
    fn inverse_hyperbolic_specials_and_huge() {
        for l in Level::available() {
            let o =
                eval::<Arcsinh, f64>(l, &[1e300, -1e300, f64::MAX, -0.0, 5e-324, f64::INFINITY]);
            // asinh(1e300) = ln(2e300) = 691.4686750787736...
            assert!((o[0] - 691.4686750787736).abs() <= 2.3e-13, "{}", o[0]);
            assert_eq!(o[1], -o[0]);
            assert!(o[2].is_finite());
            assert_eq!(o[3].to_bits(), (-0.0f64).to_bits());
            assert_eq!(o[4], 5e-324);
            assert_eq!(o[5], f64::INFINITY);
            let o = eval::<Arccosh, f64>(l, &[1.0, 0.999, -1.0, f64::MAX, f64::INFINITY, f64::NAN]);
            assert_eq!(o[0].to_bits(), 0);
            assert!(o[1].is_nan() && o[2].is_nan() && o[5].is_nan());
            assert!(o[3].is_finite() && o[3] > 709.0);
            assert_eq!(o[4], f64::INFINITY);
            let o = eval::<Arctanh, f64>(l, &[1.0, -1.0, 1.5, -0.0, 5e-324, f64::NAN]);
            assert_eq!(o[0], f64::INFINITY);
            assert_eq!(o[1], f64::NEG_INFINITY);
            assert!(o[2].is_nan() && o[5].is_nan());
            assert_eq!(o[3].to_bits(), (-0.0f64).to_bits());
            assert_eq!(o[4], 5e-324);
            let o = eval::<Arctanh, f32>(l, &[1.0, -1.0, 2.0]);
            assert_eq!(o[0], f32::INFINITY);
            assert_eq!(o[1], f32::NEG_INFINITY);
            assert!(o[2].is_nan());
        }
    }
}
