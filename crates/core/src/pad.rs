//! Padding: `pad` with NumPy's `constant`, `edge`, `reflect`, `symmetric` and `wrap` modes.
//!
//! Every mode except `Constant` maps each output index along an axis to one input index
//! (for `reflect`, `i -> i mod 2(n-1)` folded back; NumPy's iterative padding gives the
//! same map, including pad widths larger than the axis). The maps are separable, so axes
//! are independent; along an axis the output is cut into runs where the source
//! index steps by +1, -1 or 0. Each combination of one run per axis is one strided `assign`
//! from the input (a 2-D reflect pad narrower than the axes is 9 copies); when pads much
//! wider than their axes make that product large, axes are padded one at a time instead.

use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::elementwise::build;
use crate::error::{NdError, NdResult};
use crate::layout::{Layout, Order, checked_size};
use crate::manip::copy_broadcast;
use crate::view::ArrayView;

/// How `pad` fills the new elements: NumPy's `mode` argument.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PadMode<T> {
    /// Every new element is this value (NumPy: `mode='constant', constant_values=v`).
    Constant(T),
    /// Repeats the edge element (NumPy: `mode='edge'`).
    Edge,
    /// Mirrors about the edge element, not repeating it: `[1,2,3]` -> `3 2 | 1 2 3 | 2 1`
    /// (NumPy: `mode='reflect'`).
    Reflect,
    /// Mirrors including the edge element: `[1,2,3]` -> `2 1 | 1 2 3 | 3 2`
    /// (NumPy: `mode='symmetric'`).
    Symmetric,
    /// Wraps around: `[1,2,3]` -> `2 3 | 1 2 3 | 1 2` (NumPy: `mode='wrap'`).
    Wrap,
}

/// Pads `a` with `pad_width[i] = (before, after)` new elements on each side of axis `i`
/// (a single pair pads every axis alike).
///
/// NumPy: `np.pad(a, pad_width, mode)`.
///
/// ```
/// use numerust_core::{NdArray, pad, PadMode};
/// let a = NdArray::from_vec(vec![1, 2, 3]);
/// let r = pad(&a, &[(2, 3)], PadMode::Reflect).unwrap();
/// assert_eq!(r.to_vec(), vec![3, 2, 1, 2, 3, 2, 1, 2]);
/// let c = pad(&a, &[(1, 0)], PadMode::Constant(9)).unwrap();
/// assert_eq!(c.to_vec(), vec![9, 1, 2, 3]);
/// ```
///
/// # Errors
/// - `BroadcastTo` when `pad_width` has neither 1 nor `ndim` pairs;
/// - `InvalidValue` (`can't extend empty axis 1 using modes other than 'constant' or
///   'empty'`) when a non-constant mode pads an empty axis;
/// - `ShapeOverflow`.
pub fn pad<T: Element>(
    a: &impl AsView<T>,
    pad_width: &[(usize, usize)],
    mode: PadMode<T>,
) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    let ndim = v.ndim();
    let widths: Vec<(usize, usize)> = match pad_width.len() {
        1 => vec![pad_width[0]; ndim],
        n if n == ndim => pad_width.to_vec(),
        n => {
            return Err(NdError::BroadcastTo {
                from: vec![n, 2],
                to: vec![ndim, 2],
            });
        }
    };
    let shape = v
        .shape()
        .iter()
        .zip(&widths)
        .map(|(&d, &(b, e))| {
            d.checked_add(b)
                .and_then(|x| x.checked_add(e))
                .ok_or(NdError::ShapeOverflow)
        })
        .collect::<NdResult<Vec<usize>>>()?;
    checked_size(&shape)?;
    let index_map = match mode {
        PadMode::Constant(value) => return pad_constant(&v, &shape, &widths, value),
        PadMode::Edge => edge_index,
        PadMode::Reflect => reflect_index,
        PadMode::Symmetric => symmetric_index,
        PadMode::Wrap => wrap_index,
    };
    for (axis, (&d, &(b, e))) in v.shape().iter().zip(&widths).enumerate() {
        if d == 0 && b + e > 0 {
            return Err(NdError::InvalidValue(format!(
                "can't extend empty axis {axis} using modes other than 'constant' or 'empty'"
            )));
        }
    }
    // Per axis, the runs of output positions and where they come from.
    let runs: Vec<Vec<IndexRun>> = (0..ndim)
        .map(|ax| {
            let (n, before) = (v.shape()[ax], widths[ax].0 as isize);
            index_runs(shape[ax], |j| index_map(j as isize - before, n))
        })
        .collect();
    let pieces = runs
        .iter()
        .try_fold(1usize, |acc, r| acc.checked_mul(r.len()));
    if pieces.is_some_and(|p| p <= MAX_PIECES) {
        // One pass: every combination of runs is one strided copy from `a`.
        return gather(&v, &shape, &runs);
    }
    // Many short runs (pads much wider than their axes): pad one axis at a time, so the
    // copies stay one per run; all but the last pass write an intermediate array.
    let mut current: Option<NdArray<T>> = None;
    for axis in (0..ndim).filter(|&ax| shape[ax] != v.shape()[ax]) {
        let src = current.as_ref().map_or_else(|| v.clone(), NdArray::view);
        let mut step_shape = src.shape().to_vec();
        step_shape[axis] = shape[axis];
        let step_runs: Vec<Vec<IndexRun>> = (0..ndim)
            .map(|ax| match ax == axis {
                true => runs[ax].clone(),
                false => vec![IndexRun::identity(step_shape[ax])],
            })
            .collect();
        current = Some(gather(&src, &step_shape, &step_runs)?);
    }
    Ok(current.expect("more than MAX_PIECES runs means some axis is padded"))
}

