//! Integer-array ("fancy") indexing: [`take`], `a.fancy(&[rows, cols])`, [`put`] and
//! `a.fancy_assign(&[rows, cols], &values)`, with NumPy's semantics and messages.
//!
//! Index arrays are anything implementing [`Indices`]: `NdArray`/`ArrayView` of any integer
//! element type (any shape), or slices, arrays and `Vec`s of `isize`, `usize` or the fixed-width
//! integers (1-D). Negative indices count from the end, as in NumPy; an index outside
//! `-len..len` is an error (`index 10 is out of bounds for axis 0 with size 5`), never a wrap.
//! Results are new C-contiguous arrays. Boolean masks live in `mask.rs`; the offset
//! machinery shared by both in `gather.rs`.

use crate::array::{AsView, NdArray};
use crate::broadcast::{broadcast_layout, broadcast_shapes};
use crate::element::Element;
use crate::elementwise::build;
use crate::error::{NdError, NdResult, shape_str};
use crate::gather::{
    Block, Source, Target, gather_blocks, scatter_blocks, with_array_target, with_view_target,
};
use crate::iter::Offsets;
use crate::layout::{Layout, Order, checked_size, normalize_axis};
use crate::view::{ArrayView, ArrayViewMut};
use std::borrow::Cow;

mod indices;
pub use indices::{IndexInt, Indices};

fn out_of_bounds<I: IndexInt>(ix: I, axis: usize, len: usize) -> NdError {
    NdError::IndexOutOfBounds {
        index: ix.as_isize(),
        axis,
        len,
    }
}

fn empty_take() -> NdError {
    NdError::Empty("cannot do a non-empty take from an empty axes.".into())
}

/// `out[k] = src[idx[k]]`, each index checked (and wrapped) against `src.len()` as it is read:
/// one pass, where the only branch is the predictable bounds test.
fn gather_flat<T: Copy, I: IndexInt>(
    src: &[T],
    idx: &[I],
    out: &mut [T],
    axis: usize,
) -> NdResult<()> {
    let len = src.len();
    for (o, &ix) in out.iter_mut().zip(idx) {
        match ix.resolve(len) {
            Some(i) => *o = src[i],
            None => return Err(out_of_bounds(ix, axis, len)),
        }
    }
    Ok(())
}

/// `resolve(idx[k]) * stride` for every index, checked against `len`.
fn index_offsets<I: IndexInt>(
    idx: &[I],
    len: usize,
    stride: isize,
    axis: usize,
) -> NdResult<Vec<isize>> {
    idx.iter()
        .map(|&ix| {
            ix.resolve(len)
                .map(|i| i as isize * stride)
                .ok_or_else(|| out_of_bounds(ix, axis, len))
        })
        .collect()
}

/// The layout of axes `from..` of `layout`.
fn trailing(layout: &Layout, from: usize) -> Layout {
    Layout::new(
        layout.shape()[from..].to_vec(),
        layout.strides()[from..].to_vec(),
    )
}

/// A new C-contiguous array of `shape` filled by the fallible `fill`.
fn build_with<T: Element>(
    shape: &[usize],
    fill: impl FnOnce(&mut [T]) -> NdResult<()>,
) -> NdResult<NdArray<T>> {
    let mut status = Ok(());
    let out = build(shape, Order::C, |dst: &mut ArrayViewMut<'_, T>| {
        status = fill(dst.as_slice_mut().expect("a new array is C-contiguous"));
    })?;
    status.map(|()| out)
}

