//! Singular value decomposition: NumPy's `np.linalg.svd` and `svdvals`, by one-sided
//! (Hestenes) Jacobi.
//!
//! Plane rotations orthogonalise the columns of `A` (of `A^T` when `A` is wide) until every
//! pair is orthogonal to `eps`; the column norms are the singular values, the normalised
//! columns `U`, the accumulated rotations `V`. Accurate to high relative precision; `O(m n^2)`
//! per sweep, so slower than LAPACK's bidiagonal QR/divide-and-conquer on large matrices.
//! `U` is completed to a square orthonormal matrix (full_matrices, or zero singular values)
//! with a complete [`qr`](super::qr()). Sweeps are capped: NaN input ends with NaN output.

use super::eigh::sym_eig;
use super::qr::{QrMode, qr};
use super::{LinalgReal, one, with_tail, zero};
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::{MatMut, MatRef, gemm_mat};
use numerust_core::{AsView, NdArray};

/// Most sweeps before giving up.
const MAX_SWEEPS: usize = 60;

/// One matrix's SVD: `(u: m x ucols row-major, s: k, vt: k x n or n x n row-major)`.
struct Svd<T> {
    u: Vec<T>,
    s: Vec<T>,
    vt: Vec<T>,
}

/// Dot product of two equal-length slices.
fn dot<T: LinalgReal>(x: &[T], y: &[T]) -> T {
    x.iter().zip(y).fold(zero::<T>(), |s, (&a, &b)| s + a * b)
}

/// One-sided Jacobi on the `cols` columns (each `len` long, stored as rows of `c`), with the
/// rotations accumulated into the rows of `w` (`cols x cols`, starts as I).
fn hestenes<T: LinalgReal>(c: &mut [T], len: usize, cols: usize, w: &mut [T]) {
    let mut sq = vec![zero::<T>(); cols];
    for _ in 0..MAX_SWEEPS {
        let mut rotated = false;
        // Squared column norms: exact at the start of each sweep, then updated by each
        // rotation (alpha - t gamma, beta + t gamma), so a pair costs one dot product.
        for (j, x) in sq.iter_mut().enumerate() {
            *x = dot(&c[j * len..j * len + len], &c[j * len..j * len + len]);
        }
        for p in 0..cols {
            for q in p + 1..cols {
                let (lo, hi) = c.split_at_mut(q * len);
                let (cp, cq) = (&mut lo[p * len..p * len + len], &mut hi[..len]);
                let (alpha, beta) = (sq[p], sq[q]);
                let gamma = dot(cp, cq);
                if gamma.is_nan() || gamma.abs() <= T::epsilon() * (alpha * beta).sqrt() {
                    continue;
                }
                rotated = true;
                let two = one::<T>() + one::<T>();
                let zeta = (beta - alpha) / (two * gamma);
                let t = {
                    let t = one::<T>() / (zeta.abs() + (one::<T>() + zeta * zeta).sqrt());
                    if zeta < zero::<T>() { -t } else { t }
                };
                sq[p] = alpha - t * gamma;
                sq[q] = beta + t * gamma;
                let cs = one::<T>() / (one::<T>() + t * t).sqrt();
                let sn = cs * t;
                for (x, y) in cp.iter_mut().zip(cq.iter_mut()) {
                    let (a, b) = (*x, *y);
                    *x = cs * a - sn * b;
                    *y = sn * a + cs * b;
                }
                let (lo, hi) = w.split_at_mut(q * cols);
                for (x, y) in lo[p * cols..p * cols + cols]
                    .iter_mut()
                    .zip(hi[..cols].iter_mut())
                {
                    let (a, b) = (*x, *y);
                    *x = cs * a - sn * b;
                    *y = sn * a + cs * b;
                }
            }
        }
        if !rotated {
            break;
        }
    }
}

