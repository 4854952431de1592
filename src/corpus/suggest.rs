//! Did-you-mean for failed lookups ([`Corpus::provision`], [`Corpus::instrument`],
//! [`Corpus::locate`], [`Corpus::select`]): ids are read the way people write them.
//!
//! Within an instrument the corpus holds, the local part of a provision id is matched
//! - by label, in any language, case and spacing aside: `Article 9`, `第二十六条`, `Section 17`;
//! - by kind and number: a word that begins the kind of the ids or the words of their labels
//!   (`art`, `article`, `s`, `sec`, `section`, `§`, `recital`), separators or none (`art 9`,
//!   `art9`, `s.17`, `section-17`), a letter suffix (`15a`) and a pinpoint after the number
//!   (`art-9(2)`) aside; a bare number (`9`) is of the kind most of the instrument's provisions
//!   are; `第二十六条` and `第26条` are article 26.
//!
//! A number the instrument declares missing gets a note that the corpus does not hold it; a
//! number before the first or past the last the instrument holds or declares gets a note with
//! its range and no suggestion (`art-75` of the 74-article PIPL is not `art-5`). Other misses
//! get the closest id of the instrument by spelling. An id without its jurisdiction
//! (`gdpr/art-9`) is looked for in the instruments of that name, and one of a kind where the
//! other is expected (`eu/gdpr/art-9` for an instrument, `eu/gdpr` for a provision) is named
//! for what it is.
//!
//! Each lookup reads the instruments' ids and names once and the provisions of at most the
//! instruments it names: linear in the corpus, never quadratic, and nothing for an id longer
//! than [`MAX_INPUT`].

use std::collections::HashMap;

use crate::error::LookupError;
use crate::model::{Instrument, InstrumentId, Provision, closest_owned, parse_chinese_numeral};

use super::Corpus;

/// Ids longer than this get no suggestion and no note: no id is that long, and comparing a
/// huge one with every id would make a failed lookup slow. The bound of
/// `model::vocab::MAX_SUGGESTION_INPUT`, which the spelling matcher applies too.
const MAX_INPUT: usize = 256;

/// The error for a provision id that names nothing.
pub(super) fn provision_miss(corpus: &Corpus, id: &str) -> LookupError {
    let plain = |suggestion| LookupError::new("provision", id, suggestion);
    if id.len() > MAX_INPUT {
        return plain(None);
    }
    let parts: Vec<&str> = id.trim().splitn(3, '/').collect();
    match parts[..] {
        [j, n, local] => {
            if let Some(inst) = instrument_named(corpus, j, n) {
                return resolve(inst, local).into_error("provision", id, inst);
            }
        }
        [a, b] => {
            if let Some(inst) = instrument_named(corpus, a, b) {
                let note = format!(
                    "`{}` names an instrument (the {}), not a provision",
                    inst.id, inst.short_title
                );
                return plain(None).with_note(Some(note));
            }
            if let Some(err) = without_jurisdiction(corpus, a, b, id) {
                return err;
            }
        }
        _ => {}
    }
    let ids: Vec<String> = corpus.index.keys().map(ToString::to_string).collect();
    plain(closest_owned(id, ids.iter()))
}

/// The error for an instrument id that names nothing.
pub(super) fn instrument_miss(corpus: &Corpus, id: &str) -> LookupError {
    let plain = |suggestion| LookupError::new("instrument", id, suggestion);
    if id.len() > MAX_INPUT {
        return plain(None);
    }
    let ids = || -> Vec<String> { corpus.instruments().map(|i| i.id.to_string()).collect() };
    let parts: Vec<&str> = id.trim().splitn(3, '/').collect();
    match parts[..] {
        // A provision id: its instrument.
        [j, n, _] => {
            let of = instrument_named(corpus, j, n)
                .map(|i| i.id.to_string())
                .or_else(|| closest_owned(&format!("{j}/{n}"), ids().iter()));
            return plain(of).suggesting_a("instrument");
        }
        // A provision id without its jurisdiction (`gdpr/art-9`).
        [name, local] => {
            if let Some(err) = without_jurisdiction(corpus, name, local, id) {
                if err.suggestion().is_some() {
                    let p = err.suggestion().map(str::to_owned);
                    return plain(p).suggesting_a("provision");
                }
            }
        }
        // An instrument's name without its jurisdiction (`gdpr`).
        [name] => {
            let mut named = corpus.instruments().filter(|i| is_named(i, name));
            if let (Some(inst), None) = (named.next(), named.next()) {
                return plain(Some(inst.id.to_string()));
            }
        }
        _ => {}
    }
    plain(closest_owned(id, ids().iter()))
}

