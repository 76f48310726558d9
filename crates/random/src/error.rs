//! `RandomError`: why a sampling call was refused, in NumPy's words.
//!
//! NumPy raises `ValueError`, `TypeError` or `OverflowError` with a short message for bad
//! parameters; each variant here carries that message so `to_string()` prints NumPy's text
//! (`scale < 0`, `low >= high`, ...). Array failures (a shape too large to address) come from
//! core as [`NdError`].

use numerust_core::NdError;
use std::fmt;

/// A refused sampling call: NumPy's exception class and message.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RandomError {
    /// NumPy's `ValueError`: a parameter outside the distribution's domain (`scale < 0`).
    Value(String),
    /// NumPy's `OverflowError`: a range that does not fit (`high - low range exceeds valid
    /// bounds`).
    Overflow(String),
    /// An array error from core (shape overflow, broadcasting, axis out of bounds).
    Array(NdError),
}

impl RandomError {
    /// A `ValueError` with NumPy's message.
    pub(crate) fn value(msg: impl Into<String>) -> Self {
        RandomError::Value(msg.into())
    }
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RandomError::Value(m) | RandomError::Overflow(m) => f.write_str(m),
            RandomError::Array(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for RandomError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RandomError::Array(e) => Some(e),
            _ => None,
        }
    }
}

impl From<NdError> for RandomError {
    fn from(e: NdError) -> Self {
        RandomError::Array(e)
    }
}

/// `Result` of a sampling call.
pub type RandomResult<T> = Result<T, RandomError>;
