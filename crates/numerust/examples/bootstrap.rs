//! A bootstrap confidence interval: `cargo run --release --example bootstrap`.
//!
//! Resample a data set with replacement many times, compute the statistic on each resample,
//! and read the interval off the percentiles of those statistics (the percentile method).
//! With `default_rng(7)` every number matches the same NumPy program:
//!
//! ```python
//! rng = np.random.default_rng(7)
//! data = rng.exponential(2.0, 60)
//! idx = rng.integers(0, 60, (10_000, 60))
//! means = data[idx].mean(axis=1)
//! lo, hi = np.percentile(means, [2.5, 97.5])
//! ```

use numerust::random::default_rng;
use numerust::{mean, mean_axis};

/// NumPy's default (`linear`) percentile of sorted data.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let pos = q / 100.0 * (sorted.len() - 1) as f64;
    let (lo, frac) = (pos.floor() as usize, pos - pos.floor());
    match sorted.get(lo + 1) {
        Some(&next) => sorted[lo] + frac * (next - sorted[lo]),
        None => sorted[lo],
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut rng = default_rng(7);
    let n = 60;
    // A skewed sample: 60 waiting times with mean 2.
    let data = rng.exponential(2.0, &[n])?;
    println!("sample mean {:.4} of n = {n} (true mean 2)", mean(&data));

    // 10,000 resamples at once: a (10000, 60) array of indices, then data[idx].
    let resamples = 10_000;
    let idx = rng.integers(0i64, n as i64, &[resamples, n])?;
    let boot = data.take(&idx.view(), None)?; // data[idx], shape (10000, 60)
    let means = mean_axis(&boot, 1)?; // .mean(axis=1)

    let mut sorted = means.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (lo, hi) = (percentile(&sorted, 2.5), percentile(&sorted, 97.5));
    println!("95% bootstrap interval for the mean: [{lo:.4}, {hi:.4}]");

    // The normal-theory interval for comparison (mean ± 1.96·s/√n).
    let d = data.to_vec();
    let m = mean(&data);
    let s = (d.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n as f64 - 1.0)).sqrt();
    let half = 1.96 * s / (n as f64).sqrt();
    println!(
        "normal-theory interval:              [{:.4}, {:.4}]",
        m - half,
        m + half
    );
    Ok(())
}
