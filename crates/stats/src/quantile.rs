//! `quantile`, `percentile`, `median` and their nan* twins, with all of NumPy's methods.
//!
//! NumPy → numerust (`F` is the float type: `f32` for `f32` input, else `f64`):
//! - `np.median(a)` → [`median`]; `np.median(a, axis, keepdims=)` → [`median_with`].
//! - `np.quantile(a, q)` → [`quantile`]; `np.quantile(a, q_array, axis=, method=,
//!   keepdims=)` → [`quantile_with`] (the result has a leading axis for `q`, like NumPy's
//!   for an array `q`). `percentile*` take `q` in percent; `nan*` skip NaNs.
//!
//! Each lane is copied and only the order statistics needed are selected (introselect,
//! O(n) per `q`), never a full sort. The virtual index, the neighbours and the
//! interpolation weight are computed with NumPy's own formulas and operation order
//! (`_quantile`, `_get_indexes`, `_lerp`), so `f64` results are NumPy's bits. A lane with a
//! NaN gives NaN (nan* versions drop NaNs first; an all-NaN lane gives NaN). Integer input
//! gives `f64` (NumPy keeps the integer dtype for the discontinuous methods; the values
//! are the same).

use crate::float::{StatElement, StatFloat};
use crate::lanes::Lanes;
use crate::partition::select_many;
use numerust_core::{AsView, NdArray, NdError, NdResult};
use std::str::FromStr;

/// NumPy's `method=` of `quantile`/`percentile` (H&F = Hyndman and Fan's numbering).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuantileMethod {
    /// H&F 1: the first value whose cumulative weight reaches `q`.
    InvertedCdf,
    /// H&F 2: as `InvertedCdf`, averaging at discontinuities.
    AveragedInvertedCdf,
    /// H&F 3: the nearest observation, even order statistic at ties.
    ClosestObservation,
    /// H&F 4: linear interpolation of the empirical CDF.
    InterpolatedInvertedCdf,
    /// H&F 5: piecewise linear, nodes at the midpoints.
    Hazen,
    /// H&F 6: nodes at `k / (n + 1)`.
    Weibull,
    /// H&F 7, NumPy's default: `(n - 1) q`, linear interpolation.
    #[default]
    Linear,
    /// H&F 8: approximately median-unbiased.
    MedianUnbiased,
    /// H&F 9: approximately unbiased for normal data.
    NormalUnbiased,
    /// The lower neighbour of `(n - 1) q`.
    Lower,
    /// The higher neighbour of `(n - 1) q`.
    Higher,
    /// The mean of the two neighbours.
    Midpoint,
    /// The nearest neighbour (ties to the even index, as `np.around`).
    Nearest,
}

impl QuantileMethod {
    /// Every method, in NumPy's order.
    pub const ALL: [QuantileMethod; 13] = [
        QuantileMethod::InvertedCdf,
        QuantileMethod::AveragedInvertedCdf,
        QuantileMethod::ClosestObservation,
        QuantileMethod::InterpolatedInvertedCdf,
        QuantileMethod::Hazen,
        QuantileMethod::Weibull,
        QuantileMethod::Linear,
        QuantileMethod::MedianUnbiased,
        QuantileMethod::NormalUnbiased,
        QuantileMethod::Lower,
        QuantileMethod::Higher,
        QuantileMethod::Midpoint,
        QuantileMethod::Nearest,
    ];

    /// NumPy's name, e.g. `"median_unbiased"`.
    pub fn name(self) -> &'static str {
        match self {
            QuantileMethod::InvertedCdf => "inverted_cdf",
            QuantileMethod::AveragedInvertedCdf => "averaged_inverted_cdf",
            QuantileMethod::ClosestObservation => "closest_observation",
            QuantileMethod::InterpolatedInvertedCdf => "interpolated_inverted_cdf",
            QuantileMethod::Hazen => "hazen",
            QuantileMethod::Weibull => "weibull",
            QuantileMethod::Linear => "linear",
            QuantileMethod::MedianUnbiased => "median_unbiased",
            QuantileMethod::NormalUnbiased => "normal_unbiased",
            QuantileMethod::Lower => "lower",
            QuantileMethod::Higher => "higher",
            QuantileMethod::Midpoint => "midpoint",
            QuantileMethod::Nearest => "nearest",
        }
    }
}

