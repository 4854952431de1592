//! Instruments and their texts: kind, status, legal value, and how two provisions relate.

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
    aliases {
        Constitution => ["basic-law", "constitutional"];
        Statute => ["act", "law", "legislation", "code"];
        DraftStatute => ["draft", "bill", "draft-law", "proposal"];
        Regulation => ["administrative-regulation", "decree", "ordinance"];
        Directive => ["eu-directive"];
        Treaty => ["convention", "covenant", "agreement", "international-agreement"];
        Charter => ["bill-of-rights", "charter-of-rights"];
        Declaration => ["resolution", "universal-declaration"];
        SoftLaw => ["guidelines", "guidance", "principles", "recommendation", "code-of-conduct"];
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
    aliases {
        Draft => ["proposed", "bill", "pending"];
        InForce => ["effective", "current", "valid", "applicable"];
        Adopted => ["enacted", "passed", "promulgated", "signed"];
        Superseded => ["replaced", "outdated", "obsolete"];
        Repealed => ["revoked", "abolished", "annulled", "expired"];
    }
}

vocabulary! {
    /// What kind of jurisdiction a registry entry is: a state makes national law, a
    /// subdivision sub-national law; supranational and international bodies make neither.
    pub enum JurisdictionLevel ("jurisdiction level") {
        State = "state", dpv!(none), "a state, whose laws are national law (ISO 3166-1 code)";
        Subdivision = "subdivision", dpv!(none), "a part of a state with its own laws: a state of a federation, a province, a special administrative region (ISO 3166-2 code)";
        Supranational = "supranational", dpv!(none), "a union of states whose acts bind its members, such as the European Union";
        International = "international", dpv!(none), "an international organisation or body: treaty bodies, the United Nations, standard-setters";
    }
    aliases {
        State => ["national", "country", "nation", "sovereign-state"];
        Subdivision => ["sub-national", "subnational", "province", "region", "federal-state", "territory"];
        Supranational => ["union", "regional-organisation", "regional-organization"];
        International => ["intergovernmental", "international-organisation", "international-organization", "global"];
    }
}

vocabulary! {
    /// What a text in one language is worth in law.
    pub enum LegalValue ("legal value") {
        Authentic = "authentic", dpv!(none), "an authentic text of the instrument";
        OfficialTranslation = "official-translation", dpv!(none), "a translation published by the law-maker or government, for reference";
        UnofficialTranslation = "unofficial-translation", dpv!(none), "a translation by a third party, or a working translation of ours";
    }
    aliases {
        Authentic => ["original", "authoritative", "binding-text"];
        OfficialTranslation => ["government-translation", "reference-translation"];
        UnofficialTranslation => ["third-party-translation", "working-translation", "informal-translation"];
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
    aliases {
        Equivalent => ["same", "equal", "identical", "equivalence", "equivalent-to", "equal-to"];
        Overlapping => ["overlap", "partial", "partial-overlap", "intersects-with", "intersects"];
        Narrower => ["narrow", "subset", "more-specific", "subset-of"];
        Broader => ["broad", "wider", "superset", "more-general", "superset-of"];
        SuccessorOf => ["successor", "supersedes", "replaces", "later-version", "amends"];
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
