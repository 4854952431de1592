//! Language tags: [`Lang`], its error [`LangError`], and [`Texts`], text keyed by language.

use std::fmt;

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

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
pub struct Lang(
    // Inline up to 23 bytes (every tag in practice): a tag is in every text map and every
    // quote's evidence, and a heap string each would be a third of a large corpus's memory.
    #[cfg_attr(feature = "schema", schemars(with = "String"))] SmolStr,
);

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
            Ok(Lang(SmolStr::new(lower)))
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
        l.0.into()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text in several languages, keyed by language tag, in tag order (so output is
/// deterministic): a small map, held as a list sorted by tag, with room for one language
/// inline, since a provision has one or two languages and a large corpus holds three of
/// these per provision.
///
/// It reads like the `BTreeMap<Lang, String>` it replaced: [`get`](Texts::get),
/// [`insert`](Texts::insert), [`iter`](Texts::iter), [`keys`](Texts::keys),
/// [`values`](Texts::values), built from an array or an iterator of pairs (a later pair with
/// the same tag replaces an earlier one), and serialized as a map from tag to text.
///
/// ```
/// use lexgap::model::{Lang, Texts};
///
/// let (en, zh) = (Lang::new("en")?, Lang::new("zh")?);
/// let mut label = Texts::from([(zh.clone(), "第一条".to_owned())]);
/// assert_eq!(label.insert(en.clone(), "Article 1".to_owned()), None);
/// assert_eq!(label.get(&en).map(String::as_str), Some("Article 1"));
/// assert_eq!(label.keys().map(Lang::as_str).collect::<Vec<_>>(), ["en", "zh"]);
/// assert_eq!(label.len(), 2);
/// assert_eq!(label.remove(&zh).as_deref(), Some("第一条"));
/// assert!(!label.contains_key(&zh));
/// assert_eq!(format!("{label:?}"), r#"{Lang("en"): "Article 1"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Texts(Repr);

/// The pairs of a [`Texts`], sorted by tag, tags unique: one inline (no allocation; the
/// tag's spare bits hold the variant, so this is no larger than the pair), or a vector (none
/// or several).
#[derive(Clone)]
enum Repr {
    One([(Lang, String); 1]),
    Many(Vec<(Lang, String)>),
}

impl Texts {
    /// No text in any language.
    pub const fn new() -> Texts {
        Texts(Repr::Many(Vec::new()))
    }

    /// Sorted pairs with unique tags, held the compact way.
    fn from_sorted(mut pairs: Vec<(Lang, String)>) -> Texts {
        if pairs.len() == 1 {
            let pair = pairs.pop().expect("one pair");
            return Texts(Repr::One([pair]));
        }
        pairs.shrink_to_fit();
        Texts(Repr::Many(pairs))
    }

    fn as_slice(&self) -> &[(Lang, String)] {
        match &self.0 {
            Repr::One(one) => one,
            Repr::Many(many) => many,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [(Lang, String)] {
        match &mut self.0 {
            Repr::One(one) => one,
            Repr::Many(many) => many,
        }
    }

    /// The pairs as a vector, leaving `self` empty.
    fn take(&mut self) -> Vec<(Lang, String)> {
        match std::mem::replace(&mut self.0, Repr::Many(Vec::new())) {
            Repr::One([pair]) => vec![pair],
            Repr::Many(many) => many,
        }
    }

    /// How many languages have a text.
    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    /// Whether no language has a text.
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    fn find(&self, lang: &Lang) -> Result<usize, usize> {
        self.as_slice().binary_search_by(|(l, _)| l.cmp(lang))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: &Lang) -> Option<&String> {
        self.find(lang).ok().map(|i| &self.as_slice()[i].1)
    }

    /// The text in `lang`, to change it.
    pub fn get_mut(&mut self, lang: &Lang) -> Option<&mut String> {
        let i = self.find(lang).ok()?;
        Some(&mut self.as_mut_slice()[i].1)
    }

    /// The tag and the text in `lang`.
    pub fn get_key_value(&self, lang: &Lang) -> Option<(&Lang, &String)> {
        self.find(lang).ok().map(|i| {
            let (l, t) = &self.as_slice()[i];
            (l, t)
        })
    }

    /// Whether `lang` has a text.
    pub fn contains_key(&self, lang: &Lang) -> bool {
        self.find(lang).is_ok()
    }

    /// Sets the text in `lang`, returning the text it replaces.
    pub fn insert(&mut self, lang: Lang, text: String) -> Option<String> {
        match self.find(&lang) {
            Ok(i) => Some(std::mem::replace(&mut self.as_mut_slice()[i].1, text)),
            Err(i) => {
                let mut pairs = self.take();
                if pairs.is_empty() {
                    self.0 = Repr::One([(lang, text)]);
                    return None;
                }
                // One more slot, not the four a growing vector takes.
                pairs.reserve_exact(1);
                pairs.insert(i, (lang, text));
                self.0 = Repr::Many(pairs);
                None
            }
        }
    }

    /// Removes the text in `lang`, returning it.
    pub fn remove(&mut self, lang: &Lang) -> Option<String> {
        let i = self.find(lang).ok()?;
        let mut pairs = self.take();
        let (_, text) = pairs.remove(i);
        *self = Texts::from_sorted(pairs);
        Some(text)
    }

    /// The first language (in tag order) and its text.
    pub fn first_key_value(&self) -> Option<(&Lang, &String)> {
        self.as_slice().first().map(|(l, t)| (l, t))
    }

    /// The languages and their texts, in tag order.
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&Lang, &String)> + ExactSizeIterator + Clone + '_ {
        self.as_slice().iter().map(|(l, t)| (l, t))
    }

    /// The languages, in tag order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Lang> + ExactSizeIterator + Clone + '_ {
        self.as_slice().iter().map(|(l, _)| l)
    }

    /// The texts, in tag order of their languages.
    pub fn values(
        &self,
    ) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator + Clone + '_ {
        self.as_slice().iter().map(|(_, t)| t)
    }

    /// The texts, to change them.
    pub fn values_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut String> + ExactSizeIterator + '_ {
        self.as_mut_slice().iter_mut().map(|(_, t)| t)
    }

    /// Keeps the languages and texts for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&Lang, &mut String) -> bool) {
        let mut pairs = self.take();
        pairs.retain_mut(|(l, t)| keep(l, t));
        *self = Texts::from_sorted(pairs);
    }
}

