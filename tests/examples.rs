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
