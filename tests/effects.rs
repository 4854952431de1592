//! Version diffs a legislative analyst trusts (issue 14, 4 and 5): a split judged as a whole,
//! rows that say which version lacks a counterpart, amendment effects, and the synopsis.

use lexgap::Corpus;
use lexgap::diff::{NormChange, SafeguardChange};
use lexgap::render::{EffectList, Format, Render, Synopsis, View};
use lexgap::version::{EffectKind, VersionDiff, VersionStatus};

fn pipl_diff() -> VersionDiff<'static> {
    let c = Corpus::bundled();
    VersionDiff::new(
        c.instrument("cn/pipl-draft-2020").unwrap(),
        c.instrument("cn/pipl").unwrap(),
    )
}

fn locals(ids: &[&lexgap::model::ProvisionId]) -> Vec<String> {
    ids.iter().map(|id| id.local().to_owned()).collect()
}

/// Draft art. 54 → arts. 55 + 56 is a split, and nothing that either new article holds is
/// reported lost. The deciding words: the draft's list 风险评估的内容应当包括 (what the
/// assessment covers: content-specified, risk-to-rights, measures) and its three years'
/// retention reappear in art. 56 (个人信息保护影响评估应当包括下列内容 … 至少保存三年), while
/// 事前 (prior) and 并对处理情况进行记录 (records) stay with the duty to assess in art. 55.
#[test]
fn the_split_of_draft_art_54_loses_nothing_either_new_article_holds() {
    let v = pipl_diff();
    let e = v.entry_for("cn/pipl-draft-2020/art-54").unwrap();
    assert_eq!(e.status(), VersionStatus::Split);
    let new: Vec<String> = e
        .new_provisions()
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(new, ["cn/pipl/art-55", "cn/pipl/art-56"]);
    let structure = e.structure().expect("both sides");
    let changes: Vec<String> = structure.iter_changes().map(|c| c.to_string()).collect();
    // Each of the draft's three norms (sensitive data; automated decisions, disclosure and
    // transfer abroad; any other processing with a major impact) matches art. 55's norm on
    // the same, which lacks the contents of the assessment: art. 56 holds them.
    let moved = "safeguards: impact-assessment elements moved from art-54 to art-56: \
                 content-specified, risk-to-rights, measures, record-retention";
    assert_eq!(changes, [moved, moved, moved]);
    assert!(
        !structure
            .iter_changes()
            .any(|c| matches!(c, NormChange::Safeguard { change } if change.is_loss())),
        "{changes:?}"
    );
    // The typed change names the elements and where they went.
    let typed = structure.iter_changes().find_map(|c| match c {
        NormChange::Safeguard {
            change: SafeguardChange::Moved {
                from, to, elements, ..
            },
        } => Some((locals(from), locals(to), elements.len())),
        _ => None,
    });
    assert_eq!(
        typed,
        Some((vec!["art-54".to_owned()], vec!["art-56".to_owned()], 4))
    );
    // Each half alone still reads as a loss: the pair diffs are kept as they are.
    let halves: Vec<bool> = e
        .diffs()
        .iter()
        .map(|d| {
            d.structure()
                .iter_changes()
                .any(|c| matches!(c, NormChange::Safeguard { change } if change.is_loss()))
        })
        .collect();
    assert_eq!(halves, [true, true]);
    // The row of the table says it once, says nothing is lost, and no longer reads art.
    // 56's norm as a widening of the draft's activities.
    let row = row_of(&v, "art-54");
    let structural: Vec<&str> = row
        .lines()
        .filter(|l| l.contains(": ") && !l.contains("[-") && !l.contains("{+"))
        .collect();
    assert_eq!(structural, [moved]);
    assert!(!row.contains("lost") && !row.contains("widened"), "{row}");
}

/// The changes cell of the version diff's row whose old provisions are `old`.
fn row_of(v: &VersionDiff<'_>, old: &str) -> String {
    let sheet = &v.sheets()[0];
    let row = sheet
        .rows
        .iter()
        .find(|r| r[0].text == old)
        .unwrap_or_else(|| panic!("no row for {old}"));
    row[4].text.clone()
}

#[test]
fn no_row_of_a_version_diff_repeats_a_line() {
    let c = Corpus::bundled();
    for (old, new) in [
        ("cn/pipl-draft-2020", "cn/pipl"),
        ("cn/pipl", "cn/pipl-draft-2020"),
    ] {
        let v = VersionDiff::new(c.instrument(old).unwrap(), c.instrument(new).unwrap());
        for row in &v.sheets()[0].rows {
            let lines: Vec<&str> = row[4].text.lines().collect();
            let mut unique = lines.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                unique.len(),
                lines.len(),
                "{old} → {new}, {}: {lines:#?}",
                row[0].text
            );
        }
    }
}

