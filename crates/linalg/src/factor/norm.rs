//! Norms and condition numbers: NumPy's `np.linalg.norm` and `cond`.

use super::svd::svdvals;
use super::{LinalgReal, inv, zero};
use crate::error::{LinAlgError, LinAlgResult};
use numerust_core::{AsView, NdArray};

/// NumPy's `ord` argument of `norm` (and `p` of `cond`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NormOrd {
    /// `'fro'`: the Frobenius norm (matrices only).
    Fro,
    /// `'nuc'`: the nuclear norm, sum of singular values (matrices only).
    Nuc,
    /// `inf`: max `|x|` (vectors), max absolute row sum (matrices).
    Inf,
    /// `-inf`: min `|x|` (vectors), min absolute row sum (matrices).
    NegInf,
    /// A number: `(sum |x|^p)^(1/p)` for vectors (`0` counts nonzeros); for matrices `1`/`-1`
    /// (max/min absolute column sum) and `2`/`-2` (largest/smallest singular value).
    P(f64),
}

fn axis_index(axis: isize, nd: usize) -> LinAlgResult<usize> {
    let a = if axis < 0 { axis + nd as isize } else { axis };
    if a < 0 || a >= nd as isize {
        return Err(LinAlgError::InvalidValue(format!(
            "axis {axis} is out of bounds for array of dimension {nd}"
        )));
    }
    Ok(a as usize)
}

fn vector_norm<T: LinalgReal>(x: &[T], ord: Option<NormOrd>) -> LinAlgResult<T> {
    let abs = x.iter().map(|v| v.abs());
    Ok(match ord {
        None | Some(NormOrd::P(2.0)) => x.iter().fold(zero::<T>(), |s, &v| s + v * v).sqrt(),
        Some(NormOrd::Inf) => abs.fold(
            T::neg_infinity(),
            |m, v| if v > m || v.is_nan() { v } else { m },
        ),
        Some(NormOrd::NegInf) => abs.fold(
            T::infinity(),
            |m, v| if v < m || v.is_nan() { v } else { m },
        ),
        Some(NormOrd::P(0.0)) => {
            T::from(x.iter().filter(|&&v| v != zero::<T>()).count()).unwrap_or(zero::<T>())
        }
        Some(NormOrd::P(1.0)) => abs.fold(zero::<T>(), |s, v| s + v),
        Some(NormOrd::P(p)) => {
            let pt = T::from(p).unwrap_or(zero::<T>());
            abs.fold(zero::<T>(), |s, v| s + v.powf(pt))
                .powf(pt.recip())
        }
        Some(NormOrd::Fro) => {
            return Err(LinAlgError::InvalidValue(
                "Invalid norm order 'fro' for vectors".into(),
            ));
        }
        Some(NormOrd::Nuc) => {
            return Err(LinAlgError::InvalidValue(
                "Invalid norm order 'nuc' for vectors".into(),
            ));
        }
    })
}

fn matrix_norm<T: LinalgReal>(
    a: &[T],
    m: usize,
    n: usize,
    ord: Option<NormOrd>,
) -> LinAlgResult<T> {
    let row_sums = || {
        (0..m).map(|i| {
            a[i * n..i * n + n]
                .iter()
                .fold(zero::<T>(), |s, v| s + v.abs())
        })
    };
    let col_sums = || (0..n).map(|j| (0..m).fold(zero::<T>(), |s, i| s + a[i * n + j].abs()));
    let max = |it: &mut dyn Iterator<Item = T>| it.fold(T::neg_infinity(), |x, v| x.max(v));
    let min = |it: &mut dyn Iterator<Item = T>| it.fold(T::infinity(), |x, v| x.min(v));
    let svals = || -> LinAlgResult<Vec<T>> {
        Ok(svdvals(&NdArray::from_shape_vec(&[m, n], a.to_vec())?)?.into_vec())
    };
    Ok(match ord {
        None | Some(NormOrd::Fro) => a.iter().fold(zero::<T>(), |s, &v| s + v * v).sqrt(),
        Some(NormOrd::Nuc) => svals()?.into_iter().fold(zero::<T>(), |s, v| s + v),
        Some(NormOrd::Inf) => max(&mut row_sums()),
        Some(NormOrd::NegInf) => min(&mut row_sums()),
        Some(NormOrd::P(1.0)) => max(&mut col_sums()),
        Some(NormOrd::P(-1.0)) => min(&mut col_sums()),
        Some(NormOrd::P(2.0)) => max(&mut svals()?.into_iter()),
        Some(NormOrd::P(-2.0)) => min(&mut svals()?.into_iter()),
        Some(NormOrd::P(_)) => {
            return Err(LinAlgError::InvalidValue(
                "Invalid norm order for matrices.".into(),
            ));
        }
    })
}

