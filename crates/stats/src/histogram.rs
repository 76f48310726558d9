//! `histogram`, `histogram_bin_edges`, `histogram2d`: NumPy's binning rules and estimators.
//!
//! NumPy → numerust: `np.histogram(a, bins, range)` → [`histogram`]`(&a, bins, range)`
//! (counts `i64`); with `weights=` → [`histogram_weighted`]; `density=True` →
//! [`histogram_density`]; `np.histogram_bin_edges` → [`histogram_bin_edges`];
//! `np.histogram2d(x, y, bins, range)` → [`histogram2d`]. `bins` is a [`Bins`]: a count,
//! edges, or one of NumPy's estimators ('auto', 'fd', 'sturges', ...).
//!
//! Equal-width bins use NumPy's index arithmetic (`(x - first) / (last - first) * n`, then
//! the one-step correction against the edges), so every element lands in NumPy's bin;
//! edges come from core's `linspace` (NumPy's bits). Values outside the range and NaNs are
//! dropped; the last bin includes its right edge. Edges are always `f64` (NumPy uses
//! `float32` edges for `float32` data). Weighted sums add in NumPy's order (blocks of
//! 65536 elements, each summed per bin in element order).

use crate::float::StatElement;
use crate::quantile::percentile;
use numerust_core::{AsView, NdArray, NdError, NdResult, linspace};

/// NumPy's `bins=`: a count, explicit edges, or an estimator of the bin width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bins<'a> {
    /// That many equal-width bins over the range.
    Count(usize),
    /// Monotonically increasing edges (`len - 1` bins).
    Edges(&'a [f64]),
    /// `'auto'`: the smaller of 'fd' (at least half of 'sqrt') and 'sturges'.
    Auto,
    /// `'fd'`: Freedman–Diaconis, `2 IQR n^(-1/3)`.
    Fd,
    /// `'sturges'`: `ptp / (log2 n + 1)`.
    Sturges,
    /// `'scott'`: `(24 sqrt(pi) / n)^(1/3) std`.
    Scott,
    /// `'rice'`: `ptp / (2 n^(1/3))`.
    Rice,
    /// `'sqrt'`: `ptp / sqrt(n)`.
    Sqrt,
    /// `'doane'`: Sturges corrected for skewness.
    Doane,
    /// `'stone'`: minimises an estimate of the integrated squared error.
    Stone,
}

const BLOCK: usize = 65536;

/// `(first, last)` edges: the range, else the data's min and max; widened by 0.5 each way
/// when equal.
fn outer_edges(a: &[f64], range: Option<(f64, f64)>) -> NdResult<(f64, f64)> {
    let (mut lo, mut hi) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(NdError::InvalidValue(
                    "max must be larger than min in range parameter.".into(),
                ));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(NdError::InvalidValue(format!(
                    "supplied range of [{lo:?}, {hi:?}] is not finite"
                )));
            }
            (lo, hi)
        }
        None if a.is_empty() => (0.0, 1.0),
        None => {
            // NaN-propagating SIMD min/max (NumPy: `a.min(), a.max()`).
            let run = numerust_kernels::Run::from_slice(a);
            let lo = numerust_kernels::reduce::min(run).unwrap_or(f64::NAN);
            let hi = numerust_kernels::reduce::max(run).unwrap_or(f64::NAN);
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(NdError::InvalidValue(format!(
                    "autodetected range of [{lo:?}, {hi:?}] is not finite"
                )));
            }
            (lo, hi)
        }
    };
    if lo == hi {
        lo -= 0.5;
        hi += 0.5;
    }
    Ok((lo, hi))
}

/// Counts per bin of `x` into `n` equal bins between `first` and `last` (bin edges
/// `edges`), calling `add(bin, element_index)` for each counted element.
fn uniform_bins(
    x: &[f64],
    first: f64,
    last: f64,
    edges: &[f64],
    mut add: impl FnMut(usize, usize),
) {
    let n = edges.len() - 1;
    let denom = last - first;
    let nf = n as f64;
    for (i, &v) in x.iter().enumerate() {
        if !(v >= first && v <= last) {
            continue;
        }
        let mut idx = (((v - first) / denom) * nf) as usize;
        if idx == n {
            idx -= 1;
        }
        if v < edges[idx] {
            idx -= 1;
        } else if v >= edges[idx + 1] && idx != n - 1 {
            idx += 1;
        }
        add(idx, i);
    }
}

