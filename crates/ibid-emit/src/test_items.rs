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

/// A US case, its report's year the date: Roe v. Wade, 410 U.S. 113 (1973).
pub(crate) fn roe_v_wade() -> Item {
    Item {
        title: Some("Roe v. Wade".into()),
        container_title: Some("U.S.".into()),
        volume: Some("410".into()),
        page: Some("113".into()),
        authority: None,
        issued: Some(Date::year(1973)),
        ..donoghue()
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

/// A web page read on 3 May 2024 (`custom.accessed`, as the CSL layer
/// leaves it).
pub(crate) fn web_page_accessed() -> Item {
    let mut page = Item {
        item_type: ItemType::Webpage,
        title: Some("Ibid Project".into()),
        url: Some("https://example.org/ibid".into()),
        ..Item::default()
    };
    page.custom.insert(
        "accessed".into(),
        serde_json::json!({"date-parts": [[2024, 5, 3]]}),
    );
    page
}

/// A work in two volumes ("2 vols.": `custom.number-of-volumes`, as the
/// CSL layer leaves it).
pub(crate) fn book_in_volumes() -> Item {
    let mut item = Item {
        item_type: ItemType::Book,
        title: Some("La société féodale".into()),
        ..Item::default()
    };
    item.custom
        .insert("number-of-volumes".into(), serde_json::json!("2"));
    item
}

/// A book numbered in its series: Mommsen, Beamtentum im Dritten Reich
/// (Schriftenreihe der Vierteljahrshefte für Zeitgeschichte, 13).
pub(crate) fn book_in_series() -> Item {
    let mut item = Item {
        item_type: ItemType::Book,
        title: Some("Beamtentum".into()),
        collection_title: Some("Schriftenreihe der VfZ".into()),
        ..Item::default()
    };
    item.custom
        .insert("collection-number".into(), serde_json::json!("13"));
    item
}

/// One volume of a multi-volume work, with the volume's own title: Nora
/// (ed.), Les Lieux de mémoire, t. I, La République (Gallimard, 1984).
pub(crate) fn volume_with_title() -> Item {
    let mut item = Item {
        item_type: ItemType::Book,
        editor: vec![ibid_model::Name {
            family: Some("Nora".into()),
            given: Some("Pierre".into()),
            ..Default::default()
        }],
        title: Some("Les Lieux de mémoire".into()),
        volume: Some("I".into()),
        publisher: Some("Gallimard".into()),
        issued: Some(ibid_model::Date::year(1984)),
        ..Item::default()
    };
    item.custom
        .insert("volume-title".into(), serde_json::json!("La République"));
    item
}

/// A chapter in that volume: its container is the work, the volume's
/// title goes with the container.
pub(crate) fn chapter_in_titled_volume() -> Item {
    let mut item = volume_with_title();
    item.item_type = ItemType::Chapter;
    item.container_title = item.title.take();
    item.title = Some("Le Panthéon".into());
    item
}
