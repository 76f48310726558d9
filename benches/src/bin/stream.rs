//! The STREAM memory-bandwidth kernels (copy, scale, add, triad) on this machine, with
//! rayon at the pool's thread count: the ceiling that memory-bound rows of `just compare`
//! are measured against (issue: within 80% of it with 2 threads).
//!
//! `RAYON_NUM_THREADS=2 cargo run --release -p numerust-benches --bin stream [-- N]`
//!
//! Bytes are counted as STREAM does: every array read or written once per element (no
//! write-allocate traffic), so `add` moves 24 bytes per element.

use numerust_benches::timeit;
use rayon::prelude::*;

const CHUNK: usize = 1 << 16;

/// A sum with eight independent accumulators, so it is bound by memory, not by the add
/// latency chain.
fn sum8(x: &[f64]) -> f64 {
    let mut acc = [0.0f64; 8];
    let mut it = x.chunks_exact(8);
    for c in &mut it {
        for (a, v) in acc.iter_mut().zip(c) {
            *a += v;
        }
    }
    acc.iter().sum::<f64>() + it.remainder().iter().sum::<f64>()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(20_000_000, |s| s.parse().expect("N must be a number"));
    let mut a = vec![1.0f64; n];
    let mut b = vec![2.0f64; n];
    let mut c = vec![0.0f64; n];
    let s = 3.0f64;
    let threads = rayon::current_num_threads();
    println!("STREAM, n = {n} f64 per array, {threads} thread(s)");
    let mb = |bytes_per_elem: usize, secs: f64| (bytes_per_elem * n) as f64 / secs / 1e9;

    let (min, _) = timeit(
        || {
            c.par_chunks_mut(CHUNK)
                .zip(a.par_chunks(CHUNK))
                .for_each(|(c, a)| c.copy_from_slice(a))
        },
        false,
    );
    println!("copy   {:7.2} GB/s", mb(16, min));
    let (min, _) = timeit(
        || {
            b.par_chunks_mut(CHUNK)
                .zip(c.par_chunks(CHUNK))
                .for_each(|(b, c)| b.iter_mut().zip(c).for_each(|(b, c)| *b = s * c))
        },
        false,
    );
    println!("scale  {:7.2} GB/s", mb(16, min));
    let (min, _) = timeit(
        || {
            c.par_chunks_mut(CHUNK)
                .zip(a.par_chunks(CHUNK).zip(b.par_chunks(CHUNK)))
                .for_each(|(c, (a, b))| {
                    c.iter_mut()
                        .zip(a.iter().zip(b))
                        .for_each(|(c, (a, b))| *c = a + b)
                })
        },
        false,
    );
    println!("add    {:7.2} GB/s", mb(24, min));
    let (min, _) = timeit(
        || {
            a.par_chunks_mut(CHUNK)
                .zip(b.par_chunks(CHUNK).zip(c.par_chunks(CHUNK)))
                .for_each(|(a, (b, c))| {
                    a.iter_mut()
                        .zip(b.iter().zip(c))
                        .for_each(|(a, (b, c))| *a = b + s * c)
                })
        },
        false,
    );
    println!("triad  {:7.2} GB/s", mb(24, min));
    let (min, _) = timeit(|| -> f64 { a.par_chunks(CHUNK).map(sum8).sum() }, false);
    println!("read   {:7.2} GB/s (sum)", mb(8, min));
}
