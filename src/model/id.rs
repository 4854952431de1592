//! Stable, path-like identifiers: `eu/gdpr` for an instrument, `eu/gdpr/art-35` for a provision.
//!
//! Identifiers are lowercase ASCII; parsing lowercases its input, so lookups ignore ASCII case.
//! They order by jurisdiction, then instrument, then provision, with numbers compared as
//! numbers (`art-9` before `art-10`).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use smol_str::SmolStr;

/// Why a string is not a valid identifier.
///
/// ```
/// let err = "eu/gdpr".parse::<lexgap::ProvisionId>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid provision id `eu/gdpr`: expected `jurisdiction/instrument/provision`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} id `{found}`: {reason}")]
pub struct IdError {
    what: &'static str,
    found: String,
    reason: String,
}

fn check_segment(what: &'static str, found: &str, seg: &str) -> Result<(), IdError> {
    let ok = !seg.is_empty()
        && seg
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && seg.as_bytes()[0].is_ascii_alphanumeric()
        && seg.as_bytes()[seg.len() - 1].is_ascii_alphanumeric();
    if ok {
        Ok(())
    } else {
        Err(IdError {
            what,
            found: found.to_owned(),
            reason: format!(
                "segment `{seg}` must be ASCII letters, digits, `-` or `.`, starting and ending with a letter or digit"
            ),
        })
    }
}

/// Compares two id segments, digit runs as numbers: `art-9` < `art-10` < `art-10a`. Segments
/// that differ only in leading zeros (`art-01`, `art-1`) are different ids, so they are ordered
/// by their bytes rather than called equal: `Ord` must agree with `Eq`, or sorted lookups
/// (`binary_search`, `BTreeMap`) would find the wrong one.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    numeric_cmp(a, b).then_with(|| a.cmp(b))
}

/// [`natural_cmp`] without the tie-break: `art-01` and `art-1` compare equal.
fn numeric_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let la = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let lb = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (trim_zeros(&a[..la]), trim_zeros(&b[..lb]));
                let ord = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[la..];
                b = &b[lb..];
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

fn trim_zeros(d: &[u8]) -> &[u8] {
    let n = d.iter().take_while(|&&c| c == b'0').count();
    &d[n.min(d.len().saturating_sub(1))..]
}

/// The identifier of an instrument: `jurisdiction/instrument`, such as `cn/pipl-draft-2020`.
///
/// ```
/// let id: lexgap::InstrumentId = "CN/PIPL-Draft-2020".parse()?;
/// assert_eq!(id.jurisdiction(), "cn");
/// assert_eq!(id.name(), "pipl-draft-2020");
/// assert_eq!(id.to_string(), "cn/pipl-draft-2020");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InstrumentId {
    // Inline up to 23 bytes (no heap string each): every provision id holds one.
    jurisdiction: SmolStr,
    name: SmolStr,
}

impl InstrumentId {
    /// The jurisdiction code, such as `eu`.
    pub fn jurisdiction(&self) -> &str {
        &self.jurisdiction
    }
    /// The instrument's name within its jurisdiction, such as `gdpr`.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The id of a provision of this instrument.
    ///
    /// ```
    /// let gdpr: lexgap::InstrumentId = "eu/gdpr".parse()?;
    /// assert_eq!(gdpr.provision("art-9")?.to_string(), "eu/gdpr/art-9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns an [`IdError`] if `local` is not a valid provision segment.
    pub fn provision(&self, local: &str) -> Result<ProvisionId, IdError> {
        let local = local.to_ascii_lowercase();
        check_segment("provision", &local, &local)?;
        Ok(ProvisionId {
            instrument: self.clone(),
            local: SmolStr::from(local),
        })
    }
}

impl FromStr for InstrumentId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let lower = s.trim().to_ascii_lowercase();
        let mut parts = lower.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(j), Some(n), None) => {
                check_segment("instrument", s, j)?;
                check_segment("instrument", s, n)?;
                Ok(InstrumentId {
                    jurisdiction: SmolStr::new(j),
                    name: SmolStr::new(n),
                })
            }
            _ => Err(IdError {
                what: "instrument",
                found: s.to_owned(),
                reason: "expected `jurisdiction/instrument`".into(),
            }),
        }
    }
}

impl fmt::Display for InstrumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.jurisdiction, self.name)
    }
}

impl Ord for InstrumentId {
    fn cmp(&self, other: &Self) -> Ordering {
        natural_cmp(&self.jurisdiction, &other.jurisdiction)
            .then_with(|| natural_cmp(&self.name, &other.name))
    }
}

impl PartialOrd for InstrumentId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The identifier of a provision: `jurisdiction/instrument/provision`, such as `eu/gdpr/art-9`.
///
/// ```
/// let id: lexgap::ProvisionId = "EU/GDPR/Art-9".parse()?;
/// assert_eq!(id.to_string(), "eu/gdpr/art-9");
/// assert_eq!(id.instrument().to_string(), "eu/gdpr");
/// assert_eq!(id.local(), "art-9");
/// assert_eq!(id.article_number(), Some(9));
/// let later: lexgap::ProvisionId = "eu/gdpr/art-10".parse()?;
/// assert!(id < later, "numbers order as numbers");
/// assert_eq!(id, "eu/gdpr/art-9");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProvisionId {
    instrument: InstrumentId,
    local: SmolStr,
}

