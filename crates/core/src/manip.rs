//! Rearranging elements: `tile`, `repeat`, `flip` (and `flipud`/`fliplr`), `roll`.
//!
//! `flip` is a view (negative strides, nothing copied), as in NumPy. The others build one
//! new array: `tile` is a single broadcasting `assign` into an interleaved view of the
//! output, `roll` two `assign`s per rolled axis, and `repeat` writes chunks of the input
//! (read in C order) straight into the output's slice. Padding lives in `pad.rs`.

use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::elementwise::build;
use crate::error::{NdError, NdResult, shape_str};
use crate::layout::{Layout, Order, checked_size, normalize_axis};
use crate::view::{ArrayView, ArrayViewMut};

/// Repeats the whole array `reps[i]` times along axis `i`.
///
/// NumPy: `np.tile(a, reps)`. When `reps` is shorter than `a.ndim()` it is padded with
/// leading 1s; when longer, `a` gets leading length-1 axes. The result always has its own
/// buffer.
///
/// ```
/// use numerust_core::{NdArray, tile};
/// let a = NdArray::from_vec(vec![1, 2]);
/// let t = tile(&a, &[2, 2]).unwrap();
/// assert_eq!(t.shape(), &[2, 4]);
/// assert_eq!(t.to_vec(), vec![1, 2, 1, 2, 1, 2, 1, 2]);
/// ```
///
/// # Errors
/// `ShapeOverflow` when the result's size overflows.
pub fn tile<T: Element>(a: &impl AsView<T>, reps: &[usize]) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    let nd = v.ndim().max(reps.len());
    let mut src = v.layout.clone();
    while src.ndim() < nd {
        src.insert_axis(0);
    }
    let reps: Vec<usize> = std::iter::repeat_n(1, nd - reps.len())
        .chain(reps.iter().copied())
        .collect();
    let shape = src
        .shape()
        .iter()
        .zip(&reps)
        .map(|(&d, &r)| d.checked_mul(r).ok_or(NdError::ShapeOverflow))
        .collect::<NdResult<Vec<usize>>>()?;
    // Output axis i (length r*d, stride s) seen as (r, d) with strides (d*s, s); the
    // source as (1, d) broadcast along the repetition axis.
    build(&shape, Order::C, |dst| {
        let (mut dshape, mut dstrides) = (Vec::new(), Vec::new());
        let (mut sshape, mut sstrides) = (Vec::new(), Vec::new());
        for (i, &r) in reps.iter().enumerate() {
            let (d, s) = (src.shape()[i], dst.layout.strides()[i]);
            dshape.extend([r, d]);
            dstrides.extend([d as isize * s, s]);
            sshape.extend([1, d]);
            sstrides.extend([0, src.strides()[i]]);
        }
        let out = dst.view_mut().into_layout(0, Layout::new(dshape, dstrides));
        let input = v.with_layout(0, Layout::new(sshape, sstrides));
        copy_broadcast(out, &input);
    })
}

/// How many times `repeat` repeats each element: NumPy's `repeats` argument.
///
/// Made from a `usize` (every element the same) or a slice/array/`Vec` of `usize` (one
/// count per element along the axis; a single count applies to all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeats<'a> {
    /// Every element this many times.
    Each(usize),
    /// Element `i` `counts[i]` times.
    PerElement(&'a [usize]),
}

impl From<usize> for Repeats<'_> {
    fn from(n: usize) -> Self {
        Repeats::Each(n)
    }
}

impl<'a> From<&'a [usize]> for Repeats<'a> {
    fn from(s: &'a [usize]) -> Self {
        Repeats::PerElement(s)
    }
}

impl<'a, const N: usize> From<&'a [usize; N]> for Repeats<'a> {
    fn from(s: &'a [usize; N]) -> Self {
        Repeats::PerElement(s)
    }
}

impl<'a> From<&'a Vec<usize>> for Repeats<'a> {
    fn from(s: &'a Vec<usize>) -> Self {
        Repeats::PerElement(s)
    }
}

