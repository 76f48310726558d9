//! Microkernels: one `MR x NR` block of `C += alpha * A_panel * B_panel` held in registers.
//!
//! Every kernel is the one generic body [`body`], instantiated for a vector type of its
//! level ([`Vector`]) and a register tile of `MV` vectors down the M direction by `NR`
//! columns; `MR = MV * LANES`. The body only runs inside `#[target_feature]` functions
//! (x86) or as plain code (portable), so each level gets its own instructions:
//!
//! | level | f64 tile (MR x NR) | f32 tile | registers used for C |
//! |---|---|---|---|
//! | portable (`[T; 4]` lanes, SSE2 on a baseline build) | 8 x 4 | 8 x 4 | 8 pairs |
//! | AVX2 + FMA (16 ymm) | 8 x 6 | 16 x 6 | 12 ymm |
//! | AVX-512F (32 zmm) | 24 x 8 | 48 x 8 | 24 zmm |
//!
//! Operands: `a` is a packed `MR x kc` panel (for each `p`, `MR` consecutive values of column
//! `p`), `b` a packed `kc x NR` panel (for each `p`, `NR` consecutive values of row `p`),
//! both zero-padded. `C` is strided; the kernel writes only its `m x n` corner (`m <= MR`,
//! `n <= NR`). `beta == 0` never reads `C` (BLAS semantics: NaN there is overwritten).
//!
//! Arithmetic order, fixed for every element whatever the tile position: `acc = 0`, then
//! `acc = fma(a_p, b_p, acc)` for `p = 0..kc` (a multiply and an add on the portable level),
//! then `x = alpha * acc`, then `x = fma(beta, c, x)` when `beta != 0`. Edge tiles run the
//! same vector operations on a copy of `C`, so their bits match full tiles.

pub(crate) mod portable;
#[cfg(target_arch = "x86_64")]
pub(crate) mod x86;

use crate::gemm::GemmScalar;
use numerust_core::Element;

/// One SIMD vector type of a level: the operations the kernel body needs.
///
/// # Safety
/// Implementations are only called inside code compiled for their level (a
/// `#[target_feature]` function of that level, or anywhere for the portable type).
pub(crate) unsafe trait Vector: Copy {
    /// The element type.
    type Elem: Copy;
    /// Elements per vector.
    const LANES: usize;
    /// All lanes zero.
    unsafe fn zero() -> Self;
    /// All lanes `x`.
    unsafe fn splat(x: Self::Elem) -> Self;
    /// `LANES` elements from `p` (any alignment).
    unsafe fn load(p: *const Self::Elem) -> Self;
    /// Broadcast of `*p` (a memory operand of the FMA where the level has one).
    unsafe fn splat_from(p: *const Self::Elem) -> Self;
    /// `LANES` elements to `p` (any alignment).
    unsafe fn store(p: *mut Self::Elem, v: Self);
    /// `a * b + c`, fused where the level has FMA.
    unsafe fn fma(a: Self, b: Self, c: Self) -> Self;
    /// `a * b`.
    unsafe fn mul(a: Self, b: Self) -> Self;
    /// A hint to bring the cache line holding `p` into L1 (never faults).
    #[inline(always)]
    fn prefetch(p: *const Self::Elem) {
        let _ = p;
    }
}

/// A microkernel: `(kc, alpha, a, a_step, b, b_rs, b_cs, beta, c, rs_c, cs_c, m, n)`.
/// Column `p` of the A panel is the `MR` values at `a + p*a_step` (`a_step` = the panel
/// width when packed, A's column stride when read in place). Packed kernels read `b` as a
/// packed panel and ignore `b_rs`/`b_cs`; direct kernels read element `(p, j)` of B at
/// `b + p*b_rs + j*b_cs` (no packing).
pub type KernelFn<T> = unsafe fn(
    usize,
    T,
    *const T,
    isize,
    *const T,
    isize,
    isize,
    T,
    *mut T,
    isize,
    isize,
    usize,
    usize,
);

/// A microkernel family and its register tile.
#[derive(Clone, Copy)]
pub struct Kernel<T: 'static> {
    /// Rows of the full tile (the vector direction): `lanes * funcs.len()`.
    pub(crate) mr: usize,
    /// Columns of the tile.
    pub(crate) nr: usize,
    /// Elements per vector.
    pub(crate) lanes: usize,
    /// `funcs[v - 1]` computes tiles of `v * lanes` rows: the full tile and the narrower
    /// ones the last row panel uses (same operations per element, so the same bits).
    pub(crate) funcs: &'static [KernelFn<T>],
    /// The same tiles reading B in place (`direct`), for small products whose B columns
    /// are contiguous along k: no B packing at all.
    pub(crate) direct: &'static [KernelFn<T>],
}

