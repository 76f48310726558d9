//! Trigonometric ufuncs with NumPy's names: `sin`, `cos`, `tan`, `arcsin`, `arccos`,
//! `arctan` and the binary `arctan2`, for `f32` and `f64`, each with an `_into` form
//! (NumPy's `out=`) and a method on [`NdArray`].
//!
//! The math is `numerust_kernels::trig` (own vectorised code, no libm call per element on
//! the fast path, at most 1 ULP on NumPy's validation sets; docs/accuracy.md). This module
//! only broadcasts, allocates and cuts the operands into runs. Domain errors give NaN
//! (`sin(inf)`, `arcsin(2)`) as in NumPy, without NumPy's `RuntimeWarning`.
//! Integer inputs: NumPy converts them to `float64` first; convert with `astype`.
//! `deg2rad`, `rad2deg` and `hypot` live in [`super::simple`].

use super::transcendental::{TranscendentalFloat, transcendental_ufunc};
use crate::array::{AsView, NdArray};
use crate::broadcast::{broadcast_layout, broadcast_shape_pair};
use crate::elementwise::build_overwrite;
use crate::error::NdResult;
use crate::iter::runs::runs_mut_2;
use crate::view::ArrayViewMut;
use numerust_kernels::trig::{Arccos, Arcsin, Arctan, Arctan2, Binary, Cos, Sin, Tan};

/// `f32` and `f64`: the element types of this module's ufuncs.
pub use super::transcendental::TranscendentalFloat as TrigFloat;

fn apply2<K: Binary<f32> + Binary<f64>, T: TranscendentalFloat>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
) -> NdResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    let shape = broadcast_shape_pair(a.shape(), b.shape())?;
    let a = a.with_layout(0, broadcast_layout(a.layout(), &shape)?);
    let b = b.with_layout(0, broadcast_layout(b.layout(), &shape)?);
    build_overwrite(&shape, super::k_order(&[a.layout(), b.layout()]), |dst| {
        let total = dst.size();
        let runs = runs_mut_2(dst, &a, &b)
            .into_iter()
            .map(|(d, x, y)| (x, y, d))
            .collect();
        T::run_kernel2::<K>(runs, total);
    })
}

fn apply2_into<K: Binary<f32> + Binary<f64>, T: TranscendentalFloat>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    let (a, b) = (a.as_view(), b.as_view());
    let shape = broadcast_shape_pair(a.shape(), b.shape())?;
    let a = a.with_layout(0, broadcast_layout(a.layout(), &shape)?);
    let b = b.with_layout(0, broadcast_layout(b.layout(), &shape)?);
    let a = a.with_layout(0, broadcast_layout(a.layout(), out.shape())?);
    let b = b.with_layout(0, broadcast_layout(b.layout(), out.shape())?);
    let total = out.size();
    let runs = runs_mut_2(out, &a, &b)
        .into_iter()
        .map(|(d, x, y)| (x, y, d))
        .collect();
    T::run_kernel2::<K>(runs, total);
    Ok(())
}

