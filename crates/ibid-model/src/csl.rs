//! CSL-JSON items: the bibliographic record every stage after labelling speaks.
//!
//! Field names follow the CSL-JSON schema exactly (`container-title`,
//! `publisher-place`, `archive_location`, `issued.date-parts`, …). Only the
//! fields ibid fills are typed; anything else goes into `custom`.

use serde::{Deserialize, Serialize};

/// The CSL item type. Every item has one; the default is `document`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ItemType {
    Book,
    Chapter,
    ArticleJournal,
    ArticleNewspaper,
    ArticleMagazine,
    Manuscript,
    #[serde(rename = "legal_case")]
    LegalCase,
    Legislation,
    Report,
    Thesis,
    Webpage,
    PaperConference,
    EntryEncyclopedia,
    EntryDictionary,
    #[serde(rename = "personal_communication")]
    PersonalCommunication,
    Interview,
    /// A speech, lecture, sermon or broadcast printed nowhere.
    Speech,
    Map,
    Dataset,
    /// An artwork: a painting, drawing, print or sculpture.
    Graphic,
    #[default]
    Document,
}

impl ItemType {
    /// Every type.
    pub const ALL: [ItemType; 21] = [
        ItemType::Book,
        ItemType::Chapter,
        ItemType::ArticleJournal,
        ItemType::ArticleNewspaper,
        ItemType::ArticleMagazine,
        ItemType::Manuscript,
        ItemType::LegalCase,
        ItemType::Legislation,
        ItemType::Report,
        ItemType::Thesis,
        ItemType::Webpage,
        ItemType::PaperConference,
        ItemType::EntryEncyclopedia,
        ItemType::EntryDictionary,
        ItemType::PersonalCommunication,
        ItemType::Interview,
        ItemType::Speech,
        ItemType::Map,
        ItemType::Dataset,
        ItemType::Graphic,
        ItemType::Document,
    ];

    /// The CSL-JSON spelling of this type.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemType::Book => "book",
            ItemType::Chapter => "chapter",
            ItemType::ArticleJournal => "article-journal",
            ItemType::ArticleNewspaper => "article-newspaper",
            ItemType::ArticleMagazine => "article-magazine",
            ItemType::Manuscript => "manuscript",
            ItemType::LegalCase => "legal_case",
            ItemType::Legislation => "legislation",
            ItemType::Report => "report",
            ItemType::Thesis => "thesis",
            ItemType::Webpage => "webpage",
            ItemType::PaperConference => "paper-conference",
            ItemType::EntryEncyclopedia => "entry-encyclopedia",
            ItemType::EntryDictionary => "entry-dictionary",
            ItemType::PersonalCommunication => "personal_communication",
            ItemType::Interview => "interview",
            ItemType::Speech => "speech",
            ItemType::Map => "map",
            ItemType::Dataset => "dataset",
            ItemType::Graphic => "graphic",
            ItemType::Document => "document",
        }
    }
}

/// A CSL name: a person (`family`/`given` with particles) or a `literal`
/// (corporate authors, names that cannot be split).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Name {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    #[serde(
        rename = "non-dropping-particle",
        skip_serializing_if = "Option::is_none"
    )]
    pub non_dropping_particle: Option<String>,
    #[serde(rename = "dropping-particle", skip_serializing_if = "Option::is_none")]
    pub dropping_particle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

impl Name {
    /// A literal (unsplit) name.
    pub fn literal(s: impl Into<String>) -> Self {
        Name {
            literal: Some(s.into()),
            ..Name::default()
        }
    }
    /// A family/given name.
    pub fn person(family: impl Into<String>, given: Option<String>) -> Self {
        Name {
            family: Some(family.into()),
            given,
            ..Name::default()
        }
    }
    /// The family name, or the literal when there is none.
    pub fn family_or_literal(&self) -> Option<&str> {
        self.family.as_deref().or(self.literal.as_deref())
    }
}

/// A CSL date: `date-parts` (one part, or two for a range), with the raw text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Date {
    #[serde(rename = "date-parts", default, skip_serializing_if = "Vec::is_empty")]
    pub date_parts: Vec<Vec<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub circa: Option<bool>,
}

