//! `LinalgScalar`: the element types the products accept, and the 2-D product each uses.

use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::{MatMut, MatRef, gemm_mat};
use numerust_core::{ArrayView, Complex, Element, NdArray};

mod sealed {
    pub trait Sealed {}
}

/// An element type of the products: bool, the integers, f32, f64 and the complex types.
///
/// f32/f64 multiply through GEMM; the others through a plain loop with NumPy's integer
/// semantics (wrapping) and bool semantics (`or` of `and`s).
pub trait LinalgScalar: Element + sealed::Sealed {
    /// `self + other` (wrapping for integers, `or` for bool).
    fn add(self, other: Self) -> Self;
    /// `self * other` (wrapping for integers, `and` for bool).
    fn mul(self, other: Self) -> Self;
    /// The complex conjugate (identity for real types).
    fn conj(self) -> Self {
        self
    }
    /// `c = a * b` for an `m x k` and a `k x n` matrix, `c` row-major `m x n`.
    #[doc(hidden)]
    fn matmul_into(a: MatRef<'_, Self>, b: MatRef<'_, Self>, c: &mut [Self]) {
        naive_matmul(a, b, c);
    }
    /// The inverse of each square matrix of a stack, for `matrix_power` with `n < 0`: real
    /// floats only (NumPy turns integer input into float64 there, which a typed result
    /// cannot; cast first).
    #[doc(hidden)]
    fn inverse(_a: &ArrayView<'_, Self>) -> LinAlgResult<NdArray<Self>> {
        Err(LinAlgError::InvalidValue(format!(
            "matrix_power with a negative exponent needs a float32 or float64 matrix, not {}; \
             cast with astype::<f64>() first (NumPy returns float64 here)",
            Self::DTYPE
        )))
    }
}

/// `c = a * b` by the `i, p, j` loop (NumPy's non-BLAS order).
fn naive_matmul<T: LinalgScalar>(a: MatRef<'_, T>, b: MatRef<'_, T>, c: &mut [T]) {
    let (k, n) = (a.cols(), b.cols());
    if n == 0 {
        return;
    }
    for (i, row) in c.chunks_exact_mut(n).enumerate() {
        row.fill(T::zero());
        for p in 0..k {
            let aip = a.at(i, p);
            for (j, x) in row.iter_mut().enumerate() {
                *x = x.add(aip.mul(b.at(p, j)));
            }
        }
    }
}

macro_rules! int_scalar {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl LinalgScalar for $t {
            fn add(self, other: Self) -> Self {
                self.wrapping_add(other)
            }
            fn mul(self, other: Self) -> Self {
                self.wrapping_mul(other)
            }
        }
    )*};
}
int_scalar!(i8, i16, i32, i64, u8, u16, u32, u64);

impl sealed::Sealed for bool {}
impl LinalgScalar for bool {
    fn add(self, other: Self) -> Self {
        self || other
    }
    fn mul(self, other: Self) -> Self {
        self && other
    }
}

macro_rules! float_scalar {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl LinalgScalar for $t {
            fn add(self, other: Self) -> Self {
                self + other
            }
            fn mul(self, other: Self) -> Self {
                self * other
            }
            fn matmul_into(a: MatRef<'_, Self>, b: MatRef<'_, Self>, c: &mut [Self]) {
                let (m, n) = (a.rows(), b.cols());
                gemm_mat(1.0, a, b, 0.0, MatMut::from_slice(c, m, n));
            }
            fn inverse(a: &ArrayView<'_, Self>) -> LinAlgResult<NdArray<Self>> {
                crate::factor::inv(a)
            }
        }
    )*};
}
float_scalar!(f32, f64);

macro_rules! complex_scalar {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for Complex<$t> {}
        impl LinalgScalar for Complex<$t> {
            fn add(self, other: Self) -> Self {
                self + other
            }
            fn mul(self, other: Self) -> Self {
                self * other
            }
            fn conj(self) -> Self {
                Complex::conj(&self)
            }
        }
    )*};
}
complex_scalar!(f32, f64);
