//! Splitting an array into views: `split`, `array_split`, `vsplit`, `hsplit`, `dsplit`.
//!
//! Like NumPy, every piece is a view of the input (no element is copied): a piece is the
//! input's layout with the split axis narrowed, at an element offset. Where to cut is an
//! [`IndicesOrSections`]: a number of sections or a list of cut indices with Python's slice
//! rules (negative counts from the end, out-of-range clamps, a cut before the previous one
//! gives an empty piece).

use crate::array::AsView;
use crate::element::Element;
use crate::error::{NdError, NdResult};
use crate::layout::normalize_axis;
use crate::view::ArrayView;

/// Where to split: NumPy's `indices_or_sections` argument.
///
/// Made from a `usize` (sections) or a slice/array/`Vec` of `isize` (indices), so calls read
/// `split(&a, 3, 0)` and `split(&a, &[2, -1], 0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicesOrSections<'a> {
    /// Split into this many pieces.
    Sections(usize),
    /// Cut before each of these indices along the axis (Python slice rules).
    Indices(&'a [isize]),
}

impl From<usize> for IndicesOrSections<'_> {
    fn from(n: usize) -> Self {
        IndicesOrSections::Sections(n)
    }
}

impl<'a> From<&'a [isize]> for IndicesOrSections<'a> {
    fn from(s: &'a [isize]) -> Self {
        IndicesOrSections::Indices(s)
    }
}

impl<'a, const N: usize> From<&'a [isize; N]> for IndicesOrSections<'a> {
    fn from(s: &'a [isize; N]) -> Self {
        IndicesOrSections::Indices(s)
    }
}

impl<'a> From<&'a Vec<isize>> for IndicesOrSections<'a> {
    fn from(s: &'a Vec<isize>) -> Self {
        IndicesOrSections::Indices(s)
    }
}

/// Splits `a` along `axis` into views: equal sections, or pieces cut at indices.
///
/// NumPy: `np.split(a, indices_or_sections, axis)`. NumPy raises `ZeroDivisionError` for
/// zero sections and `IndexError` for a bad axis; numerust returns `InvalidValue` and
/// `AxisOutOfBounds`.
///
/// ```
/// use numerust_core::{NdArray, split};
/// let a = NdArray::from_vec((0..6).collect::<Vec<i32>>());
/// let parts = split(&a, 3, 0).unwrap();
/// assert_eq!(parts[1].to_vec(), vec![2, 3]);
/// let parts = split(&a, &[1, -2], 0).unwrap();
/// assert_eq!(parts.iter().map(|p| p.to_vec()).collect::<Vec<_>>(),
///            vec![vec![0], vec![1, 2, 3], vec![4, 5]]);
/// assert_eq!(split(&a, 4, 0).err().unwrap().to_string(),
///            "array split does not result in an equal division");
/// ```
///
/// # Errors
/// `UnequalSplit` when the sections do not divide the axis; `InvalidValue` for zero
/// sections; `AxisOutOfBounds` (also for a 0-d array).
pub fn split<'a, 's, T: Element>(
    a: &'a impl AsView<T>,
    indices_or_sections: impl Into<IndicesOrSections<'s>>,
    axis: isize,
) -> NdResult<Vec<ArrayView<'a, T>>> {
    let spec = indices_or_sections.into();
    let v = a.as_view();
    if let IndicesOrSections::Sections(n) = spec {
        let axis = normalize_axis(axis, v.ndim())?;
        check_sections(n)?;
        if v.shape()[axis] % n != 0 {
            return Err(NdError::UnequalSplit);
        }
    }
    split_view(v, spec, axis)
}

/// Splits `a` along `axis` into views, allowing unequal sections: with `n` sections of an
/// axis of length `l`, the first `l % n` pieces get `l / n + 1` elements, the rest `l / n`.
///
/// NumPy: `np.array_split(a, indices_or_sections, axis)`.
///
/// ```
/// use numerust_core::{NdArray, array_split};
/// let a = NdArray::from_vec((0..10).collect::<Vec<i32>>());
/// let lens: Vec<usize> = array_split(&a, 3, 0).unwrap().iter().map(|p| p.len()).collect();
/// assert_eq!(lens, vec![4, 3, 3]);
/// ```
///
/// # Errors
/// `InvalidValue` (`number sections must be larger than 0.`); `AxisOutOfBounds`.
pub fn array_split<'a, 's, T: Element>(
    a: &'a impl AsView<T>,
    indices_or_sections: impl Into<IndicesOrSections<'s>>,
    axis: isize,
) -> NdResult<Vec<ArrayView<'a, T>>> {
    split_view(a.as_view(), indices_or_sections.into(), axis)
}

/// Splits along axis 0 (rows); the array needs at least 2 dimensions.
///
/// NumPy: `np.vsplit(a, indices_or_sections)`.
///
/// # Errors
/// `InvalidValue` (`vsplit only works on arrays of 2 or more dimensions`); as [`split`].
pub fn vsplit<'a, 's, T: Element>(
    a: &'a impl AsView<T>,
    indices_or_sections: impl Into<IndicesOrSections<'s>>,
) -> NdResult<Vec<ArrayView<'a, T>>> {
    require_ndim(a.as_view().ndim(), 2, "vsplit")?;
    split(a, indices_or_sections, 0)
}

