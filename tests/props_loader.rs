//! Property tests of the loader: no input makes it panic, and whatever it accepts is whole.
//!
//! Inputs are arbitrary strings, arbitrary bytes, and byte-level and line-level mutations of a
//! valid instrument file (`provisions/coe/echr.toml`). For each, loading must return `Ok` or
//! `Err` (a panic fails the test), every error must be located inside the input, and an `Ok`
//! corpus must hold only provisions whose evidence quotes occur in their texts and whose
//! references resolve.

use proptest::prelude::*;

use lexgap::model::{Evidence, Provision};
use lexgap::{Corpus, LoadErrors};

const ECHR: &str = include_str!("../provisions/coe/echr.toml");
const ORIGIN: &str = "provisions/coe/echr.toml";

/// Lines that a mutation may insert: pieces of the schema, in valid and invalid shapes, so
/// that mutated files reach the checks after parsing.
const FRAGMENTS: &[&str] = &[
    "[[provision]]",
    "[[provision.norm]]",
    "[instrument]",
    "[instrument.languages.fr]",
    "id = \"art-8\"",
    "id = \"art-9\"",
    "id = \"coe/echr/art-10\"",
    "id = \"eu/gdpr/art-9\"",
    "id = \"\"",
    "label.en = \"Article 9\"",
    "label.zh = \"第九条\"",
    "label.zh = \"第八条\"",
    "label.zh = \"第条\"",
    "label.EN = \"Article 8\"",
    "text.en = \"Everyone has the right to respect.\"",
    "text.fr = \"Toute personne a droit au respect.\"",
    "text.en = \"   \"",
    "text.en = \"é\"",
    "kind = \"right\"",
    "kind = \"rite\"",
    "kind = \"obligation\"",
    "quote = \"Everyone has the right\"",
    "quote = \"not in any text\"",
    "quote = \"\"",
    "lang = \"en\"",
    "lang = \"zh\"",
    "lang = \"!!\"",
    "scope = \"instrument\"",
    "data = [\"personal-data\", \"biometrics\"]",
    "references = [\"art-8\"]",
    "references = [\"art-9\"]",
    "references = [\"coe/echr/art-8\", \"eu/gdpr/art-9\"]",
    "correspondences = [{ target = \"art-8\", relation = \"equivalent\", rationale = \"r\" }]",
    "correspondences = [{ target = \"art-8\", relation = \"same\", rationale = \"r\" }]",
    "becomes = \"coe/echr\"",
    "supersedes = [\"coe/echr\"]",
    "becomes = \"coe/other\"",
    "published = 2021-02-28",
    "published = \"2021-02-30\"",
    "published = 2021-02-01T10:00:00",
    "adopted = 12",
    "legal-value = \"authentic\"",
    "legal-value = \"authentik\"",
    "source = \"\"",
    "retrieved = \"yesterday\"",
    "safeguards = [{ kind = \"necessity\", quote = \"is necessary in a democratic society\" }]",
    "safeguards = [{ kind = \"necessity\", quote = \"necessary\", lang = \"fr\" }]",
    "exceptions = [{ grounds = [\"state-security\"], quote = \"Everyone\" }]",
    "grounds = { kind = \"none\" }",
    "grounds = { kind = \"stated\", quote = \"nowhere\" }",
    "effect = { reach = \"instrument\" }",
    // Type changes.
    "binding = \"yes\"",
    "title = 5",
    "label = []",
    "text = {}",
    "kind = [\"right\"]",
    "data = \"biometric\"",
    "safeguards = \"necessity\"",
    // Unicode edge cases.
    "text.en = \"\\u202EEveryone\\u202C has\\u200B the\\u200D right\\u0301\"",
    "quote = \"\\u0301\"",
    "quote = \"Everyone\\u200B\"",
    "label.en = \"\\uFEFFArticle 8\"",
    "text.en = \"\\u0000\"",
    "short-title = \"\\u05D0\\u05D1 RTL\"",
    // The semantic cases of issue 11 and the schema v2 fields.
    "label = {}",
    "title = {}",
    "short-title = \"\"",
    "safeguards = [{ kind = \"transparency\", elements = [\"judicial\"], quote = \"Everyone\" }]",
    "repealed = 1900-01-01",
    "applies-from = 1990-01-01",
    "supersedes = [\"coe/echr\", \"coe/echr\"]",
    "actors = [\"court\", \"court\"]",
    "id = \"art--8\"",
    "id = \"art.8\"",
    "id = \"art-8a\"",
    "missing = [\"art-1..art-7\", \"art-9..art-59\"]",
    "missing = [\"art-8\"]",
    "missing = [\"art-9..art-2\"]",
    "[[provision.derogation]]",
    "form = \"carve-out\"",
    "form = \"exclusion\"",
    "effect = { of = \"derogations\", safeguards = [\"necessity\"] }",
    "effect = { provisions = [\"art-9\"], quote = \"Everyone\" }",
    "covers = { actors = [\"public-authority\"], quote = \"public authority\" }",
    "covers = { actors = [\"public-authority\"], quote = \"Everyone\", in = \"art-99\" }",
    "grounds = { kind = \"delegated\", to = \"law\", quote = \"in accordance with the law\" }",
    "governed-by = { quote = \"Everyone\" }",
    "unknown-field = 1",
    "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "'''",
    "\"\"\"",
    "# a comment",
    "",
];

/// Every piece of evidence in a provision that stands in its own text.
fn evidence(p: &Provision) -> Vec<&Evidence> {
    p.quotes()
        .into_iter()
        .filter(|(at, _)| at.is_none())
        .map(|(_, e)| e)
        .collect()
}

fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What an accepted corpus must satisfy.
fn check_whole(corpus: &Corpus) -> Result<(), TestCaseError> {
    for p in corpus.provisions() {
        prop_assert!(!p.text.is_empty(), "{} has no text", p.id);
        for ev in evidence(p) {
            let text = p.text.get(&ev.lang);
            prop_assert!(text.is_some(), "{}: no `{}` text", p.id, ev.lang);
            let (q, t) = (
                normalized(&ev.quote),
                normalized(text.unwrap_or(&String::new())),
            );
            prop_assert!(!q.is_empty() && t.contains(&q), "{}: {:?}", p.id, ev.quote);
            // Computing the pinpoint never panics.
            let _ = p.pinpoint(ev);
        }
        let targets = p
            .references
            .iter()
            .chain(p.correspondences.iter().map(|c| &c.target));
        for t in targets {
            prop_assert!(corpus.get_id(t).is_some(), "{} names missing {t}", p.id);
        }
        let inst = corpus.instrument_of(&p.id);
        prop_assert!(inst.is_some(), "{} has no instrument", p.id);
        if let Some(inst) = inst {
            for lang in p.text.keys() {
                prop_assert!(inst.languages.contains_key(lang), "{}: `{lang}`", p.id);
            }
        }
    }
    for i in corpus.instruments() {
        prop_assert!(
            corpus.jurisdiction(i.id.jurisdiction()).is_some(),
            "{}",
            i.id
        );
        for v in i.becomes.iter().chain(&i.supersedes) {
            prop_assert!(
                corpus.get_instrument(v).is_some(),
                "{} names missing {v}",
                i.id
            );
        }
    }
    Ok(())
}

/// The longest line an error report may have, whatever the input: no word or quote is
/// repeated beyond 200 characters, and the longest list of expected codes is shorter.
const MAX_ERROR_LINE: usize = 2_000;

/// What a rejection must satisfy: at least one error, each in the input, in location order,
/// and a report bounded by the input (no line longer than [`MAX_ERROR_LINE`], at most a few
/// errors a line).
fn check_errors(errors: &LoadErrors, origin: &str, lines: usize) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty());
    let report = errors.to_string();
    prop_assert!(!report.is_empty());
    for line in report.lines() {
        prop_assert!(
            line.len() <= MAX_ERROR_LINE,
            "a line of {} bytes",
            line.len()
        );
    }
    prop_assert!(
        errors.len() <= 4 * lines + 4,
        "{} errors for {lines} lines",
        errors.len()
    );
    let mut last = None;
    for e in errors {
        let at = e.location();
        prop_assert_eq!(at.origin(), origin);
        prop_assert!(at.line() >= 1 && at.line() <= lines + 1, "{e}");
        prop_assert!(at.column() >= 1, "{e}");
        let here = (at.line(), at.column());
        prop_assert!(last.is_none_or(|l| l <= here), "not sorted: {errors}");
        last = Some(here);
    }
    Ok(())
}

/// Loads bytes and checks the result whichever way it goes.
fn load_and_check(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    match Corpus::loader().bytes(ORIGIN, bytes).load() {
        Ok(corpus) => check_whole(&corpus),
        Err(errors) => check_errors(&errors, ORIGIN, lines),
    }
}

#[derive(Debug, Clone)]
enum ByteEdit {
    /// Replace the byte at this position (modulo the length).
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    /// Copy a range to another position.
    Copy(usize, usize, usize),
    Truncate(usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        (any::<usize>(), 1..64usize, any::<usize>()).prop_map(|(i, n, j)| ByteEdit::Copy(i, n, j)),
        any::<usize>().prop_map(ByteEdit::Truncate),
    ]
}

fn apply_bytes(mut b: Vec<u8>, edits: &[ByteEdit]) -> Vec<u8> {
    for e in edits {
        let len = b.len().max(1);
        match *e {
            ByteEdit::Set(i, x) => {
                if !b.is_empty() {
                    let i = i % b.len();
                    b[i] = x;
                }
            }
            ByteEdit::Insert(i, x) => b.insert(i % (b.len() + 1), x),
            ByteEdit::Delete(i, n) => {
                let i = i % len;
                let end = (i + n).min(b.len());
                if i < end {
                    b.drain(i..end);
                }
            }
            ByteEdit::Copy(i, n, j) => {
                let i = i % len;
                let end = (i + n).min(b.len());
                let piece: Vec<u8> = b.get(i..end).unwrap_or_default().to_vec();
                let j = j % (b.len() + 1);
                b.splice(j..j, piece);
            }
            ByteEdit::Truncate(i) => b.truncate(i % len),
        }
    }
    b
}

#[derive(Debug, Clone)]
enum LineEdit {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Insert(usize, usize),
    /// Replace the value after `=` on a line with a fragment's value.
    Revalue(usize, usize),
    /// Insert a character inside a line (at a character boundary).
    InsertChar(usize, usize, char),
    /// Make the first string value on a line huge: repeat its first character so many times
    /// (a key, a code, a quote or a text of up to 200,000 characters).
    Inflate(usize, usize),
}

fn line_edit() -> impl Strategy<Value = LineEdit> {
    prop_oneof![
        any::<usize>().prop_map(LineEdit::Delete),
        any::<usize>().prop_map(LineEdit::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| LineEdit::Swap(a, b)),
        (any::<usize>(), 0..FRAGMENTS.len()).prop_map(|(a, f)| LineEdit::Insert(a, f)),
        (any::<usize>(), 0..FRAGMENTS.len()).prop_map(|(a, f)| LineEdit::Revalue(a, f)),
        (any::<usize>(), any::<usize>(), any::<char>())
            .prop_map(|(a, i, c)| LineEdit::InsertChar(a, i, c)),
        (any::<usize>(), 1_000..200_000usize).prop_map(|(a, n)| LineEdit::Inflate(a, n)),
    ]
}

fn apply_lines(text: &str, edits: &[LineEdit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for e in edits {
        let n = lines.len().max(1);
        match *e {
            LineEdit::Delete(i) => {
                if !lines.is_empty() {
                    lines.remove(i % lines.len());
                }
            }
            LineEdit::Duplicate(i) => {
                if !lines.is_empty() {
                    let l = lines[i % lines.len()].clone();
                    lines.insert(i % lines.len(), l);
                }
            }
            LineEdit::Swap(a, b) => {
                if !lines.is_empty() {
                    let len = lines.len();
                    lines.swap(a % len, b % len);
                }
            }
            LineEdit::Insert(i, f) => lines.insert(i % (lines.len() + 1), FRAGMENTS[f].to_owned()),
            LineEdit::Revalue(i, f) => {
                let value = FRAGMENTS[f].split_once('=').map(|(_, v)| v);
                if let (Some(line), Some(v)) = (lines.get_mut(i % n), value) {
                    if let Some((k, _)) = line.split_once('=') {
                        *line = format!("{k}={v}");
                    }
                }
            }
            LineEdit::InsertChar(i, at, c) => {
                if let Some(line) = lines.get_mut(i % n) {
                    let bounds: Vec<usize> = line
                        .char_indices()
                        .map(|(k, _)| k)
                        .chain([line.len()])
                        .collect();
                    line.insert(bounds[at % bounds.len()], c);
                }
            }
            LineEdit::Inflate(i, times) => {
                if let Some(line) = lines.get_mut(i % n) {
                    // Inside the first string, else at the start of the line (a key).
                    let at = line.find('"').map_or(0, |k| k + 1);
                    let c = line[at..]
                        .chars()
                        .next()
                        .filter(|&c| c != '"')
                        .unwrap_or('x');
                    line.insert_str(at, &c.to_string().repeat(times));
                }
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// TOML-like text built from the fragments, in any order.
fn fragment_file() -> impl Strategy<Value = String> {
    prop::collection::vec(0..FRAGMENTS.len(), 0..40).prop_map(|ix| {
        ix.iter()
            .map(|&i| FRAGMENTS[i])
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Pools for [`arb_file`]: valid and invalid values of each field.
const INSTRUMENT_IDS: &[&str] = &["coe/gen", "COE/Gen", "eu/gen", "xx/gen", "gen"];
const VERSIONS: &[&str] = &["coe/gen", "coe/echr", "coe/missing", "eu/gen", "bad id"];
const DATES: &[&str] = &[
    "2020-01-01",
    "\"2020-01-01\"",
    "\"2021-02-30\"",
    "2021-02-01T10:00:00",
    "\"soon\"",
    "7",
];
const LANGS: &[&str] = &["en", "zh", "fr", "EN", "!!"];
const LEGAL_VALUES: &[&str] = &["authentic", "official-translation", "authentik"];
const TEXTS: &[&str] = &[
    "1. Everyone has the right to respect for his private life.\n2. There shall be no interference except such as is necessary.",
    "(a) consent;\n(b) vital interests;\n(g) substantial public interest.",
    "个人信息处理者应当：\n（一）处理敏感个人信息；\n（二）利用个人信息进行自动化决策。",
    "Processing  of   personal data\tshall be lawful.",
    "é à ü — ‘quoted’ text",
    "   ",
];
const PROVISION_IDS: &[&str] = &[
    "art-1",
    "art-2",
    "art-3",
    "ART-2",
    "coe/gen/art-3",
    "eu/gdpr/art-9",
    "recital 1",
];
const LABELS: &[&str] = &[
    "label = {}",
    "label.en = \"Article 1\"",
    "label.en = \"Article 2\"",
    "label.zh = \"第一条\"",
    "label.zh = \"第二条\"",
    "label.zh = \"第条\"",
];
const REFS: &[&str] = &[
    "art-1",
    "art-2",
    "art-9",
    "coe/gen/art-1",
    "coe/echr/art-8",
    "eu/gdpr/art-9",
    "coe/gen/art-1/x",
];
const RELATIONS: &[&str] = &["equivalent", "narrower", "same"];
const NORM_KINDS: &[&str] = &["right", "obligation", "exception", "rite"];
const SAFEGUARDS: &[&str] = &["necessity", "transparency", "nesessity"];
const GROUNDS: &[&str] = &["state-security", "public-interest", "state security"];
const SCOPES: &[&str] = &["provision", "instrument", "everywhere"];

#[derive(Debug, Clone)]
struct QuoteSpec {
    /// Which of the provision's texts to quote from, where in it, and how much.
    text: usize,
    start: usize,
    len: usize,
    /// Replace the quote with words from no text.
    foreign: bool,
    lang: Option<usize>,
}

#[derive(Debug, Clone)]
struct NormSpec {
    kind: usize,
    scope: Option<usize>,
    quote: QuoteSpec,
    safeguards: Vec<(usize, QuoteSpec)>,
    exceptions: Vec<(Vec<usize>, QuoteSpec)>,
}

#[derive(Debug, Clone)]
struct ProvisionSpec {
    id: usize,
    label: usize,
    texts: Vec<(usize, usize)>,
    references: Vec<usize>,
    correspondences: Vec<(usize, usize)>,
    norms: Vec<NormSpec>,
}

#[derive(Debug, Clone)]
struct FileSpec {
    id: usize,
    date: Option<usize>,
    becomes: Option<usize>,
    supersedes: Option<usize>,
    languages: Vec<(usize, usize)>,
    provisions: Vec<ProvisionSpec>,
}

fn ix(pool: &[&str]) -> std::ops::Range<usize> {
    0..pool.len()
}

/// An index into `pool`, usually among its first `valid` entries (the valid values).
fn pick(pool: &'static [&'static str], valid: usize) -> impl Strategy<Value = usize> {
    prop_oneof![15 => 0..valid, 1 => ix(pool)]
}

fn arb_quote() -> impl Strategy<Value = QuoteSpec> {
    (
        any::<usize>(),
        any::<usize>(),
        1..40usize,
        prop::bool::weighted(0.05),
        prop::option::weighted(0.15, pick(LANGS, 2)),
    )
        .prop_map(|(text, start, len, foreign, lang)| QuoteSpec {
            text,
            start,
            len,
            foreign,
            lang,
        })
}

fn arb_norm() -> impl Strategy<Value = NormSpec> {
    (
        pick(NORM_KINDS, 3),
        prop::option::of(pick(SCOPES, 2)),
        arb_quote(),
        prop::collection::vec((pick(SAFEGUARDS, 2), arb_quote()), 0..3),
        prop::collection::vec(
            (prop::collection::vec(pick(GROUNDS, 2), 0..3), arb_quote()),
            0..2,
        ),
    )
        .prop_map(|(kind, scope, quote, safeguards, exceptions)| NormSpec {
            kind,
            scope,
            quote,
            safeguards,
            exceptions,
        })
}

fn arb_provision() -> impl Strategy<Value = ProvisionSpec> {
    (
        pick(PROVISION_IDS, 3),
        pick(LABELS, 1),
        prop::collection::vec((pick(LANGS, 2), pick(TEXTS, 5)), 1..3),
        prop::bool::weighted(0.1),
        prop::collection::vec(pick(REFS, 2), 0..2),
        prop::collection::vec((pick(REFS, 2), pick(RELATIONS, 2)), 0..2),
        prop::collection::vec(arb_norm(), 0..3),
    )
        .prop_map(
            |(id, label, texts, no_text, references, correspondences, norms)| ProvisionSpec {
                id,
                label,
                texts: if no_text { Vec::new() } else { texts },
                references,
                correspondences,
                norms,
            },
        )
}

/// An instrument file assembled from valid and invalid pieces, so that it parses more often
/// than not and reaches every check after parsing.
fn arb_file() -> impl Strategy<Value = FileSpec> {
    (
        pick(INSTRUMENT_IDS, 3),
        prop::option::of(pick(DATES, 2)),
        prop::option::weighted(0.15, ix(VERSIONS)),
        prop::option::weighted(0.15, ix(VERSIONS)),
        prop::collection::vec((pick(LANGS, 2), pick(LEGAL_VALUES, 2)), 1..3),
        prop::collection::vec(arb_provision(), 0..3),
    )
        .prop_map(
            |(id, date, becomes, supersedes, languages, provisions)| FileSpec {
                id,
                date,
                becomes,
                supersedes,
                languages,
                provisions,
            },
        )
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn quote_line(key: &str, q: &QuoteSpec, texts: &[&str]) -> String {
    let quote: String = if q.foreign || texts.is_empty() {
        "words from no text".to_owned()
    } else {
        let chars: Vec<char> = texts[q.text % texts.len()].chars().collect();
        let start = q.start % chars.len().max(1);
        chars[start..(start + q.len).min(chars.len())]
            .iter()
            .collect()
    };
    let mut out = format!("{key} = {}", toml_str(&quote));
    if let Some(l) = q.lang {
        out.push_str(&format!(", lang = {}", toml_str(LANGS[l])));
    }
    out
}

fn render(f: &FileSpec) -> String {
    let mut s = String::from("[instrument]\n");
    s += &format!("id = {}\n", toml_str(INSTRUMENT_IDS[f.id]));
    s += "title.en = \"Generated\"\nshort-title = \"Gen\"\nkind = \"statute\"\n";
    s += "status = \"in-force\"\nbinding = true\n";
    if let Some(d) = f.date {
        s += &format!("in-force = {}\n", DATES[d]);
    }
    if let Some(b) = f.becomes {
        s += &format!("becomes = {}\n", toml_str(VERSIONS[b]));
    }
    let sup: Vec<String> = f
        .supersedes
        .iter()
        .map(|&v| toml_str(VERSIONS[v]))
        .collect();
    s += &format!("supersedes = [{}]\n", sup.join(", "));
    if f.languages.is_empty() {
        s += "languages = {}\n";
    }
    let mut seen = Vec::new();
    for &(l, v) in &f.languages {
        // TOML itself rejects a key given twice; keep the file parseable.
        if seen.contains(&l) {
            continue;
        }
        seen.push(l);
        s += &format!(
            "languages.{} = {{ legal-value = \"{}\", source = \"generated\" }}\n",
            toml_str(LANGS[l]),
            LEGAL_VALUES[v]
        );
    }
    for p in &f.provisions {
        let mut langs = Vec::new();
        let texts: Vec<(usize, usize)> = p
            .texts
            .iter()
            .filter(|&&(l, _)| {
                let new = !langs.contains(&l);
                langs.push(l);
                new
            })
            .copied()
            .collect();
        s += "\n[[provision]]\n";
        s += &format!(
            "id = {}\n{}\n",
            toml_str(PROVISION_IDS[p.id]),
            LABELS[p.label]
        );
        for &(l, t) in &texts {
            s += &format!("text.{} = {}\n", toml_str(LANGS[l]), toml_str(TEXTS[t]));
        }
        let texts: Vec<&str> = texts.iter().map(|&(_, t)| TEXTS[t]).collect();
        let refs: Vec<String> = p.references.iter().map(|&r| toml_str(REFS[r])).collect();
        s += &format!("references = [{}]\n", refs.join(", "));
        let cors: Vec<String> = p
            .correspondences
            .iter()
            .map(|&(r, rel)| {
                format!(
                    "{{ target = {}, relation = \"{}\", rationale = \"r\" }}",
                    toml_str(REFS[r]),
                    RELATIONS[rel]
                )
            })
            .collect();
        s += &format!("correspondences = [{}]\n", cors.join(", "));
        for n in &p.norms {
            s += "\n[[provision.norm]]\n";
            s += &format!("kind = \"{}\"\n", NORM_KINDS[n.kind]);
            if let Some(sc) = n.scope {
                s += &format!("scope = \"{}\"\n", SCOPES[sc]);
            }
            s += &quote_line("quote", &n.quote, &texts).replace(", lang = ", "\nlang = ");
            s += "\n";
            let sg: Vec<String> = n
                .safeguards
                .iter()
                .map(|(k, q)| {
                    format!(
                        "{{ kind = \"{}\", {} }}",
                        SAFEGUARDS[*k],
                        quote_line("quote", q, &texts)
                    )
                })
                .collect();
            s += &format!("safeguards = [{}]\n", sg.join(", "));
            for (g, q) in &n.exceptions {
                let grounds: Vec<String> = g.iter().map(|&k| toml_str(GROUNDS[k])).collect();
                s += "\n[[provision.derogation]]\nform = \"carve-out\"\n";
                s += &quote_line("quote", q, &texts).replace(", lang = ", "\nlang = ");
                s += "\n";
                if grounds.is_empty() {
                    s += "grounds = { kind = \"none\" }\n";
                } else {
                    s += &format!(
                        "grounds = {{ kind = \"stated\", purposes = [{}], {} }}\n",
                        grounds.join(", "),
                        quote_line("quote", q, &texts)
                    );
                }
            }
        }
    }
    s
}

#[test]
fn the_unmutated_file_loads() {
    let corpus = Corpus::from_toml(ORIGIN, ECHR).unwrap_or_else(|e| panic!("{e}"));
    assert!(check_whole(&corpus).is_ok());
    // The mutations start from a file that reaches every check: it has norms, safeguards,
    // exceptions and quotes.
    let art8 = corpus
        .provision("coe/echr/art-8")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(evidence(art8).len() >= 4);
    // The identity mutations give back the file.
    assert_eq!(apply_lines(ECHR, &[]), ECHR);
    assert_eq!(apply_bytes(ECHR.as_bytes().to_vec(), &[]), ECHR.as_bytes());
}

/// There is no unchecked way in: instruments built in code (or read back from JSON) go
/// through the loader's checks, so a quote that is not in its text, a reference to nothing or
/// a text without provenance is caught there, with the instrument as its location.
#[test]
fn instruments_built_in_code_are_checked_like_files() {
    let good = Corpus::from_toml(ORIGIN, ECHR).unwrap_or_else(|e| panic!("{e}"));
    let instrument = good.instruments().next().cloned().expect("the ECHR");
    let back = Corpus::from_instruments(vec![instrument.clone()]).unwrap_or_else(|e| panic!("{e}"));
    assert!(check_whole(&back).is_ok());
    let error = |inst| {
        Corpus::from_instruments(vec![inst])
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };

    let mut bad_quote = instrument.clone();
    bad_quote.provisions[0].norms[0].evidence.quote = "not in the text".to_owned();
    assert_eq!(
        error(bad_quote),
        "coe/echr (built in code): evidence quote not found in the `en` text of `coe/echr/art-8`: \"not in the text\""
    );

    let mut dangling = instrument.clone();
    dangling.provisions[0].references = vec!["coe/echr/art-99".parse().unwrap()];
    assert_eq!(
        error(dangling),
        "coe/echr (built in code): `coe/echr/art-8` cites `coe/echr/art-99`, which is not in the corpus"
    );

    let mut no_provenance = instrument;
    no_provenance.languages.clear();
    assert_eq!(
        error(no_provenance),
        "coe/echr (built in code): `coe/echr/art-8` has `en` text, but the instrument's `languages` table has no `en` entry"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_arbitrary_strings_never_panic(text in ".*") {
        let lines = text.lines().count() + 1;
        match Corpus::from_toml("any.toml", &text) {
            Ok(corpus) => check_whole(&corpus)?,
            Err(errors) => check_errors(&errors, "any.toml", lines)?,
        }
    }

    #[test]
    fn prop_arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_and_check(bytes)?;
    }

    #[test]
    fn prop_fragment_files_never_panic(text in fragment_file()) {
        let lines = text.lines().count() + 1;
        match Corpus::from_toml("fragments.toml", &text) {
            Ok(corpus) => check_whole(&corpus)?,
            Err(errors) => check_errors(&errors, "fragments.toml", lines)?,
        }
    }

}

proptest! {
    // Cheap cases that reach every check after parsing: run many.
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn prop_generated_files_never_panic(spec in arb_file()) {
        let text = render(&spec);
        let lines = text.lines().count() + 1;
        match Corpus::from_toml("generated.toml", &text) {
            Ok(corpus) => check_whole(&corpus)?,
            Err(errors) => check_errors(&errors, "generated.toml", lines)?,
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_byte_mutations_never_panic(edits in prop::collection::vec(byte_edit(), 1..8)) {
        load_and_check(apply_bytes(ECHR.as_bytes().to_vec(), &edits))?;
    }

    #[test]
    fn prop_line_mutations_never_panic(edits in prop::collection::vec(line_edit(), 1..8)) {
        let text = apply_lines(ECHR, &edits);
        let lines = text.lines().count() + 1;
        // Through both entry points: text and bytes.
        match Corpus::from_toml(ORIGIN, &text) {
            Ok(corpus) => check_whole(&corpus)?,
            Err(errors) => check_errors(&errors, ORIGIN, lines)?,
        }
        load_and_check(text.into_bytes())?;
    }

}

proptest! {
    // Each case parses the whole bundled corpus too.
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// With the bundled corpus alongside (and the copy renamed, so that it is not a duplicate
    /// of the bundled ECHR), references into the bundled files can resolve; every problem is
    /// still in the mutated file, since the bundled ones have none.
    #[test]
    fn prop_line_mutations_beside_the_bundled_corpus(edits in prop::collection::vec(line_edit(), 1..6)) {
        let copy = ECHR.replace("id = \"coe/echr\"", "id = \"coe/echr-copy\"");
        let text = apply_lines(&copy, &edits);
        let lines = text.lines().count() + 1;
        match Corpus::loader().bundled().toml("mine/coe/echr-copy.toml", &text).load() {
            Ok(corpus) => check_whole(&corpus)?,
            Err(errors) => check_errors(&errors, "mine/coe/echr-copy.toml", lines)?,
        }
    }
}
