//! Resolving ids once: a [`Selection`] of provisions, each with its instrument, that every
//! analysis takes as it is.

use rustc_hash::FxHashSet;

use crate::error::LookupError;
use crate::model::{Instrument, Located, ProvisionId};

use super::Corpus;

/// Provisions of one corpus, resolved from ids once (with did-you-mean errors) and then
/// handed to analyses, which cannot fail on them: a [`Comparison`](crate::Comparison), a
/// [`GapMatrix`](crate::classify::GapMatrix), a
/// [`SideBySide`](crate::render::SideBySide) view.
///
/// Build one with [`Corpus::select`]. Provisions keep the order in which they were named,
/// each once; an instrument id (`eu/gdpr`) selects the whole instrument, in document order.
///
/// ```
/// let corpus = lexgap::Corpus::bundled();
/// let selection = corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35", "eu/gdpr/art-9"])?;
/// let ids: Vec<String> = selection.ids().map(|id| id.to_string()).collect();
/// assert_eq!(ids, ["eu/gdpr/art-9", "eu/gdpr/art-35"]);
/// assert_eq!(selection.instruments()[0].short_title, "GDPR");
///
/// let err = corpus.select(["eu/gdpr/art-9", "eu/gdpr/art9"]).unwrap_err();
/// assert_eq!(err.suggestion(), Some("eu/gdpr/art-9"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Selection<'c> {
    corpus: &'c Corpus,
    provisions: Vec<Located<'c>>,
    seen: FxHashSet<&'c ProvisionId>,
    instruments: Vec<&'c Instrument>,
}

impl<'c> Selection<'c> {
    /// An empty selection of `corpus`.
    pub fn empty(corpus: &'c Corpus) -> Selection<'c> {
        Selection {
            corpus,
            provisions: Vec::new(),
            seen: FxHashSet::default(),
            instruments: Vec::new(),
        }
    }

    /// The corpus the provisions were resolved in.
    pub fn corpus(&self) -> &'c Corpus {
        self.corpus
    }

    /// The provisions, each once, in the order named.
    pub fn provisions(&self) -> &[Located<'c>] {
        &self.provisions
    }

    /// Their ids, in the same order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &'c ProvisionId> + '_ {
        self.provisions.iter().map(|p| &p.provision().id)
    }

    /// The instruments named whole or through one of their provisions, each once, in the
    /// order first named. An instrument selected whole is here even when the corpus holds
    /// none of its provisions, so that instrument-level findings (`non-binding`) still apply.
    pub fn instruments(&self) -> &[&'c Instrument] {
        &self.instruments
    }

    /// How many provisions are selected.
    pub fn len(&self) -> usize {
        self.provisions.len()
    }

    /// Whether no provision is selected (an instrument with no provisions may still be).
    pub fn is_empty(&self) -> bool {
        self.provisions.is_empty()
    }

    /// Adds a provision of this selection's corpus, once.
    pub(crate) fn push(&mut self, p: Located<'c>) {
        self.push_instrument(p.instrument());
        if self.seen.insert(&p.provision().id) {
            self.provisions.push(p);
        }
    }

    /// Adds an instrument of this selection's corpus, whole.
    pub(crate) fn push_whole(&mut self, inst: &'c Instrument) {
        self.push_instrument(inst);
        for p in inst.located_provisions() {
            if self.seen.insert(&p.provision().id) {
                self.provisions.push(p);
            }
        }
    }

    fn push_instrument(&mut self, inst: &'c Instrument) {
        if !self.instruments.iter().any(|i| i.id == inst.id) {
            self.instruments.push(inst);
        }
    }
}

impl Corpus {
    /// Resolves ids into a [`Selection`]: a provision id (`eu/gdpr/art-9`, ASCII case
    /// ignored) selects that provision, an instrument id (`eu/gdpr`) the whole instrument.
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`], with the closest id as a suggestion, for the first id that
    /// names nothing in the corpus (read as [`Corpus::provision`] and [`Corpus::instrument`]
    /// read ids; an id with one `/` that names no instrument may be a provision without its
    /// jurisdiction, `gdpr/art-9`).
    pub fn select<I, S>(&self, ids: I) -> Result<Selection<'_>, LookupError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut selection = Selection::empty(self);
        for id in ids {
            let id = id.as_ref();
            if is_instrument_id(id) {
                let inst = id
                    .parse()
                    .ok()
                    .and_then(|i| self.get_instrument(&i))
                    .ok_or_else(|| super::suggest::selection_miss(self, id))?;
                selection.push_whole(inst);
            } else {
                selection.push(self.locate(id)?);
            }
        }
        Ok(selection)
    }

    /// The whole of one of this corpus's instruments, as a selection.
    pub(crate) fn select_instrument<'c>(&'c self, inst: &'c Instrument) -> Selection<'c> {
        let mut selection = Selection::empty(self);
        selection.push_whole(inst);
        selection
    }

    /// The provision with this id, with its instrument, or an error that suggests the closest
    /// id.
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`] when no provision has the id.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let art8 = corpus.locate("coe/echr/art-8")?;
    /// assert_eq!(art8.instrument().short_title, "ECHR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn locate(&self, id: &str) -> Result<Located<'_>, LookupError> {
        let p = self.provision(id)?;
        // A corpus holds the instrument of each of its provisions; the error is unreachable.
        let inst = self
            .instrument_of(&p.id)
            .ok_or_else(|| LookupError::new("provision", id, None))?;
        Ok(Located::new(inst, p))
    }
}

/// An instrument id has two parts (`eu/gdpr`), a provision id three (`eu/gdpr/art-9`).
fn is_instrument_id(id: &str) -> bool {
    id.matches('/').count() == 1
}
