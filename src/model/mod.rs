//! The typed model: jurisdictions, instruments, provisions and the norms read from them.
//!
//! These are plain data types with no I/O and no rendering. [`crate::corpus`] builds them from
//! `provisions/**/*.toml` and checks every evidence quote against the provision's text;
//! [`crate::classify`], [`crate::diff`] and [`crate::align`] read them.
//!
//! ```
//! use lexgap::model::{DataCategory, NormKind, SafeguardKind};
//!
//! let corpus = lexgap::Corpus::bundled();
//! let art27 = corpus.provision("cn/pipl-draft-2020/art-27")?;
//! let norm = &art27.norms[0];
//! assert_eq!(norm.kind, NormKind::Permission);
//! assert!(norm.data.iter().any(|d| d.is_a(DataCategory::Biometric)));
//! let necessity = norm.safeguard(SafeguardKind::Necessity).expect("art. 27 requires necessity");
//! assert_eq!(necessity.evidence.quote, "应当为维护公共安全所必需");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod date;
mod derogation;
mod id;
mod located;
mod numeral;
mod quote;
pub(crate) mod script;
mod vocab;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

pub use date::{Date, DateError};
pub use derogation::{Covers, Derogation, Effect, Grounds, Quoted, Reach, Referral, Target};
pub use id::{IdError, InstrumentId, ProvisionId};
pub use located::{Located, Processing};
pub(crate) use located::{compared_lang, first_shared, within};
pub use numeral::{article_number_of_label, parse_chinese_numeral};
pub(crate) use quote::{NormalizedText, find_lazy};
pub(crate) use script::{
    MAX_CLUSTER_TAIL, ZWJ, continues_cluster, floor_char_boundary, is_cjk_letter,
};
pub(crate) use vocab::closest as closest_code;
pub(crate) use vocab::closest_owned;
pub use vocab::{
    Activity, Actor, DataCategory, Delegate, DerogationForm, InstrumentKind, LegalValue, NormKind,
    Purpose, Relation, Right, SafeguardElement, SafeguardKind, Scope, Status, Term, UnknownTerm,
};

/// A language tag, lowercase: `zh`, `en`, `fr`.
///
/// ```
/// let zh = lexgap::model::Lang::new("ZH")?;
/// assert_eq!(zh.as_str(), "zh");
/// assert!(zh.is_cjk());
/// assert!(lexgap::model::Lang::new("chinese!").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Lang(String);

/// A string that is not a language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a language tag (expected a code such as `zh`, `en` or `zh-hant`)")]
pub struct LangError(String);

impl Lang {
    /// Makes a language tag: two or three ASCII letters, optionally followed by `-` subtags.
    ///
    /// # Errors
    ///
    /// Returns a [`LangError`] when `tag` does not have that shape.
    pub fn new(tag: &str) -> Result<Lang, LangError> {
        let lower = tag.to_ascii_lowercase();
        let mut parts = lower.split('-');
        let primary = parts.next().unwrap_or_default();
        let ok = (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_lowercase())
            && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if ok {
            Ok(Lang(lower))
        } else {
            Err(LangError(tag.to_owned()))
        }
    }
    /// The tag as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether the language is written without spaces between words (Chinese, Japanese), so
    /// that text diffs work on characters rather than words.
    pub fn is_cjk(&self) -> bool {
        matches!(self.0.split('-').next(), Some("zh" | "ja" | "ko"))
    }
}

