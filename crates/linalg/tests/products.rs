//! The products against NumPy (tests/reference/linalg_products.npz, written by
//! tools/reference/topics/linalg_products.py), NumPy's error messages, and laws checked by
//! proptest: associativity, layout-independence (bit for bit) and dot against a naive sum.
//!
//! Float bound: inputs are uniform in [0, 1), so every product term is non-negative and any
//! summation order gives `|got - want| <= (k + 1) * eps * |want|`; the test allows
//! `4 (k + 1) eps max|want|` (complex: the same with `|.|` the modulus). Integer, bool,
//! `outer` and `kron` results are exact.

use numerust_core::{Complex64, NdArray, s};
use numerust_linalg::{
    LinAlgError, TensordotAxes, dot, einsum, inner, kron, matmul, matrix_power, multi_dot, outer,
    tensordot, tensorinv, tensorsolve, trace, trace_with, vdot,
};
use numerust_testutil::npy::{NpyArray, NpyData};
use proptest::prelude::*;

mod common;

const TOPIC: &str = "linalg_products";

fn get(name: &str) -> &'static NpyArray {
    common::get(TOPIC, name)
}

fn f64s(name: &str) -> NdArray<f64> {
    common::f64s(TOPIC, name)
}

fn f32s(name: &str) -> NdArray<f32> {
    common::f32s(TOPIC, name)
}

fn i64s(name: &str) -> NdArray<i64> {
    common::i64s(TOPIC, name)
}

fn c128s(name: &str) -> NdArray<Complex64> {
    common::c128s(TOPIC, name)
}

/// The inputs `<name>_0`, `<name>_1`, ... of a multi-operand case.
fn operands(name: &str) -> Vec<NdArray<f64>> {
    (0..)
        .map_while(|i| {
            common::refs(TOPIC)
                .get(&format!("{name}_{i}"))
                .map(|_| f64s(&format!("{name}_{i}")))
        })
        .collect()
}

/// f64 results within the bound.
fn close_f64(name: &str, got: &NdArray<f64>, k: usize) {
    check_pairs(
        name,
        got.iter().map(|&x| (x, 0.0)).collect(),
        got.shape(),
        k,
        f64::EPSILON,
    );
}
fn close_c128(name: &str, got: &NdArray<Complex64>, k: usize) {
    check_pairs(
        name,
        got.iter().map(|x| (x.re, x.im)).collect(),
        got.shape(),
        k,
        f64::EPSILON,
    );
}

fn check_pairs(name: &str, got: Vec<(f64, f64)>, shape: &[usize], k: usize, eps: f64) {
    let want = get(name);
    assert_eq!(shape, want.shape.as_slice(), "{name}: shape");
    let want: Vec<(f64, f64)> = match &want.data {
        NpyData::C128(v) => v.clone(),
        _ => want.f64s().into_iter().map(|x| (x, 0.0)).collect(),
    };
    assert_eq!(got.len(), want.len(), "{name}: size");
    let scale = want.iter().map(|&(a, b)| a.hypot(b)).fold(0.0, f64::max);
    let tol = 4.0 * (k + 1) as f64 * eps * scale;
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        let d = (g.0 - w.0).hypot(g.1 - w.1);
        assert!(
            d <= tol,
            "{name}[{i}]: got {g:?}, NumPy {w:?} (tol {tol:e})"
        );
    }
}

