//! Matrix-shaped creation: `eye`, `identity`, `diag`, `diagonal` (a view), `tri`, `triu`,
//! `tril` and `meshgrid`.
//!
//! Everything returns new C-contiguous arrays except [`diagonal`]/[`diagonal_axes`], which
//! re-view the input's elements. Zero-filled results start from lazily zeroed buffers and
//! write only their non-zero elements. Element-wise math does not belong here.

use crate::array::{AsView, NdArray};
use crate::create::zeros;
use crate::element::Element;
use crate::elementwise::build;
use crate::error::{NdError, NdResult};
use crate::layout::{Layout, Order, normalize_axis};
use crate::view::ArrayView;

/// The column of row `row` on diagonal `k` (`col - row == k`), if it lies in `0..cols`.
fn diagonal_column(row: usize, k: isize, cols: usize) -> Option<usize> {
    let col = (row as isize).checked_add(k)?;
    (0..cols as isize).contains(&col).then_some(col as usize)
}

/// A 2-D array with ones on diagonal `k` and zeros elsewhere: `n` rows, `m` columns
/// (`n` when `None`). `k > 0` is above the main diagonal, `k < 0` below.
///
/// NumPy: `np.eye(N, M=None, k=0)`.
///
/// ```
/// use numerust_core::eye;
/// let a = eye::<f64>(2, Some(3), 1).unwrap();
/// assert_eq!(a.shape(), &[2, 3]);
/// assert_eq!(a.to_vec(), vec![0.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
/// ```
///
/// # Errors
/// `ShapeOverflow` when `n * m` overflows.
pub fn eye<T: Element>(n: usize, m: Option<usize>, k: isize) -> NdResult<NdArray<T>> {
    let m = m.unwrap_or(n);
    let mut out = zeros::<T>(&[n, m])?;
    let data = out.as_slice_mut().expect("a new array is contiguous");
    for row in 0..n {
        if let Some(col) = diagonal_column(row, k, m) {
            data[row * m + col] = T::one();
        }
    }
    Ok(out)
}

/// The `n x n` identity matrix.
///
/// NumPy: `np.identity(n)`.
///
/// ```
/// use numerust_core::identity;
/// assert_eq!(identity::<i32>(2).unwrap().to_vec(), vec![1, 0, 0, 1]);
/// ```
///
/// # Errors
/// `ShapeOverflow` when `n * n` overflows.
pub fn identity<T: Element>(n: usize) -> NdResult<NdArray<T>> {
    eye(n, None, 0)
}

/// Both directions of NumPy's `diag`: a 1-D `v` gives the square 2-D array with `v` on
/// diagonal `k`; a 2-D `v` gives a 1-D copy of its diagonal `k` (empty when `k` lies
/// outside the matrix).
///
/// NumPy: `np.diag(v, k)` (NumPy returns a read-only view for 2-D input; this is a copy,
/// see [`diagonal`] for the view).
///
/// ```
/// use numerust_core::{diag, NdArray};
/// let v = NdArray::from_vec(vec![1, 2]);
/// let m = diag(&v, -1).unwrap();
/// assert_eq!(m.shape(), &[3, 3]);
/// assert_eq!(m.to_vec(), vec![0, 0, 0, 1, 0, 0, 0, 2, 0]);
/// assert_eq!(diag(&m, -1).unwrap().to_vec(), vec![1, 2]);
/// ```
///
/// # Errors
/// `InvalidValue` ("Input must be 1- or 2-d.") for other ranks; `ShapeOverflow`.
pub fn diag<T: Element>(v: &impl AsView<T>, k: isize) -> NdResult<NdArray<T>> {
    let v = v.as_view();
    match v.ndim() {
        1 => {
            let n = v.shape()[0];
            let side = n
                .checked_add(k.unsigned_abs())
                .ok_or(NdError::ShapeOverflow)?;
            let mut out = zeros::<T>(&[side, side])?;
            let data = out.as_slice_mut().expect("a new array is contiguous");
            let (row0, col0) = if k >= 0 {
                (0, k.unsigned_abs())
            } else {
                (k.unsigned_abs(), 0)
            };
            for (i, x) in v.iter().enumerate() {
                data[(row0 + i) * side + col0 + i] = *x;
            }
            Ok(out)
        }
        2 => Ok(diagonal(&v, k)?.to_owned()),
        _ => Err(NdError::InvalidValue("Input must be 1- or 2-d.".into())),
    }
}

