//! Logarithms, inverse hyperbolics and the cube root as NumPy-named ufuncs: `log`, `log2`,
//! `log10`, `log1p`, `arcsinh`, `arccosh`, `arctanh`, `cbrt` for `f32` and `f64`, each with
//! an `_into` form (NumPy's `out=`) and a method on [`NdArray`].
//!
//! The math is `numerust_kernels::log` (own vectorised code, no libm call per element,
//! under 1 ULP on NumPy's validation sets; docs/accuracy.md). This module only broadcasts,
//! allocates and cuts the operands into runs. Domain errors give NaN (and ±inf at the poles:
//! `log(0) = -inf`, `arctanh(±1) = ±inf`) as in NumPy, without NumPy's `RuntimeWarning`.
//! Integer inputs: NumPy converts them to `float64` first; convert with `astype`.

use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::view::ArrayViewMut;
use numerust_kernels::log::{Arccosh, Arcsinh, Arctanh, Cbrt, Log, Log1p, Log2, Log10};
use numerust_kernels::unary::{self, Unary};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// `f32` and `f64`: the element types of this module's ufuncs.
pub trait LogFloat: Element + sealed::Sealed {
    /// Runs kernel `K` over `(input, output)` runs holding `total` elements.
    #[doc(hidden)]
    fn run_kernel<K: Unary<f32> + Unary<f64>>(
        runs: Vec<(
            numerust_kernels::Run<'_, Self>,
            numerust_kernels::RunMut<'_, Self>,
        )>,
        total: usize,
    );
}

impl LogFloat for f32 {
    fn run_kernel<K: Unary<f32> + Unary<f64>>(
        runs: Vec<(
            numerust_kernels::Run<'_, f32>,
            numerust_kernels::RunMut<'_, f32>,
        )>,
        total: usize,
    ) {
        unary::run_many::<K, f32>(runs, total)
    }
}

impl LogFloat for f64 {
    fn run_kernel<K: Unary<f32> + Unary<f64>>(
        runs: Vec<(
            numerust_kernels::Run<'_, f64>,
            numerust_kernels::RunMut<'_, f64>,
        )>,
        total: usize,
    ) {
        unary::run_many::<K, f64>(runs, total)
    }
}

fn apply<K: Unary<f32> + Unary<f64>, T: LogFloat>(a: &impl AsView<T>) -> NdArray<T> {
    super::unary_with_kernel(
        a,
        |x| {
            let mut out = Vec::new();
            out.extend_from_slice(x);
            T::run_kernel::<K>(
                vec![(
                    numerust_kernels::Run::from_slice(x),
                    numerust_kernels::RunMut::from_slice(&mut out),
                )],
                x.len(),
            );
            out
        },
        |runs, total| T::run_kernel::<K>(runs, total),
    )
}

fn apply_into<K: Unary<f32> + Unary<f64>, T: LogFloat>(
    a: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    super::unary_with_kernel_into(a, out, |runs, total| T::run_kernel::<K>(runs, total))
}

macro_rules! log_ufunc {
    ($(#[$doc:meta])* $name:ident, $into:ident, $kernel:ident) => {
        $(#[$doc])*
        pub fn $name<T: LogFloat>(a: &impl AsView<T>) -> NdArray<T> {
            apply::<$kernel, T>(a)
        }

        #[doc = concat!("`", stringify!($name), "` writing into `out`, `a` broadcast to its \
            shape (NumPy: `np.", stringify!($name), "(a, out=out)`).")]
        ///
        /// # Errors
        /// `BroadcastTo` when `a` cannot be broadcast to `out`'s shape.
        pub fn $into<T: LogFloat>(a: &impl AsView<T>, out: &mut ArrayViewMut<'_, T>) -> NdResult<()> {
            apply_into::<$kernel, T>(a, out)
        }

        impl<T: LogFloat> NdArray<T> {
            #[doc = concat!("Element-wise `", stringify!($name), "` (NumPy: `np.",
                stringify!($name), "(a)`); see [`", stringify!($name), "()`].")]
            pub fn $name(&self) -> NdArray<T> {
                $name(self)
            }
        }
    };
}

log_ufunc!(
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

log_ufunc!(
    /// Base-2 logarithm, element-wise (NumPy: `np.log2(a)`); exact at powers of two.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::log2};
    /// let a = NdArray::from_vec(vec![1.0f32, 8.0, 0.5, 1e-45]);
    /// assert_eq!(log2(&a).to_vec(), vec![0.0, 3.0, -1.0, -149.0]);
    /// ```
    log2, log2_into, Log2
);

log_ufunc!(
    /// Base-10 logarithm, element-wise (NumPy: `np.log10(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::log10};
    /// let a = NdArray::from_vec(vec![1.0f64, 10.0, 1000.0, 1e-300]);
    /// assert_eq!(log10(&a).to_vec(), vec![0.0, 1.0, 3.0, -300.0]);
    /// ```
    log10, log10_into, Log10
);

log_ufunc!(
    /// `log(1 + x)`, accurate for tiny `x` (NumPy: `np.log1p(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::log1p};
    /// let a = NdArray::from_vec(vec![1e-20f64, 0.0, -1.0]);
    /// assert_eq!(log1p(&a).to_vec(), vec![1e-20, 0.0, f64::NEG_INFINITY]);
    /// ```
    log1p, log1p_into, Log1p
);

log_ufunc!(
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

log_ufunc!(
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

log_ufunc!(
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

log_ufunc!(
    /// Cube root, element-wise, defined for negative inputs (NumPy: `np.cbrt(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::log::cbrt};
    /// let a = NdArray::from_vec(vec![27.0f64, -8.0, 0.0]);
    /// assert_eq!(cbrt(&a).to_vec(), vec![3.0, -2.0, 0.0]);
    /// ```
    cbrt, cbrt_into, Cbrt
);
