//! Hostile text through every renderer (issue 11, defect 3 and the Markdown escaping): a
//! 100 KB unbroken short title, label, quote and text, raw HTML, and Unicode edge cases, in
//! terminal tables, Markdown, CSV, JSON and HTML.
//!
//! Work is counted by output size, never by wall time: before the fix a 100 KB short title
//! made `lexgap matrix` print 2.6 MB in 31 s (the table lays out a long unbroken run in time
//! proportional to the square of its length, and prints it in a column a few characters
//! wide); now a table shows at most [`MAX_TABLE_CELL_CHARS`] characters of a cell and its
//! size does not grow with the input. Markdown, CSV, JSON and HTML keep the full text.

use lexgap::Corpus;
use lexgap::classify::{Comparison, GapMatrix};
use lexgap::model::{DataCategory, Evidence, Instrument, Lang, Norm, NormKind, Provision, Scope};
use lexgap::render::{
    Format, InstrumentList, MAX_TABLE_CELL_CHARS, MAX_TABLE_RUN_CHARS, ProvisionCard, Render,
    SideBySide, View, clip,
};

const BIG: usize = 100_000;
const INST: &str = "eu/hostile";
const PROV: &str = "eu/hostile/art-1";

fn en() -> Lang {
    Lang::new("en").unwrap()
}

/// A corpus of one instrument with one provision (`eu/hostile/art-1`) whose short title,
/// label, text and norm quote are the strings given, beside the bundled ECHR as a baseline.
fn corpus(short_title: &str, label: &str, text: &str, quote: &str) -> Corpus {
    let mut inst = Instrument::new(INST.parse().unwrap(), short_title);
    inst.languages = crate::support::generated_english();
    let mut p = Provision::new(PROV.parse().unwrap(), en(), text);
    p.label = lexgap::model::Texts::from([(en(), label.to_owned())]);
    p.norms.push(Norm {
        kind: NormKind::Right,
        actors: Vec::new(),
        data: vec![DataCategory::PersonalData],
        activities: Vec::new(),
        purposes: Vec::new(),
        safeguards: Vec::new(),
        scope: Scope::Provision,
        evidence: Evidence {
            lang: en(),
            quote: quote.to_owned(),
        },
    });
    inst.provisions.push(p);
    let echr = Corpus::bundled().instrument("coe/echr").unwrap().clone();
    Corpus::from_instruments(vec![inst, echr]).unwrap_or_else(|e| panic!("{e}"))
}

/// The same string in every field.
fn corpus_of(s: &str) -> Corpus {
    corpus(s, s, s, s)
}

fn render<T: Render>(item: &T, format: Format, width: u16) -> String {
    View::new(item, format).width(width).to_string()
}

/// The results a corpus can be shown as, by the name of the command that shows them.
const VIEWS: [&str; 5] = ["gaps", "matrix", "list", "show", "side-by-side"];

/// The result `name` (one of [`VIEWS`]) of the hostile provision, in `format` at `width`.
fn view(c: &Corpus, name: &str, format: Format, width: u16) -> String {
    match name {
        "gaps" => {
            let report = Comparison::new(
                &c.select([PROV]).unwrap(),
                &c.select(["coe/echr/art-8"]).unwrap(),
            )
            .run();
            render(&report, format, width)
        }
        "matrix" => render(
            &GapMatrix::new(&c.select(["coe/echr/art-8"]).unwrap()),
            format,
            width,
        ),
        "list" => render(&InstrumentList::new(c, None), format, width),
        "show" => render(&ProvisionCard::new(c.locate(PROV).unwrap()), format, width),
        "side-by-side" => {
            let side = SideBySide::new()
                .column("hostile", &c.select([PROV]).unwrap())
                .column("ECHR", &c.select(["coe/echr/art-8"]).unwrap());
            render(&side, format, width)
        }
        _ => unreachable!("{name}"),
    }
}

/// Every view of the hostile provision, in `format` at `width`.
fn every_view(c: &Corpus, format: Format, width: u16) -> Vec<(&'static str, String)> {
    VIEWS
        .iter()
        .map(|name| (*name, view(c, name, format, width)))
        .collect()
}

