//! Test helpers for this family: NumPy validation sets at every level, and levels, layouts
//! and lengths held against each other and against a scalar reference.

use crate::run::{Run, RunMut};
use crate::simd::Level;
use crate::unary::{Unary, run_level};
use numerust_testutil::ulp::{ulp_f32, ulp_f64};
use numerust_testutil::umath::load_umath_split;

/// SplitMix64: a small seeded generator for test inputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Applies kernel `K` to `xs` at `level` as one contiguous run.
pub fn eval<K: Unary<T>, T: Copy + Default>(level: Level, xs: &[T]) -> Vec<T> {
    let mut out = vec![T::default(); xs.len()];
    run_level::<K, T>(level, Run::from_slice(xs), RunMut::from_slice(&mut out));
    out
}

/// Checks `K` on `umath-validation-set-<func>.csv` at every level: at most `max64` / `max32`
/// ULP and never more than a row's own tolerance. Prints the max ULP seen per level.
pub fn check_umath<K: Unary<f64> + Unary<f32>>(func: &str, max64: u64, max32: u64) {
    let Some((rows32, rows64)) = load_umath_split(func) else {
        println!("skipped: no validation data for {func}");
        return;
    };
    for level in Level::available() {
        let xs: Vec<f64> = rows64.iter().map(|r| r.0).collect();
        let got = eval::<K, f64>(level, &xs);
        let mut worst = 0;
        for (&(x, want, tol), &g) in rows64.iter().zip(&got) {
            let d = ulp_f64(g, want);
            assert!(
                d <= max64.min(tol),
                "{func} f64 {level:?} x={x:e} ({:#x}): got {g:e} want {want:e}: {d} ULP",
                x.to_bits()
            );
            worst = worst.max(d);
        }
        let xs: Vec<f32> = rows32.iter().map(|r| r.0).collect();
        let got = eval::<K, f32>(level, &xs);
        let mut worst32 = 0;
        for (&(x, want, tol), &g) in rows32.iter().zip(&got) {
            let d = ulp_f32(g, want);
            assert!(
                d <= max32.min(tol),
                "{func} f32 {level:?} x={x:e} ({:#x}): got {g:e} want {want:e}: {d} ULP",
                x.to_bits()
            );
            worst32 = worst32.max(d);
        }
        println!(
            "{func} {}: max {worst} ULP f64 ({} rows), {worst32} ULP f32 ({} rows)",
            level.name(),
            rows64.len(),
            rows32.len()
        );
    }
}

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

/// Bits of `K` per element at `level`, computed through the strided path (stride 2 and -1)
/// and through contiguous runs of every length up to `3 * 4 + 1` at every offset: all must
/// equal the contiguous whole-run result.
fn check_layouts<K: Unary<T>, T: Copy + Default + PartialEq + std::fmt::Debug>(
    level: Level,
    xs: &[T],
    bits: impl Fn(T) -> u64,
) {
    let whole = eval::<K, T>(level, xs);
    let same = |a: T, b: T| bits(a) == bits(b);
    // Stride 2: interleave with padding.
    let mut padded = Vec::with_capacity(2 * xs.len());
    for &x in xs {
        padded.push(x);
        padded.push(T::default());
    }
    let mut out = vec![T::default(); 2 * xs.len()];
    if !xs.is_empty() {
        // SAFETY: `xs.len()` elements at stride 2 from the start of slices of twice that
        // length stay inside them; the output slice is borrowed mutably for the call only.
        let (src, dst) = unsafe {
            (
                Run::from_raw(padded.as_ptr(), xs.len(), 2),
                RunMut::from_raw(out.as_mut_ptr(), xs.len(), 2),
            )
        };
        run_level::<K, T>(level, src, dst);
    }
    for (i, &w) in whole.iter().enumerate() {
        assert!(same(out[2 * i], w), "{level:?} stride 2 at {i}");
    }
    // Stride -1: reversed input and output.
    let rev: Vec<T> = xs.iter().rev().copied().collect();
    let mut out = vec![T::default(); xs.len()];
    if !xs.is_empty() {
        let n = xs.len();
        // SAFETY: `n` elements at stride -1 from the last element of slices of length `n`.
        let (src, dst) = unsafe {
            (
                Run::from_raw(rev.as_ptr().add(n - 1), n, -1),
                RunMut::from_raw(out.as_mut_ptr().add(n - 1), n, -1),
            )
        };
        run_level::<K, T>(level, src, dst);
    }
    for (i, &w) in whole.iter().enumerate() {
        assert!(same(out[xs.len() - 1 - i], w), "{level:?} stride -1 at {i}");
    }
    // Short runs at every offset.
    for len in 0..=13.min(xs.len()) {
        for off in 0..4.min(xs.len() - len + 1) {
            let part = eval::<K, T>(level, &xs[off..off + len]);
            for (i, &p) in part.iter().enumerate() {
                assert!(same(p, whole[off + i]), "{level:?} len {len} off {off}");
            }
        }
    }
}