/// The bin of `v` among increasing `edges` (last bin closed), or `None` outside.
fn edge_bin(edges: &[f64], v: f64) -> Option<usize> {
    let n = edges.len();
    if n < 2 || !(v >= edges[0] && v <= edges[n - 1]) {
        return None;
    }
    // number of edges <= v, minus one; the right end belongs to the last bin
    let k = edges.partition_point(|&e| e <= v);
    Some((k - 1).min(n - 2))
}

/// The width an estimator gives for the data `x` (already trimmed to the range).
fn estimator_width(x: &[f64], bins: Bins<'_>, range: (f64, f64)) -> f64 {
    let n = x.len() as f64;
    let arr = NdArray::from_vec(x.to_vec());
    let ptp = {
        let lo = x.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        hi - lo
    };
    let sqrt_w = ptp / n.sqrt();
    let sturges_w = ptp / (n.log2() + 1.0);
    let fd_w = || {
        let q75 = percentile(&arr, 75.0).unwrap_or(f64::NAN);
        let q25 = percentile(&arr, 25.0).unwrap_or(f64::NAN);
        2.0 * (q75 - q25) * n.powf(-1.0 / 3.0)
    };
    match bins {
        Bins::Sqrt => sqrt_w,
        Bins::Sturges => sturges_w,
        Bins::Rice => ptp / (2.0 * n.powf(1.0 / 3.0)),
        Bins::Scott => {
            (24.0 * std::f64::consts::PI.powf(0.5) / n).powf(1.0 / 3.0)
                * numerust_core::reduce::std(&arr)
        }
        Bins::Fd => fd_w(),
        Bins::Auto => fd_w().max(sqrt_w / 2.0).min(sturges_w),
        Bins::Doane => {
            if x.len() > 2 {
                let sg1 = (6.0 * (n - 2.0) / ((n + 1.0) * (n + 3.0))).sqrt();
                let sigma = numerust_core::reduce::std(&arr);
                if sigma > 0.0 {
                    let mean = numerust_core::reduce::mean(&arr);
                    let t = arr.mapv(|v| ((v - mean) / sigma).powf(3.0));
                    let g1 = numerust_core::reduce::mean(&t);
                    return ptp / (1.0 + n.log2() + (1.0 + g1.abs() / sg1).log2());
                }
            }
            0.0
        }
        Bins::Stone => {
            if x.len() <= 1 || ptp == 0.0 {
                return 0.0;
            }
            let upper = 100usize.max(n.sqrt() as usize);
            let jhat = |nbins: usize| {
                let hh = ptp / nbins as f64;
                let edges = linspace(range.0, range.1, nbins + 1, true).expect("nbins >= 1");
                let edges = edges.as_slice().expect("contiguous");
                let mut counts = vec![0i64; nbins];
                uniform_bins(x, range.0, range.1, edges, |b, _| counts[b] += 1);
                let dot: f64 = counts
                    .iter()
                    .map(|&c| (c as f64 / n) * (c as f64 / n))
                    .sum();
                (2.0 - (n + 1.0) * dot) / hh
            };
            let mut best = (f64::INFINITY, 1usize);
            for nb in 1..=upper {
                let j = jhat(nb);
                if j < best.0 {
                    best = (j, nb);
                }
            }
            ptp / best.1 as f64
        }
        Bins::Count(_) | Bins::Edges(_) => unreachable!("not an estimator"),
    }
}

/// Edges, plus `(first, last)` when the bins are of equal width.
type Edges = (Vec<f64>, Option<(f64, f64)>);

