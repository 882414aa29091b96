//! Notes written in several citation conventions, split into notes and
//! citations. Every note here was written for these tests.

use ibid_model::{CitationKind, MappedText, RawNote};
use CitationKind::*;

mod common;
use common::*;

#[test]
fn chicago_full_with_definition_and_see_also() {
    let c = cites(
        "Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.), \
         Doc. No. 45; see also Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.",
    );
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].0, Full);
    assert_eq!(c[0].2.as_deref(), Some("Doc. No. 45"));
    assert_eq!(c[0].3.as_deref(), Some("D.G.F.P."));
    assert_eq!(
        c[1].1,
        "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88"
    );
    assert_eq!(c[1].2.as_deref(), Some("p. 88"));
}

#[test]
fn chicago_archives() {
    let c = cites(
        "Minute by Vansittart, 3 March 1936, FO 371/19884, fol. 12v; Cabinet Conclusions, \
         11 March 1936, CAB 23/83.",
    );
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].0, Full);
    assert_eq!(c[0].2.as_deref(), Some("fol. 12v"));
    assert_eq!(c[1].1, "Cabinet Conclusions, 11 March 1936, CAB 23/83");
    kinds_are(&[
        ("Smith to Jones, 4 May 1925, FO 371/12345.", &[Full]),
        ("FO 371/12345, fol. 3.", &[Full]),
    ]);
}

#[test]
fn commentary_is_trimmed() {
    texts_are(&[
        (
            "As argued by Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.",
            &["Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88"],
        ),
        (
            "On this point see Smith, J., Appeasement and Its Critics (Oxford, 1975), pp. 12–15.",
            &["Smith, J., Appeasement and Its Critics (Oxford, 1975), pp. 12–15"],
        ),
        ("See also Taylor, Origins, p. 3.", &["Taylor, Origins, p. 3"]),
    ]);
    // a citation inside a prose sentence is still found
    let t = texts(
        "This view, first put forward in Smith, J., Appeasement (Oxford, 1975), p. 9, has been widely accepted.",
    );
    assert_eq!(t.len(), 1);
    assert!(
        t[0].starts_with("Smith, J., Appeasement (Oxford, 1975)"),
        "{t:?}"
    );
}

#[test]
fn prose_notes_have_no_citations() {
    for note in [
        "The author would like to thank the staff of the National Archives, Kew, for their help.",
        "I am grateful to Professor Jones for this reference.",
        "For a different view, see the discussion above.",
        "This was particularly the case in the years before the war.",
    ] {
        assert!(cites(note).is_empty(), "{note}: {:?}", cites(note));
    }
}

#[test]
fn abbreviations_do_not_end_sentences() {
    for note in [
        "Report of the Committee (London: H.M.S.O., 1931), Cmd. 3897, p. 12.",
        "Documents, Vol. III, Doc. No. 12, p. 4.",
        "Smith, J., ed., Essays (Oxford, 1990), p. 3.",
        "Meier, H., trans. Smith, Essays (Oxford, 1990), p. 3.",
        "Parl. Deb., H.C., 5th Ser., vol. 310, col. 1450.",
        "Smith to Jones, 4 Jan. 1936, FO 371/19884.",
        "Taylor, A. J. P., Origins (London, 1961), pp. 12 ff. Schmidt, Geschichte, S. 4.",
    ] {
        let t = texts(note);
        assert!(!t.is_empty(), "{note}");
        assert!(
            t[0].len() + 2 >= note.find(" Schmidt").unwrap_or(note.len()),
            "{note} was cut: {t:?}"
        );
    }
}

#[test]
fn newspaper_url_doi() {
    kinds_and_locators_are(&[("The Times, 4 May 1925, p. 5.", &[(Full, Some("p. 5"))])]);
    texts_are(&[(
        "Smith, J., ‘Trade’, Journal of History 3 (1990), doi:10.1000/xyz123.",
        &["Smith, J., ‘Trade’, Journal of History 3 (1990), doi:10.1000/xyz123"],
    )]);
    kinds_are(&[(
        "See https://example.org/archive/file.pdf (accessed 3 May 2020).",
        &[Full],
    )]);
}

