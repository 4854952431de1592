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
