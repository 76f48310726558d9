//! numerust-io: NumPy's file formats for numerust arrays.
//!
//! - [`npy`]: `.npy` files (`save`, `load`, `load_any`), every dtype numerust has, both byte
//!   orders, C and Fortran order, header versions 1.0–3.0.
//! - [`error`]: [`IoError`], with messages that name the file, line or field at fault.
//!
//! Malformed input is an error, never a panic, and no allocation is sized by what a header
//! merely claims before the file is known to hold that much.

pub mod error;

pub use error::{IoError, IoResult};
