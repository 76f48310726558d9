//! Creation from values: `zeros`, `ones`, `full`, `empty`, the `*_like` forms, `from_fn`,
//! `array` from nested data and the `array!` macro.
//!
//! Ranges (`arange`, `linspace`, `logspace`) live in `ranges.rs`; matrices (`eye`, `diag`,
//! `tri`, `meshgrid`) in `matrix.rs`.

use crate::array::{AsView, NdArray};
use crate::buffer::Buffer;
use crate::element::Element;
use crate::elementwise::build_overwrite;
use crate::error::NdResult;
use crate::layout::{Layout, Order};

/// An array of zeros. Large arrays are fresh mapped pages: no element is written.
///
/// NumPy: `np.zeros(shape, dtype)`.
///
/// ```
/// use numerust_core::zeros;
/// let z = zeros::<f64>(&[2, 3]).unwrap();
/// assert_eq!(z.shape(), &[2, 3]);
/// assert!(z.iter().all(|&x| x == 0.0));
/// ```
///
/// # Errors
/// `ShapeOverflow` when the shape's size or byte size overflows.
pub fn zeros<T: Element>(shape: &[usize]) -> NdResult<NdArray<T>> {
    zeros_order(shape, Order::C)
}

/// An array of zeros in C or F order (NumPy: `np.zeros(shape, order=...)`).
///
/// # Errors
/// `ShapeOverflow`.
pub fn zeros_order<T: Element>(shape: &[usize], order: Order) -> NdResult<NdArray<T>> {
    let layout = Layout::contiguous(shape, order)?;
    NdArray::from_buffer(Buffer::zeroed(layout.size())?, layout)
}

/// An array of ones (NumPy: `np.ones(shape)`).
///
/// # Errors
/// `ShapeOverflow`.
pub fn ones<T: Element>(shape: &[usize]) -> NdResult<NdArray<T>> {
    full(shape, T::one())
}

/// An array filled with `value` (NumPy: `np.full(shape, value)`).
///
/// # Errors
/// `ShapeOverflow`.
pub fn full<T: Element>(shape: &[usize], value: T) -> NdResult<NdArray<T>> {
    build_overwrite(shape, Order::C, |v| v.fill(value))
}

/// An array whose contents are unspecified in NumPy; numerust gives zeros, which cost the
/// same (lazily zeroed pages) and are never uninitialised memory.
///
/// NumPy: `np.empty(shape)`.
///
/// # Errors
/// `ShapeOverflow`.
pub fn empty<T: Element>(shape: &[usize]) -> NdResult<NdArray<T>> {
    zeros(shape)
}

/// Zeros with `a`'s shape (NumPy: `np.zeros_like(a)`).
pub fn zeros_like<T: Element, U: Element>(a: &impl AsView<U>) -> NdArray<T> {
    zeros(a.as_view().shape()).expect("an existing array's shape is valid")
}

/// Ones with `a`'s shape (NumPy: `np.ones_like(a)`).
pub fn ones_like<T: Element, U: Element>(a: &impl AsView<U>) -> NdArray<T> {
    ones(a.as_view().shape()).expect("an existing array's shape is valid")
}

/// `value` with `a`'s shape (NumPy: `np.full_like(a, value)`).
pub fn full_like<T: Element, U: Element>(a: &impl AsView<U>, value: T) -> NdArray<T> {
    full(a.as_view().shape(), value).expect("an existing array's shape is valid")
}

/// Zeros with `a`'s shape (NumPy: `np.empty_like(a)`; see [`empty`]).
pub fn empty_like<T: Element, U: Element>(a: &impl AsView<U>) -> NdArray<T> {
    zeros_like(a)
}

