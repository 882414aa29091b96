//! Rule-by-rule tests of `resolve`, with notes and items built by hand.

use crate::{resolve, CitationInput, NoteInput, Resolution};
use ibid_model::{CitationKind as K, Date, Item, ItemType, Name};

/// A citation under construction (owns its strings; borrowed at run time).
#[derive(Debug, Clone)]
pub struct Cit {
    pub text: String,
    pub kind: K,
    pub locator: Option<String>,
    pub item: Item,
    pub defines: Option<String>,
}

pub fn c(kind: K, text: &str) -> Cit {
    Cit {
        text: text.to_owned(),
        kind,
        locator: None,
        item: Item::default(),
        defines: None,
    }
}

impl Cit {
    pub fn loc(mut self, l: &str) -> Self {
        self.locator = Some(l.to_owned());
        self
    }
    pub fn item(mut self, it: Item) -> Self {
        self.item = it;
        self
    }
    pub fn defines(mut self, d: &str) -> Self {
        self.defines = Some(d.to_owned());
        self
    }
}

pub fn person(family: &str) -> Name {
    Name::person(family, None)
}

/// A book item.
pub fn book(family: &str, title: &str, year: Option<i32>) -> Item {
    Item {
        item_type: ItemType::Book,
        author: if family.is_empty() {
            vec![]
        } else {
            vec![person(family)]
        },
        title: Some(title.to_owned()),
        issued: year.map(Date::year),
        ..Item::default()
    }
}

/// A short-form item (author and/or title only).
pub fn short_item(family: Option<&str>, title: Option<&str>) -> Item {
    Item {
        author: family.map(person).into_iter().collect(),
        title: title.map(str::to_owned),
        ..Item::default()
    }
}

pub fn run(notes: &[(u32, Vec<Cit>)]) -> Resolution {
    let inputs: Vec<NoteInput<'_>> = notes
        .iter()
        .map(|(n, cits)| NoteInput {
            number: Some(*n),
            citations: cits
                .iter()
                .map(|c| CitationInput {
                    text: &c.text,
                    kind: c.kind,
                    locator: c.locator.as_deref(),
                    item: &c.item,
                    defines: c.defines.as_deref(),
                })
                .collect(),
        })
        .collect();
    resolve(&inputs)
}

/// The work of every citation, flattened in document order.
pub fn works(r: &Resolution) -> Vec<Option<usize>> {
    r.citations.iter().flatten().map(|c| c.work).collect()
}

pub fn kinds(r: &Resolution) -> Vec<K> {
    r.citations.iter().flatten().map(|c| c.kind).collect()
}

pub fn codes(r: &Resolution) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.code).collect()
}

pub fn origins() -> Cit {
    c(
        K::Full,
        "A. J. P. Taylor, The Origins of the Second World War (London, 1961), p. 12.",
    )
    .loc("p. 12")
    .item(book(
        "Taylor",
        "The Origins of the Second World War",
        Some(1961),
    ))
}

pub fn mastery() -> Cit {
    c(
        K::Full,
        "A. J. P. Taylor, The Struggle for Mastery in Europe, 1848–1918 (Oxford, 1954), p. 4.",
    )
    .loc("p. 4")
    .item(book(
        "Taylor",
        "The Struggle for Mastery in Europe, 1848–1918",
        Some(1954),
    ))
}

