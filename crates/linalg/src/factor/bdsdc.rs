//! Singular values and vectors of an upper bidiagonal matrix by divide and conquer (LAPACK
//! `?bdsdc` / `?lasd0`..`?lasd4`, Gu-Eisenstat), the vectors half of [`svd`](super::svd()).
//!
//! A block of `nr` rows and `nr + sqre` columns (`sqre` is 0 or 1) is split at its middle row
//! `k`: rows above form an `nl x (nl + 1)` bidiagonal, rows below an `nrr x (nrr + sqre)` one,
//! each solved recursively (leaves of at most [`LEAF`] rows by [`bdsqr`], after chasing the
//! extra column out). With the middle row's entries `alpha = d_k`, `beta = e_k` the block is
//! `diag(U1, 1, U2) M diag(V1, V2)^T`, and `M` is a diagonal plus one dense row `z`: its
//! singular values are the roots of the secular equation `1 + sum z_j^2 / (d_j^2 - s^2) = 0`.
//!
//! - Deflation (`?lasd2`): a tiny `z_j`, or two diagonal entries closer than `8 eps ||B||`
//!   (a rotation zeroes one `z`), gives a singular value straight away.
//! - Roots (`?lasd4` form, `lasd4.rs`): each root is found relative to its nearer pole `d_o` as
//!   `s^2 = d_o^2 + tau`, every `d_j^2 - s^2` formed as `(d_j - d_o)(d_j + d_o) - tau`, so no
//!   cancellation; a two-pole rational model (Bunch-Nielsen-Sorensen) inside a shrinking
//!   bracket, with bisection as the safeguard and an iteration cap.
//! - Vectors from a recomputed `z-hat` (Gu-Eisenstat), so they are orthogonal to working
//!   precision however close the roots; then `U = diag(U1, 1, U2) U_M`, `V = ... V_M` by GEMM.

use super::bdsqr::{NoConvergence, Vectors, bdsqr};
use super::lasd4::{PAR_MIN_ROOTS, Root, secular_roots};
use super::{LinalgReal, one, zero};
use crate::gemm::{MatMut, MatRef, gemm_mat};

/// Largest block solved directly by implicit QR.
pub(crate) const LEAF: usize = 25;

/// The SVD of one block: `u` (`nr x nr`), `s` (`nr`), `v` (`nc x nc`), all row-major, with
/// `B = U [diag(s) 0] V^T`; for `sqre = 1` the last column of `V` spans `B`'s null space.
pub(crate) struct BlockSvd<T> {
    pub u: Vec<T>,
    pub s: Vec<T>,
    pub v: Vec<T>,
}

/// `(c, s, r)` with `c f + s g = r`, `-s f + c g = 0`.
fn givens<T: LinalgReal>(f: T, g: T) -> (T, T, T) {
    if g == zero::<T>() {
        return (one::<T>(), zero::<T>(), f);
    }
    let r = f.hypot(g);
    (f / r, g / r, r)
}

/// Rotates columns `i` and `j` of the row-major `rows x cols` matrix `a`:
/// `(x, y) <- (c x + s y, -s x + c y)`.
fn rotate_cols<T: LinalgReal>(a: &mut [T], cols: usize, i: usize, j: usize, c: T, s: T) {
    for row in a.chunks_exact_mut(cols) {
        let (x, y) = (row[i], row[j]);
        row[i] = c * x + s * y;
        row[j] = c * y - s * x;
    }
}

/// The SVD of the upper bidiagonal block with diagonal `d` (`nr`) and superdiagonal `e`
/// (`nr - 1 + sqre`).
///
/// # Errors
/// [`NoConvergence`] from a leaf's QR or a root that did not converge.
pub(crate) fn bdsdc<T: LinalgReal>(
    d: &[T],
    e: &[T],
    sqre: usize,
) -> Result<BlockSvd<T>, NoConvergence> {
    let nr = d.len();
    debug_assert_eq!(e.len() + 1, nr + sqre);
    if nr <= LEAF {
        return leaf(d, e, sqre);
    }
    let nl = nr / 2;
    let nrr = nr - nl - 1;
    let top = bdsdc(&d[..nl], &e[..nl], 1)?;
    let bottom = bdsdc(&d[nl + 1..], &e[nl + 1..], sqre)?;
    merge(nl, nrr, sqre, d[nl], e[nl], top, bottom)
}

