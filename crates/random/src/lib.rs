//! numerust-random: NumPy's random streams in Rust, bit for bit.
//!
//! - [`default_rng`] → [`Generator`] over [`Pcg64`] seeded through [`SeedSequence`]: the same
//!   numbers as `np.random.default_rng(seed)` for `random`, `integers`, `standard_normal`,
//!   `normal`, `uniform`, `standard_exponential`, `exponential`, `binomial`, `poisson`,
//!   `choice`, `shuffle`, `permutation`, `spawn` and `jumped`.
//! - [`RandomState`] over [`Mt19937`]: the legacy `np.random.seed(0); np.random.rand(...)`
//!   streams (`rand`, `randn`, `randint`, `random_sample`, `choice`, `shuffle`, `normal`,
//!   `uniform`, `binomial`, `permutation`).
//! - `Generator` implements rand_core's `TryRng` (hence `rand::Rng`), so the `rand`
//!   ecosystem runs on NumPy's stream; `par_random` fills large arrays in parallel from
//!   spawned streams, with results independent of the thread count.
//!
//! ```
//! use numerust_random::default_rng;
//! let mut rng = default_rng(42);
//! let x = rng.random(&[1000, 5]).unwrap();
//! assert_eq!(x.shape(), &[1000, 5]);
//! assert_eq!(x.to_vec()[0], 0.7739560485559633); // np.random.default_rng(42).random()
//! ```
//!
//! This crate owns the bit generators, seeding and distributions; it builds on
//! `numerust-core` for arrays and must not depend on the other domain crates.

mod bitgen;
mod bounded;
mod discrete;
mod error;
mod generator;
mod legacy;
mod mt19937;
mod parallel;
mod seed;
mod ziggurat;

pub use bitgen::{BitGenerator, Pcg64, Pcg64State};
pub use bounded::RandomInt;
pub use error::{RandomError, RandomResult};
pub use generator::{ChoiceOptions, Generator, default_rng};
pub use legacy::RandomState;
pub use mt19937::Mt19937;
pub use seed::{Seed, SeedSequence};
