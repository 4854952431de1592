//! Views of the corpus itself: the list of instruments, and one provision with its readings.

use serde::Serialize;

use super::{Cell, Render, Sheet, Tone};
use crate::corpus::{Corpus, Hit};
use crate::model::{Citation, CiteForm, Instrument, Lang, Located, Provision};

/// The instruments of a corpus, optionally of one jurisdiction.
///
/// ```
/// use lexgap::render::{Format, InstrumentList, View};
///
/// let list = InstrumentList::new(lexgap::Corpus::bundled(), Some("coe"));
/// let csv = View::new(&list, Format::Csv).to_string();
/// assert!(csv.starts_with("id,short title,kind,status,binding,in force,provisions,annotated,text held,languages\r\n"));
/// assert!(csv.contains("coe/echr,ECHR,treaty,in-force,yes,1953-09-03,1,1,extracts,en (authentic)"));
/// // A law held whole says so (`missing` is empty); JSON carries its `coverage` in words.
/// let cn = View::new(&InstrumentList::new(lexgap::Corpus::bundled(), Some("cn")), Format::Csv).to_string();
/// assert!(cn.lines().any(|l| l.starts_with("cn/pipl,") && l.contains(",complete,")));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstrumentList<'c> {
    jurisdiction: Option<String>,
    instruments: Vec<&'c Instrument>,
}

impl<'c> InstrumentList<'c> {
    /// Every instrument of `corpus`, or those of one jurisdiction.
    pub fn new(corpus: &'c Corpus, jurisdiction: Option<&str>) -> InstrumentList<'c> {
        let instruments = match jurisdiction {
            Some(j) => corpus.instruments_in(j).collect(),
            None => corpus.instruments().collect(),
        };
        InstrumentList {
            jurisdiction: jurisdiction.map(str::to_owned),
            instruments,
        }
    }
}

impl Render for InstrumentList<'_> {
    const KIND: &'static str = "instrument-list";

    fn title(&self) -> String {
        match &self.jurisdiction {
            Some(j) => format!("Instruments of `{j}`"),
            None => "Instruments".to_owned(),
        }
    }

    fn sheets(&self) -> Vec<Sheet> {
        let headers = [
            "id",
            "short title",
            "kind",
            "status",
            "binding",
            "in force",
            "provisions",
            "annotated",
            "text held",
            "languages",
        ];
        let rows = self
            .instruments
            .iter()
            .map(|i| {
                // A provision is annotated when it carries a reading: a norm or a derogation.
                let annotated = i
                    .provisions
                    .iter()
                    .filter(|p| !p.norms.is_empty() || !p.derogations.is_empty())
                    .count();
                // `missing` lists what the file lacks: a file that lists nothing is whole.
                let held = if i.missing.is_empty() {
                    "complete"
                } else {
                    "extracts"
                };
                let langs: Vec<String> = i
                    .languages
                    .iter()
                    .map(|(l, p)| format!("{l} ({})", p.legal_value))
                    .collect();
                vec![
                    Cell::plain(i.id.to_string()),
                    Cell::plain(&i.short_title),
                    Cell::plain(i.kind.code()),
                    Cell::plain(i.status.code()),
                    Cell::toned(
                        if i.binding { "yes" } else { "no" },
                        if i.binding { Tone::Plain } else { Tone::Warn },
                    ),
                    Cell::plain(i.in_force.map(|d| d.to_string()).unwrap_or_default()),
                    Cell::plain(i.provisions.len().to_string()),
                    Cell::plain(annotated.to_string()),
                    Cell::toned(
                        held,
                        if i.missing.is_empty() {
                            Tone::Plain
                        } else {
                            Tone::Warn
                        },
                    ),
                    Cell::plain(langs.join(", ")),
                ]
            })
            .collect();
        vec![Sheet {
            title: self.title(),
            headers: headers.map(String::from).to_vec(),
            rows,
        }]
    }
}

/// One provision: its texts with their provenance, and the norms read from it with their
/// quotes.
///
/// ```
/// use lexgap::render::{Format, ProvisionCard, View};
///
/// let corpus = lexgap::Corpus::bundled();
/// let card = ProvisionCard::new(corpus.locate("coe/echr/art-8")?);
/// let md = View::new(&card, Format::Markdown).to_string();
/// assert!(md.contains("| limitation (derogation) | public-authority / personal-data, correspondence, home /  | stated: state-security"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProvisionCard<'c> {
    #[serde(skip)]
    instrument: &'c Instrument,
    provision: &'c Provision,
}

