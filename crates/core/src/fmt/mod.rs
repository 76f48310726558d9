//! Printing: `Display` is NumPy's `str(a)` and `Debug` is NumPy's `repr(a)`, character for
//! character, under NumPy's default print options (precision 8, threshold 1000,
//! edgeitems 3, linewidth 75, `floatmode='maxprec'`, `suppress=False`, `sign='-'`).
//!
//! Owns the layout of a printed array (NumPy's `_formatArray` in
//! `numpy/_core/arrayprint.py`): nested brackets, blank lines between blocks, line
//! wrapping with hanging indents, `...` summaries of arrays above 1000 elements, the
//! `array(..., dtype=...)` wrapper of `repr`, and the `str` of 0-d arrays. How a single
//! element becomes text lives in `formatter.rs`; float digits in `dragon4.rs`. Printing
//! never fails and never allocates more than the shown elements need.
//!
//! ```
//! use numerust_core::NdArray;
//! let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.5, -3.0, 0.125]).unwrap();
//! assert_eq!(a.to_string(), "[[ 1.     2.5  ]\n [-3.     0.125]]");
//! assert_eq!(format!("{a:?}"), "array([[ 1.   ,  2.5  ],\n       [-3.   ,  0.125]])");
//! let f = NdArray::from_vec(vec![0.5f32, 2.0]);
//! assert_eq!(format!("{f:?}"), "array([0.5, 2. ], dtype=float32)");
//! ```

mod bigint;
mod dragon4;
mod formatter;

use crate::array::{AsView, NdArray};
use crate::element::{DType, Element};
use crate::view::{ArrayView, ArrayViewMut};
use formatter::{
    ComplexFormat, FloatFormat, PrintFloat, format_bools, format_ints, scalar_complex_str,
    scalar_float_str,
};
use num_complex::Complex;
use std::any::Any;

/// Arrays with more elements than this are summarised (NumPy's `threshold`).
const THRESHOLD: usize = 1000;
/// Elements kept at each end of a summarised axis (NumPy's `edgeitems`).
const EDGE_ITEMS: usize = 3;
/// Maximum line width (NumPy's `linewidth`).
const LINE_WIDTH: usize = 75;

/// NumPy's `str(a)` / `np.array_str(a)`: the elements only, e.g. `[[1 2]\n [3 4]]`.
///
/// A 0-d array prints as its scalar (`0.1`, `1e+16`, `(1+2j)`, `True`); an empty one as
/// `[]`. Arrays above 1000 elements show 3 items at each end of every long axis.
///
/// NumPy: `np.array_str(a)` with default print options.
///
/// ```
/// use numerust_core::{array_str, NdArray};
/// let a = NdArray::from_vec(vec![1.0, 0.5, -2.0]);
/// assert_eq!(array_str(&a), "[ 1.   0.5 -2. ]");
/// assert_eq!(array_str(&NdArray::from_elem_0d(0.1)), "0.1");
/// ```
pub fn array_str<T: Element>(a: &impl AsView<T>) -> String {
    let view = a.as_view();
    if view.ndim() == 0 {
        return view.get(&[]).map(|&x| scalar_str(x)).unwrap_or_default();
    }
    if view.size() == 0 {
        return "[]".to_string();
    }
    array2string(&view, " ", "")
}

/// NumPy's `repr(a)` / `np.array_repr(a)`: `array([1, 2])`, with `dtype=` for dtypes other
/// than float64, int64, complex128 and bool, and `shape=` when the shape can't be read
/// from the text (empty arrays of shape other than `(0,)`, summarised arrays).
///
/// NumPy: `np.array_repr(a)` with default print options.
///
/// ```
/// use numerust_core::{array_repr, NdArray};
/// let a = NdArray::from_vec(vec![1u8, 20]);
/// assert_eq!(array_repr(&a), "array([ 1, 20], dtype=uint8)");
/// let e = NdArray::<f64>::from_shape_vec(&[0, 3], vec![]).unwrap();
/// assert_eq!(array_repr(&e), "array([], shape=(0, 3), dtype=float64)");
/// ```
pub fn array_repr<T: Element>(a: &impl AsView<T>) -> String {
    const PREFIX: &str = "array(";
    let view = a.as_view();
    let body = if view.size() == 0 {
        "[]".to_string()
    } else {
        array2string(&view, ", ", PREFIX)
    };
    let mut extras = Vec::new();
    if (view.size() == 0 && view.shape() != [0]) || view.size() > THRESHOLD {
        extras.push(format!("shape={}", shape_tuple(view.shape())));
    }
    let implied = matches!(
        T::DTYPE,
        DType::Float64 | DType::Int64 | DType::Complex128 | DType::Bool
    );
    if !implied || view.size() == 0 {
        extras.push(format!("dtype={}", T::DTYPE.name()));
    }
    if extras.is_empty() {
        return format!("{PREFIX}{body})");
    }
    let head = format!("{PREFIX}{body},");
    let extra = format!("{})", extras.join(", "));
    let last_line = head.len() - head.rfind('\n').map_or(0, |i| i + 1);
    let spacer = if last_line + extra.len() + 1 > LINE_WIDTH {
        format!("\n{}", " ".repeat(PREFIX.len()))
    } else {
        " ".to_string()
    };
    format!("{head}{spacer}{extra}")
}

