use veracity::{Algorithm, Dataset, TruthOptions};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("file");
    let triples: Vec<(&str, &str, &str)> = text
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?, f.next()?))
        })
        .collect();
    let d = Dataset::from_triples(triples.iter().copied());
    let r = d.discover(&TruthOptions::new(Algorithm::from_name(&args[2]).expect("alg")));
    for t in r.truths() {
        let mut v = r.values(t.object).expect("values");
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        let second = v.get(1).map(|x| x.1).unwrap_or(0.0);
        println!("{}\t{}\t{:.17e}\t{:.17e}", t.object, t.value, v[0].1, second);
    }
}
