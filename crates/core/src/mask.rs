//! Boolean-mask indexing: `a.mask(&m)` (NumPy's `a[m]`), masked assignment (`a[m] = v`),
//! [`nonzero`], [`flatnonzero`], [`argwhere`] and [`compress`], with NumPy's semantics and
//! messages.
//!
//! A mask with as many axes as the array selects elements (a 1-D result in C order, whatever
//! the memory order of either operand); a mask over the leading `k` axes selects sub-arrays,
//! as NumPy's `a[m]` does, giving shape `(count,) + a.shape[k..]`. Counting and the
//! contiguous copy loop are written branch-free so random masks do not stall on mispredicted
//! branches. Integer-array indexing lives in `fancy.rs`; `count_nonzero` in the kernels.

use crate::array::{AsView, NdArray};
use crate::create::zeros;
use crate::element::Element;
use crate::elementwise::build;
use crate::error::{NdError, NdResult};
use crate::fancy::{take_source, values_for};
use crate::gather::{
    Block, Source, Target, for_each_pair, gather_blocks, scatter_blocks, with_array_target,
    with_view_target,
};
use crate::iter::Offsets;
use crate::layout::{Layout, Order};
use crate::view::{ArrayView, ArrayViewMut};
use std::hint::select_unpredictable;

/// Checks that `mask` can index `shape`: no more axes, equal lengths on the axes it covers.
fn check_mask(shape: &[usize], mask: &[usize]) -> NdResult<()> {
    if mask.len() > shape.len() {
        return Err(NdError::TooManyIndices {
            ndim: shape.len(),
            given: mask.len(),
        });
    }
    for (axis, (&len, &mlen)) in shape.iter().zip(mask).enumerate() {
        if len != mlen {
            return Err(NdError::ShapeMismatch(format!(
                "boolean index did not match indexed array along axis {axis}; size of axis is \
                 {len} but size of corresponding boolean axis is {mlen}"
            )));
        }
    }
    Ok(())
}

/// Number of `true`s, counted in byte blocks the compiler vectorises.
fn count_true(m: &[bool]) -> usize {
    let bytes: &[u8] = bytemuck::cast_slice(m);
    bytes
        .chunks(255)
        .map(|c| usize::from(c.iter().sum::<u8>())) // at most 255 per block: no overflow
        .sum()
}

/// `out` gets the elements of `src` where `m` is true; `out.len()` is their count.
///
/// Branch-free: every element up to the last `true` is stored at the write cursor, and the
/// cursor advances by the mask bit. The cursor stays below the count before that last `true`,
/// so every store is in bounds.
fn select_contig<T: Copy>(src: &[T], m: &[bool], out: &mut [T]) {
    let Some(last) = m.iter().rposition(|&b| b) else {
        return;
    };
    let mut k = 0usize;
    for (x, &b) in src[..=last].iter().zip(&m[..=last]) {
        out[k] = *x;
        k += usize::from(b);
    }
}

/// Offsets in `lead` (the layout of the axes the mask covers) of the mask's true positions,
/// in C order. `ms` comes from `Source::of_view`, so its data is exactly the mask's elements.
/// Counted first, then written branch-free: the slot at the cursor is overwritten until a
/// true element moves the cursor past it.
fn true_offsets(lead: &Layout, ms: &Source<'_, bool>) -> Vec<isize> {
    let mut out = vec![0isize; count_true(&ms.data)];
    let mut k = 0usize;
    for_each_pair(
        lead.shape(),
        lead.strides(),
        ms.layout.strides(),
        |oa, om| {
            if let Some(slot) = out.get_mut(k) {
                *slot = oa;
            }
            k += usize::from(ms.at(om));
        },
    );
    out
}

/// The layout of the first `k` axes of `layout`.
fn leading(layout: &Layout, k: usize) -> Layout {
    Layout::new(layout.shape()[..k].to_vec(), layout.strides()[..k].to_vec())
}

fn trailing(layout: &Layout, from: usize) -> Layout {
    Layout::new(
        layout.shape()[from..].to_vec(),
        layout.strides()[from..].to_vec(),
    )
}

