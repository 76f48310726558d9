//! GFLOP/s of `matmul` on square row-major matrices, per kernel level and thread count.
//!
//! `cargo run --release -p numerust-linalg --example gemm_gflops -- [n ...]`
//! (`RAYON_NUM_THREADS` sets the threads).

use numerust_core::NdArray;
use numerust_linalg::gemm::{
    Blocking, GemmConfig, GemmLevel, GemmScalar, MatMut, MatRef, gemm_mat_with,
};
use std::time::Instant;

fn fill<T: GemmScalar>(n: usize, seed: u64, from: fn(f64) -> T) -> Vec<T> {
    let mut x = seed | 1;
    (0..n * n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            from((x >> 11) as f64 / (1u64 << 53) as f64)
        })
        .collect()
}

fn cpu_time() -> bool {
    std::env::var("GEMM_CPU_TIME").is_ok_and(|v| v == "1")
}

/// CPU time of the calling thread, in seconds.
fn thread_cpu_seconds() -> f64 {
    #[cfg(target_os = "linux")]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: a valid clock id and a valid out-pointer.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
    }
    #[cfg(not(target_os = "linux"))]
    0.0
}

fn time<T: GemmScalar>(level: GemmLevel, n: usize, from: fn(f64) -> T) -> f64 {
    let (a, b) = (fill(n, 1, from), fill(n, 2, from));
    let mut c = vec![T::zero(); n * n];
    // GEMM_BLOCK=mc,kc,nc overrides the block sizes (for tuning).
    let blocking = std::env::var("GEMM_BLOCK").ok().map(|v| {
        let x: Vec<usize> = v
            .split(',')
            .map(|t| t.trim().parse().expect("a number"))
            .collect();
        Blocking {
            mc: x[0],
            kc: x[1],
            nc: x[2],
        }
    });
    let cfg = GemmConfig {
        level,
        blocking,
        ..GemmConfig::default()
    };
    let mut run = || {
        gemm_mat_with(
            &cfg,
            T::one(),
            MatRef::from_slice(&a, n, n),
            MatRef::from_slice(&b, n, n),
            T::zero(),
            MatMut::from_slice(&mut c, n, n),
        )
    };
    run();
    // The minimum over single calls: the machine may be shared, and the fastest call is
    // the one nobody interrupted.
    let calls = (4e9 / (2.0 * (n as f64).powi(3))).clamp(5.0, 5000.0) as usize;
    let mut best = f64::MAX;
    for _ in 0..calls {
        let (t, c0) = (Instant::now(), thread_cpu_seconds());
        run();
        let wall = t.elapsed().as_secs_f64();
        // GEMM_CPU_TIME=1: this thread's CPU time, which a busy machine's preemptions do
        // not inflate (meaningful with RAYON_NUM_THREADS=1 only).
        best = best.min(if cpu_time() {
            thread_cpu_seconds() - c0
        } else {
            wall
        });
    }
    2.0 * (n as f64).powi(3) / best / 1e9
}

fn main() {
    if let Ok(n) = std::env::var("GEMM_PROFILE_N") {
        // Profiling aid: one size at the best level, f32 then f64, for a few seconds.
        let n: usize = n.parse().expect("GEMM_PROFILE_N is a size");
        for _ in 0..20 {
            time::<f32>(GemmLevel::detected(), n, |x| x as f32);
        }
        return;
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|s| s.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![64, 256, 1024, 2048]
    } else {
        sizes
    };
    println!("threads: {}", rayon::current_num_threads());
    for level in GemmLevel::available() {
        for &n in &sizes {
            let d = time::<f64>(level, n, |x| x);
            let s = time::<f32>(level, n, |x| x as f32);
            println!("{level:?} n={n}: f64 {d:.1} GFLOP/s  f32 {s:.1} GFLOP/s");
        }
    }
    let _ = NdArray::<f64>::from_vec(vec![]);
}
