//! Laws and statistics of numerust-random that need no NumPy twin: NumPy's error messages,
//! permutation and sampling laws (proptest), moments and chi-square bins with fixed seeds,
//! thread-count independence of the parallel fills, and the rand_core bridge.

use numerust_core::NdArray;
use numerust_random::{ChoiceOptions, RandomState, default_rng};
use proptest::prelude::*;

fn msg<T: std::fmt::Debug>(r: Result<T, numerust_random::RandomError>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn invalid_parameters_give_numpys_messages() {
    let mut g = default_rng(0);
    assert_eq!(msg(g.normal(0.0, -1.0, &[3])), "scale < 0");
    assert_eq!(msg(g.normal(0.0, -0.0, &[3])), "scale < 0");
    assert_eq!(msg(g.exponential(-1.0, &[3])), "scale < 0");
    assert_eq!(
        msg(g.uniform(0.0, f64::INFINITY, &[3])),
        "high - low range exceeds valid bounds"
    );
    assert_eq!(msg(g.uniform(1.0, 0.0, &[3])), "high - low < 0");
    assert_eq!(msg(g.integers(5i64, 5, &[3])), "low >= high");
    assert_eq!(msg(g.integers_endpoint(5i64, 4, &[3])), "low > high");
    assert_eq!(msg(g.binomial(-1, 0.5, &[3])), "n < 0");
    assert_eq!(msg(g.binomial(5, 1.5, &[3])), "p < 0, p > 1 or p is NaN");
    assert_eq!(
        msg(g.binomial(5, f64::NAN, &[3])),
        "p < 0, p > 1 or p is NaN"
    );
    assert_eq!(msg(g.poisson(-1.0, &[3])), "lam < 0 or lam is NaN");
    assert_eq!(msg(g.poisson(1e19, &[3])), "lam value too large");
    let norep = ChoiceOptions {
        replace: false,
        ..Default::default()
    };
    assert_eq!(
        msg(g.choice(5, &[6], &norep)),
        "Cannot take a larger sample than population when replace is False"
    );
    let bad = [0.5, 0.6, 0.1];
    let p = ChoiceOptions {
        p: Some(&bad),
        ..Default::default()
    };
    assert_eq!(
        msg(g.choice(3, &[2], &p)),
        "Probabilities do not sum to 1. See Notes section of docstring for more information."
    );
    let neg = [0.5, -0.1, 0.6];
    let p = ChoiceOptions {
        p: Some(&neg),
        ..Default::default()
    };
    assert_eq!(
        msg(g.choice(3, &[2], &p)),
        "Probabilities are not non-negative"
    );
    let short = [0.5, 0.5];
    let p = ChoiceOptions {
        p: Some(&short),
        ..Default::default()
    };
    assert_eq!(msg(g.choice(3, &[2], &p)), "a and p must have same size");
    assert_eq!(
        msg(g.choice(0, &[1], &ChoiceOptions::default())),
        "a must be a positive integer unless no samples are taken"
    );
    assert_eq!(
        g.choice(0, &[0], &ChoiceOptions::default()).unwrap().size(),
        0
    );
    let one_hot = [1.0, 0.0, 0.0];
    let p = ChoiceOptions {
        replace: false,
        p: Some(&one_hot),
        ..Default::default()
    };
    assert_eq!(
        msg(g.choice(3, &[2], &p)),
        "Fewer non-zero entries in p than size"
    );
    // An array shape too large to address, or a permutation too large for memory, is an
    // error, not a panic or an abort.
    assert!(g.random(&[usize::MAX, 2]).is_err());
    assert!(msg(g.permutation(usize::MAX / 2)).starts_with("Unable to allocate"));
    assert!(g.choice(1 << 60, &[1 << 59], &norep).is_err());
    assert!(RandomState::new(0).permutation(usize::MAX / 2).is_err());

    let mut r = RandomState::new(0);
    assert_eq!(msg(r.randint(5, 5, &[1])), "low >= high");
    assert_eq!(msg(r.normal(0.0, -1.0, &[1])), "scale < 0");
    assert_eq!(
        msg(r.uniform(0.0, f64::INFINITY, &[1])),
        "Range exceeds valid bounds"
    );
    assert_eq!(
        msg(r.choice(5, &[6], &norep)),
        "Cannot take a larger sample than population when 'replace=False'"
    );
    let p = ChoiceOptions {
        p: Some(&bad),
        ..Default::default()
    };
    assert_eq!(msg(r.choice(3, &[2], &p)), "probabilities do not sum to 1");
    assert_eq!(msg(RandomState::from_array(&[])), "Seed must be non-empty");
}

#[test]
fn out_of_range_bounds_are_refused_per_dtype() {
    let mut g = default_rng(1);
    let lo = NdArray::from_vec(vec![0u8, 5]);
    let hi = NdArray::from_vec(vec![10u8, 5]);
    assert_eq!(msg(g.integers_array(&lo, &hi, false)), "low >= high");
    assert_eq!(msg(g.integers(0u8, 0, &[1])), "low >= high");
    // The full range of a dtype is reachable with endpoint.
    let all = g.integers_endpoint(0u8, 255, &[4000]).unwrap().to_vec();
    assert!(all.contains(&0) && all.contains(&255));
}

proptest! {
    #[test]
    fn permutation_is_a_permutation(seed in any::<u64>(), n in 0usize..300) {
        let mut p = default_rng(seed).permutation(n).unwrap().to_vec();
        p.sort_unstable();
        prop_assert_eq!(p, (0..n as i64).collect::<Vec<_>>());
    }

    #[test]
    fn legacy_shuffle_keeps_the_elements(seed in any::<u32>(), n in 0usize..200) {
        let mut x: Vec<i64> = (0..n as i64).map(|v| v * 7 % 13).collect();
        let mut want = x.clone();
        RandomState::new(seed).shuffle_slice(&mut x);
        x.sort_unstable();
        want.sort_unstable();
        prop_assert_eq!(x, want);
    }

    #[test]
    fn choice_without_replacement_is_unique_and_in_range(
        seed in any::<u64>(),
        pop in 1usize..30_000,
        frac in 0.0f64..1.0,
        shuffle in any::<bool>(),
    ) {
        let size = ((pop as f64 * frac) as usize).min(3000);
        let opts = ChoiceOptions { replace: false, shuffle, ..Default::default() };
        let mut v = default_rng(seed).choice(pop, &[size], &opts).unwrap().to_vec();
        prop_assert_eq!(v.len(), size);
        prop_assert!(v.iter().all(|&x| x >= 0 && (x as usize) < pop));
        v.sort_unstable();
        v.dedup();
        prop_assert_eq!(v.len(), size);
    }

    #[test]
    fn integers_stay_in_bounds(seed in any::<u64>(), a in any::<i16>(), b in any::<i16>()) {
        let (lo, hi) = (a.min(b), a.max(b));
        let mut g = default_rng(seed);
        let v = g.integers_endpoint(lo, hi, &[64]).unwrap().to_vec();
        prop_assert!(v.iter().all(|&x| lo <= x && x <= hi));
        let w = g.integers_endpoint(i64::from(lo), i64::from(hi), &[64]).unwrap().to_vec();
        prop_assert!(w.iter().all(|&x| i64::from(lo) <= x && x <= i64::from(hi)));
    }

    #[test]
    fn shapes_are_kept_and_split_calls_continue_the_stream(
        seed in any::<u64>(), rows in 0usize..6, cols in 0usize..6,
    ) {
        let a = default_rng(seed).standard_normal(&[rows, cols]).unwrap();
        prop_assert_eq!(a.shape(), &[rows, cols]);
        let mut g = default_rng(seed);
        let mut parts = g.standard_normal(&[rows]).unwrap().to_vec();
        parts.extend(g.standard_normal(&[rows * cols - rows.min(rows * cols)]).unwrap().to_vec());
        let flat = default_rng(seed).standard_normal(&[rows * cols]).unwrap().to_vec();
        if rows * cols >= rows {
            prop_assert_eq!(parts, flat);
        }
    }
}

fn mean_var(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    let m = v.iter().sum::<f64>() / n;
    (
        m,
        v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0),
    )
}

