//! Element choice by condition: [`where_`] (NumPy's `np.where(cond, x, y)`; `where` is a
//! Rust keyword, hence the trailing underscore) and [`select`] (`np.select`).
//!
//! Both broadcast all operands together. When `x` or `y` is one value (a 0-d array or any
//! operand that broadcasting repeats everywhere, e.g. `np.where(a > 0.5, a, 0.0)`), the choice
//! runs through the threaded, SIMD-dispatched binary driver; three varying operands go
//! through one single-threaded C-ordered pass (over contiguous copies of any operands that
//! are not C-contiguous).

use super::{map_binary, map_binary_into};
use crate::array::{AsView, NdArray};
use crate::broadcast::broadcast_shapes;
use crate::element::Element;
use crate::elementwise::build_overwrite;
use crate::error::{NdError, NdResult};
use crate::layout::Order;
use crate::view::{ArrayView, ArrayViewMut};

/// The one value of a view that broadcasting repeats everywhere, if it is such a view.
fn constant<T: Element>(v: &ArrayView<'_, T>) -> Option<T> {
    if v.size() == 0 || v.layout().strides().iter().any(|&s| s != 0) {
        return None;
    }
    v.iter().next().copied()
}

/// C-ordered elements of `v`, borrowed when `v` is C-contiguous.
fn c_order<'a, T: Element>(v: &ArrayView<'a, T>) -> std::borrow::Cow<'a, [T]> {
    match v.as_slice() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(v.to_vec()),
    }
}

/// The three operands broadcast to their common shape.
fn broadcast3<'c, 'x, 'y, C: Element, T: Element>(
    cond: &'c impl AsView<C>,
    x: &'x impl AsView<T>,
    y: &'y impl AsView<T>,
    out_shape: Option<&[usize]>,
) -> NdResult<(ArrayView<'c, C>, ArrayView<'x, T>, ArrayView<'y, T>)> {
    let (c, x, y) = (cond.as_view(), x.as_view(), y.as_view());
    let mut shapes = vec![c.shape(), x.shape(), y.shape()];
    if let Some(s) = out_shape {
        shapes.push(s);
    }
    let shape = broadcast_shapes(&shapes)?;
    if let Some(s) = out_shape
        && s != shape.as_slice()
    {
        return Err(NdError::ShapeMismatch(format!(
            "non-broadcastable output operand with shape {s:?} doesn't match the broadcast \
             shape {shape:?}"
        )));
    }
    Ok((
        c.broadcast_to(&shape)?,
        x.broadcast_to(&shape)?,
        y.broadcast_to(&shape)?,
    ))
}

/// `x` where `cond` is true, else `y`, element-wise with broadcasting (NumPy:
/// `np.where(cond, x, y)`; named `where_` because `where` is a Rust keyword).
///
/// `cond` is usually a `bool` array; any element type works with NumPy's truthiness (true
/// where not zero, so NaN is true). For the one-argument `np.where(cond)` use
/// [`crate::nonzero`].
///
/// # Errors
/// `Broadcast` when the three shapes do not broadcast together.
///
/// ```
/// use numerust_core::{NdArray, ufunc::select::where_};
/// let a = NdArray::from_vec(vec![0.2, 0.7, 0.9]);
/// let r = where_(&a.gt_scalar(0.5), &a, &NdArray::from_elem_0d(0.0)).unwrap();
/// assert_eq!(r.to_vec(), vec![0.0, 0.7, 0.9]);
/// ```
pub fn where_<C: Element, T: Element>(
    cond: &impl AsView<C>,
    x: &impl AsView<T>,
    y: &impl AsView<T>,
) -> NdResult<NdArray<T>> {
    let (c, x, y) = broadcast3(cond, x, y, None)?;
    if let Some(y0) = constant(&y) {
        return map_binary(&c, &x, move |k: C, v| if k != C::zero() { v } else { y0 });
    }
    if let Some(x0) = constant(&x) {
        return map_binary(&c, &y, move |k: C, v| if k != C::zero() { x0 } else { v });
    }
    build_overwrite(c.shape(), Order::C, |dst| {
        let out = dst
            .as_slice_mut()
            .expect("a new C-ordered array is contiguous");
        choose_into(&c, &x, &y, out);
    })
}

