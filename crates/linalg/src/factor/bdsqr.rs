//! Singular values (and vectors) of an upper bidiagonal matrix by implicit-shift QR
//! (LAPACK `?bdsqr`): the second half of [`svd`](super::svd()).
//!
//! Golub-Kahan sweeps chase a bulge down the active block, shifted by the smaller singular
//! value of the trailing 2x2 (`?las2`), or unshifted when that shift is negligible against
//! the top of the block (Demmel-Kahan). A superdiagonal entry is dropped when it is below
//! `eps` times its neighbours or `eps ||B||`, a negligible diagonal entry is set to zero and
//! its row (or column) chased out by rotations. The rotations of one sweep are recorded and
//! applied afterwards to the rows of `U^T` and `V^T` a column strip at a time (LAPACK `?lasr`
//! shape): the strip stays in cache, and each element is loaded and stored once per sweep.
//! Iterations are capped (`6 n^2` inner steps, LAPACK's): a non-finite input ends in
//! [`NoConvergence`] rather than a hang.

use super::{LinalgReal, one, zero};

/// The iteration cap ran out (NaN input, or a pathological matrix).
#[derive(Debug)]
pub(crate) struct NoConvergence;

/// Width of the column strips rotations are applied to.
const STRIP: usize = 64;

/// Rows of a matrix rotated along with `B`: row-major, `cols` columns, row `i` paired with
/// `B`'s row (for `U^T`) or column (for `V^T`) `i`.
pub(crate) struct Vectors<'a, T> {
    /// The elements.
    pub data: &'a mut [T],
    /// Row length.
    pub cols: usize,
}

/// `(c, s, r)` with `c f + s g = r`, `-s f + c g = 0`, `c^2 + s^2 = 1` (`?lartg`).
fn lartg<T: LinalgReal>(f: T, g: T) -> (T, T, T) {
    if g == zero::<T>() {
        return (one::<T>(), zero::<T>(), f);
    }
    if f == zero::<T>() {
        return (zero::<T>(), one::<T>(), g);
    }
    // sqrt(f^2 + g^2) directly when neither square can overflow or underflow (libm's hypot
    // is several times slower and this runs once per rotation).
    let (fa, ga) = (f.abs(), g.abs());
    let big = fa.max(ga);
    let small = fa.min(ga);
    let r = if big < T::max_value().sqrt() * T::epsilon() && small > T::min_positive_value().sqrt()
    {
        (f * f + g * g).sqrt()
    } else {
        f.hypot(g)
    };
    let r = if f < zero::<T>() { -r } else { r };
    (f / r, g / r, r)
}

/// The smaller singular value of `[[f, g], [0, h]]` (`?las2`).
fn las2_min<T: LinalgReal>(f: T, g: T, h: T) -> T {
    let (fa, ga, ha) = (f.abs(), g.abs(), h.abs());
    let (fhmn, fhmx) = (fa.min(ha), fa.max(ha));
    let two = one::<T>() + one::<T>();
    if fhmn == zero::<T>() {
        return zero::<T>();
    }
    if ga < fhmx {
        let as_ = one::<T>() + fhmn / fhmx;
        let at = (fhmx - fhmn) / fhmx;
        let au = (ga / fhmx) * (ga / fhmx);
        let c = two / ((as_ * as_ + au).sqrt() + (at * at + au).sqrt());
        fhmn * c
    } else {
        let au = fhmx / ga;
        if au == zero::<T>() {
            return (fhmn * fhmx) / ga;
        }
        let as_ = one::<T>() + fhmn / fhmx;
        let at = (fhmx - fhmn) / fhmx;
        let c = one::<T>()
            / ((one::<T>() + (as_ * au) * (as_ * au)).sqrt()
                + (one::<T>() + (at * au) * (at * au)).sqrt());
        two * (fhmn * c) * au
    }
}

/// One recorded step of the rotations applied to `B`'s rows (or columns).
enum Step<T> {
    /// `rots[start..start + len]` on the pairs `(lo + k, lo + k + 1)`, `k` ascending.
    Sweep { lo: usize, start: usize, len: usize },
    /// One rotation of the pair `(i, j)`.
    Pair { i: usize, j: usize, c: T, s: T },
}

