//! The engine under fancy and boolean indexing: element access by offset through safe slices,
//! and block gathers/scatters.
//!
//! Advanced indexing reads or writes elements at offsets computed from index arrays, in any
//! order. Instead of raw pointers, this module reaches them through a slice of memory that
//! holds every element of the array ([`Source`], [`Target`]): the whole buffer of an
//! `NdArray` (any layout, no copy), the C- or F-contiguous block of a view, or a C-ordered
//! copy of a view whose elements are scattered. Indexing that slice keeps Rust's bounds
//! checks; the hot loops are written so the compiler can hoist or predict them.
//! It owns no public API and no `unsafe`.

use crate::array::NdArray;
use crate::element::Element;
use crate::error::NdResult;
use crate::iter::Offsets;
use crate::iter::plan::Plan;
use crate::layout::{Layout, Order};
use crate::view::{ArrayView, ArrayViewMut};
use std::borrow::Cow;
use std::sync::Arc;

/// Read access to an array's elements: the element at index `ix` is
/// `data[base + layout.offset_of(ix)]`.
pub(crate) struct Source<'a, T: Clone> {
    pub(crate) data: Cow<'a, [T]>,
    pub(crate) base: isize,
    pub(crate) layout: Layout,
}

impl<'a, T: Element> Source<'a, T> {
    /// The elements of an owned array through its whole buffer: any layout, no copy.
    pub(crate) fn of_array(a: &'a NdArray<T>) -> Self {
        Source {
            data: Cow::Borrowed(a.data.as_slice()),
            base: a.offset as isize,
            layout: a.layout.clone(),
        }
    }

    /// The elements of a view: borrowed when they fill a C- or F-contiguous block (then every
    /// offset lies in `0..size`), otherwise a C-ordered copy (NumPy's `take` copies too).
    pub(crate) fn of_view(v: &ArrayView<'a, T>) -> Self {
        match v.as_slice_memory_order() {
            Some(s) => Source {
                data: Cow::Borrowed(s),
                base: 0,
                layout: v.layout.clone(),
            },
            None => Source {
                data: Cow::Owned(v.to_vec()),
                base: 0,
                layout: Layout::c(v.shape()).expect("a view's shape was checked when it was made"),
            },
        }
    }

    /// The element at `offset` from the first element.
    #[inline(always)]
    pub(crate) fn at(&self, offset: isize) -> T {
        self.data[(self.base + offset) as usize]
    }
}

/// Write access to an array's elements, addressed like [`Source`].
pub(crate) struct Target<'a, T> {
    pub(crate) data: &'a mut [T],
    pub(crate) base: isize,
    pub(crate) layout: Layout,
}

impl<T: Element> Target<'_, T> {
    /// Writes `value` at `offset` from the first element.
    #[inline(always)]
    pub(crate) fn set(&mut self, offset: isize, value: T) {
        self.data[(self.base + offset) as usize] = value;
    }
}

