//! The `lexgap` command: list, show, diff, align and classify provisions from the bundled
//! corpus or your own. Built with `--features cli`.
//!
//! Exit codes: 0 success, 1 findings (open gaps for `gaps` and `matrix`, differences for
//! `diff`, problems in the files for `check`, no hit for `search`), 2 usage error (bad arguments, unknown ids, a file
//! or directory that cannot be read or written, a directory with no instrument file, an invalid
//! `--corpus`).
//!
//! Entries of a corpus directory that are not read (hidden files, named pipes, `.TOML`, ...)
//! are warnings, printed on standard error as `warning: origin: message`; they change no exit
//! code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lexgap::classify::{Comparison, GapMatrix};
use lexgap::model::{CiteForm, Scope};
use lexgap::render::{
    Format, Glossary, InstrumentList, Page, Passage, ProvisionCard, Render, SearchResults,
    SideBySide, View, color_wanted,
};
use lexgap::{Corpus, LoadErrorKind, LoadErrors, Loader};

const EXAMPLES: &str = "\
Examples:
  lexgap list --jurisdiction cn
  lexgap show cn/pipl-draft-2020/art-27
  lexgap show 'eu/gdpr/art-9(2)(g)'
  lexgap show 'cn/pipl/art-28(2)' --cite native
  lexgap search 生物识别
  lexgap search \"public security\" --format csv --bom -o hits.csv
  lexgap search no-impact-assessment
  lexgap codes --format md
  lexgap gaps cn/pipl-draft-2020/art-27 --baseline eu/gdpr/art-9 eu/gdpr/art-35
  lexgap gaps cn/pipl-draft-2020/art-27 --baseline eu/gdpr/art-9 eu/gdpr/art-35 --scope instrument --format md
  lexgap matrix --baseline eu/gdpr/art-9 eu/gdpr/art-35 coe/echr/art-8 --format html -o matrix.html
  lexgap matrix --world --baseline eu/gdpr
  lexgap diff cn/pipl-draft-2020/art-27 cn/pipl/art-26
  lexgap diff cn/pipl-draft-2020 cn/pipl
  lexgap diff cn/pipl-draft-2020 cn/pipl --effects --format csv
  lexgap diff cn/pipl-draft-2020 cn/pipl --synopsis --format html -o synopsis.html
  lexgap diff --text old.txt new.txt
  lexgap align eu/gdpr cn/pipl --format csv
  lexgap check my-provisions/ --with-bundled
  lexgap import act.txt --id zz/act --lang en --legal-value authentic -o my-provisions/zz/act.toml
  lexgap import act.en.txt --into my-provisions/zz/act.toml --lang en -o my-provisions/zz/act.toml
  lexgap gaps zz/cctv-policy --baseline eu/gdpr/art-9 --corpus examples/own-provisions --with-bundled

Exit codes: 0 ok; 1 findings: open gaps (gaps, matrix), differences (diff), problems in the
files (check), no hit (search); 2 usage error: bad arguments, unknown ids, a file or directory that cannot be read
or written, a directory with no instrument file (check), an invalid --corpus (other commands).";

/// Compare legal provisions across jurisdictions and versions.
#[derive(Debug, Parser)]
#[command(name = "lexgap", version, about, after_help = EXAMPLES)]
struct Cli {
    /// The width of terminal tables, in columns, at least 40 (default: `COLUMNS`, else the
    /// terminal's width, else 100; in a file written with `-o`, 120).
    #[arg(
        long,
        global = true,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(i64::from(MIN_WIDTH)..)
    )]
    width: Option<u16>,
    /// How `gaps`, `search` and `show ID(PINPOINT)` cite provisions: `short` (GDPR art. 9(2)(g)),
    /// `native` (the authentic language's form, such as 《中华人民共和国个人信息保护法》第二十八条,
    /// else short) or `id` (eu/gdpr/art-9(2)(g)) [default: short].
    #[arg(long, global = true, value_name = "FORM", value_parser = parse_cite)]
    cite: Option<CiteForm>,
    #[command(subcommand)]
    command: Command,
}

/// A `--cite` form, by [`CiteForm`]'s own parser.
fn parse_cite(s: &str) -> Result<CiteForm, String> {
    s.parse()
}

/// The narrowest table `--width` accepts; a narrower `COLUMNS` or terminal is ignored.
use lexgap::render::MIN_WIDTH;

/// The width of tables in a file written with `-o`, unless `--width` says otherwise.
const FILE_WIDTH: u16 = 120;

/// How a command prints: the format, the file, the byte-order mark.
#[derive(Debug, Args)]
struct Print {
    /// Output format [default: table; with `-o`, from the file's extension].
    #[arg(long, short = 'f', value_enum)]
    format: Option<FormatArg>,
    /// Write to this file instead of standard output; without `--format`, its extension gives
    /// the format (`.md`, `.csv`, `.json`, `.html` or `.htm`, `.txt` or none for a table).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// With CSV output: begin with a byte-order mark (U+FEFF), which some spreadsheet programs
    /// need to read UTF-8.
    #[arg(long)]
    bom: bool,
}

