//! Set operations on 1-D arrays: `isin`, `intersect1d`, `union1d`, `setdiff1d`, `setxor1d`.
//!
//! NumPy → numerust: same names, inputs flattened, results sorted and unique (except
//! `isin`, which has `element`'s shape). Equality is NumPy's `==`: `-0.0 == 0.0` and NaN
//! matches nothing, so NaN is never in an intersection or tested "in" a set, while
//! `union1d` keeps one NaN (it is `unique` of both) and `setxor1d` keeps a NaN from each
//! side (NumPy 2.4's results, pinned by the reference tests).

use crate::order::SortElement;
use crate::sort::sort_slice;
use crate::unique::unique;
use numerust_core::{AsView, NdArray};

/// The sorted distinct values of `a` as a `Vec` (NaNs collapsed to one, last).
fn unique_vec<T: SortElement>(a: &impl AsView<T>) -> Vec<T> {
    unique(a).into_vec()
}

/// NumPy's `a == b`.
#[inline]
fn eq<T: SortElement>(a: T, b: T) -> bool {
    a.eq_key() == b.eq_key() && !a.isnan()
}

/// Whether each element of `element` equals some element of `test_elements`
/// (NumPy: `np.isin(element, test_elements, invert=invert)`); the result has `element`'s
/// shape.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::isin;
/// let e = array(&[[0, 2], [4, 6]]).unwrap();
/// let t = array(&[1, 2, 4, 8]).unwrap();
/// assert_eq!(isin(&e, &t, false).to_vec(), [false, true, true, false]);
/// ```
pub fn isin<T: SortElement>(
    element: &impl AsView<T>,
    test_elements: &impl AsView<T>,
    invert: bool,
) -> NdArray<bool> {
    let mut keys: Vec<T::Key> = test_elements
        .as_view()
        .iter()
        .filter(|x| !x.isnan())
        .map(|x| x.eq_key())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    element
        .as_view()
        .mapv(|x| (!x.isnan() && keys.binary_search(&x.eq_key()).is_ok()) != invert)
}

/// The sorted values present in both inputs (NumPy: `np.intersect1d(ar1, ar2)`).
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::intersect1d;
/// let a = array(&[1, 3, 4, 3]).unwrap();
/// let b = array(&[3, 1, 2, 1]).unwrap();
/// assert_eq!(intersect1d(&a, &b).to_vec(), [1, 3]);
/// ```
pub fn intersect1d<T: SortElement>(ar1: &impl AsView<T>, ar2: &impl AsView<T>) -> NdArray<T> {
    let (a, b) = (unique_vec(ar1), unique_vec(ar2));
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let (ka, kb) = (a[i].eq_key(), b[j].eq_key());
        if ka < kb {
            i += 1;
        } else if kb < ka {
            j += 1;
        } else {
            if eq(a[i], b[j]) {
                out.push(a[i]);
            }
            i += 1;
            j += 1;
        }
    }
    NdArray::from_vec(out)
}

/// The sorted distinct values of either input (NumPy: `np.union1d(ar1, ar2)`).
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::union1d;
/// let a = array(&[-1, 0, 1]).unwrap();
/// let b = array(&[-2, 0, 2]).unwrap();
/// assert_eq!(union1d(&a, &b).to_vec(), [-2, -1, 0, 1, 2]);
/// ```
pub fn union1d<T: SortElement>(ar1: &impl AsView<T>, ar2: &impl AsView<T>) -> NdArray<T> {
    let mut all = ar1.as_view().to_vec();
    all.extend(ar2.as_view().iter());
    unique(&NdArray::from_vec(all))
}

/// The sorted distinct values of `ar1` that are not in `ar2`
/// (NumPy: `np.setdiff1d(ar1, ar2)`).
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::setdiff1d;
/// let a = array(&[1, 2, 3, 2, 4, 1]).unwrap();
/// let b = array(&[3, 4, 5, 6]).unwrap();
/// assert_eq!(setdiff1d(&a, &b).to_vec(), [1, 2]);
/// ```
pub fn setdiff1d<T: SortElement>(ar1: &impl AsView<T>, ar2: &impl AsView<T>) -> NdArray<T> {
    let a = NdArray::from_vec(unique_vec(ar1));
    let keep = isin(&a, ar2, true).into_vec();
    let out: Vec<T> = a
        .into_vec()
        .into_iter()
        .zip(keep)
        .filter_map(|(x, k)| k.then_some(x))
        .collect();
    NdArray::from_vec(out)
}

/// The sorted values in exactly one of the inputs (NumPy: `np.setxor1d(ar1, ar2)`).
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::setxor1d;
/// let a = array(&[1, 2, 3, 2, 4]).unwrap();
/// let b = array(&[2, 3, 5, 7, 5]).unwrap();
/// assert_eq!(setxor1d(&a, &b).to_vec(), [1, 4, 5, 7]);
/// ```
pub fn setxor1d<T: SortElement>(ar1: &impl AsView<T>, ar2: &impl AsView<T>) -> NdArray<T> {
    let mut aux = unique_vec(ar1);
    aux.extend(unique_vec(ar2));
    sort_slice(&mut aux);
    let n = aux.len();
    // flag[i]: aux[i] differs from aux[i-1] (true at both ends), as NumPy builds it.
    let differs = |i: usize| i == 0 || i == n || !eq(aux[i - 1], aux[i]);
    let out: Vec<T> = (0..n)
        .filter(|&i| differs(i) && differs(i + 1))
        .map(|i| aux[i])
        .collect();
    NdArray::from_vec(out)
}
