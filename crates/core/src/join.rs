//! Joining arrays: `concatenate`, `stack`, `vstack`/`row_stack`, `hstack`, `dstack`,
//! `column_stack`, and the `atleast_1d`/`atleast_2d`/`atleast_3d` promotions they use.
//!
//! Every join allocates one output through `elementwise::build` (large outputs are lazily
//! zeroed huge pages) and copies each input into its sub-view of the output with
//! `ArrayViewMut::assign`. The iteration plan merges the axes of a contiguous input and its
//! contiguous output slot into one run, so joining contiguous arrays along axis 0 is one
//! `memcpy` per input. This module only copies: it never reorders or converts elements.

use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::elementwise::build_overwrite;
use crate::error::{NdError, NdResult};
use crate::layout::{Layout, Order, checked_size, normalize_axis};
use crate::view::{ArrayView, ArrayViewMut};

/// Joins arrays along an existing axis.
///
/// NumPy: `np.concatenate(arrays, axis)`. The output is F-ordered when the inputs are
/// (NumPy picks the output order from the inputs' strides the same way), else C-ordered.
///
/// ```
/// use numerust_core::{NdArray, concatenate};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1, 2, 3, 4]).unwrap();
/// let b = NdArray::from_shape_vec(&[1, 2], vec![5, 6]).unwrap();
/// let c = concatenate(&[&a, &b], 0).unwrap();
/// assert_eq!(c.shape(), &[3, 2]);
/// assert_eq!(c.to_vec(), vec![1, 2, 3, 4, 5, 6]);
/// let e = concatenate(&[&a, &b], 1).err().unwrap();
/// assert!(e.to_string().starts_with("all the input array dimensions except"));
/// ```
///
/// # Errors
/// - `Empty`: `need at least one array to concatenate`;
/// - `InvalidValue`: `zero-dimensional arrays cannot be concatenated`;
/// - `AxisOutOfBounds` for `axis` outside `-ndim..ndim`;
/// - `ShapeMismatch`: `all the input arrays must have same number of dimensions, ...` or
///   `all the input array dimensions except for the concatenation axis must match exactly,
///   but along dimension 1, the array at index 0 has size 3 and the array at index 1 has
///   size 2`;
/// - `ShapeOverflow` when the joined shape overflows.
pub fn concatenate<T: Element>(arrays: &[impl AsView<T>], axis: isize) -> NdResult<NdArray<T>> {
    let views: Vec<ArrayView<'_, T>> = arrays.iter().map(|a| a.as_view()).collect();
    concat_views(&views, axis)
}

/// Joins arrays along `axis` after flattening each one (NumPy: `np.concatenate(arrays,
/// axis=None)`).
///
/// # Errors
/// `Empty` for no arrays; `ShapeOverflow`.
pub fn concatenate_flat<T: Element>(arrays: &[impl AsView<T>]) -> NdResult<NdArray<T>> {
    let views: Vec<ArrayView<'_, T>> = arrays.iter().map(|a| a.as_view()).collect();
    if views.is_empty() {
        return Err(empty_concat());
    }
    let mut total: usize = 0;
    for v in &views {
        total = total.checked_add(v.size()).ok_or(NdError::ShapeOverflow)?;
    }
    build_overwrite(&[total], Order::C, |dst| {
        let mut start = 0;
        for v in &views {
            let n = v.size();
            let slot_layout = Layout::c(v.shape()).expect("an existing view's shape is valid");
            let slot = dst.view_mut().into_layout(start as isize, slot_layout);
            copy_into(slot, v);
            start += n;
        }
    })
}

