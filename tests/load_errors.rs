//! Every kind of load error, each from a fixture, with its exact message and location.
//!
//! - `tests/data/bad/*.toml`: one problem per file (and `five-problems.toml`, five at once),
//!   loaded alone with [`Corpus::from_toml`]; one snapshot each in
//!   `tests/snapshots/integration__load_errors__bad_file@<name>.snap`.
//! - `tests/data/bad_set/<case>/*.toml`: problems that need two files (a duplicate instrument, a
//!   version cycle), loaded together with [`Corpus::loader`].
//! - `tests/data/bad_dir/<case>/`: directories loaded with [`Corpus::from_dir`] (file names
//!   checked against the ids; a `jurisdictions.toml` of their own).
//! - `tests/data/dir_with_skips/`: a directory that loads, with entries that are skipped with a
//!   warning (hidden, `.TOML`); copies of it under `target/` gain a named pipe, symbolic links,
//!   unreadable entries and file names with `:`, which git should not hold.
//!
//! Messages that need bytes no text editor should hold (not UTF-8) are built here.
//! `cargo insta review` accepts changed snapshots; the explicit `assert_eq!`s below pin the
//! most important messages in this file too, so that a change shows in review.

use std::path::{Path, PathBuf};

use lexgap::corpus::SkipReason;
use lexgap::{Corpus, LoadErrorKind, LoadErrors};

/// The fixture's path relative to the crate root, with `/` separators, as messages show it.
fn origin(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let rel = path.strip_prefix(&root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn fixture(rel: &str) -> (String, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    (rel.to_owned(), text)
}

/// Loads one fixture on its own; it must fail.
fn load_bad(rel: &str) -> LoadErrors {
    let (origin, text) = fixture(rel);
    match Corpus::from_toml(&origin, &text) {
        Ok(c) => panic!("{rel} loaded, with {} instruments", c.instruments().count()),
        Err(e) => e,
    }
}

/// Loads every file of a directory (sorted) with the loader, named by repo-relative paths.
fn load_set(dir: &Path) -> Result<Corpus, LoadErrors> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut loader = Corpus::loader();
    for p in paths {
        loader = loader.toml(&origin(&p), &std::fs::read_to_string(&p).unwrap());
    }
    loader.load()
}

/// A fresh, empty directory under `target/`, for fixtures that the test writes itself.
pub(crate) fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("lexgap-test-fixtures")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn bad_file() {
    insta::glob!("data/bad/*.toml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let err = match Corpus::from_toml(&origin(path), &text) {
            Ok(_) => panic!("{} loaded", path.display()),
            Err(e) => e,
        };
        insta::assert_snapshot!(err.to_string());
    });
}

#[test]
fn bad_set() {
    insta::glob!("data/bad_set/*", |dir| {
        let err = match load_set(dir) {
            Ok(_) => panic!("{} loaded", dir.display()),
            Err(e) => e,
        };
        insta::assert_snapshot!(err.to_string());
    });
}

#[test]
fn bad_dir() {
    insta::glob!("data/bad_dir/*", |dir| {
        // Relative to the crate root (the tests' working directory), so that messages name
        // files by their repository path.
        let dir = origin(dir);
        let err = match Corpus::from_dir(&dir) {
            Ok(_) => panic!("{dir} loaded"),
            Err(e) => e,
        };
        insta::assert_snapshot!(err.to_string());
    });
}

/// Each fixture fails with the kind of error it is named for (and with no other kind).
#[test]
fn each_fixture_has_its_kind() {
    use LoadErrorKind as K;
    type IsKind = fn(&LoadErrorKind) -> bool;
    let cases: &[(&str, IsKind)] = &[
        ("empty", |k| matches!(k, K::Empty)),
        ("toml-syntax", |k| matches!(k, K::Toml { .. })),
        ("unknown-field", |k| matches!(k, K::Toml { .. })),
        ("missing-field", |k| matches!(k, K::Toml { .. })),
        ("date-toml", |k| matches!(k, K::Toml { .. })),
        ("unknown-term", |k| matches!(k, K::UnknownTerm(_))),
        (
            "schema-v1-exceptions",
            |k| matches!(k, K::SchemaV1 { id, .. } if id == "eu/schema-v1-exceptions/art-1"),
        ),
        ("unknown-jurisdiction", |k| {
            matches!(k, K::UnknownJurisdiction { found, suggestion }
                if found == "eur" && suggestion.as_deref() == Some("eu"))
        }),
        ("duplicate-provision", |k| {
            matches!(
                k,
                K::DuplicateId {
                    what: "provision",
                    ..
                }
            )
        }),
        ("dangling-reference", |k| {
            matches!(k, K::Dangling { how: "cites", .. })
        }),
        ("dangling-correspondence", |k| {
            matches!(
                k,
                K::Dangling {
                    how: "corresponds to",
                    ..
                }
            )
        }),
        ("quote-not-found", |k| {
            matches!(k, K::QuoteNotFound { lang: None, .. })
        }),
        (
            "quote-not-found-lang",
            |k| matches!(k, K::QuoteNotFound { lang: Some(l), .. } if l == "en"),
        ),
        ("quote-lang-missing", |k| {
            matches!(k, K::NoTextInLanguage { .. })
        }),
        ("empty-text", |k| {
            matches!(k, K::EmptyText { what: "text", .. })
        }),
        ("no-text", |k| matches!(k, K::NoText { .. })),
        ("no-provenance", |k| matches!(k, K::NoProvenance { .. })),
        ("no-provenance-empty-languages", |k| {
            matches!(k, K::NoProvenance { .. } | K::NoLabelProvenance { .. })
        }),
        ("label-mismatch", |k| {
            matches!(
                k,
                K::LabelMismatch {
                    found: 11,
                    expected: 1,
                    ..
                }
            )
        }),
        ("date-string", |k| matches!(k, K::Date(_))),
        ("duplicate-language", |k| matches!(k, K::Invalid(_))),
        ("foreign-provision-id", |k| matches!(k, K::Invalid(_))),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".toml").map(str::to_owned))
        .filter(|n| n != "five-problems")
        .collect();
    on_disk.sort();
    let mut named: Vec<String> = cases.iter().map(|(n, _)| (*n).to_owned()).collect();
    named.sort();
    assert_eq!(
        named, on_disk,
        "every single-problem fixture has a case here"
    );
    for (name, is_kind) in cases {
        let err = load_bad(&format!("tests/data/bad/{name}.toml"));
        for e in &err {
            assert!(is_kind(e.kind()), "{name}: unexpected {:?} ({e})", e.kind());
            assert_eq!(e.location().origin(), format!("tests/data/bad/{name}.toml"));
        }
    }
}

