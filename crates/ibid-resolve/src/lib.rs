//! Resolution of back-references: every "Ibid.", short title, "op. cit.",
//! abbreviation and "supra n. 5" is tied to the work it means, and the
//! document's distinct works are collected into a bibliography.
//!
//! Input is the segmented and labelled notes ([`NoteInput`]); output is a
//! [`Resolution`] of the same shape, plus the works, the abbreviations the
//! notes define, and diagnostics for what could not be settled.
//!
//! Guarantees: looks only backwards (a citation is resolved from what came
//! before it); deterministic for a given input; no I/O; never panics; time
//! near-linear in the number of citations (earlier works are indexed by
//! author key, title word and archive file, with typo-tolerant lookups).
//!
//! ## Decisions
//! - **Locators.** A citation's pinpoint goes into its resolved item as
//!   `custom["locator"]` (CSL keeps the locator outside the item). A work's own
//!   item never carries a citation's pinpoint: when the fullest citation's
//!   `page` is its locator, the page is dropped from the work (the pinpoint is
//!   in [`Work::locators`](ibid_model::Work)).
//! - **Items.** Full citations keep their own item (with "Idem" replaced by
//!   the author it stands for and "in id." filled from the previous work);
//!   resolved back-references get the work's item, `id` = work id.
//! - **Archives.** A work with an `archive_location` is the archive *file*
//!   ("FO 371/18851"); its item holds the archive-level fields only, and each
//!   citation keeps its document's own fields.
//! - **Volumes.** Different volumes of a collection are different works
//!   ("D.G.F.P. C/II" and "D/I"); a new volume first met through an
//!   abbreviation or "Ibid., Vol. II" is derived from the volume seen before.
//! - **Ambiguity.** An ibid after a note citing several works, a short form
//!   matching several works, a cross-reference to a note with several works
//!   (unless its name is the first author of one of them, "Posner, supra
//!   note 11" beside Landes & Posner, or it uses a short form defined for one,
//!   "DOJ Report, supra note 25"):
//!   `work: None` and a diagnostic (`ambiguous-ibid`,
//!   `ambiguous-short-title`, `ambiguous-cross-reference`), never a guess.
//!   An ambiguous ibid's diagnostic names the one work its pinpoint's kind
//!   fits, when every work of that note was cited with a pinpoint and only
//!   one with a page (or document number, folio, column, paragraph) as the
//!   ibid's is: "… follows a note citing 2 works; only w2 was cited there by
//!   page".
//! - **Abbreviations.** [`Resolution::abbreviations`] lists every definition
//!   made in the notes ("hereafter cited as", "im Folgenden:", "ci-après",
//!   "d'ora in poi", `[X]`, or `(X)` after the words X abbreviates), with its
//!   note and work; a short form for a repository ("TNA", "BArch", "ASV") has
//!   no work, and its later uses name files of that archive.
//!   [`Resolution::known_abbreviations`] lists the well-known ones used
//!   without definition (expansions from the shipped table).
//! - **Kinds.** Corrected where the text is clear: "Ibid."/"Ebd."/"Ivi" →
//!   ibid; a defined short form → abbreviation; a well-known series, law
//!   report or archive reference ("H.C. Deb., 5th ser., vol. 292", "BArch, R
//!   43 II/1310") → full; anything pointing to a note ("Bingham (n 4) 75",
//!   "Wark, above, n. 12") → cross-reference; "Ders., a.a.O." → short; a
//!   "full" citation with nothing but author and (short) title that names an
//!   earlier work → short; a "short" one with publication details that
//!   names nothing earlier → full (a new work).
//! - **Identity of works.** Repeated full citations are one work when their
//!   authors agree and their titles (or main titles) are equal, unless their
//!   volumes, day dates or typography differ ("‘The Rule of Law’" is an
//!   article, *The Rule of Law* a book). Archive files are matched by file
//!   (the archive's name may differ: "PRO" = "TNA"); newspaper issues and
//!   dated documents by name and day ("The Times, 1 Oct. 1938").
//! - **Labeller noise.** Each work also keeps the words of its full
//!   citations, so a short form still finds it when the labeller misread the
//!   full citation's title or author ("Newman, March 1939", "AV Dicey").
//! - **Typos.** Names and title words match within one edit (two in words of
//!   nine letters or more; none under five letters). A name alone ("Verza,
//!   op. cit.") finds a work by a near name only when it has seven letters
//!   or more ("Hobsbawn" → Hobsbawm): short names have real neighbours
//!   ("Verza", "Verma"), and need a title word to back a typo.
//! - **Back-reference locators.** When the segmenter gives none, the
//!   resolver reads one from the text ("p. 91", "S. 5 f.", "n° 245", "at 5"
//!   → "5", `(n 16) [50]–[51]`) into [`Resolved::locator`].
//!
//! ```
//! use ibid_model::{CitationKind, Item, ItemType, Name};
//! use ibid_resolve::{resolve, CitationInput, NoteInput};
//!
//! let full = Item {
//!     item_type: ItemType::Book,
//!     author: vec![Name::person("Taylor", Some("A. J. P.".into()))],
//!     title: Some("The Origins of the Second World War".into()),
//!     ..Item::default()
//! };
//! let short = Item {
//!     author: vec![Name::person("Taylor", None)],
//!     title: Some("Origins".into()),
//!     ..Item::default()
//! };
//! let empty = Item::default();
//! let cite = |text, kind, locator, item| CitationInput { text, kind, locator, item, defines: None };
//! let notes = vec![
//!     NoteInput { number: Some(1), citations: vec![cite(
//!         "A. J. P. Taylor, The Origins of the Second World War (London, 1961), p. 12.",
//!         CitationKind::Full, Some("p. 12"), &full)] },
//!     NoteInput { number: Some(2), citations: vec![cite("Ibid., p. 14.", CitationKind::Ibid, Some("p. 14"), &empty)] },
//!     NoteInput { number: Some(3), citations: vec![cite("Taylor, Origins, p. 120.", CitationKind::Short, Some("p. 120"), &short)] },
//! ];
//! let r = resolve(&notes);
//! assert_eq!(r.works.len(), 1);
//! assert_eq!(r.works[0].item.id.as_deref(), Some("w1"));
//! assert_eq!(r.works[0].cited_in, [1, 2, 3]);
//! assert_eq!(r.citations[1][0].work, Some(0));
//! assert_eq!(r.citations[2][0].item.title, full.title);
//! assert_eq!(r.citations[2][0].item.custom["locator"], "p. 120");
//! ```

