//! Where the notes are: note boundaries and numbers taken from the markup.
//!
//! Notes are found as
//! - the entries of a notes container: an element whose class, id, role or
//!   `epub:type` says footnotes / endnotes / references / bibliography
//!   (`<section class="footnotes">`, `<ol class="references">`,
//!   `<div id="refs">`, `role="doc-endnotes"`), or the elements after a
//!   heading "Notes", "References", "Bibliographie", … — the entries being
//!   the explicitly marked notes inside, else the list items, else `<dd>`s,
//!   else the paragraphs;
//! - explicitly marked notes anywhere: ids like `fn12`, `ftn3`, `en12`,
//!   `ref-12`, `CIT0012`; classes like `footnote`, `ref`, `citation`,
//!   `csl-entry`; `<aside epub:type="footnote">`, `role="doc-footnote"`.
//!
//! A note's number comes from its visible label (`<sup>12</sup>`,
//! `<span class="label">12.</span>`, a leading "12."), else its list
//! position (`<ol start>`, `<li value>`), else the digits of its id.

use super::elem::{attr_lower, classes, element, heading_level, hide_kind, short_text, Hide, NRef};
use super::markup::is_raw_text;
use super::words::{id_kind, is_container_word, is_item_word, is_notes_heading};
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{Html, Node};
use std::collections::HashSet;

/// What kind of block an item makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemKind {
    /// One note or reference, boundaries from the markup.
    Note,
    /// A heading between notes.
    Prose,
    /// Text whose notes the segmenter must find (no note markup inside).
    Unstructured,
}

/// The number label at the start of a note, which stays out of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// A whole text node ("12" in `<sup>12</sup>`).
    Whole(NodeId),
    /// The first `len` bytes of a text node ("12. " in "12. Taylor").
    Prefix(NodeId, usize),
}

/// One block to extract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub node: NodeId,
    pub kind: ItemKind,
    pub number: Option<u32>,
    pub label: Option<Label>,
}

/// How deep explicit notes holding other notes are looked into.
const MAX_NESTING: usize = 3;

/// List counters of open `<ol>`/`<ul>` elements.
#[derive(Default)]
struct Lists {
    stack: Vec<(NodeId, i64, bool)>,
}

impl Lists {
    fn open(&mut self, n: NRef<'_>, e: &Element) {
        if matches!(e.name(), "ol" | "ul" | "menu") {
            let ordered = e.name() == "ol";
            let start = e
                .attr("start")
                .and_then(|s| s.trim().parse::<i64>().ok())
                .unwrap_or(1);
            self.stack.push((n.id(), start, ordered));
        }
    }

    fn close(&mut self, n: NRef<'_>) {
        if self.stack.last().is_some_and(|t| t.0 == n.id()) {
            self.stack.pop();
        }
    }

    /// The number of list item `n` (only in an `<ol>`).
    fn li(&mut self, n: NRef<'_>, e: &Element) -> Option<u32> {
        let parent = n.parent()?.id();
        let top = self.stack.last_mut()?;
        if top.0 != parent {
            return None;
        }
        if let Some(v) = e.attr("value").and_then(|v| v.trim().parse::<i64>().ok()) {
            top.1 = v;
        }
        let num = top.1;
        top.1 = top.1.saturating_add(1);
        if top.2 {
            u32::try_from(num).ok()
        } else {
            None
        }
    }
}

/// Regions where notes are not looked for.
fn is_excluded(name: &str) -> bool {
    is_raw_text(name)
        || matches!(
            name,
            "head" | "nav" | "template" | "svg" | "select" | "button" | "menu"
        )
}

fn words_of(e: &Element) -> Vec<String> {
    let mut w: Vec<String> = classes(e).collect();
    for a in ["role", "epub:type", "data-type", "type"] {
        if let Some(v) = attr_lower(e, a) {
            w.extend(v.split_whitespace().map(str::to_string));
        }
    }
    w
}

