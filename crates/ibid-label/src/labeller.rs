//! The labeller: tokens → features → CRF → labelled spans → CSL item.

use crate::case_report::case_report;
use crate::dict::Dict;
use crate::features::{extract, TokInfo};
use crate::host::title_runs_into_host;
use crate::law_review::law_review_tail;
use crate::markers::markers_join_their_field;
use crate::spans::{normalise_span, quoted_title_end};
use crate::token::{tokenize, Token};
use crate::trailing_place::title_runs_into_place;
use crate::unlabelled::{item_of, unlabelled_content};
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
    extract(text, tokens, Dict::embedded(), &mut Vec::new(), seq);
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

/// A quoted title that the model ran on past its closing quotation mark
/// ("“What Is the History of Books?,” Daedalus") ends at the mark; the words
/// after it, up to the end of the span, are the container.
fn split_quoted_titles(text: &str, fields: &mut Vec<LabelledSpan>) {
    let dict = Dict::embedded();
    let mut i = 0;
    while i < fields.len() {
        let f = &fields[i];
        let end = (f.label == Label::Title)
            .then(|| quoted_title_end(text, f.range.clone()))
            .flatten();
        if let Some(end) = end {
            let range = f.range.clone();
            let title = normalise_span(text, range.start..end, dict);
            let mut rest = normalise_span(text, end..range.end, dict);
            // "», in Rivista": the link word is no part of the container
            if let Some(after_in) = text.get(rest.clone()).and_then(|r| {
                ["in: ", "In: ", "in ", "In "]
                    .iter()
                    .find_map(|w| r.strip_prefix(w))
            }) {
                rest = normalise_span(text, rest.end - after_in.len()..rest.end, dict);
            }
            if !title.is_empty() && !rest.is_empty() {
                fields[i].range = title;
                fields.insert(
                    i + 1,
                    LabelledSpan {
                        label: Label::ContainerTitle,
                        range: rest,
                    },
                );
                i += 1;
            }
        }
        i += 1;
    }
}

/// A book cited author, title, year ("K. O’Donovan, Family Matters (1993)")
/// looks to the model like the container of a law-review article, whose
/// year also comes in parentheses after its title. A container-title with no
/// title in the citation, no volume or issue, and the year in parentheses
/// right after it is the title, unless it has digits or a journal word. (A
/// lone container with a volume, labelled or glued on as in "Phys. Rev.
/// D60", is a journal cited without its article's title, common in physics.)
fn lone_container_before_year(text: &str, fields: &mut [LabelledSpan]) {
    let dict = Dict::embedded();
    let has = |l: Label| fields.iter().any(|f| f.label == l);
    if has(Label::Title) || has(Label::Volume) || has(Label::Issue) {
        return;
    }
    let mut containers = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.label == Label::ContainerTitle);
    let (Some((i, c)), None) = (containers.next(), containers.next()) else {
        return;
    };
    let Some(next) = fields.get(i + 1) else {
        return;
    };
    let gap = text.get(c.range.end..next.range.start).unwrap_or("x");
    // "Phys. Rev. D60 (1999)": a journal with its volume glued on, …
    // … and "Phys. Lett. B (2017)", "The EFSA Journal (2004)": a journal
    let journal = text.get(c.range.clone()).is_none_or(|c| {
        c.chars().any(|ch| ch.is_ascii_digit())
            || c.split(|ch: char| !ch.is_alphanumeric())
                .any(|w| !w.is_empty() && dict.flags_of(w) & crate::dict::JOURNAL != 0)
    });
    if next.label == Label::Date && gap.trim() == "(" && !journal {
        fields[i].label = Label::Title;
    }
}

