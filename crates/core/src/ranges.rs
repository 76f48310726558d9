//! Evenly spaced values: `arange`, `linspace` (with `retstep`) and `logspace`.
//!
//! Each function reproduces NumPy's algorithm, not just its intent, so float results are
//! bit-identical to NumPy 2.x:
//! - `arange` (NumPy `PyArray_ArangeObj` and the `@NAME@_fill` loops in
//!   `numpy/_core/src/multiarray/{ctors.c,arraytypes.c.src}`): the length is
//!   `ceil((stop - start) / step)` with the division rounded to `f64` as Python rounds it;
//!   element 0 is `start`, element 1 is `next = start + step`, and element `i >= 2` is
//!   `start + i * delta` with `delta = next - start` (not `step`: the two differ in the last
//!   bit for e.g. `arange(0.3, 1.0, 0.1)`).
//! - `linspace` (`numpy/_core/function_base.py`): `step = (stop - start) / div`, then
//!   `y[i] = i * step + start`, except that a zero `step` (underflow) uses
//!   `y[i] = (i / div) * (stop - start) + start`, and the last element is set to `stop` when
//!   `endpoint` holds.
//! - `logspace`: `base.powf(linspace(..))`. NumPy's `np.power` uses SIMD (SVML) code on
//!   AVX-512 machines and the C library's `pow` elsewhere; numerust always uses the C
//!   library's, so results agree with NumPy's within 1 ULP (bit-identical where NumPy uses
//!   the C library).
//!
//! Arithmetic is done in the element type, as NumPy does when every argument has that dtype
//! (`np.float32` scalars with `dtype=np.float32`, or Python floats for `float64`). Outputs
//! are written once into fresh (huge-page, lazily zeroed) buffers by loops the compiler
//! vectorises. Nothing here reads an existing array.

use crate::array::NdArray;
use crate::element::Element;
use crate::elementwise::build_overwrite;
use crate::error::{NdError, NdResult};
use crate::layout::Order;
use std::ops::{Add, Div, Mul, Sub};

mod sealed {
    use crate::error::NdResult;

    /// The arithmetic behind `arange`, per element type. Not nameable outside the crate.
    pub trait Sealed: Copy {
        /// NumPy's length of `arange(start, stop, step)`, with NumPy's errors.
        fn arange_len(start: Self, stop: Self, step: Self) -> NdResult<usize>;
        /// The second element `start + step`, as NumPy computes it.
        fn arange_next(start: Self, step: Self) -> Self;
        /// `next - start`: the increment NumPy's fill loop uses.
        fn arange_delta(start: Self, next: Self) -> Self;
        /// Writes `out[i] = start + i * delta` for every `i`.
        fn arange_fill(out: &mut [Self], start: Self, delta: Self);
    }

    /// Conversions `linspace` needs, for `f32` and `f64`.
    pub trait SealedFloat: Sealed {
        /// `n` rounded to the nearest value of the type (C's integer-to-float conversion).
        fn from_usize(n: usize) -> Self;
        /// `x` rounded to the type (exact for the integer counters this module uses).
        fn from_f64(x: f64) -> Self;
        /// `self ** exponent` through the C library's `pow`/`powf`.
        fn pow(self, exponent: Self) -> Self;
        /// Not a number.
        fn nan() -> Self;
    }
}

/// An element type `arange` can produce: `i8`..`i64`, `u8`..`u64`, `f32`, `f64`.
///
/// For unsigned types the step is unsigned too, so their ranges only count up.
pub trait ArangeElement: Element + sealed::Sealed {}

/// A float element type of `linspace` and `logspace`: `f32` or `f64`.
pub trait LinspaceFloat:
    ArangeElement
    + sealed::SealedFloat
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
{
}

/// Largest length the exact `f64` counters of [`fill_indexed`] cover.
const EXACT_F64_INTEGERS: usize = 1 << 53;