/// The display width of the characters these tests use: CJK ideographs and kana are two
/// columns, combining marks and joiners none, everything else one.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x0300..=0x036F | 0x200B..=0x200F | 0x202A..=0x202E | 0xFE00..=0xFE0F => 0,
            0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xFF01..=0xFF60 => 2,
            _ => 1,
        })
        .sum()
}

/// The lines of the terminal tables in `out` (not titles and notes), after checking that each
/// starts and ends with a border.
fn table_lines(name: &str, out: &str) -> Vec<String> {
    let lines: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '├', '╞', '└']))
        .map(str::to_owned)
        .collect();
    assert!(!lines.is_empty(), "{name}: no table");
    for l in &lines {
        assert!(
            l.ends_with(['┐', '│', '┤', '╡', '┘']),
            "{name}: a table line without its right border: {l:?}"
        );
    }
    lines
}

/// `out` without borders, spaces and line breaks: the text of a cell that the table wrapped
/// reads on (where the other cells of its row are short).
fn squeezed(out: &str) -> String {
    out.split(['│', '┆', ' ', '\n']).collect()
}

/// Checks that every line of every table in `out` is exactly `cols` columns wide.
fn assert_fits(name: &str, out: &str, cols: usize) {
    for l in table_lines(name, out) {
        assert!(
            width(&l) <= cols,
            "{name}: a line of {} columns in a table of {cols}: {l:?}",
            width(&l)
        );
    }
}

/// The bound on a terminal table's size with one shown cell of `cells` cut to
/// [`MAX_TABLE_CELL_CHARS`]: in the narrowest column (one character) every character is a
/// line, and a line of `width` columns takes at most 4 bytes a column.
fn table_bound(cells: usize, width: u16) -> usize {
    let chars = MAX_TABLE_CELL_CHARS + MAX_TABLE_CELL_CHARS / MAX_TABLE_RUN_CHARS + 64;
    cells * chars * (4 * usize::from(width) + 1) + 16 * 1024
}

#[test]
fn a_long_unbroken_cell_gives_a_bounded_table() {
    let long = "x".repeat(BIG);
    let longer = "x".repeat(10 * BIG);
    let c = corpus_of(&long);
    let c10 = corpus_of(&longer);
    for width in [80, 100] {
        let views = every_view(&c, Format::Table, width);
        let views10 = every_view(&c10, Format::Table, width);
        for ((name, out), (_, out10)) in views.iter().zip(&views10) {
            // The hostile cells of a view: the short title, label, text and quote appear in
            // at most three cells of a sheet.
            assert!(
                out.len() <= table_bound(3, width),
                "{name} at {width}: {} bytes",
                out.len()
            );
            // Ten times the input: the same table, but for the digits of the counts cut
            // (which may take a line more in a narrow column).
            assert!(
                out10.len().abs_diff(out.len()) <= 2 * (4 * usize::from(width) + 1),
                "{name} at {width}: {} bytes for 100 KB, {} bytes for 1 MB",
                out.len(),
                out10.len()
            );
            assert!(
                out.contains("characters are cut in tables"),
                "{name}: the table says that it cut"
            );
            assert!(
                squeezed(out).contains("morecharacters)"),
                "{name}: the cut is marked"
            );
            assert!(!out.contains(&long[..MAX_TABLE_CELL_CHARS + 1]), "{name}");
            assert_fits(name, out, usize::from(width));
        }
    }
}

/// The reproducer of defect 3 in numbers: the matrix and the list of an instrument whose
/// short title is 100 KB long, at the default width.
#[test]
fn matrix_and_list_of_a_100_kb_short_title_are_small() {
    let c = corpus("Q".repeat(BIG).as_str(), "Article 1", "Text.", "Text.");
    let matrix = render(
        &GapMatrix::new(&c.select(["coe/echr/art-8"]).unwrap()),
        Format::Table,
        100,
    );
    let list = render(&InstrumentList::new(&c, None), Format::Table, 100);
    // Before: 2.6 MB and 1.3 MB.
    for (name, out) in [("matrix", &matrix), ("list", &list)] {
        assert!(
            out.len() < 40 * MAX_TABLE_CELL_CHARS,
            "{name}: {} bytes",
            out.len()
        );
        assert_fits(name, out, 100);
        let shown = out.matches('Q').count();
        assert!(
            (MAX_TABLE_CELL_CHARS..MAX_TABLE_CELL_CHARS + 8).contains(&shown),
            "{name} shows {shown} characters of the title"
        );
    }
    let cut = BIG + " (eu/hostile)".len() - MAX_TABLE_CELL_CHARS;
    assert!(
        squeezed(&matrix).contains(&format!("…({cut}morecharacters)")),
        "the marker counts what was cut"
    );
    // The short cells keep their place: the ECHR row is whole.
    assert!(list.contains("│ coe/echr"));
}

