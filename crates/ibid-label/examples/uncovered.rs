//! Words of each reference that neither a field nor the kept unlabelled
//! content covers (the model labelled them `outside` and they are link
//! words), counted over a file of references, one a line.
//!
//! `cargo run --release -p ibid-label --example uncovered -- FILE [N]`

use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().ok_or("usage: uncovered FILE [N]")?;
    let show: usize = args.get(1).map_or(Ok(30), |n| n.parse())?;
    let text = std::fs::read_to_string(file)?;
    let labeller = ibid_label::Labeller::embedded();
    let (mut refs, mut with_gap) = (0usize, 0usize);
    let mut words: HashMap<String, usize> = HashMap::new();
    let mut examples = Vec::new();
    for line in text.lines() {
        refs += 1;
        let out = labeller.label(line);
        let mut covered = vec![false; line.len()];
        for r in out.fields.iter().map(|f| &f.range).chain(&out.unlabelled) {
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
        }
        let mut gap = String::new();
        for (i, c) in line.char_indices() {
            gap.push(if covered[i] { ' ' } else { c });
        }
        let lost: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if !lost.is_empty() {
            with_gap += 1;
            if examples.len() < show {
                examples.push(format!("{line}\n   lost: {}", lost.join(" ")));
            }
        }
        for w in lost {
            *words.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    let mut top: Vec<_> = words.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("{with_gap} of {refs} references have words left out");
    for (w, n) in top.iter().take(40) {
        println!("{n:>7} {w}");
    }
    for e in examples {
        println!("{e}");
    }
    Ok(())
}
