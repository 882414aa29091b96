//! HTML pages written for these tests, in the shapes publishers and tools
//! produce them.

use crate::{ingest_str, Block, Source};
use ibid_model::InputForm;

/// Every character of every block maps inside the original; characters
/// copied from the source map to themselves; others to an entity, to
/// whitespace, or to nothing (separators).
pub(crate) fn assert_mapped(src: &Source) {
    check_mapped(src, false)
}

/// Like [`assert_mapped`], also allowing characters mapped to an empty range
/// (text the aligner could not find, in malformed pages).
fn assert_mapped_loosely(src: &Source) {
    check_mapped(src, true)
}

fn check_mapped(src: &Source, loose: bool) {
    for b in &src.blocks {
        let t = b.text.as_str();
        for (i, c) in t.char_indices() {
            let r = b.text.orig_range(i..i + c.len_utf8());
            assert!(r.end <= src.original.len(), "{c:?} at {i} maps to {r:?}");
            let o = &src.original[r.clone()];
            let ok = o.chars().eq(std::iter::once(c))
                || o.starts_with('&')
                || (c.is_whitespace() && o.chars().all(char::is_whitespace))
                || (c == '\n' && o == "\r")
                || (loose && o.is_empty());
            assert!(ok, "{c:?} at {i} of {t:?} maps to {o:?} ({r:?})");
        }
    }
}

fn notes(html: &str) -> Source {
    let s = ingest_str(html);
    assert_eq!(s.form, InputForm::Html);
    assert_mapped(&s);
    s
}

fn texts(s: &Source) -> Vec<&str> {
    s.blocks.iter().map(|b| b.text.as_str()).collect()
}

fn numbers(s: &Source) -> Vec<Option<u32>> {
    s.blocks.iter().map(|b| b.number).collect()
}

fn orig<'a>(s: &'a Source, b: &Block, needle: &str) -> &'a str {
    let at = b.text.as_str().find(needle).expect("needle");
    &s.original[b.text.orig_range(at..at + needle.len())]
}

#[test]
fn pandoc_footnotes_section() {
    let html = r##"<!DOCTYPE html>
<html lang="en"><head><title>The Crisis of 1938</title><style>p { margin: 0 }</style></head>
<body><nav><a href="/">Home</a></nav>
<p>The Munich agreement<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> was signed.<a href="#fn2" id="fnref2"><sup>2</sup></a></p>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1"><p>A. J. P. Taylor, <em>The Origins of the Second World War</em> (London, 1961),
p. 88.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Ibid., p. 91; see also <em>Documents on German Foreign Policy</em>, Series D, Vol. II
(hereafter cited as D.G.F.P.), Doc. No. 45.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
<footer>© 2024 Example Press</footer>
<script>document.write("<li>not a note</li>")</script>
</body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "A. J. P. Taylor, The Origins of the Second World War (London, 1961), p. 88.",
            "Ibid., p. 91; see also Documents on German Foreign Policy, Series D, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(1), Some(2)]);
    assert!(s.blocks.iter().all(|b| b.structured && !b.prose));
    assert_eq!(orig(&s, &s.blocks[0], "The Origins"), "The Origins");
    // the line break inside the note became a space mapped to it
    let b = &s.blocks[0];
    let sp = b.text.as_str().find(" p. 88").unwrap();
    assert_eq!(&s.original[b.text.orig_range(sp..sp + 1)], "\n");
    assert!(s.diagnostics.is_empty(), "{:?}", s.diagnostics);
}

#[test]
fn entities_map_to_their_source() {
    let html = "<html><body><section id=\"footnotes\"><ol>\
<li id=\"fn1\">Smith &amp; Jones, &#8216;The Manor&#x2019;, <i>Past &amp; Present</i> 50 (1971), 76&ndash;136, at p.&nbsp;80 &mdash; caf&eacute;.</li>\
</ol></section></body></html>";
    let s = notes(html);
    let b = &s.blocks[0];
    assert_eq!(
        b.text.as_str(),
        "Smith & Jones, ‘The Manor’, Past & Present 50 (1971), 76–136, at p.\u{a0}80 — café."
    );
    assert_eq!(orig(&s, b, "&"), "&amp;");
    assert_eq!(orig(&s, b, "‘"), "&#8216;");
    assert_eq!(orig(&s, b, "’"), "&#x2019;");
    assert_eq!(orig(&s, b, "–"), "&ndash;");
    assert_eq!(orig(&s, b, "\u{a0}"), "&nbsp;");
    assert_eq!(orig(&s, b, "é"), "&eacute;");
    assert_eq!(orig(&s, b, "Past & Present"), "Past &amp; Present");
    assert_eq!(b.number, Some(1));
}

