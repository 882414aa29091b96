//! Rule-by-rule tests of `resolve` (continued): work numbering, determinism,
//! hostile input, prose blocks, parts of works and untitled citations.

use crate::tests_rules::*;
use crate::{resolve, CitationInput, NoteInput};
use ibid_model::{CitationKind as K, Date, Item, ItemType};

#[test]
fn works_are_numbered_in_order_of_first_citation() {
    let r = run(&[
        (1, vec![mastery()]),
        (2, vec![origins(), c(K::Ibid, "ibid., p. 3").loc("p. 3")]),
        (
            3,
            vec![c(K::Short, "Taylor, Struggle, p. 8")
                .loc("p. 8")
                .item(short_item(Some("Taylor"), Some("Struggle")))],
        ),
        (
            4,
            vec![c(K::Short, "Taylor, Struggle, p. 8")
                .loc("p. 8")
                .item(short_item(Some("Taylor"), Some("Struggle")))],
        ),
    ]);
    let ids: Vec<&str> = r
        .works
        .iter()
        .filter_map(|w| w.item.id.as_deref())
        .collect();
    assert_eq!(ids, ["w1", "w2"]);
    assert_eq!(
        r.works[0].item.title.as_deref(),
        Some("The Struggle for Mastery in Europe, 1848–1918")
    );
    assert_eq!(r.works[0].cited_in, [1, 3, 4]);
    assert_eq!(r.works[1].cited_in, [2]);
    let locs: Vec<(u32, &str)> = r.works[0]
        .locators
        .iter()
        .map(|l| (l.note, l.locator.as_str()))
        .collect();
    assert_eq!(locs, [(1, "p. 4"), (3, "p. 8"), (4, "p. 8")]);
    assert_eq!(r.work_id(1), Some("w2"));
    assert_eq!(r.work_id(9), None);
}

#[test]
fn same_input_same_output() {
    let notes = || {
        vec![
            (1, vec![origins(), mastery()]),
            (2, vec![c(K::Ibid, "Ibid.")]),
            (
                3,
                vec![c(K::Short, "Taylor, Origins")
                    .item(short_item(Some("Taylor"), Some("Origins")))],
            ),
            (
                4,
                vec![
                    c(K::Abbreviation, "FO 371/1, fol. 2"),
                    c(K::CrossReference, "see n. 1"),
                ],
            ),
        ]
    };
    let a = run(&notes());
    let b = run(&notes());
    assert_eq!(a, b);
}

#[test]
fn hostile_input_does_not_panic() {
    let long = "Ibid., ".repeat(20_000);
    let junk = "(((([[[[ hereafter ]]]] n. 99999999999999 supra n. 4294967295 ― — ‒ ".repeat(500);
    let cases = vec![
        c(K::Ibid, ""),
        c(K::Full, ""),
        c(K::Short, "   "),
        c(K::CrossReference, "n."),
        c(K::Abbreviation, "["),
        c(K::Full, &long),
        c(K::Full, &junk),
        c(K::Short, "—"),
        c(K::Full, "(hereafter cited as )"),
        c(K::Full, "x [Y]"),
        c(K::Abbreviation, "D.G.F.P. /, No."),
        c(K::Short, "Ⅻ ⅩⅣ ﬁ ﬂ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ǅ İ ß ẞ"),
        c(K::Full, "ab\u{0}c\u{301}\u{301}\u{301}").item(book(
            "\u{301}",
            "\u{301}",
            Some(i32::MIN),
        )),
        c(K::Short, "op. cit.").loc("zzz"),
    ];
    let r = run(&[(0, cases.clone()), (u32::MAX, cases.clone()), (3, cases)]);
    assert_eq!(r.citations.len(), 3);
    assert_eq!(r.citations[0].len(), 14);
    let empty = run(&[]);
    assert!(empty.works.is_empty() && empty.citations.is_empty());
}

#[test]
fn prose_blocks_have_no_number_but_still_resolve() {
    let (o, i) = (origins(), c(K::Ibid, "Ibid., p. 2"));
    let inputs = vec![
        NoteInput {
            number: None,
            citations: vec![CitationInput {
                text: &o.text,
                kind: o.kind,
                locator: o.locator.as_deref(),
                item: &o.item,
                defines: None,
            }],
        },
        NoteInput {
            number: Some(1),
            citations: vec![CitationInput {
                text: &i.text,
                kind: i.kind,
                locator: None,
                item: &i.item,
                defines: None,
            }],
        },
    ];
    let r = resolve(&inputs);
    assert_eq!(works(&r), [Some(0), Some(0)]);
    assert_eq!(r.works[0].cited_in, [1]);
    assert_eq!(r.citations[1][0].locator.as_deref(), Some("p. 2"));
}

