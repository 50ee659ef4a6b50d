//! Throughput, scaling, linearity and memory of the analysis pipeline, measured reproducibly on the
//! seed corpus (`benches/common/corpus.rs`: the seeds repeated and shuffled). Figures are in
//! `docs/performance.md`. Always build in release:
//!
//! ```text
//! cargo run --release -p veracity --example perf -- throughput --mb 10            # 1 thread
//! cargo run --release -p veracity --example perf -- scaling --mb 10               # 1 vs 2 threads
//! cargo run --release -p veracity --example perf -- linear --mb 50 --article-kb 10
//! /usr/bin/time -v target/release/examples/perf memory --mb 10
//! cargo run --release -p veracity --example perf -- write /tmp/corpus10 --mb 10   # files for the CLI
//! cargo run --release -p veracity --example perf -- digest --mb 10                # corpus check
//! cargo run --release -p veracity --example perf -- ipb --mb 0.5                  # instructions per byte
//! cargo run --release -p veracity --example perf -- ipb --mb 0.5 --dir ../shared/eval/attribution/polnear/dev/text
//! ```
//!
//! Options: `--mb N` corpus size (default 10), `--article-kb K` smallest article (default 0: one
//! seed per article, about 3.8 KB), `--threads T` (default 1), `--repeat R` (default 3: the best of
//! R runs is reported), `--seeds DIR` (default the workspace's `seeds/`), `--dir DIR` (the corpus
//! is the `.txt` files of DIR instead, one article each, in name order, the first files that hold
//! `--mb` MB).
//!
//! `ipb` runs this program's `once` mode (every article analysed once, on this thread) under
//! `valgrind --tool=callgrind` and prints, stage by stage, the instructions it executed per byte
//! of input (inclusive counts of the stage's function, from `callgrind_annotate`). Instruction
//! counts do not move with the machine's load. Stages whose function was inlined print no line.
//!
//! Wall time is noisy on a shared machine; every mode also prints the process CPU time
//! (`/proc/self/stat`), and compares variants in the same run, interleaved.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use veracity::{Analyzer, Article};

struct Options {
    mb: f64,
    article_kb: usize,
    threads: usize,
    repeat: usize,
    seeds: PathBuf,
    dir: Option<PathBuf>,
    rest: Vec<String>,
}

fn parse() -> (String, Options) {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let mut o = Options {
        mb: 10.0,
        article_kb: 0,
        threads: 1,
        repeat: 3,
        seeds: corpus::seeds_dir(),
        dir: None,
        rest: Vec::new(),
    };
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--mb" => o.mb = value().parse().expect("--mb takes a number"),
            "--article-kb" => o.article_kb = value().parse().expect("--article-kb takes an integer"),
            "--threads" => o.threads = value().parse().expect("--threads takes an integer"),
            "--repeat" => o.repeat = value().parse().expect("--repeat takes an integer"),
            "--seeds" => o.seeds = PathBuf::from(value()),
            "--dir" => o.dir = Some(PathBuf::from(value())),
            _ => o.rest.push(a),
        }
    }
    (mode, o)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn build(o: &Options, article_kb: usize) -> Vec<String> {
    if let Some(dir) = &o.dir {
        return files(dir, (o.mb * corpus::MB as f64) as usize);
    }
    let seeds = corpus::seeds(&o.seeds);
    let article_bytes = if article_kb == usize::MAX { usize::MAX } else { article_kb * 1000 };
    corpus::corpus(&seeds, (o.mb * corpus::MB as f64) as usize, article_bytes)
}

/// The `.txt` files of `dir` in name order, as many as hold `target` bytes (the last one whole).
fn files(dir: &std::path::Path, target: usize) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    let mut bytes = 0;
    for p in paths {
        if bytes >= target {
            break;
        }
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        if text.trim().is_empty() {
            continue;
        }
        bytes += text.len();
        out.push(text);
    }
    out
}

/// The stages of `Analyzer::analyze` as `ipb` reports them: a label and the function whose
/// inclusive instruction count is the stage's.
const STAGES: [(&str, &str); 18] = [
    ("analysis (Analyzer::analyze)", "veracity::analyzer::Analyzer::analyze"),
    ("segmentation", "veracity::segment::Segmenter::segment"),
    ("token stream", "veracity::text::tokens::Tokens::new"),
    ("phrase lexicons (one DFA pass)", "veracity::matcher::PhraseSets::find"),
    ("hedges", "veracity::hedge::HedgeDetector::detect_in"),
    ("attribution", "veracity::attribution::<impl veracity::attribution::extractor::AttributionExtractor>::extract"),
    ("claim kind cues", "veracity::claim::ClaimRules::kind_cues_in"),
    ("claim clauses", "veracity::claim::ClaimRules::clauses"),
    ("claim features", "veracity::claim::features"),
    ("check-worthiness signals", "veracity::checkworthiness::signals_of"),
    ("check-worthiness explanation", "veracity::explain::Explanation::logistic_of"),
    ("commitment", "veracity::commitment::embedded_certainty"),
    ("claim credibility", "veracity::score::credibility"),
    ("credibility grades", "veracity::grade::CredibilityGrade::assess"),
    ("source summaries", "veracity::score::summarise_sources"),
    ("article credibility signals", "veracity::credibility::signals"),
    ("malloc (whole process)", "malloc"),
    (
        "dropping results",
        "core::ptr::drop_in_place<core::result::Result<veracity::analyzer::Analysis,veracity::error::Error>>",
    ),
];

