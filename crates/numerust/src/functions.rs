//! NumPy-named free functions for what core offers as methods: `np.reshape(a, s)` is
//! `reshape(&a, s)`. Each returns an `NdArray` that shares `a`'s buffer when NumPy would
//! return a view (copy-on-write keeps that safe), and copies otherwise.

use numerust_core::{AsView, Element, NdArray, NdResult, Order, ShapeArg};

/// NumPy: `np.reshape(a, shape)`; see [`NdArray::reshape`].
///
/// # Errors
/// `Reshape` when the sizes differ; `InvalidShape` for a bad spec.
pub fn reshape<T: Element>(a: &NdArray<T>, shape: impl ShapeArg) -> NdResult<NdArray<T>> {
    a.reshape(shape)
}

/// NumPy: `np.transpose(a)` (all axes reversed) or `np.transpose(a, axes)`.
///
/// ```
/// use numerust::{transpose, zeros};
/// let a = zeros::<f64>(&[2, 3, 4]).unwrap();
/// assert_eq!(transpose(&a, None).unwrap().shape(), &[4, 3, 2]);
/// assert_eq!(transpose(&a, Some(&[1, 0, 2])).unwrap().shape(), &[3, 2, 4]);
/// ```
///
/// # Errors
/// When `axes` is not a permutation of `0..ndim`.
pub fn transpose<T: Element>(a: &NdArray<T>, axes: Option<&[usize]>) -> NdResult<NdArray<T>> {
    match axes {
        None => Ok(a.t()),
        Some(axes) => a.permute_axes(axes),
    }
}

/// NumPy: `np.swapaxes(a, axis1, axis2)`.
///
/// # Errors
/// `AxisOutOfBounds`.
pub fn swapaxes<T: Element>(a: &NdArray<T>, axis1: isize, axis2: isize) -> NdResult<NdArray<T>> {
    a.swapaxes(axis1, axis2)
}

/// NumPy: `np.moveaxis(a, source, destination)`.
///
/// # Errors
/// `AxisOutOfBounds`, `RepeatedAxis`, or lists of different lengths.
pub fn moveaxis<T: Element>(
    a: &NdArray<T>,
    source: &[isize],
    destination: &[isize],
) -> NdResult<NdArray<T>> {
    a.moveaxis(source, destination)
}

/// NumPy: `np.expand_dims(a, axis)`.
///
/// # Errors
/// `AxisOutOfBounds`, `RepeatedAxis`.
pub fn expand_dims<T: Element>(a: &NdArray<T>, axes: &[isize]) -> NdResult<NdArray<T>> {
    a.expand_dims(axes)
}

/// NumPy: `np.squeeze(a)` (every length-1 axis) or `np.squeeze(a, axis)`.
///
/// # Errors
/// When a named axis is longer than 1 or out of bounds.
pub fn squeeze<T: Element>(a: &NdArray<T>, axes: Option<&[isize]>) -> NdResult<NdArray<T>> {
    match axes {
        None => Ok(a.squeeze()),
        Some(axes) => a.squeeze_axes(axes),
    }
}

/// NumPy: `np.ravel(a)`: 1-D, sharing the buffer when C-contiguous.
pub fn ravel<T: Element>(a: &NdArray<T>) -> NdArray<T> {
    a.ravel()
}

/// NumPy: `np.broadcast_to(a, shape)`: a read-only broadcast (an `NdArray` whose first write
/// materialises it).
///
/// # Errors
/// `BroadcastTo` when the shapes are incompatible.
pub fn broadcast_to<T: Element>(a: &NdArray<T>, shape: &[usize]) -> NdResult<NdArray<T>> {
    a.broadcast_to(shape)
}

/// NumPy: `np.ascontiguousarray(a)`.
pub fn ascontiguousarray<T: Element>(a: &NdArray<T>) -> NdArray<T> {
    a.as_standard_layout()
}

/// NumPy: `np.asfortranarray(a)`.
pub fn asfortranarray<T: Element>(a: &NdArray<T>) -> NdArray<T> {
    if a.is_f_contiguous() {
        a.clone()
    } else {
        a.view().to_owned_order(Order::F)
    }
}

/// NumPy: `np.copy(a)`: a deep copy with its own buffer.
pub fn copy<T: Element>(a: &impl AsView<T>) -> NdArray<T> {
    a.as_view().to_owned()
}

/// NumPy: `np.shape(a)`.
pub fn shape<T: Element>(a: &impl AsView<T>) -> Vec<usize> {
    a.as_view().shape().to_vec()
}

/// NumPy: `np.ndim(a)`.
pub fn ndim<T: Element>(a: &impl AsView<T>) -> usize {
    a.as_view().ndim()
}

/// NumPy: `np.size(a)`.
pub fn size<T: Element>(a: &impl AsView<T>) -> usize {
    a.as_view().size()
}
