//! Vectorised quicksort of unsigned keys (`u64`, `u32`) with AVX-512F, after x86-simd-sort.
//!
//! [`sort_u64`] and [`sort_u32`] sort a slice ascending and return `true`, or return
//! `false` without touching it when the CPU lacks AVX-512F (the caller then uses its scalar
//! sort). Callers map their values to order-preserving unsigned keys first (floats with
//! NaNs as the largest key, signed integers with the sign bit flipped), so one kernel per
//! width serves f64/i64/u64 and f32/i32/u32.
//!
//! How it works: a quicksort whose partition step loads one 512-bit vector at a time,
//! compares it with the pivot and writes the smaller lanes to the left end and the others
//! to the right end of the slice, in place; 2 x 8 vectors are held in registers first so
//! the writes never overtake the reads. For 64-bit keys one permutation (from a 256-entry
//! table indexed by the comparison mask) puts the smaller lanes first and the vector is
//! stored whole at both ends (the surplus lanes land in the gap still to be filled); for
//! 32-bit keys two compress-stores write the two sides. Slices of at most 256 keys are
//! sorted in registers by bitonic networks (`leaf64.rs` for 33 to 256 `u64` keys). The
//! pivot is the median of 2 vectors of evenly spaced keys, sorted by the same network;
//! when nothing is below it (the pivot is the minimum, as in few-unique data) the run of
//! keys equal to it is split off instead, so all-equal and few-unique inputs stay
//! O(n log n); past `2 log2 n` levels the rest goes to the standard library's
//! `sort_unstable` (O(n log n) worst case), so no input is quadratic. From [`PAR_MIN`] keys
//! on, the two parts of each step are sorted as two rayon tasks (`rayon::join`); a sorted
//! slice is the same whichever thread sorted which part.
//!
//! SAFETY INVARIANT (assumed by every `unsafe` block below and in `leaf64.rs` and
//! `floatkeys.rs`): the private functions are only reached through [`sort_u64`]/
//! [`sort_u32`] and the float-key conversions after [`available`] confirmed AVX-512F
//! (+ POPCNT, BMI2), and every pointer they load from or store to is
//! `keys.as_mut_ptr().add(i)` with the touched lanes `i..i + count` inside `keys` (masked
//! loads/stores touch only their unmasked lanes).

mod floatkeys;
#[cfg(target_arch = "x86_64")]
mod leaf64;

