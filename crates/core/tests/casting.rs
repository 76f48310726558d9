//! `astype` against NumPy for every pair of dtypes, including NaN, ±inf and out-of-range
//! floats, where numerust reproduces NumPy's x86-64 results.

use numerust_core::{Complex, Element, NdArray, cast::CastTo};
use numerust_testutil::npy::{NpyArray, NpyData, load_reference};
use std::collections::BTreeMap;

/// Rust values in the loader's representation, compared bit for bit.
trait ToRef: Element {
    fn to_ref(v: Vec<Self>) -> NpyData;
    fn from_ref(a: &NpyArray) -> Vec<Self>;
}

macro_rules! int_ref {
    ($($t:ty => $var:ident as $w:ty),*) => {$(
        impl ToRef for $t {
            fn to_ref(v: Vec<Self>) -> NpyData { NpyData::$var(v.into_iter().map(|x| x as $w).collect()) }
            fn from_ref(a: &NpyArray) -> Vec<Self> {
                match &a.data { NpyData::$var(v) => v.iter().map(|&x| x as $t).collect(), d => panic!("{d:?}") }
            }
        }
    )*};
}
int_ref!(i8 => Int as i64, i16 => Int as i64, i32 => Int as i64, i64 => Int as i64,
         u8 => UInt as u64, u16 => UInt as u64, u32 => UInt as u64, u64 => UInt as u64);

impl ToRef for bool {
    fn to_ref(v: Vec<Self>) -> NpyData {
        NpyData::Bool(v)
    }
    fn from_ref(a: &NpyArray) -> Vec<Self> {
        a.bools()
    }
}
impl ToRef for f32 {
    fn to_ref(v: Vec<Self>) -> NpyData {
        NpyData::F32(v)
    }
    fn from_ref(a: &NpyArray) -> Vec<Self> {
        a.f32s()
    }
}
impl ToRef for f64 {
    fn to_ref(v: Vec<Self>) -> NpyData {
        NpyData::F64(v)
    }
    fn from_ref(a: &NpyArray) -> Vec<Self> {
        a.f64s()
    }
}
impl ToRef for Complex<f32> {
    fn to_ref(v: Vec<Self>) -> NpyData {
        NpyData::C64(v.into_iter().map(|c| (c.re, c.im)).collect())
    }
    fn from_ref(a: &NpyArray) -> Vec<Self> {
        match &a.data {
            NpyData::C64(v) => v.iter().map(|&(r, i)| Complex::new(r, i)).collect(),
            d => panic!("{d:?}"),
        }
    }
}
impl ToRef for Complex<f64> {
    fn to_ref(v: Vec<Self>) -> NpyData {
        NpyData::C128(v.into_iter().map(|c| (c.re, c.im)).collect())
    }
    fn from_ref(a: &NpyArray) -> Vec<Self> {
        match &a.data {
            NpyData::C128(v) => v.iter().map(|&(r, i)| Complex::new(r, i)).collect(),
            d => panic!("{d:?}"),
        }
    }
}

/// Bitwise equality of loader data, except that any two NaNs are equal (NaN payloads are
/// not part of NumPy's contract, and Miri randomises them).
fn same(a: &NpyData, b: &NpyData) -> bool {
    fn f32_eq(x: f32, y: f32) -> bool {
        x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
    }
    fn f64_eq(x: f64, y: f64) -> bool {
        x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
    }
    fn all<T>(x: &[T], y: &[T], eq: impl Fn(&T, &T) -> bool) -> bool {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
    }
    match (a, b) {
        (NpyData::F32(x), NpyData::F32(y)) => all(x, y, |p, q| f32_eq(*p, *q)),
        (NpyData::F64(x), NpyData::F64(y)) => all(x, y, |p, q| f64_eq(*p, *q)),
        (NpyData::C64(x), NpyData::C64(y)) => {
            all(x, y, |p, q| f32_eq(p.0, q.0) && f32_eq(p.1, q.1))
        }
        (NpyData::C128(x), NpyData::C128(y)) => {
            all(x, y, |p, q| f64_eq(p.0, q.0) && f64_eq(p.1, q.1))
        }
        _ => a == b,
    }
}

fn check_pair<S: ToRef + CastTo<D>, D: ToRef>(
    r: &BTreeMap<String, NpyArray>,
    failures: &mut Vec<String>,
) {
    let (src, dst) = (S::DTYPE.name(), D::DTYPE.name());
    let input = NdArray::from_vec(S::from_ref(&r[src]));
    let got = D::to_ref(input.astype::<D>().to_vec());
    let want = &r[&format!("{src}->{dst}")].data;
    if !same(&got, want) {
        failures.push(format!("{src}->{dst}: got {got:?}, NumPy {want:?}"));
    }
}

macro_rules! all_targets {
    ($r:expr, $f:expr, $s:ty) => {
        check_pair::<$s, bool>($r, $f);
        check_pair::<$s, i8>($r, $f);
        check_pair::<$s, i16>($r, $f);
        check_pair::<$s, i32>($r, $f);
        check_pair::<$s, i64>($r, $f);
        check_pair::<$s, u8>($r, $f);
        check_pair::<$s, u16>($r, $f);
        check_pair::<$s, u32>($r, $f);
        check_pair::<$s, u64>($r, $f);
        check_pair::<$s, f32>($r, $f);
        check_pair::<$s, f64>($r, $f);
        check_pair::<$s, Complex<f32>>($r, $f);
        check_pair::<$s, Complex<f64>>($r, $f);
    };
}

#[test]
fn astype_matches_numpy_for_every_pair() {
    let r = load_reference("casting");
    let mut failures = Vec::new();
    all_targets!(&r, &mut failures, bool);
    all_targets!(&r, &mut failures, i8);
    all_targets!(&r, &mut failures, i16);
    all_targets!(&r, &mut failures, i32);
    all_targets!(&r, &mut failures, i64);
    all_targets!(&r, &mut failures, u8);
    all_targets!(&r, &mut failures, u16);
    all_targets!(&r, &mut failures, u32);
    all_targets!(&r, &mut failures, u64);
    all_targets!(&r, &mut failures, f32);
    all_targets!(&r, &mut failures, f64);
    all_targets!(&r, &mut failures, Complex<f32>);
    all_targets!(&r, &mut failures, Complex<f64>);
    assert!(
        failures.is_empty(),
        "{} pairs differ from NumPy:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
