//! `unique`: the sorted distinct values, with first indices, inverse and counts.
//!
//! NumPy → numerust: `np.unique(a)` → [`unique`]`(&a)`; `np.unique(a, return_index=,
//! return_inverse=, return_counts=, axis=, equal_nan=)` → [`unique_with`]`(&a,
//! UniqueOptions { .. })`, which returns a [`Unique`] holding what was asked for.
//!
//! Values are compared as NumPy's `==` does (`-0.0 == 0.0`), so of equal values the first in
//! sort order is kept (`return_index` points at the first occurrence, as NumPy's stable
//! sort gives). NaNs collapse to one unless `equal_nan` is false; along an axis, rows with
//! NaN never match (NumPy compares rows with `==`).

use crate::order::{SortElement, index_array};
use crate::sort::{argsort_slice, sort_keys, sort_slice};
use numerust_core::{AsView, NdArray, NdResult};
use std::cmp::Ordering;

/// What [`unique_with`] returns besides the values (NumPy's `return_*` flags), the axis and
/// NaN rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UniqueOptions {
    /// Also return the index of each value's first occurrence.
    pub return_index: bool,
    /// Also return, for each input element, the index of its value in the result.
    pub return_inverse: bool,
    /// Also return how often each value occurs.
    pub return_counts: bool,
    /// `None`: flatten; `Some(k)`: unique sub-arrays along axis `k`.
    pub axis: Option<isize>,
    /// Collapse all NaNs into one (NumPy's default `True`).
    pub equal_nan: bool,
}

impl Default for UniqueOptions {
    fn default() -> Self {
        UniqueOptions {
            return_index: false,
            return_inverse: false,
            return_counts: false,
            axis: None,
            equal_nan: true,
        }
    }
}

/// The result of [`unique_with`]; the optional parts are present when asked for.
#[derive(Clone, Debug)]
pub struct Unique<T: numerust_core::Element> {
    /// The sorted distinct values (sub-arrays along the axis when one was given).
    pub values: NdArray<T>,
    /// First occurrence of each value in the (flattened) input.
    pub index: Option<NdArray<i64>>,
    /// Index into `values` of each input element (the input's shape for `axis: None`).
    pub inverse: Option<NdArray<i64>>,
    /// Occurrences of each value.
    pub counts: Option<NdArray<i64>>,
}

/// The sorted distinct values of the flattened `a` (NumPy: `np.unique(a)`); NaNs collapse
/// into one, placed last.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::unique;
/// let a = array(&[[1, 1, 3], [2, 3, 3]]).unwrap();
/// assert_eq!(unique(&a).to_vec(), [1, 2, 3]);
/// ```
pub fn unique<T: SortElement>(a: &impl AsView<T>) -> NdArray<T> {
    let mut v = a.as_view().to_owned_order(numerust_core::Order::C);
    let s = v.as_slice_mut().expect("fresh arrays are contiguous");
    if let Some(keys) = T::cast_keys(s) {
        // sort the keys and keep the first of each run of equal ones (NumPy's `==`)
        T::raw_to_keys(keys);
        sort_keys::<T>(keys);
        let mut out: Vec<T> = Vec::new();
        let mut last: Option<T::Key> = None;
        for &k in keys.iter() {
            let e = T::eq_from_key(k);
            if last != Some(e) {
                out.push(T::from_key(k));
                last = Some(e);
            }
        }
        return NdArray::from_vec(out);
    }
    sort_slice(s);
    let mut out: Vec<T> = Vec::new();
    let mut last: Option<T::Key> = None;
    for &x in s.iter() {
        let k = x.eq_key();
        if last != Some(k) {
            out.push(x);
            last = Some(k);
        }
    }
    NdArray::from_vec(out)
}

/// NumPy's `a == b` on keys: equal keys, and not both NaN unless `equal_nan`.
#[inline]
fn same<T: SortElement>(a: T, b: T, equal_nan: bool) -> bool {
    a.eq_key() == b.eq_key() && (equal_nan || !a.isnan())
}

/// [`unique`] with NumPy's options (NumPy: `np.unique(a, return_index, return_inverse,
/// return_counts, axis, equal_nan=)`).
///
/// # Errors
/// `AxisOutOfBounds`.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::{UniqueOptions, unique_with};
/// let a = array(&[3, 1, 3, 2, 1, 3]).unwrap();
/// let opts = UniqueOptions { return_index: true, return_inverse: true, return_counts: true,
///     ..Default::default() };
/// let u = unique_with(&a, opts).unwrap();
/// assert_eq!(u.values.to_vec(), [1, 2, 3]);
/// assert_eq!(u.index.unwrap().to_vec(), [1, 3, 0]);
/// assert_eq!(u.inverse.unwrap().to_vec(), [2, 0, 2, 1, 0, 2]);
/// assert_eq!(u.counts.unwrap().to_vec(), [2, 1, 3]);
/// ```
pub fn unique_with<T: SortElement>(a: &impl AsView<T>, opts: UniqueOptions) -> NdResult<Unique<T>> {
    let a = a.as_view();
    if opts.axis.is_some() {
        return unique_axis(&a, opts);
    }
    let v = a.to_vec();
    let n = v.len();
    let mut perm = vec![0i64; n];
    argsort_slice(&v, &mut perm);
    // Start of each run of equal values, in sorted order.
    let mut starts: Vec<usize> = Vec::new();
    for i in 0..n {
        if i == 0 || !same(v[perm[i - 1] as usize], v[perm[i] as usize], opts.equal_nan) {
            starts.push(i);
        }
    }
    Ok(assemble(&perm, &starts, a.shape(), opts, |firsts| {
        NdArray::from_vec(firsts.iter().map(|&i| v[i]).collect())
    }))
}

