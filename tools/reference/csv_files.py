#!/usr/bin/env python3
"""Writes the CSV reference data for numerust-io's tests (crates/io/tests/csv.rs).

    .venv/bin/python tools/reference/csv_files.py

Outputs, under tests/reference/csv/:
  inputs/<case>.txt    text files read by np.loadtxt / np.genfromtxt (and by the Rust tests)
  savetxt/<case>.txt   what np.savetxt writes for the arrays saved as save_<case>_in
  expected.npz         np.loadtxt results (<case>), np.genfromtxt data/mask/names
                       (<case>, <case>_mask, <case>_names), NumPy's error messages
                       (<case>_error) and the savetxt inputs (save_<case>_in)

Each case's options are written out again in the Rust test beside its name; keep them in step.
Rust tests read these files; they never run Python.
"""
import io
import pathlib
import sys
import warnings

import numpy as np
from numpy.lib import recfunctions as rfn

PINNED = "2.4.6"
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "reference" / "csv"

# name -> (file contents, np.loadtxt keyword arguments)
LOADTXT = {
    "ws_basic": ("1 2 3\n4 5 6\n", {}),
    "comments_blank": ("# header\n1,2\n\n# c\n3,4 # trailing\n5,6#x\n", {"delimiter": ","}),
    "crlf": ("1 2\r\n3 4\r\n\r\n5 6\r\n", {}),
    "cr_only": ("1 2\r3 4\r", {}),
    "no_final_newline": ("1,2\n3,4", {"delimiter": ","}),
    "mixed_whitespace": ("  1\t2 \x0b3\n\x0c4  5\t\t6  \n", {}),
    "usecols": ("1,2,3\n4,5,6\n", {"delimiter": ",", "usecols": [0, 2]}),
    "usecols_neg": ("1,2,3\n4,5,6\n", {"delimiter": ",", "usecols": [-1, 0]}),
    "usecols_ragged": ("1 2 3\n4 5\n6 7 8 9\n", {"usecols": [1, 0]}),
    "usecols_text": ("1,abc,3\n4,def,6\n", {"delimiter": ",", "usecols": [2, 0]}),
    "row_ndmin0": ("1 2 3\n", {}),
    "row_ndmin1": ("1 2 3\n", {"ndmin": 1}),
    "row_ndmin2": ("1 2 3\n", {"ndmin": 2}),
    "col_ndmin0": ("1\n2\n3\n", {}),
    "col_ndmin1": ("1\n2\n3\n", {"ndmin": 1}),
    "col_ndmin2": ("1\n2\n3\n", {"ndmin": 2}),
    "one_ndmin0": ("7.5\n", {}),
    "one_ndmin1": ("7.5\n", {"ndmin": 1}),
    "one_ndmin2": ("7.5\n", {"ndmin": 2}),
    "empty": ("", {}),
    "empty_ndmin2": ("", {"ndmin": 2}),
    "only_comments": ("# a\n\n# b\n", {}),
    "empty_usecols": ("", {"usecols": [0, 1]}),
    "skiprows_maxrows": ("a b\n# c\n1 2\n\n3 4\n5 6\n", {"skiprows": 2, "max_rows": 2}),
    "unpack": ("1 2 3\n4 5 6\n", {"unpack": True}),
    "quotes": ('"1.5","2"\n"3",4\n', {"delimiter": ",", "quotechar": '"'}),
    "quotes_ws": ('"1" 2\n3 "4"\n', {"quotechar": '"'}),
    "multi_comments": ("1,2 // x\n// y\n3,4 # z\n", {"delimiter": ",", "comments": ["#", "//"]}),
    "no_comments": ("1 2\n3 4\n", {"comments": None}),
    "semicolon": ("1;2\n3;4\n", {"delimiter": ";"}),
    "nan_inf": (
        "nan inf -Infinity +inf NaN -nan +NAN INF infinity iNfInItY -inf +nan\n",
        {},
    ),
    "spaces_in_fields": ("1 , 2 ,3\n 4,5 , 6 \n", {"delimiter": ","}),
    "leading_dot": (".5 5. -.5 +5.e-1\n", {}),
}


