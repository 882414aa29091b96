//! A style cut down to what one run of hayagriva can reach.
//!
//! hayagriva walks the whole CSL tree of a style for every entry it renders,
//! re-evaluating each `cs:choose` it meets (and, for every group, every
//! choose below it, to learn whether the group prints anything). Chicago
//! (CMOS 18) branches mostly on the item's type, so most of that walk tests
//! types the entry does not have. Three cuts make the same output for much
//! less work:
//!
//! - [`for_kinds`]: the style partially evaluated for a known set of item
//!   types. A `type` test of a type outside the set is false, and when the
//!   set is one type, a test of that type is true; the branches that can no
//!   longer match are dropped, a branch that must match ends its `cs:choose`,
//!   and macros nothing reaches any more are left out.
//! - [`bibliography_only`]: the style with an empty citation layout, for a
//!   run whose citations are thrown away (hayagriva renders every request's
//!   citation twice before the bibliography, even when only the bibliography
//!   is wanted).
//! - [`citations_only`]: the style with an empty bibliography layout (and no
//!   bibliography sort, unless the citations print their number), for the
//!   notes' run of a document, whose bibliography is rendered apart.
//!
//! All keep every other test (variables, positions, locators,
//! disambiguation) for hayagriva to evaluate as before.

use hayagriva::citationberg::json::Item as JsonItem;
use hayagriva::citationberg::taxonomy::{
    Kind, NumberOrPageVariable, NumberVariable, StandardVariable, Variable,
};
use hayagriva::citationberg::{
    Choose, ChooseBranch, ChooseMatch, IndependentStyle, LayoutRenderingElement, NamesChild,
    SortKey, TextTarget,
};
use std::collections::{HashMap, HashSet};

/// `style` for entries whose type is one of `kinds` (see the module docs).
pub(crate) fn for_kinds(style: &IndependentStyle, kinds: &[Kind]) -> IndependentStyle {
    specialise(
        style,
        &Kinds {
            kinds,
            complete: true,
        },
    )
}

/// The types an entry may have: one of `kinds`, or (not `complete`) also
/// none CSL knows.
struct Kinds<'a> {
    kinds: &'a [Kind],
    complete: bool,
}

impl Kinds<'_> {
    /// Whether the entry has type `k`: known, or `None` when it depends.
    fn test(&self, k: &Kind) -> Option<bool> {
        if !self.kinds.contains(k) {
            Some(false)
        } else if self.complete && self.kinds.len() == 1 {
            Some(true)
        } else {
            None
        }
    }
}

/// `style` partially evaluated for entries of `kinds`.
fn specialise(style: &IndependentStyle, kinds: &Kinds) -> IndependentStyle {
    let mut s = style.clone();
    for m in &mut s.macros {
        prune(&mut m.children, kinds);
    }
    prune(&mut s.citation.layout.elements, kinds);
    if let Some(b) = &mut s.bibliography {
        prune(&mut b.layout.elements, kinds);
    }
    drop_unreached_macros(&mut s);
    s
}

/// `style` with nothing in its citation layout, for a bibliography of one
/// entry; `None` when the style has no bibliography, or prints a citation
/// label (hayagriva's bibliography then prints the label where the citation
/// did, which an empty citation would change).
pub(crate) fn bibliography_only(style: &IndependentStyle) -> Option<IndependentStyle> {
    style.bibliography.as_ref()?;
    if uses_citation_label(style) {
        return None;
    }
    let mut s = style.clone();
    s.citation.layout.elements.clear();
    drop_unreached_macros(&mut s);
    Some(s)
}

/// `style` with nothing in its bibliography layout, for a run whose
/// bibliography is thrown away. The bibliography's sort numbers the
/// citations, so it stays when the citations print or test their number.
pub(crate) fn citations_only(style: &IndependentStyle) -> IndependentStyle {
    let mut s = style.clone();
    let numbered = cites_by_number(&s);
    if let Some(b) = &mut s.bibliography {
        b.layout.elements.clear();
        if !numbered {
            b.sort = None;
        }
    }
    drop_unreached_macros(&mut s);
    s
}

/// The CSL type of a CSL-JSON item, if CSL knows it.
pub(crate) fn kind_of(item: &JsonItem) -> Option<Kind> {
    item.0.get("type")?.to_str()?.parse().ok()
}

