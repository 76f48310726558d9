//! GEMM against a naive triple loop, for every kernel level this CPU has, on shapes that
//! hit every edge (0, 1, odd, block edges, huge aspect), every operand layout (row- and
//! column-major, transposed, strided, reversed) and alpha/beta; with default and with tiny
//! blocks (so small inputs run the blocked and parallel paths); and the same bits from a
//! 1-thread and a 2-thread pool.
//!
//! Bound: `|got - want| <= (k + 2) * eps * (|alpha| sum_p |a_ip b_pj| + |beta c_ij|)`, the
//! standard forward bound of any summation order (the reference is computed in f64).

use numerust_linalg::gemm::{
    Blocking, GemmConfig, GemmLevel, GemmScalar, MatMut, MatRef, gemm_mat_with,
};

/// xorshift64: deterministic values in [-1, 1).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.next() + 1.0) / 2.0 * n as f64) as usize % n.max(1)
    }
}

/// How an operand is laid out in its buffer.
#[derive(Clone, Copy, Debug)]
enum Form {
    RowMajor,
    ColMajor,
    /// Every other column of a row-major matrix twice as wide.
    Strided,
    /// Rows and columns reversed (both strides negative).
    Reversed,
}
const FORMS: [Form; 4] = [
    Form::RowMajor,
    Form::ColMajor,
    Form::Strided,
    Form::Reversed,
];

/// A `rows x cols` matrix with logical values `vals` (row-major), stored in `form`.
struct Stored<T> {
    buf: Vec<T>,
    rows: usize,
    cols: usize,
    start: usize,
    rs: isize,
    cs: isize,
}

impl<T: Num> Stored<T> {
    fn new(vals: &[T], rows: usize, cols: usize, form: Form) -> Self {
        let (len, start, rs, cs) = match form {
            Form::RowMajor => (rows * cols, 0, cols as isize, 1),
            Form::ColMajor => (rows * cols, 0, 1, rows as isize),
            Form::Strided => (rows * cols * 2, 0, 2 * cols as isize, 2),
            Form::Reversed => (
                rows * cols,
                (rows * cols).saturating_sub(1),
                -(cols as isize),
                -1,
            ),
        };
        let mut buf = vec![T::from(7.0).unwrap(); len.max(1)];
        for i in 0..rows {
            for j in 0..cols {
                let at = start as isize + i as isize * rs + j as isize * cs;
                buf[at as usize] = vals[i * cols + j];
            }
        }
        Stored {
            buf,
            rows,
            cols,
            start,
            rs,
            cs,
        }
    }
    fn mat(&self) -> MatRef<'_, T> {
        // SAFETY: `new` placed every (i, j) at start + i*rs + j*cs inside `buf`.
        unsafe {
            MatRef::from_raw_parts(
                self.buf.as_ptr().add(self.start),
                self.rows,
                self.cols,
                self.rs,
                self.cs,
            )
        }
    }
    fn mat_mut(&mut self) -> MatMut<'_, T> {
        // SAFETY: as above; distinct (i, j) have distinct addresses; `&mut self`.
        unsafe {
            MatMut::from_raw_parts(
                self.buf.as_mut_ptr().add(self.start),
                self.rows,
                self.cols,
                self.rs,
                self.cs,
            )
        }
    }
    fn get(&self, i: usize, j: usize) -> T {
        self.mat().at(i, j)
    }
}

trait Num: GemmScalar + num_traits::Float {
    fn eps() -> f64;
}
impl Num for f64 {
    fn eps() -> f64 {
        f64::EPSILON
    }
}
impl Num for f32 {
    fn eps() -> f64 {
        f32::EPSILON as f64
    }
}

