//! Text, structural and version diffs on the bundled corpus.

use std::time::{Duration, Instant};

use lexgap::Corpus;
use lexgap::diff::{
    ChangeTag, DiffOptions, Granularity, NormChange, NormStatus, OpTag, ProvisionDiff, TermChange,
    VersionDiff, VersionStatus, text_diff,
};
use lexgap::model::{Activity, Lang, Purpose};

fn corpus() -> &'static Corpus {
    Corpus::bundled()
}

fn draft27_final26() -> ProvisionDiff<'static> {
    let c = corpus();
    ProvisionDiff::new(
        c.provision("cn/pipl-draft-2020/art-27").unwrap(),
        c.provision("cn/pipl/art-26").unwrap(),
    )
}

fn rebuild(diff: &lexgap::diff::TextDiff<'_>, keep: ChangeTag) -> String {
    diff.iter_changes()
        .filter(|c| c.tag() == ChangeTag::Equal || c.tag() == keep)
        .map(|c| c.value())
        .collect()
}

#[test]
fn draft_art27_to_final_art26_text() {
    let diff = draft27_final26();
    assert_eq!(diff.lang().map(Lang::as_str), Some("zh"));
    assert_eq!(diff.text().granularity(), Granularity::Chars);
    assert!(diff.is_renumbered());
    let deleted: Vec<&str> = diff.text().deleted().collect();
    let inserted: Vec<&str> = diff.text().inserted().collect();
    assert_eq!(
        deleted,
        [
            "个人",
            "特征",
            "公开或者向他人提供",
            "或者法律、行政法规另有规定"
        ]
    );
    assert_eq!(inserted, ["识别", "用于其他目的"]);
    // 不得公开或者向他人提供 → 不得用于其他目的: the shared 不得 is kept, the rest replaced.
    let runs: Vec<(ChangeTag, &str)> = diff.iter_changes().map(|c| (c.tag(), c.value())).collect();
    let at = runs
        .iter()
        .position(|r| r == &(ChangeTag::Delete, "公开或者向他人提供"))
        .expect("the disclosure ban is deleted as one run");
    assert!(runs[at - 1].0 == ChangeTag::Equal && runs[at - 1].1.ends_with("不得"));
    assert_eq!(runs[at + 1], (ChangeTag::Insert, "用于其他目的"));
    // 取得个人单独同意或者法律、行政法规另有规定的除外 → 取得个人单独同意的除外
    let other_law = runs
        .iter()
        .position(|r| r == &(ChangeTag::Delete, "或者法律、行政法规另有规定"))
        .expect("the other-laws exception is deleted");
    assert!(runs[other_law - 1].1.ends_with("取得个人单独同意"));
    assert!(runs[other_law + 1].1.starts_with("的除外"));
    assert_eq!(rebuild(diff.text(), ChangeTag::Insert), diff.new_text());
    assert_eq!(rebuild(diff.text(), ChangeTag::Delete), diff.old_text());
    assert!(
        (diff.similarity() - 0.8496).abs() < 1e-3,
        "{}",
        diff.similarity()
    );
}

#[test]
fn draft_art27_to_final_art26_structure() {
    let diff = draft27_final26();
    let s = diff.structure();
    assert!(s.is_comparable());
    assert_eq!(s.grounds_dropped(), [Purpose::OtherLaw]);
    assert!(s.grounds_added().is_empty());
    let statuses: Vec<NormStatus> = s.norms().iter().map(|n| n.status()).collect();
    assert_eq!(statuses, [NormStatus::Unchanged, NormStatus::Changed]);
    let changes: Vec<String> = s.iter_changes().map(ToString::to_string).collect();
    assert_eq!(
        changes,
        [
            "activities: added use",
            "activities: removed disclose",
            "exception dropped: grounds other-law",
        ]
    );
    // The draft's 除外 clause is two derogations (separate consent; what laws or
    // administrative regulations provide); the final law keeps the first only.
    let dropped = s
        .iter_changes()
        .find_map(|c| match c {
            NormChange::ExceptionDropped { exception } => Some(exception),
            _ => None,
        })
        .expect("a dropped derogation");
    assert_eq!(dropped.ground_terms(), [Purpose::OtherLaw]);
    assert_eq!(
        dropped.evidence.quote,
        "取得个人单独同意或者法律、行政法规另有规定的除外"
    );
    assert!(
        !s.iter_changes()
            .any(|c| matches!(c, NormChange::ExceptionGrounds { .. }))
    );
    assert!(s.iter_changes().any(|c| c
        == &NormChange::Activities {
            change: TermChange::Removed(Activity::Disclose)
        }));
}