#[test]
fn ibid_forms() {
    kinds_and_locators_are(&[("Ibid., p. 91.", &[(Ibid, Some("p. 91"))])]);
    texts_are(&[("Ibid.", &["Ibid."])]);
    locators_are(&[
        ("ibid., Vol. II.", Some("Vol. II")),
        ("Ibid., II/VII, Doc. No. 147.", Some("II/VII, Doc. No. 147")),
    ]);
    kinds_are(&[
        ("Id. at 5.", &[Ibid]),
        (
            "Idem, ‘Another Essay’, Past and Present 12 (1957), p. 3.",
            &[Full],
        ),
        ("Vogel, id., p. 79.", &[Short]),
    ]);
}

#[test]
fn abbreviation_citations() {
    kinds_and_locators_are(&[
        (
            "D.G.F.P. C/II, Doc. No. 102.",
            &[(Abbreviation, Some("Doc. No. 102"))],
        ),
        // the year names the volume of the series, no pinpoint
        ("FRUS, 1938, 1:50.", &[(Abbreviation, Some("1:50"))]),
    ]);
    kinds_are(&[
        ("DBFP, 2nd ser., vol. IV, no. 12.", &[Abbreviation]),
        ("FRUS 1939, vol. 1, p. 3.", &[Abbreviation]),
        (
            "FRUS 1939, vol. 1, p. 5; DBFP, 2nd ser., vol. IV, no. 12.",
            &[Abbreviation, Abbreviation],
        ),
    ]);
}

#[test]
fn short_forms() {
    kinds_and_locators_are(&[
        ("Taylor, Origins, p. 120.", &[(Short, Some("p. 120"))]),
        (
            "Vogel, op. cit., n. 7, pp. 80–1.",
            &[(Short, Some("pp. 80–1"))],
        ),
    ]);
    kinds_are(&[
        ("Taylor, p. 9.", &[Short]),
        ("Origins of the Second World War, p. 12.", &[Short]),
        ("Taylor, , Origins, p. 12.", &[Short]),
    ]);
}

#[test]
fn cross_references() {
    kinds_are(&[
        ("Cited in note 24.", &[CrossReference]),
        ("See n. 7.", &[CrossReference]),
        ("Above, n. 3.", &[CrossReference]),
        ("Supra n. 5.", &[CrossReference]),
        ("The report cited in note 12.", &[CrossReference]),
        ("Cf. supra, note 4.", &[CrossReference]),
        (
            "See n. 7 above; cf. supra, note 4.",
            &[CrossReference, CrossReference],
        ),
    ]);
}

#[test]
fn definitions_in_many_languages() {
    for (note, want) in [
        (
            "Foreign Relations of the United States, 1939 (hereafter FRUS), vol. 1, p. 3.",
            "FRUS",
        ),
        (
            "Akten zur deutschen auswärtigen Politik, Serie D, Bd. 2 (im Folgenden: ADAP), Nr. 45.",
            "ADAP",
        ),
        (
            "Documents diplomatiques français, 1re série, t. III (ci-après DDF), n° 45.",
            "DDF",
        ),
        (
            "Archivio di Stato di Venezia (d’ora in poi ASV), Senato, busta 3.",
            "ASV",
        ),
        (
            "Documents on German Foreign Policy [DGFP], Series C, Vol. 2, p. 3.",
            "DGFP",
        ),
        (
            "Public Record Office, Kew, Foreign Office papers, henceforth FO, 371/1234.",
            "FO",
        ),
    ] {
        let defined = cites(note).into_iter().find_map(|c| c.3);
        assert_eq!(defined.as_deref(), Some(want), "definition in {note:?}");
    }
}

// ---------------------------------------------------------------- OSCOLA

