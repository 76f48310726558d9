//! Checks shared by the transcendental ufunc tests (`ufunc_exp`, `ufunc_log`, `ufunc_trig`):
//! NumPy's validation sets through the public functions, and bit-equality of every layout
//! and thread split with the contiguous result. Each test file uses the part it needs.
#![allow(dead_code)]

use numerust_core::{NdArray, s};
use numerust_testutil::ulp::{ulp_f32, ulp_f64};
use numerust_testutil::umath::load_umath_split;

/// A ufunc on `f64` arrays.
pub type F64Op = fn(&NdArray<f64>) -> NdArray<f64>;
/// The same ufunc on `f32` arrays.
pub type F32Op = fn(&NdArray<f32>) -> NdArray<f32>;
/// A NumPy name with the ufunc for each element type.
pub type Op = (&'static str, F64Op, F32Op);

/// Same length and the same bits element by element (NaNs equal).
pub fn same<T: Copy + Into<f64>>(a: &[T], b: &[T]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(&x, &y)| {
            let (x, y): (f64, f64) = (x.into(), y.into());
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        })
}

/// Every row of each op's `umath-validation-set-<name>.csv` within 1 ULP and within the
/// row's own tolerance, through the public function. Prints the max ULP per op.
pub fn assert_validation_sets(ops: &[Op]) {
    for &(name, f64op, f32op) in ops {
        let Some((rows32, rows64)) = load_umath_split(name) else {
            println!("skipped: no validation data for {name}");
            return;
        };
        let x = NdArray::from_vec(rows64.iter().map(|r| r.0).collect());
        let got = f64op(&x).to_vec();
        let mut worst64 = 0;
        for (&(i, want, tol), &g) in rows64.iter().zip(&got) {
            let d = ulp_f64(g, want);
            assert!(d <= tol.min(1), "{name}({i:e}) = {g:e}, want {want:e}");
            worst64 = worst64.max(d);
        }
        let x = NdArray::from_vec(rows32.iter().map(|r| r.0).collect());
        let got = f32op(&x).to_vec();
        let mut worst32 = 0;
        for (&(i, want, tol), &g) in rows32.iter().zip(&got) {
            let d = ulp_f32(g, want);
            assert!(d <= tol.min(1), "{name}({i:e}) f32 = {g:e}, want {want:e}");
            worst32 = worst32.max(d);
        }
        println!("{name}: max {worst64} ULP f64, {worst32} ULP f32");
    }
}

/// On the 2-d array `a`: a transposed input gives an F-ordered output with the same bits, a
/// strided copy and an `f32` reversed copy the bits of the matching slice of the result.
pub fn assert_layouts_give_contiguous_bits(ops: &[Op], a: &NdArray<f64>) {
    for &(name, f64op, f32op) in ops {
        let full = f64op(a);
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
        assert_eq!(f32full.len(), a.size());
    }
}

/// On the long 1-d array `a` (split across threads when more than one is available): the
/// result of a reversed copy is the reversed result, and single elements give the bits they
/// get inside the long run.
pub fn assert_thread_splits_keep_bits(ops: &[Op], a: &NdArray<f64>) {
    let n = a.size();
    for &(name, f64op, _) in ops {
        let fwd = f64op(a).to_vec();
        let rev = f64op(&a.slice(s![..;-1]).to_owned()).to_vec();
        let back: Vec<f64> = rev.iter().rev().copied().collect();
        assert!(same(&fwd, &back), "{name}");
        for i in [0, 1, n / 3, n - 1] {
            let one = f64op(&NdArray::from_vec(vec![a.to_vec()[i]])).to_vec()[0];
            assert!(same(&[one], &fwd[i..=i]), "{name} at {i}");
        }
    }
}
