//! `loadtxt`: a text file of numbers -> an `NdArray`, as `np.loadtxt` reads it.
//!
//! Owns the public `loadtxt*` functions, [`Progress`], the block loop that feeds
//! [`RowParser`] from a [`Source`] (in parallel above [`PARALLEL_MIN_BYTES`] per block), and
//! NumPy's result shape (`ndmin` squeeze rules, `unpack`). It must not tokenize or parse
//! numbers itself.

use super::options::LoadTxtOptions;
use super::parse::FromText;
use super::rows::{PARALLEL_MIN_BYTES, Plan, RowParser};
use super::source::Source;
use super::tokenize::{count_lines, whole_lines};
use crate::error::IoResult;
use numerust_core::NdArray;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// How far a read has got, reported to a progress callback after each block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Bytes read from the input so far.
    pub bytes_read: u64,
    /// Data rows parsed so far.
    pub rows: usize,
}

/// The block loop shared by `loadtxt` and [`LoadTxtChunks`](super::LoadTxtChunks).
pub(crate) struct Loader<R, T> {
    src: Source<R>,
    parser: RowParser<T>,
    plan: Arc<Plan>,
    skiprows: usize,
    started: bool,
}

impl<R: Read + Send, T: FromText> Loader<R, T> {
    /// A loader over `reader` (whose size may be known) with `opts`.
    pub fn new(reader: R, size_hint: Option<u64>, opts: &LoadTxtOptions) -> IoResult<Self> {
        let plan = Arc::new(Plan::new(opts.dialect()?, opts.usecols.clone()));
        Ok(Loader {
            src: Source::new(reader, size_hint),
            parser: RowParser::new(Arc::clone(&plan)),
            plan,
            skiprows: opts.skiprows,
            started: false,
        })
    }

    /// Appends up to `limit` rows to `out` (all when `None`); returns the rows added, 0
    /// only at the end of the input.
    pub fn read_rows(
        &mut self,
        limit: Option<usize>,
        out: &mut Vec<T>,
        progress: &mut dyn FnMut(Progress),
    ) -> IoResult<usize> {
        if !self.started {
            self.started = true;
            self.src.fill()?;
            self.parser.line += self.src.skip_lines(self.skiprows)?;
        }
        let before = self.parser.rows;
        let multiline = self.plan.multiline();
        loop {
            let added = self.parser.rows - before;
            let left = limit.map(|m| m - added);
            if left == Some(0) {
                break;
            }
            let eof = self.src.at_eof();
            let data = self.src.data();
            if data.is_empty() && eof {
                break;
            }
            let region = if multiline || eof {
                data.len()
            } else {
                whole_lines(data)
            };
            if region == 0 {
                self.src.fill()?;
                continue;
            }
            let complete = !multiline || eof;
            let block = &data[..region];
            let parallel = !multiline
                && region >= PARALLEL_MIN_BYTES
                && rayon::current_num_threads() > 1
                // Whole block only when it cannot hold more rows than are wanted; lines are
                // counted only when the limit is a fair share of the block (no rescans of a
                // large block for every small chunk).
                && left.is_none_or(|m| {
                    m > region || (m.saturating_mul(64) >= region && count_lines(block) < m)
                });
            let used = if parallel && !eof {
                let parser = &mut self.parser;
                self.src
                    .parse_while_reading(region, |b| parser.parse_parallel(b, out))??;
                progress(Progress {
                    bytes_read: self.src.bytes_read(),
                    rows: self.parser.rows,
                });
                continue;
            } else if parallel {
                self.parser.parse_parallel(block, out)?;
                region
            } else {
                self.parser.parse(block, complete, left, out)?
            };
            self.src.consume(used);
            progress(Progress {
                bytes_read: self.src.bytes_read(),
                rows: self.parser.rows,
            });
            let stopped_by_limit = limit.is_some_and(|m| self.parser.rows - before >= m);
            if stopped_by_limit {
                break;
            }
            if used < region || !eof {
                // A row runs past the block, or the block is used up: read on.
                self.src.fill()?;
            }
        }
        Ok(self.parser.rows - before)
    }

    /// Columns of each result row.
    pub fn columns(&self) -> usize {
        self.plan.result_columns(self.parser.expected)
    }

    /// Physical lines consumed so far.
    pub fn lines(&self) -> usize {
        self.parser.line
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.src.bytes_read()
    }
}

/// NumPy's `_ensure_ndmin_ndarray` applied to a `(rows, cols)` result: squeeze when there are
/// more dimensions than `ndmin`, then `atleast_1d`, or `atleast_2d(a).T` for `ndmin=2`.
pub(crate) fn ndmin_shape(rows: usize, cols: usize, ndmin: usize) -> Vec<usize> {
    let mut shape = vec![rows, cols];
    if shape.len() > ndmin {
        shape.retain(|&d| d != 1);
    }
    match (ndmin, shape.len()) {
        (1, 0) => vec![1],
        (2, 0) => vec![1, 1],
        (2, 1) => vec![shape[0], 1],
        _ => shape,
    }
}

