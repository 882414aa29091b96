use super::*;
use ibid_model::ItemType;

/// Builds fields from (label, substring) pairs found left to right.
pub(crate) fn fields(text: &str, parts: &[(Label, &str)]) -> Vec<(Label, Range<usize>)> {
    let mut from = 0;
    parts
        .iter()
        .map(|(l, p)| {
            let at = from + text[from..].find(p).expect("part in text");
            from = at + p.len();
            (*l, at..at + p.len())
        })
        .collect()
}

pub(crate) fn item(text: &str, parts: &[(Label, &str)]) -> Item {
    to_item(text, &fields(text, parts))
}

#[test]
fn editors_before_a_title() {
    let text = "Walter Liedtke, ed., Vermeer and the Delft School (New Haven, 2001), 244.";
    let it = to_item(text, &[(Label::Author, 0..49), (Label::Date, 63..67)]);
    assert!(it.author.is_empty());
    assert_eq!(it.editor.len(), 1);
    assert_eq!(it.editor[0].family.as_deref(), Some("Liedtke"));
    assert_eq!(it.title.as_deref(), Some("Vermeer and the Delft School"));
    let text = "Robyn Adams and Rosanna Cox, eds., Diplomacy and Early Modern Culture (2011)";
    let it = to_item(
        text,
        &[
            (Label::Author, 0..11),
            (Label::Editor, 16..27),
            (Label::Title, 35..69),
        ],
    );
    assert!(it.author.is_empty());
    let families: Vec<_> = it
        .editor
        .iter()
        .filter_map(|n| n.family.as_deref())
        .collect();
    assert_eq!(families, ["Adams", "Cox"]);
    // an author and a singular editor stay as they are
    let text = "Robyn Adams and Rosanna Cox, ed., Diplomacy (2011)";
    let it = to_item(
        text,
        &[
            (Label::Author, 0..11),
            (Label::Editor, 16..27),
            (Label::Title, 34..43),
        ],
    );
    assert_eq!(it.author.len(), 1);
}

#[test]
fn a_book_and_its_editors_read_as_one_editor() {
    let text = "Caroline Ashby, 'Light', in: Dutch Painting Reconsidered, ed. by Mark Holloway and Sarah Pell (London, 2009)";
    let span = |w: &str| {
        let at = text.find(w).unwrap();
        at..at + w.len()
    };
    let it = to_item(
        text,
        &[
            (Label::Author, span("Caroline Ashby")),
            (Label::Title, span("Light")),
            (
                Label::Editor,
                span("Dutch Painting Reconsidered, ed. by Mark Holloway and Sarah Pell"),
            ),
            (Label::Location, span("London")),
            (Label::Date, span("2009")),
        ],
    );
    assert_eq!(
        it.container_title.as_deref(),
        Some("Dutch Painting Reconsidered")
    );
    let families: Vec<_> = it
        .editor
        .iter()
        .filter_map(|n| n.family.as_deref())
        .collect();
    assert_eq!(families, ["Holloway", "Pell"]);
    assert_eq!(it.item_type, ibid_model::ItemType::Chapter);
    // editors alone stay editors
    assert_eq!(split_book_and_editors("Mark Holloway and Sarah Pell"), None);
}

#[test]
fn a_statute_section_is_the_pinpoint() {
    let text = "Sale of Goods Act 1979, s 14(2).";
    let it = to_item(
        text,
        &[
            (Label::Title, 0..17),
            (Label::Date, 18..22),
            (Label::Pages, 24..28),
            (Label::Issue, 29..30),
        ],
    );
    assert_eq!((it.page, it.issue), (None, None));
    assert_eq!(it.custom["locator"], "s 14(2)");
    assert_eq!(it.custom["page-label"], "section");
    // a German page ("S. 14") stays a page
    let text = "Müller, Geschichte, Berlin 1990, S. 14.";
    let at = text.find("S. 14").unwrap();
    let it = to_item(text, &[(Label::Pages, at..at + 5)]);
    assert_eq!(it.page.as_deref(), Some("14"));
}