#[test]
fn aside_footnotes_epub() {
    let html = r##"<html xmlns:epub="http://www.idpf.org/2007/ops"><body>
<p>As Hinsley argued.<a epub:type="noteref" href="#n3">3</a></p>
<aside epub:type="footnote" id="n3"><p><a href="#r3">3</a>. F. H. Hinsley, <i>Power and the Pursuit of Peace</i> (Cambridge, 1963), pp. 12–15.</p></aside>
<p>Later text.<a epub:type="noteref" href="#n4">4</a></p>
<aside epub:type="footnote" id="n4"><p><a href="#r4">4</a> Ibid., p. 17.</p></aside>
</body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "F. H. Hinsley, Power and the Pursuit of Peace (Cambridge, 1963), pp. 12–15.",
            "Ibid., p. 17."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(3), Some(4)]);
}

#[test]
fn tandf_reference_list_with_link_debris() {
    let html = r##"<!DOCTYPE html><html><body>
<div class="NLM_sec"><h2>References</h2>
<ul class="references numeric-ordered-list">
<li id="CIT0001"><span class="NLM_citation"><span class="hlFld-ContribAuthor">Brewer, John</span>. <span class="NLM_year">1989</span>. <i>The Sinews of Power: War, Money and the English State, 1688–1783</i>. London: Unwin Hyman. </span><span class="xlinks-container">&nbsp;[<a href="/servlet/linkout?suffix=CIT0001&amp;dbid=16384" class="google-scholar">Google Scholar</a>]</span></li>
<li id="CIT0002"><span class="NLM_citation">Hoppit, Julian. 1990. “Attitudes to Credit in Britain, 1680–1790.” <i>The Historical Journal</i> 33 (2): 305–322. doi:10.1017/S0018246X00013376. </span><span class="xlinks-container">&nbsp;[<a href="/servlet/linkout?suffix=CIT0002&amp;dbid=16">Crossref</a>],&nbsp;[<a href="/servlet/linkout?suffix=CIT0002&amp;dbid=128">Web of Science ®</a>],&nbsp;[<a href="/servlet/linkout?suffix=CIT0002&amp;dbid=8">Google Scholar</a>]</span></li>
</ul></div></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Brewer, John. 1989. The Sinews of Power: War, Money and the English State, 1688–1783. London: Unwin Hyman.",
            "Hoppit, Julian. 1990. “Attitudes to Credit in Britain, 1680–1790.” The Historical Journal 33 (2): 305–322. doi:10.1017/S0018246X00013376."
        ]
    );
    // an unordered reference list: no numbers
    assert_eq!(numbers(&s), vec![None, None]);
}

#[test]
fn cambridge_core_grouped_notes_keep_breaks() {
    let html = r##"<html><body><div id="references-list" class="circle-list">
<div class="circle-list__item" id="ref12"><span class="circle-list__item__number">12</span>
<div class="circle-list__item__grouped"><div class="circle-list__item__grouped__content">
Taylor, A. J. P., <span class="italic">The Origins of the Second World War</span> (London, 1961), p. 88.<a class="ref-link" target="_blank" href="https://scholar.google.com/scholar_lookup?title=Origins">Google Scholar</a>; Hinsley, F. H., <span class="italic">Power and the Pursuit of Peace</span> (Cambridge, 1963), p. 12.<a class="ref-link" href="https://scholar.google.com/x"><span>Google Scholar</span></a>
</div></div></div>
<div class="circle-list__item" id="ref13"><span class="circle-list__item__number">13</span>
<div class="circle-list__item__grouped"><div class="circle-list__item__grouped__content">Ibid., p. 91.</div></div></div>
</div></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88. ; Hinsley, F. H., Power and the Pursuit of Peace (Cambridge, 1963), p. 12.",
            "Ibid., p. 91."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(12), Some(13)]);
    let b = &s.blocks[0];
    assert_eq!(b.breaks, vec![b.text.as_str().find(" ;").unwrap()]);
}

#[test]
fn wikipedia_references() {
    let html = r##"<html><body><div class="mw-parser-output"><p>Text.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><div class="mw-references-wrap"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text"><cite class="citation book">Taylor, A. J. P. (1961). <i>The Origins of the Second World War</i>. London: Hamish Hamilton.</cite></span></li>
<li id="cite_note-2"><span class="mw-cite-backlink">^ <a href="#cite_ref-2a"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-2b"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Hinsley 1963, p. 12.</span></li>
</ol></div></div></div></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Taylor, A. J. P. (1961). The Origins of the Second World War. London: Hamish Hamilton.",
            "Hinsley 1963, p. 12."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(1), Some(2)]);
}

