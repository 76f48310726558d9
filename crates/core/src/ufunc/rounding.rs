//! Rounding ufuncs: `floor`, `ceil`, `trunc`, `rint` and `round(decimals)`.
//!
//! - `floor`/`ceil`/`trunc` keep integer input unchanged and integer-typed, as NumPy 2 does.
//! - `rint` and `round` round half to even (`rint(2.5) == 2.0`, `rint(-0.5) == -0.0`).
//! - `round(a, decimals)` is NumPy's algorithm, not a correctly rounded decimal round: with
//!   `f = 10.0**decimals` (NumPy's `power_of_ten`, a `float64` cast to the array's float
//!   type) it computes `rint(a * f) / f`, or `rint(a / f) * f` for negative `decimals`, so
//!   `round(2.675, 2) == 2.68` (Python's `round` gives 2.67) and `round(1.005, 2) == 1.0`
//!   exactly as in NumPy. Integers with
//!   `decimals >= 0` are returned unchanged; with `decimals < 0` the work is done in `float64`
//!   and converted back (`round(25, -1) == 20`).

use super::simple::{Real, RealFloat, unary_ufunc};
use super::{map_unary, map_unary_into};
use crate::array::{AsView, NdArray};
use crate::error::NdResult;
use crate::view::ArrayViewMut;

unary_ufunc!(
    /// Element-wise floor (NumPy: `np.floor(a)`); integers are unchanged.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::rounding::floor};
    /// assert_eq!(floor(&NdArray::from_vec(vec![-1.5, 2.7])).to_vec(), vec![-2.0, 2.0]);
    /// ```
    floor, floor_into, Real, Real::floor, T
);
unary_ufunc!(
    /// Element-wise ceiling (NumPy: `np.ceil(a)`); integers are unchanged.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::rounding::ceil};
    /// assert_eq!(ceil(&NdArray::from_vec(vec![-1.5, 2.2])).to_vec(), vec![-1.0, 3.0]);
    /// ```
    ceil, ceil_into, Real, Real::ceil, T
);
unary_ufunc!(
    /// Element-wise rounding toward zero (NumPy: `np.trunc(a)`); integers are unchanged.
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::rounding::trunc};
    /// assert_eq!(trunc(&NdArray::from_vec(vec![-1.7, 2.7])).to_vec(), vec![-1.0, 2.0]);
    /// ```
    trunc, trunc_into, Real, Real::trunc, T
);
unary_ufunc!(
    /// Element-wise round to the nearest integer, ties to even (NumPy: `np.rint(a)`).
    ///
    /// ```
    /// use numerust_core::{NdArray, ufunc::rounding::rint};
    /// let r = rint(&NdArray::from_vec(vec![2.5f64, 3.5, -0.5])).to_vec();
    /// assert_eq!(r, vec![2.0, 4.0, -0.0]);
    /// assert!(r[2].is_sign_negative());
    /// ```
    rint, rint_into, RealFloat, RealFloat::rint, T
);

/// NumPy's `power_of_ten(n)` (multiarray/calculation.c): a table up to `1e8`, then `1e9`
/// multiplied by 10 once per further digit (which is not always the literal `1e{n}`).
pub fn power_of_ten(n: u32) -> f64 {
    const P10: [f64; 9] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
    if n < 9 {
        P10[n as usize]
    } else {
        let mut r: f64 = 1e9;
        for _ in 9..n {
            r *= 10.0;
            if r.is_infinite() {
                break; // NumPy loops on; the value stays inf.
            }
        }
        r
    }
}

/// Element-wise round to `decimals` places, half to even (NumPy: `np.round(a, decimals)`,
/// `np.around`).
///
/// Uses NumPy's algorithm (see the module doc), so results equal NumPy's bit for bit,
/// including its well-known decimal surprises. Negative `decimals` round to tens, hundreds...
///
/// ```
/// use numerust_core::{NdArray, ufunc::rounding::round};
/// let a = NdArray::from_vec(vec![2.5, -0.5, 2.675, 1234.5]);
/// assert_eq!(round(&a, 0).to_vec(), vec![2.0, -0.0, 3.0, 1234.0]);
/// assert_eq!(round(&a, 2).to_vec(), vec![2.5, -0.5, 2.68, 1234.5]);
/// assert_eq!(round(&NdArray::from_vec(vec![1255i32, 25]), -1).to_vec(), vec![1260, 20]);
/// ```
pub fn round<T: Real>(a: &impl AsView<T>, decimals: i32) -> NdArray<T> {
    let pow10 = power_of_ten(decimals.unsigned_abs());
    map_unary(a, move |x| T::round_decimals(x, decimals, pow10))
}

/// [`round`] writing into `out` (NumPy: `np.round(a, decimals, out=out)`).
///
/// # Errors
/// `BroadcastTo` when `a` cannot be broadcast to `out`'s shape.
pub fn round_into<T: Real>(
    a: &impl AsView<T>,
    decimals: i32,
    out: &mut ArrayViewMut<'_, T>,
) -> NdResult<()> {
    let pow10 = power_of_ten(decimals.unsigned_abs());
    map_unary_into(a, out, move |x| T::round_decimals(x, decimals, pow10))
}

impl<T: Real> NdArray<T> {
    /// Element-wise round to `decimals` places, half to even (NumPy: `a.round(decimals)`);
    /// see [`round`].
    pub fn round(&self, decimals: i32) -> NdArray<T> {
        round(self, decimals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_of_ten_matches_numpy_loop() {
        assert_eq!(power_of_ten(0), 1.0);
        assert_eq!(power_of_ten(8), 1e8);
        assert_eq!(power_of_ten(9), 1e9);
        assert_eq!(power_of_ten(12), 1e9 * 10.0 * 10.0 * 10.0);
    }
}
