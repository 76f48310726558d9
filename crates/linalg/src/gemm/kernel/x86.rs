//! x86-64 kernels: AVX2 + FMA (256-bit, 16 registers) and AVX-512F (512-bit, 32 registers).
//!
//! Each `#[target_feature]` function only calls the generic [`body`] with this level's
//! vector type, so LLVM compiles the body with those instructions (the broadcast of `B`
//! folds into the FMA's memory operand on AVX-512). Callers check the CPU first
//! (`is_x86_feature_detected!`, see `GemmLevel::available`).

use super::{Kernel, Vector, body};
use std::arch::x86_64::*;

macro_rules! impl_vector {
    ($v:ty, $t:ty, $lanes:expr, $feat:literal, $zero:ident, $set1:ident, $loadu:ident,
     $storeu:ident, $fmadd:ident, $mul:ident) => {
        // SAFETY: only called from functions compiled with `$feat` on CPUs that have it
        // (the trait's contract).
        unsafe impl Vector for $v {
            type Elem = $t;
            const LANES: usize = $lanes;
            #[inline(always)]
            unsafe fn zero() -> Self {
                // SAFETY: the CPU has the level (trait contract).
                unsafe { $zero() }
            }
            #[inline(always)]
            unsafe fn splat(x: $t) -> Self {
                // SAFETY: as above.
                unsafe { $set1(x) }
            }
            #[inline(always)]
            unsafe fn load(p: *const $t) -> Self {
                // SAFETY: LANES readable elements at `p` (caller), level present.
                unsafe { $loadu(p) }
            }
            #[inline(always)]
            unsafe fn splat_from(p: *const $t) -> Self {
                // SAFETY: `*p` readable (caller), level present.
                unsafe { $set1(*p) }
            }
            #[inline(always)]
            unsafe fn store(p: *mut $t, v: Self) {
                // SAFETY: LANES writable elements at `p` (caller), level present.
                unsafe { $storeu(p, v) }
            }
            #[inline(always)]
            unsafe fn fma(a: Self, b: Self, c: Self) -> Self {
                // SAFETY: level present.
                unsafe { $fmadd(a, b, c) }
            }
            #[inline(always)]
            unsafe fn mul(a: Self, b: Self) -> Self {
                // SAFETY: level present.
                unsafe { $mul(a, b) }
            }
            #[inline(always)]
            fn prefetch(p: *const $t) {
                // SAFETY: a prefetch is a hint: it never faults, whatever the address.
                unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast()) }
            }
        }
    };
}

impl_vector!(
    __m256d,
    f64,
    4,
    "avx2,fma",
    _mm256_setzero_pd,
    _mm256_set1_pd,
    _mm256_loadu_pd,
    _mm256_storeu_pd,
    _mm256_fmadd_pd,
    _mm256_mul_pd
);
impl_vector!(
    __m256,
    f32,
    8,
    "avx2,fma",
    _mm256_setzero_ps,
    _mm256_set1_ps,
    _mm256_loadu_ps,
    _mm256_storeu_ps,
    _mm256_fmadd_ps,
    _mm256_mul_ps
);
impl_vector!(
    __m512d,
    f64,
    8,
    "avx512f",
    _mm512_setzero_pd,
    _mm512_set1_pd,
    _mm512_loadu_pd,
    _mm512_storeu_pd,
    _mm512_fmadd_pd,
    _mm512_mul_pd
);
impl_vector!(
    __m512,
    f32,
    16,
    "avx512f",
    _mm512_setzero_ps,
    _mm512_set1_ps,
    _mm512_loadu_ps,
    _mm512_storeu_ps,
    _mm512_fmadd_ps,
    _mm512_mul_ps
);

macro_rules! kernel_fn {
    ($name:ident, $t:ty, $v:ty, $mv:expr, $nr:expr, $direct:expr, $feat:literal) => {
        /// A microkernel of this level (see the module doc of `kernel`).
        ///
        /// # Safety
        /// As [`body`]; the CPU has the target features.
        #[target_feature(enable = $feat)]
        #[allow(clippy::too_many_arguments)]
        unsafe fn $name(
            kc: usize,
            alpha: $t,
            a: *const $t,
            a_step: isize,
            b: *const $t,
            b_rs: isize,
            b_cs: isize,
            beta: $t,
            c: *mut $t,
            rs: isize,
            cs: isize,
            m: usize,
            n: usize,
        ) {
            // SAFETY: forwarded contract; this function carries the level's features.
            unsafe {
                body::<$v, $mv, $nr, $direct>(
                    kc, alpha, a, a_step, b, b_rs, b_cs, beta, c, rs, cs, m, n,
                )
            }
        }
    };
}

