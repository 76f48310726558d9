//! A small reader for the NumPy reference files tests load (`tests/reference/*.npz`).
//!
//! Reads `.npy` versions 1–3 with dtypes bool, int8..int64, uint8..uint64, float32, float64,
//! complex64, complex128 and unicode strings (`<U`), in either byte order and either memory
//! order (data is returned in C order), and `.npz` archives written by `np.savez` (stored,
//! zip64 entries). It panics with a clear message on anything else: it is a test helper,
//! not the io crate's reader.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Element data of a loaded array, in C order.
#[derive(Clone, Debug, PartialEq)]
pub enum NpyData {
    /// `bool`.
    Bool(Vec<bool>),
    /// Any signed integer dtype, widened.
    Int(Vec<i64>),
    /// Any unsigned integer dtype, widened.
    UInt(Vec<u64>),
    /// `float32`.
    F32(Vec<f32>),
    /// `float64`.
    F64(Vec<f64>),
    /// `complex64` as (re, im).
    C64(Vec<(f32, f32)>),
    /// `complex128` as (re, im).
    C128(Vec<(f64, f64)>),
    /// Unicode strings (`<U`), trailing NULs removed.
    Str(Vec<String>),
}

/// One loaded array.
#[derive(Clone, Debug, PartialEq)]
pub struct NpyArray {
    /// The shape.
    pub shape: Vec<usize>,
    /// The dtype descriptor as written, e.g. `<f8`.
    pub descr: String,
    /// The elements in C order.
    pub data: NpyData,
}

impl NpyArray {
    /// Elements as `f64` (integers and bools converted; panics for complex and strings).
    pub fn f64s(&self) -> Vec<f64> {
        match &self.data {
            NpyData::Bool(v) => v.iter().map(|&b| b as u8 as f64).collect(),
            NpyData::Int(v) => v.iter().map(|&x| x as f64).collect(),
            NpyData::UInt(v) => v.iter().map(|&x| x as f64).collect(),
            NpyData::F32(v) => v.iter().map(|&x| x as f64).collect(),
            NpyData::F64(v) => v.clone(),
            other => panic!("f64s() on {other:?}"),
        }
    }

    /// Elements as `f32` (panics unless float32).
    pub fn f32s(&self) -> Vec<f32> {
        match &self.data {
            NpyData::F32(v) => v.clone(),
            other => panic!("f32s() on non-float32 data {other:?}"),
        }
    }

    /// Elements as `i64` (bools and integers; panics otherwise or when a u64 overflows).
    pub fn i64s(&self) -> Vec<i64> {
        match &self.data {
            NpyData::Bool(v) => v.iter().map(|&b| b as i64).collect(),
            NpyData::Int(v) => v.clone(),
            NpyData::UInt(v) => v
                .iter()
                .map(|&x| i64::try_from(x).expect("u64 fits i64"))
                .collect(),
            other => panic!("i64s() on {other:?}"),
        }
    }

    /// Elements as `usize` (non-negative integers).
    pub fn usizes(&self) -> Vec<usize> {
        self.i64s()
            .into_iter()
            .map(|x| usize::try_from(x).expect("non-negative"))
            .collect()
    }

    /// Elements as `bool` (panics unless bool).
    pub fn bools(&self) -> Vec<bool> {
        match &self.data {
            NpyData::Bool(v) => v.clone(),
            other => panic!("bools() on {other:?}"),
        }
    }

    /// Elements as strings (panics unless `<U`).
    pub fn strings(&self) -> Vec<String> {
        match &self.data {
            NpyData::Str(v) => v.clone(),
            other => panic!("strings() on {other:?}"),
        }
    }

    /// The single string of a 0-d or 1-element string array.
    pub fn string(&self) -> String {
        let v = self.strings();
        assert_eq!(v.len(), 1, "expected one string");
        v.into_iter().next().unwrap_or_default()
    }
}

