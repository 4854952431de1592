//! Categories of data and their hierarchy.

vocabulary! {
    /// Categories of data, in a hierarchy (see [`DataCategory::parent`]).
    pub enum DataCategory ("data category") {
        PersonalData = "personal-data", dpv!(core "PersonalData"), "any information relating to an identified or identifiable natural person";
        Sensitive = "sensitive-data", dpv!(core "SensitivePersonalData"), "personal data whose processing the law treats as especially risky (special categories, sensitive personal information)";
        Biometric = "biometric", dpv!(pd "Biometric"), "data from technical processing of physical, physiological or behavioural characteristics that identify a person";
        FacialImage = "facial-image", dpv!(pd "FacialPrint"), "facial images processed by specific technical means to identify or authenticate a person uniquely (biometric)";
        IdentityFeatures = "identity-features", dpv!(none), "features used to recognise a person's identity (身份特征, 身份识别信息)";
        Fingerprint = "fingerprint", dpv!(pd "Fingerprint"), "fingerprints and the patterns taken from them (dactyloscopic data)";
        Voiceprint = "voiceprint", dpv!(none), "voiceprints: the characteristics of a person's voice that identify them";
        Genetic = "genetic", dpv!(pd "Genetic"), "data on inherited or acquired genetic characteristics";
        Health = "health", dpv!(pd "Health"), "data concerning physical or mental health";
        RacialEthnic = "racial-ethnic", dpv!(none), "data revealing racial or ethnic origin";
        Religion = "religion", dpv!(none), "data revealing religious or philosophical beliefs";
        PoliticalOpinion = "political-opinion", dpv!(none), "data revealing political opinions";
        TradeUnion = "trade-union", dpv!(pd "TradeUnionMembership"), "data revealing trade-union membership";
        SexLife = "sex-life", dpv!(none), "data concerning sex life or sexual orientation";
        Financial = "financial", dpv!(pd "Financial"), "financial accounts and similar financial data";
        Location = "location", dpv!(pd "Location"), "location and movement (行踪) data";
        Minors = "minors", dpv!(none), "personal data of children (under 14 in the PIPL)";
        Correspondence = "correspondence", dpv!(none), "the content and the freedom and privacy of correspondence and communications";
        Home = "home", dpv!(none), "the home and its inviolability";
        Criminal = "criminal", dpv!(none), "data relating to criminal convictions and offences";
        Image = "image", dpv!(pd "Picture"), "images or photographs of a person, biometric only when processed by specific technical means to identify the person uniquely (GDPR art. 4(14), recital 51)";
        PublicImage = "public-image", dpv!(none), "images and identity data collected in public places";
    }
    aliases {
        PersonalData => ["personal-information", "personal-info", "pii", "personally-identifiable-information"];
        Sensitive => ["special-category", "special-category-data", "sensitive", "sensitive-personal-information", "sensitive-personal-data"];
        Biometric => ["biometrics", "biometric-data", "biometric-information"];
        FacialImage => ["face", "faceprint", "facial-print", "facial-features", "face-image", "facial-recognition"];
        IdentityFeatures => ["identity", "identity-data", "identifying-features", "identification-information"];
        Fingerprint => ["finger-print", "dactyloscopic-data", "fingerprint-data"];
        Voiceprint => ["voice", "voice-print", "voice-data", "speaker-recognition"];
        Genetic => ["dna", "genetic-data", "genetics"];
        Health => ["medical", "medical-data", "health-data", "medical-records"];
        RacialEthnic => ["race", "ethnicity", "racial-origin", "ethnic-origin"];
        Religion => ["religious-beliefs", "philosophical-beliefs", "belief", "faith"];
        PoliticalOpinion => ["politics", "political-views", "political-beliefs"];
        TradeUnion => ["trade-union-membership", "union-membership", "labour-union"];
        SexLife => ["sexual-orientation", "sexuality", "sex"];
        Financial => ["finance", "bank-account", "financial-account", "payment-data"];
        Location => ["whereabouts", "movements", "geolocation", "gps", "tracking"];
        Minors => ["children", "child", "child-data", "youth"];
        Correspondence => ["communications", "letters", "mail", "messages"];
        Home => ["dwelling", "residence", "domicile", "house"];
        Criminal => ["criminal-records", "convictions", "offences", "criminal-convictions"];
        Image => ["photo", "photograph", "picture", "portrait"];
        PublicImage => ["cctv-footage", "surveillance-footage", "public-place-images"];
    }
}

impl DataCategory {
    /// The broader category, if any: fingerprint and voiceprint are identity-features;
    /// facial-image and identity-features are biometric; biometric, genetic, health, trade-union
    /// and the other special categories are sensitive-data; sensitive-data and every other
    /// category (image among them: a photograph is biometric only when processed to identify
    /// someone uniquely, which is facial-image) are personal-data.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert_eq!(DataCategory::FacialImage.parent(), Some(DataCategory::Biometric));
    /// assert_eq!(DataCategory::Fingerprint.parent(), Some(DataCategory::IdentityFeatures));
    /// assert_eq!(DataCategory::TradeUnion.parent(), Some(DataCategory::Sensitive));
    /// assert_eq!(DataCategory::Image.parent(), Some(DataCategory::PersonalData));
    /// assert_eq!(DataCategory::PersonalData.parent(), None);
    /// ```
    pub fn parent(self) -> Option<DataCategory> {
        use DataCategory::*;
        match self {
            PersonalData => None,
            Sensitive | Correspondence | Home | Image | PublicImage => Some(PersonalData),
            FacialImage | IdentityFeatures => Some(Biometric),
            Fingerprint | Voiceprint => Some(IdentityFeatures),
            Biometric | Genetic | Health | RacialEthnic | Religion | PoliticalOpinion
            | TradeUnion | SexLife | Financial | Location | Minors | Criminal => Some(Sensitive),
        }
    }

    /// Whether `self` is `other` or falls under it in the hierarchy.
    ///
    /// ```
    /// use lexgap::model::DataCategory;
    /// assert!(DataCategory::IdentityFeatures.is_a(DataCategory::Biometric));
    /// assert!(DataCategory::Voiceprint.is_a(DataCategory::Sensitive));
    /// assert!(DataCategory::Biometric.is_a(DataCategory::PersonalData));
    /// assert!(!DataCategory::Sensitive.is_a(DataCategory::Biometric));
    /// assert!(!DataCategory::Image.is_a(DataCategory::Biometric));
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
