//! Matrix-vector products (BLAS `?gemv`): GEMM calls whose C is a single column or row.
//!
//! Packing A for a product with one column costs as much as the product itself (each
//! element of A is used once), so these calls skip the blocked path: a row-contiguous A
//! is read as dot products, four rows at a time (FMA intrinsics, two vector accumulators
//! per row); a column-contiguous A (a transposed row-major matrix) as
//! `t += A[:, j] * x[j]` over four columns at a time, on row blocks that keep `t` in L1.
//! Each is compiled per SIMD level (AVX-512F, AVX2 + FMA, baseline) and picked at run time.
//! Every output element is summed in the same order whatever row block holds it, so
//! results do not depend on the thread count. Other layouts (no unit stride in A) return
//! to the blocked GEMM.

use super::{GemmLevel, GemmScalar, MatMut, MatRef};
use rayon::prelude::*;

/// Lane accumulators per row in the dot-product form.
const LANES: usize = 16;
/// Rows of `t` per block in the column form (32 KiB of f64: L1).
const COL_BLOCK: usize = 4096;
/// Products over at least this many elements of A use rayon's threads.
const PARALLEL_ELEMS: usize = 1 << 20;

/// `y = alpha * A x + beta * y` when A has a unit stride; `false` (nothing written)
/// otherwise. `x` is `k x 1`, `y` is `m x 1`.
pub(crate) fn gemv<T: GemmScalar>(
    level: GemmLevel,
    alpha: T,
    a: MatRef<'_, T>,
    x: MatRef<'_, T>,
    beta: T,
    mut y: MatMut<'_, T>,
) -> bool {
    let (m, k) = (a.rows(), a.cols());
    let rows_form = a.col_stride() == 1;
    if !rows_form && a.row_stride() != 1 {
        return false;
    }
    let xv: Vec<T> = (0..k).map(|j| x.at(j, 0)).collect();
    let mut t = vec![T::zero(); m];
    let threads = if m * k >= PARALLEL_ELEMS {
        rayon::current_num_threads()
    } else {
        1
    };
    if rows_form {
        // Fixed 64-row chunks (a multiple of the 4-row groups).
        let chunk = |(c, out): (usize, &mut [T])| rows(level, &a, c * 64, &xv, out);
        if threads > 1 {
            t.par_chunks_mut(64).enumerate().for_each(chunk);
        } else {
            t.chunks_mut(64).enumerate().for_each(chunk);
        }
    } else {
        // With threads, at least two blocks per thread (a 2000-row A would otherwise be one
        // block): every t[i] sums over j in the same order whatever its block.
        let block = if threads > 1 {
            m.div_ceil(2 * threads)
                .next_multiple_of(64)
                .clamp(64, COL_BLOCK)
        } else {
            COL_BLOCK
        };
        let chunk = |(c, out): (usize, &mut [T])| cols(level, &a, c * block, &xv, out);
        if threads > 1 {
            t.par_chunks_mut(block).enumerate().for_each(chunk);
        } else {
            t.chunks_mut(block).enumerate().for_each(chunk);
        }
    }
    for (i, &ti) in t.iter().enumerate() {
        let v = if beta == T::zero() {
            alpha * ti
        } else {
            alpha * ti + beta * y.rb().at(i, 0)
        };
        y.set(i, 0, v);
    }
    true
}

/// Row `i` of a row-contiguous `a` as a slice.
fn row<'a, T: GemmScalar>(a: &MatRef<'a, T>, i: usize) -> &'a [T] {
    debug_assert!(a.col_stride() == 1 && i < a.rows());
    if a.cols() == 0 {
        return &[];
    }
    // SAFETY: MatRef's invariant: elements (i, 0..cols) are initialised `T`s of one live,
    // unwritten allocation; with column stride 1 they are consecutive.
    unsafe { std::slice::from_raw_parts(a.ptr_at(i, 0), a.cols()) }
}

