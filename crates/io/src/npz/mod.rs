//! `.npz` archives: several named `.npy` arrays in one zip file, as NumPy's `savez`,
//! `savez_compressed` and `load` make and read them.
//!
//! Writing: [`savez`] (members stored) and [`savez_compressed`] (deflated), each member the
//! exact bytes `np.save` would write, zip64 extra fields forced as NumPy forces them.
//! Reading: [`load_npz`] opens the archive lazily (central directory only) and
//! [`NpzFile::get`], [`NpzFile::get_as`] and [`NpzFile::get_any`] read one member when asked,
//! with its CRC checked, its size bounded by what the zip directory says, and the `.npy`
//! header's claim checked against that size before anything is allocated. Deflated members
//! are inflated in chunks that grow only as data arrives. Malformed archives are errors,
//! never panics. The zip layer is the `zip` crate (deflate through `flate2`).
//!
//! Members that are not `.npy` files (NumPy would return their raw bytes) are listed by
//! [`NpzFile::names`] but reading one as an array fails with a `Format` error.

mod read;
mod write;

pub use read::{NpzFile, load_npz};
pub use write::{savez, savez_compressed, write_npz};
