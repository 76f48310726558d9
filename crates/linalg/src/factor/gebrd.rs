//! Householder bidiagonalisation (LAPACK `?gebrd`/`?labrd`): the first half of
//! [`svd`](super::svd()).
//!
//! `A = Q B P^T` for a row-major `m x n` matrix with `m >= n`: `B` upper bidiagonal (`d` on the
//! diagonal, `e` above it), `Q = H_0 ... H_{n-1}` (reflectors on columns, stored below the
//! diagonal), `P = G_0 ... G_{n-2}` (reflectors on rows, stored right of the superdiagonal).
//! Blocked as `?labrd`: a panel of [`NB_BRD`] columns and rows is reduced while the rest of the
//! matrix stays untouched, its effect gathered into `X` and `Y`, then the trailing matrix gets
//! `A -= V Y^T + X U^T` through two GEMMs. The panel's matrix-vector products with the trailing
//! matrix are the level-2 half of the flops (as in LAPACK); they run at the dispatched SIMD
//! level with the same bits at every level, split over rayon's threads by fixed chunks. The
//! reflectors are gathered into compact-WY blocks for [`orgbr`](super::orgbr). This module
//! must not know about singular values: it only reduces.

use super::orgbr::{Reflectors, blocks};
use super::reflector::householder;
use super::{LinalgReal, gemm_block, one, zero};
use crate::gemm::MatRef;
use numerust_core::NdArray;
use rayon::prelude::*;

/// Panel width of the blocked reduction (LAPACK's `?gebrd` default is 32).
pub(crate) const NB_BRD: usize = 32;

/// The bidiagonal form of one matrix: `d` (`n`), `e` (`n - 1`), and the reflector blocks of
/// `Q` (`q`) and `P` (`p`).
pub(crate) struct Bidiagonal<T> {
    pub d: Vec<T>,
    pub e: Vec<T>,
    pub(crate) q: Vec<Reflectors<T>>,
    pub(crate) p: Vec<Reflectors<T>>,
}

/// Dot product of two equal-length slices: 16 partial sums, then 4 for the tail below 16,
/// in a fixed order (so it vectorises, and the bits do not depend on the SIMD level), no
/// fused multiply-add.
#[inline(always)]
pub(crate) fn dot<T: LinalgReal>(x: &[T], y: &[T]) -> T {
    const L: usize = 16;
    let mut acc = [zero::<T>(); L];
    let (xc, yc) = (x.chunks_exact(L), y.chunks_exact(L));
    let (xr, yr) = (xc.remainder(), yc.remainder());
    for (a, b) in xc.zip(yc) {
        for l in 0..L {
            acc[l] = acc[l] + a[l] * b[l];
        }
    }
    let (x4, y4) = (xr.chunks_exact(4), yr.chunks_exact(4));
    let (xr, yr) = (x4.remainder(), y4.remainder());
    let mut acc4 = [zero::<T>(); 4];
    for (a, b) in x4.zip(y4) {
        for l in 0..4 {
            acc4[l] = acc4[l] + a[l] * b[l];
        }
    }
    let mut w = L;
    while w > 1 {
        w /= 2;
        for l in 0..w {
            acc[l] = acc[l] + acc[l + w];
        }
    }
    let mut s = acc[0] + ((acc4[0] + acc4[2]) + (acc4[1] + acc4[3]));
    for (&a, &b) in xr.iter().zip(yr) {
        s = s + a * b;
    }
    s
}

/// `y += alpha * x`.
#[inline(always)]
pub(crate) fn axpy<T: LinalgReal>(alpha: T, x: &[T], y: &mut [T]) {
    for (yv, &xv) in y.iter_mut().zip(x) {
        *yv = *yv + alpha * xv;
    }
}

