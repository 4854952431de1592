//! Terminal tables: each sheet laid out by comfy-table to a width, with its cells bounded and
//! its control characters made visible (see
//! [the module docs](super::super#long-and-hostile-text)).

use std::borrow::Cow;
use std::fmt;

use comfy_table::{ContentArrangement, Table, presets};

use crate::model::{MAX_CLUSTER_TAIL, is_cluster_boundary};
use crate::render::{MAX_TABLE_CELL_CHARS, MAX_TABLE_RUN_CHARS, Sheet, Tone, clip};

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

pub(crate) fn write_table(
    f: &mut fmt::Formatter<'_>,
    sheet: &Sheet,
    width: u16,
    color: bool,
) -> fmt::Result {
    let mut clipped = false;
    let mut bound = |s: &str| {
        let (text, cut) = table_text(s);
        clipped |= cut;
        text.into_owned()
    };
    let title = bound(&sheet.title);
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
    table.set_header(sheet.headers.iter().map(|h| bound(h)).collect::<Vec<_>>());
    for row in &sheet.rows {
        let cells: Vec<comfy_table::Cell> = row
            .iter()
            .map(|c| {
                let mut cell = comfy_table::Cell::new(bound(&c.text));
                if color {
                    if let Some(col) = tone_color(c.tone) {
                        cell = cell.fg(col);
                    }
                }
                cell
            })
            .collect();
        table.add_row(cells);
    }
    if !title.is_empty() {
        writeln!(f, "{title}")?;
    }
    writeln!(f, "{table}")?;
    if clipped {
        writeln!(
            f,
            "(Cells longer than {MAX_TABLE_CELL_CHARS} characters are cut in tables; \
             the Markdown, CSV, JSON and HTML formats show the full text.)"
        )?;
    }
    Ok(())
}

/// A visible stand-in for a control character, so that a text cannot drive the terminal:
/// the control pictures `␀`..`␟` and `␡`, and `�` for the C1 controls. Tab and line feed are
/// kept.
fn control_picture(c: char) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// A cell's text as a terminal table lays it out, and whether it was cut: at most
/// [`MAX_TABLE_CELL_CHARS`] characters, no run longer than [`MAX_TABLE_RUN_CHARS`], `\r\n`
/// as `\n`, other control characters as pictures. Ordinary text is returned as it is.
fn table_text(s: &str) -> (Cow<'_, str>, bool) {
    let mut chars = 0usize;
    let mut run = 0usize;
    let ordinary = s.chars().all(|c| {
        chars += 1;
        run = if c == ' ' || c == '\n' { 0 } else { run + 1 };
        chars <= MAX_TABLE_CELL_CHARS && run <= MAX_TABLE_RUN_CHARS && control_picture(c).is_none()
    });
    if ordinary {
        return (Cow::Borrowed(s), false);
    }
    let s = s.replace("\r\n", "\n");
    let clipped = clip(&s, MAX_TABLE_CELL_CHARS);
    let cut = matches!(clipped, Cow::Owned(_));
    let mut out = String::with_capacity(clipped.len() + clipped.len() / MAX_TABLE_RUN_CHARS + 8);
    let mut run = 0usize;
    for (at, c) in clipped.char_indices() {
        if c == ' ' || c == '\n' {
            run = 0;
        } else {
            // Break a long run, but not inside a cluster (unless the cluster is absurdly long).
            if run >= MAX_TABLE_RUN_CHARS + MAX_CLUSTER_TAIL
                || (run >= MAX_TABLE_RUN_CHARS && is_cluster_boundary(&clipped, at))
            {
                out.push('\n');
                run = 0;
            }
            run += 1;
        }
        out.push(control_picture(c).unwrap_or(c));
    }
    (Cow::Owned(out), cut)
}
