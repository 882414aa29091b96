//! A sequence of items, each with its attribute hashes, stored flat.

/// The attributes of one sequence: item `t` owns `attrs[ends[t-1]..ends[t]]`.
///
/// Reuse one `AttrSeq` across calls ([`AttrSeq::clear`]) to avoid allocation.
///
/// ```
/// let mut s = ibid_crf::AttrSeq::default();
/// s.push(11);
/// s.push(12);
/// s.end_item();
/// s.end_item(); // an item with no attributes
/// assert_eq!(s.len(), 2);
/// assert_eq!(s.item(0), &[11, 12]);
/// assert!(s.item(1).is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttrSeq {
    attrs: Vec<u64>,
    ends: Vec<u32>,
}

impl AttrSeq {
    /// Empties the sequence, keeping its buffers.
    pub fn clear(&mut self) {
        self.attrs.clear();
        self.ends.clear();
    }
    /// Adds an attribute to the current (unfinished) item.
    #[inline]
    pub fn push(&mut self, attr: u64) {
        self.attrs.push(attr);
    }
    /// Closes the current item.
    #[inline]
    pub fn end_item(&mut self) {
        self.ends.push(self.attrs.len() as u32);
    }
    /// Number of closed items.
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    /// True when no item is closed.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
    /// The attributes of item `t` (empty when out of range).
    #[inline]
    pub fn item(&self, t: usize) -> &[u64] {
        let Some(&end) = self.ends.get(t) else {
            return &[];
        };
        let start = if t == 0 { 0 } else { self.ends[t - 1] };
        &self.attrs[start as usize..end as usize]
    }
    /// Iterates over the items' attribute slices.
    pub fn items(&self) -> impl Iterator<Item = &[u64]> + '_ {
        (0..self.len()).map(move |t| self.item(t))
    }
}
