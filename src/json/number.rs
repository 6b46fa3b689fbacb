//! Integers in decimal, as `itoa` (and so serde_json) writes them.
//!
//! A number below 10^8 (every offset into an input under 100 MB, every id,
//! every count) is turned into its eight digits at once, as lanes of one
//! `u64` (divide into halves of four digits, those into pairs, those into
//! digits, each step a multiply and a shift in every lane together); the
//! count of leading zero digits is the count of zero bytes at the low end,
//! so the length needs no `ilog10`. The digits are appended as one block and
//! cut to length, so writing a number costs no loop and no call to `memcpy`.
//! Larger numbers are written as their high part and eight digits.

use super::escape::extend_cut;

/// 10^8: numbers below it are written as one word of digits.
const EIGHT_DIGITS: u64 = 100_000_000;

/// The eight decimal digits of `n` (below 10^8, leading zeros included) as
/// the bytes 0 to 9 (not yet ASCII), most significant first in memory.
#[inline]
fn digits8(n: u32) -> u64 {
    // Lanes of 32 bits: the high four digits, the low four.
    let n = u64::from(n);
    let fours = (n / 10_000) | ((n % 10_000) << 32);
    // Lanes of 16 bits: each four split into two pairs. `x * 10486 >> 20`
    // is `x / 100` for every x below 10^4.
    let hundreds = ((fours * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let pairs = hundreds | ((fours - hundreds * 100) << 16);
    // Lanes of 8 bits: each pair split into two digits. `x * 103 >> 10`
    // is `x / 10` for every x below 100.
    let tens = ((pairs * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | ((pairs - tens * 10) << 8)
}

/// Appends `n` (below 10^8) without leading zeros.
#[inline]
fn write_short(out: &mut Vec<u8>, n: u32) {
    let digits = digits8(n);
    // Leading zero digits are zero bytes at the low end; 0 keeps one.
    let zeros = ((digits.trailing_zeros() / 8) as usize).min(7);
    let ascii = (digits | 0x3030_3030_3030_3030) >> (8 * zeros);
    extend_cut(out, &ascii.to_le_bytes(), 8 - zeros);
}

/// Appends `n` (below 10^8) as exactly eight digits.
#[inline]
fn write_full(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&(digits8(n) | 0x3030_3030_3030_3030).to_le_bytes());
}

/// The low eight digits of `n` and the rest.
#[inline]
fn split(n: u64) -> (u64, u32) {
    // The remainder is below 10^8, so it fits.
    (n / EIGHT_DIGITS, (n % EIGHT_DIGITS) as u32)
}

/// Appends `value` in decimal.
#[inline]
pub(super) fn write_u64(out: &mut Vec<u8>, value: u64) {
    if value < EIGHT_DIGITS {
        return write_short(out, value as u32);
    }
    write_long(out, value);
}

/// Appends `value` (at least 10^8) in decimal: up to 20 digits.
#[inline(never)]
fn write_long(out: &mut Vec<u8>, value: u64) {
    let (high, low) = split(value);
    if high < EIGHT_DIGITS {
        write_short(out, high as u32);
    } else {
        let (top, middle) = split(high);
        // `top` is below 10^4: u64::MAX has 20 digits.
        write_short(out, top as u32);
        write_full(out, middle);
    }
    write_full(out, low);
}

/// Appends `value` in decimal, with a `-` when it is negative.
#[inline]
pub(super) fn write_i64(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    write_u64(out, value.unsigned_abs());
}
#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: u64) {
        let mut out = b"x".to_vec();
        write_u64(&mut out, value);
        assert_eq!(out, format!("x{value}").into_bytes());
        if let Ok(signed) = i64::try_from(value) {
            for v in [signed, -signed] {
                let mut out = Vec::new();
                write_i64(&mut out, v);
                assert_eq!(out, v.to_string().into_bytes());
            }
        }
    }

    #[test]
    fn as_display_writes_them() {
        (0..20_000).for_each(check);
        for power in 0..20 {
            let p = 10u64.pow(power);
            let nines = p.saturating_mul(9);
            [p - 1, p, p + 1, nines, nines.saturating_add(9)]
                .into_iter()
                .for_each(check);
        }
        [u64::MAX, u64::MAX - 1, i64::MAX as u64, 1 << 63]
            .into_iter()
            .for_each(check);
        // Every length, and many values of each: a multiplicative sequence
        // that visits every digit in every place.
        let mut x: u64 = 1;
        for _ in 0..200_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let digits = (x >> 59) as u32 % 21;
            check(x.checked_rem(10u64.saturating_pow(digits)).unwrap_or(x));
        }
        let mut out = Vec::new();
        write_i64(&mut out, i64::MIN);
        assert_eq!(out, i64::MIN.to_string().into_bytes());
    }
}
