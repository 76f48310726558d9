//! Splitting text into rows of fields exactly as NumPy's loadtxt tokenizer does.
//!
//! Owns [`Dialect`] (delimiter, comments, quote) and [`Tokenizer::row`], a port of the state
//! machine in NumPy's `numpy/_core/src/multiarray/textreading/tokenize.cpp` over a byte
//! buffer: `\n`, `\r\n` and a lone `\r` end a line; a delimiter of `None` splits on runs of
//! whitespace and ignores leading whitespace; a quote opens a quoted field only at the start
//! of a field, `""` inside it is one quote, and quoted fields may span lines; a comment runs
//! to the end of the line; an empty line is no row. It also finds the places where a buffer
//! may be cut between lines. It must not convert fields to numbers.

use super::parse::is_py_space;

/// What starts a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Comments {
    /// No comments.
    None,
    /// One byte (the common case: `#`).
    Byte(u8),
    /// Several comment strings, or one longer than a byte: a line is cut at the first
    /// place any of them starts (NumPy preprocesses lines this way; quotes are then off).
    Many(Vec<Vec<u8>>),
}

impl Comments {
    /// Whether a comment starts at `s[0]`.
    #[inline]
    fn starts(&self, s: &[u8]) -> bool {
        match self {
            Comments::None => false,
            Comments::Byte(c) => s.first() == Some(c),
            Comments::Many(list) => list.iter().any(|c| s.starts_with(c)),
        }
    }
}

/// How a text file is split: NumPy's `delimiter`, `comments` and `quotechar`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dialect {
    /// The field delimiter, or `None` for runs of whitespace.
    pub delimiter: Option<u8>,
    /// Comment markers.
    pub comments: Comments,
    /// The quote character, or `None` for no quoting.
    pub quote: Option<u8>,
}

/// One field of a row: a range of the tokenizer's text buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
    start: usize,
    end: usize,
    quoted: bool,
}

/// Where a row ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RowEnd {
    /// Offset just past the row (after its line end).
    pub next: usize,
    /// Line ends consumed (more than one when a quoted field spans lines).
    pub lines: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Init,
    CheckQuoted,
    Unquoted,
    Quoted,
    QuotedCheckDouble,
    GotoLineEnd,
    EatCrlf,
    LineEnd,
}

/// The row splitter with its reusable field buffers.
#[derive(Default)]
pub(crate) struct Tokenizer {
    text: Vec<u8>,
    fields: Vec<Field>,
}

impl Tokenizer {
    /// The fields of the last row read.
    #[cfg(test)]
    pub fn fields(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        self.fields.iter().map(|f| &self.text[f.start..f.end])
    }

    /// Number of fields in the last row read.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Field `i` of the last row read.
    pub fn field(&self, i: usize) -> &[u8] {
        let f = self.fields[i];
        &self.text[f.start..f.end]
    }

    /// Splits the row starting at `buf[pos]` into fields. Returns `None` when the row does
    /// not end inside `buf` and more input may follow (`at_eof` false); at the end of the
    /// input the row ends with the buffer. A row of no fields is an empty or comment line.
    pub fn row(&mut self, buf: &[u8], pos: usize, at_eof: bool, d: &Dialect) -> Option<RowEnd> {
        self.text.clear();
        self.fields.clear();
        let ws = d.delimiter.is_none();
        let n = buf.len();
        let mut p = pos;
        let mut lines = 0;
        let mut state = State::Init;
        loop {
            if state == State::Init {
                self.close_field();
                self.fields.push(Field {
                    start: self.text.len(),
                    end: self.text.len(),
                    quoted: false,
                });
                state = State::CheckQuoted;
            }
            if p >= n {
                if !at_eof {
                    return None;
                }
                if state == State::EatCrlf {
                    lines += 1;
                }
                break;
            }
            match state {
                State::CheckQuoted => {
                    if ws {
                        while p < n && is_py_space(buf[p]) && buf[p] != b'\r' && buf[p] != b'\n' {
                            p += 1;
                        }
                        if p == n {
                            continue;
                        }
                    }
                    if d.quote == Some(buf[p]) {
                        if let Some(f) = self.fields.last_mut() {
                            f.quoted = true;
                        }
                        state = State::Quoted;
                        p += 1;
                    } else {
                        state = State::Unquoted;
                    }
                }
                State::Unquoted => {
                    let start = p;
                    while p < n {
                        let c = buf[p];
                        if c == b'\r' {
                            state = State::EatCrlf;
                            break;
                        } else if c == b'\n' {
                            state = State::LineEnd;
                            break;
                        } else if d.comments.starts(&buf[p..]) {
                            state = State::GotoLineEnd;
                            break;
                        } else if (ws && is_py_space(c)) || d.delimiter == Some(c) {
                            state = State::Init;
                            break;
                        }
                        p += 1;
                    }
                    self.text.extend_from_slice(&buf[start..p]);
                    p += 1;
                }
                State::Quoted => {
                    let start = p;
                    while p < n && Some(buf[p]) != d.quote {
                        if buf[p] == b'\n' || (buf[p] == b'\r' && buf.get(p + 1) != Some(&b'\n')) {
                            lines += 1;
                        }
                        p += 1;
                    }
                    if p < n {
                        state = State::QuotedCheckDouble;
                    }
                    self.text.extend_from_slice(&buf[start..p]);
                    p += 1;
                }
                State::QuotedCheckDouble => {
                    if d.quote == Some(buf[p]) {
                        self.text.push(buf[p]);
                        state = State::Quoted;
                        p += 1;
                    } else {
                        state = State::Unquoted;
                    }
                }
                State::GotoLineEnd => {
                    while p < n && buf[p] != b'\r' && buf[p] != b'\n' {
                        p += 1;
                    }
                    if p < n {
                        state = if buf[p] == b'\r' {
                            State::EatCrlf
                        } else {
                            State::LineEnd
                        };
                    }
                    p += 1;
                }
                State::EatCrlf => {
                    if buf[p] == b'\n' {
                        p += 1;
                    }
                    state = State::LineEnd;
                }
                State::Init | State::LineEnd => unreachable!("handled above"),
            }
            if state == State::LineEnd {
                lines += 1;
                break;
            }
        }
        self.close_field();
        // NumPy drops a last empty unquoted field when it is the only one (an empty line)
        // or when splitting on whitespace (trailing whitespace); like NumPy, "unquoted"
        // looks at the first field's flag.
        let count = self.fields.len();
        if count == 1 || (count > 0 && ws) {
            let last = self.fields[count - 1];
            if !self.fields[0].quoted && last.end == last.start {
                self.fields.pop();
            }
        }
        Some(RowEnd {
            next: p.min(n),
            lines,
        })
    }