/// `mask` on a source: see [`NdArray::mask`].
fn mask_source<T: Element>(src: &Source<'_, T>, m: &ArrayView<'_, bool>) -> NdResult<NdArray<T>> {
    check_mask(src.layout.shape(), m.shape())?;
    let ms = Source::of_view(m);
    let k = m.ndim();
    if k == src.layout.ndim() && src.layout.is_c_contiguous() && m.is_c_contiguous() {
        // Both in C order in memory: count, then one branch-free copy.
        let mb: &[bool] = &ms.data;
        let start = src.base as usize;
        let s = &src.data[start..start + mb.len()];
        return build(
            &[count_true(mb)],
            Order::C,
            |dst: &mut ArrayViewMut<'_, T>| {
                select_contig(s, mb, dst.as_slice_mut().expect("new array"));
            },
        );
    }
    let offs = true_offsets(&leading(&src.layout, k), &ms);
    let post = trailing(&src.layout, k);
    let shape = [&[offs.len()], post.shape()].concat();
    build(&shape, Order::C, |dst: &mut ArrayViewMut<'_, T>| {
        let out = dst.as_slice_mut().expect("new array");
        gather_blocks(src, 0, &offs, &Block::new(&post), out);
    })
}

/// `a[m] = values` on a target: see [`NdArray::mask_assign_from`].
fn mask_assign_target<T: Element>(
    dst: &mut Target<'_, T>,
    m: &ArrayView<'_, bool>,
    values: &ArrayView<'_, T>,
) -> NdResult<()> {
    check_mask(dst.layout.shape(), m.shape())?;
    let ms = Source::of_view(m);
    let k = m.ndim();
    if k < dst.layout.ndim() {
        let offs = true_offsets(&leading(&dst.layout, k), &ms);
        let post = trailing(&dst.layout, k);
        let shape = [&[offs.len()], post.shape()].concat();
        let vals = values_for(values, &shape)?;
        scatter_blocks(dst, &offs, &Block::new(&post), &vals);
        return Ok(());
    }
    // A full mask: NumPy wants 0-d/1-d values of length 1 or the number of trues.
    if values.ndim() > 1 {
        return Err(NdError::InvalidValue(format!(
            "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, \
             input has {} dimensions",
            values.ndim()
        )));
    }
    let count = count_true(&ms.data);
    let n = values.size();
    if n != count && n != 1 {
        return Err(NdError::ShapeMismatch(format!(
            "NumPy boolean array indexing assignment cannot assign {n} input values to the \
             {count} output values where the mask is true"
        )));
    }
    if count == 0 {
        return Ok(());
    }
    if dst.layout.is_c_contiguous() && m.is_c_contiguous() {
        let mb: &[bool] = &ms.data;
        let start = dst.base as usize;
        let d = &mut dst.data[start..start + mb.len()];
        if n == 1 {
            let v = *values.iter().next().expect("one value");
            for (x, &b) in d.iter_mut().zip(mb) {
                *x = select_unpredictable(b, v, *x);
            }
        } else {
            // Branch-free as in `select_contig`: up to the last true, the value cursor `j`
            // stays below `count`.
            let vals = values.to_vec();
            let last = mb.iter().rposition(|&b| b).expect("count > 0");
            let mut j = 0usize;
            for (x, &b) in d[..=last].iter_mut().zip(&mb[..=last]) {
                *x = select_unpredictable(b, vals[j], *x);
                j += usize::from(b);
            }
        }
        return Ok(());
    }
    let offs = true_offsets(&dst.layout, &ms);
    let vals = values_for(values, &[count])?;
    scatter_blocks(dst, &offs, &Block::One, &vals);
    Ok(())
}

impl<T: Element> ArrayView<'_, T> {
    /// A 1-D copy of the elements where `m` is true, in C order (NumPy: `a[m]`).
    /// See [`NdArray::mask`].
    ///
    /// # Errors
    /// As [`NdArray::mask`].
    pub fn mask(&self, m: &impl AsView<bool>) -> NdResult<NdArray<T>> {
        mask_source(&Source::of_view(self), &m.as_view())
    }
}

impl<T: Element> NdArray<T> {
    /// A copy of the elements where `m` is true (NumPy: `a[m]`).
    ///
    /// With `m` of `a`'s shape the result is 1-D, in C order. A mask over the leading axes
    /// selects sub-arrays: shape `(count,) + a.shape[m.ndim..]`.
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// let a = NdArray::from_shape_vec(&[2, 3], vec![0.1, 0.9, 0.4, 0.7, 0.2, 0.6]).unwrap();
    /// let big = a.mask(&a.mapv(|x| x > 0.5)).unwrap();
    /// assert_eq!(big.to_vec(), vec![0.9, 0.7, 0.6]);
    /// let rows = a.mask(&NdArray::from_vec(vec![false, true])).unwrap();
    /// assert_eq!(rows.shape(), &[1, 3]);
    /// let e = a.mask(&NdArray::from_vec(vec![true; 3])).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "boolean index did not match indexed array along axis 0; size of axis is 2 \
    ///      but size of corresponding boolean axis is 3"
    /// );
    /// ```
    ///
    /// # Errors
    /// `ShapeMismatch` when an axis length differs; `TooManyIndices` when `m` has more axes.
    pub fn mask(&self, m: &impl AsView<bool>) -> NdResult<NdArray<T>> {
        mask_source(&Source::of_array(self), &m.as_view())
    }

