//! Corpus input: plain-text files, JSON lines and CSV, read one article at a time.
//!
//! A JSON-lines file holds one JSON object per line; a CSV file has a header row. Both take the
//! same fields: `text` (required), and optionally `id`, `outlet`, `title`, `authors` (a JSON array
//! of names, or one string with names separated by `;`), `published` (a date, see
//! [`crate::parse_date`]) and `url`. Other fields are ignored, so a researcher's corpus goes in as
//! it is. A record without `id` gets `FILE:LINE` as its id. Blank lines of a JSON-lines file are
//! skipped. A malformed record is an [`Error::InvalidRecord`] naming the file and line; reading
//! goes on with the next record.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::article::Article;
use crate::error::{Error, Result};

/// The format of a corpus file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CorpusFormat {
    /// One article: the whole file is its text.
    Text,
    /// One JSON object per line.
    JsonLines,
    /// Comma-separated values with a header row.
    Csv,
}

impl CorpusFormat {
    /// All formats.
    pub const ALL: [CorpusFormat; 3] = [CorpusFormat::Text, CorpusFormat::JsonLines, CorpusFormat::Csv];

    /// The name used on the command line and in Python: `text`, `jsonl`, `csv`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            CorpusFormat::Text => "text",
            CorpusFormat::JsonLines => "jsonl",
            CorpusFormat::Csv => "csv",
        }
    }

    /// The format a file name implies: `.jsonl` and `.ndjson` are JSON lines, `.csv` is CSV,
    /// anything else is one plain-text article.
    #[must_use]
    pub fn from_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("jsonl" | "ndjson") => CorpusFormat::JsonLines,
            Some("csv") => CorpusFormat::Csv,
            _ => CorpusFormat::Text,
        }
    }
}

impl std::str::FromStr for CorpusFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        CorpusFormat::ALL.into_iter().find(|f| f.as_str() == s).ok_or_else(|| Error::InvalidOption {
            option: "corpus format",
            value: s.to_owned(),
            expected: CorpusFormat::ALL.map(CorpusFormat::as_str).join(", "),
        })
    }
}

impl std::fmt::Display for CorpusFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Opens a corpus file in the format its name implies ([`CorpusFormat::from_path`]) and reads it
/// one article at a time.
///
/// ```no_run
/// for article in veracity::read_corpus("corpus.jsonl")? {
///     let article = article?; // a bad line is an error naming the file and line
///     println!("{:?}", article.id());
/// }
/// # Ok::<(), veracity::Error>(())
/// ```
///
/// # Errors
/// [`Error::Io`] when the file cannot be opened; for CSV, [`Error::InvalidRecord`] when the header
/// row has no `text` column.
pub fn read_corpus(path: impl AsRef<Path>) -> Result<Records> {
    let path = path.as_ref();
    read_corpus_as(path, CorpusFormat::from_path(path))
}

/// Opens a corpus file in the given format.
///
/// # Errors
/// As [`read_corpus`].
pub fn read_corpus_as(path: impl AsRef<Path>, format: CorpusFormat) -> Result<Records> {
    let path = path.as_ref();
    if format == CorpusFormat::Text {
        let article = Article::from_path(path);
        return Ok(Records { inner: Inner::Text(Some(article)), line: None });
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    read_records(file, format, &path.display().to_string())
}

/// Reads a corpus from any reader (standard input, a buffer). `origin` names it in errors and
/// default ids.
///
/// # Errors
/// For CSV, [`Error::InvalidRecord`] when the header row cannot be read or has no `text` column.
pub fn read_records(reader: impl Read + Send + 'static, format: CorpusFormat, origin: &str) -> Result<Records> {
    let origin = origin.to_owned();
    let inner = match format {
        CorpusFormat::Text => {
            let mut bytes = Vec::new();
            let mut reader = reader;
            let article = match reader.read_to_end(&mut bytes) {
                Ok(_) => Article::from_bytes(bytes, Some(origin.clone())).map(|a| a.with_id(origin)),
                Err(e) => Err(Error::io(&origin, e)),
            };
            Inner::Text(Some(article))
        }
        CorpusFormat::JsonLines => {
            Inner::Jsonl { lines: Box::new(BufReader::new(reader)), line: 0, origin, buf: String::new() }
        }
        CorpusFormat::Csv => {
            let mut rdr =
                csv::ReaderBuilder::new().flexible(false).from_reader(Box::new(reader) as Box<dyn Read + Send>);
            let headers = rdr
                .headers()
                .map_err(|e| Error::InvalidRecord {
                    origin: origin.clone(),
                    line: 1,
                    message: format!("cannot read the header row: {e}"),
                })?
                .clone();
            let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
            let Some(text) = column("text") else {
                return Err(Error::InvalidRecord {
                    origin,
                    line: 1,
                    message: format!(
                        "the header row has no `text` column (columns: {})",
                        headers.iter().collect::<Vec<_>>().join(", ")
                    ),
                });
            };
            let columns = Columns {
                text,
                id: column("id"),
                outlet: column("outlet"),
                title: column("title"),
                authors: column("authors"),
                published: column("published"),
                url: column("url"),
            };
            Inner::Csv { rdr: Box::new(rdr), columns, origin, record: csv::StringRecord::new() }
        }
    };
    Ok(Records { inner, line: None })
}

#[derive(Debug, Clone, Copy)]
struct Columns {
    text: usize,
    id: Option<usize>,
    outlet: Option<usize>,
    title: Option<usize>,
    authors: Option<usize>,
    published: Option<usize>,
    url: Option<usize>,
}

/// The articles of a corpus, in file order: one `Result` per record, so a bad record never hides
/// the others.
pub struct Records {
    inner: Inner,
    line: Option<usize>,
}

impl Records {
    /// The line (1-based) where the record last returned starts; `None` for a plain-text file.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

enum Inner {
    Text(Option<Result<Article>>),
    Jsonl { lines: Box<dyn BufRead + Send>, line: usize, origin: String, buf: String },
    Csv { rdr: Box<csv::Reader<Box<dyn Read + Send>>>, columns: Columns, origin: String, record: csv::StringRecord },
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            Inner::Text(_) => f.write_str("Records(text)"),
            Inner::Jsonl { origin, line, .. } => write!(f, "Records(jsonl {origin:?}, line {line})"),
            Inner::Csv { origin, .. } => write!(f, "Records(csv {origin:?})"),
        }
    }
}

