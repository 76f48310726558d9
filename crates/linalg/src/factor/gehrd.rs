//! Reduction of a general square matrix to upper Hessenberg form, `Q^T A Q = H` (LAPACK
//! `?gehrd` + `?orghr`, EISPACK `orthes`), for `eig`.
//!
//! Matrices are column-major here (an `n x n` [`NdArray`] whose row `j` is column `j`, i.e.
//! `A^T` row-major), so every column a reflector touches is contiguous. Step `m` builds the
//! reflector `I - u u^T / hh` that zeroes `H[m+1.., m-1]` (EISPACK's scaling and signs), then
//! applies it through the crate's GEMM: from the left `w = u^T H[m.., m..]` (a matrix-vector
//! product) and the rank-one `H[m.., m..] -= u w / hh`; from the right `f = H[:, m..] u` and
//! `H[:, m..] -= f u^T / hh`. Unblocked (level 2), but every pass is SIMD and unit-stride;
//! LAPACK's `?lahr2` panels would move about half of the flops into GEMMs proper.
//! The reflectors stay below the subdiagonal (as `orthes` leaves them) until [`orghr`]
//! has formed `Q` (blocked, compact WY); [`clear_below_subdiagonal`] then zeroes them.

use super::reflector::{apply_block, block_mut, larft};
use super::{LinalgReal, gemm_block, one, zero};
use crate::gemm::{MatMut, MatRef, gemm_mat};
use numerust_core::NdArray;

/// Reduces the column-major `h` (`n x n`, see the module doc) to upper Hessenberg form in
/// place and returns `ort`: `ort[m]` is the first component of step `m`'s reflector, whose
/// other components stay in `H[m+1.., m-1]`.
pub(crate) fn gehrd<T: LinalgReal>(h: &mut NdArray<T>) -> Vec<T> {
    let n = h.shape()[0];
    let mut ort = vec![zero::<T>(); n];
    for m in 1..n.saturating_sub(1) {
        let mm = n - m;
        let (mut u, scale) = {
            let s = h.as_slice().expect("contiguous");
            let col = &s[(m - 1) * n + m..m * n];
            let scale = col.iter().fold(zero::<T>(), |acc, x| acc + x.abs());
            (col.iter().map(|&x| x / scale).collect::<Vec<T>>(), scale)
        };
        if scale == zero::<T>() {
            continue;
        }
        let mut hh = u.iter().fold(zero::<T>(), |acc, &x| acc + x * x);
        let mut g = hh.sqrt();
        if u[0] > zero::<T>() {
            g = -g;
        }
        hh = hh - u[0] * g;
        u[0] = u[0] - g;
        let inv = one::<T>() / hh;
        // From the left: w = u^T H[m.., m..] / hh, then H[m.., m..] -= u w.
        let mut w = vec![zero::<T>(); mm];
        {
            let hm = MatRef::from_slice(h.as_slice().expect("contiguous"), n, n).t();
            gemm_mat(
                inv,
                MatRef::from_slice(&u, 1, mm),
                hm.submatrix(m, m, mm, mm),
                zero::<T>(),
                MatMut::from_slice(&mut w, 1, mm),
            );
        }
        // The stored block is H^T: H^T[m.., m..] -= w^T u^T.
        gemm_block(
            h,
            (m, m),
            -one::<T>(),
            MatRef::from_slice(&w, mm, 1),
            MatRef::from_slice(&u, 1, mm),
            one::<T>(),
        );
        // From the right: f = H[:, m..] u / hh, then H[:, m..] -= f u^T.
        let mut f = vec![zero::<T>(); n];
        {
            let hm = MatRef::from_slice(h.as_slice().expect("contiguous"), n, n).t();
            gemm_mat(
                inv,
                hm.submatrix(0, m, n, mm),
                MatRef::from_slice(&u, mm, 1),
                zero::<T>(),
                MatMut::from_slice(&mut f, n, 1),
            );
        }
        // H^T[m.., :] -= u f^T.
        gemm_block(
            h,
            (m, 0),
            -one::<T>(),
            MatRef::from_slice(&u, mm, 1),
            MatRef::from_slice(&f, 1, n),
            one::<T>(),
        );
        ort[m] = scale * u[0];
        h.as_slice_mut().expect("contiguous")[(m - 1) * n + m] = scale * g;
    }
    ort
}

/// Reflectors per panel of [`orghr`].
const PANEL: usize = 32;

