//! Times numerust-stats' sorts on 1e6 elements (the rows `just compare` lacks):
//! `cargo run --release -p numerust-stats --example sort_timing`.
use numerust_core::NdArray;
use std::time::Instant;

fn rnd(n: usize, seed: u64) -> Vec<f64> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect()
}

fn best<R>(name: &str, mut f: impl FnMut() -> R) {
    let mut b = f64::MAX;
    for _ in 0..15 {
        let t = Instant::now();
        std::hint::black_box(f());
        b = b.min(t.elapsed().as_secs_f64());
    }
    println!("{name:40} {:8.3} ms", b * 1e3);
}

fn main() {
    let n = 1_000_000;
    let x = NdArray::from_vec(rnd(n, 3)).mapv(|v| v);
    let x32 = x.mapv(|v| v as f32);
    let xi = x.mapv(|v| (v * 1e12) as i64 - 500_000_000_000);
    let few = x.mapv(|v| (v * 1000.0).floor());
    best("sort f64 random", || numerust_stats::sort(&x).unwrap());
    best("sort f32 random", || numerust_stats::sort(&x32).unwrap());
    best("sort i64 random", || numerust_stats::sort(&xi).unwrap());
    best("sort f64 few-unique", || {
        numerust_stats::sort(&few).unwrap()
    });
    let sorted = numerust_stats::sort(&x).unwrap();
    best("sort f64 sorted", || numerust_stats::sort(&sorted).unwrap());
    best("argsort f64 random", || {
        numerust_stats::argsort(&x).unwrap()
    });
    best("std sort_unstable_by total_cmp", || {
        let mut v = x.to_vec();
        v.sort_unstable_by(f64::total_cmp);
        v
    });
}
