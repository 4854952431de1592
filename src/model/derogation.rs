//! Derogations: see the [model's docs](crate::model#derogations).

use serde::{Deserialize, Serialize};

use super::{
    Activity, Actor, DataCategory, Delegate, DerogationForm, Evidence, InstrumentId, Provision,
    ProvisionId, Purpose, Right, Safeguard, SafeguardKind,
};

/// A quote that may stand in another provision of the same instrument (a definition), cited
/// by id; `provision` is `None` when it stands where the derogation does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Quoted {
    /// The provision the quote stands in, when it is not the derogation's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionId>,
    /// The words quoted.
    pub evidence: Evidence,
}

impl Quoted {
    /// A quote of the provision the derogation stands in.
    pub fn here(evidence: Evidence) -> Quoted {
        Quoted {
            provision: None,
            evidence,
        }
    }
}

/// What a derogation switches off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Effect {
    /// Which provisions it reaches.
    pub reach: Reach,
    /// Whether it switches off the rules of the provisions it reaches (the default) or the
    /// conditions of their derogations (an urgency procedure that lifts the prior
    /// authorisation another derogation requires).
    #[serde(default, skip_serializing_if = "is_rules")]
    pub of: Target,
    /// Only these kinds of safeguard in the provisions reached; empty: every rule in them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<SafeguardKind>,
    /// Only these rights in the provisions reached (each counts as the safeguard kind
    /// [`Right::safeguard`] names); empty with `safeguards` empty: every rule in them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<Right>,
    /// The words that say what is switched off; `None` when the derogation's own quote does
    /// (a carve-out from the provision it stands in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Quoted>,
}

impl Effect {
    /// The provision the derogation stands in, every rule in it.
    pub fn here() -> Effect {
        Effect {
            reach: Reach::Here,
            of: Target::Rules,
            safeguards: Vec::new(),
            rights: Vec::new(),
            evidence: None,
        }
    }

    /// Whether the effect switches off safeguards of `kind` (of the rules or of the
    /// derogations, as [`Effect::of`] says) in the provisions it reaches.
    pub fn switches_off_kind(&self, kind: SafeguardKind) -> bool {
        (self.safeguards.is_empty() && self.rights.is_empty())
            || self.safeguards.contains(&kind)
            || self.rights.iter().any(|r| r.safeguard() == kind)
    }

    /// Whether the effect reaches `provision`, for a derogation that stands in `home`.
    pub fn reaches(&self, home: &ProvisionId, provision: &Provision) -> bool {
        match &self.reach {
            Reach::Here => &provision.id == home,
            Reach::Instrument => provision.id.instrument() == home.instrument(),
            Reach::Listed {
                provisions,
                chapters,
            } => {
                provisions.contains(&provision.id)
                    || std::iter::once(&provision.chapter)
                        .chain(provision.chapters.values())
                        .flatten()
                        .any(|c| chapters.iter().any(|want| chapter_matches(c, want)))
            }
        }
    }
}

/// Whether a chapter heading (`Part 4 Collection, use and disclosure`) is the chapter a
/// derogation names (`Part 4`): the heading is the name, or starts with it followed by a space
/// or punctuation (so `Part 4` does not match `Part 4A`).
pub(crate) fn chapter_matches(heading: &str, name: &str) -> bool {
    let (h, n) = (heading.trim(), name.trim());
    // `get`, not indexing: the name's length in bytes may fall inside a character of the
    // heading ("Schedule 1" against "Part IV — Functions"), which must not panic.
    let Some(head) = h.get(..n.len()) else {
        return false;
    };
    if n.is_empty() || !head.eq_ignore_ascii_case(n) {
        return false;
    }
    match h[n.len()..].chars().next() {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// What a derogation's effect switches off in the provisions it reaches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Target {
    /// Their norms (and what instrument-wide rules supply there).
    #[default]
    Rules,
    /// The conditions of their derogations: the derogation modifies other derogations.
    Derogations,
}

fn is_rules(t: &Target) -> bool {
    *t == Target::Rules
}

/// Which provisions a derogation reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", tag = "kind")]
#[non_exhaustive]
pub enum Reach {
    /// The provision it stands in (a carve-out: "…except where…").
    Here,
    /// The whole instrument (a scope exclusion: "This Act does not apply to…").
    Instrument,
    /// Named provisions and chapters ("Articles 12 to 22"; "Parts 3 to 6"). A provision the
    /// corpus does not hold may be named when the instrument declares it missing.
    Listed {
        /// The provisions named.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        provisions: Vec<ProvisionId>,
        /// Chapters named by their label (`Part 3`), matched against provisions' chapter
        /// headings.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        chapters: Vec<String>,
    },
}

/// Whom and what a derogation covers; an empty list means "any", and for a carve-out the data,
/// activities and actors default to those of the norms of its provision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Covers {
    /// Who may rely on it, or whose processing it takes out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Which data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataCategory>,
    /// Which activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Which purposes the covered processing serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Purpose>,
    /// The words that say so (possibly a definition elsewhere in the instrument).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Quoted>,
}

/// On what grounds a derogation may be relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", tag = "kind")]
#[non_exhaustive]
pub enum Grounds {
    /// The text lists them.
    Stated {
        /// The grounds.
        purposes: Vec<Purpose>,
        /// The words that list them.
        evidence: Quoted,
    },
    /// The text states no ground at all.
    None,
    /// The grounds are left to other law or to the executive.
    Delegated {
        /// To whom.
        to: Delegate,
        /// The words that delegate.
        evidence: Quoted,
    },
}

impl Grounds {
    /// The stated grounds (empty unless [`Grounds::Stated`]).
    pub fn purposes(&self) -> &[Purpose] {
        match self {
            Grounds::Stated { purposes, .. } => purposes,
            _ => &[],
        }
    }