#[test]
fn five_problems_at_once() {
    let err = load_bad("tests/data/bad/five-problems.toml");
    assert_eq!(err.len(), 5);
    assert_eq!(
        err.to_string(),
        "\
tests/data/bad/five-problems.toml:10:13: `2020-13-01` is not a date (expected `yyyy-mm-dd`)
tests/data/bad/five-problems.toml:20:15: `eu/five-problems/art-1` cites `eu/five-problems/art-4`, which is not in the corpus; did you mean `eu/five-problems/art-1`?
tests/data/bad/five-problems.toml:24:11: unknown actor `any-handlr`; did you mean `any-handler`?
tests/data/bad/five-problems.toml:25:9: evidence quote not found in any text of `eu/five-problems/art-1`: \"The controller shall keep a record.\"
tests/data/bad/five-problems.toml:28:6: duplicate provision id `eu/five-problems/art-1` (first defined at tests/data/bad/five-problems.toml:17:6)"
    );
    let lines: Vec<(usize, usize)> = err
        .iter()
        .map(|e| (e.location().line(), e.location().column()))
        .collect();
    assert_eq!(lines, [(10, 13), (20, 15), (24, 11), (25, 9), (28, 6)]);
    // Five different kinds.
    let kinds: Vec<String> = err
        .iter()
        .map(|e| {
            format!("{:?}", e.kind())
                .split([' ', '(', '{'])
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "Date",
            "Dangling",
            "UnknownTerm",
            "QuoteNotFound",
            "DuplicateId"
        ]
    );
}

#[test]
fn important_messages() {
    let one = |rel: &str| load_bad(rel).to_string();
    // The schema v1 forms of exceptions are located and name the form that replaces them.
    assert_eq!(
        one("tests/data/bad/schema-v1-exceptions.toml"),
        "tests/data/bad/schema-v1-exceptions.toml:26:14: `exceptions` inside a norm in \
         `eu/schema-v1-exceptions/art-1` is the schema v1 form; write each exception as a \
         `[[provision.derogation]]` entry with `form`, `grounds` and `quote` (provisions/README.md, \
         \"[[provision.derogation]]\")\n\
         tests/data/bad/schema-v1-exceptions.toml:29:8: a norm of kind `exception` in \
         `eu/schema-v1-exceptions/art-1` is the schema v1 form; write it as a \
         `[[provision.derogation]]` entry with `form`, `grounds` and `quote` (a general limitation \
         clause has `form = \"limitation\"`) (provisions/README.md, \"[[provision.derogation]]\")"
    );
    assert_eq!(
        one("tests/data/bad/duplicate-provision.toml"),
        "tests/data/bad/duplicate-provision.toml:29:6: duplicate provision id \
         `eu/duplicate-provision/art-1` (first defined at tests/data/bad/duplicate-provision.toml:16:6)"
    );
    assert_eq!(
        one("tests/data/bad/unknown-field.toml"),
        "tests/data/bad/unknown-field.toml:5:1: unknown field `short-titel`, expected one of `id`, \
         `title`, `short-title`, `cite-as`, `kind`, `status`, `binding`, `published`, `adopted`, `in-force`, \
         `repealed`, `applies-from`, `identifiers`, `becomes`, `supersedes`, `languages`, \
         `coverage`, `missing`"
    );
    assert_eq!(
        one("tests/data/bad/unknown-term.toml"),
        "tests/data/bad/unknown-term.toml:24:8: unknown norm kind `obligaton`; did you mean `obligation`?"
    );
    assert_eq!(
        one("tests/data/bad/missing-field.toml"),
        "tests/data/bad/missing-field.toml:15:1: missing field `label`"
    );
    assert_eq!(
        one("tests/data/bad/dangling-correspondence.toml"),
        "tests/data/bad/dangling-correspondence.toml:18:31: `eu/dangling-correspondence/art-1` \
         corresponds to `eu/dangling-correspondence/art-3a`, which is not in the corpus; did you \
         mean `eu/dangling-correspondence/art-3`?"
    );
    assert_eq!(
        one("tests/data/bad/quote-not-found.toml"),
        "tests/data/bad/quote-not-found.toml:26:9: evidence quote not found in any text of \
         `eu/quote-not-found/art-1`: \"The controller shall keep a register of processing.\""
    );
    assert_eq!(
        one("tests/data/bad/quote-not-found-lang.toml"),
        "tests/data/bad/quote-not-found-lang.toml:27:51: evidence quote not found in the `en` text \
         of `eu/quote-not-found-lang/art-1`: \"kept for ten years\""
    );
    assert_eq!(
        one("tests/data/bad/quote-lang-missing.toml"),
        "tests/data/bad/quote-lang-missing.toml:27:8: `eu/quote-lang-missing/art-1` has no `fr` \
         text to quote from (it has `en`)"
    );
    assert_eq!(
        one("tests/data/bad/unknown-jurisdiction.toml"),
        "tests/data/bad/unknown-jurisdiction.toml:3:6: unknown jurisdiction `eur`; did you mean `eu`?"
    );
    assert_eq!(
        one("tests/data/bad/label-mismatch.toml"),
        "tests/data/bad/label-mismatch.toml:21:34: label `第十一条` is article 11, but the id \
         `eu/label-mismatch/art-1` says 1"
    );
    assert_eq!(
        one("tests/data/bad/date-string.toml"),
        "tests/data/bad/date-string.toml:10:13: `2021-02-30` is not a date (expected `yyyy-mm-dd`)"
    );
    // The TOML parser itself rejects a date literal that is not in the calendar.
    assert_eq!(
        one("tests/data/bad/date-toml.toml"),
        "tests/data/bad/date-toml.toml:10:11: invalid date, expected day between 01 and 28"
    );
    assert_eq!(
        one("tests/data/bad/empty.toml"),
        "tests/data/bad/empty.toml:1:1: empty file"
    );
}

