"""Legacy np.random.RandomState streams (MT19937) for numerust-random, bit for bit.

Seeds are integers (`np.random.seed(s)`, init_genrand) or arrays (`init_by_array`); a seed
is stored as `<tag>__seed` (int64 array) with `<tag>__seed_is_array` telling which. Each case
runs on a fresh RandomState; long streams are fingerprints as in random_generator.
"""
import numpy as np

from topics._random_common import fingerprint

SEEDS = {"s0": 0, "s1": 1, "s12345": 12345, "smax": 2**32 - 1, "a0": [0], "a123": [1, 2, 3]}
P5 = [0.1, 0.2, 0.3, 0.25, 0.15]


def _seq(r):
    out = list(r.randn(1)) + list(r.rand(1)) + list(r.randn(3)) + list(r.rand(2))
    out += list(r.randint(0, 10, 3)) + list(r.normal(1.0, 2.0, 1)) + list(r.rand(1))
    return np.array(out, dtype=np.float64)


def _shuffled(r, x):
    r.shuffle(x)
    return x


def case_table(n):
    return {
        "rand": lambda r: r.rand(n),
        "rand_2d": lambda r: r.rand(4, 5),
        "random_sample": lambda r: r.random_sample(n),
        "randn": lambda r: r.randn(n + 1),
        "normal": lambda r: r.normal(5.0, 2.0, n),
        "uniform": lambda r: r.uniform(-1.0, 3.0, n),
        "randint_0_10": lambda r: r.randint(0, 10, n),
        "randint_m5_1000003": lambda r: r.randint(-5, 1000003, n),
        "randint_2p32": lambda r: r.randint(0, 2**32, n),
        "randint_2p40": lambda r: r.randint(0, 2**40, n),
        "randint_full": lambda r: r.randint(-2**63, 2**63 - 1, n),
        "binomial_inv": lambda r: r.binomial(10, 0.3, n),
        "binomial_btpe": lambda r: r.binomial(1000, 0.4, n),
        "binomial_inv_flip": lambda r: r.binomial(100, 0.9, n),
        "binomial_edges": lambda r: np.concatenate(
            [r.binomial(0, 0.5, 3), r.binomial(10, 0.0, 3), r.binomial(10, 1.0, 3)]),
        "permutation": lambda r: r.permutation(n),
        "shuffle": lambda r: _shuffled(r, np.arange(n)),
        "shuffle_2d": lambda r: _shuffled(r, np.arange(40).reshape(8, 5)),
        "choice_10": lambda r: r.choice(10, n),
        "choice_norep": lambda r: r.choice(300, 100, replace=False),
        "choice_p": lambda r: r.choice(5, n, p=P5),
        "choice_p_norep": lambda r: r.choice(5, 3, replace=False, p=P5),
        "seq": _seq,
    }


def cases():
    out = {}
    for tag, seed in SEEDS.items():
        n = 2000 if tag == "s0" else 300
        out[f"{tag}__seed"] = np.asarray(seed if isinstance(seed, list) else [seed], np.int64)
        out[f"{tag}__seed_is_array"] = np.asarray(isinstance(seed, list))
        for name, fn in case_table(n).items():
            out[f"{tag}__{name}"] = np.asarray(fn(np.random.RandomState(seed)))
    r = lambda: np.random.RandomState(0)  # noqa: E731
    out["bulk__s0__rand_100000"] = fingerprint(r().rand(100000))
    out["bulk__s0__randn_100001"] = fingerprint(r().randn(100001))
    out["bulk__s0__randint_100000"] = fingerprint(r().randint(0, 10, 100000))
    out["bulk__s0__binomial_btpe_50000"] = fingerprint(r().binomial(1000, 0.4, 50000))
    out["bulk__s0__permutation_100000"] = fingerprint(r().permutation(100000))
    return out
