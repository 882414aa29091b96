//! Fixture documents: every `test_data/documents/*.{txt,html}` is parsed, the
//! output is validated against the document schema and compared with
//! `test_data/documents/expected/<name>.json`; documents with a
//! `<name>.gold.json` are scored and the scores may not fall below the ratchet
//! in `test_data/documents/scores.json`.
//!
//! `UPDATE_EXPECT=1 cargo test -p ibid --test documents` rewrites the expected
//! outputs and the ratchet (review the diff before committing).

mod common;

use common::{repo_root, update_mode, validate_document};
use ibid::score::{score, Gold, Scores};
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

fn documents() -> Vec<PathBuf> {
    let dir = repo_root().join("test_data/documents");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.ends_with(".txt") || name.ends_with(".html")) && !name.contains(".gold.")
        })
        .collect();
    paths.sort();
    paths
}

fn stem(p: &std::path::Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string()
}

#[test]
fn documents_match_expected_output_and_schema() {
    let docs = documents();
    assert!(
        docs.len() >= 7,
        "expected the fixture documents, found {}",
        docs.len()
    );
    let expected_dir = repo_root().join("test_data/documents/expected");
    let mut failures = Vec::new();
    for path in &docs {
        let bytes = fs::read(path).unwrap();
        let doc = ibid::Parser::new()
            .parse_bytes(&bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value = serde_json::to_value(&doc).unwrap();
        validate_document(&value, &path.display().to_string());
        let actual = serde_json::to_string_pretty(&value).unwrap() + "\n";
        let expected_path = expected_dir.join(format!("{}.json", stem(path)));
        if update_mode() {
            fs::create_dir_all(&expected_dir).unwrap();
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(_) => failures.push(format!(
                "{} differs from {}",
                path.display(),
                expected_path.display()
            )),
            Err(_) => failures.push(format!("{} is missing", expected_path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(run with UPDATE_EXPECT=1 to accept the new output, then review the diff)",
        failures.join("\n")
    );
}

#[test]
fn gold_scores_do_not_fall() {
    let ratchet_path = repo_root().join("test_data/documents/scores.json");
    let ratchet: BTreeMap<String, BTreeMap<String, f64>> = fs::read_to_string(&ratchet_path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let mut now: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let mut total = Scores::default();
    let mut drops = Vec::new();
    for path in documents() {
        let gold_path = path.with_file_name(format!("{}.gold.json", stem(&path)));
        let Ok(gold_text) = fs::read_to_string(&gold_path) else {
            continue;
        };
        let gold: Gold = serde_json::from_str(&gold_text)
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let doc = ibid::Parser::new()
            .parse_bytes(&fs::read(&path).unwrap())
            .unwrap();
        let s = score(&doc, &gold);
        eprintln!("== {}\n{s}", stem(&path));
        total.add(&s);
        let mut entry = BTreeMap::new();
        for (name, r) in s.entries() {
            let v = (r.value() * 1000.0).floor() / 1000.0;
            entry.insert(name.to_string(), v);
            if let Some(old) = ratchet.get(&stem(&path)).and_then(|m| m.get(name)) {
                if v + 1e-9 < *old {
                    drops.push(format!("{}: {name} fell from {old} to {v}", stem(&path)));
                }
            }
        }
        now.insert(stem(&path), entry);
    }
    eprintln!("== all gold documents\n{total}");
    if update_mode() {
        fs::write(
            &ratchet_path,
            serde_json::to_string_pretty(&now).unwrap() + "\n",
        )
        .unwrap();
        return;
    }
    assert!(
        drops.is_empty(),
        "scores fell below the ratchet:\n{}",
        drops.join("\n")
    );
}

#[test]
fn the_schema_names_every_item_type() {
    let path = common::repo_root().join("schemas/ibid-document.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let names = &schema["$defs"]["itemType"]["enum"];
    for t in ibid_model::ItemType::ALL {
        assert!(
            names
                .as_array()
                .is_some_and(|n| n.iter().any(|v| v == t.as_str())),
            "{} is missing from the document schema's item types",
            t.as_str()
        );
    }
}
