//! `MT19937`: the Mersenne Twister behind NumPy's legacy `RandomState` (`np.random.seed`).
//!
//! Owns the 624-word state, NumPy's two seeding routines (`init_genrand` for an integer seed,
//! `init_by_array` for an array seed) and the word outputs. No buffering: `next_u32` is one
//! tempered output, `next_u64` is two with the first as the high half, and `next_double` is
//! the classic 53-bit `(a >> 5, b >> 6)` construction.

use crate::bitgen::BitGenerator;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// NumPy's `MT19937` bit generator as `RandomState` seeds it.
///
/// ```
/// use numerust_random::{BitGenerator, Mt19937};
/// let mut mt = Mt19937::new(0);
/// assert_eq!(mt.next_double(), 0.5488135039273248); // np.random.seed(0); np.random.rand()
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Mt19937 {
    key: Box<[u32; N]>,
    pos: usize,
}

impl std::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Mt19937 {{ pos: {} }}", self.pos)
    }
}

impl Mt19937 {
    /// Seeded like `np.random.seed(seed)` with an integer (`init_genrand`).
    pub fn new(seed: u32) -> Self {
        let mut mt = Mt19937 {
            key: Box::new([0; N]),
            pos: N,
        };
        mt.init_genrand(seed);
        mt
    }

    /// Seeded like `np.random.seed(array)` (`init_by_array`); `key` must not be empty.
    pub(crate) fn from_array(key: &[u32]) -> Self {
        let mut mt = Mt19937::new(19_650_218);
        let state = &mut mt.key;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = state[i - 1] ^ (state[i - 1] >> 30);
            state[i] = (state[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = state[i - 1] ^ (state[i - 1] >> 30);
            state[i] = (state[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = 0x8000_0000;
        mt.pos = N;
        mt
    }

    /// A generator whose key is `words` (624 of them) with the first set to `0x80000000`, as
    /// NumPy seeds `RandomState` from a `SeedSequence`.
    pub(crate) fn from_key(words: &[u32]) -> Self {
        let mut key = Box::new([0u32; N]);
        for (k, &w) in key.iter_mut().zip(words) {
            *k = w;
        }
        key[0] = 0x8000_0000;
        Mt19937 { key, pos: N }
    }

    /// The key words and position (NumPy: `get_state()[1:3]`).
    pub fn state(&self) -> (&[u32; N], usize) {
        (&self.key, self.pos)
    }

    fn init_genrand(&mut self, seed: u32) {
        self.key[0] = seed;
        for i in 1..N {
            let prev = self.key[i - 1];
            self.key[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.pos = N;
    }

    /// Regenerates all 624 words.
    fn generate(&mut self) {
        let k = &mut self.key;
        let twist = |y: u32| (y >> 1) ^ if y & 1 == 1 { MATRIX_A } else { 0 };
        for i in 0..N - M {
            let y = (k[i] & UPPER_MASK) | (k[i + 1] & LOWER_MASK);
            k[i] = k[i + M] ^ twist(y);
        }
        for i in N - M..N - 1 {
            let y = (k[i] & UPPER_MASK) | (k[i + 1] & LOWER_MASK);
            k[i] = k[i + M - N] ^ twist(y);
        }
        let y = (k[N - 1] & UPPER_MASK) | (k[0] & LOWER_MASK);
        k[N - 1] = k[M - 1] ^ twist(y);
        self.pos = 0;
    }
}

impl BitGenerator for Mt19937 {
    #[inline]
    fn next_u32(&mut self) -> u32 {
        if self.pos == N {
            self.generate();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    #[inline]
    fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32();
        (u64::from(hi) << 32) | u64::from(self.next_u32())
    }

    #[inline]
    fn next_double(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) / 9_007_199_254_740_992.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeding_matches_spec() {
        let mt = Mt19937::new(0);
        assert_eq!(mt.key[..3], [0x0, 0x1, 0x6c078967]);
        let mut arr = Mt19937::from_array(&[0]);
        assert_eq!(arr.next_double(), 0.8444218515250481);
        assert_eq!(arr.next_double(), 0.7579544029403025);
    }
}
