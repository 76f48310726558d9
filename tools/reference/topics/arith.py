"""Arithmetic ufuncs: add/subtract/multiply/divide/floor_divide/remainder/power/negative, with
broadcasting, integer wrap-around, division by zero and NumPy's sign rules."""
import warnings

import numpy as np


def cases():
    out = {}
    rng = np.random.default_rng(5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fa = np.array([-7.5, -7.0, -2.0, -0.0, 0.0, 0.3, 2.0, 7.0, 7.5, np.inf, -np.inf, np.nan, 1e300, -1e-300])
        fb = np.array([2.0, -2.0, 0.1, 0.0, -0.0, 3.0, -0.5, np.inf, 1e-300])
        A, B = np.meshgrid(fa, fb, indexing="ij")
        out["fa"], out["fb"] = fa, fb
        for name, f in [("add", np.add), ("subtract", np.subtract), ("multiply", np.multiply),
                        ("divide", np.divide), ("floor_divide", np.floor_divide),
                        ("remainder", np.remainder), ("power", np.power)]:
            out[f"f64_{name}"] = f(A, B)
            out[f"f32_{name}"] = f(A.astype(np.float32), B.astype(np.float32))
        ia = np.array([-128, -7, -1, 0, 1, 7, 100, 127], dtype=np.int8)
        ib = np.array([-128, -3, -1, 0, 1, 2, 3, 127], dtype=np.int8)
        A, B = np.meshgrid(ia, ib, indexing="ij")
        out["ia"], out["ib"] = ia, ib
        for name, f in [("add", np.add), ("subtract", np.subtract), ("multiply", np.multiply),
                        ("divide", np.divide), ("floor_divide", np.floor_divide),
                        ("remainder", np.remainder)]:
            out[f"i8_{name}"] = f(A, B)
            out[f"i64_{name}"] = f(A.astype(np.int64) * 1000003, B.astype(np.int64))
        ua = np.array([0, 1, 5, 200, 255], dtype=np.uint8)
        ub = np.array([0, 1, 2, 7, 255], dtype=np.uint8)
        A, B = np.meshgrid(ua, ub, indexing="ij")
        out["ua"], out["ub"] = ua, ub
        for name, f in [("add", np.add), ("subtract", np.subtract), ("multiply", np.multiply),
                        ("floor_divide", np.floor_divide), ("remainder", np.remainder)]:
            out[f"u8_{name}"] = f(A, B)
        out["u8_negative"] = np.negative(ua)
        pb = np.array([0, 1, 2, 3, 7, 8, 63], dtype=np.int64)
        pa = np.array([-3, -2, -1, 0, 1, 2, 3, 10], dtype=np.int64)
        out["pa"], out["pb"] = pa, pb
        out["i64_power"] = np.power(pa[:, None], pb[None, :])
        # broadcasting over layouts
        m = rng.random((3, 4, 5))
        out["m"] = m
        out["m_plus_row"] = m + m[0, 0]
        out["mT_minus_m"] = m.transpose(2, 1, 0) - m[::-1, ::2, :].transpose(2, 1, 0)[:, :1, :]
        out["m_times_col"] = m * m[:, :, :1]
    return out
