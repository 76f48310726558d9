//! `Buffer<T>`: the one allocation behind every owned array, and how it is obtained.
//!
//! Small buffers come from a `Vec<T>`. Buffers of [`HUGE_PAGE_BYTES`] and more come straight
//! from `mmap` on Linux, aligned to 2 MiB and advised `MADV_HUGEPAGE`, as NumPy does for its
//! large allocations: fresh anonymous pages are zero and mapped lazily, so `zeros` costs no
//! writes, and transparent huge pages cut page faults 512-fold when the result is written.
//! Elsewhere (other systems, Miri) they come from a `Vec<T>` too.
//!
//! INVARIANT of [`Buffer`]: `ptr` points at `len` initialised, aligned `T` inside one live
//! allocation that the buffer alone frees, and `len * size_of::<T>()` fits `isize`.
//! Sharing is the caller's business: arrays hold `Arc<Buffer<T>>` and write only through a
//! buffer whose `Arc` is unique (copy-on-write, see `array.rs`).

use crate::error::{NdError, NdResult};
use std::ptr::NonNull;

/// Buffers of at least this many bytes are mapped directly and advised for huge pages.
pub const HUGE_PAGE_BYTES: usize = 4 << 20;

#[cfg(all(target_os = "linux", not(miri)))]
const HUGE_PAGE_ALIGN: usize = 2 << 20;

enum Origin {
    /// Rebuild with `Vec::from_raw_parts(ptr, len, cap)` to free.
    Vec { cap: usize },
    /// `munmap(ptr, bytes)` to free.
    #[cfg(all(target_os = "linux", not(miri)))]
    Mapped { bytes: usize },
}

/// A fixed-size, heap-allocated run of `T`; see the module doc for its invariant.
pub struct Buffer<T> {
    ptr: NonNull<T>,
    len: usize,
    origin: Origin,
}

// SAFETY: a Buffer owns its elements like a Vec does; sending or sharing it is as safe as
// sending or sharing `T`. Writes happen only through `&mut Buffer` or a unique `Arc`.
unsafe impl<T: Send> Send for Buffer<T> {}
// SAFETY: as above; `&Buffer` only reads.
unsafe impl<T: Sync> Sync for Buffer<T> {}

/// Bytes for `len` elements of `T`, or `ShapeOverflow` past `isize::MAX`.
pub(crate) fn byte_size<T>(len: usize) -> NdResult<usize> {
    len.checked_mul(std::mem::size_of::<T>())
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or(NdError::ShapeOverflow)
}

impl<T: bytemuck::Zeroable + Copy> Buffer<T> {
    /// `len` zeros. Large buffers are fresh mapped pages, which the kernel zeroes lazily.
    ///
    /// # Errors
    /// `ShapeOverflow` when the byte size passes `isize::MAX`; `InvalidValue` when the system
    /// cannot provide the memory.
    pub fn zeroed(len: usize) -> NdResult<Self> {
        let bytes = byte_size::<T>(len)?;
        #[cfg(all(target_os = "linux", not(miri)))]
        if bytes >= HUGE_PAGE_BYTES {
            return Self::mapped(len, bytes);
        }
        let _ = bytes;
        Ok(Self::from_vec(vec![T::zeroed(); len]))
    }

    /// A buffer whose contents are written by `init`, which receives it zeroed.
    ///
    /// The zeroing is free for large (mapped) buffers; small ones pay one `memset`.
    pub fn from_fill(len: usize, init: impl FnOnce(&mut [T])) -> NdResult<Self> {
        let mut buf = Self::zeroed(len)?;
        init(buf.as_mut_slice());
        Ok(buf)
    }

