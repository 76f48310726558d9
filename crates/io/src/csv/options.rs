//! The keyword arguments of `np.loadtxt`, `np.genfromtxt` and `np.savetxt`, with NumPy's
//! names and defaults, as plain structs with builder methods.
//!
//! Owns [`LoadTxtOptions`], [`GenFromTxtOptions`], [`SaveTxtOptions`] and their checks; it
//! must not read or write text.

use super::tokenize::{Comments, Dialect};
use crate::error::{IoError, IoResult};

/// Options of [`loadtxt`](super::loadtxt), named and defaulted as `np.loadtxt`'s keywords.
///
/// NumPy: `np.loadtxt(fname, dtype, comments='#', delimiter=None, skiprows=0, usecols=None,
/// unpack=False, ndmin=0, max_rows=None, quotechar=None)`; `dtype` is the type parameter of
/// `loadtxt::<T>`, the encoding is always UTF-8, and `converters` is not offered.
///
/// ```
/// use numerust_io::csv::LoadTxtOptions;
/// let opts = LoadTxtOptions::default().delimiter(',').usecols(&[0, -1]).ndmin(2);
/// assert_eq!(opts.delimiter, Some(','));
/// assert_eq!(opts.comments, Some(vec!["#".to_string()]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadTxtOptions {
    /// The field delimiter (one ASCII character); `None` splits on runs of whitespace.
    pub delimiter: Option<char>,
    /// Comment markers (default `["#"]`); `None` for no comments. Several markers, or one of
    /// more than one character, cut each line at the first of them and need `quotechar: None`.
    pub comments: Option<Vec<String>>,
    /// Physical lines skipped before anything is read (comment lines count too).
    pub skiprows: usize,
    /// Columns to read, in this order; negative indices count from the end of each row.
    pub usecols: Option<Vec<isize>>,
    /// The most data rows to read (empty and comment lines do not count).
    pub max_rows: Option<usize>,
    /// The minimum number of dimensions of the result: 0, 1 or 2.
    pub ndmin: usize,
    /// Return the transpose, so that `result.row(i)` is column `i` (NumPy: `arr.T`).
    pub unpack: bool,
    /// The quote character (one ASCII character); `None` turns quoting off.
    pub quotechar: Option<char>,
}

impl Default for LoadTxtOptions {
    fn default() -> Self {
        LoadTxtOptions {
            delimiter: None,
            comments: Some(vec!["#".to_string()]),
            skiprows: 0,
            usecols: None,
            max_rows: None,
            ndmin: 0,
            unpack: false,
            quotechar: None,
        }
    }
}

impl LoadTxtOptions {
    /// Sets `delimiter`.
    pub fn delimiter(mut self, c: char) -> Self {
        self.delimiter = Some(c);
        self
    }
    /// Sets the comment markers (an empty list turns comments off).
    pub fn comments(mut self, markers: &[&str]) -> Self {
        self.comments = Some(markers.iter().map(|s| s.to_string()).collect());
        self
    }
    /// Turns comments off (NumPy: `comments=None`).
    pub fn no_comments(mut self) -> Self {
        self.comments = None;
        self
    }
    /// Sets `skiprows`.
    pub fn skiprows(mut self, n: usize) -> Self {
        self.skiprows = n;
        self
    }
    /// Sets `usecols`.
    pub fn usecols(mut self, cols: &[isize]) -> Self {
        self.usecols = Some(cols.to_vec());
        self
    }
    /// Sets `max_rows`.
    pub fn max_rows(mut self, n: usize) -> Self {
        self.max_rows = Some(n);
        self
    }
    /// Sets `ndmin` (0, 1 or 2).
    pub fn ndmin(mut self, n: usize) -> Self {
        self.ndmin = n;
        self
    }
    /// Sets `unpack`.
    pub fn unpack(mut self, on: bool) -> Self {
        self.unpack = on;
        self
    }
    /// Sets `quotechar`.
    pub fn quotechar(mut self, c: char) -> Self {
        self.quotechar = Some(c);
        self
    }

    /// The tokenizer's dialect, after NumPy's argument checks.
    pub(crate) fn dialect(&self) -> IoResult<Dialect> {
        if self.ndmin > 2 {
            return Err(IoError::Format(format!(
                "Illegal value of ndmin keyword: {}",
                self.ndmin
            )));
        }
        let delimiter = self.delimiter.map(|c| ascii(c, "delimiter")).transpose()?;
        let quote = self.quotechar.map(|c| ascii(c, "quotechar")).transpose()?;
        let comments = comments_of(self.comments.as_deref())?;
        check_distinct(delimiter, quote, &comments)?;
        Ok(Dialect {
            delimiter,
            comments,
            quote,
        })
    }
}