/// A view of diagonal `offset` of a 2-D (or N-d, over its first two axes) array.
///
/// NumPy: `np.diagonal(a, offset)` / `a.diagonal(offset)`; see [`diagonal_axes`].
///
/// ```
/// use numerust_core::{diagonal, NdArray};
/// let a = NdArray::from_shape_vec(&[3, 4], (0..12).collect::<Vec<i64>>()).unwrap();
/// assert_eq!(diagonal(&a, 0).unwrap().to_vec(), vec![0, 5, 10]);
/// assert_eq!(diagonal(&a, 2).unwrap().to_vec(), vec![2, 7]);
/// assert_eq!(diagonal(&a, -2).unwrap().to_vec(), vec![8]);
/// ```
///
/// # Errors
/// As [`diagonal_axes`].
pub fn diagonal<T: Element>(a: &impl AsView<T>, offset: isize) -> NdResult<ArrayView<'_, T>> {
    diagonal_axes(a, offset, 0, 1)
}

/// A view of the diagonals `a[.., i, .., i + offset, ..]` taken over `axis1` and `axis2`:
/// those two axes are removed and the diagonal becomes the last axis, as in NumPy.
///
/// NumPy: `np.diagonal(a, offset, axis1, axis2)` (a read-only view there too).
///
/// ```
/// use numerust_core::{diagonal_axes, NdArray};
/// let a = NdArray::from_shape_vec(&[2, 2, 2], (0..8).collect::<Vec<i32>>()).unwrap();
/// let d = diagonal_axes(&a, 0, 1, 2).unwrap();
/// assert_eq!(d.shape(), &[2, 2]);
/// assert_eq!(d.to_vec(), vec![0, 3, 4, 7]);
/// ```
///
/// # Errors
/// `InvalidValue` for fewer than two dimensions ("diag requires an array of at least two
/// dimensions") or equal axes ("axis1 and axis2 cannot be the same"); `AxisOutOfBounds`.
pub fn diagonal_axes<T: Element>(
    a: &impl AsView<T>,
    offset: isize,
    axis1: isize,
    axis2: isize,
) -> NdResult<ArrayView<'_, T>> {
    let v = a.as_view();
    let ndim = v.ndim();
    if ndim < 2 {
        return Err(NdError::InvalidValue(
            "diag requires an array of at least two dimensions".into(),
        ));
    }
    let (ax1, ax2) = (normalize_axis(axis1, ndim)?, normalize_axis(axis2, ndim)?);
    if ax1 == ax2 {
        return Err(NdError::InvalidValue(
            "axis1 and axis2 cannot be the same".into(),
        ));
    }
    let (shape, strides) = (v.shape(), v.layout.strides());
    let (n1, n2) = (shape[ax1], shape[ax2]);
    let skip = offset.unsigned_abs();
    // The diagonal starts `skip` steps along axis2 (offset >= 0) or axis1 (offset < 0).
    let (len, skip_axis) = if offset >= 0 {
        (n1.min(n2.saturating_sub(skip)), ax2)
    } else {
        (n1.saturating_sub(skip).min(n2), ax1)
    };
    // When len > 0, skip < the axis length, so the product stays inside the array.
    let start = if len == 0 {
        0
    } else {
        skip as isize * strides[skip_axis]
    };
    let mut new_shape = Vec::with_capacity(ndim - 1);
    let mut new_strides = Vec::with_capacity(ndim - 1);
    for axis in (0..ndim).filter(|&ax| ax != ax1 && ax != ax2) {
        new_shape.push(shape[axis]);
        new_strides.push(strides[axis]);
    }
    new_shape.push(len);
    new_strides.push(strides[ax1] + strides[ax2]);
    Ok(v.with_layout(start, Layout::new(new_shape, new_strides)))
}