/// Checks `K` at every level against `ref64`/`ref32` (within `max_ulp`), levels against each
/// other (within `max_ulp`) and every layout against the contiguous result (same bits).
pub fn check_family<K: Unary<f64> + Unary<f32>>(
    ref64: fn(f64) -> f64,
    ref32: fn(f32) -> f32,
    max_ulp: u64,
) {
    let xs = inputs_f64();
    let xs32 = inputs_f32();
    let base64 = eval::<K, f64>(Level::Scalar, &xs);
    let base32 = eval::<K, f32>(Level::Scalar, &xs32);
    for level in Level::available() {
        let got = eval::<K, f64>(level, &xs);
        for ((&x, &g), &b) in xs.iter().zip(&got).zip(&base64) {
            let r = ref64(x);
            assert!(
                ulp_f64(g, r) <= max_ulp,
                "{level:?} f64 x={x:e}: {g:e} vs {r:e}"
            );
            assert!(ulp_f64(g, b) <= max_ulp, "{level:?} f64 vs scalar x={x:e}");
            if !r.is_nan() {
                assert_eq!(g.to_bits() >> 63, r.to_bits() >> 63, "sign x={x:e}");
            }
        }
        let got = eval::<K, f32>(level, &xs32);
        for ((&x, &g), &b) in xs32.iter().zip(&got).zip(&base32) {
            let r = ref32(x);
            assert!(
                ulp_f32(g, r) <= max_ulp,
                "{level:?} f32 x={x:e}: {g:e} vs {r:e}"
            );
            assert!(ulp_f32(g, b) <= max_ulp, "{level:?} f32 vs scalar x={x:e}");
            if !r.is_nan() {
                assert_eq!(
                    g.is_sign_negative(),
                    r.is_sign_negative(),
                    "sign f32 x={x:e}"
                );
            }
        }
        if level == Level::Avx2 {
            // The 512-bit build of the Avx2 body (where used) gives the 256-bit bits.
            let wide = eval::<K, f64>(level, &xs);
            let mut narrow = vec![0.0; xs.len()];
            crate::unary::run_avx2_256::<K, f64>(
                Run::from_slice(&xs),
                RunMut::from_slice(&mut narrow),
            );
            for (i, (a, b)) in wide.iter().zip(&narrow).enumerate() {
                assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "512 vs 256 bits, x={:e}",
                    xs[i]
                );
            }
            let wide = eval::<K, f32>(level, &xs32);
            let mut narrow = vec![0.0; xs32.len()];
            crate::unary::run_avx2_256::<K, f32>(
                Run::from_slice(&xs32),
                RunMut::from_slice(&mut narrow),
            );
            for (i, (a, b)) in wide.iter().zip(&narrow).enumerate() {
                assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "512 vs 256 bits, x={:e}",
                    xs32[i]
                );
            }
        }
        check_layouts::<K, f64>(level, &xs[..600], f64::to_bits);
        check_layouts::<K, f32>(level, &xs32[..600], |x| x.to_bits() as u64);
    }
}
