//! Principal component analysis two ways: `cargo run --release --example pca`.
//!
//! Data: 300 points in 3-D stretched along a known direction. PCA by `np.linalg.eigh` of the
//! covariance matrix (eigenvalues ascending: the last is the first component) and by
//! `np.linalg.svd` of the centred data (singular values descending; `s**2 / (n - 1)` are the
//! variances). Both must find the same axis (up to sign) and the same explained variances.

use numerust::NdArray;
use numerust::linalg;

fn uniform(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = 300usize;
    let axis = [2.0f64 / 3.0, -2.0 / 3.0, 1.0 / 3.0]; // unit length
    let mut st = 0x9E37_79B9_7F4A_7C15_u64;
    let mut data = Vec::with_capacity(n * 3);
    for _ in 0..n {
        let t = 5.0 * uniform(&mut st);
        for &a in &axis {
            data.push(3.0 + t * a + 0.3 * uniform(&mut st));
        }
    }
    // Centre the columns.
    let mut mean = [0.0; 3];
    for row in data.chunks(3) {
        for (m, v) in mean.iter_mut().zip(row) {
            *m += v / n as f64;
        }
    }
    let centred: Vec<f64> = data
        .chunks(3)
        .flat_map(|r| (0..3).map(move |j| r[j]))
        .enumerate()
        .map(|(k, v)| v - mean[k % 3])
        .collect();
    let xc = NdArray::from_shape_vec(&[n, 3], centred)?;

    // 1. eigh of the covariance matrix, C = Xc^T Xc / (n - 1).
    let c = linalg::matmul(&xc.view().t(), &xc)?;
    let cov = NdArray::from_shape_vec(
        &[3, 3],
        c.to_vec().iter().map(|v| v / (n as f64 - 1.0)).collect(),
    )?;
    let (w, v) = linalg::eigh(&cov)?;
    println!(">>> w, v = np.linalg.eigh(np.cov(X.T))\nw = {w}\nv = {v}");
    let vv = v.to_vec();
    let pc_eigh = [vv[2], vv[5], vv[8]]; // last column: the largest eigenvalue

    // 2. svd of the centred data.
    let f = linalg::svd(&xc, false)?;
    println!(
        ">>> u, s, vt = np.linalg.svd(Xc, full_matrices=False)\ns = {}\nvt = {}",
        f.s, f.vt
    );
    let vt = f.vt.to_vec();
    let pc_svd = [vt[0], vt[1], vt[2]];
    let var_svd: Vec<f64> =
        f.s.to_vec()
            .iter()
            .map(|s| s * s / (n as f64 - 1.0))
            .collect();

    let cos = |a: &[f64; 3], b: &[f64; 3]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>().abs();
    println!(
        "|cos(pc_eigh, axis)| = {:.6}, |cos(pc_svd, axis)| = {:.6}",
        cos(&pc_eigh, &axis),
        cos(&pc_svd, &axis)
    );
    let wv = w.to_vec();
    println!(
        "explained variance: eigh {:?}\n                    svd  {:?}",
        [wv[2], wv[1], wv[0]],
        var_svd
    );
    assert!(cos(&pc_eigh, &axis) > 0.999 && cos(&pc_svd, &axis) > 0.999);
    assert!((wv[2] - var_svd[0]).abs() < 1e-9 * wv[2]);
    Ok(())
}