#[test]
fn word_html_footnotes() {
    let html = "<html><body lang=EN-GB><div class=WordSection1><p class=MsoNormal>Text<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\" title=\"\"><span class=MsoFootnoteReference>[1]</span></a></p></div>\r\n\
<div style='mso-element:footnote-list'><br clear=all>\r\n<hr align=left size=1 width=\"33%\">\r\n\
<div style='mso-element:footnote' id=ftn1>\r\n<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\"><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[1]<![endif]></span></span></a> Akten zur deutschen ausw&auml;rtigen Politik 1918&#8211;1945,\r\nSerie D, Bd. II, Nr. 45.<o:p></o:p></p>\r\n</div>\r\n\
<div style='mso-element:footnote' id=ftn2>\r\n<p class=MsoFootnoteText><a href=\"#_ftnref2\" name=\"_ftn2\"><span class=MsoFootnoteReference>[2]</span></a> Ebd., S. 12.</p></div></div></body></html>";
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Akten zur deutschen auswärtigen Politik 1918–1945, Serie D, Bd. II, Nr. 45.",
            "Ebd., S. 12."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(1), Some(2)]);
    assert_eq!(orig(&s, &s.blocks[0], "1945, Serie"), "1945,\r\nSerie");
}

#[test]
fn heading_with_ordered_list_counters() {
    let html = r##"<html><body><article><h1>Appeasement</h1><p>Body text with a 1. in it.</p>
<h2>Notes</h2>
<ol start="5">
<li>Taylor, <i>Origins</i>, p. 88.</li>
<li value="9">Ibid., p. 91.</li>
<li>Hinsley, <i>Power</i>, p. 12.</li>
</ol>
<h2>About the author</h2><p>Not a note.</p></article></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Taylor, Origins, p. 88.",
            "Ibid., p. 91.",
            "Hinsley, Power, p. 12."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(5), Some(9), Some(10)]);
}

#[test]
fn endnote_paragraphs_after_heading() {
    let html = r##"<html><body><div class="entry-content"><p>Essay text.</p>
<h3>Endnotes</h3>
<p>1. Taylor, <i>Origins</i>, p. 88.</p>
<p>[2] Ibid., p. 91.</p>
<p><sup>3</sup> Hinsley, <i>Power</i>, p. 12.</p>
</div></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Taylor, Origins, p. 88.",
            "Ibid., p. 91.",
            "Hinsley, Power, p. 12."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(1), Some(2), Some(3)]);
    // the label is not in the text, and the text still maps to its source
    assert_eq!(orig(&s, &s.blocks[0], "Taylor"), "Taylor");
}

#[test]
fn python_markdown_footnotes() {
    let html = "<html><body><p>Text<sup id=\"fnref:1\"><a class=\"footnote-ref\" href=\"#fn:1\">1</a></sup></p>\n<div class=\"footnote\">\n<hr />\n<ol>\n<li id=\"fn:1\">\n<p>Elton, <em>Tudor Revolution</em>, p. 45.&#160;<a class=\"footnote-backref\" href=\"#fnref:1\" title=\"Jump back to footnote 1 in the text\">&#8617;</a></p>\n</li>\n</ol>\n</div></body></html>";
    let s = notes(html);
    assert_eq!(texts(&s), vec!["Elton, Tudor Revolution, p. 45.\u{a0}"]);
    assert_eq!(numbers(&s), vec![Some(1)]);
}

