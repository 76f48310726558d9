//! General real eigenproblems: NumPy's `np.linalg.eig` and `eigvals`.
//!
//! Householder reduction to upper Hessenberg form (EISPACK `orthes`), Francis double-shift
//! QR to real Schur form with the accumulated transformations (`hqr2`, as in JAMA), then
//! back-substitution for the eigenvectors of the quasi-triangular form. Unblocked and without
//! LAPACK's balancing, so slower than `?geev` on large matrices. Vectors are normalised like
//! `?geev`'s: unit 2-norm, largest component real. Iterations are capped (30 per eigenvalue
//! before the exceptional shifts, `60 n` in all): NaN input ends with NaN output.

use super::{LinalgReal, one, square_stack, with_tail, zero};
use crate::error::LinAlgResult;
use numerust_core::{AsView, Complex, Element, NdArray};

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

/// `orthes`: `h` (row-major `n x n`) becomes upper Hessenberg, `v` the transformation.
fn orthes<T: LinalgReal>(h: &mut [T], v: &mut [T], n: usize) {
    let at = |i: usize, j: usize| i * n + j;
    let mut ort = vec![zero::<T>(); n];
    let high = n - 1;
    for m in 1..high {
        let mut scale = zero::<T>();
        for i in m..=high {
            scale = scale + h[at(i, m - 1)].abs();
        }
        if scale != zero::<T>() {
            let mut hh = zero::<T>();
            for i in (m..=high).rev() {
                ort[i] = h[at(i, m - 1)] / scale;
                hh = hh + ort[i] * ort[i];
            }
            let mut g = hh.sqrt();
            if ort[m] > zero::<T>() {
                g = -g;
            }
            hh = hh - ort[m] * g;
            ort[m] = ort[m] - g;
            for j in m..n {
                let mut f = zero::<T>();
                for i in (m..=high).rev() {
                    f = f + ort[i] * h[at(i, j)];
                }
                f = f / hh;
                for i in m..=high {
                    h[at(i, j)] = h[at(i, j)] - f * ort[i];
                }
            }
            for i in 0..=high {
                let mut f = zero::<T>();
                for j in (m..=high).rev() {
                    f = f + ort[j] * h[at(i, j)];
                }
                f = f / hh;
                for j in m..=high {
                    h[at(i, j)] = h[at(i, j)] - f * ort[j];
                }
            }
            ort[m] = scale * ort[m];
            h[at(m, m - 1)] = scale * g;
        }
    }
    for i in 0..n {
        for j in 0..n {
            v[at(i, j)] = if i == j { one::<T>() } else { zero::<T>() };
        }
    }
    for m in (1..high).rev() {
        if h[at(m, m - 1)] != zero::<T>() {
            for i in m + 1..=high {
                ort[i] = h[at(i, m - 1)];
            }
            for j in m..=high {
                let mut g = zero::<T>();
                for i in m..=high {
                    g = g + ort[i] * v[at(i, j)];
                }
                g = (g / ort[m]) / h[at(m, m - 1)];
                for i in m..=high {
                    v[at(i, j)] = v[at(i, j)] + g * ort[i];
                }
            }
        }
    }
}

