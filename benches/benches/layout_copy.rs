//! Criterion benches for allocation and layout copies (issue: core foundation).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use numerust::prelude::*;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let n = 10_000_000usize;
    let mut g = c.benchmark_group("creation");
    g.throughput(Throughput::Bytes((n * 8) as u64));
    g.sample_size(20);
    g.bench_function("zeros f64 1e7", |b| {
        b.iter(|| zeros::<f64>(black_box(&[n])).unwrap())
    });
    g.finish();

    let m =
        NdArray::from_shape_vec(&[2000, 2000], (0..4_000_000).map(f64::from).collect()).unwrap();
    let mut g = c.benchmark_group("layout");
    g.throughput(Throughput::Bytes(2000 * 2000 * 8 * 2));
    g.sample_size(20);
    g.bench_function("as_standard_layout(a.T) 2000x2000", |b| {
        b.iter(|| black_box(&m).t().as_standard_layout())
    });
    g.bench_function("a[::2] copy 1e7", |b| {
        let a = NdArray::from_vec((0..n).map(|i| i as f64).collect());
        b.iter(|| black_box(&a).slice(s![..;2]).to_owned())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