/// The error for an id given to [`Corpus::select`] with one `/`, which names no instrument:
/// a provision without its jurisdiction (`gdpr/art-9`) where that is what it is, else an
/// instrument miss.
pub(super) fn selection_miss(corpus: &Corpus, id: &str) -> LookupError {
    if id.len() <= MAX_INPUT {
        if let Some((name, local)) = id.trim().split_once('/') {
            if let Some(err) = without_jurisdiction(corpus, name, local, id) {
                return err;
            }
        }
    }
    instrument_miss(corpus, id)
}

fn instrument_named<'c>(corpus: &'c Corpus, j: &str, n: &str) -> Option<&'c Instrument> {
    let id: InstrumentId = format!("{j}/{n}").parse().ok()?;
    corpus.get_instrument(&id)
}

fn is_named(inst: &Instrument, name: &str) -> bool {
    inst.id.name().eq_ignore_ascii_case(name.trim())
}

/// `name/local` looked for in the instruments named `name`: a suggestion when exactly one of
/// them holds what `local` names, a note when one instrument has the name and knows why it
/// holds nothing; `None` when no instrument has the name.
fn without_jurisdiction(corpus: &Corpus, name: &str, local: &str, id: &str) -> Option<LookupError> {
    let what = "provision";
    let named: Vec<&Instrument> = corpus.instruments().filter(|i| is_named(i, name)).collect();
    let outcomes: Vec<(&Instrument, Local<'_>)> =
        named.iter().map(|&i| (i, resolve(i, local))).collect();
    let mut held = outcomes.iter().filter_map(|(_, o)| match o {
        Local::Held(p) => Some(p),
        _ => None,
    });
    match (held.next(), held.next()) {
        (Some(p), None) => return Some(LookupError::new(what, id, Some(p.id.to_string()))),
        (Some(_), Some(_)) => return Some(LookupError::new(what, id, None)),
        (None, _) => {}
    }
    match <[_; 1]>::try_from(outcomes) {
        Ok([(inst, outcome)]) => Some(outcome.into_error(what, id, inst)),
        Err(_) => None,
    }
}

/// What the local part of an id names within one instrument.
enum Local<'c> {
    /// A provision the instrument holds.
    Held(&'c Provision),
    /// Nothing, for a reason: the note says it.
    Note(String),
    /// Nothing the reading finds: the closest id of the instrument to this one (the local
    /// part rewritten in the instrument's form where it was read, else as given).
    Near(String),
}

impl Local<'_> {
    fn into_error(self, what: &'static str, id: &str, inst: &Instrument) -> LookupError {
        match self {
            Local::Held(p) => LookupError::new(what, id, Some(p.id.to_string())),
            Local::Note(note) => LookupError::new(what, id, None).with_note(Some(note)),
            Local::Near(near) => {
                let ids: Vec<String> = inst.provisions.iter().map(|p| p.id.to_string()).collect();
                LookupError::new(what, id, closest_owned(&near, ids.iter()))
            }
        }
    }
}

/// A reference to a numbered provision as it may be typed: a word (lowercase ASCII letters,
/// `§`, or none), a number, a letter suffix.
#[derive(Debug, PartialEq)]
struct Ref {
    word: String,
    number: u32,
    suffix: String,
}

/// `art-9`, `Article 9`, `art9`, `s.17`, `§ 17`, `9`, `15A`, `art-9(2)`, `第二十六条`.
fn parse_ref(s: &str) -> Option<Ref> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix('第') {
        let end = rest.find(['条', '條'])?;
        return Some(Ref {
            word: "article".to_owned(),
            number: parse_chinese_numeral(&rest[..end])?,
            suffix: String::new(),
        });
    }
    let (word, rest) = match s.strip_prefix('§') {
        Some(rest) => ("§".to_owned(), rest),
        None => {
            let end = s
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(s.len());
            (s[..end].to_ascii_lowercase(), &s[end..])
        }
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '-' | '_'));
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if digits == 0 {
        return None;
    }
    let number = rest[..digits].parse().ok()?;
    let rest = &rest[digits..];
    let letters = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let tail = rest[letters..].trim_start();
    (tail.is_empty() || tail.starts_with('(')).then(|| Ref {
        word,
        number,
        suffix: rest[..letters].to_ascii_lowercase(),
    })
}

/// A local id's prefix (`art-`, `s-`), number and suffix (`a` in `s-15a`).
fn numbered(local: &str) -> Option<(&str, u32, &str)> {
    crate::model::split_numbered(local)
}

