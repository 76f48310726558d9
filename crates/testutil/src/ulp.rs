//! ULP distance between floats, for accuracy tests.

/// Units in the last place between `a` and `b` (0 when bit-equal or both NaN; `u64::MAX` when
/// exactly one is NaN).
pub fn ulp_f64(a: f64, b: f64) -> u64 {
    if a.is_nan() && b.is_nan() {
        return 0;
    }
    if a.is_nan() || b.is_nan() {
        return u64::MAX;
    }
    let key = |x: f64| {
        let bits = x.to_bits() as i64;
        if bits < 0 {
            i64::MIN.wrapping_sub(bits)
        } else {
            bits
        }
    };
    key(a).abs_diff(key(b))
}

/// Units in the last place between two `f32`s.
pub fn ulp_f32(a: f32, b: f32) -> u64 {
    if a.is_nan() && b.is_nan() {
        return 0;
    }
    if a.is_nan() || b.is_nan() {
        return u64::MAX;
    }
    let key = |x: f32| {
        let bits = x.to_bits() as i32 as i64;
        if bits < 0 {
            (i32::MIN as i64) - bits
        } else {
            bits
        }
    };
    key(a).abs_diff(key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(ulp_f64(1.0, 1.0), 0);
        assert_eq!(ulp_f64(1.0, f64::from_bits(1.0f64.to_bits() + 1)), 1);
        assert_eq!(ulp_f64(0.0, -0.0), 0);
        assert_eq!(ulp_f64(f64::from_bits(1), -f64::from_bits(1)), 2);
        assert_eq!(ulp_f32(1.0, f32::from_bits(1.0f32.to_bits() + 3)), 3);
    }
}