def digits17_text():
    rng = np.random.default_rng(7)
    vals = list(rng.random(40))
    vals += list(rng.standard_normal(40) * 10.0 ** rng.integers(-300, 300, 40))
    vals += [5e-324, 2.2250738585072009e-308, 2.2250738585072014e-308, 1.7976931348623157e308,
             0.1, 0.2, 0.3, 1 / 3, 2 / 3, 9007199254740993.0, 123456789012345678.0]
    lines = [" ".join("%.17g" % v for v in vals[i:i + 4]) for i in range(0, len(vals) - 3, 4)]
    # hard decimal strings: halfway cases, many digits, out of range
    lines.append("2.4703282292062327e-324 2.4703282292062328e-324 1e-400 -1e-400")
    lines.append("1.7976931348623158e308 1.7976931348623159e308 1e400 -1e400")
    lines.append("0.1000000000000000055511151231257827021181583404541015625 "
                 "9007199254740993 9007199254740992.5 9007199254740993.0000000000000000001")
    lines.append("4.9406564584124654e-324 1.00000000000000011102230246251565404236316680908203125 "
                 "1.00000000000000011102230246251565404236316680908203124 "
                 "1.00000000000000011102230246251565404236316680908203126")
    return "\n".join(lines) + "\n"


LOADTXT["digits17"] = (digits17_text(), {})

# name -> (contents, kwargs, dtype)
LOADTXT_TYPED = {
    "int64": (" +3 -4 0012\n-9223372036854775808 9223372036854775807 -0\n", {}, np.int64),
    "int32": ("1,-2147483648\n2147483647,0\n", {"delimiter": ","}, np.int32),
    "uint8": ("0 255\n+7 8\n", {}, np.uint8),
    "uint64": ("18446744073709551615 0\n", {}, np.uint64),
    "bool": ("1 0 -1\n2 0 0\n", {}, np.bool_),
    "float32": ("1.0000000596046448 3.4028235677973366e38 0.1 1e-46 16777217\n", {}, np.float32),
}

# name -> (contents, kwargs, dtype): np.loadtxt raises; the message is stored.
LOADTXT_ERRORS = {
    "err_float": ("1 2 3\n4 5 abc\n", {}, float),
    "err_empty_field": ("1,2\n3,,4\n", {"delimiter": ","}, float),
    "err_columns": ("1,2,3\n\n# c\n4,5\n", {"delimiter": ","}, float),
    "err_usecols": ("1 2\n3 4\n", {"usecols": [5]}, float),
    "err_int_dot": ("1 2\n3 1.0\n", {}, np.int64),
    "err_int_range": ("1 300\n", {}, np.int8),
    "err_uint_neg": ("1 -0\n", {}, np.uint8),
    "err_hex": ("0x1p3\n", {}, float),
    "err_indented_comment": ("1,2\n  # c\n", {"delimiter": ","}, float),
}

# name -> (contents, np.genfromtxt kwargs)
GENFROMTXT = {
    "gen_missing": ("1,2,3\n4,,6\n7,8,\n", {"delimiter": ","}),
    "gen_missing_values": ("1,N/A,3\n-999,5, N/A \n", {"delimiter": ",", "missing_values": "N/A,-999",
                                                        "filling_values": 0}),
    "gen_names": ("# a b c\n1 2 3\n4 5 6\n", {"names": True}),
    "gen_names_csv": ("x,y y,return,x\n1,2,3,4\n", {"delimiter": ",", "names": True}),
    "gen_names_missing": ("a,b\n1,-999\n-999.0,2\n", {"delimiter": ",", "names": True,
                                                      "missing_values": "-999"}),
    "gen_skip": ("header\n1 2\n3 4\n5 6\nfooter line\n", {"skip_header": 1, "skip_footer": 1}),
    "gen_usecols": ("1 2 3\n4 5 6\n", {"usecols": [0, -1]}),
    "gen_invalid_skip": ("1 2 3\n4 5\n6 7 8\n9 1 2 3\n", {"invalid_raise": False}),
    "gen_filling_per_col": ("1,,3\n,,\n", {"delimiter": ",", "filling_values": [7, 8, 9]}),
    "gen_loose": ("1 abc\n3 4\n", {}),
    "gen_underscore": ("1_0 2\n3 4_5.5\n", {}),
    "gen_comments": ("1 2 # c\n# full\n\n3 4\n", {}),
    "gen_max_rows": ("1 2\n3 4\n5 6\n", {"max_rows": 2}),
    "gen_single_row": ("1 2\n", {}),
    "gen_ndmin2": ("1 2\n", {"ndmin": 2}),
    "gen_empty": ("", {}),
    "gen_crlf": ("1,2\r\n3,\r\n", {"delimiter": ","}),
}

GENFROMTXT_ERRORS = {
    "gen_err_invalid": ("1 2 3\n4 5\n6 7 8\n9 1 2 3\n", {}),
}


