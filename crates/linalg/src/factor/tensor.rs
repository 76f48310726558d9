//! `tensorsolve` and `tensorinv`: [`solve`] and [`inv`] on tensors whose axes group into a
//! square matrix.

use super::LinalgReal;
use super::lu::{inv, solve};
use crate::error::{LinAlgError, LinAlgResult};
use numerust_core::layout::checked_size;
use numerust_core::{AsView, NdArray};

/// Solves the tensor equation `tensordot(a, x, x.ndim) = b` for `x` (NumPy's
/// `np.linalg.tensorsolve`).
///
/// `x` takes the shape of `a`'s trailing `a.ndim - b.ndim` axes, whose product must equal
/// the product of `a`'s leading `b.ndim` axes (`b`'s shape): the problem is then one square
/// [`solve`]. `axes` first moves those axes of `a` to the end, in the order given.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::{tensordot, tensorsolve, TensordotAxes};
/// // a: (2, 3, 6) = an invertible 6x6 matrix with its rows split as (2, 3).
/// let mut m = vec![0.0f64; 36];
/// for i in 0..6 { m[i * 6 + i] = 2.0; m[i * 6 + (i + 1) % 6] = 1.0; }
/// let a = NdArray::from_shape_vec(&[2, 3, 6], m).unwrap();
/// let b = NdArray::from_shape_vec(&[2, 3], (0..6).map(f64::from).collect()).unwrap();
/// let x = tensorsolve(&a, &b, None).unwrap();
/// assert_eq!(x.shape(), &[6]);
/// let back = tensordot(&a, &x, TensordotAxes::Count(1)).unwrap();
/// for (u, v) in back.to_vec().iter().zip(b.to_vec()) { assert!((u - v).abs() < 1e-12); }
/// ```
///
/// # Errors
/// `InvalidValue` when an axis in `axes` is out of range or repeated, or when the shapes do
/// not make a square problem (NumPy's requirement message); `Singular` as [`solve`].
pub fn tensorsolve<T: LinalgReal>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
    axes: Option<&[usize]>,
) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    let an = a.ndim();
    let a = match axes {
        None => a,
        Some(axes) => {
            let mut order: Vec<usize> = (0..an).collect();
            for &k in axes {
                let at = order.iter().position(|&o| o == k).ok_or_else(|| {
                    LinAlgError::InvalidValue(format!(
                        "tensorsolve: axis {k} is out of range or repeated for an array of \
                         dimension {an}"
                    ))
                })?;
                let k = order.remove(at);
                order.push(k);
            }
            a.permute_axes(&order)?
        }
    };
    // NumPy slices a.shape[-(an - b.ndim):]: Python's negative start, so equal ranks keep
    // every axis (and then fail the size check unless a holds one element).
    let bn = b.ndim();
    let start = match bn.cmp(&an) {
        std::cmp::Ordering::Less => bn,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => (bn - an).min(an),
    };
    let x_shape = a.shape()[start..].to_vec();
    let prod = checked_size(&x_shape)?;
    if prod.checked_mul(prod) != Some(a.size()) {
        return Err(LinAlgError::InvalidValue(
            "Input arrays must satisfy the requirement prod(a.shape[b.ndim:]) == \
             prod(a.shape[:b.ndim])"
                .into(),
        ));
    }
    let a2 = a.reshape([prod, prod])?;
    let b1 = b.reshape([b.size()])?;
    Ok(solve(&a2, &b1)?.reshape(x_shape)?)
}

/// The inverse of a tensor under [`tensordot`](crate::tensordot) over `ind` axes (NumPy's
/// `np.linalg.tensorinv`): `a`'s first `ind` axes and its other axes must hold equally many
/// elements; the result has shape `a.shape[ind..] + a.shape[..ind]`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::tensorinv;
/// let mut m = vec![0.0f64; 36];
/// for i in 0..6 { m[i * 6 + i] = 4.0; }
/// let a = NdArray::from_shape_vec(&[6, 2, 3], m).unwrap();
/// let ainv = tensorinv(&a, 1).unwrap();
/// assert_eq!(ainv.shape(), &[2, 3, 6]);
/// assert_eq!(ainv[[0, 0, 0]], 0.25);
/// ```
///
/// # Errors
/// `InvalidValue("Invalid ind argument.")` for `ind == 0`; a reshape error when the sizes
/// do not divide; `NotSquare` when the grouped matrix is not square; `Singular` as [`inv`].
pub fn tensorinv<T: LinalgReal>(a: &impl AsView<T>, ind: usize) -> LinAlgResult<NdArray<T>> {
    let a = a.as_view();
    if ind == 0 {
        return Err(LinAlgError::InvalidValue("Invalid ind argument.".into()));
    }
    let shape = a.shape();
    let ind = ind.min(shape.len());
    let inv_shape: Vec<usize> = shape[ind..].iter().chain(&shape[..ind]).copied().collect();
    let rows = checked_size(&shape[ind..])?;
    let a2 = a.reshape([rows as isize, -1])?;
    Ok(inv(&a2)?.reshape(inv_shape)?)
}

#[cfg(test)]
mod tests {
    use super::{tensorinv, tensorsolve};
    use crate::error::LinAlgError;
    use numerust_core::NdArray;

    fn arr(shape: &[usize], f: impl Fn(usize) -> f64) -> NdArray<f64> {
        let n = shape.iter().product();
        NdArray::from_shape_vec(shape, (0..n).map(f).collect()).unwrap()
    }

    #[test]
    fn shape_errors_match_numpy() {
        let a = arr(&[2, 3, 4], |i| i as f64);
        let b = arr(&[2, 3], |i| i as f64);
        assert!(matches!(
            tensorsolve(&a, &b, None),
            Err(LinAlgError::InvalidValue(m)) if m.starts_with("Input arrays must satisfy")
        ));
        assert!(matches!(
            tensorsolve(&a, &b, Some(&[5])),
            Err(LinAlgError::InvalidValue(_))
        ));
        assert!(matches!(
            tensorinv(&a, 0),
            Err(LinAlgError::InvalidValue(m)) if m == "Invalid ind argument."
        ));
        assert!(tensorinv(&a, 1).is_err());
    }
}
