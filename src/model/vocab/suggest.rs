//! Did-you-mean suggestions: plain spelling for ids and names, meaning and spelling for
//! vocabulary terms.

use super::{MAX_SUGGESTION_INPUT, SUGGESTION_THRESHOLD, Term};

/// Returns the candidate most similar to `found` (Jaro-Winkler), if it is close enough.
///
/// Plain spelling, for ids and names (`eu/gpdr`, `art-99x`); vocabulary terms use
/// [`closest_term`], which also weighs meaning.
pub(crate) fn closest<'a, I>(found: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    if found.len() > MAX_SUGGESTION_INPUT {
        return None;
    }
    let found = found.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            // Jaro-Winkler ranks; one edit (a swap of two letters included) always qualifies,
            // which Jaro-Winkler alone misses on short codes (`ue` for `eu`).
            let score = strsim::jaro_winkler(&found, c);
            let near = strsim::damerau_levenshtein(&found, c) <= 1;
            (
                if near {
                    score.max(SUGGESTION_THRESHOLD)
                } else {
                    score
                },
                c,
            )
        })
        .filter(|(score, _)| *score >= SUGGESTION_THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// Like [`closest`], for owned candidate names.
pub(crate) fn closest_owned<'a, I>(found: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a String>,
{
    closest(found, candidates.into_iter().map(String::as_str)).map(str::to_owned)
}

// Evidence for a did-you-mean on vocabulary terms. Each term gets the best of these scores, and
// the best term is suggested when its score reaches `SUGGESTION_THRESHOLD` and no other term has
// the same score (a tie is no evidence for either).
//
// - 1.0: the unknown code is the term's code or one of its aliases, word for word once stemmed
//   (`biometrics`, `special-categories`, `prior-authorization`).
// - Spelling, against the code (and against each alias, times `ALIAS_SPELLING`): the mean of
//   Jaro-Winkler and the share of characters left unedited (Damerau-Levenshtein), at least
//   `ONE_EDIT` when one edit (a swap included) separates them, times `FAR_SPELLING` when more
//   than a quarter of the characters differ.
// - Words: each (stemmed, non-stop) word of the unknown code scores `CODE_WORD` if it is a word
//   of the code, `ALIAS_WORD` of an alias, `FUZZY` times that for one edit away, and a word of
//   the definition `DISTINCT_DEFINITION_WORD` if no other term of the vocabulary uses it, else
//   `SHARED_DEFINITION_WORD`. Their mean, times 0.9 plus 0.1 for the share of the code's words
//   matched, is the score: `camera` finds `monitor-public-space` by its definition, `data`
//   finds nothing (two codes share it).

/// One edit away is strong evidence.
const ONE_EDIT: f64 = 0.9;
/// An alias counts for a little less than the code itself when spelling decides.
const ALIAS_SPELLING: f64 = 0.95;
/// Spellings that differ in more than a quarter of their characters count for less.
const FAR_SPELLING: f64 = 0.85;
const CODE_WORD: f64 = 1.0;
const ALIAS_WORD: f64 = 0.9;
const FUZZY: f64 = 0.8;
const DISTINCT_DEFINITION_WORD: f64 = 0.8;
const SHARED_DEFINITION_WORD: f64 = 0.5;

/// Words too common to tell terms apart.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "any", "are", "as", "at", "be", "by", "can", "do", "for", "from", "in",
    "into", "is", "it", "its", "may", "must", "no", "not", "of", "on", "or", "so", "such", "than",
    "that", "the", "their", "them", "they", "this", "to", "too", "under", "when", "where", "which",
    "who", "whom", "with",
];