/// Reduces the row-major `m x n` matrix `a` (`m >= n`) to upper bidiagonal form in place.
pub(crate) fn gebrd<T: LinalgReal>(a: &mut NdArray<T>) -> Bidiagonal<T> {
    let (m, n) = (a.shape()[0], a.shape()[1]);
    debug_assert!(m >= n);
    let mut d = vec![zero::<T>(); n];
    let mut e = vec![zero::<T>(); n.saturating_sub(1)];
    let mut tauq = vec![zero::<T>(); n];
    let mut taup = vec![zero::<T>(); n];
    let mut i0 = 0;
    while i0 < n {
        let nb = NB_BRD.min(n - i0);
        let (mm, nn) = (m - i0, n - i0);
        let mut x = vec![zero::<T>(); mm * nb];
        let mut y = vec![zero::<T>(); nn * nb];
        {
            let s = a.as_slice_mut().expect("contiguous");
            let e0 = i0.min(e.len());
            labrd(
                &mut s[i0 * n..],
                n,
                i0,
                (mm, nn, nb),
                (&mut x, &mut y),
                (&mut d[i0..], &mut e[e0..]),
                (&mut tauq[i0..], &mut taup[i0..]),
            );
        }
        if nb < nn {
            // A[nb.., nb..] -= V Y^T + X U^T (panel-local indices).
            let (rows, cols) = (mm - nb, nn - nb);
            let s = a.as_slice().expect("contiguous");
            let mut v = Vec::with_capacity(rows * nb);
            for r in nb..mm {
                let at = (i0 + r) * n + i0;
                v.extend_from_slice(&s[at..at + nb]);
            }
            let mut u = Vec::with_capacity(nb * cols);
            for r in 0..nb {
                let at = (i0 + r) * n + i0 + nb;
                u.extend_from_slice(&s[at..at + cols]);
            }
            let corner = (i0 + nb, i0 + nb);
            gemm_block(
                a,
                corner,
                -one::<T>(),
                MatRef::from_slice(&v, rows, nb),
                MatRef::from_slice(&y[nb * nb..], cols, nb).t(),
                one::<T>(),
            );
            gemm_block(
                a,
                corner,
                -one::<T>(),
                MatRef::from_slice(&x[nb * nb..], rows, nb),
                MatRef::from_slice(&u, nb, cols),
                one::<T>(),
            );
        }
        i0 += nb;
    }
    let s = a.as_slice().expect("contiguous");
    let q = blocks(n, m, |j, r| s[r * n + j], &tauq);
    // Row reflector j acts on columns j+1..n: element r of its vector is a[j, r + 1].
    let p = if n > 1 {
        let mut p = blocks(n - 1, n - 1, |j, r| s[j * n + r + 1], &taup[..n - 1]);
        for b in &mut p {
            b.off += 1;
        }
        p
    } else {
        Vec::new()
    };
    Bidiagonal { d, e, q, p }
}

at_level! {
    /// [`labrd_body`] at the dispatched SIMD level: the same operations in the same order
    /// at every level (no fused multiply-add), only wider.
    #[allow(clippy::type_complexity)]
    fn labrd(
        t: &mut [T],
        ld: usize,
        c0: usize,
        dims: (usize, usize, usize),
        xy: (&mut [T], &mut [T]),
        de: (&mut [T], &mut [T]),
        taus: (&mut [T], &mut [T]),
    ) => labrd_body
}

