//! The `lexgap` command (built with `--features cli`): the JSON of each command pinned by
//! snapshots, the exit code of each command and outcome, did-you-mean, the format from `-o`'s
//! extension, the width of tables, and `check` on a directory with ten mistakes, on
//! directories it cannot read, and on entries it skips.

use std::path::Path;
use std::process::{Command, Output};

use crate::load_errors::{scratch_corpus, scratch_dir};

fn lexgap(args: &[&str]) -> Output {
    lexgap_with_columns(args, None)
}

/// Runs `lexgap` with `COLUMNS` set to `columns`, or unset.
fn lexgap_with_columns(args: &[&str], columns: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lexgap"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        command.env("COLUMNS", c);
    }
    command.output().expect("the lexgap binary runs")
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
            1,
        ),
        (
            "matrix_world",
            &[
                "matrix",
                "--world",
                "--baseline",
                "eu/gdpr",
                "--format",
                "json",
            ],
            1,
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
            json["schema-version"],
            lexgap::render::SCHEMA_VERSION,
            "{name}"
        );
        match *name {
            // Thousands of lines of scores and offsets: what a reader checks is the shape
            // every consumer parses and one line per entry, with the scores rounded.
            "version-diff" => {
                insta::assert_snapshot!("cli_json_version_diff_digest", version_digest(&json))
            }
            "align" => insta::assert_snapshot!("cli_json_align_digest", align_digest(&json)),
            _ => insta::assert_snapshot!(format!("cli_json_{name}"), out),
        }
    }
}