impl TryFrom<String> for Lang {
    type Error = LangError;
    fn try_from(s: String) -> Result<Lang, LangError> {
        Lang::new(&s)
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> String {
        l.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text in several languages, keyed by language tag (ordered, so output is deterministic).
pub type Texts = BTreeMap<Lang, String>;

/// A jurisdiction: a state (ISO 3166-1 code), a subdivision (ISO 3166-2, such as `us-il`) or a
/// supranational or international body (`eu`, `coe`, `un`, `oecd`).
///
/// ```
/// let corpus = lexgap::Corpus::bundled();
/// assert_eq!(corpus.jurisdiction("cn").map(|j| j.name.as_str()), Some("People's Republic of China"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Jurisdiction {
    /// The lowercase code, such as `cn` or `eu`.
    pub code: String,
    /// The English name.
    pub name: String,
    /// The enclosing jurisdiction of a subdivision (`us` for `us-il`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Where the text of an instrument in one language came from, and what it is worth in law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Provenance {
    /// Authentic text, official translation or unofficial translation.
    pub legal_value: LegalValue,
    /// Where the text was read: a URL, or `github owner/repo path@commit`.
    pub source: String,
    /// When the source was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<Date>,
    /// Who published or translated the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The terms on which the text may be reused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Anything a reader should know: conversions, gaps, corroborating sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Official identifiers of an instrument.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Identifiers {
    /// European Legislation Identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eli: Option<String>,
    /// CELEX number (EU law).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub celex: Option<String>,
    /// The official citation, such as `Regulation (EU) 2016/679` or `ETS No. 005`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// A law, draft, treaty or set of principles, in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Instrument {
    /// `jurisdiction/name`, such as `cn/pipl-draft-2020`.
    pub id: InstrumentId,
    /// The title in each language.
    pub title: Texts,
    /// A short name for tables, such as `GDPR` or `PIPL (draft 2020)`.
    pub short_title: String,
    /// Constitution, statute, draft statute ...
    pub kind: InstrumentKind,
    /// Draft, in force, superseded ...
    pub status: Status,
    /// Whether the instrument binds anyone (soft law and declarations do not).
    pub binding: bool,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// When it was adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Date>,
    /// When it entered into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// When it ceased to be in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repealed: Option<Date>,
    /// When its rules began to apply, where that differs from its entry into force (the GDPR
    /// entered into force on 2016-05-24 and applies from 2018-05-25, art. 99(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_from: Option<Date>,
    /// Official identifiers.
    #[serde(default)]
    pub identifiers: Identifiers,
    /// The later version this one became (a draft `becomes` a law).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub becomes: Option<InstrumentId>,
    /// The earlier instruments this one replaced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supersedes: Vec<InstrumentId>,
    /// Provenance of the text in each language.
    pub languages: BTreeMap<Lang, Provenance>,
    /// What the corpus holds of this instrument and what it lacks (missing articles, why).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coverage: String,
    /// The operative provisions the corpus does not hold, as ranges of local ids; findings
    /// that depend on them are `unknown`, not absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingRange>,
    /// The provisions, in document order.
    pub provisions: Vec<Provision>,
}

impl Instrument {
    /// Whether one instrument is a version of the other: one `becomes` or `supersedes` the
    /// other.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let (draft, law) = (corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
    /// assert!(draft.is_version_of(law) && law.is_version_of(draft));
    /// assert!(!law.is_version_of(corpus.instrument("eu/gdpr")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_version_of(&self, other: &Instrument) -> bool {
        self.becomes.as_ref() == Some(&other.id)
            || other.becomes.as_ref() == Some(&self.id)
            || self.supersedes.contains(&other.id)
            || other.supersedes.contains(&self.id)
    }

    /// Whether the corpus seems to hold the whole instrument: its articles are numbered 1 to N
    /// without a gap. (The draft PIPL in the bundled corpus has only arts. 1, 27, 29 and 54.)
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert!(corpus.instrument("cn/pipl")?.looks_complete());
    /// assert!(!corpus.instrument("cn/pipl-draft-2020")?.looks_complete());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn looks_complete(&self) -> bool {
        let numbers: BTreeSet<u32> = self
            .provisions
            .iter()
            .filter_map(|p| p.id.article_number())
            .collect();
        match numbers.iter().next_back() {
            Some(&max) => numbers.len() as u32 == max && numbers.contains(&1),
            None => false,
        }
    }

