//! Dragon4 float-to-decimal conversion with NumPy's options: the digits behind every float
//! that numerust prints.
//!
//! Owns exact decimal digit generation for `f32`/`f64` (shortest unique digits, digit
//! cut-offs, minimum digit counts) and NumPy's positional (`12.5`) and scientific
//! (`1.25e+01`) layouts with their trim and padding rules. It must not know about arrays.
//!
//! The algorithm is Steele & White / Burger & Dybvig's Dragon4 on exact big integers, as
//! Ryan Juckett wrote it and NumPy adapted it (`numpy/_core/src/multiarray/dragon4.c`,
//! MIT). NumPy's digit rules differ from Rust's `{}`/`{:.N}` in two places that change
//! printed arrays, so they are reproduced exactly rather than built on `core::fmt`:
//! - past the shortest unique digits (the `min_digits` option, used to give every element
//!   of a scientific-notation array the same digit count) NumPy keeps generating digits of
//!   the exact binary value and rounds the last one by its uniqueness margins: `float32`
//!   `1e-5` padded to 8 digits prints `9.9999997e-06`, not `1.0000000e-05`;
//! - the first digit is searched with `v < 10^k` (not `high < 10^k`), so a carry can add a
//!   digit, which is then rounded as NumPy rounds it.

use super::bigint::Big;
use std::cmp::Ordering;

/// A finite float as `mantissa * 2^exponent`, with what Dragon4 needs to know about its
/// neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    mantissa: u64,
    exponent: i32,
    /// Index of the mantissa's highest set bit.
    mantissa_bit: u32,
    /// The gap to the next float up is twice the gap down (a power of two, not the
    /// smallest normal).
    unequal_margins: bool,
}

/// A float split for printing: its sign bit and its value class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FloatParts {
    /// NaN (the sign is never printed).
    Nan,
    /// Infinity of the given sign.
    Inf,
    /// A finite value (zero included).
    Finite(Decoded),
}

/// The float types Dragon4 can print.
pub(crate) trait DecodeFloat: Copy + PartialOrd + std::fmt::Debug {
    /// Sign bit and value class.
    fn decode(self) -> (bool, FloatParts);
}

fn decode_bits(
    sign: bool,
    biased: u32,
    frac: u64,
    frac_bits: u32,
    max_biased: u32,
    bias: i32,
) -> (bool, FloatParts) {
    if biased == max_biased {
        return (
            sign,
            if frac == 0 {
                FloatParts::Inf
            } else {
                FloatParts::Nan
            },
        );
    }
    let d = if biased != 0 {
        Decoded {
            mantissa: (1u64 << frac_bits) | frac,
            exponent: biased as i32 - bias - frac_bits as i32,
            mantissa_bit: frac_bits,
            unequal_margins: biased != 1 && frac == 0,
        }
    } else {
        Decoded {
            mantissa: frac,
            exponent: 1 - bias - frac_bits as i32,
            mantissa_bit: frac.checked_ilog2().unwrap_or(0),
            unequal_margins: false,
        }
    };
    (sign, FloatParts::Finite(d))
}

impl DecodeFloat for f64 {
    fn decode(self) -> (bool, FloatParts) {
        let bits = self.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as u32;
        decode_bits(
            bits >> 63 != 0,
            biased,
            bits & ((1 << 52) - 1),
            52,
            0x7ff,
            1023,
        )
    }
}

impl DecodeFloat for f32 {
    fn decode(self) -> (bool, FloatParts) {
        let bits = self.to_bits();
        let biased = (bits >> 23) & 0xff;
        let frac = u64::from(bits & ((1 << 23) - 1));
        decode_bits(bits >> 31 != 0, biased, frac, 23, 0xff, 127)
    }
}

/// What the digit cut-offs count: digits after the decimal point, or all digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cutoff {
    Fraction,
    Total,
}

/// NumPy's `trim` option: what happens to trailing zeros and the decimal point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trim {
    /// `'k'`: keep trailing zeros (pad to `min_digits`) and the point.
    Keep,
    /// `'.'`: trim trailing zeros, keep the point (`1.`).
    Zeros,
    /// `'0'`: trim trailing zeros but keep one after the point (`1.0`).
    LeaveOneZero,
    /// `'-'`: trim trailing zeros and the point (`1`).
    DptZeros,
}

