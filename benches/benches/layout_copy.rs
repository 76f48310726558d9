//! Criterion benches for the core array: allocation, ranges, layout copies, joins and
//! indexing (the rows of the core issue; `just compare` times the same rows against NumPy).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use numerust::prelude::*;
use numerust::{arange, concatenate, linspace, vstack};
use std::hint::black_box;

const N7: usize = 10_000_000;

fn pseudo_random(n: usize, seed: u64) -> NdArray<f64> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let v: Vec<f64> = (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect();
    // Through `mapv` so the data lives in a huge-page buffer, as NumPy's does.
    NdArray::from_vec(v).mapv(|x| x)
}

fn creation(c: &mut Criterion) {
    let mut g = c.benchmark_group("creation");
    g.throughput(Throughput::Bytes((N7 * 8) as u64));
    g.sample_size(20);
    g.bench_function("zeros f64 1e7", |b| {
        b.iter(|| zeros::<f64>(black_box(&[N7])).unwrap())
    });
    g.bench_function("arange f64 1e7", |b| {
        b.iter(|| arange::<f64>(black_box(N7 as f64)).unwrap())
    });
    g.bench_function("linspace f64 1e7", |b| {
        b.iter(|| linspace(0.0f64, 1.0, black_box(N7), true).unwrap())
    });
    g.finish();
}

fn layout(c: &mut Criterion) {
    let m = pseudo_random(4_000_000, 1).reshape([2000, 2000]).unwrap();
    let a = pseudo_random(N7, 2);
    let mut g = c.benchmark_group("layout");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(2000 * 2000 * 8 * 2));
    g.bench_function("as_standard_layout(a.T) 2000x2000", |b| {
        b.iter(|| black_box(&m).t().as_standard_layout())
    });
    g.throughput(Throughput::Bytes((N7 / 2 * 8 * 2) as u64));
    g.bench_function("a[::2] copy 1e7", |b| {
        b.iter(|| black_box(&a).slice(s![..;2]).to_owned())
    });
    g.finish();
}

fn joins(c: &mut Criterion) {
    let p = pseudo_random(5_000_000, 3).reshape([5000, 1000]).unwrap();
    let q = pseudo_random(5_000_000, 4).reshape([5000, 1000]).unwrap();
    let mut g = c.benchmark_group("joins");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(2 * 2 * 5_000_000 * 8));
    g.bench_function("concatenate 2x(5000,1000)", |b| {
        b.iter(|| concatenate(&[black_box(&p), &q], 0).unwrap())
    });
    g.bench_function("vstack 2x(5000,1000)", |b| {
        b.iter(|| vstack(&[black_box(&p), &q]).unwrap())
    });
    g.finish();
}

fn indexing(c: &mut Criterion) {
    let a = pseudo_random(N7, 5);
    let idx: Vec<i64> = pseudo_random(1_000_000, 6)
        .iter()
        .map(|&u| (u * N7 as f64) as i64)
        .collect();
    let mask = a.mapv(|x| x > 0.5);
    let mut g = c.benchmark_group("indexing");
    g.sample_size(20);
    g.throughput(Throughput::Elements(1_000_000));
    g.bench_function("a[idx] 1e6 of 1e7", |b| {
        b.iter(|| black_box(&a).take(&idx, None).unwrap())
    });
    g.throughput(Throughput::Elements(N7 as u64));
    g.bench_function("a[mask] 1e7", |b| {
        b.iter(|| black_box(&a).mask(&mask).unwrap())
    });
    g.bench_function("a[a > 0.5] 1e7", |b| {
        b.iter(|| black_box(&a).mask(&a.mapv(|x| x > 0.5)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, creation, layout, joins, indexing);
criterion_main!(benches);