#[test]
fn a_part_of_a_work_cited_back() {
    let essay = c(
        K::Full,
        "‘Embodying the Citizen’ in Public and Private: Feminist Legal Debates, ed. M. Thornton (1995).",
    )
    .item(Item {
        item_type: ItemType::Chapter,
        title: Some("Embodying the Citizen".into()),
        container_title: Some("Public and Private: Feminist Legal Debates".into()),
        editor: vec![person("Thornton")],
        issued: Some(Date::year(1995)),
        ..Item::default()
    });
    let neave = c(
        K::Short,
        "M. Neave, ‘Private Ordering in Family Law – Will Women Benefit?’ in Thornton, op. cit., n. 4.",
    )
    .item(Item {
        // the labeller's reading: the host's name as a second author, its
        // note number as a note
        author: vec![person("Neave"), person("Thornton")],
        title: Some("Private Ordering in Family Law – Will Women Benefit?".into()),
        container_title: Some("Thornton, op. cit.".into()),
        note: Some("n. 4".into()),
        ..Item::default()
    });
    let r = run(&[
        (
            4,
            vec![
                essay,
                c(
                    K::Full,
                    "‘Historicising Citizenship’ (1996) 20 Melbourne University Law Rev. 1072.",
                )
                .item(Item {
                    title: Some("Historicising Citizenship".into()),
                    container_title: Some("Melbourne University Law Rev.".into()),
                    issued: Some(Date::year(1996)),
                    ..Item::default()
                }),
            ],
        ),
        (26, vec![neave]),
        (32, vec![c(K::Short, "Thornton, op. cit. (1995), n. 4")]),
        (68, vec![c(K::Short, "Neave, op. cit., n. 26;")]),
    ]);
    assert_eq!(works(&r), [Some(0), Some(1), Some(2), Some(0), Some(2)]);
    let part = &r.citations[1][0];
    assert_eq!(part.kind, K::Full);
    assert_eq!(
        part.item.container_title.as_deref(),
        Some("Public and Private: Feminist Legal Debates")
    );
    assert_eq!(part.item.editor, [person("Thornton")]);
    assert_eq!(part.item.author, [person("Neave")]);
    assert_eq!(part.item.note, None);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn a_bare_id_split_from_its_title_lends_its_author() {
    let duce = c(
        K::Full,
        "R. De Felice, Mussolini il duce, I, Torino, Einaudi, 1974, p. 540",
    )
    .item(book("De Felice", "Mussolini il duce", Some(1974)));
    let fascista = c(
        K::Full,
        "Mussolini il fascista, I, La conquista del potere 1921-1925, Torino, Einaudi, 1966, p. 20",
    )
    .loc("p. 20")
    .item(Item {
        title: Some("Mussolini il fascista".into()),
        issued: Some(Date::year(1966)),
        publisher_place: Some("Torino".into()),
        ..Item::default()
    });
    let r = run(&[
        (3, vec![duce]),
        (18, vec![c(K::Ibid, "Id."), fascista]),
        (
            19,
            vec![c(K::Short, "De Felice, Mussolini il fascista, p. 30")
                .item(short_item(Some("De Felice"), Some("Mussolini il fascista")))],
        ),
        (
            20,
            vec![c(K::Full, "Storia d'Italia, IV, Torino, 1976").item(Item {
                title: Some("Storia d'Italia".into()),
                issued: Some(Date::year(1976)),
                ..Item::default()
            })],
        ),
    ]);
    assert_eq!(works(&r), [Some(0), Some(0), Some(1), Some(1), Some(2)]);
    assert_eq!(r.works[1].item.author, [person("De Felice")]);
    assert!(r.works[2].item.author.is_empty());
}

/// "in idem, Languages of Class": the host is the same author's book named
/// right there, not the work of the note before.
#[test]
fn in_idem_with_a_title_is_no_back_reference() {
    let before = c(
        K::Full,
        "Hobsbawm, E. J., The Age of Revolution (London, 1962), p. 45.",
    )
    .loc("p. 45")
    .item(book("Hobsbawm", "The Age of Revolution", Some(1962)));
    let chapter = c(
        K::Full,
        "Stedman Jones, G., ‘Rethinking Chartism’, in idem, Languages of Class (Cambridge, 1983), pp. 90–178.",
    )
    .item(Item {
        author: vec![person("Stedman Jones")],
        title: Some("Rethinking Chartism".into()),
        container_title: Some("Languages of Class".into()),
        ..Item::default()
    });
    let r = run(&[(1, vec![before]), (2, vec![chapter])]);
    assert_eq!(works(&r), [Some(0), Some(1)]);
    let ch = &r.citations[1][0].item;
    assert_eq!(ch.container_title.as_deref(), Some("Languages of Class"));
    assert!(ch.editor.is_empty());
    assert!(codes(&r).is_empty(), "{:?}", codes(&r));
}

/// The same full citation with no title (its title read as a name) twice
/// is one work; another year is another work.
#[test]
fn the_same_untitled_citation_is_one_work() {
    let cite = |year: i32, page: &str| {
        c(
            K::Full,
            "Alan Bullock, Ernest Bevin (London: Heinemann, 1983), 404–6.",
        )
        .loc(page)
        .item(Item {
            item_type: ItemType::Book,
            author: vec![person("Bullock"), person("Bevin")],
            publisher: Some("Heinemann".into()),
            publisher_place: Some("London".into()),
            issued: Some(Date::year(year)),
            ..Item::default()
        })
    };
    let r = run(&[
        (1, vec![cite(1983, "404–6")]),
        (2, vec![cite(1983, "410")]),
        (3, vec![cite(1960, "12")]),
    ]);
    assert_eq!(works(&r), [Some(0), Some(0), Some(1)]);
}