#[test]
fn not_in_corpus_rows_say_which_side_is_missing() {
    let v = pipl_diff();
    let rows = &v.sheets()[0].rows;
    let missing: Vec<&Vec<lexgap::render::Cell>> = rows
        .iter()
        .filter(|r| r[2].text == "not-in-corpus")
        .collect();
    assert_eq!(missing.len(), 69);
    for r in &missing {
        assert_eq!(r[0].text, "", "the draft side is the empty one");
        assert_eq!(
            r[4].text,
            "no draft counterpart held (the corpus holds 4 of the draft's 70 articles)"
        );
    }
    // The other way round, the missing side is still the draft: the final articles the draft
    // lacks here are the old provisions' counterparts.
    let c = Corpus::bundled();
    let back = VersionDiff::new(
        c.instrument("cn/pipl").unwrap(),
        c.instrument("cn/pipl-draft-2020").unwrap(),
    );
    let sheet = &back.sheets()[0];
    let row = sheet.rows.iter().find(|r| r[0].text == "art-2").unwrap();
    assert_eq!(row[2].text, "not-in-corpus");
    assert_eq!(
        row[4].text,
        "no draft counterpart held (the corpus holds 4 of the draft's 70 articles)"
    );
}

/// One effect as a line: `kind old → new: old words → new words`.
fn line(e: &lexgap::version::AmendmentEffect<'_>) -> String {
    let mut s = format!(
        "{} {} → {}",
        e.kind(),
        locals(e.old_ids()).join(" + "),
        locals(e.new_ids()).join(" + ")
    );
    if e.old_words().is_some() || e.new_words().is_some() {
        s += &format!(
            ": {} → {}",
            e.old_words().unwrap_or(""),
            e.new_words().unwrap_or("")
        );
    }
    s
}

/// Draft art. 27 → art. 26, as the text diff has it (DESIGN.md acceptance 4): renumbered;
/// 个人身份特征 becomes 身份识别 (个人 repealed, 特征 → 识别); 不得公开或者向他人提供 becomes
/// 不得用于其他目的; the 法律、行政法规另有规定 exception is repealed.
#[test]
fn effects_of_draft_art_27() {
    let v = pipl_diff();
    let effects: Vec<String> = v
        .effects()
        .iter()
        .filter(|e| e.old_ids().iter().any(|id| id.local() == "art-27"))
        .map(line)
        .collect();
    assert_eq!(
        effects,
        [
            "renumbered art-27 → art-26",
            "words-repealed art-27 → art-26: 个人 → ",
            "words-substituted art-27 → art-26: 特征 → 识别",
            "words-substituted art-27 → art-26: 公开或者向他人提供 → 用于其他目的",
            "words-repealed art-27 → art-26: 或者法律、行政法规另有规定 → ",
        ]
    );
}

#[test]
fn effects_of_the_split_and_of_the_other_articles() {
    let v = pipl_diff();
    let effects = v.effects();
    let split: Vec<String> = effects
        .iter()
        .filter(|e| e.kind() == EffectKind::Split || e.kind() == EffectKind::Merged)
        .map(line)
        .collect();
    assert_eq!(split, ["split art-54 → art-55 + art-56"]);
    // The split is diffed as a whole: art. 56's list is the draft's, reworded.
    let art54: Vec<String> = effects
        .iter()
        .filter(|e| e.old_ids().iter().any(|id| id.local() == "art-54"))
        .map(line)
        .collect();
    assert!(
        art54.contains(
            &"words-substituted art-54 → art-55 + art-56: 风险评估的内容 → 个人信息保护影响评估"
                .to_owned()
        ),
        "{art54:#?}"
    );
    assert!(
        !art54.iter().any(|l| l.contains("风险评估的内容应当包括")),
        "{art54:#?}"
    );
    // Art. 1 is amended in place, not renumbered; nothing is inserted or repealed, as the
    // corpus does not hold the whole draft.
    let art1: Vec<String> = effects
        .iter()
        .filter(|e| e.old_ids().iter().any(|id| id.local() == "art-1"))
        .map(line)
        .collect();
    assert_eq!(
        art1,
        [
            "words-repealed art-1 → art-1: 保障个人信息依法有序自由流动， → ",
            "words-inserted art-1 → art-1:  → 根据宪法，",
        ]
    );
    assert!(!effects.iter().any(|e| matches!(
        e.kind(),
        EffectKind::ProvisionInserted | EffectKind::ProvisionRepealed
    )));
    // Codes are kebab-case and unique.
    let mut codes: Vec<&str> = EffectKind::ALL.iter().map(|k| k.code()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        [
            "merged",
            "provision-inserted",
            "provision-repealed",
            "renumbered",
            "split",
            "words-inserted",
            "words-repealed",
            "words-substituted"
        ]
    );
}