/// Defines a public float-bits <-> key conversion that uses AVX-512F when present.
macro_rules! float_key_fn {
    ($(#[$doc:meta])* $name:ident, $k:ty, $module:ident, $vector:ident, $scalar:ident) => {
        $(#[$doc])*
        pub fn $name(keys: &mut [$k]) {
            #[cfg(target_arch = "x86_64")]
            if available() {
                // SAFETY: AVX-512F was just detected.
                unsafe { floatkeys::$module::$vector(keys) };
                return;
            }
            for k in keys.iter_mut() {
                *k = floatkeys::$module::$scalar(*k);
            }
        }
    };
}

float_key_fn!(
    /// `f64` bits (`to_bits`) to order-preserving keys in place: unsigned key order is
    /// NumPy's sort order (`-0.0` just below `0.0`, every NaN the largest key).
    ///
    /// ```
    /// use numerust_kernels::keysort::{f64_from_keys, f64_to_keys};
    /// let mut k: Vec<u64> = [1.0, -2.0, f64::NAN, -0.0].iter().map(|x| x.to_bits()).collect();
    /// f64_to_keys(&mut k);
    /// assert!(k[1] < k[3] && k[3] < k[0] && k[0] < k[2] && k[2] == u64::MAX);
    /// f64_from_keys(&mut k);
    /// assert_eq!(f64::from_bits(k[1]), -2.0);
    /// ```
    f64_to_keys, u64, f64_keys, to_keys, to_key
);
float_key_fn!(
    /// The inverse of [`f64_to_keys`] (the NaN key gives a quiet NaN).
    f64_from_keys, u64, f64_keys, from_keys, from_key
);
float_key_fn!(
    /// [`f64_to_keys`] for `f32` bits.
    f32_to_keys, u32, f32_keys, to_keys, to_key
);
float_key_fn!(
    /// The inverse of [`f32_to_keys`].
    f32_from_keys, u32, f32_keys, from_keys, from_key
);

/// Slices (and quicksort parts) of at least this many keys are sorted on several rayon
/// threads when the pool has more than one; a sort's result does not depend on how many.
pub const PAR_MIN: usize = 1 << 16;

/// Sorts `keys` ascending with AVX-512F; `false` (and `keys` untouched) without it.
///
/// ```
/// let mut k = vec![5u64, 3, 9, 1, 1, 0, u64::MAX];
/// if numerust_kernels::keysort::sort_u64(&mut k) {
///     assert_eq!(k, [0, 1, 1, 3, 5, 9, u64::MAX]);
/// }
/// ```
pub fn sort_u64(keys: &mut [u64]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if available() {
        // SAFETY: AVX-512F, POPCNT and BMI2 were just detected (module invariant).
        unsafe { x64::sort(keys) };
        return true;
    }
    let _ = keys;
    false
}

/// Sorts `keys` ascending with AVX-512F; `false` (and `keys` untouched) without it.
///
/// ```
/// let mut k = vec![5u32, 3, 9, 1, 1, 0, u32::MAX];
/// if numerust_kernels::keysort::sort_u32(&mut k) {
///     assert_eq!(k, [0, 1, 1, 3, 5, 9, u32::MAX]);
/// }
/// ```
pub fn sort_u32(keys: &mut [u32]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if available() {
        // SAFETY: AVX-512F, POPCNT and BMI2 were just detected (module invariant).
        unsafe { x32::sort(keys) };
        return true;
    }
    let _ = keys;
    false
}

/// Whether [`sort_u64`]/[`sort_u32`] take the vector path: the CPU has AVX-512F (with
/// POPCNT and BMI2, which every AVX-512 CPU has) and `NUMERUST_SIMD` does not ask for a
/// lower level (so tests and benches can reach the callers' fallbacks).
pub fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::level() >= crate::simd::Level::Avx512
        && std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("popcnt")
        && std::arch::is_x86_feature_detected!("bmi2");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// One quicksort per key width: `$k` keys, `$s` their signed twin (for index vectors),
/// `$n` lanes per vector, `$m` the mask type, then the AVX-512F intrinsics of that width.
macro_rules! keysort_impl {
    ($name:ident, $k:ty, $s:ty, $n:expr, $m:ty,
     $loadm:ident, $storem:ident, $min:ident, $max:ident, $cmpge:ident,
     $perm:ident, $blend:ident, $cstore:ident, $set1:ident, $put:ident,
     $leaf_vecs:expr, $wide_leaf:path, $cmpneq:ident) => {
        #[cfg(target_arch = "x86_64")]
        mod $name {
            use std::arch::x86_64::*;

            /// Lanes per vector.
            const N: usize = $n;
            /// Slices up to this long are sorted by the in-register networks.
            const SMALL: usize = $leaf_vecs * N;
            /// Vectors read per step of the partition loop (one data-dependent branch each).
            const U: usize = 8;
            const _: () = assert!(U == 8, "the partition loop is written out for 8");
            // `partition` holds 2U vectors aside, so it needs more than that many keys.
            const _: () = assert!(2 * U * N <= SMALL);

            /// Lane `l` holds `l ^ j`: the partner in a compare-exchange at distance `j`.
            const fn xor_idx(j: usize) -> [$s; N] {
                let mut a = [0 as $s; N];
                let mut l = 0;
                while l < N {
                    a[l] = (l ^ j) as $s;
                    l += 1;
                }
                a
            }
            /// Partner tables for distances 1, 2, 4, ... (index = log2 of the distance).
            const XOR: [[$s; N]; 5] = [xor_idx(1), xor_idx(2), xor_idx(4), xor_idx(8), xor_idx(16)];
            /// Lane `l` holds `N - 1 - l`.
            const REV: [$s; N] = xor_idx(N - 1);

            /// Lanes that keep the larger value at bitonic-sort stage (`k`, `j`).
            const fn sort_mask(k: usize, j: usize) -> $m {
                let mut m: $m = 0;
                let mut l = 0;
                while l < N {
                    let ascending = l & k == 0;
                    let lower = l & j == 0;
                    if ascending != lower {
                        m |= 1 << l;
                    }
                    l += 1;
                }
                m
            }
            /// Lanes that keep the larger value in a merge step at distance `j`.
            const fn merge_mask(j: usize) -> $m {
                let mut m: $m = 0;
                let mut l = 0;
                while l < N {
                    if l & j != 0 {
                        m |= 1 << l;
                    }
                    l += 1;
                }
                m
            }
            /// The first `c` lanes (`c <= N`).
            #[inline]
            fn low(c: usize) -> $m {
                ((1u32 << c) - 1) as $m
            }

            /// Loads a constant index table.
            #[inline]
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn idx(t: &[$s; N]) -> __m512i {
                // SAFETY: `t` is N lanes of 512 bits in total.
                unsafe { _mm512_loadu_si512(t.as_ptr().cast()) }
            }

            /// Compare-exchange of every lane with lane `l ^ j`; lanes in `maxm` keep the max.
            #[inline]
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn cx(v: __m512i, t: usize, maxm: $m) -> __m512i {
                let p = $perm(idx(&XOR[t]), v);
                $blend(maxm, $min(v, p), $max(v, p))
            }

            /// Every vector of `r` sorted ascending on its own (bitonic sort), one network
            /// stage across all vectors at a time so their dependency chains overlap.
            #[inline]
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn sort_each(r: &mut [__m512i]) {
                let mut k = 2;
                while k <= N {
                    let mut j = k / 2;
                    while j > 0 {
                        let (t, m) = (j.trailing_zeros() as usize, sort_mask(k, j));
                        for v in r.iter_mut() {
                            *v = cx(*v, t, m);
                        }
                        j /= 2;
                    }
                    k *= 2;
                }
            }

            /// Every (bitonic) vector of `r` sorted ascending, stage by stage across them.
            #[inline]
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn merge_each(r: &mut [__m512i]) {
                let mut j = N / 2;
                while j > 0 {
                    let (t, m) = (j.trailing_zeros() as usize, merge_mask(j));
                    for v in r.iter_mut() {
                        *v = cx(*v, t, m);
                    }
                    j /= 2;
                }
            }

            /// `R` vectors sorted as one ascending run of `R * N` keys (R a power of two).
            #[inline]
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn sort_vecs<const R: usize>(r: &mut [__m512i; R]) {
                sort_each(r);
                let rev = idx(&REV);
                let mut w = 1;
                while w < R {
                    let mut b = 0;
                    while b < R {
                        // run b..b+w ++ reversed run b+w..b+2w is bitonic
                        for i in 0..w / 2 {
                            r.swap(b + w + i, b + 2 * w - 1 - i);
                        }
                        for v in &mut r[b + w..b + 2 * w] {
                            *v = $perm(rev, *v);
                        }
                        let mut s = w;
                        while s > 0 {
                            for i in b..b + 2 * w {
                                if (i - b) % (2 * s) < s {
                                    let (lo, hi) = (r[i], r[i + s]);
                                    r[i] = $min(lo, hi);
                                    r[i + s] = $max(lo, hi);
                                }
                            }
                            s /= 2;
                        }
                        merge_each(&mut r[b..b + 2 * w]);
                        b += 2 * w;
                    }
                    w *= 2;
                }
            }

            /// Sorts `keys` (at most `R * N` long) in registers, padding with the largest key.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn sort_block<const R: usize>(keys: &mut [$k]) {
                let n = keys.len();
                debug_assert!(n <= R * N);
                let ptr = keys.as_mut_ptr();
                let pad = $set1(<$k>::MAX as $s);
                let mut r = [pad; R];
                for (i, v) in r.iter_mut().enumerate() {
                    let c = n.saturating_sub(i * N).min(N);
                    if c > 0 {
                        // SAFETY: lanes i*N .. i*N + c lie inside `keys` (c counts them).
                        *v = unsafe { $loadm(pad, low(c), ptr.add(i * N).cast()) };
                    }
                }
                sort_vecs(&mut r);
                for (i, v) in r.iter().enumerate() {
                    let c = n.saturating_sub(i * N).min(N);
                    if c > 0 {
                        // SAFETY: as for the loads.
                        unsafe { $storem(ptr.add(i * N).cast(), low(c), *v) };
                    }
                }
            }

            /// Sorts 5 to 16 vectors' worth of keys.
            #[allow(dead_code)]
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn sort_wide(keys: &mut [$k]) {
                match keys.len().div_ceil(N) {
                    0..=8 => sort_block::<8>(keys),
                    _ => sort_block::<16>(keys),
                }
            }

            /// Sorts up to `SMALL` keys.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn sort_small(keys: &mut [$k]) {
                match keys.len().div_ceil(N) {
                    0 | 1 => sort_block::<1>(keys),
                    2 => sort_block::<2>(keys),
                    3 | 4 => sort_block::<4>(keys),
                    _ => $wide_leaf(keys),
                }
            }

            /// Writes the lanes of `v` below `pv` at `*lw` (upwards) and the rest just
            /// below `*hw` (downwards), with two compress-stores.
            #[inline(always)]
            #[allow(dead_code)]
            fn put_compress(ptr: *mut $k, v: __m512i, pv: __m512i, lw: &mut usize, hw: &mut usize) {
                // SAFETY: `partition` only runs with the module's CPU features.
                unsafe {
                    let ge = $cmpge(v, pv);
                    let nge = ge.count_ones() as usize;
                    // SAFETY: the caller keeps at least N free slots at *lw and below *hw,
                    // all inside the slice (see `partition`).
                    $cstore(ptr.add(*lw).cast(), !ge, v);
                    $cstore(ptr.add(*hw - nge).cast(), ge, v);
                    *lw += N - nge;
                    *hw -= nge;
                }
            }

            /// [`put_compress`] with one permutation and two full stores: `v` reordered
            /// so the lanes below `pv` come first, stored at `*lw` and at `*hw - N`
            /// (the surplus lanes of each store land in the free gap).
            #[inline(always)]
            #[allow(dead_code)]
            fn put_permute(ptr: *mut $k, v: __m512i, pv: __m512i, lw: &mut usize, hw: &mut usize) {
                // SAFETY: `partition` only runs with the module's CPU features.
                unsafe {
                    let ge = $cmpge(v, pv);
                    let nge = ge.count_ones() as usize;
                    let word = _mm512_set1_epi64(PERM[ge as usize] as i64);
                    let shifts = _mm512_set_epi64(28, 24, 20, 16, 12, 8, 4, 0);
                    let p = $perm(_mm512_srlv_epi64(word, shifts), v);
                    // SAFETY: the caller keeps at least N free slots at *lw and below *hw,
                    // all inside the slice (see `partition`); a gap of exactly N is one
                    // region both stores fill with the same vector.
                    _mm512_storeu_si512(ptr.add(*lw).cast(), p);
                    _mm512_storeu_si512(ptr.add(*hw - N).cast(), p);
                    *lw += N - nge;
                    *hw -= nge;
                }
            }

            /// For each mask of lanes `>= pivot` (8 lanes), the lane order that puts the
            /// other lanes first, then the masked ones, as 4-bit lane numbers.
            #[allow(dead_code)]
            const PERM: [u32; 256] = {
                let mut t = [0u32; 256];
                let mut m = 0;
                while m < 256 {
                    let (mut word, mut pos) = (0u32, 0);
                    let mut side = 0;
                    while side < 2 {
                        let mut l = 0;
                        while l < 8 {
                            if (m >> l) & 1 == side {
                                word |= (l as u32) << (4 * pos);
                                pos += 1;
                            }
                            l += 1;
                        }
                        side += 1;
                    }
                    t[m] = word;
                    m += 1;
                }
                t
            };

            /// Reorders `a` (longer than `SMALL`) so `a[..m] < pivot <= a[m..]`; returns `m`.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn partition(a: &mut [$k], pivot: $k) -> usize {
                let (mut left, mut right) = (0, a.len());
                // peel keys off the front until the rest is whole vectors
                for _ in 0..a.len() % N {
                    if a[left] >= pivot {
                        right -= 1;
                        a.swap(left, right);
                    } else {
                        left += 1;
                    }
                }
                assert!(right - left >= 2 * U * N && (right - left) % N == 0);
                let ptr = a.as_mut_ptr();
                let pv = $set1(pivot as $s);
                let load = |i: usize| {
                    // SAFETY: every caller passes an unread i with i + N <= right <= a.len().
                    unsafe { _mm512_loadu_si512(ptr.add(i).cast()) }
                };
                let first: [__m512i; U] = std::array::from_fn(|u| load(left + u * N));
                let last: [__m512i; U] = std::array::from_fn(|u| load(right - (u + 1) * N));
                // written: [left0, lw) and [hw, right0); unread: [lr, hr). The free gaps
                // [lw, lr) and [hr, hw) hold 2UN slots in total; reading (one or U vectors)
                // from the side with less room leaves at least that many vectors' room on
                // each side, so `put` never overwrites an unread key.
                let (mut lw, mut hw) = (left, right);
                let (mut lr, mut hr) = (left + U * N, right - U * N);
                while (hr - lr) % (U * N) != 0 {
                    let v = if hw - hr < lr - lw {
                        hr -= N;
                        load(hr)
                    } else {
                        lr += N;
                        load(lr - N)
                    };
                    $put(ptr, v, pv, &mut lw, &mut hw);
                }
                while lr < hr {
                    let (at, next) = if hw - hr < lr - lw {
                        hr -= U * N;
                        (hr, hr.wrapping_sub(U * N))
                    } else {
                        lr += U * N;
                        (lr - U * N, lr)
                    };
                    let vs: [__m512i; U] = std::array::from_fn(|u| load(at + u * N));
                    // the next block on this side into L1 (a hint: never faults)
                    for u in 0..U {
                        let line = ptr.wrapping_add(next.wrapping_add(u * N));
                        _mm_prefetch::<_MM_HINT_T0>(line.cast_const().cast());
                    }
                    // written out: a loop over `vs` is not unrolled and spills it
                    $put(ptr, vs[0], pv, &mut lw, &mut hw);
                    $put(ptr, vs[1], pv, &mut lw, &mut hw);
                    $put(ptr, vs[2], pv, &mut lw, &mut hw);
                    $put(ptr, vs[3], pv, &mut lw, &mut hw);
                    $put(ptr, vs[4], pv, &mut lw, &mut hw);
                    $put(ptr, vs[5], pv, &mut lw, &mut hw);
                    $put(ptr, vs[6], pv, &mut lw, &mut hw);
                    $put(ptr, vs[7], pv, &mut lw, &mut hw);
                }
                for v in first.into_iter().chain(last) {
                    $put(ptr, v, pv, &mut lw, &mut hw);
                }
                debug_assert_eq!(lw, hw);
                lw
            }

            /// The median of `2N` evenly spaced keys (sorted in two registers), and
            /// whether they were all equal.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn pivot(a: &[$k]) -> ($k, bool) {
                let step = a.len() / (2 * N + 1);
                let mut s: [$k; 2 * N] = std::array::from_fn(|i| a[(i + 1) * step]);
                let p = s.as_mut_ptr();
                // SAFETY: `s` holds two vectors' worth of keys.
                let mut r = unsafe {
                    [
                        _mm512_loadu_si512(p.cast()),
                        _mm512_loadu_si512(p.add(N).cast()),
                    ]
                };
                sort_vecs(&mut r);
                // SAFETY: as for the loads.
                unsafe {
                    _mm512_storeu_si512(p.cast(), r[0]);
                    _mm512_storeu_si512(p.add(N).cast(), r[1]);
                }
                (s[N], s[0] == s[2 * N - 1])
            }

            /// Whether every key of `a` equals `p` (stops at the first vector that differs).
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn all_equal(a: &[$k], p: $k) -> bool {
                let pv = $set1(p as $s);
                let mut chunks = a.chunks_exact(N);
                for c in &mut chunks {
                    // SAFETY: `c` is N keys of `a`.
                    let v = unsafe { _mm512_loadu_si512(c.as_ptr().cast()) };
                    if $cmpneq(v, pv) != 0 {
                        return false;
                    }
                }
                chunks.remainder().iter().all(|&x| x == p)
            }

            /// Quicksort with at most `depth` more levels before `sort_unstable` takes over.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn qsort(a: &mut [$k], depth: u32) {
                if a.len() <= SMALL {
                    sort_small(a);
                    return;
                }
                if depth == 0 {
                    a.sort_unstable();
                    return;
                }
                let (l, r) = step(a);
                qsort(l, depth - 1);
                qsort(r, depth - 1);
            }

            /// One quicksort step on `a` (longer than `SMALL`): partitions it around a
            /// pivot and returns the two parts still to sort.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn step(a: &mut [$k]) -> (&mut [$k], &mut [$k]) {
                let (p, same) = pivot(a);
                if same && all_equal(a, p) {
                    // constant (as parts of few-unique data end up): nothing to do
                    return (&mut [], &mut []);
                }
                let m = partition(a, p);
                if m == 0 {
                    // p is the minimum: split off the keys equal to it (sorted already)
                    if p == <$k>::MAX {
                        return (&mut [], &mut []);
                    }
                    let m = partition(a, p + 1);
                    return (&mut a[m..], &mut []);
                }
                // m < len: the pivot itself is >= pivot
                a.split_at_mut(m)
            }

            /// [`qsort`] with the two parts of every step from `super::PAR_MIN` keys on
            /// sorted on two rayon tasks.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            fn qsort_par(a: &mut [$k], depth: u32) {
                if a.len() < super::PAR_MIN || depth == 0 {
                    qsort(a, depth);
                    return;
                }
                let (l, r) = step(a);
                rayon::join(|| qsort_par(l, depth - 1), || qsort_par(r, depth - 1));
            }

            /// Sorts `keys` ascending.
            ///
            /// # Safety
            /// The CPU supports AVX-512F, POPCNT and BMI2.
            #[target_feature(enable = "avx512f,popcnt,bmi2")]
            pub(super) unsafe fn sort(keys: &mut [$k]) {
                let depth = 2 * (usize::BITS - keys.len().leading_zeros());
                if keys.len() >= super::PAR_MIN && rayon::current_num_threads() > 1 {
                    qsort_par(keys, depth);
                } else {
                    qsort(keys, depth);
                }
            }
        }
    };
}

