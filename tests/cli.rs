//! The `lexgap` command (built with `--features cli`): the JSON of each command pinned by
//! snapshots, exit codes, did-you-mean, and `check` on a directory with ten mistakes.

use std::process::{Command, Output};

fn lexgap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lexgap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .expect("the lexgap binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

#[test]
fn json_of_each_command() {
    let cases: &[(&str, &[&str], i32)] = &[
        (
            "list",
            &["list", "--jurisdiction", "coe", "--format", "json"],
            0,
        ),
        ("show", &["show", "coe/echr/art-8", "--format", "json"], 0),
        (
            "gaps",
            &[
                "gaps",
                "cn/pipl-draft-2020/art-27",
                "--baseline",
                "eu/gdpr/art-9",
                "eu/gdpr/art-35",
                "--scope",
                "instrument",
                "--format",
                "json",
            ],
            1,
        ),
        (
            "matrix",
            &[
                "matrix",
                "--baseline",
                "eu/gdpr/art-9",
                "eu/gdpr/art-35",
                "coe/echr/art-8",
                "--format",
                "json",
            ],
            0,
        ),
        (
            "diff",
            &[
                "diff",
                "cn/pipl-draft-2020/art-27",
                "cn/pipl/art-26",
                "--format",
                "json",
            ],
            1,
        ),
        (
            "version-diff",
            &["diff", "cn/pipl-draft-2020", "cn/pipl", "--format", "json"],
            1,
        ),
        (
            "align",
            &["align", "cn/pipl-draft-2020", "cn/pipl", "--format", "json"],
            0,
        ),
    ];
    for (name, args, code) in cases {
        let o = lexgap(args);
        assert_eq!(
            o.status.code(),
            Some(*code),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = stdout(&o);
        let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(
            json["schema_version"],
            lexgap::render::SCHEMA_VERSION,
            "{name}"
        );
        insta::assert_snapshot!(format!("cli_json_{name}"), out);
    }
}

#[test]
fn unknown_ids_are_usage_errors_with_a_suggestion() {
    let o = lexgap(&["show", "eu/gdpr/art-35x"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: no provision `eu/gdpr/art-35x`; did you mean `eu/gdpr/art-35`?\n"
    );
    let o = lexgap(&["gaps", "cn/pipl/art-26", "--baseline", "eu/gpdr"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: no instrument `eu/gpdr`; did you mean `eu/gdpr`?\n"
    );
    let o = lexgap(&["gaps"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "clap reports a missing argument as a usage error"
    );
}

#[test]
fn check_reports_ten_located_problems_and_exits_1() {
    let o = lexgap(&["check", "tests/data/cli-ten-mistakes"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 10, "{out}");
    for line in out.lines() {
        let (loc, _) = line.split_once(": ").expect("origin:line:column: message");
        assert_eq!(loc.split(':').count(), 3, "{line}");
    }
    insta::assert_snapshot!(out);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "10 problems\n");
}

#[test]
fn check_accepts_the_bundled_corpus() {
    let o = lexgap(&["check", "provisions"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).starts_with("ok: "));
}

#[test]
fn text_diff_prints_a_word_diff_like_git() {
    let dir = std::env::temp_dir().join(format!("lexgap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "The data subject shall have the right.\nSecond line.\n").unwrap();
    std::fs::write(&b, "The individual shall have the right.\nSecond line.\n").unwrap();
    let o = lexgap(&["diff", "--text", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "The [-data subject-]{+individual+} shall have the right.\nSecond line.\n"
    );
    let same = lexgap(&["diff", "--text", a.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_file_and_html() {
    let dir = std::env::temp_dir().join(format!("lexgap-cli-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("gaps.html");
    let o = lexgap(&[
        "gaps",
        "cn/constitution/art-40",
        "-b",
        "coe/echr/art-8",
        "-f",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(r#"data-code="open-ended-exception""#));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn help_shows_examples() {
    let o = lexgap(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("Examples:\n  lexgap list --jurisdiction cn"),
        "{out}"
    );
    assert!(out.contains("Exit codes: 0 ok"));
}

#[test]
fn own_corpus_beside_the_bundled_one() {
    let dir = "examples/own-provisions";
    // Alone, the user's file cites bundled provisions that are not there.
    let alone = lexgap(&["check", dir]);
    assert_eq!(alone.status.code(), Some(1));
    assert!(
        stdout(&alone).contains("which is not in the corpus"),
        "{}",
        stdout(&alone)
    );
    let with = lexgap(&["check", dir, "--with-bundled"]);
    assert_eq!(with.status.code(), Some(0), "{}", stdout(&with));
    let o = lexgap(&[
        "gaps",
        "zz/cctv-policy",
        "--baseline",
        "eu/gdpr/art-35",
        "--corpus",
        dir,
        "--with-bundled",
        "--format",
        "csv",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout(&o).contains("no-impact-assessment,absent,medium,"),
        "{}",
        stdout(&o)
    );
}
