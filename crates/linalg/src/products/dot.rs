//! `dot`, `vdot`, `inner` and `outer`.

use super::scalar::LinalgScalar;
use super::tensordot::{TensordotAxes, tensordot};
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::MatRef;
use numerust_core::{ArrayView, AsView, NdArray, NdError, Order};

/// `s * v` element-wise (NumPy's `dot`/`inner` with a 0-d operand is `multiply`).
fn scale<T: LinalgScalar>(s: T, v: &ArrayView<'_, T>, scalar_first: bool) -> NdArray<T> {
    v.mapv(|x| if scalar_first { s.mul(x) } else { x.mul(s) })
}

/// The 0-d value of a 0-d view.
fn scalar_of<T: LinalgScalar>(v: &ArrayView<'_, T>) -> T {
    *v.get(&[]).expect("0-d view has one element")
}

/// The dot product of two arrays.
///
/// NumPy: `np.dot(a, b)`: 1-D · 1-D is the inner product (a 0-d array), 2-D · 2-D the
/// matrix product, N-D · 1-D sums over the last axis of `a`, N-D · M-D sums over the last
/// axis of `a` and the second-to-last of `b` (result shape `a.shape[:-1] + b.shape[:-2] +
/// b.shape[-1:]`); a 0-d operand multiplies element-wise.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::dot;
/// let a = NdArray::from_shape_vec(&[2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
/// let v = NdArray::from_vec(vec![1.0, 1.0, 1.0]);
/// assert_eq!(dot(&a, &v).unwrap().to_vec(), vec![6.0, 15.0]);
/// assert_eq!(
///     dot(&a, &a).unwrap_err().to_string(),
///     "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"
/// );
/// ```
///
/// # Errors
/// `NotAligned` with NumPy's message when the summed lengths differ.
pub fn dot<T: LinalgScalar>(a: &impl AsView<T>, b: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    if a.ndim() == 0 {
        return Ok(scale(scalar_of(&a), &b, true));
    }
    if b.ndim() == 0 {
        return Ok(scale(scalar_of(&b), &a, false));
    }
    let la = a.ndim() - 1;
    let lb = if b.ndim() == 1 { 0 } else { b.ndim() - 2 };
    if a.shape()[la] != b.shape()[lb] {
        return Err(LinAlgError::NotAligned {
            lhs: a.shape().to_vec(),
            rhs: b.shape().to_vec(),
            lhs_axis: la,
            rhs_axis: lb,
        });
    }
    tensordot(
        &a,
        &b,
        TensordotAxes::Pairs(vec![la as isize], vec![lb as isize]),
    )
}

/// The inner product over the last axes: result shape `a.shape[:-1] + b.shape[:-1]`.
///
/// NumPy: `np.inner(a, b)`; a 0-d operand multiplies element-wise.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::inner;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1, 2, 3, 4]).unwrap();
/// assert_eq!(inner(&a, &a).unwrap().to_vec(), vec![5, 11, 11, 25]);
/// ```
///
/// # Errors
/// `NotAligned` when the last axes differ in length.
pub fn inner<T: LinalgScalar>(a: &impl AsView<T>, b: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    if a.ndim() == 0 {
        return Ok(scale(scalar_of(&a), &b, true));
    }
    if b.ndim() == 0 {
        return Ok(scale(scalar_of(&b), &a, false));
    }
    let (la, lb) = (a.ndim() - 1, b.ndim() - 1);
    if a.shape()[la] != b.shape()[lb] {
        // NumPy reports the shape of b with its last two axes swapped (it computes
        // `dot(a, swapaxes(b, -1, -2))`).
        let mut rhs = b.shape().to_vec();
        if lb > 0 {
            rhs.swap(lb, lb - 1);
        }
        return Err(LinAlgError::NotAligned {
            lhs: a.shape().to_vec(),
            rhs,
            lhs_axis: la,
            rhs_axis: lb.saturating_sub(1),
        });
    }
    tensordot(&a, &b, TensordotAxes::Pairs(vec![-1], vec![-1]))
}

/// The dot product of the flattened arrays, conjugating `a` first (complex types).
///
/// NumPy: `np.vdot(a, b)`.
///
/// ```
/// use numerust_core::{Complex64, NdArray};
/// use numerust_linalg::vdot;
/// let a = NdArray::from_vec(vec![Complex64::new(1.0, 2.0), Complex64::new(3.0, 4.0)]);
/// let b = NdArray::from_vec(vec![Complex64::new(5.0, 6.0), Complex64::new(7.0, 8.0)]);
/// assert_eq!(vdot(&a, &b).unwrap(), Complex64::new(70.0, -8.0));
/// ```
///
/// # Errors
/// `Nd(Reshape)` when the sizes differ (NumPy: `cannot reshape array of size 2 into shape
/// (3,)`).
pub fn vdot<T: LinalgScalar>(a: &impl AsView<T>, b: &impl AsView<T>) -> LinAlgResult<T> {
    let (a, b) = (a.as_view(), b.as_view());
    if a.size() != b.size() {
        return Err(NdError::Reshape {
            size: b.size(),
            shape: vec![a.size() as isize],
        }
        .into());
    }
    let k = a.size();
    let av: Vec<T> = a.iter().map(|x| x.conj()).collect();
    let bv = b.to_vec();
    let mut out = [T::zero()];
    T::matmul_into(
        MatRef::from_slice(&av, 1, k),
        MatRef::from_slice(&bv, k, 1),
        &mut out,
    );
    Ok(out[0])
}

/// The outer product of the flattened arrays: `out[i, j] = a[i] * b[j]`.
///
/// NumPy: `np.outer(a, b)` (exact products, so results equal NumPy's bit for bit).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::outer;
/// let a = NdArray::from_vec(vec![1, 2]);
/// let b = NdArray::from_vec(vec![1, 10, 100]);
/// assert_eq!(outer(&a, &b).unwrap().to_vec(), vec![1, 10, 100, 2, 20, 200]);
/// ```
///
/// # Errors
/// `Nd(ShapeOverflow)` when the result is too large.
pub fn outer<T: LinalgScalar>(a: &impl AsView<T>, b: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    let (av, bv) = (a.to_vec(), b.to_vec());
    let n = bv.len();
    Ok(NdArray::try_from_fill(
        &[av.len(), n],
        Order::C,
        |data: &mut [T]| {
            if n > 0 {
                for (row, &x) in data.chunks_exact_mut(n).zip(&av) {
                    for (o, &y) in row.iter_mut().zip(&bv) {
                        *o = x.mul(y);
                    }
                }
            }
            Ok::<(), NdError>(())
        },
    )?)
}
