//! Corroboration on the seeds: which claims are grouped across articles, and that the groups stay
//! about one thing (no chaining through claims that share a few words).
mod common;
use common::seed;
use veracity::{CorroborationOptions, corroborate};

/// A claim: its article's index and a phrase of its text.
type At<'a> = (usize, &'a str);

/// The group (by index) holding the claim of article `article` whose text contains `needle`.
fn group_of(c: &veracity::Corroboration, article: usize, needle: &str) -> Option<usize> {
    c.groups.iter().position(|g| g.claims.iter().any(|x| x.article == article && x.text.contains(needle)))
}

#[test]
fn seeds_group_the_same_facts_across_articles() {
    let analyses: Vec<_> = ["000", "001", "002", "003", "004"].iter().map(|p| seed(p)).collect();
    let c = corroborate(&analyses, &CorroborationOptions::default());
    // Same-fact pairs, read off the articles by hand.
    let same: &[(At, At)] = &[
        // The opposition's tallies showing González won (000 and 003).
        ((0, "presented voting tallies"), (3, "meticulously collected voter")),
        // Releases of political prisoners after the U.S. operation (001) and the rescue (004).
        ((1, "releasing political prisoners"), (4, "In a dramatic turn of events")),
        // Maduro's exit in exchange for amnesty or asylum (003 with 002's ABC report).
        ((3, "give up power in exchange for amnesty"), (2, "According to the Spanish newspaper ABC")),
    ];
    for ((a, na), (b, nb)) in same {
        let (ga, gb) = (group_of(&c, *a, na), group_of(&c, *b, nb));
        assert!(ga.is_some() && ga == gb, "{na:?} ({ga:?}) and {nb:?} ({gb:?}) should share a group");
    }
    // Different facts that share names or words stay apart.
    let apart: &[(At, At)] = &[
        // Both name "President Javier Milei", about different things.
        ((0, "no links to intelligence"), (4, "had initially granted the five asylum")),
        // The tallies and the prisoner releases.
        ((0, "presented voting tallies"), (1, "releasing political prisoners")),
    ];
    for ((a, na), (b, nb)) in apart {
        let (ga, gb) = (group_of(&c, *a, na), group_of(&c, *b, nb));
        assert!(ga.is_none() || ga != gb, "{na:?} and {nb:?} should not share a group");
    }
    // No group chains through all five stories.
    for g in &c.groups {
        assert!(g.articles.len() <= 3, "{} spans {:?}", g.label, g.articles);
    }
}
