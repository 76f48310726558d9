//! Eigenvectors of a real Schur form by back-substitution (EISPACK `hqr2`'s last part, as in
//! JAMA; LAPACK `?trevc`), for `eig`.
//!
//! `T` is column-major (`n x n`). For each eigenvalue, last first, the vector of the
//! quasi-triangular `T` is solved for in place of column `n` of `T` (a complex pair `j, j+1`
//! as the real and imaginary parts in columns `j` and `j + 1`), with tiny divisors replaced
//! by `eps * norm` and columns rescaled when they would overflow.

use super::{LinalgReal, one, zero};

/// `(a + ib) / (c + id)`.
fn cdiv<T: LinalgReal>(a: T, b: T, c: T, d: T) -> (T, T) {
    if c.abs() > d.abs() {
        let r = d / c;
        let den = c + r * d;
        ((a + r * b) / den, (b - r * a) / den)
    } else {
        let r = c / d;
        let den = d + r * c;
        ((r * a + b) / den, (r * b - a) / den)
    }
}

/// Overwrites the upper triangle of the column-major real Schur form `h` (`nn x nn`, its
/// eigenvalues in `(d, e)` as `hqr` leaves them, `norm` the size it
/// returned) with the eigenvectors of `h`: column `j` of the upper triangle is the vector
/// of eigenvalue `j` (pairs: real and imaginary parts in `j`, `j + 1`).
#[allow(clippy::too_many_lines)]
pub(crate) fn trevc<T: LinalgReal>(h: &mut [T], nn: usize, d: &[T], e: &[T], norm: T) {
    let ni = nn as isize;
    let at = |i: isize, j: isize| (j * ni + i) as usize;
    let eps = T::epsilon();
    let two = T::from(2.0).unwrap_or(zero::<T>());
    let (mut p, mut q, mut r, mut s, mut t, mut w, mut x, mut y, mut z);
    (r, s, z) = (zero::<T>(), zero::<T>(), zero::<T>());
    for n in (0..ni).rev() {
        p = d[n as usize];
        q = e[n as usize];
        if q == zero::<T>() {
            let mut l = n;
            h[at(n, n)] = one::<T>();
            for i in (0..n).rev() {
                w = h[at(i, i)] - p;
                r = zero::<T>();
                for j in l..=n {
                    r = r + h[at(i, j)] * h[at(j, n)];
                }
                if e[i as usize] < zero::<T>() {
                    z = w;
                    s = r;
                } else {
                    l = i;
                    if e[i as usize] == zero::<T>() {
                        h[at(i, n)] = if w != zero::<T>() {
                            -r / w
                        } else {
                            -r / (eps * norm)
                        };
                    } else {
                        x = h[at(i, i + 1)];
                        y = h[at(i + 1, i)];
                        let di = d[i as usize] - p;
                        q = di * di + e[i as usize] * e[i as usize];
                        t = (x * s - z * r) / q;
                        h[at(i, n)] = t;
                        h[at(i + 1, n)] = if x.abs() > z.abs() {
                            (-r - w * t) / x
                        } else {
                            (-s - y * t) / z
                        };
                    }
                    t = h[at(i, n)].abs();
                    if (eps * t) * t > one::<T>() {
                        for j in i..=n {
                            h[at(j, n)] = h[at(j, n)] / t;
                        }
                    }
                }
            }
        } else if q < zero::<T>() {
            let mut l = n - 1;
            if h[at(n, n - 1)].abs() > h[at(n - 1, n)].abs() {
                h[at(n - 1, n - 1)] = q / h[at(n, n - 1)];
                h[at(n - 1, n)] = -(h[at(n, n)] - p) / h[at(n, n - 1)];
            } else {
                let (cr, ci) = cdiv(zero::<T>(), -h[at(n - 1, n)], h[at(n - 1, n - 1)] - p, q);
                h[at(n - 1, n - 1)] = cr;
                h[at(n - 1, n)] = ci;
            }
            h[at(n, n - 1)] = zero::<T>();
            h[at(n, n)] = one::<T>();
            for i in (0..n - 1).rev() {
                let (mut ra, mut sa) = (zero::<T>(), zero::<T>());
                for j in l..=n {
                    ra = ra + h[at(i, j)] * h[at(j, n - 1)];
                    sa = sa + h[at(i, j)] * h[at(j, n)];
                }
                w = h[at(i, i)] - p;
                if e[i as usize] < zero::<T>() {
                    z = w;
                    r = ra;
                    s = sa;
                } else {
                    l = i;
                    if e[i as usize] == zero::<T>() {
                        let (cr, ci) = cdiv(-ra, -sa, w, q);
                        h[at(i, n - 1)] = cr;
                        h[at(i, n)] = ci;
                    } else {
                        x = h[at(i, i + 1)];
                        y = h[at(i + 1, i)];
                        let di = d[i as usize] - p;
                        let mut vr = di * di + e[i as usize] * e[i as usize] - q * q;
                        let vi = di * two * q;
                        if vr == zero::<T>() && vi == zero::<T>() {
                            vr = eps * norm * (w.abs() + q.abs() + x.abs() + y.abs() + z.abs());
                        }
                        let (cr, ci) =
                            cdiv(x * r - z * ra + q * sa, x * s - z * sa - q * ra, vr, vi);
                        h[at(i, n - 1)] = cr;
                        h[at(i, n)] = ci;
                        if x.abs() > z.abs() + q.abs() {
                            h[at(i + 1, n - 1)] = (-ra - w * h[at(i, n - 1)] + q * h[at(i, n)]) / x;
                            h[at(i + 1, n)] = (-sa - w * h[at(i, n)] - q * h[at(i, n - 1)]) / x;
                        } else {
                            let (cr, ci) =
                                cdiv(-r - y * h[at(i, n - 1)], -s - y * h[at(i, n)], z, q);
                            h[at(i + 1, n - 1)] = cr;
                            h[at(i + 1, n)] = ci;
                        }
                    }
                    t = h[at(i, n - 1)].abs().max(h[at(i, n)].abs());
                    if (eps * t) * t > one::<T>() {
                        for j in i..=n {
                            h[at(j, n - 1)] = h[at(j, n - 1)] / t;
                            h[at(j, n)] = h[at(j, n)] / t;
                        }
                    }
                }
            }
        }
    }
}
