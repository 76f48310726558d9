//! General real eigenproblems: NumPy's `np.linalg.eig` and `eigvals`.
//!
//! LAPACK `?geev`'s steps without its balancing: Householder reduction to upper Hessenberg
//! form with the transformation formed (`gehrd.rs`, GEMM-driven), Francis
//! double-shift QR to real Schur form accumulating into it (`hqr.rs`, EISPACK
//! `hqr2`'s iteration; eigenvalues alone skip the accumulation and stay inside the active
//! window), back-substitution for the eigenvectors of the quasi-triangular form
//! (`trevc.rs`), and the back-transform `V X` as one GEMM. Everything works
//! on column-major copies, so the hot loops are unit-stride. Vectors are normalised like
//! `?geev`'s: unit 2-norm, largest component real. Iterations are capped (30 per eigenvalue
//! before the exceptional shifts, `60 n` in all): NaN input ends with NaN output.

use super::gehrd::{clear_below_subdiagonal, gehrd, orghr};
use super::hqr::hqr;
use super::trevc::trevc;
use super::{LinalgReal, one, square_stack, with_tail, zero};
use crate::error::LinAlgResult;
use crate::gemm::{MatMut, MatRef, gemm_mat};
use numerust_core::{AsView, Complex, Element, NdArray};

/// Eigenvalues and (when `vectors`) eigenvectors (columns, row-major `n x n`) of one matrix.
fn general_eig<T: LinalgReal>(
    src: &[T],
    n: usize,
    vectors: bool,
) -> (Vec<Complex<T>>, Vec<Complex<T>>) {
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    // Column-major copy (the row-major A^T).
    let mut at = vec![zero::<T>(); n * n];
    for (i, row) in src.chunks_exact(n).enumerate() {
        for (j, &x) in row.iter().enumerate() {
            at[j * n + i] = x;
        }
    }
    let mut h = NdArray::from_shape_vec(&[n, n], at).expect("n*n elements");
    let ort = gehrd(&mut h);
    let mut v = vectors.then(|| orghr(&h, &ort).into_vec());
    clear_below_subdiagonal(&mut h);
    let mut h = h.into_vec();
    let (mut d, mut e) = (vec![zero::<T>(); n], vec![zero::<T>(); n]);
    let norm = hqr(&mut h, v.as_deref_mut(), n, &mut d, &mut e);
    let vals: Vec<Complex<T>> = d
        .iter()
        .zip(&e)
        .map(|(&re, &im)| Complex::new(re, im))
        .collect();
    let Some(mut v) = v else {
        return (vals, Vec::new());
    };
    match norm {
        None => v.fill(T::nan()),
        Some(norm) if norm != zero::<T>() => {
            trevc(&mut h, n, &d, &e, norm);
            // V X, X = the upper triangle of h (the Schur form's vectors).
            for (j, col) in h.chunks_exact_mut(n).enumerate() {
                col[j + 1..].fill(zero::<T>());
            }
            let mut out = vec![zero::<T>(); n * n];
            gemm_mat(
                one::<T>(),
                MatRef::from_slice(&v, n, n).t(),
                MatRef::from_slice(&h, n, n).t(),
                zero::<T>(),
                MatMut::from_slice(&mut out, n, n).t(),
            );
            v = out;
        }
        Some(_) => {}
    }
    let mut out = vec![Complex::new(zero::<T>(), zero::<T>()); n * n];
    let mut j = 0;
    while j < n {
        let pair = e[j] > zero::<T>() && j + 1 < n;
        let col: Vec<Complex<T>> = (0..n)
            .map(|i| {
                let im = if pair {
                    v[(j + 1) * n + i]
                } else {
                    zero::<T>()
                };
                Complex::new(v[j * n + i], im)
            })
            .collect();
        // LAPACK ?geev: unit 2-norm, and (complex vectors) the largest component real.
        let nrm = col.iter().fold(zero::<T>(), |s, c| s + c.norm_sqr()).sqrt();
        let mut col: Vec<Complex<T>> = col.into_iter().map(|c| c / nrm).collect();
        if pair {
            let k = (0..n)
                .max_by(|&a, &b| {
                    col[a]
                        .norm_sqr()
                        .partial_cmp(&col[b].norm_sqr())
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .unwrap_or(0);
            let m = col[k].norm();
            if m > zero::<T>() {
                let phase = col[k].conj() / m;
                for c in &mut col {
                    *c = *c * phase;
                }
                col[k].im = zero::<T>();
            }
        }
        for i in 0..n {
            out[i * n + j] = col[i];
            if pair {
                out[i * n + j + 1] = col[i].conj();
            }
        }
        j += if pair { 2 } else { 1 };
    }
    (vals, out)
}

/// `eig`'s `(eigenvalues, eigenvectors)`, both complex.
pub type EigResult<T> = (NdArray<Complex<T>>, NdArray<Complex<T>>);

/// Eigenvalues and right eigenvectors (columns) of a (stack of) general real square matrices.
///
/// NumPy: `np.linalg.eig(a)` -> `(w, v)` with `a @ v[:, i] = w[i] * v[:, i]`. Results are
/// always complex here (NumPy returns a real dtype when every imaginary part is zero);
/// conjugate pairs are adjacent, positive imaginary part first, as LAPACK's. The order of
/// the eigenvalues follows the Schur form and may differ from NumPy's.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::eig;
/// // A rotation by 90 degrees: eigenvalues +-i.
/// let a = NdArray::from_shape_vec(&[2, 2], vec![0.0f64, -1.0, 1.0, 0.0]).unwrap();
/// let (w, v) = eig(&a).unwrap();
/// let w = w.to_vec();
/// assert!(w[0].re.abs() < 1e-15 && (w[0].im.abs() - 1.0).abs() < 1e-15);
/// assert_eq!(w[1], w[0].conj());
/// assert_eq!(v.shape(), &[2, 2]);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn eig<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<EigResult<T>>
where
    Complex<T>: Element,
{
    let sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let (mut ws, mut vs) = (Vec::new(), Vec::new());
    for i in 0..count {
        let (w, v) = general_eig(&sa.data[i * n * n..(i + 1) * n * n], n, true);
        ws.extend(w);
        vs.extend(v);
    }
    Ok((
        NdArray::from_shape_vec(&with_tail(&sa.batch, &[n]), ws)?,
        NdArray::from_shape_vec(&with_tail(&sa.batch, &[n, n]), vs)?,
    ))
}

/// Eigenvalues of a (stack of) general real square matrices (complex, pairs adjacent).
///
/// NumPy: `np.linalg.eigvals(a)`.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::eigvals;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![2.0f64, 1.0, 0.0, 3.0]).unwrap();
/// let mut w: Vec<f64> = eigvals(&a).unwrap().to_vec().iter().map(|c| c.re).collect();
/// w.sort_by(f64::total_cmp);
/// assert_eq!(w, vec![2.0, 3.0]);
/// ```
///
/// # Errors
/// `NotMatrix`/`NotSquare`.
pub fn eigvals<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<Complex<T>>>
where
    Complex<T>: Element,
{
    let sa = square_stack(&a.as_view())?;
    let n = sa.n;
    let count: usize = sa.batch.iter().product();
    let mut ws = Vec::new();
    for i in 0..count {
        ws.extend(general_eig(&sa.data[i * n * n..(i + 1) * n * n], n, false).0);
    }
    Ok(NdArray::from_shape_vec(&with_tail(&sa.batch, &[n]), ws)?)
}
