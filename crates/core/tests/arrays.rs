//! NdArray basics: copy-on-write, views writing through, copies in every layout,
//! attributes, errors, and the NumPy reference cases for basic slicing.

use numerust_core::{NdArray, NdError, Order, s, shares_memory, zeros};
use numerust_testutil::npy::load_reference;

fn iota(shape: &[usize]) -> NdArray<i64> {
    let n = shape.iter().product::<usize>() as i64;
    NdArray::from_shape_vec(shape, (0..n).collect()).unwrap()
}

#[test]
fn clone_is_isolated_both_ways() {
    let a = iota(&[2, 3]);
    let mut b = a.clone();
    assert!(a.is_shared() && b.is_shared());
    b[[1, 2]] = 100;
    assert_eq!(a[[1, 2]], 5);
    assert_eq!(b[[1, 2]], 100);
    let mut c = b.clone();
    b.fill(7);
    assert_eq!(c[[1, 2]], 100);
    c.slice_mut(s![0, ..]).fill(-1);
    assert_eq!(b.to_vec(), vec![7; 6]);
    assert_eq!(c.to_vec(), vec![-1, -1, -1, 3, 4, 100]);
}

#[test]
fn views_write_through() {
    let mut a = iota(&[4, 5]);
    a.slice_mut(s![1..;2, ..;-2]).fill(0);
    assert_eq!(a.slice(s![1, ..]).to_vec(), vec![0, 6, 0, 8, 0]);
    assert_eq!(a.slice(s![3, ..]).to_vec(), vec![0, 16, 0, 18, 0]);
    assert_eq!(a.slice(s![0, ..]).to_vec(), vec![0, 1, 2, 3, 4]);
    let mut v = a.view_mut();
    let mut inner = v.slice_mut(s![.., 1]);
    inner.assign(&NdArray::from_vec(vec![9i64])).unwrap();
    assert_eq!(a.slice(s![.., 1]).to_vec(), vec![9; 4]);
}

