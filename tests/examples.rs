//! Every example's output, pinned: the examples' own `run` functions are compiled in here, so
//! what is tested is exactly what `cargo run --example NAME` prints.

#![allow(dead_code)]

use lexgap::render::Format;

#[path = "../examples/article40_exceptions.rs"]
mod article40_exceptions;
#[path = "../examples/custom_rule.rs"]
mod custom_rule;
#[path = "../examples/gap_matrix.rs"]
mod gap_matrix;
#[path = "../examples/own_corpus.rs"]
mod own_corpus;
#[path = "../examples/pipl_draft_vs_final.rs"]
mod pipl_draft_vs_final;
#[path = "../examples/pipl_vs_gdpr.rs"]
mod pipl_vs_gdpr;
#[path = "../examples/world_matrix.rs"]
mod world_matrix;

type Run = fn(Format, bool, u16, &mut dyn std::io::Write) -> Result<(), Box<dyn std::error::Error>>;

fn output(run: Run, format: Format) -> String {
    let mut buf = Vec::new();
    // At 80 columns, the width the reports are written for.
    run(format, false, 80, &mut buf).expect("the example runs");
    String::from_utf8(buf).expect("utf-8")
}

#[test]
fn formatted_examples_in_table_and_markdown() {
    let examples: [(&str, Run); 4] = [
        ("pipl_vs_gdpr", pipl_vs_gdpr::run),
        ("article40_exceptions", article40_exceptions::run),
        ("pipl_draft_vs_final", pipl_draft_vs_final::run),
        ("gap_matrix", gap_matrix::run),
    ];
    for (name, run) in examples {
        insta::assert_snapshot!(format!("{name}_table"), output(run, Format::Table));
        insta::assert_snapshot!(format!("{name}_md"), output(run, Format::Markdown));
    }
}

#[test]
fn main_example_in_every_format() {
    let csv = output(pipl_vs_gdpr::run, Format::Csv);
    let json = output(pipl_vs_gdpr::run, Format::Json);
    // One rectangular table, RFC 4180 line ends, the finding in its summary section.
    assert!(
        crate::support::csv_has_finding(&csv, "no-impact-assessment", "absent", "medium"),
        "{csv}"
    );
    let (header, _) = csv.split_once("\r\n").expect("CRLF line ends");
    assert!(
        header.starts_with("section,") && !header.contains('\n'),
        "{header}"
    );
    assert!(csv.ends_with("\r\n"));
    assert!(json.starts_with('{') && serde_json::from_str::<serde_json::Value>(&json).is_ok());
    assert!(json.contains("\"kind\": \"gap-report\""));
    let html = output(pipl_vs_gdpr::run, Format::Html);
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<del>") && html.contains("<ins>")
    );
}

/// The world matrix: the national laws only, each with its jurisdiction and coverage, the
/// legend of codes and statuses, and in Markdown the coverage of each law in its own words.
#[test]
fn world_matrix_example() {
    let run = |format| {
        let mut buf = Vec::new();
        world_matrix::run(format, &[], false, 80, &mut buf).expect("the example runs");
        String::from_utf8(buf).expect("utf-8")
    };
    let table = run(Format::Table);
    insta::assert_snapshot!("world_matrix_table", table);
    let md = run(Format::Markdown);
    insta::assert_snapshot!("world_matrix_md", md);
    assert!(md.contains("## Coverage of each law"), "{md}");
    // Treaties, constitutions, drafts and EU acts are not national privacy laws.
    for id in [
        "coe/echr",
        "cn/constitution",
        "cn/pipl-draft-2020",
        "eu/led",
        "eu/gdpr",
    ] {
        assert!(!table.contains(&format!("({id})")), "{id} in\n{table}");
    }
    assert!(table.contains("South Africa: POPIA"), "{table}");
}

#[test]
fn custom_rule_example() {
    let mut buf = Vec::new();
    custom_rule::run(&mut buf).unwrap();
    insta::assert_snapshot!(String::from_utf8(buf).unwrap());
}

#[test]
fn own_corpus_example() {
    let mut buf = Vec::new();
    own_corpus::run(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/own-provisions"),
        &mut buf,
    )
    .unwrap();
    insta::assert_snapshot!(String::from_utf8(buf).unwrap());
}