/// Unknown vocabulary codes: a synonym or a misspelling gets the term it means; a code near
/// nothing gets the list of valid codes (in declaration order), never a guess.
#[test]
fn unknown_terms_suggest_by_meaning_or_list_the_codes() {
    let (origin, text) = fixture("tests/data/bad/unknown-term.toml");
    let norm = "kind = \"obligaton\"\nactors = [\"any-handler\"]\n";
    assert!(text.contains(norm));
    let text = text.replace(
        norm,
        "kind = \"zzz\"\n\
         actors = [\"police\", \"state-instrumentality\"]\n\
         data = [\"special-category\", \"fcaial-image\"]\n\
         safeguards = [{ kind = \"dpia\", elements = [\"periodic\"], \
         quote = \"The record shall be kept for five years.\" }]\n",
    );
    let err = Corpus::from_toml(&origin, &text).expect_err("unknown codes do not load");
    assert_eq!(
        err.to_string(),
        "\
tests/data/bad/unknown-term.toml:24:8: unknown norm kind `zzz`; expected one of `obligation`, `prohibition`, `permission`, `exception`, `right`, `definition`
tests/data/bad/unknown-term.toml:25:11: unknown actor `police`; did you mean `law-enforcement`?
tests/data/bad/unknown-term.toml:26:9: unknown data category `special-category`; did you mean `sensitive-data`?
tests/data/bad/unknown-term.toml:26:29: unknown data category `fcaial-image`; did you mean `facial-image`?
tests/data/bad/unknown-term.toml:27:24: unknown safeguard `dpia`; did you mean `impact-assessment`?
tests/data/bad/unknown-term.toml:27:44: unknown safeguard element `periodic`; did you mean `review`?"
    );
    for e in &err {
        assert!(matches!(e.kind(), LoadErrorKind::UnknownTerm(_)), "{e}");
    }
    let LoadErrorKind::UnknownTerm(first) = err.iter().next().unwrap().kind() else {
        unreachable!()
    };
    assert_eq!(first.vocabulary(), "norm kind");
    assert_eq!(first.found(), "zzz");
    assert_eq!(first.suggestion(), None);
    assert_eq!(first.expected().first(), Some(&"obligation"));
}

#[test]
fn problems_across_files() {
    let set = |case: &str| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/bad_set")
            .join(case);
        match load_set(&dir) {
            Ok(_) => panic!("{case} loaded"),
            Err(e) => e.to_string(),
        }
    };
    assert_eq!(
        set("duplicate-instrument"),
        "tests/data/bad_set/duplicate-instrument/second.toml:3:6: duplicate instrument id \
         `eu/twice` (first defined at tests/data/bad_set/duplicate-instrument/first.toml:3:6)"
    );
    assert_eq!(
        set("version-cycle-becomes"),
        "tests/data/bad_set/version-cycle-becomes/a.toml:3:6: version cycle: eu/cycle-a → \
         eu/cycle-b → eu/cycle-a"
    );
    assert_eq!(
        set("version-cycle-supersedes"),
        "tests/data/bad_set/version-cycle-supersedes/c.toml:3:6: version cycle: eu/cycle-c → \
         eu/cycle-d → eu/cycle-c"
    );
}

/// Fix: a cycle through an id the corpus lacks was located at `:1:1` (no file), because the
/// location was taken from the cycle's smallest id only.
#[test]
fn cycle_through_a_dangling_id_is_located_in_a_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bad_set/version-cycle-through-dangling");
    let err = load_set(&dir).expect_err("a cycle does not load");
    assert_eq!(
        err.to_string(),
        "\
tests/data/bad_set/version-cycle-through-dangling/a.toml:10:11: `eu/cycle-a` becomes `eu/0-missing`, which is not in the corpus
tests/data/bad_set/version-cycle-through-dangling/b.toml:3:6: version cycle: eu/0-missing → eu/cycle-b → eu/cycle-a → eu/0-missing
tests/data/bad_set/version-cycle-through-dangling/b.toml:10:15: `eu/cycle-b` supersedes `eu/0-missing`, which is not in the corpus"
    );
}

#[test]
fn id_must_match_path_in_a_directory() {
    let msg = "eu/wrong-name.toml:3:6: instrument id `eu/right-name` does not match the \
               file's path; expected `eu/wrong-name`";
    // A relative directory names files by the path as given; an absolute one by its last
    // component, so that messages do not depend on the machine.
    let relative = "tests/data/bad_dir/id-path-mismatch";
    let err = Corpus::from_dir(relative).expect_err("a misnamed file does not load");
    assert_eq!(err.to_string(), format!("{relative}/{msg}"));
    let absolute = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let err = Corpus::from_dir(&absolute).expect_err("a misnamed file does not load");
    assert_eq!(err.to_string(), format!("id-path-mismatch/{msg}"));
    // The same file under its own name, or given without a path, loads.
    let (_, text) = fixture("tests/data/bad_dir/id-path-mismatch/eu/wrong-name.toml");
    assert!(Corpus::from_toml("anywhere.toml", &text).is_ok());
    let good = scratch_dir("id-path-match");
    std::fs::create_dir_all(good.join("eu")).unwrap();
    std::fs::write(good.join("eu/right-name.toml"), &text).unwrap();
    let corpus = Corpus::from_dir(&good).unwrap_or_else(|e| panic!("{e}"));
    assert!(corpus.get("eu/right-name/art-1").is_some());
}

/// Fix: a subdivision whose `parent` was not in the registry loaded without complaint.
#[test]
fn unknown_parent_jurisdiction() {
    let err = Corpus::from_dir("tests/data/bad_dir/unknown-parent")
        .expect_err("an unknown parent does not load");
    assert_eq!(
        err.to_string(),
        "tests/data/bad_dir/unknown-parent/jurisdictions.toml:10:10: unknown jurisdiction `uss`; \
         did you mean `us`?"
    );
}

