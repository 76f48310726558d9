//! The element traits quantiles, averages and histograms compute with.
//!
//! [`StatFloat`] is `f32`/`f64` with arithmetic; [`StatElement`] is every sortable type
//! whose mean has a float type (NumPy: floats keep their type, integers and bool give
//! `float64`), which is what quantiles, `gradient` and scaling return.

use crate::order::SortElement;
use numerust_core::reduce::{FloatElement, MeanElement};

/// `f32` and `f64`: the types statistics are computed in.
pub trait StatFloat: FloatElement + SortElement + num_traits::Float + Send + Sync {
    /// `x` rounded to this type.
    fn from_f64(x: f64) -> Self;
    /// The value as `f64` (exact).
    fn to_f64(self) -> f64;
}

impl StatFloat for f64 {
    #[inline(always)]
    fn from_f64(x: f64) -> f64 {
        x
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self
    }
}

impl StatFloat for f32 {
    #[inline(always)]
    fn from_f64(x: f64) -> f32 {
        x as f32
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self as f64
    }
}

/// Sortable elements with a float mean type: bool, integers, `f32`, `f64`.
pub trait StatElement: SortElement + MeanElement<Float: StatFloat> {}

impl<T: SortElement + MeanElement<Float: StatFloat>> StatElement for T {}
