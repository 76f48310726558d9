//! Reference cases of one NumPy topic (tests/reference/<topic>.npz) as numerust arrays, for
//! the linalg test files. Each test binary reads one topic, named once by its `TOPIC`.

#![allow(dead_code)]

use numerust_core::{Complex64, NdArray};
use numerust_testutil::npy::{NpyArray, NpyData, load_reference};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The cases of `topic`, loaded on first use (one topic per test binary).
pub fn refs(topic: &'static str) -> &'static BTreeMap<String, NpyArray> {
    static REFS: OnceLock<(&str, BTreeMap<String, NpyArray>)> = OnceLock::new();
    let (loaded, refs) = REFS.get_or_init(|| (topic, load_reference(topic)));
    assert_eq!(*loaded, topic, "one reference topic per test binary");
    refs
}

/// One case of `topic`.
pub fn get(topic: &'static str, name: &str) -> &'static NpyArray {
    refs(topic)
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing from {topic}.npz"))
}

/// A case as an `f64` array.
pub fn f64s(topic: &'static str, name: &str) -> NdArray<f64> {
    let r = get(topic, name);
    NdArray::from_shape_vec(&r.shape, r.f64s()).unwrap()
}

/// A case as an `f32` array.
pub fn f32s(topic: &'static str, name: &str) -> NdArray<f32> {
    let r = get(topic, name);
    NdArray::from_shape_vec(&r.shape, r.f32s()).unwrap()
}

/// A case as an `i64` array.
pub fn i64s(topic: &'static str, name: &str) -> NdArray<i64> {
    let r = get(topic, name);
    NdArray::from_shape_vec(&r.shape, r.i64s()).unwrap()
}

/// A `complex128` case.
pub fn c128s(topic: &'static str, name: &str) -> NdArray<Complex64> {
    let r = get(topic, name);
    let NpyData::C128(v) = &r.data else {
        panic!("{name}: not complex128")
    };
    let v = v.iter().map(|&(re, im)| Complex64::new(re, im)).collect();
    NdArray::from_shape_vec(&r.shape, v).unwrap()
}