impl FromStr for QuantileMethod {
    type Err = NdError;
    /// NumPy's method names.
    fn from_str(s: &str) -> NdResult<QuantileMethod> {
        QuantileMethod::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| NdError::InvalidValue(format!("'{s}' is not a valid method.")))
    }
}

/// Axis, method and `keepdims` for [`quantile_with`] and friends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuantileOptions {
    /// `None`: over all elements; `Some(k)`: along axis `k`.
    pub axis: Option<isize>,
    /// The estimation method.
    pub method: QuantileMethod,
    /// Keep the reduced axis (axes) with length 1.
    pub keepdims: bool,
}

/// Where one quantile is read: `(lower index, upper index, weight of the upper)`, or one
/// index for the methods that pick an observation.
#[derive(Clone, Copy, Debug)]
enum Pick {
    One(usize),
    Lerp(usize, usize, f64),
}

/// NumPy's `_quantile` index arithmetic for `q` in a lane of `n >= 1` values.
fn pick(n: usize, q: f64, method: QuantileMethod) -> Pick {
    use QuantileMethod as M;
    let nf = n as f64;
    let clip = |i: f64| -> usize { (i.max(0.0) as usize).min(n - 1) };
    // `_discrete_interpolation_to_boundaries`: previous when `cond`, else previous + 1.
    let boundary = |index: f64, odd_rule: bool| -> usize {
        let previous = index.floor();
        let gamma = index - previous;
        let cond = gamma == 0.0 && (!odd_rule || previous.rem_euclid(2.0) == 1.0);
        clip(if cond { previous } else { previous + 1.0 })
    };
    let virtual_index = |alpha: f64, beta: f64| nf * q + (alpha + q * (1.0 - alpha - beta)) - 1.0;
    let v = match method {
        M::InvertedCdf => return Pick::One(boundary(nf * q - 1.0, false)),
        M::ClosestObservation => return Pick::One(boundary(nf * q - 1.0 - 0.5, true)),
        M::Lower => return Pick::One(clip(((nf - 1.0) * q).floor())),
        M::Higher => return Pick::One(clip(((nf - 1.0) * q).ceil())),
        M::Nearest => return Pick::One(clip(((nf - 1.0) * q).round_ties_even())),
        M::Linear => (nf - 1.0) * q,
        M::AveragedInvertedCdf => nf * q - 1.0,
        M::Midpoint => 0.5 * (((nf - 1.0) * q).floor() + ((nf - 1.0) * q).ceil()),
        M::InterpolatedInvertedCdf => virtual_index(0.0, 1.0),
        M::Hazen => virtual_index(0.5, 0.5),
        M::Weibull => virtual_index(0.0, 0.0),
        M::MedianUnbiased => virtual_index(1.0 / 3.0, 1.0 / 3.0),
        M::NormalUnbiased => virtual_index(3.0 / 8.0, 3.0 / 8.0),
    };
    // `_get_indexes`: neighbours clamped to the ends (as NumPy, gamma uses the clamped one).
    let (prev, next, prev_f) = if v >= nf - 1.0 {
        (n - 1, n - 1, -1.0)
    } else if v < 0.0 {
        (0, 0, 0.0)
    } else {
        let p = v.floor();
        (p as usize, p as usize + 1, p)
    };
    let mut gamma = v - prev_f;
    match method {
        M::AveragedInvertedCdf => gamma = if gamma == 0.0 { 0.5 } else { 1.0 },
        M::Midpoint => gamma = if v % 1.0 == 0.0 { 0.0 } else { 0.5 },
        _ => {}
    }
    Pick::Lerp(prev, next, gamma)
}

/// NumPy's `_lerp`: `a + (b - a) t`, or `b - (b - a)(1 - t)` when `t >= 0.5`.
#[inline]
fn lerp<F: StatFloat>(a: F, b: F, t: f64) -> F {
    let d = b - a;
    if t >= 0.5 {
        b - d * F::from_f64(1.0 - t)
    } else {
        a + d * F::from_f64(t)
    }
}