    /// The languages both instruments have, in the order in which their texts are compared:
    /// by the weaker legal value of the two (authentic before official translation before
    /// unofficial), then by tag; languages that provisions use without the instrument
    /// declaring them come last. See [`Located::compared_lang`].
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let (draft, law) = (corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
    /// let langs: Vec<String> = draft.common_langs(law).iter().map(ToString::to_string).collect();
    /// assert_eq!(langs, ["zh", "en"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn common_langs(&self, other: &Instrument) -> Vec<Lang> {
        let (left, right) = (self, other);
        let mut langs: Vec<(u8, Lang)> = Vec::new();
        for (lang, lp) in &left.languages {
            if let Some(rp) = right.languages.get(lang) {
                let rank = |v| match v {
                    LegalValue::Authentic => 0u8,
                    LegalValue::OfficialTranslation => 1,
                    _ => 2,
                };
                langs.push((rank(lp.legal_value).max(rank(rp.legal_value)), lang.clone()));
            }
        }
        let used = |i: &Instrument| -> BTreeSet<Lang> {
            i.provisions
                .iter()
                .flat_map(|p| p.text.keys().cloned())
                .collect()
        };
        let (lu, ru) = (used(left), used(right));
        for lang in lu.intersection(&ru) {
            if !langs.iter().any(|(_, l)| l == lang) {
                langs.push((3, lang.clone()));
            }
        }
        langs.sort();
        langs.into_iter().map(|(_, l)| l).collect()
    }

    /// An instrument built in code: a binding statute in force, with no dates, no provisions,
    /// and no languages (add them, with their provenance, before use). Set the public fields
    /// to change the rest.
    ///
    /// ```
    /// use lexgap::model::{Instrument, Lang, Provision};
    ///
    /// let mut inst = Instrument::new("eu/notes".parse()?, "notes");
    /// inst.languages = lexgap::Corpus::bundled().instrument("coe/echr")?.languages.clone();
    /// inst.provisions.push(Provision::new("eu/notes/n-1".parse()?, Lang::new("en")?, "Cameras need signs."));
    /// let corpus = lexgap::Corpus::from_instruments(vec![inst])?;
    /// assert!(corpus.get("eu/notes/n-1").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: InstrumentId, short_title: impl Into<String>) -> Instrument {
        let short_title = short_title.into();
        Instrument {
            id,
            title: Texts::new(),
            short_title,
            kind: InstrumentKind::Statute,
            status: Status::InForce,
            binding: true,
            published: None,
            adopted: None,
            in_force: None,
            repealed: None,
            applies_from: None,
            identifiers: Identifiers::default(),
            becomes: None,
            supersedes: Vec::new(),
            languages: BTreeMap::new(),
            coverage: String::new(),
            missing: Vec::new(),
            provisions: Vec::new(),
        }
    }

    /// The provision with this local id (`art-9`), ignoring ASCII case.
    ///
    /// ```
    /// let gdpr = lexgap::Corpus::bundled().instrument("eu/gdpr")?;
    /// assert!(gdpr.provision("Art-35").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn provision(&self, local: &str) -> Option<&Provision> {
        self.provisions
            .iter()
            .find(|p| p.id.local().eq_ignore_ascii_case(local))
    }

    /// The provision with this local id (ignoring ASCII case), with its instrument.
    ///
    /// ```
    /// let pipl = lexgap::Corpus::bundled().instrument("cn/pipl")?;
    /// assert_eq!(pipl.located("art-26").map(|p| p.instrument().id.to_string()).as_deref(), Some("cn/pipl"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn located(&self, local: &str) -> Option<Located<'_>> {
        self.provision(local).map(|p| Located::new(self, p))
    }

    /// Every provision, with its instrument, in document order.
    pub fn located_provisions(&self) -> impl ExactSizeIterator<Item = Located<'_>> + '_ {
        self.provisions.iter().map(move |p| Located::new(self, p))
    }

    /// The authentic languages, and after them the others, in tag order.
    ///
    /// ```
    /// let pipl = lexgap::Corpus::bundled().instrument("cn/pipl")?;
    /// let langs: Vec<&str> = pipl.languages_by_value().map(|l| l.as_str()).collect();
    /// assert_eq!(langs, ["zh", "en"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn languages_by_value(&self) -> impl Iterator<Item = &Lang> {
        let mut langs: Vec<(&Lang, &Provenance)> = self.languages.iter().collect();
        langs.sort_by_key(|(l, p)| (p.legal_value, *l));
        langs.into_iter().map(|(l, _)| l)
    }

    /// Whether the instrument was in force on `date`, judged from its dates: in force from
    /// `in-force` (or, lacking that, adoption when its status is in force) until `repealed`.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let pipl = corpus.instrument("cn/pipl")?;
    /// assert!(!pipl.in_force_on("2021-10-31".parse()?));
    /// assert!(pipl.in_force_on("2021-11-01".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_force_on(&self, date: Date) -> bool {
        if matches!(self.status, Status::Draft) {
            return false;
        }
        let start = self.in_force.or(match self.status {
            Status::InForce => self.adopted.or(self.published),
            _ => None,
        });
        start.is_some_and(|s| s <= date) && self.repealed.is_none_or(|r| date < r)
    }

    /// Whether the instrument's rules applied on `date`: in force, and on or after
    /// `applies-from` where the instrument has one.
    ///
    /// ```
    /// let gdpr = lexgap::Corpus::bundled().instrument("eu/gdpr")?;
    /// assert!(gdpr.in_force_on("2017-01-01".parse()?));
    /// assert!(!gdpr.applies_on("2017-01-01".parse()?), "art. 99(2): it applies from 25 May 2018");
    /// assert!(gdpr.applies_on("2018-05-25".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn applies_on(&self, date: Date) -> bool {
        self.in_force_on(date) && self.applies_from.is_none_or(|a| a <= date)
    }

    /// Whether the instrument declares the provision with this local id missing from the
    /// corpus (see [`Instrument::missing`]).
    ///
    /// ```
    /// let draft = lexgap::Corpus::bundled().instrument("cn/pipl-draft-2020")?;
    /// assert!(draft.declares_missing("art-30"));
    /// assert!(!draft.declares_missing("art-27"), "art. 27 is held");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn declares_missing(&self, local: &str) -> bool {
        self.missing.iter().any(|r| r.contains(local))
    }
}

