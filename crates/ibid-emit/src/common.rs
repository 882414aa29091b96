//! Helpers every writer shares: names, dates, pages, compact renderings.

use ibid_model::{Date, Document, Item, Links, Name, Work};

/// Collapse whitespace runs (including newlines) to single spaces, drop
/// control characters, and trim.
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|c| !c.is_control()));
    }
    out
}

/// A field value, trimmed and squashed; `None` when empty.
pub(crate) fn field(v: &Option<String>) -> Option<String> {
    v.as_deref().map(squash).filter(|s| !s.is_empty())
}

/// The family part of a name with its non-dropping particle ("de Gaulle"), or
/// the literal.
pub(crate) fn family_with_particle(n: &Name) -> Option<String> {
    match (&n.family, &n.literal) {
        (Some(f), _) => Some(squash(&match &n.non_dropping_particle {
            Some(p) => format!("{p} {f}"),
            None => f.clone(),
        })),
        (None, Some(l)) => Some(squash(l)),
        (None, None) => n.given.as_deref().map(squash),
    }
    .filter(|s| !s.is_empty())
}

/// The given part with its dropping particle ("Ludwig van").
pub(crate) fn given_with_particle(n: &Name) -> Option<String> {
    n.family.as_ref()?;
    let g = match (&n.given, &n.dropping_particle) {
        (Some(g), Some(p)) => format!("{g} {p}"),
        (Some(g), None) => g.clone(),
        (None, Some(p)) => p.clone(),
        (None, None) => return None,
    };
    Some(squash(&g)).filter(|s| !s.is_empty())
}

/// The honorific of the `index`-th name of a role ("author", "editor",
/// "translator"): "Lord" of "Lord Bingham". The item keeps honorifics in
/// `custom.honorifics` as `[{"role": "author", "index": 0, "value": "Lord"}]`
/// (CSL names have no field for them).
pub(crate) fn honorific(item: &Item, role: &str, index: usize) -> Option<String> {
    let list = item.custom.get("honorifics")?.as_array()?;
    list.iter()
        .find(|h| {
            h.get("role").and_then(|r| r.as_str()) == Some(role)
                && h.get("index").and_then(|i| i.as_u64()) == Some(index as u64)
        })
        .and_then(|h| h.get("value")?.as_str())
        .map(squash)
        .filter(|s| !s.is_empty())
}

/// A name in reading order: "Charles de Gaulle", "Foreign Office".
pub(crate) fn display_name(n: &Name) -> String {
    if n.family.is_none() {
        return family_with_particle(n).unwrap_or_default();
    }
    let mut parts = Vec::new();
    if let Some(g) = &n.given {
        parts.push(g.as_str());
    }
    if let Some(p) = &n.dropping_particle {
        parts.push(p.as_str());
    }
    if let Some(p) = &n.non_dropping_particle {
        parts.push(p.as_str());
    }
    if let Some(f) = &n.family {
        parts.push(f.as_str());
    }
    let mut s = squash(&parts.join(" "));
    if let Some(suf) = &n.suffix {
        s.push_str(", ");
        s.push_str(&squash(suf));
    }
    s
}

/// The first date of a CSL date, validated: (year, month 1–12, day 1–31).
pub(crate) fn first_date(d: &Date) -> Option<(i32, Option<u32>, Option<u32>)> {
    let p = d.date_parts.first()?;
    let y = *p.first()?;
    let m = p
        .get(1)
        .and_then(|&m| u32::try_from(m).ok())
        .filter(|m| (1..=12).contains(m));
    let day = m.and(
        p.get(2)
            .and_then(|&d| u32::try_from(d).ok())
            .filter(|d| (1..=31).contains(d)),
    );
    Some((y, m, day))
}

/// The item's first issued date.
pub(crate) fn issued(item: &Item) -> Option<(i32, Option<u32>, Option<u32>)> {
    item.issued.as_ref().and_then(first_date)
}

/// The item's year.
pub(crate) fn year(item: &Item) -> Option<i32> {
    issued(item).map(|d| d.0)
}

/// The date the item was accessed (`custom.accessed`, a CSL date that
/// the CSL conversion reads from "accessed 3 March 2023").
pub(crate) fn accessed(item: &Item) -> Option<(i32, Option<u32>, Option<u32>)> {
    let date: Date = serde_json::from_value(item.custom.get("accessed")?.clone()).ok()?;
    first_date(&date)
}

/// The day a speech was given or a diary entry written (`custom["event-date"]`,
/// CSL `event-date`).
pub(crate) fn event_date(item: &Item) -> Option<(i32, Option<u32>, Option<u32>)> {
    let date: Date = serde_json::from_value(item.custom.get("event-date")?.clone()).ok()?;
    first_date(&date)
}

/// Where a speech was given (`custom["event-place"]`, CSL `event-place`).
pub(crate) fn event_place(item: &Item) -> Option<&str> {
    item.custom.get("event-place")?.as_str()
}