/// A crude English stemmer, enough to match `biometrics` with `biometric`, `anonymised` with
/// `anonymise`, `overlap` with `overlapping` and `authorization` with `authorisation`: `-iz-`
/// becomes `-is-`; a plural `-s` or `-ies` goes; then one of `-ation`, `-ment`, `-ing`, `-ed`
/// (undoubling a final consonant after the last two); then a final `-e`. `info` is
/// `information`.
fn stem(word: &str) -> String {
    if word == "info" {
        return "inform".to_owned();
    }
    let mut w = word.replace("iz", "is");
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3
        && w.ends_with('s')
        && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"))
    {
        w.pop();
    }
    for suffix in ["ation", "ment", "ing", "ed"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            if matches!(suffix, "ing" | "ed") {
                let b = w.as_bytes();
                let n = b.len();
                if n >= 2 && b[n - 1] == b[n - 2] && !b"aeioulsfz".contains(&b[n - 1]) {
                    w.pop();
                }
            }
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// The lowercase words of `text` (split at anything but letters and digits), stemmed.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stem(&w.to_lowercase()))
        .collect()
}

/// The words of `text` that carry meaning: no stopwords, no single letters, no repeats; all of
/// its words if that leaves none (`may`).
fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        let w = w.to_lowercase();
        if w.chars().count() < 2 || STOPWORDS.contains(&w.as_str()) {
            continue;
        }
        let w = stem(&w);
        if !out.contains(&w) {
            out.push(w);
        }
    }
    if out.is_empty() {
        out = words(text);
        out.dedup();
    }
    out
}

/// What the matcher knows of one term.
struct Profile {
    /// The stemmed word sequences of the code and of each alias.
    keys: Vec<String>,
    /// The spellings to compare with: the code, then the aliases.
    spellings: Vec<&'static str>,
    code_words: Vec<String>,
    alias_words: Vec<String>,
    definition_words: Vec<String>,
}

impl Profile {
    fn of<T: Term>(t: T) -> Profile {
        let mut keys = vec![words(t.code()).join("-")];
        let mut spellings = vec![t.code()];
        let mut alias_words = Vec::new();
        for alias in t.aliases() {
            keys.push(words(alias).join("-"));
            spellings.push(alias);
            alias_words.extend(content_words(alias));
        }
        Profile {
            keys,
            spellings,
            code_words: content_words(t.code()),
            alias_words,
            definition_words: content_words(t.definition()),
        }
    }

    fn uses(&self, word: &str) -> bool {
        [&self.code_words, &self.alias_words, &self.definition_words]
            .iter()
            .any(|ws| ws.iter().any(|w| w == word))
    }
}

/// Whether two words differ by one edit, both being long enough for that to mean a typo.
fn fuzzy(a: &str, b: &str) -> bool {
    a.len() >= 5 && b.len() >= 5 && strsim::damerau_levenshtein(a, b) <= 1
}

/// How alike two spellings are, from 0 to 1 (see the evidence list above).
fn spelling(found: &str, candidate: &str) -> f64 {
    let jw = strsim::jaro_winkler(found, candidate);
    let edits = strsim::damerau_levenshtein(found, candidate);
    let len = found.chars().count().max(candidate.chars().count()).max(1);
    let score = (jw + 1.0 - edits as f64 / len as f64) / 2.0;
    if edits <= 1 {
        score.max(ONE_EDIT)
    } else if 4 * edits > len {
        // More than a quarter rewritten is another word that shares some letters
        // (`face-recognition`, `speaker-recognition`), not a typo.
        score * FAR_SPELLING
    } else {
        score
    }
}

/// How well `found` (its content words) matches the words of `profiles[i]`.
fn word_score(found: &[String], profiles: &[Profile], i: usize) -> f64 {
    if found.is_empty() {
        return 0.0;
    }
    let p = &profiles[i];
    let mut matched_code = vec![false; p.code_words.len()];
    let mut total = 0.0;
    for f in found {
        let mut best: f64 = 0.0;
        for (k, c) in p.code_words.iter().enumerate() {
            if c == f {
                best = best.max(CODE_WORD);
                matched_code[k] = true;
            } else if fuzzy(f, c) {
                best = best.max(CODE_WORD * FUZZY);
                matched_code[k] = true;
            }
        }
        for a in &p.alias_words {
            if a == f {
                best = best.max(ALIAS_WORD);
            } else if fuzzy(f, a) {
                best = best.max(ALIAS_WORD * FUZZY);
            }
        }
        if p.definition_words.contains(f) {
            let others = profiles
                .iter()
                .enumerate()
                .any(|(j, q)| j != i && q.uses(f));
            best = best.max(if others {
                SHARED_DEFINITION_WORD
            } else {
                DISTINCT_DEFINITION_WORD
            });
        }
        total += best;
    }
    let found_share = total / found.len() as f64;
    let code_share =
        matched_code.iter().filter(|m| **m).count() as f64 / p.code_words.len().max(1) as f64;
    found_share * (0.9 + 0.1 * code_share)
}

