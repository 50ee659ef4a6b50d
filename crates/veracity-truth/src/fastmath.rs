//! `exp`, `ln` and `x^g` without branches, so loops over slices vectorise (the libm calls do not:
//! on 1M claims `powf` alone took 7.5 ms per Investment iteration, 350k calls at 22 ns).
//!
//! The reductions and polynomials are fdlibm's (`e_exp.c`, `e_log.c`), each within 1 ulp;
//! `pow(x, g) = exp(g · ln x)` is within about `|g ln x| · 2⁻⁵²` relative (a few ulp for the
//! stakes and beliefs the algorithms raise to 1.2 or 1.4), which moves no result we measure
//! (the unit tests compare with `f64::exp`, `f64::ln` and `f64::powf`).

// fdlibm's constants, digits as published.
#![allow(clippy::excessive_precision)]

const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
const INV_LN2: f64 = std::f64::consts::LOG2_E;
/// Adding and subtracting 1.5 · 2⁵² rounds a double of magnitude below 2⁵¹ to the nearest integer.
const ROUND: f64 = 6_755_399_441_055_744.0;

// Only float arithmetic, comparisons and 64-bit integer add, subtract, shift and mask on the
// bits: all of them have packed forms in baseline x86-64 (SSE2), which has no packed conversion
// between doubles and 64-bit integers, so integers go through the `ROUND` trick instead of `as`.

/// The integer `k` (a whole double of magnitude below 2⁵¹) as the bits of a 64-bit integer.
#[inline(always)]
fn to_int(k: f64) -> u64 {
    (k + ROUND).to_bits().wrapping_sub(ROUND.to_bits())
}

/// The 64-bit integer `k` (magnitude below 2⁵¹) as a double.
#[inline(always)]
fn to_float(k: u64) -> f64 {
    f64::from_bits(k.wrapping_add(ROUND.to_bits())) - ROUND
}

/// `2^k` for a whole `k` in `[-1022, 1023]`.
#[inline(always)]
fn pow2(k: f64) -> f64 {
    f64::from_bits(to_int(k).wrapping_add(1023) << 52)
}

/// `e^x`: 0 below −745.2, infinity above 709.8, NaN for NaN.
#[inline(always)]
pub(super) fn exp(x: f64) -> f64 {
    let x = x.clamp(-745.2, 709.8);
    let k = (x * INV_LN2 + ROUND) - ROUND;
    let hi = x - k * LN2_HI;
    let lo = k * LN2_LO;
    let r = hi - lo;
    let t = r * r;
    let c = r - t
        * (1.666_666_666_666_660_190_37e-1
            + t * (-2.777_777_777_701_559_338_42e-3
                + t * (6.613_756_321_437_934_361_17e-5
                    + t * (-1.653_390_220_546_525_153_65e-6 + t * 4.138_136_797_057_238_460_39e-8))));
    let y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    // 2^k in two factors keeps each a normal number down to the subnormal results:
    // k1 = floor(k / 2) (k / 2 − 1/4 rounded to nearest), k2 = k − k1.
    let k1 = (k * 0.5 - 0.25 + ROUND) - ROUND;
    y * pow2(k1) * pow2(k - k1)
}

/// `ln x` for finite `x > 0` (subnormals included).
#[inline(always)]
pub(super) fn ln(x: f64) -> f64 {
    let sub = x < f64::MIN_POSITIVE;
    let x = if sub { x * 18_014_398_509_481_984.0 } else { x }; // 2^54
    let bits = x.to_bits();
    let hx = bits >> 32;
    let mant = hx & 0x000f_ffff;
    // Scale the mantissa into [√2/2, √2) (fdlibm's `i`), the exponent k moving with it.
    let i = (mant + 0x95f64) & 0x0010_0000;
    let k = ((hx >> 20) & 0x7ff).wrapping_sub(1023).wrapping_add(i >> 20);
    let m = f64::from_bits(((mant | (i ^ 0x3ff0_0000)) << 32) | (bits & 0xffff_ffff));
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w
        * (3.999_999_999_940_941_908_30e-1
            + w * (2.222_219_843_214_978_396_62e-1 + w * 1.531_383_769_920_937_332_03e-1));
    let t2 = z
        * (6.666_666_666_666_735_130_20e-1
            + w * (2.857_142_874_366_239_149_94e-1
                + w * (1.818_357_216_161_805_012_24e-1 + w * 1.479_819_860_511_658_591_44e-1)));
    let r = t2 + t1;
    let hfsq = 0.5 * f * f;
    let k = to_float(k) - if sub { 54.0 } else { 0.0 };
    k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f)
}

/// `x^g` for `x ≥ 0` and `g > 0` (0 at 0).
#[inline(always)]
pub(super) fn pow(x: f64, g: f64) -> f64 {
    let y = exp(g * ln(x));
    if x > 0.0 { y } else { 0.0 }
}

