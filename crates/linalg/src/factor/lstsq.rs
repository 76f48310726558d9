//! What the SVD answers: NumPy's `matrix_rank`, `pinv` and `lstsq`.

use super::svd::{svd, svdvals};
use super::{LinalgReal, one, with_tail, zero};
use crate::error::{LinAlgError, LinAlgResult};
use numerust_core::{AsView, NdArray};

/// The rank of a (stack of) matrices: the number of singular values above `tol`.
///
/// NumPy: `np.linalg.matrix_rank(A, tol)`: `tol = None` means `S.max() * max(M, N) * eps`.
/// A 0-d or 1-D input has rank 1 unless it is all zeros.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::matrix_rank;
/// let a = NdArray::from_shape_vec(&[3, 2], vec![1.0f64, 2.0, 2.0, 4.0, 3.0, 6.0]).unwrap();
/// assert_eq!(matrix_rank(&a, None).unwrap().to_vec(), vec![1]);
/// ```
///
/// # Errors
/// None in practice (kept fallible for the array plumbing).
pub fn matrix_rank<T: LinalgReal>(
    a: &impl AsView<T>,
    tol: Option<T>,
) -> LinAlgResult<NdArray<i64>> {
    let v = a.as_view();
    if v.ndim() < 2 {
        let any = v.to_vec().iter().any(|&x| x != zero::<T>());
        return Ok(NdArray::from_shape_vec(&[], vec![i64::from(any)])?);
    }
    let (m, n) = (v.shape()[v.ndim() - 2], v.shape()[v.ndim() - 1]);
    let s = svdvals(&v)?;
    let k = m.min(n);
    let batch = s.shape()[..s.ndim() - 1].to_vec();
    let sv = s.into_vec();
    let count: usize = batch.iter().product();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let c = &sv[i * k..(i + 1) * k];
        let smax = c.first().copied().unwrap_or(zero::<T>());
        let t =
            tol.unwrap_or_else(|| smax * T::from(m.max(n)).unwrap_or(one::<T>()) * T::epsilon());
        out.push(c.iter().filter(|&&x| x > t).count() as i64);
    }
    Ok(NdArray::from_shape_vec(&batch, out)?)
}

/// `V diag(1/s) U^T` of one matrix (`u` m x k, `vt` k x n), singular values at or below
/// `cutoff` dropped: the `n x m` pseudo-inverse.
fn pinv_from_svd<T: LinalgReal>(
    u: &[T],
    s: &[T],
    vt: &[T],
    m: usize,
    n: usize,
    cutoff: T,
) -> Vec<T> {
    let k = s.len();
    let mut out = vec![zero::<T>(); n * m];
    for p in 0..k {
        if s[p].is_nan() || s[p] <= cutoff {
            continue;
        }
        let inv = one::<T>() / s[p];
        for i in 0..n {
            let vip = vt[p * n + i] * inv;
            if vip == zero::<T>() {
                continue;
            }
            for j in 0..m {
                out[i * m + j] = out[i * m + j] + vip * u[j * k + p];
            }
        }
    }
    out
}

/// The Moore-Penrose pseudo-inverse of a (stack of) `(M, N)` matrices, `(N, M)`.
///
/// NumPy: `np.linalg.pinv(a, rcond)`: singular values at or below `rcond * s_max` are
/// treated as zero; `rcond = None` means NumPy's default `1e-15`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::pinv;
/// let a = NdArray::from_shape_vec(&[2, 1], vec![3.0f64, 4.0]).unwrap();
/// let p = pinv(&a, None).unwrap();
/// assert_eq!(p.shape(), &[1, 2]);
/// assert!((p.to_vec()[0] - 0.12).abs() < 1e-15 && (p.to_vec()[1] - 0.16).abs() < 1e-15);
/// ```
///
/// # Errors
/// `NotMatrix` for fewer than two dimensions.
pub fn pinv<T: LinalgReal>(a: &impl AsView<T>, rcond: Option<T>) -> LinAlgResult<NdArray<T>> {
    let v = a.as_view();
    let f = svd(&v, false)?;
    let (m, n) = (v.shape()[v.ndim() - 2], v.shape()[v.ndim() - 1]);
    let k = m.min(n);
    let batch = &v.shape()[..v.ndim() - 2];
    let rcond = rcond.unwrap_or_else(|| T::from(1e-15).unwrap_or(zero::<T>()));
    let (u, s, vt) = (f.u.into_vec(), f.s.into_vec(), f.vt.into_vec());
    let count: usize = batch.iter().product();
    let mut out = Vec::with_capacity(count * m * n);
    for i in 0..count {
        let si = &s[i * k..(i + 1) * k];
        let cutoff = rcond * si.first().copied().unwrap_or(zero::<T>());
        out.extend(pinv_from_svd(
            &u[i * m * k..(i + 1) * m * k],
            si,
            &vt[i * k * n..(i + 1) * k * n],
            m,
            n,
            cutoff,
        ));
    }
    Ok(NdArray::from_shape_vec(&with_tail(batch, &[n, m]), out)?)
}

