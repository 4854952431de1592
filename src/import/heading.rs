//! What one line of a statute is: an article or section heading, a chapter-level heading, a
//! schedule, or text. Each recogniser reads the line alone; [`super::split`] decides from the
//! document which family of headings numbers its provisions.

use crate::model::parse_chinese_numeral;

/// Which numbering a provision heading belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    /// `Article 12`, `Art. 12a`, `Artículo 12`, `Art. 12º`: ids `art-N`.
    Article,
    /// `第十二条`, `第十二条之一`: ids `art-N`.
    Chinese,
    /// `Section 12A`, `§ 12`: ids `s-N`.
    Section,
    /// `12.—(1)`, `12. (1)`, `12.—`: ids `s-N`, labels `Section N`.
    Numbered,
}

impl Family {
    pub(super) fn prefix(self) -> &'static str {
        match self {
            Family::Article | Family::Chinese => "art",
            Family::Section | Family::Numbered => "s",
        }
    }
}

/// A provision heading found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Heading {
    pub family: Family,
    pub number: u32,
    /// The inserted-article letters of the id (`a` for `12a`, `12-1`, `12 bis`, `之一`).
    pub suffix: String,
    /// The label as the line prints it (`Art. 12-1`, `第十二条之一`).
    pub label: String,
    /// What follows the heading on the line, trimmed, and how it is set off.
    pub rest: Rest,
    /// A numbered line without a dash or `(1)` (`1. This Act may be cited…`): a heading only
    /// in a text numbered by sections alone, and only as the next number.
    pub weak: bool,
}

/// What follows a provision heading on its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Rest {
    /// Nothing: the heading stands alone (a title may follow on the next line).
    None,
    /// A title set off by a dash or a full stop (`Article 12 — Right of access`).
    Title(String),
    /// The first line of the text (`Article 1 This Law is enacted…`, `第一条 为了…`).
    Text(String),
}

/// A chapter-level heading: its depth (part 0, sub-part 1, chapter 2, section 3) and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Division {
    pub level: u8,
    /// The heading as printed, the keyword of an all-capitals one in title case
    /// (`CHAPTER I` → `Chapter I`).
    pub label: String,
    /// Whether the title is on the same line; if not, the next line may hold it.
    pub titled: bool,
}

const ARTICLE_WORDS: &[&str] = &[
    "Article",
    "ARTICLE",
    "Art.",
    "ART.",
    "Artículo",
    "ARTÍCULO",
    "Articulo",
    "Artikel",
    "ARTIKEL",
    "Articolo",
    "Artigo",
];

const SECTION_WORDS: &[&str] = &["Section", "SECTION", "§"];

const REPEAL_WORDS: &[&str] = &[
    "repealed",
    "deleted",
    "omitted",
    "删除",
    "删去",
    "废止",
    "derogado",
    "suprimido",
    "abrogé",
    "supprimé",
    "aufgehoben",
    "weggefallen",
    "abrogato",
    "revogado",
];

