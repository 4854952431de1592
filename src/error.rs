//! Errors: loading a corpus ([`LoadErrors`], one [`LoadError`] per problem, each located) and
//! looking things up in it ([`LookupError`], with a did-you-mean).
//!
//! Analysis (alignment, diffing, classification, rendering) is infallible once a corpus has
//! loaded, so these are the only error types.

use std::fmt;
use std::path::PathBuf;

/// A place in a source file: `origin:line:column`, 1-based, columns counted in characters.
///
/// The origin is a repository-relative path (`provisions/eu/gdpr.toml`), for bundled data too,
/// so messages are the same on every machine.
///
/// Line 0 stands for the whole file or directory (one that cannot be read, or a directory with
/// no instrument file): `Display` then writes the origin alone, with no invented line and
/// column. So that `origin:line:column` always splits at its colons, `Display` percent-encodes
/// `:` (as `%3A`), `%` (as `%25`) and control characters (such as a newline) in the origin;
/// [`Location::origin`] returns it unchanged.
///
/// ```
/// let loc = lexgap::Location::new("provisions/eu/gdpr.toml", 42, 1);
/// assert_eq!(loc.to_string(), "provisions/eu/gdpr.toml:42:1");
/// // The whole file.
/// assert_eq!(lexgap::Location::new("q/zz/law.toml", 0, 0).to_string(), "q/zz/law.toml");
/// // A colon in a file name is encoded.
/// let odd = lexgap::Location::new("q/zz/a:1.toml", 3, 1);
/// assert_eq!(odd.to_string(), "q/zz/a%3A1.toml:3:1");
/// assert_eq!(odd.origin(), "q/zz/a:1.toml");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    origin: String,
    line: usize,
    column: usize,
}

impl Location {
    /// Makes a location.
    pub fn new(origin: impl Into<String>, line: usize, column: usize) -> Location {
        Location {
            origin: origin.into(),
            line,
            column,
        }
    }

    /// The location of byte `offset` in `text`. An offset inside a character locates that
    /// character; an offset past the end locates the end.
    ///
    /// ```
    /// let loc = lexgap::Location::at_offset("f.toml", "a = 1\nbé = 2\n", 10);
    /// assert_eq!(loc.to_string(), "f.toml:2:4");
    /// // Byte 8 is inside `é`, which is column 2.
    /// assert_eq!(lexgap::Location::at_offset("f.toml", "a = 1\nbé = 2\n", 8).column(), 2);
    /// ```
    pub fn at_offset(origin: impl Into<String>, text: &str, offset: usize) -> Location {
        let offset = crate::model::floor_char_boundary(text, offset);
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let column = before[line_start..].chars().count() + 1;
        Location::new(origin, line, column)
    }

    /// The file, relative to the repository root.
    pub fn origin(&self) -> &str {
        &self.origin
    }
    /// The line, from 1; 0 for the whole file or directory.
    pub fn line(&self) -> usize {
        self.line
    }
    /// The column, from 1, in characters; 0 for the whole file or directory.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.origin.chars() {
            if c == ':' || c == '%' || c.is_control() {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    write!(f, "%{b:02X}")?;
                }
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        Ok(())
    }
}

/// One problem found while loading a corpus, with where it is.
///
/// ```
/// let err = lexgap::Corpus::from_toml("x.toml", "").unwrap_err();
/// let first = err.iter().next().unwrap();
/// assert_eq!(first.location().to_string(), "x.toml:1:1");
/// assert!(matches!(first.kind(), lexgap::LoadErrorKind::Empty));
/// assert_eq!(first.to_string(), "x.toml:1:1: empty file");
/// ```
#[derive(Debug)]
pub struct LoadError {
    location: Location,
    kind: LoadErrorKind,
}

impl fmt::Display for LoadError {
    /// `origin:line:column: message`, where no word of the message is longer than
    /// 200 characters: a 5 MB key or value is cut, the location points at it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, bounded(&self.kind.to_string()))
    }
}

/// How many characters of one word (a run without whitespace) a message repeats.
const WORD_IN_MESSAGE: usize = 200;

