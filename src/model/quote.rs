//! Finding a quote in a text: whitespace-normalised, on word boundaries, in linear time.
//!
//! A quote matches where its words, with every run of whitespace collapsed to one space,
//! stand in the text, collapsed the same way, and where it begins and ends on a word
//! boundary: `The controller shall not` is not a quote of "The controller shall notify the
//! authority", and `e data` is not a quote of "the data". In scripts written without spaces
//! (Chinese, Japanese), every character boundary is a word boundary. A quote may span a line or
//! paragraph break of the text: the break is whitespace like any other (so a quote of two
//! paragraphs reads as one run of words).
//!
//! The search is a Knuth–Morris–Pratt scan over the normalised bytes: time linear in the text
//! plus the quote, whatever they hold. Normalise a text once ([`NormalizedText::new`]) to look
//! up many quotes in it.

use super::script::{is_mark, is_unspaced};

/// A text with its whitespace collapsed, remembering where each byte came from.
#[derive(Debug, Clone)]
pub(crate) struct NormalizedText {
    /// The words of the text, one space between them, no space at the ends.
    text: String,
    /// For each byte of `text`, its offset in `original` (a `u32`: a text of up to 4 GiB, four
    /// bytes of index per byte of text).
    offsets: Vec<u32>,
}

impl NormalizedText {
    /// Normalises `original` (linear time and memory).
    pub(crate) fn new(original: &str) -> NormalizedText {
        // Offsets are u32; a text past 4 GiB would not have fit the TOML file it came from.
        let original = &original
            [..super::floor_char_boundary(original, original.len().min(u32::MAX as usize))];
        let mut text = String::with_capacity(original.len());
        let mut offsets = Vec::with_capacity(original.len());
        let mut pending_space: Option<usize> = None;
        for (i, c) in original.char_indices() {
            if c.is_whitespace() {
                if !text.is_empty() && pending_space.is_none() {
                    pending_space = Some(i);
                }
                continue;
            }
            if let Some(at) = pending_space.take() {
                text.push(' ');
                offsets.push(at as u32);
            }
            let start = text.len();
            text.push(c);
            offsets.extend((0..text.len() - start).map(|k| (i + k) as u32));
        }
        NormalizedText { text, offsets }
    }

    /// The byte offset in the original text where `quote` first occurs on word boundaries,
    /// if it does; `None` for an empty quote.
    pub(crate) fn find(&self, quote: &str) -> Option<usize> {
        let q = super::normalize_ws(quote);
        if q.is_empty() {
            return None;
        }
        let (hay, needle) = (self.text.as_bytes(), q.as_bytes());
        let fail = failure_table(needle);
        let mut k = 0;
        for (i, &b) in hay.iter().enumerate() {
            while k > 0 && b != needle[k] {
                k = fail[k - 1];
            }
            if b == needle[k] {
                k += 1;
            }
            if k == needle.len() {
                let start = i + 1 - needle.len();
                if self.on_boundaries(start, i + 1, &q) {
                    return Some(self.offsets[start] as usize);
                }
                k = fail[k - 1];
            }
        }
        None
    }

    /// Whether the match `text[start..end]` of `quote` begins and ends on word boundaries.
    fn on_boundaries(&self, start: usize, end: usize, quote: &str) -> bool {
        let before = self.text[..start].chars().next_back();
        let after = self.text[end..].chars().next();
        let first = quote.chars().next();
        let last = quote.chars().next_back();
        let joined = |a: Option<char>, b: Option<char>| match (a, b) {
            (Some(a), Some(b)) => {
                is_mark(b) || (is_word(a) && is_word(b) && !(is_unspaced(a) || is_unspaced(b)))
            }
            _ => false,
        };
        !joined(before, first) && !joined(last, after)
    }
}

/// The KMP failure function: `fail[i]` is the length of the longest proper prefix of
/// `needle[..=i]` that is also its suffix.
fn failure_table(needle: &[u8]) -> Vec<usize> {
    let mut fail = vec![0; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = fail[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        fail[i] = k;
    }
    fail
}

/// Letters, digits and the marks that join them make words.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

#[cfg(test)]
mod tests {
    use super::NormalizedText;

    fn find(text: &str, quote: &str) -> Option<usize> {
        NormalizedText::new(text).find(quote)
    }

    #[test]
    fn quotes_begin_and_end_on_word_boundaries() {
        let text = "The controller shall notify the authority.";
        assert_eq!(
            find(text, "The controller shall not"),
            None,
            "`not` is inside `notify`"
        );
        assert_eq!(find(text, "e controller"), None, "starts inside `The`");
        assert_eq!(find(text, "controller shall notify"), Some(4));
        assert_eq!(
            find(text, "the authority"),
            Some(28),
            "ends before the full stop"
        );
        assert_eq!(find(text, "authority."), Some(32));
        assert_eq!(find("the data", "e data"), None);
    }

    #[test]
    fn whitespace_is_normalised_and_breaks_are_whitespace() {
        let text = "a  b\n c";
        assert_eq!(find(text, "b c"), Some(3));
        assert_eq!(find(text, "a b c"), Some(0));
        assert_eq!(find(text, ""), None);
        assert_eq!(find(text, "  "), None);
        // A quote across a paragraph break matches: the break is whitespace.
        assert_eq!(
            find("1. First ends.\n2. Second", "ends. 2. Second"),
            Some(9)
        );
    }

    #[test]
    fn cjk_matches_at_any_character() {
        let text = "在公共场所安装图像采集、个人身份识别设备，应当为维护公共安全所必需";
        assert!(find(text, "个人身份识别设备").is_some());
        assert!(
            find(text, "身份识").is_some(),
            "any character boundary is a word boundary"
        );
        // Mixed: a Latin word glued to Chinese still ends at the script change.
        assert!(find("按照GDPR的规定", "GDPR").is_some());
    }

    #[test]
    fn a_quote_does_not_split_a_letter_from_its_accent() {
        let text = "re\u{301}sume\u{301} and more";
        assert_eq!(find(text, "re"), None);
        assert_eq!(find(text, "re\u{301}sume\u{301}"), Some(0));
    }

    #[test]
    fn overlapping_candidates_are_all_tried() {
        // The first candidate fails the boundary check; a later, overlapping one succeeds.
        assert_eq!(find("aa a", "a"), Some(3));
        assert_eq!(find("xab ab", "ab"), Some(4));
    }

    #[test]
    fn long_pathological_inputs_take_linear_work() {
        // "a " × 200_000 + "b", and a 5,000-word quote of `a`s ending in `c`: no match, and
        // the scan is one pass (KMP), not text × quote.
        let text = "a ".repeat(200_000) + "b";
        let quote = "a ".repeat(5_000) + "c";
        assert_eq!(find(&text, &quote), None);
        let quote = "a ".repeat(5_000) + "b";
        assert_eq!(find(&text, &quote), Some(2 * (200_000 - 5_000)));
    }
}
