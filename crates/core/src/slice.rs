//! Basic indexing: `SliceElem`, the `s![]` macro, and applying an index to a layout.
//!
//! Semantics are NumPy's, including negative steps: `s![..;-1]` is `a[::-1]`, and
//! `s![5..1;-1]` is `a[5:1:-1]` (start and stop are read after the step's direction is known,
//! then clamped, exactly as `PySlice_AdjustIndices` does). Integers drop their axis, `NewAxis`
//! inserts one, `Ellipsis` (or `...`) stands for every axis not named.

use crate::error::{NdError, NdResult};
use crate::layout::Layout;
use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};

/// One item of a basic index: a slice, an integer, a new axis or an ellipsis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceElem {
    /// `start:stop:step`; `None` takes NumPy's default for the step's direction.
    Slice {
        /// First index (may be negative: counts from the end).
        start: Option<isize>,
        /// One past the last index (may be negative).
        stop: Option<isize>,
        /// Step; never 0 when applied.
        step: isize,
    },
    /// A single index (may be negative); removes the axis.
    Index(isize),
    /// `np.newaxis`: a new axis of length 1.
    NewAxis,
    /// `...`: as many full slices as needed.
    Ellipsis,
}

/// `np.newaxis` for the `s![]` macro.
#[derive(Clone, Copy, Debug)]
pub struct NewAxis;

/// `...` for the `s![]` macro (the `...` token works too).
#[derive(Clone, Copy, Debug)]
pub struct Ellipsis;

impl SliceElem {
    /// The same slice with `step`; integers, new axes and ellipses are left as they are
    /// (a step on them is meaningless and is rejected by `debug_assert`).
    pub fn step_by(self, step: isize) -> Self {
        match self {
            SliceElem::Slice { start, stop, .. } => SliceElem::Slice { start, stop, step },
            other => {
                debug_assert!(false, "a step applies only to a range");
                other
            }
        }
    }

    /// The full slice `:`.
    pub const FULL: SliceElem = SliceElem::Slice {
        start: None,
        stop: None,
        step: 1,
    };
}

impl From<NewAxis> for SliceElem {
    fn from(_: NewAxis) -> Self {
        SliceElem::NewAxis
    }
}

impl From<Ellipsis> for SliceElem {
    fn from(_: Ellipsis) -> Self {
        SliceElem::Ellipsis
    }
}

impl From<RangeFull> for SliceElem {
    fn from(_: RangeFull) -> Self {
        SliceElem::FULL
    }
}

macro_rules! impl_slice_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for SliceElem {
            fn from(i: $t) -> Self { SliceElem::Index(i as isize) }
        }
        impl From<Range<$t>> for SliceElem {
            fn from(r: Range<$t>) -> Self {
                SliceElem::Slice { start: Some(r.start as isize), stop: Some(r.end as isize), step: 1 }
            }
        }
        impl From<RangeFrom<$t>> for SliceElem {
            fn from(r: RangeFrom<$t>) -> Self {
                SliceElem::Slice { start: Some(r.start as isize), stop: None, step: 1 }
            }
        }
        impl From<RangeTo<$t>> for SliceElem {
            fn from(r: RangeTo<$t>) -> Self {
                SliceElem::Slice { start: None, stop: Some(r.end as isize), step: 1 }
            }
        }
        impl From<RangeInclusive<$t>> for SliceElem {
            fn from(r: RangeInclusive<$t>) -> Self {
                let end = *r.end() as isize;
                // `a..=-1` means "through the last element": no stop at all.
                let stop = if end == -1 { None } else { Some(end + 1) };
                SliceElem::Slice { start: Some(*r.start() as isize), stop, step: 1 }
            }
        }
        impl From<RangeToInclusive<$t>> for SliceElem {
            fn from(r: RangeToInclusive<$t>) -> Self {
                let end = r.end as isize;
                let stop = if end == -1 { None } else { Some(end + 1) };
                SliceElem::Slice { start: None, stop, step: 1 }
            }
        }
    )*};
}
impl_slice_from_int!(isize, usize, i32, i64);

