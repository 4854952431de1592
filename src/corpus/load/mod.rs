//! Turning files into a validated corpus, collecting every problem with its location.
//!
//! Per file: UTF-8, emptiness, TOML syntax and schema (the first structural error of a file,
//! since the parser stops there), then every value: vocabulary terms, ids, dates, languages,
//! evidence quotes, labels. Across files: duplicate ids, unknown jurisdictions, dangling
//! references and correspondences, version relations and their cycles.
//!
//! The steps, one module each: [`span`] (bytes to TOML, offsets to locations), [`values`]
//! (one file's values), [`instrument`], [`provision`], [`quote`] and [`derogation`] (one
//! instrument file), [`jurisdictions`] (the registry), [`validate`] (across files), with
//! [`suggest`] (did-you-mean) and [`versions`] (the version graph).

use std::collections::BTreeMap;

use crate::error::Location;
use crate::model::{Instrument, Jurisdiction, ProvisionId};

mod derogation;
mod instrument;
mod jurisdictions;
mod provision;
mod quote;
mod span;
mod suggest;
mod validate;
mod values;
mod versions;

pub(crate) use jurisdictions::{check_parents, load_jurisdictions};
pub(crate) use validate::load;

/// One source file handed to the loader.
pub(crate) struct SourceFile<'a> {
    /// Repository-relative path, used in messages.
    pub origin: String,
    /// Borrowed when the bytes are embedded or handed over, owned when read from disk (and
    /// dropped once the file is converted).
    pub bytes: std::borrow::Cow<'a, [u8]>,
    /// The instrument id the path implies (`provisions/eu/gdpr.toml` → `eu/gdpr`), checked
    /// only when loading a directory.
    pub expected_id: Option<String>,
}

/// The validated parts of a corpus.
pub(crate) struct Loaded {
    pub jurisdictions: BTreeMap<String, Jurisdiction>,
    pub instruments: Vec<Instrument>,
}

/// A reference from a provision: the id it names, where, and how (`cites`, `corresponds to`).
type Ref = (ProvisionId, Location, &'static str);

/// Where things were defined, for cross-file checks.
struct Located {
    instrument: Instrument,
    id_at: Location,
    becomes_at: Option<Location>,
    supersedes_at: Vec<Location>,
    /// Per provision: its id's location, then (target, location, how) for each reference.
    provisions: Vec<(Location, Vec<Ref>)>,
}

/// How an effect's named provision refers to it, in "not in the corpus" messages; such a
/// reference may name a provision its instrument declares missing.
pub(super) const SWITCHES_OFF: &str = "switches off";
