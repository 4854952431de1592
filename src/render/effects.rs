//! The amendment effects of a version diff ([`VersionDiff::effects`]) as a list: one row per
//! effect, with the provisions affected and the words.

use serde::Serialize;

use super::{Cell, Render, Sheet, Tone};
use crate::model::{Instrument, ProvisionId};
use crate::version::{AmendmentEffect, EffectKind, VersionDiff};

fn ser_inst<S: serde::Serializer>(i: &&Instrument, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&i.id)
}

/// The amendment effects of a version diff, as a legislative analyst records them: effect,
/// old provisions, new provisions, old words, new words.
///
/// ```
/// use lexgap::render::{EffectList, Format, View};
/// use lexgap::version::VersionDiff;
///
/// let corpus = lexgap::Corpus::bundled();
/// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
/// let csv = View::new(&EffectList::new(&diff), Format::Csv).to_string();
/// assert!(csv.contains("words-substituted,art-27,art-26,公开或者向他人提供,用于其他目的"), "{csv}");
/// assert!(csv.contains("split,art-54,art-55 + art-56,,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct EffectList<'a> {
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    old: &'a Instrument,
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    new: &'a Instrument,
    effects: Vec<AmendmentEffect<'a>>,
}

impl<'a> EffectList<'a> {
    /// The effects of a version diff ([`VersionDiff::effects`]).
    pub fn new(diff: &VersionDiff<'a>) -> EffectList<'a> {
        EffectList {
            old: diff.old_instrument(),
            new: diff.new_instrument(),
            effects: diff.effects(),
        }
    }

    /// The effects, entry by entry.
    pub fn effects(&self) -> &[AmendmentEffect<'a>] {
        &self.effects
    }
}

fn local_ids(ids: &[&ProvisionId]) -> String {
    ids.iter()
        .map(|p| p.local())
        .collect::<Vec<_>>()
        .join(" + ")
}

impl Render for EffectList<'_> {
    const KIND: &'static str = "amendment-effects";

    fn title(&self) -> String {
        format!(
            "{} → {}: amendment effects",
            self.old.short_title, self.new.short_title
        )
    }

    fn legend(&self) -> Vec<String> {
        let mut kinds: Vec<EffectKind> = self.effects.iter().map(|e| e.kind()).collect();
        kinds.sort();
        kinds.dedup();
        kinds
            .iter()
            .map(|k| format!("{} = {}", k.code(), k.definition()))
            .collect()
    }

    fn sheets(&self) -> Vec<Sheet> {
        vec![Sheet {
            title: self.title(),
            headers: ["effect", "old", "new", "old words", "new words"]
                .map(String::from)
                .to_vec(),
            rows: self
                .effects
                .iter()
                .map(|e| {
                    vec![
                        Cell::plain(e.kind().code()),
                        Cell::plain(local_ids(e.old_ids())),
                        Cell::plain(local_ids(e.new_ids())),
                        Cell::toned(e.old_words().unwrap_or_default(), Tone::Delete),
                        Cell::toned(e.new_words().unwrap_or_default(), Tone::Insert),
                    ]
                })
                .collect(),
        }]
    }
}
