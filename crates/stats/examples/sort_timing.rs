//! Times numerust-stats' sorts on 1e6 elements (the rows `just compare` lacks):
//! `cargo run --release -p numerust-stats --example sort_timing [filter]`; large sorts use
//! rayon's pool, so `RAYON_NUM_THREADS=1` gives the single-threaded times.
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
    // an optional argument keeps only the rows whose name contains it
    if let Some(filter) = std::env::args().nth(1)
        && !name.contains(&filter)
    {
        return;
    }
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
    let xw = x.mapv(|v| ((v - 0.5) * 9.2e18) as i64);
    best("sort i64 random full range", || {
        numerust_stats::sort(&xw).unwrap()
    });
    best("sort f64 few-unique", || {
        numerust_stats::sort(&few).unwrap()
    });
    let ten = x.mapv(|v| (v * 10.0).floor());
    best("sort f64 10 distinct", || {
        numerust_stats::sort(&ten).unwrap()
    });
    best("unique f64 1e3 distinct", || numerust_stats::unique(&few));
    let x5 = NdArray::from_vec(rnd(100_000, 9));
    best("sort f64 1e5 random (x10)", || {
        for _ in 0..10 {
            std::hint::black_box(numerust_stats::sort(&x5).unwrap());
        }
    });
    let sorted = numerust_stats::sort(&x).unwrap();
    best("sort f64 sorted", || numerust_stats::sort(&sorted).unwrap());
    best("argsort f64 random", || {
        numerust_stats::argsort(&x).unwrap()
    });
    let keys: Vec<u64> = x.iter().map(|v| v.to_bits()).collect();
    let mut buf = keys.clone();
    best("copy 1e6 u64 keys (the next rows include it)", || {
        buf.copy_from_slice(&keys);
    });
    best("kernel: keysort::sort_u64 (AVX-512)", || {
        buf.copy_from_slice(&keys);
        numerust_kernels::keysort::sort_u64(&mut buf)
    });
    let wide: Vec<u64> = xw.iter().map(|&v| v as u64 ^ 1 << 63).collect();
    best("kernel: keysort::sort_u64 full-range keys", || {
        buf.copy_from_slice(&wide);
        numerust_kernels::keysort::sort_u64(&mut buf)
    });
    let mut small = keys[..100_000].to_vec();
    best("kernel: keysort::sort_u64 1e5 (x10)", || {
        for _ in 0..10 {
            small.copy_from_slice(&keys[..100_000]);
            numerust_kernels::keysort::sort_u64(&mut small);
        }
    });
    let mut small32: Vec<u32> = keys.iter().map(|&k| (k >> 32) as u32).collect();
    let keys32 = small32.clone();
    best("kernel: keysort::sort_u32 1e6", || {
        small32.copy_from_slice(&keys32);
        numerust_kernels::keysort::sort_u32(&mut small32);
    });
    best("kernel: slice::sort_unstable u64", || {
        buf.copy_from_slice(&keys);
        buf.sort_unstable()
    });
    let m = NdArray::from_vec(rnd(50_000, 5))
        .reshape([1000, 50])
        .unwrap();
    let opts = numerust_stats::CovOptions {
        rowvar: false,
        ..Default::default()
    };
    best("cov 1000x50 rowvar=False (x100)", || {
        for _ in 0..100 {
            std::hint::black_box(numerust_stats::cov(&m, opts).unwrap());
        }
    });
    best("argsort f32 random", || {
        numerust_stats::argsort(&x32).unwrap()
    });
    best("std sort_unstable_by total_cmp", || {
        let mut v = x.to_vec();
        v.sort_unstable_by(f64::total_cmp);
        v
    });
}
