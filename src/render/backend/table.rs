//! Terminal tables: each sheet laid out by comfy-table to a width, with its cells bounded and
//! its control characters made visible (see
//! [the module docs](super::super#long-and-hostile-text)).

use std::borrow::Cow;
use std::fmt;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::model::script::{is_mark, is_unspaced};
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

/// Writes `sheet` as a terminal table `width` columns wide, followed by the lines of `notes`.
///
/// A line breaks only between words: every column is at least as wide as the longest run of
/// its cells that has no space (an id, a gap code, a URL; text of a script written without
/// spaces breaks between its characters), up to the width of the table. When those columns
/// cannot sit side by side, even with narrow columns unpadded, each row is shown as a block
/// instead (see [`write_stacked`]).
pub(crate) fn write_table(
    f: &mut fmt::Formatter<'_>,
    sheet: &Sheet,
    notes: &[String],
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
    let headers: Vec<String> = sheet.headers.iter().map(|h| bound(h)).collect();
    let rows: Vec<Vec<(String, Tone)>> = sheet
        .rows
        .iter()
        .map(|r| r.iter().map(|c| (bound(&c.text), c.tone)).collect())
        .collect();
    for line in wrap(&title, width) {
        writeln!(f, "{line}")?;
    }
    if rows.is_empty() {
        // An empty table would be its header alone.
        return writeln!(f, "(none)");
    }
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain([headers.len()])
        .max()
        .unwrap_or(0);
    // The widest token a line can hold: one column of the whole width.
    let cap = usize::from(width).saturating_sub(4).max(1);
    let mut least = vec![1usize; columns];
    let mut widest = vec![1usize; columns];
    let mut measure = |i: usize, text: &str| {
        least[i] = least[i].max(longest_token(text).min(cap));
        widest[i] = widest[i].max(text.lines().map(rough_width).max().unwrap_or(0));
    };
    for (i, h) in headers.iter().enumerate() {
        measure(i, h);
    }
    for row in &rows {
        for (i, (text, _)) in row.iter().enumerate() {
            measure(i, text);
        }
    }
    // Borders, then each column with its padding; narrow columns (a symbol, a number) lose
    // their padding if the table would not fit otherwise.
    let need = |unpadded: bool| {
        1 + least
            .iter()
            .zip(&widest)
            .map(|(l, w)| l + 1 + if unpadded && *w <= 2 { 0 } else { 2 })
            .sum::<usize>()
    };
    let unpadded = need(false) > usize::from(width);
    if columns > 1 && need(unpadded) > usize::from(width) {
        write_stacked(f, &headers, &rows, width)?;
    } else {
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
        if !headers.is_empty() {
            table.set_header(headers.clone());
        }
        for row in &rows {
            let cells: Vec<comfy_table::Cell> = row
                .iter()
                .map(|(text, tone)| {
                    let mut cell = comfy_table::Cell::new(text);
                    if color {
                        if let Some(col) = tone_color(*tone) {
                            cell = cell.fg(col);
                        }
                    }
                    cell
                })
                .collect();
            table.add_row(cells);
        }
        table.discover_columns();
        for (i, column) in table.column_iter_mut().enumerate() {
            let padding = if unpadded && widest[i] <= 2 { 0 } else { 2 };
            if padding == 0 {
                column.set_padding((0, 0));
            }
            let lower = u16::try_from(least[i] + padding).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(lower)));
        }
        writeln!(f, "{table}")?;
    }
    for line in notes {
        writeln!(f, "{line}")?;
    }
    if clipped {
        let note = format!(
            "(Cells longer than {MAX_TABLE_CELL_CHARS} characters are cut in tables; \
             the Markdown, CSV, JSON and HTML formats show the full text.)"
        );
        for line in wrap(&note, width) {
            writeln!(f, "{line}")?;
        }
    }
    Ok(())
}

