//! One text field -> one number, with the rules of NumPy's loadtxt converters.
//!
//! Owns [`FromText`], the element types loadtxt can produce, and the byte classes the
//! tokenizer shares (Python's whitespace). It must not split lines or fields.
//!
//! - Floats (`f64`, `f32`): Python's `float()` grammar without underscores, which is what
//!   NumPy's loadtxt hands the field to (`PyOS_string_to_double`): optional sign, digits with
//!   an optional point, optional exponent, or `inf`/`infinity`/`nan` in any case with an
//!   optional sign; surrounding whitespace is ignored; no hex floats (NumPy refuses `0x1p3`).
//!   Results are correctly rounded (the `fast-float2` parser, Eisel–Lemire with an exact
//!   fallback), so every decimal maps to the same double as `strtod`. `f32` is parsed as a
//!   double and then rounded to `f32`, exactly as NumPy does (double rounding included).
//! - Integers: optional sign and decimal digits only, surrounding whitespace ignored, range
//!   checked for the target type; `"1.0"` and `"1e3"` are errors, as in NumPy 2, and unsigned
//!   types refuse any `-` (even `-0`).
//! - `bool`: an `int64` field, true when non-zero (NumPy: `"2"` -> True, `"True"` -> error).

use numerust_core::Element;

/// Python's `str.isspace` for one byte of ASCII (`Py_UNICODE_ISSPACE`): space, `\t`, `\n`,
/// `\v`, `\f`, `\r` and the separators `\x1c`..`\x1f`.
#[inline]
pub(crate) fn is_py_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)
}

/// Python whitespace that does not end a line.
#[inline]
pub(crate) fn is_inline_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | 0x0b | 0x0c | 0x1c..=0x1f)
}

/// `s` without leading and trailing Python whitespace.
#[inline]
pub(crate) fn trim_py_space(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if !is_py_space(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_py_space(*last) {
            break;
        }
        s = rest;
    }
    s
}

mod sealed {
    pub trait Sealed {}
}

/// An element type loadtxt can read from text: `f64`, `f32`, `i8`..`i64`, `u8`..`u64`, `bool`.
///
/// NumPy: the `dtype=` of `np.loadtxt`. Sealed; complex numbers are not read from text.
pub trait FromText: Element + sealed::Sealed {
    /// Parses a whole field (surrounding whitespace allowed), or `None` when NumPy's
    /// loadtxt would refuse it.
    fn from_field(field: &[u8]) -> Option<Self>;

    /// Parses the longest number at the start of `s` (no leading whitespace), returning it
    /// and the bytes used; the fast path, which checks the byte after it itself.
    fn from_prefix(s: &[u8]) -> Option<(Self, usize)>;
}

/// Parses a float field as NumPy's loadtxt does (see the module doc).
#[inline]
pub(crate) fn parse_f64(field: &[u8]) -> Option<f64> {
    let t = trim_py_space(field);
    if t.is_empty() {
        return None;
    }
    fast_float2::parse::<f64, _>(t).ok()
}

impl sealed::Sealed for f64 {}
impl FromText for f64 {
    #[inline]
    fn from_field(field: &[u8]) -> Option<Self> {
        parse_f64(field)
    }
    #[inline]
    fn from_prefix(s: &[u8]) -> Option<(Self, usize)> {
        fast_float2::parse_partial::<f64, _>(s).ok()
    }
}

impl sealed::Sealed for f32 {}
impl FromText for f32 {
    #[inline]
    fn from_field(field: &[u8]) -> Option<Self> {
        parse_f64(field).map(|x| x as f32)
    }
    #[inline]
    fn from_prefix(s: &[u8]) -> Option<(Self, usize)> {
        fast_float2::parse_partial::<f64, _>(s)
            .ok()
            .map(|(x, n)| (x as f32, n))
    }
}

/// Sign and decimal digits at the start of `s`: (negative, magnitude, bytes used).
/// `None` when there is no digit or the magnitude overflows `u64`.
#[inline]
fn int_prefix(s: &[u8]) -> Option<(bool, u64, usize)> {
    let (neg, mut i) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let start = i;
    let mut mag: u64 = 0;
    while let Some(&b) = s.get(i) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        mag = mag.checked_mul(10)?.checked_add(u64::from(d))?;
        i += 1;
    }
    (i > start).then_some((neg, mag, i))
}

/// Whole-field integer parse: whitespace, sign, digits, whitespace.
#[inline]
fn int_field(field: &[u8]) -> Option<(bool, u64)> {
    let t = trim_py_space(field);
    let (neg, mag, n) = int_prefix(t)?;
    (n == t.len()).then_some((neg, mag))
}

