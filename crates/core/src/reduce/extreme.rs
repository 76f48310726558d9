//! min/max, nanmin/nanmax, argmin/argmax, nanargmin/nanargmax and ptp.
//!
//! NaN rules as NumPy: min/max propagate NaN, argmin/argmax return the first NaN, nanmin/
//! nanmax skip NaN (NaN only when all are), nanargmin/nanargmax fail on an all-NaN slice.
//! Reductions without an identity fail on empty input with NumPy's message.

use super::{AxisSet, finish, reduce_view, run_at};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::{NdError, NdResult};
use crate::iter::runs::for_each_run;
use crate::layout::normalize_axis;
use crate::view::ArrayView;
use numerust_kernels::Run;
use numerust_kernels::reduce::{self as kr, MinMax};

/// Combines two partial extremes as the kernels do: NaN-propagating (the first NaN stays,
/// a later equal value wins, like NumPy's `maximum`), or NaN-skipping when `skip`.
#[inline(always)]
fn combine<T: MinMax>(m: T, x: T, max: bool, skip: bool) -> T {
    let take = if skip {
        m.is_nan_value() || if max { x >= m } else { x <= m }
    } else {
        !m.is_nan_value() && (x.is_nan_value() || if max { x >= m } else { x <= m })
    };
    if take { x } else { m }
}

fn run_extreme<T: MinMax>(r: Run<'_, T>, max: bool, skip: bool) -> Option<T> {
    match (max, skip) {
        (true, false) => kr::max(r),
        (false, false) => kr::min(r),
        (true, true) => kr::nanmax(r),
        (false, true) => kr::nanmin(r),
    }
}

fn no_identity(max: bool, skip: bool) -> NdError {
    let op = match (max, skip) {
        (true, false) => "maximum",
        (false, false) => "minimum",
        (true, true) => "fmax",
        (false, true) => "fmin",
    };
    NdError::Empty(format!(
        "zero-size array to reduction operation {op} which has no identity"
    ))
}

fn extreme_all<T: Element + MinMax>(v: &ArrayView<'_, T>, max: bool, skip: bool) -> NdResult<T> {
    let mut acc: Option<T> = None;
    for_each_run(v, false, |r| {
        if let Some(x) = run_extreme(r, max, skip) {
            acc = Some(acc.map_or(x, |m| combine(m, x, max, skip)));
        }
    });
    acc.ok_or_else(|| no_identity(max, skip))
}

fn extreme_axes<T: Element + MinMax>(
    v: &ArrayView<'_, T>,
    axes: &[isize],
    keepdims: bool,
    max: bool,
    skip: bool,
) -> NdResult<NdArray<T>> {
    let set = AxisSet::new(v.shape(), axes, keepdims)?;
    if set.has_empty_reduction() || (v.size() == 0 && set.reduced.iter().all(|&r| r)) {
        return Err(no_identity(max, skip));
    }
    if set.reduced.iter().all(|&r| r) {
        return Ok(finish(&set, vec![extreme_all(v, max, skip)?]));
    }
    let out = reduce_view(
        v,
        &set.reduced,
        None,
        &|acc: Option<T>, r| {
            let x = run_extreme(r, max, skip)?;
            Some(acc.map_or(x, |m| combine(m, x, max, skip)))
        },
        &|acc: Option<T>, x: T| Some(acc.map_or(x, |m| combine(m, x, max, skip))),
    );
    let out: Vec<T> = out.into_iter().map(|x| x.unwrap_or(T::zero())).collect();
    Ok(finish(&set, out))
}

macro_rules! extreme_fns {
    ($name:ident, $axis:ident, $axes:ident, $max:expr, $skip:expr, $np:literal, $what:literal) => {
        #[doc = concat!("The ", $what, " of every element (NumPy: `np.", $np, "(a)`).")]
        ///
        /// # Errors
        /// `Empty` with NumPy's "zero-size array to reduction operation ... which has no
        /// identity" for an empty array.
        pub fn $name<T: Element + MinMax>(a: &impl AsView<T>) -> NdResult<T> {
            extreme_all(&a.as_view(), $max, $skip)
        }

        #[doc = concat!("The ", $what, " over the listed axes (NumPy: `np.", $np,
                                                            "(a, axis=axes, keepdims=keepdims)`).")]
        ///
        /// # Errors
        /// Bad or repeated axes; `Empty` when a reduced axis has length 0 and the result
        /// does not.
        pub fn $axes<T: Element + MinMax>(
            a: &impl AsView<T>,
            axes: &[isize],
            keepdims: bool,
        ) -> NdResult<NdArray<T>> {
            extreme_axes(&a.as_view(), axes, keepdims, $max, $skip)
        }

        #[doc = concat!("The ", $what, " along one axis (NumPy: `np.", $np, "(a, axis=axis)`).")]
        ///
        /// # Errors
        /// As the `_axes` form.
        pub fn $axis<T: Element + MinMax>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T>> {
            extreme_axes(&a.as_view(), &[axis], false, $max, $skip)
        }
    };
}

