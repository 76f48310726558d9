//! Simple ufuncs against NumPy (tools/reference/topics/ufunc_simple.py): unary math, rounding,
//! classification, clip, nan_to_num, min/max, comparisons, logical/bitwise ops, shifts,
//! where and select, over special values, integer edges, broadcasting and strided views.

use numerust_core::ufunc::classify::{
    NanToNum, clip, clip_scalar, isfinite, isinf, isnan, nan_to_num, nan_to_num_with, signbit,
};
use numerust_core::ufunc::compare::{equal, greater, greater_equal, less, less_equal, not_equal};
use numerust_core::ufunc::logical::{
    bitwise_and, bitwise_or, bitwise_xor, invert, left_shift, logical_and, logical_not, logical_or,
    logical_xor, right_shift,
};
use numerust_core::ufunc::rounding::{ceil, floor, rint, round, trunc};
use numerust_core::ufunc::select::{select, where_, where_into};
use numerust_core::ufunc::simple::{
    Real, RealFloat, abs, copysign, deg2rad, fmax, fmin, hypot, maximum, minimum, rad2deg,
    reciprocal, sign, sqrt, square,
};
use numerust_core::{Element, NdArray, NdError, NdResult, s};
use numerust_testutil::npy::{NpyArray, NpyData, load_reference};

type Unary<T, U> = fn(&NdArray<T>) -> NdArray<U>;
type Binary<T, U> = fn(&NdArray<T>, &NdArray<T>) -> NdResult<NdArray<U>>;

/// Floats equal bit for bit, any NaN equal to any NaN.
#[track_caller]
fn check_float<T: Element + Into<f64>>(name: &str, got: &NdArray<T>, want: &NpyArray) {
    assert_eq!(got.shape(), want.shape.as_slice(), "{name}: shape");
    let w = want.f64s();
    for (i, (g, w)) in got.to_vec().into_iter().map(Into::into).zip(w).enumerate() {
        let g: f64 = g;
        assert!(
            g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
            "{name}[{i}]: got {g:e}, NumPy {w:e}"
        );
    }
}

fn ref_ints(a: &NpyArray) -> Vec<i128> {
    match &a.data {
        NpyData::Int(v) => v.iter().map(|&x| x as i128).collect(),
        NpyData::UInt(v) => v.iter().map(|&x| x as i128).collect(),
        NpyData::Bool(v) => v.iter().map(|&x| x as i128).collect(),
        other => panic!("not integers: {other:?}"),
    }
}

#[track_caller]
fn check_int<T: Element + Into<i128>>(name: &str, got: &NdArray<T>, want: &NpyArray) {
    assert_eq!(got.shape(), want.shape.as_slice(), "{name}: shape");
    let g: Vec<i128> = got.to_vec().into_iter().map(Into::into).collect();
    assert_eq!(g, ref_ints(want), "{name}");
}

#[track_caller]
fn check_bool(name: &str, got: &NdArray<bool>, want: &NpyArray) {
    assert_eq!(got.shape(), want.shape.as_slice(), "{name}: shape");
    assert_eq!(got.to_vec(), want.bools(), "{name}");
}

fn float_unary<T: RealFloat>() -> Vec<(&'static str, Unary<T, T>)> {
    vec![
        ("abs", abs),
        ("sign", sign),
        ("sqrt", sqrt),
        ("square", square),
        ("reciprocal", reciprocal),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("rint", rint),
        ("deg2rad", deg2rad),
        ("rad2deg", rad2deg),
        ("nan_to_num", nan_to_num),
    ]
}

fn classifiers<T: Real>() -> Vec<(&'static str, Unary<T, bool>)> {
    vec![
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("signbit", signbit),
    ]
}

fn float_binary<T: RealFloat>() -> Vec<(&'static str, Binary<T, T>)> {
    vec![
        ("maximum", maximum),
        ("minimum", minimum),
        ("fmax", fmax),
        ("fmin", fmin),
        ("copysign", copysign),
        ("hypot", hypot),
    ]
}

