//! A parser for the Python literals a `.npy` header is made of (what NumPy reads with
//! `ast.literal_eval`): strings, integers, `True`/`False`/`None`, tuples, lists and dicts.
//!
//! It evaluates nothing and allocates only in proportion to its input, and nesting is
//! limited so hostile headers cannot exhaust the stack. Floats, bytes, sets and
//! expressions other than a unary sign are refused: no `.npy` header needs them.

/// A Python literal value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Lit {
    /// `'text'` or `"text"`.
    Str(String),
    /// An integer (Python's are unbounded; this one holds 128 bits).
    Int(i128),
    /// `True` or `False`.
    Bool(bool),
    /// `None`.
    None,
    /// `(a, b, ...)`.
    Tuple(Vec<Lit>),
    /// `[a, b, ...]`.
    List(Vec<Lit>),
    /// `{k: v, ...}` in source order (a repeated key keeps its last value, as in Python).
    Dict(Vec<(Lit, Lit)>),
}

impl Lit {
    /// Python's `repr`-like rendering, for error messages.
    pub(crate) fn repr(&self) -> String {
        let join = |items: &[Lit]| items.iter().map(Lit::repr).collect::<Vec<_>>().join(", ");
        match self {
            Lit::Str(s) => format!("'{s}'"),
            Lit::Int(i) => i.to_string(),
            Lit::Bool(true) => "True".into(),
            Lit::Bool(false) => "False".into(),
            Lit::None => "None".into(),
            Lit::Tuple(t) if t.len() == 1 => format!("({},)", t[0].repr()),
            Lit::Tuple(t) => format!("({})", join(t)),
            Lit::List(l) => format!("[{}]", join(l)),
            Lit::Dict(d) => {
                let items: Vec<String> = d
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.repr(), v.repr()))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
        }
    }
}

/// Deepest nesting accepted; NumPy headers nest two levels.
const MAX_DEPTH: usize = 32;

