//! Francis double-shift QR on an upper Hessenberg matrix (EISPACK `hqr2`'s iteration, as in
//! JAMA; LAPACK `?lahqr`), for `eig` and `eigvals`.
//!
//! `H` and `V` are column-major (`n x n`, column `j` at `[j n, (j + 1) n)`), so the hot
//! updates, a 3x3 reflector applied to three columns of `H` and of `V`, are unit-stride loops
//! that LLVM vectorises; the update of three rows of `H` touches three adjacent elements of
//! each column, so it is applied at once only near the diagonal and delayed for the columns
//! further right, where a group of 32 reflectors is applied per block of columns in one pass
//! (LAPACK `?laqr5`'s split without its GEMM; same operations in the same order). With `v = None` (eigenvalues only, LAPACK's `wantt = wantz = false`) the
//! reflectors touch only the active window `l..=n` and the 2x2 blocks are not standardised,
//! which skips most of the work. Iterations are capped (exceptional shifts at 10 and 30
//! iterations without deflation, `60 n` in all).

use super::{LinalgReal, zero};

/// `x`, `y`, `z` (with `q = y / x`, `r = z / x`): one reflector `I - [1, q, r]^T [x, y, z]`.
#[derive(Clone, Copy)]
struct Reflector<T> {
    x: T,
    y: T,
    z: T,
    q: T,
    r: T,
}

/// Reflectors per group whose updates of the rows far right of the diagonal are delayed
/// and applied together, one pass over each column (`flush`).
const GROUP: usize = 32;

/// Columns per block in `flush` (measured at n = 500: 32 x 32 beat 8 x 16 and 64 x 4 by
/// 5 to 10%, and the unblocked update by 10%).
const FLUSH_COLS: usize = 32;

/// Applies `rf` from the left to `t[0..3]` (`t[0..2]` when `last`): rows `k..=k+2` of one
/// column, `t` starting at row `k`.
#[inline(always)]
fn apply_left<T: LinalgReal>(t: &mut [T], rf: Reflector<T>, last: bool) {
    let Reflector { x, y, z, q, r } = rf;
    let mut p = t[0] + q * t[1];
    if !last {
        p = p + r * t[2];
        t[2] = t[2] - p * z;
    }
    t[0] = t[0] - p * x;
    t[1] = t[1] - p * y;
}

/// The delayed row updates: each of `pending`'s reflectors `(k, rf, last)`, in order, on
/// columns `from..to` of the column-major `h` (`nn` rows). Every column gets the same
/// operations in the same order as one reflector at a time would give it (no column
/// update touches these columns meanwhile), but its rows `k..` stay in L1 across the group
/// instead of a strided pass over all columns per reflector.
#[inline(always)]
fn flush<T: LinalgReal>(
    h: &mut [T],
    nn: usize,
    pending: &[(usize, Reflector<T>, bool)],
    (from, to): (usize, usize),
) {
    if pending.is_empty() || from >= to {
        return;
    }
    // Blocks of columns: each reflector's (dependent) updates of several columns interleave.
    for block in h[from * nn..to * nn].chunks_mut(FLUSH_COLS * nn) {
        for &(k, rf, last) in pending {
            for col in block.chunks_exact_mut(nn) {
                apply_left(&mut col[k..], rf, last);
            }
        }
    }
}

/// Applies `rf` from the right to rows `rows` of columns `k`, `k + 1` (and `k + 2` unless
/// `last`) of the column-major `m` (`nn` rows).
#[inline(always)]
fn apply_right<T: LinalgReal>(
    m: &mut [T],
    nn: usize,
    k: usize,
    rows: std::ops::Range<usize>,
    rf: Reflector<T>,
    last: bool,
) {
    let Reflector { x, y, z, q, r } = rf;
    let (c0, rest) = m[k * nn..].split_at_mut(nn);
    let (c1, rest) = rest.split_at_mut(nn);
    let (c0, c1) = (&mut c0[rows.clone()], &mut c1[rows.clone()]);
    if last {
        for (a, b) in c0.iter_mut().zip(c1.iter_mut()) {
            let p = x * *a + y * *b;
            *a = *a - p;
            *b = *b - p * q;
        }
    } else {
        let c2 = &mut rest[rows];
        for ((a, b), c) in c0.iter_mut().zip(c1.iter_mut()).zip(c2.iter_mut()) {
            let p = x * *a + y * *b + z * *c;
            *c = *c - p * r;
            *a = *a - p;
            *b = *b - p * q;
        }
    }
}

