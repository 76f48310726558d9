//! Test inputs for this family (specials, multiples of π/2, the edges of the fast
//! reduction) and its family check; the checks themselves are in [`crate::testing`].

use crate::testing::{Rng, check_family_on};
use crate::unary::Unary;

/// Inputs: specials, edges, multiples of π/2 and seeded random values over all exponents.
pub fn inputs_f64() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        1.0 - f64::EPSILON / 2.0,
        -1.0 + f64::EPSILON / 2.0,
        1e-300,
        1e300,
        1048575.9999999999,
        1048576.0,
        -1048576.0,
        1e22,
        std::f64::consts::FRAC_PI_2,
        std::f64::consts::PI,
    ];
    for k in 1..200 {
        v.push(k as f64 * std::f64::consts::FRAC_PI_2);
        v.push(-(k as f64) * std::f64::consts::FRAC_PI_4);
    }
    let mut rng = Rng::new(0x5eed);
    for _ in 0..2000 {
        v.push(f64::from_bits(rng.next_u64()));
        v.push((rng.unit() - 0.5) * 20.0);
        v.push((rng.unit() - 0.5) * 2.0);
        v.push((rng.unit() - 0.5) * 4e6);
        v.push(rng.unit() * 1e-6);
    }
    v
}

/// `f32` counterparts of [`inputs_f64`].
pub fn inputs_f32() -> Vec<f32> {
    let mut v: Vec<f32> = vec![
        f32::MIN_POSITIVE,
        -f32::MIN_POSITIVE,
        1e-45,
        -1e-45,
        f32::MAX,
        f32::MIN,
        f32::EPSILON,
        1.0 - f32::EPSILON / 2.0,
    ];
    v.extend(inputs_f64().iter().map(|&x| x as f32));
    let mut rng = Rng::new(0xf32);
    for _ in 0..2000 {
        v.push(f32::from_bits(rng.next_u64() as u32));
    }
    v
}

/// [`check_family_on`] with this family's inputs, `max_ulp` from the references and from
/// `Scalar`.
pub fn check_family<K: Unary<f64> + Unary<f32>>(
    ref64: fn(f64) -> f64,
    ref32: fn(f32) -> f32,
    max_ulp: u64,
) {
    check_family_on::<K>(
        &inputs_f64(),
        &inputs_f32(),
        Some(ref64),
        ref32,
        max_ulp,
        max_ulp,
    );
}
