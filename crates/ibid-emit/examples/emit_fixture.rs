//! Write the test fixture in BibTeX, BibLaTeX, RIS and CSL-JSON, plus the
//! values ibid put into them, into a directory (for the citation-js test in
//! `tests/node/`).
//!
//! `cargo run -p ibid-emit --example emit_fixture -- DIR`

#[path = "../tests/common/fixture.rs"]
mod fixture;

use ibid_emit::{write_document, EmitOptions, Format};
use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir: PathBuf = std::env::args_os()
        .nth(1)
        .ok_or("usage: emit_fixture DIR")?
        .into();
    std::fs::create_dir_all(&dir)?;
    let doc = fixture::document();
    let opts = EmitOptions::default();
    for (format, name) in [
        (Format::Bibtex, "fixture.bib"),
        (Format::Biblatex, "fixture-biblatex.bib"),
        (Format::Ris, "fixture.ris"),
        (Format::CslJson, "fixture.json"),
    ] {
        let mut out = BufWriter::new(File::create(dir.join(name))?);
        write_document(&doc, format, &opts, &mut out)?;
    }
    // What ibid holds, for the consumer to compare against.
    let expected: Vec<serde_json::Value> = doc
        .works
        .iter()
        .map(|w| {
            let i = &w.item;
            serde_json::json!({
                "id": i.id,
                "type": i.item_type.as_str(),
                "title": i.title,
                "authors": i.author.iter().map(|n| serde_json::json!({
                    "family": n.family,
                    "particle": n.non_dropping_particle.clone().or(n.dropping_particle.clone()),
                    "literal": n.literal,
                })).collect::<Vec<_>>(),
                "year": i.issued.as_ref().and_then(|d| d.first_year()),
                "container": i.container_title,
                "page": i.page,
                "DOI": i.doi,
            })
        })
        .collect();
    std::fs::write(
        dir.join("expected.json"),
        serde_json::to_string_pretty(&expected)?,
    )?;
    println!("wrote fixture files to {}", dir.display());
    Ok(())
}