fn comparisons<T: Element + PartialOrd>() -> Vec<(&'static str, Binary<T, bool>)> {
    vec![
        ("equal", equal),
        ("not_equal", not_equal),
        ("less", less),
        ("less_equal", less_equal),
        ("greater", greater),
        ("greater_equal", greater_equal),
        ("logical_and", logical_and),
        ("logical_or", logical_or),
        ("logical_xor", logical_xor),
    ]
}

/// `g` as a column broadcast against `g` as a row: NumPy's `meshgrid(g, g, indexing="ij")`.
fn grid<T: Element>(g: &[T]) -> (NdArray<T>, NdArray<T>) {
    let col = NdArray::from_shape_vec(&[g.len(), 1], g.to_vec()).unwrap();
    (col, NdArray::from_vec(g.to_vec()))
}

fn float_suite<T: RealFloat + Into<f64>>(dt: &str, conv: fn(f64) -> T) {
    let r = load_reference("ufunc_simple");
    let x = NdArray::from_vec(r["fv"].f64s().into_iter().map(conv).collect());
    for (name, f) in float_unary::<T>() {
        check_float(&format!("{dt}_{name}"), &f(&x), &r[&format!("{dt}_{name}")]);
    }
    for (name, f) in classifiers::<T>() {
        check_bool(&format!("{dt}_{name}"), &f(&x), &r[&format!("{dt}_{name}")]);
    }
    for d in [-3, -1, 0, 1, 2, 3, 9, 12] {
        let key = format!("{dt}_round_{d}");
        check_float(&key, &round(&x, d), &r[&key]);
    }
    let opts = NanToNum {
        nan: conv(-1.0),
        posinf: Some(conv(9.0)),
        neginf: None,
    };
    let key = format!("{dt}_nan_to_num_opts");
    check_float(&key, &nan_to_num_with(&x, opts), &r[&key]);
    let key = format!("{dt}_clip_scalar");
    check_float(&key, &clip_scalar(&x, conv(-1.0), conv(2.0)), &r[&key]);
    let key = format!("{dt}_clip_scalar_zero");
    check_float(&key, &clip_scalar(&x, conv(-0.0), conv(0.0)), &r[&key]);

    let g: Vec<T> = r["g"].f64s().into_iter().map(conv).collect();
    let (a, b) = grid(&g);
    for (name, f) in float_binary::<T>() {
        let key = format!("{dt}_{name}_grid");
        check_float(&key, &f(&a, &b).unwrap(), &r[&key]);
    }
    for (name, f) in comparisons::<T>() {
        let key = format!("{dt}_{name}_grid");
        check_bool(&key, &f(&a, &b).unwrap(), &r[&key]);
    }
    let hx = NdArray::from_vec(r["hx"].f64s().into_iter().map(conv).collect());
    let hy = NdArray::from_vec(r["hy"].f64s().into_iter().map(conv).collect());
    let key = format!("{dt}_hypot_random");
    check_float(&key, &hypot(&hx, &hy).unwrap(), &r[&key]);
    let n = g.len();
    let gx = NdArray::from_vec(g.clone());
    let cube = clip(
        &gx.reshape([n, 1, 1]).unwrap(),
        &gx.reshape([1, n, 1]).unwrap(),
        &gx.reshape([1, 1, n]).unwrap(),
    )
    .unwrap();
    check_float(
        &format!("{dt}_clip_cube"),
        &cube,
        &r[&format!("{dt}_clip_cube")],
    );
}

#[test]
fn f64_ufuncs_match_numpy_bit_for_bit() {
    float_suite::<f64>("f64", |x| x);
}

#[test]
fn f32_ufuncs_match_numpy_bit_for_bit() {
    float_suite::<f32>("f32", |x| x as f32);
}

