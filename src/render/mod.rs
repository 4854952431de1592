//! What users see: every result as a terminal table, Markdown, CSV, JSON or a self-contained
//! HTML page, through `Display`.
//!
//! Renderers live here, never on the model (ripgrep's printer, similar's `udiff`). Each result
//! type implements [`Render`], which turns it into [`Sheet`]s (titled tables) and an HTML
//! section; [`View`] picks the format and prints it.
//!
//! ```
//! use lexgap::classify::Comparison;
//! use lexgap::render::{Format, View};
//!
//! let corpus = lexgap::Corpus::bundled();
//! let report = Comparison::new(corpus)
//!     .target(["cn/constitution/art-40"])?
//!     .baseline(["coe/echr/art-8"])?
//!     .run();
//! let md = View::new(&report, Format::Markdown).to_string();
//! assert!(md.contains("| open-ended-exception | partial |"));
//! let json = View::new(&report, Format::Json).to_string();
//! assert!(json.contains("\"schema_version\": 2"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # JSON schema
//!
//! Every JSON document is an object `{"schema_version": 2, "kind": K, "data": D}` where `K`
//! names the result (`gap-report`, `gap-matrix`, `side-by-side`, `provision-diff`,
//! `version-diff`, `alignment`) and `D` is the result serialised with serde, field names in
//! kebab-case, vocabulary terms as their codes. [`SCHEMA_VERSION`] changes when a field is
//! removed or changes meaning; new fields may appear without a change.
//!
//! Version 2 (schema v2 of the corpus): norms lose `exceptions`, provisions gain
//! `derogations`; a gap's `code` is its typed code, its `explanation` is gone (the renderers
//! write it: [`explain`]), and it gains `protection`, `derogations`, `missing-text` and
//! `not-addressed`; a report gains `targets` and `referred`; verdicts gain `unknown` and
//! `not-comparable`.

mod diff;
mod explain;
mod html;
mod listing;
mod sheets;

use std::fmt;
use std::str::FromStr;

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

pub use diff::redline;
pub use explain::{explain, explain_derogation};
pub use html::Page;
pub use listing::{InstrumentList, ProvisionCard};
pub use sheets::SideBySide;

/// The version of the JSON schema (see the module docs).
pub const SCHEMA_VERSION: u32 = 2;

/// The default width of terminal tables, in columns.
pub const DEFAULT_WIDTH: u16 = 100;

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
    /// A terminal table that fits a width, wraps, and lines up double-width characters.
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
    /// The HTML section that shows the result (default: its sheets as tables).
    fn html(&self) -> maud::Markup {
        html::sheets_section(&self.title(), &self.sheets())
    }
}

/// A result in a format, printed through `Display`.
#[derive(Debug, Clone, Copy)]
pub struct View<'a, T> {
    item: &'a T,
    format: Format,
    width: u16,
    color: bool,
}

impl<'a, T: Render> View<'a, T> {
    /// `item` in `format`, [`DEFAULT_WIDTH`] columns wide, without colour.
    pub fn new(item: &'a T, format: Format) -> View<'a, T> {
        View {
            item,
            format,
            width: DEFAULT_WIDTH,
            color: false,
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
                for (i, sheet) in self.item.sheets().iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write_table(f, sheet, self.width, self.color)?;
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
                Ok(())
            }
            Format::Csv => {
                for (i, sheet) in self.item.sheets().iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write_csv(f, sheet)?;
                }
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

fn tone_color(tone: Tone) -> Option<comfy_table::Color> {
    use comfy_table::Color;
    match tone {
        Tone::Plain => None,
        Tone::Good => Some(Color::Green),
        Tone::Warn => Some(Color::Yellow),
        Tone::Bad | Tone::Delete => Some(Color::Red),
        Tone::Insert => Some(Color::Green),
        Tone::Muted => Some(Color::DarkGrey),
    }
}

fn write_table(f: &mut fmt::Formatter<'_>, sheet: &Sheet, width: u16, color: bool) -> fmt::Result {
    if !sheet.title.is_empty() {
        writeln!(f, "{}", sheet.title)?;
    }
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(sheet.headers.clone());
    for row in &sheet.rows {
        table.add_row(row.iter().map(|c| {
            let mut cell = comfy_table::Cell::new(&c.text);
            if color {
                if let Some(col) = tone_color(c.tone) {
                    cell = cell.fg(col);
                }
            }
            cell
        }));
    }
    writeln!(f, "{table}")
}

/// Escapes a Markdown table cell: pipes, and line breaks as `<br>`.
fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .trim_end_matches('\n')
        .replace('\n', "<br>")
}

fn write_markdown(f: &mut fmt::Formatter<'_>, sheet: &Sheet) -> fmt::Result {
    if !sheet.title.is_empty() {
        writeln!(f, "### {}\n", md_cell(&sheet.title))?;
    }
    let headers: Vec<String> = sheet.headers.iter().map(|h| md_cell(h)).collect();
    writeln!(f, "| {} |", headers.join(" | "))?;
    writeln!(f, "|{}|", vec!["---"; headers.len()].join("|"))?;
    for row in &sheet.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c.tone {
                Tone::Insert if !c.text.is_empty() => format!("**{}**", md_cell(&c.text)),
                Tone::Delete if !c.text.is_empty() => format!("~~{}~~", md_cell(&c.text)),
                _ => md_cell(&c.text),
            })
            .collect();
        writeln!(f, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

fn write_csv(f: &mut fmt::Formatter<'_>, sheet: &Sheet) -> fmt::Result {
    let write = || -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record(&sheet.headers)?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(|c| c.text.as_str()))?;
        }
        Ok(w.into_inner()?)
    };
    let bytes = write().map_err(|_| fmt::Error)?;
    f.write_str(&String::from_utf8_lossy(&bytes))
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    schema_version: u32,
    kind: &'static str,
    data: &'a T,
}

fn write_json<T: Serialize>(
    f: &mut fmt::Formatter<'_>,
    kind: &'static str,
    item: &T,
) -> fmt::Result {
    let env = Envelope {
        schema_version: SCHEMA_VERSION,
        kind,
        data: item,
    };
    let s = serde_json::to_string_pretty(&env).map_err(|_| fmt::Error)?;
    writeln!(f, "{s}")
}

/// The grounds of a derogation in a few words: `stated: state-security, public-security`,
/// `none stated`, `left to other law`, `left to the executive`.
pub(crate) fn grounds_summary(g: &crate::model::Grounds) -> String {
    use crate::model::{Delegate, Grounds};
    match g {
        Grounds::Stated { purposes, .. } => {
            let p: Vec<&str> = purposes.iter().map(|p| p.code()).collect();
            format!("stated: {}", p.join(", "))
        }
        Grounds::None => "none stated".to_owned(),
        Grounds::Delegated {
            to: Delegate::Law, ..
        } => "left to other law".to_owned(),
        Grounds::Delegated { .. } => "left to the executive".to_owned(),
    }
}
