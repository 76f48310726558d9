//! Reductions against NumPy 2.4 reference data (tools/reference/topics/reduce.py): float
//! sums bit for bit, axis sums, views, mean/var/std, NaN rules, integer dtypes, empty inputs
//! and error texts, and thread-count independence.

use numerust_core::reduce::*;
use numerust_core::{NdArray, s};
use numerust_kernels::reduce::with_threads;
use numerust_testutil::npy::{NpyArray, load_reference};
use std::collections::BTreeMap;

const NS_EXTRA: [usize; 9] = [
    1000, 4096, 8191, 8192, 8193, 16389, 50001, 100_003, 1_000_003,
];
const SHAPES: [(usize, usize); 4] = [(37, 129), (300, 17), (200, 301), (3, 20000)];
const WIDE: usize = 3;

/// The twin of `gen` in reduce.py: integer hash -> float, exact in both languages.
fn hashed(n: usize, seed: u64) -> Vec<f64> {
    (0..n as u64)
        .map(|i| {
            let h = (i * 2_654_435_761 + seed * 40503) % (1 << 32);
            let x = (h % 1_000_003) as f64 / 1_000_003.0 - 0.4;
            let e = ((h >> 20) % 16) as i32 - 8;
            x * 2f64.powi(e)
        })
        .collect()
}

fn reference() -> BTreeMap<String, NpyArray> {
    load_reference("reduce")
}

fn ns() -> Vec<usize> {
    (0..=300).chain(NS_EXTRA).collect()
}

trait Bits: Copy + std::fmt::Debug {
    fn same(self, other: Self) -> bool;
}
impl Bits for f64 {
    fn same(self, o: f64) -> bool {
        self.to_bits() == o.to_bits() || (self.is_nan() && o.is_nan())
    }
}
impl Bits for f32 {
    fn same(self, o: f32) -> bool {
        self.to_bits() == o.to_bits() || (self.is_nan() && o.is_nan())
    }
}

#[track_caller]
fn assert_bits<F: Bits>(got: &[F], want: &[F], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert!(g.same(w), "{what}[{i}]: got {g:?}, NumPy {w:?}");
    }
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn whole_array_float_stats_are_numpys_bits() {
    let r = reference();
    let opts1 = VarOptions {
        ddof: 1,
        ..Default::default()
    };
    let (mut s64, mut m64, mut v64, mut d64) = (vec![], vec![], vec![], vec![]);
    let (mut s32, mut m32, mut v32, mut d32) = (vec![], vec![], vec![], vec![]);
    for n in ns() {
        let a = NdArray::from_vec(hashed(n, n as u64));
        s64.push(sum(&a));
        m64.push(mean(&a));
        v64.push(var(&a));
        d64.push(std_with(&a, &opts1).unwrap()[[]]);
        let b = NdArray::from_vec(hashed(n, n as u64).iter().map(|&x| x as f32).collect());
        s32.push(sum(&b));
        m32.push(mean(&b));
        v32.push(var(&b));
        d32.push(std_with(&b, &opts1).unwrap()[[]]);
    }
    assert_bits(&s64, &r["sum_f64"].f64s(), "sum f64");
    assert_bits(&m64, &r["mean_f64"].f64s(), "mean f64");
    assert_bits(&v64, &r["var_f64"].f64s(), "var f64");
    assert_bits(&d64, &r["std1_f64"].f64s(), "std ddof=1 f64");
    assert_bits(&s32, &r["sum_f32"].f32s(), "sum f32");
    assert_bits(&m32, &r["mean_f32"].f32s(), "mean f32");
    assert_bits(&v32, &r["var_f32"].f32s(), "var f32");
    assert_bits(&d32, &r["std1_f32"].f32s(), "std ddof=1 f32");
}

