//! Symmetric eigenproblems: NumPy's `np.linalg.eigh` and `eigvalsh` (`UPLO='L'`).
//!
//! Householder tridiagonalisation (EISPACK `tred2`) then implicit QL with shifts (`tql2`),
//! the algorithm pair of JAMA and of LAPACK's `?steqr` family. Unblocked (level-2 BLAS
//! shaped), so slower than LAPACK's blocked `?syevd` on large matrices (see
//! docs/linalg-solvers.md). Iterations are capped, so NaN input ends with NaN output
//! instead of a hang.

use super::{LinalgReal, one, square_stack, with_tail, zero};
use crate::error::LinAlgResult;
use numerust_core::{AsView, NdArray};

/// Most implicit QL iterations per eigenvalue before giving up (LAPACK allows 30).
const MAX_ITER: usize = 60;

/// Householder reduction of the symmetric `n x n` column-major `v` (lower triangle read) to
/// tridiagonal form (EISPACK `tred2`, as in JAMA): on return `d` is the diagonal, `e[1..]`
/// the subdiagonal, and `v` the orthogonal transformation.
fn tred2<T: LinalgReal>(v: &mut [T], n: usize, d: &mut [T], e: &mut [T]) {
    // Column-major: the hot loops run down columns, which are then contiguous.
    let at = |i: usize, j: usize| j * n + i;
    for j in 0..n {
        d[j] = v[at(n - 1, j)];
    }
    for i in (1..n).rev() {
        let mut scale = zero::<T>();
        let mut h = zero::<T>();
        for &dk in &d[..i] {
            scale = scale + dk.abs();
        }
        if scale == zero::<T>() {
            e[i] = d[i - 1];
            for j in 0..i {
                d[j] = v[at(i - 1, j)];
                v[at(i, j)] = zero::<T>();
                v[at(j, i)] = zero::<T>();
            }
        } else {
            for dk in &mut d[..i] {
                *dk = *dk / scale;
                h = h + *dk * *dk;
            }
            let mut f = d[i - 1];
            let mut g = h.sqrt();
            if f > zero::<T>() {
                g = -g;
            }
            e[i] = scale * g;
            h = h - f * g;
            d[i - 1] = f - g;
            e[..i].fill(zero::<T>());
            for j in 0..i {
                f = d[j];
                v[at(j, i)] = f;
                g = e[j] + v[at(j, j)] * f;
                for k in j + 1..i {
                    g = g + v[at(k, j)] * d[k];
                    e[k] = e[k] + v[at(k, j)] * f;
                }
                e[j] = g;
            }
            f = zero::<T>();
            for j in 0..i {
                e[j] = e[j] / h;
                f = f + e[j] * d[j];
            }
            let hh = f / (h + h);
            for j in 0..i {
                e[j] = e[j] - hh * d[j];
            }
            for j in 0..i {
                f = d[j];
                g = e[j];
                for k in j..i {
                    v[at(k, j)] = v[at(k, j)] - (f * e[k] + g * d[k]);
                }
                d[j] = v[at(i - 1, j)];
                v[at(i, j)] = zero::<T>();
            }
        }
        d[i] = h;
    }
    // Accumulate the transformations.
    for i in 0..n.saturating_sub(1) {
        v[at(n - 1, i)] = v[at(i, i)];
        v[at(i, i)] = one::<T>();
        let h = d[i + 1];
        if h != zero::<T>() {
            for k in 0..=i {
                d[k] = v[at(k, i + 1)] / h;
            }
            for j in 0..=i {
                let mut g = zero::<T>();
                for k in 0..=i {
                    g = g + v[at(k, i + 1)] * v[at(k, j)];
                }
                for k in 0..=i {
                    v[at(k, j)] = v[at(k, j)] - g * d[k];
                }
            }
        }
        for k in 0..=i {
            v[at(k, i + 1)] = zero::<T>();
        }
    }
    for j in 0..n {
        d[j] = v[at(n - 1, j)];
        v[at(n - 1, j)] = zero::<T>();
    }
    v[at(n - 1, n - 1)] = one::<T>();
    e[0] = zero::<T>();
}

