//! Reductions: sum, prod, mean, var/std, min/max, argmin/argmax, ptp, all/any,
//! count_nonzero, cumsum/cumprod and the nan* variants, over all axes, one axis or several.
//!
//! API mapping (NumPy → numerust), the same pattern for every reduction `r`:
//! - `np.r(a)` → `r(&a)` (a scalar; `NdResult` where NumPy can raise),
//! - `np.r(a, axis=k)` → `r_axis(&a, k)`,
//! - `np.r(a, axis=(j, k), keepdims=kd)` → `r_axes(&a, &[j, k], kd)` (`&[]` is no axis;
//!   NumPy's `axis=None, keepdims=True` is every axis listed),
//! - var/std/nanvar/nanstd take `ddof` through [`VarOptions`] (`var_with`).
//!
//! Dtypes follow NumPy: sums/products of signed integers and bool accumulate in `i64`, of
//! unsigned in `u64` (wrapping); float sums stay in their type. Means and variances of
//! integers are `f64`. Float sums reproduce NumPy's order (see docs/accuracy.md and
//! `numerust_kernels::reduce::sum`): a contiguous (or mergeable strided) reduced axis is one
//! pairwise sum per output, an outer axis adds rows in order into an accumulator row, and a
//! full reduction of a non-mergeable view goes in NumPy's 8192-element blocks of whole rows.
//! This module owns the axis handling; the loops are in `numerust_kernels::reduce`.

pub mod extreme;
pub mod logic;
pub mod methods;
pub mod sum;
pub mod var;

pub use extreme::{
    argmax, argmax_axis, argmin, argmin_axis, max, max_axes, max_axis, min, min_axes, min_axis,
    nanargmax, nanargmax_axis, nanargmin, nanargmin_axis, nanmax, nanmax_axes, nanmax_axis, nanmin,
    nanmin_axes, nanmin_axis, ptp, ptp_axes, ptp_axis,
};
pub use logic::{
    all, all_axes, all_axis, any, any_axes, any_axis, count_nonzero, count_nonzero_axes,
    count_nonzero_axis,
};
pub use sum::{
    cumprod, cumprod_axis, cumsum, cumsum_axis, mean, mean_axes, mean_axis, nanmean, nanmean_axes,
    nanmean_axis, nanprod, nanprod_axes, nanprod_axis, nansum, nansum_axes, nansum_axis, prod,
    prod_axes, prod_axis, sum, sum_axes, sum_axis,
};
pub use var::{
    VarOptions, nanstd, nanstd_with, nanvar, nanvar_with, std, std_axes, std_axis, std_with, var,
    var_axes, var_axis, var_with,
};

use crate::array::NdArray;
use crate::element::Element;
use crate::error::{NdError, NdResult};
use crate::iter::plan::Plan;
use crate::layout::normalize_axis;
use crate::view::ArrayView;
use numerust_kernels::reduce::{MinMax, SumFloat, collect_indexed, for_chunks_mut};
use numerust_kernels::{Run, RunMut};