impl Default for Texts {
    fn default() -> Texts {
        Texts::new()
    }
}

/// As a map: `{Lang("en"): "Article 1"}`.
impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Texts {}

impl std::hash::Hash for Texts {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl PartialOrd for Texts {
    fn partial_cmp(&self, other: &Texts) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Pair by pair in tag order, as maps compare.
impl Ord for Texts {
    fn cmp(&self, other: &Texts) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl FromIterator<(Lang, String)> for Texts {
    fn from_iter<I: IntoIterator<Item = (Lang, String)>>(iter: I) -> Texts {
        let mut pairs: Vec<(Lang, String)> = iter.into_iter().collect();
        // Stable, so of pairs with one tag the last stays last; keep it, as a map would.
        pairs.sort_by(|x, y| x.0.cmp(&y.0));
        let mut out: Vec<(Lang, String)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match out.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => out.push(pair),
            }
        }
        Texts::from_sorted(out)
    }
}

/// The text in a language the map is known to hold.
///
/// # Panics
///
/// When `lang` has no text, as a map's index does; [`Texts::get`] does not.
impl std::ops::Index<&Lang> for Texts {
    type Output = String;
    fn index(&self, lang: &Lang) -> &String {
        self.get(lang)
            .unwrap_or_else(|| panic!("no text in `{lang}`"))
    }
}

impl<const N: usize> From<[(Lang, String); N]> for Texts {
    fn from(pairs: [(Lang, String); N]) -> Texts {
        pairs.into_iter().collect()
    }
}

impl Extend<(Lang, String)> for Texts {
    fn extend<I: IntoIterator<Item = (Lang, String)>>(&mut self, iter: I) {
        for (lang, text) in iter {
            self.insert(lang, text);
        }
    }
}

impl IntoIterator for Texts {
    type Item = (Lang, String);
    type IntoIter = std::vec::IntoIter<(Lang, String)>;
    fn into_iter(mut self) -> Self::IntoIter {
        self.take().into_iter()
    }
}

impl<'a> IntoIterator for &'a Texts {
    type Item = (&'a Lang, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Lang, String)>,
        fn(&'a (Lang, String)) -> (&'a Lang, &'a String),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter().map(|(l, t)| (l, t))
    }
}

impl Serialize for Texts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Texts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from language tag to text")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Texts, A::Error> {
                let mut out = Texts::new();
                while let Some((lang, text)) = map.next_entry::<Lang, String>()? {
                    out.insert(lang, text);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Visit)
    }
}