    /// The words that state or delegate the grounds, if any.
    pub fn evidence(&self) -> Option<&Quoted> {
        match self {
            Grounds::Stated { evidence, .. } | Grounds::Delegated { evidence, .. } => {
                Some(evidence)
            }
            Grounds::None => None,
        }
    }

    /// Whether the grounds are broad: a state purpose or the public interest in any form, no
    /// stated ground, or grounds left to other law or to the executive.
    ///
    /// ```
    /// use lexgap::model::Grounds;
    /// assert!(Grounds::None.is_broad());
    /// ```
    pub fn is_broad(&self) -> bool {
        match self {
            Grounds::Stated { purposes, .. } => purposes.iter().any(|p| p.is_broad()),
            Grounds::None | Grounds::Delegated { .. } => true,
        }
    }

    /// Whether every stated ground is the person's own consent: an alternative legal basis
    /// rather than a power to derogate.
    pub fn is_consent_only(&self) -> bool {
        match self {
            Grounds::Stated { purposes, .. } => {
                !purposes.is_empty()
                    && purposes
                        .iter()
                        .all(|p| matches!(p, Purpose::Consent | Purpose::SeparateConsent))
            }
            _ => false,
        }
    }
}

/// A derogation from the rules of an instrument; see the [model's docs](crate::model#derogations).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Derogation {
    /// Carve-out, exemption, exclusion, restriction power, disapplication power, limitation.
    pub form: DerogationForm,
    /// What it switches off.
    pub effect: Effect,
    /// Whom and what it covers.
    #[serde(default)]
    pub covers: Covers,
    /// On what grounds.
    pub grounds: Grounds,
    /// Its own conditions and safeguards ("to the extent that adequate safeguards have been
    /// established in legislation"; "necessary and proportionate").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<Safeguard>,
    /// Another instrument that governs the processing taken out, where the text says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governed_by: Option<Referral>,
    /// The words that make the derogation.
    pub evidence: Evidence,
}

impl Derogation {
    /// A derogation built in code: a carve-out from its own provision on the stated grounds,
    /// covering what that provision's norms cover, with no conditions.
    ///
    /// ```
    /// use lexgap::model::{Derogation, Evidence, Lang, Purpose};
    ///
    /// let ev = Evidence { lang: Lang::new("en")?, quote: "except for state security".into() };
    /// let d = Derogation::carve_out(vec![Purpose::StateSecurity], ev);
    /// assert!(d.grounds.is_broad());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn carve_out(grounds: Vec<Purpose>, evidence: Evidence) -> Derogation {
        Derogation {
            form: DerogationForm::CarveOut,
            effect: Effect::here(),
            covers: Covers::default(),
            grounds: Grounds::Stated {
                purposes: grounds,
                evidence: Quoted::here(evidence.clone()),
            },
            safeguards: Vec::new(),
            governed_by: None,
            evidence,
        }
    }

    /// Its grounds as purpose terms, for lists and diffs: the stated grounds, or `other-law`
    /// for grounds left to other law.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// let art27 = lexgap::Corpus::bundled().provision("cn/pipl-draft-2020/art-27")?;
    /// let grounds: Vec<Purpose> = art27.derogations.iter().flat_map(|d| d.ground_terms()).collect();
    /// assert_eq!(grounds, [Purpose::SeparateConsent, Purpose::OtherLaw]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ground_terms(&self) -> Vec<Purpose> {
        match &self.grounds {
            Grounds::Stated { purposes, .. } => purposes.clone(),
            Grounds::Delegated {
                to: Delegate::Law, ..
            } => vec![Purpose::OtherLaw],
            _ => Vec::new(),
        }
    }

    /// Whether the derogation carries a condition of this kind.
    pub fn has(&self, kind: SafeguardKind) -> bool {
        self.safeguards.iter().any(|s| s.kind == kind)
    }
}

/// Another instrument that governs what a derogation takes out ("…is the subject of a
/// specific Union legal act").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Referral {
    /// The instrument, where the corpus holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<InstrumentId>,
    /// The words that refer the processing elsewhere.
    pub evidence: Quoted,
}

impl Right {
    /// The safeguard kind the right counts as.
    ///
    /// ```
    /// use lexgap::model::{Right, SafeguardKind};
    /// assert_eq!(Right::Access.safeguard(), SafeguardKind::DataSubjectRights);
    /// assert_eq!(Right::Information.safeguard(), SafeguardKind::Transparency);
    /// ```
    pub fn safeguard(self) -> SafeguardKind {
        match self {
            Right::Information | Right::BreachCommunication => SafeguardKind::Transparency,
            Right::Remedy => SafeguardKind::EffectiveRemedy,
            _ => SafeguardKind::DataSubjectRights,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::chapter_matches;

    #[test]
    fn chapters_match_on_word_boundaries() {
        assert!(chapter_matches(
            "Part 4 Collection, use and disclosure",
            "Part 4"
        ));
        assert!(chapter_matches("PART 4", "part 4"));
        assert!(chapter_matches("Part 4: Consent", "Part 4"));
        assert!(!chapter_matches("Part 4A Protection", "Part 4"));
        assert!(!chapter_matches("Part 40", "Part 4"));
        assert!(!chapter_matches("Part", "Part 4"));
    }

    /// The name's byte length falling inside a character of the heading panicked (found on
    /// Australia's Privacy Act: "Schedule 1" against "Part IV — Functions …").
    #[test]
    fn a_multibyte_heading_does_not_panic() {
        assert!(!chapter_matches("Part IV — Functions", "Schedule 1"));
        assert!(!chapter_matches("第一章 总则", "Chapter"));
        assert!(chapter_matches("第一章 总则", "第一章"));
    }
}
