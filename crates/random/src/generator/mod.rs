//! `Generator`: NumPy's `np.random.Generator` over [`Pcg64`], and `default_rng`.
//!
//! Owns the public sampling methods; the algorithms live in `ziggurat`, `bounded` and
//! `discrete`, the array plumbing here. Every fill writes straight into the new array's buffer
//! (`NdArray::try_from_fill`), element after element in C order, so a call consumes exactly
//! the words NumPy's does and `rng.random(&[2, 3])` equals `rng.random(6)` reshaped.
//! Submodules: `integers` (bounded integers), `counts` (binomial, Poisson), `choice`
//! (choice, shuffle, permutation).

mod choice;
mod counts;
mod integers;

pub use choice::ChoiceOptions;
pub(crate) use choice::{arange_vec, cdf, check_p, search_right, weighted_unique};
pub(crate) use counts::check_binomial;

use crate::bitgen::{BitGenerator, Pcg64, PcgCore};
use crate::error::{RandomError, RandomResult};
use crate::seed::{Seed, SeedSequence};
use crate::ziggurat;
use numerust_core::{Element, NdArray, Order};

/// NumPy's `Generator`: distributions drawn from a [`Pcg64`] bit generator.
///
/// ```
/// use numerust_random::default_rng;
/// let mut rng = default_rng(42);
/// let x = rng.random(&[2, 3]).unwrap();
/// assert_eq!(x.shape(), &[2, 3]);
/// assert_eq!(x.to_vec()[0], 0.7739560485559633); // np.random.default_rng(42).random()
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Generator {
    bitgen: Pcg64,
}

/// A [`Generator`] over PCG64 seeded through [`SeedSequence`] (NumPy:
/// `np.random.default_rng(seed)`): an integer, a sequence of integers, a `SeedSequence`, or
/// `None` for fresh OS entropy.
///
/// ```
/// use numerust_random::default_rng;
/// assert_eq!(default_rng(0).random(&[1]).unwrap().to_vec(), vec![0.6369616873214543]);
/// assert_eq!(default_rng([1, 2, 3]).random_scalar(), 0.6704722626516632);
/// let mut fresh = default_rng(None); // OS entropy
/// assert!(fresh.random_scalar() < 1.0);
/// ```
pub fn default_rng(seed: impl Into<Seed>) -> Generator {
    Generator::new(Pcg64::new(seed))
}

/// A new array of `shape` whose elements `fill` writes in C order.
pub(crate) fn filled<T: Element>(
    shape: &[usize],
    fill: impl FnOnce(&mut [T]),
) -> RandomResult<NdArray<T>> {
    NdArray::try_from_fill(shape, Order::C, |s| {
        fill(s);
        Ok::<(), RandomError>(())
    })
}

/// A slice of floats of even length viewed as pairs.
fn float_pairs(v: &mut [f32]) -> &mut [[f32; 2]] {
    let (pairs, rest) = v.as_chunks_mut::<2>();
    debug_assert!(rest.is_empty());
    pairs
}

/// NumPy's `CONS_NON_NEGATIVE` check: a negative value (or -0.0) is refused, NaN passes.
pub(crate) fn check_non_negative(name: &str, v: f64) -> RandomResult<()> {
    if v.is_sign_negative() && !v.is_nan() {
        return Err(RandomError::value(format!("{name} < 0")));
    }
    Ok(())
}

impl Generator {
    /// Runs `f` on a local copy of the PCG64 state and stores it back: the fill loops keep
    /// the state in registers instead of reloading it from `self` around every draw.
    #[inline(always)]
    pub(crate) fn with_core<R>(&mut self, f: impl FnOnce(&mut PcgCore) -> R) -> R {
        let mut core = self.bitgen.core;
        let r = f(&mut core);
        self.bitgen.core = core;
        r
    }

    /// A generator drawing from `bitgen` (NumPy: `Generator(PCG64(...))`).
    pub fn new(bitgen: Pcg64) -> Self {
        Generator { bitgen }
    }

