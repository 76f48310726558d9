//! `einsum`: Einstein summation over labelled axes, contracted pairwise through GEMM.
//!
//! Plan: parse the subscripts (explicit `->` output, or implicit: the labels seen once,
//! in ASCII order), take the diagonal of labels repeated within one operand, broadcast
//! length-1 axes to their label's length, sum out labels that occur in one operand only
//! and not in the output, then contract the operands left to right: each pair becomes one
//! batched matrix product (shared labels still needed later are the batch, the others are
//! summed by the product), exactly as `tensordot` does for two operands. NumPy's default
//! (`optimize=False`) sums in one nested loop instead, so float results agree to rounding.
//! An ellipsis `...` stands for an operand's leading (unlabelled) axes: each of them gets a
//! hidden label counted from the right, so ellipsis axes broadcast against each other as
//! NumPy's do, and the implicit output puts them first.

use super::matmul::matmul;
use super::scalar::LinalgScalar;
use crate::error::{LinAlgError, LinAlgResult};
use numerust_core::{ArrayView, NdArray, Order, diagonal_axes, layout::checked_size};

/// An operand with one label per axis.
struct Labelled<T> {
    array: NdArray<T>,
    labels: Vec<u8>,
}

fn invalid(msg: impl Into<String>) -> LinAlgError {
    LinAlgError::InvalidValue(msg.into())
}

/// Stands for `...` in a parsed label list (never a letter or ',').
const ELLIPSIS: u8 = b'*';

/// The hidden label of the ellipsis axis `k` places from the right (0 = last): above the
/// ASCII letters, so ellipsis axes of different operands line up from the right.
fn ellipsis_label(k: usize) -> u8 {
    128 + k as u8
}

/// The parsed subscripts: one label list per operand, and the output labels.
fn parse(subscripts: &str, operands: usize) -> LinAlgResult<(Vec<Vec<u8>>, Vec<u8>)> {
    let s: String = subscripts.chars().filter(|c| !c.is_whitespace()).collect();
    let (inputs, output) = match s.split_once("->") {
        Some((i, o)) => (i, Some(o)),
        None => (s.as_str(), None),
    };
    // Each `...` becomes the one-byte marker ELLIPSIS; any other '.' is an error.
    let mark = |term: &str, what: &str| -> LinAlgResult<String> {
        let t = term.replacen("...", &(ELLIPSIS as char).to_string(), 1);
        if t.contains('.') {
            return Err(invalid(format!(
                "einstein sum subscripts string contains a '.' that is not part of an \
                 ellipsis ('...') in {what}"
            )));
        }
        Ok(t)
    };
    let inputs = inputs
        .split(',')
        .enumerate()
        .map(|(i, t)| mark(t, &format!("operand {i}")))
        .collect::<LinAlgResult<Vec<String>>>()?
        .join(",");
    let output = output.map(|o| mark(o, "the output")).transpose()?;
    let output = output.as_deref();
    let check = |part: &str| -> LinAlgResult<()> {
        let other = |c: &char| !c.is_ascii_alphabetic() && *c != ',' && *c != ELLIPSIS as char;
        match part.chars().find(other) {
            Some('-' | '>') if output.is_none() => Err(invalid(
                "einstein sum subscript string does not contain proper '->' output specified",
            )),
            Some(c) => Err(invalid(format!(
                "invalid subscript '{c}' in einstein sum subscripts string, subscripts must \
                 be letters"
            ))),
            None => Ok(()),
        }
    };
    check(&inputs)?;
    let terms: Vec<Vec<u8>> = inputs.split(',').map(|t| t.bytes().collect()).collect();
    if terms.len() > operands {
        // NumPy's wording, kept as is: more terms than operands reads "more operands".
        return Err(invalid(
            "more operands provided to einstein sum function than specified in the \
             subscripts string",
        ));
    }
    if terms.len() < operands {
        return Err(invalid(
            "fewer operands provided to einstein sum function than specified in the \
             subscripts string",
        ));
    }
    let out = match output {
        Some(o) => {
            if o.contains(',') {
                return Err(invalid(
                    "einstein sum subscripts string contains a ',' in the output",
                ));
            }
            check(o)?;
            let o: Vec<u8> = o.bytes().collect();
            for (i, &l) in o.iter().enumerate().filter(|&(_, &l)| l != ELLIPSIS) {
                if o[..i].contains(&l) {
                    return Err(invalid(format!(
                        "einstein sum subscripts string includes output subscript '{}' \
                         multiple times",
                        l as char
                    )));
                }
                if !terms.iter().any(|t| t.contains(&l)) {
                    return Err(invalid(format!(
                        "einstein sum subscripts string included output subscript '{}' which \
                         never appeared in an input",
                        l as char
                    )));
                }
            }
            o
        }
        None => {
            // Ellipsis axes first, then the letters seen once, in ASCII order.
            let mut count = [0usize; 128];
            terms.iter().flatten().for_each(|&l| count[l as usize] += 1);
            let dots = terms.iter().any(|t| t.contains(&ELLIPSIS));
            let once = (0u8..128).filter(|&l| l != ELLIPSIS && count[l as usize] == 1);
            dots.then_some(ELLIPSIS).into_iter().chain(once).collect()
        }
    };
    Ok((terms, out))
}

