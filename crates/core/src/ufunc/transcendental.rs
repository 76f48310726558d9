//! The shared front end of the vector-math ufuncs in [`super::exp`], [`super::log`] and
//! [`super::trig`]: their element trait [`TranscendentalFloat`] (`f32` and `f64`), the
//! functions that hand a `numerust_kernels` kernel type the runs of an operation, and the
//! macro that defines each NumPy-named function with its `_into` form and its method.
//!
//! No math here: the kernels own it, `super::unary_with_kernel` owns broadcasting and
//! allocation.

use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::NdResult;
use crate::view::ArrayViewMut;
use numerust_kernels::trig::{self as ktrig, Binary};
use numerust_kernels::unary::{self, Unary};
use numerust_kernels::{Run, RunMut};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// `f32` and `f64`: the element types of the exponential, logarithmic and trigonometric
/// ufuncs (also named `ExpFloat`, `LogFloat` and `TrigFloat` in their modules).
pub trait TranscendentalFloat: Element + sealed::Sealed {
    /// Runs kernel `K` over `(input, output)` runs holding `total` elements.
    #[doc(hidden)]
    fn run_kernel<K: Unary<f32> + Unary<f64>>(
        runs: Vec<(Run<'_, Self>, RunMut<'_, Self>)>,
        total: usize,
    );

    /// `K(x)` for each element of a contiguous slice, collected on this thread.
    #[doc(hidden)]
    fn collect_kernel<K: Unary<f32> + Unary<f64>>(src: &[Self]) -> Vec<Self>;

    /// Runs binary kernel `K` over `(a, b, output)` runs holding `total` elements.
    #[doc(hidden)]
    fn run_kernel2<K: Binary<f32> + Binary<f64>>(
        runs: Vec<(Run<'_, Self>, Run<'_, Self>, RunMut<'_, Self>)>,
        total: usize,
    );
}

macro_rules! impl_transcendental_float {
    ($($t:ty),*) => {$(
        impl TranscendentalFloat for $t {
            fn run_kernel<K: Unary<f32> + Unary<f64>>(
                runs: Vec<(Run<'_, $t>, RunMut<'_, $t>)>,
                total: usize,
            ) {
                unary::run_many::<K, $t>(runs, total)
            }

            fn collect_kernel<K: Unary<f32> + Unary<f64>>(src: &[$t]) -> Vec<$t> {
                unary::collect::<K, $t>(src)
            }

            fn run_kernel2<K: Binary<f32> + Binary<f64>>(
                runs: Vec<(Run<'_, $t>, Run<'_, $t>, RunMut<'_, $t>)>,
                total: usize,
            ) {
                ktrig::run2_many::<K, $t>(runs, total)
            }
        }
    )*};
}
impl_transcendental_float!(f32, f64);

/// A new array of `K(a)` in NumPy's K order (small contiguous inputs collected directly).
pub(crate) fn apply<K: Unary<f32> + Unary<f64>, T: TranscendentalFloat>(
    a: &impl AsView<T>,
) -> NdArray<T> {
    super::unary_with_kernel(
        a,
        |x| T::collect_kernel::<K>(x),
        |runs, total| T::run_kernel::<K>(runs, total),
    )
}

/// `out[...] = K(a)` with `a` broadcast to `out`'s shape.
///
/// # Errors
/// `BroadcastTo` when `a` cannot be broadcast to `out`.
pub(crate) fn apply_into<K: Unary<f32> + Unary<f64>, T: TranscendentalFloat>(
    a: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    super::unary_with_kernel_into(a, out, |runs, total| T::run_kernel::<K>(runs, total))
}

/// Defines the ufunc `$name` running kernel `$kernel` (doc given), its `$into` form (NumPy's
/// `out=`) and the method `NdArray::$name`.
macro_rules! transcendental_ufunc {
    ($(#[$doc:meta])* $name:ident, $into:ident, $kernel:ident) => {
        $(#[$doc])*
        pub fn $name<T: $crate::ufunc::transcendental::TranscendentalFloat>(
            a: &impl $crate::array::AsView<T>,
        ) -> $crate::array::NdArray<T> {
            $crate::ufunc::transcendental::apply::<$kernel, T>(a)
        }

        #[doc = concat!("`", stringify!($name), "` writing into `out`, `a` broadcast to its \
            shape (NumPy: `np.", stringify!($name), "(a, out=out)`).")]
        ///
        /// # Errors
        /// `BroadcastTo` when `a` cannot be broadcast to `out`'s shape.
        pub fn $into<T: $crate::ufunc::transcendental::TranscendentalFloat>(
            a: &impl $crate::array::AsView<T>,
            out: &mut $crate::view::ArrayViewMut<'_, T>,
        ) -> $crate::error::NdResult<()> {
            $crate::ufunc::transcendental::apply_into::<$kernel, T>(a, out)
        }

        impl<T: $crate::ufunc::transcendental::TranscendentalFloat> $crate::array::NdArray<T> {
            #[doc = concat!("Element-wise `", stringify!($name), "` (NumPy: `np.",
                stringify!($name), "(a)`); see [`", stringify!($name), "()`].")]
            pub fn $name(&self) -> $crate::array::NdArray<T> {
                $name(self)
            }
        }
    };
}
pub(crate) use transcendental_ufunc;
