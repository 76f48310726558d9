//! NumPy's products: `matmul`, `dot`, `vdot`, `inner`, `outer`, `tensordot`, `kron`,
//! `trace`, `matrix_power`, `einsum`, `multi_dot`.
//!
//! f32 and f64 go through [`crate::gemm`], complex through four real GEMMs on split
//! planes (small products: a plain loop); integers and bool use a plain `i, p, j` loop
//! (NumPy's own non-BLAS loop order). Operands of any layout are read through their strides;
//! only `tensordot` (and `dot`/`inner` on N-D arrays, which are tensordots) copies an
//! operand, when merging its axes into one matrix dimension needs it, as NumPy does.

mod dot;
mod einsum;
mod matmul;
mod multi_dot;
mod power;
mod scalar;
mod tensordot;

pub use dot::{dot, inner, outer, vdot};
pub use einsum::einsum;
pub use matmul::matmul;
pub use multi_dot::multi_dot;
pub use power::{matrix_power, trace, trace_with};
pub use scalar::LinalgScalar;
pub use tensordot::{TensordotAxes, kron, tensordot};
