//! A statute's plain text cut into provisions, written as an instrument file.
//!
//! `import` is where a new law enters the corpus: it reads the text as published (a file, or
//! standard input for `lexgap import`), splits it at its article or section headings, and
//! writes a schema-v2 file that [`crate::corpus`] loads as is, the texts verbatim and the
//! provenance filled in from the options or left as marked gaps that the loader refuses until
//! someone fills them. It writes no norms: those are a person's reading of the text, added by
//! hand afterwards (`provisions/README.md`, "How to add an instrument").
//!
//! ```
//! use lexgap::import::ImportOptions;
//!
//! let text = "\
//! CHAPTER I
//! General provisions
//!
//! Article 1
//! Subject-matter
//! This Act lays down rules.
//!
//! Article 2 [Repealed]
//!
//! Article 4
//! Scope
//! This Act applies to everyone.
//! ";
//! let imported = ImportOptions::new("zz/example-act".parse()?, lexgap::model::Lang::new("en")?).import(text);
//! let ids: Vec<&str> = imported.provisions().iter().map(|p| p.id.as_str()).collect();
//! assert_eq!(ids, ["art-1", "art-2", "art-4"]);
//! let art1 = &imported.provisions()[0];
//! assert_eq!(art1.heading.as_deref(), Some("Subject-matter"));
//! assert_eq!(art1.chapter, ["Chapter I General provisions"]);
//! assert_eq!(art1.text, "This Act lays down rules.\n");
//! assert!(imported.provisions()[1].repealed);
//! // What could not be split, or looks wrong, with line numbers: article 3 is not there.
//! let report: Vec<String> = imported.unsplit().iter().map(|u| u.to_string()).collect();
//! assert_eq!(report, [
//!     "line 8: `Article 2` is marked repealed; written with its marker as text",
//!     "line 10: numbering jumps from 2 to 4 (3 missing)",
//! ]);
//! assert!(imported.to_toml().contains("id = \"art-4\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Headings
//!
//! - Articles: `Article 12`, `Art. 12`, `Artículo 12`, `Art. 12º`, `Artikel 12`, inserted
//!   articles `Article 12a`, `Art. 12-1`, `Article 12 bis`; Chinese `第十二条`, `第十二条之一`.
//!   Ids `art-12`, `art-12a` (`-1`, `bis` and `之一` are all the first inserted article, `a`).
//! - Sections, where no article heading occurs: `Section 12`, `Section 12A`, `§ 12`, and the
//!   numbered form `12.—(1)`, `12. (1)` (labelled `Section 12`). Ids `s-12`, `s-12a`.
//! - Sections numbered `1. Text` are split too where neither articles nor `Section N`
//!   headings occur, each only as the next number (so a paragraph `1.` inside a section stays
//!   text); a section's marginal heading on the line above it (`Interpretation` over
//!   `2.—(1) In this Act…`) is its heading.
//! - A heading alone on its line may have its title on the next line (the GDPR's `Article 9`
//!   then `Processing of special categories of personal data`), or after a dash on the same
//!   line; text after a space starts the provision's text (`Article 1 This Law…`, `第一条 为了…`).
//! - Chapter paths: `PART 4`, `TITLE II`, `CHAPTER I` (with its title on the lines below),
//!   `Chapter II — Title`, `Section 3` (where articles number the provisions), `Título I`,
//!   `Capítulo II`, `Chapitre III`, `Abschnitt 2`, `第一编`, `第一分编`, `第一章 总则`, `第一节`.
//! - Recitals after `Whereas:` (`(1) …`, `(2) …`) are kept apart as provisions `recital-N`
//!   in the chapter `Recitals`, up to a line in capitals (`HAVE ADOPTED THIS REGULATION:`) or
//!   the first heading.
//! - Schedules and annexes (`SCHEDULE 1`, `Annex II`, `附件`) are kept apart as provisions of
//!   their own (`schedule-1`, `annex-ii`), headings inside them not split.
//! - Repealed articles (`Article 12 [Repealed]`, `第十条 （删除）`) are written with their
//!   marker as the text and reported.
//!
//! Text is kept as printed: one line of the source is one line of the text, blank lines
//! dropped, indentation kept. Leading `# ` lines (the header of the reference files) are skipped.

