//! A second language merged into an instrument file: each imported provision's label,
//! heading, chapter path and text added to the provision of the same id, the file's own
//! layout, comments and annotations kept, and the language's provenance table added.

use std::collections::HashMap;
use std::fmt;

use super::write::{basic, provenance, text_value};
use super::{ImportOptions, ImportedProvision};

/// Why a file could not take the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(String);

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MergeError {}

/// The merged file, and what was not merged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Merged {
    /// The file with the new language in it.
    pub text: String,
    /// What was left out: imported provisions the file lacks, provisions of the file the
    /// import lacks, provisions that already have a text in the language.
    pub notes: Vec<String>,
}

/// Where a multi-line string opened on this line stays open, the delimiter.
fn opens_multiline(line: &str) -> Option<&'static str> {
    ["'''", "\"\"\""]
        .into_iter()
        .find(|&d| line.matches(d).count() % 2 == 1)
}

pub(super) fn merge(
    o: &ImportOptions,
    provisions: &[ImportedProvision],
    existing: &str,
) -> Result<Merged, MergeError> {
    let lang = o.lang.as_str();
    let table: toml::Table = existing.parse().map_err(|e: toml::de::Error| {
        MergeError(format!("the file is not TOML: {}", e.message()))
    })?;
    let parsed: Vec<&toml::Table> = table
        .get("provision")
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_table).collect())
        .unwrap_or_default();
    let languages = table
        .get("instrument")
        .and_then(|i| i.get("languages"))
        .and_then(toml::Value::as_table);
    // The language of a one-list `chapter = [...]`: the authentic one, else the first.
    let base = languages
        .and_then(|l| {
            l.iter()
                .find(|(_, v)| {
                    v.get("legal-value").and_then(toml::Value::as_str) == Some("authentic")
                })
                .or_else(|| l.iter().next())
                .map(|(k, _)| k.clone())
        })
        .ok_or_else(|| MergeError("the file has no `[instrument.languages]` table".into()))?;
    let has_lang = languages.is_some_and(|l| l.contains_key(lang));

    let lines: Vec<&str> = existing.lines().collect();
    // Header lines of `[[provision]]` tables, outside multi-line strings.
    let mut headers = Vec::new();
    let mut open: Option<&str> = None;
    for (i, line) in lines.iter().enumerate() {
        match open {
            Some(d) => {
                if line.contains(d) {
                    open = None;
                }
            }
            None => {
                if line.trim() == "[[provision]]" {
                    headers.push(i);
                }
                open = opens_multiline(line);
            }
        }
    }
    if headers.len() != parsed.len() {
        return Err(MergeError(format!(
            "found {} `[[provision]]` lines for {} provisions; write each header on a line of its own",
            headers.len(),
            parsed.len()
        )));
    }
    let imported: HashMap<&str, &ImportedProvision> =
        provisions.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut notes = Vec::new();
    let mut used = std::collections::HashSet::new();
    // Edits: (line index, replacement of that line) and (insert before index, lines).
    let mut replace: HashMap<usize, String> = HashMap::new();
    let mut insert: Vec<(usize, Vec<String>)> = Vec::new();
    for (k, &start) in headers.iter().enumerate() {
        let end = headers.get(k + 1).copied().unwrap_or(lines.len());
        let p = parsed[k];
        let Some(id) = p.get("id").and_then(toml::Value::as_str) else {
            continue;
        };
        let Some(new) = imported.get(id) else {
            notes.push(format!("`{id}`: no {lang} text imported"));
            continue;
        };
        used.insert(id.to_owned());
        if p.get("text").and_then(|t| t.get(lang)).is_some() {
            notes.push(format!("`{id}` already has a `{lang}` text; left as it is"));
            continue;
        }
        // The provision's own keys end at its first sub-table or at the next provision.
        let mut own_end = end;
        let mut open: Option<&str> = None;
        for (i, line) in lines.iter().enumerate().take(end).skip(start + 1) {
            if let Some(d) = open {
                if line.contains(d) {
                    open = None;
                }
                continue;
            }
            if line.trim_start().starts_with('[') {
                own_end = i;
                break;
            }
            open = opens_multiline(line);
        }
        while own_end > start + 1 && lines[own_end - 1].trim().is_empty() {
            own_end -= 1;
        }
        let mut add = Vec::new();
        let mut set = |key: &str, value: String, add: &mut Vec<String>| {
            let inline = (start + 1..own_end).find(|&i| {
                let t = lines[i].trim_start();
                t.starts_with(&format!("{key} = {{")) && t.trim_end().ends_with('}')
            });
            match inline {
                Some(i) => {
                    let line = lines[i].trim_end();
                    let body = line[..line.len() - 1].trim_end();
                    let sep = if body.ends_with('{') { " " } else { ", " };
                    replace.insert(i, format!("{body}{sep}{lang} = {value} }}"));
                }
                None => add.push(format!("{key}.{lang} = {value}")),
            }
        };
        set("label", basic(&new.label), &mut add);
        if let Some(h) = &new.heading {
            set("heading", basic(h), &mut add);
        }
        if !new.chapter.is_empty() {
            if let Some(i) =
                (start + 1..own_end).find(|&i| lines[i].trim_start().starts_with("chapter = ["))
            {
                let line = lines[i];
                replace.insert(
                    i,
                    line.replacen("chapter = [", &format!("chapter.{base} = ["), 1),
                );
            }
            let list: Vec<String> = new.chapter.iter().map(|c| basic(c)).collect();
            add.push(format!("chapter.{lang} = [{}]", list.join(", ")));
        }
        add.push(format!("text.{lang} = {}", text_value(&new.text)));
        insert.push((own_end, add));
    }
    for p in provisions {
        if !used.contains(&p.id) {
            notes.push(format!(
                "`{}` (line {}) is not in the file; left out",
                p.id, p.line
            ));
        }
    }
    if !has_lang {
        let mut table = String::new();
        provenance(&mut table, o);
        let at = headers.first().copied().unwrap_or(lines.len());
        let mut block: Vec<String> = table.lines().map(str::to_owned).collect();
        block.push(String::new());
        insert.push((at, block));
    } else {
        notes.push(format!(
            "`[instrument.languages.{lang}]` is already there; left as it is"
        ));
    }
    insert.sort_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(existing.len() * 2);
    let mut next = insert.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        while let Some((_, block)) = next.next_if(|(at, _)| *at == i) {
            for l in block {
                out.push_str(l);
                out.push('\n');
            }
        }
        out.push_str(replace.get(&i).map_or(line, String::as_str));
        out.push('\n');
    }
    for (_, block) in next {
        for l in block {
            out.push_str(l);
            out.push('\n');
        }
    }
    Ok(Merged { text: out, notes })
}