    /// Sets the elements where `m` is true to `value` (NumPy: `a[m] = value`).
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// let mut a = NdArray::from_vec(vec![-1, 2, -3]);
    /// let neg = a.mapv(|x| x < 0);
    /// a.mask_assign(&neg, 0).unwrap();
    /// assert_eq!(a.to_vec(), vec![0, 2, 0]);
    /// ```
    ///
    /// # Errors
    /// As [`mask`](Self::mask).
    pub fn mask_assign(&mut self, m: &impl AsView<bool>, value: T) -> NdResult<()> {
        let one = [value];
        self.mask_assign_from(m, &ArrayView::from_slice(&one))
    }

    /// Writes `values` into the elements where `m` is true, in C order (NumPy: `a[m] = values`).
    ///
    /// With a full mask, `values` is 0-d or 1-d, of length 1 or the number of trues. With a
    /// mask over the leading axes, `values` broadcasts to `(count,) + a.shape[m.ndim..]`.
    ///
    /// ```
    /// use numerust_core::NdArray;
    /// let mut a = NdArray::from_vec(vec![1, 2, 3, 4]);
    /// let odd = a.mapv(|x| x % 2 == 1);
    /// a.mask_assign_from(&odd, &NdArray::from_vec(vec![10, 30])).unwrap();
    /// assert_eq!(a.to_vec(), vec![10, 2, 30, 4]);
    /// let e = a.mask_assign_from(&odd, &NdArray::from_vec(vec![1, 2, 3])).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 \
    ///      output values where the mask is true"
    /// );
    /// ```
    ///
    /// # Errors
    /// As [`mask`](Self::mask); `ShapeMismatch` for a wrong number of values;
    /// `InvalidValue` for values of 2 or more dimensions with a full mask. Nothing is
    /// written on error.
    pub fn mask_assign_from(
        &mut self,
        m: &impl AsView<bool>,
        values: &impl AsView<T>,
    ) -> NdResult<()> {
        let (m, values) = (m.as_view(), values.as_view());
        with_array_target(self, |t| mask_assign_target(t, &m, &values))
    }
}

impl<T: Element> ArrayViewMut<'_, T> {
    /// Sets the elements where `m` is true to `value`, through the view (NumPy:
    /// `a[m] = value`).
    ///
    /// # Errors
    /// As [`NdArray::mask`].
    pub fn mask_assign(&mut self, m: &impl AsView<bool>, value: T) -> NdResult<()> {
        let one = [value];
        self.mask_assign_from(m, &ArrayView::from_slice(&one))
    }

    /// Writes `values` where `m` is true, through the view. See [`NdArray::mask_assign_from`].
    ///
    /// # Errors
    /// As [`NdArray::mask_assign_from`].
    pub fn mask_assign_from(
        &mut self,
        m: &impl AsView<bool>,
        values: &impl AsView<T>,
    ) -> NdResult<()> {
        let (m, values) = (m.as_view(), values.as_view());
        with_view_target(self, |t| mask_assign_target(t, &m, &values))
    }
}

/// Number of non-zero elements of a source made by `Source::of_view` (whose data is exactly
/// the array's elements, in some order).
fn count_nonzero_in<T: Element>(src: &Source<'_, T>) -> usize {
    let zero = T::zero();
    // u32 partial sums over blocks the compiler vectorises.
    src.data
        .chunks(1 << 20)
        .map(|c| c.iter().map(|&x| u32::from(x != zero)).sum::<u32>() as usize)
        .sum()
}

/// Writes `first + i` to `out[*k..]` for every `i` where `lane[i]` is not zero, advancing `*k`.
///
/// Branch-free, as in `true_offsets`: the slot at the cursor is overwritten until a non-zero
/// element moves the cursor past it (`out` holds exactly the non-zero count, so the guard
/// only fails after the last one).
fn push_nonzero_positions<T: Element>(lane: &[T], first: i64, out: &mut [i64], k: &mut usize) {
    let zero = T::zero();
    for (pos, &x) in (first..).zip(lane) {
        if let Some(slot) = out.get_mut(*k) {
            *slot = pos;
        }
        *k += usize::from(x != zero);
    }
}

