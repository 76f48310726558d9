//! `genfromtxt`: text with missing values -> float64 data, a mask and column names, as
//! `np.genfromtxt(..., usemask=True)` computes them.
//!
//! Owns [`genfromtxt`], [`genfromtxt_reader`], [`GenFromTxt`] and NumPy's `LineSplitter`
//! and `NameValidator` rules (`numpy/lib/_iotools.py`): a line is cut at the comment
//! marker, stripped of spaces and line ends, then split at the delimiter (Python's
//! `str.split`); rows with the wrong number of fields are reported together or skipped;
//! fields are parsed with Python's `float()` (underscores between digits allowed); the mask
//! marks fields equal (after stripping) to a missing value, and with `loose` (the default)
//! unparsable fields take the filling value without being masked, exactly as NumPy does.
//! It must not share loadtxt's tokenizer: genfromtxt's splitting rules differ (no quotes,
//! other whitespace handling).

use super::loadtxt::ndmin_shape;
use super::options::{FillingValues, GenFromTxtOptions};
use super::parse::{is_py_space, trim_py_space};
use super::source::Source;
use crate::error::{IoError, IoResult};
use numerust_core::{DType, NdArray};
use std::io::Read;
use std::path::Path;

/// What [`genfromtxt`] returns: NumPy's masked array as its two parts, plus the names.
#[derive(Clone, Debug)]
pub struct GenFromTxt {
    /// The values (filling values where fields were missing or unparsable).
    pub data: NdArray<f64>,
    /// `true` where a field was missing (NumPy's `.mask`), same shape as `data`.
    pub mask: NdArray<bool>,
    /// Column names when `names` was requested (NumPy's `dtype.names`, validated as NumPy
    /// does); the data stay a plain 2-D array rather than NumPy's structured one.
    pub names: Option<Vec<String>>,
}

/// Python's `float()` of a field: whitespace around it allowed, underscores only between
/// digits, then the loadtxt grammar.
fn py_float(s: &[u8]) -> Option<f64> {
    let t = trim_py_space(s);
    if t.is_empty() {
        return None;
    }
    if !t.contains(&b'_') {
        return fast_float2::parse::<f64, _>(t).ok();
    }
    let ok = t.iter().enumerate().all(|(i, &b)| {
        b != b'_'
            || (i > 0
                && t[i - 1].is_ascii_digit()
                && t.get(i + 1).is_some_and(|c| c.is_ascii_digit()))
    });
    if !ok {
        return None;
    }
    let clean: Vec<u8> = t.iter().copied().filter(|&b| b != b'_').collect();
    fast_float2::parse::<f64, _>(&clean).ok()
}

/// NumPy's `LineSplitter._delimited_splitter`: cut at the comment, strip `" \r\n"`, split.
fn split_line<'a>(line: &'a [u8], opts: &GenFromTxtOptions, out: &mut Vec<&'a [u8]>) {
    out.clear();
    let mut line = line;
    if let Some(c) = opts.comments.as_deref().filter(|c| !c.is_empty())
        && let Some(i) = find(line, c.as_bytes())
    {
        line = &line[..i];
    }
    let strip = |b: &u8| matches!(b, b' ' | b'\r' | b'\n');
    let start = line.iter().position(|b| !strip(b)).unwrap_or(line.len());
    let end = line
        .iter()
        .rposition(|b| !strip(b))
        .map_or(start, |i| i + 1);
    let line = &line[start..end];
    if line.is_empty() {
        return;
    }
    match opts.delimiter.as_deref().filter(|d| !d.is_empty()) {
        None => out.extend(line.split(|&b| is_py_space(b)).filter(|f| !f.is_empty())),
        Some(d) => {
            let d = d.as_bytes();
            let mut rest = line;
            while let Some(i) = find(rest, d) {
                out.push(&rest[..i]);
                rest = &rest[i + d.len()..];
            }
            out.push(rest);
        }
    }
}

