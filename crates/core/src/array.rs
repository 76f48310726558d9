//! `NdArray<T>`: the owned n-dimensional array, with O(1) clones and copy-on-write.
//!
//! An `NdArray` is an `Arc`'d [`Buffer`] plus an element offset and a [`Layout`]. `clone()`
//! shares the buffer; the first write through an array whose buffer is shared (or whose
//! layout repeats addresses, as a broadcast one does) copies its elements to a fresh buffer
//! first, so clones never see each other's writes. Zero-copy reshapes and transposes of an
//! `NdArray` are `NdArray`s sharing the buffer in the same way.

use crate::buffer::Buffer;
use crate::element::{DType, Element};
use crate::error::{NdError, NdResult};
use crate::layout::{Layout, Order, checked_size};
use crate::view::{ArrayView, ArrayViewMut, fail};
use std::sync::Arc;

/// An owned n-dimensional array of `T`: NumPy's `ndarray`.
///
/// ```
/// use numerust_core::{s, NdArray};
/// let a = NdArray::from_shape_vec(&[2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
/// assert_eq!(a.shape(), &[2, 3]);
/// let mut b = a.clone(); // O(1): shares the buffer
/// b[[0, 0]] = 10.0; // first write copies: `a` is untouched
/// assert_eq!(a[[0, 0]], 1.0);
/// assert_eq!(a.slice(s![.., -1]).to_vec(), vec![3.0, 6.0]);
/// ```
pub struct NdArray<T> {
    pub(crate) data: Arc<Buffer<T>>,
    pub(crate) offset: usize,
    pub(crate) layout: Layout,
}

impl<T> Clone for NdArray<T> {
    /// O(1): the clone shares the buffer until either side writes.
    fn clone(&self) -> Self {
        NdArray {
            data: Arc::clone(&self.data),
            offset: self.offset,
            layout: self.layout.clone(),
        }
    }
}

impl<T: Element> NdArray<T> {
    /// An array over a whole buffer in the given layout.
    ///
    /// # Errors
    /// `ShapeMismatch` when the layout's elements do not fit the buffer.
    pub(crate) fn from_buffer(data: Buffer<T>, layout: Layout) -> NdResult<Self> {
        if let Some((lo, hi)) = layout.offset_range()
            && (lo < 0 || hi as usize >= data.len())
        {
            return Err(NdError::ShapeMismatch(format!(
                "layout reaches offsets {lo}..={hi}, outside a buffer of {}",
                data.len()
            )));
        }
        Ok(NdArray {
            data: Arc::new(data),
            offset: 0,
            layout,
        })
    }

    /// A 1-D array that takes ownership of `v` (no copy).
    ///
    /// NumPy: `np.array(v)`.
    pub fn from_vec(v: Vec<T>) -> Self {
        let n = v.len();
        NdArray {
            data: Arc::new(Buffer::from_vec(v)),
            offset: 0,
            layout: Layout::new(vec![n], vec![1]),
        }
    }

    /// An array of `shape` over `v` in C (row-major) order.
    ///
    /// NumPy: `np.array(v).reshape(shape)`.
    ///
    /// # Errors
    /// `Reshape` when `v.len()` differs from the shape's size; `ShapeOverflow`.
    pub fn from_shape_vec(shape: &[usize], v: Vec<T>) -> NdResult<Self> {
        Self::from_shape_vec_order(shape, v, Order::C)
    }

    /// An array of `shape` over `v`, read in C or F order.
    ///
    /// # Errors
    /// `Reshape` when `v.len()` differs from the shape's size; `ShapeOverflow`.
    pub fn from_shape_vec_order(shape: &[usize], v: Vec<T>, order: Order) -> NdResult<Self> {
        let size = checked_size(shape)?;
        if size != v.len() {
            return Err(NdError::Reshape {
                size: v.len(),
                shape: shape.iter().map(|&d| d as isize).collect(),
            });
        }
        crate::buffer::byte_size::<T>(size)?;
        let layout = Layout::contiguous(shape, order)?;
        Ok(NdArray {
            data: Arc::new(Buffer::from_vec(v)),
            offset: 0,
            layout,
        })
    }

