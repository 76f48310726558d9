//! Writing arrays as `.npy`, byte for byte what `np.save` writes.
//!
//! A C-contiguous array is written straight from its buffer; an F-contiguous one too, with
//! `fortran_order: True` (as NumPy does). Any other layout is written in C order through a
//! 64 KiB buffer, so no second copy of the array is ever made.

use super::bytes::as_bytes;
use super::header::header_bytes;
use crate::error::IoResult;
use numerust_core::{AnyArray, ArrayView, ArrayViewMut, AsView, DType, Element, NdArray};
use std::io::Write;

/// Size of the staging buffer for arrays that are not contiguous.
const CHUNK_BYTES: usize = 1 << 16;

/// Writes `a` as one `.npy` (header and data) to `writer`.
///
/// NumPy: `np.lib.format.write_array(f, a)` / `np.save(f, a)` with an open file. The
/// writer is not buffered here: wrap unbuffered writers in a `BufWriter`.
///
/// ```
/// use numerust_core::{AnyArray, NdArray};
/// use numerust_io::npy::{read_npy_bytes, write_npy};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![1i16, 2, 3, 4]).unwrap();
/// let mut bytes = Vec::new();
/// write_npy(&mut bytes, &a).unwrap();
/// assert_eq!(bytes.len(), 128 + 8);
/// assert_eq!(read_npy_bytes(&bytes).unwrap(), AnyArray::from(a));
/// ```
///
/// # Errors
/// `Io` when the writer fails.
pub fn write_npy<T: Element>(mut writer: impl Write, a: &impl AsView<T>) -> IoResult<()> {
    write_view(&mut writer, a.as_view())
}

/// [`write_npy`] for an array whose dtype is a run-time value.
///
/// # Errors
/// `Io` when the writer fails.
pub fn write_npy_any(mut writer: impl Write, a: &AnyArray) -> IoResult<()> {
    a.write_npy_to(&mut writer)
}

/// The header and data of `view`, as `np.save` lays them out.
pub(crate) fn write_view<T: Element>(
    writer: &mut dyn Write,
    view: ArrayView<'_, T>,
) -> IoResult<()> {
    let layout = view.layout();
    let fortran = !layout.is_c_contiguous() && layout.is_f_contiguous();
    writer.write_all(&header_bytes(T::DTYPE, view.shape(), fortran))?;
    if let Some(slice) = view.as_slice_memory_order() {
        writer.write_all(as_bytes(slice))?;
        return Ok(());
    }
    let cap = (CHUNK_BYTES / size_of::<T>()).max(1);
    let mut chunk: Vec<T> = Vec::with_capacity(cap);
    for &x in view.iter() {
        chunk.push(x);
        if chunk.len() == cap {
            writer.write_all(as_bytes(&chunk))?;
            chunk.clear();
        }
    }
    writer.write_all(as_bytes(&chunk))?;
    Ok(())
}

/// An array that can be written as one `.npy`: [`NdArray`], [`ArrayView`],
/// [`ArrayViewMut`] and [`AnyArray`]. Object safe, so [`crate::npz::savez`] can take arrays
/// of different element types in one list.
pub trait ToNpy {
    /// The element type that will be written.
    fn npy_dtype(&self) -> DType;
    /// Writes the header and data to `writer`.
    ///
    /// # Errors
    /// `Io` when the writer fails.
    fn write_npy_to(&self, writer: &mut dyn Write) -> IoResult<()>;
}

impl<T: Element> ToNpy for NdArray<T> {
    fn npy_dtype(&self) -> DType {
        T::DTYPE
    }
    fn write_npy_to(&self, writer: &mut dyn Write) -> IoResult<()> {
        write_view(writer, self.view())
    }
}

impl<T: Element> ToNpy for ArrayView<'_, T> {
    fn npy_dtype(&self) -> DType {
        T::DTYPE
    }
    fn write_npy_to(&self, writer: &mut dyn Write) -> IoResult<()> {
        write_view(writer, self.view())
    }
}

impl<T: Element> ToNpy for ArrayViewMut<'_, T> {
    fn npy_dtype(&self) -> DType {
        T::DTYPE
    }
    fn write_npy_to(&self, writer: &mut dyn Write) -> IoResult<()> {
        write_view(writer, self.view())
    }
}

impl ToNpy for AnyArray {
    fn npy_dtype(&self) -> DType {
        self.dtype()
    }
    fn write_npy_to(&self, writer: &mut dyn Write) -> IoResult<()> {
        match self {
            AnyArray::Bool(a) => a.write_npy_to(writer),
            AnyArray::Int8(a) => a.write_npy_to(writer),
            AnyArray::Int16(a) => a.write_npy_to(writer),
            AnyArray::Int32(a) => a.write_npy_to(writer),
            AnyArray::Int64(a) => a.write_npy_to(writer),
            AnyArray::UInt8(a) => a.write_npy_to(writer),
            AnyArray::UInt16(a) => a.write_npy_to(writer),
            AnyArray::UInt32(a) => a.write_npy_to(writer),
            AnyArray::UInt64(a) => a.write_npy_to(writer),
            AnyArray::Float32(a) => a.write_npy_to(writer),
            AnyArray::Float64(a) => a.write_npy_to(writer),
            AnyArray::Complex64(a) => a.write_npy_to(writer),
            AnyArray::Complex128(a) => a.write_npy_to(writer),
        }
    }
}