/// The result of [`lstsq`], NumPy's `(x, residuals, rank, s)`.
#[derive(Clone, Debug)]
pub struct LstsqResult<T: LinalgReal> {
    /// The least-squares solution, `(N,)` or `(N, K)`.
    pub x: NdArray<T>,
    /// Squared 2-norms of the residual columns, `(K,)` (`(1,)` for a 1-D `b`); empty unless
    /// `rank == N` and `M > N`.
    pub residuals: NdArray<T>,
    /// The effective rank of `a`.
    pub rank: usize,
    /// The singular values of `a`, descending.
    pub s: NdArray<T>,
}

/// The least-squares solution of `a @ x = b` (minimum-norm when `a` is rank-deficient).
///
/// NumPy 2.x: `np.linalg.lstsq(a, b, rcond=None)` for a 2-D `a` `(M, N)` and `b` `(M,)` or
/// `(M, K)`; singular values at or below `rcond * s_max` count as zero, `rcond = None` means
/// `eps * max(M, N)`. Solved through the SVD (as LAPACK `?gelsd`).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::lstsq;
/// // Fit y = c0 + c1 t to three points on y = 1 + 2 t.
/// let a = NdArray::from_shape_vec(&[3, 2], vec![1.0f64, 0.0, 1.0, 1.0, 1.0, 2.0]).unwrap();
/// let y = NdArray::from_shape_vec(&[3], vec![1.0, 3.0, 5.0]).unwrap();
/// let r = lstsq(&a, &y, None).unwrap();
/// assert!(r.x.to_vec().iter().zip([1.0, 2.0]).all(|(g, w)| (g - w).abs() < 1e-12));
/// assert_eq!((r.rank, r.residuals.shape()), (2, &[1][..]));
/// ```
///
/// # Errors
/// `InvalidValue` unless `a` is 2-D and `b` is 1-D or 2-D with `M` rows (NumPy's texts).
pub fn lstsq<T: LinalgReal>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
    rcond: Option<T>,
) -> LinAlgResult<LstsqResult<T>> {
    let (av, bv) = (a.as_view(), b.as_view());
    if av.ndim() < 2 {
        return Err(LinAlgError::NotMatrix { ndim: av.ndim() });
    }
    if av.ndim() > 2 {
        return Err(LinAlgError::InvalidValue(format!(
            "{}-dimensional array given. Array must be two-dimensional",
            av.ndim()
        )));
    }
    let (m, n) = (av.shape()[0], av.shape()[1]);
    let vector = bv.ndim() == 1;
    if bv.ndim() == 0 || bv.ndim() > 2 {
        return Err(LinAlgError::InvalidValue(format!(
            "{}-dimensional array given. Array must be one or two-dimensional",
            bv.ndim()
        )));
    }
    if bv.shape()[0] != m {
        return Err(LinAlgError::InvalidValue("Incompatible dimensions".into()));
    }
    let kcols = if vector { 1 } else { bv.shape()[1] };
    let f = svd(&av, false)?;
    let k = m.min(n);
    let (u, s, vt) = (f.u.into_vec(), f.s.into_vec(), f.vt.into_vec());
    let rcond = rcond.unwrap_or_else(|| T::epsilon() * T::from(m.max(n)).unwrap_or(one::<T>()));
    let cutoff = rcond * s.first().copied().unwrap_or(zero::<T>());
    let rank = s.iter().filter(|&&x| x > cutoff).count();
    let bdata = bv.to_vec();
    let adata = av.to_vec();
    // x = V diag(1/s) U^T b, column by column of b.
    let mut x = vec![zero::<T>(); n * kcols];
    for c in 0..kcols {
        for p in 0..k {
            if s[p].is_nan() || s[p] <= cutoff {
                continue;
            }
            let utb = (0..m).fold(zero::<T>(), |acc, i| {
                acc + u[i * k + p] * bdata[i * kcols + c]
            });
            let coef = utb / s[p];
            for i in 0..n {
                x[i * kcols + c] = x[i * kcols + c] + vt[p * n + i] * coef;
            }
        }
    }
    let residuals = if rank == n && m > n {
        let mut r = Vec::with_capacity(kcols);
        for c in 0..kcols {
            let mut sum = zero::<T>();
            for i in 0..m {
                let ax = (0..n).fold(zero::<T>(), |acc, j| {
                    acc + adata[i * n + j] * x[j * kcols + c]
                });
                let d = ax - bdata[i * kcols + c];
                sum = sum + d * d;
            }
            r.push(sum);
        }
        NdArray::from_shape_vec(&[kcols], r)?
    } else {
        NdArray::from_shape_vec(&[0], Vec::new())?
    };
    let xshape = if vector { vec![n] } else { vec![n, kcols] };
    Ok(LstsqResult {
        x: NdArray::from_shape_vec(&xshape, x)?,
        residuals,
        rank,
        s: NdArray::from_shape_vec(&[k], s)?,
    })
}
