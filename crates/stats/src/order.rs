//! NumPy's sort order as integer keys: which element types sort, and how.
//!
//! Owns [`SortElement`] (bool, i8..i64, u8..u64, f32, f64) and [`RadixKey`]. Every element
//! maps to an unsigned key whose integer order is NumPy's order: floats by value with all
//! NaNs last (`np.sort` puts NaNs at the end), integers by value. Sorting keys instead of
//! values makes comparisons branch-free and lets the same LSD radix sort serve every type.
//! Two keys exist for floats: [`SortElement::to_key`] keeps `-0.0` below `0.0` (so a value
//! sort can map keys back to the exact values), and [`SortElement::eq_key`] merges them,
//! as NumPy's comparisons do (`-0.0 == 0.0`), for stable orders, ranks and uniqueness.
//! Complex numbers are not sortable here.

use numerust_core::{Element, NdArray};

/// An unsigned integer used as a radix-sort key.
pub trait RadixKey: Copy + Ord + Send + Sync + Default + std::fmt::Debug + 'static {
    /// Bits in the key.
    const BITS: u32;
    /// The key's bits `shift..shift + 11` (or fewer at the top) as a bucket number.
    fn digit(self, shift: u32, mask: usize) -> usize;
    /// The key widened to `u64` (order kept).
    fn to_u64(self) -> u64;
    /// The low bits of `v` as a key (the inverse of [`RadixKey::to_u64`] on its range).
    fn from_u64(v: u64) -> Self;
    /// Sorts `keys` ascending with the vectorised quicksort of `numerust_kernels::keysort`
    /// when the CPU has it for this width; `false` (keys untouched) otherwise.
    fn simd_sort(keys: &mut [Self]) -> bool {
        let _ = keys;
        false
    }
}

macro_rules! impl_key {
    ($($t:ty => $simd:expr),*) => {$(
        impl RadixKey for $t {
            const BITS: u32 = <$t>::BITS;
            #[inline(always)]
            fn digit(self, shift: u32, mask: usize) -> usize {
                (self >> shift) as usize & mask
            }
            #[inline(always)]
            fn to_u64(self) -> u64 {
                self as u64
            }
            #[inline(always)]
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            fn simd_sort(keys: &mut [$t]) -> bool {
                $simd(keys)
            }
        }
    )*};
}
impl_key!(
    u8 => |_: &mut [u8]| false,
    u16 => |_: &mut [u16]| false,
    u32 => numerust_kernels::keysort::sort_u32,
    u64 => numerust_kernels::keysort::sort_u64
);

/// Element types with NumPy's total sort order (NaNs last).
pub trait SortElement: Element + PartialOrd {
    /// The unsigned key type (same width as the element).
    type Key: RadixKey + Element;
    /// An order-preserving key: NaNs (any sign or payload) get the largest key and `-0.0`
    /// sorts just below `0.0`.
    fn to_key(self) -> Self::Key;
    /// The element with key `k` (inverse of [`SortElement::to_key`] for every non-NaN value;
    /// the NaN key gives a NaN).
    fn from_key(k: Self::Key) -> Self;
    /// [`SortElement::to_key`] with `-0.0` and `0.0` merged (NumPy's `==`).
    fn eq_key(self) -> Self::Key;
    /// Whether the value is NaN (never for integers and bool).
    fn isnan(self) -> bool;
    /// The value as `f64` (exact for every integer below 2^53 in magnitude).
    fn as_f64(self) -> f64;
    /// The slice's bytes as keys (same width), or `None` when the type has invalid bit
    /// patterns (bool). Pairs with [`SortElement::raw_to_key`].
    fn cast_keys(s: &mut [Self]) -> Option<&mut [Self::Key]>;
    /// The key of the element whose bits are `raw`.
    fn raw_to_key(raw: Self::Key) -> Self::Key;
    /// The bits of the element whose key is `k` (inverse of `raw_to_key` off NaN).
    fn key_to_raw(k: Self::Key) -> Self::Key;
    /// The [`SortElement::eq_key`] of the element whose [`SortElement::to_key`] is `k`
    /// (floats: `-0.0`'s key becomes `0.0`'s).
    #[inline(always)]
    fn eq_from_key(k: Self::Key) -> Self::Key {
        k
    }
    /// [`SortElement::raw_to_key`] on every element of `keys`, in place.
    fn raw_to_keys(keys: &mut [Self::Key]) {
        for k in keys.iter_mut() {
            *k = Self::raw_to_key(*k);
        }
    }
    /// [`SortElement::key_to_raw`] on every element of `keys`, in place.
    fn keys_to_raw(keys: &mut [Self::Key]) {
        for k in keys.iter_mut() {
            *k = Self::key_to_raw(*k);
        }
    }
    /// NumPy's `a < b` in sort order (NaN greater than everything, NaN == NaN).
    #[inline(always)]
    fn sort_lt(self, other: Self) -> bool {
        self.eq_key() < other.eq_key()
    }
}

