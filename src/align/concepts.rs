//! A concept lexicon for text similarity: the words different legislatures use for the same
//! data-protection concept, so that "personal information processor" (PIPL), "responsible
//! party" (POPIA) and "controller" (GDPR) meet, and "consult and duplicate" meets "right of
//! access".
//!
//! Each concept adds one index term (`§access`) to the texts that use any of its phrases,
//! beside the words themselves, so that the TF-IDF cosine counts a shared concept the way it
//! counts a shared word (its weight still falls with the number of provisions that use it).
//! Phrases are matched in lowercase English, whole words only, leftmost-longest (so
//! "personal information processor" is a controller, not a processor). The lexicon names
//! drafting conventions of data-protection law in general, from the terms of the GDPR, the
//! Law Enforcement Directive, the PIPL's official translation, Singapore's PDPA, South
//! Africa's POPIA and the common-law acts (UK, Australia, Canada); it names no article of
//! any law.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// How many times a concept found in a text counts, against once for a word: 2.
pub(crate) const CONCEPT_BOOST: u32 = 2;

/// The concepts and their phrases (lowercase, straight quotes, single spaces).
const LEXICON: &[(&str, &[&str])] = &[
    (
        "controller",
        &[
            "controller",
            "controllers",
            "data controller",
            "personal information processor",
            "personal information processors",
            "personal information handler",
            "personal information handlers",
            "responsible party",
            "responsible parties",
            "data fiduciary",
            "data user",
            "data users",
        ],
    ),
    (
        "processor",
        &[
            "processor",
            "processors",
            "data processor",
            "entrusted party",
            "entrusted parties",
            "entrusted person",
            "entrusting the processing",
            "entrusted processing",
            "entrust",
            "operator",
            "operators",
            "data intermediary",
            "data intermediaries",
            "on behalf of the controller",
            "on behalf of a controller",
            "on behalf of the responsible party",
        ],
    ),
    (
        "data-subject",
        &[
            "data subject",
            "data subjects",
            "individual",
            "individuals",
            "data principal",
            "data principals",
        ],
    ),
    (
        "sensitive-data",
        &[
            "special categories of personal data",
            "special category of personal data",
            "sensitive personal information",
            "sensitive personal data",
            "special personal information",
            "sensitive data",
            "sensitive information",
        ],
    ),
    (
        "withdraw-consent",
        &[
            "withdraw consent",
            "withdraw his or her consent",
            "withdraw their consent",
            "withdraw its consent",
            "withdraw the consent",
            "withdrawal of consent",
            "withdraw his consent",
            "right to withdraw",
        ],
    ),
    (
        "access",
        &[
            "right of access",
            "consult and duplicate",
            "consult and copy",
            "consultation or duplication",
            "request access",
            "right to access",
            "access to personal information",
            "access to his or her personal information",
            "copy of the personal data",
            "confirmation as to whether or not personal data",
        ],
    ),
    (
        "rectification",
        &[
            "rectification",
            "rectify",
            "correct or supplement",
            "correction or supplementation",
            "correction of personal data",
            "correct the personal data",
            "correct personal data",
            "correction of personal information",
            "correct personal information",
        ],
    ),
    (
        "erasure",
        &[
            "erasure",
            "erase",
            "delete",
            "deletion",
            "destroy or delete",
            "right to be forgotten",
            "deletion of personal information",
        ],
    ),
    (
        "portability",
        &[
            "data portability",
            "transmit those data to another controller",
            "transfer of his personal information to a designated",
            "transfer of personal information to a designated",
            "port",
        ],
    ),
    (
        "objection",
        &[
            "right to object",
            "object to",
            "restrict or refuse",
            "refuse the processing",
            "opt out",
        ],
    ),
    (
        "restriction-of-processing",
        &[
            "restriction of processing",
            "restrict the processing",
            "restrict or refuse",
        ],
    ),
    (
        "automated-decision",
        &[
            "automated decision-making",
            "automated decision making",
            "automated individual decision-making",
            "automated decision",
            "automated decisions",
            "automated processing",
            "automated means",
        ],
    ),
    (
        "cross-border",
        &[
            "third country",
            "third countries",
            "outside the territory",
            "foreign country",
            "foreign countries",
            "country or territory outside",
            "cross-border",
            "transfer of personal data",
            "transfers of personal data",
            "transborder",
            "overseas",
            "outside the republic",
        ],
    ),
    (
        "dpo",
        &[
            "data protection officer",
            "data protection officers",
            "person in charge of personal information protection",
            "persons in charge of personal information protection",
            "information officer",
            "information officers",
            "deputy information officer",
            "personal information protection officer",
        ],
    ),
    (
        "representative",
        &[
            "representative",
            "representatives",
            "designate a representative",
            "designate representatives",
            "specialized agencies",
            "specialised agencies",
            "specialized agency",
            "specialised agency",
        ],
    ),
    (
        "authority",
        &[
            "supervisory authority",
            "supervisory authorities",
            "independent public authorities",
            "independent public authority",
            "supervision and administration",
            "data protection authority",
            "data protection authorities",
            "information regulator",
            "regulator",
            "departments with personal information protection duties",
            "department with personal information protection duties",
            "departments fulfilling personal information protection duties",
            "personal information protection duties",
            "cyberspace department",
            "privacy commissioner",
            "information commissioner",
        ],
    ),
    (
        "breach",
        &[
            "personal data breach",
            "personal data breaches",
            "data breach",
            "data breaches",
            "breach, tampering, or loss",
            "breach, tampering or loss",
            "leakage, tampering or loss",
            "leakage, tampering, or loss",
            "security compromise",
            "security compromises",
            "breach of security",
            "notifiable data breach",
            "leak",
            "leakage",
            "leaked",
            "unauthorised access",
            "unauthorized access",
        ],
    ),
    (
        "impact-assessment",
        &[
            "data protection impact assessment",
            "data protection impact assessments",
            "impact assessment",
            "impact assessments",
            "assessment of impact",
            "personal information protection impact assessment",
            "privacy impact assessment",
            "risk assessment",
        ],
    ),
    (
        "prior-consultation",
        &[
            "prior consultation",
            "consult the supervisory authority prior",
            "prior authorisation",
            "prior authorization",
        ],
    ),
    (
        "security",
        &[
            "security of processing",
            "technical and organisational measures",
            "technical and organizational measures",
            "security measures",
            "security safeguards",
            "security protection measures",
            "security of the personal information",
            "security of personal information",
            "security of personal data",
            "integrity and confidentiality",
            "reasonable security arrangements",
            "protection measures",
        ],
    ),
    (
        "records",
        &[
            "records of processing",
            "record of processing activities",
            "records of processing activities",
            "processing record",
            "processing records",
            "processing status",
            "keep records",
            "maintain a record",
            "maintain records",
        ],
    ),
    (
        "compensation",
        &[
            "compensation",
            "compensate",
            "liability for compensation",
            "tort liability",
            "damages",
            "material or non-material damage",
        ],
    ),
    (
        "complaint",
        &[
            "lodge a complaint",
            "file a complaint",
            "complain",
            "complaint",
            "complaints",
            "complainant",
        ],
    ),
    (
        "judicial-remedy",
        &[
            "judicial remedy",
            "lawsuit",
            "lawsuits",
            "civil action",
            "civil proceedings",
            "institute proceedings",
            "people's court",
        ],
    ),
    (
        "foreign-authority-request",
        &[
            "court or tribunal",
            "foreign judicial",
            "judgment of a court",
            "administrative authority of a third country",
            "law enforcement authorities' requests",
        ],
    ),
    (
        "children",
        &[
            "child",
            "children",
            "minor",
            "minors",
            "under the age of 14",
            "under the age of 16",
            "parental responsibility",
            "guardian",
            "guardians",
            "competent person",
        ],
    ),
    (
        "offering-goods-or-services",
        &[
            "offering of goods or services",
            "offering goods or services",
            "offer goods or services",
            "providing products or services",
            "provide products or services",
        ],
    ),
    (
        "monitoring-behaviour",
        &[
            "monitoring of their behaviour",
            "monitoring of the behaviour",
            "monitoring of behaviour",
            "analyzing or assessing the behavior",
            "analysing or assessing the behaviour",
            "analyzing and assessing",
            "profiling",
        ],
    ),
    (
        "joint-controllers",
        &[
            "joint controllers",
            "jointly determine",
            "jointly decide",
            "jointly process",
        ],
    ),
    (
        "lawful-basis",
        &[
            "lawful only if",
            "lawfulness of processing",
            "legal basis",
            "lawful basis",
            "only if one of the following circumstances exists",
            "only under any of the following circumstances",
            "conditions for lawful processing",
            "lawfulness of processing",
        ],
    ),
    (
        "notice",
        &[
            "information to be provided",
            "inform an individual",
            "inform the data subject",
            "notify an individual",
            "provide the data subject with",
            "inform individuals",
            "inform the individual",
            "notify the individual",
            "notify individuals",
            "privacy notice",
            "notification to data subject",
            "openness",
            "transparency",
            "transparent",
        ],
    ),
    (
        "purpose-limitation",
        &[
            "specified, explicit and legitimate purposes",
            "purpose limitation",
            "purpose specification",
            "clear and reasonable purpose",
            "specific purpose",
            "specified purpose",
            "definite and reasonable purpose",
            "incompatible with those purposes",
        ],
    ),
    (
        "minimisation",
        &[
            "data minimisation",
            "data minimization",
            "adequate, relevant and limited",
            "minimum scope",
            "minimality",
            "minimum extent necessary",
            "excessive",
        ],
    ),
    (
        "retention",
        &[
            "storage limitation",
            "storage period",
            "storage periods",
            "retention period",
            "period for which the personal data will be stored",
            "no longer than is necessary",
            "shortest period",
            "minimum period necessary",
            "retention",
            "retain",
            "retained",
        ],
    ),
    (
        "accuracy",
        &[
            "accurate",
            "accuracy",
            "kept up to date",
            "quality of information",
            "quality of personal information",
        ],
    ),
    (
        "scope-of-application",
        &[
            "this regulation applies",
            "this regulation shall apply",
            "this regulation does not apply",
            "this law shall apply",
            "this law applies",
            "this law does not apply",
            "this law shall not apply",
            "this act applies",
            "this act does not apply",
            "this directive applies",
            "this directive shall apply",
            "applies to the processing",
            "shall apply to the processing",
            "material scope",
            "territorial scope",
            "not established in the",
        ],
    ),
    (
        "objects-clause",
        &[
            "subject-matter and objectives",
            "this regulation lays down rules",
            "lays down rules relating to",
            "this law is enacted",
            "this act is enacted",
            "this law is formulated",
            "purpose of this act",
            "purposes of this act",
            "objects of this act",
            "object of this act",
            "purpose of this law",
            "purposes of this law",
        ],
    ),
    (
        "territorial-scope",
        &[
            "territorial scope",
            "not established in the",
            "within the territory",
            "outside the territory",
        ],
    ),
    (
        "contract-basis",
        &[
            "performance of a contract",
            "conclusion or performance of a contract",
            "conclusion or performance of a",
            "entering into a contract",
        ],
    ),
    (
        "legal-obligation",
        &[
            "legal obligation",
            "legal obligations",
            "statutory duties",
            "statutory obligations",
            "obligation imposed by law",
        ],
    ),
    (
        "vital-interests",
        &[
            "vital interests",
            "vital interest",
            "life, health and property",
            "life and health",
        ],
    ),
    (
        "exercise-of-rights",
        &[
            "exercise the rights",
            "exercise of the rights",
            "exercise their rights",
            "exercising the rights",
            "exercise of rights",
            "exercise his or her rights",
        ],
    ),
    (
        "household",
        &[
            "purely personal or household activity",
            "personal or family affairs",
            "personal or household",
            "household activity",
        ],
    ),
    (
        "certification",
        &[
            "certification",
            "certified",
            "certification bodies",
            "certification mechanisms",
        ],
    ),
    (
        "public-body",
        &[
            "state organs",
            "state organ",
            "public authority",
            "public authorities",
            "public body",
            "public bodies",
            "government agency",
            "government agencies",
            "public agency",
        ],
    ),
    (
        "state-security",
        &[
            "national security",
            "state security",
            "public security",
            "defence",
            "defense",
        ],
    ),
    (
        "crime",
        &[
            "prevention, investigation, detection or prosecution of criminal offences",
            "criminal offences",
            "criminal offenses",
            "criminal investigation",
            "law enforcement",
            "prosecution",
            "criminal convictions",
        ],
    ),
    (
        "legislative-restriction",
        &[
            "restrict by way of a legislative measure",
            "legislative measure",
            "exempt",
            "exemption",
            "exemptions",
            "exempted",
        ],
    ),
    (
        "fines",
        &[
            "administrative fines",
            "administrative fine",
            "fine",
            "fines",
            "penalty",
            "penalties",
        ],
    ),
    (
        "codes-of-conduct",
        &[
            "codes of conduct",
            "code of conduct",
            "codes of practice",
            "code of practice",
        ],
    ),
];

