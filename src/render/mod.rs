//! What users see: every result as a terminal table, Markdown, CSV, JSON or a self-contained
//! HTML page, through `Display`.
//!
//! Renderers live here, never on the model (ripgrep's printer, similar's `udiff`). Each result
//! type implements [`Render`], which turns it into [`Sheet`]s (titled tables) and an HTML
//! section; [`View`] picks the format and prints it. [`OscalMapping`] is the exception: an
//! alignment as a crosswalk in OSCAL's mapping model, a document of another standard's shape,
//! JSON only.
//!
//! ```
//! use lexgap::classify::Comparison;
//! use lexgap::render::{Format, View};
//!
//! let corpus = lexgap::Corpus::bundled();
//! let report = Comparison::new(&corpus.select(["cn/constitution/art-40"])?, &corpus.select(["coe/echr/art-8"])?)
//!     .run();
//! let md = View::new(&report, Format::Markdown).to_string();
//! assert!(md.contains("| open-ended-exception | partial |"));
//! let json = View::new(&report, Format::Json).to_string();
//! assert!(json.contains("\"schema-version\": 3"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # JSON schema
//!
//! Every JSON document is an object `{"schema-version": 3, "kind": K, "data": D}` where `K`
//! names the result (`gap-report`, `gap-matrix`, `side-by-side`, `provision-diff`,
//! `text-diff`, `version-diff`, `amendment-effects`, `synopsis`, `alignment`,
//! `instrument-list`, `provision`) and `D` is the
//! result serialised with serde, vocabulary terms as their codes. Every key of the schema is
//! kebab-case (`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`); the only other keys are data, the language
//! tags that key an instrument's `title` and `languages` and a provision's `text`, `label` and
//! `heading`. [`SCHEMA_VERSION`] changes when a field is removed, renamed or changes meaning;
//! new fields may appear without a change.
//!
//! Version 2 (schema v2 of the corpus): norms lose `exceptions`, provisions gain
//! `derogations`; a gap's `code` is its typed code, its `explanation` is gone (the renderers
//! write it: [`explain`]), and it gains `protection`, `derogations`, `missing-text` and
//! `not-addressed`; a report gains `targets` and `referred`; verdicts gain `unknown` and
//! `not-comparable`.
//!
//! Version 3: every key kebab-case, as version 2 promised but did not keep. Renamed:
//! `schema_version` → `schema-version` (the envelope); `old_lang` → `old-lang` and `new_lang` →
//! `new-lang` (a provision diff, also in each entry of a version diff); `old_annotated` →
//! `old-annotated`, `new_annotated` → `new-annotated`, `old_grounds` → `old-grounds` and
//! `new_grounds` → `new-grounds` (a provision diff's `structure`); `old_complete` →
//! `old-complete` and `new_complete` → `new-complete` (a version diff); `declared_by` →
//! `declared-by` (an alignment's `correspondence` reason). Outside the documents, a
//! [`Change`](crate::diff::Change) of a text diff serialises `old-range` and `new-range` (were
//! `old_range`, `new_range`). Nothing else changed.
//!
//! Version 3 has since gained, without a bump (a key added, none changed): a gap report's
//! `citations`, one per cited provision (`id`, `short`, and `native` with `lang` and `text`
//! where the authentic language has its own form); an instrument's `cite-as`; a version diff
//! entry's `structure` (its old provisions against its new ones taken together) and the
//! safeguard change `moved` (`kind`, `elements`, `from`, `to`); the kinds `amendment-effects`
//! ([`EffectList`]) and `synopsis` ([`Synopsis`]).
//!
//! # Long and hostile text
//!
//! The texts come from corpus files, which anyone may write, so every format shows them as
//! text and every format takes time in proportion to its input:
//!
//! - **Markdown, CSV, JSON and HTML keep the full text** of every cell: they are the formats to
//!   cite from. Markdown escapes `\`, `|`, `<`, `>` and the `&` that would start a character
//!   reference, so raw HTML in a text is shown, not interpreted; HTML escapes through maud.
//! - **Terminal tables bound each cell** before the table is laid out, because laying out a
//!   long unbroken run of characters takes time in the square of its length: a cell longer
//!   than [`MAX_TABLE_CELL_CHARS`] characters is cut and ends in `… (N more characters)`, and
//!   the table is followed by a line that says so; a run of more than
//!   [`MAX_TABLE_RUN_CHARS`] characters without a space or line break is hard-wrapped (a line
//!   break is inserted every [`MAX_TABLE_RUN_CHARS`] characters). Control characters other
//!   than tab and line feed are shown as their visible pictures (`␛` for escape), so a text
//!   cannot drive the terminal. Ordinary texts, whose cells are shorter and whose runs are
//!   words, are laid out exactly as they are.
//! - **Terminal tables break lines between words**, never inside an id, a gap code or a URL:
//!   each column is at least as wide as its longest run without a space (text written
//!   without spaces, such as Chinese, breaks between its characters). A sheet whose columns
//!   cannot sit side by side at the width is shown one block per row instead, the row's first
//!   cell as its heading and `header: value` lines below; only a run wider than the whole
//!   table is broken. The gap matrix numbers its columns and shows statuses as symbols, with
//!   a legend below, when its codes do not fit.
//!
//! ```
//! use lexgap::model::{Instrument, Lang, Provision};
//! use lexgap::render::{Format, InstrumentList, MAX_TABLE_CELL_CHARS, View};
//!
//! let mut inst = Instrument::new("eu/long".parse()?, "x".repeat(100_000));
//! inst.languages = lexgap::Corpus::bundled().instrument("coe/echr")?.languages.clone();
//! inst.provisions.push(Provision::new("eu/long/art-1".parse()?, Lang::new("en")?, "Text."));
//! let corpus = lexgap::Corpus::from_instruments(vec![inst])?;
//! let list = InstrumentList::new(&corpus, None);
//! let table = View::new(&list, Format::Table).to_string();
//! assert!(table.contains("characters are cut in tables"));
//! assert!(table.len() < 40 * MAX_TABLE_CELL_CHARS, "{} bytes", table.len());
//! let csv = View::new(&list, Format::Csv).to_string();
//! assert!(csv.contains(&"x".repeat(100_000)), "CSV keeps the full text");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod alignment;
mod backend;
mod diff;
mod effects;
mod explain;
mod glossary;
mod listing;
mod oscal;
mod report;
mod side_by_side;
mod synopsis;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use backend::csv::write_csv;
use backend::json::write_json;
use backend::markdown::write_markdown;
use backend::table::write_table;

