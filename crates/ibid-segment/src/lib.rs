//! ibid's spine: split a notes list into notes, and each note into its
//! citations, each with a kind, a pinpoint locator and any abbreviation it
//! defines.
//!
//! * [`split_notes`] reads numbered notes in every common style (`12 `,
//!   `12.`, `[12]`, `12)`, `n. 12`, `note 12`, `¹²`), wrapped over several
//!   lines or run together on one line, and reads the numbers as a sequence,
//!   so that "1961), p. 88." is not note 1961 when we are at note 12. Numbers
//!   that skip, repeat or go back are kept as written, with a diagnostic.
//!   Text without numbers is read as a reference list. Headings and text
//!   before the first note become prose blocks.
//! * [`split_citations`] cuts a note at semicolons, link-debris breaks, cue
//!   words ("see also", "cf.", "vgl.", "voir"), sentence ends between a
//!   citation and prose (abbreviations such as "Vol.", "H.M.S.O." or "a.a.O."
//!   never end a sentence), trims commentary around citations, keeps the
//!   segments that look like citations, and classifies them as full, ibid,
//!   short, abbreviation or cross-reference.
//!
//! Everything is rule-based, multilingual (English, German, French, Italian),
//! linear in the input, and never panics. All ranges are byte ranges into the
//! texts given, on character boundaries.
//!
//! ```
//! use ibid_model::{CitationKind, InputForm, MappedText};
//!
//! let input = "Notes\n\
//! 7 Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as\n\
//! D.G.F.P.), Doc. No. 45; see also Taylor, A. J. P., The Origins of the Second\n\
//! World War (London, 1961), p. 88.\n\
//! 8 Ibid., p. 91. 9 D.G.F.P. C/II, Doc. No. 102.\n";
//! let split = ibid_segment::split_notes(&MappedText::identity(input, 0), &[]);
//! assert_eq!(split.form, InputForm::NumberedNotes);
//! let numbers: Vec<Option<u32>> = split.notes.iter().map(|n| n.number).collect();
//! assert_eq!(numbers, [None, Some(7), Some(8), Some(9)]); // "Notes" is a prose block
//!
//! let note = &split.notes[1];
//! let text = note.text.as_str();
//! let cites = ibid_segment::split_citations(note);
//! assert_eq!(cites.len(), 2);
//! assert_eq!(cites[0].defines.as_deref(), Some("D.G.F.P."));
//! assert_eq!(&text[cites[0].locator.clone().unwrap()], "Doc. No. 45");
//! assert_eq!(&text[cites[1].range.clone()], "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88");
//! assert_eq!(&text[cites[1].signal.clone().unwrap()], "see also");
//!
//! let ibid = &ibid_segment::split_citations(&split.notes[2])[0];
//! assert_eq!(ibid.kind, CitationKind::Ibid);
//! let abbr = &ibid_segment::split_citations(&split.notes[3])[0];
//! assert_eq!(abbr.kind, CitationKind::Abbreviation);
//! ```
//!
//! # Conventions
//!
//! These follow the gold of the fixture documents (`test_data/documents`).
//!
//! * A note's text has no number label; its line wraps are joined with one
//!   space; it stays mapped to the original input ([`ibid_model::MappedText`]).
//!   Numbered notes keep their number even when they hold only prose (they
//!   simply have no citations); headings and text outside the notes are
//!   prose blocks without a number.
//! * A citation's range has no surrounding spaces, no leading cue words or
//!   connectives ("See also", "cf.", "Vgl.", "dagegen", "and", "Cité par"),
//!   and no final sentence period, semicolon or comma; a period that belongs
//!   to an abbreviation ("Ibid.", "ff.", "op. cit.", "a.a.O.", "sq.") is kept.
//!   The words that introduce a citation are its `signal` ("See, for
//!   example,", "Vgl.", "For a discussion of the two systems, see"): the
//!   clause before it, back to the previous citation, a sentence end, a
//!   semicolon or an opening bracket, when that clause ends in a cue word, a
//!   cue filler or a lead-in word, or opens with a cue word and is short.
//!   A description that belongs to an archival item stays ("Phipps to Simon,
//!   4 May 1935, FO 371/…"); commentary before or after is dropped.
//! * Kinds: `CrossReference` for anything that names a note without a short
//!   title marker ("cited in note 4", "Wark, above, n. 12, p. 99", OSCOLA
//!   "Bingham (n 4) 75", "Michalka (wie Anm. 15)"); `Short` for "op. cit.",
//!   "a.a.O.", "cit.", author + short title, title alone, author alone, and
//!   author-date references in notes ("Luhmann 1980, S. 99"); `Abbreviation`
//!   for a short form with series/volume/document numbers ("D.G.F.P. C/II,
//!   Doc. No. 102", also after a description of the document), but archival
//!   citations that start with a repository ("BArch", "TNA", "AN") are `Full`.
//! * Locators are the pinpoint as written, without "at"/"ici"/"hier": the
//!   last marked locator ("p. 91", "Doc. No. 45", "S. 85 f.", "art 6(1)"), or
//!   a bare number after a bracket ("(HL) 580") or after a first page ("467,
//!   470"), or, in Bluebook's form, right before the final parenthesis with
//!   the year ("Economic Analysis of Law 213 (9th ed. 2014)"); a star page
//!   keeps its star ("at *4"). Volume numbers and the page range of an
//!   article or chapter are not locators of a full citation. For "Ibid." the
//!   locator is everything after it ("II/VII, Doc. No. 147"; "406" for "Id.
//!   at 406"), without a trailing remark in brackets.

mod candidates;
mod citations;
mod classify;
mod defines;
mod features;
mod heads;
mod labels;
mod lexicon;
mod notes;
mod reflist;
mod token_bits;
mod tokens;
mod wordlists;

pub use citations::split_citations;
pub use notes::{split_notes, NoteSplit};
