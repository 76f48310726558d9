"""Printing: str(a) and repr(a) under NumPy's default print options.

Each case NAME stores its input array as NAME. The expected texts are packed in two uint8
arrays of UTF-8 bytes (a unicode array would take 4 bytes a character, and one array per
text would double the file): "names" holds the case names joined by "\n", "texts" holds
str(a) and repr(a) of each case in the same order, all joined by "\0". Cases named view_* store a base array;
the Rust test applies the same view (transpose, reversed or stepped slices) before printing.
"""
import numpy as np


def utf8(s):
    return np.frombuffer(s.encode(), dtype=np.uint8)


def cases():
    np.set_printoptions()  # defaults: precision 8, threshold 1000, edgeitems 3, linewidth 75
    rng = np.random.default_rng(20240601)
    arrays = {}

    # float64
    arrays["f64_small"] = np.array([0.1, 0.25, 1.5, 3.14159265358979])
    arrays["f64_integral"] = np.array([1.0, 2.0, 3.0])
    arrays["f64_single"] = np.array([3.0])
    arrays["f64_neg"] = np.array([-1.5, 2.25, -0.001])
    arrays["f64_nan_inf"] = np.array([np.nan, np.inf, -np.inf, 1.5])
    arrays["f64_nan_only"] = np.array([np.nan, np.nan])
    arrays["f64_inf_only"] = np.array([np.inf, -np.inf])
    arrays["f64_nan_exp"] = np.array([np.nan, 1e-7, -np.inf])
    arrays["f64_zeros"] = np.zeros(4)
    arrays["f64_negzero"] = np.array([-0.0, 0.0, 1.0])
    arrays["f64_tiny"] = np.array([1e-5, 1.0])
    arrays["f64_1e_4"] = np.array([1e-4, 0.5])
    arrays["f64_1e16"] = np.array([1e16, 1.0])
    arrays["f64_1e8"] = np.array([1e8, 2.0e8])
    arrays["f64_below_1e8"] = np.array([99999999.0, 12345678.9])
    arrays["f64_ratio"] = np.array([1e-3, 1e3, 5.0])
    arrays["f64_ratio_edge"] = np.array([1.0, 1000.0])
    arrays["f64_exp3"] = np.array([1e-300, 1e300, -2.5e-10])
    arrays["f64_subnormal"] = np.array([5e-324, 1.0])
    arrays["f64_precision"] = np.array([np.pi, np.e, 1 / 3, 2 / 3])
    arrays["f64_tie"] = np.array([0.001953125, 0.5])
    arrays["f64_round_up"] = np.array([0.999999999, 9.9999999999])
    arrays["f64_random"] = rng.standard_normal(10)
    arrays["f64_random_exp"] = rng.standard_normal(7) * 1e-6
    arrays["f64_random_2d"] = rng.standard_normal((4, 5)) * 100
    arrays["f64_wide"] = np.linspace(0, 1, 30)
    arrays["f64_wide_2d"] = rng.standard_normal((3, 12))
    arrays["f64_wide_exp"] = np.logspace(-8, 8, 20)
    arrays["f64_col"] = np.arange(5.0).reshape(5, 1)
    arrays["f64_3d"] = np.arange(24.0).reshape(2, 3, 4) / 7
    arrays["f64_4d"] = np.arange(24.0).reshape(2, 2, 3, 2) * 1.5
    arrays["f64_5d"] = np.arange(32.0).reshape(2, 2, 2, 2, 2) - 16
    # float32: shortest digits at f32 precision, exp cutoff 1e6
    arrays["f32_small"] = np.array([0.1, 0.2, 0.3], dtype=np.float32)
    arrays["f32_random"] = rng.standard_normal(8).astype(np.float32)
    arrays["f32_1e6"] = np.array([1e6, 1.0], dtype=np.float32)
    arrays["f32_1e5"] = np.array([1e5, 1.0], dtype=np.float32)
    arrays["f32_exp_pad"] = np.array([1e-5, 1.2345678e-5], dtype=np.float32)
    arrays["f32_random_exp"] = (rng.random(9) * 1e-5).astype(np.float32)
    arrays["f32_1e_4"] = np.array([1e-4, 0.5], dtype=np.float32)
    arrays["f32_2d"] = (rng.standard_normal((3, 4)) * 10).astype(np.float32)
    arrays["f32_nan"] = np.array([np.nan, 1.0, -np.inf], dtype=np.float32)
    arrays["f32_wide"] = np.linspace(0, 1, 25, dtype=np.float32)

    # integers
    arrays["i8"] = np.array([-128, 0, 5, 127], dtype=np.int8)
    arrays["i16"] = np.array([-32768, 7, 32767], dtype=np.int16)
    arrays["i32"] = np.array([[1, -20], [300, 4]], dtype=np.int32)
    arrays["i64"] = rng.integers(-(10**12), 10**12, size=7)
    arrays["i64_minmax"] = np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max])
    arrays["u8"] = np.array([0, 1, 255], dtype=np.uint8)
    arrays["u16"] = np.array([0, 65535], dtype=np.uint16)
    arrays["u32"] = np.array([[0, 4294967295], [5, 6]], dtype=np.uint32)
    arrays["u64"] = np.array([0, 2**64 - 1], dtype=np.uint64)
    arrays["i64_wide"] = np.arange(100) * 37 - 1000
    arrays["i32_wide"] = np.arange(40, dtype=np.int32) * 1001
    arrays["i64_3d"] = np.arange(60).reshape(3, 4, 5) - 30

    # bool
    arrays["bool"] = np.array([True, False, True])
    arrays["bool_2d"] = np.array([[True, False], [False, False]])
    arrays["bool_false"] = np.array([False, False])
    arrays["bool_wide"] = np.arange(30) % 3 == 0

    # complex
    arrays["c128"] = np.array([1 + 2j, -1.5 - 0.5j, 3j])
    arrays["c128_nan"] = np.array([complex(np.nan, 1), complex(1, np.inf), complex(-np.inf, -np.nan)])
    arrays["c128_exp"] = np.array([1e-5 + 1j, 2 + 3e10j])
    arrays["c128_2d"] = (rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3)))
    arrays["c128_wide"] = np.arange(12) * (1 + 1j) / 3
    arrays["c64"] = np.array([1.5 + 2j, 0.1 - 0.2j], dtype=np.complex64)
    arrays["c64_random"] = (rng.standard_normal(5) + 1j * rng.standard_normal(5)).astype(np.complex64)

    # 0-d: str is the scalar's str
    zero_d = {
        "f64_0d_tenth": np.float64(0.1),
        "f64_0d_one": np.float64(1.0),
        "f64_0d_1e16": np.float64(1e16),
        "f64_0d_1e15": np.float64(1e15),
        "f64_0d_1e_5": np.float64(1e-5),
        "f64_0d_1e_4": np.float64(1e-4),
        "f64_0d_negzero": np.float64(-0.0),
        "f64_0d_nan": np.float64(np.nan),
        "f64_0d_inf": np.float64(np.inf),
        "f64_0d_neginf": np.float64(-np.inf),
        "f64_0d_big": np.float64(123456789.123),
        "f64_0d_pi": np.float64(np.pi),
        "f32_0d_tenth": np.float32(0.1),
        "f32_0d_1e6": np.float32(1e6),
        "f32_0d_1e5": np.float32(1e5),
        "f32_0d_1e10": np.float32(1e10),
        "f32_0d_1e_4": np.float32(1e-4),
        "f32_0d_pi": np.float32(np.pi),
        "i64_0d": np.int64(-42),
        "i8_0d": np.int8(7),
        "u64_0d": np.uint64(2**64 - 1),
        "bool_0d_true": np.bool_(True),
        "bool_0d_false": np.bool_(False),
        "c128_0d_j": np.complex128(1j),
        "c128_0d_zero": np.complex128(0j),
        "c128_0d_mixed": np.complex128(1.5 - 2j),
        "c128_0d_negzero_re": np.complex128(complex(-0.0, 1.0)),
        "c128_0d_nan_inf": np.complex128(complex(np.nan, np.inf)),
        "c128_0d_exp": np.complex128(1e20 + 1e-5j),
        "c128_0d_neg_inf_im": np.complex128(complex(1, -np.inf)),
        "c64_0d": np.complex64(0.1 + 0.2j),
    }
    for name, value in zero_d.items():
        arrays[name] = np.array(value)

    # empty arrays
    arrays["empty_f64"] = np.zeros(0)
    arrays["empty_f64_0x3"] = np.zeros((0, 3))
    arrays["empty_f64_2x0"] = np.zeros((2, 0))
    arrays["empty_i64"] = np.zeros(0, dtype=np.int64)
    arrays["empty_i32_0x2x2"] = np.zeros((0, 2, 2), dtype=np.int32)
    arrays["empty_bool"] = np.zeros(0, dtype=bool)
    arrays["empty_f32"] = np.zeros(0, dtype=np.float32)
    arrays["empty_c64"] = np.zeros(0, dtype=np.complex64)

    # notation and width boundaries
    arrays["f64_ratio_over"] = np.array([1.0, 1000.5])
    arrays["f32_ratio_over"] = np.array([1.0, 1000.5], dtype=np.float32)
    for k in range(0, 7):
        arrays[f"i64_width_{k}"] = np.arange(30) * 10**k
        arrays[f"f64_width_{k}"] = np.arange(13) * 10.0**k / 8

    # many small random arrays: magnitudes over 16 decades, specials, integral values
    kinds = [np.float64, np.float32, np.complex128, np.complex64]
    for i in range(48):
        dtype = kinds[i % len(kinds)]
        ndim = int(rng.integers(1, 4))
        shape = tuple(int(d) for d in rng.integers(1, 4, size=ndim))
        n = int(np.prod(shape))
        lo, hi = sorted(rng.uniform(-8, 10, size=2))
        vals = rng.choice([-1.0, 1.0], size=(2, n)) * 10.0 ** rng.uniform(lo, hi, size=(2, n))
        special = rng.random((2, n))
        vals[special < 0.05] = np.nan
        vals[(special >= 0.05) & (special < 0.08)] = -np.inf
        vals[(special >= 0.08) & (special < 0.12)] = 0.0
        vals[(special >= 0.12) & (special < 0.2)] = np.round(vals[(special >= 0.12) & (special < 0.2)])
        if np.iscomplexobj(np.zeros(1, dtype=dtype)):
            a = np.empty(n, dtype=dtype)
            a.real, a.imag = vals
        else:
            a = vals[0].astype(dtype)
        arrays[f"rand_{i:02d}"] = a.reshape(shape)

    # repr's dtype/shape extras: on the last line or moved to a new one
    arrays["extra_same_line"] = np.arange(20, dtype=np.int32)
    arrays["extra_new_line"] = np.arange(17, dtype=np.int32) * 100000
    arrays["extra_f32_wrap"] = np.linspace(0, 1, 13, dtype=np.float32)


    # Arrays above the threshold are not stored: the Rust test builds each gen_* array with
    # the same formula (integer arithmetic and single correctly rounded float ops only).
    def pseudo(n):
        return ((np.arange(n) * 7919) % 10007) / 10007.0 - 0.5

    c = np.empty(1200, dtype=np.complex128)
    c.real = np.arange(1200) * 0.5
    c.imag = np.arange(1200) * -2.0
    generated = {
        "gen_f64_arange_2000": np.arange(2000.0),
        "gen_u8_zeros_1000": np.zeros(1000, dtype=np.uint8),
        "gen_f64_pseudo_1001": pseudo(1001),
        "gen_f64_div3_100x100": (np.arange(10000.0) / 3).reshape(100, 100),
        "gen_f64_pseudo_7x2x80": (pseudo(1120) * 4.0).reshape(7, 2, 80),
        "gen_f64_2x1001": np.arange(2002.0).reshape(2, 1001),
        "gen_f64_exp_2001": np.arange(2001) * 5e6,
        "gen_f64_nan_1500": np.where(np.arange(1500) % 7 == 0, np.nan, np.arange(1500) * 0.5),
        "gen_f32_3000": np.arange(3000, dtype=np.float32) / np.float32(7),
        "gen_i64_3000": np.arange(3000),
        "gen_i8_2000": (np.arange(2000) % 256 - 128).astype(np.int8),
        "gen_i64_200x200": np.arange(40000).reshape(200, 200),
        "gen_u64_2x3x2x100": np.arange(1200, dtype=np.uint64).reshape(2, 3, 2, 100),
        "gen_bool_2000": np.arange(2000) % 2 == 0,
        "gen_c128_1200": c,
        "gen_i64_30x100_t": np.arange(3000).reshape(30, 100).T,
    }

    out = {}
    texts = {}
    for name, a in arrays.items():
        out[name] = a
        texts[name] = a

    # views: printed in logical order
    base = np.arange(12.0).reshape(3, 4) / 4
    views = {
        "view_t": base.T,
        "view_rev": base[::-1],
        "view_step": base[:, ::2],
        "view_neg_step": base[1:, ::-3],
        "view_col": base[:, 1],
    }
    out["view_base"] = base
    for name, v in views.items():
        texts[name] = v
    for name, a in generated.items():
        texts[name] = a
    assert not any("\0" in str(a) + repr(a) for a in texts.values())
    out["names"] = utf8("\n".join(texts))
    out["texts"] = utf8("\0".join(str(a) + "\0" + repr(a) for a in texts.values()))
    return out