/// `take` on a source: see [`take`].
pub(crate) fn take_source<T: Element, X: Indices + ?Sized>(
    src: &Source<'_, T>,
    indices: &X,
    axis: Option<isize>,
) -> NdResult<NdArray<T>> {
    let idx = indices.index_values();
    let ishape = indices.index_shape();
    let Some(axis) = axis else {
        let size = src.layout.size();
        if size == 0 && !idx.is_empty() {
            return Err(empty_take());
        }
        let flat: Cow<'_, [T]> = if src.layout.is_c_contiguous() {
            let start = src.base as usize;
            Cow::Borrowed(&src.data[start..start + size])
        } else {
            Cow::Owned(Offsets::new(&src.layout).map(|o| src.at(o)).collect())
        };
        return build_with(&ishape, |out| gather_flat(&flat, &idx, out, 0));
    };
    // NumPy treats a 0-d array as 1-d here.
    let layout = if src.layout.ndim() == 0 {
        Layout::new(vec![1], vec![0])
    } else {
        src.layout.clone()
    };
    let ax = normalize_axis(axis, layout.ndim())?;
    let (len, stride) = (layout.shape()[ax], layout.strides()[ax]);
    if len == 0 && !idx.is_empty() {
        return Err(empty_take());
    }
    let outer = Layout::new(
        layout.shape()[..ax].to_vec(),
        layout.strides()[..ax].to_vec(),
    );
    let post = trailing(&layout, ax + 1);
    let shape: Vec<usize> = [outer.shape(), &ishape, post.shape()].concat();
    checked_size(&shape)?;
    if outer.size() == 0 {
        // NumPy checks indices per outer position: none here, so none are checked.
        return build_with(&shape, |_| Ok(()));
    }
    let block = Block::new(&post);
    if outer.size() == 1 && matches!(block, Block::One) && stride == 1 {
        let start = src.base as usize;
        let line = &src.data[start..start + len];
        return build_with(&shape, |out| gather_flat(line, &idx, out, ax));
    }
    let picks = index_offsets(&idx, len, stride, ax)?;
    let chunk = picks.len() * block.len();
    build_with(&shape, |out| {
        if chunk > 0 {
            for (dst, o) in out.chunks_exact_mut(chunk).zip(Offsets::new(&outer)) {
                gather_blocks(src, o, &picks, &block, dst);
            }
        }
        Ok(())
    })
}

/// The element offsets selected by index arrays on the leading axes of `layout`, and their
/// broadcast shape.
///
/// # Errors
/// `TooManyIndices`; `ShapeMismatch` when the index arrays do not broadcast (NumPy's
/// "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ");
/// `IndexOutOfBounds`, checking index arrays in order.
pub(crate) fn select<X: Indices>(
    layout: &Layout,
    indices: &[X],
) -> NdResult<(Vec<isize>, Vec<usize>)> {
    if indices.len() > layout.ndim() {
        return Err(NdError::TooManyIndices {
            ndim: layout.ndim(),
            given: indices.len(),
        });
    }
    let shapes: Vec<Vec<usize>> = indices.iter().map(Indices::index_shape).collect();
    let refs: Vec<&[usize]> = shapes.iter().map(Vec::as_slice).collect();
    let bshape = broadcast_shapes(&refs).map_err(|_| {
        let listed: String = shapes.iter().map(|s| shape_str(s) + " ").collect();
        NdError::ShapeMismatch(format!(
            "shape mismatch: indexing arrays could not be broadcast together with shapes {listed}"
        ))
    })?;
    let mut offs = vec![0isize; checked_size(&bshape)?];
    for (axis, (x, xshape)) in indices.iter().zip(&shapes).enumerate() {
        let vals = x.index_values();
        let (len, stride) = (layout.shape()[axis], layout.strides()[axis]);
        let add = |acc: &mut isize, ix: X::Int| -> NdResult<()> {
            let i = ix
                .resolve(len)
                .ok_or_else(|| out_of_bounds(ix, axis, len))?;
            *acc += i as isize * stride;
            Ok(())
        };
        if *xshape == bshape {
            for (acc, &ix) in offs.iter_mut().zip(vals.iter()) {
                add(acc, ix)?;
            }
        } else {
            let spread = broadcast_layout(&Layout::c(xshape)?, &bshape)?;
            for (acc, o) in offs.iter_mut().zip(Offsets::new(&spread)) {
                add(acc, vals[o as usize])?;
            }
        }
    }
    Ok((offs, bshape))
}