/// A leaf: chase the extra column (if any) out with rotations, then implicit QR.
fn leaf<T: LinalgReal>(d: &[T], e: &[T], sqre: usize) -> Result<BlockSvd<T>, NoConvergence> {
    let nr = d.len();
    let nc = nr + sqre;
    let mut dd = d.to_vec();
    let mut ee = e[..nr.saturating_sub(1)].to_vec();
    // R (nc x nc) with B = [B_sq 0] R^T.
    let mut r = vec![zero::<T>(); nc * nc];
    for i in 0..nc {
        r[i * nc + i] = one::<T>();
    }
    if sqre == 1 && nr > 0 {
        let mut f = e[nr - 1];
        for j in (0..nr).rev() {
            let (c, s, rr) = givens(dd[j], f);
            dd[j] = rr;
            rotate_cols(&mut r, nc, j, nr, c, s);
            if j > 0 {
                f = -s * ee[j - 1];
                ee[j - 1] = c * ee[j - 1];
            }
        }
    }
    let mut ut = vec![zero::<T>(); nr * nr];
    let mut vt = vec![zero::<T>(); nr * nr];
    for i in 0..nr {
        ut[i * nr + i] = one::<T>();
        vt[i * nr + i] = one::<T>();
    }
    bdsqr(
        &mut dd,
        &mut ee,
        Some(Vectors {
            data: &mut ut,
            cols: nr,
        }),
        Some(Vectors {
            data: &mut vt,
            cols: nr,
        }),
    )?;
    let mut u = vec![zero::<T>(); nr * nr];
    for i in 0..nr {
        for j in 0..nr {
            u[i * nr + j] = ut[j * nr + i];
        }
    }
    // V = R diag(V_sq, 1): V[:, j] = R[:, ..nr] V_sq[:, j] (V_sq[:, j] = vt[j, :]).
    let mut v = vec![zero::<T>(); nc * nc];
    for i in 0..nc {
        for j in 0..nr {
            let mut acc = zero::<T>();
            for k in 0..nr {
                acc = acc + r[i * nc + k] * vt[j * nr + k];
            }
            v[i * nc + j] = acc;
        }
        if sqre == 1 {
            v[i * nc + nr] = r[i * nc + nr];
        }
    }
    Ok(BlockSvd { u, s: dd, v })
}

/// One entry of the merged problem: diagonal `d`, row entry `z`, and where its columns of
/// `diag(U1, 1, U2)` and `diag(V1, V2)` come from.
#[derive(Clone, Copy)]
struct Entry<T> {
    d: T,
    z: T,
    /// Column index into the assembled `U` and `V` bases.
    col: usize,
}

