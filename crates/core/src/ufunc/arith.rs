//! Arithmetic ufuncs with NumPy's per-type semantics: `add`, `subtract`, `multiply`,
//! `divide` (true division), `floor_divide`, `remainder`, `power`, `negative`.
//!
//! - Integers wrap on overflow (NumPy's behaviour, without its warning).
//! - Integer `floor_divide` and `remainder` by zero give 0, where NumPy gives 0 and a
//!   `RuntimeWarning`; never a panic.
//! - `remainder` takes the sign of the divisor (Python's `%`), for floats too.
//! - Integer `divide` is true division into `float64`, like NumPy's `/`.
//! - Integer `power` with a negative exponent is an error (NumPy: "Integers to negative
//!   integer powers are not allowed."); overflow wraps.

use super::{map_binary, map_binary_into};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::error::{NdError, NdResult};
use crate::view::ArrayViewMut;

/// Element types with NumPy's arithmetic (integers and floats).
pub trait Arith: Element {
    /// The type `divide` returns: `f64` for integers, `Self` for floats.
    type Quotient: Element;
    /// `a + b` (wrapping for integers).
    fn add(a: Self, b: Self) -> Self;
    /// `a - b` (wrapping for integers).
    fn sub(a: Self, b: Self) -> Self;
    /// `a * b` (wrapping for integers).
    fn mul(a: Self, b: Self) -> Self;
    /// True division.
    fn true_div(a: Self, b: Self) -> Self::Quotient;
    /// Floor division; integer division by zero gives 0.
    fn floor_div(a: Self, b: Self) -> Self;
    /// Remainder with the divisor's sign; integer remainder by zero gives 0.
    fn rem(a: Self, b: Self) -> Self;
    /// `-a` (wrapping for integers; unsigned wraps like NumPy).
    fn neg(a: Self) -> Self;
    /// `a ** b`; `None` for an integer negative exponent.
    fn pow(a: Self, b: Self) -> Option<Self>;
}

macro_rules! impl_arith_int {
    ($($t:ty, $signed:expr);*) => {$(
        impl Arith for $t {
            type Quotient = f64;
            #[inline(always)] fn add(a: Self, b: Self) -> Self { a.wrapping_add(b) }
            #[inline(always)] fn sub(a: Self, b: Self) -> Self { a.wrapping_sub(b) }
            #[inline(always)] fn mul(a: Self, b: Self) -> Self { a.wrapping_mul(b) }
            #[inline(always)] fn true_div(a: Self, b: Self) -> f64 { a as f64 / b as f64 }
            #[inline(always)]
            fn floor_div(a: Self, b: Self) -> Self {
                if b == 0 { return 0; }
                let q = a.wrapping_div(b);
                // Round toward -inf when the signs differ and the division is inexact.
                if $signed && (a.wrapping_rem(b) != 0) && ((a < (0 as $t)) != (b < (0 as $t))) { q.wrapping_sub(1) } else { q }
            }
            #[inline(always)]
            fn rem(a: Self, b: Self) -> Self {
                if b == 0 { return 0; }
                let r = a.wrapping_rem(b);
                if $signed && r != 0 && ((r < (0 as $t)) != (b < (0 as $t))) { r.wrapping_add(b) } else { r }
            }
            #[inline(always)] fn neg(a: Self) -> Self { a.wrapping_neg() }
            #[inline]
            fn pow(a: Self, b: Self) -> Option<Self> {
                #[allow(unused_comparisons)]
                if b < (0 as $t) { return None; }
                let (mut base, mut exp, mut acc) = (a, b as u64, 1 as $t);
                while exp > 0 {
                    if exp & 1 == 1 { acc = acc.wrapping_mul(base); }
                    base = base.wrapping_mul(base);
                    exp >>= 1;
                }
                Some(acc)
            }
        }
    )*};
}
impl_arith_int!(i8, true; i16, true; i32, true; i64, true; u8, false; u16, false; u32, false; u64, false);

macro_rules! impl_arith_float {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            type Quotient = $t;
            #[inline(always)] fn add(a: Self, b: Self) -> Self { a + b }
            #[inline(always)] fn sub(a: Self, b: Self) -> Self { a - b }
            #[inline(always)] fn mul(a: Self, b: Self) -> Self { a * b }
            #[inline(always)] fn true_div(a: Self, b: Self) -> Self { a / b }
            /// NumPy's `npy_floor_divide` (via `npy_divmod`).
            #[inline(always)]
            fn floor_div(a: Self, b: Self) -> Self {
                if b == 0.0 { return a / b; }
                let m = a % b;
                let mut div = (a - m) / b;
                if m != 0.0 && ((b < 0.0) != (m < 0.0)) { div -= 1.0; }
                if div == 0.0 { return (0.0 as $t).copysign(a / b); }
                let fl = div.floor();
                if div - fl > 0.5 { fl + 1.0 } else { fl }
            }
            /// NumPy's `npy_remainder`.
            #[inline(always)]
            fn rem(a: Self, b: Self) -> Self {
                if b == 0.0 { return a % b; }
                let m = a % b;
                if m != 0.0 {
                    if (b < 0.0) != (m < 0.0) { m + b } else { m }
                } else {
                    (0.0 as $t).copysign(b)
                }
            }
            #[inline(always)] fn neg(a: Self) -> Self { -a }
            #[inline(always)] fn pow(a: Self, b: Self) -> Option<Self> { Some(a.powf(b)) }
        }
    )*};
}
impl_arith_float!(f32, f64);