fn msg<T>(r: Result<T, LinAlgError>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn matmul_f64_shapes_and_stacks() {
    for (name, k) in [
        ("mm_2d", 5),
        ("mm_vec_mat", 5),
        ("mm_mat_vec", 5),
        ("mm_vec_vec", 5),
        ("mm_batch", 5),
        ("mm_bcast", 5),
        ("mm_batch_vec", 5),
        ("mm_vec_batch", 5),
        ("mm_empty_k", 0),
        ("mm_empty_m", 3),
        ("mm_empty_batch", 3),
        ("mm_large", 130),
        ("mm_tall", 7),
    ] {
        let (a, b) = (f64s(&format!("{name}_a")), f64s(&format!("{name}_b")));
        close_f64(name, &matmul(&a, &b).unwrap(), k);
    }
}

#[test]
fn matmul_reads_transposed_and_sliced_views() {
    let (a, b) = (f64s("mm_at_b_a"), f64s("mm_at_b_b"));
    close_f64("mm_at_b", &matmul(&a.t(), &b).unwrap(), 5);
    let (a, b) = (f64s("mm_a_bslice_a"), f64s("mm_a_bslice_b"));
    close_f64(
        "mm_a_bslice",
        &matmul(&a, &b.slice(s![.., ..;-2])).unwrap(),
        5,
    );
    let (a, b) = (f64s("mm_a_bt_a"), f64s("mm_a_bt_b"));
    close_f64("mm_a_bt", &matmul(&a, &b.t()).unwrap(), 40);
}

#[test]
fn matmul_other_dtypes() {
    let got = matmul(&f32s("mm_f32_a"), &f32s("mm_f32_b")).unwrap();
    check_pairs(
        "mm_f32",
        got.iter().map(|&x| (x as f64, 0.0)).collect(),
        got.shape(),
        65,
        f32::EPSILON as f64,
    );
    let got = matmul(&i64s("mm_int_a"), &i64s("mm_int_b")).unwrap();
    assert_eq!(got.to_vec(), get("mm_int").i64s());
    let a8 = i64s("mm_int8_wrap_a").mapv(|x| x as i8);
    let got = matmul(&a8, &a8).unwrap();
    assert_eq!(
        got.to_vec().iter().map(|&x| x as i64).collect::<Vec<_>>(),
        get("mm_int8_wrap").i64s()
    );
    let bools = |n: &str| {
        let r = get(n);
        NdArray::from_shape_vec(&r.shape, r.bools()).unwrap()
    };
    let got = matmul(&bools("mm_bool_a"), &bools("mm_bool_b")).unwrap();
    assert_eq!(got.to_vec(), get("mm_bool").bools());
    let got = matmul(&c128s("mm_c128_a"), &c128s("mm_c128_b")).unwrap();
    close_c128("mm_c128", &got, 4);
    // Large enough for the split-plane (four real GEMMs) path; B is a transposed view.
    let (a, b) = (c128s("mm_c128_big_a"), c128s("mm_c128_big_b"));
    close_c128("mm_c128_big", &matmul(&a, &b).unwrap(), 70);
}

#[test]
fn dot_inner_vdot_outer() {
    for (name, k) in [
        ("dot_1d", 6),
        ("dot_2d", 4),
        ("dot_nd_1d", 4),
        ("dot_1d_nd", 3),
        ("dot_nd_md", 4),
        ("dot_scalar", 1),
    ] {
        let (a, b) = (f64s(&format!("{name}_a")), f64s(&format!("{name}_b")));
        close_f64(name, &dot(&a, &b).unwrap(), k);
    }
    for (name, k) in [("inner_2d", 3), ("inner_nd", 4), ("inner_1d", 7)] {
        let (a, b) = (f64s(&format!("{name}_a")), f64s(&format!("{name}_b")));
        close_f64(name, &inner(&a, &b).unwrap(), k);
    }
    let v = vdot(&f64s("vdot_2d_a"), &f64s("vdot_2d_b")).unwrap();
    close_f64("vdot_2d", &NdArray::from_elem_0d(v), 6);
    let v = vdot(&c128s("vdot_c128_a"), &c128s("vdot_c128_b")).unwrap();
    close_c128("vdot_c128", &NdArray::from_elem_0d(v), 5);
    for name in ["outer_1d", "outer_2d"] {
        let (a, b) = (f64s(&format!("{name}_a")), f64s(&format!("{name}_b")));
        let got = outer(&a, &b).unwrap();
        assert_eq!(got.shape(), get(name).shape.as_slice());
        assert_eq!(got.to_vec(), get(name).f64s(), "{name}: outer is exact");
    }
}

#[test]
fn tensordot_and_kron() {
    let run = |name: &str, axes: TensordotAxes, k: usize| {
        let (a, b) = (f64s(&format!("{name}_a")), f64s(&format!("{name}_b")));
        close_f64(name, &tensordot(&a, &b, axes).unwrap(), k);
    };
    run("td_pairs", ([1, 0], [0, 1]).into(), 12);
    run("td_count2", 2.into(), 12);
    run("td_count0", 0.into(), 1);
    run("td_cross", ([2, 1], [0, 2]).into(), 8);
    for name in ["kron_2d", "kron_mixed", "kron_3d"] {
        let (a, b) = (i64s(&format!("{name}_a")), i64s(&format!("{name}_b")));
        let got = kron(&a, &b).unwrap();
        assert_eq!(got.shape(), get(name).shape.as_slice(), "{name}");
        assert_eq!(got.to_vec(), get(name).i64s(), "{name}");
    }
}

#[test]
fn trace_and_matrix_power() {
    let t = i64s("trace_in");
    let t0 = t.slice(s![0, .., ..]);
    assert_eq!(trace(&t0).unwrap().to_vec(), get("trace_2d").i64s());
    assert_eq!(
        trace_with(&t0, 1, 0, 1).unwrap().to_vec(),
        get("trace_off1").i64s()
    );
    assert_eq!(
        trace_with(&t0, -1, 0, 1).unwrap().to_vec(),
        get("trace_offm1").i64s()
    );
    assert_eq!(
        trace_with(&t, 0, 1, 2).unwrap().to_vec(),
        get("trace_3d_12").i64s()
    );
    assert_eq!(
        trace_with(&t, 1, 0, 2).unwrap().to_vec(),
        get("trace_3d_02_off1").i64s()
    );
    let tf = trace(&f64s("trace_f_in")).unwrap();
    assert_eq!(
        tf.to_vec(),
        get("trace_f").f64s(),
        "5 terms: NumPy's order, exact"
    );

    let m = f64s("mp_in");
    for (n, k) in [(0, 1), (1, 1), (2, 4), (3, 8), (5, 16), (13, 64)] {
        close_f64(&format!("mp_{n}"), &matrix_power(&m, n).unwrap(), k);
    }
    close_f64(
        "mp_stack_4",
        &matrix_power(&f64s("mp_stack_in"), 4).unwrap(),
        12,
    );
    let fib = NdArray::from_shape_vec(&[2, 2], vec![1i64, 1, 1, 0]).unwrap();
    assert_eq!(
        matrix_power(&fib, 30).unwrap().to_vec(),
        get("mp_int_30").i64s()
    );
    // n < 0: NumPy's matrix_power(inv(a), -n), bit for bit.
    let inv_m = numerust_linalg::inv(&m).unwrap();
    for n in [1i64, 2, 5] {
        assert_eq!(
            matrix_power(&m, -n).unwrap().to_vec(),
            matrix_power(&inv_m, n).unwrap().to_vec()
        );
    }
    let eye = matmul(&m, &matrix_power(&m, -1).unwrap()).unwrap();
    let side = m.shape()[0];
    for (i, &x) in eye.to_vec().iter().enumerate() {
        let want = if i / side == i % side { 1.0 } else { 0.0 };
        assert!((x - want).abs() < 1e-10, "a @ a^-1 at {i}: {x}");
    }
    assert!(matches!(
        matrix_power(&fib, -1),
        Err(LinAlgError::InvalidValue(_))
    ));
    let singular = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 2.0, 4.0]).unwrap();
    assert_eq!(
        matrix_power(&singular, -1).unwrap_err().to_string(),
        "Singular matrix"
    );
}

