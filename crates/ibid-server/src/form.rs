//! Reading request bodies: HTML forms (`application/x-www-form-urlencoded`
//! and `multipart/form-data`, as GROBID takes them) and raw bodies, with the
//! body cap turned into 413 and bad encodings into 400.

use crate::error::ApiError;
use crate::negotiate::{header_text, media_type};
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, StatusCode};

/// The fields of a form, in order, repeated names kept.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    /// Every value of a field.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a field.
    pub fn first(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decode one `application/x-www-form-urlencoded` component: `+` is a
/// space, `%XX` a byte; the bytes must be UTF-8.
fn decode_component(s: &[u8]) -> Result<String, ApiError> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let pair = s
                    .get(i + 1)
                    .and_then(|&a| hex(a))
                    .zip(s.get(i + 2).and_then(|&b| hex(b)));
                match pair {
                    Some((a, b)) => {
                        out.push(a * 16 + b);
                        i += 2;
                    }
                    None => {
                        return Err(ApiError::BadRequest(format!(
                            "bad percent-escape at byte {i} of the form"
                        )))
                    }
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out)
        .map_err(|e| ApiError::BadRequest(format!("form value is not UTF-8: {e}")))
}

/// Parse an urlencoded body strictly (bad escapes and invalid UTF-8 are 400).
pub fn parse_urlencoded(body: &[u8]) -> Result<FormFields, ApiError> {
    let mut fields = Vec::new();
    for pair in body.split(|&b| b == b'&') {
        if pair.is_empty() {
            continue;
        }
        let (k, v) = match pair.iter().position(|&b| b == b'=') {
            Some(p) => (&pair[..p], &pair[p + 1..]),
            None => (pair, &[][..]),
        };
        fields.push((decode_component(k)?, decode_component(v)?));
    }
    Ok(FormFields(fields))
}

/// A body read whole, with the cap applied: 413 over `limit`.
pub async fn read_bytes(req: Request, limit: usize) -> Result<Bytes, ApiError> {
    Bytes::from_request(req, &()).await.map_err(|rej| {
        if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge { limit }
        } else {
            ApiError::BadRequest(format!("cannot read the request body: {rej}"))
        }
    })
}

fn multipart_error(e: axum::extract::multipart::MultipartError, limit: usize) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge { limit }
    } else {
        ApiError::BadRequest(format!("bad multipart body: {}", e.body_text()))
    }
}

/// The parts of a multipart body: (name, bytes), in order.
async fn multipart_parts(req: Request, limit: usize) -> Result<Vec<(String, Bytes)>, ApiError> {
    let mut mp = Multipart::from_request(req, &())
        .await
        .map_err(|e| ApiError::BadRequest(format!("bad multipart body: {}", e.body_text())))?;
    let mut parts = Vec::new();
    while let Some(field) = mp
        .next_field()
        .await
        .map_err(|e| multipart_error(e, limit))?
    {
        let name = field.name().unwrap_or_default().to_string();
        let data = field.bytes().await.map_err(|e| multipart_error(e, limit))?;
        parts.push((name, data));
    }
    Ok(parts)
}

/// A GROBID form: urlencoded or multipart; anything else is 415.
pub async fn read_form(req: Request, limit: usize) -> Result<FormFields, ApiError> {
    let ct = media_type(header_text(&req, header::CONTENT_TYPE));
    match ct.as_deref() {
        Some("application/x-www-form-urlencoded") => {
            let body = read_bytes(req, limit).await?;
            parse_urlencoded(&body)
        }
        Some("multipart/form-data") => {
            let mut fields = Vec::new();
            for (name, data) in multipart_parts(req, limit).await? {
                let value = String::from_utf8(data.to_vec()).map_err(|e| {
                    ApiError::BadRequest(format!("form field {name:?} is not UTF-8: {e}"))
                })?;
                fields.push((name, value));
            }
            Ok(FormFields(fields))
        }
        other => Err(ApiError::UnsupportedMediaType(format!(
            "expected a form (application/x-www-form-urlencoded or multipart/form-data), got {}",
            other.unwrap_or("no Content-Type")
        ))),
    }
}

/// A document body: the raw body, or the first part of a multipart form
/// (`curl -F file=@notes.txt`). Returns the bytes and the media type.
pub async fn read_document(
    req: Request,
    limit: usize,
) -> Result<(Bytes, Option<String>), ApiError> {
    let ct = media_type(header_text(&req, header::CONTENT_TYPE));
    if ct.as_deref() == Some("multipart/form-data") {
        let first = multipart_parts(req, limit).await?.into_iter().next();
        return Ok((first.map(|(_, b)| b).unwrap_or_default(), ct));
    }
    Ok((read_bytes(req, limit).await?, ct))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded_repeats_and_escapes() {
        let f = parse_urlencoded(
            b"citations=Taylor%2C+Origins&citations=Ibid.&x&consolidateCitations=0",
        )
        .unwrap();
        assert_eq!(
            f.all("citations").collect::<Vec<_>>(),
            ["Taylor, Origins", "Ibid."]
        );
        assert_eq!(f.first("x"), Some(""));
        assert_eq!(f.first("consolidateCitations"), Some("0"));
        assert_eq!(f.first("none"), None);
    }

    #[test]
    fn urlencoded_utf8_and_errors() {
        let f = parse_urlencoded("citations=%E2%80%98Tradition%E2%80%99".as_bytes()).unwrap();
        assert_eq!(f.first("citations"), Some("\u{2018}Tradition\u{2019}"));
        assert!(parse_urlencoded(b"citations=%FF").is_err());
        assert!(parse_urlencoded(b"citations=%4").is_err());
        assert!(parse_urlencoded(b"citations=%zz").is_err());
        assert_eq!(parse_urlencoded(b"").unwrap(), FormFields::default());
    }
}