keysort_impl!(
    x64,
    u64,
    i64,
    8,
    u8,
    _mm512_mask_loadu_epi64,
    _mm512_mask_storeu_epi64,
    _mm512_min_epu64,
    _mm512_max_epu64,
    _mm512_cmpge_epu64_mask,
    _mm512_permutexvar_epi64,
    _mm512_mask_blend_epi64,
    _mm512_mask_compressstoreu_epi64,
    _mm512_set1_epi64,
    put_permute,
    32,
    super::leaf64::sort,
    _mm512_cmpneq_epu64_mask
);
keysort_impl!(
    x32,
    u32,
    i32,
    16,
    u16,
    _mm512_mask_loadu_epi32,
    _mm512_mask_storeu_epi32,
    _mm512_min_epu32,
    _mm512_max_epu32,
    _mm512_cmpge_epu32_mask,
    _mm512_permutexvar_epi32,
    _mm512_mask_blend_epi32,
    _mm512_mask_compressstoreu_epi32,
    _mm512_set1_epi32,
    put_compress,
    16,
    sort_wide,
    _mm512_cmpneq_epu32_mask
);

#[cfg(test)]
mod tests {
    use super::*;

    fn xorshift(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            })
            .collect()
    }

    /// Inputs of one length: random, few-unique, sorted, reversed, all-equal, extremes.
    fn cases(n: usize) -> Vec<Vec<u64>> {
        let r = xorshift(n, n as u64 + 1);
        let mut sorted = r.clone();
        sorted.sort_unstable();
        let mut rev = sorted.clone();
        rev.reverse();
        let few: Vec<u64> = r.iter().map(|x| x % 3).collect();
        let ext: Vec<u64> = r
            .iter()
            .map(|x| [0, u64::MAX, u32::MAX as u64, 1][(*x % 4) as usize])
            .collect();
        let organ: Vec<u64> = (0..n as u64).map(|i| i.min(n as u64 - i)).collect();
        vec![r, sorted, rev, few, vec![7; n], ext, organ]
    }

    #[test]
    fn sorts_like_std() {
        if !available() {
            return;
        }
        let lens = (0..300).chain([511, 1000, 1023, 4097, 30_001]);
        for n in lens {
            for case in cases(n) {
                let mut want = case.clone();
                want.sort_unstable();
                let mut got = case.clone();
                assert!(sort_u64(&mut got));
                assert_eq!(got, want, "u64 n={n}");
                let c32: Vec<u32> = case.iter().map(|&x| (x >> 32) as u32 ^ x as u32).collect();
                let mut want = c32.clone();
                want.sort_unstable();
                let mut got = c32;
                assert!(sort_u32(&mut got));
                assert_eq!(got, want, "u32 n={n}");
            }
        }
    }

    #[test]
    fn parallel_sort_equals_one_thread() {
        if !available() {
            return;
        }
        let pool = |n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .expect("a rayon pool")
        };
        for case in cases(3 * PAR_MIN + 5) {
            let mut want = case.clone();
            want.sort_unstable();
            for threads in [1, 2, 3] {
                let mut got = case.clone();
                pool(threads).install(|| assert!(sort_u64(&mut got)));
                assert_eq!(got, want, "{threads} threads");
                let c32: Vec<u32> = case.iter().map(|&x| (x >> 40) as u32).collect();
                let mut want32 = c32.clone();
                want32.sort_unstable();
                let mut got32 = c32;
                pool(threads).install(|| assert!(sort_u32(&mut got32)));
                assert_eq!(got32, want32, "u32, {threads} threads");
            }
        }
    }
}
