//! Property laws of the core array against naive models: slicing composes, reshape
//! round-trips, broadcasting follows NumPy's rule, clones are isolated (copy-on-write),
//! transposes are involutions. Case counts come from `PROPTEST_CASES` (CI keeps the default;
//! `just proptest-long` raises it).

use numerust_core::{NdArray, SliceElem, broadcast_shapes};
use numerust_testutil::strategies::{broadcastable_pair, nonempty_shape, slice_triple};
use proptest::prelude::*;

fn iota(shape: &[usize]) -> NdArray<i64> {
    let n = shape.iter().product::<usize>() as i64;
    NdArray::from_shape_vec(shape, (0..n).collect()).unwrap()
}

/// Python's slice semantics on an explicit list of positions, written the slow obvious way:
/// walk every candidate position in the step's direction and keep those in the window.
fn naive_slice(
    list: &[usize],
    (start, stop, step): (Option<isize>, Option<isize>, isize),
) -> Vec<usize> {
    let n = list.len() as isize;
    let norm = |v: isize| if v < 0 { v + n } else { v };
    let mut out = Vec::new();
    if step > 0 {
        let lo = start.map_or(0, norm).max(0);
        let hi = stop.map_or(n, norm).min(n);
        let mut i = lo;
        while i < hi {
            out.push(list[i as usize]);
            i += step;
        }
    } else {
        let hi = start.map_or(n - 1, norm).min(n - 1);
        let lo = stop.map_or(-1, norm).max(-1);
        let mut i = hi;
        while i > lo {
            out.push(list[i as usize]);
            i += step;
        }
    }
    out
}

fn gather(shape: &[usize], axes: &[Vec<usize>]) -> Vec<i64> {
    // Element value of iota at a multi-index is its C-order position.
    let mut out = vec![0i64];
    for (a, idx) in axes.iter().enumerate() {
        let inner: usize = shape[a + 1..].iter().product();
        out = out
            .iter()
            .flat_map(|&base| idx.iter().map(move |&i| base + (i * inner) as i64))
            .collect();
    }
    out
}

fn elem((a, b, c): (Option<isize>, Option<isize>, isize)) -> SliceElem {
    SliceElem::Slice {
        start: a,
        stop: b,
        step: c,
    }
}

type Triple = (Option<isize>, Option<isize>, isize);

fn slices_for(shape: Vec<usize>) -> impl Strategy<Value = (Vec<usize>, Vec<Triple>, Vec<Triple>)> {
    let first: Vec<_> = shape.iter().map(|&d| slice_triple(d)).collect();
    let second: Vec<_> = shape.iter().map(|&d| slice_triple(d)).collect();
    (Just(shape), first, second)
}

proptest! {
    #[test]
    fn slicing_twice_equals_the_composed_index_model(
        (shape, s1, s2) in nonempty_shape(3, 6).prop_flat_map(slices_for)
    ) {
        let a = iota(&shape);
        let i1: Vec<SliceElem> = s1.iter().copied().map(elem).collect();
        let i2: Vec<SliceElem> = s2.iter().copied().map(elem).collect();
        let got = a.slice(&i1).slice(&i2);
        let model: Vec<Vec<usize>> = shape
            .iter()
            .zip(s1.iter().zip(&s2))
            .map(|(&d, (&x, &y))| naive_slice(&naive_slice(&(0..d).collect::<Vec<_>>(), x), y))
            .collect();
        let want_shape: Vec<usize> = model.iter().map(Vec::len).collect();
        prop_assert_eq!(got.shape(), want_shape.as_slice());
        prop_assert_eq!(got.to_vec(), gather(&shape, &model));
        // The owned copy is the same array.
        prop_assert_eq!(got.to_owned().to_vec(), got.to_vec());
    }

    #[test]
    fn reshape_round_trips(shape in nonempty_shape(4, 5), split in 0usize..4, transpose in any::<bool>()) {
        let base = iota(&shape);
        let a = if transpose { base.t() } else { base.clone() };
        let n = a.size();
        // A new shape: n split into (d, n/d) for the largest divisor d <= split+1.
        let d = (1..=split + 1).rev().find(|d| n % d == 0).unwrap_or(1);
        let r = a.reshape([d, n / d]).unwrap();
        prop_assert_eq!(r.to_vec(), a.to_vec());
        let back = r.reshape(a.shape().to_vec()).unwrap();
        prop_assert_eq!(back.shape(), a.shape());
        prop_assert_eq!(back.to_vec(), a.to_vec());
        prop_assert_eq!(a.ravel().to_vec(), a.to_vec());
        let flat = a.reshape([-1isize]).unwrap();
        prop_assert_eq!(flat.shape(), &[n]);
    }

    #[test]
    fn broadcast_shapes_follow_the_rule((x, y) in broadcastable_pair(4, 4), extra in nonempty_shape(3, 3)) {
        for (p, q) in [(&x, &y), (&x, &extra)] {
            let n = p.len().max(q.len());
            let pad = |s: &Vec<usize>| -> Vec<usize> { std::iter::repeat_n(1, n - s.len()).chain(s.iter().copied()).collect() };
            let (pp, qq) = (pad(p), pad(q));
            let ok = pp.iter().zip(&qq).all(|(a, b)| a == b || *a == 1 || *b == 1);
            match broadcast_shapes(&[p, q]) {
                Ok(s) => {
                    prop_assert!(ok);
                    let want: Vec<usize> = pp.iter().zip(&qq).map(|(&a, &b)| if a == 1 { b } else { a }).collect();
                    prop_assert_eq!(s, want);
                }
                Err(_) => prop_assert!(!ok),
            }
        }
    }

    #[test]
    fn clones_never_see_each_others_writes(ops in prop::collection::vec((0u8..3, any::<usize>(), any::<i64>()), 1..40)) {
        let mut arrays = vec![iota(&[3, 4])];
        let mut models: Vec<Vec<i64>> = vec![(0..12).collect()];
        for (op, pick, val) in ops {
            let j = pick % arrays.len();
            match op {
                0 => {
                    arrays.push(arrays[j].clone());
                    models.push(models[j].clone());
                }
                1 => {
                    let k = (pick / 7) % 12;
                    arrays[j][[k / 4, k % 4]] = val;
                    models[j][k] = val;
                }
                _ => {
                    // A write through a mutable view of one row.
                    let row = (pick / 5) % 3;
                    arrays[j].slice_mut(numerust_core::s![row, ..]).fill(val);
                    for c in 0..4 {
                        models[j][row * 4 + c] = val;
                    }
                }
            }
            for (a, m) in arrays.iter().zip(&models) {
                prop_assert_eq!(&a.to_vec(), m);
            }
        }
    }

    #[test]
    fn transposes_are_involutions(shape in nonempty_shape(4, 4), seed in any::<u64>()) {
        let a = iota(&shape);
        prop_assert!(a.t().t() == a);
        let n = shape.len();
        let mut perm: Vec<usize> = (0..n).collect();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
            perm.swap(i, (s >> 33) as usize % (i + 1));
        }
        let mut inv = vec![0; n];
        for (i, &p) in perm.iter().enumerate() {
            inv[p] = i;
        }
        let p = a.permute_axes(&perm).unwrap();
        prop_assert!(p.permute_axes(&inv).unwrap() == a);
        prop_assert!(p.as_standard_layout().permute_axes(&inv).unwrap() == a);
    }
}
