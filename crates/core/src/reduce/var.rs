//! Variance and standard deviation (plain and nan*), with NumPy's `ddof`.
//!
//! NumPy computes `mean` first, then sums the squared deviations `(x - mean) * (x - mean)`
//! (no fused multiply-add) with its ordinary sum and divides by `max(n - ddof, 0)`. A
//! contiguous or single-strided full reduction fuses the deviation into the pairwise sum
//! (same operations, same order, no temporary); other cases build NumPy's temporary array.

use super::sum::{mean_axes, nan_counts_and_means, sum_axes};
use super::{AxisSet, FloatElement, MeanElement, finish, is_one_run};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::iter::runs::for_each_run;
use crate::ufunc::map_binary;
use numerust_kernels::reduce::pairwise_map;

/// Options of var/std and nanvar/nanstd (NumPy's keyword arguments).
///
/// `VarOptions { ddof: 1, ..Default::default() }` is NumPy's `ddof=1` over every axis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VarOptions {
    /// Delta degrees of freedom: the divisor is `n - ddof` (NumPy `ddof`).
    pub ddof: usize,
    /// Axes to reduce; `None` is every axis (NumPy `axis`).
    pub axes: Option<Vec<isize>>,
    /// Keep reduced axes as length 1 (NumPy `keepdims`).
    pub keepdims: bool,
}

fn all_axes(ndim: usize) -> Vec<isize> {
    (0..ndim as isize).collect()
}

#[inline(always)]
fn sq_dev<T: MeanElement>(x: T, m: T::Float) -> T::Float {
    let d = x.to_float() - m;
    d * d
}

/// The divisor NumPy uses: `max(n - ddof, 0)`.
fn divisor(n: usize, ddof: usize) -> f64 {
    n.saturating_sub(ddof) as f64
}

/// Variance with options (NumPy: `np.var(a, axis=.., ddof=.., keepdims=..)`).
///
/// # Errors
/// As [`crate::reduce::sum_axes`] for bad axes.
///
/// ```
/// use numerust_core::{NdArray, reduce::{var_with, VarOptions}};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, 5.0]).unwrap();
/// let opts = VarOptions { ddof: 1, axes: Some(vec![0]), keepdims: false };
/// assert_eq!(var_with(&a, &opts).unwrap().to_vec(), vec![2.0, 4.5]);
/// ```
pub fn var_with<T: MeanElement>(
    a: &impl AsView<T>,
    opts: &VarOptions,
) -> NdResult<NdArray<T::Float>> {
    let v = a.as_view();
    let axes = opts.axes.clone().unwrap_or_else(|| all_axes(v.ndim()));
    let set = AxisSet::new(v.shape(), &axes, opts.keepdims)?;
    let d = divisor(set.count, opts.ddof);
    if set.reduced.iter().all(|&r| r) && is_one_run(&v) {
        let m = super::sum::mean(&v);
        let mut s = <T::Float as Element>::zero();
        for_each_run(&v, false, |r| s = s + pairwise_map(r, &|x: T| sq_dev(x, m)));
        return Ok(finish(&set, vec![s.div_count(d)]));
    }
    let m = mean_axes(&v, &axes, true)?;
    let dev = map_binary(&v, &m, |x: T, m: T::Float| sq_dev(x, m))?;
    let mut s = sum_axes(&dev, &axes, opts.keepdims)?;
    s.as_slice_mut()
        .expect("a fresh reduction is contiguous")
        .iter_mut()
        .for_each(|x| *x = x.div_count(d));
    Ok(s)
}

/// Variance of every element (NumPy: `np.var(a)`); NaN when empty.
///
/// ```
/// use numerust_core::{NdArray, reduce::var};
/// assert_eq!(var(&NdArray::from_vec(vec![1.0, 2.0, 3.0, 4.0])), 1.25);
/// ```
pub fn var<T: MeanElement>(a: &impl AsView<T>) -> T::Float {
    var_with(a, &VarOptions::default()).expect("every axis is valid")[[]]
}

/// Variance over the listed axes (NumPy: `np.var(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`crate::reduce::sum_axes`].
pub fn var_axes<T: MeanElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T::Float>> {
    let opts = VarOptions {
        axes: Some(axes.to_vec()),
        keepdims,
        ..Default::default()
    };
    var_with(a, &opts)
}

