//! Cholesky factorization (LAPACK `?potrf`, lower): NumPy's `np.linalg.cholesky`.
//!
//! Right-looking and blocked: each diagonal block is factored by columns, the panel below
//! it is solved against its transpose, and the trailing lower triangle gets `A22 -= L21
//! L21^T` by GEMMs over block rows (only blocks on or below the diagonal are computed).

use super::triangular::dot;
use super::{LinalgReal, NB, gemm_block, one, square_stack, with_tail, zero};
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::MatRef;
use numerust_core::{AsView, NdArray};

/// Factors the lower triangle of the `n x n` matrix `a` in place as `L L^T`; the strict
/// upper triangle is zeroed. `false` when a pivot is not positive (or NaN).
fn cholesky_in_place<T: LinalgReal>(a: &mut NdArray<T>) -> bool {
    let n = a.shape()[0];
    let mut l21 = Vec::new(); // reused: fresh large buffers cost page faults
    let mut k = 0;
    while k < n {
        let kb = NB.min(n - k);
        let s = a.as_slice_mut().expect("contiguous matrix");
        // Diagonal block and the panel below it, column by column (rows i >= j):
        // L[i, j] = (A[i, j] - sum_{p in k..j} L[i, p] L[j, p]) / L[j, j].
        for j in k..k + kb {
            let hi = &mut s[j * n..];
            let rj = &mut hi[..n];
            let d = rj[j] - dot(&rj[k..j], &rj[k..j]);
            if d.is_nan() || d <= zero::<T>() {
                return false;
            }
            let d = d.sqrt();
            rj[j] = d;
            let lj = rj[k..j].to_vec();
            for row in hi[n..].chunks_exact_mut(n) {
                let (pre, at) = row.split_at_mut(j);
                at[0] = (at[0] - dot(&pre[k..j], &lj)) / d;
            }
        }
        if k + kb < n {
            let rest = n - k - kb;
            l21.clear();
            for i in k + kb..n {
                l21.extend_from_slice(&s[i * n + k..i * n + k + kb]);
            }
            let l21m = MatRef::from_slice(&l21, rest, kb);
            // Lower trailing triangle, by block rows: rows r..r+rb, columns ..r+rb.
            let mut r = 0;
            while r < rest {
                let rb = NB.min(rest - r);
                gemm_block(
                    a,
                    (k + kb + r, k + kb),
                    -one::<T>(),
                    l21m.submatrix(r, 0, rb, kb),
                    l21m.submatrix(0, 0, r + rb, kb).t(),
                    one::<T>(),
                );
                r += rb;
            }
        }
        k += kb;
    }
    let s = a.as_slice_mut().expect("contiguous matrix");
    for i in 0..n {
        s[i * n + i + 1..i * n + n].fill(zero::<T>());
    }
    true
}

/// The lower-triangular Cholesky factor `L` with `a = L @ L.T`, stacked over leading axes.
///
/// NumPy: `np.linalg.cholesky(a)` (`upper=False`): only the lower triangle of `a` is read
/// (it is assumed symmetric); the result's strict upper triangle is zero.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::cholesky;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![4.0, 2.0, 2.0, 5.0]).unwrap();
/// assert_eq!(cholesky(&a).unwrap().to_vec(), vec![2.0, 0.0, 1.0, 2.0]);
/// let b = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 2.0, 1.0]).unwrap();
/// assert_eq!(cholesky(&b).unwrap_err().to_string(), "Matrix is not positive definite");
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`; `NotPositiveDefinite` when a pivot is not positive (NaN input
/// included).
pub fn cholesky<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let mut sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let mut out = Vec::with_capacity(if count == 1 { 0 } else { sa.data.len() });
    for i in 0..count {
        // One matrix: factor the copy in place (no second copy).
        let m = if count == 1 {
            std::mem::take(&mut sa.data)
        } else {
            sa.data[i * n * n..(i + 1) * n * n].to_vec()
        };
        let mut l = NdArray::from_shape_vec(&[n, n], m)?;
        if !cholesky_in_place(&mut l) {
            return Err(LinAlgError::NotPositiveDefinite);
        }
        if count == 1 {
            out = l.into_vec();
        } else {
            out.extend(l.into_vec());
        }
    }
    Ok(NdArray::from_shape_vec(
        &with_tail(&sa.batch, &[n, n]),
        out,
    )?)
}

/// The upper-triangular Cholesky factor `U` with `a = U.T @ U`.
///
/// NumPy: `np.linalg.cholesky(a, upper=True)`: reads the upper triangle of `a`; `U` is the
/// transpose of the lower factor of `a.T`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::cholesky_upper;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![4.0, 2.0, 2.0, 5.0]).unwrap();
/// assert_eq!(cholesky_upper(&a).unwrap().to_vec(), vec![2.0, 1.0, 0.0, 2.0]);
/// ```
///
/// # Errors
/// As [`cholesky`].
pub fn cholesky_upper<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let v = a.as_view();
    if v.ndim() < 2 {
        return Err(LinAlgError::NotMatrix { ndim: v.ndim() });
    }
    let nd = v.ndim() as isize;
    let l = cholesky(&v.swapaxes(nd - 1, nd - 2)?)?;
    Ok(l.view().swapaxes(nd - 1, nd - 2)?.to_owned())
}