/// The edges, plus `(first, last)` when the bins are of equal width.
fn bin_edges(
    x: &[f64],
    integer: bool,
    bins: Bins<'_>,
    range: Option<(f64, f64)>,
) -> NdResult<Edges> {
    let count = match bins {
        Bins::Edges(e) => {
            if e.windows(2).any(|w| w[0] > w[1]) {
                return Err(NdError::InvalidValue(
                    "`bins` must increase monotonically, when an array".into(),
                ));
            }
            return Ok((e.to_vec(), None));
        }
        Bins::Count(0) => {
            return Err(NdError::InvalidValue(
                "`bins` must be positive, when an integer".into(),
            ));
        }
        Bins::Count(n) => n,
        est => {
            let (first, last) = outer_edges(x, range)?;
            let kept: Vec<f64>;
            let data = if range.is_some() {
                kept = x
                    .iter()
                    .copied()
                    .filter(|&v| v >= first && v <= last)
                    .collect();
                &kept[..]
            } else {
                x
            };
            if data.is_empty() {
                1
            } else {
                let mut w = estimator_width(data, est, (first, last));
                if w != 0.0 && !w.is_nan() {
                    if integer && w < 1.0 {
                        w = 1.0;
                    }
                    ((last - first) / w).ceil() as usize
                } else {
                    1
                }
            }
        }
    };
    let (first, last) = outer_edges(x, range)?;
    let edges = linspace(first, last, count + 1, true)?.into_vec();
    if edges.windows(2).any(|w| w[0] >= w[1]) {
        return Err(NdError::InvalidValue(format!(
            "Too many bins for data range. Cannot create {count} finite-sized bins."
        )));
    }
    Ok((edges, Some((first, last))))
}

/// The elements as `f64`, in C order: borrowed when `a` already is a contiguous `f64`
/// array, converted (from a contiguous slice when there is one) otherwise.
fn as_f64s<T: StatElement>(a: &impl AsView<T>) -> std::borrow::Cow<'_, [f64]> {
    let v = a.as_view();
    match v.as_slice() {
        Some(s) if T::DTYPE == numerust_core::DType::Float64 => {
            std::borrow::Cow::Borrowed(bytemuck::cast_slice(s))
        }
        Some(s) => s.iter().map(|x| x.as_f64()).collect(),
        None => v.iter().map(|x| x.as_f64()).collect(),
    }
}

fn is_integer<T: StatElement>() -> bool {
    !matches!(
        T::DTYPE,
        numerust_core::DType::Float32 | numerust_core::DType::Float64
    )
}

/// Counts per bin, in NumPy's way for equal and unequal bins.
fn counts(x: &[f64], edges: &[f64], uniform: Option<(f64, f64)>) -> Vec<i64> {
    let mut c = vec![0i64; edges.len().saturating_sub(1)];
    match uniform {
        Some((first, last)) => uniform_bins(x, first, last, edges, |b, _| c[b] += 1),
        None => {
            for &v in x {
                if let Some(b) = edge_bin(edges, v) {
                    c[b] += 1;
                }
            }
        }
    }
    c
}

/// Weighted sums per bin: per 65536-element block in element order, blocks added in order.
fn weighted(x: &[f64], w: &[f64], edges: &[f64], uniform: Option<(f64, f64)>) -> Vec<f64> {
    let nb = edges.len().saturating_sub(1);
    let mut total = vec![0.0f64; nb];
    let mut part = vec![0.0f64; nb];
    for (xb, wb) in x.chunks(BLOCK).zip(w.chunks(BLOCK)) {
        part.fill(0.0);
        match uniform {
            Some((first, last)) => uniform_bins(xb, first, last, edges, |b, i| part[b] += wb[i]),
            None => {
                for (&v, &wt) in xb.iter().zip(wb) {
                    if let Some(b) = edge_bin(edges, v) {
                        part[b] += wt;
                    }
                }
            }
        }
        for (t, p) in total.iter_mut().zip(&part) {
            *t += p;
        }
    }
    total
}

