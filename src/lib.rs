//! Side-by-side comparison of legal provisions across jurisdictions and across versions.
//!
//! lexgap holds a typed model of privacy and AI law (instruments, provisions, and the norms
//! read from them, each backed by a verbatim quote), an embedded corpus of real texts, and the
//! tools to put two texts side by side: alignment of corresponding articles, text and
//! structure diffs, and the classification of the protections one text lacks against another.
//!
//! The main job: the 2020 draft PIPL's art. 27 (cameras and identity recognition in public
//! places "for public security") against the GDPR's biometric rules, arts. 9 and 35.
//!
//! ```
//! use lexgap::classify::{Comparison, GapKind, GapStatus};
//! use lexgap::model::Scope;
//!
//! let corpus = lexgap::Corpus::bundled();
//! let target = corpus.select(["cn/pipl-draft-2020/art-27"])?;
//! let baseline = corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"])?;
//! let report = Comparison::new(&target, &baseline)
//!     .scope(Scope::Provision)
//!     .run();
//! // Art. 35(3) requires an impact assessment for systematic monitoring of public areas;
//! // art. 27 says nothing of one.
//! let dpia = report.gap(GapKind::NoImpactAssessment).expect("a gap");
//! assert_eq!(dpia.status, GapStatus::Absent);
//! // Each finding carries the quotes it stands on, and a sentence written from its facts.
//! assert!(dpia.baseline_quotes.iter().any(|c| c.reference() == "eu/gdpr/art-35(3)(c)"));
//! println!("{}", lexgap::render::explain(dpia));
//! // The whole report as a terminal table (or Markdown, CSV, JSON, HTML).
//! let table = lexgap::render::View::new(&report, lexgap::render::Format::Table).to_string();
//! assert!(table.contains("no-impact-assessment"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! `Corpus` → `align` → `diff` → `version` → `classify` → `render`:
//!
//! - [`model`]: the types (ids, instruments, provisions, norms, the closed vocabularies);
//! - [`corpus`]: loading and validating `provisions/**/*.toml`, lookups, the bundled corpus;
//! - [`import`]: a statute's plain text cut into provisions at its headings, written as a
//!   `provisions/` file for a person to annotate;
//! - [`align`]: which provisions of two instruments correspond, with scores and reasons;
//! - [`diff`]: how two provisions differ, in words and in norms;
//! - [`version`]: how two versions of a law differ, article by article (alignment, then diffs),
//!   splits and merges judged as a whole, and the amendment effects an analyst records;
//! - [`classify`]: which protections a target lacks against a baseline, with evidence;
//! - [`render`]: every result as a terminal table, Markdown, CSV, JSON or HTML, and an
//!   alignment as an OSCAL mapping collection.
//!
//! # The bundled corpus
//!
//! The texts in `provisions/` were copied from the verbatim reference extracts named in each
//! instrument's `languages` table (source, retrieval date, publisher, legal value). They are
//! embedded with `include_str!` and parsed once, on first use of [`Corpus::bundled`]; the
//! version is [`CORPUS_VERSION`]. Where a text was not available verbatim, the instrument's
//! `coverage` field says so; nothing was filled in from memory.
//!
//! # API themes
//!
//! - Ids are path-like and lowercase: `eu/gdpr/art-9`; lookups ignore ASCII case and suggest
//!   the closest id when they fail.
//! - Loading returns every problem at once ([`LoadErrors`]), each at `origin:line:column`.
//!   Everything after loading is infallible.
//! - Every claim the crate makes about a text carries a quote of that text: norms and
//!   safeguards in the corpus (checked by the loader), gaps in reports ([`classify::Cite`]).
//! - Results render through `Display` types in [`render`], never through methods on the model.
//!
//! # Crate features
//!
//! - `cli`: the `lexgap` command-line tool (adds `clap`).
//! - `schema`: `schemars::JsonSchema` on every type written into a JSON document (adds
//!   `schemars`); the schemas it generates are published in the repository's `schemas/`.
//!
//! # Not legal advice
//!
//! lexgap records what texts say and how an annotator read them, with the quotes that support
//! each reading. It is a research tool, not legal advice.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod align;
pub mod classify;
pub mod corpus;
pub mod diff;
mod error;
pub mod import;
pub mod model;
#[cfg(feature = "render")]
pub mod render;
pub mod version;

pub use align::Alignment;
pub use classify::{Comparison, Gap, GapReport};
pub use corpus::{CORPUS_VERSION, Corpus, Loader, Selection, SkipReason, Skipped};
pub use diff::{ProvisionDiff, text_diff};
pub use error::{LoadError, LoadErrorKind, LoadErrors, Location, LookupError};
pub use model::{InstrumentId, Located, ProvisionId};
pub use version::VersionDiff;

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
