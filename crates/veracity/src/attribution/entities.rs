//! Entities: the mentions of one entity in an article share one canonical `Source::name`, so
//! that source summaries, profiles and corroboration count it once.
//!
//! Mentions fold when their names are equal once determiners, case and accents are set aside
//! ("an internal audit", "the audit", "Audit"), and a shorter name folds into the one fuller name
//! it ends ("the audit" into "internal audit", "the Ledger" into "Riverton Ledger", "Doyle" into
//! "Jane Doyle"); a shorter name that ends two different fuller ones ("Trump" with "Donald Trump"
//! and "Melania Trump") stays as written. The entity's name is its fullest mention without its
//! determiner, a word written in lower case in any mention kept in lower case ("internal audit",
//! not "Internal audit"). Unnamed sources fold when their words are equal, and a definite
//! description folds into the one earlier indefinite mention holding its words and its head noun
//! ("the former commissioner" after "a former port commissioner"), also when no earlier source
//! resolved it.
//!
//! A mention of the article's own outlet ([`crate::Article::outlet`]: "the Ledger" in a story
//! of "The Riverton Ledger") is the author's voice: its kind becomes [`SourceKind::Author`] and its
//! name the outlet's, so it joins the author in the source summaries. The link stays in the chain
//! (its span is still the phrase that names the outlet), so that a chain such as "the Ledger
//! reported, citing local boat owners" still shows who relays whom.

use std::collections::HashMap;

use super::model::{Attribution, Source, SourceKind};

/// Words dropped at the start of a name before comparing.
const DETERMINERS: [&str; 7] = ["the", "a", "an", "this", "that", "these", "those"];

/// Which kinds may name one entity: a person; an organisation or an outlet (news copy calls an
/// outlet both); a document. Unnamed sources fold only when their words are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    Person,
    Group,
    Document,
    Unnamed,
}

fn class(kind: SourceKind) -> Option<Class> {
    match kind {
        SourceKind::NamedPerson => Some(Class::Person),
        SourceKind::Organisation | SourceKind::NewsOutlet => Some(Class::Group),
        SourceKind::Document => Some(Class::Document),
        SourceKind::Anonymous | SourceKind::Vague => Some(Class::Unnamed),
        SourceKind::Author | SourceKind::Unresolved => None,
    }
}

/// The class a mention is compared in: its kind's, or unnamed for a definite description no
/// earlier source resolved ("the former commissioner"), which may refer to an unnamed source.
fn mention_class(s: &Source) -> Option<Class> {
    class(s.kind).or_else(|| {
        let definite = s
            .name
            .split_whitespace()
            .next()
            .is_some_and(|w| ["the", "this", "that"].iter().any(|d| w.eq_ignore_ascii_case(d)));
        (s.kind == SourceKind::Unresolved && definite && s.name.split_whitespace().nth(1).is_some())
            .then_some(Class::Unnamed)
    })
}

/// A Latin letter without its accent ("á" -> "a"), for comparing "Nicolás" with "Nicolas".
fn base_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// The words a name is compared by: lower case, without accents, the determiner and the
/// punctuation around words ("The Riverton Ledger" -> ["riverton", "ledger"]).
fn key_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .flat_map(char::to_lowercase)
                .map(base_letter)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && DETERMINERS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

/// The key that identifies an entity by its name across articles: its words in lower case,
/// without accents and without a determiner ("An internal audit" and "internal audit" share one).
pub(crate) fn entity_key(name: &str) -> String {
    let words = key_words(name);
    if words.is_empty() { name.to_lowercase() } else { words.join(" ") }
}

/// True when `name` opens with a determiner ("An internal audit", "the Ledger").
pub(crate) fn opens_with_determiner(name: &str) -> bool {
    without_determiner(name).len() < name.trim().len()
}

/// `name` without its determiner ("An internal audit" -> "internal audit").
fn without_determiner(name: &str) -> &str {
    let trimmed = name.trim();
    if let Some((first, rest)) = trimmed.split_once(char::is_whitespace) {
        if DETERMINERS.iter().any(|d| first.eq_ignore_ascii_case(d)) && !rest.trim().is_empty() {
            return rest.trim_start();
        }
    }
    trimmed
}

/// True when `short` is a proper suffix of `long`, word by word.
fn proper_suffix(short: &[String], long: &[String]) -> bool {
    short.len() < long.len() && long.ends_with(short)
}

