//! Element types and `DType`: which Rust types an array may hold, under NumPy's names.
//!
//! Owns the `Element` trait (bool, i8..i64, u8..u64, f32, f64, complex64, complex128) and the
//! `DType` tag. Casting between them lives in `cast.rs`; promotion of mixed types in `promote.rs`.

use crate::any::AnyArray;
use crate::array::NdArray;
use num_complex::Complex;
use std::fmt::Debug;

/// NumPy's dtype names for numerust's element types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    /// `bool`: one byte, 0 or 1.
    Bool,
    /// `int8`.
    Int8,
    /// `int16`.
    Int16,
    /// `int32`.
    Int32,
    /// `int64`.
    Int64,
    /// `uint8`.
    UInt8,
    /// `uint16`.
    UInt16,
    /// `uint32`.
    UInt32,
    /// `uint64`.
    UInt64,
    /// `float32`.
    Float32,
    /// `float64`.
    Float64,
    /// `complex64`: two `float32`.
    Complex64,
    /// `complex128`: two `float64`.
    Complex128,
}

impl DType {
    /// NumPy's name, e.g. `"float64"`.
    ///
    /// ```
    /// use numerust_core::DType;
    /// assert_eq!(DType::Float64.name(), "float64");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
            DType::Complex64 => "complex64",
            DType::Complex128 => "complex128",
        }
    }

    /// Bytes per element (NumPy's `itemsize`).
    pub fn itemsize(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 | DType::Complex64 => 8,
            DType::Complex128 => 16,
        }
    }

    /// NumPy's one-letter kind: `b`ool, `i`nt, `u`nsigned, `f`loat, `c`omplex.
    pub fn kind(self) -> char {
        match self {
            DType::Bool => 'b',
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => 'i',
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => 'u',
            DType::Float32 | DType::Float64 => 'f',
            DType::Complex64 | DType::Complex128 => 'c',
        }
    }
}

impl std::fmt::Display for DType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A type an `NdArray` can hold: plain-old-data with a NumPy dtype.
///
/// Sealed: implemented for bool, i8..i64, u8..u64, f32, f64, `Complex<f32>`, `Complex<f64>`.
pub trait Element:
    Copy
    + Send
    + Sync
    + Debug
    + PartialEq
    + Default
    + bytemuck::Zeroable
    + bytemuck::NoUninit
    + 'static
    + sealed::Sealed
{
    /// The dtype tag of this type.
    const DTYPE: DType;
    /// Whether every bit pattern is a valid value (all but `bool`): such buffers may be
    /// recycled without zeroing before they are overwritten.
    const ANY_BIT_PATTERN: bool = true;
    /// The zero of the type (`false` for bool).
    fn zero() -> Self {
        Self::default()
    }
    /// The one of the type (`true` for bool).
    fn one() -> Self;
    /// Wraps an array of this type in its [`AnyArray`] variant.
    fn into_any(a: NdArray<Self>) -> AnyArray;
    /// The array inside `a` when it holds this type, else `a` back.
    fn from_any(a: AnyArray) -> Result<NdArray<Self>, AnyArray>;
    /// A reference to the array inside `a` when it holds this type.
    fn ref_any(a: &AnyArray) -> Option<&NdArray<Self>>;
    /// `a` cast to this type with NumPy's `astype` rules.
    fn cast_any(a: &AnyArray) -> NdArray<Self>;
}

/// The Element methods that tie a type to its `AnyArray` variant.
macro_rules! any_methods {
    ($d:ident) => {
        fn into_any(a: NdArray<Self>) -> AnyArray {
            AnyArray::$d(a)
        }
        fn from_any(a: AnyArray) -> Result<NdArray<Self>, AnyArray> {
            match a {
                AnyArray::$d(x) => Ok(x),
                other => Err(other),
            }
        }
        fn ref_any(a: &AnyArray) -> Option<&NdArray<Self>> {
            match a {
                AnyArray::$d(x) => Some(x),
                _ => None,
            }
        }
        fn cast_any(a: &AnyArray) -> NdArray<Self> {
            crate::any::cast_each!(a, x => x.astype())
        }
    };
}

macro_rules! impl_element {
    ($($t:ty => $d:ident, $one:expr;)*) => {$(
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn one() -> Self { $one }
            any_methods!($d);
        }
    )*};
}

impl sealed::Sealed for bool {}
impl Element for bool {
    const DTYPE: DType = DType::Bool;
    const ANY_BIT_PATTERN: bool = false;
    fn one() -> Self {
        true
    }
    any_methods!(Bool);
}

impl_element! {
    i8 => Int8, 1;
    i16 => Int16, 1;
    i32 => Int32, 1;
    i64 => Int64, 1;
    u8 => UInt8, 1;
    u16 => UInt16, 1;
    u32 => UInt32, 1;
    u64 => UInt64, 1;
    f32 => Float32, 1.0;
    f64 => Float64, 1.0;
    Complex<f32> => Complex64, Complex::new(1.0, 0.0);
    Complex<f64> => Complex128, Complex::new(1.0, 0.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn itemsize_matches_rust_size() {
        fn check<T: Element>() {
            assert_eq!(
                T::DTYPE.itemsize(),
                std::mem::size_of::<T>(),
                "{}",
                T::DTYPE
            );
        }
        check::<bool>();
        check::<i8>();
        check::<i16>();
        check::<i32>();
        check::<i64>();
        check::<u8>();
        check::<u16>();
        check::<u32>();
        check::<u64>();
        check::<f32>();
        check::<f64>();
        check::<Complex<f32>>();
        check::<Complex<f64>>();
    }
}