/// The styles of one document's run: the whole style specialised for the
/// set of types among its entries, and for each type alone.
pub(crate) struct DocumentStyles {
    /// For the set of types present (what the bibliography renders with).
    pub all: IndependentStyle,
    by_kind: HashMap<Kind, IndependentStyle>,
}

impl DocumentStyles {
    pub fn new(style: &IndependentStyle, entries: &[JsonItem]) -> Self {
        let known: Vec<Option<Kind>> = entries.iter().map(kind_of).collect();
        let mut kinds: Vec<Kind> = known.iter().flatten().copied().collect();
        kinds.sort_by_key(|k| format!("{k:?}"));
        kinds.dedup();
        let by_kind = kinds.iter().map(|&k| (k, for_kinds(style, &[k]))).collect();
        // an entry of a type CSL does not know matches no `type` test
        let complete = known.iter().all(Option::is_some);
        DocumentStyles {
            all: specialise(
                style,
                &Kinds {
                    kinds: &kinds,
                    complete,
                },
            ),
            by_kind,
        }
    }

    /// The style to render `item`'s citations with.
    pub fn of(&self, item: &JsonItem) -> &IndependentStyle {
        kind_of(item)
            .and_then(|k| self.by_kind.get(&k))
            .unwrap_or(&self.all)
    }
}

/// What a `type` test of a branch comes to, given the possible kinds.
enum Verdict {
    /// The branch cannot match.
    Never,
    /// The branch matches whatever the other tests say.
    Always,
    /// The remaining tests decide.
    Open,
}

/// Partially evaluate the `type` test of `b`, removing what is decided.
fn decide_type(b: &mut ChooseBranch, kinds: &Kinds) -> Verdict {
    let Some(types) = b.type_.as_mut() else {
        return Verdict::Open;
    };
    if types.is_empty() {
        return Verdict::Open;
    }
    let value = |k: &Kind| kinds.test(k);
    match b.match_ {
        ChooseMatch::Any => {
            if types.iter().any(|k| value(k) == Some(true)) {
                return Verdict::Always;
            }
            types.retain(|k| value(k).is_none());
        }
        ChooseMatch::All => {
            if types.iter().any(|k| value(k) == Some(false)) {
                return Verdict::Never;
            }
            types.retain(|k| value(k).is_none());
        }
        ChooseMatch::None => {
            if types.iter().any(|k| value(k) == Some(true)) {
                return Verdict::Never;
            }
            types.retain(|k| value(k).is_none());
        }
    }
    if types.is_empty() {
        b.type_ = None;
    }
    Verdict::Open
}

/// Whether a branch has no test left.
fn untested(b: &ChooseBranch) -> bool {
    b.disambiguate.is_none()
        && b.is_numeric.is_none()
        && b.is_uncertain_date.is_none()
        && b.locator.is_none()
        && b.position.is_none()
        && b.type_.is_none()
        && b.variable.is_none()
}

/// A branch with no test that always matches (an empty `all` is true).
fn always(children: Vec<LayoutRenderingElement>) -> ChooseBranch {
    ChooseBranch {
        disambiguate: None,
        is_numeric: None,
        is_uncertain_date: None,
        locator: None,
        position: None,
        type_: None,
        variable: None,
        match_: ChooseMatch::All,
        children,
    }
}

/// A branch with no test that never matches (an empty `any` is false).
fn never() -> ChooseBranch {
    ChooseBranch {
        match_: ChooseMatch::Any,
        ..always(Vec::new())
    }
}

/// The choose's branches with the decided ones resolved.
fn prune_choose(c: &mut Choose, kinds: &Kinds) {
    let branches = std::iter::once(std::mem::replace(&mut c.if_, never()))
        .chain(std::mem::take(&mut c.else_if));
    let mut kept: Vec<ChooseBranch> = Vec::new();
    let mut closed = false;
    for mut b in branches {
        match decide_type(&mut b, kinds) {
            Verdict::Never => continue,
            Verdict::Always => {
                // the other tests of an `any` no longer matter
                kept.push(always(std::mem::take(&mut b.children)));
                closed = true;
                break;
            }
            Verdict::Open => {
                let sure = untested(&b) && b.match_ != ChooseMatch::Any;
                let impossible = untested(&b) && b.match_ == ChooseMatch::Any;
                if impossible {
                    continue;
                }
                if sure {
                    kept.push(always(std::mem::take(&mut b.children)));
                    closed = true;
                    break;
                }
                kept.push(b);
            }
        }
    }
    if closed {
        c.otherwise = None;
    }
    let mut kept = kept.into_iter();
    c.if_ = kept.next().unwrap_or_else(never);
    c.else_if = kept.collect();
    for b in std::iter::once(&mut c.if_).chain(c.else_if.iter_mut()) {
        prune(&mut b.children, kinds);
    }
    if let Some(e) = &mut c.otherwise {
        prune(&mut e.children, kinds);
    }
}