/// Joins arrays of one shape along a new axis at `axis` of the result.
///
/// NumPy: `np.stack(arrays, axis)`.
///
/// ```
/// use numerust_core::{NdArray, stack};
/// let a = NdArray::from_vec(vec![1, 2, 3]);
/// let b = NdArray::from_vec(vec![4, 5, 6]);
/// let s = stack(&[&a, &b], -1).unwrap();
/// assert_eq!(s.shape(), &[3, 2]);
/// assert_eq!(s.to_vec(), vec![1, 4, 2, 5, 3, 6]);
/// ```
///
/// # Errors
/// `Empty` (`need at least one array to stack`), `ShapeMismatch` (`all input arrays must
/// have the same shape`), `AxisOutOfBounds` for `axis` outside `-(ndim+1)..=ndim`.
pub fn stack<T: Element>(arrays: &[impl AsView<T>], axis: isize) -> NdResult<NdArray<T>> {
    let views: Vec<ArrayView<'_, T>> = arrays.iter().map(|a| a.as_view()).collect();
    let first = views
        .first()
        .ok_or_else(|| NdError::Empty("need at least one array to stack".into()))?;
    if views.iter().any(|v| v.shape() != first.shape()) {
        return Err(NdError::ShapeMismatch(
            "all input arrays must have the same shape".into(),
        ));
    }
    let axis = normalize_axis(axis, first.ndim() + 1)?;
    let expanded: Vec<ArrayView<'_, T>> = views
        .iter()
        .map(|v| {
            let mut l = v.layout.clone();
            l.insert_axis(axis);
            v.with_layout(0, l)
        })
        .collect();
    concat_views(&expanded, axis as isize)
}

/// Stacks arrays row-wise: 1-D inputs of length `n` become rows `(1, n)`, then
/// everything joins along axis 0.
///
/// NumPy: `np.vstack(arrays)`.
///
/// ```
/// use numerust_core::{NdArray, vstack};
/// let a = NdArray::from_vec(vec![1, 2]);
/// let b = NdArray::from_shape_vec(&[2, 2], vec![3, 4, 5, 6]).unwrap();
/// let v = vstack(&[&a, &b]).unwrap();
/// assert_eq!(v.shape(), &[3, 2]);
/// assert_eq!(v.to_vec(), vec![1, 2, 3, 4, 5, 6]);
/// ```
///
/// # Errors
/// As [`concatenate`] along axis 0.
pub fn vstack<T: Element>(arrays: &[impl AsView<T>]) -> NdResult<NdArray<T>> {
    let views: Vec<ArrayView<'_, T>> = arrays.iter().map(|a| promote_2d(&a.as_view())).collect();
    concat_views(&views, 0)
}

/// Alias of [`vstack`].
///
/// NumPy: `np.row_stack(arrays)` (deprecated in NumPy 2.0 in favour of `vstack`).
///
/// # Errors
/// As [`vstack`].
pub fn row_stack<T: Element>(arrays: &[impl AsView<T>]) -> NdResult<NdArray<T>> {
    vstack(arrays)
}

/// Stacks arrays column-wise: along axis 0 when the first input is 1-D (0-d inputs count
/// as 1-D), else along axis 1.
///
/// NumPy: `np.hstack(arrays)`.
///
/// ```
/// use numerust_core::{NdArray, hstack};
/// let a = NdArray::from_vec(vec![1, 2]);
/// let b = NdArray::from_vec(vec![3]);
/// assert_eq!(hstack(&[&a, &b]).unwrap().to_vec(), vec![1, 2, 3]);
/// ```
///
/// # Errors
/// As [`concatenate`].
pub fn hstack<T: Element>(arrays: &[impl AsView<T>]) -> NdResult<NdArray<T>> {
    let views: Vec<ArrayView<'_, T>> = arrays.iter().map(|a| promote_1d(&a.as_view())).collect();
    let axis = match views.first() {
        Some(v) if v.ndim() == 1 => 0,
        _ => 1,
    };
    concat_views(&views, axis)
}

/// Stacks arrays depth-wise: inputs are promoted to 3-D (`(n,)` -> `(1, n, 1)`,
/// `(m, n)` -> `(m, n, 1)`), then joined along axis 2.
///
/// NumPy: `np.dstack(arrays)`.
///
/// ```
/// use numerust_core::{NdArray, dstack};
/// let a = NdArray::from_vec(vec![1, 2]);
/// let b = NdArray::from_vec(vec![3, 4]);
/// let d = dstack(&[&a, &b]).unwrap();
/// assert_eq!(d.shape(), &[1, 2, 2]);
/// assert_eq!(d.to_vec(), vec![1, 3, 2, 4]);
/// ```
///
/// # Errors
/// As [`concatenate`] along axis 2.
pub fn dstack<T: Element>(arrays: &[impl AsView<T>]) -> NdResult<NdArray<T>> {
    let views: Vec<ArrayView<'_, T>> = arrays.iter().map(|a| promote_3d(&a.as_view())).collect();
    concat_views(&views, 2)
}

