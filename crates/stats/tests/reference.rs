//! numerust-stats against NumPy 2.4.6: every function on the inputs and results stored by
//! tools/reference/topics/stats_order.py and stats_summary.py (NaNs, ties, -0.0, empty,
//! all-equal, integers). Exact where NumPy's result is exact; cov/corrcoef within the
//! bound docs/stats.md states (NumPy sums their products in BLAS order).

use numerust_core::{NdArray, array};
use numerust_stats::*;
use numerust_testutil::npy::{NpyArray, load_reference};
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn topic(name: &str) -> &'static BTreeMap<String, NpyArray> {
    static ORDER: OnceLock<BTreeMap<String, NpyArray>> = OnceLock::new();
    static SUMMARY: OnceLock<BTreeMap<String, NpyArray>> = OnceLock::new();
    match name {
        "order" => ORDER.get_or_init(|| load_reference("stats_order")),
        _ => SUMMARY.get_or_init(|| load_reference("stats_summary")),
    }
}

fn get(t: &str, k: &str) -> &'static NpyArray {
    topic(t)
        .get(k)
        .unwrap_or_else(|| panic!("{k} missing from stats_{t}.npz"))
}
fn f64s(t: &str, k: &str) -> Vec<f64> {
    get(t, k).f64s()
}
fn i64s(t: &str, k: &str) -> Vec<i64> {
    get(t, k).i64s()
}
fn arr(t: &str, k: &str) -> NdArray<f64> {
    let a = get(t, k);
    NdArray::from_shape_vec(&a.shape, a.f64s()).unwrap()
}
fn iarr(t: &str, k: &str) -> NdArray<i64> {
    let a = get(t, k);
    NdArray::from_shape_vec(&a.shape, a.i64s()).unwrap()
}

/// Equal values (NaN matches NaN, -0.0 matches 0.0), same shape.
#[track_caller]
fn same(got: &NdArray<f64>, t: &str, k: &str) {
    let want = get(t, k);
    assert_eq!(got.shape(), &want.shape[..], "{k}: shape");
    let w = want.f64s();
    for (i, (g, w)) in got.to_vec().iter().zip(&w).enumerate() {
        assert!(
            g == w || (g.is_nan() && w.is_nan()),
            "{k}[{i}]: got {g:e}, NumPy {w:e}"
        );
    }
}

/// Within `tol` relative to `scale` (the largest |value|).
#[track_caller]
fn close(got: &NdArray<f64>, t: &str, k: &str, tol: f64) {
    let want = get(t, k);
    assert_eq!(got.shape(), &want.shape[..], "{k}: shape");
    let w = want.f64s();
    let scale = w
        .iter()
        .filter(|x| x.is_finite())
        .fold(0.0f64, |m, x| m.max(x.abs()));
    for (i, (g, w)) in got.to_vec().iter().zip(&w).enumerate() {
        let ok = (g.is_nan() && w.is_nan()) || (g - w).abs() <= tol * scale.max(f64::MIN_POSITIVE);
        assert!(ok, "{k}[{i}]: got {g:e}, NumPy {w:e}");
    }
}

#[track_caller]
fn same_i(got: &NdArray<i64>, t: &str, k: &str) {
    let want = get(t, k);
    assert_eq!(got.shape(), &want.shape[..], "{k}: shape");
    assert_eq!(got.to_vec(), want.i64s(), "{k}");
}

const O: &str = "order";
const S: &str = "summary";

