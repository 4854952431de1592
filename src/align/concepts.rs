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

/// The concepts and their phrases, one concept per line of `concepts.txt`
/// (`concept: phrase | phrase`; `#` starts a comment line).
const LEXICON_TEXT: &str = include_str!("concepts.txt");

/// The lexicon read from [`LEXICON_TEXT`].
fn lexicon() -> Vec<(&'static str, Vec<&'static str>)> {
    LEXICON_TEXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (concept, phrases) = l.split_once(':')?;
            let phrases = phrases.split('|').map(str::trim).filter(|p| !p.is_empty());
            Some((concept.trim(), phrases.collect()))
        })
        .collect()
}

/// The automaton over every phrase, and the concepts of each pattern (a phrase listed under
/// several concepts is one pattern per concept; the automaton reports the first, and
/// [`concepts`] emits them all).
struct Lexicon {
    automaton: AhoCorasick,
    concepts: Vec<Vec<&'static str>>,
}

static COMPILED: LazyLock<Lexicon> = LazyLock::new(|| {
    let (mut patterns, mut concepts): (Vec<&str>, Vec<Vec<&str>>) = (Vec::new(), Vec::new());
    for (concept, phrases) in lexicon() {
        for phrase in phrases {
            match patterns.iter().position(|p| *p == phrase) {
                Some(k) => concepts[k].push(concept),
                None => {
                    patterns.push(phrase);
                    concepts.push(vec![concept]);
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
    fn every_line_of_the_lexicon_is_read() {
        let concepts = lexicon();
        let lines = LEXICON_TEXT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(concepts.len(), lines, "a line without `concept:`");
        assert!(concepts.len() >= 45, "{}", concepts.len());
        let mut names: Vec<&str> = concepts.iter().map(|(c, _)| *c).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), concepts.len(), "a concept listed twice");
        for (concept, phrases) in &concepts {
            assert!(!phrases.is_empty(), "{concept}");
            assert!(
                concept.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{concept}"
            );
            for p in phrases {
                assert_eq!(*p, p.to_lowercase(), "{concept}: {p}");
                assert!(!p.contains("  ") && !p.contains('|'), "{concept}: {p}");
            }
        }
    }
}
