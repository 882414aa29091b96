//! Field labelling: turns one citation's text into labelled fields and a
//! CSL-JSON item.
//!
//! (Placeholder rules until the trained model lands; the API is the contract.)
//!
//! ```
//! let labeller = ibid_label::Labeller::embedded();
//! let out = labeller.label("Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.");
//! assert_eq!(out.item.issued.as_ref().and_then(|d| d.first_year()), Some(1961));
//! ```

use ibid_model::{Date, Item, ItemType, Label, Name};
use std::ops::Range;

/// One labelled run of a citation's text (byte range into that text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledSpan {
    pub label: Label,
    pub range: Range<usize>,
}

/// The result of labelling one citation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labelled {
    pub fields: Vec<LabelledSpan>,
    pub item: Item,
}

/// The labeller (model + dictionaries). Cheap to share between threads.
#[derive(Debug, Default)]
pub struct Labeller {
    _private: (),
}

static EMBEDDED: Labeller = Labeller { _private: () };

impl Labeller {
    /// The labeller with the model embedded in the binary.
    pub fn embedded() -> &'static Labeller {
        &EMBEDDED
    }

    /// Label one citation.
    pub fn label(&self, text: &str) -> Labelled {
        let mut fields = Vec::new();
        let bytes = text.as_bytes();
        // a year
        let mut year = None;
        for i in 0..bytes.len().saturating_sub(3) {
            let w = &bytes[i..i + 4];
            let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
            let after_ok = i + 4 >= bytes.len() || !bytes[i + 4].is_ascii_digit();
            if w.iter().all(u8::is_ascii_digit) && before_ok && after_ok && (w[0] == b'1' || w[0] == b'2') {
                year = text[i..i + 4].parse::<i32>().ok();
                fields.push(LabelledSpan { label: Label::Date, range: i..i + 4 });
                break;
            }
        }
        // an author before the first comma
        let mut item = Item { item_type: ItemType::Book, ..Item::default() };
        if let Some(c) = text.find(',') {
            let head = text[..c].trim();
            if !head.is_empty() && head.split_whitespace().count() <= 3 && head.chars().next().is_some_and(char::is_uppercase) {
                item.author.push(Name::person(head, None));
                fields.push(LabelledSpan { label: Label::Author, range: 0..c });
            }
        }
        item.issued = year.map(Date::year);
        fields.sort_by_key(|f| f.range.start);
        Labelled { fields, item }
    }
}