#[test]
fn a_version_of_itself_has_no_effects() {
    let c = Corpus::bundled();
    let pipl = c.instrument("cn/pipl").unwrap();
    assert_eq!(VersionDiff::new(pipl, pipl).effects(), []);
}

#[test]
fn the_effect_list_in_every_format() {
    let v = pipl_diff();
    let list = EffectList::new(&v);
    let csv = View::new(&list, Format::Csv).to_string();
    let head: Vec<&str> = csv.lines().take(8).collect();
    assert_eq!(
        head,
        [
            "effect,old,new,old words,new words",
            "words-repealed,art-1,art-1,保障个人信息依法有序自由流动，,",
            "words-inserted,art-1,art-1,,根据宪法，",
            "renumbered,art-27,art-26,,",
            "words-repealed,art-27,art-26,个人,",
            "words-substituted,art-27,art-26,特征,识别",
            "words-substituted,art-27,art-26,公开或者向他人提供,用于其他目的",
            "words-repealed,art-27,art-26,或者法律、行政法规另有规定,",
        ]
    );
    let md = View::new(&list, Format::Markdown).to_string();
    assert!(
        md.contains("| split | art-54 | art-55 + art-56 |  |  |"),
        "{md}"
    );
    assert!(md.contains("- split = one old provision became several new ones"));
    let json: serde_json::Value =
        serde_json::from_str(&View::new(&list, Format::Json).to_string()).unwrap();
    assert_eq!(json["kind"], "amendment-effects");
    assert_eq!(json["data"]["effects"][2]["kind"], "renumbered");
    assert_eq!(
        json["data"]["effects"][5],
        serde_json::json!({
            "kind": "words-substituted",
            "old": ["cn/pipl-draft-2020/art-27"],
            "new": ["cn/pipl/art-26"],
            "old-words": "公开或者向他人提供",
            "new-words": "用于其他目的",
        })
    );
    let html = View::new(&list, Format::Html).to_string();
    assert!(html.contains("用于其他目的"));
}

#[test]
fn the_synopsis_puts_old_beside_new() {
    let v = pipl_diff();
    let s = Synopsis::new(&v);
    assert_eq!(s.rows().len(), v.entries().len());
    let row = s
        .rows()
        .iter()
        .find(|r| r.old_ids().iter().any(|id| id.local() == "art-27"))
        .unwrap();
    assert_eq!(
        row.old_marked(),
        "在公共场所安装图像采集、个人身份识别设备，应当为维护公共安全所必需，遵守国家有关规定，\
         并设置显著的提示标识。所收集的个人图像、[-个人-]身份[-特征-]信息只能用于维护公共安全的\
         目的，不得[-公开或者向他人提供-]；取得个人单独同意[-或者法律、行政法规另有规定-]的除外。"
    );
    assert_eq!(
        row.new_marked(),
        "在公共场所安装图像采集、个人身份识别设备，应当为维护公共安全所必需，遵守国家有关规定，\
         并设置显著的提示标识。所收集的个人图像、身份{+识别+}信息只能用于维护公共安全的目的，\
         不得{+用于其他目的+}；取得个人单独同意的除外。"
    );
    // The split in one row, its two new articles joined.
    let split = s
        .rows()
        .iter()
        .find(|r| r.status() == VersionStatus::Split)
        .unwrap();
    assert_eq!(locals(split.new_ids()), ["art-55", "art-56"]);
    assert!(
        split
            .new_marked()
            .contains("{+个人信息保护影响评估+}应当包括{+下列内容+}")
    );
    assert!(split.old_marked().contains("[-风险评估的内容-]应当包括"));
    // A final article the corpus holds no draft of.
    let missing = s
        .rows()
        .iter()
        .find(|r| r.new_ids().iter().any(|id| id.local() == "art-2"))
        .unwrap();
    assert_eq!(
        missing.note(),
        Some("no draft counterpart held (the corpus holds 4 of the draft's 70 articles)")
    );
    let sheet = &s.sheets()[0];
    assert_eq!(sheet.headers, ["PIPL (draft 2020)", "PIPL"]);
    let md = View::new(&s, Format::Markdown).to_string();
    assert!(md.contains("| art-1<br>"), "{md}");
    let html = View::new(&s, Format::Html).to_string();
    assert!(html.contains("<del>公开或者向他人提供</del>"), "{html}");
    assert!(html.contains("<ins>用于其他目的</ins>"));
    assert!(
        !html.contains("[-") && !html.contains("{+"),
        "no redline markers in HTML"
    );
    assert_eq!(html.matches("<h1").count(), 1);
    let table = View::new(&s, Format::Table).width(80).to_string();
    assert!(table.contains("art-55 + art-56 (split)"), "{table}");
}

