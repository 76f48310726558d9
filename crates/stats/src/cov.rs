//! `average`, `cov` and `corrcoef`.
//!
//! NumPy → numerust: `np.average(a, axis, weights, returned=True)` →
//! [`average_weighted`]`(&a, &w, axis)` (the average and the sum of weights; unweighted
//! averages are core's `mean`); `np.cov(m, rowvar, bias, ddof, fweights, aweights)` →
//! [`cov`]`(&m, CovOptions { .. })`; `np.corrcoef(x, rowvar)` → [`corrcoef`].
//!
//! Means and weighted sums use core's pairwise reductions, so they are NumPy's bits. The
//! cross products are dot products of centred rows in a fixed order (4 interleaved
//! partial sums, fused multiply-adds with AVX2, combined pairwise; kernels' `gram4`); NumPy hands them to BLAS, whose order differs,
//! so `cov`/`corrcoef` agree with NumPy to a few ulps of the sum of |products| rather than
//! bit for bit (docs/stats.md).

use crate::order::SortElement;
use numerust_core::reduce::{mean_axis, sum, sum_axis};
use numerust_core::{AsView, NdArray, NdError, NdResult};
use rayon::prelude::*;

/// `G[i][j] = x_i · y_j` for the `p` rows of length `n` of `x` and `y` (row-major), in
/// 4 x 4 blocks by `numerust_kernels::dot::gram4` (AVX2+FMA when available); `sym` (x is
/// y) computes the blocks on and above the diagonal and mirrors them. Block rows run in
/// parallel for large inputs; each entry is computed the same way whatever the thread
/// count, so results do not depend on it.
fn gram(x: &[f64], y: &[f64], p: usize, n: usize, sym: bool) -> Vec<f64> {
    // rows past the end repeat the last one; their products are dropped
    fn rows4(m: &[f64], i: usize, p: usize, n: usize) -> [&[f64]; 4] {
        [0, 1, 2, 3].map(|d| {
            let i = (i + d).min(p - 1);
            &m[i * n..(i + 1) * n]
        })
    }
    let block_row = |bi: usize| -> Vec<(usize, usize, f64)> {
        let a = rows4(x, bi, p, n);
        let start = if sym { bi } else { 0 };
        let mut out = Vec::new();
        for bj in (start..p).step_by(4) {
            let b = rows4(y, bj, p, n);
            let g = numerust_kernels::dot::gram4(a, b);
            for (di, gi) in g.iter().enumerate() {
                for (dj, &v) in gi.iter().enumerate() {
                    let (i, j) = (bi + di, bj + dj);
                    if i < p && j < p {
                        out.push((i, j, v));
                    }
                }
            }
        }
        out
    };
    let blocks: Vec<usize> = (0..p).step_by(4).collect();
    let entries: Vec<Vec<(usize, usize, f64)>> = if p * p * n >= 1 << 24 {
        blocks.into_par_iter().map(block_row).collect()
    } else {
        blocks.into_iter().map(block_row).collect()
    };
    let mut c = vec![0.0f64; p * p];
    for (i, j, v) in entries.into_iter().flatten() {
        c[i * p + j] = v;
        if sym {
            c[j * p + i] = v;
        }
    }
    c
}