/// Integer unary ufuncs, rounding and clip for one integer type.
fn int_suite<T>(name: &str, src: &str, conv: fn(i128) -> T, signed: bool)
where
    T: Real + Into<i128> + numerust_core::ufunc::logical::Bitwise,
{
    let r = load_reference("ufunc_simple");
    let x = NdArray::from_vec(ref_ints(&r[src]).into_iter().map(conv).collect());
    let mut unary: Vec<(&str, Unary<T, T>)> = vec![
        ("sign", sign),
        ("square", square),
        ("reciprocal", reciprocal),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("invert", invert),
    ];
    if signed {
        unary.push(("abs", abs));
    }
    for (f, op) in unary {
        let key = format!("{name}_{f}");
        check_int(&key, &op(&x), &r[&key]);
    }
    let mut bools = classifiers::<T>();
    bools.push(("logical_not", logical_not));
    for (f, op) in bools {
        let key = format!("{name}_{f}");
        check_bool(&key, &op(&x), &r[&key]);
    }
    for d in [-1, -2, 1] {
        let key = format!("{name}_round_{d}");
        check_int(&key, &round(&x, d), &r[&key]);
    }
    let key = format!("{name}_clip");
    check_int(&key, &clip_scalar(&x, conv(1), conv(100)), &r[&key]);
}

#[test]
fn integer_ufuncs_match_numpy() {
    int_suite::<i8>("i8", "i8", |x| x as i8, true);
    int_suite::<u8>("u8", "u8", |x| x as u8, false);
    int_suite::<i64>("i64", "i64", |x| x as i64, true);
    int_suite::<i32>("i32", "i64", |x| x as i32, true);
    int_suite::<u64>("u64", "i64", |x| x as u64, false);
}

#[test]
fn integer_binary_and_shifts_match_numpy() {
    let r = load_reference("ufunc_simple");
    let i8s: Vec<i8> = ref_ints(&r["i8"]).into_iter().map(|x| x as i8).collect();
    let (a, b) = grid(&i8s);
    let ops: Vec<(&str, Binary<i8, i8>)> = vec![
        ("maximum", maximum),
        ("minimum", minimum),
        ("bitwise_and", bitwise_and),
        ("bitwise_or", bitwise_or),
        ("bitwise_xor", bitwise_xor),
    ];
    for (f, op) in ops {
        let key = format!("i8_{f}_grid");
        check_int(&key, &op(&a, &b).unwrap(), &r[&key]);
    }
    for f in ["less", "equal", "logical_and", "logical_xor"] {
        let op = comparisons::<i8>()
            .into_iter()
            .find(|c| c.0 == f)
            .unwrap()
            .1;
        let key = format!("i8_{f}_grid");
        check_bool(&key, &op(&a, &b).unwrap(), &r[&key]);
    }
    fn shifts<T: numerust_core::ufunc::logical::Shift + Into<i128>>(
        r: &std::collections::BTreeMap<String, NpyArray>,
        name: &str,
        vals: &str,
        counts: &str,
        conv: fn(i128) -> T,
    ) {
        let v: Vec<T> = ref_ints(&r[vals]).into_iter().map(conv).collect();
        let c: Vec<T> = ref_ints(&r[counts]).into_iter().map(conv).collect();
        let col = NdArray::from_shape_vec(&[v.len(), 1], v).unwrap();
        let row = NdArray::from_vec(c);
        let key = format!("{name}_left_shift");
        check_int(&key, &left_shift(&col, &row).unwrap(), &r[&key]);
        let key = format!("{name}_right_shift");
        check_int(&key, &right_shift(&col, &row).unwrap(), &r[&key]);
    }
    shifts::<i8>(&r, "i8", "i8", "counts", |x| x as i8);
    shifts::<u8>(&r, "u8", "u8", "cu", |x| x as u8);
    shifts::<i64>(&r, "i64", "i64", "c64", |x| x as i64);

    let (p, q) = grid(&[false, true]);
    let bops: Vec<(&str, Binary<bool, bool>)> = vec![
        ("bitwise_and", bitwise_and),
        ("bitwise_or", bitwise_or),
        ("bitwise_xor", bitwise_xor),
        ("logical_and", logical_and),
        ("logical_or", logical_or),
        ("logical_xor", logical_xor),
        ("less", less),
        ("greater_equal", greater_equal),
    ];
    for (f, op) in bops {
        let key = format!("bool_{f}_grid");
        check_bool(&key, &op(&p, &q).unwrap(), &r[&key]);
    }
    check_bool(
        "bool_invert",
        &invert(&NdArray::from_vec(vec![false, true])),
        &r["bool_invert"],
    );
}