/// One `?labrd` panel on the trailing `mm x nn` matrix `t` (row-major, row length `ld`,
/// starting at column `c0` of each row): reduces its first `nb` columns and rows, filling `X`
/// (`mm x nb`) and `Y` (`nn x nb`) so the rest of `t` needs `-= V Y^T + X U^T`.
/// Units of the reflectors are stored in place (`t[i][i] = t[i][i+1] = 1`) as LAPACK does.
#[allow(clippy::type_complexity)]
#[inline(always)]
fn labrd_body<T: LinalgReal>(
    t: &mut [T],
    ld: usize,
    c0: usize,
    (mm, nn, nb): (usize, usize, usize),
    (x, y): (&mut [T], &mut [T]),
    (d, e): (&mut [T], &mut [T]),
    (tauq, taup): (&mut [T], &mut [T]),
) {
    let at = |r: usize, c: usize| r * ld + c0 + c;
    let mut col = vec![zero::<T>(); mm];
    let mut tmp = vec![zero::<T>(); nb];
    let mut tmp2 = vec![zero::<T>(); nb];
    let mut acc = vec![zero::<T>(); nn.max(mm)];
    let mut ucol = vec![zero::<T>(); nb];
    for i in 0..nb {
        // Column i: A[i.., i] -= V[i.., ..i] Y[i, ..i]^T + X[i.., ..i] U[..i, i].
        for (j, uj) in ucol[..i].iter_mut().enumerate() {
            *uj = t[at(j, i)];
        }
        for r in i..mm {
            let sum = dot(&t[at(r, 0)..at(r, i)], &y[i * nb..i * nb + i])
                + dot(&x[r * nb..r * nb + i], &ucol[..i]);
            col[r - i] = t[at(r, i)] - sum;
        }
        let v = &mut col[..mm - i];
        tauq[i] = householder(v);
        d[i] = v[0];
        v[0] = one::<T>();
        for r in i..mm {
            t[at(r, i)] = v[r - i];
        }
        if i + 1 >= nn {
            continue;
        }
        let w = nn - i - 1;
        // Y[i+1.., i] = tauq (A^T v - Y (V^T v) - U^T (X^T v)), A the untouched trailing part.
        let ycol = &mut acc[..w];
        ycol.iter_mut().for_each(|z| *z = zero::<T>());
        {
            // Column chunks of A^T v (each element summed over rows in order: the same bits
            // on any number of threads).
            let ta: &[T] = t;
            let base = c0 + i + 1;
            if threaded((mm - i) * w) {
                ycol.par_chunks_mut(PAR_COLS)
                    .enumerate()
                    .for_each(|(b, yc)| ata_chunk(ta, ld, base + b * PAR_COLS, i, v, yc));
            } else {
                ata_chunk(ta, ld, base, i, v, ycol);
            }
        }
        tmp[..i].iter_mut().for_each(|z| *z = zero::<T>());
        tmp2[..i].iter_mut().for_each(|z| *z = zero::<T>());
        for r in i..mm {
            let vr = v[r - i];
            axpy(vr, &t[at(r, 0)..at(r, i)], &mut tmp[..i]);
            axpy(vr, &x[r * nb..r * nb + i], &mut tmp2[..i]);
        }
        for (c, yc) in ycol.iter_mut().enumerate() {
            let yrow = &y[(i + 1 + c) * nb..(i + 1 + c) * nb + i];
            *yc = *yc - dot(yrow, &tmp[..i]);
        }
        for j in 0..i {
            axpy(-tmp2[j], &t[at(j, i + 1)..at(j, nn)], ycol);
        }
        for (c, yc) in ycol.iter().enumerate() {
            y[(i + 1 + c) * nb + i] = tauq[i] * *yc;
        }
        // Row i: A[i, i+1..] -= Y[i+1.., ..=i] V[i, ..=i]^T + X[i, ..i] U[..i, i+1..].
        let mut row: Vec<T> = t[at(i, i + 1)..at(i, nn)].to_vec();
        for (c, rc) in row.iter_mut().enumerate() {
            let yrow = &y[(i + 1 + c) * nb..(i + 1 + c) * nb + i + 1];
            let mut sum = zero::<T>();
            for (j, &yj) in yrow.iter().enumerate() {
                sum = sum + yj * t[at(i, j)];
            }
            *rc = *rc - sum;
        }
        for j in 0..i {
            axpy(-x[i * nb + j], &t[at(j, i + 1)..at(j, nn)], &mut row);
        }
        taup[i] = householder(&mut row);
        e[i] = row[0];
        row[0] = one::<T>();
        t[at(i, i + 1)..at(i, nn)].copy_from_slice(&row);
        // X[i+1.., i] = taup (A u - V (Y^T u) - X (U u)).
        tmp[..=i].iter_mut().for_each(|z| *z = zero::<T>());
        for (c, &uc) in row.iter().enumerate() {
            let yrow = &y[(i + 1 + c) * nb..(i + 1 + c) * nb + i + 1];
            axpy(uc, yrow, &mut tmp[..=i]);
        }
        for j in 0..i {
            tmp2[j] = dot(&t[at(j, i + 1)..at(j, nn)], &row);
        }
        {
            // Row chunks of A u - V (Y^T u) - X (U u), one row at a time whatever the threads.
            let (ta, xa, tq, tq2): (&[T], &[T], &[T], &[T]) = (t, x, &tmp[..=i], &tmp2[..i]);
            let panel = Panel {
                t: ta,
                ld,
                c0,
                x: xa,
                nb,
            };
            let (row, tau) = (&row[..], taup[i]);
            let xs = &mut acc[..mm - i - 1];
            if threaded((mm - i) * w) {
                xs.par_chunks_mut(PAR_ROWS).enumerate().for_each(|(b, xc)| {
                    au_rows(&panel, i, row, (tq, tq2), tau, i + 1 + b * PAR_ROWS, xc)
                });
            } else {
                au_rows(&panel, i, row, (tq, tq2), tau, i + 1, xs);
            }
        }
        for r in i + 1..mm {
            x[r * nb + i] = acc[r - i - 1];
        }
    }
}

