//! `LinalgScalar`: the element types the products accept, and the 2-D product each uses.

use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::{MatMut, MatRef, gemm_mat};
use numerust_core::{ArrayView, Complex, Element, NdArray};

mod sealed {
    pub trait Sealed {}
}

/// An element type of the products: bool, the integers, f32, f64 and the complex types.
///
/// f32/f64 multiply through GEMM, complex through four real GEMMs on split planes; the
/// others through a plain loop with NumPy's integer semantics (wrapping) and bool
/// semantics (`or` of `and`s).
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
            fn matmul_into(a: MatRef<'_, Self>, b: MatRef<'_, Self>, c: &mut [Self]) {
                complex_matmul::<$t>(a, b, c);
            }
        }
    )*};
}
complex_scalar!(f32, f64);

/// Below this many complex multiply-adds (`m k n`) the plain loop beats splitting planes.
const COMPLEX_GEMM_MIN: usize = 4096;

/// `c = a * b` for complex matrices through four real GEMMs on split real and imaginary
/// planes: `re = Ar Br - Ai Bi`, `im = Ar Bi + Ai Br` (the products of the schoolbook
/// complex multiply, so the same special-value behaviour; `?gemm`-class speed for the cost
/// of copying the planes).
fn complex_matmul<T>(a: MatRef<'_, Complex<T>>, b: MatRef<'_, Complex<T>>, c: &mut [Complex<T>])
where
    T: crate::gemm::GemmScalar + std::ops::Neg<Output = T>,
    Complex<T>: LinalgScalar,
{
    let (m, k, n) = (a.rows(), a.cols(), b.cols());
    if m * k * n < COMPLEX_GEMM_MIN {
        return naive_matmul(a, b, c);
    }
    let planes = |x: &MatRef<'_, Complex<T>>| -> (Vec<T>, Vec<T>) {
        let (r, q) = (x.rows(), x.cols());
        let at = |i| x.at(i / q.max(1), i % q.max(1));
        (
            (0..r * q).map(|i| at(i).re).collect(),
            (0..r * q).map(|i| at(i).im).collect(),
        )
    };
    let ((ar, ai), (br, bi)) = (planes(&a), planes(&b));
    let (mut re, mut im) = (vec![T::zero(); m * n], vec![T::zero(); m * n]);
    fn mat<T: Element>(v: &[T], rows: usize, cols: usize) -> MatRef<'_, T> {
        MatRef::from_slice(v, rows, cols)
    }
    let (one, zero) = (T::one(), T::zero());
    gemm_mat(
        one,
        mat(&ar, m, k),
        mat(&br, k, n),
        zero,
        MatMut::from_slice(&mut re, m, n),
    );
    gemm_mat(
        -one,
        mat(&ai, m, k),
        mat(&bi, k, n),
        one,
        MatMut::from_slice(&mut re, m, n),
    );
    gemm_mat(
        one,
        mat(&ar, m, k),
        mat(&bi, k, n),
        zero,
        MatMut::from_slice(&mut im, m, n),
    );
    gemm_mat(
        one,
        mat(&ai, m, k),
        mat(&br, k, n),
        one,
        MatMut::from_slice(&mut im, m, n),
    );
    for ((o, &x), &y) in c.iter_mut().zip(&re).zip(&im) {
        *o = Complex::new(x, y);
    }
}

#[cfg(test)]
mod tests {
    use super::{COMPLEX_GEMM_MIN, complex_matmul, naive_matmul};
    use crate::gemm::{GemmScalar, MatRef};
    use num_traits::Float;
    use numerust_core::Complex;

    /// The split-plane product of `a` (m x k) and `b` (n x k, read transposed) against the
    /// plain loop, within `tol` relative, NaN where the loop gives NaN.
    fn check<T>(a: &[Complex<T>], b: &[Complex<T>], (m, k, n): (usize, usize, usize), tol: T)
    where
        T: GemmScalar + Float + std::fmt::Display,
        Complex<T>: super::LinalgScalar,
    {
        let (am, bm) = (MatRef::from_slice(a, m, k), MatRef::from_slice(b, n, k).t());
        let zero = Complex::new(
            <T as num_traits::Zero>::zero(),
            <T as num_traits::Zero>::zero(),
        );
        let (mut got, mut want) = (vec![zero; m * n], vec![zero; m * n]);
        complex_matmul(am, bm, &mut got);
        naive_matmul(am, bm, &mut want);
        let same = |x: T, y: T| {
            (x.is_nan() && y.is_nan())
                || x == y
                || (x - y).abs() <= tol * (<T as num_traits::One>::one() + y.abs())
        };
        for (g, w) in got.iter().zip(&want) {
            assert!(same(g.re, w.re) && same(g.im, w.im), "{g} vs {w}");
        }
    }

    /// f32 and f64, a transposed right operand, NaN and infinity entries included.
    #[test]
    fn complex_planes_match_the_plain_loop() {
        let shape @ (m, k, n) = (19, 23, 17);
        assert!(m * k * n >= COMPLEX_GEMM_MIN);
        let val = |i: usize| ((i * 37 % 101) as f64 - 50.0) / 25.0;
        let mut a: Vec<Complex<f64>> = (0..m * k)
            .map(|i| Complex::new(val(i), val(i + 7)))
            .collect();
        let b: Vec<Complex<f64>> = (0..n * k)
            .map(|i| Complex::new(val(i + 3), val(i + 11)))
            .collect();
        a[5] = Complex::new(f64::NAN, 0.0);
        a[40] = Complex::new(f64::INFINITY, 1.0);
        check(&a, &b, shape, 1e-12);
        let f32s = |v: &[Complex<f64>]| -> Vec<Complex<f32>> {
            v.iter()
                .map(|z| Complex::new(z.re as f32, z.im as f32))
                .collect()
        };
        check(&f32s(&a), &f32s(&b), shape, 1e-4);
    }
}
