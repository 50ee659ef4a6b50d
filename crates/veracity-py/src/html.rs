//! Notebook display: `_repr_html_` of `Analysis`, `Claim`, `SourceSummary` and `Explanation`, and
//! `Analysis.to_displacy()`.
//!
//! The highlighted view nests three layers of elements, outermost first: claims (a framed span
//! opened by a visible badge with the claim's number, Admiralty grade and credibility, plus a
//! tooltip with the rest of its scores), attributed contents (a tinted background), and marks
//! (hedge cues, source phrases, attribution cues). Within a layer, spans that overlap one already
//! placed are dropped (priority: hedge, source, cue); across layers, an inner element that
//! crosses an outer boundary is closed and reopened, so the HTML always nests. Below the text, a
//! table ranks the claims by check-worthiness. Nothing needs hovering: badges and table are plain
//! text, readable even where a notebook viewer strips the styles. Every character of the text,
//! of every badge and of every tooltip is escaped.

use std::fmt::Write as _;

use serde::Serialize;
use veracity::{Attribution, Claim, Explanation, Hedge, SourceKind, SourceSummary, Span};

use crate::doc::DocData;

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

/// One highlighted span (code-point offsets into the article text).
#[derive(Debug, Clone)]
struct Mark {
    span: Span,
    tag: &'static str,
    class: &'static str,
    title: String,
    /// HTML written right after the opening tag where the element starts (not where it is
    /// reopened after an inner boundary): the claim badges.
    badge: Option<String>,
}

const STYLE: &str = "<style>\
.veracity{line-height:1.75;font-family:inherit}\
.veracity .text{white-space:pre-wrap}\
.veracity mark{padding:0 2px;border-radius:3px;color:inherit}\
.veracity mark.hedge{background:#ffe08a}\
.veracity mark.hedge.negated{background:#fff3c4;text-decoration:line-through}\
.veracity mark.source{background:#b5e3ff}\
.veracity mark.source.unnamed{background:#ffc9a8}\
.veracity mark.cue{background:#c9efb0}\
.veracity .content{background:#efe6ff;border-bottom:1px dashed #9a7fd1}\
.veracity .claim{border:1px solid #c4c4c4;border-radius:4px;padding:1px 2px}\
.veracity .claim:hover{border-color:#666}\
.veracity .badge{font-size:11px;font-weight:600;padding:0 5px;margin-right:4px;border-radius:8px;\
white-space:nowrap;color:#fff;background:#6c757d;font-variant-numeric:tabular-nums}\
.veracity .badge.c1{background:#1b7f3b}\
.veracity .badge.c2{background:#3a8f4e}\
.veracity .badge.c3{background:#8a7a12}\
.veracity .badge.c4{background:#c25e00}\
.veracity .badge.c5{background:#b3261e}\
.veracity .badge.c6{background:#6c757d}\
.veracity .plain{display:none}\
.veracity .legend{font-size:12px;margin:4px 0 8px 0}\
.veracity .legend span,.veracity .legend mark{margin-right:6px;padding:0 4px;border-radius:3px}\
.veracity .head{font-size:12px;color:#555}\
.veracity table{border-collapse:collapse;font-size:12px;margin-top:6px}\
.veracity td,.veracity th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}\
.veracity caption{text-align:left;font-size:12px;font-weight:600;padding:4px 0}\
.veracity td.num{text-align:right;font-variant-numeric:tabular-nums}\
</style>";

const LEGEND: &str = "<div class=\"legend\">\
<mark class=\"hedge\">hedge cue</mark> \
<mark class=\"source\">named source</mark> \
<mark class=\"source unnamed\">anonymous / vague source</mark> \
<mark class=\"cue\">attribution cue</mark> \
<span class=\"content\">attributed content</span> \
<span class=\"claim\"><span class=\"badge c2\"><span class=\"plain\">[</span>#claim · grade · credibility\
<span class=\"plain\">] </span></span>claim</span> \
<span style=\"color:#777\">grade: source reliability A\u{2013}F and information credibility 1\u{2013}6 \
(Admiralty); hover for hedge categories, source kinds, reliability and certainty</span>\
</div>";

