//! Element formatters: how one element of an array becomes text, given all the elements
//! that will be shown (NumPy's `FloatingFormat`, `IntegerFormat`, `BoolFormat`,
//! `ComplexFloatingFormat` in `numpy/_core/arrayprint.py`), and the `str` of a lone scalar
//! (NumPy's scalar `__str__`, used for 0-d arrays).
//!
//! Owns the choice between positional and scientific notation, digit counts and the common
//! width, with NumPy's default print options (precision 8, `floatmode='maxprec'`,
//! `sign='-'`, `suppress=False`). Line layout and brackets belong to `fmt/mod.rs`.

use super::dragon4::{DecodeFloat, FloatOpts, Trim, positional, scientific};
use num_complex::Complex;
use num_traits::Float;

/// NumPy's default `precision` print option.
const PRECISION: i32 = 8;

/// A float type NumPy prints: f32 or f64, with its type-specific cut-offs.
pub(crate) trait PrintFloat: DecodeFloat + Float {
    /// Values at or above this switch an array to scientific notation:
    /// `10 ** min(8, finfo(dtype).precision)` (1e8 for f64, 1e6 for f32).
    fn exp_cutoff_max() -> Self;
    /// A scalar's `str` is positional below this (1e16 for f64, 1e6 for f32).
    const SCALAR_MAX_POSITIONAL: f64;
    /// Exact widening to f64.
    fn widen(self) -> f64;
}

impl PrintFloat for f64 {
    fn exp_cutoff_max() -> f64 {
        1e8
    }
    const SCALAR_MAX_POSITIONAL: f64 = 1e16;
    fn widen(self) -> f64 {
        self
    }
}

impl PrintFloat for f32 {
    fn exp_cutoff_max() -> f32 {
        1e6
    }
    const SCALAR_MAX_POSITIONAL: f64 = 1e6;
    fn widen(self) -> f64 {
        f64::from(self)
    }
}

/// NumPy's `FloatingFormat`: one notation, digit count and width for a whole array.
#[derive(Clone, Debug)]
pub(crate) struct FloatFormat {
    exp_format: bool,
    /// `sign='+'`: print `+` for non-negative values (the imaginary part of a complex).
    sign: bool,
    precision: i32,
    min_digits: i32,
    trim: Trim,
    pad_left: i32,
    pad_right: i32,
    exp_size: i32,
}

fn max_len<'a>(parts: impl Iterator<Item = &'a str>) -> i32 {
    parts.map(|s| s.len() as i32).max().unwrap_or(0)
}

impl FloatFormat {
    /// Studies every element that will be printed (NumPy's `fillFormat`).
    pub(crate) fn new<F: PrintFloat>(data: &[F], sign: bool) -> FloatFormat {
        let finite: Vec<F> = data.iter().copied().filter(|x| x.is_finite()).collect();
        let mut exp_format = false;
        let mut abs_nonzero = finite.iter().filter(|x| !x.is_zero()).map(|x| x.abs());
        if let Some(first) = abs_nonzero.next() {
            let (max, min) = abs_nonzero.fold((first, first), |(hi, lo), x| (hi.max(x), lo.min(x)));
            // Comparisons happen in the array's own type, as NumPy's do (NEP 50).
            let small = F::from(1e-4).unwrap_or(F::zero());
            let ratio = F::from(1000.0).unwrap_or(F::zero());
            exp_format = max >= F::exp_cutoff_max() || min < small || max / min > ratio;
        }
        let mut f = FloatFormat {
            exp_format,
            sign,
            precision: PRECISION,
            min_digits: -1,
            trim: Trim::Zeros,
            pad_left: 0,
            pad_right: 0,
            exp_size: -1,
        };
        let first_pass = FloatOpts {
            precision: PRECISION,
            sign,
            ..FloatOpts::unique(Trim::Zeros)
        };
        if finite.is_empty() {
            // Only nan/inf: widths come from them alone (below).
        } else if exp_format {
            let strs: Vec<String> = finite.iter().map(|&x| scientific(x, &first_pass)).collect();
            let split: Vec<(&str, &str, &str)> = strs
                .iter()
                .map(|s| {
                    let (mant, exp) = s.split_once('e').unwrap_or((s, ""));
                    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
                    (int, frac, exp)
                })
                .collect();
            f.exp_size = max_len(split.iter().map(|p| p.2)) - 1;
            f.trim = Trim::Keep;
            f.precision = max_len(split.iter().map(|p| p.1));
            f.min_digits = f.precision;
            f.pad_left = max_len(split.iter().map(|p| p.0));
            f.pad_right = f.exp_size + 2 + f.precision;
        } else {
            let strs: Vec<String> = finite
                .iter()
                .map(|&x| positional(x, true, &first_pass))
                .collect();
            let split: Vec<(&str, &str)> = strs
                .iter()
                .map(|s| s.split_once('.').unwrap_or((s, "")))
                .collect();
            f.pad_left = max_len(split.iter().map(|p| p.0));
            f.pad_right = max_len(split.iter().map(|p| p.1));
            f.min_digits = 0;
        }
        if finite.len() != data.len() {
            let neginf = sign || data.iter().any(|x| x.is_infinite() && x.is_sign_negative());
            let offset = f.pad_right + 1;
            f.pad_left = f
                .pad_left
                .max(3 - offset)
                .max(3 + i32::from(neginf) - offset);
        }
        f
    }

