//! Items the writers' unit tests share.

use ibid_model::{Date, Item, ItemType, Name};

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

/// A judgment by Lord Bingham (an honorific on the first author) and Smith
/// (none), as the CSL layer leaves it.
pub(crate) fn lord_bingham() -> Item {
    let mut item = Item {
        item_type: ItemType::Book,
        author: vec![
            Name::person("Bingham", None),
            Name::person("Smith", Some("Ann".into())),
        ],
        title: Some("The Rule of Law".into()),
        ..Item::default()
    };
    item.custom.insert(
        "honorifics".into(),
        serde_json::json!([{"role": "author", "index": 0, "value": "Lord"}]),
    );
    item
}
