//! The secular equation of a divide-and-conquer merge (LAPACK `?lasd4`, one root at a
//! time): the singular values of `[z^T; 0 diag(d)]` (`d_0 = 0`) are the roots of
//! `f(s) = 1 + sum z_j^2 / (d_j^2 - s^2)`, one in each interval `(d_j, d_{j+1})` and the last
//! above `d_{k-1}`.
//!
//! Each root is found relative to its nearer pole `d_o` (chosen by the sign of `f` at the
//! middle of the interval) as `s^2 = d_o^2 + tau`, with every `d_j^2 - s^2` formed as
//! `(d_j - d_o)(d_j + d_o) - tau`: no cancellation, so `tau` and `eta = s - d_o` keep full
//! relative accuracy, which the Gu-Eisenstat vectors in [`bdsdc`](super::bdsdc) need. The
//! iteration fits the two nearest poles with a rational model (Bunch-Nielsen-Sorensen) and
//! takes its root when it falls inside the current bracket, else bisects; at most
//! [`MAX_ROOT_ITERS`] steps, then [`NoConvergence`].

use super::bdsqr::NoConvergence;
use super::{LinalgReal, one, zero};

/// Most iterations of the root finder per root.
const MAX_ROOT_ITERS: usize = 80;

/// A root of the secular equation: `sigma = d[origin] + eta`.
#[derive(Clone, Copy)]
pub(crate) struct Root<T> {
    /// Index of the pole the root was found from.
    pub origin: usize,
    /// `sigma - d[origin]`, computed without cancellation.
    pub eta: T,
    /// The singular value.
    pub sigma: T,
}

/// The `k` roots of `1 + sum z_j^2 / (d_j^2 - s^2) = 0` for `0 = d_0 < d_1 < ... < d_{k-1}`
/// (gaps above the deflation tolerance) and nonzero `z` (`?lasd4`, one root at a time).
pub(crate) fn secular_roots<T: LinalgReal>(
    d: &[T],
    z: &[T],
) -> Result<Vec<Root<T>>, NoConvergence> {
    let k = d.len();
    let zz: T = z.iter().fold(zero::<T>(), |a, &x| a + x * x);
    let two = one::<T>() + one::<T>();
    // Each root on its own (the same bits whatever the thread count).
    let root = |j: usize, delta: &mut Vec<T>| -> Result<Root<T>, NoConvergence> {
        delta.resize(k, zero::<T>());
        // Pick the origin (the nearer pole) by the sign of f at the middle of the interval.
        let (origin, lo, hi) = if j + 1 == k {
            (j, zero::<T>(), zz)
        } else {
            let gap = (d[j + 1] - d[j]) * (d[j + 1] + d[j]);
            let mid = gap / two;
            set_delta(delta, d, j);
            if secular(delta, z, mid).0 >= zero::<T>() {
                (j, zero::<T>(), mid)
            } else {
                (j + 1, -mid, zero::<T>())
            }
        };
        set_delta(delta, d, origin);
        let tau = solve_one(delta, z, j, origin == j, lo, hi)?;
        let dor = d[origin];
        let sigma = (dor * dor + tau).sqrt();
        let eta = tau / (dor + sigma);
        Ok(Root {
            origin,
            eta,
            sigma: dor + eta,
        })
    };
    if k >= PAR_MIN_ROOTS && rayon::current_num_threads() > 1 {
        use rayon::prelude::*;
        (0..k)
            .into_par_iter()
            .map_init(Vec::new, |delta, j| root(j, delta))
            .collect()
    } else {
        let mut delta = Vec::new();
        (0..k).map(|j| root(j, &mut delta)).collect()
    }
}

/// Merges with at least this many roots solve them on rayon's threads.
pub(crate) const PAR_MIN_ROOTS: usize = 64;

/// `delta_i = d_i^2 - d_o^2`, formed as `(d_i - d_o)(d_i + d_o)`.
fn set_delta<T: LinalgReal>(delta: &mut [T], d: &[T], o: usize) {
    for (x, &di) in delta.iter_mut().zip(d) {
        *x = (di - d[o]) * (di + d[o]);
    }
}