/// `x^(−1/5)` for a normal, positive, finite `x`, within about 1 ulp: a first guess from the
/// bits (the exponent and mantissa read as one number and divided by −5, as in the fast inverse
/// square root; within 8 %), then four Newton steps `z ← z + z · (1 − x z⁵) / 5` (relative
/// error 8e-2 → 2e-2 → 2e-4 → 3e-8 → rounding). Only multiplications and additions: no
/// division, no table, so the loops vectorise.
#[inline(always)]
fn inv_fifth_root(x: f64) -> f64 {
    // The guess's high word: −1/5 of x's high word plus (1 + 1/5) · 2²⁰ · (1023 − σ), σ the usual
    // correction of the linear log2 approximation.
    const C: f64 = 1.2 * 1_048_576.0 * (1023.0 - 0.045_046_6);
    let hx = to_float(x.to_bits() >> 32);
    let zh = ((C - 0.2 * hx) + ROUND) - ROUND;
    let mut z = f64::from_bits(to_int(zh) << 32);
    for _ in 0..4 {
        let z2 = z * z;
        let z5 = z2 * z2 * z;
        z += z * (1.0 - x * z5) * 0.2;
    }
    z
}

/// Whether [`pow_slice`]'s fifth-root path cannot take `x` (subnormal, infinite or NaN; zero and
/// negative numbers give 0 on both paths).
#[inline(always)]
fn needs_general_pow(x: f64) -> bool {
    x.is_nan() || (x > 0.0 && !(f64::MIN_POSITIVE..=f64::MAX).contains(&x))
}

/// `out[i] = pow(x[i], g)`. For the papers' exponents, `g = 1.2` (Investment) and `g = 1.4`
/// (PooledInvestment), through the fifth root instead of `exp(g · ln x)`:
/// `x^1.2 = x · (x z⁴)` and `x^1.4 = x · (x z⁴)²` with `z = x^(−1/5)` (so `x z⁴ = x^(1/5)`), about
/// twice as fast and within about 10 ulp (tested; `exp(g · ln x)` is within 32); any other `g`, and inputs the fifth root cannot
/// take, go through [`pow`].
pub(super) fn pow_slice(x: &[f64], g: f64, out: &mut [f64]) {
    out.copy_from_slice(x);
    pow_in_place(out, g);
}

/// `v[i] ← v[i]^g` in place (0 where `v[i] ≤ 0` or NaN; see [`pow_slice`]).
pub(super) fn pow_in_place(v: &mut [f64], g: f64) {
    map_in_place(v, g, false);
}

/// `v[i] ← v[i]^g / v[i] = v[i]^(g − 1)` in place, 0 where `v[i] ≤ 0` or NaN: what a unit of stake
/// earns back in Investment (`B(f) / H(f)` with `B = H^g`). For `g = 1.2` and `1.4` this is the
/// fifth root's `x z⁴` (or its square) that [`pow_slice`] multiplies by `x`, so it costs no
/// division.
pub(super) fn payback_in_place(v: &mut [f64], g: f64) {
    map_in_place(v, g, true);
}

/// Runs a slice kernel compiled for AVX2 when the CPU has it (four doubles a step instead of
/// SSE2's two), else for the baseline. Both copies are the same Rust code: the same IEEE
/// operations in the same order (no fused multiply-add: Rust never contracts `a * b + c`), so
/// they give the same bits (tested), and no result depends on the CPU.
macro_rules! with_avx2 {
    ($name:ident($($arg:ident: $ty:ty),*) => $body:ident) => {
        fn $name($($arg: $ty),*) {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx2")]
                fn avx2($($arg: $ty),*) {
                    $body($($arg),*)
                }
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU has AVX2 (checked on the line above), the one requirement
                    // for calling a function compiled with `target_feature(enable = "avx2")`.
                    #[allow(unsafe_code)]
                    unsafe {
                        return avx2($($arg),*);
                    }
                }
            }
            $body($($arg),*)
        }
    };
}

with_avx2!(map_in_place(v: &mut [f64], g: f64, payback: bool) => map_in_place_body);

/// `v[i] ← 1 / (1 + e^(−d · v[i]))` in place (the logistic of TruthFinder's beliefs). The two
/// divisions stay: a one-division form, within 4 ulp of this one, moved TruthFinder's trust by
/// 1e-6 relative on a dataset whose sources' trust comes close to 1, where `−ln(1 − t)`
/// amplifies the last bits.
pub(super) fn logistic_in_place(v: &mut [f64], d: f64) {
    logistic_dispatch(v, d);
}

with_avx2!(logistic_dispatch(v: &mut [f64], d: f64) => logistic_body);

