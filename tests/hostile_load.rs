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
/// directory of its own under the target directory, named relatively, so that messages are
/// the same on every machine (`target/tmp/hostile-<name>/q/zz/law.toml`).
fn load(name: &str, file: &str) -> Result<Corpus, lexgap::LoadErrors> {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = std::fs::remove_dir_all(&root);
    let q = root.join("q");
    std::fs::create_dir_all(q.join("zz")).unwrap();
    std::fs::write(q.join("jurisdictions.toml"), JURISDICTIONS).unwrap();
    std::fs::write(q.join("zz/law.toml"), file).unwrap();
    let here = std::env::current_dir().unwrap();
    // Relative, so that messages name `q/...` whatever the machine.
    let rel = pathdiff(&q, &here);
    Corpus::from_dir(rel)
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