#[test]
fn book() {
    let t = "Taylor, A. J. P., The Origins of the Second World War (London: Hamish Hamilton, 1961), pp. 12-15.";
    let i = item(
        t,
        &[
            (Label::Author, "Taylor, A. J. P.,"),
            (Label::Title, "The Origins of the Second World War"),
            (Label::Location, "(London:"),
            (Label::Publisher, "Hamish Hamilton,"),
            (Label::Date, "1961),"),
            (Label::Pages, "pp. 12-15."),
        ],
    );
    assert_eq!(i.item_type, ItemType::Book);
    assert_eq!(i.author[0].family.as_deref(), Some("Taylor"));
    assert_eq!(i.author[0].given.as_deref(), Some("A. J. P."));
    assert_eq!(i.publisher_place.as_deref(), Some("London"));
    assert_eq!(i.publisher.as_deref(), Some("Hamish Hamilton"));
    assert_eq!(i.issued.as_ref().unwrap().date_parts, vec![vec![1961]]);
    assert_eq!(i.issued.as_ref().unwrap().raw.as_deref(), Some("1961),"));
    assert_eq!(i.page.as_deref(), Some("12-15"));
    assert_eq!(i.page_first.as_deref(), Some("12"));
}

#[test]
fn chapter_with_editors() {
    let t = "Berg-Schlosser, Dirk, and Benoît Rihoux. 2009. “Qualitative Comparative Analysis.” Pp. 1-18 in Configurational Comparative Methods, edited by B. Rihoux and C. Ragin. Thousand Oaks, CA: Sage.";
    let i = item(
        t,
        &[
            (Label::Author, "Berg-Schlosser, Dirk, and Benoît Rihoux."),
            (Label::Date, "2009."),
            (Label::Title, "“Qualitative Comparative Analysis.”"),
            (Label::Pages, "Pp. 1-18"),
            (
                Label::ContainerTitle,
                "in Configurational Comparative Methods,",
            ),
            (Label::Editor, "edited by B. Rihoux and C. Ragin."),
            (Label::Location, "Thousand Oaks, CA:"),
            (Label::Publisher, "Sage."),
        ],
    );
    assert_eq!(i.item_type, ItemType::Chapter);
    assert_eq!(i.author.len(), 2);
    assert_eq!(i.editor.len(), 2);
    assert_eq!(i.editor[1].family.as_deref(), Some("Ragin"));
    assert_eq!(i.title.as_deref(), Some("Qualitative Comparative Analysis"));
    assert_eq!(
        i.container_title.as_deref(),
        Some("Configurational Comparative Methods")
    );
    assert_eq!(i.page.as_deref(), Some("1-18"));
    assert_eq!(i.publisher.as_deref(), Some("Sage"));
}

#[test]
fn journal_article() {
    let t = "Petrie KJ, Cameron LD, Ellis CJ. Changing illness perception. Psychosom Med. 2002;64(4): 580–6. doi:10.1097/00006842-200207000-00007.";
    let i = item(
        t,
        &[
            (Label::Author, "Petrie KJ, Cameron LD, Ellis CJ."),
            (Label::Title, "Changing illness perception."),
            (Label::ContainerTitle, "Psychosom Med."),
            (Label::Date, "2002;"),
            (Label::Volume, "64(4):"),
            (Label::Pages, "580–6."),
            (Label::Doi, "doi:10.1097/00006842-200207000-00007."),
        ],
    );
    assert_eq!(i.item_type, ItemType::ArticleJournal);
    assert_eq!(i.author.len(), 3);
    assert_eq!(i.author[2].given.as_deref(), Some("CJ"));
    assert_eq!(i.volume.as_deref(), Some("64"));
    assert_eq!(i.issue.as_deref(), Some("4"));
    assert_eq!(i.page.as_deref(), Some("580-6"));
    assert_eq!(i.doi.as_deref(), Some("10.1097/00006842-200207000-00007"));
}

