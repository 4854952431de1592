//! The corpus: every instrument and provision, loaded from `provisions/**/*.toml`, validated,
//! and indexed for lookup.
//!
//! [`Corpus::bundled`] is the corpus embedded in the crate (no files needed at run time);
//! [`Corpus::from_dir`] and [`Corpus::from_toml`] load your own; [`Corpus::loader`] mixes both.
//! Loading collects every problem before it fails ([`LoadErrors`]).
//!
//! ```
//! let corpus = lexgap::Corpus::bundled();
//! let art9 = corpus.provision("eu/gdpr/art-9")?;
//! assert_eq!(art9.label_in(&lexgap::model::Lang::new("en")?), "Article 9");
//! let err = corpus.provision("eu/gdpr/art-99x").unwrap_err();
//! assert_eq!(err.to_string(), "no provision `eu/gdpr/art-99x`; did you mean `eu/gdpr/art-99`?");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod bundled;
mod load;
mod raw;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{LoadError, LoadErrorKind, LoadErrors, Location, LookupError};
use crate::model::{Date, Instrument, InstrumentId, Jurisdiction, Provision, ProvisionId};

pub use bundled::CORPUS_VERSION;

/// A validated set of instruments and their provisions.
///
/// Instruments iterate in id order, provisions in document order within each instrument.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "CorpusData", into = "CorpusData")]
pub struct Corpus {
    data: CorpusData,
    index: HashMap<ProvisionId, (usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        Corpus { data, index }
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

/// Collects files for a corpus: the bundled ones, a directory, single files.
///
/// ```
/// let mine = r#"
/// [instrument]
/// id = "eu/notes"
/// title = { en = "My notes" }
/// short-title = "notes"
/// kind = "soft-law"
/// status = "in-force"
/// binding = false
/// languages.en = { legal-value = "authentic", source = "my notebook" }
///
/// [[provision]]
/// id = "note-1"
/// label.en = "Note 1"
/// text.en = "Cameras in public places need an impact assessment."
/// correspondences = [{ target = "eu/gdpr/art-35", relation = "narrower", rationale = "a DPIA for one kind of processing" }]
/// "#;
/// let corpus = lexgap::Corpus::loader()
///     .bundled()
///     .toml("mine/eu/notes.toml", mine)
///     .load()?;
/// assert!(corpus.get("eu/notes/note-1").is_some());
/// assert!(corpus.get("eu/gdpr/art-35").is_some());
/// # Ok::<(), lexgap::LoadErrors>(())
/// ```
#[derive(Debug, Default)]
pub struct Loader {
    files: Vec<(String, Vec<u8>, Option<String>)>,
    jurisdictions: Vec<(String, Vec<u8>)>,
    errors: Vec<LoadError>,
}

impl Loader {
    /// An empty loader; the jurisdiction registry defaults to the bundled one.
    pub fn new() -> Loader {
        Loader::default()
    }

    /// Adds the bundled instruments and jurisdiction registry, so that your files may refer
    /// to them (a `jurisdictions.toml` of yours then adds codes; it may not redefine one).
    pub fn bundled(mut self) -> Loader {
        self.jurisdictions.push((
            "provisions/jurisdictions.toml".to_owned(),
            bundled::JURISDICTIONS.as_bytes().to_vec(),
        ));
        for (path, text) in bundled::FILES {
            self.files.push((
                format!("provisions/{path}"),
                text.as_bytes().to_vec(),
                expected_id(path),
            ));
        }
        self
    }

    /// Adds one instrument file; `origin` names it in messages. Its id is not checked against
    /// the origin (use [`Loader::dir`] for that).
    pub fn toml(mut self, origin: &str, text: &str) -> Loader {
        self.files
            .push((origin.to_owned(), text.as_bytes().to_vec(), None));
        self
    }

    /// Adds one instrument file as raw bytes (which may turn out not to be UTF-8).
    pub fn bytes(mut self, origin: &str, bytes: Vec<u8>) -> Loader {
        self.files.push((origin.to_owned(), bytes, None));
        self
    }

    /// Adds every `*.toml` file under `dir`: `jurisdictions.toml` at its root is the
    /// jurisdiction registry (added to the bundled one if [`Loader::bundled`] was called,
    /// instead of it otherwise), and each `<jurisdiction>/<name>.toml` must hold the instrument
    /// `<jurisdiction>/<name>`. Messages name files by the directory as given, when it is
    /// relative, or by its last component, when it is absolute, followed by the file's path
    /// inside it.
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Loader {
        let dir = dir.as_ref();
        // Messages name files as the directory was given when it is relative (so that
        // `tests/data/x/cn/a.toml:3:1` opens in an editor), by its last component otherwise
        // (so that they do not depend on the machine).
        let base = if dir.is_relative() {
            dir.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .filter(|c| c != ".")
                .collect::<Vec<_>>()
                .join("/")
        } else {
            dir.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let base = if base.is_empty() {
            ".".to_owned()
        } else {
            base
        };
        let mut found = Vec::new();
        if let Err((path, source)) = walk(dir, &mut found) {
            let origin = format!(
                "{base}/{}",
                path.strip_prefix(dir).unwrap_or(&path).display()
            );
            self.errors.push(LoadError::new(
                Location::new(origin.trim_end_matches('/'), 1, 1),
                LoadErrorKind::Io { path, source },
            ));
        }
        found.sort();
        for path in found {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let rel_s = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let origin = format!("{base}/{rel_s}");
            match std::fs::read(&path) {
                Ok(bytes) if rel_s == "jurisdictions.toml" => {
                    self.jurisdictions.push((origin, bytes));
                }
                Ok(bytes) => self.files.push((origin, bytes, expected_id(&rel_s))),
                Err(source) => self.errors.push(LoadError::new(
                    Location::new(origin, 1, 1),
                    LoadErrorKind::Io { path, source },
                )),
            }
        }
        self
    }

    /// Validates everything added and builds the corpus.
    ///
    /// # Errors
    ///
    /// Returns every problem found, each with its location, if there is any.
    pub fn load(self) -> Result<Corpus, LoadErrors> {
        let mut errors = self.errors;
        let mut registries = self.jurisdictions;
        if registries.is_empty() {
            registries.push((
                "provisions/jurisdictions.toml".to_owned(),
                bundled::JURISDICTIONS.as_bytes().to_vec(),
            ));
        }
        let mut jurisdictions = BTreeMap::new();
        let mut parents = Vec::new();
        for (origin, bytes) in &registries {
            for (code, (j, at)) in
                load::load_jurisdictions(origin, bytes, &mut parents, &mut errors)
            {
                match jurisdictions.get(&code) {
                    Some((_, first)) => errors.push(LoadError::new(
                        at,
                        LoadErrorKind::DuplicateId {
                            what: "jurisdiction",
                            id: code,
                            first: Location::clone(first),
                        },
                    )),
                    None => {
                        jurisdictions.insert(code, (j, at));
                    }
                }
            }
        }
        load::check_parents(&jurisdictions, parents, &mut errors);
        let files: Vec<load::SourceFile<'_>> = self
            .files
            .iter()
            .map(|(origin, bytes, expected)| load::SourceFile {
                origin: origin.clone(),
                bytes,
                expected_id: expected.clone(),
            })
            .collect();
        let loaded = load::load(jurisdictions, &files, &mut errors);
        if errors.is_empty() {
            Ok(Corpus::from(CorpusData {
                jurisdictions: loaded.jurisdictions,
                instruments: loaded.instruments,
            }))
        } else {
            Err(LoadErrors::new(errors))
        }
    }
}

/// Ids longer than this get no did-you-mean: no id in a corpus is that long, and comparing a
/// huge string with every id would make a failed lookup slow (a 200,000-character id took
/// seconds).
const MAX_SUGGESTION_INPUT: usize = 256;

/// The id in `ids` closest to `id`, for a did-you-mean.
fn suggest(id: &str, ids: &[String]) -> Option<String> {
    if id.len() > MAX_SUGGESTION_INPUT {
        return None;
    }
    crate::model::closest_owned(id, ids.iter())
}

/// `eu/gdpr.toml` → `eu/gdpr`.
fn expected_id(rel: &str) -> Option<String> {
    let stem = rel.strip_suffix(".toml")?;
    let mut parts: Vec<&str> = stem.split('/').collect();
    let name = parts.pop()?;
    let jurisdiction = parts.pop().unwrap_or("");
    Some(format!("{jurisdiction}/{name}"))
}

type WalkError = (std::path::PathBuf, std::io::Error);

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), WalkError> {
    let entries = std::fs::read_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| (dir.to_path_buf(), e))?;
        let path = entry.path();
        let ty = entry.file_type().map_err(|e| (path.clone(), e))?;
        if ty.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

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

    /// A corpus of instruments built in code, with the bundled jurisdiction registry.
    ///
    /// Unlike the loaders, this does not check the instruments (quotes, references, ids):
    /// it is for corpora that a program generates, such as property tests. Instruments are
    /// sorted by id; of two with the same id, the first is kept.
    ///
    /// ```
    /// let gdpr = lexgap::Corpus::bundled().instrument("eu/gdpr")?.clone();
    /// let corpus = lexgap::Corpus::from_instruments(vec![gdpr]);
    /// assert_eq!(corpus.instruments().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_instruments(mut instruments: Vec<Instrument>) -> Corpus {
        instruments.sort_by(|a, b| a.id.cmp(&b.id));
        instruments.dedup_by(|a, b| a.id == b.id);
        let jurisdictions = Corpus::bundled().data.jurisdictions.clone();
        Corpus::from(CorpusData {
            jurisdictions,
            instruments,
        })
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
    /// Returns a [`LookupError`] when no provision has the id.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert_eq!(corpus.provision("cn/constitution/art-40")?.id.to_string(), "cn/constitution/art-40");
    /// let err = corpus.provision("coe/echr/art8").unwrap_err();
    /// assert_eq!(err.suggestion(), Some("coe/echr/art-8"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn provision(&self, id: &str) -> Result<&Provision, LookupError> {
        self.get(id).ok_or_else(|| {
            let ids: Vec<String> = self.index.keys().map(ToString::to_string).collect();
            LookupError::new("provision", id, suggest(id, &ids))
        })
    }

    /// The instrument with this id (`eu/gdpr`), or an error that suggests the closest id.
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`] when no instrument has the id.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// assert_eq!(corpus.instrument("eu/gdpr")?.short_title, "GDPR");
    /// assert_eq!(corpus.instrument("eu/gpdr").unwrap_err().suggestion(), Some("eu/gdpr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn instrument(&self, id: &str) -> Result<&Instrument, LookupError> {
        id.parse::<InstrumentId>()
            .ok()
            .and_then(|id| self.get_instrument(&id))
            .ok_or_else(|| {
                let ids: Vec<String> = self
                    .data
                    .instruments
                    .iter()
                    .map(|i| i.id.to_string())
                    .collect();
                LookupError::new("instrument", id, suggest(id, &ids))
            })
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

/// The repository-relative paths of the bundled files (for tests that compare them with
/// `provisions/`).
#[doc(hidden)]
pub fn bundled_paths() -> impl Iterator<Item = &'static str> {
    bundled::FILES.iter().map(|(p, _)| *p)
}
