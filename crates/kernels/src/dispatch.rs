//! Element-wise drivers: run a per-element closure over runs at the dispatched SIMD level,
//! splitting long runs across rayon threads at fixed chunk boundaries.
//!
//! The closures are plain scalar code; the generic loop bodies in [`crate::run`] are
//! `#[inline(always)]`, so inside the `#[target_feature(enable = "avx2,fma")]` wrappers here
//! LLVM compiles them to 256-bit AVX2 (with FMA where the closure uses `mul_add`), and at the
//! other levels to baseline SSE2. Element-wise results never depend on the level's vector
//! width or on the thread count, since every element is computed by the same closure.

use crate::run::{Run, RunMut, apply_run, map_run, update_run, zip_run};
use crate::simd::{Level, level};
use rayon::prelude::*;

/// Threading thresholds by cost per element. A split pays once each thread's share takes
/// well over rayon's fork/join cost (about 5 µs here) and the data is not bound by one
/// memory bus either way; see docs/architecture.md ("Threads").
///
/// Cheap, memory-bound element-wise work (the closures of [`map`], [`zip`], [`update`],
/// [`apply`]: arithmetic, comparisons, copies; about 0.1–0.5 ns per element) is split from
/// this many elements on: below it a second thread costs more than it gains (`a + b` in `f32`
/// at 1e5 ran at 0.77× with the old 65536 threshold).
pub const PAR_MIN_LEN: usize = 1 << 18;

/// Threshold for the vector-math kernels (`exp`, `log`, trig, hyperbolic: about 0.7–1.5 ns per
/// `f64` element): their default [`crate::unary::Unary::PAR_MIN_LEN`]; the cheapest of them
/// (`exp`, `f32` `log`) set their own, higher one.
pub const PAR_MIN_LEN_MATH: usize = 1 << 15;

/// Chunk size for threaded runs: split points are multiples of it, whatever the thread count.
pub const PAR_CHUNK: usize = 1 << 13;

/// Whether cheap element-wise work of `len` elements should be split across threads.
#[inline]
pub fn wants_threads(len: usize) -> bool {
    wants_threads_from(len, PAR_MIN_LEN)
}

/// Whether work of `len` elements should be split across threads, for work whose threshold
/// (by its cost per element) is `min_len`.
#[inline]
pub fn wants_threads_from(len: usize, min_len: usize) -> bool {
    len >= min_len && rayon::current_num_threads() > 1
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn map_avx2<T: Copy, U>(src: Run<'_, T>, dst: RunMut<'_, U>, f: &impl Fn(T) -> U) {
    map_run(src, dst, f)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn zip_avx2<A: Copy, B: Copy, U>(
    a: Run<'_, A>,
    b: Run<'_, B>,
    dst: RunMut<'_, U>,
    f: &impl Fn(A, B) -> U,
) {
    zip_run(a, b, dst, f)
}

/// `dst[i] = f(src[i])` on this thread at the dispatched level.
#[inline]
pub fn map_level<T: Copy, U>(src: Run<'_, T>, dst: RunMut<'_, U>, f: &impl Fn(T) -> U) {
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { map_avx2(src, dst, f) },
        _ => map_run(src, dst, f),
    }
}

/// `dst[i] = f(a[i], b[i])` on this thread at the dispatched level.
#[inline]
pub fn zip_level<A: Copy, B: Copy, U>(
    a: Run<'_, A>,
    b: Run<'_, B>,
    dst: RunMut<'_, U>,
    f: &impl Fn(A, B) -> U,
) {
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { zip_avx2(a, b, dst, f) },
        _ => zip_run(a, b, dst, f),
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn update_avx2<T: Copy, U: Copy>(
    dst: RunMut<'_, U>,
    src: Run<'_, T>,
    f: &impl Fn(U, T) -> U,
) {
    update_run(dst, src, f)
}

/// `dst[i] = f(dst[i], src[i])` on this thread at the dispatched level.
#[inline]
pub fn update_level<T: Copy, U: Copy>(dst: RunMut<'_, U>, src: Run<'_, T>, f: &impl Fn(U, T) -> U) {
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { update_avx2(dst, src, f) },
        _ => update_run(dst, src, f),
    }
}

/// `dst[i] = f(dst[i], src[i])`, threaded for long runs.
pub fn update<T: Copy + Sync, U: Copy + Send>(
    dst: RunMut<'_, U>,
    src: Run<'_, T>,
    f: &(impl Fn(U, T) -> U + Sync),
) {
    if !wants_threads(dst.len()) || dst.len() <= 2 * PAR_CHUNK {
        return update_level(dst, src, f);
    }
    let mid = split_point(dst.len());
    let (s0, s1) = src.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| update(d0, s0, f), || update(d1, s1, f));
}

