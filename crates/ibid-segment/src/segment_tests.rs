//! Unit tests of the citation splitter (`segment.rs`).

use super::*;

fn cands(s: &str) -> Vec<String> {
    let a = Analysis::new(s);
    a.candidates(&[])
        .iter()
        .map(|c| s[a.toks[c.a].start..a.toks[c.b - 1].end].to_string())
        .collect()
}

#[test]
fn semicolons_and_cues() {
    assert_eq!(
        cands(
            "Smith, Origins, p. 3; see also Taylor, A. J. P., The Origins (London, 1961), p. 88."
        ),
        [
            "Smith, Origins, p. 3;",
            "Taylor, A. J. P., The Origins (London, 1961), p. 88."
        ]
    );
    assert_eq!(
        cands("Taylor, Origins, pp. 3; 5."),
        ["Taylor, Origins, pp. 3; 5."]
    );
}

#[test]
fn bibliography_style_sentences_merge() {
    assert_eq!(
        cands(
            "Taylor, A. J. P. The Origins of the Second World War. London: Hamish Hamilton, 1961."
        ),
        ["Taylor, A. J. P. The Origins of the Second World War. London: Hamish Hamilton, 1961."]
    );
}

#[test]
fn two_citations_in_sentences() {
    assert_eq!(
        cands("Baron, op. cit., n. 44, p. 34. M. Richardson, ‘Protecting Women. The Value’ (1996) 16 Legal Studies 368."),
        ["Baron, op. cit., n. 44, p. 34.", "M. Richardson, ‘Protecting Women. The Value’ (1996) 16 Legal Studies 368."]
    );
}

#[test]
fn a_pinpoint_ends_a_citation() {
    assert_eq!(
        cands("D.G.F.P. C/II, Doc. No. 102. Phipps to Simon, 22 May 1935, FO 371/18851, C 4160/55/18, TNA."),
        ["D.G.F.P. C/II, Doc. No. 102.", "Phipps to Simon, 22 May 1935, FO 371/18851, C 4160/55/18, TNA."]
    );
    // a volume number does not end it
    assert_eq!(
        cands("Smith, J., Essays on Sovereignty, vol. 2. London: Macmillan, 1990."),
        ["Smith, J., Essays on Sovereignty, vol. 2. London: Macmillan, 1990."]
    );
}

#[test]
fn commentary_is_trimmed() {
    assert_eq!(
        cands("as argued by Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88."),
        ["Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88."]
    );
    assert_eq!(
        cands(
            "Koch 1975, S. 75 der allerdings nur streitige Urteile und Vergleiche untersucht hat."
        )[0],
        "Koch 1975, S. 75"
    );
}