fn check_2d<F>(
    r: &BTreeMap<String, NpyArray>,
    name: &str,
    cast: impl Fn(f64) -> F,
    want: impl Fn(&NpyArray) -> Vec<F>,
) where
    F: Bits + numerust_core::reduce::FloatElement,
{
    let opts1 = VarOptions {
        ddof: 1,
        axes: Some(vec![0]),
        keepdims: false,
    };
    for (k, &(m, n)) in SHAPES.iter().enumerate() {
        let v: Vec<F> = hashed(m * n, 7 + k as u64).into_iter().map(&cast).collect();
        let a = NdArray::from_shape_vec(&[m, n], v).unwrap();
        let key = |s: &str| format!("{name}_{k}_{s}");
        assert_bits(
            &sum_axis(&a, 1).unwrap().to_vec(),
            &want(&r[&key("sum1")]),
            &key("sum1"),
        );
        assert_bits(
            &mean_axis(&a, 1).unwrap().to_vec(),
            &want(&r[&key("mean1")]),
            &key("mean1"),
        );
        assert_bits(
            &std_axis(&a, 1).unwrap().to_vec(),
            &want(&r[&key("std1")]),
            &key("std1"),
        );
        if k != WIDE {
            assert_bits(
                &sum_axis(&a, 0).unwrap().to_vec(),
                &want(&r[&key("sum0")]),
                &key("sum0"),
            );
            assert_bits(
                &mean_axis(&a, 0).unwrap().to_vec(),
                &want(&r[&key("mean0")]),
                &key("mean0"),
            );
            assert_bits(
                &var_with(&a, &opts1).unwrap().to_vec(),
                &want(&r[&key("var0")]),
                &key("var0"),
            );
            assert_bits(
                &sum_axis(&a.t(), 1).unwrap().to_vec(),
                &want(&r[&key("sumT1")]),
                &key("sumT1"),
            );
        }
        let views = [
            sum(&a),
            sum(&a.slice(s![.., ..;2])),
            sum(&a.t()),
            sum(&a.slice(s![..;-1])),
            sum(&a.slice(s![..;-1, ..;-1])),
            sum(&a.slice(s![..;2, ..;3])),
            sum(&a.slice(s![.., 1..])),
            sum(&a.t().slice(s![..;2])),
        ];
        assert_bits(&views, &want(&r[&key("views")]), &key("views"));
        if k != WIDE {
            let mut got = sum_axis(&a.slice(s![.., ..;2]), 0).unwrap().to_vec();
            got.extend(sum_axis(&a.slice(s![..;2, ..;3]), 1).unwrap().to_vec());
            got.extend(sum_axis(&a.slice(s![.., 1..]), 1).unwrap().to_vec());
            assert_bits(&got, &want(&r[&key("view_axes")]), &key("view_axes"));
        }
    }
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn axis_sums_and_views_are_numpys_bits() {
    let r = reference();
    check_2d(&r, "f64", |x| x, |a| a.f64s());
    check_2d(&r, "f32", |x| x as f32, |a| a.f32s());
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn several_axes_keepdims_products_cumsums() {
    let r = reference();
    let b = NdArray::from_shape_vec(&[6, 7, 300], hashed(6 * 7 * 300, 3)).unwrap();
    let s02 = sum_axes(&b, &[0, 2], false).unwrap();
    assert_eq!(s02.shape(), &[7]);
    assert_bits(&s02.to_vec(), &r["b_sum02"].f64s(), "sum axis (0,2)");
    let s01 = sum_axes(&b, &[0, -2], true).unwrap();
    assert_eq!(s01.shape(), &[1, 1, 300]);
    assert_bits(
        &s01.to_vec(),
        &r["b_sum01k"].f64s(),
        "sum axis (0,1) keepdims",
    );
    assert_bits(
        &sum_axes(&b, &[1, 2], false).unwrap().to_vec(),
        &r["b_sum12"].f64s(),
        "sum (1,2)",
    );
    assert_bits(
        &mean_axis(&b, -1).unwrap().to_vec(),
        &r["b_mean_m1"].f64s(),
        "mean -1",
    );
    assert_bits(
        &var_axes(&b, &[0, 2], false).unwrap().to_vec(),
        &r["b_var02"].f64s(),
        "var (0,2)",
    );
    let p = b.view().mapv(|x| 1.0 + x / 64.0);
    assert_bits(
        &prod_axis(&p, 1).unwrap().to_vec(),
        &r["b_prod1"].f64s(),
        "prod axis 1",
    );

    let p = NdArray::from_vec(hashed(1001, 5).iter().map(|x| 1.0 + x / 64.0).collect());
    let got = [prod(&p), prod(&p.slice(s![..;-3]))];
    assert_bits(&got, &r["prod"].f64s(), "prod");
    assert_bits(
        &cumsum(&NdArray::from_vec(hashed(1000, 9))).to_vec(),
        &r["cumsum"].f64s(),
        "cumsum",
    );
    let c = NdArray::from_shape_vec(&[4, 5, 6], hashed(120, 2)).unwrap();
    let cs = cumsum_axis(&c, 1).unwrap();
    assert_eq!(cs.shape(), &[4, 5, 6]);
    assert_bits(&cs.to_vec(), &r["cumsum_axis0"].f64s(), "cumsum axis 1");
    let p60 = NdArray::from_shape_vec(&[3, 20], p.to_vec()[..60].to_vec()).unwrap();
    assert_bits(
        &cumprod_axis(&p60, 1).unwrap().to_vec(),
        &r["cumprod_axis1"].f64s(),
        "cumprod",
    );
    assert!(
        matches!(sum_axes(&b, &[0, 0], false), Err(e) if e.to_string() == "duplicate value in 'axis'")
    );
    assert!(sum_axis(&b, 3).is_err());
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn nan_rules_match_numpy() {
    let r = reference();
    let mut x = hashed(1000, 11);
    for i in [17, 400, 401] {
        x[i] = f64::NAN;
    }
    let a = NdArray::from_vec(x);
    let plain = [sum(&a), max(&a).unwrap(), min(&a).unwrap(), mean(&a)];
    assert_bits(&plain, &r["nan_plain"].f64s(), "NaN propagates");
    let args = [
        argmax(&a).unwrap(),
        argmin(&a).unwrap(),
        nanargmax(&a).unwrap(),
        nanargmin(&a).unwrap(),
    ];
    assert_eq!(args.map(|i| i as i64).to_vec(), r["nan_arg"].i64s());
    let opts1 = VarOptions {
        ddof: 1,
        ..Default::default()
    };
    let red = [
        nansum(&a),
        nanmax(&a).unwrap(),
        nanmin(&a).unwrap(),
        nanmean(&a),
        nanvar(&a),
        nanstd_with(&a, &opts1).unwrap()[[]],
        nanprod(&a.view().mapv(|x| 1.0 + x / 64.0)),
    ];
    assert_bits(&red, &r["nan_red"].f64s(), "nan reductions");

    let mut xs = hashed(40 * 30, 12);
    for j in 0..5 {
        xs[3 * 30 + j] = f64::NAN;
    }
    xs[7 * 30 + 6] = f64::NAN;
    xs[8 * 30 + 6] = f64::NAN;
    let m = NdArray::from_shape_vec(&[40, 30], xs).unwrap();
    assert_bits(
        &nansum_axis(&m, 0).unwrap().to_vec(),
        &r["nanX_sum0"].f64s(),
        "nansum 0",
    );
    assert_bits(
        &nanmean_axis(&m, 1).unwrap().to_vec(),
        &r["nanX_mean1"].f64s(),
        "nanmean 1",
    );
    let o = VarOptions {
        ddof: 1,
        axes: Some(vec![0]),
        keepdims: false,
    };
    assert_bits(
        &nanvar_with(&m, &o).unwrap().to_vec(),
        &r["nanX_var0"].f64s(),
        "nanvar 0",
    );
    assert_bits(
        &nanmax_axis(&m, 1).unwrap().to_vec(),
        &r["nanX_max1"].f64s(),
        "nanmax 1",
    );
    assert_eq!(
        nanargmax_axis(&m, 0).unwrap().to_vec(),
        r["nanX_argmax0"].i64s()
    );
    assert_eq!(
        argmin_axis(&m, 1).unwrap().to_vec(),
        r["nanX_argmin1"].i64s()
    );

    let all_nan = NdArray::from_vec(vec![f64::NAN, f64::NAN]);
    assert_eq!(
        nanargmax(&all_nan).unwrap_err().to_string(),
        "All-NaN slice encountered"
    );
    assert!(nanmax(&all_nan).unwrap().is_nan());
    assert!(nanmean(&all_nan).is_nan());
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn extremes_with_ties_over_axes() {
    let r = reference();
    let t: Vec<f64> = hashed(50 * 60, 13)
        .iter()
        .map(|x| (x * 4.0).round_ties_even())
        .collect();
    let t = NdArray::from_shape_vec(&[50, 60], t).unwrap();
    assert_bits(
        &max_axis(&t, 0).unwrap().to_vec(),
        &r["tie_max0"].f64s(),
        "max 0",
    );
    assert_bits(
        &min_axis(&t, 1).unwrap().to_vec(),
        &r["tie_min1"].f64s(),
        "min 1",
    );
    assert_eq!(
        argmax_axis(&t, 0).unwrap().to_vec(),
        r["tie_argmax0"].i64s()
    );
    assert_eq!(
        argmin_axis(&t, 1).unwrap().to_vec(),
        r["tie_argmin1"].i64s()
    );
    let flat = [
        argmax(&t).unwrap(),
        argmin(&t).unwrap(),
        argmax(&t.t()).unwrap(),
        argmin(&t.slice(s![..;-1])).unwrap(),
    ];
    assert_eq!(flat.map(|i| i as i64).to_vec(), r["tie_argmax"].i64s());
    assert_bits(
        &ptp_axis(&t, 0).unwrap().to_vec(),
        &r["tie_ptp0"].f64s(),
        "ptp 0",
    );
    let gt6 = t.view().mapv(|x| x > 6.0);
    let gtm9 = t.view().mapv(|x| x > -9.0);
    assert_eq!(any_axis(&gt6, 0).unwrap().to_vec(), r["any0"].bools());
    assert_eq!(all_axis(&gtm9, 1).unwrap().to_vec(), r["all1"].bools());
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn integer_dtypes_accumulate_like_numpy() {
    let r = reference();
    let ii: Vec<i32> = hashed(100_003, 21)
        .iter()
        .map(|x| (x * 1e7) as i32)
        .collect();
    let a = NdArray::from_vec(ii.clone());
    let got = vec![
        sum(&a),
        sum(&a.slice(s![..;7])),
        prod(&a.slice(s![..40])),
        max(&a).unwrap() as i64,
        min(&a).unwrap() as i64,
        argmax(&a).unwrap() as i64,
        count_nonzero(&a.view().mapv(|x| x % 3)) as i64,
    ];
    assert_eq!(got, r["int32_sum"].i64s());
    let means = [mean(&a), var(&a), std(&a.slice(s![..999]))];
    assert_bits(&means, &r["int32_mean"].f64s(), "int32 mean/var/std");
    assert_eq!(
        cumsum(&a.slice(s![..300])).to_vec(),
        r["int32_cumsum"].i64s()
    );
    let u8s: Vec<u8> = hashed(100_003, 22)
        .iter()
        .map(|x| (x * 1000.0) as i64 as u8)
        .collect();
    let u = NdArray::from_vec(u8s.clone());
    let u2 = NdArray::from_shape_vec(&[1000, 100], u8s[..100_000].to_vec()).unwrap();
    let s0 = sum_axis(&u2, 0).unwrap();
    assert_eq!(
        vec![sum(&u), sum(&s0)],
        r["u8_sum"]
            .i64s()
            .iter()
            .map(|&x| x as u64)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        s0.to_vec(),
        r["u8_sum0"]
            .i64s()
            .iter()
            .map(|&x| x as u64)
            .collect::<Vec<_>>()
    );
    let bb: Vec<bool> = hashed(5000, 23).iter().map(|&x| x > 0.0).collect();
    let b = NdArray::from_vec(bb.clone());
    let got = vec![
        sum(&b),
        count_nonzero(&b) as i64,
        all(&b) as i64,
        any(&b) as i64,
    ];
    assert_eq!(got, r["bool_sum"].i64s());
    let b2 = NdArray::from_shape_vec(&[50, 100], bb).unwrap();
    assert_eq!(sum_axis(&b2, 1).unwrap().to_vec(), r["bool_axis"].i64s());
    let w = NdArray::from_vec(vec![1i64 << 62, 1 << 62, 1 << 62, 5]);
    assert_eq!(vec![sum(&w), prod(&w.slice(s![..2]))], r["i64_wrap"].i64s());
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn empty_reductions_and_error_texts() {
    let e = NdArray::<f64>::from_vec(vec![]);
    assert_eq!(sum(&e).to_bits(), 0f64.to_bits());
    assert_eq!(prod(&e), 1.0);
    assert!(mean(&e).is_nan() && var(&e).is_nan());
    assert_eq!(
        max(&e).unwrap_err().to_string(),
        "zero-size array to reduction operation maximum which has no identity"
    );
    assert_eq!(
        min(&e).unwrap_err().to_string(),
        "zero-size array to reduction operation minimum which has no identity"
    );
    assert_eq!(
        argmax(&e).unwrap_err().to_string(),
        "attempt to get argmax of an empty sequence"
    );
    assert_eq!(
        argmin(&e).unwrap_err().to_string(),
        "attempt to get argmin of an empty sequence"
    );
    assert_eq!(
        ptp(&e).unwrap_err().to_string(),
        "zero-size array to reduction operation maximum which has no identity"
    );
    let z = NdArray::<f64>::from_shape_vec(&[3, 0], vec![]).unwrap();
    assert_eq!(sum_axis(&z, 1).unwrap().to_vec(), vec![0.0; 3]);
    assert_eq!(prod_axis(&z, 1).unwrap().to_vec(), vec![1.0; 3]);
    assert!(mean_axis(&z, 1).unwrap().iter().all(|x| x.is_nan()));
    assert_eq!(max_axis(&z, 0).unwrap().shape(), &[0]);
    assert!(max_axis(&z, 1).is_err());
    assert!(argmax_axis(&z, 1).is_err());
    assert_eq!(argmax_axis(&z, 0).unwrap().shape(), &[0]);
    assert!(all(&e) && !any(&e) && count_nonzero(&e) == 0);
    assert_eq!(
        sum(&NdArray::from_vec(vec![-0.0f64; 9])).to_bits(),
        0f64.to_bits()
    );
    let zero_d = NdArray::from_elem_0d(2.5f64);
    assert_eq!(
        (
            sum(&zero_d),
            max(&zero_d).unwrap(),
            argmax(&zero_d).unwrap()
        ),
        (2.5, 2.5, 0)
    );
    let single = VarOptions {
        ddof: 1,
        ..Default::default()
    };
    assert!(var_with(&NdArray::from_vec(vec![1.0f64]), &single).unwrap()[[]].is_nan());
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn thread_count_does_not_change_bits() {
    let v = hashed(3_000_017, 4);
    let a = NdArray::from_vec(v.clone());
    let m = NdArray::from_shape_vec(&[1000, 3000], v[..3_000_000].to_vec()).unwrap();
    let run = || {
        (
            sum(&a),
            mean(&a),
            var(&a),
            max(&a).unwrap(),
            argmax(&a).unwrap(),
            sum_axis(&m, 0).unwrap().to_vec(),
            sum_axis(&m, 1).unwrap().to_vec(),
            sum(&m.slice(s![.., ..;2])),
        )
    };
    let one = with_threads(1, run);
    let two = with_threads(2, run);
    assert_eq!(one.0.to_bits(), two.0.to_bits());
    assert_eq!(one.1.to_bits(), two.1.to_bits());
    assert_eq!(one.2.to_bits(), two.2.to_bits());
    assert_eq!((one.3, one.4), (two.3, two.4));
    assert_bits(&one.5, &two.5, "axis 0");
    assert_bits(&one.6, &two.6, "axis 1");
    assert_eq!(one.7.to_bits(), two.7.to_bits());
}

#[test]
#[cfg_attr(miri, ignore = "large NumPy reference inputs; too slow under Miri")]
fn integer_axis_mean_is_within_the_pairwise_bound() {
    // Large int64 values: the f64 partial sums round, so only a bound is promised.
    let v: Vec<i64> = (0..3 * 20_000i64)
        .map(|i| ((i * 2_654_435_761) % 1_000_003 - 500_000) << 40)
        .collect();
    let a = NdArray::from_shape_vec(&[3, 20_000], v.clone()).unwrap();
    let got = mean_axis(&a, 1).unwrap().to_vec();
    for (r, &g) in got.iter().enumerate() {
        let row = &v[r * 20_000..(r + 1) * 20_000];
        let exact = row.iter().map(|&x| x as i128).sum::<i128>() as f64 / 20_000.0;
        let abs_sum: f64 = row.iter().map(|&x| (x as f64).abs()).sum();
        let bound = 20_000.0 * f64::EPSILON * abs_sum / 20_000.0;
        assert!(
            (g - exact).abs() <= bound,
            "row {r}: {g} vs {exact} (bound {bound})"
        );
    }
}