/// A range of provisions an instrument lacks, by local id: `art-30..art-53`, or one id
/// `art-28`. Ids compare by their prefix and number (`art-12a` falls in `art-2..art-26`).
///
/// ```
/// use lexgap::model::MissingRange;
///
/// let r: MissingRange = "art-2..art-26".parse()?;
/// assert!(r.contains("art-12") && r.contains("art-12a") && !r.contains("art-27"));
/// assert!(!r.contains("recital-12"));
/// let inserted: MissingRange = "s-26f..s-26j".parse()?;
/// assert!(inserted.contains("s-26g") && !inserted.contains("s-26") && !inserted.contains("s-26a"));
/// assert_eq!(r.to_string(), "art-2..art-26");
/// assert!("art-9..art-2".parse::<MissingRange>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MissingRange {
    prefix: String,
    from: (u32, String),
    to: (u32, String),
    text: String,
}

impl MissingRange {
    /// Whether the local id falls in the range.
    pub fn contains(&self, local: &str) -> bool {
        let local = local.to_ascii_lowercase();
        split_numbered(&local).is_some_and(|(p, n, s)| {
            let at = (n, s.to_owned());
            p == self.prefix && self.from <= at && at <= self.to
        })
    }
    /// The first and last numbers of the range.
    pub fn bounds(&self) -> (u32, u32) {
        (self.from.0, self.to.0)
    }
}

