//! NumPy dtype descriptors (`'<f8'`, `'|b1'`, `'>c16'`, ...) to and from [`DType`] plus a
//! byte order.
//!
//! Reads the forms `np.dtype(str)` accepts for numerust's element types: an optional byte
//! order (`<` little, `>`/`!` big, `=` native, `|` not applicable) followed by kind and size
//! (`b1`, `i1`..`i8`, `u1`..`u8`, `f4`, `f8`, `c8`, `c16`), a one-letter type code (`?`,
//! `b`, `B`, `h`, `H`, `i`, `I`, `q`, `Q`, `f`, `d`, `F`, `D`) or a dtype name (`float64`).
//! Writes what `dtype.str` gives for a native array, which is what `np.save` writes.
//! Object, string, structured, datetime and other dtypes numerust has no type for are
//! refused with [`IoError::UnsupportedDType`]; this module never unpickles anything.

use crate::error::{IoError, IoResult};
use numerust_core::DType;

/// Byte order of the elements in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    /// Least significant byte first (`<`), what x86-64 and AArch64 use.
    Little,
    /// Most significant byte first (`>`).
    Big,
}

impl ByteOrder {
    /// The byte order of this machine.
    pub const NATIVE: ByteOrder = if cfg!(target_endian = "little") {
        ByteOrder::Little
    } else {
        ByteOrder::Big
    };

    /// NumPy's byte-order character for multi-byte types.
    fn symbol(self) -> char {
        match self {
            ByteOrder::Little => '<',
            ByteOrder::Big => '>',
        }
    }
}

/// A parsed descriptor: the element type and the byte order of the stored elements
/// (always native for one-byte types, whose order does not matter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Descr {
    /// The element type.
    pub dtype: DType,
    /// The byte order of the elements in the file.
    pub order: ByteOrder,
}

impl Descr {
    /// Whether elements must be byte-swapped to be read on this machine.
    pub fn needs_swap(self) -> bool {
        self.order != ByteOrder::NATIVE && self.dtype.itemsize() > 1
    }
}

/// NumPy's `dtype.str` of a native array of `dtype`, e.g. `'<f8'` or `'|b1'`.
///
/// ```
/// use numerust_core::DType;
/// use numerust_io::npy::descr_of;
/// assert_eq!(descr_of(DType::Float64), "<f8");
/// assert_eq!(descr_of(DType::Bool), "|b1");
/// assert_eq!(descr_of(DType::Complex128), "<c16");
/// ```
pub fn descr_of(dtype: DType) -> String {
    let size = dtype.itemsize();
    let order = if size == 1 {
        '|'
    } else {
        ByteOrder::NATIVE.symbol()
    };
    format!("{order}{}{size}", dtype.kind())
}

/// Parses a descriptor string from a `.npy` header.
///
/// ```
/// use numerust_core::DType;
/// use numerust_io::npy::{parse_descr, ByteOrder};
/// let d = parse_descr(">i4").unwrap();
/// assert_eq!((d.dtype, d.order), (DType::Int32, ByteOrder::Big));
/// assert!(parse_descr("|O").unwrap_err().to_string().contains("never unpickles"));
/// ```
///
/// # Errors
/// `UnsupportedDType` for dtypes numerust has no element type for (object, strings,
/// datetimes, float16, long double, void/structured); `Format` for text that is no dtype.
pub fn parse_descr(text: &str) -> IoResult<Descr> {
    let (order, body) = match text.chars().next() {
        Some('<') => (Some(ByteOrder::Little), &text[1..]),
        Some('>' | '!') => (Some(ByteOrder::Big), &text[1..]),
        Some('=' | '|') => (None, &text[1..]),
        _ => (None, text),
    };
    let dtype = dtype_of(body).map_err(|e| match e {
        Unknown::Unsupported(what) => IoError::UnsupportedDType(format!(
            "the file holds {what} (descr '{text}'), which numerust has no element type for"
        )),
        Unknown::Object => IoError::UnsupportedDType(format!(
            "the file holds an object array (descr '{text}'): its elements are pickled Python \
             objects, and numerust never unpickles"
        )),
        Unknown::Invalid => {
            IoError::Format(format!("descr is not a valid dtype descriptor: '{text}'"))
        }
    })?;
    let order = if dtype.itemsize() == 1 {
        ByteOrder::NATIVE
    } else {
        order.unwrap_or(ByteOrder::NATIVE)
    };
    Ok(Descr { dtype, order })
}