/// How a command prints, and the corpus it reads.
#[derive(Debug, Args)]
struct Output {
    #[command(flatten)]
    print: Print,
    /// Load this provisions directory instead of the bundled corpus.
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// With `--corpus`: load the bundled corpus too, so that your files may refer to it.
    #[arg(long, requires = "corpus")]
    with_bundled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Table,
    Md,
    Csv,
    Json,
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Md => Format::Markdown,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
        }
    }
}

/// The extensions `-o` recognises without `--format`, and their formats.
const EXTENSIONS: &[(&str, FormatArg)] = &[
    ("md", FormatArg::Md),
    ("csv", FormatArg::Csv),
    ("json", FormatArg::Json),
    ("html", FormatArg::Html),
    ("htm", FormatArg::Html),
    ("txt", FormatArg::Table),
];

/// Where and how a command prints: the format (from `--format`, else `-o`'s extension, else a
/// table), the file if any, and the width of tables.
struct Sink {
    format: FormatArg,
    path: Option<PathBuf>,
    width: Option<u16>,
    bom: bool,
}

impl Sink {
    fn new(out: &Print, width: Option<u16>) -> Result<Sink, Usage> {
        let format = match (out.format, &out.output) {
            (Some(f), _) => f,
            (None, Some(path)) => format_of(path)?,
            (None, None) => FormatArg::Table,
        };
        if out.bom && format != FormatArg::Csv {
            return Err(Usage("`--bom` applies to CSV output".into()));
        }
        Ok(Sink {
            format,
            path: out.output.clone(),
            width,
            bom: out.bom,
        })
    }
}