/// Above this many run combinations, `pad` goes axis by axis.
const MAX_PIECES: usize = 512;

/// A new array of `shape` whose every combination of one run per axis is copied from
/// `src` (strides scaled by each run's step of -1, 0 or +1).
fn gather<T: Element>(
    src: &ArrayView<'_, T>,
    shape: &[usize],
    runs: &[Vec<IndexRun>],
) -> NdResult<NdArray<T>> {
    let count: usize = runs.iter().map(Vec::len).product();
    build(shape, Order::C, |dst| {
        let (dst_strides, src_strides) = (dst.layout.strides().to_vec(), src.layout.strides());
        for combo in 0..count {
            let (mut dst_off, mut src_off) = (0isize, 0isize);
            let mut piece_shape = Vec::with_capacity(runs.len());
            let mut piece_strides = Vec::with_capacity(runs.len());
            let mut rest = combo;
            for (ax, axis_runs) in runs.iter().enumerate() {
                let run = axis_runs[rest % axis_runs.len()];
                rest /= axis_runs.len();
                dst_off += run.start as isize * dst_strides[ax];
                src_off += run.from as isize * src_strides[ax];
                piece_shape.push(run.len);
                piece_strides.push(src_strides[ax] * run.step);
            }
            let piece = src.with_layout(src_off, Layout::new(piece_shape.clone(), piece_strides));
            let out = dst
                .view_mut()
                .into_layout(dst_off, Layout::new(piece_shape, dst_strides.clone()));
            copy_broadcast(out, &piece);
        }
    })
}

/// Output positions `start..start + len` along the padded axis, taken from source indices
/// `from, from + step, ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct IndexRun {
    start: usize,
    len: usize,
    from: usize,
    step: isize,
}

impl IndexRun {
    /// The whole axis of length `len`, unchanged.
    fn identity(len: usize) -> Self {
        IndexRun {
            start: 0,
            len,
            from: 0,
            step: 1,
        }
    }
}

