//! Rust operators on arrays, views and scalars: `+ - * / %`, unary `-`, and the `op=` forms.
//!
//! `&a + &b` broadcasts like NumPy and panics with NumPy's message when shapes do not
//! broadcast (the fallible forms are the ufunc functions in [`super::arith`]). Integer `/`
//! is true division into `f64`, like NumPy. `a + b` with an owned, unshared `a` of the
//! result's shape reuses `a`'s buffer. `a += &b` writes through views and copies a shared
//! `NdArray` first (copy-on-write).

use super::arith::Arith;
use super::{map_binary, map_unary, update_binary};
use crate::array::{AsView, NdArray};
use crate::element::Element;
use crate::view::{ArrayView, ArrayViewMut, fail};
use std::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

#[track_caller]
fn binary<T: Arith, U: Element>(
    a: &impl AsView<T>,
    b: &impl AsView<T>,
    f: impl Fn(T, T) -> U + Sync,
) -> NdArray<U> {
    map_binary(a, b, f).unwrap_or_else(|e| fail(e))
}

/// `a op= b` on an owned array: in place when the result keeps `a`'s shape.
#[track_caller]
fn owned_binary<T: Arith>(
    mut a: NdArray<T>,
    b: &impl AsView<T>,
    f: impl Fn(T, T) -> T + Sync,
) -> NdArray<T> {
    let b = b.as_view();
    let keeps_shape =
        crate::broadcast::broadcast_shape_pair(a.shape(), b.shape()).is_ok_and(|s| s == a.shape());
    if keeps_shape && !a.is_shared() {
        update_binary(&mut a.view_mut(), &b, f).unwrap_or_else(|e| fail(e));
        a
    } else {
        binary(&a, &b, f)
    }
}

macro_rules! ref_ops {
    ($lhs:ty, $rhs:ty) => {
        impl<'l, 'r, T: Arith> Add<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T>;
            #[track_caller]
            fn add(self, rhs: &'r $rhs) -> NdArray<T> {
                binary(self, rhs, T::add)
            }
        }
        impl<'l, 'r, T: Arith> Sub<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T>;
            #[track_caller]
            fn sub(self, rhs: &'r $rhs) -> NdArray<T> {
                binary(self, rhs, T::sub)
            }
        }
        impl<'l, 'r, T: Arith> Mul<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T>;
            #[track_caller]
            fn mul(self, rhs: &'r $rhs) -> NdArray<T> {
                binary(self, rhs, T::mul)
            }
        }
        impl<'l, 'r, T: Arith> Div<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T::Quotient>;
            #[track_caller]
            fn div(self, rhs: &'r $rhs) -> NdArray<T::Quotient> {
                binary(self, rhs, T::true_div)
            }
        }
        impl<'l, 'r, T: Arith> Rem<&'r $rhs> for &'l $lhs {
            type Output = NdArray<T>;
            #[track_caller]
            fn rem(self, rhs: &'r $rhs) -> NdArray<T> {
                binary(self, rhs, T::rem)
            }
        }
    };
}