/// Runs `once` under callgrind with the same options and prints the instructions per byte of
/// each stage.
#[allow(clippy::cast_precision_loss)]
fn ipb(o: &Options) {
    let bytes = corpus::bytes(&build(o, o.article_kb));
    let out = std::env::temp_dir().join(format!("veracity-perf-callgrind.{}", std::process::id()));
    let me = std::env::current_exe().expect("the program's path");
    let mut args: Vec<String> = std::env::args().skip(2).collect();
    args.insert(0, "once".to_owned());
    let status = std::process::Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(&me)
        .args(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("valgrind (apt-get install valgrind)");
    assert!(status.success(), "callgrind failed");
    let annotated = std::process::Command::new("callgrind_annotate")
        .args(["--inclusive=yes", "--threshold=100"])
        .arg(&out)
        .output()
        .expect("callgrind_annotate");
    let _ = std::fs::remove_file(&out);
    let text = String::from_utf8_lossy(&annotated.stdout);
    let count = |name: &str| -> Option<u64> {
        text.lines().find_map(|l| {
            let (n, rest) = l.trim_start().split_once(' ')?;
            let f = rest.split_once(':').map_or(rest, |(_, f)| f);
            let f = f.split(" [").next()?.trim();
            (f == name).then(|| n.replace(',', "").parse().ok())?
        })
    };
    let total = count(STAGES[0].1).unwrap_or(0);
    println!("{bytes} bytes; instructions (inclusive) per input byte, callgrind:");
    for (label, name) in STAGES {
        if let Some(n) = count(name) {
            println!(
                "{label:<30} {n:>14} {:>9.1} per byte {:>6.1} %",
                n as f64 / bytes as f64,
                100.0 * n as f64 / total.max(1) as f64
            );
        }
    }
}

/// User plus system CPU time of the whole process (all threads), from `/proc/self/stat`.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let field = |i: usize| after.split_whitespace().nth(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command name), in
    // clock ticks of 1/100 s on Linux.
    let ticks = field(11) + field(12);
    Duration::from_millis(ticks * 10)
}

/// Peak resident memory (`VmHWM`) in bytes.
fn peak_rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map_or(0, |kb| kb * 1024)
}

#[derive(Clone, Copy)]
struct Run {
    wall: Duration,
    cpu: Duration,
}

impl Run {
    #[allow(clippy::cast_precision_loss)]
    fn mbs(&self, bytes: usize) -> f64 {
        bytes as f64 / corpus::MB as f64 / self.wall.as_secs_f64()
    }
    #[allow(clippy::cast_precision_loss)]
    fn cpu_mbs(&self, bytes: usize) -> f64 {
        bytes as f64 / corpus::MB as f64 / self.cpu.as_secs_f64().max(1e-9)
    }
}

/// Analyses every article on a pool of `threads` threads (`analyze_batch`), once.
fn batch(analyzer: &Analyzer, articles: &[Article], pool: &rayon::ThreadPool) -> Run {
    let (w0, c0) = (Instant::now(), cpu_time());
    let results = pool.install(|| analyzer.analyze_batch(articles));
    let run = Run { wall: w0.elapsed(), cpu: cpu_time() - c0 };
    assert!(results.iter().all(Result::is_ok));
    drop(results);
    run
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool")
}

fn best(runs: &[Run]) -> Run {
    *runs.iter().min_by_key(|r| r.wall).expect("at least one run")
}

fn articles_of(texts: Vec<String>) -> Vec<Article> {
    texts.into_iter().map(Article::new).collect()
}

#[allow(clippy::cast_precision_loss)]
fn report(label: &str, run: Run, bytes: usize, n: usize) {
    println!(
        "{label:<28} {:>8.3} s wall {:>8.3} s cpu {:>8.2} MB/s {:>8.2} MB/s-cpu {:>10.0} articles/s",
        run.wall.as_secs_f64(),
        run.cpu.as_secs_f64(),
        run.mbs(bytes),
        run.cpu_mbs(bytes),
        n as f64 / run.wall.as_secs_f64()
    );
}

