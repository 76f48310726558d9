//! The portable kernel: `[T; 4]` lanes in plain Rust, which LLVM turns into SSE2 on a
//! baseline x86-64 build (and NEON elsewhere). Multiply and add are separate roundings here
//! (no FMA is assumed); this level is the reference the SIMD levels are tested against.

use super::{Kernel, KernelFn, Vector, body};
use crate::gemm::GemmScalar;

/// Four lanes of `T`.
#[derive(Clone, Copy)]
pub(crate) struct Lanes4<T>([T; 4]);

// SAFETY: plain Rust; valid on every target.
unsafe impl<T: GemmScalar> Vector for Lanes4<T> {
    type Elem = T;
    const LANES: usize = 4;
    #[inline(always)]
    unsafe fn zero() -> Self {
        Lanes4([T::zero(); 4])
    }
    #[inline(always)]
    unsafe fn splat(x: T) -> Self {
        Lanes4([x; 4])
    }
    #[inline(always)]
    unsafe fn load(p: *const T) -> Self {
        // SAFETY: the caller guarantees 4 readable elements at `p`.
        Lanes4(unsafe { p.cast::<[T; 4]>().read_unaligned() })
    }
    #[inline(always)]
    unsafe fn splat_from(p: *const T) -> Self {
        // SAFETY: the caller guarantees `*p` is readable.
        Lanes4([unsafe { *p }; 4])
    }
    #[inline(always)]
    unsafe fn store(p: *mut T, v: Self) {
        // SAFETY: the caller guarantees 4 writable elements at `p`.
        unsafe { p.cast::<[T; 4]>().write_unaligned(v.0) }
    }
    #[inline(always)]
    unsafe fn fma(a: Self, b: Self, c: Self) -> Self {
        Lanes4(std::array::from_fn(|i| a.0[i] * b.0[i] + c.0[i]))
    }
    #[inline(always)]
    unsafe fn mul(a: Self, b: Self) -> Self {
        Lanes4(std::array::from_fn(|i| a.0[i] * b.0[i]))
    }
}

/// The portable kernel with `MV` vectors of 4 lanes by 4 columns.
///
/// # Safety
/// As [`body`].
#[allow(clippy::too_many_arguments)]
unsafe fn kernel_x4<T: GemmScalar, const MV: usize, const DIRECT: bool>(
    kc: usize,
    alpha: T,
    a: *const T,
    a_step: isize,
    b: *const T,
    b_rs: isize,
    b_cs: isize,
    beta: T,
    c: *mut T,
    rs: isize,
    cs: isize,
    m: usize,
    n: usize,
) {
    // SAFETY: forwarded contract; portable code runs anywhere.
    unsafe {
        body::<Lanes4<T>, MV, 4, DIRECT>(kc, alpha, a, a_step, b, b_rs, b_cs, beta, c, rs, cs, m, n)
    }
}

/// The portable 8 x 4 kernel family for `T` (tiles of 4 and 8 rows).
pub(crate) fn kernel<T: GemmScalar>() -> Kernel<T> {
    Kernel {
        mr: 8,
        nr: 4,
        lanes: 4,
        funcs: Family::<T>::FUNCS,
        direct: Family::<T>::DIRECT,
    }
}

/// The static table of a type's portable kernels.
struct Family<T>(std::marker::PhantomData<T>);
impl<T: GemmScalar> Family<T> {
    const FUNCS: &'static [KernelFn<T>] = &[kernel_x4::<T, 1, false>, kernel_x4::<T, 2, false>];
    const DIRECT: &'static [KernelFn<T>] = &[kernel_x4::<T, 1, true>, kernel_x4::<T, 2, true>];
}
