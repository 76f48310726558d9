//! Creation functions: `arange`, `linspace`, `logspace`, `eye`, `identity`, `diag`,
//! `diagonal`, `tri`, `triu`, `tril`, `meshgrid`, and `zeros`/`ones`/`full`/`from_fn`/`array`.
//!
//! NumPy reference cases come from `tools/reference/topics/creation.py` (NumPy 2.4.6). Where
//! numerust follows NumPy's algorithm (`arange`, `linspace`, the exponents of `logspace`)
//! float results are compared bit for bit (two NaNs count as equal whatever their payload);
//! `logspace`'s powers are compared within 1 ULP, because NumPy's `np.power` uses SVML on
//! AVX-512 machines and numerust the C library's `pow` (measured: at most 1 ULP apart).
//! Shapes are always compared.

use numerust_core::{
    ArangeElement, Element, Indexing, NdArray, NdError, arange, arange_range, array, diag,
    diagonal, diagonal_axes, eye, from_fn, full, identity, linspace, linspace_retstep, logspace,
    meshgrid, ones, s, shares_memory, tri, tril, triu, zeros,
};
use numerust_testutil::npy::{NpyArray, load_reference};
use numerust_testutil::ulp::{ulp_f32, ulp_f64};
use std::collections::BTreeMap;
use std::sync::LazyLock;

static REFS: LazyLock<BTreeMap<String, NpyArray>> = LazyLock::new(|| load_reference("creation"));

fn reference(key: &str) -> &'static NpyArray {
    REFS.get(key)
        .unwrap_or_else(|| panic!("creation.npz has no {key}"))
}

/// The numbered cases `<group>_<i>` with their arguments `<group>_<i>_args`.
fn numbered(group: &str) -> Vec<(String, &'static NpyArray, &'static NpyArray)> {
    let cases: Vec<_> = (0..)
        .map(|i| format!("{group}_{i}"))
        .take_while(|k| REFS.contains_key(k))
        .map(|k| {
            let args = reference(&format!("{k}_args"));
            (k.clone(), args, reference(&k))
        })
        .collect();
    assert!(!cases.is_empty(), "no cases for {group}");
    cases
}

