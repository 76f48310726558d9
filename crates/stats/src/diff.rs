//! `diff` and `ediff1d`: n-th discrete differences along an axis.
//!
//! NumPy → numerust: `np.diff(a, n=1, axis=-1)` → [`diff`]`(&a, n, axis)`; with
//! `prepend=`/`append=` → [`diff_with`]; `np.ediff1d(a, to_end, to_begin)` → [`ediff1d`].
//! Integers subtract with wraparound and bools with `!=`, as NumPy's do; the dtype is kept.

use crate::lanes::Lanes;
use numerust_core::{ArrayView, AsView, Element, NdArray, NdError, NdResult, concatenate};

/// Element types with NumPy's `diff` subtraction.
pub trait DiffElement: Element {
    /// `self - other` (wrapping for integers, `!=` for bool).
    fn diff_sub(self, other: Self) -> Self;
}

macro_rules! impl_int {
    ($($t:ty),*) => {$(
        impl DiffElement for $t {
            #[inline(always)]
            fn diff_sub(self, other: $t) -> $t { self.wrapping_sub(other) }
        }
    )*};
}
impl_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl DiffElement for f32 {
    #[inline(always)]
    fn diff_sub(self, other: f32) -> f32 {
        self - other
    }
}
impl DiffElement for f64 {
    #[inline(always)]
    fn diff_sub(self, other: f64) -> f64 {
        self - other
    }
}
impl DiffElement for bool {
    #[inline(always)]
    fn diff_sub(self, other: bool) -> bool {
        self != other
    }
}

/// The n-th difference along `axis` (NumPy: `np.diff(a, n, axis)`); the axis shrinks by `n`
/// (to 0 when `n` exceeds it). `n = 0` returns a copy.
///
/// # Errors
/// `AxisOutOfBounds` (NumPy: "diff requires input that is at least one dimensional").
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::diff;
/// let x = array(&[1, 2, 4, 7, 0]).unwrap();
/// assert_eq!(diff(&x, 1, -1).unwrap().to_vec(), [1, 2, 3, -7]);
/// assert_eq!(diff(&x, 2, -1).unwrap().to_vec(), [1, 1, -10]);
/// ```
pub fn diff<T: DiffElement>(a: &impl AsView<T>, n: usize, axis: isize) -> NdResult<NdArray<T>> {
    let a = a.as_view();
    if a.ndim() == 0 {
        return Err(NdError::InvalidValue(
            "diff requires input that is at least one dimensional".into(),
        ));
    }
    if n == 0 {
        return Ok(a.to_owned());
    }
    let mut lanes = Lanes::new(&a, Some(axis))?;
    let new_len = lanes.len.saturating_sub(n);
    let out = lanes.map(new_len, |l, o| {
        let mut len = l.len();
        for _ in 0..n.min(len) {
            for i in 0..len - 1 {
                l[i] = l[i + 1].diff_sub(l[i]);
            }
            len -= 1;
        }
        o.copy_from_slice(&l[..o.len()]);
    });
    Ok(lanes.restore(NdArray::from_vec(out), new_len))
}

/// Values to put before or after the data in [`diff_with`]: a scalar (repeated across the
/// other axes) or an array with the data's shape except along the axis.
#[derive(Clone, Debug)]
pub enum Pad<'a, T: Element> {
    /// NumPy's scalar `prepend=v`.
    Scalar(T),
    /// NumPy's array `prepend=arr`.
    Array(ArrayView<'a, T>),
}

/// [`diff`] with values prepended and appended along the axis first
/// (NumPy: `np.diff(a, n, axis, prepend=, append=)`).
///
/// # Errors
/// As [`diff`], plus `ShapeMismatch` when an array pad does not fit the other axes.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{Pad, diff_with};
/// let x = array(&[1, 2, 4]).unwrap();
/// let d = diff_with(&x, 1, -1, Some(Pad::Scalar(0)), None).unwrap();
/// assert_eq!(d.to_vec(), [1, 1, 2]);
/// ```
pub fn diff_with<T: DiffElement>(
    a: &impl AsView<T>,
    n: usize,
    axis: isize,
    prepend: Option<Pad<'_, T>>,
    append: Option<Pad<'_, T>>,
) -> NdResult<NdArray<T>> {
    let a = a.as_view();
    if a.ndim() == 0 {
        return Err(NdError::InvalidValue(
            "diff requires input that is at least one dimensional".into(),
        ));
    }
    let ax = numerust_core::layout::normalize_axis(axis, a.ndim())?;
    let pad = |p: Pad<'_, T>| -> NdResult<NdArray<T>> {
        match p {
            Pad::Scalar(v) => {
                let mut shape = a.shape().to_vec();
                shape[ax] = 1;
                numerust_core::full(&shape, v)
            }
            Pad::Array(v) if v.ndim() == 0 => {
                let mut shape = a.shape().to_vec();
                shape[ax] = 1;
                numerust_core::full(&shape, v.to_vec()[0])
            }
            Pad::Array(v) => Ok(v.to_owned()),
        }
    };
    let mut parts: Vec<NdArray<T>> = Vec::new();
    if let Some(p) = prepend {
        parts.push(pad(p)?);
    }
    parts.push(a.to_owned());
    if let Some(p) = append {
        parts.push(pad(p)?);
    }
    let joined = if parts.len() == 1 {
        parts.pop().expect("one part")
    } else {
        concatenate(&parts, ax as isize)?
    };
    diff(&joined, n, ax as isize)
}

/// Differences of the flattened array, with optional values before and after
/// (NumPy: `np.ediff1d(ary, to_end, to_begin)`).
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::ediff1d;
/// let x = array(&[1, 2, 4, 7, 0]).unwrap();
/// assert_eq!(ediff1d(&x, Some(&[88, 99][..]), Some(&[-99][..])).to_vec(),
///            [-99, 1, 2, 3, -7, 88, 99]);
/// ```
pub fn ediff1d<T: DiffElement>(
    ary: &impl AsView<T>,
    to_end: Option<&[T]>,
    to_begin: Option<&[T]>,
) -> NdArray<T> {
    let v = ary.as_view().to_vec();
    let mut out = Vec::with_capacity(v.len() + 2);
    out.extend_from_slice(to_begin.unwrap_or(&[]));
    out.extend(v.windows(2).map(|w| w[1].diff_sub(w[0])));
    out.extend_from_slice(to_end.unwrap_or(&[]));
    NdArray::from_vec(out)
}
