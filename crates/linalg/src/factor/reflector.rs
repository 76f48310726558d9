//! Householder reflectors shared by the blocked reductions (`qr`, `sytrd`, `gebrd`,
//! `gehrd`) and their back-transformations: LAPACK's `?larfg` and `?larft`.

use super::{LinalgReal, one, zero};
use crate::gemm::{MatMut, MatRef, gemm_mat};

/// `?larfg` on `x` (`x[0]` is alpha): makes `H x = (beta, 0, ...)` with `H = I - tau v v^T`,
/// `v = (1, x[1..])` stored over `x[1..]`, `beta` over `x[0]`. Returns `tau` (0 when
/// `x[1..]` is zero: `H = I`).
///
/// `||x[1..]||` is a plain sum of squares unless that under- or overflowed; then a
/// `hypot` fold, which cannot (entries near 1e±300 stay exact in range).
pub(crate) fn householder<T: LinalgReal>(x: &mut [T]) -> T {
    let alpha = x[0];
    let ssq = x[1..].iter().fold(zero::<T>(), |acc, &v| acc + v * v);
    let xnorm = if ssq.is_finite() && ssq > T::min_positive_value() / T::epsilon() {
        ssq.sqrt()
    } else {
        x[1..].iter().fold(zero::<T>(), |acc, &v| acc.hypot(v))
    };
    if xnorm == zero::<T>() {
        return zero::<T>();
    }
    let norm = alpha.hypot(xnorm);
    let beta = if alpha >= zero::<T>() { -norm } else { norm };
    let tau = (beta - alpha) / beta;
    let scale = one::<T>() / (alpha - beta);
    for v in &mut x[1..] {
        *v = *v * scale;
    }
    x[0] = beta;
    tau
}

/// `?larft` (forward, columnwise): the upper-triangular `T` with
/// `H_1 ... H_r = I - V T V^T` for the row-major `mm x r` `v` whose column `i` is zero above
/// row `i` and 1 on it (stored). `V^T V` comes from one GEMM (exact use of the stored
/// zeros), then `T[0..i, i] = -tau_i T[0..i, 0..i] (V^T V)[0..i, i]`.
pub(crate) fn larft<T: LinalgReal>(v: &[T], mm: usize, r: usize, taus: &[T]) -> Vec<T> {
    let vm = MatRef::from_slice(v, mm, r);
    let mut g = vec![zero::<T>(); r * r];
    gemm_mat(
        one::<T>(),
        vm.t(),
        vm,
        zero::<T>(),
        MatMut::from_slice(&mut g, r, r),
    );
    let mut t = vec![zero::<T>(); r * r];
    for i in 0..r {
        let tau = taus[i];
        t[i * r + i] = tau;
        if i == 0 || tau == zero::<T>() {
            continue;
        }
        for row in 0..i {
            let acc = (row..i).fold(zero::<T>(), |s, j| s + t[row * r + j] * g[j * r + i]);
            t[row * r + i] = -tau * acc;
        }
    }
    t
}

/// `C = (I - V op(T) V^T) C`: a block of `jb` reflectors applied from the left through
/// three GEMMs, `op(T) = T^T` when `transpose` (`H_jb ... H_1`, as a factorization's trailing
/// update needs) and `T` otherwise (`H_1 ... H_jb`, forming or applying `Q`). `v` is the
/// row-major `c.rows() x jb` reflector block of [`larft`].
pub(crate) fn apply_block<T: LinalgReal>(
    v: &[T],
    jb: usize,
    t: &[T],
    transpose: bool,
    c: MatMut<'_, T>,
) {
    let (rows, nc) = (c.rows(), c.cols());
    if rows == 0 || nc == 0 || jb == 0 {
        return;
    }
    let vm = MatRef::from_slice(v, rows, jb);
    let mut w = vec![zero::<T>(); jb * nc];
    gemm_mat(
        one::<T>(),
        vm.t(),
        c.rb(),
        zero::<T>(),
        MatMut::from_slice(&mut w, jb, nc),
    );
    let mut w2 = vec![zero::<T>(); jb * nc];
    let tm = MatRef::from_slice(t, jb, jb);
    gemm_mat(
        one::<T>(),
        if transpose { tm.t() } else { tm },
        MatRef::from_slice(&w, jb, nc),
        zero::<T>(),
        MatMut::from_slice(&mut w2, jb, nc),
    );
    gemm_mat(
        -one::<T>(),
        vm,
        MatRef::from_slice(&w2, jb, nc),
        one::<T>(),
        c,
    );
}

/// The `rows x cols` block at `(r0, c0)` of the row-major `m` as a GEMM output.
pub(crate) fn block_mut<T: LinalgReal>(
    m: &mut numerust_core::NdArray<T>,
    (r0, c0): (usize, usize),
    (rows, cols): (usize, usize),
) -> numerust_core::ArrayViewMut<'_, T> {
    m.slice_mut(numerust_core::s![r0..r0 + rows, c0..c0 + cols])
}
