#!/usr/bin/env python3
"""Writes NumPy reference data for numerust's tests: tests/reference/<topic>.npz.

Each module in tools/reference/topics/ defines `cases() -> dict[str, np.ndarray]`; the
arrays are saved with np.savez (stored zip entries, which the Rust test loader reads).
Strings (e.g. expected printing) are saved as 0-d or 1-d unicode arrays. A manifest records
the NumPy version and each file's SHA-256.

    python3 -m venv .venv && .venv/bin/pip install -r tools/reference/requirements.txt
    .venv/bin/python tools/reference/generate.py            # all topics
    .venv/bin/python tools/reference/generate.py creation   # one topic

Rust tests read the files; they never run Python.
"""
import hashlib
import importlib
import json
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "reference"
TOPICS = pathlib.Path(__file__).resolve().parent / "topics"
PINNED = "2.4.6"


def main(argv):
    if np.__version__ != PINNED:
        sys.exit(f"numpy {np.__version__} found; the reference data is pinned to {PINNED}")
    sys.path.insert(0, str(TOPICS.parent))
    names = argv or sorted(p.stem for p in TOPICS.glob("*.py") if not p.stem.startswith("_"))
    OUT.mkdir(parents=True, exist_ok=True)
    manifest_path = OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {"files": {}}
    for name in names:
        mod = importlib.import_module(f"topics.{name}")
        cases = mod.cases()
        for key, value in cases.items():
            if not isinstance(value, np.ndarray):
                raise TypeError(f"{name}/{key}: expected ndarray, got {type(value)}")
            if value.dtype == object:
                raise TypeError(f"{name}/{key}: object arrays are not supported")
        path = OUT / f"{name}.npz"
        np.savez(path, **cases)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        manifest["files"][f"{name}.npz"] = {"sha256": digest, "arrays": len(cases)}
        print(f"{path.relative_to(ROOT)}: {len(cases)} arrays, {path.stat().st_size} bytes")
    manifest["numpy"] = np.__version__
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
