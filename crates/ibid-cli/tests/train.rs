//! `ibid train` and `ibid eval --model` as a user runs them: a model trained
//! on a few annotated references is written, loaded and scored.

mod common;

use common::{ibid, stderr};
use serde_json::json;

/// A gold record from labelled pieces (`label` "" for text outside fields),
/// joined by single spaces; offsets in code points, as the format wants.
fn record(id: usize, pieces: &[(&str, &str)]) -> String {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (label, piece) in pieces {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.chars().count();
        text.push_str(piece);
        if !label.is_empty() {
            let end = text.chars().count();
            spans.push(json!({"label": label, "start": start, "end": end}));
        }
    }
    json!({"source": "test", "id": format!("test:{id}"), "text": text, "spans": spans}).to_string()
}

/// Forty references in two invented styles (names, titles and places
/// varied by index), enough for a model to learn both.
fn training_file() -> String {
    let given = ["Anna", "Marco", "Jean", "Ruth", "Karl"];
    let family = ["Bianchi", "Durand", "Keller", "Olsen", "Moreau", "Lenz"];
    let words = ["Storia", "Histoire", "Archive", "Città", "Commerce", "Seas"];
    let places = ["Venezia", "Paris", "Berlin", "London", "Milano"];
    let mut out = String::new();
    for i in 0..40 {
        let author = format!("{} {},", given[i % 5], family[i % 6]);
        let title = format!("{} of the {} {},", words[i % 6], words[(i + 2) % 6], i);
        let year = format!("{}.", 1900 + i * 2);
        let line = if i % 2 == 0 {
            record(
                i,
                &[
                    ("author", &author),
                    ("title", &title),
                    ("location", places[i % 5]),
                    ("date", &year),
                ],
            )
        } else {
            let pages = format!("pp. {}-{}.", 10 + i, 30 + i);
            let volume = format!("{},", 3 + i % 9);
            record(
                i,
                &[
                    ("author", &author),
                    ("title", &title),
                    ("container-title", "Journal of Things,"),
                    ("volume", &volume),
                    ("pages", &pages),
                ],
            )
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn train_writes_a_model_that_eval_and_refs_load() {
    let dir = std::env::temp_dir().join(format!("ibid-train-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, training_file()).unwrap();
    let gold_s = gold.to_str().unwrap();
    for (name, extra, version) in [
        ("plain.crf", None, 1u32),
        ("classes.crf", Some("--class-transitions"), 2),
    ] {
        let model = dir.join(name);
        let model_s = model.to_str().unwrap();
        let mut args = vec!["train", gold_s, "-o", model_s, "--iterations", "40", "-q"];
        args.extend(extra);
        let out = ibid(&args, None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        // the file's format version says whether it has a matrix per class
        let bytes = std::fs::read(&model).unwrap();
        assert_eq!(&bytes[..8], b"IBIDCRF\0");
        assert_eq!(bytes[8..12], version.to_le_bytes(), "{name}");

        let out = ibid(&["eval", "--json", "--model", model_s, gold_s], None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let fields = report["fields"].as_array().unwrap();
        let sum = |k: &str| fields.iter().map(|f| f[k].as_u64().unwrap()).sum::<u64>();
        let (correct, gold_n) = (sum("correct"), sum("gold"));
        assert_eq!(gold_n, 20 * 4 + 20 * 5, "{name}: gold fields");
        assert!(
            correct * 10 >= gold_n * 9,
            "{name}: a model scores {correct} of {gold_n} on its own training data"
        );

        let line = "Ruth Keller, Seas of the Storia 7, Paris 1931.\n";
        let out = ibid(&["refs", "--model", model_s, "-"], Some(line.as_bytes()));
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let item: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(item["author"][0]["family"], "Keller", "{name}: {item}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// `--model` with a file that is no model — missing, a directory, empty,
/// binary, endless, or a real model damaged — is one clear error and a
/// non-zero exit, never a panic or a hang.
#[test]
fn a_bad_model_file_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("ibid-bad-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, training_file()).unwrap();
    let good = dir.join("good.crf");
    let (gold_s, good_s) = (gold.to_str().unwrap(), good.to_str().unwrap());
    let args = ["train", gold_s, "-o", good_s, "--iterations", "5", "-q"];
    let out = ibid(&[&args[..], &["--class-transitions"]].concat(), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let model = std::fs::read(&good).unwrap();
    let mut flipped = model.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x5a;
    let mut binary: Vec<u8> = (0..4096u32).map(|i| (i * 151 % 251) as u8).collect();
    binary.extend_from_slice(&[0xff, 0xfe, 0x00, 0xc3]);
    let cases: Vec<(&str, Option<Vec<u8>>, &str)> = vec![
        ("missing.crf", None, "cannot read model"),
        ("empty.crf", Some(Vec::new()), "truncated"),
        ("binary.crf", Some(binary), "bad magic"),
        ("flipped.crf", Some(flipped), "checksum"),
        (
            "truncated.crf",
            Some(model[..model.len() / 2].to_vec()),
            "truncated",
        ),
    ];
    let mut paths = Vec::new();
    for (name, bytes, want) in cases {
        let path = dir.join(name);
        if let Some(b) = bytes {
            std::fs::write(&path, b).unwrap();
        }
        paths.push((path.to_str().unwrap().to_string(), want));
    }
    paths.push((dir.to_str().unwrap().to_string(), "cannot read model"));
    if std::path::Path::new("/dev/zero").exists() {
        paths.push(("/dev/zero".to_string(), "larger than 64 MiB"));
    }
    let refs = dir.join("refs.txt");
    std::fs::write(&refs, "Smith, Origins, 1961.\n").unwrap();
    for (path, want) in &paths {
        let out = ibid(&["refs", "--model", path, refs.to_str().unwrap()], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{path}: {err}");
        assert!(err.contains(want), "{path}: wanted {want:?} in {err}");
        assert!(!err.contains("panicked"), "{path}: {err}");
        assert!(out.stdout.is_empty(), "{path}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