#[test]
fn not_utf8_is_located_at_the_first_bad_byte() {
    // `\xff` is never UTF-8; it stands after `title.en = "café ` (17 characters) on line 3.
    let bytes = b"[instrument]\nid = \"eu/x\"\ntitle.en = \"caf\xc3\xa9 \xff\"\n".to_vec();
    let err = Corpus::loader()
        .bytes("bytes.toml", bytes)
        .load()
        .expect_err("not UTF-8");
    assert_eq!(err.to_string(), "bytes.toml:3:18: file is not valid utf-8");
    let e = err.iter().next().unwrap();
    assert!(matches!(e.kind(), LoadErrorKind::NotUtf8));
    assert_eq!((e.location().line(), e.location().column()), (3, 18));

    // A multi-byte character cut short: the location is its first byte.
    let err = Corpus::loader()
        .bytes("cut.toml", b"# caf\xc3".to_vec())
        .load()
        .expect_err("not UTF-8");
    assert_eq!(err.to_string(), "cut.toml:1:6: file is not valid utf-8");

    // The first byte of the file.
    let err = Corpus::loader()
        .bytes("first.toml", vec![0xfe, b'a'])
        .load()
        .expect_err("not UTF-8");
    assert_eq!(err.to_string(), "first.toml:1:1: file is not valid utf-8");
}

#[test]
fn not_utf8_in_a_directory() {
    let dir = scratch_dir("not-utf8");
    std::fs::create_dir_all(dir.join("eu")).unwrap();
    // Latin-1 `í` (0xed) where UTF-8 needs two bytes.
    std::fs::write(
        dir.join("eu/latin1.toml"),
        b"# t\xedtulo\n[instrument]\nid = \"eu/latin1\"\n",
    )
    .unwrap();
    let err = Corpus::from_dir(&dir).expect_err("not UTF-8");
    assert_eq!(
        err.to_string(),
        "not-utf8/eu/latin1.toml:1:4: file is not valid utf-8"
    );
}

/// Fix: a directory that could not be read was located at an invented `:1:1`. It is located at
/// the directory alone, and the system's reason is the error's `source()`.
#[test]
fn unreadable_directory() {
    let err = Corpus::from_dir("tests/data/no-such-dir").expect_err("no directory");
    assert_eq!(
        err.to_string(),
        "tests/data/no-such-dir: failed to read `tests/data/no-such-dir`"
    );
    let e = err.iter().next().unwrap();
    assert_eq!(e.location().origin(), "tests/data/no-such-dir");
    assert_eq!((e.location().line(), e.location().column()), (0, 0));
    assert_eq!(err.len(), 1, "no `no instrument file` on top: {err}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/no-such-dir");
    let err = Corpus::from_dir(&dir).expect_err("no directory");
    assert_eq!(
        err.to_string(),
        format!("no-such-dir: failed to read `{}`", dir.display())
    );
    let e = err.iter().next().unwrap();
    // The I/O error is the source, and not repeated in the message.
    let source = std::error::Error::source(e).expect("an io::Error source");
    let io = source
        .downcast_ref::<std::io::Error>()
        .expect("an io::Error");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    assert!(!e.to_string().contains(&source.to_string()));
    // A file is not a directory.
    let err = Corpus::from_dir("tests/data/dir_with_skips/zz/law.toml").expect_err("a file");
    assert_eq!(
        err.to_string(),
        "tests/data/dir_with_skips/zz/law.toml: failed to read \
         `tests/data/dir_with_skips/zz/law.toml`"
    );
    assert!(matches!(
        err.iter().next().unwrap().kind(),
        LoadErrorKind::Io { .. }
    ));
}

/// `dir_with_skips`, copied to a fresh directory under `target/` for a test to add entries to.
pub(crate) fn scratch_corpus(name: &str) -> PathBuf {
    let dir = scratch_dir(name);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dir_with_skips"),
        &dir,
    );
    dir
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What the fixture `dir_with_skips` skips, named from `base`.
fn fixture_skips(base: &str) -> Vec<String> {
    vec![
        format!(
            "{base}/.archive: skipped a hidden directory (names starting with `.` are not read)"
        ),
        format!(
            "{base}/zz/.draft.toml: skipped a hidden file (names starting with `.` are not read)"
        ),
        format!(
            "{base}/zz/old.TOML: skipped a file ending in `.TOML` (instrument files end in \
             `.toml`, lowercase)"
        ),
    ]
}

fn skipped_lines(skipped: &[lexgap::corpus::Skipped]) -> Vec<String> {
    skipped.iter().map(ToString::to_string).collect()
}

/// Loads a directory on another thread, failing (instead of hanging the test run) if that takes
/// more than 30 seconds.
fn from_dir_within_30s(dir: &Path) -> Result<Corpus, LoadErrors> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = dir.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(Corpus::from_dir(&owned));
    });
    rx.recv_timeout(std::time::Duration::from_secs(30))
        .unwrap_or_else(|_| panic!("loading {} hangs", dir.display()))
}

/// Fix (issue 11, 6): hidden `.x.toml` files were loaded, `.TOML` was ignored without a word.
/// Hidden files and directories are skipped, and so is `.TOML`, each with a located warning;
/// `README.md` is ignored without one. Loading the skipped files would fail.
#[test]
fn hidden_entries_and_upper_case_extensions_are_skipped_with_a_warning() {
    let dir = "tests/data/dir_with_skips";
    let loader = Corpus::loader().dir(dir);
    assert_eq!(skipped_lines(loader.skipped()), fixture_skips(dir));
    let corpus = loader.load().unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<String> = corpus.instruments().map(|i| i.id.to_string()).collect();
    assert_eq!(ids, ["zz/law"]);
    assert_eq!(skipped_lines(corpus.skipped()), fixture_skips(dir));
    let reasons: Vec<&SkipReason> = corpus.skipped().iter().map(|s| s.reason()).collect();
    assert_eq!(
        reasons,
        [
            &SkipReason::Hidden { dir: true },
            &SkipReason::Hidden { dir: false },
            &SkipReason::Extension {
                found: "TOML".to_owned()
            },
        ]
    );
    let at = corpus.skipped()[1].location();
    assert_eq!(at.origin(), "tests/data/dir_with_skips/zz/.draft.toml");
    assert_eq!((at.line(), at.column()), (0, 0));
    // Skips are not errors, and other ways of loading skip nothing.
    assert!(Corpus::bundled().skipped().is_empty());
    assert!(
        Corpus::from_dir("provisions")
            .unwrap_or_else(|e| panic!("{e}"))
            .skipped()
            .is_empty()
    );
}