#[test]
fn sort_matches_numpy() {
    let f = arr(O, "in_f");
    same(&sort(&f).unwrap(), O, "sort_f");
    let f32s = NdArray::from_vec(get(O, "in_f32").f32s());
    same(&sort(&f32s).unwrap().mapv(|x| x as f64), O, "sort_f32");
    same_i(&sort(&iarr(O, "in_i")).unwrap(), O, "sort_i");
    let u8s: Vec<u8> = i64s(O, "in_u8").iter().map(|&x| x as u8).collect();
    let su8 = sort(&NdArray::from_vec(u8s)).unwrap();
    assert_eq!(
        su8.to_vec().iter().map(|&x| x as i64).collect::<Vec<_>>(),
        i64s(O, "sort_u8")
    );
    same(&sort(&arr(O, "in_big")).unwrap(), O, "sort_big");
    let m = arr(O, "in_m");
    same(
        &sort_axis(&m, Some(0), SortKind::Stable).unwrap(),
        O,
        "sort_m0",
    );
    same(
        &sort_axis(&m, Some(1), SortKind::Heapsort).unwrap(),
        O,
        "sort_m1",
    );
    same(
        &sort_axis(&m, None, SortKind::Quicksort).unwrap(),
        O,
        "sort_mnone",
    );
    // -0.0 sorts before 0.0 (NumPy treats them as equal; either order is a valid sort).
    let z: Vec<f64> = sort(&array(&[0.0f64, -0.0, 0.0, -0.0]).unwrap())
        .unwrap()
        .to_vec();
    assert_eq!(
        z.iter().map(|x| x.is_sign_negative()).collect::<Vec<_>>(),
        [true, true, false, false]
    );
    assert!(sort(&arr(O, "in_empty")).unwrap().is_empty());
    same(&sort(&arr(O, "in_equal")).unwrap(), O, "in_equal");
    assert!(sort(&NdArray::from_elem_0d(1.0)).is_err());
    // bool
    let b = sort(&array(&[true, false, true, false]).unwrap()).unwrap();
    assert_eq!(b.to_vec(), [false, false, true, true]);
}

#[test]
fn sorted_and_reversed_and_long_lanes() {
    // Long lanes take the radix path; sorted and reversed ones the one-pass path.
    let big = arr(O, "in_big");
    let want = f64s(O, "sort_big");
    let rev = NdArray::from_vec(want.iter().rev().copied().collect());
    assert_eq!(sort(&rev).unwrap().to_vec(), want);
    assert_eq!(
        sort(&NdArray::from_vec(want.clone())).unwrap().to_vec(),
        want
    );
    let mut ints: Vec<i64> = big.iter().map(|x| (x * 1e6) as i64).collect();
    let got = sort(&NdArray::from_vec(ints.clone())).unwrap().to_vec();
    ints.sort_unstable();
    assert_eq!(got, ints);
}

#[test]
fn argsort_is_numpy_stable() {
    same_i(&argsort(&arr(O, "in_f")).unwrap(), O, "argsort_f");
    same_i(&argsort(&iarr(O, "in_i")).unwrap(), O, "argsort_i");
    same_i(&argsort(&arr(O, "in_big")).unwrap(), O, "argsort_big");
    same_i(
        &argsort_axis(&arr(O, "in_m"), Some(0), SortKind::Quicksort).unwrap(),
        O,
        "argsort_m0",
    );
    same_i(
        &argsort_axis(&iarr(O, "in_mi"), Some(1), SortKind::Stable).unwrap(),
        O,
        "argsort_mi1",
    );
}

#[test]
fn lexsort_matches_numpy() {
    let mi = iarr(O, "in_mi");
    let cols: Vec<NdArray<i64>> = (0..3)
        .map(|c| mi.slice(numerust_core::s![.., c]).to_owned())
        .collect();
    let views: Vec<_> = cols.iter().map(|c| c.view()).collect();
    same_i(&lexsort(&views).unwrap(), O, "lexsort_mi");
    let i = iarr(O, "in_i");
    let m7 = i.mapv(|x| x.rem_euclid(7));
    same_i(&lexsort(&[i.view(), m7.view()]).unwrap(), O, "lexsort_i");
    assert!(lexsort::<f64>(&[]).is_err());
}

#[test]
fn partition_places_kth() {
    let f = arr(O, "in_f");
    let sorted = f64s(O, "sort_f");
    for kth in [
        vec![0isize],
        vec![500],
        vec![-1],
        vec![3, 100, 998],
        vec![996],
    ] {
        let p = partition(&f, &kth).unwrap().to_vec();
        let ap = argpartition(&f, &kth).unwrap().to_vec();
        let fv = f.to_vec();
        for &k in &kth {
            let k = if k < 0 {
                (k + 1000) as usize
            } else {
                k as usize
            };
            let (pk, sk) = (p[k], sorted[k]);
            assert!(pk == sk || (pk.is_nan() && sk.is_nan()), "kth {k}");
            let ak = fv[ap[k] as usize];
            assert!(ak == sk || (ak.is_nan() && sk.is_nan()));
            let key = |x: f64| x.eq_key();
            assert!(p[..k].iter().all(|&x| key(x) <= key(sk)));
            assert!(p[k + 1..].iter().all(|&x| key(x) >= key(sk)));
        }
        let mut ps = p.clone();
        ps.sort_by(|a, b| a.total_cmp(b));
        let mut fs = fv.clone();
        fs.sort_by(|a, b| a.total_cmp(b));
        assert_eq!(ps.len(), fs.len());
    }
    let e = partition(&f, &[1000]).unwrap_err();
    assert_eq!(e.to_string(), "kth(=1000) out of bounds (1000)");
    let m = arr(O, "in_m");
    let p = partition_axis(&m, &[4], Some(0)).unwrap();
    let s0 = arr(O, "sort_m0");
    for c in 0..9 {
        let (a, b) = (p[[4, c]], s0[[4, c]]);
        assert!(a == b || (a.is_nan() && b.is_nan()));
    }
}

