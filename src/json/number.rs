//! Integers in decimal, as `itoa` (and so serde_json) writes them.
//!
//! Two digits at a time from a table, into a block of fixed size that is
//! appended whole and cut to the number's length, so writing a number costs
//! no call to `memcpy`; the digit count comes first, from `ilog10`.

use super::escape::extend_cut;

/// `"00"` to `"99"`.
const PAIRS: [u8; 200] = {
    let mut pairs = [0; 200];
    let mut i = 0;
    while i < 100 {
        pairs[2 * i] = b'0' + (i / 10) as u8;
        pairs[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    pairs
};

/// Appends `value` in decimal.
#[inline]
pub(super) fn write_u64(out: &mut Vec<u8>, value: u64) {
    // 1 to 20 digits.
    let len = value.checked_ilog10().unwrap_or(0) as usize + 1;
    let mut block = [b'0'; 20];
    let mut end = len;
    let mut rest = value;
    let mut put = |end: usize, pair: u64| {
        let pair = 2 * pair as usize;
        if let (Some(to), Some(from)) = (block.get_mut(end..end + 2), PAIRS.get(pair..pair + 2)) {
            to.copy_from_slice(from);
        }
    };
    while rest >= 100 {
        end = end.saturating_sub(2);
        put(end, rest % 100);
        rest /= 100;
    }
    if rest >= 10 {
        put(end.saturating_sub(2), rest);
    } else if let Some(digit) = block.get_mut(end.saturating_sub(1)) {
        *digit = b'0' + rest as u8;
    }
    extend_cut(out, &block, len);
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
        let mut out = Vec::new();
        write_i64(&mut out, i64::MIN);
        assert_eq!(out, i64::MIN.to_string().into_bytes());
    }
}