/// Many `map` runs at once (the runs of one n-d operation), spread over threads when
/// `total` elements justify it. Each run is computed whole by one thread.
pub fn map_many<T: Copy + Sync, U: Send>(
    runs: Vec<(Run<'_, T>, RunMut<'_, U>)>,
    total: usize,
    f: &(impl Fn(T) -> U + Sync),
) {
    if wants_threads(total) && runs.len() > 1 {
        runs.into_par_iter().for_each(|(s, d)| map_level(s, d, f));
    } else {
        runs.into_iter().for_each(|(s, d)| map(s, d, f));
    }
}

/// Many `zip` runs at once, spread over threads when `total` elements justify it.
pub fn zip_many<A: Copy + Sync, B: Copy + Sync, U: Send>(
    runs: Vec<(Run<'_, A>, Run<'_, B>, RunMut<'_, U>)>,
    total: usize,
    f: &(impl Fn(A, B) -> U + Sync),
) {
    if wants_threads(total) && runs.len() > 1 {
        runs.into_par_iter()
            .for_each(|(a, b, d)| zip_level(a, b, d, f));
    } else {
        runs.into_iter().for_each(|(a, b, d)| zip(a, b, d, f));
    }
}

/// Many `update` runs at once, spread over threads when `total` elements justify it.
pub fn update_many<T: Copy + Sync, U: Copy + Send>(
    runs: Vec<(RunMut<'_, U>, Run<'_, T>)>,
    total: usize,
    f: &(impl Fn(U, T) -> U + Sync),
) {
    if wants_threads(total) && runs.len() > 1 {
        runs.into_par_iter()
            .for_each(|(d, s)| update_level(d, s, f));
    } else {
        runs.into_iter().for_each(|(d, s)| update(d, s, f));
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn apply_avx2<T: Copy>(dst: RunMut<'_, T>, f: &impl Fn(T) -> T) {
    apply_run(dst, f)
}

/// `dst[i] = f(dst[i])` on this thread at the dispatched level.
#[inline]
pub fn apply_level<T: Copy>(dst: RunMut<'_, T>, f: &impl Fn(T) -> T) {
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { apply_avx2(dst, f) },
        _ => apply_run(dst, f),
    }
}

/// `dst[i] = f(dst[i])`, threaded for long runs.
pub fn apply<T: Copy + Send>(dst: RunMut<'_, T>, f: &(impl Fn(T) -> T + Sync)) {
    if !wants_threads(dst.len()) || dst.len() <= 2 * PAR_CHUNK {
        return apply_level(dst, f);
    }
    let mid = split_point(dst.len());
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| apply(d0, f), || apply(d1, f));
}

/// Many in-place runs at once, spread over threads when `total` elements justify it.
pub fn apply_many<T: Copy + Send>(
    runs: Vec<RunMut<'_, T>>,
    total: usize,
    f: &(impl Fn(T) -> T + Sync),
) {
    if wants_threads(total) && runs.len() > 1 {
        runs.into_par_iter().for_each(|d| apply_level(d, f));
    } else {
        runs.into_iter().for_each(|d| apply(d, f));
    }
}

#[inline(always)]
fn map_collect_body<T: Copy, U>(src: &[T], f: &impl Fn(T) -> U) -> Vec<U> {
    src.iter().map(|&x| f(x)).collect()
}

#[inline(always)]
fn zip_collect_body<A: Copy, B: Copy, U>(a: &[A], b: &[B], f: &impl Fn(A, B) -> U) -> Vec<U> {
    a.iter().zip(b).map(|(&x, &y)| f(x, y)).collect()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn map_collect_avx2<T: Copy, U>(src: &[T], f: &impl Fn(T) -> U) -> Vec<U> {
    map_collect_body(src, f)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn zip_collect_avx2<A: Copy, B: Copy, U>(
    a: &[A],
    b: &[B],
    f: &impl Fn(A, B) -> U,
) -> Vec<U> {
    zip_collect_body(a, b, f)
}

/// `f(x)` for each element of a small contiguous input, collected into a new `Vec` on this
/// thread (no zeroing pass, no plan): the fast path for in-cache sizes.
pub fn map_collect<T: Copy, U>(src: &[T], f: &impl Fn(T) -> U) -> Vec<U> {
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { map_collect_avx2(src, f) },
        _ => map_collect_body(src, f),
    }
}

/// `f(x, y)` pairwise over two small contiguous inputs of one length, collected.
///
/// # Panics
/// If the lengths differ.
pub fn zip_collect<A: Copy, B: Copy, U>(a: &[A], b: &[B], f: &impl Fn(A, B) -> U) -> Vec<U> {
    assert_eq!(a.len(), b.len(), "input lengths differ");
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { zip_collect_avx2(a, b, f) },
        _ => zip_collect_body(a, b, f),
    }
}

/// Split point of a threaded run of `len`: the middle, rounded down to a chunk multiple.
pub(crate) fn split_point(len: usize) -> usize {
    (len / 2 / PAR_CHUNK).max(1) * PAR_CHUNK
}

/// `dst[i] = f(src[i])`, threaded for long runs.
pub fn map<T: Copy + Sync, U: Send>(
    src: Run<'_, T>,
    dst: RunMut<'_, U>,
    f: &(impl Fn(T) -> U + Sync),
) {
    if !wants_threads(dst.len()) || dst.len() <= 2 * PAR_CHUNK {
        return map_level(src, dst, f);
    }
    let mid = split_point(dst.len());
    let (s0, s1) = src.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| map(s0, d0, f), || map(s1, d1, f));
}

