//! Broadcasting: NumPy's rule for stretching shapes to a common one.
//!
//! Shapes are aligned at their last axis; two lengths agree when equal or when one is 1.
//! A stretched or prepended axis gets stride 0, so broadcasting never copies.

use crate::array::AsView;
use crate::element::Element;
use crate::error::{NdError, NdResult};
use crate::layout::Layout;
use crate::view::ArrayView;

/// The shape two shapes broadcast to.
///
/// # Errors
/// `Broadcast` with NumPy's message: `operands could not be broadcast together with shapes
/// (2,3) (4,)`.
///
/// ```
/// use numerust_core::broadcast_shape_pair;
/// assert_eq!(broadcast_shape_pair(&[8, 1, 6, 1], &[7, 1, 5]).unwrap(), vec![8, 7, 6, 5]);
/// ```
pub fn broadcast_shape_pair(lhs: &[usize], rhs: &[usize]) -> NdResult<Vec<usize>> {
    let n = lhs.len().max(rhs.len());
    let mut out = vec![0usize; n];
    for i in 0..n {
        let a = if i < n - lhs.len() {
            1
        } else {
            lhs[i - (n - lhs.len())]
        };
        let b = if i < n - rhs.len() {
            1
        } else {
            rhs[i - (n - rhs.len())]
        };
        out[i] = if a == b || b == 1 {
            a
        } else if a == 1 {
            b
        } else {
            return Err(NdError::Broadcast {
                lhs: lhs.to_vec(),
                rhs: rhs.to_vec(),
            });
        };
    }
    Ok(out)
}

/// NumPy's `np.broadcast_shapes(*shapes)`: the shape all of `shapes` broadcast to.
///
/// # Errors
/// `Broadcast` naming the first pair that disagrees.
pub fn broadcast_shapes(shapes: &[&[usize]]) -> NdResult<Vec<usize>> {
    let mut out: Vec<usize> = Vec::new();
    for s in shapes {
        out = broadcast_shape_pair(&out, s).map_err(|_| NdError::Broadcast {
            lhs: out.clone(),
            rhs: s.to_vec(),
        })?;
    }
    Ok(out)
}

/// The layout of `layout` stretched to `shape` (zero strides on stretched axes).
///
/// # Errors
/// `BroadcastTo` when `layout` cannot be stretched to `shape`.
pub fn broadcast_layout(layout: &Layout, shape: &[usize]) -> NdResult<Layout> {
    let (src_shape, src_strides) = (layout.shape(), layout.strides());
    let err = || NdError::BroadcastTo {
        from: src_shape.to_vec(),
        to: shape.to_vec(),
    };
    if src_shape.len() > shape.len() {
        return Err(err());
    }
    let lead = shape.len() - src_shape.len();
    let mut strides = vec![0isize; shape.len()];
    for (i, &want) in shape.iter().enumerate().skip(lead) {
        let have = src_shape[i - lead];
        strides[i] = if have == want {
            src_strides[i - lead]
        } else if have == 1 {
            0
        } else {
            return Err(err());
        };
    }
    Ok(Layout::new(shape.to_vec(), strides))
}

/// Views of `arrays` broadcast to their common shape (NumPy: `np.broadcast_arrays(*arrays)`).
/// Stretched axes have stride 0; nothing is copied. Mixed array types go in as
/// `&[&a as &dyn AsView<T>, &b]`.
///
/// ```
/// use numerust_core::{broadcast_arrays, NdArray};
/// let x = NdArray::from_shape_vec(&[3, 1], vec![1, 2, 3]).unwrap();
/// let y = NdArray::from_vec(vec![10, 20]);
/// let b = broadcast_arrays(&[&x, &y]).unwrap();
/// assert_eq!(b[0].shape(), &[3, 2]);
/// assert_eq!(b[1].to_vec(), vec![10, 20, 10, 20, 10, 20]);
/// ```
///
/// # Errors
/// `Broadcast` when the shapes do not broadcast.
pub fn broadcast_arrays<'a, T: Element, A: AsView<T> + ?Sized>(
    arrays: &[&'a A],
) -> NdResult<Vec<ArrayView<'a, T>>> {
    let views: Vec<ArrayView<'a, T>> = arrays.iter().map(|&a| a.as_view()).collect();
    let shapes: Vec<&[usize]> = views.iter().map(|v| v.shape()).collect();
    let shape = broadcast_shapes(&shapes)?;
    views
        .iter()
        .map(|v| Ok(v.with_layout(0, broadcast_layout(v.layout(), &shape)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_follow_numpy() {
        assert_eq!(broadcast_shape_pair(&[2, 3], &[3]).unwrap(), vec![2, 3]);
        assert_eq!(broadcast_shape_pair(&[], &[4]).unwrap(), vec![4]);
        assert_eq!(broadcast_shape_pair(&[0, 1], &[1, 5]).unwrap(), vec![0, 5]);
        assert_eq!(
            broadcast_shape_pair(&[2, 3], &[4]).unwrap_err().to_string(),
            "operands could not be broadcast together with shapes (2,3) (4,) "
        );
        assert_eq!(
            broadcast_shapes(&[&[1, 3], &[4, 1], &[3]]).unwrap(),
            vec![4, 3]
        );
    }

    #[test]
    fn layouts_get_zero_strides() {
        let l = Layout::c(&[3, 1]).unwrap();
        let b = broadcast_layout(&l, &[2, 3, 4]).unwrap();
        assert_eq!(b.strides(), &[0, 1, 0]);
        assert!(broadcast_layout(&l, &[2, 4]).is_err());
    }
}