/// `c` as one byte, or an error naming the option.
fn ascii(c: char, what: &str) -> IoResult<u8> {
    if c.is_ascii() && c != '\n' && c != '\r' {
        Ok(c as u8)
    } else {
        Err(IoError::Format(format!(
            "{what} must be one ASCII character other than a line end, not {c:?}"
        )))
    }
}

/// The tokenizer's comment markers from NumPy's `comments` argument.
pub(crate) fn comments_of(list: Option<&[String]>) -> IoResult<Comments> {
    let Some(list) = list else {
        return Ok(Comments::None);
    };
    if list.iter().any(|c| c.is_empty()) {
        return Err(IoError::Format(
            "comments cannot be an empty string. Use comments=None to disable all comments.".into(),
        ));
    }
    Ok(match list {
        [] => Comments::None,
        [one] if one.len() == 1 => Comments::Byte(one.as_bytes()[0]),
        many => Comments::Many(many.iter().map(|c| c.as_bytes().to_vec()).collect()),
    })
}

/// NumPy's checks that delimiter, quote and comments do not collide.
fn check_distinct(delimiter: Option<u8>, quote: Option<u8>, comments: &Comments) -> IoResult<()> {
    if let Comments::Many(list) = comments {
        if quote.is_some() {
            return Err(IoError::Format(
                "when multiple comments or a multi-character comment is given, quotes are not \
                 supported.  In this case quotechar must be set to None."
                    .into(),
            ));
        }
        if let Some(d) = delimiter
            && list.iter().any(|c| c.as_slice() == [d])
        {
            return Err(IoError::Format(format!(
                "Comment characters cannot include the delimiter '{}'",
                d as char
            )));
        }
    }
    let comment = match comments {
        Comments::Byte(c) => Some(*c),
        _ => None,
    };
    let same = |a: Option<u8>, b: Option<u8>| a.is_some() && a == b;
    if same(delimiter, quote) || same(delimiter, comment) || same(quote, comment) {
        return Err(IoError::Format(
            "control characters 'delimiter', 'comment' and 'quotechar' must be different".into(),
        ));
    }
    Ok(())
}

/// The value put in place of a missing or unparsable field by
/// [`genfromtxt`](super::genfromtxt).
#[derive(Clone, Debug, PartialEq)]
pub enum FillingValues {
    /// NaN everywhere (NumPy's default for floats).
    Default,
    /// One value for every column.
    One(f64),
    /// One value per (selected) column; columns beyond the list get NaN.
    PerColumn(Vec<f64>),
}

/// Options of [`genfromtxt`](super::genfromtxt), named and defaulted as `np.genfromtxt`'s.
///
/// NumPy: `np.genfromtxt(fname, dtype=float, comments='#', delimiter=None, skip_header=0,
/// skip_footer=0, missing_values=None, filling_values=None, usecols=None, names=None,
/// invalid_raise=True, max_rows=None, loose=True, ndmin=0, usemask=True)`; the result is
/// always `float64` with its mask.
///
/// ```
/// use numerust_io::csv::{FillingValues, GenFromTxtOptions};
/// let opts = GenFromTxtOptions::default().delimiter(',').names(true).filling_values(0.0);
/// assert_eq!(opts.filling_values, FillingValues::One(0.0));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct GenFromTxtOptions {
    /// The field delimiter (any non-empty string); `None` splits on runs of whitespace.
    pub delimiter: Option<String>,
    /// The comment marker (default `"#"`); `None` for no comments.
    pub comments: Option<String>,
    /// Physical lines skipped at the start.
    pub skip_header: usize,
    /// Data rows dropped at the end.
    pub skip_footer: usize,
    /// Columns to read; negative indices count from the end of the first row.
    pub usecols: Option<Vec<isize>>,
    /// Take column names from the first line (after `skip_header`), even a comment line.
    pub names: bool,
    /// Strings that mean "missing", besides the empty field (compared after stripping).
    pub missing_values: Vec<String>,
    /// What missing fields become.
    pub filling_values: FillingValues,
    /// Raise on rows with the wrong number of columns; `false` skips them.
    pub invalid_raise: bool,
    /// Unparsable fields become the filling value (unmasked, as in NumPy); `false` makes
    /// them an error.
    pub loose: bool,
    /// The most data rows to read.
    pub max_rows: Option<usize>,
    /// The minimum number of dimensions of the result: 0, 1 or 2.
    pub ndmin: usize,
}

impl Default for GenFromTxtOptions {
    fn default() -> Self {
        GenFromTxtOptions {
            delimiter: None,
            comments: Some("#".into()),
            skip_header: 0,
            skip_footer: 0,
            usecols: None,
            names: false,
            missing_values: Vec::new(),
            filling_values: FillingValues::Default,
            invalid_raise: true,
            loose: true,
            max_rows: None,
            ndmin: 0,
        }
    }
}