/// A shape as Python prints a tuple: `(0,)`, `(0, 3)`.
fn shape_tuple(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The `str` of one element as NumPy prints a scalar: `0.1`, `-3`, `True`, `(1+2j)`.
fn scalar_str<T: Element>(x: T) -> String {
    let any: &dyn Any = &x;
    if let Some(&v) = any.downcast_ref::<f64>() {
        return scalar_float_str(v);
    }
    if let Some(&v) = any.downcast_ref::<f32>() {
        return scalar_float_str(v);
    }
    if let Some(&v) = any.downcast_ref::<Complex<f64>>() {
        return scalar_complex_str(v);
    }
    if let Some(&v) = any.downcast_ref::<Complex<f32>>() {
        return scalar_complex_str(v);
    }
    if let Some(&v) = any.downcast_ref::<bool>() {
        return if v { "True" } else { "False" }.to_string();
    }
    // Integers: Rust's Debug of an integer is its decimal digits, like Python's str.
    format!("{x:?}")
}

fn format_floats<F: PrintFloat>(data: &[F]) -> Vec<String> {
    let f = FloatFormat::new(data, false);
    data.iter().map(|&x| f.format(x)).collect()
}

fn format_complex<F: PrintFloat>(data: &[Complex<F>]) -> Vec<String> {
    let f = ComplexFormat::new(data);
    data.iter().map(|&x| f.format(x)).collect()
}

/// Formats every shown element with one formatter built from all of them.
fn format_elements<T: Element>(data: Vec<T>, zero_d: bool) -> Vec<String> {
    let any: &dyn Any = &data;
    if let Some(v) = any.downcast_ref::<Vec<f64>>() {
        return format_floats(v);
    }
    if let Some(v) = any.downcast_ref::<Vec<f32>>() {
        return format_floats(v);
    }
    if let Some(v) = any.downcast_ref::<Vec<Complex<f64>>>() {
        return format_complex(v);
    }
    if let Some(v) = any.downcast_ref::<Vec<Complex<f32>>>() {
        return format_complex(v);
    }
    if let Some(v) = any.downcast_ref::<Vec<bool>>() {
        return format_bools(v, zero_d);
    }
    macro_rules! ints {
        ($($t:ty),*) => {$(
            if let Some(v) = any.downcast_ref::<Vec<$t>>() {
                let wide: Vec<i128> = v.iter().map(|&x| i128::from(x)).collect();
                return format_ints(&wide);
            }
        )*};
    }
    ints!(i8, i16, i32, i64, u8, u16, u32, u64);
    unreachable!("Element is sealed to the types above")
}

/// The shown part of an array (NumPy's `_leading_trailing`): per axis, the kept indices
/// and whether `...` stands between the leading and trailing ones.
struct Shown {
    /// Kept length of each axis.
    dims: Vec<usize>,
    /// Axis is summarised: its kept items are `EDGE_ITEMS` leading + `EDGE_ITEMS` trailing.
    summarised: Vec<bool>,
    /// Formatted kept elements in C order of `dims`.
    strs: Vec<String>,
}

impl Shown {
    fn new<T: Element>(view: &ArrayView<'_, T>) -> Shown {
        let summarise = view.size() > THRESHOLD;
        let summarised: Vec<bool> = view
            .shape()
            .iter()
            .map(|&n| summarise && n > 2 * EDGE_ITEMS)
            .collect();
        let kept: Vec<Vec<usize>> = view
            .shape()
            .iter()
            .zip(&summarised)
            .map(|(&n, &s)| {
                if s {
                    (0..EDGE_ITEMS).chain(n - EDGE_ITEMS..n).collect()
                } else {
                    (0..n).collect()
                }
            })
            .collect();
        let data: Vec<T> = if summarised.iter().any(|&s| s) {
            gather(view, &kept)
        } else {
            view.iter().copied().collect()
        };
        Shown {
            dims: kept.iter().map(Vec::len).collect(),
            summarised,
            strs: format_elements(data, view.ndim() == 0),
        }
    }
}

/// The elements at the cartesian product of `kept` indices, in C order.
fn gather<T: Element>(view: &ArrayView<'_, T>, kept: &[Vec<usize>]) -> Vec<T> {
    let total: usize = kept.iter().map(Vec::len).product();
    let mut pos = vec![0usize; kept.len()];
    let mut index: Vec<usize> = kept.iter().map(|k| k[0]).collect();
    let mut out = Vec::with_capacity(total);
    for _ in 0..total {
        out.extend(view.get(&index).copied());
        for axis in (0..kept.len()).rev() {
            pos[axis] += 1;
            if pos[axis] < kept[axis].len() {
                index[axis] = kept[axis][pos[axis]];
                break;
            }
            pos[axis] = 0;
            index[axis] = kept[axis][0];
        }
    }
    out
}

/// NumPy's `_array2string`: the bracketed body of `str`/`repr` for a non-empty array.
fn array2string<T: Element>(view: &ArrayView<'_, T>, separator: &str, prefix: &str) -> String {
    let shown = Shown::new(view);
    // repr wraps one column early to leave room for its closing parenthesis.
    let width = LINE_WIDTH - if prefix.is_empty() { 0 } else { 1 };
    let printer = Printer {
        shown: &shown,
        separator,
    };
    let hanging = " ".repeat(1 + prefix.len());
    printer.recurse(0, 0, &hanging, width as isize)
}

/// Appends `word` to `line`, first moving to a new line (starting with `indent`) when the
/// word would pass `width` and the line holds more than the indent (NumPy's `_extendLine`).
fn extend_line(s: &mut String, line: &mut String, word: &str, width: isize, indent: &str) {
    let needs_wrap = (line.len() + word.len()) as isize > width && line.len() > indent.len();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(indent);
    }
    line.push_str(word);
}

