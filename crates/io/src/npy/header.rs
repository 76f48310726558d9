//! The `.npy` header: magic string, version, header length, and the dict
//! `{'descr': ..., 'fortran_order': ..., 'shape': ...}` padded to a multiple of 64 bytes.
//!
//! Writing reproduces `np.lib.format.write_array`'s header byte for byte: keys sorted, the
//! `repr` of each value, 21 - len(str(growth-axis length)) spare spaces, then spaces and a
//! final `'\n'` up to the next multiple of 64; version 1.0 unless the header needs the
//! 4-byte length of 2.0. Reading accepts versions 1.0, 2.0 and 3.0 (UTF-8 header), checks the
//! header against NumPy's limit of 10000 characters before parsing it, and checks every
//! value the way `np.lib.format._read_array_header` does.

use super::descr::{Descr, descr_of, parse_descr};
use super::literal::{self, Lit};
use crate::error::{IoError, IoResult};
use numerust_core::{DType, NdError};
use std::io::Read;

/// The bytes every `.npy` file starts with.
pub const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// NumPy's default `max_header_size`: longer headers are refused as unsafe to parse.
pub const MAX_HEADER_SIZE: usize = 10_000;

/// Data starts at a multiple of this many bytes (NumPy's `ARRAY_ALIGN`).
const ARRAY_ALIGN: usize = 64;

/// Spare room NumPy leaves so the growth axis can be rewritten in place.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// What a `.npy` header says about the array that follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Element type and the byte order of the stored elements.
    pub descr: Descr,
    /// Whether the data is in Fortran (column-major) order.
    pub fortran_order: bool,
    /// The array's shape.
    pub shape: Vec<usize>,
    /// The format version, `(major, minor)`.
    pub version: (u8, u8),
    /// Bytes from the start of the file to the first data byte.
    pub data_offset: usize,
}

impl Header {
    /// The number of elements (checked when the header was read).
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// The number of data bytes (checked against `isize::MAX` when the header was read).
    pub fn nbytes(&self) -> usize {
        self.size() * self.descr.dtype.itemsize()
    }
}

/// Reads and checks the magic string, version and header dict, leaving `reader` at the
/// first data byte.
///
/// # Errors
/// `Format` naming what is wrong (bad magic, unknown version, truncated or overlong header,
/// header that is not the expected dict, negative or overflowing shape); `UnsupportedDType`.
pub fn read_header(reader: &mut impl Read) -> IoResult<Header> {
    let mut prefix = [0u8; 8];
    read_full(reader, &mut prefix, "the magic string")?;
    if &prefix[..6] != MAGIC {
        return Err(IoError::Format(format!(
            "not a .npy file: the magic string is not correct; expected {:?}, got {:?}",
            String::from_utf8_lossy(MAGIC),
            String::from_utf8_lossy(&prefix[..6])
        )));
    }
    let version = (prefix[6], prefix[7]);
    let (len_bytes, utf8) = match version {
        (1, 0) => (2, false),
        (2, 0) | (3, 0) => (4, version == (3, 0)),
        (major, minor) => {
            return Err(IoError::Format(format!(
                "unsupported .npy format version {major}.{minor}; numerust reads 1.0, 2.0 and 3.0"
            )));
        }
    };
    let mut len_buf = [0u8; 4];
    read_full(reader, &mut len_buf[..len_bytes], "the header length")?;
    let header_len = u32::from_le_bytes(len_buf) as usize;
    // A UTF-8 character takes at most 4 bytes, so longer byte strings exceed the limit.
    let byte_limit = if utf8 {
        4 * MAX_HEADER_SIZE
    } else {
        MAX_HEADER_SIZE
    };
    if header_len > byte_limit {
        return Err(too_long(header_len));
    }
    let mut raw = vec![0u8; header_len];
    read_full(reader, &mut raw, "the header")?;
    let text: String = if utf8 {
        String::from_utf8(raw)
            .map_err(|_| IoError::Format("the version 3.0 header is not valid UTF-8".into()))?
    } else {
        raw.iter().map(|&b| b as char).collect() // latin-1
    };
    let chars = text.chars().count();
    if chars > MAX_HEADER_SIZE {
        return Err(too_long(chars));
    }
    let (descr, fortran_order, shape) = parse_dict(&text)?;
    let data_offset = 6 + 2 + len_bytes + header_len;
    Ok(Header {
        descr,
        fortran_order,
        shape,
        version,
        data_offset,
    })
}

fn too_long(len: usize) -> IoError {
    IoError::Format(format!(
        "header info length ({len}) is larger than {MAX_HEADER_SIZE}, NumPy's limit for \
         loading a header safely"
    ))
}

