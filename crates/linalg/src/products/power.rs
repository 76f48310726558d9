//! `trace` and `matrix_power`.

use super::matmul::matmul;
use super::scalar::LinalgScalar;
use crate::error::{LinAlgError, LinAlgResult};
use numerust_core::reduce::{SumElement, sum_axis};
use numerust_core::{AsView, NdArray, Order, diagonal_axes};

/// The sum along diagonal `offset` over `axis1` and `axis2`; the other axes remain
/// (a 0-d array for a 2-D input).
///
/// NumPy: `np.trace(a, offset, axis1, axis2)`; sums accumulate like NumPy's (`int64` for
/// small integers, NumPy's pairwise order for floats).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::trace_with;
/// let a = NdArray::from_shape_vec(&[2, 3, 4], (0..24).collect::<Vec<i64>>()).unwrap();
/// assert_eq!(trace_with(&a, 1, 1, 2).unwrap().to_vec(), vec![18, 54]);
/// ```
///
/// # Errors
/// `Nd(InvalidValue)` for fewer than two dimensions or equal axes, `Nd(AxisOutOfBounds)`.
pub fn trace_with<T: SumElement>(
    a: &impl AsView<T>,
    offset: isize,
    axis1: isize,
    axis2: isize,
) -> LinAlgResult<NdArray<T::Acc>> {
    let d = diagonal_axes(a, offset, axis1, axis2)?;
    Ok(sum_axis(&d, -1)?)
}

/// The sum of the main diagonal over the first two axes.
///
/// NumPy: `np.trace(a)`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::trace;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(trace(&a).unwrap().to_vec(), vec![5.0]);
/// ```
///
/// # Errors
/// As [`trace_with`].
pub fn trace<T: SumElement>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T::Acc>> {
    trace_with(a, 0, 0, 1)
}

/// `a` raised to the integer power `n` by repeated squaring (stacks of square matrices).
///
/// NumPy: `np.linalg.matrix_power(a, n)`, with NumPy's exact order of products (so the
/// rounding matches up to GEMM's summation order). `n = 0` gives identities.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::matrix_power;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1i64, 1, 1, 0]).unwrap();
/// assert_eq!(matrix_power(&a, 10).unwrap().to_vec(), vec![89, 55, 55, 34]);
/// ```
///
/// A negative `n` inverts first, as NumPy does (`matrix_power(inv(a), -n)`):
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::matrix_power;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![2.0, 0.0, 0.0, 4.0]).unwrap();
/// assert_eq!(matrix_power(&a, -2).unwrap().to_vec(), vec![0.25, 0.0, 0.0, 0.0625]);
/// ```
///
/// # Errors
/// `NotMatrix` for fewer than two dimensions, `NotSquare`; for `n < 0`, `Singular` ("Singular
/// matrix") as `inv`, and `InvalidValue` for integer, bool or complex matrices (NumPy returns
/// float64 for integers; cast first).
pub fn matrix_power<T: LinalgScalar>(a: &impl AsView<T>, n: i64) -> LinAlgResult<NdArray<T>> {
    let a = a.as_view();
    let nd = a.ndim();
    if nd < 2 {
        return Err(LinAlgError::NotMatrix { ndim: nd });
    }
    if a.shape()[nd - 1] != a.shape()[nd - 2] {
        return Err(LinAlgError::NotSquare);
    }
    if n < 0 {
        let inverse = T::inverse(&a)?;
        let m = n.checked_neg().ok_or_else(|| {
            LinAlgError::InvalidValue(format!("matrix_power: exponent {n} is out of range"))
        })?;
        return matrix_power(&inverse, m);
    }
    match n {
        0 => {
            let side = a.shape()[nd - 1];
            let mut out = NdArray::try_from_fill(a.shape(), Order::C, |d: &mut [T]| {
                d.fill(T::zero());
                Ok::<(), LinAlgError>(())
            })?;
            if side > 0 {
                let data = out.as_slice_mut().expect("new arrays are contiguous");
                for m in data.chunks_exact_mut(side * side) {
                    for i in 0..side {
                        m[i * side + i] = T::one();
                    }
                }
            }
            Ok(out)
        }
        1 => Ok(a.to_owned_order(Order::C)),
        2 => matmul(&a, &a),
        3 => matmul(&matmul(&a, &a)?, &a),
        _ => {
            // NumPy's loop: bits of n from the least significant, squaring z.
            let (mut z, mut result): (Option<NdArray<T>>, Option<NdArray<T>>) = (None, None);
            let mut n = n;
            while n > 0 {
                z = Some(match z {
                    None => a.to_owned_order(Order::C),
                    Some(z) => matmul(&z, &z)?,
                });
                let bit = n % 2;
                n /= 2;
                if bit == 1 {
                    let zr = z.as_ref().expect("set above");
                    result = Some(match result {
                        None => zr.clone(),
                        Some(r) => matmul(&r, zr)?,
                    });
                }
            }
            Ok(result.expect("n > 0 sets a bit"))
        }
    }
}
