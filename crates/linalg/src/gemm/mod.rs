//! GEMM: `C = alpha * A * B + beta * C` for f32 and f64 over strided operands.
//!
//! BLIS-style: B is packed into `kc x nc` blocks of NR-column panels, A into `mc x kc`
//! blocks of MR-row panels (packing reads any strides, so transposed or reversed operands
//! are never copied beyond it, and zero-pads the edges), and a register-tiled microkernel
//! computes each `MR x NR` block of C (levels: portable, AVX2 + FMA, AVX-512F, picked at
//! run time; see [`GemmLevel`]). Small operands whose layout suits the kernels are read in
//! place instead of packed. Block sizes come from the cache sizes
//! ([`default_blocking`]). A C of one column or one row is a matrix-vector product and
//! skips packing (`gemv.rs`: dot products or column sweeps over A's unit-stride
//! direction). Above [`PARALLEL_FLOPS`] the row blocks are split over rayon's
//! threads with a fixed k-blocking, so results do not depend on the thread count.
//!
//! Unsafe lives here only: the kernels, packing's raw reads, the shared C pointer and the
//! gemv kernels' row/column slices and loads.

mod blocking;
mod buffer;
mod driver;
mod gemv;
pub(crate) mod kernel;
mod mat;
mod pack;

pub use blocking::{Blocking, cache_sizes, default_blocking};
pub use kernel::{Kernel, KernelFn};
pub use mat::{MatMut, MatRef};

use crate::error::LinAlgError;
use numerust_core::{ArrayView, ArrayViewMut, Element};
use numerust_kernels::simd::{self, Level};

/// Products of at least this many flops (`2 m n k`) are split over threads (measured: below
/// it the fork/join costs more than a second core gains).
pub const PARALLEL_FLOPS: f64 = 4.0e6;

/// Which microkernel family runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GemmLevel {
    /// Plain Rust lanes (SSE2 on a baseline x86-64 build): the reference.
    Portable,
    /// AVX2 + FMA, 256-bit.
    Avx2,
    /// AVX-512F, 512-bit.
    Avx512,
}

impl GemmLevel {
    /// The best level this CPU runs.
    pub fn detected() -> GemmLevel {
        Self::from_simd(simd::detected())
    }

    /// The GEMM level for a numerust SIMD level.
    fn from_simd(level: Level) -> GemmLevel {
        match level {
            Level::Avx512 => GemmLevel::Avx512,
            Level::Avx2 => GemmLevel::Avx2,
            Level::Scalar | Level::Wide => GemmLevel::Portable,
        }
    }

    /// The level in force: numerust's SIMD level (`NUMERUST_SIMD=scalar|wide|avx2|avx512`
    /// lowers it, see `numerust_kernels::simd`).
    pub fn current() -> GemmLevel {
        Self::from_simd(simd::level())
    }

    /// Every level this CPU can run, lowest first (for tests that cover each).
    pub fn available() -> Vec<GemmLevel> {
        let best = GemmLevel::detected();
        [GemmLevel::Portable, GemmLevel::Avx2, GemmLevel::Avx512]
            .into_iter()
            .filter(|&l| l <= best)
            .collect()
    }
}

/// How a GEMM call runs: the kernel level, the block sizes and the threading threshold.
/// `GemmConfig::default()` is what [`gemm`] uses; tests shrink blocks and the threshold so
/// small inputs go through the blocked and parallel paths.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GemmConfig {
    /// The microkernel family (clamped to what the CPU has).
    pub level: GemmLevel,
    /// Block sizes; `None` derives them from the cache sizes.
    pub blocking: Option<Blocking>,
    /// Products of at least this many flops use all of rayon's threads.
    pub parallel_flops: f64,
}

