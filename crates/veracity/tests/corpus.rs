//! Corpus profiles: hand-made corpora with expected rates, merge order independence (property),
//! and the monotonicity of corroboration.

mod common;
use proptest::prelude::*;
use veracity::{
    Analysis, Analyzer, Article, Corpus, CorpusOptions, CorroborationOptions, CredibilityGrade, SourceKind, corroborate,
};

fn analyse(outlet: &str, text: &str) -> Analysis {
    static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    ANALYZER.get_or_init(Analyzer::default).analyze(&Article::new(text).with_outlet(outlet)).expect("analysis")
}

fn corpus_of(analyses: &[Analysis]) -> Corpus {
    let mut c = Corpus::new();
    c.extend(analyses);
    c
}

#[test]
fn outlet_rates_are_shares_of_claims() {
    // Four claims: one named source, one anonymous, one vague, one in the outlet's own voice
    // (hedged).
    let a = analyse(
        "Daily Planet",
        "Jane Smith, the finance minister, said the deficit fell to 2 percent in 2023.\n\n\
         People familiar with the matter said the budget would be cut.\n\n\
         Critics say the figures were massaged.\n\n\
         The government may call an early election.",
    );
    assert_eq!(a.claims().len(), 4, "{:#?}", a.claims().iter().map(|c| &c.text).collect::<Vec<_>>());
    let p = corpus_of(std::slice::from_ref(&a)).profiles();
    assert_eq!(p.articles, 1);
    let o = &p.outlets[0];
    assert_eq!((o.name.as_str(), o.articles, o.claims), ("Daily Planet", 1, 4));
    assert_eq!(o.attribution_rate, 0.75);
    assert_eq!(o.named_rate, 0.25);
    assert_eq!(o.anonymous_rate, 0.25);
    assert_eq!(o.vague_rate, 0.25);
    assert_eq!(o.specifics_rate, 0.25);
    assert!(o.hedge_rate >= 0.25);
    assert_eq!(o.corroboration_rate, 0.0);
    // The explanation adds up to the reliability on the log-odds scale; with one article, the
    // outlet's mean signals are the article's, so its reliability is the article's credibility.
    let sum: f64 = o.explanation.base + o.explanation.contributions.iter().map(|c| c.contribution).sum::<f64>();
    assert_eq!(o.explanation.link, veracity::Link::Logistic);
    assert!((1.0 / (1.0 + (-sum).exp()) - o.reliability).abs() < 1e-12);
    assert!((o.reliability - a.credibility()).abs() < 1e-6, "{} vs {}", o.reliability, a.credibility());
    let names: Vec<(&str, SourceKind)> = p.sources.iter().map(|s| (s.name.as_str(), s.kind)).collect();
    assert!(names.contains(&("Jane Smith", SourceKind::NamedPerson)), "{names:?}");
    assert!(names.contains(&("Critics", SourceKind::Vague)), "{names:?}");
    let critics = p.sources.iter().find(|s| s.name == "Critics").unwrap();
    assert_eq!(critics.grade, veracity::ReliabilityGrade::F);
    assert_eq!(critics.outlets, ["Daily Planet"]);
}

/// An outlet's reliability is the credibility model applied to the mean of its articles' signals.
#[test]
fn outlet_reliability_is_the_model_at_the_mean_article() {
    let calm = analyse("Mixed Post", "The council approved the budget on Tuesday, Mayor Ana Ruiz said.");
    let loud = analyse("Mixed Post", "SHOCKING!!! Wake up, the mainstream media lies to you! Share this!");
    let p = corpus_of(&[calm.clone(), loud.clone()]).profiles();
    let o = &p.outlets[0];
    for c in &o.explanation.contributions {
        let mean = (calm.signals().get(&c.signal).unwrap() + loud.signals().get(&c.signal).unwrap()) / 2.0;
        assert!((c.value - mean).abs() < 1e-8, "{}: {} vs {mean}", c.signal, c.value);
    }
    assert!(loud.credibility() < o.reliability && o.reliability < calm.credibility());
}

const RELEASED: &str = "Foro Penal said 18 political prisoners were released in Caracas on Sunday.";

