//! Finding provisions by their words: [`Corpus::search`] and its [`Hit`]s.

use super::Corpus;
use crate::model::script::{floor_char_boundary, is_cluster_boundary, is_unspaced};
use crate::model::{Lang, Located};

/// How many characters of text a [`Hit`]'s snippet shows, about.
const SNIPPET_CHARS: usize = 80;

/// One provision whose text or heading in one language matches a query: see
/// [`Corpus::search`].
#[derive(Debug, Clone)]
pub struct Hit<'c> {
    /// The provision, with its instrument.
    pub provision: Located<'c>,
    /// The language whose text or heading matched.
    pub lang: &'c Lang,
    /// About 80 characters of the text around the first match, whitespace collapsed, with
    /// `…` where the text was cut (the heading when only the heading matched).
    pub snippet: String,
}

impl Corpus {
    /// The provisions whose text or heading, in one language, contains every term of
    /// `query`: one [`Hit`] per provision and language, in instrument id order, then
    /// document order, then language tag order.
    ///
    /// The terms are separated by whitespace, and may come in any order; a term in double
    /// quotes is a phrase, its words in that order with only whitespace between them
    /// (`"public security"`). A term matches anywhere, also inside a word (`biometric`
    /// finds `biometrics`), so a Chinese term needs no spaces around it. Matching ignores
    /// case (Unicode lowercase) and treats every run of whitespace, line breaks included,
    /// as one space. Labels (`Article 9`) and chapter headings are not searched. A query
    /// without terms finds nothing.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let ids = |q: &str| -> Vec<String> {
    ///     corpus.search(q).iter().map(|h| format!("{} {}", h.provision.id, h.lang)).collect()
    /// };
    /// assert_eq!(ids("生物识别"), ["cn/civil-code/art-1034 zh", "cn/pipl/art-28 zh"]);
    /// assert!(ids("\"Special Categories\" processing").contains(&"eu/gdpr/art-9 en".to_owned()));
    /// let hit = &corpus.search("生物识别")[1];
    /// assert!(hit.snippet.contains("包括生物识别、宗教信仰"), "{}", hit.snippet);
    /// assert!(corpus.search("").is_empty());
    /// ```
    pub fn search(&self, query: &str) -> Vec<Hit<'_>> {
        let terms = terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for inst in self.instruments() {
            for located in inst.located_provisions() {
                let p = located.provision();
                for (lang, text) in &p.text {
                    let heading = p.heading.get(lang).map(|h| Folded::new(h));
                    let body = Folded::new(text);
                    let all = terms.iter().all(|t| {
                        body.find(t).is_some()
                            || heading.as_ref().is_some_and(|h| h.find(t).is_some())
                    });
                    if !all {
                        continue;
                    }
                    let first = terms.iter().filter_map(|t| body.find(t)).min();
                    let snippet = match (first, &heading) {
                        (Some((start, end)), _) => snippet(text, start, end),
                        (None, Some(h)) => snippet(h.source, 0, h.source.len()),
                        (None, None) => String::new(),
                    };
                    hits.push(Hit {
                        provision: located,
                        lang,
                        snippet,
                    });
                }
                // Languages that have a heading but no text are not searched: every
                // provision has a text in each language it has a heading in.
            }
        }
        hits
    }
}

/// The terms of a query, each lowercased with its whitespace collapsed: words separated by
/// whitespace, or phrases in double quotes (an unclosed quote runs to the end).
fn terms(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut flush = |current: &mut String| {
        let folded = fold(current);
        if !folded.is_empty() {
            out.push(folded);
        }
        current.clear();
    };
    for c in query.chars() {
        if c == '"' {
            flush(&mut current);
            quoted = !quoted;
        } else if c.is_whitespace() && !quoted {
            flush(&mut current);
        } else {
            current.push(c);
        }
    }
    flush(&mut current);
    out
}

/// `s` lowercased, every run of whitespace one space, the ends trimmed.
fn fold(s: &str) -> String {
    Folded::new(s).text
}

/// A text lowercased with its whitespace collapsed, and where each of its characters came
/// from in the source, so that a match maps back to the source's bytes.
struct Folded<'a> {
    source: &'a str,
    text: String,
    /// For each character pushed to `text`: its byte offset there, and the byte range in
    /// `source` of the character it came from.
    map: Vec<(usize, usize, usize)>,
}

