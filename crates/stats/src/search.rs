//! `searchsorted` and `digitize`: binary search in a sorted 1-D array, NumPy's sides.
//!
//! NumPy → numerust: `np.searchsorted(a, v, side, sorter)` →
//! [`searchsorted`]`(&a, &v, side, sorter)`; `np.digitize(x, bins, right)` →
//! [`digitize`]`(&x, &bins, right)`. Comparisons use NumPy's sort order (NaN above
//! everything, `-0.0 == 0.0`), so a NaN `v` lands after every number, as in NumPy.

use crate::order::{SortElement, index_array};
use numerust_core::{AsView, NdArray, NdError, NdResult};

/// NumPy's `side=` of `searchsorted`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// `'left'`: the first index `i` with `v <= a[i]`.
    #[default]
    Left,
    /// `'right'`: the first index `i` with `v < a[i]`.
    Right,
}

/// The insertion point of `v` in the sorted `a[order[..]]` (or `a` itself).
#[inline]
fn insertion<T: SortElement>(a: &[T], order: Option<&[usize]>, v: T, side: Side) -> usize {
    let vk = v.eq_key();
    let at = |i: usize| match order {
        Some(o) => a[o[i]].eq_key(),
        None => a[i].eq_key(),
    };
    let (mut lo, mut hi) = (0usize, a.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let go_right = match side {
            Side::Left => at(mid) < vk,
            Side::Right => at(mid) <= vk,
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Indices where `v`'s elements would be inserted into the sorted 1-D `a` to keep it sorted
/// (NumPy: `np.searchsorted(a, v, side, sorter)`). With `sorter`, `a[sorter]` is the sorted
/// array (e.g. `sorter = argsort(a)`). The result has `v`'s shape.
///
/// # Errors
/// `ShapeMismatch` when `a` is not 1-D or `sorter`'s length differs from `a`'s;
/// `InvalidValue("sorter index out of range")`.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{Side, searchsorted};
/// let a = array(&[1, 2, 3, 4, 5]).unwrap();
/// let v = array(&[-10, 3, 10]).unwrap();
/// assert_eq!(searchsorted(&a, &v, Side::Left, None).unwrap().to_vec(), [0, 2, 5]);
/// assert_eq!(searchsorted(&a, &v, Side::Right, None).unwrap().to_vec(), [0, 3, 5]);
/// ```
pub fn searchsorted<T: SortElement>(
    a: &impl AsView<T>,
    v: &impl AsView<T>,
    side: Side,
    sorter: Option<&[i64]>,
) -> NdResult<NdArray<i64>> {
    let a = a.as_view();
    if a.ndim() != 1 {
        return Err(NdError::ShapeMismatch(
            "object too deep for desired array".into(),
        ));
    }
    let av = a.to_vec();
    let order = match sorter {
        None => None,
        Some(s) => {
            if s.len() != av.len() {
                return Err(NdError::ShapeMismatch(
                    "sorter.size must equal a.size".into(),
                ));
            }
            let mut o = Vec::with_capacity(s.len());
            for &i in s {
                if i < 0 || i as usize >= av.len() {
                    return Err(NdError::InvalidValue("Sorter index out of range.".into()));
                }
                o.push(i as usize);
            }
            Some(o)
        }
    };
    let v = v.as_view();
    let out: Vec<i64> = v
        .iter()
        .map(|&x| insertion(&av, order.as_deref(), x, side) as i64)
        .collect();
    Ok(index_array(v.shape(), out))
}

/// The bin of each element of `x` (NumPy: `np.digitize(x, bins, right)`).
///
/// For increasing `bins`, index `i` means `bins[i-1] <= x < bins[i]` (`right`:
/// `bins[i-1] < x <= bins[i]`); decreasing bins count the other way, as NumPy's. Below all
/// bins gives 0, above all gives `len(bins)`.
///
/// # Errors
/// `InvalidValue("bins must be monotonically increasing or decreasing")`;
/// `ShapeMismatch` when `bins` is not 1-D.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::digitize;
/// let x = array(&[0.2, 6.4, 3.0, 1.6]).unwrap();
/// let bins = array(&[0.0, 1.0, 2.5, 4.0, 10.0]).unwrap();
/// assert_eq!(digitize(&x, &bins, false).unwrap().to_vec(), [1, 4, 3, 2]);
/// ```
pub fn digitize<T: SortElement>(
    x: &impl AsView<T>,
    bins: &impl AsView<T>,
    right: bool,
) -> NdResult<NdArray<i64>> {
    let b = bins.as_view();
    if b.ndim() != 1 {
        return Err(NdError::ShapeMismatch(
            "object too deep for desired array".into(),
        ));
    }
    let bv = b.to_vec();
    let inc = bv.windows(2).all(|w| !w[1].sort_lt(w[0]));
    let dec = bv.windows(2).all(|w| !w[0].sort_lt(w[1]));
    let side = if right { Side::Left } else { Side::Right };
    let x = x.as_view();
    let out: Vec<i64> = if inc {
        x.iter()
            .map(|&v| insertion(&bv, None, v, side) as i64)
            .collect()
    } else if dec {
        let rev: Vec<T> = bv.iter().rev().copied().collect();
        x.iter()
            .map(|&v| (bv.len() - insertion(&rev, None, v, side)) as i64)
            .collect()
    } else {
        return Err(NdError::InvalidValue(
            "bins must be monotonically increasing or decreasing".into(),
        ));
    };
    Ok(index_array(x.shape(), out))
}