/// Implicit QL with Wilkinson-type shifts on the tridiagonal `(d, e)` (EISPACK `tql2`),
/// rotating the rows of `w` (the transposed eigenvector matrix) when given.
fn tql2<T: LinalgReal>(d: &mut [T], e: &mut [T], n: usize, mut w: Option<&mut [T]>) {
    for i in 1..n {
        e[i - 1] = e[i];
    }
    e[n - 1] = zero::<T>();
    let (mut f, mut tst1) = (zero::<T>(), zero::<T>());
    let eps = T::epsilon();
    let two = one::<T>() + one::<T>();
    for l in 0..n {
        tst1 = tst1.max(d[l].abs() + e[l].abs());
        let mut m = l;
        while m < n - 1 && (e[m].is_nan() || e[m].abs() > eps * tst1) {
            m += 1;
        }
        if m > l {
            for _ in 0..MAX_ITER {
                let mut g = d[l];
                let mut p = (d[l + 1] - g) / (two * e[l]);
                let mut r = p.hypot(one::<T>());
                if p < zero::<T>() {
                    r = -r;
                }
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                let dl1 = d[l + 1];
                let mut h = g - d[l];
                for di in &mut d[l + 2..n] {
                    *di = *di - h;
                }
                f = f + h;
                p = d[m];
                let (mut c, mut c2, mut c3) = (one::<T>(), one::<T>(), one::<T>());
                let el1 = e[l + 1];
                let (mut s, mut s2) = (zero::<T>(), zero::<T>());
                for i in (l..m).rev() {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = p.hypot(e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    if let Some(w) = w.as_deref_mut() {
                        let (lo, hi) = w.split_at_mut((i + 1) * n);
                        for (wi, wi1) in lo[i * n..i * n + n].iter_mut().zip(&mut hi[..n]) {
                            let h = *wi1;
                            *wi1 = s * *wi + c * h;
                            *wi = c * *wi - s * h;
                        }
                    }
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if e[l].abs() <= eps * tst1 || e[l].is_nan() {
                    break;
                }
            }
        }
        d[l] = d[l] + f;
        e[l] = zero::<T>();
    }
}

/// Eigenvalues (ascending) and, when `vectors`, the eigenvectors as the columns of a
/// row-major `n x n` buffer, of the symmetric matrix whose lower triangle is in `src`.
pub(crate) fn sym_eig<T: LinalgReal>(src: &[T], n: usize, vectors: bool) -> (Vec<T>, Vec<T>) {
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    // Column-major copy for tred2 (element (i, j) at j * n + i).
    let mut v = vec![zero::<T>(); n * n];
    for i in 0..n {
        for j in 0..n {
            v[j * n + i] = src[i * n + j];
        }
    }
    let (mut d, mut e) = (vec![zero::<T>(); n], vec![zero::<T>(); n]);
    tred2(&mut v, n, &mut d, &mut e);
    // Column-major `v` read row-major: row j is column j of V, so each rotation in tql2
    // touches two contiguous rows.
    let mut w = if vectors { v } else { Vec::new() };
    tql2(&mut d, &mut e, n, if vectors { Some(&mut w) } else { None });
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| d[i].partial_cmp(&d[j]).unwrap_or(std::cmp::Ordering::Equal));
    let vals = order.iter().map(|&i| d[i]).collect();
    let mut vecs = Vec::new();
    if vectors {
        vecs = vec![zero::<T>(); n * n];
        for (j, &src_row) in order.iter().enumerate() {
            for i in 0..n {
                vecs[i * n + j] = w[src_row * n + i];
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
        let (w, v) = sym_eig(&sa.data[i * n * n..(i + 1) * n * n], n, true);
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
        ws.extend(sym_eig(&sa.data[i * n * n..(i + 1) * n * n], n, false).0);
    }
    Ok(NdArray::from_shape_vec(&with_tail(&sa.batch, &[n]), ws)?)
}