/// The weighted average of `a` along `axis` (`None`: all elements) and the sum of the
/// weights (NumPy: `np.average(a, axis, weights, returned=True)`). `weights` has `a`'s
/// shape, or is 1-D with the axis' length.
///
/// # Errors
/// `ShapeMismatch` for weights that fit neither way; `InvalidValue("Weights sum to zero,
/// can't be normalized")`; `AxisOutOfBounds`.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::average_weighted;
/// let a = array(&[1.0, 2.0, 3.0, 4.0]).unwrap();
/// let w = array(&[4.0, 3.0, 2.0, 1.0]).unwrap();
/// let (avg, wsum) = average_weighted(&a, &w, None).unwrap();
/// assert_eq!(avg.to_vec(), [2.0]);
/// assert_eq!(wsum.to_vec(), [10.0]);
/// ```
pub fn average_weighted<T: SortElement>(
    a: &impl AsView<T>,
    weights: &impl AsView<f64>,
    axis: Option<isize>,
) -> NdResult<(NdArray<f64>, NdArray<f64>)> {
    let a = a.as_view().mapv(|x| x.as_f64());
    let w = weights.as_view();
    let w: NdArray<f64> = if w.shape() == a.shape() {
        w.to_owned()
    } else {
        let Some(ax) = axis else {
            return Err(NdError::ShapeMismatch(
                "Axis must be specified when shapes of a and weights differ.".into(),
            ));
        };
        let ax = numerust_core::layout::normalize_axis(ax, a.ndim())?;
        if w.ndim() != 1 {
            return Err(NdError::ShapeMismatch(
                "1D weights expected when shapes of a and weights differ.".into(),
            ));
        }
        if w.size() != a.shape()[ax] {
            return Err(NdError::ShapeMismatch(
                "Length of weights not compatible with specified axis.".into(),
            ));
        }
        let mut shape = vec![1usize; a.ndim()];
        shape[ax] = w.size();
        let w = w.to_owned().reshape(&shape[..])?;
        w.broadcast_to(a.shape())?.as_standard_layout()
    };
    let prod = a.zip_with(&w, |x, y| x * y)?;
    let (num, scl) = match axis {
        None => (
            NdArray::from_vec(vec![sum(&prod)]),
            NdArray::from_vec(vec![sum(&w)]),
        ),
        Some(ax) => (sum_axis(&prod, ax)?, sum_axis(&w, ax)?),
    };
    if scl.iter().any(|&s| s == 0.0) {
        return Err(NdError::InvalidValue(
            "Weights sum to zero, can't be normalized".into(),
        ));
    }
    let avg = num.zip_with(&scl, |n, s| n / s)?;
    Ok((avg, scl))
}

/// `cov`'s keyword arguments (NumPy's defaults via `Default`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CovOptions<'a> {
    /// Each row is a variable (NumPy's default `true`); else each column.
    pub rowvar: bool,
    /// Normalise by `N` instead of `N - 1` (ignored when `ddof` is set).
    pub bias: bool,
    /// Delta degrees of freedom, overriding `bias`.
    pub ddof: Option<i64>,
    /// Integer frequency weights per observation.
    pub fweights: Option<&'a [i64]>,
    /// Observation (importance) weights.
    pub aweights: Option<&'a [f64]>,
}

impl Default for CovOptions<'_> {
    fn default() -> Self {
        CovOptions {
            rowvar: true,
            bias: false,
            ddof: None,
            fweights: None,
            aweights: None,
        }
    }
}

