//! Article numbers in labels: `第二十六条` is article 26, `Article 26` too.
//!
//! The loader uses this to check that a provision's labels agree with its id (`art-26`), so the
//! conversion is written once, here, and never by hand in a data file.

/// Parses a Chinese numeral as used in article labels (一 to 九千九百九十九, with 零 and 〇,
/// and the colloquial 两), or a run of ASCII digits.
///
/// ```
/// use lexgap::model::parse_chinese_numeral;
/// assert_eq!(parse_chinese_numeral("二十六"), Some(26));
/// assert_eq!(parse_chinese_numeral("十"), Some(10));
/// assert_eq!(parse_chinese_numeral("一百零三"), Some(103));
/// assert_eq!(parse_chinese_numeral("一千零三十九"), Some(1039));
/// assert_eq!(parse_chinese_numeral("二十六条"), None);
/// ```
pub fn parse_chinese_numeral(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            if digit.is_some_and(|p| p != 0) {
                return None; // two digits in a row: 二三
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if unit >= last_unit {
            return None; // units must decrease: 十百 is not a number
        }
        let d = match digit.take() {
            Some(0) => return None,
            Some(d) => d,
            None if unit == 10 && total == 0 => 1, // 十二 = 12
            None => return None,
        };
        total += d * unit;
        last_unit = unit;
    }
    if let Some(d) = digit {
        total += d;
    }
    (total > 0).then_some(total)
}

/// The article number a label names: `第二十六条`, `Article 26`, `Art. 26`, `26`.
///
/// ```
/// use lexgap::model::article_number_of_label;
/// assert_eq!(article_number_of_label("第二十六条"), Some(26));
/// assert_eq!(article_number_of_label("Article 9"), Some(9));
/// assert_eq!(article_number_of_label("Art. 52"), Some(52));
/// assert_eq!(article_number_of_label("Fourth Amendment"), None);
/// ```
pub fn article_number_of_label(label: &str) -> Option<u32> {
    let label = label.trim();
    if let Some(rest) = label.strip_prefix('第') {
        let inner = rest.strip_suffix('条')?;
        return parse_chinese_numeral(inner);
    }
    let rest = label
        .strip_prefix("Article")
        .or_else(|| label.strip_prefix("Art."))
        .unwrap_or(label)
        .trim();
    if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
        rest.parse().ok()
    } else {
        None
    }
}

/// Writes a number from 1 to 9,999 as a Chinese numeral, as article and paragraph labels do
/// (`二十六`, `一百零一`, `一千零三十二`): the inverse of [`parse_chinese_numeral`]. `None` for 0
/// and past 9,999.
///
/// ```
/// use lexgap::model::chinese_numeral;
/// assert_eq!(chinese_numeral(26).as_deref(), Some("二十六"));
/// assert_eq!(chinese_numeral(10).as_deref(), Some("十"));
/// assert_eq!(chinese_numeral(110).as_deref(), Some("一百一十"));
/// assert_eq!(chinese_numeral(1032).as_deref(), Some("一千零三十二"));
/// ```
pub fn chinese_numeral(n: u32) -> Option<String> {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 || n > 9_999 {
        return None;
    }
    let mut out = String::new();
    let mut zero = false;
    for (unit, name) in [
        (1000, Some('千')),
        (100, Some('百')),
        (10, Some('十')),
        (1, None),
    ] {
        let d = (n / unit % 10) as usize;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十二, not 一十二, at the head of a number; 一百一十 inside one.
        if !(unit == 10 && d == 1 && out.is_empty()) {
            out.push(DIGITS[d]);
        }
        if let Some(name) = name {
            out.push(name);
        }
    }
    Some(out)
}

/// The Latin ordinals that mark inserted articles after the number (`12 bis` is `12a`,
/// `12 ter` is `12b`, ...): the loader's label check and the importer read the same list.
pub(crate) const LATIN_ORDINALS: &[&str] = &[
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

#[cfg(test)]
mod tests {
    use super::*;

    const ONES: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// The standard way to write n, built independently of the parser.
    fn write(n: u32) -> String {
        let (q, h, t, o) = (n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
        let mut s = String::new();
        if q > 0 {
            s += ONES[q as usize];
            s += "千";
        }
        if h > 0 {
            s += ONES[h as usize];
            s += "百";
        } else if q > 0 && (t > 0 || o > 0) {
            s += "零";
        }
        if t > 0 {
            if n >= 100 || t != 1 {
                s += ONES[t as usize];
            }
            s += "十";
        } else if h > 0 && o > 0 {
            s += "零";
        }
        if o > 0 {
            s += ONES[o as usize];
        }
        s
    }

    #[test]
    fn every_number_to_9999_round_trips() {
        for n in 1..10_000 {
            assert_eq!(parse_chinese_numeral(&write(n)), Some(n), "{}", write(n));
        }
    }

    #[test]
    fn known_labels() {
        for (label, n) in [
            ("第一条", 1),
            ("第十条", 10),
            ("第二十七条", 27),
            ("第五十四条", 54),
            ("第七十四条", 74),
            ("第一百四十三条", 143),
            ("第一千零三十四条", 1034),
        ] {
            assert_eq!(article_number_of_label(label), Some(n), "{label}");
        }
    }

    #[test]
    fn rejects_malformed() {
        for s in [
            "",
            "二三",
            "十百",
            "零",
            "百",
            "一十百",
            "第二十六",
            "abc",
            "一千千",
        ] {
            assert_eq!(parse_chinese_numeral(s), None, "{s}");
        }
    }
}
