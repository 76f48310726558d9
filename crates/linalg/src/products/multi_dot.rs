//! `multi_dot`: a chain of matrix products in the order that costs the fewest multiplies.

use super::dot::dot;
use super::matmul::matmul;
use super::scalar::LinalgScalar;
use crate::error::{LinAlgError, LinAlgResult};
use numerust_core::{ArrayView, NdArray, Order};

/// For every sub-chain `i..=j`, the split `k` of the cheapest parenthesisation
/// `(A_i..A_k)(A_k+1..A_j)`, by the textbook matrix-chain dynamic programme over the
/// dimensions `p` (`A_i` is `p[i] x p[i + 1]`). Ties keep the leftmost split, as NumPy's.
fn chain_order(p: &[usize]) -> Vec<Vec<usize>> {
    let n = p.len() - 1;
    let mut cost = vec![vec![0f64; n]; n];
    let mut split = vec![vec![0usize; n]; n];
    for len in 1..n {
        for i in 0..n - len {
            let j = i + len;
            cost[i][j] = f64::INFINITY;
            for k in i..j {
                // f64 like NumPy's cost table: exact up to 2^53, never overflows.
                let q = cost[i][k] + cost[k + 1][j] + (p[i] * p[k + 1]) as f64 * p[j + 1] as f64;
                if q < cost[i][j] {
                    cost[i][j] = q;
                    split[i][j] = k;
                }
            }
        }
    }
    split
}

/// The product of `mats[i..=j]` in the order `split` chose.
fn chain<T: LinalgScalar>(
    mats: &[ArrayView<'_, T>],
    split: &[Vec<usize>],
    i: usize,
    j: usize,
) -> LinAlgResult<NdArray<T>> {
    if i == j {
        return Ok(mats[i].to_owned());
    }
    let k = split[i][j];
    matmul(&chain(mats, split, i, k)?, &chain(mats, split, k + 1, j)?)
}

/// The product of two or more matrices, multiplied in the order that needs the fewest
/// scalar multiplications (NumPy's `np.linalg.multi_dot`).
///
/// The first array may be 1-D (a row vector) and the last 1-D (a column vector); the rest
/// must be 2-D. Two arrays are simply [`dot`]. The result is 2-D, 1-D when one end is a
/// vector, and 0-d when both are.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::multi_dot;
/// let a = NdArray::from_shape_vec(&[10, 100], vec![1.0f64; 1000]).unwrap();
/// let b = NdArray::from_shape_vec(&[100, 5], vec![1.0; 500]).unwrap();
/// let c = NdArray::from_shape_vec(&[5, 50], vec![1.0; 250]).unwrap();
/// // (ab)c: 7 500 multiplies instead of a(bc)'s 75 000.
/// let d = multi_dot(&[a.view(), b.view(), c.view()]).unwrap();
/// assert_eq!(d.shape(), &[10, 50]);
/// assert_eq!(d[[0, 0]], 500.0);
/// ```
///
/// # Errors
/// `InvalidValue` for fewer than two arrays or an inner array that is not 2-D (NumPy's
/// messages); the products' shape errors for mismatched dimensions.
pub fn multi_dot<T: LinalgScalar>(arrays: &[ArrayView<'_, T>]) -> LinAlgResult<NdArray<T>> {
    let n = arrays.len();
    if n < 2 {
        return Err(LinAlgError::InvalidValue(
            "Expecting at least two arrays.".into(),
        ));
    }
    if n == 2 {
        return dot(&arrays[0], &arrays[1]);
    }
    let (first, last) = (arrays[0].ndim(), arrays[n - 1].ndim());
    let mut mats: Vec<ArrayView<'_, T>> = arrays.to_vec();
    if first == 1 {
        mats[0] = mats[0].reshape_view([1, arrays[0].shape()[0]], Order::C)?;
    }
    if last == 1 {
        let k = arrays[n - 1].shape()[0];
        mats[n - 1] = mats[n - 1].reshape_view([k, 1], Order::C)?;
    }
    if let Some(m) = mats.iter().find(|m| m.ndim() != 2) {
        return Err(LinAlgError::InvalidValue(format!(
            "{}-dimensional array given. Array must be two-dimensional",
            m.ndim()
        )));
    }
    let mut p: Vec<usize> = mats.iter().map(|m| m.shape()[0]).collect();
    p.push(mats[n - 1].shape()[1]);
    let split = chain_order(&p);
    let out = chain(&mats, &split, 0, n - 1)?;
    Ok(match (first, last) {
        (1, 1) => out.reshape([0usize; 0])?,
        (1, _) | (_, 1) => {
            let len = out.size();
            out.reshape([len])?
        }
        _ => out,
    })
}

#[cfg(test)]
mod tests {
    use super::chain_order;

    #[test]
    fn chain_order_picks_the_cheapest_split() {
        // A 10x100, B 100x5, C 5x50: (AB)C costs 7 500, A(BC) 75 000.
        assert_eq!(chain_order(&[10, 100, 5, 50])[0][2], 1);
        // Reversed dimensions: A(BC) is cheaper.
        assert_eq!(chain_order(&[50, 5, 100, 10])[0][2], 0);
        // Equal costs keep the leftmost split (A(BC)), as NumPy's.
        assert_eq!(chain_order(&[2, 2, 2, 2])[0][2], 0);
        // CLRS 15.2: optimal ((A1(A2A3))((A4A5)A6)).
        let s = chain_order(&[30, 35, 15, 5, 10, 20, 25]);
        assert_eq!(s[0][5], 2);
        assert_eq!(s[0][2], 0);
        assert_eq!(s[3][5], 4);
    }
}
