//! A provision with its instrument, and the two policies every analysis shares: in which
//! language two provisions are compared, and whether two readings concern the same
//! processing.

use std::ops::Deref;

use super::{Activity, Actor, DataCategory, Instrument, Lang, Provision, Purpose};

/// A provision together with the instrument it belongs to: what an analysis needs beyond the
/// provision's own text (the legal value of its languages, the instrument's short title).
///
/// Get one from [`Corpus::locate`](crate::Corpus::locate), from a
/// [`Selection`](crate::corpus::Selection), or from an instrument with
/// [`Instrument::located`]. It dereferences to the [`Provision`].
///
/// ```
/// let corpus = lexgap::Corpus::bundled();
/// let art26 = corpus.locate("cn/pipl/art-26")?;
/// assert_eq!(art26.instrument().short_title, "PIPL");
/// assert_eq!(art26.id.local(), "art-26");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    instrument: &'a Instrument,
    provision: &'a Provision,
}

impl<'a> Located<'a> {
    /// `provision` must be one of `instrument`'s provisions; every caller takes it from there.
    pub(crate) fn new(instrument: &'a Instrument, provision: &'a Provision) -> Located<'a> {
        debug_assert_eq!(provision.id.instrument(), &instrument.id);
        Located {
            instrument,
            provision,
        }
    }

    /// The instrument.
    pub fn instrument(self) -> &'a Instrument {
        self.instrument
    }

    /// The provision.
    pub fn provision(self) -> &'a Provision {
        self.provision
    }

    /// The language in which this provision and `other` are compared, by the one policy every
    /// analysis follows: the first language of [`Instrument::common_langs`] in which both
    /// have a text (authentic texts before official translations), else the first they
    /// share in tag order; `None` when they share no language.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let (draft, law) = (corpus.locate("cn/pipl-draft-2020/art-1")?, corpus.locate("cn/pipl/art-1")?);
    /// // Both have English too, in two different translations; the authentic Chinese wins.
    /// assert_eq!(draft.compared_lang(law).map(|l| l.as_str()), Some("zh"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compared_lang(self, other: Located<'_>) -> Option<&'a Lang> {
        compared_lang(&[], self, other)
    }
}

impl Deref for Located<'_> {
    type Target = Provision;

    fn deref(&self) -> &Provision {
        self.provision
    }
}

impl PartialEq for Located<'_> {
    fn eq(&self, other: &Located<'_>) -> bool {
        self.provision == other.provision
    }
}

/// The language policy, with the caller's preferences first: the first of `prefer` in which
/// both provisions have a text, then [`Located::compared_lang`]'s order. The instruments'
/// common languages are worked out only when the preferences do not decide.
pub(crate) fn compared_lang<'a>(
    prefer: &[Lang],
    old: Located<'a>,
    new: Located<'_>,
) -> Option<&'a Lang> {
    let (o, n) = (old.provision, new.provision);
    first_shared(prefer, o, n)
        .or_else(|| first_shared(&old.instrument.common_langs(new.instrument), o, n))
        .or_else(|| o.text.keys().find(|l| n.text.contains_key(l)))
}

/// The first language of `order` in which both provisions have a text. With the instruments'
/// [`Instrument::common_langs`] as `order` this is [`Located::compared_lang`] (that order
/// holds every language both instruments' provisions use), without working the order out
/// again for each pair.
pub(crate) fn first_shared<'a>(
    order: &[Lang],
    old: &'a Provision,
    new: &Provision,
) -> Option<&'a Lang> {
    order.iter().find_map(|l| {
        old.text
            .get_key_value(l)
            .map(|(k, _)| k)
            .filter(|_| new.text.contains_key(l))
    })
}

