//! Hashing for the module's maps: term keys are short, not chosen by an
//! attacker, and looked up millions of times, so a fast non-keyed hash
//! (FxHash, as in rustc) serves better than the standard SipHash.

use std::hash::BuildHasher;

pub use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};

/// Hash of a term key: stage 2 groups terms by it without comparing
/// strings, so it must be well mixed (foldhash's quality variant) and the
/// same on every run (a fixed seed). Two keys sharing a hash would merge;
/// with 64 bits that takes billions of distinct keys.
pub fn key_hash(key: &str) -> u64 {
    foldhash::quality::FixedState::with_seed(0x51_7c_c1_b7_27_22_0a_95).hash_one(key)
}

/// A map keyed by [`key_hash`].
pub type ByHash<V> = FxMap<u64, V>;
