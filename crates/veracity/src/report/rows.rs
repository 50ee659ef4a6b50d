//! Table rows: one row per article, claim, hedge, attribution or source of many analyses, and
//! the rows of a corroboration or of outlet and source profiles, as typed columns.
//!
//! The Python binding hands these columns to `veracity.Table` (pandas, polars, pyarrow); the
//! column names and types are documented in `docs/python.md`.

use super::{AnalysisView, Offsets};
use crate::{Corroboration, Profiles};

/// The kinds of analysis table, in the order the docs list them.
pub const TABLE_KINDS: [&str; 5] = ["articles", "claims", "hedges", "attributions", "sources"];

/// One column's values; the variant is its type.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum ColumnData {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<bool>),
    StrList(Vec<Vec<String>>),
    IntList(Vec<Vec<i64>>),
    Date(Vec<Option<chrono::NaiveDate>>),
}

/// One named, typed column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The column's name.
    pub name: &'static str,
    /// Whether values may be missing.
    pub nullable: bool,
    /// The values.
    pub data: ColumnData,
}

impl Column {
    /// The type's name: `str`, `int`, `float`, `bool`, `list[str]`, `list[int]` or `date`.
    #[must_use]
    pub fn dtype(&self) -> &'static str {
        match self.data {
            ColumnData::Str(_) => "str",
            ColumnData::Int(_) => "int",
            ColumnData::Float(_) => "float",
            ColumnData::Bool(_) => "bool",
            ColumnData::StrList(_) => "list[str]",
            ColumnData::IntList(_) => "list[int]",
            ColumnData::Date(_) => "date",
        }
    }
}

/// A table: its kind (`claims`, `corroborated_claims`, `outlet_profiles`, ...) and its columns,
/// all of the same length.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The kind of rows.
    pub kind: &'static str,
    /// The columns, in order.
    pub columns: Vec<Column>,
}

macro_rules! col {
    ($b:expr, $name:literal, $nullable:expr, $variant:ident) => {{
        let b: &mut Table = $b;
        if !b.columns.iter().any(|c| c.name == $name) {
            b.columns.push(Column { name: $name, nullable: $nullable, data: ColumnData::$variant(Vec::new()) });
        }
        match b.columns.iter_mut().find(|c| c.name == $name).map(|c| &mut c.data) {
            Some(ColumnData::$variant(v)) => v,
            _ => unreachable!("column {} has another type", $name),
        }
    }};
}

