//! numerust: NumPy for Rust, written from scratch.
//!
//! The facade users link. It re-exports the engine crates and offers NumPy-named free
//! functions; `use numerust::prelude::*;` brings in what a NumPy user reaches for first.
//!
//! ```
//! use numerust::prelude::*;
//! let a = zeros::<f64>(&[2, 3]).unwrap();
//! assert_eq!(a.shape(), &[2, 3]);
//! ```

mod functions;

pub use functions::*;
pub use numerust_core::*;
pub use numerust_kernels as kernels;

/// What a NumPy user reaches for first: `use numerust::prelude::*;`.
pub mod prelude {
    pub use numerust_core::{
        ArrayView, ArrayViewMut, AsView, DType, Element, NdArray, NdError, NdResult, NewAxis,
        Order, array, empty, from_fn, full, ones, s, zeros,
    };
}
