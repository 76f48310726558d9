//! numerust-io: NumPy's file formats for numerust arrays.
//!
//! - [`npy`]: `.npy` files (`save`, `load`, `load_any`), every dtype numerust has, both byte
//!   orders, C and Fortran order, header versions 1.0–3.0.
//! - [`mmap`]: memory-mapped `.npy` (`load_mmap`, `open_memmap`): views over the file's pages.
//! - [`npz`]: `.npz` archives (`savez`, `savez_compressed`, `load_npz` read lazily by name).
//! - [`csv`]: delimited text (`loadtxt`, `genfromtxt`, `savetxt`, chunked reading), with
//!   NumPy's rules and messages that name the line and column.
//! - [`error`]: [`IoError`], with messages that name the file, line or field at fault.
//!
//! Malformed input is an error, never a panic, and no allocation is sized by what a header
//! merely claims before the file is known to hold that much.

pub mod csv;
pub mod error;
pub mod mmap;
pub mod npy;
pub mod npz;

pub use csv::{
    GenFromTxt, GenFromTxtOptions, LoadTxtChunks, LoadTxtOptions, SaveTxtOptions, genfromtxt,
    loadtxt, savetxt,
};
pub use error::{IoError, IoResult};
pub use mmap::{MmapMode, NpyMmap, load_mmap, open_memmap};
pub use npy::{load, load_any, load_as, read_npy, read_npy_bytes, save, save_any, write_npy};
pub use npz::{NpzFile, load_npz, savez, savez_compressed};
