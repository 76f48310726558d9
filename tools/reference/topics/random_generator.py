"""np.random.default_rng(seed) streams for numerust-random, compared bit for bit.

For each seed (stored as `<tag>__seed`, its entropy words) every case below runs on a freshly
seeded Generator and is stored as `<tag>__<case>`; the Rust test knows the same case names
and calls. Long streams (rare ziggurat branches, BTPE, PTRS) are stored as block fingerprints
(`bulk__*`, see random_common.fingerprint).
"""
import numpy as np

from topics._random_common import fingerprint, seed_words

SEEDS = {
    "s0": 0, "s1": 1, "s42": 42, "s12345": 12345, "sbig": 2**63 + 5,
    "slist": [1, 2, 3], "swide": [2**40, 7],
}
P5 = [0.1, 0.2, 0.3, 0.25, 0.15]


def _seq_interleave(g):
    out = [g.integers(0, 10), g.random(), g.integers(0, 10)]
    out += list(g.random(3, dtype=np.float32))
    out += list(g.integers(0, 10, 3))
    out += list(g.random(2))
    out += list(g.integers(0, 200, 5, dtype=np.uint8))
    out += list(g.integers(7, 8, 4))  # an empty range draws nothing
    out += [g.standard_normal(), g.random()]
    return np.array(out, dtype=np.float64)


def _shuffled_2d(g, axis):
    x = np.arange(40).reshape(8, 5)
    g.shuffle(x, axis=axis)
    return x


