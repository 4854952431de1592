//! The corpus: every instrument and provision, loaded from `provisions/**/*.toml`, validated,
//! and indexed for lookup.
//!
//! [`Corpus::bundled`] is the corpus embedded in the crate (no files needed at run time);
//! [`Corpus::from_dir`] and [`Corpus::from_toml`] load your own; [`Corpus::loader`] mixes both.
//! Loading collects every problem before it fails ([`LoadErrors`]).
//!
//! Entries of a directory that are not read are not errors but warnings, each a [`Skipped`]
//! with its location and reason: hidden files and directories, `*.toml` names on named pipes,
//! sockets and devices (never opened), `.TOML` in another case, symbolic links that would walk
//! a directory twice or in a loop. [`Loader::skipped`] lists them before loading (so also when
//! loading fails) and [`Corpus::skipped`] after; `lexgap check` prints them as `warning:`
//! lines on standard error.
//!
//! ```
//! let corpus = lexgap::Corpus::bundled();
//! let art9 = corpus.provision("eu/gdpr/art-9")?;
//! assert_eq!(art9.label_in(&lexgap::model::Lang::new("en")?), "Article 9");
//! let err = corpus.provision("eu/gdpr/art-99x").unwrap_err();
//! assert_eq!(err.to_string(), "no provision `eu/gdpr/art-99x`; did you mean `eu/gdpr/art-99`?");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod built;
mod bundled;
mod load;
mod loader;
mod raw;
mod search;
mod select;
mod suggest;
mod walk;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{LoadErrors, LookupError};
use crate::model::{Date, Instrument, InstrumentId, Jurisdiction, Provision, ProvisionId};

pub use bundled::CORPUS_VERSION;
pub use loader::{Loader, SkipReason, Skipped};
pub use search::Hit;
pub use select::Selection;

/// A validated set of instruments and their provisions.
///
/// Instruments iterate in id order, provisions in document order within each instrument.
///
/// A corpus serialises (to JSON, say) but does not deserialise: read an export's
/// instruments back through [`Corpus::from_instruments`], which checks them.
#[derive(Debug, Clone, Serialize)]
#[serde(into = "CorpusData")]
pub struct Corpus {
    data: CorpusData,
    index: HashMap<ProvisionId, (usize, usize)>,
    /// What the directories loaded passed over (not part of the data: not serialised, not
    /// compared).
    skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct CorpusData {
    jurisdictions: BTreeMap<String, Jurisdiction>,
    instruments: Vec<Instrument>,
}

impl From<CorpusData> for Corpus {
    fn from(mut data: CorpusData) -> Corpus {
        // Lookups by instrument binary-search, so the order must hold whatever the source (a
        // deserialised corpus may list its instruments in any order). Stable: a loaded corpus
        // is already sorted and stays equal to itself.
        data.instruments.sort_by(|a, b| a.id.cmp(&b.id));
        let index = data
            .instruments
            .iter()
            .enumerate()
            .flat_map(|(i, inst)| {
                inst.provisions
                    .iter()
                    .enumerate()
                    .map(move |(j, p)| (p.id.clone(), (i, j)))
            })
            .collect();
        Corpus {
            data,
            index,
            skipped: Vec::new(),
        }
    }
}

impl From<Corpus> for CorpusData {
    fn from(c: Corpus) -> CorpusData {
        c.data
    }
}

impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        self.data == other.data
    }
}

impl Eq for Corpus {}

