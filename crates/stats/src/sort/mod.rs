//! `sort`, `argsort` and `lexsort`: NumPy's orders along any axis, NaNs last.
//!
//! NumPy → numerust:
//! - `np.sort(a)` → [`sort`]`(&a)` (last axis); `np.sort(a, axis, kind)` →
//!   [`sort_axis`]`(&a, Some(axis), kind)`; `axis=None` (flattened) is `None`.
//! - `np.argsort(a)` → [`argsort`]; `np.argsort(a, axis, kind)` → [`argsort_axis`].
//! - `np.lexsort(keys)` → [`lexsort`] (the last key is the primary one).
//!
//! Values sort on order-preserving integer keys (`order.rs`): with AVX-512 by the
//! vectorised quicksort of `numerust_kernels::keysort` (64-bit keys, and 32-bit keys below
//! 2^13 elements or from 2^16 on when rayon has several threads; its parts then run as
//! rayon tasks), otherwise by an LSD radix sort (`radix.rs`); short lanes without AVX-512
//! use the standard library's pattern-defeating quicksort on the same keys, and already
//! sorted or reversed lanes are detected in one pass. Every `kind` gives the same values (equal
//! values are indistinguishable, except `-0.0`, which sorts just before `0.0`, a valid
//! NumPy result since NumPy treats them as equal). [`argsort`] is always stable: ties,
//! including `-0.0`/`0.0` and NaNs, keep their original order, which is exactly NumPy's
//! `kind='stable'` and a valid result for NumPy's default quicksort.

pub(crate) mod radix;

use crate::lanes::Lanes;
use crate::order::{RadixKey, SortElement, index_array};
use numerust_core::{ArrayView, AsView, NdArray, NdError, NdResult};

/// NumPy's `kind=` argument. Every kind gives the same sorted values; `argsort` and
/// `lexsort` are stable whatever the kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKind {
    /// `'quicksort'` (NumPy's default; introsort or a SIMD sort there).
    #[default]
    Quicksort,
    /// `'mergesort'` (stable).
    Mergesort,
    /// `'heapsort'`.
    Heapsort,
    /// `'stable'`.
    Stable,
}

/// Lanes shorter than this are sorted by comparison, not by radix.
const RADIX_MIN: usize = 512;

/// 32-bit keys from this many on go to the radix sort even when the AVX-512 quicksort
/// is available.
const SIMD_MAX_32: usize = 1 << 13;

/// Whether the keys of `s` never decrease (`Some(true)`), never increase (`Some(false)`),
/// or neither (`None`). Stops at the first pair that settles it.
fn monotone<T: SortElement>(s: &[T]) -> Option<bool> {
    let up = s.windows(2).all(|w| w[0].to_key() <= w[1].to_key());
    if up {
        return Some(true);
    }
    let down = s.windows(2).all(|w| w[0].to_key() >= w[1].to_key());
    down.then_some(false)
}

/// Sorts one lane in place in NumPy's order (NaNs last, `-0.0` before `0.0`).
pub(crate) fn sort_slice<T: SortElement>(s: &mut [T]) {
    let n = s.len();
    if n < 2 {
        return;
    }
    match monotone(s) {
        Some(true) => return,
        Some(false) => {
            s.reverse();
            return;
        }
        None => {}
    }
    match T::cast_keys(s) {
        Some(keys) => {
            T::raw_to_keys(keys);
            sort_keys::<T>(keys);
            T::keys_to_raw(keys);
        }
        None => s.sort_unstable_by_key(|x| x.to_key()),
    }
}

/// Sorts keys of `T` ascending: the AVX-512 quicksort for 64-bit keys and short 32-bit
/// lanes, else the radix sort (or `sort_unstable` below `RADIX_MIN`).
pub(crate) fn sort_keys<T: SortElement>(keys: &mut [T::Key]) {
    let n = keys.len();
    // 32-bit keys: three radix passes beat the quicksort from 2^13 keys on one thread
    // (measured, docs/stats.md), but only the quicksort runs on several; 64-bit keys:
    // the quicksort wins at every size.
    let threads = n >= numerust_kernels::keysort::PAR_MIN && rayon::current_num_threads() > 1;
    let simd = T::Key::BITS == 64 || n < SIMD_MAX_32 || threads;
    let done = simd && T::Key::simd_sort(keys);
    if !done && n < RADIX_MIN {
        keys.sort_unstable();
    } else if !done {
        let mut scratch = numerust_core::zeros::<T::Key>(&[n]).expect("length fits");
        radix::sort_keys(
            keys,
            scratch.as_slice_mut().expect("fresh arrays are contiguous"),
        );
    }
}

