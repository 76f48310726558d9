//! NumPy's pairwise sum, bit for bit, for f32 and f64 (and integer folds).
//!
//! Algorithm (NumPy `numpy/_core/src/umath/loops_utils.h.src`, `pairwise_sum`): below 8
//! elements a plain left-to-right sum from 0; up to 128 elements eight accumulators
//! `r[j] += a[i + j]` (exactly two AVX2 f64 vectors, one for f32) combined as
//! `((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))`, then the tail in order; above 128 the run splits at
//! `n2 = n/2 - (n/2) % 8` and the halves are summed recursively and added. No fused
//! multiply-add is ever used. Error bound: O(log2(n/128)·ε·Σ|a|) (NumPy's own).
//!
//! The order depends only on `n`, so every level (scalar, wide, AVX2 — the leaf is plain
//! lane-array code that LLVM vectorises inside the `avx2` wrapper) and every thread count
//! gives the same bits: threads split along the top of the same tree ([`pairwise_map`]).
//! The sum excludes NumPy's starting identity: callers add the result to `+0.0`.

use crate::run::Run;
use crate::simd::{Level, level};
use std::ops::{Add, Mul, Sub};

/// Leaf size of NumPy's pairwise tree.
pub const PW_BLOCKSIZE: usize = 128;

/// Runs at least this long are summed on several threads (split along the pairwise tree).
pub const PAR_SUM_MIN: usize = 1 << 17;

/// A float type NumPy sums pairwise: `f32` or `f64`.
pub trait SumFloat:
    Copy
    + Send
    + Sync
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + std::fmt::Debug
    + 'static
{
    /// `+0.0`.
    const ZERO: Self;

    /// The pairwise leaf (8 ≤ n ≤ 128 contiguous elements) with AVX2 intrinsics: the same
    /// eight accumulators, as two f64 vectors or one f32 vector, so the same bits.
    ///
    /// # Safety
    /// The CPU must have AVX2; `8 <= a.len()`.
    #[cfg(target_arch = "x86_64")]
    unsafe fn leaf_avx2(a: &[Self]) -> Self;
}

impl SumFloat for f32 {
    const ZERO: Self = 0.0;
    #[cfg(target_arch = "x86_64")]
    unsafe fn leaf_avx2(a: &[f32]) -> f32 {
        // SAFETY: forwarded caller guarantees (AVX2, len >= 8).
        unsafe { leaf_f32_avx2(a) }
    }
}

impl SumFloat for f64 {
    const ZERO: Self = 0.0;
    #[cfg(target_arch = "x86_64")]
    unsafe fn leaf_avx2(a: &[f64]) -> f64 {
        // SAFETY: forwarded caller guarantees (AVX2, len >= 8).
        unsafe { leaf_f64_avx2(a) }
    }
}

#[inline(always)]
fn combine8<U: SumFloat>(r: [U; 8]) -> U {
    ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
}

/// Eight f64 accumulators as two AVX2 vectors (lanes 0-3 and 4-7), as NumPy's leaf.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn leaf_f64_avx2(a: &[f64]) -> f64 {
    use std::arch::x86_64::*;
    assert!(a.len() >= 8);
    let body = a.len() - a.len() % 8;
    // SAFETY: a.len() >= 8 (asserted): both 4-wide loads read a[0..8].
    let (mut r0, mut r1) = unsafe {
        (
            _mm256_loadu_pd(a.as_ptr()),
            _mm256_loadu_pd(a.as_ptr().add(4)),
        )
    };
    for c in a[8..body].chunks_exact(8) {
        // SAFETY: `c` has 8 elements: the loads read c[0..4] and c[4..8].
        let (x0, x1) = unsafe {
            (
                _mm256_loadu_pd(c.as_ptr()),
                _mm256_loadu_pd(c.as_ptr().add(4)),
            )
        };
        r0 = _mm256_add_pd(r0, x0);
        r1 = _mm256_add_pd(r1, x1);
    }
    let mut r = [0.0f64; 8];
    // SAFETY: `r` has 8 elements: the stores write r[0..4] and r[4..8].
    unsafe {
        _mm256_storeu_pd(r.as_mut_ptr(), r0);
        _mm256_storeu_pd(r.as_mut_ptr().add(4), r1);
    }
    let mut res = combine8(r);
    for &x in &a[body..] {
        res += x;
    }
    res
}

