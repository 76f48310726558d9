//! `MatRef`/`MatMut`: the strided 2-D operands GEMM reads and writes.
//!
//! A matrix is a pointer to element `(0, 0)`, a shape and two element strides of any sign
//! (zero allowed for reads). Both types are thin: they never own memory and never copy.
//!
//! INVARIANT of both types, made true by their constructors: for every `i < rows`,
//! `j < cols`, `ptr.wrapping_offset(i * row_stride + j * col_stride)` is an aligned,
//! initialised `T` inside one live allocation for `'a`. For `MatRef` nobody writes those
//! elements during `'a`; for `MatMut` nobody else reads or writes them, and distinct
//! `(i, j)` have distinct addresses.

use numerust_core::{ArrayView, ArrayViewMut, Element};
use std::marker::PhantomData;

/// A read-only strided matrix: NumPy's 2-D view `a[i0:i1:s0, j0:j1:s1]`.
#[derive(Clone, Copy)]
pub struct MatRef<'a, T> {
    ptr: *const T,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
    _life: PhantomData<&'a T>,
}

/// A mutable strided matrix: the output of GEMM.
pub struct MatMut<'a, T> {
    ptr: *mut T,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
    _life: PhantomData<&'a mut T>,
}

// SAFETY: a MatRef is a shared borrow of `T`s (like `&[T]`).
unsafe impl<T: Sync> Send for MatRef<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for MatRef<'_, T> {}
// SAFETY: a MatMut is an exclusive borrow of `T`s (like `&mut [T]`).
unsafe impl<T: Send> Send for MatMut<'_, T> {}

impl<'a, T: Element> MatRef<'a, T> {
    /// A matrix from its first element, shape and element strides.
    ///
    /// # Safety
    /// The module invariant: every `(i, j)` inside the shape addresses an aligned,
    /// initialised `T` of one allocation that stays alive and unwritten for `'a`.
    pub unsafe fn from_raw_parts(
        ptr: *const T,
        rows: usize,
        cols: usize,
        row_stride: isize,
        col_stride: isize,
    ) -> Self {
        MatRef {
            ptr,
            rows,
            cols,
            rs: row_stride,
            cs: col_stride,
            _life: PhantomData,
        }
    }

    /// The 2-D view `v` as a matrix; `None` unless `v` is 2-D.
    pub fn from_view(v: &ArrayView<'a, T>) -> Option<Self> {
        let (&[rows, cols], &[rs, cs]) = (v.shape(), v.element_strides()) else {
            return None;
        };
        // SAFETY: the view invariant is this module's invariant for its shape and strides.
        Some(unsafe { Self::from_raw_parts(v.as_ptr(), rows, cols, rs, cs) })
    }

    /// A row-major `rows x cols` matrix over a slice.
    ///
    /// # Panics
    /// When `rows * cols` differs from `s.len()`.
    pub fn from_slice(s: &'a [T], rows: usize, cols: usize) -> Self {
        assert_eq!(rows.checked_mul(cols), Some(s.len()), "shape mismatch");
        // SAFETY: every (i, j) is element i*cols+j < len of the borrowed slice.
        unsafe { Self::from_raw_parts(s.as_ptr(), rows, cols, cols as isize, 1) }
    }

    /// Rows.
    pub fn rows(&self) -> usize {
        self.rows
    }
    /// Columns.
    pub fn cols(&self) -> usize {
        self.cols
    }
    /// Element stride between rows.
    pub fn row_stride(&self) -> isize {
        self.rs
    }
    /// Element stride between columns.
    pub fn col_stride(&self) -> isize {
        self.cs
    }
    /// Pointer to element `(0, 0)`.
    pub fn as_ptr(&self) -> *const T {
        self.ptr
    }

    /// The transpose (no copy).
    pub fn t(self) -> Self {
        MatRef {
            ptr: self.ptr,
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
            _life: PhantomData,
        }
    }

    /// Element `(i, j)`.
    ///
    /// # Panics
    /// When out of bounds.
    pub fn at(&self, i: usize, j: usize) -> T {
        assert!(i < self.rows && j < self.cols, "index out of bounds");
        // SAFETY: in bounds (checked), the module invariant.
        unsafe { self.get_unchecked(i, j) }
    }

    /// Element `(i, j)` without a bounds check.
    ///
    /// # Safety
    /// `i < rows` and `j < cols`.
    #[inline(always)]
    pub unsafe fn get_unchecked(&self, i: usize, j: usize) -> T {
        debug_assert!(i < self.rows && j < self.cols);
        // SAFETY: in bounds (caller), the module invariant.
        unsafe { *self.ptr_at(i, j) }
    }

    /// Pointer to element `(i, j)` (meaningful for `i <= rows`, `j <= cols`).
    #[inline(always)]
    pub(crate) fn ptr_at(&self, i: usize, j: usize) -> *const T {
        self.ptr
            .wrapping_offset(i as isize * self.rs + j as isize * self.cs)
    }