/// Repeats each element along `axis` (or of the flattened array when `axis` is `None`).
///
/// NumPy: `np.repeat(a, repeats, axis)`. A 0-d array counts as 1-D along axis 0 or -1.
///
/// ```
/// use numerust_core::{NdArray, repeat};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1, 2, 3, 4]).unwrap();
/// assert_eq!(repeat(&a, 2, None).unwrap().to_vec(), vec![1, 1, 2, 2, 3, 3, 4, 4]);
/// let r = repeat(&a, &[1, 2], Some(0)).unwrap();
/// assert_eq!(r.shape(), &[3, 2]);
/// assert_eq!(r.to_vec(), vec![1, 2, 3, 4, 3, 4]);
/// ```
///
/// # Errors
/// `ShapeMismatch` (`operands could not be broadcast together with shape (3,) (2,)`) when
/// the per-element counts neither match the axis nor are a single count;
/// `AxisOutOfBounds`; `ShapeOverflow`.
pub fn repeat<'r, T: Element>(
    a: &impl AsView<T>,
    repeats: impl Into<Repeats<'r>>,
    axis: Option<isize>,
) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    let repeats = repeats.into();
    match axis {
        None => {
            let flat = if v.is_c_contiguous() {
                v.with_layout(0, Layout::new(vec![v.size()], vec![1]))
            } else {
                let owned = NdArray::from_vec(v.to_vec());
                return repeat_axis(&owned.view(), repeats, 0);
            };
            repeat_axis(&flat, repeats, 0)
        }
        Some(axis) if v.ndim() == 0 => {
            normalize_axis(axis, 1)?;
            repeat_axis(&v.with_layout(0, Layout::new(vec![1], vec![0])), repeats, 0)
        }
        Some(axis) => repeat_axis(&v, repeats, normalize_axis(axis, v.ndim())?),
    }
}

fn repeat_axis<T: Element>(
    v: &ArrayView<'_, T>,
    repeats: Repeats<'_>,
    axis: usize,
) -> NdResult<NdArray<T>> {
    let n = v.shape()[axis];
    let counts = match repeats {
        Repeats::PerElement([one]) => Repeats::Each(*one),
        Repeats::PerElement(c) if c.len() != n => {
            return Err(NdError::ShapeMismatch(format!(
                "operands could not be broadcast together with shape {} {}",
                shape_str(&[n]),
                shape_str(&[c.len()])
            )));
        }
        other => other,
    };
    let mut shape = v.shape().to_vec();
    shape[axis] = match counts {
        Repeats::Each(r) => n.checked_mul(r),
        Repeats::PerElement(c) => c.iter().try_fold(0usize, |acc, &r| acc.checked_add(r)),
    }
    .ok_or(NdError::ShapeOverflow)?;
    checked_size(&shape)?;
    // Work on the elements in C order: each (outer index, i) chunk of `inner` elements is
    // written `count(i)` times in a row, straight into the output's slice.
    let copy;
    let src: &[T] = match v.as_slice() {
        Some(s) => s,
        None => {
            copy = v.to_vec();
            &copy
        }
    };
    let inner: usize = v.shape()[axis + 1..].iter().product();
    let count = |i: usize| match counts {
        Repeats::Each(r) => r,
        Repeats::PerElement(c) => c[i],
    };
    build(&shape, Order::C, |dst| {
        let out = dst.as_slice_mut().expect("a new C-ordered array");
        if out.is_empty() {
            return; // also rules out n * inner == 0 below
        }
        let mut k = 0;
        for block in src.chunks_exact(n * inner) {
            for (i, chunk) in block.chunks_exact(inner).enumerate() {
                let r = count(i);
                if let [x] = chunk {
                    out[k..k + r].fill(*x);
                    k += r;
                } else {
                    for _ in 0..r {
                        out[k..k + inner].copy_from_slice(chunk);
                        k += inner;
                    }
                }
            }
        }
    })
}

