//! `AnyArray`: an array whose element type is known only at run time (NumPy's plain
//! `ndarray`, whose dtype is a value). What `load_any` returns; match on it, or `astype`.

use crate::array::NdArray;
use crate::element::{DType, Element};
use crate::error::{NdError, NdResult};
use num_complex::Complex;

/// An [`NdArray`] of any element type, tagged by its dtype.
///
/// ```
/// use numerust_core::{AnyArray, DType, NdArray};
/// let any = AnyArray::from(NdArray::from_vec(vec![1i32, 2, 3]));
/// assert_eq!(any.dtype(), DType::Int32);
/// assert_eq!(any.astype::<f64>().to_vec(), vec![1.0, 2.0, 3.0]);
/// assert!(any.clone().into_typed::<f64>().is_err());
/// assert_eq!(any.into_typed::<i32>().unwrap().to_vec(), vec![1, 2, 3]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum AnyArray {
    /// `bool` elements.
    Bool(NdArray<bool>),
    /// `int8` elements.
    Int8(NdArray<i8>),
    /// `int16` elements.
    Int16(NdArray<i16>),
    /// `int32` elements.
    Int32(NdArray<i32>),
    /// `int64` elements.
    Int64(NdArray<i64>),
    /// `uint8` elements.
    UInt8(NdArray<u8>),
    /// `uint16` elements.
    UInt16(NdArray<u16>),
    /// `uint32` elements.
    UInt32(NdArray<u32>),
    /// `uint64` elements.
    UInt64(NdArray<u64>),
    /// `float32` elements.
    Float32(NdArray<f32>),
    /// `float64` elements.
    Float64(NdArray<f64>),
    /// `complex64` elements.
    Complex64(NdArray<Complex<f32>>),
    /// `complex128` elements.
    Complex128(NdArray<Complex<f64>>),
}

/// Evaluates `$body` with `$x` bound to the typed array inside `$a`, whatever its variant.
macro_rules! cast_each {
    ($a:expr, $x:ident => $body:expr) => {
        match $a {
            $crate::any::AnyArray::Bool($x) => $body,
            $crate::any::AnyArray::Int8($x) => $body,
            $crate::any::AnyArray::Int16($x) => $body,
            $crate::any::AnyArray::Int32($x) => $body,
            $crate::any::AnyArray::Int64($x) => $body,
            $crate::any::AnyArray::UInt8($x) => $body,
            $crate::any::AnyArray::UInt16($x) => $body,
            $crate::any::AnyArray::UInt32($x) => $body,
            $crate::any::AnyArray::UInt64($x) => $body,
            $crate::any::AnyArray::Float32($x) => $body,
            $crate::any::AnyArray::Float64($x) => $body,
            $crate::any::AnyArray::Complex64($x) => $body,
            $crate::any::AnyArray::Complex128($x) => $body,
        }
    };
}
pub(crate) use cast_each;

impl AnyArray {
    /// The element type.
    pub fn dtype(&self) -> DType {
        cast_each!(self, x => x.dtype())
    }

    /// The shape.
    pub fn shape(&self) -> &[usize] {
        cast_each!(self, x => x.shape())
    }

    /// The number of axes.
    pub fn ndim(&self) -> usize {
        self.shape().len()
    }

    /// The number of elements.
    pub fn size(&self) -> usize {
        cast_each!(self, x => x.size())
    }

    /// A copy cast to `U` with NumPy's `astype` rules (see [`crate::cast`]).
    pub fn astype<U: Element>(&self) -> NdArray<U> {
        U::cast_any(self)
    }

    /// The typed array when it holds `T`, else the untouched `AnyArray` back.
    pub fn into_typed<T: Element>(self) -> Result<NdArray<T>, AnyArray> {
        T::from_any(self)
    }

    /// The typed array when it holds `T`, else an error naming both dtypes.
    ///
    /// # Errors
    /// `NdError::InvalidValue` ("array of dtype int32 cannot be read as float64 ...").
    pub fn try_into_typed<T: Element>(self) -> NdResult<NdArray<T>> {
        T::from_any(self).map_err(|a| {
            NdError::InvalidValue(format!(
                "array of dtype {} cannot be read as {} without a cast; use astype",
                a.dtype(),
                T::DTYPE
            ))
        })
    }

    /// A reference to the typed array when it holds `T`.
    pub fn as_typed<T: Element>(&self) -> Option<&NdArray<T>> {
        T::ref_any(self)
    }
}

impl<T: Element> From<NdArray<T>> for AnyArray {
    fn from(a: NdArray<T>) -> Self {
        T::into_any(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_dtype() {
        fn check<T: Element>(v: Vec<T>) {
            let a = NdArray::from_shape_vec(&[v.len()], v).unwrap();
            let any = AnyArray::from(a.clone());
            assert_eq!(any.dtype(), T::DTYPE);
            assert_eq!(any.shape(), &[a.len()]);
            assert_eq!(any.as_typed::<T>(), Some(&a));
            assert_eq!(any.astype::<T>(), a);
            assert_eq!(any.into_typed::<T>().unwrap(), a);
        }
        check(vec![true, false]);
        check(vec![1i8, -2]);
        check(vec![1i16, -2]);
        check(vec![1i32, -2]);
        check(vec![1i64, -2]);
        check(vec![1u8, 2]);
        check(vec![1u16, 2]);
        check(vec![1u32, 2]);
        check(vec![1u64, 2]);
        check(vec![1f32, -2.5]);
        check(vec![1f64, -2.5]);
        check(vec![Complex::new(1f32, 2.0)]);
        check(vec![Complex::new(1f64, 2.0)]);
    }

    #[test]
    fn wrong_type_names_both_dtypes() {
        let any = AnyArray::from(NdArray::from_vec(vec![1u16]));
        let err = any.clone().try_into_typed::<f32>().unwrap_err().to_string();
        assert!(err.contains("uint16") && err.contains("float32"), "{err}");
        assert!(any.as_typed::<i16>().is_none());
        assert_eq!(any.astype::<f32>().to_vec(), vec![1.0]);
    }
}