/// Rotates columns `k`, `k + 1` of the column-major `m` by `(p, q)` on rows `rows`.
#[inline(always)]
fn rotate_columns<T: LinalgReal>(
    m: &mut [T],
    nn: usize,
    k: usize,
    rows: std::ops::Range<usize>,
    p: T,
    q: T,
) {
    let (c0, rest) = m[k * nn..].split_at_mut(nn);
    for (a, b) in c0[rows.clone()].iter_mut().zip(&mut rest[rows]) {
        let z = *a;
        *a = q * z + p * *b;
        *b = q * *b - p * z;
    }
}

/// The real Schur form of the column-major Hessenberg `h` (`nn x nn`), the eigenvalues into
/// `(d, e)` (real, imaginary parts; a complex pair adjacent, positive imaginary part first),
/// and, when `v` is given, the transformations accumulated into it (column-major).
///
/// Returns the 1-norm-like size of `h` the back-substitution scales by (`hqr2`'s `norm`),
/// or `None` when the iteration cap was hit (NaN/inf input): then `d` is NaN.
///
/// Compiled three times (AVX-512, AVX2 + FMA, baseline) and picked by `simd::level()`: the
/// reflector and rotation loops are element-wise, so wider vectors change no bits.
pub(crate) fn hqr<T: LinalgReal>(
    h: &mut [T],
    v: Option<&mut [T]>,
    nn: usize,
    d: &mut [T],
    e: &mut [T],
) -> Option<T> {
    #[cfg(target_arch = "x86_64")]
    {
        use numerust_kernels::simd::{Level, level};
        if level() >= Level::Avx512 {
            // SAFETY: `level()` is Avx512 only when the CPU has AVX-512F, AVX2 and FMA, all
            // that `hqr_avx512` requires; its body is safe code.
            return unsafe { hqr_avx512(h, v, nn, d, e) };
        }
        if level() >= Level::Avx2 {
            // SAFETY: `level()` is Avx2 only when the CPU has AVX2 and FMA, all that
            // `hqr_avx2` requires; its body is safe code.
            return unsafe { hqr_avx2(h, v, nn, d, e) };
        }
    }
    hqr_body(h, v, nn, d, e)
}

/// [`hqr_body`] compiled for AVX-512 (512-bit column updates).
///
/// # Safety
/// The CPU has AVX-512F, AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn hqr_avx512<T: LinalgReal>(
    h: &mut [T],
    v: Option<&mut [T]>,
    nn: usize,
    d: &mut [T],
    e: &mut [T],
) -> Option<T> {
    hqr_body(h, v, nn, d, e)
}

/// [`hqr_body`] compiled for AVX2 + FMA (256-bit column updates).
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn hqr_avx2<T: LinalgReal>(
    h: &mut [T],
    v: Option<&mut [T]>,
    nn: usize,
    d: &mut [T],
    e: &mut [T],
) -> Option<T> {
    hqr_body(h, v, nn, d, e)
}