impl<'a> Folded<'a> {
    fn new(source: &'a str) -> Folded<'a> {
        let mut text = String::with_capacity(source.len());
        let mut map = Vec::with_capacity(source.len());
        let mut space = false;
        for (at, c) in source.char_indices() {
            let end = at + c.len_utf8();
            if c.is_whitespace() {
                space = !text.is_empty();
                continue;
            }
            if space {
                map.push((text.len(), at, at));
                text.push(' ');
                space = false;
            }
            for l in c.to_lowercase() {
                map.push((text.len(), at, end));
                text.push(l);
            }
        }
        Folded { source, text, map }
    }

    /// The byte range in the source of the first occurrence of `term` (already folded).
    fn find(&self, term: &str) -> Option<(usize, usize)> {
        let at = self.text.find(term)?;
        let last = at + term.len() - 1;
        let entry = |offset: usize| {
            let i = self.map.partition_point(|&(o, _, _)| o <= offset) - 1;
            self.map[i]
        };
        Some((entry(at).1, entry(last).2))
    }
}

impl Corpus {
    /// The provisions whose norms or derogations carry a safeguard of `kind`, with the quote
    /// that establishes it as the snippet: what a gap code's rule finds in a baseline (see
    /// `GapKind::safeguard`). In instrument id order, then document order.
    ///
    /// ```
    /// use lexgap::model::SafeguardKind;
    /// let corpus = lexgap::Corpus::bundled();
    /// let ids: Vec<String> = corpus
    ///     .with_safeguard(SafeguardKind::ImpactAssessment)
    ///     .iter()
    ///     .map(|h| h.provision.id.to_string())
    ///     .collect();
    /// assert!(ids.contains(&"eu/gdpr/art-35".to_owned()) && ids.contains(&"cn/pipl/art-55".to_owned()));
    /// ```
    pub fn with_safeguard(&self, kind: crate::model::SafeguardKind) -> Vec<Hit<'_>> {
        let mut hits = Vec::new();
        for inst in self.instruments() {
            for p in inst.located_provisions() {
                let provision = p.provision();
                let found = provision
                    .norms
                    .iter()
                    .flat_map(|n| &n.safeguards)
                    .chain(provision.derogations.iter().flat_map(|d| &d.safeguards))
                    .find(|s| s.kind == kind);
                if let Some(s) = found {
                    let quote = &s.evidence.quote;
                    hits.push(Hit {
                        provision: p,
                        lang: &s.evidence.lang,
                        snippet: crate::model::normalize_ws(quote),
                    });
                }
            }
        }
        hits
    }
}

/// About [`SNIPPET_CHARS`] characters of `text` around the bytes `start..end`, whitespace
/// collapsed; cut between words where the text has spaces near the cut, never inside a
/// character or a grapheme cluster, with `…` at each end that was cut.
fn snippet(text: &str, start: usize, end: usize) -> String {
    let matched = text[start..end].chars().count();
    let room = SNIPPET_CHARS.saturating_sub(matched);
    // A third of the room before the match, the rest after it.
    let mut from = back(text, start, room / 3);
    let mut to = forward(text, end, room - room / 3);
    from = word_start(text, from, start);
    to = word_end(text, to, end);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&crate::model::normalize_ws(&text[from..to]));
    if to < text.trim_end().len() {
        out.push('…');
    }
    out
}

/// The offset `n` characters before `at` (or 0), moved back to a cluster boundary.
fn back(text: &str, at: usize, n: usize) -> usize {
    let mut offset = text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 {
        offset = at;
    }
    while !is_cluster_boundary(text, offset) {
        offset = floor_char_boundary(text, offset - 1);
    }
    offset
}

/// The offset `n` characters after `at` (or the end), moved on to a cluster boundary.
fn forward(text: &str, at: usize, n: usize) -> usize {
    let mut offset = text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i);
    while !is_cluster_boundary(text, offset) {
        offset += text[offset..].chars().next().map_or(1, char::len_utf8);
    }
    offset
}

/// How far a cut may move to fall between words.
const WORD_SLACK: usize = 12;

/// `from` moved on to the start of a word when it cuts one of a spaced script and a space
/// is near (but not past `limit`, the match).
fn word_start(text: &str, from: usize, limit: usize) -> usize {
    if from == 0 || !cuts_word(text, from) {
        return from;
    }
    text[from..limit]
        .char_indices()
        .take(WORD_SLACK)
        .find(|(_, c)| c.is_whitespace())
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// `to` moved back to the end of a word when it cuts one of a spaced script and a space is
/// near (but not before `limit`, the match's end).
fn word_end(text: &str, to: usize, limit: usize) -> usize {
    if to >= text.len() || !cuts_word(text, to) {
        return to;
    }
    text[limit..to]
        .char_indices()
        .rev()
        .take(WORD_SLACK)
        .find(|(_, c)| c.is_whitespace())
        .map_or(to, |(i, _)| limit + i)
}

/// Whether the offset falls between two letters of a word written with spaces.
fn cuts_word(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    let spaced = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && !is_unspaced(c));
    spaced(before) && spaced(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_phrases() {
        assert_eq!(terms("  Public   SECURITY "), ["public", "security"]);
        assert_eq!(
            terms("\"public\n security\" data"),
            ["public security", "data"]
        );
        assert_eq!(terms("\"unclosed phrase"), ["unclosed phrase"]);
        assert!(terms(" \"\" ").is_empty());
    }

    #[test]
    fn matches_map_back_to_the_source() {
        let f = Folded::new("The  PUBLIC\nSecurity İs");
        assert_eq!(f.text, "the public security i\u{307}s");
        let (a, b) = f.find("public security").unwrap();
        assert_eq!(&"The  PUBLIC\nSecurity İs"[a..b], "PUBLIC\nSecurity");
        let (a, b) = f.find("i\u{307}").unwrap();
        assert_eq!(&"The  PUBLIC\nSecurity İs"[a..b], "İ");
    }

    #[test]
    fn snippets_are_bounded_and_cut_between_words() {
        let text = "word ".repeat(100);
        let s = snippet(&text, 250, 254);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 2, "{s}");
        assert!(!s.contains("…ord") && !s.contains("wor…"), "{s}");
        let zh = "生物识别".repeat(40);
        let s = snippet(&zh, 60, 72);
        assert!(s.chars().count() <= SNIPPET_CHARS + 2, "{s}");
        assert_eq!(snippet("short text", 0, 5), "short text");
    }
}
