//! The closed vocabularies that norms are written in.
//!
//! Every term is a variant of a `#[non_exhaustive]` enum, serialised as a stable kebab-case code
//! (the one written in `provisions/**/*.toml`), with a one-line definition and, where the W3C
//! Data Privacy Vocabulary has a matching concept, its IRI. Unknown codes are load errors with a
//! did-you-mean suggestion.
//!
//! ```
//! use lexgap::model::DataCategory;
//!
//! let face: DataCategory = "facial-image".parse()?;
//! assert!(face.is_a(DataCategory::Sensitive));
//! assert_eq!(DataCategory::Biometric.dpv(), Some("https://w3id.org/dpv/pd#Biometric"));
//! let err = "biometrics".parse::<DataCategory>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown data category `biometrics`; did you mean `biometric`?");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

/// An unknown vocabulary term, with the closest known code when one is near enough.
///
/// ```
/// use lexgap::model::Actor;
///
/// let err = "public-authorty".parse::<Actor>().unwrap_err();
/// assert_eq!(err.found(), "public-authorty");
/// assert_eq!(err.suggestion(), Some("public-authority"));
/// let swapped = "fcaial-image".parse::<lexgap::model::DataCategory>().unwrap_err();
/// assert_eq!(swapped.suggestion(), Some("facial-image"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{found}`{}", suggestion_suffix(.suggestion.as_deref()))]
pub struct UnknownTerm {
    vocabulary: &'static str,
    found: String,
    suggestion: Option<&'static str>,
}

fn suggestion_suffix(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

impl UnknownTerm {
    /// The vocabulary that was searched, such as `data category`.
    pub fn vocabulary(&self) -> &'static str {
        self.vocabulary
    }
    /// The code that was not found.
    pub fn found(&self) -> &str {
        &self.found
    }
    /// The closest known code, if any is close enough.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
}

/// Similarity above which an unknown name gets a did-you-mean suggestion.
pub(crate) const SUGGESTION_THRESHOLD: f64 = 0.7;

