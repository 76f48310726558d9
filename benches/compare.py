#!/usr/bin/env python3
"""Pairs NumPy's and numerust's JSON-line timings by row and prints NumPy time / numerust time.

    python3 benches/compare.py target/numpy_1t.jsonl target/numerust_1t.jsonl [--markdown]

Ratios above 1 mean numerust is faster. Both files use the row names of
../shared/bench/numpy_bench.py (group/op, dtype, size).
"""
import json
import sys


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            if r.get("kind") != "result" or "min_s" not in r:
                continue
            rows[(r["group"], r["op"], r["dtype"], str(r["size"]))] = r
    return rows


def main(argv):
    md = "--markdown" in argv
    paths = [a for a in argv if not a.startswith("--")]
    numpy, ours = load(paths[0]), load(paths[1])
    keys = [k for k in ours if k in numpy]
    if md:
        print("| row | dtype | size | NumPy min | numerust min | ratio (min) | ratio (median) |")
        print("|---|---|---|---|---|---|---|")
    for k in keys:
        n, o = numpy[k], ours[k]
        rmin, rmed = n["min_s"] / o["min_s"], n["median_s"] / o["median_s"]
        name = f"{k[0]}/{k[1]}"
        if md:
            print(f"| {name} | {k[2]} | {k[3]} | {n['min_s']*1e3:.3f} ms | {o['min_s']*1e3:.3f} ms | {rmin:.2f}x | {rmed:.2f}x |")
        else:
            print(f"{name:<42} {k[2]:<5} {k[3]:<12} numpy {n['min_s']*1e3:9.3f} ms  numerust {o['min_s']*1e3:9.3f} ms  ratio {rmin:5.2f}x (median {rmed:5.2f}x)")
    missing = [k for k in ours if k not in numpy]
    for k in missing:
        print(f"(no NumPy row for {k[0]}/{k[1]} {k[2]} {k[3]})", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