macro_rules! impl_float {
    ($t:ty, $k:ty, $to_keys:path, $from_keys:path) => {
        impl SortElement for $t {
            type Key = $k;
            #[inline(always)]
            fn to_key(self) -> $k {
                if self.is_nan() {
                    return <$k>::MAX;
                }
                let b = self.to_bits();
                let sign = <$k>::MAX ^ (<$k>::MAX >> 1);
                if b & sign != 0 { !b } else { b | sign }
            }
            #[inline(always)]
            fn from_key(k: $k) -> $t {
                let sign = <$k>::MAX ^ (<$k>::MAX >> 1);
                <$t>::from_bits(if k & sign != 0 { k ^ sign } else { !k })
            }
            #[inline(always)]
            fn eq_key(self) -> $k {
                (self + 0.0).to_key()
            }
            #[inline(always)]
            fn isnan(self) -> bool {
                self.is_nan()
            }
            #[inline(always)]
            fn as_f64(self) -> f64 {
                self as f64
            }
            fn cast_keys(s: &mut [$t]) -> Option<&mut [$k]> {
                Some(bytemuck::cast_slice_mut(s))
            }
            #[inline(always)]
            fn raw_to_key(raw: $k) -> $k {
                <$t>::from_bits(raw).to_key()
            }
            #[inline(always)]
            fn key_to_raw(k: $k) -> $k {
                <$t>::from_key(k).to_bits()
            }
            fn raw_to_keys(keys: &mut [$k]) {
                $to_keys(keys)
            }
            #[inline(always)]
            fn eq_from_key(k: $k) -> $k {
                // -0.0 has the key just below 0.0's
                let neg_zero = !(1 as $k).rotate_right(1);
                if k == neg_zero { k + 1 } else { k }
            }
            fn keys_to_raw(keys: &mut [$k]) {
                $from_keys(keys)
            }
        }
    };
}
use numerust_kernels::keysort::{f32_from_keys, f32_to_keys, f64_from_keys, f64_to_keys};
impl_float!(f64, u64, f64_to_keys, f64_from_keys);
impl_float!(f32, u32, f32_to_keys, f32_from_keys);

macro_rules! impl_signed {
    ($($t:ty => $k:ty),*) => {$(
        impl SortElement for $t {
            type Key = $k;
            #[inline(always)]
            fn to_key(self) -> $k {
                (self as $k) ^ (1 << (<$k>::BITS - 1))
            }
            #[inline(always)]
            fn from_key(k: $k) -> $t {
                (k ^ (1 << (<$k>::BITS - 1))) as $t
            }
            #[inline(always)]
            fn eq_key(self) -> $k {
                self.to_key()
            }
            #[inline(always)]
            fn isnan(self) -> bool {
                false
            }
            #[inline(always)]
            fn as_f64(self) -> f64 {
                self as f64
            }
            fn cast_keys(s: &mut [$t]) -> Option<&mut [$k]> {
                Some(bytemuck::cast_slice_mut(s))
            }
            #[inline(always)]
            fn raw_to_key(raw: $k) -> $k {
                raw ^ (1 << (<$k>::BITS - 1))
            }
            #[inline(always)]
            fn key_to_raw(k: $k) -> $k {
                k ^ (1 << (<$k>::BITS - 1))
            }
        }
    )*};
}
impl_signed!(i8 => u8, i16 => u16, i32 => u32, i64 => u64);

