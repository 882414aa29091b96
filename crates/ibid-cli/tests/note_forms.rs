//! Note forms end to end through the binary: pinpoints, multi-volume works,
//! signals, Spanish and Dutch notes, archives and Bluebook, as JSON and as
//! Chicago.

mod common;

use common::{chicago_notes, ibid, note_line, stderr};

/// Chicago writes a German, Italian or law note's pinpoint in its own
/// English ("S. 85 f." → "85f.", "Bl. 12" → "fol. 12"), prints a pinpoint
/// the shelfmark holds once, and nests and punctuates quotations as
/// American English does.
#[test]
fn chicago_writes_pinpoints_and_quotations_in_its_own_forms() {
    let text = "1. Thomas Nipperdey, Deutsche Geschichte, München 1992, S. 85 f.\n\
                2. Bundesarchiv Berlin (im Folgenden: BArch), R 43 II/1309, Bl. 12.\n\
                3. Ebd., Bl. 15 f.\n\
                4. Politisches Archiv, R 29801, Bl. 112.\n\
                5. T. Brennan, ‘“Mere Auxiliaries”: Women and Liberalism’ (1979) 27 Political Studies 183.\n\
                6. S. Walby, ‘Is Citizenship Gendered?’ (1994) 28 Sociology 379.\n";
    let t = chicago_notes(text);
    let line = |n: &str| note_line(&t, n);
    assert!(line("1.").ends_with("(München, 1992), 85f."), "{t}");
    assert!(line("2.").contains("R 43 II/1309, fol. 12,"), "{t}");
    assert_eq!(line("3."), "3. Ibid., fol. 15f.", "{t}");
    assert_eq!(line("4.").matches("112").count(), 1, "{t}");
    assert!(
        line("5.").contains("“‘Mere Auxiliaries’: Women and Liberalism,”"),
        "{t}"
    );
    assert!(
        line("6.").contains("“Is Citizenship Gendered?” Sociology"),
        "{t}"
    );
}