/// Rows `i0..i0 + rows` of a column-contiguous `a`, column `j`, as a slice.
fn col<'a, T: GemmScalar>(a: &MatRef<'a, T>, i0: usize, rows: usize, j: usize) -> &'a [T] {
    debug_assert!(a.row_stride() == 1 && i0 + rows <= a.rows() && j < a.cols());
    if rows == 0 {
        return &[];
    }
    // SAFETY: MatRef's invariant: elements (i0..i0 + rows, j) are initialised `T`s of one
    // live, unwritten allocation; with row stride 1 they are consecutive.
    unsafe { std::slice::from_raw_parts(a.ptr_at(i0, j), rows) }
}

/// `out[r] += sum_j A[i0 + r, j] x[j]` at the best compiled level `level` allows.
fn cols<T: GemmScalar>(level: GemmLevel, a: &MatRef<'_, T>, i0: usize, x: &[T], out: &mut [T]) {
    #[cfg(target_arch = "x86_64")]
    match level.min(GemmLevel::detected()) {
        // SAFETY: `detected()` reports AVX-512F only when the CPU has it.
        GemmLevel::Avx512 => return unsafe { cols_avx512(a, i0, x, out) },
        // SAFETY: `detected()` reports AVX2 only with AVX2 and FMA present.
        GemmLevel::Avx2 => return unsafe { cols_avx2(a, i0, x, out) },
        GemmLevel::Portable => {}
    }
    let _ = level;
    cols_body(a, i0, x, out)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn cols_avx512<T: GemmScalar>(a: &MatRef<'_, T>, i0: usize, x: &[T], out: &mut [T]) {
    cols_body(a, i0, x, out)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn cols_avx2<T: GemmScalar>(a: &MatRef<'_, T>, i0: usize, x: &[T], out: &mut [T]) {
    cols_body(a, i0, x, out)
}

/// `out[r] = A[i0 + r, :] . x`, four rows at a time; a last group of fewer rows repeats
/// its first row in the spare slots, so every row is summed by the same code.
fn rows<T: GemmScalar>(level: GemmLevel, a: &MatRef<'_, T>, i0: usize, x: &[T], out: &mut [T]) {
    for (g, o) in out.chunks_mut(4).enumerate() {
        let i = i0 + 4 * g;
        let r = |d: usize| row(a, if d < o.len() { i + d } else { i });
        let d = T::dot4(level, [r(0), r(1), r(2), r(3)], x);
        o.copy_from_slice(&d[..o.len()]);
    }
}

/// Four dot products with `x`, portable: 16 lane sums per row over the full 16-element
/// blocks, combined pairwise, then the tail in order (the reference of the SIMD forms).
pub(crate) fn dot4_portable<T: GemmScalar>(rows: [&[T]; 4], x: &[T]) -> [T; 4] {
    const R: usize = 4;
    let k = x.len();
    let main = k - k % LANES;
    let mut acc = [[T::zero(); LANES]; R];
    for (j, xs) in x[..main].chunks_exact(LANES).enumerate() {
        let xs: &[T; LANES] = xs.try_into().expect("a full chunk");
        for (acc, r) in acc.iter_mut().zip(&rows) {
            let ar: &[T; LANES] = r[j * LANES..(j + 1) * LANES]
                .try_into()
                .expect("a full chunk");
            for l in 0..LANES {
                acc[l] = acc[l] + ar[l] * xs[l];
            }
        }
    }
    let mut res = [T::zero(); R];
    for ((res, acc), r) in res.iter_mut().zip(&acc).zip(&rows) {
        let mut s = pairwise16(acc);
        for (&a, &b) in r[main..k].iter().zip(&x[main..k]) {
            s = s + a * b;
        }
        *res = s;
    }
    res
}

/// `a[0] + ... + a[15]` as a pairwise tree (halves added lane by lane).
#[inline(always)]
fn pairwise16<T: GemmScalar>(a: &[T; LANES]) -> T {
    let h8: [T; 8] = std::array::from_fn(|l| a[l] + a[l + 8]);
    let h4: [T; 4] = std::array::from_fn(|l| h8[l] + h8[l + 4]);
    let h2: [T; 2] = std::array::from_fn(|l| h4[l] + h4[l + 2]);
    h2[0] + h2[1]
}

/// `out += A[i0.., :] x` by columns, four at a time.
#[inline(always)]
fn cols_body<T: GemmScalar>(a: &MatRef<'_, T>, i0: usize, x: &[T], out: &mut [T]) {
    let (n, k) = (out.len(), x.len());
    let mut j = 0;
    while j + 4 <= k {
        let c = [
            col(a, i0, n, j),
            col(a, i0, n, j + 1),
            col(a, i0, n, j + 2),
            col(a, i0, n, j + 3),
        ];
        let c = c.map(|c| &c[..out.len()]); // equal lengths: no bounds checks below
        let xs = [x[j], x[j + 1], x[j + 2], x[j + 3]];
        for (i, o) in out.iter_mut().enumerate() {
            *o = *o + c[0][i] * xs[0] + c[1][i] * xs[1] + c[2][i] * xs[2] + c[3][i] * xs[3];
        }
        j += 4;
    }
    for (j, &xj) in x.iter().enumerate().skip(j) {
        let c = col(a, i0, n, j);
        for (o, &v) in out.iter_mut().zip(c) {
            *o = *o + v * xj;
        }
    }
}

/// `v[0] + ... + v[n-1]` for a power-of-two `n`: halves added lane by lane.
fn pairwise<T: GemmScalar>(v: &mut [T]) -> T {
    let mut w = v.len();
    while w > 1 {
        w /= 2;
        for l in 0..w {
            v[l] = v[l] + v[l + w];
        }
    }
    v[0]
}

/// Four dot products with `x` by intrinsics: two FMA accumulators of `$w` lanes per row
/// over blocks of `2 * $w`, added, their lanes combined pairwise, then the tail in order.
#[cfg(target_arch = "x86_64")]
macro_rules! dot4_simd {
    ($name:ident, $feat:literal, $t:ty, $w:literal,
     $zero:ident, $load:ident, $fma:ident, $add:ident, $store:ident) => {
        #[target_feature(enable = $feat)]
        pub(crate) fn $name(rows: [&[$t]; 4], x: &[$t]) -> [$t; 4] {
            use std::arch::x86_64::*;
            let k = x.len();
            let rows = rows.map(|r| &r[..k]);
            let main = k - k % (2 * $w);
            let mut acc = [[$zero(); 2]; 4];
            let mut j = 0;
            while j < main {
                // SAFETY: j + 2 * $w <= main <= k, the length of x and of every row, so
                // both loads of each slice stay inside it (unaligned loads).
                unsafe {
                    let x0 = $load(x.as_ptr().add(j));
                    let x1 = $load(x.as_ptr().add(j + $w));
                    for (acc, r) in acc.iter_mut().zip(&rows) {
                        let p = r.as_ptr().add(j);
                        acc[0] = $fma($load(p), x0, acc[0]);
                        acc[1] = $fma($load(p.add($w)), x1, acc[1]);
                    }
                }
                j += 2 * $w;
            }
            let mut out = [0.0; 4];
            for ((o, acc), r) in out.iter_mut().zip(&acc).zip(&rows) {
                let mut lanes = [0.0 as $t; $w];
                // SAFETY: `lanes` holds exactly one vector of $w elements.
                unsafe { $store(lanes.as_mut_ptr(), $add(acc[0], acc[1])) };
                let mut s = pairwise(&mut lanes);
                for (&a, &b) in r[main..].iter().zip(&x[main..]) {
                    s += a * b;
                }
                *o = s;
            }
            out
        }
    };
}

#[cfg(target_arch = "x86_64")]
dot4_simd!(
    dot4_f64_avx512,
    "avx512f",
    f64,
    8,
    _mm512_setzero_pd,
    _mm512_loadu_pd,
    _mm512_fmadd_pd,
    _mm512_add_pd,
    _mm512_storeu_pd
);
#[cfg(target_arch = "x86_64")]
dot4_simd!(
    dot4_f32_avx512,
    "avx512f",
    f32,
    16,
    _mm512_setzero_ps,
    _mm512_loadu_ps,
    _mm512_fmadd_ps,
    _mm512_add_ps,
    _mm512_storeu_ps
);
#[cfg(target_arch = "x86_64")]
dot4_simd!(
    dot4_f64_avx2,
    "avx2,fma",
    f64,
    4,
    _mm256_setzero_pd,
    _mm256_loadu_pd,
    _mm256_fmadd_pd,
    _mm256_add_pd,
    _mm256_storeu_pd
);
#[cfg(target_arch = "x86_64")]
dot4_simd!(
    dot4_f32_avx2,
    "avx2,fma",
    f32,
    8,
    _mm256_setzero_ps,
    _mm256_loadu_ps,
    _mm256_fmadd_ps,
    _mm256_add_ps,
    _mm256_storeu_ps
);

/// The four-row dot product of `level` (clamped to what the CPU has) for f64 or f32.
macro_rules! dot4_dispatch {
    ($name:ident, $t:ty, $avx512:ident, $avx2:ident) => {
        pub(crate) fn $name(level: GemmLevel, rows: [&[$t]; 4], x: &[$t]) -> [$t; 4] {
            #[cfg(target_arch = "x86_64")]
            match level.min(GemmLevel::detected()) {
                // SAFETY: `detected()` reports AVX-512F only when the CPU has it.
                GemmLevel::Avx512 => return unsafe { $avx512(rows, x) },
                // SAFETY: `detected()` reports AVX2 only with AVX2 and FMA present.
                GemmLevel::Avx2 => return unsafe { $avx2(rows, x) },
                GemmLevel::Portable => {}
            }
            let _ = level;
            dot4_portable(rows, x)
        }
    };
}
dot4_dispatch!(dot4_f64, f64, dot4_f64_avx512, dot4_f64_avx2);
dot4_dispatch!(dot4_f32, f32, dot4_f32_avx512, dot4_f32_avx2);

#[cfg(test)]
mod tests {
    use super::super::{GemmLevel, GemmScalar};
    use super::dot4_portable;

    /// Every level's four-row dot product against the portable one: within the summation
    /// bound on finite data, and the same NaN / infinity outcome on special values.
    #[test]
    fn dot4_levels_match_portable() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        for k in [0usize, 1, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 200] {
            let x: Vec<f64> = (0..k).map(|_| next()).collect();
            let mut rows: Vec<Vec<f64>> =
                (0..4).map(|_| (0..k).map(|_| next()).collect()).collect();
            if k > 3 {
                rows[1][k / 2] = f64::NAN;
                rows[2][k - 1] = f64::INFINITY;
                rows[3][0] = f64::MIN_POSITIVE / 4.0; // subnormal
            }
            let r = [&rows[0][..], &rows[1][..], &rows[2][..], &rows[3][..]];
            let want = dot4_portable(r, &x);
            let r32: Vec<Vec<f32>> = rows
                .iter()
                .map(|v| v.iter().map(|&a| a as f32).collect())
                .collect();
            let x32: Vec<f32> = x.iter().map(|&a| a as f32).collect();
            let r32 = [&r32[0][..], &r32[1][..], &r32[2][..], &r32[3][..]];
            let want32 = dot4_portable(r32, &x32);
            for level in GemmLevel::available() {
                let got = f64::dot4(level, r, &x);
                let got32 = f32::dot4(level, r32, &x32);
                for i in 0..4 {
                    let mag: f64 = rows[i].iter().zip(&x).map(|(a, b)| (a * b).abs()).sum();
                    let close = |g: f64, w: f64, eps: f64| {
                        (g.is_nan() && w.is_nan())
                            || g == w
                            || (g - w).abs() <= 2.0 * (k + 1) as f64 * eps * mag
                    };
                    assert!(
                        close(got[i], want[i], f64::EPSILON),
                        "{level:?} k={k} row {i}: {} vs {}",
                        got[i],
                        want[i]
                    );
                    assert!(
                        close(got32[i] as f64, want32[i] as f64, f32::EPSILON as f64),
                        "{level:?} f32 k={k} row {i}: {} vs {}",
                        got32[i],
                        want32[i]
                    );
                }
            }
        }
    }
}
