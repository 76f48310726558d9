//! Rows of text -> values appended to a `Vec`, sequentially or in parallel.
//!
//! Owns [`RowParser`]: the per-row rules of `np.loadtxt` (column count fixed by the first
//! row unless `usecols` is given, `usecols` with negative indices, errors naming the physical
//! line and the 1-based column), a fast path that parses numbers straight out of the byte
//! buffer, and [`RowParser::parse_parallel`], which cuts a block of whole lines at newlines,
//! parses the pieces on rayon's threads and appends them in order.
//!
//! The fast path handles the common row (no quotes, a one-byte comment, a delimiter that
//! cannot occur inside a number): it reads each number with `FromText::from_prefix` and
//! checks the byte after it. Any row it is not sure about (empty or comment lines, empty
//! fields, text, a column count that differs) it hands to the exact tokenizer
//! (`tokenize.rs`), which decides. The parallel path gives the same values as the
//! sequential one whatever the thread count, and on any error re-reads the block
//! sequentially so the error reported is the first one in the file.

use super::parse::{FromText, is_inline_space, is_py_space};
use super::tokenize::{Comments, Dialect, Tokenizer, split_at_newlines};
use crate::error::{IoError, IoResult};
use rayon::prelude::*;
use std::sync::Arc;

/// Below this many bytes a block is parsed on the calling thread.
pub(crate) const PARALLEL_MIN_BYTES: usize = 1 << 20;
/// The smallest piece a block is cut into for the threads.
const PIECE_MIN_BYTES: usize = 256 << 10;

/// What is fixed for a whole read: the dialect and the column selection.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    /// How rows and fields are split.
    pub dialect: Dialect,
    /// NumPy's `usecols`.
    pub usecols: Option<Vec<isize>>,
    /// `used[j]`: column `j` is read (fast path with non-negative `usecols`).
    used: Vec<bool>,
    /// Whether the fast path may run.
    fast: bool,
}

impl Plan {
    /// The plan for `dialect` and `usecols`.
    pub fn new(dialect: Dialect, usecols: Option<Vec<isize>>) -> Plan {
        let number_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.');
        let delimiter_ok = dialect
            .delimiter
            .is_none_or(|d| !is_py_space(d) && !number_byte(d));
        let comment_ok = match dialect.comments {
            Comments::None => true,
            Comments::Byte(c) => !is_py_space(c) && !number_byte(c),
            Comments::Many(_) => false,
        };
        let cols_ok = usecols.as_ref().is_none_or(|u| u.iter().all(|&c| c >= 0));
        let fast = dialect.quote.is_none() && delimiter_ok && comment_ok && cols_ok;
        let mut used = Vec::new();
        if let Some(u) = &usecols
            && fast
        {
            let top = u.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
            used = vec![false; top];
            for &c in u {
                used[c as usize] = true;
            }
        }
        Plan {
            dialect,
            usecols,
            used,
            fast,
        }
    }

    /// Whether rows may span lines (quoted fields), so blocks cannot be cut at newlines.
    pub fn multiline(&self) -> bool {
        self.dialect.quote.is_some()
    }

    /// Columns of the result once `expected` columns per row are known.
    pub fn result_columns(&self, expected: Option<usize>) -> usize {
        match &self.usecols {
            Some(u) => u.len(),
            None => expected.unwrap_or(1),
        }
    }
}

/// Reads rows of a plan into values, counting lines and rows.
pub(crate) struct RowParser<T> {
    plan: Arc<Plan>,
    /// Fields per row, fixed by the first row when `usecols` is `None`.
    pub expected: Option<usize>,
    /// Physical lines consumed so far (the next row starts on line `line + 1`).
    pub line: usize,
    /// Rows produced so far.
    pub rows: usize,
    tok: Tokenizer,
    row_vals: Vec<T>,
}

impl<T: FromText> RowParser<T> {
    /// A parser at the start of the input.
    pub fn new(plan: Arc<Plan>) -> Self {
        let width = plan.used.len();
        RowParser {
            plan,
            expected: None,
            line: 0,
            rows: 0,
            tok: Tokenizer::default(),
            row_vals: vec![T::default(); width],
        }
    }