/// Takes the diagonal of every label repeated within the operand.
fn collapse_repeats<T: LinalgScalar>(mut x: Labelled<T>) -> LinAlgResult<Labelled<T>> {
    while let Some((i, j)) = (0..x.labels.len()).find_map(|i| {
        (i + 1..x.labels.len())
            .find(|&j| x.labels[j] == x.labels[i])
            .map(|j| (i, j))
    }) {
        let (di, dj) = (x.array.shape()[i], x.array.shape()[j]);
        if di != dj {
            return Err(invalid(format!(
                "dimensions in single operand for collapsing index '{}' don't match ({di} != {dj})",
                x.labels[i] as char
            )));
        }
        let d = diagonal_axes(&x.array, 0, i as isize, j as isize)?.to_owned();
        let l = x.labels[i];
        x.labels.remove(j);
        x.labels.remove(i);
        x.labels.push(l);
        x.array = d;
    }
    Ok(x)
}

/// Sums out the axes whose labels are in `drop` (plain sequential sums).
fn sum_out<T: LinalgScalar>(x: Labelled<T>, drop: &[u8]) -> LinAlgResult<Labelled<T>> {
    let (keep_ax, drop_ax): (Vec<usize>, Vec<usize>) =
        (0..x.labels.len()).partition(|&a| !drop.contains(&x.labels[a]));
    if drop_ax.is_empty() {
        return Ok(x);
    }
    let perm: Vec<usize> = keep_ax.iter().chain(&drop_ax).copied().collect();
    let moved = x.array.permute_axes(&perm)?.view().to_owned_order(Order::C);
    let kept: Vec<usize> = keep_ax.iter().map(|&a| x.array.shape()[a]).collect();
    let inner: usize = drop_ax.iter().map(|&a| x.array.shape()[a]).product();
    let data = moved.as_slice().expect("a C-order copy");
    let sums: Vec<T> = if inner == 0 {
        vec![T::zero(); checked_size(&kept)?]
    } else {
        data.chunks_exact(inner)
            .map(|c| c.iter().fold(T::zero(), |acc, &v| acc.add(v)))
            .collect()
    };
    Ok(Labelled {
        array: NdArray::from_shape_vec(&kept, sums)?,
        labels: keep_ax.iter().map(|&a| x.labels[a]).collect(),
    })
}

/// The axes of `x` in the order of `order` (labels), merged into `groups` dimensions.
fn grouped<T: LinalgScalar>(
    x: &Labelled<T>,
    order: &[u8],
    groups: &[usize],
) -> LinAlgResult<NdArray<T>> {
    let perm: Vec<usize> = order
        .iter()
        .map(|l| x.labels.iter().position(|m| m == l).expect("label present"))
        .collect();
    Ok(x.array.permute_axes(&perm)?.reshape(groups)?)
}

