//! Linear regression three ways: `cargo run --release --example regression`.
//!
//! Data: y = 1.5 + 2 x1 - 0.5 x2 + noise, 200 samples. NumPy users would write
//! `np.linalg.solve(X.T @ X, X.T @ y)` (normal equations), `np.linalg.lstsq(X, y)`
//! (SVD, robust to rank deficiency) or solve `R b = Q.T y` from `np.linalg.qr(X)`.

use numerust::NdArray;
use numerust::linalg::{self, QrMode};

/// A small deterministic generator (xorshift) for the example's data, uniform in [-1, 1).
fn uniform(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (n, truth) = (200usize, [1.5, 2.0, -0.5]);
    let mut st = 0x2545_F491_4F6C_DD1D_u64;
    let mut xs = Vec::with_capacity(n * 3);
    let mut ys = Vec::with_capacity(n);
    for _ in 0..n {
        let (x1, x2) = (uniform(&mut st), uniform(&mut st));
        xs.extend([1.0, x1, x2]); // intercept column first
        ys.push(truth[0] + truth[1] * x1 + truth[2] * x2 + 0.01 * uniform(&mut st));
    }
    let x = NdArray::from_shape_vec(&[n, 3], xs)?;
    let y = NdArray::from_shape_vec(&[n], ys)?;

    // 1. Normal equations: (X^T X) b = X^T y.
    let xt = x.view().t();
    let xtx = linalg::matmul(&xt, &x)?;
    let xty = linalg::matmul(&xt, &y)?;
    let b_normal = linalg::solve(&xtx, &xty)?;
    println!(">>> np.linalg.solve(X.T @ X, X.T @ y)\n{b_normal}");
    // X^T X is symmetric positive definite, so Cholesky works too: L L^T b = X^T y.
    let l = linalg::cholesky(&xtx)?;
    println!(">>> np.linalg.cholesky(X.T @ X)\n{l}");

    // 2. lstsq (SVD): also reports the residual sum of squares, rank and singular values.
    let fit = linalg::lstsq(&x, &y, None)?;
    println!(
        ">>> np.linalg.lstsq(X, y)\nx = {}\nresiduals = {}\nrank = {}\ns = {}",
        fit.x, fit.residuals, fit.rank, fit.s
    );

    // 3. QR: R b = Q^T y.
    let f = linalg::qr(&x, QrMode::Reduced)?;
    let q = f.q.expect("reduced mode returns Q");
    let qty = linalg::matmul(&q.view().t(), &y)?;
    let b_qr = linalg::solve(&f.r, &qty)?;
    println!(">>> Q, R = np.linalg.qr(X); np.linalg.solve(R, Q.T @ y)\n{b_qr}");

    for (name, b) in [("normal", &b_normal), ("lstsq", &fit.x), ("qr", &b_qr)] {
        let err = b
            .to_vec()
            .iter()
            .zip(truth)
            .fold(0.0f64, |m, (g, t)| m.max((g - t).abs()));
        println!("{name}: max |b - truth| = {err:.2e}");
        assert!(err < 0.01, "{name} fit is off");
    }
    println!("condition number of X: {}", linalg::cond(&x, None)?);
    Ok(())
}
