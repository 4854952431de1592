//! Derogations: their form, to whom they delegate, and the rights they may switch off.

vocabulary! {
    /// The form a derogation takes in the text. Descriptive: the rules read its effect,
    /// coverage, grounds and conditions.
    pub enum DerogationForm ("derogation form") {
        CarveOut = "carve-out", dpv!(none), "an exception written into a rule: \"…except where…\", \"unless laws provide otherwise\"";
        Exemption = "exemption", dpv!(none), "named provisions do not apply to some processing: \"sections 4 to 8 do not apply to…\"";
        Exclusion = "exclusion", dpv!(none), "the instrument does not apply to some processing or some actors (material or personal scope)";
        Restriction = "restriction", dpv!(none), "a power of the law-maker to restrict rights and obligations: \"Member State law may restrict…\"";
        Disapplication = "disapplication", dpv!(none), "a power of the executive to exempt or disapply: \"the Minister may, by order, exempt…\"";
        Limitation = "limitation", dpv!(none), "a general limitation clause on the rights of a bill of rights or treaty";
    }
    aliases {
        CarveOut => ["exception", "proviso", "unless", "save-where"];
        Exemption => ["exempt", "disapplied-provisions", "does-not-apply"];
        Exclusion => ["scope-exclusion", "out-of-scope", "material-scope", "personal-scope"];
        Restriction => ["restriction-power", "restrict", "limitation-power"];
        Disapplication => ["executive-exemption", "ministerial-exemption", "notification", "order"];
        Limitation => ["limitation-clause", "general-limitation", "limits-on-rights"];
    }
}

vocabulary! {
    /// To whom a derogation leaves its grounds.
    pub enum Delegate ("delegate") {
        Law = "law", dpv!(none), "other laws or regulations: a formal legal basis and nothing more";
        Executive = "executive", dpv!(none), "the government, a minister or an agency, by order or notification";
    }
    aliases {
        Law => ["other-law", "statute", "legislation", "laws"];
        Executive => ["government", "minister", "ministry", "cabinet", "regulator", "order"];
    }
}

vocabulary! {
    /// A right a derogation may switch off; each counts as a safeguard kind for the rules.
    pub enum Right ("right") {
        Information = "information", dpv!(none), "to be told about the processing";
        Access = "access", dpv!(none), "to access the data";
        Rectification = "rectification", dpv!(none), "to have the data corrected";
        Erasure = "erasure", dpv!(none), "to have the data erased";
        Restriction = "restriction", dpv!(none), "to have the processing restricted";
        Portability = "portability", dpv!(none), "to receive or transfer the data";
        Objection = "objection", dpv!(none), "to object to the processing";
        AutomatedDecision = "automated-decision", dpv!(none), "not to be subject to a decision based solely on automated processing";
        BreachCommunication = "breach-communication", dpv!(none), "to be told of a personal data breach";
        Remedy = "remedy", dpv!(none), "to an effective judicial remedy";
    }
    aliases {
        Information => ["notice", "to-be-informed", "transparency"];
        Access => ["subject-access", "right-of-access"];
        Rectification => ["correction", "correct"];
        Erasure => ["deletion", "delete", "right-to-be-forgotten"];
        Restriction => ["restrict-processing", "blocking"];
        Portability => ["data-portability"];
        Objection => ["object", "opt-out"];
        AutomatedDecision => ["profiling", "automated-decision-making", "human-review"];
        BreachCommunication => ["breach-notice", "data-breach"];
        Remedy => ["judicial-remedy", "complaint", "redress"];
    }
}
