//! The front end: what every later stage reads of an article's text, computed once.

pub(crate) mod lexicon;
pub(crate) mod tokens;