#[test]
fn searchsorted_and_digitize() {
    let s = arr(O, "sort_f");
    let v = arr(O, "ss_v");
    same_i(
        &searchsorted(&s, &v, Side::Left, None).unwrap(),
        O,
        "ss_left",
    );
    same_i(
        &searchsorted(&s, &v, Side::Right, None).unwrap(),
        O,
        "ss_right",
    );
    let f = arr(O, "in_f");
    let order = argsort(&f).unwrap().to_vec();
    same_i(
        &searchsorted(&f, &v, Side::Right, Some(&order)).unwrap(),
        O,
        "ss_sorter",
    );
    assert!(searchsorted(&f, &v, Side::Left, Some(&[0, 1])).is_err());
    let bins = arr(O, "dig_bins");
    let rbins = NdArray::from_vec(bins.to_vec().into_iter().rev().collect());
    same_i(&digitize(&f, &bins, false).unwrap(), O, "dig_left");
    same_i(&digitize(&f, &bins, true).unwrap(), O, "dig_right");
    same_i(&digitize(&f, &rbins, false).unwrap(), O, "dig_dec");
    same_i(&digitize(&f, &rbins, true).unwrap(), O, "dig_dec_right");
    let bad = array(&[1.0, 3.0, 2.0]).unwrap();
    assert_eq!(
        digitize(&f, &bad, false).unwrap_err().to_string(),
        "bins must be monotonically increasing or decreasing"
    );
}

#[test]
fn unique_matches_numpy() {
    let f = arr(O, "in_f");
    same(&unique(&f), O, "uniq_f");
    let all = UniqueOptions {
        return_index: true,
        return_inverse: true,
        return_counts: true,
        ..Default::default()
    };
    let u = unique_with(&f, all).unwrap();
    same(&u.values, O, "uniq_f");
    same_i(&u.index.unwrap(), O, "uniq_f_index");
    same_i(&u.inverse.unwrap(), O, "uniq_f_inverse");
    same_i(&u.counts.unwrap(), O, "uniq_f_counts");
    let nn = unique_with(
        &f,
        UniqueOptions {
            equal_nan: false,
            ..Default::default()
        },
    )
    .unwrap();
    same(&nn.values, O, "uniq_f_nonan");
    let i = iarr(O, "in_i");
    let u = unique_with(&i, all).unwrap();
    same_i(&u.values, O, "uniq_i");
    same_i(&u.index.unwrap(), O, "uniq_i_index");
    same_i(&u.inverse.unwrap(), O, "uniq_i_inverse");
    same_i(&u.counts.unwrap(), O, "uniq_i_counts");
    let mi = iarr(O, "in_mi");
    let u = unique_with(
        &mi,
        UniqueOptions {
            axis: Some(0),
            ..all
        },
    )
    .unwrap();
    same_i(&u.values, O, "uniq_mi0");
    same_i(&u.index.unwrap(), O, "uniq_mi0_index");
    same_i(&u.inverse.unwrap(), O, "uniq_mi0_inverse");
    same_i(&u.counts.unwrap(), O, "uniq_mi0_counts");
    let u = unique_with(
        &mi,
        UniqueOptions {
            axis: Some(1),
            ..Default::default()
        },
    )
    .unwrap();
    same_i(&u.values, O, "uniq_mi1");
    assert!(unique(&arr(O, "in_empty")).is_empty());
    assert_eq!(unique(&arr(O, "in_equal")).to_vec(), [2.5]);
}

