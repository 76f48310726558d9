//! Factorizations and solvers against NumPy (tests/reference/linalg_solvers.npz, written by
//! tools/reference/topics/linalg_solvers.py), NumPy's error messages, and residual laws by
//! proptest.
//!
//! Bounds: results are compared elementwise within `c * n * eps * cond(A) * max|want|`
//! (forward error of a backward-stable method), `c = 8`; residual laws (`||A x - b||`,
//! `||A - Q R||`, `||Q^T Q - I||`, `||A - L L^T||`) within `c * n * eps * ||A||`, no
//! condition number. QR is compared to NumPy directly: both follow LAPACK's sign rule.

use numerust_core::{Complex64, NdArray};
use numerust_linalg::{
    LinAlgError, LinalgReal, NormOrd, QrMode, cholesky, cholesky_upper, cond, det, eig, eigh,
    eigvals, eigvalsh, inv, lstsq, matmul, matrix_rank, norm, pinv, qr, slogdet, solve, svd,
    svdvals,
};
use numerust_testutil::npy::NpyArray;
use numerust_testutil::npy::NpyData;
use proptest::prelude::*;

mod common;

const TOPIC: &str = "linalg_solvers";

fn get(name: &str) -> &'static NpyArray {
    common::get(TOPIC, name)
}

fn f64s(name: &str) -> NdArray<f64> {
    common::f64s(TOPIC, name)
}

fn f32s(name: &str) -> NdArray<f32> {
    common::f32s(TOPIC, name)
}

fn scalar(name: &str) -> f64 {
    get(name).f64s()[0]
}

/// Elementwise `|got - want| <= tol * max(1, max|want|)`, same shape.
fn assert_close<T: LinalgReal>(case: &str, got: &NdArray<T>, want: &NdArray<T>, tol: f64) {
    assert_eq!(got.shape(), want.shape(), "{case}: shape");
    let w: Vec<f64> = want.to_vec().iter().map(|x| x.to_f64().unwrap()).collect();
    let g: Vec<f64> = got.to_vec().iter().map(|x| x.to_f64().unwrap()).collect();
    let scale = w.iter().fold(1.0f64, |m, x| m.max(x.abs()));
    for (i, (x, y)) in g.iter().zip(&w).enumerate() {
        assert!(
            (x - y).abs() <= tol * scale,
            "{case}[{i}]: got {x}, want {y} (tol {})",
            tol * scale
        );
    }
}

/// The forward-error tolerance of a case: `8 n eps cond`.
fn fwd_tol(case: &str, n: usize, eps: f64) -> f64 {
    8.0 * (n.max(1) as f64) * eps * scalar(&format!("{case}_cond"))
}

#[test]
fn solve_matches_numpy() {
    for case in [
        "solve_vec",
        "solve_mat",
        "solve_stack",
        "solve_stack_vec",
        "solve_bcast",
        "solve_big",
        "solve_hilbert",
        "solve_1x1",
    ] {
        let (a, b) = (f64s(&format!("{case}_a")), f64s(&format!("{case}_b")));
        let x = solve(&a, &b).unwrap();
        let n = a.shape()[a.ndim() - 1];
        assert_close(case, &x, &f64s(case), fwd_tol(case, n, f64::EPSILON));
    }
    let x = solve(&f32s("solve_f32_a"), &f32s("solve_f32_b")).unwrap();
    assert_close(
        "solve_f32",
        &x,
        &f32s("solve_f32"),
        fwd_tol("solve_f32", 7, f32::EPSILON as f64),
    );
}

#[test]
fn inv_matches_numpy() {
    for case in ["inv_small", "inv_stack", "inv_big", "inv_hilbert"] {
        let a = f64s(&format!("{case}_a"));
        let n = a.shape()[a.ndim() - 1];
        assert_close(
            case,
            &inv(&a).unwrap(),
            &f64s(case),
            fwd_tol(case, n, f64::EPSILON),
        );
    }
    let a = f32s("inv_f32_a");
    let tol = fwd_tol("inv_f32", 5, f32::EPSILON as f64);
    assert_close("inv_f32", &inv(&a).unwrap(), &f32s("inv_f32"), tol);
}

#[test]
fn det_and_slogdet_match_numpy() {
    for case in [
        "det_small",
        "det_stack",
        "det_big",
        "det_singular",
        "det_zero_row",
        "det_1x1",
        "det_0x0",
        "det_huge",
    ] {
        let a = f64s(&format!("{case}_a"));
        let n = a.shape()[a.ndim() - 1];
        let tol = 8.0 * (n.max(1) as f64) * f64::EPSILON;
        let (want, got) = (f64s(case), det(&a).unwrap());
        assert_eq!(got.shape(), want.shape(), "{case}");
        for (g, w) in got.to_vec().iter().zip(want.to_vec()) {
            if w.is_infinite() {
                assert_eq!(*g, w, "{case}: overflow");
            } else {
                // det is the product of n pivots: relative error ~ n eps per matrix, plus
                // the cancellation of a singular matrix's last pivot (|det| tiny).
                assert!(
                    (g - w).abs() <= tol * w.abs().max(1e-12),
                    "{case}: {g} vs {w}"
                );
            }
        }
        let (sign, logdet) = slogdet(&a).unwrap();
        assert_eq!(
            sign.to_vec(),
            f64s(&format!("{case}_sign")).to_vec(),
            "{case} sign"
        );
        let lw = f64s(&format!("{case}_logdet")).to_vec();
        for (g, w) in logdet.to_vec().iter().zip(lw) {
            assert!(
                *g == w || (g - w).abs() <= tol * w.abs().max(1.0),
                "{case}: {g} vs {w}"
            );
        }
    }
    // A singular matrix whose LU hits an exact zero: det 0, slogdet (0, -inf).
    let (sign, logdet) = slogdet(&f64s("det_zero_row_a")).unwrap();
    assert_eq!(
        (sign.to_vec(), logdet.to_vec()),
        (vec![0.0], vec![f64::NEG_INFINITY])
    );
    let d = det(&f32s("det_f32_a")).unwrap().to_vec()[0] as f64;
    let w = scalar("det_f32");
    assert!(
        (d - w).abs() <= 50.0 * f32::EPSILON as f64 * w.abs(),
        "{d} vs {w}"
    );
}

#[test]
fn cholesky_matches_numpy() {
    for case in [
        "chol_small",
        "chol_stack",
        "chol_big",
        "chol_1x1",
        "chol_hilbert",
        "chol_lower_only",
    ] {
        let a = f64s(&format!("{case}_a"));
        let n = a.shape()[a.ndim() - 1];
        // Cholesky's forward error is ~ n eps sqrt(cond); a plain 1e-9 covers the Hilbert case.
        let tol =
            (16.0 * n as f64 * f64::EPSILON).max(if case == "chol_hilbert" { 1e-9 } else { 0.0 });
        assert_close(case, &cholesky(&a).unwrap(), &f64s(case), tol);
        let up = format!("{case}_upper");
        let at = if case == "chol_lower_only" {
            a.view().t().to_owned()
        } else {
            a.clone()
        };
        assert_close(&up, &cholesky_upper(&at).unwrap(), &f64s(&up), tol);
    }
    let a = f32s("chol_f32_a");
    assert_close("chol_f32", &cholesky(&a).unwrap(), &f32s("chol_f32"), 1e-5);
}

