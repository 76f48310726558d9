//! Bit generators: the raw 64- and 32-bit word streams every distribution draws from.
//!
//! [`BitGenerator`] is the interface NumPy's C distributions see (`bitgen_t`): `next_u64`,
//! `next_u32`, `next_double`, `next_float`. [`Pcg64`] is NumPy's default (`PCG64`): the
//! 128-bit LCG with XSL-RR output of `rand_pcg` (same multiplier, same step-then-output
//! order; seeding and jump-ahead call `rand_pcg`), with NumPy's half-word buffer so `next_u32` hands out the low and then the
//! high half of one `u64`. Nothing here knows about arrays or distributions.

use crate::seed::{Seed, SeedSequence};
use rand_pcg::Lcg128Xsl64;

/// A source of raw random words, as NumPy's distributions consume them (`bitgen_t`).
pub trait BitGenerator {
    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64;
    /// The next 32 random bits.
    fn next_u32(&mut self) -> u32;
    /// A double in [0, 1) with 53 random bits.
    fn next_double(&mut self) -> f64;
    /// A float in [0, 1) with 24 random bits from one `next_u32`.
    #[inline]
    fn next_float(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0)
    }
}

/// `PCG64`'s state as NumPy reports it (`bit_generator.state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pcg64State {
    /// The 128-bit LCG state (`state['state']['state']`).
    pub state: u128,
    /// The odd increment (`state['state']['inc']`).
    pub inc: u128,
    /// Whether a buffered half-word is waiting (`has_uint32`).
    pub has_uint32: bool,
    /// The buffered half-word (`uinteger`).
    pub uinteger: u32,
}

/// PCG64's multiplier (NumPy's and `rand_pcg`'s).
const MULTIPLIER: u128 = 0x2360_ED05_1FC6_5DA4_4385_DF64_9FCC_F645;

/// The inverse of [`MULTIPLIER`] modulo 2^128 (checked in the tests).
const MULTIPLIER_INV: u128 = inverse_mod_2_128(MULTIPLIER);

/// The inverse of an odd `m` modulo 2^128 by Newton's iteration (each step doubles the
/// correct low bits: 1 → 2 → ... → 128).
const fn inverse_mod_2_128(m: u128) -> u128 {
    let mut x: u128 = 1;
    let mut i = 0;
    while i < 7 {
        x = x.wrapping_mul(2u128.wrapping_sub(m.wrapping_mul(x)));
        i += 1;
    }
    x
}

/// The working state of PCG64: the LCG and NumPy's half-word buffer, `Copy` so fill loops
/// keep it in registers (a local copy, written back once per call) instead of reloading it
/// from the generator on every draw.
///
/// The step and output are `rand_pcg::Lcg128Xsl64`'s (state = state·M + inc, then XSL-RR of
/// the new state); seeding and `advance` go through `rand_pcg` itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PcgCore {
    state: u128,
    inc: u128,
    has_uint32: bool,
    uinteger: u32,
}

impl PcgCore {
    fn from_lcg(lcg: &Lcg128Xsl64) -> Self {
        PcgCore {
            state: lcg.state(),
            inc: (lcg.stream() << 1) | 1,
            has_uint32: false,
            uinteger: 0,
        }
    }

    /// Fills `out` with `conv` of the next `out.len()` raw words, in order: the words
    /// `next_u64` would return, computed on two interleaved lanes (`s[k+2] = M²·s[k] +
    /// (M+1)·inc`), which halves the multiply latency chain the single LCG step has.
    #[inline(always)]
    pub(crate) fn fill_u64<T>(&mut self, out: &mut [T], conv: impl Fn(u64) -> T) {
        let m2 = MULTIPLIER.wrapping_mul(MULTIPLIER);
        let c2 = self.inc.wrapping_mul(MULTIPLIER.wrapping_add(1));
        let mut a = self.state.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
        let mut b = a.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
        let mut pairs = out.chunks_exact_mut(2);
        for pair in &mut pairs {
            pair[0] = conv(xsl_rr(a));
            pair[1] = conv(xsl_rr(b));
            a = a.wrapping_mul(m2).wrapping_add(c2);
            b = b.wrapping_mul(m2).wrapping_add(c2);
        }
        // `a` is now one step past the last word written, `b` two.
        if let [last] = pairs.into_remainder() {
            *last = conv(xsl_rr(a));
            self.state = a;
        } else {
            // Step back from `a` to the state of the last word: s = (a - inc)·M⁻¹.
            self.state = a.wrapping_sub(self.inc).wrapping_mul(MULTIPLIER_INV);
        }
    }

    /// Whether a half-word is buffered.
    pub(crate) fn has_uint32(&self) -> bool {
        self.has_uint32
    }

    fn lcg(&self) -> Lcg128Xsl64 {
        Lcg128Xsl64::from_state(self.state, self.inc >> 1)
    }
}

/// PCG's XSL-RR output of a 128-bit state.
#[inline(always)]
fn xsl_rr(state: u128) -> u64 {
    let rot = (state >> 122) as u32;
    (((state >> 64) as u64) ^ (state as u64)).rotate_right(rot)
}

