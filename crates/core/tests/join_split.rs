//! Joining and splitting against NumPy: `concatenate`, `stack`, `vstack`/`hstack`/`dstack`/
//! `column_stack`/`row_stack`, `split`, `array_split`, `vsplit`/`hsplit`/`dsplit`, their
//! error messages (verbatim from tests/reference/join.npz), and the law that splitting a
//! concatenation at its seams gives the inputs back.

use numerust_core::{
    ArrayView, AsView, IndicesOrSections, NdArray, NdError, Order, array_split, atleast_1d,
    atleast_2d, atleast_3d, column_stack, concatenate, concatenate_flat, dsplit, dstack, hsplit,
    hstack, row_stack, s, shares_memory, split, stack, vsplit, vstack, zeros,
};
use numerust_testutil::npy::{NpyArray, load_reference};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn refs() -> &'static BTreeMap<String, NpyArray> {
    static REFS: OnceLock<BTreeMap<String, NpyArray>> = OnceLock::new();
    REFS.get_or_init(|| load_reference("join"))
}

fn expected(name: &str) -> &'static NpyArray {
    refs()
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing from join.npz"))
}

/// Asserts shape and every element against the reference array `name`.
fn check(name: &str, got: &impl AsView<i64>) {
    let (want, got) = (expected(name), got.as_view());
    assert_eq!(got.shape(), want.shape.as_slice(), "{name}: shape");
    assert_eq!(got.to_vec(), want.i64s(), "{name}: values");
}