/// Fix (issue 11, 4): a named pipe in a corpus directory hung the loader (and `lexgap check`)
/// for ever, waiting for a writer. It is never opened: it is skipped with a warning.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_skipped_not_opened() {
    let dir = scratch_corpus("fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(dir.join("zz/pipe.toml"))
        .status();
    let status = status.unwrap_or_else(|e| {
        panic!("this test needs `mkfifo` (coreutils) to make a named pipe, and it cannot run: {e}")
    });
    assert!(status.success(), "mkfifo failed: {status}");
    let corpus = from_dir_within_30s(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(corpus.instruments().count(), 1);
    let mut expected = fixture_skips("fifo");
    expected.push(
        "fifo/zz/pipe.toml: skipped a named pipe, which is not a regular file (only regular \
         files are read)"
            .to_owned(),
    );
    assert_eq!(skipped_lines(corpus.skipped()), expected);
    assert_eq!(
        corpus.skipped()[3].reason(),
        &SkipReason::NotRegularFile { what: "named pipe" }
    );
    // A symbolic link to a pipe is no different.
    std::os::unix::fs::symlink("pipe.toml", dir.join("zz/via-link.toml")).unwrap();
    let corpus = from_dir_within_30s(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        corpus.skipped()[4].to_string(),
        "fifo/zz/via-link.toml: skipped a named pipe, which is not a regular file (only regular \
         files are read)"
    );
}

/// Fix (issue 11, 6): symbolic links to directories were skipped without a word. They are
/// followed, real directories first; a link to a directory already read, or to one that
/// contains it (a loop), is skipped with a warning. A `*.toml` link to nothing is a file that
/// cannot be read (an error, with the system's reason); another link to nothing is a warning.
#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_without_loops() {
    use std::os::unix::fs::symlink;
    let root = scratch_dir("symlinks");
    let dir = root.join("corpus");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dir_with_skips"),
        &dir,
    );
    // A directory outside the corpus, linked in as the jurisdiction `yy`.
    let outside = root.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    let law = std::fs::read_to_string(dir.join("zz/law.toml")).unwrap();
    std::fs::write(
        outside.join("other.toml"),
        law.replace("id = \"zz/law\"", "id = \"yy/other\""),
    )
    .unwrap();
    let registry = std::fs::read_to_string(dir.join("jurisdictions.toml")).unwrap();
    std::fs::write(
        dir.join("jurisdictions.toml"),
        registry + "\n[[jurisdiction]]\ncode = \"yy\"\nname = \"Elsewhere\"\n",
    )
    .unwrap();
    symlink(&outside, dir.join("yy")).unwrap();
    // `aa` sorts before `zz`: the real directory is still the one read.
    symlink("zz", dir.join("aa")).unwrap();
    // Loops: to the root, and to the directory the link is in.
    symlink("..", dir.join("zz/up")).unwrap();
    symlink(".", dir.join("zz/here")).unwrap();
    // A file linked in is read.
    symlink("law.toml", dir.join("zz/law.toml.orig")).unwrap();
    let corpus = from_dir_within_30s(&dir).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<String> = corpus.instruments().map(|i| i.id.to_string()).collect();
    assert_eq!(ids, ["yy/other", "zz/law"]);
    let mut expected = fixture_skips("corpus");
    expected.insert(
        1,
        "corpus/aa: skipped a symbolic link to a directory already read as `corpus/zz`".to_owned(),
    );
    expected.insert(
        3,
        "corpus/zz/here: skipped a symbolic link to `corpus/zz`, a directory that contains it \
         (a loop)"
            .to_owned(),
    );
    expected.push(
        "corpus/zz/up: skipped a symbolic link to `corpus`, a directory that contains it (a loop)"
            .to_owned(),
    );
    assert_eq!(skipped_lines(corpus.skipped()), expected);

    // Links to nothing.
    symlink("nowhere", dir.join("notes")).unwrap();
    symlink("nowhere.toml", dir.join("zz/gone.toml")).unwrap();
    let err = from_dir_within_30s(&dir).expect_err("a `.toml` link to nothing");
    assert_eq!(
        err.to_string(),
        format!(
            "corpus/zz/gone.toml: failed to read `{}`",
            dir.join("zz/gone.toml").display()
        )
    );
    let e = err.iter().next().unwrap();
    let source = std::error::Error::source(e).expect("the system's reason");
    let io = source
        .downcast_ref::<std::io::Error>()
        .expect("an io::Error");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    let skipped = Corpus::loader().dir(&dir).skipped().to_vec();
    let notes = skipped
        .iter()
        .find(|s| s.location().origin() == "corpus/notes")
        .expect("the link to nothing is skipped");
    let reason = std::fs::metadata(dir.join("notes"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        notes.to_string(),
        format!("corpus/notes: skipped a symbolic link that cannot be followed ({reason})")
    );
}

/// Fix (issue 11, smaller): a file that could not be read was located at an invented `:1:1`.
/// It is located at the file alone, with the system's reason as `source()`.
#[cfg(unix)]
#[test]
fn unreadable_file_has_no_invented_line() {
    let dir = scratch_corpus("unreadable-file");
    // A link whose target does not exist cannot be read, whoever runs the test (unlike a
    // file without read permission, which root reads).
    std::os::unix::fs::symlink("missing.toml", dir.join("zz/broken.toml")).unwrap();
    let err = Corpus::from_dir(&dir).expect_err("an unreadable file");
    assert_eq!(err.len(), 1, "{err}");
    let e = err.iter().next().unwrap();
    assert_eq!(
        e.to_string(),
        format!(
            "unreadable-file/zz/broken.toml: failed to read `{}`",
            dir.join("zz/broken.toml").display()
        )
    );
    assert_eq!((e.location().line(), e.location().column()), (0, 0));
    let source = std::error::Error::source(e).expect("the system's reason");
    assert_eq!(
        source.to_string(),
        std::fs::read(dir.join("zz/broken.toml"))
            .unwrap_err()
            .to_string()
    );
    // Alone, it is still an instrument file (that cannot be read), so the directory is not
    // also said to hold none.
    std::fs::remove_file(dir.join("zz/law.toml")).unwrap();
    let err = Corpus::from_dir(&dir).expect_err("an unreadable file");
    assert_eq!(err.len(), 1, "{err}");
    assert!(matches!(
        err.iter().next().unwrap().kind(),
        LoadErrorKind::Io { .. }
    ));
}