impl ProvisionId {
    /// The instrument this provision belongs to.
    pub fn instrument(&self) -> &InstrumentId {
        &self.instrument
    }
    /// The provision's id within its instrument, such as `art-9`.
    pub fn local(&self) -> &str {
        &self.local
    }
    /// The article number for ids of the form `art-N`.
    ///
    /// ```
    /// let id: lexgap::ProvisionId = "cn/pipl/art-26".parse()?;
    /// assert_eq!(id.article_number(), Some(26));
    /// let rec: lexgap::ProvisionId = "eu/gdpr/recital-51".parse()?;
    /// assert_eq!(rec.article_number(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn article_number(&self) -> Option<u32> {
        self.local.strip_prefix("art-")?.parse().ok()
    }
}

impl FromStr for ProvisionId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let lower = s.trim().to_ascii_lowercase();
        let mut parts = lower.splitn(3, '/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(j), Some(n), Some(p)) => {
                for seg in [j, n, p] {
                    check_segment("provision", s, seg)?;
                }
                Ok(ProvisionId {
                    instrument: InstrumentId {
                        jurisdiction: SmolStr::new(j),
                        name: SmolStr::new(n),
                    },
                    local: SmolStr::new(p),
                })
            }
            _ => Err(IdError {
                what: "provision",
                found: s.to_owned(),
                reason: "expected `jurisdiction/instrument/provision`".into(),
            }),
        }
    }
}

impl fmt::Display for ProvisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.instrument, self.local)
    }
}

impl Ord for ProvisionId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instrument
            .cmp(&other.instrument)
            .then_with(|| natural_cmp(&self.local, &other.local))
    }
}

impl PartialOrd for ProvisionId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

macro_rules! str_eq {
    ($t:ty) => {
        /// Compares with an id written as a string (exactly, so in lowercase).
        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                // Compare piecewise, without allocating.
                let mut rest = other;
                for (i, seg) in self.segments().enumerate() {
                    if i > 0 {
                        match rest.strip_prefix('/') {
                            Some(r) => rest = r,
                            None => return false,
                        }
                    }
                    match rest.strip_prefix(seg) {
                        Some(r) => rest = r,
                        None => return false,
                    }
                }
                rest.is_empty()
            }
        }
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self == *other
            }
        }
    };
}
str_eq!(InstrumentId);
str_eq!(ProvisionId);

impl InstrumentId {
    fn segments(&self) -> impl Iterator<Item = &str> {
        [self.jurisdiction.as_str(), self.name.as_str()].into_iter()
    }
}

impl ProvisionId {
    fn segments(&self) -> impl Iterator<Item = &str> {
        self.instrument
            .segments()
            .chain(std::iter::once(self.local.as_str()))
    }
}

macro_rules! string_serde {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
string_serde!(InstrumentId);
string_serde!(ProvisionId);

/// A string: the id as written (`jurisdiction/name`, `jurisdiction/name/local`).
#[cfg(feature = "schema")]
macro_rules! string_schema {
    ($t:ident, $description:literal) => {
        impl schemars::JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($t).into()
            }
            fn schema_id() -> std::borrow::Cow<'static, str> {
                concat!(module_path!(), "::", stringify!($t)).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "description": $description,
                    "type": "string"
                })
            }
        }
    };
}
#[cfg(feature = "schema")]
string_schema!(InstrumentId, "An instrument id: `jurisdiction/name`.");
#[cfg(feature = "schema")]
string_schema!(ProvisionId, "A provision id: `jurisdiction/name/local`.");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut ids: Vec<ProvisionId> = [
            "eu/gdpr/art-10",
            "eu/gdpr/art-9",
            "eu/gdpr/art-100",
            "eu/gdpr/art-9a",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        ids.sort();
        let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "eu/gdpr/art-9",
                "eu/gdpr/art-9a",
                "eu/gdpr/art-10",
                "eu/gdpr/art-100"
            ]
        );
    }

    #[test]
    fn order_agrees_with_eq() {
        let a: ProvisionId = "eu/gdpr/art-01".parse().unwrap();
        let b: ProvisionId = "eu/gdpr/art-1".parse().unwrap();
        assert_ne!(a, b);
        assert_ne!(a.cmp(&b), Ordering::Equal);
        assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        let c: InstrumentId = "eu/act-01".parse().unwrap();
        let d: InstrumentId = "eu/act-1".parse().unwrap();
        assert_ne!(c.cmp(&d), Ordering::Equal);
    }

    #[test]
    fn bad_segments() {
        assert_eq!(
            "eu/gd pr/art-1"
                .parse::<ProvisionId>()
                .unwrap_err()
                .to_string(),
            "invalid provision id `eu/gd pr/art-1`: segment `gd pr` must be ASCII letters, digits, `-` or `.`, starting and ending with a letter or digit"
        );
        assert!("eu//art-1".parse::<ProvisionId>().is_err());
        assert!("eu/gdpr/art-1/x".parse::<ProvisionId>().is_err());
    }
}