    /// Sets the end of the field being built.
    fn close_field(&mut self) {
        let len = self.text.len();
        if let Some(f) = self.fields.last_mut() {
            f.end = len;
        }
    }
}

/// The length of the prefix of `buf` made of whole lines: just past the last `\n`, or past
/// a lone `\r` that is not the final byte (which might be the first half of `\r\n`).
pub(crate) fn whole_lines(buf: &[u8]) -> usize {
    let n = buf.len();
    buf.iter()
        .enumerate()
        .rev()
        .find(|&(i, &b)| b == b'\n' || (b == b'\r' && i + 1 < n))
        .map_or(0, |(i, _)| i + 1)
}

/// Cuts `buf` (whole lines) into about `parts` pieces, each ending just after a `\n`.
pub(crate) fn split_at_newlines(buf: &[u8], parts: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(parts);
    let step = buf.len() / parts.max(1);
    let mut start = 0;
    for k in 1..parts {
        let target = (k * step).max(start);
        if target >= buf.len() {
            break;
        }
        if let Some(off) = buf[target..].iter().position(|&b| b == b'\n') {
            let end = target + off + 1;
            if end < buf.len() {
                out.push(start..end);
                start = end;
            }
        } else {
            break;
        }
    }
    out.push(start..buf.len());
    out
}

/// Line ends in `buf` (`\n`, and `\r` not followed by `\n`).
pub(crate) fn count_lines(buf: &[u8]) -> usize {
    let nl = buf.iter().filter(|&&b| b == b'\n').count();
    let cr = buf
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && buf.get(i + 1) != Some(&b'\n'))
        .count();
    nl + cr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, d: &Dialect) -> Vec<Vec<String>> {
        let mut t = Tokenizer::default();
        let buf = text.as_bytes();
        let mut pos = 0;
        let mut out = Vec::new();
        while pos < buf.len() {
            let end = t.row(buf, pos, true, d).unwrap();
            if t.len() > 0 {
                out.push(
                    t.fields()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect(),
                );
            }
            pos = end.next;
        }
        out
    }

    fn dialect(delimiter: Option<u8>, quote: Option<u8>) -> Dialect {
        Dialect {
            delimiter,
            comments: Comments::Byte(b'#'),
            quote,
        }
    }

    #[test]
    fn whitespace_rows() {
        let d = dialect(None, None);
        assert_eq!(
            rows(" 1  2\t3 \n\n  \n#c\n4 5#x\r\n6\r7", &d),
            vec![vec!["1", "2", "3"], vec!["4", "5"], vec!["6"], vec!["7"]]
        );
    }

    #[test]
    fn delimited_rows_keep_empty_and_space_fields() {
        let d = dialect(Some(b','), None);
        assert_eq!(
            rows("1,,2\n  \n,\n", &d),
            vec![vec!["1", "", "2"], vec!["  "], vec!["", ""]]
        );
    }

    #[test]
    fn quotes_as_numpy() {
        let d = dialect(Some(b','), Some(b'"'));
        assert_eq!(
            rows("\"1\"\"5\",2\n\"\"4\"\",x\n1,\"2\n3\",4\n", &d),
            vec![
                vec!["1\"5", "2"],
                vec!["4\"\"", "x"],
                vec!["1", "2\n3", "4"]
            ]
        );
        let w = dialect(None, Some(b'"'));
        // NumPy checks the first field's flag: a trailing empty field stays.
        assert_eq!(rows("\"1\" 2 \n", &w), vec![vec!["1", "2", ""]]);
        assert_eq!(rows("1 \"2\" \n", &w), vec![vec!["1", "2"]]);
    }

    #[test]
    fn incomplete_rows_ask_for_more() {
        let mut t = Tokenizer::default();
        let d = dialect(Some(b','), Some(b'"'));
        assert_eq!(t.row(b"1,\"2\n", 0, false, &d), None);
        assert_eq!(t.row(b"1,2\r", 0, false, &d), None);
        assert_eq!(
            t.row(b"1,2\r\n", 0, false, &d),
            Some(RowEnd { next: 5, lines: 1 })
        );
    }

    #[test]
    fn cutting() {
        assert_eq!(whole_lines(b"1\n2\r3\r"), 4);
        assert_eq!(whole_lines(b"abc"), 0);
        let buf = b"aa\nbb\ncc\ndd\n";
        let parts = split_at_newlines(buf, 3);
        assert_eq!(parts.first().unwrap().start, 0);
        assert_eq!(parts.last().unwrap().end, buf.len());
        assert!(parts.iter().all(|r| buf[r.end - 1] == b'\n'));
        assert_eq!(count_lines(b"a\r\nb\rc\n"), 3);
    }
}
