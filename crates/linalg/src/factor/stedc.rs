//! Divide and conquer for the symmetric tridiagonal eigenproblem (LAPACK `?stedc` with
//! `?laed0`..`?laed3`): eigenvalues and eigenvectors.
//!
//! The tridiagonal `T` is torn in halves by a rank-one change, `T = diag(T1, T2) +
//! rho u u^T` with `u = (e_last; sign(beta) e_first)` and `rho = |beta|`, both halves are
//! solved recursively (in parallel with `rayon::join`; leaves of at most [`LEAF`] rows by
//! implicit QL), and the two solutions are merged: with `Ti = Qi Di Qi^T`,
//! `T = diag(Q1, Q2) (D + rho z z^T) diag(Q1, Q2)^T` with `z = (last row of Q1; sign(beta)
//! first row of Q2)`. Merging first deflates (`?laed2`): components of `z` below a tolerance,
//! and pairs of nearly equal `d` (one Givens rotation moves their `z` weight onto one of
//! them), keep their eigenpair as it is; the rest form a smaller problem solved by the
//! secular equation ([`super::secular`]). Its eigenvector matrix `S` is applied by GEMM,
//! to the top rows (columns from `Q1` and mixed ones) and to the bottom rows separately, as
//! `?laed3` does, so the zero blocks of `diag(Q1, Q2)` cost no flops.
//!
//! Results do not depend on the thread count: the recursion tree and every reduction
//! order are fixed; `rayon::join` only runs the halves at the same time.

use super::eigh::{pythag, tridiagonal_eig_ql};
use super::gemm_block;
use super::secular::{secular_roots, secular_vectors};
use super::{LinalgReal, one, scratch, zero};
use crate::gemm::MatRef;
use numerust_core::{NdArray, zeros};

/// Largest subproblem solved directly by implicit QL (LAPACK's `SMLSIZ` is 25).
pub(crate) const LEAF: usize = 25;

/// Eigenvalues (in no particular order) and eigenvectors (row `j` of the `n x n` array is
/// the vector of value `j`) of the symmetric tridiagonal matrix with diagonal `d` and
/// subdiagonal `e`; `None` when the input is not finite or a secular root did not converge
/// (the caller falls back to QL).
pub(crate) fn stedc<T: LinalgReal>(d: &[T], e: &[T]) -> Option<(Vec<T>, NdArray<T>)> {
    let n = d.len();
    if n == 0 {
        return Some((Vec::new(), zeros::<T>(&[0, 0]).ok()?));
    }
    let scale = d
        .iter()
        .chain(&e[..n - 1])
        .fold(zero::<T>(), |m, &v| m.max(v.abs()));
    if !scale.is_finite() || d.iter().chain(e).any(|v| v.is_nan()) {
        return None;
    }
    if scale == zero::<T>() {
        let mut q = zeros::<T>(&[n, n]).ok()?;
        let qs = q.as_slice_mut()?;
        for i in 0..n {
            qs[i * n + i] = one::<T>();
        }
        return Some((d.to_vec(), q));
    }
    // Work on T / max|T| (the deflation tolerance assumes |T| <= 1, as in ?stedc).
    let mut dd: Vec<T> = d.iter().map(|&v| v / scale).collect();
    let ee: Vec<T> = e[..n - 1].iter().map(|&v| v / scale).collect();
    let q = divide(&mut dd, &ee)?;
    for v in &mut dd {
        *v = *v * scale;
    }
    Some((dd, q))
}

