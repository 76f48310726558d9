//! Strided 1-D runs: the unit of work core hands to kernels.
//!
//! A run is a pointer, a length and a stride in elements. Contiguous runs (stride 1) are the
//! fast path; broadcast inputs have stride 0; reversed slices have negative strides.
//! This module owns the one `unsafe` invariant every kernel relies on (stated on [`Run`]).

use std::marker::PhantomData;

/// `len` elements of `T` read at `ptr.offset(i * stride)` for `i < len` (stride in elements,
/// may be negative or 0).
///
/// INVARIANT, made true by the `unsafe` constructors and assumed by every kernel: each such
/// address for `i < len` is aligned, initialised, inside one live allocation of `T`, not
/// written by anyone for `'a`, and the span in bytes fits `isize`.
#[derive(Clone, Copy, Debug)]
pub struct Run<'a, T> {
    ptr: *const T,
    len: usize,
    stride: isize,
    _life: PhantomData<&'a T>,
}

/// `len` elements of `T` written at `ptr.offset(i * stride)` for `i < len`.
///
/// INVARIANT, as for [`Run`], plus: the stride is non-zero when `len > 1` (no two indices
/// share an address) and nothing else reads or writes these addresses for `'a`.
#[derive(Debug)]
pub struct RunMut<'a, T> {
    ptr: *mut T,
    len: usize,
    stride: isize,
    _life: PhantomData<&'a mut T>,
}

// SAFETY: a Run is a shared borrow of `T`s (like `&[T]`); it may cross threads when `&T` may.
unsafe impl<T: Sync> Send for Run<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for Run<'_, T> {}
// SAFETY: a RunMut is an exclusive borrow of `T`s (like `&mut [T]`).
unsafe impl<T: Send> Send for RunMut<'_, T> {}

impl<'a, T> Run<'a, T> {
    /// The first `mid` elements and the rest, as two runs.
    ///
    /// # Panics
    /// If `mid > len`.
    pub fn split_at(self, mid: usize) -> (Run<'a, T>, Run<'a, T>) {
        assert!(mid <= self.len, "split point past the run");
        let tail = self.ptr.wrapping_offset(mid as isize * self.stride);
        (
            Run {
                ptr: self.ptr,
                len: mid,
                stride: self.stride,
                _life: PhantomData,
            },
            Run {
                ptr: tail,
                len: self.len - mid,
                stride: self.stride,
                _life: PhantomData,
            },
        )
    }

    /// A run over a whole slice, stride 1.
    pub fn from_slice(s: &'a [T]) -> Self {
        Run {
            ptr: s.as_ptr(),
            len: s.len(),
            stride: 1,
            _life: PhantomData,
        }
    }

    /// A run from raw parts.
    ///
    /// # Safety
    /// For every `i < len`, `ptr.offset(i * stride)` is aligned, initialised, inside one live
    /// allocation of `T` and not written by anyone for `'a`; the byte span fits `isize`.
    pub unsafe fn from_raw(ptr: *const T, len: usize, stride: isize) -> Self {
        debug_assert!(len == 0 || !ptr.is_null());
        Run {
            ptr,
            len,
            stride,
            _life: PhantomData,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the run has no element.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Stride between consecutive elements, in elements.
    pub fn stride(&self) -> isize {
        self.stride
    }

    /// The run as a slice when its stride is 1 (or it has at most one element).
    pub fn as_slice(&self) -> Option<&'a [T]> {
        if self.stride == 1 || self.len <= 1 {
            if self.len == 0 {
                return Some(&[]);
            }
            // SAFETY: stride 1 (or a single element) and the Run invariant make the `len`
            // elements at `ptr` one initialised, unaliased-for-writes slice living for 'a.
            Some(unsafe { std::slice::from_raw_parts(self.ptr, self.len) })
        } else {
            None
        }
    }

    /// Element `i`.
    ///
    /// # Panics
    /// If `i >= len`.
    #[inline(always)]
    pub fn get(&self, i: usize) -> T
    where
        T: Copy,
    {
        assert!(i < self.len);
        // SAFETY: i < len (checked above) and the Run invariant.
        unsafe { self.ptr.offset(i as isize * self.stride).read() }
    }

    /// Iterate the elements in run order.
    pub fn iter(&self) -> impl Iterator<Item = T> + 'a
    where
        T: Copy,
    {
        let run = *self;
        // SAFETY: i < len for every index the range yields (Run invariant).
        (0..run.len).map(move |i| unsafe { run.ptr.offset(i as isize * run.stride).read() })
    }
}

impl<'a, T> RunMut<'a, T> {
    /// The first `mid` elements and the rest, as two disjoint mutable runs.
    ///
    /// # Panics
    /// If `mid > len`.
    pub fn split_at(self, mid: usize) -> (RunMut<'a, T>, RunMut<'a, T>) {
        assert!(mid <= self.len, "split point past the run");
        let tail = self.ptr.wrapping_offset(mid as isize * self.stride);
        (
            RunMut {
                ptr: self.ptr,
                len: mid,
                stride: self.stride,
                _life: PhantomData,
            },
            RunMut {
                ptr: tail,
                len: self.len - mid,
                stride: self.stride,
                _life: PhantomData,
            },
        )
    }