/// One entity: its mentions' distinct names, the fullest first seen, and its kind.
#[derive(Debug)]
struct Entity {
    class: Class,
    key: Vec<String>,
    names: Vec<String>,
    kind: SourceKind,
}

/// Gives every mention of one entity in `attributions` the same name (see the module docs), and
/// the mentions of the article's own `outlet` the author's kind and name.
pub(crate) fn unify_sources(attributions: &mut [Attribution], outlet: Option<&str>) {
    // The distinct (class, key) of the article, in text order, with the names that spell them.
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<(Class, Vec<String>), usize> = HashMap::new();
    for s in attributions.iter().flat_map(|a| a.sources.iter()) {
        let Some(class) = mention_class(s) else { continue };
        let key = key_words(&s.name);
        if key.is_empty() {
            continue;
        }
        let i = *index.entry((class, key.clone())).or_insert_with(|| {
            entities.push(Entity { class, key, names: Vec::new(), kind: s.kind });
            entities.len() - 1
        });
        if !entities[i].names.contains(&s.name) {
            entities[i].names.push(s.name.clone());
        }
    }
    // Each entity's target: itself, or the one fuller entity of its class whose key it ends.
    // Unnamed sources ("officials", "senior officials") are not folded by their last words.
    let target: Vec<usize> = (0..entities.len())
        .map(|i| {
            let e = &entities[i];
            if e.class == Class::Unnamed {
                return antecedent(&entities, i).unwrap_or(i);
            }
            let mut fuller = (0..entities.len()).filter(|&j| {
                let f = &entities[j];
                f.class == e.class && proper_suffix(&e.key, &f.key)
            });
            // The fullest of those that end it, when they all end one another (one entity).
            let Some(first) = fuller.next() else { return i };
            let mut best = first;
            for j in fuller {
                let (a, b) = (&entities[best].key, &entities[j].key);
                if proper_suffix(a, b) {
                    best = j;
                } else if !proper_suffix(b, a) {
                    return i;
                }
            }
            best
        })
        .collect();
    let own = outlet.map(key_words).filter(|k| !k.is_empty());
    let mut renamed: HashMap<(Class, &str), (SourceKind, String)> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let t = &entities[target[i]];
        let spellings: Vec<&String> =
            (0..entities.len()).filter(|&j| target[j] == target[i]).flat_map(|j| entities[j].names.iter()).collect();
        // The article's own outlet: the outlet's name, or a capitalised name it ends ("the
        // Ledger" in "The Riverton Ledger"; not "the press" in "The Canadian Press").
        let is_own = own.as_ref().is_some_and(|k| {
            matches!(e.class, Class::Group | Class::Person)
                && (t.key == *k
                    || proper_suffix(&t.key, k)
                        && spellings.iter().all(|n| without_determiner(n).starts_with(char::is_uppercase)))
        });
        let (kind, name) = if is_own {
            (SourceKind::Author, outlet.unwrap_or_default().to_owned())
        } else if spellings.len() < 2 {
            continue;
        } else {
            (t.kind, canonical_name(&spellings))
        };
        for n in &e.names {
            renamed.insert((e.class, n.as_str()), (kind, name.clone()));
        }
    }
    if renamed.is_empty() {
        return;
    }
    let renamed: HashMap<(Class, String), (SourceKind, String)> =
        renamed.into_iter().map(|((c, n), v)| ((c, n.to_owned()), v)).collect();
    for a in attributions.iter_mut() {
        for s in &mut a.sources {
            let Some(c) = mention_class(s) else { continue };
            let Some((kind, name)) = renamed.get(&(c, s.name.clone())) else { continue };
            // The name comes from another mention when its words differ (not only by a
            // determiner, case or accents).
            if key_words(name) != key_words(&s.name) {
                s.resolved = true;
            }
            s.kind = *kind;
            s.name.clone_from(name);
        }
        a.anonymous = a.sources.iter().any(|s| s.kind.is_unnamed());
    }
}

