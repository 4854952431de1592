//! How two provisions differ: in their words (a text diff) and in their legal substance (a
//! structural diff of the norms read from them). How two versions of an instrument differ,
//! article by article, is [`crate::version`].
//!
//! [`crate::align`] decides *which* provisions to put side by side; this module says *how* they
//! differ; [`crate::classify`] says which protection one lacks against the other.
//!
//! ```
//! use lexgap::diff::ProvisionDiff;
//! use lexgap::model::Purpose;
//!
//! let corpus = lexgap::Corpus::bundled();
//! let draft = corpus.locate("cn/pipl-draft-2020/art-27")?;
//! let law = corpus.locate("cn/pipl/art-26")?;
//! let diff = ProvisionDiff::new(draft, law);
//! assert_eq!(diff.lang().map(|l| l.as_str()), Some("zh"));
//! assert!(diff.text().deleted().any(|d| d.contains("公开或者向他人提供")));
//! assert!(diff.text().inserted().any(|i| i.contains("用于其他目的")));
//! assert_eq!(diff.structure().grounds_dropped(), [Purpose::OtherLaw]);
//! assert!(diff.similarity() > 0.8);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Text diffs
//!
//! [`TextDiff`] compares lines first and then, inside changed lines only, words (spaced
//! scripts) or characters (Chinese, Japanese, Korean), through `similar`. That keeps long texts
//! fast (the way `git diff --word-diff` works) and gives inline changes inside changed lines.
//! [`text_diff`] diffs two plain strings.
//!
//! ## A budget of steps, not a deadline
//!
//! Diffing is `O((n + m) · d)` in the number of tokens and the number of differences: two
//! long, much changed texts can take very long. A diff therefore does at most a fixed amount
//! of work, counted in *steps* (one token or line hashed, one pair of tokens compared, one
//! diagonal visited by the search), never in time: the same two texts give the same diff on
//! every run and every machine. The budget is [`DEFAULT_BUDGET`] steps; a
//! [`timeout`](DiffOptions::timeout) is turned into a budget at [`STEPS_PER_SECOND`],
//! so that the default one-second [`DEFAULT_TIMEOUT`] is the default budget.
//!
//! Within the budget the diff is the one the patience algorithm finds, exactly as `similar`
//! computes it (the search is `similar`'s, ported so that it can count its steps; where the
//! tokens that occur once on each side have only one longest common run, that run is what
//! its first search would match, so it is found by patience sorting instead, at a step a
//! token, and the search skipped). When a
//! search would exceed the budget, it gives up and that part of the texts is compared
//! coarsely instead, and the diff says so ([`TextDiff::is_approximate`],
//! [`TextDiff::approximation`]):
//!
//! 1. the lines are paired, then the words or characters compared inside each run of changed
//!    lines, the smallest runs first, as long as the budget lasts;
//! 2. a run (or the line diff itself) that does not fit is compared coarsely: its common
//!    prefix and suffix are kept; the tokens that occur once on each side, or (when those are
//!    scarce, as in repetitive text) the runs of eight tokens that do, anchor the rest in
//!    order; and each stretch between anchors is diffed by a Myers search capped at 256
//!    differences a split (as GNU diff's heuristic), from a second budget of the same size;
//! 3. a stretch too large for what is left of that budget is compared coarsely again, with
//!    anchors unique within it, up to eight levels deep; at the last level, or without
//!    anchors, the capped search spends what is left and replaces the rest of each stretch
//!    past its common prefix and suffix.
//!
//! Nothing that is shared and can be told apart is replaced wholesale, so the
//! [`similarity`](TextDiff::similarity) of an approximate diff still reflects what the texts
//! share. A diff costs at most twice its budget plus a few passes over the input at each level
//! ([`TextDiff::steps`]).
//!
//! ## Grapheme clusters
//!
//! Tokens are made of whole grapheme clusters (as `similar`'s `unicode` feature segments them):
//! by characters, each cluster is a token (`e` with a combining accent is one), and by words,
//! a cluster belongs to the word, space or punctuation run of its first character, so that
//! no accent is ever diffed apart from its letter.
//!
//! ## Unicode normalisation
//!
//! The texts are compared as they are, not normalised: a change always rebuilds both texts
//! byte for byte. A change whose two sides are canonically equivalent (the same text in NFC
//! and in NFD, say `café` with `é` precomposed or as `e` and a combining accent) is flagged
//! instead ([`TextOp::is_normalization_only`], [`Change::is_normalization_only`]); renderers
//! say "Unicode normalisation only", and [`similarity`](TextDiff::similarity) counts it as
//! kept. The check compares the canonical decompositions (NFD) of both sides, by the
//! `unicode-normalization` crate.
//!
//! # Structural diffs
//!
//! [`StructuralDiff`] matches the norms of the two provisions and lists, for each pair, the
//! actors, data, activities and purposes added, removed, widened or narrowed, the safeguards
//! added, removed or weakened, and the exceptions (and their grounds) added or dropped.
//!
//! # Similarity
//!
//! [`TextDiff::similarity`] scores a diff of two *bodies* of text (the share of characters the
//! diff keeps). Short strings such as headings and labels are compared with `strsim` instead
//! (in [`crate::align`]), which needs no diff at all.

