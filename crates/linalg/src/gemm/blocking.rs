//! Cache blocking: how large the packed blocks are, from the CPU's cache sizes.
//!
//! The BLIS loop nest keeps one `kc x NR` micro-panel of B in L1 while the kernel sweeps
//! the `mc x kc` block of A (kept in L2) past it, and streams the `kc x nc` panel of B from
//! L3/memory once per A block. So, with `s` the element size:
//!
//! - `kc`: the B micro-panel fills half of L1 (`kc * NR * s = L1 / 2`); the other half holds
//!   the A micro-panel lines in flight and C. Rounded down to a multiple of 16, kept in
//!   `128..=512`.
//! - `mc`: the packed A block fills half of L2 (`mc * kc * s = L2 / 2`), rounded down to a
//!   multiple of MR.
//! - `nc`: at most 3072 columns (a multiple of NR): a `kc x nc` B panel of a few MiB, which
//!   the huge-page packing buffer maps with few TLB entries.
//!
//! On the 48 KiB L1 / 2 MiB L2 cores of the development machine (Xeon, AVX-512): f64 AVX-512
//! (24 x 8) gets kc = 384, mc = 336; f32 AVX-512 (48 x 8) gets kc = 512, mc = 480.
//! Sizes come from `/sys/devices/system/cpu/cpu0/cache` (32 KiB / 1 MiB when unreadable).

use std::sync::OnceLock;

/// Block sizes of the GEMM loop nest (elements).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Blocking {
    /// Rows of A packed at once (a multiple of the kernel's MR).
    pub mc: usize,
    /// Depth of one packed block: the k-blocking, fixed for a given kernel and type.
    pub kc: usize,
    /// Columns of B packed at once (a multiple of the kernel's NR).
    pub nc: usize,
}

/// (L1 data, L2) cache sizes in bytes of CPU 0.
pub fn cache_sizes() -> (usize, usize) {
    static SIZES: OnceLock<(usize, usize)> = OnceLock::new();
    *SIZES.get_or_init(|| {
        let read = |level: &str, kind: &[&str]| -> Option<usize> {
            for idx in 0..8 {
                let dir = format!("/sys/devices/system/cpu/cpu0/cache/index{idx}");
                let get = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).ok();
                let (Some(l), Some(t), Some(s)) = (get("level"), get("type"), get("size")) else {
                    continue;
                };
                if l.trim() == level && kind.contains(&t.trim()) {
                    let s = s.trim();
                    let (num, mult) = match s.strip_suffix('K') {
                        Some(n) => (n, 1 << 10),
                        None => match s.strip_suffix('M') {
                            Some(n) => (n, 1 << 20),
                            None => (s, 1),
                        },
                    };
                    return num.parse::<usize>().ok().map(|n| n * mult);
                }
            }
            None
        };
        let l1 = read("1", &["Data"]).unwrap_or(32 << 10);
        let l2 = read("2", &["Unified", "Data"]).unwrap_or(1 << 20);
        (l1, l2)
    })
}

/// The default blocking for a kernel with an `mr x nr` tile on `elem`-byte elements.
pub fn default_blocking(mr: usize, nr: usize, elem: usize) -> Blocking {
    let (l1, l2) = cache_sizes();
    let kc = (l1 / 2 / (nr * elem)) / 16 * 16;
    let kc = kc.clamp(128, 512);
    let mc = ((l2 / 2 / (kc * elem)) / mr * mr).max(mr);
    let nc = (3072 / nr * nr).max(nr);
    Blocking { mc, kc, nc }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_multiples_of_the_tile() {
        for (mr, nr, s) in [(24, 8, 8), (48, 8, 4), (8, 6, 8), (16, 6, 4), (8, 4, 8)] {
            let b = default_blocking(mr, nr, s);
            assert_eq!(b.mc % mr, 0);
            assert_eq!(b.nc % nr, 0);
            assert!((128..=512).contains(&b.kc));
        }
    }
}
