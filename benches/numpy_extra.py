#!/usr/bin/env python3
"""NumPy's side of rows the issues ask for that ../shared/bench/numpy_bench.py lacks.

Same timing (its `timeit`/`Suite`), same JSON lines, appended to the file given by --out, so
`benches/compare.py` pairs them with numerust's rows of the same names. Called by
`benches/compare.sh` after the shared script.

    python3 benches/numpy_extra.py --out FILE [--filter S ...] [--quick]
"""
import argparse
import importlib.util
import pathlib

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location(
    "numpy_bench", HERE.parent.parent / "shared" / "bench" / "numpy_bench.py")
nb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(nb)

N6 = 1_000_000


def workloads(s):
    g = np.random.default_rng(0)
    s.run("random", "choice(1e6, 1e6) with replacement", "i64", N6, lambda: g.choice(N6, N6))
    s.run("random", "choice(1e6, 1e5) without replacement", "i64", N6,
          lambda: g.choice(N6, N6 // 10, replace=False))
    x = np.arange(N6, dtype=np.float64)
    s.run("random", "shuffle 1e6", "f64", N6, lambda: g.shuffle(x))
    s.run("random", "permutation 1e6", "i64", N6, lambda: g.permutation(N6))

    # Statistics rows of the stats issue beyond the shared script's.
    r = np.random.default_rng(7)
    x6 = r.random(N6)
    xs = np.sort(x6)
    s.run("stats", "sort (already sorted)", "f64", N6, lambda: np.sort(xs))
    xr = xs[::-1].copy()
    s.run("stats", "sort (reversed)", "f64", N6, lambda: np.sort(xr))
    xf = r.integers(0, 10, N6).astype(np.float64)
    s.run("stats", "sort (10 distinct)", "f64", N6, lambda: np.sort(xf))
    xi = r.integers(-2**62, 2**62, N6)
    s.run("stats", "sort", "i64", N6, lambda: np.sort(xi))
    s.run("stats", "argsort", "f64", N6, lambda: np.argsort(x6))
    xu = r.integers(0, 1000, N6).astype(np.float64)
    s.run("stats", "unique (1e3 distinct)", "f64", N6, lambda: np.unique(xu))
    x7 = r.random(10_000_000)
    s.run("stats", "histogram 100 bins", "f64", 10_000_000, lambda: np.histogram(x7, bins=100))

    # Matrix-vector products (BLAS ?gemv in NumPy), both orientations of A.
    for dt, name in ((np.float64, "f64"), (np.float32, "f32")):
        a = r.random((2000, 2000)).astype(dt)
        v = r.random(2000).astype(dt)
        s.run("linalg", "matvec n=2000 (A @ x)", name, "2000x2000", lambda a=a, v=v: a @ v)
        s.run("linalg", "matvec n=2000 (A.T @ x)", name, "2000x2000", lambda a=a, v=v: a.T @ v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--filter", action="append", default=[])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    with open(args.out, "a") as out:
        workloads(nb.Suite(args.filter, args.quick, out))


if __name__ == "__main__":
    main()