/// Builds the [`Unique`] parts from the stable order `perm` and the run `starts`;
/// `values(first elements)` shapes the values.
fn assemble<T: SortElement>(
    perm: &[i64],
    starts: &[usize],
    inverse_shape: &[usize],
    opts: UniqueOptions,
    values: impl FnOnce(Vec<usize>) -> NdArray<T>,
) -> Unique<T> {
    let n = perm.len();
    let firsts: Vec<usize> = starts.iter().map(|&s| perm[s] as usize).collect();
    let index = opts
        .return_index
        .then(|| index_array(&[firsts.len()], firsts.iter().map(|&i| i as i64).collect()));
    let inverse = opts.return_inverse.then(|| {
        let mut inv = vec![0i64; n];
        let mut g = 0usize;
        for (i, &p) in perm.iter().enumerate() {
            if g + 1 < starts.len() && starts[g + 1] == i {
                g += 1;
            }
            inv[p as usize] = g as i64;
        }
        index_array(inverse_shape, inv)
    });
    let counts = opts.return_counts.then(|| {
        let c: Vec<i64> = (0..starts.len())
            .map(|g| (starts.get(g + 1).copied().unwrap_or(n) - starts[g]) as i64)
            .collect();
        index_array(&[c.len()], c)
    });
    Unique {
        values: values(firsts),
        index,
        inverse,
        counts,
    }
}

/// `unique` of the sub-arrays along an axis: rows compared lexicographically.
fn unique_axis<T: SortElement>(
    a: &numerust_core::ArrayView<'_, T>,
    opts: UniqueOptions,
) -> NdResult<Unique<T>> {
    let ax = numerust_core::layout::normalize_axis(opts.axis.unwrap_or(0), a.ndim())?;
    // Rows = the sub-arrays a[.., i, ..] flattened in C order: the axis moved first.
    let flat: Vec<T> = a.moveaxis(&[ax as isize], &[0])?.to_vec();
    let rows = a.shape()[ax];
    let width = flat.len().checked_div(rows).unwrap_or(0);
    let row = |i: usize| &flat[i * width..(i + 1) * width];
    let mut perm: Vec<i64> = (0..rows as i64).collect();
    perm.sort_by(|&i, &j| {
        let (x, y) = (row(i as usize), row(j as usize));
        x.iter()
            .zip(y)
            .map(|(p, q)| p.eq_key().cmp(&q.eq_key()))
            .find(|o| *o != Ordering::Equal)
            .unwrap_or(Ordering::Equal)
    });
    let mut starts = Vec::new();
    for i in 0..rows {
        let eq = i > 0
            && row(perm[i - 1] as usize)
                .iter()
                .zip(row(perm[i] as usize))
                .all(|(&p, &q)| same(p, q, false));
        if !eq {
            starts.push(i);
        }
    }
    let u = assemble(&perm, &starts, &[rows], opts, |firsts| {
        let k = firsts.len();
        let mut vals = Vec::with_capacity(k * width);
        for &f in &firsts {
            vals.extend_from_slice(row(f));
        }
        // (k, rest...) with the axis first, then moved back.
        let mut first_shape = vec![k];
        first_shape.extend(
            a.shape()
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != ax)
                .map(|(_, &d)| d),
        );
        let arr = NdArray::from_shape_vec(&first_shape, vals).expect("row data fits");
        arr.moveaxis(&[0], &[ax as isize])
            .expect("axis in range")
            .as_standard_layout()
    });
    Ok(u)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `unique` against sort + dedup of `eq_key`s, on lanes long enough for the SIMD sort
    /// (NaNs of both signs, signed zeros, few distinct values).
    #[test]
    fn unique_equals_sorted_distinct_keys() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let vals: Vec<f64> = (0..5000)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                match i % 7 {
                    0 => f64::NAN,
                    1 => -0.0,
                    2 => 0.0,
                    3 => -f64::NAN,
                    _ => (x % 300) as f64 - 150.0,
                }
            })
            .collect();
        fn check<T: SortElement + std::fmt::Debug>(v: Vec<T>) {
            let mut want: Vec<T::Key> = v.iter().map(|x| x.eq_key()).collect();
            want.sort_unstable();
            want.dedup();
            let got: Vec<T::Key> = unique(&NdArray::from_vec(v))
                .iter()
                .map(|x| x.eq_key())
                .collect();
            assert_eq!(got, want);
        }
        for n in [40, 300, 5000] {
            check(vals[..n].to_vec());
            check(vals[..n].iter().map(|&v| v as f32).collect::<Vec<_>>());
            check(vals[..n].iter().map(|&v| v as i64).collect::<Vec<_>>());
            check(
                vals[..n]
                    .iter()
                    .map(|&v| v as i32 as u32)
                    .collect::<Vec<_>>(),
            );
        }
        // of -0.0 and 0.0 the first in sort order (-0.0) is kept, as NumPy does
        let z = unique(&NdArray::from_vec(vec![0.0f64, -0.0, 0.0]));
        assert!(z[[0]].is_sign_negative());
    }
}