extreme_fns!(
    max,
    max_axis,
    max_axes,
    true,
    false,
    "max",
    "largest value, NaN if any is NaN,"
);
extreme_fns!(
    min,
    min_axis,
    min_axes,
    false,
    false,
    "min",
    "smallest value, NaN if any is NaN,"
);
extreme_fns!(
    nanmax,
    nanmax_axis,
    nanmax_axes,
    true,
    true,
    "nanmax",
    "largest non-NaN value"
);
extreme_fns!(
    nanmin,
    nanmin_axis,
    nanmin_axes,
    false,
    true,
    "nanmin",
    "smallest non-NaN value"
);

/// Element types with a peak-to-peak difference (NumPy: `max - min`, wrapping for integers).
pub trait PtpElement: Element + MinMax {
    /// `a - b` (wrapping for integers).
    fn ptp_sub(a: Self, b: Self) -> Self;
}

macro_rules! impl_ptp {
    (wrap $($t:ty),*) => {$(
        impl PtpElement for $t {
            fn ptp_sub(a: $t, b: $t) -> $t { a.wrapping_sub(b) }
        }
    )*};
    (float $($t:ty),*) => {$(
        impl PtpElement for $t {
            fn ptp_sub(a: $t, b: $t) -> $t { a - b }
        }
    )*};
}
impl_ptp!(wrap i8, i16, i32, i64, u8, u16, u32, u64);
impl_ptp!(float f32, f64);

/// Range `max - min` of every element (NumPy: `np.ptp(a)`).
///
/// # Errors
/// `Empty` (NumPy's "zero-size array to reduction operation maximum ...") when empty.
///
/// ```
/// use numerust_core::{NdArray, reduce::ptp};
/// assert_eq!(ptp(&NdArray::from_vec(vec![3, 9, -1])).unwrap(), 10);
/// ```
pub fn ptp<T: PtpElement>(a: &impl AsView<T>) -> NdResult<T> {
    Ok(T::ptp_sub(max(a)?, min(a)?))
}

/// Range over the listed axes (NumPy: `np.ptp(a, axis=axes, keepdims=keepdims)`).
///
/// # Errors
/// As [`max_axes`].
pub fn ptp_axes<T: PtpElement>(
    a: &impl AsView<T>,
    axes: &[isize],
    keepdims: bool,
) -> NdResult<NdArray<T>> {
    let hi = max_axes(a, axes, keepdims)?;
    let lo = min_axes(a, axes, keepdims)?;
    let out: Vec<T> = hi
        .iter()
        .zip(lo.iter())
        .map(|(&h, &l)| T::ptp_sub(h, l))
        .collect();
    NdArray::from_shape_vec(hi.shape(), out)
}

/// Range along one axis (NumPy: `np.ptp(a, axis=axis)`).
///
/// # Errors
/// As [`max_axis`].
pub fn ptp_axis<T: PtpElement>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<T>> {
    ptp_axes(a, &[axis], false)
}

fn arg_all<T: Element + MinMax>(v: &ArrayView<'_, T>, max: bool) -> NdResult<usize> {
    let name = if max { "argmax" } else { "argmin" };
    if v.size() == 0 {
        return Err(NdError::Empty(format!(
            "attempt to get {name} of an empty sequence"
        )));
    }
    let arg = |r: Run<'_, T>| if max { kr::argmax(r) } else { kr::argmin(r) };
    if let Some(s) = v.as_slice() {
        return Ok(arg(Run::from_slice(s)).unwrap_or(0));
    }
    let owned = v.to_owned_order(crate::layout::Order::C);
    let s = owned.as_slice().expect("to_owned is C-contiguous");
    Ok(arg(Run::from_slice(s)).unwrap_or(0))
}

fn arg_axis<T: Element + MinMax>(
    v: &ArrayView<'_, T>,
    axis: isize,
    max: bool,
) -> NdResult<NdArray<i64>> {
    let ax = normalize_axis(axis, v.ndim())?;
    let mut shape = v.shape().to_vec();
    let len = shape.remove(ax);
    let out_len: usize = shape.iter().product();
    if len == 0 && out_len > 0 {
        let name = if max { "argmax" } else { "argmin" };
        return Err(NdError::Empty(format!(
            "attempt to get {name} of an empty sequence"
        )));
    }
    let mut out = Vec::with_capacity(out_len);
    if out_len > 0 {
        for lane in v.lanes(ax) {
            let stride = lane.layout().strides()[0];
            let r = run_at(&lane, 0, len, stride);
            let i = if max { kr::argmax(r) } else { kr::argmin(r) };
            out.push(i.unwrap_or(0) as i64);
        }
    }
    NdArray::from_shape_vec(&shape, out)
}