/// Element types that sum and multiply (NumPy's `add.reduce` / `multiply.reduce` dtypes).
pub trait SumElement: Element + MinMax {
    /// The accumulator and result type: `f32`/`f64` for floats, `i64` for signed integers
    /// and bool, `u64` for unsigned integers (NumPy's default integer promotion).
    type Acc: Element + MinMax;
    /// The value as an accumulator.
    fn to_acc(self) -> Self::Acc;
    /// `a + b` (wrapping for integers).
    fn acc_add(a: Self::Acc, b: Self::Acc) -> Self::Acc;
    /// `a * b` (wrapping for integers).
    fn acc_mul(a: Self::Acc, b: Self::Acc) -> Self::Acc;
    /// Sum of a run (NumPy's pairwise order for floats), without the `+0` start.
    fn sum_run(run: Run<'_, Self>) -> Self::Acc;
}

/// Element types with a mean and variance (NumPy: floats keep their type, the rest is f64).
pub trait MeanElement: SumElement {
    /// The result type of `mean`/`var`/`std`.
    type Float: FloatElement;
    /// Whether NumPy casts to compute the mean (then it sums in 8192-element buffers).
    const CASTS: bool;
    /// The value in the result type.
    fn to_float(self) -> Self::Float;
}

/// `f32` and `f64`: the types means, variances and nan* reductions compute in.
pub trait FloatElement:
    MeanElement<Float = Self> + SumElement<Acc = Self> + SumFloat + MinMax
{
    /// Not a number.
    const NAN: Self;
    /// Positive infinity.
    const INFINITY: Self;
    /// `self / n`, rounded as NumPy's `true_divide(sum, intp count)` does.
    fn div_count(self, n: f64) -> Self;
    /// Square root (NumPy: `np.sqrt`).
    fn sqrt_value(self) -> Self;
    /// Whether the value is NaN.
    fn is_nan(self) -> bool;
}

macro_rules! impl_float {
    ($($t:ty),*) => {$(
        impl SumElement for $t {
            type Acc = $t;
            #[inline(always)]
            fn to_acc(self) -> $t { self }
            #[inline(always)]
            fn acc_add(a: $t, b: $t) -> $t { a + b }
            #[inline(always)]
            fn acc_mul(a: $t, b: $t) -> $t { a * b }
            fn sum_run(run: Run<'_, $t>) -> $t {
                numerust_kernels::reduce::pairwise_sum(run)
            }
        }
        impl MeanElement for $t {
            type Float = $t;
            const CASTS: bool = false;
            #[inline(always)]
            fn to_float(self) -> $t { self }
        }
        impl FloatElement for $t {
            const NAN: $t = <$t>::NAN;
            const INFINITY: $t = <$t>::INFINITY;
            #[inline(always)]
            fn div_count(self, n: f64) -> $t { (self as f64 / n) as $t }
            #[inline(always)]
            fn sqrt_value(self) -> $t { self.sqrt() }
            #[inline(always)]
            fn is_nan(self) -> bool { <$t>::is_nan(self) }
        }
    )*};
}
impl_float!(f32, f64);

macro_rules! impl_int {
    ($($t:ty => $acc:ty),*) => {$(
        impl SumElement for $t {
            type Acc = $acc;
            #[inline(always)]
            fn to_acc(self) -> $acc { self as $acc }
            #[inline(always)]
            fn acc_add(a: $acc, b: $acc) -> $acc { a.wrapping_add(b) }
            #[inline(always)]
            fn acc_mul(a: $acc, b: $acc) -> $acc { a.wrapping_mul(b) }
            fn sum_run(run: Run<'_, $t>) -> $acc {
                numerust_kernels::reduce::fold_int(run, 0, &|a: $acc, x: $t| {
                    a.wrapping_add(x as $acc)
                })
            }
        }
        impl MeanElement for $t {
            type Float = f64;
            const CASTS: bool = true;
            #[inline(always)]
            fn to_float(self) -> f64 { self.to_acc() as f64 }
        }
    )*};
}
impl_int!(i8 => i64, i16 => i64, i32 => i64, i64 => i64, u8 => u64, u16 => u64, u32 => u64,
    u64 => u64, bool => i64);

/// Which axes a reduction removes, and the shapes around it.
#[derive(Clone, Debug)]
pub(crate) struct AxisSet {
    /// Per input axis: reduced or kept.
    pub reduced: Vec<bool>,
    /// Result shape (reduced axes dropped, or kept as 1 with keepdims).
    pub out_shape: Vec<usize>,
    /// Elements reduced into each output (product of the reduced axes).
    pub count: usize,
}

impl AxisSet {
    /// The axes listed (negative counts from the end).
    ///
    /// # Errors
    /// `AxisOutOfBounds`; `InvalidValue("duplicate value in 'axis'")` for a repeat.
    pub fn new(shape: &[usize], axes: &[isize], keepdims: bool) -> NdResult<AxisSet> {
        let mut reduced = vec![false; shape.len()];
        for &ax in axes {
            let a = normalize_axis(ax, shape.len())?;
            if reduced[a] {
                return Err(NdError::InvalidValue(
                    "duplicate value in 'axis'".to_string(),
                ));
            }
            reduced[a] = true;
        }
        let mut out_shape = Vec::with_capacity(shape.len());
        let mut count = 1usize;
        for (&d, &r) in shape.iter().zip(&reduced) {
            if r {
                count *= d;
                if keepdims {
                    out_shape.push(1);
                }
            } else {
                out_shape.push(d);
            }
        }
        Ok(AxisSet {
            reduced,
            out_shape,
            count,
        })
    }

    /// Whether some output element reduces over no input (an empty reduced axis).
    pub fn has_empty_reduction(&self) -> bool {
        self.count == 0 && self.out_shape.iter().product::<usize>() > 0
    }
}

/// The 1-D run of `len` elements at `offset` (elements from `a`'s first) with `stride`.
///
/// Callers pass an offset, length and stride taken from a [`Plan`] of `a`'s own layout, so
/// every element of the run is an element of `a`.
pub(crate) fn run_at<'a, T: Element>(
    a: &ArrayView<'a, T>,
    offset: isize,
    len: usize,
    stride: isize,
) -> Run<'a, T> {
    debug_assert!(len > 0 && len <= a.size());
    // SAFETY: (offset, len, stride) come from a Plan over `a`'s shape and strides, so each
    // address offset + i*stride (i < len) is an in-bounds element of the view, which is
    // initialised and not written for 'a (view invariant).
    unsafe { Run::from_raw(a.as_ptr().wrapping_offset(offset), len, stride) }
}