/// The place for a format with one place field (BibTeX `address`, RIS
/// `CY`, TEI `pubPlace`, JATS `publisher-loc`): the publisher's, or the
/// place a speech printed nowhere (no container: a `speech`, or an archived
/// one) was given (CSL `event-place`).
pub(crate) fn place(item: &Item) -> Option<String> {
    field(&item.publisher_place).or_else(|| {
        field(&item.container_title)
            .is_none()
            .then(|| event_place(item).map(squash))
            .flatten()
            .filter(|p| !p.is_empty())
    })
}

/// An artwork's medium (`custom.medium`, CSL `medium`): "oil on canvas".
pub(crate) fn medium(item: &Item) -> Option<String> {
    item.custom
        .get("medium")
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// An ISO-style date: "1961", "1925-05", "1925-05-04" (years padded to 4 digits).
pub(crate) fn iso_date(d: (i32, Option<u32>, Option<u32>)) -> String {
    let mut s = if d.0 < 0 {
        format!("-{:04}", d.0.unsigned_abs())
    } else {
        format!("{:04}", d.0)
    };
    if let Some(m) = d.1 {
        s.push_str(&format!("-{m:02}"));
        if let Some(day) = d.2 {
            s.push_str(&format!("-{day:02}"));
        }
    }
    s
}

/// A date that has no parts: its literal or raw text.
pub(crate) fn date_text(item: &Item) -> Option<String> {
    let d = item.issued.as_ref()?;
    if let Some(p) = first_date(d) {
        return Some(iso_date(p));
    }
    d.literal
        .as_deref()
        .or(d.raw.as_deref())
        .map(squash)
        .filter(|s| !s.is_empty())
}

/// A page range split into first and last page: "45–67" → ("45", Some("67")).
/// Anything that is not a simple range comes back whole as the first part.
pub(crate) fn split_pages(p: &str) -> (String, Option<String>) {
    let p = squash(p);
    let seps = ['-', '–', '—', '‒'];
    if let Some(i) = p.find(seps) {
        let (a, rest) = p.split_at(i);
        let sep_len = rest.chars().next().map_or(1, char::len_utf8);
        let b = rest[sep_len..].trim_start_matches(seps);
        let (a, b) = (a.trim(), b.trim());
        let simple = |s: &str| {
            !s.is_empty() && s.len() <= 12 && s.chars().all(|c| c.is_alphanumeric() || c == '.')
        };
        if simple(a) && simple(b) {
            return (a.to_string(), Some(b.to_string()));
        }
    }
    (p, None)
}

/// A compact one-line rendering: "Taylor and Bullock, Origins of the War (1961)".
pub(crate) fn compact(item: &Item) -> String {
    let names = if item.author.is_empty() {
        &item.editor
    } else {
        &item.author
    };
    let fams: Vec<String> = names.iter().filter_map(family_with_particle).collect();
    let who = match fams.len() {
        0 => String::new(),
        1 => fams[0].clone(),
        2 => format!("{} and {}", fams[0], fams[1]),
        _ => format!("{} et al.", fams[0]),
    };
    let what = field(&item.title)
        .or_else(|| field(&item.container_title))
        .or_else(|| field(&item.archive_location))
        .unwrap_or_default();
    let mut s = String::new();
    s.push_str(&who);
    if !what.is_empty() {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str(&what);
    }
    if let Some(y) = date_text(item) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push('(');
        s.push_str(&y);
        s.push(')');
    }
    s
}

/// A piece of a note: plain text, or a citation found in it.
pub(crate) enum Segment<'a> {
    Text(&'a str),
    Cite(&'a ibid_model::Citation),
}

/// Split a note's text around its citations, each found (in order) by its
/// text; citations whose text cannot be found come after the note's text.
/// Linear in the note length for citations that are found in order.
pub(crate) fn note_segments(note: &ibid_model::Note) -> Vec<Segment<'_>> {
    let text = note.text.as_str();
    let mut segs = Vec::new();
    let mut missing = Vec::new();
    let mut pos = 0;
    for c in &note.citations {
        let found = if c.text.is_empty() {
            None
        } else {
            text.get(pos..).and_then(|rest| rest.find(c.text.as_str()))
        };
        match found {
            Some(rel) => {
                let start = pos + rel;
                if start > pos {
                    segs.push(Segment::Text(&text[pos..start]));
                }
                segs.push(Segment::Cite(c));
                pos = start + c.text.len();
            }
            None => missing.push(c),
        }
    }
    if pos < text.len() {
        segs.push(Segment::Text(&text[pos..]));
    }
    for c in missing {
        if !segs.is_empty() {
            segs.push(Segment::Text(" "));
        }
        segs.push(Segment::Cite(c));
    }
    segs
}