#[test]
fn qr_matches_numpy() {
    for case in [
        "qr_tall",
        "qr_wide",
        "qr_square",
        "qr_big",
        "qr_stack",
        "qr_rankdef",
    ] {
        let a = f64s(&format!("{case}_a"));
        let tol = 64.0 * a.shape().iter().max().copied().unwrap() as f64 * f64::EPSILON;
        let f = qr(&a, QrMode::Reduced).unwrap();
        if case != "qr_rankdef" {
            // Rank-deficient: the trailing reflectors are arbitrary; checked by residual below.
            assert_close(
                case,
                f.q.as_ref().unwrap(),
                &f64s(&format!("{case}_q")),
                tol,
            );
            let fc = qr(&a, QrMode::Complete).unwrap();
            assert_close(case, &fc.r, &f64s(&format!("{case}_rc")), tol);
            if a.shape()[a.ndim() - 2] <= a.shape()[a.ndim() - 1] + 1 {
                assert_close(
                    case,
                    fc.q.as_ref().unwrap(),
                    &f64s(&format!("{case}_qc")),
                    tol,
                );
            }
        }
        assert_close(case, &f.r, &f64s(&format!("{case}_r")), tol);
        let r = qr(&a, QrMode::R).unwrap();
        assert!(r.q.is_none());
        assert_close(case, &r.r, &f64s(&format!("{case}_ronly")), tol);
        let back = matmul(f.q.as_ref().unwrap(), &f.r).unwrap();
        assert_close(case, &back, &a, tol);
    }
    let a = f32s("qr_f32_a");
    let f = qr(&a, QrMode::Reduced).unwrap();
    assert_close("qr_f32", &f.r, &f32s("qr_f32_r"), 1e-5);
    assert_close("qr_f32", f.q.as_ref().unwrap(), &f32s("qr_f32_q"), 1e-5);
}

/// Columns of `got` equal those of `want` up to sign (distinct eigen/singular values).
fn assert_cols_up_to_sign(case: &str, got: &NdArray<f64>, want: &NdArray<f64>, tol: f64) {
    assert_eq!(got.shape(), want.shape(), "{case}");
    let (g, w) = (got.to_vec(), want.to_vec());
    let d = got.ndim();
    let (rows, cols) = (got.shape()[d - 2], got.shape()[d - 1]);
    for (gm, wm) in g.chunks(rows * cols).zip(w.chunks(rows * cols)) {
        for j in 0..cols {
            let dotp: f64 = (0..rows).map(|i| gm[i * cols + j] * wm[i * cols + j]).sum();
            let sign = if dotp < 0.0 { -1.0 } else { 1.0 };
            for i in 0..rows {
                let (x, y) = (gm[i * cols + j] * sign, wm[i * cols + j]);
                assert!((x - y).abs() <= tol, "{case} column {j}: {x} vs {y}");
            }
        }
    }
}

#[test]
fn eigh_matches_numpy() {
    for case in [
        "eigh_small",
        "eigh_stack",
        "eigh_big",
        "eigh_repeated",
        "eigh_1x1",
        "eigh_lower_only",
    ] {
        let a = f64s(&format!("{case}_a"));
        let n = a.shape()[a.ndim() - 1];
        let tol = 64.0 * n as f64 * f64::EPSILON;
        let (w, v) = eigh(&a).unwrap();
        assert_close(case, &w, &f64s(&format!("{case}_w")), tol);
        assert_close(
            case,
            &eigvalsh(&a).unwrap(),
            &f64s(&format!("{case}_wonly")),
            tol,
        );
        if case != "eigh_repeated" {
            assert_cols_up_to_sign(case, &v, &f64s(&format!("{case}_v")), 1e3 * tol);
        }
        // Residual A V = V diag(w) on the symmetrized lower triangle, V^T V = I (all cases).
        let wv = w.to_vec();
        let (av, vv) = (a.to_vec(), v.to_vec());
        for (b, (am, vm)) in av.chunks(n * n).zip(vv.chunks(n * n)).enumerate() {
            let sym = |i: usize, j: usize| if i >= j { am[i * n + j] } else { am[j * n + i] };
            for j in 0..n {
                for i in 0..n {
                    let avij: f64 = (0..n).map(|p| sym(i, p) * vm[p * n + j]).sum();
                    let r = avij - wv[b * n + j] * vm[i * n + j];
                    assert!(
                        r.abs()
                            <= 16.0
                                * tol
                                * (1.0
                                    + wv[b * n..b * n + n]
                                        .iter()
                                        .fold(0.0f64, |m, x| m.max(x.abs()))),
                        "{case}: residual {r}"
                    );
                }
                for k in 0..n {
                    let d: f64 = (0..n).map(|p| vm[p * n + j] * vm[p * n + k]).sum();
                    assert!(
                        (d - if j == k { 1.0 } else { 0.0 }).abs() <= tol,
                        "{case}: V^T V"
                    );
                }
            }
        }
    }
    let (w, _) = eigh(&f32s("eigh_f32_a")).unwrap();
    assert_close("eigh_f32", &w, &f32s("eigh_f32_w"), 1e-5);
}

#[test]
fn svd_matches_numpy() {
    for case in [
        "svd_tall",
        "svd_wide",
        "svd_square",
        "svd_big",
        "svd_stack",
        "svd_rankdef",
        "svd_hilbert",
    ] {
        let a = f64s(&format!("{case}_a"));
        let d = a.ndim();
        let (m, n) = (a.shape()[d - 2], a.shape()[d - 1]);
        let tol = 64.0 * m.max(n) as f64 * f64::EPSILON;
        let f = svd(&a, true).unwrap();
        assert_close(case, &f.s, &f64s(&format!("{case}_s")), tol);
        assert_close(
            case,
            &svdvals(&a).unwrap(),
            &f64s(&format!("{case}_svals")),
            tol,
        );
        assert_eq!(f.u.shape(), f64s(&format!("{case}_u")).shape(), "{case} U");
        assert_eq!(
            f.vt.shape(),
            f64s(&format!("{case}_vt")).shape(),
            "{case} Vt"
        );
        // U and V orthogonal, A = U[:, :k] diag(s) Vt[:k].
        for (name, q) in [("U", &f.u), ("Vt", &f.vt)] {
            let qt = q.view().swapaxes(-1, -2).unwrap();
            let g = if name == "U" {
                matmul(&qt, q)
            } else {
                matmul(q, &qt)
            }
            .unwrap();
            let r = g.shape()[g.ndim() - 1];
            for (i, x) in g.to_vec().iter().enumerate() {
                let want = if (i / r) % r == i % r { 1.0 } else { 0.0 };
                assert!(
                    (x - want).abs() <= tol,
                    "{case}: {name} not orthogonal: {x}"
                );
            }
        }
        let r = svd(&a, false).unwrap();
        let k = m.min(n);
        let (u, s, vt) = (r.u.to_vec(), r.s.to_vec(), r.vt.to_vec());
        let av = a.to_vec();
        for b in 0..av.len() / (m * n).max(1) {
            for i in 0..m {
                for j in 0..n {
                    let x: f64 = (0..k)
                        .map(|p| {
                            u[b * m * k + i * k + p] * s[b * k + p] * vt[b * k * n + p * n + j]
                        })
                        .sum();
                    assert!(
                        (x - av[b * m * n + i * n + j]).abs() <= tol * s[b * k].max(1.0),
                        "{case}: A != U S Vt"
                    );
                }
            }
        }
        if ["svd_tall", "svd_square", "svd_big"].contains(&case) {
            assert_cols_up_to_sign(
                case,
                &r.u,
                &f64s(&format!("{case}_u"))
                    .view()
                    .slice(numerust_core::s![.., ..k])
                    .to_owned(),
                1e4 * tol,
            );
        }
    }
    let s = svdvals(&f32s("svd_f32_a")).unwrap();
    assert_close("svd_f32", &s, &f32s("svd_f32_s"), 1e-5);
}