/// Specialise every `cs:choose` among `elements` and below.
fn prune(elements: &mut [LayoutRenderingElement], kinds: &Kinds) {
    for e in elements {
        match e {
            LayoutRenderingElement::Choose(c) => prune_choose(c, kinds),
            LayoutRenderingElement::Group(g) => prune(&mut g.children, kinds),
            LayoutRenderingElement::Names(n) => {
                for c in &mut n.children {
                    if let NamesChild::Substitute(s) = c {
                        prune(&mut s.children, kinds);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Call `f` on every element among `elements` and below.
fn walk(elements: &[LayoutRenderingElement], f: &mut dyn FnMut(&LayoutRenderingElement)) {
    for e in elements {
        f(e);
        match e {
            LayoutRenderingElement::Choose(c) => {
                for b in c.branches() {
                    walk(&b.children, f);
                }
                if let Some(o) = &c.otherwise {
                    walk(&o.children, f);
                }
            }
            LayoutRenderingElement::Group(g) => walk(&g.children, f),
            LayoutRenderingElement::Names(n) => {
                for c in &n.children {
                    if let NamesChild::Substitute(s) = c {
                        walk(&s.children, f);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The macros a text element calls among `elements`.
fn called_macros(elements: &[LayoutRenderingElement], out: &mut Vec<String>) {
    walk(elements, &mut |e| {
        if let LayoutRenderingElement::Text(t) = e {
            if let TextTarget::Macro { name } = &t.target {
                out.push(name.clone());
            }
        }
    });
}

/// Remove the macros that neither layout nor sort reaches.
fn drop_unreached_macros(s: &mut IndependentStyle) {
    let mut todo: Vec<String> = Vec::new();
    called_macros(&s.citation.layout.elements, &mut todo);
    let sorts = std::iter::once(s.citation.sort.as_ref())
        .chain(std::iter::once(
            s.bibliography.as_ref().and_then(|b| b.sort.as_ref()),
        ))
        .flatten();
    for sort in sorts {
        for k in &sort.keys {
            if let SortKey::MacroName { name, .. } = k {
                todo.push(name.clone());
            }
        }
    }
    if let Some(b) = &s.bibliography {
        called_macros(&b.layout.elements, &mut todo);
    }
    let reached = reached_macros(s, todo);
    s.macros.retain(|m| reached.contains(&m.name));
}

/// The macros `roots` name and every macro they call, directly or not.
fn reached_macros(s: &IndependentStyle, mut todo: Vec<String>) -> HashSet<String> {
    let mut reached: HashSet<String> = HashSet::new();
    while let Some(name) = todo.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        if let Some(m) = s.macros.iter().find(|m| m.name == name) {
            called_macros(&m.children, &mut todo);
        }
    }
    reached
}

/// Whether a citation depends on its number: the citation layout or a macro
/// it calls prints, labels or tests `citation-number`, its sort reads it,
/// or it collapses numbers.
fn cites_by_number(s: &IndependentStyle) -> bool {
    let number = Variable::Number(NumberVariable::CitationNumber);
    let as_number = NumberOrPageVariable::Number(NumberVariable::CitationNumber);
    if s.citation.collapse.is_some() {
        return true;
    }
    let sorted = s.citation.sort.as_ref().is_some_and(|sort| {
        sort.keys
            .iter()
            .any(|k| matches!(k, SortKey::Variable { variable, .. } if *variable == number))
    });
    let mut found = sorted;
    let mut look = |e: &LayoutRenderingElement| match e {
        LayoutRenderingElement::Text(t) => {
            if matches!(&t.target, TextTarget::Variable { var, .. } if *var == number) {
                found = true;
            }
        }
        LayoutRenderingElement::Number(n) => found |= n.variable == as_number,
        LayoutRenderingElement::Label(l) => found |= l.variable == as_number,
        LayoutRenderingElement::Choose(c) => {
            for b in c.branches() {
                let tests = b.variable.iter().chain(&b.is_numeric).flatten();
                found |= tests.into_iter().any(|v| *v == number);
            }
        }
        _ => {}
    };
    walk_citation(s, &mut look);
    found
}

/// Call `f` on every element of the citation layout and of the macros it
/// reaches.
fn walk_citation(s: &IndependentStyle, f: &mut dyn FnMut(&LayoutRenderingElement)) {
    walk(&s.citation.layout.elements, f);
    let mut roots = Vec::new();
    called_macros(&s.citation.layout.elements, &mut roots);
    let reached = reached_macros(s, roots);
    for m in s.macros.iter().filter(|m| reached.contains(&m.name)) {
        walk(&m.children, f);
    }
}

/// Whether any text of the style prints the citation label.
fn uses_citation_label(s: &IndependentStyle) -> bool {
    let mut found = false;
    let mut look = |e: &LayoutRenderingElement| {
        if let LayoutRenderingElement::Text(t) = e {
            if let TextTarget::Variable {
                var: Variable::Standard(StandardVariable::CitationLabel),
                ..
            } = t.target
            {
                found = true;
            }
        }
    };
    walk(&s.citation.layout.elements, &mut look);
    if let Some(b) = &s.bibliography {
        walk(&b.layout.elements, &mut look);
    }
    for m in &s.macros {
        walk(&m.children, &mut look);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use hayagriva::citationberg::Text;

    /// Every `type` test left in `elements` and below.
    fn type_tests(s: &IndependentStyle) -> usize {
        let mut n = 0;
        let mut count = |e: &LayoutRenderingElement| {
            if let LayoutRenderingElement::Choose(c) = e {
                n += c.branches().filter(|b| b.type_.is_some()).count();
            }
        };
        walk(&s.citation.layout.elements, &mut count);
        if let Some(b) = &s.bibliography {
            walk(&b.layout.elements, &mut count);
        }
        for m in &s.macros {
            walk(&m.children, &mut count);
        }
        n
    }

    /// Items of many types, one of a type CSL does not know.
    fn items() -> Vec<JsonItem> {
        let person = |f: &str, g: &str| serde_json::json!({"family": f, "given": g});
        let values = [
            serde_json::json!({"id": "a", "type": "book", "author": [person("Taylor", "A. J. P.")],
                "title": "The Origins of the Second World War", "publisher": "Hamish Hamilton",
                "publisher-place": "London", "issued": {"date-parts": [[1961]]}}),
            serde_json::json!({"id": "b", "type": "chapter", "author": [person("Nora", "Pierre")],
                "editor": [person("Le Goff", "Jacques")], "title": "Mémoire collective",
                "container-title": "La Nouvelle Histoire", "page": "398-401",
                "issued": {"date-parts": [[1978]]}}),
            serde_json::json!({"id": "c", "type": "article-journal", "author": [person("Darnton", "Robert")],
                "title": "What Is the History of Books?", "container-title": "Daedalus",
                "volume": "111", "issue": "3", "page": "65-83", "issued": {"date-parts": [[1982]]}}),
            serde_json::json!({"id": "d", "type": "manuscript", "title": "Smith to Jones",
                "archive": "The National Archives", "archive_location": "FO 371/12345",
                "issued": {"date-parts": [[1925, 5, 4]]}}),
            serde_json::json!({"id": "e", "type": "legal_case", "title": "Donoghue v Stevenson",
                "container-title": "AC", "volume": "1932", "page": "562", "authority": "HL",
                "issued": {"date-parts": [[1932]]}}),
            serde_json::json!({"id": "f", "type": "thesis", "author": [person("Roe", "Ann")],
                "title": "Venice and the Levant", "publisher": "University of Padua", "genre": "PhD diss.",
                "issued": {"date-parts": [[1990]]}}),
            serde_json::json!({"id": "g", "type": "no-such-type", "title": "Nothing CSL knows",
                "issued": {"date-parts": [[2001]]}}),
        ];
        values
            .into_iter()
            .map(|v| serde_json::from_value(v).unwrap())
            .collect()
    }

    /// Every item cited twice (full, then with a locator: subsequent or
    /// ibid), then the bibliography, each request in `style_of`'s style and
    /// the bibliography in `bib`.
    fn render<'a>(
        items: &'a [JsonItem],
        style_of: &dyn Fn(&JsonItem) -> &'a IndependentStyle,
        bib: &'a IndependentStyle,
    ) -> String {
        use hayagriva::citationberg::LocaleCode;
        use hayagriva::{
            BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, LocatorPayload,
            SpecificLocator,
        };
        let locales = super::super::locales();
        let mut driver: BibliographyDriver<JsonItem> = BibliographyDriver::new();
        let mut n = 0;
        for it in items {
            for locator in [None, Some("12")] {
                n += 1;
                let loc = locator.map(|l| {
                    SpecificLocator(
                        hayagriva::citationberg::taxonomy::Locator::Page,
                        LocatorPayload::Str(l),
                    )
                });
                driver.citation(CitationRequest::new(
                    vec![CitationItem::with_locator(it, loc)],
                    style_of(it),
                    Some(LocaleCode::en_us()),
                    locales,
                    Some(n),
                ));
            }
        }
        let r = driver.finish(BibliographyRequest::new(bib, None, locales));
        let mut out = String::new();
        for c in &r.citations {
            out += &format!("{:?}\n", c.citation);
        }
        for b in r.bibliography.iter().flat_map(|b| &b.items) {
            out += &format!("{:?}\n", b.content);
        }
        out
    }

    #[test]
    fn specialised_styles_render_what_the_whole_style_renders() {
        let items = items();
        for name in [
            "chicago-notes",
            "apa",
            "ieee",
            "modern-language-association",
        ] {
            let style = super::super::load_style(Some(name)).unwrap();
            let whole = render(&items, &|_| &style, &style);
            assert!(whole.contains("Origins"), "{name}: {whole}");
            // each citation in its type's style, the bibliography in the
            // document's (which holds an unknown type)
            let doc = DocumentStyles::new(&style, &items);
            assert_eq!(render(&items, &|i| doc.of(i), &doc.all), whole, "{name}");
            // a run of one type, and of one type and an unknown one
            let unknown = items.last().unwrap();
            for one in &items {
                for run in [vec![one.clone()], vec![one.clone(), unknown.clone()]] {
                    let whole = render(&run, &|_| &style, &style);
                    let doc = DocumentStyles::new(&style, &run);
                    assert_eq!(render(&run, &|i| doc.of(i), &doc.all), whole, "{name}");
                }
            }
        }
    }

    #[test]
    fn the_notes_run_keeps_the_sort_only_where_citations_are_numbered() {
        let notes = citations_only(&super::super::load_style(None).unwrap());
        let b = notes.bibliography.as_ref().unwrap();
        assert!(b.layout.elements.is_empty() && b.sort.is_none());
        // the same style printing the citation's number
        let mut numbered = super::super::load_style(None).unwrap();
        assert!(!cites_by_number(&numbered));
        let number = Variable::Number(NumberVariable::CitationNumber);
        numbered
            .citation
            .layout
            .elements
            .push(LayoutRenderingElement::Text(Text::with_target(number)));
        assert!(cites_by_number(&numbered));
        let sort = numbered.bibliography.as_ref().unwrap().sort.clone();
        assert!(sort.is_some());
        let notes = citations_only(&numbered);
        assert_eq!(notes.bibliography.as_ref().unwrap().sort, sort);
        // IEEE numbers its citations in citation order
        assert!(cites_by_number(
            &super::super::load_style(Some("ieee")).unwrap()
        ));
    }

    #[test]
    fn a_style_printing_citation_labels_keeps_its_citations() {
        let alpha = super::super::load_style(Some("alphanumeric")).unwrap();
        assert!(uses_citation_label(&alpha));
        assert!(bibliography_only(&alpha).is_none());
        let chicago = super::super::load_style(None).unwrap();
        let b = bibliography_only(&chicago).unwrap();
        assert!(b.citation.layout.elements.is_empty());
        assert!(b.macros.len() < chicago.macros.len());
    }

    #[test]
    fn one_kind_leaves_no_type_test() {
        let style = super::super::load_style(None).unwrap();
        assert!(type_tests(&style) > 100, "{}", type_tests(&style));
        let book = for_kinds(&style, &[Kind::Book]);
        assert_eq!(type_tests(&book), 0);
        assert!(book.macros.len() < style.macros.len());
    }
}
