//! A TF-IDF index over the provision texts of two instruments in one language, so that text
//! similarity is computed only for pairs that share a term (an inverted index), never by
//! comparing every pair of full texts.

use std::collections::HashMap;

use super::concepts::{CONCEPT_BOOST, concepts, definitions};
use crate::model::is_cjk_letter;

/// English function words, which carry no topic. IDF would damp them anyway; dropping them
/// keeps the vectors short.
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "do", "does",
    "each", "either", "for", "from", "had", "has", "have", "he", "her", "his", "how", "if", "in",
    "into", "is", "it", "its", "may", "might", "more", "most", "must", "no", "nor", "not", "of",
    "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "shall", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "under", "until", "up", "upon", "was", "we",
    "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will",
    "with", "within", "without", "would", "you",
];

/// English suffixes stripped by [`stem`], longest first within each family.
const SUFFIXES: &[&str] = &[
    "ifications",
    "ification",
    "izations",
    "ization",
    "isations",
    "isation",
    "ations",
    "ation",
    "itions",
    "ition",
    "ions",
    "ion",
    "ments",
    "ment",
    "nesses",
    "ness",
    "ities",
    "ity",
    "ified",
    "ifies",
    "ify",
    "ings",
    "ing",
    "ives",
    "ive",
    "ories",
    "ory",
    "ures",
    "ure",
    "ers",
    "er",
    "ors",
    "or",
    "als",
    "al",
    "ied",
    "ies",
    "ed",
    "es",
    "ise",
    "ize",
    "ate",
    "y",
    "e",
    "s",
];

/// A light English stemmer: strips the first of [`SUFFIXES`] that leaves at least three
/// letters, so that word families meet ("rectification" and "rectify", "erasure" and "erase",
/// "processing" and "processor", "assessment" and "assess"). Crude, but the same on both
/// sides, which is all a similarity needs.
fn stem(word: &str) -> String {
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_owned();
    }
    let last = word.as_bytes().last().copied();
    for suffix in SUFFIXES {
        // Most suffixes cannot match: compare the last byte before the whole suffix.
        if suffix.as_bytes().last().copied() != last {
            continue;
        }
        if let Some(s) = word.strip_suffix(suffix) {
            if s.chars().count() >= 3
                && !(matches!(*suffix, "s" | "es") && s.ends_with('s') && !s.ends_with("ss"))
            {
                return s.to_owned();
            }
        }
    }
    word.to_owned()
}

/// The index terms of a text: stemmed lowercase words (no stopwords, no single letters, no
/// bare numbers) for spaced scripts; character bigrams inside runs of Chinese, Japanese or
/// Korean letters (a lone letter between punctuation counts as a term of its own).
///
/// Word pairs (`automat decision`) were tried as extra terms and lowered precision on the
/// GDPR ↔ PIPL gold list (BENCHMARKS.md), so they are not used.
pub(crate) fn terms(text: &str, mut emit: impl FnMut(&str)) {
    let mut word = String::new();
    let mut prev_cjk: Option<char> = None;
    let mut run_len = 0usize;
    let mut buf = String::new();
    let flush_word = |word: &mut String, emit: &mut dyn FnMut(&str)| {
        if word.chars().count() >= 2 && !word.chars().all(|c| c.is_ascii_digit()) {
            let lower = word.to_lowercase();
            // No stopword is longer than seven letters: skip the search for longer words.
            if lower.len() > 7 || STOPWORDS.binary_search(&lower.as_str()).is_err() {
                emit(&stem(&lower));
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if is_cjk_letter(c) {
            flush_word(&mut word, &mut emit);
            if let Some(p) = prev_cjk {
                buf.clear();
                buf.push(p);
                buf.push(c);
                emit(&buf);
            }
            prev_cjk = Some(c);
            run_len += 1;
            continue;
        }
        if let Some(p) = prev_cjk.filter(|_| run_len == 1) {
            buf.clear();
            buf.push(p);
            emit(&buf);
        }
        prev_cjk = None;
        run_len = 0;
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush_word(&mut word, &mut emit);
        }
    }
    if let Some(p) = prev_cjk.filter(|_| run_len == 1) {
        buf.clear();
        buf.push(p);
        emit(&buf);
    }
    flush_word(&mut word, &mut emit);
}

/// How many times a term of a heading counts, against once for a term of the text: 8. A
/// heading states the topic in a few words, the text in hundreds; chosen on all nine gold
/// lists together (BENCHMARKS.md, "Alignment quality": 3 gave 372 of 512 hits, 8 to 12 a
/// plateau of 379-380 with no list lower than at 3; 8 is its lowest point).
pub(crate) const HEADING_TERM_BOOST: u32 = 8;

/// A document to index: a provision's text in one language, and its heading in that language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) heading: Option<&'a str>,
}

/// A sparse unit vector: (term id, weight), sorted by term id.
type Vector = Vec<(u32, f32)>;

/// TF-IDF vectors for the documents of two sides, with an inverted index of the right side.
#[derive(Debug, Default)]
pub(crate) struct TextIndex {
    left: Vec<Option<Vector>>,
    right_len: usize,
    postings: HashMap<u32, Vec<(usize, f32)>>,
}