/// `fancy` on a source: see [`NdArray::fancy`].
pub(crate) fn fancy_source<T: Element, X: Indices>(
    src: &Source<'_, T>,
    indices: &[X],
) -> NdResult<NdArray<T>> {
    if let [only] = indices {
        let post = trailing(&src.layout, 1);
        if src.layout.ndim() >= 1 && post.size() == 1 && src.layout.strides()[0] == 1 {
            // One index array on an axis with unit stride and nothing after it: a flat gather.
            let len = src.layout.shape()[0];
            let start = src.base as usize;
            let line = &src.data[start..start + len];
            let idx = only.index_values();
            let shape = [only.index_shape(), post.shape().to_vec()].concat();
            return build_with(&shape, |out| gather_flat(line, &idx, out, 0));
        }
    }
    let (offs, bshape) = select(&src.layout, indices)?;
    let post = trailing(&src.layout, indices.len());
    let shape = [bshape, post.shape().to_vec()].concat();
    checked_size(&shape)?;
    build_with(&shape, |out| {
        gather_blocks(src, 0, &offs, &Block::new(&post), out);
        Ok(())
    })
}

/// `values` stretched to `shape` as NumPy's assignment does: leading length-1 axes beyond
/// `shape`'s rank are dropped, then the rest broadcasts.
pub(crate) fn values_for<'v, T: Element>(
    values: &ArrayView<'v, T>,
    shape: &[usize],
) -> NdResult<ArrayView<'v, T>> {
    let err = || {
        NdError::ShapeMismatch(format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
            shape_str(values.shape()),
            shape_str(shape)
        ))
    };
    let extra = values.ndim().saturating_sub(shape.len());
    if values.shape()[..extra].iter().any(|&d| d != 1) {
        return Err(err());
    }
    let inner = trailing(&values.layout, extra);
    let stretched = broadcast_layout(&inner, shape).map_err(|_| err())?;
    Ok(values.with_layout(0, stretched))
}

/// `fancy_assign` on a target: see [`NdArray::fancy_assign`].
pub(crate) fn fancy_assign_target<T: Element, X: Indices>(
    dst: &mut Target<'_, T>,
    indices: &[X],
    values: &ArrayView<'_, T>,
) -> NdResult<()> {
    let (offs, bshape) = select(&dst.layout, indices)?;
    let post = trailing(&dst.layout, indices.len());
    let shape = [bshape, post.shape().to_vec()].concat();
    let vals = values_for(values, &shape)?;
    scatter_blocks(dst, &offs, &Block::new(&post), &vals);
    Ok(())
}

/// `put` on a target: see [`put`].
fn put_target<T: Element, X: Indices + ?Sized>(
    dst: &mut Target<'_, T>,
    indices: &X,
    values: &ArrayView<'_, T>,
) -> NdResult<()> {
    let idx = indices.index_values();
    let size = dst.layout.size();
    if !idx.is_empty() && size == 0 {
        return Err(NdError::Empty(
            "cannot replace elements of an empty array".into(),
        ));
    }
    let vals = values.to_vec();
    if vals.is_empty() {
        return Ok(()); // NumPy: nothing to put
    }
    // Validate every index before the first write.
    let flat = index_offsets(&idx, size, 1, 0)?;
    let (shape, strides) = (dst.layout.shape().to_vec(), dst.layout.strides().to_vec());
    let c_order = dst.layout.is_c_contiguous();
    for (&f, &v) in flat.iter().zip(vals.iter().cycle()) {
        let off = if c_order {
            f
        } else {
            // Unravel the C-order position into the target's strides.
            let mut rest = f as usize;
            let mut off = 0isize;
            for (&d, &s) in shape.iter().zip(&strides).rev() {
                off += (rest % d) as isize * s;
                rest /= d;
            }
            off
        };
        dst.set(off, v);
    }
    Ok(())
}

