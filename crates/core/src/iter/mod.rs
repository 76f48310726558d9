//! Iteration: element iterators in logical order, axis and lane iterators, and the plan.
//!
//! Element iterators walk the merged axes of a [`plan::Plan`] kept in logical order, so a
//! contiguous array of any rank is one flat loop.

pub mod plan;
pub(crate) mod runs;

use crate::element::Element;
use crate::layout::Layout;
use crate::view::{ArrayView, ArrayViewMut};
use std::marker::PhantomData;

/// Element offsets of every index of a layout, in logical (C) order: an odometer over the
/// layout's axes (all of them, so [`Offsets::index`] is the multi-index) or over its merged
/// axes (fewer steps, for element iterators).
#[derive(Clone, Debug)]
pub(crate) struct Offsets {
    dims: Vec<usize>,
    strides: Vec<isize>,
    index: Vec<usize>,
    offset: isize,
    remaining: usize,
}

impl Offsets {
    /// The offsets of `layout`, axis by axis.
    pub(crate) fn new(layout: &Layout) -> Self {
        Self::over(
            layout.shape().to_vec(),
            layout.strides().to_vec(),
            layout.size(),
        )
    }

    /// The offsets of `layout` over its merged axes; [`Offsets::index`] is then an index
    /// into those.
    fn merged(layout: &Layout) -> Self {
        let (dims, strides): (Vec<usize>, Vec<isize>) = merged_axes(layout).into_iter().unzip();
        Self::over(dims, strides, layout.size())
    }

    fn over(dims: Vec<usize>, strides: Vec<isize>, size: usize) -> Self {
        Offsets {
            index: vec![0; dims.len()],
            dims,
            strides,
            offset: 0,
            remaining: size,
        }
    }

    /// The multi-index of the offset `next` will yield.
    pub(crate) fn index(&self) -> &[usize] {
        &self.index
    }
}

impl Iterator for Offsets {
    type Item = isize;
    #[inline]
    fn next(&mut self) -> Option<isize> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let current = self.offset;
        let mut axis = self.dims.len();
        while axis > 0 {
            axis -= 1;
            self.index[axis] += 1;
            self.offset += self.strides[axis];
            if self.index[axis] < self.dims[axis] {
                break;
            }
            self.offset -= self.strides[axis] * self.dims[axis] as isize;
            self.index[axis] = 0;
        }
        Some(current)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Offsets {}

/// The axes of `layout` without length-1 axes, neighbours merged where memory allows,
/// in logical order: (length, stride) pairs.
fn merged_axes(layout: &Layout) -> Vec<(usize, isize)> {
    let mut out: Vec<(usize, isize)> = Vec::new();
    if layout.size() == 0 {
        return out;
    }
    for (&d, &s) in layout.shape().iter().zip(layout.strides()) {
        if d == 1 {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.1 == s * d as isize => *last = (last.0 * d, s),
            _ => out.push((d, s)),
        }
    }
    out
}

/// Iterator over a view's elements in logical (C) order (NumPy: `a.flat`).
#[derive(Clone)]
pub struct Iter<'a, T> {
    ptr: *const T,
    odo: Offsets,
    _life: PhantomData<&'a T>,
}

impl<'a, T: Element> Iterator for Iter<'a, T> {
    type Item = &'a T;
    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        let off = self.odo.next()?;
        // SAFETY: the odometer yields only offsets of in-bounds indices (view invariant).
        Some(unsafe { &*self.ptr.offset(off) })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.odo.size_hint()
    }
}
impl<T: Element> ExactSizeIterator for Iter<'_, T> {}

/// Iterator over mutable references to a view's elements in logical order.
pub struct IterMut<'a, T> {
    ptr: *mut T,
    odo: Offsets,
    _life: PhantomData<&'a mut T>,
}

impl<'a, T: Element> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;
    #[inline]
    fn next(&mut self) -> Option<&'a mut T> {
        let off = self.odo.next()?;
        // SAFETY: in-bounds offsets, each yielded once, distinct (mutable view invariant).
        Some(unsafe { &mut *self.ptr.offset(off) })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.odo.size_hint()
    }
}
impl<T: Element> ExactSizeIterator for IterMut<'_, T> {}

/// Iterator over `(index, &element)` in logical order (NumPy: `np.ndenumerate`).
pub struct IndexedIter<'a, T> {
    view: ArrayView<'a, T>,
    index: Vec<usize>,
    remaining: usize,
}

