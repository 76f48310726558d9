//! Memory-mapped `.npy` files: array views straight over the file's pages, for arrays
//! larger than memory. NumPy: `np.load(file, mmap_mode=...)` and
//! `np.lib.format.open_memmap`.
//!
//! [`load_mmap`] maps an existing file read-only (`'r'`), read-write (`'r+'`: writes reach
//! the file) or copy-on-write (`'c'`: writes stay in memory); [`open_memmap`] creates a new
//! file of a given dtype and shape (`'w+'`), sized but not written, so an array larger
//! than RAM can be filled piece by piece. [`NpyMmap::view`] and [`NpyMmap::view_mut`] lend
//! typed views; Fortran-order files give F-order views.
//!
//! Refused: big-endian files of multi-byte dtypes (a view cannot swap bytes: load them with
//! [`crate::load`] instead), and data that does not start at an address aligned for its
//! element type (NumPy's writers always align it to 64 bytes). A bool view first checks
//! that every byte is 0 or 1.
//!
//! # The memory-map caveat
//! The views borrow the file's pages. numerust checks everything it can when mapping (the
//! file holds the whole array, the data is aligned), but it cannot stop another process, or
//! another mapping in this one, from changing or truncating the file while it is mapped.
//! Doing so is undefined behaviour for the views (truncation typically kills the process
//! with `SIGBUS`), exactly as for NumPy's `memmap` and every other memory map: keep mapped
//! files unchanged by others while an `NpyMmap` is alive.
//!
//! ```
//! use numerust_core::DType;
//! use numerust_io::{MmapMode, load_mmap, open_memmap};
//! let path = std::env::temp_dir().join(format!("numerust-mmap-doc-{}.npy", std::process::id()));
//! let mut m = open_memmap(&path, DType::Float64, &[1000, 3], false).unwrap();
//! m.view_mut::<f64>().unwrap().fill(2.5);
//! m.flush().unwrap();
//! drop(m);
//! let r = load_mmap(&path, MmapMode::ReadOnly).unwrap();
//! let v = r.view::<f64>().unwrap();
//! assert_eq!(v.shape(), &[1000, 3]);
//! assert_eq!(v[[999, 2]], 2.5);
//! # drop(r);
//! # std::fs::remove_file(&path).unwrap();
//! ```

use crate::error::{IoError, IoResult};
use crate::npy::{Header, header_bytes, in_file, read_header};
use memmap2::{Mmap, MmapMut, MmapOptions};
use numerust_core::{ArrayView, ArrayViewMut, DType, Element, Layout, NdError, Order};
use std::fs::{File, OpenOptions};
use std::path::Path;

/// How to map a file: NumPy's `mmap_mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MmapMode {
    /// `'r'`: read-only views.
    ReadOnly,
    /// `'r+'`: writable views whose writes reach the file.
    ReadWrite,
    /// `'c'`: writable views whose writes stay in this process (copy-on-write pages).
    CopyOnWrite,
}

/// The mapping, read-only or writable.
enum Map {
    ReadOnly(Mmap),
    Writable(MmapMut),
}

/// A memory-mapped `.npy` file: header facts plus typed views of the data.
///
/// INVARIANT (made true by [`load_mmap`]/[`open_memmap`], relied on by the views): the
/// mapping covers `data_offset + nbytes` bytes, `data_offset` is where the header ends,
/// and the data is in native byte order. Alignment and, for bool, byte values are checked
/// per view. See the module doc for what only the user can guarantee.
pub struct NpyMmap {
    map: Map,
    mode: MmapMode,
    header: Header,
}