/// Solves the tridiagonal `(d, e)` in place: `d` becomes the eigenvalues, row `j` of the
/// result the eigenvector of `d[j]`.
fn divide<T: LinalgReal>(d: &mut [T], e: &[T]) -> Option<NdArray<T>> {
    let n = d.len();
    if n <= LEAF {
        let (vals, z) = tridiagonal_eig_ql(d, e);
        d.copy_from_slice(&vals);
        return NdArray::from_shape_vec(&[n, n], z).ok();
    }
    let m = n / 2;
    let beta = e[m - 1];
    d[m - 1] = d[m - 1] - beta.abs();
    d[m] = d[m] - beta.abs();
    let (d1, d2) = d.split_at_mut(m);
    let (q1, q2) = rayon::join(|| divide(d1, &e[..m - 1]), || divide(d2, &e[m..]));
    let (q1, q2) = (q1?, q2?);
    merge(d, q1.as_slice()?, q2.as_slice()?, m, beta)
}

/// Where a column of `diag(Q1, Q2)` has nonzeros: rows of `Q1`, of `Q2`, or both (after a
/// deflating rotation mixed one of each).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rows {
    Top,
    Bottom,
    Both,
}

/// The columns of `diag(Q1, Q2)` as the merge rotates them: untouched ones are read from
/// `q1`/`q2`, rotated ones are kept whole in `mixed`.
struct Columns<'a, T> {
    q1: &'a [T],
    q2: &'a [T],
    m: usize,
    n: usize,
    mixed: Vec<Option<Vec<T>>>,
}

impl<T: LinalgReal> Columns<'_, T> {
    /// Rows `r0..r0 + len` of column `j` into `dst`.
    fn rows_into(&self, j: usize, r0: usize, dst: &mut [T]) {
        let (m, n) = (self.m, self.n);
        let len = dst.len();
        if let Some(v) = &self.mixed[j] {
            dst.copy_from_slice(&v[r0..r0 + len]);
            return;
        }
        // The original column's nonzero rows: 0..m from q1, or m..n from q2.
        let (src, lo, hi) = if j < m {
            (&self.q1[j * m..(j + 1) * m], 0, m)
        } else {
            (&self.q2[(j - m) * (n - m)..(j - m + 1) * (n - m)], m, n)
        };
        for (r, x) in (r0..r0 + len).zip(dst.iter_mut()) {
            *x = if r >= lo && r < hi {
                src[r - lo]
            } else {
                zero::<T>()
            };
        }
    }

    /// Column `j`, whole.
    fn whole(&self, j: usize) -> Vec<T> {
        let mut v = vec![zero::<T>(); self.n];
        self.rows_into(j, 0, &mut v);
        v
    }
}

