//! A sequence of items, each with its attribute hashes, stored flat.

/// The attributes of one sequence: item `t` owns `attrs[ends[t-1]..ends[t]]`.
///
/// Each item also has a *transition class* (0 unless set with
/// [`AttrSeq::end_item_in`]): the transition into item `t` is weighted by
/// the matrix of its class, so that what separates two items (a comma, a
/// full stop, a bracket) can make one change of label likelier than another.
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
    /// Empty while every item is of class 0 (then nothing is stored).
    classes: Vec<u8>,
}

impl AttrSeq {
    /// Empties the sequence, keeping its buffers.
    pub fn clear(&mut self) {
        self.attrs.clear();
        self.ends.clear();
        self.classes.clear();
    }
    /// Adds an attribute to the current (unfinished) item.
    #[inline]
    pub fn push(&mut self, attr: u64) {
        self.attrs.push(attr);
    }
    /// Closes the current item (transition class 0).
    #[inline]
    pub fn end_item(&mut self) {
        self.end_item_in(0);
    }
    /// Closes the current item with the transition class `class`.
    ///
    /// ```
    /// let mut s = ibid_crf::AttrSeq::default();
    /// s.push(1);
    /// s.end_item();
    /// s.push(2);
    /// s.end_item_in(3);
    /// assert_eq!((s.class(0), s.class(1), s.class(2)), (0, 3, 0));
    /// ```
    #[inline]
    pub fn end_item_in(&mut self, class: u8) {
        self.ends.push(self.attrs.len() as u32);
        if class != 0 || !self.classes.is_empty() {
            // the items before the first of another class were of class 0
            self.classes.resize(self.ends.len() - 1, 0);
            self.classes.push(class);
        }
    }
    /// The transition class of item `t` (0 when out of range).
    #[inline]
    pub fn class(&self, t: usize) -> u8 {
        self.classes.get(t).copied().unwrap_or(0)
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

#[cfg(test)]
mod tests {
    use super::AttrSeq;

    #[test]
    fn classes_are_stored_only_once_one_is_not_zero() {
        let mut a = AttrSeq::default();
        let mut b = AttrSeq::default();
        for s in [&mut a, &mut b] {
            s.end_item();
        }
        a.end_item_in(0);
        b.end_item();
        assert_eq!(a, b, "class 0 given or not: the same sequence");
        assert!(a.classes.is_empty());
        a.end_item_in(5);
        a.end_item();
        assert_eq!(a.classes, [0, 0, 5, 0]);
        let mut first = AttrSeq::default();
        first.end_item_in(2);
        first.end_item();
        assert_eq!((first.class(0), first.class(1), first.class(9)), (2, 0, 0));
        first.clear();
        assert!(first.is_empty() && first.classes.is_empty());
    }
}
