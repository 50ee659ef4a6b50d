//! Attribution: who said what, through whom.
//!
//! For every attribution cue (reporting verb or "according to") the extractor finds the source
//! phrase and the content span, classifies the source, resolves pronouns, short names and
//! "the newspaper"/"the report" to earlier sources, and builds the chain of sources, outer first:
//! "Three sources close to the Russian government told Bloomberg News ..." gives
//! `[Bloomberg News, Three sources close to the Russian government]`, and a cue inside the content
//! of another attribution inherits that attribution's chain as its outer links.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::claim::NUMBER_WORDS;
use crate::config::{Config, CueKind, SourceLexicon};
use crate::matcher::{PhraseList, PhraseMatcher};
use crate::segment::{Paragraph, ParagraphKind, Quote, Sentence};
use crate::span::{Span, SpanIndex, trim_span};

/// What kind of source a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SourceKind {
    /// A person named in the text ("Eric Farnsworth", "Rubio").
    NamedPerson,
    /// An organisation or government body ("the Lima Group", "Venezuelan authorities").
    Organisation,
    /// A news outlet ("Bloomberg News", "the Spanish newspaper ABC de España").
    NewsOutlet,
    /// A document or report ("the report", "the Economist's Index of Democracy").
    Document,
    /// An unnamed source ("people familiar with the matter", "Kremlin sources").
    Anonymous,
    /// A vague or weasel source ("some experts", "critics", "observers").
    Vague,
    /// The article's own voice (claims with no attribution).
    Author,
    /// A pronoun or reference that could not be tied to an earlier source.
    Unresolved,
}

impl SourceKind {
    /// All kinds, in declaration order.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::NamedPerson,
        SourceKind::Organisation,
        SourceKind::NewsOutlet,
        SourceKind::Document,
        SourceKind::Anonymous,
        SourceKind::Vague,
        SourceKind::Author,
        SourceKind::Unresolved,
    ];

    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "named_person",
            SourceKind::Organisation => "organisation",
            SourceKind::NewsOutlet => "news_outlet",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Vague => "vague",
            SourceKind::Author => "author",
            SourceKind::Unresolved => "unresolved",
        }
    }

    /// True for sources a reader cannot identify (anonymous or vague).
    #[must_use]
    pub const fn is_unnamed(self) -> bool {
        matches!(self, SourceKind::Anonymous | SourceKind::Vague)
    }
}

impl std::fmt::Display for SourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One link of an attribution chain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Source {
    /// The phrase as written ("he", "AS/COA's Eric Farnsworth", "the newspaper").
    pub text: String,
    /// Its span in this article (`None` for inherited or synthetic links such as the author).
    pub span: Option<Span>,
    /// Its kind (after resolution).
    pub kind: SourceKind,
    /// Canonical name: titles and possessive prefixes stripped, pronouns and references resolved
    /// ("Eric Farnsworth", "ABC de España"). For unnamed sources, the phrase itself.
    pub name: String,
    /// True when `name` comes from an earlier mention (pronoun, surname, "the newspaper").
    pub resolved: bool,
}

/// How the content is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AttributionKind {
    /// The content is a quotation.
    Direct,
    /// The content paraphrases and quotes in part.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl AttributionKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Mixed => "mixed",
            AttributionKind::Indirect => "indirect",
        }
    }
}

/// An attribution: a cue, its chain of sources (outer first), and the content it attributes.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Attribution {
    /// The cue as written ("said", "told", "according to").
    pub cue: String,
    /// The cue's span.
    pub cue_span: Span,
    /// The chain of sources, outermost (the one the reader hears from) first.
    pub sources: Vec<Source>,
    /// The attributed content (may run across sentences for a long quotation).
    pub content: Span,
    /// Direct, mixed or indirect.
    pub kind: AttributionKind,
    /// True when any link of the chain is anonymous or vague.
    pub anonymous: bool,
}

impl Attribution {
    /// The innermost source: the one the content originates from.
    #[must_use]
    pub fn original_source(&self) -> Option<&Source> {
        self.sources.last()
    }
}

/// How far (bytes) on each side of a cue its sentence is read. Real sentences are much shorter;
/// the clip keeps a pathological "sentence" (a page with no full stop) linear in time.
const MAX_CONTEXT_BYTES: usize = 600;
/// Longest gap (bytes) between an attributed quotation and one that continues it.
const MAX_CONTINUATION_GAP: usize = 120;
/// Longest source phrase accepted, in words.
const MAX_SOURCE_WORDS: usize = 12;
/// Longest source phrase after "according to", in words: a document or poll is named with its
/// provenance ("early results of exit polls conducted for The Associated Press and television
/// networks by Edison Research").
const MAX_PREPOSITIONAL_SOURCE_WORDS: usize = 20;
/// Words before a cue searched for a negation ("did not say").
const CUE_NEGATION_WINDOW: usize = 2;
/// Words that end a source phrase scanning leftwards (they start a clause).
const CLAUSE_WORDS: [&str; 28] = [
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "while",
    "because",
    "since",
    "after",
    "before",
    "as",
    "if",
    "but",
    "or",
    "following",
    "amid",
    "though",
    "although",
    "whether",
    "than",
    "so",
    "how",
    "once",
    "until",
    "unless",
];
/// Verbs and auxiliaries that cannot sit inside a source phrase.
const FINITE_VERBS: [&str; 26] = [
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should",
    "shall", "may", "might", "must", "did", "does", "do", "comes", "came", "went", "made",
];
/// Adjectives before a capitalised group that make a subject ("veteran Republicans said").
const GROUP_MODIFIERS: [&str; 24] = [
    "veteran",
    "mainstream",
    "moderate",
    "conservative",
    "liberal",
    "young",
    "younger",
    "older",
    "establishment",
    "prominent",
    "leading",
    "fellow",
    "top",
    "senior",
    "local",
    "national",
    "progressive",
    "evangelical",
    "undecided",
    "former",
    "current",
    "other",
    "many",
    "some",
];
/// Plural nouns naming members of a party, faith or people: a source headed by one is a vague
/// group ("Republicans said"), not a named person.
const GROUP_NOUNS: [&str; 16] = [
    "republicans",
    "democrats",
    "conservatives",
    "liberals",
    "progressives",
    "evangelicals",
    "catholics",
    "muslims",
    "christians",
    "jews",
    "independents",
    "libertarians",
    "americans",
    "latinos",
    "hispanics",
    "moderates",
];
/// Asides between a subject and its cue that are not appositives ("X, however, said").
const INTERJECTIONS: [&str; 10] = [
    ", however,",
    ", meanwhile,",
    ", though,",
    ", too,",
    ", in turn,",
    ", for his part,",
    ", for her part,",
    ", for their part,",
    ", in a statement,",
    ", in an interview,",
];
/// Lower-case particles inside a person's name ("Charles de Gaulle", "Bashar al-Assad").
const NAME_PARTICLES: [&str; 9] = ["de", "da", "del", "van", "von", "al", "bin", "la", "le"];
/// Modals that are also names: capitalised inside a name they are the name ("Theresa May", "Will
/// Rogers", "Can Dündar"), not a verb ending the source phrase.
const MODAL_NAMES: [&str; 3] = ["will", "may", "can"];
/// Adverbs and auxiliaries stripped between a source and its cue ("has also said").
const PRE_CUE_FILLERS: [&str; 24] = [
    "has",
    "have",
    "had",
    "also",
    "previously",
    "later",
    "again",
    "repeatedly",
    "publicly",
    "once",
    "further",
    "then",
    "first",
    "recently",
    "already",
    "earlier",
    "initially",
    "just",
    "since",
    "did",
    "does",
    "do",
    "had",
    "last",
];
/// Discourse openers stripped at the start of a source phrase.
const OPENERS: [&str; 15] = [
    "but",
    "even",
    "and",
    "however",
    "now",
    "meanwhile",
    "also",
    "still",
    "yet",
    "so",
    "then",
    "instead",
    "indeed",
    "separately",
    "moreover",
];
/// Participles that end a subject phrase rather than make the cue a noun ("those polled said",
/// "most voters surveyed said", "officials involved said").
const SUBJECT_PARTICIPLES: [&str; 9] =
    ["polled", "surveyed", "interviewed", "questioned", "asked", "contacted", "involved", "concerned", "affected"];
/// The medium after "said by" ("said by telephone"): not a passive agent.
const MEDIA: [&str; 8] = ["telephone", "phone", "email", "e-mail", "text", "video", "videoconference", "letter"];
/// Words before a cue that show it is a noun ("the claims", "after reports").
const NOUN_MARKERS: [&str; 30] = [
    "the",
    "a",
    "an",
    "of",
    "after",
    "about",
    "with",
    "to",
    "amid",
    "these",
    "those",
    "such",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "new",
    "recent",
    "any",
    "no",
    "by",
    "for",
    "from",
    "on",
    "in",
    "despite",
    "unverified",
];
/// Words that may open a source phrase written in lower case.
const DETERMINERS: [&str; 27] = [
    "the", "a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "many", "most", "another",
    "his", "her", "their", "its", "this", "that", "these", "those", "both", "other", "senior", "top", "such",
];
/// Approximations before a number or fraction that open a quantity of people as a subject
/// ("nearly two-thirds of the voters said", "only 7 percent said").
const QUANTIFIERS: [&str; 6] = ["nearly", "almost", "about", "roughly", "only", "just"];

/// True when `kept` (a subject phrase) is a quantity of people: a fraction ("half of GOP primary
/// voters", "three-fourths"), or a number after an optional approximation ("nearly two-thirds
/// of ...", "only 7 percent", "at least 21,000", "nine in 10", "three-in-five GOP insiders").
/// A number word alone ("three said") counts things named before it, not speakers.
fn quantity_subject(kept: &[Word<'_>]) -> bool {
    let Some(first) = kept.first() else { return false };
    let fl = first.lower();
    let second = kept.get(1).map(|w| w.lower().into_owned()).unwrap_or_default();
    let skip = if QUANTIFIERS.contains(&fl.as_ref()) || ["some", "over", "around"].contains(&fl.as_ref()) {
        1
    } else if matches!(
        (fl.as_ref(), second.as_str()),
        ("at", "least" | "most") | ("more" | "fewer" | "less", "than") | ("up", "to")
    ) {
        2
    } else {
        0
    };
    let Some(w) = kept.get(skip) else { return false };
    let l = w.lower();
    let head = l.split('-').next().unwrap_or("");
    let number_word = NUMBER_WORDS.contains(&l.as_ref()) && kept.len() > skip + 1
        || NUMBER_WORDS.contains(&head) && (l.contains("-in-") || l.contains("-out-of-"))
        || NUMBER_WORDS.contains(&head)
            && ["fourths", "fifths", "tenths", "thirds", "quarters"].iter().any(|f| l.ends_with(f));
    FRACTIONS.contains(&l.as_ref()) || number_word || skip > 0 && l.starts_with(|c: char| c.is_ascii_digit())
}

/// Fractions that head a quantity of people ("half of the voters said").
const FRACTIONS: [&str; 10] = [
    "half",
    "majority",
    "majorities",
    "minority",
    "plurality",
    "two-thirds",
    "one-third",
    "three-quarters",
    "one-quarter",
    "third",
];
/// Days and periods of a time phrase before a cue ("on Tuesday", "last week").
const TIME_WORDS: [&str; 14] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "weekend",
];
/// Documents that an "In ..." phrase opening a sentence attributes it to ("In a CNN poll, ...").
const POLL_HEADS: [&str; 8] = ["poll", "polls", "survey", "surveys", "study", "studies", "census", "tally"];
/// Lower-case role words that may stand before a name as a subject ("basketball legend LeBron
/// James said"), besides the lexicon's titles, anonymous heads and journalist roles.
const ROLE_NOUNS: [&str; 39] = [
    "businessman",
    "businesswoman",
    "legend",
    "author",
    "star",
    "host",
    "founder",
    "co-founder",
    "strategist",
    "pollster",
    "consultant",
    "commentator",
    "constituent",
    "voter",
    "resident",
    "delegate",
    "donor",
    "billionaire",
    "mogul",
    "entrepreneur",
    "developer",
    "actor",
    "actress",
    "singer",
    "comedian",
    "coach",
    "presidential",
    "nominee",
    "hopeful",
    "challenger",
    "incumbent",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "front-runner",
    "retired",
    "party",
    "campaign",
];
/// Lower-case words inside a capitalised name or title ("Secretary of State Marco Rubio").
const TITLE_PARTICLES: [&str; 8] = ["of", "de", "del", "da", "van", "von", "la", "bin"];
/// Abbreviations before a name that do not end a source phrase ("said Mr. Stevens").
const TITLE_ABBREVIATIONS: [&str; 18] = [
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "prof", "rev", "st", "jr", "sr",
    "adm",
];
/// Personal pronouns that can be sources.
const PERSON_PRONOUNS: [&str; 4] = ["he", "she", "him", "her"];
/// Non-person pronouns that can be sources.
const GROUP_PRONOUNS: [&str; 4] = ["they", "them", "it", "we"];
/// Recipients of "told" that are not sources ("told reporters").
const PLAIN_RECIPIENTS: [&str; 12] =
    ["reporters", "journalists", "him", "her", "them", "us", "me", "lawmakers", "supporters", "the", "a", "an"];
/// Phrases in front of the real source ("statements from X").
const SOURCE_WRAPPERS: [&str; 14] = [
    "statements from ",
    "a statement from ",
    "a statement by ",
    "remarks by ",
    "remarks from ",
    "comments from ",
    "comments by ",
    "data from ",
    "figures from ",
    "a report by ",
    "a report from ",
    "reports from ",
    "a post by ",
    "posts by ",
];

#[derive(Debug, Clone, Copy)]
struct CueEntry {
    kind: CueKind,
    requires_quote: bool,
}

/// A source before classification: its span in the text.
#[derive(Debug, Clone, Copy)]
struct RawSource {
    span: Span,
    /// The span reported as the source's text: `span` widened over an appositive or relative
    /// clause ("David Axelrod, a former adviser"), as PolNeAR marks sources. Classification and
    /// the canonical name use `span` only.
    display: Option<Span>,
}

#[derive(Debug, Clone)]
struct RawAttribution {
    cue: Span,
    /// Outer first.
    sources: Vec<RawSource>,
    content: Span,
    /// The rest of the sentence after a mid-sentence speech tag ("A wall would stop crime, she
    /// said, but also drugs"): a second part of the content, given as another attribution with
    /// the same cue (PolNeAR's discontinuous content).
    tail: Option<Span>,
}

/// Headline labels before a colon that name a genre, not a source ("Exclusive: ...").
const HEADLINE_LABELS: [&str; 28] = [
    "the latest",
    "latest",
    "exclusive",
    "breaking",
    "watch",
    "video",
    "live",
    "update",
    "updated",
    "photos",
    "photo",
    "opinion",
    "analysis",
    "review",
    "editorial",
    "op-ed",
    "interview",
    "explainer",
    "factbox",
    "timeline",
    "q&a",
    "correction",
    "podcast",
    "listen",
    "editor's note",
    "editor\u{2019}s note",
    "note",
    "stat of the week",
];
/// Most words in a headline's source before its colon ("Clinton camp: ...").
const MAX_HEADLINE_SOURCE_WORDS: usize = 5;
/// Fewest words in a headline's content after the colon.
const MIN_HEADLINE_CONTENT_WORDS: usize = 3;

/// The news headline convention "SOURCE: CONTENT" ("Graham: Trump's Rhetoric Destroying GOP's
/// Chance", "Poll: Trump Ties Clinton"): the cue is the colon. The source is at most five words,
/// opens with a capital letter and is not a genre label ("Exclusive:", "Watch:").
fn headline_colon(text: &str, sent: Span) -> Option<RawAttribution> {
    let s = sent.slice(text);
    let i = s.find(": ")?;
    let prefix = s[..i].trim();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.is_empty()
        || words.len() > MAX_HEADLINE_SOURCE_WORDS
        || !prefix.starts_with(char::is_uppercase)
        || prefix.contains(['"', '\u{201c}', '\u{201d}', '?', '!'])
        || HEADLINE_LABELS.contains(&prefix.to_lowercase().as_str())
    {
        return None;
    }
    let rest = &s[i + 2..];
    if rest.split_whitespace().count() < MIN_HEADLINE_CONTENT_WORDS {
        return None;
    }
    let lead = s.len() - s.trim_start().len();
    let src = Span::new(sent.start + lead, sent.start + lead + prefix.len());
    let cue = Span::new(sent.start + i, sent.start + i + 1);
    let content = trim_span(text, Span::new(sent.start + i + 2, sent.end), &CONTENT_TRIM);
    Some(RawAttribution { cue, sources: vec![RawSource { span: src, display: None }], content, tail: None })
}

/// "In a CBS News poll released Monday, Clinton led Sanders 56 percent to 32 percent": a sentence
/// opening with "In" and a poll, survey, study or census, up to a comma, attributes the rest of
/// the sentence to it (the cue is "In", as PolNeAR marks it; "In an interview, X said" is not one).
fn in_a_poll(ctx: &Ctx<'_>, sent: Span) -> Option<RawAttribution> {
    let text = ctx.text;
    let words = words_in(text, sent);
    let first = words.first()?;
    if first.text != "In" {
        return None;
    }
    let comma = first_comma_outside_quotes(ctx, Span::new(first.span.end, sent.end))?;
    let src = trim_span(text, Span::new(first.span.end, comma), &[]);
    let phrase = words_in(text, src);
    // The document's head, the last poll word ("a CBS News poll released Monday").
    let head = phrase.iter().rposition(|w| POLL_HEADS.contains(&w.lower().as_ref()))?;
    // The phrase names the document: no verb of its own clause, nor a person ("In his report").
    let plain = phrase.len() <= 14
        && names_a_thing(&phrase)
        && !["his", "her", "their", "its", "my", "our", "your"].contains(&phrase.first()?.lower().as_ref());
    if !plain {
        return None;
    }
    let content = strip_final_period(text, trim_span(text, Span::new(comma + 1, sent.end), &CONTENT_TRIM));
    if words_in(text, content).len() < 3 {
        return None;
    }
    // The source is named up to its head ("a CBS News poll"); the phrase keeps what follows
    // ("released Monday").
    let named = Span::new(src.start, phrase[head].span.end);
    let display = (named != src).then_some(src);
    Some(RawAttribution { cue: first.span, sources: vec![RawSource { span: named, display }], content, tail: None })
}