    /// The bit generator (NumPy: `rng.bit_generator`), e.g. for its `state()`.
    pub fn bit_generator(&self) -> &Pcg64 {
        &self.bitgen
    }

    /// The bit generator, mutably (to `advance` it).
    pub fn bit_generator_mut(&mut self) -> &mut Pcg64 {
        &mut self.bitgen
    }

    /// `n` independent child generators from the seed sequence's children (NumPy:
    /// `rng.spawn(n)`).
    ///
    /// # Errors
    /// A `ValueError` when the bit generator was set from a raw state (no seed sequence), as
    /// NumPy raises for a generator without a `SeedSequence`.
    pub fn spawn(&mut self, n: usize) -> RandomResult<Vec<Generator>> {
        self.bitgen
            .spawn(n)
            .map(|v| v.into_iter().map(Generator::new).collect())
            .ok_or_else(|| {
                RandomError::value("The underlying SeedSequence does not implement spawning.")
            })
    }

    /// A generator whose stream starts `jumps` × 2^128·(φ−1) steps ahead (NumPy:
    /// `Generator(rng.bit_generator.jumped(jumps))`).
    pub fn jumped(&self, jumps: u128) -> Generator {
        Generator::new(self.bitgen.jumped(jumps))
    }

    /// The seed sequence behind this generator, if any.
    pub fn seed_seq(&self) -> Option<&SeedSequence> {
        self.bitgen.seed_seq()
    }

    /// Floats uniform on [0, 1) (NumPy: `rng.random(size)`): one 53-bit draw per element.
    ///
    /// # Errors
    /// `Array(ShapeOverflow)` for a shape too large to address.
    pub fn random(&mut self, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        filled(shape, |out| self.fill_random(out))
    }

    /// Fills `out` with [`random`](Self::random)'s values.
    pub fn fill_random(&mut self, out: &mut [f64]) {
        self.with_core(|bg| {
            bg.fill_u64(out, |w| (w >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0));
        })
    }

    /// One float uniform on [0, 1) (NumPy: `rng.random()`).
    pub fn random_scalar(&mut self) -> f64 {
        self.bitgen.next_double()
    }

    /// float32 values uniform on [0, 1) (NumPy: `rng.random(size, dtype=np.float32)`): one
    /// buffered 32-bit half-word per element.
    ///
    /// # Errors
    /// As [`random`](Self::random).
    pub fn random_f32(&mut self, shape: &[usize]) -> RandomResult<NdArray<f32>> {
        filled(shape, |out| {
            self.with_core(|bg| {
                let mut it = out.iter_mut();
                // Keep NumPy's order when a half-word is already buffered.
                if bg.has_uint32()
                    && let Some(x) = it.next()
                {
                    *x = bg.next_float();
                }
                // Whole words give two floats each, low half first.
                let rest = it.into_slice();
                let whole = rest.len() / 2 * 2;
                let (body, tail) = rest.split_at_mut(whole);
                let pairs = float_pairs(body);
                bg.fill_u64(pairs, |w| {
                    [
                        ((w as u32) >> 8) as f32 * (1.0 / 16_777_216.0),
                        (((w >> 32) as u32) >> 8) as f32 * (1.0 / 16_777_216.0),
                    ]
                });
                for x in tail {
                    *x = bg.next_float();
                }
            })
        })
    }

