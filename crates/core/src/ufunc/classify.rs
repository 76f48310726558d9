//! Float classification and value replacement: `isnan`, `isinf`, `isfinite`, `signbit`
//! (→ `bool` arrays), `clip` and `nan_to_num`.
//!
//! - Integers are never NaN or infinite; `signbit` of an integer is `x < 0`.
//! - `clip` is NumPy 2's: `minimum(maximum(x, lo), hi)` with NaN in `x`, `lo` or `hi`
//!   propagating, and `hi` winning when `lo > hi`. NumPy's two inner loops differ on signed
//!   zero ties and both are reproduced: [`clip`] (array bounds) returns the bound on a tie,
//!   [`clip_scalar`] (constant bounds) returns `x` — `np.clip(-0.0, 0.0, 1.0)` is `-0.0`.
//! - `nan_to_num` replaces NaN with 0 (or a chosen value) and ±inf with the type's largest
//!   finite values (or chosen ones); integers are copied unchanged.

use super::simple::{Real, unary_ufunc};
use super::{map_binary, map_binary_into, map_unary, map_unary_into, update_binary};
use crate::array::{AsView, NdArray};
use crate::broadcast::broadcast_shapes;
use crate::error::NdResult;
use crate::view::ArrayViewMut;

unary_ufunc!(
    /// Element-wise test for NaN (NumPy: `np.isnan(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::classify::isnan};
    /// let a = NdArray::from_vec(vec![1.0, f64::NAN, f64::INFINITY]);
    /// assert_eq!(isnan(&a).to_vec(), vec![false, true, false]);
    /// ```
    isnan, isnan_into, Real, Real::is_nan, bool
);
unary_ufunc!(
    /// Element-wise test for ±inf (NumPy: `np.isinf(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::classify::isinf};
    /// let a = NdArray::from_vec(vec![1.0, f64::NAN, f64::NEG_INFINITY]);
    /// assert_eq!(isinf(&a).to_vec(), vec![false, false, true]);
    /// ```
    isinf, isinf_into, Real, Real::is_inf, bool
);
unary_ufunc!(
    /// Element-wise test for finite values: not NaN, not ±inf (NumPy: `np.isfinite(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::classify::isfinite};
    /// let a = NdArray::from_vec(vec![1.0, f64::NAN, f64::INFINITY]);
    /// assert_eq!(isfinite(&a).to_vec(), vec![true, false, false]);
    /// ```
    isfinite, isfinite_into, Real, Real::is_finite, bool
);
unary_ufunc!(
    /// Element-wise test of the sign bit, true for `-0.0` and negative NaN (NumPy:
    /// `np.signbit(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::classify::signbit};
    /// let a = NdArray::from_vec(vec![-0.0, 0.0, -2.0]);
    /// assert_eq!(signbit(&a).to_vec(), vec![true, false, true]);
    /// ```
    signbit, signbit_into, Real, Real::signbit, bool
);

/// Limits `a` to `[lo, hi]` element-wise, with array bounds broadcast against `a` (NumPy:
/// `np.clip(a, a_min, a_max)` with array bounds).
///
/// NaN anywhere propagates; where `lo > hi` the result is `hi`. On signed-zero ties the bound
/// is returned (NumPy's strided loop). One-sided clipping is [`super::simple::maximum`] /
/// [`super::simple::minimum`], as in NumPy's `clip(a, lo, None)`.
///
/// # Errors
/// `Broadcast` when `a`, `lo` and `hi` do not broadcast together.
///
/// ```
/// use numerust_core::{NdArray, ufunc::classify::clip};
/// let a = NdArray::from_vec(vec![-5, 0, 5, 9]);
/// let lo = NdArray::from_vec(vec![-1, 1, 1, 1]);
/// let r = clip(&a, &lo, &NdArray::from_elem_0d(4)).unwrap();
/// assert_eq!(r.to_vec(), vec![-1, 1, 4, 4]);
/// ```
pub fn clip<T: Real>(
    a: &impl AsView<T>,
    lo: &impl AsView<T>,
    hi: &impl AsView<T>,
) -> NdResult<NdArray<T>> {
    let (a, lo, hi) = (a.as_view(), lo.as_view(), hi.as_view());
    let shape = broadcast_shapes(&[a.shape(), lo.shape(), hi.shape()])?;
    let a = a.broadcast_to(&shape)?;
    let mut out = map_binary(&a, &lo, T::maximum)?;
    update_binary(&mut out.view_mut(), &hi, T::minimum)?;
    Ok(out)
}

/// [`clip`] writing into `out` (NumPy: `np.clip(a, lo, hi, out=out)`).
///
/// # Errors
/// `Broadcast`/`BroadcastTo` when the shapes do not fit `out`.
pub fn clip_into<T: Real>(
    a: &impl AsView<T>,
    lo: &impl AsView<T>,
    hi: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    let low = map_binary(a, lo, T::maximum)?;
    map_binary_into(&low, hi, out, T::minimum)
}

