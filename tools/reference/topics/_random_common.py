"""Helpers shared by the random_* topics (the leading underscore keeps generate.py from
treating this module as a topic)."""
import numpy as np

BLOCK = 1000


def fingerprint(a, block=BLOCK):
    """Per-block checksums of a long stream: sum(bits[i] * (2i+1)) mod 2**64 over each block
    of `block` values, where bits are the values' IEEE bits (floats) or two's complement
    (ints). The Rust tests compute the same; a mismatch names the first bad block."""
    a = np.ascontiguousarray(a).ravel()
    if a.dtype == np.float64:
        bits = a.view(np.uint64)
    elif a.dtype == np.float32:
        bits = a.view(np.uint32).astype(np.uint64)
    elif a.dtype == np.bool_:
        bits = a.astype(np.uint64)
    else:
        bits = a.astype(np.int64).view(np.uint64)
    nb = -(-len(bits) // block)
    out = np.zeros(nb, np.uint64)
    for b in range(nb):
        seg = bits[b * block:(b + 1) * block]
        w = np.arange(1, 2 * len(seg), 2, dtype=np.uint64)
        out[b] = (seg * w).sum(dtype=np.uint64)
    return out


def seed_words(seed):
    """A seed as the uint64 array the Rust tests turn back into a `Seed`."""
    return np.asarray(seed if isinstance(seed, list) else [seed], dtype=np.uint64)