/// Maps an existing `.npy` file.
///
/// NumPy: `np.load(file, mmap_mode='r' | 'r+' | 'c')`.
///
/// # Errors
/// `Format` for a malformed header or a file shorter than its header claims,
/// `UnsupportedDType` for big-endian multi-byte data or dtypes numerust lacks, `Io`.
pub fn load_mmap(path: impl AsRef<Path>, mode: MmapMode) -> IoResult<NpyMmap> {
    let path = path.as_ref();
    let run = || -> IoResult<NpyMmap> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(mode == MmapMode::ReadWrite)
            .open(path)?;
        let header = read_header(&mut file)?;
        if header.descr.needs_swap() {
            return Err(IoError::UnsupportedDType(format!(
                "the file's {} data is big-endian and a memory map cannot swap bytes; load it \
                 with load() instead",
                header.descr.dtype
            )));
        }
        let need = (header.data_offset as u64).saturating_add(header.nbytes() as u64);
        let len = file.metadata()?.len();
        if len < need {
            return Err(IoError::Format(format!(
                "truncated .npy data: the header needs {need} bytes in all, the file has {len}"
            )));
        }
        let map = map_file(&file, mode)?;
        // The file may have shrunk since its length was read: check what was mapped.
        if (map.len() as u64) < need {
            return Err(IoError::Format(format!(
                "the file shrank to {} bytes while being mapped; the header needs {need}",
                map.len()
            )));
        }
        Ok(NpyMmap { map, mode, header })
    };
    run().map_err(|e| in_file(path, e))
}

/// Creates (or truncates) `path` as a `.npy` of `dtype` and `shape` and maps it
/// read-write. The data starts as zeros (the file is sized, not written, so it stays
/// sparse until filled).
///
/// NumPy: `np.lib.format.open_memmap(path, mode='w+', dtype=dtype, shape=shape,
/// fortran_order=fortran_order)`.
///
/// # Errors
/// `Array(ShapeOverflow)` for a shape too large to address; `Io`.
pub fn open_memmap(
    path: impl AsRef<Path>,
    dtype: DType,
    shape: &[usize],
    fortran_order: bool,
) -> IoResult<NpyMmap> {
    let path = path.as_ref();
    let run = || -> IoResult<NpyMmap> {
        let nbytes = numerust_core::layout::checked_size(shape)?
            .checked_mul(dtype.itemsize())
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or(NdError::ShapeOverflow)?;
        let head = header_bytes(dtype, shape, fortran_order);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        std::io::Write::write_all(&mut &file, &head)?;
        file.set_len(head.len() as u64 + nbytes as u64)?;
        let header = read_header(&mut &head[..])?;
        let map = map_file(&file, MmapMode::ReadWrite)?;
        Ok(NpyMmap {
            map,
            mode: MmapMode::ReadWrite,
            header,
        })
    };
    run().map_err(|e| in_file(path, e))
}

fn map_file(file: &File, mode: MmapMode) -> IoResult<Map> {
    // memmap2's maps are unsafe because the file may change underneath them: that is the
    // caveat this module documents and leaves to the user. Each mode's file was opened with
    // the access it needs, and the caller checked the file's length.
    Ok(match mode {
        // SAFETY: see above.
        MmapMode::ReadOnly => Map::ReadOnly(unsafe { Mmap::map(file)? }),
        // SAFETY: see above; the file is open for reading and writing.
        MmapMode::ReadWrite => Map::Writable(unsafe { MmapMut::map_mut(file)? }),
        // SAFETY: see above; private pages, the file itself is never written.
        MmapMode::CopyOnWrite => Map::Writable(unsafe { MmapOptions::new().map_copy(file)? }),
    })
}

impl Map {
    fn len(&self) -> usize {
        match self {
            Map::ReadOnly(m) => m.len(),
            Map::Writable(m) => m.len(),
        }
    }
}

impl NpyMmap {
    /// The element type of the mapped array.
    pub fn dtype(&self) -> DType {
        self.header.descr.dtype
    }

    /// The shape of the mapped array.
    pub fn shape(&self) -> &[usize] {
        &self.header.shape
    }

    /// Whether the data is in Fortran order (the views are then F-order).
    pub fn fortran_order(&self) -> bool {
        self.header.fortran_order
    }

    /// The mode the file was mapped in.
    pub fn mode(&self) -> MmapMode {
        self.mode
    }

    /// The parsed header (version, data offset, ...).
    pub fn header(&self) -> &Header {
        &self.header
    }

    fn bytes(&self) -> &[u8] {
        let all: &[u8] = match &self.map {
            Map::ReadOnly(m) => m,
            Map::Writable(m) => m,
        };
        &all[self.header.data_offset..self.header.data_offset + self.header.nbytes()]
    }