#[inline(always)]
fn logistic_body(v: &mut [f64], d: f64) {
    for x in v.iter_mut() {
        *x = 1.0 / (1.0 + exp(-(d * *x)));
    }
}

#[inline(always)]
fn map_in_place_body(v: &mut [f64], g: f64, payback: bool) {
    // x^g, or x^(g − 1) for the payback, through the general path (0 where x ≤ 0 or NaN).
    let general = |x: f64| {
        let y = pow(x, g);
        if payback && x > 0.0 { y / x } else { y }
    };
    if !(g == 1.2 || g == 1.4) {
        for x in v.iter_mut() {
            *x = general(*x);
        }
        return;
    }
    // Rare inputs (subnormal, infinite, NaN) take the general path. Their places are kept in
    // a flag for the whole slice first, so the fast loop stays free of branches when there are
    // none; otherwise the loop picks per value.
    let rare = v.iter().fold(false, |any, &x| any | needs_general_pow(x));
    let square = g == 1.4;
    let fast = |x: f64| {
        let z = inv_fifth_root(x);
        let z2 = z * z;
        // r = x^(1/5); x^(g − 1) is r or r², x^g that times x.
        let r = x * (z2 * z2);
        let p = if square { r * r } else { r };
        let y = if payback { p } else { x * p };
        if x > 0.0 { y } else { 0.0 }
    };
    if rare {
        for x in v.iter_mut() {
            *x = if needs_general_pow(*x) { general(*x) } else { fast(*x) };
        }
    } else {
        for x in v.iter_mut() {
            *x = fast(*x);
        }
    }
}

#[cfg(test)]
mod tests {
    fn ulps(a: f64, b: f64) -> f64 {
        if a == b {
            return 0.0;
        }
        (a - b).abs() / (f64::EPSILON * a.abs().max(b.abs()).max(f64::MIN_POSITIVE))
    }

    #[test]
    fn exp_matches_libm() {
        let mut worst = 0.0f64;
        let mut x = -745.0;
        while x < 709.0 {
            worst = worst.max(ulps(super::exp(x), x.exp()));
            x += 0.013_7;
        }
        assert!(worst <= 1.0, "{worst} ulp");
        assert_eq!(super::exp(0.0), 1.0);
        assert_eq!(super::exp(-1000.0), 0.0);
        assert_eq!(super::exp(1000.0), f64::INFINITY);
        assert!(super::exp(f64::NAN).is_nan());
    }

    #[test]
    fn ln_and_pow_match_libm() {
        let mut worst_ln = 0.0f64;
        let mut worst_pow = 0.0f64;
        let mut x = 1e-300;
        while x < 1e300 {
            worst_ln = worst_ln.max(ulps(super::ln(x), x.ln()));
            if (1e-12..1e6).contains(&x) {
                for g in [1.2, 1.4] {
                    worst_pow = worst_pow.max(ulps(super::pow(x, g), x.powf(g)));
                }
            }
            x *= 1.013_7;
        }
        assert!(worst_ln <= 1.0, "ln {worst_ln} ulp");
        assert!(worst_pow <= 32.0, "pow {worst_pow} ulp");
        assert_eq!(super::ln(1.0), 0.0);
        assert_eq!(super::pow(0.0, 1.2), 0.0);
        assert_eq!(super::pow(1.0, 1.2), 1.0);
        assert!((super::ln(5e-320) - 5e-320f64.ln()).abs() < 1e-12);
    }

    fn pow_of(x: f64, g: f64) -> f64 {
        let mut out = [0.0];
        super::pow_slice(&[x], g, &mut out);
        out[0]
    }

    /// The fifth-root path against libm's `powf` in the range of the stakes and beliefs the
    /// algorithms raise, and everywhere through the identities `(x^1.2 / x)⁵ = x` and
    /// `(x^1.4 / x)⁵ = x²`. The libm bound is loose because libm is the less accurate one here:
    /// its `powf` is 19 ulp off at `1.00643181898621e-12^1.4` (ours 2 ulp) and 112 ulp off at
    /// `1.0132957869438515e-250^1.2` (ours under 1), by a 50-digit decimal computation.
    #[test]
    fn fifth_root_pow_is_within_ten_ulp() {
        let mut worst = 0.0f64;
        let mut worst_identity = 0.0f64;
        let mut x = 1e-300;
        while x < 1e300 {
            for g in [1.2, 1.4] {
                let y = pow_of(x, g);
                if (1e-12..1e6).contains(&x) {
                    worst = worst.max(ulps(y, x.powf(g)));
                }
                if y.is_normal() && x > 1e-250 && x < 1e250 {
                    // r = x^(g − 1) = x^(1/5) or x^(2/5); r⁵ against x, or r⁵ / x against x
                    // (divided midway, so nothing overflows), each product a few roundings.
                    let r = y / x;
                    let e = if g == 1.2 { ulps(r * r * r * r * r, x) } else { ulps(r * r * r / x * r * r, x) };
                    worst_identity = worst_identity.max(e / 5.0);
                }
            }
            x *= 1.013_7;
        }
        assert!(worst <= 32.0, "pow {worst} ulp from libm");
        assert!(worst_identity <= 12.0, "x^g / x is {worst_identity} ulp from the fifth root");
    }