/// An element holding a list of notes or references.
fn is_container(e: &Element) -> bool {
    if !matches!(
        e.name(),
        "section"
            | "div"
            | "aside"
            | "ol"
            | "ul"
            | "dl"
            | "footer"
            | "article"
            | "table"
            | "tbody"
            | "fn-group"
            | "ref-list"
            | "back"
            | "details"
            | "listbibl"
    ) {
        return false;
    }
    if matches!(e.name(), "fn-group" | "ref-list" | "listbibl") {
        return true;
    }
    words_of(e).iter().any(|w| is_container_word(w)) || e.id().is_some_and(is_container_word)
}

/// An element that is one note or reference: `Some(number from its id)`.
fn item_evidence(e: &Element) -> Option<Option<u32>> {
    let name = e.name();
    if matches!(name, "fn" | "ref" | "bibl" | "biblstruct") {
        return Some(e.id().and_then(id_kind).and_then(|k| k.1));
    }
    if !matches!(
        name,
        "li" | "div" | "p" | "aside" | "dd" | "section" | "article" | "tr" | "blockquote"
    ) {
        return None;
    }
    let id = e.id().and_then(id_kind);
    if let Some((numbered, n)) = id {
        return Some(if numbered { n } else { None });
    }
    let words = words_of(e);
    let marked = words.iter().any(|w| is_item_word(w));
    if marked && !matches!(name, "section" | "article") {
        return Some(None);
    }
    if name == "aside"
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "footnote"
                    | "endnote"
                    | "rearnote"
                    | "note"
                    | "doc-footnote"
                    | "doc-endnote"
                    | "doc-rearnote"
                    | "biblioentry"
            )
        })
    {
        return Some(None);
    }
    None
}

/// An explicit note that holds several notes (Python-Markdown's
/// `<div class="footnote"><ol><li id="fn:1">`): a container.
fn holds_notes(n: NRef<'_>) -> bool {
    let mut found = 0;
    let mut only_li = true;
    for d in n.descendants().skip(1) {
        if let Some(e) = element(&d) {
            if item_evidence(e).is_some() {
                found += 1;
                only_li &= e.name() == "li";
                if found >= 2 {
                    return true;
                }
            }
        }
    }
    found == 1 && only_li
}

/// A `<div>` with text of its own and no block children.
fn is_leaf_div(n: NRef<'_>) -> bool {
    let mut has_text = false;
    for c in n.children() {
        match c.value() {
            Node::Text(t) if !t.trim().is_empty() => has_text = true,
            Node::Element(e) if super::elem::is_block(e.name()) => return false,
            _ => {}
        }
    }
    has_text
}

fn heading_is_notes(n: NRef<'_>) -> bool {
    short_text(n, 300, 50).is_some_and(|t| is_notes_heading(&t))
}