fn main() {
    let (mode, o) = parse();
    let analyzer = Analyzer::default();
    match mode.as_str() {
        "throughput" => {
            let texts = build(&o, o.article_kb);
            let (bytes, n) = (corpus::bytes(&texts), texts.len());
            let articles = articles_of(texts);
            println!("corpus: {n} articles, {bytes} bytes; {} thread(s), best of {}", o.threads, o.repeat);
            let p = pool(o.threads);
            let runs: Vec<Run> = (0..o.repeat).map(|_| batch(&analyzer, &articles, &p)).collect();
            report("analyze_batch", best(&runs), bytes, n);
        }
        "scaling" => {
            let texts = build(&o, o.article_kb);
            let (bytes, n) = (corpus::bytes(&texts), texts.len());
            let articles = articles_of(texts);
            println!("corpus: {n} articles, {bytes} bytes; 1 vs 2 threads interleaved, best of {}", o.repeat);
            let (p1, p2) = (pool(1), pool(2));
            let (mut r1, mut r2) = (Vec::new(), Vec::new());
            for _ in 0..o.repeat {
                r1.push(batch(&analyzer, &articles, &p1));
                r2.push(batch(&analyzer, &articles, &p2));
            }
            let (b1, b2) = (best(&r1), best(&r2));
            report("1 thread", b1, bytes, n);
            report("2 threads", b2, bytes, n);
            println!("speed-up 2 threads / 1 thread: {:.2}x", b1.wall.as_secs_f64() / b2.wall.as_secs_f64());
        }
        "linear" => {
            let small = build(&o, o.article_kb.max(1));
            let one = build(&o, usize::MAX);
            let (bs, bo) = (corpus::bytes(&small), corpus::bytes(&one));
            println!(
                "small: {} articles of >= {} KB, {bs} bytes; one article of {bo} bytes; 1 thread, interleaved, best of {}",
                small.len(),
                o.article_kb.max(1),
                o.repeat
            );
            let (small, one) = (articles_of(small), articles_of(one));
            let p = pool(1);
            let (mut rs, mut ro) = (Vec::new(), Vec::new());
            for _ in 0..o.repeat {
                rs.push(batch(&analyzer, &small, &p));
                ro.push(batch(&analyzer, &one, &p));
            }
            let (b_small, b_one) = (best(&rs), best(&ro));
            report("small articles", b_small, bs, small.len());
            report("one article", b_one, bo, 1);
            #[allow(clippy::cast_precision_loss)]
            let per_mb = |r: Run, b: usize| r.wall.as_secs_f64() / (b as f64 / corpus::MB as f64);
            println!(
                "time per MB, one article / small articles: {:.3}x (wall), {:.3}x (cpu)",
                per_mb(b_one, bo) / per_mb(b_small, bs),
                b_one.cpu_mbs(bo).recip() / b_small.cpu_mbs(bs).recip()
            );
        }
        "memory" => {
            let texts = build(&o, o.article_kb);
            let (bytes, n) = (corpus::bytes(&texts), texts.len());
            let articles = articles_of(texts);
            let before = peak_rss();
            let p = pool(o.threads);
            let (w0, c0) = (Instant::now(), cpu_time());
            let results = p.install(|| analyzer.analyze_batch(&articles));
            let run = Run { wall: w0.elapsed(), cpu: cpu_time() - c0 };
            let after = peak_rss();
            assert!(results.iter().all(Result::is_ok));
            report("analyze_batch (results kept)", run, bytes, n);
            #[allow(clippy::cast_precision_loss)]
            let ratio = |x: usize| x as f64 / bytes as f64;
            println!(
                "input {bytes} bytes; peak RSS before the batch {before} ({:.2}x input), after {after} ({:.2}x input); \
                 growth during the batch {} ({:.2}x input)",
                ratio(before),
                ratio(after),
                after - before,
                ratio(after - before)
            );
            drop(results);
        }
        "write" => {
            let dir = PathBuf::from(o.rest.first().expect("write DIR"));
            std::fs::create_dir_all(&dir).expect("create the folder");
            let texts = build(&o, o.article_kb);
            for (i, t) in texts.iter().enumerate() {
                std::fs::write(dir.join(format!("{i:06}.txt")), t).expect("write");
            }
            println!("{} articles, {} bytes in {}", texts.len(), corpus::bytes(&texts), dir.display());
        }
        "once" => {
            let articles = articles_of(build(&o, o.article_kb));
            let bytes: usize = articles.iter().map(|a| a.text().len()).sum();
            for a in &articles {
                drop(analyzer.analyze(a).expect("analysis"));
            }
            println!("{} articles, {bytes} bytes analysed once", articles.len());
        }
        "ipb" => ipb(&o),
        "digest" => {
            let texts = build(&o, o.article_kb);
            println!("{} {} {:016x}", texts.len(), corpus::bytes(&texts), corpus::digest(&texts));
        }
        _ => {
            eprintln!(
                "usage: perf throughput|scaling|linear|memory|write DIR|digest|once|ipb [--mb N] [--article-kb K] [--threads T] [--repeat R] [--seeds DIR] [--dir DIR]"
            );
            std::process::exit(2);
        }
    }
}
