//! Parallel fills over spawned child streams: the result depends only on the seed and the
//! chunk size, never on the number of threads.
//!
//! The output is cut into fixed chunks of `chunk` elements; chunk `i` is filled by the `i`-th
//! child of [`Generator::spawn`], on whatever thread rayon gives it. Each child is an
//! independent NumPy stream, so chunk `i` equals
//! `default_rng(SeedSequence(seed).spawn(k)[i]).random(len_i)` in NumPy. The parent's spawn
//! counter advances by the number of chunks, as NumPy's `spawn` does.

use crate::error::{RandomError, RandomResult};
use crate::generator::{Generator, filled};
use numerust_core::NdArray;
use rayon::prelude::*;

impl Generator {
    /// Splits `out` into `chunk`-sized pieces and fills piece `i` with child stream `i`.
    fn par_fill(
        &mut self,
        out: &mut [f64],
        chunk: usize,
        fill: impl Fn(&mut Generator, &mut [f64]) + Sync,
    ) -> RandomResult<()> {
        if chunk == 0 {
            return Err(RandomError::value("chunk must be positive"));
        }
        let mut children = self.spawn(out.len().div_ceil(chunk))?;
        out.par_chunks_mut(chunk)
            .zip(children.par_iter_mut())
            .for_each(|(piece, child)| fill(child, piece));
        Ok(())
    }

    /// Floats uniform on [0, 1), filled in parallel: chunk `i` (of `chunk` elements) comes
    /// from the `i`-th spawned child stream, so the values depend on the seed and `chunk`
    /// only, not on the thread count.
    ///
    /// ```
    /// use numerust_random::default_rng;
    /// let a = default_rng(7).par_random(&[10_000], 4096).unwrap();
    /// let mut kids = default_rng(7).spawn(3).unwrap();
    /// let first = kids[0].random(&[4096]).unwrap();
    /// assert_eq!(a.to_vec()[..4096], first.to_vec()[..]);
    /// ```
    ///
    /// # Errors
    /// A `ValueError` for `chunk == 0` or a generator without a seed sequence;
    /// `Array(ShapeOverflow)`.
    pub fn par_random(&mut self, shape: &[usize], chunk: usize) -> RandomResult<NdArray<f64>> {
        let mut res = Ok(());
        let a = filled(shape, |out| {
            res = self.par_fill(out, chunk, |g, piece| g.fill_random(piece));
        })?;
        res.map(|()| a)
    }

    /// Standard normal samples filled in parallel over spawned child streams, as
    /// [`par_random`](Self::par_random).
    ///
    /// # Errors
    /// As [`par_random`](Self::par_random).
    pub fn par_standard_normal(
        &mut self,
        shape: &[usize],
        chunk: usize,
    ) -> RandomResult<NdArray<f64>> {
        let mut res = Ok(());
        let a = filled(shape, |out| {
            res = self.par_fill(out, chunk, |g, piece| g.fill_standard_normal(piece));
        })?;
        res.map(|()| a)
    }
}
