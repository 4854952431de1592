//! Provisions side by side, in columns: the view, its table and its HTML.

use maud::{Markup, html};
use serde::Serialize;

use super::backend::html::{linkify, provision_anchor};
use super::{Cell, Render, Sheet};
use crate::corpus::Selection;
use crate::model::{Lang, LegalValue, Located};

/// Provisions side by side, in columns, with the source and legal value of each text.
///
/// ```
/// use lexgap::render::{Format, SideBySide, View};
///
/// let corpus = lexgap::Corpus::bundled();
/// let view = SideBySide::new()
///     .column("draft PIPL", &corpus.select(["cn/pipl-draft-2020/art-27"])?)
///     .column("GDPR", &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"])?);
/// let table = View::new(&view, Format::Table).width(120).to_string();
/// assert!(table.contains("第二十七条"));
/// assert!(table.contains("Article 35"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SideBySide<'c> {
    columns: Vec<Column<'c>>,
    #[serde(skip)]
    lang: Option<Lang>,
}

/// A provision as a column shows it: labelled with its instrument's short title, its texts
/// authentic first, each with its legal value and source.
fn show(p: Located<'_>) -> ShownProvision<'_> {
    let (inst, p) = (p.instrument(), p.provision());
    let label = p.label.values().cloned().collect::<Vec<_>>().join(" / ");
    let label = format!("{} {label}", inst.short_title);
    let mut langs: Vec<&Lang> = inst
        .languages_by_value()
        .filter(|l| p.text.contains_key(l))
        .collect();
    for l in p.text.keys() {
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    let texts = langs
        .into_iter()
        .filter_map(|l| {
            let text = p.text.get(l)?;
            let prov = inst.languages.get(l);
            Some(ShownText {
                lang: l,
                legal_value: prov.map(|p| p.legal_value),
                source: prov.map(|p| p.source.as_str()),
                text,
            })
        })
        .collect();
    ShownProvision {
        id: p.id.to_string(),
        label,
        texts,
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct Column<'c> {
    title: String,
    provisions: Vec<ShownProvision<'c>>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
struct ShownProvision<'c> {
    id: String,
    label: String,
    texts: Vec<ShownText<'c>>,
}

impl ShownProvision<'_> {
    /// Keeps only the text in `lang`, if there is one.
    fn keep_lang(&mut self, lang: &Lang) {
        if self.texts.iter().any(|t| t.lang == lang) {
            self.texts.retain(|t| t.lang == lang);
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
struct ShownText<'c> {
    lang: &'c Lang,
    legal_value: Option<LegalValue>,
    source: Option<&'c str>,
    text: &'c str,
}

impl<'c> SideBySide<'c> {
    /// An empty view.
    pub fn new() -> SideBySide<'c> {
        SideBySide::default()
    }

    /// Adds a column with the selected provisions.
    pub fn column(mut self, title: &str, selection: &Selection<'c>) -> Self {
        let mut provisions: Vec<_> = selection.provisions().iter().map(|p| show(*p)).collect();
        if let Some(lang) = &self.lang {
            provisions.iter_mut().for_each(|p| p.keep_lang(lang));
        }
        self.columns.push(Column {
            title: title.to_owned(),
            provisions,
        });
        self
    }

    /// Shows each provision's text in `lang` alone, where it has one; a provision with no
    /// text in `lang` keeps all its texts, so that none disappears from the view. Applies to
    /// the columns added before and after.
    ///
    /// ```
    /// use lexgap::model::Lang;
    /// use lexgap::render::{Format, SideBySide, View};
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let view = SideBySide::new()
    ///     .lang(Lang::new("en")?)
    ///     .column("PIPL", &corpus.select(["cn/pipl/art-28"])?)
    ///     .column("draft PIPL", &corpus.select(["cn/pipl-draft-2020/art-27"])?);
    /// let table = View::new(&view, Format::Table).width(120).to_string();
    /// assert!(table.contains("[en, official-translation]"), "{table}");
    /// assert!(!table.contains("敏感个人信息是"), "the Chinese text of art. 28 is not shown");
    /// assert!(table.contains("在公共场所"), "the draft's art. 27 has no English: its Chinese stays");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lang(mut self, lang: Lang) -> Self {
        for c in &mut self.columns {
            c.provisions.iter_mut().for_each(|p| p.keep_lang(&lang));
        }
        self.lang = Some(lang);
        self
    }

    fn columns(&self) -> impl Iterator<Item = (&str, &[ShownProvision<'c>])> {
        self.columns
            .iter()
            .map(|c| (c.title.as_str(), c.provisions.as_slice()))
    }
}

impl Render for SideBySide<'_> {
    const KIND: &'static str = "side-by-side";

    fn title(&self) -> String {
        let t: Vec<&str> = self.columns.iter().map(|c| c.title.as_str()).collect();
        format!("Side by side: {}", t.join(" · "))
    }

    fn sheets(&self) -> Vec<Sheet> {
        let headers = self.columns.iter().map(|c| c.title.clone()).collect();
        let cell = |c: &Column<'_>| {
            let mut s = String::new();
            for p in &c.provisions {
                if !s.is_empty() {
                    s.push('\n');
                }
                s.push_str(&p.label);
                s.push('\n');
                for t in &p.texts {
                    let value = t.legal_value.map_or("", |v| v.code());
                    s.push_str(&format!("[{}, {value}]\n{}\n", t.lang, t.text.trim_end()));
                }
            }
            Cell::plain(s.trim_end())
        };
        vec![Sheet {
            title: self.title(),
            headers,
            rows: vec![self.columns.iter().map(cell).collect()],
        }]
    }

    fn html(&self) -> String {
        side_by_side(self).into_string()
    }
}

/// The columns; each provision's texts under the anchor `p-<id>`, so that a citation on the
/// same page can link to them, and each source with its URLs as links.
fn side_by_side(v: &SideBySide<'_>) -> Markup {
    let mut seen = std::collections::HashSet::new();
    html! {
        section.side-by-side {
            h2 { (v.title()) }
            div.columns {
                @for (title, provisions) in v.columns() {
                    div.column {
                        h3 { (title) }
                        @for p in provisions {
                            @let anchor = provision_anchor(&p.id);
                            @let first = seen.insert(anchor.clone());
                            div.provision id=[first.then_some(&anchor)] {
                                h4 { (p.label) }
                                @for t in &p.texts {
                                    p.provenance {
                                        (t.lang) @if let Some(v) = t.legal_value { " · " (v) }
                                        @if let Some(s) = t.source { " · source: " (linkify(s)) }
                                    }
                                    div.text lang=(t.lang.as_str()) { (t.text.trim_end()) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