/// Flat (C-order) index of the first largest element, or of the first NaN (NumPy: `np.argmax(a)`).
///
/// # Errors
/// `Empty` ("attempt to get argmax of an empty sequence") for an empty array.
///
/// ```
/// use numerust_core::{NdArray, reduce::argmax};
/// assert_eq!(argmax(&NdArray::from_vec(vec![1.0, 5.0, 5.0, 2.0])).unwrap(), 1);
/// assert_eq!(argmax(&NdArray::from_vec(vec![1.0, f64::NAN, 9.0])).unwrap(), 1);
/// ```
pub fn argmax<T: Element + MinMax>(a: &impl AsView<T>) -> NdResult<usize> {
    arg_all(&a.as_view(), true)
}

/// Flat index of the first smallest element, or of the first NaN (NumPy: `np.argmin(a)`).
///
/// # Errors
/// `Empty` ("attempt to get argmin of an empty sequence") for an empty array.
pub fn argmin<T: Element + MinMax>(a: &impl AsView<T>) -> NdResult<usize> {
    arg_all(&a.as_view(), false)
}

/// Indices of the largest elements along `axis` (NumPy: `np.argmax(a, axis=axis)`).
///
/// # Errors
/// `AxisOutOfBounds`; `Empty` when the axis has length 0 and the result does not.
pub fn argmax_axis<T: Element + MinMax>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<i64>> {
    arg_axis(&a.as_view(), axis, true)
}

/// Indices of the smallest elements along `axis` (NumPy: `np.argmin(a, axis=axis)`).
///
/// # Errors
/// As [`argmax_axis`].
pub fn argmin_axis<T: Element + MinMax>(a: &impl AsView<T>, axis: isize) -> NdResult<NdArray<i64>> {
    arg_axis(&a.as_view(), axis, false)
}

fn all_nan() -> NdError {
    NdError::InvalidValue("All-NaN slice encountered".to_string())
}

/// NumPy's nanarg*: NaN becomes -inf (argmax) or +inf (argmin), then arg*.
fn nan_replaced<T: Element + MinMax>(v: &ArrayView<'_, T>, max: bool) -> NdArray<T> {
    super::sum::replace_nan(v, if max { T::LOWEST } else { T::HIGHEST })
}

/// [`argmax`] ignoring NaN (NumPy: `np.nanargmax(a)`).
///
/// # Errors
/// `InvalidValue("All-NaN slice encountered")`; `Empty` for an empty array.
pub fn nanargmax<T: Element + MinMax>(a: &impl AsView<T>) -> NdResult<usize> {
    nanarg(&a.as_view(), true)
}

/// [`argmin`] ignoring NaN (NumPy: `np.nanargmin(a)`).
///
/// # Errors
/// As [`nanargmax`].
pub fn nanargmin<T: Element + MinMax>(a: &impl AsView<T>) -> NdResult<usize> {
    nanarg(&a.as_view(), false)
}

fn nanarg<T: Element + MinMax>(v: &ArrayView<'_, T>, max: bool) -> NdResult<usize> {
    if v.size() > 0 && v.iter().all(|x| x.is_nan_value()) {
        return Err(all_nan());
    }
    let r = nan_replaced(v, max);
    arg_all(&r.view(), max)
}

/// [`argmax_axis`] ignoring NaN (NumPy: `np.nanargmax(a, axis=axis)`).
///
/// # Errors
/// `InvalidValue("All-NaN slice encountered")` if any lane is all NaN; as [`argmax_axis`].
pub fn nanargmax_axis<T: Element + MinMax>(
    a: &impl AsView<T>,
    axis: isize,
) -> NdResult<NdArray<i64>> {
    nanarg_axis(&a.as_view(), axis, true)
}

/// [`argmin_axis`] ignoring NaN (NumPy: `np.nanargmin(a, axis=axis)`).
///
/// # Errors
/// As [`nanargmax_axis`].
pub fn nanargmin_axis<T: Element + MinMax>(
    a: &impl AsView<T>,
    axis: isize,
) -> NdResult<NdArray<i64>> {
    nanarg_axis(&a.as_view(), axis, false)
}

fn nanarg_axis<T: Element + MinMax>(
    v: &ArrayView<'_, T>,
    axis: isize,
    max: bool,
) -> NdResult<NdArray<i64>> {
    let ax = normalize_axis(axis, v.ndim())?;
    if v.shape()[ax] > 0 {
        for lane in v.lanes(ax) {
            if lane.iter().all(|x| x.is_nan_value()) {
                return Err(all_nan());
            }
        }
    }
    let r = nan_replaced(v, max);
    arg_axis(&r.view(), axis, max)
}