fn check_pieces(name: &str, pieces: &[ArrayView<'_, i64>]) {
    let n = expected(&format!("{name}_n")).usizes()[0];
    assert_eq!(pieces.len(), n, "{name}: number of pieces");
    for (i, p) in pieces.iter().enumerate() {
        check(&format!("{name}_{i}"), p);
    }
}

fn numpy_message(name: &str) -> String {
    expected(name).string()
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

struct Inputs {
    a23: NdArray<i64>,
    b23: NdArray<i64>,
    c13: NdArray<i64>,
    x: NdArray<i64>,
    y: NdArray<i64>,
    z: NdArray<i64>,
    v3: NdArray<i64>,
    w3: NdArray<i64>,
    s0: NdArray<i64>,
    s1: NdArray<i64>,
}

fn inputs() -> Inputs {
    Inputs {
        a23: ar(0, 6, &[2, 3]),
        b23: ar(6, 12, &[2, 3]),
        c13: ar(100, 103, &[1, 3]),
        x: ar(0, 24, &[2, 3, 4]),
        y: ar(100, 112, &[2, 3, 2]),
        z: ar(200, 208, &[2, 1, 4]),
        v3: ar(0, 3, &[3]),
        w3: ar(10, 13, &[3]),
        s0: NdArray::from_elem_0d(5),
        s1: NdArray::from_elem_0d(6),
    }
}

#[test]
fn concatenate_matches_numpy() {
    let Inputs {
        a23,
        b23,
        c13,
        x,
        y,
        z,
        ..
    } = inputs();
    check("concat_ax0", &concatenate(&[&a23, &b23, &c13], 0).unwrap());
    check("concat_axm1", &concatenate(&[&a23, &b23], -1).unwrap());
    check("concat_3d_ax2", &concatenate(&[&x, &y], 2).unwrap());
    check("concat_3d_ax1", &concatenate(&[&x, &z], 1).unwrap());
    check("concat_3d_axm3", &concatenate(&[&x, &x], -3).unwrap());
    check(
        "concat_t_ax0",
        &concatenate(&[a23.t(), b23.t()], 0).unwrap(),
    );
    check(
        "concat_t_ax1",
        &concatenate(&[a23.t(), b23.t()], 1).unwrap(),
    );
    let xf = x.view().to_owned_order(Order::F);
    assert!(xf.is_f_contiguous() && !xf.is_c_contiguous());
    check("concat_f_ax0", &concatenate(&[&xf, &x], 0).unwrap());
    let both_f = concatenate(&[&xf, &xf], 1).unwrap();
    assert!(
        both_f.is_f_contiguous(),
        "F inputs give an F output, as NumPy"
    );
    assert_eq!(both_f.to_vec(), concatenate(&[&x, &x], 1).unwrap().to_vec());
    check(
        "concat_neg",
        &concatenate(&[x.slice(s![..;-1, .., ..;-2]), y.view()], 2).unwrap(),
    );
    let e03 = zeros::<i64>(&[0, 3]).unwrap();
    check(
        "concat_empty_first",
        &concatenate(&[e03.view(), a23.view()], 0).unwrap(),
    );
    let e20 = zeros::<i64>(&[2, 0]).unwrap();
    check(
        "concat_empty_ax1",
        &concatenate(&[e20.view(), a23.view()], 1).unwrap(),
    );
    check("concat_all_empty", &concatenate(&[&e03, &e03], 0).unwrap());
    check(
        "concat_flat",
        &concatenate_flat(&[a23.view(), x.view()]).unwrap(),
    );
    let scalars = [NdArray::from_elem_0d(1i64), NdArray::from_elem_0d(2)];
    assert_eq!(concatenate_flat(&scalars).unwrap().to_vec(), vec![1, 2]);
}

#[test]
fn stack_matches_numpy() {
    let Inputs {
        a23,
        b23,
        x,
        v3,
        w3,
        s0,
        s1,
        ..
    } = inputs();
    for (axis, name) in [
        (0, "stack_2d_ax0"),
        (1, "stack_2d_ax1"),
        (2, "stack_2d_ax2"),
        (-1, "stack_2d_axm1"),
        (-3, "stack_2d_axm3"),
    ] {
        check(name, &stack(&[&a23, &b23], axis).unwrap());
    }
    check("stack_1d", &stack(&[&v3, &w3], 0).unwrap());
    check("stack_0d", &stack(&[&s0, &s1], 0).unwrap());
    check("stack_t_ax1", &stack(&[a23.t(), b23.t()], 1).unwrap());
    check(
        "stack_3d_axm1",
        &stack(&[x.view(), x.slice(s![..;-1])], -1).unwrap(),
    );
}

#[test]
fn vstack_hstack_dstack_column_stack_match_numpy() {
    let Inputs {
        a23,
        b23,
        c13,
        x,
        y,
        z,
        v3,
        w3,
        s0,
        s1,
    } = inputs();
    check("vstack_1d_2d", &vstack(&[&v3, &a23]).unwrap());
    check("vstack_0d", &vstack(&[&s0, &s1]).unwrap());
    check("vstack_3d", &vstack(&[&x, &x]).unwrap());
    check(
        "hstack_1d",
        &hstack(&[v3.view(), w3.view(), v3.slice(s![..;-1])]).unwrap(),
    );
    let col = ar(50, 52, &[2, 1]);
    check(
        "hstack_2d",
        &hstack(&[a23.view(), b23.slice(s![.., ..;-1]), col.view()]).unwrap(),
    );
    check("hstack_0d", &hstack(&[&s0, &v3]).unwrap());
    check("hstack_3d", &hstack(&[&x, &z]).unwrap());
    check("dstack_1d", &dstack(&[&v3, &w3]).unwrap());
    check("dstack_2d", &dstack(&[&a23, &b23]).unwrap());
    check(
        "dstack_3d",
        &dstack(&[x.slice(s![.., .., ..2]), y.view()]).unwrap(),
    );
    check("dstack_0d", &dstack(&[&s0, &s1]).unwrap());
    check("column_stack_1d", &column_stack(&[&v3, &w3]).unwrap());
    check(
        "column_stack_mixed",
        &column_stack(&[v3.slice(s![..2]), a23.view()]).unwrap(),
    );
    check("column_stack_0d", &column_stack(&[&s0, &s1]).unwrap());
    check("row_stack", &row_stack(&[&c13, &a23]).unwrap());
}

#[test]
fn atleast_promotions() {
    let s = NdArray::from_elem_0d(1.0f32);
    let v = NdArray::from_vec(vec![1.0f32, 2.0]);
    let m = zeros::<f32>(&[2, 3]).unwrap();
    assert_eq!(atleast_1d(&s).shape(), &[1]);
    assert_eq!(atleast_1d(&m).shape(), &[2, 3]);
    assert_eq!(atleast_2d(&s).shape(), &[1, 1]);
    assert_eq!(atleast_2d(&v).shape(), &[1, 2]);
    assert_eq!(atleast_3d(&s).shape(), &[1, 1, 1]);
    assert_eq!(atleast_3d(&v).shape(), &[1, 2, 1]);
    assert_eq!(atleast_3d(&m).shape(), &[2, 3, 1]);
    assert_eq!(atleast_3d(&v).to_vec(), vec![1.0, 2.0]);
    assert!(shares_memory(&atleast_2d(&v), &v));
}

#[test]
fn split_matches_numpy() {
    let Inputs { a23, x, .. } = inputs();
    let r12 = ar(0, 12, &[12]);
    let r10 = ar(0, 10, &[10]);
    let r2 = ar(0, 2, &[2]);
    check_pieces("split_sections", &split(&r12, 3, 0).unwrap());
    check_pieces("split_indices", &split(&r10, &[3, -2, 20, 1], 0).unwrap());
    check_pieces("split_3d_axm1", &split(&x, &[1, -1, 10], -1).unwrap());
    check_pieces("split_3d_ax0", &split(&x, 2, 0).unwrap());
    let at = a23.t();
    check_pieces("split_t", &split(&at, vec![1].as_slice(), 1).unwrap());
    check_pieces("array_split_10_3", &array_split(&r10, 3, 0).unwrap());
    check_pieces("array_split_2_5", &array_split(&r2, 5, 0).unwrap());
    check_pieces("array_split_3d", &array_split(&x, 3, 2).unwrap());
    let xr = x.slice(s![.., ..;-1]);
    check_pieces("array_split_neg", &array_split(&xr, 2, 1).unwrap());
    check_pieces("vsplit", &vsplit(&x, &[1]).unwrap());
    check_pieces("hsplit_1d", &hsplit(&ar(0, 6, &[6]), 3).unwrap());
    check_pieces("hsplit_2d", &hsplit(&ar(0, 8, &[2, 4]), 2).unwrap());
    check_pieces("hsplit_3d", &hsplit(&x, &[2]).unwrap());
    check_pieces("dsplit", &dsplit(&x, 2).unwrap());
    let e04 = zeros::<i64>(&[0, 4]).unwrap();
    check_pieces("split_empty", &split(&e04, 2, 1).unwrap());
}

#[test]
fn split_pieces_are_views() {
    let mut a = ar(0, 12, &[3, 4]);
    {
        let pieces = split(&a, 2, 1).unwrap();
        assert!(pieces.iter().all(|p| shares_memory(p, &a)));
        assert_eq!(pieces[1].as_ptr(), a.as_ptr().wrapping_add(2));
        assert_eq!(pieces[1].element_strides(), &[4, 1]);
    }
    a[[0, 0]] = 7;
    let spec = IndicesOrSections::Indices(&[1]);
    assert_eq!(
        array_split(&a, spec, 0).unwrap()[0].to_vec(),
        vec![7, 1, 2, 3]
    );
}

#[test]
fn errors_match_numpy_verbatim() {
    let z = |shape: &[usize]| zeros::<f64>(shape).unwrap();
    let (z23, z22, z3, z0) = (z(&[2, 3]), z(&[2, 2]), z(&[3]), z(&[]));
    let none: [&NdArray<f64>; 0] = [];
    let cases: Vec<(&str, String)> = vec![
        ("err_concat_dims", message(concatenate(&[&z23, &z22], 0))),
        ("err_concat_empty", message(concatenate(&none, 0))),
        ("err_concat_0d", message(concatenate(&[&z0, &z0], 0))),
        ("err_concat_ndim", message(concatenate(&[&z23, &z3], 0))),
        ("err_concat_axis", message(concatenate(&[&z23], 2))),
        ("err_stack_shape", message(stack(&[&z23, &z22], 0))),
        ("err_stack_empty", message(stack(&none, 0))),
        ("err_stack_axis", message(stack(&[&z23], -4))),
        ("err_vstack_dims", message(vstack(&[&z23, &z(&[2])]))),
        ("err_hstack_ndim", message(hstack(&[&z3, &z(&[1, 2])]))),
        ("err_split_unequal", message(split(&z(&[10]), 3, 0))),
        (
            "err_array_split_zero",
            message(array_split(&z(&[10]), 0, 0)),
        ),
        ("err_vsplit", message(vsplit(&z(&[10]), 2))),
        ("err_hsplit", message(hsplit(&z0, 2))),
        ("err_dsplit", message(dsplit(&z22, 2))),
    ];
    for (name, got) in cases {
        assert_eq!(got, numpy_message(name), "{name}");
    }
    for empty in [
        vstack(&none),
        hstack(&none),
        dstack(&none),
        column_stack(&none),
    ] {
        assert_eq!(
            message(empty),
            numpy_message("err_concat_empty"),
            "the stacks share concatenate's message"
        );
    }
    assert!(matches!(split(&z(&[10]), 3, 0), Err(NdError::UnequalSplit)));
    assert!(matches!(
        split(&z(&[10]), 0, 0),
        Err(NdError::InvalidValue(_))
    ));
    assert!(matches!(
        split(&z0, 1, 0),
        Err(NdError::AxisOutOfBounds { axis: 0, ndim: 0 })
    ));
    let huge = zeros::<bool>(&[1 << 62, 0]).unwrap();
    assert!(matches!(
        concatenate(&[&huge, &huge], 0),
        Err(NdError::ShapeOverflow)
    ));
}

/// (shape, axis, lengths along the axis, layout styles).
type JoinCase = (Vec<usize>, usize, Vec<usize>, Vec<u8>);

/// Up to four arrays that agree on every axis of `shape` but `axis`, where they have the
/// given lengths; each is transposed twice, reversed or F-ordered by `style`.
fn pieces_strategy() -> impl Strategy<Value = JoinCase> {
    numerust_testutil::strategies::shape(3, 4)
        .prop_filter("rank >= 1", |s| !s.is_empty())
        .prop_flat_map(|shape| {
            let rank = shape.len();
            (
                Just(shape),
                0..rank,
                prop::collection::vec(0usize..=4, 1..=4),
                prop::collection::vec(0u8..3, 4),
            )
        })
}

/// Consecutive integers from `lo` in `shape`: C-ordered, F-ordered, or the transpose of a
/// C-ordered array (`style` 0, 1, 2).
fn styled(lo: i64, shape: &[usize], style: u8) -> NdArray<i64> {
    let n = shape.iter().product::<usize>() as i64;
    match style {
        0 => ar(lo, lo + n, shape),
        1 => ar(lo, lo + n, shape).view().to_owned_order(Order::F),
        _ => {
            let rev: Vec<usize> = shape.iter().rev().copied().collect();
            ar(lo, lo + n, &rev).t()
        }
    }
}

proptest! {
    /// concatenate, then split at the seams, gives back each input (shape and values), and
    /// concatenating the pieces again gives the same array.
    #[test]
    fn concatenate_then_split_is_identity((shape, axis, lens, styles) in pieces_strategy()) {
        let mut next = 0i64;
        let inputs: Vec<NdArray<i64>> = lens
            .iter()
            .zip(&styles)
            .map(|(&len, &style)| {
                let mut sh = shape.clone();
                sh[axis] = len;
                let a = styled(next, &sh, style);
                next += a.size() as i64;
                a
            })
            .collect();
        // Negative axis for odd ranks, to exercise both spellings.
        let ax = if shape.len() % 2 == 1 { axis as isize - shape.len() as isize } else { axis as isize };
        let joined = concatenate(&inputs, ax).unwrap();
        let cuts: Vec<isize> = lens
            .iter()
            .scan(0isize, |acc, &l| { *acc += l as isize; Some(*acc) })
            .take(lens.len() - 1)
            .collect();
        let pieces = split(&joined, &cuts, ax).unwrap();
        prop_assert_eq!(pieces.len(), inputs.len());
        for (p, a) in pieces.iter().zip(&inputs) {
            prop_assert_eq!(p.shape(), a.shape());
            prop_assert_eq!(p.to_vec(), a.to_vec());
        }
        let again = concatenate(&pieces, ax).unwrap();
        prop_assert_eq!(again.shape(), joined.shape());
        prop_assert_eq!(again.to_vec(), joined.to_vec());
        // Reversed inputs (negative strides) join to the same values as their copies.
        let flipped: Vec<ArrayView<'_, i64>> = inputs.iter().map(|a| a.slice(s![..;-1])).collect();
        let copies: Vec<NdArray<i64>> = flipped.iter().map(|v| v.to_owned()).collect();
        prop_assert_eq!(
            concatenate(&flipped, ax).unwrap().to_vec(),
            concatenate(&copies, ax).unwrap().to_vec()
        );
    }

    /// array_split with n sections gives NumPy's sizes: the first len % n pieces one longer.
    #[test]
    fn array_split_sizes(len in 0usize..20, n in 1usize..8) {
        let a = ar(0, len as i64, &[len]);
        let pieces = array_split(&a, n, 0).unwrap();
        prop_assert_eq!(pieces.len(), n);
        let sizes: Vec<usize> = pieces.iter().map(|p| p.len()).collect();
        let want: Vec<usize> = (0..n).map(|i| len / n + usize::from(i < len % n)).collect();
        prop_assert_eq!(sizes, want);
        let flat: Vec<i64> = pieces.iter().flat_map(|p| p.to_vec()).collect();
        prop_assert_eq!(flat, a.to_vec());
    }
}
