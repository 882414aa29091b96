//! Items the writers' unit tests share.

use ibid_model::{Date, Item, ItemType};

/// A case with its court: Donoghue v Stevenson [1932] AC 562 (HL).
pub(crate) fn donoghue() -> Item {
    Item {
        item_type: ItemType::LegalCase,
        title: Some("Donoghue v Stevenson".into()),
        container_title: Some("AC".into()),
        volume: Some("1932".into()),
        page: Some("562".into()),
        authority: Some("HL".into()),
        issued: Some(Date::year(1932)),
        ..Item::default()
    }
}
