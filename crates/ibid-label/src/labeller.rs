//! The labeller: tokens → features → CRF → labelled spans → CSL item.

use crate::archival_citation::archival_citation;
use crate::author_tail::{
    article_title_after_inverted_name, name_as_title, name_title_before_imprint,
    title_after_last_initials,
};
use crate::author_year_names::names_before_year;
use crate::bluebook::bluebook;
use crate::case_report::case_report;
use crate::congress::congress;
use crate::debates;
use crate::dict::Dict;
use crate::features::{extract, TokInfo};
use crate::german_archive::german_archive;
use crate::host::{same_author_host, title_runs_into_host};
use crate::imprint::{
    place_after_title, place_opens_publisher, publisher_before_year,
    publisher_between_place_and_year,
};
use crate::imprint_absent::absent_imprint_parts;
use crate::law_review::law_review_tail;
use crate::markers::markers_join_their_field;
use crate::occasion;
use crate::oscola_imprint::oscola_imprint;
use crate::output_punctuation::{spans_close_their_brackets, titles_keep_their_punctuation};
use crate::section_volume::{section_volume, volume_after_journal, volume_in_pages};
use crate::session_law::session_law;
use crate::span_rules::{
    corporate_author_before_title, first_of_two_containers, lone_container_before_year,
    publisher_after_place, split_quoted_titles,
};
use crate::spans::normalise_span;
use crate::stray_archive_location::archive_location_in_a_book;
use crate::title_in_author::{
    author_before_dash, title_after_family_name, unlabelled_name_before_title,
};
use crate::title_in_container::title_in_container;
use crate::title_years::years_after_title;
use crate::token::{tokenize, Token};
use crate::trailing_place::{title_runs_into_bracketed_place, title_runs_into_place};
use crate::unlabelled::{item_of, unlabelled_content};
use crate::us_code::us_code;
use ibid_crf::{AttrSeq, Model, Scratch};
use ibid_model::{Item, Label};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

/// The model's name for tokens outside every field, with the feature-set
/// version: a model trained with other features is refused at load time.
pub const OUTSIDE: &str = "outside@features-2";

/// The label id of [`OUTSIDE`] on a tagged path (after ibid's labels).
const OUTSIDE_ID: u16 = Label::ALL.len() as u16;

/// At most this many tokens of one citation go through the model; the rest
/// of an overlong input becomes one `other` span (keeps time and memory
/// linear and bounded; real citations have under 150 tokens).
pub const MAX_TOKENS: usize = 600;

static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/ibid-label.crf");

/// One labelled run of a citation's text (byte range into that text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledSpan {
    pub label: Label,
    pub range: Range<usize>,
}

/// The result of labelling one citation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labelled {
    /// The fields the model labelled, in text order.
    pub fields: Vec<LabelledSpan>,
    /// Text the model left outside every field that carries more than link
    /// words ("in", "pp.", "and"): kept in the item's `note` so that no
    /// content is dropped, but no part of `fields` (it is not a labelling).
    pub unlabelled: Vec<Range<usize>>,
    pub item: Item,
}

impl Labelled {
    /// The result for a citation whose fields are already known (labelled
    /// by its markup, such as a JATS `<element-citation>`): the spans,
    /// trimmed as the model's are, in text order, and the item built from
    /// them exactly as from the model's.
    ///
    /// ```
    /// use ibid_label::{Labelled, LabelledSpan};
    /// use ibid_model::Label;
    /// let text = "Braudel F, The Mediterranean, London, 1972";
    /// let span = |label, range| LabelledSpan { label, range };
    /// let out = Labelled::from_fields(
    ///     text,
    ///     vec![span(Label::Date, 38..42), span(Label::Author, 0..9), span(Label::Title, 11..28)],
    /// );
    /// assert_eq!(out.item.title.as_deref(), Some("The Mediterranean"));
    /// assert_eq!(out.item.author[0].family.as_deref(), Some("Braudel"));
    /// assert_eq!(out.fields[0].label, Label::Author);
    /// ```
    pub fn from_fields(text: &str, mut fields: Vec<LabelledSpan>) -> Labelled {
        let dict = Dict::embedded();
        for f in &mut fields {
            f.range = normalise_span(text, f.range.clone(), dict);
        }
        fields.retain(|f| !f.range.is_empty());
        fields.sort_by_key(|f| (f.range.start, f.range.end));
        let item = item_of(text, &fields, &[]);
        Labelled {
            fields,
            unlabelled: Vec::new(),
            item,
        }
    }
}