    /// Re-borrows the run for a shorter lifetime.
    pub fn reborrow(&mut self) -> RunMut<'_, T> {
        RunMut {
            ptr: self.ptr,
            len: self.len,
            stride: self.stride,
            _life: PhantomData,
        }
    }

    /// A read-only run over the same elements (the caller has initialised them).
    pub fn as_run(&self) -> Run<'_, T> {
        Run {
            ptr: self.ptr,
            len: self.len,
            stride: self.stride,
            _life: PhantomData,
        }
    }

    /// A run over a whole mutable slice, stride 1.
    pub fn from_slice(s: &'a mut [T]) -> Self {
        RunMut {
            ptr: s.as_mut_ptr(),
            len: s.len(),
            stride: 1,
            _life: PhantomData,
        }
    }

    /// A mutable run from raw parts.
    ///
    /// # Safety
    /// For every `i < len`, `ptr.offset(i * stride)` is aligned, inside one live allocation of
    /// `T`, distinct from the other indices' addresses, and neither read nor written by anyone
    /// else for `'a`; the byte span fits `isize`. Elements may be uninitialised only if the
    /// caller writes them before any read.
    pub unsafe fn from_raw(ptr: *mut T, len: usize, stride: isize) -> Self {
        debug_assert!(len == 0 || !ptr.is_null());
        debug_assert!(len <= 1 || stride != 0);
        RunMut {
            ptr,
            len,
            stride,
            _life: PhantomData,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the run has no element.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Stride between consecutive elements, in elements.
    pub fn stride(&self) -> isize {
        self.stride
    }

    /// The run as a mutable slice when its stride is 1 (or it has at most one element).
    pub fn as_mut_slice(&mut self) -> Option<&mut [T]> {
        if self.stride == 1 || self.len <= 1 {
            if self.len == 0 {
                return Some(&mut []);
            }
            // SAFETY: contiguous `len` elements, exclusively ours for 'a (RunMut invariant).
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) })
        } else {
            None
        }
    }

    /// Write `value` at element `i`.
    ///
    /// # Panics
    /// If `i >= len`.
    #[inline(always)]
    pub fn set(&mut self, i: usize, value: T) {
        assert!(i < self.len);
        // SAFETY: i < len (checked above) and the RunMut invariant.
        unsafe { self.ptr.offset(i as isize * self.stride).write(value) }
    }

    /// Read element `i` (the caller has initialised it).
    ///
    /// # Panics
    /// If `i >= len`.
    #[inline(always)]
    pub fn get(&self, i: usize) -> T
    where
        T: Copy,
    {
        assert!(i < self.len);
        // SAFETY: i < len (checked above) and the RunMut invariant; the element was written.
        unsafe { self.ptr.offset(i as isize * self.stride).read() }
    }
}

/// `dst[i] = f(src[i])` for every `i`.
///
/// # Panics
/// If the lengths differ.
#[inline(always)]
pub fn map_run<T: Copy, U>(src: Run<'_, T>, mut dst: RunMut<'_, U>, mut f: impl FnMut(T) -> U) {
    assert_eq!(src.len, dst.len, "run lengths differ");
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        for (o, &x) in d.iter_mut().zip(s) {
            *o = f(x);
        }
        return;
    }
    for i in 0..src.len {
        dst.set(i, f(src.get(i)));
    }
}

/// `dst[i] = f(a[i], b[i])` for every `i`.
///
/// # Panics
/// If the lengths differ.
#[inline(always)]
pub fn zip_run<A: Copy, B: Copy, U>(
    a: Run<'_, A>,
    b: Run<'_, B>,
    mut dst: RunMut<'_, U>,
    mut f: impl FnMut(A, B) -> U,
) {
    assert!(a.len == dst.len && b.len == dst.len, "run lengths differ");
    if let (Some(sa), Some(sb), Some(d)) = (a.as_slice(), b.as_slice(), dst.as_mut_slice()) {
        for ((o, &x), &y) in d.iter_mut().zip(sa).zip(sb) {
            *o = f(x, y);
        }
        return;
    }
    if dst.len == 0 {
        return;
    }
    if let (Some(sa), true) = (a.as_slice(), b.stride == 0) {
        let y = b.get(0);
        if let Some(d) = dst.as_mut_slice() {
            for (o, &x) in d.iter_mut().zip(sa) {
                *o = f(x, y);
            }
            return;
        }
    }
    if let (Some(sb), true) = (b.as_slice(), a.stride == 0) {
        let x = a.get(0);
        if let Some(d) = dst.as_mut_slice() {
            for (o, &y) in d.iter_mut().zip(sb) {
                *o = f(x, y);
            }
            return;
        }
    }
    for i in 0..dst.len {
        dst.set(i, f(a.get(i), b.get(i)));
    }
}

