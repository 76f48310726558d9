//! Vector exponentials: `exp`, `exp2`, `expm1`, `sinh`, `cosh` and `tanh` for `f32` and
//! `f64`, with no libm call per element.
//!
//! Every function is a per-element body (`elem::<FMA>(x)`: selects, bit tricks, no
//! data-dependent branches) built on [`core`]: `x = k ln 2 + r`, a polynomial for `e^r`, and
//! `2^k` from integer bits, so LLVM vectorises the contiguous loop. `f64` `exp`/`exp2` go one
//! step further: their contiguous loop computes 8 elements at a time without range checks and
//! redoes a block through the full per-element body only when one of its inputs is outside
//! the plain range (overflow, underflow, NaN); the full body gives the same bits in range.
//! Levels:
//! - `Scalar` and `Wide`: the bodies with `a * b + c` (no fused multiply-add), compiled for
//!   the baseline target; LLVM turns the contiguous loops into 128-bit SSE2 code. Both levels
//!   give the same bits (the portable path is this auto-vectorised loop, not `wide`'s types,
//!   whose instructions are fixed when `wide` itself is compiled).
//! - `Avx2`: the same bodies with `f64::mul_add` inside an `avx2,fma` function: 256-bit
//!   lanes, polynomials fused. Bits may differ from `Scalar` within the documented ULP bound.
//!
//! Strided runs go through the same per-element body at the same level, so the bits never
//! depend on the layout. Long runs are split across rayon threads at multiples of
//! [`crate::dispatch::PAR_CHUNK`], so the bits never depend on the thread count either.
//! `f32` inputs are evaluated in `f64` lanes with shorter polynomials and rounded once.
//! Max ULP errors on NumPy's validation sets are in `docs/accuracy.md` (all at most 1).
//! NumPy counterpart: `numpy/_core/src/umath/loops_exponent_log.dispatch.c.src` (SIMD `exp`),
//! `loops_hyperbolic.dispatch.cpp` (SIMD `tanh`), `npy_math` (libm) for the others.

pub mod core;
pub mod expm1;
pub mod exponential;
pub mod hyperbolic;

use crate::dispatch::{PAR_CHUNK, wants_threads};
use crate::run::{Run, RunMut, map_run};
use crate::simd::{Level, level};

/// One element-wise function of this family on element type `T`.
pub trait Unary<T: Copy> {
    /// `f(x)`; `FMA` selects fused multiply-add in the polynomials.
    fn elem<const FMA: bool>(x: T) -> T;

    /// `dst[i] = f(src[i])` over equal-length slices; equal bits to [`Unary::elem`].
    #[inline(always)]
    fn contig<const FMA: bool>(src: &[T], dst: &mut [T]) {
        for (o, &x) in dst.iter_mut().zip(src) {
            *o = Self::elem::<FMA>(x);
        }
    }
}

/// Defines a zero-sized kernel type implementing [`Unary`] for `f64` and `f32` from two
/// element functions generic over `FMA`.
macro_rules! kernel {
    ($(#[$doc:meta])* $name:ident, $f64:ident, $f32:ident $(, contig = $contig:ident)?
        $(, contig32 = $contig32:ident)?) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl $crate::exp::Unary<f64> for $name {
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
        }

        impl $crate::exp::Unary<f32> for $name {
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
        }
    };
}
pub(crate) use kernel;

pub use expm1::Expm1;
pub use exponential::{Exp, Exp2};
pub use hyperbolic::{Cosh, Sinh, Tanh};

#[inline(always)]
fn body<K: Unary<T>, T: Copy, const FMA: bool>(src: Run<'_, T>, mut dst: RunMut<'_, T>) {
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        K::contig::<FMA>(s, d);
    } else {
        map_run(src, dst, K::elem::<FMA>);
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
    let mid = (len / 2 / PAR_CHUNK).max(1) * PAR_CHUNK;
    let (s0, s1) = src.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| run::<K, T>(s0, d0), || run::<K, T>(s1, d1));
}

/// Many runs of one n-d operation (`total` elements in all), spread over threads when
/// `total` justifies it; each run is computed whole by one thread unless it is long itself.
pub fn run_many<K: Unary<T>, T: Copy + Send + Sync>(
    runs: Vec<(Run<'_, T>, RunMut<'_, T>)>,
    total: usize,
) {
    use rayon::prelude::*;
    if wants_threads(total) && runs.len() > 1 {
        runs.into_par_iter()
            .for_each(|(s, d)| run_level::<K, T>(level(), s, d));
    } else {
        runs.into_iter().for_each(|(s, d)| run::<K, T>(s, d));
    }
}

#[inline(always)]
fn collect_body<K: Unary<T>, T: Copy + Default, const FMA: bool>(src: &[T]) -> Vec<T> {
    const B: usize = 512;
    let mut out = Vec::with_capacity(src.len());
    let mut buf = [T::default(); B];
    for s in src.chunks(B) {
        let b = &mut buf[..s.len()];
        K::contig::<FMA>(s, b);
        out.extend_from_slice(b);
    }
    out
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn collect_avx2<K: Unary<T>, T: Copy + Default>(src: &[T]) -> Vec<T> {
    collect_body::<K, T, true>(src)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn collect_avx512<K: Unary<T>, T: Copy + Default>(src: &[T]) -> Vec<T> {
    collect_body::<K, T, true>(src)
}

/// `K(x)` for each element of a contiguous input, collected into a new `Vec` on this thread
/// at the dispatched level (no zeroing pass): for outputs below the huge-page size. Same bits
/// as [`run_level`].
pub fn collect<K: Unary<T>, T: Copy + Default>(src: &[T]) -> Vec<T> {
    match level() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the CPU has AVX-512F, and `level()` returned Avx2 so it has AVX2 and FMA.
        Level::Avx2 if has_avx512() => unsafe { collect_avx512::<K, T>(src) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `level()` returns Avx2 only when the CPU has AVX2 and FMA.
        Level::Avx2 => unsafe { collect_avx2::<K, T>(src) },
        _ => collect_body::<K, T, false>(src),
    }
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

#[cfg(test)]
pub(crate) mod testing;
