//! Noun-phrase chunking: the noun phrase that ends a stretch of text before a cue ("veteran
//! Republicans", "basketball legend LeBron James", "nearly two-thirds of the voters"), scanning
//! leftwards over determiners, modifiers, roles, names and quantities.

use crate::span::Span;
use crate::text::lexicon::{BE_FORMS, FUNCTION_WORDS, NUMBER_WORDS, WEEKDAYS};

use super::extractor::AttributionExtractor;
use super::words::{
    CLAUSE_WORDS, DETERMINERS, GROUP_PRONOUNS, NAME_PARTICLES, OPENERS, PERSON_PRONOUNS, Word, cue_left_word,
    finite_verb, first_word, plain_noun, possessive, words_in,
};

/// Longest source phrase accepted, in words.
pub(super) const MAX_SOURCE_WORDS: usize = 12;

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

/// Adverbs and auxiliaries stripped between a source and its cue ("has also said").
pub(super) const PRE_CUE_FILLERS: [&str; 24] = [
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
    let second = kept.get(1).map(Word::lower).unwrap_or_default();
    let skip = if QUANTIFIERS.contains(&fl.as_ref()) || ["some", "over", "around"].contains(&fl.as_ref()) {
        1
    } else if matches!(
        (fl.as_ref(), second.as_ref()),
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

/// Closed-class words that open a quantity or a determined noun phrase, not a fronted phrase
/// before the subject ("Only a quarter of Americans agree", "All the Democrats insisted").
const QUANTITY_OPENERS: [&str; 20] = [
    "all", "any", "both", "each", "either", "every", "neither", "no", "only", "just", "much", "some", "such",
    "another", "even", "last", "about", "around", "over", "under",
];

/// Fractions that head a quantity of people ("half of the voters said").
pub(super) const FRACTIONS: [&str; 11] = [
    "half",
    "quarter",
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

/// Periods of a time phrase before a cue ("last week"), besides the days of the week ("on
/// Tuesday").
const TIME_PERIODS: [&str; 7] = ["week", "month", "year", "night", "morning", "afternoon", "weekend"];

/// True for a lower-case word naming a day or period of a time phrase before a cue ("on
/// Tuesday", "last week").
pub(super) fn time_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || TIME_PERIODS.contains(&w)
}

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

impl AttributionExtractor {
    /// The noun phrase at the end of `span`: fillers stripped, stopped at clause words and verbs.
    pub(super) fn noun_phrase_tail(&self, text: &str, span: Span) -> Option<Span> {
        let mut words = words_in(text, span);
        loop {
            while words.last().is_some_and(|w| PRE_CUE_FILLERS.contains(&w.lower().as_ref()) || cue_left_word(w)) {
                words.pop();
            }
            // "Hillary Clinton on Tuesday said", "Feinstein last week said": a time phrase between
            // the subject and the cue.
            let n = words.len();
            let time = n >= 3
                && time_word(&words[n - 1].lower())
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
        // "In an interview Pompeo said", "After years abroad Greenspan says": a fronted phrase
        // opened by a preposition or adverb (capitalised only as the sentence's first word) is
        // not the subject; the name after it is.
        if let Some(first) = words.get(start_idx) {
            let fl = first.lower();
            // "At least four senators", "At most half": a quantity.
            let at_least = fl == "at" && words.get(start_idx + 1).is_some_and(|w| ["least", "most"].contains(&w.text));
            if first.capitalised()
                && FUNCTION_WORDS.contains(&fl.as_ref())
                && !DETERMINERS.contains(&fl.as_ref())
                && !QUANTITY_OPENERS.contains(&fl.as_ref())
                && !at_least
            {
                let rest = &words[start_idx..];
                let name_word = |w: &Word<'_>| w.capitalised() && !FUNCTION_WORDS.contains(&w.lower().as_ref());
                let mut k = rest.len();
                while k > 1
                    && (name_word(&rest[k - 1])
                        || k < rest.len()
                            && TITLE_PARTICLES.contains(&rest[k - 1].lower().as_ref())
                            && name_word(&rest[k - 2]))
                {
                    k -= 1;
                }
                // A lower-case word (the phrase's object: "an interview") between the opener and
                // the name; "In 't Veld" is a name.
                let lower_between = rest[1..k]
                    .iter()
                    .any(|w| !w.capitalised() && w.bare().len() > 1 && w.bare().chars().all(char::is_alphabetic));
                // "In a Facebook message posted Friday": a prepositional phrase with no subject
                // after it is no source.
                let phrase_only = k == rest.len()
                    && rest.len() >= 3
                    && rest[1..].iter().any(|w| DETERMINERS.contains(&w.lower().as_ref()))
                    && !["according", "as"].contains(&fl.as_ref());
                if phrase_only {
                    return None;
                }
                if k < rest.len() && lower_between && !rest[k - 1].text.ends_with([',', ';', ':']) {
                    // "with the editorial board of the Washington Post Trump said": a name run
                    // after an article may open with the phrase's own object, an outlet.
                    let run = &rest[k..];
                    let cut = (rest[k - 1].lower() == "the")
                        .then(|| {
                            (1..run.len()).rev().find(|&j| {
                                let s = Span::new(run[0].span.start, run[j - 1].span.end);
                                self.looks_like_outlet(s.slice(text))
                            })
                        })
                        .flatten()
                        .unwrap_or(0);
                    start_idx += k + cut;
                }
            }
        }
        // "who was present in court told": a predicate after a form of "be" is not a subject;
        // the subject is the noun phrase before the relative pronoun.
        if start_idx > 1
            && start_idx < words.len()
            && BE_FORMS.contains(&words[start_idx - 1].lower().as_ref())
            && ["who", "that", "which"].contains(&words[start_idx - 2].lower().as_ref())
            && !words[start_idx].capitalised()
            && !DETERMINERS.contains(&words[start_idx].lower().as_ref())
        {
            if let Some(found) = self.relative_clause_subject(text, span, &words, end) {
                return Some(found);
            }
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
            let head = pre.last().map(|w| w.lower()).unwrap_or_default();
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
        let modifier = |w: &Word<'_>| plain_noun(w) && !w.lower().ends_with("ly") && !time_word(&w.lower());
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
}
