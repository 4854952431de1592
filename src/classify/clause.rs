//! A flat view of what rules read: every norm and every derogation of a provision, as a
//! [`Clause`] with the provision it stands in.

use crate::model::{
    Activity, Actor, DataCategory, Derogation, Evidence, Grounds, Norm, NormKind, Processing,
    Provision, Purpose, Reach, Safeguard, SafeguardKind, Scope, within,
};

/// A norm or a derogation, with the provision it stands in.
///
/// ```
/// use lexgap::classify::Clause;
///
/// let art40 = lexgap::Corpus::bundled().provision("cn/constitution/art-40")?;
/// let clauses: Vec<Clause> = Clause::all_in(art40).collect();
/// let exception = clauses.iter().find(|c| c.is_derogation()).unwrap();
/// assert!(exception.grounds().iter().any(|p| p.code() == "state-security"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Clause<'a> {
    provision: &'a Provision,
    item: Item<'a>,
}

/// What a clause is.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// A norm.
    Norm(&'a Norm),
    /// A derogation.
    Derogation(&'a Derogation),
}

impl<'a> Clause<'a> {
    /// Every clause of a provision: its norms, then its derogations, in document order.
    pub fn all_in(provision: &'a Provision) -> impl Iterator<Item = Clause<'a>> + 'a {
        let norms = provision.norms.iter().map(move |n| Clause {
            provision,
            item: Item::Norm(n),
        });
        let derogations = provision.derogations.iter().map(move |d| Clause {
            provision,
            item: Item::Derogation(d),
        });
        norms.chain(derogations)
    }

    /// The provision the clause stands in.
    pub fn provision(&self) -> &'a Provision {
        self.provision
    }
    /// The norm or derogation.
    pub fn item(&self) -> Item<'a> {
        self.item
    }
    /// The norm, if this clause is one.
    pub fn norm(&self) -> Option<&'a Norm> {
        match self.item {
            Item::Norm(n) => Some(n),
            Item::Derogation(_) => None,
        }
    }
    /// The derogation, if this clause is one.
    pub fn derogation(&self) -> Option<&'a Derogation> {
        match self.item {
            Item::Derogation(d) => Some(d),
            Item::Norm(_) => None,
        }
    }
    /// Whether this clause is a derogation.
    pub fn is_derogation(&self) -> bool {
        matches!(self.item, Item::Derogation(_))
    }
    /// Whom it binds or empowers (a norm), or whose processing it covers (a derogation).
    pub fn actors(&self) -> &'a [Actor] {
        match self.item {
            Item::Norm(n) => &n.actors,
            Item::Derogation(d) => &d.covers.actors,
        }
    }
    /// Which data it concerns.
    pub fn data(&self) -> &'a [DataCategory] {
        match self.item {
            Item::Norm(n) => &n.data,
            Item::Derogation(d) => &d.covers.data,
        }
    }
    /// What is done with the data.
    pub fn activities(&self) -> &'a [Activity] {
        match self.item {
            Item::Norm(n) => &n.activities,
            Item::Derogation(d) => &d.covers.activities,
        }
    }
    /// The purposes of a norm, or the purposes a derogation's covered processing serves.
    pub fn purposes(&self) -> &'a [Purpose] {
        match self.item {
            Item::Norm(n) => &n.purposes,
            Item::Derogation(d) => &d.covers.purposes,
        }
    }
    /// The stated grounds of a derogation (empty for a norm, and for grounds that are not
    /// stated).
    pub fn grounds(&self) -> &'a [Purpose] {
        match self.item {
            Item::Norm(_) => &[],
            Item::Derogation(d) => d.grounds.purposes(),
        }
    }
    /// The safeguards of a norm, or a derogation's own conditions.
    pub fn safeguards(&self) -> &'a [Safeguard] {
        match self.item {
            Item::Norm(n) => &n.safeguards,
            Item::Derogation(d) => &d.safeguards,
        }
    }
    /// Whether the clause carries a safeguard of this kind.
    pub fn has(&self, kind: SafeguardKind) -> bool {
        self.safeguards().iter().any(|s| s.kind == kind)
    }
    /// The words the clause rests on.
    pub fn evidence(&self) -> &'a Evidence {
        match self.item {
            Item::Norm(n) => &n.evidence,
            Item::Derogation(d) => &d.evidence,
        }
    }
    /// Whether the clause reaches beyond where it stands: an instrument-wide norm, or a
    /// derogation whose effect reaches other provisions.
    pub fn is_instrument_scoped(&self) -> bool {
        match self.item {
            Item::Norm(n) => n.scope == Scope::Instrument,
            Item::Derogation(d) => d.effect.reach != Reach::Here,
        }
    }
    /// Whether the clause defines terms rather than regulating conduct.
    pub fn is_definition(&self) -> bool {
        self.norm().is_some_and(|n| n.kind == NormKind::Definition)
    }

    /// Whether the clause regulates processing or an intrusion: a derogation, or a norm that
    /// is neither a definition nor the statement of a right.
    pub fn is_conduct(&self) -> bool {
        match self.item {
            Item::Norm(n) => !matches!(n.kind, NormKind::Definition | NormKind::Right),
            Item::Derogation(_) => true,
        }
    }

    /// Whether the rules judge this derogation as a derogation: not a consent-only carve-out
    /// (an alternative legal basis, not a power to derogate), and not an exclusion of
    /// processing that the text says another instrument governs.
    pub fn is_judged_derogation(&self) -> bool {
        self.derogation()
            .is_some_and(|d| !d.grounds.is_consent_only() && d.governed_by.is_none())
    }

    /// Whether the clause lets the state act: a permission addressed to a state organ or for
    /// a state purpose, or a judged derogation that covers state organs or state purposes.
    pub fn is_state_use(&self) -> bool {
        let state = self.actors().iter().any(|a| a.is_state())
            || self.purposes().iter().any(|p| p.is_state_purpose())
            || self.grounds().iter().any(|p| p.is_state_purpose());
        match self.item {
            Item::Norm(n) => n.kind == NormKind::Permission && state,
            Item::Derogation(_) => self.is_judged_derogation() && state,
        }
    }

    /// Whether a judged derogation rests on broad grounds: a state purpose or the public
    /// interest, no stated ground, or grounds left to other law or the executive.
    pub fn has_broad_ground(&self) -> bool {
        self.is_judged_derogation() && self.derogation().is_some_and(|d| d.grounds.is_broad())
    }

    /// Whether this derogation's grounds are left to other law (a formal legal basis and
    /// nothing more).
    pub fn delegates_to_law(&self) -> bool {
        self.derogation().is_some_and(|d| {
            matches!(
                d.grounds,
                Grounds::Delegated {
                    to: crate::model::Delegate::Law,
                    ..
                }
            )
        })
    }

    /// Whether this clause is a derogation whose effect reaches `provision` and switches off
    /// safeguards of `kind` there.
    pub fn switches_off(&self, provision: &Provision, kind: SafeguardKind) -> bool {
        self.derogation().is_some_and(|d| {
            d.effect.of == crate::model::Target::Rules
                && d.effect.reaches(&self.provision.id, provision)
                && d.effect.switches_off_kind(kind)
        })
    }

    /// Whether this clause is a derogation that modifies `other`, a derogation of the same
    /// provision or of a provision it reaches: its effect is on derogations
    /// (`of = "derogations"`: "However, in a duly justified situation of urgency, the use … may
    /// be commenced without an authorisation"). A modifier is judged as a regime of the
    /// derogations it modifies, not on its own.
    pub fn modifies(&self, other: &Clause<'_>) -> bool {
        let (Some(m), Some(o)) = (self.derogation(), other.derogation()) else {
            return false;
        };
        !std::ptr::eq(m, o)
            && m.effect.of == crate::model::Target::Derogations
            && m.effect.reaches(&self.provision.id, other.provision)
    }

    /// Whether this clause is a derogation that modifies other derogations rather than rules
    /// (`effect.of = "derogations"`).
    pub fn is_modifier(&self) -> bool {
        self.derogation()
            .is_some_and(|d| d.effect.of == crate::model::Target::Derogations)
    }

    /// Whether this clause is a derogation whose effect reaches `provision`.
    pub fn reaches(&self, provision: &Provision) -> bool {
        self.derogation().is_some_and(|d| {
            d.effect.of == crate::model::Target::Rules
                && d.effect.reaches(&self.provision.id, provision)
        })
    }

    /// Whether two clauses govern related processing: their data overlap, their activities
    /// overlap, and their actors are compatible (an empty list matches anything).
    ///
    /// ```
    /// use lexgap::classify::Clause;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let draft27 = Clause::all_in(corpus.provision("cn/pipl-draft-2020/art-27")?).next().unwrap();
    /// let gdpr9 = Clause::all_in(corpus.provision("eu/gdpr/art-9")?).next().unwrap();
    /// assert!(draft27.related(&gdpr9), "identity features are biometric, biometric is sensitive");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn related(&self, other: &Clause<'_>) -> bool {
        self.processing().overlaps(&other.processing())
    }

    /// The processing the clause is about (see [`Processing`]).
    pub fn processing(&self) -> Processing<'a> {
        Processing::new(
            self.actors(),
            self.data(),
            self.activities(),
            self.purposes(),
        )
    }

    /// Whether a derogation can cover the processing of `other` by its purposes: it names
    /// none (in `covers.purposes`, or failing that in its stated grounds), `other` names none,
    /// or one of each is related. A household exclusion does not reach a public authority's
    /// processing for its statutory duties.
    pub fn serves_purposes_of(&self, other: &Clause<'_>) -> bool {
        let Some(d) = self.derogation() else {
            return true;
        };
        let own: Vec<Purpose> = if d.covers.purposes.is_empty() {
            d.grounds
                .purposes()
                .iter()
                .copied()
                .filter(|p| !matches!(p, Purpose::Consent | Purpose::SeparateConsent))
                .collect()
        } else {
            d.covers.purposes.clone()
        };
        let theirs = other.purposes();
        own.is_empty()
            || theirs.is_empty()
            || own.iter().any(|p| theirs.iter().any(|q| p.related(*q)))
    }

    /// Whether `self` (a derogation) covers all of the processing `other` (a derogation)
    /// covers: every actor, data category and purpose of `other` falls under one of `self`'s
    /// (an empty list covers anything, and is covered only by an empty list). Two derogations
    /// for the state on the same purposes cover each other whichever state organs they name.
    pub fn contains(&self, other: &Clause<'_>) -> bool {
        let (po, pi) = (
            self.purposes().iter().chain(self.grounds()),
            other.purposes().iter().chain(other.grounds()),
        );
        // Strictly: the same purpose, or a member of the family the outer one heads (national
        // security does not contain the prevention of crime, nor the reverse).
        let purposes_within = within(po, pi.clone(), |o, i| o == i || i.family() == Some(o));
        let actors_within = within(self.actors(), other.actors(), |o, i| o.covers(i))
            || (pi.clone().next().is_some()
                && self.actors().iter().all(|a| a.is_state())
                && !other.actors().is_empty()
                && other.actors().iter().all(|a| a.is_state()));
        actors_within && purposes_within && within(self.data(), other.data(), |o, i| i.is_a(o))
    }
}