fn ord(name: &str) -> Option<NormOrd> {
    Some(match name {
        "fro" => NormOrd::Fro,
        "nuc" => NormOrd::Nuc,
        "inf" => NormOrd::Inf,
        "neginf" => NormOrd::NegInf,
        "half" => NormOrd::P(0.5),
        "none" => return None,
        n => NormOrd::P(n.replace('m', "-").parse().unwrap()),
    })
}

#[test]
fn norm_and_cond_match_numpy() {
    let tol = 64.0 * f64::EPSILON;
    let (x, v, m) = (f64s("norm_x"), f64s("norm_v"), f64s("norm_m"));
    assert_close(
        "none",
        &norm(&x, None, None, false).unwrap(),
        &f64s("norm_x_none"),
        tol,
    );
    assert_close(
        "keep",
        &norm(&x, None, None, true).unwrap(),
        &f64s("norm_x_none_keep"),
        tol,
    );
    for name in ["inf", "neginf", "0", "1", "2", "3", "half", "m1"] {
        let got = norm(&v, ord(name), None, false).unwrap();
        assert_close(name, &got, &f64s(&format!("norm_v_{name}")), tol);
        let got = norm(&x, ord(name), Some(&[1]), false).unwrap();
        assert_close(name, &got, &f64s(&format!("norm_x_ax1_{name}")), tol);
    }
    for name in ["fro", "nuc", "inf", "neginf", "1", "m1", "2", "m2"] {
        let got = norm(&m, ord(name), None, false).unwrap();
        assert_close(name, &got, &f64s(&format!("norm_m_{name}")), tol);
        let got = norm(&x, ord(name), Some(&[2, 0]), false).unwrap();
        assert_close(name, &got, &f64s(&format!("norm_x_ax20_{name}")), tol);
    }
    let got = norm(&x, None, Some(&[1, 2]), true).unwrap();
    assert_close("keep", &got, &f64s("norm_x_ax12_keep"), tol);
    let e = norm(&v, Some(NormOrd::Fro), None, false).unwrap_err();
    assert_eq!(e.to_string(), "Invalid norm order 'fro' for vectors");
    let a = f64s("cond_a");
    for name in ["none", "fro", "1", "inf", "m2"] {
        let got = cond(&a, ord(name)).unwrap();
        assert_close(name, &got, &f64s(&format!("cond_{name}")), 1e-12);
    }
}

#[test]
fn rank_pinv_lstsq_match_numpy() {
    let r = get("rank").i64s();
    assert_eq!(matrix_rank(&f64s("rank_a"), None).unwrap().to_vec(), r);
    let h = {
        let n = 14;
        let v = (0..n * n)
            .map(|k| 1.0 / ((k / n + k % n) as f64 + 1.0))
            .collect();
        NdArray::from_shape_vec(&[n, n], v).unwrap()
    };
    assert_eq!(
        matrix_rank(&h, None).unwrap().to_vec(),
        get("rank_hilbert").i64s()
    );
    for name in ["tall", "wide", "rankdef", "stack"] {
        let a = f64s(&format!("pinv_{name}_a"));
        assert_close(
            name,
            &pinv(&a, None).unwrap(),
            &f64s(&format!("pinv_{name}")),
            1e-12,
        );
    }
    for name in ["tall_vec", "tall_mat", "wide", "rankdef", "square"] {
        let (a, b) = (
            f64s(&format!("lstsq_{name}_a")),
            f64s(&format!("lstsq_{name}_b")),
        );
        let r = lstsq(&a, &b, None).unwrap();
        assert_close(name, &r.x, &f64s(&format!("lstsq_{name}_x")), 1e-12);
        assert_close(
            name,
            &r.residuals,
            &f64s(&format!("lstsq_{name}_res")),
            1e-12,
        );
        assert_eq!(
            r.rank as i64,
            get(&format!("lstsq_{name}_rank")).i64s()[0],
            "{name}"
        );
        assert_close(name, &r.s, &f64s(&format!("lstsq_{name}_s")), 1e-13);
    }
}

fn c128s(name: &str) -> Vec<Complex64> {
    let NpyData::C128(v) = &get(name).data else {
        panic!("{name}: not complex128")
    };
    v.iter().map(|&(re, im)| Complex64::new(re, im)).collect()
}

#[test]
fn eig_matches_numpy() {
    for case in [
        "eig_small",
        "eig_stack",
        "eig_big",
        "eig_rotation",
        "eig_defective",
        "eig_triangular",
        "eig_symmetric",
        "eig_1x1",
    ] {
        let a = f64s(&format!("{case}_a"));
        let n = a.shape()[a.ndim() - 1];
        let (w, v) = eig(&a).unwrap();
        let (w, v) = (w.to_vec(), v.to_vec());
        assert_eq!(
            eigvals(&a).unwrap().to_vec(),
            w,
            "{case}: eigvals == eig's values"
        );
        let (ww, vw) = (c128s(&format!("{case}_w")), c128s(&format!("{case}_v")));
        assert_eq!(w.len(), ww.len(), "{case}");
        // A defective eigenvalue is only sqrt(eps)-accurate (LAPACK's too).
        let tol = if case == "eig_defective" {
            1e-7
        } else {
            1e3 * n as f64 * f64::EPSILON
        };
        let av = a.to_vec();
        for b in 0..w.len() / n.max(1) {
            let (wb, wwb) = (&w[b * n..(b + 1) * n], &ww[b * n..(b + 1) * n]);
            let mut used = vec![false; n];
            for (jn, want) in wwb.iter().enumerate() {
                // Order-independent: the nearest unused eigenvalue.
                let j = (0..n)
                    .filter(|&j| !used[j])
                    .min_by(|&x, &y| (wb[x] - want).norm().total_cmp(&(wb[y] - want).norm()))
                    .unwrap();
                used[j] = true;
                let scale = 1.0 + want.norm();
                assert!(
                    (wb[j] - want).norm() <= tol * scale,
                    "{case}: {} vs {want}",
                    wb[j]
                );
                if case == "eig_defective" {
                    continue;
                }
                // Vector: unit norm, equal to NumPy's up to a phase, and A v = w v.
                let col = |m: &[Complex64], k: usize| -> Vec<Complex64> {
                    (0..n).map(|i| m[b * n * n + i * n + k]).collect()
                };
                let (g, r) = (col(&v, j), col(&vw, jn));
                let nrm: f64 = g.iter().map(|c| c.norm_sqr()).sum::<f64>().sqrt();
                assert!((nrm - 1.0).abs() <= tol, "{case}: |v| = {nrm}");
                let overlap: Complex64 = g.iter().zip(&r).map(|(x, y)| x * y.conj()).sum();
                assert!(
                    (overlap.norm() - 1.0).abs() <= tol * 10.0,
                    "{case}: |<v, v_np>| = {}",
                    overlap.norm()
                );
                for i in 0..n {
                    let avi: Complex64 = (0..n).map(|k| g[k] * av[b * n * n + i * n + k]).sum();
                    assert!(
                        (avi - wb[j] * g[i]).norm() <= tol * scale,
                        "{case}: residual"
                    );
                }
            }
        }
    }
    let nan = NdArray::from_shape_vec(&[2, 2], vec![f64::NAN, 1.0, 2.0, 1.0]).unwrap();
    assert!(eig(&nan).unwrap().0.to_vec().iter().any(|c| c.re.is_nan()));
}