#[test]
fn set_operations_match_numpy() {
    let (a, b) = (arr(O, "set_a"), arr(O, "set_b"));
    assert_eq!(isin(&a, &b, false).to_vec(), get(O, "isin_ab").bools());
    assert_eq!(isin(&a, &b, true).to_vec(), get(O, "isin_ab_inv").bools());
    same(&intersect1d(&a, &b), O, "inter_ab");
    same(&union1d(&a, &b), O, "union_ab");
    same(&setdiff1d(&a, &b), O, "diff_ab");
    same(&setxor1d(&a, &b), O, "xor_ab");
    let i = i64s(O, "in_i");
    let (ia, ib) = (
        NdArray::from_vec(i[..300].to_vec()),
        NdArray::from_vec(i[300..].to_vec()),
    );
    assert_eq!(isin(&ia, &ib, false).to_vec(), get(O, "isin_i").bools());
    same_i(&intersect1d(&ia, &ib), O, "inter_i");
    same_i(&union1d(&ia, &ib), O, "union_i");
    same_i(&setdiff1d(&ia, &ib), O, "setdiff_i");
    same_i(&setxor1d(&ia, &ib), O, "xor_i");
}

#[test]
fn diff_and_gradient_match_numpy() {
    let f = arr(O, "in_f");
    same(&diff(&f, 1, -1).unwrap(), O, "diff_f");
    same_i(&diff(&iarr(O, "in_i"), 3, -1).unwrap(), O, "diff_i3");
    let u8s: Vec<u8> = i64s(O, "in_u8").iter().map(|&x| x as u8).collect();
    let d = diff(&NdArray::from_vec(u8s), 1, 0).unwrap();
    assert_eq!(
        d.to_vec().iter().map(|&x| x as i64).collect::<Vec<_>>(),
        i64s(O, "diff_u8")
    );
    let m = arr(O, "in_m");
    same(&diff(&m, 1, 0).unwrap(), O, "diff_m0");
    same(&diff(&m, 2, 1).unwrap(), O, "diff_m1_2");
    let app = m.slice(numerust_core::s![.., ..2]).to_owned();
    let d = diff_with(
        &m,
        1,
        1,
        Some(Pad::Scalar(0.0)),
        Some(Pad::Array(app.view())),
    )
    .unwrap();
    same(&d, O, "diff_pre_app");
    assert_eq!(diff(&f, 2000, 0).unwrap().size(), 0);
    same_i(
        &ediff1d(&iarr(O, "in_i"), Some(&[100, 200]), Some(&[-5])),
        O,
        "ediff_i",
    );

    let g = NdArray::from_vec(f64s(O, "in_big")[..200].to_vec());
    same(&gradient(&g).unwrap()[0], O, "grad_1");
    let dx = [Spacing::Uniform(0.25)];
    same(&gradient_with(&g, &dx, None, 1).unwrap()[0], O, "grad_dx");
    same(&gradient_with(&g, &dx, None, 2).unwrap()[0], O, "grad_e2");
    let x = [Spacing::Coords(f64s(O, "grad_x"))];
    same(
        &gradient_with(&g, &x, None, 1).unwrap()[0],
        O,
        "grad_coords",
    );
    same(
        &gradient_with(&g, &x, None, 2).unwrap()[0],
        O,
        "grad_coords_e2",
    );
    let gm = arr(O, "grad_in_m");
    let gs = gradient_with(
        &gm,
        &[Spacing::Uniform(2.0), Spacing::Uniform(0.5)],
        None,
        1,
    )
    .unwrap();
    same(&gs[0], O, "grad_m0");
    same(&gs[1], O, "grad_m1");
    same(
        &gradient(&NdArray::from_vec(i64s(O, "in_i")[..50].to_vec())).unwrap()[0],
        O,
        "grad_i",
    );
    let f32s = NdArray::from_vec(get(O, "in_f32").f32s()[200..300].to_vec());
    same(
        &gradient(&f32s).unwrap()[0].mapv(|x| x as f64),
        O,
        "grad_f32",
    );
    assert!(gradient(&array(&[1.0]).unwrap()).is_err());
}

