//! Drops small state weights from a model file (a smaller, faster model).
//!
//! `cargo run --release -p ibid-label --example prune -- IN.crf MIN_ABS OUT.crf`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, min_abs, out] = args.as_slice() else {
        return Err("usage: prune IN.crf MIN_ABS OUT.crf".into());
    };
    let labeller = ibid_label::Labeller::from_bytes(&std::fs::read(input)?)?;
    let model = labeller.model().ok_or("no model")?;
    let pruned = model.pruned(min_abs.parse()?);
    let bytes = pruned.to_bytes();
    std::fs::write(out, &bytes)?;
    eprintln!(
        "{} → {} attributes, {} → {} features, {} bytes",
        model.num_attributes(),
        pruned.num_attributes(),
        model.num_features(),
        pruned.num_features(),
        bytes.len()
    );
    Ok(())
}