/// `message` with every word longer than [`WORD_IN_MESSAGE`] characters cut to its head and
/// a count of the rest.
fn bounded(message: &str) -> std::borrow::Cow<'_, str> {
    let long = |w: &str| w.len() > WORD_IN_MESSAGE && w.chars().count() > WORD_IN_MESSAGE;
    if !message.split_whitespace().any(long) {
        return message.into();
    }
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while !rest.is_empty() {
        let space = rest.len() - rest.trim_start().len();
        out.push_str(&rest[..space]);
        rest = &rest[space..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        out.push_str(&crate::model::script::clip(word, WORD_IN_MESSAGE));
        rest = &rest[end..];
    }
    out.into()
}

impl std::error::Error for LoadError {
    // The kind's message is already in `Display`; only its own cause (an I/O error) is a source.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}

impl LoadError {
    pub(crate) fn new(location: Location, kind: LoadErrorKind) -> LoadError {
        LoadError { location, kind }
    }
    /// Where the problem is.
    pub fn location(&self) -> &Location {
        &self.location
    }
    /// What the problem is.
    pub fn kind(&self) -> &LoadErrorKind {
        &self.kind
    }
}

/// What went wrong while loading. Messages are lowercase, name things in backticks, and say
/// nothing of the location (the [`LoadError`] around them does).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file is not UTF-8; the location is the first bad byte.
    #[error("file is not valid utf-8")]
    NotUtf8,
    /// The file is empty or holds only whitespace and comments.
    #[error("empty file")]
    Empty,
    /// TOML syntax, a wrong type, an unknown or a missing field (the TOML parser's message).
    #[error("{message}")]
    Toml {
        /// The parser's message, such as ``unknown field `titel`, expected one of ...``.
        message: String,
    },
    /// A vocabulary term that is not in the vocabulary.
    #[error("{0}")]
    UnknownTerm(#[from] crate::model::UnknownTerm),
    /// A jurisdiction that `provisions/jurisdictions.toml` does not list.
    #[error("unknown jurisdiction `{found}`{}", did_you_mean(.suggestion.as_deref()))]
    UnknownJurisdiction {
        /// The code found.
        found: String,
        /// The closest known code.
        suggestion: Option<String>,
    },
    /// An identifier, language tag or other value of the wrong shape.
    #[error("{0}")]
    Invalid(String),
    /// An exception written in the schema v1 form: `exceptions` inside a norm, or a norm of
    /// kind `exception`. The message names the form that replaces it.
    #[error(
        "{} in `{id}` is the schema v1 form; write {} as a `[[provision.derogation]]` entry with `form`, `grounds` and `quote`{} (provisions/README.md, \"[[provision.derogation]]\")",
        if *.norm_kind { "a norm of kind `exception`" } else { "`exceptions` inside a norm" },
        if *.norm_kind { "it" } else { "each exception" },
        if *.norm_kind { " (a general limitation clause has `form = \"limitation\"`)" } else { "" }
    )]
    SchemaV1 {
        /// The provision.
        id: String,
        /// Whether the old form is a norm of kind `exception` (rather than `exceptions`).
        norm_kind: bool,
    },
    /// A date that is not a calendar date.
    #[error("{0}")]
    Date(#[from] crate::model::DateError),
    /// Two definitions of one id.
    #[error("duplicate {what} id `{id}` (first defined at {first})")]
    DuplicateId {
        /// `provision` or `instrument`.
        what: &'static str,
        /// The id defined twice.
        id: String,
        /// Where it was first defined.
        first: Location,
    },
    /// A reference or correspondence to a provision that the corpus does not hold.
    #[error("`{from}` {how} `{to}`, which is not in the corpus{}", did_you_mean(.suggestion.as_deref()))]
    Dangling {
        /// The provision or instrument that refers.
        from: String,
        /// How it refers: `cites`, `corresponds to`, `becomes`, `supersedes`.
        how: &'static str,
        /// The id it names.
        to: String,
        /// The closest id in the corpus.
        suggestion: Option<String>,
    },
    /// An evidence quote that does not occur in the provision's text.
    #[error("evidence quote not found in {}text of `{id}`: \"{}\"", lang_prefix(.lang.as_deref()), shorten(.quote))]
    QuoteNotFound {
        /// The provision.
        id: String,
        /// The language the quote was said to be in, if it was.
        lang: Option<String>,
        /// The quote.
        quote: String,
    },
    /// A quote in a language the provision has no text in.
    #[error("`{id}` has no `{lang}` text to quote from (it has {have})")]
    NoTextInLanguage {
        /// The provision.
        id: String,
        /// The language asked for.
        lang: String,
        /// The languages it has, as a list.
        have: String,
    },
    /// A provision text, title or quote that is empty.
    #[error("empty {what} in `{id}`")]
    EmptyText {
        /// What is empty: `text`, `quote` ...
        what: &'static str,
        /// The provision or instrument.
        id: String,
    },
    /// A provision without any text.
    #[error("provision `{id}` has no text")]
    NoText {
        /// The provision.
        id: String,
    },
    /// A text in a language the instrument gives no provenance for.
    #[error(
        "`{id}` has `{lang}` text, but the instrument's `languages` table has no `{lang}` entry"
    )]
    NoProvenance {
        /// The provision.
        id: String,
        /// The language.
        lang: String,
    },
    /// An instrument file whose id does not match its place in the directory.
    #[error("instrument id `{id}` does not match the file's path; expected `{expected}`")]
    IdPathMismatch {
        /// The id in the file.
        id: String,
        /// The id the path implies.
        expected: String,
    },
    /// A label whose article number differs from the provision id's.
    #[error("label `{label}` is article {found}, but the id `{id}` says {expected}")]
    LabelMismatch {
        /// The provision.
        id: String,
        /// The label.
        label: String,
        /// The number the label gives.
        found: u32,
        /// The number the id gives.
        expected: u32,
    },
    /// `becomes`/`supersedes` relations that go round in a circle.
    #[error("version cycle: {cycle}")]
    VersionCycle {
        /// The instruments in the cycle, joined with ` → `.
        cycle: String,
    },
    /// A file or directory that could not be read (the cause is in `source()`).
    #[error("failed to read `{}`", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A corpus directory that holds no instrument file; the location is the directory.
    #[error(
        "no instrument file in this directory (instrument files go at `<jurisdiction>/<name>.toml`){}",
        match *.skipped {
            0 => String::new(),
            1 => "; 1 entry was skipped (see the warnings)".to_owned(),
            n => format!("; {n} entries were skipped (see the warnings)"),
        }
    )]
    NoInstruments {
        /// How many entries of the directory were skipped, each with a warning
        /// ([`Loader::skipped`](crate::Loader::skipped)).
        skipped: usize,
    },
    /// A `.toml` file of a corpus directory whose path names no instrument id: it is not at
    /// `<jurisdiction>/<name>.toml`, or a part is not a valid id segment. The location is the
    /// file.
    #[error(
        "the path `{path}` names no instrument id: instrument files go at `<jurisdiction>/<name>.toml` inside the corpus directory, each part lowercase ASCII letters, digits, `-` or `.` (only `jurisdictions.toml` goes at the top)"
    )]
    MisplacedFile {
        /// The file's path inside the directory, with `/` separators.
        path: String,
    },
    /// A label in a language the instrument's `languages` table has no entry for.
    #[error(
        "`{id}` has a `{lang}` label, but the instrument's `languages` table has no `{lang}` entry"
    )]
    NoLabelProvenance {
        /// The provision.
        id: String,
        /// The language.
        lang: String,
    },
}