impl Date {
    /// A date of one year.
    pub fn year(y: i32) -> Self {
        Date {
            date_parts: vec![vec![y]],
            ..Date::default()
        }
    }
    /// The first year of the date, if any.
    pub fn first_year(&self) -> Option<i32> {
        self.date_parts.first().and_then(|p| p.first()).copied()
    }
}

/// A CSL-JSON item. Field names serialize exactly as the CSL schema spells them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Item {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub item_type: ItemType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Name>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<Name>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translator: Vec<Name>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient: Vec<Name>,
    /// Who asked the questions of an interview (its `author` answered them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviewer: Vec<Name>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(rename = "title-short", skip_serializing_if = "Option::is_none")]
    pub title_short: Option<String>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    #[serde(rename = "collection-title", skip_serializing_if = "Option::is_none")]
    pub collection_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    #[serde(rename = "page-first", skip_serializing_if = "Option::is_none")]
    pub page_first: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The court of a case ("HL" in "\[1932\] AC 562 (HL)"), or the body
    /// that issued a document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(rename = "publisher-place", skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
    #[serde(rename = "archive_location", skip_serializing_if = "Option::is_none")]
    pub archive_location: Option<String>,
    #[serde(rename = "archive-place", skip_serializing_if = "Option::is_none")]
    pub archive_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(rename = "ISBN", skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Extras that have no CSL variable, kept rather than invented as keys.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub custom: serde_json::Map<String, serde_json::Value>,
}

impl Item {
    /// Drops the page range and the first page read from it: the pages
    /// were the citation's pinpoint ("p. 88"), not the work's extent.
    pub fn drop_pages(&mut self) {
        self.page = None;
        self.page_first = None;
    }

    /// True when the item holds no bibliographic field at all.
    pub fn is_empty(&self) -> bool {
        self.author.is_empty()
            && self.editor.is_empty()
            && self.title.is_none()
            && self.container_title.is_none()
            && self.issued.is_none()
            && self.page.is_none()
            && self.archive.is_none()
            && self.archive_location.is_none()
            && self.publisher.is_none()
            && self.volume.is_none()
            && self.url.is_none()
            && self.doi.is_none()
    }

    /// How many fields are filled: the "fullest citation" of a work is the one
    /// with the highest score.
    pub fn richness(&self) -> usize {
        let opt = [
            &self.title,
            &self.container_title,
            &self.collection_title,
            &self.volume,
            &self.issue,
            &self.page,
            &self.edition,
            &self.genre,
            &self.publisher,
            &self.publisher_place,
            &self.archive,
            &self.archive_location,
            &self.url,
            &self.doi,
            &self.isbn,
        ];
        opt.iter().filter(|o| o.is_some()).count()
            + usize::from(self.issued.is_some())
            + self.author.len().min(3)
            + self.editor.len().min(2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_with_csl_names() {
        let item = Item {
            item_type: ItemType::Book,
            author: vec![Name::person("Taylor", Some("A. J. P.".into()))],
            title: Some("The Origins of the Second World War".into()),
            publisher_place: Some("London".into()),
            archive_location: Some("FO 371/12345".into()),
            issued: Some(Date::year(1961)),
            ..Item::default()
        };
        let v = serde_json::to_value(&item).unwrap();
        assert_eq!(v["type"], "book");
        assert_eq!(v["publisher-place"], "London");
        assert_eq!(v["archive_location"], "FO 371/12345");
        assert_eq!(v["issued"]["date-parts"][0][0], 1961);
        assert_eq!(v["author"][0]["family"], "Taylor");
        assert!(v.get("custom").is_none());
        let back: Item = serde_json::from_value(v).unwrap();
        assert_eq!(back, item);
    }

    #[test]
    fn type_spelling_matches_serde() {
        for t in [
            ItemType::LegalCase,
            ItemType::ArticleNewspaper,
            ItemType::Book,
        ] {
            let s = serde_json::to_value(t).unwrap();
            assert_eq!(s, t.as_str());
        }
    }
}
