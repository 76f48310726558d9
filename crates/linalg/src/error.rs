//! `LinAlgError`: every way a linalg operation can fail, printing NumPy's message.
//!
//! Variants carry the values behind the message. NumPy raises `ValueError` for the shape
//! errors of the products and `numpy.linalg.LinAlgError` for the matrix conditions
//! (`Singular matrix`, non-square input); both are variants here.

use numerust_core::NdError;
use numerust_core::error::shape_str;
use std::fmt;

/// The error of every fallible linalg operation.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinAlgError {
    /// An array-level error (axis out of bounds, shape overflow, bad reshape, ...).
    Nd(NdError),
    /// A gufunc operand with too few dimensions (`matmul` of a 0-d array).
    TooFewDims {
        /// The function (`"matmul"`).
        func: &'static str,
        /// Which operand (0 or 1).
        operand: usize,
        /// Its dimensions.
        ndim: usize,
    },
    /// `matmul`'s contracted dimensions differ.
    CoreMismatch {
        /// The function (`"matmul"`).
        func: &'static str,
        /// The operand whose core dimension disagrees (1).
        operand: usize,
        /// Which of its core dimensions (0).
        core_dim: usize,
        /// Its length.
        size: usize,
        /// The length operand 0 fixed.
        expected: usize,
    },
    /// `matmul`'s leading (stack) dimensions do not broadcast.
    BatchBroadcast {
        /// Shape of operand 0.
        lhs: Vec<usize>,
        /// Core dimensions of operand 0 (1 or 2).
        lhs_core: usize,
        /// Shape of operand 1.
        rhs: Vec<usize>,
        /// Core dimensions of operand 1 (1 or 2).
        rhs_core: usize,
        /// The output's core shape.
        out_core: Vec<usize>,
    },
    /// `dot`/`inner`: the summed axes differ (`shapes (2,3) and (2,3) not aligned: ...`).
    NotAligned {
        /// Shape of the left operand.
        lhs: Vec<usize>,
        /// Shape of the right operand.
        rhs: Vec<usize>,
        /// The summed axis of the left operand.
        lhs_axis: usize,
        /// The summed axis of the right operand.
        rhs_axis: usize,
    },
    /// `tensordot`: the paired axes have different lengths.
    SumShapeMismatch,
    /// Input that is not a square matrix (stack) where one is required.
    NotSquare,
    /// Input with fewer than two dimensions where a matrix is required.
    NotMatrix {
        /// Its dimensions.
        ndim: usize,
    },
    /// Any other invalid argument (NumPy's `ValueError` text).
    InvalidValue(String),
    /// A feature that needs a part of linalg not built yet (e.g. negative `matrix_power`
    /// needs `inv`).
    NotImplemented(String),
    /// LU found an exact zero pivot where a solution is needed (`solve`, `inv`).
    Singular,
    /// Cholesky met a non-positive (or NaN) pivot.
    NotPositiveDefinite,
    /// An iterative solver hit its iteration cap on finite input (NumPy's
    /// `LinAlgError("SVD did not converge")`, `"Eigenvalues did not converge"`); names what
    /// did not converge (`"SVD"`, `"Eigenvalues"`).
    NoConvergence(&'static str),
}

impl fmt::Display for LinAlgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SIG: &str = "(n?,k),(k,m?)->(n?,m?)";
        match self {
            LinAlgError::Nd(e) => write!(f, "{e}"),
            LinAlgError::TooFewDims {
                func,
                operand,
                ndim,
            } => write!(
                f,
                "{func}: Input operand {operand} does not have enough dimensions (has {ndim}, \
                 gufunc core with signature {SIG} requires 1)"
            ),
            LinAlgError::CoreMismatch {
                func,
                operand,
                core_dim,
                size,
                expected,
            } => write!(
                f,
                "{func}: Input operand {operand} has a mismatch in its core dimension \
                 {core_dim}, with gufunc signature {SIG} (size {size} is different from \
                 {expected})"
            ),
            LinAlgError::BatchBroadcast {
                lhs,
                lhs_core,
                rhs,
                rhs_core,
                out_core,
            } => {
                let remap = |s: &[usize], core: usize| {
                    let mut parts: Vec<String> =
                        s[..s.len() - core].iter().map(|d| d.to_string()).collect();
                    parts.extend(std::iter::repeat_n("newaxis".to_string(), core));
                    if parts.len() == 1 {
                        format!("({},)", parts[0])
                    } else {
                        format!("({})", parts.join(","))
                    }
                };
                write!(
                    f,
                    "operands could not be broadcast together with remapped shapes \
                     [original->remapped]: {}->{} {}->{}  and requested shape {}",
                    shape_str(lhs),
                    remap(lhs, *lhs_core),
                    shape_str(rhs),
                    remap(rhs, *rhs_core),
                    shape_str(out_core)
                )
            }
            LinAlgError::NotAligned {
                lhs,
                rhs,
                lhs_axis,
                rhs_axis,
            } => write!(
                f,
                "shapes {} and {} not aligned: {} (dim {lhs_axis}) != {} (dim {rhs_axis})",
                shape_str(lhs),
                shape_str(rhs),
                lhs[*lhs_axis],
                rhs[*rhs_axis]
            ),
            LinAlgError::SumShapeMismatch => f.write_str("shape-mismatch for sum"),
            LinAlgError::NotSquare => f.write_str("Last 2 dimensions of the array must be square"),
            LinAlgError::NotMatrix { ndim } => write!(
                f,
                "{ndim}-dimensional array given. Array must be at least two-dimensional"
            ),
            LinAlgError::InvalidValue(msg) | LinAlgError::NotImplemented(msg) => f.write_str(msg),
            LinAlgError::Singular => f.write_str("Singular matrix"),
            LinAlgError::NotPositiveDefinite => f.write_str("Matrix is not positive definite"),
            LinAlgError::NoConvergence(what) => write!(f, "{what} did not converge"),
        }
    }
}

impl std::error::Error for LinAlgError {}

impl From<NdError> for LinAlgError {
    fn from(e: NdError) -> Self {
        LinAlgError::Nd(e)
    }
}

/// Shorthand for `Result<T, LinAlgError>`.
pub type LinAlgResult<T> = Result<T, LinAlgError>;
