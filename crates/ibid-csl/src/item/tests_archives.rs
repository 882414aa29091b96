//! `to_item` on archival citations and newspapers.

use super::tests::item;
use super::*;
use ibid_model::ItemType;

#[test]
fn an_archives_town_is_its_place() {
    let t = "Archives nationales, Paris, F7 13984.";
    let i = item(
        t,
        &[
            (Label::Archive, "Archives nationales,"),
            (Label::Location, "Paris,"),
            (Label::ArchiveLocation, "F7 13984."),
        ],
    );
    assert_eq!(i.item_type, ItemType::Manuscript);
    assert_eq!(i.archive_place.as_deref(), Some("Paris"));
    assert_eq!(i.publisher_place, None);
    // an archive read with its town keeps it; a publisher keeps its place
    let t = "British Library, London. Add MS 38227, Liverpool Papers.";
    let i = item(
        t,
        &[
            (Label::Archive, "British Library, London."),
            (Label::ArchiveLocation, "Add MS 38227,"),
            (Label::Location, "Liverpool Papers."),
        ],
    );
    assert_eq!(i.archive_place, None);
    assert_eq!(i.publisher_place.as_deref(), Some("Liverpool Papers"));
    let t = "ASVe, Senato, b. 3, Venezia, Tipografia, 1841.";
    let i = item(
        t,
        &[
            (Label::Archive, "ASVe,"),
            (Label::ArchiveLocation, "Senato, b. 3,"),
            (Label::Location, "Venezia,"),
            (Label::Publisher, "Tipografia,"),
        ],
    );
    assert_eq!(i.archive_place, None);
    assert_eq!(i.publisher_place.as_deref(), Some("Venezia"));
}

#[test]
fn archival() {
    let t = "A. S. V., Inquisitori di Stato, b. 469, 5 aprile 1789, lettera.";
    let i = item(
        t,
        &[
            (Label::Archive, "A. S. V.,"),
            (Label::ArchiveLocation, "Inquisitori di Stato,"),
            (Label::ArchiveLocation, "b. 469,"),
            (Label::Date, "5 aprile 1789,"),
        ],
    );
    assert_eq!(i.item_type, ItemType::Manuscript);
    assert_eq!(i.archive.as_deref(), Some("A. S. V."));
    assert_eq!(
        i.archive_location.as_deref(),
        Some("Inquisitori di Stato, b. 469")
    );
    assert_eq!(
        i.issued.as_ref().unwrap().date_parts,
        vec![vec![1789, 4, 5]]
    );
    let t = "ASV, San Marco, reg. 57, c. 3";
    let i = item(
        t,
        &[
            (Label::Archive, "ASV,"),
            (Label::ArchiveLocation, "San Marco, reg."),
            (Label::ArchiveLocation, "57,"),
            (Label::ArchiveLocation, "c. 3"),
        ],
    );
    assert_eq!(
        i.archive_location.as_deref(),
        Some("San Marco, reg. 57, c. 3")
    );
}

#[test]
fn newspaper_and_custom() {
    let t = "Anon., “The Crisis,” The Times, 7 March 1936, p. 12.";
    let i = item(
        t,
        &[
            (Label::Author, "Anon.,"),
            (Label::Title, "“The Crisis,”"),
            (Label::ContainerTitle, "The Times,"),
            (Label::Date, "7 March 1936,"),
            (Label::Pages, "p. 12."),
        ],
    );
    assert_eq!(i.item_type, ItemType::ArticleNewspaper);
    assert_eq!(i.author[0].literal.as_deref(), Some("Anon."));
    let t = "Sir Lewis Namier et al., Diplomatic Prelude, 1948a, fol. 12v.";
    let i = item(
        t,
        &[
            (Label::Author, "Sir Lewis Namier et al.,"),
            (Label::Title, "Diplomatic Prelude,"),
            (Label::Date, "1948a,"),
            (Label::Pages, "fol. 12v."),
        ],
    );
    let v = serde_json::to_value(&i).unwrap();
    assert_eq!(v["custom"]["honorifics"][0]["value"], "Sir");
    assert_eq!(v["custom"]["et-al"][0], "author");
    assert_eq!(v["custom"]["year-suffix"], "a");
    assert_eq!(v["custom"]["page-label"], "folio");
    assert_eq!(v["page"], "12v");
}

#[test]
fn an_archives_defined_abbreviation_is_no_part_of_its_name() {
    let t = "Archivo Histórico Nacional (AHN), Estado, leg. 2845.";
    let i = item(
        t,
        &[
            (Label::Archive, "Archivo Histórico Nacional (AHN),"),
            (Label::ArchiveLocation, "Estado, leg. 2845."),
        ],
    );
    assert_eq!(i.archive.as_deref(), Some("Archivo Histórico Nacional"));
    for (t, archive) in [
        (
            "Archives nationales (Paris), F7 12951.",
            "Archives nationales (Paris)",
        ),
        ("Staatsarchiv (StA), Rep. 4.", "Staatsarchiv (StA)"),
    ] {
        let i = item(t, &[(Label::Archive, archive)]);
        assert_eq!(i.archive.as_deref(), Some(archive), "{t}");
    }
}

#[test]
fn a_registry_number_read_as_pages_is_archival() {
    let text = "Henderson to Eden, 20 May 1937, FO 371/20735, C 3766/270/18, TNA";
    let it = item(
        text,
        &[
            (Label::Title, "Henderson to Eden"),
            (Label::Date, "20 May 1937"),
            (Label::ArchiveLocation, "FO 371/20735"),
            (Label::Pages, "C 3766/270/18"),
        ],
    );
    assert_eq!(
        it.archive_location.as_deref(),
        Some("FO 371/20735, C 3766/270/18")
    );
    assert!(it.page.is_none());
    // a date, a page range, one slash: pages (or what the model said) stay
    // without a prefix and no archival reference before it, stays pages
    let text = "Smith, Law, 3850/55/18.";
    let it = item(text, &[(Label::Title, "Law"), (Label::Pages, "3850/55/18")]);
    assert!(it.archive_location.is_none());
}