/// Why a descriptor body names no numerust dtype.
enum Unknown {
    /// A real NumPy dtype numerust lacks (the text says which).
    Unsupported(&'static str),
    /// `O`: Python objects.
    Object,
    /// Not a dtype at all.
    Invalid,
}

/// The dtype a descriptor body (no byte-order character) names.
fn dtype_of(body: &str) -> Result<DType, Unknown> {
    use DType::*;
    let by_code = match body {
        "?" | "b1" | "bool" => Some(Bool),
        "b" | "i1" | "int8" => Some(Int8),
        "h" | "i2" | "int16" => Some(Int16),
        "i" | "i4" | "int32" => Some(Int32),
        "q" | "i8" | "int64" => Some(Int64),
        "B" | "u1" | "uint8" => Some(UInt8),
        "H" | "u2" | "uint16" => Some(UInt16),
        "I" | "u4" | "uint32" => Some(UInt32),
        "Q" | "u8" | "uint64" => Some(UInt64),
        "f" | "f4" | "float32" => Some(Float32),
        "d" | "f8" | "float64" => Some(Float64),
        "F" | "c8" | "complex64" => Some(Complex64),
        "D" | "c16" | "complex128" => Some(Complex128),
        _ => None,
    };
    if let Some(d) = by_code {
        return Ok(d);
    }
    let kind = body.chars().next().ok_or(Unknown::Invalid)?;
    let size_ok = body[kind.len_utf8()..].bytes().all(|b| b.is_ascii_digit());
    if !size_ok && body.len() > 1 && !body.contains('[') {
        return Err(Unknown::Invalid);
    }
    Err(match kind {
        'O' => Unknown::Object,
        'U' | 'S' | 'a' => Unknown::Unsupported("strings"),
        'c' if body == "c" => Unknown::Unsupported("strings"),
        'c' => Unknown::Unsupported("a complex type of unusual size (long double)"),
        'V' => Unknown::Unsupported("raw void/structured records"),
        'M' => Unknown::Unsupported("datetime64 values"),
        'm' => Unknown::Unsupported("timedelta64 values"),
        'e' => Unknown::Unsupported("float16 values"),
        'g' | 'G' => Unknown::Unsupported("long double values"),
        'f' => Unknown::Unsupported("a float type of unusual size (float16 or long double)"),
        'i' | 'u' => Unknown::Unsupported("an integer type of unusual size"),
        'b' => Unknown::Unsupported("a bool type of unusual size"),
        'T' => Unknown::Unsupported("variable-width strings (StringDType)"),
        _ => Unknown::Invalid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dtype_round_trips() {
        for d in [
            DType::Bool,
            DType::Int8,
            DType::Int16,
            DType::Int32,
            DType::Int64,
            DType::UInt8,
            DType::UInt16,
            DType::UInt32,
            DType::UInt64,
            DType::Float32,
            DType::Float64,
            DType::Complex64,
            DType::Complex128,
        ] {
            let text = descr_of(d);
            let parsed = parse_descr(&text).unwrap();
            assert_eq!(parsed.dtype, d, "{text}");
            assert!(!parsed.needs_swap());
            assert_eq!(parse_descr(d.name()).unwrap().dtype, d);
        }
    }

    #[test]
    fn byte_orders() {
        let big = parse_descr(">f8").unwrap();
        assert_eq!(big.order, ByteOrder::Big);
        assert_eq!(big.needs_swap(), cfg!(target_endian = "little"));
        assert_eq!(parse_descr("!i2").unwrap().order, ByteOrder::Big);
        assert_eq!(parse_descr("=u4").unwrap().order, ByteOrder::NATIVE);
        assert_eq!(parse_descr("|f8").unwrap().order, ByteOrder::NATIVE);
        let one = parse_descr(">u1").unwrap();
        assert!(!one.needs_swap());
        assert_eq!(parse_descr("<c8").unwrap().dtype, DType::Complex64);
        assert_eq!(parse_descr("d").unwrap().dtype, DType::Float64);
    }

    #[test]
    fn refusals_say_what() {
        let msg = |t: &str| parse_descr(t).unwrap_err().to_string();
        assert!(msg("|O").contains("never unpickles"));
        assert!(msg("<U5").contains("strings"));
        assert!(msg("|S3").contains("strings"));
        assert!(msg("<M8[ns]").contains("datetime64"));
        assert!(msg("<m8[s]").contains("timedelta64"));
        assert!(msg("<f2").contains("unusual size"));
        assert!(msg("<e").contains("float16"));
        assert!(msg("|V8").contains("void"));
        assert!(matches!(
            parse_descr("<f8 ").unwrap_err(),
            IoError::Format(_)
        ));
        assert!(matches!(parse_descr("").unwrap_err(), IoError::Format(_)));
        assert!(matches!(parse_descr("<").unwrap_err(), IoError::Format(_)));
        assert!(matches!(parse_descr("zz").unwrap_err(), IoError::Format(_)));
    }
}
