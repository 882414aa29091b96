//! The second walk: every text node is aligned with the source, and the
//! visible text of each item becomes a block.

use super::align::{Aligner, Piece};
use super::elem::{element, hide_kind, is_block, Hide};
use super::markup::is_raw_text;
use super::notes::{Item, ItemKind, Label};
use super::sink::{is_html_space, Sink};
use crate::Block;
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};
use std::collections::HashMap;

/// What an open element changed, undone when it closes.
struct Frame {
    id: NodeId,
    hidden: bool,
    debris: bool,
    block: bool,
    pre: bool,
    item: bool,
}

struct Current {
    item: usize,
    sink: Sink,
    hidden: usize,
    pre: usize,
}

/// Extract the blocks of `items` from the parsed page `html` of `src`.
/// Returns the blocks (empty ones dropped) and the count of text nodes that
/// could not be aligned with the source.
pub(crate) fn extract(html: &Html, src: &str, items: &[Item]) -> (Vec<Block>, usize) {
    let index: HashMap<NodeId, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.node, i))
        .collect();
    let labels: HashMap<NodeId, Label> = items
        .iter()
        .filter_map(|it| it.label)
        .map(|l| match l {
            Label::Whole(id) | Label::Prefix(id, _) => (id, l),
        })
        .collect();
    let mut aligner = Aligner::new(src);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut raw: Option<NodeId> = None;
    let mut current: Option<Current> = None;
    let mut blocks = Vec::new();

    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if raw.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        if is_raw_text(name) {
                            raw = Some(n.id());
                            continue;
                        }
                        let mut f = Frame {
                            id: n.id(),
                            hidden: false,
                            debris: false,
                            block: false,
                            pre: false,
                            item: false,
                        };
                        if current.is_none() {
                            if let Some(&i) = index.get(&n.id()) {
                                f.item = true;
                                current = Some(Current {
                                    item: i,
                                    sink: Sink::default(),
                                    hidden: 0,
                                    pre: 0,
                                });
                            }
                        } else if let Some(cur) = current.as_mut() {
                            if cur.hidden == 0 {
                                match hide_kind(n, e, true) {
                                    Hide::No => {}
                                    Hide::Quiet => f.hidden = true,
                                    Hide::Debris => {
                                        f.hidden = true;
                                        f.debris = true;
                                    }
                                }
                            } else {
                                // inside hidden content: count the depth only
                                f.hidden = true;
                            }
                            if f.hidden {
                                cur.hidden += 1;
                                if f.debris {
                                    cur.sink.debris_start();
                                }
                            } else if name == "br" {
                                cur.sink.line_break();
                            } else if is_block(name) {
                                f.block = true;
                                cur.sink.separator(true);
                            } else if matches!(name, "td" | "th") {
                                cur.sink.separator(false);
                            }
                            if name == "pre" || name == "listing" {
                                f.pre = true;
                                cur.pre += 1;
                                cur.sink.pre = true;
                            }
                        }
                        frames.push(f);
                    }
                    Node::Text(t) => {
                        let text: &str = t;
                        aligner.align(text, &mut pieces);
                        if let Some(cur) = current.as_mut() {
                            let label = labels.get(&n.id()).copied();
                            if matches!(label, Some(Label::Whole(_))) {
                                cur.sink.after_label = true;
                                continue;
                            }
                            if cur.hidden > 0 {
                                continue;
                            }
                            let skip = match label {
                                Some(Label::Prefix(_, len)) => len,
                                _ => 0,
                            };
                            feed(&mut cur.sink, text, &pieces, skip);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if raw == Some(n.id()) {
                    raw = None;
                    continue;
                }
                if raw.is_some() || element(&n).is_none() {
                    continue;
                }
                let Some(f) = frames.pop() else {
                    continue;
                };
                debug_assert_eq!(f.id, n.id());
                if f.item {
                    if let Some(cur) = current.take() {
                        if let Some(b) = finish(cur, items) {
                            blocks.push(b);
                        }
                    }
                    continue;
                }
                if let Some(cur) = current.as_mut() {
                    if f.hidden {
                        cur.hidden = cur.hidden.saturating_sub(1);
                        if f.debris {
                            cur.sink.debris_end();
                        }
                    } else if f.block {
                        cur.sink.separator(true);
                    }
                    if f.pre {
                        cur.pre = cur.pre.saturating_sub(1);
                        cur.sink.pre = cur.pre > 0;
                    }
                }
            }
        }
    }
    if let Some(cur) = current.take() {
        if let Some(b) = finish(cur, items) {
            blocks.push(b);
        }
    }
    (blocks, aligner.unaligned)
}

fn finish(cur: Current, items: &[Item]) -> Option<Block> {
    let item = items.get(cur.item)?;
    let (text, breaks) = cur.sink.finish();
    if text.is_empty() {
        return None;
    }
    Some(Block {
        text,
        number: item.number,
        structured: item.kind != ItemKind::Unstructured,
        prose: item.kind == ItemKind::Prose,
        breaks,
        fields: Vec::new(),
    })
}

/// Feed the aligned pieces of one text node to the sink, from node byte
/// `skip` on, splitting whitespace from words.
fn feed(sink: &mut Sink, node: &str, pieces: &[Piece], skip: usize) {
    for p in pieces {
        if p.node.end <= skip {
            continue;
        }
        let from = p.node.start.max(skip);
        if p.copied {
            let base = p.orig.start + (from - p.node.start);
            let s = &node[from..p.node.end];
            let mut word_start: Option<usize> = None;
            for (i, c) in s.char_indices() {
                if is_html_space(c) {
                    if let Some(w) = word_start.take() {
                        sink.text(&s[w..i], base + w..base + i, true);
                    }
                    sink.space(c, base + i..base + i + 1, true);
                } else if word_start.is_none() {
                    word_start = Some(i);
                }
            }
            if let Some(w) = word_start {
                sink.text(&s[w..], base + w..base + s.len(), true);
            }
        } else {
            for c in node[from..p.node.end].chars() {
                if is_html_space(c) {
                    sink.space(c, p.orig.clone(), false);
                } else {
                    let mut buf = [0u8; 4];
                    sink.text(c.encode_utf8(&mut buf), p.orig.clone(), false);
                }
            }
        }
    }
}