/// Writes the stable argsort of `s` (NumPy's order, `-0.0 == 0.0`) into `out`.
pub(crate) fn argsort_slice<T: SortElement>(s: &[T], out: &mut [i64]) {
    let n = s.len();
    debug_assert_eq!(out.len(), n);
    if T::Key::BITS <= 32 && n <= u32::MAX as usize && numerust_kernels::keysort::available() {
        // (key, index) packed in one u64 sort by key, then index: exactly the stable order
        let mut packed: Vec<u64> = s
            .iter()
            .enumerate()
            .map(|(i, x)| x.eq_key().to_u64() << 32 | i as u64)
            .collect();
        numerust_kernels::keysort::sort_u64(&mut packed);
        for (o, p) in out.iter_mut().zip(packed) {
            *o = (p & u64::from(u32::MAX)) as i64;
        }
        return;
    }
    if T::Key::BITS == 64
        && n >= RADIX_MIN
        && n <= u32::MAX as usize
        && numerust_kernels::keysort::available()
    {
        argsort_packed64(s, out);
        return;
    }
    if T::Key::BITS == 64 && n >= RADIX_MIN {
        // (key, index) as one u128: pdqsort on it is stable by construction (ties broken
        // by index) and measured ~2x faster than six radix passes over key/index pairs
        let mut packed: Vec<u128> = s
            .iter()
            .enumerate()
            .map(|(i, x)| u128::from(x.eq_key().to_u64()) << 64 | i as u128)
            .collect();
        packed.sort_unstable();
        for (o, p) in out.iter_mut().zip(packed) {
            *o = p as u64 as i64;
        }
        return;
    }
    if n < RADIX_MIN || n > u32::MAX as usize {
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by_key(|&i| s[i].eq_key());
        for (o, i) in out.iter_mut().zip(idx) {
            *o = i as i64;
        }
        return;
    }
    let mut keys: Vec<T::Key> = s.iter().map(|x| x.eq_key()).collect();
    let mut idx: Vec<u32> = (0..n as u32).collect();
    let mut ks = vec![T::Key::default(); n];
    let mut is = vec![0u32; n];
    radix::sort_pairs(&mut keys, &mut idx, &mut ks, &mut is);
    for (o, i) in out.iter_mut().zip(idx) {
        *o = i as i64;
    }
}

/// The stable argsort of 64-bit keys (`n` from 2 to 2^32) through one `u64` sort: each
/// key's top `64 - b` bits above its `b`-bit index (`b` = bits of `n - 1`), sorted by
/// `keysort::sort_u64`. That order is exact when the dropped low bits are the same in
/// every key (integer-valued floats, small integers); otherwise runs whose top bits tie
/// are checked against the full keys and re-sorted by (key, index) where they disagree
/// (rare for real-valued data: it takes 2^44 distinct top bits to tie).
fn argsort_packed64<T: SortElement>(s: &[T], out: &mut [i64]) {
    let n = s.len();
    let b = usize::BITS - (n - 1).leading_zeros();
    let mask = (1u64 << b) - 1;
    let mut copy = numerust_core::zeros::<T>(&[n]).expect("length fits");
    let copy = copy.as_slice_mut().expect("fresh arrays are contiguous");
    copy.copy_from_slice(s);
    let Some(packed) = T::cast_keys(copy) else {
        unreachable!("64-bit element types are plain bits");
    };
    T::raw_to_keys(packed);
    let (mut any, mut all) = (0u64, u64::MAX);
    for (i, p) in packed.iter_mut().enumerate() {
        let k = T::eq_from_key(*p).to_u64();
        any |= k & mask;
        all &= k & mask;
        *p = T::Key::from_u64((k & !mask) | i as u64);
    }
    T::Key::simd_sort(packed);
    if any != all {
        repair_ties(s, packed, mask);
    }
    for (o, p) in out.iter_mut().zip(packed) {
        *o = (p.to_u64() & mask) as i64;
    }
}

/// Re-sorts by (full key, index) the runs of `packed` (top key bits | index, sorted)
/// whose top bits tie but whose full keys are out of order.
fn repair_ties<T: SortElement>(s: &[T], packed: &mut [T::Key], mask: u64) {
    let key = |p: T::Key| s[(p.to_u64() & mask) as usize].eq_key().to_u64();
    let top = |p: T::Key| p.to_u64() & !mask;
    let n = packed.len();
    let mut i = 0;
    while i + 1 < n {
        if top(packed[i]) != top(packed[i + 1]) {
            i += 1;
            continue;
        }
        let t = top(packed[i]);
        let mut j = i + 2;
        while j < n && top(packed[j]) == t {
            j += 1;
        }
        let run = &mut packed[i..j];
        if run.windows(2).any(|w| key(w[0]) > key(w[1])) {
            let mut pairs: Vec<u128> = run
                .iter()
                .map(|&p| u128::from(key(p)) << 64 | u128::from(p.to_u64() & mask))
                .collect();
            pairs.sort_unstable();
            for (r, p) in run.iter_mut().zip(pairs) {
                *r = T::Key::from_u64(t | (p as u64 & mask));
            }
        }
        i = j;
    }
}

