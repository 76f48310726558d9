//! Trigonometric ufuncs through the public API: NumPy's validation sets (every row within
//! 1 ULP and within the row's own tolerance), NumPy reference data for `arctan2`'s specials
//! and edge inputs, every layout (strided, reversed, transposed, broadcast `out=`), methods,
//! and thread-count independence.

mod common;

use common::{F32Op, F64Op, Op, same};
use numerust_core::ufunc::trig::{
    arccos, arcsin, arctan, arctan2, arctan2_into, cos, sin, sin_into, tan,
};
use numerust_core::{NdArray, s, zeros};
use numerust_testutil::npy::load_reference;
use numerust_testutil::ulp::{ulp_f32, ulp_f64};

fn ops() -> [Op; 6] {
    [
        ("sin", sin, sin),
        ("cos", cos, cos),
        ("tan", tan, tan),
        ("arcsin", arcsin, arcsin),
        ("arccos", arccos, arccos),
        ("arctan", arctan, arctan),
    ]
}

#[test]
fn validation_sets_within_one_ulp() {
    common::assert_validation_sets(&ops());
}

#[test]
fn edge_inputs_match_numpy() {
    let r = load_reference("trig");
    let edge = r["edge"].f64s();
    let x = NdArray::from_vec(edge.clone());
    let x32 = NdArray::from_vec(edge.iter().map(|&v| v as f32).collect::<Vec<_>>());
    for (name, f64op, f32op) in ops() {
        let want = r[&format!("{name}_f64")].f64s();
        let got = f64op(&x).to_vec();
        for ((&e, &g), &w) in edge.iter().zip(&got).zip(&want) {
            assert!(ulp_f64(g, w) <= 1, "{name}({e:e}) = {g:e}, NumPy {w:e}");
            assert!(
                w.is_nan() || g.is_sign_negative() == w.is_sign_negative(),
                "{name}({e:e}): {g:e} vs NumPy {w:e}"
            );
        }
        let want = r[&format!("{name}_f32")].f32s();
        let got = f32op(&x32).to_vec();
        for ((&e, &g), &w) in edge.iter().zip(&got).zip(&want) {
            assert!(ulp_f32(g, w) <= 1, "{name}({e:e}) f32 = {g:e}, NumPy {w:e}");
            assert!(
                w.is_nan() || g.is_sign_negative() == w.is_sign_negative(),
                "{name}({e:e}): {g:e} vs NumPy {w:e}"
            );
        }
    }
}

#[test]
fn arctan2_matches_numpy_specials_and_quadrants() {
    let r = load_reference("trig");
    let (ys, xs) = (r["atan2_y"].f64s(), r["atan2_x"].f64s());
    let got = arctan2(
        &NdArray::from_vec(ys.clone()),
        &NdArray::from_vec(xs.clone()),
    )
    .unwrap()
    .to_vec();
    for (i, (&g, &w)) in got.iter().zip(&r["atan2_f64"].f64s()).enumerate() {
        let ok = if w.is_nan() {
            g.is_nan()
        } else {
            ulp_f64(g, w) <= 1 && g.is_sign_negative() == w.is_sign_negative()
        };
        assert!(ok, "arctan2({:e}, {:e}) = {g:e}, NumPy {w:e}", ys[i], xs[i]);
    }
    let y32 = NdArray::from_vec(ys.iter().map(|&v| v as f32).collect::<Vec<_>>());
    let x32 = NdArray::from_vec(xs.iter().map(|&v| v as f32).collect::<Vec<_>>());
    let got = arctan2(&y32, &x32).unwrap().to_vec();
    for (i, (&g, &w)) in got.iter().zip(&r["atan2_f32"].f32s()).enumerate() {
        let ok = if w.is_nan() {
            g.is_nan()
        } else {
            ulp_f32(g, w) <= 1 && g.is_sign_negative() == w.is_sign_negative()
        };
        assert!(
            ok,
            "arctan2 f32 ({:e}, {:e}) = {g:e}, NumPy {w:e}",
            ys[i], xs[i]
        );
    }
}

#[test]
fn arctan2_broadcasts_and_writes_out() {
    let y = NdArray::from_shape_vec(&[2, 1], vec![1.0f64, -1.0]).unwrap();
    let x = NdArray::from_vec(vec![1.0f64, -1.0, 0.0]);
    let r = arctan2(&y, &x).unwrap();
    assert_eq!(r.shape(), &[2, 3]);
    let pi = std::f64::consts::PI;
    assert_eq!(
        r.to_vec(),
        vec![
            pi / 4.0,
            3.0 * pi / 4.0,
            pi / 2.0,
            -pi / 4.0,
            -3.0 * pi / 4.0,
            -pi / 2.0
        ]
    );
    let mut out = zeros::<f64>(&[2, 3]).unwrap();
    arctan2_into(&y, &x, &mut out.view_mut()).unwrap();
    assert_eq!(out.to_vec(), r.to_vec());
    let bad = NdArray::from_vec(vec![1.0f64, 2.0]);
    assert!(arctan2(&bad, &x).is_err());
    assert!(arctan2_into(&y, &x, &mut zeros::<f64>(&[3, 2]).unwrap().view_mut()).is_err());
}