fn did_you_mean(s: Option<&str>) -> String {
    s.map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

/// How many characters of a quote an error message repeats.
const QUOTE_IN_MESSAGE: usize = 200;

/// A quote as an error message repeats it: whole when short, else its first
/// [`QUOTE_IN_MESSAGE`] characters and how many more there are (the location points at it).
fn shorten(quote: &str) -> std::borrow::Cow<'_, str> {
    crate::model::script::clip(quote, QUOTE_IN_MESSAGE)
}

fn lang_prefix(lang: Option<&str>) -> String {
    lang.map(|l| format!("the `{l}` "))
        .unwrap_or_else(|| "any ".into())
}

/// Every problem found in a corpus, sorted by location; `Display` prints one per line.
///
/// ```
/// let bad = "[instrument]\nid = \"xx/test\"\n";
/// let errors = lexgap::Corpus::from_toml("bad.toml", bad).unwrap_err();
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors.to_string(), "bad.toml:1:1: missing field `title`");
/// ```
#[derive(Debug)]
pub struct LoadErrors(Vec<LoadError>);

impl LoadErrors {
    pub(crate) fn new(mut errors: Vec<LoadError>) -> LoadErrors {
        errors.sort_by(|a, b| a.location.cmp(&b.location));
        LoadErrors(errors)
    }
    /// The problems, in location order.
    pub fn iter(&self) -> std::slice::Iter<'_, LoadError> {
        self.0.iter()
    }
    /// How many problems there are (at least one).
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Always false: a `LoadErrors` holds at least one error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for LoadErrors {
    type Item = LoadError;
    type IntoIter = std::vec::IntoIter<LoadError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a LoadErrors {
    type Item = &'a LoadError;
    type IntoIter = std::slice::Iter<'a, LoadError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// No item in the corpus has the id asked for.
///
/// `Display` says what was looked for, then a [note](LookupError::note) when the corpus knows
/// why it has nothing (the instrument declares the provision missing, the number is past the
/// instrument's last article, the id names an instrument), then a did-you-mean when an id is
/// near enough ([`LookupError::suggestion`]). A suggestion of another kind of thing than was
/// looked for says so: `did you mean the instrument `eu/gdpr`?`.
///
/// ```
/// let corpus = lexgap::Corpus::bundled();
/// let err = corpus.provision("eu/gdpr/art-53x").unwrap_err();
/// assert_eq!(err.id(), "eu/gdpr/art-53x");
/// assert!(err.to_string().starts_with("no provision `eu/gdpr/art-53x`"));
///
/// let err = corpus.provision("eu/gdpr/Article 9").unwrap_err();
/// assert_eq!(err.suggestion(), Some("eu/gdpr/art-9"));
///
/// let err = corpus.provision("cn/pipl/art-75").unwrap_err();
/// assert_eq!(err.suggestion(), None);
/// assert_eq!(err.note(), Some("the PIPL has articles 1 to 74"));
/// assert_eq!(err.to_string(), "no provision `cn/pipl/art-75`; the PIPL has articles 1 to 74");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "no {what} `{id}`{}{}",
    note_part(.note.as_deref()),
    did_you_mean_the(.suggestion_what, .suggestion.as_deref())
)]
pub struct LookupError {
    what: &'static str,
    id: String,
    suggestion: Option<String>,
    /// What the suggestion names, when the message says it (`instrument`, `provision`).
    suggestion_what: Option<&'static str>,
    note: Option<String>,
}

