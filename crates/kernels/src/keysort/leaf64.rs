//! The leaves of the 64-bit quicksort: 33 to 256 `u64` keys sorted in 8, 16 or 32 AVX-512
//! registers (after x86-simd-sort's 256-key networks).
//!
//! The keys are loaded as `R` vectors of 8 lanes (padded with `u64::MAX`) and sorted in
//! the order "lane, then vector" (column-major: key `(i, l)` of vector `i`, lane `l` has
//! rank `l * R + i`): first every lane is sorted across the vectors by a bitonic network
//! of whole-vector min/max (no shuffles), then three bitonic merges join lanes 1+1, 2+2 and
//! 4+4 (a flip step that pairs vector `i` with a lane-permuted vector `R - 1 - i`, the
//! in-lane steps, then whole-vector steps again). An 8 x 8 transpose per block of 8
//! vectors turns the columns into rows for the stores. Per key this costs about 7 vector
//! operations at 256 keys, against about 11 for the 128-key network that sorts every
//! vector on its own first; it also halves the leaves' count and saves a partition level.
//!
//! Only reached from `keysort::x64` after AVX-512F was detected; every load and store is
//! masked to the slice's length.

use std::arch::x86_64::*;

/// `$body` once for each `$i` in `0..32`, with `$i` a constant in each copy: the networks
/// must be unrolled completely so their vectors stay in registers, which the compiler
/// does not do on its own for 32 of them (conditions on `$i` fold away).
macro_rules! unroll32 {
    ($i:ident => $body:block) => {
        unroll32!(@ $i, $body, 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
            24 25 26 27 28 29 30 31)
    };
    (@ $i:ident, $body:block, $($n:literal)*) => {
        $({
            const $i: usize = $n;
            $body
        })*
    };
}

/// Lanes of `v` reordered so lane `l` holds lane `l ^ m` (`m` in 1..=7).
#[inline(always)]
fn xor_lanes<const M: usize>(v: __m512i) -> __m512i {
    // SAFETY: only inlined into the `avx512f` functions below.
    unsafe {
        match M {
            1 => _mm512_permutex_epi64::<0b10_11_00_01>(v),
            2 => _mm512_permutex_epi64::<0b01_00_11_10>(v),
            3 => _mm512_permutex_epi64::<0b00_01_10_11>(v),
            4 => _mm512_shuffle_i64x2::<0b01_00_11_10>(v, v),
            7 => _mm512_shuffle_i64x2::<0b01_00_11_10>(
                _mm512_permutex_epi64::<0b00_01_10_11>(v),
                _mm512_permutex_epi64::<0b00_01_10_11>(v),
            ),
            _ => unreachable!("lane distances are 1, 2, 3, 4 or 7"),
        }
    }
}

/// The lanes whose bit `t` is set (they keep the larger key of a pair at lane distance 2^t).
const fn bit_mask(t: usize) -> u8 {
    let mut m = 0u8;
    let mut l = 0;
    while l < 8 {
        if l & (1 << t) != 0 {
            m |= 1 << l;
        }
        l += 1;
    }
    m
}

/// Compare-exchange of whole vectors `a < b`: `r[a]` gets the minima.
#[inline(always)]
fn cx_vec<const R: usize>(r: &mut [__m512i; R], a: usize, b: usize) {
    // SAFETY: only inlined into the `avx512f` functions below.
    unsafe {
        let (x, y) = (r[a], r[b]);
        r[a] = _mm512_min_epu64(x, y);
        r[b] = _mm512_max_epu64(x, y);
    }
}

/// Compare-exchange inside every vector at lane distance `M = 2^T`.
#[inline(always)]
fn cx_lanes<const R: usize, const T: usize, const M: usize>(r: &mut [__m512i; R]) {
    unroll32!(I => {
        if I < R {
            // SAFETY: only inlined into the `avx512f` functions below.
            unsafe {
                let v = r[I];
                let p = xor_lanes::<M>(v);
                let (lo, hi) = (_mm512_min_epu64(v, p), _mm512_max_epu64(v, p));
                r[I] = _mm512_mask_blend_epi64(bit_mask(T), lo, hi);
            }
        }
    });
}

