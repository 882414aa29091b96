use super::*;

#[test]
fn an_abbreviation_read_as_a_name_or_title_is_dropped() {
    use ibid_model::Name;
    let mut item = Item {
        author: vec![
            Name::person("Deb", Some("H.C.".into())),
            Name::person("Smith", Some("J.".into())),
        ],
        title: Some("H.C. Deb".into()),
        ..Item::default()
    };
    drop_abbreviation_as_author_or_title(&mut item, "H.C. Deb.");
    assert_eq!(item.author, vec![Name::person("Smith", Some("J.".into()))]);
    assert_eq!(item.title, None);

    let mut frus = Item {
        author: vec![Name::literal("FRUS")],
        title: Some("FRUS and the Cold War".into()),
        ..Item::default()
    };
    drop_abbreviation_as_author_or_title(&mut frus, "FRUS");
    assert!(frus.author.is_empty());
    assert_eq!(frus.title.as_deref(), Some("FRUS and the Cold War"));
}

#[test]
fn definitions_split_into_short_and_pattern() {
    assert_eq!(
        split_definition("D.G.F.P. Series/Volume"),
        ("D.G.F.P.".to_string(), vec![Part::Series, Part::Volume])
    );
    assert_eq!(
        split_definition("D.G.F.P."),
        ("D.G.F.P.".to_string(), vec![])
    );
    assert_eq!(
        split_definition("D.G.F.P. C/II"),
        ("D.G.F.P.".to_string(), vec![])
    );
    assert_eq!(
        split_definition("FRUS, followed by year and volume"),
        ("FRUS".to_string(), vec![Part::Year, Part::Volume])
    );
    assert_eq!(split_definition("Series"), ("Series".to_string(), vec![]));
    assert_eq!(
        split_definition("Taylor, Origins"),
        ("Taylor, Origins".to_string(), vec![])
    );
    assert_eq!(def_key("D.G.F.P."), "dgfp");
    assert_eq!(def_key("Taylor, Origins"), "taylororigins");
}