/// Declares every column of a kind, in order, so that empty tables keep their schema.
fn schema(b: &mut Table, kind: &str) {
    col!(b, "article", false, Int);
    col!(b, "article_id", true, Str);
    match kind {
        "articles" => {
            col!(b, "title", true, Str);
            col!(b, "outlet", true, Str);
            col!(b, "published", true, Date);
            col!(b, "claims", false, Int);
            col!(b, "hedged_claims", false, Int);
            col!(b, "hedge_rate", true, Float);
            col!(b, "attributed_claims", false, Int);
            col!(b, "anonymous_claims", false, Int);
            col!(b, "anonymous_share", true, Float);
            col!(b, "hedges", false, Int);
            col!(b, "attributions", false, Int);
            col!(b, "sources", false, Int);
            col!(b, "mean_score", true, Float);
            col!(b, "mean_checkworthiness", true, Float);
            col!(b, "credibility", false, Float);
        }
        "claims" => {
            col!(b, "claim", false, Int);
            col!(b, "sentence", false, Int);
            col!(b, "clause", false, Int);
            col!(b, "start", false, Int);
            col!(b, "end", false, Int);
            col!(b, "text", false, Str);
            col!(b, "kind", false, Str);
            col!(b, "kind_cue", true, Str);
            col!(b, "headline", false, Bool);
            col!(b, "is_hedged", false, Bool);
            col!(b, "hedges", false, StrList);
            col!(b, "hedge_categories", false, StrList);
            col!(b, "deciding_cue", true, Str);
            col!(b, "certainty", false, Float);
            col!(b, "certainty_level", false, Str);
            col!(b, "author_certainty", false, Float);
            col!(b, "negated", false, Bool);
            col!(b, "factuality", false, Float);
            col!(b, "is_weasel", false, Bool);
            col!(b, "is_attributed_hedge", false, Bool);
            col!(b, "attributed", false, Bool);
            col!(b, "cue", true, Str);
            col!(b, "cue_type", true, Str);
            col!(b, "sources", false, StrList);
            col!(b, "source", true, Str);
            col!(b, "source_kind", true, Str);
            col!(b, "original_source", true, Str);
            col!(b, "original_source_kind", true, Str);
            col!(b, "attribution_kind", true, Str);
            col!(b, "anonymous", false, Bool);
            col!(b, "checkworthiness", false, Float);
            col!(b, "score", false, Float);
            col!(b, "grade", false, Str);
            col!(b, "reliability_grade", false, Str);
            col!(b, "credibility_grade", false, Int);
        }
        "hedges" => {
            col!(b, "claim", true, Int);
            col!(b, "start", false, Int);
            col!(b, "end", false, Int);
            col!(b, "cue", false, Str);
            col!(b, "category", false, Str);
            col!(b, "weight", false, Float);
            col!(b, "negated", false, Bool);
            col!(b, "in_quote", false, Bool);
            col!(b, "attributive", false, Bool);
        }
        "attributions" => {
            col!(b, "attribution", false, Int);
            col!(b, "cue", false, Str);
            col!(b, "cue_start", false, Int);
            col!(b, "cue_end", false, Int);
            col!(b, "cue_type", false, Str);
            col!(b, "content", false, Str);
            col!(b, "content_start", false, Int);
            col!(b, "content_end", false, Int);
            col!(b, "kind", false, Str);
            col!(b, "anonymous", false, Bool);
            col!(b, "sources", false, StrList);
            col!(b, "source_kinds", false, StrList);
            col!(b, "source", true, Str);
            col!(b, "source_kind", true, Str);
            col!(b, "original_source", true, Str);
            col!(b, "original_source_kind", true, Str);
        }
        "sources" => {
            col!(b, "name", false, Str);
            col!(b, "kind", false, Str);
            col!(b, "is_unnamed", false, Bool);
            col!(b, "mentions", false, StrList);
            col!(b, "n_mentions", false, Int);
            col!(b, "claims", false, IntList);
            col!(b, "n_claims", false, Int);
            col!(b, "reliability", false, Float);
            col!(b, "grade", false, Str);
        }
        _ => {}
    }
}

fn int(v: usize) -> Option<i64> {
    Some(i64::try_from(v).unwrap_or(i64::MAX))
}

