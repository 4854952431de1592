//! Scripts and text boundaries: which characters are written without spaces between words,
//! which belong to the character before them, where a byte offset may cut a text. One place
//! for the quote search, the text diff, the alignment index and the loader.

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
/// The cut does not fall between a character and the combining marks, joiners or variation
/// selectors that follow it (the common ones; a cluster may run over `max_chars` by up to 32
/// characters). Terminal tables use it with `render::MAX_TABLE_CELL_CHARS`; it also suits error
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
        let Some(c) = text[cut..].chars().next() else {
            return std::borrow::Cow::Borrowed(text);
        };
        if !(continues_cluster(c) || text[..cut].ends_with(ZWJ)) {
            break;
        }
        cut += c.len_utf8();
    }
    let more = text[cut..].chars().count();
    if more == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    let noun = if more == 1 { "character" } else { "characters" };
    std::borrow::Cow::Owned(format!("{}… ({more} more {noun})", &text[..cut]))
}

pub(crate) const ZWJ: char = '\u{200D}';

/// How many characters a cut or a break may move on to keep a cluster whole.
pub(crate) const MAX_CLUSTER_TAIL: usize = 32;

/// Whether `c` belongs with the character before it: a combining mark of the common blocks
/// and scripts, a joiner, a variation selector, an emoji modifier or tag, a kana voicing mark.
/// A heuristic without the Unicode tables, good enough to choose where to cut or break.
pub(crate) fn continues_cluster(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06ED
        | 0x0900..=0x0903
        | 0x093A..=0x094F
        | 0x0E31
        | 0x0E34..=0x0E3A
        | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D
        | 0x20D0..=0x20FF
        | 0x3099..=0x309A
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}