/// The panel's view of the trailing matrix (`t`, rows of `ld`, panel columns from `c0`) and
/// of `X` (`nb` columns).
struct Panel<'a, T> {
    t: &'a [T],
    ld: usize,
    c0: usize,
    x: &'a [T],
    nb: usize,
}

/// `yc += sum_{r >= i} v[r - i] A[r, base..base + len]` (absolute column `base` of rows of
/// `ld`), four rows per pass over `yc`; each element summed over the rows in order.
#[inline(always)]
fn ata_chunk_body<T: LinalgReal>(
    ta: &[T],
    ld: usize,
    base: usize,
    i: usize,
    v: &[T],
    yc: &mut [T],
) {
    let cw = yc.len();
    let mm = i + v.len();
    let seg = |r: usize| &ta[r * ld + base..r * ld + base + cw];
    let mut r = i;
    while r + 4 <= mm {
        let (v0, v1, v2, v3) = (v[r - i], v[r + 1 - i], v[r + 2 - i], v[r + 3 - i]);
        let (a0, a1, a2, a3) = (seg(r), seg(r + 1), seg(r + 2), seg(r + 3));
        for (c, yv) in yc.iter_mut().enumerate() {
            *yv = *yv + ((v0 * a0[c] + v1 * a1[c]) + (v2 * a2[c] + v3 * a3[c]));
        }
        r += 4;
    }
    for r in r..mm {
        axpy(v[r - i], seg(r), yc);
    }
}

at_level! {
    /// [`ata_chunk_body`] at the dispatched level.
    fn ata_chunk(ta: &[T], ld: usize, base: usize, i: usize, v: &[T], yc: &mut [T]) => ata_chunk_body
}

/// `out[k] = tau (A u - V (Y^T u) - X (U u))[r0 + k]` for the panel's row `r0 + k`.
#[inline(always)]
fn au_rows_body<T: LinalgReal>(
    p: &Panel<'_, T>,
    i: usize,
    row: &[T],
    (tq, tq2): (&[T], &[T]),
    tau: T,
    r0: usize,
    out: &mut [T],
) {
    let nn = i + 1 + row.len();
    for (k, o) in out.iter_mut().enumerate() {
        let at = (r0 + k) * p.ld + p.c0;
        let mut xr = dot(&p.t[at + i + 1..at + nn], row);
        xr = xr - dot(&p.t[at..at + i + 1], tq);
        xr = xr - dot(&p.x[(r0 + k) * p.nb..(r0 + k) * p.nb + i], tq2);
        *o = tau * xr;
    }
}