/// One stage across vectors: `i` against `i ^ x` for every `i` below its partner.
#[inline(always)]
fn cx_stage<const R: usize>(r: &mut [__m512i; R], x: usize) {
    unroll32!(I => {
        if I < R && (I ^ x) > I && (I ^ x) < R {
            cx_vec(r, I, I ^ x);
        }
    });
}

/// The bitonic half-cleaners across vectors at distances `R/2, ..., 1`.
#[inline(always)]
fn clean_vecs<const R: usize>(r: &mut [__m512i; R]) {
    for j in [16, 8, 4, 2, 1] {
        if j < R {
            cx_stage(r, j);
        }
    }
}

/// Sorts every lane across the `R` vectors (bitonic sort in its flip form: no reversals).
#[inline(always)]
fn sort_columns<const R: usize>(r: &mut [__m512i; R]) {
    // stage k: flip at k - 1, then half-cleaners k/4, ..., 1 (written out so that every
    // distance is a constant)
    cx_stage(r, 1);
    cx_stage(r, 3);
    cx_stage(r, 1);
    cx_stage(r, 7);
    cx_stage(r, 2);
    cx_stage(r, 1);
    if R >= 16 {
        cx_stage(r, 15);
        cx_stage(r, 4);
        cx_stage(r, 2);
        cx_stage(r, 1);
    }
    if R >= 32 {
        cx_stage(r, 31);
        cx_stage(r, 8);
        cx_stage(r, 4);
        cx_stage(r, 2);
        cx_stage(r, 1);
    }
}

/// Merge phase `T` (lane mask `M = 2^(T+1) - 1`): the column-major runs of `R * 2^T`
/// keys (lane groups of `2^T`) are merged pairwise into runs of twice that length.
#[inline(always)]
fn merge_lanes<const R: usize, const T: usize, const M: usize>(r: &mut [__m512i; R]) {
    // flip: key (i, l) against key (R - 1 - i, l ^ M); lanes with bit T set are the
    // upper key of their pair
    let upper = bit_mask(T);
    unroll32!(I => {
        if I < R / 2 {
            let j = R - 1 - I;
            // SAFETY: only inlined into the `avx512f` functions below.
            unsafe {
                let p = xor_lanes::<M>(r[j]);
                let (lo, hi) = (_mm512_min_epu64(r[I], p), _mm512_max_epu64(r[I], p));
                r[I] = _mm512_mask_blend_epi64(upper, lo, hi);
                r[j] = xor_lanes::<M>(_mm512_mask_blend_epi64(upper, hi, lo));
            }
        }
    });
    if T >= 2 {
        cx_lanes::<R, 1, 2>(r);
    }
    if T >= 1 {
        cx_lanes::<R, 0, 1>(r);
    }
    clean_vecs(r);
}

/// 128-bit chunks 0, 2 of `x` then 0, 2 of `y`.
#[inline(always)]
fn even_chunks(x: __m512i, y: __m512i) -> __m512i {
    // SAFETY: only inlined into the `avx512f` functions below.
    unsafe { _mm512_shuffle_i64x2::<0b10_00_10_00>(x, y) }
}

/// 128-bit chunks 1, 3 of `x` then 1, 3 of `y`.
#[inline(always)]
fn odd_chunks(x: __m512i, y: __m512i) -> __m512i {
    // SAFETY: only inlined into the `avx512f` functions below.
    unsafe { _mm512_shuffle_i64x2::<0b11_01_11_01>(x, y) }
}

