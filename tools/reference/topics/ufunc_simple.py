"""Simple ufuncs: abs/sign/sqrt/square/reciprocal, rounding (floor/ceil/trunc/rint/round with
decimals), deg2rad/rad2deg, isnan/isinf/isfinite/signbit, clip, nan_to_num, maximum/minimum/
fmax/fmin/copysign, comparisons, logical and bitwise ops, shifts, where and select, over
NaN/±inf/±0/ties, integer edges, broadcasting and transposed/strided operands."""
import warnings

import numpy as np

UNARY = ["abs", "sign", "sqrt", "square", "reciprocal", "floor", "ceil", "trunc", "rint",
         "deg2rad", "rad2deg", "isnan", "isinf", "isfinite", "signbit", "nan_to_num"]
BINARY = ["maximum", "minimum", "fmax", "fmin", "copysign", "hypot", "equal", "not_equal", "less",
          "less_equal", "greater", "greater_equal", "logical_and", "logical_or", "logical_xor"]
DECIMALS = [-3, -1, 0, 1, 2, 3, 9, 12]


def cases():
    out = {}
    rng = np.random.default_rng(55)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        special = [-np.inf, -2.5, -1.5, -0.5, -0.0, 0.0, 0.5, 1.5, 2.5, 3.5, 1.005, 2.675, 0.125,
                   -2.675, 1e300, -1e-300, 5e-324, np.nan, np.inf, 1234.5678, -7.25, 0.3,
                   4.0, 1e16 + 2, 2.0**52 + 0.5, -(2.0**53), 123456.789]
        fv = np.concatenate([np.array(special), rng.standard_normal(40) * 1000,
                             rng.random(20) * 3])
        out["fv"] = fv
        for dt, npdt in (("f64", np.float64), ("f32", np.float32)):
            x = fv.astype(npdt)
            for name in UNARY:
                out[f"{dt}_{name}"] = getattr(np, name)(x)
            for d in DECIMALS:
                out[f"{dt}_round_{d}"] = np.round(x, d)
            out[f"{dt}_nan_to_num_opts"] = np.nan_to_num(x, nan=-1.0, posinf=9.0)
            out[f"{dt}_clip_scalar"] = np.clip(x, npdt(-1.0), npdt(2.0))
            out[f"{dt}_clip_scalar_zero"] = np.clip(x, npdt(-0.0), npdt(0.0))
        g = np.array([-np.inf, -1.5, -0.0, 0.0, 1.5, np.nan, np.inf, 2.0, 1e300, 3e-310, -4.0])
        out["g"] = g
        A, B = np.meshgrid(g, g, indexing="ij")
        for dt, npdt in (("f64", np.float64), ("f32", np.float32)):
            a, b = A.astype(npdt), B.astype(npdt)
            for name in BINARY:
                out[f"{dt}_{name}_grid"] = getattr(np, name)(a, b)
            # clip with three array operands broadcast to a cube
            gx = g.astype(npdt)
            out[f"{dt}_clip_cube"] = np.clip(gx[:, None, None], gx[None, :, None],
                                             gx[None, None, :] * np.ones((1, 1, 1), npdt))
        hx = rng.standard_normal(300) * np.exp(rng.uniform(-30, 30, 300))
        hy = rng.standard_normal(300) * np.exp(rng.uniform(-30, 30, 300))
        out["hx"], out["hy"] = hx, hy
        out["f64_hypot_random"] = np.hypot(hx, hy)
        out["f32_hypot_random"] = np.hypot(hx.astype(np.float32), hy.astype(np.float32))
        # integers
        i8 = np.array([-128, -7, -2, -1, 0, 1, 2, 7, 100, 127], dtype=np.int8)
        u8 = np.array([0, 1, 2, 7, 128, 200, 255], dtype=np.uint8)
        i64 = np.array([np.iinfo(np.int64).min, -12345678901, -1255, -25, -15, -1, 0, 1, 15,
                        25, 1255, 98765432101, np.iinfo(np.int64).max], dtype=np.int64)
        out["i8"], out["u8"], out["i64"] = i8, u8, i64
        for name, arr in (("i8", i8), ("u8", u8), ("i64", i64), ("i32", i64.astype(np.int32)),
                          ("u64", i64.astype(np.uint64))):
            for f in ["abs", "sign", "square", "reciprocal", "floor", "ceil", "trunc",
                      "isnan", "isinf", "isfinite", "signbit", "logical_not", "invert"]:
                if f == "abs" and name.startswith("u"):
                    continue
                out[f"{name}_{f}"] = getattr(np, f)(arr)
            for d in (-1, -2, 1):
                out[f"{name}_round_{d}"] = np.round(arr, d)
            out[f"{name}_clip"] = np.clip(arr, arr.dtype.type(1), arr.dtype.type(100))
        IA, IB = np.meshgrid(i8, i8, indexing="ij")
        for f in ["maximum", "minimum", "bitwise_and", "bitwise_or", "bitwise_xor", "less",
                  "equal", "logical_and", "logical_xor"]:
            out[f"i8_{f}_grid"] = getattr(np, f)(IA, IB)
        counts = np.array([-128, -1, 0, 1, 3, 7, 8, 9, 127], dtype=np.int8)
        out["counts"] = counts
        SA, SB = np.meshgrid(i8, counts, indexing="ij")
        out["i8_left_shift"] = np.left_shift(SA, SB)
        out["i8_right_shift"] = np.right_shift(SA, SB)
        cu = np.array([0, 1, 7, 8, 9, 255], dtype=np.uint8)
        out["cu"] = cu
        UA, UB = np.meshgrid(u8, cu, indexing="ij")
        out["u8_left_shift"] = np.left_shift(UA, UB)
        out["u8_right_shift"] = np.right_shift(UA, UB)
        c64 = np.array([-1, 0, 1, 31, 32, 63, 64, 65], dtype=np.int64)
        out["c64"] = c64
        LA, LB = np.meshgrid(i64, c64, indexing="ij")
        out["i64_left_shift"] = np.left_shift(LA, LB)
        out["i64_right_shift"] = np.right_shift(LA, LB)
        bools = np.array([False, True])
        BA, BB = np.meshgrid(bools, bools, indexing="ij")
        for f in ["bitwise_and", "bitwise_or", "bitwise_xor", "logical_and", "logical_or",
                  "logical_xor", "less", "greater_equal"]:
            out[f"bool_{f}_grid"] = getattr(np, f)(BA, BB)
        out["bool_invert"] = np.invert(bools)
        # layouts: transposed and strided operands, broadcasting
        m = rng.standard_normal((6, 8)) * 3
        m[1, 2], m[3, 5], m[4, 0] = np.nan, np.inf, -0.0
        out["m"] = m
        v = m.T[::2, ::-1]  # (4, 6), strides negative and non-unit
        out["m_sqrt_view"] = np.sqrt(v)
        out["m_rint_view"] = np.rint(v)
        out["m_round2_view"] = np.round(v, 2)
        out["m_maximum_bcast"] = np.maximum(v, m[0, ::-2][:, None][:4])
        out["m_greater_bcast"] = np.greater(v, m[::-1, 1][None, :])
        out["m_where"] = np.where(v > 0.5, v, 0.0)
        out["m_where3"] = np.where(m.T[::2] > 0, m.T[::2] * 2, m[::-1].T[::2])
        out["m_where_bcast"] = np.where(m[0, :4][:, None] > 0, m[::2, ::-1][None, 0, :6],
                                        m.T[1:5, :1])
        out["m_select"] = np.select([m > 1, m < -1, np.isnan(m)], [m * 10, m * 0 - 1, 99.0],
                                    default=0.5)
    return out