/// True when `phrase` can name a document: no verb or clause word of its own, nor a person
/// pronoun ("In his report, ...", "polls that show").
fn names_a_thing(phrase: &[Word<'_>]) -> bool {
    !phrase.iter().any(|w| {
        let l = w.lower();
        FINITE_VERBS.contains(&l.as_ref())
            || CLAUSE_WORDS.contains(&l.as_ref())
            || PERSON_PRONOUNS.contains(&l.as_ref())
    })
}

/// "Trump achieved 45 percent support in a new Fox News poll released Thursday.": a clause
/// ended by "in" and a poll, survey or study (at most twelve words, up to a comma, semicolon or
/// the sentence's end) is attributed to it, from the clause's start (after a comma or semicolon)
/// to "in". The poll phrase may go on with a participle or place ("released Sunday", "in
/// Florida"); a verb after it ("respondents in the survey said") makes it a subject's modifier.
fn in_a_poll_after(text: &str, sent: Span) -> Vec<RawAttribution> {
    let words = words_in(text, sent);
    let mut out = Vec::new();
    for i in 1..words.len() {
        if words[i].text != "in" {
            continue;
        }
        let rest = &words[i + 1..];
        let stop =
            rest.iter().position(|w| w.text.ends_with([',', ';', '.', ':', '?', '!'])).map_or(rest.len(), |k| k + 1);
        let phrase = &rest[..stop];
        if phrase.is_empty() || phrase.len() > 12 {
            continue;
        }
        let Some(head) = phrase.iter().rposition(|w| POLL_HEADS.contains(&w.lower().as_ref())) else { continue };
        let tail_ok = phrase[head + 1..].first().is_none_or(|w| {
            ["released", "conducted", "taken", "published", "in", "from", "by", "this", "last"]
                .contains(&w.lower().as_ref())
        });
        let opens = {
            let w = &phrase[0];
            let l = w.lower();
            w.capitalised()
                || [
                    "a", "an", "the", "latest", "recent", "new", "one", "another", "most", "every", "all", "several",
                    "two", "three",
                ]
                .contains(&l.as_ref())
                || head == 0
        };
        if !tail_ok
            || !opens
            || !names_a_thing(phrase)
            || !phrase[..head].iter().all(|w| !w.text.ends_with([',', ';', ':']))
        {
            continue;
        }
        // The clause before "in": back to a comma, semicolon or colon, without openers.
        let mut start = i;
        while start > 0 && !words[start - 1].text.ends_with([',', ';', ':']) {
            start -= 1;
        }
        while start < i && OPENERS.contains(&words[start].lower().as_ref()) {
            start += 1;
        }
        if i - start < 3 {
            continue;
        }
        let content = trim_span(text, Span::new(words[start].span.start, words[i - 1].span.end), &CONTENT_TRIM);
        // A figure the poll measured ("45 percent", "a 24-point lead"), from a named poll: "his
        // rise in the polls" and "head to the polls" report no finding.
        let figure = content.slice(text).contains(|c: char| c.is_ascii_digit())
            || words[start..i].iter().any(|w| ["percent", "percentage"].contains(&w.lower().as_ref()));
        let bare = phrase.len() <= 2 && ["the", "most", "polls", "surveys"].contains(&phrase[0].lower().as_ref());
        if !figure || bare {
            continue;
        }
        let src_end = words[i + 1 + head].span.start
            + words[i + 1 + head].text.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        let named = Span::new(phrase[0].span.start, src_end);
        let full = strip_final_period(
            text,
            trim_span(text, Span::new(phrase[0].span.start, phrase[phrase.len() - 1].span.end), &CONTENT_TRIM),
        );
        let display = (full != named).then_some(full);
        out.push(RawAttribution {
            cue: words[i].span,
            sources: vec![RawSource { span: named, display }],
            content,
            tail: None,
        });
    }
    out
}

/// A speaker's turn in a transcript or a quoted excerpt opening a paragraph ("TAPPER: Do you
/// think ...", "Philip Bump: “Two weeks ago, ...”"): the colon is the cue, the name before it the
/// source, and the turn runs to the paragraph's end. The name is one to four capitalised words
/// (a single word only in capitals, as transcripts print speakers), so "His message: ..." is not a
/// turn.
fn speaker_turn(text: &str, sent: Span, paragraph: Span) -> Option<RawAttribution> {
    let raw = headline_colon(text, sent)?;
    let src = raw.sources.first()?.span;
    let words = words_in(text, src);
    let name = words.len() <= 4
        && words.iter().all(|w| w.capitalised() || ["of", "de", "and"].contains(&w.text))
        && (words.len() > 1 || words[0].bare().len() >= 2 && words[0].bare().chars().all(|c| c.is_uppercase()));
    if !name || HEADLINE_LABELS.contains(&src.slice(text).to_lowercase().as_str()) {
        return None;
    }
    let content = trim_span(text, Span::new(raw.content.start, paragraph.end), &CONTENT_TRIM);
    Some(RawAttribution { content: tidy_content(text, content), ..raw })
}

/// Finds attributions with the configured cue lexicon and source word lists.
#[derive(Debug, Clone)]
pub(crate) struct AttributionExtractor {
    cues: PhraseMatcher,
    entries: Vec<CueEntry>,
    lex: Lexicon,
}

#[derive(Debug, Clone)]
struct Lexicon {
    anonymous_heads: HashSet<String>,
    anonymous_phrases: PhraseList,
    vague_heads: HashSet<String>,
    vague_quantifiers: HashSet<String>,
    document_heads: HashSet<String>,
    /// Longest first, as written.
    outlet_names: Vec<String>,
    /// The same, lower-cased, in the same order.
    outlet_names_lower: PhraseList,
    /// The lower-cased names without a leading "the ".
    outlet_names_bare: HashSet<String>,
    outlet_markers: PhraseList,
    outlet_marker_set: HashSet<String>,
    outlet_name_endings: HashSet<String>,
    organisation_markers: PhraseList,
    organisation_marker_set: HashSet<String>,
    titles: HashSet<String>,
    journalist_roles: HashSet<String>,
    outlet_references: Vec<String>,
    document_references: Vec<String>,
    countries: HashSet<String>,
}

fn set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}
fn list(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

impl Lexicon {
    fn new(s: &SourceLexicon) -> Self {
        let mut outlet_names = s.outlet_names.clone();
        outlet_names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let outlet_names_lower = list(&outlet_names);
        let outlet_names_bare = outlet_names_lower.iter().map(|n| n.trim_start_matches("the ").to_owned()).collect();
        Self {
            anonymous_heads: set(&s.anonymous_heads),
            anonymous_phrases: PhraseList::new(list(&s.anonymous_phrases)),
            vague_heads: set(&s.vague_heads),
            vague_quantifiers: set(&s.vague_quantifiers),
            document_heads: set(&s.document_heads),
            outlet_names,
            outlet_names_lower: PhraseList::new(outlet_names_lower),
            outlet_names_bare,
            outlet_markers: PhraseList::new(list(&s.outlet_markers)),
            outlet_marker_set: set(&s.outlet_markers),
            outlet_name_endings: s.outlet_name_endings.iter().cloned().collect(),
            organisation_markers: PhraseList::new(list(&s.organisation_markers)),
            organisation_marker_set: set(&s.organisation_markers),
            titles: set(&s.titles),
            journalist_roles: set(&s.journalist_roles),
            outlet_references: list(&s.outlet_references),
            document_references: list(&s.document_references),
            countries: set(&s.countries),
        }
    }
}

/// A word of a phrase with its byte span in the article.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    span: Span,
}

impl Word<'_> {
    fn bare(&self) -> &str {
        self.text.trim_matches(|c: char| !c.is_alphanumeric())
    }
    /// The bare word lower-cased; borrowed when it is already lower-case ASCII (most words), so
    /// the many word-list checks per cue do not allocate.
    fn lower(&self) -> Cow<'_, str> {
        let b = self.bare();
        if b.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
            Cow::Borrowed(b)
        } else {
            Cow::Owned(b.to_lowercase())
        }
    }
    fn capitalised(&self) -> bool {
        self.bare().chars().next().is_some_and(char::is_uppercase)
    }
}

fn words_in(text: &str, span: Span) -> Vec<Word<'_>> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push(Word { text: &s[st..i], span: Span::new(span.start + st, span.start + i) });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(Word { text: &s[st..], span: Span::new(span.start + st, span.end) });
    }
    out
}

/// The first word of `words_in(text, span)`, without collecting the rest.
fn first_word(text: &str, span: Span) -> Option<Word<'_>> {
    let s = span.slice(text);
    let start = s.find(|c: char| !c.is_whitespace())?;
    let len = s[start..].find(char::is_whitespace).unwrap_or(s.len() - start);
    Some(Word { text: &s[start..start + len], span: Span::new(span.start + start, span.start + start + len) })
}

/// Capitalised words that open a sentence or a phrase before a surname, never a first name.
const NOT_FIRST_NAMES: [&str; 24] = [
    "In", "On", "At", "For", "But", "And", "As", "With", "By", "From", "To", "Of", "After", "Before", "While", "When",
    "Since", "If", "Then", "So", "That", "This", "Both", "Neither",
];

/// Cue verbs that also name actions on a plain object (see `attribute`).
const ACTION_CUES: [&str; 5] = ["seeks", "seeking", "sought", "ordered", "requested"];

/// Opening quotation marks trimmed from the edges of a source phrase.
const SOURCE_OPENERS: [char; 5] = ['"', '\u{201c}', '\u{2018}', '\u{ab}', '`'];
const QUOTE_CLOSERS: [char; 4] = ['"', '\u{201d}', '\u{2019}', '\u{bb}'];
/// Closing marks at the end of a word, with an opening curly mark typed for a closing one
/// ("“Apparently not,“ he said"): a word never ends with a real opening mark.
const WORD_END_CLOSERS: [char; 5] = ['"', '\u{201d}', '\u{2019}', '\u{bb}', '\u{201c}'];
const CONTENT_TRIM: [char; 14] = [
    ',', ';', ':', '"', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', '\u{2014}', '-', '\'', '`',
];

/// Quotations marked with doubled apostrophes or backticks (`''...''`, ``` ``...'' ```), which the
/// segmenter does not pair: paired in order inside each paragraph (an unclosed one ends with its
/// paragraph), skipping any that overlap a quotation already known.
fn doubled_quotes(text: &str, paragraphs: &[Paragraph], known: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in paragraphs {
        let s = p.span.slice(text);
        if !s.contains("''") {
            continue;
        }
        let marks: Vec<usize> =
            s.match_indices("''").map(|(i, _)| i).chain(s.match_indices("``").map(|(i, _)| i)).collect();
        let mut marks = marks;
        marks.sort_unstable();
        let mut k = 0;
        while k < marks.len() {
            let open = p.span.start + marks[k];
            let (close, closed) = match marks.get(k + 1) {
                Some(&c) => (p.span.start + c, true),
                None => (p.span.end, false),
            };
            let span = Span::new(open, if closed { close + 2 } else { close });
            let content = Span::new(open + 2, close);
            if !known.iter().any(|q| q.span.overlap(span) > 0) {
                out.push(Quote { span, content, style: crate::segment::QuoteStyle::Straight, closed, nested: false });
            }
            k += 2;
        }
    }
    out
}

/// Context shared by the per-cue steps.
struct Ctx<'a> {
    text: &'a str,

    /// Top-level (not nested) quotes, and an index over their spans.
    top_quotes: Vec<Quote>,
    top_index: SpanIndex,
    /// Spans of every cue match, to keep a source phrase from swallowing another cue.
    cue_spans: Vec<Span>,
}

impl Ctx<'_> {
    /// Top-level quotes sharing a byte with `span`.
    fn quotes_over(&self, span: Span) -> impl Iterator<Item = &Quote> + '_ {
        self.top_index.overlapping(span).map(|i| &self.top_quotes[i])
    }
}

impl AttributionExtractor {
    pub(crate) fn new(config: &Config) -> Self {
        let mut entries = Vec::new();
        let mut phrases = Vec::new();
        for g in config.cue_groups.values() {
            for p in &g.phrases {
                phrases.push((p.as_str(), entries.len()));
                entries.push(CueEntry { kind: g.kind, requires_quote: g.requires_quote });
            }
        }
        Self { cues: PhraseMatcher::new(phrases), entries, lex: Lexicon::new(&config.sources) }
    }

    pub(crate) fn extract(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        sentences: &[Sentence],
        quotes: &[Quote],
    ) -> Vec<Attribution> {
        let matches = self.cues.find(text);
        let mut top_quotes: Vec<Quote> = quotes.iter().filter(|q| !q.nested).copied().collect();
        top_quotes.extend(doubled_quotes(text, paragraphs, &top_quotes));
        top_quotes.sort_by_key(|q| q.span.start);
        let top_index = SpanIndex::new(top_quotes.iter().map(|q| q.span));
        let ctx = Ctx { text, top_quotes, top_index, cue_spans: matches.iter().map(|m| m.span).collect() };
        let starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
        let mut raws: Vec<RawAttribution> = Vec::new();
        for m in matches {
            let idx = match starts.binary_search(&m.span.start) {
                Ok(i) => i,
                Err(0) => continue,
                Err(i) => i - 1,
            };
            let sent = sentences[idx];
            if !sent.span.contains(m.span) {
                continue;
            }
            if !matches!(paragraphs[sent.paragraph].kind, ParagraphKind::Body | ParagraphKind::Headline) {
                continue;
            }
            let entry = self.entries[m.payload];
            let context = clip_context(text, sent.span, m.span);
            if let Some(raw) = self.attribute(&ctx, context, m.span, entry) {
                raws.push(raw);
            }
        }
        // The headline: a headline paragraph, or the first sentence of a text whose headline ends
        // with a period (and so reads as body).
        for (i, sent) in sentences.iter().enumerate() {
            let kind = paragraphs[sent.paragraph].kind;
            if kind == ParagraphKind::Headline || i == 0 && sent.paragraph == 0 && kind == ParagraphKind::Body {
                let found = headline_colon(text, sent.span).filter(|r| self.headline_source_ok(text, r, &raws));
                raws.extend(found);
            } else if kind == ParagraphKind::Body && sent.span.start == paragraphs[sent.paragraph].span.start {
                raws.extend(speaker_turn(text, sent.span, paragraphs[sent.paragraph].span));
            }
            if kind == ParagraphKind::Body {
                raws.extend(in_a_poll(&ctx, sent.span));
                raws.extend(in_a_poll_after(text, sent.span));
            }
        }
        self.finish(&ctx, raws)
    }

