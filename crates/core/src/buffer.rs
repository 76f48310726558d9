//! `Buffer<T>`: the one allocation behind every owned array, and how it is obtained.
//!
//! Small buffers come from a `Vec<T>`. Buffers of [`HUGE_PAGE_BYTES`] and more come straight
//! from `mmap` on Linux, aligned to 2 MiB and advised `MADV_HUGEPAGE`, as NumPy does for its
//! large allocations: fresh anonymous pages are zero and mapped lazily, so `zeros` costs no
//! writes, and transparent huge pages cut page faults 512-fold when the result is written.
//! Elsewhere (other systems, Miri) they come from a `Vec<T>` too.
//!
//! Mapped buffers are recycled: when one is dropped it goes to a small process-wide cache
//! (at most [`CACHE_BYTES`] in all, oldest evicted first; `NUMERUST_BUFFER_CACHE_MB` sets the
//! cap, 0 disables it), and [`Buffer::for_overwrite`] of the same rounded size takes it back
//! instead of mapping and faulting in fresh pages — what glibc's heap does for NumPy's
//! allocations under 32 MiB, extended to larger ones. Such buffers are mapped from
//! [`OVERWRITE_MAP_BYTES`] (1 MiB) up. Zeroed buffers take a cached mapping
//! only after `MADV_DONTNEED` has dropped its pages, so they still read as fresh zero pages.
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

/// Buffers for overwrite of at least this many bytes come from (recycled) mappings: below
/// it the C allocator's heap reuse is as good.
pub const OVERWRITE_MAP_BYTES: usize = 1 << 20;

/// Default cap on the bytes of recycled mappings kept for reuse.
pub const CACHE_BYTES: usize = 256 << 20;

/// Freed mappings kept for reuse: (rounded byte size, address), oldest first.
#[cfg(all(target_os = "linux", not(miri)))]
static CACHE: std::sync::Mutex<Vec<(usize, usize)>> = std::sync::Mutex::new(Vec::new());

#[cfg(all(target_os = "linux", not(miri)))]
fn cache_cap() -> usize {
    static CAP: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CAP.get_or_init(|| {
        std::env::var("NUMERUST_BUFFER_CACHE_MB")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .map_or(CACHE_BYTES, |mb| mb.saturating_mul(1 << 20))
    })
}

/// Takes a cached mapping of exactly `rounded` bytes, if one is kept.
#[cfg(all(target_os = "linux", not(miri)))]
fn cache_take(rounded: usize) -> Option<usize> {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let i = cache.iter().rposition(|&(b, _)| b == rounded)?;
    Some(cache.remove(i).1)
}

/// Keeps a freed mapping for reuse, or unmaps it (and whatever the cap evicts).
#[cfg(all(target_os = "linux", not(miri)))]
fn cache_put(rounded: usize, addr: usize) {
    let cap = cache_cap();
    let mut evicted = Vec::new();
    if rounded <= cap {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        let mut total: usize = cache.iter().map(|&(b, _)| b).sum();
        while total + rounded > cap && !cache.is_empty() {
            let old = cache.remove(0);
            total -= old.0;
            evicted.push(old);
        }
        cache.push((rounded, addr));
    } else {
        evicted.push((rounded, addr));
    }
    for (bytes, addr) in evicted {
        // SAFETY: each entry is a whole mapping this module made and no Buffer owns any
        // more (it was dropped into the cache or is being dropped now).
        unsafe { libc::munmap(addr as *mut libc::c_void, bytes) };
    }
}

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
            let rounded = bytes.div_ceil(HUGE_PAGE_ALIGN) * HUGE_PAGE_ALIGN;
            if let Some(addr) = cache_take(rounded) {
                // SAFETY: `addr..addr+rounded` is a whole mapping this module made and no
                // Buffer owns. MADV_DONTNEED on private anonymous memory drops its pages: the
                // next touch of each faults in a zero page, exactly as a fresh mapping would
                // (and reuses the pages the kernel just freed).
                let ok = unsafe {
                    libc::madvise(addr as *mut libc::c_void, rounded, libc::MADV_DONTNEED)
                } == 0;
                if ok {
                    return Ok(Buffer {
                        // SAFETY: a cached mapping's address is non-null.
                        ptr: unsafe { NonNull::new_unchecked(addr as *mut T) },
                        len,
                        origin: Origin::Mapped { bytes: rounded },
                    });
                }
                // SAFETY: as above; on the (unexpected) madvise failure the mapping is dropped.
                unsafe { libc::munmap(addr as *mut libc::c_void, rounded) };
            }
            return Self::mapped(len, bytes);
        }
        let _ = bytes;
        Ok(Self::from_vec(vec![T::zeroed(); len]))
    }

    /// `len` elements whose values are unspecified but valid, for callers that overwrite
    /// every element: large buffers of types where any bit pattern is valid may be recycled
    /// mappings holding old data; everything else is zeroed.
    ///
    /// # Errors
    /// As [`Buffer::zeroed`].
    pub fn for_overwrite(len: usize) -> NdResult<Self>
    where
        T: crate::element::Element,
    {
        let bytes = byte_size::<T>(len)?;
        #[cfg(all(target_os = "linux", not(miri)))]
        if T::ANY_BIT_PATTERN && bytes >= OVERWRITE_MAP_BYTES {
            let rounded = bytes.div_ceil(HUGE_PAGE_ALIGN) * HUGE_PAGE_ALIGN;
            if let Some(addr) = cache_take(rounded) {
                return Ok(Buffer {
                    // SAFETY: a cached mapping's address is non-null.
                    ptr: unsafe { NonNull::new_unchecked(addr as *mut T) },
                    len,
                    origin: Origin::Mapped { bytes: rounded },
                });
            }
        }
        #[cfg(all(target_os = "linux", not(miri)))]
        if T::ANY_BIT_PATTERN && (OVERWRITE_MAP_BYTES..HUGE_PAGE_BYTES).contains(&bytes) {
            return Self::mapped(len, bytes);
        }
        let _ = bytes;
        Self::zeroed(len)
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
                // Elements are Copy (no drop); the mapping goes back to the cache. Every bit
                // pattern left in it is a valid value of the types that may reuse it
                // (`for_overwrite` hands mappings only to `ANY_BIT_PATTERN` types; bool
                // buffers hold 0/1 bytes, valid for every type).
                cache_put(bytes, self.ptr.as_ptr() as usize);
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
    fn recycled_mappings_are_reused_for_overwrite() {
        let n = if cfg!(miri) { 64 } else { 1 << 20 };
        let mut first = Buffer::<f64>::for_overwrite(n).unwrap();
        first.as_mut_slice().fill(7.0);
        let addr = first.as_ptr() as usize;
        drop(first);
        let second = Buffer::<f64>::for_overwrite(n).unwrap();
        if cfg!(all(target_os = "linux", not(miri))) {
            // Another test thread may have taken it first; when we got it, it kept its data.
            if second.as_ptr() as usize == addr {
                assert!(second.as_slice().iter().all(|&x| x == 7.0));
            }
        }
        // Zeroed buffers never come from the cache.
        let z = Buffer::<f64>::zeroed(n).unwrap();
        assert!(z.as_slice().iter().all(|&x| x == 0.0));
        let b = Buffer::<bool>::for_overwrite(if cfg!(miri) { 64 } else { 8 << 20 }).unwrap();
        assert!(b.as_slice().iter().all(|&x| !x));
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
