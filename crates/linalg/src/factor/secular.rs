//! The secular equation of a symmetric rank-one update, and its eigenvectors (LAPACK
//! `?laed4` and the vector half of `?laed3`).
//!
//! For `D + rho z z^T` with `d_0 < d_1 < ... < d_{K-1}`, every `z_j != 0` and `rho > 0`, the
//! eigenvalues are the `K` roots of `f(x) = 1/rho + sum_j z_j^2 / (d_j - x)`, one in each
//! `(d_i, d_{i+1})` and the last in `(d_{K-1}, d_{K-1} + rho |z|^2)`. Each root is found
//! relative to its nearer pole (the origin), so the differences `d_j - lambda_i` that the
//! eigenvectors need come out to full relative accuracy. The iteration is the "middle way"
//! of Li / Gu and Eisenstat: the poles left and right of the root are each modelled by one
//! pole fitted to value and slope, and the resulting quadratic is solved; a bracket kept
//! from the sign of `f` turns any step that leaves it into bisection, and the loop is capped.
//!
//! The eigenvectors use Loewner's formula (Gu and Eisenstat): `z` is recomputed from the
//! computed roots, `zhat_j^2 = -prod_i (d_j - lambda_i) / prod_{i != j} (d_j - d_i)`, so the
//! vectors `zhat_j / (d_j - lambda_i)` are orthogonal to working precision even for close
//! roots. Pure arithmetic on slices: no allocation per iteration, no unsafe.

use super::{LinalgReal, one, scratch, zero};
use numerust_core::NdArray;

/// Most iterations per root (LAPACK allows 30; bisection steps count too).
const MAX_ITER: usize = 100;

/// The roots `lambda` (ascending) and `delta[i * K + j] = d_j - lambda_i`, or `None` when a
/// root did not converge within [`MAX_ITER`] steps.
pub(crate) struct Roots<T> {
    /// The eigenvalues of `D + rho z z^T`.
    pub lambda: Vec<T>,
    /// `K x K`: row `i` holds `d_j - lambda_i` for every pole `j`.
    pub delta: NdArray<T>,
}

/// Roots per rayon task (each costs a few passes over all `K` poles).
const ROOTS_PER_TASK: usize = 32;

/// All roots of the secular equation (see the module doc for the preconditions); roots are
/// independent, so they are found in parallel (the same bits at any thread count).
pub(crate) fn secular_roots<T: LinalgReal>(d: &[T], z: &[T], rho: T) -> Option<Roots<T>> {
    use rayon::prelude::*;
    let k = d.len();
    let mut lambda = vec![zero::<T>(); k];
    // (Every row is written by `root` before it is read.)
    let mut delta = scratch(k, k, |_: &mut [T]| {});
    let ok = lambda
        .par_chunks_mut(ROOTS_PER_TASK)
        .zip(delta.as_slice_mut()?.par_chunks_mut(ROOTS_PER_TASK * k))
        .enumerate()
        .all(|(c, (lams, rows))| {
            lams.iter_mut()
                .zip(rows.chunks_exact_mut(k))
                .enumerate()
                .all(|(t, (lam, row))| {
                    root_dispatch(d, z, rho, c * ROOTS_PER_TASK + t, row)
                        .map(|l| *lam = l)
                        .is_some()
                })
        });
    ok.then_some(Roots { lambda, delta })
}

/// [`root`] at the dispatched SIMD level.
fn root_dispatch<T: LinalgReal>(d: &[T], z: &[T], rho: T, i: usize, row: &mut [T]) -> Option<T> {
    #[cfg(target_arch = "x86_64")]
    {
        use numerust_kernels::simd::{Level, level};
        if level() >= Level::Avx2 {
            // SAFETY: `level()` is at least Avx2 only when the CPU has AVX2 and FMA, all
            // that `root_avx2` requires; its body is safe code.
            return unsafe { root_avx2(d, z, rho, i, row) };
        }
    }
    root(d, z, rho, i, row)
}

/// [`root`] compiled for AVX2 (4-lane divisions and sums).
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn root_avx2<T: LinalgReal>(d: &[T], z: &[T], rho: T, i: usize, row: &mut [T]) -> Option<T> {
    root(d, z, rho, i, row)
}

/// Lanes of the partial sums in [`sums`].
const LANES: usize = 4;

/// `(sum z_j^2 / (r_j - tau), sum (z_j / (r_j - tau))^2, sum |z_j^2 / (r_j - tau)|)` in
/// [`LANES`] interleaved partial sums (so the loop vectorises).
#[inline(always)]
fn sums<T: LinalgReal>(r: &[T], z: &[T], tau: T) -> (T, T, T) {
    let mut acc = [[zero::<T>(); LANES]; 3];
    let whole = r.len() - r.len() % LANES;
    for (rc, zc) in r[..whole]
        .chunks_exact(LANES)
        .zip(z[..whole].chunks_exact(LANES))
    {
        for l in 0..LANES {
            let t = zc[l] / (rc[l] - tau);
            let term = zc[l] * t;
            acc[0][l] = acc[0][l] + term;
            acc[1][l] = acc[1][l] + t * t;
            acc[2][l] = acc[2][l] + term.abs();
        }
    }
    for (&rj, &zj) in r[whole..].iter().zip(&z[whole..]) {
        let t = zj / (rj - tau);
        let term = zj * t;
        acc[0][0] = acc[0][0] + term;
        acc[1][0] = acc[1][0] + t * t;
        acc[2][0] = acc[2][0] + term.abs();
    }
    let fold = |a: &[T; LANES]| (a[0] + a[2]) + (a[1] + a[3]);
    (fold(&acc[0]), fold(&acc[1]), fold(&acc[2]))
}