pub use crate::model::script::clip;
pub use backend::html::Page;
pub use diff::{redline, write_redline};
pub use effects::EffectList;
pub use explain::{explain, explain_derogation};
pub use glossary::Glossary;
pub use listing::{InstrumentList, Passage, ProvisionCard, SearchResults};
pub use oscal::{OSCAL_NS, OSCAL_VERSION, OscalMapping};
pub use report::CitedReport;
pub use side_by_side::SideBySide;
pub use synopsis::{Synopsis, SynopsisRow};

/// The version of the JSON schema (see the module docs).
pub const SCHEMA_VERSION: u32 = 3;

/// The default width of terminal tables, in columns.
pub const DEFAULT_WIDTH: u16 = 100;

/// The most characters of one cell that a terminal table shows; the rest is cut and replaced
/// by `… (N more characters)` (see [the module docs](self#long-and-hostile-text)).
///
/// It bounds the work and the output of a table with a hostile cell: a cell in a column a few
/// characters wide takes a line for every few characters. It is above the longest provision
/// text of the bundled corpus (GDPR art. 4, about 8,600 characters) and the longest cell of
/// the examples (a side-by-side column of about 8,900), so that ordinary tables are not cut.
/// Markdown, CSV, JSON and HTML never cut.
pub const MAX_TABLE_CELL_CHARS: usize = 16_384;

