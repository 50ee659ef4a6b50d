//! Cues: decides whether a cue match reports speech (not negated, not a noun, not an action on
//! a plain object), where its source and content lie ("X said ...", "..., said X", "X told Y
//! ...", "according to X"), and how far the cue span reaches (auxiliaries, adverbs, "in a
//! statement").

use crate::config::CueKind;
use crate::span::{Span, trim_span};
use crate::text::lexicon::BE_FORMS;

use super::content::{
    CONTENT_TRIM, TAIL_ADJUNCTS, characterisation, extend_over_quotes, first_comma_outside_quotes, preceding_quote,
    scare_quote_comma, strip_final_period, tidy_content,
};
use super::extractor::{AttributionExtractor, Ctx, CueEntry, RawAttribution, RawSource};
use super::model::CueType;
use super::subject::{
    INTERJECTIONS, antecedent_head, appositive_opener, left_subject_opens, list_subject, of_head, parenthetical_tail,
    phrase_boundary, recipient_phrase, relative_pronoun,
};
use super::words::{
    FINITE_VERBS, GROUP_PRONOUNS, NOUN_MARKERS, PERSON_PRONOUNS, SOURCE_OPENERS, WORD_END_CLOSERS, Word, cue_adverb,
    cue_left_word, first_word, lowercase, only_openers, words_in, words_of,
};

/// Longest source phrase after "according to", in words: a document or poll is named with its
/// provenance ("early results of exit polls conducted for The Associated Press and television
/// networks by Edison Research").
const MAX_PREPOSITIONAL_SOURCE_WORDS: usize = 20;

/// Most words after a speech tag's "told" read as its addressee and adjuncts ("told a crowd in
/// Berea, Ohio Tuesday night").
const MAX_ADDRESSEE_WORDS: usize = 12;

/// Words before a cue searched for a negation ("did not say").
const CUE_NEGATION_WINDOW: usize = 2;

/// Participles that end a subject phrase rather than make the cue a noun ("those polled said",
/// "most voters surveyed said", "officials involved said").
const SUBJECT_PARTICIPLES: [&str; 9] =
    ["polled", "surveyed", "interviewed", "questioned", "asked", "contacted", "involved", "concerned", "affected"];

/// The medium after "said by" ("said by telephone"): not a passive agent.
const MEDIA: [&str; 8] = ["telephone", "phone", "email", "e-mail", "text", "video", "videoconference", "letter"];

/// Cue verbs that also name actions on a plain object (see `attribute`).
const ACTION_CUES: [&str; 5] = ["seeks", "seeking", "sought", "ordered", "requested"];