/// A sorted copy along the last axis (NumPy: `np.sort(a)`).
///
/// NaNs go last. For other axes, the flattened array or a `kind`, see [`sort_axis`].
///
/// # Errors
/// `AxisOutOfBounds` for a 0-d array (it has no last axis).
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::sort;
/// let a = array(&[[3.0, f64::NAN, 1.0], [2.0, -1.0, 0.5]]).unwrap();
/// let s = sort(&a).unwrap();
/// assert_eq!(s.to_vec()[..2], [1.0, 3.0]);
/// assert!(s[[0, 2]].is_nan());
/// assert_eq!(s.to_vec()[3..], [-1.0, 0.5, 2.0]);
/// ```
pub fn sort<T: SortElement>(a: &impl AsView<T>) -> NdResult<NdArray<T>> {
    sort_axis(a, Some(-1), SortKind::Quicksort)
}

/// A sorted copy along `axis` (`None`: the flattened array), NaNs last
/// (NumPy: `np.sort(a, axis, kind)`). Every `kind` gives the same result.
///
/// # Errors
/// `AxisOutOfBounds`.
pub fn sort_axis<T: SortElement>(
    a: &impl AsView<T>,
    axis: Option<isize>,
    kind: SortKind,
) -> NdResult<NdArray<T>> {
    let _ = kind;
    let mut lanes = Lanes::new(&a.as_view(), axis)?;
    lanes.for_each(|_, l| sort_slice(l));
    Ok(lanes.into_array())
}

/// Indices that sort `a` along the last axis (NumPy: `np.argsort(a)`), stable.
///
/// # Errors
/// `AxisOutOfBounds` for a 0-d array.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::argsort;
/// let a = array(&[3.0, f64::NAN, 1.0, 3.0]).unwrap();
/// assert_eq!(argsort(&a).unwrap().to_vec(), [2, 0, 3, 1]);
/// ```
pub fn argsort<T: SortElement>(a: &impl AsView<T>) -> NdResult<NdArray<i64>> {
    argsort_axis(a, Some(-1), SortKind::Stable)
}

/// Indices that sort `a` along `axis` (`None`: indices into the flattened array)
/// (NumPy: `np.argsort(a, axis, kind)`). Always stable (ties keep their order).
///
/// # Errors
/// `AxisOutOfBounds`.
pub fn argsort_axis<T: SortElement>(
    a: &impl AsView<T>,
    axis: Option<isize>,
    kind: SortKind,
) -> NdResult<NdArray<i64>> {
    let _ = kind;
    let mut lanes = Lanes::new(&a.as_view(), axis)?;
    let len = lanes.len;
    let out = lanes.map(len, |l, o| argsort_slice(l, o));
    let out = index_array(&[out.len()], out);
    Ok(lanes.restore(out, len))
}