/// The earlier unnamed entity a definite unnamed mention refers to: "the former commissioner"
/// after "a former port commissioner". The earlier mention opens with "a" or "an", holds every
/// word of the later one and ends with the same head noun, and it is the only such mention before
/// it; otherwise ("the official" after "an official of the port" and "an official of the city")
/// the mention stays its own entity.
fn antecedent(entities: &[Entity], i: usize) -> Option<usize> {
    let e = &entities[i];
    let opens = |n: &str, words: &[&str]| {
        n.split_whitespace().next().is_some_and(|w| words.iter().any(|d| w.eq_ignore_ascii_case(d)))
    };
    if !e.names.iter().any(|n| opens(n, &["the", "this", "that"])) {
        return None;
    }
    let head = e.key.last()?;
    let mut found = None;
    for (j, f) in entities[..i].iter().enumerate() {
        if f.class == Class::Unnamed
            && f.key.len() > e.key.len()
            && f.key.last() == Some(head)
            && e.key.iter().all(|w| f.key.contains(w))
            && f.names.iter().any(|n| opens(n, &["a", "an"]))
        {
            if found.is_some() {
                return None;
            }
            found = Some(j);
        }
    }
    found
}

/// The entity's name: its fullest spelling without its determiner (most words; among equals, one
/// that opens in lower case, else the first seen), its first word in lower case when a spelling
/// opens with that word in lower case ("Audit" and "the audit" give "audit": capitals at a
/// sentence start or in a headline are not part of a common noun).
fn canonical_name(spellings: &[&String]) -> String {
    let words = |n: &str| n.split_whitespace().count();
    let mut best: &str = "";
    for n in spellings {
        let n = without_determiner(n);
        let lower = n.starts_with(char::is_lowercase) && !best.starts_with(char::is_lowercase);
        if words(n) > words(best) || words(n) == words(best) && lower {
            best = n;
        }
    }
    let (first, rest) = best.split_once(' ').unwrap_or((best, ""));
    let lower_first = first.starts_with(char::is_uppercase)
        && spellings.iter().any(|s| {
            let w = without_determiner(s).split_whitespace().next().unwrap_or("");
            w.starts_with(char::is_lowercase) && w.to_lowercase() == first.to_lowercase()
        });
    match (lower_first, rest.is_empty()) {
        (false, _) => best.to_owned(),
        (true, true) => first.to_lowercase(),
        (true, false) => format!("{} {rest}", first.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::Source;
    use crate::span::Span;

    #[test]
    fn key_words_drop_determiner_case_accents_and_punctuation() {
        let rows: &[(&str, &[&str])] = &[
            ("The Riverton Ledger", &["riverton", "ledger"]),
            ("an internal audit", &["internal", "audit"]),
            ("Nicolás Maduro", &["nicolas", "maduro"]),
            ("AS/COA's", &["as/coa's"]),
            // A determiner alone is the name itself.
            ("This", &["this"]),
        ];
        for (name, want) in rows {
            assert_eq!(key_words(name), *want, "{name:?}");
        }
    }

    #[test]
    fn canonical_names() {
        let rows: &[(&[&str], &str)] = &[
            (&["Audit", "An internal audit", "audit"], "internal audit"),
            (&["Audit", "audit"], "audit"),
            (&["Prosecutors", "prosecutors"], "prosecutors"),
            (&["Northwestern University", "the university"], "Northwestern University"),
            (&["Doyle", "Jane Doyle"], "Jane Doyle"),
            (&["Ledger", "Riverton Ledger"], "Riverton Ledger"),
        ];
        for (spellings, want) in rows {
            let owned: Vec<String> = spellings.iter().map(|s| (*s).to_owned()).collect();
            let refs: Vec<&String> = owned.iter().collect();
            assert_eq!(canonical_name(&refs), *want, "{spellings:?}");
        }
    }

    fn source(name: &str, kind: SourceKind, at: usize) -> Source {
        Source {
            text: name.to_owned(),
            span: Some(Span::new(at, at + name.len())),
            kind,
            name: name.to_owned(),
            resolved: false,
        }
    }

    fn attribution(sources: Vec<Source>) -> Attribution {
        Attribution {
            cue: "said".to_owned(),
            cue_span: Span::new(0, 4),
            sources,
            content: Span::new(0, 4),
            kind: crate::attribution::AttributionKind::Indirect,
            cue_type: crate::attribution::CueType::Speech,
            anonymous: false,
        }
    }

    #[test]
    fn unify_folds_by_class_and_keeps_ambiguous_surnames() {
        let mut atts = vec![
            attribution(vec![source("Donald Trump", SourceKind::NamedPerson, 0)]),
            attribution(vec![source("Melania Trump", SourceKind::NamedPerson, 20)]),
            attribution(vec![source("Trump", SourceKind::NamedPerson, 40)]),
            attribution(vec![source("the Ledger", SourceKind::Organisation, 60)]),
            attribution(vec![source("The Riverton Ledger", SourceKind::NewsOutlet, 80)]),
            // A document never folds into an organisation of the same words.
            attribution(vec![source("Ledger", SourceKind::Document, 100)]),
        ];
        for a in &mut atts {
            for s in &mut a.sources {
                if s.name.starts_with("the ") || s.name.starts_with("The ") {
                    s.name = s.name[4..].to_owned();
                }
            }
        }
        unify_sources(&mut atts, None);
        let got: Vec<(&str, SourceKind, bool)> =
            atts.iter().map(|a| (a.sources[0].name.as_str(), a.sources[0].kind, a.sources[0].resolved)).collect();
        assert_eq!(
            got,
            [
                ("Donald Trump", SourceKind::NamedPerson, false),
                ("Melania Trump", SourceKind::NamedPerson, false),
                ("Trump", SourceKind::NamedPerson, false),
                ("Riverton Ledger", SourceKind::NewsOutlet, true),
                ("Riverton Ledger", SourceKind::NewsOutlet, false),
                ("Ledger", SourceKind::Document, false),
            ]
        );
        // The article's own outlet: the author, named as the article names its outlet.
        unify_sources(&mut atts, Some("The Riverton Ledger"));
        assert!(atts[3..5].iter().all(|a| a.sources[0].kind == SourceKind::Author
            && a.sources[0].name == "The Riverton Ledger"
            && !a.anonymous));
        assert_eq!(atts[5].sources[0].kind, SourceKind::Document);
    }

    /// A definite unnamed mention folds into the one earlier indefinite mention that holds its
    /// words and ends with its head noun.
    #[test]
    fn definite_unnamed_mentions_fold_into_their_antecedent() {
        let anon = |name: &str, at: usize| attribution(vec![source(name, SourceKind::Anonymous, at)]);
        // (mentions in text order, expected (name, resolved) of each)
        type Row = (&'static [&'static str], &'static [(&'static str, bool)]);
        let rows: &[Row] = &[
            (
                &["a former port commissioner", "the former commissioner"],
                &[("former port commissioner", false), ("former port commissioner", true)],
            ),
            (
                &["an official who was present in court", "the official"],
                &[("an official who was present in court", false), ("the official", false)],
            ),
            // Two candidates: the reference stays its own.
            (
                &["a port official", "a city official", "the official"],
                &[("a port official", false), ("a city official", false), ("the official", false)],
            ),
            // The definite mention comes first: nothing to refer back to.
            (
                &["the commissioner", "a former commissioner"],
                &[("the commissioner", false), ("a former commissioner", false)],
            ),
            // No determiner: "officials" is not "senior officials".
            (&["senior officials", "officials"], &[("senior officials", false), ("officials", false)]),
        ];
        for (names, want) in rows {
            let mut atts: Vec<Attribution> = names.iter().enumerate().map(|(i, n)| anon(n, i * 40)).collect();
            unify_sources(&mut atts, None);
            let got: Vec<(&str, bool)> =
                atts.iter().map(|a| (a.sources[0].name.as_str(), a.sources[0].resolved)).collect();
            assert_eq!(got, *want, "{names:?}");
            assert!(atts.iter().all(|a| a.sources[0].kind == SourceKind::Anonymous));
        }
    }

    /// A definite description no earlier source resolved takes the unnamed source it refers to,
    /// and its kind; with none before it, it stays unresolved.
    #[test]
    fn unresolved_definite_mentions_find_their_unnamed_antecedent() {
        let mut atts = vec![
            attribution(vec![source("a former port commissioner", SourceKind::Anonymous, 0)]),
            attribution(vec![source("the former commissioner", SourceKind::Unresolved, 60)]),
            attribution(vec![source("he", SourceKind::Unresolved, 90)]),
        ];
        unify_sources(&mut atts, None);
        let got: Vec<(&str, SourceKind, bool)> =
            atts.iter().map(|a| (a.sources[0].name.as_str(), a.sources[0].kind, a.sources[0].resolved)).collect();
        assert_eq!(
            got,
            [
                ("former port commissioner", SourceKind::Anonymous, false),
                ("former port commissioner", SourceKind::Anonymous, true),
                ("he", SourceKind::Unresolved, false),
            ]
        );
        let mut alone = vec![attribution(vec![source("the former commissioner", SourceKind::Unresolved, 0)])];
        unify_sources(&mut alone, None);
        assert_eq!(alone[0].sources[0].kind, SourceKind::Unresolved);
        assert_eq!(alone[0].sources[0].name, "the former commissioner");
    }
}
