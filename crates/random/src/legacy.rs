//! `RandomState`: NumPy's frozen legacy API (`np.random.seed`, `rand`, `randn`, ...) on
//! MT19937, bit for bit.
//!
//! Differences from [`Generator`](crate::Generator) that matter for the bits: normals come
//! from the polar Box–Muller method with one cached value (the cache survives calls to other
//! methods), bounded integers use masked rejection instead of Lemire, `choice` without
//! replacement is `permutation(n)[:size]`, and `binomial` has no early return for `n == 0`.

use crate::bitgen::BitGenerator;
use crate::bounded::{self, Method};
use crate::error::{RandomError, RandomResult};
use crate::generator::{ChoiceOptions, check_non_negative, filled};
use crate::mt19937::Mt19937;
use crate::seed::{SeedSequence, os_entropy};
use numerust_core::layout::normalize_axis;
use numerust_core::{AsView, Element, NdArray};

/// NumPy's legacy `RandomState` (MT19937 plus the cached Gaussian).
///
/// ```
/// use numerust_random::RandomState;
/// let mut rs = RandomState::new(0); // np.random.seed(0)
/// assert_eq!(rs.rand(&[2]).unwrap().to_vec(), vec![0.5488135039273248, 0.7151893663724195]);
/// let mut rs = RandomState::new(0);
/// assert_eq!(rs.randint(0, 10, &[5]).unwrap().to_vec(), vec![5, 0, 3, 3, 7]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RandomState {
    mt: Mt19937,
    gauss: Option<f64>,
}

impl RandomState {
    /// A state seeded like `np.random.seed(seed)` with an integer.
    pub fn new(seed: u32) -> Self {
        RandomState {
            mt: Mt19937::new(seed),
            gauss: None,
        }
    }

    /// A state seeded like `np.random.seed(key)` with a 1-D array of integers.
    ///
    /// # Errors
    /// `Seed must be non-empty`.
    pub fn from_array(key: &[u32]) -> RandomResult<Self> {
        if key.is_empty() {
            return Err(RandomError::value("Seed must be non-empty"));
        }
        Ok(RandomState {
            mt: Mt19937::from_array(key),
            gauss: None,
        })
    }

    /// A state seeded from OS entropy (NumPy: `np.random.seed(None)`): a `SeedSequence`'s
    /// 624 words with the first forced to `0x80000000`.
    pub fn from_entropy() -> Self {
        let words = SeedSequence::with_spawn_key(crate::seed::int_words(os_entropy()), vec![])
            .generate_state_u32(624);
        RandomState {
            mt: Mt19937::from_key(&words),
            gauss: None,
        }
    }

    /// Re-seeds with an integer (NumPy: `np.random.seed(seed)`); clears the cached Gaussian.
    pub fn seed(&mut self, seed: u32) {
        *self = RandomState::new(seed);
    }

    /// The bit generator (NumPy: `rs._bit_generator`).
    pub fn bit_generator(&self) -> &Mt19937 {
        &self.mt
    }

    /// Floats uniform on [0, 1) (NumPy: `np.random.rand(*shape)`).
    ///
    /// # Errors
    /// `Array(ShapeOverflow)`.
    pub fn rand(&mut self, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        self.random_sample(shape)
    }

    /// Floats uniform on [0, 1) (NumPy: `np.random.random_sample(size)`).
    ///
    /// # Errors
    /// `Array(ShapeOverflow)`.
    pub fn random_sample(&mut self, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        filled(shape, |out| {
            for x in out.iter_mut() {
                *x = self.mt.next_double();
            }
        })
    }

