//! Printing against NumPy 2.4: `Display` must equal `str(a)` and `Debug` must equal
//! `repr(a)`, character for character (tests/reference/printing.npz, written by
//! tools/reference/topics/printing.py).

use numerust_core::{Complex, Element, NdArray, array_repr, array_str, s};
use numerust_testutil::npy::{NpyArray, NpyData, load_reference};
use std::collections::BTreeMap;

/// Compares one array's str and repr (through NdArray, ArrayView and ArrayViewMut) with
/// NumPy's; returns a description of each mismatch.
fn check<T: Element>(name: &str, mut a: NdArray<T>, want: &[String]) -> Vec<String> {
    let mut bad = Vec::new();
    let mut cmp = |what: &str, got: String, want: &str| {
        if got != want {
            bad.push(format!(
                "{name} {what}:\n--- numerust\n{got}\n--- numpy\n{want}\n"
            ));
        }
    };
    cmp("str", a.to_string(), &want[0]);
    cmp("repr", format!("{a:?}"), &want[1]);
    cmp("view str", a.view().to_string(), &want[0]);
    cmp("view repr", format!("{:?}", a.view()), &want[1]);
    cmp("view_mut str", a.view_mut().to_string(), &want[0]);
    cmp("view_mut repr", format!("{:?}", a.view_mut()), &want[1]);
    bad
}

fn shaped<T: Element>(x: &NpyArray, v: Vec<T>) -> NdArray<T> {
    NdArray::from_shape_vec(&x.shape, v).expect("shape matches data")
}

fn narrow<T: TryFrom<i64>>(v: &[i64]) -> Vec<T> {
    v.iter()
        .map(|&x| T::try_from(x).ok().expect("value fits the dtype"))
        .collect()
}

/// Builds the stored input array with its NumPy dtype and checks it.
fn check_stored(name: &str, x: &NpyArray, want: &[String]) -> Vec<String> {
    match (&x.data, x.descr.as_str()) {
        (NpyData::F64(v), _) => check(name, shaped(x, v.clone()), want),
        (NpyData::F32(v), _) => check(name, shaped(x, v.clone()), want),
        (NpyData::Bool(v), _) => check(name, shaped(x, v.clone()), want),
        (NpyData::C128(v), _) => {
            let v = v.iter().map(|&(re, im)| Complex::new(re, im)).collect();
            check(name, shaped::<Complex<f64>>(x, v), want)
        }
        (NpyData::C64(v), _) => {
            let v = v.iter().map(|&(re, im)| Complex::new(re, im)).collect();
            check(name, shaped::<Complex<f32>>(x, v), want)
        }
        (NpyData::Int(v), "|i1") => check(name, shaped::<i8>(x, narrow(v)), want),
        (NpyData::Int(v), "<i2") => check(name, shaped::<i16>(x, narrow(v)), want),
        (NpyData::Int(v), "<i4") => check(name, shaped::<i32>(x, narrow(v)), want),
        (NpyData::Int(v), "<i8") => check(name, shaped(x, v.clone()), want),
        (NpyData::UInt(v), d) => {
            let w: Vec<i64> = v.iter().map(|&u| u as i64).collect();
            match d {
                "|u1" => check(name, shaped::<u8>(x, narrow(&w)), want),
                "<u2" => check(name, shaped::<u16>(x, narrow(&w)), want),
                "<u4" => check(name, shaped::<u32>(x, narrow(&w)), want),
                _ => check(name, shaped(x, v.clone()), want),
            }
        }
        (_, d) => vec![format!("{name}: unexpected dtype {d}")],
    }
}

/// NumPy's `((arange(n) * 7919) % 10007) / 10007.0 - 0.5`.
fn pseudo(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| ((i * 7919) % 10007) as f64 / 10007.0 - 0.5)
        .collect()
}

fn arr<T: Element>(shape: &[usize], v: Vec<T>) -> NdArray<T> {
    NdArray::from_shape_vec(shape, v).expect("shape matches data")
}