/// SVD of the row-major `m x n` matrix `a` with `m >= n`: `U` is `m x ucols` (`ucols` is `n`
/// or `m`), `vt` is `n x n`.
fn svd_tall<T: LinalgReal>(a: &[T], m: usize, n: usize, ucols: usize, uv: bool) -> Svd<T> {
    // Start from the eigenvectors V of A^T A (GEMM + eigh): the columns of A V are then
    // nearly orthogonal and Jacobi needs a sweep or two instead of ~10 from V = I. Jacobi
    // still decides the result (its accuracy does not depend on the start).
    let am = MatRef::from_slice(a, m, n);
    let mut g = vec![zero::<T>(); n * n];
    gemm_mat(
        one::<T>(),
        am.t(),
        am,
        zero::<T>(),
        MatMut::from_slice(&mut g, n, n),
    );
    let (_, v0) = sym_eig(&g, n, true);
    // Rows of `w` are the columns of V; rows of `c` the columns of A V.
    let mut w = vec![zero::<T>(); n * n];
    for i in 0..n {
        for j in 0..n {
            w[j * n + i] = v0[i * n + j];
        }
    }
    let mut c = vec![zero::<T>(); n * m];
    gemm_mat(
        one::<T>(),
        MatRef::from_slice(&w, n, n),
        am.t(),
        zero::<T>(),
        MatMut::from_slice(&mut c, n, m),
    );
    hestenes(&mut c, m, n, &mut w);
    let norms: Vec<T> = (0..n)
        .map(|j| dot(&c[j * m..j * m + m], &c[j * m..j * m + m]).sqrt())
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    // Descending; NaN first so it is never silently dropped.
    order.sort_by(|&i, &j| {
        norms[j]
            .partial_cmp(&norms[i])
            .unwrap_or(std::cmp::Ordering::Less)
    });
    let s: Vec<T> = order.iter().map(|&j| norms[j]).collect();
    if !uv {
        return Svd {
            u: Vec::new(),
            s,
            vt: Vec::new(),
        };
    }
    let mut vt = vec![zero::<T>(); n * n];
    for (r, &j) in order.iter().enumerate() {
        vt[r * n..r * n + n].copy_from_slice(&w[j * n..j * n + n]);
    }
    // U's columns: normalised columns for the nonzero singular values, then an orthonormal
    // completion (from a complete QR of those columns).
    let smax = s.first().copied().unwrap_or(zero::<T>());
    let cut = smax * T::epsilon() * T::from(m.max(n)).unwrap_or(one::<T>());
    let rank = s
        .iter()
        .take_while(|&&x| x > cut && x > T::min_positive_value())
        .count();
    let mut u = vec![zero::<T>(); m * ucols];
    for (r, &j) in order.iter().take(rank).enumerate() {
        let inv = one::<T>() / s[r];
        for i in 0..m {
            u[i * ucols + r] = c[j * m + i] * inv;
        }
    }
    if rank < ucols {
        let mut ur = vec![zero::<T>(); m * rank];
        for i in 0..m {
            for r in 0..rank {
                ur[i * rank + r] = u[i * ucols + r];
            }
        }
        let basis = NdArray::from_shape_vec(&[m, rank], ur).expect("m*rank elements");
        let q = qr(&basis, QrMode::Complete)
            .expect("2-D")
            .q
            .expect("complete mode has Q");
        let q = q.as_slice().expect("contiguous");
        for i in 0..m {
            for r in rank..ucols {
                u[i * ucols + r] = q[i * m + r];
            }
        }
    }
    Svd { u, s, vt }
}

/// SVD of one `m x n` matrix; `full` as NumPy's `full_matrices`.
fn svd_one<T: LinalgReal>(a: &[T], m: usize, n: usize, full: bool, uv: bool) -> Svd<T> {
    let k = m.min(n);
    if m >= n {
        let mut f = svd_tall(a, m, n, if full { m } else { k }, uv);
        if full || !uv {
            return f;
        }
        // Reduced: U is m x k already, Vt is k x n (k = n).
        f.vt.truncate(k * n);
        f
    } else {
        // A^T = U' S V'^T, so A = V' S U'^T: U = V', Vt = U'^T.
        let mut at = vec![zero::<T>(); m * n];
        for i in 0..m {
            for j in 0..n {
                at[j * m + i] = a[i * n + j];
            }
        }
        let f = svd_tall(&at, n, m, if full { n } else { k }, uv);
        if !uv {
            return f;
        }
        let ucols = if full { n } else { k };
        // U (m x m) = V' = f.vt^T.
        let mut u = vec![zero::<T>(); m * m];
        for i in 0..m {
            for j in 0..m {
                u[i * m + j] = f.vt[j * m + i];
            }
        }
        // Vt (ucols x n) = U'^T, U' is n x ucols.
        let mut vt = vec![zero::<T>(); ucols * n];
        for i in 0..n {
            for j in 0..ucols {
                vt[j * n + i] = f.u[i * ucols + j];
            }
        }
        Svd { u, s: f.s, vt }
    }
}

