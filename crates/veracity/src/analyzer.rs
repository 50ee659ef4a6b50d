//! The analyser: runs every stage and holds the results.

use std::path::Path;
use std::sync::Arc;

use crate::article::Article;
use crate::attribution::{Attribution, AttributionExtractor, Source, SourceKind};
use crate::claim::{Claim, ClaimKind, ClaimRules, features};
use crate::config::{Config, ConfigSource, CueKind, HedgeCategory};
use crate::error::{Error, Result};
use crate::explain::Explanation;
use crate::grade::{Admiralty, CredibilityGrade, ReliabilityGrade};
use crate::hedge::{CertaintyLevel, Hedge, HedgeDetector, certainty_of, deciding_hedge, is_negator, negated_before};
use crate::matcher::PhraseSets;
use crate::score::{SourceSummary, credibility, source_key, summarise_sources};
use crate::segment::{Paragraph, ParagraphKind, Quote, Segmenter, Sentence};
use crate::span::{Span, SpanIndex};
use crate::text::tokens::Tokens;

/// A claim is covered by an attribution whose content overlaps at least this share of it, or
/// whose cue and content both lie inside it with a content of at least [`MIN_CONTENT_WORDS`] words
/// ("X, a long appositive, said A": A is short beside the sentence but is what it asserts).
pub const MIN_CONTENT_WORDS: usize = 4;
/// Share of a claim that an attribution's content must overlap to cover it (see [`MIN_CONTENT_WORDS`]).
pub const MIN_ATTRIBUTION_OVERLAP: f64 = 0.3;
/// Bytes an attribution's content may start after its claim and still "open" it (a quote mark).
const OPENING_SLACK: usize = 4;
/// A sentence is a quotation when a quote covers at least this share of it.
pub const QUOTATION_COVERAGE: f64 = 0.8;

/// Runs the pipeline: segmentation, hedges, attribution, claims, scores.
///
/// Cheap to clone (the compiled lexicons are shared) and `Send + Sync`, so one analyser can serve
/// many threads.
#[derive(Debug, Clone)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    segmenter: Segmenter,
    hedges: HedgeDetector,
    attribution: AttributionExtractor,
    claims: ClaimRules,
    style: crate::credibility::StyleSets,
    /// The hedge, opinion, prediction and style lexicons behind one automaton.
    phrases: PhraseSets,
    /// The check-worthiness weights in signal order.
    checkworthiness_weights: Vec<f64>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::from_config(Config::default())
    }
}