kernel_fn!(dgemm_avx2_4x6, f64, __m256d, 1, 6, false, "avx2,fma");
kernel_fn!(dgemm_avx2_4x6_direct, f64, __m256d, 1, 6, true, "avx2,fma");
kernel_fn!(dgemm_avx2_8x6, f64, __m256d, 2, 6, false, "avx2,fma");
kernel_fn!(dgemm_avx2_8x6_direct, f64, __m256d, 2, 6, true, "avx2,fma");
kernel_fn!(sgemm_avx2_8x6, f32, __m256, 1, 6, false, "avx2,fma");
kernel_fn!(sgemm_avx2_8x6_direct, f32, __m256, 1, 6, true, "avx2,fma");
kernel_fn!(sgemm_avx2_16x6, f32, __m256, 2, 6, false, "avx2,fma");
kernel_fn!(sgemm_avx2_16x6_direct, f32, __m256, 2, 6, true, "avx2,fma");
kernel_fn!(
    dgemm_avx512_8x8,
    f64,
    __m512d,
    1,
    8,
    false,
    "avx512f,avx2,fma"
);
kernel_fn!(
    dgemm_avx512_8x8_direct,
    f64,
    __m512d,
    1,
    8,
    true,
    "avx512f,avx2,fma"
);
kernel_fn!(
    dgemm_avx512_16x8,
    f64,
    __m512d,
    2,
    8,
    false,
    "avx512f,avx2,fma"
);
kernel_fn!(
    dgemm_avx512_16x8_direct,
    f64,
    __m512d,
    2,
    8,
    true,
    "avx512f,avx2,fma"
);
kernel_fn!(
    dgemm_avx512_24x8,
    f64,
    __m512d,
    3,
    8,
    false,
    "avx512f,avx2,fma"
);
kernel_fn!(
    dgemm_avx512_24x8_direct,
    f64,
    __m512d,
    3,
    8,
    true,
    "avx512f,avx2,fma"
);
kernel_fn!(
    sgemm_avx512_16x8,
    f32,
    __m512,
    1,
    8,
    false,
    "avx512f,avx2,fma"
);
kernel_fn!(
    sgemm_avx512_16x8_direct,
    f32,
    __m512,
    1,
    8,
    true,
    "avx512f,avx2,fma"
);
kernel_fn!(
    sgemm_avx512_32x8,
    f32,
    __m512,
    2,
    8,
    false,
    "avx512f,avx2,fma"
);
kernel_fn!(
    sgemm_avx512_32x8_direct,
    f32,
    __m512,
    2,
    8,
    true,
    "avx512f,avx2,fma"
);
kernel_fn!(
    sgemm_avx512_48x8,
    f32,
    __m512,
    3,
    8,
    false,
    "avx512f,avx2,fma"
);
kernel_fn!(
    sgemm_avx512_48x8_direct,
    f32,
    __m512,
    3,
    8,
    true,
    "avx512f,avx2,fma"
);

/// The AVX2 + FMA f64 kernels, 8 x 6 (callers check the CPU).
pub(crate) fn dgemm_avx2() -> Kernel<f64> {
    Kernel {
        mr: 8,
        nr: 6,
        lanes: 4,
        funcs: &[dgemm_avx2_4x6, dgemm_avx2_8x6],
        direct: &[dgemm_avx2_4x6_direct, dgemm_avx2_8x6_direct],
    }
}
/// The AVX2 + FMA f32 kernels, 16 x 6 (callers check the CPU).
pub(crate) fn sgemm_avx2() -> Kernel<f32> {
    Kernel {
        mr: 16,
        nr: 6,
        lanes: 8,
        funcs: &[sgemm_avx2_8x6, sgemm_avx2_16x6],
        direct: &[sgemm_avx2_8x6_direct, sgemm_avx2_16x6_direct],
    }
}
/// The AVX-512F f64 kernels, 24 x 8 (callers check the CPU).
pub(crate) fn dgemm_avx512() -> Kernel<f64> {
    Kernel {
        mr: 24,
        nr: 8,
        lanes: 8,
        funcs: &[dgemm_avx512_8x8, dgemm_avx512_16x8, dgemm_avx512_24x8],
        direct: &[
            dgemm_avx512_8x8_direct,
            dgemm_avx512_16x8_direct,
            dgemm_avx512_24x8_direct,
        ],
    }
}
/// The AVX-512F f32 kernels, 48 x 8 (callers check the CPU).
pub(crate) fn sgemm_avx512() -> Kernel<f32> {
    Kernel {
        mr: 48,
        nr: 8,
        lanes: 16,
        funcs: &[sgemm_avx512_16x8, sgemm_avx512_32x8, sgemm_avx512_48x8],
        direct: &[
            sgemm_avx512_16x8_direct,
            sgemm_avx512_32x8_direct,
            sgemm_avx512_48x8_direct,
        ],
    }
}
