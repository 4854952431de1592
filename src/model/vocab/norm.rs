//! What a norm says: its kind, whom it binds, what it governs, and where it applies.

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
    aliases {
        Obligation => ["duty", "requirement", "must", "shall"];
        Prohibition => ["ban", "forbidden", "prohibit", "must-not"];
        Permission => ["allowed", "permitted", "may", "authorisation"];
        Exception => ["derogation", "exemption", "limitation", "restriction"];
        Right => ["entitlement", "individual-right"];
        Definition => ["meaning", "defined-term"];
    }
}

vocabulary! {
    /// Whom a norm binds or empowers.
    pub enum Actor ("actor") {
        AnyHandler = "any-handler", dpv!(core "DataController"), "anyone who processes the data, public or private";
        PrivateHandler = "private-handler", dpv!(none), "a private person or company that processes the data";
        PublicAuthority = "public-authority", dpv!(core "GovernmentalOrganisation"), "a state organ or public body";
        StateInstrumentality = "state-instrumentality", dpv!(core "PublicSectorBody"), "an instrumentality or agency of the State, a body owned or controlled by it or exercising its functions";
        LawEnforcement = "law-enforcement", dpv!(none), "police and public security organs";
        Prosecutor = "prosecutor", dpv!(none), "a public prosecutor or procuratorate";
        StateSecurity = "state-security", dpv!(none), "state or national security organs";
        Court = "court", dpv!(none), "a court or judge";
        SupervisoryAuthority = "supervisory-authority", dpv!(core "DataProtectionAuthority"), "an authority that supervises data protection";
        Legislature = "legislature", dpv!(none), "the body that makes the law (for norms addressed to law-makers)";
        DataSubject = "data-subject", dpv!(core "DataSubject"), "the person whom the data are about";
    }
    aliases {
        AnyHandler => ["handler", "controller", "data-controller", "processor", "anyone"];
        PrivateHandler => ["company", "business", "enterprise", "private-sector", "private-company"];
        PublicAuthority => ["public-body", "public-agency", "government", "state", "state-organ", "public-sector-body"];
        StateInstrumentality => ["instrumentality", "state-agency", "state-body", "state-owned", "state-owned-enterprise", "state-controlled-body"];
        LawEnforcement => ["police", "public-security-organ", "law-enforcement-authority"];
        Prosecutor => ["procuratorate", "procurator", "prosecution", "public-prosecutor"];
        StateSecurity => ["national-security", "intelligence", "security-services", "state-security-organ"];
        Court => ["judge", "judiciary", "judicial", "tribunal"];
        SupervisoryAuthority => ["regulator", "dpa", "data-protection-authority", "supervisor"];
        Legislature => ["parliament", "lawmaker", "law-maker", "congress"];
        DataSubject => ["individual", "person", "data-principal", "user"];
    }
}

impl Actor {
    /// Whether this actor is an organ of the state (public authority, state instrumentalities,
    /// police, prosecutor, security organs, courts, supervisory authorities, the legislature).
    ///
    /// ```
    /// use lexgap::model::Actor;
    /// assert!(Actor::LawEnforcement.is_state());
    /// assert!(Actor::StateInstrumentality.is_state());
    /// assert!(!Actor::PrivateHandler.is_state());
    /// ```
    pub fn is_state(self) -> bool {
        !matches!(
            self,
            Actor::AnyHandler | Actor::PrivateHandler | Actor::DataSubject
        )
    }

    /// Whether a norm addressed to `self` also binds `other`: `any-handler` covers everyone
    /// who handles data, `public-authority` covers every state organ but the legislature
    /// (state instrumentalities included).
    ///
    /// ```
    /// use lexgap::model::Actor;
    /// assert!(Actor::AnyHandler.covers(Actor::LawEnforcement));
    /// assert!(Actor::PublicAuthority.covers(Actor::Prosecutor));
    /// assert!(Actor::PublicAuthority.covers(Actor::StateInstrumentality));
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
    aliases {
        Process => ["processing", "handle", "handling"];
        Collect => ["gather", "obtain", "acquire", "collection"];
        Store => ["retain", "keep", "storage", "retention"];
        Use => ["utilise", "usage", "exploit"];
        Disclose => ["disclosure", "publish", "share", "provide", "make-public"];
        TransferAbroad => ["cross-border-transfer", "international-transfer", "export", "transfer"];
        MonitorPublicSpace => ["cctv", "video-surveillance", "surveillance", "camera"];
        IdentifyRemotely => ["remote-biometric-identification", "facial-recognition", "rbi", "remote-identification"];
        InterceptCommunications => ["interception", "wiretap", "wiretapping", "censor", "surveillance-of-communications"];
        Search => ["seizure", "search-and-seizure", "house-search", "searches-and-seizures"];
        AutomatedDecision => ["automated-decision-making", "adm", "automated-processing"];
        Profile => ["profiling", "scoring"];
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
    /// Where a norm applies.
    pub enum Scope ("scope") {
        Provision = "provision", dpv!(none), "applies where it stands";
        Instrument = "instrument", dpv!(none), "a general rule that applies across its instrument to matching data, actors and activities";
    }
    aliases {
        Provision => ["local", "article", "here"];
        Instrument => ["global", "general", "whole-instrument", "everywhere"];
    }
}

// The enum comes from a macro that cannot mark a variant `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Scope {
    fn default() -> Self {
        Scope::Provision
    }
}
