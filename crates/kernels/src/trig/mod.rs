//! Vector trigonometry: `sin`, `cos`, `tan`, `arcsin`, `arccos`, `arctan` and `arctan2` for
//! `f32` and `f64`, with no libm call per element on the fast path.
//!
//! Every function is one branch-free per-element body (`elem::<FMA>(x)`: selects and bit
//! tricks, no data-dependent branches), so LLVM vectorises the contiguous loop. Levels:
//! - `Scalar` and `Wide`: the body with `a * b + c` (no fused multiply-add), compiled for the
//!   baseline target; LLVM turns the contiguous loop into 128-bit SSE2 code. Both levels give
//!   the same bits.
//! - `Avx2`: the same body with `f64::mul_add` inside an `avx2,fma` function: 256-bit lanes,
//!   fused polynomials. Bits may differ from `Scalar` within the documented ULP bound. On a
//!   CPU with AVX-512F the same body is also compiled for 512-bit registers and used there:
//!   identical operations, so identical bits, in twice the lanes.
//!
//! `sin`/`cos`/`tan` reduce `x` modulo `π/2` with a three-step Cody–Waite reduction for
//! `|x| < 2^20` ([`reduce`]); larger finite arguments are flagged by a vectorised pre-pass
//! over each block and recomputed by an exact scalar Payne–Hanek reduction (a 192-bit window
//! of `2/π`), so every `f64` argument up to `f64::MAX` is reduced correctly. `f32` inputs are
//! evaluated in `f64` lanes and rounded once.
//!
//! Strided runs go through the same per-element body at the same level, so the bits never
//! depend on the layout; long runs split across rayon threads at multiples of
//! [`crate::dispatch::PAR_CHUNK`], so they never depend on the thread count either.
//! Max ULP errors on NumPy's validation sets are in `docs/accuracy.md`.
//! NumPy counterpart: `numpy/_core/src/umath/loops_trigonometric.dispatch.cpp` (SIMD `f32`
//! sin/cos) and `npy_math` (libm) for the rest.

pub mod asin;
pub mod atan;
pub mod reduce;
pub mod sincos;

use crate::dispatch::{PAR_CHUNK, wants_threads};
use crate::run::{Run, RunMut, map_run, zip_run};
use crate::simd::{Level, level};
use rayon::prelude::*;

pub use asin::{Arccos, Arcsin};
pub use atan::{Arctan, Arctan2};
pub use sincos::{Cos, Sin, Tan};

/// One element-wise function of this family on element type `T`.
pub trait Unary<T: Copy> {
    /// `f(x)` on the fast path; `FMA` selects fused multiply-add. Its value is ignored
    /// where [`Unary::needs_slow`] holds.
    fn elem<const FMA: bool>(x: T) -> T;

    /// Whether `x` must take the exact scalar path [`Unary::slow`].
    #[inline(always)]
    fn needs_slow(_x: T) -> bool {
        false
    }

    /// `f(x)` for arguments outside the fast path's range.
    #[inline(always)]
    fn slow<const FMA: bool>(x: T) -> T {
        Self::elem::<FMA>(x)
    }

    /// `f(x)` for any `x` (one element; branches).
    #[inline(always)]
    fn any<const FMA: bool>(x: T) -> T {
        if Self::needs_slow(x) {
            Self::slow::<FMA>(x)
        } else {
            Self::elem::<FMA>(x)
        }
    }
}

/// One element-wise function of two arguments on element type `T`.
pub trait Binary<T: Copy> {
    /// `f(y, x)`; `FMA` selects fused multiply-add.
    fn elem<const FMA: bool>(y: T, x: T) -> T;
}

/// Elements per block of the contiguous loop: each block is first scanned (vectorised) for
/// arguments that need the slow path.
const BLOCK: usize = 256;

/// `a * b + c`, fused when `FMA`.
#[inline(always)]
pub(crate) fn fma<const FMA: bool>(a: f64, b: f64, c: f64) -> f64 {
    if FMA { a.mul_add(b, c) } else { a * b + c }
}

