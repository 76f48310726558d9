//! Eigenvalues of a symmetric tridiagonal matrix without vectors: the root-free
//! Pal-Walker-Kahan variant of implicit QL (LAPACK `?sterf`), `eigvalsh`'s last step.
//!
//! It works on the squares of the off-diagonal, so each rotation costs two divisions and no
//! square root (implicit QL with `sqrt(a^2 + b^2)` costs about twice as much). Iterations
//! are capped at 30 per eigenvalue in total; `None` then (or for non-finite input), and the
//! caller falls back to the plain QL. Plain slices in, no allocation, no unsafe.

use super::eigh::pythag;
use super::{LinalgReal, one, zero};

/// Most QL sweeps per eigenvalue, in total over the matrix (as LAPACK).
const MAX_ITER: usize = 30;

/// Eigenvalues of `[[a, b], [b, c]]`, larger magnitude first (LAPACK `?lae2`).
fn eig2<T: LinalgReal>(a: T, b: T, c: T) -> (T, T) {
    let two = one::<T>() + one::<T>();
    let half = one::<T>() / two;
    let (sm, df) = (a + c, a - c);
    let rt = pythag(df, two * b);
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    if sm == zero::<T>() {
        return (half * rt, -half * rt);
    }
    let rt1 = if sm > zero::<T>() {
        half * (sm + rt)
    } else {
        half * (sm - rt)
    };
    // The other root from the determinant, without cancellation.
    let rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
    (rt1, rt2)
}

/// Whether the squared off-diagonal `e2` couples `da` and `db` negligibly:
/// `|e| <= eps (|da| + |db|)`, squared so the scan needs no square root.
#[inline]
fn negligible<T: LinalgReal>(e2: T, da: T, db: T) -> bool {
    let t = T::epsilon() * (da.abs() + db.abs());
    e2 <= t * t
}

/// The eigenvalues (ascending) of the tridiagonal matrix with diagonal `d` and off-diagonal
/// `e` (`n - 1`), or `None` for non-finite input or when the iteration cap is reached.
pub(crate) fn sterf<T: LinalgReal>(d: &[T], e: &[T]) -> Option<Vec<T>> {
    let n = d.len();
    if d.iter().chain(e).any(|v| !v.is_finite()) {
        return None;
    }
    let mut d = d.to_vec();
    let mut e: Vec<T> = e.iter().map(|&v| v * v).collect();
    let two = one::<T>() + one::<T>();
    let max_sweeps = MAX_ITER * n;
    let mut sweeps = 0;
    let mut l1 = 0;
    while l1 < n {
        if l1 > 0 {
            e[l1 - 1] = zero::<T>();
        }
        // The unreduced block [l1, lend].
        let mut lend = l1;
        while lend + 1 < n && !negligible(e[lend], d[lend], d[lend + 1]) {
            lend += 1;
        }
        let mut l = l1;
        l1 = lend + 1;
        while l <= lend {
            let mut m = l;
            while m < lend && !negligible(e[m], d[m], d[m + 1]) {
                m += 1;
            }
            if m < lend {
                e[m] = zero::<T>();
            }
            if m == l {
                l += 1;
                continue;
            }
            if m == l + 1 {
                let (rt1, rt2) = eig2(d[l], e[l].sqrt(), d[l + 1]);
                d[l] = rt1;
                d[l + 1] = rt2;
                e[l] = zero::<T>();
                l += 2;
                continue;
            }
            if sweeps == max_sweeps {
                return None;
            }
            sweeps += 1;
            // Wilkinson-type shift from the leading 2 x 2.
            let p = d[l];
            let rte = e[l].sqrt();
            let g = (d[l + 1] - p) / (two * rte);
            let r = pythag(g, one::<T>());
            let sigma = p - rte / (g + if g < zero::<T>() { -r } else { r });
            let (mut c, mut s) = (one::<T>(), zero::<T>());
            let mut gamma = d[m] - sigma;
            let mut p = gamma * gamma;
            for i in (l..m).rev() {
                let bb = e[i];
                let r = p + bb;
                if i + 1 != m {
                    e[i + 1] = s * r;
                }
                let oldc = c;
                c = p / r;
                s = bb / r;
                let oldgam = gamma;
                let alpha = d[i];
                gamma = c * (alpha - sigma) - s * oldgam;
                d[i + 1] = oldgam + (alpha - gamma);
                p = if c != zero::<T>() {
                    gamma * gamma / c
                } else {
                    oldc * bb
                };
            }
            e[l] = s * p;
            d[l] = sigma + gamma;
        }
    }
    d.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factor::eigh::tridiagonal_eig_ql;

    /// Agrees with implicit QL with vectors on matrices that split, cluster and grade.
    #[test]
    fn matches_ql() {
        let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
            (vec![1.0], vec![]),
            (vec![1.0, 2.0], vec![0.5]),
            (vec![0.0, 0.0], vec![1.0]),
            (vec![0.0; 30], vec![1.0; 29]),
            (
                (0..21).map(|i| (i as f64 - 10.0).abs()).collect(),
                vec![1.0; 20],
            ),
            (
                (0..60).map(|i| ((i * 7 % 13) as f64).sin()).collect(),
                (0..59)
                    .map(|i| if i % 10 == 3 { 0.0 } else { (i as f64).cos() })
                    .collect(),
            ),
            (
                (0..40).map(|i| 10f64.powi(-i / 4)).collect(),
                (0..39).map(|i| 10f64.powi(-i / 4 - 1)).collect(),
            ),
        ];
        for (d, e) in cases {
            let got = sterf(&d, &e).expect("converges");
            let want = tridiagonal_eig_ql(&d, &e).0;
            let norm = d.iter().chain(&e).fold(0.0f64, |m, v| m.max(v.abs()));
            for (g, w) in got.iter().zip(&want) {
                assert!(
                    (g - w).abs() <= 8.0 * d.len() as f64 * f64::EPSILON * norm,
                    "{g} vs {w}"
                );
            }
        }
        assert!(sterf(&[f64::NAN, 1.0], &[1.0]).is_none());
    }
}
