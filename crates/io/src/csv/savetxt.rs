//! `savetxt`: a 1-D or 2-D array -> text, byte for byte as `np.savetxt` writes it.
//!
//! Owns [`savetxt`], [`savetxt_writer`] and [`SaveText`] (how each element type appears to
//! Python's `%` operator). Rows are formatted in blocks of 8192 straight into one text buffer
//! per block (no allocation per field), a wave of blocks at a time on rayon's threads, and
//! written in order through the writer (a `BufWriter` for files): the bytes never depend on
//! the thread count and memory stays bounded by a wave. It must not parse format strings
//! itself (`format.rs` does).

use super::format::{RowFormat, Value};
use super::options::{Fmt, SaveTxtOptions};
use crate::error::{IoError, IoResult};
use numerust_core::{AsView, Complex, Element};
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;

mod sealed {
    use super::Value;
    /// The value(s) Python's `%` sees for one element: one, or (real, imaginary).
    pub trait Sealed: Copy {
        fn push_values(self, out: &mut Vec<Value>);
    }
}
use sealed::Sealed;

/// An element type `savetxt` can write: every numerus element type.
///
/// Sealed; complex numbers are written as NumPy does, ` (re+imj)` per column.
pub trait SaveText: Element + sealed::Sealed {
    /// Whether values are complex (two numbers each).
    const COMPLEX: bool = false;
}

macro_rules! save_int {
    ($($t:ty),*) => {$(
        impl Sealed for $t {
            fn push_values(self, out: &mut Vec<Value>) {
                out.push(Value::Int(i128::from(self)));
            }
        }
        impl SaveText for $t {}
    )*};
}
save_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Sealed for bool {
    fn push_values(self, out: &mut Vec<Value>) {
        out.push(Value::Bool(self));
    }
}
impl SaveText for bool {}
impl Sealed for f64 {
    fn push_values(self, out: &mut Vec<Value>) {
        out.push(Value::F64(self));
    }
}
impl SaveText for f64 {}
impl Sealed for f32 {
    fn push_values(self, out: &mut Vec<Value>) {
        out.push(Value::F32(self));
    }
}
impl SaveText for f32 {}
impl Sealed for Complex<f64> {
    fn push_values(self, out: &mut Vec<Value>) {
        out.push(Value::F64(self.re));
        out.push(Value::F64(self.im));
    }
}
impl SaveText for Complex<f64> {
    const COMPLEX: bool = true;
}
impl Sealed for Complex<f32> {
    fn push_values(self, out: &mut Vec<Value>) {
        out.push(Value::F32(self.re));
        out.push(Value::F32(self.im));
    }
}
impl SaveText for Complex<f32> {
    const COMPLEX: bool = true;
}

/// The row format NumPy builds from `fmt`, the delimiter and the column count.
fn row_format(opts: &SaveTxtOptions, ncol: usize, complex: bool) -> IoResult<RowFormat> {
    let bad = |msg: String| IoError::Format(msg);
    let text = match &opts.fmt {
        Fmt::PerColumn(list) => {
            if list.len() != ncol {
                return Err(bad(format!("fmt has wrong shape.  {list:?}")));
            }
            list.join(&opts.delimiter)
        }
        Fmt::One(f) => {
            let n = f.matches('%').count();
            let wrong = || bad(format!("fmt has wrong number of % formats:  {f}"));
            if n == 1 {
                let one = if complex {
                    format!(" ({f}+{f}j)")
                } else {
                    f.clone()
                };
                vec![one; ncol].join(&opts.delimiter)
            } else if (complex && n != 2 * ncol) || (!complex && n != ncol) {
                return Err(wrong());
            } else {
                f.clone()
            }
        }
    };
    let rf = RowFormat::parse(&text).map_err(|e| bad(format!("invalid fmt {text:?}: {e}")))?;
    let per_row = if complex { 2 * ncol } else { ncol };
    if rf.specs() != per_row {
        return Err(bad(format!("fmt has wrong number of % formats:  {text}")));
    }
    Ok(rf)
}

/// Writes a 1-D or 2-D array as text to `path`, as `np.savetxt` does.
///
/// NumPy: `np.savetxt(path, a, fmt='%.18e', delimiter=' ', newline='\n', header='',
/// footer='', comments='# ')`. A 1-D array is written one value per line. `fmt` is Python's
/// `%` syntax (flags, width, precision; `d i u x X o e E f F g G s`).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_io::csv::{savetxt, SaveTxtOptions};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 0.5, -2.0, 1e-10]).unwrap();
/// let path = std::env::temp_dir().join("numerust_savetxt_doc.txt");
/// savetxt(&path, &a, &SaveTxtOptions::default().fmt("%g").delimiter(",")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "1,0.5\n-2,1e-10\n");
/// ```
///
/// # Errors
/// `Io` when writing fails; `Format` for an array that is not 1-D or 2-D, a `fmt` with the
/// wrong number of `%` specs or an unsupported one, or a value the spec cannot take
/// (`%d` of NaN, `%x` of a float).
pub fn savetxt<T: SaveText>(
    path: impl AsRef<Path>,
    a: &impl AsView<T>,
    opts: &SaveTxtOptions,
) -> IoResult<()> {
    let file = std::fs::File::create(path.as_ref())?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
    savetxt_writer(&mut w, a, opts)?;
    w.flush()?;
    Ok(())
}

