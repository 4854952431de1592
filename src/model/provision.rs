//! Provisions and what is read from them: [`Correspondence`], [`Provision`] with its methods,
//! [`Evidence`], [`Safeguard`] and [`Norm`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::{self, pinpoint};
use super::{
    Activity, Actor, DataCategory, Derogation, Lang, NormKind, Processing, ProvisionId, Purpose,
    Relation, SafeguardElement, SafeguardKind, Scope, Texts, quote_in_text,
};

/// Two provisions correspond, with a typed relation and one line of rationale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Provision {
    /// `jurisdiction/instrument/provision`, such as `eu/gdpr/art-9`.
    pub id: ProvisionId,
    /// The label in each language: `Article 27`, `第二十七条`.
    pub label: Texts,
    /// The heading in each language, where the text has one.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub heading: Texts,
    /// Chapter and section headings above the provision, outermost first, in the language
    /// the file gives first (the authentic one where the file gives several): what a
    /// derogation's `chapters` names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chapter: Vec<String>,
    /// The chapter path in each language, where the file gives it by language
    /// (`chapter.en = [...]`); empty for the one-list form.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub chapters: BTreeMap<Lang, Vec<String>>,
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
            chapters: BTreeMap::new(),
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

    /// The chapter path in `lang`: the one given for that language, else the one-list form
    /// when its script is that language's (Chinese, Japanese, Korean or other), else none.
    ///
    /// ```
    /// use lexgap::model::Lang;
    ///
    /// let art38 = lexgap::Corpus::bundled().provision("cn/pipl/art-38")?;
    /// let en = art38.chapter_in(&Lang::new("en")?).expect("the NPC translation's chapter");
    /// assert!(en[0].starts_with("Chapter III"), "{en:?}");
    /// let zh = art38.chapter_in(&Lang::new("zh")?).unwrap();
    /// assert!(zh[0].starts_with("第三章"), "{zh:?}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chapter_in(&self, lang: &Lang) -> Option<&[String]> {
        if let Some(c) = self.chapters.get(lang) {
            return Some(c);
        }
        let cjk = |c: &String| c.chars().any(super::is_cjk_letter);
        let fits = !self.chapter.is_empty()
            && self.chapters.is_empty()
            && self.chapter.iter().all(|c| cjk(c) == lang.is_cjk());
        fits.then_some(self.chapter.as_slice())
    }

    /// Whether the provision is a recital (a preamble's reason, not an operative rule): its
    /// local id starts `recital-` (the id convention of `provisions/README.md`) or its
    /// chapter path starts with `Recitals` or `Preamble`.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert!(corpus.provision("eu/gdpr/recital-51")?.is_recital());
    /// assert!(!corpus.provision("eu/gdpr/art-9")?.is_recital());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_recital(&self) -> bool {
        self.id.local().starts_with("recital-")
            || self.chapter.first().is_some_and(|c| {
                c.eq_ignore_ascii_case("recitals") || c.eq_ignore_ascii_case("preamble")
            })
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// The language of the quoted text.
    pub lang: Lang,
    /// The words quoted, as they stand in the text (whitespace may differ).
    pub quote: String,
}

/// A protection attached to a norm or an exception, with its elements and evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl Provision {
    /// The words of one paragraph or point of the text in `lang`: `pinpoint` is `2(g)` or
    /// `(2)(g)` (point g of paragraph 2), `2` or `(2)` (the whole of paragraph 2, its points
    /// and subparagraphs included), or a point of an article without paragraphs (`(三)`).
    /// `None` when there is no text in `lang` or no such part.
    ///
    /// A paragraph is a line that starts `2. ` or, in a text without such lines, `(2)`; a
    /// point a line that starts `(g)` or `（五）`; a point ends at the next line that is
    /// neither. In a text without numbered paragraphs (a Chinese article), the lines that are
    /// not points are the paragraphs (款), counted from 1, as [`Provision::pinpoint`] counts
    /// them: `passage` finds the words of each pinpoint it gives.
    ///
    /// ```
    /// use lexgap::model::Lang;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let art9 = corpus.provision("eu/gdpr/art-9")?;
    /// let en = Lang::new("en")?;
    /// let g = art9.passage(&en, "(2)(g)").expect("GDPR art. 9(2)(g)");
    /// assert!(g.starts_with("(g) processing is necessary for reasons of substantial public interest"));
    /// assert!(!g.contains('\n'), "one point, one line");
    /// assert_eq!(art9.passage(&en, "2(g)"), Some(g));
    /// let para2 = art9.passage(&en, "2").expect("paragraph 2");
    /// assert!(para2.starts_with("2. Paragraph 1 shall not apply") && para2.contains(g));
    /// assert_eq!(art9.passage(&en, "(9)"), None);
    /// let art54 = corpus.provision("cn/pipl-draft-2020/art-54")?;
    /// assert_eq!(art54.passage(&Lang::new("zh")?, "2(二)"), Some("（二）对个人的影响及风险程度；"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn passage(&self, lang: &Lang, pinpoint: &str) -> Option<&str> {
        let text = self.text.get(lang)?;
        let parts = text::parts(text);
        let pin = text::Pinpoint::parse(pinpoint)?;
        let (para, point) = match pin.points[..] {
            [] => (pin.paragraph, None),
            [b] => (pin.paragraph.or(Some(b)), pin.paragraph.map(|_| b)),
            _ => return None,
        };
        let found = |para: Option<&str>, point: Option<&str>| {
            let mut lines = parts.iter().filter(|l| {
                let para_ok = l.para.as_deref() == para;
                let point_ok = point.is_none() || l.point.as_deref() == point;
                para_ok && point_ok
            });
            let first = lines.next()?;
            let last = lines.next_back().unwrap_or(first);
            Some(text[first.start..last.end].trim())
        };
        match (para, point) {
            (Some(a), Some(b)) => found(Some(a), Some(b)),
            // `(三)` in an article of one paragraph is a point.
            (Some(a), None) => found(Some(a), None).or_else(|| found(None, Some(a))),
            _ => None,
        }
    }

    /// The paragraphs and points of the text in `lang`, in document order, as
    /// [`Provision::passage`] takes them: `1`, `2`, `2(a)`, … (nothing when the text has no
    /// numbered parts, or there is no text in `lang`).
    ///
    /// ```
    /// use lexgap::model::Lang;
    ///
    /// let art9 = lexgap::Corpus::bundled().provision("eu/gdpr/art-9")?;
    /// let parts = art9.pinpoints(&Lang::new("en")?);
    /// assert_eq!(parts[..3], ["1", "2", "2(a)"]);
    /// assert!(parts.contains(&"2(g)".to_owned()) && parts.contains(&"4".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pinpoints(&self, lang: &Lang) -> Vec<String> {
        let Some(text) = self.text.get(lang) else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::new();
        for l in text::parts(text) {
            let Some(p) = l.pinpoint() else { continue };
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}
