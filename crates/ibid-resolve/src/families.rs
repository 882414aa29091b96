//! Collections whose volumes are distinct works ("D.G.F.P. C/II" and "D/I"):
//! families of works keyed by series/volume signature, and the items of
//! volumes first met through an abbreviation or "Ibid., Vol. II".

use crate::query::Query;
use crate::signature::{roman_value, Part, Signature};
use crate::works::{Family, Store};
use ibid_model::Item;
use std::collections::HashMap;

impl Store {
    /// The family of work `idx`, created on first use.
    pub fn family_of(&mut self, idx: usize, pattern: &[Part]) -> usize {
        if let Some(f) = self.works.get(idx).and_then(|w| w.family) {
            if self.families[f].pattern.is_empty() && !pattern.is_empty() {
                self.families[f].pattern = pattern.to_vec();
            }
            return f;
        }
        let f = self.families.len();
        let mut fam = Family {
            members: HashMap::new(),
            pattern: pattern.to_vec(),
        };
        if let Some(w) = self.works.get_mut(idx) {
            fam.members.insert(w.sig.key(), idx);
            w.family = Some(f);
        }
        self.families.push(fam);
        f
    }

    /// The volume of work `base`'s collection with signature `sig`, created
    /// from `base` when not seen yet.
    pub fn sibling(&mut self, base: usize, mut sig: Signature) -> usize {
        let Some(b) = self.works.get(base) else {
            return base;
        };
        sig.fill_from(&b.sig);
        if sig == b.sig {
            return base;
        }
        let fam = self.family_of(base, &[]);
        let key = sig.key();
        if let Some(&w) = self.families[fam].members.get(&key) {
            return w;
        }
        let b = &self.works[base];
        let item = derive_volume(&b.item, &b.sig, &sig);
        let q = Query {
            authors: b.authors.clone(),
            title: b.titles.first().cloned(),
            title_from_container: b.title_from_container,
            container: b.container.clone(),
            sig: sig.clone(),
            year: None,
            archive: b.archive.clone(),
            file: None,
            file_text: None,
            text_words: b.text_words.clone(),
            title_quoted: b.title_quoted,
        };
        let idx = self.create(item, &q);
        self.works[idx].family = Some(fam);
        self.families[fam].members.insert(key, idx);
        idx
    }

    /// Put an existing work into the family of `base` (same title, other volume).
    pub fn join_family(&mut self, base: usize, idx: usize) {
        let fam = self.family_of(base, &[]);
        if let Some(w) = self.works.get_mut(idx) {
            w.family = Some(fam);
            let key = w.sig.key();
            self.families[fam].members.entry(key).or_insert(idx);
        }
    }
}

/// Render a signature component in the style of `like` ("II" → roman).
fn render_like(value: &str, like: Option<&str>) -> String {
    let roman = like.is_some_and(|l| roman_value(l.trim()).is_some() && !l.trim().is_empty());
    match value.parse::<u32>() {
        Ok(n) if roman && n > 0 && n < 4000 => crate::signature::to_roman(n),
        _ => value.to_owned(),
    }
}

/// The item of another volume of a collection: `base` with its volume and
/// series replaced.
fn derive_volume(base: &Item, base_sig: &Signature, sig: &Signature) -> Item {
    let mut it = base.clone();
    it.drop_pages();
    if sig.volume != base_sig.volume {
        if let Some(v) = &sig.volume {
            let like = base.volume.as_deref().or(Some("I"));
            it.volume = Some(render_like(v, like));
        }
    }
    if sig.series != base_sig.series {
        if let Some(s) = &sig.series {
            let mut replaced = false;
            for field in [
                &mut it.title,
                &mut it.collection_title,
                &mut it.container_title,
            ] {
                if let Some(text) = field.as_deref() {
                    if let Some(new) = replace_series(text, s) {
                        *field = Some(new);
                        replaced = true;
                        break;
                    }
                }
            }
            if !replaced {
                it.custom.insert(
                    "collection-number".into(),
                    serde_json::Value::String(s.clone()),
                );
            }
        }
    }
    if sig.year != base_sig.year {
        if let Some(y) = &sig.year {
            it.custom
                .insert("series-year".into(), serde_json::Value::String(y.clone()));
        }
    }
    it
}

/// Replace the value after "Series"/"Serie"/"série" in `text` with `value`.
fn replace_series(text: &str, value: &str) -> Option<String> {
    let toks = crate::tokens::tokenize(text);
    for (i, t) in toks.iter().enumerate() {
        if matches!(t.norm.as_str(), "series" | "serie" | "ser" | "reihe") {
            let next = toks.get(i + 1)?;
            let raw = &text[next.start..next.end];
            crate::signature::component(raw)?;
            let rendered = render_like(value, Some(raw));
            return Some(format!(
                "{}{}{}",
                &text[..next.start],
                rendered,
                &text[next.end..]
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Item;

    #[test]
    fn same_work_and_other_volumes() {
        let mut s = Store::default();
        let item = Item {
            title: Some("Documents on German Foreign Policy, Series C".into()),
            volume: Some("II".into()),
            ..Item::default()
        };
        let q = Query::from_item(&item, None, &Signature::default());
        let w = s.create(item.clone(), &q);
        assert_eq!(s.find_same(&q, None), (Some(w), None));
        let mut q2 = q.clone();
        q2.sig.volume = Some("3".into());
        assert_eq!(s.find_same(&q2, None), (None, Some(w)));
        let sig = Signature {
            series: Some("D".into()),
            volume: Some("1".into()),
            year: None,
        };
        let d1 = s.sibling(w, sig.clone());
        assert_ne!(d1, w);
        assert_eq!(s.sibling(w, sig), d1);
        assert_eq!(s.works[d1].item.volume.as_deref(), Some("I"));
        assert_eq!(
            s.works[d1].item.title.as_deref(),
            Some("Documents on German Foreign Policy, Series D")
        );
        assert_eq!(s.works[w].family, s.works[d1].family);
    }
}