/// The badge opening a claim in the highlighted view: its number, Admiralty grade and
/// credibility, coloured by the credibility digit. The brackets are hidden by the stylesheet and
/// show only where a viewer strips it, so the badge never runs into the claim's first word.
fn badge(c: &Claim) -> String {
    format!(
        "<span class=\"badge c{}\"><span class=\"plain\">[</span>#{} · {} · {:.2}<span class=\"plain\">] </span></span>",
        c.admiralty.credibility.number(),
        c.index,
        escape(&c.admiralty.to_string()),
        c.score
    )
}

/// The ranked claim table below the highlighted view: every claim, in the order of
/// `Analysis.ranked_claims()` (check-worthiness, highest first; ties in text order).
fn ranked_table(claims: &[Claim]) -> String {
    let mut s = String::from(
        "<table class=\"ranked\"><caption>Claims ranked by check-worthiness</caption><tr><th>rank</th><th>claim</th>\
         <th>grade</th><th>credibility</th><th>check-worthiness</th><th>certainty</th><th>kind</th><th>source</th>\
         <th>text</th></tr>",
    );
    for (rank, c) in crate::analysis::ranked(claims).into_iter().enumerate() {
        let source = c
            .attribution
            .as_ref()
            .map(|a| a.sources.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(" \u{2192} "))
            .unwrap_or_default();
        let _ = write!(
            s,
            "<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td><span class=\"badge c{}\">{}</span></td>\
             <td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            rank + 1,
            c.index,
            c.admiralty.credibility.number(),
            escape(&c.admiralty.to_string()),
            c.score,
            c.checkworthiness,
            c.certainty_level.as_str(),
            c.kind.as_str(),
            escape(&source),
            escape(&c.text)
        );
    }
    s.push_str("</table>");
    s
}

fn hedge_title(h: &Hedge) -> String {
    let mut t = format!("hedge: {} (weight {:.2})", h.category, h.weight);
    if h.negated {
        t.push_str(", negated");
    }
    if h.in_quote {
        t.push_str(", in a quotation");
    }
    if h.attributive {
        t.push_str(", inside a noun phrase");
    }
    t
}

fn chain(a: &Attribution) -> String {
    let names: Vec<String> = a.sources.iter().map(|s| format!("{} ({})", s.name, s.kind)).collect();
    names.join(" \u{2192} ")
}

fn reliability(sources: &[SourceSummary], name: &str, kind: SourceKind) -> Option<f64> {
    sources
        .iter()
        .find(|s| s.name == name && s.kind == kind)
        .or_else(|| sources.iter().find(|s| s.name == name))
        .map(|s| s.reliability)
}

fn claim_title(c: &Claim) -> String {
    format!(
        "claim {}: credibility {:.2} · certainty {} ({:.2}) · check-worthiness {:.2}{}",
        c.index,
        c.score,
        c.certainty_level.as_str(),
        c.certainty,
        c.checkworthiness,
        if c.negated { " · negated" } else { "" }
    )
}