/// Runs one case and checks it against the f64 triple loop.
#[allow(clippy::too_many_arguments)]
fn check_case<T: Num>(
    cfg: &GemmConfig,
    rng: &mut Rng,
    (m, n, k): (usize, usize, usize),
    (fa, fb, fc): (Form, Form, Form),
    alpha: f64,
    beta: f64,
    nan_c: bool,
) {
    let make =
        |rng: &mut Rng, len| -> Vec<T> { (0..len).map(|_| T::from(rng.next()).unwrap()).collect() };
    let (av, bv) = (make(rng, m * k), make(rng, k * n));
    let mut cv = make(rng, m * n);
    if nan_c {
        cv.iter_mut().for_each(|x| *x = T::nan());
    }
    let (a, b) = (Stored::new(&av, m, k, fa), Stored::new(&bv, k, n, fb));
    let mut c = Stored::new(&cv, m, n, fc);
    let (ta, tb) = (T::from(alpha).unwrap(), T::from(beta).unwrap());
    gemm_mat_with(cfg, ta, a.mat(), b.mat(), tb, c.mat_mut());
    let f = |x: T| x.to_f64().unwrap();
    for i in 0..m {
        for j in 0..n {
            let (mut s, mut mag) = (0.0f64, 0.0f64);
            for p in 0..k {
                let x = f(av[i * k + p]) * f(bv[p * n + j]);
                s += x;
                mag += x.abs();
            }
            let c0 = f(cv[i * n + j]);
            let (want, bound) = if beta == 0.0 {
                (alpha * s, (k + 2) as f64 * T::eps() * alpha.abs() * mag)
            } else {
                (
                    alpha * s + beta * c0,
                    (k + 2) as f64 * T::eps() * (alpha.abs() * mag + (beta * c0).abs()),
                )
            };
            let got = f(c.get(i, j));
            assert!(
                (got - want).abs() <= bound + f64::MIN_POSITIVE,
                "{:?} {m}x{n}x{k} {fa:?}/{fb:?}/{fc:?} alpha={alpha} beta={beta}: \
                 c[{i},{j}] = {got}, want {want} (bound {bound})",
                cfg.level
            );
        }
    }
    // Elements outside C's logical positions are untouched.
    let mut probe = Stored::new(&cv, m, n, fc);
    for (x, y) in probe.buf.iter_mut().zip(&c.buf) {
        if x.to_f64().unwrap() == 7.0 {
            assert_eq!(y.to_f64().unwrap(), 7.0, "gemm wrote outside C");
        }
    }
    let _ = probe.mat_mut();
}

const TINY: Blocking = Blocking {
    mc: 48,
    kc: 16,
    nc: 24,
};

fn configs(level: GemmLevel) -> [GemmConfig; 2] {
    [
        GemmConfig {
            level,
            ..GemmConfig::default()
        },
        GemmConfig {
            level,
            blocking: Some(TINY),
            parallel_flops: 0.0,
        },
    ]
}

fn all_shapes<T: Num>(seed: u64) {
    let dims = [0usize, 1, 2, 3, 7, 17, 50];
    for level in GemmLevel::available() {
        println!("level {level:?}");
        for cfg in configs(level) {
            let mut rng = Rng(seed);
            for &m in &dims {
                for &n in &dims {
                    for &k in &dims {
                        let forms = (
                            FORMS[rng.below(4)],
                            FORMS[rng.below(4)],
                            FORMS[rng.below(4)],
                        );
                        let (alpha, beta) =
                            [(1.0, 0.0), (-0.5, 1.0), (2.0, 0.25), (1.0, 0.0)][rng.below(4)];
                        check_case::<T>(&cfg, &mut rng, (m, n, k), forms, alpha, beta, beta == 0.0);
                    }
                }
            }
        }
    }
}

#[test]
fn every_level_matches_naive_f64() {
    all_shapes::<f64>(0x1234_5678);
}

#[test]
fn every_level_matches_naive_f32() {
    all_shapes::<f32>(0x8765_4321);
}

#[test]
fn every_layout_block_edges_and_huge_aspect() {
    for level in GemmLevel::available() {
        for cfg in configs(level) {
            let mut rng = Rng(99);
            for fa in FORMS {
                for fb in FORMS {
                    for fc in FORMS {
                        check_case::<f64>(
                            &cfg,
                            &mut rng,
                            (65, 31, 129),
                            (fa, fb, fc),
                            1.0,
                            0.5,
                            false,
                        );
                    }
                }
            }
            for (shape, forms) in [
                (
                    (1, 1, 10_000),
                    (Form::RowMajor, Form::RowMajor, Form::RowMajor),
                ),
                (
                    (1000, 1000, 1),
                    (Form::RowMajor, Form::ColMajor, Form::RowMajor),
                ),
                (
                    (1, 300, 200),
                    (Form::ColMajor, Form::Reversed, Form::Strided),
                ),
                (
                    (300, 1, 200),
                    (Form::Strided, Form::RowMajor, Form::ColMajor),
                ),
            ] {
                check_case::<f64>(&cfg, &mut rng, shape, forms, 1.0, 0.0, true);
                check_case::<f32>(&cfg, &mut rng, shape, forms, -1.0, 2.0, false);
            }
        }
    }
}