/// Contracts two operands, keeping the labels in `keep`.
fn contract<T: LinalgScalar>(
    a: Labelled<T>,
    b: Labelled<T>,
    keep: &[u8],
) -> LinAlgResult<Labelled<T>> {
    // Labels in only one side and not kept are summed out first.
    let only = |x: &Labelled<T>, y: &Labelled<T>| -> Vec<u8> {
        x.labels
            .iter()
            .copied()
            .filter(|l| !y.labels.contains(l) && !keep.contains(l))
            .collect()
    };
    let (da, db) = (only(&a, &b), only(&b, &a));
    let (a, b) = (sum_out(a, &da)?, sum_out(b, &db)?);
    let size = |x: &Labelled<T>, l: u8| {
        x.array.shape()[x.labels.iter().position(|&m| m == l).expect("label")]
    };
    let batch: Vec<u8> = a
        .labels
        .iter()
        .copied()
        .filter(|l| b.labels.contains(l) && keep.contains(l))
        .collect();
    let summed: Vec<u8> = a
        .labels
        .iter()
        .copied()
        .filter(|l| b.labels.contains(l) && !keep.contains(l))
        .collect();
    let free_a: Vec<u8> = a
        .labels
        .iter()
        .copied()
        .filter(|l| !b.labels.contains(l))
        .collect();
    let free_b: Vec<u8> = b
        .labels
        .iter()
        .copied()
        .filter(|l| !a.labels.contains(l))
        .collect();
    let prod = |ls: &[u8], x: &Labelled<T>| -> LinAlgResult<usize> {
        Ok(checked_size(
            &ls.iter().map(|&l| size(x, l)).collect::<Vec<_>>(),
        )?)
    };
    let (nb, m, k, n) = (
        prod(&batch, &a)?,
        prod(&free_a, &a)?,
        prod(&summed, &a)?,
        prod(&free_b, &b)?,
    );
    let order_a: Vec<u8> = batch
        .iter()
        .chain(&free_a)
        .chain(&summed)
        .copied()
        .collect();
    let order_b: Vec<u8> = batch
        .iter()
        .chain(&summed)
        .chain(&free_b)
        .copied()
        .collect();
    let a3 = grouped(&a, &order_a, &[nb, m, k])?;
    let b3 = grouped(&b, &order_b, &[nb, k, n])?;
    let c = matmul(&a3, &b3)?;
    let mut shape: Vec<usize> = batch.iter().chain(&free_a).map(|&l| size(&a, l)).collect();
    shape.extend(free_b.iter().map(|&l| size(&b, l)));
    let labels = batch
        .iter()
        .chain(&free_a)
        .chain(&free_b)
        .copied()
        .collect();
    Ok(Labelled {
        array: c.reshape(shape.as_slice())?,
        labels,
    })
}

