//! The element-wise vector-math kernels' shared machinery: the [`Unary`] trait every kernel
//! type of the `exp`, `log` and `trig` families implements, and the drivers that run such a
//! kernel over runs at the dispatched SIMD level and across threads.
//!
//! A kernel is a zero-sized type with a per-element body `elem::<FMA>(x)` (selects and bit
//! tricks, no data-dependent branches) that LLVM vectorises in a contiguous loop. Levels:
//! - `Scalar` and `Wide`: the body with `a * b + c` (no fused multiply-add), compiled for the
//!   baseline target; LLVM turns the contiguous loop into 128-bit SSE2 code. Both levels give
//!   the same bits (the portable path is this auto-vectorised loop, not `wide`'s types, whose
//!   instructions are fixed when `wide` itself is compiled).
//! - `Avx2`: the same body with `f64::mul_add` inside an `avx2,fma` function: 256-bit lanes,
//!   fused polynomials, so bits may differ from `Scalar` within the family's documented ULP
//!   bound.
//! - `Avx512`: the kernel's own AVX-512 loop where it has one ([`Unary::contig_avx512`]:
//!   hand-written intrinsics for `log`, bits within its documented bound of `Scalar`; or its
//!   `Avx2` loop compiled for 512-bit registers writing straight into the destination, same
//!   bits), else the `Avx2` body compiled for 512-bit registers: the same operations, so the
//!   same bits, in twice the lanes.
//!
//! A kernel may have an exact scalar slow path for arguments the branch-free body cannot take
//! (`sin` of huge arguments): [`Unary::needs_slow`] flags them, and [`contig_with_slow_path`]
//! scans each block for them before choosing the vectorised loop.
//!
//! Strided runs go through the same per-element code at the same level, so the bits never
//! depend on the layout (at `Avx512`, strided runs are gathered into a small buffer for the
//! kernel's own loop); long runs split across rayon threads at multiples of
//! [`crate::dispatch::PAR_CHUNK`], from a length set by the kernel's cost
//! ([`Unary::PAR_MIN_LEN`]), so they never depend on the thread count either.
//! This module holds no math: the families own their bodies and their accuracy.

use crate::dispatch::{PAR_CHUNK, PAR_MIN_LEN_MATH, split_point, wants_threads_from};
use crate::run::{Run, RunMut, map_run};
use crate::simd::{Level, level};
use std::mem::MaybeUninit;

/// One element-wise function on element type `T`, implemented by a zero-sized kernel type.
pub trait Unary<T: Copy> {
    /// `f(x)` on the fast path; `FMA` selects fused multiply-add in the polynomials. Its
    /// value is ignored where [`Unary::needs_slow`] holds.
    fn elem<const FMA: bool>(x: T) -> T;

    /// Whether `x` must take the exact scalar path [`Unary::slow`] (never, by default).
    #[inline(always)]
    fn needs_slow(_x: T) -> bool {
        false
    }

    /// `f(x)` for arguments outside the fast path's range.
    #[inline(always)]
    fn slow<const FMA: bool>(x: T) -> T {
        Self::elem::<FMA>(x)
    }

    /// `f(x)` for any `x` (one element; branches only when the kernel has a slow path).
    #[inline(always)]
    fn any<const FMA: bool>(x: T) -> T {
        if Self::needs_slow(x) {
            Self::slow::<FMA>(x)
        } else {
            Self::elem::<FMA>(x)
        }
    }

    /// `dst[i] = f(src[i])` over equal-length slices; equal bits to [`Unary::any`]. The
    /// default is the plain loop over [`Unary::elem`], right for kernels without a slow path.
    #[inline(always)]
    fn contig<const FMA: bool>(src: &[T], dst: &mut [T]) {
        for (o, &x) in dst.iter_mut().zip(src) {
            *o = Self::elem::<FMA>(x);
        }
    }

    /// Runs (or collected outputs) at least this long are split across threads: about where
    /// one thread's share of this kernel takes over 30 µs (see
    /// [`crate::dispatch::PAR_MIN_LEN_MATH`]).
    const PAR_MIN_LEN: usize = PAR_MIN_LEN_MATH;

