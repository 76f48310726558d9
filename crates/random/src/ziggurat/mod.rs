//! The 256-layer ziggurat samplers for the standard normal and exponential distributions,
//! exactly as NumPy's `random_standard_normal`/`random_standard_exponential_zig` draw them.
//!
//! Each sample takes one raw word: low bits pick a layer, the rest give a sign and a
//! magnitude; 99 % of draws are accepted by one table comparison (the inlined fast path,
//! branch-free up to that comparison: the sign is applied by flipping the sign bit, as
//! `-x` does). The rare tail and wedge cases live in `#[cold]` functions that take the bit
//! generator by value and hand it back, so the caller's copy never has to live in memory.
//! The tables are NumPy's own (`tables.rs`, copied from the wheel), since the recurrence
//! that defines them cannot be reproduced to the last bit. `exp` and `ln_1p` are the
//! platform libm's, as in NumPy's C build (tails use `log1p(-u)`, NumPy's fix for `log(0)`,
//! GH 13361).

mod tables;

use crate::bitgen::BitGenerator;
use tables::*;

/// `x` with its sign flipped when `sign` is 1 (bit-identical to `-x`).
#[inline(always)]
fn with_sign(x: f64, sign: u64) -> f64 {
    f64::from_bits(x.to_bits() ^ (sign << 63))
}

/// One standard normal draw (NumPy: `random_standard_normal`).
#[inline(always)]
pub(crate) fn standard_normal<B: BitGenerator + Copy>(bg: &mut B) -> f64 {
    let r = bg.next_u64();
    let idx = (r & 0xff) as usize;
    let r = r >> 8;
    let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
    let x = with_sign(rabs as f64 * WI_DOUBLE[idx], r & 1);
    if rabs < KI_DOUBLE[idx] {
        return x;
    }
    let (v, next) = normal_unlikely(*bg, idx, rabs, x);
    *bg = next;
    v
}

/// The tail (layer 0) and wedge cases of [`standard_normal`]; a rejection starts over.
#[cold]
#[inline(never)]
fn normal_unlikely<B: BitGenerator>(
    mut bg: B,
    mut idx: usize,
    mut rabs: u64,
    mut x: f64,
) -> (f64, B) {
    loop {
        if idx == 0 {
            loop {
                let xx = -ZIGGURAT_NOR_INV_R * (-bg.next_double()).ln_1p();
                let yy = -(-bg.next_double()).ln_1p();
                if yy + yy > xx * xx {
                    let v = if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R + xx)
                    } else {
                        ZIGGURAT_NOR_R + xx
                    };
                    return (v, bg);
                }
            }
        }
        if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.next_double() + FI_DOUBLE[idx]
            < (-0.5 * x * x).exp()
        {
            return (x, bg);
        }
        let r = bg.next_u64();
        idx = (r & 0xff) as usize;
        let r = r >> 8;
        rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        x = with_sign(rabs as f64 * WI_DOUBLE[idx], r & 1);
        if rabs < KI_DOUBLE[idx] {
            return (x, bg);
        }
    }
}

/// One float32 standard normal draw from one `next_u32` (NumPy: `random_standard_normal_f`).
#[inline(always)]
pub(crate) fn standard_normal_f32<B: BitGenerator + Copy>(bg: &mut B) -> f32 {
    let r = bg.next_u32();
    let idx = (r & 0xff) as usize;
    let rabs = (r >> 9) & 0x007f_ffff;
    let x = f32::from_bits((rabs as f32 * WI_FLOAT[idx]).to_bits() ^ (((r >> 8) & 1) << 31));
    if rabs < KI_FLOAT[idx] {
        return x;
    }
    let (v, next) = normal_f32_unlikely(*bg, idx, rabs, x);
    *bg = next;
    v
}