/// Limits `a` to `[lo, hi]` element-wise with constant bounds (NumPy: `np.clip(a, lo, hi)`
/// with scalar bounds, or `a.clip(lo, hi)`).
///
/// NaN in `a`, `lo` or `hi` propagates; where `lo > hi` the result is `hi`; on signed-zero
/// ties `x` is kept (NumPy's constant-bounds loop). For one side only, pass
/// `T::LOWEST`/`T::HIGHEST` ([`Real`]) or `±inf`.
///
/// ```
/// use numerust_core::{NdArray, ufunc::classify::clip_scalar};
/// let a = NdArray::from_vec(vec![-2.0, 0.5, 3.0, f64::NAN]);
/// let r = clip_scalar(&a, 0.0, 1.0).to_vec();
/// assert_eq!(&r[..3], &[0.0, 0.5, 1.0]);
/// assert!(r[3].is_nan());
/// ```
pub fn clip_scalar<T: Real>(a: &impl AsView<T>, lo: T, hi: T) -> NdArray<T> {
    map_unary(a, move |x| T::min_keep(T::max_keep(x, lo), hi))
}

/// [`clip_scalar`] writing into `out` (NumPy: `np.clip(a, lo, hi, out=out)`).
///
/// # Errors
/// `BroadcastTo` when `a` cannot be broadcast to `out`'s shape.
pub fn clip_scalar_into<T: Real>(
    a: &impl AsView<T>,
    lo: T,
    hi: T,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    map_unary_into(a, out, move |x| T::min_keep(T::max_keep(x, lo), hi))
}

/// The replacement values of [`nan_to_num_with`] (NumPy's `nan=`, `posinf=`, `neginf=`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NanToNum<T> {
    /// What NaN becomes (NumPy's default 0.0).
    pub nan: T,
    /// What +inf becomes; `None` means the largest finite value.
    pub posinf: Option<T>,
    /// What -inf becomes; `None` means the most negative finite value.
    pub neginf: Option<T>,
}

impl<T: Real> Default for NanToNum<T> {
    fn default() -> Self {
        NanToNum {
            nan: T::zero(),
            posinf: None,
            neginf: None,
        }
    }
}

/// `x` with NaN and ±inf replaced per `opts`.
#[inline(always)]
fn replace_non_finite<T: Real>(x: T, nan: T, posinf: T, neginf: T) -> T {
    if T::is_nan(x) {
        nan
    } else if T::is_inf(x) {
        if x > T::zero() { posinf } else { neginf }
    } else {
        x
    }
}

/// NaN → 0, +inf → largest finite, -inf → most negative finite (NumPy: `np.nan_to_num(a)`).
///
/// ```
/// use numerust_core::{NdArray, ufunc::classify::nan_to_num};
/// let a = NdArray::from_vec(vec![f64::NAN, f64::INFINITY, -f64::INFINITY, 1.5]);
/// assert_eq!(nan_to_num(&a).to_vec(), vec![0.0, f64::MAX, f64::MIN, 1.5]);
/// ```
pub fn nan_to_num<T: Real>(a: &impl AsView<T>) -> NdArray<T> {
    nan_to_num_with(a, NanToNum::default())
}

/// NaN and ±inf replaced by chosen values (NumPy: `np.nan_to_num(a, nan=, posinf=, neginf=)`).
///
/// ```
/// use numerust_core::{NdArray, ufunc::classify::{nan_to_num_with, NanToNum}};
/// let a = NdArray::from_vec(vec![f64::NAN, f64::INFINITY, -f64::INFINITY]);
/// let opts = NanToNum { nan: -1.0, posinf: Some(9.0), neginf: None };
/// assert_eq!(nan_to_num_with(&a, opts).to_vec(), vec![-1.0, 9.0, f64::MIN]);
/// ```
pub fn nan_to_num_with<T: Real>(a: &impl AsView<T>, opts: NanToNum<T>) -> NdArray<T> {
    let (nan, pos, neg) = (
        opts.nan,
        opts.posinf.unwrap_or(T::HIGHEST),
        opts.neginf.unwrap_or(T::LOWEST),
    );
    map_unary(a, move |x| replace_non_finite(x, nan, pos, neg))
}

/// [`nan_to_num_with`] writing into `out` (NumPy: `np.nan_to_num(a, copy=False)` when `out`
/// is `a`'s own storage).
///
/// # Errors
/// `BroadcastTo` when `a` cannot be broadcast to `out`'s shape.
pub fn nan_to_num_into<T: Real>(
    a: &impl AsView<T>,
    opts: NanToNum<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    let (nan, pos, neg) = (
        opts.nan,
        opts.posinf.unwrap_or(T::HIGHEST),
        opts.neginf.unwrap_or(T::LOWEST),
    );
    map_unary_into(a, out, move |x| replace_non_finite(x, nan, pos, neg))
}

impl<T: Real> NdArray<T> {
    /// Limits the elements to `[lo, hi]` (NumPy: `a.clip(lo, hi)`); see [`clip_scalar`].
    pub fn clip(&self, lo: T, hi: T) -> NdArray<T> {
        clip_scalar(self, lo, hi)
    }
}
