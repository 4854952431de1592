//! Scripts and text boundaries: which characters are written without spaces between words,
//! which belong to the character before them, where a byte offset may cut a text. One place
//! for the quote search, the text diff, the alignment index and the loader.

use unicode_segmentation::GraphemeCursor;

/// A Han character, kana or hangul syllable: a letter of a script written without spaces.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F
        | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Combining marks, which belong to the character before them: a quote never ends between a
/// letter and its accent.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200D)
}

/// Characters of scripts written without spaces between words, where any character boundary
/// is a word boundary: CJK ideographs, kana, hangul syllables and the CJK punctuation blocks.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// The largest char boundary of `text` at or before `offset` (clamped to the text's length).
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Cuts `text` after `max_chars` characters, and says how many were cut:
/// `… (N more characters)`. Text that is short enough is returned as it is.
///
/// The cut does not fall inside a grapheme cluster (a letter and its accents, an emoji
/// sequence; a cluster may run over `max_chars` by up to 32 characters, past which it is cut
/// anyway). Terminal tables use it with `render::MAX_TABLE_CELL_CHARS`; it also suits error
/// messages that would otherwise repeat a long quote in full.
///
/// ```
/// use lexgap::render::clip;
///
/// assert_eq!(clip("short", 10), "short");
/// assert_eq!(clip("The controller shall notify", 14), "The controller… (13 more characters)");
/// assert_eq!(clip("e\u{301}e\u{301}", 1), "e\u{301}… (2 more characters)", "the accent stays");
/// ```
pub fn clip(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    let Some((mut cut, _)) = text.char_indices().nth(max_chars) else {
        return std::borrow::Cow::Borrowed(text);
    };
    // Keep combining marks and joined characters with their base: move the cut past them.
    for _ in 0..MAX_CLUSTER_TAIL {
        if is_cluster_boundary(text, cut) {
            break;
        }
        cut += text[cut..].chars().next().map_or(0, char::len_utf8);
    }
    let more = text[cut..].chars().count();
    if more == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    let noun = if more == 1 { "character" } else { "characters" };
    std::borrow::Cow::Owned(format!("{}… ({more} more {noun})", &text[..cut]))
}

/// How many characters a cut or a break may move on to keep a cluster whole.
pub(crate) const MAX_CLUSTER_TAIL: usize = 32;

/// Whether `text` may be cut at the byte `offset` without splitting a character or an
/// extended grapheme cluster (Unicode's UAX #29, by `unicode-segmentation`, as the text diff
/// segments its tokens): never between a letter and its accent, inside an emoji sequence
/// joined by U+200D, or between a base and its variation selector. The ends of a text are
/// boundaries.
///
/// The rules read at most [`CLUSTER_CONTEXT`] bytes on each side, so that each answer costs
/// a bounded amount of work whatever the text (a run of hundreds of regional indicators would
/// otherwise be counted back to its start at every offset); past that, the pairing of flags
/// may be guessed wrong, which no statute's text reaches.
pub(crate) fn is_cluster_boundary(text: &str, offset: usize) -> bool {
    if offset == 0 || offset >= text.len() {
        return true;
    }
    if !text.is_char_boundary(offset) {
        return false;
    }
    let start = floor_char_boundary(text, offset.saturating_sub(CLUSTER_CONTEXT));
    let mut end = (offset + CLUSTER_CONTEXT).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let chunk = &text[start..end];
    GraphemeCursor::new(offset - start, chunk.len(), true)
        .is_boundary(chunk, 0)
        .unwrap_or(true)
}

/// How far, in bytes, [`is_cluster_boundary`] reads on each side of an offset.
const CLUSTER_CONTEXT: usize = 256;
