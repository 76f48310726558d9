//! Test helpers shared by this family's kernels: NumPy validation sets at every level, and
//! levels, layouts and lengths held against each other and against a scalar reference.

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

/// Inputs: specials, edges and seeded random values over all exponents and near 0 and ±1.
pub fn inputs_f64() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        2.0,
        0.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        2.2e-308,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        1.0 + f64::EPSILON,
        1.0 - f64::EPSILON / 2.0,
        -1.0 + f64::EPSILON / 2.0,
        1e-300,
        1e300,
        268435456.0,
        0.4999999999999999,
    ];
    let mut rng = Rng::new(0x5eed);
    for _ in 0..if cfg!(miri) { 8 } else { 2000 } {
        v.push(f64::from_bits(rng.next_u64()));
        v.push((rng.unit() - 0.5) * 8.0);
        v.push(1.0 + (rng.unit() - 0.5) * 1e-3);
        v.push(rng.unit() * 1e-6);
    }
    v
}

/// `f32` counterparts of [`inputs_f64`].
pub fn inputs_f32() -> Vec<f32> {
    let mut v: Vec<f32> = vec![
        f32::MIN_POSITIVE,
        1e-45,
        -1e-45,
        f32::MAX,
        f32::MIN,
        f32::EPSILON,
        1.0 + f32::EPSILON,
    ];
    let mut rng = Rng::new(0xf32);
    for _ in 0..if cfg!(miri) { 8 } else { 2000 } {
        v.push(f32::from_bits(rng.next_u64() as u32));
    }
    v.extend(inputs_f64().iter().map(|&x| x as f32));
    v
}

fn same64(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn same32(a: f32, b: f32) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Holds `K` together: at every level, strided runs (strides 2 and -1) and short runs at
/// every offset equal the contiguous result bit for bit; `Wide` equals `Scalar` bit for bit;
/// every level is within `bound` ULP of `Scalar`, and within `ref_bound` ULP of the
/// references where given (`f64` reference: only where it is itself accurate).
pub fn check_family<K: Unary<f64> + Unary<f32>>(
    ref64: Option<fn(f64) -> f64>,
    ref32: fn(f32) -> f32,
    ref_bound: u64,
    bound: u64,
) {
    let xs = inputs_f64();
    let xs32 = inputs_f32();
    let base = eval::<K, f64>(Level::Scalar, &xs);
    let base32 = eval::<K, f32>(Level::Scalar, &xs32);
    // Miri perturbs the results of std's libm functions on purpose (they are not exact):
    // there the references mean nothing, and only the level/layout checks below run.
    let (ref64, skip_refs) = (ref64.filter(|_| !cfg!(miri)), cfg!(miri));
    for (i, (&x, &g)) in xs.iter().zip(&base).enumerate() {
        if let Some(r) = ref64 {
            let d = ulp_f64(g, r(x));
            assert!(
                d <= ref_bound,
                "#{i} x={x:e}: {g:e} vs reference {:e}: {d} ULP",
                r(x)
            );
        }
    }
    for (&x, &g) in xs32.iter().zip(&base32).filter(|_| !skip_refs) {
        let d = ulp_f32(g, ref32(x));
        assert!(
            d <= ref_bound,
            "f32 x={x:e}: {g:e} vs reference {:e}: {d} ULP",
            ref32(x)
        );
    }
    for level in Level::available() {
        let got = eval::<K, f64>(level, &xs);
        let got32 = eval::<K, f32>(level, &xs32);
        for ((&x, &g), &b) in xs.iter().zip(&got).zip(&base) {
            let d = ulp_f64(g, b);
            assert!(d <= bound, "{level:?} x={x:e}: {g:e} vs scalar {b:e}");
            if level == Level::Wide {
                assert!(same64(g, b), "wide differs from scalar at {x:e}");
            }
        }
        for ((&x, &g), &b) in xs32.iter().zip(&got32).zip(&base32) {
            assert!(
                ulp_f32(g, b) <= bound,
                "{level:?} f32 x={x:e}: {g:e} vs {b:e}"
            );
        }
        if level == Level::Avx2 {
            // 256-bit and (where the CPU has it) 512-bit registers: the same bits.
            let mut o = vec![0.0; xs.len()];
            crate::unary::run_avx2_256::<K, f64>(Run::from_slice(&xs), RunMut::from_slice(&mut o));
            assert!(
                o.iter().zip(&got).all(|(&a, &b)| same64(a, b)),
                "avx2 256 vs 512"
            );
            let mut o = vec![0.0f32; xs32.len()];
            crate::unary::run_avx2_256::<K, f32>(
                Run::from_slice(&xs32),
                RunMut::from_slice(&mut o),
            );
            assert!(
                o.iter().zip(&got32).all(|(&a, &b)| same32(a, b)),
                "avx2 256 vs 512 f32"
            );
        }
        // Strides 2 and -1 through the same per-element code.
        let n = xs.len() / 2;
        let mut out = vec![0.0; n];
        // SAFETY: elements 0, 2, .., 2(n-1) of `xs`, all in bounds.
        let every_other = unsafe { Run::from_raw(xs.as_ptr(), n, 2) };
        run_level::<K, f64>(level, every_other, RunMut::from_slice(&mut out));
        for i in 0..n {
            assert!(same64(out[i], got[2 * i]), "{level:?} stride 2 at {i}");
        }
        let mut rev = vec![0.0; xs.len()];
        let rev_in: Vec<f64> = xs.iter().rev().copied().collect();
        let len = rev.len();
        // SAFETY: elements len-1 down to 0 of `rev`, all in bounds (len > 0).
        let backwards = unsafe { RunMut::from_raw(rev.as_mut_ptr().add(len - 1), len, -1) };
        run_level::<K, f64>(level, Run::from_slice(&rev_in), backwards);
        assert!(
            rev.iter().zip(&got).all(|(&a, &b)| same64(a, b)),
            "{level:?} stride -1"
        );
        // Short runs at every offset: the loop tails.
        for off in 0..4 {
            for len in 0..=13 {
                let s = &xs[off..off + len];
                let o = eval::<K, f64>(level, s);
                assert!(o.iter().zip(&got[off..]).all(|(&a, &b)| same64(a, b)));
                let s32 = &xs32[off..off + len];
                let o32 = eval::<K, f32>(level, s32);
                assert!(o32.iter().zip(&got32[off..]).all(|(&a, &b)| same32(a, b)));
            }
        }
    }
}
