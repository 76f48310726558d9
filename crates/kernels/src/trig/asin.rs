//! `arcsin` and `arccos` (NumPy: `np.arcsin`, `np.arccos`).
//!
//! fdlibm's `asin`/`acos` made branch-free. Both use the rational `R(t) = t P(t)/Q(t)`
//! (degree 6/4) for `asin(√t)/√t - 1`, at `t = x²` for `|x| < 1/2` and at
//! `t = (1 - |x|)/2` (with `s = √t` split into a 26-bit head and a corrected tail) for
//! `|x| >= 1/2`, where `asin(x) = π/2 - 2 asin(s)` and `acos(±x)` is `2 asin(s)` or
//! `π - 2 asin(s)`. Both arguments are chosen by select before one evaluation of `R`.
//! `|x| > 1` and NaN give NaN; `asin(±0) = ±0`, `asin(±1) = ±π/2`, `acos(1) = 0`,
//! `acos(-1) = π`. `f32` runs in `f64` lanes and is rounded once. Max error on NumPy's
//! validation sets (docs/accuracy.md): at most 1 ULP (`f64` and `f32`).

use crate::float::fma;
use crate::unary::unary_kernel;

const PS: [f64; 6] = [
    0.16666666666666666,
    -0.3255658186224009,
    0.20121253213486293,
    -0.04005553450067941,
    0.0007915349942898145,
    3.479331075960212e-05,
];
const QS: [f64; 4] = [
    -2.403394911734414,
    2.0209457602335057,
    -0.6882839716054533,
    0.07703815055590194,
];
const PIO2_HI: f64 = std::f64::consts::FRAC_PI_2;
const PIO2_LO: f64 = 6.123233995736766e-17;
const PIO4_HI: f64 = std::f64::consts::FRAC_PI_4;
const PI: f64 = std::f64::consts::PI;

/// `R(t) = t P(t) / Q(t)`.
#[inline(always)]
fn rational<const FMA: bool>(t: f64) -> f64 {
    let f = |a: f64, c: f64| fma::<FMA>(t, a, c);
    let p = t * f(f(f(f(f(PS[5], PS[4]), PS[3]), PS[2]), PS[1]), PS[0]);
    let q = f(f(f(f(QS[3], QS[2]), QS[1]), QS[0]), 1.0);
    p / q
}

/// `(t, s, head, c)`: the argument of `R`, `s = √t`, `s`'s 26-bit head and the tail
/// `c = (t - head²)/(s + head)` with `s ≈ head + c` (large branch; garbage when small).
#[inline(always)]
fn large_parts(ax: f64) -> (f64, f64, f64, f64) {
    let t = (1.0 - ax) * 0.5;
    let s = t.sqrt();
    let head = f64::from_bits(s.to_bits() & 0xffff_ffff_0000_0000);
    let c = (t - head * head) / (s + head);
    (t, s, head, c)
}

/// `asin(x)` for `f64`.
#[inline(always)]
pub fn asin_f64<const FMA: bool>(x: f64) -> f64 {
    let ax = x.abs();
    let small = ax < 0.5;
    let (tl, s, head, c) = large_parts(ax);
    let r = rational::<FMA>(if small { x * x } else { tl });
    let small_v = fma::<FMA>(x, r, x);
    let p = 2.0 * s * r - (PIO2_LO - 2.0 * c);
    let q = PIO4_HI - 2.0 * head;
    let large_v = (PIO4_HI - (p - q)).copysign(x);
    let v = if small { small_v } else { large_v };
    let v = if ax == 1.0 {
        x * PIO2_HI + x * PIO2_LO
    } else {
        v
    };
    if ax > 1.0 { f64::NAN } else { v }
}

/// `acos(x)` for `f64`.
#[inline(always)]
pub fn acos_f64<const FMA: bool>(x: f64) -> f64 {
    let ax = x.abs();
    let small = ax < 0.5;
    let (tl, s, head, c) = large_parts(ax);
    let r = rational::<FMA>(if small { x * x } else { tl });
    let small_v = PIO2_HI - (x - (PIO2_LO - x * r));
    let neg_v = PI - 2.0 * (s + (r * s - PIO2_LO));
    let pos_v = 2.0 * (head + (r * s + c));
    let v = if small {
        small_v
    } else if x < 0.0 {
        neg_v
    } else {
        pos_v
    };
    let v = if x == 1.0 { 0.0 } else { v };
    let v = if x == -1.0 { PI } else { v };
    if ax > 1.0 { f64::NAN } else { v }
}

/// `asin(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn asin_f32<const FMA: bool>(x: f32) -> f32 {
    asin_f64::<FMA>(x as f64) as f32
}

/// `acos(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn acos_f32<const FMA: bool>(x: f32) -> f32 {
    acos_f64::<FMA>(x as f64) as f32
}

unary_kernel!(
    /// Arcsine (NumPy: `np.arcsin`).
    Arcsin,
    asin_f64,
    asin_f32
);
unary_kernel!(
    /// Arccosine (NumPy: `np.arccos`).
    Arccos,
    acos_f64,
    acos_f32
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::Level;
    use crate::testing::{eval, validation_tests};
    use crate::trig::testing::check_family;

    validation_tests! {
        #[cfg_attr(
            miri,
            ignore = "validation-set loops and libm comparisons; no unsafe of their own"
        )]
        asin_matches_validation_and_levels: Arcsin, "arcsin", check_family(f64::asin, f32::asin, 1);
        acos_matches_validation_and_levels: Arccos, "arccos", check_family(f64::acos, f32::acos, 1);
    }

    #[test]
    fn domain_edges() {
        for l in Level::available() {
            let xs = [
                1.0,
                -1.0,
                1.0 + f64::EPSILON,
                -2.0,
                f64::INFINITY,
                f64::NAN,
                -0.0,
            ];
            let s = eval::<Arcsin, f64>(l, &xs);
            let c = eval::<Arccos, f64>(l, &xs);
            assert_eq!(s[0], std::f64::consts::FRAC_PI_2);
            assert_eq!(s[1], -std::f64::consts::FRAC_PI_2);
            assert_eq!(c[0].to_bits(), 0);
            assert_eq!(c[1], std::f64::consts::PI);
            assert!(s[2..6].iter().chain(&c[2..6]).all(|v| v.is_nan()));
            assert!(s[6] == 0.0 && s[6].is_sign_negative());
            assert_eq!(c[6], std::f64::consts::FRAC_PI_2);
        }
    }
}
