//! `IoError`: every way reading or writing a file can fail, with a message that names
//! the file, line or field at fault.

use numerust_core::{DType, NdError};
use std::fmt;

/// The error of every numerust-io operation.
#[derive(Debug)]
#[non_exhaustive]
pub enum IoError {
    /// The operating system refused a read, write, open or map.
    Io(std::io::Error),
    /// The bytes are not a valid file of the expected format (bad magic, header, zip
    /// structure, truncated data, ...). The message says what is wrong.
    Format(String),
    /// The file holds a dtype numerust does not read (object arrays, structured dtypes,
    /// strings, datetimes, ...).
    UnsupportedDType(String),
    /// A typed load asked for `expected` but the file holds `found`.
    DTypeMismatch {
        /// The element type the caller asked for.
        expected: DType,
        /// The element type stored in the file.
        found: DType,
    },
    /// A text field that does not parse as the requested type.
    Parse {
        /// The field as written.
        text: String,
        /// The type it should have parsed as.
        dtype: DType,
        /// 1-based line number in the file.
        line: usize,
        /// 1-based column (field) number.
        column: usize,
    },
    /// A named member missing from an `.npz` archive.
    MissingKey(String),
    /// An array-level failure (shape overflow, bad reshape, ...).
    Array(NdError),
}

/// Shorthand for `Result<T, IoError>`.
pub type IoResult<T> = Result<T, IoError>;

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IoError::Io(e) => write!(f, "{e}"),
            IoError::Format(msg) | IoError::UnsupportedDType(msg) => f.write_str(msg),
            IoError::DTypeMismatch { expected, found } => write!(
                f,
                "the file holds {found} elements, not {expected}; load it with load_any or a casting load"
            ),
            IoError::Parse {
                text,
                dtype,
                line,
                column,
            } => write!(
                f,
                "could not convert '{text}' to {dtype} at line {line}, column {column}"
            ),
            IoError::MissingKey(k) => write!(f, "{k} is not a file in the archive"),
            IoError::Array(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for IoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            IoError::Io(e) => Some(e),
            IoError::Array(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for IoError {
    fn from(e: std::io::Error) -> Self {
        IoError::Io(e)
    }
}

impl From<NdError> for IoError {
    fn from(e: NdError) -> Self {
        IoError::Array(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_error_names_line_and_column() {
        let e = IoError::Parse {
            text: "abc".into(),
            dtype: DType::Float64,
            line: 17,
            column: 3,
        };
        assert_eq!(
            e.to_string(),
            "could not convert 'abc' to float64 at line 17, column 3"
        );
    }
}