#[test]
fn independent_outlets_corroborate_and_contradict() {
    let a = analyse("Outlet A", RELEASED);
    let b =
        analyse("Outlet B", "Officials told reporters that 18 political prisoners were released in Caracas on Sunday.");
    let c = analyse("Outlet C", "A rights group said only 3 political prisoners were released in Caracas on Sunday.");
    let p = corpus_of(&[a.clone(), b.clone()]).profiles();
    assert!(p.outlets.iter().all(|o| o.corroboration_rate == 1.0), "{:#?}", p.outlets);
    // A third outlet with another figure: it is contradicted by two, the others are each
    // confirmed once and contradicted once (agreement wins ties).
    let p = corpus_of(&[a.clone(), b.clone(), c]).profiles();
    let rate = |name: &str| {
        let o = p.outlets.iter().find(|o| o.name == name).unwrap();
        (o.corroboration_rate, o.contradiction_rate)
    };
    assert_eq!(rate("Outlet A"), (1.0, 0.0));
    assert_eq!(rate("Outlet C"), (0.0, 1.0));
    assert!(p.outlets.iter().find(|o| o.name == "Outlet C").unwrap().reliability < p.outlets[0].reliability);
    // The same text twice is one source repeated, not corroboration.
    let p = corpus_of(&[a.clone(), a]).profiles();
    assert_eq!(p.outlets[0].corroboration_rate, 0.0);
}

#[test]
fn corroboration_can_be_switched_off() {
    let mut c = Corpus::with_options(CorpusOptions::default().with_corroboration(false));
    c.add(&analyse("A", RELEASED));
    c.add(&analyse("B", "Officials told reporters that 18 political prisoners were released in Caracas on Sunday."));
    assert_eq!(c.fingerprints(), 0);
    assert_eq!(c.profiles().outlets[0].corroboration_rate, 0.0);
}

#[test]
fn seeds_profile() {
    let analyses: Vec<Analysis> = (0..5).map(|i| common::seed(&format!("00{i}"))).collect();
    let p = corpus_of(&analyses).profiles();
    assert_eq!(p.articles, 5);
    let total: u64 = p.outlets.iter().map(|o| o.claims).sum();
    assert_eq!(total, analyses.iter().map(|a| a.claims().len() as u64).sum::<u64>());
    for o in &p.outlets {
        assert!((0.0..=1.0).contains(&o.reliability));
    }
    for s in &p.sources {
        assert!(s.mentions >= s.articles && s.articles >= 1, "{s:?}");
        assert!((0.0..=1.0).contains(&s.reliability));
    }
}

