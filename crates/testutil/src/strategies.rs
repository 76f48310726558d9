//! proptest strategies for shapes, indices and slices.

use proptest::prelude::*;

/// Shapes of rank `0..=max_rank` with each length in `0..=max_len`.
pub fn shape(max_rank: usize, max_len: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..=max_len, 0..=max_rank)
}

/// Shapes with every length at least 1.
pub fn nonempty_shape(max_rank: usize, max_len: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1..=max_len, 0..=max_rank)
}

/// A NumPy-style slice `(start, stop, step)` with optional ends, negative values allowed,
/// for an axis of about `len` elements (ends may fall outside, as in NumPy).
pub fn slice_triple(len: usize) -> impl Strategy<Value = (Option<isize>, Option<isize>, isize)> {
    let l = len as isize + 2;
    (
        prop::option::of(-l..=l),
        prop::option::of(-l..=l),
        prop_oneof![1isize..=3, -3isize..=-1],
    )
}

/// Shapes that broadcast against each other half the time: a base shape and a second
/// shape derived by dropping leading axes and setting some lengths to 1.
pub fn broadcastable_pair(
    max_rank: usize,
    max_len: usize,
) -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    (nonempty_shape(max_rank, max_len), any::<u64>()).prop_map(|(a, bits)| {
        let drop = (bits % (a.len() as u64 + 1)) as usize;
        let b = a[drop..]
            .iter()
            .enumerate()
            .map(|(i, &d)| if bits >> (8 + i) & 1 == 1 { 1 } else { d })
            .collect();
        if bits >> 40 & 1 == 1 { (a, b) } else { (b, a) }
    })
}
