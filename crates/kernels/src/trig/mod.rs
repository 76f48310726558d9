//! Vector trigonometry: `sin`, `cos`, `tan`, `arcsin`, `arccos`, `arctan` and `arctan2` for
//! `f32` and `f64`, with no libm call per element on the fast path.
//!
//! Every function is one branch-free per-element body (`elem::<FMA>(x)`: selects and bit
//! tricks, no data-dependent branches), so LLVM vectorises the contiguous loop. Each unary
//! function is a kernel type implementing [`crate::unary::Unary`], run by the shared drivers
//! there ([`crate::unary::run_many`], ...), which own the SIMD levels (`Avx2` fuses the
//! polynomials: bits may differ from `Scalar` within the documented ULP bound), the strided
//! path and the thread split. `arctan2` implements [`Binary`], whose drivers are here.
//!
//! `sin`/`cos`/`tan` reduce `x` modulo `π/2` with a three-step Cody–Waite reduction for
//! `|x| < 2^20` ([`reduce`]); larger finite arguments are flagged by a vectorised pre-pass
//! over each block and recomputed by an exact scalar Payne–Hanek reduction (a 192-bit window
//! of `2/π`), so every `f64` argument up to `f64::MAX` is reduced correctly (the kernels'
//! [`crate::unary::Unary::needs_slow`] and `slow`). `f32` inputs are evaluated in `f64`
//! lanes and rounded once.
//!
//! Max ULP errors on NumPy's validation sets are in `docs/accuracy.md`.
//! NumPy counterpart: `numpy/_core/src/umath/loops_trigonometric.dispatch.cpp` (SIMD `f32`
//! sin/cos) and `npy_math` (libm) for the rest.

pub mod asin;
pub mod atan;
pub mod reduce;
pub mod sincos;

use crate::dispatch::{PAR_CHUNK, PAR_MIN_LEN_MATH, split_point, wants_threads_from};
use crate::run::{Run, RunMut, zip_run};
use crate::simd::{Level, level};
use rayon::prelude::*;

pub use asin::{Arccos, Arcsin};
pub use atan::{Arctan, Arctan2};
pub use sincos::{Cos, Sin, Tan};

/// One element-wise function of two arguments on element type `T`.
pub trait Binary<T: Copy> {
    /// `f(y, x)`; `FMA` selects fused multiply-add.
    fn elem<const FMA: bool>(y: T, x: T) -> T;
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
unsafe fn body2_avx2<K: Binary<T>, T: Copy>(a: Run<'_, T>, b: Run<'_, T>, dst: RunMut<'_, T>) {
    body2::<K, T, true>(a, b, dst)
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
        // SAFETY: `detected()` returns Avx2 or Avx512 only when the CPU has AVX2 and FMA.
        Level::Avx2 | Level::Avx512 => unsafe { body2_avx2::<K, T>(a, b, dst) },
        _ => body2::<K, T, false>(a, b, dst),
    }
}

/// `dst[i] = K(a[i], b[i])` at the dispatched level, split across threads for long runs.
///
/// # Panics
/// If the lengths differ.
pub fn run2<K: Binary<T>, T: Copy + Send + Sync>(a: Run<'_, T>, b: Run<'_, T>, dst: RunMut<'_, T>) {
    let len = dst.len();
    if !wants_threads_from(len, PAR_MIN_LEN_MATH) || len <= 2 * PAR_CHUNK {
        return run2_level::<K, T>(level(), a, b, dst);
    }
    let mid = split_point(len);
    let (a0, a1) = a.split_at(mid);
    let (b0, b1) = b.split_at(mid);
    let (d0, d1) = dst.split_at(mid);
    rayon::join(|| run2::<K, T>(a0, b0, d0), || run2::<K, T>(a1, b1, d1));
}

/// Many `(a, b, output)` runs of one n-d operation, spread over threads like
/// [`crate::unary::run_many`].
pub fn run2_many<K: Binary<T>, T: Copy + Send + Sync>(
    runs: Vec<(Run<'_, T>, Run<'_, T>, RunMut<'_, T>)>,
    total: usize,
) {
    if wants_threads_from(total, PAR_MIN_LEN_MATH) && runs.len() > 1 {
        runs.into_par_iter()
            .for_each(|(a, b, d)| run2_level::<K, T>(level(), a, b, d));
    } else {
        runs.into_iter().for_each(|(a, b, d)| run2::<K, T>(a, b, d));
    }
}

#[cfg(test)]
pub(crate) mod testing;
