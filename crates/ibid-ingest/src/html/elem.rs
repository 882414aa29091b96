//! Questions about DOM elements: names, classes, headings, hidden content,
//! back-links and link debris.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

pub(crate) type NRef<'a> = NodeRef<'a, Node>;

pub(crate) fn element<'a>(n: &NRef<'a>) -> Option<&'a Element> {
    n.value().as_element()
}

/// Elements that start a new line of text.
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "center"
            | "body"
            | "html"
            | "hgroup"
            | "menu"
            | "legend"
            | "ref"
            | "fn"
            | "ref-list"
            | "fn-group"
            | "mixed-citation"
            | "element-citation"
            | "note"
            | "bibl"
            | "listbibl"
    )
}

pub(crate) fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Lowercased class tokens.
pub(crate) fn classes(e: &Element) -> impl Iterator<Item = String> + '_ {
    e.classes().map(|c| c.to_ascii_lowercase())
}

pub(crate) fn attr_lower(e: &Element, name: &str) -> Option<String> {
    e.attr(name).map(|v| v.to_ascii_lowercase())
}

/// The text of a subtree if it is short: at most `max_bytes` of text in at
/// most `max_nodes` nodes, else `None`. Raw-text elements count as nothing.
pub(crate) fn short_text(n: NRef<'_>, max_bytes: usize, max_nodes: usize) -> Option<String> {
    let mut out = String::new();
    let mut seen = 0;
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in n.traverse() {
        match edge {
            Edge::Open(c) => {
                if skip.is_some() {
                    continue;
                }
                seen += 1;
                if seen > max_nodes {
                    return None;
                }
                match c.value() {
                    Node::Text(t) => {
                        if out.len() + t.len() > max_bytes {
                            return None;
                        }
                        out.push_str(t);
                    }
                    Node::Element(e) if super::markup::is_raw_text(e.name()) => {
                        skip = Some(c.id());
                    }
                    _ => {}
                }
            }
            Edge::Close(c) => {
                if skip == Some(c.id()) {
                    skip = None;
                }
            }
        }
    }
    Some(out)
}

/// Why an element's content stays out of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hide {
    No,
    /// Not visible or not content (navigation, back-links, screen-reader text).
    Quiet,
    /// A publisher link ("Google Scholar", "[Crossref]"): a citation boundary.
    Debris,
}

const BACKLINK_TEXTS: &[&str] = &[
    "↩",
    "↩︎",
    "↩\u{fe0e}",
    "^",
    "↑",
    "⤴",
    "⇑",
    "↵",
    "⬆",
    "back",
    "return",
    "return to text",
    "return to note",
    "return to footnote",
    "return to article",
    "return to citation",
    "return to note reference",
    "back to text",
    "back to note",
    "back to article",
    "back to reference",
    "jump up",
    "jump up to",
    "go back",
    "go to note reference",
    "go to reference",
    "top",
    "zurück",
    "retour",
];

fn is_backlink_text(t: &str) -> bool {
    let t = t
        .trim()
        .trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')'))
        .trim();
    if t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    BACKLINK_TEXTS.contains(&lower.as_str())
        || t.chars().all(|c| {
            matches!(
                c,
                '↩' | '^' | '↑' | '⤴' | '⇑' | '↵' | '⬆' | '\u{fe0e}' | '\u{fe0f}'
            ) || c.is_whitespace()
        })
}

fn is_backlink_href(href: &str) -> bool {
    let h = href.to_ascii_lowercase();
    h.starts_with('#')
        && [
            "fnref",
            "ftnref",
            "ednref",
            "footnote-ref",
            "noteref",
            "cite_ref",
            "fn-ref",
            "ref-fn",
            "enref",
            "backref",
            "body-ref",
        ]
        .iter()
        .any(|p| h.contains(p))
}

/// Names of elements whose content is never note text.
fn is_quiet_tag(name: &str) -> bool {
    matches!(
        name,
        "nav"
            | "header"
            | "footer"
            | "button"
            | "select"
            | "option"
            | "datalist"
            | "input"
            | "template"
            | "svg"
            | "object"
            | "embed"
            | "audio"
            | "video"
            | "canvas"
            | "map"
            | "head"
            | "iframe"
            | "noscript"
            | "script"
            | "style"
            | "menu"
            | "dialog"
    )
}

fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() || attr_lower(e, "aria-hidden").as_deref() == Some("true") {
        return true;
    }
    if let Some(style) = attr_lower(e, "style") {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    classes(e).any(|c| {
        matches!(
            c.as_str(),
            "sr-only"
                | "visually-hidden"
                | "visuallyhidden"
                | "screen-reader-text"
                | "screenreader-only"
                | "u-visually-hidden"
                | "hidden"
                | "hide"
                | "d-none"
                | "mw-cite-backlink"
                | "footnote-back"
                | "footnote-backref"
                | "footnotebackref"
                | "reversefootnote"
                | "fn-back"
                | "backlink"
                | "back-link"
                | "fnref-back"
                | "citation-backlink"
                | "ref-backlink"
        )
    }) || attr_lower(e, "role").as_deref() == Some("doc-backlink")
}

/// Whether (and why) the content of element `n` stays out of note text.
/// `href_backlinks`: also treat links to "#fnref…" as back-links (not while
/// looking for the note's number label, which often is such a link).
pub(crate) fn hide_kind(n: NRef<'_>, e: &Element, href_backlinks: bool) -> Hide {
    let name = e.name();
    if is_quiet_tag(name) || is_hidden(e) {
        return Hide::Quiet;
    }
    let linkish =
        matches!(name, "a" | "button") || attr_lower(e, "role").as_deref() == Some("link");
    let candidate = linkish
        || matches!(
            name,
            "span"
                | "div"
                | "p"
                | "li"
                | "ul"
                | "ol"
                | "small"
                | "sup"
                | "em"
                | "i"
                | "b"
                | "strong"
                | "cite"
                | "font"
        );
    if !candidate {
        return Hide::No;
    }
    let Some(text) = short_text(n, 200, 24) else {
        return Hide::No;
    };
    if linkish {
        if is_backlink_text(&text) {
            return Hide::Quiet;
        }
        if href_backlinks && e.attr("href").is_some_and(is_backlink_href) {
            let t = text.trim();
            if t.is_empty() || t.chars().all(|c| c.is_ascii_digit() || "[]().".contains(c)) {
                return Hide::Quiet;
            }
        }
    }
    if ibid_clean::is_link_debris(&text, linkish) {
        return Hide::Debris;
    }
    Hide::No
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn first<'a>(h: &'a Html, tag: &str) -> NRef<'a> {
        h.tree
            .root()
            .descendants()
            .find(|n| element(n).is_some_and(|e| e.name() == tag))
            .unwrap()
    }

    fn kind(html: &str, tag: &str) -> Hide {
        let h = Html::parse_document(html);
        let n = first(&h, tag);
        hide_kind(n, element(&n).unwrap(), true)
    }

    #[test]
    fn backlinks_and_debris() {
        assert_eq!(kind("<a href='#fnref1'>↩︎</a>", "a"), Hide::Quiet);
        assert_eq!(kind("<a href='#x'>Return to note</a>", "a"), Hide::Quiet);
        assert_eq!(kind("<a href='#fnref1'>1</a>", "a"), Hide::Quiet);
        assert_eq!(kind("<a href='#fnref1'>see the text</a>", "a"), Hide::No);
        assert_eq!(
            kind(
                "<a href='https://scholar.google.com'>Google Scholar</a>",
                "a"
            ),
            Hide::Debris
        );
        assert_eq!(kind("<a>Article</a>", "a"), Hide::Debris);
        assert_eq!(kind("<span>Article</span>", "span"), Hide::No);
        assert_eq!(
            kind(
                "<span class='x'>[<a>Crossref</a>], [<a>Web of Science ®</a>]</span>",
                "span"
            ),
            Hide::Debris
        );
        assert_eq!(
            kind("<a href='https://doi.org/10.1/x'>Taylor, Origins</a>", "a"),
            Hide::No
        );
        assert_eq!(
            kind("<span class='sr-only'>Footnote</span>", "span"),
            Hide::Quiet
        );
        assert_eq!(kind("<nav>Home</nav>", "nav"), Hide::Quiet);
        assert_eq!(kind("<i>Origins</i>", "i"), Hide::No);
    }

    #[test]
    fn short_text_is_bounded() {
        let h = Html::parse_document(&format!("<div>{}</div>", "<b>x</b>".repeat(100)));
        assert!(short_text(first(&h, "div"), 200, 24).is_none());
        assert_eq!(short_text(first(&h, "b"), 200, 24).as_deref(), Some("x"));
    }
}
