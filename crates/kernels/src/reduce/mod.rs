//! Reductions over 1-D runs: NumPy's pairwise sum (same bits as NumPy for f32/f64), min/max
//! and argmin/argmax with NumPy's NaN rules, and plain integer folds.
//!
//! Each kernel fixes its order of operations up front, so neither the SIMD level nor the
//! rayon thread count changes a result: sums split across threads along NumPy's own pairwise
//! tree, min/max/argmax at fixed chunk boundaries with an order-independent combine.
//! Array front ends (axes, keepdims, dtypes) live in `numerust_core::reduce`.

pub mod minmax;
pub mod sum;

pub use minmax::{MinMax, argmax, argmin, max, min, nanmax, nanmin};
pub use sum::{SumFloat, fold_int, pairwise_map, pairwise_sum};

/// Work items below this many elements in total stay on one thread.
pub const PAR_MIN_WORK: usize = 1 << 16;

/// `(0..n).map(f).collect()`, spread over threads when `n * work_per_item` is large; each
/// item is computed whole by one thread, so results never depend on the thread count.
pub fn collect_indexed<A: Send>(
    n: usize,
    work_per_item: usize,
    f: &(impl Fn(usize) -> A + Sync),
) -> Vec<A> {
    use rayon::prelude::*;
    if n > 1 && n.saturating_mul(work_per_item) >= PAR_MIN_WORK && rayon::current_num_threads() > 1
    {
        (0..n).into_par_iter().map(f).collect()
    } else {
        (0..n).map(f).collect()
    }
}

/// Calls `f(start, piece)` for consecutive pieces of `out`: the whole slice on one thread, or
/// one piece per thread (at least `min_chunk` long) when `out.len() * work_per_item` is large.
/// For element-wise work only, whose results cannot depend on the piece boundaries.
pub fn for_chunks_mut<A: Send>(
    out: &mut [A],
    min_chunk: usize,
    work_per_item: usize,
    f: &(impl Fn(usize, &mut [A]) + Sync),
) {
    use rayon::prelude::*;
    let threads = rayon::current_num_threads();
    let chunk = out.len().div_ceil(threads.max(1)).max(min_chunk.max(1));
    if out.len() > chunk && out.len().saturating_mul(work_per_item) >= PAR_MIN_WORK && threads > 1 {
        out.par_chunks_mut(chunk)
            .enumerate()
            .for_each(|(i, c)| f(i * chunk, c));
    } else {
        f(0, out);
    }
}

/// Runs `f` inside a fresh rayon pool of `threads` threads (for tests and benches that check
/// that results do not depend on the thread count, like `RAYON_NUM_THREADS=1`).
///
/// # Panics
/// If the pool cannot be built.
pub fn with_threads<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("build a rayon pool")
        .install(f)
}