/// Every rotation of one side, in order, each acting on a pair of rows as
/// `(x, y) <- (c x + s y, -s x + c y)`; replayed onto `U^T` or `V^T` at the end.
struct RotationLog<T> {
    on: bool,
    steps: Vec<Step<T>>,
    rots: Vec<(T, T)>,
}

impl<T: LinalgReal> RotationLog<T> {
    fn new(on: bool) -> Self {
        RotationLog {
            on,
            steps: Vec::new(),
            rots: Vec::new(),
        }
    }

    fn sweep(&mut self, lo: usize, rots: &[(T, T)]) {
        if self.on && !rots.is_empty() {
            self.steps.push(Step::Sweep {
                lo,
                start: self.rots.len(),
                len: rots.len(),
            });
            self.rots.extend_from_slice(rots);
        }
    }

    fn pair(&mut self, i: usize, j: usize, c: T, s: T) {
        if self.on {
            self.steps.push(Step::Pair { i, j, c, s });
        }
    }

    /// Replays the log onto the rows of `w`, one strip of [`STRIP`] columns at a time: the
    /// strip (copied out, zero-padded) stays in cache through all the rotations, and the
    /// strips are independent, so they run on rayon's threads with the same bits whatever
    /// the thread count.
    fn apply(&self, w: &mut Vectors<'_, T>) {
        let (rows, cols) = (w.data.len() / w.cols.max(1), w.cols);
        if self.steps.is_empty() || cols == 0 {
            return;
        }
        let strips = cols.div_ceil(STRIP);
        let mut bufs: Vec<Vec<T>> = (0..strips)
            .map(|b| {
                let (c0, cw) = (b * STRIP, STRIP.min(cols - b * STRIP));
                let mut buf = vec![zero::<T>(); rows * STRIP];
                for r in 0..rows {
                    buf[r * STRIP..r * STRIP + cw]
                        .copy_from_slice(&w.data[r * cols + c0..r * cols + c0 + cw]);
                }
                buf
            })
            .collect();
        let work = (self.rots.len() + self.steps.len()) * cols;
        if work >= 1 << 20 && rayon::current_num_threads() > 1 {
            use rayon::prelude::*;
            bufs.par_iter_mut().for_each(|buf| self.replay(buf));
        } else {
            bufs.iter_mut().for_each(|buf| self.replay(buf));
        }
        for (b, buf) in bufs.iter().enumerate() {
            let (c0, cw) = (b * STRIP, STRIP.min(cols - b * STRIP));
            for r in 0..rows {
                w.data[r * cols + c0..r * cols + c0 + cw]
                    .copy_from_slice(&buf[r * STRIP..r * STRIP + cw]);
            }
        }
    }

