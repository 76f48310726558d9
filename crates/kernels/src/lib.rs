//! numerust-kernels: 1-D loops over contiguous slices and strided runs.
//!
//! This crate owns the innermost loops of numerust. It knows nothing of arrays: core's
//! iteration plan (see `docs/architecture.md`) cuts every n-dimensional operation into long
//! 1-D [`Run`]s with one stride per operand, and hands each run to a function here. SIMD levels,
//! run-time dispatch and threads live at this layer, never above it.

pub mod dispatch;
pub mod dot;
pub mod exp;
pub mod float;
pub mod keysort;
pub mod log;
pub mod reduce;
pub mod run;
pub mod simd;
#[cfg(test)]
pub(crate) mod testing;
pub mod trig;
pub mod unary;

pub use run::{Run, RunMut};
