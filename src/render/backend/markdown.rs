//! Markdown: each sheet as a GitHub-flavoured table under a `###` title, every cell escaped so
//! that it shows its text as text.

use std::fmt;

use crate::render::{Sheet, Tone};

/// Escapes a Markdown table cell, so that it shows its text as text: backslashes and pipes
/// with a backslash, `<` and `>` as `&lt;` and `&gt;` (raw HTML is shown, not rendered), `&`
/// as `&amp;` where it would start a character reference such as `&lt;` or `&#60;` (a bare
/// `&`, as in a URL's query, shows as itself and stays readable), and line breaks as `<br>`.
fn md_cell(s: &str) -> String {
    let s = s.trim_end_matches('\n');
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for (i, c) in s.char_indices() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_reference(&s[i + 1..]) => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a line of Markdown text outside a table (a legend line) the same way: `|` needs no
/// escape there, but raw HTML and character references are shown as text all the same.
pub(crate) fn md_text(s: &str) -> String {
    md_cell(s).replace("\\|", "|")
}

/// Whether the text after an `&` makes it a character reference in CommonMark or HTML: a
/// name or a `#` number of ASCII letters and digits, then `;`. (A name of 40 or more is no
/// entity's.)
fn starts_reference(after: &str) -> bool {
    let name = after
        .bytes()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && name < 40 && after.as_bytes().get(name) == Some(&b';')
}

pub(crate) fn write_markdown(f: &mut fmt::Formatter<'_>, sheet: &Sheet) -> fmt::Result {
    if !sheet.title.is_empty() {
        writeln!(f, "### {}\n", md_cell(&sheet.title))?;
    }
    if sheet.rows.is_empty() {
        // An empty table would be its header alone.
        return writeln!(f, "_None._");
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