/// Counts of the flattened `a` per bin, and the bin edges
/// (NumPy: `np.histogram(a, bins, range)`).
///
/// # Errors
/// `InvalidValue` with NumPy's messages: a reversed or non-finite range, non-increasing
/// edges, zero bins, or a non-finite data range when none is given.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{Bins, histogram};
/// let a = array(&[1.0, 2.0, 1.0]).unwrap();
/// let (counts, edges) = histogram(&a, Bins::Edges(&[0.0, 1.0, 2.0, 3.0]), None).unwrap();
/// assert_eq!(counts.to_vec(), [0, 2, 1]);
/// assert_eq!(edges.to_vec(), [0.0, 1.0, 2.0, 3.0]);
/// ```
pub fn histogram<T: StatElement>(
    a: &impl AsView<T>,
    bins: Bins<'_>,
    range: Option<(f64, f64)>,
) -> NdResult<(NdArray<i64>, NdArray<f64>)> {
    let x = as_f64s(a);
    let (edges, uniform) = bin_edges(&x, is_integer::<T>(), bins, range)?;
    let c = if x.len() >= 1 << 20 && uniform.is_some() {
        par_counts(&x, &edges, uniform)
    } else {
        counts(&x, &edges, uniform)
    };
    Ok((NdArray::from_vec(c), NdArray::from_vec(edges)))
}

/// Integer counts add exactly, so threads may split the data anywhere.
fn par_counts(x: &[f64], edges: &[f64], uniform: Option<(f64, f64)>) -> Vec<i64> {
    use rayon::prelude::*;
    x.par_chunks(1 << 18)
        .map(|c| counts(c, edges, uniform))
        .reduce(
            || vec![0i64; edges.len() - 1],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        )
}

/// Weighted sums of the flattened `a` per bin, and the edges
/// (NumPy: `np.histogram(a, bins, range, weights=w)`).
///
/// # Errors
/// As [`histogram`]; `ShapeMismatch` when `weights` differs in size; `InvalidValue` for an
/// estimator with weights (NumPy's `TypeError`).
pub fn histogram_weighted<T: StatElement>(
    a: &impl AsView<T>,
    bins: Bins<'_>,
    range: Option<(f64, f64)>,
    weights: &impl AsView<f64>,
) -> NdResult<(NdArray<f64>, NdArray<f64>)> {
    let x = as_f64s(a);
    let w = weights.as_view().to_vec();
    if w.len() != x.len() {
        return Err(NdError::ShapeMismatch(
            "weights should have the same shape as a.".into(),
        ));
    }
    if !matches!(bins, Bins::Count(_) | Bins::Edges(_)) {
        return Err(NdError::InvalidValue(
            "Automated estimation of the number of bins is not supported for weighted data".into(),
        ));
    }
    let (edges, uniform) = bin_edges(&x, is_integer::<T>(), bins, range)?;
    let s = weighted(&x, &w, &edges, uniform);
    Ok((NdArray::from_vec(s), NdArray::from_vec(edges)))
}

/// The histogram as a probability density (integral 1), and the edges
/// (NumPy: `np.histogram(a, bins, range, density=True, weights=)`).
///
/// # Errors
/// As [`histogram_weighted`].
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{Bins, histogram_density};
/// let a = array(&[0.5, 1.5, 1.5, 2.5]).unwrap();
/// let (d, _) = histogram_density(&a, Bins::Count(3), None, None).unwrap();
/// let widths = 2.0 / 3.0;
/// assert!((d.to_vec().iter().sum::<f64>() * widths - 1.0).abs() < 1e-12);
/// ```
pub fn histogram_density<T: StatElement>(
    a: &impl AsView<T>,
    bins: Bins<'_>,
    range: Option<(f64, f64)>,
    weights: Option<&NdArray<f64>>,
) -> NdResult<(NdArray<f64>, NdArray<f64>)> {
    let (n, edges) = match weights {
        Some(w) => histogram_weighted(a, bins, range, w)?,
        None => {
            let (c, e) = histogram(a, bins, range)?;
            (c.mapv(|v| v as f64), e)
        }
    };
    let total = numerust_core::reduce::sum(&n);
    let e = edges.to_vec();
    let d: Vec<f64> = n
        .to_vec()
        .iter()
        .zip(e.windows(2))
        .map(|(&c, w)| c / (w[1] - w[0]) / total)
        .collect();
    Ok((NdArray::from_vec(d), edges))
}