/// The format a file's extension names (a table for a file without one), or a usage error
/// that names the extensions known.
fn format_of(path: &Path) -> Result<FormatArg, Usage> {
    let Some(ext) = path.extension() else {
        return Ok(FormatArg::Table);
    };
    let lower = ext.to_string_lossy().to_ascii_lowercase();
    EXTENSIONS
        .iter()
        .find(|(e, _)| *e == lower)
        .map(|&(_, f)| f)
        .ok_or_else(|| {
            let known: Vec<String> = EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect();
            Usage(format!(
                "cannot tell the format of `{}` from its extension `.{}`: give `--format`, or \
                 use one of {}",
                path.display(),
                ext.to_string_lossy(),
                known.join(", ")
            ))
        })
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ScopeArg {
    Provision,
    Instrument,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the instruments of the corpus.
    List {
        /// Only this jurisdiction (`cn`, `eu`, ...).
        #[arg(long, short = 'j')]
        jurisdiction: Option<String>,
        #[command(flatten)]
        out: Output,
    },
    /// Show one provision: texts, provenance, norms and quotes; with a pinpoint, the paragraph
    /// or point above them.
    Show {
        /// A provision id such as `eu/gdpr/art-9`, optionally with a pinpoint:
        /// `eu/gdpr/art-9(2)(g)` (point g of paragraph 2), `eu/gdpr/art-9(2)`.
        id: String,
        #[command(flatten)]
        out: Output,
    },
    /// Find provisions by words of their text or heading, in any language, or by gap code.
    ///
    /// Every argument must match, in any order; an argument with spaces is a phrase, its
    /// words in that order ("public security"). Case and line breaks do not matter. A gap
    /// code (no-impact-assessment) searches the words of its title.
    Search {
        /// Words, phrases or gap codes.
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        #[command(flatten)]
        out: Output,
    },
    /// The glossary: every gap code, verdict, symbol and score the output uses.
    Codes {
        #[command(flatten)]
        print: Print,
    },
    /// The gaps of target provisions against baseline provisions.
    Gaps {
        /// Target provision or instrument ids.
        #[arg(required = true)]
        targets: Vec<String>,
        /// Baseline provision or instrument ids (none: only the law's own standards).
        #[arg(long, short = 'b', num_args = 1..)]
        baseline: Vec<String>,
        /// Count only the selected provisions, or also instrument-wide norms.
        #[arg(long, short = 's', value_enum, default_value_t = ScopeArg::Provision)]
        scope: ScopeArg,
        /// Also show each quote's passage in this language where the provision has a text in
        /// it (`--lang en` beside a Chinese quote: the official English translation); with
        /// `--texts`, show the texts in this language where a provision has one.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// After the report, the texts of the target and baseline provisions side by side
        /// (table, Markdown and HTML output; the report itself quotes only what decides).
        #[arg(long)]
        texts: bool,
        #[command(flatten)]
        out: Output,
    },
    /// Every instrument against one baseline, one column per gap code; with `--world`, every
    /// national and sub-national law, with its jurisdiction and coverage.
    Matrix {
        /// Baseline provision or instrument ids.
        #[arg(long, short = 'b', num_args = 1.., required = true)]
        baseline: Vec<String>,
        /// Only the national and sub-national laws (binding statutes and regulations in force
        /// of jurisdictions whose level is `state` or `subdivision`), each with its
        /// jurisdiction and how much of it the corpus holds.
        #[arg(long)]
        world: bool,
        #[command(flatten)]
        out: Output,
    },
    /// Diff two provisions, two instruments (article by article), or two text files; for two
    /// instruments, `--effects` lists the amendment effects and `--synopsis` shows old text
    /// beside new text.
    Diff {
        /// The old provision or instrument id (with `--text`: a file).
        old: String,
        /// The new provision or instrument id (with `--text`: a file).
        new: String,
        /// Compare two plain text files instead of corpus items.
        #[arg(long)]
        text: bool,
        /// The language to compare: with `--text`, the language of the files, which decides
        /// words or characters (default: by script); for corpus items, the language of the
        /// texts to diff where both have one (default: the authentic text).
        #[arg(long)]
        lang: Option<String>,
        /// With `--text`: the work allowed, in steps, before the diff settles for an
        /// approximate result (default 100000000, about half a second; see `DiffOptions::budget`).
        #[arg(long, value_name = "STEPS")]
        budget: Option<u64>,
        /// For two instruments: the amendment effects instead (renumbered, words substituted,
        /// inserted or repealed, provisions inserted or repealed, split, merged), each with
        /// the old and new provisions and the words.
        #[arg(long, conflicts_with = "synopsis")]
        effects: bool,
        /// For two instruments: the synopsis instead, old text beside new text, one row per
        /// aligned group, the changed words marked.
        #[arg(long)]
        synopsis: bool,
        #[command(flatten)]
        out: Output,
    },
    /// Align the provisions of two instruments: which article answers which, and why.
    ///
    /// With `--oscal`, print the alignment as a crosswalk in OSCAL's mapping model (NIST OSCAL
    /// 1.2 `mapping-collection`, JSON): the left instrument is the source, the right one the
    /// target, each kept pair a map with its relationship, matching rationale, confidence
    /// score and, as qualifiers, the open gaps of each side against the other (what `lexgap
    /// gaps` finds for the two provisions); the unmatched provisions are in the gap summaries.
    #[command(after_help = "Examples:
  lexgap align eu/gdpr cn/pipl
  lexgap align eu/gdpr cn/pipl --format csv -o pairs.csv
  lexgap align eu/gdpr cn/pipl --oscal -o gdpr-pipl.json
  lexgap align eu/gdpr cn/pipl --oscal --last-modified 2026-12-01")]
    Align {
        /// The left instrument id.
        left: String,
        /// The right instrument id.
        right: String,
        /// Print an OSCAL mapping collection (JSON) instead of lexgap's own formats; `--format`,
        /// if given, must be `json`, and `-o` writes it whatever the file's extension.
        #[arg(long)]
        oscal: bool,
        /// With `--oscal`: the date of `last-modified`, `yyyy-mm-dd` [default: the latest
        /// retrieval date of the two instruments' texts, so that the same corpus gives the
        /// same document].
        #[arg(long, value_name = "DATE", requires = "oscal")]
        last_modified: Option<lexgap::model::Date>,
        #[command(flatten)]
        out: Output,
    },
    /// Which laws answer this provision: its best counterpart in every other instrument of
    /// the corpus, best score first, with the relation, confidence and score an alignment of
    /// the two instruments would give (text weights count the whole corpus; see
    /// `lexgap::align::CounterpartIndex`).
    #[command(after_help = "Examples:
  lexgap counterparts eu/gdpr/art-33
  lexgap counterparts eu/gdpr/art-35 --in cn --in us-ca --top 3
  lexgap counterparts eu/gdpr/art-9 --format json")]
    Counterparts {
        /// The provision id, such as `eu/gdpr/art-33`.
        id: String,
        /// Only counterparts in this jurisdiction (repeat for several).
        #[arg(long = "in", value_name = "JURISDICTION")]
        jurisdictions: Vec<String>,
        /// Only the N best counterparts.
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        #[command(flatten)]
        out: Output,
    },
    /// Cut a statute's plain text into provisions at its headings and write an instrument
    /// file: labels, headings, chapter paths and texts verbatim, the `[instrument]` metadata
    /// from the options, each required field not given as a `# FILL IN` comment (the loader
    /// refuses the file until it is written). No norms: those are added by hand. What could
    /// not be split (text before the first heading, duplicate, out-of-order or missing
    /// numbers, repealed articles, schedules) is reported on standard error as
    /// `warning: FILE:LINE: message`; the exit code stays 0.
    #[command(after_help = "Examples:
  lexgap import gdpr.txt --id eu/gdpr --lang en --legal-value authentic --source https://eur-lex.europa.eu/eli/reg/2016/679/oj -o provisions/eu/gdpr.toml
  curl -s https://example.org/act.txt | lexgap import - --id zz/act --lang en --kind statute")]
    Import {
        /// The text file; `-` or none reads standard input.
        file: Option<PathBuf>,
        /// The instrument id, `jurisdiction/name` (with `--into`, the file's).
        #[arg(long, required_unless_present = "into")]
        id: Option<String>,
        /// The language of the text (`en`, `zh`, ...).
        #[arg(long)]
        lang: String,
        /// The official title, in that language.
        #[arg(long)]
        title: Option<String>,
        /// A short title for tables.
        #[arg(long)]
        short_title: Option<String>,
        /// What the instrument is: constitution, statute, draft-statute, regulation, directive,
        /// treaty, charter, declaration, soft-law.
        #[arg(long, value_parser = parse_term::<lexgap::model::InstrumentKind>)]
        kind: Option<lexgap::model::InstrumentKind>,
        /// Its status: draft, in-force, adopted, superseded, repealed.
        #[arg(long, value_parser = parse_term::<lexgap::model::Status>)]
        status: Option<lexgap::model::Status>,
        /// Whether it binds anyone.
        #[arg(long, value_name = "BOOL")]
        binding: Option<bool>,
        /// The legal value of the text: authentic, official-translation, unofficial-translation.
        #[arg(long, value_parser = parse_term::<lexgap::model::LegalValue>)]
        legal_value: Option<lexgap::model::LegalValue>,
        /// Where the text was read: a URL, or `github owner/repo path@commit`.
        #[arg(long)]
        source: Option<String>,
        /// When the source was read, `yyyy-mm-dd`.
        #[arg(long, value_name = "DATE")]
        retrieved: Option<lexgap::model::Date>,
        /// Who published or translated the text.
        #[arg(long)]
        publisher: Option<String>,
        /// The terms of reuse.
        #[arg(long)]
        licence: Option<String>,
        /// Merge the text, a second language, into this instrument file instead: each
        /// provision of the same id gets its label, heading, chapter path and text in
        /// `--lang`, the file the language's provenance; the result goes to `-o` or standard
        /// output (give `-o` the same file to update it).
        #[arg(long, value_name = "FILE")]
        into: Option<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Validate a provisions directory; print every problem as `origin:line:column: message`
    /// (`origin: message` for a whole file or directory).
    Check {
        /// The directory.
        dir: PathBuf,
        /// Check it beside the bundled corpus, so that it may refer to bundled provisions.
        #[arg(long)]
        with_bundled: bool,
    },
}

/// A vocabulary code, by the term's own parser (which suggests the closest code).
fn parse_term<T>(s: &str) -> Result<T, String>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    s.parse().map_err(|e: T::Err| e.to_string())
}

/// A failure that ends the command with exit code 2 (usage) after a message.
struct Usage(String);

impl<E: std::error::Error> From<E> for Usage {
    fn from(e: E) -> Usage {
        Usage(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn load(out: &Output) -> Result<std::borrow::Cow<'static, Corpus>, Usage> {
    let Some(dir) = &out.corpus else {
        return Ok(std::borrow::Cow::Borrowed(Corpus::bundled()));
    };
    load_dir(dir, out.with_bundled)
        .1
        .map(std::borrow::Cow::Owned)
        .map_err(|e| {
            let problems: Vec<String> = e.iter().map(|e| with_causes(e)).collect();
            Usage(format!(
                "the corpus at `{}` is invalid:\n{}",
                dir.display(),
                problems.join("\n")
            ))
        })
}

/// Loads a corpus directory (beside the bundled corpus if asked), after printing on standard
/// error what it skips; also returns how many entries it skipped.
fn load_dir(dir: &std::path::Path, with_bundled: bool) -> (usize, Result<Corpus, LoadErrors>) {
    let loader = if with_bundled {
        Corpus::loader().bundled()
    } else {
        Loader::new()
    }
    .dir(dir);
    for s in loader.skipped() {
        eprintln!("warning: {s}");
    }
    (loader.skipped().len(), loader.load())
}

/// An error's message followed by its causes (such as the system's reason for an I/O error),
/// each after `: `; a cause whose message is already there (an error that displays its
/// source's message as its own) is not repeated.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        cause = c.source();
    }
    message
}

/// Whether a load error means the input could not be read as a corpus at all (exit code 2),
/// rather than a problem in its files (exit code 1).
fn is_unreadable(kind: &LoadErrorKind) -> bool {
    matches!(
        kind,
        LoadErrorKind::Io { .. } | LoadErrorKind::NoInstruments { .. }
    )
}

/// `; N entries skipped (see the warnings)`, or nothing.
fn skipped_note(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "; 1 entry skipped (see the warning)".to_owned(),
        n => format!("; {n} entries skipped (see the warnings)"),
    }
}