/// Options of NumPy's `dragon4_positional` / `dragon4_scientific` (unique digit mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FloatOpts {
    /// Max digits after the point (positional) or after the first digit (scientific);
    /// negative for none.
    pub precision: i32,
    /// Min digits counted like `precision`; negative for none.
    pub min_digits: i32,
    /// Print `+` for non-negative values.
    pub sign: bool,
    /// Trailing-zero handling.
    pub trim: Trim,
    /// Pad with spaces to this many characters left of the point; negative for none.
    pub pad_left: i32,
    /// Pad with spaces to this many characters right of the point (positional only).
    pub pad_right: i32,
    /// Min exponent digits (scientific only); negative for the default 2.
    pub exp_digits: i32,
}

impl FloatOpts {
    /// Shortest unique digits, no cut-off, no padding.
    pub(crate) fn unique(trim: Trim) -> FloatOpts {
        FloatOpts {
            precision: -1,
            min_digits: -1,
            sign: false,
            trim,
            pad_left: -1,
            pad_right: -1,
            exp_digits: -1,
        }
    }
}

/// Upper bound on generated digits (NumPy's 16 KiB scratch buffer).
const MAX_DIGITS: i32 = 16383;

/// Dragon4 in unique mode: the decimal digits of `d` (most significant first, no leading
/// zero unless a fraction cut-off forced one) and the power of ten of the first digit.
fn dragon4(d: &Decoded, cutoff: Cutoff, cutoff_max: i32, cutoff_min: i32) -> (Vec<u8>, i32) {
    if d.mantissa == 0 {
        return (vec![0], 0);
    }
    let is_even = d.mantissa.is_multiple_of(2);
    let mant = Big::from_u64(d.mantissa);
    // value = scaled_value / scale; margins are half the gaps to the neighbouring floats.
    let (mut value, mut scale, mut margin_low) = if d.exponent > 0 {
        let extra = if d.unequal_margins { 2 } else { 1 };
        let mut v = mant;
        v.shl(d.exponent as u32 + extra);
        (v, Big::from_u64(1 << extra), Big::pow2(d.exponent as u32))
    } else {
        let extra = if d.unequal_margins { 2 } else { 1 };
        let mut v = mant;
        v.shl(extra);
        (v, Big::pow2((-d.exponent) as u32 + extra), Big::from_u64(1))
    };
    let high_of = |low: &Big| {
        if d.unequal_margins {
            let mut h = low.clone();
            h.shl(1);
            h
        } else {
            low.clone()
        }
    };
    let mut margin_high = high_of(&margin_low);

    // Estimate of floor(log10(v)) + 1 that is right or one too low (NumPy's 0.69 offset).
    let mut digit_exp = ((d.mantissa_bit as i32 + d.exponent) as f64 * std::f64::consts::LOG10_2
        - 0.69)
        .ceil() as i32;
    if cutoff_max >= 0 && cutoff == Cutoff::Fraction && digit_exp <= -cutoff_max {
        digit_exp = -cutoff_max + 1;
    }
    if digit_exp > 0 {
        scale = scale.mul(&Big::pow10(digit_exp as u32));
    } else if digit_exp < 0 {
        let p = Big::pow10((-digit_exp) as u32);
        value = value.mul(&p);
        margin_low = margin_low.mul(&p);
        margin_high = high_of(&margin_low);
    }
    if value.compare(&scale) != Ordering::Less {
        digit_exp += 1;
    } else {
        value.mul_small(10);
        margin_low.mul_small(10);
        margin_high = high_of(&margin_low);
    }

    let mut cutoff_max_exp = digit_exp - MAX_DIGITS;
    if cutoff_max >= 0 {
        let want = match cutoff {
            Cutoff::Total => digit_exp - cutoff_max,
            Cutoff::Fraction => -cutoff_max,
        };
        cutoff_max_exp = cutoff_max_exp.max(want);
    }
    let mut cutoff_min_exp = digit_exp;
    if cutoff_min >= 0 {
        let want = match cutoff {
            Cutoff::Total => digit_exp - cutoff_min,
            Cutoff::Fraction => -cutoff_min,
        };
        cutoff_min_exp = cutoff_min_exp.min(want);
    }
    let mut out_exp = digit_exp - 1;

    let mut digits = Vec::new();
    let (low, high, digit) = loop {
        digit_exp -= 1;
        let digit = value.div_rem_digit(&scale) as u8;
        let value_high = value.add(&margin_high);
        let c_low = value.compare(&margin_low);
        let c_high = value_high.compare(&scale);
        let low = if is_even {
            c_low != Ordering::Greater
        } else {
            c_low == Ordering::Less
        };
        let high = if is_even {
            c_high != Ordering::Less
        } else {
            c_high == Ordering::Greater
        };
        if ((low || high) && digit_exp <= cutoff_min_exp) || digit_exp == cutoff_max_exp {
            break (low, high, digit);
        }
        digits.push(digit);
        value.mul_small(10);
        margin_low.mul_small(10);
        margin_high = high_of(&margin_low);
    };

    // Round the last digit: by the margins when only one side is safe, else to nearest
    // (ties to an even digit).
    let mut round_down = low;
    if low == high {
        value.shl(1);
        round_down = match value.compare(&scale) {
            Ordering::Less => true,
            Ordering::Greater => false,
            Ordering::Equal => digit % 2 == 0,
        };
    }
    if round_down {
        digits.push(digit);
    } else if digit == 9 {
        loop {
            match digits.pop() {
                None => {
                    digits.push(1);
                    out_exp += 1;
                    break;
                }
                Some(9) => continue,
                Some(prev) => {
                    digits.push(prev + 1);
                    break;
                }
            }
        }
    } else {
        digits.push(digit + 1);
    }
    (digits, out_exp)
}

fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&d| char::from(b'0' + d)));
}

fn nonfinite(neg: bool, parts: FloatParts, sign: bool) -> Option<String> {
    match parts {
        FloatParts::Nan => Some("nan".to_string()),
        FloatParts::Inf if neg => Some("-inf".to_string()),
        FloatParts::Inf if sign => Some("+inf".to_string()),
        FloatParts::Inf => Some("inf".to_string()),
        FloatParts::Finite(_) => None,
    }
}

/// NumPy's `dragon4_positional(x, ...)` in unique mode: `12.5`, `-0.`, `1.0`.
pub(crate) fn positional<F: DecodeFloat>(x: F, fractional: bool, o: &FloatOpts) -> String {
    let (neg, parts) = x.decode();
    if let Some(s) = nonfinite(neg, parts, o.sign) {
        return s;
    }
    let FloatParts::Finite(d) = parts else {
        unreachable!("non-finite handled above")
    };
    let cutoff = if fractional {
        Cutoff::Fraction
    } else {
        Cutoff::Total
    };
    let mut out = String::new();
    let has_sign = i32::from(neg || o.sign);
    if neg {
        out.push('-');
    } else if o.sign {
        out.push('+');
    }
    let (digits, print_exp) = dragon4(&d, cutoff, o.precision, o.min_digits);
    let num_digits = digits.len() as i32;
    let (whole, mut frac);
    if print_exp >= 0 {
        whole = print_exp + 1;
        if num_digits <= whole {
            push_digits(&mut out, &digits);
            out.extend(std::iter::repeat_n('0', (whole - num_digits) as usize));
            frac = 0;
        } else {
            push_digits(&mut out, &digits[..whole as usize]);
            out.push('.');
            push_digits(&mut out, &digits[whole as usize..]);
            frac = num_digits - whole;
        }
    } else {
        let zeros = -(print_exp + 1);
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', zeros as usize));
        push_digits(&mut out, &digits);
        whole = 1;
        frac = zeros + num_digits;
    }
    if o.trim != Trim::DptZeros && frac == 0 {
        out.push('.');
    }
    let mut desired = o.min_digits.max(0);
    if cutoff == Cutoff::Total {
        desired = o.min_digits - whole;
    }
    match o.trim {
        Trim::LeaveOneZero if frac == 0 => {
            out.push('0');
            frac += 1;
        }
        Trim::Keep if desired > frac => {
            out.extend(std::iter::repeat_n('0', (desired - frac) as usize));
            frac = desired;
        }
        _ => {}
    }
    if o.trim != Trim::Keep && frac > 0 {
        while out.ends_with('0') {
            out.pop();
            frac -= 1;
        }
        if out.ends_with('.') {
            match o.trim {
                Trim::LeaveOneZero => {
                    out.push('0');
                    frac += 1;
                }
                Trim::DptZeros => {
                    out.pop();
                }
                _ => {}
            }
        }
    }
    if o.pad_right >= frac {
        if o.trim == Trim::DptZeros && frac == 0 {
            out.push(' ');
        }
        out.extend(std::iter::repeat_n(' ', (o.pad_right - frac) as usize));
    }
    if o.pad_left > whole + has_sign {
        let pad = " ".repeat((o.pad_left - whole - has_sign) as usize);
        out.insert_str(0, &pad);
    }
    out
}