#[cold]
#[inline(never)]
fn normal_f32_unlikely<B: BitGenerator>(
    mut bg: B,
    mut idx: usize,
    mut rabs: u32,
    mut x: f32,
) -> (f32, B) {
    let nor_r = ZIGGURAT_NOR_R as f32;
    let inv_r = ZIGGURAT_NOR_INV_R as f32;
    loop {
        if idx == 0 {
            loop {
                let xx = -inv_r * (-bg.next_float()).ln_1p();
                let yy = -(-bg.next_float()).ln_1p();
                if yy + yy > xx * xx {
                    let v = if (rabs >> 8) & 1 == 1 {
                        -(nor_r + xx)
                    } else {
                        nor_r + xx
                    };
                    return (v, bg);
                }
            }
        }
        // NumPy compares in double here (`exp(-0.5 * x * x)` on a float promotes).
        let lhs = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * bg.next_float() + FI_FLOAT[idx];
        if f64::from(lhs) < (-0.5 * f64::from(x) * f64::from(x)).exp() {
            return (x, bg);
        }
        let r = bg.next_u32();
        idx = (r & 0xff) as usize;
        rabs = (r >> 9) & 0x007f_ffff;
        x = f32::from_bits((rabs as f32 * WI_FLOAT[idx]).to_bits() ^ (((r >> 8) & 1) << 31));
        if rabs < KI_FLOAT[idx] {
            return (x, bg);
        }
    }
}

/// One standard exponential draw (NumPy: `random_standard_exponential_zig`).
#[inline(always)]
pub(crate) fn standard_exponential<B: BitGenerator + Copy>(bg: &mut B) -> f64 {
    let ri = bg.next_u64() >> 3;
    let idx = (ri & 0xff) as usize;
    let ri = ri >> 8;
    let x = ri as f64 * WE_DOUBLE[idx];
    if ri < KE_DOUBLE[idx] {
        return x;
    }
    let (v, next) = exponential_unlikely(*bg, idx, x);
    *bg = next;
    v
}

#[cold]
#[inline(never)]
fn exponential_unlikely<B: BitGenerator>(mut bg: B, mut idx: usize, mut x: f64) -> (f64, B) {
    loop {
        if idx == 0 {
            return (ZIGGURAT_EXP_R - (-bg.next_double()).ln_1p(), bg);
        }
        if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bg.next_double() + FE_DOUBLE[idx] < (-x).exp() {
            return (x, bg);
        }
        let ri = bg.next_u64() >> 3;
        idx = (ri & 0xff) as usize;
        let ri = ri >> 8;
        x = ri as f64 * WE_DOUBLE[idx];
        if ri < KE_DOUBLE[idx] {
            return (x, bg);
        }
    }
}

/// One float32 standard exponential draw (NumPy: `random_standard_exponential_zig_f`).
#[inline(always)]
pub(crate) fn standard_exponential_f32<B: BitGenerator + Copy>(bg: &mut B) -> f32 {
    let ri = bg.next_u32() >> 1;
    let idx = (ri & 0xff) as usize;
    let ri = ri >> 8;
    let x = ri as f32 * WE_FLOAT[idx];
    if ri < KE_FLOAT[idx] {
        return x;
    }
    let (v, next) = exponential_f32_unlikely(*bg, idx, x);
    *bg = next;
    v
}

#[cold]
#[inline(never)]
fn exponential_f32_unlikely<B: BitGenerator>(mut bg: B, mut idx: usize, mut x: f32) -> (f32, B) {
    loop {
        if idx == 0 {
            return (ZIGGURAT_EXP_R as f32 - (-bg.next_float()).ln_1p(), bg);
        }
        if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * bg.next_float() + FE_FLOAT[idx] < (-x).exp() {
            return (x, bg);
        }
        let ri = bg.next_u32() >> 1;
        idx = (ri & 0xff) as usize;
        let ri = ri >> 8;
        x = ri as f32 * WE_FLOAT[idx];
        if ri < KE_FLOAT[idx] {
            return (x, bg);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_numpys() {
        assert_eq!(KI_DOUBLE[0], 0x000E_F33D_8025_EF6A);
        assert_eq!(KI_DOUBLE[1], 0);
        assert_eq!(ZIGGURAT_NOR_R, 3.654152885361009);
        assert_eq!(ZIGGURAT_NOR_INV_R, 0.2736612373297583);
    }

    #[test]
    fn sign_flip_is_negation() {
        for x in [0.0, 1.5, f64::MIN_POSITIVE, 3.0e300] {
            assert_eq!(with_sign(x, 1).to_bits(), (-x).to_bits());
            assert_eq!(with_sign(x, 0).to_bits(), x.to_bits());
        }
    }
}
