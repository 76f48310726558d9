//! Blocked triangular solves with many right-hand sides (BLAS `?trsm`, left side): the
//! diagonal blocks by substitution, everything below or above them by one GEMM per block.

use super::{LinalgReal, NB, copy_block, gemm_block, one, zero};
use crate::gemm::MatRef;
use numerust_core::NdArray;

/// `row[dst] -= alpha * row[src]` for two distinct rows of the row-major `b` (`m` columns).
pub(crate) fn row_axpy<T: LinalgReal>(b: &mut [T], m: usize, dst: usize, src: usize, alpha: T) {
    debug_assert_ne!(dst, src);
    let (d, s) = if dst > src {
        let (lo, hi) = b.split_at_mut(dst * m);
        (&mut hi[..m], &lo[src * m..src * m + m])
    } else {
        let (lo, hi) = b.split_at_mut(src * m);
        (&mut lo[dst * m..dst * m + m], &hi[..m])
    };
    for (x, &y) in d.iter_mut().zip(s) {
        *x = *x - alpha * y;
    }
}

/// Solves `L X = B` in place (`B` becomes `X`): `L` is the unit lower triangle of the
/// row-major `n x n` matrix `a` (its diagonal and upper part are not read), `B` is `n x m`.
pub(crate) fn solve_lower_unit<T: LinalgReal>(a: &[T], n: usize, b: &mut NdArray<T>) {
    let m = b.shape()[1];
    if m == 1 {
        // One right-hand side: forward substitution by row dot products (contiguous rows).
        let x = b.as_slice_mut().expect("contiguous right-hand side");
        for i in 1..n {
            let (done, rest) = x.split_at_mut(i);
            rest[0] = rest[0] - dot(&a[i * n..i * n + i], done);
        }
        return;
    }
    let mut k = 0;
    while k < n {
        let kb = NB.min(n - k);
        {
            let bs = b.as_slice_mut().expect("contiguous right-hand side");
            for i in k + 1..k + kb {
                for p in k..i {
                    let l = a[i * n + p];
                    if l != zero::<T>() {
                        row_axpy(bs, m, i, p, l);
                    }
                }
            }
        }
        if k + kb < n {
            let x = copy_block(b.as_slice().expect("contiguous"), m, (k, 0), (kb, m));
            let l21 = MatRef::from_slice(a, n, n).submatrix(k + kb, k, n - k - kb, kb);
            gemm_block(
                b,
                (k + kb, 0),
                -one::<T>(),
                l21,
                MatRef::from_slice(&x, kb, m),
                one::<T>(),
            );
        }
        k += kb;
    }
}

/// Solves `U X = B` in place: `U` is the upper triangle (with its diagonal) of the row-major
/// `n x n` matrix `a`, `B` is `n x m`. A zero on the diagonal gives infinities/NaNs, as
/// `?trsm` does; callers check for singularity first.
pub(crate) fn solve_upper<T: LinalgReal>(a: &[T], n: usize, b: &mut NdArray<T>) {
    let m = b.shape()[1];
    if m == 1 {
        // One right-hand side: back substitution by row dot products.
        let x = b.as_slice_mut().expect("contiguous right-hand side");
        for i in (0..n).rev() {
            let (head, done) = x.split_at_mut(i + 1);
            head[i] = (head[i] - dot(&a[i * n + i + 1..i * n + n], done)) / a[i * n + i];
        }
        return;
    }
    let mut k1 = n;
    while k1 > 0 {
        let kb = NB.min(k1);
        let k0 = k1 - kb;
        {
            let bs = b.as_slice_mut().expect("contiguous right-hand side");
            for i in (k0..k1).rev() {
                for p in i + 1..k1 {
                    let u = a[i * n + p];
                    if u != zero::<T>() {
                        row_axpy(bs, m, i, p, u);
                    }
                }
                let d = a[i * n + i];
                for x in &mut bs[i * m..i * m + m] {
                    *x = *x / d;
                }
            }
        }
        if k0 > 0 {
            let x = copy_block(b.as_slice().expect("contiguous"), m, (k0, 0), (kb, m));
            let u01 = MatRef::from_slice(a, n, n).submatrix(0, k0, k0, kb);
            gemm_block(
                b,
                (0, 0),
                -one::<T>(),
                u01,
                MatRef::from_slice(&x, kb, m),
                one::<T>(),
            );
        }
        k1 = k0;
    }
}

/// `sum x[i] y[i]` with four accumulators (the compiler vectorises them).
pub(crate) fn dot<T: LinalgReal>(x: &[T], y: &[T]) -> T {
    let mut acc = [zero::<T>(); 4];
    let (xc, yc) = (x.chunks_exact(4), y.chunks_exact(4));
    let (xr, yr) = (xc.remainder(), yc.remainder());
    for (p, q) in xc.zip(yc) {
        for k in 0..4 {
            acc[k] = acc[k] + p[k] * q[k];
        }
    }
    let mut tail = zero::<T>();
    for (&p, &q) in xr.iter().zip(yr) {
        tail = tail + p * q;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}