/// First position of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// NumPy's `NameValidator` with its defaults (delete `~!@#$%^&*()-=+~\|]}[{';: /?.>,<`,
/// spaces to `_`, `return`/`file`/`print` get a `_`, empty names become `f0`, `f1`, ...,
/// repeats get `_1`, `_2`, ...).
fn validate_names(raw: &[String]) -> Vec<String> {
    const DELETE: &str = "~!@#$%^&*()-=+~\\|]}[{';: /?.>,<";
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut empty = 0;
    raw.iter()
        .map(|name| {
            let mut item: String = name.trim().replace(' ', "_");
            item.retain(|c| !DELETE.contains(c));
            if item.is_empty() {
                item = format!("f{empty}");
                empty += 1;
            } else if ["return", "file", "print"].contains(&item.as_str()) {
                item.push('_');
            }
            match seen.iter_mut().find(|(n, _)| *n == item) {
                Some((_, count)) => {
                    let renamed = format!("{item}_{count}");
                    *count += 1;
                    renamed
                }
                None => {
                    seen.push((item.clone(), 1));
                    item
                }
            }
        })
        .collect()
}

/// Physical lines of a source (Python's universal newlines), each without its line end.
struct Lines<R> {
    src: Source<R>,
    line: Vec<u8>,
    number: usize,
}

impl<R: Read> Lines<R> {
    fn next_line(&mut self) -> IoResult<bool> {
        self.line.clear();
        loop {
            let data = self.src.data();
            let eof = self.src.at_eof();
            match data.iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(i) if !(data[i] == b'\r' && i + 1 == data.len() && !eof) => {
                    self.line.extend_from_slice(&data[..i]);
                    let crlf = data[i] == b'\r' && data.get(i + 1) == Some(&b'\n');
                    self.src.consume(i + 1 + usize::from(crlf));
                    self.number += 1;
                    return Ok(true);
                }
                found => {
                    let keep = found.unwrap_or(data.len());
                    self.line.extend_from_slice(&data[..keep]);
                    self.src.consume(keep);
                    if eof {
                        self.number += 1;
                        return Ok(!self.line.is_empty() || found.is_some());
                    }
                    self.src.fill()?;
                }
            }
        }
    }
}

/// Loads text with missing values, as `np.genfromtxt(path, usemask=True)` does.
///
/// NumPy: `np.genfromtxt(path, delimiter, comments, skip_header, skip_footer, usecols,
/// names=True, missing_values='a,b', filling_values, invalid_raise, loose, max_rows, ndmin,
/// usemask=True)` with `dtype=float`. Differences: the mask is always returned; with
/// `names` the data stay a plain 2-D array; error lines are physical line numbers.
///
/// ```
/// use numerust_io::csv::{genfromtxt, GenFromTxtOptions};
/// let path = std::env::temp_dir().join("numerust_genfromtxt_doc.csv");
/// std::fs::write(&path, "x,y\n1,2\n3,\n").unwrap();
/// let g = genfromtxt(&path, &GenFromTxtOptions::default().delimiter(',').names(true)).unwrap();
/// assert_eq!(g.names.unwrap(), vec!["x", "y"]);
/// assert_eq!(g.data.shape(), &[2, 2]);
/// assert!(g.data.to_vec()[3].is_nan());
/// assert_eq!(g.mask.to_vec(), vec![false, false, false, true]);
/// ```
///
/// # Errors
/// `Io` when the file cannot be read; `Format` listing every row with the wrong number of
/// columns (`Line #5 (got 3 columns instead of 4)`) unless `invalid_raise` is false, or for
/// invalid options; `Parse` for an unparsable, non-missing field when `loose` is false.
pub fn genfromtxt(path: impl AsRef<Path>, opts: &GenFromTxtOptions) -> IoResult<GenFromTxt> {
    let file = std::fs::File::open(path.as_ref())?;
    let size = file.metadata().ok().map(|m| m.len());
    read(Source::new(file, size), opts)
}

/// [`genfromtxt`] from any reader.
///
/// # Errors
/// As [`genfromtxt`].
pub fn genfromtxt_reader(reader: impl Read, opts: &GenFromTxtOptions) -> IoResult<GenFromTxt> {
    read(Source::new(reader, None), opts)
}