    /// An array of `shape` in C or F order whose elements `fill` writes, in memory order;
    /// `fill`'s error (or an array error converted into `E`) is returned instead.
    ///
    /// The slice `fill` receives holds unspecified valid values (large buffers of types
    /// where any bit pattern is valid may be recycled), so `fill` must write all of it:
    /// what a file reader needs to read straight into an array without a second copy.
    ///
    /// ```
    /// use numerust_core::{NdArray, NdError, Order};
    /// let a = NdArray::<u8>::try_from_fill(&[2, 3], Order::F, |s| {
    ///     s.iter_mut().enumerate().for_each(|(i, x)| *x = i as u8);
    ///     Ok::<(), NdError>(())
    /// })
    /// .unwrap();
    /// assert_eq!(a.to_vec(), vec![0, 2, 4, 1, 3, 5]);
    /// ```
    ///
    /// # Errors
    /// `ShapeOverflow` for a shape too large to address, or whatever `fill` returns.
    pub fn try_from_fill<E: From<NdError>>(
        shape: &[usize],
        order: Order,
        fill: impl FnOnce(&mut [T]) -> Result<(), E>,
    ) -> Result<Self, E> {
        let size = checked_size(shape)?;
        let layout = Layout::contiguous(shape, order)?;
        let mut buf = Buffer::for_overwrite(size)?;
        fill(buf.as_mut_slice())?;
        Ok(NdArray {
            data: Arc::new(buf),
            offset: 0,
            layout,
        })
    }

    /// A 0-d array holding `value`.
    pub fn from_elem_0d(value: T) -> Self {
        NdArray {
            data: Arc::new(Buffer::from_vec(vec![value])),
            offset: 0,
            layout: Layout::new(vec![], vec![]),
        }
    }

    /// Pointer to the first element.
    pub fn as_ptr(&self) -> *const T {
        self.data.as_ptr().wrapping_add(self.offset)
    }

    /// A read-only view of the whole array.
    pub fn view(&self) -> ArrayView<'_, T> {
        // SAFETY: the NdArray invariant (layout inside the live buffer from `offset`), and
        // `&self` keeps the buffer alive and unwritten while the view lives.
        unsafe { ArrayView::from_raw(self.as_ptr(), self.layout.clone()) }
    }

    /// A mutable view of the whole array; copies first if the buffer is shared (COW).
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, T> {
        self.make_unique();
        let offset = self.offset;
        let layout = self.layout.clone();
        let buf = Arc::get_mut(&mut self.data).expect("make_unique leaves the buffer unshared");
        // SAFETY: the buffer is ours alone (unique Arc, borrowed mutably for the view's life),
        // the layout stays inside it from `offset`, and `make_unique` removed repeated
        // addresses (zero strides).
        unsafe { ArrayViewMut::from_raw(buf.as_mut_ptr().wrapping_add(offset), layout) }
    }

    /// Whether writing now would copy: the buffer is shared or the layout repeats addresses.
    pub fn is_shared(&self) -> bool {
        Arc::strong_count(&self.data) > 1
    }

    /// Makes the array the sole owner of compact, non-repeating memory (the COW step).
    fn make_unique(&mut self) {
        let repeats = self
            .layout
            .shape()
            .iter()
            .zip(self.layout.strides())
            .any(|(&d, &s)| d > 1 && s == 0);
        if Arc::get_mut(&mut self.data).is_none() || repeats {
            *self = self.view().to_owned();
        }
    }

    /// The elements in logical (C) order, as a new `Vec`.
    pub fn into_vec(self) -> Vec<T> {
        self.view().to_vec()
    }

    /// The element at `index`, or `None` when out of bounds.
    pub fn get(&self, index: &[usize]) -> Option<&T> {
        let off = self.layout.checked_offset(index).ok()?;
        // SAFETY: checked in-bounds index; the NdArray invariant; `&self` keeps it alive.
        Some(unsafe { &*self.as_ptr().offset(off) })
    }

    /// The element at `index`.
    ///
    /// # Errors
    /// `IndexOutOfBounds`/`TooManyIndices` with NumPy's message.
    pub fn try_get(&self, index: &[usize]) -> NdResult<&T> {
        let off = self.layout.checked_offset(index)?;
        // SAFETY: as in `get`.
        Ok(unsafe { &*self.as_ptr().offset(off) })
    }

    /// A mutable reference to the element at `index` (copying first if shared).
    pub fn get_mut(&mut self, index: &[usize]) -> Option<&mut T> {
        self.layout.checked_offset(index).ok()?;
        let mut view = self.view_mut();
        let p = view.get_mut(index)? as *mut T;
        // SAFETY: `p` points into our now-unique buffer, borrowed through `&mut self`.
        Some(unsafe { &mut *p })
    }

    /// The elements as a slice when the array is C-contiguous.
    pub fn as_slice(&self) -> Option<&[T]> {
        self.view().as_slice()
    }

    /// The elements as a mutable slice when C-contiguous (copying first if shared).
    pub fn as_slice_mut(&mut self) -> Option<&mut [T]> {
        if !self.layout.is_c_contiguous() {
            return None;
        }
        let mut v = self.view_mut();
        let n = v.layout.size();
        let p = v.as_mut_ptr();
        if n == 0 {
            return Some(&mut []);
        }
        // SAFETY: C-contiguous block in our unique buffer, borrowed through `&mut self`.
        Some(unsafe { std::slice::from_raw_parts_mut(p, n) })
    }

    /// Whether this array's buffer is mapped for transparent huge pages.
    pub fn is_huge_page_backed(&self) -> bool {
        self.data.is_huge_page_mapped()
    }

    /// An array sharing this one's buffer under another layout, `offset` elements further.
    pub(crate) fn relayout(&self, offset: isize, layout: Layout) -> NdArray<T> {
        let offset = if layout.size() == 0 {
            self.offset
        } else {
            (self.offset as isize + offset) as usize
        };
        NdArray {
            data: Arc::clone(&self.data),
            offset,
            layout,
        }
    }
}

