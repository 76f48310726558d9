//! Shared timing for numerust's side of the NumPy comparison (`just compare`).
//!
//! [`timeit`] mirrors `../shared/bench/numpy_bench.py`: a warm-up call, then repeats of
//! back-to-back loops sized so a repeat lasts about 50 ms; it reports the per-call minimum
//! and median. [`Suite`] writes JSON lines with the same row names as the NumPy script so
//! `benches/compare.py` can pair them.

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

const TARGET_REPEAT_S: f64 = 0.05;
const MAX_OP_S: f64 = 1.5;
const SLOW_OP_S: f64 = 0.4;

/// Per-call (min, median) seconds of `f`, NumPy-script style.
pub fn timeit<R>(mut f: impl FnMut() -> R, quick: bool) -> (f64, f64) {
    let t = Instant::now();
    black_box(f());
    let first = t.elapsed().as_secs_f64();
    let t = Instant::now();
    black_box(f());
    let one = t.elapsed().as_secs_f64().min(first).max(1e-9);
    let (loops, mut repeats) = if one > SLOW_OP_S {
        (1, 3)
    } else {
        let loops = ((TARGET_REPEAT_S / one).ceil() as usize).max(1);
        let reps = (MAX_OP_S / (one * loops as f64)).clamp(5.0, 25.0) as usize;
        (loops, reps)
    };
    if quick {
        repeats = repeats.min(3);
    }
    let mut times: Vec<f64> = (0..repeats)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..loops {
                black_box(f());
            }
            t.elapsed().as_secs_f64() / loops as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[0], times[times.len() / 2])
}

/// A set of timed rows written as JSON lines.
pub struct Suite {
    filters: Vec<String>,
    quick: bool,
    list_only: bool,
    out: Box<dyn Write>,
}

impl Suite {
    /// A suite keeping rows whose `group/op` contains any of `filters` (all when empty).
    pub fn new(filters: Vec<String>, quick: bool, out: Box<dyn Write>) -> Self {
        Suite {
            filters,
            quick,
            list_only: false,
            out,
        }
    }

    /// A suite that prints each selected row's `group/op` instead of timing it.
    pub fn lister(filters: Vec<String>) -> Self {
        Suite {
            filters,
            quick: true,
            list_only: true,
            out: Box::new(std::io::stdout()),
        }
    }

    /// Whether `group/op` is selected.
    pub fn want(&self, group: &str, op: &str) -> bool {
        let full = format!("{group}/{op}");
        self.filters.is_empty() || self.filters.iter().any(|f| full.contains(f.as_str()))
    }

    /// Times `f` and records the row; `setup` runs only when the row is selected.
    pub fn run<S, R>(
        &mut self,
        group: &str,
        op: &str,
        dtype: &str,
        size: &str,
        setup: impl FnOnce() -> S,
        mut f: impl FnMut(&S) -> R,
    ) {
        if !self.want(group, op) {
            return;
        }
        if self.list_only {
            writeln!(self.out, "{group}/{op}").expect("write row name");
            return;
        }
        let state = setup();
        let (min, median) = timeit(|| f(&state), self.quick);
        let line = format!(
            "{{\"kind\": \"result\", \"group\": \"{group}\", \"op\": \"{}\", \"dtype\": \"{dtype}\", \"size\": \"{size}\", \"min_s\": {min:e}, \"median_s\": {median:e}}}",
            op.replace('"', "\\\"")
        );
        writeln!(self.out, "{line}").expect("write result");
        self.out.flush().expect("flush");
        eprintln!(
            "{:<42} {dtype:<5} {size:<12} min {:>10.3} ms  median {:>10.3} ms",
            format!("{group}/{op}"),
            min * 1e3,
            median * 1e3
        );
    }
}
