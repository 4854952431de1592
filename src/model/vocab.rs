//! The closed vocabularies that norms are written in.
//!
//! Every term is a variant of a `#[non_exhaustive]` enum, serialised as a stable kebab-case code
//! (the one written in `provisions/**/*.toml`), with a one-line definition, a few aliases (words
//! a new annotator might type for it) and, where the W3C Data Privacy Vocabulary has a matching
//! concept, its IRI. Aliases are never accepted as codes: an unknown code is a load error that
//! suggests the term it is closest to, in meaning (its aliases, the words of its code and
//! definition) or in spelling, or lists every valid code when none is close.
//!
//! ```
//! use lexgap::model::{DataCategory, SafeguardElement, Scope};
//!
//! let face: DataCategory = "facial-image".parse()?;
//! assert!(face.is_a(DataCategory::Sensitive));
//! assert_eq!(DataCategory::Biometric.dpv(), Some("https://w3id.org/dpv/pd#Biometric"));
//! let err = "biometrics".parse::<DataCategory>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown data category `biometrics`; did you mean `biometric`?");
//! // By meaning: `periodic` is one of the aliases of `review`.
//! let err = "periodic".parse::<SafeguardElement>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown safeguard element `periodic`; did you mean `review`?");
//! // Nothing close: every code, in declaration order.
//! let err = "zzz".parse::<Scope>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown scope `zzz`; expected one of `provision`, `instrument`");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

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

/// Names longer than this get no did-you-mean: no code or id is that long, and the edit
/// distance from a huge string to every candidate would make a failed lookup slow (a 5 MB
/// norm kind took 6 s).
pub(crate) const MAX_SUGGESTION_INPUT: usize = 256;