impl Analyzer {
    /// The analyser with the built-in configuration.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder to extend or replace the built-in lexicons and weights.
    #[must_use]
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::new()
    }

    fn from_config(config: Config) -> Self {
        let hedges = HedgeDetector::new(&config);
        let claims = ClaimRules::new(&config.claims);
        let style = crate::credibility::StyleSets::new(&config.style);
        let [opinion, prediction] = claims.kind_matchers();
        let phrases = PhraseSets::new(&[hedges.matcher(), opinion, prediction, style.matcher()]);
        let inner = Inner {
            segmenter: Segmenter::new(&config.segmentation),
            hedges,
            attribution: AttributionExtractor::new(&config),
            claims,
            style,
            phrases,
            checkworthiness_weights: config.checkworthiness.to_logistic().weights,
            config,
        };
        Self { inner: Arc::new(inner) }
    }

    /// The configuration in use.
    #[must_use]
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Analyses a text with no metadata.
    ///
    /// # Errors
    /// [`Error::EmptyText`] for an empty or whitespace-only text.
    pub fn analyze_text(&self, text: &str) -> Result<Analysis> {
        self.analyze(&Article::new(text))
    }

    /// Attributions with no source of their own in `analysis`'s text: evidentials ("the
    /// objections seemed to carry little weight", "it appears that ..."), expectations ("Trump is
    /// expected to speak"), "reportedly", and questions put to someone with no asker named
    /// ("Asked about the vote, Ryan said ...", "Sanders was asked whether ..."). Each has a cue and
    /// a content and an empty `sources` chain ([`Attribution::original_source`] is `None`).
    ///
    /// They are kept apart from [`Analysis::attributions`], whose attributions all have a
    /// source: claims, source summaries and scores use only those. Cues that are already an
    /// attribution's cue there are not repeated.
    #[must_use]
    pub fn unsourced_attributions(&self, analysis: &Analysis) -> Vec<Attribution> {
        self.inner.attribution.extract_unsourced(
            analysis.text(),
            analysis.paragraphs(),
            analysis.sentences(),
            analysis.quotes(),
            analysis.attributions(),
        )
    }

    /// Reads and analyses a UTF-8 text file.
    ///
    /// # Errors
    /// As [`Article::from_path`] and [`Analyzer::analyze`].
    pub fn analyze_path(&self, path: impl AsRef<Path>) -> Result<Analysis> {
        let article = Article::from_path(path)?;
        self.analyze(&article)
    }

    /// Analyses one article.
    ///
    /// # Errors
    /// [`Error::EmptyText`] for an empty or whitespace-only text.
    pub fn analyze(&self, article: &Article) -> Result<Analysis> {
        let text = article.text();
        if is_blank(text) {
            return Err(Error::EmptyText {
                origin: article.path().map(|p| p.display().to_string()).or_else(|| article.id().map(str::to_owned)),
            });
        }
        let inner = &*self.inner;
        let w = &inner.config.weights;
        let seg = inner.segmenter.segment(text);
        let mut article = article.clone();
        article.fill_extracted(seg.meta.clone());

        // The front end: every word of the article, read once.
        let tokens = Tokens::new(text, crate::checkworthiness::word_sets());
        let sentence_starts: Vec<usize> = seg.sentences.iter().map(|s| s.span.start).collect();
        let [hedge_hits, opinion_hits, prediction_hits, style_hits] = inner.phrases.find(text);
        let hedges = inner.hedges.detect_in(text, hedge_hits, &seg.quotes, &sentence_starts);
        let mut attributions = inner.attribution.extract(text, &seg.paragraphs, &seg.sentences, &seg.quotes);
        // One name per entity; the article's own outlet speaks in the author's voice.
        crate::attribution::unify_sources(&mut attributions, article.outlet().map(|m| m.value.as_str()));

        let mut claims = Vec::new();
        let mut hedge_cursor = 0usize;
        let attribution_index = SpanIndex::new(attributions.iter().map(|a| a.content));
        let quote_index = SpanIndex::new(seg.quotes.iter().map(|q| q.span));
        let kind_cues = inner.claims.kind_cues_in(text, opinion_hits, prediction_hits);
        for (si, sent) in seg.sentences.iter().enumerate() {
            let para = seg.paragraphs[sent.paragraph];
            if !matches!(para.kind, ParagraphKind::Body | ParagraphKind::Headline) {
                continue;
            }
            let sentence_quotes: Vec<&Quote> = quote_index.overlapping(sent.span).map(|i| &seg.quotes[i]).collect();
            let clauses = inner.claims.clauses(text, sent.span, &sentence_quotes);
            for (clause, span) in clauses.into_iter().enumerate() {
                while hedge_cursor < hedges.len() && hedges[hedge_cursor].span.end <= span.start {
                    hedge_cursor += 1;
                }
                let claim_hedges: Vec<Hedge> = hedges[hedge_cursor..]
                    .iter()
                    .take_while(|h| h.span.start < span.end)
                    .filter(|h| span.contains(h.span))
                    .cloned()
                    .collect();
                let claim_text = span.slice(text);
                let mut kind = claim_kind(claim_text, span, sentence_quotes.iter().copied());
                let mut kind_cue = None;
                if kind == ClaimKind::Statement {
                    (kind, kind_cue) = inner.claims.statement_kind(&kind_cues, span);
                }
                let candidates = attribution_index.overlapping(span).map(|i| &attributions[i]);
                let attribution = best_attribution(text, span, candidates).cloned();
                let certainty = certainty_of(&claim_hedges, &w.certainty);
                let author_certainty = certainty_of(claim_hedges.iter().filter(|h| !h.in_quote), &w.certainty);
                let negated = claim_negated(text, span, &claim_hedges);
                // Content embedded under a cue in a cancelling environment ("did not say that X").
                let (certainty, negated) = crate::commitment::embedded_certainty(
                    text,
                    &tokens,
                    span,
                    attribution.as_ref(),
                    certainty,
                    negated,
                    &w.certainty,
                );
                let deciding = deciding_hedge(&claim_hedges, &w.certainty);
                let feats = features(claim_text);
                let hedged = claim_hedges.iter().any(|h| h.category != HedgeCategory::Booster);
                let original_kind = attribution.as_ref().and_then(Attribution::original_source).map(|s| s.kind);
                let context = crate::checkworthiness::ClaimContext { kind, hedged, source: original_kind };
                let cw = tokens.with_within(span, crate::checkworthiness::word_sets(), |stream, inside| {
                    crate::checkworthiness::score_of(
                        inner.config.checkworthiness.intercept,
                        &inner.checkworthiness_weights,
                        stream,
                        inside,
                        claim_text,
                        &feats,
                        context,
                    )
                });
                claims.push(Claim {
                    index: claims.len(),
                    sentence: si,
                    clause,
                    span,
                    text: claim_text.to_owned(),
                    kind,
                    kind_cue,
                    headline: para.kind == ParagraphKind::Headline,
                    hedges: claim_hedges,
                    certainty,
                    certainty_level: CertaintyLevel::from_value(certainty, &w.certainty),
                    deciding_hedge: deciding,
                    author_certainty,
                    negated,
                    attribution,
                    features: feats,
                    checkworthiness: cw.value,
                    checkworthiness_explanation: cw,
                    score: 0.0,
                    explanation: Explanation::new(0.0),
                    admiralty: Admiralty {
                        reliability: ReliabilityGrade::F,
                        credibility: CredibilityGrade::CannotBeJudged,
                        reliability_reason: String::new(),
                        credibility_reason: String::new(),
                    },
                });
            }
        }

        let author = author_source(&article);
        let grades = &inner.config.grades;
        let sources = summarise_sources(w, &grades.reliability, &claims, &author);
        // Keys are unique in `sources`: one map instead of a scan (and a lower-casing) per claim and source.
        let by_key: std::collections::HashMap<_, &SourceSummary> =
            sources.iter().map(|s| (source_key(s.kind, &s.name), s)).collect();
        for claim in &mut claims {
            let original = claim.attribution.as_ref().and_then(Attribution::original_source).unwrap_or(&author);
            let key = source_key(original.kind, &original.name);
            let summary = by_key.get(&key).copied();
            let rel = summary.map_or(0.5, |s| s.reliability);
            let label = format!("{} {:?}", original.kind, original.name);
            let e = credibility(w, claim, rel, &label);
            claim.score = e.value;
            claim.explanation = e;
            let letter = summary.map_or(ReliabilityGrade::F, |s| s.grade);
            let (credibility_grade, credibility_reason) = CredibilityGrade::assess(claim, &grades.credibility);
            claim.admiralty = Admiralty {
                reliability: letter,
                credibility: credibility_grade,
                reliability_reason: format!("{label}: reliability {rel:.3} ({})", letter.description()),
                credibility_reason,
            };
        }

        let signals = crate::credibility::signals(
            &crate::credibility::Inputs {
                text,
                title: article.title().map(|m| m.value.as_str()),
                paragraphs: &seg.paragraphs,
                sentences: &seg.sentences,
                quotes: &seg.quotes,
                attributions: &attributions,
                claims: &claims,
                style: &style_hits,
            },
            &inner.style,
        );
        let credibility = crate::credibility::explain(&inner.config.credibility, &signals);

        Ok(Analysis {
            article,
            paragraphs: seg.paragraphs,
            sentences: seg.sentences,
            quotes: seg.quotes,
            hedges,
            attributions,
            claims,
            sources,
            signals,
            credibility,
            config_certainty: w.certainty.clone(),
        })
    }

    /// Analyses many articles, in parallel when the `parallel` feature is on (the default).
    /// Returns exactly one result per input, in input order; one bad article never affects another.
    #[must_use]
    pub fn analyze_batch(&self, articles: &[Article]) -> Vec<Result<Analysis>> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            articles.par_iter().map(|a| self.analyze(a)).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            articles.iter().map(|a| self.analyze(a)).collect()
        }
    }
}