/// The view reversed along `axes` (all axes when `None`): a view with negative strides.
///
/// NumPy: `np.flip(a, axis)`. numerust returns an [`ArrayView`] borrowing `a`; call
/// `.to_owned()` for an array with its own buffer.
///
/// ```
/// use numerust_core::{NdArray, flip};
/// let a = NdArray::from_shape_vec(&[2, 3], (0..6).collect::<Vec<i32>>()).unwrap();
/// assert_eq!(flip(&a, Some(&[1])).unwrap().to_vec(), vec![2, 1, 0, 5, 4, 3]);
/// assert_eq!(flip(&a, None).unwrap().to_vec(), vec![5, 4, 3, 2, 1, 0]);
/// ```
///
/// # Errors
/// `AxisOutOfBounds`; `RepeatedAxis` when an axis is named twice.
pub fn flip<'a, T: Element>(
    a: &'a impl AsView<T>,
    axes: Option<&[isize]>,
) -> NdResult<ArrayView<'a, T>> {
    let v = a.as_view();
    let ndim = v.ndim();
    let axes: Vec<usize> = match axes {
        None => (0..ndim).collect(),
        Some(list) => {
            let mut seen = vec![false; ndim];
            let mut out = Vec::with_capacity(list.len());
            for &ax in list {
                let ax = normalize_axis(ax, ndim)?;
                if std::mem::replace(&mut seen[ax], true) {
                    return Err(NdError::RepeatedAxis);
                }
                out.push(ax);
            }
            out
        }
    };
    let (shape, mut strides) = v.layout.clone().into_parts();
    let mut offset = 0isize;
    if !shape.contains(&0) {
        for &ax in &axes {
            offset += (shape[ax] as isize - 1) * strides[ax];
        }
    }
    for &ax in &axes {
        strides[ax] = -strides[ax];
    }
    Ok(v.with_layout(offset, Layout::new(shape, strides)))
}

/// The view with rows reversed (axis 0).
///
/// NumPy: `np.flipud(a)`.
///
/// # Errors
/// `InvalidValue` (`Input must be >= 1-d.`) for a 0-d array.
pub fn flipud<'a, T: Element>(a: &'a impl AsView<T>) -> NdResult<ArrayView<'a, T>> {
    if a.as_view().ndim() < 1 {
        return Err(NdError::InvalidValue("Input must be >= 1-d.".into()));
    }
    flip(a, Some(&[0]))
}

/// The view with columns reversed (axis 1).
///
/// NumPy: `np.fliplr(a)`.
///
/// # Errors
/// `InvalidValue` (`Input must be >= 2-d.`) below 2 dimensions.
pub fn fliplr<'a, T: Element>(a: &'a impl AsView<T>) -> NdResult<ArrayView<'a, T>> {
    if a.as_view().ndim() < 2 {
        return Err(NdError::InvalidValue("Input must be >= 2-d.".into()));
    }
    flip(a, Some(&[1]))
}

/// Shifts elements by `shift` along `axis`, wrapping around; with `axis` `None` the array
/// is rolled as if flattened, then given its shape back.
///
/// NumPy: `np.roll(a, shift, axis)`.
///
/// ```
/// use numerust_core::{NdArray, roll};
/// let a = NdArray::from_shape_vec(&[2, 3], (0..6).collect::<Vec<i32>>()).unwrap();
/// assert_eq!(roll(&a, 1, None).unwrap().to_vec(), vec![5, 0, 1, 2, 3, 4]);
/// assert_eq!(roll(&a, -1, Some(1)).unwrap().to_vec(), vec![1, 2, 0, 4, 5, 3]);
/// ```
///
/// # Errors
/// `AxisOutOfBounds`.
pub fn roll<T: Element>(
    a: &impl AsView<T>,
    shift: isize,
    axis: Option<isize>,
) -> NdResult<NdArray<T>> {
    match axis {
        Some(ax) => roll_axes(a, &[shift], &[ax]),
        None => {
            let v = a.as_view();
            let shape = v.shape().to_vec();
            let owned;
            let flat = if v.is_c_contiguous() {
                v.with_layout(0, Layout::new(vec![v.size()], vec![1]))
            } else {
                owned = NdArray::from_vec(v.to_vec());
                owned.view()
            };
            let rolled = roll_axes(&flat, &[shift], &[0])?;
            Ok(rolled.relayout(0, Layout::c(&shape)?))
        }
    }
}

