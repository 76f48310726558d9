"""Factorizations and solvers for numerust-linalg: solve, inv, det, slogdet, cholesky
(lower and upper), qr (reduced/complete/r), f64 and f32, stacks, and NumPy's error texts.

Inputs are stored as <case>_a (and <case>_b); NumPy's results as <case> (or <case>_q,
<case>_r, <case>_sign, <case>_logdet). Hard cases: Hilbert matrices (ill-conditioned:
tests compare residuals there, and results with a tolerance scaled by the condition number
<case>_cond), exactly singular matrices, 1x1 and 0x0. Errors under err_<name>.
"""
import numpy as np


def _err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - we record whatever NumPy raises
        return np.array(str(e))
    raise AssertionError("expected an error")


def _hilbert(n):
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)


def cases():
    rng = np.random.default_rng(20261125)
    out = {}

    def spd(n, *batch):
        m = rng.standard_normal((*batch, n, n))
        return m @ np.swapaxes(m, -1, -2) + n * np.eye(n)

    # solve: 1-D b, 2-D b, stacks (with broadcasting), f32, Hilbert, a size past one block.
    solves = {
        "solve_vec": (rng.standard_normal((5, 5)), rng.standard_normal(5)),
        "solve_mat": (rng.standard_normal((6, 6)), rng.standard_normal((6, 3))),
        "solve_stack": (rng.standard_normal((2, 4, 4)), rng.standard_normal((2, 4, 2))),
        "solve_stack_vec": (rng.standard_normal((3, 4, 4)), rng.standard_normal(4)),
        "solve_bcast": (rng.standard_normal((2, 1, 3, 3)), rng.standard_normal((4, 3, 2))),
        "solve_big": (rng.standard_normal((150, 150)), rng.standard_normal((150, 70))),
        "solve_hilbert": (_hilbert(8), np.ones(8)),
        "solve_1x1": (np.array([[4.0]]), np.array([2.0])),
    }
    for name, (a, b) in solves.items():
        out[f"{name}_a"], out[f"{name}_b"], out[name] = a, b, np.linalg.solve(a, b)
        out[f"{name}_cond"] = np.array(np.linalg.cond(a).max())
    a32 = rng.standard_normal((7, 7)).astype(np.float32)
    b32 = rng.standard_normal((7, 2)).astype(np.float32)
    out["solve_f32_a"], out["solve_f32_b"] = a32, b32
    out["solve_f32"] = np.linalg.solve(a32, b32)
    out["solve_f32_cond"] = np.array(np.linalg.cond(a32.astype(np.float64)))

    # inv
    invs = {
        "inv_small": rng.standard_normal((6, 6)),
        "inv_stack": rng.standard_normal((3, 3, 3)),
        "inv_big": rng.standard_normal((130, 130)),
        "inv_hilbert": _hilbert(6),
        "inv_f32": rng.standard_normal((5, 5)).astype(np.float32),
    }
    for name, a in invs.items():
        out[f"{name}_a"], out[name] = a, np.linalg.inv(a)
        out[f"{name}_cond"] = np.array(np.linalg.cond(a.astype(np.float64)).max())

    # det / slogdet
    dets = {
        "det_small": rng.standard_normal((6, 6)),
        "det_stack": rng.standard_normal((2, 3, 5, 5)),
        "det_big": rng.standard_normal((100, 100)),
        "det_singular": np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]]),
        "det_zero_row": np.array([[1.0, 2.0], [0.0, 0.0]]),
        "det_1x1": np.array([[-3.0]]),
        "det_0x0": np.zeros((0, 0)),
        "det_huge": 100.0 * rng.standard_normal((200, 200)),  # det overflows; slogdet does not
        "det_f32": rng.standard_normal((6, 6)).astype(np.float32),
    }
    for name, a in dets.items():
        out[f"{name}_a"] = a
        with np.errstate(over="ignore"):
            out[name] = np.asarray(np.linalg.det(a))
        sign, logdet = np.linalg.slogdet(a)
        out[f"{name}_sign"], out[f"{name}_logdet"] = np.asarray(sign), np.asarray(logdet)

    # cholesky
    chols = {
        "chol_small": spd(5),
        "chol_stack": spd(4, 2, 2),
        "chol_big": spd(150),
        "chol_1x1": np.array([[9.0]]),
        "chol_f32": spd(6).astype(np.float32),
        "chol_hilbert": _hilbert(7),
    }
    for name, a in chols.items():
        out[f"{name}_a"], out[name] = a, np.linalg.cholesky(a)
        out[f"{name}_upper"] = np.linalg.cholesky(a, upper=True)
    # Only the lower triangle is read: garbage above the diagonal changes nothing.
    g = spd(4)
    g[np.triu_indices(4, 1)] = 99.0
    out["chol_lower_only_a"], out["chol_lower_only"] = g, np.linalg.cholesky(g)
    out["chol_lower_only_upper"] = np.linalg.cholesky(g.T, upper=True)

    # qr
    qrs = {
        "qr_tall": rng.standard_normal((7, 4)),
        "qr_wide": rng.standard_normal((3, 6)),
        "qr_square": rng.standard_normal((6, 6)),
        "qr_big": rng.standard_normal((150, 90)),
        "qr_stack": rng.standard_normal((2, 5, 3)),
        "qr_f32": rng.standard_normal((6, 4)).astype(np.float32),
        "qr_rankdef": np.outer(np.arange(1.0, 6.0), np.arange(1.0, 4.0)),
    }
    for name, a in qrs.items():
        out[f"{name}_a"] = a
        q, r = np.linalg.qr(a)
        out[f"{name}_q"], out[f"{name}_r"] = q, r
        qc, rc = np.linalg.qr(a, mode="complete")
        out[f"{name}_qc"], out[f"{name}_rc"] = qc, rc
        out[f"{name}_ronly"] = np.linalg.qr(a, mode="r")

    # eigh / eigvalsh (values compared directly; vectors up to sign, or by residual when
    # eigenvalues repeat)
    def sym(n, *batch):
        m = rng.standard_normal((*batch, n, n))
        return (m + np.swapaxes(m, -1, -2)) / 2

    q, _ = np.linalg.qr(rng.standard_normal((5, 5)))
    eighs = {
        "eigh_small": sym(5),
        "eigh_stack": sym(4, 2),
        "eigh_big": sym(60),
        "eigh_repeated": q @ np.diag([1.0, 1.0, 2.0, 2.0, 3.0]) @ q.T,
        "eigh_1x1": np.array([[-2.0]]),
        "eigh_f32": sym(6).astype(np.float32),
    }
    g = sym(4)
    g[np.triu_indices(4, 1)] = 99.0  # only the lower triangle is read
    eighs["eigh_lower_only"] = g
    for name, a in eighs.items():
        w, v = np.linalg.eigh(a)
        out[f"{name}_a"], out[f"{name}_w"], out[f"{name}_v"] = a, w, v
        out[f"{name}_wonly"] = np.linalg.eigvalsh(a)

    # svd / svdvals
    svds = {
        "svd_tall": rng.standard_normal((7, 4)),
        "svd_wide": rng.standard_normal((3, 6)),
        "svd_square": rng.standard_normal((5, 5)),
        "svd_big": rng.standard_normal((50, 40)),
        "svd_stack": rng.standard_normal((2, 4, 3)),
        "svd_rankdef": np.outer(np.arange(1.0, 6.0), np.arange(1.0, 4.0)),
        "svd_hilbert": _hilbert(6),
        "svd_f32": rng.standard_normal((5, 3)).astype(np.float32),
    }
    for name, a in svds.items():
        u, sv, vt = np.linalg.svd(a)
        out[f"{name}_a"], out[f"{name}_u"], out[f"{name}_s"], out[f"{name}_vt"] = a, u, sv, vt
        out[f"{name}_svals"] = np.linalg.svdvals(a)

    # norm (ords encoded in the key), cond, matrix_rank, pinv, lstsq
    x = rng.standard_normal((3, 4, 5))
    v = rng.standard_normal(7)
    v[2] = 0.0
    m = rng.standard_normal((4, 5))
    out["norm_x"], out["norm_v"], out["norm_m"] = x, v, m
    out["norm_x_none"] = np.asarray(np.linalg.norm(x))
    out["norm_x_none_keep"] = np.linalg.norm(x, keepdims=True)
    for name, o in [("inf", np.inf), ("neginf", -np.inf), ("0", 0), ("1", 1), ("2", 2),
                    ("3", 3), ("half", 0.5), ("m1", -1)]:
        out[f"norm_v_{name}"] = np.asarray(np.linalg.norm(v, o))
        out[f"norm_x_ax1_{name}"] = np.linalg.norm(x, o, axis=1)
    for name, o in [("fro", "fro"), ("nuc", "nuc"), ("inf", np.inf), ("neginf", -np.inf),
                    ("1", 1), ("m1", -1), ("2", 2), ("m2", -2)]:
        out[f"norm_m_{name}"] = np.asarray(np.linalg.norm(m, o))
        out[f"norm_x_ax20_{name}"] = np.linalg.norm(x, o, axis=(2, 0))
    out["norm_x_ax12_keep"] = np.linalg.norm(x, axis=(1, 2), keepdims=True)
    sq = rng.standard_normal((2, 4, 4))
    out["cond_a"] = sq
    for name, o in [("none", None), ("fro", "fro"), ("1", 1), ("inf", np.inf), ("m2", -2)]:
        out[f"cond_{name}"] = np.linalg.cond(sq, o)
    rk = np.stack([np.outer(np.arange(1.0, 5.0), np.arange(1.0, 4.0)),
                   rng.standard_normal((4, 3)), np.zeros((4, 3))])
    out["rank_a"], out["rank"] = rk, np.linalg.matrix_rank(rk)
    out["rank_hilbert"] = np.asarray(np.linalg.matrix_rank(_hilbert(14)))
    for name, a in [("tall", rng.standard_normal((6, 3))), ("wide", rng.standard_normal((2, 5))),
                    ("rankdef", np.outer(np.arange(1.0, 5.0), np.arange(1.0, 4.0))),
                    ("stack", rng.standard_normal((2, 3, 3)))]:
        out[f"pinv_{name}_a"], out[f"pinv_{name}"] = a, np.linalg.pinv(a)
    for name, a, b in [
        ("tall_vec", rng.standard_normal((8, 3)), rng.standard_normal(8)),
        ("tall_mat", rng.standard_normal((8, 3)), rng.standard_normal((8, 2))),
        ("wide", rng.standard_normal((3, 6)), rng.standard_normal(3)),
        ("rankdef", np.outer(np.arange(1.0, 7.0), np.arange(1.0, 4.0)), rng.standard_normal(6)),
        ("square", rng.standard_normal((4, 4)), rng.standard_normal((4, 2))),
    ]:
        xs, res, rank, sv = np.linalg.lstsq(a, b)
        out[f"lstsq_{name}_a"], out[f"lstsq_{name}_b"] = a, b
        out[f"lstsq_{name}_x"], out[f"lstsq_{name}_res"] = xs, res
        out[f"lstsq_{name}_rank"], out[f"lstsq_{name}_s"] = np.asarray(rank), sv

    # eig / eigvals (general real; complex results stored as complex128)
    eigs = {
        "eig_small": rng.standard_normal((6, 6)),
        "eig_stack": rng.standard_normal((2, 4, 4)),
        "eig_big": rng.standard_normal((50, 50)),
        "eig_rotation": np.array([[0.0, -1.0], [1.0, 0.0]]),
        "eig_defective": np.array([[1.0, 1.0], [0.0, 1.0]]),
        "eig_triangular": np.triu(rng.standard_normal((5, 5))),
        "eig_symmetric": sym(5),
        "eig_1x1": np.array([[7.0]]),
    }
    for name, a in eigs.items():
        w, v = np.linalg.eig(a)
        out[f"{name}_a"] = a
        out[f"{name}_w"], out[f"{name}_v"] = w.astype(np.complex128), v.astype(np.complex128)

    # errors
    out["err_solve1"] = _err(lambda: np.linalg.solve(np.eye(2), np.ones(3)))
    out["err_solve"] = _err(lambda: np.linalg.solve(np.eye(2), np.ones((3, 1))))
    out["err_solve_0d"] = _err(lambda: np.linalg.solve(np.eye(2), np.float64(1)))
    out["err_solve_bcast"] = _err(
        lambda: np.linalg.solve(np.ones((2, 2, 2)), np.ones((3, 2, 1))))
    out["err_square"] = _err(lambda: np.linalg.inv(np.ones((2, 3))))
    out["err_1d"] = _err(lambda: np.linalg.inv(np.ones(3)))
    out["err_singular"] = _err(lambda: np.linalg.inv(np.ones((3, 3))))
    out["err_not_pd"] = _err(lambda: np.linalg.cholesky(-np.eye(2)))
    return out