/// Runs `f` on a target over `a`'s whole buffer, after the copy-on-write step (so the buffer
/// is `a`'s alone and no two indices share an address).
pub(crate) fn with_array_target<T: Element, R>(
    a: &mut NdArray<T>,
    f: impl FnOnce(&mut Target<'_, T>) -> NdResult<R>,
) -> NdResult<R> {
    drop(a.view_mut()); // copy-on-write: unshare and drop repeated (zero-stride) addresses
    let base = a.offset as isize;
    let layout = a.layout.clone();
    let data = Arc::get_mut(&mut a.data)
        .expect("view_mut leaves the buffer unshared")
        .as_mut_slice();
    f(&mut Target { data, base, layout })
}

/// Runs `f` on a target over a mutable view: its block when C- or F-contiguous, otherwise a
/// C-ordered copy that is written back afterwards (only when `f` succeeds).
pub(crate) fn with_view_target<T: Element, R>(
    v: &mut ArrayViewMut<'_, T>,
    f: impl FnOnce(&mut Target<'_, T>) -> NdResult<R>,
) -> NdResult<R> {
    let layout = v.layout.clone();
    if layout.is_c_contiguous() {
        let data = v.as_slice_mut().expect("C-contiguous");
        return f(&mut Target {
            data,
            base: 0,
            layout,
        });
    }
    if layout.is_f_contiguous() {
        // The reversed axes of an F-contiguous block are C-contiguous: same memory.
        let mut t = v.view_mut().into_t();
        let data = t
            .as_slice_mut()
            .expect("transpose of F-contiguous is C-contiguous");
        return f(&mut Target {
            data,
            base: 0,
            layout,
        });
    }
    let mut copy = v.view().to_owned_order(Order::C);
    let r = with_array_target(&mut copy, f)?;
    v.assign(&copy)?;
    Ok(r)
}

/// How one selected block (the axes after the indexed ones) is laid out in memory.
pub(crate) enum Block {
    /// A single element.
    One,
    /// `n` elements at consecutive offsets.
    Contiguous(usize),
    /// Elements at these offsets from the block's start, in logical order.
    Strided(Vec<isize>),
}

impl Block {
    /// The block shape for `post`, the layout of the trailing (not indexed) axes.
    pub(crate) fn new(post: &Layout) -> Self {
        match post.size() {
            1 => Block::One,
            n if post.is_c_contiguous() => Block::Contiguous(n),
            _ => Block::Strided(Offsets::new(post).collect()),
        }
    }

    /// Elements per block.
    pub(crate) fn len(&self) -> usize {
        match self {
            Block::One => 1,
            Block::Contiguous(n) => *n,
            Block::Strided(o) => o.len(),
        }
    }
}

/// `out` (C order) gets, for each `offs[i]`, the block of `src` starting at `shift + offs[i]`.
pub(crate) fn gather_blocks<T: Element>(
    src: &Source<'_, T>,
    shift: isize,
    offs: &[isize],
    block: &Block,
    out: &mut [T],
) {
    match block {
        Block::One => {
            for (o, &off) in out.iter_mut().zip(offs) {
                *o = src.at(shift + off);
            }
        }
        Block::Contiguous(n) => {
            for (chunk, &off) in out.chunks_exact_mut(*n).zip(offs) {
                let start = (src.base + shift + off) as usize;
                chunk.copy_from_slice(&src.data[start..start + n]);
            }
        }
        Block::Strided(inner) if !inner.is_empty() => {
            for (chunk, &off) in out.chunks_exact_mut(inner.len()).zip(offs) {
                for (o, &i) in chunk.iter_mut().zip(inner) {
                    *o = src.at(shift + off + i);
                }
            }
        }
        Block::Strided(_) => {}
    }
}

/// Calls `f(offset_a, offset_b)` for every index of `shape` in logical (C) order, where the
/// two operands have element strides `sa` and `sb`. Walks the iteration plan, so the
/// innermost (merged) axis is a tight loop.
#[inline]
pub(crate) fn for_each_pair(
    shape: &[usize],
    sa: &[isize],
    sb: &[isize],
    mut f: impl FnMut(isize, isize),
) {
    let plan = Plan::new(shape, [sa, sb], true);
    plan.for_each_run(|[oa, ob], len, [ia, ib]| {
        for i in 0..len as isize {
            f(oa + i * ia, ob + i * ib);
        }
    });
}

/// For each `offs[i]`, writes the next `block.len()` elements of `values` (logical order)
/// into the block of `dst` starting there. Later writes to the same element win.
pub(crate) fn scatter_blocks<T: Element>(
    dst: &mut Target<'_, T>,
    offs: &[isize],
    block: &Block,
    values: &ArrayView<'_, T>,
) {
    let mut vals = values.iter().copied();
    match block {
        Block::One => {
            for (&off, v) in offs.iter().zip(vals) {
                dst.set(off, v);
            }
        }
        Block::Contiguous(_) | Block::Strided(_) => {
            let inner: Cow<'_, [isize]> = match block {
                Block::Strided(o) => Cow::Borrowed(o),
                _ => Cow::Owned((0..block.len() as isize).collect()),
            };
            for &off in offs {
                for (&i, v) in inner.iter().zip(vals.by_ref()) {
                    dst.set(off + i, v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_walk_logical_order() {
        let l = Layout::new(vec![2, 3], vec![1, 2]);
        let mut o = Offsets::new(&l);
        assert_eq!(o.index(), &[0, 0]);
        o.next();
        assert_eq!(o.index(), &[0, 1]);
        assert_eq!(o.collect::<Vec<_>>(), vec![2, 4, 1, 3, 5]);
        let empty = Layout::new(vec![2, 0], vec![1, 1]);
        assert_eq!(Offsets::new(&empty).count(), 0);
        assert_eq!(
            Offsets::new(&Layout::new(vec![], vec![])).collect::<Vec<_>>(),
            vec![0]
        );
    }

    #[test]
    fn blocks_pick_their_copy() {
        let src_vec: Vec<i64> = (0..12).collect();
        let a = NdArray::from_shape_vec(&[3, 4], src_vec).unwrap();
        let src = Source::of_array(&a);
        // rows 2 and 0, contiguous blocks
        let post = Layout::new(vec![4], vec![1]);
        let block = Block::new(&post);
        assert!(matches!(block, Block::Contiguous(4)));
        let mut out = vec![0i64; 8];
        gather_blocks(&src, 0, &[8, 0], &block, &mut out);
        assert_eq!(out, vec![8, 9, 10, 11, 0, 1, 2, 3]);
        // columns 3 and 1 as strided blocks
        let post = Layout::new(vec![3], vec![4]);
        let block = Block::new(&post);
        let mut out = vec![0i64; 6];
        gather_blocks(&src, 1, &[2, 0], &block, &mut out);
        assert_eq!(out, vec![3, 7, 11, 1, 5, 9]);
    }
}
