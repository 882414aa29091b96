//! The repository's fixture documents (`test_data/documents/*.txt`, written
//! by the project, with hand-made gold): cleaned as in the pipeline, split into
//! notes and citations, and scored. The floors below are a ratchet: raise them
//! when segmentation improves, never lower them silently.

use ibid_model::MappedText;
use std::fs;
use std::path::PathBuf;

#[derive(Debug, Default)]
struct Score {
    documents: usize,
    notes_ok: usize,
    gold: usize,
    predicted: usize,
    text: usize,
    kind: usize,
    locator: usize,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../test_data/documents")
}

fn score() -> Score {
    let dir = fixtures();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut sc = Score::default();
    for name in names {
        let Ok(gold) = fs::read_to_string(dir.join(name.replace(".txt", ".gold.json"))) else {
            continue;
        };
        let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold is JSON");
        let input = fs::read_to_string(dir.join(&name)).expect("fixture is text");
        let cleaned = ibid_clean::clean(&MappedText::identity(&input, 0));
        let split = ibid_segment::split_notes(&cleaned.text, &cleaned.breaks);
        let gnotes = gold["notes"].as_array().cloned().unwrap_or_default();
        sc.documents += 1;
        // numbered notes of prose are notes without citations, not prose blocks
        if split.notes.len() == gnotes.len()
            && split.notes.iter().zip(&gnotes).all(|(n, g)| {
                let prose = g["prose"].as_bool().unwrap_or(false) && g["number"].is_null();
                n.number.map(i64::from) == g["number"].as_i64() && n.prose == prose
            })
        {
            sc.notes_ok += 1;
        } else {
            continue;
        }
        for (note, g) in split.notes.iter().zip(&gnotes) {
            let text = note.text.as_str();
            let preds = ibid_segment::split_citations(note);
            let gc = g["citations"].as_array().cloned().unwrap_or_default();
            sc.gold += gc.len();
            sc.predicted += preds.len();
            for c in &gc {
                let want = c["text"].as_str().unwrap_or("");
                if let Some(p) = preds.iter().find(|p| &text[p.range.clone()] == want) {
                    sc.text += 1;
                    sc.kind += usize::from(p.kind.as_str() == c["kind"].as_str().unwrap_or(""));
                    let loc = p.locator.clone().map(|l| &text[l]);
                    sc.locator += usize::from(loc == c["locator"].as_str());
                }
            }
        }
    }
    sc
}

#[test]
fn fixture_documents_are_segmented_as_the_gold_says() {
    let sc = score();
    assert!(sc.documents >= 8, "fixture documents missing: {sc:?}");
    assert_eq!(sc.notes_ok, sc.documents, "note sequences differ: {sc:?}");
    let recall = sc.text as f64 / sc.gold.max(1) as f64;
    let precision = sc.text as f64 / sc.predicted.max(1) as f64;
    assert!(recall >= 0.98, "citation recall {recall:.3}: {sc:?}");
    assert!(
        precision >= 0.98,
        "citation precision {precision:.3}: {sc:?}"
    );
    assert!(sc.kind as f64 >= 0.97 * sc.text as f64, "kinds: {sc:?}");
    assert!(
        sc.locator as f64 >= 0.97 * sc.text as f64,
        "locators: {sc:?}"
    );
}
