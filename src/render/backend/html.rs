//! Self-contained HTML: one page, inline CSS, no external assets; every string from the data
//! is escaped by maud.
//!
//! The sections that results write follow a few conventions, which [`Page`] reads when it puts
//! them together (its own markup only: every `<` of a text is escaped, so every tag is ours):
//!
//! - a `section` element per result; the page gives it a stable id, `s-` and the result's kind
//!   (`s-gap-report`, then `s-gap-report-2` …), and an entry in the table of contents;
//! - an element with `id` and `data-toc="label"` (each gap, `gap-<code>`) gets an entry under
//!   its section;
//! - an element that holds a provision's text has the id `p-<id with / replaced by ->`;
//! - a citation is `<a class="cite" data-anchor="p-…">`, with an `href` to the official source
//!   when there is one; the page points it at the provision's text when it holds it.
//!
//! Ids repeated on a page (two reports with the same gaps) get `-2`, `-3` … after the first.

use std::collections::{HashMap, HashSet};
use std::fmt;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::render::{Render, Sheet, Tone};

const CSS: &str = r#"
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 1.5rem 2rem; max-width: 90rem;
  line-height: 1.45; color: #1a1a1a; overflow-wrap: break-word; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; }
a { color: #1a4f8b; }
code { font-family: ui-monospace, monospace; font-size: .9em; background: #f1f1f1; border-radius: 3px; padding: 0 .2em; overflow-wrap: anywhere; }
nav.toc { border: 1px solid #ddd; border-radius: 6px; padding: .4rem 1rem; margin: 1rem 0 1.5rem; background: #fafafa; }
nav.toc h2 { margin: .3rem 0; font-size: 1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.3rem; } nav.toc ol ol { font-size: .92rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
table.sheet { width: 100%; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
td.source { width: 22%; font-size: .8rem; overflow-wrap: anywhere; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); gap: 1rem; }
.column { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; min-width: 0; }
.provenance { color: #555; font-size: .85rem; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
ins { background: #d4f7d4; text-decoration: none; }
del { background: #f9d0d0; }
.gap { border-left: 4px solid #999; padding: .2rem .8rem; margin: .8rem 0; }
.gap h3 { margin: .3rem 0; }
.badge { display: inline-block; border-radius: 4px; padding: .05rem .45rem; font-weight: 600; font-size: .85rem; }
.tone-bad { background: #f9d0d0; } .tone-warn { background: #fbeec2; } .tone-good { background: #d4f7d4; }
.tone-muted { color: #888; }
blockquote.quote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #bbb; overflow-wrap: anywhere; }
.notice { color: #555; font-size: .85rem; margin-top: 2rem; }
.matrix-scroll { overflow: auto; max-width: 100%; max-height: 85vh; border: 1px solid #ccc; }
table.matrix { border-collapse: separate; border-spacing: 0; margin: 0; }
table.matrix th, table.matrix td { white-space: nowrap; overflow-wrap: normal; border: 0; border-right: 1px solid #ddd; border-bottom: 1px solid #ddd; background-clip: padding-box; }
table.matrix thead th { position: sticky; top: 0; z-index: 2; background: #f4f4f4; font-size: .8rem; }
table.matrix tbody th { position: sticky; left: 0; z-index: 1; background: #fff; font-weight: normal; }
table.matrix thead th:first-child { left: 0; z-index: 3; }
table.matrix td { text-align: center; }
table.matrix td.tone-plain, table.matrix td.tone-muted { background: #fff; }
.legend dl { display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); gap: .15rem 1rem; margin: .4rem 0 1rem; }
.legend dt { font-weight: 600; } .legend dd { margin: 0; }
@media (max-width: 40rem) { body { padding: .75rem; } blockquote.quote { margin-left: .3rem; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  nav.toc { background: none; }
  .scroll, .matrix-scroll { overflow: visible; max-height: none; border: 0; }
  table.matrix th, table.matrix td { position: static; white-space: normal; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  a.url::after { content: none; }
  table.matrix { width: 100%; font-size: 7pt; }
  table.matrix th, table.matrix td { padding: .1rem .2rem; overflow-wrap: anywhere; font-size: 7pt; }
  .gap, blockquote, tr, .legend dl > * { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
}
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

/// The anchor of a provision's text on a page: `p-eu-gdpr-art-9` for `eu/gdpr/art-9`.
pub(crate) fn provision_anchor(id: &str) -> String {
    let mut s = String::from("p-");
    s.extend(id.chars().map(|c| {
        if c == '/' || c.is_whitespace() {
            '-'
        } else {
            c
        }
    }));
    s
}

/// `source` when it is a URL (http or https, and nothing else), for a link.
pub(crate) fn url_of(source: &str) -> Option<&str> {
    let s = source.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    (!rest.is_empty() && !s.chars().any(char::is_whitespace)).then_some(s)
}

/// Prose from the data: `` `spans` `` in backticks as `<code>`, URLs as links, the rest
/// escaped. A backtick without its pair is shown as it is.
pub(crate) fn rich(text: &str) -> Markup {
    let parts: Vec<&str> = text.split('`').collect();
    // Parts at odd indices are inside backticks, when their closing backtick exists.
    let paired = if parts.len() % 2 == 0 {
        parts.len() - 2
    } else {
        parts.len()
    };
    html! {
        @for (i, part) in parts.iter().enumerate() {
            @if i % 2 == 1 && i < paired {
                code { (part) }
            } @else {
                @if i % 2 == 1 { "`" }
                (linkify(part))
            }
        }
    }
}

/// Text with its `http://` and `https://` URLs as links, the rest escaped.
pub(crate) fn linkify(text: &str) -> Markup {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut rest = text;
    while let Some(k) = [rest.find("https://"), rest.find("http://")]
        .into_iter()
        .flatten()
        .min()
    {
        let end = rest[k..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '`'))
            .map_or(rest.len(), |e| k + e);
        let mut url = &rest[k..end];
        while let Some(c) = url.chars().last() {
            let open = url.matches('(').count() > url.matches(')').count();
            if matches!(c, '.' | ',' | ';' | ':' | ']' | '\'' | '!' | '?') || (c == ')' && !open) {
                url = &url[..url.len() - c.len_utf8()];
            } else {
                break;
            }
        }
        if url_of(url).is_some() {
            pieces.push((&rest[..k], false));
            pieces.push((url, true));
            rest = &rest[k + url.len()..];
        } else {
            // "http" and nothing after it that makes a URL: text, and look further on.
            pieces.push((&rest[..k + 4], false));
            rest = &rest[k + 4..];
        }
    }
    pieces.push((rest, false));
    html! {
        @for (p, link) in pieces {
            @if link { a.url href=(p) { (p) } } @else { (p) }
        }
    }
}

#[derive(Debug, Clone)]
struct Section {
    kind: &'static str,
    title: String,
    html: String,
}

/// A self-contained HTML page made of the HTML sections of several results, under one title
/// and a table of contents: an entry per section and per gap, each pointing at a stable id.
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
/// assert!(html.contains(r##"<a href="#s-side-by-side">"##), "a table of contents");
/// assert!(html.contains(r#"id="p-coe-echr-art-8""#), "the provision's anchor");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Page {
    title: String,
    sections: Vec<Section>,
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
        self.sections.push(Section {
            kind: T::KIND,
            title: item.title(),
            html: item.html(),
        });
        self
    }
}

/// A start tag of our own markup, as [`rewrite_tags`] reads it.
struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, Option<String>)>,
}

impl Tag<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.as_deref())
    }
    fn set(&mut self, name: &'static str, value: String) {
        match self.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some(a) => a.1 = Some(value),
            None => self.attrs.push((name, Some(value))),
        }
    }
}

/// `html` with each start tag passed through `f`; everything else is copied. It reads only
/// the markup maud writes: attribute values in double quotes, with `"`, `<` and `>` escaped.
fn rewrite_tags(html: &str, mut f: impl FnMut(&mut Tag<'_>)) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(k) = rest.find('<') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let Some(tag_len) = rest.find('>').map(|e| e + 1) else {
            break;
        };
        let raw = &rest[..tag_len];
        let body = &raw[1..tag_len - 1];
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push_str(raw);
            rest = &rest[tag_len..];
            continue;
        }
        let name_end = body
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(body.len());
        let mut tag = Tag {
            name: &body[..name_end],
            attrs: Vec::new(),
        };
        let mut a = body[name_end..].trim_start();
        let mut self_closing = false;
        while !a.is_empty() {
            if a == "/" {
                self_closing = true;
                break;
            }
            let n_end = a
                .find(|c: char| c.is_whitespace() || c == '=')
                .unwrap_or(a.len());
            let name = &a[..n_end];
            a = &a[n_end..];
            if let Some(v) = a.strip_prefix("=\"") {
                let v_end = v.find('"').unwrap_or(v.len());
                tag.attrs.push((name, Some(v[..v_end].to_owned())));
                a = v.get(v_end + 1..).unwrap_or("");
            } else {
                tag.attrs.push((name, None));
            }
            a = a.trim_start();
        }
        f(&mut tag);
        out.push('<');
        out.push_str(tag.name);
        for (n, v) in &tag.attrs {
            out.push(' ');
            out.push_str(n);
            if let Some(v) = v {
                out.push_str("=\"");
                out.push_str(v);
                out.push('"');
            }
        }
        if self_closing {
            out.push_str(" /");
        }
        out.push('>');
        rest = &rest[tag_len..];
    }
    out.push_str(rest);
    out
}

/// `Gap report` for the kind `gap-report`.
fn kind_label(kind: &str) -> String {
    let words = kind.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `id`, or `id-2`, `id-3` … if it is taken; marks it taken.
fn unique(used: &mut HashSet<String>, id: &str) -> String {
    let mut candidate = id.to_owned();
    let mut n = 1;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    used.insert(candidate.clone());
    candidate
}

/// A section of a page with unique ids and citations pointed at the texts the page holds, and
/// its entries for the table of contents, (id, escaped label): its own first.
struct Laid {
    html: String,
    entries: Vec<(String, String)>,
}

fn lay_out(page: &Page) -> Vec<Laid> {
    let mut used: HashSet<String> = HashSet::new();
    let escaped_title = html! { (page.title) }.into_string();
    let mut firsts = Vec::new();
    for s in &page.sections {
        let mut html = s.html.trim_start().to_owned();
        if !html.starts_with("<section") {
            html = format!("<section>{html}</section>");
        }
        let sid = unique(&mut used, &format!("s-{}", s.kind));
        let mut renames: HashMap<String, String> = HashMap::new();
        let mut first = true;
        let mut html = rewrite_tags(&html, |t| {
            if std::mem::take(&mut first) {
                t.set("id", sid.clone());
                return;
            }
            if let Some(id) = t.get("id").map(str::to_owned) {
                let new = unique(&mut used, &id);
                if new != id {
                    t.set("id", new.clone());
                    renames.insert(id, new);
                }
            }
        });
        if !renames.is_empty() {
            html = rewrite_tags(&html, |t| {
                let target = t.get("href").and_then(|h| h.strip_prefix('#'));
                if let Some(new) = target.and_then(|x| renames.get(x)) {
                    t.set("href", format!("#{new}"));
                }
            });
        }
        if s.title == page.title {
            // The page's title is its heading: the section does not repeat it.
            let heading = format!("<h2>{escaped_title}</h2>");
            if let Some(k) = html.find(&heading) {
                html.replace_range(k..k + heading.len(), "");
            }
        }
        // The toc names a section by its title, or by its kind when the title is the page's.
        let label = if s.title == page.title {
            kind_label(s.kind)
        } else {
            s.title.clone()
        };
        firsts.push((sid, html, label));
    }
    let mut sections = Vec::new();
    for (sid, html, label) in firsts {
        let mut entries = vec![(sid.clone(), html! { (label) }.into_string())];
        let html = rewrite_tags(&html, |t| {
            if t.name == "a" {
                if let Some(anchor) = t.get("data-anchor").filter(|a| used.contains(*a)) {
                    let href = format!("#{anchor}");
                    t.set("href", href);
                }
            }
            if let (Some(id), Some(label)) = (t.get("id"), t.get("data-toc")) {
                if t.name != "section" {
                    entries.push((id.to_owned(), label.to_owned()));
                }
            }
        });
        sections.push(Laid { html, entries });
    }
    sections
}

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let laid = lay_out(self);
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
                    h1 id="top" { (self.title) }
                    @if !laid.is_empty() {
                        nav.toc id="contents" aria-label="Contents" {
                            h2 { "Contents" }
                            ol {
                                @for section in &laid {
                                    @let entries = &section.entries;
                                    @let (sid, label) = &entries[0];
                                    li {
                                        a href={ "#" (sid) } { (PreEscaped(label)) }
                                        @if entries.len() > 1 {
                                            ol {
                                                @for (id, label) in &entries[1..] {
                                                    li { a href={ "#" (id) } { (PreEscaped(label)) } }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    main {
                        @for section in &laid { (PreEscaped(&section.html)) }
                    }
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
            @for s in sheets {
                @if s.title == title { (sheet_body(s)) } @else { (sheet_table(s)) }
            }
        }
    }
}

pub(crate) fn sheet_table(s: &Sheet) -> Markup {
    html! {
        @if !s.title.is_empty() { h3 { (s.title) } }
        (sheet_body(s))
    }
}

/// A sheet's table without its title, in a container that scrolls rather than widen the page.
/// A column of sources is narrow and small: the texts get the width.
fn sheet_body(s: &Sheet) -> Markup {
    let source_col: Vec<bool> = s
        .headers
        .iter()
        .map(|h| matches!(h.as_str(), "source" | "texts read at"))
        .collect();
    html! {
        div.scroll {
            table.sheet {
                thead { tr { @for h in &s.headers { th { (h) } } } }
                tbody {
                    @for row in &s.rows {
                        tr {
                            @for (i, c) in row.iter().enumerate() {
                                @if source_col.get(i).copied().unwrap_or(false) {
                                    td class={ (tone_class(c.tone)) " source" } { (rich(&c.text)) }
                                } @else {
                                    td class=(tone_class(c.tone)) { (rich(&c.text)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