/// Only the bin edges [`histogram`] would use (NumPy: `np.histogram_bin_edges(a, bins,
/// range)`).
///
/// # Errors
/// As [`histogram`].
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{Bins, histogram_bin_edges};
/// let a = array(&[0.0, 1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(histogram_bin_edges(&a, Bins::Count(4), None).unwrap().to_vec(),
///            [0.0, 1.0, 2.0, 3.0, 4.0]);
/// ```
pub fn histogram_bin_edges<T: StatElement>(
    a: &impl AsView<T>,
    bins: Bins<'_>,
    range: Option<(f64, f64)>,
) -> NdResult<NdArray<f64>> {
    let x = as_f64s(a);
    Ok(NdArray::from_vec(
        bin_edges(&x, is_integer::<T>(), bins, range)?.0,
    ))
}

/// The 2-D histogram of points `(x[i], y[i])`: counts of shape `(nx, ny)` as `f64`, and the
/// edges along x and y (NumPy: `np.histogram2d(x, y, bins, range)`). Each `bins` entry is a
/// count or edges; the last bin of each axis includes its right edge.
///
/// # Errors
/// `ShapeMismatch` for x and y of different sizes; `InvalidValue` for an estimator, zero
/// bins or non-increasing edges.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{Bins, histogram2d};
/// let x = array(&[0.0, 1.0, 1.0, 2.0]).unwrap();
/// let y = array(&[0.0, 0.0, 2.0, 2.0]).unwrap();
/// let (h, _, _) = histogram2d(&x, &y, [Bins::Count(2), Bins::Count(2)], None).unwrap();
/// assert_eq!(h.to_vec(), [1.0, 0.0, 1.0, 2.0]);
/// ```
#[allow(clippy::type_complexity)]
pub fn histogram2d<T: StatElement>(
    x: &impl AsView<T>,
    y: &impl AsView<T>,
    bins: [Bins<'_>; 2],
    range: Option<[(f64, f64); 2]>,
) -> NdResult<(NdArray<f64>, NdArray<f64>, NdArray<f64>)> {
    let (xs, ys) = (as_f64s(x), as_f64s(y));
    if xs.len() != ys.len() {
        return Err(NdError::ShapeMismatch(
            "x and y must have the same length".into(),
        ));
    }
    let mut edges: Vec<Vec<f64>> = Vec::with_capacity(2);
    for (d, data) in [&xs, &ys].into_iter().enumerate() {
        let e = match bins[d] {
            Bins::Edges(e) => {
                if e.windows(2).any(|w| w[0] > w[1]) {
                    return Err(NdError::InvalidValue(format!(
                        "`bins[{d}]` must be monotonically increasing, when an array"
                    )));
                }
                e.to_vec()
            }
            Bins::Count(0) => {
                return Err(NdError::InvalidValue(format!(
                    "`bins[{d}]` must be positive, when an integer"
                )));
            }
            Bins::Count(n) => {
                let (lo, hi) = outer_edges(data, range.map(|r| r[d]))?;
                linspace(lo, hi, n + 1, true)?.into_vec()
            }
            _ => {
                return Err(NdError::InvalidValue(
                    "histogram2d takes bin counts or edges".into(),
                ));
            }
        };
        edges.push(e);
    }
    let (nx, ny) = (edges[0].len() - 1, edges[1].len() - 1);
    let mut h = vec![0.0f64; nx * ny];
    // NumPy's histogramdd: searchsorted(edges, v, 'right'), the last edge counted inside.
    let bin = |e: &[f64], v: f64| -> Option<usize> {
        let mut k = e.partition_point(|&b| b <= v);
        if v == e[e.len() - 1] {
            k -= 1;
        }
        (k >= 1 && k < e.len()).then(|| k - 1)
    };
    for (&a, &b) in xs.iter().zip(ys.iter()) {
        if let (Some(i), Some(j)) = (bin(&edges[0], a), bin(&edges[1], b)) {
            h[i * ny + j] += 1.0;
        }
    }
    let [ex, ey]: [Vec<f64>; 2] = edges.try_into().expect("two axes");
    Ok((
        NdArray::from_shape_vec(&[nx, ny], h)?,
        NdArray::from_vec(ex),
        NdArray::from_vec(ey),
    ))
}