impl<'c> ProvisionCard<'c> {
    /// A card for a provision.
    pub fn new(provision: Located<'c>) -> ProvisionCard<'c> {
        ProvisionCard {
            instrument: provision.instrument(),
            provision: provision.provision(),
        }
    }
}

fn codes<T: std::fmt::Display>(v: &[T]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Render for ProvisionCard<'_> {
    const KIND: &'static str = "provision";

    fn title(&self) -> String {
        let p = self.provision;
        let label: Vec<&str> = p.label.values().map(String::as_str).collect();
        format!("{} ({})", p.id, label.join(" / "))
    }

    fn sheets(&self) -> Vec<Sheet> {
        let p = self.provision;
        let texts = Sheet {
            title: self.title(),
            headers: ["language", "legal value", "source", "text"]
                .map(String::from)
                .to_vec(),
            rows: p
                .text
                .iter()
                .map(|(l, t)| {
                    let prov = self.instrument.languages.get(l);
                    vec![
                        Cell::plain(l.to_string()),
                        Cell::plain(prov.map(|p| p.legal_value.code()).unwrap_or_default()),
                        Cell::toned(
                            prov.map(|p| p.source.as_str()).unwrap_or_default(),
                            Tone::Muted,
                        ),
                        Cell::plain(t.trim_end()),
                    ]
                })
                .collect(),
        };
        let mut norms = Sheet {
            title: "Norms".into(),
            headers: [
                "reading",
                "who / data / doing",
                "purposes or grounds",
                "safeguards",
                "quote",
            ]
            .map(String::from)
            .to_vec(),
            rows: Vec::new(),
        };
        for n in &p.norms {
            let safeguards: Vec<String> = n.safeguards.iter().map(|s| s.kind.to_string()).collect();
            norms.rows.push(vec![
                Cell::plain(format!("{} ({})", n.kind, n.scope)),
                Cell::plain(format!(
                    "{} / {} / {}",
                    codes(&n.actors),
                    codes(&n.data),
                    codes(&n.activities)
                )),
                Cell::plain(codes(&n.purposes)),
                Cell::plain(safeguards.join(", ")),
                Cell::plain(&n.evidence.quote),
            ]);
        }
        for d in &p.derogations {
            let safeguards: Vec<String> = d.safeguards.iter().map(|s| s.kind.to_string()).collect();
            norms.rows.push(vec![
                Cell::plain(format!("{} (derogation)", d.form)),
                Cell::plain(format!(
                    "{} / {} / {}",
                    codes(&d.covers.actors),
                    codes(&d.covers.data),
                    codes(&d.covers.activities)
                )),
                Cell::plain(grounds_summary(&d.grounds)),
                Cell::plain(safeguards.join(", ")),
                Cell::plain(&d.evidence.quote),
            ]);
        }
        vec![texts, norms]
    }
}

/// The grounds of a derogation in a few words: `stated: state-security, public-security`,
/// `none stated`, `left to other law`, `left to the executive`.
fn grounds_summary(g: &crate::model::Grounds) -> String {
    use crate::model::{Delegate, Grounds};
    match g {
        Grounds::Stated { purposes, .. } => {
            let p: Vec<&str> = purposes.iter().map(|p| p.code()).collect();
            format!("stated: {}", p.join(", "))
        }
        Grounds::None => "none stated".to_owned(),
        Grounds::Delegated {
            to: Delegate::Law, ..
        } => "left to other law".to_owned(),
        Grounds::Delegated { .. } => "left to the executive".to_owned(),
    }
}

/// The provisions a search found ([`Corpus::search`]): for each, how to cite it, its id, the
/// language that matched and a snippet around the match.
///
/// ```
/// use lexgap::model::CiteForm;
/// use lexgap::render::{Format, SearchResults, View};
///
/// let corpus = lexgap::Corpus::bundled();
/// let results = SearchResults::new("生物识别", &corpus.search("生物识别"));
/// let csv = View::new(&results, Format::Csv).to_string();
/// assert!(csv.contains("\r\nCivil Code art. 1034,cn/civil-code/art-1034,zh,"), "{csv}");
/// assert!(csv.contains("\r\nPIPL art. 28,cn/pipl/art-28,zh,"), "{csv}");
/// let native = View::new(&results.cite(CiteForm::Native), Format::Csv).to_string();
/// assert!(native.contains("《中华人民共和国个人信息保护法》第二十八条,cn/pipl/art-28,zh,"), "{native}");
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchResults<'c> {
    query: String,
    hits: Vec<HitRow>,
    #[serde(skip)]
    found: Vec<Located<'c>>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct HitRow {
    citation: String,
    id: String,
    lang: String,
    snippet: String,
}