    /// The log on one strip (`rows x STRIP`, row-major) at the dispatched SIMD level
    /// (`numerust_kernels::simd::level()`); AVX2/AVX-512 fuse the multiply-adds.
    fn replay(&self, buf: &mut [T]) {
        use numerust_kernels::simd::{Level, level};
        match level() {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `level()` returns Avx512 only when the CPU has AVX-512F, AVX2 and FMA.
            Level::Avx512 => unsafe { replay_avx512(self, buf) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `level()` returns Avx2 only when the CPU has AVX2 and FMA.
            Level::Avx2 => unsafe { replay_avx2(self, buf) },
            _ => replay_body::<T, false>(self, buf),
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn replay_avx512<T: LinalgReal>(log: &RotationLog<T>, buf: &mut [T]) {
    replay_body::<T, true>(log, buf)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn replay_avx2<T: LinalgReal>(log: &RotationLog<T>, buf: &mut [T]) {
    replay_body::<T, true>(log, buf)
}

/// `(c x + s y, -s x + c y)`, fused when `FMA` (only inside the `#[target_feature]`
/// wrappers, where `mul_add` is one instruction).
#[inline(always)]
fn rot<T: LinalgReal, const FMA: bool>(c: T, s: T, x: T, y: T) -> (T, T) {
    if FMA {
        (c.mul_add(x, s * y), c.mul_add(y, -(s * x)))
    } else {
        (c * x + s * y, c * y - s * x)
    }
}

/// The body of [`RotationLog::replay`]: a sweep carries the row it just rotated into the
/// next rotation in a local strip, so each element is loaded and stored once per sweep.
#[inline(always)]
fn replay_body<T: LinalgReal, const FMA: bool>(log: &RotationLog<T>, buf: &mut [T]) {
    let mut carry = [zero::<T>(); STRIP];
    for step in &log.steps {
        match *step {
            Step::Sweep { lo, start, len } => {
                carry.copy_from_slice(&buf[lo * STRIP..(lo + 1) * STRIP]);
                for (k, &(c, s)) in log.rots[start..start + len].iter().enumerate() {
                    let (head, tail) = buf.split_at_mut((lo + k + 1) * STRIP);
                    let out: &mut [T; STRIP] = (&mut head[(lo + k) * STRIP..])
                        .try_into()
                        .expect("one strip row");
                    let next: &[T; STRIP] = tail[..STRIP].try_into().expect("one strip row");
                    for t in 0..STRIP {
                        let (a, b) = rot::<T, FMA>(c, s, carry[t], next[t]);
                        out[t] = a;
                        carry[t] = b;
                    }
                }
                let last = lo + len;
                buf[last * STRIP..(last + 1) * STRIP].copy_from_slice(&carry);
            }
            Step::Pair { i, j, c, s } => {
                for t in 0..STRIP {
                    let (a, b) = rot::<T, FMA>(c, s, buf[i * STRIP + t], buf[j * STRIP + t]);
                    buf[i * STRIP + t] = a;
                    buf[j * STRIP + t] = b;
                }
            }
        }
    }
}

/// Swaps rows `i` and `j` of `w`.
fn swap_rows<T: LinalgReal>(w: &mut Option<Vectors<'_, T>>, i: usize, j: usize) {
    let Some(w) = w else { return };
    let cols = w.cols;
    for t in 0..cols {
        w.data.swap(i * cols + t, j * cols + t);
    }
}

/// The SVD of the upper bidiagonal `B` (`d` diagonal, `e` superdiagonal): on return `d` holds
/// the singular values, descending and non-negative, and the rows of `ut` and `vt` have been
/// rotated (and permuted) so that `B = ut_in^T-side ...`: precisely, if on entry `ut = X^T`
/// and `vt = Y^T`, on return `ut = (X U_B)^T` and `vt = (Y V_B)^T` with `B = U_B S V_B^T`.
///
/// # Errors
/// [`NoConvergence`] when the iteration cap runs out (NaN input).
pub(crate) fn bdsqr<T: LinalgReal>(
    d: &mut [T],
    e: &mut [T],
    mut ut: Option<Vectors<'_, T>>,
    mut vt: Option<Vectors<'_, T>>,
) -> Result<(), NoConvergence> {
    let n = d.len();
    if n == 0 {
        return Ok(());
    }
    let eps = T::epsilon();
    let smax = d
        .iter()
        .chain(e.iter())
        .fold(zero::<T>(), |m, &x| m.max(x.abs()));
    let floor = eps * smax;
    let negligible =
        |e: T, d0: T, d1: T| e.abs() <= eps * (d0.abs() + d1.abs()) || e.abs() <= floor;
    let maxit = 6 * n * n;
    let mut iters = 0usize;
    let mut ulog = RotationLog::new(ut.is_some());
    let mut vlog = RotationLog::new(vt.is_some());
    let mut left: Vec<(T, T)> = Vec::with_capacity(n);
    let mut right: Vec<(T, T)> = Vec::with_capacity(n);
    let mut hi = n - 1;
    while hi > 0 {
        if negligible(e[hi - 1], d[hi - 1], d[hi]) {
            e[hi - 1] = zero::<T>();
            hi -= 1;
            continue;
        }
        let mut lo = hi - 1;
        while lo > 0 && !negligible(e[lo - 1], d[lo - 1], d[lo]) {
            lo -= 1;
        }
        if lo > 0 {
            e[lo - 1] = zero::<T>();
        }
        iters += hi - lo;
        if iters > maxit {
            return Err(NoConvergence);
        }
        // A negligible diagonal entry: zero it and chase its row (or the last column) out.
        if let Some(k) = (lo..=hi).find(|&k| d[k].abs() <= floor) {
            d[k] = zero::<T>();
            if k < hi {
                let mut f = e[k];
                e[k] = zero::<T>();
                for j in k + 1..=hi {
                    let (c, s, r) = lartg(d[j], f);
                    d[j] = r;
                    ulog.pair(j, k, c, s);
                    if j < hi {
                        f = -s * e[j];
                        e[j] = c * e[j];
                    }
                }
            } else {
                let mut f = e[hi - 1];
                e[hi - 1] = zero::<T>();
                for j in (lo..hi).rev() {
                    let (c, s, r) = lartg(d[j], f);
                    d[j] = r;
                    vlog.pair(j, hi, c, s);
                    if j > lo {
                        f = -s * e[j - 1];
                        e[j - 1] = c * e[j - 1];
                    }
                }
            }
            continue;
        }
        // Shift: the smaller singular value of the trailing 2x2; none if negligible.
        let mut shift = las2_min(d[hi - 1], e[hi - 1], d[hi]);
        let top = d[lo].abs();
        if top > zero::<T>() && (shift / top) * (shift / top) < eps {
            shift = zero::<T>();
        }
        let mut y = (d[lo].abs() - shift) * (d[lo].signum() + shift / d[lo]);
        let mut z = e[lo];
        left.clear();
        right.clear();
        for k in lo..hi {
            let (c, s, r) = lartg(y, z);
            if k > lo {
                e[k - 1] = r;
            }
            y = c * d[k] + s * e[k];
            e[k] = c * e[k] - s * d[k];
            z = s * d[k + 1];
            d[k + 1] = c * d[k + 1];
            right.push((c, s));
            let (c, s, r) = lartg(y, z);
            d[k] = r;
            y = c * e[k] + s * d[k + 1];
            d[k + 1] = c * d[k + 1] - s * e[k];
            if k + 1 < hi {
                z = s * e[k + 1];
                e[k + 1] = c * e[k + 1];
            }
            left.push((c, s));
        }
        e[hi - 1] = y;
        vlog.sweep(lo, &right);
        ulog.sweep(lo, &left);
    }
    if let Some(w) = ut.as_mut() {
        ulog.apply(w);
    }
    if let Some(w) = vt.as_mut() {
        vlog.apply(w);
    }
    // Non-negative values (flip V's row), then descending order (permute both).
    for (i, x) in d.iter_mut().enumerate() {
        if *x < zero::<T>() {
            *x = -*x;
            if let Some(w) = vt.as_mut() {
                w.data[i * w.cols..(i + 1) * w.cols]
                    .iter_mut()
                    .for_each(|v| *v = -*v);
            }
        }
    }
    // Selection sort by swaps (n swaps of rows at most), NaN-safe.
    for i in 0..n {
        let mut best = i;
        for j in i + 1..n {
            if d[j] > d[best] {
                best = j;
            }
        }
        if best != i {
            d.swap(i, best);
            swap_rows(&mut ut, i, best);
            swap_rows(&mut vt, i, best);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `B = U S V^T` with orthogonal `U`, `V` for bidiagonals with zeros, clusters and grading.
    #[test]
    fn bidiagonal_svd_laws() {
        let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
            (vec![3.0], vec![]),
            (vec![1.0, 2.0], vec![0.5]),
            (vec![1.0, 0.0, 2.0, 3.0], vec![1.0, 1.0, 1.0]),
            (vec![1.0, 2.0, 3.0, 0.0], vec![1.0, 1.0, 1.0]),
            (vec![1.0; 40], vec![1e-9; 39]),
            ((0..30).map(|i| 0.5f64.powi(i)).collect(), vec![0.25; 29]),
            (
                (0..70).map(|i| (i as f64).sin()).collect(),
                (0..69).map(|i| (i as f64).cos()).collect(),
            ),
        ];
        for (d0, e0) in cases {
            let n = d0.len();
            let (mut d, mut e) = (d0.clone(), e0.clone());
            let mut u = vec![0.0; n * n];
            let mut v = vec![0.0; n * n];
            for i in 0..n {
                u[i * n + i] = 1.0;
                v[i * n + i] = 1.0;
            }
            bdsqr(
                &mut d,
                &mut e,
                Some(Vectors {
                    data: &mut u,
                    cols: n,
                }),
                Some(Vectors {
                    data: &mut v,
                    cols: n,
                }),
            )
            .unwrap();
            assert!(d.windows(2).all(|w| w[0] >= w[1]) && d[n - 1] >= 0.0);
            let bnorm = d0.iter().chain(&e0).fold(0.0f64, |m, x| m.max(x.abs()));
            let tol = 32.0 * n as f64 * f64::EPSILON * bnorm.max(1e-300);
            for i in 0..n {
                for j in 0..n {
                    // (U S V^T)[i, j] with U = u^T, V^T = v.
                    let x: f64 = (0..n).map(|k| u[k * n + i] * d[k] * v[k * n + j]).sum();
                    let b = if i == j {
                        d0[i]
                    } else if j == i + 1 {
                        e0[i]
                    } else {
                        0.0
                    };
                    assert!(
                        (x - b).abs() <= tol,
                        "n={n}: B != U S V^T at ({i},{j}): {x} vs {b}"
                    );
                    let uu: f64 = (0..n).map(|k| u[i * n + k] * u[j * n + k]).sum();
                    let vv: f64 = (0..n).map(|k| v[i * n + k] * v[j * n + k]).sum();
                    let want = if i == j { 1.0 } else { 0.0 };
                    assert!(
                        (uu - want).abs() <= tol.max(1e-13) && (vv - want).abs() <= tol.max(1e-13)
                    );
                }
            }
        }
    }

    /// NaN never hangs: the cap ends the iteration.
    #[test]
    fn nan_ends() {
        let mut d = vec![1.0, f64::NAN, 2.0];
        let mut e = vec![1.0, 1.0];
        let _ = bdsqr(&mut d, &mut e, None, None);
    }

    /// The fused (AVX2/AVX-512) replays agree with the scalar one to rounding, and the
    /// threaded apply gives the same bits as one thread.
    #[test]
    fn replay_levels_agree() {
        let rows = 40;
        let mut log = RotationLog::new(true);
        let mut k = 0.0f64;
        for lo in [0usize, 3, 10, 0, 20] {
            let rots: Vec<(f64, f64)> = (0..rows - 1 - lo)
                .map(|_| {
                    k += 0.37;
                    (k.cos(), k.sin())
                })
                .collect();
            log.sweep(lo, &rots);
            log.pair(2, 30, 0.6, 0.8);
        }
        let base: Vec<f64> = (0..rows * STRIP)
            .map(|i| ((i * 7919) % 1000) as f64 / 500.0 - 1.0)
            .collect();
        let mut want = base.clone();
        replay_body::<f64, false>(&log, &mut want);
        #[cfg(target_arch = "x86_64")]
        for (name, ok) in [
            (
                "avx2",
                is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma"),
            ),
            (
                "avx512",
                is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("fma"),
            ),
        ] {
            if !ok {
                println!("{name} skipped");
                continue;
            }
            let mut got = base.clone();
            if name == "avx2" {
                // SAFETY: AVX2 and FMA were detected above.
                unsafe { replay_avx2(&log, &mut got) }
            } else {
                // SAFETY: AVX-512F (and so AVX2) and FMA were detected above.
                unsafe { replay_avx512(&log, &mut got) }
            }
            for (x, y) in got.iter().zip(&want) {
                assert!((x - y).abs() <= 1e-13, "{name}: {x} vs {y}");
            }
        }
        // Threads: a 1-thread pool and a 2-thread pool give the same bits (a log long enough
        // for the threaded path).
        let rots: Vec<(f64, f64)> = (0..rows - 1)
            .map(|i| ((i as f64).cos(), (i as f64).sin()))
            .collect();
        for _ in 0..150 {
            log.sweep(0, &rots);
        }
        let cols = 3 * STRIP + 5;
        let _guard = crate::factor::gebrd::tests::LEVEL_LOCK
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        assert!((log.rots.len() + log.steps.len()) * cols >= 1 << 20);
        let data: Vec<f64> = (0..rows * cols).map(|i| ((i * 31) % 97) as f64).collect();
        let apply = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut d = data.clone();
            pool.install(|| log.apply(&mut Vectors { data: &mut d, cols }));
            d
        };
        assert_eq!(apply(1), apply(2));
    }
}