#[test]
fn citable_formats_keep_the_full_text() {
    let long = "x".repeat(BIG);
    let c = corpus_of(&long);
    for format in [Format::Markdown, Format::Csv, Format::Json, Format::Html] {
        for (name, out) in every_view(&c, format, 100) {
            assert!(
                out.contains(&long),
                "{name} in {format:?} lost the full text"
            );
            assert!(!out.contains("more characters)"), "{name} in {format:?}");
        }
    }
    // And they stay well formed.
    for (name, out) in every_view(&c, Format::Json, 100) {
        let v: serde_json::Value = serde_json::from_str(&out).expect(name);
        assert_eq!(
            v["schema-version"],
            lexgap::render::SCHEMA_VERSION,
            "{name}"
        );
    }
    for (name, out) in every_view(&c, Format::Csv, 100) {
        for table in out.split("\n\n") {
            let mut r = csv::ReaderBuilder::new().from_reader(table.as_bytes());
            let n = r.headers().expect(name).len();
            for rec in r.records() {
                assert_eq!(rec.expect(name).len(), n, "{name}");
            }
        }
    }
}

#[test]
fn long_runs_are_hard_wrapped_and_short_ones_kept() {
    // A 2,000-character word in a 100-character table: shown whole, in lines of the table.
    let word = "z".repeat(2_000);
    let c = corpus("T", "Article 1", &word, &word);
    let card = render(
        &ProvisionCard::new(c.locate(PROV).unwrap()),
        Format::Table,
        100,
    );
    assert!(!card.contains("more characters)"), "nothing is cut");
    assert_eq!(
        card.matches('z').count(),
        2 * 2_000,
        "text and quote, whole"
    );
    assert_fits("show", &card, 100);
    // The CSV is not wrapped.
    let csv = render(
        &ProvisionCard::new(c.locate(PROV).unwrap()),
        Format::Csv,
        100,
    );
    assert!(csv.contains(&word));
}

#[test]
fn markdown_shows_raw_html_as_text() {
    let img = "<img src=x onerror=alert(1)>";
    let text = format!("Everyone has the right {img} | R&D &lt;b&gt; &#60;i&#62; & done.");
    let c = corpus(img, img, &text, img);
    for (name, md) in every_view(&c, Format::Markdown, 100) {
        assert!(!md.contains("<img"), "{name}: live HTML in Markdown:\n{md}");
        assert!(
            md.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{name}: the tag is shown as text:\n{md}"
        );
        if name == "show" || name == "side-by-side" {
            assert!(
                md.contains("\\| R&D &amp;lt;b&amp;gt; &amp;#60;i&amp;#62; & done."),
                "{name}: pipes escaped, references shown, bare ampersands kept:\n{md}"
            );
        }
        // The only tag left is the line break the Markdown writer puts in.
        assert_eq!(
            md.matches('<').count(),
            md.matches("<br>").count(),
            "{name}"
        );
    }
    for (name, html) in every_view(&c, Format::Html, 100) {
        assert!(!html.contains("<img"), "{name}: live HTML in HTML");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{name}"
        );
    }
}