/// An `n x m` array (`m = n` when `None`) with ones at and below diagonal `k` and zeros
/// above it: `out[i, j] = 1` where `j <= i + k`.
///
/// NumPy: `np.tri(N, M=None, k=0)`.
///
/// ```
/// use numerust_core::tri;
/// assert_eq!(tri::<u8>(2, Some(3), 0).unwrap().to_vec(), vec![1, 0, 0, 1, 1, 0]);
/// ```
///
/// # Errors
/// `ShapeOverflow` when `n * m` overflows.
pub fn tri<T: Element>(n: usize, m: Option<usize>, k: isize) -> NdResult<NdArray<T>> {
    let m = m.unwrap_or(n);
    build(&[n, m], Order::C, |dst| {
        let data = dst.as_slice_mut().expect("a new array is contiguous");
        if m == 0 {
            return;
        }
        for (i, row) in data.chunks_exact_mut(m).enumerate() {
            // Columns 0..=i+k are ones.
            let end = (i as isize)
                .saturating_add(k)
                .saturating_add(1)
                .clamp(0, m as isize);
            row[..end as usize].fill(T::one());
        }
    })
}

/// A copy of `a` with the elements below diagonal `k` of its last two axes zeroed
/// (kept: `j >= i + k`).
///
/// NumPy: `np.triu(m, k)`. Like NumPy, a 1-D `a` of length `n` is first broadcast to
/// `(n, n)`.
///
/// ```
/// use numerust_core::{triu, NdArray};
/// let a = NdArray::from_shape_vec(&[3, 3], (1..=9).collect::<Vec<i32>>()).unwrap();
/// assert_eq!(triu(&a, 0).unwrap().to_vec(), vec![1, 2, 3, 0, 5, 6, 0, 0, 9]);
/// assert_eq!(triu(&a, 1).unwrap().to_vec(), vec![0, 2, 3, 0, 0, 6, 0, 0, 0]);
/// ```
///
/// # Errors
/// `InvalidValue` for a 0-d `a`.
pub fn triu<T: Element>(a: &impl AsView<T>, k: isize) -> NdResult<NdArray<T>> {
    // Row i keeps columns i+k.., so 0..i+k are zeroed.
    zero_outside(a, "triu", |i, cols| 0..clamp_col(i, k, cols))
}

/// A copy of `a` with the elements above diagonal `k` of its last two axes zeroed
/// (kept: `j <= i + k`).
///
/// NumPy: `np.tril(m, k)`. Like NumPy, a 1-D `a` of length `n` is first broadcast to
/// `(n, n)`.
///
/// ```
/// use numerust_core::{tril, NdArray};
/// let a = NdArray::from_shape_vec(&[2, 3], (1..=6).collect::<Vec<i32>>()).unwrap();
/// assert_eq!(tril(&a, 0).unwrap().to_vec(), vec![1, 0, 0, 4, 5, 0]);
/// assert_eq!(tril(&a, -1).unwrap().to_vec(), vec![0, 0, 0, 4, 0, 0]);
/// ```
///
/// # Errors
/// `InvalidValue` for a 0-d `a`.
pub fn tril<T: Element>(a: &impl AsView<T>, k: isize) -> NdResult<NdArray<T>> {
    // Row i keeps columns ..=i+k, so i+k+1.. are zeroed.
    zero_outside(a, "tril", |i, cols| {
        clamp_col(i, k.saturating_add(1), cols)..cols
    })
}

/// `i + k` clamped to `0..=cols`.
fn clamp_col(i: usize, k: isize, cols: usize) -> usize {
    (i as isize).saturating_add(k).clamp(0, cols as isize) as usize
}