/// Indices that sort by several keys, the last key primary (NumPy: `np.lexsort(keys)`).
///
/// Keys are 1-D and of one length; ties in every key keep their original order.
///
/// # Errors
/// `Empty` for no keys; `ShapeMismatch` for keys of different lengths or not 1-D.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::lexsort;
/// let first = array(&[1, 5, 1, 4, 3, 4, 4]).unwrap();
/// let last = array(&[9, 4, 0, 4, 0, 2, 1]).unwrap();
/// // sort by `first`, then by `last` (NumPy's docstring example)
/// let idx = lexsort(&[last.view(), first.view()]).unwrap();
/// assert_eq!(idx.to_vec(), [2, 0, 4, 6, 5, 3, 1]);
/// ```
pub fn lexsort<T: SortElement>(keys: &[ArrayView<'_, T>]) -> NdResult<NdArray<i64>> {
    let Some(first) = keys.first() else {
        return Err(NdError::Empty(
            "need sequence of keys with len > 0 in lexsort".into(),
        ));
    };
    let n = first.size();
    if keys.iter().any(|k| k.ndim() != 1 || k.size() != n) {
        return Err(NdError::ShapeMismatch(
            "all keys need to be the same shape".into(),
        ));
    }
    let mut idx: Vec<i64> = (0..n as i64).collect();
    let mut perm = vec![0i64; n];
    for key in keys {
        let v = key.to_vec();
        let ordered: Vec<T> = idx.iter().map(|&i| v[i as usize]).collect();
        argsort_slice(&ordered, &mut perm);
        idx = perm.iter().map(|&p| idx[p as usize]).collect();
    }
    Ok(index_array(&[n], idx))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xorshift(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            })
            .collect()
    }

    /// f64 inputs of length `n`: random, sorted, reversed, few-unique, all-equal,
    /// NaN-laden, signed zeros and infinities mixed in.
    fn cases(n: usize) -> Vec<Vec<f64>> {
        let r: Vec<f64> = xorshift(n, n as u64 + 7)
            .iter()
            .map(|&x| (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5)
            .collect();
        let mut sorted = r.clone();
        sorted.sort_by(f64::total_cmp);
        let rev: Vec<f64> = sorted.iter().rev().copied().collect();
        let few: Vec<f64> = r.iter().map(|x| (x * 6.0).floor()).collect();
        let specials = [
            f64::NAN,
            -0.0,
            0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -f64::NAN,
        ];
        let nans: Vec<f64> = r
            .iter()
            .enumerate()
            .map(|(i, &x)| if i % 3 == 0 { specials[i % 6] } else { x })
            .collect();
        let zeros: Vec<f64> = (0..n).map(|i| specials[1 + i % 2]).collect();
        vec![r, sorted, rev, few, vec![1.5; n], nans, zeros]
    }

    /// `sort_slice` against a comparison sort on NumPy's order, as bits (NaNs as NaN).
    fn check<T: SortElement + std::fmt::Debug>(v: &[T]) {
        let mut want = v.to_vec();
        want.sort_by_key(|x| x.to_key());
        let mut got = v.to_vec();
        sort_slice(&mut got);
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            let same = (g.isnan() && w.isnan()) || g.to_key() == w.to_key();
            assert!(same, "n={} at {i}: {g:?} != {w:?}", v.len());
        }
    }

    /// `argsort_slice` against a stable comparison sort on `eq_key`.
    fn check_arg<T: SortElement>(v: &[T]) {
        let mut want: Vec<i64> = (0..v.len() as i64).collect();
        want.sort_by_key(|&i| v[i as usize].eq_key());
        let mut got = vec![0i64; v.len()];
        argsort_slice(v, &mut got);
        assert_eq!(got, want, "n={}", v.len());
    }

    #[test]
    fn argsort_is_stable_for_every_dtype() {
        for n in (0..130).chain([1001, 4097]) {
            for c in cases(n) {
                check_arg(&c);
                check_arg(&c.iter().map(|&x| x as f32).collect::<Vec<_>>());
                check_arg(&c.iter().map(|&x| (x * 1e9) as i32).collect::<Vec<_>>());
                check_arg(&c.iter().map(|&x| (x * 10.0) as i16).collect::<Vec<_>>());
                check_arg(&c.iter().map(|&x| (x * 1e15) as i64).collect::<Vec<_>>());
            }
        }
        // 64-bit keys that tie in their top bits but not in the low bits the packed
        // argsort drops (its repair path), and ones that tie completely
        for n in [513, 1001, 4097, 70_001] {
            for c in cases(n) {
                let near: Vec<f64> = c
                    .iter()
                    .map(|&x| 1.0 + (x * 5000.0).floor() * f64::EPSILON)
                    .collect();
                check_arg(&near);
                check_arg(&c.iter().map(|&x| (x * 100.0) as i64).collect::<Vec<_>>());
                check_arg(&c.iter().map(|&x| (x * 1e18) as i64).collect::<Vec<_>>());
                check_arg(&c);
            }
        }
    }

    #[test]
    fn every_dtype_and_pattern_sorts_like_a_comparison_sort() {
        let lens = (0..300).chain([511, 1001, 4097, 70_001, 300_001]);
        for n in lens {
            for c in cases(n) {
                check(&c);
                check(&c.iter().map(|&x| x as f32).collect::<Vec<_>>());
                check(&c.iter().map(|&x| (x * 1e15) as i64).collect::<Vec<_>>());
                check(&c.iter().map(|&x| (x * 1e9) as i32).collect::<Vec<_>>());
                check(
                    &c.iter()
                        .map(|&x| (x * 1e18) as i64 as u64)
                        .collect::<Vec<_>>(),
                );
                check(
                    &c.iter()
                        .map(|&x| (x * 1e9) as i32 as u32)
                        .collect::<Vec<_>>(),
                );
            }
        }
    }

    #[test]
    fn sort_and_argsort_do_not_depend_on_the_thread_count() {
        let n = 200_001;
        for c in cases(n) {
            let run = |threads| {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .expect("a rayon pool");
                pool.install(|| {
                    let mut s = c.clone();
                    sort_slice(&mut s);
                    let mut i32s: Vec<f32> = c.iter().map(|&x| x as f32).collect();
                    sort_slice(&mut i32s);
                    let mut a = vec![0i64; n];
                    argsort_slice(&c, &mut a);
                    let bits: Vec<u64> = s.iter().map(|x| x.to_bits()).collect();
                    let bits32: Vec<u32> = i32s.iter().map(|x| x.to_bits()).collect();
                    (bits, bits32, a)
                })
            };
            assert!(run(1) == run(2), "1 vs 2 threads");
        }
    }
}