/// Words that open a subordinate clause before the main one ("While the government has not
/// commented, the episode marks ..."): a negator in that clause does not negate the claim.
const SUBORDINATORS: [&str; 11] =
    ["while", "although", "though", "whereas", "because", "since", "as", "if", "unless", "when", "despite"];

/// True when a negator in the claim's main clause does not negate one of its hedge cues (those
/// negate the cue, "not likely", and are already counted in its weight). "without" negates only
/// its object ("he wrote, without disclosing details" asserts that he wrote), and a negator in an
/// opening subordinate clause ("While X has not commented, ...") not the main clause.
fn claim_negated(text: &str, span: Span, hedges: &[Hedge]) -> bool {
    let claim = span.slice(text);
    let opens_subordinate = claim.split_whitespace().next().is_some_and(|w| {
        SUBORDINATORS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())
    });
    // End of the opening subordinate clause: its first comma.
    let main_from = if opens_subordinate { claim.find(',').map_or(span.start, |i| span.start + i) } else { span.start };
    let mut pos = span.start;
    for word in claim.split_inclusive(char::is_whitespace) {
        let end = pos + word.trim_end().len();
        pos += word.len();
        if end <= main_from {
            continue;
        }
        // `negated_before` looks back three words: the negator sits in this word when it does not
        // already govern the words before. Cheap test first: most words are no negator. "without"
        // negates its object and "hardly" is a hedge, neither the claim.
        let object_only = || {
            let w = word.trim_matches(|c: char| !c.is_alphanumeric());
            w.eq_ignore_ascii_case("without") || w.eq_ignore_ascii_case("hardly")
        };
        if is_negator(word)
            && !object_only()
            && negated_before(&text[span.start..end])
            && !hedges.iter().any(|h| h.negated && h.span.start >= end && h.span.start <= end + 40)
        {
            return true;
        }
    }
    false
}