#[test]
fn edge_shapes() {
    let e = NdArray::<f64>::from_shape_vec(&[0, 0], vec![]).unwrap();
    assert_eq!(det(&e).unwrap().to_vec(), vec![1.0]);
    assert_eq!(inv(&e).unwrap().shape(), &[0, 0]);
    assert_eq!(cholesky(&e).unwrap().shape(), &[0, 0]);
    let w = NdArray::<f64>::from_shape_vec(&[0, 3], vec![]).unwrap();
    let f = qr(&w, QrMode::Reduced).unwrap();
    assert_eq!(
        (f.q.unwrap().shape(), f.r.shape()),
        (&[0, 0][..], &[0, 3][..])
    );
    let stack = NdArray::<f64>::from_shape_vec(&[0, 2, 2], vec![]).unwrap();
    assert_eq!(det(&stack).unwrap().shape(), &[0]);
}

#[test]
fn errors_match_numpy() {
    let text = |name: &str| get(name).string();
    let eye2 = NdArray::from_shape_vec(&[2, 2], vec![1.0, 0.0, 0.0, 1.0]).unwrap();
    let ones = |s: &[usize]| NdArray::from_shape_vec(s, vec![1.0; s.iter().product()]).unwrap();
    let msg = |e: LinAlgError| e.to_string();
    assert_eq!(
        msg(solve(&eye2, &ones(&[3])).unwrap_err()),
        text("err_solve1")
    );
    assert_eq!(
        msg(solve(&eye2, &ones(&[3, 1])).unwrap_err()),
        text("err_solve")
    );
    assert_eq!(
        msg(solve(&eye2, &ones(&[])).unwrap_err()),
        text("err_solve_0d")
    );
    let e = solve(&ones(&[2, 2, 2]), &ones(&[3, 2, 1])).unwrap_err();
    assert_eq!(msg(e), text("err_solve_bcast"));
    assert_eq!(msg(inv(&ones(&[2, 3])).unwrap_err()), text("err_square"));
    assert_eq!(msg(inv(&ones(&[3])).unwrap_err()), text("err_1d"));
    assert_eq!(msg(inv(&ones(&[3, 3])).unwrap_err()), text("err_singular"));
    let neg = NdArray::from_shape_vec(&[2, 2], vec![-1.0, 0.0, 0.0, -1.0]).unwrap();
    assert_eq!(msg(cholesky(&neg).unwrap_err()), text("err_not_pd"));
    // NaN never hangs: cholesky reports it, solve propagates it.
    let nan = NdArray::from_shape_vec(&[2, 2], vec![f64::NAN, 0.0, 0.0, 1.0]).unwrap();
    assert!(cholesky(&nan).is_err());
    assert!(solve(&nan, &ones(&[2])).unwrap().to_vec()[0].is_nan());
    assert!(qr(&nan, QrMode::Reduced).unwrap().r.to_vec()[0].is_nan());
    assert!(eigh(&nan).unwrap().0.to_vec().iter().any(|x| x.is_nan()));
    assert!(svdvals(&nan).unwrap().to_vec().iter().any(|x| x.is_nan()));
    let inf = NdArray::from_shape_vec(&[2, 2], vec![f64::INFINITY, 1.0, 1.0, 1.0]).unwrap();
    let _ = (eigvalsh(&inf).unwrap(), svdvals(&inf).unwrap()); // returns, whatever the values
}

/// `max |x|` of a slice.
fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn matrix(n: usize, m: usize) -> impl Strategy<Value = NdArray<f64>> {
    prop::collection::vec(-1.0f64..1.0, n * m)
        .prop_map(move |v| NdArray::from_shape_vec(&[n, m], v).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// `||A x - b|| <= c n eps ||A|| ||x||` (backward stability of partial pivoting),
    /// through the blocked path for n > 64.
    #[test]
    fn solve_residual((a, b) in (1usize..100, 1usize..4).prop_flat_map(|(n, k)| (matrix(n, n), matrix(n, k)))) {
        let n = a.shape()[0];
        let x = solve(&a, &b).unwrap();
        let r = matmul(&a, &x).unwrap();
        let res: Vec<f64> = r.to_vec().iter().zip(b.to_vec()).map(|(p, q)| p - q).collect();
        let bound = 64.0 * n as f64 * f64::EPSILON * max_abs(&a.to_vec()) * max_abs(&x.to_vec()) * n as f64;
        prop_assert!(max_abs(&res) <= bound, "residual {} > {}", max_abs(&res), bound);
    }

    /// `A = Q R`, `Q^T Q = I`, `R` upper triangular.
    #[test]
    fn qr_laws(a in (1usize..90, 1usize..90).prop_flat_map(|(m, n)| matrix(m, n))) {
        let (m, n) = (a.shape()[0], a.shape()[1]);
        let f = qr(&a, QrMode::Reduced).unwrap();
        let q = f.q.unwrap();
        let tol = 16.0 * m.max(n) as f64 * f64::EPSILON * max_abs(&a.to_vec()).max(1e-300) * (n as f64).sqrt();
        let back = matmul(&q, &f.r).unwrap().to_vec();
        let err: Vec<f64> = back.iter().zip(a.to_vec()).map(|(x, y)| x - y).collect();
        prop_assert!(max_abs(&err) <= tol, "||A - QR|| {}", max_abs(&err));
        let k = m.min(n);
        let qtq = matmul(&q.view().t(), &q).unwrap().to_vec();
        for i in 0..k {
            for j in 0..k {
                let want = if i == j { 1.0 } else { 0.0 };
                prop_assert!((qtq[i * k + j] - want).abs() <= 16.0 * m as f64 * f64::EPSILON);
            }
        }
        let r = f.r.to_vec();
        for i in 0..k {
            for j in 0..i.min(n) {
                prop_assert_eq!(r[i * n + j], 0.0);
            }
        }
    }

    /// `A = L L^T` for `A = M M^T + n I`.
    #[test]
    fn cholesky_law(m in (1usize..100).prop_flat_map(|n| matrix(n, n))) {
        let n = m.shape()[0];
        let mut a = matmul(&m, &m.view().t()).unwrap();
        for i in 0..n {
            a.as_slice_mut().unwrap()[i * n + i] += n as f64;
        }
        let l = cholesky(&a).unwrap();
        let back = matmul(&l, &l.view().t()).unwrap().to_vec();
        let err: Vec<f64> = back.iter().zip(a.to_vec()).map(|(x, y)| x - y).collect();
        let tol = 16.0 * n as f64 * f64::EPSILON * max_abs(&a.to_vec());
        prop_assert!(max_abs(&err) <= tol, "||A - LL^T|| {} > {}", max_abs(&err), tol);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// `||A - U S Vt|| <= c n eps ||A||` and sorted singular values.
    #[test]
    fn svd_law(a in (1usize..24, 1usize..24).prop_flat_map(|(m, n)| matrix(m, n))) {
        let (m, n) = (a.shape()[0], a.shape()[1]);
        let f = svd(&a, false).unwrap();
        let k = m.min(n);
        let (u, s, vt) = (f.u.to_vec(), f.s.to_vec(), f.vt.to_vec());
        prop_assert!(s.windows(2).all(|w| w[0] >= w[1]));
        let av = a.to_vec();
        let tol = 32.0 * m.max(n) as f64 * f64::EPSILON * s[0].max(1e-300);
        for i in 0..m {
            for j in 0..n {
                let x: f64 = (0..k).map(|p| u[i * k + p] * s[p] * vt[p * n + j]).sum();
                prop_assert!((x - av[i * n + j]).abs() <= tol);
            }
        }
    }

    /// `||A V - V diag(w)|| <= c n eps ||A||`, ascending `w`.
    #[test]
    fn eigh_law(m in (1usize..24).prop_flat_map(|n| matrix(n, n))) {
        let n = m.shape()[0];
        let a = matmul(&m, &m.view().t()).unwrap(); // symmetric
        let (w, v) = eigh(&a).unwrap();
        let (w, v, av) = (w.to_vec(), v.to_vec(), a.to_vec());
        prop_assert!(w.windows(2).all(|p| p[0] <= p[1]));
        let tol = 32.0 * n as f64 * f64::EPSILON * max_abs(&w).max(1e-300);
        for i in 0..n {
            for j in 0..n {
                let x: f64 = (0..n).map(|p| av[i * n + p] * v[p * n + j]).sum();
                prop_assert!((x - w[j] * v[i * n + j]).abs() <= tol);
            }
        }
    }
}

// ---- eigh: divide and conquer under stress -------------------------------------------------

/// A symmetric matrix from a seeded LCG, entries in [-0.5, 0.5).
fn rand_sym(n: usize, seed: u64) -> Vec<f64> {
    let mut st = seed.wrapping_mul(0x9E3779B97F4A7C15) | 1;
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            st = st
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = ((st >> 11) as f64) / ((1u64 << 53) as f64) - 0.5;
            a[i * n + j] = v;
            a[j * n + i] = v;
        }
    }
    a
}

