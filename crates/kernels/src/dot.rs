//! Blocks of dot products between rows, for Gram matrices (`X Xᵀ`: `cov`, `corrcoef`).
//!
//! [`gram4`] computes the 4 x 4 dot products of four rows with four others in one sweep,
//! so each loaded element feeds four multiply-adds (a `syrk` micro-kernel). Each product
//! accumulates in 4 interleaved partial sums (element `k` into sum `k % 4`), combined as
//! `(s0 + s2) + (s1 + s3)`; the AVX2 level fuses the multiply-adds (one rounding each), the
//! other levels round the product and the sum separately, so levels agree to a few ulps of
//! `Σ|a_k b_k|`, not bit for bit. The level comes from [`crate::simd::level`].

use crate::simd::{Level, level};

/// The 16 dot products `a[i] · b[j]` (`out[i][j]`). Every row must have `a[0]`'s length.
///
/// # Panics
/// If the rows differ in length.
///
/// ```
/// use numerust_kernels::dot::gram4;
/// let r: Vec<Vec<f64>> = (0..4).map(|i| vec![i as f64; 5]).collect();
/// let rows = [&r[0][..], &r[1][..], &r[2][..], &r[3][..]];
/// let g = gram4(rows, rows);
/// assert_eq!(g[2][3], 30.0);
/// assert_eq!(g[1][1], 5.0);
/// ```
pub fn gram4(a: [&[f64]; 4], b: [&[f64]; 4]) -> [[f64; 4]; 4] {
    gram4_at(level(), a, b)
}

/// [`gram4`] at a given level (at most [`crate::simd::detected`]).
fn gram4_at(lvl: Level, a: [&[f64]; 4], b: [&[f64]; 4]) -> [[f64; 4]; 4] {
    let n = a[0].len();
    assert!(
        a.iter().chain(&b).all(|r| r.len() == n),
        "rows differ in length"
    );
    #[cfg(target_arch = "x86_64")]
    if lvl >= Level::Avx2 && crate::simd::detected() >= Level::Avx2 {
        // SAFETY: `detected()` is Avx2 or more only when AVX2 and FMA are present; lengths
        // checked.
        return unsafe { gram4_avx2(a, b) };
    }
    let _ = lvl;
    gram_rows::<false, 4>(a, b)
}

/// [`gram4`] with AVX2 intrinsics and fused multiply-adds, in two 2 x 4 halves: 8
/// accumulators + 2 + 1 loaded vectors fit AVX2's 16 registers (one 4 x 4 sweep spills).
/// Same partial sums and combination as [`gram_rows`] with `FMA`, so the same bits.
///
/// # Safety
/// The CPU supports AVX2 and FMA; every row has `a[0]`'s length.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn gram4_avx2(a: [&[f64]; 4], b: [&[f64]; 4]) -> [[f64; 4]; 4] {
    use std::arch::x86_64::*;
    let n = a[0].len();
    let whole = n - n % 4;
    let mut out = [[0.0f64; 4]; 4];
    for h in 0..2 {
        let (a0, a1) = (a[2 * h], a[2 * h + 1]);
        let mut acc = [_mm256_setzero_pd(); 8];
        let mut k = 0;
        while k < whole {
            // SAFETY: k + 4 <= whole <= n, every row's length (caller).
            unsafe {
                let x0 = _mm256_loadu_pd(a0.as_ptr().add(k));
                let x1 = _mm256_loadu_pd(a1.as_ptr().add(k));
                for j in 0..4 {
                    let y = _mm256_loadu_pd(b[j].as_ptr().add(k));
                    acc[j] = _mm256_fmadd_pd(x0, y, acc[j]);
                    acc[4 + j] = _mm256_fmadd_pd(x1, y, acc[4 + j]);
                }
            }
            k += 4;
        }
        for (r, row) in [a0, a1].into_iter().enumerate() {
            for j in 0..4 {
                let mut s = [0.0f64; 4];
                // SAFETY: `s` is 4 f64.
                unsafe { _mm256_storeu_pd(s.as_mut_ptr(), acc[4 * r + j]) };
                for (l, k) in (whole..n).enumerate() {
                    s[l] = row[k].mul_add(b[j][k], s[l]);
                }
                out[2 * h + r][j] = (s[0] + s[2]) + (s[1] + s[3]);
            }
        }
    }
    out
}

/// The portable body (and the reference for the AVX2 one): R x 4 x 4 accumulators, `FMA`
/// choosing `mul_add` (only fast where the target has FMA) or a rounded product and sum.
#[inline(always)]
fn gram_rows<const FMA: bool, const R: usize>(a: [&[f64]; R], b: [&[f64]; 4]) -> [[f64; 4]; R] {
    let n = a[0].len();
    let whole = n - n % 4;
    let mut acc = [[[0.0f64; 4]; 4]; R];
    let madd = |x: f64, y: f64, s: f64| if FMA { x.mul_add(y, s) } else { x * y + s };
    let mut k = 0;
    while k < whole {
        let av: [[f64; 4]; R] = std::array::from_fn(|i| a[i][k..k + 4].try_into().unwrap());
        let bv: [[f64; 4]; 4] = std::array::from_fn(|j| b[j][k..k + 4].try_into().unwrap());
        for i in 0..R {
            for j in 0..4 {
                for l in 0..4 {
                    acc[i][j][l] = madd(av[i][l], bv[j][l], acc[i][j][l]);
                }
            }
        }
        k += 4;
    }
    for (l, k) in (whole..n).enumerate() {
        for i in 0..R {
            for j in 0..4 {
                acc[i][j][l] = madd(a[i][k], b[j][k], acc[i][j][l]);
            }
        }
    }
    std::array::from_fn(|i| {
        std::array::from_fn(|j| {
            let s = acc[i][j];
            (s[0] + s[2]) + (s[1] + s[3])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_matches_exact_sums() {
        for n in [0, 1, 3, 4, 7, 64, 1001] {
            let rows: Vec<Vec<f64>> = (0..8)
                .map(|r| {
                    (0..n)
                        .map(|k| ((k * 7 + r * 3) % 11) as f64 - 5.0)
                        .collect()
                })
                .collect();
            let a = [&rows[0][..], &rows[1][..], &rows[2][..], &rows[3][..]];
            let b = [&rows[4][..], &rows[5][..], &rows[6][..], &rows[7][..]];
            // small integers: every level's sums are exact
            let want: Vec<f64> = (0..16)
                .map(|ij| (0..n).map(|k| a[ij / 4][k] * b[ij % 4][k]).sum())
                .collect();
            for lvl in Level::available() {
                let g = gram4_at(lvl, a, b);
                for ij in 0..16 {
                    assert_eq!(g[ij / 4][ij % 4], want[ij], "{lvl:?} n={n}");
                }
            }
        }
    }

    #[test]
    fn avx2_is_the_fused_portable_body_bit_for_bit() {
        if crate::simd::detected() < Level::Avx2 {
            return;
        }
        for n in [1, 5, 203] {
            let rows: Vec<Vec<f64>> = (0..8)
                .map(|r| {
                    (0..n)
                        .map(|k| ((k * 37 + r * 11) as f64 * 0.618).sin())
                        .collect()
                })
                .collect();
            let a = [&rows[0][..], &rows[1][..], &rows[2][..], &rows[3][..]];
            let b = [&rows[4][..], &rows[5][..], &rows[6][..], &rows[7][..]];
            // SAFETY: AVX2 and FMA detected; rows of one length.
            let fast = unsafe { gram4_avx2(a, b) };
            assert_eq!(fast, gram_rows::<true, 4>(a, b), "n={n}");
        }
    }
}
