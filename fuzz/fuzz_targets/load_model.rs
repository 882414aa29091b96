//! Fuzzes `--model FILE`'s loader: any bytes are a model or a typed
//! `ModelError`, never a panic. Each input is loaded as it is and again
//! with its header's checksum made to match, so that mutations reach the
//! checks behind the checksum. A model that loads saves to the same bytes
//! and tags a sequence whose items carry transition classes (also ones it
//! has no matrix for): one label per item, each a label of the model.
#![no_main]
use ibid_crf::{AttrSeq, Model, Scratch};
use libfuzzer_sys::fuzz_target;

fn check(bytes: &[u8]) {
    let Ok(model) = Model::from_bytes(bytes) else {
        return;
    };
    assert_eq!(model.to_bytes(), bytes);
    let mut seq = AttrSeq::default();
    for (t, chunk) in bytes.chunks(8).take(40).enumerate() {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        seq.push(u64::from_le_bytes(w));
        seq.push(t as u64 + 1);
        seq.end_item_in((t * 7 % 300) as u8);
    }
    let mut out = Vec::new();
    model.tag(&seq, &mut Scratch::default(), &mut out);
    assert_eq!(out.len(), seq.len());
    assert!(out.iter().all(|&y| (y as usize) < model.num_labels()));
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let mut fixed = data.to_vec();
    ibid_crf::fix_checksum(&mut fixed);
    check(&fixed);
});
