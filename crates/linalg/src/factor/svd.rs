//! Singular value decomposition: NumPy's `np.linalg.svd` and `svdvals`, by LAPACK's route:
//! bidiagonalisation, then the bidiagonal SVD.
//!
//! A wide matrix is transposed (`A^T = V S U^T`). A tall one (`m >= 1.6 n`) is first reduced
//! to its `n x n` triangle by [`qr`](super::qr()) (`U = Q U_R`, one GEMM), as `?gesdd` does.
//! The square (or mildly tall) matrix is reduced to upper bidiagonal form by blocked
//! Householder (`gebrd.rs`, GEMM trailing updates), `Q` and `P` are formed by
//! compact-WY GEMMs, and the bidiagonal SVD is implicit-shift QR (`bdsqr.rs`)
//! whose rotations are replayed onto `Q^T` and `P^T` a cache-sized strip at a time.
//! Non-finite input gives NaN results; iterations are capped (no hangs).

use super::bdsdc::{LEAF, bdsdc};
use super::bdsqr::{NoConvergence, Vectors, bdsqr};
use super::gebrd::gebrd;
use super::qr::{QrMode, qr};
use super::{LinalgReal, gemm_block, one, with_tail, zero};
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::MatRef;
use numerust_core::{AsView, NdArray};

/// One matrix's SVD: `(u: m x ucols row-major, s: k, vt: k x n or n x n row-major)`.
struct Svd<T> {
    u: Vec<T>,
    s: Vec<T>,
    vt: Vec<T>,
}

/// Tall matrices (`m >= TALL_RATIO * n`) are reduced to their `n x n` `R` factor first.
const TALL_RATIO: f64 = 1.6;

/// `rows x cols` row-major `src` transposed (`cols x rows`).
fn transpose<T: LinalgReal>(src: &[T], rows: usize, cols: usize) -> Vec<T> {
    let mut out = vec![zero::<T>(); rows * cols];
    const TILE: usize = 32;
    for i0 in (0..rows).step_by(TILE) {
        for j0 in (0..cols).step_by(TILE) {
            for i in i0..(i0 + TILE).min(rows) {
                for j in j0..(j0 + TILE).min(cols) {
                    out[j * rows + i] = src[i * cols + j];
                }
            }
        }
    }
    out
}

/// SVD of the row-major `m x n` matrix `a` with `m >= n` by bidiagonalisation and implicit
/// QR: `U` is `m x ucols` (`ucols` is `n` or `m`), `vt` is `n x n`.
fn svd_bidiagonal<T: LinalgReal>(
    a: &[T],
    m: usize,
    n: usize,
    ucols: usize,
    uv: bool,
) -> Result<Svd<T>, NoConvergence> {
    let mut am = NdArray::from_shape_vec(&[m, n], a.to_vec()).expect("m*n elements");
    let bd = gebrd(&mut am);
    drop(am);
    // B scaled to max |entry| = 1 (LAPACK's ?bdsdc does the same): the secular equation
    // squares its entries, which must neither overflow nor underflow.
    let scale =
        bd.d.iter()
            .chain(&bd.e)
            .fold(zero::<T>(), |m, &x| m.max(x.abs()));
    let scale = if scale > zero::<T>() {
        scale
    } else {
        one::<T>()
    };
    let (mut d, mut e): (Vec<T>, Vec<T>) = (
        bd.d.iter().map(|&x| x / scale).collect(),
        bd.e.iter().map(|&x| x / scale).collect(),
    );
    let unscale = |s: Vec<T>| -> Vec<T> { s.into_iter().map(|x| x * scale).collect() };
    if !uv {
        bdsqr(&mut d, &mut e, None, None)?;
        return Ok(Svd {
            u: Vec::new(),
            s: unscale(d),
            vt: Vec::new(),
        });
    }
    if n > LEAF {
        // Divide and conquer gives B = U_B S V_B^T; then U = Q [U_B 0; 0 I], V = P V_B by
        // applying the reflector blocks to them (GEMMs, `?ormbr`).
        let f = bdsdc(&d, &e, 0)?;
        let mut order: Vec<usize> = (0..n).collect();
        // Descending; NaN first so it is never silently dropped.
        order.sort_by(|&i, &j| {
            f.s[j]
                .partial_cmp(&f.s[i])
                .unwrap_or(std::cmp::Ordering::Less)
        });
        let s: Vec<T> = unscale(order.iter().map(|&j| f.s[j]).collect());
        let mut ub = vec![zero::<T>(); m * ucols];
        let mut vb = vec![zero::<T>(); n * n];
        for i in 0..n {
            for (c, &j) in order.iter().enumerate() {
                ub[i * ucols + c] = f.u[i * n + j];
                vb[i * n + c] = f.v[i * n + j];
            }
        }
        for i in n..ucols {
            ub[i * ucols + i] = one::<T>();
        }
        let mut u = NdArray::from_shape_vec(&[m, ucols], ub).expect("m*ucols elements");
        bd.apply_q(&mut u);
        let mut v = NdArray::from_shape_vec(&[n, n], vb).expect("n*n elements");
        bd.apply_p(&mut v);
        return Ok(Svd {
            u: u.into_vec(),
            s,
            vt: transpose(v.as_slice().expect("contiguous"), n, n),
        });
    }
    let q = bd.form_q(m, ucols);
    let q = q.as_slice().expect("contiguous");
    let p = bd.form_p();
    // Rows of `ut` are the columns of Q (then of U); rows of `vt` the columns of P (then V).
    let mut ut = if ucols == n {
        transpose(q, m, n)
    } else {
        let mut t = transpose(q, m, ucols);
        t.truncate(n * m);
        t
    };
    let mut vt = transpose(p.as_slice().expect("contiguous"), n, n);
    bdsqr(
        &mut d,
        &mut e,
        Some(Vectors {
            data: &mut ut,
            cols: m,
        }),
        Some(Vectors {
            data: &mut vt,
            cols: n,
        }),
    )?;
    let mut u = q.to_vec();
    for i in 0..m {
        for j in 0..n {
            u[i * ucols + j] = ut[j * m + i];
        }
    }
    Ok(Svd {
        u,
        s: unscale(d),
        vt,
    })
}

