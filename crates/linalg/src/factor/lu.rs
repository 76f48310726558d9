//! LU with partial pivoting (LAPACK `?getrf`) and what it solves: `solve`, `inv`, `det`,
//! `slogdet` (NumPy's `numpy.linalg` names and results).
//!
//! The factorization is recursive (Toledo): the left half of the columns is factored, the
//! top-right block is solved against its unit lower triangle, the bottom-right block gets one
//! GEMM, `A22 -= A21 A12` (where the time goes), and the right half is factored. Pivot =
//! first largest magnitude in the column (`?getrf`), rows swapped across the whole matrix.
//! Columns narrower than `LEAF` are factored column by column.

use super::triangular::{solve_lower_unit, solve_upper};
use super::{LinalgReal, gemm_block, one, square_dims, square_stack, with_tail, zero};
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::MatRef;
use numerust_core::{AsView, NdArray, broadcast_shape_pair};

/// Factors the `n x n` matrix `a` in place as `P A = L U` (`L` unit lower below the
/// diagonal, `U` upper on and above it); `piv[i]` is the row swapped with row `i` at step
/// `i`, as LAPACK's `ipiv` (0-based). Returns `false` when some `U[i, i]` is exactly zero
/// (the factorization still completes, as `?getrf` does).
pub(crate) fn lu_in_place<T: LinalgReal>(a: &mut NdArray<T>, piv: &mut Vec<usize>) -> bool {
    let n = a.shape()[0];
    piv.clear();
    let mut scratch = Scratch {
        l11: Vec::new(),
        a12: Vec::new(),
        a21: Vec::new(),
    };
    recursive_lu(a, n, 0, n, piv, &mut scratch)
}

/// Columns narrower than this are factored column by column.
const LEAF: usize = 16;

/// Buffers reused down the recursion (fresh large buffers cost page faults).
struct Scratch<T> {
    l11: Vec<T>,
    a12: Vec<T>,
    a21: Vec<T>,
}

/// Copies the block `rows x cols` of the row-major `s` (`ld` columns) into `out`.
fn copy_into<T: Copy>(
    out: &mut Vec<T>,
    s: &[T],
    ld: usize,
    rows: std::ops::Range<usize>,
    cols: std::ops::Range<usize>,
) {
    out.clear();
    for i in rows {
        out.extend_from_slice(&s[i * ld + cols.start..i * ld + cols.end]);
    }
}

/// Factors columns `c0..c0 + w` (rows `c0..`) of the `n x n` matrix, whose columns left of
/// `c0` are already factored and whose columns `c0..c0 + w` have had every earlier update:
/// the left half recursively, then `A12 = L11^-1 A12`, `A22 -= A21 A12` (GEMM), then the
/// right half. Row swaps always move whole rows, so they reach every column at once.
fn recursive_lu<T: LinalgReal>(
    a: &mut NdArray<T>,
    n: usize,
    c0: usize,
    w: usize,
    piv: &mut Vec<usize>,
    scratch: &mut Scratch<T>,
) -> bool {
    if w <= LEAF {
        let s = a.as_slice_mut().expect("contiguous matrix");
        return factor_panel(s, n, c0, w, piv);
    }
    // Left half a multiple of LEAF where possible, so leaves are full width.
    let w1 = (w / 2).div_ceil(LEAF) * LEAF;
    let w2 = w - w1;
    let mut ok = recursive_lu(a, n, c0, w1, piv, scratch);
    let (c1, c2) = (c0 + w1, c0 + w);
    {
        // A12 (rows c0..c1, columns c1..c2) = L11^-1 A12 (blocked, GEMM inside).
        let s = a.as_slice_mut().expect("contiguous matrix");
        copy_into(&mut scratch.l11, s, n, c0..c1, c0..c1);
        copy_into(&mut scratch.a12, s, n, c0..c1, c1..c2);
        let mut a12 = NdArray::from_shape_vec(&[w1, w2], std::mem::take(&mut scratch.a12))
            .expect("w1*w2 elements");
        solve_lower_unit(&scratch.l11, w1, &mut a12);
        scratch.a12 = a12.into_vec();
        for i in 0..w1 {
            s[(c0 + i) * n + c1..(c0 + i) * n + c2]
                .copy_from_slice(&scratch.a12[i * w2..(i + 1) * w2]);
        }
        // A22 (rows c1.., columns c1..c2) -= A21 A12; A21 is copied out because it shares
        // rows with the GEMM's output.
        copy_into(&mut scratch.a21, s, n, c1..n, c0..c1);
    }
    gemm_block(
        a,
        (c1, c1),
        -one::<T>(),
        MatRef::from_slice(&scratch.a21, n - c1, w1),
        MatRef::from_slice(&scratch.a12, w1, w2),
        one::<T>(),
    );
    ok &= recursive_lu(a, n, c1, w2, piv, scratch);
    ok
}

