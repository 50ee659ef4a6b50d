//! Resolution: classifies the sources of each attribution, ties references to earlier sources
//! (pronouns, surnames, "the newspaper"), builds the chains (a cue inside another attribution's
//! content inherits its chain) and continues an attribution over the quotations that follow it.

use std::collections::{HashMap, HashSet};

use crate::segment::Quote;
use crate::span::{Span, SpanIndex};

use super::classify::{Reference, strip_article};
use super::content::{after_time_adverbial, content_kind, free_relative_complement, tidy_content};
use super::cue::participle_cue;
use super::extractor::{AttributionExtractor, Ctx, RawAttribution};
use super::model::{Attribution, AttributionKind, Source, SourceKind};
use super::words::{lowercase, possessive};
use crate::text::lexicon::FUNCTION_WORDS;

/// Longest gap (bytes) between an attributed quotation and one that continues it.
const MAX_CONTINUATION_GAP: usize = 120;

/// Capitalised words that open a sentence or a phrase before a surname, never a first name.
const NOT_FIRST_NAMES: [&str; 24] = [
    "In", "On", "At", "For", "But", "And", "As", "With", "By", "From", "To", "Of", "After", "Before", "While", "When",
    "Since", "If", "Then", "So", "That", "This", "Both", "Neither",
];

impl AttributionExtractor {
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
                    && !self.lex.titles.contains(lowercase(w).as_ref())
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

    /// The gender a person source's phrase tells: a pronoun tied to the person, a title ("Ms.
    /// Greenspan"), a gendered role ("spokeswoman") or a very common first name.
    fn gender_of(&self, src: &Source) -> Option<Gender> {
        if src.kind != SourceKind::NamedPerson {
            return None;
        }
        if let Some(g) = pronoun_gender(&src.text) {
            return Some(g);
        }
        for w in src.text.split_whitespace() {
            let l = lowercase(w.trim_matches(|c: char| !c.is_alphanumeric()));
            if FEMALE_WORDS.contains(&l.as_ref()) {
                return Some(Gender::Female);
            }
            if MALE_WORDS.contains(&l.as_ref()) {
                return Some(Gender::Male);
            }
        }
        // A first name only before a surname: a lone "Kelly" may be either.
        src.name.split_whitespace().nth(1)?;
        let first = lowercase(src.name.split_whitespace().next()?);
        if self.lex.female_first_names.contains(first.as_ref()) {
            Some(Gender::Female)
        } else if self.lex.male_first_names.contains(first.as_ref()) {
            Some(Gender::Male)
        } else {
            None
        }
    }

    /// The nearest organisation name in `text` before `end` holding one of `words` (lower-case):
    /// a run of capitalised words ("Coastline Marine Works", "Public Health Agency of Canada"),
    /// not opened by a function word ("The").
    fn organisation_before(&self, text: &str, end: usize, words: &HashSet<String>) -> Option<String> {
        let all: Vec<&str> = text[..end].split_whitespace().collect();
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&').to_owned();
        let name_word = |w: &str| {
            let b = bare(w);
            b.starts_with(char::is_uppercase) && !FUNCTION_WORDS.contains(&lowercase(&b).as_ref())
        };
        // Look back at most 400 words (a few paragraphs).
        let lo = all.len().saturating_sub(400);
        for i in (lo..all.len()).rev() {
            let w = all[i];
            if !name_word(w) || !words.contains(lowercase(&bare(w)).as_ref()) {
                continue;
            }
            // Left over capitalised words not closed by punctuation; right over capitalised words
            // and "of" before one.
            let mut a = i;
            while a > lo && name_word(all[a - 1]) && !all[a - 1].ends_with([',', '.', ';', ':']) {
                a -= 1;
            }
            let mut b = i;
            while !all[b].ends_with([',', '.', ';', ':']) && b + 1 < all.len() {
                if name_word(all[b + 1]) {
                    b += 1;
                } else if all[b + 1] == "of" && all.get(b + 2).is_some_and(|n| name_word(n)) {
                    b += 2;
                } else {
                    break;
                }
            }
            if b == a {
                continue; // a lone "Company" opening a sentence names nothing
            }
            let name: Vec<&str> =
                all[a..=b].iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')).collect();
            let name = name.join(" ");
            return Some(name);
        }
        None
    }

