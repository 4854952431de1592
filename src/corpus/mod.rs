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
mod raw;
mod select;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{LoadError, LoadErrorKind, LoadErrors, Location, LookupError};
use crate::model::{Date, Instrument, InstrumentId, Jurisdiction, Provision, ProvisionId};

pub use bundled::CORPUS_VERSION;
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
    skipped: Vec<Skipped>,
}

impl Loader {
    /// An empty loader; the jurisdiction registry defaults to the bundled one.
    pub fn new() -> Loader {
        Loader::default()
    }

    /// Adds the bundled instruments and jurisdiction registry, so that your files may refer
    /// to them (a `jurisdictions.toml` of yours then adds codes; it may repeat a bundled entry
    /// word for word, as a copy of the bundled registry does, but not redefine one).
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
    ///
    /// Only regular files are read, and symbolic links are followed. What is not read is
    /// listed in [`Loader::skipped`], each with its location and reason, without failing the
    /// load: hidden files and directories (names starting with `.`); `*.toml` names on
    /// anything but a regular file (a named pipe, a socket, a device: never opened); names
    /// ending in `.toml` in another case (`.TOML`); symbolic links to a directory that contains
    /// them (a loop) or to one already read; symbolic links that cannot be followed (unless
    /// named `*.toml`, which is an error). Other files (`README.md`) are ignored without a word.
    ///
    /// These are errors, located at the directory or file without a line or column: a
    /// directory or file that cannot be read ([`LoadErrorKind::Io`], with the system's reason
    /// as its `source()`); a directory with no instrument file
    /// ([`LoadErrorKind::NoInstruments`]); a `.toml` file whose path names no instrument id
    /// ([`LoadErrorKind::MisplacedFile`]).
    ///
    /// ```
    /// let err = lexgap::Corpus::from_dir("tests/data/no-such-dir").unwrap_err();
    /// assert_eq!(err.to_string(), "tests/data/no-such-dir: failed to read `tests/data/no-such-dir`");
    /// ```
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
        let mut walk = Walk {
            base: &base,
            found: Vec::new(),
            skipped: Vec::new(),
            errors: Vec::new(),
            seen: HashMap::new(),
            links: std::collections::VecDeque::new(),
        };
        let root_read = walk.run(dir);
        let Walk {
            mut found,
            skipped,
            mut errors,
            ..
        } = walk;
        found.sort();
        let mut instruments = 0;
        for (rel, path) in found {
            let rel_s = rel.join("/");
            let origin = format!("{base}/{rel_s}");
            let expected = if rel_s == "jurisdictions.toml" {
                None
            } else {
                instruments += 1;
                match expected_id(&rel_s) {
                    Some(id) => Some(id),
                    None => {
                        errors.push(LoadError::new(
                            whole(&origin),
                            LoadErrorKind::MisplacedFile {
                                path: rel_s.clone(),
                            },
                        ));
                        None
                    }
                }
            };
            match read_regular(&path) {
                Ok(bytes) if rel_s == "jurisdictions.toml" => {
                    self.jurisdictions.push((origin, bytes));
                }
                Ok(bytes) => self.files.push((origin, bytes, expected)),
                Err(source) => errors.push(LoadError::new(
                    whole(&origin),
                    LoadErrorKind::Io { path, source },
                )),
            }
        }
        if root_read && instruments == 0 {
            errors.push(LoadError::new(
                whole(&base),
                LoadErrorKind::NoInstruments {
                    skipped: skipped.len(),
                },
            ));
        }
        self.errors.extend(errors);
        self.skipped.extend(skipped);
        self.skipped.sort_by(|a, b| a.location.cmp(&b.location));
        self
    }

    /// What the directories added so far passed over, in location order: warnings, not
    /// errors (see [`Loader::dir`]). Read it before [`Loader::load`] to report it whether or
    /// not loading succeeds; a loaded corpus keeps it too ([`Corpus::skipped`]).
    ///
    /// ```
    /// let loader = lexgap::Corpus::loader().dir("provisions");
    /// assert!(loader.skipped().is_empty());
    /// ```
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Validates everything added and builds the corpus.
    ///
    /// # Errors
    ///
    /// Returns every problem found, each with its location, if there is any.
    pub fn load(self) -> Result<Corpus, LoadErrors> {
        let skipped = self.skipped;
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
                    // A registry that repeats an entry of another one word for word (a copy of
                    // the bundled registry beside one's own files, loaded with the bundled
                    // corpus) says nothing new; one that differs is a conflict.
                    Some((same, _)) if *same == j => {}
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
            let mut corpus = Corpus::from(CorpusData {
                jurisdictions: loaded.jurisdictions,
                instruments: loaded.instruments,
            });
            corpus.skipped = skipped;
            Ok(corpus)
        } else {
            Err(LoadErrors::new(errors))
        }
    }
}

