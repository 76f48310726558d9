//! Bounded integers: NumPy's rules for drawing `off + [0, rng]` at each width.
//!
//! The `Generator` uses Lemire's multiply-shift rejection, the legacy `RandomState` uses
//! masked rejection; both pick the raw-word width from the range (`next_u32` for ranges that
//! fit 32 bits even for 64-bit dtypes), and 8/16-bit dtypes and bool carve several values out
//! of one `next_u32` through a buffer that lives for one call. [`RandomInt`] ties each integer
//! dtype to its width. Also `random_interval` (masked rejection for shuffles).

use crate::bitgen::BitGenerator;
use numerust_core::Element;

/// How values are cut out of the raw words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// Lemire's multiply-shift (the `Generator`).
    Lemire,
    /// Masked rejection (the legacy `RandomState`).
    Masked,
}

/// Smallest `2^k - 1 >= max`.
#[inline]
pub(crate) fn gen_mask(max: u64) -> u64 {
    if max == 0 {
        0
    } else {
        u64::MAX >> max.leading_zeros()
    }
}

/// The per-call buffer for 8/16-bit values and bools: one `next_u32` feeds several values.
#[derive(Default)]
pub(crate) struct SmallBuf {
    buf: u32,
    count: u32,
}

impl SmallBuf {
    #[inline]
    fn next_bits<B: BitGenerator>(&mut self, bg: &mut B, bits: u32) -> u32 {
        if self.count == 0 {
            self.buf = bg.next_u32();
            self.count = 32 / bits - 1;
        } else {
            self.buf >>= bits;
            self.count -= 1;
        }
        self.buf
    }
}

/// Lemire's rejection on 32-bit words: a value in [0, rng], rng < 2^32 - 1.
#[inline(always)]
pub(crate) fn lemire32<B: BitGenerator>(bg: &mut B, rng: u32) -> u32 {
    let excl = rng.wrapping_add(1);
    let mut m = u64::from(bg.next_u32()) * u64::from(excl);
    let mut left = m as u32;
    if left < excl {
        let t = (u32::MAX - rng) % excl;
        while left < t {
            m = u64::from(bg.next_u32()) * u64::from(excl);
            left = m as u32;
        }
    }
    (m >> 32) as u32
}

/// Lemire's rejection on 64-bit words: a value in [0, rng], rng < 2^64 - 1.
#[inline(always)]
pub(crate) fn lemire64<B: BitGenerator>(bg: &mut B, rng: u64) -> u64 {
    let excl = rng.wrapping_add(1);
    let mut m = u128::from(bg.next_u64()) * u128::from(excl);
    let mut left = m as u64;
    if left < excl {
        let t = (u64::MAX - rng) % excl;
        while left < t {
            m = u128::from(bg.next_u64()) * u128::from(excl);
            left = m as u64;
        }
    }
    (m >> 64) as u64
}

/// Lemire's rejection on `bits`-bit values (8 or 16) from the call's buffer.
#[inline(always)]
fn lemire_small<B: BitGenerator>(bg: &mut B, sb: &mut SmallBuf, rng: u32, bits: u32) -> u32 {
    let full = (1u32 << bits) - 1;
    let excl = (rng + 1) & full;
    let mut m = (sb.next_bits(bg, bits) & full) * excl;
    let mut left = m & full;
    if left < excl {
        let t = (full - rng) % excl;
        while left < t {
            m = (sb.next_bits(bg, bits) & full) * excl;
            left = m & full;
        }
    }
    m >> bits
}

/// Masked rejection on `bits`-bit values from the call's buffer.
#[inline(always)]
fn masked_small<B: BitGenerator>(bg: &mut B, sb: &mut SmallBuf, rng: u32, bits: u32) -> u32 {
    let mask = gen_mask(u64::from(rng)) as u32;
    loop {
        let v = sb.next_bits(bg, bits) & mask;
        if v <= rng {
            return v;
        }
    }
}