/// Splits along axis 1 (columns), or axis 0 for a 1-D array.
///
/// NumPy: `np.hsplit(a, indices_or_sections)`.
///
/// ```
/// use numerust_core::{NdArray, hsplit};
/// let a = NdArray::from_shape_vec(&[2, 4], (0..8).collect::<Vec<i32>>()).unwrap();
/// let halves = hsplit(&a, 2).unwrap();
/// assert_eq!(halves[1].to_vec(), vec![2, 3, 6, 7]);
/// ```
///
/// # Errors
/// `InvalidValue` (`hsplit only works on arrays of 1 or more dimensions`); as [`split`].
pub fn hsplit<'a, 's, T: Element>(
    a: &'a impl AsView<T>,
    indices_or_sections: impl Into<IndicesOrSections<'s>>,
) -> NdResult<Vec<ArrayView<'a, T>>> {
    let ndim = a.as_view().ndim();
    require_ndim(ndim, 1, "hsplit")?;
    split(a, indices_or_sections, if ndim > 1 { 1 } else { 0 })
}

/// Splits along axis 2 (depth); the array needs at least 3 dimensions.
///
/// NumPy: `np.dsplit(a, indices_or_sections)`.
///
/// # Errors
/// `InvalidValue` (`dsplit only works on arrays of 3 or more dimensions`); as [`split`].
pub fn dsplit<'a, 's, T: Element>(
    a: &'a impl AsView<T>,
    indices_or_sections: impl Into<IndicesOrSections<'s>>,
) -> NdResult<Vec<ArrayView<'a, T>>> {
    require_ndim(a.as_view().ndim(), 3, "dsplit")?;
    split(a, indices_or_sections, 2)
}

fn require_ndim(ndim: usize, min: usize, name: &str) -> NdResult<()> {
    if ndim < min {
        return Err(NdError::InvalidValue(format!(
            "{name} only works on arrays of {min} or more dimensions"
        )));
    }
    Ok(())
}

fn check_sections(n: usize) -> NdResult<()> {
    if n == 0 {
        return Err(NdError::InvalidValue(
            "number sections must be larger than 0.".into(),
        ));
    }
    Ok(())
}

/// The `(start, len)` of each piece of an axis of length `len` (NumPy's `array_split`).
pub(crate) fn piece_bounds(
    len: usize,
    spec: IndicesOrSections<'_>,
) -> NdResult<Vec<(usize, usize)>> {
    match spec {
        IndicesOrSections::Sections(n) => {
            check_sections(n)?;
            let (each, extra) = (len / n, len % n);
            let mut start = 0;
            Ok((0..n)
                .map(|i| {
                    let l = each + usize::from(i < extra);
                    let piece = (start, l);
                    start += l;
                    piece
                })
                .collect())
        }
        IndicesOrSections::Indices(cuts) => {
            // Python's `a[st:end]` on an axis of length `len`: negative from the end, clamped.
            let clamp = |i: isize| -> usize {
                let i = if i < 0 { i + len as isize } else { i };
                i.clamp(0, len as isize) as usize
            };
            let mut points = Vec::with_capacity(cuts.len() + 2);
            points.push(0);
            points.extend(cuts.iter().map(|&c| clamp(c)));
            points.push(len);
            Ok(points
                .windows(2)
                .map(|w| (w[0], w[1].saturating_sub(w[0])))
                .collect())
        }
    }
}

fn split_view<'a, T: Element>(
    v: ArrayView<'a, T>,
    spec: IndicesOrSections<'_>,
    axis: isize,
) -> NdResult<Vec<ArrayView<'a, T>>> {
    let axis = normalize_axis(axis, v.ndim())?;
    let stride = v.layout.strides()[axis];
    let bounds = piece_bounds(v.shape()[axis], spec)?;
    Ok(bounds
        .into_iter()
        .map(|(start, len)| {
            let (mut shape, strides) = v.layout.clone().into_parts();
            shape[axis] = len;
            let offset = if len == 0 { 0 } else { start as isize * stride };
            v.with_layout(offset, crate::layout::Layout::new(shape, strides))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_follow_numpy() {
        let s = |n| piece_bounds(10, IndicesOrSections::Sections(n)).unwrap();
        assert_eq!(s(3), vec![(0, 4), (4, 3), (7, 3)]);
        assert_eq!(
            piece_bounds(2, IndicesOrSections::Sections(4)).unwrap(),
            vec![(0, 1), (1, 1), (2, 0), (2, 0)]
        );
        let i = piece_bounds(10, IndicesOrSections::Indices(&[3, -2, 20, 1])).unwrap();
        assert_eq!(i, vec![(0, 3), (3, 5), (8, 2), (10, 0), (1, 9)]);
        assert!(piece_bounds(10, IndicesOrSections::Sections(0)).is_err());
    }
}