    /// The block of rows `i0..i0+rows` and columns `j0..j0+cols`.
    ///
    /// # Panics
    /// When the block reaches outside the matrix.
    pub fn submatrix(&self, i0: usize, j0: usize, rows: usize, cols: usize) -> Self {
        assert!(
            i0 + rows <= self.rows && j0 + cols <= self.cols,
            "block out of bounds"
        );
        MatRef {
            ptr: if rows == 0 || cols == 0 {
                self.ptr
            } else {
                self.ptr_at(i0, j0)
            },
            rows,
            cols,
            rs: self.rs,
            cs: self.cs,
            _life: PhantomData,
        }
    }
}

impl<'a, T: Element> MatMut<'a, T> {
    /// A mutable matrix from its first element, shape and element strides.
    ///
    /// # Safety
    /// The module invariant: every `(i, j)` inside the shape addresses a distinct, aligned,
    /// initialised `T` of one allocation that nobody else touches during `'a`.
    pub unsafe fn from_raw_parts(
        ptr: *mut T,
        rows: usize,
        cols: usize,
        row_stride: isize,
        col_stride: isize,
    ) -> Self {
        MatMut {
            ptr,
            rows,
            cols,
            rs: row_stride,
            cs: col_stride,
            _life: PhantomData,
        }
    }

    /// The 2-D mutable view `v` as a matrix; `None` unless `v` is 2-D.
    pub fn from_view(v: &'a mut ArrayViewMut<'_, T>) -> Option<Self> {
        let (&[rows, cols], &[rs, cs]) = (v.shape(), v.element_strides()) else {
            return None;
        };
        // SAFETY: the view invariant (distinct addresses, exclusive) is this module's
        // invariant; `&'a mut v` keeps it exclusive for 'a.
        Some(unsafe { Self::from_raw_parts(v.as_mut_ptr(), rows, cols, rs, cs) })
    }

    /// A row-major `rows x cols` matrix over a mutable slice.
    ///
    /// # Panics
    /// When `rows * cols` differs from `s.len()`.
    pub fn from_slice(s: &'a mut [T], rows: usize, cols: usize) -> Self {
        assert_eq!(rows.checked_mul(cols), Some(s.len()), "shape mismatch");
        // SAFETY: every (i, j) is the distinct element i*cols+j of the exclusive slice.
        unsafe { Self::from_raw_parts(s.as_mut_ptr(), rows, cols, cols as isize, 1) }
    }

    /// Rows.
    pub fn rows(&self) -> usize {
        self.rows
    }
    /// Columns.
    pub fn cols(&self) -> usize {
        self.cols
    }
    /// Element stride between rows.
    pub fn row_stride(&self) -> isize {
        self.rs
    }
    /// Element stride between columns.
    pub fn col_stride(&self) -> isize {
        self.cs
    }

    /// A read-only view of the same elements, borrowed from this one.
    pub fn rb(&self) -> MatRef<'_, T> {
        // SAFETY: `&self` freezes the exclusive matrix while the MatRef lives.
        unsafe { MatRef::from_raw_parts(self.ptr, self.rows, self.cols, self.rs, self.cs) }
    }

    /// Re-borrows for a shorter lifetime.
    pub fn rb_mut(&mut self) -> MatMut<'_, T> {
        // SAFETY: `&mut self` hands the exclusive access on for the shorter lifetime.
        unsafe { MatMut::from_raw_parts(self.ptr, self.rows, self.cols, self.rs, self.cs) }
    }

    /// The transpose (no copy).
    pub fn t(self) -> Self {
        MatMut {
            ptr: self.ptr,
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
            _life: PhantomData,
        }
    }

    /// Pointer to element `(0, 0)`.
    pub(crate) fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr
    }

    /// Sets element `(i, j)`.
    ///
    /// # Panics
    /// When out of bounds.
    pub fn set(&mut self, i: usize, j: usize, value: T) {
        assert!(i < self.rows && j < self.cols, "index out of bounds");
        // SAFETY: in bounds (checked); exclusive by the module invariant and `&mut self`.
        unsafe { *self.ptr.offset(i as isize * self.rs + j as isize * self.cs) = value }
    }
}

impl<'a, T: Element> MatRef<'a, T> {
    /// The matrix over the last two axes of `v` at the leading index `batch`
    /// (`v[batch..., :, :]`); `None` unless `v` has `batch.len() + 2` axes and `batch` is in
    /// bounds.
    pub fn from_view_at(v: &ArrayView<'a, T>, batch: &[usize]) -> Option<Self> {
        let (shape, strides) = (v.shape(), v.element_strides());
        let nb = batch.len();
        if shape.len() != nb + 2 || batch.iter().zip(shape).any(|(&i, &d)| i >= d) {
            return None;
        }
        let offset: isize = batch
            .iter()
            .zip(strides)
            .map(|(&i, &s)| i as isize * s)
            .sum();
        // SAFETY: `batch` is an in-bounds leading index, so every (i, j) of the trailing
        // matrix is an in-bounds index of `v` (the view invariant covers it).
        Some(unsafe {
            Self::from_raw_parts(
                v.as_ptr().wrapping_offset(offset),
                shape[nb],
                shape[nb + 1],
                strides[nb],
                strides[nb + 1],
            )
        })
    }
}