#[test]
fn control_characters_do_not_reach_the_terminal() {
    let s = "red \u{1b}[31mtext\u{1b}[0m, bell\u{7}, back\u{8}space, carriage\rreturn, c1\u{9b}";
    let c = corpus_of(s);
    for (name, out) in every_view(&c, Format::Table, 100) {
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{name}: a control character in the table:\n{out}"
        );
        for picture in ['␛', '␇', '␈', '␍', '\u{FFFD}'] {
            assert!(out.contains(picture), "{name}: {picture} shown");
        }
        assert!(
            !out.contains("characters are cut"),
            "{name}: nothing is cut"
        );
    }
    // The citable formats keep the text as it is (JSON escapes it).
    for (name, out) in every_view(&c, Format::Csv, 100) {
        assert!(out.contains("\u{1b}[31mtext"), "{name}");
    }
}

/// Unicode edge cases in cells, in every format: no panic, well-formed tables, the full text
/// in the citable formats; a hard wrap or cut never separates a mark from its letter.
#[test]
fn unicode_edge_cases_in_cells() {
    let cases: [(&str, String); 8] = [
        ("combining marks", "e\u{301}".repeat(BIG / 2)),
        (
            "stacked marks",
            format!("a{}", "\u{301}\u{302}\u{303}".repeat(10)).repeat(BIG / 31),
        ),
        (
            "one letter, many marks",
            format!("a{}", "\u{301}".repeat(BIG)),
        ),
        (
            "zero-width joiners",
            "👩\u{200D}👩\u{200D}👧\u{200D}👦".repeat(BIG / 7),
        ),
        (
            "right to left",
            format!(
                "{} {}",
                "לכל אדם הזכות לפרטיות. ".repeat(500),
                "الحق".repeat(BIG / 4)
            ),
        ),
        ("bidi overrides", "\u{202E}txet\u{202C} ".repeat(BIG / 7)),
        ("CJK", "个人信息处理者".repeat(BIG / 7)),
        (
            "CJK with spaces",
            "第二十七条 个人信息处理者 ".repeat(BIG / 14),
        ),
    ];
    for (case, s) in &cases {
        let c = corpus_of(s);
        // At 80 columns every view; at the narrowest width (columns of one character, the
        // most lines a cell can take) the list and the provision.
        let narrow = [(80, &VIEWS[..]), (20, &["list", "show"][..])];
        for (w, names) in narrow {
            for name in names {
                let out = view(&c, name, Format::Table, w);
                let name = format!("{case}: {name} at {w}");
                let lines = table_lines(&name, &out);
                assert!(
                    out.len() <= table_bound(3, w),
                    "{name}: {} bytes",
                    out.len()
                );
                let combining = |c: char| ('\u{300}'..='\u{36F}').contains(&c);
                // A cluster longer than a run may be broken (see `clip`); others never.
                let absurd = *case == "one letter, many marks";
                for l in lines.iter().filter(|_| !absurd) {
                    let mut prev = '│';
                    for ch in l.chars() {
                        assert!(
                            !(combining(ch) && (prev == ' ' || prev == '│' || prev == '┆')),
                            "{name}: a mark apart from its letter: {l:?}"
                        );
                        prev = ch;
                    }
                }
                // In a column one character wide a double-width character cannot fit.
                if w == 80 && matches!(*case, "CJK" | "CJK with spaces" | "combining marks") {
                    assert_fits(&name, &out, usize::from(w));
                }
            }
        }
        for format in [Format::Markdown, Format::Csv, Format::Json, Format::Html] {
            for (name, out) in every_view(&c, format, 80) {
                assert!(
                    out.contains(s.as_str()),
                    "{case}: {name} in {format:?} lost the text"
                );
            }
        }
    }
}

#[test]
fn clip_counts_what_it_cuts() {
    assert_eq!(clip("", 0), "");
    assert_eq!(clip("abc", 3), "abc");
    assert_eq!(clip("abcd", 3), "abc… (1 more character)");
    assert_eq!(clip("abc", 0), "… (3 more characters)");
    assert_eq!(clip("个人信息", 2), "个人… (2 more characters)");
    // A joined emoji stays whole.
    let family = "👩\u{200D}👧x";
    assert_eq!(clip(family, 1), "👩\u{200D}👧… (1 more character)");
    // A 5 MB quote in an error line: a few hundred bytes.
    let quote = "a ".repeat(2_500_000);
    let short = clip(&quote, 200);
    assert!(short.len() < 240, "{}", short.len());
    assert!(short.ends_with("… (4999800 more characters)"));
}