/// Eight f32 accumulators as one AVX2 vector, as NumPy's leaf.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn leaf_f32_avx2(a: &[f32]) -> f32 {
    use std::arch::x86_64::*;
    assert!(a.len() >= 8);
    let body = a.len() - a.len() % 8;
    // SAFETY: a.len() >= 8 (asserted): the load reads a[0..8].
    let mut r0 = unsafe { _mm256_loadu_ps(a.as_ptr()) };
    for c in a[8..body].chunks_exact(8) {
        // SAFETY: `c` has 8 elements.
        r0 = _mm256_add_ps(r0, unsafe { _mm256_loadu_ps(c.as_ptr()) });
    }
    let mut r = [0.0f32; 8];
    // SAFETY: `r` has 8 elements.
    unsafe { _mm256_storeu_ps(r.as_mut_ptr(), r0) };
    let mut res = combine8(r);
    for &x in &a[body..] {
        res += x;
    }
    res
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn pairwise_sum_avx2<U: SumFloat>(a: Run<'_, U>) -> U {
    if a.len() <= PW_BLOCKSIZE {
        return match a.as_slice() {
            // SAFETY: AVX2 is enabled here; len >= 8 checked.
            Some(s) if s.len() >= 8 => unsafe { U::leaf_avx2(s) },
            Some(s) => leaf_slice(s, &|x| x),
            None => leaf_strided(a, &|x| x),
        };
    }
    let (l, r) = a.split_at(split_point(a.len()));
    // SAFETY: this function only runs when the CPU has AVX2.
    unsafe { pairwise_sum_avx2(l) + pairwise_sum_avx2(r) }
}

/// Plain pairwise sum on this thread at level `lv` (AVX2 uses intrinsic leaves; same bits).
pub fn pairwise_sum_level<U: SumFloat>(lv: Level, a: Run<'_, U>) -> U {
    match lv.min(crate::simd::detected()) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the level is clamped to `detected()`, which is Avx2 or Avx512 only with AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { pairwise_sum_avx2(a) },
        _ => pairwise_scalar(a, &|x| x),
    }
}

/// The pairwise leaf (n ≤ 128) over a slice, values mapped by `f`.
#[inline(always)]
fn leaf_slice<T: Copy, U: SumFloat>(a: &[T], f: &impl Fn(T) -> U) -> U {
    let n = a.len();
    if n < 8 {
        let mut res = U::ZERO;
        for &x in a {
            res = res + f(x);
        }
        return res;
    }
    let mut r: [U; 8] = std::array::from_fn(|j| f(a[j]));
    let body = n - n % 8;
    for c in a[8..body].chunks_exact(8) {
        for j in 0..8 {
            r[j] = r[j] + f(c[j]);
        }
    }
    let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for &x in &a[body..] {
        res = res + f(x);
    }
    res
}

/// The pairwise leaf over a strided run: the same operations in the same order.
#[inline(always)]
fn leaf_strided<T: Copy, U: SumFloat>(a: Run<'_, T>, f: &impl Fn(T) -> U) -> U {
    let n = a.len();
    if n < 8 {
        let mut res = U::ZERO;
        for i in 0..n {
            res = res + f(a.get(i));
        }
        return res;
    }
    let mut r: [U; 8] = std::array::from_fn(|j| f(a.get(j)));
    let body = n - n % 8;
    for i in (8..body).step_by(8) {
        for (j, rj) in r.iter_mut().enumerate() {
            *rj = *rj + f(a.get(i + j));
        }
    }
    let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for i in body..n {
        res = res + f(a.get(i));
    }
    res
}

/// NumPy's split point for a run of `n > 128` elements.
#[inline(always)]
pub fn split_point(n: usize) -> usize {
    let n2 = n / 2;
    n2 - n2 % 8
}

