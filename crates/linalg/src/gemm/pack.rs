//! Packing: copying a block of a strided operand into the panel order the kernels read.
//!
//! [`pack`] takes an `len x depth` block and writes it as `ceil(len / w)` panels of `w`
//! rows each: panel `r` starts at `r * w * depth`, and holds, for each `p < depth`, the
//! `w` values `src[r*w .. r*w+w, p]` one after another; rows past `len` are zero. The A
//! block (`mc x kc`, `w = MR`) is packed as is, the B block (`kc x nc`, `w = NR`) as its
//! transpose, so one function serves both. Strides may be anything (negative, zero,
//! transposed): the source is never copied beyond this.
//!
//! Two layouts get loops in their memory order: unit stride down the panel (copy `w` values
//! per `p`) and unit stride along `depth` (read each row once, scatter at stride `w`).

use super::mat::MatRef;
use numerust_core::Element;

/// Packs `src` (`len x depth`) into `dst` (up to `ceil(len/w) * w * depth` elements); see the
/// module doc for the order. The last panel is narrowed to `valid` rows rounded up to a
/// multiple of `lanes` (its kernel is one with fewer vectors), so little of it is padding.
///
/// # Panics
/// When `dst` is too short.
pub(crate) fn pack<T: Element>(src: MatRef<'_, T>, w: usize, lanes: usize, dst: &mut [T]) {
    let (len, depth) = (src.rows(), src.cols());
    if len == 0 || depth == 0 {
        return;
    }
    let panels = len.div_ceil(w);
    let last = (len - (panels - 1) * w).div_ceil(lanes) * lanes;
    assert!(
        dst.len() >= ((panels - 1) * w + last.min(w)) * depth,
        "packing buffer too short"
    );
    for r in 0..panels {
        let i0 = r * w;
        let valid = w.min(len - i0);
        let w = w.min(valid.div_ceil(lanes) * lanes);
        let panel = &mut dst[i0 * depth..(i0 + w) * depth];
        if src.row_stride() == 1 {
            for (p, out) in panel.chunks_exact_mut(w).enumerate() {
                let from = src.ptr_at(i0, p);
                // SAFETY: rows i0..i0+valid of column p lie in `src` (valid <= len - i0,
                // p < depth) and are consecutive (unit row stride).
                let col = unsafe { std::slice::from_raw_parts(from, valid) };
                out[..valid].copy_from_slice(col);
                out[valid..].fill(T::zero());
            }
        } else if src.col_stride() == 1 {
            for i in 0..valid {
                let from = src.ptr_at(i0 + i, 0);
                // SAFETY: row i0+i (< len) has `depth` consecutive elements (unit column
                // stride) inside `src`.
                let row = unsafe { std::slice::from_raw_parts(from, depth) };
                for (p, &x) in row.iter().enumerate() {
                    panel[p * w + i] = x;
                }
            }
            if valid < w {
                for out in panel.chunks_exact_mut(w) {
                    out[valid..].fill(T::zero());
                }
            }
        } else {
            for (p, out) in panel.chunks_exact_mut(w).enumerate() {
                for (i, o) in out.iter_mut().enumerate() {
                    *o = if i < valid {
                        // SAFETY: i0 + i < len, p < depth.
                        unsafe { src.get_unchecked(i0 + i, p) }
                    } else {
                        T::zero()
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_packs_the_same_panels() {
        // A 5 x 3 matrix read through three layouts: row-major, column-major, reversed.
        let (len, depth, w) = (5usize, 3usize, 2usize);
        let value = |i: usize, p: usize| (10 * i + p) as f64;
        let rm: Vec<f64> = (0..len * depth)
            .map(|x| value(x / depth, x % depth))
            .collect();
        let cm: Vec<f64> = (0..len * depth).map(|x| value(x % len, x / len)).collect();
        let expected: Vec<f64> = (0..3)
            .flat_map(|r| {
                (0..depth).flat_map(move |p| {
                    (0..w).map(move |i| {
                        let row = r * w + i;
                        if row < len { value(row, p) } else { 0.0 }
                    })
                })
            })
            .collect();
        let mats = [
            MatRef::from_slice(&rm, len, depth),
            // SAFETY: column-major 5 x 3 over a 15-element slice.
            unsafe { MatRef::from_raw_parts(cm.as_ptr(), len, depth, 1, len as isize) },
            // Reversed rows of the reversed row-major matrix: start at the last row.
            // SAFETY: (i, p) -> (len-1-i)*depth + p stays inside `rev`.
            unsafe {
                MatRef::from_raw_parts(
                    rm.as_ptr().add((len - 1) * depth),
                    len,
                    depth,
                    -(depth as isize),
                    1,
                )
            },
        ];
        for (k, m) in mats.iter().enumerate() {
            let mut dst = vec![f64::NAN; 3 * w * depth];
            pack(*m, w, w, &mut dst);
            if k == 2 {
                // Row i of the reversed view is row len-1-i.
                let rev: Vec<f64> = (0..3)
                    .flat_map(|r| {
                        (0..depth).flat_map(move |p| {
                            (0..w).map(move |i| {
                                let row = r * w + i;
                                if row < len {
                                    value(len - 1 - row, p)
                                } else {
                                    0.0
                                }
                            })
                        })
                    })
                    .collect();
                assert_eq!(dst, rev);
            } else {
                assert_eq!(dst, expected, "layout {k}");
            }
        }
        // A general (non-unit) stride: every other column of a 5 x 6 row-major matrix.
        let wide: Vec<f64> = (0..30).map(|x| value(x / 6, (x % 6) / 2)).collect();
        // SAFETY: (i, p) -> 6i + 2p < 30.
        let strided = unsafe { MatRef::from_raw_parts(wide.as_ptr(), len, depth, 6, 2) };
        let mut dst = vec![f64::NAN; 3 * w * depth];
        pack(strided, w, w, &mut dst);
        // lanes = 1 narrows the last panel to its one valid row.
        let mut narrow = vec![f64::NAN; 5 * depth];
        pack(mats[0], w, 1, &mut narrow);
        assert_eq!(narrow[..4 * depth], expected[..4 * depth]);
        let last: Vec<f64> = (0..depth).map(|p| value(4, p)).collect();
        assert_eq!(narrow[4 * depth..], last[..]);
        assert_eq!(dst, expected);
    }
}