/// Whether a text is only a repeal marker: `[Repealed]`, `(Repealed.)`, `（删除）`, `Deleted`.
pub(super) fn is_repeal_marker(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(['[', '(', '（', '【', '—', '–', '-', ' '])
        .trim_end_matches([']', ')', '）', '】', '.', '。', ' '])
        .trim();
    !t.is_empty() && REPEAL_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// Splits `s` after a run of ASCII digits: the number (at most 9 digits) and the rest.
fn digits(s: &str) -> Option<(u32, &str)> {
    let n = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if n == 0 || n > 9 {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// The letter of the k-th inserted article (1 → `a`, 26 → `z`).
fn letter(k: u32) -> Option<String> {
    (1..=26)
        .contains(&k)
        .then(|| char::from(b'a' + (k - 1) as u8).to_string())
}

/// An inserted-article mark right after the number: `a`, `A`, `-1`, ` bis`, `bis`, and an
/// ordinal mark `º` / `°` (no suffix). Returns (id suffix, what it printed, the rest).
fn suffix(after: &str) -> Option<(String, &str, &str)> {
    for mark in ["º", "°", "ª"] {
        if let Some(rest) = after.strip_prefix(mark) {
            return Some((String::new(), &after[..mark.len()], rest));
        }
    }
    if let Some(r) = after.strip_prefix('-') {
        if let Some((k, rest)) = digits(r) {
            let printed = &after[..after.len() - rest.len()];
            return Some((letter(k)?, printed, rest));
        }
    }
    let trimmed = after.trim_start_matches(' ');
    for (i, word) in crate::model::numeral::LATIN_ORDINALS.iter().enumerate() {
        if let Some(rest) = trimmed.strip_prefix(word) {
            if rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric()) {
                let printed = &after[..after.len() - rest.len()];
                return Some((letter(i as u32 + 1)?, printed, rest));
            }
        }
    }
    let n = after.len()
        - after
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if (1..=2).contains(&n) {
        let rest = &after[n..];
        if rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric()) {
            return Some((after[..n].to_ascii_lowercase(), &after[..n], rest));
        }
    }
    Some((String::new(), "", after))
}

/// What follows a heading's number on its line, if the heading ends there: a title after a
/// dash, colon or full stop, text after a space, or nothing. `None` when the number runs on
/// into something else (`Article 6(1)`, `Article 6, paragraph 2`).
fn rest_of(after: &str) -> Option<Rest> {
    if after.trim().is_empty() {
        return Some(Rest::None);
    }
    for dash in ["—", "–", " - ", ":", ". ", "."] {
        if let Some(r) = after
            .trim_start_matches(' ')
            .strip_prefix(dash.trim_start())
        {
            let r = r.trim();
            if dash.contains('.') && r.chars().count() > 150 {
                return Some(Rest::Text(r.to_owned()));
            }
            return Some(if r.is_empty() {
                Rest::None
            } else {
                Rest::Title(r.to_owned())
            });
        }
    }
    if after.starts_with(char::is_whitespace) {
        return Some(Rest::Text(after.trim().to_owned()));
    }
    None
}

/// `Article 12`, `Art. 12a`, `Art. 12-1`, `Artículo 12`, `Art. 12º`, `Section 12A`, `§ 12`.
fn worded(line: &str) -> Option<Heading> {
    for (family, words) in [
        (Family::Article, ARTICLE_WORDS),
        (Family::Section, SECTION_WORDS),
    ] {
        for word in words {
            let Some(after_word) = line.strip_prefix(word) else {
                continue;
            };
            let spaced = after_word.trim_start_matches([' ', '\u{a0}']);
            if spaced.len() == after_word.len() && !word.ends_with(['.', '§']) {
                continue; // `Articles`, `Sectional`
            }
            let Some((number, after)) = digits(spaced) else {
                continue;
            };
            let (suffix, _, after) = suffix(after)?;
            let rest = rest_of(after)?;
            let label = line[..line.len() - after.len()].trim_end().to_owned();
            return Some(Heading {
                family,
                number,
                suffix,
                label,
                rest,
                weak: false,
            });
        }
    }
    None
}

/// `第十二条`, `第12条`, `第十二条之一`, followed by the end of the line or a space.
fn chinese(line: &str) -> Option<Heading> {
    let rest = line.strip_prefix('第')?;
    let (numeral, after) = rest.split_once('条')?;
    let number = parse_chinese_numeral(numeral)?;
    let (suffix, after) = match after.strip_prefix('之') {
        Some(r) => {
            let end = r
                .char_indices()
                .find(|(_, c)| !"一二三四五六七八九十".contains(*c))
                .map_or(r.len(), |(i, _)| i);
            let k = parse_chinese_numeral(&r[..end])?;
            (letter(k)?, &r[end..])
        }
        None => (String::new(), after),
    };
    let label = line[..line.len() - after.len()].to_owned();
    let rest = if after.trim().is_empty() {
        Rest::None
    } else if after.starts_with(char::is_whitespace) || after.starts_with(['（', '(', '【', '['])
    {
        Rest::Text(after.trim().to_owned())
    } else {
        return None; // 第三十五条规定的… is a reference, not a heading
    };
    Some(Heading {
        family: Family::Chinese,
        number,
        suffix,
        label,
        rest,
        weak: false,
    })
}

/// `12.—(1) An organisation…`, `12. (1) …`, `12.—An organisation…`: a numbered section.
fn numbered(line: &str) -> Option<Heading> {
    let (number, after) = digits(line)?;
    let (suffix, _, after) = suffix(after)?;
    let after = after.strip_prefix('.')?;
    let mut weak = false;
    let text = if let Some(r) = after.strip_prefix(['—', '–']) {
        r.trim_start()
    } else {
        let r = after.trim_start();
        if r.len() == after.len() || r.is_empty() {
            return None;
        }
        weak = !(r.starts_with("(1)") || r.starts_with("(a)"));
        r
    };
    let label = format!("Section {number}{}", suffix.to_ascii_uppercase());
    let rest = if text.is_empty() {
        Rest::None
    } else {
        Rest::Text(text.to_owned())
    };
    Some(Heading {
        family: Family::Numbered,
        number,
        suffix,
        label,
        rest,
        weak,
    })
}

/// A provision heading of any family at the start of `line` (already trimmed).
pub(super) fn provision(line: &str) -> Option<Heading> {
    worded(line)
        .or_else(|| chinese(line))
        .or_else(|| numbered(line))
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| "IVXLCDM".contains(c))
}

