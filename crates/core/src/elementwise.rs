//! Element-wise closures and copies without the kernels crate's ufuncs: `map`, `mapv`,
//! `zip_with` (broadcasting), `fill`, `assign` (broadcasting), `to_owned`, `to_vec`.
//!
//! All of them go through the iteration plan (`iter::runs`), so they see long 1-D runs.

use crate::array::{AsView, NdArray};
use crate::broadcast::{broadcast_layout, broadcast_shape_pair};
use crate::buffer::Buffer;
use crate::element::Element;
use crate::error::NdResult;
use crate::iter::runs::{
    copy_into, for_each_run, for_each_run_mut, for_each_run_mut_1, for_each_run_mut_2,
};
use crate::layout::{Layout, Order};
use crate::view::{ArrayView, ArrayViewMut};
use numerust_kernels::run::{fill_run, map_run, update_run, zip_run};

/// A new contiguous array of `shape` in `order` whose every element `fill` writes: the
/// buffer may be a recycled one holding old values (see `Buffer::for_overwrite`).
///
/// # Errors
/// `ShapeOverflow` when the shape is too large.
pub(crate) fn build_overwrite<U: Element>(
    shape: &[usize],
    order: Order,
    fill: impl FnOnce(&mut ArrayViewMut<'_, U>),
) -> NdResult<NdArray<U>> {
    let layout = Layout::contiguous(shape, order)?;
    let buf = Buffer::<U>::for_overwrite(layout.size())?;
    let mut out = NdArray::from_buffer(buf, layout)?;
    fill(&mut out.view_mut());
    Ok(out)
}

/// A new contiguous array of `shape` in `order`, zeroed, then given to `fill`.
///
/// # Errors
/// `ShapeOverflow` when the shape is too large.
pub(crate) fn build<U: Element>(
    shape: &[usize],
    order: Order,
    fill: impl FnOnce(&mut ArrayViewMut<'_, U>),
) -> NdResult<NdArray<U>> {
    let layout = Layout::contiguous(shape, order)?;
    let buf = Buffer::<U>::zeroed(layout.size())?;
    let mut out = NdArray::from_buffer(buf, layout)?;
    fill(&mut out.view_mut());
    Ok(out)
}

impl<'a, T: Element> ArrayView<'a, T> {
    /// An owned copy with a fresh buffer, keeping F order when the view is F-contiguous.
    ///
    /// NumPy: `a.copy()`.
    pub fn to_owned(&self) -> NdArray<T> {
        self.to_owned_order(self.layout.preferred_order())
    }

    /// An owned copy in the given memory order (NumPy: `a.copy(order=...)`).
    pub fn to_owned_order(&self, order: Order) -> NdArray<T> {
        build_overwrite(self.shape(), order, |dst| copy_into(dst, self))
            .expect("a view's shape was checked when it was made")
    }

    /// The elements in logical (C) order.
    pub fn to_vec(&self) -> Vec<T> {
        if let Some(s) = self.as_slice() {
            return s.to_vec();
        }
        let mut v = Vec::with_capacity(self.size());
        for_each_run(self, true, |r| match r.as_slice() {
            Some(s) => v.extend_from_slice(s),
            None => v.extend(r.iter()),
        });
        v
    }

    /// A new array of `f(&x)` for every element (NumPy: `np.vectorize(f)(a)`).
    pub fn map<U: Element>(&self, mut f: impl FnMut(&T) -> U) -> NdArray<U> {
        self.mapv(move |x| f(&x))
    }

    /// A new array of `f(x)` for every element.
    pub fn mapv<U: Element>(&self, f: impl FnMut(T) -> U) -> NdArray<U> {
        let mut f = f;
        build_overwrite(self.shape(), self.layout.preferred_order(), |dst| {
            for_each_run_mut_1(dst, self, |d, s| map_run(s, d, &mut f));
        })
        .expect("a view's shape was checked when it was made")
    }

    /// `f(a, b)` element by element, with `other` and `self` broadcast together.
    ///
    /// # Errors
    /// `Broadcast` when the shapes do not broadcast.
    pub fn zip_with<B: Element, U: Element>(
        &self,
        other: &impl AsView<B>,
        f: impl FnMut(T, B) -> U,
    ) -> NdResult<NdArray<U>> {
        let other = other.as_view();
        let shape = broadcast_shape_pair(self.shape(), other.shape())?;
        let a = self.with_layout(0, broadcast_layout(&self.layout, &shape)?);
        let b = other.with_layout(0, broadcast_layout(&other.layout, &shape)?);
        let mut f = f;
        build_overwrite(&shape, Order::C, |dst| {
            for_each_run_mut_2(dst, &a, &b, |d, x, y| zip_run(x, y, d, &mut f));
        })
    }

    /// `init` folded over the elements in logical order.
    pub fn fold<A>(&self, init: A, mut f: impl FnMut(A, T) -> A) -> A {
        let mut acc = Some(init);
        for_each_run(self, true, |r| {
            let mut a = acc.take().expect("accumulator present");
            for x in r.iter() {
                a = f(a, x);
            }
            acc = Some(a);
        });
        acc.expect("accumulator present")
    }
}

impl<T: Element> ArrayViewMut<'_, T> {
    /// Sets every element to `value` (NumPy: `a.fill(value)`, `a[...] = value`).
    pub fn fill(&mut self, value: T) {
        for_each_run_mut(self, |d| fill_run(d, value));
    }

    /// Copies `src` into the view, broadcasting it (NumPy: `a[...] = src`).
    ///
    /// # Errors
    /// `BroadcastTo` when `src` cannot be broadcast to this view's shape.
    pub fn assign(&mut self, src: &impl AsView<T>) -> NdResult<()> {
        let src = src.as_view();
        let b = src.with_layout(0, broadcast_layout(&src.layout, self.shape())?);
        copy_into(self, &b);
        Ok(())
    }

    /// Replaces every element `x` with `f(x)`.
    pub fn mapv_inplace(&mut self, mut f: impl FnMut(T) -> T) {
        for_each_run_mut(self, |mut d| {
            for i in 0..d.len() {
                let v = f(d.get(i));
                d.set(i, v);
            }
        });
    }

    /// `x = f(x, y)` for every element, with `src` broadcast to this view's shape.
    ///
    /// # Errors
    /// `BroadcastTo` when `src` cannot be broadcast to this view's shape.
    pub fn zip_mut_with<B: Element>(
        &mut self,
        src: &impl AsView<B>,
        mut f: impl FnMut(T, B) -> T,
    ) -> NdResult<()> {
        let src = src.as_view();
        let b = src.with_layout(0, broadcast_layout(&src.layout, self.shape())?);
        for_each_run_mut_1(self, &b, |d, s| update_run(d, s, &mut f));
        Ok(())
    }
}

impl<T: Element> NdArray<T> {
    /// A deep copy with its own buffer (NumPy: `a.copy()`). `clone()` is the cheap,
    /// copy-on-write alternative.
    pub fn copy(&self) -> NdArray<T> {
        self.view().to_owned()
    }

    /// The elements in logical (C) order.
    pub fn to_vec(&self) -> Vec<T> {
        self.view().to_vec()
    }

    /// A new array of `f(&x)` for every element.
    pub fn map<U: Element>(&self, f: impl FnMut(&T) -> U) -> NdArray<U> {
        self.view().map(f)
    }

    /// A new array of `f(x)` for every element.
    pub fn mapv<U: Element>(&self, f: impl FnMut(T) -> U) -> NdArray<U> {
        self.view().mapv(f)
    }

    /// `f(a, b)` element by element with broadcasting.
    ///
    /// # Errors
    /// `Broadcast` when the shapes do not broadcast.
    pub fn zip_with<B: Element, U: Element>(
        &self,
        other: &impl AsView<B>,
        f: impl FnMut(T, B) -> U,
    ) -> NdResult<NdArray<U>> {
        self.view().zip_with(other, f)
    }

    /// Sets every element to `value`.
    pub fn fill(&mut self, value: T) {
        self.view_mut().fill(value)
    }

    /// Copies `src` into the array, broadcasting it.
    ///
    /// # Errors
    /// `BroadcastTo` when `src` cannot be broadcast to this array's shape.
    pub fn assign(&mut self, src: &impl AsView<T>) -> NdResult<()> {
        self.view_mut().assign(src)
    }

    /// Replaces every element `x` with `f(x)`.
    pub fn mapv_inplace(&mut self, f: impl FnMut(T) -> T) {
        self.view_mut().mapv_inplace(f)
    }

    /// `init` folded over the elements in logical order.
    pub fn fold<A>(&self, init: A, f: impl FnMut(A, T) -> A) -> A {
        self.view().fold(init, f)
    }

    /// The elements in logical order.
    pub fn iter(&self) -> crate::iter::Iter<'_, T> {
        self.view().iter()
    }

    /// Mutable references to the elements in logical order (copying first if shared).
    pub fn iter_mut(&mut self) -> crate::iter::IterMut<'_, T> {
        self.view_mut().into_iter_mut()
    }

    /// `(index, &element)` pairs in logical order.
    pub fn indexed_iter(&self) -> crate::iter::IndexedIter<'_, T> {
        self.view().indexed_iter()
    }

    /// Sub-views along `axis`.
    ///
    /// # Panics
    /// If `axis >= ndim`.
    pub fn axis_iter(&self, axis: usize) -> crate::iter::AxisIter<'_, T> {
        self.view().axis_iter(axis)
    }

    /// The 1-D lanes along `axis`.
    ///
    /// # Panics
    /// If `axis >= ndim`.
    pub fn lanes(&self, axis: usize) -> impl Iterator<Item = ArrayView<'_, T>> + '_ {
        let view: ArrayView<'_, T> = self.view();
        view.lanes(axis)
    }
}

impl<T: Element> PartialEq for NdArray<T> {
    /// Same shape and equal elements (NumPy: `np.array_equal(a, b)`).
    fn eq(&self, other: &Self) -> bool {
        self.view() == other.view()
    }
}

impl<T: Element> PartialEq for ArrayView<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.shape() == other.shape() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}
