//! Test helpers shared by the vector-math families (`exp`, `log`, `trig`): NumPy validation
//! sets at every level, and levels, layouts and lengths held against each other and against
//! a reference. Family-specific inputs stay in the family (`trig::testing`).

use crate::run::{Run, RunMut};
use crate::simd::Level;
use crate::unary::{Unary, run_avx2_256, run_level};
use numerust_testutil::ulp::{ulp_f32, ulp_f64};
use numerust_testutil::umath::load_umath_split;
use std::fmt::{Debug, LowerExp};

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

/// `f64` or `f32`, as the checks below need them.
pub trait TestFloat: Copy + Default + Debug + LowerExp {
    /// The type's name in messages.
    const NAME: &'static str;
    /// ULP distance (NaNs equal, `-0 == +0`).
    fn ulp(a: Self, b: Self) -> u64;
    /// The bits, widened.
    fn bits(self) -> u64;
    fn is_nan(self) -> bool;
    fn is_sign_negative(self) -> bool;
    /// The same bits, or both NaN.
    fn same(a: Self, b: Self) -> bool {
        a.bits() == b.bits() || (a.is_nan() && b.is_nan())
    }
}

impl TestFloat for f64 {
    const NAME: &'static str = "f64";
    fn ulp(a: Self, b: Self) -> u64 {
        ulp_f64(a, b)
    }
    fn bits(self) -> u64 {
        self.to_bits()
    }
    fn is_nan(self) -> bool {
        f64::is_nan(self)
    }
    fn is_sign_negative(self) -> bool {
        f64::is_sign_negative(self)
    }
}

impl TestFloat for f32 {
    const NAME: &'static str = "f32";
    fn ulp(a: Self, b: Self) -> u64 {
        ulp_f32(a, b)
    }
    fn bits(self) -> u64 {
        self.to_bits() as u64
    }
    fn is_nan(self) -> bool {
        f32::is_nan(self)
    }
    fn is_sign_negative(self) -> bool {
        f32::is_sign_negative(self)
    }
}

/// Applies kernel `K` to `xs` at `level` as one contiguous run.
pub fn eval<K: Unary<T>, T: Copy + Default>(level: Level, xs: &[T]) -> Vec<T> {
    let mut out = vec![T::default(); xs.len()];
    run_level::<K, T>(level, Run::from_slice(xs), RunMut::from_slice(&mut out));
    out
}

/// Checks `K` on validation `rows` of one type at `level`: at most `max` ULP and never more
/// than a row's own tolerance. Returns the max ULP seen.
fn check_rows<K: Unary<T>, T: TestFloat>(
    func: &str,
    level: Level,
    rows: &[(T, T, u64)],
    max: u64,
) -> u64 {
    let xs: Vec<T> = rows.iter().map(|r| r.0).collect();
    let got = eval::<K, T>(level, &xs);
    let mut worst = 0;
    for (&(x, want, tol), &g) in rows.iter().zip(&got) {
        let d = T::ulp(g, want);
        assert!(
            d <= max.min(tol),
            "{func} {} {level:?} x={x:e} ({:#x}): got {g:e} want {want:e}: {d} ULP",
            T::NAME,
            x.bits()
        );
        worst = worst.max(d);
    }
    worst
}