#[test]
fn diff_with_itself_is_empty() {
    for id in [
        "cn/pipl-draft-2020/art-54",
        "eu/gdpr/art-9",
        "cn/pipl/art-26",
    ] {
        let p = corpus().provision(id).unwrap();
        let diff = p.diff(p);
        assert!(diff.is_empty(), "{id}");
        assert_eq!(diff.similarity(), 1.0);
        assert!(!diff.is_renumbered());
        assert_eq!(diff.text().ops().len(), 1);
        assert_eq!(diff.text().ops()[0].tag(), OpTag::Equal);
    }
}

#[test]
fn similarity_is_symmetric_on_real_pairs() {
    let c = corpus();
    for (a, b) in [
        ("cn/pipl-draft-2020/art-54", "cn/pipl/art-55"),
        ("cn/pipl-draft-2020/art-29", "cn/pipl/art-28"),
        ("eu/gdpr/art-33", "eu/gdpr/art-34"),
    ] {
        let (a, b) = (c.provision(a).unwrap(), c.provision(b).unwrap());
        let ab = a.diff(b);
        let ba = b.diff(a);
        assert_eq!(ab.similarity(), ba.similarity());
        assert!(ab.similarity() > 0.0 && ab.similarity() < 1.0);
        assert_eq!(
            ab.text().deleted().collect::<Vec<_>>(),
            ba.text().inserted().collect::<Vec<_>>()
        );
    }
}

#[test]
fn between_prefers_authentic_languages() {
    let c = corpus();
    let by_tag = ProvisionDiff::new(
        c.provision("cn/pipl-draft-2020/art-1").unwrap(),
        c.provision("cn/pipl/art-1").unwrap(),
    );
    assert_eq!(
        by_tag.lang().map(Lang::as_str),
        Some("en"),
        "tag order without instruments"
    );
    let diff = ProvisionDiff::between(c, "cn/pipl-draft-2020/art-1", "cn/pipl/art-1").unwrap();
    assert_eq!(diff.lang().map(Lang::as_str), Some("zh"));
    assert_eq!(diff.text().inserted().collect::<Vec<_>>(), ["根据宪法，"]);
    assert_eq!(
        diff.text().deleted().collect::<Vec<_>>(),
        ["保障个人信息依法有序自由流动，"]
    );
    let err = ProvisionDiff::between(c, "cn/pipl/art-99", "cn/pipl/art-1").unwrap_err();
    assert_eq!(
        err.to_string(),
        "no provision `cn/pipl/art-99`; did you mean `cn/pipl/art-9`?"
    );
}

#[test]
fn no_common_language() {
    let c = corpus();
    let diff = ProvisionDiff::new(
        c.provision("eu/gdpr/art-9").unwrap(),
        c.provision("cn/pipl-draft-2020/art-27").unwrap(),
    );
    assert_eq!(diff.lang(), None);
    assert_eq!(diff.old_lang().map(Lang::as_str), Some("en"));
    assert_eq!(diff.new_lang().map(Lang::as_str), Some("zh"));
    assert_eq!(diff.similarity(), 0.0);
    assert_eq!(diff.text().ops().len(), 1);
    assert_eq!(diff.text().ops()[0].tag(), OpTag::Replace);
    assert!(!diff.is_empty());
}

#[test]
fn unannotated_provisions_are_not_compared_structurally() {
    let c = corpus();
    let diff = ProvisionDiff::new(
        c.provision("cn/pipl-draft-2020/art-1").unwrap(),
        c.provision("cn/pipl/art-26").unwrap(),
    );
    assert!(!diff.structure().is_comparable());
    assert!(!diff.structure().old_annotated());
    assert!(diff.structure().new_annotated());
    assert!(diff.structure().norms().is_empty());
}