/// Einstein summation: NumPy's `np.einsum(subscripts, *operands)`.
///
/// Explicit (`"ij,jk->ik"`) and implicit (`"ij,jk"`: the labels seen once, in ASCII
/// order) outputs, repeated labels in one operand (diagonals: `"ii->i"`, traces: `"ii"`),
/// sums over labels left out of the output, and length-1 axes broadcast to their label's
/// length, and `...` for leading axes that broadcast (`"...ij,...jk->...ik"` is a batched
/// matmul). Contractions run through GEMM (see the module doc).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::einsum;
/// let a = NdArray::from_shape_vec(&[2, 3], (0..6).map(f64::from).collect()).unwrap();
/// let b = NdArray::from_shape_vec(&[3, 2], (0..6).map(f64::from).collect()).unwrap();
/// let c = einsum("ij,jk->ik", &[a.view(), b.view()]).unwrap();
/// assert_eq!(c.to_vec(), vec![10.0, 13.0, 28.0, 40.0]);
/// let tr = einsum("ii", &[c.view()]).unwrap(); // trace
/// assert_eq!(tr.to_vec(), vec![50.0]);
/// ```
///
/// # Errors
/// `InvalidValue` with NumPy's message for malformed subscripts, operand-count and rank
/// mismatches and unequal repeated-label lengths; `InvalidValue` for labels whose lengths
/// differ across operands (NumPy reports a broadcasting error there).
pub fn einsum<T: LinalgScalar>(
    subscripts: &str,
    operands: &[ArrayView<'_, T>],
) -> LinAlgResult<NdArray<T>> {
    if operands.is_empty() {
        return Err(invalid("No input operands"));
    }
    let (terms, output) = parse(subscripts, operands.len())?;
    let mut ops = Vec::with_capacity(operands.len());
    let mut dots = 0; // the most axes any operand's `...` stands for
    for (i, (labels, op)) in terms.into_iter().zip(operands).enumerate() {
        let letters = labels.iter().filter(|&&l| l != ELLIPSIS).count();
        let has_dots = letters < labels.len();
        if letters > op.ndim() {
            return Err(invalid(format!(
                "einstein sum subscripts string contains too many subscripts for operand {i}"
            )));
        }
        if !has_dots && letters < op.ndim() {
            return Err(invalid(
                "operand has more dimensions than subscripts given in einstein sum, but no \
                 '...' ellipsis provided to broadcast the extra dimensions.",
            ));
        }
        let e = op.ndim() - letters;
        if e > 127 {
            return Err(invalid("einsum: too many dimensions under '...'"));
        }
        dots = dots.max(e);
        let labels = labels
            .iter()
            .flat_map(|&l| match l {
                ELLIPSIS => (0..e).rev().map(ellipsis_label).collect(),
                l => vec![l],
            })
            .collect();
        ops.push(collapse_repeats(Labelled {
            array: op.to_owned(),
            labels,
        })?);
    }
    if dots > 0 && !output.contains(&ELLIPSIS) {
        return Err(invalid(
            "output has more dimensions than subscripts given in einstein sum, but no '...' \
             ellipsis provided to broadcast the extra dimensions.",
        ));
    }
    let output: Vec<u8> = output
        .iter()
        .flat_map(|&l| match l {
            ELLIPSIS => (0..dots).rev().map(ellipsis_label).collect(),
            l => vec![l],
        })
        .collect();
    // Each label's length: equal everywhere, or 1 (broadcast).
    let mut len = [None::<usize>; 256];
    for x in &ops {
        for (&l, &d) in x.labels.iter().zip(x.array.shape()) {
            match len[l as usize] {
                None => len[l as usize] = Some(d),
                Some(e) if e == d || d == 1 => {}
                Some(1) => len[l as usize] = Some(d),
                Some(e) if l >= 128 => {
                    return Err(invalid(format!(
                        "einsum: operands could not be broadcast together: the '...' axis {} \
                         from the right has length {e} in one operand and {d} in another",
                        l - 127
                    )));
                }
                Some(e) => {
                    return Err(invalid(format!(
                        "einsum: label '{}' has length {e} in one operand and {d} in another",
                        l as char
                    )));
                }
            }
        }
    }
    for x in &mut ops {
        let want: Vec<usize> = x
            .labels
            .iter()
            .map(|&l| len[l as usize].unwrap_or(1))
            .collect();
        if want.as_slice() != x.array.shape() {
            x.array = x.array.view().broadcast_to(&want)?.to_owned();
        }
    }
    // Labels in one operand only and not in the output are summed out first.
    for i in 0..ops.len() {
        let lone: Vec<u8> = ops[i]
            .labels
            .iter()
            .copied()
            .filter(|l| {
                !output.contains(l)
                    && ops
                        .iter()
                        .enumerate()
                        .all(|(j, y)| j == i || !y.labels.contains(l))
            })
            .collect();
        let x = std::mem::replace(
            &mut ops[i],
            Labelled {
                array: NdArray::from_vec(vec![]),
                labels: vec![],
            },
        );
        ops[i] = sum_out(x, &lone)?;
    }
    let mut rest = ops.into_iter();
    let mut acc = rest.next().expect("at least one operand");
    let rest: Vec<Labelled<T>> = rest.collect();
    for (i, next) in rest.iter().enumerate() {
        let mut keep = output.clone();
        rest[i + 1..].iter().for_each(|y| keep.extend(&y.labels));
        let next = Labelled {
            array: next.array.clone(),
            labels: next.labels.clone(),
        };
        acc = contract(acc, next, &keep)?;
    }
    let drop: Vec<u8> = acc
        .labels
        .iter()
        .copied()
        .filter(|l| !output.contains(l))
        .collect();
    let acc = sum_out(acc, &drop)?;
    let perm: Vec<usize> = output
        .iter()
        .map(|l| {
            acc.labels
                .iter()
                .position(|m| m == l)
                .expect("output label present")
        })
        .collect();
    Ok(acc
        .array
        .permute_axes(&perm)?
        .view()
        .to_owned_order(Order::C))
}
