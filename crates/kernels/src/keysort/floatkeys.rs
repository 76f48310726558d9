//! Float bits <-> order-preserving unsigned keys, 8 or 16 lanes at a time (AVX-512F).
//!
//! The key of a float with bits `b` is `!b` for a negative sign and `b | sign` otherwise,
//! so unsigned key order is the float order with `-0.0` just below `0.0`; every NaN (any
//! sign or payload) gets the largest key. The way back maps that key to a quiet NaN's bits
//! (`MAX ^ sign`). The scalar forms are the reference (`to_key`/`from_key`).

/// One conversion pair per width: `$k` bits, `$s` signed twin, then AVX-512F intrinsics.
macro_rules! float_keys {
    ($name:ident, $k:ty, $s:ty, $n:expr, $set1:ident, $srai:ident, $cmpgt:ident,
     $mov:ident) => {
        pub(super) mod $name {
            #[cfg(target_arch = "x86_64")]
            use std::arch::x86_64::*;

            #[cfg(target_arch = "x86_64")]
            const N: usize = $n;
            const SIGN: $k = 1 << (<$k>::BITS - 1);
            /// The bits of +infinity (exponent all ones, zero mantissa).
            const INF: $k = if <$k>::BITS == 64 {
                0x7FF0_0000_0000_0000u64 as $k
            } else {
                0x7F80_0000u32 as $k
            };

            /// The key of the float with bits `b` (the reference for the vector form).
            #[inline(always)]
            pub fn to_key(b: $k) -> $k {
                if b & !SIGN > INF {
                    return <$k>::MAX;
                }
                b ^ (((b as $s) >> (<$k>::BITS - 1)) as $k | SIGN)
            }

            /// The float bits of key `k` (the reference for the vector form).
            #[inline(always)]
            pub fn from_key(k: $k) -> $k {
                k ^ (!(((k as $s) >> (<$k>::BITS - 1)) as $k) | SIGN)
            }

            #[cfg(target_arch = "x86_64")]
            /// Applies `scalar` to every element and `vector` to whole vectors of them.
            #[inline(always)]
            fn map(
                keys: &mut [$k],
                scalar: impl Fn($k) -> $k,
                vector: impl Fn(__m512i) -> __m512i,
            ) {
                let mut chunks = keys.chunks_exact_mut(N);
                for c in &mut chunks {
                    let p = c.as_mut_ptr();
                    // SAFETY: `c` is N elements; only reached with AVX-512F (see callers).
                    unsafe { _mm512_storeu_si512(p.cast(), vector(_mm512_loadu_si512(p.cast()))) };
                }
                for x in chunks.into_remainder() {
                    *x = scalar(*x);
                }
            }

            /// Float bits to keys in place.
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx512f")]
            pub fn to_keys(keys: &mut [$k]) {
                let sign = $set1(SIGN as $s);
                let abs = $set1(!SIGN as $s);
                let inf = $set1(INF as $s);
                let max = $set1(-1);
                // (the closures inherit this function's target features)
                map(keys, to_key, |b| {
                    let flip = _mm512_or_si512($srai::<{ <$k>::BITS - 1 }>(b), sign);
                    let nan = $cmpgt(_mm512_and_si512(b, abs), inf);
                    $mov(_mm512_xor_si512(b, flip), nan, max)
                });
            }

            /// Keys back to float bits in place.
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx512f")]
            pub fn from_keys(keys: &mut [$k]) {
                let sign = $set1(SIGN as $s);
                let ones = $set1(-1);
                map(keys, from_key, |k| {
                    let s = $srai::<{ <$k>::BITS - 1 }>(k);
                    _mm512_xor_si512(k, _mm512_or_si512(_mm512_andnot_si512(s, ones), sign))
                });
            }
        }
    };
}

float_keys!(
    f64_keys,
    u64,
    i64,
    8,
    _mm512_set1_epi64,
    _mm512_srai_epi64,
    _mm512_cmpgt_epu64_mask,
    _mm512_mask_mov_epi64
);
float_keys!(
    f32_keys,
    u32,
    i32,
    16,
    _mm512_set1_epi32,
    _mm512_srai_epi32,
    _mm512_cmpgt_epu32_mask,
    _mm512_mask_mov_epi32
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every special class, then pseudo-random bits; the vector pass against the scalar
    /// reference and against the float order, at every length up to 3 vectors + 1.
    #[test]
    fn vector_keys_equal_scalar_keys_and_order_floats() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut bits: Vec<u64> = [
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0x7FF0_0000_0000_0001),
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            5e-324,
            -5e-324,
            f64::MAX,
            f64::MIN,
            1.0,
            -1.0,
        ]
        .iter()
        .map(|v| v.to_bits())
        .collect();
        bits.extend((0..40).map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        }));
        for n in 0..=bits.len() {
            let mut k = bits[..n].to_vec();
            crate::keysort::f64_to_keys(&mut k);
            let want: Vec<u64> = bits[..n].iter().map(|&b| f64_keys::to_key(b)).collect();
            assert_eq!(k, want, "n={n}");
            crate::keysort::f64_from_keys(&mut k);
            let back: Vec<u64> = want.iter().map(|&b| f64_keys::from_key(b)).collect();
            assert_eq!(k, back, "n={n}");
            let b32: Vec<u32> = bits[..n].iter().map(|&b| (b >> 32) as u32).collect();
            let mut k32 = b32.clone();
            crate::keysort::f32_to_keys(&mut k32);
            let want: Vec<u32> = b32.iter().map(|&b| f32_keys::to_key(b)).collect();
            assert_eq!(k32, want, "f32 n={n}");
            crate::keysort::f32_from_keys(&mut k32);
            let back: Vec<u32> = want.iter().map(|&b| f32_keys::from_key(b)).collect();
            assert_eq!(k32, back, "f32 n={n}");
        }
        for &a in &bits {
            for &b in &bits {
                let (fa, fb) = (f64::from_bits(a), f64::from_bits(b));
                let (ka, kb) = (f64_keys::to_key(a), f64_keys::to_key(b));
                if fa.is_nan() || fb.is_nan() {
                    assert_eq!(ka == u64::MAX, fa.is_nan());
                } else if fa.to_bits() != fb.to_bits() {
                    assert_eq!(ka < kb, fa.total_cmp(&fb).is_lt(), "{fa} {fb}");
                }
                if !fa.is_nan() {
                    assert_eq!(f64_keys::from_key(ka), a);
                }
            }
        }
    }
}