    /// Classifies, resolves and chains the raw attributions, in text order.
    pub(super) fn finish(&self, ctx: &Ctx<'_>, mut raws: Vec<RawAttribution>) -> Vec<Attribution> {
        raws.sort_by_key(|r| r.cue.start);
        raws.dedup_by(|b, a| a.cue == b.cue);
        for r in &mut raws {
            if let Some(first) = r.sources.first() {
                r.content = free_relative_complement(ctx.text, first.span.start, r.content).unwrap_or(r.content);
            }
            r.content = after_time_adverbial(ctx.text, r.cue, r.content);
        }
        let text = ctx.text;
        let mut memory = Memory::default();
        let mut own: Vec<Vec<Source>> = Vec::with_capacity(raws.len());
        for r in &raws {
            let mut chain = Vec::new();
            // Every link is resolved before any is remembered: the recipient of "told" ("The
            // agency told CTV News") is never the antecedent of its own speaker.
            for rs in &r.sources {
                let phrase = rs.span.slice(text);
                let (kind, name, reference) = self.classify(phrase);
                let shown = rs.display.unwrap_or(rs.span);
                let mut src =
                    Source { text: shown.slice(text).to_owned(), span: Some(shown), kind, name, resolved: false };
                memory.resolve(&mut src, reference, &self.lex.organisation_references);
                if reference == Reference::ShortName && !src.resolved && !src.name.contains(char::is_whitespace) {
                    // A surname no earlier source gave in full, named in full earlier in the text
                    // ("Argentina's President Javier Milei had granted ... Milei called it ...").
                    if let Some(full) = self.full_name_before(text, rs.span.start, &src.name) {
                        src.name = full;
                        src.resolved = true;
                    }
                }
                if reference == Reference::Organisation && !src.resolved {
                    // "the company" after a company named in the text but not quoted.
                    let lower = src.name.to_lowercase();
                    let words = self.lex.organisation_references.iter().find(|(r, _)| *r == lower).map(|x| &x.1);
                    if let Some(name) = words.and_then(|w| self.organisation_before(text, rs.span.start, w)) {
                        src.name = name;
                        src.resolved = true;
                    } else {
                        src.name = strip_article(&src.name);
                    }
                }
                chain.push(src);
            }
            for src in &chain {
                memory.remember(src, self.gender_of(src));
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
        relay_participles(text, &mut raws, &mut own, &mut parent);
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
                cue_type: r.cue_type,
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
/// Participles that relay a source after a speech tag ("..., the Ledger reported, citing
/// interviews with local boat owners").
const RELAY_PARTICIPLES: [&str; 2] = ["citing", "quoting"];

/// A relaying participle right after a speech tag ("Fees rose, the Ledger reported, citing
/// interviews with local boat owners") names the source the tag's speaker relays: the
/// participle's attribution takes the tag's content and the chain [speaker, cited source],
/// and the tag keeps its own chain instead of being nested in the participle's content.
fn relay_participles(text: &str, raws: &mut [RawAttribution], own: &mut [Vec<Source>], parent: &mut [Option<usize>]) {
    for c in 0..raws.len() {
        let Some(p) = parent[c] else { continue };
        let (tag, relay) = (&raws[c], &raws[p]);
        if !RELAY_PARTICIPLES.iter().any(|w| relay.cue.slice(text).eq_ignore_ascii_case(w))
            || relay.cue.start < tag.cue.end
        {
            continue;
        }
        // Only the tag (its source, its cue, and its content when that follows the cue: "the
        // Ledger reported that fees rose, citing ..."), a comma and spaces before the participle.
        let tag_end =
            tag.sources.iter().map(|s| s.span.end).chain([tag.cue.end, tag.content.end]).max().unwrap_or(tag.cue.end);
        if tag_end > relay.cue.start || !text[tag_end..relay.cue.start].trim().eq(",") {
            continue;
        }
        let content = tag.content;
        let mut chain = own[c].clone();
        chain.extend(own[p].iter().cloned());
        own[p] = chain;
        raws[p].content = content;
        parent[c] = parent[p];
    }
}

/// A person's gender as a pronoun tells it ("he", "she").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// The gender a pronoun source names.
fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match lowercase(pronoun).as_ref() {
        "she" | "her" => Some(Gender::Female),
        "he" | "him" => Some(Gender::Male),
        _ => None,
    }
}

/// Words of a person's source phrase that tell the gender: a title or a gendered role.
const FEMALE_WORDS: [&str; 8] =
    ["mrs", "ms", "miss", "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "madam"];
/// See [`FEMALE_WORDS`].
const MALE_WORDS: [&str; 6] = ["mr", "spokesman", "chairman", "businessman", "congressman", "sir"];

/// What earlier attributions named, for resolving later references: the persons in order of
/// their last mention (with the gender a title, a first name or a pronoun tied to them tells),
/// the most recent source of each other sort, and full person names by surname.
#[derive(Debug, Default)]
struct Memory {
    /// Most recent last.
    persons: Vec<(Source, Option<Gender>)>,
    group: Option<Source>,
    /// The most recent organisation, outlet or document: what "it" refers to.
    thing: Option<Source>,
    /// Organisations and outlets, most recent last.
    organisations: Vec<Source>,
    outlet: Option<Source>,
    document: Option<Source>,
    by_surname: HashMap<String, Source>,
}

impl Memory {
    fn remember(&mut self, s: &Source, gender: Option<Gender>) {
        match s.kind {
            SourceKind::NamedPerson => {
                let old = self.persons.iter().position(|(p, _)| p.name == s.name);
                let known = old.and_then(|i| self.persons.remove(i).1);
                self.persons.push((s.clone(), gender.or(known)));
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
                if matches!(s.kind, SourceKind::NewsOutlet | SourceKind::Organisation | SourceKind::Document) {
                    self.thing = Some(s.clone());
                }
                if matches!(s.kind, SourceKind::NewsOutlet | SourceKind::Organisation) {
                    self.organisations.retain(|o| o.name != s.name);
                    self.organisations.push(s.clone());
                }
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

    /// The nearest earlier person a pronoun of `gender` may refer to: the most recent one whose
    /// gender is not known to differ (none when every earlier person's differs).
    fn person(&self, gender: Option<Gender>) -> Option<&Source> {
        self.persons.iter().rev().find(|(_, g)| gender.is_none() || g.is_none() || *g == gender).map(|(p, _)| p)
    }

    /// The nearest earlier organisation or outlet whose name holds one of `words`.
    fn organisation(&self, words: &HashSet<String>) -> Option<&Source> {
        self.organisations.iter().rev().find(|o| name_holds(&o.name, words))
    }

    /// Resolves `src` and returns the gender it was tied with, when a pronoun tells it.
    fn resolve(&mut self, src: &mut Source, reference: Reference, kinds: &[(String, HashSet<String>)]) {
        let gender = pronoun_gender(&src.name);
        let found = match reference {
            Reference::None => None,
            Reference::Person => self.person(gender),
            // "it" is an organisation, outlet or document; "they" any group.
            Reference::Group if lowercase(&src.name) == "it" => self.thing.as_ref().or(self.group.as_ref()),
            Reference::Group => self.group.as_ref(),
            Reference::Outlet => self.outlet.as_ref(),
            Reference::Document => self.document.as_ref(),
            Reference::Organisation => {
                let lower = src.name.to_lowercase();
                kinds.iter().find(|(r, _)| *r == lower).and_then(|(_, words)| self.organisation(words))
            }
            Reference::ShortName if !src.name.contains(char::is_whitespace) => self.by_surname.get(&src.name),
            Reference::ShortName => None,
        };
        if let Some(f) = found {
            src.kind = f.kind;
            src.name = f.name.clone();
            src.resolved = true;
            // An earlier pronoun tied to the same person tells the gender for later ones.
            if let (Some(g), Some(entry)) = (gender, self.persons.iter_mut().rev().find(|(p, _)| p.name == src.name)) {
                entry.1 = entry.1.or(Some(g));
            }
        }
    }
}

/// True when a word of `name` (lower-cased, without punctuation) is one of `words`.
fn name_holds(name: &str, words: &HashSet<String>) -> bool {
    name.split_whitespace().any(|w| words.contains(lowercase(w.trim_matches(|c: char| !c.is_alphanumeric())).as_ref()))
}
