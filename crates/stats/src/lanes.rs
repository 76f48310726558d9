//! Lanes: the 1-D slices of an array along one axis, copied into one C-contiguous buffer
//! with that axis last, so every lane is a plain `&mut [T]`.
//!
//! Every sort, partition and quantile here works the way NumPy's do (`a.copy()` then an
//! in-place operation per lane): [`Lanes::new`] makes the copy (one `memcpy` when the axis
//! is already the last contiguous one), the caller works on [`Lanes::for_each`], and
//! [`Lanes::restore`] moves the axis back. Owns no math.

use numerust_core::layout::normalize_axis;
use numerust_core::{ArrayView, Element, NdArray, NdResult, Order};
use rayon::prelude::*;

/// Work below this many elements stays on one thread.
pub(crate) const PAR_MIN: usize = 1 << 16;

/// An array's lanes along one axis, contiguous.
pub(crate) struct Lanes<T: Element> {
    /// The elements, axis last, C order.
    pub data: NdArray<T>,
    /// The shape without the lane axis.
    pub outer: Vec<usize>,
    /// Lane length.
    pub len: usize,
    /// The lane axis in the input (`None`: the input was flattened).
    pub axis: Option<usize>,
}

impl<T: Element> Lanes<T> {
    /// The lanes of `a` along `axis` (negative counts from the end); `None` flattens `a`
    /// into one lane (NumPy's `axis=None`).
    ///
    /// # Errors
    /// `AxisOutOfBounds` (a 0-d array has no axis).
    pub fn new(a: &ArrayView<'_, T>, axis: Option<isize>) -> NdResult<Lanes<T>> {
        match axis {
            None => {
                let n = a.size();
                let data = a.to_owned_order(Order::C).reshape([n])?;
                Ok(Lanes {
                    data,
                    outer: Vec::new(),
                    len: n,
                    axis: None,
                })
            }
            Some(ax) => {
                let ax = normalize_axis(ax, a.ndim())?;
                let moved = a.moveaxis(&[ax as isize], &[-1])?;
                let data = moved.to_owned_order(Order::C);
                let mut outer = a.shape().to_vec();
                let len = outer.remove(ax);
                Ok(Lanes {
                    data,
                    outer,
                    len,
                    axis: Some(ax),
                })
            }
        }
    }

    /// Number of lanes.
    pub fn count(&self) -> usize {
        self.outer.iter().product()
    }

    /// Calls `f(lane_number, lane)` on every lane, on several threads when there is enough work.
    pub fn for_each(&mut self, f: impl Fn(usize, &mut [T]) + Sync + Send) {
        let len = self.len;
        if len == 0 {
            return;
        }
        let many = self.count() > 1 && self.data.size() >= PAR_MIN;
        let s = self.data.as_slice_mut().expect("lanes are C-contiguous");
        if many {
            s.par_chunks_mut(len).enumerate().for_each(|(i, l)| f(i, l));
        } else {
            s.chunks_mut(len).enumerate().for_each(|(i, l)| f(i, l));
        }
    }

    /// Maps every lane to `new_len` outputs with `f(lane, out)`, in parallel as `for_each`;
    /// returns them in lane order (C order of [`Lanes::outer`], then the new axis).
    pub fn map<U: Element>(
        &mut self,
        new_len: usize,
        f: impl Fn(&mut [T], &mut [U]) + Sync + Send,
    ) -> Vec<U> {
        let count = self.count();
        let mut out = vec![U::zero(); count * new_len];
        if new_len == 0 || count == 0 {
            return out;
        }
        let len = self.len;
        let many = count > 1 && self.data.size() >= PAR_MIN;
        let s = self.data.as_slice_mut().expect("lanes are C-contiguous");
        if len == 0 {
            out.chunks_mut(new_len).for_each(|o| f(&mut [], o));
        } else if many {
            s.par_chunks_mut(len)
                .zip(out.par_chunks_mut(new_len))
                .for_each(|(l, o)| f(l, o));
        } else {
            s.chunks_mut(len)
                .zip(out.chunks_mut(new_len))
                .for_each(|(l, o)| f(l, o));
        }
        out
    }

    /// `data` (lanes of `new_len`, in lane order) with the lane axis put back where it was.
    pub fn restore<U: Element>(&self, data: NdArray<U>, new_len: usize) -> NdArray<U> {
        let mut shape = self.outer.clone();
        shape.push(new_len);
        let arr = data
            .reshape(&shape[..])
            .expect("lane data matches its shape");
        match self.axis {
            None => arr,
            Some(ax) if ax + 1 == shape.len() => arr,
            Some(ax) => arr
                .moveaxis(&[-1], &[ax as isize])
                .expect("axis is in range")
                .as_standard_layout(),
        }
    }

    /// The sorted-lane array itself, axis put back.
    pub fn into_array(self) -> NdArray<T> {
        let len = self.len;
        let data = self.data.clone();
        self.restore(data, len)
    }
}
