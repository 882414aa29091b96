//! Print the notes and citations ibid-segment finds in a text file (or stdin).
//!
//! `cargo run -p ibid-segment --example split -- notes.txt [--clean]`

use ibid_model::MappedText;
use std::io::Read;

fn main() {
    let mut input = String::new();
    match std::env::args().skip(1).find(|a| !a.starts_with("--")) {
        Some(path) => input = std::fs::read_to_string(path).unwrap_or_default(),
        None => {
            let _ = std::io::stdin().read_to_string(&mut input);
        }
    }
    let text = MappedText::identity(&input, 0);
    // clean as the pipeline does (debris removal, hyphenation) with --clean
    let (text, breaks) = if std::env::args().any(|a| a == "--clean") {
        let c = ibid_clean::clean(&text);
        (c.text, c.breaks)
    } else {
        (text, Vec::new())
    };
    let split = ibid_segment::split_notes(&text, &breaks);
    println!("form: {:?}", split.form);
    for d in &split.diagnostics {
        println!("! {} {}", d.code, d.message);
    }
    for note in &split.notes {
        let t = note.text.as_str();
        println!(
            "[{}{}] {}",
            note.number.map_or("-".to_string(), |n| n.to_string()),
            if note.prose { " prose" } else { "" },
            t
        );
        for c in ibid_segment::split_citations(note) {
            println!(
                "    {:<15} {:?}{}{}",
                c.kind.as_str(),
                &t[c.range.clone()],
                c.locator
                    .map(|l| format!("  loc={:?}", &t[l]))
                    .unwrap_or_default(),
                c.defines
                    .map(|d| format!("  defines={d:?}"))
                    .unwrap_or_default()
            );
        }
    }
}
