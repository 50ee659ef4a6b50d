//! The human-readable report (`--format text`), laid out for 100 columns.

use std::fmt::Write as _;

use veracity::{Analysis, Attribution, Claim, Explanation, HedgeCategory, Meta, Source, SourceKind};

/// Width the report is laid out for.
const WIDTH: usize = 100;
/// Indent of a claim's body lines (text, attribution, explanation).
const BODY: &str = "      ";
/// Widest source name shown in the sources table before it is cut with `…`.
const NAME_COLUMN: usize = 46;
/// Credibility below this is shown in red.
const LOW_SCORE: f64 = 0.4;
/// Credibility below this (and at least [`LOW_SCORE`]) is shown in yellow; above, green.
const MID_SCORE: f64 = 0.6;

/// Rendering options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// ANSI colours; without them hedge cues are shown in brackets: `[may]`.
    pub(crate) color: bool,
    /// Print how each score was computed.
    pub(crate) explain: bool,
    /// Show only the N most check-worthy claims, highest first.
    pub(crate) top: Option<usize>,
    /// List the claims in text order instead of by check-worthiness.
    pub(crate) text_order: bool,
    /// Show the attributions of these cue types only.
    pub(crate) cue_types: crate::CueTypes,
}

#[derive(Debug, Clone, Copy)]
enum Paint {
    Bold,
    Dim,
    Red,
    Green,
    Yellow,
    Magenta,
    Cyan,
}

impl Paint {
    const fn code(self) -> &'static str {
        match self {
            Paint::Bold => "1",
            Paint::Dim => "2",
            Paint::Red => "31",
            Paint::Green => "32",
            Paint::Yellow => "33",
            Paint::Magenta => "35",
            Paint::Cyan => "36",
        }
    }
}

impl Options {
    fn paint(&self, p: Paint, s: &str) -> String {
        if self.color { format!("\x1b[{}m{s}\x1b[0m", p.code()) } else { s.to_owned() }
    }

    fn score(&self, x: f64) -> String {
        let s = format!("{x:.2}");
        let p = if x < LOW_SCORE {
            Paint::Red
        } else if x < MID_SCORE {
            Paint::Yellow
        } else {
            Paint::Green
        };
        self.paint(p, &s)
    }
}

/// A word ready for wrapping: its rendered form and its width on screen.
struct Token {
    s: String,
    width: usize,
}

impl Token {
    fn plain(s: &str) -> Self {
        Self { s: s.to_owned(), width: s.chars().count() }
    }
}

/// Lays tokens out in lines of at most [`WIDTH`] columns: `first` opens the first line, `next`
/// the following ones. A token wider than a line gets a line of its own.
fn wrap(tokens: impl IntoIterator<Item = Token>, first: &str, next: &str) -> String {
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut line_empty = true;
    for t in tokens {
        if !line_empty && col + 1 + t.width > WIDTH {
            out.push('\n');
            out.push_str(next);
            col = next.chars().count();
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            col += 1;
        }
        out.push_str(&t.s);
        col += t.width;
        line_empty = false;
    }
    out
}

fn words(s: &str) -> impl Iterator<Item = Token> + '_ {
    s.split_whitespace().map(Token::plain)
}

/// The report for one article (ends with a newline).
pub(crate) fn render(a: &Analysis, name: &str, o: Options) -> String {
    let mut out = String::new();
    header(&mut out, a, name, o);
    let claims: Vec<&Claim> = match (o.top, o.text_order) {
        (Some(n), _) => a.ranked_claims().into_iter().take(n).collect(),
        (None, true) => a.claims().iter().collect(),
        (None, false) => a.ranked_claims(),
    };
    let order = match (o.top, o.text_order) {
        (Some(n), _) => format!("top {n} by check-worthiness"),
        (None, true) => "in text order".to_owned(),
        (None, false) => "by check-worthiness, highest first".to_owned(),
    };
    let _ = writeln!(
        out,
        "\n  {} ({order}; grade = source reliability A-F + credibility 1-6)",
        o.paint(Paint::Bold, "claims")
    );
    if claims.is_empty() {
        let _ = writeln!(out, "{BODY}(none)");
    }
    for c in claims {
        claim(&mut out, a, c, o);
    }
    sources(&mut out, a, o);
    out
}

