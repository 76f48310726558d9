"""Products for numerust-linalg: matmul (2-D, 1-D promotion, batched and broadcast
stacks, empty, f32/f64/int/bool/complex), dot, vdot, inner, outer, tensordot, kron, trace,
matrix_power, and NumPy's error messages for them.

Float inputs are uniform in [0, 1) (no cancellation, so a result element is within
k*eps*|result| of the exact sum whatever the summation order). Each case stores its
inputs as <case>_a / <case>_b and NumPy's result as <case>; the Rust test rebuilds views
(transposes, slices) from the stored inputs as the case name says. Errors are stored as
strings under err_<name>.
"""
import numpy as np


def _err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - we record whatever NumPy raises
        return np.array(str(e))
    raise AssertionError("expected an error")


def cases():
    rng = np.random.default_rng(20240601)
    r = lambda *s: rng.random(s)  # noqa: E731
    out = {}

    def pair(name, a, b, res):
        out[f"{name}_a"], out[f"{name}_b"], out[name] = a, b, np.asarray(res)

    # matmul, f64
    for name, sa, sb in [
        ("mm_2d", (4, 5), (5, 3)),
        ("mm_vec_mat", (5,), (5, 3)),
        ("mm_mat_vec", (4, 5), (5,)),
        ("mm_vec_vec", (5,), (5,)),
        ("mm_batch", (2, 3, 4, 5), (5, 6)),
        ("mm_bcast", (2, 1, 4, 5), (3, 5, 2)),
        ("mm_batch_vec", (3, 4, 5), (5,)),
        ("mm_vec_batch", (5,), (2, 5, 3)),
        ("mm_empty_k", (2, 0), (0, 3)),
        ("mm_empty_m", (0, 3), (3, 4)),
        ("mm_empty_batch", (0, 2, 3), (3, 4)),
        ("mm_large", (70, 130), (130, 65)),
        ("mm_tall", (300, 7), (7, 2)),
    ]:
        a, b = r(*sa), r(*sb)
        pair(name, a, b, a @ b)
    # transposed and sliced operands: the test builds a.T / b[:, ::-2] from the inputs
    a, b = r(5, 4), r(5, 3)
    pair("mm_at_b", a, b, a.T @ b)
    a, b = r(4, 5), r(5, 7)
    pair("mm_a_bslice", a, b, a @ b[:, ::-2])
    a, b = r(6, 40), r(3, 40)
    pair("mm_a_bt", a, b, a @ b.T)
    # other dtypes
    a, b = r(33, 65).astype(np.float32), r(65, 17).astype(np.float32)
    pair("mm_f32", a, b, a @ b)
    a, b = rng.integers(-100, 100, (3, 4)), rng.integers(-100, 100, (4, 2))
    pair("mm_int", a, b, a @ b)
    a = (np.arange(16, dtype=np.int8).reshape(4, 4) * 37).astype(np.int8)
    pair("mm_int8_wrap", a, a, a @ a)
    a, b = rng.random((3, 4)) < 0.3, rng.random((4, 2)) < 0.3
    pair("mm_bool", a, b, a @ b)
    a = r(3, 4) + 1j * r(3, 4)
    b = r(4, 2) + 1j * r(4, 2)
    pair("mm_c128", a, b, a @ b)
    g = np.random.default_rng(99)  # own stream: the cases after keep their data
    a = g.random((37, 70)) + 1j * g.random((37, 70))  # large enough for the split-plane GEMM
    b = (g.random((29, 70)) + 1j * g.random((29, 70))).T
    pair("mm_c128_big", a, b, a @ b)

    # dot
    for name, sa, sb in [
        ("dot_1d", (6,), (6,)),
        ("dot_2d", (3, 4), (4, 5)),
        ("dot_nd_1d", (2, 3, 4), (4,)),
        ("dot_1d_nd", (3,), (2, 3, 4)),
        ("dot_nd_md", (2, 3, 4), (5, 4, 6)),
    ]:
        a, b = r(*sa), r(*sb)
        pair(name, a, b, np.dot(a, b))
    a, b = np.array(2.5), r(2, 3)
    pair("dot_scalar", a, b, np.dot(a, b))
    # vdot
    a, b = r(2, 3), r(3, 2)
    pair("vdot_2d", a, b, np.vdot(a, b))
    a = r(5) + 1j * r(5)
    b = r(5) + 1j * r(5)
    pair("vdot_c128", a, b, np.vdot(a, b))
    # inner
    for name, sa, sb in [("inner_2d", (2, 3), (4, 3)), ("inner_nd", (2, 3, 4), (5, 4)),
                         ("inner_1d", (7,), (7,))]:
        a, b = r(*sa), r(*sb)
        pair(name, a, b, np.inner(a, b))
    # outer
    a, b = r(3), r(4)
    pair("outer_1d", a, b, np.outer(a, b))
    a, b = r(2, 3), r(2, 2)
    pair("outer_2d", a, b, np.outer(a, b))
    # tensordot
    a, b = r(3, 4, 5), r(4, 3, 2)
    pair("td_pairs", a, b, np.tensordot(a, b, axes=([1, 0], [0, 1])))
    a, b = r(2, 3, 4), r(3, 4, 5)
    pair("td_count2", a, b, np.tensordot(a, b, axes=2))
    a, b = r(2, 3), r(4)
    pair("td_count0", a, b, np.tensordot(a, b, axes=0))
    a, b = r(3, 4, 2), r(2, 5, 4)
    pair("td_cross", a, b, np.tensordot(a, b, axes=([2, 1], [0, 2])))
    # kron
    a, b = np.arange(6).reshape(2, 3), np.arange(1, 7).reshape(3, 2)
    pair("kron_2d", a, b, np.kron(a, b))
    a, b = np.arange(2), np.arange(6).reshape(2, 3)
    pair("kron_mixed", a, b, np.kron(a, b))
    a, b = np.arange(8).reshape(2, 2, 2), np.arange(3)
    pair("kron_3d", a, b, np.kron(a, b))
    # trace
    t = np.arange(24).reshape(2, 3, 4)
    out["trace_in"] = t
    out["trace_2d"] = np.asarray(np.trace(t[0]))
    out["trace_off1"] = np.asarray(np.trace(t[0], 1))
    out["trace_offm1"] = np.asarray(np.trace(t[0], -1))
    out["trace_3d_12"] = np.trace(t, 0, 1, 2)
    out["trace_3d_02_off1"] = np.trace(t, 1, 0, 2)
    tf = r(5, 5)
    out["trace_f_in"] = tf
    out["trace_f"] = np.asarray(np.trace(tf))
    # matrix_power
    m = r(4, 4) / 2
    out["mp_in"] = m
    for n in (0, 1, 2, 3, 5, 13):
        out[f"mp_{n}"] = np.linalg.matrix_power(m, n)
    s = r(2, 3, 3)
    out["mp_stack_in"] = s
    out["mp_stack_4"] = np.linalg.matrix_power(s, 4)
    fib = np.array([[1, 1], [1, 0]])
    out["mp_int_30"] = np.linalg.matrix_power(fib, 30)

    # einsum: inputs <case>_0, <case>_1, ...; subscripts under <case>_spec
    for name, spec, shapes in [
        ("es_mm", "ij,jk->ik", [(3, 4), (4, 5)]),
        ("es_implicit", "ij,jk", [(3, 4), (4, 5)]),
        ("es_implicit_sorted", "ba,ac", [(3, 2), (2, 4)]),
        ("es_trace", "ii", [(4, 4)]),
        ("es_diag", "ii->i", [(4, 4)]),
        ("es_diag3", "iij->ji", [(3, 3, 2)]),
        ("es_transpose", "ij->ji", [(2, 3)]),
        ("es_sum", "ij->", [(2, 3)]),
        ("es_sum_axis", "ijk->ik", [(2, 3, 4)]),
        ("es_batch", "bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
        ("es_three", "ij,jk,kl->il", [(3, 4), (4, 5), (5, 2)]),
        ("es_outer", "i,j->ij", [(3,), (4,)]),
        ("es_dot", "i,i->", [(6,), (6,)]),
        ("es_bcast1", "ij,jk->ik", [(2, 1), (3, 4)]),
        ("es_mixed", "ijk,jil->kl", [(2, 3, 4), (3, 2, 5)]),
        ("es_hadamard", "ij,ij->ij", [(2, 3), (2, 3)]),
        ("es_trace_product", "ij,ji", [(3, 4), (4, 3)]),
        ("es_upper", "Ab,bc->cA", [(2, 3), (3, 4)]),
        ("es_spaces", " ij , jk -> ki ", [(2, 3), (3, 2)]),
        ("es_lone", "ij,kl->ik", [(2, 3), (4, 5)]),
        ("es_ell_batch", "...ij,...jk->...ik", [(5, 2, 3), (3, 4)]),
        ("es_ell_implicit", "...i,i", [(2, 3, 4), (4,)]),
        ("es_ell_implicit2", "...ij,...jk", [(2, 1, 2, 3), (4, 3, 2)]),
        ("es_ell_sum", "i...->...", [(2, 3, 4)]),
        ("es_ell_bcast", "ij...,jk...->ik...", [(2, 3, 5), (3, 4, 1)]),
        ("es_ell_diag", "i...i", [(3, 2, 3)]),
        ("es_ell_only", "...", [(2, 3)]),
        ("es_ell_empty", "ij->...", [(2, 3)]),
        ("es_ell_trace", "...ii->...i", [(2, 3, 3)]),
        ("es_ell_mid", "a...b,b...->a...", [(2, 3, 4), (4, 3)]),
    ]:
        ops = [r(*sh) for sh in shapes]
        for i, o in enumerate(ops):
            out[f"{name}_{i}"] = o
        out[f"{name}_spec"] = np.array(spec)
        out[name] = np.asarray(np.einsum(spec, *ops))

    # multi_dot: inputs <case>_0, <case>_1, ...
    for name, shapes in [
        ("md_two", [(3, 4), (4, 2)]),
        ("md_three", [(10, 30), (30, 5), (5, 20)]),
        ("md_three_rev", [(20, 5), (5, 30), (30, 10)]),
        ("md_chain", [(6, 9), (9, 3), (3, 12), (12, 2), (2, 7)]),
        ("md_vec_first", [(4,), (4, 5), (5, 3)]),
        ("md_vec_last", [(4, 5), (5, 3), (3,)]),
        ("md_vec_both", [(4,), (4, 5), (5, 3), (3,)]),
    ]:
        ops = [r(*sh) for sh in shapes]
        for i, o in enumerate(ops):
            out[f"{name}_{i}"] = o
        out[name] = np.asarray(np.linalg.multi_dot(ops))
    # tensorsolve / tensorinv (well-conditioned: identity-heavy tensors)
    ta = r(2, 3, 6) + 3 * np.eye(6).reshape(2, 3, 6)
    tb = r(2, 3)
    out["ts_a"], out["ts_b"] = ta, tb
    out["ts_x"] = np.linalg.tensorsolve(ta, tb)
    m24 = (r(24, 24) + 4 * np.eye(24)).reshape(2, 3, 4, 6, 4)
    ta2 = np.ascontiguousarray(np.moveaxis(m24, 4, 0))  # (4, 2, 3, 4, 6); axes=(0,) undoes it
    tb2 = r(2, 3, 4)
    out["ts2_a"], out["ts2_b"] = ta2, tb2
    out["ts2_x"] = np.linalg.tensorsolve(ta2, tb2, axes=(0,))
    ti = r(4, 6, 8, 3) + 2 * np.eye(24).reshape(4, 6, 8, 3)
    out["ti_a"] = ti
    out["ti_inv"] = np.linalg.tensorinv(ti, ind=2)
    ti1 = r(6, 2, 3) + 2 * np.eye(6).reshape(6, 2, 3)
    out["ti1_a"] = ti1
    out["ti1_inv"] = np.linalg.tensorinv(ti1, ind=1)

    # errors
    a23, a22, v3, v2 = np.ones((2, 3)), np.ones((2, 2)), np.ones(3), np.ones(2)
    out["err_mm_core"] = _err(lambda: np.matmul(a23, a23))
    out["err_mm_vec"] = _err(lambda: np.matmul(v3, a23))
    out["err_mm_0d_a"] = _err(lambda: np.matmul(np.array(1.0), a23))
    out["err_mm_0d_b"] = _err(lambda: np.matmul(a23, np.array(1.0)))
    out["err_mm_batch"] = _err(lambda: np.matmul(np.ones((2, 2, 3)), np.ones((3, 3, 2))))
    out["err_mm_batch4"] = _err(lambda: np.matmul(np.ones((4, 2, 2, 3)), np.ones((3, 3, 2))))
    out["err_mm_batch_vec"] = _err(lambda: np.matmul(np.ones((2, 2, 3)), np.ones((3, 3, 3, 2))))
    out["err_dot_2d"] = _err(lambda: np.dot(a23, a23))
    out["err_dot_1d"] = _err(lambda: np.dot(v3, v2))
    out["err_dot_nd"] = _err(lambda: np.dot(np.ones((2, 3, 4)), np.ones((3, 5))))
    out["err_vdot"] = _err(lambda: np.vdot(v3, v2))
    out["err_inner"] = _err(lambda: np.inner(a23, a22))
    out["err_td"] = _err(lambda: np.tensordot(a23, a23, axes=([0], [1])))
    out["err_td_len"] = _err(lambda: np.tensordot(a23, a23, axes=([0, 1], [1])))
    out["err_mp_square"] = _err(lambda: np.linalg.matrix_power(a23, 2))
    out["err_mp_1d"] = _err(lambda: np.linalg.matrix_power(v3, 2))
    out["err_trace_1d"] = _err(lambda: np.trace(v3))
    out["err_trace_same"] = _err(lambda: np.trace(a23, axis1=0, axis2=0))
    m23, m34 = np.ones((2, 3)), np.ones((3, 4))
    out["err_es_more"] = _err(lambda: np.einsum("ij,jk->ik", m23))
    out["err_es_fewer"] = _err(lambda: np.einsum("ij->ij", m23, m34))
    out["err_es_too_many"] = _err(lambda: np.einsum("ijk->ij", m23))
    out["err_es_too_few"] = _err(lambda: np.einsum("i->i", m23))
    out["err_es_never"] = _err(lambda: np.einsum("ij,jk->iz", m23, m34))
    out["err_es_invalid"] = _err(lambda: np.einsum("i2,jk->ik", m23, m34))
    out["err_es_twice"] = _err(lambda: np.einsum("ij,jk->ii", m23, m34))
    out["err_es_collapse"] = _err(lambda: np.einsum("ii->i", m23))
    out["err_es_arrow"] = _err(lambda: np.einsum("ij,jk-ik", m23, m34))
    out["err_es_arrow2"] = _err(lambda: np.einsum("ij,jk->ik->", m23, m34))
    a234 = np.ones((2, 3, 4))
    out["err_es_dot"] = _err(lambda: np.einsum("..i", a234))
    out["err_es_dot_out"] = _err(lambda: np.einsum("...i->i.", a234))
    out["err_es_ell_out"] = _err(lambda: np.einsum("...i->i", a234))
    out["err_md_one"] = _err(lambda: np.linalg.multi_dot([a23]))
    out["err_md_3d"] = _err(lambda: np.linalg.multi_dot([a23, np.ones((3, 2, 2)), a22]))
    out["err_ts_req"] = _err(lambda: np.linalg.tensorsolve(a234, a23))
    out["err_ti_ind"] = _err(lambda: np.linalg.tensorinv(a234, ind=0))
    return out
