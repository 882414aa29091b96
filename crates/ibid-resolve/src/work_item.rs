//! What a work is, apart from the index of works: the key of a citation
//! with no title, the test of two items dated to different days, and the
//! item a work keeps of the citation that created it.

use crate::fold::first_number;
use ibid_model::{Item, ItemType};

/// The identity of a full citation with no title: its names, year (the
/// day, when it has one: two interviews of one person on two days are two
/// works), publisher, place, container and volume, when it has names and a
/// year or publisher. Two such citations with the same key cite the same
/// work.
/// A letter's key: its writer's and addressee's last words and its day
/// ("Neville Chamberlain to Ida Chamberlain", 20 March 1938:
/// "chamberlain|chamberlain|1938-3-20"). A letter cited in full from an
/// archive file, then as "Chamberlain to Ida Chamberlain, 20 March 1938",
/// is found by it.
pub fn letter_key(item: &Item) -> Option<String> {
    let (from, to) = ibid_model::text::correspondents(item.title.as_deref()?)?;
    let day = item.issued.as_ref()?.date_parts.first()?;
    let [y, m, d] = day.as_slice() else {
        return None;
    };
    let last = |s: &str| s.split_whitespace().next_back().map(str::to_lowercase);
    Some(format!("{}|{}|{y}-{m}-{d}", last(from)?, last(to)?))
}

pub fn untitled_key(item: &Item) -> Option<String> {
    if item.title.is_some() {
        return None;
    }
    let names: Vec<String> = item
        .author
        .iter()
        .chain(&item.editor)
        .map(|n| {
            let parts = [&n.family, &n.given, &n.literal];
            parts
                .iter()
                .filter_map(|p| p.as_deref())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let year = item.issued.as_ref().and_then(|d| d.first_year());
    if names.is_empty() || (year.is_none() && item.publisher.is_none()) {
        return None;
    }
    let day = item
        .issued
        .as_ref()
        .and_then(|d| d.date_parts.first())
        .filter(|p| p.len() >= 3);
    Some(format!(
        "{}|{year:?}|{day:?}|{:?}|{:?}|{:?}|{:?}",
        names.join(";"),
        item.publisher,
        item.publisher_place,
        item.container_title,
        item.volume
    ))
}

/// Two items dated to two different days: two speeches, diary entries or
/// letters with one description ("Chamberlain, radio broadcast, 27
/// September 1938" and "…, 3 September 1939") are two works.
pub fn on_other_days(a: &Item, b: &Item) -> bool {
    let day = |i: &Item| {
        i.issued
            .as_ref()
            .and_then(|d| d.date_parts.first())
            .filter(|p| p.len() >= 3)
            .cloned()
    };
    matches!((day(a), day(b)), (Some(x), Some(y)) if x != y)
}

/// The item a work keeps: the citation's item without its pinpoint page and
/// per-citation extras; for archive files only the archive-level fields.
pub fn work_item(item: &Item, locator: Option<&str>, file_text: Option<&str>) -> Item {
    if let Some(file) = file_text {
        return Item {
            item_type: if item.item_type == ItemType::Document {
                ItemType::Manuscript
            } else {
                item.item_type
            },
            archive: item.archive.clone(),
            archive_place: item.archive_place.clone(),
            archive_location: Some(file.to_owned()),
            collection_title: item.collection_title.clone(),
            language: item.language.clone(),
            ..Item::default()
        };
    }
    let mut it = item.clone();
    it.id = None;
    it.custom.remove("locator");
    if let (Some(page), Some(loc)) = (it.page.as_deref(), locator) {
        // "125–6 s. 146": the pages of a chapter with the pinpoint after them
        let before_pin = page
            .strip_suffix(loc)
            .map(|p| p.trim_end_matches([' ', ',', ';']))
            .filter(|p| first_number(p).is_some());
        if let Some(p) = before_pin {
            it.page = Some(p.to_owned());
        } else if first_number(page).is_some() && first_number(page) == first_number(loc) {
            it.drop_pages();
        }
    }
    // a pinpoint the labeller did not read as pages ("(1985) ix")
    if locator.is_some() && it.note.as_deref() == locator {
        it.note = None;
    }
    // the unit of a pinpoint ("column", "section") with no pages left
    if it.page.is_none() {
        it.custom.remove("page-label");
    }
    it
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinpoint_read_as_pages_leaves_the_work() {
        let item = Item {
            title: Some("The Origins of the Second World War".into()),
            page: Some("88".into()),
            page_first: Some("88".into()),
            ..Item::default()
        };
        let w = work_item(&item, Some("p. 88"), None);
        assert_eq!((w.page, w.page_first), (None, None));
        // an article's own range stays, whatever the pinpoint
        let article = Item {
            page: Some("195-215".into()),
            page_first: Some("195".into()),
            ..item
        };
        let w = work_item(&article, Some("p. 200"), None);
        assert_eq!(w.page.as_deref(), Some("195-215"));
        assert_eq!(w.page_first.as_deref(), Some("195"));
    }

    #[test]
    fn work_items_drop_pinpoints() {
        let item = Item {
            title: Some("Origins".into()),
            page: Some("91".into()),
            ..Item::default()
        };
        assert_eq!(work_item(&item, Some("p. 91"), None).page, None);
        let chapter = Item {
            page: Some("125-6 s. 146".into()),
            page_first: Some("125".into()),
            ..Item::default()
        };
        let front = Item {
            note: Some("ix".into()),
            ..Item::default()
        };
        assert_eq!(work_item(&front, Some("ix"), None).note, None);
        let w = work_item(&chapter, Some("s. 146"), None);
        assert_eq!(w.page.as_deref(), Some("125-6"));
        assert_eq!(w.page_first.as_deref(), Some("125"));
        assert_eq!(
            work_item(&item, Some("p. 92"), None).page.as_deref(),
            Some("91")
        );
        let arch = Item {
            title: Some("Simon to Phipps".into()),
            archive: Some("TNA".into()),
            archive_location: Some("FO 371/18851, C 12/5/18".into()),
            ..Item::default()
        };
        let w = work_item(&arch, None, Some("FO 371/18851"));
        assert_eq!(w.title, None);
        assert_eq!(w.item_type, ItemType::Manuscript);
        assert_eq!(w.archive_location.as_deref(), Some("FO 371/18851"));
    }
}
