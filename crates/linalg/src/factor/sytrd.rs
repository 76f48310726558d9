//! Blocked Householder tridiagonalisation of a symmetric matrix and the back-transformation
//! of eigenvectors (LAPACK `?sytrd`/`?latrd` with `UPLO='L'`, and `?ormtr`).
//!
//! The matrix is held column-major (column `j` contiguous, lower triangle meaningful).
//! Panels of [`NB_TRD`] columns are reduced one column at a time (`?latrd`): each column
//! needs one symmetric matrix-vector product with the not-yet-updated trailing matrix
//! (level 2, [`symv_body`]) plus small corrections for the panel's earlier reflectors
//! (`W`); then the trailing lower triangle gets `A -= V W^T + W V^T` by GEMMs on column
//! blocks (`?syr2k`). Half of the `4/3 n^3` flops land in GEMM.
//!
//! `Q = H_0 H_1 ... H_{n-2}` is never formed: [`super::ormtr`] applies it blockwise.
//!
//! This module does no unsafe, no allocation per column beyond small scratch, and never
//! reads the strict upper triangle.

use super::reflector::householder;
use super::{LinalgReal, gemm_block, one, scratch, zero};
use crate::gemm::MatRef;
use numerust_core::NdArray;

/// Columns per `?latrd` panel.
pub(crate) const NB_TRD: usize = 32;
/// Column-block width of the blocked `?syr2k` trailing update.
const SYR2K_BLOCK: usize = 96;

/// A symmetric tridiagonal matrix with its Householder reflectors: `A = Q T Q^T`.
pub(crate) struct Tridiagonal<T> {
    /// Diagonal of `T` (`n`).
    pub d: Vec<T>,
    /// Subdiagonal of `T` (`n - 1`; `e[i]` couples `i` and `i + 1`).
    pub e: Vec<T>,
    /// The reflector scalars (`n - 1`).
    pub tau: Vec<T>,
    /// `A` after the reduction, column-major: reflector `i` is `(0, .., 0, 1, a[i+2.., i])`.
    pub a: NdArray<T>,
}

/// Whether the level-2 loops run their AVX2 + FMA build ([`numerust_kernels::simd::level`]).
fn use_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        use numerust_kernels::simd::{Level, level};
        level() >= Level::Avx2
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// `y = A x` for the symmetric `m x m` matrix whose lower triangle is column-major in `a`
/// (element `(r, c)` at `a[c * ld + r]`, `r >= c`), at the dispatched level.
#[cfg(test)]
fn symv_lower<T: LinalgReal>(a: &[T], ld: usize, m: usize, x: &[T], y: &mut [T]) {
    #[cfg(target_arch = "x86_64")]
    if use_avx2() {
        // SAFETY: `use_avx2()` holds only when the CPU has AVX2 and FMA (`simd::level`),
        // all that `symv_avx2` requires; its body is safe code.
        return unsafe { symv_avx2(a, ld, m, x, y) };
    }
    symv_body::<T, false>(a, ld, m, x, y)
}

/// [`symv_body`] compiled for AVX2 + FMA, so its loops vectorise to 256-bit lanes and fuse.
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(all(test, target_arch = "x86_64"))]
#[target_feature(enable = "avx2,fma")]
unsafe fn symv_avx2<T: LinalgReal>(a: &[T], ld: usize, m: usize, x: &[T], y: &mut [T]) {
    symv_body::<T, true>(a, ld, m, x, y)
}

/// `acc + p * q`, fused when `FMA`.
#[inline(always)]
fn madd<T: LinalgReal, const FMA: bool>(p: T, q: T, acc: T) -> T {
    if FMA { p.mul_add(q, acc) } else { p * q + acc }
}

/// Lanes of the partial dot products in [`symv_body`] (a multiple of every vector width).
const LANES: usize = 8;