/// Why a model could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error(transparent)]
    Crf(#[from] ibid_crf::ModelError),
    #[error(
        "the model's labels do not match ibid's (`{0}`): trained with other features or labels?"
    )]
    Incompatible(String),
}

/// The labeller (model + word lists). `Send + Sync`; share it between threads.
#[derive(Debug, Clone)]
pub struct Labeller {
    /// `None` for [`Labeller::empty`]. Its labels are [`model_labels`].
    model: Option<Model>,
}

#[derive(Default)]
struct Work {
    tokens: Vec<Token>,
    infos: Vec<TokInfo>,
    seq: AttrSeq,
    scratch: Scratch,
    path: Vec<u16>,
}

thread_local! {
    static WORK: RefCell<Work> = RefCell::new(Work::default());
}

/// Token attributes as the labeller computes them (for experiments and
/// comparisons with other CRF implementations): `tokens` and `seq` are
/// filled, one item per token (at most [`MAX_TOKENS`]).
pub fn token_attributes(text: &str, tokens: &mut Vec<Token>, seq: &mut AttrSeq) {
    tokenize(text, tokens);
    tokens.truncate(MAX_TOKENS);
    extract(text, tokens, Dict::embedded(), &mut Vec::new(), seq, true);
}

/// Turns one model label id per token (ids as in [`model_labels`]) into
/// fields: runs of one label, edges normalised; `outside` runs are dropped.
pub fn fields_from_path(
    text: &str,
    tokens: &[Token],
    path: &[u16],
    fields: &mut Vec<LabelledSpan>,
) {
    let dict = Dict::embedded();
    let mut t = 0;
    let n = path.len().min(tokens.len());
    while t < n {
        let id = path[t];
        let mut e = t + 1;
        while e < n && path[e] == id {
            e += 1;
        }
        if let Some(&label) = Label::ALL.get(id as usize) {
            let range = tokens[t].range.start..tokens[e - 1].range.end;
            let range = normalise_span(text, range, dict);
            if !range.is_empty() {
                fields.push(LabelledSpan { label, range });
            }
        }
        t = e;
    }
}

/// The label names of a model, in id order: ibid's 21 labels then [`OUTSIDE`].
pub fn model_labels() -> Vec<String> {
    Label::ALL
        .iter()
        .map(|l| l.as_str().to_string())
        .chain(std::iter::once(OUTSIDE.to_string()))
        .collect()
}