macro_rules! all_ref_ops {
    ($($lhs:ty),*) => {$(
        ref_ops!($lhs, NdArray<T>);
        ref_ops!($lhs, ArrayView<'r, T>);
        ref_ops!($lhs, ArrayViewMut<'r, T>);
    )*};
}
all_ref_ops!(NdArray<T>, ArrayView<'l, T>, ArrayViewMut<'l, T>);

macro_rules! owned_ops {
    ($($rhs:ty),*) => {$(
        impl<'r, T: Arith> Add<&'r $rhs> for NdArray<T> {
            type Output = NdArray<T>;
            #[track_caller]
            fn add(self, rhs: &'r $rhs) -> NdArray<T> { owned_binary(self, rhs, T::add) }
        }
        impl<'r, T: Arith> Sub<&'r $rhs> for NdArray<T> {
            type Output = NdArray<T>;
            #[track_caller]
            fn sub(self, rhs: &'r $rhs) -> NdArray<T> { owned_binary(self, rhs, T::sub) }
        }
        impl<'r, T: Arith> Mul<&'r $rhs> for NdArray<T> {
            type Output = NdArray<T>;
            #[track_caller]
            fn mul(self, rhs: &'r $rhs) -> NdArray<T> { owned_binary(self, rhs, T::mul) }
        }
    )*};
}
owned_ops!(NdArray<T>, ArrayView<'r, T>);

impl<T: Arith> Add for NdArray<T> {
    type Output = NdArray<T>;
    #[track_caller]
    fn add(self, rhs: NdArray<T>) -> NdArray<T> {
        owned_binary(self, &rhs, T::add)
    }
}
impl<T: Arith> Sub for NdArray<T> {
    type Output = NdArray<T>;
    #[track_caller]
    fn sub(self, rhs: NdArray<T>) -> NdArray<T> {
        owned_binary(self, &rhs, T::sub)
    }
}
impl<T: Arith> Mul for NdArray<T> {
    type Output = NdArray<T>;
    #[track_caller]
    fn mul(self, rhs: NdArray<T>) -> NdArray<T> {
        owned_binary(self, &rhs, T::mul)
    }
}

macro_rules! scalar_ops {
    ($($lhs:ty),*) => {$(
        impl<'l, T: Arith> Add<T> for &'l $lhs {
            type Output = NdArray<T>;
            fn add(self, s: T) -> NdArray<T> { map_unary(self, move |x| T::add(x, s)) }
        }
        impl<'l, T: Arith> Sub<T> for &'l $lhs {
            type Output = NdArray<T>;
            fn sub(self, s: T) -> NdArray<T> { map_unary(self, move |x| T::sub(x, s)) }
        }
        impl<'l, T: Arith> Mul<T> for &'l $lhs {
            type Output = NdArray<T>;
            fn mul(self, s: T) -> NdArray<T> { map_unary(self, move |x| T::mul(x, s)) }
        }
        impl<'l, T: Arith> Div<T> for &'l $lhs {
            type Output = NdArray<T::Quotient>;
            fn div(self, s: T) -> NdArray<T::Quotient> { map_unary(self, move |x| T::true_div(x, s)) }
        }
        impl<'l, T: Arith> Rem<T> for &'l $lhs {
            type Output = NdArray<T>;
            fn rem(self, s: T) -> NdArray<T> { map_unary(self, move |x| T::rem(x, s)) }
        }
        impl<'l, T: Arith> Neg for &'l $lhs {
            type Output = NdArray<T>;
            fn neg(self) -> NdArray<T> { map_unary(self, T::neg) }
        }
    )*};
}
scalar_ops!(NdArray<T>, ArrayView<'l, T>, ArrayViewMut<'l, T>);

impl<T: Arith> Add<T> for NdArray<T> {
    type Output = NdArray<T>;
    fn add(mut self, s: T) -> NdArray<T> {
        self.view_mut().mapv_inplace_par(move |x| T::add(x, s));
        self
    }
}
impl<T: Arith> Sub<T> for NdArray<T> {
    type Output = NdArray<T>;
    fn sub(mut self, s: T) -> NdArray<T> {
        self.view_mut().mapv_inplace_par(move |x| T::sub(x, s));
        self
    }
}
impl<T: Arith> Mul<T> for NdArray<T> {
    type Output = NdArray<T>;
    fn mul(mut self, s: T) -> NdArray<T> {
        self.view_mut().mapv_inplace_par(move |x| T::mul(x, s));
        self
    }
}
impl<T: Arith> Neg for NdArray<T> {
    type Output = NdArray<T>;
    fn neg(mut self) -> NdArray<T> {
        self.view_mut().mapv_inplace_par(T::neg);
        self
    }
}

/// `scalar op array` for each concrete element type (Rust's orphan rule needs them named).
macro_rules! scalar_lhs_ops {
    ($($t:ty),*) => {$(
        impl<'r> Add<&'r NdArray<$t>> for $t {
            type Output = NdArray<$t>;
            fn add(self, a: &'r NdArray<$t>) -> NdArray<$t> { map_unary(a, move |x| <$t as Arith>::add(self, x)) }
        }
        impl<'r> Sub<&'r NdArray<$t>> for $t {
            type Output = NdArray<$t>;
            fn sub(self, a: &'r NdArray<$t>) -> NdArray<$t> { map_unary(a, move |x| <$t as Arith>::sub(self, x)) }
        }
        impl<'r> Mul<&'r NdArray<$t>> for $t {
            type Output = NdArray<$t>;
            fn mul(self, a: &'r NdArray<$t>) -> NdArray<$t> { map_unary(a, move |x| <$t as Arith>::mul(self, x)) }
        }
        impl<'r> Div<&'r NdArray<$t>> for $t {
            type Output = NdArray<<$t as Arith>::Quotient>;
            fn div(self, a: &'r NdArray<$t>) -> Self::Output { map_unary(a, move |x| <$t as Arith>::true_div(self, x)) }
        }
        impl<'r, 'v> Add<&'r ArrayView<'v, $t>> for $t {
            type Output = NdArray<$t>;
            fn add(self, a: &'r ArrayView<'v, $t>) -> NdArray<$t> { map_unary(a, move |x| <$t as Arith>::add(self, x)) }
        }
        impl<'r, 'v> Sub<&'r ArrayView<'v, $t>> for $t {
            type Output = NdArray<$t>;
            fn sub(self, a: &'r ArrayView<'v, $t>) -> NdArray<$t> { map_unary(a, move |x| <$t as Arith>::sub(self, x)) }
        }
        impl<'r, 'v> Mul<&'r ArrayView<'v, $t>> for $t {
            type Output = NdArray<$t>;
            fn mul(self, a: &'r ArrayView<'v, $t>) -> NdArray<$t> { map_unary(a, move |x| <$t as Arith>::mul(self, x)) }
        }
    )*};
}
scalar_lhs_ops!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

macro_rules! assign_ops {
    ($($rhs:ty),*) => {$(
        impl<'r, T: Arith> AddAssign<&'r $rhs> for NdArray<T> {
            #[track_caller]
            fn add_assign(&mut self, rhs: &'r $rhs) { update_binary(&mut self.view_mut(), rhs, T::add).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, T: Arith> SubAssign<&'r $rhs> for NdArray<T> {
            #[track_caller]
            fn sub_assign(&mut self, rhs: &'r $rhs) { update_binary(&mut self.view_mut(), rhs, T::sub).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, T: Arith> MulAssign<&'r $rhs> for NdArray<T> {
            #[track_caller]
            fn mul_assign(&mut self, rhs: &'r $rhs) { update_binary(&mut self.view_mut(), rhs, T::mul).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, T: Arith<Quotient = T>> DivAssign<&'r $rhs> for NdArray<T> {
            #[track_caller]
            fn div_assign(&mut self, rhs: &'r $rhs) { update_binary(&mut self.view_mut(), rhs, T::true_div).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, T: Arith> RemAssign<&'r $rhs> for NdArray<T> {
            #[track_caller]
            fn rem_assign(&mut self, rhs: &'r $rhs) { update_binary(&mut self.view_mut(), rhs, T::rem).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, 'v, T: Arith> AddAssign<&'r $rhs> for ArrayViewMut<'v, T> {
            #[track_caller]
            fn add_assign(&mut self, rhs: &'r $rhs) { update_binary(self, rhs, T::add).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, 'v, T: Arith> SubAssign<&'r $rhs> for ArrayViewMut<'v, T> {
            #[track_caller]
            fn sub_assign(&mut self, rhs: &'r $rhs) { update_binary(self, rhs, T::sub).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, 'v, T: Arith> MulAssign<&'r $rhs> for ArrayViewMut<'v, T> {
            #[track_caller]
            fn mul_assign(&mut self, rhs: &'r $rhs) { update_binary(self, rhs, T::mul).unwrap_or_else(|e| fail(e)) }
        }
        impl<'r, 'v, T: Arith<Quotient = T>> DivAssign<&'r $rhs> for ArrayViewMut<'v, T> {
            #[track_caller]
            fn div_assign(&mut self, rhs: &'r $rhs) { update_binary(self, rhs, T::true_div).unwrap_or_else(|e| fail(e)) }
        }
    )*};
}
assign_ops!(NdArray<T>, ArrayView<'r, T>);

macro_rules! scalar_assign_ops {
    ($($ty:ty),*) => {$(
        impl<'v, T: Arith> AddAssign<T> for $ty {
            fn add_assign(&mut self, s: T) { self.view_mut().mapv_inplace_par(move |x| T::add(x, s)) }
        }
        impl<'v, T: Arith> SubAssign<T> for $ty {
            fn sub_assign(&mut self, s: T) { self.view_mut().mapv_inplace_par(move |x| T::sub(x, s)) }
        }
        impl<'v, T: Arith> MulAssign<T> for $ty {
            fn mul_assign(&mut self, s: T) { self.view_mut().mapv_inplace_par(move |x| T::mul(x, s)) }
        }
        impl<'v, T: Arith<Quotient = T>> DivAssign<T> for $ty {
            fn div_assign(&mut self, s: T) { self.view_mut().mapv_inplace_par(move |x| T::true_div(x, s)) }
        }
    )*};
}
scalar_assign_ops!(NdArray<T>, ArrayViewMut<'v, T>);

impl<T: Element> ArrayViewMut<'_, T> {
    /// Replaces every `x` with `f(x)`, threaded and SIMD-dispatched for large views.
    pub fn mapv_inplace_par(&mut self, f: impl Fn(T) -> T + Sync) {
        let total = self.size();
        numerust_kernels::dispatch::apply_many(crate::iter::runs::runs_mut(self), total, &f);
    }
}
