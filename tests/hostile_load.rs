//! Hostile and sloppy corpus files (issue 11): each case is a reproducer that must give a
//! located error or an intended acceptance, quickly, never a panic.

use lexgap::Corpus;

const JURISDICTIONS: &str = "[[jurisdiction]]\ncode = \"zz\"\nname = \"Test\"\n";

/// A file `zz/law.toml` with one provision `art-1` whose English text is `text` and whose
/// norm quotes `quote`.
fn law(text: &str, quote: &str) -> String {
    format!(
        "[instrument]\nid = \"zz/law\"\ntitle.en = \"Law\"\nshort-title = \"Law\"\nkind = \"statute\"\n\
         status = \"in-force\"\nbinding = true\n\n[instrument.languages.en]\nlegal-value = \"authentic\"\n\
         source = \"test\"\n\n[[provision]]\nid = \"art-1\"\nlabel.en = \"Article 1\"\ntext.en = '''\n{text}\n'''\n\n\
         [[provision.norm]]\nkind = \"obligation\"\nquote = '''{quote}'''\n"
    )
}

/// Loads the corpus `q/` (a registry with `zz` and the file `zz/law.toml`) from a scratch
/// directory of its own under the target directory. Error messages are shown as if that
/// directory were `target/tmp/hostile-<name>`, so that they are the same on every machine and
/// with any `CARGO_TARGET_DIR`.
fn load(name: &str, file: &str) -> Result<Corpus, Report> {
    load_with(name, JURISDICTIONS, file)
}

/// A load's errors as [`load`] shows them.
#[derive(Debug)]
struct Report(String);

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The same with a registry of one's own.
fn load_with(name: &str, jurisdictions: &str, file: &str) -> Result<Corpus, Report> {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = std::fs::remove_dir_all(&root);
    let q = root.join("q");
    std::fs::create_dir_all(q.join("zz")).unwrap();
    std::fs::write(q.join("jurisdictions.toml"), jurisdictions).unwrap();
    std::fs::write(q.join("zz/law.toml"), file).unwrap();
    let here = std::env::current_dir().unwrap();
    // Named relatively, as a user would name it, then shown under the fixed name.
    let rel = pathdiff(&q, &here);
    Corpus::from_dir(&rel).map_err(|e| {
        let shown = format!("target/tmp/hostile-{name}/q");
        Report(e.to_string().replace(&rel.display().to_string(), &shown))
    })
}