/// `dst[i] = f(dst[i], src[i])` for every `i`: an in-place update of `dst` from `src`.
///
/// # Panics
/// If the lengths differ.
#[inline(always)]
pub fn update_run<T: Copy, U: Copy>(
    mut dst: RunMut<'_, U>,
    src: Run<'_, T>,
    mut f: impl FnMut(U, T) -> U,
) {
    assert_eq!(src.len, dst.len, "run lengths differ");
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        for (o, &x) in d.iter_mut().zip(s) {
            *o = f(*o, x);
        }
        return;
    }
    for i in 0..dst.len {
        let v = f(dst.get(i), src.get(i));
        dst.set(i, v);
    }
}

/// `dst[i] = f(dst[i])` for every `i`: an in-place map.
#[inline(always)]
pub fn apply_run<T: Copy>(mut dst: RunMut<'_, T>, mut f: impl FnMut(T) -> T) {
    if let Some(d) = dst.as_mut_slice() {
        for o in d.iter_mut() {
            *o = f(*o);
        }
        return;
    }
    for i in 0..dst.len {
        let v = f(dst.get(i));
        dst.set(i, v);
    }
}

/// `dst[i] = src[i]`: a strided copy (a `memcpy` when both runs are contiguous).
///
/// # Panics
/// If the lengths differ.
#[inline(always)]
pub fn copy_run<T: Copy>(src: Run<'_, T>, mut dst: RunMut<'_, T>) {
    assert_eq!(src.len, dst.len, "run lengths differ");
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        d.copy_from_slice(s);
        return;
    }
    if src.stride == 0 && src.len > 0 {
        return fill_run(dst, src.get(0));
    }
    if src.stride == -1
        && src.len > 1
        && let Some(d) = dst.as_mut_slice()
    {
        // SAFETY: a stride -1 run of `len` elements covers ptr-(len-1) ..= ptr, initialised
        // and unwritten for 'a (Run invariant); `dst` is a distinct exclusive run.
        let s =
            unsafe { std::slice::from_raw_parts(src.ptr.offset(1 - src.len as isize), src.len) };
        for (o, &x) in d.iter_mut().zip(s.iter().rev()) {
            *o = x;
        }
        return;
    }
    for i in 0..src.len {
        dst.set(i, src.get(i));
    }
}

/// `dst[i] = value` for every `i`.
#[inline(always)]
pub fn fill_run<T: Copy>(mut dst: RunMut<'_, T>, value: T) {
    if let Some(d) = dst.as_mut_slice() {
        d.fill(value);
        return;
    }
    for i in 0..dst.len {
        dst.set(i, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strided_and_contiguous_paths_agree() {
        let src: Vec<f64> = (0..10).map(f64::from).collect();
        let mut out = vec![0.0; 5];
        // SAFETY: 5 elements at stride 2 from index 0 stay inside `src` (indices 0..=8).
        let every_other = unsafe { Run::from_raw(src.as_ptr(), 5, 2) };
        map_run(every_other, RunMut::from_slice(&mut out), |x| x * 10.0);
        assert_eq!(out, [0.0, 20.0, 40.0, 60.0, 80.0]);

        // SAFETY: reversed run: index 9 down to 5, all inside `src`.
        let reversed = unsafe { Run::from_raw(src.as_ptr().add(9), 5, -1) };
        copy_run(reversed, RunMut::from_slice(&mut out));
        assert_eq!(out, [9.0, 8.0, 7.0, 6.0, 5.0]);

        // SAFETY: stride 0 over one valid element: a broadcast scalar.
        let scalar = unsafe { Run::from_raw(src.as_ptr().add(3), 5, 0) };
        let mut sum = vec![0.0; 5];
        zip_run(
            Run::from_slice(&src[..5]),
            scalar,
            RunMut::from_slice(&mut sum),
            |a, b| a + b,
        );
        assert_eq!(sum, [3.0, 4.0, 5.0, 6.0, 7.0]);

        update_run(
            RunMut::from_slice(&mut sum),
            Run::from_slice(&src[..5]),
            |d, s| d - s,
        );
        assert_eq!(sum, [3.0; 5]);
        fill_run(RunMut::from_slice(&mut sum), 1.5);
        assert_eq!(sum, [1.5; 5]);
    }
}