#[test]
fn text_diff_words_and_lines() {
    let old = "1. Personal data shall be processed lawfully.\n2. The controller shall notify the supervisory authority.\n";
    let new = "1. Personal data shall be processed lawfully.\n2. The processor shall notify the authority without delay.\n";
    let diff = text_diff(old, new, None);
    assert_eq!(diff.granularity(), Granularity::Words);
    let lines: Vec<OpTag> = diff.lines().iter().map(|l| l.tag()).collect();
    assert_eq!(lines, [OpTag::Equal, OpTag::Replace]);
    assert_eq!(
        diff.deleted().collect::<Vec<_>>(),
        ["controller", "supervisory "]
    );
    assert_eq!(
        diff.inserted().collect::<Vec<_>>(),
        ["processor", " without delay"]
    );
    assert_eq!(rebuild(&diff, ChangeTag::Insert), new);
    assert_eq!(rebuild(&diff, ChangeTag::Delete), old);
    let shown: String = diff
        .iter_changes()
        .skip(1)
        .map(|c| match c.tag() {
            ChangeTag::Equal => c.value().to_string(),
            ChangeTag::Delete => format!("[-{}-]", c.value()),
            ChangeTag::Insert => format!("{{+{}+}}", c.value()),
        })
        .collect();
    assert_eq!(
        shown,
        "[-controller-]{+processor+} shall notify the [-supervisory -]authority{+ without delay+}.\n"
    );
}

#[test]
fn granularity_follows_the_language_or_the_script() {
    let zh = Lang::new("zh").unwrap();
    let words =
        DiffOptions::new().diff_texts("不得公开", "不得使用", Some(&Lang::new("en").unwrap()));
    assert_eq!(words.granularity(), Granularity::Words);
    let chars = DiffOptions::new().diff_texts("不得公开", "不得使用", Some(&zh));
    assert_eq!(chars.granularity(), Granularity::Chars);
    assert_eq!(chars.deleted().collect::<Vec<_>>(), ["公开"]);
    assert_eq!(
        text_diff("不得公开", "不得使用", None).granularity(),
        Granularity::Chars
    );
    let forced = DiffOptions::new()
        .granularity(Granularity::Chars)
        .diff_texts("data subject", "data subjects", None);
    assert_eq!(forced.inserted().collect::<Vec<_>>(), ["s"]);
}

#[test]
fn deadline_gives_a_correct_approximate_diff() {
    let old: String = (0..3000).map(|i| format!("w{} ", i * 7 % 1009)).collect();
    let new: String = (0..3000).map(|i| format!("w{} ", i * 13 % 1013)).collect();
    let diff = DiffOptions::new()
        .timeout(Duration::ZERO)
        .diff_texts(&old, &new, None);
    assert!(diff.is_approximate());
    assert_eq!(rebuild(&diff, ChangeTag::Insert), new);
    assert_eq!(rebuild(&diff, ChangeTag::Delete), old);
    assert!(!text_diff("a b", "a c", None).is_approximate());
}

/// The whole GDPR, one article a line group, against a copy with a few edits: lines first,
/// words only in the changed lines.
#[test]
fn long_text_diff_is_line_first() {
    let gdpr = corpus().instrument("eu/gdpr").unwrap();
    let old: String = gdpr
        .provisions
        .iter()
        .filter_map(|p| p.text.get(&Lang::new("en").unwrap()))
        .map(String::as_str)
        .collect();
    let new = old
        .replacen("supervisory authority", "supervisory body", 3)
        .replacen("without undue delay", "promptly", 2);
    let start = Instant::now();
    let diff = text_diff(&old, &new, None);
    let took = start.elapsed();
    assert!(!diff.is_approximate(), "took {took:?}");
    assert_eq!(rebuild(&diff, ChangeTag::Insert), new);
    let inserted: Vec<&str> = diff.inserted().collect();
    assert_eq!(inserted, ["body", "body", "body", "promptly", "promptly"]);
    assert_eq!(
        diff.lines()
            .iter()
            .filter(|l| l.tag() != OpTag::Equal)
            .count(),
        3
    );
    assert!(diff.similarity() > 0.99);
}