/// The longest run of characters without a space or line break that a terminal table lays out
/// as it is; a longer run gets a line break every this many characters (see
/// [the module docs](self#long-and-hostile-text)).
///
/// The table splits a run that is wider than its column itself, but in time proportional to
/// the square of the run's length; this bound makes that linear. It is well above the longest
/// run of the bundled corpus (a Chinese sentence of 194 characters), so ordinary tables are
/// unchanged.
pub const MAX_TABLE_RUN_CHARS: usize = 512;

/// An output format.
///
/// ```
/// let f: lexgap::render::Format = "md".parse()?;
/// assert_eq!(f, lexgap::render::Format::Markdown);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A terminal table that fits a width, wraps, and lines up double-width characters. It
    /// cuts cells longer than [`MAX_TABLE_CELL_CHARS`] and says so; the other formats keep the
    /// full text.
    Table,
    /// GitHub-flavoured Markdown tables.
    Markdown,
    /// Comma-separated values, one table after another with a blank line between.
    Csv,
    /// JSON with a schema version.
    Json,
    /// A self-contained HTML page.
    Html,
}

/// A string that names no format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`, expected one of `table`, `md`, `csv`, `json`, `html`")]
pub struct FormatError(String);

impl FromStr for Format {
    type Err = FormatError;
    fn from_str(s: &str) -> Result<Format, FormatError> {
        match s.to_ascii_lowercase().as_str() {
            "table" | "text" => Ok(Format::Table),
            "md" | "markdown" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            _ => Err(FormatError(s.to_owned())),
        }
    }
}

/// How a cell should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Tone {
    /// Nothing special.
    #[default]
    Plain,
    /// Good news: a protection present.
    Good,
    /// A partial protection.
    Warn,
    /// A protection absent.
    Bad,
    /// Text inserted.
    Insert,
    /// Text deleted.
    Delete,
    /// Secondary information.
    Muted,
}

/// A table cell: text and a tone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// How it stands out.
    pub tone: Tone,
}

impl Cell {
    /// A plain cell.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
        }
    }
    /// A cell with a tone.
    pub fn toned(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone,
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::plain(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::plain(s)
    }
}

/// A titled table: what every format but JSON and HTML prints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    /// The title, printed above the table.
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<Cell>>,
}

/// A result that can be rendered.
pub trait Render: Serialize {
    /// The `kind` in the JSON envelope, such as `gap-report`.
    const KIND: &'static str;
    /// A title for the whole result.
    fn title(&self) -> String;
    /// The tables that show the result.
    fn sheets(&self) -> Vec<Sheet>;
    /// The tables a terminal shows, `width` columns wide, each with lines printed below it
    /// (default: [`sheets`](Render::sheets), nothing below). A result whose sheets cannot fit
    /// a terminal gives compact ones here, with a legend: the gap matrix numbers its columns
    /// and shows statuses as symbols.
    fn table_sheets(&self, width: u16) -> Vec<(Sheet, Vec<String>)> {
        let _ = width;
        self.sheets().into_iter().map(|s| (s, Vec::new())).collect()
    }
    /// What the codes, words and symbols of the output mean, one line each, printed after the
    /// tables of a terminal table and a Markdown document (default: nothing).
    fn legend(&self) -> Vec<String> {
        Vec::new()
    }
    /// The HTML section that shows the result, as escaped HTML ready to put in a page
    /// (default: its sheets as tables).
    fn html(&self) -> String {
        backend::html::sheets_section(&self.title(), &self.sheets()).into_string()
    }
}

/// A result in a format, printed through `Display`.
#[derive(Debug, Clone, Copy)]
pub struct View<'a, T> {
    item: &'a T,
    format: Format,
    width: u16,
    color: bool,
    bom: bool,
}