/// Builds a basic index: `s![1..3, ..;-1, 2, NewAxis, ...]`.
///
/// Each item is a range (`a..b`, `a..`, `..b`, `..`, `a..=b`), optionally followed by
/// `;step`; an integer (drops the axis); `NewAxis`; or `...`/`Ellipsis`. Negative numbers
/// count from the end, as in NumPy.
///
/// ```
/// use numerust_core::{s, NdArray};
/// let a = NdArray::from_vec((0..10).collect::<Vec<i64>>());
/// assert_eq!(a.slice(s![..;-3]).to_vec(), vec![9, 6, 3, 0]);
/// assert_eq!(a.slice(s![-3..]).to_vec(), vec![7, 8, 9]);
/// ```
#[macro_export]
macro_rules! s {
    (@acc [$($acc:expr),*]) => { [$($acc),*] };
    (@acc [$($acc:expr),*] ... $(, $($rest:tt)*)?) => {
        $crate::s!(@acc [$($acc,)* $crate::SliceElem::Ellipsis] $($($rest)*)?)
    };
    (@acc [$($acc:expr),*] $r:expr ; $step:expr $(, $($rest:tt)*)?) => {
        // With a negative step, `5..1` is NumPy's `5:1:-1`, not an empty Rust range.
        $crate::s!(@acc [$($acc,)* $crate::SliceElem::from({
            #[allow(clippy::reversed_empty_ranges)]
            let range = $r;
            range
        }).step_by($step as isize)] $($($rest)*)?)
    };
    (@acc [$($acc:expr),*] $r:expr $(, $($rest:tt)*)?) => {
        $crate::s!(@acc [$($acc,)* $crate::SliceElem::from($r)] $($($rest)*)?)
    };
    ($($t:tt)*) => { $crate::s!(@acc [] $($t)*) };
}

/// NumPy's `PySlice_AdjustIndices`: (first index, length) of `start:stop:step` on `len`.
pub fn adjust_slice(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
) -> NdResult<(isize, usize)> {
    if step == 0 {
        return Err(NdError::ZeroStep);
    }
    let n = len as isize;
    let clamp = |v: isize, lo: isize, hi: isize| v.clamp(lo, hi);
    let fix = |v: isize| if v < 0 { v + n } else { v };
    let (first, last) = if step > 0 {
        (
            clamp(fix(start.unwrap_or(0)), 0, n),
            clamp(fix(stop.unwrap_or(n)), 0, n),
        )
    } else {
        (
            start.map_or(n - 1, |v| clamp(fix(v), -1, n - 1)),
            stop.map_or(-1, |v| clamp(fix(v), -1, n - 1)),
        )
    };
    let count = if step > 0 {
        if last > first {
            (last - first - 1) / step + 1
        } else {
            0
        }
    } else if first > last {
        (first - last - 1) / (-step) + 1
    } else {
        0
    };
    Ok((first, count as usize))
}

/// Resolves a possibly negative index on an axis of `len`.
///
/// # Errors
/// `IndexOutOfBounds`, with the index as written.
pub fn resolve_index(index: isize, axis: usize, len: usize) -> NdResult<usize> {
    let n = len as isize;
    let i = if index < 0 { index + n } else { index };
    if i < 0 || i >= n {
        return Err(NdError::IndexOutOfBounds { index, axis, len });
    }
    Ok(i as usize)
}

