//! An alignment: which provision answers which, with its relation, confidence, rationale,
//! score and reasons, and the provisions left without a counterpart.

use super::diff::ids;
use super::{Cell, Render, Sheet};
use crate::align::{Alignment, Counterparts, Crosswalk};

impl Render for Alignment<'_> {
    const KIND: &'static str = "alignment";

    fn title(&self) -> String {
        format!(
            "Alignment of {} with {} ({})",
            self.left().short_title,
            self.right().short_title,
            self.mode()
        )
    }

    fn legend(&self) -> Vec<String> {
        let mut used: Vec<Crosswalk> = self.pairs().map(|p| p.crosswalk()).collect();
        used.push(Crosswalk::NoRelationship);
        let mut lines: Vec<String> = Crosswalk::ALL
            .iter()
            .filter(|c| used.contains(c))
            .map(|c| format!("{} = {}", c.code(), c.definition()))
            .collect();
        lines.extend(
            super::glossary::alignment_terms()
                .into_iter()
                .map(|(t, m)| format!("{t} = {m}")),
        );
        lines.push(
            "score = how strongly the provisions correspond, from 0 to 1: 1 − Π(1 − cᵢ) over \
             the reasons' contributions"
                .to_owned(),
        );
        lines
    }

    fn sheets(&self) -> Vec<Sheet> {
        let pairs = Sheet {
            title: self.title(),
            headers: [
                "left",
                "right",
                "relation",
                "confidence",
                "rationale",
                "score",
                "reasons",
            ]
            .map(String::from)
            .to_vec(),
            rows: self
                .pairs()
                .map(|p| {
                    let reasons: Vec<String> =
                        p.reasons().iter().map(ToString::to_string).collect();
                    let relation = match p.lifecycle() {
                        Some(l) => format!("{} ({l})", p.crosswalk()),
                        None => p.crosswalk().to_string(),
                    };
                    vec![
                        Cell::plain(p.left().id.to_string()),
                        Cell::plain(p.right().id.to_string()),
                        Cell::plain(relation),
                        Cell::plain(p.confidence().to_string()),
                        Cell::plain(p.rationale().code()),
                        Cell::plain(format!("{:.2}", p.score())),
                        Cell::plain(reasons.join("\n")),
                    ]
                })
                .collect(),
        };
        let left = self.unmatched_left();
        let right = self.unmatched_right();
        let unmatched = Sheet {
            title: "Unmatched".into(),
            headers: ["side", "relation", "provisions"]
                .map(String::from)
                .to_vec(),
            rows: vec![
                vec![
                    Cell::plain("left"),
                    Cell::plain(Crosswalk::NoRelationship.code()),
                    Cell::plain(ids(&left)),
                ],
                vec![
                    Cell::plain("right"),
                    Cell::plain(Crosswalk::NoRelationship.code()),
                    Cell::plain(ids(&right)),
                ],
            ],
        };
        vec![pairs, unmatched]
    }
}

impl Render for Counterparts<'_> {
    const KIND: &'static str = "counterparts";

    fn title(&self) -> String {
        format!("Counterparts of {}", self.provision().id)
    }

    fn legend(&self) -> Vec<String> {
        let mut used: Vec<Crosswalk> = self.pairs().iter().map(|p| p.crosswalk()).collect();
        used.push(Crosswalk::NoRelationship);
        let mut lines: Vec<String> = Crosswalk::ALL
            .iter()
            .filter(|c| used.contains(c))
            .map(|c| format!("{} = {}", c.code(), c.definition()))
            .collect();
        lines.push(
            "score = as in an alignment of the two instruments, with text weights over the \
             whole corpus"
                .to_owned(),
        );
        lines
    }

    fn sheets(&self) -> Vec<Sheet> {
        vec![Sheet {
            title: self.title(),
            headers: [
                "instrument",
                "counterpart",
                "relation",
                "confidence",
                "rationale",
                "score",
                "reasons",
            ]
            .map(String::from)
            .to_vec(),
            rows: self
                .pairs()
                .iter()
                .map(|p| {
                    let reasons: Vec<String> =
                        p.reasons().iter().map(ToString::to_string).collect();
                    vec![
                        Cell::plain(p.right().id.instrument().to_string()),
                        Cell::plain(p.right().id.to_string()),
                        Cell::plain(p.crosswalk().to_string()),
                        Cell::plain(p.confidence().to_string()),
                        Cell::plain(p.rationale().code()),
                        Cell::plain(format!("{:.2}", p.score())),
                        Cell::plain(reasons.join("\n")),
                    ]
                })
                .collect(),
        }]
    }
}