#[test]
fn errors_match_numpy() {
    let ones = |shape: &[usize]| {
        NdArray::from_shape_vec(shape, vec![1.0f64; shape.iter().product()]).unwrap()
    };
    let (a23, a22, v3, v2) = (ones(&[2, 3]), ones(&[2, 2]), ones(&[3]), ones(&[2]));
    let scalar = NdArray::from_elem_0d(1.0f64);
    let want = |n: &str| get(n).string();
    assert_eq!(msg(matmul(&a23, &a23)), want("err_mm_core"));
    assert_eq!(msg(matmul(&v3, &a23)), want("err_mm_vec"));
    assert_eq!(msg(matmul(&scalar, &a23)), want("err_mm_0d_a"));
    assert_eq!(msg(matmul(&a23, &scalar)), want("err_mm_0d_b"));
    assert_eq!(
        msg(matmul(&ones(&[2, 2, 3]), &ones(&[3, 3, 2]))),
        want("err_mm_batch")
    );
    assert_eq!(
        msg(matmul(&ones(&[4, 2, 2, 3]), &ones(&[3, 3, 2]))),
        want("err_mm_batch4")
    );
    assert_eq!(
        msg(matmul(&ones(&[2, 2, 3]), &ones(&[3, 3, 3, 2]))),
        want("err_mm_batch_vec")
    );
    assert_eq!(msg(dot(&a23, &a23)), want("err_dot_2d"));
    assert_eq!(msg(dot(&v3, &v2)), want("err_dot_1d"));
    assert_eq!(
        msg(dot(&ones(&[2, 3, 4]), &ones(&[3, 5]))),
        want("err_dot_nd")
    );
    assert_eq!(msg(vdot(&v3, &v2)), want("err_vdot"));
    assert_eq!(msg(inner(&a23, &a22)), want("err_inner"));
    assert_eq!(msg(tensordot(&a23, &a23, ([0], [1]))), want("err_td"));
    assert_eq!(
        msg(tensordot(
            &a23,
            &a23,
            TensordotAxes::Pairs(vec![0, 1], vec![1])
        )),
        want("err_td_len")
    );
    assert_eq!(msg(matrix_power(&a23, 2)), want("err_mp_square"));
    assert_eq!(msg(matrix_power(&v3, 2)), want("err_mp_1d"));
    assert_eq!(msg(trace(&v3)), want("err_trace_1d"));
    assert_eq!(msg(trace_with(&a23, 0, 0, 0)), want("err_trace_same"));
}