impl<'c> SearchResults<'c> {
    /// The hits of `query`, cited in the short form.
    pub fn new(query: impl Into<String>, hits: &[Hit<'c>]) -> SearchResults<'c> {
        let rows = hits
            .iter()
            .map(|h| HitRow {
                citation: Citation::of(h.provision).with(None, CiteForm::Short),
                id: h.provision.id.to_string(),
                lang: h.lang.to_string(),
                snippet: h.snippet.clone(),
            })
            .collect();
        SearchResults {
            query: query.into(),
            hits: rows,
            found: hits.iter().map(|h| h.provision).collect(),
        }
    }

    /// The same hits, cited in `form`.
    #[must_use]
    pub fn cite(mut self, form: CiteForm) -> SearchResults<'c> {
        for (row, p) in self.hits.iter_mut().zip(&self.found) {
            row.citation = Citation::of(*p).with(None, form);
        }
        self
    }

    /// How many hits there are.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// Whether the search found nothing.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }
}

impl Render for SearchResults<'_> {
    const KIND: &'static str = "search-results";

    fn title(&self) -> String {
        let n = match self.hits.len() {
            0 => "no hits".to_owned(),
            1 => "1 hit".to_owned(),
            n => format!("{n} hits"),
        };
        format!("Search for {}: {n}", self.query)
    }

    fn sheets(&self) -> Vec<Sheet> {
        vec![Sheet {
            title: self.title(),
            headers: ["citation", "id", "language", "snippet"]
                .map(String::from)
                .to_vec(),
            rows: self
                .hits
                .iter()
                .map(|h| {
                    vec![
                        Cell::plain(&h.citation),
                        Cell::toned(&h.id, Tone::Muted),
                        Cell::plain(&h.lang),
                        Cell::plain(&h.snippet),
                    ]
                })
                .collect(),
        }]
    }
}

/// One paragraph or point of a provision ([`Provision::passage`]), cited, above the card of
/// the whole provision.
///
/// ```
/// use lexgap::render::{Format, Passage, View};
///
/// let corpus = lexgap::Corpus::bundled();
/// let g = Passage::new(corpus.locate("eu/gdpr/art-9")?, "(2)(g)").expect("art. 9(2)(g)");
/// let md = View::new(&g, Format::Markdown).to_string();
/// assert!(md.starts_with("### GDPR art. 9(2)(g)\n"), "{md}");
/// assert!(md.contains("| en | (g) processing is necessary for reasons of substantial public interest"));
/// assert!(md.contains("\n### eu/gdpr/art-9 (Article 9)\n"), "the card follows");
/// assert!(Passage::new(corpus.locate("eu/gdpr/art-9")?, "(7)").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Passage<'c> {
    citation: String,
    pinpoint: String,
    passages: Vec<PassageText<'c>>,
    /// As `show` without a pinpoint writes it: `"provision": {...}`.
    #[serde(flatten)]
    card: ProvisionCard<'c>,
    #[serde(skip)]
    located: Located<'c>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct PassageText<'c> {
    lang: &'c Lang,
    text: &'c str,
}

impl<'c> Passage<'c> {
    /// The part of `provision` at `pinpoint` (`2(g)`, `(2)(g)`, `2`), in each language that
    /// has it, cited in the short form; `None` when no language has it.
    pub fn new(provision: Located<'c>, pinpoint: &str) -> Option<Passage<'c>> {
        let p = provision.provision();
        let passages: Vec<PassageText<'c>> = p
            .text
            .keys()
            .filter_map(|lang| {
                Some(PassageText {
                    lang,
                    text: p.passage(lang, pinpoint)?,
                })
            })
            .collect();
        let first = passages.first()?;
        // The pinpoint as `Provision::pinpoints` writes it (`2(g)`), which citations take.
        let canonical = p
            .pinpoints(first.lang)
            .into_iter()
            .find(|c| p.passage(first.lang, c) == Some(first.text))
            .unwrap_or_else(|| pinpoint.to_owned());
        Some(Passage {
            citation: Citation::of(provision).with(Some(&canonical), CiteForm::Short),
            pinpoint: canonical,
            passages,
            card: ProvisionCard::new(provision),
            located: provision,
        })
    }

    /// The same passage, cited in `form`.
    #[must_use]
    pub fn cite(mut self, form: CiteForm) -> Passage<'c> {
        self.citation = Citation::of(self.located).with(Some(&self.pinpoint), form);
        self
    }
}

impl Render for Passage<'_> {
    const KIND: &'static str = "passage";

    fn title(&self) -> String {
        self.citation.clone()
    }

    fn sheets(&self) -> Vec<Sheet> {
        let passage = Sheet {
            title: self.title(),
            headers: ["language", "text"].map(String::from).to_vec(),
            rows: self
                .passages
                .iter()
                .map(|t| vec![Cell::plain(t.lang.to_string()), Cell::plain(t.text)])
                .collect(),
        };
        let mut sheets = vec![passage];
        sheets.extend(self.card.sheets());
        sheets
    }
}
