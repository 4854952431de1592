//! Purposes and legal grounds, and their families.

vocabulary! {
    /// Why the data may be processed, or on what ground a right may be derogated from.
    pub enum Purpose ("purpose") {
        Consent = "consent", dpv!(core "Consent"), "the person's consent";
        SeparateConsent = "separate-consent", dpv!(core "ExplicitlyExpressedConsent"), "explicit or separate (单独) consent";
        PublicSecurity = "public-security", dpv!(none), "public security or public safety";
        StateSecurity = "state-security", dpv!(none), "state or national security";
        Defence = "defence", dpv!(none), "national defence";
        InternationalRelations = "international-relations", dpv!(none), "international relations and relations with foreign states";
        CriminalInvestigation = "criminal-investigation", dpv!(none), "the investigation and prosecution of crime";
        PublicInterest = "public-interest", dpv!(core "PublicInterest"), "the public interest";
        SubstantialPublicInterest = "substantial-public-interest", dpv!(none), "a substantial public interest";
        PublicHealth = "public-health", dpv!(none), "public health and emergencies";
        Economic = "economic-well-being", dpv!(none), "the economic well-being of the country";
        Taxation = "taxation", dpv!(none), "the assessment and collection of taxes";
        Disorder = "prevention-of-disorder", dpv!(none), "the prevention of disorder";
        Morals = "protection-of-morals", dpv!(none), "the protection of health or morals";
        RightsOfOthers = "rights-of-others", dpv!(none), "the rights and freedoms of others";
        LegalObligation = "legal-obligation", dpv!(core "LegalObligation"), "compliance with a legal obligation";
        StatutoryDuty = "statutory-duty", dpv!(none), "the performance of a public body's statutory duties";
        VitalInterest = "vital-interest", dpv!(core "VitalInterest"), "the protection of life or vital interests";
        Contract = "contract", dpv!(core "Contract"), "the performance of a contract";
        LegitimateInterest = "legitimate-interest", dpv!(core "LegitimateInterest"), "the legitimate interests of the handler";
        FraudPrevention = "fraud-prevention", dpv!(core "FraudPreventionAndDetection"), "the prevention and detection of fraud";
        Employment = "employment", dpv!(none), "employment, social security and social protection";
        HealthCare = "health-care", dpv!(none), "medical diagnosis and the provision of health or social care or treatment";
        LegalClaims = "legal-claims", dpv!(none), "legal claims and courts acting in their judicial capacity";
        Research = "research", dpv!(none), "scientific or historical research or statistics";
        Archiving = "archiving", dpv!(none), "archiving in the public interest";
        Journalism = "journalism", dpv!(none), "journalistic, artistic or literary purposes";
        Household = "household", dpv!(none), "a purely personal or household activity";
        ManifestlyPublic = "manifestly-public", dpv!(none), "data the person has made public";
        OtherLaw = "other-law", dpv!(none), "whatever other laws provide (\"unless laws provide otherwise\")";
    }
    aliases {
        Consent => ["opt-in", "agreement", "permission"];
        SeparateConsent => ["explicit-consent", "express-consent", "specific-consent", "written-consent"];
        PublicSecurity => ["public-safety", "safety"];
        StateSecurity => ["national-security", "security-of-the-state"];
        Defence => ["defense", "national-defence", "national-defense", "military", "armed-forces"];
        InternationalRelations => ["foreign-relations", "foreign-affairs", "diplomacy", "international-affairs", "foreign-policy"];
        CriminalInvestigation => ["crime", "law-enforcement", "prosecution", "policing", "crime-prevention"];
        PublicInterest => ["general-interest", "common-good"];
        SubstantialPublicInterest => ["important-public-interest", "substantial-interest"];
        PublicHealth => ["epidemic", "pandemic", "health-emergency", "public-health-emergency"];
        Economic => ["economy", "economic-interest", "economic-wellbeing"];
        Taxation => ["tax", "taxes", "revenue", "fiscal", "tax-collection"];
        Disorder => ["disorder", "public-order", "prevention-of-disorder-or-crime"];
        Morals => ["morals", "morality", "public-morals"];
        RightsOfOthers => ["rights-and-freedoms-of-others", "third-party-rights", "others-rights"];
        LegalObligation => ["legal-duty", "legal-requirement", "compliance"];
        StatutoryDuty => ["public-task", "official-authority", "official-functions", "statutory-function"];
        VitalInterest => ["protection-of-life", "life", "vital-interests-of-the-person"];
        Contract => ["contractual-necessity", "performance-of-contract", "contractual"];
        LegitimateInterest => ["legitimate-interests", "balancing-of-interests"];
        FraudPrevention => ["fraud", "anti-fraud", "fraud-detection", "anti-money-laundering", "aml"];
        Employment => ["labour", "employee", "human-resources", "hr", "social-security", "social-protection"];
        HealthCare => ["healthcare", "medical", "medical-diagnosis", "treatment", "social-care", "medicine"];
        LegalClaims => ["judicial", "litigation", "court", "defence-of-legal-claims"];
        Research => ["statistics", "statistical", "scientific-research", "historical-research", "science"];
        Archiving => ["archive", "archival", "public-archives"];
        Journalism => ["journalistic", "press", "media", "news", "artistic", "literary", "freedom-of-expression"];
        Household => ["personal-use", "household-exemption", "domestic", "private-use", "personal-activity"];
        ManifestlyPublic => ["made-public", "publicly-available", "public-data", "self-disclosed"];
        OtherLaw => ["unless-laws-provide-otherwise", "otherwise-provided-by-law", "other-laws-provide"];
    }
}

impl Purpose {
    /// The family of the purpose: public-security, criminal-investigation, the prevention of
    /// disorder, defence and international-relations are [`Purpose::StateSecurity`]-family
    /// state purposes; substantial-public-interest, public-health, taxation, research,
    /// archiving and the other ECHR art. 8(2) aims are [`Purpose::PublicInterest`] grounds,
    /// except the rights and freedoms of others, which protects third parties rather than a
    /// purpose of the state; separate-consent is a kind of consent. The rest have none:
    /// fraud-prevention among them, since private firms prevent fraud too, and journalism,
    /// household and health-care.
    ///
    /// ```
    /// use lexgap::model::Purpose;
    /// assert_eq!(Purpose::CriminalInvestigation.family(), Some(Purpose::StateSecurity));
    /// assert_eq!(Purpose::Defence.family(), Some(Purpose::StateSecurity));
    /// assert_eq!(Purpose::SubstantialPublicInterest.family(), Some(Purpose::PublicInterest));
    /// assert_eq!(Purpose::Taxation.family(), Some(Purpose::PublicInterest));
    /// assert_eq!(Purpose::FraudPrevention.family(), None);
    /// assert_eq!(Purpose::RightsOfOthers.family(), None);
    /// assert_eq!(Purpose::Consent.family(), None);
    /// ```
    pub fn family(self) -> Option<Purpose> {
        use Purpose::*;
        match self {
            PublicSecurity
            | CriminalInvestigation
            | Disorder
            | Defence
            | InternationalRelations => Some(StateSecurity),
            SubstantialPublicInterest
            | PublicHealth
            | Economic
            | Taxation
            | Morals
            | Research
            | Archiving => Some(PublicInterest),
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
    /// assert!(Purpose::Defence.is_state_purpose());
    /// assert!(!Purpose::Contract.is_state_purpose());
    /// assert!(!Purpose::FraudPrevention.is_state_purpose());
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
