"""Basic indexing: slices with negative indices and steps, integers, newaxis, ellipsis."""
import numpy as np


def cases():
    out = {}
    a = np.arange(24).reshape(2, 3, 4)
    out["a"] = a
    specs = {
        "neg_step": (slice(None, None, -1),),
        "mixed": (slice(1, None), slice(None, None, -2), 0),
        "ellipsis_last": (Ellipsis, -1),
        "newaxis": (np.newaxis, 0, slice(None), np.newaxis, slice(3, 0, -2)),
        "clamped": (slice(-100, 100), slice(5, -5, -1)),
        "empty": (slice(1, 1), Ellipsis),
        "step3": (slice(None), slice(None), slice(None, None, 3)),
        "neg_start_stop": (slice(-1, -3, -1), slice(-2, None)),
    }
    for name, spec in specs.items():
        out[f"{name}"] = np.ascontiguousarray(a[spec])
    v = np.arange(10)
    out["v"] = v
    out["v_5_1_m1"] = v[5:1:-1]
    out["v_m3"] = v[-3:]
    out["v_100_m2"] = v[100::-2]
    out["v_twice"] = v[1:9:2][::-1][1:3]
    return out