/// Two versions of a small act: the old one whole (arts. 1-3), the new one not (arts. 1, 2
/// and 4 held: art. 3 neither held nor declared missing).
fn small_act() -> Corpus {
    use lexgap::model::{Instrument, Lang, Provision};
    let en = Lang::new("en").unwrap();
    let act = |id: &str, arts: &[(&str, &str)]| {
        let mut inst = Instrument::new(id.parse().unwrap(), id.to_owned());
        inst.languages = crate::support::generated_english();
        for (local, text) in arts {
            let pid = format!("{id}/{local}").parse().unwrap();
            inst.provisions.push(Provision::new(pid, en.clone(), *text));
        }
        inst
    };
    let mut old = act(
        "eu/act-2020",
        &[
            (
                "art-1",
                "The controller shall keep records of the processing.",
            ),
            (
                "art-2",
                "Every public body shall appoint an officer for the protection of data.",
            ),
            (
                "art-3",
                "The regulator may impose fines of up to one million for a breach.",
            ),
        ],
    );
    old.becomes = Some("eu/act-2021".parse().unwrap());
    let new = act(
        "eu/act-2021",
        &[
            (
                "art-1",
                "The controller shall keep written records of the processing.",
            ),
            (
                "art-2",
                "The regulator may impose fines of up to one million for a breach.",
            ),
            (
                "art-4",
                "The minister shall publish guidance on cameras in streets and squares.",
            ),
        ],
    );
    Corpus::from_instruments(vec![old, new]).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn effects_and_notes_of_two_versions_that_are_not_drafts() {
    let c = small_act();
    let v = VersionDiff::new(
        c.instrument("eu/act-2020").unwrap(),
        c.instrument("eu/act-2021").unwrap(),
    );
    let statuses: Vec<(String, String, &str)> = v
        .entries()
        .iter()
        .map(|e| {
            let ids = |ps: &[&lexgap::model::Provision]| {
                ps.iter()
                    .map(|p| p.id.local())
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            (
                ids(e.old_provisions()),
                ids(e.new_provisions()),
                e.status().code(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("art-1".into(), "art-1".into(), "amended"),
            ("art-2".into(), "".into(), "not-in-corpus"),
            ("art-3".into(), "art-2".into(), "renumbered"),
            ("".into(), "art-4".into(), "added"),
        ]
    );
    let effects: Vec<String> = v.effects().iter().map(line).collect();
    assert_eq!(
        effects,
        [
            "words-inserted art-1 → art-1:  → written",
            "renumbered art-3 → art-2",
            "provision-inserted  → art-4",
        ]
    );
    assert_eq!(
        row_of(&v, "art-2"),
        "no new counterpart held (the corpus holds 3 of the new version's articles, not all)"
    );
    let s = Synopsis::new(&v);
    let sheet = &s.sheets()[0];
    let cells: Vec<(&str, &str)> = sheet
        .rows
        .iter()
        .map(|r| (r[0].text.as_str(), r[1].text.as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            (
                "art-1\nThe controller shall keep records of the processing.",
                "art-1 (amended)\nThe controller shall keep {+written +}records of the processing."
            ),
            (
                "art-2 (not-in-corpus)\nEvery public body shall appoint an officer for the protection of data.",
                "no new counterpart held (the corpus holds 3 of the new version's articles, not all)"
            ),
            (
                "art-3\nThe regulator may impose fines of up to one million for a breach.",
                "art-2 (renumbered)\nThe regulator may impose fines of up to one million for a breach."
            ),
            (
                "",
                "art-4 (added)\nThe minister shall publish guidance on cameras in streets and squares."
            ),
        ]
    );
}