#[test]
fn sizes_around_default_block_edges() {
    // One square size beyond each default block (kc, mc and nc are all < 600).
    let mut rng = Rng(5);
    for level in GemmLevel::available() {
        let cfg = GemmConfig {
            level,
            ..GemmConfig::default()
        };
        for n in [127, 385, 600] {
            check_case::<f64>(
                &cfg,
                &mut rng,
                (n, n, n),
                (Form::RowMajor, Form::ColMajor, Form::RowMajor),
                1.0,
                0.0,
                false,
            );
        }
        check_case::<f32>(
            &cfg,
            &mut rng,
            (130, 3100, 520),
            (Form::RowMajor, Form::RowMajor, Form::RowMajor),
            1.0,
            0.0,
            false,
        );
    }
}

/// The same bits from a 1-thread and a 2-thread pool, with tiny blocks (many tasks) and
/// with the default blocks.
#[test]
fn thread_count_does_not_change_bits() {
    let pool = |t| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .expect("thread pool")
    };
    let (one, two) = (pool(1), pool(2));
    for level in GemmLevel::available() {
        for cfg in [
            GemmConfig {
                level,
                blocking: Some(TINY),
                parallel_flops: 0.0,
            },
            GemmConfig {
                level,
                blocking: None,
                parallel_flops: 0.0,
            },
        ] {
            for (m, n, k) in [(97, 61, 300), (5, 700, 40), (300, 3, 900), (257, 257, 513)] {
                let mut rng = Rng(7);
                let a: Vec<f64> = (0..m * k).map(|_| rng.next()).collect();
                let b: Vec<f64> = (0..k * n).map(|_| rng.next()).collect();
                let c0: Vec<f64> = (0..m * n).map(|_| rng.next()).collect();
                let run = |p: &rayon::ThreadPool| {
                    let mut c = c0.clone();
                    p.install(|| {
                        gemm_mat_with(
                            &cfg,
                            0.75,
                            MatRef::from_slice(&a, m, k),
                            MatRef::from_slice(&b, n, k).t(),
                            -1.5,
                            MatMut::from_slice(&mut c, m, n),
                        )
                    });
                    c
                };
                let (x, y) = (run(&one), run(&two));
                assert!(
                    x.iter().zip(&y).all(|(p, q)| p.to_bits() == q.to_bits()),
                    "{level:?} {m}x{n}x{k}: thread count changed the bits"
                );
            }
        }
    }
}

/// Matrix-vector products (C one column or one row) take the gemv kernels: both A layouts,
/// row counts off the 4-row groups and lengths off the vector blocks, above the threading
/// threshold (2^20 elements of A), at every level; and the same bits from 1 and 2 threads.
#[test]
fn matrix_vector_products() {
    let mut rng = Rng(11);
    for level in GemmLevel::available() {
        let cfg = GemmConfig {
            level,
            ..GemmConfig::default()
        };
        for (shape, forms) in [
            (
                (1027, 1, 1031),
                (Form::RowMajor, Form::RowMajor, Form::RowMajor),
            ),
            (
                (1027, 1, 1031),
                (Form::ColMajor, Form::Strided, Form::Strided),
            ),
            (
                (1, 1029, 1030),
                (Form::Reversed, Form::ColMajor, Form::RowMajor),
            ),
            (
                (1, 1029, 1030),
                (Form::RowMajor, Form::RowMajor, Form::ColMajor),
            ),
            (
                (4099, 1, 33),
                (Form::ColMajor, Form::RowMajor, Form::RowMajor),
            ),
        ] {
            check_case::<f64>(&cfg, &mut rng, shape, forms, 1.0, 0.0, true);
            check_case::<f32>(&cfg, &mut rng, shape, forms, 0.5, -1.0, false);
        }
    }
    let pool = |t| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .expect("thread pool")
    };
    let (one, two) = (pool(1), pool(2));
    let (m, k) = (1500, 1001);
    let a: Vec<f64> = (0..m * k).map(|_| rng.next()).collect();
    let x: Vec<f64> = (0..k).map(|_| rng.next()).collect();
    for level in GemmLevel::available() {
        let cfg = GemmConfig {
            level,
            ..GemmConfig::default()
        };
        for transposed in [false, true] {
            let run = |p: &rayon::ThreadPool| {
                let mut y = vec![0.0; m];
                let am = if transposed {
                    MatRef::from_slice(&a, k, m).t()
                } else {
                    MatRef::from_slice(&a, m, k)
                };
                p.install(|| {
                    gemm_mat_with(
                        &cfg,
                        1.0,
                        am,
                        MatRef::from_slice(&x, k, 1),
                        0.0,
                        MatMut::from_slice(&mut y, m, 1),
                    )
                });
                y
            };
            let (p, q) = (run(&one), run(&two));
            assert!(
                p.iter().zip(&q).all(|(u, v)| u.to_bits() == v.to_bits()),
                "{level:?} transposed={transposed}: thread count changed the bits"
            );
        }
    }
}
