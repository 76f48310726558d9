//! Logarithms, inverse hyperbolics and `cbrt` through the public API: NumPy's validation sets
//! (every row within 1 ULP and within the row's own tolerance), specials, every layout
//! (strided, reversed, transposed, broadcast `out=`), methods, and thread-count independence.

mod common;

use common::{Op, same};
use numerust_core::ufunc::log::{
    arccosh, arcsinh, arctanh, cbrt, log, log_into, log1p, log1p_into, log2, log10,
};
use numerust_core::{NdArray, s, zeros};

fn ops() -> [Op; 8] {
    [
        ("log", log, log),
        ("log2", log2, log2),
        ("log10", log10, log10),
        ("log1p", log1p, log1p),
        ("arcsinh", arcsinh, arcsinh),
        ("arccosh", arccosh, arccosh),
        ("arctanh", arctanh, arctanh),
        ("cbrt", cbrt, cbrt),
    ]
}

#[test]
fn validation_sets_within_one_ulp() {
    common::assert_validation_sets(&ops());
}

#[test]
fn specials() {
    let inf = f64::INFINITY;
    let x = NdArray::from_vec(vec![0.0, -0.0, -1.0, inf, f64::NAN, 1.0, 5e-324]);
    let l = log(&x).to_vec();
    assert_eq!(&l[..2], &[-inf, -inf]);
    assert!(l[2].is_nan() && l[4].is_nan());
    assert_eq!(l[3], inf);
    assert_eq!(l[5], 0.0);
    assert_eq!(l[6], -744.4400719213812);
    assert_eq!(log2(&x).to_vec()[6], -1074.0);
    let l1 = log1p(&NdArray::from_vec(vec![-1.0, -2.0, 1e-300, -0.0])).to_vec();
    assert_eq!(l1[0], -inf);
    assert!(l1[1].is_nan());
    assert_eq!(l1[2], 1e-300);
    assert_eq!(l1[3].to_bits(), (-0.0f64).to_bits());
    let h = NdArray::from_vec(vec![1e300, -1e300, f64::MAX]);
    assert!(arcsinh(&h).to_vec().iter().all(|v| v.is_finite()));
    assert!(arccosh(&h).to_vec()[0].is_finite());
    assert!(arccosh(&NdArray::from_vec(vec![0.5f64])).to_vec()[0].is_nan());
    assert_eq!(
        arctanh(&NdArray::from_vec(vec![1.0f32, -1.0])).to_vec(),
        vec![f32::INFINITY, f32::NEG_INFINITY]
    );
    assert_eq!(
        cbrt(&NdArray::from_vec(vec![-27.0f32, 0.125])).to_vec(),
        vec![-3.0, 0.5]
    );
}

#[test]
fn every_layout_gives_the_contiguous_bits() {
    let v: Vec<f64> = (0..600)
        .map(|i| (i as f64 - 200.0) * 0.0371 + 1e-3)
        .collect();
    let a = NdArray::from_shape_vec(&[20, 30], v).unwrap();
    common::assert_layouts_give_contiguous_bits(&ops(), &a);
    // Views straight into the kernels (strided runs, not copies).
    let view = a.slice(s![1..;3, ..;-2]);
    let want = log(&a).slice(s![1..;3, ..;-2]).to_vec();
    assert!(same(&log(&view).to_vec(), &want));
    assert!(same(&log(&a.t()).t().to_vec(), &log(&a).to_vec()));
}

#[test]
fn into_forms_broadcast_and_check_shapes() {
    let row = NdArray::from_vec(vec![1.0, 10.0, 100.0]);
    let mut out = zeros::<f64>(&[2, 3]).unwrap();
    log_into(&row, &mut out.view_mut()).unwrap();
    let l = log(&row).to_vec();
    assert!(same(&out.to_vec(), &[l.clone(), l].concat()));
    let mut bad = zeros::<f64>(&[2, 2]).unwrap();
    assert!(log1p_into(&row, &mut bad.view_mut()).is_err());
    // Writing into a strided window leaves the rest alone.
    let mut big = zeros::<f64>(&[6]).unwrap();
    log_into(&row, &mut big.slice_mut(s![..;2])).unwrap();
    let b = big.to_vec();
    assert_eq!((b[1], b[3], b[5]), (0.0, 0.0, 0.0));
    assert_eq!(b[2], std::f64::consts::LN_10);
    assert_eq!(row.log10().to_vec(), vec![0.0, 1.0, 2.0]);
    assert_eq!(row.cbrt().to_vec()[0], 1.0);
}

#[test]
fn thread_splits_do_not_change_bits() {
    // Long enough to be split across threads when more than one is available; the reversed
    // view runs the strided path, split at the same chunk boundaries.
    let n = if cfg!(miri) { 100 } else { 300_007 };
    let v: Vec<f64> = (0..n).map(|i| (i as f64) * 1e-3 + 1e-9).collect();
    let a = NdArray::from_vec(v);
    common::assert_thread_splits_keep_bits(&ops(), &a);
    // A reversed view straight into the kernels (strided runs) gives the reversed copy's bits.
    let rev = a.slice(s![..;-1]);
    assert!(same(&log(&rev).to_vec(), &log(&rev.to_owned()).to_vec()));
}