impl AttributionExtractor {
    pub(super) fn attribute(&self, ctx: &Ctx<'_>, sent: Span, cue: Span, entry: CueEntry) -> Option<RawAttribution> {
        let text = ctx.text;
        let before_words = ctx.words_in(Span::new(sent.start, cue.start));
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
        if ACTION_CUES.contains(&lowercase(cue_text).as_ref()) {
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
            && !["said", "told", "wrote", "found", "thought", "knew", "sought"].contains(&lowercase(cue_text).as_ref());
        let after_pronoun = before_words.last().is_some_and(|w| {
            ["he", "she", "they", "we", "i", "you", "it", "who"].contains(&lowercase(w.text).as_ref())
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
                let l = lowercase(w.text);
                FINITE_VERBS.contains(&l.as_ref()) && !["be", "being"].contains(&l.as_ref())
            })
        {
            return None;
        }
        // "Tuesday's warning about rates", "a stern warning about the storm": a cue word in a noun
        // phrase reports no speech; with a "that" clause it still attributes the clause ("Trump's
        // claim that there have been ...", as PolNeAR marks it).
        if entry.kind != CueKind::Preposition
            && noun_by_its_determiner(&before_words)
            && first_word(text, Span::new(cue.end, sent.end)).is_none_or(|w| w.lower() != "that")
        {
            return None;
        }
        // "knew him", "knew the area well": knowing a person or a place is no belief reported;
        // "knew the deal was in trouble" is.
        if KNOW_CUES.contains(&lowercase(cue_text).as_ref())
            && plain_object(&words_in(text, Span::new(cue.end, sent.end)))
        {
            return None;
        }
        let mut raw = match entry.kind {
            CueKind::Preposition => self.prepositional(ctx, sent, cue)?,
            CueKind::Verb | CueKind::VerbRecipient => {
                // "Bolton distanced himself by saying ...", "after saying ...": a gerund after a
                // preposition of means or time is the clause subject's speech, not a noun.
                let gerund = participle_cue(&lowercase(cue_text))
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
                if aux.is_some_and(|a| BE_FORMS.contains(&a.lower().as_ref()) && !participle_cue(&lowercase(cue_text)))
                {
                    return None;
                }
                self.verbal(ctx, sent, cue, entry.kind == CueKind::VerbRecipient)?
            }
        };
        raw.cue_type = entry.cue_type;
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
            raw.cue = widen_cue(ctx, sent, raw.cue, raw.content, &raw.sources);
            // "warned of a recession", "joked about the crowd", "agreed with the senator": the
            // preposition introducing the topic belongs to the cue, its object is the content
            // (train: 59 of 65 such cues hold it). Not after "say" ("said of the plan: ..."),
            // where annotators are split.
            let say = ["said", "says", "say"].contains(&lowercase(cue_text).as_ref());
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
        if src.is_empty() || words_of(text, src).nth(MAX_PREPOSITIONAL_SOURCE_WORDS).is_some() {
            return None;
        }
        let before = Span::new(sent.start, cue.start);
        let content = if only_openers(text, before) { Span::new(src_end, sent.end) } else { before };
        Some(RawAttribution {
            cue,
            sources: vec![RawSource { span: src, display: None }],
            content,
            tail: None,
            cue_type: CueType::Reported,
        })
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
                return Some(RawAttribution { cue, sources: chain, content, tail: None, cue_type: CueType::Speech });
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
            let short = np.filter(|np| words_of(text, *np).nth(4).is_none());
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
            let (np, display) = self.clause_subject(ctx, sent, cue)?;
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
            let mut w = rest_str.split_whitespace().map(lowercase);
            let (a, b) = (w.next().unwrap_or_default(), w.next().unwrap_or_default());
            ASKED_OPENERS.contains(&a.as_ref()) && ["asked", "pressed", "questioned"].contains(&b.as_ref())
        };
        let ends_here = rest_str.is_empty()
            || rest_str.starts_with('.')
            || lone_adverb()
            || question_adjunct()
            || rest_str.starts_with(',') && (clause_before.is_some() || words_of(text, rest).nth(1).is_none());
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
        // "“...,” Kasich told a crowd in Berea, Ohio, on Tuesday night.": after a speech tag, the
        // words after "told" are its addressee and adjuncts, not what was said: a short rest with
        // no verb, "that" or quotation of its own leaves the content before the tag.
        let addressee_only =
            recipient && clause_before.is_some() && !rest_str.contains(['"', '\u{201c}', '\u{201d}']) && {
                let ws = words_in(text, rest);
                ws.len() <= MAX_ADDRESSEE_WORDS
                    && !ws.iter().any(|w| {
                        let l = w.lower();
                        let b = l.trim_end_matches(|c: char| !c.is_alphanumeric());
                        b == "that" || FINITE_VERBS.contains(&b)
                    })
            };
        let content = if let Some(i) = that_clause {
            Span::new(rest.start + i + 1, content_end(rest.start + i + 1))
        } else if ends_here || addressee_only || (starts_with_adverbial(rest_str) && clause_before.is_some()) {
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
        Some(RawAttribution { cue, sources, content, tail, cue_type: CueType::Speech })
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
}

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

/// Prepositions introducing a cue's topic ("warned of", "joked about").
const CUE_PREPOSITIONS: [&str; 5] = ["of", "about", "with", "for", "against"];

/// Phrases a cue span takes in on its right ("said in a statement").
/// "in an interview" is left out: PolNeAR's annotators split on it (train: 18 cues with it, 25
/// without), while "in a statement" is mostly inside the cue (46 to 21).
const CUE_RIGHT: [&str; 4] = [" in a statement", " in an email", " in a tweet", " in a written statement"];

/// The cue span with its auxiliaries and adverbs ("has repeatedly said") and a medium phrase
/// ("said in a statement"), never reaching into the content or a source phrase.
fn widen_cue(ctx: &Ctx<'_>, sent: Span, cue: Span, content: Span, sources: &[RawSource]) -> Span {
    let text = ctx.text;
    let mut c = cue;
    let before = ctx.words_in(Span::new(sent.start, cue.start));
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

/// Adjectives that put a cue word in a noun phrase after a determiner ("a stern warning that
/// ...", "the latest report").
const NOUN_ADJECTIVES: [&str; 30] = [
    "stern", "stark", "dire", "grim", "fresh", "latest", "final", "repeated", "earlier", "previous", "public",
    "formal", "official", "written", "explicit", "clear", "strong", "similar", "blunt", "rare", "unusual", "urgent",
    "early", "first", "second", "last", "initial", "recent", "new", "further",
];

/// Determiners and possessives before such an adjective.
const NOUN_DETERMINERS: [&str; 12] =
    ["a", "an", "the", "his", "her", "their", "its", "this", "that", "our", "my", "your"];

/// Contractions of "is" or "has" that look like possessives ("he's warning").
const S_CONTRACTIONS: [&str; 10] =
    ["he's", "she's", "it's", "that's", "there's", "who's", "what's", "here's", "where's", "let's"];

/// True when the words before a cue make it a noun: a possessive right before it ("Tuesday's
/// warning", "Trump's claims"), or a determiner and an adjective ("a stern warning that ...").
fn noun_by_its_determiner(before: &[Word<'_>]) -> bool {
    let Some(last) = before.last() else { return false };
    let l = last.lower().replace('\u{2019}', "'");
    if l.ends_with("'s") && l.len() > 2 && !S_CONTRACTIONS.contains(&l.as_str()) {
        return true;
    }
    before.len() >= 2
        && !last.text.ends_with(|c: char| !c.is_alphanumeric())
        && NOUN_ADJECTIVES.contains(&l.as_str())
        && NOUN_DETERMINERS.contains(&before[before.len() - 2].lower().as_ref())
}

/// Cue verbs of knowing, which also take a person or a place as a plain object.
const KNOW_CUES: [&str; 3] = ["know", "knows", "knew"];

/// Object pronouns: "knew him".
const OBJECT_PRONOUNS: [&str; 5] = ["him", "her", "them", "me", "us"];

/// Words closing a plain object ("knew the area well", "knew him from ...").
const OBJECT_CLOSERS: [&str; 8] = ["well", "from", "since", "for", "as", "personally", "better", "little"];

/// True when the words after a cue are a plain object, not a clause: an object pronoun ("knew him
/// ..."), or a determiner and at most three words without a verb that end the clause or come
/// before a word like "well" or "from" ("knew the area well", "knew the risks.").
fn plain_object(after: &[Word<'_>]) -> bool {
    let Some(first) = after.first() else { return false };
    let f = first.lower();
    let bare = f.trim_end_matches(|c: char| !c.is_alphanumeric());
    if OBJECT_PRONOUNS.contains(&bare) && (bare != "her" || after.len() == 1 || first.text.len() > bare.len()) {
        return true;
    }
    if !NOUN_DETERMINERS.contains(&f.as_ref()) {
        return false;
    }
    for (i, w) in after.iter().enumerate().skip(1).take(3) {
        let l = w.lower();
        let b = l.trim_end_matches(|c: char| !c.is_alphanumeric());
        if FINITE_VERBS.contains(&b) {
            return false;
        }
        if i > 1 && OBJECT_CLOSERS.contains(&b) {
            return true;
        }
        if w.text.ends_with(['.', ',', ';', '!', '?']) {
            return true;
        }
    }
    false
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
        l == "not" || l == "never" || l.ends_with("n't") || lowercase(w.text).ends_with("n\u{2019}t")
    });
    // "fled without telling his advisers": a speech act said not to have happened.
    let without = clause.iter().take(2).any(|w| w.lower() == "without");
    // "Neither X nor Y has commented", "Nobody said": the whole clause is negated.
    near || without
        || clause.iter().map(|w| w.lower()).any(|l| ["neither", "nor", "nobody", "none"].contains(&l.as_ref()))
}

/// True when most words before a cue are capitalised: a title-case headline ("Bernie Sanders
/// Says He Has Started Writing"), where a capitalised cue is still a verb.
fn title_case(before: &[Word<'_>]) -> bool {
    let long: Vec<&Word<'_>> = before.iter().filter(|w| w.bare().len() > 3).collect();
    !long.is_empty() && long.iter().all(|w| w.capitalised())
}

/// True for a participle cue ("saying", "referring to", "pointing out"): its verb, the first
/// word, ends in "-ing".
pub(super) fn participle_cue(cue: &str) -> bool {
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

fn starts_with_adverbial(rest: &str) -> bool {
    let mut words = rest.split_whitespace().map(lowercase);
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let time_noun = ["week", "month", "year", "morning", "afternoon", "evening", "weekend"]
        .contains(&second.trim_end_matches([',', '.']));
    ["on", "in", "at", "during", "via", "without", "through", "while", "earlier", "later", "yesterday", "today"]
        .contains(&first.as_ref())
        || (first == "this" || first == "last") && time_noun
        || first == "by" && MEDIA.contains(&second.trim_end_matches([',', '.']))
}

/// Words before a clause-initial "asked" ("When asked about ...").
pub(super) const ASKED_OPENERS: [&str; 5] = ["when", "after", "once", "if", "while"];
