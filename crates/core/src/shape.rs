//! Shape manipulation: slicing, reshape, transpose, axis moves, squeeze, broadcast_to.
//!
//! Each operation is worked out once on a [`Layout`] (returning a new layout and an element
//! offset), then wrapped for the three array types: on `ArrayView` it gives an `ArrayView`
//! of the same lifetime, on `NdArray` an `NdArray` sharing the buffer (copy-on-write keeps
//! that safe), except `slice`, which lends a view like NumPy's write-through slices.

use crate::array::NdArray;
use crate::broadcast::broadcast_layout;
use crate::element::Element;
use crate::error::{NdError, NdResult};
use crate::layout::{Layout, Order, checked_size, normalize_axis};
use crate::slice::{SliceElem, apply};
use crate::view::{ArrayView, ArrayViewMut, fail};

/// A shape argument that may hold one `-1` to infer (NumPy: `a.reshape(2, -1)`).
pub trait ShapeArg {
    /// The dimensions as signed numbers (`-1` = infer).
    fn to_dims(&self) -> Vec<isize>;
}

macro_rules! impl_shape_arg {
    ($($t:ty),*) => {$(
        impl ShapeArg for [$t] {
            fn to_dims(&self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl<const N: usize> ShapeArg for [$t; N] {
            fn to_dims(&self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl ShapeArg for Vec<$t> {
            fn to_dims(&self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
    )*};
}
impl_shape_arg!(usize, isize, i32, i64);

impl<S: ShapeArg + ?Sized> ShapeArg for &S {
    fn to_dims(&self) -> Vec<isize> {
        (**self).to_dims()
    }
}

/// Resolves a reshape spec against `size` elements (one `-1` inferred).
///
/// # Errors
/// `InvalidShape` for more than one `-1` or another negative length; `Reshape` when the
/// element counts differ; `ShapeOverflow`.
pub fn resolve_shape(size: usize, spec: &[isize]) -> NdResult<Vec<usize>> {
    let mut unknown = None;
    let mut known: usize = 1;
    for (i, &d) in spec.iter().enumerate() {
        if d == -1 {
            if unknown.replace(i).is_some() {
                return Err(NdError::InvalidShape(
                    "can only specify one unknown dimension".into(),
                ));
            }
        } else if d < 0 {
            return Err(NdError::InvalidShape(
                "negative dimensions not allowed".into(),
            ));
        } else {
            known = known
                .checked_mul(d as usize)
                .ok_or(NdError::ShapeOverflow)?;
        }
    }
    let mismatch = || NdError::Reshape {
        size,
        shape: spec.to_vec(),
    };
    let mut shape: Vec<usize> = spec.iter().map(|&d| d.max(0) as usize).collect();
    if let Some(i) = unknown {
        if known == 0 || !size.is_multiple_of(known) {
            return Err(mismatch());
        }
        shape[i] = size / known;
    } else if known != size {
        return Err(mismatch());
    }
    checked_size(&shape)?;
    Ok(shape)
}

/// Strides that show `layout`'s elements, read in `order`, as `new_shape` without copying;
/// `None` when no such strides exist (NumPy's `_attempt_nocopy_reshape`).
pub fn reshape_strides(layout: &Layout, new_shape: &[usize], order: Order) -> Option<Vec<isize>> {
    if layout.size() == 0 {
        return Some(
            Layout::contiguous(new_shape, order)
                .ok()?
                .strides()
                .to_vec(),
        );
    }
    let (mut od, mut os): (Vec<usize>, Vec<isize>) = layout
        .shape()
        .iter()
        .zip(layout.strides())
        .filter(|(d, _)| **d != 1)
        .map(|(&d, &s)| (d, s))
        .unzip();
    let mut nd: Vec<usize> = new_shape.to_vec();
    if order == Order::F {
        od.reverse();
        os.reverse();
        nd.reverse();
    }
    let mut ns = vec![0isize; nd.len()];
    let (mut oi, mut oj, mut ni, mut nj) = (0usize, 1usize, 0usize, 1usize);
    while ni < nd.len() && oi < od.len() {
        let mut np = nd[ni];
        let mut op = od[oi];
        while np != op {
            if np < op {
                np *= nd[nj];
                nj += 1;
            } else {
                op *= od[oj];
                oj += 1;
            }
        }
        for ok in oi..oj - 1 {
            if os[ok] != od[ok + 1] as isize * os[ok + 1] {
                return None;
            }
        }
        ns[nj - 1] = os[oj - 1];
        for nk in (ni + 1..nj).rev() {
            ns[nk - 1] = ns[nk] * nd[nk] as isize;
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    // Trailing length-1 axes: any stride works; use the last one found.
    let last = if ni > 0 { ns[ni - 1] } else { 1 };
    for s in ns.iter_mut().skip(ni) {
        *s = last;
    }
    if order == Order::F {
        ns.reverse();
    }
    Some(ns)
}

/// The layout with axes `a` and `b` exchanged.
fn swapped(layout: &Layout, a: isize, b: isize) -> NdResult<Layout> {
    let n = layout.ndim();
    let (a, b) = (normalize_axis(a, n)?, normalize_axis(b, n)?);
    let mut axes: Vec<usize> = (0..n).collect();
    axes.swap(a, b);
    layout.permuted(&axes)
}

/// The layout with axes `src` moved to positions `dst` (NumPy's `moveaxis`).
fn moved(layout: &Layout, src: &[isize], dst: &[isize]) -> NdResult<Layout> {
    let n = layout.ndim();
    if src.len() != dst.len() {
        return Err(NdError::InvalidValue(
            "`source` and `destination` arguments must have the same number of elements".into(),
        ));
    }
    let norm = |v: &[isize]| -> NdResult<Vec<usize>> {
        let out: Vec<usize> = v
            .iter()
            .map(|&a| normalize_axis(a, n))
            .collect::<NdResult<_>>()?;
        let mut seen = vec![false; n];
        for &a in &out {
            if std::mem::replace(&mut seen[a], true) {
                return Err(NdError::RepeatedAxis);
            }
        }
        Ok(out)
    };
    let (src, dst) = (norm(src)?, norm(dst)?);
    let mut order: Vec<usize> = (0..n).filter(|a| !src.contains(a)).collect();
    let mut pairs: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
    pairs.sort();
    for (d, s) in pairs {
        order.insert(d, s);
    }
    layout.permuted(&order)
}

/// The layout with new length-1 axes at `axes` (positions in the result).
fn expanded(layout: &Layout, axes: &[isize]) -> NdResult<Layout> {
    let out_nd = layout.ndim() + axes.len();
    let mut pos: Vec<usize> = axes
        .iter()
        .map(|&a| normalize_axis(a, out_nd))
        .collect::<NdResult<_>>()?;
    pos.sort_unstable();
    if pos.windows(2).any(|w| w[0] == w[1]) {
        return Err(NdError::RepeatedAxis);
    }
    let mut l = layout.clone();
    for p in pos {
        l.insert_axis(p);
    }
    Ok(l)
}

/// The layout without the length-1 axes named (or all of them when `axes` is `None`).
fn squeezed(layout: &Layout, axes: Option<&[isize]>) -> NdResult<Layout> {
    let n = layout.ndim();
    let drop: Vec<usize> = match axes {
        None => (0..n).filter(|&a| layout.shape()[a] == 1).collect(),
        Some(axes) => {
            let v: Vec<usize> = axes
                .iter()
                .map(|&a| normalize_axis(a, n))
                .collect::<NdResult<_>>()?;
            if let Some(&bad) = v.iter().find(|&&a| layout.shape()[a] != 1) {
                let _ = bad;
                return Err(NdError::InvalidValue(
                    "cannot select an axis to squeeze out which has size not equal to one".into(),
                ));
            }
            v
        }
    };
    let mut l = layout.clone();
    let mut drop = drop;
    drop.sort_unstable();
    drop.dedup();
    for &a in drop.iter().rev() {
        l.remove_axis(a);
    }
    Ok(l)
}

/// Methods that re-view the same elements; implemented once per type by this macro.
macro_rules! impl_relayouts {
    ($ty:ty, $out:ty, $relayout:ident) => {
        impl<'a, T: Element> $ty {
            /// The transpose: all axes reversed (NumPy: `a.T`).
            pub fn t(&self) -> $out {
                self.$relayout(0, self.layout.reversed_axes())
            }

            /// Axes permuted: new axis `i` is old axis `axes[i]` (NumPy: `a.transpose(axes)`).
            ///
            /// # Errors
            /// When `axes` is not a permutation of `0..ndim`.
            pub fn permute_axes(&self, axes: &[usize]) -> NdResult<$out> {
                Ok(self.$relayout(0, self.layout.permuted(axes)?))
            }

            /// Axes `a` and `b` exchanged (NumPy: `np.swapaxes(a, axis1, axis2)`).
            ///
            /// # Errors
            /// `AxisOutOfBounds`.
            pub fn swapaxes(&self, a: isize, b: isize) -> NdResult<$out> {
                Ok(self.$relayout(0, swapped(&self.layout, a, b)?))
            }

            /// Axes moved (NumPy: `np.moveaxis(a, source, destination)`).
            ///
            /// # Errors
            /// `AxisOutOfBounds`, `RepeatedAxis`, or lists of different lengths.
            pub fn moveaxis(&self, source: &[isize], destination: &[isize]) -> NdResult<$out> {
                Ok(self.$relayout(0, moved(&self.layout, source, destination)?))
            }

            /// New length-1 axes inserted at `axes` (NumPy: `np.expand_dims(a, axis)`).
            ///
            /// # Errors
            /// `AxisOutOfBounds`, `RepeatedAxis`.
            pub fn expand_dims(&self, axes: &[isize]) -> NdResult<$out> {
                Ok(self.$relayout(0, expanded(&self.layout, axes)?))
            }

            /// All length-1 axes removed (NumPy: `np.squeeze(a)`).
            pub fn squeeze(&self) -> $out {
                self.$relayout(0, squeezed(&self.layout, None).expect("no axis named"))
            }

            /// The named length-1 axes removed (NumPy: `np.squeeze(a, axis)`).
            ///
            /// # Errors
            /// When a named axis is longer than 1, or out of bounds.
            pub fn squeeze_axes(&self, axes: &[isize]) -> NdResult<$out> {
                Ok(self.$relayout(0, squeezed(&self.layout, Some(axes))?))
            }

            /// A read-only broadcast to `shape` (NumPy: `np.broadcast_to(a, shape)`).
            ///
            /// # Errors
            /// `BroadcastTo` when the shapes are incompatible.
            pub fn broadcast_to(&self, shape: &[usize]) -> NdResult<$out> {
                checked_size(shape)?;
                Ok(self.$relayout(0, broadcast_layout(&self.layout, shape)?))
            }

            /// The same elements as `shape` without copying, when the strides allow.
            ///
            /// # Errors
            /// `Reshape` for a wrong element count; `InvalidValue` ("incompatible shape for
            /// in-place modification") when a copy would be needed.
            pub fn reshape_view(&self, shape: impl ShapeArg, order: Order) -> NdResult<$out> {
                let new_shape = resolve_shape(self.size(), &shape.to_dims())?;
                let strides = reshape_strides(&self.layout, &new_shape, order).ok_or_else(|| {
                    NdError::InvalidValue(
                        "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.".into(),
                    )
                })?;
                Ok(self.$relayout(0, Layout::new(new_shape, strides)))
            }
        }
    };
}

impl<'a, T: Element> ArrayView<'a, T> {
    fn relayout_view(&self, offset: isize, layout: Layout) -> ArrayView<'a, T> {
        self.with_layout(offset, layout)
    }

    /// A view of a basic index (NumPy: `a[1:, ::-1, 0, np.newaxis]`).
    ///
    /// # Panics
    /// With NumPy's message on a bad index; see [`ArrayView::try_slice`].
    #[track_caller]
    pub fn slice(&self, index: impl AsRef<[SliceElem]>) -> ArrayView<'a, T> {
        self.try_slice(index).unwrap_or_else(|e| fail(e))
    }

    /// A view of a basic index.
    ///
    /// # Errors
    /// `IndexOutOfBounds`, `TooManyIndices`, `MultipleEllipsis`, `ZeroStep`.
    pub fn try_slice(&self, index: impl AsRef<[SliceElem]>) -> NdResult<ArrayView<'a, T>> {
        let (off, layout) = apply(&self.layout, index.as_ref())?;
        Ok(self.with_layout(off, layout))
    }

    /// The elements as `shape`: a view when the strides allow, else a C-order copy
    /// (NumPy: `a.reshape(shape)`).
    ///
    /// # Errors
    /// `Reshape` for a wrong element count; `InvalidShape`.
    pub fn reshape(&self, shape: impl ShapeArg) -> NdResult<NdArray<T>> {
        self.to_owned_order(Order::C).reshape(shape)
    }

    /// A 1-D copy in C order (NumPy: `a.flatten()`).
    pub fn flatten(&self) -> NdArray<T> {
        NdArray::from_vec(self.to_vec())
    }
}

impl<T: Element> NdArray<T> {
    fn relayout_shared(&self, offset: isize, layout: Layout) -> NdArray<T> {
        self.relayout(offset, layout)
    }

    /// A view of a basic index (NumPy: `a[1:, ::-1, 0, np.newaxis]`).
    ///
    /// # Panics
    /// With NumPy's message on a bad index; see [`NdArray::try_slice`].
    #[track_caller]
    pub fn slice(&self, index: impl AsRef<[SliceElem]>) -> ArrayView<'_, T> {
        self.view().slice(index)
    }

    /// A view of a basic index.
    ///
    /// # Errors
    /// `IndexOutOfBounds`, `TooManyIndices`, `MultipleEllipsis`, `ZeroStep`.
    pub fn try_slice(&self, index: impl AsRef<[SliceElem]>) -> NdResult<ArrayView<'_, T>> {
        self.view().try_slice(index)
    }

    /// A mutable view of a basic index; writes reach this array (NumPy: `a[::2] = 0`).
    ///
    /// # Panics
    /// With NumPy's message on a bad index; see [`NdArray::try_slice_mut`].
    #[track_caller]
    pub fn slice_mut(&mut self, index: impl AsRef<[SliceElem]>) -> ArrayViewMut<'_, T> {
        self.try_slice_mut(index).unwrap_or_else(|e| fail(e))
    }

    /// A mutable view of a basic index.
    ///
    /// # Errors
    /// As [`NdArray::try_slice`].
    pub fn try_slice_mut(
        &mut self,
        index: impl AsRef<[SliceElem]>,
    ) -> NdResult<ArrayViewMut<'_, T>> {
        self.view_mut().into_slice_mut(index)
    }

    /// An array sharing this one's buffer (copy-on-write) under a basic index.
    ///
    /// # Errors
    /// As [`NdArray::try_slice`].
    pub fn sliced(&self, index: impl AsRef<[SliceElem]>) -> NdResult<NdArray<T>> {
        let (off, layout) = apply(&self.layout, index.as_ref())?;
        Ok(self.relayout(off, layout))
    }

    /// The elements as `shape` (one `-1` inferred): shares the buffer when the strides
    /// allow, else copies (NumPy: `a.reshape(shape)`).
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// let a = NdArray::from_vec((0..6).collect::<Vec<i32>>());
    /// let b = a.reshape([2, -1]).unwrap();
    /// assert_eq!(b.shape(), &[2, 3]);
    /// assert!(a.reshape([4]).is_err());
    /// ```
    ///
    /// # Errors
    /// `Reshape` (`cannot reshape array of size 6 into shape (4,)`), `InvalidShape`.
    pub fn reshape(&self, shape: impl ShapeArg) -> NdResult<NdArray<T>> {
        self.reshape_order(shape, Order::C)
    }

    /// Reshape reading and writing elements in `order` (NumPy: `a.reshape(s, order='F')`).
    ///
    /// # Errors
    /// As [`NdArray::reshape`].
    pub fn reshape_order(&self, shape: impl ShapeArg, order: Order) -> NdResult<NdArray<T>> {
        let new_shape = resolve_shape(self.size(), &shape.to_dims())?;
        if let Some(strides) = reshape_strides(&self.layout, &new_shape, order) {
            return Ok(self.relayout(0, Layout::new(new_shape, strides)));
        }
        let copy = self.view().to_owned_order(order);
        let strides =
            reshape_strides(&copy.layout, &new_shape, order).expect("a contiguous copy reshapes");
        Ok(copy.relayout(0, Layout::new(new_shape, strides)))
    }

    /// A 1-D copy in C order (NumPy: `a.flatten()`).
    pub fn flatten(&self) -> NdArray<T> {
        self.view().flatten()
    }

    /// 1-D: shares the buffer when C-contiguous, else copies (NumPy: `a.ravel()`).
    pub fn ravel(&self) -> NdArray<T> {
        self.reshape([-1isize]).expect("any array ravels")
    }

    /// This array if C-contiguous, else a C-contiguous copy (NumPy:
    /// `np.ascontiguousarray(a)`).
    pub fn as_standard_layout(&self) -> NdArray<T> {
        if self.is_c_contiguous() {
            self.clone()
        } else {
            self.view().to_owned_order(Order::C)
        }
    }

    /// Alias of [`NdArray::as_standard_layout`].
    pub fn to_contiguous(&self) -> NdArray<T> {
        self.as_standard_layout()
    }
}

