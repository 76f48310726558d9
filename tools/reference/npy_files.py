#!/usr/bin/env python3
"""Writes the .npy/.npz files numerust-io's tests read: tests/reference/npy/.

Every file is written by NumPy itself (np.save, np.savez, np.savez_compressed,
np.lib.format.write_array), so the Rust tests check numerust against NumPy's own bytes:
they load each file and compare values, shape, dtype and order, and they save the same
arrays and compare the bytes with NumPy's.

Values follow one rule both sides compute, over the flat index i of the array in C order:
    bool      i % 3 == 0
    intN      ((37 i) % 251 - 125) * m        m = 1, 257, 65537, 4294967297 for 1, 2, 4, 8 bytes
    uintN     ((37 i) % 251) * m
    floatN    float64((i - 5) / 3) rounded to the type
    complexN  (i - 5) / 3 + 1j * (-i / 7), each part rounded to the type

    .venv/bin/python tools/reference/npy_files.py

Rust tests read the files; they never run Python.
"""
import hashlib
import json
import pathlib
import sys
import warnings
import zipfile

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "reference" / "npy"
PINNED = "2.4.6"

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
MULT = {1: 1, 2: 257, 4: 65537, 8: 4294967297}


def values(dtype, shape):
    """The rule above, as an array of `shape` in C order."""
    dt = np.dtype(dtype)
    n = int(np.prod(shape, dtype=np.int64))
    i = np.arange(n, dtype=np.int64)
    if dt.kind == "b":
        v = i % 3 == 0
    elif dt.kind == "i":
        v = ((37 * i) % 251 - 125) * MULT[dt.itemsize]
    elif dt.kind == "u":
        v = ((37 * i) % 251) * MULT[dt.itemsize]
    elif dt.kind == "f":
        v = (i - 5) / 3
    else:
        v = (i - 5) / 3 + 1j * (-i / 7)
    return v.astype(dt).reshape(shape)


def files():
    """name -> array (or a callable writing the file itself)."""
    out = {}
    for name in DTYPES:
        a = values(name, (3, 4))
        out[f"{name}_C_le"] = a
        out[f"{name}_F_le"] = np.asfortranarray(a)
        if a.dtype.itemsize > 1:
            big = a.astype(a.dtype.newbyteorder(">"))
            out[f"{name}_C_be"] = big
            out[f"{name}_F_be"] = np.asfortranarray(big)
    out["scalar_0d"] = values("float64", ())
    out["empty_0x3"] = values("float64", (0, 3))
    out["int32_3d_F"] = np.asfortranarray(values("int32", (2, 3, 4)))
    # A non-contiguous source: np.save writes it in C order through its buffered iterator.
    out["noncontig"] = values("float64", (6, 8))[::2, 1::3]
    out["reversed"] = values("int16", (3, 4))[::-1, ::-1]
    out["bool_nonzero"] = np.array([0, 1, 2, 255], dtype=np.uint8).view(np.bool_)
    # Files numerust must refuse.
    out["object"] = np.array([1, "a", None], dtype=object)
    out["structured"] = np.zeros(2, dtype=[("a", "<f8"), ("b", "<i4")])
    out["unicode"] = np.array(["ab", "c"])
    out["datetime"] = np.array(["2020-01-01"], dtype="M8[D]")
    out["float16"] = np.arange(3, dtype=np.float16)
    return out


def write_version(path, array, version):
    with open(path, "wb") as f:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            np.lib.format.write_array(f, array, version=version)


def main():
    if np.__version__ != PINNED:
        sys.exit(f"numpy {np.__version__} found; the reference data is pinned to {PINNED}")
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.np[yz]"):
        old.unlink()
    for name, array in files().items():
        np.save(OUT / f"{name}.npy", array, allow_pickle=(array.dtype == object))
    write_version(OUT / "v2.npy", values("int16", (3, 4)), (2, 0))
    write_version(OUT / "v3.npy", values("int16", (3, 4)), (3, 0))
    members = dict(
        a=values("float64", (3, 4)),
        b=np.asfortranarray(values("int32", (2, 3, 4))),
        c=values("bool", (3, 4)),
        d=values("complex128", ()),
    )
    np.savez(OUT / "savez.npz", **members)
    np.savez_compressed(OUT / "savez_compressed.npz", **members)
    # Each member alone, as np.save writes it: the bytes numerust's savez members must equal.
    for key, array in members.items():
        np.save(OUT / f"member_{key}.npy", array)

    manifest = {"numpy": np.__version__, "files": {}}
    total = 0
    for path in sorted(OUT.glob("*.np[yz]")):
        data = path.read_bytes()
        total += len(data)
        manifest["files"][path.name] = {"bytes": len(data),
                                        "sha256": hashlib.sha256(data).hexdigest()}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(manifest['files'])} files, {total} bytes")
    read_numerust()


def read_numerust():
    """NumPy reads the archives numerust wrote (tests/reference/from_numerust/, made by
    `NUMERUST_BLESS=1 cargo test -p numerust-io --test npz`) and records what it read."""
    src = ROOT / "tests" / "reference" / "from_numerust"
    read = {}
    for kind in ("savez", "savez_compressed"):
        path = src / f"{kind}.npz"
        if not path.exists():
            print(f"{path.relative_to(ROOT)} missing: run the numerust test with NUMERUST_BLESS=1")
            return
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            if bad is not None:
                sys.exit(f"{path}: member {bad} fails zipfile's CRC check")
        with np.load(path) as f:
            for name in f.files:
                read[f"{kind}__{name}"] = f[name]
    np.savez(src / "numpy_read.npz", **read)
    print(f"{src.relative_to(ROOT)}/numpy_read.npz: {len(read)} arrays NumPy read")


if __name__ == "__main__":
    main()