/// Words of a chapter-level heading and their depth.
const DIVISION_WORDS: &[(&str, u8)] = &[
    ("Part", 0),
    ("PART", 0),
    ("Title", 0),
    ("TITLE", 0),
    ("Chapter", 2),
    ("CHAPTER", 2),
    ("Section", 3),
    ("SECTION", 3),
    ("Título", 0),
    ("TÍTULO", 0),
    ("Titre", 0),
    ("TITRE", 0),
    ("Teil", 0),
    ("Capítulo", 2),
    ("CAPÍTULO", 2),
    ("Chapitre", 2),
    ("CHAPITRE", 2),
    ("Kapitel", 2),
    ("Capitolo", 2),
    ("CAPO", 2),
    ("Sección", 3),
    ("SECCIÓN", 3),
    ("Abschnitt", 3),
];

/// `CHAPTER I`, `Chapter II — Title`, `Part 4`, `PART 4 GENERAL`, `Section 3` (a section of
/// a chapter, where articles number the provisions), `第一章 总则`, `第一节`, `第一编`.
pub(super) fn division(line: &str, sections_are_divisions: bool) -> Option<Division> {
    if let Some(d) = chinese_division(line) {
        return Some(d);
    }
    for &(word, level) in DIVISION_WORDS {
        if level == 3 && word.starts_with(['S', '§']) && !sections_are_divisions {
            continue;
        }
        let Some(after) = line.strip_prefix(word) else {
            continue;
        };
        let Some(after) = after.strip_prefix(' ') else {
            continue;
        };
        let end = after.find([' ', ':', '.', '—', '–']).unwrap_or(after.len());
        let (num, tail) = after.split_at(end);
        let num_ok = is_roman(num)
            || num
                .trim_end_matches(|c: char| c.is_ascii_uppercase())
                .parse::<u32>()
                .is_ok_and(|_| num.starts_with(|c: char| c.is_ascii_digit()));
        if !num_ok {
            continue;
        }
        let tail_t = tail.trim();
        // A title after a dash or colon, in capitals (`PART 4 GENERAL PROVISIONS`) or
        // starting with a capital (`Chapter I General Provisions`); other words after the
        // number make the line text (`Section 3 applies`).
        let dashed = tail_t.starts_with(['—', '–', '-', ':', '.']);
        let capitals = tail_t == tail_t.to_uppercase() && tail_t.chars().any(char::is_alphabetic);
        let title_case = tail_t.starts_with(char::is_uppercase)
            && tail_t
                .split_whitespace()
                .next()
                .is_some_and(|w| w.chars().count() > 1);
        if !tail_t.is_empty() && !dashed && !capitals && !title_case {
            continue;
        }
        let titled = !tail_t.is_empty();
        let keyword = if word.chars().all(char::is_uppercase) {
            let mut chars = word.chars();
            let mut k: String = chars.next().into_iter().collect();
            k.extend(chars.flat_map(char::to_lowercase));
            k
        } else {
            word.to_owned()
        };
        return Some(Division {
            level,
            label: format!("{keyword} {}", after.trim_end()),
            titled,
        });
    }
    None
}

fn chinese_division(line: &str) -> Option<Division> {
    let rest = line.strip_prefix('第')?;
    for (unit, level) in [("分编", 1), ("编", 0), ("章", 2), ("节", 3)] {
        let Some(i) = rest.find(unit) else {
            continue;
        };
        let numeral = &rest[..i];
        if parse_chinese_numeral(numeral).is_none() {
            continue;
        }
        let tail = &rest[i + unit.len()..];
        if !(tail.is_empty() || tail.starts_with(char::is_whitespace)) {
            continue;
        }
        return Some(Division {
            level,
            label: line.trim_end().to_owned(),
            titled: !tail.trim().is_empty(),
        });
    }
    None
}

