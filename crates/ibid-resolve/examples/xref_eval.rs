//! Measures back-reference resolution on the hand-linked cross-references of
//! the bibliographic-tei dev set (`bibltei-footnotes-dev.jsonl` and
//! `bibltei-xref-dev.jsonl` in the shared data directory), with items built
//! from the gold field spans, so that only resolution is measured.
//!
//! ```text
//! cargo run -p ibid-resolve --example xref_eval -- [DATA_DIR] [-v]
//! ```
//!
//! A cross-reference counts as right when its citation resolves to the work
//! of the antecedent the annotators named (`xrefs[].target`, else
//! `resolved_sources_xslt`), or, for a part cited "in" it ("… in id.", "… in
//! Thornton, op. cit., n. 4"), when its container is that work.

use ibid_model::{CitationKind, Date, Item, Name};
use ibid_resolve::{resolve, CitationInput, NoteInput};
use serde_json::Value;
use std::collections::HashMap;

fn names(s: &str) -> Vec<Name> {
    s.split(['/', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" und "))
        .map(|p| p.trim().trim_end_matches([',', '.']))
        .filter(|p| !p.is_empty())
        .map(|p| match p.rsplit_once(' ') {
            Some((g, f)) => Name::person(f, Some(g.into())),
            None => Name::person(p, None),
        })
        .collect()
}

fn read_jsonl(path: &str) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{path}: {e}")))
        .collect()
}

struct Cit {
    note: Option<u32>,
    text: String,
    item: Item,
    bibl: String,
}

/// The citations of one document, with items from the gold spans.
fn citations(notes: &[&Value]) -> Vec<Cit> {
    let mut out = Vec::new();
    for n in notes {
        let text = n["text"].as_str().unwrap_or("");
        let chars: Vec<char> = text.chars().collect();
        let sub = |a: &Value, b: &Value| -> String {
            let (a, b) = (
                a.as_u64().unwrap_or(0) as usize,
                b.as_u64().unwrap_or(0) as usize,
            );
            chars
                .get(a.min(b)..b.min(chars.len()))
                .unwrap_or(&[])
                .iter()
                .collect()
        };
        let note = n["footnote"].as_str().and_then(|s| s.parse().ok());
        for r in n["refs"].as_array().into_iter().flatten() {
            let bibl = r["bibl"].as_str().unwrap_or("").to_string();
            let mut it = Item::default();
            let spans = n["spans"].as_array().into_iter().flatten();
            for s in spans.filter(|s| s["bibl"].as_str() == Some(bibl.as_str())) {
                let v = sub(&s["start"], &s["end"]);
                match s["label"].as_str().unwrap_or("") {
                    "author" => it.author.extend(names(&v)),
                    "editor" => it.editor.extend(names(&v)),
                    "title" => drop(it.title.get_or_insert(v)),
                    "container-title" => drop(it.container_title.get_or_insert(v)),
                    "date" => {
                        let digits: String = v.chars().filter(char::is_ascii_digit).collect();
                        if let Some(y) = digits.get(..4).and_then(|y| y.parse().ok()) {
                            it.issued = Some(Date::year(y));
                        }
                    }
                    "pages" => drop(it.page.get_or_insert(v)),
                    "volume" => drop(it.volume.get_or_insert(v)),
                    "publisher" => drop(it.publisher.get_or_insert(v)),
                    "location" => drop(it.publisher_place.get_or_insert(v)),
                    _ => {}
                }
            }
            out.push(Cit {
                note,
                text: sub(&r["start"], &r["end"]),
                item: it,
                bibl,
            });
        }
    }
    out
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/dev".into());
    let notes = read_jsonl(&format!("{dir}/bibltei-footnotes-dev.jsonl"))?;
    let xrefs = read_jsonl(&format!("{dir}/bibltei-xref-dev.jsonl"))?;
    let mut docs: Vec<&str> = Vec::new();
    for n in &notes {
        let d = n["doc"].as_str().unwrap_or("");
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    let (mut right, mut total) = (0, 0);
    for doc in docs {
        let doc_notes: Vec<&Value> = notes.iter().filter(|n| n["doc"] == doc).collect();
        let cits = citations(&doc_notes);
        let mut shape: Vec<(Option<u32>, Vec<usize>)> = Vec::new();
        for (i, c) in cits.iter().enumerate() {
            match shape.last_mut() {
                Some((n, v)) if *n == c.note => v.push(i),
                _ => shape.push((c.note, vec![i])),
            }
        }
        // The segmenter's kind is unknown here: every citation is offered as
        // "full" and the resolver reads its markers.
        let inputs: Vec<NoteInput<'_>> = shape
            .iter()
            .map(|(n, idx)| NoteInput {
                number: *n,
                citations: idx
                    .iter()
                    .map(|&i| CitationInput {
                        text: &cits[i].text,
                        kind: CitationKind::Full,
                        locator: None,
                        item: &cits[i].item,
                        defines: None,
                    })
                    .collect(),
            })
            .collect();
        let r = resolve(&inputs);
        let resolved: HashMap<&str, &ibid_resolve::Resolved> = r
            .citations
            .iter()
            .zip(&shape)
            .flat_map(|(rs, (_, idx))| rs.iter().zip(idx))
            .map(|(res, &i)| (cits[i].bibl.as_str(), res))
            .collect();
        for x in xrefs.iter().filter(|x| x["doc"] == doc) {
            let human: Vec<&str> = x["xrefs"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t["target"].as_str())
                .map(|t| t.trim_start_matches('#'))
                .collect();
            let targets: Vec<&str> = if human.is_empty() {
                x["resolved_sources_xslt"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect()
            } else {
                human
            };
            let bibl = x["bibl"].as_str().unwrap_or("");
            let Some(res) = resolved.get(bibl) else {
                continue;
            };
            if targets.is_empty() {
                continue;
            }
            total += 1;
            let gold: Vec<usize> = targets
                .iter()
                .filter_map(|t| resolved.get(t).and_then(|g| g.work))
                .collect();
            let same = res.work.is_some_and(|w| gold.contains(&w));
            let part = res.item.container_title.is_some()
                && gold.iter().any(|&g| {
                    let w = &r.works[g].item;
                    w.title == res.item.container_title
                        || w.container_title == res.item.container_title
                });
            let ok = same || part;
            right += usize::from(ok);
            if verbose {
                println!(
                    "{} {:<60} {:?} -> {:?} (gold {:?})",
                    if ok { "ok " } else { "BAD" },
                    x["text"].as_str().unwrap_or(""),
                    res.kind,
                    res.work.and_then(|w| r.work_id(w)),
                    targets
                );
            }
        }
    }
    println!("cross-references resolved to the annotated antecedent: {right}/{total}");
    Ok(())
}
