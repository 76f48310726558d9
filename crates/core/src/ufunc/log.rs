//! Logarithms, inverse hyperbolics and the cube root as NumPy-named ufuncs: `log`, `log2`,
//! `log10`, `log1p`, `arcsinh`, `arccosh`, `arctanh`, `cbrt` for `f32` and `f64`, each with
//! an `_into` form (NumPy's `out=`) and a method on [`NdArray`](crate::NdArray).
//!
//! The math is `numerust_kernels::log` (own vectorised code, no libm call per element,
//! under 1 ULP on NumPy's validation sets; docs/accuracy.md). This module only broadcasts,
//! allocates and cuts the operands into runs. Domain errors give NaN (and ±inf at the poles:
//! `log(0) = -inf`, `arctanh(±1) = ±inf`) as in NumPy, without NumPy's `RuntimeWarning`.
//! Integer inputs: NumPy converts them to `float64` first; convert with `astype`.

use super::transcendental::transcendental_ufunc;
use numerust_kernels::log::{Arccosh, Arcsinh, Arctanh, Cbrt, Log, Log1p, Log2, Log10};

/// `f32` and `f64`: the element types of this module's ufuncs.
pub use super::transcendental::TranscendentalFloat as LogFloat;

transcendental_ufunc!(
    /// Natural logarithm, element-wise (NumPy: `np.log(a)`).
    ///
    /// `log(0) = -inf`, `log(x < 0) = NaN`, `log(inf) = inf`; at most 1 ULP from the
    /// correctly rounded result on NumPy's validation set.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::log};
    /// let a = NdArray::from_vec(vec![1.0f64, std::f64::consts::E, 0.0, -1.0]);
    /// let r = log(&a).to_vec();
    /// assert_eq!(&r[..3], &[0.0, 1.0, f64::NEG_INFINITY]);
    /// assert!(r[3].is_nan());
    /// ```
    log, log_into, Log
);

transcendental_ufunc!(
    /// Base-2 logarithm, element-wise (NumPy: `np.log2(a)`); exact at powers of two.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::log2};
    /// let a = NdArray::from_vec(vec![1.0f32, 8.0, 0.5, 1e-45]);
    /// assert_eq!(log2(&a).to_vec(), vec![0.0, 3.0, -1.0, -149.0]);
    /// ```
    log2, log2_into, Log2
);

transcendental_ufunc!(
    /// Base-10 logarithm, element-wise (NumPy: `np.log10(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::log10};
    /// let a = NdArray::from_vec(vec![1.0f64, 10.0, 1000.0, 1e-300]);
    /// assert_eq!(log10(&a).to_vec(), vec![0.0, 1.0, 3.0, -300.0]);
    /// ```
    log10, log10_into, Log10
);

transcendental_ufunc!(
    /// `log(1 + x)`, accurate for tiny `x` (NumPy: `np.log1p(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::log1p};
    /// let a = NdArray::from_vec(vec![1e-20f64, 0.0, -1.0]);
    /// assert_eq!(log1p(&a).to_vec(), vec![1e-20, 0.0, f64::NEG_INFINITY]);
    /// ```
    log1p, log1p_into, Log1p
);

transcendental_ufunc!(
    /// Inverse hyperbolic sine (NumPy: `np.arcsinh(a)`); no overflow for huge inputs.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::arcsinh};
    /// let a = NdArray::from_vec(vec![0.0f64, 1e300, -1e300]);
    /// let r = arcsinh(&a).to_vec();
    /// assert_eq!(r[0], 0.0);
    /// assert!((r[1] - 691.4686750787736).abs() < 1e-12 && r[2] == -r[1]);
    /// ```
    arcsinh, arcsinh_into, Arcsinh
);

transcendental_ufunc!(
    /// Inverse hyperbolic cosine (NumPy: `np.arccosh(a)`); NaN below 1.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::arccosh};
    /// let a = NdArray::from_vec(vec![1.0f64, 0.5, f64::INFINITY]);
    /// let r = arccosh(&a).to_vec();
    /// assert_eq!(r[0], 0.0);
    /// assert!(r[1].is_nan());
    /// assert_eq!(r[2], f64::INFINITY);
    /// ```
    arccosh, arccosh_into, Arccosh
);

transcendental_ufunc!(
    /// Inverse hyperbolic tangent (NumPy: `np.arctanh(a)`); `±inf` at ±1, NaN beyond.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::arctanh};
    /// let a = NdArray::from_vec(vec![0.0f64, 1.0, -1.0, 2.0]);
    /// let r = arctanh(&a).to_vec();
    /// assert_eq!(&r[..3], &[0.0, f64::INFINITY, f64::NEG_INFINITY]);
    /// assert!(r[3].is_nan());
    /// ```
    arctanh, arctanh_into, Arctanh
);

transcendental_ufunc!(
    /// Cube root, element-wise, defined for negative inputs (NumPy: `np.cbrt(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::cbrt};
    /// let a = NdArray::from_vec(vec![27.0f64, -8.0, 0.0]);
    /// assert_eq!(cbrt(&a).to_vec(), vec![3.0, -2.0, 0.0]);
    /// ```
    cbrt, cbrt_into, Cbrt
);
