//! min/max and argmin/argmax over runs, with NumPy's NaN rules.
//!
//! - `max`/`min` propagate NaN (NumPy `np.maximum.reduce`): any NaN gives NaN.
//! - `nanmax`/`nanmin` skip NaN (NumPy `np.fmax.reduce`); all-NaN gives NaN.
//! - `argmax`/`argmin` return the first index of the extreme value, or the first NaN's index
//!   (NumPy `np.argmax`).
//!
//! Bodies are branch-free selects over 16 lanes (`m = if x > m || x.is_nan() { x } else { m }`),
//! which LLVM vectorises to compare + blend inside the AVX2 wrapper. argmax finds each
//! 1024-element block's extreme with that body and re-scans only the winning block, so memory
//! is read once. Results are exact (no arithmetic); only the sign of a zero extreme and a NaN
//! payload may depend on lane grouping, as in NumPy. Long runs split across threads at fixed
//! chunk boundaries with an order-independent combine.

use crate::run::Run;
use crate::simd::{Level, level};

/// Elements min/max can compare: floats (with NaN) and integers/bool (never NaN).
pub trait MinMax: Copy + PartialOrd + Send + Sync + 'static {
    /// Whether the value is NaN (always false for integers).
    fn is_nan_value(self) -> bool;
    /// The lowest value (`-inf` for floats, `MIN` for integers, `false`).
    const LOWEST: Self;
    /// The highest value (`+inf` for floats, `MAX` for integers, `true`).
    const HIGHEST: Self;

    /// The NaN-propagating extreme of a non-empty slice with AVX2 intrinsics, or `None`
    /// when the type has no such body (then the generic one runs).
    ///
    /// # Safety
    /// The CPU must have AVX2.
    #[cfg(target_arch = "x86_64")]
    unsafe fn extreme_avx2_fast<const MAX: bool>(_s: &[Self]) -> Option<Self> {
        None
    }

    /// As [`MinMax::extreme_avx2_fast`] with AVX-512F intrinsics (twice the lanes).
    ///
    /// # Safety
    /// The CPU must have AVX-512F.
    #[cfg(target_arch = "x86_64")]
    unsafe fn extreme_avx512_fast<const MAX: bool>(_s: &[Self]) -> Option<Self> {
        None
    }
}

macro_rules! impl_minmax_int {
    ($($t:ty),*) => {$(
        impl MinMax for $t {
            const LOWEST: Self = <$t>::MIN;
            const HIGHEST: Self = <$t>::MAX;
            #[inline(always)]
            fn is_nan_value(self) -> bool { false }
        }
    )*};
}
impl_minmax_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl MinMax for bool {
    const LOWEST: Self = false;
    const HIGHEST: Self = true;
    #[inline(always)]
    fn is_nan_value(self) -> bool {
        false
    }
}