/// Unblocked LU of the panel `rows k.., columns k..k+kb` of the row-major `n x n` matrix
/// `s`; pivot rows are swapped across all `n` columns. Appends the pivots to `piv`.
fn factor_panel<T: LinalgReal>(
    s: &mut [T],
    n: usize,
    k: usize,
    kb: usize,
    piv: &mut Vec<usize>,
) -> bool {
    let mut nonsingular = true;
    for j in k..k + kb {
        // Pivot: the first row of largest magnitude (BLAS `i?amax`; NaN is never larger).
        let mut p = j;
        let mut best = s[j * n + j].abs();
        for i in j + 1..n {
            let v = s[i * n + j].abs();
            if v > best {
                best = v;
                p = i;
            }
        }
        piv.push(p);
        if p != j {
            let (lo, hi) = s.split_at_mut(p * n);
            lo[j * n..j * n + n].swap_with_slice(&mut hi[..n]);
        }
        let d = s[j * n + j];
        if d == zero::<T>() {
            nonsingular = false;
            continue;
        }
        let (lo, hi) = s.split_at_mut((j + 1) * n);
        let urow = &lo[j * n + j + 1..j * n + k + kb];
        for row in hi.chunks_exact_mut(n) {
            let l = row[j] / d;
            row[j] = l;
            if l != zero::<T>() {
                for (x, &u) in row[j + 1..k + kb].iter_mut().zip(urow) {
                    *x = *x - l * u;
                }
            }
        }
    }
    nonsingular
}

/// Applies the row interchanges `piv` (in order) to the rows of `b`.
fn permute_rows<T: LinalgReal>(b: &mut NdArray<T>, piv: &[usize]) {
    let m = b.shape()[1];
    let s = b.as_slice_mut().expect("contiguous");
    for (i, &p) in piv.iter().enumerate() {
        if p != i {
            let (lo, hi) = s.split_at_mut(p * m);
            lo[i * m..i * m + m].swap_with_slice(&mut hi[..m]);
        }
    }
}

/// `X = A^-1 B` from the factored `lu` and pivots (`B` is `n x m`, overwritten).
fn lu_solve<T: LinalgReal>(lu: &NdArray<T>, piv: &[usize], b: &mut NdArray<T>) {
    let n = lu.shape()[0];
    let a = lu.as_slice().expect("contiguous");
    permute_rows(b, piv);
    solve_lower_unit(a, n, b);
    solve_upper(a, n, b);
}

/// Matrix `i` of a stack of `count` `n x n` matrices in `data`, factored: moved out when it
/// is the only one (no copy), copied otherwise.
fn factor<T: LinalgReal>(
    data: &mut Vec<T>,
    count: usize,
    i: usize,
    n: usize,
) -> (NdArray<T>, Vec<usize>, bool) {
    let src = if count == 1 {
        std::mem::take(data)
    } else {
        data[i * n * n..(i + 1) * n * n].to_vec()
    };
    let mut a = NdArray::from_shape_vec(&[n, n], src).expect("n*n elements");
    let mut piv = Vec::with_capacity(n);
    let ok = lu_in_place(&mut a, &mut piv);
    (a, piv, ok)
}

