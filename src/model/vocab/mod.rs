//! The closed vocabularies that norms are written in.
//!
//! Every term is a variant of a `#[non_exhaustive]` enum, serialised as a stable kebab-case code
//! (the one written in `provisions/**/*.toml`), with a one-line definition, a few aliases (words
//! a new annotator might type for it) and, where the W3C Data Privacy Vocabulary has a matching
//! concept, its IRI. Aliases are never accepted as codes: an unknown code is a load error that
//! suggests the term it is closest to, in meaning (its aliases, the words of its code and
//! definition) or in spelling, or lists every valid code when none is close.
//!
//! ```
//! use lexgap::model::{DataCategory, SafeguardElement, Scope};
//!
//! let face: DataCategory = "facial-image".parse()?;
//! assert!(face.is_a(DataCategory::Sensitive));
//! assert_eq!(DataCategory::Biometric.dpv(), Some("https://w3id.org/dpv/pd#Biometric"));
//! let err = "biometrics".parse::<DataCategory>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown data category `biometrics`; did you mean `biometric`?");
//! // By meaning: `periodic` is one of the aliases of `review`.
//! let err = "periodic".parse::<SafeguardElement>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown safeguard element `periodic`; did you mean `review`?");
//! // Nothing close: every code, in declaration order.
//! let err = "zzz".parse::<Scope>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown scope `zzz`; expected one of `provision`, `instrument`");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($vocab:literal) {
            $( $variant:ident = $code:literal, $dpv:expr, $def:literal; )+
        }
        $( aliases {
            $( $avariant:ident => [$($alias:literal),+ $(,)?]; )*
        } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( #[doc = $def] $variant, )+
        }

        impl $crate::model::vocab::Term for $name {
            const VOCABULARY: &'static str = $vocab;
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }
            fn definition(self) -> &'static str {
                match self { $(Self::$variant => $def,)+ }
            }
            fn dpv(self) -> Option<&'static str> {
                match self { $(Self::$variant => $dpv,)+ }
            }
            #[allow(unreachable_patterns)]
            fn aliases(self) -> &'static [&'static str] {
                match self {
                    $( $( Self::$avariant => &[$($alias),+], )* )?
                    _ => &[],
                }
            }
        }

        impl $name {
            /// Every term, in declaration order.
            pub const ALL: &'static [Self] = <Self as $crate::model::vocab::Term>::ALL;
            /// The stable kebab-case code, as written in provision files.
            pub fn code(self) -> &'static str { $crate::model::vocab::Term::code(self) }
            /// A one-line definition.
            pub fn definition(self) -> &'static str { $crate::model::vocab::Term::definition(self) }
            /// The W3C Data Privacy Vocabulary IRI of the matching concept, where one exists.
            pub fn dpv(self) -> Option<&'static str> { $crate::model::vocab::Term::dpv(self) }
            /// Words a new annotator might write for this term; never accepted as codes, they
            /// lead the did-you-mean of an unknown code here.
            pub fn aliases(self) -> &'static [&'static str] { $crate::model::vocab::Term::aliases(self) }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::model::vocab::UnknownTerm;
            fn from_str(s: &str) -> Result<Self, $crate::model::vocab::UnknownTerm> {
                <Self as $crate::model::vocab::Term>::parse_code(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        /// A string: the code of one term (what [`serde::Serialize`] writes).
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                concat!(module_path!(), "::", stringify!($name)).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "description": concat!("A ", $vocab, ", by its code."),
                    "type": "string",
                    "enum": [$($code),+]
                })
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A DPV IRI: `core` is the namespace `https://w3id.org/dpv#`, `pd` the personal-data
/// extension `https://w3id.org/dpv/pd#`. Every IRI below names a concept of DPV 2.2 and 2.3
/// (`dpv/dpv.ttl`, `pd/pd.ttl` in `github.com/w3c/dpv`); a term without a matching concept has
/// `dpv!(none)`.
macro_rules! dpv {
    (core $local:literal) => {
        Some(concat!("https://w3id.org/dpv#", $local))
    };
    (pd $local:literal) => {
        Some(concat!("https://w3id.org/dpv/pd#", $local))
    };
    (none) => {
        None
    };
}

mod data;
mod derogation;
mod instrument;
mod norm;
mod purpose;
mod safeguard;
mod suggest;
mod term;

pub use data::DataCategory;
pub use derogation::{Delegate, DerogationForm, Right};
pub use instrument::{InstrumentKind, JurisdictionLevel, LegalValue, Relation, Status};
pub use norm::{Activity, Actor, NormKind, Scope};
pub use purpose::Purpose;
pub use safeguard::{SafeguardElement, SafeguardKind};
pub(crate) use suggest::{closest, closest_owned, closest_term};
pub use term::{Term, UnknownTerm};

/// Names longer than this get no did-you-mean: no code or id is that long, and the edit
/// distance from a huge string to every candidate would make a failed lookup slow (a 5 MB
/// norm kind took 6 s).
pub(crate) const MAX_SUGGESTION_INPUT: usize = 256;

/// Similarity above which an unknown name gets a did-you-mean suggestion.
pub(crate) const SUGGESTION_THRESHOLD: f64 = 0.7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_terms() {
        use DataCategory as D;
        assert_eq!("trade-union".parse(), Ok(D::TradeUnion));
        assert!(D::TradeUnion.is_a(D::Sensitive));
        assert_eq!(
            D::TradeUnion.dpv(),
            Some("https://w3id.org/dpv/pd#TradeUnionMembership")
        );
        for d in [D::Fingerprint, D::Voiceprint] {
            assert_eq!(d.parent(), Some(D::IdentityFeatures));
            assert!(d.is_a(D::Biometric) && d.is_a(D::Sensitive));
        }
        assert_eq!(
            D::Fingerprint.dpv(),
            Some("https://w3id.org/dpv/pd#Fingerprint")
        );
        assert_eq!(D::Voiceprint.dpv(), None);
        assert_eq!(D::Image.parent(), Some(D::PersonalData));
        assert!(!D::Image.is_a(D::Biometric) && !D::Image.is_a(D::Sensitive));
        assert!(D::Image.definition().contains("art. 4(14), recital 51"));
        assert!(
            D::FacialImage
                .definition()
                .starts_with("facial images processed by specific technical means")
        );

        assert!(Actor::StateInstrumentality.is_state());
        assert!(Actor::PublicAuthority.covers(Actor::StateInstrumentality));
        assert!(Actor::AnyHandler.covers(Actor::StateInstrumentality));
        assert!(!Actor::StateInstrumentality.covers(Actor::PublicAuthority));

        use Purpose as P;
        for p in [P::Defence, P::InternationalRelations] {
            assert_eq!(p.family(), Some(P::StateSecurity));
            assert!(p.is_state_purpose());
        }
        for p in [P::Taxation, P::Archiving, P::Research] {
            assert_eq!(p.family(), Some(P::PublicInterest));
        }
        for p in [
            P::FraudPrevention,
            P::Journalism,
            P::Household,
            P::HealthCare,
        ] {
            assert_eq!(p.family(), None);
            assert!(!p.is_state_purpose());
        }
        assert_eq!(
            P::Research.definition(),
            "scientific or historical research or statistics"
        );

        use SafeguardKind as K;
        for (code, kind) in [
            ("anonymisation", K::Anonymisation),
            ("audit", K::Audit),
            ("breach-notification", K::BreachNotification),
        ] {
            assert_eq!(code.parse(), Ok(kind));
        }
        assert_eq!(
            K::BreachNotification.dpv(),
            Some("https://w3id.org/dpv#DataBreachNotification")
        );
    }
}
