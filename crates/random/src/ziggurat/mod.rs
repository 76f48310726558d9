//! The 256-layer ziggurat samplers for the standard normal and exponential distributions,
//! exactly as NumPy's `random_standard_normal`/`random_standard_exponential_zig` draw them.
//!
//! Each sample takes one raw word: low bits pick a layer, the rest give a sign and a
//! magnitude; 99 % of draws are accepted by one table comparison (the inlined fast path).
//! The rare tail and wedge cases live in `#[cold]` functions. The tables are NumPy's own
//! (`tables.rs`, copied from the wheel), since the recurrence that defines them cannot be
//! reproduced to the last bit. `exp` and `ln_1p` are the platform libm's, as in NumPy's C build
//! (tails use `log1p(-u)`, NumPy's fix for `log(0)`, GH 13361).

mod tables;

use crate::bitgen::BitGenerator;
use tables::*;

/// One standard normal draw (NumPy: `random_standard_normal`).
#[inline(always)]
pub(crate) fn standard_normal<B: BitGenerator>(bg: &mut B) -> f64 {
    let r = bg.next_u64();
    let idx = (r & 0xff) as usize;
    let r = r >> 8;
    let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
    let mut x = rabs as f64 * WI_DOUBLE[idx];
    if r & 1 == 1 {
        x = -x;
    }
    if rabs < KI_DOUBLE[idx] {
        return x;
    }
    normal_unlikely(bg, idx, rabs, x)
}

/// The tail (layer 0) and wedge cases of [`standard_normal`]; a rejection starts over.
#[cold]
#[inline(never)]
fn normal_unlikely<B: BitGenerator>(bg: &mut B, mut idx: usize, mut rabs: u64, mut x: f64) -> f64 {
    loop {
        if idx == 0 {
            loop {
                let xx = -ZIGGURAT_NOR_INV_R * (-bg.next_double()).ln_1p();
                let yy = -(-bg.next_double()).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R + xx)
                    } else {
                        ZIGGURAT_NOR_R + xx
                    };
                }
            }
        }
        if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.next_double() + FI_DOUBLE[idx]
            < (-0.5 * x * x).exp()
        {
            return x;
        }
        let r = bg.next_u64();
        idx = (r & 0xff) as usize;
        let r = r >> 8;
        rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        x = rabs as f64 * WI_DOUBLE[idx];
        if r & 1 == 1 {
            x = -x;
        }
        if rabs < KI_DOUBLE[idx] {
            return x;
        }
    }
}

/// One float32 standard normal draw from one `next_u32` (NumPy: `random_standard_normal_f`).
#[inline(always)]
pub(crate) fn standard_normal_f32<B: BitGenerator>(bg: &mut B) -> f32 {
    loop {
        let r = bg.next_u32();
        let idx = (r & 0xff) as usize;
        let rabs = (r >> 9) & 0x007f_ffff;
        let mut x = rabs as f32 * WI_FLOAT[idx];
        if (r >> 8) & 1 == 1 {
            x = -x;
        }
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if let Some(v) = normal_f32_unlikely(bg, idx, rabs, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn normal_f32_unlikely<B: BitGenerator>(bg: &mut B, idx: usize, rabs: u32, x: f32) -> Option<f32> {
    let r = ZIGGURAT_NOR_R as f32;
    let inv_r = ZIGGURAT_NOR_INV_R as f32;
    if idx == 0 {
        loop {
            let xx = -inv_r * (-bg.next_float()).ln_1p();
            let yy = -(-bg.next_float()).ln_1p();
            if yy + yy > xx * xx {
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(r + xx)
                } else {
                    r + xx
                });
            }
        }
    }
    // NumPy compares in double here (`exp(-0.5 * x * x)` on a float promotes).
    let lhs = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * bg.next_float() + FI_FLOAT[idx];
    (f64::from(lhs) < (-0.5 * f64::from(x) * f64::from(x)).exp()).then_some(x)
}

/// One standard exponential draw (NumPy: `random_standard_exponential_zig`).
#[inline(always)]
pub(crate) fn standard_exponential<B: BitGenerator>(bg: &mut B) -> f64 {
    loop {
        let ri = bg.next_u64() >> 3;
        let idx = (ri & 0xff) as usize;
        let ri = ri >> 8;
        let x = ri as f64 * WE_DOUBLE[idx];
        if ri < KE_DOUBLE[idx] {
            return x;
        }
        if let Some(v) = exponential_unlikely(bg, idx, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn exponential_unlikely<B: BitGenerator>(bg: &mut B, idx: usize, x: f64) -> Option<f64> {
    if idx == 0 {
        return Some(ZIGGURAT_EXP_R - (-bg.next_double()).ln_1p());
    }
    ((FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bg.next_double() + FE_DOUBLE[idx] < (-x).exp())
        .then_some(x)
}

/// One float32 standard exponential draw (NumPy: `random_standard_exponential_zig_f`).
#[inline(always)]
pub(crate) fn standard_exponential_f32<B: BitGenerator>(bg: &mut B) -> f32 {
    loop {
        let ri = bg.next_u32() >> 1;
        let idx = (ri & 0xff) as usize;
        let ri = ri >> 8;
        let x = ri as f32 * WE_FLOAT[idx];
        if ri < KE_FLOAT[idx] {
            return x;
        }
        if let Some(v) = exponential_f32_unlikely(bg, idx, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn exponential_f32_unlikely<B: BitGenerator>(bg: &mut B, idx: usize, x: f32) -> Option<f32> {
    if idx == 0 {
        return Some(ZIGGURAT_EXP_R as f32 - (-bg.next_float()).ln_1p());
    }
    ((FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * bg.next_float() + FE_FLOAT[idx] < (-x).exp())
        .then_some(x)
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
}
