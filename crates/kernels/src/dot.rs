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
    if lvl == Level::Avx2 && crate::simd::detected() == Level::Avx2 {
        // SAFETY: `detected()` is Avx2 only when AVX2 and FMA are present.
        return unsafe { gram4_avx2(a, b) };
    }
    let _ = lvl;
    gram4_body::<false>(a, b)
}

/// [`gram4_body`] compiled for AVX2 with fused multiply-adds.
///
/// # Safety
/// The CPU supports AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn gram4_avx2(a: [&[f64]; 4], b: [&[f64]; 4]) -> [[f64; 4]; 4] {
    gram4_body::<true>(a, b)
}

/// The shared body: 4 x 4 x 4 accumulators (16 vectors of 4 lanes), `FMA` choosing
/// `mul_add` (only fast where the target has FMA) or a rounded product and sum.
#[inline(always)]
fn gram4_body<const FMA: bool>(a: [&[f64]; 4], b: [&[f64]; 4]) -> [[f64; 4]; 4] {
    let n = a[0].len();
    let whole = n - n % 4;
    let mut acc = [[[0.0f64; 4]; 4]; 4];
    let madd = |x: f64, y: f64, s: f64| if FMA { x.mul_add(y, s) } else { x * y + s };
    let mut k = 0;
    while k < whole {
        let av: [[f64; 4]; 4] = std::array::from_fn(|i| a[i][k..k + 4].try_into().unwrap());
        let bv: [[f64; 4]; 4] = std::array::from_fn(|j| b[j][k..k + 4].try_into().unwrap());
        for i in 0..4 {
            for j in 0..4 {
                for l in 0..4 {
                    acc[i][j][l] = madd(av[i][l], bv[j][l], acc[i][j][l]);
                }
            }
        }
        k += 4;
    }
    for (l, k) in (whole..n).enumerate() {
        for i in 0..4 {
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
}