/// Two container-titles and no title ("Sarat, Austin, 1976: Alternatives in
/// Dispute Processing, in: Law and Society Review"): a work has one
/// container, so the first is the title.
fn first_of_two_containers(text: &str, fields: &mut [LabelledSpan]) {
    if fields.iter().any(|f| f.label == Label::Title) {
        return;
    }
    let mut containers = fields
        .iter()
        .filter(|f| f.label == Label::ContainerTitle)
        .map(|f| text.get(f.range.clone()).unwrap_or(""));
    // the same words twice are one container written twice
    let (Some(a), Some(b)) = (containers.next(), containers.next()) else {
        return;
    };
    if !a.eq_ignore_ascii_case(b) {
        if let Some(first) = fields.iter_mut().find(|f| f.label == Label::ContainerTitle) {
            first.label = Label::Title;
        }
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
        tokenize(text, &mut w.tokens);
        let overflow = w.tokens.get(MAX_TOKENS).map(|t| t.range.start);
        w.tokens.truncate(MAX_TOKENS);
        extract(text, &w.tokens, dict, &mut w.infos, &mut w.seq);
        match &self.model {
            Some(m) => m.tag(&w.seq, &mut w.scratch, &mut w.path),
            None => w.path.clear(),
        }
        law_review_tail(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        markers_join_their_field(text, &w.tokens, &mut w.path, dict);
        title_runs_into_host(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        title_runs_into_place(text, &w.tokens, &mut w.path, OUTSIDE_ID, dict);
        // last: it reads the whole citation and overrides the rules above
        case_report(text, &w.tokens, &mut w.path, OUTSIDE_ID);
        fields_from_path(text, &w.tokens, &w.path, fields);
        split_quoted_titles(text, fields);
        lone_container_before_year(text, fields);
        first_of_two_containers(text, fields);
        unlabelled_content(text, &w.tokens, &w.path, unlabelled);
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

    #[test]
    fn a_lone_container_before_its_year_is_a_book_title() {
        let spans = |text: &str, parts: &[(Label, &str)]| -> Vec<LabelledSpan> {
            parts
                .iter()
                .map(|&(label, p)| {
                    let start = text.find(p).unwrap();
                    LabelledSpan {
                        label,
                        range: start..start + p.len(),
                    }
                })
                .collect()
        };
        let labels = |f: &[LabelledSpan]| f.iter().map(|f| f.label).collect::<Vec<_>>();
        let book = "K. O’Donovan, Family Matters (1993), 43–59.";
        let mut f = spans(
            book,
            &[
                (Label::Author, "K. O’Donovan"),
                (Label::ContainerTitle, "Family Matters"),
                (Label::Date, "1993"),
                (Label::Pages, "43–59"),
            ],
        );
        lone_container_before_year(book, &mut f);
        assert_eq!(
            labels(&f),
            [Label::Author, Label::Title, Label::Date, Label::Pages]
        );
        // journals stay: with a volume glued on, with a journal word, with a
        // labelled volume, or after a title
        for (text, container) in [
            (
                "M. Ambrosio et al., Phys. Rev. D60 (1999) 082002.",
                "Phys. Rev. D60",
            ),
            (
                "M. Shalchi et al., Phys. Lett. B (2017), in press.",
                "Phys. Lett. B",
            ),
        ] {
            let year = &text[text.find(" (").unwrap() + 2..][..4];
            let mut f = spans(
                text,
                &[(Label::ContainerTitle, container), (Label::Date, year)],
            );
            lone_container_before_year(text, &mut f);
            assert_eq!(f[0].label, Label::ContainerTitle, "{text}");
        }
        let mut f = spans(
            book,
            &[
                (Label::ContainerTitle, "Family Matters"),
                (Label::Date, "1993"),
                (Label::Volume, "43"),
            ],
        );
        lone_container_before_year(book, &mut f);
        assert_eq!(f[0].label, Label::ContainerTitle);
        let mut f = spans(
            book,
            &[
                (Label::Title, "O’Donovan"),
                (Label::ContainerTitle, "Family Matters"),
                (Label::Date, "1993"),
            ],
        );
        lone_container_before_year(book, &mut f);
        assert_eq!(f[1].label, Label::ContainerTitle);
    }

    #[test]
    fn the_first_of_two_containers_is_the_title() {
        let at = |text: &str, label, part: &str| {
            let start = text.find(part).unwrap();
            LabelledSpan {
                label,
                range: start..start + part.len(),
            }
        };
        let text = "Sarat, 1976: Alternatives, in: Law and Society Review";
        let mut f = vec![
            at(text, Label::Author, "Sarat"),
            at(text, Label::ContainerTitle, "Alternatives"),
            at(text, Label::ContainerTitle, "Law and Society Review"),
        ];
        first_of_two_containers(text, &mut f);
        assert_eq!(f[1].label, Label::Title);
        assert_eq!(f[2].label, Label::ContainerTitle);
        // with a title, or with one container, nothing changes
        let mut with_title = f.clone();
        with_title[2].label = Label::ContainerTitle;
        let one = vec![
            f[0].clone(),
            at(text, Label::ContainerTitle, "Alternatives"),
        ];
        // "in IAU Symposium, Vol. 261, IAU Symposium": one container twice
        let twice_text = "in IAU Symposium, Vol. 261, IAU Symposium";
        let twice = vec![
            LabelledSpan {
                label: Label::ContainerTitle,
                range: 3..16,
            },
            LabelledSpan {
                label: Label::ContainerTitle,
                range: 28..41,
            },
        ];
        assert_eq!(&twice_text[3..16], &twice_text[28..41]);
        for (text, mut f) in [(text, with_title), (text, one), (twice_text, twice)] {
            let before = f.clone();
            first_of_two_containers(text, &mut f);
            assert_eq!(f, before);
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