/// Attribute methods shared by `NdArray`, `ArrayView` and `ArrayViewMut`.
macro_rules! impl_attributes {
    ($($ty:ty),*) => {$(
        impl<T: Element> $ty {
            /// Length of each axis (NumPy: `a.shape`).
            pub fn shape(&self) -> &[usize] {
                self.layout.shape()
            }
            /// Number of axes (NumPy: `a.ndim`).
            pub fn ndim(&self) -> usize {
                self.layout.ndim()
            }
            /// Number of elements (NumPy: `a.size`).
            pub fn size(&self) -> usize {
                self.layout.size()
            }
            /// Length of the first axis (NumPy: `len(a)`); 1 for a 0-d array.
            pub fn len(&self) -> usize {
                self.layout.shape().first().copied().unwrap_or(1)
            }
            /// Whether the array has no element.
            pub fn is_empty(&self) -> bool {
                self.size() == 0
            }
            /// The dtype (NumPy: `a.dtype`).
            pub fn dtype(&self) -> DType {
                T::DTYPE
            }
            /// Bytes per element (NumPy: `a.itemsize`).
            pub fn itemsize(&self) -> usize {
                std::mem::size_of::<T>()
            }
            /// Bytes of element data (NumPy: `a.nbytes`).
            pub fn nbytes(&self) -> usize {
                self.size() * std::mem::size_of::<T>()
            }
            /// Strides in bytes, as NumPy reports them (NumPy: `a.strides`).
            pub fn strides(&self) -> Vec<isize> {
                self.layout.byte_strides(std::mem::size_of::<T>())
            }
            /// Strides in elements.
            pub fn element_strides(&self) -> &[isize] {
                self.layout.strides()
            }
            /// The shape and element strides.
            pub fn layout(&self) -> &Layout {
                &self.layout
            }
            /// NumPy's `a.flags['C_CONTIGUOUS']`.
            pub fn is_c_contiguous(&self) -> bool {
                self.layout.is_c_contiguous()
            }
            /// NumPy's `a.flags['F_CONTIGUOUS']`.
            pub fn is_f_contiguous(&self) -> bool {
                self.layout.is_f_contiguous()
            }
        }
    )*};
}
impl_attributes!(NdArray<T>, ArrayView<'_, T>, ArrayViewMut<'_, T>);

fn index_or_panic(layout: &Layout, index: &[usize]) -> isize {
    layout.checked_offset(index).unwrap_or_else(|e| fail(e))
}

