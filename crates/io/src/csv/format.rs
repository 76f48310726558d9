//! Python's printf-style `%` formatting of numbers, as `np.savetxt` applies it to a row.
//!
//! Owns [`RowFormat`] (a parsed format string: literal text and `%` specs) and the
//! formatting of one [`Value`] by one spec into a byte buffer, with Python's results for
//! flags `-+ 0#`, width, precision and the types `d i u x X o e E f F g G s %`:
//! `%d` of a float truncates it, `%e` writes at least two exponent digits, `%g` strips
//! trailing zeros, `nan`/`inf` take no sign from NaN's sign bit but do take zero padding,
//! `%s` of a float is NumPy's `str()` of the scalar (shortest round-trip digits, positional
//! for 1e-4 <= |x| < 1e16, or < 1e6 for float32). Digits come from Rust's exact float
//! formatting, which rounds half to even on the exact binary value as Python does.
//! It must not know about arrays or files.

use std::fmt::Write as _;
use std::io::Write as _;

/// One number to format, carrying what Python would see.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A float64 (and what float32 becomes for `%e %f %g`).
    F64(f64),
    /// A float32 (its `%s` differs).
    F32(f32),
    /// Any integer.
    Int(i128),
    /// A bool (`%s` is `True`/`False`, numbers 1/0).
    Bool(bool),
}

impl Value {
    fn as_f64(self) -> f64 {
        match self {
            Value::F64(x) => x,
            Value::F32(x) => f64::from(x),
            Value::Int(i) => i as f64,
            Value::Bool(b) => f64::from(u8::from(b)),
        }
    }
}

/// One `%` conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Spec {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alt: bool,
    width: usize,
    precision: Option<usize>,
    kind: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(Vec<u8>),
    Spec(Spec),
}

/// A parsed format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RowFormat {
    pieces: Vec<Piece>,
}

impl RowFormat {
    /// Parses `fmt`, or says what is wrong with it.
    pub fn parse(fmt: &str) -> Result<RowFormat, String> {
        let b = fmt.as_bytes();
        let mut pieces = Vec::new();
        let mut text = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] != b'%' {
                text.push(b[i]);
                i += 1;
                continue;
            }
            i += 1;
            if b.get(i) == Some(&b'%') {
                text.push(b'%');
                i += 1;
                continue;
            }
            let mut s = Spec {
                left: false,
                zero: false,
                plus: false,
                space: false,
                alt: false,
                width: 0,
                precision: None,
                kind: 0,
            };
            while let Some(&c) = b.get(i) {
                match c {
                    b'-' => s.left = true,
                    b'0' => s.zero = true,
                    b'+' => s.plus = true,
                    b' ' => s.space = true,
                    b'#' => s.alt = true,
                    _ => break,
                }
                i += 1;
            }
            let digits = |i: &mut usize| {
                let mut v: usize = 0;
                while let Some(&c) = b.get(*i).filter(|c| c.is_ascii_digit()) {
                    v = v.saturating_mul(10).saturating_add(usize::from(c - b'0'));
                    *i += 1;
                }
                v
            };
            s.width = digits(&mut i);
            if b.get(i) == Some(&b'.') {
                i += 1;
                s.precision = Some(digits(&mut i));
            }
            while matches!(b.get(i), Some(b'h' | b'l' | b'L')) {
                i += 1;
            }
            match b.get(i) {
                Some(
                    &c @ (b'd' | b'i' | b'u' | b'x' | b'X' | b'o' | b'e' | b'E' | b'f' | b'F'
                    | b'g' | b'G' | b's'),
                ) => s.kind = c,
                Some(&c) => return Err(format!("unsupported format character '{}'", c as char)),
                None => return Err("incomplete format".into()),
            }
            if s.width > 4096 || s.precision.is_some_and(|p| p > 4096) {
                return Err("format width or precision too large".into());
            }
            i += 1;
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Spec(s));
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(RowFormat { pieces })
    }

    /// Number of values one application consumes.
    pub fn specs(&self) -> usize {
        self.pieces
            .iter()
            .filter(|p| matches!(p, Piece::Spec(_)))
            .count()
    }

    /// Appends `fmt % values` to `out` (`values.len()` must equal [`specs`](Self::specs));
    /// `scratch` is reused between calls.
    pub fn write(
        &self,
        values: &[Value],
        out: &mut Vec<u8>,
        scratch: &mut String,
    ) -> Result<(), String> {
        let mut it = values.iter();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.extend_from_slice(t),
                Piece::Spec(s) => {
                    let v = it.next().ok_or("not enough arguments for format string")?;
                    format_one(s, *v, out, scratch)?;
                }
            }
        }
        Ok(())
    }
}

