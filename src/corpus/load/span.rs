//! Spans and locations: a file's bytes to text and TOML, byte offsets to lines and columns.

use crate::error::{LoadError, LoadErrorKind, Location};

/// Maps byte offsets of one file to locations in O(log lines + column) rather than
/// [`Location::at_offset`]'s O(offset), so that a large file with many provisions or many
/// problems does not take quadratic time.
pub(super) struct LineIndex<'a> {
    origin: &'a str,
    text: &'a str,
    /// The byte offset at which each line starts; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(super) fn new(origin: &'a str, text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            origin,
            text,
            starts,
        }
    }
    /// The same location as `Location::at_offset(origin, text, offset)`.
    pub(super) fn at(&self, offset: usize) -> Location {
        let offset = crate::model::floor_char_boundary(self.text, offset);
        // `starts[0] == 0 <= offset`, so at least one start qualifies.
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let column = self.text[start..offset].chars().count() + 1;
        Location::new(self.origin, line.max(1), column)
    }
}

/// The 1-based line and column of the first byte that is not UTF-8.
fn utf8_error_location(origin: &str, bytes: &[u8], valid_up_to: usize) -> Location {
    let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    Location::at_offset(origin, prefix, prefix.len())
}

/// Whether a TOML text holds nothing but whitespace and comments.
fn is_blank_toml(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// Parses one file's bytes into text, reporting encoding, emptiness and TOML errors.
pub(super) fn parse_file<'t, T: serde::de::DeserializeOwned>(
    origin: &str,
    bytes: &'t [u8],
    errors: &mut Vec<LoadError>,
) -> Option<(&'t str, T)> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let loc = utf8_error_location(origin, bytes, e.valid_up_to());
            errors.push(LoadError::new(loc, LoadErrorKind::NotUtf8));
            return None;
        }
    };
    if is_blank_toml(text) {
        errors.push(LoadError::new(
            Location::new(origin, 1, 1),
            LoadErrorKind::Empty,
        ));
        return None;
    }
    match toml::from_str::<T>(text) {
        Ok(v) => Some((text, v)),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let message = e.message().trim_end().to_owned();
            errors.push(LoadError::new(
                Location::at_offset(origin, text, at),
                LoadErrorKind::Toml { message },
            ));
            None
        }
    }
}
