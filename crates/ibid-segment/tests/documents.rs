//! Documents split into notes: wrapped and run-together notes, numbering
//! styles and problems, chapters, headings and reference lists. Every
//! document here was written for these tests.

use ibid_model::InputForm;

mod common;
use common::*;

#[test]
fn wrapped_and_run_together_notes() {
    let doc = "12 Taylor, A. J. P., The Origins of the Second World War (London,\n\
               1961), p. 88.\n\
               13 Smith observed that\n\
               45 per cent of the electorate abstained.\n\
               14 Taylor, Origins, p. 28. 15 Ibid., p. 30.\n\
               16 Ibid., p. 31. 5 vols appeared.\n";
    let sp = split(doc);
    let got: Vec<(Option<u32>, &str)> = sp
        .notes
        .iter()
        .map(|n| (n.number, n.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(12),
                "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88."
            ),
            (
                Some(13),
                "Smith observed that 45 per cent of the electorate abstained."
            ),
            (Some(14), "Taylor, Origins, p. 28."),
            (Some(15), "Ibid., p. 30."),
            (Some(16), "Ibid., p. 31. 5 vols appeared."),
        ]
    );
    assert!(sp.diagnostics.is_empty());
    // the label of note 15 is inside line 14
    let l = sp.labels[3].clone().unwrap_or(0..0);
    assert_eq!(&doc[l], "15");
}

#[test]
fn numbering_problems_are_reported() {
    let sp = split("1 Ibid.\n2 Ibid.\n4 Ibid.\n4 Ibid.\n5 Ibid.");
    let codes: Vec<&str> = sp.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["note-number-skipped", "note-number-repeated"]);
    assert_eq!(sp.diagnostics[0].note, Some(4));
    assert_eq!(sp.diagnostics[0].orig, Some(16..17));
}

#[test]
fn acknowledgment_and_headings_are_prose() {
    let doc = "Acknowledgments\n\nI am grateful to the archivists of Kew.\n\nNotes\n1 Ibid.\n2 Ibid., p. 4.";
    let sp = split(doc);
    let got: Vec<(Option<u32>, bool)> = sp.notes.iter().map(|n| (n.number, n.prose)).collect();
    assert_eq!(
        got,
        [
            (None, true),
            (None, true),
            (None, true),
            (Some(1), false),
            (Some(2), false)
        ]
    );
    assert!(ibid_segment::split_citations(&sp.notes[1]).is_empty());
}

#[test]
fn numbering_styles() {
    for doc in [
        "1. Ibid.\n2. Ibid.\n3. Ibid.",
        "[1] Ibid.\n[2] Ibid.\n[3] Ibid.",
        "1) Ibid.\n2) Ibid.\n3) Ibid.",
        "n. 1 Ibid.\nn. 2 Ibid.\nn. 3 Ibid.",
        "note 1 Ibid.\nnote 2 Ibid.\nnote 3 Ibid.",
        "¹ Ibid.\n² Ibid.\n³ Ibid.",
        "1\nIbid.\n2\nIbid.\n3\nIbid.",
    ] {
        assert_eq!(numbers(doc), [Some(1), Some(2), Some(3)], "{doc:?}");
        assert!(
            split(doc).notes.iter().all(|n| n.text.as_str() == "Ibid."),
            "{doc:?}"
        );
    }
}

#[test]
fn chapters_restart_numbering() {
    let sp = split("Chapter 1\n1 Ibid.\n2 Ibid.\nChapter 2\n1 Ibid.\n2 Ibid.");
    let got: Vec<Option<u32>> = sp.notes.iter().map(|n| n.number).collect();
    assert_eq!(got, [None, Some(1), Some(2), None, Some(1), Some(2)]);
    assert_eq!(sp.diagnostics[0].code, "note-numbering-restarted");
}

#[test]
fn reference_list_one_per_line() {
    let doc = "Bender, Rolf, 1980: Erfolgsbarrieren vor Gericht. Tübingen.\n\
               Black, Donald, 1973: The Mobilization of Law.\n\
               Carlin, Jerome, 1967: Civil Justice and the Poor. New York.\n";
    let sp = split(doc);
    assert_eq!(sp.form, InputForm::ReferenceList);
    assert_eq!(numbers(doc), [Some(1), Some(2), Some(3)]);
    for n in &sp.notes {
        assert_eq!(
            ibid_segment::split_citations(n).len(),
            1,
            "{}",
            n.text.as_str()
        );
    }
}

#[test]
fn reference_list_with_blank_lines() {
    let doc =
        "Taylor, A. J. P. The Origins of the Second World War.\nLondon: Hamish Hamilton, 1961.\n\n\
               Smith, John. Appeasement and Its Critics.\nOxford: Clarendon Press, 1975.\n\n\
               Jones, Karen. Diplomacy. London, 1980.\n";
    let sp = split(doc);
    assert_eq!(sp.form, InputForm::ReferenceList);
    assert_eq!(sp.notes.len(), 3);
    assert_eq!(
        sp.notes[0].text.as_str(),
        "Taylor, A. J. P. The Origins of the Second World War. London: Hamish Hamilton, 1961."
    );
    let c = ibid_segment::split_citations(&sp.notes[0]);
    assert_eq!(c.len(), 1);
}

#[test]
fn citation_ranges_map_to_the_original() {
    let doc = "1 Taylor, Origins,\n   p. 28; see Smith,\n   Appeasement, p. 4.";
    let sp = split(doc);
    let note = &sp.notes[0];
    let c = ibid_segment::split_citations(note);
    assert_eq!(c.len(), 2);
    let orig = note.text.orig_range(c[1].range.clone());
    assert_eq!(&doc[orig], "Smith,\n   Appeasement, p. 4");
}

#[test]
fn bibliography_with_sub_headings() {
    let doc = "Bibliography\nManuscript sources\nBritish Library, London. Add MS 38227, Liverpool Papers, vol. 38.\n\
               The National Archives, Kew. CO 137/89, Jamaica: Original Correspondence, 1791.\nPublished works\n\
               Armitage, David. The Ideological Origins of the British Empire. Cambridge: Cambridge University Press, 2000.\n\
               ———. Another Book. London: Verso, 2002.\n";
    let sp = split(doc);
    let got: Vec<(Option<u32>, bool)> = sp.notes.iter().map(|n| (n.number, n.prose)).collect();
    assert_eq!(
        got,
        [
            (None, true),
            (None, true),
            (Some(1), false),
            (Some(2), false),
            (None, true),
            (Some(3), false),
            (Some(4), false)
        ]
    );
    assert_eq!(
        texts(sp.notes[6].text.as_str()),
        ["———. Another Book. London: Verso, 2002"]
    );
}
