//! numerust-linalg: NumPy's `numpy.linalg` and products, in Rust alone (no BLAS/LAPACK).
//!
//! Owns the GEMM engine ([`gemm`]: packing, cache blocking, SIMD microkernels, threads),
//! the products built on it ([`products`]: `matmul`, `dot`, `vdot`, `inner`, `outer`,
//! `tensordot`, `kron`, `trace`, `matrix_power`, `einsum`) and [`LinAlgError`]. Factorizations
//! (LU, QR, Cholesky, eigen, SVD) slot in as sibling modules calling [`gemm`] for their
//! trailing updates. Depends on core and kernels only.
//!
//! ```
//! use numerust_core::NdArray;
//! use numerust_linalg::matmul;
//! let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
//! let b = NdArray::from_shape_vec(&[2], vec![1.0, 1.0]).unwrap();
//! let c = matmul(&a, &b).unwrap();
//! assert_eq!(c.shape(), &[2]);
//! assert_eq!(c.to_vec(), vec![3.0, 7.0]);
//! ```

pub mod error;
pub mod gemm;
pub mod products;

pub use error::{LinAlgError, LinAlgResult};
pub use products::*;

pub mod factor;
pub use factor::{
    LinalgReal, LstsqResult, NormOrd, QrMode, QrResult, SvdResult, cholesky, cholesky_upper, cond,
    det, eig, eigh, eigvals, eigvalsh, inv, lstsq, matrix_rank, norm, pinv, qr, slogdet, solve,
    svd, svdvals, tensorinv, tensorsolve,
};
