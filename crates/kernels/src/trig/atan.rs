//! `arctan` and `arctan2` (NumPy: `np.arctan`, `np.arctan2`).
//!
//! `arctan` is fdlibm's `atan` made branch-free: `|x|` picks one of five intervals
//! (breakpoints 7/16, 11/16, 19/16, 39/16), a Möbius map `t = (a|x| + b)/(c|x| + d)` brings
//! it to `|t| <= 7/16`, and `atan(x) = atan(k) + atan(t)` with `atan(k)` in two pieces and
//! `atan(t)` from an odd degree-23 polynomial split in even/odd halves; the sign is copied
//! from `x` last (`atan(-0) = -0`). `arctan2(y, x)` follows C's `atan2` for every special
//! (signed zeros, infinities, NaN) and evaluates `atan(|y/x|)` with the quotient's rounding
//! error folded back in (`+ e/(1 + q²)`), then places it in the quadrant of `(x, y)` with a
//! two-piece `π`. `f32` runs in `f64` lanes and is rounded once. Max error on NumPy's
//! validation set (docs/accuracy.md): at most 1 ULP (`f64` and `f32`).

use super::Binary;
use crate::float::{fma, two_prod};
use crate::unary::unary_kernel;

const AT: [f64; 11] = [
    0.3333333333333293,
    -0.19999999999876483,
    0.14285714272503466,
    -0.11111110405462356,
    0.09090887133436507,
    -0.0769187620504483,
    0.06661073137387531,
    -0.058335701337905735,
    0.049768779946159324,
    -0.036531572744216916,
    0.016285820115365782,
];
const ATAN_HI: [f64; 4] = [
    0.4636476090008061,
    std::f64::consts::FRAC_PI_4,
    0.982793723247329,
    std::f64::consts::FRAC_PI_2,
];
const ATAN_LO: [f64; 4] = [
    2.2698777452961687e-17,
    3.061616997868383e-17,
    1.3903311031230998e-17,
    6.123233995736766e-17,
];
const PI_HI: f64 = std::f64::consts::PI;
const PI_LO: f64 = 1.2246467991473532e-16;
const PIO4: f64 = std::f64::consts::FRAC_PI_4;

/// `atan(a)` for `a >= 0` or NaN (`+inf` gives `π/2`).
#[inline(always)]
fn atan_pos<const FMA: bool>(a: f64) -> f64 {
    let (num, den, hi, lo) = if a >= 2.4375 {
        (-1.0, a, ATAN_HI[3], ATAN_LO[3])
    } else if a >= 1.1875 {
        (a - 1.5, 1.0 + 1.5 * a, ATAN_HI[2], ATAN_LO[2])
    } else if a >= 0.6875 {
        (a - 1.0, a + 1.0, ATAN_HI[1], ATAN_LO[1])
    } else if a >= 0.4375 {
        (2.0 * a - 1.0, 2.0 + a, ATAN_HI[0], ATAN_LO[0])
    } else {
        (a, 1.0, 0.0, 0.0)
    };
    let t = num / den;
    let z = t * t;
    let w = z * z;
    let f = |x: f64, c: f64| fma::<FMA>(w, x, c);
    let s1 = z * f(f(f(f(f(AT[10], AT[8]), AT[6]), AT[4]), AT[2]), AT[0]);
    let s2 = w * f(f(f(f(AT[9], AT[7]), AT[5]), AT[3]), AT[1]);
    hi - ((t * (s1 + s2) - lo) - t)
}

/// `atan(x)` for `f64`.
#[inline(always)]
pub fn atan_f64<const FMA: bool>(x: f64) -> f64 {
    atan_pos::<FMA>(x.abs()).copysign(x)
}

/// `atan(x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn atan_f32<const FMA: bool>(x: f32) -> f32 {
    atan_f64::<FMA>(x as f64) as f32
}

/// `atan2(y, x)` for `f64`; `PRECISE` folds the quotient's rounding error back in.
#[inline(always)]
fn atan2_body<const FMA: bool, const PRECISE: bool>(y: f64, x: f64) -> f64 {
    let (ax, ay) = (x.abs(), y.abs());
    let q = ay / ax;
    let mut z = atan_pos::<FMA>(q);
    if PRECISE {
        // ay = q·ax + r exactly; atan(q + r/ax) ≈ atan(q) + (r/ax)/(1 + q²).
        let (p, pe) = two_prod::<FMA>(q, ax);
        let e = ((ay - p) - pe) / ax;
        let corr = e / fma::<FMA>(q, q, 1.0);
        let corr = if corr.is_finite() { corr } else { 0.0 };
        z += corr;
    }
    // 0/0 and inf/inf: C's atan2 gives the angle of the limits.
    let z = if ax == 0.0 && ay == 0.0 { 0.0 } else { z };
    let z = if ax == f64::INFINITY && ay == f64::INFINITY {
        PIO4
    } else {
        z
    };
    // Left half-plane (including x = -0): π - z.
    let z = if x.is_sign_negative() {
        PI_HI - (z - PI_LO)
    } else {
        z
    };
    let z = if y.is_nan() || x.is_nan() { y + x } else { z };
    z.copysign(y)
}