/// Merges the two halves around the middle row `(alpha, beta)` (`?lasd1`).
#[allow(clippy::too_many_arguments)]
fn merge<T: LinalgReal>(
    nl: usize,
    nrr: usize,
    sqre: usize,
    alpha: T,
    beta: T,
    top: BlockSvd<T>,
    bottom: BlockSvd<T>,
) -> Result<BlockSvd<T>, NoConvergence> {
    let nr = nl + 1 + nrr;
    let nc = nr + sqre;
    let (n1c, n2c) = (nl + 1, nrr + sqre);
    // Bases: column b of `ub` (nr x nr) and `vb` (nc x nc) pair with entry b.
    // Entry 0 is the middle row / combined null column; entries 1..=nl the top half's
    // values, then the bottom half's; `vb`'s last column (sqre = 1) is the new null vector.
    let mut ub = vec![zero::<T>(); nr * nr];
    let mut vb = vec![zero::<T>(); nc * nc];
    let mut entries = Vec::with_capacity(nr);
    ub[nl * nr] = one::<T>();
    for i in 0..nl {
        for c in 0..nl {
            ub[i * nr + 1 + c] = top.u[i * nl + c];
        }
    }
    for i in 0..nrr {
        for c in 0..nrr {
            ub[(nl + 1 + i) * nr + 1 + nl + c] = bottom.u[i * nrr + c];
        }
    }
    // z in V-space: alpha * (last row of V1), beta * (first row of V2).
    let z1: Vec<T> = (0..n1c).map(|c| alpha * top.v[nl * n1c + c]).collect();
    let z2: Vec<T> = (0..n2c).map(|c| beta * bottom.v[c]).collect();
    // Null columns: V1's column nl, and V2's column nrr when sqre = 1; combined by a rotation.
    let (zn1, zn2) = (z1[nl], if sqre == 1 { z2[nrr] } else { zero::<T>() });
    let (c, s, z0) = givens(zn1, zn2);
    for i in 0..n1c {
        let x = top.v[i * n1c + nl];
        vb[i * nc] = c * x;
        if sqre == 1 {
            vb[i * nc + nc - 1] = -s * x;
        }
    }
    if sqre == 1 {
        for i in 0..n2c {
            let y = bottom.v[i * n2c + nrr];
            vb[(n1c + i) * nc] = s * y;
            vb[(n1c + i) * nc + nc - 1] = c * y;
        }
    }
    entries.push(Entry {
        d: zero::<T>(),
        z: z0,
        col: 0,
    });
    for cidx in 0..nl {
        for i in 0..n1c {
            vb[i * nc + 1 + cidx] = top.v[i * n1c + cidx];
        }
        entries.push(Entry {
            d: top.s[cidx],
            z: z1[cidx],
            col: 1 + cidx,
        });
    }
    for cidx in 0..nrr {
        for i in 0..n2c {
            vb[(n1c + i) * nc + 1 + nl + cidx] = bottom.v[i * n2c + cidx];
        }
        entries.push(Entry {
            d: bottom.s[cidx],
            z: z2[cidx],
            col: 1 + nl + cidx,
        });
    }
    // Deflation (?lasd2).
    entries[1..].sort_by(|a, b| a.d.partial_cmp(&b.d).unwrap_or(std::cmp::Ordering::Equal));
    let eps = T::epsilon();
    let eight = T::from(8.0).expect("8");
    let dmax = entries.iter().fold(zero::<T>(), |m, x| m.max(x.d.abs()));
    let tol = eight * eps * dmax.max(alpha.abs()).max(beta.abs());
    let half = tol / (one::<T>() + one::<T>());
    if entries[0].z.abs() <= tol {
        entries[0].z = tol;
    }
    let mut live: Vec<Entry<T>> = vec![entries[0]];
    let mut deflated: Vec<Entry<T>> = Vec::new();
    for mut en in entries[1..].iter().copied() {
        if en.z.abs() <= tol {
            deflated.push(en);
            continue;
        }
        if en.d < half {
            en.d = half;
        }
        let last = live.len() - 1;
        if last > 0 && (en.d - live[last].d).abs() <= tol {
            // Rotate z[prev], z[en] -> (r, 0) and the same columns of both bases.
            let prev = live[last];
            let (c, s, r) = givens(prev.z, en.z);
            rotate_cols(&mut ub, nr, prev.col, en.col, c, s);
            rotate_cols(&mut vb, nc, prev.col, en.col, c, s);
            live[last].z = r;
            en.z = zero::<T>();
            en.d = prev.d;
            deflated.push(en);
            continue;
        }
        live.push(en);
    }
    let k = live.len();
    let dl: Vec<T> = live.iter().map(|x| x.d).collect();
    let zl: Vec<T> = live.iter().map(|x| x.z).collect();
    let roots = if k == 1 {
        // Only the middle row is left: M = [z_0], sigma = |z_0| (possibly 0).
        let a = zl[0].abs();
        vec![Root {
            origin: 0,
            eta: a,
            sigma: a,
        }]
    } else {
        secular_roots(&dl, &zl)?
    };
    // z-hat (Gu-Eisenstat): |zhat_i|^2 = (d_i^2 - s_{k-1}^2) prod_{j<i} (d_i^2 - s_j^2)/(d_i^2 - d_j^2)
    //   prod_{j>=i, j<k-1} (d_i^2 - s_j^2)/(d_i^2 - d_{j+1}^2), sign of z_i.
    let diff = |i: usize, j: usize| (dl[i] - dl[roots[j].origin]) - roots[j].eta; // d_i - s_j
    let sum = |i: usize, j: usize| dl[i] + roots[j].sigma; // d_i + s_j
    let zhat_at = |i: usize| {
        let mut p = diff(i, k - 1) * sum(i, k - 1);
        for j in 0..i {
            p = p * (diff(i, j) * sum(i, j) / ((dl[i] - dl[j]) * (dl[i] + dl[j])));
        }
        for j in i..k - 1 {
            p = p * (diff(i, j) * sum(i, j) / ((dl[i] - dl[j + 1]) * (dl[i] + dl[j + 1])));
        }
        let mag = p.abs().sqrt();
        if zl[i] < zero::<T>() { -mag } else { mag }
    };
    let zhat: Vec<T> = if k >= PAR_MIN_ROOTS && rayon::current_num_threads() > 1 {
        use rayon::prelude::*;
        (0..k).into_par_iter().map(zhat_at).collect()
    } else {
        (0..k).map(zhat_at).collect()
    };
    // Vectors of M restricted to the live entries: column j of um / vm for root j.
    let mut um = vec![zero::<T>(); k * k];
    let mut vm = vec![zero::<T>(); k * k];
    if k == 1 {
        // M v = z_0 sign(z_0) = sigma u with u = 1.
        um[0] = one::<T>();
        vm[0] = if zl[0] < zero::<T>() {
            -one::<T>()
        } else {
            one::<T>()
        };
    }
    for j in (0..k).filter(|_| k > 1) {
        let mut vn = zero::<T>();
        let mut un = zero::<T>();
        for i in 0..k {
            let vi = zhat[i] / (diff(i, j) * sum(i, j));
            let ui = if i == 0 { -one::<T>() } else { dl[i] * vi };
            vm[i * k + j] = vi;
            um[i * k + j] = ui;
            vn = vn + vi * vi;
            un = un + ui * ui;
        }
        let (vn, un) = (one::<T>() / vn.sqrt(), one::<T>() / un.sqrt());
        for i in 0..k {
            vm[i * k + j] = vm[i * k + j] * vn;
            um[i * k + j] = um[i * k + j] * un;
        }
    }
    // U = ub[:, live] um, V = vb[:, live] vm by row bands (the top half's rows only meet
    // the top half's columns, and so on: half the flops of one dense product); deflated
    // columns copied.
    let cols: Vec<usize> = live.iter().map(|x| x.col).collect();
    let mut u = vec![zero::<T>(); nr * nr];
    let mut v = vec![zero::<T>(); nc * nc];
    let mut s = Vec::with_capacity(nr);
    basis_product(&ub, nr, &cols, &um, &[0, nl, nl + 1, nr], &mut u);
    basis_product(&vb, nc, &cols, &vm, &[0, n1c, nc], &mut v);
    s.extend(roots.iter().map(|x| x.sigma));
    for (t, en) in deflated.iter().enumerate() {
        for r in 0..nr {
            u[r * nr + k + t] = ub[r * nr + en.col];
        }
        for r in 0..nc {
            v[r * nc + k + t] = vb[r * nc + en.col];
        }
        s.push(en.d);
    }
    if sqre == 1 {
        for r in 0..nc {
            v[r * nc + nc - 1] = vb[r * nc + nc - 1];
        }
    }
    Ok(BlockSvd { u, s, v })
}

