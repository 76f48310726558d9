//! The iteration plan: how every element-wise operation and reduction reaches the kernels.
//!
//! Given a shape and one stride list per operand (already broadcast to that shape, zero
//! strides for stretched axes), a [`Plan`]:
//! 1. drops axes of length 1 (they contribute nothing);
//! 2. optionally orders the remaining axes by the first operand's strides, largest outer, so
//!    the innermost axis is the one with the smallest stride (the output's memory order);
//! 3. merges neighbouring axes that every operand walks as one (outer stride = inner stride ×
//!    inner length), so a contiguous array of any rank becomes a single axis;
//! 4. walks the outer axes with an odometer and hands the innermost axis to a callback as one
//!    1-D run with a stride per operand: the unit kernels work on.
//!
//! With `keep_order`, step 2 is skipped and runs come in logical (C) order; merging never
//! changes the order elements are visited in.

/// Merged axes of an N-operand traversal; see the module doc.
#[derive(Clone, Debug)]
pub struct Plan<const N: usize> {
    dims: Vec<usize>,
    strides: Vec<[isize; N]>,
    empty: bool,
}

impl<const N: usize> Plan<N> {
    /// Plans a traversal of `shape`, where operand `k` has element strides `strides[k]`.
    ///
    /// # Panics
    /// If a stride list's length differs from the shape's.
    pub fn new(shape: &[usize], strides: [&[isize]; N], keep_order: bool) -> Self {
        for s in &strides {
            assert_eq!(
                s.len(),
                shape.len(),
                "stride list length differs from the shape"
            );
        }
        if shape.contains(&0) {
            return Plan {
                dims: Vec::new(),
                strides: Vec::new(),
                empty: true,
            };
        }
        let mut axes: Vec<usize> = (0..shape.len()).filter(|&a| shape[a] != 1).collect();
        if !keep_order {
            // Stable sort: largest |stride| first; ties keep logical order, then later
            // operands decide.
            axes.sort_by(|&x, &y| {
                for s in &strides {
                    let ord = s[y].unsigned_abs().cmp(&s[x].unsigned_abs());
                    if ord.is_ne() {
                        return ord;
                    }
                }
                std::cmp::Ordering::Equal
            });
        }
        let mut dims: Vec<usize> = Vec::with_capacity(axes.len());
        let mut merged: Vec<[isize; N]> = Vec::with_capacity(axes.len());
        for &a in &axes {
            let st: [isize; N] = std::array::from_fn(|k| strides[k][a]);
            if let (Some(&d), Some(prev)) = (dims.last(), merged.last()) {
                // Outer axis `prev` (length d) followed by inner axis `a`: mergeable when
                // prev == st * len(a) for every operand.
                let len_a = shape[a] as isize;
                if (0..N).all(|k| prev[k] == st[k] * len_a) {
                    let n = dims.len();
                    dims[n - 1] = d * shape[a];
                    merged[n - 1] = st;
                    continue;
                }
            }
            dims.push(shape[a]);
            merged.push(st);
        }
        Plan {
            dims,
            strides: merged,
            empty: false,
        }
    }

    /// Whether the traversal visits no element.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Merged axis lengths, outermost first.
    pub fn dims(&self) -> &[usize] {
        &self.dims
    }

    /// Merged strides per axis (one entry per operand), outermost first.
    pub fn strides(&self) -> &[[isize; N]] {
        &self.strides
    }

