//! Vector exponentials: `exp`, `exp2`, `expm1`, `sinh`, `cosh` and `tanh` for `f32` and
//! `f64`, with no libm call per element.
//!
//! Every function is a per-element body (`elem::<FMA>(x)`: selects, bit tricks, no
//! data-dependent branches) built on [`core`]: `x = k ln 2 + r`, a polynomial for `e^r`, and
//! `2^k` from integer bits, so LLVM vectorises the contiguous loop. `f64` `exp`/`exp2` go one
//! step further: their contiguous loop computes 8 elements at a time without range checks and
//! redoes a block through the full per-element body only when one of its inputs is outside
//! the plain range (overflow, underflow, NaN); the full body gives the same bits in range.
//! Each function is a kernel type implementing [`crate::unary::Unary`], run by the shared
//! drivers there ([`crate::unary::run_many`], ...), which own the SIMD levels (`Avx2` fuses
//! the polynomials: bits may differ from `Scalar` within the documented ULP bound), the
//! strided path and the thread split.
//! `f32` inputs are evaluated in `f64` lanes with shorter polynomials and rounded once.
//! Max ULP errors on NumPy's validation sets are in `docs/accuracy.md` (all at most 1).
//! NumPy counterpart: `numpy/_core/src/umath/loops_exponent_log.dispatch.c.src` (SIMD `exp`),
//! `loops_hyperbolic.dispatch.cpp` (SIMD `tanh`), `npy_math` (libm) for the others.

pub mod core;
pub mod expm1;
pub mod exponential;
pub mod hyperbolic;

pub use expm1::Expm1;
pub use exponential::{Exp, Exp2};
pub use hyperbolic::{Cosh, Sinh, Tanh};
