//! Exponentials and hyperbolic functions as NumPy-named ufuncs: `exp`, `exp2`, `expm1`,
//! `sinh`, `cosh`, `tanh` for `f32` and `f64`, each with an `_into` form (NumPy's `out=`) and
//! a method on [`NdArray`](crate::NdArray).
//!
//! The math is `numerust_kernels::exp` (own vectorised code, no libm call per element, at
//! most 1 ULP on NumPy's validation sets; docs/accuracy.md). This module only broadcasts,
//! allocates and cuts the operands into runs. Overflow gives `inf` and underflow `0` as in
//! NumPy, without NumPy's `RuntimeWarning`. Integer inputs: NumPy converts them to `float64`
//! first; convert with `astype`.

use super::transcendental::transcendental_ufunc;
use numerust_kernels::exp::{Cosh, Exp, Exp2, Expm1, Sinh, Tanh};

/// `f32` and `f64`: the element types of this module's ufuncs.
pub use super::transcendental::TranscendentalFloat as ExpFloat;

transcendental_ufunc!(
    /// `e^x`, element-wise (NumPy: `np.exp(a)`).
    ///
    /// Overflows to `inf` above `709.78` (`88.72` for `f32`), underflows through subnormals to
    /// `0`; at most 1 ULP from the correctly rounded result on NumPy's validation set.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::exp};
    /// let a = NdArray::from_vec(vec![0.0f64, 1.0, 710.0, -746.0]);
    /// let r = exp(&a).to_vec();
    /// assert_eq!(r[0], 1.0);
    /// assert!((r[1] - std::f64::consts::E).abs() <= f64::EPSILON * 3.0);
    /// assert_eq!(&r[2..], &[f64::INFINITY, 0.0]);
    /// ```
    exp, exp_into, Exp
);

transcendental_ufunc!(
    /// `2^x`, element-wise (NumPy: `np.exp2(a)`); exact at integers.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::exp2};
    /// let a = NdArray::from_vec(vec![3.0f32, -1.0, 0.0, -149.0]);
    /// assert_eq!(exp2(&a).to_vec(), vec![8.0, 0.5, 1.0, 1e-45]);
    /// ```
    exp2, exp2_into, Exp2
);

transcendental_ufunc!(
    /// `e^x - 1`, accurate for tiny `x` (NumPy: `np.expm1(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::expm1};
    /// let a = NdArray::from_vec(vec![1e-20f64, -0.0, -50.0]);
    /// let r = expm1(&a).to_vec();
    /// assert_eq!(r, vec![1e-20, -0.0, -1.0]);
    /// assert!(r[1].is_sign_negative());
    /// ```
    expm1, expm1_into, Expm1
);

transcendental_ufunc!(
    /// Hyperbolic sine, element-wise (NumPy: `np.sinh(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::sinh};
    /// let a = NdArray::from_vec(vec![0.0f64, 1e-10, -1000.0]);
    /// assert_eq!(sinh(&a).to_vec(), vec![0.0, 1e-10, f64::NEG_INFINITY]);
    /// ```
    sinh, sinh_into, Sinh
);

transcendental_ufunc!(
    /// Hyperbolic cosine, element-wise (NumPy: `np.cosh(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::cosh};
    /// let a = NdArray::from_vec(vec![0.0f64, -1000.0]);
    /// assert_eq!(cosh(&a).to_vec(), vec![1.0, f64::INFINITY]);
    /// ```
    cosh, cosh_into, Cosh
);

transcendental_ufunc!(
    /// Hyperbolic tangent, element-wise (NumPy: `np.tanh(a)`); `±1` beyond `|x| ≈ 19`.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::tanh};
    /// let a = NdArray::from_vec(vec![0.0f64, 1e-10, 30.0, f64::NEG_INFINITY]);
    /// assert_eq!(tanh(&a).to_vec(), vec![0.0, 1e-10, 1.0, -1.0]);
    /// ```
    tanh, tanh_into, Tanh
);