/// `atan2(y, x)` for `f64`.
#[inline(always)]
pub fn atan2_f64<const FMA: bool>(y: f64, x: f64) -> f64 {
    atan2_body::<FMA, true>(y, x)
}

/// `atan2(y, x)` for `f32`, evaluated in `f64`.
#[inline(always)]
pub fn atan2_f32<const FMA: bool>(y: f32, x: f32) -> f32 {
    atan2_body::<FMA, false>(y as f64, x as f64) as f32
}

unary_kernel!(
    /// Arctangent (NumPy: `np.arctan`).
    Arctan,
    atan_f64,
    atan_f32
);

/// Two-argument arctangent `atan2(y, x)` (NumPy: `np.arctan2`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Arctan2;

impl Binary<f64> for Arctan2 {
    #[inline(always)]
    fn elem<const FMA: bool>(y: f64, x: f64) -> f64 {
        atan2_f64::<FMA>(y, x)
    }
}

impl Binary<f32> for Arctan2 {
    #[inline(always)]
    fn elem<const FMA: bool>(y: f32, x: f32) -> f32 {
        atan2_f32::<FMA>(y, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{Run, RunMut};
    use crate::simd::Level;
    use crate::testing::{Rng, validation_tests};
    use crate::trig::run2_level;
    use crate::trig::testing::check_family;
    use numerust_testutil::ulp::{ulp_f32, ulp_f64};

    validation_tests! {
        #[cfg_attr(
            miri,
            ignore = "validation-set loops and libm comparisons; no unsafe of their own"
        )]
        atan_matches_validation_and_levels: Arctan, "arctan", check_family(f64::atan, f32::atan, 1);
    }

    fn eval2<T: Copy + Default>(level: Level, ys: &[T], xs: &[T]) -> Vec<T>
    where
        Arctan2: Binary<T>,
    {
        let mut out = vec![T::default(); ys.len()];
        run2_level::<Arctan2, T>(
            level,
            Run::from_slice(ys),
            Run::from_slice(xs),
            RunMut::from_slice(&mut out),
        );
        out
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "validation-set loops and libm comparisons; no unsafe of their own"
    )]
    fn atan2_specials_and_random_match_c() {
        let sp = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.5,
            -3e-310,
            1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let mut ys = Vec::new();
        let mut xs = Vec::new();
        for &y in &sp {
            for &x in &sp {
                ys.push(y);
                xs.push(x);
            }
        }
        let mut rng = Rng::new(7);
        for _ in 0..20000 {
            let scale = |r: &mut Rng| (r.unit() - 0.5) * 10f64.powi((r.unit() * 40.0) as i32 - 20);
            ys.push(scale(&mut rng));
            xs.push(scale(&mut rng));
            ys.push(f64::from_bits(rng.next_u64()));
            xs.push(f64::from_bits(rng.next_u64()));
        }
        for level in Level::available() {
            let got = eval2::<f64>(level, &ys, &xs);
            let mut worst = 0;
            for ((&y, &x), &g) in ys.iter().zip(&xs).zip(&got) {
                let want = y.atan2(x);
                let d = ulp_f64(g, want);
                assert!(d <= 1, "{level:?} atan2({y:e}, {x:e}) = {g:e}, C: {want:e}");
                if !want.is_nan() {
                    assert_eq!(g.is_sign_negative(), want.is_sign_negative(), "{y} {x}");
                }
                worst = worst.max(d);
            }
            let ys32: Vec<f32> = ys.iter().map(|&v| v as f32).collect();
            let xs32: Vec<f32> = xs.iter().map(|&v| v as f32).collect();
            let got = eval2::<f32>(level, &ys32, &xs32);
            let mut worst32 = 0;
            for ((&y, &x), &g) in ys32.iter().zip(&xs32).zip(&got) {
                let want = y.atan2(x);
                let d = ulp_f32(g, want);
                assert!(
                    d <= 1,
                    "{level:?} atan2f({y:e}, {x:e}) = {g:e}, C: {want:e}"
                );
                if !want.is_nan() {
                    assert_eq!(g.is_sign_negative(), want.is_sign_negative(), "{y} {x}");
                }
                worst32 = worst32.max(d);
            }
            println!(
                "atan2 {}: max {worst} ULP f64, {worst32} f32 vs C",
                level.name()
            );
        }
    }
}