impl TextIndex {
    /// Indexes `left` and `right` (one entry per provision: its text and heading, `None` when
    /// it has no text in the language). A heading states the topic, so its terms count
    /// [`HEADING_TERM_BOOST`] times. Document frequencies count both sides.
    pub(crate) fn new(left: &[Option<Doc<'_>>], right: &[Option<Doc<'_>>]) -> TextIndex {
        TextIndex::build(left, Some(right))
    }

    /// Indexes one set of documents against itself: [`similar_to`](TextIndex::similar_to)
    /// then compares document `i` with every document of the set (itself included), with
    /// document frequencies over the set, each document counted once.
    pub(crate) fn one_side(docs: &[Option<Doc<'_>>]) -> TextIndex {
        TextIndex::build(docs, None)
    }

    fn build(left: &[Option<Doc<'_>>], right: Option<&[Option<Doc<'_>>]>) -> TextIndex {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut count = |doc: &Doc<'_>| -> HashMap<u32, u32> {
            let mut tf: HashMap<u32, u32> = HashMap::new();
            let mut add = |t: &str, n: u32| {
                let id = match ids.get(t) {
                    Some(&id) => id,
                    None => {
                        let next = ids.len() as u32;
                        ids.insert(t.to_owned(), next);
                        next
                    }
                };
                *tf.entry(id).or_insert(0) += n;
            };
            terms(doc.text, |t| add(t, 1));
            concepts(doc.text, |t| add(t, CONCEPT_BOOST));
            definitions(doc.text, |t| add(t, CONCEPT_BOOST));
            if let Some(h) = doc.heading {
                terms(h, |t| add(t, HEADING_TERM_BOOST));
                concepts(h, |t| add(t, HEADING_TERM_BOOST * CONCEPT_BOOST));
            }
            tf
        };
        let lt: Vec<Option<HashMap<u32, u32>>> =
            left.iter().map(|d| d.as_ref().map(&mut count)).collect();
        let rt: Vec<Option<HashMap<u32, u32>>> = right
            .unwrap_or_default()
            .iter()
            .map(|d| d.as_ref().map(&mut count))
            .collect();
        let rt = if right.is_some() { rt } else { lt.clone() };
        let rt_counted = if right.is_some() { &rt[..] } else { &[] };
        let mut df: HashMap<u32, u32> = HashMap::new();
        let mut docs = 0u32;
        for tf in lt.iter().chain(rt_counted.iter()).flatten() {
            docs += 1;
            for id in tf.keys() {
                *df.entry(*id).or_insert(0) += 1;
            }
        }
        let weigh = |tf: &HashMap<u32, u32>| -> Vector {
            let mut v: Vector = tf
                .iter()
                .map(|(id, n)| {
                    let idf = (1.0 + f64::from(docs) / f64::from(df[id])).ln();
                    (*id, ((1.0 + f64::from(*n).ln()) * idf) as f32)
                })
                .collect();
            // Sort before summing: float addition is not associative, and the map's order
            // changes from run to run, so summing in map order made scores flicker.
            v.sort_by_key(|(id, _)| *id);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        };
        let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::new();
        for (j, tf) in rt.iter().enumerate() {
            if let Some(tf) = tf {
                for (id, w) in weigh(tf) {
                    postings.entry(id).or_default().push((j, w));
                }
            }
        }
        TextIndex {
            left: lt.iter().map(|t| t.as_ref().map(weigh)).collect(),
            right_len: rt.len(),
            postings,
        }
    }

    /// The cosine similarity of left document `i` with every right document that shares a
    /// term with it, as `(right index, similarity)`, in right order.
    pub(crate) fn similar_to(&self, i: usize) -> Vec<(usize, f64)> {
        let Some(Some(v)) = self.left.get(i) else {
            return Vec::new();
        };
        let mut acc = vec![0.0f32; self.right_len];
        let mut touched = vec![false; self.right_len];
        for (id, w) in v {
            if let Some(list) = self.postings.get(id) {
                for (j, w2) in list {
                    acc[*j] += w * w2;
                    touched[*j] = true;
                }
            }
        }
        (0..self.right_len)
            .filter(|&j| touched[j])
            .map(|j| (j, f64::from(acc[j]).clamp(0.0, 1.0)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        terms(text, |t| v.push(t.to_owned()));
        v
    }

    #[test]
    fn stopwords_are_sorted() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn english_and_chinese_terms() {
        assert_eq!(
            all("The impact assessments shall be notified, 72 hours."),
            ["impact", "assess", "not", "hour"]
        );
        assert_eq!(
            all("rectification rectify erasure erase processing processor"),
            ["rect", "rect", "eras", "eras", "process", "process"]
        );
        assert_eq!(
            all("处理敏感信息；A"),
            ["处理", "理敏", "敏感", "感信", "信息"]
        );
        assert_eq!(all("第一条 GDPR"), ["第一", "一条", "gdpr"]);
        assert_eq!(all("个。"), ["个"]);
    }

    #[test]
    fn cosine() {
        let doc = |text| {
            Some(Doc {
                text,
                heading: None,
            })
        };
        let idx = TextIndex::new(
            &[doc("impact assessment of processing"), None],
            &[
                doc("breach notification"),
                doc("an impact assessment"),
                None,
            ],
        );
        let sims = idx.similar_to(0);
        assert_eq!(sims.len(), 1);
        assert_eq!(sims[0].0, 1);
        assert!(sims[0].1 > 0.5);
        assert!(idx.similar_to(1).is_empty());
    }
}
