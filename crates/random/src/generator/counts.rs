//! `Generator::binomial` and `Generator::poisson`: counts as int64, NumPy's samplers.

use super::{Generator, filled};
use crate::discrete::{self, Binomial};
use crate::error::{RandomError, RandomResult};
use numerust_core::NdArray;

/// NumPy's `POISSON_LAM_MAX`: `iinfo(int64).max - sqrt(iinfo(int64).max) * 10`.
pub(crate) const POISSON_LAM_MAX: f64 = 9.223372006484771e18;

/// NumPy's checks on binomial parameters.
pub(crate) fn check_binomial(n: i64, p: f64) -> RandomResult<()> {
    if n < 0 {
        return Err(RandomError::value("n < 0"));
    }
    if !(0.0..=1.0).contains(&p) {
        return Err(RandomError::value("p < 0, p > 1 or p is NaN"));
    }
    Ok(())
}

/// NumPy's checks on a Poisson rate.
pub(crate) fn check_poisson(lam: f64) -> RandomResult<()> {
    if lam.is_nan() || lam < 0.0 {
        return Err(RandomError::value("lam < 0 or lam is NaN"));
    }
    if lam > POISSON_LAM_MAX {
        return Err(RandomError::value("lam value too large"));
    }
    Ok(())
}

impl Generator {
    /// Successes in `n` trials of probability `p` (NumPy: `rng.binomial(n, p, size)`):
    /// inversion for small means, BTPE otherwise.
    ///
    /// ```
    /// use numerust_random::default_rng;
    /// let heads = default_rng(7).binomial(10, 0.5, &[1000]).unwrap();
    /// let mean = heads.to_vec().iter().sum::<i64>() as f64 / 1000.0;
    /// assert!((mean - 5.0).abs() < 0.3);
    /// ```
    ///
    /// # Errors
    /// `n < 0`; `p < 0, p > 1 or p is NaN`.
    pub fn binomial(&mut self, n: i64, p: f64, shape: &[usize]) -> RandomResult<NdArray<i64>> {
        check_binomial(n, p)?;
        let sampler = Binomial::new(n, p, false);
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = sampler.sample(bg);
                }
            })
        })
    }

    /// Poisson counts with rate `lam` (NumPy: `rng.poisson(lam, size)`).
    ///
    /// # Errors
    /// `lam < 0 or lam is NaN`; `lam value too large`.
    pub fn poisson(&mut self, lam: f64, shape: &[usize]) -> RandomResult<NdArray<i64>> {
        check_poisson(lam)?;
        filled(shape, |out| {
            self.with_core(|bg| {
                for x in out.iter_mut() {
                    *x = discrete::poisson(bg, lam);
                }
            })
        })
    }
}