/// SVD of the row-major `m x n` matrix `a` with `m >= n`: `U` is `m x ucols` (`ucols` is `n`
/// or `m`), `vt` is `n x n`. Tall matrices go through QR first (LAPACK's `?gesdd` path).
fn svd_tall<T: LinalgReal>(
    a: &[T],
    m: usize,
    n: usize,
    ucols: usize,
    uv: bool,
) -> Result<Svd<T>, NoConvergence> {
    if n == 0 || (m as f64) < TALL_RATIO * n as f64 {
        return svd_bidiagonal(a, m, n, ucols, uv);
    }
    let am = NdArray::from_shape_vec(&[m, n], a.to_vec()).expect("m*n elements");
    let mode = match (uv, ucols == m) {
        (false, _) => QrMode::R,
        (true, false) => QrMode::Reduced,
        (true, true) => QrMode::Complete,
    };
    let f = qr(&am, mode).expect("2-D");
    let r = f.r.as_slice().expect("contiguous");
    // R is (n x n) for reduced/r modes, (m x n) with zero rows below n for complete.
    let inner = svd_bidiagonal(&r[..n * n], n, n, n, uv)?;
    if !uv {
        return Ok(inner);
    }
    let q = f.q.expect("Q requested");
    let qs = q.as_slice().expect("contiguous");
    // U = Q[:, ..n] U_R, then Q's remaining columns for full matrices.
    let mut u = vec![zero::<T>(); m * ucols];
    {
        let mut um =
            NdArray::from_shape_vec(&[m, ucols], std::mem::take(&mut u)).expect("m*ucols elements");
        gemm_block(
            &mut um,
            (0, 0),
            one::<T>(),
            MatRef::from_slice(qs, m, ucols).submatrix(0, 0, m, n),
            MatRef::from_slice(&inner.u, n, n),
            zero::<T>(),
        );
        u = um.into_vec();
    }
    for i in 0..m {
        u[i * ucols + n..(i + 1) * ucols].copy_from_slice(&qs[i * ucols + n..(i + 1) * ucols]);
    }
    Ok(Svd {
        u,
        s: inner.s,
        vt: inner.vt,
    })
}

/// NaN results of the shapes `svd_one` returns (non-finite input).
fn nan_svd<T: LinalgReal>(m: usize, n: usize, full: bool, uv: bool) -> Svd<T> {
    let k = m.min(n);
    let (uc, vr) = if full { (m, n) } else { (k, k) };
    let nan = T::nan();
    Svd {
        u: if uv { vec![nan; m * uc] } else { Vec::new() },
        s: vec![nan; k],
        vt: if uv { vec![nan; vr * n] } else { Vec::new() },
    }
}

/// SVD of one `m x n` matrix; `full` as NumPy's `full_matrices`. Non-finite input gives NaN
/// results (NumPy raises "SVD did not converge"; numerust's callers keep going with NaN); a
/// finite matrix whose iterations hit their caps is NumPy's error.
fn svd_one<T: LinalgReal>(
    a: &[T],
    m: usize,
    n: usize,
    full: bool,
    uv: bool,
) -> LinAlgResult<Svd<T>> {
    if a.iter().any(|x| !x.is_finite()) {
        return Ok(nan_svd(m, n, full, uv));
    }
    svd_finite(a, m, n, full, uv).map_err(|NoConvergence| LinAlgError::NoConvergence("SVD"))
}