macro_rules! signed_from_text {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl FromText for $t {
            #[inline]
            fn from_field(field: &[u8]) -> Option<Self> {
                let (neg, mag) = int_field(field)?;
                signed_value(neg, mag)
            }
            #[inline]
            fn from_prefix(s: &[u8]) -> Option<(Self, usize)> {
                let (neg, mag, n) = int_prefix(s)?;
                Some((signed_value(neg, mag)?, n))
            }
        }
    )*};
}

macro_rules! unsigned_from_text {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl FromText for $t {
            #[inline]
            fn from_field(field: &[u8]) -> Option<Self> {
                let (neg, mag) = int_field(field)?;
                if neg { None } else { <$t>::try_from(mag).ok() }
            }
            #[inline]
            fn from_prefix(s: &[u8]) -> Option<(Self, usize)> {
                let (neg, mag, n) = int_prefix(s)?;
                if neg { None } else { Some((<$t>::try_from(mag).ok()?, n)) }
            }
        }
    )*};
}

/// The signed value `±mag` when it fits `T`.
#[inline]
fn signed_value<T: TryFrom<i64>>(neg: bool, mag: u64) -> Option<T> {
    let v = if neg {
        0i64.checked_sub_unsigned(mag)?
    } else {
        i64::try_from(mag).ok()?
    };
    T::try_from(v).ok()
}

signed_from_text!(i8, i16, i32, i64);
unsigned_from_text!(u8, u16, u32, u64);

impl sealed::Sealed for bool {}
impl FromText for bool {
    #[inline]
    fn from_field(field: &[u8]) -> Option<Self> {
        i64::from_field(field).map(|v| v != 0)
    }
    #[inline]
    fn from_prefix(s: &[u8]) -> Option<(Self, usize)> {
        i64::from_prefix(s).map(|(v, n)| (v != 0, n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_follow_python_grammar() {
        for (s, v) in [
            ("1.5", 1.5f64),
            (" .5 ", 0.5),
            ("5.", 5.0),
            ("+1e3", 1000.0),
            ("-0", -0.0),
            ("1E-2", 0.01),
            ("\x0c2\x1f", 2.0),
        ] {
            assert_eq!(
                f64::from_field(s.as_bytes()).map(f64::to_bits),
                Some(v.to_bits()),
                "{s}"
            );
        }
        for s in ["inf", "+Inf", "INFINITY", "infinity"] {
            assert_eq!(f64::from_field(s.as_bytes()), Some(f64::INFINITY), "{s}");
        }
        assert_eq!(f64::from_field(b"-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(
            f64::from_field(b"nan").map(f64::to_bits),
            Some(0x7ff8_0000_0000_0000)
        );
        assert_eq!(
            f64::from_field(b"-NaN").map(f64::to_bits),
            Some(0xfff8_0000_0000_0000)
        );
        for s in [
            "", " ", "abc", "1e", "1e+", ".", "-", "0x1p3", "1_000", "1.5d3", "infinit", "nan(1)",
            "1 2", "--1", "1e5x",
        ] {
            assert_eq!(f64::from_field(s.as_bytes()), None, "{s:?}");
        }
    }

    #[test]
    fn f32_rounds_through_f64() {
        assert_eq!(f32::from_field(b"1.0000000596046448"), Some(1.0));
        assert_eq!(
            f32::from_field(b"3.4028235677973366e38"),
            Some(f32::INFINITY)
        );
    }

    #[test]
    fn integers_are_range_checked() {
        assert_eq!(i64::from_field(b" +3 "), Some(3));
        assert_eq!(i64::from_field(b"-9223372036854775808"), Some(i64::MIN));
        assert_eq!(i64::from_field(b"9223372036854775808"), None);
        assert_eq!(u64::from_field(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(u64::from_field(b"18446744073709551616"), None);
        assert_eq!(i8::from_field(b"-128"), Some(-128));
        assert_eq!(i8::from_field(b"128"), None);
        assert_eq!(u8::from_field(b"-0"), None);
        for s in ["1.0", "1e3", "", "-", "+", "0x10", "1 2"] {
            assert_eq!(i32::from_field(s.as_bytes()), None, "{s:?}");
        }
        assert_eq!(bool::from_field(b"-1"), Some(true));
        assert_eq!(bool::from_field(b"0"), Some(false));
        assert_eq!(bool::from_field(b"True"), None);
    }
}