fn read<R: Read>(mut src: Source<R>, opts: &GenFromTxtOptions) -> IoResult<GenFromTxt> {
    if opts.ndmin > 2 {
        return Err(IoError::Format(format!(
            "Illegal value of ndmin keyword: {}",
            opts.ndmin
        )));
    }
    if opts.max_rows.is_some() && opts.skip_footer > 0 {
        return Err(IoError::Format(
            "The keywords 'skip_footer' and 'max_rows' can not be specified at the same time."
                .into(),
        ));
    }
    if opts.max_rows == Some(0) {
        return Err(IoError::Format("'max_rows' must be at least 1.".into()));
    }
    src.fill()?;
    let mut lines = Lines {
        src,
        line: Vec::new(),
        number: 0,
    };
    for _ in 0..opts.skip_header {
        if !lines.next_line()? {
            break;
        }
    }
    let comments = opts.comments.as_deref().filter(|c| !c.is_empty());
    // The first line that splits into fields (with names, the part after a comment marker).
    let mut first: Vec<Vec<u8>> = Vec::new();
    let mut first_text = Vec::new();
    let mut first_line_no = 0;
    while lines.next_line()? {
        let mut fields = Vec::new();
        let mut text = lines.line.clone();
        if opts.names
            && let Some(c) = comments
            && find(&text, c.as_bytes()).is_some()
        {
            let parts: Vec<&[u8]> = split_all(&text, c.as_bytes());
            text = parts[1..].concat();
        }
        split_line(&text, opts, &mut fields);
        if !fields.is_empty() {
            first = fields.iter().map(|f| f.to_vec()).collect();
            first_line_no = lines.number;
            first_text = lines.line.clone();
            break;
        }
    }
    if opts.names
        && let Some(f0) = first.first()
    {
        let f0 = String::from_utf8_lossy(f0).trim().to_string();
        if comments.is_some_and(|c| c.contains(f0.as_str())) {
            first.remove(0);
        }
    }
    let nfirst = first.len();
    let usecols: Option<Vec<isize>> = opts.usecols.as_ref().map(|u| {
        u.iter()
            .map(|&c| if c < 0 { c + nfirst as isize } else { c })
            .collect()
    });
    let nbcols = usecols.as_ref().map_or(nfirst, Vec::len);
    let mut names = None;
    if opts.names {
        let raw: Vec<String> = first
            .iter()
            .map(|f| String::from_utf8_lossy(f).trim().to_string())
            .collect();
        let mut v = validate_names(&raw);
        if let Some(u) = &usecols
            && v.len() > nbcols
        {
            v = u
                .iter()
                .map(|&c| {
                    usize::try_from(c)
                        .ok()
                        .and_then(|c| v.get(c).cloned())
                        .unwrap_or_default()
                })
                .collect();
        }
        names = Some(v);
    }
    let fill_of = |j: usize| match &opts.filling_values {
        FillingValues::Default => f64::NAN,
        FillingValues::One(x) => *x,
        FillingValues::PerColumn(list) => list.get(j).copied().unwrap_or(f64::NAN),
    };
    let is_missing = |v: &[u8]| {
        let t = trim_py_space(v);
        t.is_empty() || opts.missing_values.iter().any(|m| m.as_bytes() == t)
    };

    let mut data: Vec<f64> = Vec::new();
    let mut mask: Vec<bool> = Vec::new();
    let mut invalid: Vec<(usize, usize)> = Vec::new();
    let mut rows = 0usize;
    let mut pending_first = !opts.names && nfirst > 0;
    loop {
        let (text, line_no) = if pending_first {
            pending_first = false;
            (std::mem::take(&mut first_text), first_line_no)
        } else {
            if !lines.next_line()? {
                break;
            }
            (lines.line.clone(), lines.number)
        };
        let mut fields = Vec::new();
        split_line(&text, opts, &mut fields);
        if fields.is_empty() {
            continue;
        }
        let mut cols: Vec<usize> = Vec::with_capacity(nbcols);
        if let Some(u) = &usecols {
            let n = fields.len() as isize;
            let picked: Option<Vec<usize>> = u
                .iter()
                .map(|&c| {
                    let c = if c < 0 { c + n } else { c };
                    (0..n).contains(&c).then_some(c as usize)
                })
                .collect();
            match picked {
                Some(p) => cols = p,
                None => {
                    invalid.push((line_no, fields.len()));
                    continue;
                }
            }
        } else if fields.len() != nbcols {
            invalid.push((line_no, fields.len()));
            continue;
        } else {
            cols.extend(0..nbcols);
        }
        for (j, &c) in cols.iter().enumerate() {
            let f = fields[c];
            let missing = is_missing(f);
            let value = match py_float(f) {
                Some(x) => x,
                None if opts.loose || missing => fill_of(j),
                None => {
                    return Err(IoError::Parse {
                        text: String::from_utf8_lossy(f).into_owned(),
                        dtype: DType::Float64,
                        line: line_no,
                        column: c + 1,
                    });
                }
            };
            data.push(value);
            mask.push(missing);
        }
        rows += 1;
        if opts.max_rows == Some(rows) {
            break;
        }
    }
    // NumPy's skip_footer bookkeeping: invalid lines inside the footer are not reported.
    let mut skip_footer = opts.skip_footer;
    if !invalid.is_empty() {
        let nbrows = (rows + invalid.len()).saturating_sub(skip_footer);
        if skip_footer > 0 {
            let limit = nbrows + opts.skip_header;
            let in_footer = invalid.iter().filter(|(l, _)| *l > limit).count();
            invalid.truncate(invalid.len() - in_footer);
            skip_footer = skip_footer.saturating_sub(in_footer);
        }
        if !invalid.is_empty() && opts.invalid_raise {
            let mut msg = String::from("Some errors were detected !");
            for (l, n) in &invalid {
                msg.push_str(&format!(
                    "\n    Line #{l} (got {n} columns instead of {nbcols})"
                ));
            }
            return Err(IoError::Format(msg));
        }
    }
    let kept = rows.saturating_sub(skip_footer);
    data.truncate(kept * nbcols);
    mask.truncate(kept * nbcols);
    if names.is_some() {
        // NumPy's structured path also masks values equal to a converted missing value.
        for m in opts.missing_values.iter().filter(|m| !m.is_empty()) {
            for c in 0..nbcols {
                let mval = py_float(m.as_bytes()).unwrap_or_else(|| fill_of(c));
                for r in 0..kept {
                    if data[r * nbcols + c] == mval {
                        mask[r * nbcols + c] = true;
                    }
                }
            }
        }
    }
    let shape = if kept == 0 {
        ndmin_shape(0, 1, opts.ndmin)
    } else {
        ndmin_shape(kept, nbcols, opts.ndmin)
    };
    Ok(GenFromTxt {
        data: NdArray::from_shape_vec(&shape, data)?,
        mask: NdArray::from_shape_vec(&shape, mask)?,
        names,
    })
}

/// Python's `s.split(sep)`.
fn split_all<'a>(s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = find(rest, sep) {
        out.push(&rest[..i]);
        rest = &rest[i + sep.len()..];
    }
    out.push(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_float() {
        assert_eq!(py_float(b" 1_0 "), Some(10.0));
        assert_eq!(py_float(b"1__0"), None);
        assert_eq!(py_float(b"_1"), None);
        assert_eq!(py_float(b"1_"), None);
        assert_eq!(py_float(b"1_0.5_5e1_0"), Some(10.55e10));
        assert_eq!(py_float(b"-inf"), Some(f64::NEG_INFINITY));
    }

    #[test]
    fn names_are_validated() {
        let raw: Vec<String> = ["a", "b", "b", " ", "return", "x y"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            validate_names(&raw),
            vec!["a", "b", "b_1", "f0", "return_", "x_y"]
        );
    }
}
