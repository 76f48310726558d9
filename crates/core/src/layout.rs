//! `Layout`: an array's shape and element strides, and the arithmetic on them.
//!
//! A layout maps an index `(i0, .., ik)` to the element offset `sum(i_j * strides[j])` from the
//! array's first element. Strides are in elements (NumPy's are in bytes: see
//! [`Layout::byte_strides`]), may be negative (reversed axes) or zero (broadcast axes).
//! Every constructor checks that the element count fits `usize`; buffers check bytes.

use crate::error::{NdError, NdResult};

/// Memory order of a new array: NumPy's `order='C'` (row-major) or `'F'` (column-major).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    /// Row-major: the last axis varies fastest.
    #[default]
    C,
    /// Column-major: the first axis varies fastest.
    F,
}

/// Shape plus element strides.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Layout {
    shape: Vec<usize>,
    strides: Vec<isize>,
}

/// The product of `shape`, or `ShapeOverflow`.
///
/// ```
/// use numerust_core::layout::checked_size;
/// assert_eq!(checked_size(&[2, 3]).unwrap(), 6);
/// assert!(checked_size(&[usize::MAX, 2]).is_err());
/// ```
pub fn checked_size(shape: &[usize]) -> NdResult<usize> {
    let mut n: usize = 1;
    for &d in shape {
        n = n.checked_mul(d).ok_or(NdError::ShapeOverflow)?;
    }
    // A zero-size shape still must not overflow in its non-zero part (NumPy checks the same).
    let nonzero: Option<usize> = shape
        .iter()
        .filter(|&&d| d != 0)
        .try_fold(1usize, |acc, &d| acc.checked_mul(d));
    if nonzero.is_none_or(|m| m > isize::MAX as usize) {
        return Err(NdError::ShapeOverflow);
    }
    Ok(n)
}

/// Turns a possibly negative `axis` into an index below `ndim`.
///
/// # Errors
/// `AxisOutOfBounds` (NumPy: `axis 3 is out of bounds for array of dimension 2`).
pub fn normalize_axis(axis: isize, ndim: usize) -> NdResult<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(NdError::AxisOutOfBounds { axis, ndim });
    }
    Ok(if axis < 0 {
        (axis + n) as usize
    } else {
        axis as usize
    })
}

impl Layout {
    /// A layout from raw parts (no check that the strides stay inside any buffer).
    ///
    /// # Panics
    /// If `shape` and `strides` differ in length.
    pub fn new(shape: Vec<usize>, strides: Vec<isize>) -> Self {
        assert_eq!(
            shape.len(),
            strides.len(),
            "shape and strides differ in length"
        );
        Layout { shape, strides }
    }

    /// Contiguous layout of `shape` in `order`.
    ///
    /// # Errors
    /// `ShapeOverflow` when the element count overflows.
    pub fn contiguous(shape: &[usize], order: Order) -> NdResult<Self> {
        checked_size(shape)?;
        let mut strides = vec![0isize; shape.len()];
        let mut acc: isize = 1;
        let mut set = |i: usize| {
            strides[i] = acc;
            acc = acc.wrapping_mul(shape[i].max(1) as isize);
        };
        match order {
            Order::C => (0..shape.len()).rev().for_each(&mut set),
            Order::F => (0..shape.len()).for_each(&mut set),
        }
        Ok(Layout {
            shape: shape.to_vec(),
            strides,
        })
    }

    /// Row-major layout of `shape`.
    ///
    /// # Errors
    /// `ShapeOverflow` when the element count overflows.
    pub fn c(shape: &[usize]) -> NdResult<Self> {
        Self::contiguous(shape, Order::C)
    }

    /// The shape.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// Element strides.
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// Strides in bytes, as NumPy reports them.
    pub fn byte_strides(&self, itemsize: usize) -> Vec<isize> {
        self.strides
            .iter()
            .map(|&s| s * itemsize as isize)
            .collect()
    }

    /// Number of dimensions.
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Number of elements (checked when the layout was made).
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// Whether stepping through the elements in C order walks memory with stride 1.
    /// Axes of length 1 may have any stride, and an empty array is contiguous (NumPy's rule).
    pub fn is_c_contiguous(&self) -> bool {
        Self::is_dense(
            self.shape.iter().rev().zip(self.strides.iter().rev()),
            &self.shape,
        )
    }

    /// Whether stepping through the elements in F order walks memory with stride 1.
    pub fn is_f_contiguous(&self) -> bool {
        Self::is_dense(self.shape.iter().zip(self.strides.iter()), &self.shape)
    }