#[test]
fn oscola() {
    kinds_and_locators_are(&[
        (
            "Donoghue v Stevenson [1932] AC 562 (HL) 580.",
            &[(Full, Some("580"))],
        ),
        ("ibid [12].", &[(Ibid, Some("[12]"))]),
        ("Donoghue (n 1) 582.", &[(CrossReference, Some("582"))]),
    ]);
    kinds_are(&[("supra n. 5.", &[CrossReference])]);
    texts_are(&[(
        "Caparo Industries plc v Dickman [1990] 2 AC 605 (HL); see also Hedley Byrne & Co Ltd v Heller & Partners Ltd [1964] AC 465.",
        &[
            "Caparo Industries plc v Dickman [1990] 2 AC 605 (HL)",
            "Hedley Byrne & Co Ltd v Heller & Partners Ltd [1964] AC 465",
        ],
    )]);
    let c = cites("Human Rights Act 1998, s. 3; European Convention on Human Rights, Art. 5.");
    assert_eq!(c[0].2.as_deref(), Some("s. 3"));
    assert_eq!(c[1].2.as_deref(), Some("Art. 5"));
    locators_are(&[(
        "Barclays Bank v O’Brien [1994] 1 AC 180, at 185.",
        Some("185"),
    )]);
}

// ---------------------------------------------------------------- German

#[test]
fn german() {
    citations_are(&[(
        "Vgl. Meier, Geschichte, a.a.O., S. 45 f.; ebd., S. 47.",
        &[
            (
                Short,
                "Meier, Geschichte, a.a.O., S. 45 f.",
                Some("S. 45 f."),
            ),
            (Ibid, "ebd., S. 47", Some("S. 47")),
        ],
    )]);
    kinds_are(&[
        (
            "Hans Meier, Geschichte der Neuzeit, Berlin 1950, S. 12.",
            &[Full],
        ),
        ("Ebenda, S. 138-186.", &[Ibid]),
        ("Vgl. dazu oben Anm. 3.", &[CrossReference]),
        ("Ders., Die Weimarer Republik, München 1960, S. 5.", &[Full]),
        ("Luhmann 1980, S. 99–112.", &[Short]),
    ]);
    texts_are(&[
        (
            "Koch 1975, S. 75, der allerdings nur streitige Urteile untersucht hat.",
            &["Koch 1975, S. 75"],
        ),
        ("Ausführlicher bei Gessner 1976.", &["Gessner 1976"]),
    ]);
}

// ---------------------------------------------------------------- French

#[test]
fn french() {
    texts_are(&[
        (
            "Fernand Braudel, La Méditerranée et le monde méditerranéen à l'époque de Philippe II, Paris, 1949, p. 12.",
            &["Fernand Braudel, La Méditerranée et le monde méditerranéen à l'époque de Philippe II, Paris, 1949, p. 12"],
        ),
        ("Voir Braudel, op. cit., p. 15.", &["Braudel, op. cit., p. 15"]),
    ]);
    kinds_and_locators_are(&[("Braudel, op. cit., p. 12.", &[(Short, Some("p. 12"))])]);
    kinds_are(&[
        ("Braudel, loc. cit.", &[Short]),
        ("Voir supra, note 3.", &[CrossReference]),
    ]);
}

// ---------------------------------------------------------------- Italian

#[test]
fn italian() {
    kinds_and_locators_are(&[
        (
            "Rossi, Storia cit., p. 5; ivi, p. 7.",
            &[(Short, Some("p. 5")), (Ibid, Some("p. 7"))],
        ),
        (
            "ASV, Senato, Secreta, busta 12, fasc. 3, c. 45.",
            &[(Full, Some("c. 45"))],
        ),
    ]);
    kinds_are(&[
        (
            "Mario Rossi, Storia d'Italia, Torino, Einaudi, 1970, p. 3.",
            &[Full],
        ),
        ("V. sopra, nota 2.", &[CrossReference]),
    ]);
}

// ---------------------------------------------------------------- breaks

#[test]
fn breaks_split_citations() {
    let text =
        "Smith, J., Appeasement (Oxford, 1975), p. 3 Jones, K., Diplomacy (London, 1980), p. 9";
    let b = text.find(" Jones").unwrap_or(0);
    let raw = RawNote {
        number: Some(1),
        text: MappedText::identity(text, 0),
        prose: false,
        breaks: vec![b],
    };
    let c = ibid_segment::split_citations(&raw);
    assert_eq!(c.len(), 2);
    assert_eq!(
        &text[c[1].range.clone()],
        "Jones, K., Diplomacy (London, 1980), p. 9"
    );
}

// ---------------------------------------------------------------- notes lists

// ---------------------------------------------------------------- harder cases

