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
//!
//! Direct operands: a B block of at most `DIRECT_B_BYTES` with unit stride along k, and
//! an A of at most `DIRECT_A_BYTES` with unit row stride, are read in place by the
//! kernels (only a partial last panel is packed), which saves the packing of small
//! products; the arithmetic per element is unchanged.

use super::blocking::{Blocking, default_blocking};
use super::buffer::{Which, with_buffer};
use super::gemv::gemv;
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
    mut c: MatMut<'_, T>,
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
    // One output column or row: a matrix-vector product, memory-bound, never packed.
    if n == 1 && gemv(cfg.level, alpha, a, b, beta, c.rb_mut()) {
        return;
    }
    if m == 1 && gemv(cfg.level, alpha, b.t(), a.t(), beta, c.rb_mut().t()) {
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

/// B blocks up to this many bytes whose columns are contiguous along k are read in place
/// by the direct kernels instead of being packed (they stay in L2 across the row blocks;
/// packing them would cost a transpose of B per call, a large share of small products).
const DIRECT_B_BYTES: usize = 512 << 10;

/// A matrices up to this many bytes with unit row stride are read in place by the kernels
/// (their columns stay in L1/L2; beyond this, packed panels avoid a TLB miss per column).
const DIRECT_A_BYTES: usize = 64 << 10;

/// The block length `<= max` (a multiple of `q` when `max` is) that cuts `len` into the
/// fewest, most nearly equal blocks.
fn balanced(len: usize, max: usize, q: usize) -> usize {
    if len == 0 {
        return max;
    }
    let blocks = len.div_ceil(max);
    (len.div_ceil(blocks).div_ceil(q) * q).min(max).max(1)
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
    // With several threads, cut m into equal row blocks, their number a multiple of the
    // thread count: up to 4 per thread while each keeps two full tiles, so a thread that
    // starts late (a busy machine) still finds work to steal (1024 rows on 2 threads:
    // 8 x 128, not 3 x 336 + 16). A block boundary need only fall on a vector: its last
    // panel takes the narrower kernel, whose per-element operations are the same.
    let lanes = kern.lanes;
    let mc = if threads > 1 {
        let blocks = m.div_ceil(bl.mc).max(4 * threads);
        let blocks = blocks.min(m / (2 * mr)).max(threads);
        let blocks = blocks.div_ceil(threads) * threads;
        m.div_ceil(blocks).div_ceil(lanes) * lanes
    } else {
        balanced(m, bl.mc, mr)
    };
    // Equal k-blocks (1024 = 344 + 344 + 336 rather than 384 + 384 + 256): a function of
    // k and the blocking alone, never of the thread count.
    let bl = Blocking {
        kc: balanced(k, bl.kc, 8),
        ..bl
    };
    let direct = b.row_stride() == 1
        && k.saturating_mul(n).saturating_mul(std::mem::size_of::<T>()) <= DIRECT_B_BYTES;
    // Small A blocks with unit row stride are read in place too (no A packing).
    let direct_a = a.row_stride() == 1
        && m.saturating_mul(k).saturating_mul(std::mem::size_of::<T>()) <= DIRECT_A_BYTES;
    let (rs, cs) = (c.row_stride(), c.col_stride());
    let cptr = CPtr(c.as_mut_ptr());
    for jc in (0..n).step_by(bl.nc) {
        let ncb = bl.nc.min(n - jc);
        let panels = ncb.div_ceil(nr);
        for pc in (0..k).step_by(bl.kc) {
            let kcb = bl.kc.min(k - pc);
            let beta_here = if pc == 0 { beta } else { T::one() };
            let panel_len = nr * kcb;
            let row_blocks = m.div_ceil(mc);
            let col_chunks = if row_blocks >= threads {
                1
            } else {
                threads.div_ceil(row_blocks).min(panels)
            };
            let per_chunk = panels.div_ceil(col_chunks);
            // One task: row block `t / col_chunks`, panel range `t % col_chunks`.
            let task = |t: usize, bpack: Option<&[T]>| {
                let (ib, jchunk) = (t / col_chunks, t % col_chunks);
                let ic = ib * mc;
                let mcb = mc.min(m - ic);
                let p0 = jchunk * per_chunk;
                let p1 = (p0 + per_chunk).min(panels);
                if p0 >= p1 {
                    return;
                }
                let ablock = a.submatrix(ic, pc, mcb, kcb);
                let apanels = mcb.div_ceil(mr);
                let mut edge: Vec<T> = Vec::new();
                let mut a_edge: Vec<T> = Vec::new();
                // The A panels of this block: (pointer, step between columns).
                let run = |apanel: &dyn Fn(usize) -> (*const T, isize), edge: &mut Vec<T>| {
                    for jp in p0..p1 {
                        let j0 = jc + jp * nr;
                        let nb = nr.min(n - j0);
                        // (kernel table, B pointer, B strides for direct kernels)
                        let (table, bp, b_rs, b_cs) = match bpack {
                            Some(bpack) => (kern.funcs, bpack[jp * panel_len..].as_ptr(), 0, 0),
                            None if nb == nr => (
                                kern.direct,
                                b.ptr_at(pc, j0),
                                b.row_stride(),
                                b.col_stride(),
                            ),
                            None => {
                                // The last, partial panel of a direct B: pack just it.
                                edge.resize(panel_len, T::zero());
                                pack(b.submatrix(pc, j0, kcb, nb).t(), nr, nr, edge);
                                (kern.funcs, edge.as_ptr(), 0, 0)
                            }
                        };
                        for ip in 0..apanels {
                            let i0 = ic + ip * mr;
                            let mb = mr.min(ic + mcb - i0);
                            let func = table[mb.div_ceil(kern.lanes) - 1];
                            let (ap, a_step) = apanel(ip);
                            let cp = cptr.at(i0 as isize * rs + j0 as isize * cs);
                            // SAFETY: column p of the A panel is the mb (rounded up to a
                            // vector) values at ap + p*a_step, packed or in place; bp is the
                            // packed kcb x nr panel, or (direct) the full nr columns of B's
                            // block at (pc, j0) with its strides; the mb x nb corner at
                            // (i0, j0) lies inside C, which this task alone writes (disjoint
                            // row block x panel range); the kernel suits this CPU
                            // (`GemmLevel` checks).
                            unsafe {
                                func(
                                    kcb, alpha, ap, a_step, bp, b_rs, b_cs, beta_here, cp, rs, cs,
                                    mb, nb,
                                )
                            };
                        }
                    }
                };
                if direct_a {
                    // Read A in place; only a last panel that is not a whole number of
                    // vectors is packed (the kernel reads whole vectors).
                    let last = apanels - 1;
                    let last_rows = mcb - last * mr;
                    let packed_last = last_rows % lanes != 0;
                    if packed_last {
                        let w = last_rows.div_ceil(lanes) * lanes;
                        a_edge.resize(w * kcb, T::zero());
                        pack(
                            ablock.submatrix(last * mr, 0, last_rows, kcb),
                            w,
                            w,
                            &mut a_edge,
                        );
                    }
                    let a_edge = &a_edge;
                    let apanel = |ip: usize| {
                        if packed_last && ip == last {
                            let w = last_rows.div_ceil(lanes) * lanes;
                            (a_edge.as_ptr(), w as isize)
                        } else {
                            (ablock.ptr_at(ip * mr, 0), a.col_stride())
                        }
                    };
                    run(&apanel, &mut edge);
                } else {
                    with_buffer::<T, _>(Which::A, apanels * mr * kcb, |apack| {
                        pack(ablock, mr, lanes, apack);
                        let apack: &[T] = apack;
                        let apanel = |ip: usize| {
                            let w = mr.min(mcb - ip * mr).div_ceil(lanes) * lanes;
                            (apack[ip * mr * kcb..].as_ptr(), w as isize)
                        };
                        run(&apanel, &mut edge);
                    });
                }
            };
            let tasks = row_blocks * col_chunks;
            let run_tasks = |bpack: Option<&[T]>| {
                if threads > 1 && tasks > 1 {
                    (0..tasks).into_par_iter().for_each(|t| task(t, bpack));
                } else {
                    (0..tasks).for_each(|t| task(t, bpack));
                }
            };
            if direct {
                run_tasks(None);
                continue;
            }
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
                            pack(bblock.submatrix(j0, 0, cols, kcb), nr, nr, chunk);
                        });
                } else {
                    pack(bblock, nr, nr, bpack);
                }
                run_tasks(Some(bpack));
            });
        }
    }
}
