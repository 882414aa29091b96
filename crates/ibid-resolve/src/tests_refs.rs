//! Tests of `resolve` for op. cit., cross-references, abbreviations,
//! document series (archive files: `tests_archives`).

use crate::tests_conventions::{assert_works, by_note};
use crate::tests_rules::{book, c, codes, kinds, mastery, origins, person, run, short_item};
use ibid_model::{CitationKind as K, Date, Item, ItemType};

#[test]
fn op_cit_and_its_relatives() {
    let r = run(&by_note([
        (1, origins()),
        (
            2,
            c(
                K::Full,
                "H. Müller, Die Gründung des Reiches (Berlin, 1970), S. 4.",
            )
            .item(book("Müller", "Die Gründung des Reiches", Some(1970))),
        ),
        (
            3,
            c(K::Short, "Taylor, op. cit., p. 5.")
                .loc("p. 5")
                .item(Item {
                    author: vec![person("Taylor")],
                    title: Some("op. cit.".into()),
                    ..Item::default()
                }),
        ),
        (
            4,
            c(K::Full, "Müller, a.a.O., S. 9.")
                .loc("S. 9")
                .item(short_item(Some("Müller"), None)),
        ),
        (5, c(K::Short, "Taylor, loc. cit.")),
    ]));
    assert_works(&r, "0 1 0 1 0");
    assert_eq!(kinds(&r)[3], K::Short);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn op_cit_takes_a_typo_only_in_a_long_name() {
    let r = run(&by_note([
        (
            1,
            c(K::Full, "A. Verma, Storia della laguna (Venezia, 1970).").item(book(
                "Verma",
                "Storia della laguna",
                Some(1970),
            )),
        ),
        (
            2,
            c(
                K::Full,
                "E. J. Hobsbawm, The Age of Revolution (London, 1962).",
            )
            .item(book("Hobsbawm", "The Age of Revolution", Some(1962))),
        ),
        // no Verza was cited: one letter from "Verma" is another name
        (
            3,
            c(K::Short, "Verza, op. cit., p. 5.")
                .loc("p. 5")
                .item(short_item(Some("Verza"), None)),
        ),
        // "Hobsbawn" is a typo of a long name
        (
            4,
            c(K::Short, "Hobsbawn, op. cit., p. 7.")
                .loc("p. 7")
                .item(short_item(Some("Hobsbawn"), None)),
        ),
        // with a title word the short name's typo is backed
        (
            5,
            c(K::Short, "Verna, Storia, p. 9.")
                .loc("p. 9")
                .item(short_item(Some("Verna"), Some("Storia"))),
        ),
    ]));
    assert_works(&r, "0 1 - 1 0");
}

#[test]
fn op_cit_with_a_note_number_uses_that_note() {
    let r = run(&by_note([
        (
            4,
            c(
                K::Full,
                "C. Vogel, ‘Women and Citizenship’ (1990) 12 Law Review 4.",
            )
            .item(Item {
                author: vec![person("Vogel")],
                title: Some("Women and Citizenship".into()),
                container_title: Some("Law Review".into()),
                ..Item::default()
            }),
        ),
        (
            7,
            c(
                K::Full,
                "U. Vogel, Marriage and the Public Sphere (London, 1991).",
            )
            .item(book("Vogel", "Marriage and the Public Sphere", Some(1991))),
        ),
        (
            9,
            c(K::Short, "Vogel, op. cit., n. 7, p. 79.")
                .loc("p. 79")
                .item(short_item(Some("Vogel"), None)),
        ),
        (11, c(K::Short, "Vogel, op. cit., n. 4, pp. 80–1.")),
        (12, c(K::Short, "Vogel, op. cit., p. 3.")),
    ]));
    assert_works(&r, "0 1 1 0 -");
    assert_eq!(codes(&r), ["ambiguous-short-title"]);
    assert_eq!(r.citations[3][0].locator.as_deref(), Some("pp. 80–1"));
}

#[test]
fn cross_references_point_to_a_notes_work() {
    let report = c(
        K::Full,
        "Report of the Committee on Ministers' Powers, Cmd. 4060 (London, 1932).",
    )
    .item(Item {
        item_type: ItemType::Report,
        title: Some("Report of the Committee on Ministers' Powers".into()),
        number: Some("Cmd. 4060".into()),
        issued: Some(Date::year(1932)),
        ..Item::default()
    });
    let r = run(&by_note([
        (3, origins()),
        (5, mastery()),
        (12, report),
        (
            12,
            c(
                K::Full,
                "W. Jennings, The Law and the Constitution (London, 1933).",
            )
            .item(book("Jennings", "The Law and the Constitution", Some(1933))),
        ),
        (20, c(K::CrossReference, "See n. 3.")),
        (
            21,
            c(K::Short, "Taylor (n 5) 7").item(short_item(Some("Taylor"), None)),
        ),
        (22, c(K::CrossReference, "Above, n. 12.")),
        (
            23,
            c(K::CrossReference, "the report cited in note 12, p. 4"),
        ),
        (24, c(K::Short, "Jennings, supra n. 12, at 9")),
        (25, c(K::CrossReference, "See infra n. 40.")),
        (26, c(K::CrossReference, "cited in note 2")),
    ]));
    assert_works(&r, "0 1 2 3 0 1 - 2 3 - -");
    assert_eq!(
        codes(&r),
        [
            "ambiguous-cross-reference",
            "forward-cross-reference",
            "unresolved-cross-reference"
        ]
    );
    assert_eq!(r.citations[4][0].locator.as_deref(), Some("7"));
    assert_eq!(r.citations[6][0].locator.as_deref(), Some("p. 4"));
    assert_eq!(r.citations[7][0].locator.as_deref(), Some("9"));
    assert_eq!(kinds(&r)[5], K::CrossReference);
    assert_eq!(kinds(&r)[4], K::CrossReference);
}

#[test]
fn cross_reference_to_the_wrong_note_falls_back_to_the_authors_only_work() {
    let r = run(&by_note([
        (1, origins()),
        (
            2,
            c(
                K::Full,
                "E. H. Carr, The Twenty Years' Crisis (London, 1939).",
            )
            .item(Item {
                publisher_place: Some("London".into()),
                ..book("Carr", "The Twenty Years' Crisis", Some(1939))
            }),
        ),
        (
            3,
            c(K::Short, "Taylor, supra n. 2, p. 5").item(short_item(Some("Taylor"), None)),
        ),
    ]));
    assert_works(&r, "0 1 0");
    assert_eq!(codes(&r), ["cross-reference-mismatch"]);
}

#[test]
fn defined_abbreviations_and_the_series_volume_pattern() {
    let dgfp = c(
        K::Full,
        "Documents on German Foreign Policy, 1918–1945, Series C, Vol. II (London, 1959) (hereafter cited as D.G.F.P.), No. 45.",
    )
    .loc("No. 45")
    .item(Item {
        item_type: ItemType::Book,
        title: Some("Documents on German Foreign Policy, 1918–1945".into()),
        volume: Some("II".into()),
        issued: Some(Date::year(1959)),
        publisher_place: Some("London".into()),
        ..Item::default()
    });
    let r = run(&by_note([
        (1, dgfp),
        (
            2,
            c(K::Abbreviation, "D.G.F.P. C/II, No. 71.").loc("No. 71"),
        ),
        (3, c(K::Full, "D.G.F.P. D/I, No. 19.").loc("No. 19")),
        (
            4,
            c(K::Abbreviation, "D.G.F.P., Series D, Vol. I, No. 20.").loc("No. 20"),
        ),
        (5, c(K::Ibid, "Ibid., No. 21.").loc("No. 21")),
        (6, c(K::Ibid, "Ibid., C/II, No. 5.").loc("No. 5")),
        (7, c(K::Abbreviation, "DGFP D/II, No. 3")),
    ]));
    assert_works(&r, "0 0 1 1 1 0 2");
    assert_eq!(kinds(&r)[2], K::Abbreviation);
    assert_eq!(r.works.len(), 3);
    let d1 = &r.works[1].item;
    assert_eq!(d1.volume.as_deref(), Some("I"));
    assert_eq!(
        d1.custom.get("collection-number").and_then(|v| v.as_str()),
        Some("D")
    );
    assert_eq!(
        d1.title.as_deref(),
        Some("Documents on German Foreign Policy, 1918–1945")
    );
    assert_eq!(r.works[2].item.volume.as_deref(), Some("II"));
    assert_eq!(r.abbreviations.len(), 1);
    let a = &r.abbreviations[0];
    assert_eq!(a.short, "D.G.F.P.");
    assert_eq!(a.note, Some(1));
    assert_eq!(a.work.as_deref(), Some("w1"));
    assert_eq!(
        a.long,
        "Documents on German Foreign Policy, 1918–1945, Series C, Vol. II (London, 1959)"
    );
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn a_pattern_stated_in_the_definition_orders_the_parts() {
    let def = c(
        K::Full,
        "Akten zur deutschen auswärtigen Politik, Serie D, Bd. 1 (hereafter ADAP Volume/Series).",
    )
    .item(Item {
        title: Some("Akten zur deutschen auswärtigen Politik".into()),
        ..Item::default()
    });
    let r = run(&by_note([
        (1, def),
        (2, c(K::Abbreviation, "ADAP I/D, Nr. 4")),
        (3, c(K::Abbreviation, "ADAP III/D, Nr. 5")),
        (4, c(K::Abbreviation, "ADAP III/D, Nr. 9")),
    ]));
    assert_works(&r, "0 0 1 1");
    assert_eq!(r.abbreviations[0].short, "ADAP");
    assert_eq!(r.citations[1][0].locator.as_deref(), Some("Nr. 4"));
}

#[test]
fn short_titles_defined_in_place() {
    let def = c(
        K::Full,
        "Sir Llewellyn Woodward and R. Butler (eds), Documents on British Foreign Policy, 1919–1939, Second Series, Vol. V (London, 1956) [DBFP 2/V].",
    )
    .item(Item {
        editor: vec![person("Woodward"), person("Butler")],
        title: Some("Documents on British Foreign Policy, 1919–1939".into()),
        volume: Some("V".into()),
        issued: Some(Date::year(1956)),
        ..Item::default()
    });
    let taylor = c(
        K::Full,
        "A. J. P. Taylor, The Origins of the Second World War (London, 1961) (henceforth Origins), p. 4.",
    )
    .item(book("Taylor", "The Origins of the Second World War", Some(1961)));
    let r = run(&by_note([
        (1, def),
        (2, taylor),
        (3, c(K::Abbreviation, "DBFP 2/V, No. 12.")),
        (4, c(K::Abbreviation, "Origins, p. 9.")),
        (5, c(K::Abbreviation, "DBFP 2/VI, No. 1.")),
    ]));
    assert_works(&r, "0 1 0 1 2");
    let shorts: Vec<&str> = r.abbreviations.iter().map(|a| a.short.as_str()).collect();
    assert_eq!(shorts, ["DBFP", "Origins"]);
    assert_eq!(r.works[2].item.volume.as_deref(), Some("VI"));
}

#[test]
fn well_known_series_need_no_definition() {
    let r = run(&by_note([
        (
            1,
            c(K::Abbreviation, "FRUS, 1938, vol. I, p. 5.").loc("p. 5"),
        ),
        (2, c(K::Full, "FRUS, 1938, vol. I, p. 9.").loc("p. 9")),
        (
            3,
            c(K::Abbreviation, "FRUS, 1938, vol. II, p. 9.").loc("p. 9"),
        ),
        (
            4,
            c(K::Abbreviation, "DBFP, 2nd ser., vol. XIX, no. 12.").loc("no. 12"),
        ),
        (5, c(K::Abbreviation, "DBFP 2/XIX, no. 14")),
        (
            6,
            c(K::Abbreviation, "H.C. Deb., 5th ser., vol. 295, col. 859."),
        ),
        (
            7,
            c(K::Abbreviation, "H.C. Deb., 5th ser., vol. 295, col. 900."),
        ),
        (8, c(K::Abbreviation, "Cmd. 5847.")),
        // OSCOLA's day before the volume ("February" is no title word)
        (
            9,
            c(K::Full, "HC Deb 3 February 1977, vol 925, col 973.").loc("col 973"),
        ),
    ]));
    assert_works(&r, "0 0 1 2 2 3 3 4 5");
    assert_eq!(
        r.works[5].item.title.as_deref(),
        Some("House of Commons Debates (Hansard)")
    );
    assert_eq!(
        r.works[0].item.title.as_deref(),
        Some("Foreign Relations of the United States, 1938")
    );
    assert_eq!(r.works[0].item.volume.as_deref(), Some("1"));
    assert_eq!(r.citations[6][0].locator.as_deref(), Some("col. 900"));
    let known: Vec<&str> = r
        .known_abbreviations
        .iter()
        .map(|a| a.short.as_str())
        .collect();
    assert_eq!(known, ["FRUS", "DBFP", "H.C. Deb.", "Cmd."]);
}

#[test]
fn well_known_series_join_full_citations_of_the_same_volume() {
    let full = c(
        K::Full,
        "Documents on British Foreign Policy, 1919–1939, Second Series, Vol. XIX (London, 1982), No. 3.",
    )
    .loc("No. 3")
    .item(Item {
        item_type: ItemType::Book,
        title: Some("Documents on British Foreign Policy, 1919–1939".into()),
        volume: Some("XIX".into()),
        issued: Some(Date::year(1982)),
        ..Item::default()
    });
    let r = run(&by_note([
        (1, full),
        (2, c(K::Abbreviation, "DBFP, 2nd ser., vol. XIX, no. 12.")),
    ]));
    assert_works(&r, "0 0");
}

#[test]
fn a_defined_short_form_after_a_document_description() {
    let def = c(
        K::Full,
        "Documents on German Foreign Policy, Series D, Vol. I (hereafter cited as D.G.F.P.), Doc. No. 45",
    )
    .loc("Doc. No. 45")
    .item(Item {
        title: Some("Documents on German Foreign Policy".into()),
        volume: Some("I".into()),
        ..Item::default()
    });
    let r = run(&by_note([(7, def),
(37, c(
                K::Short,
                "Record of conversation between Halifax and Hitler, 19 Nov. 1937, D.G.F.P. D/I, Doc. No. 31",
            )
            .loc("Doc. No. 31")),
(38, c(K::Short, "Memorandum by Weizsäcker, D.G.F.P. D/II, Doc. No. 3").loc("Doc. No. 3"))]));
    assert_works(&r, "0 0 1");
    assert_eq!(kinds(&r), [K::Full, K::Abbreviation, K::Abbreviation]);
}

#[test]
fn a_quoted_title_is_not_the_book_of_the_same_name() {
    let r = run(&by_note([
        (
            4,
            c(K::Full, "Lord Bingham, 'The Rule of Law' (2007) 66 CLJ 67").item(Item {
                author: vec![person("Bingham")],
                title: Some("The Rule of Law".into()),
                issued: Some(Date::year(2007)),
                ..Item::default()
            }),
        ),
        (
            11,
            c(K::Full, "Tom Bingham, The Rule of Law (Allen Lane 2010) 8")
                .loc("8")
                .item(book("Bingham", "The Rule of Law", Some(2010))),
        ),
        (
            14,
            c(K::CrossReference, "Bingham (n 11) 37").item(short_item(Some("Bingham"), None)),
        ),
        (
            15,
            c(K::CrossReference, "Bingham (n 4) 69").item(short_item(Some("Bingham"), None)),
        ),
    ]));
    assert_works(&r, "0 1 1 0");
}

#[test]
fn documents_inside_an_earlier_work_and_bare_pointers() {
    let dilks = c(
        K::Full,
        "Dilks, D. (ed.), The Diaries of Sir Alexander Cadogan, O.M., 1938–1945 (London, 1971), p. 13",
    )
    .loc("p. 13")
    .item(Item {
        editor: vec![person("Dilks")],
        title: Some("The Diaries of Sir Alexander Cadogan, O.M., 1938–1945".into()),
        issued: Some(Date::year(1971)),
        ..Item::default()
    });
    let entick = c(K::Full, "Entick v Carrington (1765) 19 St Tr 1029, 1066").item(Item {
        title: Some("Entick v Carrington".into()),
        issued: Some(Date::year(1765)),
        ..Item::default()
    });
    let r = run(&by_note([
        (17, entick),
        (38, dilks),
        (
            51,
            c(
                K::Short,
                "Cadogan diary, 14 Mar. 1939, in Dilks (ed.), Cadogan Diaries, p. 157",
            )
            .loc("p. 157")
            .item(Item {
                author: vec![ibid_model::Name::literal("diary")],
                title: Some("Cadogan Diaries".into()),
                issued: Some(Date::year(1939)),
                ..Item::default()
            }),
        ),
        (52, c(K::Full, "n 17")),
    ]));
    assert_works(&r, "0 1 1 0");
    assert_eq!(kinds(&r), [K::Full, K::Full, K::Short, K::CrossReference]);
}

#[test]
fn same_author_markers_with_op_cit_are_short_forms() {
    let r = run(&by_note([
        (
            13,
            c(
                K::Full,
                "Hermann Graml, Europas Weg in den Krieg, München 1990, S. 77",
            )
            .loc("S. 77")
            .item(book("Graml", "Europas Weg in den Krieg", Some(1990))),
        ),
        (14, c(K::Short, "Ders., a.a.O., S. 80").loc("S. 80")),
        (
            15,
            c(K::Short, "oben, Anm. 13").item(short_item(Some("oben"), None)),
        ),
    ]));
    assert_works(&r, "0 0 0");
    assert_eq!(kinds(&r), [K::Full, K::Short, K::CrossReference]);
}

#[test]
fn a_series_given_as_the_locator_still_picks_the_volume() {
    let ddi = c(
        K::Full,
        "I documenti diplomatici italiani, ottava serie: 1935-1939, vol. XIII, Roma, 1953 (d'ora in poi DDI), n. 45",
    )
    .loc("n. 45")
    .defines("DDI")
    .item(Item {
        title: Some("I documenti diplomatici italiani, ottava serie: 1935-1939".into()),
        volume: Some("XIII".into()),
        issued: Some(Date::year(1953)),
        ..Item::default()
    });
    let r = run(&by_note([
        (9, ddi),
        (
            10,
            c(K::Abbreviation, "DDI, s. VIII, vol. XII, n. 9").loc("s. VIII"),
        ),
        (11, c(K::Ibid, "Ivi, n. 12").loc("n. 12")),
        (
            12,
            c(K::Abbreviation, "DDI, s. VIII, vol. XIII, n. 50").loc("n. 50"),
        ),
    ]));
    assert_works(&r, "0 1 1 0");
    assert_eq!(r.works[1].item.volume.as_deref(), Some("XII"));
}

#[test]
fn a_cross_reference_names_the_work_its_name_heads_or_the_short_form_defined() {
    let landes_posner = Item {
        author: vec![person("Landes"), person("Posner")],
        ..book("", "The Economic Structure of Tort Law", Some(1987))
    };
    let report = c(
        K::Full,
        "U.S. Dep't of Just., Section 230 Report 14 (2020) [hereinafter DOJ Report].",
    )
    .defines("DOJ Report")
    .item(book("", "Section 230 Report", Some(2020)));
    let r = run(&by_note([
        (
            1,
            c(K::Full, "Richard A. Posner, Economic Analysis of Law 213 (2014).")
                .item(book("Posner", "Economic Analysis of Law", Some(2014))),
        ),
        (
            1,
            c(K::Full, "William M. Landes & Richard A. Posner, The Economic Structure of Tort Law 54 (1987).")
                .item(landes_posner),
        ),
        (2, report),
        (
            2,
            c(K::Full, "Jeff Kosseff, The Twenty-Six Words 5 (2019).")
                .item(book("Kosseff", "The Twenty-Six Words", Some(2019))),
        ),
        (
            3,
            c(K::Short, "Posner, supra note 1, at 215").item(short_item(Some("Posner"), None)),
        ),
        (4, c(K::Short, "DOJ Report, supra note 2, at 17")),
    ]));
    // Posner's own book, not the one he wrote second; the work "DOJ Report" stands for
    assert_works(&r, "0 1 2 3 0 2");
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}