fn same_bits_f64(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

fn same_bits_f32(a: f32, b: f32) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

fn assert_bits_f64(name: &str, got: &NdArray<f64>, want: &NpyArray) {
    assert_eq!(got.shape(), &want.shape[..], "{name}: shape");
    let (g, w) = (got.to_vec(), want.f64s());
    for (i, (x, y)) in g.iter().zip(&w).enumerate() {
        assert!(
            same_bits_f64(*x, *y),
            "{name}[{i}]: {x:e} != NumPy {y:e}\n{g:?}\n{w:?}"
        );
    }
}

fn assert_bits_f32(name: &str, got: &NdArray<f32>, want: &NpyArray) {
    assert_eq!(got.shape(), &want.shape[..], "{name}: shape");
    let (g, w) = (got.to_vec(), want.f32s());
    for (i, (x, y)) in g.iter().zip(&w).enumerate() {
        assert!(same_bits_f32(*x, *y), "{name}[{i}]: {x:e} != NumPy {y:e}");
    }
}

fn assert_ints<I: Element + Into<i64>>(name: &str, got: &NdArray<I>, want: &NpyArray) {
    assert_eq!(got.shape(), &want.shape[..], "{name}: shape");
    let got: Vec<i64> = got.iter().map(|&x| x.into()).collect();
    assert_eq!(got, want.i64s(), "{name}");
}

/// The error of a call that must fail.
fn error_of<T>(result: Result<T, NdError>) -> NdError {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

/// A float64 reference array as an `NdArray`.
fn input(key: &str) -> NdArray<f64> {
    let r = reference(key);
    NdArray::from_shape_vec(&r.shape, r.f64s()).unwrap()
}

// ---------------------------------------------------------------- arange: NumPy cases

#[test]
fn arange_f64_is_bit_identical_to_numpy() {
    for (name, args, want) in numbered("arange_f64") {
        let a = args.f64s();
        assert_bits_f64(&name, &arange_range(a[0], a[1], a[2]).unwrap(), want);
    }
}

#[test]
fn arange_f32_is_bit_identical_to_numpy() {
    for (name, args, want) in numbered("arange_f32") {
        let a: Vec<f32> = args.f32s();
        assert_bits_f32(&name, &arange_range(a[0], a[1], a[2]).unwrap(), want);
    }
}

#[test]
fn arange_i64_matches_numpy_including_its_rounded_length() {
    for (name, args, want) in numbered("arange_i64") {
        let a = args.i64s();
        assert_ints(&name, &arange_range(a[0], a[1], a[2]).unwrap(), want);
    }
    // np.arange(0, 2**62 + 1, 2**62): Python rounds the quotient to 1.0, so length 1.
    assert_eq!(
        arange_range(0i64, (1 << 62) + 1, 1 << 62).unwrap().size(),
        1
    );
}

#[test]
fn arange_small_integer_types_match_numpy() {
    let u8s = arange_range(3u8, 250, 17).unwrap();
    assert_ints("arange_u8", &u8s, reference("arange_u8"));
    let i8s = arange_range(-100i8, 100, 33).unwrap();
    assert_ints("arange_i8", &i8s, reference("arange_i8"));
    let i32s = arange_range(-5i32, 5, 2).unwrap();
    assert_ints("arange_i32", &i32s, reference("arange_i32"));
}

// ---------------------------------------------------------------- arange: edge cases

#[test]
fn arange_stop_only_counts_from_zero() {
    assert_eq!(arange(5u16).unwrap().to_vec(), vec![0, 1, 2, 3, 4]);
    assert_eq!(arange(2.5f32).unwrap().to_vec(), vec![0.0, 1.0, 2.0]);
    assert_eq!(arange(0i64).unwrap().shape(), &[0]);
    assert_eq!(arange(-4i8).unwrap().shape(), &[0]);
    assert_eq!(arange(-0.5f64).unwrap().shape(), &[0]);
    assert_eq!(arange(1e-300f64).unwrap().to_vec(), vec![0.0]);
}

#[test]
fn arange_is_empty_when_the_step_points_away() {
    assert!(arange_range(0i32, 10, -1).unwrap().is_empty());
    assert!(arange_range(10i32, 0, 1).unwrap().is_empty());
    assert!(arange_range(1.0, 0.0, 0.5).unwrap().is_empty());
    assert!(arange_range(-1.0, 0.0, -0.5).unwrap().is_empty());
    assert!(arange_range(3u8, 3, 1).unwrap().is_empty());
}

#[test]
fn arange_negative_steps_and_short_lengths() {
    assert_eq!(
        arange_range(10i64, 0, -3).unwrap().to_vec(),
        vec![10, 7, 4, 1]
    );
    assert_eq!(
        arange_range(1.0, -1.0, -0.5).unwrap().to_vec(),
        vec![1.0, 0.5, 0.0, -0.5]
    );
    // Length 1 holds only start; length 2 holds start and start + step exactly.
    assert_eq!(arange_range(7.0, 8.0, 5.0).unwrap().to_vec(), vec![7.0]);
    assert_eq!(
        arange_range(0.1, 0.5, 0.3).unwrap().to_vec(),
        vec![0.1, 0.1 + 0.3]
    );
}

#[test]
fn arange_step_zero_and_bad_lengths_are_errors_with_numpy_text() {
    let msg = |e: NdError| e.to_string();
    assert_eq!(msg(error_of(arange_range(0i32, 10, 0))), "division by zero");
    assert_eq!(
        msg(error_of(arange_range(0.0, 1.0, 0.0))),
        "float division by zero"
    );
    assert_eq!(
        msg(error_of(arange_range(0.0f32, 1.0, -0.0))),
        "float division by zero"
    );
    assert_eq!(
        msg(error_of(arange(f64::NAN))),
        "arange: cannot compute length"
    );
    assert_eq!(
        msg(error_of(arange(f64::INFINITY))),
        "Maximum allowed size exceeded"
    );
    assert_eq!(
        msg(error_of(arange_range(0i64, i64::MAX, 1))),
        "Maximum allowed size exceeded"
    );
    assert!(arange_range(0.0, 1e300, 1.0).is_err());
}

#[test]
fn arange_reaches_the_ends_of_integer_types() {
    assert_eq!(
        arange_range(u64::MAX - 3, u64::MAX, 1).unwrap().to_vec(),
        vec![u64::MAX - 3, u64::MAX - 2, u64::MAX - 1]
    );
    assert_eq!(
        arange_range(120i8, i8::MAX, 3).unwrap().to_vec(),
        vec![120, 123, 126]
    );
    // ceil((2**64 - 1) / (2**63 - 1)) with Python's rounding: the quotient rounds to 2.0.
    assert_eq!(
        arange_range(i64::MIN, i64::MAX, i64::MAX).unwrap().to_vec(),
        vec![i64::MIN, -1]
    );
    assert_eq!(
        arange_range(i64::MAX, i64::MIN, -(1 << 62))
            .unwrap()
            .to_vec(),
        vec![i64::MAX, (1 << 62) - 1, -1, -(1 << 62) - 1]
    );
}

/// NumPy's fill formula, element by element, for comparison with the vectorised loop.
fn naive_arange(start: f64, stop: f64, step: f64) -> Vec<f64> {
    let n = ((stop - start) / step).ceil().max(0.0) as usize;
    let next = start + step;
    let delta = next - start;
    (0..n)
        .map(|i| match i {
            0 => start,
            1 => next,
            _ => start + i as f64 * delta,
        })
        .collect()
}

#[test]
fn arange_long_runs_follow_the_fill_formula() {
    let n = if cfg!(miri) { 37 } else { 100_003 };
    for (start, step) in [(0.0, 1.0), (0.3, 0.1), (-5.0, 1.0 / 3.0), (1e9, -7.25)] {
        let stop = start + n as f64 * step;
        let got = arange_range(start, stop, step).unwrap().to_vec();
        let want = naive_arange(start, stop, step);
        assert_eq!(got.len(), want.len());
        assert!(
            got.iter()
                .zip(&want)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
    }
    let got = arange(n as i64).unwrap();
    assert!(got.iter().enumerate().all(|(i, &x)| x == i as i64));
}

#[cfg(all(target_os = "linux", not(miri)))]
#[test]
fn large_results_are_huge_page_buffers() {
    fn check<T: ArangeElement>(stop: T) {
        assert!(arange(stop).unwrap().is_huge_page_backed());
    }
    check(1_000_000.0f64);
    check(2_000_000i32);
    assert!(
        linspace(0.0, 1.0, 1 << 20, true)
            .unwrap()
            .is_huge_page_backed()
    );
}

// ---------------------------------------------------------------- linspace / logspace

#[test]
fn linspace_f64_is_bit_identical_to_numpy() {
    for (name, args, want) in numbered("linspace_f64") {
        let a = args.f64s();
        let (y, step) = linspace_retstep(a[0], a[1], a[2] as usize, a[3] != 0.0).unwrap();
        assert_bits_f64(&name, &y, want);
        let want_step = reference(&format!("{name}_step")).f64s()[0];
        assert!(
            same_bits_f64(step, want_step),
            "{name}: step {step} != {want_step}"
        );
        let plain = linspace(a[0], a[1], a[2] as usize, a[3] != 0.0).unwrap();
        assert_bits_f64(&name, &plain, want);
    }
}

#[test]
fn linspace_f32_is_bit_identical_to_numpy() {
    for (name, args, want) in numbered("linspace_f32") {
        let a = args.f64s();
        let (start, stop) = (a[0] as f32, a[1] as f32);
        let (y, step) = linspace_retstep(start, stop, a[2] as usize, a[3] != 0.0).unwrap();
        assert_bits_f32(&name, &y, want);
        let want_step = reference(&format!("{name}_step")).f32s()[0];
        assert!(
            same_bits_f32(step, want_step),
            "{name}: step {step} != {want_step}"
        );
    }
}

#[test]
fn linspace_edge_cases() {
    let (y, step) = linspace_retstep(2.0f64, 3.0, 0, true).unwrap();
    assert_eq!(y.shape(), &[0]);
    assert!(step.is_nan());
    let (y, step) = linspace_retstep(2.0f64, 3.0, 1, true).unwrap();
    assert_eq!((y.to_vec(), step.is_nan()), (vec![2.0], true));
    let (y, step) = linspace_retstep(2.0, 3.0, 1, false).unwrap();
    assert_eq!((y.to_vec(), step), (vec![2.0], 1.0));
    assert_eq!(linspace(0.0, 1.0, 0, false).unwrap().shape(), &[0]);
    // The last element is exactly `stop`, even where i * step + start would miss it.
    let y = linspace(0.1, 0.7, 7, true).unwrap().to_vec();
    assert_eq!(y[6], 0.7);
    assert_eq!(
        linspace(5.0, -5.0, 3, true).unwrap().to_vec(),
        vec![5.0, 0.0, -5.0]
    );
    // Equal ends: step 0 takes NumPy's denormal branch and gives start everywhere.
    assert_eq!(
        linspace(1.5f32, 1.5, 4, true).unwrap().to_vec(),
        vec![1.5; 4]
    );
}

#[test]
fn linspace_long_runs_follow_the_formula() {
    let n = if cfg!(miri) { 41 } else { 100_001 };
    let (y, step) = linspace_retstep(-1.7, 9.3, n, false).unwrap();
    assert_eq!(step, (9.3 - -1.7) / n as f64);
    let y = y.to_vec();
    assert!(
        y.iter()
            .enumerate()
            .all(|(i, &v)| v.to_bits() == (i as f64 * step + -1.7).to_bits())
    );
}

#[test]
#[cfg_attr(miri, ignore = "Miri's powf adds deliberate rounding noise")]
fn logspace_f64_is_within_one_ulp_of_numpy() {
    for (name, args, want) in numbered("logspace_f64") {
        let a = args.f64s();
        let got = logspace(a[0], a[1], a[2] as usize, a[3] != 0.0, a[4]).unwrap();
        assert_eq!(got.shape(), &want.shape[..], "{name}: shape");
        for (x, y) in got.to_vec().iter().zip(want.f64s()) {
            assert!(ulp_f64(*x, y) <= 1, "{name}: {x:e} vs NumPy {y:e}");
        }
    }
}

#[test]
#[cfg_attr(miri, ignore = "Miri's powf adds deliberate rounding noise")]
fn logspace_f32_is_within_one_ulp_of_numpy() {
    for (name, args, want) in numbered("logspace_f32") {
        let a = args.f64s();
        let (start, stop, base) = (a[0] as f32, a[1] as f32, a[4] as f32);
        let got = logspace(start, stop, a[2] as usize, a[3] != 0.0, base).unwrap();
        assert_eq!(got.shape(), &want.shape[..], "{name}: shape");
        for (x, y) in got.to_vec().iter().zip(want.f32s()) {
            assert!(ulp_f32(*x, y) <= 1, "{name}: {x:e} vs NumPy {y:e}");
        }
    }
}

#[test]
#[cfg_attr(miri, ignore = "Miri's powf adds deliberate rounding noise")]
fn logspace_is_pow_of_linspace_on_many_threads_too() {
    // Long enough to be split over threads: each element is still base.powf(exponent).
    let n = if cfg!(miri) { 19 } else { 600_000 };
    let exps = linspace(-3.0f64, 3.0, n, true).unwrap().to_vec();
    let got = logspace(-3.0f64, 3.0, n, true, 10.0).unwrap().to_vec();
    assert!(
        exps.iter()
            .zip(&got)
            .all(|(e, g)| 10f64.powf(*e).to_bits() == g.to_bits())
    );
    assert!(logspace(0.0, 1.0, 0, true, 10.0).unwrap().is_empty());
}

// ---------------------------------------------------------------- eye, identity, tri

/// `(n, m, k)` from int64 args, with `m = -1` standing for `None`.
fn nmk(args: &NpyArray) -> (usize, Option<usize>, isize) {
    let a = args.i64s();
    (
        a[0] as usize,
        (a[1] >= 0).then_some(a[1] as usize),
        a[2] as isize,
    )
}

#[test]
fn eye_and_tri_match_numpy() {
    for (name, args, want) in numbered("eye") {
        let (n, m, k) = nmk(args);
        assert_bits_f64(&name, &eye(n, m, k).unwrap(), want);
    }
    for (name, args, want) in numbered("tri") {
        let (n, m, k) = nmk(args);
        assert_bits_f64(&name, &tri(n, m, k).unwrap(), want);
    }
    assert_bits_f64("identity_4", &identity(4).unwrap(), reference("identity_4"));
}

#[test]
fn eye_and_tri_edge_cases() {
    assert_eq!(eye::<i32>(0, None, 0).unwrap().shape(), &[0, 0]);
    assert_eq!(eye::<i32>(3, Some(0), 0).unwrap().shape(), &[3, 0]);
    assert!(eye::<u8>(2, Some(3), 3).unwrap().iter().all(|&x| x == 0));
    assert!(
        eye::<u8>(2, None, isize::MIN)
            .unwrap()
            .iter()
            .all(|&x| x == 0)
    );
    assert_eq!(identity::<bool>(1).unwrap().to_vec(), vec![true]);
    assert!(eye::<f64>(usize::MAX, Some(2), 0).is_err());
    assert!(
        tri::<i64>(3, None, isize::MAX)
            .unwrap()
            .iter()
            .all(|&x| x == 1)
    );
    assert!(
        tri::<i64>(3, None, isize::MIN)
            .unwrap()
            .iter()
            .all(|&x| x == 0)
    );
    assert_eq!(tri::<i64>(0, Some(5), 0).unwrap().shape(), &[0, 5]);
    assert_eq!(tri::<i64>(2, Some(0), 0).unwrap().shape(), &[2, 0]);
}

// ---------------------------------------------------------------- diag, diagonal

#[test]
fn diag_matches_numpy_both_directions() {
    let v = input("diag_v");
    for (name, args, want) in numbered("diag1") {
        assert_bits_f64(&name, &diag(&v, args.i64s()[0] as isize).unwrap(), want);
    }
    let m = input("diag_m");
    for (name, args, want) in numbered("diag2") {
        assert_bits_f64(&name, &diag(&m, args.i64s()[0] as isize).unwrap(), want);
    }
    let empty = NdArray::<f64>::from_vec(vec![]);
    assert_bits_f64(
        "diag_empty",
        &diag(&empty, 2).unwrap(),
        reference("diag_empty"),
    );
}

#[test]
fn diag_rejects_other_ranks_and_reads_strided_input() {
    let cube = input("cube");
    assert_eq!(
        error_of(diag(&cube, 0)).to_string(),
        "Input must be 1- or 2-d."
    );
    assert!(diag(&NdArray::from_elem_0d(1.0), 0).is_err());
    // A transposed (F-ordered) matrix and a reversed vector go through views.
    let m = input("diag_m");
    assert_eq!(diag(&m.t(), 1).unwrap().to_vec(), vec![4.0, 9.0]);
    let v = NdArray::from_vec(vec![1, 2, 3]);
    assert_eq!(
        diag(&v.slice(s![..;-1]), 0).unwrap().to_vec(),
        vec![3, 0, 0, 0, 2, 0, 0, 0, 1]
    );
}

#[test]
fn diagonal_is_a_view_matching_numpy() {
    let cube = input("cube");
    for (name, args, want) in numbered("diagonal_axes") {
        let a = args.i64s();
        let d = diagonal_axes(&cube, a[0] as isize, a[1] as isize, a[2] as isize).unwrap();
        assert_bits_f64(&name, &d.to_owned(), want);
        if d.size() > 0 {
            assert!(shares_memory(&d, &cube), "{name}: a view");
        }
    }
    let (m, v) = (input("diag_m"), input("diag_v"));
    assert!(shares_memory(&diagonal(&m, 1).unwrap(), &m));
    assert_eq!(diagonal(&m, 4).unwrap().shape(), &[0]);
    assert_eq!(diagonal(&m, -3).unwrap().shape(), &[0]);
    assert_eq!(diagonal(&m, isize::MIN).unwrap().shape(), &[0]);
    assert_eq!(
        error_of(diagonal(&v, 0)).to_string(),
        "diag requires an array of at least two dimensions"
    );
    assert_eq!(
        error_of(diagonal_axes(&m, 0, 1, -1)).to_string(),
        "axis1 and axis2 cannot be the same"
    );
    assert!(matches!(
        error_of(diagonal_axes(&m, 0, 0, 2)),
        NdError::AxisOutOfBounds { .. }
    ));
}

// ---------------------------------------------------------------- triu, tril

#[test]
fn triu_and_tril_match_numpy() {
    let t = input("tri_input");
    let cube = input("cube");
    for (name, args, want) in numbered("triu") {
        assert_bits_f64(&name, &triu(&t, args.i64s()[0] as isize).unwrap(), want);
    }
    for (name, args, want) in numbered("tril") {
        assert_bits_f64(&name, &tril(&t, args.i64s()[0] as isize).unwrap(), want);
    }
    for (name, args, want) in numbered("triu_cube") {
        assert_bits_f64(&name, &triu(&cube, args.i64s()[0] as isize).unwrap(), want);
    }
    for (name, args, want) in numbered("tril_cube") {
        assert_bits_f64(&name, &tril(&cube, args.i64s()[0] as isize).unwrap(), want);
    }
    let v = input("diag_v");
    assert_bits_f64("triu_1d", &triu(&v, 0).unwrap(), reference("triu_1d"));
    assert_bits_f64("tril_1d", &tril(&v, -1).unwrap(), reference("tril_1d"));
}

#[test]
fn triu_and_tril_edge_cases() {
    let a = NdArray::from_shape_vec(&[2, 3], (1..=6).collect::<Vec<i32>>()).unwrap();
    assert_eq!(tril(&a, isize::MAX).unwrap().to_vec(), a.to_vec());
    assert_eq!(triu(&a, isize::MIN).unwrap().to_vec(), a.to_vec());
    assert!(tril(&a, isize::MIN).unwrap().iter().all(|&x| x == 0));
    assert!(triu(&a, isize::MAX).unwrap().iter().all(|&x| x == 0));
    // A transposed view: rows of a.T are columns of a.
    assert_eq!(triu(&a.t(), 0).unwrap().to_vec(), vec![1, 4, 0, 5, 0, 0]);
    assert_eq!(
        tril(&zeros::<f32>(&[0, 3]).unwrap(), 0).unwrap().shape(),
        &[0, 3]
    );
    assert_eq!(
        triu(&zeros::<f32>(&[2, 0, 3]).unwrap(), 0).unwrap().shape(),
        &[2, 0, 3]
    );
    assert!(triu(&NdArray::from_elem_0d(1u8), 0).is_err());
    assert!(tril(&NdArray::from_elem_0d(1u8), 0).is_err());
}

// ---------------------------------------------------------------- meshgrid

#[test]
fn meshgrid_matches_numpy() {
    let (x, y, z) = (input("mesh_x"), input("mesh_y"), input("mesh_z"));
    let inputs: [(&str, Vec<&NdArray<f64>>); 3] = [
        ("xy", vec![&x, &y]),
        ("xyz", vec![&x, &y, &z]),
        ("x", vec![&x]),
    ];
    for (name, arrays) in inputs {
        for (ix, indexing) in [("xy", Indexing::Xy), ("ij", Indexing::Ij)] {
            let grids = meshgrid(&arrays, indexing).unwrap();
            assert_eq!(grids.len(), arrays.len());
            for (i, g) in grids.iter().enumerate() {
                let key = format!("meshgrid_{name}_{ix}_{i}");
                assert_bits_f64(&key, g, reference(&key));
                assert!(
                    g.is_c_contiguous() && !shares_memory(g, arrays[i]),
                    "{key}: a copy"
                );
            }
        }
    }
    let two_d = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    let grids = meshgrid(&[&two_d, &y], Indexing::Xy).unwrap();
    for (i, g) in grids.iter().enumerate() {
        let key = format!("meshgrid_2d_xy_{i}");
        assert_bits_f64(&key, g, reference(&key));
    }
}

#[test]
fn meshgrid_edge_cases() {
    let none: [NdArray<i32>; 0] = [];
    assert!(meshgrid(&none, Indexing::Xy).unwrap().is_empty());
    let x = NdArray::from_vec(vec![1, 2, 3]);
    let empty = NdArray::<i32>::from_vec(vec![]);
    let g = meshgrid(&[x.view(), empty.view()], Indexing::Xy).unwrap();
    assert_eq!(
        (g[0].shape(), g[1].shape()),
        (&[0usize, 3][..], &[0usize, 3][..])
    );
    let rev = x.slice(s![..;-1]);
    let g = meshgrid(&[rev.clone(), rev], Indexing::Ij).unwrap();
    assert_eq!(g[0].to_vec(), vec![3, 3, 3, 2, 2, 2, 1, 1, 1]);
    assert_eq!(g[1].to_vec(), vec![3, 2, 1, 3, 2, 1, 3, 2, 1]);
    assert_eq!(Indexing::default(), Indexing::Xy);
}

// ---------------------------------------------------------------- zeros, ones, full, ...

#[test]
fn value_constructors_match_numpy() {
    let f64s = |key: &str, got: NdArray<f64>| assert_bits_f64(key, &got, reference(key));
    f64s("zeros_2x3", zeros(&[2, 3]).unwrap());
    f64s("zeros_0x4", zeros(&[0, 4]).unwrap());
    f64s("ones_0d", ones(&[]).unwrap());
    f64s("full_2x2", full(&[2, 2], 7.5).unwrap());
    f64s(
        "array_3d",
        array(&[[[1.0], [2.0]], [[3.0], [4.0]]]).unwrap(),
    );
    let ones_i64 = ones::<i64>(&[3]).unwrap();
    assert_ints("ones_3", &ones_i64, reference("ones_3"));
    let full_i32 = full(&[3, 1, 2], -4i32).unwrap();
    assert_ints("full_i32", &full_i32, reference("full_i32"));
    let from = from_fn(&[2, 3], |ix| (10 * ix[0] + ix[1]) as i64).unwrap();
    assert_ints("fromfunction", &from, reference("fromfunction"));
    let nested = array(&vec![vec![1i64, 2, 3], vec![4, 5, 6]]).unwrap();
    assert_ints("array_nested", &nested, reference("array_nested"));
}