#[test]
fn question_marks_in_titles_do_not_split() {
    texts_are(&[(
        "E. H. Carr, What is history? (London, 1961), p. 3; cf. R. J. Evans, In Defence of History (London, 1997).",
        &[
            "E. H. Carr, What is history? (London, 1961), p. 3",
            "R. J. Evans, In Defence of History (London, 1997)",
        ],
    )]);
}

#[test]
fn locator_lists_and_bare_locators() {
    locators_are(&[("Taylor, Origins, pp. 3; 5.", Some("pp. 3; 5"))]);
    kinds_and_locators_are(&[(
        "Ibid., pp. 12–15; cf. also pp. 20–1.",
        &[(Ibid, Some("pp. 12–15")), (Ibid, Some("pp. 20–1"))],
    )]);
}

#[test]
fn publication_years_are_not_author_dates() {
    let quoted = "Quoted in Smith, J., Appeasement (Oxford, 1975), p. 3.";
    kinds_are(&[
        (quoted, &[Full]),
        ("Blankenburg/Schönholz/Rogowski 1979, S. 64 ff.", &[Short]),
    ]);
    texts_are(&[(quoted, &["Smith, J., Appeasement (Oxford, 1975), p. 3"])]);
}

#[test]
fn ibid_then_prose_then_citation() {
    let c = cites("Ibid. The same point is made by Smith, J., Appeasement (Oxford, 1975), p. 3.");
    assert_eq!(c.len(), 2);
    assert_eq!((c[0].0, c[0].1.as_str()), (Ibid, "Ibid."));
    assert_eq!(c[1].1, "Smith, J., Appeasement (Oxford, 1975), p. 3");
}

#[test]
fn reference_list_entries_stay_whole() {
    for entry in [
        "Smith, J. (1990). The origins of the war. Journal of History, 12(3), 45–67.",
        "Smith, John. The Origins of the War. New York: Norton, 1990.",
        "Taylor, A. J. P. (1961) The origins of the Second World War, London: Hamish Hamilton.",
        "Blankenburg, Erhard; Schönholz, Siegfried, 1979: Zur Soziologie des Arbeitsgerichtsverfahrens. Neuwied.",
        "Johnson, Earl, 1979; Thinking about Access. In: Cappelletti, Mauro (Hrsg.): Access to Justice, Bd. III. Milan.",
        "Camargo, S. J., K. A. Emanuel, and A. H. Sobel, 2007: Use of a genesis potential index to diagnose ENSO effects on tropical cyclone genesis. J. Climate, 20, 4819-4834.",
    ] {
        let t = texts(entry);
        assert_eq!(t.len(), 1, "{entry}: {t:?}");
        assert!(entry.starts_with(t[0].as_str()) && t[0].len() + 1 >= entry.len(), "{entry}: {t:?}");
    }
}

#[test]
fn two_word_cues_and_connectives() {
    texts_are(&[
        (
            "Cité par Élisabeth du Réau, Édouard Daladier, Paris, Fayard, 1993, p. 250.",
            &["Élisabeth du Réau, Édouard Daladier, Paris, Fayard, 1993, p. 250"],
        ),
        ("Zit. nach Meier, Geschichte, S. 4.", &["Meier, Geschichte, S. 4"]),
        ("Si veda sopra, nota 3.", &["sopra, nota 3"]),
        (
            "Wehler, a.a.O., S. 20; dagegen Nipperdey, Machtstaat, S. 90.",
            &["Wehler, a.a.O., S. 20", "Nipperdey, Machtstaat, S. 90"],
        ),
        (
            "Peden, G. C., Rearmament (Edinburgh, 1979), pp. 60–4; and Shay, R. P., Rearmament (Princeton, 1977), ch. 3.",
            &[
                "Peden, G. C., Rearmament (Edinburgh, 1979), pp. 60–4",
                "Shay, R. P., Rearmament (Princeton, 1977), ch. 3",
            ],
        ),
    ]);
}