/// Similarity above which an unknown name gets a did-you-mean suggestion.
pub(crate) const SUGGESTION_THRESHOLD: f64 = 0.7;

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

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($vocab:literal) {
            $( $variant:ident = $code:literal, $dpv:expr, $def:literal; )+
        }
        $( aliases {
            $( $avariant:ident => [$($alias:literal),+ $(,)?]; )*
        } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( #[doc = $def] $variant, )+
        }

        impl Term for $name {
            const VOCABULARY: &'static str = $vocab;
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }
            fn definition(self) -> &'static str {
                match self { $(Self::$variant => $def,)+ }
            }
            fn dpv(self) -> Option<&'static str> {
                match self { $(Self::$variant => $dpv,)+ }
            }
            #[allow(unreachable_patterns)]
            fn aliases(self) -> &'static [&'static str] {
                match self {
                    $( $( Self::$avariant => &[$($alias),+], )* )?
                    _ => &[],
                }
            }
        }

        impl $name {
            /// Every term, in declaration order.
            pub const ALL: &'static [Self] = <Self as Term>::ALL;
            /// The stable kebab-case code, as written in provision files.
            pub fn code(self) -> &'static str { Term::code(self) }
            /// A one-line definition.
            pub fn definition(self) -> &'static str { Term::definition(self) }
            /// The W3C Data Privacy Vocabulary IRI of the matching concept, where one exists.
            pub fn dpv(self) -> Option<&'static str> { Term::dpv(self) }
            /// Words a new annotator might write for this term; never accepted as codes, they
            /// lead the did-you-mean of an unknown code here.
            pub fn aliases(self) -> &'static [&'static str] { Term::aliases(self) }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $name {
            type Err = UnknownTerm;
            fn from_str(s: &str) -> Result<Self, UnknownTerm> {
                Self::parse_code(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A DPV IRI: `core` is the namespace `https://w3id.org/dpv#`, `pd` the personal-data
/// extension `https://w3id.org/dpv/pd#`. Every IRI below names a concept of DPV 2.2 and 2.3
/// (`dpv/dpv.ttl`, `pd/pd.ttl` in `github.com/w3c/dpv`); a term without a matching concept has
/// `dpv!(none)`.
macro_rules! dpv {
    (core $local:literal) => {
        Some(concat!("https://w3id.org/dpv#", $local))
    };
    (pd $local:literal) => {
        Some(concat!("https://w3id.org/dpv/pd#", $local))
    };
    (none) => {
        None
    };
}

vocabulary! {
    /// What a norm does.
    pub enum NormKind ("norm kind") {
        Obligation = "obligation", dpv!(none), "a duty to act";
        Prohibition = "prohibition", dpv!(none), "a duty not to act";
        Permission = "permission", dpv!(none), "leave to act, usually under conditions";
        Exception = "exception", dpv!(none), "a derogation from a right or a rule";
        Right = "right", dpv!(core "DataSubjectRight"), "an entitlement of a person";
        Definition = "definition", dpv!(none), "the meaning of a term used elsewhere";
    }
    aliases {
        Obligation => ["duty", "requirement", "must", "shall"];
        Prohibition => ["ban", "forbidden", "prohibit", "must-not"];
        Permission => ["allowed", "permitted", "may", "authorisation"];
        Exception => ["derogation", "exemption", "limitation", "restriction"];
        Right => ["entitlement", "individual-right"];
        Definition => ["meaning", "defined-term"];
    }
}

vocabulary! {
    /// Whom a norm binds or empowers.
    pub enum Actor ("actor") {
        AnyHandler = "any-handler", dpv!(core "DataController"), "anyone who processes the data, public or private";
        PrivateHandler = "private-handler", dpv!(none), "a private person or company that processes the data";
        PublicAuthority = "public-authority", dpv!(core "GovernmentalOrganisation"), "a state organ or public body";
        StateInstrumentality = "state-instrumentality", dpv!(core "PublicSectorBody"), "an instrumentality or agency of the State, a body owned or controlled by it or exercising its functions";
        LawEnforcement = "law-enforcement", dpv!(none), "police and public security organs";
        Prosecutor = "prosecutor", dpv!(none), "a public prosecutor or procuratorate";
        StateSecurity = "state-security", dpv!(none), "state or national security organs";
        Court = "court", dpv!(none), "a court or judge";
        SupervisoryAuthority = "supervisory-authority", dpv!(core "DataProtectionAuthority"), "an authority that supervises data protection";
        Legislature = "legislature", dpv!(none), "the body that makes the law (for norms addressed to law-makers)";
        DataSubject = "data-subject", dpv!(core "DataSubject"), "the person whom the data are about";
    }
    aliases {
        AnyHandler => ["handler", "controller", "data-controller", "processor", "anyone"];
        PrivateHandler => ["company", "business", "enterprise", "private-sector", "private-company"];
        PublicAuthority => ["public-body", "public-agency", "government", "state", "state-organ", "public-sector-body"];
        StateInstrumentality => ["instrumentality", "state-agency", "state-body", "state-owned", "state-owned-enterprise", "state-controlled-body"];
        LawEnforcement => ["police", "public-security-organ", "law-enforcement-authority"];
        Prosecutor => ["procuratorate", "procurator", "prosecution", "public-prosecutor"];
        StateSecurity => ["national-security", "intelligence", "security-services", "state-security-organ"];
        Court => ["judge", "judiciary", "judicial", "tribunal"];
        SupervisoryAuthority => ["regulator", "dpa", "data-protection-authority", "supervisor"];
        Legislature => ["parliament", "lawmaker", "law-maker", "congress"];
        DataSubject => ["individual", "person", "data-principal", "user"];
    }
}

impl Actor {
    /// Whether this actor is an organ of the state (public authority, state instrumentalities,
    /// police, prosecutor, security organs, courts, supervisory authorities, the legislature).
    ///
    /// ```
    /// use lexgap::model::Actor;
    /// assert!(Actor::LawEnforcement.is_state());
    /// assert!(Actor::StateInstrumentality.is_state());
    /// assert!(!Actor::PrivateHandler.is_state());
    /// ```
    pub fn is_state(self) -> bool {
        !matches!(
            self,
            Actor::AnyHandler | Actor::PrivateHandler | Actor::DataSubject
        )
    }

    /// Whether a norm addressed to `self` also binds `other`: `any-handler` covers everyone
    /// who handles data, `public-authority` covers every state organ but the legislature
    /// (state instrumentalities included).
    ///
    /// ```
    /// use lexgap::model::Actor;
    /// assert!(Actor::AnyHandler.covers(Actor::LawEnforcement));
    /// assert!(Actor::PublicAuthority.covers(Actor::Prosecutor));
    /// assert!(Actor::PublicAuthority.covers(Actor::StateInstrumentality));
    /// assert!(!Actor::PrivateHandler.covers(Actor::PublicAuthority));
    /// ```
    pub fn covers(self, other: Actor) -> bool {
        self == other
            || match self {
                Actor::AnyHandler => other != Actor::DataSubject,
                Actor::PublicAuthority => other.is_state() && other != Actor::Legislature,
                _ => false,
            }
    }
}

vocabulary! {
    /// Categories of data, in a hierarchy (see [`DataCategory::parent`]).
    pub enum DataCategory ("data category") {
        PersonalData = "personal-data", dpv!(core "PersonalData"), "any information relating to an identified or identifiable natural person";
        Sensitive = "sensitive-data", dpv!(core "SensitivePersonalData"), "personal data whose processing the law treats as especially risky (special categories, sensitive personal information)";
        Biometric = "biometric", dpv!(pd "Biometric"), "data from technical processing of physical, physiological or behavioural characteristics that identify a person";
        FacialImage = "facial-image", dpv!(pd "FacialPrint"), "facial images processed by specific technical means to identify or authenticate a person uniquely (biometric)";
        IdentityFeatures = "identity-features", dpv!(none), "features used to recognise a person's identity (身份特征, 身份识别信息)";
        Fingerprint = "fingerprint", dpv!(pd "Fingerprint"), "fingerprints and the patterns taken from them (dactyloscopic data)";
        Voiceprint = "voiceprint", dpv!(none), "voiceprints: the characteristics of a person's voice that identify them";
        Genetic = "genetic", dpv!(pd "Genetic"), "data on inherited or acquired genetic characteristics";
        Health = "health", dpv!(pd "Health"), "data concerning physical or mental health";
        RacialEthnic = "racial-ethnic", dpv!(none), "data revealing racial or ethnic origin";
        Religion = "religion", dpv!(none), "data revealing religious or philosophical beliefs";
        PoliticalOpinion = "political-opinion", dpv!(none), "data revealing political opinions";
        TradeUnion = "trade-union", dpv!(pd "TradeUnionMembership"), "data revealing trade-union membership";
        SexLife = "sex-life", dpv!(none), "data concerning sex life or sexual orientation";
        Financial = "financial", dpv!(pd "Financial"), "financial accounts and similar financial data";
        Location = "location", dpv!(pd "Location"), "location and movement (行踪) data";
        Minors = "minors", dpv!(none), "personal data of children (under 14 in the PIPL)";
        Correspondence = "correspondence", dpv!(none), "the content and the freedom and privacy of correspondence and communications";
        Home = "home", dpv!(none), "the home and its inviolability";
        Criminal = "criminal", dpv!(none), "data relating to criminal convictions and offences";
        Image = "image", dpv!(pd "Picture"), "images or photographs of a person, biometric only when processed by specific technical means to identify the person uniquely (GDPR art. 4(14), recital 51)";
        PublicImage = "public-image", dpv!(none), "images and identity data collected in public places";
    }
    aliases {
        PersonalData => ["personal-information", "personal-info", "pii", "personally-identifiable-information"];
        Sensitive => ["special-category", "special-category-data", "sensitive", "sensitive-personal-information", "sensitive-personal-data"];
        Biometric => ["biometrics", "biometric-data", "biometric-information"];
        FacialImage => ["face", "faceprint", "facial-print", "facial-features", "face-image", "facial-recognition"];
        IdentityFeatures => ["identity", "identity-data", "identifying-features", "identification-information"];
        Fingerprint => ["finger-print", "dactyloscopic-data", "fingerprint-data"];
        Voiceprint => ["voice", "voice-print", "voice-data", "speaker-recognition"];
        Genetic => ["dna", "genetic-data", "genetics"];
        Health => ["medical", "medical-data", "health-data", "medical-records"];
        RacialEthnic => ["race", "ethnicity", "racial-origin", "ethnic-origin"];
        Religion => ["religious-beliefs", "philosophical-beliefs", "belief", "faith"];
        PoliticalOpinion => ["politics", "political-views", "political-beliefs"];
        TradeUnion => ["trade-union-membership", "union-membership", "labour-union"];
        SexLife => ["sexual-orientation", "sexuality", "sex"];
        Financial => ["finance", "bank-account", "financial-account", "payment-data"];
        Location => ["whereabouts", "movements", "geolocation", "gps", "tracking"];
        Minors => ["children", "child", "child-data", "youth"];
        Correspondence => ["communications", "letters", "mail", "messages"];
        Home => ["dwelling", "residence", "domicile", "house"];
        Criminal => ["criminal-records", "convictions", "offences", "criminal-convictions"];
        Image => ["photo", "photograph", "picture", "portrait"];
        PublicImage => ["cctv-footage", "surveillance-footage", "public-place-images"];
    }
}

impl DataCategory {
    /// The broader category, if any: fingerprint and voiceprint are identity-features;
    /// facial-image and identity-features are biometric; biometric, genetic, health, trade-union
    /// and the other special categories are sensitive-data; sensitive-data and every other
    /// category (image among them: a photograph is biometric only when processed to identify
    /// someone uniquely, which is facial-image) are personal-data.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert_eq!(DataCategory::FacialImage.parent(), Some(DataCategory::Biometric));
    /// assert_eq!(DataCategory::Fingerprint.parent(), Some(DataCategory::IdentityFeatures));
    /// assert_eq!(DataCategory::TradeUnion.parent(), Some(DataCategory::Sensitive));
    /// assert_eq!(DataCategory::Image.parent(), Some(DataCategory::PersonalData));
    /// assert_eq!(DataCategory::PersonalData.parent(), None);
    /// ```
    pub fn parent(self) -> Option<DataCategory> {
        use DataCategory::*;
        match self {
            PersonalData => None,
            Sensitive | Correspondence | Home | Image | PublicImage => Some(PersonalData),
            FacialImage | IdentityFeatures => Some(Biometric),
            Fingerprint | Voiceprint => Some(IdentityFeatures),
            Biometric | Genetic | Health | RacialEthnic | Religion | PoliticalOpinion
            | TradeUnion | SexLife | Financial | Location | Minors | Criminal => Some(Sensitive),
        }
    }

    /// Whether `self` is `other` or falls under it in the hierarchy.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert!(DataCategory::IdentityFeatures.is_a(DataCategory::Biometric));
    /// assert!(DataCategory::Voiceprint.is_a(DataCategory::Sensitive));
    /// assert!(DataCategory::Biometric.is_a(DataCategory::PersonalData));
    /// assert!(!DataCategory::Sensitive.is_a(DataCategory::Biometric));
    /// assert!(!DataCategory::Image.is_a(DataCategory::Biometric));
    /// ```
    pub fn is_a(self, other: DataCategory) -> bool {
        let mut cur = Some(self);
        while let Some(c) = cur {
            if c == other {
                return true;
            }
            cur = c.parent();
        }
        false
    }

    /// Whether the two categories overlap: one is a kind of the other.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert!(DataCategory::Sensitive.overlaps(DataCategory::FacialImage));
    /// assert!(!DataCategory::Health.overlaps(DataCategory::Biometric));
    /// ```
    pub fn overlaps(self, other: DataCategory) -> bool {
        self.is_a(other) || other.is_a(self)
    }
}

vocabulary! {
    /// What is done with the data.
    pub enum Activity ("activity") {
        Process = "process", dpv!(core "Processing"), "any processing (the whole life cycle)";
        Collect = "collect", dpv!(core "Collect"), "collect or obtain";
        Store = "store", dpv!(core "Store"), "store or retain";
        Use = "use", dpv!(core "Use"), "use";
        Disclose = "disclose", dpv!(core "Disclose"), "make public or provide to others";
        TransferAbroad = "transfer-abroad", dpv!(core "Transfer"), "provide to recipients outside the jurisdiction";
        MonitorPublicSpace = "monitor-public-space", dpv!(core "Monitor"), "install or operate cameras and recognition equipment in public places";
        IdentifyRemotely = "identify-remotely", dpv!(none), "identify people at a distance, in real time or after the fact";
        InterceptCommunications = "intercept-communications", dpv!(none), "inspect, intercept or censor correspondence";
        Search = "search", dpv!(none), "search persons, homes or papers";
        AutomatedDecision = "automated-decision", dpv!(core "AutomatedDecisionMaking"), "decide by automated means";
        Profile = "profile", dpv!(core "Profiling"), "evaluate personal aspects";
    }
    aliases {
        Process => ["processing", "handle", "handling"];
        Collect => ["gather", "obtain", "acquire", "collection"];
        Store => ["retain", "keep", "storage", "retention"];
        Use => ["utilise", "usage", "exploit"];
        Disclose => ["disclosure", "publish", "share", "provide", "make-public"];
        TransferAbroad => ["cross-border-transfer", "international-transfer", "export", "transfer"];
        MonitorPublicSpace => ["cctv", "video-surveillance", "surveillance", "camera"];
        IdentifyRemotely => ["remote-biometric-identification", "facial-recognition", "rbi", "remote-identification"];
        InterceptCommunications => ["interception", "wiretap", "wiretapping", "censor", "surveillance-of-communications"];
        Search => ["seizure", "search-and-seizure", "house-search", "searches-and-seizures"];
        AutomatedDecision => ["automated-decision-making", "adm", "automated-processing"];
        Profile => ["profiling", "scoring"];
    }
}

impl Activity {
    /// Whether a norm about `self` also governs `other`: `process` covers every activity.
    ///
    /// ```
    /// use lexgap::model::Activity;
    /// assert!(Activity::Process.covers(Activity::Collect));
    /// assert!(!Activity::Collect.covers(Activity::Disclose));
    /// ```
    pub fn covers(self, other: Activity) -> bool {
        self == other || self == Activity::Process
    }
}

vocabulary! {
    /// Why the data may be processed, or on what ground a right may be derogated from.
    pub enum Purpose ("purpose") {
        Consent = "consent", dpv!(core "Consent"), "the person's consent";
        SeparateConsent = "separate-consent", dpv!(core "ExplicitlyExpressedConsent"), "explicit or separate (单独) consent";
        PublicSecurity = "public-security", dpv!(none), "public security or public safety";
        StateSecurity = "state-security", dpv!(none), "state or national security";
        Defence = "defence", dpv!(none), "national defence";
        InternationalRelations = "international-relations", dpv!(none), "international relations and relations with foreign states";
        CriminalInvestigation = "criminal-investigation", dpv!(none), "the investigation and prosecution of crime";
        PublicInterest = "public-interest", dpv!(core "PublicInterest"), "the public interest";
        SubstantialPublicInterest = "substantial-public-interest", dpv!(none), "a substantial public interest";
        PublicHealth = "public-health", dpv!(none), "public health and emergencies";
        Economic = "economic-well-being", dpv!(none), "the economic well-being of the country";
        Taxation = "taxation", dpv!(none), "the assessment and collection of taxes";
        Disorder = "prevention-of-disorder", dpv!(none), "the prevention of disorder";
        Morals = "protection-of-morals", dpv!(none), "the protection of health or morals";
        RightsOfOthers = "rights-of-others", dpv!(none), "the rights and freedoms of others";
        LegalObligation = "legal-obligation", dpv!(core "LegalObligation"), "compliance with a legal obligation";
        StatutoryDuty = "statutory-duty", dpv!(none), "the performance of a public body's statutory duties";
        VitalInterest = "vital-interest", dpv!(core "VitalInterest"), "the protection of life or vital interests";
        Contract = "contract", dpv!(core "Contract"), "the performance of a contract";
        LegitimateInterest = "legitimate-interest", dpv!(core "LegitimateInterest"), "the legitimate interests of the handler";
        FraudPrevention = "fraud-prevention", dpv!(core "FraudPreventionAndDetection"), "the prevention and detection of fraud";
        Employment = "employment", dpv!(none), "employment, social security and social protection";
        HealthCare = "health-care", dpv!(none), "medical diagnosis and the provision of health or social care or treatment";
        LegalClaims = "legal-claims", dpv!(none), "legal claims and courts acting in their judicial capacity";
        Research = "research", dpv!(none), "scientific or historical research or statistics";
        Archiving = "archiving", dpv!(none), "archiving in the public interest";
        Journalism = "journalism", dpv!(none), "journalistic, artistic or literary purposes";
        Household = "household", dpv!(none), "a purely personal or household activity";
        ManifestlyPublic = "manifestly-public", dpv!(none), "data the person has made public";
        OtherLaw = "other-law", dpv!(none), "whatever other laws provide (\"unless laws provide otherwise\")";
    }
    aliases {
        Consent => ["opt-in", "agreement", "permission"];
        SeparateConsent => ["explicit-consent", "express-consent", "specific-consent", "written-consent"];
        PublicSecurity => ["public-safety", "safety"];
        StateSecurity => ["national-security", "security-of-the-state"];
        Defence => ["defense", "national-defence", "national-defense", "military", "armed-forces"];
        InternationalRelations => ["foreign-relations", "foreign-affairs", "diplomacy", "international-affairs", "foreign-policy"];
        CriminalInvestigation => ["crime", "law-enforcement", "prosecution", "policing", "crime-prevention"];
        PublicInterest => ["general-interest", "common-good"];
        SubstantialPublicInterest => ["important-public-interest", "substantial-interest"];
        PublicHealth => ["epidemic", "pandemic", "health-emergency", "public-health-emergency"];
        Economic => ["economy", "economic-interest", "economic-wellbeing"];
        Taxation => ["tax", "taxes", "revenue", "fiscal", "tax-collection"];
        Disorder => ["disorder", "public-order", "prevention-of-disorder-or-crime"];
        Morals => ["morals", "morality", "public-morals"];
        RightsOfOthers => ["rights-and-freedoms-of-others", "third-party-rights", "others-rights"];
        LegalObligation => ["legal-duty", "legal-requirement", "compliance"];
        StatutoryDuty => ["public-task", "official-authority", "official-functions", "statutory-function"];
        VitalInterest => ["protection-of-life", "life", "vital-interests-of-the-person"];
        Contract => ["contractual-necessity", "performance-of-contract", "contractual"];
        LegitimateInterest => ["legitimate-interests", "balancing-of-interests"];
        FraudPrevention => ["fraud", "anti-fraud", "fraud-detection", "anti-money-laundering", "aml"];
        Employment => ["labour", "employee", "human-resources", "hr", "social-security", "social-protection"];
        HealthCare => ["healthcare", "medical", "medical-diagnosis", "treatment", "social-care", "medicine"];
        LegalClaims => ["judicial", "litigation", "court", "defence-of-legal-claims"];
        Research => ["statistics", "statistical", "scientific-research", "historical-research", "science"];
        Archiving => ["archive", "archival", "public-archives"];
        Journalism => ["journalistic", "press", "media", "news", "artistic", "literary", "freedom-of-expression"];
        Household => ["personal-use", "household-exemption", "domestic", "private-use", "personal-activity"];
        ManifestlyPublic => ["made-public", "publicly-available", "public-data", "self-disclosed"];
        OtherLaw => ["unless-laws-provide-otherwise", "otherwise-provided-by-law", "other-laws-provide"];
    }
}

impl Purpose {
    /// The family of the purpose: public-security, criminal-investigation, the prevention of
    /// disorder, defence and international-relations are [`Purpose::StateSecurity`]-family
    /// state purposes; substantial-public-interest, public-health, taxation, research,
    /// archiving and the other ECHR art. 8(2) aims are [`Purpose::PublicInterest`] grounds,
    /// except the rights and freedoms of others, which protects third parties rather than a
    /// purpose of the state; separate-consent is a kind of consent. The rest have none:
    /// fraud-prevention among them, since private firms prevent fraud too, and journalism,
    /// household and health-care.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// assert_eq!(Purpose::CriminalInvestigation.family(), Some(Purpose::StateSecurity));
    /// assert_eq!(Purpose::Defence.family(), Some(Purpose::StateSecurity));
    /// assert_eq!(Purpose::SubstantialPublicInterest.family(), Some(Purpose::PublicInterest));
    /// assert_eq!(Purpose::Taxation.family(), Some(Purpose::PublicInterest));
    /// assert_eq!(Purpose::FraudPrevention.family(), None);
    /// assert_eq!(Purpose::RightsOfOthers.family(), None);
    /// assert_eq!(Purpose::Consent.family(), None);
    /// ```
    pub fn family(self) -> Option<Purpose> {
        use Purpose::*;
        match self {
            PublicSecurity
            | CriminalInvestigation
            | Disorder
            | Defence
            | InternationalRelations => Some(StateSecurity),
            SubstantialPublicInterest
            | PublicHealth
            | Economic
            | Taxation
            | Morals
            | Research
            | Archiving => Some(PublicInterest),
            SeparateConsent => Some(Consent),
            _ => None,
        }
    }

    /// Whether this is a purpose of the state: state or public security, crime, the public
    /// interest in any of its forms, a public body's statutory duty.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// assert!(Purpose::PublicSecurity.is_state_purpose());
    /// assert!(Purpose::Defence.is_state_purpose());
    /// assert!(!Purpose::Contract.is_state_purpose());
    /// assert!(!Purpose::FraudPrevention.is_state_purpose());
    /// ```
    pub fn is_state_purpose(self) -> bool {
        let root = self.family().unwrap_or(self);
        matches!(root, Purpose::StateSecurity | Purpose::PublicInterest)
            || self == Purpose::StatutoryDuty
    }

    /// Whether the purpose is a broad ground: a state purpose or "whatever other laws provide".
    pub fn is_broad(self) -> bool {
        self.is_state_purpose() || self == Purpose::OtherLaw
    }

    /// Whether `self` and `other` are the same purpose or in the same family.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// assert!(Purpose::PublicSecurity.related(Purpose::CriminalInvestigation));
    /// assert!(!Purpose::PublicSecurity.related(Purpose::Consent));
    /// ```
    pub fn related(self, other: Purpose) -> bool {
        self.family().unwrap_or(self) == other.family().unwrap_or(other)
    }
}

vocabulary! {
    /// A protection attached to a norm or an exception.
    pub enum SafeguardKind ("safeguard") {
        Necessity = "necessity", dpv!(none), "the processing must be necessary for its purpose";
        StrictNecessity = "strict-necessity", dpv!(none), "the processing must be strictly necessary";
        Proportionality = "proportionality", dpv!(none), "the interference must be proportionate to the aim";
        PrescribedByLaw = "prescribed-by-law", dpv!(none), "the interference must have a basis in law or follow procedures prescribed by law";
        SpecificSafeguardsInLaw = "specific-safeguards-in-law", dpv!(none), "the law must provide suitable and specific measures to protect the person";
        PriorAuthorisation = "prior-authorisation", dpv!(none), "a court or independent body must authorise it beforehand";
        IndependentOversight = "independent-oversight", dpv!(core "DataProtectionAuthority"), "an independent authority supervises compliance";
        ImpactAssessment = "impact-assessment", dpv!(core "DPIA"), "a prior assessment of the impact or risks";
        PurposeLimitation = "purpose-limitation", dpv!(none), "the data may be used only for the stated purpose";
        RetentionLimit = "retention-limit", dpv!(core "StorageDuration"), "the data may be kept only as long as needed";
        Anonymisation = "anonymisation", dpv!(core "Deidentification"), "the data must be anonymised or de-identified";
        Transparency = "transparency", dpv!(core "Notice"), "people are told, by notice or signage";
        Consent = "consent", dpv!(core "Consent"), "the person's consent is required";
        DataSubjectRights = "data-subject-rights", dpv!(core "DataSubjectRight"), "the person can access, correct or erase the data";
        Accountability = "accountability", dpv!(none), "the handler answers for compliance, including liability of public bodies";
        Audit = "audit", dpv!(core "Audit"), "audits or inspections of compliance";
        BreachNotification = "breach-notification", dpv!(core "DataBreachNotification"), "breaches are notified to the regulator or the persons concerned";
        EffectiveRemedy = "effective-remedy", dpv!(none), "a court or tribunal can give redress";
        TimeAndPlaceLimit = "time-and-place-limit", dpv!(none), "limits in time, place and persons concerned";
        RespectForEssence = "respect-for-essence-of-right", dpv!(none), "the essence of the right must be respected";
        Security = "security", dpv!(core "TechnicalOrganisationalMeasure"), "technical and organisational security measures";
    }
    aliases {
        Necessity => ["necessary", "need", "needed"];
        StrictNecessity => ["strictly-necessary", "absolute-necessity", "absolutely-necessary"];
        Proportionality => ["proportionate", "proportional", "balancing"];
        PrescribedByLaw => ["legal-basis", "basis-in-law", "provided-by-law", "in-accordance-with-law", "legality", "lawfulness"];
        SpecificSafeguardsInLaw => ["appropriate-safeguards", "suitable-safeguards", "specific-measures", "safeguards"];
        PriorAuthorisation => ["warrant", "judicial-authorisation", "authorisation", "approval", "prior-approval", "court-order"];
        IndependentOversight => ["supervisory-authority", "regulator", "supervision", "oversight-body", "dpa"];
        ImpactAssessment => ["dpia", "pia", "risk-assessment", "privacy-impact-assessment", "fria"];
        PurposeLimitation => ["purpose-specification", "purpose-binding", "compatible-use"];
        RetentionLimit => ["storage-limitation", "retention", "retention-period", "storage-limit"];
        Anonymisation => ["de-identification", "deidentification", "pseudonymisation", "anonymise", "anonymous"];
        Transparency => ["notice", "inform", "information", "privacy-notice", "signage"];
        Consent => ["opt-in", "agreement"];
        DataSubjectRights => ["access", "rectification", "erasure", "deletion", "portability", "objection", "right-of-access"];
        Accountability => ["liability", "responsibility", "responsible"];
        Audit => ["inspection", "compliance-audit", "auditing"];
        BreachNotification => ["data-breach", "breach", "data-breach-notification", "incident-notification", "security-incident"];
        EffectiveRemedy => ["remedy", "redress", "judicial-remedy", "appeal", "complaint", "judicial-review"];
        TimeAndPlaceLimit => ["time-limit", "place-limit", "temporal-limitation", "geographical-limitation", "sunset"];
        RespectForEssence => ["essence", "essence-of-the-right", "core-of-the-right"];
        Security => ["data-security", "security-measures", "encryption", "technical-measures", "confidentiality"];
    }
}

vocabulary! {
    /// An element that a safeguard may have (an impact assessment that is prior, that names its
    /// content, that consults the regulator ...). Relative gaps name the missing elements.
    pub enum SafeguardElement ("safeguard element") {
        Prior = "prior", dpv!(none), "done before the processing starts";
        ContentSpecified = "content-specified", dpv!(none), "the law lists what it must contain";
        RiskToRights = "risk-to-rights", dpv!(none), "assesses the risks to people's rights";
        Measures = "measures", dpv!(none), "names the measures that address the risks";
        Records = "records", dpv!(none), "records are kept";
        RecordRetention = "record-retention", dpv!(none), "the records are kept for a set period";
        DpoAdvice = "dpo-advice", dpv!(none), "the data protection officer's advice is sought";
        DataSubjectViews = "data-subject-views", dpv!(none), "the views of the people concerned are sought";
        RegulatorConsultation = "regulator-consultation", dpv!(none), "the supervisory authority is consulted beforehand";
        Review = "review", dpv!(none), "reviewed when the risks change";
        LaterUse = "later-use", dpv!(none), "binds every later use of the data, not only the reasons for which they may be collected or accessed";
        Judicial = "judicial", dpv!(none), "by a court or judge";
        Independent = "independent", dpv!(none), "by a body independent of the one that acts";
        ProbableCause = "probable-cause", dpv!(none), "on probable cause, supported by oath or affirmation";
        Particularity = "particularity", dpv!(none), "particularly describing the place, persons or things";
        Signage = "signage", dpv!(none), "by visible signs";
        Notice = "notice", dpv!(none), "by notice to the person";
        Liability = "liability", dpv!(none), "with liability for damage";
        PublicBodies = "public-bodies", dpv!(none), "applies to public bodies too";
        Urgency = "urgency", dpv!(none), "with an urgency procedure and later review";
    }
    aliases {
        Prior => ["before", "beforehand", "ex-ante", "in-advance", "advance"];
        ContentSpecified => ["content", "contents", "minimum-content", "specified-content"];
        RiskToRights => ["risk", "risks-to-rights-and-freedoms", "rights-risk"];
        Measures => ["mitigation", "mitigating-measures", "remedial-measures"];
        Records => ["record-keeping", "documentation", "logs", "logging", "register"];
        RecordRetention => ["keep-records", "retention", "retention-period", "record-keeping-period"];
        DpoAdvice => ["dpo", "data-protection-officer", "officer-advice"];
        DataSubjectViews => ["views", "consultation-of-data-subjects", "stakeholder-views"];
        RegulatorConsultation => ["prior-consultation", "consult-regulator", "authority-consultation"];
        Review => ["periodic", "periodic-review", "reassessment", "regular-review", "update"];
        LaterUse => ["further-use", "further-processing", "secondary-use", "onward-use"];
        Judicial => ["court", "judge", "court-order", "judicial-warrant"];
        Independent => ["impartial", "independence", "independent-body"];
        ProbableCause => ["reasonable-grounds", "reasonable-suspicion", "suspicion", "oath"];
        Particularity => ["specificity", "particular-description", "particularly-describing"];
        Signage => ["signs", "signboard", "visible-signs", "prominent-signs"];
        Notice => ["notification", "inform", "informed", "information"];
        Liability => ["damages", "compensation", "responsibility"];
        PublicBodies => ["public-sector", "government", "public-authorities", "state-organs"];
        Urgency => ["emergency", "urgent", "exigent-circumstances", "exigency"];
    }
}

impl SafeguardElement {
    /// The kind of safeguard the element belongs to: an impact assessment is prior or names
    /// its content, an authorisation is judicial or on probable cause, a notice is by signs.
    ///
    /// ```
    /// use lexgap::model::{SafeguardElement, SafeguardKind};
    /// assert_eq!(SafeguardElement::Judicial.kind(), SafeguardKind::PriorAuthorisation);
    /// assert_eq!(SafeguardElement::Signage.kind(), SafeguardKind::Transparency);
    /// ```
    pub fn kind(self) -> SafeguardKind {
        use SafeguardElement::*;
        match self {
            Prior
            | ContentSpecified
            | RiskToRights
            | Measures
            | Records
            | RecordRetention
            | DpoAdvice
            | DataSubjectViews
            | RegulatorConsultation
            | Review => SafeguardKind::ImpactAssessment,
            LaterUse => SafeguardKind::PurposeLimitation,
            Judicial | ProbableCause | Particularity | Urgency => SafeguardKind::PriorAuthorisation,
            // "independent" qualifies an authorisation or an oversight body alike.
            Independent => SafeguardKind::IndependentOversight,
            Signage | Notice => SafeguardKind::Transparency,
            Liability | PublicBodies => SafeguardKind::Accountability,
        }
    }

    /// Whether the element may qualify a safeguard of `kind`.
    pub fn belongs_to(self, kind: SafeguardKind) -> bool {
        self.kind() == kind
            || (self == SafeguardElement::Independent && kind == SafeguardKind::PriorAuthorisation)
            || (self == SafeguardElement::Prior && kind == SafeguardKind::PriorAuthorisation)
    }
}

vocabulary! {
    /// Where a norm applies.
    pub enum Scope ("scope") {
        Provision = "provision", dpv!(none), "applies where it stands";
        Instrument = "instrument", dpv!(none), "a general rule that applies across its instrument to matching data, actors and activities";
    }
    aliases {
        Provision => ["local", "article", "here"];
        Instrument => ["global", "general", "whole-instrument", "everywhere"];
    }
}

// The enum comes from a macro that cannot mark a variant `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Scope {
    fn default() -> Self {
        Scope::Provision
    }
}

vocabulary! {
    /// How two provisions correspond.
    pub enum Relation ("relation") {
        Equivalent = "equivalent", dpv!(none), "they say the same thing";
        Overlapping = "overlapping", dpv!(none), "they cover some of the same ground";
        Narrower = "narrower", dpv!(none), "this provision covers less than the other";
        Broader = "broader", dpv!(none), "this provision covers more than the other";
        SuccessorOf = "successor-of", dpv!(none), "this provision is the later version of the other";
    }
    aliases {
        Equivalent => ["same", "equal", "identical", "equivalence"];
        Overlapping => ["overlap", "partial", "partial-overlap"];
        Narrower => ["narrow", "subset", "more-specific"];
        Broader => ["broad", "wider", "superset", "more-general"];
        SuccessorOf => ["successor", "supersedes", "replaces", "later-version", "amends"];
    }
}

impl Relation {
    /// The relation seen from the other side.
    ///
    /// ```
    /// use lexgap::model::Relation;
    /// assert_eq!(Relation::Narrower.inverse(), Relation::Broader);
    /// ```
    pub fn inverse(self) -> Relation {
        match self {
            Relation::Narrower => Relation::Broader,
            Relation::Broader => Relation::Narrower,
            other => other,
        }
    }
}

vocabulary! {
    /// The kind of instrument.
    pub enum InstrumentKind ("instrument kind") {
        Constitution = "constitution", dpv!(none), "a constitution or basic law";
        Statute = "statute", dpv!(none), "an act of a legislature";
        DraftStatute = "draft-statute", dpv!(none), "a bill published for comment or deliberation";
        Regulation = "regulation", dpv!(none), "a regulation (EU) or an administrative regulation";
        Directive = "directive", dpv!(none), "an EU directive";
        Treaty = "treaty", dpv!(none), "a treaty or convention between states";
        Charter = "charter", dpv!(none), "a charter of rights with the force of a treaty";
        Declaration = "declaration", dpv!(none), "a declaration without treaty force";
        SoftLaw = "soft-law", dpv!(none), "principles or guidelines without enforcement";
    }
    aliases {
        Constitution => ["basic-law", "constitutional"];
        Statute => ["act", "law", "legislation", "code"];
        DraftStatute => ["draft", "bill", "draft-law", "proposal"];
        Regulation => ["administrative-regulation", "decree", "ordinance"];
        Directive => ["eu-directive"];
        Treaty => ["convention", "covenant", "agreement", "international-agreement"];
        Charter => ["bill-of-rights", "charter-of-rights"];
        Declaration => ["resolution", "universal-declaration"];
        SoftLaw => ["guidelines", "guidance", "principles", "recommendation", "code-of-conduct"];
    }
}

vocabulary! {
    /// Where an instrument stands in its life.
    pub enum Status ("status") {
        Draft = "draft", dpv!(none), "proposed, not adopted";
        InForce = "in-force", dpv!(none), "adopted and in force";
        Adopted = "adopted", dpv!(none), "adopted, not yet in force";
        Superseded = "superseded", dpv!(none), "replaced by a later version";
        Repealed = "repealed", dpv!(none), "no longer in force";
    }
    aliases {
        Draft => ["proposed", "bill", "pending"];
        InForce => ["effective", "current", "valid", "applicable"];
        Adopted => ["enacted", "passed", "promulgated", "signed"];
        Superseded => ["replaced", "outdated", "obsolete"];
        Repealed => ["revoked", "abolished", "annulled", "expired"];
    }
}

vocabulary! {
    /// What a text in one language is worth in law.
    pub enum LegalValue ("legal value") {
        Authentic = "authentic", dpv!(none), "an authentic text of the instrument";
        OfficialTranslation = "official-translation", dpv!(none), "a translation published by the law-maker or government, for reference";
        UnofficialTranslation = "unofficial-translation", dpv!(none), "a translation by a third party, or a working translation of ours";
    }
    aliases {
        Authentic => ["original", "authoritative", "binding-text"];
        OfficialTranslation => ["government-translation", "reference-translation"];
        UnofficialTranslation => ["third-party-translation", "working-translation", "informal-translation"];
    }
}

vocabulary! {
    /// The form a derogation takes in the text. Descriptive: the rules read its effect,
    /// coverage, grounds and conditions.
    pub enum DerogationForm ("derogation form") {
        CarveOut = "carve-out", dpv!(none), "an exception written into a rule: \"…except where…\", \"unless laws provide otherwise\"";
        Exemption = "exemption", dpv!(none), "named provisions do not apply to some processing: \"sections 4 to 8 do not apply to…\"";
        Exclusion = "exclusion", dpv!(none), "the instrument does not apply to some processing or some actors (material or personal scope)";
        Restriction = "restriction", dpv!(none), "a power of the law-maker to restrict rights and obligations: \"Member State law may restrict…\"";
        Disapplication = "disapplication", dpv!(none), "a power of the executive to exempt or disapply: \"the Minister may, by order, exempt…\"";
        Limitation = "limitation", dpv!(none), "a general limitation clause on the rights of a bill of rights or treaty";
    }
    aliases {
        CarveOut => ["exception", "proviso", "unless", "save-where"];
        Exemption => ["exempt", "disapplied-provisions", "does-not-apply"];
        Exclusion => ["scope-exclusion", "out-of-scope", "material-scope", "personal-scope"];
        Restriction => ["restriction-power", "restrict", "limitation-power"];
        Disapplication => ["executive-exemption", "ministerial-exemption", "notification", "order"];
        Limitation => ["limitation-clause", "general-limitation", "limits-on-rights"];
    }
}

vocabulary! {
    /// To whom a derogation leaves its grounds.
    pub enum Delegate ("delegate") {
        Law = "law", dpv!(none), "other laws or regulations: a formal legal basis and nothing more";
        Executive = "executive", dpv!(none), "the government, a minister or an agency, by order or notification";
    }
    aliases {
        Law => ["other-law", "statute", "legislation", "laws"];
        Executive => ["government", "minister", "ministry", "cabinet", "regulator", "order"];
    }
}

vocabulary! {
    /// A right a derogation may switch off; each counts as a safeguard kind for the rules.
    pub enum Right ("right") {
        Information = "information", dpv!(none), "to be told about the processing";
        Access = "access", dpv!(none), "to access the data";
        Rectification = "rectification", dpv!(none), "to have the data corrected";
        Erasure = "erasure", dpv!(none), "to have the data erased";
        Restriction = "restriction", dpv!(none), "to have the processing restricted";
        Portability = "portability", dpv!(none), "to receive or transfer the data";
        Objection = "objection", dpv!(none), "to object to the processing";
        AutomatedDecision = "automated-decision", dpv!(none), "not to be subject to a decision based solely on automated processing";
        BreachCommunication = "breach-communication", dpv!(none), "to be told of a personal data breach";
        Remedy = "remedy", dpv!(none), "to an effective judicial remedy";
    }
    aliases {
        Information => ["notice", "to-be-informed", "transparency"];
        Access => ["subject-access", "right-of-access"];
        Rectification => ["correction", "correct"];
        Erasure => ["deletion", "delete", "right-to-be-forgotten"];
        Restriction => ["restrict-processing", "blocking"];
        Portability => ["data-portability"];
        Objection => ["object", "opt-out"];
        AutomatedDecision => ["profiling", "automated-decision-making", "human-review"];
        BreachCommunication => ["breach-notice", "data-breach"];
        Remedy => ["judicial-remedy", "complaint", "redress"];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn new_terms() {
        use DataCategory as D;
        assert_eq!("trade-union".parse(), Ok(D::TradeUnion));
        assert!(D::TradeUnion.is_a(D::Sensitive));
        assert_eq!(
            D::TradeUnion.dpv(),
            Some("https://w3id.org/dpv/pd#TradeUnionMembership")
        );
        for d in [D::Fingerprint, D::Voiceprint] {
            assert_eq!(d.parent(), Some(D::IdentityFeatures));
            assert!(d.is_a(D::Biometric) && d.is_a(D::Sensitive));
        }
        assert_eq!(
            D::Fingerprint.dpv(),
            Some("https://w3id.org/dpv/pd#Fingerprint")
        );
        assert_eq!(D::Voiceprint.dpv(), None);
        assert_eq!(D::Image.parent(), Some(D::PersonalData));
        assert!(!D::Image.is_a(D::Biometric) && !D::Image.is_a(D::Sensitive));
        assert!(D::Image.definition().contains("art. 4(14), recital 51"));
        assert!(
            D::FacialImage
                .definition()
                .starts_with("facial images processed by specific technical means")
        );

        assert!(Actor::StateInstrumentality.is_state());
        assert!(Actor::PublicAuthority.covers(Actor::StateInstrumentality));
        assert!(Actor::AnyHandler.covers(Actor::StateInstrumentality));
        assert!(!Actor::StateInstrumentality.covers(Actor::PublicAuthority));

        use Purpose as P;
        for p in [P::Defence, P::InternationalRelations] {
            assert_eq!(p.family(), Some(P::StateSecurity));
            assert!(p.is_state_purpose());
        }
        for p in [P::Taxation, P::Archiving, P::Research] {
            assert_eq!(p.family(), Some(P::PublicInterest));
        }
        for p in [
            P::FraudPrevention,
            P::Journalism,
            P::Household,
            P::HealthCare,
        ] {
            assert_eq!(p.family(), None);
            assert!(!p.is_state_purpose());
        }
        assert_eq!(
            P::Research.definition(),
            "scientific or historical research or statistics"
        );

        use SafeguardKind as K;
        for (code, kind) in [
            ("anonymisation", K::Anonymisation),
            ("audit", K::Audit),
            ("breach-notification", K::BreachNotification),
        ] {
            assert_eq!(code.parse(), Ok(kind));
        }
        assert_eq!(
            K::BreachNotification.dpv(),
            Some("https://w3id.org/dpv#DataBreachNotification")
        );
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