/// `dst[i] = f(a[i], b[i])`, threaded for long runs.
pub fn zip<A: Copy + Sync, B: Copy + Sync, U: Send>(
    a: Run<'_, A>,
    b: Run<'_, B>,
    dst: RunMut<'_, U>,
    f: &(impl Fn(A, B) -> U + Sync),
) {
    if !wants_threads(dst.len()) || dst.len() <= 2 * PAR_CHUNK {
        return zip_level(a, b, dst, f);
    }
    let mid = split_point(dst.len());
    let (a0, a1) = a.split_at(mid);
    let (b0, b1) = b.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| zip(a0, b0, d0, f), || zip(a1, b1, d1, f));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threaded_and_single_runs_agree() {
        let n = if cfg!(miri) {
            300
        } else {
            3 * PAR_MIN_LEN + 17
        };
        let a: Vec<f64> = (0..n).map(|i| i as f64 * 0.37).collect();
        let b: Vec<f64> = (0..n).map(|i| 1.0 / (i as f64 + 1.0)).collect();
        let mut one = vec![0.0; n];
        let mut many = vec![0.0; n];
        zip_run(
            Run::from_slice(&a),
            Run::from_slice(&b),
            RunMut::from_slice(&mut one),
            |x, y| x / y + x * 0.5,
        );
        zip(
            Run::from_slice(&a),
            Run::from_slice(&b),
            RunMut::from_slice(&mut many),
            &|x: f64, y: f64| x / y + x * 0.5,
        );
        assert!(
            one.iter()
                .zip(&many)
                .all(|(p, q)| p.to_bits() == q.to_bits())
        );
        let mut sq = vec![0.0; n];
        map(
            Run::from_slice(&a),
            RunMut::from_slice(&mut sq),
            &|x: f64| x * x,
        );
        assert!(sq.iter().zip(&a).all(|(s, x)| *s == x * x));
    }
}