at_level! {
    /// [`au_rows_body`] at the dispatched level.
    #[allow(clippy::type_complexity)]
    fn au_rows(p: &Panel<'_, T>, i: usize, row: &[T], tqs: (&[T], &[T]), tau: T, r0: usize, out: &mut [T]) => au_rows_body
}

/// Column chunk of the threaded `A^T v` pass, row chunk of the threaded `A u` pass.
const PAR_COLS: usize = 128;
const PAR_ROWS: usize = 64;

/// Whether a panel pass over `work` elements of the trailing matrix is split across
/// rayon's threads (fixed chunks, so the bits never depend on the thread count).
fn threaded(work: usize) -> bool {
    work >= 1 << 16 && rayon::current_num_threads() > 1
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A deterministic pseudo-random matrix in [-1, 1).
    fn matrix(m: usize, n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..m * n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect()
    }

    /// `A = Q B P^T` and `Q^T Q = I`, `P^T P = I` at sizes around the panel width.
    #[test]
    fn reconstructs_and_is_orthogonal() {
        for &(m, n) in &[
            (1, 1),
            (2, 1),
            (3, 3),
            (5, 2),
            (31, 31),
            (32, 32),
            (33, 33),
            (70, 65),
            (100, 64),
            (97, 97),
        ] {
            let a0 = matrix(m, n, (m * 131 + n) as u64);
            let mut a = NdArray::from_shape_vec(&[m, n], a0.clone()).unwrap();
            let f = gebrd(&mut a);
            let q = f.form_q(m, m);
            let p = f.form_p();
            let (q, p) = (q.as_slice().unwrap(), p.as_slice().unwrap());
            // B (m x n).
            let mut b = vec![0.0; m * n];
            for i in 0..n {
                b[i * n + i] = f.d[i];
                if i + 1 < n {
                    b[i * n + i + 1] = f.e[i];
                }
            }
            let tol = 64.0 * (m as f64) * f64::EPSILON;
            for i in 0..m {
                for j in 0..n {
                    // (Q B P^T)[i, j]
                    let mut s = 0.0;
                    for k in 0..n {
                        let mut bp = 0.0;
                        for l in 0..n {
                            bp += b[k * n + l] * p[j * n + l];
                        }
                        s += q[i * m + k] * bp;
                    }
                    assert!((s - a0[i * n + j]).abs() < tol, "{m}x{n} A != Q B P^T");
                }
            }
            for (name, mat, sz) in [("Q", q, m), ("P", p, n)] {
                for i in 0..sz {
                    for j in 0..sz {
                        let g: f64 = (0..sz).map(|k| mat[k * sz + i] * mat[k * sz + j]).sum();
                        let want = if i == j { 1.0 } else { 0.0 };
                        assert!((g - want).abs() < tol, "{m}x{n} {name} not orthogonal");
                    }
                }
            }
        }
    }

    /// Tests that force the process-wide SIMD level, or compare two runs that must see the
    /// same level, take this lock.
    pub(crate) static LEVEL_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

    /// The panel reduction gives the same bits at every SIMD level the CPU has (same
    /// operations in the same order, no fused multiply-add). (The GEMM trailing update is
    /// outside: its kernels differ by level.)
    #[test]
    #[allow(clippy::type_complexity)]
    fn labrd_levels_agree() {
        use numerust_kernels::simd::{Level, force_level, level};
        let _guard = LEVEL_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let (mm, nn, nb) = (150usize, 120usize, 32usize);
        let a0 = matrix(mm, nn, 9);
        let run = || {
            let mut a = a0.clone();
            let (mut x, mut y) = (vec![0.0; mm * nb], vec![0.0; nn * nb]);
            let (mut d, mut e) = (vec![0.0; nb], vec![0.0; nb]);
            let (mut tq, mut tp) = (vec![0.0; nb], vec![0.0; nb]);
            labrd(
                &mut a,
                nn,
                0,
                (mm, nn, nb),
                (&mut x, &mut y),
                (&mut d, &mut e),
                (&mut tq, &mut tp),
            );
            [a, x, y, d, e, tq, tp]
        };
        let before = level();
        force_level(Level::Scalar);
        let want = run();
        for l in [Level::Wide, Level::Avx2, Level::Avx512] {
            if force_level(l) != l {
                println!("{} skipped", l.name());
                continue;
            }
            assert_eq!(run(), want, "{}", l.name());
        }
        force_level(before);
    }

    /// One thread and two give the same bits (the panel passes split at fixed chunks).
    #[test]
    fn threads_agree() {
        let _guard = LEVEL_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let (m, n) = (300, 260);
        let a0 = matrix(m, n, 4);
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                let mut a = NdArray::from_shape_vec(&[m, n], a0.clone()).unwrap();
                let f = gebrd(&mut a);
                (a.to_vec(), f.d, f.e)
            })
        };
        assert_eq!(run(1), run(2));
    }
}