/// The iteration itself (see [`hqr`]).
#[allow(clippy::too_many_lines)]
#[inline(always)]
fn hqr_body<T: LinalgReal>(
    h: &mut [T],
    mut v: Option<&mut [T]>,
    nn: usize,
    d: &mut [T],
    e: &mut [T],
) -> Option<T> {
    let ni = nn as isize;
    let at = |i: isize, j: isize| (j * ni + i) as usize;
    let want = v.is_some();
    let low = 0isize;
    let eps = T::epsilon();
    let c = |x: f64| T::from(x).unwrap_or(zero::<T>());
    let two = c(2.0);
    let mut exshift = zero::<T>();
    let (mut p, mut q, mut r) = (zero::<T>(), zero::<T>(), zero::<T>());
    let (mut s, mut z, mut w, mut x, mut y);
    let mut norm = zero::<T>();
    for j in 0..ni {
        for i in 0..=(j + 1).min(ni - 1) {
            norm = norm + h[at(i, j)].abs();
        }
    }
    if h.iter().any(|x| !x.is_finite()) {
        // NaN/inf input would only reach the iteration cap (60 n full sweeps) and end the
        // same way: NaN eigenvalues.
        d.fill(T::nan());
        e.fill(zero::<T>());
        return None;
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
            // (An exact zero splits too: with `norm == 0`, `eps * s` is 0 and would never
            // let the zero matrix deflate.)
            let sub = h[at(l, l - 1)].abs();
            if sub < eps * s || sub == zero::<T>() {
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
                if want {
                    // Standardise the block to upper triangular (needed for the vectors).
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
                    let k = (n - 1) as usize;
                    rotate_columns(h, nn, k, 0..k + 2, p, q);
                    if let Some(v) = v.as_deref_mut() {
                        rotate_columns(v, nn, k, 0..nn, p, q);
                    }
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
                return None;
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
            // Double QR step on rows l..=n, columns m..=n; with the Schur form wanted, the
            // reflectors also reach the rows above l and the columns right of n.
            let (row_lo, col_hi) = if want {
                (0, nn)
            } else {
                (l as usize, n as usize + 1)
            };
            let mut pending: Vec<(usize, Reflector<T>, bool)> = Vec::with_capacity(GROUP);
            let mut k0 = m as usize;
            let mut k = m;
            while k < n {
                if k as usize >= k0 + GROUP {
                    // A new group: the old one's delayed rows first (before column k - 1,
                    // possibly among them, is read).
                    flush(h, nn, &pending, (k0 + GROUP + 2, col_hi));
                    pending.clear();
                    k0 = k as usize;
                }
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
                    let rf = Reflector {
                        x: p / s,
                        y: q / s,
                        z: r / s,
                        q: q / p,
                        r: r / p,
                    };
                    let ku = k as usize;
                    // Rows k..=k+2 of the columns near the diagonal now; of the columns
                    // right of the group's (`flush`), when the group ends.
                    let near = (k0 + GROUP + 2).min(col_hi);
                    for col in h[ku * nn..near * nn].chunks_exact_mut(nn) {
                        apply_left(&mut col[ku..], rf, !notlast);
                    }
                    pending.push((ku, rf, !notlast));
                    // Columns k..=k+2.
                    let iend = (n.min(k + 3) + 1) as usize;
                    apply_right(h, nn, ku, row_lo..iend, rf, !notlast);
                    if let Some(v) = v.as_deref_mut() {
                        apply_right(v, nn, ku, 0..nn, rf, !notlast);
                    }
                }
                k += 1;
            }
            flush(h, nn, &pending, (k0 + GROUP + 2, col_hi));
        }
    }
    Some(norm)
}

#[cfg(test)]
mod tests {
    use super::hqr_body;

    /// One build of the iteration: `(h, v, d, e) -> norm`.
    type Build<'a> =
        &'a dyn Fn(&mut [f64], Option<&mut [f64]>, &mut [f64], &mut [f64]) -> Option<f64>;

    /// An upper Hessenberg `n x n` column-major matrix from a seeded LCG.
    fn hessenberg(n: usize, seed: u64) -> Vec<f64> {
        let mut x = seed | 1;
        let mut h = vec![0.0; n * n];
        for j in 0..n {
            for i in 0..n.min(j + 2) {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                h[j * n + i] = (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            }
        }
        h
    }

    /// The SIMD builds change no bits: Schur form, eigenvalues and vectors are identical to
    /// the baseline build's.
    #[test]
    fn every_build_gives_the_same_bits() {
        let n = 90;
        let run = |f: Build<'_>| {
            let mut h = hessenberg(n, 5);
            let mut v: Vec<f64> = (0..n * n)
                .map(|i| f64::from(u8::from(i % (n + 1) == 0)))
                .collect();
            let (mut d, mut e) = (vec![0.0; n], vec![0.0; n]);
            let norm = f(&mut h, Some(&mut v), &mut d, &mut e);
            (norm, h, v, d, e)
        };
        let base = run(&|h, v, d, e| hqr_body(h, v, n, d, e));
        assert!(base.0.is_some());
        #[cfg(target_arch = "x86_64")]
        {
            use numerust_kernels::simd::{Level, detected};
            if detected() >= Level::Avx2 {
                // SAFETY: the CPU has AVX2 and FMA (`detected()`).
                let avx2 = run(&|h, v, d, e| unsafe { super::hqr_avx2(h, v, n, d, e) });
                assert!(base == avx2, "AVX2 build changed bits");
            }
            if detected() >= Level::Avx512 {
                // SAFETY: the CPU has AVX-512F, AVX2 and FMA (`detected()`).
                let avx512 = run(&|h, v, d, e| unsafe { super::hqr_avx512(h, v, n, d, e) });
                assert!(base == avx512, "AVX-512 build changed bits");
            }
        }
    }
}
