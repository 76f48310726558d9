//! NumPy's ufunc accuracy data sets (`../shared/reference/numpy-umath-validation/`).
//!
//! Each row: dtype, input bits, expected output bits, allowed ULP error. NumPy checks
//! `np.<func>(input)` against the output with `assert_array_max_ulp` (NaNs equal, -0 == +0).

use std::path::PathBuf;

/// One row of a validation file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Row {
    /// A float32 case: input, expected output, ULP tolerance.
    F32(f32, f32, u64),
    /// A float64 case: input, expected output, ULP tolerance.
    F64(f64, f64, u64),
}

/// The folder holding the data sets: `$NUMERUST_UMATH_DIR`, else `../shared/reference/
/// numpy-umath-validation` beside the workspace.
pub fn umath_dir() -> PathBuf {
    if let Ok(d) = std::env::var("NUMERUST_UMATH_DIR") {
        return PathBuf::from(d);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/numpy-umath-validation")
}

/// The rows of `umath-validation-set-<func>.csv`, or `None` when the folder is absent
/// (tests then say "skipped" and still check the committed reference data).
///
/// # Panics
/// On a malformed line.
pub fn load_umath(func: &str) -> Option<Vec<Row>> {
    let path = umath_dir().join(format!("umath-validation-set-{func}.csv"));
    let text = std::fs::read_to_string(&path).ok()?;
    let mut rows = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty()
            || line.starts_with('#')
            || line.starts_with('$')
            || line.starts_with("dtype")
        {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 4, "{}: bad line {line}", path.display());
        let bits =
            |s: &str| u64::from_str_radix(s.trim().trim_start_matches("0x"), 16).expect("hex bits");
        let tol: u64 = f[3].trim().parse().expect("ULP tolerance");
        rows.push(match f[0].trim() {
            "np.float32" => Row::F32(
                f32::from_bits(bits(f[1]) as u32),
                f32::from_bits(bits(f[2]) as u32),
                tol,
            ),
            "np.float64" => Row::F64(f64::from_bits(bits(f[1])), f64::from_bits(bits(f[2])), tol),
            other => panic!("{}: unknown dtype {other}", path.display()),
        });
    }
    Some(rows)
}

/// Splits rows into (f32 rows, f64 rows) as (input, expected, tolerance) triples.
pub type Split = (Vec<(f32, f32, u64)>, Vec<(f64, f64, u64)>);

/// The rows of `func` split by dtype.
pub fn load_umath_split(func: &str) -> Option<Split> {
    let rows = load_umath(func)?;
    let mut f32s = Vec::new();
    let mut f64s = Vec::new();
    for r in rows {
        match r {
            Row::F32(i, o, t) => f32s.push((i, o, t)),
            Row::F64(i, o, t) => f64s.push((i, o, t)),
        }
    }
    Some((f32s, f64s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_file_parses_when_present() {
        match load_umath_split("exp") {
            Some((f32s, f64s)) => {
                assert!(!f32s.is_empty() && !f64s.is_empty());
                assert!(f64s.iter().any(|&(i, o, _)| i == -0.0 && o == 1.0));
            }
            None => println!(
                "skipped: validation data not found at {}",
                umath_dir().display()
            ),
        }
    }
}