    /// One polar Box–Muller normal, using and refilling the cache.
    fn gauss(&mut self) -> f64 {
        if let Some(g) = self.gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.mt.next_double() - 1.0;
            let x2 = 2.0 * self.mt.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    /// Standard normal samples (NumPy: `np.random.randn(*shape)`).
    ///
    /// # Errors
    /// `Array(ShapeOverflow)`.
    pub fn randn(&mut self, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        self.standard_normal(shape)
    }

    /// Standard normal samples (NumPy: `np.random.standard_normal(size)`).
    ///
    /// # Errors
    /// `Array(ShapeOverflow)`.
    pub fn standard_normal(&mut self, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        filled(shape, |out| {
            for x in out.iter_mut() {
                *x = self.gauss();
            }
        })
    }

    /// Normal samples (NumPy: `np.random.normal(loc, scale, size)`).
    ///
    /// # Errors
    /// `scale < 0`.
    pub fn normal(&mut self, loc: f64, scale: f64, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        check_non_negative("scale", scale)?;
        filled(shape, |out| {
            for x in out.iter_mut() {
                *x = loc + scale * self.gauss();
            }
        })
    }

    /// Floats uniform on [low, high) (NumPy: `np.random.uniform(low, high, size)`).
    ///
    /// # Errors
    /// An `Overflow` (`Range exceeds valid bounds`) when `high - low` is not finite.
    pub fn uniform(&mut self, low: f64, high: f64, shape: &[usize]) -> RandomResult<NdArray<f64>> {
        let range = high - low;
        if !range.is_finite() {
            return Err(RandomError::Overflow("Range exceeds valid bounds".into()));
        }
        filled(shape, |out| {
            for x in out.iter_mut() {
                *x = low + range * self.mt.next_double();
            }
        })
    }

    /// Integers uniform on [low, high) as int64 (NumPy: `np.random.randint(low, high, size)`
    /// on Linux and macOS, where `dtype=int` is 64-bit), by masked rejection.
    ///
    /// # Errors
    /// `low >= high`.
    pub fn randint(&mut self, low: i64, high: i64, shape: &[usize]) -> RandomResult<NdArray<i64>> {
        if low >= high {
            return Err(RandomError::value("low >= high"));
        }
        let off = low as u64;
        let rng = (i128::from(high) - 1 - i128::from(low)) as u64;
        filled(shape, |out| {
            bounded::fill(&mut self.mt, off, rng, 64, Method::Masked, out, |v| {
                v as i64
            })
        })
    }

    /// Successes in `n` trials of probability `p` (NumPy: `np.random.binomial(n, p, size)`).
    ///
    /// # Errors
    /// `n < 0`; `p < 0, p > 1 or p is NaN`.
    pub fn binomial(&mut self, n: i64, p: f64, shape: &[usize]) -> RandomResult<NdArray<i64>> {
        crate::generator::check_binomial(n, p)?;
        let sampler = crate::discrete::Binomial::new(n, p, true);
        filled(shape, |out| {
            for x in out.iter_mut() {
                *x = sampler.sample(&mut self.mt);
            }
        })
    }

    /// Shuffles a slice in place (NumPy: `np.random.shuffle(x)` on a 1-D array).
    pub fn shuffle_slice<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = bounded::random_interval(&mut self.mt, i as u64) as usize;
            x.swap(i, j);
        }
    }

    /// Shuffles an array in place along its first axis (NumPy: `np.random.shuffle(x)`).
    ///
    /// # Errors
    /// `Array(AxisOutOfBounds)` for a 0-d array.
    pub fn shuffle<T: Element>(&mut self, x: &mut NdArray<T>) -> RandomResult<()> {
        normalize_axis(0, x.ndim())?;
        if x.ndim() == 1
            && let Some(s) = x.as_slice_mut()
        {
            self.shuffle_slice(s);
            return Ok(());
        }
        if x.is_empty() {
            return Ok(());
        }
        let mut idx = crate::generator::arange_vec(x.shape()[0])?;
        self.shuffle_slice(&mut idx);
        let taken = x.take(&idx, Some(0))?;
        x.assign(&taken)?;
        Ok(())
    }

    /// A shuffled `0..n` (NumPy: `np.random.permutation(n)`).
    ///
    /// # Errors
    /// `Array(InvalidValue)` (`Unable to allocate ...`) when `n` int64s do not fit in memory.
    pub fn permutation(&mut self, n: usize) -> RandomResult<NdArray<i64>> {
        let mut v = crate::generator::arange_vec(n)?;
        self.shuffle_slice(&mut v);
        Ok(NdArray::from_vec(v))
    }

    /// A shuffled copy of `x` along its first axis (NumPy: `np.random.permutation(x)`).
    ///
    /// # Errors
    /// `Array(AxisOutOfBounds)` for a 0-d array.
    pub fn permutation_array<T: Element>(
        &mut self,
        x: &impl AsView<T>,
    ) -> RandomResult<NdArray<T>> {
        let mut out = x.as_view().to_owned();
        self.shuffle(&mut out)?;
        Ok(out)
    }

    /// Indices drawn from `0..a` (NumPy: `np.random.choice(a, size, replace, p)`); the
    /// `shuffle` option does not apply to the legacy API and is ignored.
    ///
    /// ```
    /// use numerust_random::{ChoiceOptions, RandomState};
    /// let no_repeat = ChoiceOptions { replace: false, ..Default::default() };
    /// let x = RandomState::new(0).choice(10, &[5], &no_repeat).unwrap();
    /// assert_eq!(x.to_vec(), vec![2, 8, 4, 9, 1]);
    /// ```
    ///
    /// # Errors
    /// `a must be greater than 0 unless no samples are taken`; `Cannot take a larger sample
    /// than population when 'replace=False'`; checks on `p` with NumPy's legacy wording.
    pub fn choice(
        &mut self,
        a: usize,
        shape: &[usize],
        opts: &ChoiceOptions<'_>,
    ) -> RandomResult<NdArray<i64>> {
        let size = numerust_core::layout::checked_size(shape)?;
        if a == 0 && size != 0 {
            return Err(RandomError::value(
                "a must be greater than 0 unless no samples are taken",
            ));
        }
        if let Some(p) = opts.p {
            crate::generator::check_p(p, a, true)?;
        }
        if size == 0 {
            return Ok(NdArray::from_shape_vec(shape, Vec::new())?);
        }
        if opts.replace {
            return match opts.p {
                Some(p) => {
                    let c = crate::generator::cdf(p);
                    filled(shape, |out| {
                        for x in out.iter_mut() {
                            *x = crate::generator::search_right(&c, self.mt.next_double());
                        }
                    })
                }
                None => self.randint(0, a as i64, shape),
            };
        }
        if size > a {
            return Err(RandomError::value(
                "Cannot take a larger sample than population when 'replace=False'",
            ));
        }
        let idx = match opts.p {
            Some(p) => crate::generator::weighted_unique(&mut self.mt, p, size, true)?,
            None => {
                let mut perm = self.permutation(a)?.into_vec();
                perm.truncate(size);
                perm
            }
        };
        Ok(NdArray::from_vec(idx).reshape(shape)?)
    }
}