    /// Formats one element (NumPy's `FloatingFormat.__call__`).
    pub(crate) fn format<F: PrintFloat>(&self, x: F) -> String {
        if !x.is_finite() {
            let ret = if x.is_nan() {
                if self.sign { "+nan" } else { "nan" }
            } else if x.is_sign_negative() {
                "-inf"
            } else if self.sign {
                "+inf"
            } else {
                "inf"
            };
            let width = (self.pad_left + self.pad_right + 1).max(0) as usize;
            return format!("{ret:>width$}");
        }
        let opts = FloatOpts {
            precision: self.precision,
            min_digits: self.min_digits,
            sign: self.sign,
            trim: self.trim,
            pad_left: self.pad_left,
            pad_right: self.pad_right,
            exp_digits: self.exp_size,
        };
        if self.exp_format {
            scientific(x, &opts)
        } else {
            positional(x, true, &opts)
        }
    }
}

/// NumPy's `ComplexFloatingFormat`: real and imaginary parts formatted as two float arrays.
#[derive(Clone, Debug)]
pub(crate) struct ComplexFormat {
    real: FloatFormat,
    imag: FloatFormat,
}

impl ComplexFormat {
    /// Studies the real and imaginary parts of every element that will be printed.
    pub(crate) fn new<F: PrintFloat>(data: &[Complex<F>]) -> ComplexFormat {
        let re: Vec<F> = data.iter().map(|c| c.re).collect();
        let im: Vec<F> = data.iter().map(|c| c.im).collect();
        ComplexFormat {
            real: FloatFormat::new(&re, false),
            imag: FloatFormat::new(&im, true),
        }
    }

    /// `1.+2.j`, with the `j` placed before the imaginary part's right padding.
    pub(crate) fn format<F: PrintFloat>(&self, x: Complex<F>) -> String {
        let mut out = self.real.format(x.re);
        let im = self.imag.format(x.im);
        let body = im.trim_end();
        out.push_str(body);
        out.push('j');
        out.push_str(&im[body.len()..]);
        out
    }
}

/// NumPy's `IntegerFormat`: right-aligned to the widest of `str(max)` and `str(min)`.
pub(crate) fn format_ints(data: &[i128]) -> Vec<String> {
    let width = match (data.iter().max(), data.iter().min()) {
        (Some(hi), Some(lo)) => hi.to_string().len().max(lo.to_string().len()),
        _ => 0,
    };
    data.iter().map(|x| format!("{x:>width$}")).collect()
}