/// The term of `T` that an unknown code most likely meant, judged by its aliases, the words of
/// its code and definition, and spelling; `None` when no term is close enough, or two are
/// equally close.
pub(crate) fn closest_term<T: Term>(found: &str) -> Option<T> {
    if found.len() > MAX_SUGGESTION_INPUT {
        return None;
    }
    let normal: String = found
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c == '_' || c.is_whitespace() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let key = words(&normal).join("-");
    let found_words = content_words(&normal);
    let profiles: Vec<Profile> = T::ALL.iter().map(|t| Profile::of(*t)).collect();
    let scores: Vec<f64> = (0..profiles.len())
        .map(|i| {
            let p = &profiles[i];
            if !key.is_empty() && p.keys.contains(&key) {
                return 1.0;
            }
            let spelled = p
                .spellings
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let weight = if k == 0 { 1.0 } else { ALIAS_SPELLING };
                    weight * spelling(&normal, s)
                })
                .fold(0.0, f64::max);
            spelled.max(word_score(&found_words, &profiles, i))
        })
        .collect();
    let (best, &score) = scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(&a.0)))?;
    let tied = scores
        .iter()
        .enumerate()
        .any(|(i, s)| i != best && (s - score).abs() < 1e-9);
    (score >= SUGGESTION_THRESHOLD && !tied).then(|| T::ALL[best])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::{
        Activity, Actor, DataCategory, InstrumentKind, LegalValue, NormKind, Purpose, Relation,
        SafeguardElement, SafeguardKind, Scope, Status,
    };

    #[test]
    fn one_edit_always_suggests() {
        assert_eq!(closest("ue", ["eu", "us", "un"]), Some("eu"));
        assert_eq!(closest("gpdr", ["gdpr", "pipl"]), Some("gdpr"));
        assert_eq!(closest("xyz", ["eu", "us"]), None);
    }

    fn suggestion<T: Term>(found: &str) -> Option<&'static str> {
        T::parse_code(found).expect_err("not a code").suggestion()
    }

    /// The cases that motivated the matcher: meaning first, spelling still.
    #[test]
    fn suggestions_follow_meaning_and_spelling() {
        assert_eq!(suggestion::<SafeguardElement>("periodic"), Some("review"));
        assert_eq!(
            suggestion::<SafeguardElement>("periodic-review"),
            Some("review")
        );
        assert_eq!(
            suggestion::<Actor>("national-security"),
            Some("state-security")
        );
        assert_eq!(
            suggestion::<Purpose>("national-security"),
            Some("state-security")
        );
        assert_eq!(suggestion::<Actor>("police"), Some("law-enforcement"));
        assert_eq!(suggestion::<Actor>("public-body"), Some("public-authority"));
        assert_eq!(
            suggestion::<Actor>("state-agency"),
            Some("state-instrumentality")
        );
        assert_eq!(
            suggestion::<SafeguardKind>("dpia"),
            Some("impact-assessment")
        );
        assert_eq!(
            suggestion::<SafeguardKind>("warrant"),
            Some("prior-authorisation")
        );
        assert_eq!(
            suggestion::<DataCategory>("special-category"),
            Some("sensitive-data")
        );
        assert_eq!(suggestion::<DataCategory>("biometrics"), Some("biometric"));
        assert_eq!(
            suggestion::<DataCategory>("fcaial-image"),
            Some("facial-image")
        );
        assert_eq!(suggestion::<DataCategory>("photos"), Some("image"));
        assert_eq!(suggestion::<Purpose>("statistics"), Some("research"));
        assert_eq!(suggestion::<Purpose>("healthcare"), Some("health-care"));
        // Inflections and US spelling, by stemming.
        assert_eq!(
            suggestion::<DataCategory>("special-categories"),
            Some("sensitive-data")
        );
        assert_eq!(
            suggestion::<SafeguardKind>("prior-authorization"),
            Some("prior-authorisation")
        );
        assert_eq!(suggestion::<Relation>("overlap"), Some("overlapping"));
        // A word of one definition only.
        assert_eq!(
            suggestion::<Activity>("camera"),
            Some("monitor-public-space")
        );
        // The words of a code in another order or with more words.
        assert_eq!(
            suggestion::<Purpose>("public-interest-substantial"),
            Some("substantial-public-interest")
        );
        assert_eq!(
            suggestion::<DataCategory>("location-data"),
            Some("location")
        );
        // Typos, one and two edits.
        assert_eq!(suggestion::<Actor>("any-handlr"), Some("any-handler"));
        assert_eq!(
            suggestion::<Actor>("pubic-authorty"),
            Some("public-authority")
        );
        assert_eq!(suggestion::<NormKind>("obligaton"), Some("obligation"));
        assert_eq!(suggestion::<InstrumentKind>("statue"), Some("statute"));
        assert_eq!(
            suggestion::<SafeguardKind>("warant"),
            Some("prior-authorisation")
        );
        // Separators other than `-`.
        assert_eq!(suggestion::<Status>("in_force"), Some("in-force"));
    }

    /// The old matcher suggested `state-security` for `state-instrumentality` (a shared prefix)
    /// and `prior` for `periodic`; a long shared tail is not a typo either.
    #[test]
    fn shared_letters_are_not_evidence() {
        assert_eq!(
            "state-instrumentality".parse::<Actor>(),
            Ok(Actor::StateInstrumentality)
        );
        assert_eq!(suggestion::<Actor>("state-corporation"), None);
        assert_ne!(suggestion::<SafeguardElement>("periodic"), Some("prior"));
        assert_eq!(
            suggestion::<DataCategory>("face-recognition"),
            Some("facial-image")
        );
        assert_ne!(
            suggestion::<DataCategory>("speaker-recognitions"),
            Some("facial-image")
        );
    }

    #[test]
    fn no_suggestion_without_evidence() {
        for found in ["zzz", "banana", "qwerty-uiop"] {
            assert_eq!(suggestion::<SafeguardElement>(found), None, "{found}");
            assert_eq!(suggestion::<DataCategory>(found), None, "{found}");
            assert_eq!(suggestion::<Purpose>(found), None, "{found}");
            assert_eq!(suggestion::<Actor>(found), None, "{found}");
        }
        // A word that several codes share points at none of them.
        assert_eq!(suggestion::<DataCategory>("data"), None);
        assert_eq!(suggestion::<Purpose>("interest"), None);
        assert_eq!(suggestion::<Purpose>("security"), None);
        assert_eq!(suggestion::<SafeguardKind>("rights"), None);
        assert_eq!(suggestion::<Purpose>(""), None);
    }

    #[test]
    fn without_a_suggestion_the_message_lists_every_code() {
        let err = "zzz".parse::<SafeguardElement>().unwrap_err();
        assert_eq!(err.suggestion(), None);
        let codes: Vec<&str> = SafeguardElement::ALL.iter().map(|t| t.code()).collect();
        assert_eq!(err.expected(), codes.as_slice());
        let listed: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        assert_eq!(
            err.to_string(),
            format!(
                "unknown safeguard element `zzz`; expected one of {}",
                listed.join(", ")
            )
        );
        assert!(err.to_string().starts_with(
            "unknown safeguard element `zzz`; expected one of `prior`, `content-specified`, \
             `risk-to-rights`, "
        ));
        assert!(err.to_string().ends_with("`public-bodies`, `urgency`"));
        // With a suggestion, the list is left out (but still there to read).
        let err = "periodic".parse::<SafeguardElement>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown safeguard element `periodic`; did you mean `review`?"
        );
        assert_eq!(err.expected().len(), SafeguardElement::ALL.len());
    }

    fn check_vocabulary<T: Term>() {
        let codes: Vec<&str> = T::ALL.iter().map(|t| t.code()).collect();
        let mut keys: Vec<(String, &str)> =
            codes.iter().map(|c| (words(c).join("-"), *c)).collect();
        for &t in T::ALL {
            let code = t.code();
            assert_eq!(T::parse_code(code), Ok(t));
            assert_eq!(T::parse_code(&code.to_ascii_uppercase()), Ok(t));
            assert!(
                !t.definition().is_empty() && !t.definition().ends_with('.'),
                "{code}"
            );
            if let Some(iri) = t.dpv() {
                let local = iri
                    .strip_prefix("https://w3id.org/dpv#")
                    .or_else(|| iri.strip_prefix("https://w3id.org/dpv/pd#"))
                    .unwrap_or_else(|| panic!("{code}: {iri} is not a DPV IRI"));
                assert!(
                    local.starts_with(|c: char| c.is_ascii_uppercase())
                        && local.chars().all(|c| c.is_ascii_alphanumeric()),
                    "{code}: {iri}"
                );
            }
            for alias in t.aliases() {
                assert!(
                    !alias.is_empty()
                        && alias.split('-').all(|w| {
                            !w.is_empty()
                                && w.chars()
                                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                        }),
                    "{} alias `{alias}` is not kebab-case",
                    T::VOCABULARY
                );
                assert!(
                    T::parse_code(alias).is_err(),
                    "{} alias `{alias}` is a code",
                    T::VOCABULARY
                );
                // An alias leads to its own term, and no other.
                assert_eq!(
                    suggestion::<T>(alias),
                    Some(code),
                    "{} alias `{alias}`",
                    T::VOCABULARY
                );
                keys.push((words(alias).join("-"), code));
            }
        }
        keys.sort();
        for pair in keys.windows(2) {
            assert!(
                pair[0].0 != pair[1].0 || pair[0].1 == pair[1].1,
                "{}: `{}` stands for both `{}` and `{}`",
                T::VOCABULARY,
                pair[0].0,
                pair[0].1,
                pair[1].1
            );
        }
    }

    /// In every vocabulary: codes parse (any case), definitions are one line without a
    /// period, IRIs are DPV's, and every alias is kebab-case, not a code, and leads to its term.
    #[test]
    fn every_vocabulary_is_consistent() {
        check_vocabulary::<NormKind>();
        check_vocabulary::<Actor>();
        check_vocabulary::<DataCategory>();
        check_vocabulary::<Activity>();
        check_vocabulary::<Purpose>();
        check_vocabulary::<SafeguardKind>();
        check_vocabulary::<SafeguardElement>();
        check_vocabulary::<Scope>();
        check_vocabulary::<Relation>();
        check_vocabulary::<InstrumentKind>();
        check_vocabulary::<Status>();
        check_vocabulary::<LegalValue>();
    }

    #[test]
    fn stemming() {
        assert_eq!(stem("biometrics"), stem("biometric"));
        assert_eq!(stem("categories"), stem("category"));
        assert_eq!(stem("anonymised"), stem("anonymisation"));
        assert_eq!(stem("authorization"), stem("authorise"));
        assert_eq!(stem("overlapping"), stem("overlap"));
        assert_eq!(stem("enforcement"), stem("enforce"));
        assert_eq!(stem("taxation"), "tax");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("身份特征"), "身份特征");
        assert_eq!(content_words("the rights of others"), ["right", "other"]);
        assert_eq!(content_words("may"), ["may"]);
    }
}