/// `read_exact` whose end-of-file error says which part of the file was cut short.
fn read_full(reader: &mut impl Read, buf: &mut [u8], what: &str) -> IoResult<()> {
    reader.read_exact(buf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            IoError::Format(format!(
                "truncated .npy file: ran out of data reading {what} ({} bytes)",
                buf.len()
            ))
        } else {
            IoError::Io(e)
        }
    })
}

/// Checks the header dict and extracts its three values.
fn parse_dict(text: &str) -> IoResult<(Descr, bool, Vec<usize>)> {
    let value = literal::parse(text)
        .map_err(|e| IoError::Format(format!("cannot parse the .npy header: {e}")))?;
    let Lit::Dict(items) = value else {
        return Err(IoError::Format(format!(
            "the .npy header is not a dictionary: {}",
            value.repr()
        )));
    };
    let get = |key: &str| {
        items
            .iter()
            .find(|(k, _)| *k == Lit::Str(key.into()))
            .map(|(_, v)| v)
    };
    let keys_ok = items.len() == 3
        && ["descr", "fortran_order", "shape"]
            .iter()
            .all(|k| get(k).is_some());
    if !keys_ok {
        let mut keys: Vec<String> = items.iter().map(|(k, _)| k.repr()).collect();
        keys.sort();
        return Err(IoError::Format(format!(
            "the .npy header does not contain the correct keys (descr, fortran_order, \
             shape): [{}]",
            keys.join(", ")
        )));
    }
    let (descr, fortran, shape) = (
        get("descr").expect("checked"),
        get("fortran_order").expect("checked"),
        get("shape").expect("checked"),
    );
    let Lit::Bool(fortran_order) = *fortran else {
        return Err(IoError::Format(format!(
            "fortran_order is not a valid bool: {}",
            fortran.repr()
        )));
    };
    let shape = parse_shape(shape)?;
    let descr = match descr {
        Lit::Str(s) => parse_descr(s)?,
        Lit::List(_) => {
            return Err(IoError::UnsupportedDType(format!(
                "the file holds a structured (record) array, descr {}, which numerust has no \
                 element type for",
                descr.repr()
            )));
        }
        Lit::Tuple(_) => {
            return Err(IoError::UnsupportedDType(format!(
                "the file holds a subarray dtype, descr {}, which numerust has no element \
                 type for",
                descr.repr()
            )));
        }
        other => {
            return Err(IoError::Format(format!(
                "descr is not a valid dtype descriptor: {}",
                other.repr()
            )));
        }
    };
    let size = numerust_core::layout::checked_size(&shape)
        .map_err(|_| shape_overflow(&shape, descr.dtype))?;
    size.checked_mul(descr.dtype.itemsize())
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| shape_overflow(&shape, descr.dtype))?;
    Ok((descr, fortran_order, shape))
}

fn shape_overflow(shape: &[usize], dtype: DType) -> IoError {
    IoError::Format(format!(
        "the .npy header's shape {} of {dtype} is too large to address ({})",
        shape_repr(shape),
        NdError::ShapeOverflow
    ))
}

fn parse_shape(value: &Lit) -> IoResult<Vec<usize>> {
    let invalid = || IoError::Format(format!("shape is not valid: {}", value.repr()));
    let Lit::Tuple(dims) = value else {
        return Err(invalid());
    };
    dims.iter()
        .map(|d| match *d {
            Lit::Int(n) if n < 0 => Err(IoError::Format(format!(
                "shape {} has a negative dimension",
                value.repr()
            ))),
            Lit::Int(n) => usize::try_from(n).map_err(|_| {
                IoError::Format(format!(
                    "shape {} has a dimension too large to address",
                    value.repr()
                ))
            }),
            _ => Err(invalid()),
        })
        .collect()
}