/// The marks layer (hedges, sources, cues) and the contents layer for a set of hedges and
/// attributions.
fn marks(hedges: &[Hedge], attributions: &[&Attribution], sources: &[SourceSummary]) -> (Vec<Mark>, Vec<Mark>) {
    let mut inner = Vec::new();
    for h in hedges {
        inner.push(Mark {
            span: h.span,
            tag: "mark",
            class: if h.negated { "hedge negated" } else { "hedge" },
            title: hedge_title(h),
            badge: None,
        });
    }
    let mut contents = Vec::new();
    for a in attributions {
        for s in &a.sources {
            if let Some(span) = s.span {
                let rel =
                    reliability(sources, &s.name, s.kind).map(|r| format!(" · reliability {r:.2}")).unwrap_or_default();
                let resolved = if s.resolved { " · resolved from an earlier mention" } else { "" };
                inner.push(Mark {
                    span,
                    tag: "mark",
                    class: if s.kind.is_unnamed() { "source unnamed" } else { "source" },
                    title: format!("source: {} ({}){rel}{resolved}", s.name, s.kind),
                    badge: None,
                });
            }
        }
        inner.push(Mark {
            span: a.cue_span,
            tag: "mark",
            class: "cue",
            title: format!("attribution cue ({}): {}", a.kind.as_str(), chain(a)),
            badge: None,
        });
        contents.push(Mark {
            span: a.content,
            tag: "span",
            class: "content",
            title: format!("content attributed to {}{}", chain(a), if a.anonymous { " · anonymous" } else { "" }),
            badge: None,
        });
    }
    (contents, inner)
}

/// Keeps the marks of a layer that do not overlap an earlier one, in text order.
fn place(marks: Vec<Mark>) -> Vec<Mark> {
    let mut placed: Vec<Mark> = Vec::new();
    for m in marks {
        if m.span.is_empty() || placed.iter().any(|p| p.span.overlap(m.span) > 0) {
            continue;
        }
        placed.push(m);
    }
    placed.sort_by_key(|m| m.span.start);
    placed
}

