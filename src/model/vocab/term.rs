//! The term machinery every vocabulary shares: the [`Term`] trait and the [`UnknownTerm`] error.

use std::fmt;

use super::closest_term;

/// An unknown vocabulary term, with the closest known code when one is near enough in meaning
/// or spelling, and the valid codes.
///
/// ```
/// use lexgap::model::{Actor, DataCategory, SafeguardElement};
///
/// let err = "public-authorty".parse::<Actor>().unwrap_err();
/// assert_eq!(err.vocabulary(), "actor");
/// assert_eq!(err.found(), "public-authorty");
/// assert_eq!(err.suggestion(), Some("public-authority"));
/// let swapped = "fcaial-image".parse::<DataCategory>().unwrap_err();
/// assert_eq!(swapped.suggestion(), Some("facial-image"));
/// let synonym = "police".parse::<Actor>().unwrap_err();
/// assert_eq!(synonym.suggestion(), Some("law-enforcement"));
///
/// let far = "zzz".parse::<SafeguardElement>().unwrap_err();
/// assert_eq!(far.suggestion(), None);
/// assert_eq!(far.expected()[..2], ["prior", "content-specified"]);
/// assert!(far.to_string().starts_with(
///     "unknown safeguard element `zzz`; expected one of `prior`, `content-specified`, "
/// ));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{found}`{}", hint(.suggestion.as_deref(), .expected.as_slice()))]
pub struct UnknownTerm {
    vocabulary: &'static str,
    found: String,
    suggestion: Option<&'static str>,
    expected: Vec<&'static str>,
}

/// `; did you mean `x`?` with a suggestion, else `; expected one of `a`, `b`, ...`.
fn hint(suggestion: Option<&str>, expected: &[&str]) -> String {
    match suggestion {
        Some(s) => format!("; did you mean `{s}`?"),
        None if expected.is_empty() => String::new(),
        None => {
            let codes: Vec<String> = expected.iter().map(|c| format!("`{c}`")).collect();
            format!("; expected one of {}", codes.join(", "))
        }
    }
}

impl UnknownTerm {
    /// The vocabulary that was searched, such as `data category`.
    pub fn vocabulary(&self) -> &'static str {
        self.vocabulary
    }
    /// The code that was not found.
    pub fn found(&self) -> &str {
        &self.found
    }
    /// The closest known code, if any is close enough in meaning or spelling.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
    /// Every valid code of the vocabulary, in declaration order.
    pub fn expected(&self) -> &[&'static str] {
        &self.expected
    }
}

/// A closed vocabulary: every term has a code, a definition, aliases and perhaps a DPV IRI.
pub trait Term: Copy + Eq + Ord + fmt::Debug + 'static {
    /// What the vocabulary is called in messages, such as `data category`.
    const VOCABULARY: &'static str;
    /// Every term, in declaration order.
    const ALL: &'static [Self];
    /// The stable kebab-case code.
    fn code(self) -> &'static str;
    /// A one-line definition.
    fn definition(self) -> &'static str;
    /// The W3C Data Privacy Vocabulary IRI of the matching concept, where one exists.
    fn dpv(self) -> Option<&'static str>;
    /// Words a new annotator might write for this term (`police` for `law-enforcement`). They
    /// are not codes: they only lead the did-you-mean of an unknown code to the term.
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
    /// Parses a code, case-insensitively; on failure the error suggests the term closest in
    /// meaning or spelling, or lists the valid codes.
    fn parse_code(s: &str) -> Result<Self, UnknownTerm> {
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownTerm {
                vocabulary: Self::VOCABULARY,
                found: s.to_owned(),
                suggestion: closest_term::<Self>(s).map(Term::code),
                expected: Self::ALL.iter().map(|t| t.code()).collect(),
            })
    }
}