/// Reads everything from `loader` and shapes it as NumPy does.
fn finish<R: Read + Send, T: FromText>(
    mut loader: Loader<R, T>,
    opts: &LoadTxtOptions,
    progress: &mut dyn FnMut(Progress),
) -> IoResult<NdArray<T>> {
    let mut out = Vec::new();
    let rows = loader.read_rows(opts.max_rows, &mut out, progress)?;
    let shape = ndmin_shape(rows, loader.columns(), opts.ndmin);
    let a = NdArray::from_shape_vec(&shape, out)?;
    Ok(if opts.unpack { a.t() } else { a })
}

/// Loads a text file of numbers into an array of `T`, as `np.loadtxt` does.
///
/// NumPy: `np.loadtxt(path, dtype=T, comments, delimiter, skiprows, usecols, unpack, ndmin,
/// max_rows, quotechar)`. Rows become the first axis; a single row or column is squeezed
/// to 1-D (or 0-d) unless `ndmin` says otherwise; an empty file gives shape `(0,)`.
/// Large files are read in blocks and parsed on all threads; the result does not depend on
/// the thread count.
///
/// ```
/// use numerust_io::csv::{loadtxt, LoadTxtOptions};
/// let path = std::env::temp_dir().join("numerust_loadtxt_doc.csv");
/// std::fs::write(&path, "# x, y\n1.5,2\n3,-4e2\n").unwrap();
/// let a = loadtxt::<f64>(&path, &LoadTxtOptions::default().delimiter(',')).unwrap();
/// assert_eq!(a.shape(), &[2, 2]);
/// assert_eq!(a.to_vec(), vec![1.5, 2.0, 3.0, -400.0]);
/// ```
///
/// # Errors
/// `Io` when the file cannot be read; `Parse` for a field that is not a `T`, naming the
/// physical line and the column (1-based); `Format` for a row whose number of columns
/// differs from the first row's, a `usecols` index outside a row, or invalid options.
pub fn loadtxt<T: FromText>(path: impl AsRef<Path>, opts: &LoadTxtOptions) -> IoResult<NdArray<T>> {
    loadtxt_with_progress(path, opts, |_| {})
}

/// [`loadtxt`] that calls `progress` after each block read (bytes read, rows parsed).
///
/// ```
/// use numerust_io::csv::{loadtxt_with_progress, LoadTxtOptions};
/// let path = std::env::temp_dir().join("numerust_loadtxt_progress_doc.txt");
/// std::fs::write(&path, "1 2\n3 4\n").unwrap();
/// let mut last = None;
/// let a = loadtxt_with_progress::<i64>(&path, &LoadTxtOptions::default(), |p| last = Some(p))
///     .unwrap();
/// assert_eq!(a.to_vec(), vec![1, 2, 3, 4]);
/// assert_eq!(last.unwrap().rows, 2);
/// ```
///
/// # Errors
/// As [`loadtxt`].
pub fn loadtxt_with_progress<T: FromText>(
    path: impl AsRef<Path>,
    opts: &LoadTxtOptions,
    mut progress: impl FnMut(Progress),
) -> IoResult<NdArray<T>> {
    let file = std::fs::File::open(path.as_ref())?;
    let size = file.metadata().ok().map(|m| m.len());
    finish(Loader::new(file, size, opts)?, opts, &mut progress)
}

/// [`loadtxt`] from any reader (read in blocks; nothing else is buffered).
///
/// # Errors
/// As [`loadtxt`].
pub fn loadtxt_reader<T: FromText>(
    reader: impl Read + Send,
    opts: &LoadTxtOptions,
) -> IoResult<NdArray<T>> {
    finish(Loader::new(reader, None, opts)?, opts, &mut |_| {})
}

/// [`loadtxt`] from a string.
///
/// ```
/// use numerust_io::csv::{loadtxt_str, LoadTxtOptions};
/// let a = loadtxt_str::<f64>("1 2 3\n", &LoadTxtOptions::default()).unwrap();
/// assert_eq!(a.shape(), &[3]);
/// let e = loadtxt_str::<f64>("1 2\n3 abc\n", &LoadTxtOptions::default()).unwrap_err();
/// assert_eq!(e.to_string(), "could not convert 'abc' to float64 at line 2, column 2");
/// ```
///
/// # Errors
/// As [`loadtxt`].
pub fn loadtxt_str<T: FromText>(text: &str, opts: &LoadTxtOptions) -> IoResult<NdArray<T>> {
    let bytes = text.as_bytes();
    finish(
        Loader::new(bytes, Some(bytes.len() as u64), opts)?,
        opts,
        &mut |_| {},
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndmin_rules() {
        assert_eq!(ndmin_shape(0, 1, 0), vec![0]);
        assert_eq!(ndmin_shape(0, 1, 2), vec![0, 1]);
        assert_eq!(ndmin_shape(0, 2, 0), vec![0, 2]);
        assert_eq!(ndmin_shape(1, 1, 0), Vec::<usize>::new());
        assert_eq!(ndmin_shape(1, 1, 1), vec![1]);
        assert_eq!(ndmin_shape(1, 1, 2), vec![1, 1]);
        assert_eq!(ndmin_shape(1, 3, 0), vec![3]);
        assert_eq!(ndmin_shape(1, 3, 2), vec![1, 3]);
        assert_eq!(ndmin_shape(3, 1, 1), vec![3]);
        assert_eq!(ndmin_shape(3, 1, 2), vec![3, 1]);
    }
}