/// Characters that take no room on the page: byte-order mark, zero-width spaces and joiners, word
/// joiner, soft hyphen.
const INVISIBLE: [char; 6] = ['\u{feff}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{ad}'];

/// True when the text holds nothing but white space and invisible characters.
fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || INVISIBLE.contains(&c))
}

fn text_words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn claim_kind<'a>(text: &str, span: Span, quotes: impl Iterator<Item = &'a Quote>) -> ClaimKind {
    let trimmed = text.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', ' ']);
    if trimmed.ends_with('?') {
        return ClaimKind::Question;
    }
    let covered: usize = quotes.filter(|q| !q.nested).map(|q| q.span.overlap(span)).sum();
    #[allow(clippy::cast_precision_loss)]
    if !span.is_empty() && covered as f64 / span.len() as f64 >= QUOTATION_COVERAGE {
        return ClaimKind::Quotation;
    }
    ClaimKind::Statement
}

/// The attribution covering a claim: among those whose content overlaps enough of the claim, the one with the longest chain, then the largest overlap.
fn best_attribution<'a>(
    text: &str,
    span: Span,
    candidates: impl Iterator<Item = &'a Attribution>,
) -> Option<&'a Attribution> {
    candidates
        .filter(|a| {
            #[allow(clippy::cast_precision_loss)]
            let share = a.content.overlap(span) as f64 / span.len().max(1) as f64;
            let inside = span.contains(a.cue_span) && span.contains(a.content);
            // Content that opens the sentence ("“It is over,” said X") is what the sentence asserts.
            let opens = a.content.start <= span.start + OPENING_SLACK;
            share >= MIN_ATTRIBUTION_OVERLAP
                || inside && (opens || text_words(a.content.slice(text)) >= MIN_CONTENT_WORDS)
        })
        .max_by(|a, b| {
            a.sources
                .len()
                .cmp(&b.sources.len())
                .then(a.content.overlap(span).cmp(&b.content.overlap(span)))
                .then(b.content.len().cmp(&a.content.len()))
        })
}

fn author_source(article: &Article) -> Source {
    let name = article
        .outlet()
        .map(|m| m.value.clone())
        .or_else(|| article.authors().map(|m| m.value.join(", ")))
        .unwrap_or_else(|| "author".to_owned());
    Source { text: String::new(), span: None, kind: SourceKind::Author, name: name.clone(), resolved: false }
}

/// The parts of an [`Analysis`], owned: see [`Analysis::into_parts`] and [`Analysis::from_parts`].
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct AnalysisParts {
    pub article: Article,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub hedges: Vec<Hedge>,
    pub attributions: Vec<Attribution>,
    pub claims: Vec<Claim>,
    pub sources: Vec<SourceSummary>,
    /// See [`Analysis::signals`].
    pub signals: crate::credibility::ArticleSignals,
    /// See [`Analysis::credibility_explanation`].
    pub credibility: Explanation,
    /// See [`Analysis::certainty_weights`].
    pub certainty_weights: crate::config::CertaintyWeights,
}