    fn is_dense<'a>(axes: impl Iterator<Item = (&'a usize, &'a isize)>, shape: &[usize]) -> bool {
        if shape.contains(&0) {
            return true;
        }
        let mut expect: isize = 1;
        for (&d, &s) in axes {
            if d == 1 {
                continue;
            }
            if s != expect {
                return false;
            }
            expect *= d as isize;
        }
        true
    }

    /// Element offset of `index` (unchecked arithmetic; callers check bounds first).
    pub fn offset_of(&self, index: &[usize]) -> isize {
        index
            .iter()
            .zip(&self.strides)
            .map(|(&i, &s)| i as isize * s)
            .sum()
    }

    /// Bounds-checked element offset of `index`.
    ///
    /// # Errors
    /// `TooManyIndices` / `InvalidValue` for a wrong index length, `IndexOutOfBounds` for an
    /// index past its axis.
    pub fn checked_offset(&self, index: &[usize]) -> NdResult<isize> {
        if index.len() > self.ndim() {
            return Err(NdError::TooManyIndices {
                ndim: self.ndim(),
                given: index.len(),
            });
        }
        if index.len() < self.ndim() {
            return Err(NdError::InvalidValue(format!(
                "expected {} indices for a {}-dimensional array, got {}",
                self.ndim(),
                self.ndim(),
                index.len()
            )));
        }
        for (axis, (&i, &len)) in index.iter().zip(&self.shape).enumerate() {
            if i >= len {
                return Err(NdError::IndexOutOfBounds {
                    index: i as isize,
                    axis,
                    len,
                });
            }
        }
        Ok(self.offset_of(index))
    }

    /// The lowest and highest element offsets the layout touches, or `None` when empty.
    pub fn offset_range(&self) -> Option<(isize, isize)> {
        if self.shape.contains(&0) {
            return None;
        }
        let (mut lo, mut hi) = (0isize, 0isize);
        for (&d, &s) in self.shape.iter().zip(&self.strides) {
            let reach = (d as isize - 1) * s;
            if reach < 0 {
                lo += reach;
            } else {
                hi += reach;
            }
        }
        Some((lo, hi))
    }

    /// The layout with its axes reordered: new axis `i` is old axis `axes[i]`.
    ///
    /// # Errors
    /// `InvalidValue` unless `axes` is a permutation of `0..ndim`.
    pub fn permuted(&self, axes: &[usize]) -> NdResult<Self> {
        if axes.len() != self.ndim() {
            return Err(NdError::InvalidValue("axes don't match array".into()));
        }
        let mut seen = vec![false; self.ndim()];
        for &a in axes {
            if a >= self.ndim() {
                return Err(NdError::AxisOutOfBounds {
                    axis: a as isize,
                    ndim: self.ndim(),
                });
            }
            if std::mem::replace(&mut seen[a], true) {
                return Err(NdError::RepeatedAxis);
            }
        }
        Ok(Layout {
            shape: axes.iter().map(|&a| self.shape[a]).collect(),
            strides: axes.iter().map(|&a| self.strides[a]).collect(),
        })
    }

    /// The layout with all axes reversed (NumPy's `.T`).
    pub fn reversed_axes(&self) -> Self {
        Layout {
            shape: self.shape.iter().rev().copied().collect(),
            strides: self.strides.iter().rev().copied().collect(),
        }
    }

    /// Inserts an axis of length 1 at `axis` (already normalised, `<= ndim`).
    pub fn insert_axis(&mut self, axis: usize) {
        self.shape.insert(axis, 1);
        self.strides.insert(axis, 0);
    }

    /// Removes axis `axis` (already normalised, `< ndim`).
    pub fn remove_axis(&mut self, axis: usize) {
        self.shape.remove(axis);
        self.strides.remove(axis);
    }

    /// Splits into shape and strides.
    pub fn into_parts(self) -> (Vec<usize>, Vec<isize>) {
        (self.shape, self.strides)
    }

    /// The memory order a copy of this layout should keep: F when F-contiguous and not C.
    pub fn preferred_order(&self) -> Order {
        if self.is_f_contiguous() && !self.is_c_contiguous() {
            Order::F
        } else {
            Order::C
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguity_follows_numpy_rules() {
        let c = Layout::c(&[2, 3]).unwrap();
        assert_eq!(c.strides(), &[3, 1]);
        assert!(c.is_c_contiguous() && !c.is_f_contiguous());
        let f = Layout::contiguous(&[2, 3], Order::F).unwrap();
        assert_eq!(f.strides(), &[1, 2]);
        assert!(f.is_f_contiguous() && !f.is_c_contiguous());
        let one = Layout::new(vec![1, 4], vec![99, 1]);
        assert!(one.is_c_contiguous());
        let empty = Layout::new(vec![0, 4], vec![7, 3]);
        assert!(empty.is_c_contiguous() && empty.is_f_contiguous());
        assert_eq!(c.byte_strides(8), vec![24, 8]);
    }

    #[test]
    fn offsets_and_range() {
        let l = Layout::new(vec![3, 2], vec![-2, 1]);
        assert_eq!(l.offset_of(&[2, 1]), -3);
        assert_eq!(l.offset_range(), Some((-4, 1)));
        assert!(l.checked_offset(&[3, 0]).is_err());
    }

    #[test]
    fn overflow_is_caught() {
        assert_eq!(checked_size(&[usize::MAX, 2]), Err(NdError::ShapeOverflow));
        assert_eq!(
            checked_size(&[0, usize::MAX, 2]),
            Err(NdError::ShapeOverflow)
        );
        assert_eq!(checked_size(&[0, 5]), Ok(0));
        assert!(Layout::c(&[usize::MAX, 2]).is_err());
    }

    #[test]
    fn axes_normalise() {
        assert_eq!(normalize_axis(-1, 3), Ok(2));
        assert!(normalize_axis(3, 3).is_err());
        assert_eq!(
            normalize_axis(-4, 3).unwrap_err().to_string(),
            "axis -4 is out of bounds for array of dimension 3"
        );
    }
}
