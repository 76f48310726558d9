//! The BLIS loop nest around the microkernel, and its split over rayon threads.
//!
//! ```text
//! for jc in 0..n step nc                 B columns
//!   for pc in 0..k step kc               the k-blocking: FIXED order, never split
//!     pack B[pc.., jc..] -> NR panels    (shared; panels packed in parallel)
//!     for each task (ic block x jr range), in parallel:
//!       pack A[ic.., pc..] -> MR panels  (per-thread buffer)
//!       for jr: for ir: kernel           C[ir, jr] (+)= alpha * Apanel * Bpanel
//! ```
//!
//! Every element of C is owned by exactly one task per `pc` step and sees the same
//! sequence of operations whatever the number of threads: `beta` is applied by the first
//! `kc` block and later blocks accumulate (`beta = 1`), and within a block the kernel's
//! order is fixed. So results are bit-identical for any thread count.
//!
//! Orientation: the kernels vectorise down the columns of C, so a row-major C (unit column
//! stride) is computed as `C^T = B^T A^T`: only strides are swapped, nothing is copied.

use super::blocking::{Blocking, default_blocking};
use super::buffer::{Which, with_buffer};
use super::kernel::Kernel;
use super::mat::{MatMut, MatRef};
use super::pack::pack;
use super::{GemmConfig, GemmScalar};
use rayon::prelude::*;

/// The base of C, shared by the tasks that write its disjoint blocks.
#[derive(Clone, Copy)]
struct CPtr<T>(*mut T);
// SAFETY: tasks write disjoint (row block, column range) rectangles of C, which the caller
// borrows exclusively for the whole call (see `run`).
unsafe impl<T: Send> Send for CPtr<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for CPtr<T> {}

impl<T> CPtr<T> {
    /// The address `offset` elements from the base (a method, so closures capture the
    /// whole `Send` wrapper rather than its raw field).
    fn at(self, offset: isize) -> *mut T {
        self.0.wrapping_offset(offset)
    }
}

/// `C = alpha * A * B + beta * C`; shapes already checked by the caller.
pub(crate) fn run<T: GemmScalar>(
    cfg: &GemmConfig,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    c: MatMut<'_, T>,
) {
    let (m, n, k) = (c.rows(), c.cols(), a.cols());
    debug_assert!(a.rows() == m && b.rows() == k && b.cols() == n);
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 || alpha == T::zero() {
        scale(c, beta);
        return;
    }
    // Vectorise down C's unit-stride direction.
    let (a, b, c) = if c.row_stride() != 1 && c.col_stride() == 1 {
        (b.t(), a.t(), c.t())
    } else {
        (a, b, c)
    };
    let kern = T::kernel(cfg.level);
    let bl = cfg
        .blocking
        .unwrap_or_else(|| default_blocking(kern.mr, kern.nr, std::mem::size_of::<T>()));
    let flops = 2.0 * m as f64 * n as f64 * k as f64;
    let threads = if flops >= cfg.parallel_flops {
        rayon::current_num_threads().max(1)
    } else {
        1
    };
    blocked(&kern, bl, threads, alpha, a, b, beta, c);
}

/// `C = beta * C` (zeros when `beta == 0`, whatever C held).
fn scale<T: GemmScalar>(mut c: MatMut<'_, T>, beta: T) {
    for i in 0..c.rows() {
        for j in 0..c.cols() {
            let x = if beta == T::zero() {
                T::zero()
            } else {
                beta * c.rb().at(i, j)
            };
            c.set(i, j, x);
        }
    }
}

/// The loop nest of the module doc.
#[allow(clippy::too_many_arguments)]
fn blocked<T: GemmScalar>(
    kern: &Kernel<T>,
    bl: Blocking,
    threads: usize,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    mut c: MatMut<'_, T>,
) {
    let (m, n, k) = (c.rows(), c.cols(), a.cols());
    let (mr, nr) = (kern.mr, kern.nr);
    // With several threads, make at least `threads` row blocks when m allows.
    let mc = if threads > 1 {
        bl.mc.min(m.div_ceil(threads).div_ceil(mr) * mr).max(mr)
    } else {
        bl.mc
    };
    let (rs, cs) = (c.row_stride(), c.col_stride());
    let cptr = CPtr(c.as_mut_ptr());
    for jc in (0..n).step_by(bl.nc) {
        let ncb = bl.nc.min(n - jc);
        let panels = ncb.div_ceil(nr);
        for pc in (0..k).step_by(bl.kc) {
            let kcb = bl.kc.min(k - pc);
            let beta_here = if pc == 0 { beta } else { T::one() };
            let panel_len = nr * kcb;
            with_buffer::<T, _>(Which::B, panels * panel_len, |bpack| {
                let bblock = b.submatrix(pc, jc, kcb, ncb).t();
                if threads > 1 && panels > 1 {
                    let per = panels.div_ceil(threads);
                    bpack
                        .par_chunks_mut(per * panel_len)
                        .enumerate()
                        .for_each(|(t, chunk)| {
                            let j0 = t * per * nr;
                            let cols = (per * nr).min(ncb - j0);
                            pack(bblock.submatrix(j0, 0, cols, kcb), nr, chunk);
                        });
                } else {
                    pack(bblock, nr, bpack);
                }
                let bpack: &[T] = bpack;
                let row_blocks = m.div_ceil(mc);
                let col_chunks = if row_blocks >= threads {
                    1
                } else {
                    threads.div_ceil(row_blocks).min(panels)
                };
                let per_chunk = panels.div_ceil(col_chunks);
                let task = |t: usize| {
                    let (ib, jchunk) = (t / col_chunks, t % col_chunks);
                    let ic = ib * mc;
                    let mcb = mc.min(m - ic);
                    let p0 = jchunk * per_chunk;
                    let p1 = (p0 + per_chunk).min(panels);
                    if p0 >= p1 {
                        return;
                    }
                    let ablock = a.submatrix(ic, pc, mcb, kcb);
                    with_buffer::<T, _>(Which::A, mcb.div_ceil(mr) * mr * kcb, |apack| {
                        pack(ablock, mr, apack);
                        for jp in p0..p1 {
                            let j0 = jc + jp * nr;
                            let nb = nr.min(n - j0);
                            let bp = bpack[jp * panel_len..].as_ptr();
                            for ip in 0..mcb.div_ceil(mr) {
                                let i0 = ic + ip * mr;
                                let mb = mr.min(m - i0);
                                let ap = apack[ip * mr * kcb..].as_ptr();
                                let cp = cptr.at(i0 as isize * rs + j0 as isize * cs);
                                // SAFETY: ap/bp hold kcb*mr and kcb*nr packed values; the
                                // mb x nb corner at (i0, j0) lies inside C, which this task
                                // alone writes (disjoint row block x panel range); the
                                // kernel suits this CPU (`GemmLevel` checks).
                                unsafe {
                                    (kern.func)(kcb, alpha, ap, bp, beta_here, cp, rs, cs, mb, nb)
                                };
                            }
                        }
                    });
                };
                let tasks = row_blocks * col_chunks;
                if threads > 1 && tasks > 1 {
                    (0..tasks).into_par_iter().for_each(task);
                } else {
                    (0..tasks).for_each(task);
                }
            });
        }
    }
}