    fn attribute(&self, ctx: &Ctx<'_>, sent: Span, cue: Span, entry: CueEntry) -> Option<RawAttribution> {
        let text = ctx.text;
        let before_words = words_in(text, Span::new(sent.start, cue.start));
        if cue_negated(&before_words) {
            return None;
        }
        let cue_text = cue.slice(text);
        if text[..cue.start].ends_with('-') {
            return None; // "a self-described socialist"
        }
        if text[cue.end..].strip_prefix('-').is_some_and(|rest| rest.starts_with(char::is_alphabetic)) {
            return None; // "a sought-after interviewer"
        }
        let capitalised = cue_text.starts_with(char::is_uppercase);
        if capitalised
            && !before_words.is_empty()
            && !before_words.last().is_some_and(|w| w.text.ends_with(['"', '\u{201c}', '\u{2018}']))
            && !title_case(&before_words)
        {
            return None; // "the United States", "Reports of ..."
        }
        // Passive ("an allegation denied by both ...") is not handled yet; "showed up" is not a
        // finding.
        let next = first_word(text, Span::new(cue.end, sent.end));
        let passive = match next.as_ref().map(Word::lower).as_deref() {
            Some("up") => true,
            // "said by telephone" names the medium, not an agent.
            Some("by") => !next
                .and_then(|w| first_word(text, Span::new(w.span.end, sent.end)))
                .is_some_and(|w| MEDIA.contains(&w.lower().as_ref())),
            _ => false,
        };
        if entry.kind != CueKind::Preposition && passive {
            return None;
        }
        // Intentions and directives with a plain object ("Maduro may be seeking leverage",
        // "ordered a diplomatic raid to ...") are actions, not reported speech: they attribute
        // before "to", "that" or a quotation ("seeks to ...", "ordered that ..."), or an
        // addressee and "to" ("ordered state agencies to halt ...").
        if ACTION_CUES.contains(&cue_text.to_lowercase().as_str()) {
            let after = words_in(text, Span::new(cue.end, sent.end));
            let directive = match after.first() {
                None => false,
                Some(w) if w.text.starts_with(SOURCE_OPENERS) => true,
                Some(w) => {
                    let l = w.lower();
                    l == "to"
                        || l == "that"
                        || (l != "a" && l != "an" && after.iter().take(5).skip(1).any(|w| w.lower() == "to"))
                }
            };
            if !directive {
                return None;
            }
        }
        // "the AP report is misleading", "the GOP tax plans would cost": a cue word that is
        // also a noun ("report", "plans", "estimates"), followed by a finite verb, heads its
        // clause's subject. Past forms and cues after a pronoun stay verbs ("policies that she
        // said were punitive" is marked by PolNeAR).
        let noun_form = !cue_text.contains(' ')
            && !cue_text.ends_with("ed")
            && !["said", "told", "wrote", "found", "thought", "knew", "sought"]
                .contains(&cue_text.to_lowercase().as_str());
        let after_pronoun = before_words.last().is_some_and(|w| {
            ["he", "she", "they", "we", "i", "you", "it", "who"].contains(&w.text.to_lowercase().as_str())
        });
        // "..., which Democrats say could be aiding Mr. Sanders": the cue of an object relative
        // clause is a verb before the clause's own verb.
        let object_relative = before_words
            .iter()
            .rev()
            .take(10)
            .take_while(|w| !w.text.ends_with([',', ';', ':']))
            .any(|w| ["which", "who", "whom"].contains(&w.lower().as_ref()));
        if entry.kind != CueKind::Preposition
            && noun_form
            && !after_pronoun
            && !object_relative
            && first_word(text, Span::new(cue.end, sent.end)).is_some_and(|w| {
                let l = w.text.to_lowercase();
                FINITE_VERBS.contains(&l.as_str()) && !["be", "being"].contains(&l.as_str())
            })
        {
            return None;
        }
        let mut raw = match entry.kind {
            CueKind::Preposition => self.prepositional(ctx, sent, cue)?,
            CueKind::Verb | CueKind::VerbRecipient => {
                // "Bolton distanced himself by saying ...", "after saying ...": a gerund after a
                // preposition of means or time is the clause subject's speech, not a noun.
                let gerund = participle_cue(&cue_text.to_lowercase())
                    && before_words
                        .last()
                        .is_some_and(|w| ["by", "after", "before", "while"].contains(&w.lower().as_ref()));
                if !gerund
                    && before_words.last().is_some_and(|w| {
                        let l = w.lower();
                        let l: &str = &l;
                        let plain =
                            !w.text.ends_with(',') && !w.text.ends_with(WORD_END_CLOSERS) && !w.text.ends_with("''");
                        plain
                            && (NOUN_MARKERS.contains(&l)
                                || !w.capitalised()
                                    && l.len() > 3
                                    && l.ends_with("ed")
                                    && !SUBJECT_PARTICIPLES.contains(&l))
                    })
                {
                    return None;
                }
                // "Trump was asked ...", "it was announced ...": a passive cue's subject is its
                // addressee or its content, not its source, so it is not extracted (PolNeAR
                // marks some of these cues, with the asker or no source).
                let aux = before_words.iter().rev().find(|w| !cue_adverb(w));
                if aux.is_some_and(|a| {
                    BE_FORMS.contains(&a.lower().as_ref()) && !participle_cue(&cue_text.to_lowercase())
                }) {
                    return None;
                }
                self.verbal(ctx, sent, cue, entry.kind == CueKind::VerbRecipient)?
            }
        };
        for src in &mut raw.sources {
            // Only a cue followed by more words inside the phrase counts ("claims the government"),
            // not a noun at its end ("the report").
            let first = ctx.cue_spans.partition_point(|c| c.start < src.span.start);
            let inside = ctx.cue_spans[first..].iter().take_while(|c| c.start < src.span.end);
            if let Some(other) =
                inside.filter(|c| **c != cue && src.span.contains(**c) && c.end < src.span.end).max_by_key(|c| c.end)
            {
                src.span = trim_span(text, Span::new(other.end, src.span.end), &CONTENT_TRIM);
            }
        }
        // "voters said they want ...", "she said she hopes ...": a pronoun subject right after
        // another cue (and "that") restates that cue's source inside its content.
        if let Some(src) = raw.sources.last() {
            let phrase = src.span.slice(text).to_lowercase();
            if PERSON_PRONOUNS.contains(&phrase.as_str()) || GROUP_PRONOUNS.contains(&phrase.as_str()) {
                let k = ctx.cue_spans.partition_point(|c| c.end <= src.span.start);
                let gap = k.checked_sub(1).map(|k| text[ctx.cue_spans[k].end..src.span.start].trim().to_lowercase());
                if gap.is_some_and(|g| g.is_empty() || g == "that") {
                    return None;
                }
            }
        }
        // A source phrase opening a quotation ("“They said ...") does not take the quote mark.
        for src in &mut raw.sources {
            src.span = trim_span(text, src.span, &SOURCE_OPENERS);
            src.display = src.display.map(|d| trim_span(text, d, &SOURCE_OPENERS));
        }
        raw.sources.retain(|s| !s.span.is_empty());
        // "“They told me it was negotiable,” Hannity said": speech reported inside a quotation,
        // with its source inside it too, is the quoted speaker's account. The quotation's own
        // attribution covers it, and a pronoun there ("they", "I") refers inside the speaker's
        // frame, not to the article's sources; PolNeAR leaves it unmarked (on train 82 of 484
        // such cues are marked). "According to sources ..." inside a quoted report is kept: it
        // says where the quoted outlet's information comes from.
        if let (Some(src), false) = (raw.sources.last(), entry.kind == CueKind::Preposition) {
            if ctx.quotes_over(cue).any(|q| q.closed && q.content.contains(cue) && q.content.contains(src.span)) {
                return None;
            }
        }
        raw.content = extend_over_quotes(ctx, raw.content, cue);
        raw.content = tidy_content(text, raw.content);
        if raw.content.is_empty() || raw.sources.is_empty() {
            return None;
        }
        if entry.requires_quote {
            match ctx.quotes_over(raw.content).find(|q| raw.content.overlap(q.content) > 0) {
                Some(q) => raw.content = tidy_content(text, q.content),
                // "calling Trump a fascist", "called him divisive and accused him ...": without a
                // quotation, an object and what it is called (up to a comma or "and").
                None => raw.content = characterisation(text, raw.content)?,
            }
        }
        if entry.kind != CueKind::Preposition {
            raw.cue = widen_cue(text, sent, raw.cue, raw.content, &raw.sources);
            // "warned of a recession", "joked about the crowd", "agreed with the senator": the
            // preposition introducing the topic belongs to the cue, its object is the content
            // (train: 59 of 65 such cues hold it). Not after "say" ("said of the plan: ..."),
            // where annotators are split.
            let say = ["said", "says", "say"].contains(&cue_text.to_lowercase().as_str());
            if let Some(w) = first_word(text, Span::new(raw.cue.end, sent.end)) {
                if !say && CUE_PREPOSITIONS.contains(&w.text) && raw.content.start == w.span.start {
                    raw.cue.end = w.span.end;
                    raw.content = tidy_content(text, Span::new(w.span.end, raw.content.end));
                    if raw.content.is_empty() {
                        return None;
                    }
                }
            }
        }
        Some(raw)
    }

    /// "According to X, ..." and "..., according to X".
    fn prepositional(&self, ctx: &Ctx<'_>, sent: Span, cue: Span) -> Option<RawAttribution> {
        let text = ctx.text;
        let after = Span::new(cue.end, sent.end);
        let src_end = phrase_boundary(text, after);
        let mut src = trim_span(text, Span::new(cue.end, src_end), &CONTENT_TRIM);
        src = strip_final_period(text, src);
        src = self.unwrap_source(text, src);
        if src.is_empty() || words_in(text, src).len() > MAX_PREPOSITIONAL_SOURCE_WORDS {
            return None;
        }
        let before = Span::new(sent.start, cue.start);
        let content = if only_openers(text, before) { Span::new(src_end, sent.end) } else { before };
        Some(RawAttribution { cue, sources: vec![RawSource { span: src, display: None }], content, tail: None })
    }

    /// "X said ...", "..., X said", "..., said X", "X, a diplomat, said ...", "X told Y ...".
    fn verbal(&self, ctx: &Ctx<'_>, sent: Span, cue: Span, recipient: bool) -> Option<RawAttribution> {
        let text = ctx.text;
        let cue_text = cue.slice(text).to_lowercase();
        let left = Span::new(sent.start, cue.start);
        let left_trimmed = trim_span(text, left, &[]);
        // "Humphrey, who calls Trump a “sociopath,” said": a comma inside a short scare quote
        // closes the appositive as a plain comma would.
        let left_trimmed = match scare_quote_comma(text, left_trimmed) {
            Some(l)
                if self.appositive_subject(text, sent, l).is_some()
                    || self.appositive_chain(text, sent, l).is_some() =>
            {
                l
            }
            _ => left_trimmed,
        };
        let left_str = left_trimmed.slice(text);
        let last = left_str.chars().next_back();

        // 1. Inversion: `..., said X.` / `"...," said X.` (unless "X, an appositive, said"). A
        // participle is never inverted: in "..., accusing the compound of ..." and "Adding a
        // layer of intrigue, ..." the words after it are its object, not its speaker.
        let appositive = last == Some(',')
            && (self.appositive_subject(text, sent, left_trimmed).is_some()
                || self.appositive_chain(text, sent, left_trimmed).is_some());
        if !appositive
            && !participle_cue(&cue_text)
            && cue_text.rsplit(' ').next().is_some_and(|v| INVERSION_VERBS.contains(&v))
            && (left_str.is_empty()
                || left_str.ends_with("''")
                || last.is_some_and(|c| c == ',' || WORD_END_CLOSERS.contains(&c)))
        {
            let after = Span::new(cue.end, sent.end);
            let end = phrase_boundary(text, after);
            let np = strip_final_period(text, trim_span(text, Span::new(cue.end, end), &CONTENT_TRIM));
            if let Some(mut chain) = self.right_source(text, np) {
                let rest = trim_span(text, Span::new(end, sent.end), &CONTENT_TRIM);
                let content = if left_str.is_empty() { rest } else { left_trimmed };
                // "..., said David Axelrod, a former adviser." / ", who ...": the appositive
                // belongs to the source phrase.
                let tail = &text[end..sent.end];
                if !left_str.is_empty()
                    && tail.starts_with(", ")
                    && appositive_opener(tail[2..].split_whitespace().next().unwrap_or(""))
                {
                    let close = tail.find(['"', '\u{201c}', '\u{201d}', '(']).unwrap_or(tail.len());
                    let full =
                        strip_final_period(text, trim_span(text, Span::new(np.start, end + close), &CONTENT_TRIM));
                    if let Some(last) = chain.last_mut() {
                        last.display = Some(full);
                    }
                }
                return Some(RawAttribution { cue, sources: chain, content, tail: None });
            }
        }

        // 2. Subject on the left; for a coordinated cue ("X praised Y and said ...") or a
        // participle ("X spoke on Monday, saying ...") the subject of the sentence's clause.
        let before = words_in(text, left_trimmed);
        let coordinated =
            before.last().is_some_and(|w| ["and", "but"].contains(&w.lower().as_ref()) && !w.text.ends_with(','))
                || before.len() >= 2
                    && before[before.len() - 1].lower() == "also"
                    && ["and", "but"].contains(&before[before.len() - 2].lower().as_ref());
        // A progressive ("which is currently seeking to ...") is a finite verb, not a participle.
        let progressive = before
            .iter()
            .rev()
            .find(|w| !w.lower().ends_with("ly") || w.capitalised())
            .is_some_and(|w| BE_FORMS.contains(&w.lower().as_ref()));
        let participle = participle_cue(&cue_text) && !progressive;
        // "Weaver, who said ...": the relative pronoun is the source phrase (as PolNeAR marks it)
        // and its antecedent gives the name and kind.
        let relative = (!coordinated && !participle).then(|| relative_pronoun(text, left_trimmed)).flatten();
        let mut paren_display = None;
        let mut chain_display = None;
        let (subject, clause_before) = if let Some(rel) = relative {
            let before_rel = trim_span(text, Span::new(sent.start, rel.start), &[',', ' ']);
            // A long phrase ("Cosby faces attacks by dozens of women") is a clause, not the
            // antecedent: its head noun is.
            let np = self.left_subject(text, sent, before_rel).map(|x| x.0);
            let short = np.filter(|np| words_in(text, *np).len() <= 4);
            let head = short.or_else(|| antecedent_head(text, before_rel)).or(np)?;
            // "the government of Evo Morales, which ...": the noun before "of" and a name.
            let of = head
                .slice(text)
                .starts_with(char::is_uppercase)
                .then(|| of_head(text, Span::new(sent.start, head.start)));
            (of.flatten().map_or(head, |h| Span::new(h.start, head.end)), None)
        } else if let Some((src, display)) = participle.then(|| self.tag_source(ctx, sent, cue)).flatten() {
            // "“...,” Mr. Hedge said, referring to the resorts": the participle after a speech
            // tag has the tag's source (its name, and its phrase as written).
            chain_display = display;
            (src, None)
        } else if coordinated || participle {
            let (np, display) = self.clause_subject(text, sent, cue)?;
            chain_display = display;
            (np, None)
        } else if let Some((inner, display_end)) = parenthetical_tail(text, left_trimmed) {
            // "Rep. Gregory Meeks (D-N.Y.) said": the subject is before the parenthesis, which the
            // source phrase keeps.
            let (np, clause) = self.left_subject(text, sent, inner)?;
            paren_display = Some(Span::new(np.start, display_end));
            (np, clause)
        } else if let Some(found) = self.left_subject(text, sent, left_trimmed) {
            found
        } else {
            let (np, clause, phrase) = self.appositive_chain(text, sent, left_trimmed)?;
            chain_display = Some(phrase);
            (np, clause)
        };
        // "countries ranging from Argentina, to Colombia, United State believe ...": a plural cue
        // after a lone name that closes a comma list takes the whole list as its subject.
        let subject = if relative.is_none() && !coordinated && !participle && plural_present(&cue_text) {
            list_subject(text, sent, subject).unwrap_or(subject)
        } else {
            subject
        };
        let mut sources = self.split_outlet_journalist(text, subject);
        if let (Some(rel), Some(last)) = (relative.or(paren_display).or(chain_display), sources.last_mut()) {
            last.display = Some(rel);
        }
        // "X, a former diplomat, said": the appositive belongs to the source phrase.
        if chain_display.is_none()
            && !coordinated
            && !participle
            && left_str.ends_with(',')
            && subject.end + 1 < left_trimmed.end
            && text[subject.end..].starts_with(',')
            && !INTERJECTIONS.iter().any(|i| text[subject.end..left_trimmed.end].eq_ignore_ascii_case(i))
        {
            if let Some(last) = sources.last_mut() {
                last.display = Some(Span::new(subject.start, left_trimmed.end - 1));
            }
        }

        // Recipient of "told" and "said ... to OUTLET".
        let mut after_start = cue.end;
        if recipient {
            let (rec, end) = recipient_phrase(text, Span::new(cue.end, sent.end));
            if let Some(rec) = rec {
                if self.looks_like_outlet(rec.slice(text)) {
                    sources.insert(0, RawSource { span: rec, display: None });
                }
            }
            // The recipient is not content ("told reporters he was tired").
            after_start = end;
        }
        let rest = trim_span(text, Span::new(after_start, sent.end), &[]);
        let rest_str = rest.slice(text);
        // "..., he said recently.": a lone adverb after the cue is not content.
        let lone_adverb = || {
            let words = words_in(text, rest);
            words.len() == 1
                && words[0].text.ends_with(['.', '!', '?'])
                && cue_adverb(&words[0])
                && !words[0].capitalised()
        };
        // "“...,” Christie said when asked whether ...": the question put to the speaker is not
        // what the speaker said (it is an attribution of its own, with no source).
        let question_adjunct = || {
            let mut w = rest_str.split_whitespace().map(str::to_lowercase);
            let (a, b) = (w.next().unwrap_or_default(), w.next().unwrap_or_default());
            ASKED_OPENERS.contains(&a.as_str()) && ["asked", "pressed", "questioned"].contains(&b.as_str())
        };
        let ends_here = rest_str.is_empty()
            || rest_str.starts_with('.')
            || lone_adverb()
            || question_adjunct()
            || rest_str.starts_with(',') && (clause_before.is_some() || words_in(text, rest).len() < 2);
        let that_clause = starts_with_adverbial(rest_str).then(|| rest_str.find(" that ")).flatten();
        // The complementiser belongs to the content ("said that ..."), as in PolNeAR and PARC.
        // "X has discussed pardons, said three people ...": an inverted cue after a comma closes
        // the content (the ", according to Y" case below is the prepositional twin).
        // So does a trailing speech tag ("..., the poll found.").
        let content_end = |start: usize| {
            let s = &text[start..sent.end];
            s.match_indices(", ")
                .map(|(i, _)| start + i + 2)
                .find(|&j| {
                    let k = ctx.cue_spans.partition_point(|c| c.start < j);
                    ctx.cue_spans.get(k).is_some_and(|c| {
                        let between = &text[j..c.start.min(sent.end)];
                        let tail = text[c.end.min(sent.end)..sent.end].trim_start();
                        c.start == j
                            || c.end <= sent.end
                                && between.split_whitespace().count() <= 4
                                && !between.contains([',', ';', ':', '"', '\u{201c}', '\u{201d}'])
                                && (tail.is_empty() || tail.starts_with(['.', ',', '!', '?']))
                    })
                })
                .map_or(sent.end, |j| j - 2)
        };
        // "X praised the vote and said ...": a coordinated cue ends the content of the one before.
        let coordinated_end = |start: usize, end: usize| {
            let k = ctx.cue_spans.partition_point(|c| c.start <= start);
            ctx.cue_spans[k..]
                .iter()
                .take_while(|c| c.end <= end)
                .find_map(|c| {
                    let before = text[start..c.start].trim_end();
                    let before = before.strip_suffix(" also").unwrap_or(before);
                    [" and", " but"].iter().find_map(|j| before.strip_suffix(j)).map(|b| start + b.len())
                })
                .unwrap_or(end)
        };
        let content = if let Some(i) = that_clause {
            Span::new(rest.start + i + 1, content_end(rest.start + i + 1))
        } else if ends_here || (starts_with_adverbial(rest_str) && clause_before.is_some()) {
            // "“..., okay?” Trump said.": the segmenter ends a sentence at "?”" before a capital,
            // so the quotation is the sentence before, closing right where this one starts.
            clause_before.or_else(|| {
                (left_subject_opens(text, sent, subject)).then(|| preceding_quote(ctx, sent.start)).flatten()
            })?
        } else {
            let mut start = rest.start;
            let r = rest_str.trim_start_matches([',', ':', ' ']);
            start += rest_str.len() - r.len();
            // "X found that exports rose, according to Y": the trailing attribution is not content.
            let end = text[start..sent.end].find(", according to ").map_or(sent.end, |i| start + i);
            let end = end.min(content_end(start));
            Span::new(start, coordinated_end(start, end))
        };
        // "Barkley, who said he votes Democratic, said ...": a non-restrictive relative clause
        // ends at its closing comma.
        let content = match relative {
            Some(rel) if text[..rel.start].trim_end().ends_with(',') => {
                first_comma_outside_quotes(ctx, content).map_or(content, |i| Span::new(content.start, i))
            }
            _ => content,
        };
        // "A wall would stop crime, she said, but also drugs": the words after a mid-sentence tag
        // continue its content.
        // Not after a closed quotation ("“...,” he wrote, without disclosing ..." goes on in the
        // author's voice; a quotation after the tag is a continuation of its own), nor when the
        // words after the tag open an adjunct ("..., he said, adding ...", "..., he said, before
        // leaving").
        let quoted = left_str.trim_end_matches(',').ends_with(|c: char| WORD_END_CLOSERS.contains(&c) || c == '\'');
        let tail = (relative.is_none() && !quoted && clause_before == Some(content) && rest_str.starts_with(','))
            .then(|| tidy_content(text, Span::new(rest.start + 1, sent.end)))
            .filter(|t| {
                let words = words_in(text, *t);
                words.len() >= 2
                    && !words[0].lower().ends_with("ing")
                    && !TAIL_ADJUNCTS.contains(&words[0].lower().as_ref())
                    && ctx.cue_spans[ctx.cue_spans.partition_point(|c| c.end <= t.start)..]
                        .first()
                        .is_none_or(|c| c.start >= t.end)
            });
        Some(RawAttribution { cue, sources, content, tail })
    }