#[test]
fn shared_reshape_and_transpose_do_not_copy_until_written() {
    let a = iota(&[3, 4]);
    let r = a.reshape([2, 6]).unwrap();
    assert!(shares_memory(&a, &r));
    let t = a.t();
    assert_eq!(t.shape(), &[4, 3]);
    assert_eq!(t.strides(), vec![8, 32]);
    assert!(t.is_f_contiguous() && !t.is_c_contiguous());
    let mut t2 = t.clone();
    t2[[0, 1]] = -5;
    assert_eq!(a[[1, 0]], 4);
    assert_eq!(t2[[0, 1]], -5);
    // reshape of a transposed array must copy (NumPy: a.T.reshape(12))
    let flat = t.reshape([12]).unwrap();
    assert!(!shares_memory(&flat, &a));
    assert_eq!(flat.to_vec(), vec![0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
    assert_eq!(
        t.reshape_order([12], Order::F).unwrap().to_vec(),
        (0..12).collect::<Vec<_>>()
    );
}

#[test]
fn copies_match_logical_order_in_every_layout() {
    // Around the transposing copy's tile size (32) and away from it.
    for &(r, c) in &[(1, 1), (3, 5), (31, 33), (32, 32), (33, 70), (100, 64)] {
        let a = iota(&[r, c]);
        let expect: Vec<i64> = (0..c)
            .flat_map(|j| (0..r).map(move |i| (i * c + j) as i64))
            .collect();
        let t = a.t();
        assert_eq!(t.as_standard_layout().to_vec(), expect, "{r}x{c}");
        assert!(t.as_standard_layout().is_c_contiguous());
        let rev = a.slice(s![..;-1, ..;-1]).to_owned();
        let mut want = a.to_vec();
        want.reverse();
        assert_eq!(rev.to_vec(), want);
        let f = t.view().to_owned_order(Order::F);
        assert!(f.is_f_contiguous());
        assert_eq!(f.to_vec(), expect);
    }
    let a3 = iota(&[4, 40, 50]);
    let p = a3.permute_axes(&[0, 2, 1]).unwrap();
    let got = p.as_standard_layout().to_vec();
    let mut want = Vec::new();
    for i in 0..4 {
        for k in 0..50 {
            for j in 0..40 {
                want.push((i * 2000 + j * 50 + k) as i64);
            }
        }
    }
    assert_eq!(got, want);
}

#[test]
fn attributes_like_numpy() {
    let a = zeros::<f32>(&[2, 3, 4]).unwrap();
    assert_eq!(
        (a.ndim(), a.size(), a.itemsize(), a.nbytes()),
        (3, 24, 4, 96)
    );
    assert_eq!(a.strides(), vec![48, 16, 4]);
    assert_eq!(a.dtype().name(), "float32");
    let e = zeros::<f64>(&[0, 3]).unwrap();
    assert!(e.is_empty() && e.is_c_contiguous() && e.is_f_contiguous());
    let z = NdArray::from_elem_0d(2.5f64);
    assert_eq!((z.ndim(), z.size(), z[[]]), (0, 1, 2.5));
}

#[test]
fn big_buffers_use_huge_pages_and_lazy_zeros() {
    // Miri has no mmap: buffers come from Vec there.
    let n = if cfg!(miri) { 1 << 10 } else { 1 << 20 };
    let a = zeros::<f64>(&[n]).unwrap();
    if cfg!(all(target_os = "linux", not(miri))) {
        assert!(a.is_huge_page_backed());
    }
    assert!(!zeros::<f64>(&[10]).unwrap().is_huge_page_backed());
}

#[test]
fn errors_carry_numpy_messages() {
    assert_eq!(
        zeros::<f64>(&[usize::MAX, 2]).err(),
        Some(NdError::ShapeOverflow)
    );
    assert_eq!(
        zeros::<u8>(&[1 << 62, 4]).err(),
        Some(NdError::ShapeOverflow)
    );
    let a = iota(&[3]);
    assert_eq!(
        a.try_get(&[5]).err().unwrap().to_string(),
        "index 5 is out of bounds for axis 0 with size 3"
    );
    assert_eq!(
        a.reshape([4]).err().unwrap().to_string(),
        "cannot reshape array of size 3 into shape (4,)"
    );
    let b = iota(&[2, 3]);
    let c = iota(&[4]);
    assert_eq!(
        b.zip_with(&c, |x, y| x + y).err().unwrap().to_string(),
        "operands could not be broadcast together with shapes (2,3) (4,) "
    );
    assert!(b.try_slice(s![.., 7]).is_err());
}

#[test]
#[should_panic(expected = "index 3 is out of bounds for axis 1 with size 3")]
fn index_panics_with_numpy_text() {
    let a = iota(&[2, 3]);
    let _ = a[[0, 3]];
}

#[test]
fn broadcasting_views_and_zip() {
    let a = iota(&[3, 1]);
    let b = iota(&[4]);
    let s = a.zip_with(&b, |x, y| 10 * x + y).unwrap();
    assert_eq!(s.shape(), &[3, 4]);
    assert_eq!(s.to_vec(), vec![0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]);
    let bt = b.broadcast_to(&[2, 4]).unwrap();
    assert_eq!(bt.strides(), vec![0, 8]);
    // Writing to a broadcast NdArray materialises it first.
    let mut w = bt.clone();
    w[[0, 0]] = 99;
    assert_eq!(w.to_vec(), vec![99, 1, 2, 3, 0, 1, 2, 3]);
    assert_eq!(b.to_vec(), vec![0, 1, 2, 3]);
}

#[test]
fn shares_memory_is_exact_for_interleaved_slices() {
    let a = iota(&[10]);
    assert!(!shares_memory(&a.slice(s![..;2]), &a.slice(s![1..;2])));
    assert!(shares_memory(&a.slice(s![..;2]), &a.slice(s![2..;4])));
    assert!(!shares_memory(&a, &a.copy()));
}

#[test]
fn iterators_follow_logical_order() {
    let a = iota(&[2, 3]);
    let t = a.t();
    assert_eq!(
        t.iter().copied().collect::<Vec<_>>(),
        vec![0, 3, 1, 4, 2, 5]
    );
    let idx: Vec<(Vec<usize>, i64)> = t.indexed_iter().map(|(i, &v)| (i, v)).collect();
    assert_eq!(idx[1], (vec![0, 1], 3));
    let rows: Vec<Vec<i64>> = a.axis_iter(0).map(|r| r.to_vec()).collect();
    assert_eq!(rows, vec![vec![0, 1, 2], vec![3, 4, 5]]);
    let cols: Vec<Vec<i64>> = a.lanes(0).map(|l| l.to_vec()).collect();
    assert_eq!(cols, vec![vec![0, 3], vec![1, 4], vec![2, 5]]);
    assert_eq!(a.fold(0, |acc, x| acc + x), 15);
}

#[test]
fn slicing_matches_numpy_reference() {
    let r = load_reference("slicing");
    let a = iota(&[2, 3, 4]);
    assert_eq!(a.to_vec(), r["a"].i64s());
    let cases = [
        ("neg_step", a.slice(s![..;-1])),
        ("mixed", a.slice(s![1.., ..;-2, 0])),
        ("ellipsis_last", a.slice(s![..., -1])),
        (
            "newaxis",
            a.slice(s![numerust_core::NewAxis, 0, .., numerust_core::NewAxis, 3..0;-2]),
        ),
        ("clamped", a.slice(s![-100..100, 5..-5;-1])),
        ("empty", a.slice(s![1..1, ...])),
        ("step3", a.slice(s![.., .., ..;3])),
        ("neg_start_stop", a.slice(s![-1..-3;-1, -2..])),
    ];
    for (name, got) in cases {
        assert_eq!(got.shape(), r[name].shape.as_slice(), "{name} shape");
        assert_eq!(got.to_vec(), r[name].i64s(), "{name} values");
    }
    let v = iota(&[10]);
    assert_eq!(v.slice(s![5..1;-1]).to_vec(), r["v_5_1_m1"].i64s());
    assert_eq!(v.slice(s![-3..]).to_vec(), r["v_m3"].i64s());
    assert_eq!(v.slice(s![100..;-2]).to_vec(), r["v_100_m2"].i64s());
    assert_eq!(
        v.slice(s![1..9;2])
            .slice(s![..;-1])
            .slice(s![1..3])
            .to_vec(),
        r["v_twice"].i64s()
    );
}
