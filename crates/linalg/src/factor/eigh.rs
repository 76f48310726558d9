//! Symmetric eigenproblems: NumPy's `np.linalg.eigh` and `eigvalsh` (`UPLO='L'`), by the
//! cyclic Jacobi method.
//!
//! Jacobi rotations annihilate each off-diagonal pair in turn until the off-diagonal mass
//! is below `eps` times the Frobenius norm; it is accurate to high relative precision and
//! simple, but does `O(n^3)` work per sweep (a few sweeps), so it is slower than LAPACK's
//! tridiagonal methods on large matrices (see docs/linalg-solvers.md). Sweeps are capped, so
//! NaN input ends with NaN output instead of a hang.

use super::{LinalgReal, one, square_stack, with_tail, zero};
use crate::error::LinAlgResult;
use numerust_core::{AsView, NdArray};

/// Most sweeps before giving up (quadratic convergence needs well under 20).
const MAX_SWEEPS: usize = 60;

/// Eigenvalues (ascending) and eigenvectors (as rows of the returned `n x n` row-major
/// buffer) of the symmetric matrix whose lower triangle is in `a`.
fn jacobi_eigh<T: LinalgReal>(src: &[T], n: usize, vectors: bool) -> (Vec<T>, Vec<T>) {
    // Symmetrize from the lower triangle (NumPy's UPLO='L' reads only that).
    let mut a = src.to_vec();
    for i in 0..n {
        for j in i + 1..n {
            a[i * n + j] = a[j * n + i];
        }
    }
    let mut vt = vec![zero::<T>(); if vectors { n * n } else { 0 }];
    if vectors {
        for i in 0..n {
            vt[i * n + i] = one::<T>();
        }
    }
    let frob = a.iter().fold(zero::<T>(), |s, &x| s + x * x).sqrt();
    let tol = T::epsilon() * frob;
    for _ in 0..MAX_SWEEPS {
        let mut off = zero::<T>();
        for i in 0..n {
            for j in 0..i {
                off = off + a[i * n + j] * a[i * n + j];
            }
        }
        if off.is_nan() || off.sqrt() <= tol {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq == zero::<T>() {
                    continue;
                }
                let two = one::<T>() + one::<T>();
                let theta = (a[q * n + q] - a[p * n + p]) / (two * apq);
                let t = {
                    let t = one::<T>() / (theta.abs() + (theta * theta + one::<T>()).sqrt());
                    if theta < zero::<T>() { -t } else { t }
                };
                let c = one::<T>() / (t * t + one::<T>()).sqrt();
                let s = t * c;
                // A <- J^T A J: columns p, q, then rows p, q.
                for k in 0..n {
                    let (akp, akq) = (a[k * n + p], a[k * n + q]);
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                let (rp, rq) = if p < q { (p, q) } else { (q, p) };
                let (lo, hi) = a.split_at_mut(rq * n);
                let (row_p, row_q) = (&mut lo[rp * n..rp * n + n], &mut hi[..n]);
                for (x, y) in row_p.iter_mut().zip(row_q.iter_mut()) {
                    let (xp, xq) = (*x, *y);
                    *x = c * xp - s * xq;
                    *y = s * xp + c * xq;
                }
                a[p * n + q] = zero::<T>();
                a[q * n + p] = zero::<T>();
                if vectors {
                    let (lo, hi) = vt.split_at_mut(q * n);
                    for (x, y) in lo[p * n..p * n + n].iter_mut().zip(hi[..n].iter_mut()) {
                        let (xp, xq) = (*x, *y);
                        *x = c * xp - s * xq;
                        *y = s * xp + c * xq;
                    }
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    let w: Vec<T> = (0..n).map(|i| a[i * n + i]).collect();
    order.sort_by(|&i, &j| w[i].partial_cmp(&w[j]).unwrap_or(std::cmp::Ordering::Equal));
    let vals = order.iter().map(|&i| w[i]).collect();
    let mut vecs = Vec::new();
    if vectors {
        // Column j of the result is eigenvector order[j] (row order[j] of vt).
        vecs = vec![zero::<T>(); n * n];
        for (j, &src_row) in order.iter().enumerate() {
            for i in 0..n {
                vecs[i * n + j] = vt[src_row * n + i];
            }
        }
    }
    (vals, vecs)
}

/// Eigenvalues (ascending) and eigenvectors (columns) of a (stack of) real symmetric
/// matrices; only the lower triangle is read.
///
/// NumPy: `np.linalg.eigh(a)` (`UPLO='L'`) -> `(w, v)` with `a @ v[:, i] = w[i] * v[:, i]`.
/// Each eigenvector is unit length; its sign is arbitrary (as LAPACK's).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::eigh;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![2.0f64, 1.0, 1.0, 2.0]).unwrap();
/// let (w, v) = eigh(&a).unwrap();
/// assert!((w.to_vec()[0] - 1.0).abs() < 1e-12 && (w.to_vec()[1] - 3.0).abs() < 1e-12);
/// assert_eq!(v.shape(), &[2, 2]);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn eigh<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<(NdArray<T>, NdArray<T>)> {
    let sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let (mut ws, mut vs) = (Vec::new(), Vec::new());
    for i in 0..count {
        let (w, v) = jacobi_eigh(&sa.data[i * n * n..(i + 1) * n * n], n, true);
        ws.extend(w);
        vs.extend(v);
    }
    Ok((
        NdArray::from_shape_vec(&with_tail(&sa.batch, &[n]), ws)?,
        NdArray::from_shape_vec(&with_tail(&sa.batch, &[n, n]), vs)?,
    ))
}

/// Eigenvalues (ascending) of a (stack of) real symmetric matrices (lower triangle read).
///
/// NumPy: `np.linalg.eigvalsh(a)`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::eigvalsh;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![2.0f64, 0.0, 0.0, -1.0]).unwrap();
/// assert_eq!(eigvalsh(&a).unwrap().to_vec(), vec![-1.0, 2.0]);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn eigvalsh<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let mut ws = Vec::new();
    for i in 0..count {
        ws.extend(jacobi_eigh(&sa.data[i * n * n..(i + 1) * n * n], n, false).0);
    }
    Ok(NdArray::from_shape_vec(&with_tail(&sa.batch, &[n]), ws)?)
}
