//! Prints every claim of the given files with its hedges, attribution chain and scores: a compact
//! view for checking the heuristics by eye.
//!
//! `cargo run -p veracity --example inspect -- seeds/*.txt`

use veracity::Analyzer;

fn main() -> Result<(), veracity::Error> {
    let analyzer = Analyzer::default();
    for path in std::env::args().skip(1) {
        let a = analyzer.analyze_path(&path)?;
        let meta = a.article();
        println!(
            "=== {path} title={:?} outlet={:?} authors={:?}",
            meta.title().map(|m| &m.value),
            meta.outlet().map(|m| &m.value),
            meta.authors().map(|m| &m.value)
        );
        for c in a.claims() {
            let hedges: Vec<String> = c.hedges.iter().map(|h| format!("{}:{}", h.cue, h.category)).collect();
            println!(
                "#{} score={:.2} cw={:.2} certainty={:.2} {} {:?} hedges={hedges:?}",
                c.index,
                c.score,
                c.checkworthiness,
                c.certainty,
                c.kind.as_str(),
                c.text.chars().take(100).collect::<String>(),
            );
            if let Some(att) = &c.attribution {
                let chain: Vec<String> = att
                    .sources
                    .iter()
                    .map(|s| format!("{}<{}>{}", s.name, s.kind, if s.resolved { "*" } else { "" }))
                    .collect();
                let content: String = att.content.slice(a.text()).chars().take(60).collect();
                println!(
                    "     [{}] {} {chain:?} anonymous={} content={content:?}",
                    att.cue,
                    att.kind.as_str(),
                    att.anonymous
                );
            }
        }
        for s in a.sources() {
            println!("  source {} <{}> reliability={:.2} claims={:?}", s.name, s.kind, s.reliability, s.claims);
        }
    }
    Ok(())
}
