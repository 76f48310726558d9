//! numerust-core: the strided n-dimensional array at the heart of numerust.
//!
//! Owns [`NdArray`] (owned, O(1) clone, copy-on-write), [`ArrayView`]/[`ArrayViewMut`]
//! (borrowed, write-through), [`Layout`] (shape + element strides), basic indexing
//! ([`s!`]), broadcasting, the iteration plan that hands kernels long 1-D runs
//! ([`iter::plan`]), creation, shape manipulation, joins and splits, fancy and boolean
//! indexing, casting and printing. Math ufuncs and reductions go to `numerust-kernels`;
//! nothing here depends on a sibling crate above kernels.
//!
//! ```
//! use numerust_core::{s, NdArray};
//! let a = NdArray::from_shape_vec(&[3, 4], (0..12).collect::<Vec<i64>>()).unwrap();
//! let v = a.slice(s![1.., ..;-2]);
//! assert_eq!(v.shape(), &[2, 2]);
//! assert_eq!(v.to_vec(), vec![7, 5, 11, 9]);
//! ```

pub mod any;
pub mod array;
pub mod broadcast;
pub mod buffer;
pub mod cast;
pub mod create;
pub mod element;
pub mod elementwise;
pub mod error;
pub mod fancy;
pub mod fmt;
pub(crate) mod gather;
pub mod iter;
pub mod join;
pub mod layout;
pub mod manip;
pub mod mask;
pub mod matrix;
pub mod pad;
pub mod ranges;
pub mod reduce;
pub mod shape;
pub mod slice;
pub mod split;
pub mod ufunc;
pub mod view;

pub use any::AnyArray;
pub use array::{AsView, NdArray, shares_memory};
pub use broadcast::{broadcast_arrays, broadcast_layout, broadcast_shape_pair, broadcast_shapes};
pub use cast::CastTo;
pub use create::{
    NestedData, array, empty, empty_like, from_fn, full, full_like, ones, ones_like, zeros,
    zeros_like, zeros_order,
};
pub use element::{DType, Element};
pub use error::{NdError, NdResult};
pub use fancy::{IndexInt, Indices, put, take};
pub use fmt::{array_repr, array_str};
pub use join::{
    atleast_1d, atleast_2d, atleast_3d, column_stack, concatenate, concatenate_flat, dstack,
    hstack, row_stack, stack, vstack,
};
pub use layout::{Layout, Order};
pub use manip::{Repeats, flip, fliplr, flipud, repeat, roll, roll_axes, tile};
pub use mask::{argwhere, compress, flatnonzero, nonzero};
pub use matrix::{
    Indexing, diag, diagonal, diagonal_axes, eye, identity, meshgrid, tri, tril, triu,
};
pub use num_complex::Complex;
pub use pad::{PadMode, pad};
pub use ranges::{
    ArangeElement, LinspaceFloat, arange, arange_range, linspace, linspace_retstep, logspace,
};
pub use shape::ShapeArg;
pub use slice::{Ellipsis, NewAxis, SliceElem};
pub use split::{IndicesOrSections, array_split, dsplit, hsplit, split, vsplit};
pub use view::{ArrayView, ArrayViewMut};

/// `complex64`: two `f32`.
pub type Complex32 = Complex<f32>;
/// `complex128`: two `f64`.
pub type Complex64 = Complex<f64>;