/// A C-order copy of `a` (1-D broadcast to square) whose row `i` of every matrix over the
/// last two axes has the columns `zeroed(i, cols)` set to zero.
fn zero_outside<T: Element>(
    a: &impl AsView<T>,
    name: &str,
    zeroed: impl Fn(usize, usize) -> std::ops::Range<usize>,
) -> NdResult<NdArray<T>> {
    let v = a.as_view();
    let src = match v.ndim() {
        0 => {
            return Err(NdError::InvalidValue(format!(
                "{name} requires an array of at least one dimension"
            )));
        }
        1 => v.broadcast_to(&[v.shape()[0], v.shape()[0]])?,
        _ => v,
    };
    let ndim = src.ndim();
    let (rows, cols) = (src.shape()[ndim - 2], src.shape()[ndim - 1]);
    let mut out = src.to_owned_order(Order::C);
    if rows == 0 || cols == 0 {
        return Ok(out);
    }
    let data = out.as_slice_mut().expect("a new array is contiguous");
    for matrix in data.chunks_exact_mut(rows * cols) {
        for (i, row) in matrix.chunks_exact_mut(cols).enumerate() {
            row[zeroed(i, cols)].fill(T::zero());
        }
    }
    Ok(out)
}

/// How [`meshgrid`] orders its output axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Indexing {
    /// Cartesian (NumPy's default): outputs have shape `(len(x1), len(x0), len(x2), ..)`.
    #[default]
    Xy,
    /// Matrix: outputs have shape `(len(x0), len(x1), len(x2), ..)`.
    Ij,
}

/// Coordinate arrays from coordinate vectors: output `i` repeats `xs[i]` along every axis
/// but its own. Each input is flattened first, as NumPy does.
///
/// NumPy: `np.meshgrid(*xs, indexing='xy' | 'ij')` with its default `copy=True`: every
/// output is a new C-contiguous array (not a broadcast view). `sparse=True` is not offered.
///
/// ```
/// use numerust_core::{meshgrid, Indexing, NdArray};
/// let x = NdArray::from_vec(vec![1, 2, 3]);
/// let y = NdArray::from_vec(vec![10, 20]);
/// let g = meshgrid(&[&x, &y], Indexing::Xy).unwrap();
/// assert_eq!(g[0].shape(), &[2, 3]);
/// assert_eq!(g[0].to_vec(), vec![1, 2, 3, 1, 2, 3]);
/// assert_eq!(g[1].to_vec(), vec![10, 10, 10, 20, 20, 20]);
/// let g = meshgrid(&[&x, &y], Indexing::Ij).unwrap();
/// assert_eq!(g[0].shape(), &[3, 2]);
/// ```
///
/// # Errors
/// `ShapeOverflow` when the product of the lengths overflows.
pub fn meshgrid<T: Element>(
    xs: &[impl AsView<T>],
    indexing: Indexing,
) -> NdResult<Vec<NdArray<T>>> {
    let flat: Vec<NdArray<T>> = xs
        .iter()
        .map(|x| {
            let v = x.as_view();
            if v.ndim() == 1 {
                v.to_owned()
            } else {
                v.flatten()
            }
        })
        .collect();
    let swap = indexing == Indexing::Xy && flat.len() > 1;
    // Output axis of input i: inputs 0 and 1 trade places for Xy.
    let axis_of = |i: usize| match (swap, i) {
        (true, 0) => 1,
        (true, 1) => 0,
        _ => i,
    };
    let mut shape = vec![0usize; flat.len()];
    for (i, x) in flat.iter().enumerate() {
        shape[axis_of(i)] = x.size();
    }
    crate::layout::checked_size(&shape)?;
    flat.iter()
        .enumerate()
        .map(|(i, x)| {
            let mut strides = vec![0isize; shape.len()];
            strides[axis_of(i)] = 1;
            let spread = x.view().with_layout(0, Layout::new(shape.clone(), strides));
            Ok(spread.to_owned_order(Order::C))
        })
        .collect()
}
