//! Argument reduction modulo `π/2` for `sin`, `cos` and `tan`: `x = n π/2 + y0 + y1`, with
//! `y0 + y1` in about `[-π/4, π/4]` as an unevaluated double-double and `n mod 4` returned.
//!
//! - [`reduce`] (`|x| < 2^20`, branch-free): `n = rint(x · 2/π)`, then three Cody–Waite
//!   steps with `π/2` split into three 33-bit heads and a 53-bit tail (fdlibm's
//!   `__ieee754_rem_pio2` medium case, all rounds always taken). Each product `n · head` is
//!   exact, so about 118 bits of `π/2` survive the worst cancellation in this range.
//! - [`reduce_huge`] (any finite `x`, scalar): exact Payne–Hanek. With `x = m 2^e`, the bits
//!   of `2/π` that make `x · 2/π` a multiple of 4 are skipped, the next 192 bits are
//!   multiplied by `m` in integers, and the top 2 bits of the product are `n mod 4`, the next
//!   128 the fraction, which is then multiplied by `π/2` in double-double.
//!
//! Non-finite `x` gives NaN through [`reduce`] (`inf - inf`).

/// Fast-path bound: [`reduce`] is exact for `|x| < FAST_MAX`.
pub const FAST_MAX: f64 = 1_048_576.0;

const INVPIO2: f64 = std::f64::consts::FRAC_2_PI;
/// `1.5 · 2^52`: adding and subtracting it rounds to an integer.
const SHIFT: f64 = 6755399441055744.0;
const PIO2_1: f64 = 1.5707963267341256;
const PIO2_1T: f64 = 6.077100506506192e-11;
const PIO2_2: f64 = 6.077100506303966e-11;
const PIO2_3: f64 = 2.0222662487111665e-21;
const PIO2_3T: f64 = 8.4784276603689e-32;
const PIO2_HI: f64 = std::f64::consts::FRAC_PI_2;
const PIO2_LO: f64 = 6.123233995736766e-17;

/// Bits of `2/π` after the binary point, most significant first (bit 1 is the top bit
/// of word 0).
const TWO_OVER_PI: [u64; 20] = [
    0xa2f9836e4e441529,
    0xfc2757d1f534ddc0,
    0xdb6295993c439041,
    0xfe5163abdebbc561,
    0xb7246e3a424dd2e0,
    0x06492eea09d1921c,
    0xfe1deb1cb129a73e,
    0xe88235f52ebb4484,
    0xe99c7026b45f7e41,
    0x3991d639835339f4,
    0x9c845f8bbdf9283b,
    0x1ff897ffde05980f,
    0xef2f118b5a0a6d1f,
    0x6d367ecf27cb09b7,
    0x4f463f669e5fea2d,
    0x7527bac7ebe5f17b,
    0x3d0739f78a5292ea,
    0x6bfb5fb11f8d5d08,
    0x56033046fc7b6bab,
    0xf0cfbc209af4361d,
];

/// `(n mod 4, y0)` with `x ≈ n π/2 + y0` to about 85 bits of `π/2` (one Cody–Waite round):
/// enough for `f32` arguments with `|x| < FAST_MAX`.
#[inline(always)]
pub fn reduce_short(x: f64) -> (u64, f64) {
    let t = x * INVPIO2 + SHIFT;
    let n = t - SHIFT;
    let r = x - n * PIO2_1;
    let w = n * PIO2_1T;
    (t.to_bits() & 3, r - w)
}

/// `x - k π/2` for a given integer-valued `k` with `|k| < 2^21` (one Cody–Waite round, as
/// [`reduce_short`]).
#[inline(always)]
pub fn reduce_by_half_pi(x: f64, k: f64) -> f64 {
    (x - k * PIO2_1) - k * PIO2_1T
}