/// `y = A x` for the symmetric `m x m` matrix whose lower triangle is column-major in `a`
/// (element `(r, c)` at `a[c * ld + r]`, `r >= c`); `FMA` fuses the multiply-adds.
///
/// Four columns at a time: each row below the 4 x 4 diagonal block loads `y[r]` and `x[r]`
/// once for eight multiply-adds (four into `y[r]`, four into the columns' dot products).
#[inline(always)]
fn symv_body<T: LinalgReal, const FMA: bool>(a: &[T], ld: usize, m: usize, x: &[T], y: &mut [T]) {
    let y = &mut y[..m];
    let x = &x[..m];
    y.fill(zero::<T>());
    let mut j = 0;
    while j + 4 <= m {
        let c: [&[T]; 4] = std::array::from_fn(|q| &a[(j + q) * ld + j..(j + q) * ld + m]);
        let xj: [T; 4] = std::array::from_fn(|q| x[j + q]);
        // The 4 x 4 diagonal block (lower part), scalar.
        let mut dots = [zero::<T>(); 4];
        for q in 0..4 {
            y[j + q] = madd::<T, FMA>(c[q][q], xj[q], y[j + q]);
            for r in q + 1..4 {
                y[j + r] = madd::<T, FMA>(c[q][r], xj[q], y[j + r]);
                dots[q] = madd::<T, FMA>(c[q][r], x[j + r], dots[q]);
            }
        }
        // Rows j+4..m: lane-split dot products so they vectorise without reassociation.
        let len = m - j - 4;
        let (c0, c1, c2, c3) = (&c[0][4..], &c[1][4..], &c[2][4..], &c[3][4..]);
        let (xr, yr) = (&x[j + 4..], &mut y[j + 4..]);
        let (mut acc0, mut acc1, mut acc2, mut acc3) = (
            [zero::<T>(); LANES],
            [zero::<T>(); LANES],
            [zero::<T>(); LANES],
            [zero::<T>(); LANES],
        );
        let whole = len - len % LANES;
        // Row blocks small enough that the second loop reads the columns from L1.
        let mut b0 = 0;
        while b0 < whole {
            let b1 = (b0 + 32 * LANES).min(whole);
            for r in b0..b1 {
                let mut yi = yr[r];
                yi = madd::<T, FMA>(c0[r], xj[0], yi);
                yi = madd::<T, FMA>(c1[r], xj[1], yi);
                yi = madd::<T, FMA>(c2[r], xj[2], yi);
                yi = madd::<T, FMA>(c3[r], xj[3], yi);
                yr[r] = yi;
            }
            lane_dots::<T, FMA>(&c0[b0..b1], &xr[b0..b1], &mut acc0);
            lane_dots::<T, FMA>(&c1[b0..b1], &xr[b0..b1], &mut acc1);
            lane_dots::<T, FMA>(&c2[b0..b1], &xr[b0..b1], &mut acc2);
            lane_dots::<T, FMA>(&c3[b0..b1], &xr[b0..b1], &mut acc3);
            b0 = b1;
        }
        let mut acc = [acc0, acc1, acc2, acc3];
        for i in whole..len {
            let xi = xr[i];
            let cs = [c0[i], c1[i], c2[i], c3[i]];
            for q in 0..4 {
                yr[i] = madd::<T, FMA>(cs[q], xj[q], yr[i]);
                acc[q][0] = madd::<T, FMA>(cs[q], xi, acc[q][0]);
            }
        }
        for q in 0..4 {
            let s = acc[q].iter().fold(zero::<T>(), |s, &v| s + v);
            y[j + q] = y[j + q] + dots[q] + s;
        }
        j += 4;
    }
    // The last (< 4) columns, one at a time.
    while j < m {
        let col = &a[j * ld + j..j * ld + m];
        let xj = x[j];
        y[j] = madd::<T, FMA>(col[0], xj, y[j]);
        let mut s = zero::<T>();
        for (r, &v) in col.iter().enumerate().skip(1) {
            y[j + r] = madd::<T, FMA>(v, xj, y[j + r]);
            s = madd::<T, FMA>(v, x[j + r], s);
        }
        y[j] = y[j] + s;
        j += 1;
    }
}

/// `acc[l] += sum_r a[r] b[r]` over `r = l (mod LANES)`; lengths a multiple of [`LANES`].
#[inline(always)]
fn lane_dots<T: LinalgReal, const FMA: bool>(a: &[T], b: &[T], acc: &mut [T; LANES]) {
    for (ca, cb) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for l in 0..LANES {
            acc[l] = madd::<T, FMA>(ca[l], cb[l], acc[l]);
        }
    }
}

