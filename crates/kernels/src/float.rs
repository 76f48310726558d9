//! Float building blocks shared by the vector-math families (`exp`, `log`, `trig`): a
//! multiply-add that is fused only at the levels that fuse, Horner's rule on top of it, and
//! the exact product. All `#[inline(always)]`, so they compile into each family's body at
//! its level; no loops, no dispatch.

/// `a * b + c`, fused when `FMA`.
#[inline(always)]
pub fn fma<const FMA: bool>(a: f64, b: f64, c: f64) -> f64 {
    if FMA { a.mul_add(b, c) } else { a * b + c }
}

/// `c[0] + x c[1] + x² c[2] + ...` by Horner's rule.
#[inline(always)]
pub fn horner<const FMA: bool, const N: usize>(x: f64, c: &[f64; N]) -> f64 {
    let mut acc = c[N - 1];
    for i in (0..N - 1).rev() {
        acc = fma::<FMA>(acc, x, c[i]);
    }
    acc
}

/// `(p, e)` with `p = a * b` rounded and `p + e = a b` exactly, barring overflow (one fused
/// multiply-add, or Dekker's split product without FMA; both give the same `e`).
#[inline(always)]
pub fn two_prod<const FMA: bool>(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    if FMA {
        (p, a.mul_add(b, -p))
    } else {
        const SPLIT: f64 = 134_217_729.0; // 2^27 + 1
        let split = |v: f64| {
            let c = SPLIT * v;
            let hi = c - (c - v);
            (hi, v - hi)
        };
        let (ah, al) = split(a);
        let (bh, bl) = split(b);
        (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_prod_is_exact_with_and_without_fma() {
        for &(a, b) in &[
            (1.0 + f64::EPSILON, 1.0 - f64::EPSILON),
            (0.1, 0.3),
            (std::f64::consts::PI, 1e10),
            (-3.0e-5, 7.123456789),
        ] {
            let fused = two_prod::<true>(a, b);
            let split = two_prod::<false>(a, b);
            assert_eq!(fused.0, a * b);
            assert_eq!(fused, split, "{a} * {b}");
        }
        assert_eq!(horner::<false, 3>(2.0, &[1.0, 2.0, 3.0]), 17.0);
        assert_eq!(fma::<true>(0.1, 10.0, -1.0), 0.1f64.mul_add(10.0, -1.0));
    }
}
