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

fn k_order(layouts: &[&Layout]) -> Order {
    if layouts
        .iter()
        .all(|l| l.is_f_contiguous() && !l.is_c_contiguous())
    {
        Order::F
    } else {
        Order::C
    }
}

/// A new array of `f(x)` per element (NumPy: a unary ufunc).
pub fn map_unary<T: Element, U: Element>(
    a: &impl AsView<T>,
    f: impl Fn(T) -> U + Sync,
) -> NdArray<U> {
    let a = a.as_view();
    build_overwrite(a.shape(), k_order(&[a.layout()]), |dst| {
        let total = dst.size();
        dispatch::map_many(
            runs_mut_1(dst, &a)
                .into_iter()
                .map(|(d, s)| (s, d))
                .collect(),
            total,
            &f,
        );
    })
    .expect("a view's shape was checked when it was made")
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
    let a = a.as_view();
    let a = a.with_layout(0, broadcast_layout(a.layout(), out.shape())?);
    let total = out.size();
    dispatch::map_many(
        runs_mut_1(out, &a)
            .into_iter()
            .map(|(d, s)| (s, d))
            .collect(),
        total,
        &f,
    );
    Ok(())
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
