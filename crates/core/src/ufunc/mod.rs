//! The ufunc front end: broadcasting, output allocation and `out=` handling for element-wise
//! operations, which it hands to `numerust-kernels` as 1-D runs.
//!
//! [`map_unary`] and [`map_binary`] take a per-element closure; kernels run it at the
//! dispatched SIMD level and across threads for large inputs. The named ufuncs (`add`,
//! `sqrt`, ...) and the Rust operators are thin layers on these.
//! Output memory order follows NumPy's default `order='K'` for the common cases: F when
//! every input is F-contiguous (and not C), else C.

pub mod arith;
pub mod classify;
pub mod compare;
pub mod exp;
pub mod log;
pub mod logical;
pub mod ops;
pub mod rounding;
pub mod select;
pub mod simple;
pub mod transcendental;
pub mod trig;

use crate::array::{AsView, NdArray};
use crate::broadcast::{broadcast_layout, broadcast_shape_pair};
use crate::element::Element;
use crate::elementwise::build_overwrite;
use crate::error::NdResult;
use crate::iter::runs::{runs_mut_1, runs_mut_2};
use crate::layout::{Layout, Order};
use crate::view::{ArrayView, ArrayViewMut};
use numerust_kernels::dispatch;

/// Contiguous outputs below the huge-page size that one thread will compute anyway are
/// collected into a plain `Vec` (no zeroing pass, no plan).
fn is_small<U>(len: usize) -> bool {
    len.saturating_mul(std::mem::size_of::<U>()) < crate::buffer::HUGE_PAGE_BYTES
        && !dispatch::wants_threads(len)
}

pub(crate) fn k_order(layouts: &[&Layout]) -> Order {
    if layouts
        .iter()
        .all(|l| l.is_f_contiguous() && !l.is_c_contiguous())
    {
        Order::F
    } else {
        Order::C
    }
}

/// The runs of one unary operation, handed to a kernel that takes them all at once.
pub(crate) type UnaryRuns<'r, T, U> = Vec<(
    numerust_kernels::Run<'r, T>,
    numerust_kernels::RunMut<'r, U>,
)>;