fn emit<T: Render>(item: &T, sink: &Sink) -> Result<(), Usage> {
    write_out(&text_of(item, sink), sink)
}

/// `item` as `sink` prints it: its format, its width, colour on a terminal.
fn text_of<T: Render>(item: &T, sink: &Sink) -> String {
    let format = Format::from(sink.format);
    let view = View::new(item, format).bom(sink.bom);
    match &sink.path {
        Some(_) => view.width(sink.width.unwrap_or(FILE_WIDTH)).to_string(),
        None => view
            .width(sink.width.unwrap_or_else(terminal_width))
            .color(color_wanted(std::io::stdout().is_terminal()))
            .to_string(),
    }
}

/// Writes `text` to the sink's file, else to standard output.
fn write_out(text: &str, sink: &Sink) -> Result<(), Usage> {
    match &sink.path {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Usage(format!("cannot write `{}`: {e}", path.display()))),
        None => {
            // A closed pipe (`lexgap ... | head`) is not an error worth a message.
            let _ = write!(std::io::stdout().lock(), "{text}");
            Ok(())
        }
    }
}

/// A column title: the short titles of the selection's instruments and `side`
/// (`PIPL (target)`).
fn titles(side: &str, selection: &lexgap::Selection<'_>) -> String {
    let mut names: Vec<&str> = Vec::new();
    for p in selection.provisions() {
        let t = p.instrument().short_title.as_str();
        if !names.contains(&t) {
            names.push(t);
        }
    }
    match names.is_empty() {
        true => side.to_owned(),
        false => format!("{} ({})", names.join(", "), side.to_lowercase()),
    }
}