/// `sum_i a[i] b[i]` in [`LANES`] interleaved partial sums (so it vectorises).
#[inline(always)]
fn dot<T: LinalgReal, const FMA: bool>(a: &[T], b: &[T]) -> T {
    let len = a.len().min(b.len());
    let whole = len - len % LANES;
    let mut acc = [zero::<T>(); LANES];
    for (ca, cb) in a[..whole]
        .chunks_exact(LANES)
        .zip(b[..whole].chunks_exact(LANES))
    {
        for l in 0..LANES {
            acc[l] = madd::<T, FMA>(ca[l], cb[l], acc[l]);
        }
    }
    for i in whole..len {
        acc[0] = madd::<T, FMA>(a[i], b[i], acc[0]);
    }
    acc.iter().fold(zero::<T>(), |s, &v| s + v)
}

/// `y += alpha x`.
#[inline(always)]
fn axpy<T: LinalgReal, const FMA: bool>(alpha: T, x: &[T], y: &mut [T]) {
    for (yi, &xi) in y.iter_mut().zip(x) {
        *yi = madd::<T, FMA>(alpha, xi, *yi);
    }
}

/// Reduces the symmetric `n x n` matrix whose lower triangle is in the row-major `src`
/// (NumPy's `UPLO='L'`; the strict upper triangle is never read) to tridiagonal form.
pub(crate) fn sytrd<T: LinalgReal>(src: &[T], n: usize) -> Tridiagonal<T> {
    // Column-major copy of the lower triangle: A(i, j) (i >= j) at s[j * n + i] = src[i * n + j].
    let mut a = scratch(n, n, |buf: &mut [T]| {
        for j in 0..n {
            buf[j * n..j * n + j].fill(zero::<T>());
            for i in j..n {
                buf[j * n + i] = src[i * n + j];
            }
        }
    });
    let (mut d, mut e, mut tau) = (
        vec![zero::<T>(); n],
        vec![zero::<T>(); n.saturating_sub(1)],
        vec![zero::<T>(); n.saturating_sub(1)],
    );
    let mut k = 0;
    while k < n {
        let nt = n - k;
        let jb = NB_TRD.min(nt);
        // W: nt x jb column-major, W(r, p) at w[p * nt + r] (local rows from k).
        let mut w = vec![zero::<T>(); nt * jb];
        {
            let s = a.as_slice_mut().expect("contiguous");
            latrd(s, n, k, jb, &mut w, &mut d, &mut e, &mut tau);
        }
        if nt > jb {
            syr2k_trailing(&mut a, n, k, jb, &w);
        }
        k += jb;
    }
    Tridiagonal { d, e, tau, a }
}

/// `?latrd` (lower): reduces columns `k..k+jb` of the column-major `s`, filling `W` so that
/// the trailing matrix is `A - V W^T - W V^T`. Leaves the unit of each reflector in `s`.
#[allow(clippy::too_many_arguments)]
fn latrd<T: LinalgReal>(
    s: &mut [T],
    n: usize,
    k: usize,
    jb: usize,
    w: &mut [T],
    d: &mut [T],
    e: &mut [T],
    tau: &mut [T],
) {
    #[cfg(target_arch = "x86_64")]
    {
        use numerust_kernels::simd::{Level, level};
        if level() >= Level::Avx512 && std::arch::is_x86_feature_detected!("avx512vl") {
            // SAFETY: `level()` is Avx512 only when the CPU has AVX-512F, AVX2 and FMA, and
            // AVX-512VL was just detected: all that `latrd_avx512` requires; its body is
            // safe code.
            return unsafe { latrd_avx512(s, n, k, jb, w, d, e, tau) };
        }
        if use_avx2() {
            // SAFETY: `use_avx2()` holds only when the CPU has AVX2 and FMA (`simd::level`),
            // all that `latrd_avx2` requires; its body is safe code.
            return unsafe { latrd_avx2(s, n, k, jb, w, d, e, tau) };
        }
    }
    latrd_body::<T, false>(s, n, k, jb, w, d, e, tau)
}