/// `path` relative to `base` (both absolute; `base` an ancestor's sibling at most).
fn pathdiff(path: &std::path::Path, base: &std::path::Path) -> std::path::PathBuf {
    let (p, b): (Vec<_>, Vec<_>) = (path.components().collect(), base.components().collect());
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = std::path::PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

#[test]
fn a_quote_may_not_begin_or_end_inside_a_word() {
    let text = "The controller shall notify the authority.";
    let err = load("inside-a-word", &law(text, "The controller shall not")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target/tmp/hostile-inside-a-word/q/zz/law.toml:22:9: evidence quote not found in any text of \
         `zz/law/art-1`: \"The controller shall not\""
    );
    assert!(load("e-data", &law("the data", "e data")).is_err());
    assert!(load("whole-words", &law(text, "shall notify the authority")).is_ok());
    assert!(load("full-stop", &law(text, "the authority.")).is_ok());
}

#[test]
fn a_quote_across_a_paragraph_break_matches_as_one_run_of_words() {
    // Decided (and documented in `model::quote`): line and paragraph breaks are whitespace.
    let text = "1. The first paragraph ends here.\n2. The second begins.";
    assert!(load("break", &law(text, "ends here. 2. The second")).is_ok());
}

#[test]
fn the_quote_search_is_linear_in_a_crafted_megabyte_file() {
    // The reproducer: text "a " × 500,000 + "b" and a 5,000-word quote of `a`s ending in `c`.
    // It used to take 11 s; KMP over the normalised text makes it one pass.
    let text = "a ".repeat(500_000) + "b";
    let quote = "a ".repeat(5_000) + "c";
    let err = load("megabyte-miss", &law(&text, &quote)).unwrap_err();
    assert!(
        err.to_string().contains("evidence quote not found"),
        "{err}"
    );
    let quote = "a ".repeat(5_000) + "b";
    assert!(load("megabyte-hit", &law(&text, &quote)).is_ok());
}

/// `origin:line:column` of the first occurrence of `needle` in `text`.
fn at(name: &str, file: &str, text: &str, needle: &str) -> String {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the file"));
    let line = text[..offset].matches('\n').count() + 1;
    let column = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("target/tmp/hostile-{name}/q/{file}:{line}:{column}")
}

/// The errors of loading `text` as `zz/law.toml`, one per line.
fn errors(name: &str, text: &str) -> Vec<String> {
    match load(name, text) {
        Ok(_) => Vec::new(),
        Err(e) => e.to_string().lines().map(str::to_owned).collect(),
    }
}

#[test]
fn jurisdiction_parent_cycles_are_rejected() {
    let one = "[[jurisdiction]]\ncode = \"zz\"\nname = \"Test\"\nparent = \"zz\"\n";
    let err = load_with("cycle-1", one, &law("The law.", "The law.")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target/tmp/hostile-cycle-1/q/jurisdictions.toml:4:10: jurisdiction parent cycle: `zz` → `zz`"
    );
    let three = "[[jurisdiction]]\ncode = \"zx\"\nname = \"X\"\nparent = \"zz\"\n\n\
                 [[jurisdiction]]\ncode = \"zy\"\nname = \"Y\"\nparent = \"zx\"\n\n\
                 [[jurisdiction]]\ncode = \"zz\"\nname = \"Z\"\nparent = \"zy\"\n";
    let err = load_with("cycle-3", three, &law("The law.", "The law.")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target/tmp/hostile-cycle-3/q/jurisdictions.toml:4:10: jurisdiction parent cycle: `zx` → `zz` → `zy` → `zx`"
    );
    let two = "[[jurisdiction]]\ncode = \"zy\"\nname = \"Y\"\nparent = \"zz\"\n\n\
               [[jurisdiction]]\ncode = \"zz\"\nname = \"Z\"\nparent = \"zy\"\n";
    assert!(load_with("cycle-2", two, &law("The law.", "The law.")).is_err());
}

#[test]
fn empty_titles_labels_and_short_titles_are_rejected() {
    let file = law("The law.", "The law.")
        .replace("title.en = \"Law\"\n", "title = {}\n")
        .replace("short-title = \"Law\"", "short-title = \"\"")
        .replace("label.en = \"Article 1\"", "label = {}");
    assert_eq!(
        errors("empty-names", &file),
        [
            format!(
                "{}: `title` of `zz/law` gives no language: write `title.en = \"...\"` (one per language)",
                at("empty-names", "zz/law.toml", &file, "\"zz/law\"")
            ),
            format!(
                "{}: empty short-title in `zz/law`",
                at("empty-names", "zz/law.toml", &file, "\"\"\nkind")
            ),
            format!(
                "{}: `label` of `zz/law/art-1` gives no language: write `label.en = \"Article 1\"` (one per language)",
                at("empty-names", "zz/law.toml", &file, "\"art-1\"")
            ),
        ]
    );
}

#[test]
fn a_label_needs_the_provenance_of_its_language() {
    let file = law("The law.", "The law.").replace(
        "label.en = \"Article 1\"",
        "label = { en = \"Article 1\", fr = \"Article 1\" }",
    );
    assert_eq!(
        errors("label-lang", &file),
        [format!(
            "{}: `zz/law/art-1` has a `fr` label, but the instrument's `languages` table has no `fr` entry",
            at("label-lang", "zz/law.toml", &file, "\"Article 1\" }")
        )]
    );
}

#[test]
fn elements_belong_to_their_safeguard() {
    let file = law("Signs are shown.", "Signs are shown.")
        + "safeguards = [{ kind = \"transparency\", elements = [\"judicial\"], quote = \"Signs are shown.\" }]\n";
    assert_eq!(
        errors("elements", &file),
        [format!(
            "{}: element `judicial` belongs to a `prior-authorisation` safeguard, not to `transparency`",
            at("elements", "zz/law.toml", &file, "\"judicial\"")
        )]
    );
}

#[test]
fn contradictory_dates_are_rejected() {
    let file = law("The law.", "The law.").replace(
        "binding = true\n",
        "binding = true\nadopted = 2020-05-01\npublished = 2020-04-01\nin-force = 2021-01-01\nrepealed = 2020-12-31\n",
    );
    let e = errors("dates", &file);
    assert_eq!(
        e,
        [
            format!(
                "{}: `published` 2020-04-01 of `zz/law` comes before its `adopted` 2020-05-01",
                at("dates", "zz/law.toml", &file, "2020-04-01")
            ),
            format!(
                "{}: `repealed` 2020-12-31 of `zz/law` comes before its `in-force` 2021-01-01",
                at("dates", "zz/law.toml", &file, "2020-12-31")
            ),
            format!(
                "{}: `zz/law` has status `in-force` but a `repealed` date 2020-12-31; write `status = \"repealed\"` (or `superseded`)",
                at("dates", "zz/law.toml", &file, "2020-12-31")
            ),
        ]
    );
}

#[test]
fn duplicates_in_lists_are_rejected() {
    let file = law("The court decides.", "The court decides.").replace(
        "binding = true\n",
        "binding = true\nsupersedes = [\"zz/old\", \"zz/old\"]\n",
    ) + "actors = [\"court\", \"court\"]\n";
    let e = errors("duplicates", &file);
    let second = |needle: &str| {
        let offset = file.rfind(needle).unwrap();
        let line = file[..offset].matches('\n').count() + 1;
        let column = file[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
        format!("target/tmp/hostile-duplicates/q/zz/law.toml:{line}:{column}")
    };
    assert_eq!(
        e,
        [
            // (zz/old is not in the corpus either.)
            "target/tmp/hostile-duplicates/q/zz/law.toml:8:15: `zz/law` supersedes `zz/old`, \
             which is not in the corpus; did you mean `zz/law`?"
                .to_owned(),
            format!(
                "{}: `zz/old` is listed twice in `supersedes`",
                second("\"zz/old\"")
            ),
            format!("{}: actor `court` is listed twice", second("\"court\"")),
        ]
    );
}

#[test]
fn article_ids_have_one_shape() {
    for (name, id, label, message) in [
        (
            "art-dash",
            "art--13",
            "Article 13",
            "article id `art--13` is not of the form `art-N` or `art-Na` (an inserted article)",
        ),
        (
            "art-dot",
            "art.13",
            "Article 13",
            "article id `art.13` is not of the form `art-N` or `art-Na` (an inserted article)",
        ),
        (
            "art-13a",
            "art-13a",
            "Article 13",
            "label `Article 13` does not name article 13a, as the id `zz/law/art-13a` does",
        ),
    ] {
        let file = law("The law.", "The law.")
            .replace("id = \"art-1\"", &format!("id = \"{id}\""))
            .replace(
                "label.en = \"Article 1\"",
                &format!("label.en = \"{label}\""),
            );
        let e = errors(name, &file);
        assert!(e.iter().any(|m| m.ends_with(message)), "{name}: {e:?}");
    }
    // An inserted article whose label names it loads.
    let file = law("The law.", "The law.")
        .replace("id = \"art-1\"", "id = \"art-13a\"")
        .replace("label.en = \"Article 1\"", "label.en = \"Article 13a\"");
    assert_eq!(errors("art-13a-ok", &file), Vec::<String>::new());
}

#[test]
fn a_five_megabyte_field_gives_a_bounded_message() {
    // Each line of the report stays readable whatever the size of the field that is wrong:
    // a quote that is not in the text, an unknown norm kind and an unknown key, 5 MB each.
    let huge = "x".repeat(5 << 20);
    let missing = law("The controller shall notify.", &huge);
    let kind = law("The controller shall notify.", "shall notify")
        .replace("kind = \"obligation\"", &format!("kind = \"{huge}\""));
    let key = law("The controller shall notify.", "shall notify").replace(
        "kind = \"obligation\"",
        &format!("kind = \"obligation\"\n{huge} = 1"),
    );
    for (name, file) in [
        ("huge-quote", missing),
        ("huge-kind", kind),
        ("huge-key", key),
    ] {
        let lines = errors(name, &file);
        assert!(!lines.is_empty(), "{name}: accepted");
        for line in &lines {
            assert!(line.len() < 600, "{name}: a line of {} bytes", line.len());
        }
    }
}