    #[cfg(all(target_os = "linux", not(miri)))]
    fn mapped(len: usize, bytes: usize) -> NdResult<Self> {
        let rounded = bytes.div_ceil(HUGE_PAGE_ALIGN) * HUGE_PAGE_ALIGN;
        let request = rounded + HUGE_PAGE_ALIGN;
        // SAFETY: an anonymous private mapping with no address hint touches no existing memory.
        let raw = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                request,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return Err(NdError::InvalidValue(format!(
                "Unable to allocate {bytes} bytes for an array"
            )));
        }
        let start = raw as usize;
        let aligned = start.div_ceil(HUGE_PAGE_ALIGN) * HUGE_PAGE_ALIGN;
        let head = aligned - start;
        let tail = request - head - rounded;
        // SAFETY: [start, start+head) and [aligned+rounded, aligned+rounded+tail) are page-
        // aligned pieces of the mapping just made, outside the part we keep; unmapping them
        // cannot touch anything else. madvise on our own aligned range only gives advice.
        unsafe {
            if head > 0 {
                libc::munmap(raw, head);
            }
            if tail > 0 {
                libc::munmap((aligned + rounded) as *mut libc::c_void, tail);
            }
            libc::madvise(aligned as *mut libc::c_void, rounded, libc::MADV_HUGEPAGE);
        }
        Ok(Buffer {
            // SAFETY: `aligned` lies inside a successful mapping, so it is not null.
            ptr: unsafe { NonNull::new_unchecked(aligned as *mut T) },
            len,
            origin: Origin::Mapped { bytes: rounded },
        })
    }
}

impl<T> Buffer<T> {
    /// Adopts a `Vec` without copying.
    pub fn from_vec(v: Vec<T>) -> Self {
        let mut v = std::mem::ManuallyDrop::new(v);
        let (len, cap) = (v.len(), v.capacity());
        // Vec::as_mut_ptr is never null (dangling but aligned when cap == 0).
        let ptr = NonNull::new(v.as_mut_ptr()).expect("Vec pointer is non-null");
        Buffer {
            ptr,
            len,
            origin: Origin::Vec { cap },
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the buffer holds no element.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Pointer to the first element (dangling when empty).
    pub fn as_ptr(&self) -> *const T {
        self.ptr.as_ptr()
    }

    /// Mutable pointer to the first element; exclusive access is proven by `&mut self`.
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr.as_ptr()
    }

    /// The elements as a slice.
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: Buffer invariant: len initialised, aligned elements in one allocation.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The elements as a mutable slice.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: Buffer invariant, and `&mut self` gives exclusive access.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// Whether this buffer was mapped for huge pages (for tests and diagnostics).
    pub fn is_huge_page_mapped(&self) -> bool {
        match self.origin {
            Origin::Vec { .. } => false,
            #[cfg(all(target_os = "linux", not(miri)))]
            Origin::Mapped { .. } => true,
        }
    }
}

impl<T> Drop for Buffer<T> {
    fn drop(&mut self) {
        match self.origin {
            Origin::Vec { cap } => {
                // SAFETY: ptr/len/cap came from a Vec in `from_vec` and were not changed.
                drop(unsafe { Vec::from_raw_parts(self.ptr.as_ptr(), self.len, cap) });
            }
            #[cfg(all(target_os = "linux", not(miri)))]
            Origin::Mapped { bytes } => {
                // SAFETY: exactly the range kept in `mapped`; elements are Copy (no drop).
                unsafe { libc::munmap(self.ptr.as_ptr() as *mut libc::c_void, bytes) };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeroed_small_and_large() {
        let small = Buffer::<f64>::zeroed(10).unwrap();
        assert!(small.as_slice().iter().all(|&x| x == 0.0));
        assert!(!small.is_huge_page_mapped());
        let n = if cfg!(miri) { 100 } else { 1 << 20 };
        let mut big = Buffer::<f64>::zeroed(n).unwrap();
        assert!(big.as_slice().iter().all(|&x| x == 0.0));
        if cfg!(all(target_os = "linux", not(miri))) {
            assert!(big.is_huge_page_mapped());
            assert_eq!(big.as_ptr() as usize % (2 << 20), 0);
        }
        big.as_mut_slice()[n - 1] = 3.0;
        assert_eq!(big.as_slice()[n - 1], 3.0);
    }

    #[test]
    fn overflowing_size_is_an_error() {
        assert_eq!(
            Buffer::<f64>::zeroed(usize::MAX / 4).err(),
            Some(NdError::ShapeOverflow)
        );
    }

    #[test]
    fn from_vec_round_trip() {
        let b = Buffer::from_vec(vec![1u8, 2, 3]);
        assert_eq!(b.as_slice(), &[1, 2, 3]);
        let e = Buffer::<u8>::from_vec(Vec::new());
        assert!(e.is_empty());
    }
}