#[test]
fn quantiles_every_method_match_numpy() {
    let qs = f64s(S, "in_q");
    for name in ["x", "xe", "xs"] {
        let a = arr(S, &format!("in_{name}"));
        for m in QuantileMethod::ALL {
            let opts = QuantileOptions {
                method: m,
                ..Default::default()
            };
            let got = quantile_with(&a, &qs, opts).unwrap();
            same(&got, S, &format!("q_{name}_{}", m.name()));
        }
    }
    let xi = iarr(S, "in_xi");
    for m in QuantileMethod::ALL {
        let opts = QuantileOptions {
            method: m,
            ..Default::default()
        };
        same(
            &quantile_with(&xi, &qs, opts).unwrap(),
            S,
            &format!("q_xi_{}", m.name()),
        );
        assert_eq!(m.name().parse::<QuantileMethod>().unwrap(), m);
    }
    let x = arr(S, "in_x");
    let x32 = x.mapv(|v| v as f32);
    assert_eq!(quantile(&x32, 0.37).unwrap(), get(S, "q_f32").f32s()[0]);
    assert_eq!(percentile(&x, 90.0).unwrap(), f64s(S, "pct90_x")[0]);
    let m = arr(S, "in_m");
    let o1 = QuantileOptions {
        axis: Some(1),
        ..Default::default()
    };
    same(&quantile_with(&m, &qs, o1).unwrap(), S, "q_m1");
    let o0k = QuantileOptions {
        axis: Some(0),
        keepdims: true,
        ..Default::default()
    };
    same(
        &quantile_with(&m, &[0.2, 0.8], o0k).unwrap(),
        S,
        "q_m0_keep",
    );
    let near = QuantileOptions {
        axis: Some(0),
        method: QuantileMethod::Nearest,
        keepdims: false,
    };
    same(
        &percentile_with(&m, &[10.0, 50.0, 95.0], near).unwrap(),
        S,
        "pct_m0_nearest",
    );
    let xn = arr(S, "in_xn");
    same(
        &quantile_with(&xn, &qs, QuantileOptions::default()).unwrap(),
        S,
        "q_xn",
    );
    same(
        &nanquantile_with(&xn, &qs, QuantileOptions::default()).unwrap(),
        S,
        "nanq_xn",
    );
    let mn = arr(S, "in_mn");
    same(
        &nanquantile_with(&mn, &[0.3, 0.5], o1).unwrap(),
        S,
        "nanq_mn1",
    );
    let o0 = QuantileOptions {
        axis: Some(0),
        ..Default::default()
    };
    let g = nanquantile_with(&mn, &[0.5], o0).unwrap();
    same(&g.reshape([13]).unwrap(), S, "nanq_mn0");
    let mid = QuantileOptions {
        method: QuantileMethod::Midpoint,
        ..Default::default()
    };
    same(
        &nanpercentile_with(&mn, &[25.0, 75.0], mid).unwrap(),
        S,
        "nanpct_mn",
    );
    assert_eq!(
        quantile(&x, 1.5).unwrap_err().to_string(),
        "Quantiles must be in the range [0, 1]"
    );
    assert_eq!(
        percentile(&x, -1.0).unwrap_err().to_string(),
        "Percentiles must be in the range [0, 100]"
    );
    assert!(quantile(&arr(O, "in_empty"), 0.5).is_err());
}

#[test]
fn medians_match_numpy() {
    let want = f64s(S, "median");
    let x = arr(S, "in_x");
    let got = [
        median(&x),
        median(&arr(S, "in_xe")),
        median(&iarr(S, "in_xi")),
        median(&arr(S, "in_xs")),
        median(&arr(S, "in_xn")),
        nanmedian(&arr(S, "in_xn")),
        median(&NdArray::<f64>::from_vec(vec![])),
        nanmedian(&array(&[f64::NAN, f64::NAN, f64::NAN]).unwrap()),
        median(&x.mapv(|v| v as f32)) as f64,
    ];
    same(&NdArray::from_vec(got.to_vec()), S, "median");
    assert_eq!(want.len(), got.len());
    let m = arr(S, "in_m");
    same(&median_with(&m, Some(0), false).unwrap(), S, "median_m0");
    same(
        &median_with(&m, Some(1), true).unwrap(),
        S,
        "median_m1_keep",
    );
    let mn = arr(S, "in_mn");
    same(&median_with(&mn, Some(1), false).unwrap(), S, "median_mn1");
    same(
        &nanmedian_with(&mn, Some(0), false).unwrap(),
        S,
        "nanmedian_mn0",
    );
}