/// Python's `repr` of a shape tuple: `()`, `(5,)`, `(2, 3)`.
pub(crate) fn shape_repr(shape: &[usize]) -> String {
    match shape {
        [] => "()".into(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(usize::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The complete header (magic to the `'\n'` before the data) `np.save` writes for a native
/// array of `dtype` and `shape`.
///
/// ```
/// use numerust_core::DType;
/// use numerust_io::npy::header_bytes;
/// let h = header_bytes(DType::Float64, &[3], false);
/// assert_eq!(h.len(), 128);
/// assert_eq!(&h[..10], b"\x93NUMPY\x01\x00\x76\x00");
/// assert!(h[10..].starts_with(b"{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"));
/// assert_eq!(h[127], b'\n');
/// ```
pub fn header_bytes(dtype: DType, shape: &[usize], fortran_order: bool) -> Vec<u8> {
    let mut dict = format!(
        "{{'descr': '{}', 'fortran_order': {}, 'shape': {}, }}",
        descr_of(dtype),
        if fortran_order { "True" } else { "False" },
        shape_repr(shape)
    );
    let growth = if fortran_order {
        shape.last()
    } else {
        shape.first()
    };
    if let Some(n) = growth {
        let digits = n.to_string().len();
        dict.extend(std::iter::repeat_n(
            ' ',
            GROWTH_AXIS_MAX_DIGITS.saturating_sub(digits),
        ));
    }
    // Version 1.0 stores the length in 2 bytes, 2.0 in 4; the text is ASCII, so 3.0 is
    // never needed.
    let hlen = dict.len() + 1;
    let padded = |prefix: usize| hlen + ARRAY_ALIGN - (prefix + hlen) % ARRAY_ALIGN;
    let (version, len_field) = if padded(10) <= u16::MAX as usize {
        (1u8, (padded(10) as u16).to_le_bytes().to_vec())
    } else {
        (2u8, (padded(12) as u32).to_le_bytes().to_vec())
    };
    let total = if version == 1 { padded(10) } else { padded(12) };
    let mut out = Vec::with_capacity(8 + len_field.len() + total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[version, 0]);
    out.extend_from_slice(&len_field);
    out.extend_from_slice(dict.as_bytes());
    out.resize(out.len() + (total - dict.len() - 1), b' ');
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::npy::descr::ByteOrder;

    fn read(bytes: &[u8]) -> IoResult<Header> {
        read_header(&mut &bytes[..])
    }

    #[test]
    fn writes_and_reads_back() {
        for (shape, fortran) in [
            (vec![], false),
            (vec![0, 3], false),
            (vec![2, 3, 4], true),
            (vec![12345678901], false),
        ] {
            let bytes = header_bytes(DType::Int16, &shape, fortran);
            assert_eq!(bytes.len() % 64, 0);
            let h = read(&bytes).unwrap();
            assert_eq!(h.shape, shape);
            assert_eq!(h.fortran_order, fortran);
            assert_eq!(h.descr.dtype, DType::Int16);
            assert_eq!(h.descr.order, ByteOrder::NATIVE);
            assert_eq!(h.version, (1, 0));
            assert_eq!(h.data_offset, bytes.len());
        }
    }

    #[test]
    fn many_dims_need_version_2() {
        let shape = vec![1usize; 30_000];
        let bytes = header_bytes(DType::UInt8, &shape, false);
        assert_eq!(&bytes[6..8], &[2, 0]);
        assert_eq!(bytes.len() % 64, 0);
        // NumPy itself refuses such a header without max_header_size.
        assert!(read(&bytes).unwrap_err().to_string().contains("10000"));
    }

    fn with_dict(dict: &str) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&[1, 0]);
        out.extend_from_slice(&(dict.len() as u16).to_le_bytes());
        out.extend_from_slice(dict.as_bytes());
        out
    }

    #[test]
    fn malformed_headers_are_errors() {
        let cases = [
            ("{'descr': '<f8', 'shape': (3,)}", "correct keys"),
            (
                "{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}",
                "valid bool",
            ),
            (
                "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
                "negative",
            ),
            (
                "{'descr': '<f8', 'fortran_order': False, 'shape': [3]}",
                "shape is not valid",
            ),
            (
                "{'descr': '<f8', 'fortran_order': False, 'shape': 3}",
                "shape is not valid",
            ),
            (
                "{'descr': 3, 'fortran_order': False, 'shape': (3,)}",
                "descr",
            ),
            ("['descr']", "not a dictionary"),
            (
                "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}",
                "keys",
            ),
            ("{'descr': '<f8', 'fortran_order': False", "cannot parse"),
            (
                "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296)}",
                "too large",
            ),
            (
                "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,)}",
                "structured",
            ),
        ];
        for (dict, want) in cases {
            let err = read(&with_dict(dict)).unwrap_err().to_string();
            assert!(err.contains(want), "{dict}: {err}");
        }
        let good = header_bytes(DType::Float64, &[3], false);
        for cut in [0, 5, 8, 9, 20, good.len() - 1] {
            let err = read(&good[..cut]).unwrap_err().to_string();
            assert!(err.contains("truncated"), "{cut}: {err}");
        }
        let mut bad_magic = good.clone();
        bad_magic[1] = b'X';
        assert!(read(&bad_magic).unwrap_err().to_string().contains("magic"));
        let mut bad_version = good.clone();
        bad_version[6] = 4;
        assert!(
            read(&bad_version)
                .unwrap_err()
                .to_string()
                .contains("version 4.0")
        );
    }

    #[test]
    fn overlong_header_is_refused_before_reading() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&[2, 0]);
        bytes.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(
            read(&bytes)
                .unwrap_err()
                .to_string()
                .contains("larger than 10000")
        );
    }
}