/// Fix (issue 11, 6): an empty directory loaded as a corpus of 0 instruments. A directory with
/// no instrument file is an error located at the directory, which counts what it skipped.
#[test]
fn a_directory_without_instrument_files_is_an_error() {
    let dir = scratch_dir("empty");
    let err = Corpus::from_dir(&dir).expect_err("an empty directory");
    assert_eq!(
        err.to_string(),
        "empty: no instrument file in this directory (instrument files go at \
         `<jurisdiction>/<name>.toml`)"
    );
    let e = err.iter().next().unwrap();
    assert!(matches!(
        e.kind(),
        LoadErrorKind::NoInstruments { skipped: 0 }
    ));
    assert_eq!((e.location().origin(), e.location().line()), ("empty", 0));
    // Beside the bundled corpus too: the directory given holds nothing.
    assert!(Corpus::loader().bundled().dir(&dir).load().is_err());
    // A registry alone is no corpus either.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dir_with_skips/jurisdictions.toml"),
        dir.join("jurisdictions.toml"),
    )
    .unwrap();
    std::fs::write(dir.join("README.md"), "notes\n").unwrap();
    assert_eq!(
        Corpus::from_dir(&dir)
            .expect_err("a registry alone")
            .to_string(),
        "empty: no instrument file in this directory (instrument files go at \
         `<jurisdiction>/<name>.toml`)"
    );
    // Only skipped files: the message says so.
    std::fs::create_dir_all(dir.join("zz")).unwrap();
    std::fs::write(dir.join("zz/.law.toml"), "").unwrap();
    assert_eq!(
        Corpus::from_dir(&dir)
            .expect_err("a hidden file alone")
            .to_string(),
        "empty: no instrument file in this directory (instrument files go at \
         `<jurisdiction>/<name>.toml`); 1 entry was skipped (see the warnings)"
    );
    std::fs::write(dir.join("zz/law.TOML"), "").unwrap();
    assert_eq!(
        Corpus::from_dir(&dir)
            .expect_err("skipped files alone")
            .to_string(),
        "empty: no instrument file in this directory (instrument files go at \
         `<jurisdiction>/<name>.toml`); 2 entries were skipped (see the warnings)"
    );
}

/// Fix (issue 11, smaller): a file not at `<jurisdiction>/<name>.toml` got an `expected` id
/// that is no id (`/law` for `law.toml`, `zz/Law-B` for upper case). Such a path is an error
/// that says plainly where instrument files go; a file in its place still gets a valid id.
#[test]
fn misplaced_files_say_where_instrument_files_go() {
    let err = Corpus::from_dir("tests/data/bad_dir/misplaced").expect_err("misplaced files");
    let rule = "names no instrument id: instrument files go at `<jurisdiction>/<name>.toml` \
                inside the corpus directory, each part lowercase ASCII letters, digits, `-` or \
                `.` (only `jurisdictions.toml` goes at the top)";
    assert_eq!(
        err.to_string(),
        format!(
            "tests/data/bad_dir/misplaced/law.toml: the path `law.toml` {rule}\n\
             tests/data/bad_dir/misplaced/zz/2024/law.toml: the path `zz/2024/law.toml` {rule}\n\
             tests/data/bad_dir/misplaced/zz/Law-B.toml: the path `zz/Law-B.toml` {rule}"
        )
    );
    for e in &err {
        assert!(
            matches!(e.kind(), LoadErrorKind::MisplacedFile { .. }),
            "{e}"
        );
    }
    // In its place, the expected id is the path's.
    assert_eq!(
        Corpus::from_dir("tests/data/bad_dir/id-path-mismatch")
            .expect_err("a mismatch")
            .to_string(),
        "tests/data/bad_dir/id-path-mismatch/eu/wrong-name.toml:3:6: instrument id \
         `eu/right-name` does not match the file's path; expected `eu/wrong-name`"
    );
}

/// Fix (issue 11, smaller): a `:` in a file name made `origin:line:column` ambiguous. `Display`
/// percent-encodes `:`, `%` and control characters in the origin; `origin()` is unchanged.
#[test]
fn colons_in_file_names_are_encoded() {
    let err = Corpus::from_toml("odd:name.toml", "").expect_err("empty");
    assert_eq!(err.to_string(), "odd%3Aname.toml:1:1: empty file");
    assert_eq!(
        err.iter().next().unwrap().location().origin(),
        "odd:name.toml"
    );
    assert_eq!(
        Corpus::from_toml("50%:x\n.toml", "")
            .expect_err("empty")
            .to_string(),
        "50%25%3Ax%0A.toml:1:1: empty file"
    );
    // In a directory: the directory's own name has a colon.
    let root = scratch_dir("colon");
    let dir = root.join("a:b");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dir_with_skips"),
        &dir,
    );
    std::fs::write(dir.join("zz/empty.toml"), "").unwrap();
    let err = Corpus::from_dir(&dir).expect_err("an empty file");
    assert_eq!(err.to_string(), "a%3Ab/zz/empty.toml:1:1: empty file");
    let line = err.to_string();
    let (at, _) = line.split_once(": ").unwrap();
    assert_eq!(at.split(':').count(), 3, "{at}");
    // The warnings too.
    assert_eq!(
        Corpus::loader().dir(&dir).skipped()[0].to_string(),
        "a%3Ab/.archive: skipped a hidden directory (names starting with `.` are not read)"
    );
}