macro_rules! impl_unsigned {
    ($($t:ty),*) => {$(
        impl SortElement for $t {
            type Key = $t;
            #[inline(always)]
            fn to_key(self) -> $t {
                self
            }
            #[inline(always)]
            fn from_key(k: $t) -> $t {
                k
            }
            #[inline(always)]
            fn eq_key(self) -> $t {
                self
            }
            #[inline(always)]
            fn isnan(self) -> bool {
                false
            }
            #[inline(always)]
            fn as_f64(self) -> f64 {
                self as f64
            }
            fn cast_keys(s: &mut [$t]) -> Option<&mut [$t]> {
                Some(s)
            }
            #[inline(always)]
            fn raw_to_key(raw: $t) -> $t {
                raw
            }
            #[inline(always)]
            fn key_to_raw(k: $t) -> $t {
                k
            }
        }
    )*};
}
impl_unsigned!(u8, u16, u32, u64);

impl SortElement for bool {
    type Key = u8;
    #[inline(always)]
    fn to_key(self) -> u8 {
        self as u8
    }
    #[inline(always)]
    fn from_key(k: u8) -> bool {
        k != 0
    }
    #[inline(always)]
    fn eq_key(self) -> u8 {
        self as u8
    }
    #[inline(always)]
    fn isnan(self) -> bool {
        false
    }
    #[inline(always)]
    fn as_f64(self) -> f64 {
        self as u8 as f64
    }
    fn cast_keys(_s: &mut [bool]) -> Option<&mut [u8]> {
        None
    }
    #[inline(always)]
    fn raw_to_key(raw: u8) -> u8 {
        raw
    }
    #[inline(always)]
    fn key_to_raw(k: u8) -> u8 {
        k
    }
}

/// Index arrays (NumPy's `intp`) are `i64`; this wraps a `Vec<usize>` of indices.
pub(crate) fn index_array(shape: &[usize], idx: Vec<i64>) -> NdArray<i64> {
    NdArray::from_shape_vec(shape, idx).expect("index count matches the shape")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_order_like_numpy() {
        let v = [
            f64::NEG_INFINITY,
            -1e300,
            -1.0,
            -f64::MIN_POSITIVE,
            -5e-324,
            -0.0,
            0.0,
            5e-324,
            1.0,
            f64::INFINITY,
        ];
        for w in v.windows(2) {
            assert!(w[0].to_key() < w[1].to_key(), "{w:?}");
        }
        for x in v {
            assert_eq!(f64::from_key(x.to_key()).to_bits(), x.to_bits());
        }
        assert_eq!(f64::NAN.to_key(), u64::MAX);
        assert_eq!((-f64::NAN).to_key(), u64::MAX);
        assert!(f64::from_key(u64::MAX).is_nan());
        assert_eq!((-0.0f64).eq_key(), 0.0f64.eq_key());
        assert!(f64::INFINITY.sort_lt(f64::NAN));
        assert!(!f64::NAN.sort_lt(f64::NAN));
        assert_eq!((-0.0f32).eq_key(), 0.0f32.eq_key());
        assert!(f32::from_key(f32::NAN.to_key()).is_nan());
    }

    #[test]
    fn int_keys_order_like_numpy() {
        let v = [i64::MIN, -1, 0, 1, i64::MAX];
        for w in v.windows(2) {
            assert!(w[0].to_key() < w[1].to_key());
        }
        for x in [i8::MIN, -1, 0, 7, i8::MAX] {
            assert_eq!(i8::from_key(x.to_key()), x);
        }
        assert!(false.to_key() < true.to_key());
    }
}