/// `Q` (column-major, as `h`) from the reflectors [`gehrd`] left in `h` and `ort`:
/// `Q = H_1 H_2 ... H_{n-2}`, `H_m = I - tau_m u_m u_m^T` with `u_m = (ort[m], H[m+1.., m-1])`
/// and `tau_m = -1 / (ort[m] H[m, m-1])` (`orthes`' scaling). Blocked as LAPACK `?orghr`:
/// panels of 32 reflectors, last first, each gathered into `I - V T V^T` (`?larft`) and
/// applied to the trailing block of `Q` by three GEMMs.
pub(crate) fn orghr<T: LinalgReal>(h: &NdArray<T>, ort: &[T]) -> NdArray<T> {
    let n = h.shape()[0];
    let mut q = numerust_core::zeros::<T>(&[n, n]).expect("n*n elements");
    {
        let s = q.as_slice_mut().expect("contiguous");
        for i in 0..n {
            s[i * n + i] = one::<T>();
        }
    }
    let hs = h.as_slice().expect("contiguous");
    let last = n.saturating_sub(1); // reflectors m = 1..last
    let starts: Vec<usize> = (1..last).step_by(PANEL).collect();
    for &p0 in starts.iter().rev() {
        let p1 = (p0 + PANEL).min(last);
        let (jb, mm) = (p1 - p0, n - p0);
        // V (mm x jb, row-major): reflector m in column m - p0, rows m - p0...
        let mut v = vec![zero::<T>(); mm * jb];
        let mut tau = vec![zero::<T>(); jb];
        for (c, m) in (p0..p1).enumerate() {
            let sub = hs[(m - 1) * n + m];
            if sub == zero::<T>() {
                continue; // a skipped step: H_m = I
            }
            tau[c] = -(one::<T>() / ort[m]) / sub;
            v[(m - p0) * jb + c] = ort[m];
            for i in m + 1..n {
                v[(i - p0) * jb + c] = hs[(m - 1) * n + i];
            }
        }
        let t = larft(&v, mm, jb, &tau);
        // Q[p0.., p0..] -= V (T (V^T Q[p0.., p0..])); the stored block is Q^T.
        let mut c = block_mut(&mut q, (p0, p0), (mm, mm));
        apply_block(
            &v,
            jb,
            &t,
            false,
            MatMut::from_view(&mut c).expect("2-D").t(),
        );
    }
    q
}

/// Zeroes the column-major `h` below its subdiagonal (where [`gehrd`] kept the reflectors).
pub(crate) fn clear_below_subdiagonal<T: LinalgReal>(h: &mut NdArray<T>) {
    let n = h.shape()[0];
    let s = h.as_slice_mut().expect("contiguous");
    for j in 0..n {
        for x in s[j * n..(j + 1) * n].iter_mut().skip(j + 2) {
            *x = zero::<T>();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A seeded, reproducible matrix with entries in [-1, 1).
    fn sample(n: usize, seed: u64) -> Vec<f64> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n * n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect()
    }

    /// `Q^T Q = I`, `Q^T A Q = H` (upper Hessenberg) within `c n eps ||A||`, for sizes around
    /// the edge cases (0, 1, 2), panel edges (33..=35) and 70; one skipped step.
    #[test]
    fn hessenberg_residuals() {
        for n in [0usize, 1, 2, 3, 4, 7, 16, 33, 34, 35, 70] {
            let mut a = sample(n, n as u64 + 1);
            if n > 4 {
                // Column 0 below the diagonal (column-major): step 1 has nothing to do.
                a[1..n].fill(0.0);
            }
            let mut h = NdArray::from_shape_vec(&[n, n], a.clone()).unwrap();
            let ort = gehrd(&mut h);
            let q = orghr(&h, &ort);
            clear_below_subdiagonal(&mut h);
            let (hs, qs) = (h.as_slice().unwrap(), q.as_slice().unwrap());
            let at = |s: &[f64], i: usize, j: usize| s[j * n + i];
            let tol = 16.0 * n as f64 * f64::EPSILON * a.iter().fold(1.0f64, |m, x| m.max(x.abs()));
            for i in 0..n {
                for j in 0..n {
                    let qtq: f64 = (0..n).map(|k| at(qs, k, i) * at(qs, k, j)).sum();
                    let id = if i == j { 1.0 } else { 0.0 };
                    assert!(
                        (qtq - id).abs() <= 16.0 * n as f64 * f64::EPSILON,
                        "Q^T Q, n={n}"
                    );
                    if i > j + 1 {
                        assert_eq!(at(hs, i, j), 0.0);
                    }
                    // (Q^T A Q)[i, j] vs H[i, j].
                    let mut x = 0.0;
                    for k in 0..n {
                        let aq: f64 = (0..n).map(|l| at(&a, k, l) * at(qs, l, j)).sum();
                        x += at(qs, k, i) * aq;
                    }
                    assert!(
                        (x - at(hs, i, j)).abs() <= tol,
                        "Q^T A Q - H, n={n} ({i},{j})"
                    );
                }
            }
        }
    }
}