impl MinMax for f32 {
    const LOWEST: Self = f32::NEG_INFINITY;
    const HIGHEST: Self = f32::INFINITY;
    #[cfg(target_arch = "x86_64")]
    unsafe fn extreme_avx2_fast<const MAX: bool>(s: &[f32]) -> Option<f32> {
        // SAFETY: the caller guarantees AVX2.
        Some(unsafe { extreme_f32_avx2::<MAX>(s) })
    }
    #[cfg(target_arch = "x86_64")]
    unsafe fn extreme_avx512_fast<const MAX: bool>(s: &[f32]) -> Option<f32> {
        // SAFETY: the caller guarantees AVX-512F.
        Some(unsafe { extreme_f32_avx512::<MAX>(s) })
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    fn is_nan_value(self) -> bool {
        self != self
    }
}

impl MinMax for f64 {
    const LOWEST: Self = f64::NEG_INFINITY;
    const HIGHEST: Self = f64::INFINITY;
    #[cfg(target_arch = "x86_64")]
    unsafe fn extreme_avx2_fast<const MAX: bool>(s: &[f64]) -> Option<f64> {
        // SAFETY: the caller guarantees AVX2.
        Some(unsafe { extreme_f64_avx2::<MAX>(s) })
    }
    #[cfg(target_arch = "x86_64")]
    unsafe fn extreme_avx512_fast<const MAX: bool>(s: &[f64]) -> Option<f64> {
        // SAFETY: the caller guarantees AVX-512F.
        Some(unsafe { extreme_f64_avx512::<MAX>(s) })
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    fn is_nan_value(self) -> bool {
        self != self
    }
}

macro_rules! extreme_intrinsics {
    ($name:ident, $t:ty, $w:expr, $feature:literal, $load:ident, $set1:ident, $max:ident,
     $min:ident, $store:ident, $unord:ident) => {
        /// NaN-propagating max/min of a non-empty slice: four vector accumulators of
        /// `vmax`/`vmin` (a later equal value wins, as in the portable body) plus an unordered
        /// compare that flags NaN; with NaN present the first NaN is returned.
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = $feature)]
        unsafe fn $name<const MAX: bool>(s: &[$t]) -> $t {
            use std::arch::x86_64::*;
            const W: usize = $w;
            let body = s.len() - s.len() % (4 * W);
            let init = $set1(s[0]);
            let (mut m0, mut m1, mut m2, mut m3) = (init, init, init, init);
            let mut nan = false;
            for c in s[..body].chunks_exact(4 * W) {
                // SAFETY: `c` holds 4*W elements, so the four W-wide unaligned loads at
                // c[0], c[W], c[2W], c[3W] read inside it.
                let (x0, x1, x2, x3) = unsafe {
                    (
                        $load(c.as_ptr()),
                        $load(c.as_ptr().add(W)),
                        $load(c.as_ptr().add(2 * W)),
                        $load(c.as_ptr().add(3 * W)),
                    )
                };
                // vmax(m, x) is x when equal: the later value wins, like `step`.
                if MAX {
                    m0 = $max(m0, x0);
                    m1 = $max(m1, x1);
                    m2 = $max(m2, x2);
                    m3 = $max(m3, x3);
                } else {
                    m0 = $min(m0, x0);
                    m1 = $min(m1, x1);
                    m2 = $min(m2, x2);
                    m3 = $min(m3, x3);
                }
                nan |= $unord(x0, x1, x2, x3);
            }
            if nan {
                return s[..body]
                    .iter()
                    .copied()
                    .find(|x| x.is_nan())
                    .unwrap_or(s[0]);
            }
            let mut lanes = [[0 as $t; W]; 4];
            for (dst, v) in lanes.iter_mut().zip([m0, m1, m2, m3]) {
                // SAFETY: `dst` is W elements, exactly one vector.
                unsafe { $store(dst.as_mut_ptr(), v) };
            }
            let mut r = lanes[0][0];
            for &x in lanes.iter().flatten().chain(&s[body..]) {
                r = step::<$t, MAX>(r, x);
            }
            r
        }
    };
}

/// Whether any lane of four vectors is NaN (an unordered compare of pairs).
macro_rules! unord_any {
    ($name:ident, $feature:literal, $vt:ident, $body:expr) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = $feature)]
        #[inline]
        fn $name(
            x0: std::arch::x86_64::$vt,
            x1: std::arch::x86_64::$vt,
            x2: std::arch::x86_64::$vt,
            x3: std::arch::x86_64::$vt,
        ) -> bool {
            #[allow(unused_imports)]
            use std::arch::x86_64::*;
            $body(x0, x1, x2, x3)
        }
    };
}
unord_any!(unord_pd256, "avx2", __m256d, |a, b, c, d| {
    _mm256_movemask_pd(_mm256_or_pd(
        _mm256_cmp_pd::<_CMP_UNORD_Q>(a, b),
        _mm256_cmp_pd::<_CMP_UNORD_Q>(c, d),
    )) != 0
});
unord_any!(unord_ps256, "avx2", __m256, |a, b, c, d| {
    _mm256_movemask_ps(_mm256_or_ps(
        _mm256_cmp_ps::<_CMP_UNORD_Q>(a, b),
        _mm256_cmp_ps::<_CMP_UNORD_Q>(c, d),
    )) != 0
});
unord_any!(unord_pd512, "avx512f", __m512d, |a, b, c, d| {
    (_mm512_cmp_pd_mask::<_CMP_UNORD_Q>(a, b) | _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(c, d)) != 0
});
unord_any!(unord_ps512, "avx512f", __m512, |a, b, c, d| {
    (_mm512_cmp_ps_mask::<_CMP_UNORD_Q>(a, b) | _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(c, d)) != 0
});