macro_rules! binary_ufunc {
    ($(#[$doc:meta])* $name:ident, $into:ident, $method:ident, $out:ty) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// `Broadcast` when the shapes do not broadcast.
        pub fn $name<T: Arith>(a: &impl AsView<T>, b: &impl AsView<T>) -> NdResult<NdArray<$out>> {
            map_binary(a, b, T::$method)
        }

        #[doc = concat!("`", stringify!($name), "` writing into `out` (NumPy: `np.", stringify!($name), "(a, b, out=out)`).")]
        ///
        /// # Errors
        /// `Broadcast`/`BroadcastTo` when the shapes do not fit `out`.
        pub fn $into<T: Arith>(a: &impl AsView<T>, b: &impl AsView<T>, out: &mut ArrayViewMut<'_, $out>) -> NdResult<()> {
            map_binary_into(a, b, out, T::$method)
        }
    };
}

binary_ufunc!(
    /// Element-wise `a + b` with broadcasting (NumPy: `np.add(a, b)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::arith::add};
    /// let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    /// let b = NdArray::from_vec(vec![10.0, 20.0]);
    /// assert_eq!(add(&a, &b).unwrap().to_vec(), vec![11.0, 22.0, 13.0, 24.0]);
    /// ```
    add, add_into, add, T
);
binary_ufunc!(
    /// Element-wise `a - b` (NumPy: `np.subtract(a, b)`).
    subtract, subtract_into, sub, T
);
binary_ufunc!(
    /// Element-wise `a * b` (NumPy: `np.multiply(a, b)`).
    multiply, multiply_into, mul, T
);
binary_ufunc!(
    /// Element-wise true division; integers give `float64` (NumPy: `np.divide(a, b)`).
    divide, divide_into, true_div, T::Quotient
);
binary_ufunc!(
    /// Element-wise floor division (NumPy: `np.floor_divide(a, b)`, `a // b`).
    floor_divide, floor_divide_into, floor_div, T
);
binary_ufunc!(
    /// Element-wise remainder with the divisor's sign (NumPy: `np.remainder(a, b)`, `a % b`).
    remainder, remainder_into, rem, T
);

/// Element-wise `a ** b` (NumPy: `np.power(a, b)`).
///
/// # Errors
/// `Broadcast`; `InvalidValue("Integers to negative integer powers are not allowed.")`.
pub fn power<T: Arith>(a: &impl AsView<T>, b: &impl AsView<T>) -> NdResult<NdArray<T>> {
    let bad = std::sync::atomic::AtomicBool::new(false);
    let out = map_binary(a, b, |x, y| {
        T::pow(x, y).unwrap_or_else(|| {
            bad.store(true, std::sync::atomic::Ordering::Relaxed);
            T::zero()
        })
    })?;
    if bad.into_inner() {
        return Err(NdError::InvalidValue(
            "Integers to negative integer powers are not allowed.".into(),
        ));
    }
    Ok(out)
}

/// Element-wise `-a` (NumPy: `np.negative(a)`).
pub fn negative<T: Arith>(a: &impl AsView<T>) -> NdArray<T> {
    super::map_unary(a, T::neg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_semantics_match_python() {
        for (a, b) in [
            (7i64, 2i64),
            (-7, 2),
            (7, -2),
            (-7, -2),
            (6, 3),
            (-6, 3),
            (0, 5),
        ] {
            let (q, r) = (i64::floor_div(a, b), i64::rem(a, b));
            assert_eq!(q * b + r, a, "{a} {b}");
            assert!(r == 0 || (r < 0) == (b < 0), "{a} % {b} = {r}");
        }
        assert_eq!(i64::floor_div(-7, 2), -4);
        assert_eq!(i64::rem(-7, 2), 1);
        assert_eq!(i32::floor_div(5, 0), 0);
        assert_eq!(u8::rem(5, 0), 0);
        assert_eq!(i8::floor_div(i8::MIN, -1), i8::MIN);
        assert_eq!(i8::add(127, 1), -128);
        assert_eq!(u8::neg(1), 255);
        assert_eq!(<i64 as Arith>::pow(3, 4), Some(81));
        assert_eq!(<i64 as Arith>::pow(3, -1), None);
        assert_eq!(<u8 as Arith>::pow(2, 9), Some(0));
    }

    #[test]
    fn float_semantics_match_numpy() {
        assert_eq!(f64::floor_div(7.0, 2.0), 3.0);
        assert_eq!(f64::floor_div(-7.0, 2.0), -4.0);
        assert_eq!(f64::rem(-7.0, 2.0), 1.0);
        assert_eq!(f64::rem(7.0, -2.0), -1.0);
        assert!(f64::rem(1.0, 0.0).is_nan());
        assert_eq!(f64::floor_div(1.0, 0.0), f64::INFINITY);
        assert_eq!(f64::rem(-4.0, 2.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(f64::rem(4.0, -2.0).to_bits(), (-0.0f64).to_bits());
        // np.floor_divide(0.3, 0.1) == 2.0 (not 3.0)
        assert_eq!(f64::floor_div(0.3, 0.1), 2.0);
    }
}
