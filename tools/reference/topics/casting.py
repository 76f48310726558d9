"""astype between every pair of dtypes, including the values C leaves undefined."""
import warnings

import numpy as np

NAMES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float32", "float64", "complex64", "complex128"]

SOURCES = {
    "bool": np.array([True, False, True]),
    "int8": np.array([-128, -1, 0, 1, 127], dtype=np.int8),
    "int16": np.array([-32768, -300, -1, 0, 255, 256, 32767], dtype=np.int16),
    "int32": np.array([-2**31, -70000, -1, 0, 65536, 2**31 - 1], dtype=np.int32),
    "int64": np.array([-2**63, -2**40 - 7, -1, 0, 2**53 + 1, 2**63 - 1], dtype=np.int64),
    "uint8": np.array([0, 1, 128, 255], dtype=np.uint8),
    "uint16": np.array([0, 300, 65535], dtype=np.uint16),
    "uint32": np.array([0, 2**31, 2**32 - 1], dtype=np.uint32),
    "uint64": np.array([0, 2**53 + 1, 2**63, 2**64 - 1], dtype=np.uint64),
    "float32": np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.7, 300.7,
                         -300.7, 3e9, -3e9, 1e20, 16777217.0, 1e-45], dtype=np.float32),
    "float64": np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 0.5, -0.9, 1.5, 2.5, -2.7, 300.7,
                         -300.7, 3e9, -3e9, 1e20, -1e20, 2.0**63, 9.3e18, 1.8446744073709552e19,
                         3.4e38, 1e300, 1e-320, 0.1], dtype=np.float64),
    "complex64": np.array([1 + 2j, -0.5 - 1j, 0j, 300.7 + 0j], dtype=np.complex64),
    "complex128": np.array([1 + 2j, -0.5 - 1j, 0j, -300.7 + 1e300j], dtype=np.complex128),
}


def cases():
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for src, a in SOURCES.items():
            out[f"{src}"] = a
            for dst in NAMES:
                out[f"{src}->{dst}"] = a.astype(dst)
    return out