/// The result of [`svd`]: `a = u @ diag(s) @ vt`.
#[derive(Clone, Debug)]
pub struct SvdResult<T: LinalgReal> {
    /// Left singular vectors, `(..., M, M)` (full) or `(..., M, K)`.
    pub u: NdArray<T>,
    /// Singular values, descending, `(..., K)`.
    pub s: NdArray<T>,
    /// Right singular vectors (as rows), `(..., N, N)` (full) or `(..., K, N)`.
    pub vt: NdArray<T>,
}

fn matrix_dims(shape: &[usize]) -> LinAlgResult<(usize, usize, &[usize])> {
    if shape.len() < 2 {
        return Err(LinAlgError::NotMatrix { ndim: shape.len() });
    }
    let d = shape.len();
    Ok((shape[d - 2], shape[d - 1], &shape[..d - 2]))
}

/// The singular value decomposition of a (stack of) `(M, N)` matrices.
///
/// NumPy: `np.linalg.svd(a, full_matrices)` (`compute_uv=True`; use [`svdvals`] for the
/// values alone). Singular values descend; the signs of paired singular vectors are
/// arbitrary (as LAPACK's).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::svd;
/// let a = NdArray::from_shape_vec(&[2, 3], vec![3.0f64, 0.0, 0.0, 0.0, -4.0, 0.0]).unwrap();
/// let f = svd(&a, true).unwrap();
/// assert_eq!((f.u.shape(), f.s.shape(), f.vt.shape()), (&[2, 2][..], &[2][..], &[3, 3][..]));
/// assert!((f.s.to_vec()[0] - 4.0).abs() < 1e-12 && (f.s.to_vec()[1] - 3.0).abs() < 1e-12);
/// ```
///
/// # Errors
/// `NotMatrix` for fewer than two dimensions.
pub fn svd<T: LinalgReal>(a: &impl AsView<T>, full_matrices: bool) -> LinAlgResult<SvdResult<T>> {
    let v = a.as_view();
    let (m, n, batch) = matrix_dims(v.shape())?;
    let k = m.min(n);
    let (uc, vr) = if full_matrices { (m, n) } else { (k, k) };
    let data = v.to_vec();
    let count: usize = batch.iter().product();
    let (mut us, mut ss, mut vts) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..count {
        let f = svd_one(&data[i * m * n..(i + 1) * m * n], m, n, full_matrices, true);
        us.extend(f.u);
        ss.extend(f.s);
        vts.extend(f.vt);
    }
    Ok(SvdResult {
        u: NdArray::from_shape_vec(&with_tail(batch, &[m, uc]), us)?,
        s: NdArray::from_shape_vec(&with_tail(batch, &[k]), ss)?,
        vt: NdArray::from_shape_vec(&with_tail(batch, &[vr, n]), vts)?,
    })
}

/// The singular values (descending) of a (stack of) matrices.
///
/// NumPy: `np.linalg.svdvals(a)` (= `svd(a, compute_uv=False)`).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::svdvals;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![0.0f64, 2.0, -5.0, 0.0]).unwrap();
/// assert_eq!(svdvals(&a).unwrap().to_vec(), vec![5.0, 2.0]);
/// ```
///
/// # Errors
/// `NotMatrix` for fewer than two dimensions.
pub fn svdvals<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let v = a.as_view();
    let (m, n, batch) = matrix_dims(v.shape())?;
    let data = v.to_vec();
    let count: usize = batch.iter().product();
    let mut ss = Vec::new();
    for i in 0..count {
        ss.extend(svd_one(&data[i * m * n..(i + 1) * m * n], m, n, false, false).s);
    }
    Ok(NdArray::from_shape_vec(&with_tail(batch, &[m.min(n)]), ss)?)
}
