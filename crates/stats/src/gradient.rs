//! `gradient`: second-order central differences inside, first- or second-order one-sided
//! differences at the edges, along each axis.
//!
//! NumPy → numerust: `np.gradient(f)` → [`gradient`]`(&f)`; `np.gradient(f, *varargs,
//! axis=, edge_order=)` → [`gradient_with`]`(&f, &spacing, axes, edge_order)` with one
//! [`Spacing`] per axis (or one for all). The formulas and their operation order are
//! NumPy's, so `f64` results match NumPy's bits; integers are computed in `f64`.

use crate::float::{StatElement, StatFloat};
use crate::lanes::Lanes;
use numerust_core::layout::normalize_axis;
use numerust_core::{AsView, NdArray, NdError, NdResult};

/// The sample spacing along one axis (NumPy's `varargs` entries).
#[derive(Clone, Debug, PartialEq)]
pub enum Spacing {
    /// A constant distance between samples (a scalar `dx`).
    Uniform(f64),
    /// The coordinate of every sample along the axis.
    Coords(Vec<f64>),
}

/// The gradient along every axis with unit spacing and first-order edges
/// (NumPy: `np.gradient(f)`); one array per axis.
///
/// # Errors
/// `InvalidValue` when an axis has fewer than 2 elements.
///
/// ```
/// use numerust_core::array;
/// use numerust_stats::gradient;
/// let f = array(&[1.0, 2.0, 4.0, 7.0, 11.0, 16.0]).unwrap();
/// assert_eq!(gradient(&f).unwrap()[0].to_vec(), [1.0, 1.5, 2.5, 3.5, 4.5, 5.0]);
/// ```
pub fn gradient<T: StatElement>(f: &impl AsView<T>) -> NdResult<Vec<NdArray<T::Float>>> {
    gradient_with(f, &[], None, 1)
}

/// The gradient with spacings (none: unit; one: for every axis; else one per axis), along
/// `axes` (`None`: all) with `edge_order` 1 or 2 (NumPy: `np.gradient(f, *varargs, axis=,
/// edge_order=)`).
///
/// # Errors
/// `InvalidValue` for an axis shorter than `edge_order + 1`, an `edge_order` above 2, a
/// spacing count or coordinate length that does not fit; `AxisOutOfBounds`.
pub fn gradient_with<T: StatElement>(
    f: &impl AsView<T>,
    spacing: &[Spacing],
    axes: Option<&[isize]>,
    edge_order: usize,
) -> NdResult<Vec<NdArray<T::Float>>> {
    let f = f.as_view();
    if !(1..=2).contains(&edge_order) {
        return Err(NdError::InvalidValue(
            "'edge_order' greater than 2 not supported".into(),
        ));
    }
    let axes: Vec<usize> = match axes {
        None => (0..f.ndim()).collect(),
        Some(list) => list
            .iter()
            .map(|&a| normalize_axis(a, f.ndim()))
            .collect::<NdResult<_>>()?,
    };
    let spacings: Vec<Spacing> = match spacing.len() {
        0 => vec![Spacing::Uniform(1.0); axes.len()],
        1 => vec![spacing[0].clone(); axes.len()],
        k if k == axes.len() => spacing.to_vec(),
        _ => return Err(NdError::InvalidValue("invalid number of arguments".into())),
    };
    let ff = f.mapv(|x| x.to_float());
    axes.iter()
        .zip(spacings)
        .map(|(&ax, sp)| gradient_axis(&ff, ax, sp, edge_order))
        .collect()
}

fn gradient_axis<F: StatFloat>(
    f: &NdArray<F>,
    ax: usize,
    sp: Spacing,
    edge_order: usize,
) -> NdResult<NdArray<F>> {
    let n = f.shape()[ax];
    if n < edge_order + 1 {
        return Err(NdError::InvalidValue(
            "Shape of array too small to calculate a numerical gradient, at least \
             (edge_order + 1) elements are required."
                .into(),
        ));
    }
    // NumPy collapses evenly spaced coordinates to a scalar spacing.
    let sp = match sp {
        Spacing::Coords(c) => {
            if c.len() != n {
                return Err(NdError::InvalidValue(
                    "when 1d, distances must match the length of the corresponding dimension"
                        .into(),
                ));
            }
            let d: Vec<f64> = c.windows(2).map(|w| w[1] - w[0]).collect();
            if d.iter().all(|&x| x == d[0]) {
                Spacing::Uniform(d[0])
            } else {
                Spacing::Coords(d)
            }
        }
        u => u,
    };
    let mut lanes = Lanes::new(&f.view(), Some(ax as isize))?;
    let c = F::from_f64;
    let out = lanes.map(n, |l, o| match &sp {
        Spacing::Uniform(dx) => {
            let two_dx = c(2.0 * dx);
            for i in 1..n - 1 {
                o[i] = (l[i + 1] - l[i - 1]) / two_dx;
            }
            if edge_order == 1 {
                o[0] = (l[1] - l[0]) / c(*dx);
                o[n - 1] = (l[n - 1] - l[n - 2]) / c(*dx);
            } else {
                let (a, b, cc) = (c(-1.5 / dx), c(2.0 / dx), c(-0.5 / dx));
                o[0] = a * l[0] + b * l[1] + cc * l[2];
                let (a, b, cc) = (c(0.5 / dx), c(-2.0 / dx), c(1.5 / dx));
                o[n - 1] = a * l[n - 3] + b * l[n - 2] + cc * l[n - 1];
            }
        }
        Spacing::Coords(d) => {
            for i in 1..n - 1 {
                let (dx1, dx2) = (d[i - 1], d[i]);
                let a = -dx2 / (dx1 * (dx1 + dx2));
                let b = (dx2 - dx1) / (dx1 * dx2);
                let cc = dx1 / (dx2 * (dx1 + dx2));
                o[i] = c(a) * l[i - 1] + c(b) * l[i] + c(cc) * l[i + 1];
            }
            if edge_order == 1 {
                o[0] = (l[1] - l[0]) / c(d[0]);
                o[n - 1] = (l[n - 1] - l[n - 2]) / c(d[n - 2]);
            } else {
                let (dx1, dx2) = (d[0], d[1]);
                let a = -(2.0 * dx1 + dx2) / (dx1 * (dx1 + dx2));
                let b = (dx1 + dx2) / (dx1 * dx2);
                let cc = -dx1 / (dx2 * (dx1 + dx2));
                o[0] = c(a) * l[0] + c(b) * l[1] + c(cc) * l[2];
                let (dx1, dx2) = (d[n - 3], d[n - 2]);
                let a = dx2 / (dx1 * (dx1 + dx2));
                let b = -(dx2 + dx1) / (dx1 * dx2);
                let cc = (2.0 * dx2 + dx1) / (dx2 * (dx1 + dx2));
                o[n - 1] = c(a) * l[n - 3] + c(b) * l[n - 2] + c(cc) * l[n - 1];
            }
        }
    });
    Ok(lanes.restore(NdArray::from_vec(out), n))
}