/// Parses one `.npy` file's bytes.
///
/// # Errors
/// A message naming what was malformed or unsupported.
pub fn read_npy(bytes: &[u8]) -> Result<NpyArray, String> {
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err("not a .npy file (bad magic)".into());
    }
    let major = bytes[6];
    let (hlen, start) = match major {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 => {
            if bytes.len() < 12 {
                return Err("truncated header".into());
            }
            (
                u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
                12,
            )
        }
        v => return Err(format!("unsupported .npy version {v}")),
    };
    let header = std::str::from_utf8(bytes.get(start..start + hlen).ok_or("truncated header")?)
        .map_err(|e| format!("header is not text: {e}"))?;
    let descr = dict_value(header, "descr").ok_or("no 'descr'")?;
    let descr = descr.trim_matches(|c| c == '\'' || c == '"').to_string();
    let fortran = dict_value(header, "fortran_order").ok_or("no 'fortran_order'")? == "True";
    let shape_txt = dict_value(header, "shape").ok_or("no 'shape'")?;
    let shape: Vec<usize> = shape_txt
        .trim_matches(|c| c == '(' || c == ')')
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<usize>()
                .map_err(|e| format!("bad shape {shape_txt}: {e}"))
        })
        .collect::<Result<_, _>>()?;
    let n: usize = shape.iter().product();
    let body = &bytes[start + hlen..];
    let (order, kind, size) = parse_descr(&descr)?;
    let need = n.checked_mul(size).ok_or("size overflow")?;
    if body.len() < need {
        return Err(format!(
            "data too short: {} bytes for {n} elements of {descr}",
            body.len()
        ));
    }
    let big = order == '>';
    let word = |i: usize, w: usize| -> u128 {
        let b = &body[i * size + w * (size.min(8))..][..size.min(8)];
        let mut v: u128 = 0;
        if big {
            for &x in b {
                v = (v << 8) | x as u128;
            }
        } else {
            for &x in b.iter().rev() {
                v = (v << 8) | x as u128;
            }
        }
        v
    };
    let sext = |v: u128, bytes: usize| -> i64 {
        let bits = bytes * 8;
        ((v as u64) << (64 - bits)) as i64 >> (64 - bits)
    };
    let data = match (kind, size) {
        ('b', 1) => NpyData::Bool((0..n).map(|i| body[i] != 0).collect()),
        ('i', s) => NpyData::Int((0..n).map(|i| sext(word(i, 0), s)).collect()),
        ('u', _) => NpyData::UInt((0..n).map(|i| word(i, 0) as u64).collect()),
        ('f', 4) => NpyData::F32((0..n).map(|i| f32::from_bits(word(i, 0) as u32)).collect()),
        ('f', 8) => NpyData::F64((0..n).map(|i| f64::from_bits(word(i, 0) as u64)).collect()),
        ('c', 8) => NpyData::C64(
            (0..n)
                .map(|i| {
                    let part = |k: usize| {
                        let b: [u8; 4] = body[i * 8 + 4 * k..][..4].try_into().expect("4 bytes");
                        if big {
                            f32::from_be_bytes(b)
                        } else {
                            f32::from_le_bytes(b)
                        }
                    };
                    (part(0), part(1))
                })
                .collect(),
        ),
        ('c', 16) => NpyData::C128(
            (0..n)
                .map(|i| {
                    (
                        f64::from_bits(word(i, 0) as u64),
                        f64::from_bits(word(i, 1) as u64),
                    )
                })
                .collect(),
        ),
        ('U', s) => NpyData::Str(
            (0..n)
                .map(|i| {
                    body[i * s..(i + 1) * s]
                        .chunks(4)
                        .map(|c| {
                            let b: [u8; 4] = c.try_into().expect("4 bytes");
                            if big {
                                u32::from_be_bytes(b)
                            } else {
                                u32::from_le_bytes(b)
                            }
                        })
                        .take_while(|&c| c != 0)
                        .map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
                        .collect()
                })
                .collect(),
        ),
        _ => return Err(format!("unsupported dtype {descr}")),
    };
    let data = if fortran && shape.len() > 1 {
        to_c_order(data, &shape)
    } else {
        data
    };
    Ok(NpyArray { shape, descr, data })
}