/// Groups positions `0..len` into runs over which `map(j)` moves by a constant step of
/// -1, 0 or +1.
fn index_runs(len: usize, map: impl Fn(usize) -> usize) -> Vec<IndexRun> {
    let mut runs: Vec<IndexRun> = Vec::new();
    let mut prev: Option<usize> = None;
    for j in 0..len {
        let m = map(j);
        let step = prev.map(|p| m as isize - p as isize);
        match (runs.last_mut(), step) {
            (Some(run), Some(st)) if st.abs() <= 1 && (run.len == 1 || run.step == st) => {
                run.len += 1;
                run.step = st;
            }
            _ => runs.push(IndexRun {
                start: j,
                len: 1,
                from: m,
                step: 1,
            }),
        }
        prev = Some(m);
    }
    runs
}

/// `Constant`: fill the pad slabs of each axis with `value`, copy `v` into the centre.
fn pad_constant<T: Element>(
    v: &ArrayView<'_, T>,
    shape: &[usize],
    widths: &[(usize, usize)],
    value: T,
) -> NdResult<NdArray<T>> {
    build(shape, Order::C, |dst| {
        let strides = dst.layout.strides().to_vec();
        for (axis, &(b, e)) in widths.iter().enumerate() {
            let n = v.shape()[axis];
            for (start, len) in [(0, b), (b + n, e)] {
                let mut slab = shape.to_vec();
                slab[axis] = len;
                dst.view_mut()
                    .into_layout(
                        start as isize * strides[axis],
                        Layout::new(slab, strides.clone()),
                    )
                    .fill(value);
            }
        }
        let offset: isize = widths
            .iter()
            .zip(&strides)
            .map(|(&(b, _), &s)| b as isize * s)
            .sum();
        let centre = dst
            .view_mut()
            .into_layout(offset, Layout::new(v.shape().to_vec(), strides));
        copy_broadcast(centre, v);
    })
}

/// NumPy `edge`: clamp to `0..n`.
fn edge_index(i: isize, n: usize) -> usize {
    i.clamp(0, n as isize - 1) as usize
}

/// NumPy `reflect`: period `2(n-1)`, folded; a single element reflects onto itself.
fn reflect_index(i: isize, n: usize) -> usize {
    if n == 1 {
        return 0;
    }
    let p = 2 * (n as isize - 1);
    let r = i.rem_euclid(p);
    (if r < n as isize { r } else { p - r }) as usize
}

/// NumPy `symmetric`: period `2n`, folded with the edge repeated.
fn symmetric_index(i: isize, n: usize) -> usize {
    let p = 2 * n as isize;
    let r = i.rem_euclid(p);
    (if r < n as isize { r } else { p - 1 - r }) as usize
}

/// NumPy `wrap`: period `n`.
fn wrap_index(i: isize, n: usize) -> usize {
    i.rem_euclid(n as isize) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_maps_match_numpy_examples() {
        let map = |f: fn(isize, usize) -> usize, n, b: isize, len| -> Vec<usize> {
            (0..len).map(|j| f(j - b, n)).collect()
        };
        // np.pad(np.arange(3), (4, 4), mode)
        assert_eq!(
            map(reflect_index, 3, 4, 11),
            [0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2]
        );
        assert_eq!(
            map(symmetric_index, 3, 4, 11),
            [2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0]
        );
        assert_eq!(map(wrap_index, 3, 4, 11), [2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
        assert_eq!(map(edge_index, 3, 4, 11), [0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
        assert_eq!(map(reflect_index, 1, 2, 5), [0; 5]);
    }

    #[test]
    fn runs_cover_and_step() {
        let m = [2usize, 1, 0, 1, 2, 2, 2];
        let runs: Vec<_> = index_runs(m.len(), |j| m[j])
            .into_iter()
            .map(|r| (r.start, r.len, r.from, r.step))
            .collect();
        assert_eq!(runs, vec![(0, 3, 2, -1), (3, 2, 1, 1), (5, 2, 2, 0)]);
        let single = index_runs(1, |_| 4);
        assert_eq!(
            single,
            vec![IndexRun {
                start: 0,
                len: 1,
                from: 4,
                step: 1
            }]
        );
    }
}