#[test]
fn einsum_matches_numpy() {
    for (name, k) in [
        ("es_mm", 4),
        ("es_implicit", 4),
        ("es_implicit_sorted", 2),
        ("es_trace", 4),
        ("es_diag", 1),
        ("es_diag3", 1),
        ("es_transpose", 1),
        ("es_sum", 6),
        ("es_sum_axis", 3),
        ("es_batch", 4),
        ("es_three", 20),
        ("es_outer", 1),
        ("es_dot", 6),
        ("es_bcast1", 1),
        ("es_mixed", 6),
        ("es_hadamard", 1),
        ("es_trace_product", 12),
        ("es_upper", 3),
        ("es_spaces", 3),
        ("es_lone", 20),
        ("es_ell_batch", 3),
        ("es_ell_implicit", 4),
        ("es_ell_implicit2", 3),
        ("es_ell_sum", 2),
        ("es_ell_bcast", 3),
        ("es_ell_diag", 3),
        ("es_ell_only", 1),
        ("es_ell_empty", 6),
        ("es_ell_trace", 1),
        ("es_ell_mid", 12),
    ] {
        let spec = get(&format!("{name}_spec")).string();
        let ops = operands(name);
        let views: Vec<_> = ops.iter().map(|o| o.view()).collect();
        let got = einsum(&spec, &views).unwrap_or_else(|e| panic!("{name} ({spec}): {e}"));
        close_f64(name, &got, k);
    }
    let ones = |shape: &[usize]| {
        NdArray::from_shape_vec(shape, vec![1.0f64; shape.iter().product()]).unwrap()
    };
    let (m23, m34) = (ones(&[2, 3]), ones(&[3, 4]));
    let (a, b) = (m23.view(), m34.view());
    let want = |n: &str| get(n).string();
    assert_eq!(
        msg(einsum("ij,jk->ik", std::slice::from_ref(&a))),
        want("err_es_more")
    );
    assert_eq!(
        msg(einsum("ij->ij", &[a.clone(), b.clone()])),
        want("err_es_fewer")
    );
    assert_eq!(
        msg(einsum("ijk->ij", std::slice::from_ref(&a))),
        want("err_es_too_many")
    );
    assert_eq!(
        msg(einsum("i->i", std::slice::from_ref(&a))),
        want("err_es_too_few")
    );
    assert_eq!(
        msg(einsum("ij,jk->iz", &[a.clone(), b.clone()])),
        want("err_es_never")
    );
    assert_eq!(
        msg(einsum("i2,jk->ik", &[a.clone(), b.clone()])),
        want("err_es_invalid")
    );
    assert_eq!(
        msg(einsum("ij,jk->ii", &[a.clone(), b.clone()])),
        want("err_es_twice")
    );
    assert_eq!(
        msg(einsum("ii->i", std::slice::from_ref(&a))),
        want("err_es_collapse")
    );
    assert_eq!(
        msg(einsum("ij,jk-ik", &[a.clone(), b.clone()])),
        want("err_es_arrow")
    );
    assert_eq!(
        msg(einsum("ij,jk->ik->", &[a.clone(), b.clone()])),
        want("err_es_arrow2")
    );
    let a234 = ones(&[2, 3, 4]);
    let a234 = [a234.view()];
    let a234 = &a234[..];
    assert_eq!(msg(einsum("..i", a234)), want("err_es_dot"));
    assert_eq!(msg(einsum("...i->i.", a234)), want("err_es_dot_out"));
    assert_eq!(msg(einsum("...i->i", a234)), want("err_es_ell_out"));
    assert_eq!(
        einsum("...ij->...ji", &[a]).unwrap().shape(),
        &[3, 2],
        "an empty ellipsis is allowed"
    );
}