fn parse_descr(descr: &str) -> Result<(char, char, usize), String> {
    let mut chars = descr.chars();
    let order = chars.next().ok_or("empty descr")?;
    let kind = chars.next().ok_or("short descr")?;
    let n: usize = chars
        .as_str()
        .parse()
        .map_err(|_| format!("bad descr {descr}"))?;
    let size = if kind == 'U' { n * 4 } else { n };
    Ok((order, kind, size))
}

fn dict_value<'h>(header: &'h str, key: &str) -> Option<&'h str> {
    let at = header.find(&format!("'{key}'"))?;
    let rest = header[at + key.len() + 2..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let end = if rest.starts_with('(') {
        rest.find(')')? + 1
    } else {
        rest.find([',', '}']).unwrap_or(rest.len())
    };
    Some(rest[..end].trim())
}

fn to_c_order(data: NpyData, shape: &[usize]) -> NpyData {
    let n: usize = shape.iter().product();
    // F-order element at C index (i0..ik) is at sum(i_j * prod(shape[..j])).
    let perm: Vec<usize> = (0..n)
        .map(|c| {
            let (mut rem, mut f, mut mul) = (c, 0usize, 1usize);
            let mut fmul = vec![1usize; shape.len()];
            for j in 1..shape.len() {
                fmul[j] = fmul[j - 1] * shape[j - 1];
            }
            for j in (0..shape.len()).rev() {
                let i = rem % shape[j];
                rem /= shape[j];
                f += i * fmul[j];
                mul *= shape[j];
            }
            let _ = mul;
            f
        })
        .collect();
    fn pick<T: Clone>(v: Vec<T>, perm: &[usize]) -> Vec<T> {
        perm.iter().map(|&p| v[p].clone()).collect()
    }
    match data {
        NpyData::Bool(v) => NpyData::Bool(pick(v, &perm)),
        NpyData::Int(v) => NpyData::Int(pick(v, &perm)),
        NpyData::UInt(v) => NpyData::UInt(pick(v, &perm)),
        NpyData::F32(v) => NpyData::F32(pick(v, &perm)),
        NpyData::F64(v) => NpyData::F64(pick(v, &perm)),
        NpyData::C64(v) => NpyData::C64(pick(v, &perm)),
        NpyData::C128(v) => NpyData::C128(pick(v, &perm)),
        NpyData::Str(v) => NpyData::Str(pick(v, &perm)),
    }
}

