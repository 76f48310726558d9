//! Binomial and Poisson samplers, step for step as NumPy draws them.
//!
//! Binomial: inversion when `n·min(p, 1-p) <= 30`, otherwise Kachitvichyanukul & Schmeiser's
//! BTPE; for `p > 0.5` the sample is `n - X(n, 1-p)`. Poisson: multiplication below 10,
//! Hörmann's PTRS (transformed rejection) from 10 on. The set-up constants depend only on
//! the parameters, so a fill computes them once ([`Binomial::new`]); that changes no draw.

use crate::bitgen::BitGenerator;

/// NumPy's `random_loggam`: log Γ(x) by the SPECFUN series (Zhang & Jin).
// NumPy's coefficients verbatim (the excess digits round to the same doubles).
#[allow(clippy::excessive_precision)]
fn loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333333333333333e-02,
        -2.777777777777778e-03,
        7.936507936507937e-04,
        -5.952380952380952e-04,
        8.417508417508418e-04,
        -1.917526917526918e-03,
        6.410256410256410e-03,
        -2.955065359477124e-02,
        1.796443723688307e-01,
        -1.39243221690590e+00,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n = if x <= 7.0 { (7.0 - x) as i64 } else { 0 };
    let mut x0 = x + n as f64;
    let x2 = 1.0 / (x0 * x0);
    let mut gl0 = A[9];
    for k in (0..9).rev() {
        gl0 *= x2;
        gl0 += A[k];
    }
    let mut gl = gl0 / x0 + 0.5 * (2.0 * std::f64::consts::PI).ln() + (x0 - 0.5) * x0.ln() - x0;
    if x <= 7.0 {
        for _ in 0..n {
            gl -= (x0 - 1.0).ln();
            x0 -= 1.0;
        }
    }
    gl
}

/// Poisson by multiplication of uniforms (small `lam`).
fn poisson_mult<B: BitGenerator>(bg: &mut B, lam: f64) -> i64 {
    let enlam = (-lam).exp();
    let mut x = 0;
    let mut prod = 1.0;
    loop {
        prod *= bg.next_double();
        if prod > enlam {
            x += 1;
        } else {
            return x;
        }
    }
}

/// Poisson by Hörmann's transformed rejection with squeeze (PTRS), `lam >= 10`.
fn poisson_ptrs<B: BitGenerator>(bg: &mut B, lam: f64) -> i64 {
    let slam = lam.sqrt();
    let loglam = lam.ln();
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let invalpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = bg.next_double() - 0.5;
        let v = bg.next_double();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + lam + 0.43).floor() as i64;
        if us >= 0.07 && v <= vr {
            return k;
        }
        if k < 0 || (us < 0.013 && v > us) {
            continue;
        }
        if v.ln() + invalpha.ln() - (a / (us * us) + b).ln()
            <= -lam + k as f64 * loglam - loggam(k as f64 + 1.0)
        {
            return k;
        }
    }
}

/// One Poisson draw (NumPy: `random_poisson`); `lam` already validated.
pub(crate) fn poisson<B: BitGenerator>(bg: &mut B, lam: f64) -> i64 {
    if lam >= 10.0 {
        poisson_ptrs(bg, lam)
    } else if lam == 0.0 {
        0
    } else {
        poisson_mult(bg, lam)
    }
}

/// The binomial sampler for one `(n, p)`, its set-up done once.
pub(crate) struct Binomial {
    n: i64,
    /// `p > 0.5`: sample with `1 - p` and return `n - X`.
    flip: bool,
    /// Skip the draw (`n == 0` or `p == 0`) — the `Generator` shortcut, absent in legacy.
    zero: bool,
    kind: Kind,
}

enum Kind {
    Inversion { q: f64, qn: f64, bound: i64, r: f64 },
    Btpe(Btpe),
}

struct Btpe {
    r: f64,
    q: f64,
    m: i64,
    p1: f64,
    xm: f64,
    xl: f64,
    xr: f64,
    c: f64,
    laml: f64,
    lamr: f64,
    p2: f64,
    p3: f64,
    p4: f64,
}