/// `out[:, ..k] = b[:, cols] m` for the row-major `n x n` basis `b` and `k x k` `m`, one band
/// of rows (`bands[t]..bands[t + 1]`) at a time, each with only the columns that are nonzero
/// in it (`out` is `n x n`).
fn basis_product<T: LinalgReal>(
    b: &[T],
    n: usize,
    cols: &[usize],
    m: &[T],
    bands: &[usize],
    out: &mut [T],
) {
    let k = cols.len();
    for w in bands.windows(2) {
        let (r0, r1) = (w[0], w[1]);
        let rows = r1 - r0;
        if rows == 0 {
            continue;
        }
        let used: Vec<usize> = (0..k)
            .filter(|&j| (r0..r1).any(|r| b[r * n + cols[j]] != zero::<T>()))
            .collect();
        let kk = used.len();
        if kk == 0 {
            continue;
        }
        let mut sub = vec![zero::<T>(); rows * kk];
        for r in 0..rows {
            for (t, &j) in used.iter().enumerate() {
                sub[r * kk + t] = b[(r0 + r) * n + cols[j]];
            }
        }
        let mut msub = Vec::with_capacity(kk * k);
        for &j in &used {
            msub.extend_from_slice(&m[j * k..j * k + k]);
        }
        let mut prod = vec![zero::<T>(); rows * k];
        gemm_mat(
            one::<T>(),
            MatRef::from_slice(&sub, rows, kk),
            MatRef::from_slice(&msub, kk, k),
            zero::<T>(),
            MatMut::from_slice(&mut prod, rows, k),
        );
        for r in 0..rows {
            out[(r0 + r) * n..(r0 + r) * n + k].copy_from_slice(&prod[r * k..r * k + k]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(d0: &[f64], e0: &[f64], sqre: usize) {
        let nr = d0.len();
        let nc = nr + sqre;
        let f = bdsdc(d0, e0, sqre).unwrap();
        let bnorm = d0.iter().chain(e0).fold(0.0f64, |m, x| m.max(x.abs()));
        let tol = 64.0 * nc as f64 * f64::EPSILON * bnorm.max(1e-300);
        for i in 0..nr {
            for j in 0..nc {
                let x: f64 = (0..nr)
                    .map(|p| f.u[i * nr + p] * f.s[p] * f.v[j * nc + p])
                    .sum();
                let b = if i == j {
                    d0[i]
                } else if j == i + 1 {
                    e0[i]
                } else {
                    0.0
                };
                assert!(
                    (x - b).abs() <= tol,
                    "nr={nr} sqre={sqre}: ({i},{j}) {x} vs {b}"
                );
            }
        }
        for (name, q, sz) in [("U", &f.u, nr), ("V", &f.v, nc)] {
            for i in 0..sz {
                for j in 0..sz {
                    let g: f64 = (0..sz).map(|p| q[p * sz + i] * q[p * sz + j]).sum();
                    let want = if i == j { 1.0 } else { 0.0 };
                    assert!(
                        (g - want).abs() <= 64.0 * nc as f64 * f64::EPSILON,
                        "nr={nr}: {name} not orthogonal: {g}"
                    );
                }
            }
        }
    }

    #[test]
    fn divide_and_conquer_laws() {
        for n in [1usize, 2, 3, 25, 26, 27, 51, 52, 70, 101, 200] {
            for sqre in [0, 1] {
                let d: Vec<f64> = (0..n).map(|i| 1.0 + (i as f64 * 0.7).sin()).collect();
                let e: Vec<f64> = (0..n - 1 + sqre).map(|i| (i as f64 * 1.3).cos()).collect();
                check(&d, &e, sqre);
            }
        }
        // Repeated values, zeros, grading.
        let n = 80;
        check(&vec![1.0; n], &vec![0.0; n - 1], 0);
        check(&vec![1.0; n], &vec![1e-12; n - 1], 0);
        let d: Vec<f64> = (0..n).map(|i| if i % 7 == 3 { 0.0 } else { 2.0 }).collect();
        check(&d, &vec![1.0; n - 1], 0);
        let d: Vec<f64> = (0..n).map(|i| 0.8f64.powi(i as i32)).collect();
        check(&d, &d[1..], 0);
        // All ones (values clustered near 2), strong grading, and random draws of mixed sign
        // and magnitude around the leaf and merge sizes.
        check(&vec![1.0; 200], &vec![1.0; 199], 0);
        let d: Vec<f64> = (0..90).map(|i| 10f64.powi(-i / 3)).collect();
        check(&d, &d, 1);
        let mut s = 12345u64;
        let mut rnd = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        };
        for n in [26usize, 40, 53, 77, 120] {
            for kind in 0..3 {
                let mut draw = |_: usize| match kind {
                    0 => rnd(),
                    1 => rnd() * 10f64.powf(6.0 * rnd()),
                    _ => (rnd() * 4.0).round() / 4.0,
                };
                let d: Vec<f64> = (0..n).map(&mut draw).collect();
                let e: Vec<f64> = (0..n).map(&mut draw).collect();
                check(&d, &e[..n - 1], 0);
                check(&d, &e, 1);
            }
        }
    }

    /// One thread and two give the same bits (roots and z-hat are solved one per task).
    #[test]
    fn threads_agree() {
        let n = 300;
        let d: Vec<f64> = (0..n).map(|i| 1.0 + (i as f64 * 0.3).sin()).collect();
        let e: Vec<f64> = (0..n - 1).map(|i| (i as f64 * 0.9).cos()).collect();
        let _guard = crate::factor::gebrd::tests::LEVEL_LOCK
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let f = pool.install(|| bdsdc(&d, &e, 0).unwrap());
            (f.u, f.s, f.v)
        };
        assert_eq!(run(1), run(2));
    }
}