/// The largest tile any kernel uses (elements), for the edge-tile scratch buffer.
pub(crate) const MAX_TILE: usize = 48 * 8;

/// The generic microkernel body; see the module doc for operands and arithmetic order.
///
/// # Safety
/// `a + p*a_step + i` is readable for `p < kc`, `i < MV * V::LANES`; `b` holds `kc * NR` (packed) or
/// every `b + p*b_rs + j*b_cs`, `p < kc`, `j < NR` is readable (`DIRECT`); every
/// `c + i*rs + j*cs` for `i < m <= MR`, `j < n <= NR` is a valid, exclusive element; the
/// caller runs in code compiled for `V`'s level.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn body<V: Vector, const MV: usize, const NR: usize, const DIRECT: bool>(
    kc: usize,
    alpha: V::Elem,
    a: *const V::Elem,
    a_step: isize,
    b: *const V::Elem,
    b_rs: isize,
    b_cs: isize,
    beta: V::Elem,
    c: *mut V::Elem,
    rs: isize,
    cs: isize,
    m: usize,
    n: usize,
) where
    V::Elem: GemmScalar,
{
    let lanes = V::LANES;
    let mr = MV * lanes;
    // SAFETY: the pointer ranges are the caller's contract; every load and store below
    // stays inside the A panel, the B panel or columns, the m x n corner of C or `tile`.
    unsafe {
        let mut acc = [[V::zero(); MV]; NR];
        let (pstep, jstep) = if DIRECT {
            (b_rs, b_cs)
        } else {
            (NR as isize, 1)
        };
        // Bring C's tile in while the product runs (its lines are needed at the end).
        if rs == 1 {
            let elem = std::mem::size_of::<V::Elem>();
            for j in 0..n {
                let cj = c.wrapping_offset(j as isize * cs);
                for line in (0..m * elem).step_by(64) {
                    V::prefetch(cj.cast::<u8>().wrapping_add(line).cast());
                }
                V::prefetch(cj.wrapping_add(m - 1));
            }
        }
        let (mut pa, mut pb) = (a, b);
        for _ in 0..kc {
            let mut av = [V::zero(); MV];
            for (i, v) in av.iter_mut().enumerate() {
                *v = V::load(pa.add(i * lanes));
            }
            for (j, col) in acc.iter_mut().enumerate() {
                let bj = V::splat_from(pb.offset(j as isize * jstep));
                for i in 0..MV {
                    col[i] = V::fma(av[i], bj, col[i]);
                }
            }
            pa = pa.wrapping_offset(a_step);
            pb = pb.wrapping_offset(pstep);
        }
        let alpha_v = V::splat(alpha);
        let beta_v = V::splat(beta);
        let read_c = beta != V::Elem::zero();
        if m == mr && n == NR && rs == 1 {
            // Full tile of a column-major C: update in place.
            for (j, col) in acc.iter().enumerate() {
                let cj = c.offset(j as isize * cs);
                for (i, &x) in col.iter().enumerate() {
                    let p = cj.add(i * lanes);
                    let mut x = V::mul(alpha_v, x);
                    if read_c {
                        x = V::fma(beta_v, V::load(p), x);
                    }
                    V::store(p, x);
                }
            }
        } else {
            // Edge or strided C: the same operations on a column-major copy of the corner
            // (constant loop bounds over the accumulators; only the copies are m x n).
            let mut tile = [V::Elem::zero(); MAX_TILE];
            let t = tile.as_mut_ptr();
            if read_c {
                for j in 0..n {
                    for i in 0..m {
                        *t.add(j * mr + i) = *c.offset(i as isize * rs + j as isize * cs);
                    }
                }
            }
            for (j, col) in acc.iter().enumerate() {
                for (i, &x) in col.iter().enumerate() {
                    let p = t.add(j * mr + i * lanes);
                    let mut x = V::mul(alpha_v, x);
                    if read_c {
                        x = V::fma(beta_v, V::load(p), x);
                    }
                    V::store(p, x);
                }
            }
            for j in 0..n {
                for i in 0..m {
                    *c.offset(i as isize * rs + j as isize * cs) = *t.add(j * mr + i);
                }
            }
        }
    }
}