    /// The source written after an inverted cue, with "to OUTLET" as an outer link.
    fn right_source(&self, text: &str, full: Span) -> Option<Vec<RawSource>> {
        let mut words = words_in(text, full);
        // "said a Mexican official who was not authorized to speak": the relative clause belongs
        // to the source phrase as written; the head before it is classified.
        let relative = words.iter().skip(1).position(|w| ["who", "whose", "which"].contains(&w.text)).map(|p| p + 1);
        if let Some(p) = relative {
            words.truncate(p);
        }
        let np = Span::new(full.start, words.last()?.span.end);
        if words.is_empty() || words.len() > MAX_SOURCE_WORDS {
            return None;
        }
        let first = words[0];
        // "said election lawyer Joe Birkenstock": lower-case modifiers before a name.
        let named_later =
            words.len() <= 8 && words.last().is_some_and(Word::capitalised) && !first.lower().ends_with("ing");
        if !(first.capitalised()
            || named_later
            || DETERMINERS.contains(&first.lower().as_ref())
            || PERSON_PRONOUNS.contains(&first.lower().as_ref())
            || GROUP_PRONOUNS.contains(&first.lower().as_ref()))
        {
            return None;
        }
        // A participle or past tense is a verb unless a capitalised word follows it ("said
        // undecided Republican voter Stephanie Hooton").
        if words.iter().enumerate().any(|(i, w)| {
            finite_verb(&words, i, None)
                || w.lower().ends_with("ed")
                    && !w.capitalised()
                    && w.lower() != "unnamed"
                    && !words[i + 1..].iter().any(Word::capitalised)
        }) {
            return None;
        }
        if relative.is_some() {
            let mut chain = self.split_outlet_journalist(text, np);
            if let Some(last) = chain.last_mut() {
                last.display = Some(full);
            }
            return Some(chain);
        }
        // "X to The Wall Street Journal"
        if let Some(pos) = words.iter().position(|w| w.lower() == "to") {
            if pos > 0 && pos + 1 < words.len() {
                let outer = Span::new(words[pos + 1].span.start, np.end);
                if self.looks_like_outlet(outer.slice(text)) {
                    let inner = Span::new(np.start, words[pos - 1].span.end);
                    let mut chain = vec![RawSource { span: outer, display: None }];
                    chain.extend(self.split_outlet_journalist(text, inner));
                    return Some(chain);
                }
            }
        }
        Some(self.split_outlet_journalist(text, np))
    }

    /// The subject of the clause holding `cue`: the noun phrase opening the sentence (after
    /// openers and an introductory phrase ending with a comma), when a verb follows it.
    /// The source of the speech tag right before a participle cue (", X said, referring to",
    /// ", said X, referring to"): the tag's cue is followed by at most a short phrase and a comma.
    fn tag_source(&self, ctx: &Ctx<'_>, sent: Span, cue: Span) -> Option<(Span, Option<Span>)> {
        let text = ctx.text;
        let k = ctx.cue_spans.partition_point(|c| c.end <= cue.start).checked_sub(1)?;
        let prev = ctx.cue_spans[k];
        if prev.start < sent.start || participle_cue(&prev.slice(text).to_lowercase()) {
            return None;
        }
        let gap = text[prev.end..cue.start].trim();
        let inner = gap.strip_suffix(',')?;
        if inner.contains([',', ';', ':', '"', '\u{201c}', '\u{201d}']) || inner.split_whitespace().count() > 6 {
            return None;
        }
        let raw = self.verbal(ctx, sent, prev, false)?;
        let src = raw.sources.last()?;
        Some((src.span, src.display))
    }

    fn clause_subject(&self, text: &str, sent: Span, cue: Span) -> Option<(Span, Option<Span>)> {
        let words = words_in(text, Span::new(sent.start, cue.start));
        let mut i = 0;
        while i < words.len() && OPENERS.contains(&words[i].lower().as_ref()) {
            i += 1;
        }
        // Skip an introductory phrase ("On Monday, ...", "Speaking in Iowa, ...") when its comma
        // comes early; not a subject and its verb before the comma ("Maduro spoke on Monday,
        // saying ...").
        if let Some(k) = words[i..].iter().take(6).position(|w| w.text.ends_with(',')) {
            let intro = ["on", "in", "at", "after", "before", "during", "later", "earlier", "meanwhile", "still"];
            let first = words[i].lower();
            if !words[i].capitalised()
                || intro.contains(&first.as_ref())
                || first.ends_with("ing") && words[i..=i + k].iter().any(|w| intro.contains(&w.lower().as_ref()))
            {
                i += k + 1;
            }
        }
        let start = i;
        let mut end = i;
        // Lower-case words heading a possessive's noun phrase ("Clinton's right-hand woman").
        let mut after_possessive = 0;
        while end < words.len() {
            let w = &words[end];
            let l = w.lower();
            let l: &str = &l;
            let head_of_possessive = end > start
                && (possessive(words[end - 1].text) || after_possessive > 0)
                && after_possessive < 2
                && !w.capitalised()
                && !l.ends_with("ed")
                && l.len() > 2
                && l.chars().all(|c| c.is_alphabetic() || c == '-')
                && !FINITE_VERBS.contains(&l)
                && !CLAUSE_WORDS.contains(&l)
                && !DETERMINERS.contains(&l);
            after_possessive = if head_of_possessive { after_possessive + 1 } else { 0 };
            let nominal = head_of_possessive
                || w.capitalised()
                || DETERMINERS.contains(&l)
                || PERSON_PRONOUNS.contains(&l)
                || GROUP_PRONOUNS.contains(&l)
                || self.lex.titles.contains(l)
                || self.lex.anonymous_heads.contains(l)
                || self.lex.vague_heads.contains(l)
                || self.lex.organisation_marker_set.contains(l)
                || possessive(w.text);
            if !nominal || FINITE_VERBS.contains(&l) || CLAUSE_WORDS.contains(&l) {
                break;
            }
            end += 1;
            if w.text.ends_with([',', ';', ':']) {
                // "Gary Emineth, a former state party chairman, became a delegate and said":
                // an appositive between the subject and its first verb belongs to the phrase.
                let appositive = w.text.ends_with(',').then(|| clause_appositive(&words, end)).flatten().filter(|&k| {
                    words.get(k).is_some_and(|v| !v.capitalised() && !CLAUSE_WORDS.contains(&v.lower().as_ref()))
                });
                let k = appositive?;
                if end - start > MAX_SOURCE_WORDS {
                    return None;
                }
                let name = trim_span(text, Span::new(words[start].span.start, words[end - 1].span.end), &[',']);
                let phrase = trim_span(text, Span::new(words[start].span.start, words[k - 1].span.end), &[',']);
                return Some((name, Some(phrase)));
            }
        }
        if end == start || end == words.len() || end - start > MAX_SOURCE_WORDS {
            return None;
        }
        Some((Span::new(words[start].span.start, words[end - 1].span.end), None))
    }

    /// The subject phrase before a cue, and the clause before that subject (content candidate).
    fn left_subject(&self, text: &str, sent: Span, left: Span) -> Option<(Span, Option<Span>)> {
        let s = left.slice(text);
        if s.is_empty() {
            return None;
        }
        if s.ends_with(',') {
            // "X, however, said": drop the interjected adverb.
            let lower = s.to_lowercase();
            for adv in INTERJECTIONS {
                if lower.ends_with(adv) {
                    let inner = trim_span(text, Span::new(left.start, left.end - adv.len()), &[]);
                    return self.left_subject(text, sent, inner);
                }
            }
            return self.appositive_subject(text, sent, left);
        }
        // Segment after the last separator.
        let sep = last_separator(s);
        // A doubled apostrophe closes a quotation too (''...,'' he said).
        let sep = match (sep, s.rfind("''")) {
            (Some(a), Some(b)) => Some(a.max(b + 1)),
            (a, b) => a.or(b.map(|b| b + 1)),
        };
        let (seg_start, clause_end) = match sep {
            Some(i) => {
                let c = s[i..].chars().next().map_or(1, char::len_utf8);
                (left.start + i + c, left.start + i + c)
            }
            None => (left.start, left.start),
        };
        let np = self.noun_phrase_tail(text, Span::new(seg_start, left.end))?;
        let clause = Span::new(sent.start, clause_end.max(sent.start));
        let clause = (np.start == seg_start || words_in(text, Span::new(seg_start, np.start)).is_empty())
            .then_some(clause)
            .filter(|c| !only_openers(text, *c));
        Some((np, clause))
    }

