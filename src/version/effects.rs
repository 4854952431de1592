//! Amendment effects: what a version diff means, as a legislative analyst records it
//! (renumbered, words substituted, inserted or repealed, provisions inserted or repealed,
//! split, merged), each with the provisions it affects and, for words, the words.

use std::fmt;

use serde::Serialize;

use super::{VersionDiff, VersionEntry, VersionStatus};
use crate::diff::{ChangeTag, TextDiff};
use crate::model::ProvisionId;

/// The kind of an amendment effect, with a stable kebab-case [`code`](EffectKind::code).
///
/// ```
/// use lexgap::version::EffectKind;
/// let codes: Vec<&str> = EffectKind::ALL.iter().map(|k| k.code()).collect();
/// assert_eq!(codes[..2], ["renumbered", "words-substituted"]);
/// assert_eq!(EffectKind::Split.to_string(), "split");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EffectKind {
    /// A provision kept under another number.
    Renumbered,
    /// Words replaced by others.
    WordsSubstituted,
    /// Words added.
    WordsInserted,
    /// Words taken out.
    WordsRepealed,
    /// A new provision, with no counterpart in the old version.
    ProvisionInserted,
    /// An old provision with no counterpart in the new version.
    ProvisionRepealed,
    /// One old provision became several new ones.
    Split,
    /// Several old provisions became one new one.
    Merged,
}

impl EffectKind {
    /// Every kind.
    pub const ALL: [EffectKind; 8] = [
        EffectKind::Renumbered,
        EffectKind::WordsSubstituted,
        EffectKind::WordsInserted,
        EffectKind::WordsRepealed,
        EffectKind::ProvisionInserted,
        EffectKind::ProvisionRepealed,
        EffectKind::Split,
        EffectKind::Merged,
    ];

    /// The stable kebab-case code.
    ///
    /// ```
    /// use lexgap::version::EffectKind;
    /// assert_eq!(EffectKind::WordsSubstituted.code(), "words-substituted");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            EffectKind::Renumbered => "renumbered",
            EffectKind::WordsSubstituted => "words-substituted",
            EffectKind::WordsInserted => "words-inserted",
            EffectKind::WordsRepealed => "words-repealed",
            EffectKind::ProvisionInserted => "provision-inserted",
            EffectKind::ProvisionRepealed => "provision-repealed",
            EffectKind::Split => "split",
            EffectKind::Merged => "merged",
        }
    }

    /// What the kind means, in one line (the legend of a list of effects).
    ///
    /// ```
    /// use lexgap::version::EffectKind;
    /// assert_eq!(EffectKind::WordsRepealed.definition(), "words taken out of the provision");
    /// ```
    pub fn definition(self) -> &'static str {
        match self {
            EffectKind::Renumbered => "the provision kept under another number",
            EffectKind::WordsSubstituted => "the old words replaced by the new ones",
            EffectKind::WordsInserted => "words added to the provision",
            EffectKind::WordsRepealed => "words taken out of the provision",
            EffectKind::ProvisionInserted => {
                "a new provision, with no counterpart in the old version"
            }
            EffectKind::ProvisionRepealed => {
                "an old provision, with no counterpart in the new version"
            }
            EffectKind::Split => "one old provision became several new ones",
            EffectKind::Merged => "several old provisions became one new one",
        }
    }
}

impl fmt::Display for EffectKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One amendment effect: its kind, the old provisions it affects, the new provisions that
/// result, and for a word-level effect the old and the new words.
///
/// ```
/// use lexgap::version::{EffectKind, VersionDiff};
///
/// let corpus = lexgap::Corpus::bundled();
/// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
/// let effects = diff.effects();
/// let sub = effects
///     .iter()
///     .find(|e| e.kind() == EffectKind::WordsSubstituted && e.old_words() == Some("公开或者向他人提供"))
///     .expect("recorded");
/// assert_eq!(sub.new_words(), Some("用于其他目的"));
/// assert_eq!(sub.old_ids()[0].to_string(), "cn/pipl-draft-2020/art-27");
/// assert_eq!(sub.new_ids()[0].to_string(), "cn/pipl/art-26");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct AmendmentEffect<'a> {
    kind: EffectKind,
    old: Vec<&'a ProvisionId>,
    new: Vec<&'a ProvisionId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_words: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_words: Option<String>,
}