#[test]
fn average_cov_corrcoef_match_numpy() {
    let m = arr(S, "in_m");
    let w = arr(S, "in_w");
    let (avg, ws) = average_weighted(&m, &w, Some(1)).unwrap();
    same(&avg, S, "avg_w1");
    same(&ws, S, "avg_w1_sum");
    let (avg, ws) = average_weighted(&m, &arr(S, "in_wm"), None).unwrap();
    assert_eq!(avg.to_vec()[0], f64s(S, "avg_wall")[0]);
    assert_eq!(ws.to_vec()[0], f64s(S, "avg_wall_sum")[0]);
    assert!(average_weighted(&m, &NdArray::from_vec(vec![0.0; 13]), Some(1)).is_err());
    // Dot products in a different order than BLAS: a few ulps of the magnitudes.
    let tol = 1e-14;
    close(&cov(&m, CovOptions::default()).unwrap(), S, "cov_m", tol);
    close(
        &cov(
            &m,
            CovOptions {
                rowvar: false,
                ..Default::default()
            },
        )
        .unwrap(),
        S,
        "cov_mT",
        tol,
    );
    close(
        &cov(
            &m,
            CovOptions {
                bias: true,
                ..Default::default()
            },
        )
        .unwrap(),
        S,
        "cov_bias",
        tol,
    );
    close(
        &cov(
            &m,
            CovOptions {
                ddof: Some(3),
                ..Default::default()
            },
        )
        .unwrap(),
        S,
        "cov_ddof3",
        tol,
    );
    let fw = i64s(S, "in_fw");
    let wv = w.to_vec();
    close(
        &cov(
            &m,
            CovOptions {
                fweights: Some(&fw),
                ..Default::default()
            },
        )
        .unwrap(),
        S,
        "cov_fw",
        tol,
    );
    close(
        &cov(
            &m,
            CovOptions {
                aweights: Some(&wv),
                ..Default::default()
            },
        )
        .unwrap(),
        S,
        "cov_aw",
        tol,
    );
    let faw = CovOptions {
        fweights: Some(&fw),
        aweights: Some(&wv),
        ddof: Some(2),
        ..Default::default()
    };
    close(&cov(&m, faw).unwrap(), S, "cov_faw", tol);
    close(
        &cov(&arr(S, "in_x"), CovOptions::default()).unwrap(),
        S,
        "cov_1d",
        tol,
    );
    let xi = iarr(S, "in_xi").reshape([4, 16]).unwrap();
    close(&cov(&xi, CovOptions::default()).unwrap(), S, "cov_xi", tol);
    close(&corrcoef(&m, true).unwrap(), S, "corr_m", tol);
    close(&corrcoef(&m, false).unwrap(), S, "corr_mT", tol);
}