/// Merges the solved halves (`d[..m]`, `q1`: `m x m`; `d[m..]`, `q2`) coupled by `beta`.
fn merge<T: LinalgReal>(d: &mut [T], q1: &[T], q2: &[T], m: usize, beta: T) -> Option<NdArray<T>> {
    let n = d.len();
    let n2 = n - m;
    let two = one::<T>() + one::<T>();
    let sign = if beta < zero::<T>() {
        -one::<T>()
    } else {
        one::<T>()
    };
    // z = (last row of Q1; sign * first row of Q2) / sqrt(2), rho = 2 |beta|.
    let rt2 = two.sqrt();
    let mut z: Vec<T> = (0..m)
        .map(|j| q1[j * m + m - 1] / rt2)
        .chain((0..n2).map(|j| sign * q2[j * n2] / rt2))
        .collect();
    let rho = two * beta.abs();
    let mut cols = Columns {
        q1,
        q2,
        m,
        n,
        mixed: vec![None; n],
    };
    let mut rows: Vec<Rows> = (0..n)
        .map(|j| if j < m { Rows::Top } else { Rows::Bottom })
        .collect();
    // Poles in ascending order.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| d[x].partial_cmp(&d[y]).unwrap_or(std::cmp::Ordering::Equal));
    let eps = T::epsilon();
    let zmax = z.iter().fold(zero::<T>(), |s, v| s.max(v.abs()));
    let dmax = d.iter().fold(zero::<T>(), |s, v| s.max(v.abs()));
    let tol = (two * two * two) * eps * dmax.max(zmax);
    let mut kept: Vec<usize> = Vec::with_capacity(n);
    let mut deflated: Vec<usize> = Vec::new();
    if rho * zmax > tol {
        let mut prev: Option<usize> = None;
        for &j in &order {
            if rho * z[j].abs() <= tol {
                deflated.push(j);
                continue;
            }
            if let Some(p) = prev {
                let tau = pythag(z[j], z[p]);
                let (c, s) = (z[j] / tau, -z[p] / tau);
                if ((d[j] - d[p]) * c * s).abs() <= tol {
                    // Rotate p's weight onto j; p keeps its (rotated) eigenpair.
                    z[j] = tau;
                    z[p] = zero::<T>();
                    let (mut cp, mut cj) = (cols.whole(p), cols.whole(j));
                    for (x, y) in cp.iter_mut().zip(cj.iter_mut()) {
                        let (xv, yv) = (*x, *y);
                        *x = c * xv + s * yv;
                        *y = c * yv - s * xv;
                    }
                    cols.mixed[p] = Some(cp);
                    cols.mixed[j] = Some(cj);
                    if rows[p] != rows[j] {
                        rows[j] = Rows::Both;
                    }
                    let (c2, s2) = (c * c, s * s);
                    let dp = d[p] * c2 + d[j] * s2;
                    d[j] = d[p] * s2 + d[j] * c2;
                    d[p] = dp;
                    deflated.push(p);
                    prev = Some(j);
                    continue;
                }
                kept.push(p);
            }
            prev = Some(j);
        }
        if let Some(p) = prev {
            kept.push(p);
        }
    } else {
        deflated.extend_from_slice(&order);
    }
    let k = kept.len();
    let (dl, zl): (Vec<T>, Vec<T>) = kept.iter().map(|&j| (d[j], z[j])).unzip();
    // Rows 0..K of the result: the roots, ascending; then the deflated pairs.
    // (Every element is written below: by a GEMM with beta = 0, a zero fill, or a copy.)
    let mut out = scratch(n, n, |_: &mut [T]| {});
    let mut vals = Vec::with_capacity(n);
    if k > 0 {
        let roots = secular_roots(&dl, &zl, rho)?;
        vals.extend_from_slice(&roots.lambda);
        // Columns of S grouped by the rows their Q column lives in: Top, Both, Bottom.
        let rank = |r: Rows| match r {
            Rows::Top => 0,
            Rows::Both => 1,
            Rows::Bottom => 2,
        };
        let mut grouped: Vec<usize> = (0..k).collect();
        grouped.sort_by_key(|&i| rank(rows[kept[i]]));
        let mut pos = vec![0; k];
        for (p, &i) in grouped.iter().enumerate() {
            pos[i] = p;
        }
        let count = |r: Rows| grouped.iter().filter(|&&i| rows[kept[i]] == r).count();
        let (n_top, n_both) = (count(Rows::Top), count(Rows::Both));
        let s = secular_vectors(&dl, &zl, roots, &pos);
        let sm = MatRef::from_slice(s.as_slice()?, k, k);
        // out[0..K, 0..m] = S[:, Top+Both] Q1-part^T; out[0..K, m..n] = S[:, Both+Bottom] ...
        for (c0, c1, r0, len) in [(0, n_top + n_both, 0, m), (n_top, k, m, n2)] {
            let c = c1 - c0;
            if len == 0 {
                continue;
            }
            if c == 0 {
                // No kept column has nonzeros in these rows.
                let os = out.as_slice_mut()?;
                for row in os.chunks_exact_mut(n).take(k) {
                    row[r0..r0 + len].fill(zero::<T>());
                }
                continue;
            }
            // Row-major c x len: the kept columns' rows r0..r0+len, in grouped order.
            let mut qb = vec![zero::<T>(); c * len];
            for (p, &i) in grouped[c0..c1].iter().enumerate() {
                cols.rows_into(kept[i], r0, &mut qb[p * len..(p + 1) * len]);
            }
            gemm_block(
                &mut out,
                (0, r0),
                one::<T>(),
                sm.submatrix(0, c0, k, c),
                MatRef::from_slice(&qb, c, len),
                zero::<T>(),
            );
        }
    }
    deflated.sort_by(|&x, &y| d[x].partial_cmp(&d[y]).unwrap_or(std::cmp::Ordering::Equal));
    {
        let os = out.as_slice_mut()?;
        for (f, &j) in deflated.iter().enumerate() {
            vals.push(d[j]);
            cols.rows_into(j, 0, &mut os[(k + f) * n..(k + f + 1) * n]);
        }
    }
    d.copy_from_slice(&vals);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(d: &[f64], e: &[f64], what: &str) {
        let n = d.len();
        let (w, q) = stedc(d, e).expect("converges");
        let q = q.to_vec();
        let norm = d
            .iter()
            .chain(e)
            .fold(0.0f64, |m, v| m.max(v.abs()))
            .max(1e-300);
        let tol = 16.0 * n as f64 * f64::EPSILON * norm;
        for j in 0..n {
            let v = &q[j * n..(j + 1) * n];
            for i in 0..n {
                let mut tv = d[i] * v[i];
                if i > 0 {
                    tv += e[i - 1] * v[i - 1];
                }
                if i + 1 < n {
                    tv += e[i] * v[i + 1];
                }
                assert!((tv - w[j] * v[i]).abs() <= tol, "{what}: residual n={n}");
            }
            for k in 0..n {
                let dotp: f64 = (0..n).map(|p| v[p] * q[k * n + p]).sum();
                let want = if j == k { 1.0 } else { 0.0 };
                assert!(
                    (dotp - want).abs() <= 16.0 * n as f64 * f64::EPSILON,
                    "{what}: orthogonality n={n}"
                );
            }
        }
    }

    /// Residual and orthogonality on matrices that deflate a lot or not at all.
    #[test]
    fn divide_and_conquer_laws() {
        for n in [1, 2, 25, 26, 27, 50, 51, 77, 130] {
            let d: Vec<f64> = (0..n).map(|i| ((i * 7 % 11) as f64).sin()).collect();
            let e: Vec<f64> = (0..n - 1)
                .map(|i| ((i * 3 % 5) as f64 + 0.5).cos())
                .collect();
            check(&d, &e, "random-ish");
            // Glued Wilkinson-like: many close pairs.
            let m = (n as f64 - 1.0) / 2.0;
            let d: Vec<f64> = (0..n).map(|i| (i as f64 - m).abs()).collect();
            check(&d, &vec![1.0; n - 1], "wilkinson");
            let d = vec![2.0; n];
            check(&d, &vec![1.0; n - 1], "toeplitz");
            check(&d, &vec![0.0; n - 1], "diagonal");
            let mut e = vec![1e-3; n - 1];
            for (i, x) in e.iter_mut().enumerate() {
                if i % 9 == 4 {
                    *x = 1e-18;
                }
            }
            check(&vec![1.0; n], &e, "clustered");
        }
        // Glued Wilkinson W21+ (D&C itself, not the QL fallback, must handle it).
        let d: Vec<f64> = (0..105).map(|i| ((i % 21) as f64 - 10.0).abs()).collect();
        let e: Vec<f64> = (0..104)
            .map(|i| if i % 21 == 20 { 1e-10 } else { 1.0 })
            .collect();
        check(&d, &e, "glued wilkinson");
    }

    /// NaN and infinity decline (the caller falls back to QL, which returns NaN).
    #[test]
    fn non_finite_declines() {
        let d = vec![1.0, f64::NAN, 2.0];
        assert!(stedc(&d, &[1.0, 1.0]).is_none());
        assert!(stedc(&[1.0, 2.0], &[f64::INFINITY]).is_none());
    }
}