/// `(p, e)` with `p + e = a · b` exactly (barring overflow).
#[inline(always)]
pub(crate) fn two_prod<const FMA: bool>(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    if FMA {
        (p, a.mul_add(b, -p))
    } else {
        const SPLIT: f64 = 134_217_729.0; // 2^27 + 1
        let split = |v: f64| {
            let c = SPLIT * v;
            let hi = c - (c - v);
            (hi, v - hi)
        };
        let (ah, al) = split(a);
        let (bh, bl) = split(b);
        (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }
}

#[inline(always)]
fn body<K: Unary<T>, T: Copy, const FMA: bool>(src: Run<'_, T>, mut dst: RunMut<'_, T>) {
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        for (sc, dc) in s.chunks(BLOCK).zip(d.chunks_mut(BLOCK)) {
            let slow = sc.iter().fold(false, |acc, &x| acc | K::needs_slow(x));
            if slow {
                for (o, &x) in dc.iter_mut().zip(sc) {
                    *o = K::any::<FMA>(x);
                }
            } else {
                for (o, &x) in dc.iter_mut().zip(sc) {
                    *o = K::elem::<FMA>(x);
                }
            }
        }
    } else {
        map_run(src, dst, K::any::<FMA>);
    }
}

#[inline(always)]
fn body2<K: Binary<T>, T: Copy, const FMA: bool>(
    a: Run<'_, T>,
    b: Run<'_, T>,
    mut dst: RunMut<'_, T>,
) {
    if let (Some(x), Some(y), Some(d)) = (a.as_slice(), b.as_slice(), dst.as_mut_slice()) {
        for ((o, &p), &q) in d.iter_mut().zip(x).zip(y) {
            *o = K::elem::<FMA>(p, q);
        }
    } else {
        zip_run(a, b, dst, K::elem::<FMA>);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn body_avx2<K: Unary<T>, T: Copy>(src: Run<'_, T>, dst: RunMut<'_, T>) {
    body::<K, T, true>(src, dst)
}

/// The `Avx2` level's body compiled for 512-bit registers: the same per-element code with
/// the same fused operations, so the same bits, in twice the lanes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn body_avx512<K: Unary<T>, T: Copy>(src: Run<'_, T>, dst: RunMut<'_, T>) {
    body::<K, T, true>(src, dst)
}

/// Whether the CPU has AVX-512F (detected once).
#[cfg(target_arch = "x86_64")]
fn has_avx512() -> bool {
    use std::sync::OnceLock;
    static HAS: OnceLock<bool> = OnceLock::new();
    *HAS.get_or_init(|| std::arch::is_x86_feature_detected!("avx512f"))
}

/// The 256-bit `Avx2` body even where AVX-512F would be used (tests hold the two equal).
#[cfg(test)]
pub(crate) fn run_avx2_256<K: Unary<T>, T: Copy>(src: Run<'_, T>, dst: RunMut<'_, T>) {
    #[cfg(target_arch = "x86_64")]
    if crate::simd::detected() == Level::Avx2 {
        // SAFETY: `detected()` returns Avx2 only when the CPU has AVX2 and FMA.
        return unsafe { body_avx2::<K, T>(src, dst) };
    }
    run_level::<K, T>(level(), src, dst)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn body2_avx2<K: Binary<T>, T: Copy>(a: Run<'_, T>, b: Run<'_, T>, dst: RunMut<'_, T>) {
    body2::<K, T, true>(a, b, dst)
}

/// `dst[i] = K(src[i])` on this thread at `level` (clamped to what the CPU has). At `Avx2`
/// a CPU with AVX-512F runs the same code in 512-bit registers (bit-identical results).
///
/// # Panics
/// If the lengths differ.
pub fn run_level<K: Unary<T>, T: Copy>(level: Level, src: Run<'_, T>, dst: RunMut<'_, T>) {
    assert_eq!(src.len(), dst.len(), "run lengths differ");
    match level.min(crate::simd::detected()) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the CPU has AVX-512F, and `detected()` returned Avx2 so it has AVX2 and FMA.
        Level::Avx2 if has_avx512() => unsafe { body_avx512::<K, T>(src, dst) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `detected()` returns Avx2 only when the CPU has AVX2 and FMA.
        Level::Avx2 => unsafe { body_avx2::<K, T>(src, dst) },
        _ => body::<K, T, false>(src, dst),
    }
}

/// `dst[i] = K(a[i], b[i])` on this thread at `level` (clamped to what the CPU has).
///
/// # Panics
/// If the lengths differ.
pub fn run2_level<K: Binary<T>, T: Copy>(
    level: Level,
    a: Run<'_, T>,
    b: Run<'_, T>,
    dst: RunMut<'_, T>,
) {
    assert!(
        a.len() == dst.len() && b.len() == dst.len(),
        "run lengths differ"
    );
    match level.min(crate::simd::detected()) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `detected()` returns Avx2 only when the CPU has AVX2 and FMA.
        Level::Avx2 => unsafe { body2_avx2::<K, T>(a, b, dst) },
        _ => body2::<K, T, false>(a, b, dst),
    }
}

/// Split point of a threaded run of `len`: the middle, rounded down to a chunk multiple.
fn split_point(len: usize) -> usize {
    (len / 2 / PAR_CHUNK).max(1) * PAR_CHUNK
}

/// `dst[i] = K(src[i])` at the dispatched level, split across threads for long runs.
///
/// # Panics
/// If the lengths differ.
pub fn run<K: Unary<T>, T: Copy + Send + Sync>(src: Run<'_, T>, dst: RunMut<'_, T>) {
    assert_eq!(src.len(), dst.len(), "run lengths differ");
    let len = dst.len();
    if !wants_threads(len) || len <= 2 * PAR_CHUNK {
        return run_level::<K, T>(level(), src, dst);
    }
    let mid = split_point(len);
    let (s0, s1) = src.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| run::<K, T>(s0, d0), || run::<K, T>(s1, d1));
}