impl Corpus {
    /// The corpus embedded in the crate: parsed and validated once, on first use.
    ///
    /// # Panics
    ///
    /// Never in a released crate: the tests load the bundled files and fail on any error. If
    /// the embedded data were invalid, this would panic with every problem listed.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert!(corpus.instrument("cn/pipl-draft-2020").is_ok());
    /// ```
    pub fn bundled() -> &'static Corpus {
        static BUNDLED: OnceLock<Corpus> = OnceLock::new();
        BUNDLED.get_or_init(|| match Corpus::loader().bundled().load() {
            Ok(c) => c,
            Err(e) => panic!(
                "the bundled corpus failed to load (this is likely a bug, please report it):\n{e}"
            ),
        })
    }

    /// Parses the bundled files afresh, without the cache behind [`Corpus::bundled`] (for
    /// benchmarks and tests of the loader).
    ///
    /// # Errors
    ///
    /// As [`Loader::load`]; the tests make sure the bundled files load cleanly.
    pub fn load_bundled() -> Result<Corpus, LoadErrors> {
        Corpus::loader().bundled().load()
    }

    /// A corpus of instruments built in code (or read back from a JSON export), against the
    /// bundled jurisdiction registry, checked as the loader checks files: each provision
    /// belongs to its instrument and each id is given once, jurisdictions are known, every
    /// quote is found in its text, references and version relations name what the corpus
    /// holds. Instruments are sorted by id.
    ///
    /// # Errors
    ///
    /// Returns every problem, each located at its instrument (`eu/notes (built in code)`).
    ///
    /// ```
    /// use lexgap::model::{Evidence, Instrument, Lang, Provision};
    ///
    /// let en = Lang::new("en")?;
    /// let mut inst = Instrument::new("eu/notes".parse()?, "notes");
    /// // Where the text comes from: here, borrowed from the ECHR's entry.
    /// inst.languages = lexgap::Corpus::bundled().instrument("coe/echr")?.languages.clone();
    /// let mut p = Provision::new("eu/notes/n-1".parse()?, en.clone(), "Cameras need signs.");
    /// let mut norm = lexgap::Corpus::bundled().provision("coe/echr/art-8")?.norms[0].clone();
    /// norm.evidence = Evidence { lang: en, quote: "Cameras need signs".into() };
    /// p.norms.push(norm);
    /// inst.provisions.push(p.clone());
    /// assert_eq!(lexgap::Corpus::from_instruments(vec![inst.clone()])?.provisions().count(), 1);
    ///
    /// p.norms[0].evidence.quote = "Cameras need no signs".into();
    /// inst.provisions[0] = p;
    /// let err = lexgap::Corpus::from_instruments(vec![inst]).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "eu/notes (built in code): evidence quote not found in the `en` text of `eu/notes/n-1`: \"Cameras need no signs\""
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_instruments(mut instruments: Vec<Instrument>) -> Result<Corpus, LoadErrors> {
        let jurisdictions = Corpus::bundled().data.jurisdictions.clone();
        let errors = built::check(&instruments, &jurisdictions);
        if !errors.is_empty() {
            return Err(LoadErrors::new(errors));
        }
        instruments.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Corpus::from(CorpusData {
            jurisdictions,
            instruments,
        }))
    }

    /// What loading passed over in the directories it read, in location order: warnings, not
    /// errors (see [`Loader::dir`]). Empty for the bundled corpus and for files added one by
    /// one.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// A [`Loader`], to combine the bundled corpus with your own files.
    pub fn loader() -> Loader {
        Loader::new()
    }

    /// Loads every instrument file under `dir` (see [`Loader::dir`]).
    ///
    /// # Errors
    ///
    /// Returns every problem found in every file, each located.
    ///
    /// ```no_run
    /// let corpus = lexgap::Corpus::from_dir("provisions")?;
    /// # Ok::<(), lexgap::LoadErrors>(())
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Corpus, LoadErrors> {
        Corpus::loader().dir(dir).load()
    }

    /// Loads a single instrument file, against the bundled jurisdiction registry.
    ///
    /// # Errors
    ///
    /// Returns every problem in the file, each located as `origin:line:column`.
    ///
    /// ```
    /// let err = lexgap::Corpus::from_toml("x.toml", "[instrument]\nid = 3").unwrap_err();
    /// assert_eq!(err.to_string(), "x.toml:2:6: invalid type: integer `3`, expected a string");
    /// ```
    pub fn from_toml(origin: &str, text: &str) -> Result<Corpus, LoadErrors> {
        Corpus::loader().toml(origin, text).load()
    }

    /// The provision with this id, ignoring ASCII case; `None` if there is none.
    ///
    /// ```
    /// assert!(lexgap::Corpus::bundled().get("COE/ECHR/ART-8").is_some());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Provision> {
        let id: ProvisionId = id.parse().ok()?;
        self.get_id(&id)
    }

    /// The provision with this typed id.
    pub fn get_id(&self, id: &ProvisionId) -> Option<&Provision> {
        let &(i, j) = self.index.get(id)?;
        Some(&self.data.instruments[i].provisions[j])
    }

    /// The provision with this id, or an error that suggests the closest id.
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`] when no provision has the id. Its suggestion reads the id as
    /// people write one: by label in any language (`eu/gdpr/Article 9`, `cn/pipl/第二十六条`),
    /// by kind and number (`eu/gdpr/art9`, `eu/gdpr/9`, `sg/pdpa/s.17`), without the
    /// jurisdiction (`gdpr/art-9`). A number past the instrument's last article, or one the
    /// instrument declares missing, gets a [note](LookupError::note) and no suggestion.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert_eq!(corpus.provision("cn/constitution/art-40")?.id.to_string(), "cn/constitution/art-40");
    /// let err = corpus.provision("coe/echr/art8").unwrap_err();
    /// assert_eq!(err.suggestion(), Some("coe/echr/art-8"));
    /// let err = corpus.provision("cn/pipl/第二十六条").unwrap_err();
    /// assert_eq!(err.suggestion(), Some("cn/pipl/art-26"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn provision(&self, id: &str) -> Result<&Provision, LookupError> {
        self.get(id)
            .ok_or_else(|| suggest::provision_miss(self, id))
    }

    /// The instrument with this id (`eu/gdpr`), or an error that suggests the closest id.
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`] when no instrument has the id; for a provision id, it
    /// suggests the provision's instrument.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert_eq!(corpus.instrument("eu/gdpr")?.short_title, "GDPR");
    /// assert_eq!(corpus.instrument("eu/gpdr").unwrap_err().suggestion(), Some("eu/gdpr"));
    /// assert_eq!(
    ///     corpus.instrument("eu/gdpr/art-9").unwrap_err().to_string(),
    ///     "no instrument `eu/gdpr/art-9`; did you mean the instrument `eu/gdpr`?"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn instrument(&self, id: &str) -> Result<&Instrument, LookupError> {
        id.parse::<InstrumentId>()
            .ok()
            .and_then(|id| self.get_instrument(&id))
            .ok_or_else(|| suggest::instrument_miss(self, id))
    }

    /// The instrument with this typed id.
    pub fn get_instrument(&self, id: &InstrumentId) -> Option<&Instrument> {
        self.data
            .instruments
            .binary_search_by(|i| i.id.cmp(id))
            .ok()
            .map(|k| &self.data.instruments[k])
    }

    /// The instrument a provision belongs to.
    pub fn instrument_of(&self, provision: &ProvisionId) -> Option<&Instrument> {
        self.get_instrument(provision.instrument())
    }

    /// Every instrument, in id order.
    pub fn instruments(&self) -> impl Iterator<Item = &Instrument> {
        self.data.instruments.iter()
    }

    /// The instruments of one jurisdiction, in id order.
    ///
    /// ```
    /// let cn: Vec<String> = lexgap::Corpus::bundled().instruments_in("cn").map(|i| i.id.to_string()).collect();
    /// assert!(cn.contains(&"cn/pipl".to_string()));
    /// ```
    pub fn instruments_in(&self, jurisdiction: &str) -> impl Iterator<Item = &Instrument> {
        let jurisdiction = jurisdiction.to_ascii_lowercase();
        self.data
            .instruments
            .iter()
            .filter(move |i| i.id.jurisdiction() == jurisdiction)
    }

    /// Every provision, by instrument, in document order.
    pub fn provisions(&self) -> impl Iterator<Item = &Provision> {
        self.data
            .instruments
            .iter()
            .flat_map(|i| i.provisions.iter())
    }

    /// The registered jurisdictions, by code.
    pub fn jurisdictions(&self) -> impl Iterator<Item = &Jurisdiction> {
        self.data.jurisdictions.values()
    }

    /// The jurisdiction with this code.
    pub fn jurisdiction(&self, code: &str) -> Option<&Jurisdiction> {
        self.data.jurisdictions.get(&code.to_ascii_lowercase())
    }

    /// The versions of an instrument, oldest first: follows `becomes` and `supersedes` both
    /// ways from `id`.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let chain: Vec<String> = corpus.version_chain("cn/pipl")?.iter().map(|i| i.id.to_string()).collect();
    /// assert_eq!(chain, ["cn/pipl-draft-2020", "cn/pipl"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`] when no instrument has the id.
    pub fn version_chain(&self, id: &str) -> Result<Vec<&Instrument>, LookupError> {
        let start = self.instrument(id)?;
        let newer = |i: &Instrument| -> Option<&Instrument> {
            i.becomes
                .as_ref()
                .and_then(|b| self.get_instrument(b))
                .or_else(|| self.instruments().find(|o| o.supersedes.contains(&i.id)))
        };
        let older = |i: &Instrument| -> Option<&Instrument> {
            self.instruments()
                .find(|o| o.becomes.as_ref() == Some(&i.id))
                .or_else(|| i.supersedes.first().and_then(|s| self.get_instrument(s)))
        };
        let mut chain = vec![start];
        let mut cur = start;
        while let Some(o) = older(cur) {
            if chain.iter().any(|c| c.id == o.id) {
                break;
            }
            chain.insert(0, o);
            cur = o;
        }
        cur = start;
        while let Some(n) = newer(cur) {
            if chain.iter().any(|c| c.id == n.id) {
                break;
            }
            chain.push(n);
            cur = n;
        }
        Ok(chain)
    }

    /// The instruments whose rules applied on `date`, in id order (see
    /// [`Instrument::applies_on`]: in force, and past any later date of application).
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let in_2020: Vec<String> = corpus.as_of("2020-12-31".parse()?).map(|i| i.id.to_string()).collect();
    /// assert!(in_2020.contains(&"eu/gdpr".to_string()));
    /// assert!(!in_2020.contains(&"cn/pipl".to_string()));
    /// let in_2017: Vec<String> = corpus.as_of("2017-06-01".parse()?).map(|i| i.id.to_string()).collect();
    /// assert!(!in_2017.contains(&"eu/gdpr".to_string()), "the GDPR applies from 2018-05-25");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of(&self, date: Date) -> impl Iterator<Item = &Instrument> {
        self.data
            .instruments
            .iter()
            .filter(move |i| i.applies_on(date))
    }
}

/// The files the bundled corpus is built from, as paths under `provisions/` in the crate's
/// sources (`eu/gdpr.toml`), in the order they are embedded: to cite the file a finding
/// rests on, or to check a copy of the corpus against the embedded one.
///
/// ```
/// let paths: Vec<&str> = lexgap::corpus::bundled_paths().collect();
/// assert!(paths.contains(&"eu/gdpr.toml"));
/// assert_eq!(paths.len(), lexgap::Corpus::bundled().instruments().count());
/// ```
pub fn bundled_paths() -> impl Iterator<Item = &'static str> {
    bundled::FILES.iter().map(|(p, _)| *p)
}
