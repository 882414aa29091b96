//! Labelled fields of one citation into a CSL-JSON item.
//!
//! The sequence labeller marks byte ranges of a citation as `author`,
//! `title`, `date`, `pages`, … ([`ibid_model::Label`]). [`to_item`] cleans
//! each span (edge punctuation, quotes, brackets), splits names into persons,
//! parses dates into `date-parts`, normalises pages, volumes, editions and
//! identifiers, and infers the CSL `type`. The pieces are public for the
//! stages that reuse them: [`parse_names`], [`parse_date`],
//! [`normalise_pages`], [`infer_type`] and the field cleaners.
//!
//! ```
//! use ibid_model::{ItemType, Label};
//! let text = "Mises, Ludwig von, Human Action (New Haven, 1949), pp. 12–15.";
//! let item = ibid_csl::to_item(text, &[
//!     (Label::Author, 0..18),
//!     (Label::Title, 19..31),
//!     (Label::Location, 32..43),
//!     (Label::Date, 44..50),
//!     (Label::Pages, 51..text.len()),
//! ]);
//! let mises = &item.author[0];
//! assert_eq!(mises.family.as_deref(), Some("Mises"));
//! assert_eq!(mises.dropping_particle.as_deref(), Some("von"));
//! assert_eq!(item.page.as_deref(), Some("12-15"));
//! assert_eq!(item.item_type, ItemType::Book);
//! ```
//!
//! # Decisions
//!
//! * **Honorifics** ("Sir", "Dame", "Lord", "Rev.", "Dr.", "Prof.", "General",
//!   "Cardinal", "Graf", …) and post-nominals ("KBE", "Ph.D.", "S.J.") are
//!   kept out of `given`: CSL has no prefix variable, so they go to
//!   `custom.honorifics` as `[{"role": "author", "index": 0, "value": "Sir"}]`.
//!   A title alone stays the name ("Lord" is a family name). Only
//!   generational and regnal suffixes ("Jr.", "Sr.", "III", "XII") go to
//!   `suffix`; a two-letter one after a single word ("Petrov IV") is read
//!   as initials.
//! * **Particles**: lower-case particles before the family name are split off.
//!   German "von", "vom", "zu", "zum", "zur" (and sequences starting with
//!   them: "von der", "von und zu") are `dropping-particle`; all others ("van
//!   der", "de", "de la", "di", "da", "del", "della", "du", "le", "ter",
//!   "ten", "'t") are `non-dropping-particle`. Capitalised particles ("De
//!   Meur", "Della Peruta", "Van Dyck") stay in `family`.
//! * **East Asian names** written family-first without a comma are kept
//!   family-first (`family` "Mao", `given` "Zedong") when the first word is a
//!   known family name (`data/east_asian_surnames.txt`) and the rest reads as
//!   a Chinese, Japanese or Korean transcription; CJK-script names are split
//!   after the first character (two for compound names in
//!   `data/cjk_compound_surnames.txt`, 2+2 for four Han characters).
//!   A family name in capitals ("DUPONT Jean", "MAO Zedong", "AYKUT Stefan
//!   C.") is the family name, and a two-word name whose second word is a
//!   common given name (`data/given_names.txt`: "Camporesi Piero") is read
//!   family-first. CSL-JSON has no flag for family-first display of Latin
//!   names; CJK-script names are displayed family-first by processors.
//! * **Name order** otherwise: initials first ("A. J. P. Taylor") are given
//!   names, and the words after them are one compound family name ("A.
//!   Caracciolo Aricó", "L. M. Bandrés Rey") unless the first is a common
//!   given name ("J. Robert Oppenheimer"); initials last ("Taylor A.J.P.",
//!   "Petrie KJ") follow a family name; otherwise the last word (with any
//!   particles) is the family name. "Family, Given" pairs are read from
//!   comma lists; a person of initials only shares the next family name
//!   ("E. e W. Eleodori"). A lone acronym ("A.L.R.C.") is a `literal`.
//! * **Corporate and anonymous authors** ("Foreign Office", "World Health
//!   Organization", "Anon.", "AA.VV.") are `literal` names.
//! * **Role markers** ("ed.", "(eds.)", "Hrsg.", "a cura di", "edited by",
//!   "trans.", "übers. v.", "trad.") are removed; in an `author` span they
//!   move the names to `editor` or `translator`. "et al." is dropped and
//!   recorded in `custom["et-al"]` as the list of roles it ended.
//! * **Dates** keep the span text in `raw`. Ranges give two parts; "1950-56"
//!   expands the second year. Undated markers ("n.d.", "s.d.", "o.J.",
//!   "forthcoming") and text without a year become `literal`. "c."/"ca."
//!   set `circa`. The letter of "1961a" goes to `custom["year-suffix"]`, a
//!   season to `custom.season` (1–4), a bracketed second year ("1986
//!   \[1927\]") to `custom["original-date"]`, an access date to
//!   `custom.accessed`, further date spans to `custom["other-dates"]`.
//!   Numeric "a/b/yyyy" is read day/month unless only month/day is valid.
//! * **Pages** use hyphen-minus for ranges ("12-15"), the common CSL-JSON
//!   spelling; processors render an en dash and apply the style's
//!   page-range format. Page markers ("p.", "pp.", "S.", "pag.") are removed;
//!   folio and column markers set `custom["page-label"]` ("folio",
//!   "column"); "f."/"ff." are glued to the page ("45f.", "45ff.");
//!   roman numerals and article numbers are kept as written. A registry
//!   number labelled as pages ("C 3766/270/18": three or more numbers
//!   joined by slashes, with a letter prefix or after an archive location)
//!   joins the archive location instead.
//! * **Volumes** lose their markers ("Vol.", "Bd.", "t.", "no."); roman
//!   numerals stay as written. A bracketed year in a volume span becomes the
//!   date when no date span exists, and "64(4)" gives volume and issue.
//! * Repeated labels are joined ("; " for places and publishers, ", " for
//!   pages and archive locations); a second `title` becomes the container
//!   title when there is none (LinkedBooks labels both as title). `other`
//!   spans are ignored except "in" as a chapter cue. Identifiers that cannot
//!   be read go to `custom.unparsed` rather than being lost.
//! * The type rules are listed in [`infer_type`]'s module docs; every item
//!   gets a type (`document` when nothing else fits).

mod archive_numbers;
mod artwork;
mod date;
mod fields;
mod ids;
mod infer;
mod interview;
mod item;
mod legal;
mod names;
mod occasion;
mod pages;
mod press;
mod publisher_series;
mod repair;
mod reports;
mod review;
mod sub_voce;
mod text;
mod thesis;
mod volume;
mod volume_title;

pub use date::{parse_date, parse_date_detailed, ParsedDate};
pub use fields::{clean_archive, clean_container, clean_plain, clean_publisher, clean_title};
pub use ibid_model::text::{occasion_head, Occasion};
pub use ids::{clean_doi, clean_isbn, clean_url};
pub use infer::infer_type;
pub use interview::is_interview_lead;
pub use item::to_item;
pub use names::{is_common_given_name, is_name_particle, parse_names, NameRole, ParsedNames};
pub use occasion::{is_occasion_lead, is_occasion_qualifier};
pub use pages::{normalise_pages, Pages};
pub use volume::{clean_edition, clean_issue, parse_volume, VolumeParts};