extreme_intrinsics!(
    extreme_f64_avx2,
    f64,
    4,
    "avx2,fma",
    _mm256_loadu_pd,
    _mm256_set1_pd,
    _mm256_max_pd,
    _mm256_min_pd,
    _mm256_storeu_pd,
    unord_pd256
);
extreme_intrinsics!(
    extreme_f32_avx2,
    f32,
    8,
    "avx2,fma",
    _mm256_loadu_ps,
    _mm256_set1_ps,
    _mm256_max_ps,
    _mm256_min_ps,
    _mm256_storeu_ps,
    unord_ps256
);
extreme_intrinsics!(
    extreme_f64_avx512,
    f64,
    8,
    "avx512f",
    _mm512_loadu_pd,
    _mm512_set1_pd,
    _mm512_max_pd,
    _mm512_min_pd,
    _mm512_storeu_pd,
    unord_pd512
);
extreme_intrinsics!(
    extreme_f32_avx512,
    f32,
    16,
    "avx512f",
    _mm512_loadu_ps,
    _mm512_set1_ps,
    _mm512_max_ps,
    _mm512_min_ps,
    _mm512_storeu_ps,
    unord_ps512
);

const LANES: usize = 16;
const ARG_BLOCK: usize = 1024;
const PAR_MIN: usize = 1 << 17;
const PAR_CHUNK: usize = 1 << 13;

#[inline(always)]
fn better<T: MinMax, const MAX: bool>(x: T, m: T) -> bool {
    if MAX { x > m } else { x < m }
}

/// NaN-propagating step: keeps the first NaN seen; among equal values the later one wins
/// (NumPy's `maximum`: `max(0.0, -0.0)` is `-0.0`).
#[inline(always)]
fn step<T: MinMax, const MAX: bool>(m: T, x: T) -> T {
    // Two compares, an or and a blend per lane, no branches. Once `m` is NaN only another
    // NaN replaces it, so the result stays NaN.
    let not_worse = x.is_nan_value() | if MAX { x >= m } else { x <= m };
    if not_worse { x } else { m }
}

/// NaN-skipping step (`fmax`/`fmin`): NaN only when every value is NaN.
#[inline(always)]
fn step_skip<T: MinMax, const MAX: bool>(m: T, x: T) -> T {
    let not_worse = if MAX { x >= m } else { x <= m };
    if m.is_nan_value() | not_worse { x } else { m }
}

#[inline(always)]
fn reduce_slice<T: MinMax>(s: &[T], op: impl Fn(T, T) -> T) -> T {
    let mut m = [s[0]; LANES];
    let body = s.len() - s.len() % LANES;
    for c in s[..body].chunks_exact(LANES) {
        for j in 0..LANES {
            m[j] = op(m[j], c[j]);
        }
    }
    let mut r = m[0];
    for &x in &m[1..] {
        r = op(r, x);
    }
    for &x in &s[body..] {
        r = op(r, x);
    }
    r
}

#[inline(always)]
fn extreme_body<T: MinMax, const MAX: bool, const SKIP: bool>(s: &[T]) -> T {
    if SKIP {
        reduce_slice(s, step_skip::<T, MAX>)
    } else {
        reduce_slice(s, step::<T, MAX>)
    }
}

#[inline(always)]
fn arg_body<T: MinMax, const MAX: bool>(s: &[T]) -> usize {
    arg_blocks::<T, MAX>(s, |b| reduce_slice(b, step::<T, MAX>))
}