/// `art-12a` → (`art-`, 12, `a`): the prefix, the number and what follows it, so that an
/// inserted `s-26f` is told apart from `s-26` (`s-26f..s-26j` does not hold `s-26`).
fn split_numbered(local: &str) -> Option<(&str, u32, &str)> {
    let start = local.find(|c: char| c.is_ascii_digit())?;
    let len = local[start..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(local.len() - start);
    let n = local[start..start + len].parse().ok()?;
    Some((&local[..start], n, &local[start + len..]))
}

impl std::str::FromStr for MissingRange {
    type Err = String;
    fn from_str(s: &str) -> Result<MissingRange, String> {
        let text = s.trim().to_ascii_lowercase();
        let bad = || {
            format!(
                "`{s}` is not a range of provisions (expected a local id such as `art-28` or a range such as `art-30..art-53`)"
            )
        };
        let (a, b) = text.split_once("..").unwrap_or((&text, &text));
        let (pa, na, sa) = split_numbered(a).ok_or_else(bad)?;
        let (pb, nb, sb) = split_numbered(b).ok_or_else(bad)?;
        if pa != pb || pa.is_empty() {
            return Err(format!(
                "range `{s}` mixes kinds of provision (`{pa}` and `{pb}`)"
            ));
        }
        let (from, to) = ((na, sa.to_owned()), (nb, sb.to_owned()));
        if from > to {
            return Err(format!("range `{s}` runs backwards"));
        }
        Ok(MissingRange {
            prefix: pa.to_owned(),
            from,
            to,
            text,
        })
    }
}

impl TryFrom<String> for MissingRange {
    type Error = String;
    fn try_from(s: String) -> Result<MissingRange, String> {
        s.parse()
    }
}

impl From<MissingRange> for String {
    fn from(r: MissingRange) -> String {
        r.text
    }
}

impl fmt::Display for MissingRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Two provisions correspond, with a typed relation and one line of rationale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Correspondence {
    /// The other provision.
    pub target: ProvisionId,
    /// How this provision relates to it.
    pub relation: Relation,
    /// Why, in one line.
    pub rationale: String,
}

/// An article, paragraph, amendment or recital, with its text and the norms read from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Provision {
    /// `jurisdiction/instrument/provision`, such as `eu/gdpr/art-9`.
    pub id: ProvisionId,
    /// The label in each language: `Article 27`, `第二十七条`.
    pub label: Texts,
    /// The heading in each language, where the text has one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub heading: Texts,
    /// Chapter and section headings above the provision, outermost first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chapter: Vec<String>,
    /// The verbatim text in each language.
    pub text: Texts,
    /// Other provisions this one cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<ProvisionId>,
    /// Provisions elsewhere that this one corresponds to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correspondences: Vec<Correspondence>,
    /// The norms read from the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub norms: Vec<Norm>,
    /// The derogations it makes: exceptions, exemptions, exclusions, restriction and
    /// disapplication powers, limitation clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derogations: Vec<Derogation>,
}

impl Provision {
    /// A provision built in code with one text, labelled by its local id, and no norms.
    pub fn new(id: ProvisionId, lang: Lang, text: impl Into<String>) -> Provision {
        let label = Texts::from([(lang.clone(), id.local().to_owned())]);
        Provision {
            id,
            label,
            heading: Texts::new(),
            chapter: Vec::new(),
            text: Texts::from([(lang, text.into())]),
            references: Vec::new(),
            correspondences: Vec::new(),
            norms: Vec::new(),
            derogations: Vec::new(),
        }
    }

    /// The label in `lang`, else in any language, else the local id.
    pub fn label_in(&self, lang: &Lang) -> &str {
        self.label
            .get(lang)
            .or_else(|| self.label.values().next())
            .map_or(self.id.local(), String::as_str)
    }

