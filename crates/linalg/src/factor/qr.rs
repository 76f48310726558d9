//! QR by Householder reflections (LAPACK `?geqrf` + `?orgqr`): NumPy's `np.linalg.qr`.
//!
//! Blocked with the compact WY form: each panel of `NB` (64) columns is factored column by
//! column (from a column-major copy, so every reflector is a contiguous vector), its
//! reflectors are gathered into `H = I - V T V^T` (`T` upper triangular, LAPACK `?larft`),
//! and the trailing columns get `C -= V (T^T (V^T C))`: two GEMMs. `Q` is accumulated the
//! same way, panels in reverse. Reflectors follow `?larfg`: `beta = -sign(alpha) ||x||`, so
//! `R`'s diagonal has LAPACK's (and NumPy's) signs.

use super::reflector::{apply_block, block_mut, householder, larft};
use super::{LinalgReal, NB, one, with_tail, zero};
use crate::error::{LinAlgError, LinAlgResult};
use crate::gemm::MatMut;
use numerust_core::{AsView, NdArray};

/// Which factors `qr` returns (NumPy's `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrMode {
    /// `Q` is `(M, K)`, `R` is `(K, N)` with `K = min(M, N)` (NumPy's default).
    Reduced,
    /// `Q` is `(M, M)`, `R` is `(M, N)`.
    Complete,
    /// Only `R`, `(K, N)`.
    R,
}

/// The result of [`qr`]: `q` is `None` for [`QrMode::R`].
#[derive(Clone, Debug)]
pub struct QrResult<T: LinalgReal> {
    /// The orthonormal factor.
    pub q: Option<NdArray<T>>,
    /// The upper-triangular (trapezoidal) factor.
    pub r: NdArray<T>,
}

/// One panel's reflectors: `v` is `rows x jb` row-major (unit diagonal, zeros above), `t` the
/// `jb x jb` upper-triangular WY factor, starting at row/column `j0`.
struct Panel<T> {
    j0: usize,
    jb: usize,
    v: Vec<T>,
    t: Vec<T>,
}

/// Factors the `m x n` row-major `a` in place (`R` on and above the diagonal, reflectors
/// below) and returns the panels.
fn geqrf<T: LinalgReal>(a: &mut NdArray<T>) -> Vec<Panel<T>> {
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let k = m.min(n);
    let mut panels = Vec::new();
    let mut j0 = 0;
    while j0 < k {
        let jb = NB.min(k - j0);
        let mm = m - j0;
        // Column-major copy of the panel: column c is p[c*mm..(c+1)*mm].
        let mut p = vec![zero::<T>(); jb * mm];
        {
            let s = a.as_slice().expect("contiguous");
            for r in 0..mm {
                for c in 0..jb {
                    p[c * mm + r] = s[(j0 + r) * n + j0 + c];
                }
            }
        }
        let mut taus = vec![zero::<T>(); jb];
        for c in 0..jb {
            let (done, rest) = p.split_at_mut((c + 1) * mm);
            let col = &mut done[c * mm + c..];
            let tau = householder(col);
            taus[c] = tau;
            if tau == zero::<T>() {
                continue;
            }
            for other in rest.chunks_exact_mut(mm) {
                let o = &mut other[c..];
                let w = o[0]
                    + col[1..]
                        .iter()
                        .zip(&o[1..])
                        .fold(zero::<T>(), |s, (&v, &x)| s + v * x);
                let tw = tau * w;
                o[0] = o[0] - tw;
                for (x, &v) in o[1..].iter_mut().zip(&col[1..]) {
                    *x = *x - tw * v;
                }
            }
        }
        // Back into `a`, and V (unit lower trapezoid) row-major.
        let mut v = vec![zero::<T>(); mm * jb];
        {
            let s = a.as_mut_slice_checked();
            for r in 0..mm {
                for c in 0..jb {
                    let x = p[c * mm + r];
                    s[(j0 + r) * n + j0 + c] = x;
                    v[r * jb + c] = match r.cmp(&c) {
                        std::cmp::Ordering::Greater => x,
                        std::cmp::Ordering::Equal => one::<T>(),
                        std::cmp::Ordering::Less => zero::<T>(),
                    };
                }
            }
        }
        let t = larft(&v, mm, jb, &taus);
        let nc = n - j0 - jb;
        if nc > 0 {
            // C -= V (T^T (V^T C)), C = a[j0.., j0+jb..].
            let mut c = block_mut(a, (j0, j0 + jb), (mm, nc));
            apply_block(&v, jb, &t, true, MatMut::from_view(&mut c).expect("2-D"));
        }
        panels.push(Panel { j0, jb, v, t });
        j0 += jb;
    }
    panels
}

