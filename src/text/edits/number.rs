//! The numbers of the encoding: variable-length integers of six bits a
//! byte (`0x40` says another byte follows), and `u32`s of fixed width in
//! six bytes; every byte is ASCII.

use super::FIXED_BYTES;

/// The payload of a byte, and the bit that says another byte follows.
const PAYLOAD: u8 = 0x3f;
const MORE: u8 = 0x40;

#[inline]
pub(super) fn put(out: &mut String, n: u64) {
    // Most numbers are below 64: one byte.
    match u8::try_from(n) {
        Ok(b) if b < MORE => out.push(char::from(b)),
        _ => put_long(out, n),
    }
}

fn put_long(out: &mut String, mut n: u64) {
    while n >= u64::from(MORE) {
        out.push(char::from((n as u8 & PAYLOAD) | MORE));
        n >>= 6;
    }
    out.push(char::from(n as u8));
}

#[inline]
pub(super) fn get(bytes: &[u8], pos: &mut usize) -> u64 {
    match bytes.get(*pos) {
        Some(&b) if b < MORE => {
            *pos += 1;
            u64::from(b)
        }
        _ => get_long(bytes, pos),
    }
}

fn get_long(bytes: &[u8], pos: &mut usize) -> u64 {
    let mut n = 0u64;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*pos) {
        *pos += 1;
        if shift < 64 {
            n |= u64::from(b & PAYLOAD) << shift;
        }
        shift += 6;
        if b & MORE == 0 {
            break;
        }
    }
    n
}

pub(super) fn get_u32(bytes: &[u8], pos: &mut usize) -> u32 {
    u32::try_from(get(bytes, pos)).unwrap_or(u32::MAX)
}

pub(super) fn put_fixed(out: &mut String, n: u32) {
    for k in 0..FIXED_BYTES {
        out.push(char::from((n >> (6 * k)) as u8 & PAYLOAD));
    }
}

/// The number of fixed width at `at`, or 0 past the end.
pub(super) fn get_fixed(bytes: &[u8], at: usize) -> u32 {
    bytes.get(at..at + FIXED_BYTES).map_or(0, |b| {
        b.iter()
            .rev()
            .fold(0u32, |n, &d| (n << 6) | u32::from(d & PAYLOAD))
    })
}