#[test]
fn ibid_is_the_previous_citation() {
    let r = run(&[
        (1, vec![origins()]),
        (2, vec![c(K::Ibid, "Ibid., p. 14.").loc("p. 14")]),
        (3, vec![c(K::Full, "Ibid.")]),
        (4, vec![c(K::Ibid, "ibid")]),
    ]);
    assert_eq!(works(&r), [Some(0); 4]);
    assert_eq!(kinds(&r), [K::Full, K::Ibid, K::Ibid, K::Ibid]);
    assert_eq!(r.works.len(), 1);
    assert_eq!(r.works[0].cited_in, [1, 2, 3, 4]);
    let ib = &r.citations[1][0];
    assert_eq!(
        ib.item.title.as_deref(),
        Some("The Origins of the Second World War")
    );
    assert_eq!(ib.item.id.as_deref(), Some("w1"));
    assert_eq!(ib.item.custom["locator"], "p. 14");
    // The work does not keep the first citation's pinpoint as its page.
    assert_eq!(r.works[0].locators.len(), 2);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn ibid_after_a_note_citing_several_works_is_ambiguous() {
    let r = run(&[
        (1, vec![origins(), mastery()]),
        (2, vec![c(K::Ibid, "Ibid., p. 7.").loc("p. 7")]),
    ]);
    assert_eq!(works(&r), [Some(0), Some(1), None]);
    assert_eq!(codes(&r), ["ambiguous-ibid"]);
    assert_eq!(r.diagnostics[0].note, Some(2));
    // Its item is its own, with the locator.
    assert_eq!(r.citations[1][0].item.custom["locator"], "p. 7");
}

#[test]
fn ambiguous_ibid_names_the_one_work_its_pinpoint_kind_fits() {
    let dgfp = || {
        c(
            K::Full,
            "Documents on German Foreign Policy, Series C, Vol. II, Doc. No. 45.",
        )
        .loc("Doc. No. 45")
        .item(book("", "Documents on German Foreign Policy", None))
    };
    // Ambiguous still (the rule), but a page can only mean Taylor:
    // the collection was cited by document.
    let r = run(&[
        (1, vec![dgfp(), origins()]),
        (2, vec![c(K::Ibid, "Ibid., p. 91.").loc("p. 91")]),
    ]);
    assert_eq!(works(&r), [Some(0), Some(1), None]);
    assert_eq!(codes(&r), ["ambiguous-ibid"]);
    assert_eq!(
        r.diagnostics[0].message,
        "\"Ibid., p. 91.\" follows a note citing 2 works; only w2 was cited there by page"
    );
    // No hint without a pinpoint, when both works were cited by page, or
    // when one was cited without any pinpoint.
    for (first, ibid) in [
        (dgfp(), c(K::Ibid, "Ibid.")),
        (mastery(), c(K::Ibid, "Ibid., p. 9.").loc("p. 9")),
        (
            c(K::Full, "Documents on German Foreign Policy.").item(book(
                "",
                "Documents on German Foreign Policy",
                None,
            )),
            c(K::Ibid, "Ibid., p. 9.").loc("p. 9"),
        ),
    ] {
        let r = run(&[(1, vec![first, origins()]), (2, vec![ibid])]);
        assert_eq!(works(&r)[2], None);
        assert_eq!(codes(&r), ["ambiguous-ibid"]);
        assert!(r.diagnostics[0].message.ends_with("2 works"));
    }
}

#[test]
fn ibid_inside_a_note_follows_the_citation_before_it() {
    let r = run(&[
        (
            1,
            vec![origins(), mastery(), c(K::Ibid, "ibid., p. 9").loc("p. 9")],
        ),
        (2, vec![c(K::Ibid, "Ibid.")]),
    ]);
    // Note 2's ibid: note 1 cited two works → ambiguous.
    assert_eq!(works(&r), [Some(0), Some(1), Some(1), None]);
    assert_eq!(codes(&r), ["ambiguous-ibid"]);
}

#[test]
fn ibid_after_a_note_citing_one_work_twice_is_not_ambiguous() {
    let r = run(&[
        (1, vec![origins(), c(K::Ibid, "ibid., p. 20").loc("p. 20")]),
        (2, vec![c(K::Ibid, "Ibid., p. 21").loc("p. 21")]),
        (3, vec![]),
        (4, vec![c(K::Ibid, "Ibid.")]),
    ]);
    assert_eq!(works(&r), [Some(0); 4]);
    assert!(r.diagnostics.is_empty());
    assert_eq!(r.works[0].cited_in, [1, 2, 4]);
}

#[test]
fn ibid_with_nothing_before_is_reported() {
    let r = run(&[(1, vec![c(K::Ibid, "Ibid., p. 3")])]);
    assert_eq!(works(&r), [None]);
    assert_eq!(codes(&r), ["unresolved-ibid"]);
    assert_eq!(r.citations[0][0].locator.as_deref(), Some("p. 3"));
}

#[test]
fn ibid_inside_a_citation_and_in_container() {
    let letter = c(
        K::Full,
        "Simon to Phipps, 12 March 1935, TNA, FO 371/18851.",
    )
    .item(Item {
        title: Some("Simon to Phipps".into()),
        archive: Some("TNA".into()),
        archive_location: Some("FO 371/18851".into()),
        ..Item::default()
    });
    let edited = c(K::Full, "G. Andrews (ed.), Citizenship (London, 1991).").item(Item {
        item_type: ItemType::Book,
        editor: vec![person("Andrews")],
        title: Some("Citizenship".into()),
        issued: Some(Date::year(1991)),
        ..Item::default()
    });
    let chapter = c(
        K::Full,
        "N. Fraser, ‘Civil Citizenship against Social Citizenship?’ in id., p. 97.",
    )
    .loc("p. 97")
    .item(Item {
        item_type: ItemType::Book,
        author: vec![person("Fraser")],
        title: Some("Civil Citizenship against Social Citizenship?".into()),
        ..Item::default()
    });
    let r = run(&[
        (1, vec![letter]),
        (
            2,
            vec![
                c(K::Full, "Phipps to Simon, 14 March 1935, file ibid.").item(Item {
                    title: Some("Phipps to Simon".into()),
                    ..Item::default()
                }),
            ],
        ),
        (3, vec![edited]),
        (4, vec![chapter]),
    ]);
    assert_eq!(works(&r), [Some(0), Some(0), Some(1), Some(2)]);
    assert_eq!(kinds(&r)[1], K::Ibid);
    let ch = &r.citations[3][0].item;
    assert_eq!(ch.container_title.as_deref(), Some("Citizenship"));
    assert_eq!(
        ch.item_type,
        ItemType::Chapter,
        "an essay the labeller took for a book"
    );
    assert_eq!(ch.editor, [person("Andrews")]);
    assert_eq!(ch.item_type, ItemType::Chapter);
    assert_eq!(
        r.works[2].item.container_title.as_deref(),
        Some("Citizenship")
    );
}

#[test]
fn idem_is_the_previous_author() {
    let idem_book = c(
        K::Full,
        "Idem, The Struggle for Mastery in Europe (Oxford, 1954), p. 4.",
    )
    .loc("p. 4")
    .item(Item {
        author: vec![Name::literal("Idem")],
        title: Some("The Struggle for Mastery in Europe".into()),
        issued: Some(Date::year(1954)),
        ..Item::default()
    });
    let r = run(&[
        (1, vec![origins()]),
        (2, vec![c(K::Short, "Idem, p. 30.").loc("p. 30")]),
        (3, vec![idem_book]),
        (
            4,
            vec![c(K::Short, "Taylor, Struggle, p. 9")
                .loc("p. 9")
                .item(short_item(Some("Taylor"), Some("Struggle")))],
        ),
        (5, vec![c(K::Short, "Id. at 12.")]),
    ]);
    assert_eq!(works(&r), [Some(0), Some(0), Some(1), Some(1), Some(1)]);
    assert_eq!(kinds(&r), [K::Full, K::Ibid, K::Full, K::Short, K::Ibid]);
    assert_eq!(r.citations[2][0].item.author, [person("Taylor")]);
    assert_eq!(r.works[1].item.author, [person("Taylor")]);
    assert_eq!(r.citations[4][0].locator.as_deref(), Some("12"));
}

#[test]
fn short_forms_author_and_title() {
    let r = run(&[
        (1, vec![origins()]),
        (2, vec![mastery()]),
        (
            3,
            vec![c(K::Short, "Taylor, Origins, p. 120.")
                .loc("p. 120")
                .item(short_item(Some("Taylor"), Some("Origins")))],
        ),
        (
            4,
            vec![c(K::Short, "Taylor, Struggle for Mastery, p. 5.")
                .loc("p. 5")
                .item(short_item(Some("Taylor"), Some("Struggle for Mastery")))],
        ),
        // Scraper debris: an empty given name.
        (
            5,
            vec![c(K::Short, "Taylor, , Origins, p. 9")
                .loc("p. 9")
                .item(Item {
                    author: vec![Name::person("Taylor", Some(String::new()))],
                    title: Some("Origins".into()),
                    ..Item::default()
                })],
        ),
        // Title alone.
        (
            6,
            vec![c(K::Short, "Origins of the Second World War, p. 12.")
                .loc("p. 12")
                .item(short_item(None, Some("Origins of the Second World War")))],
        ),
        // Nothing labelled: the text is read.
        (7, vec![c(K::Short, "Taylor, Struggle, p. 6.").loc("p. 6")]),
        // Author alone with two works: ambiguous.
        (
            8,
            vec![c(K::Short, "Taylor, p. 9.")
                .loc("p. 9")
                .item(short_item(Some("Taylor"), None))],
        ),
    ]);
    assert_eq!(
        works(&r),
        [
            Some(0),
            Some(1),
            Some(0),
            Some(1),
            Some(0),
            Some(0),
            Some(1),
            None
        ]
    );
    assert_eq!(codes(&r), ["ambiguous-short-title"]);
    assert!(r.diagnostics[0].message.contains("w1") && r.diagnostics[0].message.contains("w2"));
}

#[test]
fn author_alone_when_the_author_has_one_work() {
    let r = run(&[
        (1, vec![origins()]),
        (
            2,
            vec![c(K::Short, "Taylor, p. 9.")
                .loc("p. 9")
                .item(short_item(Some("Taylor"), None))],
        ),
        // The name labelled as a title.
        (
            3,
            vec![c(K::Short, "Taylor, p. 10.")
                .loc("p. 10")
                .item(short_item(None, Some("Taylor")))],
        ),
        (
            4,
            vec![c(K::Short, "Smith, p. 4.")
                .loc("p. 4")
                .item(short_item(Some("Smith"), None))],
        ),
    ]);
    assert_eq!(works(&r), [Some(0), Some(0), Some(0), None]);
    assert_eq!(codes(&r), ["unresolved-short-title"]);
}

#[test]
fn prefixes_diacritics_and_articles() {
    let r = run(&[
        (
            1,
            vec![c(
                K::Full,
                "F. Chabod, Storia della politica estera italiana dal 1870 al 1896 (Bari, 1951).",
            )
            .item(book(
                "Chabod",
                "Storia della politica estera italiana dal 1870 al 1896",
                Some(1951),
            ))],
        ),
        (
            2,
            vec![c(
                K::Full,
                "H. Müller, Die Gründung des Reiches (Berlin, 1970).",
            )
            .item(book("Müller", "Die Gründung des Reiches", Some(1970)))],
        ),
        (
            3,
            vec![
                c(K::Full, "T. Satō, Nihon gaikō kōshō shi (Tokyo, 1955).").item(book(
                    "Satō",
                    "Nihon gaikō kōshō shi",
                    Some(1955),
                )),
            ],
        ),
        (
            4,
            vec![c(K::Short, "Chabod, Storia, p. 5")
                .item(short_item(Some("Chabod"), Some("Storia")))],
        ),
        (
            5,
            vec![c(K::Short, "Muller, Grundung, S. 3")
                .item(short_item(Some("Muller"), Some("Grundung")))],
        ),
        (
            6,
            vec![c(K::Short, "Sato, Nihon gaiko kosho shi, p. 4")
                .item(short_item(Some("Sato"), Some("Nihon gaiko kosho shi")))],
        ),
        (
            7,
            vec![c(K::Short, "La storia della politica estera, p. 8")
                .item(short_item(None, Some("La storia della politica estera")))],
        ),
    ]);
    assert_eq!(
        works(&r),
        [
            Some(0),
            Some(1),
            Some(2),
            Some(0),
            Some(1),
            Some(2),
            Some(0)
        ]
    );
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn small_typos_are_tolerated_but_not_big_ones() {
    let r = run(&[
        (
            1,
            vec![c(
                K::Full,
                "R. Smith, Diplomatic History of Europe (London, 1950).",
            )
            .item(book("Smith", "Diplomatic History of Europe", Some(1950)))],
        ),
        (
            2,
            vec![c(K::Short, "Smtih, Diplomatc Histroy")
                .item(short_item(Some("Smtih"), Some("Diplomatc Histroy")))],
        ),
        (
            3,
            vec![c(K::Short, "Smith, Dplomatc History")
                .item(short_item(Some("Smith"), Some("Dplomatc History")))],
        ),
        (
            4,
            vec![c(K::Short, "Smith, Dpmtc History")
                .item(short_item(Some("Smith"), Some("Dpmtc History")))],
        ),
        (
            5,
            vec![c(K::Short, "Smyth, Diplomatic History")
                .item(short_item(Some("Smyth"), Some("Diplomatic History")))],
        ),
    ]);
    // "Smith" (5 letters) takes one edit, so "Smtih" (a transposition) and
    // "Smyth" match; "Dpmtc" is three edits from "Diplomatic".
    assert_eq!(works(&r), [Some(0), Some(0), Some(0), None, Some(0)]);
    assert_eq!(codes(&r), ["unresolved-short-title"]);
}

#[test]
fn exact_names_win_over_near_names() {
    let r = run(&[
        (
            1,
            vec![
                c(K::Full, "H. Müller, Der Krieg (Berlin, 1970).").item(book(
                    "Müller",
                    "Der Krieg",
                    Some(1970),
                )),
            ],
        ),
        (
            2,
            vec![c(K::Full, "J. Miller, The War (London, 1971).").item(book(
                "Miller",
                "The War",
                Some(1971),
            ))],
        ),
        (
            3,
            vec![c(K::Short, "Miller, p. 5").item(short_item(Some("Miller"), None))],
        ),
        (
            4,
            vec![c(K::Short, "Müller, S. 5").item(short_item(Some("Müller"), None))],
        ),
    ]);
    assert_eq!(works(&r), [Some(0), Some(1), Some(1), Some(0)]);
}

#[test]
fn the_same_authors_works_stay_apart_and_repeats_merge() {
    let richer = c(
        K::Full,
        "A. J. P. Taylor, The Origins of the Second World War (London: Hamish Hamilton, 1961), p. 40.",
    )
    .loc("p. 40")
    .item(Item {
        publisher: Some("Hamish Hamilton".into()),
        publisher_place: Some("London".into()),
        ..book("Taylor", "The Origins of the Second World War", Some(1961))
    });
    let r = run(&[
        (1, vec![origins()]),
        (2, vec![mastery()]),
        (3, vec![richer]),
        (
            4,
            vec![c(K::Full, "Taylor, Origins").item(short_item(Some("Taylor"), Some("Origins")))],
        ),
    ]);
    assert_eq!(works(&r), [Some(0), Some(1), Some(0), Some(0)]);
    assert_eq!(r.works.len(), 2);
    assert_eq!(
        r.works[0].item.publisher.as_deref(),
        Some("Hamish Hamilton")
    );
    assert_eq!(r.works[0].item.page, None);
    assert_eq!(r.works[0].cited_in, [1, 3, 4]);
    assert_eq!(r.works[1].item.id.as_deref(), Some("w2"));
    // A "full" citation that is only author and short title is a short form.
    assert_eq!(kinds(&r)[3], K::Short);
}

#[test]
fn a_short_form_that_is_really_full_starts_a_work() {
    let r = run(&[
        (
            1,
            vec![c(
                K::Short,
                "E. H. Carr, The Twenty Years' Crisis (London, 1939), p. 5.",
            )
            .loc("p. 5")
            .item(Item {
                publisher_place: Some("London".into()),
                ..book("Carr", "The Twenty Years' Crisis", Some(1939))
            })],
        ),
        (
            2,
            vec![c(K::Short, "Carr, Crisis, p. 7.")
                .loc("p. 7")
                .item(short_item(Some("Carr"), Some("Crisis")))],
        ),
    ]);
    // "Crisis" is not a prefix of "Twenty Years' Crisis" but a word of it, and
    // the author agrees.
    assert_eq!(works(&r), [Some(0), Some(0)]);
    assert_eq!(kinds(&r), [K::Full, K::Short]);
}