/// A bad file never yields part of a corpus: loading it with the (valid) bundled files fails as
/// a whole, and every error names the bad file.
#[test]
fn bad_input_loads_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 20);
    for p in paths {
        let origin = origin(&p);
        let text = std::fs::read_to_string(&p).unwrap();
        let err = match Corpus::loader().bundled().toml(&origin, &text).load() {
            Ok(_) => panic!("{origin} loaded with the bundled corpus"),
            Err(e) => e,
        };
        for e in &err {
            assert_eq!(e.location().origin(), origin, "{e}");
        }
    }
    // A problem in the last provision alone still fails the whole file.
    let (origin, text) = fixture("tests/data/bad/empty-text.toml");
    assert!(Corpus::from_toml(&origin, &text).is_err());
    let fixed = text.replace("text.en = \"\"\"\n\n\"\"\"", "text.en = \"Kept.\"");
    assert_ne!(fixed, text);
    let corpus = Corpus::from_toml(&origin, &fixed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(corpus.provisions().count(), 2);
}

/// Fix: a column counted a partial character when a span pointed inside one.
#[test]
fn location_inside_a_character() {
    let text = "a = 1\nbé = 2\n";
    // Bytes 7 and 8 are `é`; both locate column 2.
    for offset in [7, 8] {
        assert_eq!(
            lexgap::Location::at_offset("f.toml", text, offset).to_string(),
            "f.toml:2:2"
        );
    }
    assert_eq!(
        lexgap::Location::at_offset("f.toml", text, 9).to_string(),
        "f.toml:2:3"
    );
    // Past the end: the end.
    assert_eq!(
        lexgap::Location::at_offset("f.toml", text, 1000).to_string(),
        "f.toml:3:1"
    );
    assert_eq!(
        lexgap::Location::at_offset("f.toml", "", 5).to_string(),
        "f.toml:1:1"
    );
}

/// Fix: `languages = {}` let every text through without provenance (the check was skipped
/// for an empty table).
#[test]
fn empty_languages_table_gives_no_provenance() {
    assert_eq!(
        load_bad("tests/data/bad/no-provenance-empty-languages.toml").to_string(),
        "tests/data/bad/no-provenance-empty-languages.toml:15:12: \
         `eu/no-provenance-empty-languages/art-1` has a `en` label, but the instrument's \
         `languages` table has no `en` entry\n\
         tests/data/bad/no-provenance-empty-languages.toml:16:11: \
         `eu/no-provenance-empty-languages/art-1` has `en` text, but the instrument's \
         `languages` table has no `en` entry"
    );
}

/// Fix: `text.en` and `text.EN` name one language; the second silently replaced the first.
#[test]
fn duplicate_language_keys() {
    assert_eq!(
        load_bad("tests/data/bad/duplicate-language.toml").to_string(),
        "tests/data/bad/duplicate-language.toml:19:11: duplicate `en` text in \
         `eu/duplicate-language/art-1` (first at tests/data/bad/duplicate-language.toml:18:11; \
         language tags ignore case)"
    );
}

/// Fix: a provision could be defined under another instrument's full id, so the corpus held
/// `eu/gdpr/art-1` inside `eu/foreign-provision-id`.
#[test]
fn provision_ids_belong_to_their_instrument() {
    assert_eq!(
        load_bad("tests/data/bad/foreign-provision-id.toml").to_string(),
        "tests/data/bad/foreign-provision-id.toml:16:6: provision id `eu/gdpr/art-1` belongs to \
         another instrument than `eu/foreign-provision-id`; write the local id `art-1`"
    );
    // Its own full id is fine.
    let (origin, text) = fixture("tests/data/bad/foreign-provision-id.toml");
    let own = text.replace("\"eu/gdpr/art-1\"", "\"eu/foreign-provision-id/art-1\"");
    let corpus = Corpus::from_toml(&origin, &own).unwrap_or_else(|e| panic!("{e}"));
    assert!(corpus.get("eu/foreign-provision-id/art-1").is_some());
}

/// The TOML parser limits nesting, so deep input is an error, not a stack overflow.
#[test]
fn deeply_nested_toml_is_an_error() {
    let depth = 100_000;
    let arrays = format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(
        Corpus::from_toml("deep.toml", &arrays)
            .expect_err("too deep")
            .to_string(),
        "deep.toml:1:85: cannot recurse further; max recursion depth met"
    );
    let tables = format!("a = {}1{}\n", "{ b = ".repeat(depth), " }".repeat(depth));
    assert!(Corpus::from_toml("deep.toml", &tables).is_err());
    let keys: Vec<String> = (0..depth).map(|i| format!("k{i}")).collect();
    for text in [
        format!("{} = 1\n", keys.join(".")),
        format!("[{}]\n", keys.join(".")),
    ] {
        assert_eq!(
            Corpus::from_toml("deep.toml", &text)
                .expect_err("too deep")
                .to_string(),
            "deep.toml:1:1: recursion limit"
        );
    }
}

/// A valid instrument with `extra` appended.
fn echr_plus(extra: &str) -> String {
    let (_, echr) = fixture("provisions/coe/echr.toml");
    echr + extra
}

/// Fix: locating problems re-read the file from its start each time, and each dangling
/// reference was compared with every id, so a large file with many problems took minutes
/// (4,000 provisions: 66 s). Both are now bounded.
#[test]
fn many_problems_in_a_large_file_are_all_reported() {
    let n = 5_000;
    let mut extra = String::new();
    for i in 0..n {
        extra.push_str(&format!(
            "\n[[provision]]\nid = \"x-{i}\"\nlabel.en = \"X\"\ntext.en = \"abc\"\n\
             references = [\"nope-{i}\"]\n[[provision.norm]]\nkind = \"obligaton\"\nquote = \"abd\"\n"
        ));
    }
    let text = echr_plus(&extra);
    let err = Corpus::from_toml("big.toml", &text).expect_err("every added provision is bad");
    assert_eq!(err.len(), 3 * n);
    // Locations stay exact: the last added provision's norm kind and quote.
    let lines = text.lines().count();
    let last: Vec<String> = err
        .iter()
        .skip(3 * n - 2)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        last,
        [
            format!(
                "big.toml:{}:8: unknown norm kind `obligaton`; did you mean `obligation`?",
                lines - 1
            ),
            format!(
                "big.toml:{lines}:9: evidence quote not found in any text of `coe/echr/x-{}`: \"abd\"",
                n - 1
            ),
        ]
    );
}