/// The id in `ids` closest to `id`, for a did-you-mean (none for an id longer than any id
/// could be: see `model::vocab::MAX_SUGGESTION_INPUT`).
fn suggest(id: &str, ids: &[String]) -> Option<String> {
    crate::model::closest_owned(id, ids.iter())
}

/// `eu/gdpr.toml` → `eu/gdpr`; `None` for a path that names no valid instrument id exactly
/// (not two parts deep, or a part that is not a lowercase id segment).
fn expected_id(rel: &str) -> Option<String> {
    let stem = rel.strip_suffix(".toml")?;
    let id: InstrumentId = stem.parse().ok()?;
    let id = id.to_string();
    (id == stem).then_some(id)
}

/// A location for a whole file or directory: no line, no column.
fn whole(origin: &str) -> Location {
    Location::new(origin, 0, 0)
}

/// One entry of a directory that [`Loader::dir`] did not read, and why: a warning, not an
/// error. The location is the entry itself, without a line or column.
///
/// ```no_run
/// let loader = lexgap::Corpus::loader().dir("q");
/// for s in loader.skipped() {
///     // q/zz/.draft.toml: skipped a hidden file (names starting with `.` are not read)
///     eprintln!("warning: {s}");
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    location: Location,
    reason: SkipReason,
}

impl Skipped {
    /// The entry passed over.
    pub fn location(&self) -> &Location {
        &self.location
    }
    /// Why it was not read.
    pub fn reason(&self) -> &SkipReason {
        &self.reason
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.reason)
    }
}

/// Why [`Loader::dir`] did not read an entry. Messages are lowercase and say nothing of the
/// location (the [`Skipped`] around them does).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// A file or directory whose name starts with `.` (files only when named `*.toml` in any
    /// case; other hidden files are ignored without a word).
    Hidden {
        /// Whether it is a directory.
        dir: bool,
    },
    /// A `*.toml` name on something other than a regular file; it was never opened (opening a
    /// named pipe waits for a writer, for ever).
    NotRegularFile {
        /// `named pipe`, `socket`, `block device`, `character device` or `special file`.
        what: &'static str,
    },
    /// A regular file whose name ends in `.toml` in another case, such as `.TOML`.
    Extension {
        /// The extension found, without the dot.
        found: String,
    },
    /// A symbolic link to a directory that contains it: following it would not end.
    SymlinkLoop {
        /// The directory it points to, as messages name it.
        target: String,
    },
    /// A symbolic link to a directory already read under another name.
    AlreadyRead {
        /// Where that directory was read, as messages name it.
        first: String,
    },
    /// A symbolic link that cannot be followed (its target is missing, or it loops); one named
    /// `*.toml` is an error instead ([`LoadErrorKind::Io`]).
    BrokenLink {
        /// The system's reason.
        reason: String,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Hidden { dir } => write!(
                f,
                "skipped a hidden {} (names starting with `.` are not read)",
                if *dir { "directory" } else { "file" }
            ),
            SkipReason::NotRegularFile { what } => write!(
                f,
                "skipped a {what}, which is not a regular file (only regular files are read)"
            ),
            SkipReason::Extension { found } => write!(
                f,
                "skipped a file ending in `.{found}` (instrument files end in `.toml`, lowercase)"
            ),
            SkipReason::SymlinkLoop { target } => write!(
                f,
                "skipped a symbolic link to `{target}`, a directory that contains it (a loop)"
            ),
            SkipReason::AlreadyRead { first } => write!(
                f,
                "skipped a symbolic link to a directory already read as `{first}`"
            ),
            SkipReason::BrokenLink { reason } => write!(
                f,
                "skipped a symbolic link that cannot be followed ({reason})"
            ),
        }
    }
}

/// The state of one [`Loader::dir`] walk.
///
/// Symbolic links to directories are followed after every real directory has been walked, so
/// that a directory reached both ways is read under its own name; a link to a directory that
/// was already read, or to one that contains the link (a loop), is skipped.
struct Walk<'a> {
    /// How messages name the root.
    base: &'a str,
    /// Candidate files: their path inside the root, by component, and on disk.
    found: Vec<(Vec<String>, PathBuf)>,
    skipped: Vec<Skipped>,
    errors: Vec<LoadError>,
    /// Every directory walked, canonical, with its origin.
    seen: HashMap<PathBuf, String>,
    /// Symbolic links to directories, still to follow.
    links: std::collections::VecDeque<(Vec<String>, PathBuf)>,
}