#[test]
fn another_volume_of_a_multi_volume_work_is_kept_with_its_pinpoint() {
    let text = "4 F. Braudel, Civiltà e imperi del Mediterraneo, Torino 1953, vol. I, p. 340.\n\
                9 Braudel, op. cit., vol. II, p. 12.\n\
                10 Ibid., vol. I, p. 3.\n";
    let out = ibid(&["parse", "-", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cite = |n: usize| doc["notes"][n]["citations"][0].clone();
    assert_eq!(cite(1)["locator"], "vol. II, p. 12", "{doc}");
    assert_eq!(cite(1)["work"], cite(0)["work"]);
    assert_eq!(cite(2)["locator"], "vol. I, p. 3");
    let t = chicago_notes(text);
    let line = |n: &str| note_line(&t, n);
    // the other volume, not the work's first, in arabic before the page
    // as CMOS writes it
    assert!(line("4.").ends_with(" 1:340."), "{t}");
    // a short note, as the work's (CMOS 14.123), not the work again in full
    assert_eq!(
        line("9."),
        "9. Braudel, Civiltà e imperi del Mediterraneo, 2:12.",
        "{t}"
    );
    assert_eq!(line("10."), "10. Ibid., 1:3.", "{t}");
    // a volume cited before the work's first full note stays in full
    let text = "1 Braudel, op. cit., vol. II, p. 12.\n\
                2 F. Braudel, Civiltà e imperi del Mediterraneo, Torino 1953, vol. I, p. 340.\n";
    let t = chicago_notes(text);
    assert!(
        note_line(&t, "2.").starts_with("2. F. Braudel, Civiltà"),
        "{t}"
    );
}

/// "2 vols." counts the work's volumes, "1939–40" are its years, "1:45" is
/// a volume and its page; a short form in sentence case after a semicolon
/// is a citation.
#[test]
fn a_work_in_volumes_cited_by_volume_and_page() {
    let text = "1 Marc Bloch, La société féodale, 2 vols. (Paris: Albin Michel, 1939–40), 1:45.\n\
                2 Bloch, Société féodale, 2:112.\n\
                3 Lucien Febvre, Le problème de l’incroyance (Paris, 1942), 15; Bloch, Société féodale, 1:50.\n";
    let out = ibid(&["parse", "-", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &doc["notes"][0]["citations"][0];
    assert_eq!(first["item"]["custom"]["number-of-volumes"], "2", "{doc}");
    assert_eq!(first["item"]["volume"], "1", "{doc}");
    assert_eq!(
        first["item"]["issued"]["date-parts"],
        serde_json::json!([[1939], [1940]])
    );
    let third = doc["notes"][2]["citations"].as_array().unwrap();
    assert_eq!(third.len(), 2, "{doc}");
    assert_eq!(third[1]["work"], first["work"]);
    assert_eq!(third[1]["locator"], "1:50");
    let t = chicago_notes(text);
    let line = |n: &str| note_line(&t, n);
    assert!(line("1.").ends_with("1939), 1:45."), "{t}");
    assert!(!line("1.").contains("vol."), "{t}");
    assert_eq!(line("2."), "2. Bloch, La société féodale, 2:112.", "{t}");
    assert!(
        line("3.").ends_with("; Bloch, La société féodale, 1:50."),
        "{t}"
    );
    assert!(
        t.contains("Bloch, Marc. La société féodale. 2 vols. Albin Michel, 1939."),
        "{t}"
    );
}

/// "FRUS, 1938, 1:50" cites page 50 of volume 1 of the 1938 series of the
/// work cited in full before.
#[test]
fn a_documents_series_cited_by_year_volume_and_page() {
    let text =
        "1 Foreign Relations of the United States, 1938, vol. 1 (Washington, DC: GPO, 1955), 45.\n\
                2 FRUS, 1938, 1:50.\n";
    let out = ibid(&["parse", "-", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cite = |n: usize| doc["notes"][n]["citations"][0].clone();
    assert_eq!(cite(1)["locator"], "1:50", "{doc}");
    assert_eq!(cite(1)["work"], cite(0)["work"], "{doc}");
    let t = chicago_notes(text);
    assert_eq!(
        note_line(&t, "2."),
        "2. Foreign Relations of the United States, 1938, 1:50.",
        "{t}"
    );
}

#[test]
fn a_volumes_own_title_and_an_editor_end_to_end() {
    let text = "1 Pierre Nora (dir.), Les Lieux de mémoire, t. I, La République, Paris, Gallimard, 1984, p. 23.\n\
                2 Hans-Ulrich Wehler (Hrsg.), Moderne deutsche Sozialgeschichte, Köln 1966, S. 4.\n\
                3 Nora, Les Lieux de mémoire, op. cit., t. I, p. 40.\n";
    let out = ibid(
        &["parse", "-", "--format", "csl-json", "-q"],
        Some(text.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let works: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let nora = &works[0];
    assert_eq!(nora["volume-title"], "La République", "{works}");
    assert_eq!(nora["volume"], "I", "{works}");
    assert_eq!(nora["publisher"], "Gallimard", "{works}");
    assert_eq!(nora["editor"][0]["family"], "Nora", "{works}");
    assert_eq!(works[1]["editor"][0]["family"], "Wehler", "{works}");
    assert!(works[1].get("author").is_none(), "{works}");
    let t = chicago_notes(text);
    assert_eq!(
        note_line(&t, "1."),
        "1. Pierre Nora, ed., Les Lieux de mémoire, vol. 1, La République (Gallimard, 1984), 23.",
        "{t}"
    );
    assert_eq!(
        note_line(&t, "3."),
        "3. Nora, Les Lieux de mémoire, 1:40.",
        "{t}"
    );
    assert!(
        t.contains(
            "Nora, Pierre, ed. Les Lieux de mémoire. Vol. 1, La République. Gallimard, 1984."
        ),
        "{t}"
    );
    assert!(
        t.contains("Wehler, Hans-Ulrich, ed. Moderne deutsche Sozialgeschichte."),
        "{t}"
    );
}

#[test]
fn chicago_writes_signals_in_english() {
    let text = "1 Vgl. auch Hans-Ulrich Wehler, Das Deutsche Kaiserreich 1871–1918, Göttingen 1973, S. 60.\n\
                2 Zit. nach Hermann Rauschning, Gespräche mit Hitler, Zürich 1940, S. 110; dagegen Wehler, Kaiserreich, S. 61.\n\
                3 Vgl. dazu ausführlich Wehler, Kaiserreich, S. 62.\n";
    let t = chicago_notes(text);
    assert!(
        note_line(&t, "1.").starts_with("1. See also Hans-Ulrich Wehler"),
        "{t}"
    );
    assert!(
        note_line(&t, "2.").starts_with("2. Quoted in Hermann Rauschning"),
        "{t}"
    );
    assert!(note_line(&t, "2.").contains("; but see Wehler"), "{t}");
    // a signal with a word the tables do not know stays as written
    assert!(
        note_line(&t, "3.").starts_with("3. Vgl. dazu ausführlich Wehler"),
        "{t}"
    );
}

#[test]
fn spanish_notes_end_to_end() {
    let text = "1 Manuel García, La España del siglo XIX, Barcelona, Laia, 1974, pág. 45.\n\
                2 Ibídem, pág. 47.\n\
                3 Véase Raymond Carr, España 1808-1939, Barcelona, Ariel, 1969, págs. 120-125.\n\
                4 Archivo Histórico Nacional (AHN), Estado, leg. 2845, exp. 12.\n\
                5 AHN, Estado, leg. 2846.\n\
                6 El Sol, 14 de abril de 1931.\n";
    let out = ibid(&["parse", "-", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cite = |n: usize| doc["notes"][n]["citations"][0].clone();
    assert_eq!(cite(0)["locator"], "pág. 45", "{doc}");
    assert_eq!(cite(1)["kind"], "ibid", "{doc}");
    assert_eq!(cite(1)["work"], cite(0)["work"], "{doc}");
    assert_eq!(cite(2)["signal"]["text"], "Véase", "{doc}");
    let t = chicago_notes(text);
    assert!(note_line(&t, "1.").ends_with("(Laia, 1974), 45."), "{t}");
    assert_eq!(note_line(&t, "2."), "2. Ibid., 47.", "{t}");
    assert!(
        note_line(&t, "3.").starts_with("3. See Raymond Carr, España"),
        "{t}"
    );
    assert!(
        note_line(&t, "4.")
            .starts_with("4. Estado, leg. 2845, exp. 12, Archivo Histórico Nacional"),
        "{t}"
    );
    assert!(
        note_line(&t, "5.").starts_with("5. Estado, leg. 2846, Archivo Histórico Nacional"),
        "{t}"
    );
    assert_eq!(note_line(&t, "6."), "6. El Sol, April 14, 1931.", "{t}");
    // Dutch: "blz." is a page, "a.w." op. cit.
    let text = "1 J. Romein, De lage landen bij de zee, Utrecht, 1934, blz. 45.\n\
                2 Ibidem, blz. 47.\n\
                3 Vgl. Romein, a.w., blz. 50.\n";
    let t = chicago_notes(text);
    assert!(note_line(&t, "1.").ends_with("(Utrecht, 1934), 45."), "{t}");
    assert_eq!(note_line(&t, "2."), "2. Ibid., 47.", "{t}");
    assert_eq!(
        note_line(&t, "3."),
        "3. Cf. Romein, De lage landen bij de zee, 50.",
        "{t}"
    );
}

#[test]
fn latin_american_imprints_and_names_end_to_end() {
    let text = "Sérgio Buarque de Holanda, Raízes do Brasil, Rio de Janeiro, José Olympio, 1936.\n\
                Gilberto Freyre, Casa-grande & senzala, Rio de Janeiro, Maia & Schmidt, 1933.\n\
                Boris Fausto, A revolução de 1930, São Paulo, Brasiliense, 1970.\n\
                Mike Davis, City of Quartz, Los Angeles, Verso, 1990.\n";
    let out = ibid(&["refs", "-", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let items: Vec<serde_json::Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(items.len(), 4);
    for (item, title, publisher) in [
        (&items[0], "Raízes do Brasil", "José Olympio"),
        (&items[1], "Casa-grande & senzala", "Maia & Schmidt"),
    ] {
        assert_eq!(item["title"], title, "{item}");
        assert_eq!(item["publisher-place"], "Rio de Janeiro", "{item}");
        assert_eq!(item["publisher"], publisher, "{item}");
    }
    assert_eq!(items[2]["author"][0]["family"], "Fausto", "{}", items[2]);
    assert_eq!(items[2]["author"][0]["given"], "Boris", "{}", items[2]);
    // a publisher the model leaves between the place and the year, once
    assert_eq!(items[3]["publisher"], "Verso", "{}", items[3]);
    assert!(items[3].get("note").is_none(), "{}", items[3]);
}

#[test]
fn chicago_writes_a_volume_before_a_column_in_full() {
    let text = "1 A. Pauly and G. Wissowa, Realencyclopädie der classischen Altertumswissenschaft, vol. 12 (Stuttgart, 1925), col. 345.\n\
                2 Ibid., col. 350.\n\
                3 Pauly and Wissowa, Realencyclopädie, col. 360.\n\
                4 F. Braudel, Civiltà e imperi, Torino 1953, vol. I, p. 340.\n\
                5 Braudel, Civiltà e imperi, vol. I, fol. 3.\n";
    let t = chicago_notes(text);
    // not "12:col. 345"
    assert!(
        note_line(&t, "1.").ends_with("vol. 12 (Stuttgart, 1925), col. 345."),
        "{t}"
    );
    assert_eq!(note_line(&t, "2."), "2. Ibid., col. 350.", "{t}");
    assert!(note_line(&t, "3.").ends_with(", vol. 12, col. 360."), "{t}");
    // a page keeps the style's own form, the volume in arabic
    assert!(
        note_line(&t, "4.").ends_with("imperi (Torino, 1953), 1:340."),
        "{t}"
    );
    // the volume before a folio of a work cited before: a short note
    assert_eq!(
        note_line(&t, "5."),
        "5. Braudel, Civiltà e imperi, vol. 1, fol. 3.",
        "{t}"
    );
    // the bibliography lists the work once, with its volume
    assert_eq!(t.matches("Vol. 12.").count(), 1, "{t}");
}

#[test]
fn french_and_british_archival_notes_end_to_end() {
    let text = "1 AN, F7 13984, note du 3 avril 1936.\n\
                2 SHD, 7 N 2345, dossier 3.\n\
                3 AD Nord, M 154/52, lettre du préfet au ministre de l’Intérieur, 4 mai 1925.\n\
                4 Smith to Jones, 4 May 1925, TNA, FO 371/12345, fol. 12.\n\
                5 Memorandum by Sir Orme Sargent, 12 March 1936, FO 371/19892.\n";
    let out = ibid(&["parse", "-", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = |n: usize| doc["notes"][n]["citations"][0]["item"].clone();
    assert_eq!(item(0)["archive"], "Archives nationales, Paris");
    assert_eq!(item(0)["archive_location"], "F7 13984");
    assert_eq!(
        item(0)["issued"]["date-parts"][0],
        serde_json::json!([1936, 4, 3])
    );
    // "N 2345" is part of the cote, not a note number
    assert_eq!(item(1)["archive_location"], "7 N 2345, dossier 3");
    assert!(
        doc["notes"][1]["citations"][0]["locator"].is_null(),
        "{doc}"
    );
    assert_eq!(item(2)["archive"], "AD Nord");
    assert_eq!(
        item(2)["title"],
        "lettre du préfet au ministre de l’Intérieur"
    );
    assert_eq!(item(3)["archive_location"], "FO 371/12345");
    assert_eq!(doc["notes"][3]["citations"][0]["locator"], "fol. 12");
    // a file of a well-known series is in its archive
    assert_eq!(item(4)["archive"], "The National Archives, Kew");
    let works = doc["works"].as_array().unwrap();
    assert!(
        works
            .iter()
            .any(|w| w["archive_location"] == "7 N 2345, dossier 3"),
        "{doc}"
    );
}

#[test]
fn bluebook_notes_end_to_end() {
    let text = "1 47 U.S.C. § 230(c)(1) (2018).\n\
                2 Id. § 230(e)(3).\n\
                3 See, e.g., Richard A. Posner, Economic Analysis of Law 213 (9th ed. 2014); cf. Duncan Kennedy, Cost-Benefit Analysis of Entitlement Problems, 33 Stan. L. Rev. 387, 401 (1981).\n\
                4 Posner, supra note 3, at 215.\n";
    let out = ibid(&["parse", "-"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cites: Vec<&serde_json::Value> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| n["citations"].as_array().unwrap())
        .collect();
    let summary: Vec<(String, String, String)> = cites
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap_or("").to_string(),
                c["locator"].as_str().unwrap_or("").to_string(),
                c["item"]["type"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want = [
        ("full", "§ 230(c)(1)", "legislation"),
        ("ibid", "§ 230(e)(3)", "legislation"),
        ("full", "213", "book"),
        ("full", "401", "article-journal"),
        ("cross-reference", "215", "book"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(summary, want);
    // the statute and its Id. are one work; Posner's book is the cross-reference's
    assert_eq!(cites[0]["work"], cites[1]["work"]);
    assert_eq!(cites[2]["work"], cites[4]["work"]);
    assert_eq!(cites[3]["item"]["volume"], "33");
    assert_eq!(cites[3]["item"]["page"], "387");
    let out = ibid(
        &["parse", "-", "--format", "chicago"],
        Some(text.as_bytes()),
    );
    let chicago = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        chicago.contains("1. 47 U.S.C. § 230(c)(1) (2018).\n"),
        "{chicago}"
    );
    assert!(
        chicago.contains("See, e.g., Richard A. Posner, Economic Analysis of Law"),
        "{chicago}"
    );
}