#[inline(always)]
fn arg_blocks<T: MinMax, const MAX: bool>(s: &[T], block_extreme: impl Fn(&[T]) -> T) -> usize {
    let mut best = s[0];
    let mut best_block = 0;
    for (b, block) in s.chunks(ARG_BLOCK).enumerate() {
        let m = block_extreme(block);
        if m.is_nan_value() {
            let i = block.iter().position(|x| x.is_nan_value());
            return b * ARG_BLOCK + i.unwrap_or(0);
        }
        if better::<T, MAX>(m, best) {
            best = m;
            best_block = b;
        }
    }
    let start = best_block * ARG_BLOCK;
    start + s[start..].iter().position(|&x| x == best).unwrap_or(0)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn extreme_avx2<T: MinMax, const MAX: bool, const SKIP: bool>(s: &[T]) -> T {
    if !SKIP {
        // SAFETY: this function only runs on CPUs with AVX2.
        if let Some(x) = unsafe { T::extreme_avx2_fast::<MAX>(s) } {
            return x;
        }
    }
    extreme_body::<T, MAX, SKIP>(s)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn extreme_avx512<T: MinMax, const MAX: bool, const SKIP: bool>(s: &[T]) -> T {
    if !SKIP {
        // SAFETY: this function only runs on CPUs with AVX-512F.
        if let Some(x) = unsafe { T::extreme_avx512_fast::<MAX>(s) } {
            return x;
        }
    }
    // SAFETY: AVX-512F CPUs that reach here were detected with AVX2 and FMA too.
    unsafe { extreme_avx2::<T, MAX, SKIP>(s) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn arg_avx512<T: MinMax, const MAX: bool>(s: &[T]) -> usize {
    arg_blocks::<T, MAX>(s, |b| {
        // SAFETY: this function only runs on CPUs with AVX-512F (and AVX2).
        unsafe { T::extreme_avx512_fast::<MAX>(b) }
            .or_else(|| unsafe { T::extreme_avx2_fast::<MAX>(b) })
            .unwrap_or_else(|| reduce_slice(b, step::<T, MAX>))
    })
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn arg_avx2<T: MinMax, const MAX: bool>(s: &[T]) -> usize {
    arg_blocks::<T, MAX>(s, |b| {
        // SAFETY: this function only runs on CPUs with AVX2.
        unsafe { T::extreme_avx2_fast::<MAX>(b) }.unwrap_or_else(|| reduce_slice(b, step::<T, MAX>))
    })
}

/// The extreme of a non-empty run at level `lv`, on this thread.
///
/// # Panics
/// If the run is empty.
pub fn extreme_level<T: MinMax, const MAX: bool, const SKIP: bool>(lv: Level, a: Run<'_, T>) -> T {
    assert!(!a.is_empty(), "extreme of an empty run");
    match a.as_slice() {
        Some(s) => match lv.min(crate::simd::detected()) {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: clamped to `detected()`, which is Avx512 only with AVX-512F, AVX2, FMA.
            Level::Avx512 => unsafe { extreme_avx512::<T, MAX, SKIP>(s) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: clamped to `detected()`, which is Avx2 only with AVX2 and FMA.
            Level::Avx2 => unsafe { extreme_avx2::<T, MAX, SKIP>(s) },
            _ => extreme_body::<T, MAX, SKIP>(s),
        },
        None => {
            let op = if SKIP {
                step_skip::<T, MAX>
            } else {
                step::<T, MAX>
            };
            a.iter().skip(1).fold(a.get(0), op)
        }
    }
}

/// The index of the first extreme (or first NaN) of a non-empty run at level `lv`.
///
/// # Panics
/// If the run is empty.
pub fn arg_level<T: MinMax, const MAX: bool>(lv: Level, a: Run<'_, T>) -> usize {
    assert!(!a.is_empty(), "arg-extreme of an empty run");
    match a.as_slice() {
        Some(s) => match lv.min(crate::simd::detected()) {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: clamped to `detected()`, which is Avx512 only with AVX-512F, AVX2, FMA.
            Level::Avx512 => unsafe { arg_avx512::<T, MAX>(s) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: clamped to `detected()`, which is Avx2 only with AVX2 and FMA.
            Level::Avx2 => unsafe { arg_avx2::<T, MAX>(s) },
            _ => arg_body::<T, MAX>(s),
        },
        None => {
            let (mut best, mut idx) = (a.get(0), 0);
            for i in 0..a.len() {
                let x = a.get(i);
                if x.is_nan_value() {
                    return i;
                }
                if better::<T, MAX>(x, best) {
                    best = x;
                    idx = i;
                }
            }
            idx
        }
    }
}

fn extreme_par<T: MinMax, const MAX: bool, const SKIP: bool>(a: Run<'_, T>) -> T {
    if a.len() >= PAR_MIN && rayon::current_num_threads() > 1 {
        let mid = (a.len() / 2).div_ceil(PAR_CHUNK) * PAR_CHUNK;
        let (l, r) = a.split_at(mid);
        let (x, y) = rayon::join(
            || extreme_par::<T, MAX, SKIP>(l),
            || extreme_par::<T, MAX, SKIP>(r),
        );
        return if SKIP {
            step_skip::<T, MAX>(x, y)
        } else {
            step::<T, MAX>(x, y)
        };
    }
    extreme_level::<T, MAX, SKIP>(level(), a)
}

fn arg_par<T: MinMax, const MAX: bool>(a: Run<'_, T>) -> usize {
    if a.len() >= PAR_MIN && rayon::current_num_threads() > 1 {
        let mid = (a.len() / 2).div_ceil(PAR_CHUNK) * PAR_CHUNK;
        let (l, r) = a.split_at(mid);
        let (i, j) = rayon::join(|| arg_par::<T, MAX>(l), || arg_par::<T, MAX>(r));
        let (x, y) = (l.get(i), r.get(j));
        let take_right = !x.is_nan_value() && (y.is_nan_value() || better::<T, MAX>(y, x));
        return if take_right { mid + j } else { i };
    }
    arg_level::<T, MAX>(level(), a)
}

/// Largest element, NaN if any is NaN; `None` for an empty run (NumPy: `np.max`).
pub fn max<T: MinMax>(a: Run<'_, T>) -> Option<T> {
    (!a.is_empty()).then(|| extreme_par::<T, true, false>(a))
}

/// Smallest element, NaN if any is NaN; `None` for an empty run (NumPy: `np.min`).
pub fn min<T: MinMax>(a: Run<'_, T>) -> Option<T> {
    (!a.is_empty()).then(|| extreme_par::<T, false, false>(a))
}

/// Largest non-NaN element (NaN if all are NaN); `None` if empty (NumPy: `np.fmax.reduce`).
pub fn nanmax<T: MinMax>(a: Run<'_, T>) -> Option<T> {
    (!a.is_empty()).then(|| extreme_par::<T, true, true>(a))
}

/// Smallest non-NaN element (NaN if all are NaN); `None` if empty (NumPy: `np.fmin.reduce`).
pub fn nanmin<T: MinMax>(a: Run<'_, T>) -> Option<T> {
    (!a.is_empty()).then(|| extreme_par::<T, false, true>(a))
}

/// Index of the first largest element, or of the first NaN; `None` if empty (NumPy: `np.argmax`).
///
/// ```
/// use numerust_kernels::{Run, reduce::argmax};
/// assert_eq!(argmax(Run::from_slice(&[1.0, 3.0, 3.0, f64::NAN, f64::NAN])), Some(3));
/// assert_eq!(argmax(Run::from_slice(&[1, 3, 3])), Some(1));
/// ```
pub fn argmax<T: MinMax>(a: Run<'_, T>) -> Option<usize> {
    (!a.is_empty()).then(|| arg_par::<T, true>(a))
}

/// Index of the first smallest element, or of the first NaN; `None` if empty (NumPy: `np.argmin`).
pub fn argmin<T: MinMax>(a: Run<'_, T>) -> Option<usize> {
    (!a.is_empty()).then(|| arg_par::<T, false>(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_arg(v: &[f64], max: bool) -> usize {
        if let Some(i) = v.iter().position(|x| x.is_nan()) {
            return i;
        }
        let mut b = 0;
        for i in 0..v.len() {
            if (max && v[i] > v[b]) || (!max && v[i] < v[b]) {
                b = i;
            }
        }
        b
    }

    fn data(n: usize, seed: u64) -> Vec<f64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x >> 40) % 50) as f64 - 20.0
            })
            .collect()
    }

    #[test]
    fn levels_match_naive_with_specials() {
        for lv in Level::available() {
            for n in (1..=3 * LANES + 1).chain([1023, 1024, 1025, 5000]) {
                let mut v = data(n, n as u64);
                let check = |v: &[f64]| {
                    let r = Run::from_slice(v);
                    let mx = extreme_level::<f64, true, false>(lv, r);
                    let mn = extreme_level::<f64, false, false>(lv, r);
                    let nmx = extreme_level::<f64, true, true>(lv, r);
                    let has_nan = v.iter().any(|x| x.is_nan());
                    let clean: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
                    let want_max = clean.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    let want_min = clean.iter().copied().fold(f64::INFINITY, f64::min);
                    if has_nan {
                        assert!(mx.is_nan() && mn.is_nan());
                    } else {
                        assert_eq!((mx, mn), (want_max, want_min), "level {lv:?}");
                    }
                    if !clean.is_empty() {
                        assert_eq!(nmx, want_max);
                    }
                    assert_eq!(arg_level::<f64, true>(lv, r), naive_arg(v, true));
                    // f32 (its own AVX2 body) agrees on the same values.
                    let v32: Vec<f32> = v.iter().map(|&x| x as f32).collect();
                    let r32 = Run::from_slice(&v32);
                    let mx32 = extreme_level::<f32, true, false>(lv, r32);
                    let mn32 = extreme_level::<f32, false, false>(lv, r32);
                    if has_nan {
                        assert!(mx32.is_nan() && mn32.is_nan());
                    } else {
                        assert_eq!((mx32, mn32), (want_max as f32, want_min as f32));
                    }
                    assert_eq!(arg_level::<f32, false>(lv, r32), naive_arg(v, false));
                    assert_eq!(arg_level::<f64, false>(lv, r), naive_arg(v, false));
                    // Strided (stride -1) gives the same answers on the reversed data.
                    let rev: Vec<f64> = v.iter().rev().copied().collect();
                    // SAFETY: element n-1-i for i < n lies inside `v`.
                    let rr =
                        unsafe { Run::from_raw(v.as_ptr().wrapping_add(v.len() - 1), v.len(), -1) };
                    assert_eq!(arg_level::<f64, true>(lv, rr), naive_arg(&rev, true));
                };
                check(&v);
                v[n / 2] = f64::INFINITY;
                v[n - 1] = f64::NEG_INFINITY;
                check(&v);
                v[n / 3] = f64::NAN;
                v[n - 1] = f64::NAN;
                check(&v);
            }
        }
    }

    #[test]
    #[cfg_attr(miri, ignore = "a million elements is too slow under Miri")]
    fn integers_and_threads() {
        let v: Vec<i64> = (0..1_000_003).map(|i| (i * 7919) % 100_003).collect();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let two = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        for pool in [&one, &two] {
            let r = Run::from_slice(&v);
            assert_eq!(pool.install(|| max(r)), Some(100_002));
            assert_eq!(
                pool.install(|| argmax(r)),
                v.iter().position(|&x| x == 100_002)
            );
            assert_eq!(pool.install(|| argmin(r)), Some(0));
        }
        let mut f: Vec<f64> = v.iter().map(|&x| x as f64).collect();
        f[900_000] = f64::NAN;
        f[999_999] = f64::NAN;
        assert_eq!(two.install(|| argmax(Run::from_slice(&f))), Some(900_000));
        assert!(two.install(|| max(Run::from_slice(&f))).unwrap().is_nan());
        let e: [f64; 0] = [];
        assert_eq!(max(Run::from_slice(&e)), None);
    }
}