    #[test]
    fn fifth_root_pow_edge_cases() {
        for g in [1.2, 1.4] {
            assert_eq!(pow_of(0.0, g), 0.0);
            assert_eq!(pow_of(-0.0, g), 0.0);
            assert_eq!(pow_of(-3.0, g), 0.0);
            assert_eq!(pow_of(1.0, g), 1.0);
            // 32^(1/5) = 2.
            assert_eq!(pow_of(32.0, g), if g == 1.2 { 64.0 } else { 128.0 });
            // Subnormal: the general path.
            let tiny = 1e-310;
            assert_eq!(pow_of(tiny, g), super::pow(tiny, g));
            assert!(pow_of(f64::NAN, g).is_nan() || pow_of(f64::NAN, g) == super::pow(f64::NAN, g));
        }
        // Other exponents: the general path.
        assert_eq!(pow_of(0.37, 1.3), super::pow(0.37, 1.3));
        // A slice mixing the paths.
        let x = [0.5, 1e-310, 0.0, 2.0];
        let mut out = [0.0; 4];
        super::pow_slice(&x, 1.2, &mut out);
        for (o, &x) in out.iter().zip(&x) {
            assert!(ulps(*o, super::pow(x, 1.2)) <= 40.0, "{x}");
        }
    }

    /// The in-place forms against `pow_slice` and `pow(x, g) / x`.
    #[test]
    fn in_place_forms_match() {
        let xs = [0.0, -1.0, 1e-310, 3e-9, 0.2, 0.5, 1.0, 2.0, 32.0, 7e5, f64::NAN];
        for g in [1.2, 1.4, 1.3] {
            let mut want = [0.0; 11];
            super::pow_slice(&xs, g, &mut want);
            let mut got = xs;
            super::pow_in_place(&mut got, g);
            for ((&x, &w), &y) in xs.iter().zip(&want).zip(&got) {
                assert!(ulps(y, w) <= 40.0 || (x.is_nan() && y == 0.0 || y == w), "pow {x}^{g}: {y} vs {w}");
            }
            // Without the rare inputs, the fast path and exactly pow_slice's values.
            let normal = [3e-9, 0.2, 0.5, 1.0, 2.0, 32.0, 7e5, 0.0, -2.0];
            let mut want = [0.0; 9];
            super::pow_slice(&normal, g, &mut want);
            let mut got = normal;
            super::pow_in_place(&mut got, g);
            assert_eq!(got, want);
            let mut pay = xs;
            super::payback_in_place(&mut pay, g);
            for (&x, &p) in xs.iter().zip(&pay) {
                let expected = if x > 0.0 { x.powf(g) / x } else { 0.0 };
                assert!(ulps(p, expected) <= 40.0, "payback {x}^{g}: {p} vs {expected}");
            }
        }
        for (g, want) in [(1.2, 2.0), (1.4, 4.0)] {
            let mut v = [32.0];
            super::payback_in_place(&mut v, g);
            assert_eq!(v[0], want, "32^({g} - 1)");
        }
    }

    /// The dispatched kernels (AVX2 where the CPU has it) give the bits of the baseline ones (a
    /// NaN stays a NaN, its sign bit may differ).
    #[test]
    fn dispatched_kernels_give_the_baseline_bits() {
        let mut xs = Vec::new();
        let mut x = 1e-300;
        while x < 1e300 {
            xs.extend([x, -x, x * 0.37]);
            x *= 1.37;
        }
        xs.extend([0.0, -0.0, 1e-310, f64::NAN, f64::INFINITY]);
        for g in [1.2, 1.4, 1.3] {
            for payback in [false, true] {
                let (mut a, mut b) = (xs.clone(), xs.clone());
                super::map_in_place(&mut a, g, payback);
                super::map_in_place_body(&mut b, g, payback);
                let same = |(a, b): (&f64, &f64)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
                assert!(a.iter().zip(&b).all(same), "{g} {payback}");
            }
        }
        let ts: Vec<f64> = xs.iter().map(|x| x.clamp(-800.0, 800.0)).collect();
        let (mut a, mut b) = (ts.clone(), ts);
        super::logistic_in_place(&mut a, 0.3);
        super::logistic_body(&mut b, 0.3);
        for (i, (a, b)) in a.iter().zip(&b).enumerate() {
            assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()), "{i}: {a} vs {b} at {}", xs[i]);
        }
    }
}