    /// Whether the kernel has its own AVX-512 loop ([`Unary::contig_avx512`]): hand-written
    /// intrinsics (bits may then differ from the `Avx2` level's within the family's
    /// documented bound), or its contiguous loop writing straight into the destination
    /// (same bits), which lets [`collect`] skip the stack-buffer copy.
    const HAS_AVX512: bool = false;

    /// `dst[i] = f(src[i])` for `i < src.len()` at the `Avx512` level, every element through
    /// the same lane code (masked tails), so the bits depend on neither the length nor the
    /// offset. `dst` may be uninitialised: it is only written. Called only when
    /// [`Unary::HAS_AVX512`]; the default runs the `Avx2` body over initialised memory.
    ///
    /// # Safety
    /// The CPU must have AVX-512F, AVX2 and FMA; `dst` must be valid for `src.len()` writes
    /// and not overlap `src` (and, for the default, point to initialised elements).
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn contig_avx512(src: &[T], dst: *mut T) {
        // SAFETY: the caller guarantees `src.len()` valid, initialised, exclusive elements.
        Self::contig::<true>(src, unsafe {
            std::slice::from_raw_parts_mut(dst, src.len())
        })
    }
}

/// `dst[i] = f(src[i])` through raw pointers, for a kernel without a slow path: the plain
/// loop over [`Unary::elem`] (the body of a kernel's [`Unary::contig_avx512`] when its
/// contiguous loop is the default one).
///
/// # Safety
/// `dst` must be valid for `src.len()` writes and not overlap `src`.
#[inline(always)]
pub unsafe fn contig_raw<K: Unary<T>, T: Copy, const FMA: bool>(src: &[T], dst: *mut T) {
    for (i, &x) in src.iter().enumerate() {
        // SAFETY: `i < src.len()` (caller's guarantee on `dst`).
        unsafe { dst.add(i).write(K::elem::<FMA>(x)) };
    }
}

/// Elements per block of [`contig_with_slow_path`]: each block is first scanned
/// (vectorised) for arguments that need the slow path.
const BLOCK: usize = 256;

/// The contiguous loop of a kernel with a slow path: blocks of 256 elements run the
/// fast body when none of their inputs needs the slow path, else [`Unary::any`] per element.
#[inline(always)]
pub fn contig_with_slow_path<K: Unary<T>, T: Copy, const FMA: bool>(src: &[T], dst: &mut [T]) {
    // SAFETY: `dst` holds `src.len()` elements, borrowed exclusively.
    unsafe { contig_with_slow_path_raw::<K, T, FMA>(src, dst.as_mut_ptr()) }
}

/// [`contig_with_slow_path`] through a raw destination pointer (which may be uninitialised).
///
/// # Safety
/// `dst` must be valid for `src.len()` writes and not overlap `src`.
#[inline(always)]
pub unsafe fn contig_with_slow_path_raw<K: Unary<T>, T: Copy, const FMA: bool>(
    src: &[T],
    dst: *mut T,
) {
    for (b, sc) in src.chunks(BLOCK).enumerate() {
        // SAFETY: this block's elements are inside `dst` (caller's guarantee).
        let d = unsafe { dst.add(b * BLOCK) };
        let slow = sc.iter().fold(false, |acc, &x| acc | K::needs_slow(x));
        if slow {
            for (i, &x) in sc.iter().enumerate() {
                // SAFETY: `i < sc.len()`, inside this block.
                unsafe { d.add(i).write(K::any::<FMA>(x)) };
            }
        } else {
            for (i, &x) in sc.iter().enumerate() {
                // SAFETY: as above.
                unsafe { d.add(i).write(K::elem::<FMA>(x)) };
            }
        }
    }
}