/// `f(tau) = 1 + sum z_i^2 / (delta_i - tau)`; returns `(f, 1 + sum |terms|)`.
fn secular<T: LinalgReal>(delta: &[T], z: &[T], tau: T) -> (T, T) {
    let mut f = one::<T>();
    let mut a = one::<T>();
    for (&dl, &zi) in delta.iter().zip(z) {
        let t = zi * zi / (dl - tau);
        f = f + t;
        a = a + t.abs();
    }
    (f, a)
}

/// The root in `(lo, hi)` (in `tau = s^2 - d_o^2`) between poles `j` and `j + 1`
/// (`delta` relative to the origin; `left` when the origin is pole `j`).
fn solve_one<T: LinalgReal>(
    delta: &[T],
    z: &[T],
    j: usize,
    left: bool,
    mut lo: T,
    mut hi: T,
) -> Result<T, NoConvergence> {
    let k = delta.len();
    let two = one::<T>() + one::<T>();
    let eps = T::epsilon();
    let last = j + 1 == k;
    // Start between the origin and the far end of the bracket.
    let mut tau = if left { hi / two } else { lo / two };
    if last {
        tau = hi / two;
    }
    for _ in 0..MAX_ROOT_ITERS {
        // psi: poles 0..=j, phi: poles j+1..; values and derivatives at tau.
        let (mut psi, mut dpsi, mut phi, mut dphi, mut abs) = (
            zero::<T>(),
            zero::<T>(),
            zero::<T>(),
            zero::<T>(),
            one::<T>(),
        );
        for i in 0..k {
            let r = one::<T>() / (delta[i] - tau);
            let t = z[i] * z[i] * r;
            abs = abs + t.abs();
            if i <= j {
                psi = psi + t;
                dpsi = dpsi + t * r;
            } else {
                phi = phi + t;
                dphi = dphi + t * r;
            }
        }
        let f = one::<T>() + psi + phi;
        if f.is_nan() {
            return Err(NoConvergence);
        }
        if f.abs() <= eps * T::from(8 * k).expect("k") * abs {
            return Ok(tau);
        }
        if f < zero::<T>() {
            lo = tau;
        } else {
            hi = tau;
        }
        // Model psi ~ a + b / (delta_j - x), phi ~ A + B / (delta_{j+1} - x); solve.
        let pj = delta[j] - tau;
        let b = dpsi * pj * pj;
        let mut next = None;
        if last {
            // c + b / (delta_j - x) = 0 with c = 1 + psi - b / pj.
            let c = one::<T>() + psi - b / pj;
            if c != zero::<T>() {
                next = Some(delta[j] + b / c);
            }
        } else {
            let pk = delta[j + 1] - tau;
            let bb = dphi * pk * pk;
            let c = one::<T>() + psi - b / pj + phi - bb / pk;
            // In y = x - tau: c (pj - y)(pk - y) + b (pk - y) + bb (pj - y) = 0.
            let qa = c;
            let qb = -(c * (pj + pk) + b + bb);
            let qc = c * pj * pk + b * pk + bb * pj;
            let disc = qb * qb - two * two * qa * qc;
            if disc >= zero::<T>() {
                let sq = disc.sqrt();
                let q = if qb < zero::<T>() {
                    -(qb - sq) / two
                } else {
                    -(qb + sq) / two
                };
                let cands = [
                    if qa != zero::<T>() { q / qa } else { T::nan() },
                    if q != zero::<T>() { qc / q } else { T::nan() },
                ];
                for y in cands {
                    let x = tau + y;
                    if x > lo && x < hi {
                        next = Some(x);
                        break;
                    }
                }
            }
        }
        let cand = match next {
            Some(x) if x > lo && x < hi && x != tau => x,
            _ => (lo + hi) / two,
        };
        if (cand - tau).abs() <= eps * tau.abs().max(lo.abs().min(hi.abs())) || cand == tau {
            return Ok(cand);
        }
        if (hi - lo).abs() <= two * eps * lo.abs().max(hi.abs()) {
            return Ok((lo + hi) / two);
        }
        tau = cand;
    }
    Err(NoConvergence)
}