mod search;
mod structure;
mod text;

use std::time::Duration;

use serde::Serialize;

use crate::model::{Lang, Located, Provision, ProvisionId, compared_lang};

pub use structure::{
    Hierarchy, NormChange, NormDiff, NormStatus, SafeguardChange, StructuralDiff, TermChange,
};
pub use text::{
    Change, ChangeTag, DEFAULT_BUDGET, DEFAULT_TIMEOUT, Granularity, LineOp, OpTag,
    STEPS_PER_SECOND, TextDiff, TextOp, text_diff,
};

/// Options for text and provision diffs.
///
/// ```
/// use std::time::Duration;
/// use lexgap::diff::{DiffOptions, Granularity};
/// use lexgap::model::Lang;
///
/// let corpus = lexgap::Corpus::bundled();
/// let (old, new) = (corpus.locate("cn/pipl-draft-2020/art-1")?, corpus.locate("cn/pipl/art-1")?);
/// let diff = DiffOptions::new()
///     .timeout(Duration::from_millis(200))
///     .prefer_lang(Lang::new("en")?)
///     .diff_provisions(old, new);
/// assert_eq!(diff.lang().map(Lang::as_str), Some("en"));
/// assert_eq!(diff.text().granularity(), Granularity::Words);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DiffOptions {
    budget: u64,
    langs: Vec<Lang>,
    granularity: Option<Granularity>,
    cleanup: bool,
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions::new()
    }
}

impl DiffOptions {
    /// The defaults: a budget of [`DEFAULT_BUDGET`] steps (what [`DEFAULT_TIMEOUT`], one
    /// second, buys), no language preference, granularity by language, semantic clean-up on.
    pub const fn new() -> DiffOptions {
        DiffOptions {
            budget: DEFAULT_BUDGET,
            langs: Vec::new(),
            granularity: None,
            cleanup: true,
        }
    }

    /// How much work one diff may do before it settles for an approximate result, given as
    /// a time: it buys a budget of steps at the fixed rate of [`STEPS_PER_SECOND`] (default
    /// [`DEFAULT_TIMEOUT`], one second). The budget is counted in steps, not on the clock, so
    /// that the same options give the same diff on any machine and under any load.
    pub fn timeout(&mut self, timeout: Duration) -> &mut DiffOptions {
        self.budget = text::budget_for(timeout);
        self
    }

    /// The same as a number of steps (default [`DEFAULT_BUDGET`]); see
    /// [`TextDiff::steps`] for what a step is.
    ///
    /// ```
    /// use lexgap::diff::DiffOptions;
    /// let diff = DiffOptions::new().budget(0).diff_texts("a b c", "a x c", None);
    /// assert_eq!(diff.budget(), 0);
    /// assert!(diff.is_approximate(), "{:?}", diff.approximation());
    /// ```
    pub fn budget(&mut self, steps: u64) -> &mut DiffOptions {
        self.budget = steps;
        self
    }