/// Reduces `a` over the axes `set.reduced`, in NumPy's order: when the innermost merged axis
/// (memory order) is reduced, `out = run_op(out, run)` per run; otherwise each input element
/// is combined into its output with `elem_op`, rows in order. Outputs start at `init`.
/// Returns the outputs in C order of the kept axes.
pub(crate) fn reduce_view<T: Element, A: Copy + Send + Sync>(
    a: &ArrayView<'_, T>,
    reduced: &[bool],
    init: A,
    run_op: &(impl Fn(A, Run<'_, T>) -> A + Sync),
    elem_op: &(impl Fn(A, T) -> A + Sync),
) -> Vec<A> {
    let shape = a.shape();
    let nd = shape.len();
    let mut ostr = vec![0isize; nd];
    let mut out_len = 1usize;
    for i in (0..nd).rev() {
        if !reduced[i] {
            ostr[i] = out_len as isize;
            out_len *= shape[i];
        }
    }
    let mut out = vec![init; out_len];
    let plan = Plan::new(shape, [a.layout().strides(), &ostr], false);
    if plan.is_empty() {
        return out;
    }
    let (dims, strides) = (plan.dims(), plan.strides());
    let n = dims.len();
    if n == 0 {
        out[0] = elem_op(init, run_at(a, 0, 1, 0).get(0));
        return out;
    }
    let len = dims[n - 1];
    let [si, so] = strides[n - 1];
    let mut blocks = Vec::with_capacity(plan.run_count());
    plan.for_each_block(1, |o| blocks.push(o));
    if so == 0 {
        if blocks.len() == out_len {
            let vals = collect_indexed(blocks.len(), len, &|k| {
                run_op(init, run_at(a, blocks[k][0], len, si))
            });
            for (b, v) in blocks.iter().zip(vals) {
                out[b[1] as usize] = v;
            }
        } else {
            for [oi, oo] in blocks {
                out[oo as usize] = run_op(out[oo as usize], run_at(a, oi, len, si));
            }
        }
    } else if n == 2 && strides[0][1] == 0 && so == 1 && out_len == len {
        // Outer axis reduced, rows added in order; threads take column ranges.
        let rows: Vec<Run<'_, T>> = blocks.iter().map(|b| run_at(a, b[0], len, si)).collect();
        let chunk = 256;
        for_chunks_mut(&mut out, chunk, rows.len(), &|start, acc| {
            for row in &rows {
                let part = row.split_at(start).1.split_at(acc.len()).0;
                numerust_kernels::dispatch::update_level(RunMut::from_slice(acc), part, elem_op);
            }
        });
    } else {
        for [oi, oo] in blocks {
            let run = run_at(a, oi, len, si);
            for k in 0..len {
                let o = (oo + k as isize * so) as usize;
                out[o] = elem_op(out[o], run.get(k));
            }
        }
    }
    out
}

/// Wraps reduction outputs (C order of the kept axes) as an array of `set.out_shape`.
pub(crate) fn finish<A: Element>(set: &AxisSet, v: Vec<A>) -> NdArray<A> {
    NdArray::from_shape_vec(&set.out_shape, v).expect("output length matches its shape")
}

/// NumPy's buffer size: non-mergeable views and casting sums go in blocks of this many.
pub(crate) const BUFSIZE: usize = 8192;

/// Calls `f(block)` for consecutive blocks of `a`'s elements in memory order, each gathered
/// into one buffer of whole inner rows (`floor(8192 / row) * row` elements, or 8192-element
/// pieces when a row is longer) — NumPy's buffered reduction.
pub(crate) fn for_each_buffer<T: Element, U: Copy>(
    a: &ArrayView<'_, T>,
    map: impl Fn(T) -> U,
    mut f: impl FnMut(&[U]),
) {
    let plan = Plan::new(a.shape(), [a.layout().strides()], false);
    let row = plan.inner_len();
    if row == 0 {
        return;
    }
    let cap = if row <= BUFSIZE {
        BUFSIZE / row * row
    } else {
        BUFSIZE
    };
    let mut buf: Vec<U> = Vec::with_capacity(cap);
    plan.for_each_run(|[o], len, [s]| {
        let run = run_at(a, o, len, s);
        for i in 0..len {
            buf.push(map(run.get(i)));
            if buf.len() == cap {
                f(&buf);
                buf.clear();
            }
        }
    });
    if !buf.is_empty() {
        f(&buf);
    }
}

/// Whether `a`'s elements form a single (maybe strided) run in memory order.
pub(crate) fn is_one_run<T: Element>(a: &ArrayView<'_, T>) -> bool {
    Plan::new(a.shape(), [a.layout().strides()], false)
        .dims()
        .len()
        <= 1
}