    /// Whether the text in some language contains `quote`, whitespace normalised, beginning
    /// and ending on word boundaries (every character boundary, in Chinese and Japanese).
    ///
    /// ```
    /// let art9 = lexgap::Corpus::bundled().provision("eu/gdpr/art-9")?;
    /// assert!(art9.contains_quote("shall  be\nprohibited"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains_quote(&self, quote: &str) -> bool {
        self.text.values().any(|t| quote_in_text(quote, t))
    }

    /// The paragraph and point of the text where `evidence` stands, such as `2(g)` for a
    /// quote in GDPR art. 9(2)(g), or `1(三)` in a Chinese article; `None` when the article
    /// has no numbered parts or the quote is not found.
    ///
    /// ```
    /// let art9 = lexgap::Corpus::bundled().provision("eu/gdpr/art-9")?;
    /// let exception = art9
    ///     .derogations
    ///     .iter()
    ///     .find(|e| e.evidence.quote.contains("substantial public interest"))
    ///     .expect("art. 9(2)(g) is annotated");
    /// assert_eq!(art9.pinpoint(&exception.evidence).as_deref(), Some("2(g)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pinpoint(&self, evidence: &Evidence) -> Option<String> {
        let text = self.text.get(&evidence.lang)?;
        pinpoint(text, &evidence.quote)
    }

    /// Every quote the provision's annotations rest on, in document order: each norm's and
    /// its safeguards', then each derogation's (its own words, its effect, coverage, grounds,
    /// conditions and referral). A quote that stands in another provision of the instrument
    /// comes with that provision's id.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let art2 = corpus.provision("eu/gdpr/art-2")?;
    /// let elsewhere: Vec<_> = art2.quotes().into_iter().filter_map(|(at, _)| at).collect();
    /// assert_eq!(elsewhere, ["eu/gdpr/recital-19"], "the referral quotes recital 19");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quotes(&self) -> Vec<(Option<&ProvisionId>, &Evidence)> {
        let mut out: Vec<(Option<&ProvisionId>, &Evidence)> = Vec::new();
        for n in &self.norms {
            out.push((None, &n.evidence));
            out.extend(
                n.safeguards
                    .iter()
                    .map(|s| (s.provision.as_ref(), &s.evidence)),
            );
        }
        for d in &self.derogations {
            out.push((None, &d.evidence));
            let quoted = d
                .effect
                .evidence
                .iter()
                .chain(&d.covers.evidence)
                .chain(d.grounds.evidence())
                .chain(d.governed_by.as_ref().map(|r| &r.evidence));
            out.extend(quoted.map(|q| (q.provision.as_ref(), &q.evidence)));
            out.extend(
                d.safeguards
                    .iter()
                    .map(|s| (s.provision.as_ref(), &s.evidence)),
            );
        }
        out
    }

    /// The first norm whose kind is `kind`.
    pub fn norm(&self, kind: NormKind) -> Option<&Norm> {
        self.norms.iter().find(|n| n.kind == kind)
    }
}

/// A verbatim quote from a provision's text in one language, the evidence for a claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// The language of the quoted text.
    pub lang: Lang,
    /// The words quoted, as they stand in the text (whitespace may differ).
    pub quote: String,
}

/// A protection attached to a norm or an exception, with its elements and evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Safeguard {
    /// What kind of protection.
    pub kind: SafeguardKind,
    /// The elements the text gives it (prior, content specified ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<SafeguardElement>,
    /// The words that establish it.
    pub evidence: Evidence,
    /// The provision of the same instrument the quote stands in, when it is not the one the
    /// safeguard belongs to (a definition: `in = "s-1"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionId>,
}

/// The typed reading of what a provision does: who may or must do what with which data, for
/// which purposes, under which safeguards. Exceptions to it are [`Derogation`]s of its
/// provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Norm {
    /// Obligation, prohibition, permission ...
    pub kind: NormKind,
    /// Whom it binds or empowers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Which data it is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataCategory>,
    /// What is done with the data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Purposes or grounds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Purpose>,
    /// The protections it sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<Safeguard>,
    /// Whether it applies where it stands or across its instrument.
    #[serde(default)]
    pub scope: Scope,
    /// The words the reading rests on.
    pub evidence: Evidence,
}

impl Norm {
    /// The first safeguard of this kind on the norm.
    pub fn safeguard(&self, kind: SafeguardKind) -> Option<&Safeguard> {
        self.safeguards.iter().find(|s| s.kind == kind)
    }

    /// The processing the norm is about.
    pub fn processing(&self) -> Processing<'_> {
        Processing::new(&self.actors, &self.data, &self.activities, &self.purposes)
    }
}

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

/// The paragraph/point pinpoint of `quote` in `text`; see [`Provision::pinpoint`].
///
/// A line that is neither a numbered paragraph (`2. …`) nor a point (`(g) …`, `（五）…`) starts
/// a new subparagraph: it ends the current point (GDPR art. 6(3), second subparagraph, is
/// `3`, not `3(b)`). In a text without numbered paragraphs (a Chinese article), such lines are
/// the paragraphs (款) and are counted when there are several: the second paragraph of draft
/// PIPL art. 54 is `2`, its item (五) `1(五)`.
fn pinpoint(text: &str, quote: &str) -> Option<String> {
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
    fn normalized_find_maps_back() {
        let text = "a  b\n c";
        assert_eq!(find_normalized(text, "b c"), Some(3));
        assert!(quote_in_text("a b c", text));
        assert!(!quote_in_text("", text));
    }
}