    /// Appositive subject: "X, a former diplomat, said ..." / "Trump, who ..., announced ...".
    /// `left` ends with the comma before the cue. The subject must be a whole noun phrase that
    /// starts its clause.
    fn appositive_subject(&self, text: &str, sent: Span, left: Span) -> Option<(Span, Option<Span>)> {
        let s = left.slice(text);
        let body = s.strip_suffix(',')?;
        let parts: Vec<&str> = body.split(',').collect();
        if parts.len() < 2 {
            return None;
        }
        let appos_raw = parts[parts.len() - 1];
        let appos = appos_raw.trim_start();
        let age = |p: &str| {
            let p = p.trim();
            (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        // "Marley Anderson, 21, a junior from Las Vegas, said": an age between the name and its
        // appositive belongs to the source phrase; the name is before it.
        let mut k = parts.len() - 2;
        if age(parts[k]) && k > 0 {
            k -= 1;
        }
        let subj_part = parts[k];
        let subj_offset = left.start + parts[..k].iter().map(|p| p.len() + 1).sum::<usize>();
        // A lower-case role ("a former diplomat"), a relative clause, a possessive role
        // ("Sanders' campaign manager") or a party-and-state tag ("R-Ky.", "D-N.Y.").
        let appos_ok = appos.split_whitespace().next().is_some_and(|w| {
            let possessive = any_possessive(w);
            let party_tag = w.len() >= 3 && w.starts_with(['R', 'D', 'I']) && w[1..].starts_with('-');
            w.starts_with(char::is_lowercase)
                || ["who", "which", "a", "an", "the"].contains(&w.to_lowercase().as_str())
                || possessive && appos.split_whitespace().nth(1).is_some_and(|n| n.starts_with(char::is_lowercase))
                || party_tag
                || age(w) // "Ki Hong, 33, said"
        });
        if !appos_ok {
            return None;
        }
        // `"...," Senate Majority Leader Mitch McConnell, R-Ky., said`: the closing quote mark is
        // not part of the subject.
        let span = trim_span(
            text,
            Span::new(subj_offset, subj_offset + subj_part.len()),
            &['"', '\u{201d}', '\u{2019}', '\''],
        );
        let np = self.noun_phrase_tail(text, span)?;
        // The whole segment must be the noun phrase (after openers like "But", or a clause and a
        // dash: "And it wasn't an accident — Brendan Buck, a spokesman for Ryan, told ...").
        let lead = Span::new(span.start, np.start);
        let after_dash = lead.slice(text).trim_end().ends_with(['\u{2014}', '\u{2013}', '-']);
        if !only_openers(text, lead) && !after_dash {
            return None;
        }
        let clause = Span::new(sent.start, subj_offset);
        let clause = (!only_openers(text, clause)).then_some(clause);
        Some((np, clause))
    }

    /// Longer appositive subjects than [`Self::appositive_subject`] takes, `left` ending with the
    /// comma before the cue: an appositive of several comma parts ("Christopher Harvey, an
    /// African-American delegate from Houston, Texas, said"; "Murshed Zaheed, acting political
    /// director of CREDO Action, which organized the letter, said") and a role before the name
    /// ("Another pollster, David Woodard of Clemson University, said"; "her senior policy
    /// adviser, Jake Sullivan, said"). The phrase starts its clause (after openers, a fronted
    /// prepositional phrase or a quotation). Returns the name, the clause before the phrase and
    /// the whole source phrase.
    fn appositive_chain(&self, text: &str, sent: Span, left: Span) -> Option<(Span, Option<Span>, Span)> {
        let s = left.slice(text);
        let body = s.strip_suffix(',')?;
        // After a quotation ("“...,” Jeff Weaver, Sanders’ campaign manager, said") the phrase
        // starts after its closing mark.
        let start = ['\u{201d}', '"']
            .iter()
            .filter_map(|&m| body.rfind(m).map(|i| i + m.len_utf8()))
            .chain(body.rfind("''").map(|i| i + 2))
            .max()
            .unwrap_or(0);
        let mut parts: Vec<Span> = Vec::new();
        let mut at = start;
        for piece in body[start..].split(',') {
            let span = trim_span(text, Span::new(left.start + at, left.start + at + piece.len()), &[]);
            at += piece.len() + 1;
            if span.is_empty() {
                return None;
            }
            parts.push(span);
        }
        if parts.len() < 2 {
            return None;
        }
        let long = words_in(text, Span::new(parts[0].start, left.end)).len() > 30;
        let first_lower = |p: Span| words_in(text, p).first().map(|w| w.lower().into_owned()).unwrap_or_default();
        let plain = |w: &Word<'_>| {
            let l = w.lower();
            !FINITE_VERBS.contains(&l.as_ref()) && !CLAUSE_WORDS.contains(&l.as_ref())
        };
        // A part that opens an appositive: a role in lower case, an article, a relative pronoun,
        // an age, or a possessive role ("Mrs. Obama's chief of staff", "Color of Change's
        // executive director").
        let appositive = |p: Span| {
            let words = words_in(text, p);
            let Some(w) = words.first() else { return false };
            let l = w.lower();
            if ["a", "an", "the", "who", "which", "whose"].contains(&l.as_ref())
                || w.bare().bytes().all(|b| b.is_ascii_digit()) && (1..=3).contains(&w.bare().len())
                || !w.capitalised() && plain(w)
            {
                return true;
            }
            words
                .iter()
                .position(|w| any_possessive(w.text))
                .is_some_and(|i| i < 4 && words.get(i + 1).is_some_and(|n| !n.capitalised()))
        };
        // A name: capitalised words (with "de", "van", ... between them), possibly followed by
        // an affiliation ("David Woodard of Clemson University"); the name without it.
        let name = |p: Span| -> Option<Span> {
            let words = words_in(text, p);
            let particle = |w: &Word<'_>| NAME_PARTICLES.contains(&w.lower().as_ref());
            let n = words.iter().position(|w| !(w.capitalised() || particle(w))).unwrap_or(words.len());
            if n == 0 || n > 5 || !words[n - 1].capitalised() {
                return None;
            }
            if n < words.len() {
                let affiliation = &words[n..];
                let opener = ["of", "for", "at", "from", "with"].contains(&affiliation[0].lower().as_ref());
                if !opener || affiliation.len() > 8 || !affiliation.iter().all(plain) {
                    return None;
                }
            }
            Some(Span::new(words[0].span.start, words[n - 1].span.end))
        };
        // A role before the name: a determiner or possessive pronoun and a common noun ("The
        // group’s executive director", "One of the authors of that 2013 report").
        let role = |p: Span| {
            let words = words_in(text, p);
            (2..=10).contains(&words.len())
                && (["the", "a", "an", "another", "one", "her", "his", "their", "its", "our"]
                    .contains(&first_lower(p).as_str())
                    // "Carter’s press secretary"
                    || words.first().is_some_and(|w| possessive(w.text)))
                && words.iter().all(plain)
                && words.iter().skip(1).any(|w| !w.capitalised())
        };
        // What may stand before the phrase in its part list: fronted prepositional phrases and
        // sentence adverbs.
        let fronted = |p: Span| {
            let l = first_lower(p);
            l.ends_with("ly")
                || [
                    "in",
                    "at",
                    "on",
                    "during",
                    "after",
                    "before",
                    "speaking",
                    "asked",
                    "later",
                    "earlier",
                    "overall",
                    "still",
                    "instead",
                    "meanwhile",
                    "moreover",
                    "now",
                    "then",
                    "today",
                    "yesterday",
                    "yet",
                    "indeed",
                ]
                .contains(&l.as_str())
        };
        // A part after the name that is an adjunct of the verb, not an appositive ("Clinton,
        // during a town hall meeting in Columbus, Ohio, said"; "Trump, speaking at a rally,
        // said"): the source phrase is the name alone.
        let adjunct = |p: Span| {
            let l = first_lower(p);
            // "acting political director", "managing partner": adjectives in "-ing".
            let adjective = [
                "acting",
                "managing",
                "leading",
                "founding",
                "ranking",
                "outgoing",
                "incoming",
                "governing",
                "presiding",
                "visiting",
                "retiring",
                "sitting",
                "longstanding",
                "rising",
                "reigning",
                "consulting",
                "polling",
                "fundraising",
                "marketing",
                "publishing",
                "commanding",
                "supervising",
            ];
            l.ends_with("ing") && !adjective.contains(&l.as_str())
                || [
                    "during",
                    "at",
                    "in",
                    "on",
                    "after",
                    "before",
                    "like",
                    "unlike",
                    "including",
                    "with",
                    "without",
                    "for",
                    "from",
                    "to",
                    "by",
                    "again",
                    "later",
                    "earlier",
                    "also",
                    "too",
                    "however",
                    "though",
                ]
                .contains(&l.as_str())
        };
        for h in 0..parts.len() - 1 {
            // "Sanders remains committed, his top aide, Tad Devine, said": a role and a name
            // closing the list after a clause (the content before the tag).
            let after_content = h >= 1 && h + 2 == parts.len();
            let fronted_before = parts[..h].iter().all(|&p| fronted(p));
            let all_fronted = fronted_before && !long;
            if !all_fronted && !after_content {
                if fronted_before {
                    continue;
                }
                return None;
            }
            // At most a name and three parts of appositive (a longer list is a clause).
            if parts.len() - h > 4 || fronted(parts[h]) {
                continue;
            }
            // The phrase starts its clause: only openers (or one subordinator, "When the F.B.I.
            // director, James B. Comey, said") before it in its part.
            let lead_ok = |phrase_start: usize| {
                let lead = Span::new(parts[h].start, phrase_start);
                only_openers(text, lead)
                    || words_in(text, lead).len() == 1
                        && ["when", "while", "as", "after", "before", "because", "since", "though", "although"]
                            .contains(&first_lower(lead).as_str())
            };
            let clause_of = |phrase_start: usize| {
                let clause = Span::new(sent.start.min(phrase_start), phrase_start);
                (!only_openers(text, clause)).then_some(clause)
            };
            let last = parts[parts.len() - 1];
            // NAME, APPOSITIVE[, MORE] and NAME, ADJUNCT[, MORE]
            let adjunct_next = adjunct(parts[h + 1]);
            if all_fronted && (adjunct_next || appositive(parts[h + 1])) {
                if let Some(np) = self.noun_phrase_tail(text, parts[h]) {
                    if lead_ok(np.start) && name(np).is_some_and(|n| n == np) {
                        let phrase = if adjunct_next { np } else { Span::new(np.start, last.end) };
                        return Some((np, clause_of(np.start), phrase));
                    }
                }
            }
            // ROLE, NAME[, APPOSITIVE...]
            let rest_ok = h + 2 == parts.len() || appositive(parts[h + 2]);
            if let Some(person) = name(parts[h + 1]).filter(|_| rest_ok) {
                let words = words_in(text, parts[h]);
                let k = words.iter().position(|w| !OPENERS.contains(&w.lower().as_ref())).unwrap_or(0);
                let mut role_start = words.get(k).map_or(parts[h].start, |w| w.span.start);
                if !role(Span::new(role_start, parts[h].end)) && k < words.len() {
                    // After one subordinator.
                    role_start = words.get(k + 1).map_or(parts[h].end, |w| w.span.start);
                }
                if role(Span::new(role_start, parts[h].end)) && lead_ok(role_start) {
                    return Some((person, clause_of(role_start), Span::new(role_start, last.end)));
                }
            }
        }
        None
    }

    /// The noun phrase at the end of `span`: fillers stripped, stopped at clause words and verbs.
    fn noun_phrase_tail(&self, text: &str, span: Span) -> Option<Span> {
        let mut words = words_in(text, span);
        loop {
            while words.last().is_some_and(|w| PRE_CUE_FILLERS.contains(&w.lower().as_ref()) || cue_left_word(w)) {
                words.pop();
            }
            // "Hillary Clinton on Tuesday said", "Feinstein last week said": a time phrase between
            // the subject and the cue.
            let n = words.len();
            let time = n >= 3
                && TIME_WORDS.contains(&words[n - 1].lower().as_ref())
                && ["on", "last", "this", "earlier", "late", "early"].contains(&words[n - 2].lower().as_ref());
            if !time {
                break;
            }
            words.truncate(n - 2);
        }
        let end = words.last()?.span.end;
        let cue_word = first_word(text, Span::new(span.end, text.len()));
        let mut start_idx = words.len();
        for i in (0..words.len()).rev() {
            let w = &words[i];
            let l = w.lower();
            let l: &str = &l;
            // A dash opens the subject ("And it wasn't an accident — Brendan Buck said").
            let dash = w.bare().is_empty() && w.text.contains(['\u{2014}', '\u{2013}', '-']);
            if CLAUSE_WORDS.contains(&l) || finite_verb(&words, i, cue_word.as_ref()) || dash {
                break;
            }
            if l == "and" {
                let head = |w: &Word<'_>| {
                    let l = w.lower();
                    let l: &str = &l;
                    self.lex.anonymous_heads.contains(l)
                        || self.lex.vague_heads.contains(l)
                        || self.lex.organisation_marker_set.contains(l)
                };
                // "she and another reporter said", "current and former officials said".
                let prev_ok = i > 0
                    && (words[i - 1].capitalised()
                        || head(&words[i - 1])
                        || PERSON_PRONOUNS.contains(&words[i - 1].lower().as_ref())
                        || ["current", "former", "past", "present"].contains(&words[i - 1].lower().as_ref()));
                // "Her advisers and allies say": a plural noun after a head's "and".
                let plural = |n: &Word<'_>| {
                    let l = n.lower();
                    l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && plain_noun(n)
                };
                let next_ok = words.get(i + 1).is_some_and(|n| {
                    n.capitalised()
                        || head(n)
                        || ["former", "current", "past"].contains(&n.lower().as_ref())
                        || DETERMINERS.contains(&n.lower().as_ref())
                        || plural(n) && i > 0 && head(&words[i - 1])
                });
                if !(prev_ok && next_ok) {
                    break;
                }
            }
            if i + 1 < words.len() && w.text.ends_with([',', ';', ':']) {
                break;
            }
            start_idx = i;
        }
        while start_idx < words.len()
            && (OPENERS.contains(&words[start_idx].lower().as_ref()) || words[start_idx].bare().is_empty())
        {
            start_idx += 1;
        }
        // "on Tuesday night he said": a subject pronoun right before the cue is the whole subject.
        if words.len() - start_idx > 1
            && words.last().is_some_and(|w| ["he", "she", "they", "we"].contains(&w.text))
            && !["and", "or"].contains(&words[words.len() - 2].lower().as_ref())
        {
            start_idx = words.len() - 1;
        }
        let kept = &words[start_idx..];
        if kept.is_empty() || kept.len() > MAX_SOURCE_WORDS {
            return None;
        }
        let first = kept[0];
        let fl = first.lower();
        let fl: &str = &fl;
        let lexical = kept.iter().any(|w| {
            let l = w.lower();
            let l: &str = &l;
            self.lex.anonymous_heads.contains(l)
                || self.lex.vague_heads.contains(l)
                || self.lex.document_heads.contains(l)
                || self.lex.organisation_marker_set.contains(l)
                || self.lex.outlet_marker_set.contains(l)
        });
        // A quantity: a fraction ("half of GOP primary voters said") or an approximation before a
        // number or fraction ("nearly two-thirds of ...", "only 7 percent said").
        let quantity = quantity_subject(kept);
        // "progressive organizations say", "protest organizers in Cleveland say": a bare plural
        // noun phrase of plain words (a plural head, at most four words before a preposition).
        let bare_plural = {
            let pre: Vec<&Word<'_>> =
                kept.iter().take_while(|w| !["in", "of", "from", "at"].contains(&w.text)).collect();
            let head = pre.last().map(|w| w.lower().into_owned()).unwrap_or_default();
            (2..=4).contains(&pre.len())
                && head.ends_with('s')
                && !head.ends_with("ss")
                && pre.iter().all(|w| plain_noun(w) && !w.lower().ends_with("ly") && !w.lower().ends_with("ed"))
                && kept[pre.len()..].iter().all(|w| w.capitalised() || ["in", "of", "from", "at"].contains(&w.text))
        };
        // "former President Bill Clinton said": lower-case titles and roles before a name (as
        // after an inverted cue, `right_source`).
        let lower = kept.iter().take_while(|w| !w.capitalised()).count();
        let role_word = |w: &Word<'_>| {
            let l = w.lower();
            let l: &str = &l;
            self.lex.titles.contains(l)
                || self.lex.anonymous_heads.contains(l)
                || self.lex.journalist_roles.contains(l)
                || ROLE_NOUNS.contains(&l)
        };
        // "public defender Shannon S. Quill": plain lower-case words before a role word.
        let modifier =
            |w: &Word<'_>| plain_noun(w) && !w.lower().ends_with("ly") && !TIME_WORDS.contains(&w.lower().as_ref());
        // A role noun by its suffix ("defender", "strategist", "consultant", "congressman").
        let role_like = |w: &Word<'_>| {
            let l = w.lower();
            role_word(w)
                || plain_noun(w)
                    && !["never", "over", "under", "other", "either", "whether", "ever", "later", "rather", "per"]
                        .contains(&l.as_ref())
                    && ["er", "or", "ist", "ant", "ent", "ian", "man", "woman", "ive"].iter().any(|x| l.ends_with(x))
        };
        let named_later = (1..=3).contains(&lower)
            && kept.len() - lower >= 2
            && !TITLE_PARTICLES.contains(&fl)
            && (kept[..lower].iter().all(role_word)
                || role_like(&kept[lower - 1]) && kept[..lower - 1].iter().all(modifier))
            && kept[lower..].iter().all(|w| w.capitalised() || TITLE_PARTICLES.contains(&w.lower().as_ref()))
            && !kept.last().is_some_and(|w| possessive(w.text));
        // A number alone ("Of the 76 countries ..., 54 refused to recognize ...") counts things
        // named before it, not a speaker; "54 percent of voters" and "3 senators" stay subjects.
        let lone_number = kept.len() == 1
            && !first.text.contains('%')
            && first.bare().bytes().all(|b| b.is_ascii_digit() || b == b',');
        // "..., analyst says", "former rival says": a bare role, as headlines write it.
        let bare_role = (1..=2).contains(&kept.len())
            && lower == kept.len()
            && (role_word(&kept[kept.len() - 1])
                || ["rival", "ally", "aide", "source", "official"].contains(&kept[kept.len() - 1].lower().as_ref()))
            && kept[..kept.len() - 1]
                .iter()
                .all(|w| ["former", "top", "senior", "longtime"].contains(&w.lower().as_ref()));
        // "strategists said", "donors said": one plural noun for people.
        let people_plural = kept.len() == 1 && {
            let l = first.lower();
            l.len() > 4
                && l.ends_with('s')
                && plain_noun(&first)
                && ([
                    "friends",
                    "allies",
                    "aides",
                    "insiders",
                    "residents",
                    "voters",
                    "sources",
                    "officials",
                    "experts",
                ]
                .contains(&l.as_ref())
                    || ["ers", "ors", "ists", "ants", "ents", "ians"].iter().any(|x| l.ends_with(x))
                        && !["others", "numbers", "orders", "papers", "members"].contains(&l.as_ref()))
        };
        // "veteran Republicans said": plain modifiers before a capitalised plural.
        let modified_group = (2..=3).contains(&kept.len())
            && lower == kept.len() - 1
            && kept[..lower].iter().all(|w| GROUP_MODIFIERS.contains(&w.lower().as_ref()))
            && kept[lower].bare().ends_with('s')
            && !kept[lower].bare().ends_with("ss")
            && !possessive(kept[lower].text);
        // "de Blasio said": a name particle before a capitalised word.
        let particle_name = NAME_PARTICLES.contains(&fl) && kept.get(1).is_some_and(Word::capitalised);
        let ok = first.capitalised()
            || bare_role
            || people_plural
            || modified_group
            || particle_name
            || first.bare().starts_with(|c: char| c.is_ascii_digit()) && !lone_number
            || DETERMINERS.contains(&fl)
            || PERSON_PRONOUNS.contains(&fl)
            || GROUP_PRONOUNS.contains(&fl)
            || quantity
            || named_later
            || lexical
            || bare_plural;
        if !ok {
            return self.relative_clause_subject(text, span, &words, end);
        }
        Some(Span::new(first.span.start, end))
    }

    /// A subject with a restrictive relative clause ("people who have battled other online
    /// threats say", "progressive organizations that have endorsed him say"): the noun phrase
    /// before "who" (or "that" after a plural and before an auxiliary) and the clause, up to
    /// `end`. `words` are the words of `span`, ending at `end`.
    fn relative_clause_subject(&self, text: &str, span: Span, words: &[Word<'_>], end: usize) -> Option<Span> {
        let n = words.iter().position(|w| w.span.end == end)? + 1;
        let r = (0..n).rev().take(11).find(|&i| ["who", "that"].contains(&words[i].lower().as_ref()))?;
        let clause = &words[r + 1..n];
        // No punctuation inside, no "to" (the clause's own recipient or infinitive: "the groups
        // who wrote to her say" is left alone) and no capitalised word.
        if r == 0
            || clause.is_empty()
            || words[r - 1..n - 1].iter().any(|w| w.text.ends_with([',', ';', ':']))
            || clause.iter().any(|w| w.lower() == "to")
            // A name in the clause would be taken for the source's ("those who worked with
            // Lachlan Murdoch").
            || clause.iter().any(Word::capitalised)
        {
            return None;
        }
        if words[r].lower() == "that" {
            let before = words[r - 1].lower();
            let aux = ["have", "has", "had", "are", "were", "is", "was", "will", "would", "can", "could", "do", "did"];
            if !(before.ends_with('s') && plain_noun(&words[r - 1]) && aux.contains(&clause[0].lower().as_ref())) {
                return None;
            }
        }
        let np = self.noun_phrase_tail(text, Span::new(span.start, words[r - 1].span.end))?;
        Some(Span::new(np.start, end))
    }

    /// "Infobae journalist Román Lejtman" -> [Infobae, Román Lejtman]; anything else -> [phrase].
    fn split_outlet_journalist(&self, text: &str, span: Span) -> Vec<RawSource> {
        let words = words_in(text, span);
        if let Some(pos) = words.iter().position(|w| self.lex.journalist_roles.contains(w.lower().as_ref() as &str)) {
            if pos > 0 && pos + 1 < words.len() {
                let outlet = Span::new(span.start, words[pos - 1].span.end);
                if self.looks_like_outlet(outlet.slice(text)) || words[..pos].iter().all(Word::capitalised) {
                    return vec![
                        RawSource { span: outlet, display: None },
                        RawSource { span: Span::new(words[pos].span.start, span.end), display: None },
                    ];
                }
            }
        }
        vec![RawSource { span, display: None }]
    }

    fn unwrap_source(&self, text: &str, span: Span) -> Span {
        let s = span.slice(text);
        let lower = s.to_lowercase();
        for w in SOURCE_WRAPPERS {
            if lower.starts_with(w) {
                return Span::new(span.start + w.len(), span.end);
            }
        }
        span
    }

    fn looks_like_outlet(&self, phrase: &str) -> bool {
        let lower = phrase.to_lowercase();
        let bare = lower.trim_start_matches("the ");
        self.lex.outlet_names_bare.contains(bare)
            || phrase.contains(char::is_uppercase) && self.lex.outlet_names_lower.any_in(&lower)
            || self.lex.outlet_markers.any_in(&lower)
            || phrase
                .split_whitespace()
                .last()
                .is_some_and(|w| self.lex.outlet_name_endings.contains(w.trim_matches(|c: char| !c.is_alphanumeric())))
                && phrase.split_whitespace().all(|w| w.starts_with(char::is_uppercase) || w == "of")
    }

    /// Classifies a source phrase (before resolution). Returns the kind and canonical name.
    /// A one-word headline source ("Mexico: ...") is a topic label unless it names a kind of
    /// source (a poll, a newspaper, officials) or the content quotes its words ("Graham: Trump's
    /// ‘Hateful Rhetoric’ ...").
    fn headline_source_ok(&self, text: &str, r: &RawAttribution, body: &[RawAttribution]) -> bool {
        let Some(src) = r.sources.first() else { return false };
        let phrase = src.span.slice(text);
        if phrase.split_whitespace().count() >= 2 {
            return true;
        }
        // "Sanders: Clinton Email Story Has Moved" over an article where "Bernie Sanders said
        // ...": a one-word label naming one of the article's own sources is that source.
        let names_a_source = body.iter().flat_map(|b| &b.sources).any(|s| {
            s.span != src.span
                && s.span
                    .slice(text)
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()) == phrase)
        });
        if names_a_source {
            return true;
        }
        let quotes = r.content.slice(text).contains(['"', '\u{201c}', '\u{2018}']);
        // A country's name over a headline is its topic ("Mexico: Maduro Allegedly Requested
        // ..."), though a country can be a source elsewhere.
        if self.lex.countries.contains(&phrase.to_lowercase()) {
            return quotes;
        }
        quotes
            || matches!(
                self.classify(phrase).0,
                SourceKind::Document
                    | SourceKind::NewsOutlet
                    | SourceKind::Organisation
                    | SourceKind::Anonymous
                    | SourceKind::Vague
            )
    }

    fn classify(&self, phrase: &str) -> (SourceKind, String, Reference) {
        let lower = phrase.to_lowercase();
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let lwords: Vec<String> =
            words.iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
        if lwords.len() == 1 {
            let w = lwords[0].as_str();
            if PERSON_PRONOUNS.contains(&w) {
                return (SourceKind::Unresolved, phrase.to_owned(), Reference::Person);
            }
            if GROUP_PRONOUNS.contains(&w) {
                return (SourceKind::Unresolved, phrase.to_owned(), Reference::Group);
            }
        }
        if self.lex.outlet_references.contains(&lower)
            || lower.starts_with("the ")
                && !phrase[4..].split_whitespace().enumerate().any(|(i, w)| self.is_proper_name_word(w, i))
                && self.lex.outlet_markers.any_in(&lower)
        {
            return (SourceKind::NewsOutlet, phrase.to_owned(), Reference::Outlet);
        }
        if self.lex.document_references.contains(&lower) {
            return (SourceKind::Document, phrase.to_owned(), Reference::Document);
        }
        // A country speaks for its state: "denied by both Argentina and Brazil".
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if self.lex.countries.contains(bare.strip_prefix("the ").unwrap_or(bare)) {
            return (SourceKind::Organisation, strip_article(phrase), Reference::None);
        }
        if self.lex.anonymous_phrases.any_in(&lower) {
            return (SourceKind::Anonymous, phrase.to_owned(), Reference::None);
        }
        // Head = last word before the first preposition.
        let pre: Vec<&String> = lwords
            .iter()
            .take_while(|w| {
                !["of", "to", "with", "at", "from", "in", "for", "on", "by", "that", "who", "which", "whose", "where"]
                    .contains(&w.as_str())
            })
            .collect();
        let head = pre.last().map(|s| s.as_str()).unwrap_or("");
        let proper_in_pre = words.iter().take(pre.len()).enumerate().any(|(i, w)| self.is_proper_name_word(w, i));
        // A lower-case plural head after capitalised modifiers is still a group: "Trump
        // supporters", "International observers", "Western diplomats".
        let group_head = pre.len() >= 2
            && head.len() > 3
            && head.ends_with('s')
            && words.get(pre.len() - 1).is_some_and(|w| w.starts_with(char::is_lowercase));
        let proper_in_pre = proper_in_pre && !group_head;
        // "Republicans said", "Senate Democrats say", "veteran Republicans said": unnamed
        // members of a party, faith or people, not a person named "Republicans".
        if GROUP_NOUNS.contains(&head) {
            return (SourceKind::Vague, phrase.to_owned(), Reference::None);
        }
        if self.lex.vague_heads.contains(head) && !proper_in_pre
            || pre.first().is_some_and(|q| self.lex.vague_quantifiers.contains(q.as_str()))
                && (self.lex.anonymous_heads.contains(head) || self.lex.vague_heads.contains(head))
        {
            return (SourceKind::Vague, phrase.to_owned(), Reference::None);
        }
        if self.lex.anonymous_heads.contains(head) && !proper_in_pre {
            return (SourceKind::Anonymous, phrase.to_owned(), Reference::None);
        }
        if self.lex.document_heads.contains(head) {
            return (SourceKind::Document, strip_article(phrase), Reference::None);
        }
        // A common noun with a prepositional phrase ("a spokesman for Sanders", "voters in
        // Iowa", "protest organizers in Cleveland"): the name after the preposition is an
        // affiliation or a place, not the source. A plural head is a vague group, "a"/"an" an
        // unnamed person, "the" and a title one person named by the role. (A capitalised head is a common noun only as a lone plural, "Voters in
        // Iowa"; "Secretary of State Marco Rubio" keeps its name.)
        if pre.len() < lwords.len() && !pre.is_empty() {
            let head_text = words[pre.len() - 1].trim_matches(|c: char| !c.is_alphanumeric());
            let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
            let common = !head_text.starts_with(char::is_uppercase) || pre.len() == 1 && plural;
            let named_before =
                words.iter().take(pre.len()).enumerate().skip(1).any(|(i, w)| self.is_proper_name_word(w, i));
            let indefinite = lwords.first().is_some_and(|w| w == "a" || w == "an");
            // "79 percent of Democrats", "half of the voters": a share of a group.
            let share = head == "percent" || FRACTIONS.contains(&head);
            if share && !named_before {
                return (SourceKind::Vague, phrase.to_owned(), Reference::None);
            }
            if common && !named_before {
                if plural && !self.lex.titles.contains(head) {
                    return (SourceKind::Vague, phrase.to_owned(), Reference::None);
                }
                if indefinite {
                    return (SourceKind::Anonymous, phrase.to_owned(), Reference::None);
                }
                // "the mayor of Caracas": one identifiable person, named by the role.
                if lwords.first().is_some_and(|w| w == "the") && self.lex.titles.contains(head) {
                    return (SourceKind::NamedPerson, phrase.to_owned(), Reference::None);
                }
            }
        }
        if self.looks_like_outlet(phrase) {
            return (SourceKind::NewsOutlet, self.outlet_name(phrase), Reference::None);
        }
        let is_org = self.lex.organisation_markers.any_in(&lower)
            || words.iter().any(|w| {
                let b = w.trim_matches(|c: char| !c.is_alphanumeric());
                b.len() >= 2
                    && b.chars().all(|c| c.is_ascii_uppercase())
                    && !self.lex.titles.contains(&b.to_lowercase())
            });
        let person_words: Vec<&str> = self.person_name_words(phrase);
        let last_bare = words.last().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).unwrap_or("");
        let org_at_end = self
            .lex
            .organisation_markers
            .phrases()
            .iter()
            .any(|m| lower.trim_end_matches(|c: char| !c.is_alphanumeric()).ends_with(m.as_str()))
            || last_bare.len() >= 2 && last_bare.chars().all(|c| c.is_ascii_uppercase());
        // "the government of Evo Morales": an organisation named after a person.
        let org_of = {
            let bare = lower.strip_prefix("the ").unwrap_or(&lower);
            self.lex.organisation_markers.phrases().iter().any(|m| bare.starts_with(&format!("{m} of ")))
        };
        if is_org && (person_words.is_empty() || org_at_end || org_of) {
            return (SourceKind::Organisation, strip_article(phrase), Reference::None);
        }
        if !person_words.is_empty() {
            let name = person_words.join(" ");
            return (SourceKind::NamedPerson, name, Reference::ShortName);
        }
        if is_org {
            return (SourceKind::Organisation, strip_article(phrase), Reference::None);
        }
        if lwords.first().is_some_and(|w| w == "a" || w == "an") {
            return (SourceKind::Anonymous, phrase.to_owned(), Reference::None);
        }
        (SourceKind::Unresolved, phrase.to_owned(), Reference::None)
    }

    fn is_proper_name_word(&self, w: &str, _index: usize) -> bool {
        let b = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !b.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        // One lower-casing for all the word-list look-ups.
        let l = b.to_lowercase();
        !self.lex.titles.contains(&l)
            && !TITLE_ABBREVIATIONS.contains(&l.as_str())
            && !self.lex.organisation_marker_set.contains(&l)
            && !self.lex.anonymous_heads.contains(&l)
            && !self.lex.vague_heads.contains(&l)
            && !self.lex.vague_quantifiers.contains(&l)
            && !DETERMINERS.contains(&l.as_str())
            && !OPENERS.contains(&l.as_str())
    }

    /// The trailing run of capitalised non-title words, after any possessive prefix.
    fn person_name_words<'p>(&self, phrase: &'p str) -> Vec<&'p str> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut out: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate().rev() {
            let b = w.trim_matches(|c: char| !c.is_alphanumeric());
            if b.is_empty() {
                break;
            }
            if possessive(w) {
                break; // "AS/COA's Eric Farnsworth": stop at the possessive
            }
            let particle = !out.is_empty() && NAME_PARTICLES.contains(&b);
            if self.is_proper_name_word(w, i) || particle {
                // A middle initial keeps its period ("Stanley B. Greenberg").
                let at = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                let initial = b.chars().count() == 1 && w[at + b.len()..].starts_with('.') && !out.is_empty();
                out.push(if initial { &w[at..=at + b.len()] } else { b });
            } else {
                break;
            }
        }
        out.reverse();
        // A lower-case word opening the name is dropped unless it is a particle before a
        // surname ("de Blasio").
        while out.first().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            && !(out.len() >= 2 && NAME_PARTICLES.contains(&out[0]))
        {
            out.remove(0);
        }
        out
    }

    fn outlet_name(&self, phrase: &str) -> String {
        let lower = phrase.to_lowercase();
        if let Some(i) =
            self.lex.outlet_names_lower.first_in(&lower, |i| phrase.contains(self.lex.outlet_names[i].as_str()))
        {
            return self.lex.outlet_names[i].clone();
        }
        // "the Spanish newspaper ABC de España" -> the capitalised tail after the marker.
        for m in self.lex.outlet_markers.phrases() {
            if let Some(i) = lower.find(m.as_str()) {
                let tail = phrase[i + m.len()..].trim();
                if tail.starts_with(char::is_uppercase) {
                    return tail.to_owned();
                }
            }
        }
        strip_article(phrase)
    }

    /// The nearest full name ending in `surname` in `text` before `end`: the surname as a whole
    /// word after one to three capitalised name words that are not titles ("Javier Milei" in
    /// "Argentina's President Javier Milei", "María Corina Machado" in "opposition leader María
    /// Corina Machado").
    fn full_name_before(&self, text: &str, end: usize, surname: &str) -> Option<String> {
        let before_all = &text[..end];
        let mut search_end = before_all.len();
        while let Some(i) = before_all[..search_end].rfind(surname) {
            search_end = i;
            let (before, after) = (&before_all[..i], &before_all[i + surname.len()..]);
            if after.starts_with(char::is_alphanumeric) || !before.ends_with(' ') {
                continue;
            }
            let mut names: Vec<&str> = Vec::new();
            for w in before[..before.len() - 1].rsplit(' ').take(3) {
                let initial = w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase);
                let word = w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
                    && !self.lex.titles.contains(&w.to_lowercase())
                    && !NOT_FIRST_NAMES.contains(&w)
                    && !possessive(w);
                if !(word || initial) {
                    break;
                }
                names.push(w);
            }
            if names.is_empty() {
                continue;
            }
            names.reverse();
            names.push(surname);
            return Some(names.join(" "));
        }
        None
    }

    /// Classifies, resolves and chains the raw attributions, in text order.
    fn finish(&self, ctx: &Ctx<'_>, mut raws: Vec<RawAttribution>) -> Vec<Attribution> {
        raws.sort_by_key(|r| r.cue.start);
        raws.dedup_by(|b, a| a.cue == b.cue);
        let text = ctx.text;
        let mut memory = Memory::default();
        let mut own: Vec<Vec<Source>> = Vec::with_capacity(raws.len());
        for r in &raws {
            let mut chain = Vec::new();
            for rs in &r.sources {
                let phrase = rs.span.slice(text);
                let (kind, name, reference) = self.classify(phrase);
                let shown = rs.display.unwrap_or(rs.span);
                let mut src =
                    Source { text: shown.slice(text).to_owned(), span: Some(shown), kind, name, resolved: false };
                memory.resolve(&mut src, reference);
                if reference == Reference::ShortName && !src.resolved && !src.name.contains(char::is_whitespace) {
                    // A surname no earlier source gave in full, named in full earlier in the text
                    // ("Argentina's President Javier Milei had granted ... Milei called it ...").
                    if let Some(full) = self.full_name_before(text, rs.span.start, &src.name) {
                        src.name = full;
                        src.resolved = true;
                    }
                }
                memory.remember(&src);
                chain.push(src);
            }
            own.push(chain);
        }
        // Nesting: a cue inside another attribution's content inherits its chain as outer links.
        let content_index = SpanIndex::new(raws.iter().map(|r| r.content));
        let mut parent: Vec<Option<usize>> = vec![None; raws.len()];
        for (i, r) in raws.iter().enumerate() {
            parent[i] = content_index
                .overlapping(r.cue)
                .filter(|&j| {
                    let o = &raws[j];
                    j != i && o.content.contains(r.cue) && o.content != r.content && o.content.len() > r.content.len()
                })
                .min_by_key(|&j| raws[j].content.len());
        }
        let mut out = Vec::with_capacity(raws.len());
        for (i, r) in raws.iter().enumerate() {
            let mut chain: Vec<Source> = Vec::new();
            let mut p = parent[i];
            let mut guard = 0;
            let mut outer: Vec<&Vec<Source>> = Vec::new();
            while let Some(j) = p {
                outer.push(&own[j]);
                p = parent[j];
                guard += 1;
                if guard > raws.len() {
                    break;
                }
            }
            for o in outer.into_iter().rev() {
                chain.extend(o.iter().cloned());
            }
            chain.extend(own[i].iter().cloned());
            let content = r.content;
            let kind = content_kind(ctx, content);
            let anonymous = chain.iter().any(|s| s.kind.is_unnamed());
            let att = Attribution {
                cue: r.cue.slice(text).to_owned(),
                cue_span: r.cue,
                sources: chain,
                content,
                kind,
                anonymous,
            };
            if let Some(tail) = r.tail {
                let rest = Attribution { content: tail, kind: content_kind(ctx, tail), ..att.clone() };
                out.push(att);
                out.push(rest);
            } else {
                out.push(att);
            }
        }
        self.continue_quotes(ctx, &mut out);
        out
    }

    /// A quotation with no cue of its own that follows an attributed quotation closely
    /// ("“...,” said Farnsworth. “As a practical matter, ...”") continues the same speaker.
    fn continue_quotes(&self, ctx: &Ctx<'_>, out: &mut Vec<Attribution>) {
        let top: Vec<&Quote> = ctx.top_quotes.iter().filter(|q| !q.content.is_empty()).collect();
        let content_index = SpanIndex::new(out.iter().map(|a| a.content));
        let mut added: Vec<Attribution> = Vec::new();
        // Which attribution (existing or added) covers each top-level quote.
        let mut speaker: Vec<Option<Attribution>> = Vec::with_capacity(top.len());
        for (k, q) in top.iter().enumerate() {
            let own = content_index
                .overlapping(q.content)
                .map(|i| &out[i])
                .find(|a| a.kind != AttributionKind::Indirect && a.content.overlap(q.content) * 2 >= q.content.len())
                .cloned();
            if own.is_some() {
                speaker.push(own);
                continue;
            }
            let covered =
                content_index.overlapping(q.content).any(|i| out[i].content.overlap(q.content) * 2 >= q.content.len());
            let prev = k.checked_sub(1).map(|p| (top[p], speaker[p].as_ref()));
            let cont = match prev {
                Some((p, Some(a))) if !covered && q.span.start >= p.span.end => {
                    let gap = Span::new(p.span.end, q.span.start);
                    let first = ctx.cue_spans.partition_point(|c| c.start < gap.start);
                    // A participle of the same speaker in between ("..., he said, referring
                    // to the deal. “...”") does not hand the next quotation to anyone else.
                    let speaker_of = |x: &Attribution| x.original_source().map(|s| s.name.clone());
                    let same_speaker = |c: &Span| {
                        participle_cue(c.slice(ctx.text))
                            && out
                                .iter()
                                .any(|b| b.cue_span == *c && speaker_of(b).is_some() && speaker_of(b) == speaker_of(a))
                    };
                    let other_cue = ctx.cue_spans[first..]
                        .iter()
                        .take_while(|c| c.start < gap.end)
                        .any(|c| gap.contains(*c) && *c != a.cue_span && !same_speaker(c));
                    (gap.len() <= MAX_CONTINUATION_GAP && !other_cue).then(|| {
                        let mut cont = a.clone();
                        cont.content = tidy_content(ctx.text, q.content);
                        cont.kind = AttributionKind::Direct;
                        cont
                    })
                }
                _ => None,
            };
            if let Some(c) = &cont {
                added.push(c.clone());
            }
            speaker.push(cont);
        }
        out.extend(added);
        out.sort_by_key(|a| (a.cue_span.start, a.content.start));
    }
}

