//! Runs `to_item` over every gold record of the shared training and
//! development corpora (`shared/data/{train,dev}/*.jsonl`, read in place,
//! never copied) and checks it never panics, always yields a serialisable
//! item with a type, and reads most names, dates and pages.
//!
//! The data directory is `$IBID_DATA_DIR`, else `../shared/data` beside the
//! repository, else `/work/shared/data`. When none exists the test prints a
//! loud notice and passes. Set `IBID_CSL_EXAMPLES=n` to print up to n
//! unread spans per kind.

use ibid_model::{ItemType, Label};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn data_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Ok(d) = std::env::var("IBID_DATA_DIR") {
        candidates.push(PathBuf::from(d));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    candidates.push(PathBuf::from("/work/shared/data"));
    candidates
        .into_iter()
        .find(|p| p.join("train").is_dir() || p.join("dev").is_dir())
}

/// Code-point offsets into byte offsets.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// One reference: its text, labelled byte ranges, and the coarse type its
/// source's own tags imply (journal article, part of a book, book).
struct Record {
    source: String,
    text: String,
    fields: Vec<(Label, Range<usize>)>,
    expected: Option<Expected>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Expected {
    /// A title in a journal (AnyStyle `journal`, TEI `title[level=j]`).
    Article,
    /// A title in a book (AnyStyle `container-title`, TEI `title[level=m]` container).
    InBook,
    /// A monograph title alone (TEI `title[level=m]`, no container).
    Book,
}

impl Expected {
    /// Whether a type fits the source's tags. The tags have no legal
    /// category (TEI and AnyStyle tag a case name as a title), so a legal
    /// case or statute fits any of them.
    fn accepts(self, t: ItemType) -> bool {
        if matches!(t, ItemType::LegalCase | ItemType::Legislation) {
            return true;
        }
        match self {
            Expected::Article => matches!(
                t,
                ItemType::ArticleJournal | ItemType::ArticleNewspaper | ItemType::ArticleMagazine
            ),
            Expected::InBook => matches!(
                t,
                ItemType::Chapter | ItemType::PaperConference | ItemType::EntryEncyclopedia
            ),
            Expected::Book => matches!(
                t,
                ItemType::Book | ItemType::Report | ItemType::Thesis | ItemType::Legislation
            ),
        }
    }
}

/// The coarse type the source tags of one reference's spans imply.
fn expected(spans: &[(String, String)]) -> Option<Expected> {
    let has = |label: &str, orig: &[&str]| {
        spans
            .iter()
            .any(|(l, o)| l == label && orig.iter().any(|x| o == x))
    };
    let title = spans.iter().any(|(l, _)| l == "title");
    let container = spans.iter().any(|(l, _)| l == "container-title");
    if title && has("container-title", &["journal", "title[level=j]"]) {
        Some(Expected::Article)
    } else if title && has("container-title", &["container-title", "title[level=m]"]) {
        Some(Expected::InBook)
    } else if !container && has("title", &["title[level=m]"]) {
        Some(Expected::Book)
    } else {
        None
    }
}

fn records(path: &Path) -> Vec<Record> {
    let Ok(content) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in content.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let (Some(text), Some(json_spans)) = (v["text"].as_str(), v["spans"].as_array()) else {
            continue;
        };
        let source = v["source"].as_str().unwrap_or("?").to_string();
        let tags = |range: Option<(usize, usize)>| -> Vec<(String, String)> {
            json_spans
                .iter()
                .filter(|s| {
                    range.is_none_or(|(a, b)| {
                        let st = s["start"].as_u64().unwrap_or(0) as usize;
                        st >= a && st < b
                    })
                })
                .map(|s| {
                    (
                        s["label"].as_str().unwrap_or("").to_string(),
                        s["orig"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        };
        let offs = byte_offsets(text);
        let at = |cp: u64| offs.get(cp as usize).copied().unwrap_or(text.len());
        let spans: Vec<(Label, usize, usize)> = json_spans
            .iter()
            .filter_map(|s| {
                let label: Label = s["label"].as_str()?.parse().ok()?;
                Some((label, at(s["start"].as_u64()?), at(s["end"].as_u64()?)))
            })
            .collect();
        // Whole footnotes: one reference per `refs` entry.
        if let Some(refs) = v["refs"].as_array() {
            for r in refs {
                let (Some(s), Some(e)) = (r["start"].as_u64(), r["end"].as_u64()) else {
                    continue;
                };
                let exp = expected(&tags(Some((s as usize, e as usize))));
                let (s, e) = (at(s), at(e));
                let fields = spans
                    .iter()
                    .filter(|(_, a, b)| *a >= s && *b <= e)
                    .map(|(l, a, b)| (*l, a - s..b - s))
                    .collect();
                out.push(Record {
                    source: source.clone(),
                    text: text[s..e].to_string(),
                    fields,
                    expected: exp,
                });
            }
            continue;
        }
        out.push(Record {
            source,
            text: text.to_string(),
            fields: spans.into_iter().map(|(l, a, b)| (l, a..b)).collect(),
            expected: expected(&tags(None)),
        });
    }
    out
}

/// CPU time of this thread in seconds (Linux), else wall-clock time: the
/// machine is shared, and wall-clock time would count other processes.
fn cpu_seconds(wall: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

#[derive(Default)]
struct Counts {
    refs: usize,
    author_spans: usize,
    author_named: usize,
    author_family: usize,
    date_spans: usize,
    date_parts: usize,
    date_with_year: usize,
    page_spans: usize,
    page_first: usize,
    page_digit_spans: usize,
    titles: usize,
    types: BTreeMap<&'static str, usize>,
}

#[test]
fn gold_corpora() {
    let Some(dir) = data_dir() else {
        eprintln!("\n!!!!!!!! ibid-csl corpus test SKIPPED: no shared/data directory found (set IBID_DATA_DIR) !!!!!!!!\n");
        return;
    };
    let mut files: Vec<PathBuf> = ["train", "dev"]
        .iter()
        .filter_map(|d| std::fs::read_dir(dir.join(d)).ok())
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    let examples: usize = std::env::var("IBID_CSL_EXAMPLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut show = |kind: &'static str, what: &str| {
        let n = shown.entry(kind).or_default();
        if *n < examples {
            *n += 1;
            eprintln!("  [{kind}] {what}");
        }
    };
    let all_records: Vec<Record> = files.iter().flat_map(|f| records(f)).collect();
    let total_refs = all_records.len();
    // Time to_item alone, over the whole corpus (best of three passes in a
    // release build).
    let mut elapsed = f64::MAX;
    let mut items = Vec::new();
    let passes = if cfg!(debug_assertions) { 1 } else { 3 };
    for _ in 0..passes {
        let wall = Instant::now();
        let t0 = cpu_seconds(wall);
        items = all_records
            .iter()
            .map(|r| ibid_csl::to_item(&r.text, &r.fields))
            .collect::<Vec<_>>();
        elapsed = elapsed.min(cpu_seconds(wall) - t0);
    }
    let mut by_source: BTreeMap<String, Counts> = BTreeMap::new();
    let mut type_hits: BTreeMap<Expected, (usize, usize)> = BTreeMap::new();
    let mut confusions: BTreeMap<(Expected, &'static str), usize> = BTreeMap::new();
    for (rec, item) in all_records.iter().zip(&items) {
        if let Some(exp) = rec.expected {
            let e = type_hits.entry(exp).or_default();
            e.1 += 1;
            if exp.accepts(item.item_type) {
                e.0 += 1;
            } else {
                *confusions
                    .entry((exp, item.item_type.as_str()))
                    .or_default() += 1;
                show(
                    "type",
                    &format!("{exp:?} → {}: {}", item.item_type.as_str(), rec.text),
                );
            }
        }
        {
            let v = serde_json::to_value(item).expect("item serialises");
            assert!(v["type"].is_string(), "type set: {v}");
            let c = by_source.entry(rec.source.clone()).or_default();
            c.refs += 1;
            *c.types.entry(item.item_type.as_str()).or_default() += 1;
            if item.title.is_some() {
                c.titles += 1;
            }
            for (label, r) in &rec.fields {
                let r = r.clone();
                let s = &rec.text[r];
                match label {
                    // "———." stands for the previous author: not a name
                    Label::Author if s.chars().any(char::is_alphabetic) => {
                        c.author_spans += 1;
                        let p = ibid_csl::parse_names(s);
                        if p.names.iter().any(|n| n.family.is_some()) {
                            c.author_family += 1;
                        }
                        if p.names
                            .iter()
                            .any(|n| n.family.is_some() || n.literal.is_some())
                        {
                            c.author_named += 1;
                        } else {
                            show("author", s);
                        }
                    }
                    Label::Date => {
                        c.date_spans += 1;
                        let has_year = s
                            .as_bytes()
                            .windows(4)
                            .any(|w| w.iter().all(u8::is_ascii_digit));
                        if has_year {
                            c.date_with_year += 1;
                        }
                        match ibid_csl::parse_date(s) {
                            Some(d) if !d.date_parts.is_empty() => {
                                c.date_parts += usize::from(has_year)
                            }
                            _ if has_year => show("date", s),
                            _ => {}
                        }
                    }
                    Label::Pages => {
                        c.page_spans += 1;
                        if s.chars().any(|c| c.is_ascii_digit()) {
                            c.page_digit_spans += 1;
                            match ibid_csl::normalise_pages(s) {
                                Some(p) if p.first.is_some() => c.page_first += 1,
                                _ => show("pages", s),
                            }
                        }
                    }
                    _ => {}
                }
            }
            if item.item_type == ItemType::Document && item.title.is_some() {
                show("document-with-title", &rec.text);
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let mut all = Counts::default();
    eprintln!(
        "\nibid-csl over {} gold references in {}",
        total_refs,
        dir.display()
    );
    for (src, c) in &by_source {
        eprintln!(
            "  {src:28} refs {:6}  author→name {:5.1}%  date(with year)→parts {:5.1}%  pages(with digit)→first {:5.1}%  types {:?}",
            c.refs,
            pct(c.author_named, c.author_spans),
            pct(c.date_parts, c.date_with_year),
            pct(c.page_first, c.page_digit_spans),
            c.types
        );
        all.refs += c.refs;
        all.author_spans += c.author_spans;
        all.author_named += c.author_named;
        all.author_family += c.author_family;
        all.date_spans += c.date_spans;
        all.date_parts += c.date_parts;
        all.date_with_year += c.date_with_year;
        all.page_spans += c.page_spans;
        all.page_first += c.page_first;
        all.page_digit_spans += c.page_digit_spans;
        all.titles += c.titles;
    }
    let author = pct(all.author_named, all.author_spans);
    let date = pct(all.date_parts, all.date_with_year);
    let pages = pct(all.page_first, all.page_digit_spans);
    eprintln!(
        "  ALL: author spans with a family name {:.1}%",
        pct(all.author_family, all.author_spans)
    );
    eprintln!(
        "  ALL: author spans {} → name {author:.1}%; date spans with a 4-digit run {} → date-parts {date:.1}%; page spans with a digit {} → first page {pages:.1}%",
        all.author_spans, all.date_with_year, all.page_digit_spans
    );
    eprintln!(
        "  to_item: {:.2} µs/reference ({} build)",
        1e6 * elapsed / total_refs.max(1) as f64,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    for (exp, (hit, n)) in &type_hits {
        eprintln!(
            "  type {exp:?}: {:.1}% of {n} references typed as expected",
            pct(*hit, *n)
        );
    }
    eprintln!("  type confusions: {confusions:?}");
    for (exp, (hit, n)) in &type_hits {
        assert!(pct(*hit, *n) >= 80.0, "type {exp:?}: {:.1}%", pct(*hit, *n));
    }
    assert!(author >= 97.0, "author spans read as names: {author:.1}%");
    assert!(date >= 97.0, "date spans with a year read: {date:.1}%");
    assert!(pages >= 95.0, "page spans with a first page: {pages:.1}%");
}