/// Stacks 1-D arrays as columns of a 2-D array (`(n,)` -> `(n, 1)`, 0-d -> `(1, 1)`);
/// arrays of 2 or more dimensions join as they are, along axis 1.
///
/// NumPy: `np.column_stack(arrays)`.
///
/// ```
/// use numerust_core::{NdArray, column_stack};
/// let a = NdArray::from_vec(vec![1, 2]);
/// let b = NdArray::from_vec(vec![3, 4]);
/// let c = column_stack(&[&a, &b]).unwrap();
/// assert_eq!(c.shape(), &[2, 2]);
/// assert_eq!(c.to_vec(), vec![1, 3, 2, 4]);
/// ```
///
/// # Errors
/// As [`concatenate`] along axis 1.
pub fn column_stack<T: Element>(arrays: &[impl AsView<T>]) -> NdResult<NdArray<T>> {
    let views: Vec<ArrayView<'_, T>> = arrays
        .iter()
        .map(|a| {
            let v = a.as_view();
            if v.ndim() >= 2 {
                return v;
            }
            let (n, s) = match (v.shape(), v.layout.strides()) {
                ([n], [s]) => (*n, *s),
                _ => (1, 0),
            };
            v.with_layout(0, Layout::new(vec![n, 1], vec![s, 0]))
        })
        .collect();
    concat_views(&views, 1)
}

/// A view with at least one dimension: a 0-d array becomes shape `(1,)`.
///
/// NumPy: `np.atleast_1d(a)`.
pub fn atleast_1d<T: Element>(a: &impl AsView<T>) -> ArrayView<'_, T> {
    promote_1d(&a.as_view())
}

/// A view with at least two dimensions: `()` -> `(1, 1)`, `(n,)` -> `(1, n)`.
///
/// NumPy: `np.atleast_2d(a)`.
pub fn atleast_2d<T: Element>(a: &impl AsView<T>) -> ArrayView<'_, T> {
    promote_2d(&a.as_view())
}

/// A view with at least three dimensions: `()` -> `(1, 1, 1)`, `(n,)` -> `(1, n, 1)`,
/// `(m, n)` -> `(m, n, 1)`.
///
/// NumPy: `np.atleast_3d(a)`.
///
/// ```
/// use numerust_core::{NdArray, atleast_3d};
/// let a = NdArray::from_vec(vec![1.0, 2.0]);
/// assert_eq!(atleast_3d(&a).shape(), &[1, 2, 1]);
/// ```
pub fn atleast_3d<T: Element>(a: &impl AsView<T>) -> ArrayView<'_, T> {
    promote_3d(&a.as_view())
}

fn promote_1d<'a, T: Element>(v: &ArrayView<'a, T>) -> ArrayView<'a, T> {
    match v.ndim() {
        0 => v.with_layout(0, Layout::new(vec![1], vec![0])),
        _ => v.clone(),
    }
}

fn promote_2d<'a, T: Element>(v: &ArrayView<'a, T>) -> ArrayView<'a, T> {
    match (v.shape(), v.layout.strides()) {
        ([], _) => v.with_layout(0, Layout::new(vec![1, 1], vec![0, 0])),
        ([n], [s]) => v.with_layout(0, Layout::new(vec![1, *n], vec![0, *s])),
        _ => v.clone(),
    }
}

fn promote_3d<'a, T: Element>(v: &ArrayView<'a, T>) -> ArrayView<'a, T> {
    match (v.shape(), v.layout.strides()) {
        ([], _) => v.with_layout(0, Layout::new(vec![1, 1, 1], vec![0, 0, 0])),
        ([n], [s]) => v.with_layout(0, Layout::new(vec![1, *n, 1], vec![0, *s, 0])),
        ([m, n], [sm, sn]) => v.with_layout(0, Layout::new(vec![*m, *n, 1], vec![*sm, *sn, 0])),
        _ => v.clone(),
    }
}

fn empty_concat() -> NdError {
    NdError::Empty("need at least one array to concatenate".into())
}

