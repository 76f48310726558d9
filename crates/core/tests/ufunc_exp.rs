//! Exponentials and hyperbolic functions through the public API: NumPy's validation sets
//! (every row within 1 ULP and within the row's own tolerance), specials, every layout
//! (strided, reversed, transposed, broadcast `out=`), methods, and thread-count independence.

mod common;

use common::{Op, same};
use numerust_core::ufunc::exp::{cosh, exp, exp_into, exp2, expm1, expm1_into, sinh, tanh};
use numerust_core::{NdArray, s, zeros};

fn ops() -> [Op; 6] {
    [
        ("exp", exp, exp),
        ("exp2", exp2, exp2),
        ("expm1", expm1, expm1),
        ("sinh", sinh, sinh),
        ("cosh", cosh, cosh),
        ("tanh", tanh, tanh),
    ]
}

#[test]
fn validation_sets_within_one_ulp() {
    common::assert_validation_sets(&ops());
}

#[test]
fn specials() {
    let inf = f64::INFINITY;
    let x = NdArray::from_vec(vec![0.0, -0.0, inf, -inf, f64::NAN, 710.0, -746.0, -745.0]);
    let e = exp(&x).to_vec();
    assert_eq!(&e[..4], &[1.0, 1.0, inf, 0.0]);
    assert!(e[4].is_nan());
    assert_eq!(&e[5..], &[inf, 0.0, 5e-324]);
    let m = expm1(&x).to_vec();
    assert_eq!(m[1].to_bits(), (-0.0f64).to_bits());
    assert_eq!(&m[2..4], &[inf, -1.0]);
    assert_eq!(
        expm1(&NdArray::from_vec(vec![1e-300f64])).to_vec(),
        vec![1e-300]
    );
    let t = tanh(&x).to_vec();
    assert_eq!(t[1].to_bits(), (-0.0f64).to_bits());
    assert_eq!(&t[2..4], &[1.0, -1.0]);
    assert_eq!(&sinh(&x).to_vec()[2..4], &[inf, -inf]);
    assert_eq!(&cosh(&x).to_vec()[..4], &[1.0, 1.0, inf, inf]);
    assert_eq!(
        exp2(&NdArray::from_vec(vec![1024.0f64, -1074.0, 10.0])).to_vec(),
        vec![inf, 5e-324, 1024.0]
    );
    let x32 = NdArray::from_vec(vec![89.0f32, -104.0, -0.0, 20.0]);
    assert_eq!(exp(&x32).to_vec()[..2], [f32::INFINITY, 0.0]);
    assert_eq!(tanh(&x32).to_vec()[2..], [-0.0, 1.0]);
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
    let want = exp(&a).slice(s![1..;3, ..;-2]).to_vec();
    assert!(same(&exp(&view).to_vec(), &want));
    assert!(same(&tanh(&a.t()).t().to_vec(), &tanh(&a).to_vec()));
}

#[test]
fn into_forms_broadcast_and_check_shapes() {
    let row = NdArray::from_vec(vec![0.0, 1.0, -2.0]);
    let mut out = zeros::<f64>(&[2, 3]).unwrap();
    exp_into(&row, &mut out.view_mut()).unwrap();
    let l = exp(&row).to_vec();
    assert!(same(&out.to_vec(), &[l.clone(), l].concat()));
    let mut bad = zeros::<f64>(&[2, 2]).unwrap();
    assert!(expm1_into(&row, &mut bad.view_mut()).is_err());
    // Writing into a strided window leaves the rest alone.
    let mut big = zeros::<f64>(&[6]).unwrap();
    exp_into(&row, &mut big.slice_mut(s![..;2])).unwrap();
    let b = big.to_vec();
    assert_eq!((b[1], b[3], b[5]), (0.0, 0.0, 0.0));
    assert_eq!(b[0], 1.0);
    assert_eq!(row.exp2().to_vec(), vec![1.0, 2.0, 0.25]);
    assert_eq!(row.cosh().to_vec()[0], 1.0);
    assert_eq!(row.tanh().to_vec()[0], 0.0);
}

#[test]
fn thread_splits_do_not_change_bits() {
    // Long enough to be split across threads when more than one is available; the reversed
    // view runs the strided path, split at the same chunk boundaries.
    let n = if cfg!(miri) { 100 } else { 300_007 };
    let v: Vec<f64> = (0..n).map(|i| (i as f64) * 1e-4 - 15.0).collect();
    let a = NdArray::from_vec(v);
    common::assert_thread_splits_keep_bits(&ops(), &a);
    // Reversed views straight into the kernels (strided runs) give the reversed copy's bits.
    let rev = a.slice(s![..;-1]);
    assert!(same(&exp(&rev).to_vec(), &exp(&rev.to_owned()).to_vec()));
    assert!(same(&tanh(&rev).to_vec(), &tanh(&rev.to_owned()).to_vec()));
}