impl<'a, T: Render> View<'a, T> {
    /// `item` in `format`, [`DEFAULT_WIDTH`] columns wide, without colour.
    pub fn new(item: &'a T, format: Format) -> View<'a, T> {
        View {
            item,
            format,
            width: DEFAULT_WIDTH,
            color: false,
            bom: false,
        }
    }
    /// The width of terminal tables (default [`DEFAULT_WIDTH`]).
    pub fn width(mut self, width: u16) -> Self {
        self.width = width.max(20);
        self
    }
    /// Whether terminal tables use colour (default no; see [`color_wanted`]).
    pub fn color(mut self, yes: bool) -> Self {
        self.color = yes;
        self
    }
    /// Whether CSV starts with a byte-order mark (default no), so that spreadsheet programs
    /// read it as UTF-8 and show Chinese as Chinese.
    ///
    /// ```
    /// use lexgap::render::{Format, InstrumentList, View};
    /// let list = InstrumentList::new(lexgap::Corpus::bundled(), Some("cn"));
    /// assert!(View::new(&list, Format::Csv).bom(true).to_string().starts_with('\u{feff}'));
    /// ```
    pub fn bom(mut self, yes: bool) -> Self {
        self.bom = yes;
        self
    }
}

/// The narrowest width a table is laid out at: below it, each column would be squeezed to a
/// few characters.
pub const MIN_WIDTH: u16 = 40;

/// The width tables should take here: `COLUMNS` when it is a number of at least
/// [`MIN_WIDTH`], else the terminal's width when it is (a terminal that reports 0×0 is not),
/// else [`DEFAULT_WIDTH`]. The command-line tool and the examples use it.
pub fn terminal_width() -> u16 {
    table_width(
        std::env::var("COLUMNS").ok().as_deref(),
        comfy_table::Table::new().width(),
    )
}

/// [`terminal_width`]'s choice, from the value of `COLUMNS` and the terminal's width.
fn table_width(columns: Option<&str>, terminal: Option<u16>) -> u16 {
    let usable = |w: u16| w >= MIN_WIDTH;
    columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&w| usable(w))
        .or(terminal.filter(|&w| usable(w)))
        .unwrap_or(DEFAULT_WIDTH)
}

/// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set.
///
/// ```
/// assert!(!lexgap::render::color_wanted(false));
/// ```
pub fn color_wanted(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

impl<T: Render> fmt::Display for View<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.format {
            Format::Table => {
                for (i, (sheet, notes)) in self.item.table_sheets(self.width).iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write_table(f, sheet, notes, self.width, self.color)?;
                }
                let legend = self.item.legend();
                if !legend.is_empty() {
                    writeln!(f)?;
                    backend::table::write_legend(f, &legend, self.width)?;
                }
                Ok(())
            }
            Format::Markdown => {
                for (i, sheet) in self.item.sheets().iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write_markdown(f, sheet)?;
                }
                let legend = self.item.legend();
                if !legend.is_empty() {
                    writeln!(f, "\n#### Legend\n")?;
                    for line in &legend {
                        writeln!(f, "- {}", backend::markdown::md_text(line))?;
                    }
                }
                Ok(())
            }
            Format::Csv => {
                if self.bom {
                    f.write_str("\u{feff}")?;
                }
                write_csv(f, &self.item.title(), &self.item.sheets())?;
                Ok(())
            }
            Format::Json => write_json(f, T::KIND, self.item),
            Format::Html => {
                let mut page = Page::new(self.item.title());
                page.add(self.item);
                write!(f, "{page}")
            }
        }
    }
}

#[cfg(test)]
mod width_tests {
    use super::{DEFAULT_WIDTH, table_width};

    #[test]
    fn unusable_widths_fall_back() {
        // A terminal that reports 0×0, or one too narrow for a table.
        assert_eq!(table_width(None, Some(0)), DEFAULT_WIDTH);
        assert_eq!(table_width(None, Some(39)), DEFAULT_WIDTH);
        assert_eq!(table_width(None, Some(40)), 40);
        assert_eq!(table_width(None, None), DEFAULT_WIDTH);
        // `COLUMNS` first, when it is a usable number; else the terminal.
        assert_eq!(table_width(Some("80"), Some(200)), 80);
        assert_eq!(table_width(Some("0"), Some(0)), DEFAULT_WIDTH);
        assert_eq!(table_width(Some("abc"), Some(132)), 132);
        assert_eq!(table_width(Some("12"), None), DEFAULT_WIDTH);
        assert_eq!(table_width(Some("99999"), None), DEFAULT_WIDTH);
    }
}
