//! The embedded corpus: the only file that knows where the data is. Adding a file under
//! `provisions/` means adding one line here; a test fails if the two disagree.

/// The version of the bundled corpus: the date its texts were last checked against the
/// reference texts.
pub const CORPUS_VERSION: &str = "2026-12-01";

macro_rules! provision_file {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/provisions/", $path)),
        )
    };
}

/// `provisions/jurisdictions.toml`.
pub(crate) static JURISDICTIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/provisions/jurisdictions.toml"
));

/// Every instrument file, by path under `provisions/`, sorted.
pub(crate) static FILES: &[(&str, &str)] = &[
    provision_file!("au/privacy-act-1988.toml"),
    provision_file!("ca/pipeda.toml"),
    provision_file!("cn/civil-code.toml"),
    provision_file!("cn/constitution.toml"),
    provision_file!("cn/pipl-draft-2020.toml"),
    provision_file!("cn/pipl.toml"),
    provision_file!("coe/echr.toml"),
    provision_file!("eu/ai-act.toml"),
    provision_file!("eu/charter.toml"),
    provision_file!("eu/gdpr.toml"),
    provision_file!("eu/led.toml"),
    provision_file!("gb/dpa-2018.toml"),
    provision_file!("in/dpdp-2023.toml"),
    provision_file!("intl/beijing-ai-principles.toml"),
    provision_file!("ke/dpa-2019.toml"),
    provision_file!("ng/ndpa-2023.toml"),
    provision_file!("sg/pdpa.toml"),
    provision_file!("un/iccpr.toml"),
    provision_file!("un/udhr.toml"),
    provision_file!("us-ca/ccpa.toml"),
    provision_file!("us/constitution.toml"),
    provision_file!("za/popia.toml"),
];