/// NumPy's `dragon4_scientific(x, ...)` in unique mode: `1.25e+01`, `1.e-05`, `1e+16`.
pub(crate) fn scientific<F: DecodeFloat>(x: F, o: &FloatOpts) -> String {
    let (neg, parts) = x.decode();
    if let Some(s) = nonfinite(neg, parts, o.sign) {
        return s;
    }
    let FloatParts::Finite(d) = parts else {
        unreachable!("non-finite handled above")
    };
    let mut out = String::new();
    let left_chars = 1 + i32::from(neg || o.sign);
    if o.pad_left > left_chars {
        out.extend(std::iter::repeat_n(' ', (o.pad_left - left_chars) as usize));
    }
    if neg {
        out.push('-');
    } else if o.sign {
        out.push('+');
    }
    let plus_one = |p: i32| if p < 0 { -1 } else { p + 1 };
    let (digits, print_exp) = dragon4(
        &d,
        Cutoff::Total,
        plus_one(o.precision),
        plus_one(o.min_digits),
    );
    push_digits(&mut out, &digits[..1]);
    let mut frac = digits.len() as i32 - 1;
    if frac > 0 {
        out.push('.');
        push_digits(&mut out, &digits[1..]);
    }
    if o.trim != Trim::DptZeros && frac == 0 {
        out.push('.');
    }
    let add_digits = o.min_digits.max(0);
    match o.trim {
        Trim::LeaveOneZero if frac == 0 => {
            out.push('0');
            frac += 1;
        }
        Trim::Keep if add_digits > frac => {
            out.extend(std::iter::repeat_n('0', (add_digits - frac) as usize));
        }
        _ => {}
    }
    if o.trim != Trim::Keep && frac > 0 {
        while out.ends_with('0') {
            out.pop();
        }
        if o.trim == Trim::LeaveOneZero && out.ends_with('.') {
            out.push('0');
        }
    }
    let exp_digits = if o.exp_digits < 0 {
        2
    } else {
        o.exp_digits.min(5)
    } as usize;
    let sign = if print_exp < 0 { '-' } else { '+' };
    let e = print_exp.unsigned_abs().to_string();
    out.push('e');
    out.push(sign);
    out.extend(std::iter::repeat_n('0', exp_digits.saturating_sub(e.len())));
    out.push_str(&e);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(x: f64, precision: i32) -> String {
        let o = FloatOpts {
            precision,
            ..FloatOpts::unique(Trim::Zeros)
        };
        positional(x, true, &o)
    }

    #[test]
    fn shortest_digits() {
        assert_eq!(pos(0.1, -1), "0.1");
        assert_eq!(pos(1.0, -1), "1.");
        assert_eq!(pos(123456.789, -1), "123456.789");
        assert_eq!(pos(-0.0, -1), "-0.");
        assert_eq!(pos(5e-324, -1).len(), 326);
        assert_eq!(pos(1e300, -1).len(), 302);
    }

    #[test]
    fn precision_cut_rounds_exact_value_half_even() {
        assert_eq!(pos(std::f64::consts::PI, 8), "3.14159265");
        // 1/512 = 0.001953125 exactly: a tie at 8 digits goes to the even digit.
        assert_eq!(pos(0.001953125, 8), "0.00195312");
        assert_eq!(pos(0.9999999999, 8), "1.");
        assert_eq!(pos(1e-10, 8), "0.");
    }

    #[test]
    fn scientific_padding_uses_exact_digits() {
        let o = FloatOpts {
            precision: 7,
            min_digits: 7,
            ..FloatOpts::unique(Trim::Keep)
        };
        assert_eq!(scientific(1e-5f32, &o), "9.9999997e-06");
        assert_eq!(scientific(1e-5f64, &o), "1.0000000e-05");
        let short = FloatOpts::unique(Trim::DptZeros);
        assert_eq!(scientific(1e16f64, &short), "1e+16");
        assert_eq!(scientific(1.5e-300f64, &short), "1.5e-300");
        assert_eq!(scientific(f64::NEG_INFINITY, &short), "-inf");
    }

    #[test]
    fn f32_digits_are_f32_shortest() {
        let o = FloatOpts::unique(Trim::LeaveOneZero);
        assert_eq!(positional(0.1f32, false, &o), "0.1");
        assert_eq!(positional(16777216.0f32, false, &o), "16777216.0");
        assert_eq!(positional(1.0e-45f32, true, &o).len(), 47);
    }
}
