//! all, any and count_nonzero: NumPy truthiness (`x != 0`; NaN is true, -0.0 false).

use super::{AxisSet, finish, reduce_view};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::iter::runs::for_each_run;

#[inline(always)]
fn truthy<T: Element>(x: T) -> bool {
    x != T::zero()
}

/// Whether every element is non-zero (NumPy: `np.all(a)`; true when empty).
///
/// ```
/// use numerust_core::{NdArray, reduce::{all, any}};
/// let a = NdArray::from_vec(vec![1.0, f64::NAN, -0.0]);
/// assert!(!all(&a) && any(&a));
/// ```
pub fn all<T: Element>(a: &impl AsView<T>) -> bool {
    let mut acc = true;
    for_each_run(&a.as_view(), false, |r| acc = acc && r.iter().all(truthy));
    acc
}

/// Whether any element is non-zero (NumPy: `np.any(a)`; false when empty).
pub fn any<T: Element>(a: &impl AsView<T>) -> bool {
    let mut acc = false;
    for_each_run(&a.as_view(), false, |r| acc = acc || r.iter().any(truthy));
    acc
}

/// Number of non-zero elements (NumPy: `np.count_nonzero(a)`).
pub fn count_nonzero<T: Element>(a: &impl AsView<T>) -> usize {
    let mut n = 0;
    for_each_run(&a.as_view(), false, |r| {
        n += numerust_kernels::reduce::fold_int(r, 0usize, &|c, x: T| c + usize::from(truthy(x)))
    });
    n
}

/// [`all`] over the listed axes (NumPy: `np.all(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// `AxisOutOfBounds` or a repeated axis.
pub fn all_axes<T: Element>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<bool>> {
    let v = a.as_view();
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    let out = reduce_view(
        &v,
        &set.reduced,
        true,
        &|acc, r| acc && r.iter().all(truthy),
        &|acc, x: T| acc && truthy(x),
    );
    Ok(finish(&set, out))
}

/// [`all`] along one axis (NumPy: `np.all(a, axis=axis)`).
///
/// # Errors
/// As [`all_axes`].
pub fn all_axis<T: Element>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<bool>> {
    all_axes(a, &[axis], false)
}

/// [`any`] over the listed axes (NumPy: `np.any(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`all_axes`].
pub fn any_axes<T: Element>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<bool>> {
    let v = a.as_view();
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    let out = reduce_view(
        &v,
        &set.reduced,
        false,
        &|acc, r| acc || r.iter().any(truthy),
        &|acc, x: T| acc || truthy(x),
    );
    Ok(finish(&set, out))
}

/// [`any`] along one axis (NumPy: `np.any(a, axis=axis)`).
///
/// # Errors
/// As [`all_axes`].
pub fn any_axis<T: Element>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<bool>> {
    any_axes(a, &[axis], false)
}

/// Non-zero counts over the listed axes (NumPy: `np.count_nonzero(a, axis=axes, keepdims=..)`).
///
/// # Errors
/// As [`all_axes`].
pub fn count_nonzero_axes<T: Element>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<i64>> {
    let v = a.as_view();
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    let out = reduce_view(
        &v,
        &set.reduced,
        0i64,
        &|acc, r| acc + r.iter().filter(|&x| truthy(x)).count() as i64,
        &|acc, x: T| acc + i64::from(truthy(x)),
    );
    Ok(finish(&set, out))
}

/// Non-zero counts along one axis (NumPy: `np.count_nonzero(a, axis=axis)`).
///
/// # Errors
/// As [`all_axes`].
pub fn count_nonzero_axis<T: Element>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<i64>> {
    count_nonzero_axes(a, &[axis], false)
}
