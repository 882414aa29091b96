//! BibTeX and BibLaTeX field values: verbatim identifiers, one URL, the day.

use ibid_emit::{EmitOptions, Format, ItemWriter};
use ibid_model::{Date, Item, ItemType};

fn entry(format: Format, item: &Item) -> String {
    let mut w = ItemWriter::new(format, EmitOptions::default()).unwrap();
    let mut out = Vec::new();
    w.begin(&mut out).unwrap();
    w.write(0, "raw", item, &mut out).unwrap();
    w.finish(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The value of a field (`None` when the entry has no such field).
fn value(bib: &str, key: &str) -> Option<String> {
    bib.lines().find_map(|l| {
        let (k, v) = l.trim().split_once(" = ")?;
        (k.trim() == key).then(|| {
            let v = v.trim_end_matches(',');
            v.strip_prefix('{')
                .and_then(|v| v.strip_suffix('}'))
                .unwrap_or(v)
                .to_string()
        })
    })
}

#[test]
fn doi_is_verbatim() {
    let item = Item {
        item_type: ItemType::ArticleJournal,
        title: Some("a_b 50%".into()),
        doi: Some("https://doi.org/10.1000/a_b%20c#x".into()),
        ..Item::default()
    };
    for f in [Format::Bibtex, Format::Biblatex] {
        let bib = entry(f, &item);
        // The DOI name: the URL's escape decoded, nothing LaTeX-escaped.
        assert_eq!(
            value(&bib, "doi").as_deref(),
            Some("10.1000/a_b c#x"),
            "{bib}"
        );
        let literal = Item {
            doi: Some("10.1000/100%_x".into()),
            ..item.clone()
        };
        assert_eq!(
            value(&entry(f, &literal), "doi").as_deref(),
            Some("10.1000/100%_x")
        );
        // Text fields are still escaped.
        assert_eq!(
            value(&bib, "title").as_deref(),
            Some("a\\_b 50\\%"),
            "{bib}"
        );
    }
    // Braces and backslashes would break the field.
    let braces = Item {
        doi: Some("10.1000/{x}\\y".into()),
        ..Item::default()
    };
    let bib = entry(Format::Biblatex, &braces);
    assert_eq!(
        value(&bib, "doi").as_deref(),
        Some("10.1000/%7Bx%7D%5Cy"),
        "{bib}"
    );
}

#[test]
fn a_webpage_url_is_written_once() {
    let page = Item {
        item_type: ItemType::Webpage,
        title: Some("Slave Voyages".into()),
        url: Some("https://www.slavevoyages.org".into()),
        ..Item::default()
    };
    let bib = entry(Format::Bibtex, &page);
    assert!(!bib.contains("\\url"), "{bib}");
    assert_eq!(value(&bib, "howpublished"), None, "{bib}");
    assert_eq!(
        bib.matches("https://www.slavevoyages.org").count(),
        1,
        "{bib}"
    );
    assert_eq!(
        value(&bib, "url").as_deref(),
        Some("https://www.slavevoyages.org")
    );
    // A webpage's site still goes to howpublished.
    let with_site = Item {
        container_title: Some("Emory University".into()),
        ..page
    };
    let bib = entry(Format::Bibtex, &with_site);
    assert_eq!(
        value(&bib, "howpublished").as_deref(),
        Some("Emory University")
    );
}

fn times(parts: Vec<Vec<i32>>) -> Item {
    Item {
        item_type: ItemType::ArticleNewspaper,
        container_title: Some("The Times".into()),
        issued: Some(Date {
            date_parts: parts,
            ..Date::default()
        }),
        ..Item::default()
    }
}

#[test]
fn bibtex_keeps_the_day() {
    let bib = entry(Format::Bibtex, &times(vec![vec![1938, 10, 1]]));
    assert_eq!(value(&bib, "year").as_deref(), Some("1938"), "{bib}");
    assert_eq!(value(&bib, "month").as_deref(), Some("oct"), "{bib}");
    assert_eq!(value(&bib, "day").as_deref(), Some("1"), "{bib}");
    let bib = entry(Format::Biblatex, &times(vec![vec![1938, 10, 1]]));
    assert_eq!(value(&bib, "date").as_deref(), Some("1938-10-01"), "{bib}");
    assert_eq!(value(&bib, "day"), None, "{bib}");
    // No day for a month, nor for a range of days.
    let bib = entry(Format::Bibtex, &times(vec![vec![1938, 10]]));
    assert_eq!(value(&bib, "day"), None, "{bib}");
    let bib = entry(
        Format::Bibtex,
        &times(vec![vec![1938, 10, 1], vec![1938, 10, 3]]),
    );
    assert_eq!(value(&bib, "day"), None, "{bib}");
}