/// Renders `text` (which starts at code point `base` of the article) with nested layers,
/// outermost first. Spans are clipped to the text.
fn render_layers(text: &str, base: usize, layers: Vec<Vec<Mark>>) -> String {
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let n = starts.len() - 1;
    let local = |c: usize| c.saturating_sub(base).min(n);
    let layers: Vec<Vec<(usize, usize, Mark)>> = layers
        .into_iter()
        .map(|l| {
            place(l)
                .into_iter()
                .map(|m| (local(m.span.start), local(m.span.end), m))
                .filter(|(a, b, _)| a < b)
                .collect()
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for l in &layers {
        for (a, b, _) in l {
            cuts.push(*a);
            cuts.push(*b);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<Option<usize>> = vec![None; layers.len()];
    let mut cursor = vec![0usize; layers.len()];
    let close_from =
        |out: &mut String, open: &mut Vec<Option<usize>>, from: usize, layers: &Vec<Vec<(usize, usize, Mark)>>| {
            for k in (from..open.len()).rev() {
                if let Some(i) = open[k].take() {
                    let _ = write!(out, "</{}>", layers[k][i].2.tag);
                }
            }
        };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        // The element of each layer covering [a, b), if any.
        let want: Vec<Option<usize>> = layers
            .iter()
            .zip(cursor.iter_mut())
            .map(|(l, cur)| {
                while *cur < l.len() && l[*cur].1 <= a {
                    *cur += 1;
                }
                (*cur < l.len() && l[*cur].0 <= a).then_some(*cur)
            })
            .collect();
        if let Some(first) = (0..layers.len()).find(|&k| want[k] != open[k]) {
            close_from(&mut out, &mut open, first, &layers);
            for k in first..layers.len() {
                if let Some(i) = want[k] {
                    let m = &layers[k][i].2;
                    let _ = write!(out, "<{} class=\"{}\" title=\"{}\">", m.tag, m.class, escape(&m.title));
                    if layers[k][i].0 == a {
                        out.push_str(m.badge.as_deref().unwrap_or_default());
                    }
                    open[k] = Some(i);
                }
            }
        }
        out.push_str(&escape(&text[starts[a]..starts[b]]));
    }
    close_from(&mut out, &mut open, 0, &layers);
    out
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (s, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| s / n as f64)
}

/// `Analysis._repr_html_`.
pub(crate) fn render(data: &DocData) -> String {
    let text = data.article.text();
    let (contents, inner) = marks(&data.hedges, &data.attributions.iter().collect::<Vec<_>>(), &data.sources);
    let claims: Vec<Mark> = data
        .claims
        .iter()
        .map(|c| Mark { span: c.span, tag: "span", class: "claim", title: claim_title(c), badge: Some(badge(c)) })
        .collect();
    let body = render_layers(text, 0, vec![claims, contents, inner]);

    let mut head: Vec<String> = Vec::new();
    if let Some(t) = data.article.title() {
        head.push(format!("<b>{}</b>", escape(&t.value)));
    }
    if let Some(o) = data.article.outlet() {
        head.push(escape(&o.value));
    }
    if let Some(p) = data.article.published() {
        head.push(p.value.to_string());
    }
    let hedged = data.claims.iter().filter(|c| c.is_hedged()).count();
    let anonymous = data.claims.iter().filter(|c| c.attribution.as_ref().is_some_and(|a| a.anonymous)).count();
    head.push(format!(
        "{} claims, {} hedged, {} anonymously sourced{}",
        data.claims.len(),
        hedged,
        anonymous,
        mean(data.claims.iter().map(|c| c.score)).map(|m| format!(", mean credibility {m:.2}")).unwrap_or_default()
    ));
    format!(
        "{STYLE}<div class=\"veracity\"><div class=\"head\">{}</div>{LEGEND}<div class=\"text\">{body}</div>{}</div>",
        head.join(" · "),
        ranked_table(&data.claims)
    )
}

/// `Claim._repr_html_`: the claim with its marks, then its scores.
pub(crate) fn render_claim(c: &Claim, content_text: Option<&str>) -> String {
    let atts: Vec<&Attribution> = c.attribution.iter().collect();
    let (_, inner) = marks(&c.hedges, &atts, &[]);
    let body = render_layers(&c.text, c.span.start, vec![inner]);
    let mut rows = vec![
        ("grade", c.admiralty.to_string()),
        ("credibility", format!("{:.3}", c.score)),
        ("certainty", format!("{} ({:.2})", c.certainty_level.as_str(), c.certainty)),
        ("factuality", format!("{:+.2}", c.factuality())),
        ("check-worthiness", format!("{:.3}", c.checkworthiness)),
        ("kind", c.kind.as_str().to_owned()),
    ];
    if let Some(a) = &c.attribution {
        rows.push(("attribution", chain(a) + if a.anonymous { " · anonymous" } else { "" }));
        if let Some(t) = content_text.filter(|t| !t.is_empty() && *t != c.text) {
            rows.push(("content", t.to_owned()));
        }
    }
    let table: String = rows.iter().map(|(k, v)| format!("<tr><th>{k}</th><td>{}</td></tr>", escape(v))).collect();
    format!(
        "{STYLE}<div class=\"veracity\"><div class=\"head\">claim {}</div><div class=\"text\">{body}</div>\
         <table>{table}</table></div>",
        c.index
    )
}

/// `Explanation._repr_html_`: one row per signal.
pub(crate) fn render_explanation(e: &Explanation) -> String {
    let mut s = format!(
        "{STYLE}<div class=\"veracity\"><table><tr><th>signal</th><th>value</th><th>weight</th>\
         <th>contribution</th><th>detail</th></tr><tr><td>base</td><td></td><td></td><td>{:+.3}</td><td></td></tr>",
        e.base
    );
    for c in &e.contributions {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{:.3}</td><td>{:.3}</td><td>{:+.3}</td><td>{}</td></tr>",
            escape(&c.signal),
            c.value,
            c.weight,
            c.contribution,
            escape(&c.detail)
        );
    }
    let _ = write!(
        s,
        "<tr><th>score</th><td></td><td></td><th>{:.3}</th><td>raw {:.3}</td></tr></table></div>",
        e.value, e.raw
    );
    s
}

/// `SourceSummary._repr_html_`: a one-row profile and its reliability explanation.
pub(crate) fn render_source(s: &SourceSummary) -> String {
    format!(
        "{STYLE}<div class=\"veracity\"><table><tr><th>source</th><th>kind</th><th>reliability</th>\
         <th>claims</th><th>mentions</th></tr><tr><td>{}</td><td>{}</td><td>{:.3}</td><td>{:?}</td><td>{}</td></tr>\
         </table>{}</div>",
        escape(&s.name),
        s.kind,
        s.reliability,
        s.claims,
        escape(&s.mentions.join(" | ")),
        render_explanation(&s.explanation).replacen(STYLE, "", 1)
    )
}

// ---------------------------------------------------------------------------------------------
// displaCy

#[derive(Serialize)]
struct Ent {
    start: usize,
    end: usize,
    label: &'static str,
}

#[derive(Serialize)]
struct SpanEnt {
    start_token: usize,
    end_token: usize,
    label: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Displacy<'a> {
    Ent { text: &'a str, ents: Vec<Ent>, title: Option<&'a str> },
    Span { text: &'a str, tokens: Vec<&'a str>, spans: Vec<SpanEnt>, title: Option<&'a str> },
}

fn label(class: &str) -> &'static str {
    match class {
        "content" => "CONTENT",
        "cue" => "CUE",
        c if c.starts_with("hedge") => "HEDGE",
        c if c.starts_with("source") => "SOURCE",
        _ => "CLAIM",
    }
}

/// `Analysis.to_displacy(style)`: the dict `spacy.displacy.render(..., manual=True)` takes.
/// `"ent"`: non-overlapping hedges, sources and cues with code-point offsets. `"span"`: tokens
/// (runs of letters and digits, or single other characters) and possibly overlapping spans,
/// attributed contents included.
pub(crate) fn displacy(data: &DocData, style: &str) -> serde_json::Value {
    let text = data.article.text();
    let title = data.article.title().map(|m| m.value.as_str());
    let (contents, inner) = marks(&data.hedges, &data.attributions.iter().collect::<Vec<_>>(), &data.sources);
    let value = if style == "ent" {
        let ents = place(inner)
            .into_iter()
            .map(|m| Ent { start: m.span.start, end: m.span.end, label: label(m.class) })
            .collect();
        Displacy::Ent { text, ents, title }
    } else {
        // Tokens with their code-point spans.
        let mut tokens: Vec<&str> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut word: Option<(usize, usize)> = None; // (byte start, char start)
        let mut ci = 0usize;
        for (b, ch) in text.char_indices() {
            if ch.is_alphanumeric() {
                if word.is_none() {
                    word = Some((b, ci));
                }
            } else {
                if let Some((wb, wc)) = word.take() {
                    tokens.push(&text[wb..b]);
                    spans.push((wc, ci));
                }
                if !ch.is_whitespace() {
                    tokens.push(&text[b..b + ch.len_utf8()]);
                    spans.push((ci, ci + 1));
                }
            }
            ci += 1;
        }
        if let Some((wb, wc)) = word {
            tokens.push(&text[wb..]);
            spans.push((wc, ci));
        }
        let token_range = |s: Span| -> Option<(usize, usize)> {
            let first = spans.iter().position(|&(_, e)| e > s.start)?;
            let last = spans.iter().rposition(|&(b, _)| b < s.end)?;
            (first <= last).then_some((first, last + 1))
        };
        let mut out: Vec<SpanEnt> = inner
            .iter()
            .chain(contents.iter())
            .filter_map(|m| {
                token_range(m.span).map(|(a, b)| SpanEnt { start_token: a, end_token: b, label: label(m.class) })
            })
            .collect();
        out.sort_by_key(|s| (s.start_token, std::cmp::Reverse(s.end_token), s.label));
        // A nested attribution repeats its outer chain's sources: one span each.
        out.dedup_by(|a, b| (a.start_token, a.end_token, a.label) == (b.start_token, b.end_token, b.label));
        Displacy::Span { text, tokens, spans: out, title }
    };
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}
