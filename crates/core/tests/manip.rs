//! Rearranging against NumPy: `tile`, `repeat`, `flip`/`flipud`/`fliplr`, `roll`/`roll_axes`
//! and `pad` in every mode (tests/reference/manip.npz), with NumPy's error messages, plus
//! laws: flip is a view and an involution, rolling by the length is the identity, and
//! padding then slicing out the centre gives the input back.

use numerust_core::{
    AsView, NdArray, NdError, Order, PadMode, Repeats, flip, fliplr, flipud, pad, repeat, roll,
    roll_axes, s, shares_memory, tile, zeros,
};
use numerust_testutil::npy::{NpyArray, load_reference};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn refs() -> &'static BTreeMap<String, NpyArray> {
    static REFS: OnceLock<BTreeMap<String, NpyArray>> = OnceLock::new();
    REFS.get_or_init(|| load_reference("manip"))
}

fn expected(name: &str) -> &'static NpyArray {
    refs()
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing from manip.npz"))
}

/// Asserts shape and every element against the reference array `name`.
fn check(name: &str, got: &impl AsView<i64>) {
    let (want, got) = (expected(name), got.as_view());
    assert_eq!(got.shape(), want.shape.as_slice(), "{name}: shape");
    assert_eq!(got.to_vec(), want.i64s(), "{name}: values");
}

