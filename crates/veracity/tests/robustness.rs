//! Bad and hostile input: never a panic, every span valid, one result per batch item in order,
//! and shared analysers agree with serial use. (Speed is measured by benchmarks, not here.)

use std::sync::Arc;

use veracity::{Analysis, Analyzer, Article, ErrorKind};

fn valid(a: &Analysis) {
    if let Err(e) = a.check_invariants() {
        panic!("{e}");
    }
}

/// Inputs a scraper produces. Each must analyse without panicking and with valid spans.
fn hostile() -> Vec<(&'static str, String)> {
    vec![
        ("nul and control characters", "He said\u{0} the \u{7}vote\u{1b}[31m was \u{8}rigged.\u{0}\u{0}".to_owned()),
        ("unbalanced quotes", "“Open never closed. \"Straight too. ‘Single. «Guillemet. ” » ’ \"".to_owned()),
        ("nested quotes", "He said “she told me ‘they said «it is “over”» today’ again” yesterday.".to_owned()),
        ("only quote marks", "\"\"\"“”“”‘’‘’«»«»".to_owned()),
        (
            "html remnants",
            "<p>Officials <b>said</b> &amp; the <a href=\"x\">deal</a> may fail.</p><script>alert(1)</script>"
                .to_owned(),
        ),
        ("table of numbers", "1 2 3 4.5 6.7\n8 9 10 11.2 13\n".repeat(200)),
        ("long sentence without a period", "the deal may fail and ".repeat(20_000)),
        ("one long paragraph of sentences", "Officials said the deal may fail. ".repeat(20_000)),
        ("many paragraphs", "Officials said it.\n\n".repeat(20_000)),
        ("only punctuation", ".,;:!?…—–-()[]{}".repeat(100)),
        ("combining marks and emoji", "Ma\u{301}duro said 👍🏽 the déal may fail. 🇻🇪 «Sí», dijo.".to_owned()),
        ("right-to-left and zero-width", "\u{202e}said\u{200b} officials\u{200d} may \u{feff}fail.".to_owned()),
        ("cue at the very start and end", "said according to told".to_owned()),
        ("a storm of cues in one sentence", "officials said ".repeat(5_000)),
        ("crlf line endings", "Headline\r\n\r\nOfficials said the deal may fail.\r\nMore text here.\r\n".to_owned()),
    ]
}

#[test]
fn hostile_inputs_analyse_cleanly() {
    let an = Analyzer::default();
    for (name, text) in hostile() {
        let a = an.analyze_text(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        valid(&a);
    }
}

#[test]
fn a_large_article_works() {
    // About 700 KB in one article (linear time is checked by the benchmarks).
    let seed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/000_963e1f8edc67a8f6.txt")).unwrap();
    let text = vec![seed.as_str(); 200].join("\n\n");
    let a = veracity::analyze(&text).unwrap();
    valid(&a);
    let per_copy = veracity::analyze(&seed).unwrap().claims().len();
    // Only the first copy opens the article: in the 199 others the one-line "Nicolas Maduro" is a
    // subheading, not a headline, so each of them has one claim fewer.
    assert_eq!(a.claims().len(), per_copy + (per_copy - 1) * 199);
}

#[test]
fn empty_and_whitespace_are_errors_not_panics() {
    for t in ["", " ", "\n\n\t", "\u{feff}", "\u{a0}\u{2003}", "\u{200b}\u{feff} \u{2060}"] {
        let e = veracity::analyze(t).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::EmptyText, "{t:?}");
    }
}

#[test]
fn invalid_utf8_names_the_offset() {
    let mut bytes = "Officials said the deal ".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(&[0xc3, 0x28, b'x']);
    match Article::from_bytes(bytes, Some("feed.txt".into())) {
        Err(veracity::Error::InvalidUtf8 { offset: o, .. }) => assert_eq!(o, offset),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ten_thousand_mixed_items_keep_order() {
    let goods = ["Officials said the deal may fail.", "Prices rose 3 percent.", "“It is over,” she said."];
    let articles: Vec<Article> = (0..10_000)
        .map(|i| match i % 7 {
            0 => Article::new(""),
            3 => Article::new("   \n"),
            _ => Article::new(format!("{} (item {i})", goods[i % goods.len()])),
        })
        .collect();
    let out = Analyzer::default().analyze_batch(&articles);
    assert_eq!(out.len(), articles.len());
    for (i, r) in out.iter().enumerate() {
        match (i % 7, r) {
            (0 | 3, Err(e)) => assert_eq!(e.kind(), ErrorKind::EmptyText),
            (0 | 3, Ok(_)) => panic!("item {i} should fail"),
            (_, Ok(a)) => assert!(a.text().ends_with(&format!("(item {i})")), "item {i} out of order"),
            (_, Err(e)) => panic!("item {i}: {e}"),
        }
    }
}

#[test]
fn shared_analyzer_matches_serial_use() {
    let an = Arc::new(Analyzer::default());
    let texts: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let serial: Vec<Analysis> = texts.iter().map(|t| an.analyze_text(t).unwrap()).collect();
    let texts = Arc::new(texts);
    let serial = Arc::new(serial);
    let handles: Vec<_> = (0..8)
        .map(|k| {
            let (an, texts, serial) = (Arc::clone(&an), Arc::clone(&texts), Arc::clone(&serial));
            std::thread::spawn(move || {
                for round in 0..20 {
                    let i = (k + round) % texts.len();
                    assert_eq!(an.analyze_text(&texts[i]).unwrap(), serial[i], "thread {k} round {round}");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("no thread panicked");
    }
}
