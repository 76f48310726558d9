//! The orthogonal factors of [`gebrd`](super::gebrd): `Q` and `P` kept as compact-WY blocks
//! `I - V T V^T` (LAPACK `?larft`), formed explicitly (`?orgbr`) or applied to a matrix
//! (`?ormbr`), blocks in reverse, each as two GEMMs plus a small triangular one.

use super::gebrd::{Bidiagonal, NB_BRD};
use super::reflector::{apply_block, block_mut, larft};
use super::{LinalgReal, one, zero};
use crate::gemm::MatMut;
use numerust_core::NdArray;

/// A block of `jb` reflectors acting on rows/columns `off..off + rows`: `v` is `rows x jb`
/// row-major (unit diagonal, zeros above), `t` the `jb x jb` upper-triangular WY factor, so
/// the block is `I - V T V^T`.
pub(crate) struct Reflectors<T> {
    /// First row/column the block acts on.
    pub off: usize,
    /// Length of the block's vectors.
    pub rows: usize,
    /// Number of reflectors.
    pub jb: usize,
    /// The vectors, `rows x jb` row-major.
    pub v: Vec<T>,
    /// The triangular factor, `jb x jb`.
    pub t: Vec<T>,
}

/// Compact-WY blocks of `k` reflectors of length `len` (reflector `j` acts on `j..len`;
/// `elem(j, r)` is element `r > j` of its vector).
pub(crate) fn blocks<T: LinalgReal>(
    k: usize,
    len: usize,
    elem: impl Fn(usize, usize) -> T,
    taus: &[T],
) -> Vec<Reflectors<T>> {
    let mut out = Vec::new();
    let mut j0 = 0;
    while j0 < k {
        let jb = NB_BRD.min(k - j0);
        let rows = len - j0;
        let mut v = vec![zero::<T>(); rows * jb];
        for r in 0..rows {
            for c in 0..jb.min(r + 1) {
                v[r * jb + c] = if r == c {
                    one::<T>()
                } else {
                    elem(j0 + c, j0 + r)
                };
            }
        }
        let t = larft(&v, rows, jb, &taus[j0..j0 + jb]);
        out.push(Reflectors {
            off: j0,
            rows,
            jb,
            v,
            t,
        });
        j0 += jb;
    }
    out
}

/// The first `cols` columns of the product of `blocks` (an `size x size` orthogonal matrix),
/// as a row-major `size x cols` array (`?orgbr`).
fn form<T: LinalgReal>(blocks: &[Reflectors<T>], size: usize, cols: usize) -> NdArray<T> {
    let mut q = numerust_core::zeros::<T>(&[size, cols]).expect("size*cols elements");
    {
        let s = q.as_slice_mut().expect("contiguous");
        for i in 0..size.min(cols) {
            s[i * cols + i] = one::<T>();
        }
    }
    apply(blocks, &mut q, true);
    q
}

/// `C := H C` for the product `H` of `blocks` and the row-major `c` (`size` rows), blocks in
/// reverse, each as `C -= V (T (V^T C))` (`?ormbr`). `from_identity`: `C` started as the
/// identity, so block `b` only changes columns `b.off..` (`?orgbr`).
fn apply<T: LinalgReal>(blocks: &[Reflectors<T>], q: &mut NdArray<T>, from_identity: bool) {
    let cols = q.shape()[1];
    for b in blocks.iter().rev() {
        let (o, jb, rows) = (b.off, b.jb, b.rows);
        let c0 = if from_identity { o } else { 0 };
        if c0 >= cols {
            continue;
        }
        let nc = cols - c0;
        let mut c = block_mut(q, (o, c0), (rows, nc));
        apply_block(
            &b.v,
            jb,
            &b.t,
            false,
            MatMut::from_view(&mut c).expect("2-D"),
        );
    }
}

impl<T: LinalgReal> Bidiagonal<T> {
    /// `Q[:, ..cols]` (`m x cols`, row-major).
    pub(crate) fn form_q(&self, m: usize, cols: usize) -> NdArray<T> {
        form(&self.q, m, cols)
    }

    /// `P` (`n x n`, row-major).
    pub(crate) fn form_p(&self) -> NdArray<T> {
        let n = self.d.len();
        form(&self.p, n, n)
    }

    /// `C := Q C` for `C` with `m` rows.
    pub(crate) fn apply_q(&self, c: &mut NdArray<T>) {
        apply(&self.q, c, false);
    }

    /// `C := P C` for `C` with `n` rows.
    pub(crate) fn apply_p(&self, c: &mut NdArray<T>) {
        apply(&self.p, c, false);
    }
}