impl Binomial {
    /// Set-up for `n`, `p` (validated: `n >= 0`, `0 <= p <= 1`). `legacy` drops the
    /// `Generator`'s early return for `n == 0` or `p == 0` (RandomState still draws).
    pub(crate) fn new(n: i64, p: f64, legacy: bool) -> Self {
        let flip = p > 0.5;
        let r = if flip { 1.0 - p } else { p };
        let nf = n as f64;
        let kind = if r * nf <= 30.0 {
            let q = 1.0 - r;
            let qn = (nf * q.ln()).exp();
            let np = nf * r;
            let bound = nf.min(np + 10.0 * (np * q + 1.0).sqrt()) as i64;
            Kind::Inversion { q, qn, bound, r }
        } else {
            let q = 1.0 - r;
            let fm = nf * r + r;
            let m = fm.floor() as i64;
            let p1 = (2.195 * (nf * r * q).sqrt() - 4.6 * q).floor() + 0.5;
            let xm = m as f64 + 0.5;
            let xl = xm - p1;
            let xr = xm + p1;
            let c = 0.134 + 20.5 / (15.3 + m as f64);
            let a = (fm - xl) / (fm - xl * r);
            let laml = a * (1.0 + a / 2.0);
            let a = (xr - fm) / (xr * q);
            let lamr = a * (1.0 + a / 2.0);
            let p2 = p1 * (1.0 + 2.0 * c);
            let p3 = p2 + c / laml;
            let p4 = p3 + c / lamr;
            Kind::Btpe(Btpe {
                r,
                q,
                m,
                p1,
                xm,
                xl,
                xr,
                c,
                laml,
                lamr,
                p2,
                p3,
                p4,
            })
        };
        Binomial {
            n,
            flip,
            zero: !legacy && (n == 0 || p == 0.0),
            kind,
        }
    }

    /// One draw.
    pub(crate) fn sample<B: BitGenerator>(&self, bg: &mut B) -> i64 {
        if self.zero {
            return 0;
        }
        let x = match &self.kind {
            Kind::Inversion { q, qn, bound, r } => self.inversion(bg, *q, *qn, *bound, *r),
            Kind::Btpe(b) => self.btpe(bg, b),
        };
        if self.flip { self.n - x } else { x }
    }

    fn inversion<B: BitGenerator>(&self, bg: &mut B, q: f64, qn: f64, bound: i64, p: f64) -> i64 {
        let n = self.n;
        let mut x = 0i64;
        let mut px = qn;
        let mut u = bg.next_double();
        while u > px {
            x += 1;
            if x > bound {
                x = 0;
                px = qn;
                u = bg.next_double();
            } else {
                u -= px;
                px = ((n - x + 1) as f64 * p * px) / (x as f64 * q);
            }
        }
        x
    }

    fn btpe<B: BitGenerator>(&self, bg: &mut B, b: &Btpe) -> i64 {
        let n = self.n;
        let nf = n as f64;
        'step10: loop {
            let nrq = nf * b.r * b.q;
            let u = bg.next_double() * b.p4;
            let mut v = bg.next_double();
            let y: i64;
            if u <= b.p1 {
                // Triangular region: accept at once.
                return (b.xm - b.p1 * v + u).floor() as i64;
            } else if u <= b.p2 {
                let x = b.xl + (u - b.p1) / b.c;
                v = v * b.c + 1.0 - (b.m as f64 - x + 0.5).abs() / b.p1;
                if v > 1.0 {
                    continue 'step10;
                }
                y = x.floor() as i64;
            } else if u <= b.p3 {
                y = (b.xl + v.ln() / b.laml).floor() as i64;
                if y < 0 || v == 0.0 {
                    continue 'step10;
                }
                v = v * (u - b.p2) * b.laml;
            } else {
                y = (b.xr - v.ln() / b.lamr).floor() as i64;
                if y > n || v == 0.0 {
                    continue 'step10;
                }
                v = v * (u - b.p3) * b.lamr;
            }
            // Step 50: accept or reject y.
            let k = (y - b.m).abs();
            if !(k > 20 && (k as f64) < nrq / 2.0 - 1.0) {
                let s = b.r / b.q;
                let a = s * (nf + 1.0);
                let mut f = 1.0;
                if b.m < y {
                    for i in b.m + 1..=y {
                        f *= a / i as f64 - s;
                    }
                } else if b.m > y {
                    for i in y + 1..=b.m {
                        f /= a / i as f64 - s;
                    }
                }
                if v > f {
                    continue 'step10;
                }
                return y;
            }
            // Step 52: squeeze on log(v).
            let kf = k as f64;
            let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
            let t = (-k).wrapping_mul(k) as f64 / (2.0 * nrq);
            let big_a = v.ln();
            if big_a < t - rho {
                return y;
            }
            if big_a > t + rho {
                continue 'step10;
            }
            let x1 = (y + 1) as f64;
            let f1 = (b.m + 1) as f64;
            let z = (n + 1 - b.m) as f64;
            let w = (n - y + 1) as f64;
            let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
            let corr = |d: f64, d2: f64| {
                (13680. - (462. - (132. - (99. - 140. / d2) / d2) / d2) / d2) / d / 166320.
            };
            let bound = b.xm * (f1 / x1).ln()
                + ((n - b.m) as f64 + 0.5) * (z / w).ln()
                + (y - b.m) as f64 * (w * b.r / (x1 * b.q)).ln()
                + corr(f1, f2)
                + corr(z, z2)
                + corr(x1, x2)
                + corr(w, w2);
            if big_a > bound {
                continue 'step10;
            }
            return y;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loggam_small_values() {
        assert_eq!(loggam(1.0), 0.0);
        assert!((loggam(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((loggam(11.0) - 15.104412573075516).abs() < 1e-12);
    }
}
