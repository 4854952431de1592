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
//!
//! # Derogations
//!
//! Everything that takes processing out from under a rule. A carve-out from a prohibition
//! ("…except where laws provide otherwise"), an exemption
//! ("sections 4 to 8 do not apply to processing by the State for…"), a material-scope
//! exclusion ("This Act does not apply to processing by a public body which involves national
//! security"), a restriction power ("Union or Member State law may restrict the scope of the
//! obligations and rights provided for in Articles 12 to 22"), an executive disapplication
//! power ("the Minister may, by order, exempt …") and a general limitation clause (EU Charter
//! art. 52(1)) are all [`Derogation`]s: entries of their own beside the norms of a provision,
//! each saying what it switches off ([`Effect`]), whom and what it covers ([`Covers`]), on
//! which [`Grounds`], under which conditions of its own, with a verbatim quote for each.
//!
//! ```
//! use lexgap::model::{DerogationForm, Grounds, SafeguardKind};
//!
//! let corpus = lexgap::Corpus::bundled();
//! let art27 = corpus.provision("cn/pipl-draft-2020/art-27")?;
//! let other_law = art27
//!     .derogations
//!     .iter()
//!     .find(|d| matches!(d.grounds, Grounds::Delegated { .. }))
//!     .expect("法律、行政法规另有规定的除外 is annotated");
//! assert_eq!(other_law.form, DerogationForm::CarveOut);
//! assert!(other_law.effect.switches_off_kind(SafeguardKind::PurposeLimitation));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cite;
mod cite_list;
mod date;
mod derogation;
mod id;
mod instrument;
mod lang;
mod located;
pub(crate) mod numeral;
mod provision;
mod quote;
pub(crate) mod script;
mod text;
mod vocab;

pub use cite::{Citation, CiteForm};
pub use date::{Date, DateError};
pub use derogation::{Covers, Derogation, Effect, Grounds, Quoted, Reach, Referral, Target};
pub use id::{IdError, InstrumentId, ProvisionId};
pub(crate) use instrument::split_numbered;
pub use instrument::{
    ArticleCount, Identifiers, Instrument, Jurisdiction, MissingRange, Provenance,
};
pub use lang::{Lang, LangError, Texts};
pub use located::{Located, Processing};
pub(crate) use located::{compared_lang, first_shared, within};
pub use numeral::{article_number_of_label, chinese_numeral, parse_chinese_numeral};
pub use provision::{Correspondence, Evidence, Norm, Provision, Safeguard};
pub(crate) use quote::{NormalizedText, find_lazy};
#[cfg(feature = "render")]
pub(crate) use script::{MAX_CLUSTER_TAIL, is_cluster_boundary};
pub(crate) use script::{floor_char_boundary, is_cjk_letter};
pub(crate) use text::{normalize_ws, quote_in_text};
pub(crate) use vocab::closest as closest_code;
pub(crate) use vocab::closest_owned;
pub use vocab::{
    Activity, Actor, DataCategory, Delegate, DerogationForm, InstrumentKind, JurisdictionLevel,
    LegalValue, NormKind, Purpose, Relation, Right, SafeguardElement, SafeguardKind, Scope, Status,
    Term, UnknownTerm,
};
