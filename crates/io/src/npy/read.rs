//! Reading `.npy` data into arrays: straight into the array's own buffer when the source's
//! length is known, in bounded, growing chunks when it is not.
//!
//! The shape's size is checked for overflow when the header is read; before anything of
//! that size is allocated, a source of known length must hold the data (`Avail::Known`).
//! A source of unknown length (a pipe, a decompressor) is read in chunks that start at
//! 1 MiB and double only as data actually arrives, so a header's claim alone never sizes
//! an allocation.

use super::descr::Descr;
use super::header::Header;
use crate::error::{IoError, IoResult};
use bytemuck::Pod;
use numerust_core::{AnyArray, Complex, DType, NdArray, NdError, Order};
use std::io::Read;

/// What is known about the bytes left in the source after the header.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Avail {
    /// At most this many bytes remain (file length, slice length, zip member size).
    Known(u64),
    /// A stream: only reading tells.
    Unknown,
}

/// First chunk of an unknown-length read; later chunks double.
const FIRST_CHUNK: usize = 1 << 20;

/// Bytes converted per step when reading bools through a `u8` buffer.
const BOOL_CHUNK: usize = 1 << 16;

/// Reads the data `header` describes from `reader` (positioned at the first data byte).
pub(crate) fn read_data(
    reader: &mut impl Read,
    header: &Header,
    avail: Avail,
) -> IoResult<AnyArray> {
    let nbytes = header.nbytes();
    if let Avail::Known(left) = avail
        && (nbytes as u64) > left
    {
        return Err(IoError::Format(format!(
            "truncated .npy data: the header (shape {}, {}) needs {nbytes} bytes after \
             offset {}, but only {left} remain",
            super::header::shape_repr(&header.shape),
            header.descr.dtype,
            header.data_offset
        )));
    }
    macro_rules! typed {
        ($t:ty) => {
            AnyArray::from(read_pod::<$t>(reader, header, avail)?)
        };
    }
    Ok(match header.descr.dtype {
        DType::Bool => AnyArray::from(read_bool(reader, header, avail)?),
        DType::Int8 => typed!(i8),
        DType::Int16 => typed!(i16),
        DType::Int32 => typed!(i32),
        DType::Int64 => typed!(i64),
        DType::UInt8 => typed!(u8),
        DType::UInt16 => typed!(u16),
        DType::UInt32 => typed!(u32),
        DType::UInt64 => typed!(u64),
        DType::Float32 => typed!(f32),
        DType::Float64 => typed!(f64),
        DType::Complex64 => typed!(Complex<f32>),
        DType::Complex128 => typed!(Complex<f64>),
    })
}

fn order_of(header: &Header) -> Order {
    if header.fortran_order {
        Order::F
    } else {
        Order::C
    }
}

/// `read_exact` whose end-of-file error names how much data was missing.
fn fill_exact(reader: &mut impl Read, buf: &mut [u8], header: &Header) -> IoResult<()> {
    reader.read_exact(buf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            IoError::Format(format!(
                "truncated .npy data: the file ends before the {} bytes its header (shape {}, \
                 {}) promises after offset {}",
                header.nbytes(),
                super::header::shape_repr(&header.shape),
                header.descr.dtype,
                header.data_offset
            ))
        } else {
            IoError::Io(e)
        }
    })
}

/// Reverses the bytes of every scalar (both halves of a complex) in place.
fn swap_bytes(bytes: &mut [u8], descr: Descr) {
    let unit = match descr.dtype {
        DType::Complex64 | DType::Complex128 => descr.dtype.itemsize() / 2,
        d => d.itemsize(),
    };
    match unit {
        2 => bytemuck::cast_slice_mut::<u8, [u8; 2]>(bytes)
            .iter_mut()
            .for_each(|x| x.reverse()),
        4 => bytemuck::cast_slice_mut::<u8, [u8; 4]>(bytes)
            .iter_mut()
            .for_each(|x| x.reverse()),
        8 => bytemuck::cast_slice_mut::<u8, [u8; 8]>(bytes)
            .iter_mut()
            .for_each(|x| x.reverse()),
        _ => {}
    }
}

/// Reads a plain-data array: one `read_exact` into the final buffer when the length is
/// known, else chunks into a growing `Vec` that becomes the buffer.
fn read_pod<T: Pod + numerust_core::Element>(
    reader: &mut impl Read,
    header: &Header,
    avail: Avail,
) -> IoResult<NdArray<T>> {
    let order = order_of(header);
    let swap = header.descr.needs_swap();
    match avail {
        Avail::Known(_) => NdArray::try_from_fill(&header.shape, order, |dst: &mut [T]| {
            let bytes: &mut [u8] = bytemuck::cast_slice_mut(dst);
            fill_exact(reader, bytes, header)?;
            if swap {
                swap_bytes(bytes, header.descr);
            }
            Ok::<(), IoError>(())
        }),
        Avail::Unknown => {
            let total = header.size();
            let chunk = (FIRST_CHUNK / size_of::<T>()).max(1);
            let mut v: Vec<T> = Vec::new();
            while v.len() < total {
                let old = v.len();
                let step = (total - old).min(chunk.max(old));
                v.resize(old + step, T::zeroed());
                let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut v[old..]);
                fill_exact(reader, bytes, header)?;
                if swap {
                    swap_bytes(bytes, header.descr);
                }
            }
            Ok(NdArray::from_shape_vec_order(&header.shape, v, order)?)
        }
    }
}

/// Reads a bool array through a small `u8` buffer: any nonzero byte is `true` (NumPy reads
/// such bytes as they are; numerust's bools are 0 or 1).
fn read_bool(reader: &mut impl Read, header: &Header, avail: Avail) -> IoResult<NdArray<bool>> {
    let order = order_of(header);
    let mut buf = vec![0u8; header.size().min(BOOL_CHUNK)];
    let mut fill = |dst: &mut [bool]| -> IoResult<()> {
        for part in dst.chunks_mut(BOOL_CHUNK) {
            let src = &mut buf[..part.len()];
            fill_exact(reader, src, header)?;
            part.iter_mut()
                .zip(src.iter())
                .for_each(|(d, &s)| *d = s != 0);
        }
        Ok(())
    };
    match avail {
        Avail::Known(_) => NdArray::try_from_fill(&header.shape, order, fill),
        Avail::Unknown => {
            let total = header.size();
            let mut v: Vec<bool> = Vec::new();
            while v.len() < total {
                let old = v.len();
                let step = (total - old).min(FIRST_CHUNK.max(old));
                v.resize(old + step, false);
                fill(&mut v[old..])?;
            }
            NdArray::from_shape_vec_order(&header.shape, v, order)
                .map_err(|e: NdError| IoError::Array(e))
        }
    }
}
