//! `matmul`: NumPy's `@`, batched over broadcast leading axes, with 1-D promotion.

use super::scalar::LinalgScalar;
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::MatRef;
use numerust_core::{AsView, NdArray, NdError, Order, broadcast_shape_pair};

/// The matrix product of two arrays, stacked over their leading axes.
///
/// NumPy: `np.matmul(a, b)` / `a @ b`, signature `(n?,k),(k,m?)->(n?,m?)`: a 1-D `a` is a
/// row (its axis is removed from the result), a 1-D `b` a column; leading axes broadcast.
/// Transposed, reversed or strided operands are read in place (no copy). The result is a
/// new C-contiguous array.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::matmul;
/// let a = NdArray::from_shape_vec(&[2, 2, 3], (0..12).map(f64::from).collect()).unwrap();
/// let b = NdArray::from_shape_vec(&[3], vec![1.0, 0.0, -1.0]).unwrap();
/// let c = matmul(&a, &b).unwrap(); // (2,2,3) @ (3,) -> (2,2)
/// assert_eq!(c.shape(), &[2, 2]);
/// assert_eq!(c.to_vec(), vec![-2.0, -2.0, -2.0, -2.0]);
/// let err = matmul(&a, &a).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
///      signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)"
/// );
/// ```
///
/// # Errors
/// `TooFewDims` for a 0-d operand, `CoreMismatch` when the inner lengths differ,
/// `BatchBroadcast` when the leading axes do not broadcast, `Nd(ShapeOverflow)`.
pub fn matmul<T: LinalgScalar>(a: &impl AsView<T>, b: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    for (operand, v) in [(0, &a), (1, &b)] {
        if v.ndim() == 0 {
            return Err(LinAlgError::TooFewDims {
                func: "matmul",
                operand,
                ndim: 0,
            });
        }
    }
    let (a_vec, b_vec) = (a.ndim() == 1, b.ndim() == 1);
    // 1-D promotion: a -> (1, k), b -> (k, 1), as views.
    let a2 = if a_vec {
        a.expand_dims(&[0])?
    } else {
        a.view()
    };
    let b2 = if b_vec {
        b.expand_dims(&[1])?
    } else {
        b.view()
    };
    let (ash, bsh) = (a2.shape(), b2.shape());
    let (n, k) = (ash[ash.len() - 2], ash[ash.len() - 1]);
    let (k2, m) = (bsh[bsh.len() - 2], bsh[bsh.len() - 1]);
    if k != k2 {
        return Err(LinAlgError::CoreMismatch {
            func: "matmul",
            operand: 1,
            core_dim: 0,
            size: k2,
            expected: k,
        });
    }
    let (abatch, bbatch) = (&ash[..ash.len() - 2], &bsh[..bsh.len() - 2]);
    let batch = broadcast_shape_pair(abatch, bbatch).map_err(|_| {
        let mut out_core = Vec::new();
        if !a_vec {
            out_core.push(n);
        }
        if !b_vec {
            out_core.push(m);
        }
        LinAlgError::BatchBroadcast {
            lhs: a.shape().to_vec(),
            lhs_core: if a_vec { 1 } else { 2 },
            rhs: b.shape().to_vec(),
            rhs_core: if b_vec { 1 } else { 2 },
            out_core,
        }
    })?;
    let mut out_shape = batch.clone();
    if !a_vec {
        out_shape.push(n);
    }
    if !b_vec {
        out_shape.push(m);
    }
    let full = |rows, cols| {
        let mut s = batch.clone();
        s.extend([rows, cols]);
        s
    };
    let (af, bf) = (a2.broadcast_to(&full(n, k))?, b2.broadcast_to(&full(k, m))?);
    let mut index = vec![0usize; batch.len()];
    let out = NdArray::try_from_fill(&out_shape, Order::C, |data: &mut [T]| {
        if n * m == 0 {
            return Ok::<(), NdError>(());
        }
        for chunk in data.chunks_exact_mut(n * m) {
            let am = MatRef::from_view_at(&af, &index).expect("index inside the batch");
            let bm = MatRef::from_view_at(&bf, &index).expect("index inside the batch");
            T::matmul_into(am, bm, chunk);
            // Next batch index, C order.
            for ax in (0..index.len()).rev() {
                index[ax] += 1;
                if index[ax] < batch[ax] {
                    break;
                }
                index[ax] = 0;
            }
        }
        Ok(())
    })?;
    Ok(out)
}