/// A sheet too wide for the terminal, one block per row in a table of one column: the row's
/// first cell as its heading, then `header: value` for each other cell that is not empty
/// (short one-line fields share a line, separated by ` · `; a value of several lines starts
/// on the line after its header).
///
/// Chosen over narrowing or dropping columns: every value keeps the whole width, so no id,
/// code or URL is broken, and nothing is left out.
fn write_stacked(
    f: &mut fmt::Formatter<'_>,
    headers: &[String],
    rows: &[Vec<(String, Tone)>],
    width: u16,
) -> fmt::Result {
    let room = usize::from(width).saturating_sub(4).max(1);
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table.force_no_tty();
    for row in rows {
        let mut lines: Vec<String> = Vec::new();
        let mut packable = false;
        for (i, (text, _)) in row.iter().enumerate() {
            let header = headers.get(i).map_or("", String::as_str);
            if text.is_empty() {
                continue;
            }
            if i == 0 || header.is_empty() {
                lines.push(text.clone());
                packable = false;
                continue;
            }
            let field = if text.contains('\n') {
                format!("{header}:\n{text}")
            } else {
                format!("{header}: {text}")
            };
            let short = !field.contains('\n') && field.is_ascii() && field.len() <= room;
            match lines.last_mut() {
                Some(last) if packable && short && last.len() + 3 + field.len() <= room => {
                    last.push_str(" · ");
                    last.push_str(&field);
                }
                _ => {
                    lines.push(field);
                    packable = short;
                }
            }
        }
        let text = lines.join("\n");
        table.add_row(vec![comfy_table::Cell::new(isolate_long(&text, room))]);
    }
    if rows.is_empty() {
        table.add_row(vec![comfy_table::Cell::new("(none)")]);
    }
    writeln!(f, "{table}")
}

/// `text` with each run wider than `room` (which must break) on a line of its own, so that
/// it breaks where the line is full and nowhere else.
fn isolate_long(text: &str, room: usize) -> Cow<'_, str> {
    if !text.split([' ', '\n']).any(|w| rough_width(w) > room) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len() + 8);
            for (i, word) in line.split(' ').enumerate() {
                if i > 0 {
                    out.push(if rough_width(word) > room { '\n' } else { ' ' });
                }
                out.push_str(word);
            }
            out
        })
        .collect();
    Cow::Owned(lines.join("\n"))
}

/// A legend under the tables: `Legend:`, then each line wrapped between words to `width`,
/// its continuation lines indented.
pub(crate) fn write_legend(
    f: &mut fmt::Formatter<'_>,
    lines: &[String],
    width: u16,
) -> fmt::Result {
    writeln!(f, "Legend:")?;
    for line in lines {
        let (text, _) = table_text(line);
        for (k, l) in wrap(&text, width.saturating_sub(2)).iter().enumerate() {
            let lead = if k == 0 { "- " } else { "  " };
            writeln!(f, "{lead}{l}")?;
        }
    }
    Ok(())
}

/// `text` in lines at most `width` columns wide, broken between words (a word wider than
/// the width is broken where it must).
fn wrap(text: &str, width: u16) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    if text.is_ascii() && !text.contains('\n') && text.len() <= usize::from(width) {
        return vec![text.to_owned()];
    }
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .force_no_tty();
    table.add_row(vec![text]);
    if let Some(column) = table.column_mut(0) {
        column.set_padding((0, 0));
    }
    table.lines().map(|l| l.trim_end().to_owned()).collect()
}

/// A line's width in columns, roughly: characters of scripts written without spaces count
/// two, marks none, others one. It only sizes columns; comfy-table measures the layout.
fn rough_width(s: &str) -> usize {
    s.chars()
        .map(|c| usize::from(!is_mark(c)) + usize::from(is_unspaced(c)))
        .sum()
}

/// The width of the longest run of `text` that a line must not break: characters between
/// spaces and line breaks, each character of a script written without spaces standing
/// alone (two columns).
pub(crate) fn longest_token(text: &str) -> usize {
    let (mut best, mut run) = (0usize, 0usize);
    for c in text.chars() {
        if c == ' ' || c == '\n' || is_unspaced(c) {
            best = best.max(run);
            run = 0;
            if is_unspaced(c) {
                best = best.max(2);
            }
        } else if !is_mark(c) {
            run += 1;
        }
    }
    best.max(run)
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
