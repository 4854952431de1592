//! CSV: each sheet as a header record and one record per row, cell texts only.

use std::fmt;

use crate::render::Sheet;

pub(crate) fn write_csv(f: &mut fmt::Formatter<'_>, sheet: &Sheet) -> fmt::Result {
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
