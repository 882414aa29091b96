//! CSL's substitute inheritance, made explicit before hayagriva renders.
//!
//! A `cs:names` with no children inside `cs:substitute` inherits the `cs:name`,
//! `cs:et-al` and `cs:label` of the `cs:names` it substitutes for, and its
//! options (CSL 1.0.2, "Substitute"). hayagriva 0.10 applies that only to a
//! `cs:names` that is a direct child of `cs:substitute`; one inside a
//! `cs:choose` there renders with no name options at all. Chicago (CMOS 18)
//! puts its editor and translator substitutes inside such a `cs:choose` (not
//! for standards), so an edited book with no author came out as "P. Nora.
//! Les Lieux de mémoire." instead of "Nora, Pierre, ed. Les Lieux de
//! mémoire." [`inherit_in_substitutes`] gives every such nested `cs:names`
//! what it would inherit, the way hayagriva does for direct children.

use hayagriva::citationberg::{IndependentStyle, LayoutRenderingElement, Names, NamesChild};

/// Give every childless `cs:names` nested in a `cs:choose` or `cs:group` of
/// a `cs:substitute` the name, et-al, label and options of the `cs:names`
/// the substitute belongs to.
pub(crate) fn inherit_in_substitutes(style: &mut IndependentStyle) {
    for m in &mut style.macros {
        visit(&mut m.children);
    }
    visit(&mut style.citation.layout.elements);
    if let Some(b) = &mut style.bibliography {
        visit(&mut b.layout.elements);
    }
}

/// Find the `cs:names` with a substitute among `elements` and below.
fn visit(elements: &mut [LayoutRenderingElement]) {
    for e in elements {
        match e {
            LayoutRenderingElement::Names(names) => {
                let parent = names.clone();
                for c in &mut names.children {
                    let NamesChild::Substitute(s) = c else {
                        continue;
                    };
                    for child in &mut s.children {
                        if !matches!(child, LayoutRenderingElement::Names(_)) {
                            inherit(&parent, std::slice::from_mut(child));
                        }
                    }
                }
            }
            LayoutRenderingElement::Group(g) => visit(&mut g.children),
            LayoutRenderingElement::Choose(c) => {
                for b in std::iter::once(&mut c.if_).chain(&mut c.else_if) {
                    visit(&mut b.children);
                }
                if let Some(o) = &mut c.otherwise {
                    visit(&mut o.children);
                }
            }
            _ => {}
        }
    }
}

/// Inside a substitute: every `cs:names` takes what it inherits from
/// `parent` (one with children of its own keeps them: hayagriva's
/// `from_names_substitute` decides, as for direct children).
fn inherit(parent: &Names, elements: &mut [LayoutRenderingElement]) {
    for e in elements {
        match e {
            LayoutRenderingElement::Names(n) => *n = parent.from_names_substitute(n),
            LayoutRenderingElement::Group(g) => inherit(parent, &mut g.children),
            LayoutRenderingElement::Choose(c) => {
                for b in std::iter::once(&mut c.if_).chain(&mut c.else_if) {
                    inherit(parent, &mut b.children);
                }
                if let Some(o) = &mut c.otherwise {
                    inherit(parent, &mut o.children);
                }
            }
            _ => {}
        }
    }
}
