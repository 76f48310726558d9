//! `SeedSequence`: NumPy's entropy pool that turns any seed into well-mixed generator state.
//!
//! Owns the hashing of seed words into a 4-word pool, `generate_state`, and `spawn` (child
//! sequences with a spawn key). It must not know about any particular bit generator. The
//! algorithm and constants are NumPy's `numpy.random.SeedSequence` (O'Neill's `seed_seq`
//! redesign), so `SeedSequence::new(42)` holds the same pool as NumPy's.

use rand::TryRng;

const POOL_SIZE: usize = 4;
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

/// What a generator is seeded from: an integer, a sequence of integers, a [`SeedSequence`],
/// or fresh entropy from the operating system.
///
/// NumPy: the `seed` argument of `default_rng(seed)`. Integers and sequences convert with
/// `From`, so `default_rng(42)`, `default_rng([1, 2, 3])` and `default_rng(None)` all work.
#[derive(Debug, Clone, PartialEq)]
pub enum Seed {
    /// 128 bits from the operating system (NumPy: `seed=None`).
    Entropy,
    /// Entropy words, least significant first (NumPy: an int or a sequence of ints).
    Words(Vec<u32>),
    /// A ready sequence (NumPy: passing a `SeedSequence`).
    Sequence(SeedSequence),
}

impl From<u64> for Seed {
    fn from(v: u64) -> Self {
        Seed::Words(int_words(u128::from(v)))
    }
}

impl From<Option<u64>> for Seed {
    fn from(v: Option<u64>) -> Self {
        v.map_or(Seed::Entropy, Seed::from)
    }
}

impl From<&[u64]> for Seed {
    fn from(v: &[u64]) -> Self {
        Seed::Words(v.iter().flat_map(|&x| int_words(u128::from(x))).collect())
    }
}

impl<const N: usize> From<[u64; N]> for Seed {
    fn from(v: [u64; N]) -> Self {
        Seed::from(&v[..])
    }
}

impl From<Vec<u64>> for Seed {
    fn from(v: Vec<u64>) -> Self {
        Seed::from(&v[..])
    }
}

impl From<SeedSequence> for Seed {
    fn from(s: SeedSequence) -> Self {
        Seed::Sequence(s)
    }
}

/// A non-negative integer as 32-bit words, least significant first, no trailing zero words
/// (`0` is `[0]`): NumPy's `_coerce_to_uint32_array` for one int.
pub(crate) fn int_words(mut v: u128) -> Vec<u32> {
    let mut out = vec![v as u32];
    v >>= 32;
    while v != 0 {
        out.push(v as u32);
        v >>= 32;
    }
    out
}

/// 128 bits from the operating system as an integer (NumPy: `secrets.randbits(128)`).
pub(crate) fn os_entropy() -> u128 {
    let mut bytes = [0u8; 16];
    let mut sys = rand::rngs::SysRng;
    if sys.try_fill_bytes(&mut bytes).is_err() {
        // No OS source: fall back to the process's randomly keyed hasher and the clock, which
        // still differ from run to run.
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        let lo = h.finish();
        h.write_u64(lo);
        return u128::from(lo) | (u128::from(h.finish()) << 64);
    }
    u128::from_le_bytes(bytes)
}

/// NumPy's `SeedSequence`: entropy words and a spawn key hashed into a 4-word pool.
///
/// ```
/// use numerust_random::SeedSequence;
/// let ss = SeedSequence::new(42);
/// assert_eq!(ss.pool(), [0x631d3606, 0x07ae90ae, 0x6fc4be28, 0x2ced5c75]);
/// assert_eq!(ss.generate_state_u64(1), vec![0x9f1e2e6dcd540ab7]);
/// let child = ss.clone().spawn(1).remove(0);
/// assert_eq!(child.spawn_key(), &[0]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedSequence {
    entropy: Vec<u32>,
    spawn_key: Vec<u64>,
    pool: [u32; POOL_SIZE],
    n_children_spawned: u64,
}

impl SeedSequence {
    /// A sequence from a seed (NumPy: `SeedSequence(entropy)`); [`Seed::Entropy`] draws 128
    /// bits from the OS.
    pub fn new(seed: impl Into<Seed>) -> Self {
        match seed.into() {
            Seed::Sequence(s) => s,
            Seed::Words(w) => Self::with_spawn_key(w, Vec::new()),
            Seed::Entropy => Self::with_spawn_key(int_words(os_entropy()), Vec::new()),
        }
    }

    /// A sequence from entropy words and a spawn key (NumPy: `SeedSequence(entropy,
    /// spawn_key=...)`).
    pub fn with_spawn_key(entropy: Vec<u32>, spawn_key: Vec<u64>) -> Self {
        let mut s = SeedSequence {
            entropy,
            spawn_key,
            pool: [0; POOL_SIZE],
            n_children_spawned: 0,
        };
        s.pool = mix_entropy(&s.assembled_entropy());
        s
    }