fn header(out: &mut String, a: &Analysis, name: &str, o: Options) {
    let rule = "=".repeat(WIDTH.saturating_sub(name.chars().count() + 4).max(3));
    let _ = writeln!(out, "{} {}", o.paint(Paint::Bold, &format!("== {name}")), o.paint(Paint::Dim, &rule));
    let art = a.article();
    let field = |out: &mut String, label: &str, value: Option<(String, &str)>| {
        let (v, prov) = value.unwrap_or_else(|| ("-".to_owned(), ""));
        let prov =
            if prov.is_empty() { String::new() } else { format!("  {}", o.paint(Paint::Dim, &format!("({prov})"))) };
        let first = format!("  {label:<10}");
        let _ = writeln!(out, "{}{prov}", wrap(words(&v), &first, &" ".repeat(12)));
    };
    let meta = |m: Option<&Meta<String>>| m.map(|m| (m.value.clone(), m.provenance.as_str()));
    field(out, "title", meta(art.title()));
    field(out, "outlet", meta(art.outlet()));
    field(out, "authors", art.authors().map(|m| (m.value.join(", "), m.provenance.as_str())));
    if let Some(p) = art.published() {
        field(out, "published", Some((p.value.format("%Y-%m-%d").to_string(), p.provenance.as_str())));
    }
    if let Some(u) = art.url() {
        field(out, "url", Some((u.value.clone(), u.provenance.as_str())));
    }
    let claims = a.claims();
    let hedged = claims.iter().filter(|c| c.is_hedged()).count();
    let attributed = claims.iter().filter(|c| c.attribution.is_some()).count();
    let anonymous = claims.iter().filter(|c| c.attribution.as_ref().is_some_and(|x| x.anonymous)).count();
    #[allow(clippy::cast_precision_loss)]
    let mean = if claims.is_empty() { 0.0 } else { claims.iter().map(|c| c.score).sum::<f64>() / claims.len() as f64 };
    let _ = writeln!(
        out,
        "  {:<10}{} claim{} ({hedged} hedged, {attributed} attributed, {anonymous} to unnamed sources), mean credibility {}",
        "summary",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" },
        o.score(mean),
    );
    let e = a.credibility_explanation();
    let mut terms: Vec<&veracity::Contribution> = e.contributions.iter().filter(|c| c.contribution != 0.0).collect();
    terms.sort_by(|x, y| y.contribution.abs().total_cmp(&x.contribution.abs()).then_with(|| x.signal.cmp(&y.signal)));
    let strongest: Vec<String> = terms.iter().take(3).map(|c| format!("{} {:+.2}", c.signal, c.contribution)).collect();
    let summary = format!(
        "credibility {}{}{}",
        o.score(a.credibility()),
        if strongest.is_empty() { "" } else { " (largest terms: " },
        if strongest.is_empty() { String::new() } else { format!("{})", strongest.join(", ")) }
    );
    let _ = writeln!(out, "{}", wrap(words(&summary), &format!("  {:<10}", "article"), &" ".repeat(12)));
    if o.explain {
        explanation(out, "article credibility", e, BODY, o);
    }
}