/// Elements of `a` at `indices` (NumPy: `np.take(a, indices, axis)`).
///
/// With `axis: None` the array is read flattened in C order and the result has the shape of
/// `indices`; with `Some(axis)` it has shape `a.shape[..axis] + indices.shape +
/// a.shape[axis+1..]`. Negative indices count from the end.
///
/// ```
/// use numerust_core::{NdArray, take};
/// let a = NdArray::from_shape_vec(&[2, 3], vec![0, 1, 2, 3, 4, 5]).unwrap();
/// assert_eq!(take(&a, &[5, -6], None).unwrap().to_vec(), vec![5, 0]);
/// let cols = take(&a, &[2, 0], Some(1)).unwrap();
/// assert_eq!(cols.shape(), &[2, 2]);
/// assert_eq!(cols.to_vec(), vec![2, 0, 5, 3]);
/// assert_eq!(
///     take(&a, &[7], None).unwrap_err().to_string(),
///     "index 7 is out of bounds for axis 0 with size 6"
/// );
/// ```
///
/// # Errors
/// `IndexOutOfBounds`, `AxisOutOfBounds`, `Empty` ("cannot do a non-empty take from an empty
/// axes."), `ShapeOverflow`.
pub fn take<T: Element>(
    a: &impl AsView<T>,
    indices: &(impl Indices + ?Sized),
    axis: Option<isize>,
) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    take_source(&Source::of_view(&v), indices, axis)
}

/// Writes `values` at the flat (C-order) `indices` of `a`, cycling `values` when shorter
/// (NumPy: `np.put(a, indices, values)`). Later indices win over earlier ones.
///
/// Unlike NumPy, nothing is written when an index is out of bounds (all are checked first).
///
/// ```
/// use numerust_core::{NdArray, put};
/// let mut a = NdArray::from_vec(vec![0; 5]);
/// put(&mut a, &[0, 1, 2, -1], &NdArray::from_vec(vec![7, 8])).unwrap();
/// assert_eq!(a.to_vec(), vec![7, 8, 7, 0, 8]);
/// ```
///
/// # Errors
/// `IndexOutOfBounds` (axis 0, size `a.size()`); `Empty` ("cannot replace elements of an
/// empty array").
pub fn put<T: Element>(
    a: &mut NdArray<T>,
    indices: &(impl Indices + ?Sized),
    values: &impl AsView<T>,
) -> NdResult<()> {
    a.put(indices, values)
}

impl<T: Element> NdArray<T> {
    /// Elements at `indices` along `axis`, or of the flattened array (NumPy: `a.take(...)`).
    /// See [`take`].
    ///
    /// # Errors
    /// As [`take`].
    pub fn take(
        &self,
        indices: &(impl Indices + ?Sized),
        axis: Option<isize>,
    ) -> NdResult<NdArray<T>> {
        take_source(&Source::of_array(self), indices, axis)
    }

    /// NumPy's integer-array indexing `a[i0, i1, ...]`: index array `k` picks along axis `k`.
    ///
    /// The index arrays broadcast together; the result has the broadcast shape followed by the
    /// axes not indexed (`a[[r..], [c..]]` on a 3-D array keeps the last axis).
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// let a = NdArray::from_shape_vec(&[3, 3], (0..9).collect::<Vec<i64>>()).unwrap();
    /// assert_eq!(a.fancy(&[vec![0, 2], vec![1, -1]]).unwrap().to_vec(), vec![1, 8]);
    /// let rows = a.fancy(&[[2, 0]]).unwrap();
    /// assert_eq!(rows.shape(), &[2, 3]);
    /// // a[[[0], [2]], [0, 2]]: (2,1) and (2,) broadcast to (2,2)
    /// let r = NdArray::from_shape_vec(&[2, 1], vec![0i64, 2]).unwrap();
    /// let c = NdArray::from_vec(vec![0i64, 2]);
    /// let corners = a.fancy(&[r, c]).unwrap();
    /// assert_eq!(corners.shape(), &[2, 2]);
    /// assert_eq!(corners.to_vec(), vec![0, 2, 6, 8]);
    /// ```
    ///
    /// # Errors
    /// `TooManyIndices`, `ShapeMismatch` (index arrays that do not broadcast),
    /// `IndexOutOfBounds`, `ShapeOverflow`.
    pub fn fancy<X: Indices>(&self, indices: &[X]) -> NdResult<NdArray<T>> {
        fancy_source(&Source::of_array(self), indices)
    }