/// Defines a zero-sized kernel type implementing [`Unary`] for `f64` and `f32` from two
/// element functions generic over `FMA`, optionally with contiguous loops of their own
/// (`contig = ` for `f64`, `contig32 = ` for `f32`; same bits as the element functions), and
/// optionally AVX-512 loops for both types (`avx512 = (f64_fn, f32_fn)`,
/// `unsafe fn(&[T], *mut T)` needing AVX-512F; see [`Unary::contig_avx512`]), and threading
/// thresholds (`par = (f64_len, f32_len)`, see [`Unary::PAR_MIN_LEN`]).
macro_rules! unary_kernel {
    ($(#[$doc:meta])* $name:ident, $f64:ident, $f32:ident $(, contig = $contig:ident)?
        $(, contig32 = $contig32:ident)? $(, avx512 = ($a64:path, $a32:path))?
        $(, par = ($p64:expr, $p32:expr))?) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl $crate::unary::Unary<f64> for $name {
            #[inline(always)]
            fn elem<const FMA: bool>(x: f64) -> f64 {
                $f64::<FMA>(x)
            }
            $(
            #[inline(always)]
            fn contig<const FMA: bool>(src: &[f64], dst: &mut [f64]) {
                $contig::<FMA>(src, dst)
            }
            )?
            $(
            const HAS_AVX512: bool = { let _ = stringify!($a64); true };
            )?
            $(
            const PAR_MIN_LEN: usize = $p64;
            )?
            $(
            #[cfg(target_arch = "x86_64")]
            #[inline(always)]
            unsafe fn contig_avx512(src: &[f64], dst: *mut f64) {
                // SAFETY: the caller guarantees AVX-512F, AVX2 and FMA, and `dst`.
                unsafe { $a64(src, dst) }
            }
            )?
        }

        impl $crate::unary::Unary<f32> for $name {
            #[inline(always)]
            fn elem<const FMA: bool>(x: f32) -> f32 {
                $f32::<FMA>(x)
            }
            $(
            #[inline(always)]
            fn contig<const FMA: bool>(src: &[f32], dst: &mut [f32]) {
                $contig32::<FMA>(src, dst)
            }
            )?
            $(
            const HAS_AVX512: bool = { let _ = stringify!($a32); true };
            )?
            $(
            const PAR_MIN_LEN: usize = $p32;
            )?
            $(
            #[cfg(target_arch = "x86_64")]
            #[inline(always)]
            unsafe fn contig_avx512(src: &[f32], dst: *mut f32) {
                // SAFETY: the caller guarantees AVX-512F, AVX2 and FMA, and `dst`.
                unsafe { $a32(src, dst) }
            }
            )?
        }
    };
}
pub(crate) use unary_kernel;

#[inline(always)]
fn body<K: Unary<T>, T: Copy, const FMA: bool>(src: Run<'_, T>, mut dst: RunMut<'_, T>) {
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        K::contig::<FMA>(s, d);
    } else {
        map_run(src, dst, K::any::<FMA>);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn body_avx2<K: Unary<T>, T: Copy>(src: Run<'_, T>, dst: RunMut<'_, T>) {
    body::<K, T, true>(src, dst)
}

/// Elements per stack buffer when a strided run goes through a kernel's AVX-512 body.
#[cfg(target_arch = "x86_64")]
const GATHER: usize = 64;

/// The `Avx512` level: the kernel's own AVX-512 body where it has one (strided runs are
/// gathered into a small buffer first, so they get the contiguous bits), else the `Avx2`
/// level's body compiled for 512-bit registers: the same per-element code with the same fused
/// operations, so the same bits, in twice the lanes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn body_avx512<K: Unary<T>, T: Copy>(src: Run<'_, T>, mut dst: RunMut<'_, T>) {
    if !K::HAS_AVX512 {
        return body::<K, T, true>(src, dst);
    }
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        // SAFETY: this function runs only on CPUs with AVX-512F, AVX2 and FMA; `d` is an
        // exclusive slice of `s.len()` elements.
        return unsafe { K::contig_avx512(s, d.as_mut_ptr()) };
    }
    if src.is_empty() {
        return;
    }
    let mut inp = [src.get(0); GATHER];
    let mut out = inp;
    let mut start = 0;
    while start < src.len() {
        let n = GATHER.min(src.len() - start);
        for (i, v) in inp[..n].iter_mut().enumerate() {
            *v = src.get(start + i);
        }
        // SAFETY: as above; `out` holds `GATHER >= n` elements.
        unsafe { K::contig_avx512(&inp[..n], out.as_mut_ptr()) };
        for (i, &v) in out[..n].iter().enumerate() {
            dst.set(start + i, v);
        }
        start += n;
    }
}

