//! Hashing for the module's maps: term keys are short, not chosen by an
//! attacker, and looked up millions of times, so a fast non-keyed hash
//! (FxHash, as in rustc) serves better than the standard SipHash.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn fx(mut h: u64, bytes: &[u8]) -> u64 {
    for chunk in bytes.chunks(8) {
        let mut buf = [0u8; 8];
        buf[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(SEED);
    }
    h
}

/// Hash of a term key (FxHash, then a final mix so every bit counts): stage 2
/// groups terms by it without comparing strings. Two keys sharing a hash
/// would merge; with 64 bits that takes billions of distinct keys.
pub fn key_hash(key: &str) -> u64 {
    let mut h = fx(0, key.as_bytes());
    // MurmurHash3's fmix64.
    h ^= (key.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A hasher for maps keyed by [`key_hash`] values: they are well mixed
/// already, so it passes them through.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are meant; fold anything else rather than fail.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by [`key_hash`].
pub type ByHash<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// FxHash for string-keyed maps and sets.
#[derive(Default)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fx(self.0, bytes);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
pub type FxSet<K> = HashSet<K, BuildHasherDefault<Fx>>;