impl<'a, T: Element> Iterator for IndexedIter<'a, T> {
    type Item = (Vec<usize>, &'a T);
    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let current = self.index.clone();
        let off = self.view.layout.offset_of(&current);
        // SAFETY: `current` is in bounds (odometer below stays inside the shape).
        let item = unsafe { &*self.view.ptr.offset(off) };
        let shape = self.view.layout.shape();
        let mut axis = shape.len();
        while axis > 0 {
            axis -= 1;
            self.index[axis] += 1;
            if self.index[axis] < shape[axis] {
                break;
            }
            self.index[axis] = 0;
        }
        Some((current, item))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Iterator over the sub-views along one axis (NumPy: iterating `np.moveaxis(a, axis, 0)`).
pub struct AxisIter<'a, T> {
    view: ArrayView<'a, T>,
    axis: usize,
    next: usize,
    end: usize,
}

impl<'a, T: Element> Iterator for AxisIter<'a, T> {
    type Item = ArrayView<'a, T>;
    fn next(&mut self) -> Option<ArrayView<'a, T>> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next += 1;
        let mut layout = self.view.layout.clone();
        let stride = layout.strides()[self.axis];
        layout.remove_axis(self.axis);
        Some(self.view.with_layout(i as isize * stride, layout))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}
impl<T: Element> ExactSizeIterator for AxisIter<'_, T> {}
impl<'a, T: Element> DoubleEndedIterator for AxisIter<'a, T> {
    fn next_back(&mut self) -> Option<ArrayView<'a, T>> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        let mut layout = self.view.layout.clone();
        let stride = layout.strides()[self.axis];
        layout.remove_axis(self.axis);
        Some(self.view.with_layout(self.end as isize * stride, layout))
    }
}

impl<'a, T: Element> ArrayView<'a, T> {
    /// The elements in logical (C) order.
    pub fn iter(&self) -> Iter<'a, T> {
        Iter {
            ptr: self.ptr,
            odo: Offsets::merged(&self.layout),
            _life: PhantomData,
        }
    }

    /// `(index, &element)` pairs in logical order (NumPy: `np.ndenumerate(a)`).
    pub fn indexed_iter(&self) -> IndexedIter<'a, T> {
        IndexedIter {
            view: self.clone(),
            index: vec![0; self.ndim()],
            remaining: self.size(),
        }
    }

    /// Sub-views along `axis`: `a[i]` for each `i` when `axis` is 0.
    ///
    /// # Panics
    /// If `axis >= ndim`.
    pub fn axis_iter(&self, axis: usize) -> AxisIter<'a, T> {
        assert!(
            axis < self.ndim(),
            "axis {axis} is out of bounds for array of dimension {}",
            self.ndim()
        );
        AxisIter {
            view: self.clone(),
            axis,
            next: 0,
            end: self.shape()[axis],
        }
    }

    /// The 1-D lanes along `axis`: every `a[i, .., :, .., k]` with `:` at `axis`, in logical
    /// order of the other indices.
    ///
    /// # Panics
    /// If `axis >= ndim`.
    pub fn lanes(&self, axis: usize) -> impl Iterator<Item = ArrayView<'a, T>> + use<'a, T> {
        assert!(
            axis < self.ndim(),
            "axis {axis} is out of bounds for array of dimension {}",
            self.ndim()
        );
        let len = self.shape()[axis];
        let stride = self.layout.strides()[axis];
        let mut rest = self.layout.clone();
        rest.remove_axis(axis);
        let base = self.clone();
        let offsets: Vec<isize> = Offsets::merged(&rest).collect();
        offsets
            .into_iter()
            .map(move |o| base.with_layout(o, Layout::new(vec![len], vec![stride])))
    }

    /// Element addresses in logical order (for overlap checks).
    pub(crate) fn element_addresses(&self) -> impl Iterator<Item = usize> + use<'a, T> {
        let sz = std::mem::size_of::<T>() as isize;
        let base = self.ptr as isize;
        Offsets::merged(&self.layout).map(move |o| (base + o * sz) as usize)
    }
}

impl<'a, T: Element> ArrayViewMut<'a, T> {
    /// Mutable references to the elements in logical order.
    pub fn iter_mut(&mut self) -> IterMut<'_, T> {
        IterMut {
            ptr: self.ptr,
            odo: Offsets::merged(&self.layout),
            _life: PhantomData,
        }
    }

    /// Turns the view into an iterator of mutable references with the view's lifetime.
    pub fn into_iter_mut(self) -> IterMut<'a, T> {
        IterMut {
            ptr: self.ptr,
            odo: Offsets::merged(&self.layout),
            _life: PhantomData,
        }
    }

    /// Mutable sub-views along `axis`, collected (they are disjoint).
    ///
    /// # Panics
    /// If `axis >= ndim`.
    pub fn axis_iter_mut(self, axis: usize) -> impl Iterator<Item = ArrayViewMut<'a, T>> {
        assert!(
            axis < self.ndim(),
            "axis {axis} is out of bounds for array of dimension {}",
            self.ndim()
        );
        let n = self.shape()[axis];
        let stride = self.layout.strides()[axis];
        let mut layout = self.layout.clone();
        layout.remove_axis(axis);
        let ptr = self.ptr;
        (0..n).map(move |i| {
            // SAFETY: sub-views at distinct indices along `axis` are disjoint parts of the
            // exclusively borrowed parent (its stride on `axis` is non-zero when n > 1).
            unsafe {
                ArrayViewMut::from_raw(ptr.wrapping_offset(i as isize * stride), layout.clone())
            }
        })
    }
}