#[test]
fn cross_references_with_names() {
    citations_are(&[(
        "Cowling, cited in note 4, p. 176.",
        &[(
            CrossReference,
            "Cowling, cited in note 4, p. 176",
            Some("p. 176"),
        )],
    )]);
    kinds_and_locators_are(&[(
        "Bingham (n 11) 37; Dicey (n 12) 193.",
        &[(CrossReference, Some("37")), (CrossReference, Some("193"))],
    )]);
    kinds_are(&[
        ("Michalka (wie Anm. 15), S. 220.", &[CrossReference]),
        ("Vogel, op. cit., n. 7, p. 80.", &[Short]),
    ]);
}

#[test]
fn brackets_around_a_citation_and_commentary_around_it() {
    texts_are(&[
        (
            "As Kennedy himself conceded (ibid., p. 211), the argument cannot explain the timing.",
            &["ibid., p. 211"],
        ),
        (
            "The classic statement remains Feiling, K., The Life of Neville Chamberlain (London, 1946), p. 319.",
            &["Feiling, K., The Life of Neville Chamberlain (London, 1946), p. 319"],
        ),
        (
            "Record of conversation, 19 Nov. 1937, D.G.F.P. D/I, Doc. No. 31. Halifax's own record is in FO 371/20736, C 8094/270/18, TNA.",
            &[
                "Record of conversation, 19 Nov. 1937, D.G.F.P. D/I, Doc. No. 31",
                "FO 371/20736, C 8094/270/18, TNA",
            ],
        ),
    ]);
}

#[test]
fn archives_with_repository_abbreviations_are_full() {
    kinds_and_locators_are(&[
        (
            "BArch, R 43 II/1310, Bl. 3–5; ADAP, Serie D, Bd. 2, Nr. 107.",
            &[(Full, Some("Bl. 3–5")), (Abbreviation, Some("Nr. 107"))],
        ),
        (
            "DDI, s. VIII, vol. XII, n. 9.",
            &[(Abbreviation, Some("n. 9"))],
        ),
    ]);
    let c = cites("Politisches Archiv des Auswärtigen Amts (PA AA), R 29801, Bl. 112.");
    assert_eq!((c[0].0, c[0].3.as_deref()), (Full, Some("PA AA")));
}

#[test]
fn full_citation_locators_skip_volumes_and_article_pages() {
    locators_are(&[
        (
            "Kennedy, P. M., ‘The Tradition of Appeasement’, British Journal of International Studies, 2 (1976), pp. 195–215.",
            None,
        ),
        (
            "Watt, D. C., ‘The Naval Agreement’, Journal of Modern History, 28 (1956), pp. 155–75, at p. 160.",
            Some("p. 160"),
        ),
        (
            "H.C. Deb., 5th ser., vol. 345, col. 2415 (31 Mar. 1939).",
            Some("col. 2415"),
        ),
        (
            "R v Secretary of State, ex p Simms [2000] 2 AC 115 (HL) 131 (Lord Hoffmann).",
            Some("131"),
        ),
        (
            "European Convention on Human Rights, art 6(1).",
            Some("art 6(1)"),
        ),
        ("ibid art 6(3)(c).", Some("art 6(3)(c)")),
        (
            "Ryden, D. “Decline.” Journal of Interdisciplinary History 31, no. 3 (2001): 347–74.",
            None,
        ),
    ]);
}

#[test]
fn chicago_short_forms_with_bare_pages() {
    citations_are(&[(
        "See Rose, Intellectual Life, 58; and Richard Hoggart, The Uses of Literacy (London: Chatto & Windus, 1957), 12.",
        &[
            (Short, "Rose, Intellectual Life, 58", Some("58")),
            (
                Full,
                "Richard Hoggart, The Uses of Literacy (London: Chatto & Windus, 1957), 12",
                Some("12"),
            ),
        ],
    )]);
    texts_are(&[
        (
            "Altick, English Common Reader, 245–46; cf. Thompson, Making, 712.",
            &["Altick, English Common Reader, 245–46", "Thompson, Making, 712"],
        ),
        (
            "Johns’s critique of Eisenstein is sharpest at Nature of the Book, 10–11; she replied in “An Unacknowledged Revolution Revisited,” American Historical Review 107, no. 1 (2002): 87–105.",
            &[
                "Nature of the Book, 10–11",
                "“An Unacknowledged Revolution Revisited,” American Historical Review 107, no. 1 (2002): 87–105",
            ],
        ),
    ]);
}

