//! `partition` and `argpartition`: introselect (O(n)) around one or several `kth`.
//!
//! NumPy → numerust: `np.partition(a, kth, axis=-1)` → [`partition`]`(&a, &kth)` /
//! [`partition_axis`]`(&a, &kth, axis)`; `np.argpartition` → [`argpartition`] /
//! [`argpartition_axis`]. Element `k` (each `k` in `kth`) ends where a full sort would put
//! it, smaller ones before it and larger ones after; the order inside each stretch is
//! unspecified (as in NumPy, so it may differ from NumPy's). Several `kth` are selected in
//! ascending order, each within what the previous left unsorted, like NumPy's. NaNs count
//! as the largest values.

use crate::lanes::Lanes;
use crate::order::{SortElement, index_array};
use numerust_core::{AsView, NdArray, NdError, NdResult};

/// `kth` normalised for a lane of `n` (negatives count from the end), sorted, deduplicated.
///
/// # Errors
/// NumPy's `kth(=5) out of bounds (5)`.
pub(crate) fn normalize_kth(kth: &[isize], n: usize) -> NdResult<Vec<usize>> {
    let mut out = Vec::with_capacity(kth.len());
    for &k in kth {
        let kk = if k < 0 { k + n as isize } else { k };
        if kk < 0 || kk as usize >= n {
            return Err(NdError::InvalidValue(format!(
                "kth(={k}) out of bounds ({n})"
            )));
        }
        out.push(kk as usize);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Puts each `k` of `kth` (sorted, in range) at its sorted place in `s`, keyed by `key`.
pub(crate) fn select_many<T: Copy, K: Ord>(s: &mut [T], kth: &[usize], key: impl Fn(&T) -> K) {
    let mut start = 0;
    for &k in kth {
        if k >= start {
            s[start..].select_nth_unstable_by_key(k - start, &key);
            start = k + 1;
        }
    }
}

/// A copy partitioned along the last axis (NumPy: `np.partition(a, kth)`).
///
/// # Errors
/// `AxisOutOfBounds` for 0-d input; `InvalidValue` for a `kth` out of bounds.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::partition;
/// let a = array(&[7.0, 1.0, 5.0, 3.0, 9.0]).unwrap();
/// let p = partition(&a, &[2]).unwrap().to_vec();
/// assert_eq!(p[2], 5.0);
/// assert!(p[..2].iter().all(|&x| x <= 5.0) && p[3..].iter().all(|&x| x >= 5.0));
/// ```
pub fn partition<T: SortElement>(a: &impl AsView<T>, kth: &[isize]) -> NdResult<NdArray<T>> {
    partition_axis(a, kth, Some(-1))
}

/// A copy partitioned along `axis` (`None`: the flattened array)
/// (NumPy: `np.partition(a, kth, axis)`).
///
/// # Errors
/// `AxisOutOfBounds`; `InvalidValue` for a `kth` out of bounds.
pub fn partition_axis<T: SortElement>(
    a: &impl AsView<T>,
    kth: &[isize],
    axis: Option<isize>,
) -> NdResult<NdArray<T>> {
    let mut lanes = Lanes::new(&a.as_view(), axis)?;
    let ks = normalize_kth(kth, lanes.len)?;
    lanes.for_each(|_, l| select_many(l, &ks, |x| x.to_key()));
    Ok(lanes.into_array())
}

/// Indices that partition `a` along the last axis (NumPy: `np.argpartition(a, kth)`).
///
/// # Errors
/// As [`partition`].
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::argpartition;
/// let a = array(&[7.0, 1.0, 5.0, 3.0, 9.0]).unwrap();
/// assert_eq!(argpartition(&a, &[2]).unwrap().to_vec()[2], 2);
/// ```
pub fn argpartition<T: SortElement>(a: &impl AsView<T>, kth: &[isize]) -> NdResult<NdArray<i64>> {
    argpartition_axis(a, kth, Some(-1))
}

/// Indices that partition `a` along `axis` (`None`: the flattened array)
/// (NumPy: `np.argpartition(a, kth, axis)`). Ties are broken by index.
///
/// # Errors
/// As [`partition_axis`].
pub fn argpartition_axis<T: SortElement>(
    a: &impl AsView<T>,
    kth: &[isize],
    axis: Option<isize>,
) -> NdResult<NdArray<i64>> {
    let mut lanes = Lanes::new(&a.as_view(), axis)?;
    let len = lanes.len;
    let ks = normalize_kth(kth, len)?;
    let out = lanes.map(len, |l, o| {
        let mut pairs: Vec<(T::Key, i64)> = l
            .iter()
            .enumerate()
            .map(|(i, x)| (x.eq_key(), i as i64))
            .collect();
        select_many(&mut pairs, &ks, |p| *p);
        for (o, p) in o.iter_mut().zip(pairs) {
            *o = p.1;
        }
    });
    let out = index_array(&[out.len()], out);
    Ok(lanes.restore(out, len))
}
