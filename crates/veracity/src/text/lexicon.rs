//! Common English words: the closed classes that several stages test words against (numbers,
//! days, months, forms of "be", subject pronouns). Every list is lower-case and is read with
//! `contains` on a lower-cased word. Lists tuned for one rule stay beside that rule; where one
//! is a narrower copy of a list here, its name and doc comment say why it differs.

/// Number words ("twelve", "dozens", "millions"): they make a claim quantified, and head
/// quantities of people in attribution subjects ("nine in 10 said").
pub(crate) const NUMBER_WORDS: [&str; 30] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "twice",
    "trillion",
];

/// Days of the week.
pub(crate) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Months of the year.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Forms of "be".
pub(crate) const BE_FORMS: [&str; 8] = ["is", "are", "was", "were", "been", "be", "being", "am"];

/// Subject pronouns ("he said", "claimed they had").
pub(crate) const SUBJECT_PRONOUNS: [&str; 7] = ["he", "she", "they", "it", "we", "i", "you"];

/// Closed-class words (prepositions, conjunctions, determiners, negation, pronouns and the
/// adverbs that open sentences): capitalised only because they start a sentence or a headline
/// word, they are never a name ("Not suited for the kitchen, Greenspan ...", "In an interview,
/// Pompeo said").
pub(crate) const FUNCTION_WORDS: [&str; 97] = [
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "as",
    "at",
    "because",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "except",
    "for",
    "from",
    "further",
    "here",
    "however",
    "if",
    "in",
    "inside",
    "instead",
    "into",
    "just",
    "last",
    "later",
    "like",
    "meanwhile",
    "moreover",
    "much",
    "neither",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "outside",
    "over",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "then",
    "there",
    "these",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "upon",
    "when",
    "while",
    "with",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list is lower-case and free of repeats, as `contains` on a lower-cased word needs.
    #[test]
    fn lists_are_lower_case_without_repeats() {
        let lists: [&[&str]; 6] = [&NUMBER_WORDS, &WEEKDAYS, &MONTHS, &BE_FORMS, &SUBJECT_PRONOUNS, &FUNCTION_WORDS];
        for list in lists {
            for (i, w) in list.iter().enumerate() {
                assert_eq!(*w, w.to_lowercase(), "{w:?} is not lower-case");
                assert!(!list[..i].contains(w), "{w:?} is listed twice");
            }
        }
    }
}