/// The value of a volume written as a roman numeral ("II" → 2), for the
/// formats that print volumes in arabic (BibLaTeX, Chicago). A lone "C",
/// "D", "L" or "M" is taken for a lettered volume ("Vol. C", like "Series
/// C"), not 100, 500, 50 or 1000: `None`, as for anything not roman.
pub(crate) fn roman_volume_value(volume: &str) -> Option<u32> {
    let v = volume.trim();
    if matches!(v, "C" | "D" | "L" | "M" | "c" | "d" | "l" | "m") {
        return None;
    }
    ibid_model::text::canonical_roman(v, ibid_model::text::RomanRules::STANDARD)
}

/// `s` with its first letter in upper case ("see also" → "See also").
pub(crate) fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The title of the volume cited (CSL `volume-title`, which ibid keeps in
/// `custom`): "La République" of "Les Lieux de mémoire, t. I".
pub(crate) fn volume_title(item: &Item) -> Option<&str> {
    item.custom
        .get("volume-title")?
        .as_str()
        .filter(|s| !s.trim().is_empty())
}

/// The number of the part of the volume cited (CSL `part-number`, kept in
/// `custom` beside the volume's title): "3" of "vol. IV, Dall'Unità a
/// oggi, 3".
pub(crate) fn part_number(item: &Item) -> Option<&str> {
    item.custom
        .get("part-number")?
        .as_str()
        .filter(|s| !s.trim().is_empty())
}

/// For formats with no field for a volume's title (BibTeX, RIS, TEI,
/// JATS): the item with that title after the work's, behind a colon — the
/// container's for a chapter ("Storia di Venezia: Il Rinascimento"), the
/// title's for a book ("Les Lieux de mémoire: La République").
pub(crate) fn join_volume_title(item: &Item) -> std::borrow::Cow<'_, Item> {
    let Some(vt) = volume_title(item) else {
        return std::borrow::Cow::Borrowed(item);
    };
    let mut it = item.clone();
    let target = if it.container_title.is_some() {
        &mut it.container_title
    } else {
        &mut it.title
    };
    // and the part of the volume ("Dall'Unità a oggi, pt. 3")
    let vt = match part_number(item) {
        Some(p) => format!("{vt}, pt. {p}"),
        None => vt.to_string(),
    };
    *target = Some(match target.take() {
        Some(t) => format!("{t}: {vt}"),
        None => vt,
    });
    it.custom.remove("volume-title");
    it.custom.remove("part-number");
    std::borrow::Cow::Owned(it)
}

/// A book's number in its series (CSL `collection-number`, which ibid keeps
/// in `custom`), as text.
pub(crate) fn collection_number(item: &Item) -> Option<String> {
    custom_text(item, "collection-number")
}

/// How many volumes the work has ("2 vols.": CSL `number-of-volumes`, kept
/// in `custom`), as text.
pub(crate) fn number_of_volumes(item: &Item) -> Option<String> {
    custom_text(item, "number-of-volumes")
}

fn custom_text(item: &Item, key: &str) -> Option<String> {
    match item.custom.get(key)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The id a work is written under: its own id, or `w<index + 1>` when it
/// has none (or an empty one).
pub(crate) fn work_id(work: &Work, index: usize) -> String {
    work.item
        .id
        .clone()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("w{}", index + 1))
}

/// A work's search links: those the document carries, or, when it carries
/// none, the ones computed from its item ([`ibid_link::links_for`]).
pub(crate) fn work_links(work: &Work) -> Links {
    if work.links.is_empty() {
        ibid_link::links_for(&work.item)
    } else {
        work.links.clone()
    }
}

/// The work with the given id.
pub(crate) fn work_by_id<'a>(doc: &'a Document, id: &str) -> Option<&'a Work> {
    doc.works.iter().find(|w| w.item.id.as_deref() == Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_split() {
        assert_eq!(split_pages("45–67"), ("45".into(), Some("67".into())));
        assert_eq!(split_pages("xi-xv"), ("xi".into(), Some("xv".into())));
        assert_eq!(split_pages("45--67"), ("45".into(), Some("67".into())));
        assert_eq!(split_pages("45, 48"), ("45, 48".into(), None));
        assert_eq!(split_pages("-"), ("-".into(), None));
        assert_eq!(split_pages("91"), ("91".into(), None));
    }

    #[test]
    fn dates_validated() {
        let d = Date {
            date_parts: vec![vec![1925, 13, 4]],
            ..Date::default()
        };
        assert_eq!(first_date(&d), Some((1925, None, None)));
        assert_eq!(iso_date((1925, Some(5), Some(4))), "1925-05-04");
        assert_eq!(iso_date((-44, None, None)), "-0044");
        assert_eq!(first_date(&Date::default()), None);
    }

    #[test]
    fn names() {
        let n = Name {
            family: Some("Beethoven".into()),
            given: Some("Ludwig".into()),
            dropping_particle: Some("van".into()),
            ..Name::default()
        };
        assert_eq!(display_name(&n), "Ludwig van Beethoven");
        assert_eq!(given_with_particle(&n).as_deref(), Some("Ludwig van"));
        assert_eq!(
            display_name(&Name::literal("Foreign Office")),
            "Foreign Office"
        );
    }
}