/// The schema of a map from language tag to text, as for `BTreeMap<Lang, String>`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Texts {
    fn inline_schema() -> bool {
        <std::collections::BTreeMap<Lang, String> as schemars::JsonSchema>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<Lang, String> as schemars::JsonSchema>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<Lang, String> as schemars::JsonSchema>::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<Lang, String> as schemars::JsonSchema>::json_schema(g)
    }
}
#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::{Lang, Texts};

    /// One step on a map of texts.
    #[derive(Debug, Clone)]
    enum Op {
        Insert(usize, String),
        Remove(usize),
        Retain(usize),
        Set(usize, String),
    }

    const TAGS: [&str; 4] = ["en", "fr", "zh", "zh-hant-hk-x-a-long-private-tag"];

    fn lang(i: usize) -> Lang {
        Lang::new(TAGS[i % TAGS.len()]).unwrap()
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..4usize, "[a-c]{0,3}").prop_map(|(i, t)| Op::Insert(i, t)),
            (0..4usize).prop_map(Op::Remove),
            (0..4usize).prop_map(Op::Retain),
            (0..4usize, "[a-c]{0,3}").prop_map(|(i, t)| Op::Set(i, t)),
        ]
    }

    proptest! {
        /// Whatever is done to it, `Texts` holds, finds, orders, compares, prints and
        /// serializes as the `BTreeMap<Lang, String>` it replaced.
        #[test]
        fn texts_behave_as_the_map_they_replaced(
            start in proptest::collection::vec((0..4usize, "[a-c]{0,3}"), 0..5),
            ops in proptest::collection::vec(op(), 0..12),
        ) {
            let pairs: Vec<(Lang, String)> =
                start.iter().map(|(i, t)| (lang(*i), t.clone())).collect();
            let mut texts: Texts = pairs.iter().cloned().collect();
            let mut map: BTreeMap<Lang, String> = pairs.into_iter().collect();
            for op in ops {
                match op {
                    Op::Insert(i, t) => {
                        prop_assert_eq!(texts.insert(lang(i), t.clone()), map.insert(lang(i), t));
                    }
                    Op::Remove(i) => prop_assert_eq!(texts.remove(&lang(i)), map.remove(&lang(i))),
                    Op::Retain(i) => {
                        texts.retain(|l, _| *l != lang(i));
                        map.retain(|l, _| *l != lang(i));
                    }
                    Op::Set(i, t) => {
                        if let (Some(a), Some(b)) = (texts.get_mut(&lang(i)), map.get_mut(&lang(i))) {
                            a.clone_from(&t);
                            *b = t;
                        }
                    }
                }
                prop_assert_eq!(texts.len(), map.len());
                prop_assert_eq!(texts.is_empty(), map.is_empty());
                prop_assert!(texts.iter().eq(map.iter()));
                prop_assert_eq!(texts.first_key_value(), map.first_key_value());
                for i in 0..TAGS.len() {
                    prop_assert_eq!(texts.get(&lang(i)), map.get(&lang(i)));
                    prop_assert_eq!(texts.contains_key(&lang(i)), map.contains_key(&lang(i)));
                }
            }
            prop_assert_eq!(format!("{texts:?}"), format!("{map:?}"));
            prop_assert_eq!(
                serde_json::to_string(&texts).unwrap(),
                serde_json::to_string(&map).unwrap()
            );
            let back: Texts = serde_json::from_str(&serde_json::to_string(&map).unwrap()).unwrap();
            prop_assert_eq!(&back, &texts);
            let other: Texts = map.iter().rev().map(|(l, t)| (l.clone(), t.clone())).collect();
            prop_assert_eq!(&other, &texts);
            let rebuilt: BTreeMap<Lang, String> = texts.clone().into_iter().collect();
            prop_assert_eq!(rebuilt, map);
        }
    }

    #[test]
    fn the_last_pair_of_a_tag_wins_as_in_a_map() {
        let (en, zh) = (lang(0), lang(2));
        let texts = Texts::from([
            (zh.clone(), "一".to_owned()),
            (en.clone(), "one".to_owned()),
            (zh.clone(), "二".to_owned()),
        ]);
        assert_eq!(texts.get(&zh).map(String::as_str), Some("二"));
        assert_eq!(
            texts.keys().map(Lang::as_str).collect::<Vec<_>>(),
            ["en", "zh"]
        );
        assert!(Texts::from([(en, "one".to_owned())]) < texts);
    }

    #[test]
    fn a_long_tag_is_kept_whole() {
        let tag = "zh-hant-hk-x-a-long-private-tag";
        assert!(tag.len() > 23, "longer than a tag held inline");
        assert_eq!(Lang::new(&tag.to_uppercase()).unwrap().as_str(), tag);
        assert!(Lang::new(tag).unwrap().is_cjk());
    }
}