impl<T: Element, const N: usize> std::ops::Index<[usize; N]> for NdArray<T> {
    type Output = T;
    /// # Panics
    /// With NumPy's message when the index is out of bounds.
    fn index(&self, index: [usize; N]) -> &T {
        let off = index_or_panic(&self.layout, &index);
        // SAFETY: checked in-bounds index; the NdArray invariant.
        unsafe { &*self.as_ptr().offset(off) }
    }
}

impl<T: Element, const N: usize> std::ops::IndexMut<[usize; N]> for NdArray<T> {
    /// # Panics
    /// With NumPy's message when the index is out of bounds.
    fn index_mut(&mut self, index: [usize; N]) -> &mut T {
        index_or_panic(&self.layout, &index);
        self.get_mut(&index).expect("index checked above")
    }
}

impl<T: Element, const N: usize> std::ops::Index<[usize; N]> for ArrayView<'_, T> {
    type Output = T;
    fn index(&self, index: [usize; N]) -> &T {
        let off = index_or_panic(&self.layout, &index);
        // SAFETY: checked in-bounds index; the view invariant.
        unsafe { &*self.ptr.offset(off) }
    }
}

impl<T: Element, const N: usize> std::ops::Index<[usize; N]> for ArrayViewMut<'_, T> {
    type Output = T;
    fn index(&self, index: [usize; N]) -> &T {
        let off = index_or_panic(&self.layout, &index);
        // SAFETY: checked in-bounds index; the view invariant.
        unsafe { &*self.ptr.offset(off) }
    }
}

impl<T: Element, const N: usize> std::ops::IndexMut<[usize; N]> for ArrayViewMut<'_, T> {
    fn index_mut(&mut self, index: [usize; N]) -> &mut T {
        let off = index_or_panic(&self.layout, &index);
        // SAFETY: checked in-bounds index; exclusive by the view invariant and `&mut self`.
        unsafe { &mut *self.ptr.offset(off) }
    }
}

/// Anything that can lend a read-only view: `NdArray`, `ArrayView`, `ArrayViewMut` and
/// references to them. Free functions such as `concatenate` take `&[impl AsView<T>]`.
pub trait AsView<T: Element> {
    /// A read-only view of the whole array.
    fn as_view(&self) -> ArrayView<'_, T>;
}

impl<T: Element> AsView<T> for NdArray<T> {
    fn as_view(&self) -> ArrayView<'_, T> {
        self.view()
    }
}
impl<T: Element> AsView<T> for ArrayView<'_, T> {
    fn as_view(&self) -> ArrayView<'_, T> {
        self.view()
    }
}
impl<T: Element> AsView<T> for ArrayViewMut<'_, T> {
    fn as_view(&self) -> ArrayView<'_, T> {
        self.view()
    }
}
impl<T: Element, A: AsView<T> + ?Sized> AsView<T> for &A {
    fn as_view(&self) -> ArrayView<'_, T> {
        (**self).as_view()
    }
}

/// NumPy's `np.shares_memory(a, b)` (exact for the layouts numerust makes: it compares the
/// byte ranges the two arrays touch, which is NumPy's `may_share_memory`; overlapping
/// ranges that interleave without a common element, e.g. `a[::2]` and `a[1::2]`, are
/// resolved by checking element addresses).
pub fn shares_memory<T: Element>(a: &impl AsView<T>, b: &impl AsView<T>) -> bool {
    let (a, b) = (a.as_view(), b.as_view());
    let range = |v: &ArrayView<'_, T>| {
        v.layout.offset_range().map(|(lo, hi)| {
            let base = v.ptr as isize;
            let sz = std::mem::size_of::<T>() as isize;
            (base + lo * sz, base + hi * sz + sz)
        })
    };
    let (Some((a0, a1)), Some((b0, b1))) = (range(&a), range(&b)) else {
        return false;
    };
    if a1 <= b0 || b1 <= a0 {
        return false;
    }
    // Ranges overlap. A dense array touches every address in its range, so they share.
    if a.as_slice_memory_order().is_some() || b.as_slice_memory_order().is_some() {
        return true;
    }
    // Otherwise look for a common element address (one hash set of the smaller side).
    let (a, b) = if a.size() <= b.size() { (a, b) } else { (b, a) };
    let addrs: std::collections::HashSet<usize> = a.element_addresses().collect();
    b.element_addresses().any(|p| addrs.contains(&p))
}