/// [`savetxt`] to any writer (wrap unbuffered writers in a `BufWriter`: rows are written one
/// `write_all` each).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_io::csv::{savetxt_writer, SaveTxtOptions};
/// let a = NdArray::from_vec(vec![1i64, 20, 300]);
/// let mut out = Vec::new();
/// savetxt_writer(&mut out, &a, &SaveTxtOptions::default().fmt("%5d").header("n")).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "# n\n    1\n   20\n  300\n");
/// ```
///
/// # Errors
/// As [`savetxt`].
pub fn savetxt_writer<T: SaveText>(
    mut w: impl Write,
    a: &impl AsView<T>,
    opts: &SaveTxtOptions,
) -> IoResult<()> {
    let view = a.as_view();
    let shape = view.shape().to_vec();
    let (nrow, ncol) = match shape[..] {
        [n] => (n, 1),
        [r, c] => (r, c),
        _ => {
            return Err(IoError::Format(format!(
                "Expected 1D or 2D array, got {}D array instead",
                shape.len()
            )));
        }
    };
    let rf = row_format(opts, ncol, T::COMPLEX)?;
    if !opts.header.is_empty() {
        let h = opts.header.replace('\n', &format!("\n{}", opts.comments));
        w.write_all(format!("{}{}{}", opts.comments, h, opts.newline).as_bytes())?;
    }
    // Rows are formatted in blocks, a wave of blocks at a time on the thread pool, and
    // written in order: the output never depends on the thread count, and memory stays at a
    // wave of blocks whatever the array's size.
    let threads = rayon::current_num_threads();
    let mut elems = view.iter();
    let mut row = 0;
    while row < nrow {
        let mut wave: Vec<(usize, usize, Vec<T>)> = Vec::new();
        while row < nrow && wave.len() < 2 * threads {
            let rows = BLOCK_ROWS.min(nrow - row);
            let block: Vec<T> = elems.by_ref().take(rows * ncol).copied().collect();
            wave.push((row, rows, block));
            row += rows;
        }
        let texts: Vec<IoResult<Vec<u8>>> = wave
            .par_iter()
            .map(|(first, rows, block)| format_rows::<T>(&rf, block, *rows, *first, &opts.newline))
            .collect();
        for t in texts {
            w.write_all(&t?)?;
        }
    }
    if !opts.footer.is_empty() {
        let f = opts.footer.replace('\n', &format!("\n{}", opts.comments));
        w.write_all(format!("{}{}{}", opts.comments, f, opts.newline).as_bytes())?;
    }
    Ok(())
}

/// Rows formatted per block (and per thread) by [`savetxt_writer`].
const BLOCK_ROWS: usize = 8192;

/// The text of the `rows` rows in `block` (the first is row `first` of the array).
fn format_rows<T: SaveText>(
    rf: &RowFormat,
    block: &[T],
    rows: usize,
    first: usize,
    newline: &str,
) -> IoResult<Vec<u8>> {
    let ncol = block.len() / rows.max(1);
    let per_row = if T::COMPLEX { 2 * ncol } else { ncol };
    let mut row_vals = Vec::with_capacity(per_row);
    let mut text = Vec::with_capacity(block.len() * 26 + 16);
    let mut scratch = String::new();
    for r in 0..rows {
        row_vals.clear();
        for &x in &block[r * ncol..(r + 1) * ncol] {
            x.push_values(&mut row_vals);
        }
        let start = text.len();
        rf.write(&row_vals, &mut text, &mut scratch)
            .map_err(|e| IoError::Format(format!("row {}: {e}", first + r)))?;
        if T::COMPLEX {
            replace_plus_minus(&mut text, start);
        }
        text.extend_from_slice(newline.as_bytes());
    }
    Ok(text)
}

/// Python's `s.replace('+-', '-')` on `line[start..]`, in place.
fn replace_plus_minus(line: &mut Vec<u8>, start: usize) {
    let mut out = start;
    let mut i = start;
    while i < line.len() {
        if line[i] == b'+' && line.get(i + 1) == Some(&b'-') {
            i += 1;
            continue;
        }
        line[out] = line[i];
        out += 1;
        i += 1;
    }
    line.truncate(out);
}
