//! `log` for `f32` and `f64` in AVX-512F registers (16 / 8 lanes): the `Avx512` level's body.
//!
//! `x = 2^k m` with `m` in `[0.75, 1.5)` from `getexp`/`getmant` (exact, subnormals
//! included, no bit tricks); `c = rcp14(m)` rounded to a multiple of `2^-5` (`f32`) or `2^-4`
//! (`f64`) by adding and subtracting a power of two, whose low bits are then the index of
//! `-log(c)` in a 32- / 16-entry table (`permutex2var`). `r = m c - 1` is exact (a multiple
//! of `2^-29` / `2^-57` below `2^-5` / `2^-4` in magnitude), so
//! `log(x) = (k ln2_hi - log(c)_hi) + r + (r² P(r) + k ln2_lo - log(c)_lo)`: the first sum is
//! exact (both terms on a `2^-16` / `2^-42` grid), `+ r` is summed with its exact error
//! (Fast2Sum: the first sum is 0 or larger than `|r|`), and only the last addition rounds at
//! the result's scale. `P` (Chebyshev fit of `(log1p(r) - r) / r²`): degree 3 in `f32`
//! (2^-31 relative), degree 9 in `f64` (2^-59). No division, no data-dependent branch;
//! specials (`±0`, negatives, `±inf`, NaN) come from one `fixupimm` on the input's class.
//! Tails run through the same lanes under a mask, so the bits depend on neither the length
//! nor the offset.
//!
//! Max error on NumPy's validation sets and over all positive `f32`: docs/accuracy.md.
//! NumPy counterpart: its AVX-512F `log` (`loops_exponent_log.dispatch.c.src`: the same
//! `getexp`/`getmant` reduction, without a table and with a longer polynomial).

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

/// `fixupimm` response per input class (QNaN, SNaN, ±0, +1, -inf, +inf, negative, positive):
/// NaN stays NaN, `log(±0) = -inf`, `log(1) = +0`, `log(-inf)` and negatives give the default
/// NaN, `log(inf) = inf`, other positives keep the computed value.
const FIXUP: i32 = 0x0353_8422;

/// `ln 2` on a `2^-16` grid (so `k ln2_hi` is exact for `|k| ≤ 256`), and the rest.
const LN2_HI32: f32 = 0.693_145_75;
const LN2_LO32: f32 = 1.428_606_8e-6;
/// `-log(j/32)` on a `2^-16` grid at index `j mod 32` (`j` in 21..=43), and the rest.
#[rustfmt::skip]
const NLOG_HI32: [f32; 32] = [
    0.0, -0.030_776_978, -0.060_623_17, -0.089_614_87, -0.117_782_59, -0.145_187_38,
    -0.171_844_48, -0.197_830_2, -0.223_144_53, -0.247_833_25, -0.271_926_88, -0.295_471_2,
    -0.318_450_93, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.470_001_22, 0.421_218_87,
    0.374_694_82, 0.330_245_97, 0.287_689_2, 0.246_856_69, 0.207_641_6, 0.169_906_62,
    0.133_529_66, 0.098_434_45, 0.064_544_68, 0.031_753_54,
];
#[rustfmt::skip]
const NLOG_LO32: [f32; 32] = [
    0.0, 5.318_872_4e-6, -1.452_871_2e-6, 2.709_474_3e-6, -4.428_829_4e-7, 5.368_085e-6,
    -5.774_504_6e-6, 4.456_865_6e-6, 9.799_358e-7, -2.911_951_5e-6, -6.835_600_7e-6,
    6.978_512_4e-6, -2.803_384_2e-6, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.408_542_5e-6,
    -5.406_994e-6, -1.374_777_3e-6, -4.284_809e-6, -7.136_532_5e-6, 3.388_478_5e-6,
    -2.236_784_2e-6, -7.579_415_5e-6, 1.729_538_6e-6, 5.624_571_3e-6, -6.156_597e-6,
    -4.841_724_6e-6,
];
/// `(log1p(r) - r) / r²` on `|r| ≤ 0.0245`, lowest degree first.
const P32: [f32; 4] = [-0.5, 0.333_333_3, -0.250_100_08, 0.200_085_79];