    /// The entropy words (NumPy: `ss.entropy`, as 32-bit words).
    pub fn entropy(&self) -> &[u32] {
        &self.entropy
    }

    /// The spawn key (NumPy: `ss.spawn_key`).
    pub fn spawn_key(&self) -> &[u64] {
        &self.spawn_key
    }

    /// How many children `spawn` has made (NumPy: `ss.n_children_spawned`).
    pub fn n_children_spawned(&self) -> u64 {
        self.n_children_spawned
    }

    /// The hashed entropy pool (NumPy: `ss.pool`).
    pub fn pool(&self) -> [u32; POOL_SIZE] {
        self.pool
    }

    /// Entropy ++ spawn-key words; the entropy is zero-padded to the pool size first when
    /// there is a spawn key.
    fn assembled_entropy(&self) -> Vec<u32> {
        let mut words = self.entropy.clone();
        if !self.spawn_key.is_empty() && words.len() < POOL_SIZE {
            words.resize(POOL_SIZE, 0);
        }
        for &k in &self.spawn_key {
            words.extend(int_words(u128::from(k)));
        }
        words
    }

    /// `n` 32-bit words of state (NumPy: `ss.generate_state(n, np.uint32)`); the pool is not
    /// changed.
    pub fn generate_state_u32(&self, n: usize) -> Vec<u32> {
        let mut h = INIT_B;
        (0..n)
            .map(|i| {
                let mut v = self.pool[i % POOL_SIZE];
                v ^= h;
                h = h.wrapping_mul(MULT_B);
                v = v.wrapping_mul(h);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }

    /// `n` 64-bit words of state (NumPy: `ss.generate_state(n, np.uint64)`): pairs of 32-bit
    /// words, little end first.
    pub fn generate_state_u64(&self, n: usize) -> Vec<u64> {
        self.generate_state_u32(2 * n)
            .chunks_exact(2)
            .map(|w| u64::from(w[0]) | (u64::from(w[1]) << 32))
            .collect()
    }

    /// `n` child sequences with spawn keys `self.spawn_key + (k,)` (NumPy: `ss.spawn(n)`).
    pub fn spawn(&mut self, n: usize) -> Vec<SeedSequence> {
        let start = self.n_children_spawned;
        self.n_children_spawned += n as u64;
        (0..n as u64)
            .map(|i| {
                let mut key = self.spawn_key.clone();
                key.push(start + i);
                SeedSequence::with_spawn_key(self.entropy.clone(), key)
            })
            .collect()
    }
}

fn hashmix(v: u32, h: &mut u32) -> u32 {
    let mut v = v ^ *h;
    *h = h.wrapping_mul(MULT_A);
    v = v.wrapping_mul(*h);
    v ^ (v >> XSHIFT)
}

fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L
        .wrapping_mul(x)
        .wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

/// NumPy's `mix_entropy`: hash the words into the pool, then cross-mix every pair.
fn mix_entropy(words: &[u32]) -> [u32; POOL_SIZE] {
    let mut h = INIT_A;
    let mut pool = [0u32; POOL_SIZE];
    for (i, p) in pool.iter_mut().enumerate() {
        *p = hashmix(words.get(i).copied().unwrap_or(0), &mut h);
    }
    for src in 0..POOL_SIZE {
        for dst in 0..POOL_SIZE {
            if src != dst {
                pool[dst] = mix(pool[dst], hashmix(pool[src], &mut h));
            }
        }
    }
    for &w in words.iter().skip(POOL_SIZE) {
        for p in pool.iter_mut() {
            *p = mix(*p, hashmix(w, &mut h));
        }
    }
    pool
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_words_follow_numpy() {
        assert_eq!(int_words(0), vec![0]);
        assert_eq!(int_words(42), vec![42]);
        assert_eq!(int_words((1u128 << 100) + 7), vec![7, 0, 0, 16]);
        assert_eq!(Seed::from(&[1u64 << 40][..]), Seed::Words(vec![0, 256]));
    }

    #[test]
    fn pools_match_spec_vectors() {
        assert_eq!(
            SeedSequence::new(0).pool(),
            [0xfe40eb07, 0x4f363a36, 0x4eb2009d, 0xc89a7aa7]
        );
        let big = SeedSequence::with_spawn_key(int_words((1u128 << 100) + 7), vec![]);
        assert_eq!(big.pool(), [0x02e319a0, 0x6672a91f, 0xff9d6154, 0x4fb7e522]);
        assert_eq!(
            SeedSequence::new(12345).generate_state_u64(4),
            vec![
                0xb5ae6482a03d837c,
                0xbbe2996ffa1f7a2f,
                0x64e39a9f37158f94,
                0x3ebb0f96a013fd73
            ]
        );
    }

    #[test]
    fn entropy_seeds_differ() {
        assert_ne!(
            SeedSequence::new(None).pool(),
            SeedSequence::new(None).pool()
        );
    }
}
