//! `tensordot` (contraction of paired axes as one matrix product) and `kron`.

use super::dot::outer;
use super::scalar::LinalgScalar;
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::MatRef;
use numerust_core::layout::normalize_axis;
use numerust_core::{ArrayView, AsView, NdArray, NdError, Order, layout::checked_size};

/// Which axes [`tensordot`] sums over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TensordotAxes {
    /// The last `n` axes of `a` with the first `n` axes of `b` (NumPy: `axes=n`).
    Count(usize),
    /// `a`'s axes `.0[i]` paired with `b`'s axes `.1[i]` (NumPy: `axes=(a_axes, b_axes)`).
    Pairs(Vec<isize>, Vec<isize>),
}

impl From<usize> for TensordotAxes {
    fn from(n: usize) -> Self {
        TensordotAxes::Count(n)
    }
}

impl<const N: usize> From<([isize; N], [isize; N])> for TensordotAxes {
    fn from((a, b): ([isize; N], [isize; N])) -> Self {
        TensordotAxes::Pairs(a.to_vec(), b.to_vec())
    }
}

/// `v` as a `rows x cols` matrix view: a re-view when its strides allow, else a C-order
/// copy kept alive in `keep`.
pub(crate) fn as_matrix<'a, T: LinalgScalar>(
    v: ArrayView<'a, T>,
    rows: usize,
    cols: usize,
    keep: &'a mut Option<NdArray<T>>,
) -> LinAlgResult<ArrayView<'a, T>> {
    if v.ndim() == 2 && v.shape() == [rows, cols] {
        return Ok(v);
    }
    if let Ok(m) = v.reshape_view([rows, cols], Order::C) {
        return Ok(m);
    }
    let copy = keep.insert(v.to_owned_order(Order::C).reshape([rows, cols])?);
    Ok(copy.view())
}

/// The 2-D product of `m` (`rows x k`) and `n` (`k x cols`) into a new array of `shape`
/// (whose size is `rows * cols`).
pub(crate) fn product_into_shape<T: LinalgScalar>(
    m: &ArrayView<'_, T>,
    n: &ArrayView<'_, T>,
    shape: &[usize],
) -> LinAlgResult<NdArray<T>> {
    let am = MatRef::from_view(m).expect("2-D");
    let bm = MatRef::from_view(n).expect("2-D");
    Ok(NdArray::try_from_fill(
        shape,
        Order::C,
        |data: &mut [T]| {
            T::matmul_into(am, bm, data);
            Ok::<(), NdError>(())
        },
    )?)
}

