//! Source phrases next to a cue: the subject on its left (over appositives, asides in commas,
//! parentheses or dashes, relative pronouns and comma lists) and the source on its right ("said
//! X", "told Y", "according to X").

use crate::span::{Span, trim_span};
use crate::text::lexicon::{FUNCTION_WORDS, WEEKDAYS};

use super::classify::TITLE_ABBREVIATIONS;
use super::extractor::{AttributionExtractor, Ctx, RawSource};
use super::noun_phrase::{MAX_SOURCE_WORDS, PRE_CUE_FILLERS, time_word};
use super::words::{
    CLAUSE_WORDS, DETERMINERS, FINITE_VERBS, GROUP_PRONOUNS, NAME_PARTICLES, OPENERS, PERSON_PRONOUNS, QUOTE_CLOSERS,
    Word, any_possessive, finite_verb, first_word, lowercase, only_openers, plain_noun, possessive, words_in, words_of,
};

/// Asides between a subject and its cue that are not appositives ("X, however, said").
pub(super) const INTERJECTIONS: [&str; 10] = [
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

/// Recipients of "told" that are not sources ("told reporters").
const PLAIN_RECIPIENTS: [&str; 12] =
    ["reporters", "journalists", "him", "her", "them", "us", "me", "lawmakers", "supporters", "the", "a", "an"];

impl AttributionExtractor {
    /// The source written after an inverted cue, with "to OUTLET" as an outer link.
    pub(super) fn right_source(&self, text: &str, full: Span) -> Option<Vec<RawSource>> {
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

    pub(super) fn clause_subject(&self, ctx: &Ctx<'_>, sent: Span, cue: Span) -> Option<(Span, Option<Span>)> {
        let text = ctx.text;
        let words = ctx.words_in(Span::new(sent.start, cue.start));
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
        } else if words.get(i).is_some_and(|w| {
            let l = w.lower();
            w.capitalised() && FUNCTION_WORDS.contains(&l.as_ref()) && !DETERMINERS.contains(&l.as_ref())
        }) {
            // A longer fronted phrase opened by a preposition ("During a national security speech
            // earlier in the day, Trump attacked ..., saying"): the subject follows its comma.
            if let Some(k) = words[i..].iter().take(16).position(|w| w.text.ends_with(',')) {
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
    pub(super) fn left_subject(&self, text: &str, sent: Span, left: Span) -> Option<(Span, Option<Span>)> {
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
        let clause = (np.start == seg_start || words_of(text, Span::new(seg_start, np.start)).next().is_none())
            .then_some(clause)
            .filter(|c| !only_openers(text, *c));
        Some((np, clause))
    }

    /// Appositive subject: "X, a former diplomat, said ..." / "Trump, who ..., announced ...".
    /// `left` ends with the comma before the cue. The subject must be a whole noun phrase that
    /// starts its clause.
    pub(super) fn appositive_subject(&self, text: &str, sent: Span, left: Span) -> Option<(Span, Option<Span>)> {
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
                || ["who", "which", "a", "an", "the"].contains(&lowercase(w).as_ref())
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
    pub(super) fn appositive_chain(&self, text: &str, sent: Span, left: Span) -> Option<(Span, Option<Span>, Span)> {
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
        let long = words_of(text, Span::new(parts[0].start, left.end)).nth(30).is_some();
        let first_lower = |p: Span| first_word(text, p).map(|w| w.lower().into_owned()).unwrap_or_default();
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
                    || words_of(text, lead).take(2).count() == 1
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
}
/// True for a word that opens an appositive or relative clause after a name ("a", "who", "the").
pub(super) fn appositive_opener(word: &str) -> bool {
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

/// The subject part of `left` when an aside closes it, and where the source phrase with the
/// aside ends: a parenthesis ("Rep. Gregory Meeks (D-N.Y.)", at most four words, or a role or
/// relative clause of up to 16: "Kasich (who has 25 delegates to date)") or a pair of dashes
/// ("Jason Sims — a teacher from Mount Pleasant —"), then maybe a time phrase ("last week").
pub(super) fn parenthetical_tail(text: &str, left: Span) -> Option<(Span, usize)> {
    // "Dianne Feinstein (D-Calif.) last week said": a time phrase after the parenthesis.
    let words = words_in(text, left);
    let n = words.len();
    let left = if n >= 3
        && time_word(&words[n - 1].lower())
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

/// The comma list ending with `subject` ("Argentina, to Colombia, United State"), when `subject`
/// is a lone capitalised name after a comma: the list runs back over short items (at most four
/// words, each ending with a capitalised word) to the start of the clause.
pub(super) fn list_subject(text: &str, sent: Span, subject: Span) -> Option<Span> {
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

/// The antecedent of a relative pronoun inside a longer clause ("an anomaly for Kaine, who
/// criticized ...", "dozens of women who claim ..."): the name before it (capitalised words), or
/// else its last word when that is a plain noun. It gives the source's name and kind only; the
/// source phrase is the pronoun.
pub(super) fn antecedent_head(text: &str, before: Span) -> Option<Span> {
    let mut words = words_in(text, before);
    // "a letter from his doctor Friday afternoon that says": a time phrase is not the antecedent.
    let n = words.len();
    if n >= 3 && time_word(&words[n - 1].lower()) && {
        let p = words[n - 2].lower();
        WEEKDAYS.contains(&p.as_ref()) || ["last", "this", "on", "that"].contains(&p.as_ref())
    } {
        words.truncate(n - 2);
    }
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
    // "according to a former port commissioner, who said ...": the head noun with its modifiers
    // and article, so the phrase is classified whole (an unnamed commissioner, anonymous).
    let article = words[..n - 1]
        .iter()
        .rev()
        .take(4)
        .position(|w| !plain_noun(w) || w.lower().ends_with("ly"))
        .map(|k| n - 2 - k)
        .filter(|&k| ["a", "an", "another", "one"].contains(&words[k].lower().as_ref()));
    Some(article.map_or(last.span, |k| Span::new(words[k].span.start, last.span.end)))
}

/// The head noun before "of" that ends `before` ("the government of" before "Evo Morales"):
/// an antecedent "X of NAME" is X, not the name.
pub(super) fn of_head(text: &str, before: Span) -> Option<Span> {
    let words = words_in(text, before);
    let n = words.len();
    if n < 2 || words[n - 1].text != "of" {
        return None;
    }
    plain_noun(&words[n - 2]).then_some(words[n - 2].span)
}

/// The relative pronoun ending `left` (the text before a cue), skipping auxiliaries and adverbs
/// ("who has also said").
pub(super) fn relative_pronoun(text: &str, left: Span) -> Option<Span> {
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
pub(super) fn left_subject_opens(text: &str, sent: Span, subject: Span) -> bool {
    only_openers(text, Span::new(sent.start, subject.start.max(sent.start)))
}

/// End of a source phrase starting at `span.start`: the first clause punctuation or quote mark.
pub(super) fn phrase_boundary(text: &str, span: Span) -> usize {
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
                    let title = TITLE_ABBREVIATIONS.contains(&lowercase(token_before).as_ref());
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

/// A recipient phrase right after "told": capitalised words (with "of"/"the" inside) or a plain
/// recipient ("reporters"). Returns the recipient if it may be a source, and where it ends.
pub(super) fn recipient_phrase(text: &str, span: Span) -> (Option<Span>, usize) {
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