/// Status, old ids, new ids, renumbered, amended.
type Row = (VersionStatus, Vec<String>, Vec<String>, bool, bool);

#[test]
fn version_diff_draft_to_final() {
    let diff = VersionDiff::between(corpus(), "cn/pipl-draft-2020", "cn/pipl").unwrap();
    assert!(!diff.old_complete());
    assert!(diff.new_complete());
    let ids = |ps: &[&lexgap::model::Provision]| -> Vec<String> {
        ps.iter().map(|p| p.id.local().to_string()).collect()
    };
    let head: Vec<Row> = diff
        .entries()
        .iter()
        .take(4)
        .map(|e| {
            (
                e.status(),
                ids(e.old_provisions()),
                ids(e.new_provisions()),
                e.is_renumbered(),
                e.is_amended(),
            )
        })
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        head,
        [
            (
                VersionStatus::Amended,
                s(&["art-1"]),
                s(&["art-1"]),
                false,
                true
            ),
            (
                VersionStatus::Amended,
                s(&["art-27"]),
                s(&["art-26"]),
                true,
                true
            ),
            (
                VersionStatus::Amended,
                s(&["art-29"]),
                s(&["art-28"]),
                true,
                true
            ),
            (
                VersionStatus::Split,
                s(&["art-54"]),
                s(&["art-55", "art-56"]),
                true,
                true
            ),
        ]
    );
    // Only four draft articles are in the corpus: the rest of the final law is not "added".
    assert_eq!(diff.count(VersionStatus::Added), 0);
    assert_eq!(diff.count(VersionStatus::Removed), 0);
    assert_eq!(diff.count(VersionStatus::NotInCorpus), 74 - 5);
    assert_eq!(diff.changes().count(), 4);
    let art27 = diff.entry_for("cn/pipl/art-26").unwrap();
    assert_eq!(art27.diffs().len(), 1);
    assert_eq!(
        art27.diffs()[0].structure().grounds_dropped(),
        [Purpose::OtherLaw]
    );
    let art54 = diff.entry_for("cn/pipl-draft-2020/art-54").unwrap();
    let parts: Vec<&str> = art54.diffs().iter().map(|d| d.ids().1.local()).collect();
    assert_eq!(parts, ["art-55", "art-56"]);
    // The draft's art. 1 is compared in Chinese (authentic), not in two English translations.
    assert_eq!(
        diff.entries()[0].diffs()[0].lang().map(Lang::as_str),
        Some("zh")
    );
}

#[test]
fn version_diff_of_an_instrument_with_itself() {
    let gdpr = corpus().instrument("eu/gdpr").unwrap();
    let diff = VersionDiff::new(gdpr, gdpr);
    assert_eq!(diff.entries().len(), gdpr.provisions.len());
    assert!(
        diff.entries()
            .iter()
            .all(|e| e.status() == VersionStatus::Unchanged && e.diffs().is_empty())
    );
    assert_eq!(diff.changes().count(), 0);
}

#[test]
fn diffs_serialize_to_json() {
    let diff = draft27_final26();
    let json = serde_json::to_value(&diff).unwrap();
    assert_eq!(json["old"], "cn/pipl-draft-2020/art-27");
    assert_eq!(json["new"], "cn/pipl/art-26");
    assert_eq!(json["text"]["granularity"], "chars");
    let changes = &json["structure"]["norms"][1]["changes"];
    assert_eq!(changes[0]["kind"], "activities");
    let dropped = &json["structure"]["derogations"][0];
    assert_eq!(dropped["kind"], "exception-dropped");
    assert_eq!(dropped["exception"]["grounds"]["kind"], "delegated");
    assert_eq!(dropped["exception"]["grounds"]["to"], "law");
    let version = serde_json::to_value(
        VersionDiff::between(corpus(), "cn/pipl-draft-2020", "cn/pipl").unwrap(),
    )
    .unwrap();
    assert_eq!(version["entries"][3]["status"], "split");
    assert_eq!(version["entries"][3]["new"][1], "cn/pipl/art-56");
}
