//! Single references (`ibid refs`) as bibliography entries, each rendered
//! alone in the style cut down to its type (see [`super::specialise`]).

use super::item::to_json_item;
use super::quotes;
use super::{
    cached_style, degrade, memo, render, specialise, squash, subsequent_history, with_history,
    DEFAULT_STYLE,
};
use crate::xml::html_escape;
use crate::EmitError;
use hayagriva::citationberg::json::Item as JsonItem;
use hayagriva::citationberg::taxonomy::Kind;
use hayagriva::citationberg::IndependentStyle;
use hayagriva::Rendered;
use ibid_model::Item;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Renders single references (`ibid refs`) as bibliography entries.
pub(crate) struct RefRenderer {
    /// Shared by every renderer of the style in the process (the server
    /// makes one a request), so each type's cut is made once.
    styles: Arc<RefStyles>,
}

/// What a [`RefRenderer`] renders with.
struct RefStyles {
    style: Arc<IndependentStyle>,
    /// The style without its citation layout (see [`specialise`]), or none.
    bibliography_only: Option<IndependentStyle>,
    /// Both styles specialised for each item type met so far.
    by_kind: Mutex<HashMap<Kind, Arc<KindStyles>>>,
}

/// A style and its bibliography-only cut, specialised for one item type.
struct KindStyles {
    whole: IndependentStyle,
    bibliography_only: Option<IndependentStyle>,
}

impl RefRenderer {
    pub fn new(name: Option<&str>) -> Result<Self, EmitError> {
        static SHARED: OnceLock<Mutex<HashMap<String, Arc<RefStyles>>>> = OnceLock::new();
        let key = name.unwrap_or(DEFAULT_STYLE);
        let styles = memo(&SHARED, key, || {
            let style = cached_style(Some(key))?;
            Ok(RefStyles {
                bibliography_only: specialise::bibliography_only(&style),
                style,
                by_kind: Mutex::default(),
            })
        })?;
        Ok(RefRenderer { styles })
    }

    /// The styles specialised for `j`'s type (none for a type CSL does not
    /// know, which no `type` test matches).
    fn styles_for(&self, j: &JsonItem) -> Option<Arc<KindStyles>> {
        let kind = specialise::kind_of(j)?;
        let shared = &self.styles;
        // a poisoned lock only means another thread panicked mid-insert
        let mut map = shared.by_kind.lock().unwrap_or_else(|p| p.into_inner());
        let s = map.entry(kind).or_insert_with(|| {
            Arc::new(KindStyles {
                whole: specialise::for_kinds(&shared.style, &[kind]),
                bibliography_only: shared
                    .bibliography_only
                    .as_ref()
                    .map(|b| specialise::for_kinds(b, &[kind])),
            })
        });
        Some(Arc::clone(s))
    }

    /// The bibliography entry of one item (its citation when the style has
    /// no bibliography; its compact form, or the raw text, when the style
    /// renders nothing).
    pub fn entry(&self, item: &Item, id: &str, raw: &str, html: bool) -> Result<String, EmitError> {
        if item.is_empty() {
            // Nothing recognised: the line as it came ("n.d." would be all
            // a style could say).
            let r = squash(raw);
            return Ok(if html { html_escape(&r) } else { r });
        }
        let Some(j) = to_json_item(item, id, Some(raw)) else {
            let c = crate::common::compact(item);
            return Ok(if html { html_escape(&c) } else { c });
        };
        // the bibliography alone, then (a style without bibliography, or
        // an entry it leaves out, as Chicago does archival documents) the
        // citation too; each in the style cut to the entry's type
        let styles = self.styles_for(&j);
        let whole = styles.as_ref().map_or(&*self.styles.style, |s| &s.whole);
        // the entry a run rendered, if any
        let entry_text = |r: &Rendered| {
            r.bibliography
                .as_ref()
                .and_then(|b| b.items.first())
                .map(|b| quotes::punctuation_inside(render(&b.content, html)))
                .filter(|s| !s.trim().is_empty())
        };
        let fast = styles
            .as_ref()
            .and_then(|s| s.bibliography_only.as_ref())
            .and_then(|s| degrade::render_alone(&j, s).ok())
            .and_then(|r| entry_text(&r));
        let run = |j: &JsonItem| degrade::render_alone(j, whole);
        let rendered = match fast {
            Some(text) => Some(text),
            None => {
                // an entry hayagriva cannot render: the entry with fewer fields
                let r = match run(&j) {
                    Ok(r) => r,
                    Err(e) => {
                        let mut one = [j];
                        if !degrade::degrade_failing(&mut one, whole) {
                            return Err(e);
                        }
                        run(&one[0])?
                    }
                };
                entry_text(&r).or_else(|| {
                    r.citations
                        .first()
                        .map(|c| quotes::punctuation_inside(render(&c.citation, html)))
                        .filter(|s| !s.trim().is_empty())
                })
            }
        };
        let history = subsequent_history(item).map(|h| if html { html_escape(&h) } else { h });
        let rendered = match (rendered, history) {
            (Some(r), Some(h)) => Some(with_history(&r, &h)),
            (r, _) => r,
        };
        Ok(rendered.unwrap_or_else(|| {
            let c = crate::common::compact(item);
            let c = if c.is_empty() { squash(raw) } else { c };
            if html {
                html_escape(&c)
            } else {
                c
            }
        }))
    }
}