/// `dst[i] = K(a[i], b[i])` at the dispatched level, split across threads for long runs.
///
/// # Panics
/// If the lengths differ.
pub fn run2<K: Binary<T>, T: Copy + Send + Sync>(a: Run<'_, T>, b: Run<'_, T>, dst: RunMut<'_, T>) {
    let len = dst.len();
    if !wants_threads(len) || len <= 2 * PAR_CHUNK {
        return run2_level::<K, T>(level(), a, b, dst);
    }
    let mid = split_point(len);
    let (a0, a1) = a.split_at(mid);
    let (b0, b1) = b.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| run2::<K, T>(a0, b0, d0), || run2::<K, T>(a1, b1, d1));
}

/// Many `(input, output)` runs of one n-d operation holding `total` elements, spread over
/// threads when `total` justifies it (each run computed whole by one thread).
pub fn run_many<K: Unary<T>, T: Copy + Send + Sync>(
    runs: Vec<(Run<'_, T>, RunMut<'_, T>)>,
    total: usize,
) {
    if wants_threads(total) && runs.len() > 1 {
        runs.into_par_iter()
            .for_each(|(s, d)| run_level::<K, T>(level(), s, d));
    } else {
        runs.into_iter().for_each(|(s, d)| run::<K, T>(s, d));
    }
}

/// Many `(a, b, output)` runs of one n-d operation, spread over threads like [`run_many`].
pub fn run2_many<K: Binary<T>, T: Copy + Send + Sync>(
    runs: Vec<(Run<'_, T>, Run<'_, T>, RunMut<'_, T>)>,
    total: usize,
) {
    if wants_threads(total) && runs.len() > 1 {
        runs.into_par_iter()
            .for_each(|(a, b, d)| run2_level::<K, T>(level(), a, b, d));
    } else {
        runs.into_iter().for_each(|(a, b, d)| run2::<K, T>(a, b, d));
    }
}

#[cfg(test)]
pub(crate) mod testing;