/// `Q` (`m x q`, the first `q` columns of `H_1 ... H_k`) from the panels.
fn orgqr<T: LinalgReal>(panels: &[Panel<T>], m: usize, q: usize) -> NdArray<T> {
    let mut qm = numerust_core::zeros::<T>(&[m, q]).expect("m*q elements");
    {
        let s = qm.as_mut_slice_checked();
        for i in 0..m.min(q) {
            s[i * q + i] = one::<T>();
        }
    }
    for p in panels.iter().rev() {
        let (j0, jb, mm) = (p.j0, p.jb, m - p.j0);
        let nc = q - j0;
        let mut c = block_mut(&mut qm, (j0, j0), (mm, nc));
        apply_block(
            &p.v,
            jb,
            &p.t,
            false,
            MatMut::from_view(&mut c).expect("2-D"),
        );
    }
    qm
}

trait SliceMut<T> {
    fn as_mut_slice_checked(&mut self) -> &mut [T];
}
impl<T: LinalgReal> SliceMut<T> for NdArray<T> {
    fn as_mut_slice_checked(&mut self) -> &mut [T] {
        self.as_slice_mut().expect("contiguous")
    }
}

/// The QR factorization `a = Q @ R` of a (stack of) `(M, N)` matrices.
///
/// NumPy: `np.linalg.qr(a, mode)` for `mode` in `'reduced'` (default), `'complete'`, `'r'`.
/// `Q` has orthonormal columns and `R` is upper triangular; signs follow LAPACK (`R`'s
/// diagonal may be negative), as NumPy's do.
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_linalg::{QrMode, matmul, qr};
/// let a = NdArray::from_shape_vec(&[3, 2], vec![3.0f64, 1.0, 4.0, 2.0, 0.0, 5.0]).unwrap();
/// let f = qr(&a, QrMode::Reduced).unwrap();
/// let q = f.q.unwrap();
/// assert_eq!((q.shape(), f.r.shape()), (&[3, 2][..], &[2, 2][..]));
/// assert!((f.r.to_vec()[0] + 5.0).abs() < 1e-12); // -||a[:, 0]||
/// let back = matmul(&q, &f.r).unwrap();
/// assert!(back.to_vec().iter().zip(a.to_vec()).all(|(x, y)| (x - y).abs() < 1e-12));
/// ```
///
/// # Errors
/// `NotMatrix` for fewer than two dimensions.
pub fn qr<T: LinalgReal>(a: &impl AsView<T>, mode: QrMode) -> LinAlgResult<QrResult<T>> {
    let v = a.as_view();
    let shape = v.shape();
    if shape.len() < 2 {
        return Err(LinAlgError::NotMatrix { ndim: shape.len() });
    }
    let (m, n) = (shape[shape.len() - 2], shape[shape.len() - 1]);
    let batch = &shape[..shape.len() - 2];
    let k = m.min(n);
    let (qcols, rrows) = match mode {
        QrMode::Reduced | QrMode::R => (k, k),
        QrMode::Complete => (m, m),
    };
    let data = v.to_vec();
    let (mut qs, mut rs) = (Vec::new(), Vec::new());
    let count: usize = batch.iter().product();
    for i in 0..count {
        let mut f = NdArray::from_shape_vec(&[m, n], data[i * m * n..(i + 1) * m * n].to_vec())?;
        let panels = geqrf(&mut f);
        let s = f.as_slice().expect("contiguous");
        for r in 0..rrows {
            for c in 0..n {
                rs.push(if c >= r && r < m {
                    s[r * n + c]
                } else {
                    zero::<T>()
                });
            }
        }
        if mode != QrMode::R {
            qs.extend(orgqr(&panels, m, qcols).into_vec());
        }
    }
    let r = NdArray::from_shape_vec(&with_tail(batch, &[rrows, n]), rs)?;
    let q = match mode {
        QrMode::R => None,
        _ => Some(NdArray::from_shape_vec(&with_tail(batch, &[m, qcols]), qs)?),
    };
    Ok(QrResult { q, r })
}