    /// Parses rows of `buf` into `out`, at most `max_rows` of them. `complete`: every row
    /// ends inside `buf` (whole lines without quotes, or the end of the input). Returns the
    /// bytes consumed: all of `buf` unless `max_rows` stopped it or a row runs past the end.
    pub fn parse(
        &mut self,
        buf: &[u8],
        complete: bool,
        max_rows: Option<usize>,
        out: &mut Vec<T>,
    ) -> IoResult<usize> {
        let mut pos = 0;
        let mut left = max_rows.unwrap_or(usize::MAX);
        while pos < buf.len() && left > 0 {
            if self.plan.fast {
                let mark = out.len();
                if let Some(next) = self.fast_row(buf, pos, out) {
                    pos = next;
                    self.line += 1;
                    self.rows += 1;
                    left -= 1;
                    continue;
                }
                out.truncate(mark);
            }
            let Some(end) = self.tok.row(buf, pos, complete, &self.plan.dialect) else {
                break;
            };
            let line = self.line + 1;
            self.line += end.lines;
            pos = end.next;
            if self.tok.len() > 0 {
                self.convert_row(line, out)?;
                self.rows += 1;
                left -= 1;
            }
        }
        Ok(pos)
    }

    /// Parses whole lines `buf` (no quotes) on the thread pool, appending to `out` exactly
    /// what [`parse`](Self::parse) would, or its error.
    pub fn parse_parallel(&mut self, buf: &[u8], out: &mut Vec<T>) -> IoResult<()> {
        let threads = rayon::current_num_threads();
        let parts = (buf.len() / PIECE_MIN_BYTES).clamp(1, 4 * threads);
        let pieces = split_at_newlines(buf, parts);
        let plan = &self.plan;
        let expected = self.expected;
        let results: Vec<IoResult<(Vec<T>, RowParser<T>)>> = pieces
            .par_iter()
            .map(|r| {
                let mut sub = RowParser::new(Arc::clone(plan));
                sub.expected = expected;
                let mut v = Vec::with_capacity(r.len() / 8);
                sub.parse(&buf[r.clone()], true, None, &mut v)?;
                Ok((v, sub))
            })
            .collect();
        let agreed = results.iter().try_fold(expected, |acc, r| match r {
            Ok((_, sub)) => match (acc, sub.expected) {
                (Some(a), Some(b)) if a != b => None,
                (a, b) => Some(a.or(b)),
            },
            Err(_) => None,
        });
        let Some(agreed) = agreed else {
            // Some piece failed or pieces disagree: the sequential read finds the first error.
            self.parse(buf, true, None, out)?;
            return Ok(());
        };
        let total: usize = results.iter().flatten().map(|(v, _)| v.len()).sum();
        out.reserve(total);
        for (v, sub) in results.into_iter().flatten() {
            out.extend_from_slice(&v);
            self.line += sub.line;
            self.rows += sub.rows;
        }
        self.expected = agreed;
        Ok(())
    }

    /// One row on the fast path, or `None` when the exact tokenizer must decide.
    #[inline]
    fn fast_row(&mut self, buf: &[u8], pos: usize, out: &mut Vec<T>) -> Option<usize> {
        let d = &self.plan.dialect;
        let ws = d.delimiter.is_none();
        let delim = d.delimiter.unwrap_or(b' ');
        let comment = match d.comments {
            Comments::Byte(c) => Some(c),
            _ => None,
        };
        let select = self.plan.usecols.is_some();
        let limit = if select {
            usize::MAX
        } else {
            self.expected.unwrap_or(usize::MAX)
        };
        let n = buf.len();
        let mut p = pos;
        let mut col = 0usize;
        loop {
            while p < n && is_inline_space(buf[p]) {
                p += 1;
            }
            let c = *buf.get(p)?;
            if c == b'\n' || c == b'\r' || Some(c) == comment || col >= limit {
                return None;
            }
            if !select {
                let (v, k) = T::from_prefix(&buf[p..])?;
                out.push(v);
                p += k;
            } else if self.plan.used.get(col).copied().unwrap_or(false) {
                let (v, k) = T::from_prefix(&buf[p..])?;
                self.row_vals[col] = v;
                p += k;
            } else {
                while p < n {
                    let c = buf[p];
                    let end = c == b'\n'
                        || c == b'\r'
                        || Some(c) == comment
                        || if ws { is_inline_space(c) } else { c == delim };
                    if end {
                        break;
                    }
                    p += 1;
                }
            }
            col += 1;
            let after = p;
            while p < n && is_inline_space(buf[p]) {
                p += 1;
            }
            let Some(&c) = buf.get(p) else { break };
            if c == b'\n' {
                p += 1;
                break;
            }
            if c == b'\r' {
                p += 1 + usize::from(buf.get(p + 1) == Some(&b'\n'));
                break;
            }
            if Some(c) == comment {
                while p < n && buf[p] != b'\n' && buf[p] != b'\r' {
                    p += 1;
                }
                if p < n {
                    p += 1 + usize::from(buf[p] == b'\r' && buf.get(p + 1) == Some(&b'\n'));
                }
                break;
            }
            let next_field = if ws { p > after } else { c == delim };
            if !next_field {
                return None;
            }
            if !ws {
                p += 1;
            }
        }
        if select {
            if col < self.plan.used.len() {
                return None;
            }
            for &u in self.plan.usecols.as_deref().unwrap_or(&[]) {
                out.push(self.row_vals[u as usize]);
            }
        } else if self.expected.is_none() {
            self.expected = Some(col);
        } else if self.expected != Some(col) {
            return None;
        }
        Some(p)
    }

