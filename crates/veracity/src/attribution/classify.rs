//! Source kinds: decides whether a source phrase names a person, an organisation, a news outlet,
//! a document, an anonymous or vague source, or refers back to an earlier source (pronoun,
//! surname, "the newspaper"), and gives its canonical name, with the source lexicon it reads.

use std::borrow::Cow;

use crate::span::Span;
use crate::text::lexicon::{FUNCTION_WORDS, NUMBER_WORDS};

use super::extractor::{AttributionExtractor, RawSource};
use super::model::SourceKind;
use super::noun_phrase::FRACTIONS;
use super::words::{
    DETERMINERS, GROUP_PRONOUNS, NAME_PARTICLES, OPENERS, PERSON_PRONOUNS, Word, lowercase, possessive, words_in,
};

/// Plural nouns naming members of a party, faith or people, or people described collectively
/// by where they live or what they do there: a source headed by one is a vague group
/// ("Republicans said", "Residents have long complained"), not a named person.
const GROUP_NOUNS: [&str; 24] = [
    "residents",
    "protesters",
    "protestors",
    "demonstrators",
    "neighbours",
    "neighbors",
    "locals",
    "villagers",
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

/// Abbreviations before a name that do not end a source phrase ("said Mr. Stevens").
pub(super) const TITLE_ABBREVIATIONS: [&str; 18] = [
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "prof", "rev", "st", "jr", "sr",
    "adm",
];

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

impl AttributionExtractor {
    /// "Infobae journalist Román Lejtman" -> [Infobae, Román Lejtman]; anything else -> [phrase].
    pub(super) fn split_outlet_journalist(&self, text: &str, span: Span) -> Vec<RawSource> {
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

    pub(super) fn unwrap_source(&self, text: &str, span: Span) -> Span {
        let s = span.slice(text);
        let lower = s.to_lowercase();
        for w in SOURCE_WRAPPERS {
            if lower.starts_with(w) {
                return Span::new(span.start + w.len(), span.end);
            }
        }
        span
    }

    pub(super) fn looks_like_outlet(&self, phrase: &str) -> bool {
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

    pub(super) fn classify(&self, phrase: &str) -> (SourceKind, String, Reference) {
        let lower = phrase.to_lowercase();
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let lwords: Vec<Cow<'_, str>> =
            words.iter().map(|w| lowercase(w.trim_matches(|c: char| !c.is_alphanumeric()))).collect();
        if lwords.len() == 1 {
            let w: &str = &lwords[0];
            if PERSON_PRONOUNS.contains(&w) {
                return (SourceKind::Unresolved, phrase.to_owned(), Reference::Person);
            }
            if GROUP_PRONOUNS.contains(&w) {
                return (SourceKind::Unresolved, phrase.to_owned(), Reference::Group);
            }
        }
        // "the company", "the ministry": an earlier organisation of that type.
        if self.lex.organisation_references.iter().any(|(r, _)| *r == lower) {
            return (SourceKind::Organisation, phrase.to_owned(), Reference::Organisation);
        }
        // "countries ranging from Argentina, to Colombia, United State", "residents such as ...":
        // a bare plural opening a list describes a group collectively, whatever its members are.
        if lwords.len() > 2
            && words[0].starts_with(char::is_lowercase)
            && lwords[0].len() > 3
            && lwords[0].ends_with('s')
            && !lwords[0].ends_with("ss")
            && ["ranging", "including", "such", "like"].contains(&lwords[1].as_ref())
        {
            return (SourceKind::Vague, phrase.to_owned(), Reference::None);
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
        let pre: Vec<&Cow<'_, str>> = lwords
            .iter()
            .take_while(|w| {
                !["of", "to", "with", "at", "from", "in", "for", "on", "by", "that", "who", "which", "whose", "where"]
                    .contains(&w.as_ref())
            })
            .collect();
        let head = pre.last().map_or("", |s| s.as_ref());
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
            || pre.first().is_some_and(|q| self.lex.vague_quantifiers.contains(q.as_ref()))
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
        // "Coastline Marine Works", "Acme Holdings Inc.": a capitalised name ending in a word
        // that ends organisation names.
        if self.organisation_name(&words) {
            return (SourceKind::Organisation, strip_article(phrase), Reference::None);
        }
        let is_org = self.lex.organisation_markers.any_in(&lower)
            || words.iter().any(|w| {
                let b = w.trim_matches(|c: char| !c.is_alphanumeric());
                b.len() >= 2
                    && b.chars().all(|c| c.is_ascii_uppercase())
                    && !self.lex.titles.contains(lowercase(b).as_ref())
            });
        let person_words: Vec<&str> = self.person_name_words(phrase);
        let last_bare = words.last().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).unwrap_or("");
        let org_at_end = || {
            self.lex
                .organisation_markers
                .phrases()
                .iter()
                .any(|m| lower.trim_end_matches(|c: char| !c.is_alphanumeric()).ends_with(m.as_str()))
                || last_bare.len() >= 2 && last_bare.chars().all(|c| c.is_ascii_uppercase())
        };
        // "the government of Evo Morales": an organisation named after a person.
        let org_of = || {
            let bare = lower.strip_prefix("the ").unwrap_or(&lower);
            self.lex
                .organisation_markers
                .phrases()
                .iter()
                .any(|m| bare.strip_prefix(m.as_str()).is_some_and(|rest| rest.starts_with(" of ")))
        };
        if is_org && (person_words.is_empty() || org_at_end() || org_of()) {
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
        // "About four in 10 voters", "At least four Democratic senators": a number of people
        // counted, not named.
        let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w);
        if lwords.len() >= 2
            && lwords.iter().take(3).any(|w| number(w))
            && words.last().is_some_and(|w| w.starts_with(char::is_lowercase))
            && lwords.last().is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
        {
            return (SourceKind::Vague, phrase.to_owned(), Reference::None);
        }
        (SourceKind::Unresolved, phrase.to_owned(), Reference::None)
    }

    /// True when `words` are a capitalised name (after an optional "the", with "of", "and",
    /// "&" inside) of at least two words whose last one ends organisation names, or is a
    /// country's name ("Health Canada", "Air Canada", "Statistics Canada").
    fn organisation_name(&self, words: &[&str]) -> bool {
        let words = match words.first() {
            Some(w) if lowercase(w) == "the" => &words[1..],
            _ => words,
        };
        let Some(last) = words.last() else { return false };
        let last = last.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.').trim_end_matches('.');
        let l = lowercase(last);
        words.len() >= 2
            && last.starts_with(char::is_uppercase)
            && (self.lex.organisation_name_endings.contains(l.as_ref()) || self.lex.countries.contains(l.as_ref()))
            && words.iter().all(|w| w.starts_with(char::is_uppercase) || ["of", "and", "&"].contains(w))
            && !words.iter().any(|w| w.ends_with(','))
            && !possessive(words[0])
    }

    fn is_proper_name_word(&self, w: &str, _index: usize) -> bool {
        let b = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !b.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        // One lower-casing for all the word-list look-ups.
        let l = lowercase(b);
        let l: &str = &l;
        !self.lex.titles.contains(l)
            && !TITLE_ABBREVIATIONS.contains(&l)
            && !self.lex.organisation_marker_set.contains(l)
            && !self.lex.anonymous_heads.contains(l)
            && !self.lex.vague_heads.contains(l)
            && !self.lex.vague_quantifiers.contains(l)
            && !DETERMINERS.contains(&l)
            && !OPENERS.contains(&l)
            && !FUNCTION_WORDS.contains(&l)
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
}
/// How a source phrase may refer back to an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reference {
    None,
    Person,
    Group,
    Outlet,
    Document,
    /// "the company", "the ministry": the nearest earlier organisation of the type.
    Organisation,
    ShortName,
}

pub(super) fn strip_article(phrase: &str) -> String {
    let p = phrase.trim();
    for a in ["the ", "The "] {
        if let Some(r) = p.strip_prefix(a) {
            return r.to_owned();
        }
    }
    p.to_owned()
}