impl Labeller {
    /// The labeller with the model embedded in the binary (loaded once).
    pub fn embedded() -> &'static Labeller {
        static L: OnceLock<Labeller> = OnceLock::new();
        L.get_or_init(|| {
            // word lists load with the model, not on the first call
            Dict::embedded();
            // the embedded model is tested at build time; should it ever be
            // unreadable, label nothing rather than panic
            Labeller::from_bytes(EMBEDDED_MODEL).unwrap_or_else(|_| Labeller::empty())
        })
    }

    /// A labeller with no model: every citation comes back unlabelled.
    pub fn empty() -> Labeller {
        Labeller { model: None }
    }

    /// Loads a model file (as written by [`Labeller::to_bytes`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Labeller, ModelError> {
        let model = Model::from_bytes(bytes)?;
        Labeller::from_model(model)
    }

    /// Wraps a trained CRF whose labels are [`model_labels`]' names.
    pub(crate) fn from_model(model: Model) -> Result<Labeller, ModelError> {
        let want = model_labels();
        if model.labels() != want.as_slice() {
            let got = model.labels().join(", ");
            return Err(ModelError::Incompatible(got));
        }
        Ok(Labeller { model: Some(model) })
    }

    /// The model file (empty for [`Labeller::empty`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.as_ref().map(Model::to_bytes).unwrap_or_default()
    }

    /// The underlying CRF.
    pub fn model(&self) -> Option<&Model> {
        self.model.as_ref()
    }

    /// Labels one citation. Never panics; any input gives a result (possibly
    /// with no field).
    pub fn label(&self, text: &str) -> Labelled {
        let mut fields = Vec::new();
        let mut unlabelled = Vec::new();
        let labelled = WORK.try_with(|w| match w.try_borrow_mut() {
            Ok(mut w) => self.label_into(text, &mut w, &mut fields, &mut unlabelled),
            Err(_) => self.label_into(text, &mut Work::default(), &mut fields, &mut unlabelled),
        });
        if labelled.is_err() {
            fields.clear();
            unlabelled.clear();
            self.label_into(text, &mut Work::default(), &mut fields, &mut unlabelled);
        }
        let item = item_of(text, &fields, &unlabelled);
        Labelled {
            fields,
            unlabelled,
            item,
        }
    }

    /// Labels `text` whose byte range `exclude` is no part of the cited work
    /// (a definition such as "(hereafter cited as D.G.F.P.)"): fields inside
    /// it are dropped, fields that overlap it keep their part outside it, and
    /// the item is built from what remains. The model still sees the whole
    /// text, so the context of the neighbouring fields is unchanged.
    ///
    /// ```
    /// let text = "Bundesarchiv Berlin (im Folgenden: BArch), R 43 II/1309";
    /// let out = ibid_label::Labeller::embedded().label_excluding(text, 20..41);
    /// assert!(out.fields.iter().all(|f| f.range.end <= 20 || f.range.start >= 41));
    /// ```
    pub fn label_excluding(&self, text: &str, exclude: Range<usize>) -> Labelled {
        let labelled = self.label(text);
        if exclude.is_empty() {
            return labelled;
        }
        let dict = Dict::embedded();
        let mut fields = Vec::with_capacity(labelled.fields.len());
        for f in labelled.fields {
            let r = &f.range;
            if r.end <= exclude.start || r.start >= exclude.end {
                fields.push(f);
                continue;
            }
            // keep the longer part outside the excluded range
            let before = r.start..exclude.start.max(r.start);
            let after = exclude.end.min(r.end)..r.end;
            let part = if before.len() >= after.len() {
                before
            } else {
                after
            };
            let part = normalise_span(text, part, dict);
            let kept = text
                .get(part.clone())
                .is_some_and(|p| p.chars().any(char::is_alphanumeric));
            if kept {
                fields.push(LabelledSpan {
                    label: f.label,
                    range: part,
                });
            }
        }
        let unlabelled: Vec<Range<usize>> = labelled
            .unlabelled
            .into_iter()
            .filter(|r| r.end <= exclude.start || r.start >= exclude.end)
            .collect();
        let item = item_of(text, &fields, &unlabelled);
        Labelled {
            fields,
            unlabelled,
            item,
        }
    }

    fn label_into(
        &self,
        text: &str,
        w: &mut Work,
        fields: &mut Vec<LabelledSpan>,
        unlabelled: &mut Vec<Range<usize>>,
    ) {
        let dict = Dict::embedded();
        let lead = occasion::lead(text, dict).or_else(|| crate::letter::lead(text, dict));
        let Some(lead) = lead else {
            self.label_plain(text, w, fields, unlabelled);
            return;
        };
        // a speech, diary entry or letter: its lead read by rule, the rest
        // by the model on its own (see the `occasion` and `letter` modules)
        fields.extend(lead.spans.iter().filter(|s| !s.range.is_empty()).cloned());
        if lead.rest < text.len() {
            let mut rest = Vec::new();
            self.label_plain(&text[lead.rest..], w, &mut rest, unlabelled);
            if lead.host && occasion::is_short_host(&rest) {
                // "in Dilks (ed.), Cadogan Diaries, p. 157": a back-reference
                // to the edition, which the resolver finds as a short cite
                fields.clear();
                unlabelled.clear();
                self.label_plain(text, w, fields, unlabelled);
                return;
            }
            occasion::relabel_rest(&lead, text, &text[lead.rest..], &mut rest);
            let shift = |r: &Range<usize>| r.start + lead.rest..r.end + lead.rest;
            fields.extend(rest.into_iter().map(|f| LabelledSpan {
                label: f.label,
                range: shift(&f.range),
            }));
            for r in unlabelled.iter_mut() {
                *r = shift(r);
            }
        }
    }

    /// Labels a citation with the model and the rules after it.
    fn label_plain(
        &self,
        text: &str,
        w: &mut Work,
        fields: &mut Vec<LabelledSpan>,
        unlabelled: &mut Vec<Range<usize>>,
    ) {
        let dict = Dict::embedded();
        // Hansard: read by rule, no model (the `debates` module)
        if let Some(found) = debates::parliamentary_debates(text, dict) {
            fields.extend(found.into_iter().filter_map(|f| {
                let range = normalise_span(text, f.range, dict);
                (!range.is_empty()).then_some(LabelledSpan {
                    label: f.label,
                    range,
                })
            }));
            return;
        }
        tokenize(text, &mut w.tokens);
        let overflow = w.tokens.get(MAX_TOKENS).map(|t| t.range.start);
        w.tokens.truncate(MAX_TOKENS);
        let classes = self.model.as_ref().is_some_and(|m| m.num_classes() > 1);
        extract(text, &w.tokens, dict, &mut w.infos, &mut w.seq, classes);
        match &self.model {
            Some(m) => m.tag(&w.seq, &mut w.scratch, &mut w.path),
            None => w.path.clear(),
        }
        law_review_tail(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        oscola_imprint(text, &w.tokens, &mut w.path, OUTSIDE_ID, dict);
        bluebook(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        markers_join_their_field(text, &w.tokens, &mut w.path, dict);
        title_runs_into_host(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        same_author_host(text, &w.tokens, &mut w.path);
        title_runs_into_place(text, &w.tokens, &mut w.path, OUTSIDE_ID, dict);
        title_runs_into_bracketed_place(text, &w.tokens, &mut w.path, OUTSIDE_ID, dict);
        // last: they read the whole citation and override the rules above
        german_archive(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        archival_citation(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        case_report(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        us_code(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        session_law(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        congress(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        fields_from_path(text, &w.tokens, &w.path, fields);
        split_quoted_titles(text, fields);
        lone_container_before_year(text, fields);
        first_of_two_containers(text, fields);
        title_in_container(text, fields);
        section_volume(text, fields);
        volume_in_pages(text, fields);
        volume_after_journal(text, fields);
        publisher_after_place(text, fields);
        corporate_author_before_title(text, fields);
        title_after_last_initials(text, fields);
        article_title_after_inverted_name(text, fields);
        names_before_year(text, fields);
        name_as_title(text, fields);
        name_title_before_imprint(text, fields);
        author_before_dash(text, fields);
        title_after_family_name(text, fields);
        unlabelled_name_before_title(text, fields);
        archive_location_in_a_book(text, fields);
        years_after_title(text, fields);
        place_after_title(text, fields);
        place_opens_publisher(text, fields);
        publisher_before_year(text, fields);
        publisher_between_place_and_year(text, fields);
        absent_imprint_parts(text, fields);
        titles_keep_their_punctuation(text, fields);
        spans_close_their_brackets(text, fields);
        unlabelled_content(text, &w.tokens, &w.path, unlabelled);
        // text a rule above gave a field is no longer left over
        unlabelled.retain(|r| {
            !fields
                .iter()
                .any(|f| f.range.start <= r.start && r.end <= f.range.end)
        });
        if fields.is_empty() && self.model.is_some() && text.chars().any(char::is_alphanumeric) {
            // The model saw nothing it knows (a script it was not trained
            // on, say): keep the text as a note rather than lose it.
            let range = normalise_span(text, 0..overflow.unwrap_or(text.len()), dict);
            // the note covers what the runs of unlabelled words would
            unlabelled.clear();
            if !range.is_empty() {
                fields.push(LabelledSpan {
                    label: Label::Note,
                    range,
                });
            }
        }
        if let Some(start) = overflow {
            fields.push(LabelledSpan {
                label: Label::Other,
                range: start..text.len(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(text: &'a str, out: &Labelled, label: Label) -> Vec<&'a str> {
        out.fields
            .iter()
            .filter(|f| f.label == label)
            .map(|f| &text[f.range.clone()])
            .collect()
    }

    /// Runs of `outside` tokens keep their words beyond link and stop words.
    #[test]
    fn unlabelled_content_skips_link_words() {
        let text = "Smith, Storia, che in un suo articolo sulla Rassegna, in particolare pp. 27; pages of 3, Series C";
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let outside = Label::ALL.len() as u16;
        let label_of = |w: &str| match w {
            "Smith" => Label::Author.index() as u16,
            "Storia" | "Rassegna" => Label::Title.index() as u16,
            "27" | "3" => Label::Pages.index() as u16,
            _ => outside,
        };
        let path: Vec<u16> = tokens
            .iter()
            .map(|t| label_of(&text[t.range.clone()]))
            .collect();
        let mut out = Vec::new();
        unlabelled_content(text, &tokens, &path, &mut out);
        let kept: Vec<&str> = out.iter().map(|r| &text[r.clone()]).collect();
        // a series word keeps its designation ("Series C"), other link words go
        assert_eq!(
            kept,
            ["che in un suo articolo sulla", "particolare", "Series C"]
        );
    }

    /// Unlabelled text never overlaps a field, also when the whole text
    /// falls back to one note.
    #[test]
    fn unlabelled_text_is_no_field() {
        let l = Labeller::embedded();
        for text in [
            "北京大学出版社 二〇〇一年 中国近代史研究",
            "K. O’Donovan, Sexual Divisions in Law (1985), in particolare 112–18.",
        ] {
            let out = l.label(text);
            assert!(!out.fields.is_empty(), "{text}");
            for r in &out.unlabelled {
                assert!(
                    out.fields
                        .iter()
                        .all(|f| f.range.end <= r.start || f.range.start >= r.end),
                    "{text}: {r:?} overlaps {:?}",
                    out.fields
                );
            }
        }
    }

    #[test]
    fn unlabelled_content_reaches_the_item_note() {
        let l = Labeller::embedded();
        let text = "K. O’Donovan, Sexual Divisions in Law (1985), in particolare 112–18.";
        let out = l.label(text);
        assert!(!out.unlabelled.is_empty(), "{:?}", out.fields);
        for r in &out.unlabelled {
            assert!(out
                .fields
                .iter()
                .all(|f| f.range.end <= r.start || f.range.start >= r.end));
            let note = out.item.note.as_deref().unwrap_or("");
            assert!(
                note.contains(&text[r.clone()]),
                "{note:?} lacks {:?}",
                &text[r.clone()]
            );
        }
    }

    #[test]
    fn label_excluding_takes_any_range() {
        let l = Labeller::embedded();
        let text = "Akten «ADAP» (im Folgenden: ADAP), Serie D, Bd. 1, S. 3";
        #[allow(clippy::reversed_empty_ranges)]
        let ranges = [0..0, 0..text.len(), 7..8, 50..10_000, 10_000..20_000, 3..2];
        for r in ranges {
            let out = l.label_excluding(text, r.clone());
            for f in &out.fields {
                assert!(text.get(f.range.clone()).is_some(), "{r:?}: {f:?}");
            }
        }
        assert!(l.label_excluding("", 0..5).fields.is_empty());
        let long = "Müller, Geschichte. ".repeat(5_000);
        let out = l.label_excluding(&long, 3..50_000);
        assert!(out
            .fields
            .iter()
            .all(|f| f.range.end <= 3 || f.range.start >= 50_000));
    }

    #[test]
    fn text_the_model_does_not_know_is_kept_as_a_note() {
        let l = Labeller::embedded();
        let text = "岩波書店、2001年。";
        let out = l.label(text);
        assert!(!out.fields.is_empty());
        let all: String = out.fields.iter().map(|f| &text[f.range.clone()]).collect();
        assert!(all.contains("岩波書店"), "{:?}", out.fields);
        assert!(serde_json::to_string(&out.item)
            .unwrap()
            .contains("岩波書店"));
    }

    /// "especially" and "esp." mark a pinpoint like "at" (a page marker in
    /// `data/markers.txt`): the title no longer runs on into the year.
    #[test]
    fn a_stressed_pinpoint_is_pages() {
        let l = Labeller::embedded();
        for text in [
            "K. O’Donovan, Sexual Divisions in Law (1985), especially 112–18.",
            "K. O’Donovan, Sexual Divisions in Law (1985), esp. 112–18.",
        ] {
            let out = l.label(text);
            assert_eq!(field(text, &out, Label::Title), ["Sexual Divisions in Law"]);
            assert_eq!(field(text, &out, Label::Date), ["1985"]);
        }
    }

    #[test]
    fn embedded_model_loads() {
        let l = Labeller::from_bytes(EMBEDDED_MODEL).expect("embedded model");
        assert_eq!(l.model().map(Model::num_labels), Some(22));
        assert_eq!(
            Labeller::from_bytes(&l.to_bytes()).map(|m| m.to_bytes()),
            Ok(l.to_bytes())
        );
    }

    #[test]
    fn labels_a_chicago_citation() {
        let text = "A. J. P. Taylor, The Origins of the Second World War (London: Hamish Hamilton, 1961), 88.";
        let out = Labeller::embedded().label(text);
        let authors = field(text, &out, Label::Author);
        assert!(authors.iter().any(|a| a.contains("Taylor")), "{out:?}");
        let titles = field(text, &out, Label::Title);
        assert!(
            titles
                .iter()
                .any(|t| t.contains("Origins of the Second World War")),
            "{out:?}"
        );
        assert_eq!(field(text, &out, Label::Location), ["London"]);
        assert_eq!(field(text, &out, Label::Date), ["1961"]);
        assert_eq!(
            out.item.issued.as_ref().and_then(|d| d.first_year()),
            Some(1961)
        );
        assert_eq!(out.item.publisher_place.as_deref(), Some("London"));
    }

    #[test]
    fn labels_a_journal_article() {
        let text = "Smith, J. (2004). Parish registers in early modern Venice. Journal of Social History, 37(2), 311-330.";
        let out = Labeller::embedded().label(text);
        assert_eq!(field(text, &out, Label::Date), ["2004"]);
        assert!(
            field(text, &out, Label::Pages)
                .iter()
                .any(|p| p.contains("311")),
            "{out:?}"
        );
        assert!(
            field(text, &out, Label::Author)
                .iter()
                .any(|a| a.contains("Smith")),
            "{out:?}"
        );
    }

    #[test]
    fn hostile_inputs_never_panic() {
        let l = Labeller::embedded();
        let long = "Smith, J., A Title, London 1990. ".repeat(3100);
        for text in [
            "",
            " ",
            ".,;:!?()[]{}«»“”‘’—–-/\\",
            "\u{0}\u{1}\u{7}\u{1b}[31m control \u{7f}",
            "\u{202E}مكتبة الإسكندرية، ١٩٩٠\u{202C}",
            "東京大学出版会、1990年、123頁。",
            "\u{FEFF}\u{200B}",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂 1999",
            &long,
        ] {
            let out = l.label(text);
            for f in &out.fields {
                assert!(f.range.start < f.range.end && f.range.end <= text.len());
                assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
            }
        }
        let out = l.label(&long);
        let last = out.fields.last().expect("fields");
        assert_eq!((last.label, last.range.end), (Label::Other, long.len()));
        assert!(l.label(".,;:!?()").item.is_empty());
        assert!(Labeller::empty().label("Smith 1990").fields.is_empty());
    }

    #[test]
    fn bad_model_files_are_errors() {
        assert!(matches!(
            Labeller::from_bytes(b"nonsense"),
            Err(ModelError::Crf(_))
        ));
        let mut bytes = Labeller::embedded().to_bytes();
        let n = bytes.len();
        bytes[n / 2] ^= 1;
        assert!(Labeller::from_bytes(&bytes).is_err());
        // a valid CRF model with foreign labels
        let mut data = ibid_crf::Dataset::new(vec!["B-PER".into(), "O".into()]).expect("labels");
        let mut seq = AttrSeq::default();
        seq.push(1);
        seq.end_item();
        data.push(&seq, &[0]).expect("push");
        let (m, _) =
            ibid_crf::train(&data, &ibid_crf::TrainOptions::default(), |_| {}).expect("train");
        assert!(matches!(
            Labeller::from_bytes(&m.to_bytes()),
            Err(ModelError::Incompatible(_))
        ));
    }

    #[test]
    fn labelling_is_thread_safe_and_repeatable() {
        let text = "G. Cozzi, Repubblica di Venezia e Stati italiani, Torino 1982, pp. 91-133.";
        let a = Labeller::embedded().label(text);
        let b = std::thread::spawn(move || Labeller::embedded().label(text))
            .join()
            .expect("thread");
        assert_eq!(a, b);
    }
}