mod heading;
mod merge;
mod split;
mod write;

pub use merge::{MergeError, Merged};

use std::fmt;

use crate::model::{Date, InstrumentId, InstrumentKind, Lang, LegalValue, Status};

/// What to import: the instrument's id and language, and the metadata written into its
/// `[instrument]` table. Fields left unset are written as `# FILL IN` comments, so that the
/// loader fails on the missing keys rather than accepting a placeholder value.
///
/// ```
/// use lexgap::import::ImportOptions;
/// use lexgap::model::LegalValue;
///
/// let mut options = ImportOptions::new("zz/act".parse()?, lexgap::model::Lang::new("en")?);
/// options.legal_value(LegalValue::Authentic).source("https://example.org/act");
/// let toml = options.import("Section 1 This Act may be cited.\n").to_toml();
/// assert!(toml.contains("legal-value = \"authentic\""));
/// assert!(toml.contains("# FILL IN: kind = "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub(crate) id: InstrumentId,
    pub(crate) lang: Lang,
    pub(crate) title: Option<String>,
    pub(crate) short_title: Option<String>,
    pub(crate) kind: Option<InstrumentKind>,
    pub(crate) status: Option<Status>,
    pub(crate) binding: Option<bool>,
    pub(crate) legal_value: Option<LegalValue>,
    pub(crate) source: Option<String>,
    pub(crate) retrieved: Option<Date>,
    pub(crate) publisher: Option<String>,
    pub(crate) licence: Option<String>,
}

impl ImportOptions {
    /// Options for the instrument `id` with its text in `lang`; every other field unset.
    ///
    /// ```
    /// let options = lexgap::import::ImportOptions::new("cn/pipl".parse()?, lexgap::model::Lang::new("zh")?);
    /// let imported = options.import("第一条 为了保护个人信息权益。\n");
    /// assert_eq!(imported.provisions()[0].label, "第一条");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: InstrumentId, lang: Lang) -> ImportOptions {
        ImportOptions {
            id,
            lang,
            title: None,
            short_title: None,
            kind: None,
            status: None,
            binding: None,
            legal_value: None,
            source: None,
            retrieved: None,
            publisher: None,
            licence: None,
        }
    }

    /// The official title, in the import's language (`title.<lang>`).
    pub fn title(&mut self, title: impl Into<String>) -> &mut Self {
        self.title = Some(title.into());
        self
    }

    /// The short title for tables (`short-title`).
    pub fn short_title(&mut self, short_title: impl Into<String>) -> &mut Self {
        self.short_title = Some(short_title.into());
        self
    }

    /// What the instrument is (`kind`).
    pub fn kind(&mut self, kind: InstrumentKind) -> &mut Self {
        self.kind = Some(kind);
        self
    }

    /// Its status (`status`).
    pub fn status(&mut self, status: Status) -> &mut Self {
        self.status = Some(status);
        self
    }

    /// Whether it binds anyone (`binding`).
    pub fn binding(&mut self, binding: bool) -> &mut Self {
        self.binding = Some(binding);
        self
    }

    /// The legal value of the text (`languages.<lang>.legal-value`).
    pub fn legal_value(&mut self, legal_value: LegalValue) -> &mut Self {
        self.legal_value = Some(legal_value);
        self
    }

    /// Where the text was read (`languages.<lang>.source`).
    pub fn source(&mut self, source: impl Into<String>) -> &mut Self {
        self.source = Some(source.into());
        self
    }

    /// When the source was read (`languages.<lang>.retrieved`).
    pub fn retrieved(&mut self, retrieved: Date) -> &mut Self {
        self.retrieved = Some(retrieved);
        self
    }

    /// Who published or translated the text (`languages.<lang>.publisher`).
    pub fn publisher(&mut self, publisher: impl Into<String>) -> &mut Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// The terms of reuse (`languages.<lang>.licence`).
    pub fn licence(&mut self, licence: impl Into<String>) -> &mut Self {
        self.licence = Some(licence.into());
        self
    }

    /// Splits `text` into provisions. Infallible: what cannot be split is reported in
    /// [`Imported::unsplit`].
    pub fn import(&self, text: &str) -> Imported {
        let (provisions, unsplit) = split::split(text);
        Imported {
            options: self.clone(),
            provisions,
            unsplit,
        }
    }
}

