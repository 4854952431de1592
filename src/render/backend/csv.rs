//! CSV: one rectangular table (RFC 4180: CRLF line ends, quotes where needed), cell texts
//! only, that a spreadsheet, Python's `csv` module or a dataframe reads as it is.
//!
//! A result of one sheet is that sheet. A result of several (a gap report's target, summary,
//! explanations and evidence) is one table in long form: a first column `section` names the
//! sheet each row comes from (`summary` for the sheet that carries the result's title, else
//! the sheet's title in lower case: `target`, `explanations`, `evidence`), then the union of
//! the sheets' columns in the order in which they first appear; a row leaves empty the columns
//! its sheet does not have. A column name two sheets share is one column, read by section
//! (`status` is an instrument's status in `target`, a verdict in `summary`).

use std::fmt;

use crate::render::Sheet;

pub(crate) fn write_csv(f: &mut fmt::Formatter<'_>, title: &str, sheets: &[Sheet]) -> fmt::Result {
    let bytes = records(title, sheets).map_err(|_| fmt::Error)?;
    f.write_str(&String::from_utf8_lossy(&bytes))
}

fn records(title: &str, sheets: &[Sheet]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    match sheets {
        [] => {}
        [sheet] => {
            w.write_record(&sheet.headers)?;
            for row in &sheet.rows {
                w.write_record(row.iter().map(|c| c.text.as_str()))?;
            }
        }
        _ => {
            let mut columns: Vec<&str> = Vec::new();
            for h in sheets.iter().flat_map(|s| &s.headers) {
                if !columns.contains(&h.as_str()) {
                    columns.push(h);
                }
            }
            w.write_record(std::iter::once("section").chain(columns.iter().copied()))?;
            for sheet in sheets {
                let section = if sheet.title == title {
                    "summary".to_owned()
                } else {
                    sheet.title.to_lowercase()
                };
                let at: Vec<Option<usize>> = columns
                    .iter()
                    .map(|c| sheet.headers.iter().position(|h| h == c))
                    .collect();
                for row in &sheet.rows {
                    let cells = at
                        .iter()
                        .map(|k| k.and_then(|k| row.get(k)).map_or("", |c| c.text.as_str()));
                    w.write_record(std::iter::once(section.as_str()).chain(cells))?;
                }
            }
        }
    }
    Ok(w.into_inner()?)
}