impl Iterator for Records {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        match &mut self.inner {
            Inner::Text(a) => a.take(),
            Inner::Jsonl { lines, line, origin, buf } => loop {
                buf.clear();
                *line += 1;
                match lines.read_line(buf) {
                    Ok(0) => return None,
                    Ok(_) => {
                        let l = buf.trim();
                        if l.is_empty() {
                            continue;
                        }
                        self.line = Some(*line);
                        return Some(article_from_json(l, origin, *line));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                        // Skip the rest of the bad line so the next record can still be read.
                        let _ = lines.skip_until(b'\n');
                        self.line = Some(*line);
                        return Some(Err(Error::InvalidRecord {
                            origin: origin.clone(),
                            line: *line,
                            message: "not valid UTF-8".into(),
                        }));
                    }
                    Err(e) => return Some(Err(Error::io(origin.as_str(), e))),
                }
            },
            Inner::Csv { rdr, columns, origin, record } => match rdr.read_record(record) {
                Ok(false) => None,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
                    self.line = Some(line);
                    Some(article_from_csv(record, *columns, origin, line))
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
                    self.line = Some(line);
                    Some(Err(Error::InvalidRecord { origin: origin.clone(), line, message: e.to_string() }))
                }
            },
        }
    }
}

struct Fields<'a> {
    text: &'a str,
    id: Option<String>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    authors: Option<Vec<String>>,
    published: Option<&'a str>,
    url: Option<&'a str>,
}

fn build(f: Fields<'_>, origin: &str, line: usize) -> Result<Article> {
    let bad = |message: String| Error::InvalidRecord { origin: origin.to_owned(), line, message };
    let nonempty = |v: Option<&str>| v.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let mut a = Article::new(f.text).with_id(f.id.unwrap_or_else(|| format!("{origin}:{line}")));
    if let Some(v) = nonempty(f.outlet) {
        a = a.with_outlet(v);
    }
    if let Some(v) = nonempty(f.title) {
        a = a.with_title(v);
    }
    if let Some(v) = f.authors.filter(|v| !v.is_empty()) {
        a = a.with_authors(v);
    }
    if let Some(v) = nonempty(f.published) {
        a = a.with_published_str(&v).map_err(|e| bad(format!("field `published`: {e}")))?;
    }
    if let Some(v) = nonempty(f.url) {
        a = a.with_url(v).map_err(|e| bad(format!("field `url`: {e}")))?;
    }
    Ok(a)
}

fn split_authors(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
}

/// Builds an article from one JSON object (a line of a JSON-lines corpus).
///
/// # Errors
/// [`Error::InvalidRecord`] naming `origin` and `line` when the line is not a JSON object, has no
/// string `text`, or a field has the wrong type or a bad value.
pub fn article_from_json(json: &str, origin: &str, line: usize) -> Result<Article> {
    let bad = |message: String| Error::InvalidRecord { origin: origin.to_owned(), line, message };
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| bad(format!("not JSON: {e}")))?;
    let serde_json::Value::Object(obj) = value else {
        return Err(bad("expected a JSON object with a `text` field".into()));
    };
    let string = |key: &str| -> Result<Option<&str>> {
        match obj.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.as_str())),
            Some(other) => Err(bad(format!("field `{key}` must be a string, got {}", json_type(other)))),
        }
    };
    let Some(text) = string("text")? else {
        return Err(bad("no `text` field".into()));
    };
    let id = match obj.get("id") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => return Err(bad(format!("field `id` must be a string or a number, got {}", json_type(other)))),
    };
    let authors = match obj.get("authors") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(split_authors(s)),
        Some(serde_json::Value::Array(items)) => Some(
            items
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(|s| s.trim().to_owned())
                        .ok_or_else(|| bad(format!("field `authors` must hold strings, got {}", json_type(v))))
                })
                .collect::<Result<Vec<_>>>()?
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        Some(other) => {
            return Err(bad(format!(
                "field `authors` must be a list of strings or a string, got {}",
                json_type(other)
            )));
        }
    };
    let fields = Fields {
        text,
        id,
        outlet: string("outlet")?,
        title: string("title")?,
        authors,
        published: string("published")?,
        url: string("url")?,
    };
    build(fields, origin, line)
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

