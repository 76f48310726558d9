//! Exponentials and hyperbolic functions through the public API: NumPy's validation sets
//! (every row within 1 ULP and within the row's own tolerance), specials, every layout
//! (strided, reversed, transposed, broadcast `out=`), methods, and thread-count independence.

use numerust_core::ufunc::exp::{
    ExpFloat, cosh, exp, exp_into, exp2, expm1, expm1_into, sinh, tanh,
};
use numerust_core::{NdArray, s, zeros};
use numerust_testutil::ulp::{ulp_f32, ulp_f64};
use numerust_testutil::umath::load_umath_split;

type F64Op = fn(&NdArray<f64>) -> NdArray<f64>;
type F32Op = fn(&NdArray<f32>) -> NdArray<f32>;

fn ops() -> [(&'static str, F64Op, F32Op); 6] {
    [
        ("exp", exp, exp),
        ("exp2", exp2, exp2),
        ("expm1", expm1, expm1),
        ("sinh", sinh, sinh),
        ("cosh", cosh, cosh),
        ("tanh", tanh, tanh),
    ]
}

fn same<T: ExpFloat + Into<f64>>(a: &[T], b: &[T]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(&x, &y)| {
            let (x, y): (f64, f64) = (x.into(), y.into());
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        })
}

#[test]
fn validation_sets_within_one_ulp() {
    for (name, f64op, f32op) in ops() {
        let Some((rows32, rows64)) = load_umath_split(name) else {
            println!("skipped: no validation data for {name}");
            return;
        };
        let x = NdArray::from_vec(rows64.iter().map(|r| r.0).collect());
        let got = f64op(&x).to_vec();
        let worst64 = rows64
            .iter()
            .zip(&got)
            .map(|(&(i, want, tol), &g)| {
                let d = ulp_f64(g, want);
                assert!(d <= tol.min(1), "{name}({i:e}) = {g:e}, want {want:e}");
                d
            })
            .max()
            .unwrap_or(0);
        let x = NdArray::from_vec(rows32.iter().map(|r| r.0).collect());
        let got = f32op(&x).to_vec();
        let worst32 = rows32
            .iter()
            .zip(&got)
            .map(|(&(i, want, tol), &g)| {
                let d = ulp_f32(g, want);
                assert!(d <= tol.min(1), "{name}({i:e}) f32 = {g:e}, want {want:e}");
                d
            })
            .max()
            .unwrap_or(0);
        println!("{name}: max {worst64} ULP f64, {worst32} ULP f32");
    }
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
    for (name, f64op, f32op) in ops() {
        let full = f64op(&a);
        // Transposed (F-contiguous input gives an F-ordered output, as NumPy's order='K').
        let t = f64op(&a.t());
        assert!(t.is_f_contiguous(), "{name}");
        assert!(same(&t.t().to_vec(), &full.to_vec()), "{name} transposed");
        // Strided and reversed views.
        let sv = f64op(&a.slice(s![1..;3, ..;-2]).to_owned());
        let want = full.slice(s![1..;3, ..;-2]).to_vec();
        assert!(same(&sv.to_vec(), &want), "{name} strided copy");
        let a32 = a.astype::<f32>();
        let f32full = f32op(&a32).to_vec();
        let rev = f32op(&a32.slice(s![..;-1, ..]).to_owned()).to_vec();
        let want32 = a32.slice(s![..;-1, ..]).to_owned();
        let want32 = f32op(&want32).to_vec();
        assert!(same(&rev, &want32), "{name} f32 reversed");
        assert_eq!(f32full.len(), 600);
    }
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
    for (name, f64op, _) in ops() {
        let fwd = f64op(&a).to_vec();
        let rev = f64op(&a.slice(s![..;-1]).to_owned()).to_vec();
        let rev_view = match name {
            "exp" => exp(&a.slice(s![..;-1])).to_vec(),
            "tanh" => tanh(&a.slice(s![..;-1])).to_vec(),
            _ => rev.clone(),
        };
        let back: Vec<f64> = rev.iter().rev().copied().collect();
        assert!(same(&fwd, &back), "{name}");
        assert!(same(&rev, &rev_view), "{name}");
        for i in [0, 1, n / 3, n - 1] {
            let one = f64op(&NdArray::from_vec(vec![a.to_vec()[i]])).to_vec()[0];
            assert!(same(&[one], &fwd[i..=i]), "{name} at {i}");
        }
    }
}
