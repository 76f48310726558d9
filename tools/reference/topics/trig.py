"""Trigonometric ufuncs: arctan2's specials (signed zeros, infinities, NaN) on a full grid,
random quadrants, and sin/cos/tan/arcsin/arccos/arctan on edge inputs, f64 and f32."""
import numpy as np


def cases():
    out = {}
    sp = np.array([0.0, -0.0, 1.0, -1.0, 2.5, -3e-310, 1e300, -1e-300,
                   np.inf, -np.inf, np.nan])
    y, x = np.meshgrid(sp, sp, indexing="ij")
    rng = np.random.default_rng(20261125)
    ry = (rng.random(200) - 0.5) * 10.0 ** rng.integers(-20, 20, 200)
    rx = (rng.random(200) - 0.5) * 10.0 ** rng.integers(-20, 20, 200)
    ys = np.concatenate([y.ravel(), ry])
    xs = np.concatenate([x.ravel(), rx])
    with np.errstate(all="ignore"):
        out["atan2_y"] = ys
        out["atan2_x"] = xs
        out["atan2_f64"] = np.arctan2(ys, xs)
        out["atan2_f32"] = np.arctan2(ys.astype(np.float32), xs.astype(np.float32))
        edge = np.array([0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 1e-310, np.pi / 2, np.pi,
                         1e6, 1e22, 1e300, -1.7976931348623157e308, np.inf, -np.inf,
                         np.nan, 2.0, -2.0, 0.7, 1e-8])
        out["edge"] = edge
        for f in ["sin", "cos", "tan", "arcsin", "arccos", "arctan"]:
            out[f"{f}_f64"] = getattr(np, f)(edge)
            out[f"{f}_f32"] = getattr(np, f)(edge.astype(np.float32))
    return out