/// The kind of a prefix: `art` for `art-`.
fn kind_of(prefix: &str) -> &str {
    prefix.trim_end_matches(['-', '.', '_'])
}

/// What one instrument holds and declares missing of one kind of provision (`art`, `s`).
struct Kind<'c> {
    prefix: &'c str,
    /// How many provisions of the kind the instrument holds.
    held: usize,
    /// The first word of a label of one of them, lowercase (`article`, `section`).
    word: Option<String>,
    min: u32,
    max: u32,
    /// The whole numbers held or declared missing, as ranges.
    spans: Vec<(u32, u32)>,
}

impl<'c> Kind<'c> {
    fn new(prefix: &'c str) -> Kind<'c> {
        Kind {
            prefix,
            held: 0,
            word: None,
            min: u32::MAX,
            max: 0,
            spans: Vec::new(),
        }
    }

    fn add(&mut self, from: u32, to: u32, whole: bool) {
        self.min = self.min.min(from);
        self.max = self.max.max(to);
        if whole {
            self.spans.push((from, to));
        }
    }

    /// The kind's name, singular: from the labels, else from the prefix.
    fn noun(&self) -> &str {
        match self.word.as_deref().unwrap_or(kind_of(self.prefix)) {
            "art" => "article",
            "s" | "sec" => "section",
            other => other,
        }
    }

    /// Whether the numbers held or declared missing run from 1 to the last without a gap.
    fn runs_from_one(&self) -> bool {
        let mut spans = self.spans.clone();
        spans.sort_unstable();
        let mut next = 1u64;
        for (from, to) in spans {
            if u64::from(from) > next {
                return false;
            }
            next = next.max(u64::from(to) + 1);
        }
        next == u64::from(self.max) + 1
    }

    /// How well `word` names this kind: 0 not at all, 4 exactly.
    fn rank(&self, word: &str) -> u8 {
        let kind = kind_of(self.prefix);
        let label = self.word.as_deref();
        if word == "§" {
            return if kind == "s" { 4 } else { 0 };
        }
        if word == kind || label == Some(word) {
            4
        } else if label.is_some_and(|l| l.starts_with(word)) {
            3
        } else if kind.starts_with(word) {
            2
        } else if !kind.is_empty() && word.starts_with(kind) {
            1
        } else {
            0
        }
    }
}

/// The first word of a label, lowercase, if it is ASCII letters (`Article 9` → `article`).
fn label_word(p: &Provision) -> Option<String> {
    p.label.values().find_map(|l| {
        let w = l.split_whitespace().next()?.trim_end_matches('.');
        (!w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
            .then(|| w.to_ascii_lowercase())
    })
}

/// Equal but for case and runs of whitespace.
fn loosely_equal(a: &str, b: &str) -> bool {
    fn lower(w: &str) -> impl Iterator<Item = char> + '_ {
        w.chars().flat_map(char::to_lowercase)
    }
    let (mut a, mut b) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if lower(x).eq(lower(y)) => {}
            _ => return false,
        }
    }
}

/// The index in `kinds` of the kind of `prefix`, added if new.
fn slot<'a>(
    kinds: &mut Vec<Kind<'a>>,
    by_kind: &mut HashMap<&'a str, usize>,
    prefix: &'a str,
) -> usize {
    *by_kind.entry(kind_of(prefix)).or_insert_with(|| {
        kinds.push(Kind::new(prefix));
        kinds.len() - 1
    })
}