/// NumPy's `_formatArray` over the shown elements.
struct Printer<'s> {
    shown: &'s Shown,
    separator: &'s str,
}

impl Printer<'_> {
    /// The text of the sub-array at `axis` whose first kept element is `base`, with lines
    /// after the first starting with `hanging` and at most `width` columns.
    fn recurse(&self, axis: usize, base: usize, hanging: &str, width: isize) -> String {
        let dims = &self.shown.dims;
        if axis == dims.len() {
            return self.shown.strs[base].clone();
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let n = dims[axis];
        let stride: usize = dims[axis + 1..].iter().product();
        let summarised = self.shown.summarised[axis];
        let (leading, trailing) = if summarised {
            (EDGE_ITEMS, EDGE_ITEMS)
        } else {
            (0, n)
        };
        let item = |i: usize| self.recurse(axis + 1, base + i * stride, &next_hanging, next_width);
        let mut s = String::new();
        if axis + 1 == dims.len() {
            let sep_len = self.separator.trim_end().len().max(1) as isize;
            let elem_width = width - sep_len;
            let mut line = hanging.to_string();
            for i in 0..leading {
                extend_line(&mut s, &mut line, &item(i), elem_width, hanging);
                line.push_str(self.separator);
            }
            if summarised {
                extend_line(&mut s, &mut line, "...", elem_width, hanging);
                line.push_str(self.separator);
            }
            for i in (2..=trailing).rev() {
                extend_line(&mut s, &mut line, &item(n - i), elem_width, hanging);
                line.push_str(self.separator);
            }
            extend_line(&mut s, &mut line, &item(n - 1), elem_width, hanging);
            s.push_str(&line);
        } else {
            let axes_left = dims.len() - axis;
            let line_sep = format!(
                "{}{}",
                self.separator.trim_end(),
                "\n".repeat(axes_left - 1)
            );
            for i in 0..leading {
                s.push_str(hanging);
                s.push_str(&item(i));
                s.push_str(&line_sep);
            }
            if summarised {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in (2..=trailing).rev() {
                s.push_str(hanging);
                s.push_str(&item(n - i));
                s.push_str(&line_sep);
            }
            s.push_str(hanging);
            s.push_str(&item(n - 1));
        }
        format!("[{}]", &s[hanging.len()..])
    }
}

macro_rules! impl_fmt {
    ($($ty:ty),*) => {$(
        /// NumPy's `str(a)`: see [`array_str`].
        impl<T: Element> std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&array_str(self))
            }
        }
        /// NumPy's `repr(a)`: see [`array_repr`].
        impl<T: Element> std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&array_repr(self))
            }
        }
    )*};
}
impl_fmt!(NdArray<T>, ArrayView<'_, T>, ArrayViewMut<'_, T>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_tuples() {
        assert_eq!(shape_tuple(&[0]), "(0,)");
        assert_eq!(shape_tuple(&[2, 0, 3]), "(2, 0, 3)");
    }

    #[test]
    fn gather_takes_the_corners() {
        let a = NdArray::from_shape_vec(&[2, 8], (0..16).collect::<Vec<i64>>()).unwrap();
        let kept = vec![vec![0, 1], vec![0, 1, 2, 5, 6, 7]];
        assert_eq!(
            gather(&a.view(), &kept),
            [0, 1, 2, 5, 6, 7, 8, 9, 10, 13, 14, 15]
        );
    }

    #[test]
    fn scalar_strings() {
        assert_eq!(scalar_str(-7i8), "-7");
        assert_eq!(scalar_str(u64::MAX), "18446744073709551615");
        assert_eq!(scalar_str(true), "True");
    }
}
