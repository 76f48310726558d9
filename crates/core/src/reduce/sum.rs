//! Sums, products and means (plain and nan*), and cumulative sums/products.
//!
//! Float sums follow NumPy's order exactly (module doc of [`crate::reduce`]); products are
//! sequential in memory order like NumPy's `multiply.reduce`; nan* variants replace NaN by
//! the identity in a copy first, as NumPy does, then reduce that copy.

use super::{
    AxisSet, FloatElement, MeanElement, SumElement, finish, for_each_buffer, is_one_run,
    reduce_view,
};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::iter::runs::for_each_run;
use crate::layout::normalize_axis;
use crate::view::ArrayView;
use numerust_kernels::Run;
use numerust_kernels::reduce::{MinMax, pairwise_map, pairwise_sum};

/// Sum of a float view mapped by `to_float`, in NumPy's order, from `+0.0`.
fn float_sum_all<T: MeanElement>(v: &ArrayView<'_, T>) -> T::Float {
    let zero = <T::Float as Element>::zero();
    if !T::CASTS && is_one_run(v) {
        let mut acc = zero;
        for_each_run(v, false, |r| {
            acc = acc + pairwise_map(r, &|x: T| x.to_float())
        });
        return acc;
    }
    let mut acc = zero;
    for_each_buffer(
        v,
        |x: T| x.to_float(),
        |b| acc = acc + pairwise_sum(Run::from_slice(b)),
    );
    acc
}

/// Sum of every element (NumPy: `np.sum(a)`; integers accumulate in i64/u64, bool counts).
///
/// Float results are bit-identical to NumPy for contiguous and single-strided inputs (and
/// for other views, which NumPy sums in 8192-element blocks of whole rows, as here).
///
/// ```
/// use numerust_core::{NdArray, reduce::sum};
/// let a = NdArray::from_shape_vec(&[2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
/// assert_eq!(sum(&a), 21.0);
/// assert_eq!(sum(&NdArray::from_vec(vec![true, false, true])), 2i64);
/// assert_eq!(sum(&NdArray::<f64>::from_vec(vec![])), 0.0);
/// ```
pub fn sum<T: SumElement>(a: &impl AsView<T>) -> T::Acc {
    let v = a.as_view();
    let zero = <T::Acc as Element>::zero();
    let mut acc = zero;
    if is_one_run(&v) {
        for_each_run(&v, false, |r| acc = T::acc_add(acc, T::sum_run(r)));
    } else {
        for_each_buffer(
            &v,
            |x| x,
            |b| acc = T::acc_add(acc, T::sum_run(Run::from_slice(b))),
        );
    }
    acc
}

/// Sum over the listed axes (NumPy: `np.sum(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// `AxisOutOfBounds` for an axis outside `-ndim..ndim`; `InvalidValue` for a repeated axis.
///
/// ```
/// use numerust_core::{NdArray, reduce::sum_axes};
/// let a = NdArray::from_shape_vec(&[2, 3], vec![1, 2, 3, 4, 5, 6]).unwrap();
/// let s = sum_axes(&a, &[0], true).unwrap();
/// assert_eq!((s.shape(), s.to_vec()), (&[1, 3][..], vec![5i64, 7, 9]));
/// ```
pub fn sum_axes<T: SumElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T::Acc>> {
    let v = a.as_view();
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    if set.reduced.iter().all(|&r| r) {
        return Ok(finish(&set, vec![sum(&v)]));
    }
    let out = reduce_view(
        &v,
        &set.reduced,
        <T::Acc as Element>::zero(),
        &|acc, r| T::acc_add(acc, T::sum_run(r)),
        &|acc, x: T| T::acc_add(acc, x.to_acc()),
    );
    Ok(finish(&set, out))
}

/// Sum along one axis (NumPy: `np.sum(a, axis=axis)`).
///
/// # Errors
/// `AxisOutOfBounds` for an axis outside `-ndim..ndim`.
pub fn sum_axis<T: SumElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Acc>> {
    sum_axes(a, &[axis], false)
}

fn prod_run<T: SumElement>(acc: T::Acc, r: Run<'_, T>) -> T::Acc {
    r.iter().fold(acc, |p, x| T::acc_mul(p, x.to_acc()))
}

/// Product of every element, in memory order from 1 (NumPy: `np.prod(a)`).
///
/// ```
/// use numerust_core::{NdArray, reduce::prod};
/// assert_eq!(prod(&NdArray::from_vec(vec![2i32, 3, 4])), 24i64);
/// assert_eq!(prod(&NdArray::<f64>::from_vec(vec![])), 1.0);
/// ```
pub fn prod<T: SumElement>(a: &impl AsView<T>) -> T::Acc {
    let v = a.as_view();
    let mut acc = <T::Acc as Element>::one();
    for_each_run(&v, false, |r| acc = prod_run(acc, r));
    acc
}

