//! The [`Loader`]: the files of a corpus (the bundled ones, a directory, single files) and
//! what a directory walk passed over ([`Skipped`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use super::walk::{Walk, read_regular};
use super::{Corpus, CorpusData, bundled, load};
use crate::error::{LoadError, LoadErrorKind, LoadErrors, Location};
use crate::model::InstrumentId;

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
    /// Each instrument file: its origin, where its bytes are, and the id its path implies.
    files: Vec<(String, Source, Option<String>)>,
    jurisdictions: Vec<(String, Vec<u8>)>,
    errors: Vec<LoadError>,
    skipped: Vec<Skipped>,
}

/// Where an instrument file's bytes are. A directory's files are read one at a time when the
/// corpus is loaded, and each file's bytes are dropped once it is converted, so that loading
/// never holds every file at once.
#[derive(Debug)]
enum Source {
    /// Embedded in the crate.
    Static(&'static str),
    /// Handed over by the caller.
    Bytes(Vec<u8>),
    /// A regular file found by [`Loader::dir`], not read yet.
    File(PathBuf),
}

impl Source {
    /// The bytes, borrowed where they are already in memory, read where they are on disk.
    fn bytes(&self) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        Ok(match self {
            Source::Static(text) => text.as_bytes().into(),
            Source::Bytes(bytes) => bytes.as_slice().into(),
            Source::File(path) => read_regular(path)?.into(),
        })
    }
}

/// How messages name a directory's files: as the directory was given when it is relative (so
/// that `tests/data/x/cn/a.toml:3:1` opens in an editor), by its last component otherwise (so
/// that they do not depend on the machine).
fn base_name(dir: &Path) -> String {
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
    if base.is_empty() {
        ".".to_owned()
    } else {
        base
    }
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
                Source::Static(text),
                expected_id(path),
            ));
        }
        self
    }

    /// Adds one instrument file; `origin` names it in messages. Its id is not checked against
    /// the origin (use [`Loader::dir`] for that).
    pub fn toml(mut self, origin: &str, text: &str) -> Loader {
        self.files.push((
            origin.to_owned(),
            Source::Bytes(text.as_bytes().to_vec()),
            None,
        ));
        self
    }

    /// Adds one instrument file as raw bytes (which may turn out not to be UTF-8).
    pub fn bytes(mut self, origin: &str, bytes: Vec<u8>) -> Loader {
        self.files
            .push((origin.to_owned(), Source::Bytes(bytes), None));
        self
    }

    /// Adds every `*.toml` file under `dir`: `jurisdictions.toml` at its root is the
    /// jurisdiction registry (added to the bundled one if [`Loader::bundled`] was called,
    /// instead of it otherwise), and each `<jurisdiction>/<name>.toml` must hold the instrument
    /// `<jurisdiction>/<name>`. Messages name files by the directory as given, when it is
    /// relative, or by its last component, when it is absolute, followed by the file's path
    /// inside it.
    ///
    /// The instrument files are read by [`Loader::load`], one at a time, each file's bytes
    /// dropped once it is converted (the registry is read here).
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
        let base = base_name(dir);
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
            if rel_s != "jurisdictions.toml" {
                // Read when the corpus is loaded, one file at a time.
                self.files.push((origin, Source::File(path), expected));
                continue;
            }
            match read_regular(&path) {
                Ok(bytes) => self.jurisdictions.push((origin, bytes)),
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
        // One file at a time: its bytes are read (or borrowed), converted, and dropped before
        // the next, so that only the model and the locations the cross-file checks need
        // outlive a file.
        let files = self.files.iter().map(|(origin, source, expected)| {
            let bytes = source.bytes().map_err(|e| {
                let path = match source {
                    Source::File(path) => path.clone(),
                    Source::Static(_) | Source::Bytes(_) => PathBuf::from(origin),
                };
                Box::new(LoadError::new(
                    whole(origin),
                    LoadErrorKind::Io { path, source: e },
                ))
            })?;
            Ok(load::SourceFile {
                origin: origin.clone(),
                bytes,
                expected_id: expected.clone(),
            })
        });
        let loaded = load::load(jurisdictions, files, &mut errors);
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

/// `eu/gdpr.toml` → `eu/gdpr`; `None` for a path that names no valid instrument id exactly
/// (not two parts deep, or a part that is not a lowercase id segment).
fn expected_id(rel: &str) -> Option<String> {
    let stem = rel.strip_suffix(".toml")?;
    let id: InstrumentId = stem.parse().ok()?;
    let id = id.to_string();
    (id == stem).then_some(id)
}

/// A location for a whole file or directory: no line, no column.
pub(super) fn whole(origin: &str) -> Location {
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
    pub(super) location: Location,
    pub(super) reason: SkipReason,
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