/// Writes `out[i] = f(i as T)` (the index rounded to `T` as C and NumPy round it).
///
/// The index goes through eight `f64` lane counters stepped by 8.0: exact below 2^53, and
/// free of the integer-to-float conversions that do not vectorise on x86-64, so the loop
/// compiles to packed multiply-adds.
#[inline(always)]
fn fill_indexed<T: LinspaceFloat>(out: &mut [T], f: impl Fn(T) -> T) {
    const LANES: usize = 8;
    if out.len() >= EXACT_F64_INTEGERS {
        for (i, o) in out.iter_mut().enumerate() {
            *o = f(T::from_usize(i));
        }
        return;
    }
    let mut index: [f64; LANES] = std::array::from_fn(|j| j as f64);
    let mut chunks = out.chunks_exact_mut(LANES);
    for chunk in &mut chunks {
        for (o, ix) in chunk.iter_mut().zip(index.iter_mut()) {
            *o = f(T::from_f64(*ix));
            *ix += LANES as f64;
        }
    }
    for (o, ix) in chunks.into_remainder().iter_mut().zip(index) {
        *o = f(T::from_f64(ix));
    }
}

/// `ceil(x)` as a length, with the errors of NumPy's `_arange_safe_ceil_to_intp`.
fn ceil_to_len(x: f64) -> NdResult<usize> {
    let c = x.ceil();
    if c.is_nan() {
        return Err(NdError::InvalidValue(
            "arange: cannot compute length".into(),
        ));
    }
    // NumPy raises OverflowError here and `arange` rewrites it as this ValueError.
    if !(isize::MIN as f64 <= c && c <= isize::MAX as f64) {
        return Err(NdError::InvalidValue(
            "Maximum allowed size exceeded".into(),
        ));
    }
    Ok(if c <= 0.0 { 0 } else { c as usize })
}

macro_rules! impl_float {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {
            fn arange_len(start: $t, stop: $t, step: $t) -> NdResult<usize> {
                if step == 0.0 {
                    // Python's message for `(stop - start) / 0.0`.
                    return Err(NdError::InvalidValue("float division by zero".into()));
                }
                let delta = stop - start;
                let value = delta / step;
                // NumPy's underflow and divide-by-inf check.
                if value == 0.0 && delta != 0.0 {
                    return Ok(if value.is_sign_negative() { 0 } else { 1 });
                }
                ceil_to_len(value as f64)
            }
            fn arange_next(start: $t, step: $t) -> $t {
                start + step
            }
            fn arange_delta(start: $t, next: $t) -> $t {
                next - start
            }
            fn arange_fill(out: &mut [$t], start: $t, delta: $t) {
                fill_indexed(out, |i| start + i * delta);
            }
        }
        impl sealed::SealedFloat for $t {
            fn from_usize(n: usize) -> $t {
                n as $t
            }
            fn from_f64(x: f64) -> $t {
                x as $t
            }
            fn pow(self, exponent: $t) -> $t {
                self.powf(exponent)
            }
            fn nan() -> $t {
                <$t>::NAN
            }
        }
        impl ArangeElement for $t {}
        impl LinspaceFloat for $t {}
    )*};
}
impl_float!(f32, f64);