fn int64(v: u64) -> Option<i64> {
    Some(i64::try_from(v).unwrap_or(i64::MAX))
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Appends the rows of one analysis; offsets are written in `offsets`.
fn rows(b: &mut Table, kind: &str, article: usize, d: &AnalysisView<'_>, offsets: Offsets) {
    let id = d.article.id().map(str::to_owned);
    let n_rows = match kind {
        "articles" => 1,
        "claims" => d.claims.len(),
        "hedges" => d.hedges.len(),
        "attributions" => d.attributions.len(),
        _ => d.sources.len(),
    };
    let map = d.span_map(offsets);
    col!(b, "article", false, Int).extend(std::iter::repeat_n(int(article), n_rows));
    col!(b, "article_id", true, Str).extend(std::iter::repeat_n(id, n_rows));
    match kind {
        "articles" => {
            let art = d.article;
            let hedged = d.claims.iter().filter(|c| c.is_hedged()).count();
            let attributed: Vec<_> = d.claims.iter().filter_map(|c| c.attribution.as_ref()).collect();
            let anonymous = attributed.iter().filter(|at| at.anonymous).count();
            col!(b, "title", true, Str).push(art.title().map(|m| m.value.clone()));
            col!(b, "outlet", true, Str).push(art.outlet().map(|m| m.value.clone()));
            col!(b, "published", true, Date).push(art.published().map(|m| m.value));
            col!(b, "claims", false, Int).push(int(d.claims.len()));
            col!(b, "hedged_claims", false, Int).push(int(hedged));
            col!(b, "hedge_rate", true, Float).push(ratio(hedged, d.claims.len()));
            col!(b, "attributed_claims", false, Int).push(int(attributed.len()));
            col!(b, "anonymous_claims", false, Int).push(int(anonymous));
            col!(b, "anonymous_share", true, Float).push(ratio(anonymous, attributed.len()));
            col!(b, "hedges", false, Int).push(int(d.hedges.len()));
            col!(b, "attributions", false, Int).push(int(d.attributions.len()));
            col!(b, "sources", false, Int).push(int(d.sources.len()));
            col!(b, "mean_score", true, Float).push(mean(d.claims.iter().map(|c| c.score)));
            col!(b, "mean_checkworthiness", true, Float).push(mean(d.claims.iter().map(|c| c.checkworthiness)));
            col!(b, "credibility", false, Float).push(Some(d.credibility.value));
        }
        "claims" => {
            for c in d.claims {
                let at = c.attribution.as_ref();
                let outer = at.and_then(|a| a.sources.first());
                let orig = at.and_then(|a| a.original_source());
                let span = map.span(c.span);
                col!(b, "claim", false, Int).push(int(c.index));
                col!(b, "sentence", false, Int).push(int(c.sentence));
                col!(b, "clause", false, Int).push(int(c.clause));
                col!(b, "start", false, Int).push(int(span.start));
                col!(b, "end", false, Int).push(int(span.end));
                col!(b, "text", false, Str).push(Some(c.text.clone()));
                col!(b, "kind", false, Str).push(Some(c.kind.as_str().to_owned()));
                col!(b, "kind_cue", true, Str).push(c.kind_cue.clone());
                col!(b, "headline", false, Bool).push(c.headline);
                col!(b, "is_hedged", false, Bool).push(c.is_hedged());
                col!(b, "hedges", false, StrList).push(c.hedges.iter().map(|h| h.cue.clone()).collect());
                col!(b, "hedge_categories", false, StrList)
                    .push(c.hedges.iter().map(|h| h.category.as_str().to_owned()).collect());
                col!(b, "deciding_cue", true, Str).push(c.deciding_cue().map(|h| h.cue.clone()));
                col!(b, "certainty", false, Float).push(Some(c.certainty));
                col!(b, "certainty_level", false, Str).push(Some(c.certainty_level.as_str().to_owned()));
                col!(b, "author_certainty", false, Float).push(Some(c.author_certainty));
                col!(b, "negated", false, Bool).push(c.negated);
                col!(b, "factuality", false, Float).push(Some(c.factuality()));
                col!(b, "is_weasel", false, Bool).push(c.is_weasel());
                col!(b, "is_attributed_hedge", false, Bool).push(c.is_attributed_hedge());
                col!(b, "attributed", false, Bool).push(at.is_some());
                col!(b, "cue", true, Str).push(at.map(|a| a.cue.clone()));
                col!(b, "cue_type", true, Str).push(at.map(|a| a.cue_type.as_str().to_owned()));
                col!(b, "sources", false, StrList)
                    .push(at.map(|a| a.sources.iter().map(|s| s.name.clone()).collect()).unwrap_or_default());
                col!(b, "source", true, Str).push(outer.map(|s| s.name.clone()));
                col!(b, "source_kind", true, Str).push(outer.map(|s| s.kind.as_str().to_owned()));
                col!(b, "original_source", true, Str).push(orig.map(|s| s.name.clone()));
                col!(b, "original_source_kind", true, Str).push(orig.map(|s| s.kind.as_str().to_owned()));
                col!(b, "attribution_kind", true, Str).push(at.map(|a| a.kind.as_str().to_owned()));
                col!(b, "anonymous", false, Bool).push(at.is_some_and(|a| a.anonymous));
                col!(b, "checkworthiness", false, Float).push(Some(c.checkworthiness));
                col!(b, "score", false, Float).push(Some(c.score));
                col!(b, "grade", false, Str).push(Some(c.admiralty.to_string()));
                col!(b, "reliability_grade", false, Str).push(Some(c.admiralty.reliability.as_str().to_owned()));
                col!(b, "credibility_grade", false, Int).push(Some(i64::from(c.admiralty.credibility.number())));
            }
        }
        "hedges" => {
            for h in d.hedges {
                let claim = d.claims.iter().find(|c| c.span.contains(h.span)).map(|c| c.index);
                let span = map.span(h.span);
                col!(b, "claim", true, Int).push(claim.and_then(int));
                col!(b, "start", false, Int).push(int(span.start));
                col!(b, "end", false, Int).push(int(span.end));
                col!(b, "cue", false, Str).push(Some(h.cue.clone()));
                col!(b, "category", false, Str).push(Some(h.category.as_str().to_owned()));
                col!(b, "weight", false, Float).push(Some(h.weight));
                col!(b, "negated", false, Bool).push(h.negated);
                col!(b, "in_quote", false, Bool).push(h.in_quote);
                col!(b, "attributive", false, Bool).push(h.attributive);
            }
        }
        "attributions" => {
            let to_bytes = d.span_map(Offsets::Bytes);
            for (i, at) in d.attributions.iter().enumerate() {
                let outer = at.sources.first();
                let orig = at.original_source();
                let cue = map.span(at.cue_span);
                let content = map.span(at.content);
                let content_text = d
                    .text()
                    .get({
                        let s = to_bytes.span(at.content);
                        s.start..s.end
                    })
                    .unwrap_or("");
                col!(b, "attribution", false, Int).push(int(i));
                col!(b, "cue", false, Str).push(Some(at.cue.clone()));
                col!(b, "cue_start", false, Int).push(int(cue.start));
                col!(b, "cue_end", false, Int).push(int(cue.end));
                col!(b, "cue_type", false, Str).push(Some(at.cue_type.as_str().to_owned()));
                col!(b, "content", false, Str).push(Some(content_text.to_owned()));
                col!(b, "content_start", false, Int).push(int(content.start));
                col!(b, "content_end", false, Int).push(int(content.end));
                col!(b, "kind", false, Str).push(Some(at.kind.as_str().to_owned()));
                col!(b, "anonymous", false, Bool).push(at.anonymous);
                col!(b, "sources", false, StrList).push(at.sources.iter().map(|s| s.name.clone()).collect());
                col!(b, "source_kinds", false, StrList)
                    .push(at.sources.iter().map(|s| s.kind.as_str().to_owned()).collect());
                col!(b, "source", true, Str).push(outer.map(|s| s.name.clone()));
                col!(b, "source_kind", true, Str).push(outer.map(|s| s.kind.as_str().to_owned()));
                col!(b, "original_source", true, Str).push(orig.map(|s| s.name.clone()));
                col!(b, "original_source_kind", true, Str).push(orig.map(|s| s.kind.as_str().to_owned()));
            }
        }
        _ => {
            for s in d.sources {
                col!(b, "name", false, Str).push(Some(s.name.clone()));
                col!(b, "kind", false, Str).push(Some(s.kind.as_str().to_owned()));
                col!(b, "is_unnamed", false, Bool).push(s.kind.is_unnamed());
                col!(b, "mentions", false, StrList).push(s.mentions.clone());
                col!(b, "n_mentions", false, Int).push(int(s.mentions.len()));
                col!(b, "claims", false, IntList).push(s.claims.iter().filter_map(|&c| int(c)).collect());
                col!(b, "n_claims", false, Int).push(int(s.claims.len()));
                col!(b, "reliability", false, Float).push(Some(s.reliability));
                col!(b, "grade", false, Str).push(Some(s.grade.as_str().to_owned()));
            }
        }
    }
}

/// The rows of `kind` (one of [`TABLE_KINDS`]) of `(position, analysis)` pairs, offsets in
/// `offsets`; the `article` column is the position. `None` for an unknown kind.
pub fn analyses<'a>(
    kind: &str,
    items: impl IntoIterator<Item = (usize, AnalysisView<'a>)>,
    offsets: Offsets,
) -> Option<Table> {
    let kind = TABLE_KINDS.into_iter().find(|k| *k == kind)?;
    let mut b = Table { kind, columns: Vec::new() };
    schema(&mut b, kind);
    for (i, v) in items {
        rows(&mut b, kind, i, &v, offsets);
    }
    Some(b)
}

/// The rows of a corroboration: `"claims"` (one row per grouped claim, kind
/// `corroborated_claims`) or `"sources"` (kind `corroborated_sources`). `None` for another kind.
#[must_use]
pub fn corroboration(c: &Corroboration, kind: &str) -> Option<Table> {
    let mut t = Table::default();
    let b = &mut t;
    match kind {
        "claims" => {
            b.kind = "corroborated_claims";
            col!(b, "group", false, Int);
            col!(b, "label", false, Str);
            col!(b, "group_value", false, Str);
            col!(b, "confidence", false, Float);
            col!(b, "article", false, Int);
            col!(b, "claim", false, Int);
            col!(b, "text", false, Str);
            col!(b, "source", false, Str);
            col!(b, "value", false, Str);
            col!(b, "agrees", false, Bool);
            col!(b, "corroboration", false, Float);
            col!(b, "corroborating_articles", false, Int);
            col!(b, "score", false, Float);
            col!(b, "adjusted_score", false, Float);
            col!(b, "agreeing_sources", false, Int);
            col!(b, "contradicting_sources", false, Int);
            col!(b, "credibility_grade", false, Int);
            for (gi, g) in c.groups.iter().enumerate() {
                for cl in &g.claims {
                    col!(b, "group", false, Int).push(int(gi));
                    col!(b, "label", false, Str).push(Some(g.label.clone()));
                    col!(b, "group_value", false, Str).push(Some(g.value.clone()));
                    col!(b, "confidence", false, Float).push(Some(g.confidence));
                    col!(b, "article", false, Int).push(int(cl.article));
                    col!(b, "claim", false, Int).push(int(cl.claim));
                    col!(b, "text", false, Str).push(Some(cl.text.clone()));
                    col!(b, "source", false, Str).push(Some(cl.source.clone()));
                    col!(b, "value", false, Str).push(Some(cl.value.clone()));
                    col!(b, "agrees", false, Bool).push(cl.agrees);
                    col!(b, "corroboration", false, Float).push(Some(cl.corroboration));
                    col!(b, "corroborating_articles", false, Int).push(int(cl.corroborating_articles));
                    col!(b, "score", false, Float).push(Some(cl.score));
                    col!(b, "adjusted_score", false, Float).push(Some(cl.adjusted_score));
                    col!(b, "agreeing_sources", false, Int).push(int(cl.agreeing_sources));
                    col!(b, "contradicting_sources", false, Int).push(int(cl.contradicting_sources));
                    col!(b, "credibility_grade", false, Int).push(Some(i64::from(cl.credibility_grade.number())));
                }
            }
        }
        "sources" => {
            b.kind = "corroborated_sources";
            col!(b, "name", false, Str);
            col!(b, "articles", false, IntList);
            col!(b, "claims", false, Int);
            col!(b, "trust", false, Float);
            col!(b, "reliability", false, Float);
            col!(b, "adjusted_reliability", false, Float);
            for s in &c.sources {
                col!(b, "name", false, Str).push(Some(s.name.clone()));
                col!(b, "articles", false, IntList).push(s.articles.iter().filter_map(|&a| int(a)).collect());
                col!(b, "claims", false, Int).push(int(s.claims));
                col!(b, "trust", false, Float).push(Some(s.trust));
                col!(b, "reliability", false, Float).push(Some(s.reliability));
                col!(b, "adjusted_reliability", false, Float).push(Some(s.adjusted_reliability));
            }
        }
        _ => return None,
    }
    Some(t)
}

/// The rows of outlet and source profiles: `"outlets"` (kind `outlet_profiles`) or `"sources"`
/// (kind `source_profiles`). `None` for another kind.
#[must_use]
pub fn profiles(p: &Profiles, kind: &str) -> Option<Table> {
    let mut t = Table::default();
    let b = &mut t;
    match kind {
        "outlets" => {
            b.kind = "outlet_profiles";
            // Declared first, so that an empty table keeps its schema.
            col!(b, "name", false, Str);
            col!(b, "articles", false, Int);
            col!(b, "claims", false, Int);
            col!(b, "reliability", false, Float);
            col!(b, "grade", false, Str);
            for o in &p.outlets {
                col!(b, "name", false, Str).push(Some(o.name.clone()));
                col!(b, "articles", false, Int).push(int64(o.articles));
                col!(b, "claims", false, Int).push(int64(o.claims));
                col!(b, "reliability", false, Float).push(Some(o.reliability));
                col!(b, "grade", false, Str).push(Some(o.grade.as_str().to_owned()));
            }
            type Rate = (&'static str, fn(&crate::OutletProfile) -> f64);
            let rates: [Rate; 9] = [
                ("attribution_rate", |o| o.attribution_rate),
                ("named_rate", |o| o.named_rate),
                ("anonymous_rate", |o| o.anonymous_rate),
                ("vague_rate", |o| o.vague_rate),
                ("hedge_rate", |o| o.hedge_rate),
                ("weasel_rate", |o| o.weasel_rate),
                ("specifics_rate", |o| o.specifics_rate),
                ("corroboration_rate", |o| o.corroboration_rate),
                ("contradiction_rate", |o| o.contradiction_rate),
            ];
            for (name, get) in rates {
                b.columns.push(Column {
                    name,
                    nullable: false,
                    data: ColumnData::Float(p.outlets.iter().map(|o| Some(get(o))).collect()),
                });
            }
        }
        "sources" => {
            b.kind = "source_profiles";
            col!(b, "name", false, Str);
            col!(b, "kind", false, Str);
            col!(b, "mentions", false, Int);
            col!(b, "articles", false, Int);
            col!(b, "claims", false, Int);
            col!(b, "outlets", false, StrList);
            col!(b, "reliability", false, Float);
            col!(b, "grade", false, Str);
            col!(b, "article_reliability", false, Float);
            col!(b, "hedge_rate", false, Float);
            col!(b, "corroboration_rate", false, Float);
            col!(b, "contradiction_rate", false, Float);
            for s in &p.sources {
                col!(b, "name", false, Str).push(Some(s.name.clone()));
                col!(b, "kind", false, Str).push(Some(s.kind.as_str().to_owned()));
                col!(b, "mentions", false, Int).push(int64(s.mentions));
                col!(b, "articles", false, Int).push(int64(s.articles));
                col!(b, "claims", false, Int).push(int64(s.claims));
                col!(b, "outlets", false, StrList).push(s.outlets.clone());
                col!(b, "reliability", false, Float).push(Some(s.reliability));
                col!(b, "grade", false, Str).push(Some(s.grade.as_str().to_owned()));
                col!(b, "article_reliability", false, Float).push(Some(s.article_reliability));
                col!(b, "hedge_rate", false, Float).push(Some(s.hedge_rate));
                col!(b, "corroboration_rate", false, Float).push(Some(s.corroboration_rate));
                col!(b, "contradiction_rate", false, Float).push(Some(s.contradiction_rate));
            }
        }
        _ => return None,
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_offsets_follow_the_unit() {
        let text = "Román said “the bridge may reopen”.";
        let a = crate::analyze(text).expect("analysis");
        let v = AnalysisView::of(&a);
        let bytes = analyses("claims", [(0, v)], Offsets::Bytes).expect("kind");
        let chars = analyses("claims", [(0, v)], Offsets::CodePoints).expect("kind");
        let start = |t: &Table| t.columns.iter().find(|c| c.name == "start").map(|c| c.data.clone());
        let (Some(ColumnData::Int(b)), Some(ColumnData::Int(c))) = (start(&bytes), start(&chars)) else {
            panic!("no start column")
        };
        assert_eq!(b.len(), a.claims().len());
        for ((b, c), claim) in b.iter().zip(&c).zip(a.claims()) {
            assert_eq!(*b, i64::try_from(claim.span.start).ok());
            let prefix = &text[..claim.span.start];
            assert_eq!(*c, i64::try_from(prefix.chars().count()).ok());
        }
        assert!(analyses("nope", [(0, v)], Offsets::Bytes).is_none());
    }

    #[test]
    fn empty_tables_keep_their_schema() {
        for kind in TABLE_KINDS {
            let t = analyses(kind, std::iter::empty(), Offsets::Bytes).expect("kind");
            assert!(t.columns.len() > 2, "{kind}");
            assert_eq!(t.kind, kind);
        }
    }
}