    /// NumPy's `a[i0, i1, ...] = values`: `values` broadcasts to the shape
    /// [`fancy`](Self::fancy) would return; repeated positions keep the last value.
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// let mut a = NdArray::<f64>::from_shape_vec(&[2, 3], vec![0.0; 6]).unwrap();
    /// a.fancy_assign(&[[0, 1], [2, 0]], &NdArray::from_vec(vec![1.0, 2.0])).unwrap();
    /// assert_eq!(a.to_vec(), vec![0.0, 0.0, 1.0, 2.0, 0.0, 0.0]);
    /// a.fancy_assign(&[[1]], &NdArray::from_elem_0d(9.0)).unwrap(); // a[[1]] = 9
    /// assert_eq!(a.to_vec(), vec![0.0, 0.0, 1.0, 9.0, 9.0, 9.0]);
    /// ```
    ///
    /// # Errors
    /// As [`fancy`](Self::fancy), plus `ShapeMismatch` ("shape mismatch: value array of shape
    /// (3,) could not be broadcast to indexing result of shape (2,)"). Nothing is written
    /// on error.
    pub fn fancy_assign<X: Indices>(
        &mut self,
        indices: &[X],
        values: &impl AsView<T>,
    ) -> NdResult<()> {
        let values = values.as_view();
        with_array_target(self, |t| fancy_assign_target(t, indices, &values))
    }

    /// Writes `values` at flat `indices`, cycling them (NumPy: `a.put(indices, values)`).
    /// See [`put`].
    ///
    /// # Errors
    /// As [`put`].
    pub fn put(
        &mut self,
        indices: &(impl Indices + ?Sized),
        values: &impl AsView<T>,
    ) -> NdResult<()> {
        let values = values.as_view();
        with_array_target(self, |t| put_target(t, indices, &values))
    }
}

impl<T: Element> ArrayView<'_, T> {
    /// Elements at `indices` along `axis` (NumPy: `a.take(indices, axis)`). See [`take`].
    ///
    /// # Errors
    /// As [`take`].
    pub fn take(
        &self,
        indices: &(impl Indices + ?Sized),
        axis: Option<isize>,
    ) -> NdResult<NdArray<T>> {
        take_source(&Source::of_view(self), indices, axis)
    }

    /// NumPy's `a[i0, i1, ...]` with integer arrays. See [`NdArray::fancy`].
    ///
    /// # Errors
    /// As [`NdArray::fancy`].
    pub fn fancy<X: Indices>(&self, indices: &[X]) -> NdResult<NdArray<T>> {
        fancy_source(&Source::of_view(self), indices)
    }
}

impl<T: Element> ArrayViewMut<'_, T> {
    /// NumPy's `a[i0, i1, ...] = values`, writing through the view.
    /// See [`NdArray::fancy_assign`].
    ///
    /// # Errors
    /// As [`NdArray::fancy_assign`].
    pub fn fancy_assign<X: Indices>(
        &mut self,
        indices: &[X],
        values: &impl AsView<T>,
    ) -> NdResult<()> {
        let values = values.as_view();
        with_view_target(self, |t| fancy_assign_target(t, indices, &values))
    }

    /// Writes `values` at flat `indices` of the view (NumPy: `a.put(indices, values)`).
    ///
    /// # Errors
    /// As [`put`].
    pub fn put(
        &mut self,
        indices: &(impl Indices + ?Sized),
        values: &impl AsView<T>,
    ) -> NdResult<()> {
        let values = values.as_view();
        with_view_target(self, |t| put_target(t, indices, &values))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gather_flat_reports_the_index_as_written() {
        let mut out = [0.0; 2];
        let e = gather_flat(&[1.0, 2.0], &[1i64, -3], &mut out, 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "index -3 is out of bounds for axis 0 with size 2"
        );
    }

    #[test]
    fn select_broadcasts_and_orders_errors() {
        let l = Layout::c(&[2, 3, 4]).unwrap();
        let (offs, shape) = select(&l, &[vec![1i64, 0], vec![2, -1]]).unwrap();
        assert_eq!(shape, vec![2]);
        assert_eq!(offs, vec![12 + 8, 8]);
        let e = select(&l, &[vec![0i64, 1], vec![0, 1, 2], vec![0]]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) (1,) "
        );
        let e = select(&l, &[vec![9i64], vec![7]]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "index 9 is out of bounds for axis 0 with size 2"
        );
    }
}