/// Parses an `.npz` archive (stored entries, as `np.savez` writes) into name -> array;
/// names lose their `.npy` suffix.
///
/// # Errors
/// A message naming the malformed or unsupported part.
pub fn read_npz(bytes: &[u8]) -> Result<BTreeMap<String, NpyArray>, String> {
    let mut out = BTreeMap::new();
    let mut pos = 0usize;
    let u16_at = |p: usize| -> Result<usize, String> {
        bytes
            .get(p..p + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
            .ok_or_else(|| "truncated zip".to_string())
    };
    let u32_at = |p: usize| -> Result<u64, String> {
        bytes
            .get(p..p + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
            .ok_or_else(|| "truncated zip".to_string())
    };
    while pos + 4 <= bytes.len() && u32_at(pos)? == 0x0403_4b50 {
        let flags = u16_at(pos + 6)?;
        let method = u16_at(pos + 8)?;
        let mut csize = u32_at(pos + 18)?;
        let name_len = u16_at(pos + 26)?;
        let extra_len = u16_at(pos + 28)?;
        let name = String::from_utf8_lossy(
            bytes
                .get(pos + 30..pos + 30 + name_len)
                .ok_or("truncated name")?,
        )
        .to_string();
        let extra_start = pos + 30 + name_len;
        let extra = bytes
            .get(extra_start..extra_start + extra_len)
            .ok_or("truncated extra")?;
        // zip64 extended information: (uncompressed u64, compressed u64).
        let mut e = 0;
        while e + 4 <= extra.len() {
            let id = u16::from_le_bytes([extra[e], extra[e + 1]]);
            let len = u16::from_le_bytes([extra[e + 2], extra[e + 3]]) as usize;
            if id == 1 && len >= 16 {
                let b: [u8; 8] = extra[e + 12..e + 20]
                    .try_into()
                    .map_err(|_| "bad zip64 extra")?;
                csize = u64::from_le_bytes(b);
            }
            e += 4 + len;
        }
        if method != 0 {
            return Err(format!(
                "{name}: compressed entries are not supported (method {method})"
            ));
        }
        if flags & 8 != 0 && csize == 0 {
            return Err(format!(
                "{name}: streamed entries without sizes are not supported"
            ));
        }
        let data_start = extra_start + extra_len;
        let data = bytes
            .get(data_start..data_start + csize as usize)
            .ok_or("truncated entry")?;
        let arr = read_npy(data).map_err(|e| format!("{name}: {e}"))?;
        out.insert(name.trim_end_matches(".npy").to_string(), arr);
        pos = data_start + csize as usize;
        if flags & 8 != 0 {
            // data descriptor: optional signature, crc, sizes (zip64: 8-byte sizes).
            pos += if u32_at(pos)? == 0x0807_4b50 { 4 } else { 0 } + 4 + 16;
        }
    }
    Ok(out)
}

/// `tests/reference/` at the workspace root: found upward from the crate under test
/// (`CARGO_MANIFEST_DIR` at run time, which cargo sets for tests), so a testutil build
/// shared between checkouts never points into another one; testutil's own location at
/// compile time is the fallback.
pub fn reference_dir() -> PathBuf {
    let start = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok());
    if let Some(start) = start {
        for dir in start.ancestors() {
            let candidate = dir.join("tests/reference");
            if candidate.join("manifest.json").is_file() {
                return candidate;
            }
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/reference")
}

/// Loads `tests/reference/<topic>.npz`, panicking with a message that says how to
/// regenerate it when missing or malformed.
pub fn load_reference(topic: &str) -> BTreeMap<String, NpyArray> {
    let path = reference_dir().join(format!("{topic}.npz"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run `just reference` to regenerate)",
            path.display()
        )
    });
    read_npz(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn npy(descr: &str, shape: &str, fortran: bool, body: &[u8]) -> Vec<u8> {
        let header = format!(
            "{{'descr': '{descr}', 'fortran_order': {}, 'shape': {shape}, }}",
            if fortran { "True" } else { "False" }
        );
        let mut h = header.into_bytes();
        while (10 + h.len() + 1) % 64 != 0 {
            h.push(b' ');
        }
        h.push(b'\n');
        let mut out = b"\x93NUMPY\x01\x00".to_vec();
        out.extend_from_slice(&(h.len() as u16).to_le_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn reads_numeric_and_fortran() {
        let body: Vec<u8> = [1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0]
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect();
        let a = read_npy(&npy("<f8", "(2, 3)", true, &body)).unwrap();
        assert_eq!(a.shape, vec![2, 3]);
        // F-order data 1..6 for shape (2,3) is [[1,3,5],[2,4,6]].
        assert_eq!(a.f64s(), vec![1.0, 3.0, 5.0, 2.0, 4.0, 6.0]);
        let b = read_npy(&npy(">i2", "(2,)", false, &[0xff, 0xfe, 0x00, 0x05])).unwrap();
        assert_eq!(b.i64s(), vec![-2, 5]);
        let s = read_npy(&npy("<U2", "()", false, &[b'h', 0, 0, 0, b'i', 0, 0, 0])).unwrap();
        assert_eq!(s.string(), "hi");
        assert!(read_npy(b"garbage").is_err());
    }
}
