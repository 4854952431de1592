//! The typed model: jurisdictions, instruments, provisions and the norms read from them.
//!
//! These are plain data types with no I/O and no rendering. [`crate::corpus`] builds them from
//! `provisions/**/*.toml` and checks every evidence quote against the provision's text;
//! [`crate::classify`], [`crate::diff`] and [`crate::align`] read them.
//!
//! ```
//! use lexgap::model::{DataCategory, NormKind, SafeguardKind};
//!
//! let corpus = lexgap::Corpus::bundled();
//! let art27 = corpus.provision("cn/pipl-draft-2020/art-27")?;
//! let norm = &art27.norms[0];
//! assert_eq!(norm.kind, NormKind::Permission);
//! assert!(norm.data.iter().any(|d| d.is_a(DataCategory::Biometric)));
//! let necessity = norm.safeguard(SafeguardKind::Necessity).expect("art. 27 requires necessity");
//! assert_eq!(necessity.evidence.quote, "应当为维护公共安全所必需");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod date;
mod derogation;
mod id;
mod instrument;
mod lang;
mod located;
mod numeral;
mod provision;
mod quote;
pub(crate) mod script;
mod text;
mod vocab;

pub use date::{Date, DateError};
pub use derogation::{Covers, Derogation, Effect, Grounds, Quoted, Reach, Referral, Target};
pub use id::{IdError, InstrumentId, ProvisionId};
pub use instrument::{Identifiers, Instrument, Jurisdiction, MissingRange, Provenance};
pub use lang::{Lang, LangError, Texts};
pub use located::{Located, Processing};
pub(crate) use located::{compared_lang, first_shared, within};
pub use numeral::{article_number_of_label, parse_chinese_numeral};
pub use provision::{Correspondence, Evidence, Norm, Provision, Safeguard};
pub(crate) use quote::{NormalizedText, find_lazy};
pub(crate) use script::{
    MAX_CLUSTER_TAIL, ZWJ, continues_cluster, floor_char_boundary, is_cjk_letter,
};
pub(crate) use text::{normalize_ws, quote_in_text};
pub(crate) use vocab::closest as closest_code;
pub(crate) use vocab::closest_owned;
pub use vocab::{
    Activity, Actor, DataCategory, Delegate, DerogationForm, InstrumentKind, LegalValue, NormKind,
    Purpose, Relation, Right, SafeguardElement, SafeguardKind, Scope, Status, Term, UnknownTerm,
};