fn article_from_csv(r: &csv::StringRecord, c: Columns, origin: &str, line: usize) -> Result<Article> {
    let get = |i: Option<usize>| i.and_then(|i| r.get(i));
    let fields = Fields {
        text: r.get(c.text).unwrap_or(""),
        id: get(c.id).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
        outlet: get(c.outlet),
        title: get(c.title),
        authors: get(c.authors).map(split_authors),
        published: get(c.published),
        url: get(c.url),
    };
    build(fields, origin, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(s: &str) -> Vec<Result<Article>> {
        read_records(std::io::Cursor::new(s.as_bytes().to_vec()), CorpusFormat::JsonLines, "c.jsonl").unwrap().collect()
    }

    #[test]
    fn json_lines_fields_and_errors() {
        let got = jsonl(concat!(
            "{\"text\": \"Prices rose.\", \"id\": 7, \"outlet\": \"Daily\", \"authors\": [\"A B\", \"C D\"], \"published\": \"2024-03-01\"}\n",
            "\n",
            "{\"text\": \"Wages fell.\", \"authors\": \"E F; G H\", \"extra\": {\"ignored\": true}}\n",
            "not json\n",
            "{\"title\": \"no text\"}\n",
            "{\"text\": \"x\", \"published\": \"yesterday-ish\"}\n",
            "[1, 2]\n",
            "{\"text\": 5}\n",
        ));
        assert_eq!(got.len(), 7);
        let a = got[0].as_ref().unwrap();
        assert_eq!((a.text(), a.id()), ("Prices rose.", Some("7")));
        assert_eq!(a.outlet().unwrap().value, "Daily");
        assert_eq!(a.authors().unwrap().value, ["A B", "C D"]);
        let b = got[1].as_ref().unwrap();
        assert_eq!(b.id(), Some("c.jsonl:3"));
        assert_eq!(b.authors().unwrap().value, ["E F", "G H"]);
        let lines: Vec<(usize, String)> = got[2..]
            .iter()
            .map(|r| match r {
                Err(Error::InvalidRecord { line, message, .. }) => (*line, message.clone()),
                other => panic!("expected an invalid record, got {other:?}"),
            })
            .collect();
        assert_eq!(lines.iter().map(|l| l.0).collect::<Vec<_>>(), [4, 5, 6, 7, 8]);
        assert!(lines[0].1.starts_with("not JSON"));
        assert_eq!(lines[1].1, "no `text` field");
        assert!(lines[2].1.contains("published"));
        assert!(lines[3].1.contains("JSON object"));
        assert_eq!(lines[4].1, "field `text` must be a string, got a number");
    }

    #[test]
    fn csv_records_with_quoted_newlines() {
        let data = "id,text,outlet,authors\n1,\"Prices rose.\n\nWages fell.\",Daily,A B;C D\n2,Rain fell.,,\n";
        let got: Vec<Result<Article>> =
            read_records(std::io::Cursor::new(data.as_bytes().to_vec()), CorpusFormat::Csv, "c.csv").unwrap().collect();
        assert_eq!(got.len(), 2);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.text(), "Prices rose.\n\nWages fell.");
        assert_eq!(a.authors().unwrap().value, ["A B", "C D"]);
        let b = got[1].as_ref().unwrap();
        assert_eq!((b.id(), b.outlet()), (Some("2"), None));
    }

    #[test]
    fn csv_without_text_column_is_an_error() {
        let err =
            read_records(std::io::Cursor::new(b"id,body\n1,x\n".to_vec()), CorpusFormat::Csv, "c.csv").unwrap_err();
        assert!(err.to_string().contains("no `text` column (columns: id, body)"), "{err}");
    }

    #[test]
    fn csv_row_with_wrong_field_count_is_reported_and_reading_goes_on() {
        let data = "id,text\n1,Prices rose.\n2,a,b\n3,Rain fell.\n";
        let got: Vec<Result<Article>> =
            read_records(std::io::Cursor::new(data.as_bytes().to_vec()), CorpusFormat::Csv, "c.csv").unwrap().collect();
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[1], Err(Error::InvalidRecord { line: 3, .. })), "{:?}", got[1]);
        assert_eq!(got[2].as_ref().unwrap().text(), "Rain fell.");
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(CorpusFormat::from_path(Path::new("a/b.JSONL")), CorpusFormat::JsonLines);
        assert_eq!(CorpusFormat::from_path(Path::new("b.ndjson")), CorpusFormat::JsonLines);
        assert_eq!(CorpusFormat::from_path(Path::new("b.csv")), CorpusFormat::Csv);
        assert_eq!(CorpusFormat::from_path(Path::new("b.txt")), CorpusFormat::Text);
        assert!("xml".parse::<CorpusFormat>().is_err());
    }
}