/// Solves `a @ x = b` for `x`, stacked over leading axes.
///
/// NumPy 2.x: `np.linalg.solve(a, b)` with `a` of shape `(..., M, M)`; a 1-D `b` of shape
/// `(M,)` is one right-hand side (the result has `a`'s leading axes and `M`), otherwise `b` is
/// `(..., M, K)` and its leading axes broadcast against `a`'s. LU with partial pivoting, as
/// LAPACK `?gesv`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::solve;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![3.0f64, 1.0, 1.0, 2.0]).unwrap();
/// let b = NdArray::from_shape_vec(&[2], vec![9.0, 8.0]).unwrap();
/// let x = solve(&a, &b).unwrap();
/// assert_eq!(x.shape(), &[2]);
/// assert!((x.to_vec()[0] - 2.0).abs() < 1e-12 && (x.to_vec()[1] - 3.0).abs() < 1e-12);
/// let singular = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 2.0, 4.0]).unwrap();
/// assert_eq!(solve(&singular, &b).unwrap_err().to_string(), "Singular matrix");
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare` for `a`; `InvalidValue` (NumPy's gufunc text) when `b`'s length
/// along `M` differs or the stacks do not broadcast; `Singular` when `U` has an exact zero
/// on its diagonal.
pub fn solve<T: LinalgReal>(a: &impl AsView<T>, b: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let (a, b) = (a.as_view(), b.as_view());
    let (abatch, n) = square_dims(&a)?; // shape checks first, as NumPy's
    let vector = b.ndim() == 1;
    let (sig, bcore): (&str, Vec<usize>) = if vector {
        ("(m,m),(m)->(m)", b.shape().to_vec())
    } else {
        if b.ndim() == 0 {
            return Err(LinAlgError::InvalidValue(
                "solve: Input operand 1 does not have enough dimensions (has 0, gufunc core \
                 with signature (m,m),(m,n)->(m,n) requires 2)"
                    .into(),
            ));
        }
        ("(m,m),(m,n)->(m,n)", b.shape()[b.ndim() - 2..].to_vec())
    };
    let func = if vector { "solve1" } else { "solve" };
    if bcore[0] != n {
        return Err(LinAlgError::InvalidValue(format!(
            "{func}: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
             signature {sig} (size {} is different from {n})",
            bcore[0]
        )));
    }
    let bbatch = &b.shape()[..b.ndim() - bcore.len()];
    let batch = broadcast_shape_pair(abatch, bbatch).map_err(|_| LinAlgError::BatchBroadcast {
        lhs: a.shape().to_vec(),
        lhs_core: 2,
        rhs: b.shape().to_vec(),
        rhs_core: bcore.len(),
        out_core: bcore.clone(),
    })?;
    let k = if vector { 1 } else { bcore[1] };
    let mut afull = a.broadcast_to(&with_tail(&batch, &[n, n]))?.to_vec();
    let bfull = b.broadcast_to(&with_tail(&batch, &bcore))?.to_vec();
    let count: usize = batch.iter().product();
    let mut out = Vec::with_capacity(count * n * k);
    for i in 0..count {
        let (lu, piv, ok) = factor(&mut afull, count, i, n);
        if !ok {
            return Err(LinAlgError::Singular);
        }
        let mut x = NdArray::from_shape_vec(&[n, k], bfull[i * n * k..(i + 1) * n * k].to_vec())?;
        lu_solve(&lu, &piv, &mut x);
        out.extend(x.into_vec());
    }
    Ok(NdArray::from_shape_vec(&with_tail(&batch, &bcore), out)?)
}

/// The inverse of a (stack of) square matrices.
///
/// NumPy: `np.linalg.inv(a)`, computed as NumPy does, by solving `A X = I` (LU with partial
/// pivoting, `?gesv`).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::inv;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![4.0f64, 7.0, 2.0, 6.0]).unwrap();
/// let ai = inv(&a).unwrap();
/// let want = [0.6, -0.7, -0.2, 0.4];
/// assert!(ai.to_vec().iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-12));
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`; `Singular` ("Singular matrix").
pub fn inv<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let mut sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let mut out = Vec::with_capacity(sa.data.len());
    let count: usize = sa.batch.iter().product();
    for i in 0..count {
        let (lu, piv, ok) = factor(&mut sa.data, count, i, n);
        if !ok {
            return Err(LinAlgError::Singular);
        }
        let mut x = numerust_core::zeros::<T>(&[n, n])?;
        {
            let s = x.as_slice_mut().expect("contiguous");
            for i in 0..n {
                s[i * n + i] = one::<T>();
            }
        }
        lu_solve(&lu, &piv, &mut x);
        out.extend(x.into_vec());
    }
    Ok(NdArray::from_shape_vec(
        &with_tail(&sa.batch, &[n, n]),
        out,
    )?)
}