/// `(n mod 4, y0, y1)` with `x = n π/2 + y0 + y1`, for `|x| < FAST_MAX` (branch-free).
#[inline(always)]
pub fn reduce(x: f64) -> (u64, f64, f64) {
    let t = x * INVPIO2 + SHIFT;
    let n = t - SHIFT;
    // Each `n * PIO2_k` is exact; each difference's rounding error is carried.
    let r1 = x - n * PIO2_1;
    let w = n * PIO2_2;
    let r2 = r1 - w;
    let e2 = (r1 - r2) - w;
    let w = n * PIO2_3;
    let r3 = r2 - w;
    let e3 = (r2 - r3) - w;
    let tail = (e2 + e3) - n * PIO2_3T;
    // A zero tail must not turn `r3 = -0` into `+0`.
    let y0 = if tail == 0.0 { r3 } else { r3 + tail };
    let y1 = tail - (y0 - r3);
    (t.to_bits() & 3, y0, y1)
}

/// 64 bits of `2/π` starting at bit `i` (bit 1 = first after the point; bits `<= 0` are 0).
fn window(i: i64) -> u64 {
    if i <= -63 {
        return 0;
    }
    if i <= 0 {
        return window(1) >> (1 - i);
    }
    let p = (i - 1) as usize;
    let (k, sh) = (p / 64, p % 64);
    let hi = TWO_OVER_PI.get(k).copied().unwrap_or(0);
    if sh == 0 {
        hi
    } else {
        let lo = TWO_OVER_PI.get(k + 1).copied().unwrap_or(0);
        (hi << sh) | (lo >> (64 - sh))
    }
}

/// `2^k` for `-1022 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((1023 + k) as u64) << 52)
}

/// `(n mod 4, y0, y1)` with `x = n π/2 + y0 + y1` for any finite `x` (exact Payne–Hanek).
pub fn reduce_huge(x: f64) -> (u64, f64, f64) {
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    if biased < 1023 - 30 {
        // Tiny: no reduction (only reached when called directly).
        return (0, x, 0.0);
    }
    let m = (bits & ((1 << 52) - 1)) | (1 << 52);
    let e = biased - 1075; // |x| = m · 2^e
    let i0 = e - 1; // bits of 2/π before i0 contribute multiples of 4
    let (w0, w1, w2) = (window(i0), window(i0 + 64), window(i0 + 128));
    // (m · w) mod 2^192, w = w0:w1:w2.
    let m = m as u128;
    let p = m * w2 as u128;
    let l0 = p as u64;
    let p = m * w1 as u128 + (p >> 64);
    let l1 = p as u64;
    let p = m * w0 as u128 + (p >> 64);
    let l2 = p as u64;
    // Top 2 bits: n mod 4; next 128 bits: the fraction.
    let mut q = l2 >> 62;
    let frac = ((((l2 << 2) | (l1 >> 62)) as u128) << 64) | ((l1 << 2) | (l0 >> 62)) as u128;
    let (neg, mag) = if frac >> 127 == 1 {
        q = (q + 1) & 3;
        (true, frac.wrapping_neg())
    } else {
        (false, frac)
    };
    let lz = mag.leading_zeros() as i64;
    let g = mag << lz;
    let hi = (g >> 75) as u64 as f64 * pow2(-53 - lz);
    let rest = g & ((1u128 << 75) - 1);
    let lo = (rest >> 11) as u64 as f64 * pow2(11 - 128 - lz);
    // (hi + lo) · π/2 in double-double.
    let r = hi * PIO2_HI;
    let err = hi.mul_add(PIO2_HI, -r);
    let t = err + (hi * PIO2_LO + lo * PIO2_HI);
    let y0 = r + t;
    let y1 = t - (y0 - r);
    let (y0, y1) = if neg { (-y0, -y1) } else { (y0, y1) };
    if x < 0.0 {
        ((4 - q) & 3, -y0, -y1)
    } else {
        (q, y0, y1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_agrees_with_fast_in_the_fast_range() {
        let mut x = 0.9;
        while x < FAST_MAX {
            for s in [x, -x] {
                let (qa, a0, a1) = reduce(s);
                let (qb, b0, b1) = reduce_huge(s);
                // Same n, or n differing by one at a boundary with y0 near ±π/4.
                if qa == qb {
                    assert!(((a0 - b0) + (a1 - b1)).abs() <= 1e-30 * a0.abs().max(1e-300));
                } else {
                    assert!((a0.abs() - std::f64::consts::FRAC_PI_4).abs() < 1e-9, "{s}");
                }
            }
            x *= 1.37;
        }
    }
}