    /// Prefers `lang` when both provisions have a text in it. Call it several times to give
    /// an order of preference. Without a preference (the default), or when both have a text
    /// in none of them, the language is chosen as [`Located::compared_lang`] chooses it.
    pub fn prefer_lang(&mut self, lang: Lang) -> &mut DiffOptions {
        if !self.langs.contains(&lang) {
            self.langs.push(lang);
        }
        self
    }

    /// Diffs by this unit whatever the language (default: characters for Chinese, Japanese
    /// and Korean, words otherwise; see [`Granularity::for_lang`]).
    pub fn granularity(&mut self, granularity: Granularity) -> &mut DiffOptions {
        self.granularity = Some(granularity);
        self
    }

    /// Whether to fold short equal runs between changes into the changes (default on), so
    /// that 向他人提供 → 用于其他目的 reads as one replacement rather than three around a
    /// shared 他.
    pub fn semantic_cleanup(&mut self, yes: bool) -> &mut DiffOptions {
        self.cleanup = yes;
        self
    }

    /// Diffs two plain texts; `lang`, when given, chooses the granularity, else the script of
    /// the texts does.
    ///
    /// ```
    /// use lexgap::diff::DiffOptions;
    /// let diff = DiffOptions::new().semantic_cleanup(false).diff_texts("向他人提供", "用于其他目的", None);
    /// assert_eq!(diff.deleted().collect::<Vec<_>>(), ["向", "人提供"]);
    /// ```
    pub fn diff_texts<'a>(&self, old: &'a str, new: &'a str, lang: Option<&Lang>) -> TextDiff<'a> {
        let granularity = self.granularity.unwrap_or_else(|| match lang {
            Some(l) => Granularity::for_lang(l),
            None => Granularity::detect_pair(old, new),
        });
        TextDiff::compute_within(old, new, granularity, self.budget, self.cleanup)
    }

    /// Diffs two provisions: their norms, and their texts in the language both have that
    /// comes first among the [preferred](DiffOptions::prefer_lang) ones, else by the one
    /// policy of [`Located::compared_lang`] (authentic texts first).
    pub fn diff_provisions<'a>(&self, old: Located<'a>, new: Located<'a>) -> ProvisionDiff<'a> {
        let common = compared_lang(&self.langs, old, new);
        let (located_old, located_new) = (old, new);
        let (old, new) = (old.provision(), new.provision());
        let (old_lang, new_lang, text) = match common {
            Some(lang) => (
                Some(lang.clone()),
                Some(lang.clone()),
                self.diff_texts(&old.text[lang], &new.text[lang], Some(lang)),
            ),
            None => {
                let pick = |p: &'a Provision| -> Option<(&'a Lang, &'a str)> {
                    self.langs
                        .iter()
                        .find_map(|l| p.text.get_key_value(l))
                        .or_else(|| p.text.iter().next())
                        .map(|(l, t)| (l, t.as_str()))
                };
                let (ol, ot) = pick(old).map_or((None, ""), |(l, t)| (Some(l.clone()), t));
                let (nl, nt) = pick(new).map_or((None, ""), |(l, t)| (Some(l.clone()), t));
                let granularity = self
                    .granularity
                    .unwrap_or_else(|| Granularity::detect_pair(ot, nt));
                (ol, nl, TextDiff::unrelated(ot, nt, granularity))
            }
        };
        ProvisionDiff {
            old: located_old,
            new: located_new,
            old_lang,
            new_lang,
            text,
            structure: StructuralDiff::new(old, new),
        }
    }
}

fn ser_id<S: serde::Serializer>(p: &Located<'_>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&p.id)
}