impl Default for GemmConfig {
    fn default() -> Self {
        GemmConfig {
            level: GemmLevel::current(),
            blocking: None,
            parallel_flops: PARALLEL_FLOPS,
        }
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The element types GEMM computes in: `f32` and `f64`.
pub trait GemmScalar:
    Element + buffer::Pod + sealed::Sealed + std::ops::Mul<Output = Self> + std::ops::Add<Output = Self>
{
    /// The microkernel of `level` for this type (the best one the CPU has at most).
    #[doc(hidden)]
    fn kernel(level: GemmLevel) -> Kernel<Self>;
    /// Four dot products of `rows` with `x` at `level` (the matrix-vector kernel).
    #[doc(hidden)]
    fn dot4(level: GemmLevel, rows: [&[Self]; 4], x: &[Self]) -> [Self; 4];
}

macro_rules! impl_gemm_scalar {
    ($t:ty, $avx2:ident, $avx512:ident, $dot4:ident) => {
        impl GemmScalar for $t {
            fn dot4(level: GemmLevel, rows: [&[Self]; 4], x: &[Self]) -> [Self; 4] {
                gemv::$dot4(level, rows, x)
            }
            fn kernel(level: GemmLevel) -> Kernel<Self> {
                match level.min(GemmLevel::detected()) {
                    #[cfg(target_arch = "x86_64")]
                    GemmLevel::Avx512 => kernel::x86::$avx512(),
                    #[cfg(target_arch = "x86_64")]
                    GemmLevel::Avx2 => kernel::x86::$avx2(),
                    _ => kernel::portable::kernel::<$t>(),
                }
            }
        }
    };
}
impl_gemm_scalar!(f64, dgemm_avx2, dgemm_avx512, dot4_f64);
impl_gemm_scalar!(f32, sgemm_avx2, sgemm_avx512, dot4_f32);

/// `C = alpha * A * B + beta * C` on strided matrices, with an explicit configuration.
///
/// `beta == 0` never reads C (NaN there is overwritten), as in BLAS.
///
/// # Panics
/// When the shapes do not chain (`A: m x k`, `B: k x n`, `C: m x n`).
pub fn gemm_mat_with<T: GemmScalar>(
    cfg: &GemmConfig,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    c: MatMut<'_, T>,
) {
    assert!(
        a.rows() == c.rows() && b.cols() == c.cols() && a.cols() == b.rows(),
        "gemm: shapes ({},{}) x ({},{}) -> ({},{}) do not chain",
        a.rows(),
        a.cols(),
        b.rows(),
        b.cols(),
        c.rows(),
        c.cols()
    );
    driver::run(cfg, alpha, a, b, beta, c);
}

/// `C = alpha * A * B + beta * C` on strided matrices with the default configuration.
///
/// ```
/// use numerust_linalg::gemm::{gemm_mat, MatMut, MatRef};
/// let a = [1.0, 2.0, 3.0, 4.0]; // [[1, 2], [3, 4]]
/// let b = [5.0, 6.0, 7.0, 8.0];
/// let mut c = [1.0; 4];
/// gemm_mat(1.0, MatRef::from_slice(&a, 2, 2), MatRef::from_slice(&b, 2, 2).t(), 2.0,
///          MatMut::from_slice(&mut c, 2, 2));
/// // A * B^T + 2: [[5+12, 7+16], [15+24, 21+32]] + 2
/// assert_eq!(c, [19.0, 25.0, 41.0, 55.0]);
/// ```
///
/// # Panics
/// When the shapes do not chain.
pub fn gemm_mat<T: GemmScalar>(
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    c: MatMut<'_, T>,
) {
    gemm_mat_with(&GemmConfig::default(), alpha, a, b, beta, c)
}

/// `C = alpha * A * B + beta * C` for 2-D array views of any strides (BLAS `?gemm`; NumPy
/// has no public counterpart beyond `alpha * a @ b + beta * c`).
///
/// ```
/// use numerust_core::{NdArray, zeros};
/// use numerust_linalg::gemm::gemm;
/// let a = NdArray::from_shape_vec(&[2, 3], vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
/// let mut c = zeros::<f64>(&[3, 3]).unwrap();
/// // a^T a, read through the transposed view (no copy).
/// gemm(1.0, &a.view().t(), &a.view(), 0.0, &mut c.view_mut()).unwrap();
/// assert_eq!(c.to_vec(), vec![17.0, 22.0, 27.0, 22.0, 29.0, 36.0, 27.0, 36.0, 45.0]);
/// ```
///
/// # Errors
/// `LinAlgError::InvalidValue` unless all three are 2-D and their shapes chain.
pub fn gemm<T: GemmScalar>(
    alpha: T,
    a: &ArrayView<'_, T>,
    b: &ArrayView<'_, T>,
    beta: T,
    c: &mut ArrayViewMut<'_, T>,
) -> Result<(), LinAlgError> {
    let msg = format!(
        "gemm: shapes {:?} x {:?} -> {:?} are not 2-D matrices that chain",
        a.shape(),
        b.shape(),
        c.shape()
    );
    let bad = || LinAlgError::InvalidValue(msg.clone());
    let (Some(am), Some(bm)) = (MatRef::from_view(a), MatRef::from_view(b)) else {
        return Err(bad());
    };
    let (m, n) = (am.rows(), bm.cols());
    if am.cols() != bm.rows() || c.shape() != [m, n] {
        return Err(bad());
    }
    let cm = MatMut::from_view(c).ok_or_else(bad)?;
    gemm_mat(alpha, am, bm, beta, cm);
    Ok(())
}