/// The arrays above the threshold, rebuilt with the formulas of printing.py.
fn check_generated(name: &str, want: &[String]) -> Vec<String> {
    let ints = |n: usize| (0..n as i64).collect::<Vec<i64>>();
    let floats = |n: usize| (0..n).map(|i| i as f64).collect::<Vec<f64>>();
    match name {
        "gen_f64_arange_2000" => check(name, arr(&[2000], floats(2000)), want),
        "gen_u8_zeros_1000" => check(name, arr(&[1000], vec![0u8; 1000]), want),
        "gen_f64_pseudo_1001" => check(name, arr(&[1001], pseudo(1001)), want),
        "gen_f64_div3_100x100" => {
            let v = floats(10000).into_iter().map(|x| x / 3.0).collect();
            check(name, arr(&[100, 100], v), want)
        }
        "gen_f64_pseudo_7x2x80" => {
            let v = pseudo(1120).into_iter().map(|x| x * 4.0).collect();
            check(name, arr(&[7, 2, 80], v), want)
        }
        "gen_f64_2x1001" => check(name, arr(&[2, 1001], floats(2002)), want),
        "gen_f64_exp_2001" => {
            let v = floats(2001).into_iter().map(|x| x * 5e6).collect();
            check(name, arr(&[2001], v), want)
        }
        "gen_f64_nan_1500" => {
            let v = (0..1500)
                .map(|i| if i % 7 == 0 { f64::NAN } else { i as f64 * 0.5 })
                .collect();
            check(name, arr(&[1500], v), want)
        }
        "gen_f32_3000" => {
            let v = (0..3000).map(|i| i as f32 / 7.0).collect();
            check(name, arr(&[3000], v), want)
        }
        "gen_i64_3000" => check(name, arr(&[3000], ints(3000)), want),
        "gen_i8_2000" => {
            let v = (0..2000).map(|i| (i % 256 - 128) as i8).collect();
            check(name, arr(&[2000], v), want)
        }
        "gen_i64_200x200" => check(name, arr(&[200, 200], ints(40000)), want),
        "gen_u64_2x3x2x100" => {
            let v = (0..1200u64).collect();
            check(name, arr(&[2, 3, 2, 100], v), want)
        }
        "gen_bool_2000" => {
            let v = (0..2000).map(|i| i % 2 == 0).collect();
            check(name, arr(&[2000], v), want)
        }
        "gen_c128_1200" => {
            let v = (0..1200)
                .map(|i| Complex::new(i as f64 * 0.5, i as f64 * -2.0))
                .collect();
            check(name, arr(&[1200], v), want)
        }
        "gen_i64_30x100_t" => check(name, arr(&[30, 100], ints(3000)).t(), want),
        _ => vec![format!("{name}: no generator")],
    }
}

/// Views of `view_base` (a 3x4 float array), printed in logical order.
fn check_view(name: &str, base: &NdArray<f64>, want: &[String]) -> Vec<String> {
    let v = base.view();
    let (got_str, got_repr) = match name {
        "view_t" => (array_str(&v.t()), array_repr(&v.t())),
        "view_rev" => {
            let w = v.slice(s![..;-1]);
            (w.to_string(), format!("{w:?}"))
        }
        "view_step" => {
            let w = v.slice(s![.., ..;2]);
            (w.to_string(), format!("{w:?}"))
        }
        "view_neg_step" => {
            let w = v.slice(s![1.., ..;-3]);
            (w.to_string(), format!("{w:?}"))
        }
        "view_col" => {
            let w = v.slice(s![.., 1]);
            (w.to_string(), format!("{w:?}"))
        }
        _ => return vec![format!("{name}: no view")],
    };
    let mut bad = Vec::new();
    if got_str != want[0] {
        bad.push(format!("{name} str:\n{got_str}\n--- numpy\n{}\n", want[0]));
    }
    if got_repr != want[1] {
        bad.push(format!(
            "{name} repr:\n{got_repr}\n--- numpy\n{}\n",
            want[1]
        ));
    }
    bad
}

/// Case name with its expected [str(a), repr(a)].
type Expected = Vec<(String, [String; 2])>;

/// The reference file and its expected texts.
fn reference() -> (BTreeMap<String, NpyArray>, Expected) {
    let r = load_reference("printing");
    let utf8 = |key: &str| {
        let bytes: Vec<u8> = r[key].i64s().iter().map(|&b| b as u8).collect();
        String::from_utf8(bytes).expect("UTF-8 text")
    };
    let names = utf8("names");
    let texts = utf8("texts");
    let parts: Vec<&str> = texts.split('\0').collect();
    let names: Vec<&str> = names.split('\n').collect();
    assert_eq!(
        parts.len(),
        2 * names.len(),
        "one str and one repr per case"
    );
    let cases = names
        .iter()
        .zip(parts.chunks(2))
        .map(|(n, t)| (n.to_string(), [t[0].to_string(), t[1].to_string()]))
        .collect();
    (r, cases)
}

#[test]
fn str_and_repr_match_numpy() {
    let (r, cases) = reference();
    let base = match &r["view_base"].data {
        NpyData::F64(v) => arr(&r["view_base"].shape, v.clone()),
        other => panic!("view_base: {other:?}"),
    };
    let mut bad = Vec::new();
    for (name, want) in &cases {
        bad.extend(if name.starts_with("gen_") {
            check_generated(name, want)
        } else if name.starts_with("view_") {
            check_view(name, &base, want)
        } else {
            check_stored(name, &r[name], want)
        });
    }
    assert!(cases.len() > 150, "only {} cases loaded", cases.len());
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn zero_d_and_empty_examples() {
    let x = NdArray::from_elem_0d(0.1f32);
    assert_eq!(x.to_string(), "0.1");
    assert_eq!(format!("{x:?}"), "array(0.1, dtype=float32)");
    let z = NdArray::from_elem_0d(Complex::new(0.0, 1.0));
    assert_eq!(z.to_string(), "1j");
    assert_eq!(format!("{z:?}"), "array(0.+1.j)");
    let e = NdArray::<bool>::from_vec(vec![]);
    assert_eq!(e.to_string(), "[]");
    assert_eq!(format!("{e:?}"), "array([], dtype=bool)");
}