/// A short citation whose page follows a quoted title's comma, a volume in
/// roman numerals, or that "and" joins to the next one was dropped as prose.
#[test]
fn short_citations_ending_in_a_bare_page_are_kept() {
    texts_are(&[
        (
            "Maier, \"Politics of Productivity,\" 615; Leffler, Preponderance, 175.",
            &[
                "Maier, \"Politics of Productivity,\" 615",
                "Leffler, Preponderance, 175",
            ],
        ),
        (
            "Maier, “Politics of Productivity,” 615; Leffler, Preponderance, 175.",
            &[
                "Maier, “Politics of Productivity,” 615",
                "Leffler, Preponderance, 175",
            ],
        ),
        (
            "Ricasoli, Lettere, ii. 240; Trevisan, Venetian Dispatches, 71.",
            &[
                "Ricasoli, Lettere, ii. 240",
                "Trevisan, Venetian Dispatches, 71",
            ],
        ),
        (
            "Leffler, Preponderance, 180 and Hogan, Marshall Plan, 60.",
            &["Leffler, Preponderance, 180", "Hogan, Marshall Plan, 60"],
        ),
        // short titles in sentence case: lower-case words in the title
        (
            "Febvre, Le problème, 16; Bloch, Société féodale, 1:50.",
            &["Febvre, Le problème, 16", "Bloch, Société féodale, 1:50"],
        ),
        (
            "Bloch, La société féodale, 52; Chabod, Storia della politica estera, 17.",
            &[
                "Bloch, La société féodale, 52",
                "Chabod, Storia della politica estera, 17",
            ],
        ),
    ]);
    // prose that ends in a number after "and" stays prose
    assert_eq!(
        texts("He wrote to them in 1936 and 1937 and again in 1940."),
        Vec::<String>::new()
    );
}

/// A marker word followed by a comma is a word of the text, no locator:
/// "Metropolitan Museum of Art, 2001" gave the locator "Art, 2001".
#[test]
fn a_marker_word_before_a_comma_is_no_locator() {
    locators_are(&[
        (
            "Walter Liedtke, Vermeer and the Delft School (New York: Metropolitan Museum of Art, 2001), 244.",
            Some("244"),
        ),
        ("Smith, Painting (New York: Museum of Modern Art, 1990), p. 12.", Some("p. 12")),
        ("Vertrag von Lissabon, Art. 50.", Some("Art. 50")),
    ]);
}

/// Manuscripts: "Add. MS" does not end a citation at its period, and a
/// first citation of a manuscript by shelfmark and folio is a full one.
#[test]
fn manuscripts_by_shelfmark_and_folio() {
    texts_are(&[(
        "British Library, Add. MS 48126, fols. 12–19.",
        &["British Library, Add. MS 48126, fols. 12–19"],
    )]);
    kinds_are(&[
        (
            "British Library, Cotton MS Vespasian C. VII, fol. 143.",
            &[Full],
        ),
        ("Bodleian Library, MS Rawl. D. 1, fol. 2.", &[Full]),
        ("British Library, Harl. MS 6989, fol. 45.", &[Full]),
    ]);
}

/// A page in a volume given in roman numerals is the locator: "ii. 233".
#[test]
fn a_roman_volume_and_page_is_the_locator() {
    locators_are(&[
        (
            "Giovanni Battista Ricasoli, Lettere e memorie, 2 vols (Florence: Le Monnier, 1874), ii. 233.",
            Some("ii. 233"),
        ),
        ("Ricasoli, Lettere, ii. 240.", Some("ii. 240")),
    ]);
}

#[test]
fn a_name_with_a_particle_starts_the_citation() {
    // "in Delft, 1658" reads like a lead-in and a place and year; the
    // artist's name before it, with its particle, opens the citation
    texts_are(&[
        (
            "Pieter de Hooch, Courtyard of a House in Delft, 1658, oil on canvas, London, National Gallery.",
            &["Pieter de Hooch, Courtyard of a House in Delft, 1658, oil on canvas, London, National Gallery"],
        ),
        (
            "As shown in Delft, 1658, p. 4.",
            &["Delft, 1658, p. 4"],
        ),
    ]);
}
