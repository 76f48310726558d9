//! The back-transformation of `eigh`'s vectors: `Y = Q Y` with `Q = H_0 ... H_{n-2}` the
//! reflectors of [`super::sytrd`] (LAPACK `?ormtr`, `UPLO='L'`).
//!
//! Blocks of [`NB_Q`] reflectors, last block first, each applied in compact WY form
//! `I - V T V^T` (`T` from `?larft`, with `V^T V` by one GEMM): three GEMMs per block, so
//! all `2 n^3` flops run in GEMM. No unsafe.

use super::reflector::{apply_block, larft};
use super::sytrd::Tridiagonal;
use super::{LinalgReal, one, zero};
use crate::gemm::MatMut;

/// Reflectors per compact-WY block in [`apply_q`].
pub(crate) const NB_Q: usize = 64;

/// `Y = Q Y` for the row-major `n x cols` `y`, with `Q` the product of the reflectors in `tri`.
pub(crate) fn apply_q<T: LinalgReal>(tri: &Tridiagonal<T>, y: &mut [T], cols: usize) {
    let n = tri.d.len();
    let nref = n.saturating_sub(1);
    if nref == 0 || cols == 0 {
        return;
    }
    let s = tri.a.as_slice().expect("contiguous");
    // Blocks of reflectors from the last to the first: Q Y = H_0 (H_1 (... Y)).
    let mut starts: Vec<usize> = (0..nref).step_by(NB_Q).collect();
    starts.reverse();
    for k in starts {
        let r = NB_Q.min(nref - k);
        let r0 = k + 1;
        let mm = n - r0;
        // V: mm x r row-major, unit diagonal, reflector k+p in column p.
        let mut v = vec![zero::<T>(); mm * r];
        for p in 0..r {
            let col = &s[(k + p) * n..(k + p + 1) * n];
            v[p * r + p] = one::<T>();
            for l in p + 1..mm {
                v[l * r + p] = col[r0 + l];
            }
        }
        let t = larft(&v, mm, r, &tri.tau[k..k + r]);
        apply_block(
            &v,
            r,
            &t,
            false,
            MatMut::from_slice(&mut y[r0 * cols..], mm, cols),
        );
    }
}
