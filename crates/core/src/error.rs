//! `NdError`: every way a core operation can fail, with NumPy's message text.
//!
//! Variants carry the values behind the message so callers can match on them; `Display`
//! prints exactly what NumPy prints for the same mistake.

use std::fmt;

/// The error of every fallible core operation.
///
/// `Display` gives NumPy's message, e.g.
/// `operands could not be broadcast together with shapes (2,3) (4,)`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NdError {
    /// Two shapes that no broadcasting rule joins.
    Broadcast {
        /// Shape of the left operand.
        lhs: Vec<usize>,
        /// Shape of the right operand.
        rhs: Vec<usize>,
    },
    /// `broadcast_to` asked for a shape the array cannot stretch to.
    BroadcastTo {
        /// The array's shape.
        from: Vec<usize>,
        /// The requested shape.
        to: Vec<usize>,
    },
    /// A reshape whose element count differs.
    Reshape {
        /// Elements in the array.
        size: usize,
        /// The requested shape (`-1` shown for the inferred axis).
        shape: Vec<isize>,
    },
    /// A reshape with a bad shape spec (two `-1`s, a negative size, ...).
    InvalidShape(String),
    /// An integer index outside `-len..len`.
    IndexOutOfBounds {
        /// The index as written (may be negative).
        index: isize,
        /// The axis it indexed.
        axis: usize,
        /// That axis' length.
        len: usize,
    },
    /// An index that names more axes than the array has.
    TooManyIndices {
        /// Dimensions of the array.
        ndim: usize,
        /// Indices given.
        given: usize,
    },
    /// An axis number outside `-ndim..ndim`.
    AxisOutOfBounds {
        /// The axis as written.
        axis: isize,
        /// Dimensions of the array.
        ndim: usize,
    },
    /// The same axis named twice.
    RepeatedAxis,
    /// A shape whose element count or byte size overflows.
    ShapeOverflow,
    /// Shapes that must agree and do not.
    ShapeMismatch(String),
    /// A value outside what the operation accepts.
    InvalidValue(String),
    /// A split that does not divide the axis.
    UnequalSplit,
    /// More than one ellipsis in an index.
    MultipleEllipsis,
    /// A slice with step 0.
    ZeroStep,
    /// An empty input where one is required (`concatenate` of nothing, ...).
    Empty(String),
}

/// Shorthand for `Result<T, NdError>`.
pub type NdResult<T> = Result<T, NdError>;

/// Formats a shape as NumPy prints it: `(2,3)`, `(4,)`, `()`.
pub fn shape_str<T: fmt::Display>(shape: &[T]) -> String {
    match shape {
        [] => "()".to_string(),
        [one] => format!("({one},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// Formats a requested reshape the way NumPy's `convert_shape_to_string` does: leading `-1`s
/// are dropped, later ones print as `newaxis`, and only a one-entry spec gets a trailing comma
/// (`(4,)`, `(4,newaxis)`, and `(4)` for `(-1, 4)`).
fn reshape_spec_str(spec: &[isize]) -> String {
    let Some(first) = spec.iter().position(|&d| d >= 0) else {
        return "()".to_string();
    };
    let mut s = spec[first].to_string();
    for &d in &spec[first + 1..] {
        if d < 0 {
            s.push_str(",newaxis");
        } else {
            s.push_str(&format!(",{d}"));
        }
    }
    if spec.len() == 1 {
        format!("({s},)")
    } else {
        format!("({s})")
    }
}

impl fmt::Display for NdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NdError::Broadcast { lhs, rhs } => write!(
                f,
                "operands could not be broadcast together with shapes {} {} ",
                shape_str(lhs),
                shape_str(rhs)
            ),
            NdError::BroadcastTo { from, to } => write!(
                f,
                "operands could not be broadcast together with remapped shapes \
                 [original->remapped]: {}  and requested shape {}",
                shape_str(from),
                shape_str(to)
            ),
            NdError::Reshape { size, shape } => write!(
                f,
                "cannot reshape array of size {size} into shape {}",
                reshape_spec_str(shape)
            ),
            NdError::InvalidShape(msg) => f.write_str(msg),
            NdError::IndexOutOfBounds { index, axis, len } => {
                write!(f, "index {index} is out of bounds for axis {axis} with size {len}")
            }
            NdError::TooManyIndices { ndim, given } => write!(
                f,
                "too many indices for array: array is {ndim}-dimensional, but {given} were indexed"
            ),
            NdError::AxisOutOfBounds { axis, ndim } => {
                write!(f, "axis {axis} is out of bounds for array of dimension {ndim}")
            }
            NdError::RepeatedAxis => f.write_str("repeated axis"),
            NdError::ShapeOverflow => {
                f.write_str("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
            }
            NdError::ShapeMismatch(msg) => f.write_str(msg),
            NdError::InvalidValue(msg) => f.write_str(msg),
            NdError::UnequalSplit => f.write_str("array split does not result in an equal division"),
            NdError::MultipleEllipsis => {
                f.write_str("an index can only have a single ellipsis ('...')")
            }
            NdError::ZeroStep => f.write_str("slice step cannot be zero"),
            NdError::Empty(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for NdError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_match_numpy() {
        let e = NdError::Broadcast {
            lhs: vec![2, 3],
            rhs: vec![4],
        };
        // NumPy's text ends with a space.
        assert_eq!(
            e.to_string(),
            "operands could not be broadcast together with shapes (2,3) (4,) "
        );
        let e = NdError::Reshape {
            size: 6,
            shape: vec![4],
        };
        assert_eq!(
            e.to_string(),
            "cannot reshape array of size 6 into shape (4,)"
        );
        let e = NdError::Reshape {
            size: 6,
            shape: vec![4, -1],
        };
        assert_eq!(
            e.to_string(),
            "cannot reshape array of size 6 into shape (4,newaxis)"
        );
        let e = NdError::Reshape {
            size: 6,
            shape: vec![-1, 4],
        };
        assert_eq!(
            e.to_string(),
            "cannot reshape array of size 6 into shape (4)"
        );
        let e = NdError::Reshape {
            size: 6,
            shape: vec![5, 5],
        };
        assert_eq!(
            e.to_string(),
            "cannot reshape array of size 6 into shape (5,5)"
        );
        let e = NdError::IndexOutOfBounds {
            index: 5,
            axis: 0,
            len: 3,
        };
        assert_eq!(
            e.to_string(),
            "index 5 is out of bounds for axis 0 with size 3"
        );
        assert_eq!(shape_str::<usize>(&[]), "()");
    }
}
