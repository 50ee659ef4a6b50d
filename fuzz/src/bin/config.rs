//! Fuzz target: arbitrary bytes as a configuration extension. Building must return Ok or an
//! error, never panic; a configuration that builds must analyse a fixed text consistently.
const TEXT: &str = "Officials said the deal may fail, according to Reuters. “It is over,” she said.";

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(toml) = std::str::from_utf8(data) {
            if let Ok(analyzer) = veracity::Analyzer::builder().config_toml(toml).build() {
                if let Ok(a) = analyzer.analyze_text(TEXT) {
                    if let Err(e) = a.check_invariants() {
                        panic!("invariant broken: {e}");
                    }
                }
            }
        }
    });
}
