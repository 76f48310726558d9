//! SIMD levels and run-time dispatch, like NumPy's CPU dispatch.
//!
//! A plain `cargo build --release` (no RUSTFLAGS) targets baseline x86-64 (SSE2). Kernels
//! therefore come in three levels, chosen once at run time:
//! - [`Level::Scalar`]: plain loops; the reference every other level is tested against.
//! - [`Level::Wide`]: portable `wide` lanes (SSE2 on a baseline build).
//! - [`Level::Avx2`]: `#[target_feature(enable = "avx2,fma")]` functions whose generic bodies
//!   LLVM compiles to 256-bit code with fused multiply-add.
//! - [`Level::Avx512`]: AVX-512F on top: the vector-math bodies compiled for 512-bit
//!   registers (the same per-element code, so the same bits in twice the lanes), or a
//!   kernel's own AVX-512 intrinsics (`log`: within its documented ULP bound); kernels
//!   without a 512-bit body run their `Avx2` one.
//!
//! The level is detected on first use and can be forced lower with
//! `NUMERUST_SIMD=scalar|wide|avx2|avx512` (NumPy: `NPY_DISABLE_CPU_FEATURES`); asking for a
//! level the CPU lacks falls back to the best one it has.

use std::sync::atomic::{AtomicU8, Ordering};

/// A dispatch level, lowest to highest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Plain scalar loops.
    Scalar = 1,
    /// Portable `wide` lanes.
    Wide = 2,
    /// AVX2 + FMA (x86-64 only).
    Avx2 = 3,
    /// AVX-512F + AVX2 + FMA (x86-64 only).
    Avx512 = 4,
}

impl Level {
    /// The level's name as `NUMERUST_SIMD` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Level::Scalar => "scalar",
            Level::Wide => "wide",
            Level::Avx2 => "avx2",
            Level::Avx512 => "avx512",
        }
    }

    /// Every level this CPU can run, lowest first (for tests that cover each).
    pub fn available() -> Vec<Level> {
        let best = detected();
        [Level::Scalar, Level::Wide, Level::Avx2, Level::Avx512]
            .into_iter()
            .filter(|&l| l <= best)
            .collect()
    }
}

static LEVEL: AtomicU8 = AtomicU8::new(0);

/// The best level the CPU supports, ignoring `NUMERUST_SIMD`.
pub fn detected() -> Level {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            if std::arch::is_x86_feature_detected!("avx512f") {
                return Level::Avx512;
            }
            return Level::Avx2;
        }
    }
    Level::Wide
}

/// The level kernels dispatch to: detected once, lowered by `NUMERUST_SIMD`.
#[inline]
pub fn level() -> Level {
    match LEVEL.load(Ordering::Relaxed) {
        1 => Level::Scalar,
        2 => Level::Wide,
        3 => Level::Avx2,
        4 => Level::Avx512,
        _ => init_level(),
    }
}

#[cold]
fn init_level() -> Level {
    let best = detected();
    let wanted = match std::env::var("NUMERUST_SIMD")
        .ok()
        .as_deref()
        .map(str::trim)
    {
        Some("scalar") => Level::Scalar,
        Some("wide") => Level::Wide,
        Some("avx2") => Level::Avx2,
        Some("avx512") | Some("") | None => best,
        Some(_) => best,
    };
    let level = wanted.min(best);
    LEVEL.store(level as u8, Ordering::Relaxed);
    level
}

/// Forces the dispatch level for the whole process (clamped to what the CPU has); returns
/// the level now in force. For benches and tests that compare levels through public entry
/// points; kernels' own tests call each level's function directly instead.
pub fn force_level(level: Level) -> Level {
    let l = level.min(detected());
    LEVEL.store(l as u8, Ordering::Relaxed);
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_and_available() {
        let avail = Level::available();
        assert_eq!(avail[0], Level::Scalar);
        assert!(avail.contains(&Level::Wide));
        assert!(level() <= detected());
        for l in &avail {
            println!("level available: {}", l.name());
        }
    }
}