/// [`svd_one`] for finite input.
fn svd_finite<T: LinalgReal>(
    a: &[T],
    m: usize,
    n: usize,
    full: bool,
    uv: bool,
) -> Result<Svd<T>, NoConvergence> {
    let k = m.min(n);
    if m >= n {
        let mut f = svd_tall(a, m, n, if full { m } else { k }, uv)?;
        if full || !uv {
            return Ok(f);
        }
        // Reduced: U is m x k already, Vt is k x n (k = n).
        f.vt.truncate(k * n);
        Ok(f)
    } else {
        // A^T = U' S V'^T, so A = V' S U'^T: U = V', Vt = U'^T.
        let at = transpose(a, m, n);
        let f = svd_tall(&at, n, m, if full { n } else { k }, uv)?;
        if !uv {
            return Ok(f);
        }
        let ucols = if full { n } else { k };
        // U (m x m) = V' = f.vt^T; Vt (ucols x n) = U'^T, U' is n x ucols.
        Ok(Svd {
            u: transpose(&f.vt, m, m),
            s: f.s,
            vt: transpose(&f.u, n, ucols),
        })
    }
}

/// The result of [`svd`]: `a = u @ diag(s) @ vt`.
#[derive(Clone, Debug)]
pub struct SvdResult<T: LinalgReal> {
    /// Left singular vectors, `(..., M, M)` (full) or `(..., M, K)`.
    pub u: NdArray<T>,
    /// Singular values, descending, `(..., K)`.
    pub s: NdArray<T>,
    /// Right singular vectors (as rows), `(..., N, N)` (full) or `(..., K, N)`.
    pub vt: NdArray<T>,
}

fn matrix_dims(shape: &[usize]) -> LinAlgResult<(usize, usize, &[usize])> {
    if shape.len() < 2 {
        return Err(LinAlgError::NotMatrix { ndim: shape.len() });
    }
    let d = shape.len();
    Ok((shape[d - 2], shape[d - 1], &shape[..d - 2]))
}

/// The singular value decomposition of a (stack of) `(M, N)` matrices.
///
/// NumPy: `np.linalg.svd(a, full_matrices)` (`compute_uv=True`; use [`svdvals`] for the
/// values alone). Singular values descend; the signs of paired singular vectors are
/// arbitrary (as LAPACK's).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::svd;
/// let a = NdArray::from_shape_vec(&[2, 3], vec![3.0f64, 0.0, 0.0, 0.0, -4.0, 0.0]).unwrap();
/// let f = svd(&a, true).unwrap();
/// assert_eq!((f.u.shape(), f.s.shape(), f.vt.shape()), (&[2, 2][..], &[2][..], &[3, 3][..]));
/// assert!((f.s.to_vec()[0] - 4.0).abs() < 1e-12 && (f.s.to_vec()[1] - 3.0).abs() < 1e-12);
/// ```
///
/// # Errors
/// `NotMatrix` for fewer than two dimensions; `NoConvergence("SVD")` ("SVD did not converge") if the
/// capped iterations run out on finite input (NaN or inf input gives NaN results instead).
pub fn svd<T: LinalgReal>(a: &impl AsView<T>, full_matrices: bool) -> LinAlgResult<SvdResult<T>> {
    let v = a.as_view();
    let (m, n, batch) = matrix_dims(v.shape())?;
    let k = m.min(n);
    let (uc, vr) = if full_matrices { (m, n) } else { (k, k) };
    let data = v.to_vec();
    let count: usize = batch.iter().product();
    let (mut us, mut ss, mut vts) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..count {
        let f = svd_one(&data[i * m * n..(i + 1) * m * n], m, n, full_matrices, true)?;
        us.extend(f.u);
        ss.extend(f.s);
        vts.extend(f.vt);
    }
    Ok(SvdResult {
        u: NdArray::from_shape_vec(&with_tail(batch, &[m, uc]), us)?,
        s: NdArray::from_shape_vec(&with_tail(batch, &[k]), ss)?,
        vt: NdArray::from_shape_vec(&with_tail(batch, &[vr, n]), vts)?,
    })
}

/// The singular values (descending) of a (stack of) matrices.
///
/// NumPy: `np.linalg.svdvals(a)` (= `svd(a, compute_uv=False)`).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::svdvals;
/// let a = NdArray::from_shape_vec(&[2, 2], vec![0.0f64, 2.0, -5.0, 0.0]).unwrap();
/// assert_eq!(svdvals(&a).unwrap().to_vec(), vec![5.0, 2.0]);
/// ```
///
/// # Errors
/// As [`svd`].
pub fn svdvals<T: LinalgReal>(a: &impl AsView<T>) -> LinAlgResult<NdArray<T>> {
    let v = a.as_view();
    let (m, n, batch) = matrix_dims(v.shape())?;
    let data = v.to_vec();
    let count: usize = batch.iter().product();
    let mut ss = Vec::new();
    for i in 0..count {
        ss.extend(svd_one(&data[i * m * n..(i + 1) * m * n], m, n, false, false)?.s);
    }
    Ok(NdArray::from_shape_vec(&with_tail(batch, &[m.min(n)]), ss)?)
}
