//! `ArrayView` and `ArrayViewMut`: borrowed windows onto an array's elements.
//!
//! A view is a pointer to its first element plus a [`Layout`]. Views made by slicing,
//! transposing or broadcasting share their parent's memory: writes through an
//! `ArrayViewMut` land in the parent (NumPy's "views write through").
//!
//! INVARIANT of both view types, made true by their `unsafe` constructors: for every index
//! inside `layout.shape()`, `ptr.wrapping_offset(layout.offset_of(index))` is an aligned,
//! initialised `T` inside one live allocation for `'a`. For `ArrayView` nobody writes those
//! elements during `'a`; for `ArrayViewMut` nobody else reads or writes them, and distinct
//! indices have distinct addresses (no zero stride on an axis longer than 1).

use crate::element::Element;
use crate::error::{NdError, NdResult};
use crate::layout::Layout;
use std::marker::PhantomData;

/// A read-only view: NumPy's view of an array (`a[1:, ::2]`, `a.T`, `np.broadcast_to`).
pub struct ArrayView<'a, T> {
    pub(crate) ptr: *const T,
    pub(crate) layout: Layout,
    _life: PhantomData<&'a T>,
}

/// A mutable view whose writes reach the parent array.
pub struct ArrayViewMut<'a, T> {
    pub(crate) ptr: *mut T,
    pub(crate) layout: Layout,
    _life: PhantomData<&'a mut T>,
}

// SAFETY: a view is a shared borrow of `T`s; it may cross threads when `&T` may.
unsafe impl<T: Sync> Send for ArrayView<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for ArrayView<'_, T> {}
// SAFETY: a mutable view is an exclusive borrow of `T`s, like `&mut [T]`.
unsafe impl<T: Send> Send for ArrayViewMut<'_, T> {}
// SAFETY: `&ArrayViewMut` only reads.
unsafe impl<T: Sync> Sync for ArrayViewMut<'_, T> {}

impl<T> Clone for ArrayView<'_, T> {
    fn clone(&self) -> Self {
        ArrayView {
            ptr: self.ptr,
            layout: self.layout.clone(),
            _life: PhantomData,
        }
    }
}

impl<'a, T: Element> ArrayView<'a, T> {
    /// A view from a pointer to its first element and a layout.
    ///
    /// # Safety
    /// The module invariant: every index inside `layout` maps to an aligned, initialised `T`
    /// in one live allocation that nobody writes during `'a`.
    pub unsafe fn from_raw(ptr: *const T, layout: Layout) -> Self {
        ArrayView {
            ptr,
            layout,
            _life: PhantomData,
        }
    }

    /// A 1-D view of a slice.
    pub fn from_slice(s: &'a [T]) -> Self {
        // SAFETY: a slice's elements are initialised and borrowed for 'a; stride 1.
        unsafe { Self::from_raw(s.as_ptr(), Layout::new(vec![s.len()], vec![1])) }
    }

    /// Pointer to the first element (NumPy: `a.ctypes.data`).
    pub fn as_ptr(&self) -> *const T {
        self.ptr
    }

    /// The same elements under another layout whose every index stays inside the view.
    pub(crate) fn with_layout(&self, offset: isize, layout: Layout) -> ArrayView<'a, T> {
        ArrayView {
            ptr: self.ptr.wrapping_offset(offset),
            layout,
            _life: PhantomData,
        }
    }

    /// The element at `index`, or `None` when out of bounds.
    pub fn get(&self, index: &[usize]) -> Option<&'a T> {
        let off = self.layout.checked_offset(index).ok()?;
        // SAFETY: in-bounds index (checked) and the view invariant.
        Some(unsafe { &*self.ptr.offset(off) })
    }

    /// The element at `index`.
    ///
    /// # Errors
    /// `IndexOutOfBounds` or `TooManyIndices` with NumPy's message.
    pub fn try_get(&self, index: &[usize]) -> NdResult<&'a T> {
        let off = self.layout.checked_offset(index)?;
        // SAFETY: in-bounds index (checked) and the view invariant.
        Ok(unsafe { &*self.ptr.offset(off) })
    }

    /// The view's elements as a slice when they are C-contiguous in memory.
    pub fn as_slice(&self) -> Option<&'a [T]> {
        if !self.layout.is_c_contiguous() {
            return None;
        }
        if self.layout.size() == 0 {
            return Some(&[]);
        }
        // SAFETY: C-contiguous means the `size` elements sit at ptr..ptr+size in order.
        Some(unsafe { std::slice::from_raw_parts(self.ptr, self.layout.size()) })
    }

    /// The view's elements as a slice when they fill a contiguous block in either order.
    pub fn as_slice_memory_order(&self) -> Option<&'a [T]> {
        if self.layout.is_c_contiguous() {
            return self.as_slice();
        }
        if self.layout.is_f_contiguous() {
            // SAFETY: F-contiguous: the `size` elements sit at ptr..ptr+size.
            return Some(unsafe { std::slice::from_raw_parts(self.ptr, self.layout.size()) });
        }
        None
    }

    /// Re-borrows the view for a shorter lifetime.
    pub fn view(&self) -> ArrayView<'_, T> {
        self.clone()
    }
}