/// A gap report followed by the texts it compares: one HTML page, else the two documents one
/// after the other.
fn emit_with_texts(
    report: &lexgap::render::CitedReport<'_>,
    texts: &SideBySide<'_>,
    sink: &Sink,
) -> Result<(), Usage> {
    if sink.format == FormatArg::Html {
        let mut page = Page::new(report.title());
        page.add(report).add(texts);
        return write_out(&page.to_string(), sink);
    }
    let text = format!("{}\n{}", text_of(report, sink), text_of(texts, sink));
    write_out(&text, sink)
}

/// Exit code 1 when there are findings: open gaps, or items that differ (as `diff` and
/// `git diff --exit-code` do).
fn findings(yes: bool) -> ExitCode {
    if yes {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn terminal_width() -> u16 {
    lexgap::render::terminal_width()
}

/// `1 instrument`, `2 instruments`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether any cell of a matrix is an open finding (absent, partial or unknown).
fn has_open_cell(m: &GapMatrix) -> bool {
    m.rows()
        .iter()
        .any(|r| r.cells().iter().flatten().any(|s| s.is_open()))
}

/// Whether an id names an instrument (`eu/gdpr`) rather than a provision (`eu/gdpr/art-9`).
fn is_instrument_id(id: &str) -> bool {
    id.matches('/').count() == 1
}

fn run(cli: Cli) -> Result<ExitCode, Usage> {
    let width = cli.width;
    let cite = cli.cite.unwrap_or(CiteForm::Short);
    match cli.command {
        Command::List { jurisdiction, out } => {
            let sink = Sink::new(&out.print, width)?;
            let corpus = load(&out)?;
            if let Some(j) = &jurisdiction {
                if corpus.jurisdiction(j).is_none() {
                    let known: Vec<&str> =
                        corpus.jurisdictions().map(|j| j.code.as_str()).collect();
                    return Err(Usage(format!(
                        "unknown jurisdiction `{j}`; the corpus has {}",
                        known.join(", ")
                    )));
                }
            }
            emit(
                &InstrumentList::new(&corpus, jurisdiction.as_deref()),
                &sink,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, out } => {
            let sink = Sink::new(&out.print, width)?;
            let corpus = load(&out)?;
            match split_pinpoint(&id) {
                Some((base, pinpoint)) => {
                    let located = corpus.locate(base)?;
                    let passage = Passage::new(located, pinpoint)
                        .ok_or_else(|| Usage(no_such_part(located.provision(), base, pinpoint)))?;
                    emit(&passage.cite(cite), &sink)?;
                }
                None => emit(&ProvisionCard::new(corpus.locate(&id)?), &sink)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search { words, out } => {
            let sink = Sink::new(&out.print, width)?;
            let corpus = load(&out)?;
            // A lone gap code whose rule reads one safeguard kind lists the provisions that
            // carry it; other queries search the words.
            let code = match words.as_slice() {
                [w] => lexgap::classify::GapKind::from_code(w.trim()),
                _ => None,
            };
            let hits = match code.and_then(|k| k.safeguard().map(|s| (k, s))) {
                Some((k, s)) => {
                    eprintln!(
                        "note: `{}` is a gap code; listing the provisions with a safeguard of kind {}",
                        k.info().code,
                        s.code()
                    );
                    corpus.with_safeguard(s)
                }
                None => {
                    let query = search_query(&words);
                    if query.trim().is_empty() {
                        return Err(Usage("nothing to search for".into()));
                    }
                    corpus.search(&query)
                }
            };
            let shown: Vec<String> = words
                .iter()
                .map(|w| match w.split_whitespace().count() {
                    0 | 1 => w.trim().to_owned(),
                    _ => format!("\"{}\"", w.trim()),
                })
                .collect();
            emit(
                &SearchResults::new(shown.join(" "), &hits).cite(cite),
                &sink,
            )?;
            Ok(findings(hits.is_empty()))
        }
        Command::Codes { print } => {
            emit(&Glossary::new(), &Sink::new(&print, width)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Gaps {
            targets,
            baseline,
            scope,
            lang,
            texts,
            out,
        } => {
            let lang = lang.as_deref().map(lexgap::model::Lang::new).transpose()?;
            let sink = Sink::new(&out.print, width)?;
            if texts && matches!(sink.format, FormatArg::Csv | FormatArg::Json) {
                return Err(Usage(
                    "`--texts` applies to table, md and html output: a CSV or JSON report holds \
                     the quotes; `lexgap show ID --format json` gives a provision's texts"
                        .into(),
                ));
            }
            let corpus = load(&out)?;
            let (targets, baseline) = (corpus.select(&targets)?, corpus.select(&baseline)?);
            let report = Comparison::new(&targets, &baseline)
                .scope(match scope {
                    ScopeArg::Provision => Scope::Provision,
                    ScopeArg::Instrument => Scope::Instrument,
                })
                .run();
            let mut view = lexgap::render::CitedReport::new(&report, cite);
            if let Some(lang) = &lang {
                view = view.lang(lang.clone());
            }
            if texts {
                let mut side = SideBySide::new();
                if let Some(lang) = lang {
                    side = side.lang(lang);
                }
                let side = side
                    .column(&titles("Target", &targets), &targets)
                    .column(&titles("Baseline", &baseline), &baseline);
                emit_with_texts(&view, &side, &sink)?;
            } else {
                emit(&view, &sink)?;
            }
            Ok(findings(report.open().next().is_some()))
        }
        Command::Matrix {
            baseline,
            world,
            out,
        } => {
            let sink = Sink::new(&out.print, width)?;
            let corpus = load(&out)?;
            let baseline = corpus.select(&baseline)?;
            let m = if world {
                GapMatrix::world(&baseline)
            } else {
                GapMatrix::new(&baseline)
            };
            emit(&m, &sink)?;
            Ok(findings(has_open_cell(&m)))
        }
        Command::Diff {
            old,
            new,
            text,
            lang,
            budget,
            effects,
            synopsis,
            out,
        } => {
            if budget.is_some() && !text {
                return Err(Usage("`--budget` applies to `--text` diffs".into()));
            }
            let view = match (effects, synopsis) {
                (true, _) => Some("--effects"),
                (_, true) => Some("--synopsis"),
                _ => None,
            };
            if let Some(flag) = view
                && (text || !is_instrument_id(&old) || !is_instrument_id(&new))
            {
                return Err(Usage(format!(
                    "`{flag}` applies to two versions of an instrument (two instrument ids, such as `cn/pipl-draft-2020 cn/pipl`)"
                )));
            }
            let sink = Sink::new(&out.print, width)?;
            if text {
                diff_files(&old, &new, lang.as_deref(), budget, &sink)
            } else {
                let lang = lang.as_deref().map(lexgap::model::Lang::new).transpose()?;
                let view = match (effects, synopsis) {
                    (true, _) => VersionView::Effects,
                    (_, true) => VersionView::Synopsis,
                    _ => VersionView::Entries,
                };
                diff_in_corpus(&old, &new, lang, view, &out, &sink)
            }
        }
        Command::Align {
            left,
            right,
            oscal,
            last_modified,
            out,
        } => {
            if oscal {
                return align_oscal(&left, &right, last_modified, &out, width);
            }
            let sink = Sink::new(&out.print, width)?;
            let corpus = load(&out)?;
            let a = lexgap::align::Alignment::new(
                corpus.instrument(&left)?,
                corpus.instrument(&right)?,
            );
            emit(&a, &sink)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Counterparts {
            id,
            jurisdictions,
            top,
            out,
        } => {
            let sink = Sink::new(&out.print, width)?;
            let corpus = load(&out)?;
            let index = lexgap::align::CounterpartIndex::new(&corpus);
            let mut found = index.counterparts(&id)?;
            if !jurisdictions.is_empty() {
                found = found.only_in(&jurisdictions);
            }
            if let Some(n) = top {
                found = found.top(n);
            }
            emit(&found, &sink)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { dir, with_bundled } => Ok(check(&dir, with_bundled)),
        Command::Import {
            file,
            id,
            lang,
            title,
            short_title,
            kind,
            status,
            binding,
            legal_value,
            source,
            retrieved,
            publisher,
            licence,
            into,
            output,
        } => {
            let into = match &into {
                Some(path) => Some((
                    path.as_path(),
                    std::fs::read_to_string(path)
                        .map_err(|e| Usage(format!("cannot read `{}`: {e}", path.display())))?,
                )),
                None => None,
            };
            let file_id = match &into {
                Some((path, text)) => Some(instrument_id_of(path, text)?),
                None => None,
            };
            let id: lexgap::InstrumentId = match (id, file_id) {
                (Some(given), Some(found)) if given.parse::<lexgap::InstrumentId>()? != found => {
                    return Err(Usage(format!(
                        "`--id {given}` is not the instrument of the `--into` file, `{found}`"
                    )));
                }
                (_, Some(found)) => found,
                (Some(given), None) => given.parse()?,
                (None, None) => unreachable!("clap requires --id without --into"),
            };
            let lang = lexgap::model::Lang::new(&lang)?;
            let mut options = lexgap::import::ImportOptions::new(id, lang);
            if let Some(v) = title {
                options.title(v);
            }
            if let Some(v) = short_title {
                options.short_title(v);
            }
            if let Some(v) = kind {
                options.kind(v);
            }
            if let Some(v) = status {
                options.status(v);
            }
            if let Some(v) = binding {
                options.binding(v);
            }
            if let Some(v) = legal_value {
                options.legal_value(v);
            }
            if let Some(v) = source {
                options.source(v);
            }
            if let Some(v) = retrieved {
                options.retrieved(v);
            }
            if let Some(v) = publisher {
                options.publisher(v);
            }
            if let Some(v) = licence {
                options.licence(v);
            }
            import(file.as_deref(), &options, into, output.as_deref())
        }
    }
}

/// `align --oscal`: the alignment as an OSCAL mapping collection with the gaps of each pair,
/// JSON whatever `-o`'s extension.
fn align_oscal(
    left: &str,
    right: &str,
    last_modified: Option<lexgap::model::Date>,
    out: &Output,
    width: Option<u16>,
) -> Result<ExitCode, Usage> {
    if out.print.format.is_some_and(|f| f != FormatArg::Json) {
        return Err(Usage(
            "`--oscal` writes JSON: leave out `--format`, or give `--format json`".into(),
        ));
    }
    if out.print.bom {
        return Err(Usage("`--bom` applies to CSV output".into()));
    }
    let sink = Sink {
        format: FormatArg::Json,
        path: out.print.output.clone(),
        width,
        bom: false,
    };
    let corpus = load(out)?;
    let a = lexgap::align::Alignment::new(corpus.instrument(left)?, corpus.instrument(right)?);
    let mut mapping = lexgap::render::OscalMapping::new(&a).with_gaps(&corpus)?;
    if let Some(date) = last_modified {
        mapping = mapping.last_modified(date);
    }
    write_out(&mapping.to_json(), &sink)?;
    Ok(ExitCode::SUCCESS)
}

/// The query [`Corpus::search`] reads from the arguments of `search`: an argument with
/// whitespace is a phrase (in double quotes); a gap code is the words of its title without
/// its `no`, since the provisions that carry the protection do not say `no`
/// (`no-impact-assessment` → `impact assessment`). Double quotes in an argument are dropped.
///
/// (A lone gap code whose rule reads one safeguard kind does not come here: `search` lists
/// the provisions that carry that safeguard, `Corpus::with_safeguard`.)
fn search_query(words: &[String]) -> String {
    let mut terms = Vec::new();
    for w in words {
        let w = w.replace('"', "");
        if let Some(kind) = lexgap::classify::GapKind::from_code(w.trim()) {
            let title = kind.info().title;
            let title = title
                .strip_prefix("no ")
                .or_else(|| title.strip_prefix("not "))
                .unwrap_or(title);
            eprintln!(
                "note: `{}` is a gap code; searching the words of its title: {title}",
                w.trim()
            );
            terms.push(title.to_owned());
        } else if w.split_whitespace().count() > 1 {
            terms.push(format!("\"{w}\""));
        } else {
            terms.push(w);
        }
    }
    terms.join(" ")
}

/// `eu/gdpr/art-9(2)(g)` → `eu/gdpr/art-9` and `(2)(g)`; `None` without a pinpoint.
fn split_pinpoint(id: &str) -> Option<(&str, &str)> {
    let last = id.rfind('/').map_or(0, |i| i + 1);
    let at = id[last..].find('(')? + last;
    (at > last).then(|| (&id[..at], &id[at..]))
}

/// The usage error for a pinpoint that names no part of the provision, with the parts it
/// has: `eu/gdpr/art-9 has no paragraph (7); its paragraphs are (1), (2), (3), (4)`.
fn no_such_part(p: &lexgap::model::Provision, id: &str, pinpoint: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for lang in p.text.keys() {
        for part in p.pinpoints(lang) {
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
    }
    let latin = |part: &str| -> String {
        let (head, rest) = part.split_once('(').map_or((part, ""), |(h, r)| (h, r));
        let mut out = if head.is_empty() {
            String::new()
        } else {
            format!("({head})")
        };
        if !rest.is_empty() {
            out.push('(');
            out.push_str(rest);
        }
        out
    };
    if parts.is_empty() {
        return format!("`{id}` has no numbered paragraphs or points, so no `{pinpoint}`");
    }
    // The paragraph asked for, if there is one: then name its points.
    let asked: Vec<&str> = pinpoint
        .split(['(', ')'])
        .filter(|s| !s.trim().is_empty())
        .collect();
    if let [para, point, ..] = asked[..] {
        let prefix = format!("{para}(");
        let points: Vec<String> = parts
            .iter()
            .filter_map(|p| p.strip_prefix(&prefix))
            .map(|p| format!("({p}"))
            .collect();
        if !points.is_empty() {
            return format!(
                "`{id}` paragraph ({para}) has no point ({point}); its points are {}",
                points.join(", ")
            );
        }
    }
    let paragraphs: Vec<String> = parts
        .iter()
        .filter(|p| !p.contains('(') || p.starts_with('('))
        .map(|p| latin(p))
        .collect();
    let noun = if parts.iter().all(|p| p.starts_with('(')) {
        "points"
    } else {
        "paragraphs"
    };
    format!(
        "`{id}` has no paragraph or point `{pinpoint}`; its {noun} are {}",
        paragraphs.join(", ")
    )
}

/// `diff --text`: two plain files, as a redline on a terminal (like `git diff --word-diff`)
/// or as a document in the chosen format.
fn diff_files(
    old: &str,
    new: &str,
    lang: Option<&str>,
    budget: Option<u64>,
    sink: &Sink,
) -> Result<ExitCode, Usage> {
    let read =
        |p: &str| std::fs::read_to_string(p).map_err(|e| Usage(format!("cannot read `{p}`: {e}")));
    let (a, b) = (read(old)?, read(new)?);
    let lang = lang.map(lexgap::model::Lang::new).transpose()?;
    let mut options = lexgap::diff::DiffOptions::new();
    if let Some(steps) = budget {
        options.budget(steps);
    }
    let diff = options.diff_texts(&a, &b, lang.as_ref());
    if sink.path.is_none() && sink.format == FormatArg::Table {
        // Like `git diff --word-diff`: the redline alone, fast on whole statutes.
        let stdout = std::io::stdout();
        // Written piece by piece through a buffer rather than built whole first: a statute's
        // redline is a few hundred kilobytes, each fresh page of which costs a page fault.
        let mut lock = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
        let _ = lexgap::render::write_redline(&diff, &mut lock);
        let _ = lock.flush();
        // The redline has no title to say it; standard error does, so that a pipe still
        // gets the redline alone.
        if let Some(why) = diff.approximation() {
            eprintln!("lexgap: approximate diff: {why}");
        }
    } else {
        emit(&diff, sink)?;
    }
    Ok(findings(!diff.is_unchanged()))
}

/// What `diff` of two versions shows: the entries (article by article), the amendment
/// effects (`--effects`) or the synopsis (`--synopsis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VersionView {
    Entries,
    Effects,
    Synopsis,
}

/// `diff` of two corpus ids: two versions of an instrument, or two provisions.
fn diff_in_corpus(
    old: &str,
    new: &str,
    lang: Option<lexgap::model::Lang>,
    view: VersionView,
    out: &Output,
    sink: &Sink,
) -> Result<ExitCode, Usage> {
    let corpus = load(out)?;
    let mut options = lexgap::diff::DiffOptions::new();
    if let Some(lang) = lang {
        options.prefer_lang(lang);
    }
    if is_instrument_id(old) && is_instrument_id(new) {
        let v = lexgap::version::VersionDiff::with_options(
            corpus.instrument(old)?,
            corpus.instrument(new)?,
            &lexgap::align::AlignOptions::new(),
            &options,
        );
        match view {
            VersionView::Entries => emit(&v, sink)?,
            VersionView::Effects => emit(&lexgap::render::EffectList::new(&v), sink)?,
            VersionView::Synopsis => emit(&lexgap::render::Synopsis::new(&v), sink)?,
        }
        let changed = v
            .entries()
            .iter()
            .any(|e| e.status() != lexgap::version::VersionStatus::Unchanged);
        return Ok(findings(changed));
    }
    let d = options.diff_provisions(corpus.locate(old)?, corpus.locate(new)?);
    emit(&d, sink)?;
    Ok(findings(!d.is_empty()))
}

/// `import`: the text of `file` (standard input for `-` or none) as an instrument file, on
/// standard output or in `output` (merged into the `into` file's text, if given); what could
/// not be split, and what could not be merged, on standard error.
fn import(
    file: Option<&Path>,
    options: &lexgap::import::ImportOptions,
    into: Option<(&Path, String)>,
    output: Option<&Path>,
) -> Result<ExitCode, Usage> {
    let (origin, text) = match file {
        Some(p) if p != Path::new("-") => (
            p.display().to_string(),
            std::fs::read_to_string(p)
                .map_err(|e| Usage(format!("cannot read `{}`: {e}", p.display())))?,
        ),
        _ => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
            ("<stdin>".to_owned(), text)
        }
    };
    let imported = options.import(&text);
    for u in imported.unsplit() {
        eprintln!("warning: {origin}:{}: {}", u.line, u.kind);
    }
    let toml = match &into {
        Some((path, existing)) => {
            let merged = imported
                .merge_into(existing)
                .map_err(|e| Usage(format!("cannot merge into `{}`: {e}", path.display())))?;
            for note in &merged.notes {
                eprintln!("warning: {}: {note}", path.display());
            }
            merged.text
        }
        None => imported.to_toml(),
    };
    match output {
        Some(path) => std::fs::write(path, &toml)
            .map_err(|e| Usage(format!("cannot write `{}`: {e}", path.display())))?,
        None => {
            let _ = write!(std::io::stdout().lock(), "{toml}");
        }
    }
    eprintln!(
        "{} imported{}",
        count(imported.provisions().len(), "provision", "provisions"),
        match imported.unsplit().len() {
            0 => String::new(),
            n => format!("; {} to check (above)", count(n, "note", "notes")),
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// The `[instrument] id` of an instrument file.
fn instrument_id_of(path: &Path, text: &str) -> Result<lexgap::InstrumentId, Usage> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        Usage(format!("`{}` is not TOML: {}", path.display(), e.message()))
    })?;
    let id = table
        .get("instrument")
        .and_then(|i| i.get("id"))
        .and_then(toml::Value::as_str)
        .ok_or_else(|| Usage(format!("`{}` has no `[instrument] id`", path.display())))?;
    Ok(id.parse()?)
}

/// `check`: every problem of a directory, one located line each; the exit code says whether
/// the files could be read at all (2), had problems (1) or none (0).
fn check(dir: &std::path::Path, with_bundled: bool) -> ExitCode {
    let (skipped, loaded) = load_dir(dir, with_bundled);
    match loaded {
        Ok(c) => {
            println!(
                "ok: {}, {}{}",
                count(c.instruments().count(), "instrument", "instruments"),
                count(c.provisions().count(), "provision", "provisions"),
                skipped_note(skipped)
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                println!("{}", with_causes(e));
            }
            eprintln!(
                "{}{}",
                count(errors.len(), "problem", "problems"),
                skipped_note(skipped)
            );
            ExitCode::from(if errors.iter().any(|e| is_unreadable(e.kind())) {
                2
            } else {
                1
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        let f = |p: &str| format_of(Path::new(p)).ok();
        assert_eq!(f("a.md"), Some(FormatArg::Md));
        assert_eq!(f("a.HTM"), Some(FormatArg::Html));
        assert_eq!(f("dir.d/report"), Some(FormatArg::Table));
        assert_eq!(f("a.pdf"), None);
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