/// NumPy's integer `arange` length: `ceil(float((stop - start) / step))` where Python's true
/// division rounds the exact quotient to the nearest `f64` (ties to even). The rounding
/// matters: `np.arange(0, 2**62 + 1, 2**62)` has length 1, not 2.
fn int_arange_len(start: i128, stop: i128, step: i128) -> NdResult<usize> {
    if step == 0 {
        return Err(NdError::InvalidValue("division by zero".into()));
    }
    let diff = stop - start;
    if diff == 0 || (diff > 0) != (step > 0) {
        return Ok(0);
    }
    let (d, s) = (diff.unsigned_abs(), step.unsigned_abs());
    let (q, r) = (d / s, d % s);
    if q >= EXACT_F64_INTEGERS as u128 {
        return Err(NdError::InvalidValue(
            "Maximum allowed size exceeded".into(),
        ));
    }
    if r == 0 {
        return Ok(q as usize);
    }
    if q == 0 {
        return Ok(1);
    }
    // The quotient q + r/s lies strictly between q and q + 1 (both exact in f64); it rounds
    // down to q when r/s is below half the spacing 2^(e-52) of f64s above q, or equal to it
    // with q's significand even (always so when e < 52).
    let e = 127 - q.leading_zeros();
    let scaled = r << (53 - e);
    let q_even = e < 52 || q % 2 == 0;
    let rounds_to_q = scaled < s || (scaled == s && q_even);
    Ok(if rounds_to_q {
        q as usize
    } else {
        q as usize + 1
    })
}

macro_rules! impl_int {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {
            fn arange_len(start: $t, stop: $t, step: $t) -> NdResult<usize> {
                int_arange_len(start as i128, stop as i128, step as i128)
            }
            fn arange_next(start: $t, step: $t) -> $t {
                // Only used when the length is at least 2, so `next` lies before `stop`.
                start.wrapping_add(step)
            }
            fn arange_delta(start: $t, next: $t) -> $t {
                next.wrapping_sub(start)
            }
            fn arange_fill(out: &mut [$t], start: $t, delta: $t) {
                // NumPy computes in `npy_intp` and truncates: the same as wrapping in `$t`.
                for (i, o) in out.iter_mut().enumerate() {
                    *o = start.wrapping_add((i as $t).wrapping_mul(delta));
                }
            }
        }
        impl ArangeElement for $t {}
    )*};
}
impl_int!(i8, i16, i32, i64, u8, u16, u32, u64);

/// `0, 1, .., stop - 1`: values from 0 up to (not including) `stop` in steps of 1.
///
/// NumPy: `np.arange(stop)`.
///
/// ```
/// use numerust_core::arange;
/// assert_eq!(arange(5i64).unwrap().to_vec(), vec![0, 1, 2, 3, 4]);
/// assert_eq!(arange(2.5f64).unwrap().to_vec(), vec![0.0, 1.0, 2.0]);
/// assert_eq!(arange(-3i32).unwrap().size(), 0);
/// ```
///
/// # Errors
/// `InvalidValue` for a NaN or infinite `stop` (NumPy: "arange: cannot compute length",
/// "Maximum allowed size exceeded"); `ShapeOverflow` when the result cannot be allocated.
pub fn arange<T: ArangeElement>(stop: T) -> NdResult<NdArray<T>> {
    arange_range(T::zero(), stop, T::one())
}

/// Values from `start` up to (not including) `stop`, `step` apart: NumPy's length rule
/// `ceil((stop - start) / step)` (empty when `step` points away from `stop`) and NumPy's
/// values `start + i * ((start + step) - start)`, bit for bit.
///
/// NumPy: `np.arange(start, stop, step)` with `dtype` = `T` (for `f32`, NumPy computes the
/// length in `float32` when the arguments are `np.float32` scalars, as here).
///
/// ```
/// use numerust_core::arange_range;
/// let a = arange_range(0.0, 1.0, 0.1).unwrap();
/// assert_eq!(a.size(), 10);
/// assert_eq!(a[[3]], 0.30000000000000004); // as NumPy prints it
/// assert_eq!(arange_range(10, 0, -3).unwrap().to_vec(), vec![10, 7, 4, 1]);
/// assert!(arange_range(0, 5, -1).unwrap().is_empty());
/// assert!(arange_range(0.0, 1.0, 0.0).is_err());
/// ```
///
/// # Errors
/// `InvalidValue` when `step` is zero (Python's "division by zero" / "float division by
/// zero"), the length is NaN ("arange: cannot compute length") or too large ("Maximum
/// allowed size exceeded"); `ShapeOverflow` when the result cannot be allocated.
pub fn arange_range<T: ArangeElement>(start: T, stop: T, step: T) -> NdResult<NdArray<T>> {
    let len = T::arange_len(start, stop, step)?;
    build_overwrite(&[len], Order::C, |dst| {
        let out = dst.as_slice_mut().expect("a new 1-D array is contiguous");
        if out.len() == 1 {
            out[0] = start;
        } else if out.len() >= 2 {
            let next = T::arange_next(start, step);
            T::arange_fill(out, start, T::arange_delta(start, next));
            // NumPy stores `start` and `next` as given; the fill starts at index 2.
            out[0] = start;
            out[1] = next;
        }
    })
}