#[test]
fn strided_transposed_and_broadcast_operands_match_numpy() {
    let r = load_reference("ufunc_simple");
    let m = NdArray::from_shape_vec(&r["m"].shape, r["m"].f64s()).unwrap();
    let mt = m.t();
    let v = mt.slice(s![..;2, ..;-1]);
    check_float("m_sqrt_view", &sqrt(&v), &r["m_sqrt_view"]);
    check_float("m_rint_view", &rint(&v), &r["m_rint_view"]);
    check_float("m_round2_view", &round(&v, 2), &r["m_round2_view"]);
    let col = m.slice(s![0, ..;-2]).to_owned().reshape([4, 1]).unwrap();
    check_float(
        "m_maximum_bcast",
        &maximum(&v, &col).unwrap(),
        &r["m_maximum_bcast"],
    );
    let row = m.slice(s![..;-1, 1]);
    check_bool(
        "m_greater_bcast",
        &greater(&v, &row).unwrap(),
        &r["m_greater_bcast"],
    );
    let zero = NdArray::from_elem_0d(0.0);
    check_float(
        "m_where",
        &where_(&v.gt_scalar(0.5), &v, &zero).unwrap(),
        &r["m_where"],
    );
    let a = mt.slice(s![..;2, ..]);
    let mrt = m.slice(s![..;-1, ..]);
    let b = mrt.t();
    let b = b.slice(s![..;2, ..]);
    let w3 = where_(&a.gt_scalar(0.0), &(&a * 2.0), &b).unwrap();
    check_float("m_where3", &w3, &r["m_where3"]);
    let mut into = NdArray::from_elem_0d(0.0)
        .broadcast_to(&[4, 6])
        .unwrap()
        .to_owned();
    where_into(&a.gt_scalar(0.0), &(&a * 2.0), &b, &mut into.view_mut()).unwrap();
    check_float("m_where3 into", &into, &r["m_where3"]);
    let cond = m.slice(s![0, ..4]).to_owned().reshape([4, 1]).unwrap();
    let x = m.slice(s![..;2, ..;-1]);
    let x = x.slice(s![0..1, ..6]);
    let y = mt.slice(s![1..5, ..1]);
    let wb = where_(&cond.gt_scalar(0.0), &x, &y).unwrap();
    check_float("m_where_bcast", &wb, &r["m_where_bcast"]);

    let conds = [m.gt_scalar(1.0), m.lt_scalar(-1.0), isnan(&m)];
    let choices = [&m * 10.0, &(&m * 0.0) - 1.0, NdArray::from_elem_0d(99.0)];
    check_float(
        "m_select",
        &select(&conds, &choices, 0.5).unwrap(),
        &r["m_select"],
    );
}