impl Walk<'_> {
    /// Walks the root directory and then the links found in it; false if the root cannot be
    /// read.
    fn run(&mut self, root: &Path) -> bool {
        let read = self.dir(root, &[]);
        while let Some((rel, path)) = self.links.pop_front() {
            self.link(&path, &rel);
        }
        read
    }

    fn origin(&self, rel: &[String]) -> String {
        if rel.is_empty() {
            self.base.to_owned()
        } else {
            format!("{}/{}", self.base, rel.join("/"))
        }
    }

    fn skip(&mut self, rel: &[String], reason: SkipReason) {
        let location = whole(&self.origin(rel));
        self.skipped.push(Skipped { location, reason });
    }

    fn io_error(&mut self, rel: &[String], path: &Path, source: std::io::Error) {
        let location = whole(&self.origin(rel));
        self.errors.push(LoadError::new(
            location,
            LoadErrorKind::Io {
                path: path.to_path_buf(),
                source,
            },
        ));
    }

    /// Follows the symbolic link `path` (at `rel`) to a directory, unless that would read a
    /// directory twice or loop.
    fn link(&mut self, path: &Path, rel: &[String]) {
        let canonical = |p: &Path| std::fs::canonicalize(p);
        let (target, parent) = match (canonical(path), path.parent().map(canonical)) {
            (Ok(target), Some(Ok(parent))) => (target, parent),
            (Err(e), _) | (_, Some(Err(e))) => return self.io_error(rel, path, e),
            (Ok(_), None) => return,
        };
        if parent.starts_with(&target) {
            let target = self
                .seen
                .get(&target)
                .cloned()
                .unwrap_or_else(|| target.display().to_string());
            self.skip(rel, SkipReason::SymlinkLoop { target });
        } else if let Some(first) = self.seen.get(&target) {
            let first = first.clone();
            self.skip(rel, SkipReason::AlreadyRead { first });
        } else {
            self.dir(path, rel);
        }
    }

    /// Walks the directory `path`, at `rel` inside the root; false if it cannot be read.
    fn dir(&mut self, path: &Path, rel: &[String]) -> bool {
        let entries = match std::fs::canonicalize(path)
            .and_then(|canonical| Ok((canonical, std::fs::read_dir(path)?)))
        {
            Ok((canonical, _)) if self.seen.contains_key(&canonical) => {
                // Only a link leads here, or a directory mounted inside itself.
                let first = self.seen[&canonical].clone();
                self.skip(rel, SkipReason::AlreadyRead { first });
                return true;
            }
            Ok((canonical, entries)) => {
                self.seen.insert(canonical, self.origin(rel));
                entries
            }
            Err(e) => {
                self.io_error(rel, path, e);
                return false;
            }
        };
        let mut entries: Vec<_> = entries.collect();
        entries.sort_by_key(|e| e.as_ref().ok().map(std::fs::DirEntry::file_name));
        for entry in entries {
            match entry {
                Ok(entry) => self.entry(&entry, rel),
                Err(e) => self.io_error(rel, path, e),
            }
        }
        true
    }

    fn entry(&mut self, entry: &std::fs::DirEntry, parent: &[String]) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let mut rel = parent.to_vec();
        rel.push(name.clone());
        let tomlish = name.to_ascii_lowercase().ends_with(".toml");
        let ty = match entry.file_type() {
            Ok(ty) => ty,
            Err(e) => return self.io_error(&rel, &path, e),
        };
        let link = ty.is_symlink();
        // What the entry is, through a symbolic link.
        let target = if link {
            std::fs::metadata(&path).map(|m| m.file_type())
        } else {
            Ok(ty)
        };
        if name.starts_with('.') {
            let dir = target.is_ok_and(|t| t.is_dir());
            if dir || tomlish {
                self.skip(&rel, SkipReason::Hidden { dir });
            }
            return;
        }
        let ty = match target {
            Ok(ty) => ty,
            // Reading it fails the same way, with the system's reason; it counts as an
            // instrument file.
            Err(_) if name.ends_with(".toml") => return self.found.push((rel, path)),
            Err(e) => {
                let reason = e.to_string();
                return self.skip(&rel, SkipReason::BrokenLink { reason });
            }
        };
        if ty.is_dir() {
            if link {
                self.links.push_back((rel, path));
            } else {
                self.dir(&path, &rel);
            }
        } else if !tomlish {
            // `README.md`, `notes.txt`: not corpus files.
        } else if !ty.is_file() {
            let what = special_kind(ty);
            self.skip(&rel, SkipReason::NotRegularFile { what });
        } else if name.ends_with(".toml") {
            self.found.push((rel, path));
        } else {
            let found = name[name.len() - 4..].to_owned();
            self.skip(&rel, SkipReason::Extension { found });
        }
    }
}

/// What a file that is neither a regular file nor a directory is.
fn special_kind(ty: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ty.is_fifo() {
            return "named pipe";
        }
        if ty.is_socket() {
            return "socket";
        }
        if ty.is_block_device() {
            return "block device";
        }
        if ty.is_char_device() {
            return "character device";
        }
    }
    let _ = ty;
    "special file"
}

/// Reads a file that the walk found to be regular, checking again once it is open (it may
/// have been replaced since) so that a device is never read.
fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "no longer a regular file",
        ));
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
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