impl<'a, T: Element> ArrayViewMut<'a, T> {
    /// A mutable view of a basic index, borrowing this one.
    ///
    /// # Errors
    /// As [`NdArray::try_slice`].
    pub fn try_slice_mut(
        &mut self,
        index: impl AsRef<[SliceElem]>,
    ) -> NdResult<ArrayViewMut<'_, T>> {
        self.view_mut().into_slice_mut(index)
    }

    /// The view narrowed to a basic index, keeping its lifetime.
    ///
    /// # Errors
    /// As [`NdArray::try_slice`]; also when a new axis would repeat elements (never: new axes
    /// have length 1).
    pub fn into_slice_mut(self, index: impl AsRef<[SliceElem]>) -> NdResult<ArrayViewMut<'a, T>> {
        let (off, layout) = apply(&self.layout, index.as_ref())?;
        Ok(self.into_layout(off, layout))
    }

    /// A mutable view of a basic index, borrowing this one.
    ///
    /// # Panics
    /// With NumPy's message on a bad index.
    #[track_caller]
    pub fn slice_mut(&mut self, index: impl AsRef<[SliceElem]>) -> ArrayViewMut<'_, T> {
        self.try_slice_mut(index).unwrap_or_else(|e| fail(e))
    }

    /// The transposed mutable view (NumPy: `a.T`).
    pub fn into_t(self) -> ArrayViewMut<'a, T> {
        let layout = self.layout.reversed_axes();
        self.into_layout(0, layout)
    }

    /// Axes `a` and `b` exchanged.
    ///
    /// # Errors
    /// `AxisOutOfBounds`.
    pub fn into_swapaxes(self, a: isize, b: isize) -> NdResult<ArrayViewMut<'a, T>> {
        let layout = swapped(&self.layout, a, b)?;
        Ok(self.into_layout(0, layout))
    }
}

