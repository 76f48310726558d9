//! `bincount`: occurrences (or summed weights) of each non-negative integer.
//!
//! NumPy → numerust: `np.bincount(x, minlength=)` → [`bincount`]`(&x, minlength)` (`i64`
//! counts); `np.bincount(x, weights=w, minlength=)` → [`bincount_weighted`] (`f64` sums,
//! added in element order as NumPy does).

use numerust_core::{AsView, Element, IndexInt, NdArray, NdError, NdResult};

fn checked_len<I: IndexInt>(x: &[I], minlength: usize) -> NdResult<usize> {
    let mut max: i64 = -1;
    for &v in x {
        let v = v.as_isize() as i64;
        if v < 0 {
            return Err(NdError::InvalidValue(
                "'list' argument must have no negative elements".into(),
            ));
        }
        max = max.max(v);
    }
    Ok(((max + 1) as usize).max(minlength))
}

/// How often each value `0..=max(x)` occurs in the 1-D `x`, at least `minlength` entries
/// (NumPy: `np.bincount(x, minlength=)`).
///
/// # Errors
/// `InvalidValue` for a negative value; `ShapeMismatch` when `x` is not 1-D.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::bincount;
/// let x = array(&[0i64, 1, 1, 3, 2, 1, 7]).unwrap();
/// assert_eq!(bincount(&x, 0).unwrap().to_vec(), [1, 3, 1, 1, 0, 0, 0, 1]);
/// ```
pub fn bincount<I: IndexInt + Element>(
    x: &impl AsView<I>,
    minlength: usize,
) -> NdResult<NdArray<i64>> {
    let v = x.as_view();
    if v.ndim() != 1 {
        return Err(NdError::ShapeMismatch(
            "object too deep for desired array".into(),
        ));
    }
    let v = v.to_vec();
    let mut c = vec![0i64; checked_len(&v, minlength)?];
    for &i in &v {
        c[i.as_isize() as usize] += 1;
    }
    Ok(NdArray::from_vec(c))
}

/// Sums of `weights` per value of the 1-D `x` (NumPy: `np.bincount(x, weights, minlength)`).
///
/// # Errors
/// As [`bincount`], plus `ShapeMismatch` when `weights` differs in length.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::bincount_weighted;
/// let x = array(&[0i64, 1, 1, 2, 2, 2]).unwrap();
/// let w = array(&[0.3, 0.5, 0.2, 0.7, 1.0, -0.6]).unwrap();
/// let s = bincount_weighted(&x, &w, 0).unwrap().to_vec();
/// assert_eq!(s, [0.3, 0.7, 1.1]);
/// ```
pub fn bincount_weighted<I: IndexInt + Element>(
    x: &impl AsView<I>,
    weights: &impl AsView<f64>,
    minlength: usize,
) -> NdResult<NdArray<f64>> {
    let v = x.as_view();
    if v.ndim() != 1 {
        return Err(NdError::ShapeMismatch(
            "object too deep for desired array".into(),
        ));
    }
    let v = v.to_vec();
    let w = weights.as_view().to_vec();
    if w.len() != v.len() {
        return Err(NdError::ShapeMismatch(
            "The weights and list don't have the same length.".into(),
        ));
    }
    let mut c = vec![0.0f64; checked_len(&v, minlength)?];
    for (&i, &wt) in v.iter().zip(&w) {
        c[i.as_isize() as usize] += wt;
    }
    Ok(NdArray::from_vec(c))
}
