//! Safeguard kinds and the elements a safeguard may have.

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
        Anonymisation = "anonymisation", dpv!(core "Deidentification"), "the data must be anonymised or de-identified";
        Transparency = "transparency", dpv!(core "Notice"), "people are told, by notice or signage";
        Consent = "consent", dpv!(core "Consent"), "the person's consent is required";
        DataSubjectRights = "data-subject-rights", dpv!(core "DataSubjectRight"), "the person can access, correct or erase the data";
        Accountability = "accountability", dpv!(none), "the handler answers for compliance, including liability of public bodies";
        Audit = "audit", dpv!(core "Audit"), "audits or inspections of compliance";
        BreachNotification = "breach-notification", dpv!(core "DataBreachNotification"), "breaches are notified to the regulator or the persons concerned";
        EffectiveRemedy = "effective-remedy", dpv!(none), "a court or tribunal can give redress";
        TimeAndPlaceLimit = "time-and-place-limit", dpv!(none), "limits in time, place and persons concerned";
        RespectForEssence = "respect-for-essence-of-right", dpv!(none), "the essence of the right must be respected";
        Security = "security", dpv!(core "TechnicalOrganisationalMeasure"), "technical and organisational security measures";
    }
    aliases {
        Necessity => ["necessary", "need", "needed"];
        StrictNecessity => ["strictly-necessary", "absolute-necessity", "absolutely-necessary"];
        Proportionality => ["proportionate", "proportional", "balancing"];
        PrescribedByLaw => ["legal-basis", "basis-in-law", "provided-by-law", "in-accordance-with-law", "legality", "lawfulness"];
        SpecificSafeguardsInLaw => ["appropriate-safeguards", "suitable-safeguards", "specific-measures", "safeguards"];
        PriorAuthorisation => ["warrant", "judicial-authorisation", "authorisation", "approval", "prior-approval", "court-order"];
        IndependentOversight => ["supervisory-authority", "regulator", "supervision", "oversight-body", "dpa"];
        ImpactAssessment => ["dpia", "pia", "risk-assessment", "privacy-impact-assessment", "fria"];
        PurposeLimitation => ["purpose-specification", "purpose-binding", "compatible-use"];
        RetentionLimit => ["storage-limitation", "retention", "retention-period", "storage-limit"];
        Anonymisation => ["de-identification", "deidentification", "pseudonymisation", "anonymise", "anonymous"];
        Transparency => ["notice", "inform", "information", "privacy-notice", "signage"];
        Consent => ["opt-in", "agreement"];
        DataSubjectRights => ["access", "rectification", "erasure", "deletion", "portability", "objection", "right-of-access"];
        Accountability => ["liability", "responsibility", "responsible"];
        Audit => ["inspection", "compliance-audit", "auditing"];
        BreachNotification => ["data-breach", "breach", "data-breach-notification", "incident-notification", "security-incident"];
        EffectiveRemedy => ["remedy", "redress", "judicial-remedy", "appeal", "complaint", "judicial-review"];
        TimeAndPlaceLimit => ["time-limit", "place-limit", "temporal-limitation", "geographical-limitation", "sunset"];
        RespectForEssence => ["essence", "essence-of-the-right", "core-of-the-right"];
        Security => ["data-security", "security-measures", "encryption", "technical-measures", "confidentiality"];
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
        LaterUse = "later-use", dpv!(none), "binds every later use of the data, not only the reasons for which they may be collected or accessed";
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
    aliases {
        Prior => ["before", "beforehand", "ex-ante", "in-advance", "advance"];
        ContentSpecified => ["content", "contents", "minimum-content", "specified-content"];
        RiskToRights => ["risk", "risks-to-rights-and-freedoms", "rights-risk"];
        Measures => ["mitigation", "mitigating-measures", "remedial-measures"];
        Records => ["record-keeping", "documentation", "logs", "logging", "register"];
        RecordRetention => ["keep-records", "retention", "retention-period", "record-keeping-period"];
        DpoAdvice => ["dpo", "data-protection-officer", "officer-advice"];
        DataSubjectViews => ["views", "consultation-of-data-subjects", "stakeholder-views"];
        RegulatorConsultation => ["prior-consultation", "consult-regulator", "authority-consultation"];
        Review => ["periodic", "periodic-review", "reassessment", "regular-review", "update"];
        LaterUse => ["further-use", "further-processing", "secondary-use", "onward-use"];
        Judicial => ["court", "judge", "court-order", "judicial-warrant"];
        Independent => ["impartial", "independence", "independent-body"];
        ProbableCause => ["reasonable-grounds", "reasonable-suspicion", "suspicion", "oath"];
        Particularity => ["specificity", "particular-description", "particularly-describing"];
        Signage => ["signs", "signboard", "visible-signs", "prominent-signs"];
        Notice => ["notification", "inform", "informed", "information"];
        Liability => ["damages", "compensation", "responsibility"];
        PublicBodies => ["public-sector", "government", "public-authorities", "state-organs"];
        Urgency => ["emergency", "urgent", "exigent-circumstances", "exigency"];
    }
}

impl SafeguardElement {
    /// The kind of safeguard the element belongs to: an impact assessment is prior or names
    /// its content, an authorisation is judicial or on probable cause, a notice is by signs.
    ///
    /// ```
    /// use lexgap::model::{SafeguardElement, SafeguardKind};
    /// assert_eq!(SafeguardElement::Judicial.kind(), SafeguardKind::PriorAuthorisation);
    /// assert_eq!(SafeguardElement::Signage.kind(), SafeguardKind::Transparency);
    /// ```
    pub fn kind(self) -> SafeguardKind {
        use SafeguardElement::*;
        match self {
            Prior
            | ContentSpecified
            | RiskToRights
            | Measures
            | Records
            | RecordRetention
            | DpoAdvice
            | DataSubjectViews
            | RegulatorConsultation
            | Review => SafeguardKind::ImpactAssessment,
            LaterUse => SafeguardKind::PurposeLimitation,
            Judicial | ProbableCause | Particularity | Urgency => SafeguardKind::PriorAuthorisation,
            // "independent" qualifies an authorisation or an oversight body alike.
            Independent => SafeguardKind::IndependentOversight,
            Signage | Notice => SafeguardKind::Transparency,
            Liability | PublicBodies => SafeguardKind::Accountability,
        }
    }

    /// Whether the element may qualify a safeguard of `kind`.
    pub fn belongs_to(self, kind: SafeguardKind) -> bool {
        self.kind() == kind
            || (self == SafeguardElement::Independent && kind == SafeguardKind::PriorAuthorisation)
            || (self == SafeguardElement::Prior && kind == SafeguardKind::PriorAuthorisation)
    }
}