impl_relayouts!(ArrayView<'a, T>, ArrayView<'a, T>, relayout_view);
impl_relayouts!(NdArray<T>, NdArray<T>, relayout_shared);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_infers_and_rejects() {
        assert_eq!(resolve_shape(6, &[2, -1]).unwrap(), vec![2, 3]);
        assert_eq!(
            resolve_shape(6, &[4]).unwrap_err().to_string(),
            "cannot reshape array of size 6 into shape (4,)"
        );
        assert!(resolve_shape(6, &[-1, -1]).is_err());
        assert!(resolve_shape(0, &[0, -1]).is_err());
        assert_eq!(resolve_shape(0, &[3, 0]).unwrap(), vec![3, 0]);
    }

    #[test]
    fn nocopy_reshape_rules() {
        let c = Layout::c(&[4, 6]).unwrap();
        assert_eq!(
            reshape_strides(&c, &[2, 2, 6], Order::C),
            Some(vec![12, 6, 1])
        );
        let t = c.reversed_axes(); // (6,4) strides (1,6)
        assert_eq!(reshape_strides(&t, &[24], Order::C), None);
        assert_eq!(reshape_strides(&t, &[24], Order::F), Some(vec![1]));
        // a[:, ::2] of (4,6): shape (4,3) strides (6,2): splitting axis 0 is fine
        let s = Layout::new(vec![4, 3], vec![6, 2]);
        assert_eq!(
            reshape_strides(&s, &[2, 2, 3], Order::C),
            Some(vec![12, 6, 2])
        );
        // ... and it is evenly strided overall: 0, 2, 4, ..., 22.
        assert_eq!(reshape_strides(&s, &[12], Order::C), Some(vec![2]));
        let cut = Layout::new(vec![4, 3], vec![6, 1]); // a[:, :3]
        assert_eq!(reshape_strides(&cut, &[12], Order::C), None);
        assert_eq!(
            reshape_strides(&s, &[4, 3, 1], Order::C),
            Some(vec![6, 2, 2])
        );
    }
}