/// Everything veracity found in one article.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Analysis {
    article: Article,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    quotes: Vec<Quote>,
    hedges: Vec<Hedge>,
    attributions: Vec<Attribution>,
    claims: Vec<Claim>,
    sources: Vec<SourceSummary>,
    /// Older documents without signals read back with zeros and a neutral credibility.
    #[cfg_attr(feature = "serde", serde(default))]
    signals: crate::credibility::ArticleSignals,
    #[cfg_attr(feature = "serde", serde(default = "neutral_credibility"))]
    credibility: Explanation,
    /// Serialized so that a round trip (the Python binding, pickling) keeps
    /// [`Analysis::factuality_at`] exact for custom analysers; older documents without it read
    /// back with the built-in weights.
    #[cfg_attr(feature = "serde", serde(default = "default_certainty_weights"))]
    config_certainty: crate::config::CertaintyWeights,
}

#[cfg(feature = "serde")]
fn neutral_credibility() -> Explanation {
    Explanation::logistic(0.0)
}

#[cfg(feature = "serde")]
fn default_certainty_weights() -> crate::config::CertaintyWeights {
    Config::default().weights.certainty
}

impl Analysis {
    /// Reassembles an analysis from its parts (as [`Analysis::into_parts`] gives them; a binding
    /// that converted the spans to another unit and back, a store that kept the parts apart).
    /// Nothing is recomputed; [`Analysis::check_invariants`] tells whether the parts fit the text.
    #[must_use]
    pub fn from_parts(parts: AnalysisParts) -> Self {
        let AnalysisParts {
            article,
            paragraphs,
            sentences,
            quotes,
            hedges,
            attributions,
            claims,
            sources,
            signals,
            credibility,
            certainty_weights,
        } = parts;
        Self {
            article,
            paragraphs,
            sentences,
            quotes,
            hedges,
            attributions,
            claims,
            sources,
            signals,
            credibility,
            config_certainty: certainty_weights,
        }
    }

    /// Takes the analysis apart without copying (see [`Analysis::from_parts`]).
    #[must_use]
    pub fn into_parts(self) -> AnalysisParts {
        AnalysisParts {
            article: self.article,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            quotes: self.quotes,
            hedges: self.hedges,
            attributions: self.attributions,
            claims: self.claims,
            sources: self.sources,
            signals: self.signals,
            credibility: self.credibility,
            certainty_weights: self.config_certainty,
        }
    }