/// `SCHEDULE 1`, `Schedule 2 — Title`, `ANNEX I`, `Annex`, `APPENDIX A`, `附件`, `附件一`: the
/// id (`schedule-1`, `annex-i`, `annex`) and the label as printed.
pub(super) fn schedule(line: &str) -> Option<(String, String)> {
    for (word, id) in [
        ("SCHEDULE", "schedule"),
        ("Schedule", "schedule"),
        ("ANNEX", "annex"),
        ("Annex", "annex"),
        ("APPENDIX", "appendix"),
        ("Appendix", "appendix"),
        ("附件", "annex"),
        ("附录", "appendix"),
    ] {
        let Some(after) = line.strip_prefix(word) else {
            continue;
        };
        let t = if word.is_ascii() {
            if !(after.is_empty() || after.starts_with(' ')) {
                continue; // `Annexes`, `Scheduled`
            }
            after.trim_start()
        } else {
            after
        };
        let end = t.find([' ', '—', '–', ':', '.']).unwrap_or(t.len());
        let (num, tail) = t.split_at(end);
        let tail = tail.trim();
        let zh_num = parse_chinese_numeral(num).filter(|_| !num.is_empty());
        let num_ok = num.is_empty()
            || zh_num.is_some()
            || (word.is_ascii()
                && num.len() <= 6
                && num.chars().all(|c| c.is_ascii_alphanumeric()));
        let tail_ok = tail.is_empty() || tail.starts_with(['—', '–', '-', ':', '.']);
        if !num_ok || !tail_ok {
            continue;
        }
        let num_id = zh_num.map_or_else(|| num.to_ascii_lowercase(), |n| n.to_string());
        let id = if num_id.is_empty() {
            id.to_owned()
        } else {
            format!("{id}-{num_id}")
        };
        let label = line[..line.len() - tail.len()]
            .trim_end_matches([' ', '—', '–', '-', ':', '.'])
            .to_owned();
        return Some((id, label));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(line: &str) -> Option<(Family, u32, String, String, Rest)> {
        provision(line).map(|h| (h.family, h.number, h.suffix, h.label, h.rest))
    }

    #[test]
    fn provision_headings() {
        use Family::*;
        let s = String::from;
        assert_eq!(
            h("Article 9"),
            Some((Article, 9, s(""), s("Article 9"), Rest::None))
        );
        assert_eq!(
            h("Art. 12-1 Text"),
            Some((Article, 12, s("a"), s("Art. 12-1"), Rest::Text(s("Text"))))
        );
        assert_eq!(
            h("Art. 12º. Objeto"),
            Some((Article, 12, s(""), s("Art. 12º"), Rest::Title(s("Objeto"))))
        );
        assert_eq!(
            h("Section 12A — Heading"),
            Some((
                Section,
                12,
                s("a"),
                s("Section 12A"),
                Rest::Title(s("Heading"))
            ))
        );
        assert_eq!(
            h("第十二条之一 内容"),
            Some((
                Chinese,
                12,
                s("a"),
                s("第十二条之一"),
                Rest::Text(s("内容"))
            ))
        );
        assert_eq!(
            h("12.—(1) An organisation"),
            Some((
                Numbered,
                12,
                s(""),
                s("Section 12"),
                Rest::Text(s("(1) An organisation"))
            ))
        );
        assert_eq!(h("Article 6(1) applies"), None);
        assert_eq!(h("Articles 12 to 22"), None);
        assert_eq!(h("第三十五条规定的"), None);
        // A paragraph number, unless the document is numbered by such lines alone (weak).
        assert!(provision("1. This Regulation").is_some_and(|h| h.weak));
        assert!(provision("12.—(1) An organisation").is_some_and(|h| !h.weak));
    }

    #[test]
    fn divisions_and_schedules() {
        let d = |l: &str| division(l, true).map(|d| (d.level, d.label, d.titled));
        assert_eq!(d("CHAPTER I"), Some((2, "Chapter I".into(), false)));
        assert_eq!(d("Section 3"), Some((3, "Section 3".into(), false)));
        assert_eq!(d("第一章 总 则"), Some((2, "第一章 总 则".into(), true)));
        assert_eq!(d("Section 3 applies"), None);
        assert_eq!(
            d("Chapter I General Provisions"),
            Some((2, "Chapter I General Provisions".into(), true))
        );
        assert_eq!(
            schedule("SCHEDULE 1 — Forms"),
            Some(("schedule-1".into(), "SCHEDULE 1".into()))
        );
        assert_eq!(schedule("Annex"), Some(("annex".into(), "Annex".into())));
        assert_eq!(schedule("Annexes to this"), None);
        assert!(is_repeal_marker("[Repealed]"));
        assert!(is_repeal_marker("（删除）"));
        assert!(!is_repeal_marker("This Act is repealed"));
    }
}
