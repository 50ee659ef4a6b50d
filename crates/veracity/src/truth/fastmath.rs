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
    let c = r - t * (1.666_666_666_666_660_190_37e-1
        + t * (-2.777_777_777_701_559_338_42e-3
            + t * (6.613_756_321_437_934_361_17e-5 + t * (-1.653_390_220_546_525_153_65e-6 + t * 4.138_136_797_057_238_460_39e-8))));
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
    let t1 = w * (3.999_999_999_940_941_908_30e-1 + w * (2.222_219_843_214_978_396_62e-1 + w * 1.531_383_769_920_937_332_03e-1));
    let t2 = z
        * (6.666_666_666_666_735_130_20e-1
            + w * (2.857_142_874_366_239_149_94e-1 + w * (1.818_357_216_161_805_012_24e-1 + w * 1.479_819_860_511_658_591_44e-1)));
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
}