def savetxt_cases():
    rng = np.random.default_rng(3)
    special = np.array([[0.0, -0.0, np.nan, np.inf],
                        [-np.inf, 1e-300, 1e300, -2.5],
                        [5e-324, 0.1, 1 / 3, 123456789.125]])
    rand = rng.standard_normal((5, 4)) * 10.0 ** rng.integers(-8, 8, (5, 4))
    mat = np.vstack([special, rand])
    ints = np.array([[1, -2, 300], [0, 2**40, -(2**62)]], dtype=np.int64)
    cplx = np.array([[1 + 2j, -1.5 - 0.25j], [np.nan + 1j, 0 - 0j]])
    small = np.array([[1.25, -3.5, 1e-5], [2.0, 1e16, 0.0001]])
    return {
        "default": (mat, {}),
        "g17": (mat, {"fmt": "%.17g", "delimiter": ","}),
        "d_int": (ints, {"fmt": "%d"}),
        "d_float": (np.array([[1.9, -1.9, 1e20], [0.5, -0.5, 3.0]]), {"fmt": "%d"}),
        "f10_3": (mat, {"fmt": "%10.3f"}),
        "g": (mat, {"fmt": "%g", "delimiter": "\t"}),
        "e_upper": (mat, {"fmt": "%+.4E"}),
        "percol": (small, {"fmt": ["%d", "%.2f", "%s"], "delimiter": ";"}),
        "rowfmt": (small, {"fmt": "%.1f|%-8.2e|%08.3g"}),
        "header_footer": (small, {"header": "a b c\nsecond line", "footer": "end", "comments": "// ",
                                  "newline": "\r\n"}),
        "one_d": (np.array([1.5, -2.0, 3.25]), {"fmt": "%.3f"}),
        "complex": (cplx, {}),
        "complex_fmt": (cplx, {"fmt": "%.3f"}),
        "f32_s": (np.array([[0.1, 16777216.0, 1e-5], [3.0, 123456.0, 1e6]], dtype=np.float32),
                  {"fmt": "%s"}),
        "int_e": (ints, {}),
        "hex": (np.array([[255, -255], [0, 4096]], dtype=np.int32), {"fmt": "%#x"}),
        "bool": (np.array([[True, False]]), {}),
    }


def message(exc):
    return str(exc)


def main():
    if np.__version__ != PINNED:
        sys.exit(f"numpy {np.__version__} found; the reference data is pinned to {PINNED}")
    warnings.simplefilter("ignore")
    (OUT / "inputs").mkdir(parents=True, exist_ok=True)
    (OUT / "savetxt").mkdir(parents=True, exist_ok=True)
    out = {}

    def write_input(name, text):
        path = OUT / "inputs" / f"{name}.txt"
        with open(path, "w", newline="") as f:
            f.write(text)
        return path

    for name, (text, kw) in LOADTXT.items():
        out[name] = np.loadtxt(write_input(name, text), **kw)
    for name, (text, kw, dt) in LOADTXT_TYPED.items():
        out[name] = np.loadtxt(write_input(name, text), dtype=dt, **kw)
    for name, (text, kw, dt) in LOADTXT_ERRORS.items():
        try:
            np.loadtxt(write_input(name, text), dtype=dt, **kw)
        except ValueError as e:
            out[f"{name}_error"] = np.array(message(e))
        else:
            sys.exit(f"{name}: NumPy did not raise")
    for name, (text, kw) in GENFROMTXT.items():
        r = np.genfromtxt(write_input(name, text), usemask=True, **kw)
        names = r.dtype.names
        if names is not None:
            data = rfn.structured_to_unstructured(r.data, dtype=np.float64)
            mask = rfn.structured_to_unstructured(np.ma.getmaskarray(r), dtype=np.bool_)
            out[f"{name}_names"] = np.array(list(names))
        else:
            data = np.asarray(r.data)
            mask = np.ma.getmaskarray(r)
        out[name] = data
        out[f"{name}_mask"] = np.asarray(mask, dtype=np.bool_)
    for name, (text, kw) in GENFROMTXT_ERRORS.items():
        try:
            np.genfromtxt(write_input(name, text), **kw)
        except ValueError as e:
            out[f"{name}_error"] = np.array(message(e))
        else:
            sys.exit(f"{name}: NumPy did not raise")
    for name, (arr, kw) in savetxt_cases().items():
        buf = io.BytesIO()
        np.savetxt(buf, arr, **kw)
        (OUT / "savetxt" / f"{name}.txt").write_bytes(buf.getvalue())
        out[f"save_{name}_in"] = arr
    np.savez(OUT / "expected.npz", **out)
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"{OUT.relative_to(ROOT)}: {len(out)} arrays, {total} bytes")


if __name__ == "__main__":
    main()