#[test]
fn histograms_match_numpy() {
    let h = arr(S, "in_h");
    for b in [10usize, 7, 1, 100] {
        let (c, e) = histogram(&h, Bins::Count(b), None).unwrap();
        same_i(&c, S, &format!("hist{b}_c"));
        same(&e, S, &format!("hist{b}_e"));
    }
    let (c, e) = histogram(&arr(S, "in_hn"), Bins::Count(12), Some((-2.0, 3.0))).unwrap();
    same_i(&c, S, "hist_range_c");
    same(&e, S, "hist_range_e");
    let edges = f64s(S, "hist_edges_in");
    same_i(
        &histogram(&h, Bins::Edges(&edges), None).unwrap().0,
        S,
        "hist_edges_c",
    );
    let h500 = NdArray::from_vec(h.to_vec()[..500].to_vec());
    let xi = iarr(S, "in_xi");
    for (name, b) in [
        ("auto", Bins::Auto),
        ("fd", Bins::Fd),
        ("sturges", Bins::Sturges),
        ("scott", Bins::Scott),
        ("rice", Bins::Rice),
        ("sqrt", Bins::Sqrt),
        ("doane", Bins::Doane),
        ("stone", Bins::Stone),
    ] {
        same(
            &histogram_bin_edges(&h500, b, None).unwrap(),
            S,
            &format!("hist_est_{name}"),
        );
        same(
            &histogram_bin_edges(&xi, b, None).unwrap(),
            S,
            &format!("hist_est_i_{name}"),
        );
    }
    let hw = arr(S, "in_hw");
    same(
        &histogram_weighted(&h, Bins::Count(20), None, &hw)
            .unwrap()
            .0,
        S,
        "hist_w_c",
    );
    close(
        &histogram_weighted(&h, Bins::Edges(&edges), None, &hw)
            .unwrap()
            .0,
        S,
        "hist_w_edges_c",
        1e-14,
    );
    close(
        &histogram_density(&h, Bins::Count(15), None, None)
            .unwrap()
            .0,
        S,
        "hist_density",
        1e-15,
    );
    let (c, e) = histogram(&xi, Bins::Count(5), None).unwrap();
    same_i(&c, S, "hist_i_c");
    same(&e, S, "hist_i_e");
    let (c, e) = histogram(&NdArray::from_vec(vec![3.0; 5]), Bins::Count(4), None).unwrap();
    same_i(&c, S, "hist_equal_c");
    same(&e, S, "hist_equal_e");
    let (c, e) = histogram(&NdArray::<f64>::from_vec(vec![]), Bins::Count(3), None).unwrap();
    same_i(&c, S, "hist_empty_c");
    same(&e, S, "hist_empty_e");
    assert_eq!(
        histogram(&arr(S, "in_hn"), Bins::Count(3), None)
            .unwrap_err()
            .to_string(),
        "autodetected range of [NaN, NaN] is not finite"
    );
    let hy = arr(S, "in_hy");
    let (hh, ex, ey) = histogram2d(&h, &hy, [Bins::Count(6), Bins::Count(4)], None).unwrap();
    same(&hh, S, "h2_H");
    same(&ex, S, "h2_ex");
    same(&ey, S, "h2_ey");
    let ye = [-1.0, 0.0, 1.0];
    let (hh, _, _) = histogram2d(&h, &hy, [Bins::Edges(&edges), Bins::Edges(&ye)], None).unwrap();
    same(&hh, S, "h2e_H");
    let bc = iarr(S, "in_bc");
    same_i(&bincount(&bc, 0).unwrap(), S, "bincount");
    same_i(&bincount(&bc, 15).unwrap(), S, "bincount_min");
    let w200 = NdArray::from_vec(hw.to_vec()[..200].to_vec());
    same(&bincount_weighted(&bc, &w200, 0).unwrap(), S, "bincount_w");
    assert!(bincount(&array(&[1i64, -1]).unwrap(), 0).is_err());
}

#[test]
fn scaling_and_describe() {
    let m = arr(S, "in_m");
    same(&zscore(&m, Some(0), 0).unwrap(), S, "zscore_m0");
    same(&zscore(&m, Some(1), 1).unwrap(), S, "zscore_m1_ddof1");
    same(&minmax_scale(&m, Some(0)).unwrap(), S, "minmax_m0");
    let d = describe(&arr(S, "in_mn")).unwrap();
    let want = arr(S, "describe_mn");
    let rows = [
        &d.count, &d.mean, &d.std, &d.min, &d.q25, &d.q50, &d.q75, &d.max,
    ];
    for (r, got) in rows.iter().enumerate() {
        for c in 0..13 {
            let (g, w) = (got[[c]], want[[r, c]]);
            // pandas computes mean/std with its own (bottleneck-free) sums: ulp-level bound.
            let ok = (g.is_nan() && w.is_nan()) || (g - w).abs() <= 1e-15 * w.abs().max(1.0);
            assert!(ok, "describe row {r} col {c}: {g} vs pandas {w}");
        }
    }
}

#[test]
fn bootstrap_repeats_with_a_seed() {
    use rand::SeedableRng;
    let x = arr(S, "in_x");
    let run = |seed| {
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        bootstrap_rng(&x, 200, &mut rng, |s| Ok(median(s))).unwrap()
    };
    let (a, b) = (run(1), run(1));
    assert_eq!(a.to_vec(), b.to_vec());
    assert_ne!(a.to_vec(), run(2).to_vec());
    let (lo, hi) = percentile_interval(&a, 0.95).unwrap();
    let med = median(&x);
    assert!(lo < med && med < hi, "{lo} < {med} < {hi}");
    // The index sampler sees the row count and may replay NumPy's indices.
    let rows = array(&[[1.0, 2.0], [3.0, 4.0]]).unwrap();
    let idx = [1usize, 1, 0, 1];
    let mut k = 0;
    let s = bootstrap(
        &rows,
        2,
        |n| {
            assert_eq!(n, 2);
            k += 1;
            idx[k - 1]
        },
        |s| Ok(s[[0, 0]] + s[[1, 1]]),
    )
    .unwrap();
    assert_eq!(s.to_vec(), [7.0, 5.0]);
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    assert!((0..1000).all(|_| index_below(&mut rng, 7) < 7));
}
