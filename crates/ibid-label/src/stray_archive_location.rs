//! An archive location the model gave a published work. Venetian archival
//! series are named in words ("Senato Mar", "Arte dei Tintori"), so the
//! model reads some titles and publishers of printed books as archive
//! locations: "Catalogo del fondo cartografico queriniano, a c. di G.
//! Mazzariol, Venezia 1959", "London, C. Dilly, 1787". A reference with an
//! imprint (a place, then a year) and no archive, whose archive locations
//! hold no number and no archival word ("b.", "filza", "reg."), is a
//! book: the location before the place is its title (when none came
//! before), one between the place and the year its publisher.

use crate::dict::{Dict, ARCHIVE};
use crate::LabelledSpan;
use ibid_model::Label;

/// Relabels the archive locations of a printed work (see the module docs).
pub(crate) fn archive_location_in_a_book(text: &str, fields: &mut [LabelledSpan]) {
    if fields.iter().any(|f| f.label == Label::Archive) {
        return;
    }
    let dict = Dict::embedded();
    let archival = |f: &LabelledSpan| {
        let s = text.get(f.range.clone()).unwrap_or("");
        s.chars().any(|c| c.is_ascii_digit())
            || s.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.chars().count() > 1 && dict.flags_of(w) & ARCHIVE != 0)
    };
    let locations = || {
        fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.label == Label::ArchiveLocation)
    };
    if locations().next().is_none() || locations().any(|(_, f)| archival(f)) {
        return;
    }
    let Some(place) = fields.iter().position(|f| f.label == Label::Location) else {
        return;
    };
    let Some(year) = (place + 1..fields.len()).find(|&i| fields[i].label == Label::Date) else {
        return;
    };
    let publisher = fields[place..year]
        .iter()
        .any(|f| f.label == Label::Publisher);
    let first = locations().map(|(i, _)| i).next().unwrap_or(usize::MAX);
    // two locations before the place: an archival reference's parts
    if locations().filter(|(i, _)| *i < place).count() > 1 {
        return;
    }
    let titled = fields
        .iter()
        .any(|f| matches!(f.label, Label::Title | Label::ContainerTitle));
    for (i, f) in fields.iter_mut().enumerate() {
        if f.label != Label::ArchiveLocation {
            continue;
        }
        if i == first && i < place && !titled {
            f.label = Label::Title;
        } else if place < i && i < year && !publisher {
            f.label = Label::Publisher;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span_rule_test::apply;

    fn run(text: &str, spans: &[(Label, &str)]) -> Vec<Label> {
        apply(&[|t, f| archive_location_in_a_book(t, f)], text, spans)
            .into_iter()
            .map(|(l, _)| l)
            .collect()
    }

    #[test]
    fn a_book_has_a_title_and_a_publisher() {
        use Label::*;
        assert_eq!(
            run(
                "Catalogo del fondo cartografico queriniano, a c. di G. Mazzariol, Venezia 1959",
                &[
                    (
                        ArchiveLocation,
                        "Catalogo del fondo cartografico queriniano"
                    ),
                    (Editor, "G. Mazzariol"),
                    (Location, "Venezia"),
                    (Date, "1959")
                ]
            ),
            [Title, Editor, Location, Date]
        );
        assert_eq!(
            run(
                "Cavallo Tiberio, A treatise on magnetism, London, C. Dilly, 1787",
                &[
                    (Author, "Cavallo Tiberio"),
                    (Title, "A treatise on magnetism"),
                    (Location, "London"),
                    (ArchiveLocation, "C. Dilly"),
                    (Date, "1787")
                ]
            ),
            [Author, Title, Location, Publisher, Date]
        );
    }

    #[test]
    fn archival_references_keep_their_locations() {
        use Label::*;
        // a number, an archive, an archival word, no imprint, two parts
        for spans in [
            &[
                (ArchiveLocation, "Senato Mar, reg. 12"),
                (Location, "Venezia"),
                (Date, "1590"),
            ][..],
            &[
                (Archive, "ASV"),
                (ArchiveLocation, "Senato Mar"),
                (Location, "Venezia"),
                (Date, "1590"),
            ][..],
            &[
                (ArchiveLocation, "Arte dei Tintori, busta"),
                (Location, "Venezia"),
                (Date, "1590"),
            ][..],
            &[(ArchiveLocation, "Arte dei Tintori"), (Date, "1590")][..],
            &[
                (ArchiveLocation, "Senato"),
                (ArchiveLocation, "Secreti"),
                (Location, "Venezia"),
                (Date, "1590"),
            ][..],
        ] {
            let text = spans.iter().map(|(_, s)| *s).collect::<Vec<_>>().join(", ");
            let labels: Vec<Label> = spans.iter().map(|(l, _)| *l).collect();
            assert_eq!(run(&text, spans), labels, "{text}");
        }
    }
}