/// What a reading is about: whose processing, of which data, doing what, for which purposes.
/// An empty list means *any*: a norm that names no actor binds every handler.
///
/// This is the one test of "the same processing" that the classifier, the structural diff and
/// the alignment share.
///
/// ```
/// use lexgap::model::{Activity, Actor, DataCategory, Processing};
///
/// let cameras = Processing::new(&[Actor::PublicAuthority], &[DataCategory::FacialImage], &[Activity::Collect], &[]);
/// let biometrics = Processing::new(&[], &[DataCategory::Biometric], &[], &[]);
/// assert!(cameras.overlaps(&biometrics) && biometrics.overlaps(&cameras));
/// assert!(biometrics.covers(&cameras), "any handler, any activity, and facial images are biometric");
/// assert!(!cameras.covers(&biometrics), "a named actor does not cover any actor");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Processing<'a> {
    actors: &'a [Actor],
    data: &'a [DataCategory],
    activities: &'a [Activity],
    purposes: &'a [Purpose],
}

impl<'a> Processing<'a> {
    /// The processing these terms describe.
    pub fn new(
        actors: &'a [Actor],
        data: &'a [DataCategory],
        activities: &'a [Activity],
        purposes: &'a [Purpose],
    ) -> Processing<'a> {
        Processing {
            actors,
            data,
            activities,
            purposes,
        }
    }

    /// The actors (empty: any).
    pub fn actors(&self) -> &'a [Actor] {
        self.actors
    }

    /// The data (empty: any).
    pub fn data(&self) -> &'a [DataCategory] {
        self.data
    }

    /// The activities (empty: any).
    pub fn activities(&self) -> &'a [Activity] {
        self.activities
    }

    /// The purposes (empty: any).
    pub fn purposes(&self) -> &'a [Purpose] {
        self.purposes
    }

    /// Whether the two can concern the same processing: their data overlap, their activities
    /// and their actors are related (one covers the other); an empty list meets anything.
    /// Purposes are left out: a rule and its exception concern the same processing for
    /// different purposes.
    pub fn overlaps(&self, other: &Processing<'_>) -> bool {
        meet(self.data, other.data, DataCategory::overlaps)
            && meet(self.activities, other.activities, |a, b| {
                a.covers(b) || b.covers(a)
            })
            && meet(self.actors, other.actors, |a, b| a.covers(b) || b.covers(a))
    }

    /// Whether the two share their data or their activities (an empty list meets anything,
    /// by the same rules as [`overlaps`](Processing::overlaps)): the weaker tie by which the
    /// structural diff pairs a norm with its new wording, since what changed may be any one
    /// of the terms.
    pub fn shares_data_or_activities(&self, other: &Processing<'_>) -> bool {
        meet(self.data, other.data, DataCategory::overlaps)
            || meet(self.activities, other.activities, |a, b| {
                a.covers(b) || b.covers(a)
            })
    }

    /// Whether every actor, data category and activity of `other` falls under one of
    /// `self`'s: an empty list covers anything, and is covered only by an empty list.
    pub fn covers(&self, other: &Processing<'_>) -> bool {
        within(self.actors, other.actors, Actor::covers)
            && within(self.data, other.data, |o, i| i.is_a(o))
            && within(self.activities, other.activities, Activity::covers)
    }
}

/// Whether two term lists meet: either is empty (any), or a term of one is related to a term
/// of the other.
fn meet<'t, T, I>(a: I, b: I, related: impl Fn(T, T) -> bool) -> bool
where
    T: Copy + 't,
    I: IntoIterator<Item = &'t T> + Copy,
{
    is_empty(a)
        || is_empty(b)
        || a.into_iter()
            .any(|x| b.into_iter().any(|y| related(*x, *y)))
}

/// Whether every term of `inner` falls under a term of `outer` (`under(outer, inner)`): an
/// empty `outer` (any) holds everything; an empty `inner` (any) is held only by an empty
/// `outer`.
pub(crate) fn within<'t, T, I>(outer: I, inner: I, under: impl Fn(T, T) -> bool) -> bool
where
    T: Copy + 't,
    I: IntoIterator<Item = &'t T> + Clone,
{
    is_empty(outer.clone())
        || (!is_empty(inner.clone())
            && inner
                .into_iter()
                .all(|i| outer.clone().into_iter().any(|o| under(*o, *i))))
}

fn is_empty<'t, T: 't, I: IntoIterator<Item = &'t T>>(terms: I) -> bool {
    terms.into_iter().next().is_none()
}
