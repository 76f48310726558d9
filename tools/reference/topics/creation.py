"""Creation: arange, linspace, logspace, eye, identity, diag, diagonal, tri, triu, tril,
meshgrid, and zeros/ones/full/fromfunction/array.

Parameterised functions are stored as numbered cases: `<group>_<i>` holds NumPy's result and
`<group>_<i>_args` the arguments (float64, or int64 for integer arange), so the Rust test
reads the parameter sets from here instead of repeating them.
"""
import math

import numpy as np

F32 = np.float32


def _numbered(out, group, cases):
    for i, (args, result) in enumerate(cases):
        out[f"{group}_{i}"] = np.asarray(result)
        out[f"{group}_{i}_args"] = np.asarray(args)


def _arange(out):
    f64 = [
        (0.0, 1.0, 0.1), (0.3, 1.0, 0.1), (1.0, -1.0, -0.3), (0.0, 10.0, 1.0),
        (0.0, 2.5, 1.0), (-1.5, 2.25, 0.75), (0.0, 1e-300, 1e300), (0.0, -1e-300, 1e300),
        (1e16, 1e16 + 10.0, 1.0), (0.0, 10.0, 3.7), (5.0, 0.0, -0.7), (0.0, 2.0, 2.0 / 3.0),
        (0.0, 5.0, -1.0), (5.0, 5.0, 1.0), (0.0, 1.0, math.inf), (-0.0, 1.0, 0.3),
        (0.1, 1e3 + 0.1, 0.7),
    ]
    # Python floats: NumPy computes the length and `start + step` in float64.
    _numbered(out, "arange_f64", [(a, np.arange(*a)) for a in f64])
    f32 = [
        (0.0, 1.0, 0.1), (-2.0, 3.0, 0.37), (1e7, 1e7 + 50.0, 3.3), (0.3, 1.0, 0.1),
        (3.0, -3.0, -0.45), (0.0, 400.5, 1.1),
    ]
    # np.float32 scalars with dtype=float32: the length and `start + step` in float32.
    _numbered(out, "arange_f32", [
        ((F32(a), F32(b), F32(s)), np.arange(F32(a), F32(b), F32(s), dtype=np.float32))
        for a, b, s in f32
    ])
    i64 = [
        (0, 10, 1), (10, 0, -3), (-7, 8, 4), (0, 2**62 + 1, 2**62),
        (-(2**63), 2**63 - 1, 2**62), (0, 2**53 + 2, 2**52), (5, 5, 1), (0, 5, -1),
        (3, 4, 100), (-(2**63), -(2**63) + 10, 3),
    ]
    _numbered(out, "arange_i64", [(a, np.arange(*a, dtype=np.int64)) for a in i64])
    out["arange_u8"] = np.arange(3, 250, 17, dtype=np.uint8)
    out["arange_i8"] = np.arange(-100, 100, 33, dtype=np.int8)
    out["arange_i32"] = np.arange(-5, 5, 2, dtype=np.int32)


def _spaces(out):
    # (start, stop, num, endpoint)
    lin = [
        (0.0, 1.0, 5, True), (0.0, 1.0, 5, False), (2.0, 3.0, 1, True), (2.0, 3.0, 1, False),
        (2.0, 3.0, 0, True), (0.0, 5e-324, 4, True), (1.0, 1.0, 5, True), (10.0, -3.3, 7, True),
        (0.1, 0.7, 13, False), (1e300, -1e300, 5, True), (-0.0, 0.0, 3, True),
        (0.0, 1.0, 2, True), (-1.7, 9.3, 101, True), (0.0, math.inf, 3, True),
    ]
    f64, f32 = [], []
    for a, b, n, e in lin:
        with np.errstate(all="ignore"):
            y, step = np.linspace(a, b, n, endpoint=e, retstep=True)
            y32, step32 = np.linspace(F32(a), F32(b), n, endpoint=e, retstep=True)
        assert y32.dtype == np.float32
        out_args = (a, b, n, float(e))
        f64.append((out_args, y))
        with np.errstate(over="ignore"):  # 1e300 becomes inf in float32
            f32.append(((float(F32(a)), float(F32(b)), n, float(e)), y32))
        out[f"linspace_f64_{len(f64) - 1}_step"] = np.array(step, dtype=np.float64)
        out[f"linspace_f32_{len(f32) - 1}_step"] = np.array(step32, dtype=np.float32)
    _numbered(out, "linspace_f64", f64)
    _numbered(out, "linspace_f32", f32)
    # (start, stop, num, endpoint, base)
    log = [
        (0.0, 3.0, 4, True, 10.0), (-2.0, 2.0, 9, True, 2.0), (0.5, 1.5, 7, False, math.e),
        (1.0, 1.0, 1, True, 10.0), (-3.0, 3.0, 25, True, 10.0), (0.0, 2.0, 0, True, 10.0),
        (-1.0, 1.0, 11, True, 3.0), (0.0, 1.0, 5, True, 0.5),
    ]
    _numbered(out, "logspace_f64", [
        ((a, b, n, float(e), base), np.logspace(a, b, n, endpoint=e, base=base))
        for a, b, n, e, base in log
    ])
    lf32 = []
    for a, b, n, e, base in log:
        y = np.logspace(F32(a), F32(b), n, endpoint=e, base=F32(base))
        assert y.dtype == np.float32
        lf32.append(((float(F32(a)), float(F32(b)), n, float(e), float(F32(base))), y))
    _numbered(out, "logspace_f32", lf32)


