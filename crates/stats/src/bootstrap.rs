//! Bootstrap resampling of a statistic, with the caller's seeded generator.
//!
//! [`bootstrap`] draws `n_resamples` samples of the rows of `data` with replacement and
//! evaluates a statistic on each. Indices come from any `FnMut(usize) -> usize` sampler
//! (e.g. one replaying NumPy's `rng.integers(0, n, n)`), or from any `rand::Rng` through
//! [`bootstrap_rng`] (numerust-random's `Generator` is one), so results repeat exactly for
//! a seed. [`percentile_interval`] turns the resampled statistics into a percentile
//! confidence interval (SciPy's `bootstrap(method='percentile')`).

use crate::float::StatElement;
use crate::quantile::{QuantileOptions, quantile_with};
use numerust_core::{AsView, Element, NdArray, NdError, NdResult};

/// An index below `n` from `rng`, unbiased (Lemire's multiply-and-reject).
pub fn index_below<R: rand::Rng + ?Sized>(rng: &mut R, n: usize) -> usize {
    let n = n as u64;
    loop {
        let m = (rng.next_u64() as u128) * (n as u128);
        let low = m as u64;
        if low >= n || low >= n.wrapping_neg() % n {
            return (m >> 64) as usize;
        }
    }
}

/// The statistic of `n_resamples` resamples (rows of `data` along axis 0, drawn with
/// replacement by `sample_index(n_rows)`); each resample has `data`'s shape.
///
/// # Errors
/// `Empty` for 0-d or empty `data`; errors of `statistic` pass through.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::bootstrap;
/// let data = array(&[1.0, 2.0, 3.0, 4.0]).unwrap();
/// let mut k = 0;
/// // a fixed "sampler": 0, 1, 2, 3, 0, 1, ...
/// let stats = bootstrap(&data, 2, |n| { k += 1; (k - 1) % n }, |s| {
///     Ok(numerust_core::reduce::mean(s))
/// }).unwrap();
/// assert_eq!(stats.to_vec(), [2.5, 2.5]);
/// ```
pub fn bootstrap<T: Element, S: Element>(
    data: &impl AsView<T>,
    n_resamples: usize,
    mut sample_index: impl FnMut(usize) -> usize,
    mut statistic: impl FnMut(&NdArray<T>) -> NdResult<S>,
) -> NdResult<NdArray<S>> {
    let d = data.as_view();
    if d.ndim() == 0 || d.shape()[0] == 0 {
        return Err(NdError::Empty(
            "bootstrap needs at least one observation".into(),
        ));
    }
    let rows = d.shape()[0];
    let width = d.size() / rows;
    let flat = d.to_vec();
    let mut out = Vec::with_capacity(n_resamples);
    let mut buf = Vec::with_capacity(flat.len());
    for _ in 0..n_resamples {
        buf.clear();
        for _ in 0..rows {
            let r = sample_index(rows);
            if r >= rows {
                return Err(NdError::IndexOutOfBounds {
                    index: r as isize,
                    axis: 0,
                    len: rows,
                });
            }
            buf.extend_from_slice(&flat[r * width..(r + 1) * width]);
        }
        let sample = NdArray::from_shape_vec(d.shape(), buf.clone())?;
        out.push(statistic(&sample)?);
    }
    Ok(NdArray::from_vec(out))
}

/// [`bootstrap`] with indices from a random generator (seeded by the caller).
///
/// # Errors
/// As [`bootstrap`].
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{bootstrap_rng, median};
/// use rand::SeedableRng;
/// let data = array(&[1.0, 2.0, 3.0, 4.0, 100.0]).unwrap();
/// let mut rng = rand::rngs::StdRng::seed_from_u64(7);
/// let a = bootstrap_rng(&data, 50, &mut rng, |s| Ok(median(s))).unwrap();
/// let mut rng = rand::rngs::StdRng::seed_from_u64(7);
/// let b = bootstrap_rng(&data, 50, &mut rng, |s| Ok(median(s))).unwrap();
/// assert_eq!(a.to_vec(), b.to_vec()); // same seed, same resamples
/// ```
pub fn bootstrap_rng<T: Element, S: Element, R: rand::Rng + ?Sized>(
    data: &impl AsView<T>,
    n_resamples: usize,
    rng: &mut R,
    statistic: impl FnMut(&NdArray<T>) -> NdResult<S>,
) -> NdResult<NdArray<S>> {
    bootstrap(data, n_resamples, |n| index_below(rng, n), statistic)
}

/// The percentile confidence interval `(low, high)` at `confidence` (e.g. 0.95) of
/// resampled statistics: their `(1 - c) / 2` and `(1 + c) / 2` quantiles (linear).
///
/// # Errors
/// `InvalidValue` for `confidence` outside [0, 1]; `IndexOutOfBounds` for no statistics.
pub fn percentile_interval<T: StatElement>(
    stats: &impl AsView<T>,
    confidence: f64,
) -> NdResult<(T::Float, T::Float)> {
    let alpha = (1.0 - confidence) / 2.0;
    let q = quantile_with(stats, &[alpha, 1.0 - alpha], QuantileOptions::default())?.into_vec();
    Ok((q[0], q[1]))
}