/// Product over the listed axes (NumPy: `np.prod(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`sum_axes`].
pub fn prod_axes<T: SumElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T::Acc>> {
    let v = a.as_view();
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    if set.reduced.iter().all(|&r| r) {
        return Ok(finish(&set, vec![prod(&v)]));
    }
    let out = reduce_view(
        &v,
        &set.reduced,
        <T::Acc as Element>::one(),
        &|acc, r| prod_run(acc, r),
        &|acc, x: T| T::acc_mul(acc, x.to_acc()),
    );
    Ok(finish(&set, out))
}

/// Product along one axis (NumPy: `np.prod(a, axis=axis)`).
///
/// # Errors
/// As [`sum_axis`].
pub fn prod_axis<T: SumElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Acc>> {
    prod_axes(a, &[axis], false)
}

/// Arithmetic mean (NumPy: `np.mean(a)`): the sum divided by the count; NaN when empty.
/// Integers and bool give `f64` (NumPy sums them in f64 through 8192-element buffers).
///
/// ```
/// use numerust_core::{NdArray, reduce::mean};
/// assert_eq!(mean(&NdArray::from_vec(vec![1.0f32, 2.0, 4.5])), 2.5f32);
/// assert_eq!(mean(&NdArray::from_vec(vec![1i32, 2])), 1.5f64);
/// assert!(mean(&NdArray::<f64>::from_vec(vec![])).is_nan());
/// ```
pub fn mean<T: MeanElement>(a: &impl AsView<T>) -> T::Float {
    let v = a.as_view();
    float_sum_all(&v).div_count(v.size() as f64)
}

/// Mean over the listed axes (NumPy: `np.mean(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`sum_axes`].
pub fn mean_axes<T: MeanElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T::Float>> {
    let v = a.as_view();
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    let n = set.count as f64;
    if set.reduced.iter().all(|&r| r) {
        return Ok(finish(&set, vec![float_sum_all(&v).div_count(n)]));
    }
    let mut out = reduce_view(
        &v,
        &set.reduced,
        <T::Float as Element>::zero(),
        &|acc, r| acc + pairwise_map(r, &|x: T| x.to_float()),
        &|acc, x: T| acc + x.to_float(),
    );
    out.iter_mut().for_each(|s| *s = s.div_count(n));
    Ok(finish(&set, out))
}

/// Mean along one axis (NumPy: `np.mean(a, axis=axis)`).
///
/// # Errors
/// As [`sum_axis`].
pub fn mean_axis<T: MeanElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Float>> {
    mean_axes(a, &[axis], false)
}

/// A copy of `a` (memory order as NumPy's `np.array(a, copy=True)`) with NaN replaced.
pub(crate) fn replace_nan<T: Element + MinMax>(a: &ArrayView<'_, T>, with: T) -> NdArray<T> {
    crate::ufunc::map_unary(a, move |x: T| if x.is_nan_value() { with } else { x })
}

/// Sum treating NaN as zero (NumPy: `np.nansum(a)`).
///
/// ```
/// use numerust_core::{NdArray, reduce::nansum};
/// assert_eq!(nansum(&NdArray::from_vec(vec![1.0, f64::NAN, 2.0])), 3.0);
/// ```
pub fn nansum<T: SumElement>(a: &impl AsView<T>) -> T::Acc {
    sum(&replace_nan(&a.as_view(), T::zero()))
}

/// [`nansum`] over the listed axes (NumPy: `np.nansum(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`sum_axes`].
pub fn nansum_axes<T: SumElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T::Acc>> {
    sum_axes(&replace_nan(&a.as_view(), T::zero()), axes, keepdims)
}

/// [`nansum`] along one axis (NumPy: `np.nansum(a, axis=axis)`).
///
/// # Errors
/// As [`sum_axis`].
pub fn nansum_axis<T: SumElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Acc>> {
    nansum_axes(a, &[axis], false)
}

/// Product treating NaN as one (NumPy: `np.nanprod(a)`).
pub fn nanprod<T: SumElement>(a: &impl AsView<T>) -> T::Acc {
    prod(&replace_nan(&a.as_view(), T::one()))
}

/// [`nanprod`] over the listed axes (NumPy: `np.nanprod(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`sum_axes`].
pub fn nanprod_axes<T: SumElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T::Acc>> {
    prod_axes(&replace_nan(&a.as_view(), T::one()), axes, keepdims)
}

/// [`nanprod`] along one axis (NumPy: `np.nanprod(a, axis=axis)`).
///
/// # Errors
/// As [`sum_axis`].
pub fn nanprod_axis<T: SumElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Acc>> {
    nanprod_axes(a, &[axis], false)
}