def _par_random(seed, n, chunk):
    kids = np.random.SeedSequence(seed).spawn(-(-n // chunk))
    sizes = [min(chunk, n - i * chunk) for i in range(len(kids))]
    return np.concatenate([np.random.default_rng(k).random(s) for k, s in zip(kids, sizes)])


def _par_normal(seed, n, chunk):
    kids = np.random.SeedSequence(seed).spawn(-(-n // chunk))
    sizes = [min(chunk, n - i * chunk) for i in range(len(kids))]
    return np.concatenate(
        [np.random.default_rng(k).standard_normal(s) for k, s in zip(kids, sizes)])


def case_table(n):
    """name -> function of a fresh Generator."""
    return {
        "raw": lambda g: g.bit_generator.random_raw(64),
        "random": lambda g: g.random(n),
        "random_2d": lambda g: g.random((7, 9)),
        "random_f32": lambda g: g.random(n + 1, dtype=np.float32),
        "std_normal": lambda g: g.standard_normal(n),
        "std_normal_f32": lambda g: g.standard_normal(n + 1, dtype=np.float32),
        "normal": lambda g: g.normal(5.0, 2.0, n),
        "uniform": lambda g: g.uniform(-1.0, 3.0, n),
        "std_exp": lambda g: g.standard_exponential(n),
        "std_exp_f32": lambda g: g.standard_exponential(n + 1, dtype=np.float32),
        "exponential": lambda g: g.exponential(2.5, n),
        "int_i64_0_10": lambda g: g.integers(0, 10, n),
        "int_i64_0_10_end": lambda g: g.integers(0, 10, n, endpoint=True),
        "int_i64_m5_1000003": lambda g: g.integers(-5, 1000003, n),
        "int_i64_2p32": lambda g: g.integers(0, 2**32, n),
        "int_i64_2p40": lambda g: g.integers(0, 2**40, n),
        "int_i64_full": lambda g: g.integers(-2**63, 2**63 - 1, n, endpoint=True),
        "int_i64_2d": lambda g: g.integers(0, 100, (5, 6)),
        "int_u64_full": lambda g: g.integers(0, 2**64 - 1, n, dtype=np.uint64, endpoint=True),
        "int_u64_big": lambda g: g.integers(3, 2**63 + 12345, n, dtype=np.uint64),
        "int_i32": lambda g: g.integers(-1000, 1000, n, dtype=np.int32),
        "int_u32_full": lambda g: g.integers(0, 2**32 - 1, n, dtype=np.uint32, endpoint=True),
        "int_u16": lambda g: g.integers(0, 1000, n + 1, dtype=np.uint16),
        "int_i16": lambda g: g.integers(-300, 300, n + 1, dtype=np.int16),
        "int_u16_full": lambda g: g.integers(0, 65535, n + 1, dtype=np.uint16, endpoint=True),
        "int_u8": lambda g: g.integers(0, 10, n + 1, dtype=np.uint8),
        "int_i8_full": lambda g: g.integers(-128, 127, n + 1, dtype=np.int8, endpoint=True),
        "int_bool": lambda g: g.integers(0, 2, n + 1, dtype=np.bool_),
        "int_array_i64": lambda g: g.integers(np.array([0, 10, 100]), np.array([5, 20, 2**40])),
        "int_array_u8": lambda g: g.integers(np.array([[0], [3], [7]], np.uint8),
                                             np.array([10, 20, 200, 255], np.uint8),
                                             dtype=np.uint8, endpoint=True),
        "binomial_inv": lambda g: g.binomial(10, 0.3, n),
        "binomial_btpe": lambda g: g.binomial(1000, 0.4, n),
        "binomial_inv_flip": lambda g: g.binomial(100, 0.9, n),
        "binomial_btpe_flip": lambda g: g.binomial(500, 0.7, n),
        "binomial_edges": lambda g: np.concatenate(
            [g.binomial(0, 0.5, 3), g.binomial(10, 0.0, 3), g.binomial(10, 1.0, 3),
             g.binomial(7, 0.5, 3)]),
        "poisson_mult": lambda g: g.poisson(3.5, n),
        "poisson_ptrs": lambda g: g.poisson(50.0, n),
        "poisson_huge": lambda g: g.poisson(1e6, n),
        "poisson_zero": lambda g: np.concatenate([g.poisson(0.0, 3), g.poisson(1.0, 3)]),
        "choice_10": lambda g: g.choice(10, n),
        "choice_2d": lambda g: g.choice(10, (4, 5)),
        "choice_norep": lambda g: g.choice(1000, 100, replace=False),
        "choice_norep_noshuffle": lambda g: g.choice(1000, 100, replace=False, shuffle=False),
        "choice_20000_1000": lambda g: g.choice(20000, 1000, replace=False),
        "choice_tail": lambda g: g.choice(100000, 3000, replace=False),
        "choice_tail_noshuffle": lambda g: g.choice(100000, 6000, replace=False, shuffle=False),
        "choice_p": lambda g: g.choice(5, n, p=P5),
        "choice_p_norep": lambda g: g.choice(5, 3, replace=False, p=P5),
        "choice_arr": lambda g: g.choice(np.arange(100) * 3, 50),
        "choice_arr_2d": lambda g: g.choice(np.arange(12).reshape(4, 3), 5),
        "permutation": lambda g: g.permutation(n),
        "permutation_2d_axis1": lambda g: g.permutation(np.arange(40).reshape(8, 5), axis=1),
        "shuffle_2d": lambda g: _shuffled_2d(g, 0),
        "shuffle_2d_axis1": lambda g: _shuffled_2d(g, 1),
        "seq_interleave": _seq_interleave,
        "spawn": lambda g: np.concatenate([c.random(50) for c in g.spawn(2)]),
        "jumped": lambda g: np.concatenate(
            [np.random.Generator(g.bit_generator.jumped()).random(20),
             np.random.Generator(g.bit_generator.jumped(3)).random(20)]),
    }


def cases():
    out = {}
    for tag, seed in SEEDS.items():
        n = 2000 if tag == "s42" else 300
        out[f"{tag}__seed"] = seed_words(seed)
        for name, fn in case_table(n).items():
            out[f"{tag}__{name}"] = np.asarray(fn(np.random.default_rng(seed)))
        g = np.random.default_rng(seed)
        g.bit_generator.advance(12345)
        out[f"{tag}__advance"] = g.bit_generator.random_raw(10)
    # Parallel fills: chunk i comes from the i-th spawned child.
    out["par__random_7_3500_1000"] = _par_random(7, 3500, 1000)
    out["par__normal_7_2500_1024"] = _par_normal(7, 2500, 1024)
    # Long streams as fingerprints.
    for seed in (42, 7):
        g = lambda: np.random.default_rng(seed)  # noqa: E731
        out[f"bulk__s{seed}__std_normal_200000"] = fingerprint(g().standard_normal(200000))
        out[f"bulk__s{seed}__std_normal_f32_200000"] = fingerprint(
            g().standard_normal(200000, dtype=np.float32))
        out[f"bulk__s{seed}__std_exp_200000"] = fingerprint(g().standard_exponential(200000))
        out[f"bulk__s{seed}__std_exp_f32_200000"] = fingerprint(
            g().standard_exponential(200000, dtype=np.float32))
        out[f"bulk__s{seed}__random_100000"] = fingerprint(g().random(100000))
        out[f"bulk__s{seed}__random_f32_100001"] = fingerprint(g().random(100001, dtype=np.float32))
        out[f"bulk__s{seed}__int_m5_1000003_100000"] = fingerprint(g().integers(-5, 1000003, 100000))
        out[f"bulk__s{seed}__int_u8_100000"] = fingerprint(g().integers(0, 10, 100000, dtype=np.uint8))
        out[f"bulk__s{seed}__binomial_btpe_100000"] = fingerprint(g().binomial(1000, 0.4, 100000))
        out[f"bulk__s{seed}__binomial_inv_100000"] = fingerprint(g().binomial(20, 0.3, 100000))
        out[f"bulk__s{seed}__poisson_ptrs_100000"] = fingerprint(g().poisson(50.0, 100000))
        out[f"bulk__s{seed}__poisson_mult_100000"] = fingerprint(g().poisson(3.0, 100000))
        out[f"bulk__s{seed}__choice_100000_60000"] = fingerprint(
            g().choice(100000, 60000, replace=False))
        out[f"bulk__s{seed}__permutation_100000"] = fingerprint(g().permutation(100000))
    return out