/// The result of an import: the provisions found, in document order, and what could not be
/// split. [`Imported::to_toml`] writes the instrument file.
#[derive(Debug, Clone)]
pub struct Imported {
    options: ImportOptions,
    provisions: Vec<ImportedProvision>,
    unsplit: Vec<Unsplit>,
}

impl Imported {
    /// The provisions, in document order (a duplicate number is left out and reported).
    ///
    /// ```
    /// let options = lexgap::import::ImportOptions::new("zz/act".parse()?, lexgap::model::Lang::new("en")?);
    /// let imported = options.import("Article 1\nText.\nArticle 1a\nInserted.\n");
    /// assert_eq!(imported.provisions()[1].id, "art-1a");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn provisions(&self) -> &[ImportedProvision] {
        &self.provisions
    }

    /// What could not be split or looks wrong, in line order.
    ///
    /// ```
    /// use lexgap::import::{ImportOptions, UnsplitKind};
    ///
    /// let options = ImportOptions::new("zz/act".parse()?, lexgap::model::Lang::new("en")?);
    /// let imported = options.import("An Act to regulate.\nArticle 1\nText.\n");
    /// let first = &imported.unsplit()[0];
    /// assert_eq!(first.line, 1);
    /// assert!(matches!(first.kind, UnsplitKind::BeforeFirstHeading { last_line: 1 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unsplit(&self) -> &[Unsplit] {
        &self.unsplit
    }

    /// The instrument file: `[instrument]` from the options (unset fields as `# FILL IN`
    /// comments), one `[[provision]]` per provision with its label, heading, chapter path and
    /// verbatim text (a TOML literal string, or a basic string where the text holds `'''`).
    ///
    /// ```
    /// let options = lexgap::import::ImportOptions::new("zz/act".parse()?, lexgap::model::Lang::new("en")?);
    /// let toml = options.import("Article 1\nIt says '''this'''.\n").to_toml();
    /// let value: toml::Table = toml.parse()?;
    /// let text = &value["provision"][0]["text"]["en"];
    /// assert_eq!(text.as_str(), Some("It says '''this'''.\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_toml(&self) -> String {
        write::to_toml(&self.options, &self.provisions, &self.unsplit)
    }
}

impl Imported {
    /// Merges this import, a second language, into an instrument file that has the same
    /// provisions in another: each provision of the same id gets the label, heading, chapter
    /// path and text in this language (a one-list `chapter = [...]` becomes the file's
    /// authentic language's `chapter.<lang>`), and the file gets the language's provenance
    /// table. Its layout, comments, norms and derogations are kept.
    ///
    /// # Errors
    ///
    /// Returns a [`MergeError`] if the file is not TOML, has no `[instrument.languages]`, or
    /// has a `[[provision]]` header that does not stand on a line of its own.
    ///
    /// ```
    /// use lexgap::import::ImportOptions;
    /// use lexgap::model::{Lang, LegalValue};
    ///
    /// let mut zh = ImportOptions::new("intl/act".parse()?, Lang::new("zh")?);
    /// zh.legal_value(LegalValue::Authentic);
    /// let file = zh.import("第一章 总则\n第一条 本法适用。\n").to_toml();
    /// let en = ImportOptions::new("intl/act".parse()?, Lang::new("en")?);
    /// let merged = en
    ///     .import("Chapter I General Provisions\nArticle 1 This Law applies.\n")
    ///     .merge_into(&file)?;
    /// assert!(merged.notes.is_empty(), "{:?}", merged.notes);
    /// let value: toml::Table = merged.text.parse()?;
    /// let art1 = &value["provision"][0];
    /// assert_eq!(art1["text"]["en"].as_str(), Some("This Law applies.\n"));
    /// assert_eq!(art1["label"]["zh"].as_str(), Some("第一条"));
    /// assert_eq!(art1["chapter"]["en"][0].as_str(), Some("Chapter I General Provisions"));
    /// assert_eq!(art1["chapter"]["zh"][0].as_str(), Some("第一章 总则"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge_into(&self, file: &str) -> Result<Merged, MergeError> {
        merge::merge(&self.options, &self.provisions, file)
    }
}