/// Root `i`, with `row[j] = d_j - lambda_i`.
#[inline(always)]
fn root<T: LinalgReal>(d: &[T], z: &[T], rho: T, i: usize, row: &mut [T]) -> Option<T> {
    let k = d.len();
    let two = one::<T>() + one::<T>();
    let rhoinv = one::<T>() / rho;
    if k == 1 {
        let t = rho * z[0] * z[0];
        row[0] = -t;
        return Some(d[0] + t);
    }
    for (r, &dj) in row.iter_mut().zip(d) {
        *r = dj - d[i];
    }
    // The origin pole and the bracket (lo, hi) for tau = lambda - d[origin].
    // `wmid` is f at the midpoint between the poles, where the iteration starts.
    let (origin, mut lo, mut hi, wmid) = if i + 1 < k {
        let half = (d[i + 1] - d[i]) / two;
        let wmid = rhoinv + sums(row, z, half).0;
        if wmid >= zero::<T>() {
            (i, zero::<T>(), half, Some(wmid))
        } else {
            (i + 1, -half, zero::<T>(), Some(wmid))
        }
    } else {
        let zz = z.iter().fold(zero::<T>(), |s, &v| s + v * v);
        (i, zero::<T>(), rho * zz, None)
    };
    if origin != i {
        for (r, &dj) in row.iter_mut().zip(d) {
            *r = dj - d[origin];
        }
    }
    // The two poles of the model and the split of the sum between them.
    let p = i.min(k - 2);
    let q = p + 1;
    let eps = T::epsilon();
    let mut tau = (lo + hi) / two;
    if let Some(w) = wmid {
        // First guess (as ?laed4): from the midpoint, the root of the model that keeps the
        // two nearest poles exactly and freezes the rest at their midpoint value.
        let mid = if origin == i { hi } else { lo };
        let (dp, dq) = (row[p] - mid, row[q] - mid);
        let (tp, tq) = (z[p] / dp, z[q] / dq);
        let next = mid + step(w, dp, dq, tp * tp, tq * tq);
        if w == zero::<T>() {
            tau = mid;
        } else if next > lo && next < hi {
            tau = next;
        }
    }
    for _ in 0..MAX_ITER {
        let (psi, dpsi, abs_l) = sums(&row[..=p], &z[..=p], tau);
        let (phi, dphi, abs_r) = sums(&row[q..], &z[q..], tau);
        let abs = abs_l + abs_r;
        let w = rhoinv + psi + phi;
        let bound = (one::<T>() + one::<T>() + one::<T>()) * tau.abs() * (dpsi + dphi)
            + two * rhoinv
            + two * two * two * abs;
        if w.abs() <= eps * bound {
            break;
        }
        if w < zero::<T>() {
            lo = lo.max(tau);
        } else {
            hi = hi.min(tau);
        }
        let (dp, dq) = (row[p] - tau, row[q] - tau);
        let mut next = tau + step(w, dp, dq, dpsi, dphi);
        if next.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater)
            || next.partial_cmp(&hi) != Some(std::cmp::Ordering::Less)
        {
            next = (lo + hi) / two;
        }
        if next == tau || next == lo || next == hi {
            // The bracket is down to adjacent numbers: as converged as it can be.
            break;
        }
        tau = next;
        if tau.is_nan() {
            return None;
        }
    }
    // (Converged, or the cap was reached with the bracket still shrinking; either way the
    // last `tau` is inside the bracket. Only NaN is a failure.)
    for r in row.iter_mut() {
        *r = *r - tau;
    }
    let lam = d[origin] + tau;
    if lam.is_finite() { Some(lam) } else { None }
}

/// The middle-way correction `eta` at a point where `f = w`, the model poles are `dp` and
/// `dq` away and the sums left and right of the root have slopes `dpsi` and `dphi`: the root
/// of `c + dp^2 dpsi / (dp - eta) + dq^2 dphi / (dq - eta)` matched to `w` (the quadratic
/// `c eta^2 - a eta + b = 0`, solved without cancellation); a Newton step when that would
/// go against the slope (or is NaN).
#[inline(always)]
fn step<T: LinalgReal>(w: T, dp: T, dq: T, dpsi: T, dphi: T) -> T {
    let two = one::<T>() + one::<T>();
    let a = (dp + dq) * w - dp * dq * (dpsi + dphi);
    let b = dp * dq * w;
    let c = w - dp * dpsi - dq * dphi;
    let disc = (a * a - two * two * b * c).abs().sqrt();
    let eta = if c == zero::<T>() {
        b / a
    } else if a <= zero::<T>() {
        (a - disc) / (two * c)
    } else {
        two * b / (a + disc)
    };
    // (NaN counts as wrong too.)
    if (w * eta).partial_cmp(&zero::<T>()) == Some(std::cmp::Ordering::Less) {
        eta
    } else {
        -w / (dpsi + dphi)
    }
}

