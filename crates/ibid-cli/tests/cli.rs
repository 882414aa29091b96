//! Runs the `ibid` binary as a user would.

mod common;

use common::{ibid, note_line, repo, stderr};
use std::process::{Command, Output, Stdio};

fn fixture_documents() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(repo().join("test_data/documents"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.to_string_lossy();
            (n.ends_with(".txt") || n.ends_with(".html")) && !n.contains(".gold.")
        })
        .map(|p| {
            p.strip_prefix(repo())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn parse_example_gives_a_json_document() {
    let out = ibid(&["parse", "examples/notes.txt"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["notes"].as_array().unwrap().len() >= 5);
    assert!(doc["works"].as_array().is_some());
}

#[test]
fn parse_every_fixture_in_every_document_format() {
    for file in fixture_documents() {
        for format in [
            "json",
            "jsonl",
            "text",
            "csl-json",
            "bibtex",
            "biblatex",
            "ris",
            "tei",
            "jats",
            "chicago",
            "chicago-html",
            "html",
        ] {
            let out = ibid(&["parse", "--format", format, &file], None);
            assert!(
                out.status.success(),
                "{file} --format {format}: {}",
                stderr(&out)
            );
            assert!(
                !out.stdout.is_empty(),
                "{file} --format {format}: no output"
            );
            if format == "jsonl" {
                for line in String::from_utf8(out.stdout).unwrap().lines() {
                    let v: serde_json::Value = serde_json::from_str(line)
                        .unwrap_or_else(|e| panic!("{file}: bad JSON line {line:?}: {e}"));
                    assert!(v.is_object());
                }
            }
        }
    }
}

#[test]
fn html_page_carries_the_document_on_its_source_text() {
    let input = "1 Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.\n2 Ibid., p. 91.\n";
    let out = ibid(&["parse", "--format", "html", "-"], Some(input.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"));
    let start = page.find("id=\"ibid-data\">").expect("data island") + "id=\"ibid-data\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(data["source"], input);
    assert_eq!(data["document"]["notes"].as_array().unwrap().len(), 2);
    assert!(data["exports"]["bibtex"]
        .as_str()
        .unwrap()
        .contains("Origins"));
}

#[test]
fn stdin_is_read_with_dash_and_by_default() {
    let text = b"1 Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.\n2 Ibid., p. 91.\n";
    for args in [&["parse", "-"][..], &["parse"][..]] {
        let out = ibid(args, Some(text));
        assert!(out.status.success(), "{}", stderr(&out));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["notes"].as_array().unwrap().len(), 2);
        assert_eq!(doc["notes"][1]["citations"][0]["kind"], "ibid");
    }
}

#[test]
fn empty_input_is_a_valid_empty_document() {
    let out = ibid(&["parse", "-"], Some(b""));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["notes"], serde_json::json!([]));
    assert_eq!(doc["works"], serde_json::json!([]));
}

fn assert_clear_error(out: &Output, needle: &str) {
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(out));
    let err = stderr(out);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err:?}"
    );
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_inputs_fail_with_one_line_and_exit_2() {
    assert_clear_error(
        &ibid(&["parse", "-"], Some(b"1 Taylor \xff\xfe p. 3\n")),
        "UTF-8",
    );
    assert_clear_error(
        &ibid(
            &["parse", "-"],
            Some(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"),
        ),
        "binary",
    );
    assert_clear_error(&ibid(&["parse", "test_data"], None), "directory");
    assert_clear_error(&ibid(&["parse", "no/such/file.txt"], None), "no such file");
    let out = ibid(
        &["parse", "--format", "nonsense", "examples/notes.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}

/// The edges of this session's note forms: a citation ending in "et" after
/// a locator (found by fuzzing), a bare "Id., ibid.", a cote cut short, an
/// "in:" with no host, 20,000 volumes before a page; every note comes back,
/// in JSON and in Chicago.
/// Also signals, a lone particle, a Spanish ibid with an empty number, a
/// newspaper with no date, and 20,000 signals after a volume.
#[test]
fn parse_survives_the_edges_of_volume_cote_and_host_forms() {
    let text = format!(
        "1 Braudel, vol. I, et\n2 Id., ibid.\n3 SHD, 7 N\n4 X, in: Ders.,\n5 Braudel, op. cit., {}p. 12.\n\
         6 Vgl. auch\n7 du\n8 Ibídem, n.\n9 El Sol, \n10 Nora, t. I, {}\n",
        "vol. II, ".repeat(20_000),
        "Vgl. auch n° ".repeat(20_000)
    );
    for format in ["json", "chicago"] {
        let out = ibid(
            &["parse", "-", "-q", "--format", format],
            Some(text.as_bytes()),
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let t = String::from_utf8(out.stdout).unwrap();
        if format == "json" {
            let doc: serde_json::Value = serde_json::from_str(&t).unwrap();
            assert_eq!(doc["notes"].as_array().unwrap().len(), 10, "{t}");
        } else {
            assert!(note_line(&t, "5.").len() > 2, "{t}");
        }
    }
}

#[test]
fn refs_gives_one_line_per_input_line() {
    let input = "Taylor, A. J. P., The Origins of the Second World War (London, 1961).\n\n\u{0}\u{1}\u{2}\n;;;..,,\n毛泽东 (Mao Zedong), 论持久战\n";
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"bad \xff line\n");
    bytes.extend_from_slice("x".repeat(100_000).as_bytes());
    // hostile lines for the cleaning and the list number: tags, brackets
    bytes.push(b'\n');
    bytes.extend_from_slice("<i>".repeat(30_000).as_bytes());
    bytes.extend_from_slice(b"\n[1] ");
    bytes.extend_from_slice("(".repeat(50_000).as_bytes());
    // hostile lines for the archival (French, British, Spanish),
    // same-author, author-year, volume-title, bracketed-role, newspaper and
    // Portuguese-name and multi-word place rules
    for hostile in [
        format!("AN, {}note du 3 avril 1936.", "F7 13984, ".repeat(20_000)),
        format!("X, {}", "in: Ders., ".repeat(20_000)),
        format!("Bender, {}Schumacher, 1980: T.", "Rolf und ".repeat(20_000)),
        format!("AN, ,,,, {}", "\u{FFFD}".repeat(20_000)),
        format!("Storia{}, Roma 1990.", ", vol. 1, Abcd efgh".repeat(20_000)),
        format!("Storia, t. I, {}", "La République (".repeat(20_000)),
        format!("Wehler {}, Titel.", "(Hrsg.)".repeat(20_000)),
        format!("AHN, {}exp. 12.", "leg. 2845, ".repeat(20_000)),
        format!("El Sol, {}1931.", "14 de abril de ".repeat(20_000)),
        format!("Caio {}Júnior, Título.", "Prado ".repeat(20_000)),
        format!(
            "X, Título, {}José Olympio, 1936.",
            "Rio de Janeiro, ".repeat(20_000)
        ),
    ] {
        bytes.push(b'\n');
        bytes.extend_from_slice(hostile.as_bytes());
    }
    let out = ibid(&["refs", "-"], Some(&bytes));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 20, "{text}");
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            v.get("type").is_some() || v.get("error").is_some(),
            "{line}"
        );
    }
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["issued"]["date-parts"][0][0], 1961);
    let bad: serde_json::Value = serde_json::from_str(lines[5]).unwrap();
    assert!(bad["error"]["message"].as_str().unwrap().contains("UTF-8"));
}

/// A reference line is cleaned before it is labelled: no debris, tags or
/// soft hyphens in the fields.
#[test]
fn refs_clean_debris_and_formatting_tags_out_of_the_fields() {
    let input = "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.Google ScholarCrossRef\n\
                 Smith, J. (2011). <italic>Creative approaches to prob\u{AD}lem solving.</italic> Thousand Oaks, CA: Sage.\n";
    let out = ibid(&["refs", "-q", "-"], Some(input.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let items: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(items.len(), 2, "{text}");
    assert_eq!(items[0]["title"], "The Origins of the Second World War");
    assert!(items[0].get("container-title").is_none(), "{text}");
    assert_eq!(items[0]["page"], "88");
    assert_eq!(items[1]["title"], "Creative approaches to problem solving");
    assert_eq!(items[1]["publisher"], "Sage");
    assert!(
        !text.contains("italic") && !text.contains('\u{AD}'),
        "{text}"
    );
}

#[test]
fn refs_example_file() {
    let out = ibid(&["refs", "examples/references.txt"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let n_in = std::fs::read_to_string(repo().join("examples/references.txt"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), n_in);
}

#[test]
fn refs_flags_heading_lines_and_leaves_them_out_of_bibliographies() {
    let file = "test_data/documents/reference-list.txt";
    let n_in = std::fs::read_to_string(repo().join(file))
        .unwrap()
        .lines()
        .count();
    // one output line per input line; the headings are records of their own
    let out = ibid(&["refs", file], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(" 0 errors"), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), n_in);
    for (i, heading) in ["Bibliography", "Manuscript sources"].iter().enumerate() {
        assert_eq!(lines[i]["id"], format!("r{}", i + 1));
        assert_eq!(lines[i]["error"]["kind"], "heading", "{}", lines[i]);
        assert!(lines[i]["error"]["message"]
            .as_str()
            .unwrap()
            .contains(heading));
        assert!(lines[i].get("type").is_none());
    }
    assert_eq!(lines[2]["type"], "manuscript");
    // the bibliography formats have no entry for them
    for format in [
        "bibtex", "biblatex", "ris", "tei", "jats", "csl-json", "chicago",
    ] {
        let out = ibid(&["refs", file, "--format", format, "-q"], None);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains("Manuscript sources"), "{format}:\n{text}");
        assert!(!text.contains("{Bibliography}"), "{format}:\n{text}");
        assert!(!text.contains("TI  - Bibliography"), "{format}:\n{text}");
    }
}

#[test]
fn eval_notes_scores_whole_footnotes_through_the_pipeline() {
    // one footnote, two citations, gold fields of both (code-point offsets)
    let text =
        "4 J. Smith, Law and Order (Oxford, 1990), 12; R. Jones, Order and Law (London, 1991), 7.";
    let span = |label: &str, part: &str| {
        let byte = text.find(part).unwrap();
        let start = text[..byte].chars().count();
        serde_json::json!({"label": label, "start": start, "end": start + part.chars().count()})
    };
    let record = serde_json::json!({"source": "test", "text": text, "spans": [
        span("other", "4"), span("author", "J. Smith"), span("title", "Law and Order"),
        span("location", "Oxford"), span("date", "1990"), span("pages", "12"),
        span("author", "R. Jones"), span("title", "Order and Law"),
        span("location", "London"), span("date", "1991"), span("pages", "7"),
    ]});
    let path = std::env::temp_dir().join(format!("ibid-eval-notes-{}.jsonl", std::process::id()));
    std::fs::write(&path, format!("{record}\n")).unwrap();
    let f1 = |extra: &[&str]| -> f64 {
        let mut args = vec!["eval", "--json"];
        args.extend_from_slice(extra);
        args.push(path.to_str().unwrap());
        let out = ibid(&args, None);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["micro"]["f1"].as_f64().unwrap()
    };
    let (notes, whole) = (f1(&["--notes"]), f1(&[]));
    // a closed pipe ends the output quietly (`ibid eval … | head`)
    let mut child = Command::new(env!("CARGO_BIN_EXE_ibid"))
        .args(["eval", "--json", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ibid runs");
    drop(child.stdout.take());
    let closed = child.wait_with_output().unwrap();
    std::fs::remove_file(&path).ok();
    // split into two citations, every field is found; read as one
    // reference, the second citation's fields are not
    assert!(notes > 0.9, "{notes}");
    assert!(notes > whole, "{notes} vs {whole}");
    assert!(!stderr(&closed).contains("panicked"), "{}", stderr(&closed));
    assert!(closed.status.success(), "{}", stderr(&closed));
}

#[test]
fn signals_are_read_printed_and_scored() {
    let text = "5 See, for example, J. Smith, Law and Order (Oxford, 1990), 12; compare R. Jones, Order and Law (London, 1991), 7.";
    let out = ibid(&["parse", "-"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let signals: Vec<&str> = doc["notes"][0]["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["signal"]["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(signals, ["See, for example,", "compare"]);
    let out = ibid(
        &["parse", "-", "--format", "chicago"],
        Some(text.as_bytes()),
    );
    let chicago = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        chicago.contains("5. See, for example, J. Smith") && chicago.contains("; compare R. Jones"),
        "{chicago}"
    );
}

#[test]
fn a_cases_history_follows_its_first_chicago_note_and_commentary_is_reported() {
    let text = "3 Gonzalez v. Google LLC, 2 F.4th 871, 892–97 (9th Cir. 2021), vacated, \
598 U.S. 617 (2023) (per curiam). The Court did not reach the immunity question.\n\
4 Gonzalez, 2 F.4th at 880.\n";
    let out = ibid(&["parse", "-"], Some(text.as_bytes()));
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let note = &doc["notes"][0];
    assert_eq!(note["citations"].as_array().unwrap().len(), 1);
    assert_eq!(
        note["commentary"][0]["text"],
        "The Court did not reach the immunity question."
    );
    let out = ibid(
        &["parse", "-", "--format", "chicago"],
        Some(text.as_bytes()),
    );
    let chicago = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = chicago.lines().collect();
    let first = lines.iter().find(|l| l.starts_with("3. ")).unwrap();
    assert!(
        first.contains("(9th Cir. 2021)")
            && first.ends_with(", vacated, 598 U.S. 617 (2023) (per curiam)."),
        "{chicago}"
    );
    let second = lines.iter().find(|l| l.starts_with("4. ")).unwrap();
    assert!(!second.contains("vacated"), "{chicago}");
    assert!(
        lines.iter().any(|l| l.starts_with("Gonzalez v. Google LLC")
            && l.contains("(9th Cir. 2021), vacated, 598 U.S. 617 (2023)")),
        "{chicago}"
    );
}

#[test]
fn parse_reads_the_footnotes_of_a_word_document() {
    // examples/notes.docx holds the notes of examples/notes.txt as Word
    // footnotes (scripts/make-example-docx.py): the same notes come out
    let doc = |file: &str| -> serde_json::Value {
        let out = ibid(&["parse", file], None);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (docx, txt) = (doc("examples/notes.docx"), doc("examples/notes.txt"));
    assert_eq!(docx["form"], "docx");
    let summary = |d: &serde_json::Value| -> Vec<(u64, usize, String)> {
        d["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                (
                    n["number"].as_u64().unwrap(),
                    n["citations"].as_array().unwrap().len(),
                    n["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(summary(&docx), summary(&txt));
    assert_eq!(
        docx["works"].as_array().unwrap().len(),
        txt["works"].as_array().unwrap().len()
    );
    // a zip that is no Word document is a clear error
    let path = std::env::temp_dir().join(format!("ibid-not-word-{}.zip", std::process::id()));
    let mut zip = Vec::new();
    zip.extend_from_slice(b"PK\x03\x04");
    zip.extend_from_slice(&[0u8; 40]);
    std::fs::write(&path, &zip).unwrap();
    let out = ibid(&["parse", path.to_str().unwrap()], None);
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Word document"), "{}", stderr(&out));
    // `ibid refs` reads lines: a Word document is one clear error
    let out = ibid(&["refs", "examples/notes.docx"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ibid parse"), "{}", stderr(&out));
}

#[test]
fn parse_reads_a_jats_article() {
    let out = ibid(&["parse", "examples/article.xml"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["form"], "xml");
    let notes = doc["notes"].as_array().unwrap();
    // three footnotes, numbered by their labels, then two references
    let numbers: Vec<Option<u64>> = notes.iter().map(|n| n["number"].as_u64()).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3), None, None]);
    assert_eq!(notes[2]["citations"][1]["kind"], "short");
    // the short title and the reference entry find the footnote's work
    let work = notes[0]["citations"][1]["work"].clone();
    assert_eq!(notes[2]["citations"][1]["work"], work);
    assert_eq!(notes[3]["citations"][0]["work"], work);
}

#[test]
fn chicago_refs_render_on_every_worker_in_input_order() {
    // the entries are rendered on the workers: any number of jobs gives the
    // same lines in the same order (several chunks of records: the example
    // references 40 times over)
    let refs = std::fs::read_to_string(repo().join("examples/references.txt")).unwrap();
    let input = refs.repeat(40);
    for format in ["chicago", "chicago-html"] {
        let run = |jobs: &str| {
            let args = ["refs", "-", "--format", format, "-q", "--jobs", jobs];
            let out = ibid(&args, Some(input.as_bytes()));
            assert!(out.status.success(), "{}", stderr(&out));
            String::from_utf8(out.stdout).unwrap()
        };
        let one = run("1");
        assert!(one.lines().count() >= 400, "{one}");
        assert_eq!(one, run("2"), "{format}");
        assert_eq!(one, run("4"), "{format}");
    }
}