fn claim(out: &mut String, a: &Analysis, c: &Claim, o: Options) {
    let mut tags = Vec::new();
    if c.headline {
        tags.push("headline");
    }
    if c.kind != veracity::ClaimKind::Statement {
        tags.push(c.kind.as_str());
    }
    let tags = if tags.is_empty() { String::new() } else { format!("  {}", o.paint(Paint::Cyan, &tags.join(", "))) };
    let _ = writeln!(
        out,
        "\n  {}  grade {}  check-worthiness {:.2}  credibility {}  certainty {}{tags}",
        o.paint(Paint::Bold, &format!("#{:<3}", c.index)),
        o.paint(Paint::Bold, &c.admiralty.to_string()),
        c.checkworthiness,
        o.score(c.score),
        c.certainty_level.as_str(),
    );
    let _ = writeln!(out, "{}", wrap(highlighted(a.text(), c, o), BODY, BODY));
    if let Some(attr) = c.attribution.as_ref().filter(|a| o.cue_types.contains(a.cue_type)) {
        let _ = writeln!(out, "{}", attribution(attr, o));
    }
    if o.explain {
        let reason = format!(
            "{}: {}; {}: {}",
            c.admiralty,
            c.admiralty.reliability_reason,
            c.admiralty.credibility.description(),
            c.admiralty.credibility_reason,
        );
        let mut tokens = vec![Token { s: o.paint(Paint::Dim, "grade"), width: 5 }];
        tokens.extend(words(&reason));
        let _ = writeln!(out, "{}", wrap(tokens, BODY, &format!("{BODY}    ")));
        explanation(out, "credibility", &c.explanation, BODY, o);
        explanation(out, "check-worthiness", &c.checkworthiness_explanation, BODY, o);
    }
}

/// The claim's words with its hedge cues marked: coloured, or in brackets without colour.
fn highlighted(text: &str, c: &Claim, o: Options) -> Vec<Token> {
    // Hedge spans inside the claim, merged where they overlap (first category wins).
    let mut marks: Vec<(usize, usize, HedgeCategory)> = Vec::new();
    for h in &c.hedges {
        let (s, e) = (h.span.start.max(c.span.start), h.span.end.min(c.span.end));
        if s >= e {
            continue;
        }
        match marks.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => marks.push((s, e, h.category)),
        }
    }
    let claim_text = &text[c.span.start..c.span.end];
    let mut tokens = Vec::new();
    let mut pos = 0;
    for word in claim_text.split_whitespace() {
        // `split_whitespace` yields subslices in order, so their offsets can be recovered.
        let rel = claim_text[pos..].find(word).map_or(pos, |i| pos + i);
        pos = rel + word.len();
        let (ws, we) = (c.span.start + rel, c.span.start + rel + word.len());
        let mut s = String::new();
        let mut width = 0;
        let mut cursor = ws;
        for &(ms, me, cat) in marks.iter().filter(|m| m.0 < we && m.1 > ws) {
            let (hs, he) = (ms.max(ws), me.min(we));
            if hs > cursor {
                s.push_str(&text[cursor..hs]);
                width += text[cursor..hs].chars().count();
            }
            let cue = &text[hs..he];
            width += cue.chars().count();
            if o.color {
                let p = match cat {
                    HedgeCategory::Booster => Paint::Green,
                    HedgeCategory::Weasel => Paint::Magenta,
                    _ => Paint::Yellow,
                };
                s.push_str(&o.paint(p, cue));
            } else {
                let open = hs == ms;
                let close = he == me;
                if open {
                    // Boosters raise certainty: `[+confirmed]` tells them from hedges.
                    let mark = if cat == HedgeCategory::Booster { "[+" } else { "[" };
                    s.push_str(mark);
                    width += mark.len();
                }
                s.push_str(cue);
                if close {
                    s.push(']');
                    width += 1;
                }
            }
            cursor = he;
        }
        if cursor < we {
            s.push_str(&text[cursor..we]);
            width += text[cursor..we].chars().count();
        }
        tokens.push(Token { s, width });
    }
    tokens
}

/// `via "told" (speech, indirect): Bloomberg News (news_outlet) <- Three sources ... (anonymous)`:
/// the cue, its type and the content's kind, then the chain.
fn attribution(a: &Attribution, o: Options) -> String {
    let mut tokens: Vec<Token> = Vec::new();
    tokens.push(Token::plain("via"));
    tokens.push(Token::plain(&format!("{:?}", a.cue)));
    tokens.push(Token::plain(&format!("({},", a.cue_type.as_str())));
    tokens.push(Token::plain(&format!("{}):", a.kind.as_str())));
    for (i, s) in a.sources.iter().enumerate() {
        if i > 0 {
            tokens.push(Token::plain("<-"));
        }
        tokens.extend(words(&s.name));
        let label = source_label(s);
        let colored = if s.kind.is_unnamed() { o.paint(Paint::Magenta, &label) } else { o.paint(Paint::Dim, &label) };
        tokens.push(Token { width: label.chars().count(), s: colored });
    }
    wrap(tokens, BODY, &format!("{BODY}    "))
}

