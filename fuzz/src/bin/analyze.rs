//! Fuzz target: arbitrary bytes as an article. Decoding may fail (not UTF-8, empty), but analysis
//! must never panic and the result must be internally consistent.
fn main() {
    let analyzer = veracity::Analyzer::default();
    afl::fuzz!(|data: &[u8]| {
        if let Ok(article) = veracity::Article::from_bytes(data.to_vec(), None) {
            if let Ok(a) = analyzer.analyze(&article) {
                if let Err(e) = a.check_invariants() {
                    panic!("invariant broken: {e}");
                }
            }
        }
    });
}