def _matrices(out):
    # eye/tri: (n, m or -1 for None, k)
    shapes = [(3, -1, 0), (2, 4, 1), (4, 2, -1), (3, 3, 5), (0, -1, 0), (3, -1, -3),
              (1, -1, 0), (3, 5, -2), (2, 0, 0)]
    _numbered(out, "eye", [((n, m, k), np.eye(n, None if m < 0 else m, k))
                           for n, m, k in shapes])
    _numbered(out, "tri", [((n, m, k), np.tri(n, None if m < 0 else m, k))
                           for n, m, k in shapes])
    out["identity_4"] = np.identity(4)
    v = np.array([1.5, -2.0, 3.25])
    m = np.arange(12.0).reshape(3, 4)
    out["diag_v"] = v
    out["diag_m"] = m
    _numbered(out, "diag1", [((k,), np.diag(v, k)) for k in (0, 1, -2, 4)])
    _numbered(out, "diag2", [((k,), np.diag(m, k).copy()) for k in (0, 1, 3, 4, -1, -2, -3, -9)])
    out["diag_empty"] = np.diag(np.array([], dtype=float), 2)
    c = np.arange(24.0).reshape(2, 3, 4)
    out["cube"] = c
    _numbered(out, "diagonal_axes", [
        ((off, a1, a2), np.ascontiguousarray(np.diagonal(c, off, a1, a2)))
        for off, a1, a2 in ((1, 1, 2), (-1, 0, 2), (1, 2, 0), (0, -1, -2), (2, 0, 1))
    ])
    t = np.arange(1.0, 13.0).reshape(3, 4)
    out["tri_input"] = t
    ks = (-1, 0, 2, 10, -10)
    _numbered(out, "triu", [((k,), np.triu(t, k)) for k in ks])
    _numbered(out, "tril", [((k,), np.tril(t, k)) for k in ks])
    _numbered(out, "triu_cube", [((k,), np.triu(c, k)) for k in (0, 1, -1)])
    _numbered(out, "tril_cube", [((k,), np.tril(c, k)) for k in (0, 1, -1)])
    out["triu_1d"] = np.triu(v, 0)
    out["tril_1d"] = np.tril(v, -1)
    x, y, z = np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0]), np.array([6.0, 7.0, 8.0, 9.0])
    out["mesh_x"], out["mesh_y"], out["mesh_z"] = x, y, z
    for name, arrs in (("xy", (x, y)), ("xyz", (x, y, z)), ("x", (x,))):
        for ix in ("xy", "ij"):
            for i, g in enumerate(np.meshgrid(*arrs, indexing=ix)):
                out[f"meshgrid_{name}_{ix}_{i}"] = g
    two_d = np.array([[1.0, 2.0], [3.0, 4.0]])
    for i, g in enumerate(np.meshgrid(two_d, y, indexing="xy")):
        out[f"meshgrid_2d_xy_{i}"] = g


def _values(out):
    out["zeros_2x3"] = np.zeros((2, 3))
    out["zeros_0x4"] = np.zeros((0, 4))
    out["ones_3"] = np.ones(3, dtype=np.int64)
    out["ones_0d"] = np.ones(())
    out["full_2x2"] = np.full((2, 2), 7.5)
    out["full_i32"] = np.full((3, 1, 2), -4, dtype=np.int32)
    out["fromfunction"] = np.fromfunction(lambda i, j: 10 * i + j, (2, 3), dtype=np.int64)
    out["array_nested"] = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64)
    out["array_3d"] = np.array([[[1.0], [2.0]], [[3.0], [4.0]]])


def cases():
    out = {}
    _arange(out)
    _spaces(out)
    _matrices(out)
    _values(out)
    return out