/// `concatenate` on views: checks shapes as NumPy does, then copies each view into its
/// slot of one new array.
pub(crate) fn concat_views<T: Element>(
    views: &[ArrayView<'_, T>],
    axis: isize,
) -> NdResult<NdArray<T>> {
    let first = views.first().ok_or_else(empty_concat)?;
    let ndim = first.ndim();
    if ndim == 0 {
        return Err(NdError::InvalidValue(
            "zero-dimensional arrays cannot be concatenated".into(),
        ));
    }
    let axis = normalize_axis(axis, ndim)?;
    let mut shape = first.shape().to_vec();
    for (i, v) in views.iter().enumerate().skip(1) {
        if v.ndim() != ndim {
            return Err(NdError::ShapeMismatch(format!(
                "all the input arrays must have same number of dimensions, but the array at \
                 index 0 has {ndim} dimension(s) and the array at index {i} has {} dimension(s)",
                v.ndim()
            )));
        }
        for (d, (&want, &got)) in first.shape().iter().zip(v.shape()).enumerate() {
            if d != axis && want != got {
                return Err(NdError::ShapeMismatch(format!(
                    "all the input array dimensions except for the concatenation axis must \
                     match exactly, but along dimension {d}, the array at index 0 has size \
                     {want} and the array at index {i} has size {got}"
                )));
            }
        }
        shape[axis] = shape[axis]
            .checked_add(v.shape()[axis])
            .ok_or(NdError::ShapeOverflow)?;
    }
    checked_size(&shape)?;
    build_overwrite(&shape, output_order(views), |dst| {
        let mut start = 0usize;
        for v in views {
            let len = v.shape()[axis];
            let (offset, layout) = slot(&dst.layout, axis, start, len);
            copy_into(dst.view_mut().into_layout(offset, layout), v);
            start += len;
        }
    })
}

/// Offset and layout of positions `start..start + len` along `axis` of `out`.
fn slot(out: &Layout, axis: usize, start: usize, len: usize) -> (isize, Layout) {
    let (mut shape, strides) = out.clone().into_parts();
    shape[axis] = len;
    let offset = start as isize * strides[axis];
    (offset, Layout::new(shape, strides))
}

/// Copies `src` into `dst` of the same shape (one plan; a `memcpy` when both are dense in
/// the same order).
fn copy_into<T: Element>(mut dst: ArrayViewMut<'_, T>, src: &ArrayView<'_, T>) {
    dst.assign(src)
        .expect("the slot was cut to the input's shape");
}

/// F when the inputs that have an opinion are all laid out column-major, else C.
fn output_order<T: Element>(views: &[ArrayView<'_, T>]) -> Order {
    let mut f_votes = 0;
    for v in views {
        let axes: Vec<usize> = v
            .layout
            .strides()
            .iter()
            .zip(v.shape())
            .filter(|&(_, &d)| d > 1)
            .map(|(s, _)| s.unsigned_abs())
            .collect();
        if axes.len() < 2 || v.size() == 0 {
            continue;
        }
        if axes.windows(2).all(|w| w[0] < w[1]) {
            f_votes += 1;
        } else {
            return Order::C;
        }
    }
    if f_votes > 0 { Order::F } else { Order::C }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_inputs_copy_as_one_run() {
        use crate::iter::plan::Plan;
        // vstack of 2 x (5000, 1000): each input fills a dense block of the output, so the
        // plan merges everything into one run and `copy_run` is a single memcpy.
        let out = Layout::c(&[10000, 1000]).unwrap();
        let src = Layout::c(&[5000, 1000]).unwrap();
        let (offset, second) = slot(&out, 0, 5000, 5000);
        assert_eq!(offset, 5_000_000);
        let plan = Plan::new(second.shape(), [second.strides(), src.strides()], false);
        assert_eq!(plan.run_count(), 1);
        assert_eq!(plan.inner_len(), 5_000_000);
        // hstack: one run (a row) per output row.
        let out = Layout::c(&[5000, 2000]).unwrap();
        let (_, right) = slot(&out, 1, 1000, 1000);
        let plan = Plan::new(right.shape(), [right.strides(), src.strides()], false);
        assert_eq!((plan.run_count(), plan.inner_len()), (5000, 1000));
    }

    #[test]
    fn f_inputs_give_f_output() {
        let a = NdArray::from_shape_vec_order(&[3, 4], (0..12).collect::<Vec<i32>>(), Order::F)
            .unwrap();
        let c = concatenate(&[&a, &a], 0).unwrap();
        assert!(c.is_f_contiguous() && !c.is_c_contiguous());
        let mixed = concatenate(&[a.view(), a.view().t().t()], 1).unwrap();
        assert!(mixed.is_f_contiguous());
        let c_order = a.view().to_owned_order(Order::C);
        let c2 = concatenate(&[&a, &c_order], 0).unwrap();
        assert!(c2.is_c_contiguous());
        assert_eq!(c2.to_vec(), [a.to_vec(), a.to_vec()].concat());
    }
}