impl GenFromTxtOptions {
    /// Sets `delimiter`.
    pub fn delimiter(mut self, c: char) -> Self {
        self.delimiter = Some(c.to_string());
        self
    }
    /// Sets `comments`; `None` turns comments off.
    pub fn comments(mut self, marker: Option<&str>) -> Self {
        self.comments = marker.map(str::to_string);
        self
    }
    /// Sets `skip_header`.
    pub fn skip_header(mut self, n: usize) -> Self {
        self.skip_header = n;
        self
    }
    /// Sets `skip_footer`.
    pub fn skip_footer(mut self, n: usize) -> Self {
        self.skip_footer = n;
        self
    }
    /// Sets `usecols`.
    pub fn usecols(mut self, cols: &[isize]) -> Self {
        self.usecols = Some(cols.to_vec());
        self
    }
    /// Sets `names`.
    pub fn names(mut self, on: bool) -> Self {
        self.names = on;
        self
    }
    /// Sets the extra `missing_values`.
    pub fn missing_values(mut self, values: &[&str]) -> Self {
        self.missing_values = values.iter().map(|s| s.to_string()).collect();
        self
    }
    /// One filling value for every column.
    pub fn filling_values(mut self, value: f64) -> Self {
        self.filling_values = FillingValues::One(value);
        self
    }
    /// Sets `invalid_raise`.
    pub fn invalid_raise(mut self, on: bool) -> Self {
        self.invalid_raise = on;
        self
    }
    /// Sets `loose`.
    pub fn loose(mut self, on: bool) -> Self {
        self.loose = on;
        self
    }
    /// Sets `max_rows`.
    pub fn max_rows(mut self, n: usize) -> Self {
        self.max_rows = Some(n);
        self
    }
    /// Sets `ndmin`.
    pub fn ndmin(mut self, n: usize) -> Self {
        self.ndmin = n;
        self
    }
}

/// How values are formatted by [`savetxt`](super::savetxt).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fmt {
    /// One printf-style string: a single `%` spec repeated for every column (joined by the
    /// delimiter), or a whole-row format with one spec per column, as NumPy allows.
    One(String),
    /// One spec per column, joined by the delimiter.
    PerColumn(Vec<String>),
}

/// Options of [`savetxt`](super::savetxt), named and defaulted as `np.savetxt`'s keywords.
///
/// NumPy: `np.savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\n', header='',
/// footer='', comments='# ')`.
///
/// ```
/// use numerust_io::csv::SaveTxtOptions;
/// let opts = SaveTxtOptions::default().fmt("%.17g").delimiter(",");
/// assert_eq!(opts.newline, "\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveTxtOptions {
    /// The value format (default `%.18e`).
    pub fmt: Fmt,
    /// Between columns (default one space).
    pub delimiter: String,
    /// After each row (default `\n`).
    pub newline: String,
    /// Written first, each of its lines prefixed by `comments`; empty for none.
    pub header: String,
    /// Written last, each of its lines prefixed by `comments`; empty for none.
    pub footer: String,
    /// Prefix of header and footer lines (default `# `).
    pub comments: String,
}

impl Default for SaveTxtOptions {
    fn default() -> Self {
        SaveTxtOptions {
            fmt: Fmt::One("%.18e".into()),
            delimiter: " ".into(),
            newline: "\n".into(),
            header: String::new(),
            footer: String::new(),
            comments: "# ".into(),
        }
    }
}

impl SaveTxtOptions {
    /// One format string.
    pub fn fmt(mut self, fmt: &str) -> Self {
        self.fmt = Fmt::One(fmt.into());
        self
    }
    /// One format per column.
    pub fn fmt_columns(mut self, fmts: &[&str]) -> Self {
        self.fmt = Fmt::PerColumn(fmts.iter().map(|s| s.to_string()).collect());
        self
    }
    /// Sets `delimiter`.
    pub fn delimiter(mut self, s: &str) -> Self {
        self.delimiter = s.into();
        self
    }
    /// Sets `newline`.
    pub fn newline(mut self, s: &str) -> Self {
        self.newline = s.into();
        self
    }
    /// Sets `header`.
    pub fn header(mut self, s: &str) -> Self {
        self.header = s.into();
        self
    }
    /// Sets `footer`.
    pub fn footer(mut self, s: &str) -> Self {
        self.footer = s.into();
        self
    }
    /// Sets `comments`.
    pub fn comments(mut self, s: &str) -> Self {
        self.comments = s.into();
        self
    }
}
