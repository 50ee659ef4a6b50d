//! `Analysis._repr_html_`: the text with hedges, source phrases and attribution cues marked.

use std::fmt::Write as _;

use veracity::Span;

use crate::doc::{CharText, DocData};

/// HTML-escapes `s` (text and attribute values).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

struct Mark {
    span: Span,
    class: &'static str,
    title: String,
}

const STYLE: &str = "<style>\
.veracity{white-space:pre-wrap;line-height:1.5;font-family:inherit}\
.veracity mark{padding:0 2px;border-radius:3px}\
.veracity mark.hedge{background:#ffe08a}\
.veracity mark.source{background:#b5e3ff}\
.veracity mark.cue{background:#d9f2c4}\
</style>";

/// Renders the analysis. Overlapping marks are resolved by priority (hedge, source, cue): a mark
/// that overlaps one already placed is dropped.
pub(crate) fn render(data: &DocData, chars: &CharText) -> String {
    let text = data.article.text();
    let mut marks: Vec<Mark> = Vec::new();
    for h in &data.hedges {
        let neg = if h.negated { ", negated" } else { "" };
        marks.push(Mark {
            span: h.span,
            class: "hedge",
            title: format!("hedge: {}{neg}", h.category),
        });
    }
    for a in &data.attributions {
        for s in &a.sources {
            if let Some(span) = s.span {
                marks.push(Mark {
                    span,
                    class: "source",
                    title: format!("source: {} ({})", s.name, s.kind),
                });
            }
        }
        let chain: Vec<&str> = a.sources.iter().map(|s| s.name.as_str()).collect();
        marks.push(Mark {
            span: a.cue_span,
            class: "cue",
            title: format!("attribution: {}", chain.join(" \u{2192} ")),
        });
    }
    let mut placed: Vec<Mark> = Vec::new();
    for m in marks {
        if m.span.is_empty() || placed.iter().any(|p| p.span.overlap(m.span) > 0) {
            continue;
        }
        placed.push(m);
    }
    placed.sort_by_key(|m| m.span.start);

    let mut out = String::with_capacity(text.len() * 2);
    out.push_str(STYLE);
    out.push_str("<div class=\"veracity\">");
    let mut pos = 0usize;
    for m in &placed {
        let (a, b) = (chars.byte_of(text, m.span.start), chars.byte_of(text, m.span.end));
        if a < pos || b < a {
            continue;
        }
        out.push_str(&escape(text.get(pos..a).unwrap_or("")));
        let _ = write!(
            out,
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            m.class,
            escape(&m.title),
            escape(text.get(a..b).unwrap_or(""))
        );
        pos = b;
    }
    out.push_str(&escape(text.get(pos..).unwrap_or("")));
    out.push_str("</div>");
    out
}