/// Parses `text` as one Python literal surrounded by optional whitespace.
///
/// # Errors
/// A message saying what was expected and at which character.
pub(crate) fn parse(text: &str) -> Result<Lit, String> {
    let mut p = Parser {
        src: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.skip_space();
    if p.pos != p.src.len() {
        return Err(p.error("end of header"));
    }
    Ok(value)
}

struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, expected: &str) -> String {
        match self.src.get(self.pos) {
            Some(&c) => format!(
                "expected {expected} at character {}, found {:?}",
                self.pos, c as char
            ),
            None => format!(
                "expected {expected} at character {}, found the end",
                self.pos
            ),
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') = self.src.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.src.get(self.pos).copied()
    }

    fn value(&mut self) -> Result<Lit, String> {
        if self.depth >= MAX_DEPTH {
            return Err(format!(
                "literal nested deeper than {MAX_DEPTH} levels at character {}",
                self.pos
            ));
        }
        self.depth += 1;
        let v = self.value_inner();
        self.depth -= 1;
        v
    }

    fn value_inner(&mut self) -> Result<Lit, String> {
        match self.peek() {
            Some(b'{') => self.dict(),
            Some(b'(') => self.tuple(),
            Some(b'[') => {
                self.pos += 1;
                Ok(Lit::List(self.items(b']')?.0))
            }
            Some(b'\'' | b'"') => self.string(),
            Some(b'u' | b'U') if matches!(self.src.get(self.pos + 1), Some(b'\'' | b'"')) => {
                self.pos += 1;
                self.string()
            }
            Some(b'-' | b'+' | b'0'..=b'9') => self.int(),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => self.name(),
            _ => Err(self.error("a value")),
        }
    }

    /// Comma-separated values up to `close`; also says whether a trailing comma was seen.
    fn items(&mut self, close: u8) -> Result<(Vec<Lit>, bool), String> {
        let mut out = Vec::new();
        let mut trailing = false;
        loop {
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok((out, trailing));
            }
            out.push(self.value()?);
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    trailing = true;
                }
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok((out, false));
                }
                _ => return Err(self.error(&format!("',' or '{}'", close as char))),
            }
        }
    }

    fn tuple(&mut self) -> Result<Lit, String> {
        self.pos += 1;
        let (mut items, trailing) = self.items(b')')?;
        // `(x)` is x itself; `(x,)` and `()` are tuples.
        if items.len() == 1 && !trailing {
            return Ok(items.pop().expect("one item"));
        }
        Ok(Lit::Tuple(items))
    }

    fn dict(&mut self) -> Result<Lit, String> {
        self.pos += 1;
        let mut out: Vec<(Lit, Lit)> = Vec::new();
        loop {
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(Lit::Dict(out));
            }
            let key = self.value()?;
            if self.peek() != Some(b':') {
                return Err(self.error("':'"));
            }
            self.pos += 1;
            let value = self.value()?;
            match out.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => out.push((key, value)),
            }
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {}
                _ => return Err(self.error("',' or '}'")),
            }
        }
    }

    fn string(&mut self) -> Result<Lit, String> {
        let quote = self.src[self.pos];
        let start = self.pos;
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(&c) = self.src.get(self.pos) else {
                self.pos = start;
                return Err(self.error("a closed string"));
            };
            self.pos += 1;
            match c {
                b'\n' => {
                    self.pos -= 1;
                    return Err(self.error("a closing quote"));
                }
                c if c == quote => break,
                b'\\' => {
                    let Some(&e) = self.src.get(self.pos) else {
                        return Err(self.error("an escape"));
                    };
                    self.pos += 1;
                    match e {
                        b'\\' | b'\'' | b'"' => out.push(e),
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'0' => out.push(0),
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("a supported escape (\\\\ \\' \\\" n t r 0)"));
                        }
                    }
                }
                c => out.push(c),
            }
        }
        // The source is a &str, so slicing at ASCII quotes and escapes keeps UTF-8 intact.
        String::from_utf8(out)
            .map(Lit::Str)
            .map_err(|_| format!("string at character {start} is not valid UTF-8"))
    }

    fn int(&mut self) -> Result<Lit, String> {
        let mut negative = false;
        while let Some(c @ (b'-' | b'+')) = self.peek() {
            negative ^= c == b'-';
            self.pos += 1;
        }
        let start = self.pos;
        let mut value: i128 = 0;
        let mut digits = 0;
        while let Some(&c) = self.src.get(self.pos) {
            match c {
                b'0'..=b'9' => {
                    value = value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(i128::from(c - b'0')))
                        .ok_or_else(|| format!("integer at character {start} is too large"))?;
                    digits += 1;
                }
                b'_' if digits > 0 => {}
                _ => break,
            }
            self.pos += 1;
        }
        if digits == 0 {
            return Err(self.error("digits"));
        }
        // Python 2 wrote longs as `3L`; NumPy still reads such headers.
        if let Some(b'L' | b'l') = self.src.get(self.pos) {
            self.pos += 1;
        }
        if let Some(c) = self.src.get(self.pos)
            && (c.is_ascii_alphanumeric() || *c == b'.')
        {
            return Err(self.error("the end of an integer"));
        }
        Ok(Lit::Int(if negative { -value } else { value }))
    }

    fn name(&mut self) -> Result<Lit, String> {
        let start = self.pos;
        while let Some(c) = self.src.get(self.pos)
            && (c.is_ascii_alphanumeric() || *c == b'_')
        {
            self.pos += 1;
        }
        match &self.src[start..self.pos] {
            b"True" => Ok(Lit::Bool(true)),
            b"False" => Ok(Lit::Bool(false)),
            b"None" => Ok(Lit::None),
            _ => {
                self.pos = start;
                Err(self.error("a literal (names other than True, False, None are not literals)"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_header() {
        let text = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }     \n";
        let Lit::Dict(d) = parse(text).unwrap() else {
            panic!("not a dict")
        };
        assert_eq!(d[0], (Lit::Str("descr".into()), Lit::Str("<f8".into())));
        assert_eq!(d[1].1, Lit::Bool(false));
        assert_eq!(d[2].1, Lit::Tuple(vec![Lit::Int(3), Lit::Int(4)]));
    }

    #[test]
    fn tuples_follow_python() {
        assert_eq!(parse("()").unwrap(), Lit::Tuple(vec![]));
        assert_eq!(parse("(5,)").unwrap(), Lit::Tuple(vec![Lit::Int(5)]));
        assert_eq!(parse("(5)").unwrap(), Lit::Int(5));
        assert_eq!(parse(" ( -2 , 3L ) ").unwrap().repr(), "(-2, 3)");
        assert_eq!(parse("1_000").unwrap(), Lit::Int(1000));
        assert_eq!(parse("[\"a\", u'b']").unwrap().repr(), "['a', 'b']");
        assert_eq!(parse("{'a': 1, 'a': 2}").unwrap().repr(), "{'a': 2}");
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "", "{", "{'a' 1}", "{'a': 1", "(1, 2", "'abc", "1.5", "abs", "{'a': x}", "1 2", "--",
            "'\\q'", "(1,,)", "{,}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "(".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("nested"));
        let huge = "9".repeat(60);
        assert!(parse(&huge).unwrap_err().contains("too large"));
    }
}
