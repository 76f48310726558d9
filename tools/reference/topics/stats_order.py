"""numerust-stats, ordering: sort/argsort/lexsort, partition, searchsorted/digitize, unique,
set operations, diff/ediff1d, gradient.

Inputs are stored beside the results (`in_*`), so the Rust tests (crates/stats/tests/
reference.rs) read both from this file. Edge cases: NaNs, -0.0/0.0 ties, empty, all-equal,
integer dtypes.
"""
import numpy as np


def inputs():
    rng = np.random.default_rng(20240607)
    f = rng.standard_normal(1000)
    f[[3, 50, 51, 999]] = np.nan
    f[[10, 11, 12]] = 0.0
    f[[13, 14]] = -0.0
    f[100:110] = 1.5  # ties
    i = rng.integers(-50, 50, 777).astype(np.int64)
    m = rng.standard_normal((7, 9))
    m[2, 3] = np.nan
    return {
        "in_f": f,
        "in_f32": f.astype(np.float32),
        "in_i": i,
        "in_u8": rng.integers(0, 256, 300).astype(np.uint8),
        "in_m": m,
        "in_mi": rng.integers(0, 4, (6, 5)).astype(np.int64),
        "in_empty": np.zeros(0),
        "in_equal": np.full(17, 2.5),
        "in_big": rng.standard_normal(5000),
    }


def cases():
    out = inputs()
    f, f32, i, u8, m, mi = (out[k] for k in ("in_f", "in_f32", "in_i", "in_u8", "in_m", "in_mi"))
    big = out["in_big"]
    # sort / argsort (stable: ties keep order, NaNs last in order)
    out["sort_f"] = np.sort(f)
    out["sort_f32"] = np.sort(f32)
    out["sort_i"] = np.sort(i)
    out["sort_u8"] = np.sort(u8)
    out["sort_big"] = np.sort(big)
    out["sort_m0"] = np.sort(m, axis=0)
    out["sort_m1"] = np.sort(m, axis=1)
    out["sort_mnone"] = np.sort(m, axis=None)
    out["argsort_f"] = np.argsort(f, kind="stable")
    out["argsort_i"] = np.argsort(i, kind="stable")
    out["argsort_big"] = np.argsort(big, kind="stable")
    out["argsort_m0"] = np.argsort(m, axis=0, kind="stable")
    out["argsort_mi1"] = np.argsort(mi, axis=1, kind="stable")
    out["lexsort_mi"] = np.lexsort((mi[:, 0], mi[:, 1], mi[:, 2]))
    out["lexsort_i"] = np.lexsort((i, i % 7))
    # searchsorted / digitize
    s = np.sort(f)
    v = np.array([-np.inf, -3.0, -0.0, 0.0, 1.5, 2.0, np.inf, np.nan])
    out["ss_v"] = v
    out["ss_left"] = np.searchsorted(s, v, side="left")
    out["ss_right"] = np.searchsorted(s, v, side="right")
    out["ss_sorter"] = np.searchsorted(f, v, side="right", sorter=np.argsort(f, kind="stable"))
    bins = np.array([-2.0, -1.0, 0.0, 0.5, 1.0, 3.0])
    out["dig_bins"] = bins
    out["dig_left"] = np.digitize(f, bins)
    out["dig_right"] = np.digitize(f, bins, right=True)
    out["dig_dec"] = np.digitize(f, bins[::-1])
    out["dig_dec_right"] = np.digitize(f, bins[::-1], right=True)
    # unique
    u, ui, uv, uc = np.unique(f, return_index=True, return_inverse=True, return_counts=True)
    out["uniq_f"], out["uniq_f_index"], out["uniq_f_inverse"], out["uniq_f_counts"] = u, ui, uv, uc
    out["uniq_f_nonan"] = np.unique(f, equal_nan=False)
    u, ui, uv, uc = np.unique(i, return_index=True, return_inverse=True, return_counts=True)
    out["uniq_i"], out["uniq_i_index"], out["uniq_i_inverse"], out["uniq_i_counts"] = u, ui, uv, uc
    u, ui, uv, uc = np.unique(mi, axis=0, return_index=True, return_inverse=True,
                              return_counts=True)
    out["uniq_mi0"], out["uniq_mi0_index"], out["uniq_mi0_inverse"], out["uniq_mi0_counts"] = (
        u, ui, uv.reshape(-1), uc)
    out["uniq_mi1"] = np.unique(mi, axis=1)
    # sets
    a = np.array([np.nan, 1.0, -0.0, 0.0, np.nan, 3.0, 3.0, 7.5])
    b = np.array([np.nan, 0.0, 3.0, 9.0, 9.0])
    out["set_a"], out["set_b"] = a, b
    out["isin_ab"] = np.isin(a, b)
    out["isin_ab_inv"] = np.isin(a, b, invert=True)
    out["inter_ab"] = np.intersect1d(a, b)
    out["union_ab"] = np.union1d(a, b)
    out["diff_ab"] = np.setdiff1d(a, b)
    out["xor_ab"] = np.setxor1d(a, b)
    ia, ib = i[:300], i[300:]
    out["isin_i"] = np.isin(ia, ib)
    out["inter_i"] = np.intersect1d(ia, ib)
    out["union_i"] = np.union1d(ia, ib)
    out["setdiff_i"] = np.setdiff1d(ia, ib)
    out["xor_i"] = np.setxor1d(ia, ib)
    # diff / ediff1d / gradient
    out["diff_f"] = np.diff(f)
    out["diff_i3"] = np.diff(i, n=3)
    out["diff_u8"] = np.diff(u8)
    out["diff_m0"] = np.diff(m, axis=0)
    out["diff_m1_2"] = np.diff(m, n=2, axis=1)
    out["diff_pre_app"] = np.diff(m, axis=1, prepend=0.0, append=m[:, :2])
    out["ediff_i"] = np.ediff1d(i, to_end=[100, 200], to_begin=[-5])
    g = big[:200]
    out["grad_1"] = np.gradient(g)
    out["grad_dx"] = np.gradient(g, 0.25)
    out["grad_e2"] = np.gradient(g, 0.25, edge_order=2)
    x = np.cumsum(np.abs(big[200:400]) + 0.1)
    out["grad_x"] = x
    out["grad_coords"] = np.gradient(g, x)
    out["grad_coords_e2"] = np.gradient(g, x, edge_order=2)
    gm = m.copy()
    gm[np.isnan(gm)] = 0.5
    out["grad_in_m"] = gm
    g0, g1 = np.gradient(gm, 2.0, 0.5)
    out["grad_m0"], out["grad_m1"] = g0, g1
    out["grad_i"] = np.gradient(i[:50])
    out["grad_f32"] = np.gradient(f32[200:300])
    return out