/// Quantiles of one lane (reordered in place) into `out`, one per `q`.
fn lane_quantiles<T: StatElement>(
    l: &mut [T],
    qs: &[f64],
    method: QuantileMethod,
    skip_nan: bool,
    out: &mut [T::Float],
) {
    let nan = <T::Float as numerust_core::reduce::FloatElement>::NAN;
    let n = if skip_nan {
        // Move the numbers to the front, keeping the count.
        let mut k = 0;
        for i in 0..l.len() {
            if !l[i].isnan() {
                l.swap(i, k);
                k += 1;
            }
        }
        k
    } else if l.iter().any(|x| x.isnan()) {
        out.fill(nan);
        return;
    } else {
        l.len()
    };
    if n == 0 {
        out.fill(nan);
        return;
    }
    let l = &mut l[..n];
    let picks: Vec<Pick> = qs.iter().map(|&q| pick(n, q, method)).collect();
    let mut ks: Vec<usize> = Vec::with_capacity(2 * picks.len());
    for p in &picks {
        match *p {
            Pick::One(i) => ks.push(i),
            Pick::Lerp(i, j, _) => ks.extend([i, j]),
        }
    }
    ks.sort_unstable();
    ks.dedup();
    select_many(l, &ks, |x| x.to_key());
    for (o, p) in out.iter_mut().zip(picks) {
        *o = match p {
            Pick::One(i) => l[i].to_float(),
            Pick::Lerp(i, j, t) => lerp(l[i].to_float(), l[j].to_float(), t),
        };
    }
}

fn check_q(qs: &[f64], percent: bool) -> NdResult<()> {
    if qs.iter().all(|q| (0.0..=1.0).contains(q)) {
        Ok(())
    } else if percent {
        Err(NdError::InvalidValue(
            "Percentiles must be in the range [0, 100]".into(),
        ))
    } else {
        Err(NdError::InvalidValue(
            "Quantiles must be in the range [0, 1]".into(),
        ))
    }
}

/// The shared body: quantiles `qs` (in [0, 1]) along `opts.axis`; shape `[len(qs)] + rest`.
fn quantiles<T: StatElement>(
    a: &impl AsView<T>,
    qs: &[f64],
    opts: QuantileOptions,
    skip_nan: bool,
) -> NdResult<NdArray<T::Float>> {
    let a = a.as_view();
    let mut lanes = Lanes::new(&a, opts.axis)?;
    if lanes.len == 0 && lanes.count() > 0 {
        return Err(NdError::IndexOutOfBounds {
            index: -1,
            axis: 0,
            len: 0,
        });
    }
    let nq = qs.len();
    let per_lane = lanes.map(nq, |l, o| lane_quantiles(l, qs, opts.method, skip_nan, o));
    // per_lane is (lanes, q); NumPy puts q first.
    let count = lanes.count();
    let mut data = Vec::with_capacity(per_lane.len());
    for qi in 0..nq {
        data.extend((0..count).map(|li| per_lane[li * nq + qi]));
    }
    let mut shape = vec![nq];
    shape.extend(reduced_shape(&lanes, a.ndim(), opts.keepdims));
    NdArray::from_shape_vec(&shape, data)
}

/// The shape left after reducing the lane axis (kept as 1 with `keepdims`).
fn reduced_shape<T: numerust_core::Element>(
    lanes: &Lanes<T>,
    ndim: usize,
    keepdims: bool,
) -> Vec<usize> {
    match (lanes.axis, keepdims) {
        (_, false) => lanes.outer.clone(),
        (None, true) => vec![1; ndim],
        (Some(ax), true) => {
            let mut s = lanes.outer.clone();
            s.insert(ax, 1);
            s
        }
    }
}

/// The `q`-th quantile of all elements, linear method (NumPy: `np.quantile(a, q)`).
///
/// # Errors
/// `InvalidValue` for `q` outside [0, 1]; `IndexOutOfBounds` for empty input.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::quantile;
/// let a = array(&[[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]]).unwrap();
/// assert_eq!(quantile(&a, 0.5).unwrap(), 3.5);
/// ```
pub fn quantile<T: StatElement>(a: &impl AsView<T>, q: f64) -> NdResult<T::Float> {
    check_q(&[q], false)?;
    Ok(quantiles(a, &[q], QuantileOptions::default(), false)?.into_vec()[0])
}