/// A visible number label: "12", "12.", "[12]", "(12)", "12)".
fn whole_label(s: &str) -> Option<u32> {
    let t = s.trim();
    let t = t.strip_suffix(['.', ':']).unwrap_or(t);
    let t = t
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .or_else(|| t.strip_prefix('(').and_then(|x| x.strip_suffix(')')))
        .or_else(|| t.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    if (1..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

/// A number label at the start of a text ("12. ", "[12] ", "12 " when it is
/// the expected number): (bytes to drop, number).
fn prefix_label(s: &str, hint: Option<u32>) -> Option<(usize, u32)> {
    let b = s.as_bytes();
    let mut i = s.len() - s.trim_start().len();
    let open = match b.get(i) {
        Some(b'[') => Some(b']'),
        Some(b'(') => Some(b')'),
        _ => None,
    };
    if open.is_some() {
        i += 1;
    }
    let d0 = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let digits = &s[d0..i];
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let num: u32 = digits.parse().ok()?;
    if let Some(close) = open {
        if b.get(i) != Some(&close) {
            return None;
        }
        i += 1;
    }
    let punct = if open.is_none() && matches!(b.get(i), Some(b'.' | b')' | b':')) {
        i += 1;
        true
    } else {
        false
    };
    let next = s[i..].chars().next();
    let spaced = next.is_none_or(|c| c.is_whitespace());
    let accept = if open.is_some() {
        true
    } else if punct {
        (spaced || next.is_some_and(|c| c.is_alphabetic() || c == '"' || c == '“'))
            && match hint {
                Some(h) => h == num,
                None => digits.len() <= 3,
            }
    } else {
        spaced
            && match hint {
                Some(h) => h == num,
                None => digits.len() <= 3 && next.is_some(),
            }
    };
    if !accept {
        return None;
    }
    let rest = &s[i..];
    i += rest.len() - rest.trim_start().len();
    Some((i, num))
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "sup"
            | "span"
            | "b"
            | "strong"
            | "label"
            | "em"
            | "i"
            | "small"
            | "font"
            | "div"
            | "dt"
    )
}

/// The number label of note `n` (skipping hidden parts), given the number
/// its list position suggests.
fn find_label(n: NRef<'_>, hint: Option<u32>) -> (Option<Label>, Option<u32>) {
    let mut skip: Option<NodeId> = None;
    for edge in n.traverse() {
        match edge {
            Edge::Open(c) => {
                if skip.is_some() {
                    continue;
                }
                match c.value() {
                    Node::Element(e)
                        if c.id() != n.id()
                            && (is_raw_text(e.name()) || hide_kind(c, e, false) != Hide::No) =>
                    {
                        skip = Some(c.id());
                    }
                    Node::Text(t) => {
                        let s: &str = t;
                        if s.trim().is_empty() {
                            continue;
                        }
                        let inline_parent = c.parent().is_some_and(|p| {
                            p.id() != n.id() && element(&p).is_some_and(|e| is_inline(e.name()))
                        });
                        if inline_parent {
                            if let Some(num) = whole_label(s) {
                                return (Some(Label::Whole(c.id())), Some(num));
                            }
                        }
                        if let Some((len, num)) = prefix_label(s, hint) {
                            return (Some(Label::Prefix(c.id(), len)), Some(num));
                        }
                        return (None, None);
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
    (None, None)
}

fn make_item(n: NRef<'_>, kind: ItemKind, hint: Option<u32>, id_number: Option<u32>) -> Item {
    if kind != ItemKind::Note {
        return Item {
            node: n.id(),
            kind,
            number: None,
            label: None,
        };
    }
    let (label, label_number) = find_label(n, hint);
    Item {
        node: n.id(),
        kind,
        number: label_number.or(hint).or(id_number),
        label,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CandKind {
    Explicit,
    Li,
    Dd,
    Block,
    Heading,
}

struct Cand<'a> {
    node: NRef<'a>,
    kind: CandKind,
    hint: Option<u32>,
    id_number: Option<u32>,
    in_li: bool,
    /// Notes found inside an explicit note that holds notes.
    nested: Vec<Item>,
}

/// The number a `<dt>` before a `<dd>` shows.
fn dt_number(n: NRef<'_>) -> Option<u32> {
    let mut p = n.prev_sibling();
    while let Some(s) = p {
        if let Some(e) = element(&s) {
            if e.name() == "dt" {
                return short_text(s, 40, 8).and_then(|t| whole_label(&t));
            }
            return None;
        }
        p = s.prev_sibling();
    }
    None
}

/// The notes inside a group of elements (one container, or the elements
/// after a notes heading). `whole_container`: the roots hold notes and are
/// not notes themselves.
fn analyze_group(roots: &[NRef<'_>], depth: usize, whole_container: bool) -> Vec<Item> {
    let mut cands: Vec<Cand<'_>> = Vec::new();
    for &root in roots {
        let mut lists = Lists::default();
        let mut skip: Option<NodeId> = None;
        let mut li_stack: Vec<NodeId> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(n) => {
                    if skip.is_some() {
                        continue;
                    }
                    let Some(e) = element(&n) else {
                        continue;
                    };
                    let name = e.name();
                    if is_excluded(name)
                        || matches!(name, "header" | "footer") && n.id() != root.id()
                    {
                        skip = Some(n.id());
                        continue;
                    }
                    lists.open(n, e);
                    let hint = if name == "li" { lists.li(n, e) } else { None };
                    let cand = |kind, id_number| Cand {
                        node: n,
                        kind,
                        hint,
                        id_number,
                        in_li: !li_stack.is_empty(),
                        nested: Vec::new(),
                    };
                    if heading_level(name).is_some() {
                        if !heading_is_notes(n) {
                            cands.push(cand(CandKind::Heading, None));
                        }
                        skip = Some(n.id());
                        continue;
                    }
                    let is_root = n.id() == root.id();
                    if !(is_root && whole_container) {
                        if let Some(id_number) = item_evidence(e) {
                            let mut c = cand(CandKind::Explicit, id_number);
                            if depth < MAX_NESTING && holds_notes(n) {
                                c.nested = analyze_group(&[n], depth + 1, true);
                            }
                            cands.push(c);
                            skip = Some(n.id());
                            continue;
                        }
                    }
                    if name == "li" && li_stack.is_empty() {
                        let in_list = n
                            .parent()
                            .and_then(|p| {
                                element(&p).map(|pe| matches!(pe.name(), "ol" | "ul" | "menu"))
                            })
                            .unwrap_or(false);
                        if in_list {
                            cands.push(cand(CandKind::Li, None));
                            li_stack.push(n.id());
                        }
                        continue;
                    }
                    if name == "dd" && li_stack.is_empty() {
                        let mut c = cand(CandKind::Dd, None);
                        c.hint = dt_number(n);
                        cands.push(c);
                        skip = Some(n.id());
                        continue;
                    }
                    if li_stack.is_empty()
                        && (matches!(name, "p" | "blockquote") || (name == "div" && is_leaf_div(n)))
                    {
                        cands.push(cand(CandKind::Block, None));
                        skip = Some(n.id());
                    }
                }
                Edge::Close(n) => {
                    if skip == Some(n.id()) {
                        skip = None;
                    } else if skip.is_some() {
                        continue;
                    }
                    lists.close(n);
                    if li_stack.last() == Some(&n.id()) {
                        li_stack.pop();
                    }
                }
            }
        }
    }
    let count = |k: CandKind| cands.iter().filter(|c| c.kind == k).count();
    let explicit = count(CandKind::Explicit);
    let lis = count(CandKind::Li);
    let chosen = if explicit > 0
        && !(lis > 0
            && cands
                .iter()
                .filter(|c| c.kind == CandKind::Explicit)
                .all(|c| c.in_li))
    {
        Some(CandKind::Explicit)
    } else if lis > 0 {
        Some(CandKind::Li)
    } else if count(CandKind::Dd) > 0 {
        Some(CandKind::Dd)
    } else if count(CandKind::Block) > 0 {
        Some(CandKind::Block)
    } else {
        None
    };
    let Some(chosen) = chosen else {
        // no structure: the text as it is, for the segmenter
        return roots
            .iter()
            .map(|r| make_item(*r, ItemKind::Unstructured, None, None))
            .collect();
    };
    let single_block = chosen == CandKind::Block && count(CandKind::Block) == 1;
    let mut out = Vec::new();
    for c in cands {
        if c.kind == CandKind::Heading {
            out.push(make_item(c.node, ItemKind::Prose, None, None));
        } else if c.kind == chosen {
            if !c.nested.is_empty() {
                out.extend(c.nested);
            } else if single_block {
                out.push(make_item(c.node, ItemKind::Unstructured, None, None));
            } else {
                out.push(make_item(c.node, ItemKind::Note, c.hint, c.id_number));
            }
        }
    }
    // headings alone are no notes
    if out.iter().all(|i| i.kind == ItemKind::Prose) {
        out.clear();
    }
    out
}

/// The elements after a notes heading, up to the next heading of the same
/// or a higher level.
fn heading_run(h: NRef<'_>) -> Vec<NRef<'_>> {
    let level = element(&h)
        .and_then(|e| heading_level(e.name()))
        .unwrap_or(6);
    let mut anchor = h;
    for _ in 0..2 {
        if anchor.next_siblings().any(|s| element(&s).is_some()) {
            break;
        }
        match anchor.parent() {
            Some(p)
                if element(&p).is_some_and(|e| matches!(e.name(), "header" | "hgroup" | "div")) =>
            {
                anchor = p
            }
            _ => break,
        }
    }
    let mut run = Vec::new();
    for s in anchor.next_siblings() {
        let Some(e) = element(&s) else {
            continue;
        };
        if heading_level(e.name()).is_some_and(|l| l <= level)
            || matches!(e.name(), "footer" | "nav" | "header")
        {
            break;
        }
        run.push(s);
    }
    run
}

/// Find the notes of a parsed page, in document order. Empty when the page
/// has no note markup.
pub(crate) fn find_items(html: &Html) -> Vec<Item> {
    let root = html.tree.root();
    let mut items = Vec::new();
    let mut consumed: HashSet<NodeId> = HashSet::new();
    let mut skip: Option<NodeId> = None;
    let mut lists = Lists::default();
    // open sectioning elements: a <header> inside one is not the page header
    let mut sections: Vec<NodeId> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                let Some(e) = element(&n) else {
                    continue;
                };
                let name = e.name();
                if consumed.contains(&n.id())
                    || is_excluded(name)
                    || (name == "header" && sections.is_empty())
                {
                    skip = Some(n.id());
                    continue;
                }
                if matches!(name, "article" | "section" | "aside" | "main") {
                    sections.push(n.id());
                }
                lists.open(n, e);
                let hint = if name == "li" { lists.li(n, e) } else { None };
                if is_container(e) {
                    items.extend(analyze_group(&[n], 0, true));
                    skip = Some(n.id());
                } else if let Some(id_number) = item_evidence(e) {
                    if holds_notes(n) {
                        items.extend(analyze_group(&[n], 1, true));
                    } else {
                        items.push(make_item(n, ItemKind::Note, hint, id_number));
                    }
                    skip = Some(n.id());
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                } else if skip.is_some() {
                    continue;
                }
                lists.close(n);
                if sections.last() == Some(&n.id()) {
                    sections.pop();
                }
                let is_heading = element(&n).is_some_and(|e| heading_level(e.name()).is_some());
                if is_heading && !consumed.contains(&n.id()) && heading_is_notes(n) {
                    let run = heading_run(n);
                    let found = analyze_group(&run, 0, false);
                    if !found.is_empty() {
                        consumed.extend(run.iter().map(|r| r.id()));
                        items.extend(found);
                    }
                }
            }
        }
    }
    items
}

/// The page body as one item (when no notes were found).
pub(crate) fn body_item(html: &Html) -> Option<Item> {
    let root = html.tree.root();
    let body = root
        .descendants()
        .find(|n| element(n).is_some_and(|e| e.name() == "body"))
        .or_else(|| root.children().find(|n| element(n).is_some()))?;
    Some(Item {
        node: body.id(),
        kind: ItemKind::Unstructured,
        number: None,
        label: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(whole_label(" 12 "), Some(12));
        assert_eq!(whole_label("[3]"), Some(3));
        assert_eq!(whole_label("(4)"), Some(4));
        assert_eq!(whole_label("5."), Some(5));
        assert_eq!(whole_label("5)"), Some(5));
        assert_eq!(whole_label("a"), None);
        assert_eq!(whole_label("123456"), None);
        assert_eq!(prefix_label("12. Taylor", None), Some((4, 12)));
        assert_eq!(prefix_label("  [3] Ibid.", Some(9)), Some((6, 3)));
        assert_eq!(prefix_label("7 Taylor", Some(7)), Some((2, 7)));
        assert_eq!(prefix_label("7 Taylor", None), Some((2, 7)));
        assert_eq!(prefix_label("1961. The year", Some(3)), None);
        assert_eq!(prefix_label("1961. The year", None), None);
        assert_eq!(prefix_label("12.Taylor", None), Some((3, 12)));
        assert_eq!(prefix_label("1914–18 war", None), None);
        assert_eq!(prefix_label("3 vols", Some(2)), None);
        assert_eq!(prefix_label("", None), None);
    }
}