#[test]
fn multi_dot_and_tensor_solvers_match_numpy() {
    for (name, k) in [
        ("md_two", 4),
        ("md_three", 30),
        ("md_three_rev", 30),
        ("md_chain", 20),
        ("md_vec_first", 5),
        ("md_vec_last", 5),
        ("md_vec_both", 5),
    ] {
        let ops = operands(name);
        let views: Vec<_> = ops.iter().map(|o| o.view()).collect();
        close_f64(name, &multi_dot(&views).unwrap(), k);
    }
    // Solutions of well-conditioned (diagonally dominated) systems: a few hundred eps.
    let x = tensorsolve(&f64s("ts_a"), &f64s("ts_b"), None).unwrap();
    close_f64("ts_x", &x, 60);
    let x = tensorsolve(&f64s("ts2_a"), &f64s("ts2_b"), Some(&[0])).unwrap();
    close_f64("ts2_x", &x, 400);
    close_f64("ti_inv", &tensorinv(&f64s("ti_a"), 2).unwrap(), 400);
    close_f64("ti1_inv", &tensorinv(&f64s("ti1_a"), 1).unwrap(), 60);

    let want = |n: &str| get(n).string();
    let ones = |shape: &[usize]| {
        NdArray::from_shape_vec(shape, vec![1.0f64; shape.iter().product()]).unwrap()
    };
    let (a23, a22, a234) = (ones(&[2, 3]), ones(&[2, 2]), ones(&[2, 3, 4]));
    assert_eq!(msg(multi_dot(&[a23.view()])), want("err_md_one"));
    let a322 = ones(&[3, 2, 2]);
    assert_eq!(
        msg(multi_dot(&[a23.view(), a322.view(), a22.view()])),
        want("err_md_3d")
    );
    // NumPy's message carries a source line's indentation; numerust's has one space.
    let squeeze = |m: String| m.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        msg(tensorsolve(&a234, &a23, None)),
        squeeze(want("err_ts_req"))
    );
    assert_eq!(msg(tensorinv(&a234, 0)), want("err_ti_ind"));
}

/// A random `rows x cols` f64 matrix in [-1, 1).
fn mat(rows: usize, cols: usize) -> impl Strategy<Value = NdArray<f64>> {
    proptest::collection::vec(-1.0f64..1.0, rows * cols)
        .prop_map(move |v| NdArray::from_shape_vec(&[rows, cols], v).unwrap())
}

fn dims() -> impl Strategy<Value = (usize, usize, usize, usize)> {
    (1usize..40, 1usize..40, 1usize..40, 1usize..40)
}

proptest! {
    /// (AB)C equals A(BC) within the forward error bound of both orders.
    #[test]
    fn matmul_is_associative(
        (a, b, c) in dims().prop_flat_map(|(m, k, l, n)| (mat(m, k), mat(k, l), mat(l, n)))
    ) {
        let (k, l) = (b.shape()[0], b.shape()[1]);
        let left = matmul(&matmul(&a, &b).unwrap(), &c).unwrap();
        let right = matmul(&a, &matmul(&b, &c).unwrap()).unwrap();
        // |(AB)C - A(BC)| <= 2 (k + l) eps |A||B||C|, entries of |A||B||C| <= k l.
        let tol = 2.0 * (k + l) as f64 * f64::EPSILON * (k * l) as f64;
        for (x, y) in left.iter().zip(right.iter()) {
            prop_assert!((x - y).abs() <= tol, "{x} vs {y} (tol {tol:e})");
        }
    }

    /// A transposed (or reversed) operand read in place gives the same bits as its copy.
    #[test]
    fn layout_does_not_change_bits(a in mat(23, 31), b in mat(23, 17)) {
        let at = a.t();
        let direct = matmul(&at, &b).unwrap();
        let copied = matmul(&at.as_standard_layout(), &b).unwrap();
        prop_assert_eq!(direct.to_vec(), copied.to_vec());
        let rev = b.slice(s![..;-1, ..]);
        let a_rev = a.slice(s![.., ..;-1]);
        let x = matmul(&a_rev.t(), &rev).unwrap();
        let y = matmul(&a_rev.t().to_owned(), &rev.to_owned()).unwrap();
        prop_assert_eq!(x.to_vec(), y.to_vec());
    }

    /// dot of vectors against a naive sum.
    #[test]
    fn dot_matches_naive(v in proptest::collection::vec((-1.0f64..1.0, -1.0f64..1.0), 0..300)) {
        let (x, y): (Vec<f64>, Vec<f64>) = v.into_iter().unzip();
        let n = x.len();
        let got = dot(&NdArray::from_vec(x.clone()), &NdArray::from_vec(y.clone())).unwrap();
        let want: f64 = x.iter().zip(&y).map(|(a, b)| a * b).sum();
        let mag: f64 = x.iter().zip(&y).map(|(a, b)| (a * b).abs()).sum();
        prop_assert_eq!(got.shape(), &[] as &[usize]);
        let g = got.to_vec()[0];
        prop_assert!((g - want).abs() <= (n + 1) as f64 * f64::EPSILON * mag, "{g} vs {want}");
    }
}
