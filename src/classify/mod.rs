//! Which protections a target lacks against a baseline, how badly, and the quotes that show it.
//!
//! A [`Comparison`] has a target set of provisions, a baseline set, and a [`Scope`]: at
//! provision scope only the selected target provisions count; at instrument scope, so do the
//! instrument-wide norms of the target's instrument (a general impact-assessment duty, a
//! definition of sensitive data). Each [`Rule`] in a [`Registry`] looks for a protection the
//! baseline's text gives and checks whether the target's text gives it too. The result is a
//! [`GapReport`] of [`Gap`]s, each with a status, the missing elements, and quotes from both
//! sides.
//!
//! [`crate::align`] decides *which* provisions to compare, [`crate::diff`] *how* their words
//! and norms differ; this module says *what protection is missing*.
//!
//! ```
//! use lexgap::classify::{Comparison, GapKind, GapStatus};
//! use lexgap::model::Scope;
//!
//! let corpus = lexgap::Corpus::bundled();
//! let report = Comparison::new(&corpus.select(["cn/pipl-draft-2020/art-27"])?, &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"])?).scope(Scope::Provision)
//!     .run();
//! let dpia = report.gap(GapKind::NoImpactAssessment).expect("GDPR art. 35 requires one; art. 27 does not");
//! assert_eq!(dpia.status, GapStatus::Absent);
//! assert!(report.gap(GapKind::NoTransparency).is_none(), "art. 27 requires prominent signs");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Verdicts
//!
//! - **absent**: the target addresses the matter and has no corresponding protection;
//! - **partial**: it has a weaker one; [`Gap::missing`] names what it lacks;
//! - **closed-elsewhere**: the selected provisions lack it, an instrument-wide norm elsewhere in
//!   the target's instrument supplies it (instrument scope only; [`Gap::closed_by`] names it);
//! - **unknown**: the provisions that would decide are not held (the instrument declares them
//!   `missing`; [`Gap::missing_text`] names them). Declaring text missing never creates a gap;
//! - **not-comparable**: the target instrument does not address the matter of the rule (a bill
//!   of rights against an impact-assessment duty; [`Gap::not_addressed`]).
//!
//! Every derogation of the target is judged on its own ([`Gap::derogations`]): what it
//! switches off is not credited for the processing it covers, and the worst derogation
//! decides. [`engine`] describes how, and lets a rule of your own reuse it.
//!
//! Gaps are derived from the texts as annotated, never from an instrument's reputation: a
//! baseline that does not say "strictly necessary" cannot make strict necessity missing.

mod clause;
mod codes;
mod comparison;
mod elements;
pub mod engine;
mod gap;
mod matrix;
mod registry;
mod report;
mod rules;

#[cfg(doc)]
use crate::model::Scope;

pub use clause::{Clause, Item};
pub use codes::{GapCode, GapKind, RuleInfo, UnknownGapCode};
pub use comparison::{Comparison, Context};
pub use elements::{Elements, ElementsIter};
pub use gap::{AllowedBy, Cite, DerogationFinding, Element, Gap, GapStatus, MissingText, Severity};
pub use matrix::{GapMatrix, MatrixRow, RowCoverage};
pub use registry::{Registry, Rule, catalogue};
pub use report::{GapReport, SourceSummary, TargetSummary, Translation};
#[cfg(feature = "render")]
pub(crate) use rules::list;
pub use rules::{SafeguardRule, summarize};