/// Sign of the permutation and the diagonal of `U` of one factored matrix.
fn sign_and_diag<T: LinalgReal>(lu: &NdArray<T>, piv: &[usize]) -> (T, Vec<T>) {
    let n = lu.shape()[0];
    let s = lu.as_slice().expect("contiguous");
    let swaps = piv.iter().enumerate().filter(|&(i, &p)| i != p).count();
    let sign = if swaps % 2 == 0 {
        one::<T>()
    } else {
        -one::<T>()
    };
    (sign, (0..n).map(|i| s[i * n + i]).collect())
}

/// The determinant of a (stack of) square matrices; 0-d for one matrix.
///
/// NumPy: `np.linalg.det(a)`: the product of `U`'s diagonal times the permutation's sign
/// (LU with partial pivoting). A singular matrix gives `0` (no error); `0 x 0` gives `1`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::det;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1.0f64, 2.0, 3.0, 4.0]).unwrap();
/// let d = det(&a).unwrap();
/// assert_eq!(d.shape(), &[] as &[usize]);
/// assert!((d.to_vec()[0] + 2.0).abs() < 1e-12);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn det<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let mut sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let (lu, piv, _) = factor(&mut sa.data, count, i, n);
        let (sign, diag) = sign_and_diag(&lu, &piv);
        out.push(diag.into_iter().fold(sign, |acc, d| acc * d));
    }
    Ok(NdArray::from_shape_vec(&sa.batch, out)?)
}

/// Sign and natural log of the absolute determinant, which does not overflow where `det`
/// would; 0-d arrays for one matrix.
///
/// NumPy: `np.linalg.slogdet(a)` -> `(sign, logabsdet)`; a singular matrix gives
/// `(0, -inf)`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::slogdet;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![0.0, 2.0, 3.0, 0.0]).unwrap();
/// let (sign, logdet) = slogdet(&a).unwrap();
/// assert_eq!(sign.to_vec(), vec![-1.0]);
/// assert!((logdet.to_vec()[0] - 6f64.ln()).abs() < 1e-12);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn slogdet<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<(NdArray<T>, NdArray<T>)> {
    let mut sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let (mut signs, mut logs) = (Vec::with_capacity(count), Vec::with_capacity(count));
    for i in 0..count {
        let (lu, piv, ok) = factor(&mut sa.data, count, i, n);
        if !ok {
            signs.push(zero::<T>());
            logs.push(T::neg_infinity());
            continue;
        }
        let (mut sign, diag) = sign_and_diag(&lu, &piv);
        let mut log = zero::<T>();
        for d in diag {
            if d < zero::<T>() {
                sign = -sign;
            }
            log = log + d.abs().ln();
        }
        signs.push(sign);
        logs.push(log);
    }
    Ok((
        NdArray::from_shape_vec(&sa.batch, signs)?,
        NdArray::from_shape_vec(&sa.batch, logs)?,
    ))
}