/// The dense symmetric tridiagonal matrix with diagonal `d` and off-diagonal `e`.
fn tridiag(d: &[f64], e: &[f64]) -> Vec<f64> {
    let n = d.len();
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        a[i * n + i] = d[i];
        if i + 1 < n {
            a[i * n + i + 1] = e[i];
            a[(i + 1) * n + i] = e[i];
        }
    }
    a
}

/// `Q diag(lam) Q^T` with `Q` a Householder reflection of a seeded vector (dense `Q`).
fn with_spectrum(lam: &[f64], seed: u64) -> Vec<f64> {
    let n = lam.len();
    let u: Vec<f64> = rand_sym(n, seed)[..n].to_vec();
    let uu: f64 = u.iter().map(|x| x * x).sum();
    let q = |i: usize, j: usize| f64::from(u8::from(i == j)) - 2.0 * u[i] * u[j] / uu;
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            a[i * n + j] = (0..n).map(|k| q(i, k) * lam[k] * q(j, k)).sum();
        }
    }
    a
}

/// `eigh` of the `n x n` `a` (as `T`): ascending values, `max|A V - V diag(w)| <= c n eps
/// ||A||` and `max|V^T V - I| <= c n eps`; returns the eigenvalues.
fn check_eigh<T: LinalgReal>(case: &str, a: &[f64], n: usize, c: f64) -> Vec<f64> {
    let at =
        NdArray::from_shape_vec(&[n, n], a.iter().map(|&x| T::from(x).unwrap()).collect()).unwrap();
    let (w, v) = eigh(&at).unwrap();
    let w: Vec<f64> = w.to_vec().iter().map(|x| x.to_f64().unwrap()).collect();
    let v: Vec<f64> = v.to_vec().iter().map(|x| x.to_f64().unwrap()).collect();
    // The matrix actually factored (rounded to T).
    let a: Vec<f64> = at.to_vec().iter().map(|x| x.to_f64().unwrap()).collect();
    assert!(w.windows(2).all(|p| p[0] <= p[1]), "{case}: ascending");
    // (`f64::max` below would skip a NaN.)
    assert!(
        w.iter().chain(&v).all(|x| x.is_finite()),
        "{case} n={n}: non-finite output"
    );
    let eps = T::epsilon().to_f64().unwrap();
    let norm = max_abs(&w).max(f64::MIN_POSITIVE);
    let (mut res, mut orth) = (0.0f64, 0.0f64);
    for j in 0..n {
        for i in 0..n {
            let av: f64 = (0..n).map(|p| a[i * n + p] * v[p * n + j]).sum();
            res = res.max((av - w[j] * v[i * n + j]).abs());
        }
        for k in 0..=j {
            let d: f64 = (0..n).map(|p| v[p * n + j] * v[p * n + k]).sum();
            orth = orth.max((d - if j == k { 1.0 } else { 0.0 }).abs());
        }
    }
    let nn = n.max(1) as f64;
    assert!(
        res <= c * nn * eps * norm,
        "{case} n={n}: residual {res:e} > {:e}",
        c * nn * eps * norm
    );
    assert!(
        orth <= c * nn * eps,
        "{case} n={n}: orthogonality {orth:e} > {:e}",
        c * nn * eps
    );
    w
}

/// Random symmetric matrices of every size 1..=70 (the QL leaves end at 25 rows, so the
/// sizes cross one and two levels of merging) and n = 200; f64 and f32.
#[test]
fn eigh_dc_random_sizes() {
    for n in (1..=70).chain([200]) {
        check_eigh::<f64>("random", &rand_sym(n, n as u64), n, 4.0);
    }
    for n in [1, 25, 26, 51, 100] {
        check_eigh::<f32>("random f32", &rand_sym(n, n as u64), n, 4.0);
    }
}

/// Spectra that deflate heavily: identity, identity plus a tiny perturbation, repeated
/// and clustered eigenvalues, a diagonal matrix, and an already tridiagonal one.
#[test]
fn eigh_dc_clustered_spectra() {
    let n = 100;
    let id: Vec<f64> = (0..n * n)
        .map(|p| f64::from(u8::from(p % (n + 1) == 0)))
        .collect();
    let w = check_eigh::<f64>("identity", &id, n, 4.0);
    assert!(w.iter().all(|&x| x == 1.0));
    let pert: Vec<f64> = id
        .iter()
        .zip(rand_sym(n, 3))
        .map(|(x, r)| x + 1e-14 * r)
        .collect();
    check_eigh::<f64>("identity + 1e-14", &pert, n, 4.0);
    // Three eigenvalues, each ~27 times, and a cluster 1e-12 wide.
    let lam: Vec<f64> = (0..80)
        .map(|i| match i % 3 {
            0 => -1.0,
            1 => 2.0,
            _ => 0.5 + 1e-12 * i as f64,
        })
        .collect();
    let w = check_eigh::<f64>("repeated", &with_spectrum(&lam, 9), 80, 8.0);
    let mut want = lam.clone();
    want.sort_by(|a, b| a.partial_cmp(b).unwrap());
    for (g, x) in w.iter().zip(&want) {
        assert!((g - x).abs() <= 1e-13, "repeated: {g} vs {x}");
    }
    let diag: Vec<f64> = (0..60 * 60)
        .map(|p| {
            if p % 61 == 0 {
                ((p / 61) % 4) as f64
            } else {
                0.0
            }
        })
        .collect();
    check_eigh::<f64>("diagonal", &diag, 60, 4.0);
    let d: Vec<f64> = rand_sym(90, 5)[..90].to_vec();
    let e: Vec<f64> = rand_sym(90, 6)[..89].to_vec();
    check_eigh::<f64>("tridiagonal", &tridiag(&d, &e), 90, 4.0);
    check_eigh::<f32>("repeated f32", &with_spectrum(&lam, 9), 80, 8.0);
}

