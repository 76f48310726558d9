//! `Generator::choice`, `shuffle` and `permutation`: NumPy's index draws, bit for bit.
//!
//! Shuffles are Fisher–Yates from the end with masked-rejection indices (`random_interval`);
//! `choice` without replacement uses Floyd's algorithm with NumPy's open-addressing set, or a
//! partial shuffle of the tail for large samples, with Lemire indices.

use super::{Generator, filled};
use crate::bitgen::BitGenerator;
use crate::bounded::{self, Method, gen_mask};
use crate::error::{RandomError, RandomResult};
use numerust_core::layout::normalize_axis;
use numerust_core::{AsView, Element, NdArray, NdError};

/// The keyword arguments of `choice` (NumPy: `replace=True, p=None, shuffle=True`).
///
/// ```
/// use numerust_random::ChoiceOptions;
/// let opts = ChoiceOptions { replace: false, ..Default::default() };
/// assert!(opts.shuffle && opts.p.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChoiceOptions<'a> {
    /// Sample with replacement (NumPy: `replace`).
    pub replace: bool,
    /// The probability of each entry (NumPy: `p`); uniform when `None`.
    pub p: Option<&'a [f64]>,
    /// Shuffle a sample drawn without replacement (NumPy: `shuffle`); `false` is faster and
    /// leaves the order unspecified.
    pub shuffle: bool,
}

impl Default for ChoiceOptions<'_> {
    fn default() -> Self {
        ChoiceOptions {
            replace: true,
            p: None,
            shuffle: true,
        }
    }
}

/// `n` copies of `value` in a fresh `Vec`, or NumPy's out-of-memory message instead of an
/// abort when the memory is not there.
pub(crate) fn try_vec<T: Clone>(n: usize, value: T) -> RandomResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| {
        RandomError::Array(NdError::InvalidValue(format!(
            "Unable to allocate {} bytes for an array",
            n.saturating_mul(std::mem::size_of::<T>())
        )))
    })?;
    v.resize(n, value);
    Ok(v)
}

/// `0..n` as int64 (NumPy: `np.arange(n)`), refusing rather than aborting on memory.
pub(crate) fn arange_vec(n: usize) -> RandomResult<Vec<i64>> {
    let mut v = try_vec(n, 0i64)?;
    v.iter_mut().enumerate().for_each(|(i, x)| *x = i as i64);
    Ok(v)
}

