//! The front end: what every stage reads about the words of a text.

pub(crate) mod lexicon;
