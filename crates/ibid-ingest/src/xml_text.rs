//! What the two XML readers (Word's parts and JATS/TEI documents) share:
//! where a piece of text sits in the document, and what an entity or
//! character reference stands for.

use quick_xml::events::BytesRef;
use std::ops::Range;

/// Byte offset of `part` (a slice of `xml`) in `xml`.
pub(crate) fn offset_in(xml: &str, part: &[u8]) -> usize {
    (part.as_ptr() as usize).saturating_sub(xml.as_ptr() as usize)
}

/// The text a reference (`&amp;`, `&#8212;`, `&#x2014;`) of `xml` stands for,
/// and the bytes it spans, "&" and ";" included. An entity the XML
/// specification does not predefine (a DTD's `&nbsp;`) reads as one space.
pub(crate) fn decode_ref(xml: &str, r: &BytesRef<'_>) -> (String, Range<usize>) {
    let at = offset_in(xml, r);
    let name = std::str::from_utf8(r).unwrap_or("");
    let text = match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => quick_xml::escape::resolve_predefined_entity(name)
            .unwrap_or(" ")
            .to_string(),
    };
    (text, at.saturating_sub(1)..at + name.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;
    use quick_xml::Reader;

    fn refs(xml: &str) -> Vec<(String, &str)> {
        let mut reader = Reader::from_str(xml);
        let mut out = Vec::new();
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Eof => break,
                Event::GeneralRef(r) => {
                    let (text, span) = decode_ref(xml, &r);
                    out.push((text, &xml[span]));
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn references_decode_with_their_spans() {
        assert_eq!(
            refs("<p>A &amp; B &#8212; C &#x2014; &nbsp;D</p>"),
            vec![
                ("&".to_string(), "&amp;"),
                ("—".to_string(), "&#8212;"),
                ("—".to_string(), "&#x2014;"),
                (" ".to_string(), "&nbsp;"),
            ]
        );
    }
}