#[test]
fn springer_and_oup_link_rows() {
    let html = r##"<html><body>
<ol class="c-article-references" data-track-component="outbound reference">
<li class="c-article-references__item js-c-reading-companion-references-item"><p class="c-article-references__text" id="ref-CR1">Bossy J (1985) Christianity in the West. Oxford University Press, Oxford</p><p class="c-article-references__links u-hide-print"><a data-track-action="google scholar reference" href="http://scholar.google.com/x">Google Scholar</a> </p></li>
<li class="c-article-references__item"><p class="c-article-references__text" id="ref-CR2">Davis NZ (1975) Society and culture. Past Present 12:1–20</p><p class="c-article-references__links"><a href="https://doi.org/x">Article</a> <a href="http://scholar.google.com/y">Google Scholar</a> </p></li>
</ol>
<div class="ref-list js-splitview-ref-list">
<div class="js-splitview-ref-item" content-id="bib1"><div class="ref-content"><div class="mixed-citation citation">Elton G. R., <em>The Tudor Revolution in Government</em> (Cambridge, 1953).</div></div>
<div class="citation-links"><div class="crossref-doi"><a href="https://doi.org/x">Crossref</a></div><p class="citation-label">Search ADS</p><div class="google-scholar-ref-link"><a href="https://scholar.google.com">Google Scholar</a></div><a class="openurl" href="#">OpenURL Placeholder Text</a></div></div>
</div></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Bossy J (1985) Christianity in the West. Oxford University Press, Oxford",
            "Davis NZ (1975) Society and culture. Past Present 12:1–20",
            "Elton G. R., The Tudor Revolution in Government (Cambridge, 1953)."
        ]
    );
}

#[test]
fn jstor_like_labels_and_hidden_parts() {
    let html = r##"<html><body><div class="footnotes"><h3 class="fn-title">Notes</h3>
<div class="fn" id="fn12"><span class="label">12</span> <span class="sr-only">Footnote</span>Elton, <i>Tudor Revolution</i>, p. 45.<br>See also Smith.<span style="display: none">hidden</span><script>x()</script></div>
<div class="fn" id="fn13"><sup>13.</sup> Ibid.</div>
</div></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec!["Elton, Tudor Revolution, p. 45.\nSee also Smith.", "Ibid."]
    );
    assert_eq!(numbers(&s), vec![Some(12), Some(13)]);
}

#[test]
fn headings_between_notes_are_prose() {
    let html = r##"<html><body><section class="endnotes"><h2>Notes</h2><h3>Chapter 1: Origins</h3>
<ol><li>Taylor, p. 88.</li></ol><h3>Chapter 2: Munich</h3><ol><li>Ibid., p. 91.</li></ol></section></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Chapter 1: Origins",
            "Taylor, p. 88.",
            "Chapter 2: Munich",
            "Ibid., p. 91."
        ]
    );
    let prose: Vec<bool> = s.blocks.iter().map(|b| b.prose).collect();
    assert_eq!(prose, vec![true, false, true, false]);
    assert_eq!(numbers(&s), vec![None, Some(1), None, Some(1)]);
}

#[test]
fn page_without_note_markup_falls_back_to_text() {
    let html = "<!doctype html><html><head><title>Notes</title><script>var a = '<p>x</p>';</script></head>\
<body><header><h1>Site</h1></header><nav><ul><li>Home</li></ul></nav>\
<div><p>1 Taylor, <i>Origins</i>, p. 88.</p>\n<p>2 Ibid., p. 91.<br>3 Hinsley, p. 12.</p></div>\
<footer>© Press</footer></body></html>";
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec!["1 Taylor, Origins, p. 88.\n2 Ibid., p. 91.\n3 Hinsley, p. 12."]
    );
    assert!(!s.blocks[0].structured);
    assert_eq!(s.diagnostics[0].code, "html-no-note-markup");
}

#[test]
fn pre_keeps_lines() {
    let html = "<html><body><pre>\n1 Taylor, p. 88.\r\n2 Ibid.\n</pre></body></html>";
    let s = notes(html);
    assert_eq!(texts(&s), vec!["1 Taylor, p. 88.\n2 Ibid."]);
}

#[test]
fn malformed_markup_keeps_text_and_never_panics() {
    let html = "<html><body><section class=footnotes><ol><li id=fn1>Taylor <b>bold <i>both</b> italic</i> end\
<table>stray<tr><td>cell</td></tr>after</table></li><li id=fn2>Ibid. &amp c &#xZZ; &bogus; <</li></ol>";
    let s = ingest_str(html);
    assert_mapped_loosely(&s);
    assert_eq!(s.blocks.len(), 2);
    let t0 = s.blocks[0].text.as_str();
    for w in [
        "Taylor", "bold", "both", "italic", "end", "stray", "cell", "after",
    ] {
        assert!(t0.contains(w), "{w} missing in {t0:?}");
    }
    assert_eq!(s.blocks[1].text.as_str(), "Ibid. & c &#xZZ; &bogus; <");
}

#[test]
fn deep_nesting_uses_the_linear_fallback() {
    let html = "<html><body>".to_string()
        + &"<div>".repeat(100_000)
        + "1 Taylor, p. 88."
        + &"</div>".repeat(100_000);
    let start = std::time::Instant::now();
    let s = ingest_str(&html);
    assert!(start.elapsed().as_secs() < 10);
    assert_eq!(texts(&s), vec!["1 Taylor, p. 88."]);
    assert_eq!(s.diagnostics[0].code, "html-too-complex");
    assert_mapped(&s);
}