    fn layout(&self) -> IoResult<Layout> {
        let order = if self.header.fortran_order {
            Order::F
        } else {
            Order::C
        };
        Ok(Layout::contiguous(&self.header.shape, order)?)
    }

    /// Checks that `T` is the file's dtype, the data is aligned for it, and (for bool)
    /// that every byte is 0 or 1.
    fn check<T: Element>(&self, data: &[u8]) -> IoResult<()> {
        if T::DTYPE != self.dtype() {
            return Err(IoError::DTypeMismatch {
                expected: T::DTYPE,
                found: self.dtype(),
            });
        }
        if !(data.as_ptr() as usize).is_multiple_of(align_of::<T>()) {
            return Err(IoError::Format(format!(
                "the data starts at offset {}, not aligned for {} ({} bytes); load the file \
                 instead of mapping it",
                self.header.data_offset,
                T::DTYPE,
                align_of::<T>()
            )));
        }
        if T::DTYPE == DType::Bool && data.iter().any(|&b| b > 1) {
            return Err(IoError::Format(
                "the bool data holds bytes other than 0 and 1, which a bool view cannot show; \
                 load the file instead"
                    .into(),
            ));
        }
        Ok(())
    }

    /// A read-only view of the mapped array.
    ///
    /// NumPy: the array `np.load(file, mmap_mode=...)` returns.
    ///
    /// # Errors
    /// `DTypeMismatch` when `T` is not the file's dtype; `Format` for misaligned data or
    /// bool bytes other than 0/1.
    pub fn view<T: Element>(&self) -> IoResult<ArrayView<'_, T>> {
        let data = self.bytes();
        self.check::<T>(data)?;
        let layout = self.layout()?;
        let ptr = if data.is_empty() {
            std::ptr::NonNull::<T>::dangling().as_ptr().cast_const()
        } else {
            data.as_ptr().cast::<T>()
        };
        // SAFETY: the NpyMmap invariant: `data` is the array's `nbytes` bytes inside the
        // live mapping, which `&self` keeps alive and (through `view_mut`'s `&mut self`)
        // unwritten by this process for the view's lifetime; the layout is contiguous over
        // exactly `size` elements of `T`; alignment and bool byte values were checked above,
        // and every other element type accepts any bit pattern. Zero-size arrays read no
        // element, so a dangling aligned pointer serves.
        Ok(unsafe { ArrayView::from_raw(ptr, layout) })
    }

    /// A writable view of the mapped array (modes `ReadWrite` and `CopyOnWrite`).
    ///
    /// # Errors
    /// As [`NpyMmap::view`], and `Io(PermissionDenied)` for a read-only mapping.
    pub fn view_mut<T: Element>(&mut self) -> IoResult<ArrayViewMut<'_, T>> {
        self.check::<T>(self.bytes())?;
        let layout = self.layout()?;
        let (offset, nbytes) = (self.header.data_offset, self.header.nbytes());
        let Map::Writable(map) = &mut self.map else {
            return Err(IoError::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the file is mapped read-only (MmapMode::ReadOnly); map it ReadWrite or \
                 CopyOnWrite to write",
            )));
        };
        let data = &mut map[offset..offset + nbytes];
        let ptr = if data.is_empty() {
            std::ptr::NonNull::<T>::dangling().as_ptr()
        } else {
            data.as_mut_ptr().cast::<T>()
        };
        // SAFETY: as in `view`, and `&mut self` makes this the only view of the mapping
        // for its lifetime; a contiguous layout never repeats an address.
        Ok(unsafe { ArrayViewMut::from_raw(ptr, layout) })
    }

    /// Writes changed pages back to the file (`ReadWrite`); nothing to do in the other
    /// modes. NumPy: `memmap.flush()`.
    ///
    /// # Errors
    /// `Io` when the operating system fails to write.
    pub fn flush(&self) -> IoResult<()> {
        match (&self.map, self.mode) {
            (Map::Writable(m), MmapMode::ReadWrite) => Ok(m.flush()?),
            _ => Ok(()),
        }
    }
}

impl std::fmt::Debug for NpyMmap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NpyMmap")
            .field("mode", &self.mode)
            .field("dtype", &self.dtype())
            .field("shape", &self.shape())
            .field("fortran_order", &self.fortran_order())
            .finish()
    }
}