/// Formats `v` by `s` onto `out`.
fn format_one(s: &Spec, v: Value, out: &mut Vec<u8>, scratch: &mut String) -> Result<(), String> {
    scratch.clear();
    let mut negative = false;
    let mut prefix = "";
    let numeric = s.kind != b's';
    match s.kind {
        b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
            let i = match v {
                Value::Int(i) => i,
                Value::Bool(b) => i128::from(b),
                Value::F64(_) | Value::F32(_) if !matches!(s.kind, b'd' | b'i' | b'u') => {
                    return Err(format!(
                        "%{} format: an integer is required, not float",
                        s.kind as char
                    ));
                }
                Value::F64(_) | Value::F32(_) => {
                    let x = v.as_f64();
                    if !x.is_finite() {
                        return Err(format!("cannot convert float {x} to integer"));
                    }
                    let t = x.trunc();
                    negative = t < 0.0;
                    let _ = write!(scratch, "{:.0}", t.abs());
                    pad_precision(scratch, s.precision);
                    emit(s, negative, prefix, scratch, true, out);
                    return Ok(());
                }
            };
            negative = i < 0;
            let m = i.unsigned_abs();
            let _ = match s.kind {
                b'x' => write!(scratch, "{m:x}"),
                b'X' => write!(scratch, "{m:X}"),
                b'o' => write!(scratch, "{m:o}"),
                _ => write!(scratch, "{m}"),
            };
            if s.alt {
                prefix = match s.kind {
                    b'x' => "0x",
                    b'X' => "0X",
                    b'o' => "0o",
                    _ => "",
                };
            }
            pad_precision(scratch, s.precision);
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            let x = v.as_f64();
            negative = x.is_sign_negative() && !x.is_nan();
            let upper = s.kind.is_ascii_uppercase();
            if x.is_nan() {
                scratch.push_str(if upper { "NAN" } else { "nan" });
            } else if x.is_infinite() {
                scratch.push_str(if upper { "INF" } else { "inf" });
            } else {
                let p = s.precision.unwrap_or(6);
                match s.kind.to_ascii_lowercase() {
                    b'e' => exp_form(scratch, x.abs(), p, s.alt),
                    b'f' => {
                        let _ = write!(scratch, "{:.*}", p, x.abs());
                        if s.alt && p == 0 {
                            scratch.push('.');
                        }
                    }
                    _ => general_form(scratch, x.abs(), p, s.alt),
                }
                if upper {
                    scratch.make_ascii_uppercase();
                }
            }
        }
        _ => {
            str_form(scratch, v);
            if let Some(p) = s.precision {
                let cut = scratch
                    .char_indices()
                    .nth(p)
                    .map_or(scratch.len(), |(i, _)| i);
                scratch.truncate(cut);
            }
        }
    }
    emit(s, negative, prefix, scratch, numeric, out);
    Ok(())
}

/// `%.Nd`: at least N digits.
fn pad_precision(digits: &mut String, precision: Option<usize>) {
    if let Some(p) = precision
        && digits.len() < p
    {
        let pad = p - digits.len();
        digits.insert_str(0, &"0000000000000000"[..pad.min(16)]);
        if pad > 16 {
            pad_precision(digits, Some(p));
        }
    }
}

/// Sign, prefix, padding and body, as Python lays them out.
fn emit(s: &Spec, negative: bool, prefix: &str, body: &str, numeric: bool, out: &mut Vec<u8>) {
    let sign = if !numeric {
        ""
    } else if negative {
        "-"
    } else if s.plus {
        "+"
    } else if s.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + body.chars().count();
    let pad = s.width.saturating_sub(len);
    if s.left {
        let _ = write!(out, "{sign}{prefix}{body}");
        out.resize(out.len() + pad, b' ');
    } else if s.zero && numeric {
        let _ = write!(out, "{sign}{prefix}");
        out.resize(out.len() + pad, b'0');
        out.extend_from_slice(body.as_bytes());
    } else {
        out.resize(out.len() + pad, b' ');
        let _ = write!(out, "{sign}{prefix}{body}");
    }
}