    /// The article, with metadata filled in from the text where the caller gave none.
    #[must_use]
    pub fn article(&self) -> &Article {
        &self.article
    }
    /// The analysed text (all spans index into it).
    #[must_use]
    pub fn text(&self) -> &str {
        self.article.text()
    }
    /// Paragraphs with their roles.
    #[must_use]
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }
    /// Sentences.
    #[must_use]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }
    /// Quotations.
    #[must_use]
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }
    /// Every hedge cue in the text (including outside claims, e.g. in subheadings).
    #[must_use]
    pub fn hedges(&self) -> &[Hedge] {
        &self.hedges
    }
    /// Every attribution, in text order of its cue.
    #[must_use]
    pub fn attributions(&self) -> &[Attribution] {
        &self.attributions
    }
    /// The claims, in text order.
    #[must_use]
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }
    /// The sources with their reliability, the author's voice first.
    #[must_use]
    pub fn sources(&self) -> &[SourceSummary] {
        &self.sources
    }
    /// The article-level signals of the credibility model (see [`crate::SIGNALS`] and
    /// `docs/scoring.md`, "Article credibility").
    #[must_use]
    pub fn signals(&self) -> &crate::credibility::ArticleSignals {
        &self.signals
    }
    /// The article's credibility in `[0, 1]`: the probability, under the credibility model, that
    /// the article comes from a reliable source (see [`Analysis::credibility_explanation`]).
    #[must_use]
    pub fn credibility(&self) -> f64 {
        self.credibility.value
    }
    /// How the credibility was computed: the model's intercept and one log-odds term per signal.
    #[must_use]
    pub fn credibility_explanation(&self) -> &Explanation {
        &self.credibility
    }
    /// The certainty weights and thresholds the analysis was made with (those of its analyser's
    /// configuration).
    #[must_use]
    pub fn certainty_weights(&self) -> &crate::config::CertaintyWeights {
        &self.config_certainty
    }
    /// The event factuality at byte `pos` on the FactBank/MEANTIME scale `[-3, 3]`, or `None` outside
    /// every claim. Scope is local: only the claim's hedge cues standing before `pos` count, and
    /// the event is negated when a negator stands within three words before it in the same
    /// clause ("did not attend"). Certain 3, probable 1.5, possible 0.75, underspecified 0.
    #[must_use]
    pub fn factuality_at(&self, pos: usize) -> Option<f64> {
        let claim = self.claims.iter().find(|c| c.span.start <= pos && pos < c.span.end)?;
        Some(claim.factuality_at(self.text(), pos, &self.config_certainty))
    }

    /// The speaker's commitment to the clause that embeds the event at byte `pos`, when a matrix
    /// predicate stands before it in its claim ("I don't think that [X]" neg-raising, "Did you
    /// know that [X]?" factive under a question), or `None`. Its `value` (on `[-3, 3]`, before
    /// the clause's own negation) is what [`Analysis::factuality_at`] gives when the environment
    /// is not plain.
    #[must_use]
    pub fn commitment_at(&self, pos: usize) -> Option<crate::Commitment> {
        let claim = self.claims.iter().find(|c| c.span.start <= pos && pos < c.span.end)?;
        claim.commitment_at(self.text(), pos)
    }

    /// Checks the analysis for internal consistency: every span lies inside the text on character
    /// boundaries, quote contents lie inside their quotes, claim texts match their spans, and every
    /// score lies in `[0, 1]`. Used by the fuzzers and the robustness tests; a failure is a bug.
    ///
    /// # Errors
    /// A description of the first inconsistency found.
    pub fn check_invariants(&self) -> std::result::Result<(), String> {
        let t = self.text();
        let span_ok = |what: &str, s: Span| -> std::result::Result<(), String> {
            if s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end) {
                Ok(())
            } else {
                Err(format!("{what} span {s} is out of bounds or off a character boundary (text is {} bytes)", t.len()))
            }
        };
        let unit = |what: &str, v: f64| -> std::result::Result<(), String> {
            if (0.0..=1.0).contains(&v) { Ok(()) } else { Err(format!("{what} {v} is not in [0, 1]")) }
        };
        for p in &self.paragraphs {
            span_ok("paragraph", p.span)?;
        }
        for s in &self.sentences {
            span_ok("sentence", s.span)?;
        }
        for q in &self.quotes {
            span_ok("quote", q.span)?;
            span_ok("quote content", q.content)?;
            if !q.span.contains(q.content) {
                return Err(format!("quote content {} outside its quote {}", q.content, q.span));
            }
        }
        for h in &self.hedges {
            span_ok("hedge", h.span)?;
        }
        for a in &self.attributions {
            span_ok("cue", a.cue_span)?;
            span_ok("content", a.content)?;
            for s in &a.sources {
                if let Some(sp) = s.span {
                    span_ok("source", sp)?;
                }
            }
        }
        for c in &self.claims {
            span_ok("claim", c.span)?;
            if c.span.slice(t) != c.text {
                return Err(format!("claim {} text does not match its span", c.index));
            }
            unit("score", c.score)?;
            unit("check-worthiness", c.checkworthiness)?;
            unit("certainty", c.certainty)?;
        }
        for s in &self.sources {
            unit("reliability", s.reliability)?;
        }
        Ok(())
    }

    /// The first claim whose text contains `needle`.
    #[must_use]
    pub fn find_claim(&self, needle: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.text.contains(needle))
    }
    /// Claims ranked by check-worthiness, highest first (ties keep text order).
    #[must_use]
    pub fn ranked_claims(&self) -> Vec<&Claim> {
        let mut v: Vec<&Claim> = self.claims.iter().collect();
        v.sort_by(|a, b| b.checkworthiness.total_cmp(&a.checkworthiness));
        v
    }
}

