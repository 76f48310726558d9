//! Advanced indexing against NumPy: `take`, integer-array indexing (`fancy`) and assignment,
//! `put`, boolean masks and masked assignment, `nonzero`/`argwhere`/`flatnonzero`,
//! `compress`, on C, F, transposed, reversed and stepped layouts, with NumPy's error messages
//! verbatim (tests/reference/indexing.npz), plus laws checked against naive loops.

use numerust_core::{
    ArrayView, AsView, NdArray, NdError, Order, argwhere, compress, flatnonzero, nonzero, put, s,
    take,
};
use numerust_testutil::npy::{NpyArray, load_reference};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn refs() -> &'static BTreeMap<String, NpyArray> {
    static REFS: OnceLock<BTreeMap<String, NpyArray>> = OnceLock::new();
    REFS.get_or_init(|| load_reference("indexing"))
}

fn expected(name: &str) -> &'static NpyArray {
    refs()
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing from indexing.npz"))
}

/// Asserts shape and every element against the reference array `name`.
fn check(name: &str, got: &impl AsView<i64>) {
    let (want, got) = (expected(name), got.as_view());
    assert_eq!(got.shape(), want.shape.as_slice(), "{name}: shape");
    assert_eq!(got.to_vec(), want.i64s(), "{name}: values");
}

