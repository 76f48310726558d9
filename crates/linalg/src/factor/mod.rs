//! Factorizations and the solvers built on them: NumPy's `numpy.linalg.solve`, `inv`, `det`,
//! `slogdet`, `cholesky`, `qr`, `eigh`, `eigvalsh`, `svd`, `svdvals`, `norm`, `cond`, `matrix_rank`, `pinv`, `lstsq`,
//! `tensorsolve`, `tensorinv`.
//!
//! Every routine works on row-major copies of the input matrices (one per stacked matrix),
//! factors them with blocked algorithms whose trailing updates run through
//! [`gemm_mat`](crate::gemm::gemm_mat()), and stacks the results back over the input's leading
//! axes as NumPy's gufuncs do. Layout: [`lu`] (LU with partial pivoting and what it solves),
//! [`triangular`] (blocked triangular solves), [`cholesky`](mod@cholesky), [`qr`](mod@qr).

/// Defines `$name` running `$body` at the dispatched SIMD level
/// (`numerust_kernels::simd::level()`): the body is `#[inline(always)]`, so inside the
/// `#[target_feature]` copies it compiles to AVX2/AVX-512 (closures handed to rayon do not
/// inherit a caller's target features, hence a dispatch per call).
macro_rules! at_level {
    ($(#[$m:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $body:ident) => {
        $(#[$m])*
        fn $name<T: LinalgReal>($($arg: $ty),*) {
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx512f,avx2,fma")]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            fn avx512<T: LinalgReal>($($arg: $ty),*) {
                $body($($arg),*)
            }
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx2,fma")]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            fn avx2<T: LinalgReal>($($arg: $ty),*) {
                $body($($arg),*)
            }
            use numerust_kernels::simd::{Level, level};
            match level() {
                #[cfg(target_arch = "x86_64")]
                // SAFETY: `level()` returns Avx512 only when the CPU has AVX-512F, AVX2, FMA.
                Level::Avx512 => unsafe { avx512($($arg),*) },
                #[cfg(target_arch = "x86_64")]
                // SAFETY: `level()` returns Avx2 only when the CPU has AVX2 and FMA.
                Level::Avx2 => unsafe { avx2($($arg),*) },
                _ => $body($($arg),*),
            }
        }
    };
}

pub(crate) mod bdsdc;
pub(crate) mod bdsqr;
pub mod cholesky;
pub mod eig;
pub mod eigh;
pub(crate) mod gebrd;
mod gehrd;
mod hqr;
pub(crate) mod lasd4;
pub mod lstsq;
pub mod lu;
pub mod norm;
pub(crate) mod orgbr;
pub(crate) mod ormtr;
pub mod qr;
mod reflector;
pub(crate) mod secular;
pub(crate) mod stedc;
pub mod svd;
pub(crate) mod sytrd;
pub mod tensor;
mod trevc;
pub mod triangular;

pub use cholesky::{cholesky, cholesky_upper};
pub use eig::{EigResult, eig, eigvals};
pub use eigh::{eigh, eigvalsh};
pub use lstsq::{LstsqResult, lstsq, matrix_rank, pinv};
pub use lu::{det, inv, slogdet, solve};
pub use norm::{NormOrd, cond, norm};
pub use qr::{QrMode, QrResult, qr};
pub use svd::{SvdResult, svd, svdvals};
pub use tensor::{tensorinv, tensorsolve};

use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::{GemmScalar, MatMut, MatRef, gemm_mat};
use num_traits::Float;
use numerust_core::{ArrayView, NdArray, s};

/// The element types the factorizations accept: `f32` and `f64` (NumPy's `float32` and
/// `float64` LAPACK paths; integer input is cast by the caller, as `np.linalg` does).
pub trait LinalgReal: GemmScalar + Float + std::iter::Sum + Send + Sync + std::fmt::Debug {}
impl LinalgReal for f32 {}
impl LinalgReal for f64 {}

/// Block size of the blocked factorizations (columns per panel).
pub(crate) const NB: usize = 64;