#[test]
fn many_notes_are_linear() {
    let note = "<li id=\"fn{}\"><p>Taylor, <em>Origins</em> (London, 1961), p.&nbsp;88.<a href=\"#fnref{}\">↩</a></p></li>\n";
    let mut html = String::from("<!DOCTYPE html><html><body><section class=\"footnotes\"><ol>");
    for i in 1..=30_000 {
        html.push_str(&note.replace("{}", &i.to_string()));
    }
    html.push_str("</ol></section></body></html>");
    // ~4 MB without a "\r": a scan to the end per text node (as an early
    // version did) takes minutes here
    let start = std::time::Instant::now();
    let s = ingest_str(&html);
    let secs = start.elapsed().as_secs_f64();
    assert!(secs < 30.0, "{secs} s");
    assert_eq!(s.blocks.len(), 30_000);
    assert_eq!(s.blocks[29_999].number, Some(30_000));
    assert_mapped(&s);
}

#[test]
fn substack_style_footnotes() {
    let html = r##"<html><body><div class="available-content"><p>Text<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>.</p>
<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number" contenteditable="false" target="_self">1</a><div class="footnote-content"><p>Kershaw, <em>Hitler</em>, vol. 2, p. 101.</p></div></div>
<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>Ibid.</p></div></div>
</div></body></html>"##;
    let s = notes(html);
    assert_eq!(texts(&s), vec!["Kershaw, Hitler, vol. 2, p. 101.", "Ibid."]);
    assert_eq!(numbers(&s), vec![Some(1), Some(2)]);
}

#[test]
fn table_of_notes_goes_to_the_segmenter() {
    let html = r##"<html><body><table class="endnotes">
<tr><td>1</td><td>Taylor, <i>Origins</i>, p. 88.</td></tr>
<tr><td>2</td><td>Ibid.</td></tr></table></body></html>"##;
    let s = notes(html);
    assert_eq!(texts(&s), vec!["1 Taylor, Origins, p. 88.\n2 Ibid."]);
    assert!(!s.blocks[0].structured);
}

#[test]
fn single_paragraph_container_goes_to_the_segmenter() {
    let html = r##"<html><body><p>Essay.</p><div id="notes"><p>1 Taylor, <i>Origins</i>, p. 88.<br>
2 Ibid., p. 91.</p></div></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec!["1 Taylor, Origins, p. 88.\n2 Ibid., p. 91."]
    );
    assert!(!s.blocks[0].structured);
    assert!(s.diagnostics.is_empty());
}

#[test]
fn dl_reference_list_numbers_from_dt() {
    let html = r##"<html><body><dl class="references"><dt>[1]</dt><dd>Taylor, A. J. P. <i>Origins</i>. London, 1961.</dd>
<dt>[2]</dt><dd>Hinsley, F. H. <i>Power</i>. Cambridge, 1963.</dd></dl></body></html>"##;
    let s = notes(html);
    assert_eq!(
        texts(&s),
        vec![
            "Taylor, A. J. P. Origins. London, 1961.",
            "Hinsley, F. H. Power. Cambridge, 1963."
        ]
    );
    assert_eq!(numbers(&s), vec![Some(1), Some(2)]);
}

#[test]
fn html_breaks_survive_cleaning() {
    let html = r##"<html><body><div class="footnotes"><div class="fn" id="fn4"><sup>4</sup> Taylor,  <i>Origins</i>,&nbsp;p. 88.<a href="https://scholar.google.com/x">Google Scholar</a>Hinsley, <i>Power</i>, p. 12.</div></div></body></html>"##;
    let s = notes(html);
    let b = &s.blocks[0];
    assert_eq!(
        b.text.as_str(),
        "Taylor, Origins,\u{a0}p. 88. Hinsley, Power, p. 12."
    );
    let c = ibid_clean::clean_with_breaks(&b.text, &b.breaks);
    assert_eq!(
        c.text.as_str(),
        "Taylor, Origins, p. 88. Hinsley, Power, p. 12."
    );
    let at = c.text.as_str().find(" Hinsley").unwrap();
    assert_eq!(c.breaks, vec![at]);
    let h = at + 1;
    assert_eq!(&s.original[c.text.orig_range(h..h + 7)], "Hinsley");
}
