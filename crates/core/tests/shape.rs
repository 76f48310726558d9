//! Shape manipulation against NumPy: reshape in C and F order, ravel/flatten of views,
//! transpose, swapaxes, moveaxis, expand_dims, squeeze, broadcast_to, broadcast_shapes, the
//! error texts, and ranks far above NumPy's 64-dimension limit.

use numerust_core::{NdArray, Order, broadcast_shapes, s, zeros};
use numerust_testutil::npy::load_reference;

fn iota(shape: &[usize]) -> NdArray<i64> {
    let n = shape.iter().product::<usize>() as i64;
    NdArray::from_shape_vec(shape, (0..n).collect()).unwrap()
}

#[test]
fn shape_operations_match_numpy() {
    let r = load_reference("shape");
    let a = iota(&[2, 3, 4]);
    assert_eq!(a.to_vec(), r["a"].i64s());
    let cases: Vec<(&str, NdArray<i64>)> = vec![
        ("reshape_4_m1", a.reshape([4, -1]).unwrap()),
        ("reshape_F_3_8", a.reshape_order([3, 8], Order::F).unwrap()),
        ("T_reshape_24", a.t().reshape([24]).unwrap()),
        (
            "T_reshape_F_6_4",
            a.t().reshape_order([6, 4], Order::F).unwrap(),
        ),
        ("rev_ravel", a.sliced(s![.., ..;-1, ..;2]).unwrap().ravel()),
        (
            "rev_flatten_F",
            a.sliced(s![.., ..;-1, ..;2])
                .unwrap()
                .reshape_order([-1], Order::F)
                .unwrap(),
        ),
        ("transpose", a.t()),
        ("transpose_120", a.permute_axes(&[1, 2, 0]).unwrap()),
        ("swapaxes_0_m1", a.swapaxes(0, -1).unwrap()),
        ("moveaxis_0_m1", a.moveaxis(&[0], &[-1]).unwrap()),
        ("moveaxis_multi", a.moveaxis(&[0, 1], &[-1, -3]).unwrap()),
        ("expand_dims_0_3", a.expand_dims(&[0, 3]).unwrap()),
        (
            "broadcast_to",
            NdArray::from_vec(vec![0i64, 1, 2])
                .broadcast_to(&[2, 4, 3])
                .unwrap(),
        ),
    ];
    for (name, got) in cases {
        assert_eq!(got.shape(), r[name].shape.as_slice(), "{name} shape");
        assert_eq!(got.to_vec(), r[name].i64s(), "{name} values");
    }
    let b = iota(&[1, 2, 1, 3, 1]);
    assert_eq!(b.squeeze().shape(), r["squeeze_all"].shape.as_slice());
    assert_eq!(
        b.squeeze_axes(&[2]).unwrap().shape(),
        r["squeeze_2"].shape.as_slice()
    );
    let bs = broadcast_shapes(&[&[8, 1, 6, 1], &[7, 1, 5], &[5]]).unwrap();
    assert_eq!(bs, r["broadcast_shapes"].usizes());
}

#[test]
fn error_texts_match_numpy() {
    let r = load_reference("shape");
    let a = iota(&[2, 3, 4]);
    assert_eq!(
        a.reshape([5, 5]).err().unwrap().to_string(),
        r["err_reshape"].string()
    );
    assert_eq!(
        a.reshape([-1, -1]).err().unwrap().to_string(),
        r["err_reshape_two_unknown"].string()
    );
    let b = iota(&[1, 2, 1, 3, 1]);
    assert_eq!(
        b.squeeze_axes(&[1]).err().unwrap().to_string(),
        r["err_squeeze"].string()
    );
    // NumPy prefixes the argument name ("axis2: "); the rest is the same.
    let axis_err = a.swapaxes(0, 3).err().unwrap().to_string();
    assert!(r["err_axis"].string().ends_with(&axis_err), "{axis_err}");
    let x = iota(&[2, 3]);
    let y = iota(&[4]);
    assert_eq!(
        x.zip_with(&y, |p, q| p + q).err().unwrap().to_string(),
        r["err_broadcast"].string()
    );
    assert_eq!(
        a.try_slice(s![2]).err().unwrap().to_string(),
        r["err_index"].string()
    );
    assert_eq!(
        a.try_slice(s![0, 0, 0, 0]).err().unwrap().to_string(),
        r["err_too_many"].string()
    );
}

#[test]
fn ranks_far_beyond_a_few_dimensions_work() {
    // 40 axes of length 1 or 2: 2^10 elements.
    let shape: Vec<usize> = (0..40).map(|i| if i % 4 == 0 { 2 } else { 1 }).collect();
    let a = zeros::<f32>(&shape).unwrap();
    assert_eq!((a.ndim(), a.size()), (40, 1024));
    let t = a.t();
    assert_eq!(t.shape().len(), 40);
    let flat = t.as_standard_layout().reshape([-1]).unwrap();
    assert_eq!(flat.size(), 1024);
    let v = iota(&[2; 12]);
    let sum: i64 = v.slice(s![1, ..., ..;-1]).iter().sum();
    assert_eq!(sum, (2048..4096).sum::<i64>());
    // A rank-70 view of size 1 (more axes than NumPy's 64).
    let deep = NdArray::from_vec(vec![5u8])
        .reshape(vec![1usize; 70])
        .unwrap();
    assert_eq!((deep.ndim(), deep[[0; 70]]), (70, 5));
}