/// Masked rejection on 32-bit words.
#[inline(always)]
fn masked32<B: BitGenerator>(bg: &mut B, rng: u32, mask: u32) -> u32 {
    loop {
        let v = bg.next_u32() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// Masked rejection on 64-bit words.
#[inline(always)]
fn masked64<B: BitGenerator>(bg: &mut B, rng: u64, mask: u64) -> u64 {
    loop {
        let v = bg.next_u64() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// One value in [0, rng] by NumPy's 64-bit dispatch (`random_bounded_uint64` without `off`):
/// what `choice` and its shuffles draw per index.
#[inline]
pub(crate) fn bounded_u64<B: BitGenerator>(bg: &mut B, rng: u64, method: Method) -> u64 {
    if rng == 0 {
        0
    } else if rng <= u64::from(u32::MAX) {
        if rng == u64::from(u32::MAX) {
            u64::from(bg.next_u32())
        } else if method == Method::Lemire {
            u64::from(lemire32(bg, rng as u32))
        } else {
            u64::from(masked32(bg, rng as u32, gen_mask(rng) as u32))
        }
    } else if rng == u64::MAX {
        bg.next_u64()
    } else if method == Method::Lemire {
        lemire64(bg, rng)
    } else {
        masked64(bg, rng, gen_mask(rng))
    }
}

/// One draw in [0, rng] at the value's width, sharing the call's small-value buffer: what
/// the broadcast (array-bounds) path does per element.
#[inline]
pub(crate) fn bounded_at_width<B: BitGenerator>(
    bg: &mut B,
    sb: &mut SmallBuf,
    rng: u64,
    bits: u32,
    method: Method,
) -> u64 {
    match bits {
        64 => bounded_u64(bg, rng, method),
        32 => {
            let rng = rng as u32;
            u64::from(if rng == 0 {
                0
            } else if rng == u32::MAX {
                bg.next_u32()
            } else if method == Method::Lemire {
                lemire32(bg, rng)
            } else {
                masked32(bg, rng, gen_mask(u64::from(rng)) as u32)
            })
        }
        1 => {
            if rng == 0 {
                0
            } else {
                u64::from(sb.next_bits(bg, 1) & 1)
            }
        }
        _ => {
            let rng = rng as u32;
            let full = (1u32 << bits) - 1;
            u64::from(if rng == 0 {
                0
            } else if rng == full {
                sb.next_bits(bg, bits) & full
            } else if method == Method::Lemire {
                lemire_small(bg, sb, rng, bits)
            } else {
                masked_small(bg, sb, rng, bits)
            })
        }
    }
}

/// Fills `out` with `off + [0, rng]` draws, choosing the loop once for the whole call
/// (NumPy: `random_bounded_uint{64,32,16,8}_fill`, `random_bounded_bool_fill`). `wrap` turns
/// the unsigned sum back into the dtype.
#[inline(always)]
pub(crate) fn fill<B: BitGenerator, T>(
    bg: &mut B,
    off: u64,
    rng: u64,
    bits: u32,
    method: Method,
    out: &mut [T],
    wrap: impl Fn(u64) -> T,
) {
    if rng == 0 {
        out.iter_mut().for_each(|x| *x = wrap(off));
        return;
    }
    match (bits, method) {
        (64 | 32, Method::Lemire) if rng < u64::from(u32::MAX) => {
            let r = rng as u32;
            for x in out.iter_mut() {
                *x = wrap(off.wrapping_add(u64::from(lemire32(bg, r))));
            }
        }
        (64 | 32, _) if rng == u64::from(u32::MAX) => {
            for x in out.iter_mut() {
                *x = wrap(off.wrapping_add(u64::from(bg.next_u32())));
            }
        }
        (64, Method::Lemire) if rng < u64::MAX => {
            for x in out.iter_mut() {
                *x = wrap(off.wrapping_add(lemire64(bg, rng)));
            }
        }
        _ => {
            let mut sb = SmallBuf::default();
            for x in out.iter_mut() {
                *x = wrap(off.wrapping_add(bounded_at_width(bg, &mut sb, rng, bits, method)));
            }
        }
    }
}

/// NumPy's `random_interval`: a value in [0, max] by masked rejection (shuffles).
#[inline]
pub(crate) fn random_interval<B: BitGenerator>(bg: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = gen_mask(max);
    if max <= u64::from(u32::MAX) {
        loop {
            let v = u64::from(bg.next_u32()) & mask;
            if v <= max {
                return v;
            }
        }
    }
    masked64(bg, max, mask)
}

mod sealed {
    pub trait Sealed {}
}

/// An integer dtype `integers` can draw: its width and the wrap between it and `u64`.
pub trait RandomInt: Element + PartialOrd + sealed::Sealed {
    /// Bits per value (1 for bool).
    const BITS: u32;
    /// The smallest value, as `i128`.
    const MIN_I128: i128;
    /// The largest value, as `i128`.
    const MAX_I128: i128;
    /// The value as `i128`.
    fn to_i128(self) -> i128;
    /// The low `BITS` bits of `v` as this type (two's complement for signed types).
    fn wrap(v: u64) -> Self;
}

macro_rules! random_int {
    ($($t:ty => $bits:expr),*) => {$(
        impl sealed::Sealed for $t {}
        impl RandomInt for $t {
            const BITS: u32 = $bits;
            const MIN_I128: i128 = <$t>::MIN as i128;
            const MAX_I128: i128 = <$t>::MAX as i128;
            #[inline(always)]
            fn to_i128(self) -> i128 {
                self as i128
            }
            #[inline(always)]
            fn wrap(v: u64) -> Self {
                v as $t
            }
        }
    )*};
}

random_int!(i8 => 8, i16 => 16, i32 => 32, i64 => 64, u8 => 8, u16 => 16, u32 => 32, u64 => 64);

impl sealed::Sealed for bool {}
impl RandomInt for bool {
    const BITS: u32 = 1;
    const MIN_I128: i128 = 0;
    const MAX_I128: i128 = 1;
    #[inline(always)]
    fn to_i128(self) -> i128 {
        i128::from(self)
    }
    #[inline(always)]
    fn wrap(v: u64) -> Self {
        v & 1 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(gen_mask(0), 0);
        assert_eq!(gen_mask(1), 1);
        assert_eq!(gen_mask(10), 15);
        assert_eq!(gen_mask(16), 31);
        assert_eq!(gen_mask(u64::MAX), u64::MAX);
    }
}