impl<'a> AmendmentEffect<'a> {
    /// The kind of effect.
    pub fn kind(&self) -> EffectKind {
        self.kind
    }
    /// The old provisions affected (none for an inserted provision).
    pub fn old_ids(&self) -> &[&'a ProvisionId] {
        &self.old
    }
    /// The new provisions that result (none for a repealed provision).
    pub fn new_ids(&self) -> &[&'a ProvisionId] {
        &self.new
    }
    /// The words taken out or replaced, for a word-level effect.
    pub fn old_words(&self) -> Option<&str> {
        self.old_words.as_deref()
    }
    /// The words put in, for a word-level effect.
    pub fn new_words(&self) -> Option<&str> {
        self.new_words.as_deref()
    }
}

/// The word-level effects of a text diff: each run of changes between kept text is a
/// substitution (deleted and inserted words), an insertion or a repeal. Runs that change only
/// white space or only the Unicode normalisation are not amendments and are left out.
fn word_effects<'a>(
    text: &TextDiff<'_>,
    old: &[&'a ProvisionId],
    new: &[&'a ProvisionId],
    out: &mut Vec<AmendmentEffect<'a>>,
) {
    let mut run: Option<(String, String, bool)> = None;
    let mut flush = |run: Option<(String, String, bool)>| {
        let Some((deleted, inserted, normalization_only)) = run else {
            return;
        };
        let (d, i) = (deleted.trim(), inserted.trim());
        let kind = match (d.is_empty(), i.is_empty()) {
            _ if normalization_only => return,
            (true, true) => return,
            (false, false) => EffectKind::WordsSubstituted,
            (false, true) => EffectKind::WordsRepealed,
            (true, false) => EffectKind::WordsInserted,
        };
        let words = |w: &str| (!w.is_empty()).then(|| w.to_owned());
        out.push(AmendmentEffect {
            kind,
            old: old.to_vec(),
            new: new.to_vec(),
            old_words: words(d),
            new_words: words(i),
        });
    };
    for c in text.iter_changes() {
        match c.tag() {
            ChangeTag::Equal => flush(run.take()),
            tag => {
                let r = run.get_or_insert_with(|| (String::new(), String::new(), true));
                r.2 &= c.is_normalization_only();
                if tag == ChangeTag::Delete {
                    r.0.push_str(c.value());
                } else {
                    r.1.push_str(c.value());
                }
            }
        }
    }
    flush(run);
}

/// The effects of one entry of a version diff: its structural effect first, then its
/// word-level effects in the order of the text.
fn entry_effects<'a>(e: &VersionEntry<'a>, out: &mut Vec<AmendmentEffect<'a>>) {
    let old: Vec<&'a ProvisionId> = e.old.iter().map(|p| &p.id).collect();
    let new: Vec<&'a ProvisionId> = e.new.iter().map(|p| &p.id).collect();
    let effect = |kind| AmendmentEffect {
        kind,
        old: old.clone(),
        new: new.clone(),
        old_words: None,
        new_words: None,
    };
    match e.status {
        VersionStatus::Unchanged | VersionStatus::NotInCorpus => {}
        VersionStatus::Added => out.push(effect(EffectKind::ProvisionInserted)),
        VersionStatus::Removed => out.push(effect(EffectKind::ProvisionRepealed)),
        VersionStatus::Renumbered => out.push(effect(EffectKind::Renumbered)),
        VersionStatus::Amended | VersionStatus::Split | VersionStatus::Merged => {
            match e.status {
                VersionStatus::Split => out.push(effect(EffectKind::Split)),
                VersionStatus::Merged => out.push(effect(EffectKind::Merged)),
                _ if e.renumbered => out.push(effect(EffectKind::Renumbered)),
                _ => {}
            }
            if let Some(text) = e.text_diff() {
                word_effects(&text, &old, &new, out);
            }
        }
    }
}

impl<'a> VersionDiff<'a> {
    /// The amendment effects, entry by entry, as a legislative analyst records them: for each
    /// entry its structural effect (renumbered, split, merged, provision inserted or
    /// repealed), then its word-level effects from the entry's
    /// [text diff](VersionEntry::text_diff) (a split or a merge as a whole): a deleted run
    /// beside an inserted one is a substitution. Unchanged entries, and entries whose
    /// counterpart the corpus may not hold ([`VersionStatus::NotInCorpus`]), have none.
    ///
    /// ```
    /// use lexgap::version::{EffectKind, VersionDiff};
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
    /// let split = diff.effects().into_iter().find(|e| e.kind() == EffectKind::Split).expect("art. 54");
    /// let ids: Vec<&str> = split.new_ids().iter().map(|id| id.local()).collect();
    /// assert_eq!(ids, ["art-55", "art-56"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn effects(&self) -> Vec<AmendmentEffect<'a>> {
        let mut out = Vec::new();
        for e in &self.entries {
            entry_effects(e, &mut out);
        }
        out
    }
}