/// Applies a basic index to `layout`: the new layout and the element offset of its first
/// element from the old first element.
///
/// # Errors
/// `TooManyIndices`, `MultipleEllipsis`, `ZeroStep`, `IndexOutOfBounds`.
pub fn apply(layout: &Layout, index: &[SliceElem]) -> NdResult<(isize, Layout)> {
    let ellipses = index
        .iter()
        .filter(|e| matches!(e, SliceElem::Ellipsis))
        .count();
    if ellipses > 1 {
        return Err(NdError::MultipleEllipsis);
    }
    let consumed = index
        .iter()
        .filter(|e| matches!(e, SliceElem::Slice { .. } | SliceElem::Index(_)))
        .count();
    let ndim = layout.ndim();
    if consumed > ndim {
        return Err(NdError::TooManyIndices {
            ndim,
            given: consumed,
        });
    }
    let (old_shape, old_strides) = (layout.shape(), layout.strides());
    let mut shape = Vec::with_capacity(ndim + index.len());
    let mut strides = Vec::with_capacity(ndim + index.len());
    let mut offset = 0isize;
    let mut empty = false;
    let mut axis = 0usize;
    for elem in index {
        match *elem {
            SliceElem::Slice { start, stop, step } => {
                let (first, count) = adjust_slice(start, stop, step, old_shape[axis])?;
                if count > 0 {
                    offset += first * old_strides[axis];
                } else {
                    empty = true;
                }
                shape.push(count);
                strides.push(old_strides[axis] * step);
                axis += 1;
            }
            SliceElem::Index(i) => {
                let i = resolve_index(i, axis, old_shape[axis])?;
                offset += i as isize * old_strides[axis];
                axis += 1;
            }
            SliceElem::NewAxis => {
                shape.push(1);
                strides.push(0);
            }
            SliceElem::Ellipsis => {
                let fill = ndim - consumed;
                for _ in 0..fill {
                    shape.push(old_shape[axis]);
                    strides.push(old_strides[axis]);
                    axis += 1;
                }
            }
        }
    }
    while axis < ndim {
        shape.push(old_shape[axis]);
        strides.push(old_strides[axis]);
        axis += 1;
    }
    if empty {
        offset = 0;
    }
    Ok((offset, Layout::new(shape, strides)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjust_matches_python() {
        // Python: list(range(10))[2:8:3] == [2, 5]
        assert_eq!(adjust_slice(Some(2), Some(8), 3, 10).unwrap(), (2, 2));
        // [::-1] on 5
        assert_eq!(adjust_slice(None, None, -1, 5).unwrap(), (4, 5));
        // [5:1:-1] on 10 -> 5,4,3,2
        assert_eq!(adjust_slice(Some(5), Some(1), -1, 10).unwrap(), (5, 4));
        // [-100:100] on 3 -> all
        assert_eq!(adjust_slice(Some(-100), Some(100), 1, 3).unwrap(), (0, 3));
        // [100::-2] on 5 -> 4, 2, 0
        assert_eq!(adjust_slice(Some(100), None, -2, 5).unwrap(), (4, 3));
        // [:-100:-1] on 5 -> all reversed
        assert_eq!(adjust_slice(None, Some(-100), -1, 5).unwrap(), (4, 5));
        assert_eq!(adjust_slice(Some(3), Some(3), 1, 5).unwrap().1, 0);
        assert!(adjust_slice(None, None, 0, 5).is_err());
        // empty axis
        assert_eq!(adjust_slice(None, None, -1, 0).unwrap().1, 0);
    }

    #[test]
    fn macro_builds_items() {
        let items = crate::s![1..3, ..;-1, 2, NewAxis, ..., -1..];
        assert_eq!(
            items[0],
            SliceElem::Slice {
                start: Some(1),
                stop: Some(3),
                step: 1
            }
        );
        assert_eq!(
            items[1],
            SliceElem::Slice {
                start: None,
                stop: None,
                step: -1
            }
        );
        assert_eq!(items[2], SliceElem::Index(2));
        assert_eq!(items[3], SliceElem::NewAxis);
        assert_eq!(items[4], SliceElem::Ellipsis);
        assert_eq!(
            items[5],
            SliceElem::Slice {
                start: Some(-1),
                stop: None,
                step: 1
            }
        );
        let single = crate::s![..];
        assert_eq!(single.len(), 1);
        let inclusive = crate::s![..=-1];
        assert_eq!(inclusive[0], SliceElem::FULL);
    }

    #[test]
    fn apply_counts_axes() {
        let l = Layout::c(&[4, 5, 6]).unwrap();
        let (off, out) = apply(&l, &crate::s![1, ..., 2..;2]).unwrap();
        assert_eq!(out.shape(), &[5, 2]);
        assert_eq!(out.strides(), &[6, 2]);
        assert_eq!(off, 30 + 2);
        assert_eq!(
            apply(&l, &crate::s![0, 0, 0, 0]).unwrap_err().to_string(),
            "too many indices for array: array is 3-dimensional, but 4 were indexed"
        );
        assert!(apply(&l, &crate::s![..., ...]).is_err());
        assert_eq!(
            apply(&l, &crate::s![-5]).unwrap_err().to_string(),
            "index -5 is out of bounds for axis 0 with size 4"
        );
    }
}
