//! Streaming `loadtxt`: an iterator over blocks of rows, for files too large to hold parsed.
//!
//! Owns [`LoadTxtChunks`]; memory stays bounded by one chunk of values plus one text block.
//! It must not parse text itself (that is the shared block loop in `loadtxt.rs`).

use super::loadtxt::Loader;
use super::options::LoadTxtOptions;
use super::parse::FromText;
use crate::error::IoResult;
use numerust_core::NdArray;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Iterator over a text file as 2-D arrays of at most `chunk_rows` rows each.
///
/// Every chunk has shape `(rows, columns)` (no squeezing, no `ndmin`/`unpack`); stacking
/// them gives `np.loadtxt(..., ndmin=2)`. `max_rows` limits the rows over all chunks. After
/// an error the iterator ends.
///
/// NumPy has no such iterator; pandas calls it `read_csv(..., chunksize=n)`.
///
/// ```
/// use numerust_io::csv::{LoadTxtChunks, LoadTxtOptions};
/// let text = "1,2\n3,4\n5,6\n";
/// let chunks: Vec<_> = LoadTxtChunks::<f64, _>::from_reader(text.as_bytes(), 2, &LoadTxtOptions::default().delimiter(','))
///     .unwrap()
///     .collect::<Result<_, _>>()
///     .unwrap();
/// assert_eq!(chunks.len(), 2);
/// assert_eq!(chunks[0].shape(), &[2, 2]);
/// assert_eq!(chunks[1].to_vec(), vec![5.0, 6.0]);
/// ```
pub struct LoadTxtChunks<T: FromText, R: Read = File> {
    loader: Loader<R, T>,
    chunk_rows: usize,
    left: Option<usize>,
    done: bool,
}

impl<T: FromText> LoadTxtChunks<T, File> {
    /// Opens `path` for reading in chunks of `chunk_rows` rows (at least 1).
    ///
    /// # Errors
    /// `Io` when the file cannot be opened; `Format` for invalid options.
    pub fn open(
        path: impl AsRef<Path>,
        chunk_rows: usize,
        opts: &LoadTxtOptions,
    ) -> IoResult<Self> {
        let file = File::open(path.as_ref())?;
        let size = file.metadata().ok().map(|m| m.len());
        Self::build(file, size, chunk_rows, opts)
    }
}

impl<T: FromText, R: Read + Send> LoadTxtChunks<T, R> {
    /// Reads `reader` in chunks of `chunk_rows` rows (at least 1).
    ///
    /// # Errors
    /// `Format` for invalid options.
    pub fn from_reader(reader: R, chunk_rows: usize, opts: &LoadTxtOptions) -> IoResult<Self> {
        Self::build(reader, None, chunk_rows, opts)
    }

    fn build(
        reader: R,
        size: Option<u64>,
        chunk_rows: usize,
        opts: &LoadTxtOptions,
    ) -> IoResult<Self> {
        Ok(LoadTxtChunks {
            loader: Loader::new(reader, size, opts)?,
            chunk_rows: chunk_rows.max(1),
            left: opts.max_rows,
            done: false,
        })
    }

    /// Bytes read from the input so far.
    pub fn bytes_read(&self) -> u64 {
        self.loader.bytes_read()
    }

    /// Physical lines consumed so far.
    pub fn lines_read(&self) -> usize {
        self.loader.lines()
    }

    fn next_chunk(&mut self) -> IoResult<Option<NdArray<T>>> {
        let want = self
            .left
            .map_or(self.chunk_rows, |l| l.min(self.chunk_rows));
        if want == 0 {
            return Ok(None);
        }
        let mut out = Vec::new();
        let rows = self.loader.read_rows(Some(want), &mut out, &mut |_| {})?;
        if rows == 0 {
            return Ok(None);
        }
        if let Some(l) = &mut self.left {
            *l -= rows;
        }
        let cols = self.loader.columns();
        Ok(Some(NdArray::from_shape_vec(&[rows, cols], out)?))
    }
}

impl<T: FromText, R: Read + Send> Iterator for LoadTxtChunks<T, R> {
    type Item = IoResult<NdArray<T>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_chunk() {
            Ok(Some(a)) => Some(Ok(a)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}
