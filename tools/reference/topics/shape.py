"""Shape manipulation: reshape (C/F, -1), ravel/flatten of views, transpose, swapaxes,
moveaxis, expand_dims, squeeze, broadcast_to, broadcast_shapes, and their error texts."""
import numpy as np


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return np.array(str(e))
    raise AssertionError("expected an error")


def cases():
    out = {}
    a = np.arange(24).reshape(2, 3, 4)
    out["a"] = a
    out["reshape_4_m1"] = a.reshape(4, -1)
    out["reshape_F_3_8"] = a.reshape((3, 8), order="F")
    out["T_reshape_24"] = a.T.reshape(24)
    out["T_reshape_F_6_4"] = a.T.reshape((6, 4), order="F")
    out["rev_ravel"] = a[:, ::-1, ::2].ravel()
    out["rev_flatten_F"] = a[:, ::-1, ::2].flatten(order="F")
    out["transpose"] = np.ascontiguousarray(a.transpose())
    out["transpose_120"] = np.ascontiguousarray(a.transpose(1, 2, 0))
    out["swapaxes_0_m1"] = np.ascontiguousarray(np.swapaxes(a, 0, -1))
    out["moveaxis_0_m1"] = np.ascontiguousarray(np.moveaxis(a, 0, -1))
    out["moveaxis_multi"] = np.ascontiguousarray(np.moveaxis(a, [0, 1], [-1, -3]))
    out["expand_dims_0_3"] = np.expand_dims(a, (0, 3))
    b = np.arange(6).reshape(1, 2, 1, 3, 1)
    out["b"] = b
    out["squeeze_all"] = np.squeeze(b)
    out["squeeze_2"] = np.squeeze(b, axis=2)
    out["broadcast_to"] = np.ascontiguousarray(np.broadcast_to(np.arange(3), (2, 4, 3)))
    out["broadcast_shapes"] = np.array(np.broadcast_shapes((8, 1, 6, 1), (7, 1, 5), (5,)))
    out["err_reshape"] = err(lambda: a.reshape(5, 5))
    out["err_reshape_two_unknown"] = err(lambda: a.reshape(-1, -1))
    out["err_squeeze"] = err(lambda: np.squeeze(b, axis=1))
    out["err_axis"] = err(lambda: np.swapaxes(a, 0, 3))
    out["err_broadcast"] = err(lambda: np.arange(6).reshape(2, 3) + np.arange(4))
    out["err_index"] = err(lambda: a[2])
    out["err_too_many"] = err(lambda: a[0, 0, 0, 0])
    return out
