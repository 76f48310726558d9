//! Vector logarithms and their relatives: `log`, `log2`, `log10`, `log1p`, `arcsinh`,
//! `arccosh`, `arctanh` and `cbrt` for `f32` and `f64`, with no libm call per element.
//!
//! Every function is one branch-free per-element body (`elem::<FMA>(x)`: selects, bit tricks,
//! no data-dependent branches), so LLVM vectorises the contiguous loop. Each function is a
//! kernel type implementing [`crate::unary::Unary`], run by the shared drivers there
//! ([`crate::unary::run_many`], ...), which own the SIMD levels (`Avx2` fuses the
//! polynomials: bits may differ from `Scalar` by at most the documented ULP bound), the
//! strided path and the thread split. `log` has its own AVX-512 body ([`avx512`]: exact
//! `getexp`/`getmant` reduction, a small table, no division), as NumPy dispatches its
//! AVX-512 `log` on AVX-512F CPUs.
//!
//! The shared logarithm core (range reduction and the `log(1 + f)` polynomial) is in
//! [`core`]; `f32` inputs are evaluated in `f64` lanes with a shorter polynomial, then
//! rounded once (except `f32` `log`, which has its own `f32`-lane body). Max ULP errors on NumPy's validation sets are in `docs/accuracy.md`.
//! NumPy counterpart: `numpy/_core/src/umath/loops_umath_fp.dispatch.c.src` (SIMD `log`) and
//! `npy_math` (libm) for the others.

#[cfg(target_arch = "x86_64")]
pub mod avx512;
pub mod cbrt;
pub mod core;
pub mod hyperbolic;
pub mod ln;
pub mod log1p;

pub use cbrt::Cbrt;
pub use hyperbolic::{Arccosh, Arcsinh, Arctanh};
pub use ln::{Log, Log2, Log10};
pub use log1p::Log1p;