/// `hqr2`: the Hessenberg `h` to real Schur form, eigenvalues into `(d, e)` (real, imaginary
/// parts), then the eigenvectors into `v` (a complex pair `j, j+1` stored as the real and
/// imaginary parts in columns `j` and `j + 1`).
#[allow(clippy::too_many_lines)]
fn hqr2<T: LinalgReal>(h: &mut [T], v: &mut [T], nn: usize, d: &mut [T], e: &mut [T]) {
    let ni = nn as isize;
    let at = |i: isize, j: isize| (i * ni + j) as usize;
    let (low, high) = (0isize, ni - 1);
    let eps = T::epsilon();
    let c = |x: f64| T::from(x).unwrap_or(zero::<T>());
    let two = c(2.0);
    let mut exshift = zero::<T>();
    let (mut p, mut q, mut r, mut s, mut z) = (
        zero::<T>(),
        zero::<T>(),
        zero::<T>(),
        zero::<T>(),
        zero::<T>(),
    );
    let (mut t, mut w, mut x, mut y);
    let mut norm = zero::<T>();
    for i in 0..ni {
        for j in (i - 1).max(0)..ni {
            norm = norm + h[at(i, j)].abs();
        }
    }
    let mut n = ni - 1;
    let mut iter = 0usize;
    let mut total = 0usize;
    let cap = 60 * nn.max(1);
    while n >= low {
        // Look for a single small subdiagonal element.
        let mut l = n;
        while l > low {
            s = h[at(l - 1, l - 1)].abs() + h[at(l, l)].abs();
            if s == zero::<T>() {
                s = norm;
            }
            if h[at(l, l - 1)].abs() < eps * s {
                break;
            }
            l -= 1;
        }
        if l == n {
            // One root.
            h[at(n, n)] = h[at(n, n)] + exshift;
            d[n as usize] = h[at(n, n)];
            e[n as usize] = zero::<T>();
            n -= 1;
            iter = 0;
        } else if l == n - 1 {
            // Two roots.
            w = h[at(n, n - 1)] * h[at(n - 1, n)];
            p = (h[at(n - 1, n - 1)] - h[at(n, n)]) / two;
            q = p * p + w;
            z = q.abs().sqrt();
            h[at(n, n)] = h[at(n, n)] + exshift;
            h[at(n - 1, n - 1)] = h[at(n - 1, n - 1)] + exshift;
            x = h[at(n, n)];
            if q >= zero::<T>() {
                z = if p >= zero::<T>() { p + z } else { p - z };
                d[(n - 1) as usize] = x + z;
                d[n as usize] = d[(n - 1) as usize];
                if z != zero::<T>() {
                    d[n as usize] = x - w / z;
                }
                e[(n - 1) as usize] = zero::<T>();
                e[n as usize] = zero::<T>();
                x = h[at(n, n - 1)];
                s = x.abs() + z.abs();
                p = x / s;
                q = z / s;
                r = (p * p + q * q).sqrt();
                p = p / r;
                q = q / r;
                for j in n - 1..ni {
                    z = h[at(n - 1, j)];
                    h[at(n - 1, j)] = q * z + p * h[at(n, j)];
                    h[at(n, j)] = q * h[at(n, j)] - p * z;
                }
                for i in 0..=n {
                    z = h[at(i, n - 1)];
                    h[at(i, n - 1)] = q * z + p * h[at(i, n)];
                    h[at(i, n)] = q * h[at(i, n)] - p * z;
                }
                for i in low..=high {
                    z = v[at(i, n - 1)];
                    v[at(i, n - 1)] = q * z + p * v[at(i, n)];
                    v[at(i, n)] = q * v[at(i, n)] - p * z;
                }
            } else {
                d[(n - 1) as usize] = x + p;
                d[n as usize] = x + p;
                e[(n - 1) as usize] = z;
                e[n as usize] = -z;
            }
            n -= 2;
            iter = 0;
        } else {
            total += 1;
            if total > cap {
                // No convergence (NaN/inf input): what is left is NaN.
                for k in 0..=n as usize {
                    d[k] = T::nan();
                    e[k] = zero::<T>();
                }
                v.fill(T::nan());
                return;
            }
            x = h[at(n, n)];
            y = zero::<T>();
            w = zero::<T>();
            if l < n {
                y = h[at(n - 1, n - 1)];
                w = h[at(n, n - 1)] * h[at(n - 1, n)];
            }
            if iter == 10 {
                // Wilkinson's exceptional shift.
                exshift = exshift + x;
                for i in low..=n {
                    h[at(i, i)] = h[at(i, i)] - x;
                }
                s = h[at(n, n - 1)].abs() + h[at(n - 1, n - 2)].abs();
                x = c(0.75) * s;
                y = x;
                w = c(-0.4375) * s * s;
            }
            if iter == 30 {
                // MATLAB's exceptional shift.
                s = (y - x) / two;
                s = s * s + w;
                if s > zero::<T>() {
                    s = s.sqrt();
                    if y < x {
                        s = -s;
                    }
                    s = x - w / ((y - x) / two + s);
                    for i in low..=n {
                        h[at(i, i)] = h[at(i, i)] - s;
                    }
                    exshift = exshift + s;
                    x = c(0.964);
                    y = x;
                    w = x;
                }
            }
            iter += 1;
            // Look for two consecutive small subdiagonal elements.
            let mut m = n - 2;
            while m >= l {
                z = h[at(m, m)];
                r = x - z;
                s = y - z;
                p = (r * s - w) / h[at(m + 1, m)] + h[at(m, m + 1)];
                q = h[at(m + 1, m + 1)] - z - r - s;
                r = h[at(m + 2, m + 1)];
                s = p.abs() + q.abs() + r.abs();
                p = p / s;
                q = q / s;
                r = r / s;
                if m == l {
                    break;
                }
                if h[at(m, m - 1)].abs() * (q.abs() + r.abs())
                    < eps
                        * (p.abs()
                            * (h[at(m - 1, m - 1)].abs() + z.abs() + h[at(m + 1, m + 1)].abs()))
                {
                    break;
                }
                m -= 1;
            }
            for i in m + 2..=n {
                h[at(i, i - 2)] = zero::<T>();
                if i > m + 2 {
                    h[at(i, i - 3)] = zero::<T>();
                }
            }
            // Double QR step on rows l..=n, columns m..=n.
            let mut k = m;
            while k < n {
                let notlast = k != n - 1;
                if k != m {
                    p = h[at(k, k - 1)];
                    q = h[at(k + 1, k - 1)];
                    r = if notlast {
                        h[at(k + 2, k - 1)]
                    } else {
                        zero::<T>()
                    };
                    x = p.abs() + q.abs() + r.abs();
                    if x == zero::<T>() {
                        k += 1;
                        continue;
                    }
                    p = p / x;
                    q = q / x;
                    r = r / x;
                }
                s = (p * p + q * q + r * r).sqrt();
                if p < zero::<T>() {
                    s = -s;
                }
                if s != zero::<T>() {
                    if k != m {
                        h[at(k, k - 1)] = -s * x;
                    } else if l != m {
                        h[at(k, k - 1)] = -h[at(k, k - 1)];
                    }
                    p = p + s;
                    x = p / s;
                    y = q / s;
                    z = r / s;
                    q = q / p;
                    r = r / p;
                    for j in k..ni {
                        p = h[at(k, j)] + q * h[at(k + 1, j)];
                        if notlast {
                            p = p + r * h[at(k + 2, j)];
                            h[at(k + 2, j)] = h[at(k + 2, j)] - p * z;
                        }
                        h[at(k, j)] = h[at(k, j)] - p * x;
                        h[at(k + 1, j)] = h[at(k + 1, j)] - p * y;
                    }
                    for i in 0..=n.min(k + 3) {
                        p = x * h[at(i, k)] + y * h[at(i, k + 1)];
                        if notlast {
                            p = p + z * h[at(i, k + 2)];
                            h[at(i, k + 2)] = h[at(i, k + 2)] - p * r;
                        }
                        h[at(i, k)] = h[at(i, k)] - p;
                        h[at(i, k + 1)] = h[at(i, k + 1)] - p * q;
                    }
                    for i in low..=high {
                        p = x * v[at(i, k)] + y * v[at(i, k + 1)];
                        if notlast {
                            p = p + z * v[at(i, k + 2)];
                            v[at(i, k + 2)] = v[at(i, k + 2)] - p * r;
                        }
                        v[at(i, k)] = v[at(i, k)] - p;
                        v[at(i, k + 1)] = v[at(i, k + 1)] - p * q;
                    }
                }
                k += 1;
            }
        }
    }
    // Back-substitute for the vectors of the quasi-triangular form.
    if norm == zero::<T>() {
        return;
    }
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
    // Back-transform: V = V * (vectors of the Schur form).
    for j in (low..ni).rev() {
        for i in low..=high {
            z = zero::<T>();
            for k in low..=j.min(high) {
                z = z + v[at(i, k)] * h[at(k, j)];
            }
            v[at(i, j)] = z;
        }
    }
}