transcendental_ufunc!(
    /// Sine, element-wise, in radians (NumPy: `np.sin(a)`).
    ///
    /// `sin(±0) = ±0`, `sin(±inf) = NaN`; at most 1 ULP from the correctly rounded result
    /// on NumPy's validation set, for every finite argument (exact reduction of huge ones).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::trig::sin};
    /// let a = NdArray::from_vec(vec![0.0f64, std::f64::consts::FRAC_PI_2, -0.0, f64::INFINITY]);
    /// let r = sin(&a).to_vec();
    /// assert_eq!(&r[..2], &[0.0, 1.0]);
    /// assert!(r[2] == 0.0 && r[2].is_sign_negative());
    /// assert!(r[3].is_nan());
    /// ```
    sin, sin_into, Sin
);
transcendental_ufunc!(
    /// Cosine, element-wise, in radians (NumPy: `np.cos(a)`).
    ///
    /// `cos(±0) = 1`, `cos(±inf) = NaN`; at most 1 ULP on NumPy's validation set.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::trig::cos};
    /// let a = NdArray::from_vec(vec![0.0f32, std::f32::consts::PI]);
    /// assert_eq!(cos(&a).to_vec(), vec![1.0, -1.0]);
    /// ```
    cos, cos_into, Cos
);
transcendental_ufunc!(
    /// Tangent, element-wise, in radians (NumPy: `np.tan(a)`).
    ///
    /// `tan(±0) = ±0`, `tan(±inf) = NaN`; at most 1 ULP on NumPy's validation set.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::trig::tan};
    /// let a = NdArray::from_vec(vec![0.0f64, std::f64::consts::FRAC_PI_4]);
    /// let r = tan(&a).to_vec();
    /// assert_eq!(r[0], 0.0);
    /// assert!((r[1] - 1.0).abs() <= f64::EPSILON);
    /// ```
    tan, tan_into, Tan
);
transcendental_ufunc!(
    /// Inverse sine, element-wise, in radians in `[-π/2, π/2]` (NumPy: `np.arcsin(a)`).
    ///
    /// `|x| > 1` gives NaN; at most 1 ULP on NumPy's validation set.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::trig::arcsin};
    /// let a = NdArray::from_vec(vec![0.0f64, 1.0, 2.0]);
    /// let r = arcsin(&a).to_vec();
    /// assert_eq!(&r[..2], &[0.0, std::f64::consts::FRAC_PI_2]);
    /// assert!(r[2].is_nan());
    /// ```
    arcsin, arcsin_into, Arcsin
);
transcendental_ufunc!(
    /// Inverse cosine, element-wise, in radians in `[0, π]` (NumPy: `np.arccos(a)`).
    ///
    /// `|x| > 1` gives NaN; at most 1 ULP on NumPy's validation set.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::trig::arccos};
    /// let a = NdArray::from_vec(vec![1.0f64, -1.0]);
    /// assert_eq!(arccos(&a).to_vec(), vec![0.0, std::f64::consts::PI]);
    /// ```
    arccos, arccos_into, Arccos
);
transcendental_ufunc!(
    /// Inverse tangent, element-wise, in radians in `[-π/2, π/2]` (NumPy: `np.arctan(a)`).
    ///
    /// `arctan(±inf) = ±π/2`; at most 1 ULP on NumPy's validation set.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::trig::arctan};
    /// let a = NdArray::from_vec(vec![1.0f64, f64::NEG_INFINITY]);
    /// let r = arctan(&a).to_vec();
    /// assert_eq!(r, vec![std::f64::consts::FRAC_PI_4, -std::f64::consts::FRAC_PI_2]);
    /// ```
    arctan, arctan_into, Arctan
);

/// Element-wise `atan2(a, b)`: the arc tangent of `a/b` in
/// the quadrant of the point `(b, a)`, in `[-π, π]` (NumPy: `np.arctan2(x1, x2)`).
///
/// Signed zeros and infinities follow C's `atan2` as NumPy does (`arctan2(±0, -0) = ±π`,
/// `arctan2(±inf, -inf) = ±3π/4`, ...); NaN in either gives NaN. At most 1 ULP from C's
/// `atan2`.
///
/// # Errors
/// `Broadcast` when the shapes do not broadcast.
///
/// ```
/// use numerust_core::{NdArray, ufunc::trig::arctan2};
/// use std::f64::consts::PI;
/// let y = NdArray::from_vec(vec![1.0f64, 0.0, -0.0, 1.0]);
/// let x = NdArray::from_vec(vec![1.0f64, -1.0, -0.0, 0.0]);
/// let r = arctan2(&y, &x).unwrap().to_vec();
/// assert_eq!(r, vec![PI / 4.0, PI, -PI, PI / 2.0]);
/// ```
pub fn arctan2<T: TranscendentalFloat>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
) -> NdResult<NdArray<T>> {
    apply2::<Arctan2, T>(a, b)
}

/// `arctan2` writing into `out`, `a` and `b` broadcast to its shape (NumPy:
/// `np.arctan2(x1, x2, out=out)`).
///
/// # Errors
/// `Broadcast`/`BroadcastTo` when the shapes do not fit `out`.
pub fn arctan2_into<T: TranscendentalFloat>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    apply2_into::<Arctan2, T>(a, b, out)
}