impl BitGenerator for PcgCore {
    #[inline(always)]
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
        xsl_rr(self.state)
    }

    #[inline(always)]
    fn next_u32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let x = self.next_u64();
        self.has_uint32 = true;
        self.uinteger = (x >> 32) as u32;
        x as u32
    }

    #[inline(always)]
    fn next_double(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// NumPy's `PCG64` bit generator: `rand_pcg::Lcg128Xsl64` plus the 32-bit output buffer.
///
/// ```
/// use numerust_random::{BitGenerator, Pcg64};
/// let mut bg = Pcg64::new(42);
/// assert_eq!(bg.next_u64(), 0xc621fbcd16d92688);
/// assert_eq!(bg.next_u32(), 0xa791ffc1); // low half of the next word first
/// assert_eq!(bg.next_u32(), 0x705a5661);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Pcg64 {
    pub(crate) core: PcgCore,
    seed_seq: Option<SeedSequence>,
}

/// `jumped`'s step: (√5 − 1)/2 · 2^128, rounded to odd (NumPy's `PCG64.jumped`).
const JUMP: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835;

impl Pcg64 {
    /// A generator seeded like NumPy's `PCG64(seed)`: through a [`SeedSequence`].
    pub fn new(seed: impl Into<Seed>) -> Self {
        Self::from_seed_sequence(SeedSequence::new(seed))
    }

    /// A generator whose state comes from `ss.generate_state(4, uint64)`: `rand_pcg`'s
    /// `Lcg128Xsl64::new(initstate, initseq)` seeds exactly as NumPy does.
    pub fn from_seed_sequence(ss: SeedSequence) -> Self {
        let v = ss.generate_state_u64(4);
        let initstate = (u128::from(v[0]) << 64) | u128::from(v[1]);
        let initseq = (u128::from(v[2]) << 64) | u128::from(v[3]);
        Pcg64 {
            core: PcgCore::from_lcg(&Lcg128Xsl64::new(initstate, initseq)),
            seed_seq: Some(ss),
        }
    }

    /// A generator at exactly this state (NumPy: setting `bit_generator.state`).
    pub fn from_state(state: Pcg64State) -> Self {
        let mut core = PcgCore::from_lcg(&Lcg128Xsl64::from_state(state.state, state.inc >> 1));
        core.has_uint32 = state.has_uint32;
        core.uinteger = state.uinteger;
        Pcg64 {
            core,
            seed_seq: None,
        }
    }

    /// The current state (NumPy: `bit_generator.state`).
    pub fn state(&self) -> Pcg64State {
        Pcg64State {
            state: self.core.state,
            inc: self.core.inc,
            has_uint32: self.core.has_uint32,
            uinteger: self.core.uinteger,
        }
    }

    /// The seed sequence this generator was made from, if any (NumPy: `bit_generator.seed_seq`).
    pub fn seed_seq(&self) -> Option<&SeedSequence> {
        self.seed_seq.as_ref()
    }

    /// Moves `delta` steps ahead (mod 2^128) and drops the buffered half-word (NumPy:
    /// `PCG64.advance(delta)`).
    pub fn advance(&mut self, delta: u128) {
        let mut lcg = self.core.lcg();
        lcg.advance(delta);
        self.core = PcgCore::from_lcg(&lcg);
    }

    /// A copy advanced by `jumps` × (φ − 1)·2^128 steps (NumPy: `PCG64.jumped(jumps)`).
    pub fn jumped(&self, jumps: u128) -> Pcg64 {
        let mut next = self.clone();
        next.advance(jumps.wrapping_mul(JUMP));
        next
    }

    /// `n` children seeded from spawned sequences (NumPy: `PCG64.spawn(n)`), or `None` when
    /// this generator was set from a raw state.
    pub fn spawn(&mut self, n: usize) -> Option<Vec<Pcg64>> {
        let ss = self.seed_seq.as_mut()?;
        Some(
            ss.spawn(n)
                .into_iter()
                .map(Pcg64::from_seed_sequence)
                .collect(),
        )
    }
}

impl BitGenerator for Pcg64 {
    #[inline(always)]
    fn next_u64(&mut self) -> u64 {
        self.core.next_u64()
    }

    #[inline(always)]
    fn next_u32(&mut self) -> u32 {
        self.core.next_u32()
    }

    #[inline(always)]
    fn next_double(&mut self) -> f64 {
        self.core.next_double()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeding_matches_spec_state() {
        let bg = Pcg64::new(0);
        let st = bg.state();
        assert_eq!(st.state, 0x1aa1b5345996452d09585eb7a69561e3);
        assert_eq!(st.inc, 0x418ddadb3af71a82588133bc447873a9);
        let mut again = Pcg64::from_state(st);
        let mut bg = bg;
        assert_eq!(again.next_u64(), bg.next_u64());
    }

    #[test]
    fn two_lane_fill_equals_single_steps() {
        assert_eq!(MULTIPLIER.wrapping_mul(MULTIPLIER_INV), 1);
        for n in 0..9 {
            let mut one = Pcg64::new(5).core;
            let mut two = one;
            let want: Vec<u64> = (0..n).map(|_| one.next_u64()).collect();
            let mut got = vec![0u64; n];
            two.fill_u64(&mut got, |w| w);
            assert_eq!(got, want);
            assert_eq!(two, one, "state after {n} words");
        }
    }

    #[test]
    fn buffer_survives_interleaving() {
        let mut bg = Pcg64::new(42);
        let lo = bg.next_u32();
        let d = bg.next_double();
        let hi = bg.next_u32();
        let mut raw = Pcg64::new(42);
        let w0 = raw.next_u64();
        let w1 = raw.next_u64();
        assert_eq!((lo, hi), (w0 as u32, (w0 >> 32) as u32));
        assert_eq!(d, (w1 >> 11) as f64 / 9_007_199_254_740_992.0);
    }
}
