"""numerust-stats, summaries: median/percentile/quantile (every method, nan*), average, cov,
corrcoef, histogram (counts, edges, estimators, weights, density), histogram2d, bincount,
zscore, min-max scaling and pandas' describe.

Inputs are stored beside the results (`in_*`); the Rust tests are in
crates/stats/tests/reference.rs.
"""
import warnings

import numpy as np
import pandas as pd

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
QS = np.array([0.0, 0.01, 0.1, 0.25, 0.3, 0.5, 0.6, 0.75, 0.9, 0.99, 1.0])


def cases():
    warnings.simplefilter("ignore")
    rng = np.random.default_rng(77)
    out = {}
    x = rng.standard_normal(101)
    xe = rng.standard_normal(100)
    xi = rng.integers(-20, 20, 64).astype(np.int64)
    xs = np.array([3.0, 1.0, 2.0])
    xn = x.copy()
    xn[[5, 17]] = np.nan
    m = rng.standard_normal((8, 13))
    mn = m.copy()
    mn[1, 4] = np.nan
    mn[:, 7] = np.nan
    out.update(in_x=x, in_xe=xe, in_xi=xi, in_xs=xs, in_xn=xn, in_m=m, in_mn=mn, in_q=QS)
    for name, arr in (("x", x), ("xe", xe), ("xi", xi), ("xs", xs)):
        for meth in METHODS:
            out[f"q_{name}_{meth}"] = np.quantile(arr, QS, method=meth).astype(np.float64)
    out["q_f32"] = np.array([np.quantile(x.astype(np.float32), 0.37)])
    out["q_m1"] = np.quantile(m, QS, axis=1)
    out["q_m0_keep"] = np.quantile(m, [0.2, 0.8], axis=0, keepdims=True)
    out["pct90_x"] = np.array([np.percentile(x, 90)])
    out["pct_m0_nearest"] = np.percentile(m, [10, 50, 95], axis=0, method="nearest")
    out["q_xn"] = np.quantile(xn, QS)
    out["nanq_xn"] = np.nanquantile(xn, QS)
    out["nanq_mn1"] = np.nanquantile(mn, [0.3, 0.5], axis=1)
    out["nanq_mn0"] = np.nanquantile(mn, 0.5, axis=0)
    out["nanpct_mn"] = np.nanpercentile(mn, [25, 75], method="midpoint")
    out["median"] = np.array([np.median(x), np.median(xe), np.median(xi), np.median(xs),
                              np.median(xn), np.nanmedian(xn), np.median(np.zeros(0)),
                              np.nanmedian(np.full(3, np.nan)),
                              np.median(x.astype(np.float32)).astype(np.float64)])
    out["median_m0"] = np.median(m, axis=0)
    out["median_m1_keep"] = np.median(m, axis=1, keepdims=True)
    out["median_mn1"] = np.median(mn, axis=1)
    out["nanmedian_mn0"] = np.nanmedian(mn, axis=0)
    # average / cov / corrcoef
    w = rng.random(13)
    out["in_w"] = w
    out["avg_w1"], out["avg_w1_sum"] = np.average(m, axis=1, weights=w, returned=True)
    wm = rng.random((8, 13))
    out["in_wm"] = wm
    out["avg_wall"], out["avg_wall_sum"] = np.average(m, weights=wm, returned=True)
    out["cov_m"] = np.cov(m)
    out["cov_mT"] = np.cov(m, rowvar=False)
    out["cov_bias"] = np.cov(m, bias=True)
    out["cov_ddof3"] = np.cov(m, ddof=3)
    fw = rng.integers(0, 4, 13)
    out["in_fw"] = fw.astype(np.int64)
    out["cov_fw"] = np.cov(m, fweights=fw)
    out["cov_aw"] = np.cov(m, aweights=w)
    out["cov_faw"] = np.cov(m, fweights=fw, aweights=w, ddof=2)
    out["cov_1d"] = np.cov(x)
    out["cov_xi"] = np.cov(xi.reshape(4, 16))
    out["corr_m"] = np.corrcoef(m)
    out["corr_mT"] = np.corrcoef(m, rowvar=False)
    # histograms
    h = np.concatenate([rng.standard_normal(3000), [np.nan, 10.0, -10.0]])
    hc = h[np.isfinite(h)]
    out["in_h"] = hc
    for b in (10, 7, 1, 100):
        c, e = np.histogram(hc, bins=b)
        out[f"hist{b}_c"], out[f"hist{b}_e"] = c, e
    c, e = np.histogram(h, bins=12, range=(-2.0, 3.0))
    out["in_hn"] = h
    out["hist_range_c"], out["hist_range_e"] = c, e
    edges = np.array([-3.0, -1.0, -0.5, 0.0, 0.25, 2.0, 10.0])
    out["hist_edges_in"] = edges
    out["hist_edges_c"] = np.histogram(hc, bins=edges)[0]
    for est in ("auto", "fd", "sturges", "scott", "rice", "sqrt", "doane", "stone"):
        out[f"hist_est_{est}"] = np.histogram_bin_edges(hc[:500], bins=est)
        out[f"hist_est_i_{est}"] = np.histogram_bin_edges(xi, bins=est)
    hw = rng.random(hc.size)
    out["in_hw"] = hw
    out["hist_w_c"] = np.histogram(hc, bins=20, weights=hw)[0]
    out["hist_w_edges_c"] = np.histogram(hc, bins=edges, weights=hw)[0]
    out["hist_density"] = np.histogram(hc, bins=15, density=True)[0]
    out["hist_i_c"], out["hist_i_e"] = np.histogram(xi, bins=5)
    out["hist_equal_c"], out["hist_equal_e"] = np.histogram(np.full(5, 3.0), bins=4)
    out["hist_empty_c"], out["hist_empty_e"] = np.histogram(np.zeros(0), bins=3)
    hy = rng.standard_normal(hc.size)
    out["in_hy"] = hy
    H, ex, ey = np.histogram2d(hc, hy, bins=(6, 4))
    out["h2_H"], out["h2_ex"], out["h2_ey"] = H, ex, ey
    H, ex, ey = np.histogram2d(hc, hy, bins=[edges, np.array([-1.0, 0.0, 1.0])],)
    out["h2e_H"] = H
    bc = rng.integers(0, 9, 200)
    out["in_bc"] = bc.astype(np.int64)
    out["bincount"] = np.bincount(bc)
    out["bincount_min"] = np.bincount(bc, minlength=15)
    out["bincount_w"] = np.bincount(bc, weights=hw[:200])
    # zscore / min-max / describe
    out["zscore_m0"] = (m - m.mean(axis=0, keepdims=True)) / m.std(axis=0, keepdims=True)
    out["zscore_m1_ddof1"] = ((m - m.mean(axis=1, keepdims=True))
                              / m.std(axis=1, ddof=1, keepdims=True))
    lo, hi = m.min(axis=0, keepdims=True), m.max(axis=0, keepdims=True)
    out["minmax_m0"] = (m - lo) / (hi - lo)
    d = pd.DataFrame(mn).describe()
    out["describe_mn"] = d.to_numpy()  # rows: count mean std min 25% 50% 75% max
    return {k: np.asarray(v) for k, v in out.items()}