    /// Floats uniform on [low, high) (NumPy: `rng.uniform(low, high, size)`), as `low +
    /// (high - low) * random()`.
    ///
    /// # Errors
    /// `high - low < 0`; an `Overflow` when `high - low` is not finite.
    pub fn uniform(&mut self, low: f64, high: f64, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        let range = high - low;
        if !range.is_finite() {
            return Err(RandomError::Overflow(
                "high - low range exceeds valid bounds".into(),
            ));
        }
        check_non_negative("high - low", range)?;
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = low + range * bg.next_double();
                }
            })
        })
    }

    /// Standard normal samples (NumPy: `rng.standard_normal(size)`): NumPy's 256-layer
    /// ziggurat, bit for bit.
    ///
    /// ```
    /// use numerust_random::default_rng;
    /// let z = default_rng(42).standard_normal(&[2]).unwrap();
    /// assert_eq!(z.to_vec(), vec![0.30471707975443135, -1.0399841062404955]);
    /// ```
    ///
    /// # Errors
    /// As [`random`](Self::random).
    pub fn standard_normal(&mut self, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        filled(shape, |out| self.fill_standard_normal(out))
    }

    /// Fills `out` with [`standard_normal`](Self::standard_normal)'s values.
    #[inline(never)]
    pub fn fill_standard_normal(&mut self, out: &mut [f64]) {
        self.with_core(|bg| {
            for x in out.iter_mut() {
                *x = ziggurat::standard_normal(bg);
            }
        })
    }

    /// One standard normal sample (NumPy: `rng.standard_normal()`).
    pub fn standard_normal_scalar(&mut self) -> f64 {
        self.with_core(ziggurat::standard_normal)
    }

    /// float32 standard normal samples (NumPy: `rng.standard_normal(size, dtype=np.float32)`).
    ///
    /// # Errors
    /// As [`random`](Self::random).
    pub fn standard_normal_f32(&mut self, shape: &[usize]) -> RandomResult<NdArray<f32>> {
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = ziggurat::standard_normal_f32(bg);
                }
            })
        })
    }

    /// Normal samples with mean `loc` and standard deviation `scale` (NumPy:
    /// `rng.normal(loc, scale, size)`), as `loc + scale * z`.
    ///
    /// # Errors
    /// `scale < 0`.
    pub fn normal(&mut self, loc: f64, scale: f64, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        check_non_negative("scale", scale)?;
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = loc + scale * ziggurat::standard_normal(bg);
                }
            })
        })
    }

    /// Standard exponential samples (NumPy: `rng.standard_exponential(size)`, the default
    /// ziggurat method).
    ///
    /// # Errors
    /// As [`random`](Self::random).
    pub fn standard_exponential(&mut self, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = ziggurat::standard_exponential(bg);
                }
            })
        })
    }

    /// float32 standard exponential samples (NumPy: `rng.standard_exponential(size,
    /// dtype=np.float32)`).
    ///
    /// # Errors
    /// As [`random`](Self::random).
    pub fn standard_exponential_f32(&mut self, shape: &[usize]) -> RandomResult<NdArray<f32>> {
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = ziggurat::standard_exponential_f32(bg);
                }
            })
        })
    }

    /// Exponential samples with mean `scale` (NumPy: `rng.exponential(scale, size)`).
    ///
    /// # Errors
    /// `scale < 0`.
    pub fn exponential(&mut self, scale: f64, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        check_non_negative("scale", scale)?;
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = scale * ziggurat::standard_exponential(bg);
                }
            })
        })
    }
}

/// The `rand` ecosystem on a `Generator`: `next_u64` is PCG64's raw word and `next_u32` its
/// buffered half-word, the same words NumPy's distributions consume.
///
/// ```
/// use numerust_random::default_rng;
/// use rand::{Rng, RngExt};
/// let mut rng = default_rng(42);
/// assert_eq!(rng.next_u64(), 0xc621fbcd16d92688);
/// let die: u8 = rng.random_range(1..=6);
/// assert!((1..=6).contains(&die));
/// ```
impl rand::TryRng for Generator {
    type Error = std::convert::Infallible;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.bitgen.next_u32())
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(self.bitgen.next_u64())
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        let mut chunks = dst.chunks_exact_mut(8);
        for c in &mut chunks {
            c.copy_from_slice(&self.bitgen.next_u64().to_le_bytes());
        }
        let rest = chunks.into_remainder();
        if !rest.is_empty() {
            let w = self.bitgen.next_u64().to_le_bytes();
            rest.copy_from_slice(&w[..rest.len()]);
        }
        Ok(())
    }
}