/// Pairwise sum of `f(a[i])` at the portable level (reference and tail of every level).
pub fn pairwise_scalar<T: Copy, U: SumFloat>(a: Run<'_, T>, f: &impl Fn(T) -> U) -> U {
    if a.len() <= PW_BLOCKSIZE {
        return match a.as_slice() {
            Some(s) => leaf_slice(s, f),
            None => leaf_strided(a, f),
        };
    }
    let (l, r) = a.split_at(split_point(a.len()));
    pairwise_scalar(l, f) + pairwise_scalar(r, f)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn pairwise_avx2<T: Copy, U: SumFloat>(a: Run<'_, T>, f: &impl Fn(T) -> U) -> U {
    if a.len() <= PW_BLOCKSIZE {
        return match a.as_slice() {
            Some(s) => leaf_slice(s, f),
            None => leaf_strided(a, f),
        };
    }
    let (l, r) = a.split_at(split_point(a.len()));
    // SAFETY: this function only runs when the CPU has AVX2 and FMA (see `pairwise_level`).
    unsafe { pairwise_avx2(l, f) + pairwise_avx2(r, f) }
}

/// Pairwise sum of `f(a[i])` on this thread at level `lv` (clamped to what the CPU has).
pub fn pairwise_level<T: Copy, U: SumFloat>(lv: Level, a: Run<'_, T>, f: &impl Fn(T) -> U) -> U {
    match lv.min(crate::simd::detected()) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the level is clamped to `detected()`, which is Avx2 or Avx512 only with AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { pairwise_avx2(a, f) },
        _ => pairwise_scalar(a, f),
    }
}

/// Pairwise sum of `f(a[i])` (NumPy's order, without the `+0.0` start), threaded for long
/// runs along the same tree, so the thread count never changes the bits.
///
/// NumPy: `np.add.reduce` inner loop (`pairwise_sum`).
pub fn pairwise_map<T: Copy + Sync, U: SumFloat>(a: Run<'_, T>, f: &(impl Fn(T) -> U + Sync)) -> U {
    if a.len() >= PAR_SUM_MIN && rayon::current_num_threads() > 1 {
        let (l, r) = a.split_at(split_point(a.len()));
        let (x, y) = rayon::join(|| pairwise_map(l, f), || pairwise_map(r, f));
        return x + y;
    }
    pairwise_level(level(), a, f)
}