/// An array whose element at each index is `f(index)` (NumPy: `np.fromfunction`).
///
/// ```
/// use numerust_core::from_fn;
/// let a = from_fn(&[2, 3], |ix| (10 * ix[0] + ix[1]) as i32).unwrap();
/// assert_eq!(a.to_vec(), vec![0, 1, 2, 10, 11, 12]);
/// ```
///
/// # Errors
/// `ShapeOverflow`.
pub fn from_fn<T: Element>(
    shape: &[usize],
    mut f: impl FnMut(&[usize]) -> T,
) -> NdResult<NdArray<T>> {
    let size = crate::layout::checked_size(shape)?;
    let mut data = Vec::with_capacity(size);
    let mut index = vec![0usize; shape.len()];
    for _ in 0..size {
        data.push(f(&index));
        for axis in (0..shape.len()).rev() {
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
    NdArray::from_shape_vec(shape, data)
}

/// Nested data that [`array()`] turns into an `NdArray`: scalars, `Vec`s, arrays and slices
/// of them, nested to any depth. Ragged nesting is an error.
pub trait NestedData<T: Element> {
    /// Appends the shape (outermost first) of this level and below to `shape`.
    fn nested_shape(&self, shape: &mut Vec<usize>);
    /// Appends elements in C order; `false` when a sub-list's shape differs from `shape`.
    fn nested_flatten(&self, shape: &[usize], out: &mut Vec<T>) -> bool;
}

impl<T: Element> NestedData<T> for T {
    fn nested_shape(&self, _: &mut Vec<usize>) {}
    fn nested_flatten(&self, shape: &[usize], out: &mut Vec<T>) -> bool {
        if !shape.is_empty() {
            return false;
        }
        out.push(*self);
        true
    }
}

impl<T: Element, D: NestedData<T>> NestedData<T> for [D] {
    fn nested_shape(&self, shape: &mut Vec<usize>) {
        shape.push(self.len());
        if let Some(first) = self.first() {
            first.nested_shape(shape);
        }
    }
    fn nested_flatten(&self, shape: &[usize], out: &mut Vec<T>) -> bool {
        match shape.split_first() {
            Some((&n, rest)) if n == self.len() => self.iter().all(|d| d.nested_flatten(rest, out)),
            _ => false,
        }
    }
}

impl<T: Element, D: NestedData<T>> NestedData<T> for Vec<D> {
    fn nested_shape(&self, shape: &mut Vec<usize>) {
        self.as_slice().nested_shape(shape)
    }
    fn nested_flatten(&self, shape: &[usize], out: &mut Vec<T>) -> bool {
        self.as_slice().nested_flatten(shape, out)
    }
}

impl<T: Element, D: NestedData<T>, const N: usize> NestedData<T> for [D; N] {
    fn nested_shape(&self, shape: &mut Vec<usize>) {
        self.as_slice().nested_shape(shape)
    }
    fn nested_flatten(&self, shape: &[usize], out: &mut Vec<T>) -> bool {
        self.as_slice().nested_flatten(shape, out)
    }
}

/// An array from nested `Vec`s, arrays or slices (NumPy: `np.array(data)`).
///
/// ```
/// use numerust_core::array;
/// let a = array(&vec![vec![1, 2, 3], vec![4, 5, 6]]).unwrap();
/// assert_eq!(a.shape(), &[2, 3]);
/// assert!(array(&vec![vec![1, 2], vec![3]]).is_err()); // ragged
/// ```
///
/// # Errors
/// `InvalidValue` for ragged nesting (NumPy: "setting an array element with a sequence. The
/// requested array has an inhomogeneous shape").
pub fn array<T: Element, D: NestedData<T> + ?Sized>(data: &D) -> NdResult<NdArray<T>> {
    let mut shape = Vec::new();
    data.nested_shape(&mut shape);
    let mut out = Vec::with_capacity(crate::layout::checked_size(&shape)?);
    if !data.nested_flatten(&shape, &mut out) {
        return Err(crate::error::NdError::InvalidValue(format!(
            "setting an array element with a sequence. The requested array has an inhomogeneous shape after {} dimensions.",
            shape.len()
        )));
    }
    NdArray::from_shape_vec(&shape, out)
}

/// Builds an `NdArray` from nested brackets: `array![[1., 2.], [3., 4.]]`, `array![1, 2, 3]`.
///
/// ```
/// use numerust_core::array;
/// let a = numerust_core::array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(a.shape(), &[2, 2]);
/// ```
///
/// # Panics
/// On ragged nesting (the inner brackets disagree in length).
#[macro_export]
macro_rules! array {
    ($($t:tt)*) => {
        $crate::array(&[$($t)*]).expect("array!: ragged nesting")
    };
}
