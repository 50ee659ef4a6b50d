//! The JSON formats (`veracity.article/1`, `veracity.report/1`), documented in `docs/cli.md`.
//!
//! The article object is shaped by the core ([`veracity::report`]), the same one the Python
//! binding writes; this module only assembles the command line's document around it.

use serde::Serialize;
use veracity::Analysis;
use veracity::report::{AnalysisView, ArticleReport, ReportOptions};
pub(crate) use veracity::report::{ExplanationReport as ExplanationJson, REPORT_SCHEMA, round};

/// Which claims to write, whether to include the text, and the unit of the offsets.
pub(crate) type Options = ReportOptions;

/// The article object for one analysis.
pub(crate) fn article<'a>(a: &'a Analysis, opts: &Options) -> ArticleReport<'a> {
    ArticleReport::new(AnalysisView::of(a), opts)
}

/// One input that could not be analysed (only in the `json` document; always on stderr too).
#[derive(Debug, Serialize)]
pub(crate) struct ErrorJson {
    /// The input as named on the command line (`<stdin>` for standard input).
    pub(crate) path: String,
    /// `io`, `invalid_utf8`, `empty_text` or `other`.
    pub(crate) kind: &'static str,
    /// The message printed on stderr, without the `veracity: ` prefix.
    pub(crate) message: String,
}

/// Re-indents a pretty-printed JSON value so it can be embedded `levels` deep in a larger
/// pretty-printed document (JSON strings never hold a raw newline, so splitting lines is safe).
pub(crate) fn indent(pretty: &str, levels: usize) -> String {
    let pad = "  ".repeat(levels);
    let mut out = String::with_capacity(pretty.len() + pretty.len() / 8);
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&pad);
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indent_prefixes_every_line() {
        assert_eq!(indent("{\n  \"a\": 1\n}", 2), "    {\n      \"a\": 1\n    }");
    }
}
