//! The field labels of the sequence model.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A field label. The names are the training data's and CSL's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    Author,
    Editor,
    Translator,
    Title,
    ContainerTitle,
    CollectionTitle,
    Volume,
    Issue,
    Pages,
    Date,
    Publisher,
    Location,
    Edition,
    Genre,
    Note,
    Url,
    Doi,
    Isbn,
    Archive,
    ArchiveLocation,
    Other,
}

impl Label {
    /// Every label, in a fixed order (the order of model label ids).
    pub const ALL: [Label; 21] = [
        Label::Author,
        Label::Editor,
        Label::Translator,
        Label::Title,
        Label::ContainerTitle,
        Label::CollectionTitle,
        Label::Volume,
        Label::Issue,
        Label::Pages,
        Label::Date,
        Label::Publisher,
        Label::Location,
        Label::Edition,
        Label::Genre,
        Label::Note,
        Label::Url,
        Label::Doi,
        Label::Isbn,
        Label::Archive,
        Label::ArchiveLocation,
        Label::Other,
    ];

    /// The label's name as the training data spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Author => "author",
            Label::Editor => "editor",
            Label::Translator => "translator",
            Label::Title => "title",
            Label::ContainerTitle => "container-title",
            Label::CollectionTitle => "collection-title",
            Label::Volume => "volume",
            Label::Issue => "issue",
            Label::Pages => "pages",
            Label::Date => "date",
            Label::Publisher => "publisher",
            Label::Location => "location",
            Label::Edition => "edition",
            Label::Genre => "genre",
            Label::Note => "note",
            Label::Url => "url",
            Label::Doi => "doi",
            Label::Isbn => "isbn",
            Label::Archive => "archive",
            Label::ArchiveLocation => "archive-location",
            Label::Other => "other",
        }
    }

    /// Position of the label in [`Label::ALL`].
    pub fn index(self) -> usize {
        Label::ALL.iter().position(|l| *l == self).unwrap_or(20)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A label name that is not one of ibid's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLabel(pub String);

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown label `{}`", self.0)
    }
}

impl std::error::Error for UnknownLabel {}

impl FromStr for Label {
    type Err = UnknownLabel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::ALL
            .iter()
            .copied()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| UnknownLabel(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (i, l) in Label::ALL.iter().enumerate() {
            assert_eq!(l.index(), i);
            assert_eq!(l.as_str().parse::<Label>().unwrap(), *l);
            assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
        }
        assert!("bogus".parse::<Label>().is_err());
    }
}