/// What `local` names in `inst`: one pass over its provisions and its missing ranges.
fn resolve<'c>(inst: &'c Instrument, local: &str) -> Local<'c> {
    let near = |l: &str| {
        if inst.provisions.is_empty() {
            Local::Note(format!(
                "the corpus holds no provision of the {}",
                inst.short_title
            ))
        } else {
            Local::Near(format!("{}/{}", inst.id, l))
        }
    };
    if let Some(p) = inst
        .provisions
        .iter()
        .find(|p| p.label.values().any(|l| loosely_equal(l, local)))
    {
        return Local::Held(p);
    }
    let Some(r) = parse_ref(local) else {
        return near(local);
    };

    // The missing ranges as written (`art-30..art-53`), which the kinds borrow from.
    let ranges: Vec<String> = inst.missing.iter().map(ToString::to_string).collect();
    let mut kinds: Vec<Kind<'_>> = Vec::new();
    let mut by_kind: HashMap<&str, usize> = HashMap::new();
    let mut found: Vec<(usize, &'c Provision)> = Vec::new();
    for p in &inst.provisions {
        let Some((prefix, n, suffix)) = numbered(p.id.local()) else {
            continue;
        };
        let k = slot(&mut kinds, &mut by_kind, prefix);
        let kind = &mut kinds[k];
        kind.held += 1;
        if kind.word.is_none() {
            kind.word = label_word(p);
        }
        kind.add(n, n, suffix.is_empty());
        if n == r.number && suffix == r.suffix {
            found.push((k, p));
        }
    }
    for text in &ranges {
        let (a, b) = text.split_once("..").unwrap_or((text, text));
        let (Some((prefix, from, fs)), Some((_, to, ts))) = (numbered(a), numbered(b)) else {
            continue;
        };
        let k = slot(&mut kinds, &mut by_kind, prefix);
        kinds[k].add(from, to, fs.is_empty() && ts.is_empty());
    }

    // The kind meant: the one the word names best (the most held on a tie, else none), or
    // for a bare number the one most provisions are of.
    let chosen = if r.word.is_empty() {
        kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| k.held > 0)
            .max_by(|(i, a), (j, b)| a.held.cmp(&b.held).then(j.cmp(i)))
            .map(|(i, _)| i)
    } else {
        let score = |k: &Kind<'_>| (k.rank(&r.word), k.held);
        let best = kinds.iter().map(score).max().filter(|s| s.0 > 0);
        let mut at_best = (0..kinds.len()).filter(|&i| Some(score(&kinds[i])) == best);
        match (at_best.next(), at_best.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    };
    let Some(k) = chosen else {
        return near(local);
    };
    if let Some(&(_, p)) = found.iter().find(|(i, _)| *i == k) {
        return Local::Held(p);
    }

    let kind = &kinds[k];
    let canonical = format!("{}{}{}", kind.prefix, r.number, r.suffix);
    if let Some(range) = inst.missing.iter().find(|m| m.contains(&canonical)) {
        return Local::Note(format!(
            "the corpus does not hold {} {}{} of the {}: `{}` declares `{range}` missing",
            kind.noun(),
            r.number,
            r.suffix,
            inst.short_title,
            inst.id,
        ));
    }
    if r.number < kind.min || r.number > kind.max {
        let (noun, title) = (kind.noun(), &inst.short_title);
        return Local::Note(if kind.runs_from_one() && kind.max == 1 {
            format!("the {title} has only {noun} 1")
        } else if kind.runs_from_one() {
            format!("the {title} has {noun}s 1 to {}", kind.max)
        } else if kind.min == kind.max {
            format!(
                "the only {noun} of the {title} the corpus knows is {}",
                kind.min
            )
        } else {
            format!(
                "the {noun}s of the {title} the corpus knows run from {} to {}",
                kind.min, kind.max
            )
        });
    }
    near(&canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(word: &str, number: u32, suffix: &str) -> Option<Ref> {
        Some(Ref {
            word: word.to_owned(),
            number,
            suffix: suffix.to_owned(),
        })
    }

    #[test]
    fn references_as_typed() {
        assert_eq!(parse_ref("art-9"), r("art", 9, ""));
        assert_eq!(parse_ref("Article 9"), r("article", 9, ""));
        assert_eq!(parse_ref("art9"), r("art", 9, ""));
        assert_eq!(parse_ref("Art. 9(2)(a)"), r("art", 9, ""));
        assert_eq!(parse_ref("s.17"), r("s", 17, ""));
        assert_eq!(parse_ref("section-15A"), r("section", 15, "a"));
        assert_eq!(parse_ref("§ 17"), r("§", 17, ""));
        assert_eq!(parse_ref(" 9 "), r("", 9, ""));
        assert_eq!(parse_ref("第二十六条"), r("article", 26, ""));
        assert_eq!(parse_ref("第26条"), r("article", 26, ""));
        for not in [
            "art",
            "art-9-2",
            "9 GDPR",
            "第二十六",
            "",
            "art-99999999999",
        ] {
            assert_eq!(parse_ref(not), None, "{not}");
        }
    }

    #[test]
    fn spans_from_one() {
        let mut k = Kind::new("art-");
        k.add(1, 1, true);
        k.add(3, 5, true);
        assert!(!k.runs_from_one());
        k.add(2, 2, true);
        assert!(k.runs_from_one());
        k.add(7, 7, false);
        assert!(!k.runs_from_one(), "a suffixed range does not fill 6");
        let mut top = Kind::new("s-");
        top.add(1, u32::MAX, true);
        assert!(top.runs_from_one());
    }
}
