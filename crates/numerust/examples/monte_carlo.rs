//! Monte Carlo with NumPy's own random streams: `cargo run --release --example monte_carlo`.
//!
//! Coin tosses, dice and π, each with the NumPy line it mirrors. `default_rng(2024)` draws
//! exactly the numbers `np.random.default_rng(2024)` draws, so every estimate printed here is
//! the one NumPy prints for the same program.

use numerust::random::{ChoiceOptions, default_rng};
use numerust::{count_nonzero, mean, sum_axis};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut rng = default_rng(2024); // rng = np.random.default_rng(2024)

    // Coin tosses: the share of heads tends to 1/2.
    for n in [10usize, 1_000, 100_000] {
        let tosses = rng.integers(0i64, 2, &[n])?; // rng.integers(0, 2, n)
        println!("{n:>7} tosses: heads share {:.4}", mean(&tosses));
    }

    // P(exactly 5 heads in 10 tosses) = C(10,5)/2^10, estimated from binomial counts.
    let heads = rng.binomial(10, 0.5, &[200_000])?; // rng.binomial(10, 0.5, 200_000)
    let hits = count_nonzero(&heads.equal_scalar(5));
    println!(
        "P(5 heads in 10): estimate {:.4}, exact {:.4}",
        hits as f64 / 200_000.0,
        252.0 / 1024.0
    );

    // Two dice: P(sum == 7) = 1/6.
    let dice = rng.integers(1i64, 7, &[100_000, 2])?; // rng.integers(1, 7, (100_000, 2))
    let sums = sum_axis(&dice, 1)?; // dice.sum(axis=1)
    let sevens = count_nonzero(&sums.equal_scalar(7));
    println!(
        "P(two dice sum to 7): estimate {:.4}, exact {:.4}",
        sevens as f64 / 1e5,
        1.0 / 6.0
    );

    // A loaded die through choice with weights p.
    let p = [0.1, 0.1, 0.1, 0.1, 0.1, 0.5];
    let loaded = ChoiceOptions {
        p: Some(&p),
        ..Default::default()
    };
    let faces = rng.choice(6, &[100_000], &loaded)?; // rng.choice(6, 100_000, p=p)
    let sixes = count_nonzero(&faces.equal_scalar(5));
    println!(
        "loaded die shows a six: {:.4} (p = 0.5)",
        sixes as f64 / 1e5
    );

    // π from the share of random points of the unit square inside the quarter circle.
    let n = 2_000_000;
    let x = rng.random(&[n])?; // x = rng.random(n)
    let y = rng.random(&[n])?; // y = rng.random(n)
    let r2 = &(&x * &x) + &(&y * &y); // x**2 + y**2
    let inside = count_nonzero(&r2.le_scalar(1.0)); // np.count_nonzero(r2 <= 1)
    let pi = 4.0 * inside as f64 / n as f64;
    println!(
        "pi ~ {pi:.5} (error {:.1e}, n = {n})",
        (pi - std::f64::consts::PI).abs()
    );

    // The same estimate over 8 million points filled in parallel from spawned streams: the
    // numbers depend on the seed and the chunk size only, not on the thread count.
    let big = 8_000_000;
    let xs = rng.par_random(&[big], 1 << 20)?;
    let ys = rng.par_random(&[big], 1 << 20)?;
    let inside = count_nonzero(&(&(&xs * &xs) + &(&ys * &ys)).le_scalar(1.0));
    println!(
        "pi ~ {:.5} from {big} points (par_random)",
        4.0 * inside as f64 / big as f64
    );
    Ok(())
}
