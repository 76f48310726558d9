//! numerust's side of `just compare`: the rows of `../shared/bench/numpy_bench.py` that
//! numerust implements, under the same names, as JSON lines.
//!
//! `cargo run --release -p numerust-benches --bin compare -- --out FILE [--filter S] [--quick] [--list]`

use numerust::prelude::*;
use numerust::{arange, concatenate, linspace, vstack};
use numerust_benches::Suite;

const N7: usize = 10_000_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut out, mut filters, mut quick, mut list) = (None, Vec::new(), false, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next(),
            "--filter" => filters.push(args.next().expect("--filter takes a value")),
            "--quick" => quick = true,
            "--list" => list = true,
            other => panic!("unknown argument {other}"),
        }
    }
    let sink: Box<dyn std::io::Write> = match out {
        Some(p) => Box::new(std::fs::File::create(p).expect("create --out file")),
        None => Box::new(std::io::stdout()),
    };
    let mut s = if list {
        Suite::lister(filters)
    } else {
        Suite::new(filters, quick, sink)
    };
    creation(&mut s);
    random_rows(&mut s);
    binary(&mut s);
    strided(&mut s);
    index(&mut s);
    manip(&mut s);
    simple_ufuncs(&mut s);
    log_rows(&mut s);
    exp_rows(&mut s);
    trig_rows(&mut s);
    reduce_rows(&mut s);
    io_rows(&mut s);
    stats_rows(&mut s);
    linalg_rows(&mut s);
    linalg_solver_rows(&mut s);
}