/// `%.pe` of a finite non-negative `x`: `d.ddde+XX`.
fn exp_form(out: &mut String, x: f64, p: usize, alt: bool) {
    let start = out.len();
    let _ = write!(out, "{x:.p$e}");
    let epos = start + out[start..].find('e').unwrap_or(out.len() - start);
    let exp: i32 = out[epos + 1..].parse().unwrap_or(0);
    out.truncate(epos);
    if alt && p == 0 {
        out.push('.');
    }
    push_exponent(out, exp);
}

/// `e+XX` / `e-XX` with at least two digits.
fn push_exponent(out: &mut String, exp: i32) {
    let _ = write!(
        out,
        "e{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.unsigned_abs()
    );
}

/// `%.pg` of a finite non-negative `x`.
fn general_form(out: &mut String, x: f64, p: usize, alt: bool) {
    let p = p.max(1);
    let start = out.len();
    let _ = write!(out, "{:.*e}", p - 1, x);
    let epos = start + out[start..].find('e').unwrap_or(0);
    let exp: i64 = out[epos + 1..].parse().unwrap_or(0);
    if -4 <= exp && exp < p as i64 {
        out.truncate(start);
        let decimals = (p as i64 - 1 - exp) as usize;
        let _ = write!(out, "{x:.decimals$}");
        if !alt {
            strip_zeros(out, start);
        } else if decimals == 0 {
            out.push('.');
        }
    } else {
        out.truncate(epos);
        if !alt {
            strip_zeros(out, start);
        } else if p == 1 {
            out.push('.');
        }
        push_exponent(out, exp as i32);
    }
}

/// Removes trailing zeros after a decimal point, and the point if nothing follows it.
fn strip_zeros(out: &mut String, start: usize) {
    if out[start..].contains('.') {
        let trimmed = out.trim_end_matches('0').trim_end_matches('.').len();
        out.truncate(trimmed);
    }
}

/// NumPy's `str()` of a scalar.
fn str_form(out: &mut String, v: Value) {
    match v {
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
        Value::F64(x) if x.is_finite() => {
            let start = out.len();
            let _ = write!(out, "{:e}", x.abs());
            float_str(out, start, x.is_sign_negative(), x.abs(), 1e16);
        }
        Value::F32(x) if x.is_finite() => {
            let start = out.len();
            let _ = write!(out, "{:e}", x.abs());
            float_str(out, start, x.is_sign_negative(), f64::from(x.abs()), 1e6);
        }
        Value::F64(_) | Value::F32(_) => {
            let x = v.as_f64();
            out.push_str(if x.is_nan() {
                "nan"
            } else if x < 0.0 {
                "-inf"
            } else {
                "inf"
            });
        }
    }
}

