//! Language tags: [`Lang`], its error [`LangError`], and [`Texts`], text keyed by language.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