/// How a source phrase may refer back to an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    None,
    Person,
    Group,
    Outlet,
    Document,
    ShortName,
}

/// What earlier attributions named, for resolving later references in O(1): the most recent source
/// of each sort, and full person names by surname.
#[derive(Debug, Default)]
struct Memory {
    person: Option<Source>,
    group: Option<Source>,
    outlet: Option<Source>,
    document: Option<Source>,
    by_surname: HashMap<String, Source>,
}

impl Memory {
    fn remember(&mut self, s: &Source) {
        match s.kind {
            SourceKind::NamedPerson => {
                self.person = Some(s.clone());
                let mut words = s.name.split_whitespace();
                if let (Some(last), true) = (words.next_back(), s.name.split_whitespace().count() > 1) {
                    self.by_surname.insert(last.to_owned(), s.clone());
                }
            }
            SourceKind::NewsOutlet
            | SourceKind::Organisation
            | SourceKind::Document
            | SourceKind::Anonymous
            | SourceKind::Vague => {
                self.group = Some(s.clone());
                let definite = s.name.to_lowercase().starts_with("the ");
                if s.kind == SourceKind::NewsOutlet && !definite {
                    self.outlet = Some(s.clone());
                }
                if s.kind == SourceKind::Document && !definite {
                    self.document = Some(s.clone());
                }
            }
            SourceKind::Author | SourceKind::Unresolved => {}
        }
    }

    fn resolve(&self, src: &mut Source, reference: Reference) {
        let found = match reference {
            Reference::None => None,
            Reference::Person => self.person.as_ref(),
            Reference::Group => self.group.as_ref(),
            Reference::Outlet => self.outlet.as_ref(),
            Reference::Document => self.document.as_ref(),
            Reference::ShortName if !src.name.contains(char::is_whitespace) => self.by_surname.get(&src.name),
            Reference::ShortName => None,
        };
        if let Some(f) = found {
            src.kind = f.kind;
            src.name = f.name.clone();
            src.resolved = true;
        }
    }
}

fn content_kind(ctx: &Ctx<'_>, content: Span) -> AttributionKind {
    let mut any = false;
    for q in ctx.quotes_over(content) {
        if q.content.overlap(content) == 0 {
            continue;
        }
        any = true;
        if q.content.contains(content)
            || (content.start.abs_diff(q.content.start) <= 1 && content.end.abs_diff(q.content.end) <= 1)
        {
            return AttributionKind::Direct;
        }
    }
    if any { AttributionKind::Mixed } else { AttributionKind::Indirect }
}