/// Rewrites `out[start..]`, Rust's shortest round-trip `{:e}` of `abs` (e.g. `1.5e-5`), as
/// NumPy's `str()`: positional for 1e-4 <= |x| < `upper` (and zero), else `d.ddde±XX`.
fn float_str(out: &mut String, start: usize, neg: bool, abs: f64, upper: f64) {
    let mut digits = [0u8; 40];
    let mut nd = 0;
    let mut exp: i64 = 0;
    {
        let sci = &out[start..];
        let (mant, e) = sci.split_once('e').unwrap_or((sci, "0"));
        exp = e.parse().unwrap_or(exp);
        for b in mant.bytes().filter(u8::is_ascii_digit) {
            if nd < digits.len() {
                digits[nd] = b;
                nd += 1;
            }
        }
    }
    out.truncate(start);
    if neg {
        out.push('-');
    }
    let digit = |i: usize| char::from(digits[i]);
    let zeros = |out: &mut String, n: usize| out.extend(std::iter::repeat_n('0', n));
    if abs == 0.0 || (1e-4..upper).contains(&abs) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            out.extend((0..nd.min(int_len)).map(digit));
            if nd <= int_len {
                zeros(out, int_len - nd);
                out.push_str(".0");
            } else {
                out.push('.');
                out.extend((int_len..nd).map(digit));
            }
        } else {
            out.push_str("0.");
            zeros(out, (-exp - 1) as usize);
            out.extend((0..nd).map(digit));
        }
    } else {
        out.push(digit(0));
        if nd > 1 {
            out.push('.');
            out.extend((1..nd).map(digit));
        }
        push_exponent(out, exp as i32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(f: &str, v: Value) -> String {
        let rf = RowFormat::parse(f).unwrap();
        let mut out = Vec::new();
        rf.write(&[v], &mut out, &mut String::new()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn matches_python() {
        let nan = Value::F64(f64::NAN);
        let inf = Value::F64(f64::INFINITY);
        let ninf = Value::F64(f64::NEG_INFINITY);
        assert_eq!(fmt("%+f", nan), "+nan");
        assert_eq!(fmt("%010f", nan), "0000000nan");
        assert_eq!(fmt("%010f", ninf), "-000000inf");
        assert_eq!(fmt("%-10f|", inf), "inf       |");
        assert_eq!(fmt("%E", Value::F64(-f64::NAN)), "NAN");
        assert_eq!(fmt("%d", Value::F64(-0.5)), "0");
        assert_eq!(fmt("%.3d", Value::Int(-5)), "-005");
        assert_eq!(fmt("%+05d", Value::Int(3)), "+0003");
        assert_eq!(fmt("%#x", Value::Int(255)), "0xff");
        assert_eq!(fmt("%#o", Value::Int(8)), "0o10");
        assert_eq!(fmt("%#.0e", Value::F64(3.0)), "3.e+00");
        assert_eq!(fmt("%#.0f", Value::F64(3.0)), "3.");
        assert_eq!(fmt("%#g", Value::F64(3.0)), "3.00000");
        assert_eq!(fmt("%.0g", Value::F64(123.0)), "1e+02");
        assert_eq!(fmt("%g", Value::F64(1e-5)), "1e-05");
        assert_eq!(fmt("%g", Value::F64(123456789.0)), "1.23457e+08");
        assert_eq!(fmt("%g", Value::F64(0.0001)), "0.0001");
        assert_eq!(fmt("%g", Value::F64(-0.0)), "-0");
        assert_eq!(fmt("%-8.3s|", Value::F64(1.23456)), "1.2     |");
        assert_eq!(fmt("%s", Value::F64(1e16)), "1e+16");
        assert_eq!(fmt("%s", Value::F64(1e15)), "1000000000000000.0");
        assert_eq!(fmt("%s", Value::F32(0.1)), "0.1");
        assert_eq!(fmt("%s", Value::F32(16777216.0)), "1.6777216e+07");
        assert_eq!(fmt("%s", Value::F32(1e-4)), "1e-04");
        assert_eq!(fmt("%s", Value::F64(-0.0)), "-0.0");
        assert_eq!(fmt("%s", Value::F64(1.5e-5)), "1.5e-05");
        assert_eq!(fmt("%s", Value::Bool(true)), "True");
        assert_eq!(fmt("%d", Value::Bool(true)), "1");
        assert_eq!(fmt("%.18e", Value::Bool(true)), "1.000000000000000000e+00");
        assert_eq!(fmt("%05s", Value::Int(12)), "   12");
        assert_eq!(fmt("%x", Value::Int(-255)), "-ff");
        assert_eq!(
            fmt("%X", Value::Int(i128::from(u64::MAX))),
            "FFFFFFFFFFFFFFFF"
        );
        assert_eq!(fmt("%d", Value::F64(1e20)), "100000000000000000000");
        assert_eq!(fmt("%.18e", Value::F64(0.1)), "1.000000000000000056e-01");
        assert_eq!(fmt("%10.3f", Value::F64(-2.5)), "    -2.500");
        assert_eq!(fmt("%.17g", Value::F64(0.1)), "0.10000000000000001");
        assert_eq!(fmt("%.3e", Value::F64(1e-300)), "1.000e-300");
        assert_eq!(fmt("%.20d", Value::Int(5)), "00000000000000000005");
        assert_eq!(fmt("%s", Value::F64(f64::NEG_INFINITY)), "-inf");
        assert_eq!(fmt("%s", Value::F32(-f32::NAN)), "nan");
        assert_eq!(
            fmt("%s", Value::F64(123456789012345.6)),
            "123456789012345.6"
        );
        assert_eq!(fmt("%s", Value::F32(999999.9)), "999999.9");
        assert_eq!(fmt("%s", Value::F32(1e6)), "1e+06");
    }

    #[test]
    fn bad_formats() {
        assert!(RowFormat::parse("%q").is_err());
        assert!(RowFormat::parse("%").is_err());
        assert_eq!(RowFormat::parse("%d, %%%.2f").unwrap().specs(), 2);
        let mut out = Vec::new();
        let rf = RowFormat::parse("%x").unwrap();
        assert!(
            rf.write(&[Value::F64(1.0)], &mut out, &mut String::new())
                .is_err()
        );
        let rf = RowFormat::parse("%d").unwrap();
        assert!(
            rf.write(&[Value::F64(f64::NAN)], &mut out, &mut String::new())
                .is_err()
        );
    }
}