/// Quantiles `q` (each in [0, 1]) with an axis, method and keepdims
/// (NumPy: `np.quantile(a, q, axis=, method=, keepdims=)`); the result's first axis runs
/// over `q`.
///
/// # Errors
/// `InvalidValue` for `q` outside [0, 1]; `AxisOutOfBounds`; `IndexOutOfBounds` for an
/// empty lane.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{QuantileMethod, QuantileOptions, quantile_with};
/// let a = array(&[[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]]).unwrap();
/// let opts = QuantileOptions { axis: Some(1), method: QuantileMethod::Lower, keepdims: false };
/// let r = quantile_with(&a, &[0.5, 1.0], opts).unwrap();
/// assert_eq!(r.shape(), &[2, 2]);
/// assert_eq!(r.to_vec(), [7.0, 2.0, 10.0, 3.0]);
/// ```
pub fn quantile_with<T: StatElement>(
    a: &impl AsView<T>,
    q: &[f64],
    opts: QuantileOptions,
) -> NdResult<NdArray<T::Float>> {
    check_q(q, false)?;
    quantiles(a, q, opts, false)
}

/// The `q`-th percentile of all elements, linear method (NumPy: `np.percentile(a, q)`).
///
/// # Errors
/// `InvalidValue` for `q` outside [0, 100]; `IndexOutOfBounds` for empty input.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::percentile;
/// let a = array(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
/// assert_eq!(percentile(&a, 90.0).unwrap(), 4.6);
/// ```
pub fn percentile<T: StatElement>(a: &impl AsView<T>, q: f64) -> NdResult<T::Float> {
    let q = [q / 100.0];
    check_q(&q, true)?;
    Ok(quantiles(a, &q, QuantileOptions::default(), false)?.into_vec()[0])
}

/// Percentiles `q` (each in [0, 100]) with an axis, method and keepdims
/// (NumPy: `np.percentile(a, q, axis=, method=, keepdims=)`).
///
/// # Errors
/// As [`quantile_with`], with the range [0, 100].
pub fn percentile_with<T: StatElement>(
    a: &impl AsView<T>,
    q: &[f64],
    opts: QuantileOptions,
) -> NdResult<NdArray<T::Float>> {
    let q: Vec<f64> = q.iter().map(|&x| x / 100.0).collect();
    check_q(&q, true)?;
    quantiles(a, &q, opts, false)
}

/// [`quantile`] ignoring NaNs (NumPy: `np.nanquantile(a, q)`); NaN when all are NaN.
///
/// # Errors
/// As [`quantile`].
pub fn nanquantile<T: StatElement>(a: &impl AsView<T>, q: f64) -> NdResult<T::Float> {
    check_q(&[q], false)?;
    Ok(quantiles(a, &[q], QuantileOptions::default(), true)?.into_vec()[0])
}

/// [`quantile_with`] ignoring NaNs (NumPy: `np.nanquantile(a, q, axis=, method=,
/// keepdims=)`).
///
/// # Errors
/// As [`quantile_with`].
pub fn nanquantile_with<T: StatElement>(
    a: &impl AsView<T>,
    q: &[f64],
    opts: QuantileOptions,
) -> NdResult<NdArray<T::Float>> {
    check_q(q, false)?;
    quantiles(a, q, opts, true)
}

/// [`percentile`] ignoring NaNs (NumPy: `np.nanpercentile(a, q)`).
///
/// # Errors
/// As [`percentile`].
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::nanpercentile;
/// let a = array(&[1.0, f64::NAN, 3.0]).unwrap();
/// assert_eq!(nanpercentile(&a, 50.0).unwrap(), 2.0);
/// ```
pub fn nanpercentile<T: StatElement>(a: &impl AsView<T>, q: f64) -> NdResult<T::Float> {
    let q = [q / 100.0];
    check_q(&q, true)?;
    Ok(quantiles(a, &q, QuantileOptions::default(), true)?.into_vec()[0])
}

