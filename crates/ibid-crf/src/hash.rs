//! Feature hashing: an FxHash-style streaming hasher with a strong finaliser,
//! and the open-addressing table that maps attribute hashes to weights.

/// Multiplier of the FxHash family.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// The splitmix64 finaliser: spreads every input bit over the whole word.
#[inline]
pub const fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Combines two hashes into one (order matters).
#[inline]
pub const fn combine(a: u64, b: u64) -> u64 {
    mix64(a.rotate_left(23) ^ b.wrapping_mul(K))
}

/// A streaming hasher for attribute names. Feed it a tag and the attribute's
/// value (bytes, chars or integers) and take [`AttrHasher::finish`].
///
/// ```
/// use ibid_crf::AttrHasher;
/// let mut h = AttrHasher::new(1);
/// h.write_str("paris");
/// let a = h.finish();
/// let mut h = AttrHasher::new(2);
/// h.write_str("paris");
/// assert_ne!(a, h.finish());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AttrHasher {
    h: u64,
}

impl AttrHasher {
    /// A hasher seeded with a feature-kind tag.
    #[inline]
    pub fn new(tag: u64) -> Self {
        AttrHasher {
            h: mix64(tag ^ 0x243f_6a88_85a3_08d3),
        }
    }
    /// Feeds one 64-bit word.
    #[inline]
    pub fn write_u64(&mut self, v: u64) {
        self.h = (self.h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    /// Feeds one char (as its code point).
    #[inline]
    pub fn write_char(&mut self, c: char) {
        self.write_u64(c as u64);
    }
    /// Feeds a string, char by char (so it agrees with [`AttrHasher::write_char`]).
    #[inline]
    pub fn write_str(&mut self, s: &str) {
        for c in s.chars() {
            self.write_char(c);
        }
    }
    /// The attribute hash.
    #[inline]
    pub fn finish(&self) -> u64 {
        mix64(self.h)
    }
}

/// Asks the CPU to bring the cache line holding `r` closer (a hint with no
/// effect on results). The tagger issues these a token ahead, which turns
/// its cache misses on the attribute table and the weights, its main
/// stalls, into overlapping loads.
#[inline(always)]
pub(crate) fn prefetch<T>(r: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of x86-64; a prefetch never faults and reads
        // nothing into the program, and the address is of a live value.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((r as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = r;
}

/// Replacement for the key 0, which marks an empty slot.
const ZERO_KEY: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
pub(crate) fn fix_key(k: u64) -> u64 {
    if k == 0 {
        ZERO_KEY
    } else {
        k
    }
}

/// One slot, 8 bytes: the attribute hash's check bits and a value.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    check: u32,
    value: u32,
}

/// Open-addressing (linear probing) map from attribute hash to a 32-bit
/// value. A key's low bits choose its home slot and its high 32 bits are
/// stored as a check (never 0, which marks an empty slot), so a slot is 8
/// bytes and a cache line holds eight. Two keys that agree in the home bits
/// and all 32 check bits would share a slot: about one look-up in 2^50 could
/// meet a stranger, the same kind of risk as hashing feature names to 64
/// bits in the first place. The table refuses a second key with the same
/// home and check ([`AttrTable::insert`] returns false).
///
/// No filter in front: about 95% of the attributes a citation asks for are
/// in the model, so a filter would cost a memory access on almost every
/// look-up.
#[derive(Debug, Clone, Default)]
pub(crate) struct AttrTable {
    slots: Vec<Slot>,
    mask: usize,
}

impl AttrTable {
    /// A table for `n` attributes (load factor ≤ 0.6: small enough to stay
    /// in cache, with probes short enough for linear probing).
    pub(crate) fn with_capacity(n: usize) -> Self {
        let cap = (n.max(4) * 5 / 3 + 1).next_power_of_two();
        AttrTable {
            slots: vec![Slot::default(); cap],
            mask: cap - 1,
        }
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key as usize) & self.mask
    }

    #[inline]
    fn check(key: u64) -> u32 {
        match (key >> 32) as u32 {
            0 => 1,
            c => c,
        }
    }

    /// Inserts a key (already passed through `fix_key`); false if a key with
    /// the same home and check bits is present.
    pub(crate) fn insert(&mut self, key: u64, value: u32) -> bool {
        let check = Self::check(key);
        let mut i = self.home(key);
        loop {
            let s = &mut self.slots[i];
            if s.check == 0 {
                *s = Slot { check, value };
                return true;
            }
            if s.check == check {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value of an attribute hash.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        let key = fix_key(key);
        let check = Self::check(key);
        let mut i = self.home(key);
        loop {
            // mask keeps i in bounds; the table is never full (load ≤ 0.6)
            let s = self.slots[i];
            if s.check == check {
                return Some(s.value);
            }
            if s.check == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Asks the CPU to bring an attribute's home slot into the cache (see
    /// [`prefetch`]).
    #[inline(always)]
    pub(crate) fn prefetch(&self, key: u64) {
        if let Some(s) = self.slots.get(self.home(fix_key(key))) {
            prefetch(s);
        }
    }

    pub(crate) fn memory_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_finds_what_was_inserted() {
        let mut t = AttrTable::with_capacity(1000);
        for k in 0..1000u64 {
            assert!(t.insert(fix_key(mix64(k)), k as u32));
        }
        assert!(!t.insert(fix_key(mix64(5)), 0));
        for k in 0..1000u64 {
            assert_eq!(t.get(mix64(k)), Some(k as u32));
        }
        for k in 1000..100_000u64 {
            assert_eq!(t.get(mix64(k)), None);
        }
        // the key 0 is usable, and so is a key whose high half is 0
        let mut t = AttrTable::with_capacity(2);
        t.insert(fix_key(0), 7);
        assert_eq!(t.get(0), Some(7));
        t.insert(fix_key(5), 8);
        assert_eq!(t.get(5), Some(8));
    }

    #[test]
    fn hasher_is_order_sensitive() {
        let mut a = AttrHasher::new(0);
        a.write_str("ab");
        let mut b = AttrHasher::new(0);
        b.write_str("ba");
        assert_ne!(a.finish(), b.finish());
        assert_ne!(combine(1, 2), combine(2, 1));
    }
}
