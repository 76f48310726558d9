//! numerust-stats: sorting, selection, quantiles, histograms and set operations, with
//! NumPy's results.
//!
//! Every function goes by its NumPy name and follows NumPy's rules for axes, NaNs and
//! dtypes; `docs/stats.md` lists each one with its NumPy counterpart, where results are
//! bit-for-bit NumPy's and where (and why) they may differ in the last bits.
//!
//! ```
//! use numerust_core::array;
//! use numerust_stats::{median, sort};
//! let a = array(&[3.0, 1.0, 2.0, 10.0]).unwrap();
//! assert_eq!(sort(&a).unwrap().to_vec(), [1.0, 2.0, 3.0, 10.0]);
//! assert_eq!(median(&a), 2.5);
//! ```
//!
//! Depends on `numerust-core` and `numerust-kernels` only.

pub mod bincount;
pub mod bootstrap;
pub mod cov;
pub mod diff;
pub mod float;
pub mod gradient;
pub mod histogram;
pub(crate) mod lanes;
pub mod order;
pub mod partition;
pub mod quantile;
pub mod scale;
pub mod search;
pub mod sets;
pub mod sort;
pub mod unique;

pub use bincount::{bincount, bincount_weighted};
pub use bootstrap::{bootstrap, bootstrap_rng, index_below, percentile_interval};
pub use cov::{CovOptions, average_weighted, corrcoef, cov};
pub use diff::{DiffElement, Pad, diff, diff_with, ediff1d};
pub use float::{StatElement, StatFloat};
pub use gradient::{Spacing, gradient, gradient_with};
pub use histogram::{
    Bins, histogram, histogram_bin_edges, histogram_density, histogram_weighted, histogram2d,
};
pub use order::SortElement;
pub use partition::{argpartition, argpartition_axis, partition, partition_axis};
pub use quantile::{
    QuantileMethod, QuantileOptions, median, median_with, nanmedian, nanmedian_with, nanpercentile,
    nanpercentile_with, nanquantile, nanquantile_with, percentile, percentile_with, quantile,
    quantile_with,
};
pub use scale::{Describe, describe, minmax_scale, zscore};
pub use search::{Side, digitize, searchsorted};
pub use sets::{intersect1d, isin, setdiff1d, setxor1d, union1d};
pub use sort::{SortKind, argsort, argsort_axis, lexsort, sort, sort_axis};
pub use unique::{Unique, UniqueOptions, unique, unique_with};
