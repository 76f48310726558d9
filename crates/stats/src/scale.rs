//! Column helpers for analysis: z-scores, min-max scaling and a `describe` summary.
//!
//! Not NumPy functions but the everyday ones built from them: [`zscore`] is
//! `scipy.stats.zscore` (`(a - a.mean(axis)) / a.std(axis, ddof)`), [`minmax_scale`] is
//! scikit-learn's `minmax_scale` (`(a - min) / (max - min)`, constant lanes scaled by 1),
//! [`describe`] is pandas' `DataFrame.describe()` per column (count, mean, std with
//! `ddof=1`, min, quartiles, max; NaNs skipped). Means and standard deviations come from
//! core's reductions, so they are NumPy's bits.

use crate::float::{StatElement, StatFloat};
use crate::quantile::{QuantileOptions, nanquantile_with};
use numerust_core::reduce::{
    VarOptions, max_axes, mean_axes, min_axes, nanmax_axes, nanmean_axes, nanmin_axes, nanstd_with,
    std_with,
};
use numerust_core::{AsView, NdArray, NdError, NdResult};

fn axes_of(ndim: usize, axis: Option<isize>) -> Vec<isize> {
    match axis {
        Some(a) => vec![a],
        None => (0..ndim as isize).collect(),
    }
}

/// Standard scores along `axis` (`None`: over all elements): `(a - mean) / std` with
/// `ddof` (SciPy: `scipy.stats.zscore(a, axis, ddof)`). A constant lane gives NaN, as SciPy.
///
/// # Errors
/// `AxisOutOfBounds`.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::zscore;
/// let a = array(&[1.0, 2.0, 3.0]).unwrap();
/// let z: Vec<f64> = zscore(&a, Some(0), 0).unwrap().to_vec();
/// assert!((z[0] + 1.224744871391589).abs() < 1e-15 && z[1] == 0.0);
/// ```
pub fn zscore<T: StatElement>(
    a: &impl AsView<T>,
    axis: Option<isize>,
    ddof: usize,
) -> NdResult<NdArray<T::Float>> {
    let a = a.as_view();
    let axes = axes_of(a.ndim(), axis);
    let mn = mean_axes(&a, &axes, true)?;
    let sd = std_with(
        &a,
        &VarOptions {
            ddof,
            axes: Some(axes),
            keepdims: true,
        },
    )?;
    let centred = a.zip_with(&mn, |x, m| x.to_float() - m)?;
    centred.zip_with(&sd, |c, s| c / s)
}

/// Values scaled to [0, 1] along `axis` (`None`: over all elements):
/// `(a - min) / (max - min)`, a constant lane mapping to 0 (scikit-learn:
/// `minmax_scale(a, axis=axis)`). NaNs propagate.
///
/// # Errors
/// `AxisOutOfBounds`; `Empty` for an empty lane.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::minmax_scale;
/// let a = array(&[[1.0, 5.0], [3.0, 5.0]]).unwrap();
/// assert_eq!(minmax_scale(&a, Some(0)).unwrap().to_vec(), [0.0, 0.0, 1.0, 0.0]);
/// ```
pub fn minmax_scale<T: StatElement>(
    a: &impl AsView<T>,
    axis: Option<isize>,
) -> NdResult<NdArray<T::Float>> {
    let a = a.as_view();
    let axes = axes_of(a.ndim(), axis);
    let af = a.mapv(|x| x.to_float());
    let lo = min_axes(&af, &axes, true)?;
    let hi = max_axes(&af, &axes, true)?;
    let zero = <T::Float as StatFloat>::from_f64(0.0);
    let one = <T::Float as StatFloat>::from_f64(1.0);
    let range = hi.zip_with(&lo, |h, l| if h - l == zero { one } else { h - l })?;
    af.zip_with(&lo, |x, l| x - l)?
        .zip_with(&range, |d, r| d / r)
}

/// pandas' `describe()` summary, one entry per column.
#[derive(Clone, Debug)]
pub struct Describe {
    /// Non-NaN values per column.
    pub count: NdArray<f64>,
    /// Mean (NaNs skipped).
    pub mean: NdArray<f64>,
    /// Standard deviation with `ddof = 1` (NaNs skipped).
    pub std: NdArray<f64>,
    /// Minimum.
    pub min: NdArray<f64>,
    /// 25th percentile (linear).
    pub q25: NdArray<f64>,
    /// Median.
    pub q50: NdArray<f64>,
    /// 75th percentile.
    pub q75: NdArray<f64>,
    /// Maximum.
    pub max: NdArray<f64>,
}

/// Count, mean, std, min, quartiles and max of each column of a 2-D array (a 1-D array is
/// one column), NaNs skipped (pandas: `pd.DataFrame(a).describe()`).
///
/// # Errors
/// `ShapeMismatch` for more than 2 dimensions.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::describe;
/// let a = array(&[[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, f64::NAN]]).unwrap();
/// let d = describe(&a).unwrap();
/// assert_eq!(d.count.to_vec(), [4.0, 3.0]);
/// assert_eq!(d.q50.to_vec(), [2.5, 20.0]);
/// assert_eq!(d.max.to_vec(), [4.0, 30.0]);
/// ```
pub fn describe<T: StatElement>(a: &impl AsView<T>) -> NdResult<Describe> {
    let a = a.as_view();
    if a.ndim() > 2 {
        return Err(NdError::ShapeMismatch(
            "describe takes a 1-D or 2-D array".into(),
        ));
    }
    let x: NdArray<f64> = a.mapv(|v| v.as_f64());
    let x = if x.ndim() < 2 {
        x.reshape([x.size(), 1])?
    } else {
        x
    };
    let count = x.mapv(|v| !v.is_nan() as u8 as f64).view().to_owned();
    let count = numerust_core::reduce::sum_axis(&count, 0)?;
    let q = nanquantile_with(
        &x,
        &[0.25, 0.5, 0.75],
        QuantileOptions {
            axis: Some(0),
            ..Default::default()
        },
    )?;
    let cols = x.shape()[1];
    let qv = q.into_vec();
    let take = |k: usize| NdArray::from_vec(qv[k * cols..(k + 1) * cols].to_vec());
    let empty_safe =
        |r: NdResult<NdArray<f64>>| r.unwrap_or_else(|_| NdArray::from_vec(vec![f64::NAN; cols]));
    Ok(Describe {
        count,
        mean: nanmean_axes(&x, &[0], false)?,
        std: nanstd_with(
            &x,
            &VarOptions {
                ddof: 1,
                axes: Some(vec![0]),
                keepdims: false,
            },
        )?,
        min: empty_safe(nanmin_axes(&x, &[0], false)),
        q25: take(0),
        q50: take(1),
        q75: take(2),
        max: empty_safe(nanmax_axes(&x, &[0], false)),
    })
}
