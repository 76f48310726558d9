//! Test helpers shared by numerust's crates (publish = false; depends on no workspace crate).
//!
//! Owns the reference-data loader (a small `.npy`/`.npz`-free reader of the project's
//! `tests/reference/*.npy` files), ULP distance, and proptest strategies for shapes.

pub mod npy;
pub mod strategies;
pub mod ulp;
pub mod umath;