/// `(named_person)`, or `(named_person, from "he")` when the name was resolved from another phrase.
fn source_label(s: &Source) -> String {
    if s.resolved && !s.text.is_empty() && s.text != s.name {
        // The phrase may carry an appositive ("Trump, who has ..."): keep the label short.
        format!("({}, from {:?})", s.kind.as_str(), truncate(&s.text, 40))
    } else {
        format!("({})", s.kind.as_str())
    }
}

/// The explanation as lines: the total, then every signal that moved the score.
fn explanation(out: &mut String, what: &str, e: &Explanation, indent: &str, o: Options) {
    let _ = writeln!(out, "{indent}{} = {:.3}", o.paint(Paint::Dim, what), e.value);
    let base = if e.link == veracity::Link::Logistic { "intercept" } else { "base" };
    let _ = writeln!(out, "{indent}  {base:<18}{:>+8.3}", e.base);
    for c in e.contributions.iter().filter(|c| c.contribution != 0.0) {
        let head = format!("{indent}  {:<18}{:>+8.3}  {:>6.3} x {:+.3}", c.signal, c.contribution, c.value, c.weight);
        if c.detail.is_empty() {
            let _ = writeln!(out, "{head}");
        } else {
            let next = " ".repeat(head.chars().count() + 2);
            let _ = writeln!(out, "{}", wrap(words(&c.detail), &format!("{head}  "), &next));
        }
    }
    if e.link == veracity::Link::Logistic {
        let _ = writeln!(out, "{indent}  (log-odds {:+.3}; probability = 1 / (1 + e^-log-odds))", e.raw);
    } else if (e.raw - e.value).abs() > f64::EPSILON {
        let _ = writeln!(out, "{indent}  (clamped from {:.3})", e.raw);
    }
}

fn sources(out: &mut String, a: &Analysis, o: Options) {
    let _ = writeln!(out, "\n  {}", o.paint(Paint::Bold, "sources"));
    let _ = writeln!(
        out,
        "  {}",
        o.paint(
            Paint::Dim,
            &format!("{:<NAME_COLUMN$}  {:<13} {:>6}  {:>11} {}", "name", "kind", "claims", "reliability", "grade")
        )
    );
    for s in a.sources() {
        let name = truncate(&s.name, NAME_COLUMN);
        let pad = NAME_COLUMN.saturating_sub(name.chars().count());
        let kind = format!("{:<13}", s.kind.as_str());
        let kind = if s.kind.is_unnamed() { o.paint(Paint::Magenta, &kind) } else { kind };
        let author = if s.kind == SourceKind::Author { "(own voice)" } else { "" };
        let _ = writeln!(
            out,
            "  {name}{}  {kind} {:>6}  {:>11} {:^5}{}",
            " ".repeat(pad),
            s.claims.len(),
            o.score(s.reliability),
            s.grade.as_str(),
            o.paint(Paint::Dim, author),
        );
        if o.explain {
            explanation(out, "reliability", &s.explanation, "      ", o);
        }
    }
}

/// Cuts `s` to `max` characters, ending with `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_indent() {
        let long = "word ".repeat(60);
        let w = wrap(words(&long), "  ", "    ");
        assert!(w.lines().all(|l| l.chars().count() <= WIDTH));
        assert!(w.lines().skip(1).all(|l| l.starts_with("    word")));
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }

    #[test]
    fn hedges_are_bracketed_without_colour() {
        let a = veracity::analyze("The minister allegedly requested asylum in Moscow.").expect("analysis");
        let o = Options {
            color: false,
            explain: false,
            top: None,
            text_order: false,
            cue_types: crate::CueTypes::of(None),
        };
        let tokens = highlighted(a.text(), &a.claims()[0], o);
        let line: Vec<&str> = tokens.iter().map(|t| t.s.as_str()).collect();
        assert!(line.contains(&"[allegedly]"), "{line:?}");
    }
}