/// A stack of square matrices: leading (batch) shape, side `n`, and the row-major elements
/// of every matrix one after another.
pub(crate) struct SquareStack<T> {
    pub batch: Vec<usize>,
    pub n: usize,
    pub data: Vec<T>,
}

/// Checks that `a` is a (stack of) square matrices and copies it out row-major.
///
/// Errors as NumPy: fewer than 2 dimensions -> `NotMatrix`, non-square -> `NotSquare`.
pub(crate) fn square_stack<T: LinalgReal>(a: &ArrayView<'_, T>) -> LinAlgResult<SquareStack<T>> {
    let (batch, n) = square_dims(a)?;
    Ok(SquareStack {
        batch: batch.to_vec(),
        n,
        data: a.to_vec(),
    })
}

/// The leading (batch) shape and side of a (stack of) square matrices, checked as
/// [`square_stack`] does, without copying.
pub(crate) fn square_dims<'a, T: LinalgReal>(
    a: &'a ArrayView<'_, T>,
) -> LinAlgResult<(&'a [usize], usize)> {
    let shape = a.shape();
    if shape.len() < 2 {
        return Err(LinAlgError::NotMatrix { ndim: shape.len() });
    }
    let n = shape[shape.len() - 1];
    if shape[shape.len() - 2] != n {
        return Err(LinAlgError::NotSquare);
    }
    Ok((&shape[..shape.len() - 2], n))
}

/// `shape` with `tail` appended.
pub(crate) fn with_tail(shape: &[usize], tail: &[usize]) -> Vec<usize> {
    let mut s = shape.to_vec();
    s.extend_from_slice(tail);
    s
}

/// `M[r0.., c0..] = alpha * A * B + beta * M[r0.., c0..]` for the `A.rows() x B.cols()` block
/// of the row-major matrix `m` (`ld` columns) starting at `(r0, c0)`.
pub(crate) fn gemm_block<T: LinalgReal>(
    m: &mut NdArray<T>,
    (r0, c0): (usize, usize),
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
) {
    let (rows, cols) = (a.rows(), b.cols());
    if rows == 0 || cols == 0 {
        return;
    }
    let mut v = m.slice_mut(s![r0..r0 + rows, c0..c0 + cols]);
    let c = MatMut::from_view(&mut v).expect("a 2-D block");
    gemm_mat(alpha, a, b, beta, c);
}

/// The `rows x cols` block at `(r0, c0)` of the row-major `src` (`ld` columns), copied out
/// row-major.
pub(crate) fn copy_block<T: Copy>(
    src: &[T],
    ld: usize,
    (r0, c0): (usize, usize),
    (rows, cols): (usize, usize),
) -> Vec<T> {
    let mut out = Vec::with_capacity(rows * cols);
    for i in r0..r0 + rows {
        out.extend_from_slice(&src[i * ld + c0..i * ld + c0 + cols]);
    }
    out
}

/// `0` of `T` (`Element` and `Float` both name one).
pub(crate) fn zero<T: LinalgReal>() -> T {
    <T as num_traits::Zero>::zero()
}

/// `1` of `T`.
pub(crate) fn one<T: LinalgReal>() -> T {
    <T as num_traits::One>::one()
}

/// A row-major `rows x cols` work array whose every element `fill` or the caller writes
/// before reading it: large ones take a recycled buffer from core's allocator (old values
/// inside), so no fresh pages are faulted in per call. Debug builds poison it with NaN
/// first, so a test reading an element nobody wrote fails instead of passing on zeros.
pub(crate) fn scratch<T: LinalgReal>(
    rows: usize,
    cols: usize,
    fill: impl FnOnce(&mut [T]),
) -> NdArray<T> {
    NdArray::try_from_fill(&[rows, cols], numerust_core::Order::C, |s| {
        if cfg!(debug_assertions) {
            s.fill(T::nan());
        }
        fill(s);
        Ok::<(), numerust_core::NdError>(())
    })
    .expect("rows*cols elements")
}
