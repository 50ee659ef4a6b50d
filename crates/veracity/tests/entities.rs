//! One source per entity in an article, relayed chains, and photo captions, with hand-written
//! expectations: the mentions of one entity share one canonical name (determiners, case,
//! accents and a shorter name ending a fuller one folded), the article's own outlet is the
//! author's voice, "X reported, citing Y" is the chain [X, Y], "what officials described as Y"
//! attributes Y, "said Tuesday that X" attributes "that X", and a caption ("... Jan. 10 Getty Images") is neither a claim nor an attribution.

mod common;
use common::{seed, text};
use veracity::{Analysis, Analyzer, Article, Corpus, CorroborationOptions, ParagraphKind, SourceKind, corroborate};

fn with_outlet(t: &str, outlet: &str) -> Analysis {
    Analyzer::default().analyze(&Article::new(t).with_outlet(outlet)).expect("analysis")
}

/// Every source link of the article as (text as written, canonical name, kind), in text order,
/// each phrase once.
fn mentions(a: &Analysis) -> Vec<(String, String, SourceKind)> {
    let mut out: Vec<(usize, String, String, SourceKind)> = Vec::new();
    for s in a.attributions().iter().flat_map(|x| x.sources.iter()) {
        let Some(span) = s.span else { continue };
        if !out.iter().any(|(start, t, _, _)| *start == span.start && *t == s.text) {
            out.push((span.start, s.text.clone(), s.name.clone(), s.kind));
        }
    }
    out.sort_by_key(|m| m.0);
    out.into_iter().map(|(_, t, n, k)| (t, n, k)).collect()
}