/// The orthonormal eigenvectors of `D + rho z z^T` from the roots (Loewner's formula):
/// `K x K` row-major, row `i` the eigenvector of `lambda_i`, its component on pole `j` in
/// column `pos[j]`. Overwrites the roots' `delta`.
pub(crate) fn secular_vectors<T: LinalgReal>(
    d: &[T],
    z: &[T],
    roots: Roots<T>,
    pos: &[usize],
) -> NdArray<T> {
    use rayon::prelude::*;
    let k = d.len();
    let mut delta = roots.delta;
    // zhat_j^2 = -prod_i (d_j - lambda_i) / prod_{i != j} (d_j - d_i), accumulated row by
    // row of `delta` (contiguous) for a block of poles j at a time.
    let mut zhat = vec![zero::<T>(); k];
    {
        let ds = delta.as_slice().expect("contiguous");
        zhat.par_chunks_mut(ROOTS_PER_TASK * 4)
            .enumerate()
            .for_each(|(c, zh)| {
                let j0 = c * ROOTS_PER_TASK * 4;
                let j1 = j0 + zh.len();
                for (t, w) in zh.iter_mut().enumerate() {
                    *w = ds[(j0 + t) * k + j0 + t];
                }
                for (i, row) in ds.chunks_exact(k).enumerate() {
                    for (t, w) in zh.iter_mut().enumerate() {
                        let j = j0 + t;
                        if j != i {
                            *w = *w * (row[j] / (d[j] - d[i]));
                        }
                    }
                }
                for (w, &zj) in zh.iter_mut().zip(&z[j0..j1]) {
                    let mag = (-*w).abs().sqrt();
                    *w = if zj < zero::<T>() { -mag } else { mag };
                }
            });
    }
    delta
        .as_slice_mut()
        .expect("contiguous")
        .par_chunks_mut(k)
        .with_min_len(ROOTS_PER_TASK)
        .for_each_init(
            || vec![zero::<T>(); k],
            |tmp, row| {
                tmp.copy_from_slice(row);
                let mut ss = zero::<T>();
                for ((&zh, &dl), &p) in zhat.iter().zip(tmp.iter()).zip(pos) {
                    let v = zh / dl;
                    row[p] = v;
                    ss = ss + v * v;
                }
                let inv = one::<T>() / ss.sqrt();
                for v in row.iter_mut() {
                    *v = *v * inv;
                }
            },
        );
    delta
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Roots interlace the poles, each satisfies the equation, and the vectors are
    /// orthonormal eigenvectors of `D + rho z z^T`.
    #[test]
    fn roots_and_vectors_of_small_updates() {
        let cases: Vec<(Vec<f64>, Vec<f64>, f64)> = vec![
            (vec![1.0], vec![1.0], 0.5),
            (vec![0.0, 1.0], vec![0.6, 0.8], 1.0),
            (vec![-1.0, 0.0, 1e-9, 2.0], vec![0.5, 0.5, 0.5, 0.5], 3.0),
            (
                (0..40).map(|i| (i as f64).powi(2) / 100.0).collect(),
                (0..40).map(|i| 1.0 + (i as f64 * 0.7).sin()).collect(),
                0.01,
            ),
        ];
        for (d, mut z, rho) in cases {
            let k = d.len();
            let nz = z.iter().map(|v| v * v).sum::<f64>().sqrt();
            z.iter_mut().for_each(|v| *v /= nz);
            let roots = secular_roots(&d, &z, rho).unwrap();
            for i in 0..k {
                let l = roots.lambda[i];
                assert!(l > d[i] && (i + 1 == k || l < d[i + 1]), "interlacing {i}");
            }
            let lambda = roots.lambda.clone();
            let pos: Vec<usize> = (0..k).collect();
            let s = secular_vectors(&d, &z, roots, &pos).to_vec();
            for i in 0..k {
                for j in 0..k {
                    let dotp: f64 = (0..k).map(|p| s[i * k + p] * s[j * k + p]).sum();
                    let want = if i == j { 1.0 } else { 0.0 };
                    assert!((dotp - want).abs() < 1e-13 * k as f64, "orthogonality");
                }
                // (D + rho z z^T) s_i = lambda_i s_i.
                let zs: f64 = (0..k).map(|p| z[p] * s[i * k + p]).sum();
                for p in 0..k {
                    let got = d[p] * s[i * k + p] + rho * z[p] * zs;
                    let scale = d.iter().fold(rho, |m, v| m.max(v.abs()));
                    assert!(
                        (got - lambda[i] * s[i * k + p]).abs() < 1e-13 * k as f64 * scale,
                        "residual"
                    );
                }
            }
        }
    }
}