/// Pairwise sum of a run (NumPy's order, without the `+0.0` start).
///
/// NumPy: `np.sum(a)` is `+0.0 + pairwise_sum(a)` for a contiguous float run.
///
/// ```
/// use numerust_kernels::{Run, reduce::pairwise_sum};
/// let v: Vec<f64> = (0..1000).map(|i| i as f64 * 0.1).collect();
/// let s = 0.0 + pairwise_sum(Run::from_slice(&v));
/// assert!((s - 49950.0).abs() < 1e-9);
/// ```
pub fn pairwise_sum<U: SumFloat>(a: Run<'_, U>) -> U {
    if a.len() >= PAR_SUM_MIN && rayon::current_num_threads() > 1 {
        let (l, r) = a.split_at(split_point(a.len()));
        let (x, y) = rayon::join(|| pairwise_sum(l), || pairwise_sum(r));
        return x + y;
    }
    pairwise_sum_level(level(), a)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn fold_avx2<T: Copy, A: Copy>(s: &[T], init: A, f: &impl Fn(A, T) -> A) -> A {
    s.iter().fold(init, |acc, &x| f(acc, x))
}

/// `f(..f(f(init, a[0]), a[1]).., a[n-1])` in order; for associative integer folds (wrapping
/// sums, counts) whose order cannot change the result, which LLVM vectorises.
pub fn fold_int<T: Copy, A: Copy>(a: Run<'_, T>, init: A, f: &impl Fn(A, T) -> A) -> A {
    match a.as_slice() {
        Some(s) => match level() {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
            Level::Avx2 | Level::Avx512 => unsafe { fold_avx2(s, init, f) },
            _ => s.iter().fold(init, |acc, &x| f(acc, x)),
        },
        None => a.iter().fold(init, f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook recursion, straight from NumPy's C source.
    fn reference(a: &[f64]) -> f64 {
        let n = a.len();
        if n < 8 {
            let mut res = 0.0;
            for &x in a {
                res += x;
            }
            res
        } else if n <= PW_BLOCKSIZE {
            let mut r = [0.0; 8];
            r.copy_from_slice(&a[..8]);
            let mut i = 8;
            while i < n - n % 8 {
                for j in 0..8 {
                    r[j] += a[i + j];
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            while i < n {
                res += a[i];
                i += 1;
            }
            res
        } else {
            let n2 = split_point(n);
            reference(&a[..n2]) + reference(&a[n2..])
        }
    }

    fn data(n: usize, seed: u64) -> Vec<f64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x >> 11) as f64 / (1u64 << 53) as f64 - 0.3) * 1e3
            })
            .collect()
    }

    #[test]
    #[cfg_attr(miri, ignore = "long inputs are too slow under Miri")]
    fn every_level_matches_reference_contiguous_and_strided() {
        for lv in Level::available() {
            for n in (0..=300).chain([1000, 4099, 70_001]) {
                let v = data(2 * n + 1, n as u64);
                let want = reference(&v[..n]);
                let got = pairwise_level(lv, Run::from_slice(&v[..n]), &|x| x);
                assert_eq!(got.to_bits(), want.to_bits(), "level {lv:?} n {n}");
                let got = pairwise_sum_level(lv, Run::from_slice(&v[..n]));
                assert_eq!(got.to_bits(), want.to_bits(), "sum level {lv:?} n {n}");
                let v32: Vec<f32> = v[..n].iter().map(|&x| x as f32).collect();
                let a = pairwise_sum_level(lv, Run::from_slice(&v32));
                let b = pairwise_level(Level::Scalar, Run::from_slice(&v32), &|x| x);
                assert_eq!(a.to_bits(), b.to_bits(), "f32 level {lv:?} n {n}");
                // Stride 2 and -1 sum the same values in run order.
                let picked: Vec<f64> = (0..n).map(|i| v[2 * i]).collect();
                // SAFETY: indices 0, 2, .., 2(n-1) are inside `v` (len 2n+1).
                let run = unsafe { Run::from_raw(v.as_ptr(), n, 2) };
                let got = pairwise_level(lv, run, &|x| x);
                assert_eq!(
                    got.to_bits(),
                    reference(&picked).to_bits(),
                    "stride 2 n {n}"
                );
                let rev: Vec<f64> = v[..n].iter().rev().copied().collect();
                if n > 0 {
                    // SAFETY: element n-1-i for i < n lies in v[..n].
                    let run = unsafe { Run::from_raw(v.as_ptr().wrapping_add(n - 1), n, -1) };
                    let got = pairwise_level(lv, run, &|x| x);
                    assert_eq!(got.to_bits(), reference(&rev).to_bits(), "stride -1 n {n}");
                }
            }
        }
    }

    #[test]
    fn specials_propagate_like_numpy() {
        for lv in Level::available() {
            let mut v = vec![1.0; 200];
            v[77] = f64::NAN;
            assert!(pairwise_level(lv, Run::from_slice(&v), &|x| x).is_nan());
            v[77] = f64::INFINITY;
            assert_eq!(
                pairwise_level(lv, Run::from_slice(&v), &|x| x),
                f64::INFINITY
            );
            v[3] = f64::NEG_INFINITY;
            assert!(pairwise_level(lv, Run::from_slice(&v), &|x| x).is_nan());
            let z = vec![-0.0f64; 9];
            let s = pairwise_level(lv, Run::from_slice(&z), &|x| x);
            assert_eq!((0.0 + s).to_bits(), 0.0f64.to_bits());
            let sub = vec![f64::from_bits(1); 130];
            let s = pairwise_level(lv, Run::from_slice(&sub), &|x| x);
            assert_eq!(s, f64::from_bits(130));
        }
    }

    #[test]
    #[cfg_attr(miri, ignore = "a million elements is too slow under Miri")]
    fn threads_do_not_change_bits() {
        let v = data(1_000_003, 9);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let two = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let a = one.install(|| pairwise_sum(Run::from_slice(&v)));
        let b = two.install(|| pairwise_sum(Run::from_slice(&v)));
        assert_eq!(a.to_bits(), b.to_bits());
        assert_eq!(a.to_bits(), reference(&v).to_bits());
        let v32: Vec<f32> = v.iter().map(|&x| x as f32).collect();
        let a = one.install(|| pairwise_sum(Run::from_slice(&v32)));
        let b = two.install(|| pairwise_sum(Run::from_slice(&v32)));
        assert_eq!(a.to_bits(), b.to_bits());
    }

    #[test]
    fn integer_fold_wraps() {
        let v: Vec<i32> = (0..1000).collect();
        let s = fold_int(Run::from_slice(&v), 0i64, &|a, x| a.wrapping_add(x as i64));
        assert_eq!(s, 499_500);
    }
}