/// `out[i] = if cond[i] { x[i] } else { y[i] }` over C order, for three varying operands.
fn choose_into<C: Element, T: Element>(
    c: &ArrayView<'_, C>,
    x: &ArrayView<'_, T>,
    y: &ArrayView<'_, T>,
    out: &mut [T],
) {
    let (cs, xs, ys) = (c_order(c), c_order(x), c_order(y));
    for (o, (&k, (&p, &q))) in out.iter_mut().zip(cs.iter().zip(xs.iter().zip(ys.iter()))) {
        *o = if k != C::zero() { p } else { q };
    }
}

/// [`where_`] writing into `out` (NumPy: `np.where` has no `out=`; this is
/// `np.copyto(out, np.where(cond, x, y))`, without the temporary when `x` or `y` is
/// constant or `out` is C-contiguous).
///
/// # Errors
/// `Broadcast` when the shapes do not broadcast; `ShapeMismatch` when the broadcast shape is
/// not `out`'s shape.
pub fn where_into<C: Element, T: Element>(
    cond: &impl AsView<C>,
    x: &impl AsView<T>,
    y: &impl AsView<T>,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    let shape = out.shape().to_vec();
    let (c, x, y) = broadcast3(cond, x, y, Some(&shape))?;
    if let Some(y0) = constant(&y) {
        return map_binary_into(
            &c,
            &x,
            out,
            move |k: C, v| if k != C::zero() { v } else { y0 },
        );
    }
    if let Some(x0) = constant(&x) {
        return map_binary_into(
            &c,
            &y,
            out,
            move |k: C, v| if k != C::zero() { x0 } else { v },
        );
    }
    if let Some(slice) = out.as_slice_mut() {
        choose_into(&c, &x, &y, slice);
        return Ok(());
    }
    let full = where_(&c, &x, &y)?;
    out.assign(&full)
}

/// For each element, the value from the first choice whose condition is true, else `default`
/// (NumPy: `np.select(condlist, choicelist, default)`).
///
/// All conditions and choices broadcast together.
///
/// # Errors
/// `InvalidValue` when the lists differ in length (`list of cases must be same length as list
/// of conditions`) or are empty (`select with an empty condition list is not possible`);
/// `Broadcast` when the shapes do not broadcast.
///
/// ```
/// use numerust_core::{NdArray, ufunc::select::select};
/// let x = NdArray::from_vec(vec![0i64, 1, 2, 3, 4, 5]);
/// let conds = [x.lt_scalar(3), x.gt_scalar(4)];
/// let choices = [x.clone(), &x * &x];
/// assert_eq!(select(&conds, &choices, 42).unwrap().to_vec(), vec![0, 1, 2, 42, 42, 25]);
/// ```
pub fn select<T: Element>(
    condlist: &[impl AsView<bool>],
    choicelist: &[impl AsView<T>],
    default: T,
) -> NdResult<NdArray<T>> {
    if condlist.len() != choicelist.len() {
        return Err(NdError::InvalidValue(
            "list of cases must be same length as list of conditions".into(),
        ));
    }
    if condlist.is_empty() {
        return Err(NdError::InvalidValue(
            "select with an empty condition list is not possible".into(),
        ));
    }
    let conds: Vec<ArrayView<'_, bool>> = condlist.iter().map(|c| c.as_view()).collect();
    let choices: Vec<ArrayView<'_, T>> = choicelist.iter().map(|c| c.as_view()).collect();
    let shapes: Vec<&[usize]> = conds
        .iter()
        .map(|c| c.shape())
        .chain(choices.iter().map(|c| c.shape()))
        .collect();
    let shape = broadcast_shapes(&shapes)?;
    // NumPy's order: start from the default, then apply the choices last to first so the
    // first true condition wins.
    let mut result = NdArray::from_elem_0d(default)
        .broadcast_to(&shape)?
        .to_owned();
    for (c, x) in conds.iter().zip(&choices).rev() {
        result = where_(c, x, &result)?;
    }
    Ok(result)
}
