//! A flat view of what rules read: every norm, and every exception inside a norm, as a
//! [`Clause`] with the provision it stands in.

use crate::model::{
    Activity, Actor, DataCategory, Evidence, Exception, Norm, NormKind, Provision, Purpose,
    Safeguard, SafeguardKind, Scope,
};

/// A norm, or one exception carved out of a norm, with the provision it stands in.
///
/// Exceptions inherit the data and activities of their norm; their own actors, grounds and
/// safeguards replace the norm's where they are given.
///
/// ```
/// use lexgap::classify::Clause;
///
/// let art40 = lexgap::Corpus::bundled().provision("cn/constitution/art-40")?;
/// let clauses: Vec<Clause> = Clause::all_in(art40).collect();
/// let exception = clauses.iter().find(|c| c.is_exception()).unwrap();
/// assert!(exception.purposes().iter().any(|p| p.code() == "state-security"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Clause<'a> {
    provision: &'a Provision,
    norm: &'a Norm,
    exception: Option<&'a Exception>,
}

impl<'a> Clause<'a> {
    /// Every clause of a provision: each norm, then each of its exceptions, in document order.
    pub fn all_in(provision: &'a Provision) -> impl Iterator<Item = Clause<'a>> + 'a {
        provision.norms.iter().flat_map(move |norm| {
            std::iter::once(Clause {
                provision,
                norm,
                exception: None,
            })
            .chain(norm.exceptions.iter().map(move |e| Clause {
                provision,
                norm,
                exception: Some(e),
            }))
        })
    }

    /// The provision the clause stands in.
    pub fn provision(&self) -> &'a Provision {
        self.provision
    }
    /// The norm (for an exception: the norm it is carved out of).
    pub fn norm(&self) -> &'a Norm {
        self.norm
    }
    /// The exception, if this clause is one.
    pub fn exception(&self) -> Option<&'a Exception> {
        self.exception
    }
    /// Whether this clause is an exception carved out of a norm, or a norm whose kind is
    /// `exception` (a general limitation clause such as EU Charter art. 52(1)).
    pub fn is_exception(&self) -> bool {
        self.exception.is_some()
    }
    /// Whom it binds or empowers.
    pub fn actors(&self) -> &'a [Actor] {
        match self.exception {
            Some(e) if !e.actors.is_empty() => &e.actors,
            _ => &self.norm.actors,
        }
    }
    /// Which data it concerns.
    pub fn data(&self) -> &'a [DataCategory] {
        &self.norm.data
    }
    /// What is done with the data.
    pub fn activities(&self) -> &'a [Activity] {
        &self.norm.activities
    }
    /// Purposes (for a norm) or grounds (for an exception).
    pub fn purposes(&self) -> &'a [Purpose] {
        match self.exception {
            Some(e) => &e.grounds,
            None => &self.norm.purposes,
        }
    }
    /// The safeguards that condition the clause.
    pub fn safeguards(&self) -> &'a [Safeguard] {
        match self.exception {
            Some(e) => &e.safeguards,
            None => &self.norm.safeguards,
        }
    }
    /// Whether the clause carries a safeguard of this kind.
    pub fn has(&self, kind: SafeguardKind) -> bool {
        self.safeguards().iter().any(|s| s.kind == kind)
    }
    /// The words the clause rests on.
    pub fn evidence(&self) -> &'a Evidence {
        match self.exception {
            Some(e) => &e.evidence,
            None => &self.norm.evidence,
        }
    }
    /// Whether the clause is an instrument-wide rule.
    pub fn is_instrument_scoped(&self) -> bool {
        self.norm.scope == Scope::Instrument
    }
    /// Whether the clause defines terms rather than regulating conduct.
    pub fn is_definition(&self) -> bool {
        self.exception.is_none() && self.norm.kind == NormKind::Definition
    }

    /// Whether the clause regulates processing or an intrusion: not a definition, and not the
    /// statement of a right itself (the exceptions carved out of a right are).
    pub fn is_conduct(&self) -> bool {
        self.exception.is_some()
            || !matches!(self.norm.kind, NormKind::Definition | NormKind::Right)
    }

    /// Whether the clause lets the state act: a permission, or an exception to a prohibition
    /// or an obligation, addressed to a state organ or for a state purpose.
    pub fn is_state_use(&self) -> bool {
        let permits = match self.exception {
            Some(_) => matches!(
                self.norm.kind,
                NormKind::Prohibition | NormKind::Obligation | NormKind::Permission
            ),
            None => self.norm.kind == NormKind::Permission,
        };
        permits
            && (self.actors().iter().any(|a| a.is_state())
                || self.purposes().iter().any(|p| p.is_state_purpose()))
    }

    /// Whether the clause derogates from a right or a protective rule: an exception carved
    /// out of a right, prohibition or obligation, or a general limitation clause.
    pub fn is_derogation(&self) -> bool {
        match self.exception {
            Some(_) => self.norm.kind != NormKind::Permission,
            None => self.norm.kind == NormKind::Exception,
        }
    }

    /// Whether a derogation rests on a broad ground: a state purpose or "whatever other laws
    /// provide".
    pub fn has_broad_ground(&self) -> bool {
        self.purposes().iter().any(|p| p.is_broad())
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
    /// assert!(draft27.related(&gdpr9), "facial images are biometric, biometric is sensitive");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn related(&self, other: &Clause<'_>) -> bool {
        overlaps(self.data(), other.data(), |a, b| a.overlaps(*b))
            && overlaps(self.activities(), other.activities(), |a, b| {
                a.covers(*b) || b.covers(*a)
            })
            && overlaps(self.actors(), other.actors(), |a, b| {
                a.covers(*b) || b.covers(*a)
            })
    }
}

fn overlaps<T>(a: &[T], b: &[T], f: impl Fn(&T, &T) -> bool) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| f(x, y)))
}