/// The shared unary front end: a new array in NumPy's K order whose elements `run` writes
/// from the plan's runs (total element count given), or, for small contiguous input, the
/// `Vec` that `collect` returns (no zeroing pass, no plan).
pub(crate) fn unary_with_kernel<T: Element, U: Element>(
    a: &impl AsView<T>,
    collect: impl FnOnce(&[T]) -> Vec<U>,
    run: impl FnOnce(UnaryRuns<'_, T, U>, usize),
) -> NdArray<U> {
    let a = a.as_view();
    if let Some(x) = a.as_slice().filter(|x| is_small::<U>(x.len())) {
        return NdArray::from_shape_vec(a.shape(), collect(x)).expect("same shape as the input");
    }
    build_overwrite(a.shape(), k_order(&[a.layout()]), |dst| {
        let total = dst.size();
        run(
            runs_mut_1(dst, &a)
                .into_iter()
                .map(|(d, s)| (s, d))
                .collect(),
            total,
        );
    })
    .expect("a view's shape was checked when it was made")
}

/// The shared `out=` front end: `a` broadcast to `out`'s shape, runs handed to `run`.
///
/// # Errors
/// `BroadcastTo` when `a` cannot be broadcast to `out`.
pub(crate) fn unary_with_kernel_into<T: Element, U: Element>(
    a: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, U>,
    run: impl FnOnce(UnaryRuns<'_, T, U>, usize),
) -> NdResult<()> {
    let a = a.as_view();
    let a = a.with_layout(0, broadcast_layout(a.layout(), out.shape())?);
    let total = out.size();
    run(
        runs_mut_1(out, &a)
            .into_iter()
            .map(|(d, s)| (s, d))
            .collect(),
        total,
    );
    Ok(())
}

/// A new array of `f(x)` per element (NumPy: a unary ufunc).
pub fn map_unary<T: Element, U: Element>(
    a: &impl AsView<T>,
    f: impl Fn(T) -> U + Sync,
) -> NdArray<U> {
    unary_with_kernel(
        a,
        |x| dispatch::map_collect(x, &f),
        |runs, total| dispatch::map_many(runs, total, &f),
    )
}

/// `out[...] = f(a)` with `a` broadcast to `out`'s shape (NumPy: `ufunc(a, out=out)`).
///
/// # Errors
/// `BroadcastTo` when `a` cannot be broadcast to `out`.
pub fn map_unary_into<T: Element, U: Element>(
    a: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, U>,
    f: impl Fn(T) -> U + Sync,
) -> NdResult<()> {
    unary_with_kernel_into(a, out, |runs, total| dispatch::map_many(runs, total, &f))
}

/// Two views broadcast to their common shape.
fn broadcast_pair<'a, 'b, A: Element, B: Element>(
    a: &ArrayView<'a, A>,
    b: &ArrayView<'b, B>,
) -> NdResult<(ArrayView<'a, A>, ArrayView<'b, B>)> {
    let shape = broadcast_shape_pair(a.shape(), b.shape())?;
    Ok((
        a.with_layout(0, broadcast_layout(a.layout(), &shape)?),
        b.with_layout(0, broadcast_layout(b.layout(), &shape)?),
    ))
}

/// A new array of `f(x, y)` with `a` and `b` broadcast together (NumPy: a binary ufunc).
///
/// # Errors
/// `Broadcast` (`operands could not be broadcast together with shapes (2,3) (4,)`).
pub fn map_binary<A: Element, B: Element, U: Element>(
    a: &impl AsView<A>,
    b: &impl AsView<B>,
    f: impl Fn(A, B) -> U + Sync,
) -> NdResult<NdArray<U>> {
    let (a, b) = (a.as_view(), b.as_view());
    if a.shape() == b.shape()
        && let (Some(x), Some(y)) = (a.as_slice(), b.as_slice())
        && is_small::<U>(x.len())
    {
        let v = dispatch::zip_collect(x, y, &f);
        return NdArray::from_shape_vec(a.shape(), v);
    }
    let (a, b) = broadcast_pair(&a, &b)?;
    let order = k_order(&[a.layout(), b.layout()]);
    build_overwrite(a.shape(), order, |dst| {
        let total = dst.size();
        let runs = runs_mut_2(dst, &a, &b)
            .into_iter()
            .map(|(d, x, y)| (x, y, d))
            .collect();
        dispatch::zip_many(runs, total, &f);
    })
}

/// `out[...] = f(a, b)` with `a` and `b` broadcast to `out`'s shape (NumPy:
/// `ufunc(a, b, out=out)`).
///
/// # Errors
/// `Broadcast`/`BroadcastTo` when the shapes do not fit `out`.
pub fn map_binary_into<A: Element, B: Element, U: Element>(
    a: &impl AsView<A>,
    b: &impl AsView<B>,
    out: &mut ArrayViewMut<'_, U>,
    f: impl Fn(A, B) -> U + Sync,
) -> NdResult<()> {
    let (a, b) = (a.as_view(), b.as_view());
    let (a, b) = broadcast_pair(&a, &b)?;
    let shape = out.shape().to_vec();
    let a = a.with_layout(0, broadcast_layout(a.layout(), &shape)?);
    let b = b.with_layout(0, broadcast_layout(b.layout(), &shape)?);
    let total = out.size();
    let runs = runs_mut_2(out, &a, &b)
        .into_iter()
        .map(|(d, x, y)| (x, y, d))
        .collect();
    dispatch::zip_many(runs, total, &f);
    Ok(())
}

/// `x = f(x, y)` in place with `b` broadcast to `dst`'s shape (NumPy: `a += b`).
///
/// # Errors
/// `BroadcastTo` when `b` cannot be broadcast to `dst`'s shape.
pub fn update_binary<T: Element, B: Element>(
    dst: &mut ArrayViewMut<'_, T>,
    b: &impl AsView<B>,
    f: impl Fn(T, B) -> T + Sync,
) -> NdResult<()> {
    let b = b.as_view();
    let b = b.with_layout(0, broadcast_layout(b.layout(), dst.shape())?);
    let total = dst.size();
    dispatch::update_many(runs_mut_1(dst, &b), total, &f);
    Ok(())
}
