//! Exponentials and hyperbolic functions as NumPy-named ufuncs: `exp`, `exp2`, `expm1`,
//! `sinh`, `cosh`, `tanh` for `f32` and `f64`, each with an `_into` form (NumPy's `out=`) and
//! a method on [`NdArray`].
//!
//! The math is `numerust_kernels::exp` (own vectorised code, no libm call per element, at
//! most 1 ULP on NumPy's validation sets; docs/accuracy.md). This module only broadcasts,
//! allocates and cuts the operands into runs. Overflow gives `inf` and underflow `0` as in
//! NumPy, without NumPy's `RuntimeWarning`. Integer inputs: NumPy converts them to `float64`
//! first; convert with `astype`.

use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::view::ArrayViewMut;
use numerust_kernels::exp::{Cosh, Exp, Exp2, Expm1, Sinh, Tanh};
use numerust_kernels::unary::{self, Unary};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// `f32` and `f64`: the element types of this module's ufuncs.
pub trait ExpFloat: Element + sealed::Sealed {
    /// Runs kernel `K` over `(input, output)` runs holding `total` elements.
    #[doc(hidden)]
    fn run_kernel<K: Unary<f32> + Unary<f64>>(
        runs: Vec<(
            numerust_kernels::Run<'_, Self>,
            numerust_kernels::RunMut<'_, Self>,
        )>,
        total: usize,
    );

    /// `K(x)` for each element of a contiguous slice, collected on this thread.
    #[doc(hidden)]
    fn collect_kernel<K: Unary<f32> + Unary<f64>>(src: &[Self]) -> Vec<Self>;
}

impl ExpFloat for f32 {
    fn run_kernel<K: Unary<f32> + Unary<f64>>(
        runs: Vec<(
            numerust_kernels::Run<'_, f32>,
            numerust_kernels::RunMut<'_, f32>,
        )>,
        total: usize,
    ) {
        unary::run_many::<K, f32>(runs, total)
    }

    fn collect_kernel<K: Unary<f32> + Unary<f64>>(src: &[f32]) -> Vec<f32> {
        unary::collect::<K, f32>(src)
    }
}

impl ExpFloat for f64 {
    fn run_kernel<K: Unary<f32> + Unary<f64>>(
        runs: Vec<(
            numerust_kernels::Run<'_, f64>,
            numerust_kernels::RunMut<'_, f64>,
        )>,
        total: usize,
    ) {
        unary::run_many::<K, f64>(runs, total)
    }

    fn collect_kernel<K: Unary<f32> + Unary<f64>>(src: &[f64]) -> Vec<f64> {
        unary::collect::<K, f64>(src)
    }
}

fn apply<K: Unary<f32> + Unary<f64>, T: ExpFloat>(a: &impl AsView<T>) -> NdArray<T> {
    super::unary_with_kernel(
        a,
        |x| T::collect_kernel::<K>(x),
        |runs, total| T::run_kernel::<K>(runs, total),
    )
}

fn apply_into<K: Unary<f32> + Unary<f64>, T: ExpFloat>(
    a: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    super::unary_with_kernel_into(a, out, |runs, total| T::run_kernel::<K>(runs, total))
}

macro_rules! exp_ufunc {
    ($(#[$doc:meta])* $name:ident, $into:ident, $kernel:ident) => {
        $(#[$doc])*
        pub fn $name<T: ExpFloat>(a: &impl AsView<T>) -> NdArray<T> {
            apply::<$kernel, T>(a)
        }

        #[doc = concat!("`", stringify!($name), "` writing into `out`, `a` broadcast to its \
            shape (NumPy: `np.", stringify!($name), "(a, out=out)`).")]
        ///
        /// # Errors
        /// `BroadcastTo` when `a` cannot be broadcast to `out`'s shape.
        pub fn $into<T: ExpFloat>(a: &impl AsView<T>, out: &mut ArrayViewMut<'_, T>) -> NdResult<()> {
            apply_into::<$kernel, T>(a, out)
        }

        impl<T: ExpFloat> NdArray<T> {
            #[doc = concat!("Element-wise `", stringify!($name), "` (NumPy: `np.",
                stringify!($name), "(a)`); see [`", stringify!($name), "()`].")]
            pub fn $name(&self) -> NdArray<T> {
                $name(self)
            }
        }
    };
}

exp_ufunc!(
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

exp_ufunc!(
    /// `2^x`, element-wise (NumPy: `np.exp2(a)`); exact at integers.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::exp2};
    /// let a = NdArray::from_vec(vec![3.0f32, -1.0, 0.0, -149.0]);
    /// assert_eq!(exp2(&a).to_vec(), vec![8.0, 0.5, 1.0, 1e-45]);
    /// ```
    exp2, exp2_into, Exp2
);

exp_ufunc!(
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

exp_ufunc!(
    /// Hyperbolic sine, element-wise (NumPy: `np.sinh(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::sinh};
    /// let a = NdArray::from_vec(vec![0.0f64, 1e-10, -1000.0]);
    /// assert_eq!(sinh(&a).to_vec(), vec![0.0, 1e-10, f64::NEG_INFINITY]);
    /// ```
    sinh, sinh_into, Sinh
);

exp_ufunc!(
    /// Hyperbolic cosine, element-wise (NumPy: `np.cosh(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::cosh};
    /// let a = NdArray::from_vec(vec![0.0f64, -1000.0]);
    /// assert_eq!(cosh(&a).to_vec(), vec![1.0, f64::INFINITY]);
    /// ```
    cosh, cosh_into, Cosh
);

exp_ufunc!(
    /// Hyperbolic tangent, element-wise (NumPy: `np.tanh(a)`); `±1` beyond `|x| ≈ 19`.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::exp::tanh};
    /// let a = NdArray::from_vec(vec![0.0f64, 1e-10, 30.0, f64::NEG_INFINITY]);
    /// assert_eq!(tanh(&a).to_vec(), vec![0.0, 1e-10, 1.0, -1.0]);
    /// ```
    tanh, tanh_into, Tanh
);