/// Variance along one axis (NumPy: `np.var(a, axis=axis)`).
///
/// # Errors
/// As [`crate::reduce::sum_axis`].
pub fn var_axis<T: MeanElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Float>> {
    var_axes(a, &[axis], false)
}

fn sqrt_all<F: FloatElement>(mut s: NdArray<F>) -> NdArray<F> {
    s.as_slice_mut()
        .expect("a fresh reduction is contiguous")
        .iter_mut()
        .for_each(|x| *x = x.sqrt_value());
    s
}

/// Standard deviation with options (NumPy: `np.std(a, axis=.., ddof=.., keepdims=..)`).
///
/// # Errors
/// As [`crate::reduce::sum_axes`].
pub fn std_with<T: MeanElement>(
    a: &impl AsView<T>,
    opts: &VarOptions,
) -> NdResult<NdArray<T::Float>> {
    var_with(a, opts).map(sqrt_all)
}

/// Standard deviation of every element (NumPy: `np.std(a)`): `sqrt(var(a))`.
///
/// ```
/// use numerust_core::{NdArray, reduce::std};
/// assert_eq!(std(&NdArray::from_vec(vec![1.0, 3.0])), 1.0);
/// ```
pub fn std<T: MeanElement>(a: &impl AsView<T>) -> T::Float {
    var(a).sqrt_value()
}

/// Standard deviation over the listed axes (NumPy: `np.std(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`crate::reduce::sum_axes`].
pub fn std_axes<T: MeanElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T::Float>> {
    var_axes(a, axes, keepdims).map(sqrt_all)
}

/// Standard deviation along one axis (NumPy: `np.std(a, axis=axis)`).
///
/// # Errors
/// As [`crate::reduce::sum_axis`].
pub fn std_axis<T: MeanElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Float>> {
    std_axes(a, &[axis], false)
}

/// Variance of the non-NaN elements, with options (NumPy: `np.nanvar`); NaN where
/// `count - ddof <= 0`.
///
/// # Errors
/// As [`crate::reduce::sum_axes`].
///
/// ```
/// use numerust_core::{NdArray, reduce::{nanvar_with, VarOptions}};
/// let a = NdArray::from_vec(vec![1.0, f64::NAN, 3.0]);
/// assert_eq!(nanvar_with(&a, &VarOptions::default()).unwrap()[[]], 1.0);
/// ```
pub fn nanvar_with<T: FloatElement>(a: &impl AsView<T>, opts: &VarOptions) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    let axes = opts.axes.clone().unwrap_or_else(|| all_axes(v.ndim()));
    let set = AxisSet::new(v.shape(), &axes, opts.keepdims)?;
    let (cnt, avg) = nan_counts_and_means(&v, &axes, &set)?;
    let avg = finish(&AxisSet::new(v.shape(), &axes, true)?, avg);
    let dev = map_binary(&v, &avg, |x: T, m: T| {
        if x.is_nan() {
            T::zero()
        } else {
            let d = x - m;
            d * d
        }
    })?;
    let s = sum_axes(&dev, &axes, opts.keepdims)?;
    let out: Vec<T> = s
        .iter()
        .zip(&cnt)
        .map(|(&s, &c)| {
            if c <= opts.ddof {
                T::NAN
            } else {
                s.div_count((c - opts.ddof) as f64)
            }
        })
        .collect();
    Ok(finish(&set, out))
}

/// Variance of the non-NaN elements (NumPy: `np.nanvar(a)`).
pub fn nanvar<T: FloatElement>(a: &impl AsView<T>) -> T {
    nanvar_with(a, &VarOptions::default()).expect("every axis is valid")[[]]
}

/// Standard deviation of the non-NaN elements, with options (NumPy: `np.nanstd`).
///
/// # Errors
/// As [`crate::reduce::sum_axes`].
pub fn nanstd_with<T: FloatElement>(a: &impl AsView<T>, opts: &VarOptions) -> NdResult<NdArray<T>> {
    nanvar_with(a, opts).map(sqrt_all)
}

/// Standard deviation of the non-NaN elements (NumPy: `np.nanstd(a)`).
pub fn nanstd<T: FloatElement>(a: &impl AsView<T>) -> T {
    nanvar(a).sqrt_value()
}