mod abbrev;
mod definitions;
mod engine;
mod families;
mod fold;
mod fuzzy;
mod issues;
mod known;
mod locators;
mod markers;
mod named;
mod query;
mod score;
mod signature;
mod tokens;
mod work_item;
mod works;
mod xref;

#[cfg(test)]
mod tests_archives;
#[cfg(test)]
mod tests_conventions;
#[cfg(test)]
mod tests_refs;
#[cfg(test)]
mod tests_rules;
#[cfg(test)]
mod tests_works;

use ibid_model::{Abbreviation, CitationKind, Item, StageDiagnostic, Work};

pub use known::{table as known_abbreviations, KnownAbbreviation, KnownKind, KnownTable};
pub use score::{score_clustering, PairwiseScores};

/// One citation as the segmenter and labeller left it.
#[derive(Debug, Clone, Copy)]
pub struct CitationInput<'a> {
    /// The citation's text.
    pub text: &'a str,
    /// The segmenter's guess of the kind (may be corrected).
    pub kind: CitationKind,
    /// The pinpoint ("p. 91", "Doc. No. 45"), if the segmenter found one.
    pub locator: Option<&'a str>,
    /// The labeller's CSL item parsed from the citation's own text.
    pub item: &'a Item,
    /// An abbreviation this citation defines ("D.G.F.P."), if the segmenter found one.
    pub defines: Option<&'a str>,
}

/// One note: its number (`None` for prose blocks) and its citations.
#[derive(Debug, Clone, Default)]
pub struct NoteInput<'a> {
    pub number: Option<u32>,
    pub citations: Vec<CitationInput<'a>>,
}

/// One resolved citation.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The kind, corrected where the text says otherwise (a "Full" that is
    /// "Ibid.", a "Short" that is a new work …).
    pub kind: CitationKind,
    /// Index into [`Resolution::works`].
    pub work: Option<usize>,
    /// For back-references: the work's item (`id` = work id); for full
    /// citations: the citation's own item. The pinpoint, when there is one, is
    /// in `custom["locator"]`.
    pub item: Item,
    /// The pinpoint: the segmenter's, or one found in the text of a back-reference.
    pub locator: Option<String>,
}

/// The result of resolving a document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resolution {
    /// Per note, per citation: the same shape as the input.
    pub citations: Vec<Vec<Resolved>>,
    /// Distinct works, ids "w1", "w2", … in order of first citation.
    pub works: Vec<Work>,
    /// Abbreviations defined in the notes, in order, with their note; `work`
    /// is the work (or series volume) they stand for, `None` for a repository.
    pub abbreviations: Vec<Abbreviation>,
    /// Well-known abbreviations used without a definition (`note`/`work`
    /// `None`, `long` = the expansion from the shipped table), in order of use.
    pub known_abbreviations: Vec<Abbreviation>,
    pub diagnostics: Vec<StageDiagnostic>,
}

impl Resolution {
    /// The id ("w3") of a work index.
    pub fn work_id(&self, work: usize) -> Option<&str> {
        self.works.get(work).and_then(|w| w.item.id.as_deref())
    }
}

/// Resolve every back-reference of a document to the work it means.
pub fn resolve(notes: &[NoteInput<'_>]) -> Resolution {
    engine::Engine::default().run(notes)
}
