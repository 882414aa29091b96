//! The item's note as a list of parts: the builder joins every note field
//! (and the text the labeller kept outside fields) with [`NOTE_SEP`], and
//! the repairs take parts out again when they find a home for them.

use ibid_model::Item;

/// What joins the parts of a note.
pub(crate) const NOTE_SEP: &str = "; ";

/// The parts of the item's note, in order.
pub(crate) fn note_parts(it: &Item) -> Vec<String> {
    it.note
        .as_deref()
        .map(|n| n.split(NOTE_SEP).map(str::to_string).collect())
        .unwrap_or_default()
}

/// Sets the note to these parts (none: no note).
pub(crate) fn set_note_parts(it: &mut Item, parts: Vec<String>) {
    it.note = (!parts.is_empty()).then(|| parts.join(NOTE_SEP));
}

/// Takes the first note part that `wanted` accepts out of the note.
pub(crate) fn take_note_part(it: &mut Item, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let mut parts = note_parts(it);
    let k = parts.iter().position(|p| wanted(p))?;
    let part = parts.remove(k);
    set_note_parts(it, parts);
    Some(part)
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
            take_note_part(&mut it, |p| p.starts_with("Series")).as_deref(),
            Some("Series C")
        );
        assert_eq!(it.note.as_deref(), Some("a; b"));
        assert_eq!(take_note_part(&mut it, |p| p == "x"), None);
        assert_eq!(take_note_part(&mut it, |_| true).as_deref(), Some("a"));
        assert_eq!(take_note_part(&mut it, |_| true).as_deref(), Some("b"));
        assert_eq!(it.note, None);
    }
}