#[test]
fn moments_are_right_with_fixed_seeds() {
    let n = 200_000;
    let mut g = default_rng(2024);
    let z: Vec<f64> = g
        .standard_normal_f32(&[n])
        .unwrap()
        .to_vec()
        .iter()
        .map(|&x| f64::from(x))
        .collect();
    let (m, v) = mean_var(&z);
    assert!(
        m.abs() < 0.01 && (v - 1.0).abs() < 0.01,
        "f32 normal {m} {v}"
    );
    let e: Vec<f64> = g
        .standard_exponential_f32(&[n])
        .unwrap()
        .to_vec()
        .iter()
        .map(|&x| f64::from(x))
        .collect();
    let (m, v) = mean_var(&e);
    assert!(
        (m - 1.0).abs() < 0.01 && (v - 1.0).abs() < 0.03,
        "f32 exp {m} {v}"
    );
    for &lam in &[0.5, 4.0, 30.0, 1e5] {
        let x: Vec<f64> = g
            .poisson(lam, &[n])
            .unwrap()
            .to_vec()
            .iter()
            .map(|&k| k as f64)
            .collect();
        let (m, v) = mean_var(&x);
        assert!(
            (m - lam).abs() < 5.0 * (lam / n as f64).sqrt(),
            "poisson({lam}) mean {m}"
        );
        assert!((v / lam - 1.0).abs() < 0.03, "poisson({lam}) var {v}");
    }
    for &(trials, p) in &[(10i64, 0.2), (1000, 0.3), (1000, 0.95), (40, 0.5)] {
        let x: Vec<f64> = g
            .binomial(trials, p, &[n])
            .unwrap()
            .to_vec()
            .iter()
            .map(|&k| k as f64)
            .collect();
        let (m, v) = mean_var(&x);
        let (em, ev) = (trials as f64 * p, trials as f64 * p * (1.0 - p));
        assert!(
            (m - em).abs() < 5.0 * (ev / n as f64).sqrt(),
            "binomial mean {m} vs {em}"
        );
        assert!((v / ev - 1.0).abs() < 0.03, "binomial var {v} vs {ev}");
    }
    let mut r = RandomState::new(99);
    let (m, v) = mean_var(&r.normal(3.0, 2.0, &[n]).unwrap().to_vec());
    assert!(
        (m - 3.0).abs() < 0.02 && (v - 4.0).abs() < 0.05,
        "legacy normal {m} {v}"
    );
}