fn note_part(note: Option<&str>) -> String {
    note.map(|n| format!("; {n}")).unwrap_or_default()
}

fn did_you_mean_the(what: &Option<&'static str>, s: Option<&str>) -> String {
    match (what, s) {
        (Some(what), Some(s)) => format!("; did you mean the {what} `{s}`?"),
        (None, s) => did_you_mean(s),
        (_, None) => String::new(),
    }
}

impl LookupError {
    pub(crate) fn new(what: &'static str, id: &str, suggestion: Option<String>) -> LookupError {
        LookupError {
            what,
            id: id.to_owned(),
            suggestion,
            suggestion_what: None,
            note: None,
        }
    }
    /// The same error, its suggestion naming another kind of thing (`instrument` for a
    /// provision id given where an instrument id is expected), which the message says.
    pub(crate) fn suggesting_a(mut self, what: &'static str) -> LookupError {
        self.suggestion_what = Some(what);
        self
    }
    /// The same error with a note on why nothing was found.
    pub(crate) fn with_note(mut self, note: Option<String>) -> LookupError {
        self.note = note;
        self
    }
    /// The id that was not found.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The closest id in the corpus, if one is near enough.
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }
    /// Why the corpus has nothing under the id, where it knows: "the PIPL has articles 1 to
    /// 74", "the corpus does not hold article 9 of the ECHR: \`coe/echr\` declares
    /// \`art-9..art-59\` missing", "\`eu/gdpr\` names an instrument (the GDPR), not a
    /// provision".
    ///
    /// ```
    /// let err = lexgap::Corpus::bundled().provision("coe/echr/art-9").unwrap_err();
    /// assert_eq!(
    ///     err.note(),
    ///     Some("the corpus does not hold article 9 of the ECHR: `coe/echr` declares `art-9..art-59` missing")
    /// );
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}
