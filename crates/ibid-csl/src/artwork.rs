//! Artworks cited by artist, title, year, medium and collection: "Pieter
//! de Hooch, Courtyard of a House in Delft, 1658, oil on canvas, London,
//! National Gallery, inv. NG835". The model knows no media; it reads the
//! year and medium as more of the title and the museum as a publisher. An
//! item whose title or note names a medium is a CSL `graphic`: the medium
//! goes to `custom.medium` (CSL `medium`), the year to the date, the museum
//! to `archive` and its city to `archive-place`, an inventory number to
//! `archive_location`.

use ibid_model::{Date, Item};

/// How media are written at the start of their part ("oil on canvas",
/// "tempera on panel", "black chalk", "etching"), lower case.
const MEDIA: &[&str] = &[
    "oil on ",
    "oil and ",
    "tempera on ",
    "tempera and ",
    "acrylic on ",
    "fresco",
    "watercolour",
    "watercolor",
    "gouache",
    "pastel on ",
    "pen and ",
    "black chalk",
    "red chalk",
    "charcoal",
    "etching",
    "engraving",
    "woodcut",
    "lithograph",
    "drypoint",
    "marble",
    "bronze",
    "terracotta",
    "mixed media",
    "öl auf ",
    "olio su ",
    "tempera su ",
    "huile sur ",
];

fn is_medium(part: &str) -> bool {
    let p = part.trim().to_lowercase();
    MEDIA
        .iter()
        .any(|m| p.starts_with(m) || (!m.ends_with(' ') && p == *m))
        && p.split_whitespace().count() <= 6
}

/// "1658", "c. 1658", "ca. 1660–65": a year part.
fn year_of(part: &str) -> Option<i32> {
    let p = part.trim();
    let p = p
        .strip_prefix("c. ")
        .or_else(|| p.strip_prefix("ca. "))
        .or_else(|| p.strip_prefix("circa "))
        .unwrap_or(p);
    let y = p.get(..4)?;
    let rest = &p[4..];
    (y.bytes().all(|b| b.is_ascii_digit())
        && (rest.is_empty() || rest.starts_with(['–', '-', '/'])))
    .then(|| y.parse().ok())
    .flatten()
}

/// "inv. NG835", "Inv. Nr. 1234", "no. 12": an inventory number.
fn is_inventory(part: &str) -> bool {
    let l = part.trim().to_lowercase();
    l.starts_with("inv.") || l.starts_with("inv ") || l.starts_with("no. ")
}

/// Applies the module's repair (see the module docs).
pub(crate) fn artwork(it: &mut Item) {
    let Some(title) = it.title.clone() else {
        return;
    };
    let parts: Vec<&str> = title.split(", ").collect();
    let in_title = parts.iter().position(|p| is_medium(p)).filter(|&k| k > 0);
    let note_medium = it.note_parts().into_iter().position(|p| is_medium(&p));
    let (medium, title_end) = match (in_title, note_medium) {
        (Some(k), _) => (parts[k].trim().to_string(), k),
        (None, Some(k)) => {
            let mut notes = it.note_parts();
            let m = notes.remove(k);
            it.set_note_parts(notes);
            (m.trim().to_string(), parts.len())
        }
        (None, None) => return,
    };
    let mut end = title_end;
    if end > 1 {
        if let Some(y) = year_of(parts[end - 1]) {
            if it.issued.is_none() {
                let mut d = Date::year(y);
                d.raw = Some(parts[end - 1].trim().to_string());
                it.issued = Some(d);
            }
            end -= 1;
        }
    }
    // what follows the medium in the title ("London, National Gallery")
    let rest: Vec<&str> = parts.get(title_end + 1..).unwrap_or(&[]).to_vec();
    it.title = Some(parts[..end].join(", "));
    it.custom
        .insert("medium".into(), serde_json::Value::String(medium));
    if it.archive.is_none() {
        it.archive = it
            .publisher
            .take()
            .or_else(|| rest.last().map(|s| s.trim().to_string()));
    }
    if it.archive_place.is_none() {
        it.archive_place = it
            .publisher_place
            .take()
            .or_else(|| (rest.len() >= 2).then(|| rest[0].trim().to_string()));
    }
    // "Amsterdam, inv. SK-C-5": the inventory number read with the place
    if it.archive_location.is_none() {
        if let Some(place) = it.archive_place.take() {
            let (place, inv) = match place.split_once(", ") {
                Some((p, rest)) if is_inventory(rest) => (p.to_string(), Some(rest.to_string())),
                _ => (place, None),
            };
            it.archive_place = Some(place);
            it.archive_location = inv;
        }
    }
    // "inv. NG835", "Inv. Nr. 1234": the inventory number
    if it.archive_location.is_none() {
        if let Some(inv) = it.take_note_part(is_inventory) {
            it.archive_location = Some(inv.trim().to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_painting_with_its_medium_and_museum() {
        let mut it = Item {
            title: Some("Courtyard of a House in Delft, 1658, oil on canvas".into()),
            publisher: Some("National Gallery".into()),
            publisher_place: Some("London".into()),
            note: Some("inv. NG835".into()),
            ..Item::default()
        };
        artwork(&mut it);
        assert_eq!(it.title.as_deref(), Some("Courtyard of a House in Delft"));
        assert_eq!(it.custom["medium"], "oil on canvas");
        assert_eq!(it.issued.unwrap().date_parts, [[1658]]);
        assert_eq!(it.archive.as_deref(), Some("National Gallery"));
        assert_eq!(it.archive_place.as_deref(), Some("London"));
        assert_eq!(it.archive_location.as_deref(), Some("inv. NG835"));
        assert_eq!((it.publisher, it.publisher_place), (None, None));
        // the inventory number read with the museum's city
        let mut it = Item {
            title: Some("The Night Watch, 1642, oil on canvas".into()),
            publisher: Some("Rijksmuseum".into()),
            publisher_place: Some("Amsterdam, inv. SK-C-5".into()),
            ..Item::default()
        };
        artwork(&mut it);
        assert_eq!(it.archive_place.as_deref(), Some("Amsterdam"));
        assert_eq!(it.archive_location.as_deref(), Some("inv. SK-C-5"));
    }

    #[test]
    fn titles_without_a_medium_stay() {
        for t in [
            "Oil on Canvas: The Economics of Painting",
            "The Bronze Age, 1200 BC",
            "Marble, Stone and Empire",
        ] {
            let mut it = Item {
                title: Some(t.into()),
                ..Item::default()
            };
            artwork(&mut it);
            assert_eq!(it.title.as_deref(), Some(t));
            assert!(!it.custom.contains_key("medium"), "{t}");
        }
    }
}