/// The covariance matrix of the variables in `m` (1-D: one variable; 2-D: rows, or columns
/// with `rowvar: false`), NumPy: `np.cov(m, rowvar, bias, ddof, fweights, aweights)`.
/// One variable gives a 0-d array, as NumPy's squeeze does.
///
/// # Errors
/// `ShapeMismatch` for more than 2 dimensions or weights of the wrong length;
/// `InvalidValue` for negative weights.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{CovOptions, cov};
/// let m = array(&[[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]).unwrap();
/// let c = cov(&m, CovOptions::default()).unwrap();
/// assert_eq!(c.to_vec(), [1.0, -1.0, -1.0, 1.0]);
/// ```
pub fn cov<T: SortElement>(m: &impl AsView<T>, opts: CovOptions<'_>) -> NdResult<NdArray<f64>> {
    let m = m.as_view();
    if m.ndim() > 2 {
        return Err(NdError::ShapeMismatch(
            "m has more than 2 dimensions".into(),
        ));
    }
    let x = m.mapv(|v| v.as_f64());
    let x = if x.ndim() < 2 {
        x.reshape([1, x.size()])?
    } else {
        x
    };
    // variables in columns stay there (no transposed copy): `vax` is the variables' axis
    let by_col = !opts.rowvar && x.shape()[0] != 1;
    let x = x.as_standard_layout();
    let (vax, oax) = if by_col { (1, 0) } else { (0, 1) };
    let (p, n) = (x.shape()[vax], x.shape()[oax]);
    if p == 0 {
        return NdArray::from_shape_vec(&[0, 0], vec![]);
    }
    let ddof = opts.ddof.unwrap_or(if opts.bias { 0 } else { 1 });
    let mut w: Option<Vec<f64>> = None;
    if let Some(f) = opts.fweights {
        if f.len() != n {
            return Err(NdError::ShapeMismatch(
                "incompatible numbers of samples and fweights".into(),
            ));
        }
        if f.iter().any(|&v| v < 0) {
            return Err(NdError::InvalidValue("fweights cannot be negative".into()));
        }
        w = Some(f.iter().map(|&v| v as f64).collect());
    }
    if let Some(a) = opts.aweights {
        if a.len() != n {
            return Err(NdError::ShapeMismatch(
                "incompatible numbers of samples and aweights".into(),
            ));
        }
        if a.iter().any(|&v| v < 0.0) {
            return Err(NdError::InvalidValue("aweights cannot be negative".into()));
        }
        w = Some(match w {
            None => a.to_vec(),
            Some(f) => f.iter().zip(a).map(|(x, y)| x * y).collect(),
        });
    }
    let (avg, w_sum) = match &w {
        None => (mean_axis(&x, oax as isize)?.into_vec(), n as f64),
        Some(wv) => {
            let wa = NdArray::from_vec(wv.clone());
            let (avg, s) = average_weighted(&x, &wa, Some(oax as isize))?;
            (avg.into_vec(), s.into_vec()[0])
        }
    };
    let ddof_f = ddof as f64;
    let mut fact = match (&w, opts.aweights) {
        (None, _) => n as f64 - ddof_f,
        (Some(_), _) if ddof == 0 => w_sum,
        (Some(_), None) => w_sum - ddof_f,
        (Some(wv), Some(a)) => {
            let s: f64 = sum(&NdArray::from_vec(
                wv.iter().zip(a).map(|(x, y)| x * y).collect::<Vec<f64>>(),
            ));
            w_sum - ddof_f * s / w_sum
        }
    };
    if fact <= 0.0 {
        fact = 0.0;
    }
    let xv = x.into_vec();
    // centred variables as rows of length n (transposing column data on the way)
    let centred: Vec<f64> = if by_col {
        let mut c = vec![0.0f64; p * n];
        for (i, obs) in xv.chunks(p).enumerate() {
            for (j, (&v, &mu)) in obs.iter().zip(&avg).enumerate() {
                c[j * n + i] = v - mu;
            }
        }
        c
    } else {
        xv.chunks(n.max(1))
            .zip(&avg)
            .flat_map(|(row, &mu)| row.iter().map(move |&v| v - mu))
            .collect()
    };
    let weighted: Option<Vec<f64>> = w.as_ref().map(|wv| {
        centred
            .chunks(n.max(1))
            .flat_map(|row| row.iter().zip(wv).map(|(a, b)| a * b))
            .collect()
    });
    let scale = 1.0 / fact;
    let sym = w.is_none();
    let c = gram(&centred, weighted.as_deref().unwrap_or(&centred), p, n, sym);
    let c: Vec<f64> = c.into_iter().map(|d| d * scale).collect();
    if p == 1 {
        return Ok(NdArray::from_elem_0d(c[0]));
    }
    NdArray::from_shape_vec(&[p, p], c)
}

/// Pearson correlation coefficients of the variables in `x` (rows, or columns with
/// `rowvar: false`), clipped to [-1, 1] (NumPy: `np.corrcoef(x, rowvar)`).
///
/// # Errors
/// As [`cov`].
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::corrcoef;
/// let x = array(&[[1.0, 2.0, 3.0], [2.0, 4.0, 7.0]]).unwrap();
/// let r = corrcoef(&x, true).unwrap().to_vec();
/// assert_eq!(r[0], 1.0);
/// assert!((r[1] - 0.9933992677987828).abs() < 1e-15);
/// ```
pub fn corrcoef<T: SortElement>(x: &impl AsView<T>, rowvar: bool) -> NdResult<NdArray<f64>> {
    let c = cov(
        x,
        CovOptions {
            rowvar,
            ..Default::default()
        },
    )?;
    if c.ndim() == 0 {
        let v = c.into_vec()[0];
        // NumPy returns c / c: 1, or NaN for a zero, infinite or NaN variance.
        let one = if v.is_finite() && v != 0.0 {
            1.0
        } else {
            f64::NAN
        };
        return Ok(NdArray::from_elem_0d(one));
    }
    let p = c.shape()[0];
    let cv = c.into_vec();
    let sd: Vec<f64> = (0..p).map(|i| cv[i * p + i].sqrt()).collect();
    let mut r = cv;
    for i in 0..p {
        for j in 0..p {
            let v = r[i * p + j] / sd[i] / sd[j];
            r[i * p + j] = if v.is_nan() { v } else { v.clamp(-1.0, 1.0) };
        }
    }
    NdArray::from_shape_vec(&[p, p], r)
}
