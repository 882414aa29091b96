//! CSL-JSON: the works as an array of CSL items, valid against the official
//! `csl-data.json` schema. ibid's extras (notes citing the work, their
//! locators, search links, the raw reference) go into `custom`.

use crate::EmitError;
use ibid_model::{Document, Item, Links, Work};
use serde_json::{json, Map, Value};
use std::io::Write;

/// The CSL item of a work, with its id and ibid's extras in `custom`.
pub(crate) fn work_item(work: &Work, index: usize) -> Item {
    let mut item = work.item.clone();
    item.id = Some(crate::common::work_id(work, index));
    if !work.cited_in.is_empty() {
        item.custom.insert("cited_in".into(), json!(work.cited_in));
    }
    if !work.locators.is_empty() {
        let locs: Vec<Value> = work
            .locators
            .iter()
            .map(|l| json!({"note": l.note, "locator": l.locator}))
            .collect();
        item.custom.insert("locators".into(), Value::Array(locs));
    }
    insert_links(&mut item.custom, &crate::common::work_links(work));
    item
}

/// The CSL item of one input reference (`ibid refs`): id `r<line>`.
pub(crate) fn ref_item(index: usize, raw: &str, item: &Item) -> Item {
    let mut item = item.clone();
    item.id = Some(format!("r{}", index + 1));
    item.custom.insert("raw".into(), Value::String(raw.into()));
    let links = ibid_link::links_for(&item);
    insert_links(&mut item.custom, &links);
    item
}

fn insert_links(custom: &mut Map<String, Value>, links: &Links) {
    if !links.is_empty() {
        if let Ok(v) = serde_json::to_value(links) {
            custom.insert("links".into(), v);
        }
    }
}

/// An item as CSL-JSON. The type is spelled by [`ItemType::as_str`]
/// (`personal_communication`), which the schema requires.
///
/// [`ItemType::as_str`]: ibid_model::ItemType::as_str
pub(crate) fn to_value(item: &Item) -> Result<Value, EmitError> {
    let mut v = serde_json::to_value(item)?;
    if let Some(m) = v.as_object_mut() {
        m.insert("type".into(), Value::String(item.item_type.as_str().into()));
        lift_csl_variables(m);
    }
    Ok(v)
}

/// CSL variables the item model keeps in `custom` for want of a field of
/// its own; CSL processors read them only at the top level. (`part-number`,
/// a CSL 1.0.2 variable the schema ibid validates against lacks, stays in
/// `custom`; the Chicago renderer lifts it for the style.)
const CSL_VARIABLES_IN_CUSTOM: [&str; 9] = [
    "collection-number",
    "volume-title",
    "accessed",
    "event-date",
    "event-place",
    "medium",
    "reviewed-title",
    "reviewed-author",
    "number-of-volumes",
];

/// An item that serialises as CSL-JSON in ibid's field order, with the
/// CSL variables the model keeps in `custom` ("collection-number",
/// "volume-title", "accessed", "event-date", "event-place", "medium",
/// "reviewed-title", "reviewed-author", "number-of-volumes") at the top level after the item's
/// own fields, as the CSL-JSON export puts them. An item with none
/// of them serialises as it is, without a copy.
///
/// ```
/// use ibid_model::Item;
/// let mut item = Item { title: Some("Storia".into()), ..Item::default() };
/// item.custom.insert("collection-number".into(), "13".into());
/// let json = serde_json::to_string(&ibid_emit::CslItem(&item)).unwrap();
/// assert_eq!(json, r#"{"type":"document","title":"Storia","collection-number":"13"}"#);
/// ```
pub struct CslItem<'a>(pub &'a Item);

impl serde::Serialize for CslItem<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let item = self.0;
        if !CSL_VARIABLES_IN_CUSTOM
            .iter()
            .any(|k| item.custom.contains_key(*k))
        {
            return item.serialize(s);
        }
        #[derive(serde::Serialize)]
        struct Lifted<'a> {
            #[serde(flatten)]
            item: &'a Item,
            #[serde(flatten)]
            lifted: Map<String, Value>,
        }
        let mut item = item.clone();
        let mut m = Map::new();
        m.insert(
            "custom".into(),
            Value::Object(std::mem::take(&mut item.custom)),
        );
        lift_csl_variables(&mut m);
        if let Some(Value::Object(custom)) = m.remove("custom") {
            item.custom = custom;
        }
        Lifted {
            item: &item,
            lifted: m,
        }
        .serialize(s)
    }
}

/// Move the CSL variables of `custom` to the top level (a top-level value
/// wins), dropping a `custom` left empty.
pub(crate) fn lift_csl_variables(m: &mut Map<String, Value>) {
    lift_variables(m, &CSL_VARIABLES_IN_CUSTOM);
}

/// [`lift_csl_variables`] for the variables `keys`.
pub(crate) fn lift_variables(m: &mut Map<String, Value>, keys: &[&str]) {
    let Some(Value::Object(custom)) = m.get_mut("custom") else {
        return;
    };
    let mut lifted = Vec::new();
    for &key in keys {
        if let Some(v) = custom.remove(key) {
            // The schema wants a string or a number, a date an object and
            // names an array.
            if v.is_string()
                || v.is_number()
                || (matches!(key, "accessed" | "event-date") && v.is_object())
                || (key == "reviewed-author" && v.is_array())
            {
                lifted.push((key, v));
            } else {
                custom.insert(key.into(), v);
            }
        }
    }
    if custom.is_empty() {
        m.remove("custom");
    }
    for (key, v) in lifted {
        m.entry(key).or_insert(v);
    }
}

/// Write one item, preceded by a separator unless it is the first.
pub(crate) fn write_item(
    item: &Item,
    first: bool,
    pretty: bool,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    if !first {
        out.write_all(b",")?;
    }
    out.write_all(if pretty { b"\n" } else { b"" })?;
    let v = to_value(item)?;
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &v)?;
    } else {
        serde_json::to_writer(&mut *out, &v)?;
    }
    Ok(())
}

/// The works of a document as a CSL-JSON array.
pub(crate) fn write_document(
    doc: &Document,
    pretty: bool,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    out.write_all(b"[")?;
    for (i, w) in doc.works.iter().enumerate() {
        write_item(&work_item(w, i), i == 0, pretty, out)?;
    }
    out.write_all(if pretty && !doc.works.is_empty() {
        b"\n]\n"
    } else {
        b"]\n"
    })?;
    Ok(())
}
