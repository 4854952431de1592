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

use super::script::{is_cluster_boundary, is_mark, is_unspaced};

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
        !joined(before, quote.chars().next())
            && !joined(quote.chars().next_back(), after)
            && cluster_edges(&self.text, start, end)
    }
}

/// The byte offset in `text` where `quote` first occurs on word boundaries, whitespace
/// normalised on both sides: the same answer as [`NormalizedText::find`], without building the
/// normalised text when the scan is cheap. Candidates are found by the quote's first word (a
/// fast substring search) and checked word by word; when that has cost more than a few passes
/// over the text (a text crafted so that nearly every position starts a candidate), the search
/// falls back to the linear scan of the normalised text, so it stays linear in every case.
pub(crate) fn find(text: &str, quote: &str) -> Option<usize> {
    find_lazy(text, quote, &std::cell::OnceCell::new())
}

/// [`find`] for many quotes of one text: `normalized` holds the normalised text once a search
/// has needed it, and every later search of the text uses it, so that a file of many quotes
/// on one crafted text normalises it once.
pub(crate) fn find_lazy(
    text: &str,
    quote: &str,
    normalized: &std::cell::OnceCell<NormalizedText>,
) -> Option<usize> {
    if let Some(n) = normalized.get() {
        return n.find(quote);
    }
    let mut rest = quote.split_whitespace();
    let first = rest.next()?;
    let last = quote.split_whitespace().next_back().unwrap_or(first);
    let mut budget = 4 * (text.len() + quote.len()) + 1024;
    let mut from = 0;
    while let Some(found) = text[from..].find(first) {
        let at = from + found;
        let mut pos = at + first.len();
        let mut follows = true;
        for w in rest.clone() {
            let after = &text[pos..];
            let trimmed = after.trim_start();
            let skipped = after.len() - trimmed.len();
            budget = budget.saturating_sub(skipped + w.len());
            if skipped == 0 || !trimmed.starts_with(w) {
                follows = false;
                break;
            }
            pos += skipped + w.len();
        }
        budget = budget.saturating_sub(first.len() + found / 8);
        if follows && on_boundaries(text, at, pos, first, last) {
            return Some(at);
        }
        if budget == 0 {
            return normalized
                .get_or_init(|| NormalizedText::new(text))
                .find(quote);
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Whether `text[start..end]`, a match of a quote whose first word is `first` and last word
/// `last`, begins and ends on word boundaries.
fn on_boundaries(text: &str, start: usize, end: usize, first: &str, last: &str) -> bool {
    // As in the normalised text, where leading whitespace is gone: nothing comes before a
    // quote that only whitespace precedes.
    let before = text[..start]
        .chars()
        .next_back()
        .filter(|_| !text[..start].trim_start().is_empty());
    let after = text[end..].chars().next();
    !joined(before, first.chars().next())
        && !joined(last.chars().next_back(), after)
        && cluster_edges(text, start, end)
}

/// Whether `text[start..end]` begins and ends between grapheme clusters, judged as in the
/// normalised text, so that both searches agree: a whitespace run counts as one space (which
/// a combining mark after it joins, where a line break would not), leading and trailing
/// whitespace as nothing.
fn cluster_edges(text: &str, start: usize, end: usize) -> bool {
    let start_ok = match text[..start].chars().next_back() {
        None => true,
        Some(w) if w.is_whitespace() => {
            text[..start].trim_start().is_empty()
                || text[start..]
                    .chars()
                    .next()
                    .is_none_or(|c| !extends_space(c))
        }
        Some(_) => is_cluster_boundary(text, start),
    };
    let end_ok = match text[end..].chars().next() {
        None => true,
        Some(w) if w.is_whitespace() => true,
        Some(_) => is_cluster_boundary(text, end),
    };
    start_ok && end_ok
}

/// Whether `c` joins the cluster of a space before it (a combining mark, a joiner).
fn extends_space(c: char) -> bool {
    let mut buf = [0u8; 5];
    buf[0] = b' ';
    let n = 1 + c.encode_utf8(&mut buf[1..]).len();
    std::str::from_utf8(&buf[..n]).is_ok_and(|s| !is_cluster_boundary(s, 1))
}

/// Whether `a` and `b`, side by side, belong to one word (a grapheme cluster, such as a
/// letter and its accent, is never split either: see [`is_cluster_boundary`]).
fn joined(a: Option<char>, b: Option<char>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => is_word(a) && is_word(b) && !(is_unspaced(a) || is_unspaced(b)),
        _ => false,
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

    /// Both searches, which must agree.
    fn find(text: &str, quote: &str) -> Option<usize> {
        let slow = NormalizedText::new(text).find(quote);
        assert_eq!(super::find(text, quote), slow, "{text:?} / {quote:?}");
        slow
    }

    #[test]
    fn the_fast_scan_agrees_with_the_normalised_search() {
        // Texts and quotes from a small alphabet of words, marks, CJK and whitespace runs, so
        // that candidates, near misses and boundaries are frequent.
        let pieces = [
            "a",
            "ab",
            "b",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\t",
            "e\u{301}",
            "\u{301}",
            "个",
            "人",
            "。",
            "(a)",
            ".",
            "\u{200D}",
            "\u{FE0F}",
            "👍🏽",
            "🇨🇳",
            "\u{1F1E8}",
            "क\u{093F}",
            "\u{093F}",
        ];
        let mut state = 12345u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % n as u64) as usize
        };
        for _ in 0..20_000 {
            let text: String = (0..next(30)).map(|_| pieces[next(pieces.len())]).collect();
            let quote: String = (0..1 + next(6))
                .map(|_| pieces[next(pieces.len())])
                .collect();
            find(&text, &quote);
            // And a quote cut from the text itself, so that matches are common.
            let chars: Vec<char> = text.chars().collect();
            if chars.len() > 2 {
                let (a, b) = (next(chars.len()), next(chars.len()));
                let cut: String = chars[a.min(b)..a.max(b)].iter().collect();
                find(&text, &cut);
            }
        }
        // A quote never ends inside a grapheme cluster: not before a spacing vowel sign, not
        // inside an emoji sequence, not between the two halves of a flag.
        assert_eq!(find("नीति कि", "क"), None);
        assert_eq!(find("नीति कि", "कि"), Some(13));
        assert_eq!(find("👍🏽 ok", "👍"), None);
        assert_eq!(find("🇨🇳🇪🇺", "🇳🇪"), None);
        assert_eq!(find("🇨🇳🇪🇺", "🇪🇺"), Some(8));
        // The crafted case falls back to the linear search and still agrees.
        let text = "a ".repeat(50_000) + "b";
        assert_eq!(find(&text, &("a ".repeat(500) + "c")), None);
        assert_eq!(find(&text, &("a ".repeat(500) + "b")), Some(99_000));
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