/// Mean of the non-NaN elements (NumPy: `np.nanmean(a)`; NaN when there are none).
///
/// ```
/// use numerust_core::{NdArray, reduce::nanmean};
/// assert_eq!(nanmean(&NdArray::from_vec(vec![1.0, f64::NAN, 2.0])), 1.5);
/// ```
pub fn nanmean<T: FloatElement>(a: &impl AsView<T>) -> T {
    let v = a.as_view();
    let cnt = v.iter().filter(|x| !x.is_nan()).count();
    sum(&replace_nan(&v, T::zero())).div_count(cnt as f64)
}

/// [`nanmean`] over the listed axes (NumPy: `np.nanmean(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`sum_axes`].
pub fn nanmean_axes<T: FloatElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    let (_, means) = nan_counts_and_means(&v, axes, &set)?;
    Ok(finish(&set, means))
}

/// Per output of the reduction `set` of `v` over `axes`, in C order of the kept axes: the
/// number of non-NaN elements, and their mean (NaN where there are none).
///
/// # Errors
/// As [`sum_axes`].
pub(crate) fn nan_counts_and_means<T: FloatElement>(
    v: &ArrayView<'_, T>,
    axes: &[isize],
    set: &AxisSet,
) -> NdResult<(Vec<usize>, Vec<T>)> {
    let counts = reduce_view(
        v,
        &set.reduced,
        0usize,
        &|c, r| c + r.iter().filter(|x| !x.is_nan()).count(),
        &|c, x: T| c + usize::from(!x.is_nan()),
    );
    let sums = sum_axes(&replace_nan(v, T::zero()), axes, false)?;
    let means = sums
        .iter()
        .zip(&counts)
        .map(|(&s, &c)| s.div_count(c as f64))
        .collect();
    Ok((counts, means))
}

/// [`nanmean`] along one axis (NumPy: `np.nanmean(a, axis=axis)`).
///
/// # Errors
/// As [`sum_axis`].
pub fn nanmean_axis<T: FloatElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T>> {
    nanmean_axes(a, &[axis], false)
}

/// Prefix combine along `axis` of a C-ordered buffer of `shape`.
fn accumulate_axis<A: Copy>(v: &mut [A], shape: &[usize], axis: usize, op: impl Fn(A, A) -> A) {
    let n = shape[axis];
    let inner: usize = shape[axis + 1..].iter().product();
    if n < 2 || inner == 0 {
        return;
    }
    for block in v.chunks_exact_mut(n * inner) {
        for i in 1..n {
            let (prev, cur) = block[(i - 1) * inner..(i + 1) * inner].split_at_mut(inner);
            cur.iter_mut()
                .zip(prev.iter())
                .for_each(|(c, &p)| *c = op(p, *c));
        }
    }
}

/// Running sum of the flattened (C order) array (NumPy: `np.cumsum(a)`), sequential adds.
///
/// ```
/// use numerust_core::{NdArray, reduce::cumsum};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1u8, 2, 3, 4]).unwrap();
/// assert_eq!(cumsum(&a).to_vec(), vec![1u64, 3, 6, 10]);
/// ```
pub fn cumsum<T: SumElement>(a: &impl AsView<T>) -> NdArray<T::Acc> {
    let mut v: Vec<T::Acc> = a.as_view().iter().map(|x| x.to_acc()).collect();
    let n = v.len();
    accumulate_axis(&mut v, &[n], 0, T::acc_add);
    NdArray::from_vec(v)
}

/// Running sum along `axis`, same shape (NumPy: `np.cumsum(a, axis=axis)`).
///
/// # Errors
/// `AxisOutOfBounds` for an axis outside `-ndim..ndim`.
pub fn cumsum_axis<T: SumElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Acc>> {
    let v = a.as_view();
    let ax = normalize_axis(axis, v.ndim())?;
    let mut out: Vec<T::Acc> = v.iter().map(|x| x.to_acc()).collect();
    accumulate_axis(&mut out, v.shape(), ax, T::acc_add);
    NdArray::from_shape_vec(v.shape(), out)
}

/// Running product of the flattened (C order) array (NumPy: `np.cumprod(a)`).
pub fn cumprod<T: SumElement>(a: &impl AsView<T>) -> NdArray<T::Acc> {
    let mut v: Vec<T::Acc> = a.as_view().iter().map(|x| x.to_acc()).collect();
    let n = v.len();
    accumulate_axis(&mut v, &[n], 0, T::acc_mul);
    NdArray::from_vec(v)
}

/// Running product along `axis`, same shape (NumPy: `np.cumprod(a, axis=axis)`).
///
/// # Errors
/// `AxisOutOfBounds` for an axis outside `-ndim..ndim`.
pub fn cumprod_axis<T: SumElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T::Acc>> {
    let v = a.as_view();
    let ax = normalize_axis(axis, v.ndim())?;
    let mut out: Vec<T::Acc> = v.iter().map(|x| x.to_acc()).collect();
    accumulate_axis(&mut out, v.shape(), ax, T::acc_mul);
    NdArray::from_shape_vec(v.shape(), out)
}