/// `dst[i] = K(src[i])` on this thread at `level` (clamped to what the CPU has). `Avx512`
/// runs the kernel's own AVX-512 body if it has one, else the `Avx2` code in 512-bit
/// registers (bit-identical results).
///
/// # Panics
/// If the lengths differ.
///
/// ```
/// use numerust_kernels::{Run, RunMut, exp::Exp, simd::Level, unary::run_level};
/// let x = [0.0f64, 1.0];
/// let mut y = [0.0; 2];
/// run_level::<Exp, f64>(Level::Scalar, Run::from_slice(&x), RunMut::from_slice(&mut y));
/// assert_eq!(y[0], 1.0);
/// assert!((y[1] - std::f64::consts::E).abs() <= f64::EPSILON * 3.0);
/// ```
pub fn run_level<K: Unary<T>, T: Copy>(level: Level, src: Run<'_, T>, dst: RunMut<'_, T>) {
    assert_eq!(src.len(), dst.len(), "run lengths differ");
    match level.min(crate::simd::detected()) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `detected()` returns Avx512 only when the CPU has AVX-512F, AVX2 and FMA.
        Level::Avx512 => unsafe { body_avx512::<K, T>(src, dst) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `detected()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 => unsafe { body_avx2::<K, T>(src, dst) },
        _ => body::<K, T, false>(src, dst),
    }
}

/// `dst[i] = K(src[i])` at the dispatched level, split across threads for long runs.
///
/// # Panics
/// If the lengths differ.
pub fn run<K: Unary<T>, T: Copy + Send + Sync>(src: Run<'_, T>, dst: RunMut<'_, T>) {
    assert_eq!(src.len(), dst.len(), "run lengths differ");
    let len = dst.len();
    if !wants_threads_from(len, K::PAR_MIN_LEN) || len <= 2 * PAR_CHUNK {
        return run_level::<K, T>(level(), src, dst);
    }
    let mid = split_point(len);
    let (s0, s1) = src.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| run::<K, T>(s0, d0), || run::<K, T>(s1, d1));
}

/// Many `(input, output)` runs of one n-d operation holding `total` elements, spread over
/// threads when `total` justifies it; each run is computed whole by one thread unless it is
/// long itself.
pub fn run_many<K: Unary<T>, T: Copy + Send + Sync>(
    runs: Vec<(Run<'_, T>, RunMut<'_, T>)>,
    total: usize,
) {
    use rayon::prelude::*;
    if wants_threads_from(total, K::PAR_MIN_LEN) && runs.len() > 1 {
        runs.into_par_iter()
            .for_each(|(s, d)| run_level::<K, T>(level(), s, d));
    } else {
        runs.into_iter().for_each(|(s, d)| run::<K, T>(s, d));
    }
}

/// Elements per stack buffer of [`collect`].
const COLLECT_BLOCK: usize = 512;

/// Writes `K(src[i])` into `out[i]` (same length) through a stack buffer, with the kernel's
/// contiguous loop.
#[inline(always)]
fn fill_body<K: Unary<T>, T: Copy + Default, const FMA: bool>(
    src: &[T],
    out: &mut [MaybeUninit<T>],
) {
    let mut buf = [T::default(); COLLECT_BLOCK];
    for (s, o) in src.chunks(COLLECT_BLOCK).zip(out.chunks_mut(COLLECT_BLOCK)) {
        let b = &mut buf[..s.len()];
        K::contig::<FMA>(s, b);
        for (d, &v) in o.iter_mut().zip(b.iter()) {
            d.write(v);
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn fill_avx2<K: Unary<T>, T: Copy + Default>(src: &[T], out: &mut [MaybeUninit<T>]) {
    fill_body::<K, T, true>(src, out)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn fill_avx512<K: Unary<T>, T: Copy + Default>(src: &[T], out: &mut [MaybeUninit<T>]) {
    if K::HAS_AVX512 {
        assert_eq!(src.len(), out.len());
        // SAFETY: this function runs only on CPUs with AVX-512F, AVX2 and FMA; `out` is an
        // exclusive slice of `src.len()` (uninitialised) elements, which the kernel's own
        // AVX-512 loop only writes.
        unsafe { K::contig_avx512(src, out.as_mut_ptr().cast::<T>()) }
    } else {
        fill_body::<K, T, true>(src, out)
    }
}

/// [`fill_body`] at the dispatched level, split across threads (at multiples of
/// [`PAR_CHUNK`]) from [`Unary::PAR_MIN_LEN`] elements on.
fn fill<K: Unary<T>, T: Copy + Default + Send + Sync>(src: &[T], out: &mut [MaybeUninit<T>]) {
    let len = src.len();
    if wants_threads_from(len, K::PAR_MIN_LEN) && len > 2 * PAR_CHUNK {
        let mid = split_point(len);
        let (s0, s1) = src.split_at(mid);
        let (o0, o1) = out.split_at_mut(mid);
        rayon::join(|| fill::<K, T>(s0, o0), || fill::<K, T>(s1, o1));
        return;
    }
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx512 only when the CPU has AVX-512F, AVX2 and FMA.
        Level::Avx512 => unsafe { fill_avx512::<K, T>(src, out) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 => unsafe { fill_avx2::<K, T>(src, out) },
        _ => fill_body::<K, T, false>(src, out),
    }
}

/// `K(x)` for each element of a contiguous input, collected into a new `Vec` at the
/// dispatched level (no zeroing pass): for outputs below the huge-page size. Split across
/// threads from [`Unary::PAR_MIN_LEN`] elements on; same bits as [`run_level`] whatever the
/// thread count.
pub fn collect<K: Unary<T>, T: Copy + Default + Send + Sync>(src: &[T]) -> Vec<T> {
    let n = src.len();
    let mut out = Vec::with_capacity(n);
    fill::<K, T>(src, &mut out.spare_capacity_mut()[..n]);
    // SAFETY: `fill` wrote each of the first `n` elements (every chunk of `src` has its
    // same-length chunk of `out`), and the capacity is at least `n`.
    unsafe { out.set_len(n) };
    out
}

/// The 256-bit `Avx2` body even where AVX-512F would be used (tests hold the two equal).
#[cfg(test)]
pub(crate) fn run_avx2_256<K: Unary<T>, T: Copy>(src: Run<'_, T>, dst: RunMut<'_, T>) {
    #[cfg(target_arch = "x86_64")]
    if crate::simd::detected() >= Level::Avx2 {
        // SAFETY: `detected()` returns Avx2 or more only when the CPU has AVX2 and FMA.
        return unsafe { body_avx2::<K, T>(src, dst) };
    }
    run_level::<K, T>(level(), src, dst)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::Log;
    use crate::trig::Sin;

    /// `collect` and `run` give the same bits on one thread and on two, across the kernels'
    /// thresholds (fixed split points).
    #[test]
    #[cfg_attr(miri, ignore = "hundreds of thousands of elements")]
    fn thread_count_does_not_change_bits() {
        let n = 3 * (1 << 17) + 77;
        let xs: Vec<f32> = (0..n)
            .map(|i| (i as f32 * 0.37).sin() * 50.0 + 50.1)
            .collect();
        let xd: Vec<f64> = xs.iter().map(|&x| x as f64 * 1.01).collect();
        let pool = |t| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .unwrap()
        };
        let go = |t: usize| {
            pool(t).install(|| {
                let mut r32 = vec![0f32; n];
                run::<Log, f32>(Run::from_slice(&xs), RunMut::from_slice(&mut r32));
                let mut r64 = vec![0f64; n];
                run::<Sin, f64>(Run::from_slice(&xd), RunMut::from_slice(&mut r64));
                (collect::<Log, f32>(&xs), r32, collect::<Sin, f64>(&xd), r64)
            })
        };
        let one = go(1);
        let two = go(2);
        assert!(
            one.0
                .iter()
                .zip(&two.0)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
        assert!(
            one.1
                .iter()
                .zip(&two.1)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
        assert!(
            one.2
                .iter()
                .zip(&two.2)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
        assert!(
            one.3
                .iter()
                .zip(&two.3)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
        assert_eq!(one.0, one.1);
        assert!(
            one.2
                .iter()
                .zip(&one.3)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
    }
}