/// `num` evenly spaced values from `start` to `stop` (included when `endpoint`).
///
/// NumPy: `np.linspace(start, stop, num, endpoint)`; bit-identical to NumPy's algorithm
/// (see the module doc).
///
/// ```
/// use numerust_core::linspace;
/// assert_eq!(linspace(2.0, 3.0, 5, true).unwrap().to_vec(), vec![2.0, 2.25, 2.5, 2.75, 3.0]);
/// assert_eq!(linspace(2.0, 3.0, 5, false).unwrap().to_vec(), vec![2.0, 2.2, 2.4, 2.6, 2.8]);
/// assert!(linspace(0.0f32, 1.0, 0, true).unwrap().is_empty());
/// ```
///
/// # Errors
/// `ShapeOverflow` when `num` elements cannot be allocated.
pub fn linspace<T: LinspaceFloat>(
    start: T,
    stop: T,
    num: usize,
    endpoint: bool,
) -> NdResult<NdArray<T>> {
    linspace_retstep(start, stop, num, endpoint).map(|(y, _)| y)
}

/// [`linspace`] and its step, NaN when `num` leaves it undefined (0 values, or 1 value with
/// `endpoint`).
///
/// NumPy: `np.linspace(start, stop, num, endpoint, retstep=True)`.
///
/// ```
/// use numerust_core::linspace_retstep;
/// let (y, step) = linspace_retstep(2.0, 3.0, 5, true).unwrap();
/// assert_eq!(step, 0.25);
/// assert_eq!(y.size(), 5);
/// assert!(linspace_retstep(2.0f64, 3.0, 1, true).unwrap().1.is_nan());
/// ```
///
/// # Errors
/// `ShapeOverflow` when `num` elements cannot be allocated.
pub fn linspace_retstep<T: LinspaceFloat>(
    start: T,
    stop: T,
    num: usize,
    endpoint: bool,
) -> NdResult<(NdArray<T>, T)> {
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop - start;
    let zero = T::zero();
    let step = if div > 0 {
        delta / T::from_usize(div)
    } else {
        T::nan()
    };
    let y = build_overwrite(&[num], Order::C, |dst| {
        let out = dst.as_slice_mut().expect("a new 1-D array is contiguous");
        if div == 0 {
            // NumPy: `y = arange(num) * delta + start` with an undefined step.
            fill_indexed(out, |i| i * delta + start);
        } else if step == zero {
            // NumPy's denormal branch (gh-5437): `y = (arange(num) / div) * delta + start`.
            let div = T::from_usize(div);
            fill_indexed(out, |i| i / div * delta + start);
        } else {
            fill_indexed(out, |i| i * step + start);
        }
        if endpoint && num > 1 {
            out[num - 1] = stop;
        }
    })?;
    Ok((y, step))
}