/// Wilkinson's W21+ (pairs of eigenvalues equal to 1e-15 and more) and five copies glued
/// by 1e-10: the classic cases for deflating close poles.
#[test]
fn eigh_dc_wilkinson() {
    let w21d: Vec<f64> = (0..21).map(|i| (i as f64 - 10.0).abs()).collect();
    let w = check_eigh::<f64>("W21+", &tridiag(&w21d, &[1.0; 20]), 21, 4.0);
    assert!(
        (w[20] - 10.746194182903393).abs() < 1e-12,
        "W21+ largest {}",
        w[20]
    );
    let d: Vec<f64> = (0..5).flat_map(|_| w21d.iter().copied()).collect();
    let e: Vec<f64> = (0..104)
        .map(|i| if i % 21 == 20 { 1e-10 } else { 1.0 })
        .collect();
    check_eigh::<f64>("glued W21+", &tridiag(&d, &e), 105, 4.0);
    check_eigh::<f32>("glued W21+ f32", &tridiag(&d, &e), 105, 4.0);
}

/// The same bits with one thread as with the default pool, and every SIMD level within the
/// residual bounds.
#[test]
fn eigh_dc_threads_and_levels() {
    use numerust_kernels::simd::{Level, detected, force_level};
    let n = 160;
    let a = NdArray::from_shape_vec(&[n, n], rand_sym(n, 11)).unwrap();
    let (w, v) = eigh(&a).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let (w1, v1) = pool.install(|| eigh(&a).unwrap());
    assert_eq!((w.to_vec(), v.to_vec()), (w1.to_vec(), v1.to_vec()));
    for level in [Level::Scalar, Level::Avx2] {
        force_level(level);
        check_eigh::<f64>("level", &rand_sym(n, 11), n, 4.0);
        check_eigh::<f32>("level f32", &rand_sym(n, 11), n, 4.0);
    }
    force_level(detected());
}

/// Sizes whose work arrays (>= 1 MiB) come from core's recycled buffers: the second and
/// third calls get buffers still holding the first call's numbers, which must all be
/// overwritten.
#[test]
fn eigh_dc_recycled_buffers() {
    let n = 400;
    for seed in [21, 22, 23] {
        check_eigh::<f64>("recycled", &rand_sym(n, seed), n, 4.0);
    }
}

/// Entries near the ends of the exponent range (only the scale differs from a tame case).
#[test]
fn eigh_dc_extreme_scales() {
    let n = 60;
    for scale in [1e150, 1e-150, 1e300, 1e-300] {
        let a: Vec<f64> = rand_sym(n, 31).iter().map(|x| x * scale).collect();
        check_eigh::<f64>("scaled", &a, n, 4.0);
    }
}

/// A reproducible `n x n` matrix with entries in [-1, 1) (a 64-bit LCG).
fn lcg_matrix(n: usize, seed: u64) -> Vec<f64> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n * n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((x >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

/// `max_j ||A v_j - w_j v_j|| / (n eps ||A||_F)` over the eigenpairs `eig` returns, after
/// checking that `eigvals` gives the same values, that every vector has unit norm and that
/// complex eigenvalues come in adjacent conjugate pairs.
fn eig_residual(a: &[f64], n: usize) -> f64 {
    let m = NdArray::from_shape_vec(&[n, n], a.to_vec()).unwrap();
    let (w, v) = eig(&m).unwrap();
    let (w, v) = (w.to_vec(), v.to_vec());
    assert_eq!(
        eigvals(&m).unwrap().to_vec(),
        w,
        "n={n}: eigvals == eig's values"
    );
    let anorm = a
        .iter()
        .map(|x| x * x)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
    let mut worst = 0.0f64;
    let mut j = 0;
    while j < n {
        if w[j].im != 0.0 {
            assert!(
                w[j].im > 0.0 && j + 1 < n && w[j + 1] == w[j].conj(),
                "n={n}: pair at {j}"
            );
        }
        let col: Vec<Complex64> = (0..n).map(|i| v[i * n + j]).collect();
        let nrm: f64 = col.iter().map(|c| c.norm_sqr()).sum::<f64>().sqrt();
        assert!((nrm - 1.0).abs() < 1e-12, "n={n}: |v_{j}| = {nrm}");
        let mut r = 0.0f64;
        for i in 0..n {
            let avi: Complex64 = (0..n).map(|k| col[k] * a[i * n + k]).sum();
            r += (avi - w[j] * col[i]).norm_sqr();
        }
        worst = worst.max(r.sqrt() / (n as f64 * f64::EPSILON * anorm));
        j += if w[j].im > 0.0 { 2 } else { 1 };
    }
    worst
}

/// `||A v - w v|| <= c n eps ||A||` for every size 1..=70 (past the 32-reflector groups of
/// the delayed row updates) and n = 200, random dense matrices (many complex pairs), plus
/// matrices that split during the iteration: block diagonal, exact zeros on the
/// subdiagonal, a zero column, all zeros (once a NaN: the split test was `< eps * 0`), and
/// the companion matrix of `x^16 - 1`.
#[test]
fn eig_residual_law() {
    let c = 8.0;
    for n in (1..=70).chain([200]) {
        let a = lcg_matrix(n, n as u64);
        let r = eig_residual(&a, n);
        assert!(r <= c, "n={n}: residual {r} n eps ||A||");
    }
    let n = 60;
    let mut blocks = lcg_matrix(n, 7);
    for i in 0..n {
        for j in 0..n {
            if (i < 25) != (j < 25) {
                blocks[i * n + j] = 0.0;
            }
        }
    }
    let mut hess = lcg_matrix(n, 8);
    for i in 0..n {
        for j in 0..n {
            if i > j + 1 || (i == j + 1 && i % 13 == 0) {
                hess[i * n + j] = 0.0;
            }
        }
    }
    let mut zcol = lcg_matrix(n, 9);
    for i in 0..n {
        zcol[i * n + 3] = 0.0;
    }
    // The companion matrix of x^16 - 1 (a cyclic shift): the 16th roots of unity, seven
    // complex pairs.
    let mut companion = vec![0.0; 16 * 16];
    for i in 1..16 {
        companion[i * 16 + i - 1] = 1.0;
    }
    companion[15] = 1.0;
    for (name, a, n) in [
        ("blocks", blocks, n),
        ("hessenberg", hess, n),
        ("zero column", zcol, n),
        ("zeros", vec![0.0; 40 * 40], 40),
        ("x^16 - 1", companion, 16),
    ] {
        let r = eig_residual(&a, n);
        assert!(r <= c, "{name}: residual {r} n eps ||A||");
    }
}

/// `eig` gives the same bits on one rayon thread as on two (its GEMMs split with a fixed
/// k-blocking; the QR sweeps are sequential).
#[test]
fn eig_thread_count_independent() {
    let n = 300;
    let a = NdArray::from_shape_vec(&[n, n], lcg_matrix(n, 11)).unwrap();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let (w, v) = eig(&a).unwrap();
            (w.to_vec(), v.to_vec())
        })
    };
    assert_eq!(run(1), run(2));
}

