//! An item's note as a list of parts. The CSL builder joins every note field
//! (and the text the labeller kept outside fields) with [`Item::NOTE_SEP`];
//! the repairs and the resolver take parts out again when they find a home
//! for them. One definition here, so the two sides agree on the separator.

use crate::Item;

impl Item {
    /// What joins the parts of a note.
    pub const NOTE_SEP: &'static str = "; ";

    /// The parts of the note, in order (none without a note).
    ///
    /// ```
    /// let it = ibid_model::Item { note: Some("a; TNA".into()), ..Default::default() };
    /// assert_eq!(it.note_parts(), ["a", "TNA"]);
    /// ```
    pub fn note_parts(&self) -> Vec<String> {
        self.note
            .as_deref()
            .map(|n| n.split(Item::NOTE_SEP).map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// Sets the note to these parts (none: no note).
    pub fn set_note_parts(&mut self, parts: Vec<String>) {
        self.note = (!parts.is_empty()).then(|| parts.join(Item::NOTE_SEP));
    }

    /// Takes the first note part that `wanted` accepts out of the note.
    pub fn take_note_part(&mut self, wanted: impl Fn(&str) -> bool) -> Option<String> {
        let mut parts = self.note_parts();
        let k = parts.iter().position(|p| wanted(p))?;
        let part = parts.remove(k);
        self.set_note_parts(parts);
        Some(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_come_out_in_order() {
        let mut it = Item {
            note: Some("a; Series C; b".into()),
            ..Item::default()
        };
        assert_eq!(
            it.take_note_part(|p| p.starts_with("Series")).as_deref(),
            Some("Series C")
        );
        assert_eq!(it.note.as_deref(), Some("a; b"));
        assert_eq!(it.take_note_part(|p| p == "x"), None);
        assert_eq!(it.take_note_part(|_| true).as_deref(), Some("a"));
        assert_eq!(it.take_note_part(|_| true).as_deref(), Some("b"));
        assert_eq!(it.note, None);
    }
}