/// (article, outlet, expected (mention as written, canonical name, kind) of every mention listed)
type EntityRow = (&'static str, Option<&'static str>, &'static [(&'static str, &'static str, SourceKind)]);

const ENTITIES: &[EntityRow] = &[
    // Determiners and case: one document, named by its fullest mention without its determiner.
    (
        "Audit Finds Irregularities at Riverton Port\n\nAn internal audit found serious irregularities.\n\nThe audit said contracts were awarded without bids.",
        None,
        &[
            ("Audit", "internal audit", SourceKind::Document),
            ("An internal audit", "internal audit", SourceKind::Document),
            ("The audit", "internal audit", SourceKind::Document),
        ],
    ),
    // A surname folds into the full name given by a later source.
    (
        "Doyle said the board would respond.\n\nHarbor master Jane Doyle said she had not seen the audit.",
        None,
        &[
            ("Doyle", "Jane Doyle", SourceKind::NamedPerson),
            ("Harbor master Jane Doyle", "Jane Doyle", SourceKind::NamedPerson),
        ],
    ),
    // Accents set aside: one person.
    (
        "Nicolás Maduro said the vote was clean.\n\nNicolas Maduro said the opposition had lost.",
        None,
        &[
            ("Nicolás Maduro", "Nicolás Maduro", SourceKind::NamedPerson),
            ("Nicolas Maduro", "Nicolás Maduro", SourceKind::NamedPerson),
        ],
    ),
    // A surname that ends two full names stays as written.
    (
        "Trump said the deal was done.\n\nDonald Trump said it again. Melania Trump said she was pleased.",
        None,
        &[
            ("Donald Trump", "Donald Trump", SourceKind::NamedPerson),
            ("Melania Trump", "Melania Trump", SourceKind::NamedPerson),
            ("Trump", "Trump", SourceKind::NamedPerson),
        ],
    ),
    // An outlet and its short name, not the article's own: one outlet.
    (
        "The Wall Street Journal reported that talks had begun.\n\nThe Journal said the talks had stalled.",
        Some("Riverton Ledger"),
        &[
            ("The Wall Street Journal", "Wall Street Journal", SourceKind::NewsOutlet),
            ("The Journal", "Wall Street Journal", SourceKind::NewsOutlet),
        ],
    ),
    // The article's own outlet, by its full and its short name: the author's voice.
    (
        "The Riverton Ledger reported in March that the board had met in secret.\n\nFees rose by 40 percent last year, the Ledger reported.",
        Some("The Riverton Ledger"),
        &[
            ("The Riverton Ledger", "The Riverton Ledger", SourceKind::Author),
            ("the Ledger", "The Riverton Ledger", SourceKind::Author),
        ],
    ),
    // Another outlet stays an outlet, its name as written when it is named once.
    (
        "The Wall Street Journal reported in March that the board had met in secret.",
        Some("The Riverton Ledger"),
        &[("The Wall Street Journal", "The Wall Street Journal", SourceKind::NewsOutlet)],
    ),
    // Unnamed sources fold only when their words are equal: "officials" is not "senior officials".
    (
        "Senior officials said the port would close. Officials said the port would reopen in May.",
        None,
        &[
            ("Senior officials", "Senior officials", SourceKind::Anonymous),
            ("Officials", "Officials", SourceKind::Anonymous),
        ],
    ),
];

#[test]
fn mentions_of_one_entity_share_one_name() {
    let mut failures = Vec::new();
    for (t, outlet, want) in ENTITIES {
        let a = match outlet {
            Some(o) => with_outlet(t, o),
            None => text(t),
        };
        let got = mentions(&a);
        for (phrase, name, kind) in *want {
            let found = got.iter().find(|(p, _, _)| p == phrase);
            if found.is_none_or(|(_, n, k)| n != name || k != kind) {
                failures.push(format!("{t:?}: {phrase:?} wanted {name:?} {kind:?}, got {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_source_summary_lists_one_entity_once_with_all_its_mentions() {
    let a = text(
        "Audit Finds Irregularities at Riverton Port\n\nAn internal audit found serious irregularities.\n\nThe audit said contracts were awarded without bids.\n\nHarbor master Jane Doyle said the board would respond. Doyle said she had not seen the audit.",
    );
    let audits: Vec<_> = a.sources().iter().filter(|s| s.kind == SourceKind::Document).collect();
    assert_eq!(audits.len(), 1, "{:?}", a.sources());
    assert_eq!(audits[0].name, "internal audit");
    assert_eq!(audits[0].mentions, ["Audit", "An internal audit", "The audit"]);
    assert_eq!(audits[0].claims.len(), 3);
    let people: Vec<_> = a.sources().iter().filter(|s| s.kind == SourceKind::NamedPerson).collect();
    assert_eq!(people.len(), 1, "{:?}", a.sources());
    assert_eq!(people[0].mentions, ["Harbor master Jane Doyle", "Doyle"]);
}

#[test]
fn the_articles_own_outlet_joins_the_author() {
    let a = with_outlet(
        "The board met in secret in March.\n\nFees rose by 40 percent last year, the Ledger reported.",
        "The Riverton Ledger",
    );
    let authors: Vec<_> = a.sources().iter().filter(|s| s.kind == SourceKind::Author).collect();
    assert_eq!(authors.len(), 1, "{:?}", a.sources());
    assert_eq!(authors[0].name, "The Riverton Ledger");
    assert_eq!(authors[0].mentions, ["the Ledger"]);
    // Both claims: the unattributed one and the one the outlet reports itself.
    assert_eq!(authors[0].claims, [0, 1]);
    assert!(a.sources().iter().all(|s| s.kind != SourceKind::NewsOutlet && s.kind != SourceKind::NamedPerson));
}

#[test]
fn profiles_and_corroboration_count_an_entity_once() {
    let story = "Audit Finds Irregularities at Riverton Port\n\n\
                 An internal audit found that contracts worth $2 million were awarded without bids in 2023.\n\n\
                 The audit said the port lost $400,000 on fuel contracts in 2023.\n\n\
                 Fees rose by 40 percent in 2023, the Ledger reported.";
    let ledger = with_outlet(story, "The Riverton Ledger");
    let other = with_outlet(
        "An internal audit found that contracts worth $2 million were awarded without bids in 2023, the Ledger reported.",
        "Coastal Times",
    );
    let mut corpus = Corpus::new();
    corpus.extend(&[ledger.clone(), other.clone()]);
    let p = corpus.profiles();
    let audits: Vec<_> = p.sources.iter().filter(|s| s.kind == SourceKind::Document).collect();
    assert_eq!(audits.len(), 1, "{:?}", p.sources);
    // Three mentions in the Ledger's story, one in the other: two articles.
    assert_eq!((audits[0].name.as_str(), audits[0].mentions, audits[0].articles), ("internal audit", 4, 2));
    // The Ledger in its own story is its author; in the other outlet's story it is a source.
    let ledgers: Vec<_> = p.sources.iter().filter(|s| s.name.contains("Ledger")).collect();
    assert_eq!(ledgers.len(), 1, "{:?}", p.sources);
    assert_eq!((ledgers[0].articles, ledgers[0].outlets.as_slice()), (1, ["Coastal Times".to_owned()].as_slice()));
    // The Ledger's own report is its own voice, not an attributed claim.
    let own = p.outlets.iter().find(|o| o.name == "The Riverton Ledger").expect("the Ledger's profile");
    assert_eq!(own.claims, 4);
    assert!(own.attribution_rate < 1.0, "{own:?}");
    // Corroboration names the audit of the Ledger's story once, and hears the Ledger's own
    // report as the Ledger's own voice.
    let c = corroborate(&[ledger, other], &CorroborationOptions::default());
    let named: Vec<&str> = c
        .sources
        .iter()
        .filter(|s| s.articles == [0])
        .map(|s| s.name.as_str())
        .filter(|n| n.contains("audit") || n.contains("Ledger"))
        .collect();
    assert!(named.iter().filter(|n| n.contains("audit")).count() <= 1, "{:?}", c.sources);
    assert!(named.iter().all(|n| *n == "internal audit" || *n == "The Riverton Ledger"), "{:?}", c.sources);
}

/// (text, cue, expected chain outer first as names, expected content)
type ChainRow = (&'static str, &'static str, &'static [&'static str], &'static str);

const CHAINS: &[ChainRow] = &[
    // The outlet relays the people it cites.
    (
        "Fees rose by 40 percent last year, the Ledger reported, citing interviews with local boat owners.",
        "citing",
        &["Ledger", "interviews with local boat owners"],
        "Fees rose by 40 percent last year",
    ),
    (
        "Fees rose by 40 percent last year, the Ledger reported, citing interviews with local boat owners.",
        "reported",
        &["Ledger"],
        "Fees rose by 40 percent last year",
    ),
    (
        "Prices rose sharply, Reuters reported, citing two traders in Lagos.",
        "citing",
        &["Reuters", "two traders in Lagos"],
        "Prices rose sharply",
    ),
    // The tag first, its content after it: the same chain.
    (
        "The Ledger reported on Tuesday that fees rose by 40 percent, citing interviews with boat owners.",
        "citing",
        &["Ledger", "interviews with boat owners"],
        "that fees rose by 40 percent",
    ),
    (
        "The Ledger reported on Tuesday that fees rose by 40 percent, citing interviews with boat owners.",
        "reported",
        &["Ledger"],
        "that fees rose by 40 percent",
    ),
    // Without a speech tag before it, "citing" keeps its own reading.
    ("Prices rose sharply, citing two traders in Lagos.", "citing", &["two traders in Lagos"], "Prices rose sharply"),
    // "what officials described as X": the officials' words are X; the audit's finding keeps its own.
    (
        "An internal audit found what officials described as serious irregularities.",
        "described",
        &["An internal audit", "officials"],
        "serious irregularities",
    ),
    (
        "An internal audit found what officials described as serious irregularities.",
        "found",
        &["An internal audit"],
        "what officials described as serious irregularities",
    ),
    // Not a free relative: the PolNeAR reading ("the field ... as “all very good”") stays.
    ("He described the field of candidates as strong.", "described", &["He"], "the field of candidates as strong"),
];

#[test]
fn relayed_chains_and_characterisations() {
    let mut failures = Vec::new();
    for (t, cue, want_chain, want_content) in CHAINS {
        let a = text(t);
        let Some(at) = a.attributions().iter().find(|x| x.cue == *cue) else {
            failures.push(format!("{t:?}: no cue {cue:?} in {:?}", a.attributions()));
            continue;
        };
        let chain: Vec<&str> = at.sources.iter().map(|s| s.name.as_str()).collect();
        let content = at.content.slice(a.text());
        if chain != *want_chain || content != *want_content {
            failures.push(format!("{t:?} {cue:?}: got {chain:?} {content:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (text, cue, expected content): a time or manner adverbial right after the cue belongs to the
/// speech act, not to what was said.
const TAG_ADVERBIALS: &[(&str, &str, &str)] = &[
    (
        "Sanders said Tuesday that any president would have to unite the country.",
        "said",
        "that any president would have to unite the country",
    ),
    ("The mayor told reporters on Monday the pier would reopen.", "told", "the pier would reopen"),
    ("Ford said Tuesday night that the budget was fair.", "said", "that the budget was fair"),
    ("Clinton said last week that she would not debate.", "said", "that she would not debate"),
    ("She has said repeatedly that the race is close.", "has said", "that the race is close"),
    // A day that opens the content itself stays ("Tuesday's vote"), and so does a lone day.
    ("He said Tuesday's vote was rigged.", "said", "Tuesday's vote was rigged"),
];

#[test]
fn time_adverbials_after_the_cue_are_not_content() {
    let mut failures = Vec::new();
    for (t, cue, want) in TAG_ADVERBIALS {
        let a = text(t);
        match a.attributions().iter().find(|x| x.cue == *cue) {
            Some(at) if at.content.slice(a.text()) == *want => {}
            other => failures.push(format!("{t:?}: got {:?}", other.map(|x| x.content.slice(a.text())))),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (article, the caption as it should be marked)
const CAPTIONS: &[(&str, &str)] = &[
    (
        "Maduro Seeks Leverage\n\nVenezuelan President Nicolas Maduro speaks during a rally in Caracas on Jan. 10 Getty Images\n\nMaduro said the talks were over.",
        "Venezuelan President Nicolas Maduro speaks during a rally in Caracas on Jan. 10 Getty Images",
    ),
    (
        "Maduro said the talks were over.\n\nMaduro speaks in Caracas, Venezuela, Jan. 10, 2025. REUTERS/Leonardo Fernandez Viloria\n\nThe talks ended.",
        "Maduro speaks in Caracas, Venezuela, Jan. 10, 2025. REUTERS/Leonardo Fernandez Viloria",
    ),
    (
        "Ford said the budget was fair.\n\nOntario Premier Doug Ford says the budget is fair, in Toronto on Monday. THE CANADIAN PRESS/Chris Young\n\nThe budget passed.",
        "Ontario Premier Doug Ford says the budget is fair, in Toronto on Monday. THE CANADIAN PRESS/Chris Young",
    ),
    (
        "Rubio said the rescue had worked.\n\nSecretary of State Marco Rubio says the rescue worked. (AP Photo/Jose Luis Magana)\n\nThe five arrived on Tuesday.",
        "Secretary of State Marco Rubio says the rescue worked. (AP Photo/Jose Luis Magana)",
    ),
    (
        "The mayor said the pier would reopen.\n\nPhoto by Jane Smith: the mayor said the pier is safe.\n\nThe pier reopened.",
        "Photo by Jane Smith: the mayor said the pier is safe.",
    ),
    (
        "The mayor said the pier would reopen.\n\nFile photo of the pier, which officials say is safe.\n\nThe pier reopened.",
        "File photo of the pier, which officials say is safe.",
    ),
    (
        "The mayor said the pier would reopen.\n\n(Photo: Riverton Ledger) The mayor says the pier is safe.\n\nThe pier reopened.",
        "(Photo: Riverton Ledger) The mayor says the pier is safe.",
    ),
];

#[test]
fn captions_are_neither_claims_nor_attributions() {
    for (t, caption) in CAPTIONS {
        let a = text(t);
        let marked: Vec<&str> = a
            .paragraphs()
            .iter()
            .filter(|p| p.kind == ParagraphKind::Caption)
            .map(|p| p.span.slice(a.text()))
            .collect();
        assert_eq!(marked, [*caption], "{t:?}");
        let start = a.text().find(caption).unwrap();
        let span = veracity::Span::new(start, start + caption.len());
        assert!(a.claims().iter().all(|c| c.span.overlap(span) == 0), "{t:?}: {:?}", a.claims());
        assert!(
            a.attributions().iter().all(|x| x.cue_span.overlap(span) == 0 && x.content.overlap(span) == 0),
            "{t:?}: {:?}",
            a.attributions()
        );
        // The body around it is still read.
        assert!(!a.attributions().is_empty(), "{t:?}");
    }
}

#[test]
fn credits_that_are_not_captions() {
    // A headline with the site's name after a dash, a sentence that names an agency, and a
    // long paragraph whose last sentence alone is a credit.
    let a = text("Talks Collapse in Caracas - Reuters\n\nThe talks collapsed, the minister told Reuters.");
    assert!(a.paragraphs().iter().all(|p| p.kind != ParagraphKind::Caption), "{:?}", a.paragraphs());
    let long = format!(
        "{} The minister said the talks would resume. Photo by Jane Smith/Getty Images",
        "The talks in Caracas collapsed on Monday after two days of meetings. ".repeat(6)
    );
    let a = text(&long);
    let kinds: Vec<(ParagraphKind, &str)> = a.paragraphs().iter().map(|p| (p.kind, p.span.slice(a.text()))).collect();
    assert_eq!(kinds.last().copied(), Some((ParagraphKind::Caption, "Photo by Jane Smith/Getty Images")));
    assert!(a.attributions().iter().any(|x| x.cue == "said"));
}

#[test]
fn seed_000_caption_is_kept_out() {
    let a = seed("000");
    let caption = "Amid the fall of Syria's Bashar Al Assad, Maduro may be seeking leverage for a potential escape as his inauguration day approaches on Jan. 10 Getty Images";
    let p = a.paragraphs().iter().find(|p| p.span.slice(a.text()) == caption).expect("caption paragraph");
    assert_eq!(p.kind, ParagraphKind::Caption);
    assert!(a.claims().iter().all(|c| c.span.overlap(p.span) == 0));
    assert!(a.attributions().iter().all(|x| x.cue_span.overlap(p.span) == 0 && x.content.overlap(p.span) == 0));
}
