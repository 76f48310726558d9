//! Run drivers: turn views plus a [`Plan`] into kernel [`Run`]s.
//!
//! The only place core builds `Run`/`RunMut` from raw pointers. Every driver takes views
//! already broadcast to one shape; the plan's offsets are offsets of in-bounds indices, so
//! each run satisfies the `Run` invariant by the view invariant.

use super::plan::Plan;
use crate::element::Element;
use crate::view::{ArrayView, ArrayViewMut};
use numerust_kernels::{Run, RunMut};

/// Calls `f` with a run of `src` per innermost run, in logical order if `keep_order`.
pub(crate) fn for_each_run<'a, T: Element>(
    src: &ArrayView<'a, T>,
    keep_order: bool,
    mut f: impl FnMut(Run<'a, T>),
) {
    let plan = Plan::new(src.layout.shape(), [src.layout.strides()], keep_order);
    plan.for_each_run(|[o], len, [s]| {
        // SAFETY: offsets/strides from the plan address in-bounds elements of `src` (view
        // invariant), read-only for 'a.
        f(unsafe { Run::from_raw(src.ptr.wrapping_offset(o), len, s) })
    });
}

/// Calls `f(dst_run)` per run of `dst` (memory order).
pub(crate) fn for_each_run_mut<T: Element>(
    dst: &mut ArrayViewMut<'_, T>,
    mut f: impl FnMut(RunMut<'_, T>),
) {
    let plan = Plan::new(dst.layout.shape(), [dst.layout.strides()], false);
    let ptr = dst.ptr;
    plan.for_each_run(|[o], len, [s]| {
        // SAFETY: in-bounds, distinct, exclusive elements of `dst` (mutable view invariant);
        // each run is used and dropped before the next is made.
        f(unsafe { RunMut::from_raw(ptr.wrapping_offset(o), len, s) })
    });
}

/// Calls `f(dst_run, src_run)` per run; `src` has `dst`'s shape (maybe zero strides).
pub(crate) fn for_each_run_mut_1<U: Element, T: Element>(
    dst: &mut ArrayViewMut<'_, U>,
    src: &ArrayView<'_, T>,
    mut f: impl FnMut(RunMut<'_, U>, Run<'_, T>),
) {
    debug_assert_eq!(dst.layout.shape(), src.layout.shape());
    let plan = Plan::new(
        dst.layout.shape(),
        [dst.layout.strides(), src.layout.strides()],
        false,
    );
    let (dp, sp) = (dst.ptr, src.ptr);
    plan.for_each_run(|[od, os], len, [sd, ss]| {
        // SAFETY: both views are in bounds at the plan's offsets (view invariants); `dst` is
        // exclusive and, being a distinct borrow from `src`, does not alias it.
        let (d, s) = unsafe {
            (
                RunMut::from_raw(dp.wrapping_offset(od), len, sd),
                Run::from_raw(sp.wrapping_offset(os), len, ss),
            )
        };
        f(d, s)
    });
}

/// Calls `f(dst_run, a_run, b_run)` per run; `a` and `b` have `dst`'s shape.
pub(crate) fn for_each_run_mut_2<U: Element, A: Element, B: Element>(
    dst: &mut ArrayViewMut<'_, U>,
    a: &ArrayView<'_, A>,
    b: &ArrayView<'_, B>,
    mut f: impl FnMut(RunMut<'_, U>, Run<'_, A>, Run<'_, B>),
) {
    debug_assert_eq!(dst.layout.shape(), a.layout.shape());
    debug_assert_eq!(dst.layout.shape(), b.layout.shape());
    let plan = Plan::new(
        dst.layout.shape(),
        [dst.layout.strides(), a.layout.strides(), b.layout.strides()],
        false,
    );
    let (dp, ap, bp) = (dst.ptr, a.ptr, b.ptr);
    plan.for_each_run(|[od, oa, ob], len, [sd, sa, sb]| {
        // SAFETY: as in `for_each_run_mut_1`, for two inputs.
        let (d, x, y) = unsafe {
            (
                RunMut::from_raw(dp.wrapping_offset(od), len, sd),
                Run::from_raw(ap.wrapping_offset(oa), len, sa),
                Run::from_raw(bp.wrapping_offset(ob), len, sb),
            )
        };
        f(d, x, y)
    });
}

/// Side of the square tiles a transposing copy walks (32×32 f64 = 8 KiB per side: L1-sized).
const TILE: usize = 32;

/// `dst = src` (same shape). When the copy transposes memory order (the source's innermost
/// stride is not ±1 but its next axis' is), it walks 2-D tiles so both sides stay in cache;
/// otherwise plain runs (a `memcpy` when both are contiguous).
pub(crate) fn copy_into<T: Element>(dst: &mut ArrayViewMut<'_, T>, src: &ArrayView<'_, T>) {
    debug_assert_eq!(dst.layout.shape(), src.layout.shape());
    let plan = Plan::new(
        dst.layout.shape(),
        [dst.layout.strides(), src.layout.strides()],
        false,
    );
    let (dims, strides) = (plan.dims(), plan.strides());
    let n = dims.len();
    let transposing = n >= 2
        && strides[n - 1][1].unsigned_abs() > 1
        && strides[n - 2][1].unsigned_abs() == 1
        && dims[n - 1] >= TILE
        && dims[n - 2] >= TILE;
    let (dp, sp) = (dst.ptr, src.ptr);
    if !transposing {
        // Large copies go through the threaded driver (fixed chunks): with fresh output
        // pages, the page faults and the copy both spread over the cores.
        let total = dst.layout.size();
        let mut runs = Vec::with_capacity(plan.run_count());
        plan.for_each_run(|[od, os], len, [sd, ss]| {
            // SAFETY: as in `for_each_run_mut_1`; distinct runs of `dst` are disjoint.
            runs.push(unsafe {
                (
                    Run::from_raw(sp.wrapping_offset(os), len, ss),
                    RunMut::from_raw(dp.wrapping_offset(od), len, sd),
                )
            });
        });
        numerust_kernels::dispatch::map_many(runs, total, &|x: T| x);
        return;
    }
    let (rows, cols) = (dims[n - 2], dims[n - 1]);
    let ([rd, rs], [cd, cs]) = (strides[n - 2], strides[n - 1]);
    plan.for_each_block(2, |[od, os]| {
        for r0 in (0..rows).step_by(TILE) {
            for c0 in (0..cols).step_by(TILE) {
                let clen = TILE.min(cols - c0);
                for r in r0..(r0 + TILE).min(rows) {
                    let (o_d, o_s) = (
                        od + r as isize * rd + c0 as isize * cd,
                        os + r as isize * rs + c0 as isize * cs,
                    );
                    // SAFETY: (r, c0..c0+clen) is inside the block's rows × cols, whose
                    // elements are in bounds for both views (plan + view invariants); `dst`
                    // is exclusive and distinct from `src`.
                    let (d, s) = unsafe {
                        (
                            RunMut::from_raw(dp.wrapping_offset(o_d), clen, cd),
                            Run::from_raw(sp.wrapping_offset(o_s), clen, cs),
                        )
                    };
                    numerust_kernels::run::copy_run(s, d);
                }
            }
        }
    });
}

/// The runs of `dst` (memory order), collected for a kernel that takes them all at once.
pub(crate) fn runs_mut<'d, T: Element>(dst: &'d mut ArrayViewMut<'_, T>) -> Vec<RunMut<'d, T>> {
    let plan = Plan::new(dst.layout.shape(), [dst.layout.strides()], false);
    let ptr = dst.ptr;
    let mut out = Vec::with_capacity(plan.run_count());
    plan.for_each_run(|[o], len, [s]| {
        // SAFETY: distinct runs of an exclusive view cover disjoint elements (the plan visits
        // each index once and the mutable view never repeats addresses); borrowed for 'd.
        out.push(unsafe { RunMut::from_raw(ptr.wrapping_offset(o), len, s) })
    });
    out
}

/// The paired runs of `dst` and `src` (same shape), collected.
pub(crate) fn runs_mut_1<'d, U: Element, T: Element>(
    dst: &'d mut ArrayViewMut<'_, U>,
    src: &ArrayView<'d, T>,
) -> Vec<(RunMut<'d, U>, Run<'d, T>)> {
    debug_assert_eq!(dst.layout.shape(), src.layout.shape());
    let plan = Plan::new(
        dst.layout.shape(),
        [dst.layout.strides(), src.layout.strides()],
        false,
    );
    let (dp, sp) = (dst.ptr, src.ptr);
    let mut out = Vec::with_capacity(plan.run_count());
    plan.for_each_run(|[od, os], len, [sd, ss]| {
        // SAFETY: as in `runs_mut` for `dst`; `src` is a distinct, read-only borrow.
        out.push(unsafe {
            (
                RunMut::from_raw(dp.wrapping_offset(od), len, sd),
                Run::from_raw(sp.wrapping_offset(os), len, ss),
            )
        })
    });
    out
}

/// The paired runs of `dst`, `a` and `b` (same shape), collected.
pub(crate) fn runs_mut_2<'d, U: Element, A: Element, B: Element>(
    dst: &'d mut ArrayViewMut<'_, U>,
    a: &ArrayView<'d, A>,
    b: &ArrayView<'d, B>,
) -> Vec<(RunMut<'d, U>, Run<'d, A>, Run<'d, B>)> {
    let plan = Plan::new(
        dst.layout.shape(),
        [dst.layout.strides(), a.layout.strides(), b.layout.strides()],
        false,
    );
    let (dp, ap, bp) = (dst.ptr, a.ptr, b.ptr);
    let mut out = Vec::with_capacity(plan.run_count());
    plan.for_each_run(|[od, oa, ob], len, [sd, sa, sb]| {
        // SAFETY: as in `runs_mut_1`, for two inputs.
        out.push(unsafe {
            (
                RunMut::from_raw(dp.wrapping_offset(od), len, sd),
                Run::from_raw(ap.wrapping_offset(oa), len, sa),
                Run::from_raw(bp.wrapping_offset(ob), len, sb),
            )
        })
    });
    out
}