/// `ln 2` on a `2^-42` grid (so `k ln2_hi` is exact for `|k| < 2^11`), and the rest.
const LN2_HI64: f64 = 0.693_147_180_559_890_3;
const LN2_LO64: f64 = 5.497_923_018_708_371e-14;
/// `-log(j/16)` on a `2^-42` grid at index `j mod 16` (`j` in 11..=21), and the rest.
#[rustfmt::skip]
const NLOG_HI64: [f64; 16] = [
    0.0, -0.060_624_621_816_486_98, -0.117_783_035_656_43, -0.171_850_256_926_745_71,
    -0.223_143_551_314_251_45, -0.271_933_715_483_555_7, -0.318_453_731_118_552_24, 0.0,
    0.0, 0.0, 0.470_003_629_245_638_9, 0.374_693_449_441_338_1, 0.287_682_072_451_843_85,
    0.207_639_364_778_287_93, 0.133_531_392_624_490_76, 0.064_538_521_137_592_4,
];
#[rustfmt::skip]
const NLOG_LO64: [f64; 16] = [
    0.0, 5.213_620_639_136_504e-14, 4.654_729_747_598_445e-14, 8.649_239_607_212_071e-14,
    4.169_796_584_527_195e-14, -8.604_306_772_808_733e-14, 1.762_543_131_217_266_2e-14,
    0.0, 0.0, 0.0, 9.667_719_603_235_566e-14, 7.260_466_149_925_637e-14,
    -6.292_357_389_008_195e-14, -4.342_542_259_524_256_4e-14, 3.185_973_634_907_833_4e-14,
    -2.122_560_804_480_999_7e-14,
];
/// `(log1p(r) - r) / r²` on `|r| ≤ 0.048`, lowest degree first.
const P64: [f64; 10] = [
    -0.5,
    0.333_333_333_333_333_37,
    -0.249_999_999_999_769_55,
    0.199_999_999_999_787_26,
    -0.166_666_667_466_675_7,
    0.142_857_143_595_651_24,
    -0.124_999_028_212_520_1,
    0.111_110_214_034_288_7,
    -0.100_481_544_579_369_66,
    0.091_353_609_472_513_17,
];

/// `log` of 16 `f32` lanes (tables passed in registers).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn log16(x: __m512, tab: &[__m512; 4]) -> __m512 {
    let m = _mm512_getmant_ps::<_MM_MANT_NORM_P75_1P5, _MM_MANT_SIGN_NAN>(x);
    let k = _mm512_sub_ps(_mm512_getexp_ps(x), _mm512_getexp_ps(m));
    let shift = _mm512_set1_ps(262_144.0); // 2^18: its ULP is 2^-5
    let t = _mm512_add_ps(_mm512_rcp14_ps(m), shift);
    let c = _mm512_sub_ps(t, shift);
    let r = _mm512_fmsub_ps(m, c, _mm512_set1_ps(1.0)); // exact
    let idx = _mm512_castps_si512(t);
    let nl_hi = _mm512_permutex2var_ps(tab[0], idx, tab[1]);
    let nl_lo = _mm512_permutex2var_ps(tab[2], idx, tab[3]);
    let set = _mm512_set1_ps;
    let p = _mm512_fmadd_ps(set(P32[3]), r, set(P32[2]));
    let p = _mm512_fmadd_ps(p, r, set(P32[1]));
    let p = _mm512_fmadd_ps(p, r, set(P32[0]));
    let low = _mm512_fmadd_ps(k, set(LN2_LO32), nl_lo);
    let tail = _mm512_fmadd_ps(_mm512_mul_ps(r, r), p, low);
    let a = _mm512_fmadd_ps(k, set(LN2_HI32), nl_hi); // exact
    let hi = _mm512_add_ps(a, r);
    let err = _mm512_add_ps(_mm512_sub_ps(a, hi), r); // exact: a = 0 or |a| > |r|
    let res = _mm512_add_ps(hi, _mm512_add_ps(err, tail));
    _mm512_fixupimm_ps::<0>(res, x, _mm512_set1_epi32(FIXUP))
}