#[test]
fn linkedbooks_style() {
    let t = "M. Frascari, A Measure of Architecture, in «Res», ix (1985), pp. 79-90;";
    let i = item(
        t,
        &[
            (Label::Author, "M. Frascari,"),
            (Label::Title, "A Measure of Architecture,"),
            (Label::Other, "in"),
            (Label::Title, "«Res»,"),
            (Label::Volume, "ix (1985),"),
            (Label::Pages, "pp. 79-90;"),
        ],
    );
    assert_eq!(i.title.as_deref(), Some("A Measure of Architecture"));
    assert_eq!(i.container_title.as_deref(), Some("Res"));
    assert_eq!(i.volume.as_deref(), Some("ix"));
    assert_eq!(i.issued.as_ref().and_then(Date::first_year), Some(1985));
    assert_eq!(i.item_type, ItemType::ArticleJournal);
    let t2 = "Ankori, Zvi, The Living and the Dead, «Proceedings of the Academy», 38-39 (1970-71), pp. 1-100.";
    let i = item(
        t2,
        &[
            (Label::Author, "Ankori, Zvi,"),
            (
                Label::Title,
                "The Living and the Dead, «Proceedings of the Academy»,",
            ),
            (Label::Volume, "38-39 (1970-71),"),
            (Label::Pages, "pp. 1-100."),
        ],
    );
    assert_eq!(i.title.as_deref(), Some("The Living and the Dead"));
    assert_eq!(
        i.container_title.as_deref(),
        Some("Proceedings of the Academy")
    );
    assert_eq!(
        i.issued.as_ref().unwrap().date_parts,
        vec![vec![1970], vec![1971]]
    );
}

#[test]
fn journal_in_guillemets_and_book_as_container() {
    let t = "«Faenza», LI, 1965, p. 60.";
    let i = item(
        t,
        &[
            (Label::Title, "«Faenza»,"),
            (Label::Volume, "LI, 1965,"),
            (Label::Pages, "p. 60."),
        ],
    );
    assert_eq!(i.container_title.as_deref(), Some("Faenza"));
    assert!(i.title.is_none());
    assert_eq!(i.volume.as_deref(), Some("LI"));
    assert_eq!(i.issued.as_ref().and_then(Date::first_year), Some(1965));
    assert_eq!(i.item_type, ItemType::ArticleJournal);
    let t = "Kinsey, A., Sexual Behaviour in the Human Female, Philadelphia, Saunders, 1953.";
    let i = item(
        t,
        &[
            (Label::Author, "Kinsey, A.,"),
            (
                Label::ContainerTitle,
                "Sexual Behaviour in the Human Female,",
            ),
            (Label::Location, "Philadelphia,"),
            (Label::Publisher, "Saunders,"),
            (Label::Date, "1953."),
        ],
    );
    assert_eq!(
        i.title.as_deref(),
        Some("Sexual Behaviour in the Human Female")
    );
    assert!(i.container_title.is_none());
    assert_eq!(i.item_type, ItemType::Book);
    let t = "Phys. Rev. Lett. 26, 93 (2016)";
    let i = item(
        t,
        &[
            (Label::ContainerTitle, "Phys. Rev. Lett."),
            (Label::Volume, "26"),
            (Label::Pages, "93"),
            (Label::Date, "(2016)"),
        ],
    );
    assert_eq!(i.item_type, ItemType::ArticleJournal);
    assert_eq!(i.container_title.as_deref(), Some("Phys. Rev. Lett."));
}

#[test]
fn editor_marker_in_author_span() {
    let t = "Scherpe, Klaus R. (Hrsg.), Die Unwirtlichkeit der Städte, Reinbek 1988.";
    let i = item(
        t,
        &[
            (Label::Author, "Scherpe, Klaus R. (Hrsg.),"),
            (Label::Title, "Die Unwirtlichkeit der Städte,"),
            (Label::Location, "Reinbek"),
            (Label::Date, "1988."),
        ],
    );
    assert!(i.author.is_empty());
    assert_eq!(i.editor[0].family.as_deref(), Some("Scherpe"));
    assert_eq!(i.item_type, ItemType::Book);
}

#[test]
fn a_bracketed_role_after_the_author_span_makes_editors() {
    // the labeller leaves "(Hrsg.)" outside the names
    let t = "Hans-Ulrich Wehler (Hrsg.), Moderne deutsche Sozialgeschichte, Köln 1966.";
    let i = item(
        t,
        &[
            (Label::Author, "Hans-Ulrich Wehler"),
            (Label::Title, "Moderne deutsche Sozialgeschichte,"),
            (Label::Location, "Köln"),
            (Label::Date, "1966."),
        ],
    );
    assert!(i.author.is_empty());
    assert_eq!(i.editor[0].family.as_deref(), Some("Wehler"));
    let t = "Baldwin, M. and Satir, V. (Eds.). (2000). The use of self in therapy.";
    let i = item(
        t,
        &[
            (Label::Author, "Baldwin, M. and Satir, V."),
            (Label::Date, "(2000)."),
            (Label::Title, "The use of self in therapy."),
        ],
    );
    assert!(i.author.is_empty());
    assert_eq!(i.editor.len(), 2);
    // a year, a far bracket or words before the bracket are no role
    for (t, author) in [
        ("Smith, J. (1990). Essays on Empire.", "Smith, J."),
        ("Smith, J. and others (eds.), Essays.", "Smith, J."),
        (
            "Smith, J. (Hrsg. u. Übers. der zweiten Ausgabe), Essays.",
            "Smith, J.",
        ),
    ] {
        let i = item(t, &[(Label::Author, author), (Label::Title, "Essays")]);
        assert!(i.editor.is_empty(), "{t}");
        assert_eq!(i.author[0].family.as_deref(), Some("Smith"), "{t}");
    }
}

