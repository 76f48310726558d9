//! Symmetric eigenproblems: NumPy's `np.linalg.eigh` and `eigvalsh` (`UPLO='L'`), in
//! LAPACK `?syevd`'s shape.
//!
//! 1. Blocked Householder tridiagonalisation `A = Q T Q^T` (`factor/sytrd.rs`, `?sytrd`).
//! 2. Values only: implicit QL on `T` without vectors (EISPACK `tql2`, here; O(n^2), a few
//!    percent of the reduction's time at n = 1000; a root-free `?sterf` measured no faster).
//!    Values and vectors: divide and conquer (`factor/stedc.rs`, `?stedc`), whose vectors `Z`
//!    become `Q Z` by compact-WY GEMMs (`factor/ormtr.rs`, `?ormtr`).
//!
//! The same QL solves the divide-and-conquer leaves and is the fallback when divide and
//! conquer declines (non-finite input, a secular root past its cap); every iteration is
//! capped, so NaN input ends with NaN output instead of a hang or an error.

use super::ormtr::apply_q;
use super::stedc::stedc;
use super::sytrd::{Tridiagonal, sytrd};
use super::{LinalgReal, one, scratch, square_stack, with_tail, zero};
use crate::error::LinAlgResult;
use numerust_core::{AsView, NdArray};

/// Most implicit QL iterations per eigenvalue before giving up (LAPACK allows 30).
const MAX_ITER: usize = 60;

/// `sqrt(a^2 + b^2)`: the plain formula unless the squares under- or overflow, then `hypot`
/// (libm's `hypot` costs more than the QL sweep around it).
#[inline]
pub(crate) fn pythag<T: LinalgReal>(a: T, b: T) -> T {
    let s = a * a + b * b;
    if s.is_finite() && s > T::min_positive_value() / T::epsilon() {
        s.sqrt()
    } else {
        a.hypot(b)
    }
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
                let mut r = pythag(p, one::<T>());
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
                    r = pythag(p, e[i]);
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
    let tri = sytrd(src, n);
    if !vectors {
        let (mut d, mut e) = (tri.d.clone(), vec![zero::<T>(); n]);
        e[1..].copy_from_slice(&tri.e);
        tql2(&mut d, &mut e, n, None);
        d.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
        return (d, Vec::new());
    }
    let (vals, v) = sym_eig_vectors(tri);
    (vals, v.into_vec())
}

/// [`sym_eig`] with vectors from the tridiagonal reduction, the vectors in an `n x n` array
/// (from core's allocator, which recycles large buffers instead of faulting in fresh pages).
fn sym_eig_vectors<T: LinalgReal>(tri: Tridiagonal<T>) -> (Vec<T>, NdArray<T>) {
    let n = tri.d.len();
    let (vals, z) = tridiagonal_eig(&tri.d, &tri.e);
    let zs = z.as_slice().expect("contiguous");
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| {
        vals[i]
            .partial_cmp(&vals[j])
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    // Row-major Y = Z (columns in ascending order), then Y = Q Z.
    let mut ya = scratch(n, n, |y: &mut [T]| {
        for (j, &src) in order.iter().enumerate() {
            for (i, &x) in zs[src * n..(src + 1) * n].iter().enumerate() {
                y[i * n + j] = x;
            }
        }
    });
    apply_q(&tri, ya.as_slice_mut().expect("contiguous"), n);
    (order.iter().map(|&i| vals[i]).collect(), ya)
}

/// Eigenvalues (ascending) and eigenvectors (columns of the column-major `n x n` result) of
/// the symmetric tridiagonal matrix with diagonal `d` and subdiagonal `e`, by implicit QL.
pub(crate) fn tridiagonal_eig_ql<T: LinalgReal>(d: &[T], e: &[T]) -> (Vec<T>, Vec<T>) {
    let n = d.len();
    let (mut dd, mut ee) = (d.to_vec(), vec![zero::<T>(); n]);
    ee[1..].copy_from_slice(&e[..n - 1]);
    // Rows of `w` are the eigenvectors: row-major W = column-major Z.
    let mut w = vec![zero::<T>(); n * n];
    for i in 0..n {
        w[i * n + i] = one::<T>();
    }
    tql2(&mut dd, &mut ee, n, Some(&mut w));
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| {
        dd[i]
            .partial_cmp(&dd[j])
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let vals = order.iter().map(|&i| dd[i]).collect();
    let mut z = vec![zero::<T>(); n * n];
    for (j, &src) in order.iter().enumerate() {
        z[j * n..(j + 1) * n].copy_from_slice(&w[src * n..(src + 1) * n]);
    }
    (vals, z)
}

/// The tridiagonal eigensolver used for `eigh`'s vectors: divide and conquer, or implicit QL
/// when that declines (non-finite input, a secular root that did not converge). Returns the
/// eigenvalues in any order and the eigenvectors as the rows of an `n x n` array.
fn tridiagonal_eig<T: LinalgReal>(d: &[T], e: &[T]) -> (Vec<T>, NdArray<T>) {
    stedc(d, e).unwrap_or_else(|| {
        let (vals, z) = tridiagonal_eig_ql(d, e);
        let n = d.len();
        (
            vals,
            NdArray::from_shape_vec(&[n, n], z).expect("n*n elements"),
        )
    })
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
    if count == 1 && n > 0 {
        // One matrix: its eigenvector array is the result, no copy.
        let (w, v) = sym_eig_vectors(sytrd(&sa.data, n));
        return Ok((NdArray::from_shape_vec(&[n], w)?, v));
    }
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
