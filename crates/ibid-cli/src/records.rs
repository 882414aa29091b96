//! Batch records: what `--input jsonl` reads and what error records look like.

use serde_json::{Map, Value};

/// How input records are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputMode {
    /// Plain text: for `refs` one reference a line, for `parse` one document.
    Text,
    /// JSON Lines: one object a line with `id` and `text`; other keys are passed through.
    Jsonl,
}

/// A record read from a JSON Lines input.
pub struct JsonRecord {
    pub id: Value,
    pub text: String,
    /// The other keys of the input object, passed through to the output.
    pub extra: Map<String, Value>,
}

/// Read one JSON Lines record; the error names what is wrong.
pub fn parse_json_record(line: &[u8], index: usize) -> Result<JsonRecord, (Value, String)> {
    let fallback_id = Value::from(index + 1);
    let value: Value = serde_json::from_slice(line).map_err(|e| {
        (
            fallback_id.clone(),
            format!("line {}: not JSON: {e}", index + 1),
        )
    })?;
    let Value::Object(mut map) = value else {
        return Err((
            fallback_id,
            format!("line {}: not a JSON object", index + 1),
        ));
    };
    let id = map.remove("id").unwrap_or(fallback_id);
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err((id, format!("line {}: `text` is not a string", index + 1))),
        None => return Err((id, format!("line {}: no `text` key", index + 1))),
    };
    Ok(JsonRecord {
        id,
        text,
        extra: map,
    })
}

/// An output line: `{"id": …, <passed-through keys>, "<key>": <value>}` + "\n".
pub fn output_line(
    id: &Value,
    extra: &Map<String, Value>,
    key: &str,
    value: &impl serde::Serialize,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(512);
    out.extend_from_slice(b"{\"id\":");
    let _ = serde_json::to_writer(&mut out, id);
    for (k, v) in extra {
        if k == key || k == "error" {
            continue;
        }
        out.push(b',');
        let _ = serde_json::to_writer(&mut out, k);
        out.push(b':');
        let _ = serde_json::to_writer(&mut out, v);
    }
    out.push(b',');
    let _ = serde_json::to_writer(&mut out, key);
    out.push(b':');
    if serde_json::to_writer(&mut out, value).is_err() {
        out.extend_from_slice(b"null");
    }
    out.extend_from_slice(b"}\n");
    out
}

/// An error record line.
pub fn error_line(id: &Value, extra: &Map<String, Value>, kind: &str, message: &str) -> Vec<u8> {
    let err = serde_json::json!({ "kind": kind, "message": message });
    output_line(id, extra, "error", &err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_keys_through() {
        let r = parse_json_record(br#"{"id":"a7","text":"Ibid.","source":"x"}"#, 0)
            .ok()
            .unwrap();
        assert_eq!(r.id, "a7");
        let line = output_line(&r.id, &r.extra, "item", &serde_json::json!({"type":"book"}));
        assert_eq!(
            String::from_utf8(line).unwrap(),
            "{\"id\":\"a7\",\"source\":\"x\",\"item\":{\"type\":\"book\"}}\n"
        );
    }

    #[test]
    fn bad_records_name_the_problem() {
        assert!(parse_json_record(b"{", 4)
            .err()
            .unwrap()
            .1
            .contains("line 5: not JSON"));
        assert!(parse_json_record(b"[1]", 0)
            .err()
            .unwrap()
            .1
            .contains("not a JSON object"));
        let (id, msg) = parse_json_record(br#"{"id":3}"#, 0).err().unwrap();
        assert_eq!(id, 3);
        assert!(msg.contains("no `text`"));
    }
}