/// A NaN or inf anywhere gives NaN eigenvalues and vectors at once (not after the
/// iteration cap's `60 n` sweeps).
#[test]
fn eig_non_finite_input() {
    let n = 300;
    for bad in [f64::NAN, f64::INFINITY] {
        let mut a = lcg_matrix(n, 3);
        a[n * n - 1] = bad;
        let m = NdArray::from_shape_vec(&[n, n], a).unwrap();
        let (w, v) = eig(&m).unwrap();
        assert!(w.to_vec().iter().all(|c| c.re.is_nan()));
        assert!(v.to_vec().iter().all(|c| c.re.is_nan()));
        assert!(eigvals(&m).unwrap().to_vec().iter().all(|c| c.re.is_nan()));
    }
}

/// `eig` in f32 (the same generic code at f32's eps): `||A v - w v|| <= c n eps32 ||A||`
/// past one 32-reflector group.
#[test]
fn eig_f32_residual() {
    let n = 45;
    let a: Vec<f32> = lcg_matrix(n, 5).iter().map(|&x| x as f32).collect();
    let m = NdArray::from_shape_vec(&[n, n], a.clone()).unwrap();
    let (w, v) = eig(&m).unwrap();
    let (w, v) = (w.to_vec(), v.to_vec());
    let anorm = a.iter().map(|&x| f64::from(x * x)).sum::<f64>().sqrt();
    for j in 0..n {
        let mut r = 0.0f64;
        for i in 0..n {
            let (mut re, mut im) = (0.0f64, 0.0f64);
            for k in 0..n {
                re += f64::from(a[i * n + k]) * f64::from(v[k * n + j].re);
                im += f64::from(a[i * n + k]) * f64::from(v[k * n + j].im);
            }
            let (wr, wi) = (f64::from(w[j].re), f64::from(w[j].im));
            let (vr, vi) = (f64::from(v[i * n + j].re), f64::from(v[i * n + j].im));
            r += (re - (wr * vr - wi * vi)).powi(2) + (im - (wr * vi + wi * vr)).powi(2);
        }
        let tol = 8.0 * n as f64 * f64::from(f32::EPSILON) * anorm;
        assert!(
            r.sqrt() <= tol,
            "f32 eig {j}: residual {} > {tol}",
            r.sqrt()
        );
    }
}

/// A deterministic pseudo-random `rows x cols` matrix in [-1, 1).
fn lcg_rect(rows: usize, cols: usize, seed: u64) -> Vec<f64> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..rows * cols)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

/// `Q1 diag(sigma) Q2^T` (`m x n`) with orthonormal `Q1`, `Q2` from QR of random matrices:
/// a matrix whose singular values are exactly `sigma` (up to rounding of the product).
fn with_singular_values(m: usize, n: usize, sigma: &[f64], seed: u64) -> NdArray<f64> {
    let k = m.min(n);
    let q1 = qr(
        &NdArray::from_shape_vec(&[m, k], lcg_rect(m, k, seed)).unwrap(),
        QrMode::Reduced,
    )
    .unwrap()
    .q
    .unwrap()
    .to_vec();
    let q2 = qr(
        &NdArray::from_shape_vec(&[n, k], lcg_rect(n, k, seed + 1)).unwrap(),
        QrMode::Reduced,
    )
    .unwrap()
    .q
    .unwrap()
    .to_vec();
    let mut a = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            a[i * n + j] = (0..k)
                .map(|p| q1[i * k + p] * sigma[p] * q2[j * k + p])
                .sum();
        }
    }
    NdArray::from_shape_vec(&[m, n], a).unwrap()
}

/// The SVD laws for one `m x n` matrix, full and reduced: `||A - U S Vt|| <= c n eps ||A||`,
/// `U^T U = I`, `Vt Vt^T = I`, descending non-negative `s`, `svdvals == s`, and (when given)
/// `s` within the same bound of the known singular values.
fn check_svd_laws(case: &str, a: &NdArray<f64>, known: Option<&[f64]>) {
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let k = m.min(n);
    let av = a.to_vec();
    let anorm = max_abs(&av).max(f64::MIN_POSITIVE) * (m.max(n) as f64).sqrt();
    let tol = 32.0 * m.max(n) as f64 * f64::EPSILON;
    for full in [false, true] {
        let f = svd(a, full).unwrap();
        let (uc, vr) = if full { (m, n) } else { (k, k) };
        assert_eq!(f.u.shape(), &[m, uc][..], "{case}");
        assert_eq!(f.vt.shape(), &[vr, n][..], "{case}");
        let (u, s, vt) = (f.u.to_vec(), f.s.to_vec(), f.vt.to_vec());
        assert!(
            s.windows(2).all(|w| w[0] >= w[1]) && s.iter().all(|&x| x >= 0.0),
            "{case}: s not descending/non-negative"
        );
        for i in 0..m {
            for j in 0..n {
                let x: f64 = (0..k).map(|p| u[i * uc + p] * s[p] * vt[p * n + j]).sum();
                assert!(
                    (x - av[i * n + j]).abs() <= tol * anorm,
                    "{case} full={full}: A != U S Vt at ({i},{j}): {}",
                    (x - av[i * n + j]).abs() / anorm
                );
            }
        }
        for (name, q, rows, cols, by_rows) in [("U", &u, m, uc, false), ("Vt", &vt, vr, n, true)] {
            let sz = if by_rows { rows } else { cols };
            let len = if by_rows { cols } else { rows };
            for i in 0..sz {
                for j in 0..=i {
                    let g: f64 = (0..len)
                        .map(|p| {
                            if by_rows {
                                q[i * cols + p] * q[j * cols + p]
                            } else {
                                q[p * cols + i] * q[p * cols + j]
                            }
                        })
                        .sum();
                    let want = if i == j { 1.0 } else { 0.0 };
                    assert!(
                        (g - want).abs() <= tol,
                        "{case} full={full}: {name} not orthonormal ({i},{j}): {g}"
                    );
                }
            }
        }
        let sv = svdvals(a).unwrap().to_vec();
        for (x, y) in sv.iter().zip(&s) {
            assert!(
                (x - y).abs() <= tol * anorm,
                "{case}: svdvals {x} vs svd {y}"
            );
        }
        if let Some(want) = known {
            let mut want = want.to_vec();
            want.sort_by(|x, y| y.partial_cmp(x).unwrap());
            for (x, y) in s.iter().zip(&want) {
                assert!((x - y).abs() <= tol * anorm, "{case}: s {x} vs known {y}");
            }
        }
    }
}

