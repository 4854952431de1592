//! Self-contained HTML: one page, inline CSS, no external assets; every string from the data
//! is escaped by maud.

use std::fmt;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::render::{Render, Sheet, Tone};

const CSS: &str = r#"
body { font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.45; color: #1a1a1a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: left; }
.columns { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 1rem; }
.column { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; }
.provenance { color: #555; font-size: .85rem; }
.text { white-space: pre-wrap; }
ins { background: #d4f7d4; text-decoration: none; }
del { background: #f9d0d0; }
.gap { border-left: 4px solid #999; padding: .2rem .8rem; margin: .8rem 0; }
.badge { display: inline-block; border-radius: 4px; padding: .05rem .45rem; font-weight: 600; font-size: .85rem; }
.tone-bad { background: #f9d0d0; } .tone-warn { background: #fbeec2; } .tone-good { background: #d4f7d4; }
.tone-muted { color: #888; }
blockquote.quote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #bbb; }
.notice { color: #555; font-size: .85rem; margin-top: 2rem; }
"#;

pub(crate) fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Plain => "tone-plain",
        Tone::Good | Tone::Insert => "tone-good",
        Tone::Warn => "tone-warn",
        Tone::Bad | Tone::Delete => "tone-bad",
        Tone::Muted => "tone-muted",
    }
}

/// A self-contained HTML page made of the HTML sections of several results.
///
/// ```
/// use lexgap::render::{Page, SideBySide};
///
/// let corpus = lexgap::Corpus::bundled();
/// let view = SideBySide::new().column("ECHR", &corpus.select(["coe/echr/art-8"])?);
/// let mut page = Page::new("Article 8 <ECHR>");
/// page.add(&view);
/// let html = page.to_string();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("Article 8 &lt;ECHR&gt;"), "titles are escaped");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Page {
    title: String,
    sections: Vec<PreEscaped<String>>,
}

impl Page {
    /// An empty page.
    pub fn new(title: impl Into<String>) -> Page {
        Page {
            title: title.into(),
            sections: Vec::new(),
        }
    }
    /// Adds a result's HTML section.
    pub fn add<T: Render>(&mut self, item: &T) -> &mut Page {
        self.sections.push(PreEscaped(item.html()));
        self
    }
}

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let page = html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (self.title) }
                    style { (PreEscaped(CSS)) }
                }
                body {
                    h1 { (self.title) }
                    @for s in &self.sections { (s) }
                    p.notice {
                        "Made with lexgap " (env!("CARGO_PKG_VERSION")) ", corpus " (crate::CORPUS_VERSION)
                        ". It records what the texts say and how an annotator read them, with quotes; it is not legal advice."
                    }
                }
            }
        };
        f.write_str(&page.into_string())
    }
}

pub(crate) fn sheets_section(title: &str, sheets: &[Sheet]) -> Markup {
    html! {
        section {
            h2 { (title) }
            @for s in sheets { (sheet_table(s)) }
        }
    }
}

pub(crate) fn sheet_table(s: &Sheet) -> Markup {
    html! {
        @if !s.title.is_empty() { h3 { (s.title) } }
        table {
            thead { tr { @for h in &s.headers { th { (h) } } } }
            tbody {
                @for row in &s.rows {
                    tr { @for c in row { td class=(tone_class(c.tone)) { (c.text) } } }
                }
            }
        }
    }
}