/// Builds an [`Analyzer`] from the built-in configuration plus extensions.
///
/// Extension errors are reported by [`AnalyzerBuilder::build`], naming the document and entry.
///
/// ```
/// use veracity::{Analyzer, HedgeCategory};
/// let analyzer = Analyzer::builder()
///     .add_hedge("in all likelihood", HedgeCategory::Speculation, 0.4)
///     .config_toml(r#"
///         [weights.credibility]
///         hedging = 0.4
///     "#)
///     .build()?;
/// let a = analyzer.analyze_text("The deal will in all likelihood collapse.")?;
/// assert_eq!(a.claims()[0].hedges[0].cue, "in all likelihood");
/// # Ok::<(), veracity::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder {
    source: ConfigSource,
    error: Option<Error>,
}

impl Default for AnalyzerBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl AnalyzerBuilder {
    /// Starts from the built-in configuration.
    #[must_use]
    pub fn new() -> Self {
        Self { source: ConfigSource::builtin(), error: None }
    }

    /// Starts from the built-in weights and word lists but with no hedge or attribution cues.
    #[must_use]
    pub fn without_lexicons() -> Self {
        Self { source: ConfigSource::empty_lexicons(), error: None }
    }

    fn record(mut self, r: Result<()>) -> Self {
        if self.error.is_none() {
            if let Err(e) = r {
                self.error = Some(e);
            }
        }
        self
    }

    /// Merges a TOML document (see [`crate::config`] for the merge rules).
    #[must_use]
    pub fn config_toml(mut self, toml: &str) -> Self {
        let r = self.source.merge_str(toml, "<string>");
        self.record(r)
    }

    /// Merges a built-in profile (see [`crate::config::PROFILES`]): `"conll2010"` adds Wikipedia's
    /// weasel cues and weights learned on CoNLL-2010. An unknown name is an
    /// [`Error::InvalidOption`] listing the profiles, reported by [`AnalyzerBuilder::build`].
    #[must_use]
    pub fn profile(mut self, name: &str) -> Self {
        let r = self.source.merge_profile(name);
        self.record(r)
    }

    /// Merges a TOML file.
    #[must_use]
    pub fn config_file(mut self, path: impl AsRef<Path>) -> Self {
        let r = self.source.merge_file(path.as_ref());
        self.record(r)
    }

    /// Adds (or moves) one hedge phrase with its own category and weight.
    #[must_use]
    pub fn add_hedge(mut self, phrase: &str, category: HedgeCategory, weight: f64) -> Self {
        self.source.remove_phrase("hedge_groups", phrase);
        let mut t = toml::Table::new();
        t.insert("category".into(), toml::Value::String(category.as_str().into()));
        t.insert("weight".into(), toml::Value::Float(weight));
        t.insert("phrases".into(), toml::Value::Array(vec![toml::Value::String(phrase.into())]));
        self.source.set_group("hedge_groups", &format!("user:{}", phrase.to_lowercase()), t);
        self
    }

    /// Adds (or moves) one attribution cue.
    #[must_use]
    pub fn add_cue(mut self, phrase: &str, kind: CueKind) -> Self {
        self.source.remove_phrase("cue_groups", phrase);
        let kind_str = match kind {
            CueKind::Verb => "verb",
            CueKind::VerbRecipient => "verb_recipient",
            CueKind::Preposition => "preposition",
        };
        let mut t = toml::Table::new();
        t.insert("kind".into(), toml::Value::String(kind_str.into()));
        t.insert("phrases".into(), toml::Value::Array(vec![toml::Value::String(phrase.into())]));
        self.source.set_group("cue_groups", &format!("user:{}", phrase.to_lowercase()), t);
        self
    }

    /// Removes a hedge phrase from every group.
    #[must_use]
    pub fn remove_hedge(mut self, phrase: &str) -> Self {
        self.source.remove_phrase("hedge_groups", phrase);
        self
    }

    /// Removes an attribution cue from every group.
    #[must_use]
    pub fn remove_cue(mut self, phrase: &str) -> Self {
        self.source.remove_phrase("cue_groups", phrase);
        self
    }

    /// The configuration this builder would produce.
    ///
    /// # Errors
    /// The first extension error, or a validation error naming the bad entry.
    pub fn build_config(&self) -> Result<Config> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        self.source.build()
    }

    /// Validates the configuration and compiles the analyser.
    ///
    /// # Errors
    /// The first extension error, or a validation error naming the bad entry.
    pub fn build(self) -> Result<Analyzer> {
        Ok(Analyzer::from_config(self.build_config()?))
    }
}