/// The columns of the 8 x 8 block `a` (`a[j][l]` becomes `c[l][j]`).
#[inline(always)]
fn transpose8(a: [__m512i; 8]) -> [__m512i; 8] {
    // SAFETY: only inlined into the `avx512f` functions below.
    let (lo, hi) = unsafe {
        (
            [
                _mm512_unpacklo_epi64(a[0], a[1]),
                _mm512_unpacklo_epi64(a[2], a[3]),
                _mm512_unpacklo_epi64(a[4], a[5]),
                _mm512_unpacklo_epi64(a[6], a[7]),
            ],
            [
                _mm512_unpackhi_epi64(a[0], a[1]),
                _mm512_unpackhi_epi64(a[2], a[3]),
                _mm512_unpackhi_epi64(a[4], a[5]),
                _mm512_unpackhi_epi64(a[6], a[7]),
            ],
        )
    };
    // lo[k]: rows 2k, 2k+1 at the even lanes; hi[k]: at the odd lanes
    let u = [
        even_chunks(lo[0], lo[1]), // lanes 0, 4 of rows 0-3
        odd_chunks(lo[0], lo[1]),  // lanes 2, 6
        even_chunks(hi[0], hi[1]), // lanes 1, 5
        odd_chunks(hi[0], hi[1]),  // lanes 3, 7
        even_chunks(lo[2], lo[3]), // the same for rows 4-7
        odd_chunks(lo[2], lo[3]),
        even_chunks(hi[2], hi[3]),
        odd_chunks(hi[2], hi[3]),
    ];
    [
        even_chunks(u[0], u[4]),
        even_chunks(u[2], u[6]),
        even_chunks(u[1], u[5]),
        even_chunks(u[3], u[7]),
        odd_chunks(u[0], u[4]),
        odd_chunks(u[2], u[6]),
        odd_chunks(u[1], u[5]),
        odd_chunks(u[3], u[7]),
    ]
}

/// The first `c` lanes (`c <= 8`).
#[inline(always)]
fn low(c: usize) -> u8 {
    ((1u32 << c) - 1) as u8
}

/// Sorts `keys` (at most `8 * R` of them, `R` in 8, 16, 32) in `R` registers.
#[target_feature(enable = "avx512f")]
fn sort_block<const R: usize>(keys: &mut [u64]) {
    let n = keys.len();
    debug_assert!(n <= 8 * R && R.is_multiple_of(8));
    let ptr = keys.as_mut_ptr();
    let pad = _mm512_set1_epi64(-1);
    let mut r = [pad; R];
    unroll32!(I => {
        let c = n.saturating_sub(I * 8).min(8);
        if I < R && c > 0 {
            // SAFETY: lanes I*8 .. I*8 + c lie inside `keys` (c counts them).
            r[I] = unsafe { _mm512_mask_loadu_epi64(pad, low(c), ptr.add(I * 8).cast()) };
        }
    });
    sort_columns(&mut r);
    merge_lanes::<R, 0, 1>(&mut r);
    merge_lanes::<R, 1, 3>(&mut r);
    merge_lanes::<R, 2, 7>(&mut r);
    // rank of (i, l) is l * R + i: block b's column l goes to l * R + 8 b
    for b in [0, 1, 2, 3] {
        if 8 * b < R {
            let cols = transpose8([
                r[8 * b],
                r[8 * b + 1],
                r[8 * b + 2],
                r[8 * b + 3],
                r[8 * b + 4],
                r[8 * b + 5],
                r[8 * b + 6],
                r[8 * b + 7],
            ]);
            for (l, c) in cols.into_iter().enumerate() {
                let at = l * R + 8 * b;
                let cnt = n.saturating_sub(at).min(8);
                if cnt > 0 {
                    // SAFETY: lanes at .. at + cnt lie inside `keys` (cnt counts them).
                    unsafe { _mm512_mask_storeu_epi64(ptr.add(at).cast(), low(cnt), c) };
                }
            }
        }
    }
}

/// Sorts 33 to 256 keys.
#[target_feature(enable = "avx512f")]
pub(super) fn sort(keys: &mut [u64]) {
    debug_assert!(keys.len() > 32 && keys.len() <= 256);
    match keys.len().div_ceil(8) {
        0..=8 => sort_block::<8>(keys),
        9..=16 => sort_block::<16>(keys),
        _ => sort_block::<32>(keys),
    }
}
