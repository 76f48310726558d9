//! numerust: NumPy for Rust, written from scratch.
//!
//! The facade users link. It re-exports the engine crates and offers NumPy-named free
//! functions; `use numerust::prelude::*;` brings in what a NumPy user reaches for first.
//!
//! ```
//! use numerust::prelude::*;
//! let a = zeros::<f64>(&[2, 3]).unwrap();
//! assert_eq!(a.shape(), &[2, 3]);
//! ```
//!
//! Every ufunc and reduction sits at the root under its NumPy name, so `np.` code reads
//! the same with `np::`:
//!
//! ```
//! use numerust as np;
//! let x = np::linspace(0.0, 1.0, 5, true).unwrap();
//! let y = np::exp(&np::negative(&x));
//! assert_eq!(np::argmax(&y).unwrap(), 0);
//! let total: f64 = np::sum(&y);
//! assert!((total - 3.2256).abs() < 1e-4);
//! ```

mod functions;

pub use functions::*;
pub use numerust_core::*;

// The engine crates, by area.
pub use numerust_io as io;
pub use numerust_kernels as kernels;
/// NumPy's `numpy.linalg` (and the GEMM engine under the products).
pub use numerust_linalg as linalg;
pub use numerust_random as random;
pub use numerust_stats as stats;

// NumPy's ufuncs and reductions under their NumPy names at the root: `numerust::exp`,
// `numerust::sum_axis`, `numerust::where_`, ...
pub use numerust_core::reduce::*;
pub use numerust_core::ufunc::{
    arith::*, classify::*, compare::*, exp::*, log::*, logical::*, rounding::*, select::*,
    simple::*, trig::*,
};

// NumPy's file functions: `numerust::save`, `numerust::loadtxt`, ...
pub use numerust_io::{
    genfromtxt, load, load_any, load_as, load_mmap, load_npz, loadtxt, save, savetxt, savez,
    savez_compressed,
};

// NumPy's products: `numerust::matmul`, `numerust::dot`, `numerust::trace`, ...
pub use numerust_linalg::{
    TensordotAxes, dot, einsum, inner, kron, matmul, outer, tensordot, trace, trace_with, vdot,
};

// Sorting, quantiles, histograms and sets: `numerust::median`, `numerust::sort`, ...
pub use numerust_stats::{
    argpartition, argsort, average_weighted, bincount, corrcoef, cov, diff, digitize, ediff1d,
    gradient, histogram, histogram_bin_edges, histogram2d, intersect1d, isin, lexsort, median,
    nanmedian, nanpercentile, nanquantile, partition, percentile, quantile, searchsorted,
    setdiff1d, setxor1d, sort, union1d, unique,
};

/// What a NumPy user reaches for first: `use numerust::prelude::*;`.
pub mod prelude {
    pub use numerust_core::{
        ArrayView, ArrayViewMut, AsView, DType, Element, NdArray, NdError, NdResult, NewAxis,
        Order, array, empty, from_fn, full, ones, s, zeros,
    };
}