/// How two provisions differ, in their text and in their norms.
///
/// ```
/// let corpus = lexgap::Corpus::bundled();
/// let art9 = corpus.locate("eu/gdpr/art-9")?;
/// let same = lexgap::ProvisionDiff::new(art9, art9);
/// assert!(same.is_empty());
/// assert_eq!(same.similarity(), 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct ProvisionDiff<'a> {
    #[serde(serialize_with = "ser_id")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    old: Located<'a>,
    #[serde(serialize_with = "ser_id")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    new: Located<'a>,
    old_lang: Option<Lang>,
    new_lang: Option<Lang>,
    text: TextDiff<'a>,
    structure: StructuralDiff<'a>,
}

impl<'a> ProvisionDiff<'a> {
    /// Diffs two provisions with the default [`DiffOptions`]: in the language
    /// [`Located::compared_lang`] chooses, so the draft PIPL's art. 1 and the PIPL's are
    /// compared in the authentic Chinese, not in two different English translations.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let (draft, law) = (corpus.locate("cn/pipl-draft-2020/art-1")?, corpus.locate("cn/pipl/art-1")?);
    /// let diff = lexgap::ProvisionDiff::new(draft, law);
    /// assert_eq!(diff.lang().map(|l| l.as_str()), Some("zh"));
    /// assert!(diff.text().inserted().any(|t| t.contains("根据宪法")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(old: Located<'a>, new: Located<'a>) -> ProvisionDiff<'a> {
        DiffOptions::new().diff_provisions(old, new)
    }

    /// Options, for a diff with another timeout, language or granularity.
    pub fn configure() -> DiffOptions {
        DiffOptions::new()
    }

    /// The old provision.
    pub fn old_provision(&self) -> &'a Provision {
        self.old.provision()
    }

    /// The new provision.
    pub fn new_provision(&self) -> &'a Provision {
        self.new.provision()
    }

    /// The language whose texts were compared, when the two provisions have one in common;
    /// `None` when they have not (the text diff then just shows one text replaced by the
    /// other, and [`similarity`](ProvisionDiff::similarity) is 0).
    pub fn lang(&self) -> Option<&Lang> {
        match (&self.old_lang, &self.new_lang) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// The language of the old text shown.
    pub fn old_lang(&self) -> Option<&Lang> {
        self.old_lang.as_ref()
    }

    /// The language of the new text shown.
    pub fn new_lang(&self) -> Option<&Lang> {
        self.new_lang.as_ref()
    }

    /// The old text that was compared.
    pub fn old_text(&self) -> &'a str {
        self.text.old()
    }

    /// The new text that was compared.
    pub fn new_text(&self) -> &'a str {
        self.text.new()
    }

    /// The text diff.
    pub fn text(&self) -> &TextDiff<'a> {
        &self.text
    }

    /// The structural diff of the norms.
    pub fn structure(&self) -> &StructuralDiff<'a> {
        &self.structure
    }

    /// The text similarity, from 0 to 1 ([`TextDiff::similarity`]); 0 when the provisions
    /// share no language. Symmetric.
    pub fn similarity(&self) -> f64 {
        if self.lang().is_some() {
            self.text.similarity()
        } else {
            0.0
        }
    }

    /// The runs of kept, deleted and inserted text ([`TextDiff::iter_changes`]).
    pub fn iter_changes(&self) -> impl Iterator<Item = Change<'a>> + '_ {
        self.text.iter_changes()
    }

    /// Whether neither the text nor the norms changed.
    pub fn is_empty(&self) -> bool {
        self.lang().is_some() && self.text.is_unchanged() && self.structure.is_empty()
    }

    /// Whether the provisions have different ids (renumbered or moved).
    pub fn is_renumbered(&self) -> bool {
        self.old.id.local() != self.new.id.local()
    }

    /// The ids of the two provisions.
    pub fn ids(&self) -> (&'a ProvisionId, &'a ProvisionId) {
        (&self.old.provision().id, &self.new.provision().id)
    }
}