fn message<T>(r: Result<T, NdError>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

/// `np.arange(lo, hi).reshape(shape)` as int64.
fn ar(lo: i64, hi: i64, shape: &[usize]) -> NdArray<i64> {
    NdArray::from_shape_vec(shape, (lo..hi).collect()).unwrap()
}

fn v3() -> NdArray<i64> {
    ar(0, 3, &[3])
}
fn a23() -> NdArray<i64> {
    ar(0, 6, &[2, 3])
}
fn x() -> NdArray<i64> {
    ar(0, 24, &[2, 3, 4])
}
fn s7() -> NdArray<i64> {
    NdArray::from_elem_0d(7)
}

#[test]
fn tile_matches_numpy() {
    check("tile_1d_2", &tile(&v3(), &[2]).unwrap());
    check("tile_1d_22", &tile(&v3(), &[2, 2]).unwrap());
    check("tile_2d_212", &tile(&a23(), &[2, 1, 2]).unwrap());
    check("tile_3d_short", &tile(&x(), &[2]).unwrap());
    check("tile_t", &tile(&a23().t(), &[1, 2]).unwrap());
    check("tile_0d", &tile(&s7(), &[2, 3]).unwrap());
    check("tile_zero", &tile(&a23(), &[0, 2]).unwrap());
    let x = x();
    check(
        "tile_neg",
        &tile(&x.slice(s![.., ..;-1, ..;2]), &[2, 1, 1]).unwrap(),
    );
    let copy = tile(&a23(), &[]).unwrap();
    check("tile_empty_reps", &copy);
    assert!(!shares_memory(&copy, &a23()));
    assert_eq!(
        tile(&a23(), &[usize::MAX, 2]).err(),
        Some(NdError::ShapeOverflow)
    );
}

#[test]
fn repeat_matches_numpy() {
    let (a, x, s) = (a23(), x(), s7());
    check("repeat_none", &repeat(&a, 2, None).unwrap());
    check("repeat_per_ax1", &repeat(&a, &[1, 0, 2], Some(1)).unwrap());
    check("repeat_3d_axm2", &repeat(&x, 2, Some(-2)).unwrap());
    check(
        "repeat_neg_per_ax0",
        &repeat(&x.slice(s![..;-1]), &[2, 1], Some(0)).unwrap(),
    );
    check("repeat_0d", &repeat(&s, 3, None).unwrap());
    check("repeat_0d_ax0", &repeat(&s, 3, Some(0)).unwrap());
    check("repeat_t_ax1", &repeat(&a.t(), 2, Some(1)).unwrap());
    check("repeat_t_none", &repeat(&a.t(), &[2], None).unwrap());
    check(
        "repeat_one_count",
        &repeat(&a, vec![3].as_slice(), Some(0)).unwrap(),
    );
    check(
        "repeat_1d_per",
        &repeat(
            &v3().slice(s![..;-1]),
            Repeats::PerElement(&[3, 0, 1]),
            None,
        )
        .unwrap(),
    );
    check("repeat_zero", &repeat(&x, 0, Some(2)).unwrap());
    // Per-element counts on an N-d array (the general path) agree with a scalar count.
    let counts = vec![2usize; 3];
    assert_eq!(
        repeat(&x, &counts, Some(1)).unwrap().to_vec(),
        repeat(&x, 2, Some(1)).unwrap().to_vec()
    );
}

#[test]
fn flip_matches_numpy_and_is_a_view() {
    let x = x();
    check("flip_all", &flip(&x, None).unwrap());
    check("flip_ax1", &flip(&x, Some(&[1])).unwrap());
    check("flip_ax02", &flip(&x, Some(&[0, 2])).unwrap());
    check("flip_axm1", &flip(&x, Some(&[-1])).unwrap());
    let xf = x.view().to_owned_order(Order::F);
    check("flip_f", &flip(&xf, Some(&[1])).unwrap());
    check("flip_t", &flip(&a23().t(), Some(&[0])).unwrap());
    check("flipud", &flipud(&a23()).unwrap());
    check("fliplr", &fliplr(&x).unwrap());
    check(
        "flip_empty",
        &flip(&zeros::<i64>(&[0, 3]).unwrap(), Some(&[1])).unwrap(),
    );
    check("flip_0d", &flip(&s7(), None).unwrap());
    let f = flip(&x, Some(&[2])).unwrap();
    assert!(shares_memory(&f, &x));
    assert_eq!(f.element_strides(), &[12, 4, -1]);
    assert_eq!(flip(&f, Some(&[2])).unwrap().to_vec(), x.to_vec());
}

#[test]
fn roll_matches_numpy() {
    let (x, r10) = (x(), ar(0, 10, &[10]));
    check("roll_1d_3", &roll(&r10, 3, None).unwrap());
    check("roll_1d_m13", &roll(&r10, -13, None).unwrap());
    check("roll_2d_none", &roll(&a23(), 1, None).unwrap());
    check("roll_3d_ax1", &roll(&x, 2, Some(1)).unwrap());
    check("roll_3d_multi", &roll_axes(&x, &[1, -1], &[0, 2]).unwrap());
    check(
        "roll_3d_repeat_axis",
        &roll_axes(&x, &[1, 2], &[2, 2]).unwrap(),
    );
    check("roll_3d_bshift", &roll_axes(&x, &[1], &[0, 1, 2]).unwrap());
    check("roll_t_ax0", &roll(&a23().t(), 1, Some(0)).unwrap());
    check(
        "roll_neg_none",
        &roll(&x.slice(s![.., ..;-1]), 5, None).unwrap(),
    );
    check(
        "roll_empty",
        &roll(&zeros::<i64>(&[0, 3]).unwrap(), 2, Some(0)).unwrap(),
    );
    check("roll_0d", &roll(&s7(), 4, None).unwrap());
}

#[test]
fn pad_matches_numpy() {
    let (v, a, x) = (v3(), a23(), x());
    let modes = [
        ("edge", PadMode::Edge),
        ("reflect", PadMode::Reflect),
        ("symmetric", PadMode::Symmetric),
        ("wrap", PadMode::Wrap),
    ];
    let seven = ar(7, 8, &[1]);
    let sq = ar(0, 4, &[2, 2]);
    for (name, mode) in modes {
        check(
            &format!("pad_1d_{name}"),
            &pad(&v, &[(2, 3)], mode).unwrap(),
        );
        check(
            &format!("pad_1d_{name}_big"),
            &pad(&v, &[(8, 11)], mode).unwrap(),
        );
        check(
            &format!("pad_2d_{name}"),
            &pad(&a, &[(1, 2), (3, 1)], mode).unwrap(),
        );
        check(
            &format!("pad_3d_{name}"),
            &pad(&x, &[(1, 0), (0, 2), (5, 6)], mode).unwrap(),
        );
        check(
            &format!("pad_t_{name}"),
            &pad(&a.t(), &[(0, 4), (2, 2)], mode).unwrap(),
        );
        check(
            &format!("pad_2x2_{name}_wide"),
            &pad(&sq, &[(30, 29), (31, 3)], mode).unwrap(),
        );
        check(
            &format!("pad_len1_{name}"),
            &pad(&seven, &[(4, 2)], mode).unwrap(),
        );
    }
    check(
        "pad_const_1d",
        &pad(&v, &[(2, 3)], PadMode::Constant(9)).unwrap(),
    );
    check(
        "pad_const_2d_single",
        &pad(&a, &[(1, 2)], PadMode::Constant(-1)).unwrap(),
    );
    check(
        "pad_const_3d",
        &pad(&x, &[(0, 1), (2, 0), (1, 1)], PadMode::Constant(0)).unwrap(),
    );
    check(
        "pad_const_neg",
        &pad(
            &x.slice(s![..;-1, .., ..;-3]),
            &[(1, 1)],
            PadMode::Constant(5),
        )
        .unwrap(),
    );
    let e20 = zeros::<i64>(&[2, 0]).unwrap();
    check(
        "pad_const_empty_axis",
        &pad(&e20, &[(1, 0), (2, 1)], PadMode::Constant(3)).unwrap(),
    );
    check(
        "pad_edge_empty_unpadded",
        &pad(&e20, &[(1, 2), (0, 0)], PadMode::Edge).unwrap(),
    );
    let xf = x.view().to_owned_order(Order::F);
    check(
        "pad_reflect_f",
        &pad(&xf, &[(3, 3), (4, 0), (0, 9)], PadMode::Reflect).unwrap(),
    );
    check("pad_0d", &pad(&s7(), &[(1, 2)], PadMode::Edge).unwrap());
    let same = pad(&a, &[(0, 0)], PadMode::Reflect).unwrap();
    check("pad_zero_widths", &same);
    assert!(!shares_memory(&same, &a));
}

#[test]
fn errors_match_numpy_verbatim() {
    let z = |shape: &[usize]| zeros::<f64>(shape).unwrap();
    let z23 = z(&[2, 3]);
    let cases: Vec<(&str, String)> = vec![
        (
            "err_repeat_counts",
            message(repeat(&v3(), &[1, 2], Some(0))),
        ),
        ("err_repeat_axis", message(repeat(&z23, 2, Some(2)))),
        (
            "err_roll_lengths",
            message(roll_axes(&z23, &[1, 2, 3], &[0, 1])),
        ),
        ("err_roll_axis", message(roll(&z23, 1, Some(2)))),
        ("err_flip_repeated", message(flip(&z23, Some(&[0, 0])))),
        ("err_flip_axis", message(flip(&z23, Some(&[2])))),
        ("err_flipud", message(flipud(&z(&[])))),
        ("err_fliplr", message(fliplr(&z(&[3])))),
        (
            "err_pad_empty_axis",
            message(pad(&z(&[2, 0]), &[(1, 2), (3, 4)], PadMode::Reflect)),
        ),
    ];
    for (name, got) in cases {
        assert_eq!(got, expected(name).string(), "{name}");
    }
    assert_eq!(
        message(repeat(&z(&[]), 3, Some(1))),
        "axis 1 is out of bounds for array of dimension 1",
        "a 0-d array repeats as 1-D, as in NumPy"
    );
    // NumPy's text here has two spaces before "and"; numerust's BroadcastTo message is
    // owned by error.rs, so compare the values behind it.
    assert_eq!(
        pad(&z23, &[(1, 2), (3, 4), (5, 6)], PadMode::Constant(0.0)).err(),
        Some(NdError::BroadcastTo {
            from: vec![3, 2],
            to: vec![2, 2],
        })
    );
    assert!(
        expected("err_pad_widths")
            .string()
            .contains("(3,2)  and requested shape (2,2)")
    );
}

proptest! {
    /// Padding in any mode, then slicing out the centre, gives the input back; the edge
    /// mode's pads repeat the edge values.
    #[test]
    fn pad_then_crop_is_identity(
        shape in numerust_testutil::strategies::nonempty_shape(3, 4),
        widths in prop::collection::vec((0usize..6, 0usize..6), 3),
        mode in 0u8..5,
    ) {
        let n = shape.iter().product::<usize>() as i64;
        let a = ar(0, n, &shape);
        let widths = &widths[..shape.len()];
        let mode = match mode {
            0 => PadMode::Constant(-1),
            1 => PadMode::Edge,
            2 => PadMode::Reflect,
            3 => PadMode::Symmetric,
            _ => PadMode::Wrap,
        };
        let p = pad(&a, widths, mode).unwrap();
        let centre: Vec<numerust_core::SliceElem> = widths
            .iter()
            .zip(&shape)
            .map(|(&(b, _), &d)| (b..b + d).into())
            .collect();
        prop_assert_eq!(p.slice(&centre).to_vec(), a.to_vec());
        for (axis, (&(b, e), &d)) in widths.iter().zip(&shape).enumerate() {
            prop_assert_eq!(p.shape()[axis], b + d + e);
        }
    }

    /// Rolling by the axis length is the identity; rolling by k then -k too.
    #[test]
    fn roll_round_trips(shape in numerust_testutil::strategies::shape(3, 4), k in -9isize..9) {
        let n = shape.iter().product::<usize>() as i64;
        let a = ar(0, n, &shape);
        let back = roll(&roll(&a, k, None).unwrap(), -k, None).unwrap();
        prop_assert_eq!(back.to_vec(), a.to_vec());
        for (axis, &len) in shape.iter().enumerate() {
            let full = roll(&a, len as isize, Some(axis as isize)).unwrap();
            prop_assert_eq!(full.to_vec(), a.to_vec());
            let there = roll(&a, k, Some(axis as isize)).unwrap();
            prop_assert_eq!(roll(&there, -k, Some(axis as isize)).unwrap().to_vec(), a.to_vec());
        }
    }
}