/// Divide and conquer under stress: sizes around the leaf (25) and merge boundaries,
/// clustered, repeated and zero singular values, graded matrices, 200 x 200, and the tall
/// (QR first), mildly tall, and wide paths.
#[test]
fn svd_divide_and_conquer_stress() {
    for n in (1..=70).step_by(3).chain([24, 25, 26, 27, 50, 51, 52]) {
        let a = NdArray::from_shape_vec(&[n, n], lcg_rect(n, n, n as u64)).unwrap();
        check_svd_laws(&format!("random {n}"), &a, None);
    }
    let a = NdArray::from_shape_vec(&[200, 200], lcg_rect(200, 200, 7)).unwrap();
    check_svd_laws("random 200", &a, None);
    for (m, n) in [(150, 60), (80, 70), (60, 150), (97, 33), (33, 97)] {
        let a = NdArray::from_shape_vec(&[m, n], lcg_rect(m, n, (m * n) as u64)).unwrap();
        check_svd_laws(&format!("random {m}x{n}"), &a, None);
    }
    let n = 90;
    let cases: Vec<(&str, Vec<f64>)> = vec![
        ("repeated", vec![1.0; n]),
        (
            "clustered",
            (0..n).map(|i| 1.0 + 1e-13 * (i % 5) as f64).collect(),
        ),
        (
            "rank-deficient",
            (0..n)
                .map(|i| if i < 40 { 1.0 + i as f64 } else { 0.0 })
                .collect(),
        ),
        ("graded", (0..n).map(|i| 0.7f64.powi(i as i32)).collect()),
        (
            "two clusters",
            (0..n)
                .map(|i| if i % 2 == 0 { 3.0 } else { 1e-8 })
                .collect(),
        ),
    ];
    for (name, sigma) in &cases {
        let a = with_singular_values(n, n, sigma, 11);
        check_svd_laws(name, &a, Some(sigma));
        let a = with_singular_values(n + 40, n, sigma, 12);
        check_svd_laws(&format!("{name} tall"), &a, Some(sigma));
    }
    // A stack and f32 through the same code.
    let st = NdArray::from_shape_vec(&[2, 40, 30], lcg_rect(80, 30, 3)).unwrap();
    let f = svd(&st, false).unwrap();
    let one = NdArray::from_shape_vec(&[40, 30], lcg_rect(80, 30, 3)[1200..].to_vec()).unwrap();
    let s1 = svd(&one, false).unwrap().s.to_vec();
    // Within rounding, not bit for bit: another test in this binary may switch the SIMD
    // level (and so the GEMM kernel) between the two calls.
    for (x, y) in f.s.to_vec()[30..].iter().zip(&s1) {
        assert!(
            (x - y).abs() <= 1e-13 * s1[0],
            "stack entry 1 == its own svd"
        );
    }
    let a32 = NdArray::from_shape_vec(&[60, 60], lcg_rect(60, 60, 5)).unwrap();
    let s64 = svdvals(&a32).unwrap().to_vec();
    let f32r = svd(&a32.astype::<f32>(), true).unwrap();
    for (x, y) in f32r.s.to_vec().iter().zip(&s64) {
        assert!((*x as f64 - y).abs() <= 1e-4 * s64[0], "f32 {x} vs f64 {y}");
    }
    let (u, vt) = (f32r.u.to_vec(), f32r.vt.to_vec());
    for i in 0..60 {
        let g: f32 = (0..60).map(|p| u[p * 60 + i] * u[p * 60 + i]).sum();
        let h: f32 = (0..60).map(|p| vt[i * 60 + p] * vt[i * 60 + p]).sum();
        assert!(
            (g - 1.0).abs() < 1e-4 && (h - 1.0).abs() < 1e-4,
            "f32 U/V columns unit"
        );
    }
}

/// Empty and degenerate shapes: NumPy's result shapes, orthogonal factors, no panic.
#[test]
fn svd_edge_shapes() {
    for (m, n) in [
        (0, 0),
        (3, 0),
        (0, 3),
        (1, 1),
        (2, 1),
        (1, 2),
        (5, 1),
        (1, 5),
    ] {
        let a = NdArray::from_shape_vec(&[m, n], lcg_rect(m, n, 1)).unwrap();
        let k = m.min(n);
        for full in [false, true] {
            let f = svd(&a, full).unwrap();
            let (uc, vr) = if full { (m, n) } else { (k, k) };
            assert_eq!(f.u.shape(), &[m, uc][..], "{m}x{n}");
            assert_eq!(f.s.shape(), &[k][..], "{m}x{n}");
            assert_eq!(f.vt.shape(), &[vr, n][..], "{m}x{n}");
            let u = f.u.to_vec();
            for i in 0..uc {
                let g: f64 = (0..m).map(|p| u[p * uc + i] * u[p * uc + i]).sum();
                assert!((g - 1.0).abs() < 1e-12, "{m}x{n}: U column {i} not unit");
            }
        }
        assert_eq!(svdvals(&a).unwrap().shape(), &[k][..]);
    }
    let stack = NdArray::<f64>::from_shape_vec(&[0, 3, 2], vec![]).unwrap();
    let f = svd(&stack, true).unwrap();
    assert_eq!((f.u.shape(), f.s.shape()), (&[0, 3, 3][..], &[0, 2][..]));
    // A zero matrix: zero singular values, orthogonal factors.
    let z = NdArray::<f64>::from_shape_vec(&[40, 30], vec![0.0; 1200]).unwrap();
    check_svd_laws("zeros 40x30", &z, Some(&[0.0; 30]));
    let z = NdArray::<f64>::from_shape_vec(&[30, 30], vec![0.0; 900]).unwrap();
    check_svd_laws("zeros 30x30", &z, Some(&[0.0; 30]));
    // Identity, rank one, and a diagonal with exact zeros (deflation everywhere).
    let n = 60;
    let eye: Vec<f64> = (0..n * n)
        .map(|i| if i % (n + 1) == 0 { 1.0 } else { 0.0 })
        .collect();
    let eye = NdArray::from_shape_vec(&[n, n], eye).unwrap();
    check_svd_laws("identity", &eye, Some(&[1.0; 60]));
    let (x, y) = (lcg_rect(80, 1, 3), lcg_rect(70, 1, 4));
    let outer: Vec<f64> = (0..80 * 70).map(|i| x[i / 70] * y[i % 70]).collect();
    check_svd_laws(
        "rank one",
        &NdArray::from_shape_vec(&[80, 70], outer).unwrap(),
        None,
    );
    let diag: Vec<f64> = (0..n * n)
        .map(|i| {
            if i % (n + 1) == 0 && (i / n) % 3 != 0 {
                (i / n) as f64
            } else {
                0.0
            }
        })
        .collect();
    check_svd_laws(
        "diagonal with zeros",
        &NdArray::from_shape_vec(&[n, n], diag).unwrap(),
        None,
    );
    // Extreme scales: the bidiagonal is scaled before the secular equation squares it.
    for scale in [1e200, 1e-200] {
        let v: Vec<f64> = lcg_rect(50, 40, 8).iter().map(|x| x * scale).collect();
        check_svd_laws(
            &format!("scaled {scale}"),
            &NdArray::from_shape_vec(&[50, 40], v).unwrap(),
            None,
        );
    }
    // NaN and inf never hang (NaN results, as before).
    let mut v = lcg_rect(60, 60, 2);
    v[77] = f64::NAN;
    let nan = NdArray::from_shape_vec(&[60, 60], v).unwrap();
    assert!(
        svd(&nan, true)
            .unwrap()
            .s
            .to_vec()
            .iter()
            .all(|x| x.is_nan())
    );
}
