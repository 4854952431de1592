//! Instruments and what describes them: [`Jurisdiction`], [`Provenance`], [`Identifiers`],
//! [`Instrument`] with its methods, and [`MissingRange`], the provisions an instrument lacks.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{
    Date, InstrumentId, InstrumentKind, JurisdictionLevel, Lang, LegalValue, Located, Provision,
    Status, Texts,
};

/// A jurisdiction: a state (ISO 3166-1 code), a subdivision (ISO 3166-2, such as `us-il`) or a
/// supranational or international body (`eu`, `coe`, `un`, `oecd`).
///
/// ```
/// let corpus = lexgap::Corpus::bundled();
/// assert_eq!(corpus.jurisdiction("cn").map(|j| j.name.as_str()), Some("People's Republic of China"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Jurisdiction {
    /// The lowercase code, such as `cn` or `eu`.
    pub code: String,
    /// The English name.
    pub name: String,
    /// The enclosing jurisdiction of a subdivision (`us` for `us-il`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// What kind of jurisdiction it is, where the registry says: a state, a subdivision, a
    /// supranational or an international body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<JurisdictionLevel>,
}

impl Jurisdiction {
    /// Whether its laws are national or sub-national law: its level is `state` or
    /// `subdivision`, or, where the registry gives no level, it has a `parent`.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert!(corpus.jurisdiction("za").unwrap().is_national());
    /// assert!(!corpus.jurisdiction("eu").unwrap().is_national());
    /// ```
    pub fn is_national(&self) -> bool {
        match self.level {
            Some(level) => matches!(
                level,
                JurisdictionLevel::State | JurisdictionLevel::Subdivision
            ),
            None => self.parent.is_some(),
        }
    }
}

/// Where the text of an instrument in one language came from, and what it is worth in law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Instrument {
    /// `jurisdiction/name`, such as `cn/pipl-draft-2020`.
    pub id: InstrumentId,
    /// The title in each language.
    pub title: Texts,
    /// A short name for tables, such as `GDPR` or `PIPL (draft 2020)`.
    pub short_title: String,
    /// How citations name the instrument, by language, where the short title is not the
    /// convention: `U.S. Const.` (for "U.S. Const. amend. IV"), `《个人信息保护法》`. Without
    /// one, English citations use the short title and Chinese ones the title in 《》.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub cite_as: Texts,
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
            cite_as: Texts::new(),
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

    /// How many numbered articles (`art-N`) the corpus holds of the instrument, and how many
    /// the instrument has when that is known: when the articles held and the
    /// [missing](Instrument::missing) ranges together number 1 to N without a gap (or the
    /// articles held alone do, [`looks_complete`](Instrument::looks_complete)).
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let draft = corpus.instrument("cn/pipl-draft-2020")?.article_count();
    /// assert_eq!((draft.held, draft.total), (4, Some(70)));
    /// let law = corpus.instrument("cn/pipl")?.article_count();
    /// assert_eq!((law.held, law.total), (74, Some(74)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn article_count(&self) -> ArticleCount {
        let held: BTreeSet<u32> = self
            .provisions
            .iter()
            .filter_map(|p| p.id.article_number())
            .collect();
        let last = self
            .missing
            .iter()
            .map(|r| r.bounds().1)
            .chain(held.iter().copied())
            .max();
        let total = last.filter(|&n| {
            (1..=n).all(|i| held.contains(&i) || self.declares_missing(&format!("art-{i}")))
        });
        ArticleCount {
            held: held.len(),
            total,
        }
    }
}

/// How many articles the corpus holds of an instrument, and how many it has
/// ([`Instrument::article_count`]).
///
/// ```
/// let count = lexgap::Corpus::bundled().instrument("cn/pipl-draft-2020")?.article_count();
/// assert_eq!(format!("{} of {:?}", count.held, count.total), "4 of Some(70)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ArticleCount {
    /// The numbered articles (`art-N`) the corpus holds.
    pub held: usize,
    /// How many the instrument has, when the articles held and the declared missing ranges
    /// number them 1 to N without a gap; `None` when that is not known.
    pub total: Option<u32>,
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
/// // Dotted section numbers count part by part (Cal. Civ. Code ss. 1798.199.20 to .35).
/// let dotted: MissingRange = "s-1798.199.20..s-1798.199.35".parse()?;
/// assert!(dotted.contains("s-1798.199.25") && !dotted.contains("s-1798.199.6") && !dotted.contains("s-1798.199.100"));
/// assert_eq!(r.to_string(), "art-2..art-26");
/// assert!("art-9..art-2".parse::<MissingRange>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        // What follows the number compares as a reader counts (`s-1798.199.6` lies before
        // `s-1798.199.50`, `s-12a` before `s-12b`), not as a string.
        let key = |(n, s): &(u32, String)| (*n, super::cite_list::natural_key(s));
        split_numbered(&local).is_some_and(|(p, n, s)| {
            let at = key(&(n, s.to_owned()));
            p == self.prefix && key(&self.from) <= at && at <= key(&self.to)
        })
    }
    /// The first and last numbers of the range.
    pub fn bounds(&self) -> (u32, u32) {
        (self.from.0, self.to.0)
    }
}

/// `art-12a` → (`art-`, 12, `a`): the prefix, the number and what follows it, so that an
/// inserted `s-26f` is told apart from `s-26` (`s-26f..s-26j` does not hold `s-26`).
pub(crate) fn split_numbered(local: &str) -> Option<(&str, u32, &str)> {
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
        let key = |(n, s): &(u32, String)| (*n, super::cite_list::natural_key(s));
        if key(&from) > key(&to) {
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