fn message<T>(r: Result<T, NdError>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

fn check_err<T>(name: &str, r: Result<T, NdError>) {
    assert_eq!(message(r), expected(name).string(), "{name}");
}

/// `np.arange(lo, hi).reshape(shape)` as int64.
fn ar(lo: i64, hi: i64, shape: &[usize]) -> NdArray<i64> {
    NdArray::from_shape_vec(shape, (lo..hi).collect()).unwrap()
}

fn v10() -> NdArray<i64> {
    ar(0, 10, &[10]).mapv(|x| x * 10)
}
fn a34() -> NdArray<i64> {
    ar(0, 12, &[3, 4])
}
fn b234() -> NdArray<i64> {
    ar(0, 24, &[2, 3, 4])
}
/// NumPy's `(a % 3) == 1`.
fn mask_a() -> NdArray<bool> {
    a34().mapv(|x| x % 3 == 1)
}
fn ix(shape: &[usize], v: Vec<i64>) -> NdArray<i64> {
    NdArray::from_shape_vec(shape, v).unwrap()
}
fn bools(shape: &[usize], v: Vec<bool>) -> NdArray<bool> {
    NdArray::from_shape_vec(shape, v).unwrap()
}

#[test]
fn take_matches_numpy() {
    let (a, b, v) = (a34(), b234(), v10());
    check("take_flat_neg", &take(&b, &[5, -1, -24, 0], None).unwrap());
    check(
        "take_2d_idx_none",
        &take(&a, &ix(&[2, 2], vec![0, 11, -1, 3]), None).unwrap(),
    );
    check("take_axis0", &b.take(&[1, -2, 1], Some(0)).unwrap());
    let idx = ix(&[2, 2], vec![2, 0, -1, 1]);
    check("take_axis1_2d", &b.take(&idx, Some(1)).unwrap());
    check("take_axis1_2d", &b.view().take(&idx, Some(1)).unwrap());
    check("take_axis_m1", &take(&b, &[3, -4], Some(-1)).unwrap());
    check(
        "take_transposed_none",
        &b.t().take(&[0, 5, 23], None).unwrap(),
    );
    check(
        "take_transposed_none",
        &take(&b.t(), &[0, 5, 23], None).unwrap(),
    );
    let p = b.permute_axes(&[2, 0, 1]).unwrap();
    check("take_transposed_axis1", &p.take(&[1, 0], Some(1)).unwrap());
    check(
        "take_transposed_axis1",
        &take(&p, &[1, 0], Some(1)).unwrap(),
    );
    check(
        "take_reversed",
        &take(&v.slice(s![..;-2]), &[0, -1, 2], None).unwrap(),
    );
    let rev = v.sliced(s![..;-2]).unwrap();
    check("take_reversed", &rev.take(&[0, -1, 2], Some(0)).unwrap());
    check("take_empty", &a.take(&Vec::<i64>::new(), Some(1)).unwrap());
    let zero_d = NdArray::from_elem_0d(7i64);
    check("take_0d_none", &take(&zero_d, &[0, -1], None).unwrap());
}

#[test]
fn fancy_matches_numpy() {
    let (a, b) = (a34(), b234());
    check("fancy_rows", &a.fancy(&[[2, 0, -1]]).unwrap());
    check("fancy_pairs", &a.fancy(&[[0, 2], [1, -1]]).unwrap());
    let rows = ix(&[2, 1], vec![0, 2]);
    let cols = ix(&[2], vec![0, -1]);
    check("fancy_bcast", &a.fancy(&[&rows, &cols]).unwrap());
    check("fancy_3d_two", &b.fancy(&[[1, 0], [2, -3]]).unwrap());
    let three = [
        ix(&[1, 1], vec![1]),
        ix(&[2], vec![0, 2]),
        ix(&[1], vec![-1]),
    ];
    check("fancy_3d_three", &b.fancy(&three).unwrap());
    check(
        "fancy_3d_rows2d",
        &b.fancy(&[ix(&[2, 2], vec![0, 1, 1, 0])]).unwrap(),
    );
    check(
        "fancy_0d_index",
        &a.fancy(&[NdArray::from_elem_0d(1i64)]).unwrap(),
    );
    check("fancy_empty", &a.fancy(&[Vec::<i64>::new()]).unwrap());
    check(
        "fancy_transposed",
        &a.t().fancy(&[[3, 0], [-1, 1]]).unwrap(),
    );
    check(
        "fancy_transposed",
        &a.view().t().fancy(&[[3, 0], [-1, 1]]).unwrap(),
    );
    let idx = [[1, 0], [1, 0]];
    check(
        "fancy_strided",
        &b.sliced(s![.., ..;2, ..;-1]).unwrap().fancy(&idx).unwrap(),
    );
    check(
        "fancy_strided",
        &b.slice(s![.., ..;2, ..;-1]).fancy(&idx).unwrap(),
    );
    let f = b.view().to_owned_order(Order::F);
    check("fancy_f_order", &f.fancy(&[[1, 0, 1], [0, 2, 1]]).unwrap());
    check(
        "fancy_f_order",
        &f.view().fancy(&[[1, 0, 1], [0, 2, 1]]).unwrap(),
    );
}

#[test]
fn masks_match_numpy() {
    let (a, b, m) = (a34(), b234(), mask_a());
    check("mask_full", &a.mask(&m).unwrap());
    check("mask_full", &a.view().mask(&m.view()).unwrap());
    let af = a.view().to_owned_order(Order::F);
    check("mask_f_order", &af.mask(&m).unwrap());
    check("mask_f_order", &af.view().mask(&m).unwrap());
    let mf = m.view().to_owned_order(Order::F);
    check("mask_f_order_f_mask", &af.mask(&mf).unwrap());
    check("mask_transposed", &a.t().mask(&m.t()).unwrap());
    check(
        "mask_transposed",
        &a.view().t().mask(&m.view().t()).unwrap(),
    );
    let bs = b.sliced(s![.., ..;2, ..;-1]).unwrap();
    check("mask_strided", &bs.mask(&bs.mapv(|x| x % 2 == 0)).unwrap());
    let bv = b.slice(s![.., ..;2, ..;-1]);
    check("mask_strided", &bv.mask(&bv.mapv(|x| x % 2 == 0)).unwrap());
    check(
        "mask_rows",
        &b.mask(&bools(&[2], vec![false, true])).unwrap(),
    );
    let lead = bools(&[2, 3], vec![true, false, true, false, true, false]);
    check("mask_lead2", &b.mask(&lead).unwrap());
    check("mask_lead2", &b.t().t().view().mask(&lead).unwrap());
    check("mask_none", &a.mask(&a.mapv(|_| false)).unwrap());
    check("mask_all", &a.mask(&a.mapv(|_| true)).unwrap());
    let zero_d = NdArray::from_elem_0d(5i64);
    check(
        "mask_0d",
        &zero_d.mask(&NdArray::from_elem_0d(true)).unwrap(),
    );
}

#[test]
fn masked_assignment_matches_numpy() {
    let (a, b, m) = (a34(), b234(), mask_a());
    let mut c = a.copy();
    c.mask_assign(&m, -1).unwrap();
    check("mask_assign_scalar", &c);
    let mut c = a.copy();
    c.mask_assign_from(&m, &ar(100, 104, &[4])).unwrap();
    check("mask_assign_values", &c);
    let mut c = b.copy();
    c.mask_assign_from(&bools(&[2], vec![true, false]), &ar(7, 11, &[4]))
        .unwrap();
    check("mask_assign_rows", &c);
    let mut c = a.view().to_owned_order(Order::F);
    c.mask_assign_from(&m, &ar(-4, 0, &[4])).unwrap();
    check("mask_assign_f", &c);
    let mut c = a.view().to_owned_order(Order::F);
    c.view_mut().mask_assign_from(&m, &ar(-4, 0, &[4])).unwrap();
    check("mask_assign_f", &c);
    let mut c = b.copy();
    {
        let mut view = c.slice_mut(s![.., ..;2, ..;-1]);
        let big = view.view().mapv(|x| x > 12);
        view.mask_assign(&big, 0).unwrap();
    }
    check("mask_assign_strided_view", &c);
}

#[test]
fn fancy_assignment_and_put_match_numpy() {
    let (a, b, v) = (a34(), b234(), v10());
    let mut c = a.copy();
    c.fancy_assign(&[[0, 2], [1, -1]], &NdArray::from_vec(vec![50, 60]))
        .unwrap();
    check("fancy_assign_pairs", &c);
    let mut c = a.copy();
    c.fancy_assign(&[[1, 1, 0]], &ar(1, 5, &[1, 4])).unwrap();
    check("fancy_assign_rows_bcast", &c);
    let mut c = a.copy();
    c.fancy_assign(&[[0, 0], [1, 1]], &NdArray::from_vec(vec![5, 6]))
        .unwrap();
    check("fancy_assign_repeat", &c);
    let mut c = b.copy();
    let idx = [ix(&[2, 1], vec![1, 0]), ix(&[2], vec![0, 2])];
    c.fancy_assign(&idx, &NdArray::from_elem_0d(99)).unwrap();
    check("fancy_assign_bcast_idx", &c);
    let mut c = a.copy();
    c.view_mut()
        .into_t()
        .fancy_assign(&[[1, 3], [0, 2]], &NdArray::from_vec(vec![-5, -7]))
        .unwrap();
    check("fancy_assign_transposed_view", &c);

    let mut c = v.clone();
    put(&mut c, &[0, 3, -1, 3], &NdArray::from_vec(vec![1, 2])).unwrap();
    check("put_cycle", &c);
    assert_eq!(v, v10(), "put on a clone leaves the original alone");
    let mut c = a.copy();
    c.put(&ix(&[2, 2], vec![5, 0, -1, 6]), &ar(7, 11, &[4]))
        .unwrap();
    check("put_2d", &c);
    let mut c = a.copy();
    c.view_mut()
        .into_t()
        .put(&[1, 4], &NdArray::from_vec(vec![-1, -2]))
        .unwrap();
    check("put_transposed_view", &c);
}

#[test]
fn nonzero_family_matches_numpy() {
    let fa = expected("nz_f");
    let f = NdArray::from_shape_vec(&fa.shape, fa.f64s()).unwrap();
    let nz = nonzero(&f).unwrap();
    assert_eq!(nz.len(), 2);
    for (i, arr) in nz.iter().enumerate() {
        check(&format!("nonzero_f_{i}"), arr);
    }
    check("argwhere_f", &argwhere(&f));
    check("flatnonzero_f", &flatnonzero(&f));
    let mb = b234().mapv(|x| x % 5 == 0);
    let nz = nonzero(&mb.permute_axes(&[1, 0, 2]).unwrap()).unwrap();
    assert_eq!(nz.len(), 3);
    for (i, arr) in nz.iter().enumerate() {
        check(&format!("nonzero_bt_{i}"), arr);
    }
    check("argwhere_b", &argwhere(&mb));
    check("argwhere_0d", &argwhere(&NdArray::from_elem_0d(3i64)));
    check("argwhere_0d_zero", &argwhere(&NdArray::from_elem_0d(0i64)));
    let empty = NdArray::<f64>::from_shape_vec(&[2, 0], vec![]).unwrap();
    check("flatnonzero_empty", &flatnonzero(&empty));
}

#[test]
fn compress_matches_numpy() {
    let (a, b) = (a34(), b234());
    let cond = |v: &[bool]| NdArray::from_vec(v.to_vec());
    check(
        "compress_none",
        &compress(&cond(&[true, false, true]), &a, None).unwrap(),
    );
    check(
        "compress_axis0_short",
        &compress(&cond(&[false, true]), &a, Some(0)).unwrap(),
    );
    let long = cond(&[true, false, false, true, false, false]);
    check(
        "compress_axis1_long",
        &compress(&long, &a, Some(1)).unwrap(),
    );
    check(
        "compress_axis_m2",
        &compress(&cond(&[false, true, true]), &b, Some(-2)).unwrap(),
    );
}

#[test]
fn errors_match_numpy_verbatim() {
    let (a, b, m) = (a34(), b234(), mask_a());
    let five = ar(0, 5, &[5]);
    check_err("err_take_oob", take(&five, &[10], None));
    check_err("err_take_neg", take(&five, &[-6], None));
    check_err("err_take_axis1", a.take(&[4], Some(1)));
    check_err("err_take_axis", a.take(&[0], Some(2)));
    let empty = NdArray::<f64>::from_shape_vec(&[0, 3], vec![]).unwrap();
    check_err("err_take_empty", empty.take(&[0], Some(0)));
    check_err("err_fancy_oob", a.fancy(&[[0, 1], [0, 7]]));
    check_err("err_fancy_neg", a.fancy(&[[-4]]));
    check_err(
        "err_fancy_bcast",
        b.fancy(&[vec![0, 1], vec![0, 1, 2], vec![0]]),
    );
    check_err("err_fancy_too_many", a.fancy(&[[0], [0], [0]]));
    let three = ar(0, 3, &[3]);
    check_err(
        "err_mask_len",
        three.mask(&bools(&[4], vec![true, false, true, false])),
    );
    check_err("err_mask_axis1", a.mask(&bools(&[3, 5], vec![true; 15])));
    check_err(
        "err_mask_too_many",
        a.mask(&bools(&[3, 4, 1], vec![true; 12])),
    );
    let mut c = a.copy();
    check_err(
        "err_mask_assign_count",
        c.mask_assign_from(&m, &NdArray::from_vec(vec![1, 2])),
    );
    check_err(
        "err_mask_assign_ndim",
        c.mask_assign_from(&m, &ar(0, 4, &[2, 2])),
    );
    check_err(
        "err_fancy_assign_shape",
        c.fancy_assign(&[[0, 1], [0, 1]], &NdArray::from_vec(vec![1, 2, 3])),
    );
    assert_eq!(c, a, "failed assignments write nothing");
    let mut z = NdArray::from_vec(vec![0.0; 5]);
    check_err("err_put_oob", z.put(&[7], &NdArray::from_vec(vec![1.0])));
    let mut e = NdArray::<f64>::from_vec(vec![]);
    check_err("err_put_empty", e.put(&[0], &NdArray::from_vec(vec![1.0])));
    check_err("err_nonzero_0d", nonzero(&NdArray::from_elem_0d(3i64)));
    check_err(
        "err_compress_2d",
        compress(&bools(&[1, 1], vec![true]), &a, None),
    );
    check_err(
        "err_compress_long",
        compress(&bools(&[4], vec![false, false, false, true]), &a, Some(0)),
    );
}

#[test]
fn every_index_type_is_accepted() {
    let v = v10();
    let want = vec![90, 10];
    assert_eq!(v.take(&[9usize, 1], None).unwrap().to_vec(), want);
    assert_eq!(v.take(&vec![-1isize, 1], None).unwrap().to_vec(), want);
    assert_eq!(v.take(&[9u8, 1], None).unwrap().to_vec(), want);
    assert_eq!(v.take(&[-1i8, 1], None).unwrap().to_vec(), want);
    let i32s = NdArray::from_vec(vec![-1i32, 1]);
    assert_eq!(v.fancy(&[i32s.view()]).unwrap().to_vec(), want);
    let u64s = NdArray::from_vec(vec![9u64, 1]);
    assert_eq!(v.fancy(&[&u64s]).unwrap().to_vec(), want);
    let slice: &[u16] = &[9, 1];
    assert_eq!(take(&v, slice, None).unwrap().to_vec(), want);
    // A non-contiguous index array is read in logical order.
    let idx = NdArray::from_shape_vec(&[2, 2], vec![9i64, 0, 1, 0]).unwrap();
    assert_eq!(v.take(&idx.t(), None).unwrap().to_vec(), vec![90, 10, 0, 0]);
    assert_eq!(
        message(v.take(&[u64::MAX], None)),
        format!(
            "index {} is out of bounds for axis 0 with size 10",
            isize::MAX
        )
    );
}

#[test]
fn assignment_respects_copy_on_write_and_reports_no_partial_writes() {
    let a = a34();
    let mut c = a.clone();
    c.fancy_assign(&[[0]], &NdArray::from_elem_0d(-9)).unwrap();
    c.mask_assign(&mask_a(), 0).unwrap();
    assert_eq!(a, a34(), "the original is untouched");
    let mut p = v10();
    // NumPy would write index 0 before failing on 99; numerust checks all first.
    assert!(p.put(&[0, 99], &NdArray::from_vec(vec![5])).is_err());
    assert_eq!(p, v10());
    // Empty values: nothing to put, not even index checks (NumPy).
    p.put(&[99], &NdArray::<i64>::from_vec(vec![])).unwrap();
    // A zero-stride (broadcast) array is made unique before writing.
    let mut row = ar(0, 3, &[1, 3]).broadcast_to(&[2, 3]).unwrap();
    row.fancy_assign(&[[1], [2]], &NdArray::from_elem_0d(7))
        .unwrap();
    assert_eq!(row.to_vec(), vec![0, 1, 2, 0, 1, 7]);
}

fn naive_mask(a: &ArrayView<'_, i64>, m: &ArrayView<'_, bool>) -> Vec<i64> {
    a.iter()
        .zip(m.iter())
        .filter(|(_, b)| **b)
        .map(|(x, _)| *x)
        .collect()
}

proptest! {
    #[test]
    fn mask_equals_filtering_in_logical_order(
        (rows, cols) in (0usize..6, 0usize..6),
        bits in proptest::collection::vec(any::<bool>(), 36),
        transpose in any::<bool>(),
    ) {
        let a = ar(0, (rows * cols) as i64, &[rows, cols]);
        let a = if transpose { a.t() } else { a };
        let shape = a.shape().to_vec();
        let m = NdArray::from_shape_vec(&shape, bits[..rows * cols].to_vec()).unwrap();
        let want = naive_mask(&a.view(), &m.view());
        prop_assert_eq!(a.mask(&m).unwrap().to_vec(), want.clone());
        prop_assert_eq!(a.view().mask(&m).unwrap().to_vec(), want.clone());
        // a[m] = a[m] * 10 changes exactly the selected elements.
        let mut c = a.copy();
        let tens = NdArray::from_vec(want.iter().map(|x| x * 10).collect());
        c.mask_assign_from(&m, &tens).unwrap();
        let expect: Vec<i64> = a.iter().zip(m.iter()).map(|(&x, &b)| if b { x * 10 } else { x }).collect();
        prop_assert_eq!(c.to_vec(), expect);
    }

    #[test]
    fn fancy_equals_element_lookups(
        (rows, cols) in (1usize..6, 1usize..6),
        picks in proptest::collection::vec((0usize..36, 0usize..36), 0..10),
        negate in any::<bool>(),
    ) {
        let a = ar(0, (rows * cols) as i64, &[rows, cols]).t();
        let (r, c): (Vec<i64>, Vec<i64>) = picks
            .iter()
            .map(|&(i, j)| {
                let (i, j) = ((i % cols) as i64, (j % rows) as i64);
                if negate { (i - cols as i64, j - rows as i64) } else { (i, j) }
            })
            .unzip();
        let got = a.fancy(&[r.clone(), c.clone()]).unwrap().to_vec();
        let want: Vec<i64> = r
            .iter()
            .zip(&c)
            .map(|(&i, &j)| {
                let i = i.rem_euclid(cols as i64) as usize;
                let j = j.rem_euclid(rows as i64) as usize;
                a[[i, j]]
            })
            .collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn nonzero_family_equals_naive_enumeration(
        shape in proptest::collection::vec(0usize..4, 1..4),
        bits in proptest::collection::vec(any::<bool>(), 64),
        layout in 0u8..3,
    ) {
        let n: usize = shape.iter().product();
        let base = NdArray::from_shape_vec(&shape, bits[..n].iter().map(|&b| i64::from(b)).collect()).unwrap();
        // C order, transposed (F order in memory), or reversed on the first axis (scattered).
        let owned;
        let a: ArrayView<'_, i64> = match layout {
            0 => base.view(),
            1 => { owned = base.t(); owned.view() }
            _ => base.slice(s![..;-1]),
        };
        let hits: Vec<(Vec<usize>, usize)> = a
            .indexed_iter()
            .enumerate()
            .filter(|(_, (_, x))| **x != 0)
            .map(|(flat, (index, _))| (index, flat))
            .collect();
        let cols = nonzero(&a).unwrap();
        for (axis, col) in cols.iter().enumerate() {
            let want: Vec<i64> = hits.iter().map(|(ix, _)| ix[axis] as i64).collect();
            prop_assert_eq!(col.to_vec(), want);
        }
        let rows = argwhere(&a);
        prop_assert_eq!(rows.shape(), &[hits.len(), a.ndim()]);
        let want: Vec<i64> = hits.iter().flat_map(|(ix, _)| ix.iter().map(|&i| i as i64)).collect();
        prop_assert_eq!(rows.to_vec(), want);
        let flat: Vec<i64> = hits.iter().map(|(_, f)| *f as i64).collect();
        prop_assert_eq!(flatnonzero(&a).to_vec(), flat);
    }
}