/// [`latrd_body`] compiled for AVX-512: 32 vector registers hold the symv's accumulators
/// without spilling.
///
/// # Safety
/// The CPU has AVX-512 F and VL, AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl,avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn latrd_avx512<T: LinalgReal>(
    s: &mut [T],
    n: usize,
    k: usize,
    jb: usize,
    w: &mut [T],
    d: &mut [T],
    e: &mut [T],
    tau: &mut [T],
) {
    latrd_body::<T, true>(s, n, k, jb, w, d, e, tau)
}

/// [`latrd_body`] compiled for AVX2 + FMA, so its loops vectorise to 256-bit lanes and fuse.
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn latrd_avx2<T: LinalgReal>(
    s: &mut [T],
    n: usize,
    k: usize,
    jb: usize,
    w: &mut [T],
    d: &mut [T],
    e: &mut [T],
    tau: &mut [T],
) {
    latrd_body::<T, true>(s, n, k, jb, w, d, e, tau)
}

/// The portable body of [`latrd`]; `FMA` fuses the multiply-adds.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn latrd_body<T: LinalgReal, const FMA: bool>(
    s: &mut [T],
    n: usize,
    k: usize,
    jb: usize,
    w: &mut [T],
    d: &mut [T],
    e: &mut [T],
    tau: &mut [T],
) {
    let nt = n - k;
    let mut tmp = vec![zero::<T>(); jb];
    for i in 0..jb {
        let gi = k + i;
        let (left, rest) = s.split_at_mut(gi * n);
        let (col, trailing) = rest.split_at_mut(n);
        // Column gi, rows gi..n, minus the earlier reflectors' rank-2 terms.
        for p in 0..i {
            let ap = &left[(k + p) * n..(k + p + 1) * n];
            let wp = &w[p * nt..(p + 1) * nt];
            let (wip, aip) = (w[p * nt + i], ap[gi]);
            let c = &mut col[gi..];
            for ((ci, &av), &wv) in c.iter_mut().zip(&ap[gi..]).zip(&wp[i..]) {
                *ci = madd::<T, FMA>(-wv, aip, madd::<T, FMA>(-av, wip, *ci));
            }
        }
        d[gi] = col[gi];
        if gi + 1 >= n {
            continue;
        }
        let m = n - gi - 1;
        let t = householder(&mut col[gi + 1..]);
        e[gi] = col[gi + 1];
        col[gi + 1] = one::<T>();
        tau[gi] = t;
        let v = &col[gi + 1..];
        let (wprev, wcur) = w.split_at_mut(i * nt);
        let wc = &mut wcur[i + 1..nt];
        // W(:, i) = A22 v with the original trailing matrix (columns gi+1.. of `s`).
        symv_body::<T, FMA>(&trailing[gi + 1..], n, m, v, wc);
        if i > 0 {
            for (p, tp) in tmp[..i].iter_mut().enumerate() {
                *tp = dot::<T, FMA>(&wprev[p * nt + i + 1..(p + 1) * nt], v);
            }
            for (p, &tp) in tmp[..i].iter().enumerate() {
                axpy::<T, FMA>(-tp, &left[(k + p) * n + gi + 1..(k + p + 1) * n], wc);
            }
            for (p, tp) in tmp[..i].iter_mut().enumerate() {
                *tp = dot::<T, FMA>(&left[(k + p) * n + gi + 1..(k + p + 1) * n], v);
            }
            for (p, &tp) in tmp[..i].iter().enumerate() {
                axpy::<T, FMA>(-tp, &wprev[p * nt + i + 1..(p + 1) * nt], wc);
            }
        }
        for x in wc.iter_mut() {
            *x = *x * t;
        }
        let half = one::<T>() / (one::<T>() + one::<T>());
        let alpha = -half * t * dot::<T, FMA>(wc, v);
        axpy::<T, FMA>(alpha, v, wc);
    }
}