/// One provision cut from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportedProvision {
    /// The local id: `art-12`, `art-12a`, `s-12`, `schedule-1`.
    pub id: String,
    /// The label as the text prints it (`Article 12`, `第十二条之一`; `Section 12` for `12.—`).
    pub label: String,
    /// The heading, where the text has one.
    pub heading: Option<String>,
    /// The chapter and section headings above it, outermost first.
    pub chapter: Vec<String>,
    /// The text, one source line per line, each ending in a newline.
    pub text: String,
    /// The line of its heading (1-based).
    pub line: usize,
    /// Whether the text is only a repeal marker (`[Repealed]`, `（删除）`).
    pub repealed: bool,
}

/// Something the import could not split or that looks wrong, at a line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unsplit {
    /// The line (1-based) where it starts.
    pub line: usize,
    /// What it is.
    pub kind: UnsplitKind,
}

/// What an [`Unsplit`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnsplitKind {
    /// Text before the first heading (a title, a preamble, recitals), up to `last_line`; not
    /// written.
    BeforeFirstHeading {
        /// The last line of it.
        last_line: usize,
    },
    /// Text after a chapter heading and before the next provision, up to `last_line`; not
    /// written.
    Unattached {
        /// The last line of it.
        last_line: usize,
    },
    /// A heading whose number was already used; the later provision is not written.
    Duplicate {
        /// Its label.
        label: String,
        /// The line of the first one.
        first_line: usize,
    },
    /// A heading numbered lower than the one before it; written.
    OutOfOrder {
        /// Its label.
        label: String,
        /// The label of the provision before it.
        after: String,
    },
    /// A heading with text after it, numbered no higher than the one before (a line that
    /// begins with a reference, such as `Article 5 applies…`): kept as text.
    KeptAsText {
        /// The label it would have had.
        label: String,
    },
    /// Numbers missing between two headings.
    Gap {
        /// The number before the gap.
        from: u32,
        /// The number after it.
        to: u32,
    },
    /// A provision marked repealed; written, with its marker as the text.
    Repealed {
        /// Its label.
        label: String,
    },
    /// Recitals `(first)` to `(last)` after `Whereas:`, kept apart as provisions
    /// `recital-N` in the chapter `Recitals`.
    Recitals {
        /// The first recital's number.
        first: u32,
        /// The last one's.
        last: u32,
    },
    /// A schedule or annex, kept apart as a provision of its own.
    Schedule {
        /// Its label.
        label: String,
    },
    /// A heading with no text under it; not written.
    NoText {
        /// Its label.
        label: String,
    },
}

/// `line 8: …`: the line and what is there.
impl fmt::Display for Unsplit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

/// What is there, without the line (`lexgap import` prints `file:line: message`).
impl fmt::Display for UnsplitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnsplitKind::BeforeFirstHeading { last_line } => write!(
                f,
                "text before the first heading (to line {last_line}) is not in any provision"
            ),
            UnsplitKind::Unattached { last_line } => write!(
                f,
                "text between a chapter heading and the next provision (to line {last_line}) is not in any provision"
            ),
            UnsplitKind::Duplicate { label, first_line } => write!(
                f,
                "`{label}` repeats a number first used at line {first_line}; left out"
            ),
            UnsplitKind::OutOfOrder { label, after } => {
                write!(f, "`{label}` comes after `{after}`: out of order")
            }
            UnsplitKind::KeptAsText { label } => write!(
                f,
                "`{label}` is numbered no higher than the heading before it; kept as text"
            ),
            UnsplitKind::Gap { from, to } => {
                let missing = if to - from == 2 {
                    format!("{} missing", from + 1)
                } else {
                    format!("{}-{} missing", from + 1, to - 1)
                };
                write!(f, "numbering jumps from {from} to {to} ({missing})")
            }
            UnsplitKind::Repealed { label } => write!(
                f,
                "`{label}` is marked repealed; written with its marker as text"
            ),
            UnsplitKind::Recitals { first, last } => write!(
                f,
                "recitals ({first}) to ({last}) are kept apart as provisions `recital-N`"
            ),
            UnsplitKind::Schedule { label } => {
                write!(f, "`{label}` is kept apart as a provision of its own")
            }
            UnsplitKind::NoText { label } => write!(f, "`{label}` has no text; left out"),
        }
    }
}
