//! Articles: body text plus optional metadata, and the plain-text loader.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// Whether a metadata value was given by the caller or extracted from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Provenance {
    /// Set by the caller.
    Given,
    /// Found in the text by the analyser (headline line, `By ...` byline, `© YEAR OUTLET` footer).
    Extracted,
}

impl Provenance {
    /// `"given"` or `"extracted"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Provenance::Given => "given",
            Provenance::Extracted => "extracted",
        }
    }
}

/// A metadata value with its [`Provenance`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Meta<T> {
    /// The value.
    pub value: T,
    /// Given by the caller or extracted from the text.
    pub provenance: Provenance,
}

impl<T> Meta<T> {
    /// A caller-given value.
    pub fn given(value: T) -> Self {
        Self { value, provenance: Provenance::Given }
    }
    /// A value extracted from the text.
    pub fn extracted(value: T) -> Self {
        Self { value, provenance: Provenance::Extracted }
    }
}

/// A news article: its body text and optional metadata.
///
/// Build one with [`Article::new`] and the `with_*` methods, or load a plain-text file with
/// [`Article::from_path`]. Missing metadata is filled in from the text during analysis and marked
/// [`Provenance::Extracted`]; metadata given here is never overwritten.
///
/// ```
/// use veracity::Article;
/// let article = Article::new("Rubio confirmed their arrival.")
///     .with_outlet("Example Times")
///     .with_published_str("2025-01-07")?;
/// assert_eq!(article.outlet().map(|m| m.value.as_str()), Some("Example Times"));
/// # Ok::<(), veracity::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Article {
    text: String,
    id: Option<String>,
    path: Option<PathBuf>,
    title: Option<Meta<String>>,
    outlet: Option<Meta<String>>,
    authors: Option<Meta<Vec<String>>>,
    published: Option<Meta<NaiveDate>>,
    url: Option<Meta<String>>,
}

impl Article {
    /// An article with this body text and no metadata.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// Reads a UTF-8 plain-text file (such as the seeds). The path is kept as the article's
    /// path, and its file stem as its id.
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, [`Error::InvalidUtf8`] with the offset of the first
    /// bad byte if it is not UTF-8.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let mut article = Self::from_bytes(bytes, Some(path.display().to_string()))?;
        article.id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        article.path = Some(path.to_path_buf());
        Ok(article)
    }

    /// Decodes UTF-8 bytes (a leading byte-order mark is dropped).
    ///
    /// # Errors
    /// [`Error::InvalidUtf8`] with the offset of the first invalid byte; `origin` names the
    /// input in the message.
    pub fn from_bytes(bytes: Vec<u8>, origin: Option<String>) -> Result<Self> {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..'\u{feff}'.len_utf8());
                }
                Ok(Self::new(text))
            }
            Err(e) => Err(Error::InvalidUtf8 { origin, offset: e.utf8_error().valid_up_to() }),
        }
    }

    /// Sets an identifier (kept verbatim in the output).
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the path the article was read from.
    #[must_use]
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Sets the title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(Meta::given(title.into()));
        self
    }

    /// Sets the outlet (publisher).
    #[must_use]
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Self {
        self.outlet = Some(Meta::given(outlet.into()));
        self
    }

    /// Sets the authors.
    #[must_use]
    pub fn with_authors<I, S>(mut self, authors: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.authors = Some(Meta::given(authors.into_iter().map(Into::into).collect()));
        self
    }

    /// Sets the publication date.
    #[must_use]
    pub fn with_published(mut self, date: NaiveDate) -> Self {
        self.published = Some(Meta::given(date));
        self
    }

    /// Sets the publication date from `YYYY-MM-DD` or an RFC 3339 timestamp (its date is kept).
    ///
    /// # Errors
    /// [`Error::InvalidMetadata`] naming the value when it is neither.
    pub fn with_published_str(self, date: &str) -> Result<Self> {
        Ok(self.with_published(parse_date(date)?))
    }

    /// Sets the URL.
    ///
    /// # Errors
    /// [`Error::InvalidMetadata`] if the value has no `scheme://` prefix or contains whitespace.
    pub fn with_url(mut self, url: impl Into<String>) -> Result<Self> {
        let url = url.into();
        let ok = url.split_once("://").is_some_and(|(scheme, rest)| {
            !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !rest.is_empty()
        }) && !url.chars().any(char::is_whitespace);
        if !ok {
            return Err(Error::InvalidMetadata {
                field: "url",
                value: url,
                reason: "expected an absolute URL such as https://example.com/a".into(),
            });
        }
        self.url = Some(Meta::given(url));
        Ok(self)
    }

    /// The body text, exactly as given (all spans index into it).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The identifier, if any.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    /// The path the article was read from, if any.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
    /// The title and its provenance.
    #[must_use]
    pub fn title(&self) -> Option<&Meta<String>> {
        self.title.as_ref()
    }
    /// The outlet and its provenance.
    #[must_use]
    pub fn outlet(&self) -> Option<&Meta<String>> {
        self.outlet.as_ref()
    }
    /// The authors and their provenance.
    #[must_use]
    pub fn authors(&self) -> Option<&Meta<Vec<String>>> {
        self.authors.as_ref()
    }
    /// The publication date and its provenance.
    #[must_use]
    pub fn published(&self) -> Option<&Meta<NaiveDate>> {
        self.published.as_ref()
    }
    /// The URL and its provenance.
    #[must_use]
    pub fn url(&self) -> Option<&Meta<String>> {
        self.url.as_ref()
    }

    /// Fills metadata that the caller left empty with values extracted from the text.
    pub(crate) fn fill_extracted(&mut self, found: ExtractedMeta) {
        if self.title.is_none() {
            self.title = found.title.map(Meta::extracted);
        }
        if self.outlet.is_none() {
            self.outlet = found.outlet.map(Meta::extracted);
        }
        if self.authors.is_none() && !found.authors.is_empty() {
            self.authors = Some(Meta::extracted(found.authors));
        }
    }
}

/// Metadata the segmenter found in the text.
#[derive(Debug, Clone, Default)]
pub(crate) struct ExtractedMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
}

/// Parses `YYYY-MM-DD` or an RFC 3339 timestamp into a date.
///
/// # Errors
/// [`Error::InvalidMetadata`] when the value is neither.
pub fn parse_date(value: &str) -> Result<NaiveDate> {
    let v = value.trim();
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Ok(d);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(v) {
        return Ok(dt.date_naive());
    }
    Err(Error::InvalidMetadata {
        field: "published",
        value: value.to_owned(),
        reason: "expected YYYY-MM-DD or an RFC 3339 timestamp".into(),
    })
}
