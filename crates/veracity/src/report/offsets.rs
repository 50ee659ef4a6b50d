//! The unit of the offsets in a report, and the conversion of spans between units.

use crate::Span;

/// The unit of every offset (`start`, `end`, `cue_start`, ...) in a report.
///
/// The core works in UTF-8 byte offsets; Python slices strings by code point. A report names its
/// unit (`"offsets": "bytes"` or `"code_points"`), so a reader never has to guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Offsets {
    /// UTF-8 byte offsets (Rust string indices; the command line's default).
    #[default]
    Bytes,
    /// Unicode code-point offsets (Python string indices).
    CodePoints,
}

impl Offsets {
    /// `"bytes"` or `"code_points"`, as written in a report.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Offsets::Bytes => "bytes",
            Offsets::CodePoints => "code_points",
        }
    }

    /// The unit named `name` (`"bytes"`, `"code_points"`; `-` may stand for `_`).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "bytes" => Some(Offsets::Bytes),
            "code_points" | "code-points" => Some(Offsets::CodePoints),
            _ => None,
        }
    }
}

impl std::fmt::Display for Offsets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Converts offsets of one text from one unit to another, through a table built once
/// (no table when both units are the same).
#[derive(Debug, Clone, Default)]
pub struct SpanMap {
    /// `table[p]` is offset `p` in the target unit; `None` is the identity.
    table: Option<Vec<usize>>,
}

impl SpanMap {
    /// The map from `from` offsets to `to` offsets in `text`.
    #[must_use]
    pub fn new(text: &str, from: Offsets, to: Offsets) -> Self {
        let table = match (from, to) {
            (Offsets::Bytes, Offsets::CodePoints) => Some(byte_to_char(text)),
            (Offsets::CodePoints, Offsets::Bytes) => Some(char_to_byte(text)),
            _ => None,
        };
        Self { table }
    }

    /// One offset; offsets past the end map to the end.
    #[must_use]
    pub fn pos(&self, p: usize) -> usize {
        match &self.table {
            None => p,
            Some(t) => t.get(p).or(t.last()).copied().unwrap_or(0),
        }
    }

    /// One span.
    #[must_use]
    pub fn span(&self, s: Span) -> Span {
        match &self.table {
            None => s,
            Some(_) => Span::new(self.pos(s.start), self.pos(s.end)),
        }
    }

    /// Whether the map changes nothing.
    #[must_use]
    pub fn is_identity(&self) -> bool {
        self.table.is_none()
    }
}

/// `table[b]` is the index of the character holding byte `b`; `table[text.len()]` is the number
/// of characters.
fn byte_to_char(text: &str) -> Vec<usize> {
    let mut table = vec![0usize; text.len() + 1];
    let mut n = 0usize;
    for (b, ch) in text.char_indices() {
        for slot in table.iter_mut().skip(b).take(ch.len_utf8()) {
            *slot = n;
        }
        n += 1;
    }
    if let Some(last) = table.last_mut() {
        *last = n;
    }
    table
}

/// `table[c]` is the byte offset of character `c`; `table[n_chars]` is the text's length.
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_to_code_points_and_back() {
        let text = "aé“b”";
        let to_chars = SpanMap::new(text, Offsets::Bytes, Offsets::CodePoints);
        // a=0, é=1..3, “=3..6, b=6, ”=7..10
        assert_eq!([0, 1, 3, 6, 7, 10].map(|b| to_chars.pos(b)), [0, 1, 2, 3, 4, 5]);
        let to_bytes = SpanMap::new(text, Offsets::CodePoints, Offsets::Bytes);
        assert_eq!([0, 1, 2, 3, 4, 5, 9].map(|c| to_bytes.pos(c)), [0, 1, 3, 6, 7, 10, 10]);
        assert!(SpanMap::new(text, Offsets::Bytes, Offsets::Bytes).is_identity());
        assert_eq!(to_bytes.span(Span::new(2, 4)), Span::new(3, 7));
    }

    #[test]
    fn names() {
        for o in [Offsets::Bytes, Offsets::CodePoints] {
            assert_eq!(Offsets::parse(o.as_str()), Some(o));
        }
        assert_eq!(Offsets::parse("chars"), None);
    }
}