/// `num` values spaced evenly on a log scale: `base ** linspace(start, stop, num, endpoint)`.
///
/// NumPy: `np.logspace(start, stop, num, endpoint, base)`. The exponents are bit-identical
/// to NumPy's; the powers come from the C library's `pow` and agree with NumPy within
/// 1 ULP (NumPy uses SVML on AVX-512 machines; see the module doc).
///
/// ```
/// use numerust_core::logspace;
/// let a = logspace(0.0, 3.0, 4, true, 10.0).unwrap();
/// assert_eq!(a.to_vec(), vec![1.0, 10.0, 100.0, 1000.0]);
/// let b = logspace(0.0f32, 3.0, 3, false, 2.0).unwrap();
/// assert_eq!(b.to_vec(), vec![1.0, 2.0, 4.0]);
/// ```
///
/// # Errors
/// `ShapeOverflow` when `num` elements cannot be allocated.
pub fn logspace<T: LinspaceFloat>(
    start: T,
    stop: T,
    num: usize,
    endpoint: bool,
    base: T,
) -> NdResult<NdArray<T>> {
    let mut y = linspace(start, stop, num, endpoint)?;
    let out = y.as_slice_mut().expect("a new 1-D array is contiguous");
    pow_in_place(out, base);
    Ok(y)
}

/// `x = base ** x` for every element, through the kernels' threaded in-place driver (the C
/// library's `pow` does not vectorise; threads split at fixed chunk boundaries, so the bits
/// never depend on the thread count).
// TODO(kernels): a vector `power` kernel will replace the per-element `pow`.
fn pow_in_place<T: LinspaceFloat>(out: &mut [T], base: T) {
    numerust_kernels::dispatch::apply(numerust_kernels::RunMut::from_slice(out), &move |x: T| {
        base.pow(x)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Python's `ceil(d / s)` for operands below 2^53: both convert exactly, so one `f64`
    /// division rounds the exact quotient once, as Python's int true division does.
    fn python_len(d: i64, s: i64) -> usize {
        ((d as f64) / (s as f64)).ceil().max(0.0) as usize
    }

    #[test]
    fn integer_length_rounds_like_python() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let cases = if cfg!(miri) { 200 } else { 200_000 };
        for _ in 0..cases {
            // Mixed magnitudes so quotients land near integers of every size.
            let d = (next() >> (11 + next() % 50)) as i64 * if next() % 2 == 0 { 1 } else { -1 };
            let s = ((next() >> (11 + next() % 52)) as i64).max(1);
            let s = if next() % 3 == 0 { -s } else { s };
            if (d / s).unsigned_abs() >= 1 << 40 {
                continue;
            }
            assert_eq!(
                int_arange_len(0, d as i128, s as i128).unwrap(),
                python_len(d, s),
                "{d} / {s}"
            );
        }
        // Quotients just above an integer that round down (length q) or up (q + 1).
        assert_eq!(int_arange_len(0, (1 << 62) + 1, 1 << 62).unwrap(), 1);
        assert_eq!(
            int_arange_len(0, (1 << 62) + (1 << 10), 1 << 62).unwrap(),
            2
        );
        // 3 + 2^-52 is half an ulp above 3, a tie that goes to 3 (even significand).
        assert_eq!(int_arange_len(0, 3 * (1 << 52) + 1, 1 << 52).unwrap(), 3);
        assert_eq!(int_arange_len(0, 3 * (1 << 52) + 2, 1 << 52).unwrap(), 4);
        // Exactly half an ulp above q: ties go to the even significand.
        assert_eq!(
            int_arange_len(0, ((1 << 52) + 1) * 2 + 1, 2).unwrap(),
            (1 << 52) + 2
        );
        assert_eq!(int_arange_len(0, (1 << 52) * 2 + 1, 2).unwrap(), 1 << 52);
    }

    #[test]
    fn index_counters_round_like_integer_conversion() {
        for i in ((1usize << 24) - 4..(1 << 24) + 64).chain((1 << 53) - 3..1 << 53) {
            assert_eq!(<f32 as sealed::SealedFloat>::from_f64(i as f64), i as f32);
            assert_eq!(<f64 as sealed::SealedFloat>::from_usize(i), i as f64);
        }
    }
}