/// Short synthetic articles from a few outlets about a few facts, some contradicting.
fn synthetic() -> Vec<Analysis> {
    let outlets = ["North Post", "South Times", "East Wire", "West Herald"];
    let facts = [
        "18 political prisoners were released in Caracas on Sunday",
        "3 political prisoners were released in Caracas on Sunday",
        "the central bank raised rates to 5 percent in Frankfurt",
        "the central bank raised rates to 4 percent in Frankfurt",
    ];
    let sources = ["Foro Penal said", "Officials said", "Critics say", "Maria Lopez, a spokeswoman, said"];
    let mut out = Vec::new();
    for i in 0..12 {
        let text =
            format!("{} {}.\n\n{} {}.", sources[i % 4], facts[i % 4], sources[(i + 1) % 4], facts[(i * 3 + 1) % 4]);
        out.push(analyse(outlets[i % 4], &text));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Profiling partitions apart and merging them, in any order and grouping, gives the profiles
    /// of the whole corpus.
    #[test]
    fn merge_order_does_not_matter(order in Just((0..12usize).collect::<Vec<_>>()).prop_shuffle(), cuts in prop::collection::vec(0..12usize, 0..4)) {
        let articles = synthetic();
        let whole = corpus_of(&articles).profiles();
        let mut cuts = cuts;
        cuts.sort_unstable();
        let mut parts: Vec<Corpus> = Vec::new();
        let mut start = 0;
        for &c in cuts.iter().chain(std::iter::once(&12)) {
            let part: Vec<Analysis> = order[start.min(c)..c].iter().map(|&i| articles[i].clone()).collect();
            parts.push(corpus_of(&part));
            start = start.max(c);
        }
        // Merge right to left (a different grouping from left to right).
        let mut acc = parts.pop().unwrap();
        while let Some(mut p) = parts.pop() {
            p.merge(acc);
            acc = p;
        }
        prop_assert_eq!(acc.profiles(), whole);
    }

    /// Adding an article whose independent source makes the same claim never lowers the
    /// credibility grade of the claim, nor the outlet's corroboration rate.
    #[test]
    fn an_independent_corroborating_source_never_lowers_credibility(n_base in 1usize..5, figures in prop::collection::vec(prop::sample::select(vec![3u32, 18, 40]), 5)) {
        let sources = ["Foro Penal said", "Officials said", "A rights group said", "Police said", "The ministry said"];
        let base: Vec<Analysis> = (0..n_base)
            .map(|i| analyse(&format!("Outlet {i}"), &format!("{} {} political prisoners were released in Caracas on Sunday.", sources[i], figures[i])))
            .collect();
        let target_value = figures[0];
        let mut more = base.clone();
        more.push(analyse("Independent Outlet", &format!("Jane Smith, a lawyer, said {target_value} political prisoners were released in Caracas on Sunday.")));
        let rank = |g: CredibilityGrade| match g {
            CredibilityGrade::Confirmed => 0,
            CredibilityGrade::Improbable => 2,
            _ => 1,
        };
        let grade_of_first = |analyses: &[Analysis]| {
            let c = corroborate(analyses, &CorroborationOptions::default());
            c.groups.iter().flat_map(|g| &g.claims).find(|x| x.article == 0).map_or(analyses[0].claims()[0].admiralty.credibility, |x| x.credibility_grade)
        };
        prop_assert!(rank(grade_of_first(&more)) <= rank(grade_of_first(&base)));
        let rate = |analyses: &[Analysis]| corpus_of(analyses).profiles().outlets.iter().find(|o| o.name == "Outlet 0").unwrap().corroboration_rate;
        prop_assert!(rate(&more) >= rate(&base));
    }
}

/// An outlet that only copies another adds no corroboration: "Echo Daily" reprints three claims
/// of "Wire Post" word for word, so the two are one voice; their agreement confirms nothing until
/// an independent outlet says the same.
#[test]
fn an_outlet_that_only_copies_another_adds_no_corroboration() {
    let story = "Foro Penal said 18 political prisoners were released in Caracas on Sunday.\n\n\
                 The Venezuelan supreme court ordered the closure of three radio stations in Maracaibo on Monday.\n\n\
                 Opposition leader Maria Corina Machado addressed 40,000 supporters in Valencia on Saturday.";
    let original = analyse("Wire Post", story);
    let copy = analyse("Echo Daily", story);
    let p = corpus_of(&[original.clone(), copy.clone()]).profiles();
    assert_eq!(p.dependence.len(), 1);
    let d = &p.dependence[0];
    assert_eq!(d.outlets, ["Echo Daily".to_owned(), "Wire Post".to_owned()]);
    assert_eq!(d.near_copies, 3);
    assert_eq!(d.claims, [3, 3]);
    assert!((d.dependence - 1.0).abs() < 1e-12);
    assert!(d.dependent);
    for o in &p.outlets {
        assert_eq!(o.corroboration_rate, 0.0, "{}", o.name);
    }
    // Counted as independent, the copy would confirm two of the three claims: the echo effect.
    // (The third is Foro Penal's in both outlets: one original source never confirms itself.)
    let mut echo = Corpus::with_options(CorpusOptions::default().with_dependence(false));
    echo.extend([&original, &copy]);
    let echoed = echo.profiles();
    assert!(echoed.outlets.iter().all(|o| (o.corroboration_rate - 2.0 / 3.0).abs() < 1e-12));
    // An independent outlet in its own words confirms the court's order: one claim of three.
    let other = analyse(
        "Caracas Chronicle",
        "On Monday the Venezuelan supreme court ordered three radio stations in Maracaibo to close.",
    );
    let p = corpus_of(&[original, copy, other]).profiles();
    let wire = p.outlets.iter().find(|o| o.name == "Wire Post").unwrap();
    assert!((wire.corroboration_rate - 1.0 / 3.0).abs() < 1e-12, "{}", wire.corroboration_rate);
}

/// The same in `corroborate`: the copy's claims are not independent sources for the original's,
/// and the two outlets count once among the sources agreeing with an independent outlet.
#[test]
fn corroborate_counts_outlets_that_copy_each_other_once() {
    let story = "Foro Penal said 18 political prisoners were released in Caracas on Sunday.\n\n\
                 The Venezuelan supreme court ordered the closure of three radio stations in Maracaibo on Monday.\n\n\
                 Opposition leader Maria Corina Machado addressed 40,000 supporters in Valencia on Saturday.";
    let original = analyse("Wire Post", story);
    let copy = analyse("Echo Daily", story);
    let other = analyse(
        "Caracas Chronicle",
        "On Monday the Venezuelan supreme court ordered three radio stations in Maracaibo to close.",
    );
    let analyses = [original, copy, other];
    // (article, claim) -> agreeing independent sources of the court's order.
    let court = |options: &CorroborationOptions| -> Vec<(usize, usize)> {
        let c = corroborate(&analyses, options);
        let mut rows: Vec<(usize, usize)> = c
            .groups
            .iter()
            .flat_map(|g| &g.claims)
            .filter(|x| x.text.contains("radio stations"))
            .map(|x| (x.article, x.agreeing_sources))
            .collect();
        rows.sort_unstable();
        rows
    };
    // One voice: the copy does not confirm the original (nor the original the copy); each of
    // them has the Chronicle, and the Chronicle has the two of them as one.
    assert_eq!(court(&CorroborationOptions::default()), [(0, 1), (1, 1), (2, 1)]);
    // Counted as independent, each is confirmed by the other two.
    assert_eq!(court(&CorroborationOptions::default().with_dependence(false)), [(0, 2), (1, 2), (2, 2)]);
}
