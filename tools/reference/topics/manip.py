"""Rearranging: tile, repeat, flip/flipud/fliplr, roll, pad (constant, edge, reflect,
symmetric, wrap — including pad widths larger than the axis), and NumPy's error messages.

Inputs are int64 aranges the Rust test rebuilds; transposed, F-ordered and reversed inputs
are views of them. Error messages are stored as strings under err_<name>.
"""
import numpy as np


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
    v3 = np.arange(3)
    a23 = np.arange(6).reshape(2, 3)
    x = np.arange(24).reshape(2, 3, 4)
    s7 = np.array(7)
    r10 = np.arange(10)
    out = {}
    # tile
    out["tile_1d_2"] = np.tile(v3, 2)
    out["tile_1d_22"] = np.tile(v3, (2, 2))
    out["tile_2d_212"] = np.tile(a23, (2, 1, 2))
    out["tile_3d_short"] = np.tile(x, (2,))
    out["tile_t"] = np.tile(a23.T, (1, 2))
    out["tile_0d"] = np.tile(s7, (2, 3))
    out["tile_zero"] = np.tile(a23, (0, 2))
    out["tile_neg"] = np.tile(x[:, ::-1, ::2], (2, 1, 1))
    out["tile_empty_reps"] = np.tile(a23, ())
    # repeat
    out["repeat_none"] = np.repeat(a23, 2)
    out["repeat_per_ax1"] = np.repeat(a23, [1, 0, 2], axis=1)
    out["repeat_3d_axm2"] = np.repeat(x, 2, axis=-2)
    out["repeat_neg_per_ax0"] = np.repeat(x[::-1], [2, 1], axis=0)
    out["repeat_0d"] = np.repeat(s7, 3)
    out["repeat_0d_ax0"] = np.repeat(s7, 3, axis=0)
    out["repeat_t_ax1"] = np.repeat(a23.T, 2, axis=1)
    out["repeat_t_none"] = np.repeat(a23.T, [2], axis=None)
    out["repeat_one_count"] = np.repeat(a23, [3], axis=0)
    out["repeat_1d_per"] = np.repeat(v3[::-1], [3, 0, 1])
    out["repeat_zero"] = np.repeat(x, 0, axis=2)
    # flip
    out["flip_all"] = np.flip(x)
    out["flip_ax1"] = np.flip(x, 1)
    out["flip_ax02"] = np.flip(x, (0, 2))
    out["flip_axm1"] = np.flip(x, -1)
    out["flip_f"] = np.flip(np.asfortranarray(x), (1,))
    out["flip_t"] = np.flip(a23.T, 0)
    out["flipud"] = np.flipud(a23)
    out["fliplr"] = np.fliplr(x)
    out["flip_empty"] = np.flip(np.zeros((0, 3), np.int64), 1)
    out["flip_0d"] = np.asarray(np.flip(s7))
    # roll
    out["roll_1d_3"] = np.roll(r10, 3)
    out["roll_1d_m13"] = np.roll(r10, -13)
    out["roll_2d_none"] = np.roll(a23, 1)
    out["roll_3d_ax1"] = np.roll(x, 2, axis=1)
    out["roll_3d_multi"] = np.roll(x, (1, -1), axis=(0, 2))
    out["roll_3d_repeat_axis"] = np.roll(x, (1, 2), axis=(2, 2))
    out["roll_3d_bshift"] = np.roll(x, 1, axis=(0, 1, 2))
    out["roll_t_ax0"] = np.roll(a23.T, 1, axis=0)
    out["roll_neg_none"] = np.roll(x[:, ::-1], 5)
    out["roll_empty"] = np.roll(np.zeros((0, 3), np.int64), 2, axis=0)
    out["roll_0d"] = np.roll(s7, 4)
    # pad
    for mode in ("edge", "reflect", "symmetric", "wrap"):
        out[f"pad_1d_{mode}"] = np.pad(v3, (2, 3), mode)
        out[f"pad_1d_{mode}_big"] = np.pad(v3, (8, 11), mode)
        out[f"pad_2d_{mode}"] = np.pad(a23, ((1, 2), (3, 1)), mode)
        out[f"pad_3d_{mode}"] = np.pad(x, ((1, 0), (0, 2), (5, 6)), mode)
        out[f"pad_t_{mode}"] = np.pad(a23.T, ((0, 4), (2, 2)), mode)
        out[f"pad_len1_{mode}"] = np.pad(np.array([7]), (4, 2), mode)
        out[f"pad_2x2_{mode}_wide"] = np.pad(np.arange(4).reshape(2, 2), ((30, 29), (31, 3)), mode)
    out["pad_const_1d"] = np.pad(v3, (2, 3), constant_values=9)
    out["pad_const_2d_single"] = np.pad(a23, ((1, 2),), constant_values=-1)
    out["pad_const_3d"] = np.pad(x, ((0, 1), (2, 0), (1, 1)))
    out["pad_const_neg"] = np.pad(x[::-1, :, ::-3], ((1, 1), (1, 1), (1, 1)), constant_values=5)
    out["pad_const_empty_axis"] = np.pad(np.zeros((2, 0), np.int64), ((1, 0), (2, 1)), constant_values=3)
    out["pad_edge_empty_unpadded"] = np.pad(np.zeros((2, 0), np.int64), ((1, 2), (0, 0)), "edge")
    out["pad_reflect_f"] = np.pad(np.asfortranarray(x), ((3, 3), (4, 0), (0, 9)), "reflect")
    out["pad_0d"] = np.pad(s7, ((1, 2),), "edge")
    out["pad_zero_widths"] = np.pad(a23, 0, "reflect")
    # error messages
    z = np.zeros
    out["err_repeat_counts"] = _err(lambda: np.repeat(np.arange(3), [1, 2]))
    out["err_repeat_axis"] = _err(lambda: np.repeat(z((2, 3)), 2, axis=2))
    out["err_roll_lengths"] = _err(lambda: np.roll(z((2, 3)), [1, 2, 3], axis=[0, 1]))
    out["err_roll_axis"] = _err(lambda: np.roll(z((2, 3)), 1, axis=2))
    out["err_flip_repeated"] = _err(lambda: np.flip(z((2, 3)), (0, 0)))
    out["err_flip_axis"] = _err(lambda: np.flip(z((2, 3)), 2))
    out["err_flipud"] = _err(lambda: np.flipud(z(())))
    out["err_fliplr"] = _err(lambda: np.fliplr(z(3)))
    out["err_pad_empty_axis"] = _err(lambda: np.pad(z((2, 0)), ((1, 2), (3, 4)), "reflect"))
    out["err_pad_widths"] = _err(lambda: np.pad(z((2, 3)), ((1, 2), (3, 4), (5, 6))))
    return {k: _small(v) for k, v in out.items()}