/// Fix: cycle detection walked every path of the version graph, exponential in its depth
/// (20 layers of two instruments, each superseding both of the layer before: 22 s; 24 layers:
/// minutes). It is now linear.
#[test]
fn version_cycle_search_is_linear() {
    let layers = 40;
    let mut loader = Corpus::loader();
    for l in 0..layers {
        for k in 0..2 {
            let supersedes = if l == 0 {
                String::new()
            } else {
                format!("supersedes = [\"eu/l{p}-0\", \"eu/l{p}-1\"]\n", p = l - 1)
            };
            let text = format!(
                "[instrument]\nid = \"eu/l{l}-{k}\"\ntitle.en = \"T\"\nshort-title = \"T\"\n\
                 kind = \"statute\"\nstatus = \"in-force\"\nbinding = true\n{supersedes}\
                 languages.en = {{ legal-value = \"authentic\", source = \"s\" }}\n"
            );
            loader = loader.toml(&format!("l{l}-{k}.toml"), &text);
        }
    }
    // Close one loop: the first layer supersedes the last.
    let text = "[instrument]\nid = \"eu/top\"\ntitle.en = \"T\"\nshort-title = \"T\"\n\
                kind = \"statute\"\nstatus = \"in-force\"\nbinding = true\n\
                supersedes = [\"eu/l39-0\"]\nbecomes = \"eu/l0-0\"\n\
                languages.en = { legal-value = \"authentic\", source = \"s\" }\n";
    // (Exponential, 40 layers would not end: the test ending is the check.)
    let err = loader.toml("top.toml", text).load().expect_err("a cycle");
    assert_eq!(err.len(), 1, "{err}");
    let msg = err.to_string();
    assert!(
        msg.starts_with("l0-0.toml:2:6: version cycle: eu/l0-0 → eu/l1-0 → "),
        "{msg}"
    );
    assert!(msg.ends_with(" → eu/l39-0 → eu/top → eu/l0-0"), "{msg}");
}

/// A copy of the bundled registry beside one's own files, loaded with the bundled corpus,
/// repeats its entries word for word: accepted. An entry that differs is a conflict.
#[test]
fn a_copy_of_the_bundled_registry_beside_the_bundled_corpus() {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("registry-copy");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("us-il")).unwrap();
    let bundled = std::fs::read_to_string("provisions/jurisdictions.toml").unwrap();
    let notice = std::fs::read_to_string("tests/data/good/subdivision/us-il/notice.toml").unwrap();
    std::fs::write(root.join("us-il/notice.toml"), notice).unwrap();
    let mine = "\n[[jurisdiction]]\ncode = \"us-il\"\nname = \"Illinois\"\nparent = \"us\"\n";
    std::fs::write(root.join("jurisdictions.toml"), bundled.clone() + mine).unwrap();
    let corpus = Corpus::loader().bundled().dir(&root).load();
    assert!(corpus.is_ok(), "{}", corpus.unwrap_err());
    // The same code with another name.
    let renamed = bundled.replacen("name = \"European Union\"", "name = \"EU\"", 1);
    assert_ne!(renamed, bundled, "the bundled registry names the EU");
    std::fs::write(root.join("jurisdictions.toml"), renamed.clone() + mine).unwrap();
    let err = Corpus::loader().bundled().dir(&root).load().unwrap_err();
    let line = renamed[..renamed.find("\"EU\"").unwrap()]
        .matches('\n')
        .count();
    assert_eq!(
        err.to_string(),
        format!(
            "registry-copy/jurisdictions.toml:{line}:8: duplicate jurisdiction id `eu` (first defined at provisions/jurisdictions.toml:{line}:8)"
        )
    );
}

/// A parent may come from another registry: the bundled one, when the loader has it.
#[test]
fn parent_jurisdiction_from_the_bundled_registry() {
    let dir = "tests/data/good/subdivision";
    let corpus = Corpus::loader()
        .bundled()
        .dir(dir)
        .load()
        .unwrap_or_else(|e| panic!("{e}"));
    let il = corpus.jurisdiction("us-il").expect("us-il is registered");
    assert_eq!(il.parent.as_deref(), Some("us"));
    assert!(corpus.instrument("us-il/notice").is_ok());
    // Alone, the registry lacks `us`.
    assert_eq!(
        Corpus::from_dir(dir).expect_err("no `us`").to_string(),
        "tests/data/good/subdivision/jurisdictions.toml:6:10: unknown jurisdiction `us`"
    );
}

/// A chapter path is one list, or one list per language with provenance; anything else is a
/// located error, and a list by language loads with the authentic one as the path.
#[test]
fn chapters_by_language() {
    let file = |chapter: &str| {
        format!(
            "[instrument]\nid = \"eu/chapters\"\ntitle.en = \"Test\"\nshort-title = \"Test\"\n\
             kind = \"statute\"\nstatus = \"in-force\"\nbinding = true\nin-force = 2020-01-01\n\n\
             [instrument.languages.en]\nlegal-value = \"authentic\"\nsource = \"invented\"\n\n\
             [instrument.languages.fr]\nlegal-value = \"official-translation\"\nsource = \"invented\"\n\n\
             [[provision]]\nid = \"art-1\"\nlabel.en = \"Article 1\"\n{chapter}\n\
             text.en = \"The controller shall keep a record.\"\n"
        )
    };
    let load = |chapter: &str| {
        lexgap::Loader::new()
            .toml("chapters.toml", &file(chapter))
            .load()
    };
    let ok = load("chapter.fr = [\"Chapitre II\"]\nchapter.en = [\"Chapter II\"]").unwrap();
    let p = ok.provision("eu/chapters/art-1").unwrap();
    assert_eq!(p.chapter, ["Chapter II"], "the authentic language's list");
    assert_eq!(p.chapters.len(), 2);
    let err = |chapter: &str| load(chapter).unwrap_err().to_string();
    assert_eq!(
        err("chapter = 3"),
        "chapters.toml:21:11: `chapter` of `eu/chapters/art-1` must be a list of strings \
         (`chapter = [\"Chapter II …\"]`) or one list per language (`chapter.en = [...]`)"
    );
    assert_eq!(
        err("chapter.de = [\"Kapitel II\"]"),
        "chapters.toml:21:1: `chapter.de` of `eu/chapters/art-1`: the instrument has no \
         provenance for `de`"
    );
}