    /// Converts the tokenizer's row (starting on physical line `line`), with NumPy's checks.
    fn convert_row(&mut self, line: usize, out: &mut Vec<T>) -> IoResult<()> {
        let nf = self.tok.len();
        let convert = |j: usize, tok: &Tokenizer| {
            let f = tok.field(j);
            T::from_field(f).ok_or_else(|| IoError::Parse {
                text: String::from_utf8_lossy(f).into_owned(),
                dtype: T::DTYPE,
                line,
                column: j + 1,
            })
        };
        match &self.plan.usecols {
            None => {
                match self.expected {
                    None => self.expected = Some(nf),
                    Some(e) if e != nf => {
                        return Err(IoError::Format(format!(
                            "the number of columns changed from {e} to {nf} at line {line}; \
                             use `usecols` to select a subset and avoid this error"
                        )));
                    }
                    Some(_) => {}
                }
                for j in 0..nf {
                    out.push(convert(j, &self.tok)?);
                }
            }
            Some(cols) => {
                for &u in cols {
                    let j = if u < 0 { u + nf as isize } else { u };
                    if j < 0 || j as usize >= nf {
                        return Err(IoError::Format(format!(
                            "invalid column index {u} at line {line} with {nf} columns"
                        )));
                    }
                    out.push(convert(j as usize, &self.tok)?);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::tokenize::Comments;

    /// Parses `text` whole with the fast path on or off: values and rows, or the error text.
    fn run<T: FromText>(text: &[u8], plan: &Plan) -> Result<(Vec<T>, usize, usize), String> {
        let mut p = RowParser::new(Arc::new(plan.clone()));
        let mut out = Vec::new();
        p.parse(text, true, None, &mut out)
            .map_err(|e| e.to_string())?;
        Ok((out, p.rows, p.line))
    }

    fn check<T: FromText + std::fmt::Debug>(text: &[u8], plan: &Plan) {
        assert!(plan.fast);
        let mut slow = plan.clone();
        slow.fast = false;
        let a = run::<T>(text, plan).map(|(v, r, _)| (format!("{v:?}"), r));
        let b = run::<T>(text, &slow).map(|(v, r, _)| (format!("{v:?}"), r));
        assert_eq!(a, b, "{:?}", String::from_utf8_lossy(text));
    }

    #[test]
    fn fast_path_agrees_with_the_tokenizer() {
        let parts: [&[u8]; 20] = [
            b"0",
            b"1",
            b"9",
            b".",
            b"e",
            b"-",
            b"+",
            b",",
            b" ",
            b"\t",
            b"\n",
            b"\r",
            b"#",
            b"a",
            b"inf",
            b"nan",
            b"1.5",
            b"\x0b",
            b"12345678901234567890",
            b"E5",
        ];
        let plans = [
            Plan::new(
                Dialect {
                    delimiter: None,
                    comments: Comments::Byte(b'#'),
                    quote: None,
                },
                None,
            ),
            Plan::new(
                Dialect {
                    delimiter: Some(b','),
                    comments: Comments::Byte(b'#'),
                    quote: None,
                },
                None,
            ),
            Plan::new(
                Dialect {
                    delimiter: Some(b','),
                    comments: Comments::None,
                    quote: None,
                },
                Some(vec![1, 0]),
            ),
            Plan::new(
                Dialect {
                    delimiter: None,
                    comments: Comments::Byte(b'#'),
                    quote: None,
                },
                Some(vec![2]),
            ),
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..3000 {
            let mut text = Vec::new();
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (x >> 59) as usize * 2;
            for _ in 0..len {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.extend_from_slice(parts[(x >> 33) as usize % parts.len()]);
            }
            for plan in &plans {
                check::<f64>(&text, plan);
                check::<i64>(&text, plan);
                check::<u8>(&text, plan);
            }
        }
    }
}