/// A vector or matrix norm, over all of `x` or along `axis` (one axis: vector norms, two:
/// matrix norms), as NumPy's `np.linalg.norm(x, ord, axis, keepdims)`.
///
/// `axis = None`: with `ord = None` the 2-norm of `x` flattened (any dimensions); with an
/// `ord`, `x` must be 1-D (vector norm) or 2-D (matrix norm).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::{NormOrd, norm};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![3.0f64, -4.0, 0.0, 0.0]).unwrap();
/// assert_eq!(norm(&a, None, None, false).unwrap().to_vec(), vec![5.0]);
/// assert_eq!(norm(&a, Some(NormOrd::Inf), None, false).unwrap().to_vec(), vec![7.0]);
/// let rows = norm(&a, Some(NormOrd::P(1.0)), Some(&[1]), true).unwrap();
/// assert_eq!((rows.shape(), rows.to_vec()), (&[2, 1][..], vec![7.0, 0.0]));
/// ```
///
/// # Errors
/// `InvalidValue` for an axis out of bounds, repeated axes, more than two axes, an `ord`
/// invalid for the kind of norm, or `axis = None` with an `ord` and `x` not 1-D/2-D
/// ("Improper number of dimensions to norm.").
pub fn norm<T: LinalgReal>(
    x: &impl AsView<T>,
    ord: Option<NormOrd>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> LinAlgResult<NdArray<T>> {
    let v = x.as_view();
    let nd = v.ndim();
    let axes: Vec<usize> = match axis {
        None => {
            if ord.is_none() {
                let val = vector_norm(&v.to_vec(), None)?;
                let shape = if keepdims { vec![1; nd] } else { vec![] };
                return Ok(NdArray::from_shape_vec(&shape, vec![val])?);
            }
            if nd > 2 || nd == 0 {
                return Err(LinAlgError::InvalidValue(
                    "Improper number of dimensions to norm.".into(),
                ));
            }
            (0..nd).collect()
        }
        Some(ax) => ax
            .iter()
            .map(|&a| axis_index(a, nd))
            .collect::<LinAlgResult<_>>()?,
    };
    if axes.len() == 2 && axes[0] == axes[1] {
        return Err(LinAlgError::InvalidValue("Duplicate axes given.".into()));
    }
    if axes.is_empty() || axes.len() > 2 {
        return Err(LinAlgError::InvalidValue(
            "Improper number of dimensions to norm.".into(),
        ));
    }
    // Move the reduced axes last (in the order given) and reduce each trailing block.
    let mut perm: Vec<usize> = (0..nd).filter(|a| !axes.contains(a)).collect();
    let kept: Vec<usize> = perm.iter().map(|&a| v.shape()[a]).collect();
    perm.extend(&axes);
    let data = v.permute_axes(&perm)?.to_vec();
    let block: usize = axes.iter().map(|&a| v.shape()[a]).product();
    let count: usize = kept.iter().product();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let b = &data[i * block..(i + 1) * block];
        out.push(if axes.len() == 1 {
            vector_norm(b, ord)?
        } else {
            matrix_norm(b, v.shape()[axes[0]], v.shape()[axes[1]], ord)?
        });
    }
    let shape: Vec<usize> = if keepdims {
        (0..nd)
            .map(|a| if axes.contains(&a) { 1 } else { v.shape()[a] })
            .collect()
    } else {
        kept
    };
    Ok(NdArray::from_shape_vec(&shape, out)?)
}

/// The condition number of a (stack of) matrices in norm `p`.
///
/// NumPy: `np.linalg.cond(x, p)`: `p = None` (or `2`/`-2`) from the singular values
/// (`s_max / s_min`, or its inverse for `-2`); any other `p` as `norm(x, p) * norm(inv(x), p)`
/// (square `x` only). A singular matrix gives `inf`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::cond;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![2.0f64, 0.0, 0.0, 0.5]).unwrap();
/// assert_eq!(cond(&a, None).unwrap().to_vec(), vec![4.0]);
/// ```
///
/// # Errors
/// `NotMatrix`; `NotSquare` for a `p` that needs `inv` on a non-square matrix.
pub fn cond<T: LinalgReal>(x: &impl AsView<T>, p: Option<NormOrd>) -> LinAlgResult<NdArray<T>> {
    let v = x.as_view();
    if v.ndim() < 2 {
        return Err(LinAlgError::NotMatrix { ndim: v.ndim() });
    }
    let nd = v.ndim() as isize;
    match p {
        None | Some(NormOrd::P(2.0)) | Some(NormOrd::P(-2.0)) => {
            let s = svdvals(&v)?;
            let k = *s.shape().last().unwrap_or(&0);
            let batch = s.shape()[..s.ndim() - 1].to_vec();
            let sv = s.into_vec();
            let mut out = Vec::new();
            for c in sv.chunks(k.max(1)).take(batch.iter().product()) {
                let (hi, lo) = (c[0], c[c.len() - 1]);
                out.push(if p == Some(NormOrd::P(-2.0)) {
                    lo / hi
                } else {
                    hi / lo
                });
            }
            Ok(NdArray::from_shape_vec(&batch, out)?)
        }
        Some(ord) => {
            let axes = [nd - 2, nd - 1];
            let na = norm(&v, Some(ord), Some(&axes), false)?;
            let ni = match inv(&v) {
                Ok(i) => norm(&i, Some(ord), Some(&axes), false)?,
                Err(LinAlgError::Singular) => {
                    let shape = na.shape().to_vec();
                    NdArray::from_shape_vec(
                        &shape,
                        vec![T::infinity(); na.shape().iter().product()],
                    )?
                }
                Err(e) => return Err(e),
            };
            let out = na
                .to_vec()
                .iter()
                .zip(ni.to_vec())
                .map(|(&a, b)| a * b)
                .collect();
            Ok(NdArray::from_shape_vec(na.shape(), out)?)
        }
    }
}