/// One column per axis with the indices of the non-zero elements of `v` (`ndim >= 1`), in C
/// order. Walks the lanes of the last axis: that axis' column is written branch-free (as in
/// `true_offsets`), the other columns are filled once per lane.
fn nonzero_columns<T: Element>(v: &ArrayView<'_, T>) -> Vec<NdArray<i64>> {
    let src = Source::of_view(v);
    let zero = T::zero();
    let count = count_nonzero_in(&src);
    let nd = v.ndim();
    let mut arrays: Vec<NdArray<i64>> = (0..nd).map(|_| new_index_array(count)).collect();
    if count == 0 {
        return arrays;
    }
    let mut cols: Vec<&mut [i64]> = arrays
        .iter_mut()
        .map(|a| a.as_slice_mut().expect("new 1-D array"))
        .collect();
    let (len, stride) = (v.shape()[nd - 1], src.layout.strides()[nd - 1]);
    let (last, outer_cols) = cols.split_last_mut().expect("ndim >= 1");
    let mut lanes = Offsets::new(&leading(&src.layout, nd - 1));
    let mut index: Vec<usize> = Vec::with_capacity(nd - 1);
    let mut k = 0usize;
    loop {
        index.clear();
        index.extend_from_slice(lanes.index());
        let Some(base) = lanes.next() else {
            break;
        };
        let start = k;
        if stride == 1 {
            let from = (src.base + base) as usize;
            push_nonzero_positions(&src.data[from..from + len], 0, last, &mut k);
        } else {
            for j in 0..len {
                let x = src.at(base + j as isize * stride);
                if let Some(slot) = last.get_mut(k) {
                    *slot = j as i64;
                }
                k += usize::from(x != zero);
            }
        }
        for (col, &i) in outer_cols.iter_mut().zip(&index) {
            col[start..k].fill(i as i64);
        }
    }
    arrays
}

/// A new `int64` array of `n` zeros (huge-page backed when large, like every new array).
fn new_index_array(n: usize) -> NdArray<i64> {
    zeros(&[n]).expect("n indices of existing elements fit in memory")
}

/// The indices of the non-zero elements, one `int64` array per axis (NumPy: `np.nonzero(a)`).
///
/// "Non-zero" is `x != T::zero()`: `false`, `0` and `±0.0` are zero; `NaN` is not.
///
/// ```
/// use numerust_core::{NdArray, nonzero};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![0, 5, 7, 0]).unwrap();
/// let [rows, cols] = <[_; 2]>::try_from(nonzero(&a).unwrap()).unwrap();
/// assert_eq!((rows.to_vec(), cols.to_vec()), (vec![0, 1], vec![1, 0]));
/// ```
///
/// # Errors
/// `InvalidValue` for a 0-d array, as NumPy 2 ("Calling nonzero on 0d arrays is not allowed.
/// Use np.atleast_1d(scalar).nonzero() instead.").
pub fn nonzero<T: Element>(a: &impl AsView<T>) -> NdResult<Vec<NdArray<i64>>> {
    let v = a.as_view();
    if v.ndim() == 0 {
        return Err(NdError::InvalidValue(
            "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead."
                .into(),
        ));
    }
    Ok(nonzero_columns(&v))
}

/// The flat (C-order) positions of the non-zero elements (NumPy: `np.flatnonzero(a)`).
///
/// ```
/// use numerust_core::{NdArray, flatnonzero};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![0.0, 1.5, 0.0, -2.0]).unwrap();
/// assert_eq!(flatnonzero(&a).to_vec(), vec![1, 3]);
/// ```
pub fn flatnonzero<T: Element>(a: &impl AsView<T>) -> NdArray<i64> {
    let v = a.as_view();
    let src = Source::of_view(&v);
    let zero = T::zero();
    let mut array = new_index_array(count_nonzero_in(&src));
    let out = array.as_slice_mut().expect("new 1-D array");
    let mut k = 0usize;
    if v.is_c_contiguous() {
        push_nonzero_positions(&src.data, 0, out, &mut k);
        return array;
    }
    let strides = src.layout.strides();
    let mut flat = 0i64;
    // Branch-free, as in `true_offsets`.
    for_each_pair(v.shape(), strides, strides, |o, _| {
        let x = src.at(o);
        if let Some(slot) = out.get_mut(k) {
            *slot = flat;
        }
        k += usize::from(x != zero);
        flat += 1;
    });
    array
}