fn values(n: usize) -> Vec<f64> {
    // Mixed magnitudes, including arguments for the huge-argument path.
    (0..n)
        .map(|i| {
            let t = (i as f64 * 0.618_033_988_749_895).fract() - 0.5;
            match i % 7 {
                0 => t * 1e10,
                1 => t * 3.0,
                _ => t * 20.0,
            }
        })
        .collect()
}

#[test]
fn every_layout_gives_the_contiguous_bits() {
    let v = values(6 * 70);
    let a = NdArray::from_shape_vec(&[6, 70], v).unwrap();
    for (_, f64op, _) in ops() {
        let full = f64op(&a);
        // Strided, reversed and transposed views.
        let sv = a.slice(s![.., ..;2]);
        let want = full.slice(s![.., ..;2]).to_vec();
        let got = sin_like(f64op, &sv.to_owned());
        assert!(same(&got, &want));
        let rv = a.slice(s![..;-1, ..;-3]);
        let want = full.slice(s![..;-1, ..;-3]).to_vec();
        assert!(same(&f64op(&rv.to_owned()).to_vec(), &want));
        let t = a.t();
        let want = full.t().to_vec();
        assert!(same(&f64op(&t.to_owned()).to_vec(), &want));
    }
    // Views straight into the front end (no copy first).
    let full = sin(&a);
    let sv = a.slice(s![.., ..;-2]);
    assert!(same(
        &sin(&sv).to_vec(),
        &full.slice(s![.., ..;-2]).to_vec()
    ));
    assert!(same(&cos(&a.t()).to_vec(), &cos(&a).t().to_vec()));
    assert!(same(
        &a.t().to_owned().tan().to_vec(),
        &tan(&a).t().to_vec()
    ));
    // Broadcast `out=`: one row into every row.
    let row = a.slice(s![0, ..]);
    let mut out = zeros::<f64>(&[3, 70]).unwrap();
    sin_into(&row, &mut out.view_mut()).unwrap();
    let want = sin(&row).to_vec();
    for r in 0..3 {
        assert!(same(&out.slice(s![r, ..]).to_vec(), &want));
    }
    assert!(sin_into(&row, &mut zeros::<f64>(&[3, 71]).unwrap().view_mut()).is_err());
}

fn sin_like(f: F64Op, a: &NdArray<f64>) -> Vec<f64> {
    f(a).to_vec()
}

#[test]
fn empty_zero_d_and_methods() {
    let e = NdArray::<f64>::from_vec(vec![]);
    assert_eq!(sin(&e).shape(), &[0]);
    let z = NdArray::from_shape_vec(&[], vec![0.5f32]).unwrap();
    assert_eq!(z.sin().shape(), &[] as &[usize]);
    assert_eq!(z.arcsin().to_vec(), vec![0.5f32.asin()]);
    let a = NdArray::from_vec(vec![-0.0f64, 1e300]);
    assert!(a.sin().to_vec()[0].is_sign_negative());
    assert_eq!(a.cos().to_vec()[0], 1.0);
    assert!(a.arccos().to_vec()[1].is_nan());
    assert_eq!(a.arctan().to_vec()[1], std::f64::consts::FRAC_PI_2);
}

#[test]
fn thread_splits_do_not_change_bits() {
    // Long enough to be split across threads when more than one is available; each piece
    // of 1000 runs on one thread. Element-wise results must agree bit for bit.
    let n = if cfg!(miri) { 100 } else { 300_007 };
    let v = values(n);
    let a = NdArray::from_vec(v.clone());
    let a32 = NdArray::from_vec(v.iter().map(|&x| x as f32).collect::<Vec<_>>());
    let pieces64 = |f: F64Op| -> Vec<f64> {
        v.chunks(1000)
            .flat_map(|c| f(&NdArray::from_vec(c.to_vec())).to_vec())
            .collect()
    };
    let pieces32 = |f: F32Op| -> Vec<f32> {
        v.chunks(1000)
            .flat_map(|c| {
                let c32: Vec<f32> = c.iter().map(|&x| x as f32).collect();
                f(&NdArray::from_vec(c32)).to_vec()
            })
            .collect()
    };
    for (name, f64op, f32op) in ops() {
        assert!(same(&f64op(&a).to_vec(), &pieces64(f64op)), "{name}");
        assert!(same(&f32op(&a32).to_vec(), &pieces32(f32op)), "{name} f32");
    }
    let b = NdArray::from_vec(v.iter().rev().copied().collect::<Vec<_>>());
    let whole = arctan2(&a, &b).unwrap().to_vec();
    let bv = b.to_vec();
    let parts: Vec<f64> = v
        .chunks(1000)
        .zip(bv.chunks(1000))
        .flat_map(|(y, x)| {
            arctan2(
                &NdArray::from_vec(y.to_vec()),
                &NdArray::from_vec(x.to_vec()),
            )
            .unwrap()
            .to_vec()
        })
        .collect();
    assert!(same(&whole, &parts));
}
