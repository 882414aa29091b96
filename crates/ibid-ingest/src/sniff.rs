//! What the bytes are: text, binary, or a document format we cannot read.

use crate::IngestError;

/// How much of the input is inspected for binary content.
const SNIFF: usize = 8 * 1024;

/// Known binary document formats, by their first bytes.
fn known_format(bytes: &[u8]) -> Option<&'static str> {
    let formats: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "ZIP (DOCX, ODT or EPUB)"),
        (b"\x1f\x8b", "gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (DOC)"),
        (b"{\\rtf", "RTF"),
    ];
    formats
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}

/// Reject inputs that are not UTF-8 text; strip a UTF-8 BOM.
pub(crate) fn check(bytes: &[u8]) -> Result<&str, IngestError> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(IngestError::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(format) = known_format(bytes) {
        return Err(IngestError::UnsupportedFormat { format });
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if let Some(offset) = memchr::memchr(0, head) {
        // UTF-16 without a BOM: every other byte is NUL in Latin text
        let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        if head.len() >= 8 && even.max(odd) * 10 >= head.len() / 2 * 8 {
            return Err(IngestError::Utf16);
        }
        return Err(IngestError::Binary {
            offset,
            reason: BinaryReason::NulByte,
        });
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    // more than one in ten bytes: not a text anybody wrote
    if !head.is_empty() && controls * 10 > head.len() {
        let offset = head
            .iter()
            .position(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
            .unwrap_or(0);
        return Err(IngestError::Binary {
            offset,
            reason: BinaryReason::ControlCharacters {
                percent: (controls * 100 / head.len()).min(100) as u8,
            },
        });
    }
    std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })
}

/// Why input looks binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryReason {
    /// A NUL byte.
    NulByte,
    /// Many control characters (`percent` of the first 8 KiB).
    ControlCharacters { percent: u8 },
}

impl std::fmt::Display for BinaryReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BinaryReason::NulByte => write!(f, "a NUL byte"),
            BinaryReason::ControlCharacters { percent } => {
                write!(f, "{percent}% control characters in the first 8 KiB")
            }
        }
    }
}