/// The sum of products over the paired axes of `a` and `b`: the result's axes are `a`'s
/// unpaired axes followed by `b`'s, in order.
///
/// NumPy: `np.tensordot(a, b, axes)`. Like NumPy, both operands are permuted (a view) and
/// merged into one matrix each — a copy only when their strides cannot be merged — and
/// multiplied with one GEMM.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::tensordot;
/// let a = NdArray::from_shape_vec(&[3, 4, 5], (0..60).map(f64::from).collect()).unwrap();
/// let b = NdArray::from_shape_vec(&[4, 3, 2], (0..24).map(f64::from).collect()).unwrap();
/// let c = tensordot(&a, &b, ([1, 0], [0, 1])).unwrap();
/// assert_eq!(c.shape(), &[5, 2]);
/// assert_eq!(c[[0, 0]], 4400.0);
/// ```
///
/// # Errors
/// `SumShapeMismatch` ("shape-mismatch for sum") when paired axes differ in length or the
/// lists in length; `Nd(AxisOutOfBounds)`; `InvalidValue` when `Count(n)` exceeds a rank.
pub fn tensordot<T: LinalgScalar>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
    axes: impl Into<TensordotAxes>,
) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    let (na, nb) = (a.ndim(), b.ndim());
    let (axes_a, axes_b): (Vec<usize>, Vec<usize>) = match axes.into() {
        TensordotAxes::Count(n) => {
            if n > na || n > nb {
                return Err(LinAlgError::InvalidValue(format!(
                    "tensordot: axes={n} exceeds the dimensions of the operands ({na} and {nb})"
                )));
            }
            ((na - n..na).collect(), (0..n).collect())
        }
        TensordotAxes::Pairs(xa, xb) => {
            if xa.len() != xb.len() {
                return Err(LinAlgError::SumShapeMismatch);
            }
            let norm = |xs: &[isize], nd| -> Result<Vec<usize>, NdError> {
                xs.iter().map(|&x| normalize_axis(x, nd)).collect()
            };
            (norm(&xa, na)?, norm(&xb, nb)?)
        }
    };
    let distinct = |xs: &[usize]| {
        let mut s = xs.to_vec();
        s.sort_unstable();
        s.windows(2).all(|w| w[0] != w[1])
    };
    if !distinct(&axes_a) || !distinct(&axes_b) {
        return Err(NdError::RepeatedAxis.into());
    }
    if axes_a
        .iter()
        .zip(&axes_b)
        .any(|(&x, &y)| a.shape()[x] != b.shape()[y])
    {
        return Err(LinAlgError::SumShapeMismatch);
    }
    let free_a: Vec<usize> = (0..na).filter(|x| !axes_a.contains(x)).collect();
    let free_b: Vec<usize> = (0..nb).filter(|x| !axes_b.contains(x)).collect();
    let dims = |v: &ArrayView<'_, T>, xs: &[usize]| -> Vec<usize> {
        xs.iter().map(|&x| v.shape()[x]).collect()
    };
    let (fa, fb, sk) = (dims(&a, &free_a), dims(&b, &free_b), dims(&a, &axes_a));
    let (rows, cols, k) = (checked_size(&fa)?, checked_size(&fb)?, checked_size(&sk)?);
    let perm_a: Vec<usize> = free_a.iter().chain(&axes_a).copied().collect();
    let perm_b: Vec<usize> = axes_b.iter().chain(&free_b).copied().collect();
    let (mut keep_a, mut keep_b) = (None, None);
    let am = as_matrix(a.permute_axes(&perm_a)?, rows, k, &mut keep_a)?;
    let bm = as_matrix(b.permute_axes(&perm_b)?, k, cols, &mut keep_b)?;
    let mut shape = fa;
    shape.extend(fb);
    product_into_shape(&am, &bm, &shape)
}

/// The Kronecker product: blocks `a[i] * b` laid out on `a`'s grid.
///
/// NumPy: `np.kron(a, b)`; the shorter shape is padded with leading ones and the result's
/// shape is the element-wise product of the shapes.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::kron;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1, 2, 3, 4]).unwrap();
/// let b = NdArray::from_vec(vec![1, 10]);
/// let k = kron(&a, &b).unwrap();
/// assert_eq!(k.shape(), &[2, 4]);
/// assert_eq!(k.to_vec(), vec![1, 10, 2, 20, 3, 30, 4, 40]);
/// ```
///
/// # Errors
/// `Nd(ShapeOverflow)` when the result is too large.
pub fn kron<T: LinalgScalar>(a: &impl AsView<T>, b: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    let nd = a.ndim().max(b.ndim());
    let pad = |s: &[usize]| {
        let mut p = vec![1usize; nd - s.len()];
        p.extend_from_slice(s);
        p
    };
    let (sa, sb) = (pad(a.shape()), pad(b.shape()));
    let mut grid = sa.clone();
    grid.extend_from_slice(&sb);
    let prod = outer(&a, &b)?.reshape(grid.as_slice())?;
    let perm: Vec<usize> = (0..nd).flat_map(|i| [i, nd + i]).collect();
    let shape: Vec<usize> = sa.iter().zip(&sb).map(|(x, y)| x * y).collect();
    checked_size(&shape)?;
    Ok(prod
        .permute_axes(&perm)?
        .view()
        .to_owned_order(Order::C)
        .reshape(shape.as_slice())?)
}