/// `log` of 8 `f64` lanes (tables passed in registers).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn log8(x: __m512d, tab: &[__m512d; 4]) -> __m512d {
    let m = _mm512_getmant_pd::<_MM_MANT_NORM_P75_1P5, _MM_MANT_SIGN_NAN>(x);
    let k = _mm512_sub_pd(_mm512_getexp_pd(x), _mm512_getexp_pd(m));
    let shift = _mm512_set1_pd(281_474_976_710_656.0); // 2^48: its ULP is 2^-4
    let t = _mm512_add_pd(_mm512_rcp14_pd(m), shift);
    let c = _mm512_sub_pd(t, shift);
    let r = _mm512_fmsub_pd(m, c, _mm512_set1_pd(1.0)); // exact
    let idx = _mm512_castpd_si512(t);
    let nl_hi = _mm512_permutex2var_pd(tab[0], idx, tab[1]);
    let nl_lo = _mm512_permutex2var_pd(tab[2], idx, tab[3]);
    let set = _mm512_set1_pd;
    let r2 = _mm512_mul_pd(r, r);
    let r4 = _mm512_mul_pd(r2, r2);
    // Estrin: pairs, then quads, then the whole.
    let q01 = _mm512_fmadd_pd(set(P64[1]), r, set(P64[0]));
    let q23 = _mm512_fmadd_pd(set(P64[3]), r, set(P64[2]));
    let q45 = _mm512_fmadd_pd(set(P64[5]), r, set(P64[4]));
    let q67 = _mm512_fmadd_pd(set(P64[7]), r, set(P64[6]));
    let q89 = _mm512_fmadd_pd(set(P64[9]), r, set(P64[8]));
    let q03 = _mm512_fmadd_pd(q23, r2, q01);
    let q47 = _mm512_fmadd_pd(q67, r2, q45);
    let q49 = _mm512_fmadd_pd(q89, r4, q47);
    let p = _mm512_fmadd_pd(q49, r4, q03);
    let low = _mm512_fmadd_pd(k, set(LN2_LO64), nl_lo);
    let tail = _mm512_fmadd_pd(r2, p, low);
    let a = _mm512_fmadd_pd(k, set(LN2_HI64), nl_hi); // exact
    let hi = _mm512_add_pd(a, r);
    let err = _mm512_add_pd(_mm512_sub_pd(a, hi), r); // exact: a = 0 or |a| > |r|
    let res = _mm512_add_pd(hi, _mm512_add_pd(err, tail));
    _mm512_fixupimm_pd::<0>(res, x, _mm512_set1_epi64(FIXUP as i64))
}

/// `dst[i] = log(src[i])` for `i < src.len()` (`dst` may be uninitialised).
///
/// # Safety
/// The CPU must have AVX-512F, AVX2 and FMA; `dst` must be valid for `src.len()` writes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
pub unsafe fn log_f32_avx512(src: &[f32], dst: *mut f32) {
    let load = |a: &[f32; 32], o: usize| {
        // SAFETY: `o + 16 <= 32`.
        unsafe { _mm512_loadu_ps(a.as_ptr().add(o)) }
    };
    let tab = [
        load(&NLOG_HI32, 0),
        load(&NLOG_HI32, 16),
        load(&NLOG_LO32, 0),
        load(&NLOG_LO32, 16),
    ];
    let n = src.len();
    let (sp, dp) = (src.as_ptr(), dst);
    let mut i = 0;
    while i + 16 <= n {
        // SAFETY: elements `i..i + 16` are inside `src` and `dst`.
        unsafe { _mm512_storeu_ps(dp.add(i), log16(_mm512_loadu_ps(sp.add(i)), &tab)) };
        i += 16;
    }
    if i < n {
        let mask: __mmask16 = (1u32 << (n - i)) as u16 - 1;
        // SAFETY: the mask covers only elements `i..n`, inside `src` and `dst`; masked-off lanes
        // are neither read nor written.
        unsafe {
            let x = _mm512_maskz_loadu_ps(mask, sp.add(i));
            _mm512_mask_storeu_ps(dp.add(i), mask, log16(x, &tab));
        }
    }
}

/// `dst[i] = log(src[i])` for `i < src.len()` (`dst` may be uninitialised).
///
/// # Safety
/// The CPU must have AVX-512F, AVX2 and FMA; `dst` must be valid for `src.len()` writes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
pub unsafe fn log_f64_avx512(src: &[f64], dst: *mut f64) {
    let load = |a: &[f64; 16], o: usize| {
        // SAFETY: `o + 8 <= 16`.
        unsafe { _mm512_loadu_pd(a.as_ptr().add(o)) }
    };
    let tab = [
        load(&NLOG_HI64, 0),
        load(&NLOG_HI64, 8),
        load(&NLOG_LO64, 0),
        load(&NLOG_LO64, 8),
    ];
    let n = src.len();
    let (sp, dp) = (src.as_ptr(), dst);
    let mut i = 0;
    while i + 8 <= n {
        // SAFETY: elements `i..i + 8` are inside `src` and `dst`.
        unsafe { _mm512_storeu_pd(dp.add(i), log8(_mm512_loadu_pd(sp.add(i)), &tab)) };
        i += 8;
    }
    if i < n {
        let mask: __mmask8 = (1u16 << (n - i)) as u8 - 1;
        // SAFETY: the mask covers only elements `i..n`, inside `src` and `dst`; masked-off lanes
        // are neither read nor written.
        unsafe {
            let x = _mm512_maskz_loadu_pd(mask, sp.add(i));
            _mm512_mask_storeu_pd(dp.add(i), mask, log8(x, &tab));
        }
    }
}