/// The indices of the non-zero elements as rows: shape `(count, ndim)` (NumPy:
/// `np.argwhere(a)`). A 0-d array gives shape `(1, 0)` or `(0, 0)`.
///
/// ```
/// use numerust_core::{NdArray, argwhere};
/// let a = NdArray::from_shape_vec(&[2, 2], vec![true, false, false, true]).unwrap();
/// let w = argwhere(&a);
/// assert_eq!(w.shape(), &[2, 2]);
/// assert_eq!(w.to_vec(), vec![0, 0, 1, 1]);
/// ```
pub fn argwhere<T: Element>(a: &impl AsView<T>) -> NdArray<i64> {
    let v = a.as_view();
    let nd = v.ndim();
    if nd == 0 {
        let count = count_nonzero_in(&Source::of_view(&v));
        return NdArray::from_shape_vec(&[count, 0], vec![]).expect("no elements");
    }
    let cols = nonzero_columns(&v);
    let count = cols[0].size();
    let mut out: NdArray<i64> = zeros(&[count, nd]).expect("as many rows as elements");
    let rows = out.as_slice_mut().expect("new array");
    for (axis, col) in cols.iter().enumerate() {
        let col = col.as_slice().expect("new 1-D array");
        for (row, &i) in rows.chunks_exact_mut(nd).zip(col) {
            row[axis] = i;
        }
    }
    out
}

/// The slices of `a` along `axis` (or of the flattened `a`) where `condition` is true
/// (NumPy: `np.compress(condition, a, axis)`).
///
/// `condition` may be shorter than the axis (the rest is dropped) or longer if the extra
/// entries are false.
///
/// ```
/// use numerust_core::{NdArray, compress};
/// let a = NdArray::from_shape_vec(&[2, 3], vec![1, 2, 3, 4, 5, 6]).unwrap();
/// let cond = NdArray::from_vec(vec![false, true]);
/// assert_eq!(compress(&cond, &a, Some(1)).unwrap().to_vec(), vec![2, 5]);
/// assert_eq!(compress(&cond, &a, None).unwrap().to_vec(), vec![2]);
/// ```
///
/// # Errors
/// `InvalidValue` ("condition must be a 1-d array"); `IndexOutOfBounds` for a true entry
/// past the axis; `AxisOutOfBounds`.
pub fn compress<T: Element>(
    condition: &impl AsView<bool>,
    a: &impl AsView<T>,
    axis: Option<isize>,
) -> NdResult<NdArray<T>> {
    let c = condition.as_view();
    if c.ndim() != 1 {
        return Err(NdError::InvalidValue(
            "condition must be a 1-d array".into(),
        ));
    }
    let picks: Vec<usize> = c
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| b.then_some(i))
        .collect();
    let v = a.as_view();
    take_source(&Source::of_view(&v), &picks, axis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_and_select_agree_with_a_naive_loop() {
        // Lengths around the 255-byte counting blocks, trues at both ends or none.
        for n in [0usize, 1, 2, 254, 255, 256, 511, 1000] {
            for pattern in 0..4u64 {
                let m: Vec<bool> = (0..n)
                    .map(|i| match pattern {
                        0 => false,
                        1 => true,
                        2 => (i * 7 + 3) % 5 < 2,
                        _ => i == n - 1,
                    })
                    .collect();
                let src: Vec<u32> = (0..n as u32).collect();
                let want: Vec<u32> = src
                    .iter()
                    .zip(&m)
                    .filter(|(_, b)| **b)
                    .map(|(x, _)| *x)
                    .collect();
                assert_eq!(count_true(&m), want.len(), "n={n} p={pattern}");
                let mut out = vec![0u32; want.len()];
                select_contig(&src, &m, &mut out);
                assert_eq!(out, want, "n={n} p={pattern}");
            }
        }
    }

    #[test]
    fn mask_shape_errors_match_numpy() {
        assert_eq!(
            check_mask(&[2, 3], &[2, 4]).unwrap_err().to_string(),
            "boolean index did not match indexed array along axis 1; size of axis is 3 but size of corresponding boolean axis is 4"
        );
        assert_eq!(
            check_mask(&[2, 3], &[2, 3, 1]).unwrap_err().to_string(),
            "too many indices for array: array is 2-dimensional, but 3 were indexed"
        );
        assert!(check_mask(&[2, 3], &[2]).is_ok());
    }
}
