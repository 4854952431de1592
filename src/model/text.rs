//! Helpers on provision texts: whitespace normalisation, finding quotes, and the
//! paragraph/point pinpoint of a quote.

use super::{chinese_numeral, parse_chinese_numeral, quote};

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

/// The paragraph/point pinpoint of `quote` in `text`: the place of the line it starts in, as
/// [`parts`] counts the lines; see [`Provision::pinpoint`](super::Provision::pinpoint).
pub(super) fn pinpoint(text: &str, quote: &str) -> Option<String> {
    let at = find_normalized(text, quote)?;
    let line = parts(text)
        .into_iter()
        .find(|l| l.start <= at && at < l.end)?;
    line.pinpoint()
}

/// One non-blank line of a text: its byte range, and the paragraph and point it stands in.
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) para: Option<String>,
    pub(super) point: Option<String>,
}

impl Line {
    /// `2(g)`, `2`, `(g)`, or nothing for a line of no numbered part.
    pub(super) fn pinpoint(&self) -> Option<String> {
        match (&self.para, &self.point) {
            (Some(a), Some(b)) => Some(format!("{a}({b})")),
            (Some(a), None) => Some(a.clone()),
            (None, Some(b)) => Some(format!("({b})")),
            (None, None) => None,
        }
    }
}

/// Every non-blank line of `text` with its place: the one rule for paragraphs and points,
/// which [`pinpoint`] (where a quote stands) and `Provision::passage` (the words of a
/// pinpoint) share.
///
/// A paragraph is a line starting `2. `, or `(2)` in a text without `2. ` lines (the
/// subsections of Singapore's and South Africa's acts); a point is a line starting `(g)` or
/// `（五）`, and lasts that line: the next line is another point, a paragraph, or a
/// subparagraph that ends it (GDPR art. 6(3), second subparagraph, is `3`, not `3(b)`). In a
/// text without numbered paragraphs (a Chinese article), the lines that are not points are
/// the paragraphs (款), counted from 1 when there are several: the second paragraph of draft
/// PIPL art. 54 is `2`, its item (五) `1(五)`.
pub(super) fn parts(text: &str) -> Vec<Line> {
    let dotted = text
        .lines()
        .any(|l| paragraph_number(l.trim_start()).is_some());
    let paren_numbers = !dotted
        && text
            .lines()
            .any(|l| point_label(l.trim_start()).is_some_and(|p| is_number(&p)));
    let numbered = dotted || paren_numbers;
    let unnumbered = if numbered {
        0
    } else {
        text.lines()
            .map(str::trim_start)
            .filter(|l| !l.is_empty() && point_label(l).is_none())
            .count()
    };
    let mut para: Option<String> = None;
    let (mut count, mut offset) = (0, 0);
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let l = line.trim_start();
        if l.trim().is_empty() {
            continue;
        }
        let label = point_label(l);
        let mut point = None;
        if let Some(n) = paragraph_number(l) {
            para = Some(n);
        } else if let Some(n) = label.clone().filter(|p| paren_numbers && is_number(p)) {
            para = Some(n);
        } else if label.is_some() {
            point = label;
        } else if !numbered {
            count += 1;
            if unnumbered > 1 {
                para = Some(count.to_string());
            }
        }
        out.push(Line {
            start,
            end: offset,
            para: para.clone(),
            point,
        });
    }
    out
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// A pinpoint as written, split into its paragraph and its points: the one parser for
/// citations and lookups. `2(g)` and `(2)(g)` are paragraph 2, point g; `2` is paragraph 2;
/// a lone `(三)` is a point (or, to a lookup, a paragraph of that number); full-width
/// brackets read as ASCII ones.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Pinpoint<'a> {
    pub(super) paragraph: Option<&'a str>,
    pub(super) points: Vec<&'a str>,
}

impl<'a> Pinpoint<'a> {
    /// `None` when a bracket is not closed or a part is empty.
    pub(super) fn parse(pinpoint: &'a str) -> Option<Pinpoint<'a>> {
        let s = pinpoint.trim();
        let (head, mut rest) = match s.find(['(', '（']) {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        };
        let mut parts: Vec<&str> = Vec::new();
        while !rest.is_empty() {
            let close = if rest.starts_with('(') { ')' } else { '）' };
            let inner = rest.strip_prefix(['(', '（'])?;
            let end = inner.find(close)?;
            parts.push(&inner[..end]);
            rest = &inner[end + close.len_utf8()..];
        }
        if parts.iter().any(|p| p.is_empty()) || (head.is_empty() && parts.is_empty()) {
            return None;
        }
        let paragraph = if !head.is_empty() {
            Some(head)
        } else if parts.len() > 1 {
            Some(parts.remove(0))
        } else {
            None
        };
        Some(Pinpoint {
            paragraph,
            points: parts,
        })
    }

    /// `(2)(g)`, as English, European and most common-law citations write it.
    pub(super) fn latin(&self) -> String {
        self.paragraph
            .iter()
            .chain(&self.points)
            .map(|p| format!("({p})"))
            .collect()
    }

    /// 第二款第（五）项, as Chinese citations write paragraphs (款) and items (项).
    pub(super) fn chinese(&self) -> String {
        let mut out = String::new();
        if let Some(p) = self.paragraph {
            match p.parse().ok().and_then(chinese_numeral) {
                Some(n) => out.push_str(&format!("第{n}款")),
                None => out.push_str(&format!("（{p}）")),
            }
        }
        for p in &self.points {
            out.push_str(&format!("第（{p}）项"));
        }
        out
    }
}

/// `1. Processing ...` → `1`.
fn paragraph_number(line: &str) -> Option<String> {
    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &line[digits.len()..];
    (!digits.is_empty() && rest.starts_with(". ")).then_some(digits)
}

/// `(g) processing ...` → `g`; `（三）处理 ...` → `三`.
fn point_label(line: &str) -> Option<String> {
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
    fn one_parser_for_pinpoints() {
        let p = |s| Pinpoint::parse(s).map(|p| (p.paragraph, p.points));
        assert_eq!(p("2(g)"), Some((Some("2"), vec!["g"])));
        assert_eq!(p("(2)(g)"), Some((Some("2"), vec!["g"])));
        assert_eq!(p("2"), Some((Some("2"), vec![])));
        assert_eq!(p("（三）"), Some((None, vec!["三"])));
        assert_eq!(p("1(a)(i)"), Some((Some("1"), vec!["a", "i"])));
        assert_eq!(p("(2"), None);
        assert_eq!(p("()"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn subsections_in_brackets_are_paragraphs() {
        // Singapore's PDPA s. 17 form: (1) ... (a) ...
        let text = "(1) An organisation may collect:\n(a) as set out;\n(b) as permitted.\n(2) Subject to subsection (1).";
        assert_eq!(pinpoint(text, "as permitted").as_deref(), Some("1(b)"));
        assert_eq!(pinpoint(text, "Subject to").as_deref(), Some("2"));
    }

    #[test]
    fn normalized_find_maps_back() {
        let text = "a  b\n c";
        assert_eq!(find_normalized(text, "b c"), Some(3));
        assert!(quote_in_text("a b c", text));
        assert!(!quote_in_text("", text));
    }
}
