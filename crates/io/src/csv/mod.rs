//! CSV and other delimited text: `loadtxt`, `genfromtxt` and `savetxt` with NumPy's rules.
//!
//! - [`loadtxt`] (and [`loadtxt_reader`], [`loadtxt_str`], [`loadtxt_with_progress`]): numbers
//!   to an `NdArray<T>`, as `np.loadtxt`; fast (block reads, a number parser that works
//!   straight on the bytes, rayon above 1 MiB per block) and exact (correctly rounded floats,
//!   NumPy's tokenizer for every row the fast path is unsure of).
//! - [`LoadTxtChunks`]: the same rows as an iterator of bounded chunks.
//! - [`genfromtxt`]: missing values, filling values, column names and a mask, as
//!   `np.genfromtxt(..., usemask=True)`.
//! - [`savetxt`] / [`savetxt_writer`]: Python's printf-style formats, byte for byte as
//!   `np.savetxt`.
//!
//! Text is read as UTF-8 bytes; only ASCII whitespace counts as whitespace (NumPy also
//! treats Unicode spaces such as U+00A0 as whitespace).

mod chunks;
mod format;
mod genfromtxt;
mod loadtxt;
mod options;
mod parse;
mod rows;
mod savetxt;
mod source;
mod tokenize;

pub use chunks::LoadTxtChunks;
pub use genfromtxt::{GenFromTxt, genfromtxt, genfromtxt_reader};
pub use loadtxt::{Progress, loadtxt, loadtxt_reader, loadtxt_str, loadtxt_with_progress};
pub use options::{FillingValues, Fmt, GenFromTxtOptions, LoadTxtOptions, SaveTxtOptions};
pub use parse::FromText;
pub use savetxt::{SaveText, savetxt, savetxt_writer};