/// Every key path of a JSON value (`data.entries[].diffs[].old-lang`), once each, sorted.
fn key_paths(v: &serde_json::Value, path: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                out.insert(p.clone());
                key_paths(v, &p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for v in a {
                key_paths(v, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

fn shape(json: &serde_json::Value) -> String {
    let mut paths = std::collections::BTreeSet::new();
    key_paths(json, "", &mut paths);
    paths.into_iter().collect::<Vec<_>>().join("\n")
}

fn ids(v: &serde_json::Value) -> String {
    let ids: Vec<&str> = v
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    ids.join(" + ")
}

fn score(v: &serde_json::Value) -> String {
    v.as_f64().map_or("-".to_owned(), |s| format!("{s:.3}"))
}

/// The draft/final PIPL version diff: each entry's fate, and for each of its diffs the
/// language, the similarity and the norm changes found.
fn version_digest(json: &serde_json::Value) -> String {
    let d = &json["data"];
    let mut out = format!(
        "{} -> {} (old complete: {}, new complete: {})\n",
        d["old"], d["new"], d["old-complete"], d["new-complete"]
    );
    for e in d["entries"].as_array().into_iter().flatten() {
        out += &format!(
            "{} {} -> {} renumbered={} amended={} score={}\n",
            e["status"].as_str().unwrap_or("?"),
            ids(&e["old"]),
            ids(&e["new"]),
            e["renumbered"],
            e["amended"],
            score(&e["score"]),
        );
        for diff in e["diffs"].as_array().into_iter().flatten() {
            let changes: Vec<String> = diff["structure"]["norms"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|n| n["changes"].as_array().into_iter().flatten())
                .chain(
                    diff["structure"]["derogations"]
                        .as_array()
                        .into_iter()
                        .flatten(),
                )
                .map(|c| c["kind"].as_str().unwrap_or("?").to_owned())
                .collect();
            out += &format!(
                "  {} -> {} in {}/{}: similarity {}, {} lines, changes [{}]\n",
                diff["old"].as_str().unwrap_or("?"),
                diff["new"].as_str().unwrap_or("?"),
                diff["old-lang"].as_str().unwrap_or("-"),
                diff["new-lang"].as_str().unwrap_or("-"),
                score(&diff["text"]["similarity"]),
                diff["text"]["lines"].as_array().map_or(0, Vec::len),
                changes.join(", "),
            );
        }
    }
    format!("{out}\nkeys:\n{}", shape(json))
}

/// The draft/final PIPL alignment: its groups, then every candidate pair with its relation,
/// its score and the kinds of evidence behind it.
fn align_digest(json: &serde_json::Value) -> String {
    let d = &json["data"];
    let mut out = format!(
        "{} <-> {}, mode {}, langs {}\n",
        d["left"], d["right"], d["mode"], d["langs"]
    );
    for g in d["groups"].as_array().into_iter().flatten() {
        out += &format!(
            "group {}: {} -> {}\n",
            g["kind"].as_str().unwrap_or("?"),
            ids(&g["left"]),
            ids(&g["right"])
        );
    }
    for c in d["candidates"].as_array().into_iter().flatten() {
        let reasons: Vec<&str> = c["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["reason"]["kind"].as_str())
            .collect();
        out += &format!(
            "pair {} -> {} {}{} {} {} {} [{}]\n",
            c["left"].as_str().unwrap_or("?"),
            c["right"].as_str().unwrap_or("?"),
            c["crosswalk"].as_str().unwrap_or("?"),
            c["lifecycle"]
                .as_str()
                .map_or(String::new(), |l| format!(" ({l})")),
            c["confidence"]["level"].as_str().unwrap_or("?"),
            c["rationale"].as_str().unwrap_or("?"),
            score(&c["score"]),
            reasons.join(", "),
        );
    }
    format!("{out}\nkeys:\n{}", shape(json))
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
    assert!(o.stderr.is_empty(), "an exact diff says nothing on stderr");
    let same = lexgap(&["diff", "--text", a.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    // Fix (issue 11, 7): a diff past its budget said so only in Markdown and JSON. The redline
    // stays a correct diff on stdout; stderr says it is approximate, and why.
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let o = lexgap(&["diff", "--text", "--budget", "0", a, b]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr.clone()).unwrap();
    assert!(err.starts_with("lexgap: approximate diff: "), "{err}");
    assert!(stdout(&o).contains("{+individual+}"), "{}", stdout(&o));
    let o = lexgap(&["diff", "--budget", "0", "cn/pipl-draft-2020", "cn/pipl"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "error: `--budget` applies to `--text` diffs\n"
    );
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
        crate::support::csv_has_finding(&stdout(&o), "no-impact-assessment", "absent", "medium"),
        "{}",
        stdout(&o)
    );
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 output")
}

/// Runs `lexgap` and fails, instead of hanging, if it takes more than 30 seconds.
fn lexgap_within_30s(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lexgap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the lexgap binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("waiting for lexgap").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`lexgap {}` hangs", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("lexgap's output")
}

/// The system's message for reading `path`, as `check` prints it after the error.
fn os_reason(path: &Path) -> String {
    std::fs::read_dir(path)
        .map(|_| ())
        .and_then(|()| std::fs::read(path).map(|_| ()))
        .unwrap_err()
        .to_string()
}

/// Fix (issue 11): `check` on a directory that cannot be read printed an invented `:1:1`,
/// without the system's reason, and exited 1; the README says 2. A directory with no
/// instrument file exited 0 with `ok: 0 instruments`. Both exit 2 now, located at the
/// directory alone.
#[test]
fn check_exits_2_for_what_it_cannot_read() {
    let missing = "tests/data/no-such-dir";
    let o = lexgap(&["check", missing]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        format!(
            "tests/data/no-such-dir: failed to read `tests/data/no-such-dir`: {}\n",
            os_reason(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(missing)
                    .as_path()
            )
        )
    );
    assert_eq!(stderr(&o), "1 problem\n");

    let empty = scratch_dir("cli-empty");
    let o = lexgap(&["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        "cli-empty: no instrument file in this directory (instrument files go at \
         `<jurisdiction>/<name>.toml`)\n"
    );
    assert_eq!(stderr(&o), "1 problem\n");
    let o = lexgap(&["check", empty.to_str().unwrap(), "--with-bundled"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));

    // Other commands: an unreadable `--corpus` is a usage error, with the reason.
    let o = lexgap(&["list", "--corpus", missing]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "error: the corpus at `tests/data/no-such-dir` is invalid:\n\
             tests/data/no-such-dir: failed to read `tests/data/no-such-dir`: {}\n",
            os_reason(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(missing)
                    .as_path()
            )
        )
    );
}

/// An instrument file that cannot be read: exit 2, no invented line, the system's reason.
#[cfg(unix)]
#[test]
fn check_exits_2_for_an_unreadable_file() {
    let dir = scratch_corpus("cli-unreadable");
    // A link to nothing cannot be read, even by root (who reads files without permission).
    std::os::unix::fs::symlink("missing.toml", dir.join("zz/broken.toml")).unwrap();
    let o = lexgap(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let reason = std::fs::read(dir.join("zz/broken.toml"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        stdout(&o),
        format!(
            "cli-unreadable/zz/broken.toml: failed to read `{}`: {reason}\n",
            dir.join("zz/broken.toml").display()
        )
    );
    assert!(stderr(&o).ends_with("1 problem; 3 entries skipped (see the warnings)\n"));
}

/// Fix (issue 11, 6): hidden files and `.TOML` were loaded or ignored without a word. `check`
/// skips them with a warning on standard error, and still exits 0.
#[test]
fn check_warns_of_what_it_skips() {
    let o = lexgap(&["check", "tests/data/dir_with_skips"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "ok: 1 instrument, 1 provision; 3 entries skipped (see the warnings)\n"
    );
    assert_eq!(
        stderr(&o),
        "\
warning: tests/data/dir_with_skips/.archive: skipped a hidden directory (names starting with `.` are not read)
warning: tests/data/dir_with_skips/zz/.draft.toml: skipped a hidden file (names starting with `.` are not read)
warning: tests/data/dir_with_skips/zz/old.TOML: skipped a file ending in `.TOML` (instrument files end in `.toml`, lowercase)
"
    );
    // With `--corpus`, the warnings come before the command's output.
    let o = lexgap(&[
        "list",
        "--corpus",
        "tests/data/dir_with_skips",
        "-f",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 3, "{}", stderr(&o));
    assert!(stderr(&o).starts_with("warning: tests/data/dir_with_skips/.archive: "));
}

/// Fix (issue 11, 4): a named pipe in the directory hung `check` for ever.
#[cfg(unix)]
#[test]
fn check_does_not_hang_on_a_named_pipe() {
    let dir = scratch_corpus("cli-fifo");
    let status = Command::new("mkfifo")
        .arg(dir.join("zz/pipe.toml"))
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "this test needs `mkfifo` (coreutils) to make a named pipe, and it cannot run: {e}"
            )
        });
    assert!(status.success(), "mkfifo failed: {status}");
    let o = lexgap_within_30s(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "ok: 1 instrument, 1 provision; 4 entries skipped (see the warnings)\n"
    );
    assert!(
        stderr(&o).ends_with(
            "warning: cli-fifo/zz/pipe.toml: skipped a named pipe, which is not a regular file \
             (only regular files are read)\n"
        ),
        "{}",
        stderr(&o)
    );
}

/// Fix (issue 11, smaller): a `:` in a file name made `origin:line:column` ambiguous; it is
/// written `%3A`, so that every located line still splits into three at its colons.
#[test]
fn check_encodes_colons_in_file_names() {
    let root = scratch_dir("cli-colon");
    let dir = root.join("my:corpus");
    crate::load_errors::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dir_with_skips"),
        &dir,
    );
    std::fs::write(dir.join("zz/empty.toml"), "").unwrap();
    let o = lexgap(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "my%3Acorpus/zz/empty.toml:1:1: empty file\n");
    let line = stdout(&o);
    let (loc, _) = line.split_once(": ").unwrap();
    assert_eq!(loc.split(':').count(), 3, "{line}");
}

/// The first line of standard error, or nothing.
fn first_err_line(o: &Output) -> String {
    stderr(o).lines().next().unwrap_or_default().to_owned()
}

/// The exit code of every command and outcome, as the README's table has them, and the first
/// line of standard error where the outcome is an error (`-` for an empty standard error, `*`
/// for warnings or messages not checked here).
///
/// Fix (issue "Reports a researcher can cite and read"): `matrix` exited 0 with open gaps; it
/// exits 1, as `gaps` does. `diff --lang` without `--text` was ignored; it is a usage error, as
/// `--budget` is.
#[test]
fn exit_codes_of_every_command() {
    let dir = scratch_dir("cli-exit-codes");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "The controller shall notify the authority.\n").unwrap();
    std::fs::write(&b, "The processor shall notify the authority.\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let missing_txt = dir.join("missing.txt");
    let missing_txt = missing_txt.to_str().unwrap();
    let unwritable = dir.join("no-such-dir/out.txt");
    let unwritable = unwritable.to_str().unwrap();
    let reason = std::fs::read(missing_txt).unwrap_err().to_string();
    let write_reason = std::fs::write(unwritable, "").unwrap_err().to_string();
    let own = "tests/data/dir_with_skips";
    let cases: Vec<(Vec<&str>, i32, String)> = vec![
        // list
        (vec!["list"], 0, "-".into()),
        (vec!["list", "--corpus", own], 0, "*".into()),
        (
            vec!["list", "-j", "xx"],
            2,
            "error: unknown jurisdiction `xx`; the corpus has au, ca, cn, coe, eu, gb, in, intl, \
             ke, ng, oecd, sg, un, us, us-ca, za"
                .into(),
        ),
        (
            vec!["list", "--corpus", "tests/data/cli-ten-mistakes"],
            2,
            "error: the corpus at `tests/data/cli-ten-mistakes` is invalid:".into(),
        ),
        (
            vec!["list", "--with-bundled"],
            2,
            "error: the following required arguments were not provided:".into(),
        ),
        // show
        (vec!["show", "eu/gdpr/art-9"], 0, "-".into()),
        (
            vec!["show", "eu/gdpr"],
            2,
            "error: no provision `eu/gdpr`; `eu/gdpr` names an instrument (the GDPR), not a provision".into(),
        ),
        (vec!["show", "eu/gdpr/art-9(2)(g)"], 0, "-".into()),
        (
            vec!["show", "eu/gdpr/art-9(7)"],
            2,
            "error: `eu/gdpr/art-9` has no paragraph or point `(7)`; its paragraphs are (1), \
             (2), (3), (4)"
                .into(),
        ),
        (
            vec!["show", "eu/gdpr/art-9(2)(z)"],
            2,
            "error: `eu/gdpr/art-9` paragraph (2) has no point (z); its points are (a), (b), \
             (c), (d), (e), (f), (g), (h), (i), (j)"
                .into(),
        ),
        (
            vec!["show", "cn/pipl/art-1(2)"],
            2,
            "error: `cn/pipl/art-1` has no numbered paragraphs or points, so no `(2)`".into(),
        ),
        (
            vec!["show", "eu/gdpr/art-100(1)"],
            2,
            "error: no provision `eu/gdpr/art-100`; the GDPR has articles 1 to 99".into(),
        ),
        // search
        (vec!["search", "生物识别"], 0, "-".into()),
        (vec!["search", "public security"], 0, "-".into()),
        (vec!["search", "zzzunknownzzz"], 1, "-".into()),
        (
            vec!["search", "no-impact-assessment"],
            0,
            "note: `no-impact-assessment` is a gap code; listing the provisions with a safeguard of \
             kind impact-assessment"
                .into(),
        ),
        (
            vec!["search", "open-ended-exception"],
            1,
            "note: `open-ended-exception` is a gap code; searching the words of its title: \
             open-ended exception"
                .into(),
        ),
        (
            vec!["search", "\"\""],
            2,
            "error: nothing to search for".into(),
        ),
        (
            vec!["search"],
            2,
            "error: the following required arguments were not provided:".into(),
        ),
        (
            vec!["search", "biometric", "--cite", "bluebook"],
            2,
            "error: invalid value 'bluebook' for '--cite <FORM>': unknown citation form \
             `bluebook`; expected short, native or id"
                .into(),
        ),
        // codes
        (vec!["codes"], 0, "-".into()),
        (vec!["codes", "--format", "csv", "--bom"], 0, "-".into()),
        (
            vec!["codes", "--bom"],
            2,
            "error: `--bom` applies to CSV output".into(),
        ),
        (
            vec!["codes", "--corpus", own],
            2,
            "error: unexpected argument '--corpus' found".into(),
        ),
        // gaps
        (
            vec!["gaps", "eu/gdpr/art-9", "-b", "eu/gdpr/art-9"],
            0,
            "-".into(),
        ),
        (
            vec!["gaps", "cn/constitution/art-40", "-b", "coe/echr/art-8"],
            1,
            "-".into(),
        ),
        (
            vec!["gaps", "cn/pipl/art-26", "-b", "eu/gpdr"],
            2,
            "error: no instrument `eu/gpdr`; did you mean `eu/gdpr`?".into(),
        ),
        (
            vec!["gaps", "cn/pipl/art-26", "--scope", "article"],
            2,
            "error: invalid value 'article' for '--scope <SCOPE>'".into(),
        ),
        // matrix
        (
            vec!["matrix", "-b", "zz/law/art-1", "--corpus", own],
            0,
            "*".into(),
        ),
        (vec!["matrix", "-b", "eu/gdpr/art-9"], 1, "-".into()),
        (
            vec!["matrix", "-b", "eu/gdpr/art-9x"],
            2,
            "error: no provision `eu/gdpr/art-9x`; did you mean `eu/gdpr/art-9`?".into(),
        ),
        (
            vec!["matrix"],
            2,
            "error: the following required arguments were not provided:".into(),
        ),
        // diff of two provisions
        (
            vec!["diff", "eu/gdpr/art-9", "eu/gdpr/art-9"],
            0,
            "-".into(),
        ),
        (
            vec!["diff", "cn/pipl-draft-2020/art-27", "cn/pipl/art-26"],
            1,
            "-".into(),
        ),
        (
            vec!["diff", "cn/pipl/art-26", "cn/pipl/art-999"],
            2,
            "error: no provision `cn/pipl/art-999`; the PIPL has articles 1 to 74".into(),
        ),
        // diff of two versions
        (vec!["diff", "cn/pipl", "cn/pipl"], 0, "-".into()),
        (vec!["diff", "cn/pipl-draft-2020", "cn/pipl"], 1, "-".into()),
        (
            vec!["diff", "cn/pipl-draft-2020", "cn/piplx"],
            2,
            "error: no instrument `cn/piplx`; did you mean `cn/pipl`?".into(),
        ),
        (
            vec!["diff", "--lang", "zh", "cn/pipl-draft-2020", "cn/pipl"],
            1,
            "-".into(),
        ),
        (
            vec!["diff", "cn/pipl-draft-2020", "cn/pipl", "--effects"],
            1,
            "-".into(),
        ),
        (vec!["diff", "cn/pipl", "cn/pipl", "--effects"], 0, "-".into()),
        (
            vec!["diff", "cn/pipl-draft-2020", "cn/pipl", "--synopsis"],
            1,
            "-".into(),
        ),
        (
            vec!["diff", "cn/pipl-draft-2020/art-27", "cn/pipl/art-26", "--effects"],
            2,
            "error: `--effects` applies to two versions of an instrument (two instrument ids, \
             such as `cn/pipl-draft-2020 cn/pipl`)"
                .into(),
        ),
        (
            vec!["diff", "--text", a, b, "--synopsis"],
            2,
            "error: `--synopsis` applies to two versions of an instrument (two instrument ids, \
             such as `cn/pipl-draft-2020 cn/pipl`)"
                .into(),
        ),
        (
            vec!["diff", "--lang", "x!", "cn/pipl-draft-2020", "cn/pipl"],
            2,
            "error: `x!` is not a language tag (expected a code such as `zh`, `en` or `zh-hant`)"
                .into(),
        ),
        (
            vec!["gaps", "cn/pipl/art-26", "-b", "eu/gdpr/art-9", "--texts", "-f", "csv"],
            2,
            "error: `--texts` applies to table, md and html output: a CSV or JSON report holds \
             the quotes; `lexgap show ID --format json` gives a provision's texts"
                .into(),
        ),
        // diff of two texts
        (vec!["diff", "--text", a, a], 0, "-".into()),
        (vec!["diff", "--text", a, b], 1, "-".into()),
        (
            vec!["diff", "--text", a, missing_txt],
            2,
            format!("error: cannot read `{missing_txt}`: {reason}"),
        ),
        (
            vec!["diff", "--text", "--lang", "x!", a, b],
            2,
            "error: `x!` is not a language tag (expected a code such as `zh`, `en` or `zh-hant`)"
                .into(),
        ),
        // align
        (
            vec!["align", "cn/pipl-draft-2020", "cn/pipl"],
            0,
            "-".into(),
        ),
        (
            vec!["align", "eu/gdpr", "cn/piplx"],
            2,
            "error: no instrument `cn/piplx`; did you mean `cn/pipl`?".into(),
        ),
        (
            vec!["align", "eu/gdpr/art-9", "cn/pipl"],
            2,
            "error: no instrument `eu/gdpr/art-9`; did you mean the instrument `eu/gdpr`?".into(),
        ),
        // check
        (vec!["check", "provisions"], 0, "-".into()),
        (
            vec!["check", "tests/data/cli-ten-mistakes"],
            1,
            "10 problems".into(),
        ),
        (
            vec!["check", "tests/data/no-such-dir"],
            2,
            "1 problem".into(),
        ),
        // writing the output
        (
            vec!["show", "eu/gdpr/art-9", "-o", unwritable],
            2,
            format!("error: cannot write `{unwritable}`: {write_reason}"),
        ),
        // the command line itself
        (vec!["--version"], 0, "-".into()),
        (vec!["--help"], 0, "-".into()),
        (
            vec!["compare"],
            2,
            "error: unrecognized subcommand 'compare'".into(),
        ),
    ];
    for (args, code, err) in &cases {
        let o = lexgap(args);
        let line = first_err_line(&o);
        assert_eq!(
            o.status.code(),
            Some(*code),
            "lexgap {}: {}",
            args.join(" "),
            stderr(&o)
        );
        match err.as_str() {
            "*" => {}
            "-" => assert_eq!(stderr(&o), "", "lexgap {}", args.join(" ")),
            _ => assert_eq!(&line, err, "lexgap {}", args.join(" ")),
        }
        if *code == 2 && err != "*" {
            assert!(
                line.starts_with("error: ") || line.ends_with("problem"),
                "lexgap {}: {line}",
                args.join(" ")
            );
        }
    }
}

/// Fix (issue "Reports a researcher can cite and read"): `check` on an absolute path that does
/// not exist exits 2, as on a relative one, with the system's reason.
#[test]
fn check_exits_2_for_a_missing_absolute_path() {
    let missing = scratch_dir("cli-absolute").join("nonexistent");
    let o = lexgap(&["check", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert_eq!(stderr(&o), "1 problem\n");
    assert!(
        stdout(&o).starts_with(&format!(
            "nonexistent: failed to read `{}`: ",
            missing.display()
        )),
        "{}",
        stdout(&o)
    );
    // The same directory as a `--corpus`: a usage error too.
    let o = lexgap(&["list", "--corpus", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        first_err_line(&o),
        format!("error: the corpus at `{}` is invalid:", missing.display())
    );
}

/// `-o FILE` without `--format` takes the format from the extension (in any case); `--format`
/// wins over it; an unknown extension is a usage error that names the known ones, and writes
/// nothing; a file without an extension gets a table.
#[test]
fn output_format_from_the_extension() {
    let dir = scratch_dir("cli-extensions");
    let list = ["list", "-j", "coe"];
    let with = |extra: &[&str]| {
        let mut args = list.to_vec();
        args.extend_from_slice(extra);
        let o = lexgap(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        o
    };
    for (name, format) in [
        ("list.md", "md"),
        ("list.csv", "csv"),
        ("list.json", "json"),
        ("list.html", "html"),
        ("list.HTM", "html"),
        ("list.txt", "table"),
        ("list", "table"),
    ] {
        let file = dir.join(name);
        let o = with(&["-o", file.to_str().unwrap()]);
        assert!(o.stdout.is_empty(), "{name}");
        // A file's tables are 120 columns wide.
        let expected = stdout(&with(&["--format", format, "--width", "120"]));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), expected, "{name}");
    }
    // `--format` given explicitly wins.
    let file = dir.join("explicit.md");
    with(&["-o", file.to_str().unwrap(), "--format", "json"]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with('{'), "{text}");
    let file = dir.join("explicit.pdf");
    with(&["-o", file.to_str().unwrap(), "-f", "csv"]);
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("id,"));
    // An unknown extension, without `--format`.
    let file = dir.join("list.pdf");
    let o = lexgap(&["list", "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "error: cannot tell the format of `{}` from its extension `.pdf`: give `--format`, \
             or use one of .md, .csv, .json, .html, .htm, .txt\n",
            file.display()
        )
    );
    assert!(!file.exists());
    // `diff --text` too: a file gets the document, not the redline.
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "one two\n").unwrap();
    std::fs::write(&b, "one three\n").unwrap();
    let file = dir.join("diff.json");
    let o = lexgap(&[
        "diff",
        "--text",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).expect("valid JSON");
    assert_eq!(json["schema-version"], lexgap::render::SCHEMA_VERSION);
}

/// The widest line of a text's tables (the lines that start with a box-drawing character, not
/// the titles above them), in characters.
fn widest(text: &str) -> usize {
    text.lines()
        .filter(|l| l.starts_with(|c| ('\u{2500}'..='\u{257f}').contains(&c)))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// `--width N` (at least 40) on every command that prints tables, before or after the
/// command; `COLUMNS` when it is a number of at least 40; else the default width. Fix (issue
/// "Reports a researcher can cite and read"): `COLUMNS=0` (as a terminal that reports 0×0
/// gives) squeezed every column of a table to a few characters.
#[test]
fn widths_of_tables() {
    let default = usize::from(lexgap::render::DEFAULT_WIDTH);
    let plain = lexgap(&["list"]);
    assert_eq!(plain.status.code(), Some(0));
    // Tables fill the width unless their content is narrower (a stacked layout may be).
    let fits = |w: usize, width: usize| w <= width && w + 10 > width;
    assert!(fits(widest(&stdout(&plain)), default), "{}", stdout(&plain));
    for bad in ["0", "abc", "30", "", "-80"] {
        let o = lexgap_with_columns(&["list"], Some(bad));
        assert_eq!(o.status.code(), Some(0), "COLUMNS={bad}");
        assert_eq!(stdout(&o), stdout(&plain), "COLUMNS={bad}");
    }
    let o = lexgap_with_columns(&["list"], Some("60"));
    assert!(fits(widest(&stdout(&o)), 60), "{}", stdout(&o));
    // `--width` wins over `COLUMNS`, wherever it is given.
    for args in [["list", "--width", "80"], ["--width", "80", "list"]] {
        let o = lexgap_with_columns(&args, Some("60"));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(fits(widest(&stdout(&o)), 80), "{args:?}");
    }
    // Every command that prints a table.
    let commands: &[&[&str]] = &[
        &["list"],
        &["show", "eu/gdpr/art-9"],
        &["gaps", "cn/constitution/art-40", "-b", "coe/echr/art-8"],
        &["matrix", "-b", "eu/gdpr/art-9"],
        &["matrix", "--world", "-b", "eu/gdpr"],
        &["counterparts", "eu/gdpr/art-35"],
        &["diff", "cn/pipl-draft-2020/art-27", "cn/pipl/art-26"],
        &["diff", "cn/pipl-draft-2020", "cn/pipl"],
        &["diff", "cn/pipl-draft-2020", "cn/pipl", "--effects"],
        &["diff", "cn/pipl-draft-2020", "cn/pipl", "--synopsis"],
        &["align", "cn/pipl-draft-2020", "cn/pipl"],
    ];
    for args in commands {
        let mut with_width = args.to_vec();
        with_width.extend(["--width", "80"]);
        let o = lexgap(&with_width);
        assert!(
            widest(&stdout(&o)) <= 80,
            "{}: {}",
            with_width.join(" "),
            widest(&stdout(&o))
        );
        assert_ne!(stdout(&o), stdout(&lexgap(args)), "{}", args.join(" "));
    }
    // In a file too.
    let file = scratch_dir("cli-widths").join("list.txt");
    let o = lexgap(&["list", "-o", file.to_str().unwrap(), "--width", "80"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(fits(widest(&std::fs::read_to_string(&file).unwrap()), 80));
    // Below 40: a usage error.
    let o = lexgap(&["list", "--width", "39"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        first_err_line(&o),
        "error: invalid value '39' for '--width <N>': 39 is not in 40..=65535"
    );
}

/// `search` (issue "Reports a researcher can cite and read", item 1): words in Chinese and
/// English, an argument with spaces as a phrase, several arguments all matching, a gap code;
/// exit 0 with hits, 1 without.
#[test]
fn search_finds_words_phrases_and_codes() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "csv"]);
        let o = lexgap(&all);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        assert_eq!(o.status.code() == Some(0), o.stdout.len() > 40);
        stdout(&o)
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(1).unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&["生物识别"]),
        ["cn/civil-code/art-1034", "cn/pipl/art-28"]
    );
    assert_eq!(
        ids(&["公共安全"]),
        ["cn/pipl/art-26", "cn/pipl-draft-2020/art-27"]
    );
    let phrase = ids(&["public security"]);
    assert_eq!(phrase.len(), 16, "{phrase:?}");
    assert!(phrase.contains(&"eu/gdpr/art-23".to_owned()));
    // Two arguments: both words, anywhere, in either order.
    let words = ids(&["security", "public"]);
    assert!(words.len() > phrase.len());
    assert_eq!(ids(&["public", "security"]), words);
    // A heading: GDPR art. 35's.
    assert!(ids(&["Data protection impact assessment"]).contains(&"eu/gdpr/art-35".to_owned()));
    // A gap code searches the words of its title.
    let code = ids(&["no-impact-assessment"]);
    assert!(code.contains(&"eu/gdpr/art-35".to_owned()), "{code:?}");
    assert!(code.contains(&"cn/pipl/art-56".to_owned()), "{code:?}");
    assert!(ids(&["zzzunknownzzz"]).is_empty());

    let o = lexgap(&["search", "生物识别", "--width", "100"]);
    let out = stdout(&o);
    assert!(out.starts_with("Search for 生物识别: 2 hits\n"), "{out}");
    assert!(out.contains("PIPL art. 28"), "{out}");
    let o = lexgap(&["search", "public security", "--format", "md"]);
    assert!(stdout(&o).starts_with("### Search for \"public security\": 16 hits\n"));
    let o = lexgap(&["search", "zzzunknownzzz"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("Search for zzzunknownzzz: no hits\n"));
    // JSON: the envelope, one entry per hit.
    let o = lexgap(&["search", "生物识别", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["kind"], "search-results");
    assert_eq!(json["data"]["hits"][1]["citation"], "PIPL art. 28");
    assert_eq!(json["data"]["hits"][1]["lang"], "zh");
}

/// `--cite` (item 2): the form of the citations of `search` and of `show`'s passage.
#[test]
fn cite_forms() {
    let first_cite = |args: &[&str]| -> String {
        let o = lexgap(args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
            .lines()
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .to_owned()
    };
    let search = ["search", "生物识别", "-f", "csv", "--cite"];
    let cite = |form: &str| {
        let mut a = search.to_vec();
        a.push(form);
        first_cite(&a)
    };
    assert_eq!(cite("short"), "Civil Code art. 1034");
    assert_eq!(cite("native"), "《中华人民共和国民法典》第一千零三十四条");
    assert_eq!(cite("id"), "cn/civil-code/art-1034");
    // Global: before the command too.
    let o = lexgap(&["--cite", "id", "show", "eu/gdpr/art-9(2)(g)", "-f", "md"]);
    assert!(
        stdout(&o).starts_with("### eu/gdpr/art-9(2)(g)\n"),
        "{}",
        stdout(&o)
    );
    let o = lexgap(&["show", "cn/pipl/art-28(2)", "--cite", "native", "-f", "md"]);
    assert!(
        stdout(&o).starts_with("### 《中华人民共和国个人信息保护法》第二十八条第二款\n"),
        "{}",
        stdout(&o)
    );
}

/// `show ID(PINPOINT)` (item 7): the paragraph or point above the card.
#[test]
fn show_a_paragraph_or_point() {
    let o = lexgap(&["show", "eu/gdpr/art-9(2)(g)", "--width", "120"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("GDPR art. 9(2)(g)\n"), "{out}");
    let (passage, card) = out
        .split_once("eu/gdpr/art-9 (Article 9)")
        .expect("the card follows");
    assert!(
        passage.contains("(g) processing is necessary for reasons of substantial public"),
        "{passage}"
    );
    assert!(passage.contains("suitable and specific"), "{passage}");
    assert!(!passage.contains("(h)"), "only point (g): {passage}");
    assert!(
        card.contains("legal value") && card.contains("Norms"),
        "{card}"
    );
    // The same in Markdown and JSON.
    let o = lexgap(&["show", "eu/gdpr/art-9(2)(g)", "-f", "md"]);
    assert!(stdout(&o).contains(
        "| en | (g) processing is necessary for reasons of substantial public interest, on the \
         basis of Union or Member State law which shall be proportionate to the aim pursued"
    ));
    let o = lexgap(&["show", "eu/gdpr/art-9(2)", "-f", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["kind"], "passage");
    assert_eq!(json["data"]["citation"], "GDPR art. 9(2)");
    assert_eq!(json["data"]["pinpoint"], "2");
    let text = json["data"]["passages"][0]["text"].as_str().unwrap();
    assert!(text.starts_with("2. Paragraph 1 shall not apply") && text.contains("(j) "));
    assert_eq!(json["data"]["provision"]["id"], "eu/gdpr/art-9");
    // Without a pinpoint, the card alone, as before.
    let o = lexgap(&["show", "eu/gdpr/art-9", "-f", "md"]);
    assert!(stdout(&o).starts_with("### eu/gdpr/art-9 (Article 9)\n"));
}

/// `codes` (item 5) prints the glossary with every gap code, in every format.
#[test]
fn codes_prints_every_code() {
    for format in ["table", "md", "csv", "json", "html"] {
        let o = lexgap(&["codes", "--format", format, "--width", "200"]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let out = stdout(&o);
        for info in lexgap::classify::catalogue() {
            assert!(out.contains(info.code), "{format}: {}", info.code);
        }
    }
    let o = lexgap(&["codes", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["kind"], "glossary");
}

/// `--bom` (item 2): CSV for spreadsheets that need a byte-order mark; a usage error with
/// another format.
#[test]
fn bom_starts_csv() {
    let o = lexgap(&["list", "--format", "csv", "--bom"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("\u{feff}id,short title,"));
    let o = lexgap(&["search", "生物识别", "--format", "csv", "--bom"]);
    assert!(stdout(&o).starts_with("\u{feff}citation,id,language,snippet\r\n"));
    let o = lexgap(&["list", "--format", "csv"]);
    assert!(stdout(&o).starts_with("id,"), "no mark without --bom");
    let dir = scratch_dir("cli-bom");
    let file = dir.join("codes.csv");
    let o = lexgap(&["codes", "--bom", "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with('\u{feff}')
    );
    let o = lexgap(&["list", "--format", "json", "--bom"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "error: `--bom` applies to CSV output\n");
}

/// `gaps --cite native` cites the provisions of a Chinese law in its own convention, in the
/// explanations and the evidence; the default is the short English form.
#[test]
fn gaps_cite_in_the_chosen_form() {
    let args = |cite: Option<&str>| {
        let mut a = vec![
            "gaps",
            "cn/pipl/art-26",
            "--baseline",
            "eu/gdpr/art-35",
            "--format",
            "md",
        ];
        if let Some(c) = cite {
            a.extend(["--cite", c]);
        }
        lexgap(&a)
    };
    let native = stdout(&args(Some("native")));
    assert!(
        native.contains("| 《中华人民共和国个人信息保护法》第二十六条 |  | target |"),
        "{native}"
    );
    let short = stdout(&args(None));
    assert!(short.contains("| PIPL art. 26 |  | target |"), "{short}");
    let id = stdout(&args(Some("id")));
    assert!(id.contains("| cn/pipl/art-26 |  | target |"), "{id}");
}

/// `gaps --lang en` shows, under a Chinese quote, the passage of the English translation the
/// corpus holds, labelled with its legal value.
#[test]
fn gaps_show_quotes_in_another_language() {
    let o = lexgap(&[
        "gaps",
        "cn/pipl/art-26",
        "--baseline",
        "eu/gdpr/art-35",
        "--lang",
        "en",
        "--format",
        "md",
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("应当为维护公共安全所必需<br>en (official-translation): Image collection"),
        "{out}"
    );
    let plain = stdout(&lexgap(&[
        "gaps",
        "cn/pipl/art-26",
        "--baseline",
        "eu/gdpr/art-35",
        "--format",
        "md",
    ]));
    assert!(
        !plain.contains("<br>en (official-translation): Image"),
        "only on request"
    );
}

/// The texts come after the report only on request, in the language asked for where a
/// provision has a text in it.
#[test]
fn gaps_show_the_texts_on_request() {
    let args = |extra: &[&str]| {
        let mut a = vec!["gaps", "cn/pipl/art-26", "--baseline", "eu/gdpr/art-9"];
        a.extend_from_slice(extra);
        if !a.contains(&"-f") {
            a.extend(["-f", "md"]);
        }
        stdout(&lexgap(&a))
    };
    let plain = args(&[]);
    assert!(!plain.contains("Side by side"), "{plain}");
    let texts = args(&["--texts"]);
    let (report, side) = texts
        .split_once("### Side by side: PIPL (target) · GDPR (baseline)")
        .unwrap();
    assert_eq!(
        report.trim_end(),
        plain.trim_end(),
        "the report is unchanged above the texts"
    );
    assert!(
        side.contains("第二十六条") && side.contains("[en, "),
        "{side}"
    );
    // In English: art. 26 has an official translation, so its Chinese goes.
    let en = args(&["--texts", "--lang", "en"]);
    let side = en.split_once("Side by side").unwrap().1;
    assert!(
        !side.contains("在公共场所") && side.contains("Image collection"),
        "{side}"
    );
    // One HTML page with both sections.
    let html = args(&["--texts", "-f", "html"]);
    assert_eq!(html.matches("<html").count(), 1, "[{html}]");
    assert!(html.contains("class=\"side-by-side\""), "{html}");
}

/// `diff --lang en` of two provisions diffs their English texts.
#[test]
fn diff_of_provisions_in_a_chosen_language() {
    let zh = stdout(&lexgap(&[
        "diff",
        "cn/pipl-draft-2020/art-1",
        "cn/pipl/art-1",
    ]));
    assert!(zh.contains("(zh, by chars;"), "{zh}");
    let en = stdout(&lexgap(&[
        "diff",
        "cn/pipl-draft-2020/art-1",
        "cn/pipl/art-1",
        "--lang",
        "en",
    ]));
    assert!(en.contains("(en, by words;"), "{en}");
    assert!(en.contains("[-formulated-]{+enacted+}"), "{en}");
}

/// `diff OLD NEW --effects` and `--synopsis` (issue 14, 5): the amendment effects and the
/// synopsis of two versions.
#[test]
fn diff_of_two_versions_prints_effects_and_a_synopsis() {
    let o = lexgap(&[
        "diff",
        "cn/pipl-draft-2020",
        "cn/pipl",
        "--effects",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // The lines themselves are pinned in tests/effects.rs; the command prints the library's.
    let corpus = lexgap::Corpus::bundled();
    let v = lexgap::VersionDiff::new(
        corpus.instrument("cn/pipl-draft-2020").unwrap(),
        corpus.instrument("cn/pipl").unwrap(),
    );
    let library = lexgap::render::View::new(
        &lexgap::render::EffectList::new(&v),
        lexgap::render::Format::Csv,
    )
    .to_string();
    assert_eq!(stdout(&o), library);
    assert_eq!(library.lines().count(), 32, "{library}");

    let o = lexgap(&[
        "diff",
        "cn/pipl-draft-2020",
        "cn/pipl",
        "--synopsis",
        "--format",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "### PIPL (draft 2020) → PIPL: synopsis, old beside new",
            "",
            "| PIPL (draft 2020) | PIPL |",
            "|---|---|",
            "| art-1<br>为了保护个人信息权益，规范个人信息处理活动，[-保障个人信息依法有序自由流动，-]\
             促进个人信息合理利用，制定本法。 | art-1 (amended)<br>为了保护个人信息权益，规范个人信息处理\
             活动，促进个人信息合理利用，{+根据宪法，+}制定本法。 |",
        ]
    );
    assert!(
        lines.contains(&"| no draft counterpart held (the corpus holds 4 of the draft's 70 articles) \
             | art-2 (not-in-corpus)<br>自然人的个人信息受法律保护，任何组织、个人不得侵害自然人的个人信息权益。 |"),
        "{out}"
    );
    // The help says what the flags do.
    let help = stdout(&lexgap(&["diff", "--help"]));
    assert!(help.contains("--effects"), "{help}");
    assert!(help.contains("--synopsis"), "{help}");
    assert!(help.contains("old text beside new text"), "{help}");
}

/// `import`: the GDPR's full text to a file that `check` accepts, the report on standard
/// error as `file:line: message`; from standard input to standard output, without metadata, a
/// file that `check` refuses; a bad code and an unreadable file are usage errors.
#[test]
fn import_writes_a_file_that_check_accepts() {
    let dir = scratch_dir("cli-import");
    std::fs::create_dir_all(dir.join("eu")).unwrap();
    let out = dir.join("eu/gdpr.toml");
    let o = lexgap(&[
        "import",
        "reference/shared/fulltext/eu-gdpr.en.txt",
        "--id",
        "eu/gdpr",
        "--lang",
        "en",
        "--title",
        "General Data Protection Regulation",
        "--short-title",
        "GDPR",
        "--kind",
        "regulation",
        "--status",
        "in-force",
        "--binding",
        "true",
        "--legal-value",
        "authentic",
        "--source",
        "reference/shared/fulltext/eu-gdpr.en.txt",
        "--retrieved",
        "2026-12-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "warning: reference/shared/fulltext/eu-gdpr.en.txt:13: text before the first heading \
         (to line 25) is not in any provision\n99 provisions imported; 1 note to check (above)\n"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("retrieved = 2026-12-01\n"), "{written}");
    assert!(!written.contains("FILL IN"), "{written}");
    let check = lexgap(&["check", dir.to_str().unwrap()]);
    assert_eq!(
        stdout(&check),
        "ok: 1 instrument, 99 provisions\n",
        "{}",
        stderr(&check)
    );

    // Standard input, no metadata: the file names what is missing, and check refuses it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_lexgap"))
        .args(["import", "-", "--id", "intl/act", "--lang", "en"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the lexgap binary runs");
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        "Preamble.\nArticle 1 It applies.\nArticle 1 It applies again.\n".as_bytes(),
    )
    .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "warning: <stdin>:1: text before the first heading (to line 1) is not in any provision\n\
         warning: <stdin>:3: `Article 1` is numbered no higher than the heading before it; kept as text\n\
         1 provision imported; 2 notes to check (above)\n"
    );
    let bare = scratch_dir("cli-import-bare");
    std::fs::create_dir_all(bare.join("intl")).unwrap();
    std::fs::write(bare.join("intl/act.toml"), stdout(&o)).unwrap();
    assert!(
        stdout(&o).contains("# FILL IN: short-title = "),
        "{}",
        stdout(&o)
    );
    let check = lexgap(&["check", bare.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("missing field"),
        "{}",
        stdout(&check)
    );

    let o = lexgap(&[
        "import", "x.txt", "--id", "intl/act", "--lang", "en", "--kind", "statut",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `statute`?"),
        "{}",
        stderr(&o)
    );
    let o = lexgap(&[
        "import",
        "no-such-file.txt",
        "--id",
        "intl/act",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: cannot read `no-such-file.txt`"),
        "{}",
        stderr(&o)
    );
}

/// `import --into`: the PIPL's English merged into the file of its Chinese; `check` accepts
/// the result; an `--id` that is not the file's is a usage error.
#[test]
fn import_into_merges_a_second_language() {
    let dir = scratch_dir("cli-import-into");
    std::fs::create_dir_all(dir.join("cn")).unwrap();
    let file = dir.join("cn/pipl.toml");
    let file = file.to_str().unwrap();
    let meta = [
        "--title",
        "个人信息保护法",
        "--short-title",
        "PIPL",
        "--kind",
        "statute",
        "--status",
        "in-force",
        "--binding",
        "true",
        "--source",
        "reference/shared/fulltext",
    ];
    let mut args = vec![
        "import",
        "reference/shared/fulltext/cn-pipl-2021.zh.txt",
        "--id",
        "cn/pipl",
        "--lang",
        "zh",
        "--legal-value",
        "authentic",
        "-o",
        file,
    ];
    args.extend(meta);
    assert_eq!(lexgap(&args).status.code(), Some(0));
    let o = lexgap(&[
        "import",
        "reference/shared/fulltext/cn-pipl-2021.en.txt",
        "--into",
        file,
        "--lang",
        "en",
        "--legal-value",
        "official-translation",
        "--source",
        "reference/shared/fulltext/cn-pipl-2021.en.txt",
        "-o",
        file,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let check = lexgap(&["check", dir.to_str().unwrap()]);
    assert_eq!(
        stdout(&check),
        "ok: 1 instrument, 74 provisions\n",
        "{}",
        stderr(&check)
    );
    let written = std::fs::read_to_string(file).unwrap();
    assert!(
        written.contains("[instrument.languages.en]\nlegal-value = \"official-translation\"\n"),
        "{written}"
    );
    assert!(written.contains("label.en = \"Article 74\"\n"), "{written}");
    let o = lexgap(&[
        "import",
        "reference/shared/fulltext/cn-pipl-2021.en.txt",
        "--into",
        file,
        "--id",
        "eu/gdpr",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: `--id eu/gdpr` is not the instrument of the `--into` file, `cn/pipl`\n"
    );
}

#[test]
fn counterparts_lists_the_best_pair_of_each_other_instrument() {
    let o = lexgap(&["counterparts", "eu/gdpr/art-33", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["kind"], "counterparts");
    assert_eq!(v["data"]["provision"], "eu/gdpr/art-33");
    let pairs = v["data"]["counterparts"].as_array().unwrap();
    assert!(!pairs.is_empty());
    let right = |p: &serde_json::Value| p["right"].as_str().unwrap().to_owned();
    let instrument = |id: &str| id.rsplit_once('/').unwrap().0.to_owned();
    let mut seen = std::collections::BTreeSet::new();
    for p in pairs {
        assert_eq!(p["left"], "eu/gdpr/art-33");
        let i = instrument(&right(p));
        assert_ne!(i, "eu/gdpr", "no counterpart in its own instrument");
        assert!(seen.insert(i), "one counterpart per instrument");
    }
    let scores: Vec<f64> = pairs.iter().map(|p| p["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    assert!(pairs.iter().any(|p| right(p) == "cn/pipl/art-57"));

    let o = lexgap(&[
        "counterparts",
        "eu/gdpr/art-33",
        "--in",
        "cn",
        "--top",
        "1",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let pairs = v["data"]["counterparts"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{v}");
    assert!(right(&pairs[0]).starts_with("cn/"), "{v}");
    let table = stdout(&lexgap(&["counterparts", "eu/gdpr/art-33", "--top", "2"]));
    assert!(table.contains("Counterparts of eu/gdpr/art-33"), "{table}");

    let o = lexgap(&["counterparts", "eu/gdpr/art-3333"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("eu/gdpr/art-3333"));
}