    /// Calls `f(offsets)` for the first element of every block formed by the innermost
    /// `inner` merged axes (`inner` ≤ number of merged axes); `offsets[k]` as in
    /// [`Plan::for_each_run`].
    pub fn for_each_block(&self, inner: usize, mut f: impl FnMut([isize; N])) {
        if self.empty {
            return;
        }
        assert!(inner <= self.dims.len(), "block wider than the plan");
        let outer = &self.dims[..self.dims.len() - inner];
        let outer_strides = &self.strides[..outer.len()];
        let mut index = vec![0usize; outer.len()];
        let mut offsets = [0isize; N];
        loop {
            f(offsets);
            let mut axis = outer.len();
            loop {
                if axis == 0 {
                    return;
                }
                axis -= 1;
                index[axis] += 1;
                for k in 0..N {
                    offsets[k] += outer_strides[axis][k];
                }
                if index[axis] < outer[axis] {
                    break;
                }
                for k in 0..N {
                    offsets[k] -= outer_strides[axis][k] * outer[axis] as isize;
                }
                index[axis] = 0;
            }
        }
    }

    /// Length of the innermost run (1 for a 0-d traversal, 0 when empty).
    pub fn inner_len(&self) -> usize {
        if self.empty {
            0
        } else {
            self.dims.last().copied().unwrap_or(1)
        }
    }

    /// Number of runs the traversal hands out.
    pub fn run_count(&self) -> usize {
        if self.empty {
            0
        } else {
            self.dims.iter().rev().skip(1).product()
        }
    }

    /// Calls `f(offsets, len, inner_strides)` once per innermost run, where `offsets[k]` is
    /// the element offset of the run's first element for operand `k`.
    pub fn for_each_run(&self, mut f: impl FnMut([isize; N], usize, [isize; N])) {
        if self.empty {
            return;
        }
        match self.dims.last() {
            None => f([0; N], 1, [0; N]),
            Some(&inner) => {
                let inner_strides = self.strides[self.dims.len() - 1];
                self.for_each_block(1, |offsets| f(offsets, inner, inner_strides));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs<const N: usize>(p: &Plan<N>) -> Vec<([isize; N], usize, [isize; N])> {
        let mut v = Vec::new();
        p.for_each_run(|o, l, s| v.push((o, l, s)));
        v
    }

    #[test]
    fn contiguous_collapses_to_one_run() {
        let p = Plan::new(&[4, 5, 6], [&[30, 6, 1]], false);
        assert_eq!(runs(&p), vec![([0], 120, [1])]);
    }

    #[test]
    fn broadcast_row_keeps_two_axes() {
        // out (3,4) C-contiguous, row operand strides (0,1)
        let p = Plan::new(&[3, 4], [&[4, 1], &[0, 1]], false);
        assert_eq!(
            runs(&p),
            vec![
                ([0, 0], 4, [1, 1]),
                ([4, 0], 4, [1, 1]),
                ([8, 0], 4, [1, 1])
            ]
        );
    }

    #[test]
    fn transposed_operand_reorders_to_output_order() {
        // out F-ordered (2,3): strides (1,2); reorder puts axis 0 inner.
        let p = Plan::new(&[2, 3], [&[1, 2]], false);
        assert_eq!(runs(&p), vec![([0], 6, [1])]);
        // keep_order walks logical order: axis 1 inner, stride 2.
        let p = Plan::new(&[2, 3], [&[1, 2]], true);
        assert_eq!(runs(&p), vec![([0], 3, [2]), ([1], 3, [2])]);
    }

    #[test]
    fn zero_d_and_empty() {
        let p = Plan::<1>::new(&[], [&[]], false);
        assert_eq!(runs(&p), vec![([0], 1, [0])]);
        let p = Plan::new(&[3, 0], [&[0, 1]], false);
        assert!(runs(&p).is_empty());
        assert_eq!(p.inner_len(), 0);
    }

    #[test]
    fn negative_strides_walk_every_element_once() {
        // (3,4) reversed on both axes: base at 11, strides (-4,-1).
        let p = Plan::new(&[3, 4], [&[-4, -1]], true);
        let mut seen = Vec::new();
        p.for_each_run(|[o], l, [s]| seen.extend((0..l as isize).map(|i| 11 + o + i * s)));
        assert_eq!(seen, (0..12).rev().collect::<Vec<isize>>());
    }
}