/// A deterministic pseudo-random f64 vector in [0, 1) (the values do not matter for speed).
fn random_vec(n: usize, seed: u64) -> Vec<f64> {
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

fn random_array(shape: &[usize], seed: u64) -> NdArray<f64> {
    let n = shape.iter().product();
    NdArray::from_shape_vec(shape, random_vec(n, seed)).expect("shape matches")
}

fn creation(s: &mut Suite) {
    s.run(
        "creation",
        "arange",
        "f64",
        "10000000",
        || (),
        |_| arange::<f64>(N7 as f64).unwrap(),
    );
    s.run(
        "creation",
        "linspace(0,1)",
        "f64",
        "10000000",
        || (),
        |_| linspace(0.0f64, 1.0, N7, true).unwrap(),
    );
    s.run(
        "creation",
        "zeros",
        "f64",
        "10000000",
        || (),
        |_| zeros::<f64>(&[N7]).unwrap(),
    );
    s.run(
        "creation",
        "zeros",
        "f32",
        "10000000",
        || (),
        |_| zeros::<f32>(&[N7]).unwrap(),
    );
    s.run(
        "creation",
        "zeros+touch(fill 0)",
        "f64",
        "10000000",
        || (),
        |_| {
            let mut z = zeros::<f64>(&[N7]).unwrap();
            z.fill(0.0);
            z
        },
    );
}

/// NumPy's `default_rng(0)` rows: the same streams, bit for bit, written into fresh arrays.
fn random_rows(s: &mut Suite) {
    use numerust::random::default_rng;
    let mut g = default_rng(0);
    s.run(
        "creation",
        "random(uniform)",
        "f64",
        "10000000",
        || (),
        |_| g.random(&[N7]).unwrap(),
    );
    s.run(
        "creation",
        "random(uniform)",
        "f32",
        "10000000",
        || (),
        |_| g.random_f32(&[N7]).unwrap(),
    );
    s.run(
        "creation",
        "standard_normal",
        "f64",
        "10000000",
        || (),
        |_| g.standard_normal(&[N7]).unwrap(),
    );
    s.run(
        "creation",
        "integers(0,1000)",
        "i64",
        "10000000",
        || (),
        |_| g.integers(0i64, 1000, &[N7]).unwrap(),
    );
    // Rows of benches/numpy_extra.py (the shared script has no choice/shuffle rows).
    use numerust::random::ChoiceOptions;
    const N6: usize = 1_000_000;
    let size = N6.to_string();
    let with = ChoiceOptions::default();
    s.run(
        "random",
        "choice(1e6, 1e6) with replacement",
        "i64",
        &size,
        || (),
        |_| g.choice(N6, &[N6], &with).unwrap(),
    );
    let without = ChoiceOptions {
        replace: false,
        ..ChoiceOptions::default()
    };
    s.run(
        "random",
        "choice(1e6, 1e5) without replacement",
        "i64",
        &size,
        || (),
        |_| g.choice(N6, &[N6 / 10], &without).unwrap(),
    );
    let mut x = NdArray::from_vec((0..N6).map(|i| i as f64).collect());
    s.run(
        "random",
        "shuffle 1e6",
        "f64",
        &size,
        || (),
        |_| g.shuffle(&mut x).unwrap(),
    );
    s.run(
        "random",
        "permutation 1e6",
        "i64",
        &size,
        || (),
        |_| g.permutation(N6).unwrap(),
    );
}

fn binary(s: &mut Suite) {
    use numerust::ufunc::arith::{add_into, divide_into, multiply_into};
    for n in [1_000usize, 100_000, N7] {
        let size = n.to_string();
        let pair = || {
            let a = &random_array(&[n], 1) + 0.5;
            let b = &random_array(&[n], 2) + 0.5;
            let c = zeros::<f64>(&[n]).unwrap();
            (a, b, std::cell::RefCell::new(c))
        };
        s.run("binary", "a add b", "f64", &size, pair, |(a, b, _)| a + b);
        s.run(
            "binary",
            "add(a,b,out=c)",
            "f64",
            &size,
            pair,
            |(a, b, c)| add_into(a, b, &mut c.borrow_mut().view_mut()).unwrap(),
        );
        s.run("binary", "a mul b", "f64", &size, pair, |(a, b, _)| a * b);
        s.run(
            "binary",
            "mul(a,b,out=c)",
            "f64",
            &size,
            pair,
            |(a, b, c)| multiply_into(a, b, &mut c.borrow_mut().view_mut()).unwrap(),
        );
        s.run("binary", "a div b", "f64", &size, pair, |(a, b, _)| a / b);
        s.run(
            "binary",
            "div(a,b,out=c)",
            "f64",
            &size,
            pair,
            |(a, b, c)| divide_into(a, b, &mut c.borrow_mut().view_mut()).unwrap(),
        );
        let pair32 = || {
            let a = (&random_array(&[n], 1) + 0.5).astype::<f32>();
            let b = (&random_array(&[n], 2) + 0.5).astype::<f32>();
            let c = zeros::<f32>(&[n]).unwrap();
            (a, b, std::cell::RefCell::new(c))
        };
        s.run("binary", "a add b", "f32", &size, pair32, |(a, b, _)| a + b);
        s.run(
            "binary",
            "add(a,b,out=c)",
            "f32",
            &size,
            pair32,
            |(a, b, c)| add_into(a, b, &mut c.borrow_mut().view_mut()).unwrap(),
        );
    }
    let mats = || {
        (
            random_array(&[2000, 2000], 3),
            random_array(&[2000], 4),
            random_array(&[2000, 1], 5),
        )
    };
    s.run(
        "broadcast",
        "(2000,2000)+(2000,)",
        "f64",
        "2000x2000",
        mats,
        |(m, row, _)| m + row,
    );
    s.run(
        "broadcast",
        "(2000,2000)+(2000,1)",
        "f64",
        "2000x2000",
        mats,
        |(m, _, col)| m + col,
    );
}

fn strided(s: &mut Suite) {
    s.run(
        "strided",
        "a.T + b",
        "f64",
        "2000x2000",
        || {
            (
                random_array(&[2000, 2000], 3),
                random_array(&[2000, 2000], 6),
            )
        },
        |(m, m2)| &m.t() + m2,
    );
    s.run(
        "strided",
        "a[::2] * 2.0",
        "f64",
        "10000000",
        || random_array(&[N7], 7),
        |a| &a.slice(s![..;2]) * 2.0,
    );
}

fn index(s: &mut Suite) {
    // Built through `mapv` so the arrays live in huge-page buffers, as NumPy's do.
    let a7 = || random_array(&[N7], 7).mapv(|x| x);
    s.run("index", "a[a>0.5]", "f64", "10000000", a7, |a| {
        a.mask(&a.mapv(|x| x > 0.5)).unwrap()
    });
    let gather = || {
        let idx: Vec<i64> = random_vec(1_000_000, 9)
            .into_iter()
            .map(|u| (u * N7 as f64) as i64)
            .collect();
        (random_array(&[N7], 7).mapv(|x| x), idx)
    };
    s.run(
        "index",
        "a[idx] (1e6 of 1e7)",
        "f64",
        "1000000",
        gather,
        |(a, idx)| a.take(idx, None).unwrap(),
    );
}

fn manip(s: &mut Suite) {
    let pq = || {
        (
            random_array(&[5000, 1000], 11),
            random_array(&[5000, 1000], 12),
        )
    };
    s.run(
        "manip",
        "concatenate 2x(5000,1000)",
        "f64",
        "2x5000x1000",
        pq,
        |(p, q)| concatenate(&[p, q], 0).unwrap(),
    );
    s.run(
        "manip",
        "vstack 2x(5000,1000)",
        "f64",
        "2x5000x1000",
        pq,
        |(p, q)| vstack(&[p, q]).unwrap(),
    );
    s.run(
        "manip",
        "ascontiguousarray(a.T)",
        "f64",
        "2000x2000",
        || random_array(&[2000, 2000], 1),
        |m| m.t().as_standard_layout(),
    );
}

/// Rows of the simple ufuncs (abs, square, sqrt) and `where`, built as numpy_bench.py builds them.
fn simple_ufuncs(s: &mut Suite) {
    use numerust::ufunc::select::where_;
    use numerust::ufunc::simple::{abs, sqrt, square};
    const N6: usize = 1_000_000;
    // numpy_bench: x = rng.random(N6) * 10 + 0.01; xs = rng.random(N6) * 20 - 10.
    let x = || random_array(&[N6], 11).mapv(|u| u * 10.0 + 0.01);
    let xs = || random_array(&[N6], 12).mapv(|u| u * 20.0 - 10.0);
    s.run("unary", "sqrt", "f64", "1000000", x, sqrt);
    s.run("unary", "abs", "f64", "1000000", xs, abs);
    s.run("unary", "x**2", "f64", "1000000", xs, square);
    let x32 = || x().astype::<f32>();
    s.run("unary", "sqrt", "f32", "1000000", x32, sqrt);
    s.run("unary", "power(x,2.5)", "f64", "1000000", x, |a| {
        numerust::power(a, &NdArray::from_elem_0d(2.5)).unwrap()
    });
    let a7 = || random_array(&[N7], 7).mapv(|x| x);
    s.run("index", "where(a>0.5,a,0)", "f64", "10000000", a7, |a| {
        where_(&a.gt_scalar(0.5), a, &NdArray::from_elem_0d(0.0)).unwrap()
    });
}

/// The `log` rows, built as numpy_bench.py builds them: x = rng.random(N6) * 10 + 0.01.
fn log_rows(s: &mut Suite) {
    use numerust::ufunc::log::log;
    const N6: usize = 1_000_000;
    let x = || random_array(&[N6], 13).mapv(|u| u * 10.0 + 0.01);
    s.run("unary", "log", "f64", "1000000", x, log);
    let x32 = || x().astype::<f32>();
    s.run("unary", "log", "f32", "1000000", x32, log);
}

/// The `exp` and `tanh` rows, built as numpy_bench.py builds them: xs = rng.random(N6) * 20 - 10.
fn exp_rows(s: &mut Suite) {
    use numerust::ufunc::exp::{exp, tanh};
    const N6: usize = 1_000_000;
    let xs = || random_array(&[N6], 14).mapv(|u| u * 20.0 - 10.0);
    s.run("unary", "exp", "f64", "1000000", xs, exp);
    s.run("unary", "tanh", "f64", "1000000", xs, tanh);
    let xs32 = || xs().astype::<f32>();
    s.run("unary", "exp", "f32", "1000000", xs32, exp);
}

/// The `sin`/`cos` rows, built as numpy_bench.py builds them: xs = rng.random(N6) * 20 - 10.
fn trig_rows(s: &mut Suite) {
    use numerust::ufunc::trig::{cos, sin};
    const N6: usize = 1_000_000;
    let xs = || random_array(&[N6], 15).mapv(|u| u * 20.0 - 10.0);
    s.run("unary", "sin", "f64", "1000000", xs, sin);
    s.run("unary", "cos", "f64", "1000000", xs, cos);
    let xs32 = || xs().astype::<f32>();
    s.run("unary", "sin", "f32", "1000000", xs32, sin);
}

/// The "reduce" group: whole-array reductions at 1e7 and axis sums of a (4000, 2500) array.
fn reduce_rows(s: &mut Suite) {
    use numerust::reduce;
    // Built through `mapv` so the arrays live in huge-page buffers, as NumPy's do.
    let a7 = || NdArray::from_vec(random_vec(N7, 41)).mapv(|x| x);
    let size = N7.to_string();
    s.run("reduce", "sum", "f64", &size, a7, reduce::sum);
    s.run("reduce", "mean", "f64", &size, a7, reduce::mean);
    s.run("reduce", "std", "f64", &size, a7, reduce::std);
    s.run("reduce", "var", "f64", &size, a7, reduce::var);
    s.run("reduce", "min", "f64", &size, a7, |a| {
        reduce::min(a).unwrap()
    });
    s.run("reduce", "max", "f64", &size, a7, |a| {
        reduce::max(a).unwrap()
    });
    s.run("reduce", "argmax", "f64", &size, a7, |a| {
        reduce::argmax(a).unwrap()
    });
    let a7_32 = || NdArray::from_vec(random_vec(N7, 42)).mapv(|x| x as f32);
    s.run("reduce", "sum", "f32", &size, a7_32, reduce::sum);
    let m = || random_array(&[4000, 2500], 43).mapv(|x| x);
    let shape = "4000x2500";
    s.run("reduce", "sum(axis=0)", "f64", shape, m, |a| {
        reduce::sum_axis(a, 0).unwrap()
    });
    s.run("reduce", "sum(axis=1)", "f64", shape, m, |a| {
        reduce::sum_axis(a, 1).unwrap()
    });
    s.run("reduce", "mean(axis=0)", "f64", shape, m, |a| {
        reduce::mean_axis(a, 0).unwrap()
    });
}

/// `.npy` save/load of 1e7 f64 and loadtxt of a 1e6 x 5 CSV, through the page cache in /tmp
/// (the files NumPy's script uses). The CSV row is timed twice: once paired with
/// `np.loadtxt`, once with `pandas.read_csv` (the C parser, the target).
fn io_rows(s: &mut Suite) {
    use numerust::io;
    let dir = std::env::temp_dir();
    let npy = dir.join(format!("numerust_compare_{}.npy", std::process::id()));
    let a7 = || NdArray::from_vec(random_vec(N7, 51)).mapv(|x| x);
    let size = N7.to_string();
    s.run("io", "save npy 1e7", "f64", &size, a7, |a| {
        io::save(&npy, a).expect("save .npy")
    });
    if s.want("io", "load npy 1e7") {
        io::save(&npy, &a7()).expect("save .npy");
    }
    s.run(
        "io",
        "load npy 1e7",
        "f64",
        &size,
        || (),
        |_| io::load::<f64>(&npy).expect("load .npy"),
    );
    let _ = std::fs::remove_file(&npy);

    let csv = dir.join("numerust_anchor_1e6x5.csv");
    let want_csv = s.want("io", "loadtxt csv 1e6x5") || s.want("io", "pandas.read_csv csv 1e6x5");
    if want_csv && std::fs::metadata(&csv).map_or(true, |m| m.len() < 1_000_000) {
        let data = random_array(&[1_000_000, 5], 52);
        let opts = io::csv::SaveTxtOptions::default()
            .fmt("%.17g")
            .delimiter(",");
        io::csv::savetxt(&csv, &data, &opts).expect("write the CSV");
    }
    let opts = io::csv::LoadTxtOptions::default().delimiter(',');
    for op in ["loadtxt csv 1e6x5", "pandas.read_csv csv 1e6x5"] {
        s.run(
            "io",
            op,
            "f64",
            "1e6x5",
            || (),
            |_| io::csv::loadtxt::<f64>(&csv, &opts).expect("loadtxt"),
        );
    }
}

fn stats_rows(s: &mut Suite) {
    use numerust::stats;
    const N6: usize = 1_000_000;
    let size = N6.to_string();
    let x6 = || NdArray::from_vec(random_vec(N6, 51)).mapv(|x| x);
    s.run("stats", "median", "f64", &size, x6, stats::median);
    s.run("stats", "percentile(90)", "f64", &size, x6, |a| {
        stats::percentile(a, 90.0).unwrap()
    });
    s.run("stats", "sort", "f64", &size, x6, |a| {
        stats::sort(a).unwrap()
    });
    // NumPy's row includes the f64 -> f32 astype.
    s.run("stats", "sort", "f32", &size, x6, |a| {
        stats::sort(&a.mapv(|x| x as f32)).unwrap()
    });
    let xm = || random_array(&[1000, 50], 52);
    let corr = stats::CovOptions {
        rowvar: false,
        ..Default::default()
    };
    s.run(
        "stats",
        "corrcoef(1000x50,rowvar=False)",
        "f64",
        "1000x50",
        xm,
        |a| stats::corrcoef(a, false).unwrap(),
    );
    s.run(
        "stats",
        "cov(1000x50,rowvar=False)",
        "f64",
        "1000x50",
        xm,
        |a| stats::cov(a, corr).unwrap(),
    );

    // Rows of benches/numpy_extra.py (the shared script lacks them).
    let xs = || stats::sort(&x6()).unwrap();
    s.run("stats", "sort (already sorted)", "f64", &size, xs, |a| {
        stats::sort(a).unwrap()
    });
    let xr = || {
        let v = stats::sort(&x6()).unwrap().to_vec();
        NdArray::from_vec(v.into_iter().rev().collect::<Vec<f64>>())
    };
    s.run("stats", "sort (reversed)", "f64", &size, xr, |a| {
        stats::sort(a).unwrap()
    });
    let xf = || x6().mapv(|x| (x * 10.0).floor());
    s.run("stats", "sort (10 distinct)", "f64", &size, xf, |a| {
        stats::sort(a).unwrap()
    });
    let xi = || x6().mapv(|x| ((x - 0.5) * 9.2e18) as i64);
    s.run("stats", "sort", "i64", &size, xi, |a| {
        stats::sort(a).unwrap()
    });
    s.run("stats", "argsort", "f64", &size, x6, |a| {
        stats::argsort(a).unwrap()
    });
    let xu = || x6().mapv(|x| (x * 1000.0).floor());
    s.run("stats", "unique (1e3 distinct)", "f64", &size, xu, |a| {
        stats::unique(a)
    });
    let x7 = || NdArray::from_vec(random_vec(N7, 55)).mapv(|x| x);
    s.run(
        "stats",
        "histogram 100 bins",
        "f64",
        &N7.to_string(),
        x7,
        |a| stats::histogram(a, stats::Bins::Count(100), None).unwrap(),
    );
}
/// The "linalg" group: square matmul of uniform [0, 1) matrices (NumPy: `A @ B`).
fn linalg_rows(s: &mut Suite) {
    for n in [64usize, 256, 1024, 2048] {
        let op = format!("matmul n={n}");
        let size = format!("{n}x{n}");
        let pair = |seed| (random_array(&[n, n], seed), random_array(&[n, n], seed + 1));
        s.run(
            "linalg",
            &op,
            "f64",
            &size,
            || pair(51),
            |(a, b)| numerust::matmul(a, b).unwrap(),
        );
        let pair32 = || {
            let (a, b) = pair(53);
            (a.astype::<f32>(), b.astype::<f32>())
        };
        s.run("linalg", &op, "f32", &size, pair32, |(a, b)| {
            numerust::matmul(a, b).unwrap()
        });
    }
    // Matrix-vector products (NumPy: BLAS ?gemv), A row-major and transposed.
    let n = 2000;
    let mv = |seed| (random_array(&[n, n], seed), random_array(&[n], seed + 1));
    let mv32 = |seed| {
        let (a, v): (NdArray<f64>, NdArray<f64>) = mv(seed);
        (a.astype::<f32>(), v.astype::<f32>())
    };
    for (op, t) in [
        ("matvec n=2000 (A @ x)", false),
        ("matvec n=2000 (A.T @ x)", true),
    ] {
        s.run(
            "linalg",
            op,
            "f64",
            "2000x2000",
            || mv(71),
            move |(a, v)| {
                let a = if t { a.view().t() } else { a.view() };
                numerust::matmul(&a, v).unwrap()
            },
        );
        s.run(
            "linalg",
            op,
            "f32",
            "2000x2000",
            || mv32(73),
            move |(a, v)| {
                let a = if t { a.view().t() } else { a.view() };
                numerust::matmul(&a, v).unwrap()
            },
        );
    }
}

/// The "linalg" solver rows: LU (solve, inv, det) and QR of uniform [0, 1) matrices, as
/// NumPy's script builds them, then eigh (of `(A + A^T) / 2`), eig and svd at n = 500.
fn linalg_solver_rows(s: &mut Suite) {
    use numerust::linalg;
    for n in [500usize, 1000] {
        let size = format!("{n}x{n}");
        s.run(
            "linalg",
            &format!("solve n={n} (1 rhs)"),
            "f64",
            &size,
            || (random_array(&[n, n], 61), random_array(&[n], 62)),
            |(a, b)| linalg::solve(a, b).unwrap(),
        );
        s.run(
            "linalg",
            &format!("inv n={n}"),
            "f64",
            &size,
            || random_array(&[n, n], 63),
            |a| linalg::inv(a).unwrap(),
        );
    }
    s.run(
        "linalg",
        "det n=1000",
        "f64",
        "1000x1000",
        || random_array(&[1000, 1000], 64),
        |a| linalg::det(a).unwrap(),
    );
    s.run(
        "linalg",
        "qr n=1000 (reduced, Q and R)",
        "f64",
        "1000x1000",
        || random_array(&[1000, 1000], 65),
        |a| linalg::qr(a, linalg::QrMode::Reduced).unwrap(),
    );
    let sym = || {
        let a = random_array(&[500, 500], 66);
        let v = a.to_vec();
        let s = (0..500 * 500)
            .map(|k| (v[k] + v[(k % 500) * 500 + k / 500]) / 2.0)
            .collect();
        numerust::NdArray::from_shape_vec(&[500, 500], s).expect("500x500")
    };
    s.run(
        "linalg",
        "eigh n=500 (vals+vecs)",
        "f64",
        "500x500",
        sym,
        |a| linalg::eigh(a).unwrap(),
    );
    s.run(
        "linalg",
        "eig n=500 (general, vals+vecs)",
        "f64",
        "500x500",
        || random_array(&[500, 500], 68),
        |a| linalg::eig(a).unwrap(),
    );
    s.run(
        "linalg",
        "svd n=500 (U,S,Vt)",
        "f64",
        "500x500",
        || random_array(&[500, 500], 67),
        |a| linalg::svd(a, true).unwrap(),
    );
}