/// Checks `K` on `umath-validation-set-<func>.csv` at every level: at most `max64` / `max32`
/// ULP and never more than a row's own tolerance. Prints the max ULP seen per level.
pub fn check_umath<K: Unary<f64> + Unary<f32>>(func: &str, max64: u64, max32: u64) {
    let Some((rows32, rows64)) = load_umath_split(func) else {
        println!("skipped: no validation data for {func}");
        return;
    };
    for level in Level::available() {
        let worst = check_rows::<K, f64>(func, level, &rows64, max64);
        let worst32 = check_rows::<K, f32>(func, level, &rows32, max32);
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

/// Holds `K`'s layouts together at `level`: strided runs (stride 2 and -1, input and output)
/// and contiguous runs of every length up to `3 * 16 + 1` at 16 offsets all give the bits
/// of the contiguous whole-run result.
pub fn check_layouts<K: Unary<T>, T: TestFloat>(level: Level, xs: &[T]) {
    let whole = eval::<K, T>(level, xs);
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
        assert!(T::same(out[2 * i], w), "{level:?} stride 2 at {i}");
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
        assert!(
            T::same(out[xs.len() - 1 - i], w),
            "{level:?} stride -1 at {i}"
        );
    }
    // Short runs at every offset: the loop tails (up to three 16-lane vectors and one more).
    for len in 0..=49.min(xs.len()) {
        for off in 0..16.min(xs.len() - len + 1) {
            let part = eval::<K, T>(level, &xs[off..off + len]);
            for (i, &p) in part.iter().enumerate() {
                assert!(T::same(p, whole[off + i]), "{level:?} len {len} off {off}");
            }
        }
    }
}

/// [`check_family_on`] for one element type.
fn check_type<K: Unary<T>, T: TestFloat>(
    xs: &[T],
    reference: Option<fn(T) -> T>,
    ref_bound: u64,
    bound: u64,
) {
    let t = T::NAME;
    let base = eval::<K, T>(Level::Scalar, xs);
    for level in Level::available() {
        let got = eval::<K, T>(level, xs);
        for ((&x, &g), &b) in xs.iter().zip(&got).zip(&base) {
            if let Some(r) = reference.map(|r| r(x)) {
                let d = T::ulp(g, r);
                assert!(
                    d <= ref_bound,
                    "{level:?} {t} x={x:e}: {g:e} vs reference {r:e}: {d} ULP"
                );
                if !r.is_nan() {
                    assert_eq!(
                        g.is_sign_negative(),
                        r.is_sign_negative(),
                        "{level:?} {t} sign x={x:e}"
                    );
                }
            }
            let d = T::ulp(g, b);
            assert!(d <= bound, "{level:?} {t} x={x:e}: {g:e} vs scalar {b:e}");
            if level == Level::Wide {
                assert!(T::same(g, b), "wide differs from scalar at {t} {x:e}");
            }
        }
        if level >= Level::Avx2 && !(level == Level::Avx512 && K::HAS_AVX512) {
            // 256-bit and (where the CPU has it) 512-bit registers: the same bits (a kernel
            // with its own AVX-512 body is held to `Scalar` within `bound` above instead).
            let mut narrow = vec![T::default(); xs.len()];
            run_avx2_256::<K, T>(Run::from_slice(xs), RunMut::from_slice(&mut narrow));
            for (i, (&a, &b)) in got.iter().zip(&narrow).enumerate() {
                assert!(T::same(a, b), "avx2 512 vs 256 bits, {t} x={:e}", xs[i]);
            }
        }
        check_layouts::<K, T>(level, xs);
    }
}

/// Holds `K` together on `xs`/`xs32`: at every level, within `ref_bound` ULP of the
/// references (where given; the `f64` one only where it is itself accurate) and on the same
/// side of zero, within `bound` ULP of `Scalar`; `Wide` equals `Scalar` bit for bit, the
/// 512-bit `Avx2` build the 256-bit one, and every layout the contiguous result
/// ([`check_layouts`]). Under Miri, which perturbs std's libm results on purpose, the
/// references are skipped and only the level and layout checks run.
pub fn check_family_on<K: Unary<f64> + Unary<f32>>(
    xs: &[f64],
    xs32: &[f32],
    ref64: Option<fn(f64) -> f64>,
    ref32: fn(f32) -> f32,
    ref_bound: u64,
    bound: u64,
) {
    let ref32 = Some(ref32).filter(|_| !cfg!(miri));
    check_type::<K, f64>(xs, ref64.filter(|_| !cfg!(miri)), ref_bound, bound);
    check_type::<K, f32>(xs32, ref32, ref_bound, bound);
}

/// [`check_family_on`] with the general inputs [`inputs_f64`] and [`inputs_f32`].
pub fn check_family<K: Unary<f64> + Unary<f32>>(
    ref64: Option<fn(f64) -> f64>,
    ref32: fn(f32) -> f32,
    ref_bound: u64,
    bound: u64,
) {
    check_family_on::<K>(&inputs_f64(), &inputs_f32(), ref64, ref32, ref_bound, bound);
}

/// Defines `#[test]`s holding kernels to NumPy's validation sets (1 ULP in each type, by
/// [`check_umath`]) and to a family check, one per line:
/// `test_name: Kernel, "umath-name", check(args);` runs `check_umath::<Kernel>("umath-name",
/// 1, 1)` and `check::<Kernel>(args)`. Attributes before the list go on every test.
macro_rules! validation_tests {
    (@one [$($attr:tt)*] $test:ident, $kernel:ty, $umath:literal, $check:ident($($arg:expr),*)) => {
        #[test]
        $($attr)*
        fn $test() {
            $crate::testing::check_umath::<$kernel>($umath, 1, 1);
            $check::<$kernel>($($arg),*);
        }
    };
    (@each $attrs:tt $($test:ident: $kernel:ty, $umath:literal, $check:ident($($arg:expr),*);)+) => {
        $($crate::testing::validation_tests!(@one $attrs $test, $kernel, $umath, $check($($arg),*));)+
    };
    ($(#[$attr:meta])* $($test:ident: $kernel:ty, $umath:literal, $check:ident($($arg:expr),*);)+) => {
        $crate::testing::validation_tests!(@each [$(#[$attr])*] $($test: $kernel, $umath, $check($($arg),*);)+);
    };
}
pub(crate) use validation_tests;
