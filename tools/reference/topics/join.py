"""Joining and splitting: concatenate, stack, vstack/hstack/dstack/column_stack, split,
array_split, vsplit/hsplit/dsplit, and NumPy's error messages for them.

Inputs are aranges the Rust test rebuilds (int64); transposed, F-ordered and reversed
inputs are made from them with views. Split results are stored as <name>_<i> plus
<name>_n (the number of pieces). Error messages are stored as strings under err_<name>.
"""
import numpy as np


def _inputs():
    a23 = np.arange(6).reshape(2, 3)
    b23 = np.arange(6, 12).reshape(2, 3)
    c13 = np.arange(100, 103).reshape(1, 3)
    x = np.arange(24).reshape(2, 3, 4)
    y = np.arange(100, 112).reshape(2, 3, 2)
    z = np.arange(200, 208).reshape(2, 1, 4)
    v3 = np.arange(3)
    w3 = np.arange(10, 13)
    return a23, b23, c13, x, y, z, v3, w3


def _small(v):
    """int64 results are stored as int16 (all values fit) to keep the .npz small."""
    if v.dtype == np.int64 and v.size and -(2**15) <= v.min() and v.max() < 2**15:
        return v.astype(np.int16)
    return v


def _err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - we record whatever NumPy raises
        return np.array(str(e))
    raise AssertionError("expected an error")


def cases():
    a23, b23, c13, x, y, z, v3, w3 = _inputs()
    s0, s1 = np.array(5), np.array(6)
    out = {}
    # concatenate
    out["concat_ax0"] = np.concatenate([a23, b23, c13], 0)
    out["concat_axm1"] = np.concatenate([a23, b23], -1)
    out["concat_3d_ax2"] = np.concatenate([x, y], 2)
    out["concat_3d_ax1"] = np.concatenate([x, z], 1)
    out["concat_3d_axm3"] = np.concatenate([x, x], -3)
    out["concat_t_ax0"] = np.concatenate([a23.T, b23.T], 0)
    out["concat_t_ax1"] = np.concatenate([a23.T, b23.T], 1)
    out["concat_f_ax0"] = np.concatenate([np.asfortranarray(x), x], 0)
    out["concat_neg"] = np.concatenate([x[::-1, :, ::-2], y], 2)
    out["concat_empty_first"] = np.concatenate([np.zeros((0, 3), np.int64), a23], 0)
    out["concat_empty_ax1"] = np.concatenate([np.zeros((2, 0), np.int64), a23], 1)
    out["concat_all_empty"] = np.concatenate([np.zeros((0, 3), np.int64)] * 2, 0)
    out["concat_flat"] = np.concatenate([a23, x], axis=None)
    # stack
    for ax in (0, 1, 2, -1, -3):
        out[f"stack_2d_ax{ax}".replace("-", "m")] = np.stack([a23, b23], ax)
    out["stack_1d"] = np.stack([v3, w3])
    out["stack_0d"] = np.stack([s0, s1])
    out["stack_t_ax1"] = np.stack([a23.T, b23.T], 1)
    out["stack_3d_axm1"] = np.stack([x, x[::-1]], -1)
    # vstack / hstack / dstack / column_stack / row_stack
    out["vstack_1d_2d"] = np.vstack([v3, a23])
    out["vstack_0d"] = np.vstack([s0, s1])
    out["vstack_3d"] = np.vstack([x, x])
    out["hstack_1d"] = np.hstack([v3, w3, v3[::-1]])
    out["hstack_2d"] = np.hstack([a23, b23[:, ::-1], np.arange(50, 52).reshape(2, 1)])
    out["hstack_0d"] = np.hstack([s0, v3])
    out["hstack_3d"] = np.hstack([x, z])
    out["dstack_1d"] = np.dstack([v3, w3])
    out["dstack_2d"] = np.dstack([a23, b23])
    out["dstack_3d"] = np.dstack([x[:, :, :2], y])
    out["dstack_0d"] = np.dstack([s0, s1])
    out["column_stack_1d"] = np.column_stack([v3, w3])
    out["column_stack_mixed"] = np.column_stack([v3[:2], a23])
    out["column_stack_0d"] = np.column_stack([s0, s1])
    out["row_stack"] = np.vstack([c13, a23])
    # split
    pieces = {
        "split_sections": np.split(np.arange(12), 3),
        "split_indices": np.split(np.arange(10), [3, -2, 20, 1]),
        "split_3d_axm1": np.split(x, [1, -1, 10], axis=-1),
        "split_3d_ax0": np.split(x, 2, axis=0),
        "split_t": np.split(a23.T, [1], axis=1),
        "array_split_10_3": np.array_split(np.arange(10), 3),
        "array_split_2_5": np.array_split(np.arange(2), 5),
        "array_split_3d": np.array_split(x, 3, axis=2),
        "array_split_neg": np.array_split(x[:, ::-1], 2, axis=1),
        "vsplit": np.vsplit(x, [1]),
        "hsplit_1d": np.hsplit(np.arange(6), 3),
        "hsplit_2d": np.hsplit(np.arange(8).reshape(2, 4), 2),
        "hsplit_3d": np.hsplit(x, [2]),
        "dsplit": np.dsplit(x, 2),
        "split_empty": np.split(np.zeros((0, 4), np.int64), 2, axis=1),
    }
    for name, parts in pieces.items():
        out[f"{name}_n"] = np.array(len(parts))
        for i, p in enumerate(parts):
            out[f"{name}_{i}"] = np.ascontiguousarray(p)
    # error messages
    zeros = np.zeros
    out["err_concat_dims"] = _err(lambda: np.concatenate([zeros((2, 3)), zeros((2, 2))], 0))
    out["err_concat_empty"] = _err(lambda: np.concatenate([]))
    out["err_concat_0d"] = _err(lambda: np.concatenate([zeros(()), zeros(())]))
    out["err_concat_ndim"] = _err(lambda: np.concatenate([zeros((2, 3)), zeros(3)]))
    out["err_concat_axis"] = _err(lambda: np.concatenate([zeros((2, 3))], 2))
    out["err_stack_shape"] = _err(lambda: np.stack([zeros((2, 3)), zeros((2, 2))]))
    out["err_stack_empty"] = _err(lambda: np.stack([]))
    out["err_stack_axis"] = _err(lambda: np.stack([zeros((2, 3))], -4))
    out["err_vstack_dims"] = _err(lambda: np.vstack([zeros((2, 3)), zeros(2)]))
    out["err_hstack_ndim"] = _err(lambda: np.hstack([zeros(3), zeros((1, 2))]))
    out["err_split_unequal"] = _err(lambda: np.split(np.arange(10), 3))
    out["err_array_split_zero"] = _err(lambda: np.array_split(np.arange(10), 0))
    out["err_vsplit"] = _err(lambda: np.vsplit(np.arange(10), 2))
    out["err_hsplit"] = _err(lambda: np.hsplit(zeros(()), 2))
    out["err_dsplit"] = _err(lambda: np.dsplit(zeros((2, 2)), 2))
    return {k: _small(v) for k, v in out.items()}