/// [`percentile_with`] ignoring NaNs (NumPy: `np.nanpercentile(a, q, axis=, method=,
/// keepdims=)`).
///
/// # Errors
/// As [`percentile_with`].
pub fn nanpercentile_with<T: StatElement>(
    a: &impl AsView<T>,
    q: &[f64],
    opts: QuantileOptions,
) -> NdResult<NdArray<T::Float>> {
    let q: Vec<f64> = q.iter().map(|&x| x / 100.0).collect();
    check_q(&q, true)?;
    quantiles(a, &q, opts, true)
}

/// The median of one lane (reordered in place): NumPy's mean of the middle one or two.
fn lane_median<T: StatElement>(l: &mut [T], skip_nan: bool) -> T::Float {
    let nan = <T::Float as numerust_core::reduce::FloatElement>::NAN;
    let n = if skip_nan {
        let mut k = 0;
        for i in 0..l.len() {
            if !l[i].isnan() {
                l.swap(i, k);
                k += 1;
            }
        }
        k
    } else if l.iter().any(|x| x.isnan()) {
        return nan;
    } else {
        l.len()
    };
    if n == 0 {
        return nan;
    }
    let l = &mut l[..n];
    let h = n / 2;
    let (left, hi, _) = l.select_nth_unstable_by_key(h, |x| x.to_key());
    let hi = hi.to_float();
    if n % 2 == 1 {
        return hi;
    }
    let lo = left
        .iter()
        .copied()
        .max_by_key(|x| x.to_key())
        .expect("n >= 2")
        .to_float();
    (lo + hi) / <T::Float as StatFloat>::from_f64(2.0)
}

/// The median of all elements (NumPy: `np.median(a)`); NaN for empty input or any NaN.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::median;
/// let a = array(&[[10, 7, 4], [3, 2, 1]]).unwrap();
/// assert_eq!(median(&a), 3.5);
/// ```
pub fn median<T: StatElement>(a: &impl AsView<T>) -> T::Float {
    median_with(a, None, false)
        .expect("no axis to be out of bounds")
        .into_vec()[0]
}

/// The median along `axis` (`None`: all elements), keeping the axis as 1 with `keepdims`
/// (NumPy: `np.median(a, axis, keepdims=)`).
///
/// # Errors
/// `AxisOutOfBounds`.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::median_with;
/// let a = array(&[[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]]).unwrap();
/// assert_eq!(median_with(&a, Some(0), false).unwrap().to_vec(), [6.5, 4.5, 2.5]);
/// ```
pub fn median_with<T: StatElement>(
    a: &impl AsView<T>,
    axis: Option<isize>,
    keepdims: bool,
) -> NdResult<NdArray<T::Float>> {
    medians(a, axis, keepdims, false)
}

/// [`median`] ignoring NaNs (NumPy: `np.nanmedian(a)`); NaN when all are NaN.
pub fn nanmedian<T: StatElement>(a: &impl AsView<T>) -> T::Float {
    medians(a, None, false, true)
        .expect("no axis to be out of bounds")
        .into_vec()[0]
}

/// [`median_with`] ignoring NaNs (NumPy: `np.nanmedian(a, axis, keepdims=)`).
///
/// # Errors
/// `AxisOutOfBounds`.
pub fn nanmedian_with<T: StatElement>(
    a: &impl AsView<T>,
    axis: Option<isize>,
    keepdims: bool,
) -> NdResult<NdArray<T::Float>> {
    medians(a, axis, keepdims, true)
}

fn medians<T: StatElement>(
    a: &impl AsView<T>,
    axis: Option<isize>,
    keepdims: bool,
    skip_nan: bool,
) -> NdResult<NdArray<T::Float>> {
    let a = a.as_view();
    let mut lanes = Lanes::new(&a, axis)?;
    let out = lanes.map(1, |l, o| o[0] = lane_median(l, skip_nan));
    NdArray::from_shape_vec(&reduced_shape(&lanes, a.ndim(), keepdims), out)
}
