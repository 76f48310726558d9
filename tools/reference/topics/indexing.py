"""Advanced indexing: take, integer-array ("fancy") indexing and assignment, put, boolean masks
and masked assignment, nonzero/argwhere/flatnonzero, compress, and NumPy's error messages.

Inputs are small int64 aranges, so every expected value names the position it came from.
Non-C layouts (F order, transposes, reversed and stepped slices) are indexed directly, as
numerust indexes them; results are stored in C order.
"""
import numpy as np


def _message(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - we record NumPy's text, whatever the class
        return np.array(str(e))
    raise AssertionError("expected NumPy to raise")


def cases():
    out = {}
    v = np.arange(10) * 10
    a = np.arange(12).reshape(3, 4)
    b = np.arange(24).reshape(2, 3, 4)

    # take
    out["take_flat_neg"] = np.take(b, [5, -1, -24, 0])
    out["take_2d_idx_none"] = np.take(a, [[0, 11], [-1, 3]])
    out["take_axis0"] = np.take(b, [1, -2, 1], axis=0)
    out["take_axis1_2d"] = np.take(b, [[2, 0], [-1, 1]], axis=1)
    out["take_axis_m1"] = np.take(b, [3, -4], axis=-1)
    out["take_transposed_none"] = np.take(b.T, [0, 5, 23])
    out["take_transposed_axis1"] = np.take(b.transpose(2, 0, 1), [1, 0], axis=1)
    out["take_reversed"] = np.take(v[::-2], [0, -1, 2])
    out["take_empty"] = np.take(a, np.zeros(0, np.int64), axis=1)
    out["take_0d_none"] = np.take(np.array(7), [0, -1])

    # integer-array indexing
    out["fancy_rows"] = a[[2, 0, -1]]
    out["fancy_pairs"] = a[[0, 2], [1, -1]]
    out["fancy_bcast"] = a[[[0], [2]], [0, -1]]
    out["fancy_3d_two"] = b[[1, 0], [2, -3]]
    out["fancy_3d_three"] = b[[[1]], [0, 2], [-1]]
    out["fancy_3d_rows2d"] = b[np.array([[0, 1], [1, 0]])]
    out["fancy_0d_index"] = a[np.array(1)]
    out["fancy_empty"] = a[np.zeros(0, np.int64)]
    out["fancy_transposed"] = a.T[[3, 0], [-1, 1]]
    out["fancy_strided"] = b[:, ::2, ::-1][[1, 0], [1, 0]]
    out["fancy_f_order"] = np.asfortranarray(b)[[1, 0, 1], [0, 2, 1]]

    # boolean masks
    m = (a % 3) == 1
    out["mask_full"] = a[m]
    out["mask_f_order"] = np.asfortranarray(a)[m]
    out["mask_f_order_f_mask"] = np.asfortranarray(a)[np.asfortranarray(m)]
    out["mask_transposed"] = a.T[m.T]
    bs = b[:, ::2, ::-1]
    out["mask_strided"] = bs[bs % 2 == 0]
    out["mask_rows"] = b[np.array([False, True])]
    out["mask_lead2"] = b[np.array([[True, False, True], [False, True, False]])]
    out["mask_none"] = a[np.zeros_like(a, dtype=bool)]
    out["mask_all"] = a[np.ones_like(a, dtype=bool)]
    out["mask_0d"] = np.array(5)[np.array(True)]

    # masked assignment
    c = a.copy()
    c[m] = -1
    out["mask_assign_scalar"] = c
    c = a.copy()
    c[m] = np.arange(100, 100 + m.sum())
    out["mask_assign_values"] = c
    c = b.copy()
    c[np.array([True, False])] = np.array([7, 8, 9, 10])
    out["mask_assign_rows"] = c
    c = np.asfortranarray(a)
    c[m] = np.arange(-m.sum(), 0)
    out["mask_assign_f"] = np.ascontiguousarray(c)
    c = b.copy()
    view = c[:, ::2, ::-1]
    view[view > 12] = 0
    out["mask_assign_strided_view"] = c

    # integer-array assignment
    c = a.copy()
    c[[0, 2], [1, -1]] = [50, 60]
    out["fancy_assign_pairs"] = c
    c = a.copy()
    c[[1, 1, 0]] = [[1, 2, 3, 4]]
    out["fancy_assign_rows_bcast"] = c
    c = a.copy()
    c[[0, 0], [1, 1]] = [5, 6]
    out["fancy_assign_repeat"] = c
    c = b.copy()
    c[[[1], [0]], [0, 2]] = 99
    out["fancy_assign_bcast_idx"] = c
    c = a.copy()
    c.T[[1, 3], [0, 2]] = [-5, -7]
    out["fancy_assign_transposed_view"] = c

    # put
    c = v.copy()
    np.put(c, [0, 3, -1, 3], [1, 2])
    out["put_cycle"] = c
    c = a.copy()
    np.put(c, [[5, 0], [-1, 6]], [7, 8, 9, 10])
    out["put_2d"] = c
    c = a.copy()
    np.put(c.T, [1, 4], [-1, -2])
    out["put_transposed_view"] = c

    # nonzero, argwhere, flatnonzero
    f = np.array([[0.0, -0.0, np.nan], [1.5, 0.0, -2.0]])
    out["nz_f"] = f
    for i, idx in enumerate(np.nonzero(f)):
        out[f"nonzero_f_{i}"] = idx
    out["argwhere_f"] = np.argwhere(f)
    out["flatnonzero_f"] = np.flatnonzero(f)
    mb = b % 5 == 0
    for i, idx in enumerate(np.nonzero(mb.transpose(1, 0, 2))):
        out[f"nonzero_bt_{i}"] = idx
    out["argwhere_b"] = np.argwhere(mb)
    out["argwhere_0d"] = np.argwhere(np.array(3))
    out["argwhere_0d_zero"] = np.argwhere(np.array(0))
    out["flatnonzero_empty"] = np.flatnonzero(np.zeros((2, 0)))

    # compress
    out["compress_none"] = np.compress([True, False, True], a)
    out["compress_axis0_short"] = np.compress([False, True], a, axis=0)
    out["compress_axis1_long"] = np.compress([True, False, False, True, False, False], a, axis=1)
    out["compress_axis_m2"] = np.compress([False, True, True], b, axis=-2)

    # error messages, verbatim
    def mask_assign_count():
        c = a.copy()
        c[m] = [1, 2]

    def mask_assign_ndim():
        c = a.copy()
        c[m] = np.zeros((2, 2), np.int64)

    def fancy_assign_shape():
        c = a.copy()
        c[[0, 1], [0, 1]] = [1, 2, 3]

    errors = {
        "err_take_oob": lambda: np.take(np.arange(5), [10]),
        "err_take_neg": lambda: np.take(np.arange(5), [-6]),
        "err_take_axis1": lambda: np.take(a, [4], axis=1),
        "err_take_axis": lambda: np.take(a, [0], axis=2),
        "err_take_empty": lambda: np.take(np.zeros((0, 3)), [0], axis=0),
        "err_fancy_oob": lambda: a[[0, 1], [0, 7]],
        "err_fancy_neg": lambda: a[[-4]],
        "err_fancy_bcast": lambda: b[[0, 1], [0, 1, 2], [0]],
        "err_fancy_too_many": lambda: a[[0], [0], [0]],
        "err_mask_len": lambda: np.arange(3)[np.array([True, False, True, False])],
        "err_mask_axis1": lambda: a[np.ones((3, 5), bool)],
        "err_mask_too_many": lambda: a[np.ones((3, 4, 1), bool)],
        "err_mask_assign_count": mask_assign_count,
        "err_mask_assign_ndim": mask_assign_ndim,
        "err_fancy_assign_shape": fancy_assign_shape,
        "err_put_oob": lambda: np.put(np.zeros(5), [7], [1]),
        "err_put_empty": lambda: np.put(np.zeros(0), [0], [1]),
        "err_nonzero_0d": lambda: np.nonzero(np.array(3)),
        "err_compress_2d": lambda: np.compress([[True]], a),
        "err_compress_long": lambda: np.compress([False, False, False, True], a, axis=0),
    }
    for name, fn in errors.items():
        out[name] = _message(fn)
    return out
