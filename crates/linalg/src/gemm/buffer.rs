//! Packing buffers: aligned, zero-initialised, kept per thread and reused across calls.
//!
//! Each thread keeps one buffer for packed `A` blocks and one for packed `B` panels.
//! Buffers are 64-byte aligned (a cache line, a full AVX-512 vector); from 2 MiB up they
//! are anonymous mappings aligned to 2 MiB and advised `MADV_HUGEPAGE` on Linux, so a
//! packed `B` panel of several MiB sits on a few huge pages (fewer TLB misses while the
//! kernels stream it). Memory only grows: a buffer is replaced by a larger one when a call
//! needs more, never shrunk.
//!
//! INVARIANT of [`AlignedBuf`]: `ptr` points at `bytes` zero-initialised-or-since-written
//! bytes, aligned to 64, in one allocation the buffer alone frees.

use std::cell::RefCell;

const ALIGN: usize = 64;
#[cfg(all(target_os = "linux", not(miri)))]
const HUGE: usize = 2 << 20;

/// One aligned allocation of plain-old-data bytes.
pub(crate) struct AlignedBuf {
    ptr: *mut u8,
    bytes: usize,
    /// Whether the allocation is an `mmap` (base address and mapped length) or heap memory.
    #[cfg(all(target_os = "linux", not(miri)))]
    mapping: Option<(*mut u8, usize)>,
}

impl AlignedBuf {
    const fn empty() -> Self {
        AlignedBuf {
            ptr: std::ptr::null_mut(),
            bytes: 0,
            #[cfg(all(target_os = "linux", not(miri)))]
            mapping: None,
        }
    }

    /// A zeroed buffer of at least `bytes` bytes.
    fn with_capacity(bytes: usize) -> Self {
        #[cfg(all(target_os = "linux", not(miri)))]
        if bytes >= HUGE {
            let len = bytes.div_ceil(HUGE) * HUGE + HUGE;
            // SAFETY: an anonymous private mapping; arguments are valid, result checked.
            let base = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    len,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if base != libc::MAP_FAILED {
                let base = base.cast::<u8>();
                let skip = (HUGE - base as usize % HUGE) % HUGE;
                let ptr = base.wrapping_add(skip);
                let usable = len - skip;
                // SAFETY: `ptr..ptr+usable` lies inside the mapping; advice failure is harmless.
                unsafe { libc::madvise(ptr.cast(), usable, libc::MADV_HUGEPAGE) };
                return AlignedBuf {
                    ptr,
                    bytes: usable,
                    mapping: Some((base, len)),
                };
            }
        }
        let layout = std::alloc::Layout::from_size_align(bytes.max(ALIGN), ALIGN)
            .expect("packing buffer size fits isize");
        // SAFETY: non-zero size.
        let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        AlignedBuf {
            ptr,
            bytes: bytes.max(ALIGN),
            #[cfg(all(target_os = "linux", not(miri)))]
            mapping: None,
        }
    }

    /// The first `len` elements of `T` (f32/f64: any bit pattern valid), growing first if
    /// needed.
    fn slice_mut<T: Pod>(&mut self, len: usize) -> &mut [T] {
        let need = len
            .checked_mul(std::mem::size_of::<T>())
            .expect("packing buffer size overflows");
        if need > self.bytes {
            *self = AlignedBuf::with_capacity(need.max(self.bytes * 3 / 2));
        }
        if len == 0 {
            return &mut [];
        }
        // SAFETY: `need <= bytes` initialised bytes, aligned to 64 >= align_of::<T>(), and
        // every bit pattern is a valid `T` (Pod); `&mut self` makes the slice exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.cast::<T>(), len) }
    }
}

impl Drop for AlignedBuf {
    fn drop(&mut self) {
        if self.bytes == 0 {
            return;
        }
        #[cfg(all(target_os = "linux", not(miri)))]
        if let Some((base, len)) = self.mapping {
            // SAFETY: the mapping this buffer made and alone owns.
            unsafe { libc::munmap(base.cast(), len) };
            return;
        }
        let layout = std::alloc::Layout::from_size_align(self.bytes, ALIGN)
            .expect("layout was valid at allocation");
        // SAFETY: allocated by `alloc_zeroed` with this layout.
        unsafe { std::alloc::dealloc(self.ptr, layout) }
    }
}

/// Element types whose every bit pattern is valid (what packing buffers hold).
///
/// # Safety
/// Every bit pattern of `Self` is a valid value, and `align_of::<Self>() <= 64`.
pub unsafe trait Pod: Copy {}
// SAFETY: IEEE floats: any bits are a value; alignment 4 and 8.
unsafe impl Pod for f32 {}
// SAFETY: as above.
unsafe impl Pod for f64 {}

thread_local! {
    static A_BUF: RefCell<AlignedBuf> = const { RefCell::new(AlignedBuf::empty()) };
    static B_BUF: RefCell<AlignedBuf> = const { RefCell::new(AlignedBuf::empty()) };
}

/// Which per-thread buffer to use.
#[derive(Clone, Copy)]
pub(crate) enum Which {
    /// The packed-A buffer.
    A,
    /// The packed-B buffer.
    B,
}

/// Runs `f` on `len` elements of this thread's `which` buffer; when that buffer is already
/// in use (a nested call on the same thread, e.g. from inside a rayon task) a temporary
/// buffer serves instead.
pub(crate) fn with_buffer<T: Pod, R>(which: Which, len: usize, f: impl FnOnce(&mut [T]) -> R) -> R {
    let key = match which {
        Which::A => &A_BUF,
        Which::B => &B_BUF,
    };
    let mut f = Some(f);
    let done = key.with(|cell| {
        cell.try_borrow_mut()
            .ok()
            .map(|mut buf| (f.take().expect("called once"))(buf.slice_mut::<T>(len)))
    });
    match done {
        Some(r) => r,
        None => {
            let mut tmp = AlignedBuf::empty();
            (f.take().expect("called once"))(tmp.slice_mut::<T>(len))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_are_aligned_reused_and_nest() {
        with_buffer::<f64, _>(Which::A, 100, |s| {
            assert_eq!(s.as_ptr() as usize % ALIGN, 0);
            s[99] = 1.0;
            // Nested use of the same buffer gets a temporary one.
            with_buffer::<f64, _>(Which::A, 10, |t| {
                assert_ne!(t.as_ptr(), s.as_ptr());
                t[9] = 2.0;
            });
        });
        with_buffer::<f32, _>(Which::B, (3 << 20) / 4, |s| {
            assert_eq!(s.as_ptr() as usize % ALIGN, 0);
            assert!(s.iter().all(|&x| x == 0.0));
        });
    }
}
