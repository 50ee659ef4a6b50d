//! Byte spans into an article's text.

/// A half-open byte range `start..end` into the analysed text.
///
/// Spans are **byte** offsets and always lie on UTF-8 character boundaries, so
/// `&text[span.start..span.end]` never panics for the text they were computed on.
/// The Python binding converts them to code-point offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `end` is raised to `start` if it is smaller.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end: if end < start { start } else { end } }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[must_use]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes shared by the two spans.
    #[must_use]
    pub fn overlap(&self, other: Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// Panics if the span is out of bounds or not on character boundaries of `text`,
    /// which cannot happen for a span produced by this crate on the same text.
    #[must_use]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Shrinks `span` so that it starts and ends on non-whitespace (and optionally trims `extra` chars).
pub(crate) fn trim_span(text: &str, span: Span, extra: &[char]) -> Span {
    let s = &text[span.start..span.end];
    let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
    let start_trimmed = s.trim_start_matches(is_trim);
    let start = span.start + (s.len() - start_trimmed.len());
    let both = start_trimmed.trim_end_matches(is_trim);
    Span::new(start, start + both.len())
}

/// An index over spans answering "which spans overlap this one" without scanning them all:
/// spans sorted by start, plus the longest length, so a query looks only at spans starting in
/// `(query.start - longest, query.end)`. Exact; linear-time overall when spans are short.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpanIndex {
    items: Vec<(Span, usize)>,
    longest: usize,
}

impl SpanIndex {
    /// Indexes `spans`; query results are their positions in this iterator.
    pub(crate) fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut items: Vec<(Span, usize)> = spans.into_iter().enumerate().map(|(i, s)| (s, i)).collect();
        items.sort_by_key(|(s, i)| (s.start, *i));
        let longest = items.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        Self { items, longest }
    }

    /// Positions of the spans sharing at least one byte with `query`, in start order.
    pub(crate) fn overlapping(&self, query: Span) -> impl Iterator<Item = usize> + '_ {
        let hi = self.items.partition_point(|(s, _)| s.start < query.end);
        let lo_start = query.start.saturating_sub(self.longest);
        let lo = self.items[..hi].partition_point(|(s, _)| s.start < lo_start);
        self.items[lo..hi].iter().filter(move |(s, _)| s.overlap(query) > 0).map(|(_, i)| *i)
    }
}

/// The last `max_bytes` (or fewer, to stay on a character boundary) of `text`: a bounded lookback,
/// so that per-cue context checks cost O(1) however long the sentence.
pub(crate) fn tail(text: &str, max_bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(max_bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}