/// Returns the candidate most similar to `found` (Jaro-Winkler), if it is close enough.
pub(crate) fn closest<'a, I>(found: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let found = found.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            // Jaro-Winkler ranks; one edit (a swap of two letters included) always qualifies,
            // which Jaro-Winkler alone misses on short codes (`ue` for `eu`).
            let score = strsim::jaro_winkler(&found, c);
            let near = strsim::damerau_levenshtein(&found, c) <= 1;
            (
                if near {
                    score.max(SUGGESTION_THRESHOLD)
                } else {
                    score
                },
                c,
            )
        })
        .filter(|(score, _)| *score >= SUGGESTION_THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// Like [`closest`], for owned candidate names.
pub(crate) fn closest_owned<'a, I>(found: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a String>,
{
    closest(found, candidates.into_iter().map(String::as_str)).map(str::to_owned)
}

/// A closed vocabulary: every term has a code, a definition and perhaps a DPV IRI.
pub trait Term: Copy + Eq + Ord + fmt::Debug + 'static {
    /// What the vocabulary is called in messages, such as `data category`.
    const VOCABULARY: &'static str;
    /// Every term, in declaration order.
    const ALL: &'static [Self];
    /// The stable kebab-case code.
    fn code(self) -> &'static str;
    /// A one-line definition.
    fn definition(self) -> &'static str;
    /// The W3C Data Privacy Vocabulary IRI of the matching concept, where one exists.
    fn dpv(self) -> Option<&'static str>;
    /// Parses a code, case-insensitively, with a did-you-mean on failure.
    fn parse_code(s: &str) -> Result<Self, UnknownTerm> {
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownTerm {
                vocabulary: Self::VOCABULARY,
                found: s.to_owned(),
                suggestion: closest(s, Self::ALL.iter().map(|t| t.code())),
            })
    }
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($vocab:literal) {
            $( $variant:ident = $code:literal, $dpv:expr, $def:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( #[doc = $def] $variant, )+
        }

        impl Term for $name {
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
        }

        impl $name {
            /// Every term, in declaration order.
            pub const ALL: &'static [Self] = <Self as Term>::ALL;
            /// The stable kebab-case code, as written in provision files.
            pub fn code(self) -> &'static str { Term::code(self) }
            /// A one-line definition.
            pub fn definition(self) -> &'static str { Term::definition(self) }
            /// The W3C Data Privacy Vocabulary IRI of the matching concept, where one exists.
            pub fn dpv(self) -> Option<&'static str> { Term::dpv(self) }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $name {
            type Err = UnknownTerm;
            fn from_str(s: &str) -> Result<Self, UnknownTerm> {
                Self::parse_code(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
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
/// extension `https://w3id.org/dpv/pd#`.
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

vocabulary! {
    /// What a norm does.
    pub enum NormKind ("norm kind") {
        Obligation = "obligation", dpv!(none), "a duty to act";
        Prohibition = "prohibition", dpv!(none), "a duty not to act";
        Permission = "permission", dpv!(none), "leave to act, usually under conditions";
        Exception = "exception", dpv!(none), "a derogation from a right or a rule";
        Right = "right", dpv!(core "DataSubjectRight"), "an entitlement of a person";
        Definition = "definition", dpv!(none), "the meaning of a term used elsewhere";
    }
}

vocabulary! {
    /// Whom a norm binds or empowers.
    pub enum Actor ("actor") {
        AnyHandler = "any-handler", dpv!(core "DataController"), "anyone who processes the data, public or private";
        PrivateHandler = "private-handler", dpv!(none), "a private person or company that processes the data";
        PublicAuthority = "public-authority", dpv!(core "PublicAuthority"), "a state organ or public body";
        LawEnforcement = "law-enforcement", dpv!(none), "police and public security organs";
        Prosecutor = "prosecutor", dpv!(none), "a public prosecutor or procuratorate";
        StateSecurity = "state-security", dpv!(none), "state or national security organs";
        Court = "court", dpv!(none), "a court or judge";
        SupervisoryAuthority = "supervisory-authority", dpv!(core "DataProtectionAuthority"), "an authority that supervises data protection";
        Legislature = "legislature", dpv!(none), "the body that makes the law (for norms addressed to law-makers)";
        DataSubject = "data-subject", dpv!(core "DataSubject"), "the person whom the data are about";
    }
}

impl Actor {
    /// Whether this actor is an organ of the state (public authority, police, prosecutor,
    /// security organs, courts, supervisory authorities, the legislature).
    ///
    /// ```
    /// use lexgap::model::Actor;
    /// assert!(Actor::LawEnforcement.is_state());
    /// assert!(!Actor::PrivateHandler.is_state());
    /// ```
    pub fn is_state(self) -> bool {
        !matches!(
            self,
            Actor::AnyHandler | Actor::PrivateHandler | Actor::DataSubject
        )
    }

    /// Whether a norm addressed to `self` also binds `other`: `any-handler` covers everyone
    /// who handles data, `public-authority` covers every state organ.
    ///
    /// ```
    /// use lexgap::model::Actor;
    /// assert!(Actor::AnyHandler.covers(Actor::LawEnforcement));
    /// assert!(Actor::PublicAuthority.covers(Actor::Prosecutor));
    /// assert!(!Actor::PrivateHandler.covers(Actor::PublicAuthority));
    /// ```
    pub fn covers(self, other: Actor) -> bool {
        self == other
            || match self {
                Actor::AnyHandler => other != Actor::DataSubject,
                Actor::PublicAuthority => other.is_state() && other != Actor::Legislature,
                _ => false,
            }
    }
}

vocabulary! {
    /// Categories of data, in a hierarchy (see [`DataCategory::parent`]).
    pub enum DataCategory ("data category") {
        PersonalData = "personal-data", dpv!(core "PersonalData"), "any information relating to an identified or identifiable natural person";
        Sensitive = "sensitive-data", dpv!(core "SensitivePersonalData"), "personal data whose processing the law treats as especially risky (special categories, sensitive personal information)";
        Biometric = "biometric", dpv!(pd "Biometric"), "data from technical processing of physical, physiological or behavioural characteristics that identify a person";
        FacialImage = "facial-image", dpv!(pd "FacialPrint"), "images of a person's face";
        IdentityFeatures = "identity-features", dpv!(none), "features used to recognise a person's identity (身份特征, 身份识别信息)";
        Genetic = "genetic", dpv!(pd "Genetic"), "data on inherited or acquired genetic characteristics";
        Health = "health", dpv!(pd "Health"), "data concerning physical or mental health";
        RacialEthnic = "racial-ethnic", dpv!(none), "data revealing racial or ethnic origin";
        Religion = "religion", dpv!(none), "data revealing religious or philosophical beliefs";
        PoliticalOpinion = "political-opinion", dpv!(none), "data revealing political opinions";
        SexLife = "sex-life", dpv!(none), "data concerning sex life or sexual orientation";
        Financial = "financial", dpv!(pd "Financial"), "financial accounts and similar financial data";
        Location = "location", dpv!(pd "Location"), "location and movement (行踪) data";
        Minors = "minors", dpv!(none), "personal data of children (under 14 in the PIPL)";
        Correspondence = "correspondence", dpv!(none), "the content and the freedom and privacy of correspondence and communications";
        Home = "home", dpv!(none), "the home and its inviolability";
        Criminal = "criminal", dpv!(none), "data relating to criminal convictions and offences";
        PublicImage = "public-image", dpv!(none), "images and identity data collected in public places";
    }
}

impl DataCategory {
    /// The broader category, if any: facial-image and identity-features are biometric;
    /// biometric, genetic, health and the other special categories are sensitive-data;
    /// sensitive-data and every other category are personal-data.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert_eq!(DataCategory::FacialImage.parent(), Some(DataCategory::Biometric));
    /// assert_eq!(DataCategory::PersonalData.parent(), None);
    /// ```
    pub fn parent(self) -> Option<DataCategory> {
        use DataCategory::*;
        match self {
            PersonalData => None,
            Sensitive | Correspondence | Home | PublicImage => Some(PersonalData),
            FacialImage | IdentityFeatures => Some(Biometric),
            Biometric | Genetic | Health | RacialEthnic | Religion | PoliticalOpinion | SexLife
            | Financial | Location | Minors | Criminal => Some(Sensitive),
        }
    }

    /// Whether `self` is `other` or falls under it in the hierarchy.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert!(DataCategory::IdentityFeatures.is_a(DataCategory::Biometric));
    /// assert!(DataCategory::Biometric.is_a(DataCategory::PersonalData));
    /// assert!(!DataCategory::Sensitive.is_a(DataCategory::Biometric));
    /// ```
    pub fn is_a(self, other: DataCategory) -> bool {
        let mut cur = Some(self);
        while let Some(c) = cur {
            if c == other {
                return true;
            }
            cur = c.parent();
        }
        false
    }

    /// Whether the two categories overlap: one is a kind of the other.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert!(DataCategory::Sensitive.overlaps(DataCategory::FacialImage));
    /// assert!(!DataCategory::Health.overlaps(DataCategory::Biometric));
    /// ```
    pub fn overlaps(self, other: DataCategory) -> bool {
        self.is_a(other) || other.is_a(self)
    }
}

vocabulary! {
    /// What is done with the data.
    pub enum Activity ("activity") {
        Process = "process", dpv!(core "Processing"), "any processing (the whole life cycle)";
        Collect = "collect", dpv!(core "Collect"), "collect or obtain";
        Store = "store", dpv!(core "Store"), "store or retain";
        Use = "use", dpv!(core "Use"), "use";
        Disclose = "disclose", dpv!(core "Disclose"), "make public or provide to others";
        TransferAbroad = "transfer-abroad", dpv!(core "Transfer"), "provide to recipients outside the jurisdiction";
        MonitorPublicSpace = "monitor-public-space", dpv!(core "Monitor"), "install or operate cameras and recognition equipment in public places";
        IdentifyRemotely = "identify-remotely", dpv!(none), "identify people at a distance, in real time or after the fact";
        InterceptCommunications = "intercept-communications", dpv!(none), "inspect, intercept or censor correspondence";
        Search = "search", dpv!(none), "search persons, homes or papers";
        AutomatedDecision = "automated-decision", dpv!(core "AutomatedDecisionMaking"), "decide by automated means";
        Profile = "profile", dpv!(core "Profiling"), "evaluate personal aspects";
    }
}

impl Activity {
    /// Whether a norm about `self` also governs `other`: `process` covers every activity.
    ///
    /// ```
    /// use lexgap::model::Activity;
    /// assert!(Activity::Process.covers(Activity::Collect));
    /// assert!(!Activity::Collect.covers(Activity::Disclose));
    /// ```
    pub fn covers(self, other: Activity) -> bool {
        self == other || self == Activity::Process
    }
}

vocabulary! {
    /// Why the data may be processed, or on what ground a right may be derogated from.
    pub enum Purpose ("purpose") {
        Consent = "consent", dpv!(core "Consent"), "the person's consent";
        SeparateConsent = "separate-consent", dpv!(core "ExplicitlyExpressedConsent"), "explicit or separate (单独) consent";
        PublicSecurity = "public-security", dpv!(none), "public security or public safety";
        StateSecurity = "state-security", dpv!(none), "state or national security";
        CriminalInvestigation = "criminal-investigation", dpv!(none), "the investigation and prosecution of crime";
        PublicInterest = "public-interest", dpv!(core "PublicInterest"), "the public interest";
        SubstantialPublicInterest = "substantial-public-interest", dpv!(none), "a substantial public interest";
        PublicHealth = "public-health", dpv!(none), "public health and emergencies";
        Economic = "economic-well-being", dpv!(none), "the economic well-being of the country";
        Disorder = "prevention-of-disorder", dpv!(none), "the prevention of disorder";
        Morals = "protection-of-morals", dpv!(none), "the protection of health or morals";
        RightsOfOthers = "rights-of-others", dpv!(none), "the rights and freedoms of others";
        LegalObligation = "legal-obligation", dpv!(core "LegalObligation"), "compliance with a legal obligation";
        StatutoryDuty = "statutory-duty", dpv!(none), "the performance of a public body's statutory duties";
        VitalInterest = "vital-interest", dpv!(core "VitalInterest"), "the protection of life or vital interests";
        Contract = "contract", dpv!(core "Contract"), "the performance of a contract";
        LegitimateInterest = "legitimate-interest", dpv!(core "LegitimateInterest"), "the legitimate interests of the handler";
        Employment = "employment", dpv!(none), "employment, social security and social protection";
        LegalClaims = "legal-claims", dpv!(none), "legal claims and courts acting in their judicial capacity";
        Research = "research", dpv!(none), "archiving, research or statistics";
        ManifestlyPublic = "manifestly-public", dpv!(none), "data the person has made public";
        OtherLaw = "other-law", dpv!(none), "whatever other laws provide (\"unless laws provide otherwise\")";
    }
}

impl Purpose {
    /// The family of the purpose: public-security, state-security and criminal-investigation
    /// are [`Purpose::StateSecurity`]-family state purposes; substantial-public-interest,
    /// public-health and the ECHR art. 8(2) aims are public-interest grounds.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// assert_eq!(Purpose::CriminalInvestigation.family(), Some(Purpose::StateSecurity));
    /// assert_eq!(Purpose::SubstantialPublicInterest.family(), Some(Purpose::PublicInterest));
    /// assert_eq!(Purpose::Consent.family(), None);
    /// ```
    pub fn family(self) -> Option<Purpose> {
        use Purpose::*;
        match self {
            PublicSecurity | CriminalInvestigation | Disorder => Some(StateSecurity),
            SubstantialPublicInterest
            | PublicHealth
            | Economic
            | Morals
            | RightsOfOthers
            | Research => Some(PublicInterest),
            SeparateConsent => Some(Consent),
            _ => None,
        }
    }

    /// Whether this is a purpose of the state: state or public security, crime, the public
    /// interest in any of its forms, a public body's statutory duty.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// assert!(Purpose::PublicSecurity.is_state_purpose());
    /// assert!(!Purpose::Contract.is_state_purpose());
    /// ```
    pub fn is_state_purpose(self) -> bool {
        let root = self.family().unwrap_or(self);
        matches!(root, Purpose::StateSecurity | Purpose::PublicInterest)
            || self == Purpose::StatutoryDuty
    }

    /// Whether the purpose is a broad ground: a state purpose or "whatever other laws provide".
    pub fn is_broad(self) -> bool {
        self.is_state_purpose() || self == Purpose::OtherLaw
    }

    /// Whether `self` and `other` are the same purpose or in the same family.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// assert!(Purpose::PublicSecurity.related(Purpose::CriminalInvestigation));
    /// assert!(!Purpose::PublicSecurity.related(Purpose::Consent));
    /// ```
    pub fn related(self, other: Purpose) -> bool {
        self.family().unwrap_or(self) == other.family().unwrap_or(other)
    }
}

vocabulary! {
    /// A protection attached to a norm or an exception.
    pub enum SafeguardKind ("safeguard") {
        Necessity = "necessity", dpv!(none), "the processing must be necessary for its purpose";
        StrictNecessity = "strict-necessity", dpv!(none), "the processing must be strictly necessary";
        Proportionality = "proportionality", dpv!(none), "the interference must be proportionate to the aim";
        PrescribedByLaw = "prescribed-by-law", dpv!(none), "the interference must have a basis in law or follow procedures prescribed by law";
        SpecificSafeguardsInLaw = "specific-safeguards-in-law", dpv!(none), "the law must provide suitable and specific measures to protect the person";
        PriorAuthorisation = "prior-authorisation", dpv!(none), "a court or independent body must authorise it beforehand";
        IndependentOversight = "independent-oversight", dpv!(core "DataProtectionAuthority"), "an independent authority supervises compliance";
        ImpactAssessment = "impact-assessment", dpv!(core "DPIA"), "a prior assessment of the impact or risks";
        PurposeLimitation = "purpose-limitation", dpv!(none), "the data may be used only for the stated purpose";
        RetentionLimit = "retention-limit", dpv!(core "StorageDuration"), "the data may be kept only as long as needed";
        Transparency = "transparency", dpv!(core "Notice"), "people are told, by notice or signage";
        Consent = "consent", dpv!(core "Consent"), "the person's consent is required";
        DataSubjectRights = "data-subject-rights", dpv!(core "DataSubjectRight"), "the person can access, correct or erase the data";
        Accountability = "accountability", dpv!(none), "the handler answers for compliance, including liability of public bodies";
        EffectiveRemedy = "effective-remedy", dpv!(none), "a court or tribunal can give redress";
        TimeAndPlaceLimit = "time-and-place-limit", dpv!(none), "limits in time, place and persons concerned";
        RespectForEssence = "respect-for-essence-of-right", dpv!(none), "the essence of the right must be respected";
        Security = "security", dpv!(core "TechnicalOrganisationalMeasure"), "technical and organisational security measures";
    }
}

vocabulary! {
    /// An element that a safeguard may have (an impact assessment that is prior, that names its
    /// content, that consults the regulator ...). Relative gaps name the missing elements.
    pub enum SafeguardElement ("safeguard element") {
        Prior = "prior", dpv!(none), "done before the processing starts";
        ContentSpecified = "content-specified", dpv!(none), "the law lists what it must contain";
        RiskToRights = "risk-to-rights", dpv!(none), "assesses the risks to people's rights";
        Measures = "measures", dpv!(none), "names the measures that address the risks";
        Records = "records", dpv!(none), "records are kept";
        RecordRetention = "record-retention", dpv!(none), "the records are kept for a set period";
        DpoAdvice = "dpo-advice", dpv!(none), "the data protection officer's advice is sought";
        DataSubjectViews = "data-subject-views", dpv!(none), "the views of the people concerned are sought";
        RegulatorConsultation = "regulator-consultation", dpv!(none), "the supervisory authority is consulted beforehand";
        Review = "review", dpv!(none), "reviewed when the risks change";
        Judicial = "judicial", dpv!(none), "by a court or judge";
        Independent = "independent", dpv!(none), "by a body independent of the one that acts";
        ProbableCause = "probable-cause", dpv!(none), "on probable cause, supported by oath or affirmation";
        Particularity = "particularity", dpv!(none), "particularly describing the place, persons or things";
        Signage = "signage", dpv!(none), "by visible signs";
        Notice = "notice", dpv!(none), "by notice to the person";
        Liability = "liability", dpv!(none), "with liability for damage";
        PublicBodies = "public-bodies", dpv!(none), "applies to public bodies too";
        Urgency = "urgency", dpv!(none), "with an urgency procedure and later review";
    }
}

vocabulary! {
    /// Where a norm applies.
    pub enum Scope ("scope") {
        Provision = "provision", dpv!(none), "applies where it stands";
        Instrument = "instrument", dpv!(none), "a general rule that applies across its instrument to matching data, actors and activities";
    }
}

// The enum comes from a macro that cannot mark a variant `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Scope {
    fn default() -> Self {
        Scope::Provision
    }
}

vocabulary! {
    /// How two provisions correspond.
    pub enum Relation ("relation") {
        Equivalent = "equivalent", dpv!(none), "they say the same thing";
        Overlapping = "overlapping", dpv!(none), "they cover some of the same ground";
        Narrower = "narrower", dpv!(none), "this provision covers less than the other";
        Broader = "broader", dpv!(none), "this provision covers more than the other";
        SuccessorOf = "successor-of", dpv!(none), "this provision is the later version of the other";
    }
}

impl Relation {
    /// The relation seen from the other side.
    ///
    /// ```
    /// use lexgap::model::Relation;
    /// assert_eq!(Relation::Narrower.inverse(), Relation::Broader);
    /// ```
    pub fn inverse(self) -> Relation {
        match self {
            Relation::Narrower => Relation::Broader,
            Relation::Broader => Relation::Narrower,
            other => other,
        }
    }
}

vocabulary! {
    /// The kind of instrument.
    pub enum InstrumentKind ("instrument kind") {
        Constitution = "constitution", dpv!(none), "a constitution or basic law";
        Statute = "statute", dpv!(none), "an act of a legislature";
        DraftStatute = "draft-statute", dpv!(none), "a bill published for comment or deliberation";
        Regulation = "regulation", dpv!(none), "a regulation (EU) or an administrative regulation";
        Directive = "directive", dpv!(none), "an EU directive";
        Treaty = "treaty", dpv!(none), "a treaty or convention between states";
        Charter = "charter", dpv!(none), "a charter of rights with the force of a treaty";
        Declaration = "declaration", dpv!(none), "a declaration without treaty force";
        SoftLaw = "soft-law", dpv!(none), "principles or guidelines without enforcement";
    }
}

vocabulary! {
    /// Where an instrument stands in its life.
    pub enum Status ("status") {
        Draft = "draft", dpv!(none), "proposed, not adopted";
        InForce = "in-force", dpv!(none), "adopted and in force";
        Adopted = "adopted", dpv!(none), "adopted, not yet in force";
        Superseded = "superseded", dpv!(none), "replaced by a later version";
        Repealed = "repealed", dpv!(none), "no longer in force";
    }
}

vocabulary! {
    /// What a text in one language is worth in law.
    pub enum LegalValue ("legal value") {
        Authentic = "authentic", dpv!(none), "an authentic text of the instrument";
        OfficialTranslation = "official-translation", dpv!(none), "a translation published by the law-maker or government, for reference";
        UnofficialTranslation = "unofficial-translation", dpv!(none), "a translation by a third party, or a working translation of ours";
    }
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn one_edit_always_suggests() {
        assert_eq!(closest("ue", ["eu", "us", "un"]), Some("eu"));
        assert_eq!(closest("gpdr", ["gdpr", "pipl"]), Some("gdpr"));
        assert_eq!(closest("xyz", ["eu", "us"]), None);
    }
}
