//! Helpers on provision texts: whitespace normalisation, finding quotes, and the
//! paragraph/point pinpoint of a quote.

use super::{parse_chinese_numeral, quote};

/// Collapses every run of whitespace to one space and trims the ends.
pub(crate) fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `quote` occurs in `text`, whitespace normalised on both sides, on word boundaries
/// (see [`quote`]).
pub(crate) fn quote_in_text(quote: &str, text: &str) -> bool {
    find_normalized(text, quote).is_some()
}

/// Byte offset of `quote` in `text` after whitespace normalisation, mapped back to `text`.
fn find_normalized(text: &str, quote: &str) -> Option<usize> {
    quote::find(text, quote)
}

/// The paragraph/point pinpoint of `quote` in `text`; see
/// [`Provision::pinpoint`](super::Provision::pinpoint).
///
/// A line that is neither a numbered paragraph (`2. …`) nor a point (`(g) …`, `（五）…`) starts
/// a new subparagraph: it ends the current point (GDPR art. 6(3), second subparagraph, is
/// `3`, not `3(b)`). In a text without numbered paragraphs (a Chinese article), such lines are
/// the paragraphs (款) and are counted when there are several: the second paragraph of draft
/// PIPL art. 54 is `2`, its item (五) `1(五)`.
pub(super) fn pinpoint(text: &str, quote: &str) -> Option<String> {
    let at = find_normalized(text, quote)?;
    let numbered = text
        .lines()
        .any(|l| paragraph_number(l.trim_start()).is_some());
    let unnumbered_paragraphs = if numbered {
        0
    } else {
        text.lines()
            .map(str::trim_start)
            .filter(|l| !l.is_empty() && point_label(l).is_none())
            .count()
    };
    let mut para: Option<String> = None;
    let mut point: Option<String> = None;
    let mut count = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > at {
            break;
        }
        offset += line.len();
        let l = line.trim_start();
        if l.trim().is_empty() {
            continue;
        }
        if let Some(p) = paragraph_number(l) {
            para = Some(p);
            point = None;
        } else if let Some(p) = point_label(l) {
            point = Some(p);
        } else {
            point = None;
            if !numbered {
                count += 1;
                if unnumbered_paragraphs > 1 {
                    para = Some(count.to_string());
                }
            }
        }
    }
    match (para, point) {
        (Some(a), Some(b)) => Some(format!("{a}({b})")),
        (Some(a), None) => Some(a),
        (None, Some(b)) => Some(format!("({b})")),
        (None, None) => None,
    }
}

/// `1. Processing ...` → `1`.
pub(super) fn paragraph_number(line: &str) -> Option<String> {
    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &line[digits.len()..];
    (!digits.is_empty() && rest.starts_with(". ")).then_some(digits)
}

/// `(g) processing ...` → `g`; `（三）处理 ...` → `三`.
pub(super) fn point_label(line: &str) -> Option<String> {
    let (open, close) = if line.starts_with('(') {
        ('(', ')')
    } else if line.starts_with('（') {
        ('（', '）')
    } else {
        return None;
    };
    let inner = line.strip_prefix(open)?;
    let end = inner.find(close)?;
    let label = &inner[..end];
    let ok = !label.is_empty()
        && label.chars().count() <= 4
        && label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || parse_chinese_numeral(&c.to_string()).is_some());
    ok.then(|| label.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinpoints() {
        let text = "1. First.\n2. Paragraph 1 shall not apply if:\n(a) consent;\n(g) substantial public interest;\n3. Third.";
        assert_eq!(
            pinpoint(text, "substantial  public").as_deref(),
            Some("2(g)")
        );
        assert_eq!(pinpoint(text, "Third").as_deref(), Some("3"));
        assert_eq!(pinpoint(text, "First").as_deref(), Some("1"));
        assert_eq!(pinpoint(text, "missing"), None);
        let zh = "个人信息处理者应当：\n（一）处理敏感个人信息；\n（二）自动化决策；";
        assert_eq!(pinpoint(zh, "自动化决策").as_deref(), Some("(二)"));
        // A second, unnumbered paragraph after the items (draft PIPL art. 54).
        let zh2 = "应当事前进行风险评估：\n（一）处理敏感个人信息；\n（五）其他。\n风险评估的内容应当包括：\n（一）目的；";
        assert_eq!(pinpoint(zh2, "其他").as_deref(), Some("1(五)"));
        assert_eq!(
            pinpoint(zh2, "风险评估的内容应当包括").as_deref(),
            Some("2")
        );
        assert_eq!(pinpoint(zh2, "目的").as_deref(), Some("2(一)"));
        // A subparagraph after the points of a numbered paragraph (GDPR art. 6(3)).
        let en = "3. The basis shall be laid down by:\n(a) Union law; or\n(b) Member State law.\nThe purpose shall be determined in that legal basis.";
        assert_eq!(pinpoint(en, "Member State law").as_deref(), Some("3(b)"));
        assert_eq!(
            pinpoint(en, "The purpose shall be determined").as_deref(),
            Some("3")
        );
    }

    #[test]
    fn normalized_find_maps_back() {
        let text = "a  b\n c";
        assert_eq!(find_normalized(text, "b c"), Some(3));
        assert!(quote_in_text("a b c", text));
        assert!(!quote_in_text("", text));
    }
}
