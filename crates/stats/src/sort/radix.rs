//! LSD radix sort of unsigned keys, alone or carrying `u32` indices (stable).
//!
//! Keys of 32 and 64 bits go in 11-bit digits (3 or 6 passes), 8- and 16-bit keys in 8-bit
//! digits. One read counts every digit's histogram; a pass whose digit is the same for all
//! keys is skipped (e.g. the exponent byte of floats in [0, 1)). Each pass scatters from one
//! buffer into the other, so the caller lends a scratch slice as long as the keys. Being
//! stable, the index-carrying form gives NumPy's `kind='stable'` argsort directly.

use crate::order::RadixKey;

/// Digit width and pass count for a key type.
fn digits<K: RadixKey>() -> (u32, usize) {
    let bits = if K::BITS >= 32 { 11 } else { 8 };
    (bits, K::BITS.div_ceil(bits) as usize)
}

/// Per-pass histograms of `keys`, turned into starting offsets; `None` for a skipped pass.
fn offsets<K: RadixKey>(keys: &[K]) -> Vec<Option<Vec<usize>>> {
    let (bits, passes) = digits::<K>();
    let nb = 1usize << bits;
    let mask = nb - 1;
    let mut hist = vec![0usize; passes * nb];
    for &k in keys {
        for p in 0..passes {
            hist[p * nb + k.digit(p as u32 * bits, mask)] += 1;
        }
    }
    let n = keys.len();
    hist.chunks(nb)
        .map(|h| {
            if h.contains(&n) {
                return None;
            }
            let mut off = Vec::with_capacity(nb);
            let mut s = 0;
            for &c in h {
                off.push(s);
                s += c;
            }
            Some(off)
        })
        .collect()
}

/// Sorts `keys` ascending; `scratch` must be as long (its contents are overwritten).
pub(crate) fn sort_keys<K: RadixKey>(keys: &mut [K], scratch: &mut [K]) {
    assert_eq!(keys.len(), scratch.len());
    let (bits, _) = digits::<K>();
    let mask = (1usize << bits) - 1;
    let mut in_keys = true;
    for (p, off) in offsets(keys).into_iter().enumerate() {
        let Some(mut off) = off else { continue };
        let shift = p as u32 * bits;
        let (src, dst): (&[K], &mut [K]) = if in_keys {
            (keys, scratch)
        } else {
            (scratch, keys)
        };
        for &k in src {
            let d = k.digit(shift, mask);
            dst[off[d]] = k;
            off[d] += 1;
        }
        in_keys = !in_keys;
    }
    if !in_keys {
        keys.copy_from_slice(scratch);
    }
}

/// Sorts `keys` ascending carrying `idx` along, stably; the scratch slices must be as long.
pub(crate) fn sort_pairs<K: RadixKey>(
    keys: &mut [K],
    idx: &mut [u32],
    key_scratch: &mut [K],
    idx_scratch: &mut [u32],
) {
    let n = keys.len();
    assert!(idx.len() == n && key_scratch.len() == n && idx_scratch.len() == n);
    let (bits, _) = digits::<K>();
    let mask = (1usize << bits) - 1;
    let mut in_keys = true;
    for (p, off) in offsets(keys).into_iter().enumerate() {
        let Some(mut off) = off else { continue };
        let shift = p as u32 * bits;
        let (sk, si, dk, di): (&[K], &[u32], &mut [K], &mut [u32]) = if in_keys {
            (keys, idx, key_scratch, idx_scratch)
        } else {
            (key_scratch, idx_scratch, keys, idx)
        };
        for (&k, &i) in sk.iter().zip(si) {
            let d = k.digit(shift, mask);
            let o = off[d];
            dk[o] = k;
            di[o] = i;
            off[d] = o + 1;
        }
        in_keys = !in_keys;
    }
    if !in_keys {
        keys.copy_from_slice(key_scratch);
        idx.copy_from_slice(idx_scratch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                x
            })
            .collect()
    }

    #[test]
    fn keys_sort_like_std() {
        for n in [0, 1, 2, 3, 100, 5000] {
            for shift in [0, 20, 40, 60] {
                let v: Vec<u64> = lcg(n, n as u64).into_iter().map(|x| x >> shift).collect();
                let mut want = v.clone();
                want.sort_unstable();
                let mut got = v.clone();
                sort_keys(&mut got, &mut vec![0; n]);
                assert_eq!(got, want);
                let mut got32: Vec<u32> = v.iter().map(|&x| x as u32).collect();
                let mut want32 = got32.clone();
                want32.sort_unstable();
                sort_keys(&mut got32, &mut vec![0; n]);
                assert_eq!(got32, want32);
                let mut got8: Vec<u8> = v.iter().map(|&x| x as u8).collect();
                let mut want8 = got8.clone();
                want8.sort_unstable();
                sort_keys(&mut got8, &mut vec![0; n]);
                assert_eq!(got8, want8);
            }
        }
    }

    #[test]
    fn pairs_are_stable() {
        let n = 3000;
        let v: Vec<u16> = lcg(n, 9).into_iter().map(|x| (x >> 60) as u16).collect();
        let mut want: Vec<u32> = (0..n as u32).collect();
        want.sort_by_key(|&i| v[i as usize]);
        let mut keys = v.clone();
        let mut idx: Vec<u32> = (0..n as u32).collect();
        sort_pairs(&mut keys, &mut idx, &mut vec![0; n], &mut vec![0; n]);
        assert_eq!(idx, want);
    }
}