/// The automaton over every phrase, and the concepts of each pattern (a phrase listed under
/// several concepts is one pattern per concept; the automaton reports the first, and
/// [`concepts`] emits them all).
struct Lexicon {
    automaton: AhoCorasick,
    concepts: Vec<Vec<&'static str>>,
}

static COMPILED: LazyLock<Lexicon> = LazyLock::new(|| {
    let (mut patterns, mut concepts): (Vec<&str>, Vec<Vec<&str>>) = (Vec::new(), Vec::new());
    for (concept, phrases) in LEXICON {
        for phrase in *phrases {
            match patterns.iter().position(|p| p == phrase) {
                Some(k) => concepts[k].push(*concept),
                None => {
                    patterns.push(*phrase);
                    concepts.push(vec![*concept]);
                }
            }
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("the lexicon's phrases compile");
    Lexicon {
        automaton,
        concepts,
    }
});

/// Calls `emit` with the term of each concept whose phrase occurs in `text` as whole words
/// (one call per occurrence). The text is read as it is; curly apostrophes are not folded.
pub(crate) fn concepts(text: &str, mut emit: impl FnMut(&str)) {
    let lex = &*COMPILED;
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut term = String::new();
    for m in lex.automaton.find_iter(text) {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        if before.is_some_and(is_word) || after.is_some_and(is_word) {
            continue;
        }
        for concept in &lex.concepts[m.pattern().as_usize()] {
            term.clear();
            term.push('§');
            term.push_str(concept);
            emit(&term);
        }
    }
}

/// Calls `emit` with `§definition` for each term the text defines: a quoted term followed by
/// `means`, `refers to` or `includes` (`"personal data" means`, `‘processing’ means`,
/// `"Sensitive personal information" is`), or 是指 after a Chinese term. A definitions
/// article is recognised by what it does, whatever its number or heading.
pub(crate) fn definitions(text: &str, mut emit: impl FnMut(&str)) {
    const CLOSERS: [char; 4] = ['"', '”', '’', '\''];
    const VERBS: [&str; 6] = [
        " means",
        " refers to",
        " includes",
        " is ",
        " has the meaning",
        "是指",
    ];
    for (at, close) in text.char_indices().filter(|(_, c)| CLOSERS.contains(c)) {
        let rest = &text[at + close.len_utf8()..];
        if VERBS.iter().any(|v| rest.starts_with(v)) {
            emit("§definition");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        concepts(text, |t| v.push(t.to_owned()));
        v
    }

    #[test]
    fn longest_phrase_wins_and_words_are_whole() {
        assert_eq!(
            all("A personal information processor shall"),
            ["§controller"]
        );
        assert_eq!(all("the processor acts"), ["§processor"]);
        assert_eq!(all("the right to consult and duplicate"), ["§access"]);
        assert_eq!(
            all("a transport"),
            Vec::<String>::new(),
            "`port` inside a word"
        );
        assert_eq!(
            all("restrict or refuse"),
            ["§objection", "§restriction-of-processing"]
        );
        assert_eq!(all("Third Country"), ["§cross-border"]);
    }

    #[test]
    fn definitions_are_counted() {
        let mut n = 0;
        definitions(
            "(1) ‘personal data’ means any information; (2) ‘processing’ means any operation; \"Sensitive personal information\" is personal information; 'x' was",
            |_| n += 1,
        );
        assert_eq!(n, 3);
    }

    #[test]
    fn every_phrase_is_lowercase_and_trimmed() {
        for (concept, phrases) in LEXICON {
            for p in *phrases {
                assert_eq!(*p, p.to_lowercase(), "{concept}: {p}");
                assert_eq!(*p, p.trim(), "{concept}: {p}");
                assert!(!p.contains("  "), "{concept}: {p}");
            }
        }
    }
}