fn strip_article(phrase: &str) -> String {
    let p = phrase.trim();
    for a in ["the ", "The "] {
        if let Some(r) = p.strip_prefix(a) {
            return r.to_owned();
        }
    }
    p.to_owned()
}

/// The object and complement of a characterising cue without a quotation ("calling Trump a
/// fascist", "called him divisive"): an object pronoun, or a capitalised name before "a"/"an",
/// and at least one word after it; up to a comma, a semicolon or "and".
fn characterisation(text: &str, content: Span) -> Option<Span> {
    let words = words_in(text, content);
    let first = words.first()?;
    let object = ["him", "her", "them", "it"].contains(&first.text)
        || first.capitalised() && words.get(1).is_some_and(|w| ["a", "an"].contains(&w.text));
    if !object || words.len() < 2 {
        return None;
    }
    let mut end = words[0].span.end;
    for (i, w) in words.iter().enumerate().skip(1) {
        if w.text == "and" {
            break;
        }
        end = w.span.end;
        if i >= 12 || w.text.ends_with([',', ';', '.', ':']) {
            break;
        }
    }
    let span = tidy_content(text, Span::new(words[0].span.start, end));
    (words_in(text, span).len() >= 2).then_some(span)
}

/// True for a word that opens an appositive or relative clause after a name ("a", "who", "the").
fn appositive_opener(word: &str) -> bool {
    let l = word.to_lowercase();
    let l = l.trim_end_matches(',');
    // A role noun phrase ("vice president of ...") opens in lower case; a participle or a clause
    // word ("adding", "and", "because") starts something else.
    let role = word.starts_with(char::is_lowercase)
        && !l.ends_with("ing")
        && !l.ends_with("ed")
        && !CLAUSE_WORDS.contains(&l)
        && !["and", "but", "or", "not", "too", "also", "then"].contains(&l);
    role || ["a", "an", "the", "who", "whose", "one", "former", "his", "her", "their", "its"].contains(&l)
}

/// Auxiliaries a cue span takes in on its left ("has said", "is saying", "would argue", "did
/// say"), as PolNeAR does: on train the gold cue holds the auxiliary before 366 of 372 "be" +
/// participle cues, 13 of 13 modals and 9 of 9 "do"-support cues.
const CUE_AUXILIARIES: [&str; 21] = [
    "has", "have", "had", "is", "are", "was", "were", "been", "be", "am", "will", "would", "could", "can", "may",
    "might", "should", "must", "do", "does", "did",
];
/// Adverbs a cue span takes in on its left ("also said", "later said", "has repeatedly said"):
/// on train the gold cue holds such an adverb in 118 of 127 cases. Words ending in "-ly" count
/// too, except the nouns and adjectives below ("the family said").
const CUE_ADVERBS: [&str; 20] = [
    "also",
    "later",
    "then",
    "now",
    "often",
    "always",
    "still",
    "once",
    "even",
    "just",
    "first",
    "recently",
    "previously",
    "since",
    "again",
    "already",
    "long",
    "soon",
    "too",
    "ever",
];
/// Verbs that put their speaker after them ("..., said X", "“...,” added the minister"). Other
/// cue verbs after a comma have an object, not a speaker: "Maduro has jailed dissidents,
/// maintained the military's loyalty and ...".
const INVERSION_VERBS: [&str; 52] = [
    "said",
    "says",
    "say",
    "added",
    "adds",
    "wrote",
    "writes",
    "told",
    "tells",
    "asked",
    "asks",
    "noted",
    "notes",
    "explained",
    "continued",
    "recalled",
    "insisted",
    "argued",
    "warned",
    "stated",
    "declared",
    "replied",
    "responded",
    "tweeted",
    "acknowledged",
    "admitted",
    "cautioned",
    "claimed",
    "conceded",
    "confirmed",
    "contended",
    "countered",
    "emphasized",
    "emphasised",
    "observed",
    "out",
    "predicted",
    "remarked",
    "reported",
    "stressed",
    "suggested",
    "joked",
    "quipped",
    "announced",
    "agreed",
    "complained",
    "mused",
    "shouted",
    "wondered",
    "according",
    "to",
    "posted",
];
/// Reporting-hedge adverbs, taken into a cue even when capitalised (title-case headlines).
const REPORTING_ADVERBS: [&str; 5] = ["allegedly", "reportedly", "purportedly", "supposedly", "apparently"];
const BE_FORMS: [&str; 8] = ["is", "are", "was", "were", "been", "be", "being", "am"];
/// Prepositions introducing a cue's topic ("warned of", "joked about").
const CUE_PREPOSITIONS: [&str; 5] = ["of", "about", "with", "for", "against"];
const NOT_ADVERBS: [&str; 14] = [
    "family",
    "ally",
    "rally",
    "assembly",
    "supply",
    "early",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "july",
    "italy",
    "only",
    "reply",
];

fn cue_adverb(w: &Word<'_>) -> bool {
    let l = w.lower();
    let l: &str = &l;
    CUE_ADVERBS.contains(&l) || l.len() > 4 && l.ends_with("ly") && !NOT_ADVERBS.contains(&l)
}

/// A word the cue span takes in on its left: an auxiliary or an adverb, lower-case and not
/// followed by punctuation.
fn cue_left_word(w: &Word<'_>) -> bool {
    if w.text.ends_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    if w.capitalised() {
        // Only a reporting hedge is never a name: "Maduro Allegedly Requested Asylum" (a
        // title-case headline) has the source "Maduro", not "Maduro Allegedly".
        return REPORTING_ADVERBS.contains(&w.lower().as_ref());
    }
    CUE_AUXILIARIES.contains(&w.lower().as_ref()) || cue_adverb(w)
}

/// Phrases a cue span takes in on its right ("said in a statement").
/// "in an interview" is left out: PolNeAR's annotators split on it (train: 18 cues with it, 25
/// without), while "in a statement" is mostly inside the cue (46 to 21).
const CUE_RIGHT: [&str; 4] = [" in a statement", " in an email", " in a tweet", " in a written statement"];

/// The cue span with its auxiliaries and adverbs ("has repeatedly said") and a medium phrase
/// ("said in a statement"), never reaching into the content or a source phrase.
fn widen_cue(text: &str, sent: Span, cue: Span, content: Span, sources: &[RawSource]) -> Span {
    let mut c = cue;
    let before = words_in(text, Span::new(sent.start, cue.start));
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let taken = |s: Span| {
        overlaps(s, content) || sources.iter().any(|r| overlaps(s, r.span) || r.display.is_some_and(|d| overlaps(s, d)))
    };
    for w in before.iter().rev() {
        if cue_left_word(w) && w.span.end + 1 == c.start && !taken(w.span) {
            c.start = w.span.start;
        } else {
            break;
        }
    }
    // "..., he said recently.", "..., she said dryly": an adverb closing a speech tag belongs to
    // the cue (train: 13 of 15).
    if let Some(w) = first_word(text, Span::new(c.end, sent.end)) {
        let bare =
            Span::new(w.span.start, w.span.start + w.text.trim_end_matches(|ch: char| !ch.is_alphanumeric()).len());
        let closes = w.text.len() > bare.len() || text[w.span.end..sent.end].trim().is_empty();
        let adverb = Word { text: bare.slice(text), span: bare };
        if closes
            && w.span.start == c.end + 1
            && !adverb.capitalised()
            && (cue_adverb(&adverb) || ["later", "earlier"].contains(&adverb.text))
            && !taken(bare)
        {
            c.end = bare.end;
        }
    }
    let after = &text[c.end..sent.end];
    let lower = after.to_lowercase();
    for r in CUE_RIGHT {
        if lower.starts_with(r) && !lower[r.len()..].starts_with(|ch: char| ch.is_alphanumeric()) {
            let end = c.end + r.len();
            if content.start >= end || content.end <= c.start {
                c.end = end;
            }
            break;
        }
    }
    c
}