impl<'a, T: Element> ArrayViewMut<'a, T> {
    /// A mutable view from a pointer to its first element and a layout.
    ///
    /// # Safety
    /// The module invariant: every index inside `layout` maps to a distinct, aligned,
    /// initialised `T` in one live allocation that nobody else touches during `'a`.
    pub unsafe fn from_raw(ptr: *mut T, layout: Layout) -> Self {
        ArrayViewMut {
            ptr,
            layout,
            _life: PhantomData,
        }
    }

    /// A 1-D mutable view of a slice.
    pub fn from_slice(s: &'a mut [T]) -> Self {
        // SAFETY: an exclusive slice borrow; stride 1, distinct addresses.
        unsafe { Self::from_raw(s.as_mut_ptr(), Layout::new(vec![s.len()], vec![1])) }
    }

    /// Pointer to the first element.
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr
    }

    /// A read-only view of the same elements, borrowed from this one.
    pub fn view(&self) -> ArrayView<'_, T> {
        // SAFETY: `&self` freezes the mutable view, so nobody writes while the view lives.
        unsafe { ArrayView::from_raw(self.ptr, self.layout.clone()) }
    }

    /// Re-borrows the mutable view for a shorter lifetime.
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, T> {
        // SAFETY: `&mut self` hands our exclusive access on for the shorter lifetime.
        unsafe { ArrayViewMut::from_raw(self.ptr, self.layout.clone()) }
    }

    /// Turns the mutable view into a read-only one with the same lifetime.
    pub fn into_view(self) -> ArrayView<'a, T> {
        // SAFETY: the exclusive borrow becomes a shared one; nobody else may write.
        unsafe { ArrayView::from_raw(self.ptr, self.layout) }
    }

    /// A mutable reference to the element at `index`, or `None` when out of bounds.
    pub fn get_mut(&mut self, index: &[usize]) -> Option<&mut T> {
        let off = self.layout.checked_offset(index).ok()?;
        // SAFETY: in-bounds (checked), exclusive (view invariant, `&mut self`).
        Some(unsafe { &mut *self.ptr.offset(off) })
    }

    /// The element at `index`, or `None` when out of bounds.
    pub fn get(&self, index: &[usize]) -> Option<&T> {
        let off = self.layout.checked_offset(index).ok()?;
        // SAFETY: in-bounds (checked) and the view invariant.
        Some(unsafe { &*self.ptr.offset(off) })
    }

    /// The elements as a mutable slice when C-contiguous.
    pub fn as_slice_mut(&mut self) -> Option<&mut [T]> {
        if !self.layout.is_c_contiguous() {
            return None;
        }
        if self.layout.size() == 0 {
            return Some(&mut []);
        }
        // SAFETY: C-contiguous block, exclusively ours.
        Some(unsafe { std::slice::from_raw_parts_mut(self.ptr, self.layout.size()) })
    }

    /// The same elements under a narrower layout (used by slicing and axis moves).
    pub(crate) fn into_layout(self, offset: isize, layout: Layout) -> ArrayViewMut<'a, T> {
        ArrayViewMut {
            ptr: self.ptr.wrapping_offset(offset),
            layout,
            _life: PhantomData,
        }
    }
}

/// Panics with `err`'s NumPy message: used by `Index` and the operators.
#[track_caller]
pub(crate) fn fail(err: NdError) -> ! {
    panic!("{err}")
}