/// Eigenvalues and (when `vectors`) eigenvectors (columns, row-major `n x n`) of one matrix.
fn general_eig<T: LinalgReal>(
    src: &[T],
    n: usize,
    vectors: bool,
) -> (Vec<Complex<T>>, Vec<Complex<T>>) {
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut h = src.to_vec();
    let mut v = vec![zero::<T>(); n * n];
    let (mut d, mut e) = (vec![zero::<T>(); n], vec![zero::<T>(); n]);
    orthes(&mut h, &mut v, n);
    hqr2(&mut h, &mut v, n, &mut d, &mut e);
    let vals: Vec<Complex<T>> = d
        .iter()
        .zip(&e)
        .map(|(&re, &im)| Complex::new(re, im))
        .collect();
    if !vectors {
        return (vals, Vec::new());
    }
    let mut out = vec![Complex::new(zero::<T>(), zero::<T>()); n * n];
    let mut j = 0;
    while j < n {
        let pair = e[j] > zero::<T>() && j + 1 < n;
        let col: Vec<Complex<T>> = (0..n)
            .map(|i| {
                let im = if pair { v[i * n + j + 1] } else { zero::<T>() };
                Complex::new(v[i * n + j], im)
            })
            .collect();
        // LAPACK ?geev: unit 2-norm, and (complex vectors) the largest component real.
        let nrm = col.iter().fold(zero::<T>(), |s, c| s + c.norm_sqr()).sqrt();
        let mut col: Vec<Complex<T>> = col.into_iter().map(|c| c / nrm).collect();
        if pair {
            let k = (0..n)
                .max_by(|&a, &b| {
                    col[a]
                        .norm_sqr()
                        .partial_cmp(&col[b].norm_sqr())
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .unwrap_or(0);
            let m = col[k].norm();
            if m > zero::<T>() {
                let phase = col[k].conj() / m;
                for c in &mut col {
                    *c = *c * phase;
                }
                col[k].im = zero::<T>();
            }
        }
        for i in 0..n {
            out[i * n + j] = col[i];
            if pair {
                out[i * n + j + 1] = col[i].conj();
            }
        }
        j += if pair { 2 } else { 1 };
    }
    (vals, out)
}

/// `eig`'s `(eigenvalues, eigenvectors)`, both complex.
pub type EigResult<T> = (NdArray<Complex<T>>, NdArray<Complex<T>>);

/// Eigenvalues and right eigenvectors (columns) of a (stack of) general real square matrices.
///
/// NumPy: `np.linalg.eig(a)` -> `(w, v)` with `a @ v[:, i] = w[i] * v[:, i]`. Results are
/// always complex here (NumPy returns a real dtype when every imaginary part is zero);
/// conjugate pairs are adjacent, positive imaginary part first, as LAPACK's. The order of
/// the eigenvalues follows the Schur form and may differ from NumPy's.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::eig;
/// // A rotation by 90 degrees: eigenvalues +-i.
/// let a = NdArray::from_shape_vec(&[2, 2], vec![0.0f64, -1.0, 1.0, 0.0]).unwrap();
/// let (w, v) = eig(&a).unwrap();
/// let w = w.to_vec();
/// assert!(w[0].re.abs() < 1e-15 && (w[0].im.abs() - 1.0).abs() < 1e-15);
/// assert_eq!(w[1], w[0].conj());
/// assert_eq!(v.shape(), &[2, 2]);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn eig<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<EigResult<T>>
where
    Complex<T>: Element,
{
    let sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let (mut ws, mut vs) = (Vec::new(), Vec::new());
    for i in 0..count {
        let (w, v) = general_eig(&sa.data[i * n * n..(i + 1) * n * n], n, true);
        ws.extend(w);
        vs.extend(v);
    }
    Ok((
        NdArray::from_shape_vec(&with_tail(&sa.batch, &[n]), ws)?,
        NdArray::from_shape_vec(&with_tail(&sa.batch, &[n, n]), vs)?,
    ))
}

/// Eigenvalues of a (stack of) general real square matrices (complex, pairs adjacent).
///
/// NumPy: `np.linalg.eigvals(a)`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::eigvals;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![2.0f64, 1.0, 0.0, 3.0]).unwrap();
/// let mut w: Vec<f64> = eigvals(&a).unwrap().to_vec().iter().map(|c| c.re).collect();
/// w.sort_by(f64::total_cmp);
/// assert_eq!(w, vec![2.0, 3.0]);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn eigvals<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<Complex<T>>>
where
    Complex<T>: Element,
{
    let sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let mut ws = Vec::new();
    for i in 0..count {
        ws.extend(general_eig(&sa.data[i * n * n..(i + 1) * n * n], n, false).0);
    }
    Ok(NdArray::from_shape_vec(&with_tail(&sa.batch, &[n]), ws)?)
}
