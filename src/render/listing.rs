//! Views of the corpus itself: the list of instruments, and one provision with its readings.

use serde::Serialize;

use super::{Cell, Render, Sheet, Tone};
use crate::corpus::Corpus;
use crate::model::{Instrument, Located, Provision};

/// The instruments of a corpus, optionally of one jurisdiction.
///
/// ```
/// use lexgap::render::{Format, InstrumentList, View};
///
/// let list = InstrumentList::new(lexgap::Corpus::bundled(), Some("coe"));
/// let csv = View::new(&list, Format::Csv).to_string();
/// assert!(csv.starts_with("id,short title,kind,status,binding,in force,provisions,annotated,languages\r\n"));
/// assert!(csv.contains("coe/echr,ECHR,treaty,in-force,yes,1953-09-03,1,1,en (authentic)"));
/// ```
#[derive(Debug, Clone, Serialize)]
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
            "languages",
        ];
        let rows = self
            .instruments
            .iter()
            .map(|i| {
                let annotated = i.provisions.iter().filter(|p| !p.norms.is_empty()).count();
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
