//! Criterion benches for numerust-random: the fills of the random issue (1e7 uniform,
//! normal and bounded integers; choice, shuffle and permutation at 1e6). `just compare`
//! times the same rows against NumPy in one sitting.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use numerust::prelude::*;
use numerust::random::{ChoiceOptions, default_rng};
use std::hint::black_box;

const N7: usize = 10_000_000;
const N6: usize = 1_000_000;

fn fills(c: &mut Criterion) {
    let mut g = c.benchmark_group("random fills 1e7");
    g.throughput(Throughput::Elements(N7 as u64));
    g.sample_size(10);
    let mut rng = default_rng(0);
    g.bench_function("random f64", |b| {
        b.iter(|| rng.random(black_box(&[N7])).unwrap())
    });
    g.bench_function("random f32", |b| {
        b.iter(|| rng.random_f32(black_box(&[N7])).unwrap())
    });
    g.bench_function("standard_normal f64", |b| {
        b.iter(|| rng.standard_normal(black_box(&[N7])).unwrap())
    });
    g.bench_function("integers(0,1000) i64", |b| {
        b.iter(|| rng.integers(0i64, 1000, black_box(&[N7])).unwrap())
    });
    g.finish();
}

fn sampling(c: &mut Criterion) {
    let mut g = c.benchmark_group("random sampling 1e6");
    g.throughput(Throughput::Elements(N6 as u64));
    g.sample_size(20);
    let mut rng = default_rng(0);
    let with = ChoiceOptions::default();
    let without = ChoiceOptions {
        replace: false,
        ..ChoiceOptions::default()
    };
    g.bench_function("choice with replacement", |b| {
        b.iter(|| rng.choice(black_box(N6), &[N6], &with).unwrap())
    });
    g.bench_function("choice 1e5 without replacement", |b| {
        b.iter(|| rng.choice(black_box(N6), &[N6 / 10], &without).unwrap())
    });
    let mut x = NdArray::from_vec((0..N6).map(|i| i as f64).collect());
    g.bench_function("shuffle f64", |b| b.iter(|| rng.shuffle(&mut x).unwrap()));
    g.bench_function("permutation", |b| {
        b.iter(|| rng.permutation(black_box(N6)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, fills, sampling);
criterion_main!(benches);