/// NumPy's `BoolFormat`: `" True"`/`"False"` (`"True"` alone in a 0-d array).
pub(crate) fn format_bools(data: &[bool], zero_d: bool) -> Vec<String> {
    let t = if zero_d { "True" } else { " True" };
    data.iter()
        .map(|&b| if b { t } else { "False" }.to_string())
        .collect()
}

/// NumPy's float scalar `str`: shortest digits, positional for `1e-4 <= |x| < max`
/// (and zero and nan), else scientific: `0.1`, `1.0`, `1e+16`, `1e-05`.
fn scalar_float_either<F: PrintFloat>(x: F, trim_pos: Trim, trim_sci: Trim, sign: bool) -> String {
    let a = x.abs().widen();
    let use_positional = x.is_nan() || x.is_zero() || (a < F::SCALAR_MAX_POSITIONAL && a >= 1e-4);
    if use_positional {
        let o = FloatOpts {
            sign,
            ..FloatOpts::unique(trim_pos)
        };
        positional(x, false, &o)
    } else {
        let o = FloatOpts {
            sign,
            ..FloatOpts::unique(trim_sci)
        };
        scientific(x, &o)
    }
}

/// `str(np.float64(x))`: `0.1`, `1.0`, `-0.0`, `1e+16`, `nan`, `-inf`.
pub(crate) fn scalar_float_str<F: PrintFloat>(x: F) -> String {
    scalar_float_either(x, Trim::LeaveOneZero, Trim::DptZeros, false)
}

/// `str(np.complex128(z))`: `1j`, `(1.5+2j)`, `(nan+infj)`, `(1e+20-1e-05j)`.
pub(crate) fn scalar_complex_str<F: PrintFloat>(z: Complex<F>) -> String {
    let trim = Trim::DptZeros;
    if z.re.is_zero() && !z.re.is_sign_negative() {
        return format!("{}j", scalar_float_either(z.im, trim, trim, false));
    }
    let re = if z.re.is_finite() {
        scalar_float_either(z.re, trim, trim, false)
    } else if z.re.is_nan() {
        "nan".to_string()
    } else if z.re > F::zero() {
        "inf".to_string()
    } else {
        "-inf".to_string()
    };
    let im = if z.im.is_finite() {
        scalar_float_either(z.im, trim, trim, true)
    } else if z.im.is_nan() {
        "+nan".to_string()
    } else if z.im > F::zero() {
        "+inf".to_string()
    } else {
        "-inf".to_string()
    };
    format!("({re}{im}j)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn floats(data: &[f64]) -> Vec<String> {
        let f = FloatFormat::new(data, false);
        data.iter().map(|&x| f.format(x)).collect()
    }

    #[test]
    fn positional_pads_to_common_width() {
        assert_eq!(floats(&[1.0, 2.5, -10.0]), ["  1. ", "  2.5", "-10. "]);
        assert_eq!(floats(&[f64::NAN, 1.0]), ["nan", " 1."]);
        assert_eq!(floats(&[f64::NAN, f64::NEG_INFINITY]), [" nan", "-inf"]);
    }

    #[test]
    fn scientific_shares_digit_count() {
        assert_eq!(floats(&[1e-5, 1.5]), ["1.0e-05", "1.5e+00"]);
        assert_eq!(floats(&[1e8, 1.0]), ["1.e+08", "1.e+00"]);
        assert_eq!(floats(&[1e-300, 1.0]), ["1.e-300", "1.e+000"]);
    }

    #[test]
    fn scalar_strings() {
        assert_eq!(scalar_float_str(1e16), "1e+16");
        assert_eq!(scalar_float_str(1e15), "1000000000000000.0");
        assert_eq!(scalar_float_str(1e10f32), "1e+10");
        assert_eq!(scalar_float_str(-0.0), "-0.0");
        assert_eq!(scalar_complex_str(Complex::new(0.0, 1.0)), "1j");
        assert_eq!(scalar_complex_str(Complex::new(1.5f32, -2.0)), "(1.5-2j)");
        assert_eq!(
            scalar_complex_str(Complex::new(f64::NAN, f64::INFINITY)),
            "(nan+infj)"
        );
    }
}