#[test]
fn small_integer_dtypes_pass_a_chi_square_test() {
    // 10 bins, 100k draws: the 0.999 quantile of chi2(9) is 27.88.
    let n = 100_000;
    let mut g = default_rng(5);
    let check = |counts: [u64; 10], what: &str| {
        let e = n as f64 / 10.0;
        let chi2: f64 = counts.iter().map(|&c| (c as f64 - e).powi(2) / e).sum();
        assert!(chi2 < 27.88, "{what}: chi2 {chi2}");
    };
    let mut c = [0u64; 10];
    g.integers(0u8, 10, &[n])
        .unwrap()
        .to_vec()
        .iter()
        .for_each(|&x| c[x as usize] += 1);
    check(c, "uint8");
    let mut c = [0u64; 10];
    g.integers(-5i16, 5, &[n])
        .unwrap()
        .to_vec()
        .iter()
        .for_each(|&x| c[(x + 5) as usize] += 1);
    check(c, "int16");
    let mut c = [0u64; 10];
    let mut r = RandomState::new(5);
    r.randint(0, 10, &[n])
        .unwrap()
        .to_vec()
        .iter()
        .for_each(|&x| c[x as usize] += 1);
    check(c, "legacy randint");
}

#[test]
fn parallel_fills_do_not_depend_on_the_thread_count() {
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let mut g = default_rng(11);
            let a = g.par_random(&[50_000], 4096).unwrap().to_vec();
            let b = g.par_standard_normal(&[30, 1000], 1000).unwrap().to_vec();
            (a, b)
        })
    };
    let (a1, b1) = run(1);
    let (a2, b2) = run(2);
    assert!(a1 == a2 && b1 == b2);
    // A different chunking is a different (equally valid) stream.
    let other = default_rng(11)
        .par_random(&[50_000], 1000)
        .unwrap()
        .to_vec();
    assert_ne!(other, a1);
    assert!(default_rng(11).par_random(&[10], 0).is_err());
}

#[test]
fn the_rand_ecosystem_runs_on_numpys_stream() {
    use rand::seq::SliceRandom;
    use rand::{Rng, RngExt};
    let mut g = default_rng(42);
    let mut bytes = [0u8; 12];
    g.fill_bytes(&mut bytes);
    let mut raw = default_rng(42);
    let w0 = raw.next_u64().to_le_bytes();
    let w1 = raw.next_u64().to_le_bytes();
    assert_eq!(bytes[..8], w0);
    assert_eq!(bytes[8..], w1[..4]);
    let x: f64 = RngExt::random(&mut g); // the inherent `random` takes a shape
    assert!((0.0..1.0).contains(&x));
    let mut v: Vec<u32> = (0..20).collect();
    v.shuffle(&mut g);
    v.sort_unstable();
    assert_eq!(v, (0..20).collect::<Vec<_>>());
    let k = g.random_range(10..20);
    assert!((10..20).contains(&k));
}
