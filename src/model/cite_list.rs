//! Several provisions cited at once: `PIPL arts. 13, 26, 32–36 and 68`, not ten repetitions
//! of the instrument's name.

use super::InstrumentId;
use super::cite::{Citation, CiteForm};

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The key that orders provisions as a reader counts them: `art-9` before `art-13`, `art-9`
/// before `art-9a`, `s-4.01` before `s-4.1` before `s-4.2` before `s-4.10` (dotted numbers
/// count part by part, a leading zero first).
pub(crate) fn natural_key(local: &str) -> Vec<(u8, u64, String)> {
    let mut key = Vec::new();
    let mut rest = local;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (chunk, tail, number) = if digits > 0 {
            let (d, t) = rest.split_at(digits);
            (d, t, d.parse().unwrap_or(u64::MAX))
        } else {
            let end = rest
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (w, t) = rest.split_at(end);
            (w, t, 0)
        };
        key.push((u8::from(digits > 0), number, chunk.to_owned()));
        rest = tail;
    }
    key
}

/// The plural of a label's first word: `art.` → `arts.`, `s.` → `ss.`, `recital` →
/// `recitals`; `None` for a word it does not know.
fn plural(word: &str) -> Option<&'static str> {
    Some(match word {
        "art." => "arts.",
        "s." => "ss.",
        "amend." => "amends.",
        "recital" => "recitals",
        "ch." => "chs.",
        "pt." => "pts.",
        "sch." => "schs.",
        "para." => "paras.",
        "reg." => "regs.",
        "r." => "rr.",
        _ => return None,
    })
}

/// Numbers with runs of three or more consecutive integers as ranges: `13, 26, 32–36`.
fn with_ranges(numbers: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while let (Some(a), Some(b)) = (
            numbers[j].parse::<u64>().ok(),
            numbers.get(j + 1).and_then(|n| n.parse::<u64>().ok()),
        ) {
            if b != a + 1 {
                break;
            }
            j += 1;
        }
        if j >= i + 2 {
            out.push(format!("{}–{}", numbers[i], numbers[j]));
        } else {
            out.extend(numbers[i..=j].iter().map(|n| (*n).to_owned()));
        }
        i = j + 1;
    }
    out
}

impl Citation {
    /// Several provisions cited in `form`, each instrument named once: `PIPL arts. 13, 26
    /// and 32–36` (three or more consecutive numbers as a range), `GDPR arts. 9 and 35`,
    /// 《中华人民共和国个人信息保护法》第十三条、第二十六条; the instruments in the order of
    /// their first citation, the provisions of each in their numeric order. Provisions whose
    /// labels do not share a first word that has a known plural are cited one by one; the
    /// `id` form cites every provision by its id, in the same order.
    ///
    /// ```
    /// use lexgap::model::{Citation, CiteForm};
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let cite = |id: &str| Citation::of(corpus.locate(id).unwrap());
    /// let cites = ["cn/pipl/art-36", "eu/gdpr/art-35", "cn/pipl/art-13", "cn/pipl/art-34", "cn/pipl/art-35", "eu/gdpr/art-9"]
    ///     .map(cite);
    /// let refs: Vec<&Citation> = cites.iter().collect();
    /// assert_eq!(Citation::list(&refs, CiteForm::Short), "PIPL arts. 13 and 34–36 and GDPR arts. 9 and 35");
    /// assert_eq!(
    ///     Citation::list(&refs[..3], CiteForm::Native),
    ///     "《中华人民共和国个人信息保护法》第十三条、第三十六条 and GDPR art. 35"
    /// );
    /// assert_eq!(
    ///     Citation::list(&refs[..3], CiteForm::Id),
    ///     "cn/pipl/art-13, cn/pipl/art-36 and eu/gdpr/art-35"
    /// );
    /// ```
    pub fn list(citations: &[&Citation], form: CiteForm) -> String {
        let mut groups: Vec<(&InstrumentId, Vec<&Citation>)> = Vec::new();
        for c in citations {
            let inst = c.id().instrument();
            match groups.iter_mut().find(|(i, _)| *i == inst) {
                Some((_, g)) if !g.iter().any(|d| d.id() == c.id()) => g.push(c),
                Some(_) => {}
                None => groups.push((inst, vec![c])),
            }
        }
        for (_, g) in &mut groups {
            g.sort_by_cached_key(|c| natural_key(c.id().local()));
        }
        let parts: Vec<String> = if form == CiteForm::Id {
            let ids = groups
                .iter()
                .flat_map(|(_, g)| g.iter().map(|c| c.id().to_string()));
            ids.collect()
        } else {
            groups.iter().map(|(_, g)| group(g, form)).collect()
        };
        and_list(&parts)
    }
}

/// One instrument's provisions, cited together where their labels allow.
fn group(cites: &[&Citation], form: CiteForm) -> String {
    let one_by_one = || {
        let each: Vec<String> = cites.iter().map(|c| c.with(None, form)).collect();
        and_list(&each)
    };
    if cites.len() < 2 {
        return one_by_one();
    }
    if form == CiteForm::Native
        && let Some(natives) = cites
            .iter()
            .map(|c| c.native_parts())
            .collect::<Option<Vec<_>>>()
        && natives.iter().all(|(t, _)| *t == natives[0].0)
    {
        let labels: Vec<&str> = natives.iter().map(|(_, l)| *l).collect();
        return format!("{}{}", natives[0].0, labels.join("、"));
    }
    let split: Option<Vec<(&str, &str)>> =
        cites.iter().map(|c| c.label().split_once(' ')).collect();
    match split {
        Some(split) if split.iter().all(|(w, _)| *w == split[0].0) => match plural(split[0].0) {
            Some(words) => {
                let numbers: Vec<&str> = split.iter().map(|(_, n)| *n).collect();
                format!(
                    "{} {words} {}",
                    cites[0].title(),
                    and_list(&with_ranges(&numbers))
                )
            }
            None => one_by_one(),
        },
        _ => one_by_one(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_need_three_consecutive_numbers() {
        assert_eq!(
            with_ranges(&["1", "2", "4", "5", "6", "9"]),
            ["1", "2", "4–6", "9"]
        );
        assert_eq!(with_ranges(&["9", "9a", "10"]), ["9", "9a", "10"]);
        assert_eq!(with_ranges(&["IV", "V", "VI"]), ["IV", "V", "VI"]);
    }

    #[test]
    fn natural_order_counts_numbers() {
        let mut ids = ["art-13", "art-9a", "art-9", "art-100", "recital-2"];
        ids.sort_by_key(|s| natural_key(s));
        assert_eq!(ids, ["art-9", "art-9a", "art-13", "art-100", "recital-2"]);
    }
}
