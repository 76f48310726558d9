//! `Generator::integers`: bounded integers of every dtype, scalar and array bounds.

use super::{Generator, filled};
use crate::bounded::{self, Method, RandomInt, SmallBuf};
use crate::error::{RandomError, RandomResult};
use numerust_core::{AsView, NdArray, broadcast_arrays};

/// `(off, rng)` for the closed range [low, closed_high] of `T`, with NumPy's checks.
pub(crate) fn closed_range<T: RandomInt>(
    low: i128,
    closed_high: i128,
    endpoint: bool,
) -> RandomResult<(u64, u64)> {
    let name = T::DTYPE.name();
    if low < T::MIN_I128 {
        return Err(RandomError::value(format!(
            "low is out of bounds for {name}"
        )));
    }
    if closed_high > T::MAX_I128 {
        return Err(RandomError::value(format!(
            "high is out of bounds for {name}"
        )));
    }
    if low > closed_high {
        return Err(RandomError::value(if endpoint {
            "low > high"
        } else {
            "low >= high"
        }));
    }
    Ok((low as u64, (closed_high - low) as u64))
}

impl Generator {
    /// Integers uniform on [low, high) (NumPy: `rng.integers(low, high, size, dtype=T)`),
    /// for every integer dtype and bool, with NumPy's Lemire draws bit for bit.
    ///
    /// ```
    /// use numerust_random::default_rng;
    /// let mut rng = default_rng(42);
    /// assert_eq!(rng.integers(0i64, 10, &[5]).unwrap().to_vec(), vec![0, 7, 6, 4, 4]);
    /// let bytes = default_rng(42).integers(0u8, 10, &[5]).unwrap();
    /// assert_eq!(bytes.to_vec(), vec![5, 1, 8, 0, 9]);
    /// assert_eq!(
    ///     default_rng(0).integers(5i64, 5, &[1]).unwrap_err().to_string(),
    ///     "low >= high"
    /// );
    /// ```
    ///
    /// # Errors
    /// `low >= high`; `Array(ShapeOverflow)`.
    pub fn integers<T: RandomInt>(
        &mut self,
        low: T,
        high: T,
        shape: &[usize],
    ) -> RandomResult<NdArray<T>> {
        let (off, rng) = closed_range::<T>(low.to_i128(), high.to_i128() - 1, false)?;
        self.integers_fill(off, rng, shape)
    }

    /// Integers uniform on the closed range [low, high] (NumPy: `rng.integers(low, high,
    /// size, dtype=T, endpoint=True)`), so the whole range of `T` is reachable.
    ///
    /// # Errors
    /// `low > high`; `Array(ShapeOverflow)`.
    pub fn integers_endpoint<T: RandomInt>(
        &mut self,
        low: T,
        high: T,
        shape: &[usize],
    ) -> RandomResult<NdArray<T>> {
        let (off, rng) = closed_range::<T>(low.to_i128(), high.to_i128(), true)?;
        self.integers_fill(off, rng, shape)
    }

    /// One integer uniform on [low, high) (NumPy: `rng.integers(low, high)`).
    ///
    /// # Errors
    /// `low >= high`.
    pub fn integers_scalar<T: RandomInt>(&mut self, low: T, high: T) -> RandomResult<T> {
        let a = self.integers(low, high, &[1])?;
        Ok(a.to_vec()[0])
    }

    fn integers_fill<T: RandomInt>(
        &mut self,
        off: u64,
        rng: u64,
        shape: &[usize],
    ) -> RandomResult<NdArray<T>> {
        filled(shape, |out| {
            self.with_core(|bg| bounded::fill(bg, off, rng, T::BITS, Method::Lemire, out, T::wrap))
        })
    }

    /// Integers with per-element bounds: `low` and `high` broadcast together and each output
    /// element is drawn from [low, high) (or [low, high] with `endpoint`) (NumPy:
    /// `rng.integers(low_array, high_array, dtype=T, endpoint=...)`). 8- and 16-bit dtypes
    /// share one 32-bit buffer across the call, as NumPy's broadcast loop does.
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// use numerust_random::default_rng;
    /// let low = NdArray::from_vec(vec![0i64, 10, 100]);
    /// let high = NdArray::from_vec(vec![5i64, 20, 1000]);
    /// let x = default_rng(1).integers_array(&low, &high, false).unwrap();
    /// let v = x.to_vec();
    /// assert!(v[0] < 5 && (10..20).contains(&v[1]) && (100..1000).contains(&v[2]));
    /// ```
    ///
    /// # Errors
    /// `low >= high` (`low > high` with `endpoint`) for any pair; out-of-bounds bounds;
    /// `Array(Broadcast)` when the shapes do not broadcast.
    pub fn integers_array<T: RandomInt>(
        &mut self,
        low: &impl AsView<T>,
        high: &impl AsView<T>,
        endpoint: bool,
    ) -> RandomResult<NdArray<T>> {
        let (low, high) = (low.as_view(), high.as_view());
        let views = broadcast_arrays(&[&low, &high])?;
        let shape = views[0].shape().to_vec();
        let lows: Vec<T> = views[0].iter().copied().collect();
        let highs: Vec<T> = views[1].iter().copied().collect();
        let adjust = if endpoint { 0 } else { 1 };
        let ranges = lows
            .iter()
            .zip(&highs)
            .map(|(&l, &h)| closed_range::<T>(l.to_i128(), h.to_i128() - adjust, endpoint))
            .collect::<RandomResult<Vec<_>>>()?;
        filled(&shape, |out| {
            self.with_core(|bg| {
                let mut sb = SmallBuf::default();
                for (x, &(off, rng)) in out.iter_mut().zip(&ranges) {
                    let v = bounded::bounded_at_width(bg, &mut sb, rng, T::BITS, Method::Lemire);
                    *x = T::wrap(off.wrapping_add(v));
                }
            })
        })
    }
}