/// `A[k+jb.., k+jb..] -= V W^T + W V^T` on the lower triangle, by column blocks: each block
/// of columns `c0..c1` gets rows `c0..n` in one GEMM with inner dimension `2 jb`.
fn syr2k_trailing<T: LinalgReal>(a: &mut NdArray<T>, n: usize, k: usize, jb: usize, w: &[T]) {
    let nt = n - k;
    let r0 = k + jb;
    let m = n - r0;
    // X = [V | W], Y = [W | V], row-major m x 2jb over the trailing rows.
    let mut x = vec![zero::<T>(); m * 2 * jb];
    let mut y = vec![zero::<T>(); m * 2 * jb];
    {
        let s = a.as_slice().expect("contiguous");
        for p in 0..jb {
            let vcol = &s[(k + p) * n + r0..(k + p + 1) * n];
            let wcol = &w[p * nt + jb..(p + 1) * nt];
            for r in 0..m {
                x[r * 2 * jb + p] = vcol[r];
                x[r * 2 * jb + jb + p] = wcol[r];
                y[r * 2 * jb + p] = wcol[r];
                y[r * 2 * jb + jb + p] = vcol[r];
            }
        }
    }
    let xm = MatRef::from_slice(&x, m, 2 * jb);
    let ym = MatRef::from_slice(&y, m, 2 * jb);
    // Storage row c of `a` is column c of A: A[c0..n, c0..c1] -= (X Y^T)[..] becomes
    // a[c0..c1, c0..n] -= Y[c0..c1] X[c0..n]^T.
    let mut c0 = 0;
    while c0 < m {
        let cb = SYR2K_BLOCK.min(m - c0);
        gemm_block(
            a,
            (r0 + c0, r0 + c0),
            -one::<T>(),
            ym.submatrix(c0, 0, cb, 2 * jb),
            xm.submatrix(c0, 0, m - c0, 2 * jb).t(),
            one::<T>(),
        );
        c0 += cb;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factor::ormtr::apply_q;

    fn sym(n: usize, seed: u64) -> Vec<f64> {
        let mut st = seed;
        let mut next = || {
            st = st
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((st >> 11) as f64) / ((1u64 << 53) as f64) - 0.5
        };
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..=i {
                let v = next();
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        a
    }

    /// `Q T Q^T` rebuilds `A` for sizes around the panel and block edges.
    #[test]
    fn reduction_rebuilds_a() {
        for n in [0, 1, 2, 3, 31, 32, 33, 65, 97, 130] {
            let a = sym(n, n as u64 + 1);
            let tri = sytrd(&a, n);
            // Y = Q T (row-major), then Y Q^T = (Q (Y^T))^T.
            let mut t = vec![0.0; n * n];
            for i in 0..n {
                t[i * n + i] = tri.d[i];
                if i + 1 < n {
                    t[i * n + i + 1] = tri.e[i];
                    t[(i + 1) * n + i] = tri.e[i];
                }
            }
            let mut y = t;
            apply_q(&tri, &mut y, n);
            let mut back: Vec<f64> = (0..n * n).map(|p| y[(p % n) * n + p / n]).collect();
            apply_q(&tri, &mut back, n);
            let tol = 64.0 * (n.max(1) as f64) * f64::EPSILON;
            for p in 0..n * n {
                assert!((back[p] - a[p]).abs() <= tol, "n={n} at {p}");
            }
        }
    }

    /// The AVX2 symv agrees with the portable one.
    #[test]
    fn symv_levels_agree() {
        for m in [0, 1, 3, 4, 5, 9, 17, 40] {
            let a = sym(m + 3, 7);
            let ld = m + 3;
            let x: Vec<f64> = (0..m).map(|i| (i as f64).sin()).collect();
            let mut want = vec![0.0; m];
            for r in 0..m {
                for c in 0..m {
                    want[r] += a[r.max(c) + r.min(c) * ld] * x[c];
                }
            }
            let mut got = vec![0.0; m];
            symv_body::<f64, false>(&a, ld, m, &x, &mut got);
            let mut fast = vec![0.0; m];
            symv_lower(&a, ld, m, &x, &mut fast);
            for r in 0..m {
                assert!((got[r] - want[r]).abs() < 1e-12, "m={m}");
                assert!((fast[r] - want[r]).abs() < 1e-12, "m={m}");
            }
        }
    }
}