/// True when `words[i]` is a finite verb or auxiliary, not a capitalised modal that is a name:
/// "Will" before a capitalised word ("said Will Doyle"), "May" after one ("Theresa May said"),
/// or either right before a past or third-person cue ("Will wrote", "May says"), which no modal
/// takes. `cue` is the word after `words` (the cue) when the words end right before it; a
/// capitalised cue tells a title-case headline ("Clinton Will Say"), where the modal is a verb.
fn finite_verb(words: &[Word<'_>], i: usize, cue: Option<&Word<'_>>) -> bool {
    let w = &words[i];
    let l = w.lower();
    if !FINITE_VERBS.contains(&l.as_ref()) {
        return false;
    }
    let last = i + 1 == words.len();
    let cue_capitalised = cue.is_some_and(Word::capitalised);
    let inflected = cue.is_some_and(|c| {
        let cl = c.lower();
        !c.capitalised()
            && (cl.ends_with('s')
                || cl.ends_with("ed")
                || ["said", "told", "wrote", "thought", "knew", "saw", "felt", "found"].contains(&cl.as_ref()))
    });
    let name = w.capitalised()
        && MODAL_NAMES.contains(&l.as_ref())
        && (words.get(i + 1).is_some_and(Word::capitalised)
            || i > 0 && words[i - 1].capitalised() && (!last || !cue_capitalised)
            || last && inflected);
    !name
}

/// `left` without its closing quotation mark when it ends with a comma inside a short quotation
/// (at most four words) that opens after a lower-case word: a scare quote inside an appositive
/// ("who calls Trump a “sociopath,”"), not a quotation that is the content ("“Nobody cares,”").
fn scare_quote_comma(text: &str, left: Span) -> Option<Span> {
    let s = left.slice(text);
    let (body, closer) = [",\u{201d}", ",\""].iter().find_map(|m| s.strip_suffix(m).map(|b| (b, m.len() - 1)))?;
    let open = body.rfind(['\u{201c}', '"'])?;
    let quoted = &body[open..];
    let before = body[..open].trim_end();
    if quoted.split_whitespace().count() > 4 || !body[..open].ends_with(' ') {
        return None;
    }
    let prev = before.rsplit(char::is_whitespace).next()?;
    (prev.starts_with(char::is_lowercase) && prev.ends_with(char::is_alphabetic))
        .then(|| Span::new(left.start, left.end - closer))
}

/// The end (exclusive word index) of an appositive starting at `words[from]` and closed by a
/// comma: a role ("a former state party chairman", "the Democrat's chief strategist"), an age,
/// a participle phrase ("speaking on WOR710") or a relative clause ("who calls Trump a
/// sociopath"); at most ten words.
fn clause_appositive(words: &[Word<'_>], from: usize) -> Option<usize> {
    let first = words.get(from)?;
    let l = first.lower();
    // A lower-case role ("president of the Thomas B. Fordham Institute"), not an adverb
    // ("however") or a verb.
    let role = !first.capitalised()
        && !l.ends_with("ly")
        && !l.ends_with("ed")
        && !OPENERS.contains(&l.as_ref())
        && !FINITE_VERBS.contains(&l.as_ref())
        && !CLAUSE_WORDS.contains(&l.as_ref())
        && !["however", "though", "too", "meanwhile", "instead", "therefore", "in", "for", "at", "on", "after"]
            .contains(&l.as_ref());
    let opens = ["a", "an", "the", "who", "whose", "now", "then", "herself", "himself", "also"].contains(&l.as_ref())
        || l.bytes().all(|b| b.is_ascii_digit())
        || role;
    if !opens {
        return None;
    }
    let close = words[from..].iter().take(10).position(|w| w.text.ends_with(','))?;
    Some(from + close + 1)
}

fn cue_negated(before: &[Word<'_>]) -> bool {
    // The cue's own clause, back to a comma, semicolon, colon or closing quotation mark: a
    // negation inside a quotation before the cue ("“Shows never die,” he said", "“Apparently
    // not,” he said") is the speaker's, not the cue's.
    let clause: Vec<&Word<'_>> = before
        .iter()
        .rev()
        .take_while(|w| {
            !w.text.ends_with([',', ';', ':']) && !w.text.ends_with(WORD_END_CLOSERS) && !w.text.ends_with("''")
        })
        .collect();
    let near = clause.iter().take(CUE_NEGATION_WINDOW).any(|w| {
        let l = w.lower();
        let l: &str = &l;
        l == "not" || l == "never" || l.ends_with("n't") || w.text.to_lowercase().ends_with("n\u{2019}t")
    });
    // "fled without telling his advisers": a speech act said not to have happened.
    let without = clause.iter().take(2).any(|w| w.lower() == "without");
    // "Neither X nor Y has commented", "Nobody said": the whole clause is negated.
    near || without
        || clause.iter().map(|w| w.lower()).any(|l| ["neither", "nor", "nobody", "none"].contains(&l.as_ref()))
}

/// Byte offset of the first ", " in `span` outside any quotation.
fn first_comma_outside_quotes(ctx: &Ctx<'_>, span: Span) -> Option<usize> {
    span.slice(ctx.text)
        .match_indices(", ")
        .map(|(i, _)| span.start + i)
        .find(|&i| !ctx.quotes_over(Span::new(i, i + 1)).any(|q| q.span.start < i && i < q.span.end))
}

/// True when most words before a cue are capitalised: a title-case headline ("Bernie Sanders
/// Says He Has Started Writing"), where a capitalised cue is still a verb.
fn title_case(before: &[Word<'_>]) -> bool {
    let long: Vec<&Word<'_>> = before.iter().filter(|w| w.bare().len() > 3).collect();
    !long.is_empty() && long.iter().all(|w| w.capitalised())
}

/// The subject part of `left` when an aside closes it, and where the source phrase with the
/// aside ends: a parenthesis ("Rep. Gregory Meeks (D-N.Y.)", at most four words, or a role or
/// relative clause of up to 16: "Kasich (who has 25 delegates to date)") or a pair of dashes
/// ("Jason Sims — a teacher from Mount Pleasant —"), then maybe a time phrase ("last week").
fn parenthetical_tail(text: &str, left: Span) -> Option<(Span, usize)> {
    // "Dianne Feinstein (D-Calif.) last week said": a time phrase after the parenthesis.
    let words = words_in(text, left);
    let n = words.len();
    let left = if n >= 3
        && TIME_WORDS.contains(&words[n - 1].lower().as_ref())
        && ["on", "last", "this", "earlier"].contains(&words[n - 2].lower().as_ref())
    {
        trim_span(text, Span::new(left.start, words[n - 3].span.end), &[])
    } else {
        left
    };
    let s = left.slice(text);
    let (open, inner, display_end) = if let Some(body) = s.strip_suffix(')') {
        let open = body.rfind('(')?;
        (open, &body[open + 1..], left.end)
    } else {
        // "Jason Sims — a teacher from Mount Pleasant — says", "Murphy -- after a knock on
        // wood -- told": a pair of dashes.
        let body = [" \u{2014}", " \u{2013}", " --", " -", "\u{2014}"].iter().find_map(|d| s.strip_suffix(d))?;
        let open =
            [" \u{2014} ", " \u{2013} ", " -- ", " - ", "\u{2014}"].iter().filter_map(|d| body.rfind(d)).max()?;
        let inner = body[open..].trim_start_matches([' ', '\u{2014}', '\u{2013}', '-']);
        if inner.contains(['"', '\u{201c}', '\u{201d}', '\u{2014}', '\u{2013}']) {
            return None;
        }
        (open, inner, left.start + body.len())
    };
    let n_inner = inner.split_whitespace().count();
    // A short tag ("(D-N.Y.)") or a role, relative clause or aside of up to 16 words.
    let aside = inner
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase) || ["A", "An", "The", "Who"].contains(&w));
    if n_inner == 0 || n_inner > 4 && !(aside && n_inner <= 16) || inner.contains(')') {
        return None;
    }
    let subject = trim_span(text, Span::new(left.start, left.start + open), &[]);
    (!subject.is_empty()).then_some((subject, display_end))
}

/// True for a participle cue ("saying", "referring to", "pointing out"): its verb, the first
/// word, ends in "-ing".
fn participle_cue(cue: &str) -> bool {
    cue.split(' ').next().is_some_and(|w| w.ends_with("ing"))
}

/// True for a present-tense cue that agrees with a plural subject ("say", "believe"), not "says",
/// "said" or a participle.
fn plural_present(cue: &str) -> bool {
    !cue.contains(' ')
        && !cue.ends_with('s')
        && !cue.ends_with("ed")
        && !cue.ends_with("ing")
        && !["said", "told", "wrote", "knew", "thought", "found", "sought", "felt", "made"].contains(&cue)
}

/// The comma list ending with `subject` ("Argentina, to Colombia, United State"), when `subject`
/// is a lone capitalised name after a comma: the list runs back over short items (at most four
/// words, each ending with a capitalised word) to the start of the clause.
fn list_subject(text: &str, sent: Span, subject: Span) -> Option<Span> {
    let words = words_in(text, subject);
    if words.is_empty() || !words.iter().all(Word::capitalised) || words.iter().any(|w| w.lower() == "and") {
        return None;
    }
    let mut end = trim_span(text, Span::new(sent.start, subject.start), &[]);
    if !end.slice(text).ends_with(',') {
        return None;
    }
    let mut start = subject.start;
    let mut items = 0;
    loop {
        end.end -= 1; // the comma
        let rest = end.slice(text);
        let seg_start = rest.rfind([',', ';', ':', '(', ')']).map_or(end.start, |i| end.start + i + 1);
        let seg = words_in(text, Span::new(seg_start, end.end));
        // Cut the segment at a clause word ("... wrote that countries ranging from Argentina").
        let cut = seg.iter().rposition(|w| {
            let l = w.lower();
            CLAUSE_WORDS.contains(&l.as_ref()) || FINITE_VERBS.contains(&l.as_ref())
        });
        let item = cut.map_or(&seg[..], |k| &seg[k + 1..]);
        if item.is_empty() || item.len() > 4 || !item.last().is_some_and(Word::capitalised) {
            break;
        }
        start = item[0].span.start;
        items += 1;
        if cut.is_some() || seg_start == end.start {
            break;
        }
        end = trim_span(text, Span::new(end.start, seg_start), &[]);
        if !end.slice(text).ends_with(',') {
            break;
        }
    }
    (items >= 2).then(|| Span::new(start, subject.end))
}

/// Relative pronouns that can be the subject of a cue ("Weaver, who said ...").
const RELATIVE_PRONOUNS: [&str; 3] = ["who", "which", "that"];

/// The relative pronoun ending `left` (the text before a cue), skipping auxiliaries and adverbs
/// ("who has also said").
/// The antecedent of a relative pronoun inside a longer clause ("an anomaly for Kaine, who
/// criticized ...", "dozens of women who claim ..."): the name before it (capitalised words), or
/// else its last word when that is a plain noun. It gives the source's name and kind only; the
/// source phrase is the pronoun.
fn antecedent_head(text: &str, before: Span) -> Option<Span> {
    let words = words_in(text, before);
    let last = words.last()?;
    if !last.text.chars().all(char::is_alphanumeric) && !last.text.ends_with('.') {
        return None;
    }
    let names = words
        .iter()
        .rev()
        .take_while(|w| w.capitalised() && w.bare().chars().all(|c| c.is_alphanumeric() || c == '-'))
        .count()
        .min(4);
    if names > 0 {
        return Some(Span::new(words[words.len() - names].span.start, last.span.end));
    }
    if !plain_noun(last) {
        return None;
    }
    // "President Nicolás Maduro's regime, which ...": the possessor names the head noun.
    let n = words.len();
    let possessor = n >= 2 && {
        let p = words[n - 2].text;
        p.starts_with(char::is_uppercase) && possessive(p)
    };
    if possessor {
        let names = words[..n - 2]
            .iter()
            .rev()
            .take_while(|w| w.capitalised() && w.bare().chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.'))
            .count()
            .min(3);
        return Some(Span::new(words[n - 2 - names].span.start, last.span.end));
    }
    Some(last.span)
}

/// The head noun before "of" that ends `before` ("the government of" before "Evo Morales"):
/// an antecedent "X of NAME" is X, not the name.
fn of_head(text: &str, before: Span) -> Option<Span> {
    let words = words_in(text, before);
    let n = words.len();
    if n < 2 || words[n - 1].text != "of" {
        return None;
    }
    plain_noun(&words[n - 2]).then_some(words[n - 2].span)
}

/// A word ending in a possessive "'s" (straight or curly apostrophe).
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

/// A possessive, the plural form included ("Sanders'", "campaigns’").
fn any_possessive(w: &str) -> bool {
    possessive(w) || w.ends_with("s'") || w.ends_with("s\u{2019}")
}

/// A lower-case word that can head a noun phrase (not a marker, clause word, determiner or
/// finite verb).
fn plain_noun(w: &Word<'_>) -> bool {
    let l = w.lower();
    let l: &str = &l;
    l.len() > 2
        && l.chars().all(char::is_alphabetic)
        && !w.capitalised()
        && !NOUN_MARKERS.contains(&l)
        && !CLAUSE_WORDS.contains(&l)
        && !DETERMINERS.contains(&l)
        && !FINITE_VERBS.contains(&l)
}

fn relative_pronoun(text: &str, left: Span) -> Option<Span> {
    let words = words_in(text, left);
    let mut i = words.len();
    while i > 0 && {
        let l = words[i - 1].lower();
        PRE_CUE_FILLERS.contains(&l.as_ref())
            || ["is", "are", "was", "were"].contains(&l.as_ref())
            || l.ends_with("ly") && !words[i - 1].capitalised()
    } {
        i -= 1;
    }
    let w = words.get(i.checked_sub(1)?)?;
    (RELATIVE_PRONOUNS.contains(&w.text) && i >= 2).then_some(w.span)
}

/// Byte index of the last clause separator or closing quotation mark in `s`. A right single
/// quotation mark inside or at the end of a word is an apostrophe ("the minister’s spokesman",
/// "Sanders’ aide"), not a closing mark, unless a left single quotation mark opened it.
fn last_separator(s: &str) -> Option<usize> {
    let opened_single = s.contains('\u{2018}');
    s.char_indices().rev().find_map(|(i, c)| {
        let sep = match c {
            // A thousands separator ("21,000 people") is not a clause break.
            ',' => {
                !(s[..i].ends_with(|d: char| d.is_ascii_digit())
                    && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
            }
            ';' | ':' | '\u{2014}' | '(' | ')' => true,
            '\u{2019}' => {
                let prev_letter = s[..i].chars().next_back().is_some_and(char::is_alphanumeric);
                !prev_letter || opened_single
            }
            // A mistyped closing mark ("“Apparently not,“ he said"): an opening mark ending a word.
            '\u{201c}' => {
                s[..i].chars().next_back().is_some_and(|p| !p.is_whitespace())
                    && s[i + c.len_utf8()..].chars().next().is_some_and(char::is_whitespace)
            }
            c => QUOTE_CLOSERS.contains(&c),
        };
        sep.then_some(i)
    })
}

/// True when only openers stand between the sentence start and the subject ("But Trump said.").
fn left_subject_opens(text: &str, sent: Span, subject: Span) -> bool {
    only_openers(text, Span::new(sent.start, subject.start.max(sent.start)))
}

/// The content of a top-level quotation that ends (closing mark included) just before `start`,
/// with only white space between.
fn preceding_quote(ctx: &Ctx<'_>, start: usize) -> Option<Span> {
    let i = ctx.top_quotes.partition_point(|q| q.span.end <= start);
    let q = ctx.top_quotes[..i].iter().rev().find(|q| q.closed)?;
    let gap = &ctx.text[q.span.end..start];
    (gap.trim().is_empty() && !q.content.is_empty()).then(|| tidy_content(ctx.text, q.content))
}

/// The part of `sentence` within [`MAX_CONTEXT_BYTES`] of `cue`, on character boundaries.
fn clip_context(text: &str, sentence: Span, cue: Span) -> Span {
    let mut start = sentence.start.max(cue.start.saturating_sub(MAX_CONTEXT_BYTES));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = sentence.end.min(cue.end.saturating_add(MAX_CONTEXT_BYTES));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end)
}

fn only_openers(text: &str, span: Span) -> bool {
    words_in(text, span).iter().all(|w| OPENERS.contains(&w.lower().as_ref()) || w.bare().is_empty())
}

fn starts_with_adverbial(rest: &str) -> bool {
    let mut words = rest.split_whitespace().map(str::to_lowercase);
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let time_noun = ["week", "month", "year", "morning", "afternoon", "evening", "weekend"]
        .contains(&second.trim_end_matches([',', '.']));
    ["on", "in", "at", "during", "via", "without", "through", "while", "earlier", "later", "yesterday", "today"]
        .contains(&first.as_str())
        || (first == "this" || first == "last") && time_noun
        || first == "by" && MEDIA.contains(&second.trim_end_matches([',', '.']))
}

/// End of a source phrase starting at `span.start`: the first clause punctuation or quote mark.
fn phrase_boundary(text: &str, span: Span) -> usize {
    let s = span.slice(text);
    let mut prev_ws = true;
    for (i, c) in s.char_indices() {
        match c {
            ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}' | '"' | '\u{201c}' | '\u{201d}' | '\u{ab}'
            | '\u{bb}'
                if i > 0 =>
            {
                return span.start + i;
            }
            '.' | '!' | '?' => {
                let next = s[i + 1..].chars().next();
                if next.is_none_or(char::is_whitespace) && !prev_ws {
                    // An abbreviation like "U.S." keeps going when a capitalised word follows.
                    let token_before = s[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                    let next_word = s[i + 1..].trim_start();
                    let title = TITLE_ABBREVIATIONS.contains(&token_before.to_lowercase().as_str());
                    // A middle initial ("Stanley B. Greenberg") too.
                    let mut chars = token_before.chars();
                    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
                    if (token_before.contains('.') || title || initial) && next_word.starts_with(char::is_uppercase) {
                        continue;
                    }
                    return span.start + i;
                }
            }
            _ => {}
        }
        prev_ws = c.is_whitespace();
    }
    span.end
}

fn strip_final_period(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    if s.ends_with('.') {
        let token = s.rsplit(char::is_whitespace).next().unwrap_or("");
        // Keep the period of a dotted abbreviation ("U.S.").
        if token.matches('.').count() == 1 {
            return Span::new(span.start, span.end - 1);
        }
    }
    span
}

/// A recipient phrase right after "told": capitalised words (with "of"/"the" inside) or a plain
/// recipient ("reporters"). Returns the recipient if it may be a source, and where it ends.
fn recipient_phrase(text: &str, span: Span) -> (Option<Span>, usize) {
    let words = words_in(text, span);
    let mut end_idx = 0;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let l = w.lower();
        let l: &str = &l;
        let joins = (l == "of" || l == "the" || l == "de") && words.get(i + 1).is_some_and(|n| n.capitalised());
        if w.capitalised() || joins {
            end_idx = i + 1;
            if w.text.ends_with([',', '.', ':']) {
                break;
            }
            i += 1;
        } else {
            break;
        }
    }
    if end_idx > 0 {
        let last = words[end_idx - 1];
        let end = last.span.start + last.text.trim_end_matches([',', '.', ':']).len();
        return (Some(Span::new(words[0].span.start, end)), end);
    }
    if let Some(w) = words.first() {
        let l = w.lower();
        if PLAIN_RECIPIENTS.contains(&l.as_ref()) && !["the", "a", "an"].contains(&l.as_ref()) {
            return (None, w.span.end);
        }
        // "told a Wall Street Journal lunch group that ...": a recipient noun phrase up to "that".
        if ["the", "a", "an", "his", "her", "their"].contains(&l.as_ref()) {
            let that = words.iter().take(8).position(|x| x.text == "that");
            let plain = |x: &Word<'_>| {
                let xl = x.lower();
                !x.text.ends_with([',', ';', ':', '.'])
                    && !FINITE_VERBS.contains(&xl.as_ref())
                    && !CLAUSE_WORDS.contains(&xl.as_ref())
            };
            if let Some(k) = that.filter(|&k| k > 1 && words[..k].iter().all(plain)) {
                return (None, words[k].span.start);
            }
        }
    }
    (None, span.start)
}

/// Extends a content span over a quotation it cuts, unless the cue itself is inside that quote.
fn extend_over_quotes(ctx: &Ctx<'_>, content: Span, cue: Span) -> Span {
    let mut c = content;
    let candidates: Vec<&Quote> =
        ctx.quotes_over(Span::new(content.start, content.end.max(content.start + 1))).collect();
    for q in candidates {
        if q.span.contains(cue) {
            continue;
        }
        if q.span.start < c.start && c.start < q.span.end {
            c.start = q.content.start;
        }
        if q.span.start < c.end && c.end < q.span.end && q.span.start >= c.start.saturating_sub(1) {
            c.end = q.content.end;
        }
    }
    c
}

fn tidy_content(text: &str, span: Span) -> Span {
    let t = trim_span(text, span, &CONTENT_TRIM);
    let t = strip_final_period(text, t);
    trim_span(text, t, &CONTENT_TRIM)
}

/// Words opening an adjunct after a mid-sentence speech tag, in the author's voice ("..., he
/// said, without giving details").
const TAIL_ADJUNCTS: [&str; 14] = [
    "without",
    "before",
    "after",
    "while",
    "when",
    "as",
    "in",
    "at",
    "on",
    "during",
    "according",
    "with",
    "from",
    "to",
];

/// Evidential verbs: "X seems to ...", "it appears that ...".
const EVIDENTIALS: [&str; 6] = ["seem", "seems", "seemed", "appear", "appears", "appeared"];
/// Words after "asked" that open the question ("asked whether ...", "asked about ...").
const QUESTION_OPENERS: [&str; 12] =
    ["about", "whether", "if", "what", "why", "how", "who", "when", "where", "which", "to", "for"];
/// Words before a clause-initial "asked" ("When asked about ...").
const ASKED_OPENERS: [&str; 5] = ["when", "after", "once", "if", "while"];

impl AttributionExtractor {
    /// Attributions with no source of their own (see [`crate::Analyzer::unsourced_attributions`]):
    /// evidentials ("X seemed to ...", "it appears that ..."), expectations ("X is expected to
    /// ..."), "reportedly", and questions put to someone ("Asked about ..., X said", "X was asked
    /// whether ..."). Cues already in `sourced` are skipped.
    pub(crate) fn extract_unsourced(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        sentences: &[Sentence],
        quotes: &[Quote],
        sourced: &[Attribution],
    ) -> Vec<Attribution> {
        let mut top_quotes: Vec<Quote> = quotes.iter().filter(|q| !q.nested).copied().collect();
        top_quotes.extend(doubled_quotes(text, paragraphs, &top_quotes));
        top_quotes.sort_by_key(|q| q.span.start);
        let top_index = SpanIndex::new(top_quotes.iter().map(|q| q.span));
        let ctx = Ctx { text, top_quotes, top_index, cue_spans: Vec::new() };
        let mut out = Vec::new();
        for sent in sentences {
            if !matches!(paragraphs[sent.paragraph].kind, ParagraphKind::Body | ParagraphKind::Headline) {
                continue;
            }
            let words = words_in(text, sent.span);
            for i in 0..words.len() {
                if let Some((cue, content)) = unsourced_at(&ctx, sent.span, &words, i) {
                    // A cue inside a closed quotation is the quoted speaker's (as for sourced cues).
                    if ctx.quotes_over(cue).any(|q| q.closed && q.content.contains(cue)) {
                        continue;
                    }
                    if sourced.iter().any(|a| a.cue_span.overlap(cue) > 0) || content.is_empty() {
                        continue;
                    }
                    out.push(Attribution {
                        cue: cue.slice(text).to_owned(),
                        cue_span: cue,
                        sources: Vec::new(),
                        content,
                        kind: content_kind(&ctx, content),
                        anonymous: false,
                    });
                }
            }
        }
        out
    }
}

/// The cue and content of a sourceless attribution whose cue word is `words[i]`, if any.
fn unsourced_at(ctx: &Ctx<'_>, sent: Span, words: &[Word<'_>], i: usize) -> Option<(Span, Span)> {
    let text = ctx.text;
    let w = &words[i];
    let l = w.lower();
    let l: &str = &l;
    let next = words.get(i + 1);
    let next_l = next.map(|n| n.lower().into_owned()).unwrap_or_default();
    let plain = !w.text.ends_with(|c: char| !c.is_alphanumeric());
    // The cue takes in auxiliaries, "not" and adverbs on its left ("may seem", "is widely
    // expected", "has reportedly").
    let widen = |start: usize| {
        let mut s = start;
        for b in words[..i].iter().rev() {
            let bl = b.lower();
            if b.text.ends_with(|c: char| !c.is_alphanumeric())
                || b.capitalised()
                || !(CUE_AUXILIARIES.contains(&bl.as_ref()) || cue_adverb(b) || bl == "not")
            {
                break;
            }
            s = b.span.start;
        }
        s
    };
    let rest = |from: usize| tidy_content(text, Span::new(from, sent.end));
    if EVIDENTIALS.contains(&l) {
        // "appeared on CNN" is not evidential: "appear" needs "to", "that", "as" or a comma.
        let appear = l.starts_with("appear");
        let ok = if appear {
            ["to", "that", "as"].contains(&next_l.as_str()) && plain || w.text.ends_with(',') && i > 0
        } else {
            next.is_some() && !w.capitalised()
        };
        if !ok || w.capitalised() && i > 0 {
            return None;
        }
        let lead = w.text.find(|c: char| c.is_alphanumeric())?;
        let start = w.span.start + lead;
        let cue = Span::new(widen(start), start + w.bare().len());
        return Some((cue, rest(next?.span.start)));
    }
    if l == "expected" && plain && next_l == "to" {
        // "X is expected to win": a be-form (with adverbs or "not") before it.
        let be = words[..i].iter().rev().find(|b| !cue_adverb(b) && b.lower() != "not")?;
        if !BE_FORMS.contains(&be.lower().as_ref()) || be.text.ends_with(|c: char| !c.is_alphanumeric()) {
            return None;
        }
        let cue = Span::new(widen(w.span.start), w.span.end);
        return Some((cue, rest(next?.span.start)));
    }
    if l == "reportedly" && plain && !w.capitalised() {
        let cue = w.span;
        return Some((cue, rest(next?.span.start)));
    }
    if l == "asked" && plain {
        // "Asked about ...", "When asked whether ...", "X was asked if ...": the question put to
        // someone, with no asker named. "asked by reporters" names the asker.
        let prev = i.checked_sub(1).map(|p| words[p].lower().into_owned());
        // "When asked ..." opening the sentence, or after a speech tag ("..., Christie said when
        // asked whether ..."; not "was once asked", nor a request, "when asked to do so").
        let opens = i == 0
            || prev.as_deref().is_some_and(|p| ASKED_OPENERS.contains(&p)) && i == 1
            || prev.as_deref().is_some_and(|p| ["when", "after", "if", "while"].contains(&p)) && next_l != "to";
        let passive = prev.as_deref().is_some_and(|p| ["was", "were", "been", "being"].contains(&p));
        if !(opens || passive) || !QUESTION_OPENERS.contains(&next_l.as_str()) {
            return None;
        }
        let next = next?;
        let mut cue = Span::new(if passive { widen(w.span.start) } else { w.span.start }, w.span.end);
        let mut from = next.span.start;
        if next_l == "about" && next.text.ends_with(|c: char| c.is_alphanumeric()) {
            cue.end = next.span.end;
            from = words.get(i + 2)?.span.start;
        }
        let span = Span::new(from, sent.end);
        let end = if opens { first_comma_outside_quotes(ctx, span).unwrap_or(sent.end) } else { sent.end };
        return Some((cue, tidy_content(text, Span::new(from, end))));
    }
    None
}