/// NumPy's `kahan_sum` (the sum `choice` checks `p` with).
fn kahan_sum(v: &[f64]) -> f64 {
    let Some((&first, rest)) = v.split_first() else {
        return 0.0;
    };
    let (mut sum, mut c) = (first, 0.0);
    for &x in rest {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// `choice`'s checks on `p` (NumPy's messages; `legacy` selects RandomState's wording).
pub(crate) fn check_p(p: &[f64], pop: usize, legacy: bool) -> RandomResult<()> {
    if p.len() != pop {
        return Err(RandomError::value(if legacy {
            "'a' and 'p' must have same size"
        } else {
            "a and p must have same size"
        }));
    }
    let sum = kahan_sum(p);
    if sum.is_nan() {
        return Err(RandomError::value(if legacy {
            "probabilities contain NaN"
        } else {
            "Probabilities contain NaN"
        }));
    }
    if p.iter().any(|&x| x < 0.0) {
        return Err(RandomError::value(if legacy {
            "probabilities are not non-negative"
        } else {
            "Probabilities are not non-negative"
        }));
    }
    if (sum - 1.0).abs() > f64::EPSILON.sqrt() {
        return Err(RandomError::value(if legacy {
            "probabilities do not sum to 1"
        } else {
            "Probabilities do not sum to 1. See Notes section of docstring for more information."
        }));
    }
    Ok(())
}

/// `cumsum(p) / cumsum(p)[-1]`, summed left to right as NumPy's `cumsum` does.
pub(crate) fn cdf(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut c: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    let last = acc;
    c.iter_mut().for_each(|x| *x /= last);
    c
}

/// `searchsorted(cdf, u, side='right')`: how many entries are `<= u`.
#[inline]
pub(crate) fn search_right(cdf: &[f64], u: f64) -> i64 {
    cdf.partition_point(|&c| c <= u) as i64
}

/// Weighted sampling without replacement: rounds of uniform draws against the remaining
/// weights, keeping new indices in first-seen order (NumPy's loop, shared with legacy).
pub(crate) fn weighted_unique<B: BitGenerator>(
    bg: &mut B,
    p: &[f64],
    size: usize,
    legacy_msg: bool,
) -> RandomResult<Vec<i64>> {
    if p.iter().filter(|&&x| x > 0.0).count() < size {
        let _ = legacy_msg;
        return Err(RandomError::value("Fewer non-zero entries in p than size"));
    }
    let mut p = p.to_vec();
    let mut found: Vec<i64> = Vec::with_capacity(size);
    while found.len() < size {
        let x: Vec<f64> = (0..size - found.len()).map(|_| bg.next_double()).collect();
        for &i in &found {
            p[i as usize] = 0.0;
        }
        let c = cdf(&p);
        let mut seen = std::collections::HashSet::new();
        for u in x {
            let v = search_right(&c, u);
            if seen.insert(v) {
                found.push(v);
            }
        }
    }
    Ok(found)
}

impl Generator {
    /// Indices drawn from `0..a` (NumPy: `rng.choice(a, size, replace, p, shuffle=...)` with
    /// an integer `a`), bit for bit.
    ///
    /// ```
    /// use numerust_random::{ChoiceOptions, default_rng};
    /// let mut rng = default_rng(42);
    /// let no_repeat = ChoiceOptions { replace: false, ..Default::default() };
    /// assert_eq!(rng.choice(10, &[5], &no_repeat).unwrap().to_vec(), vec![5, 3, 7, 0, 4]);
    /// let p = [0.1, 0.2, 0.3, 0.25, 0.15];
    /// let weighted = ChoiceOptions { p: Some(&p), ..Default::default() };
    /// let x = default_rng(42).choice(5, &[5], &weighted).unwrap();
    /// assert_eq!(x.to_vec(), vec![3, 2, 4, 3, 0]);
    /// ```
    ///
    /// # Errors
    /// `Cannot take a larger sample than population when replace is False`; `Probabilities
    /// do not sum to 1. ...` and the other checks on `p`; `a must be a positive integer
    /// unless no samples are taken`.
    pub fn choice(
        &mut self,
        a: usize,
        shape: &[usize],
        opts: &ChoiceOptions<'_>,
    ) -> RandomResult<NdArray<i64>> {
        let size = numerust_core::layout::checked_size(shape)?;
        if a == 0 && size != 0 {
            return Err(RandomError::value(
                "a must be a positive integer unless no samples are taken",
            ));
        }
        self.choice_indices(a, shape, size, opts)
    }

    /// Elements drawn from `a` along its first axis (NumPy: `rng.choice(a, size, ...)` with
    /// an array `a`); the result has shape `shape + a.shape[1..]`.
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// use numerust_random::{ChoiceOptions, default_rng};
    /// let faces = NdArray::from_vec(vec!['H' as u8, 'T' as u8]);
    /// let tosses = default_rng(3).choice_from(&faces, &[4], &ChoiceOptions::default()).unwrap();
    /// assert_eq!(tosses.shape(), &[4]);
    /// ```
    ///
    /// # Errors
    /// As [`choice`](Self::choice), with `a cannot be empty unless no samples are taken`.
    pub fn choice_from<T: Element>(
        &mut self,
        a: &impl AsView<T>,
        shape: &[usize],
        opts: &ChoiceOptions<'_>,
    ) -> RandomResult<NdArray<T>> {
        let a = a.as_view();
        if a.ndim() == 0 {
            return Err(RandomError::value("a must be 1-dimensional or an integer"));
        }
        let pop = a.shape()[0];
        let size = numerust_core::layout::checked_size(shape)?;
        if pop == 0 && size != 0 {
            return Err(RandomError::value(
                "a cannot be empty unless no samples are taken",
            ));
        }
        let idx = self.choice_indices(pop, shape, size, opts)?;
        let taken = numerust_core::take(&a, &idx.to_vec(), Some(0))?;
        let mut out_shape = shape.to_vec();
        out_shape.extend_from_slice(&a.shape()[1..]);
        Ok(taken.reshape(&out_shape[..])?)
    }

    fn choice_indices(
        &mut self,
        pop: usize,
        shape: &[usize],
        size: usize,
        opts: &ChoiceOptions<'_>,
    ) -> RandomResult<NdArray<i64>> {
        if let Some(p) = opts.p {
            check_p(p, pop, false)?;
        }
        if size == 0 {
            return Ok(NdArray::from_shape_vec(shape, Vec::new())?);
        }
        if opts.replace {
            return match opts.p {
                Some(p) => {
                    let c = cdf(p);
                    filled(shape, |out| {
                        self.with_core(|bg| {
                            for x in out.iter_mut() {
                                *x = search_right(&c, bg.next_double());
                            }
                        })
                    })
                }
                None => self.integers(0i64, pop as i64, shape),
            };
        }
        if size > pop {
            return Err(RandomError::value(
                "Cannot take a larger sample than population when replace is False",
            ));
        }
        let idx = match opts.p {
            Some(p) => self.with_core(|bg| weighted_unique(bg, p, size, false))?,
            None => self.sample_without_replacement(pop as u64, size as u64, opts.shuffle)?,
        };
        Ok(NdArray::from_vec(idx).reshape(shape)?)
    }

    /// `size` distinct values of `0..pop`: a partial tail shuffle for large samples of large
    /// populations, Floyd's algorithm otherwise (NumPy's choice).
    fn sample_without_replacement(
        &mut self,
        pop: u64,
        size: u64,
        shuffle: bool,
    ) -> RandomResult<Vec<i64>> {
        let cutoff = if shuffle { 50 } else { 20 };
        let tail = pop > 10_000 && size > pop / cutoff;
        let mask = gen_mask((1.2 * size as f64) as u64);
        // Allocate first (fallibly), then draw. The tail path's index table is a scratch
        // buffer from core's recycled mappings: repeated large draws do not fault its pages
        // in again.
        let mut idx = if tail {
            let mut b = numerust_core::buffer::Buffer::<i64>::for_overwrite(pop as usize)?;
            b.as_mut_slice()
                .iter_mut()
                .enumerate()
                .for_each(|(i, x)| *x = i as i64);
            Some(b)
        } else {
            None
        };
        let mut set = if tail {
            Vec::new()
        } else {
            try_vec(mask as usize + 1, u64::MAX)?
        };
        let mut out = if tail {
            Vec::new()
        } else {
            try_vec(size as usize, 0i64)?
        };
        Ok(self.with_core(|bg| {
            if let Some(idx) = idx.as_mut() {
                let idx = idx.as_mut_slice();
                shuffle_int(bg, idx, pop.saturating_sub(size).max(1));
                return idx[(pop - size) as usize..].to_vec();
            }
            for (k, j) in (pop - size..pop).enumerate() {
                let val = bounded::bounded_u64(bg, j, Method::Lemire);
                let mut loc = val & mask;
                while set[loc as usize] != u64::MAX && set[loc as usize] != val {
                    loc = (loc + 1) & mask;
                }
                if set[loc as usize] == u64::MAX {
                    set[loc as usize] = val;
                    out[k] = val as i64;
                } else {
                    let mut loc = j & mask;
                    while set[loc as usize] != u64::MAX {
                        loc = (loc + 1) & mask;
                    }
                    set[loc as usize] = j;
                    out[k] = j as i64;
                }
            }
            if shuffle {
                shuffle_int(bg, &mut out, 1);
            }
            out
        }))
    }

    /// Shuffles a slice in place (NumPy: `rng.shuffle(x)` on a 1-D array).
    ///
    /// ```
    /// use numerust_random::default_rng;
    /// let mut x: Vec<i64> = (0..10).collect();
    /// default_rng(42).shuffle_slice(&mut x);
    /// assert_eq!(x, vec![5, 6, 0, 7, 3, 2, 4, 9, 1, 8]);
    /// ```
    pub fn shuffle_slice<T>(&mut self, x: &mut [T]) {
        self.with_core(|bg| {
            for i in (1..x.len()).rev() {
                let j = bounded::random_interval(bg, i as u64) as usize;
                x.swap(i, j);
            }
        })
    }

    /// Shuffles an array in place along its first axis (NumPy: `rng.shuffle(x)`); rows of an
    /// n-D array move as wholes.
    ///
    /// # Errors
    /// `Array(AxisOutOfBounds)` for a 0-d array.
    pub fn shuffle<T: Element>(&mut self, x: &mut NdArray<T>) -> RandomResult<()> {
        self.shuffle_axis(x, 0)
    }

    /// Shuffles an array in place along `axis` (NumPy: `rng.shuffle(x, axis=axis)`).
    ///
    /// # Errors
    /// `Array(AxisOutOfBounds)`.
    pub fn shuffle_axis<T: Element>(
        &mut self,
        x: &mut NdArray<T>,
        axis: isize,
    ) -> RandomResult<()> {
        let ax = normalize_axis(axis, x.ndim())?;
        if x.ndim() == 1
            && let Some(s) = x.as_slice_mut()
        {
            self.shuffle_slice(s);
            return Ok(());
        }
        if x.is_empty() {
            return Ok(());
        }
        let mut idx = arange_vec(x.shape()[ax])?;
        self.shuffle_slice(&mut idx);
        let taken = x.take(&idx, Some(ax as isize))?;
        x.assign(&taken)?;
        Ok(())
    }

    /// A shuffled `0..n` (NumPy: `rng.permutation(n)`).
    ///
    /// ```
    /// use numerust_random::default_rng;
    /// let p = default_rng(0).permutation(10).unwrap();
    /// assert_eq!(p.to_vec(), vec![4, 6, 2, 7, 3, 5, 9, 0, 8, 1]);
    /// ```
    ///
    /// # Errors
    /// `Array(InvalidValue)` (`Unable to allocate ...`) when `n` int64s do not fit in memory.
    pub fn permutation(&mut self, n: usize) -> RandomResult<NdArray<i64>> {
        let mut v = arange_vec(n)?;
        self.shuffle_slice(&mut v);
        Ok(NdArray::from_vec(v))
    }

    /// A shuffled copy of `x` along `axis` (NumPy: `rng.permutation(x, axis)`).
    ///
    /// # Errors
    /// `Array(AxisOutOfBounds)`.
    pub fn permutation_array<T: Element>(
        &mut self,
        x: &impl AsView<T>,
        axis: isize,
    ) -> RandomResult<NdArray<T>> {
        let mut out = x.as_view().to_owned();
        self.shuffle_axis(&mut out, axis)?;
        Ok(out)
    }
}

/// Fisher–Yates on `data[first..]` from the end with Lemire indices (NumPy's `_shuffle_int`).
fn shuffle_int<B: BitGenerator>(bg: &mut B, data: &mut [i64], first: u64) {
    let n = data.len() as u64;
    for i in (first..n).rev() {
        let j = bounded::bounded_u64(bg, i, Method::Lemire) as usize;
        data.swap(i as usize, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kahan_and_cdf() {
        assert_eq!(kahan_sum(&[]), 0.0);
        assert_eq!(kahan_sum(&[0.1, 0.2, 0.3]), 0.6);
        let c = cdf(&[1.0, 1.0, 2.0]);
        assert_eq!(c, vec![0.25, 0.5, 1.0]);
        assert_eq!(search_right(&c, 0.25), 1);
        assert_eq!(search_right(&c, 0.0), 0);
    }
}
