//! Citations a reader can use: "GDPR art. 9(2)(g)", "ECHR art. 8(2)", "U.S. Const. amend. IV",
//! 《个人信息保护法》第二十六条第一款, built from the instrument's short title (or its
//! `cite-as`) and the provision's label, in the convention of the language.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::text::Pinpoint;
use super::{Lang, LegalValue, Located, ProvisionId};

/// Which form a citation takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CiteForm {
    /// The English short form: `GDPR art. 9(2)(g)`, `PDPA s. 17(1)`.
    #[default]
    Short,
    /// The form of the instrument's authentic language where it differs (Chinese:
    /// 《个人信息保护法》第二十六条), else the short form.
    Native,
    /// The corpus id with its pinpoint, which `lexgap show` looks up: `eu/gdpr/art-9(2)(g)`.
    Id,
}

impl std::str::FromStr for CiteForm {
    type Err = String;

    fn from_str(s: &str) -> Result<CiteForm, String> {
        match s {
            "short" => Ok(CiteForm::Short),
            "native" => Ok(CiteForm::Native),
            "id" => Ok(CiteForm::Id),
            _ => Err(format!(
                "unknown citation form `{s}`; expected short, native or id"
            )),
        }
    }
}

/// How to cite one provision: its id, its short (English) form and, where the instrument's
/// authentic language has its own convention, that form. A pinpoint (`2(g)`, as
/// [`Provision::pinpoint`](super::Provision::pinpoint) gives it) is added by
/// [`Citation::with`].
///
/// ```
/// use lexgap::model::{Citation, CiteForm};
///
/// let corpus = lexgap::Corpus::bundled();
/// let art9 = Citation::of(corpus.locate("eu/gdpr/art-9")?);
/// assert_eq!(art9.with(Some("2(g)"), CiteForm::Short), "GDPR art. 9(2)(g)");
/// assert_eq!(art9.with(Some("2(g)"), CiteForm::Id), "eu/gdpr/art-9(2)(g)");
/// let art26 = Citation::of(corpus.locate("cn/pipl/art-26")?);
/// assert_eq!(art26.with(None, CiteForm::Short), "PIPL art. 26");
/// assert_eq!(art26.with(Some("1"), CiteForm::Native), "《中华人民共和国个人信息保护法》第二十六条第一款");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Citation {
    id: ProvisionId,
    /// How the instrument is named: its `cite-as` in English, else its short title.
    title: String,
    /// The provision's label, abbreviated: `art. 9`, `s. 17`, `amend. IV`.
    label: String,
    /// The provision's heading, in English where it has one there, else in its first
    /// language with one: "Data protection impact assessment".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    native: Option<Native>,
}

/// A citation in the instrument's authentic language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct Native {
    lang: Lang,
    text: String,
}

impl Citation {
    /// How to cite `p`.
    pub fn of(p: Located<'_>) -> Citation {
        let inst = p.instrument();
        let en = Lang::new("en").ok();
        let title = en
            .as_ref()
            .and_then(|l| inst.cite_as.get(l))
            .unwrap_or(&inst.short_title);
        let label = en
            .as_ref()
            .and_then(|l| p.label.get(l))
            .map_or_else(|| label_of_local(p.id.local()), |l| abbreviate(l));
        let native = inst
            .languages_by_value()
            .find(|l| inst.languages[*l].legal_value == LegalValue::Authentic)
            .filter(|l| l.as_str() == "zh")
            .and_then(|zh| {
                let title = inst
                    .cite_as
                    .get(zh)
                    .cloned()
                    .or_else(|| inst.title.get(zh).map(|t| format!("《{t}》")))?;
                let label = p.label.get(zh)?;
                Some(Native {
                    lang: zh.clone(),
                    text: format!("{title}{label}"),
                })
            });
        let heading = en
            .as_ref()
            .and_then(|l| p.heading.get(l))
            .or_else(|| p.heading.values().next())
            .cloned();
        Citation {
            id: p.id.clone(),
            title: title.clone(),
            label,
            heading,
            native,
        }
    }

    /// The provision cited.
    pub fn id(&self) -> &ProvisionId {
        &self.id
    }

    /// How the instrument is named in the short form: `GDPR`, `U.S. Const.`.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The provision's label in the short form: `art. 9`, `s. 17`, `amend. IV`.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The provision's heading, if the text has one: "Data protection impact assessment".
    pub fn heading(&self) -> Option<&str> {
        self.heading.as_deref()
    }

    /// The short form without a pinpoint: `GDPR art. 9`.
    pub fn short(&self) -> String {
        format!("{} {}", self.title, self.label)
    }

    /// The authentic-language form split into the instrument's name and the label:
    /// (《中华人民共和国个人信息保护法》, 第二十六条).
    pub(super) fn native_parts(&self) -> Option<(&str, &str)> {
        let n = self.native.as_ref()?;
        let end = n.text.rfind('》')? + '》'.len_utf8();
        Some(n.text.split_at(end))
    }

    /// The citation in `form`, with the pinpoint if there is one.
    pub fn with(&self, pinpoint: Option<&str>, form: CiteForm) -> String {
        // A pinpoint the parser cannot read is shown as it is, in brackets.
        let pin = pinpoint
            .map(|s| {
                Pinpoint::parse(s).unwrap_or(Pinpoint {
                    paragraph: Some(s),
                    points: Vec::new(),
                })
            })
            .unwrap_or_default();
        match form {
            CiteForm::Id => format!("{}{}", self.id, pin.latin()),
            CiteForm::Native => match &self.native {
                Some(n) if n.lang.as_str() == "zh" => format!("{}{}", n.text, pin.chinese()),
                _ => format!("{}{}", self.short(), pin.latin()),
            },
            CiteForm::Short => format!("{}{}", self.short(), pin.latin()),
        }
    }
}

impl fmt::Display for Citation {
    /// The short form without a pinpoint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.title, self.label)
    }
}

/// `Article 9` → `art. 9`, `Section 17` → `s. 17`, `Amendment IV` → `amend. IV`: the usual
/// abbreviations of the first word of an English label; other labels as they are.
fn abbreviate(label: &str) -> String {
    let (word, rest) = label.split_once(' ').unwrap_or((label, ""));
    let short = match word.to_ascii_lowercase().as_str() {
        "article" => "art.",
        "section" => "s.",
        "amendment" => "amend.",
        "recital" => "recital",
        "chapter" => "ch.",
        "part" => "pt.",
        "schedule" => "sch.",
        "paragraph" => "para.",
        "regulation" => "reg.",
        "rule" => "r.",
        _ => return label.to_owned(),
    };
    if rest.is_empty() {
        short.to_owned()
    } else {
        format!("{short} {rest}")
    }
}

/// A citation label from a local id when the provision has no English label: `art-9` →
/// `art. 9`, `s-17` → `s. 17`.
fn label_of_local(local: &str) -> String {
    match local.split_once('-') {
        Some(("art", n)) => format!("art. {n}"),
        Some(("s", n)) => format!("s. {n}"),
        Some(("recital", n)) => format!("recital {n}"),
        Some(("amendment", n)) => format!("amend. {n}"),
        _ => local.to_owned(),
    }
}