#[test]
fn errors_and_into_forms() {
    let a = NdArray::from_vec(vec![1.0, 2.0, 3.0]);
    let b = NdArray::from_vec(vec![1.0, 2.0]);
    assert!(matches!(maximum(&a, &b), Err(NdError::Broadcast { .. })));
    assert!(less(&a, &b).is_err());
    let conds: [NdArray<bool>; 0] = [];
    let choices: [NdArray<f64>; 0] = [];
    let err = select(&conds, &choices, 0.0).unwrap_err();
    assert_eq!(
        err.to_string(),
        NdError::InvalidValue("select with an empty condition list is not possible".into())
            .to_string()
    );
    assert!(select(&[a.gt_scalar(1.0)], &[a.clone(), a.clone()], 0.0).is_err());
    let mut out = NdArray::from_vec(vec![0.0; 3]);
    numerust_core::ufunc::simple::sqrt_into(&NdArray::from_elem_0d(4.0), &mut out.view_mut())
        .unwrap();
    assert_eq!(out.to_vec(), vec![2.0; 3]);
    let mut flags = NdArray::from_vec(vec![false; 3]);
    numerust_core::ufunc::compare::greater_into(
        &a,
        &NdArray::from_elem_0d(1.5),
        &mut flags.view_mut(),
    )
    .unwrap();
    assert_eq!(flags.to_vec(), vec![false, true, true]);
    let mut small = NdArray::from_vec(vec![0.0; 2]);
    assert!(where_into(&a.gt_scalar(1.0), &a, &a, &mut small.view_mut()).is_err());
    // truthy conditions of any type, as NumPy
    let cf = NdArray::from_vec(vec![f64::NAN, -0.0, 2.0]);
    let w = where_(
        &cf,
        &NdArray::from_elem_0d(1i32),
        &NdArray::from_vec(vec![7, 8, 9]),
    )
    .unwrap();
    assert_eq!(w.to_vec(), vec![1, 8, 1]);
    let ci = NdArray::from_vec(vec![0u8, 3, 0]);
    let w = where_(
        &ci,
        &NdArray::from_vec(vec![1, 2, 3]),
        &NdArray::from_vec(vec![7, 8, 9]),
    )
    .unwrap();
    assert_eq!(w.to_vec(), vec![7, 2, 9]);
    // operators
    let m = &a.gt_scalar(1.0) & &a.lt_scalar(3.0);
    assert_eq!(m.to_vec(), vec![false, true, false]);
    assert_eq!((!&m).to_vec(), vec![true, false, true]);
    assert_eq!(
        (&m | &a.view().equal_scalar(1.0)).to_vec(),
        vec![true, true, false]
    );
    let i = NdArray::from_vec(vec![0b1100u8, 0b1010]);
    assert_eq!((&i ^ &i.view()).to_vec(), vec![0, 0]);
    assert_eq!((!i).to_vec(), vec![0b1111_0011, 0b1111_0101]);
    let bad = std::panic::catch_unwind(|| &a.gt_scalar(0.0) & &b.gt_scalar(0.0));
    assert!(bad.is_err());
    // methods
    assert_eq!(
        a.lt(&b.slice(s![..1])).unwrap().to_vec(),
        vec![false, false, false]
    );
    assert_eq!(a.equal_scalar(2.0).to_vec(), vec![false, true, false]);
    assert_eq!(a.clip(1.5, 2.5).to_vec(), vec![1.5, 2.0, 2.5]);
    assert_eq!((-&a).abs().to_vec(), a.to_vec());
    assert_eq!(a.round(0).to_vec(), a.to_vec());
}

/// Long inputs go through the threaded drivers: every element still equals the per-element
/// rule, whatever the split.
#[test]
fn long_inputs_match_the_per_element_rule() {
    let n = if cfg!(miri) { 301 } else { 200_003 };
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    let v: Vec<f64> = (0..n)
        .map(|i| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            match i % 97 {
                0 => f64::NAN,
                1 => -0.0,
                2 => f64::INFINITY,
                _ => ((s >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 40.0,
            }
        })
        .collect();
    let a = NdArray::from_vec(v.clone());
    let rev = a.slice(s![..;-1]);
    let same = |got: Vec<f64>, want: Vec<f64>| {
        assert_eq!(got.len(), want.len());
        assert!(
            got.iter()
                .zip(&want)
                .all(|(g, w)| g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()))
        );
    };
    same(
        round(&a, 2).to_vec(),
        v.iter()
            .map(|&x| (x * 100.0).round_ties_even() / 100.0)
            .collect(),
    );
    same(
        maximum(&a, &rev).unwrap().to_vec(),
        v.iter()
            .zip(v.iter().rev())
            .map(|(&x, &y)| if x > y || x.is_nan() { x } else { y })
            .collect(),
    );
    same(
        clip_scalar(&rev, -1.0, 1.0).to_vec(),
        v.iter()
            .rev()
            .map(|&x| if x.is_nan() { x } else { x.clamp(-1.0, 1.0) })
            .collect(),
    );
    let zero = NdArray::from_elem_0d(0.0);
    same(
        where_(&a.gt_scalar(0.5), &a, &zero).unwrap().to_vec(),
        v.iter().map(|&x| if x > 0.5 { x } else { 0.0 }).collect(),
    );
    same(
        where_(&a.gt_scalar(0.5), &a, &rev).unwrap().to_vec(),
        v.iter()
            .zip(v.iter().rev())
            .map(|(&x, &y)| if x > 0.5 { x } else { y })
            .collect(),
    );
    assert_eq!(
        isnan(&a).to_vec(),
        v.iter().map(|x| x.is_nan()).collect::<Vec<_>>()
    );
}
