//! `file:` URIs and paths: the editor names documents by URI, rule files and `factlint.toml`
//! live on disk. Percent-encoding is done by hand (bytes outside the unreserved set and `/`).

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The local path of a `file:` URI, percent-decoded; `None` for other schemes or bad escapes.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    path_of_str(uri.as_str())
}

/// [`path_of`] over the URI's text.
pub fn path_of_str(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // Skip an authority (`localhost` or empty) up to the path.
    let path = match rest.find('/') {
        Some(at) => &rest[at..],
        None => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `/C:/folder` on Windows is `C:/folder`.
    let bytes = decoded.as_bytes();
    let windows_drive = bytes.len() >= 3
        && bytes[0] == b'/'
        && bytes[1].is_ascii_alphabetic()
        && bytes[2] == b':'
        && cfg!(windows);
    let text = if windows_drive {
        decoded[1..].to_string()
    } else {
        decoded
    };
    Some(PathBuf::from(text))
}

/// The `file:` URI of an absolute path.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut encoded = String::from("file://");
    if !text.starts_with('/') {
        encoded.push('/');
    }
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte);
        if keep || (byte == b':' && encoded.len() <= 10) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&encoded).ok()
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = text.get(at + 1..at + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_and_non_ascii_round_trip() {
        let path = Path::new("/tmp/my drafts/Минск #1.md");
        let uri = uri_of(path).unwrap();
        assert!(
            uri.as_str().starts_with("file:///tmp/my%20drafts/"),
            "{}",
            uri.as_str()
        );
        assert_eq!(path_of(&uri).unwrap(), path);
    }

    #[test]
    fn other_schemes_and_bad_escapes_have_no_path() {
        assert_eq!(path_of_str("untitled:Untitled-1"), None);
        assert_eq!(path_of_str("file:///bad%zz"), None);
        assert_eq!(
            path_of_str("file://localhost/etc/x.md"),
            Some(PathBuf::from("/etc/x.md"))
        );
    }
}