#[test]
fn the_title_of_the_volume_cited() {
    let vt = |i: &Item| {
        i.custom
            .get("volume-title")
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    // read as a publisher, before the place and the real publisher
    let t = "P. Nora, Les Lieux de mémoire, t. I, La République, Paris, Gallimard, 1984.";
    let i = item(
        t,
        &[
            (Label::Editor, "P. Nora"),
            (Label::Title, "Les Lieux de mémoire,"),
            (Label::Volume, "t. I,"),
            (Label::Publisher, "La République,"),
            (Label::Location, "Paris,"),
            (Label::Publisher, "Gallimard,"),
            (Label::Date, "1984."),
        ],
    );
    assert_eq!(vt(&i).as_deref(), Some("La République"));
    assert_eq!(i.publisher.as_deref(), Some("Gallimard"));
    assert_eq!(i.volume.as_deref(), Some("I"));
    // read as a container: the book is no chapter
    let t = "F. Braudel, La Méditerranée, t. II, Destins collectifs, Paris, Colin, 1966.";
    let i = item(
        t,
        &[
            (Label::Author, "F. Braudel,"),
            (Label::Title, "La Méditerranée,"),
            (Label::Volume, "t. II,"),
            (Label::ContainerTitle, "Destins collectifs,"),
            (Label::Location, "Paris,"),
            (Label::Publisher, "Colin,"),
        ],
    );
    assert_eq!(vt(&i).as_deref(), Some("Destins collectifs"));
    assert!(i.container_title.is_none());
    assert_eq!(i.item_type, ItemType::Book);
    // inside the volume field, and inside the title
    let t = "W. Churchill, The Second World War, vol. 1, The Gathering Storm (London, 1948).";
    let i = item(
        t,
        &[
            (Label::Author, "W. Churchill,"),
            (Label::Title, "The Second World War,"),
            (Label::Volume, "vol. 1, The Gathering Storm"),
            (Label::Location, "London,"),
        ],
    );
    assert_eq!(vt(&i).as_deref(), Some("The Gathering Storm"));
    assert_eq!(i.volume.as_deref(), Some("1"));
    let t = "H.-U. Wehler, Deutsche Gesellschaftsgeschichte, Bd. 3: Von der Doppelrevolution, München 1995.";
    let i = item(
        t,
        &[
            (Label::Author, "H.-U. Wehler,"),
            (
                Label::Title,
                "Deutsche Gesellschaftsgeschichte, Bd. 3: Von der Doppelrevolution,",
            ),
            (Label::Location, "München"),
        ],
    );
    assert_eq!(i.title.as_deref(), Some("Deutsche Gesellschaftsgeschichte"));
    assert_eq!(i.volume.as_deref(), Some("3"));
    assert_eq!(vt(&i).as_deref(), Some("Von der Doppelrevolution"));
    // the part of the volume after its title
    let t = "E. Ragionieri, La storia, in Storia d'Italia, IV, Dall'Unità a oggi, 3, Torino 1976.";
    let i = item(
        t,
        &[
            (Label::Author, "E. Ragionieri,"),
            (Label::Title, "La storia,"),
            (Label::ContainerTitle, "Storia d'Italia,"),
            (Label::Volume, "IV, Dall'Unità a oggi, 3,"),
            (Label::Location, "Torino"),
        ],
    );
    assert_eq!(i.volume.as_deref(), Some("IV"));
    assert_eq!(vt(&i).as_deref(), Some("Dall'Unità a oggi"));
    assert_eq!(
        i.custom.get("part-number").and_then(|v| v.as_str()),
        Some("3")
    );
    assert_eq!(i.item_type, ItemType::Chapter);
    // a publisher after the volume stays the publisher
    let t = "Storia d'Italia, vol. 3, Einaudi, Torino 1973.";
    let i = item(
        t,
        &[
            (Label::Title, "Storia d'Italia,"),
            (Label::Volume, "vol. 3,"),
            (Label::Publisher, "Einaudi,"),
            (Label::Location, "Torino"),
        ],
    );
    assert_eq!(vt(&i), None);
    assert_eq!(i.publisher.as_deref(), Some("Einaudi"));
}

#[test]
fn identifiers_and_web() {
    let t =
        "World Health Organization, Report on X. http://www.who.int/x.pdf (accessed 3 May 2020).";
    let i = item(
        t,
        &[
            (Label::Author, "World Health Organization,"),
            (Label::Title, "Report on X."),
            (Label::Url, "http://www.who.int/x.pdf"),
            (Label::Date, "(accessed 3 May 2020)."),
        ],
    );
    assert_eq!(
        i.author[0].literal.as_deref(),
        Some("World Health Organization")
    );
    assert_eq!(i.url.as_deref(), Some("http://www.who.int/x.pdf"));
    assert!(i.issued.is_none());
    assert_eq!(i.custom["accessed"]["date-parts"][0][0], 2020);
    assert_eq!(i.item_type, ItemType::Report);
    // the access word before the date span, or a note of both
    for (t, label, span) in [
        (
            "Slave Trade Database, https://www.slavevoyages.org. Accessed 3 March 2023.",
            Label::Date,
            "3 March 2023",
        ),
        (
            "Slave Trade Database, https://www.slavevoyages.org (accessed 3 March 2023).",
            Label::Note,
            "accessed 3 March 2023",
        ),
    ] {
        let i = item(
            t,
            &[
                (Label::Title, "Slave Trade Database"),
                (Label::Url, "https://www.slavevoyages.org"),
                (label, span),
            ],
        );
        assert!(i.issued.is_none() && i.note.is_none(), "{t}");
        assert_eq!(
            i.custom["accessed"]["date-parts"][0],
            serde_json::json!([2023, 3, 3])
        );
    }
    // a URL read into the access date's span
    let t = "Revue, 38. < http://id.example.org/x039985ar >. Consulté le 20 juillet 2012.";
    let i = item(
        t,
        &[
            (Label::Title, "Revue"),
            (Label::Volume, "38"),
            (
                Label::Date,
                "http://id.example.org/x039985ar >. Consulté le 20 juillet 2012",
            ),
        ],
    );
    assert_eq!(i.url.as_deref(), Some("http://id.example.org/x039985ar"));
    assert_eq!(
        i.custom["accessed"]["date-parts"],
        serde_json::json!([[2012, 7, 20]])
    );
    // a note about access without a day or month is kept as written
    let t = "Database, https://example.org, accessed 2023.";
    let i = item(
        t,
        &[
            (Label::Title, "Database"),
            (Label::Url, "https://example.org"),
            (Label::Note, "accessed 2023"),
        ],
    );
    assert_eq!(i.note.as_deref(), Some("accessed 2023"));
    let t = "Some page. https://doi.org/10.1000/abc";
    let i = item(
        t,
        &[
            (Label::Title, "Some page."),
            (Label::Url, "https://doi.org/10.1000/abc"),
        ],
    );
    assert_eq!(i.doi.as_deref(), Some("10.1000/abc"));
    assert_eq!(i.item_type, ItemType::Webpage);
    let t = "DOI: poor";
    let i = item(t, &[(Label::Doi, "DOI: poor")]);
    assert!(i.doi.is_none());
    assert_eq!(i.custom["unparsed"]["doi"][0], "DOI: poor");
}

#[test]
fn legal_case() {
    let t = "Donoghue v Stevenson [1932] AC 562";
    let i = item(
        t,
        &[
            (Label::Title, "Donoghue v Stevenson"),
            (Label::Date, "[1932]"),
            (Label::ContainerTitle, "AC"),
            (Label::Pages, "562"),
        ],
    );
    assert_eq!(i.item_type, ItemType::LegalCase);
}

#[test]
fn never_panics() {
    assert_eq!(to_item("", &[]).item_type, ItemType::Document);
    let t = "Grün, Ä.";
    // ranges inside a character, reversed, out of bounds
    let i = to_item(
        t,
        &[
            (Label::Author, 1..3),
            (Label::Title, Range { start: 5, end: 2 }),
            (Label::Date, 3..999),
        ],
    );
    let _ = serde_json::to_string(&i).unwrap();
    let huge = "x".repeat(100_000);
    for l in ibid_model::Label::ALL {
        let _ = to_item(&huge, &[(l, 0..huge.len())]);
    }
    let weird = "\u{0}\u{202E}שלום 毛泽东 ٢٠٢٠ \u{FEFF}".repeat(3_000);
    for l in ibid_model::Label::ALL {
        let _ = to_item(&weird, &[(l, 0..weird.len())]);
    }
}

#[test]
fn a_role_test_never_cuts_a_character() {
    // found by the fuzzer: "§§" after a name, where "eds." would be
    assert!(!starts_with_plural_role(", §§1-211"));
    assert!(starts_with_plural_role(", eds., Title"));
    assert!(starts_with_plural_role(" (Hrsg.)"));
    let text = "Journal oflnclusil lP@icoiec and SeS,,,,,,,,,sesi,,,,,,,,,,,,,§§1-211.ishers .";
    let _ = item(
        text,
        &[
            (Label::Editor, "Journal oflnclusil lP@icoiec and SeS"),
            (Label::Title, "1-211.ishers"),
        ],
    );
}

#[test]
fn a_reference_lists_number_is_no_note() {
    for (text, number) in [
        ("[73] C. Rother, Grabcut, SIGGRAPH, 2004.", "73"),
        ("48. Smith J. Apical extrusion of debris, 2004.", "48"),
    ] {
        let it = item(text, &[(Label::Note, number), (Label::Date, "2004")]);
        assert_eq!(it.note, None, "{text}");
        assert_eq!(it.custom["list-number"], number);
    }
    // a number inside the reference stays what the model said
    let text = "Smith, Title, 48. Auflage.";
    let it = item(text, &[(Label::Title, "Title"), (Label::Note, "48")]);
    assert_eq!(it.note.as_deref(), Some("48"));
}

#[test]
fn in_before_a_host_by_the_same_author_is_an_in_cue() {
    // the labeller marks "in: Ders.," `other`; with a volume and a place the
    // type is a chapter only because of the "in"
    let t = "K. Marx, Zur Judenfrage, in: Ders., Frühe Schriften, Bd. 1, Stuttgart 1962, S. 451.";
    let with_other = |other: &str| {
        item(
            t,
            &[
                (Label::Author, "K. Marx,"),
                (Label::Title, "Zur Judenfrage,"),
                (Label::Other, other),
                (Label::ContainerTitle, "Frühe Schriften,"),
                (Label::Volume, "Bd. 1,"),
                (Label::Location, "Stuttgart"),
                (Label::Date, "1962,"),
                (Label::Pages, "S. 451."),
            ],
        )
        .item_type
    };
    assert_eq!(with_other("in: Ders.,"), ItemType::Chapter);
    assert_eq!(with_other("in:"), ItemType::Chapter);
}

#[test]
fn a_multi_volume_work_counts_its_volumes_and_years() {
    use Label::*;
    let text = "Marc Bloch, La société féodale, 2 vols. (Paris: Albin Michel, 1939–40), 1:45.";
    let it = item(
        text,
        &[
            (Author, "Marc Bloch"),
            (Title, "La société féodale"),
            (Volume, "2 vols."),
            (Location, "Paris"),
            (Publisher, "Albin Michel"),
            (Pages, "1939–40"),
            (Volume, "1"),
            (Pages, "45"),
        ],
    );
    assert_eq!(it.custom["number-of-volumes"], "2");
    assert_eq!(it.volume.as_deref(), Some("1"));
    assert_eq!(it.page.as_deref(), Some("45"));
    let issued = it.issued.expect("years of publication");
    assert_eq!(issued.date_parts, vec![vec![1939], vec![1940]]);
    // pages after a journal's volume stay pages
    let text = "J. Smith, “Long Article,” Physical Review 12 (1990), 1939–40.";
    let it = item(
        text,
        &[
            (Author, "J. Smith"),
            (Title, "Long Article"),
            (ContainerTitle, "Physical Review"),
            (Volume, "12"),
            (Date, "1990"),
            (Pages, "1939–40"),
        ],
    );
    assert_eq!(it.page.as_deref(), Some("1939-40"));
}