/// Rolls along several axes at once: `shifts` and `axes` pair up (a single value of either
/// applies to every entry of the other); shifts on a repeated axis add up.
///
/// NumPy: `np.roll(a, shifts, axis=axes)`.
///
/// ```
/// use numerust_core::{NdArray, roll_axes};
/// let a = NdArray::from_shape_vec(&[2, 3], (0..6).collect::<Vec<i32>>()).unwrap();
/// let r = roll_axes(&a, &[1, 1], &[0, 1]).unwrap();
/// assert_eq!(r.to_vec(), vec![5, 3, 4, 2, 0, 1]);
/// ```
///
/// # Errors
/// `ShapeMismatch` (NumPy's `shape mismatch: objects cannot be broadcast to a single
/// shape. ...`) when the lengths differ and neither is 1; `AxisOutOfBounds`.
pub fn roll_axes<T: Element>(
    a: &impl AsView<T>,
    shifts: &[isize],
    axes: &[isize],
) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    let ndim = v.ndim();
    let n = match (shifts.len(), axes.len()) {
        (s, x) if s == x || x == 1 => s,
        (1, x) => x,
        (s, x) => {
            return Err(NdError::ShapeMismatch(format!(
                "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is \
                 between arg 0 with shape {} and arg 1 with shape {}.",
                shape_str(&[s]),
                shape_str(&[x])
            )));
        }
    };
    let mut total = vec![0isize; ndim];
    for i in 0..n {
        let shift = shifts[if shifts.len() == 1 { 0 } else { i }];
        let ax = normalize_axis(axes[if axes.len() == 1 { 0 } else { i }], ndim)?;
        let len = v.shape()[ax] as isize;
        if len > 0 {
            total[ax] = (total[ax] + shift.rem_euclid(len)) % len;
        }
    }
    // Per axis, the (src_start, dst_start, len) blocks: one block, or two when shifted.
    let blocks: Vec<Vec<(usize, usize, usize)>> = (0..ndim)
        .map(|ax| {
            let len = v.shape()[ax];
            let s = total[ax] as usize;
            if s == 0 {
                vec![(0, 0, len)]
            } else {
                vec![(0, s, len - s), (len - s, 0, s)]
            }
        })
        .collect();
    build(v.shape(), Order::C, |dst| {
        let count: usize = blocks.iter().map(Vec::len).product();
        for combo in 0..count {
            let (mut src_off, mut dst_off) = (0isize, 0isize);
            let mut shape = vec![0usize; ndim];
            let mut rest = combo;
            for ax in 0..ndim {
                let (s0, d0, len) = blocks[ax][rest % blocks[ax].len()];
                rest /= blocks[ax].len();
                shape[ax] = len;
                src_off += s0 as isize * v.layout.strides()[ax];
                dst_off += d0 as isize * dst.layout.strides()[ax];
            }
            let src = v.with_layout(
                src_off,
                Layout::new(shape.clone(), v.layout.strides().to_vec()),
            );
            let dst_layout = Layout::new(shape, dst.layout.strides().to_vec());
            let out = dst.view_mut().into_layout(dst_off, dst_layout);
            copy_broadcast(out, &src);
        }
    })
}

/// Copies `src`, broadcast to `dst`'s shape, into `dst`.
pub(crate) fn copy_broadcast<T: Element>(mut dst: ArrayViewMut<'_, T>, src: &ArrayView<'_, T>) {
    dst.assign(src)
        .expect("callers build `src` broadcastable to `dst`");
}
