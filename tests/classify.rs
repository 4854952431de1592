//! The gap classifier on the bundled corpus: the acceptance cases of DESIGN.md, with the text
//! that decides each assertion named beside it.

use lexgap::Corpus;
use lexgap::classify::{
    Comparison, Element, GapKind, GapMatrix, GapReport, GapStatus, Registry, RuleInfo,
    SafeguardRule, Severity, catalogue,
};
use lexgap::model::{SafeguardElement, SafeguardKind, Scope};

const DRAFT_27: &str = "cn/pipl-draft-2020/art-27";
const GDPR_9_35: [&str; 2] = ["eu/gdpr/art-9", "eu/gdpr/art-35"];

fn run(target: &[&str], baseline: &[&str], scope: Scope) -> GapReport {
    Comparison::new(Corpus::bundled())
        .target(target)
        .unwrap()
        .baseline(baseline)
        .unwrap()
        .scope(scope)
        .run()
}

fn codes_and_statuses(r: &GapReport) -> Vec<(&str, GapStatus)> {
    r.gaps.iter().map(|g| (g.code.as_str(), g.status)).collect()
}

fn safeguards(kinds: &[SafeguardKind]) -> Vec<Element> {
    kinds.iter().map(|k| Element::safeguard(*k)).collect()
}

fn detail(element: SafeguardElement) -> Element {
    Element::Detail {
        kind: SafeguardKind::ImpactAssessment,
        element,
    }
}

#[test]
fn draft_27_against_gdpr_9_and_35_at_provision_scope() {
    let r = run(&[DRAFT_27], &GDPR_9_35, Scope::Provision);
    assert_eq!(
        codes_and_statuses(&r),
        [
            // 9(2)(g) lets the state process special categories only "on the basis of Union or
            // Member State law which shall be proportionate ..."; art. 27 has only
            // 应当为维护公共安全所必需 (necessity) and 只能用于维护公共安全的目的 (purpose).
            ("no-government-use-limit", GapStatus::Partial),
            // 或者法律、行政法规另有规定的除外: an exception on whatever other laws provide,
            // with none of the conditions 9(2)(g) puts on its public-interest derogation.
            ("open-ended-exception", GapStatus::Absent),
            // Art. 9(1) names biometric data; art. 27 alone does not call images sensitive.
            ("sensitive-data-unprotected", GapStatus::Absent),
            // Art. 35(3)(b)-(c) require an impact assessment; art. 27 says nothing of one.
            ("no-impact-assessment", GapStatus::Absent),
        ]
    );
    let gov = r.gap("no-government-use-limit").unwrap();
    assert_eq!(
        gov.present,
        safeguards(&[SafeguardKind::Necessity, SafeguardKind::PurposeLimitation])
    );
    assert_eq!(
        gov.missing,
        safeguards(&[
            SafeguardKind::Proportionality,
            SafeguardKind::PrescribedByLaw,
            SafeguardKind::SpecificSafeguardsInLaw,
            SafeguardKind::RespectForEssence,
        ])
    );
    // Neither GDPR article says "strictly necessary", so strict necessity is not missing.
    assert!(
        !gov.missing
            .contains(&Element::safeguard(SafeguardKind::StrictNecessity))
    );
    // Art. 27 has both: 只能用于维护公共安全的目的; 并设置显著的提示标识.
    assert!(r.gap("no-purpose-limitation").is_none());
    assert!(r.gap("no-transparency").is_none());
    assert_eq!(
        gov.explanation,
        "`cn/pipl-draft-2020/art-27` has necessity and purpose-limitation but not proportionality, \
         prescribed-by-law, specific-safeguards-in-law and respect-for-essence-of-right, which \
         `eu/gdpr/art-9` requires"
    );
    let dpia = r.gap("no-impact-assessment").unwrap();
    assert_eq!(dpia.baseline(), ["eu/gdpr/art-35"]);
    assert!(
        dpia.baseline_quotes
            .iter()
            .any(|c| c.reference() == "eu/gdpr/art-35(3)(c)"
                && c.evidence.quote
                    == "a systematic monitoring of a publicly accessible area on a large scale"),
        "{:#?}",
        dpia.baseline_quotes
    );
}

#[test]
fn draft_27_at_instrument_scope_is_partly_closed_by_art_54_and_29() {
    let r = run(&[DRAFT_27], &GDPR_9_35, Scope::Instrument);
    let dpia = r.gap("no-impact-assessment").unwrap();
    // Draft art. 54: 个人信息处理者应当对下列个人信息处理活动在事前进行风险评估 ... （一）处理敏感个人信息,
    // with its content listed; but no DPO advice (35(2)), data subjects' views (35(9)) or
    // review (35(11)).
    assert_eq!(dpia.status, GapStatus::Partial);
    assert_eq!(dpia.closing_provisions(), ["cn/pipl-draft-2020/art-54"]);
    assert_eq!(
        dpia.missing,
        [
            detail(SafeguardElement::DpoAdvice),
            detail(SafeguardElement::DataSubjectViews),
            detail(SafeguardElement::Review),
        ]
    );
    // Draft art. 29 lists 个人生物特征 among sensitive personal information.
    let sensitive = r.gap("sensitive-data-unprotected").unwrap();
    assert_eq!(sensitive.status, GapStatus::ClosedElsewhere);
    assert_eq!(
        sensitive.closing_provisions(),
        ["cn/pipl-draft-2020/art-29"]
    );
    assert_eq!(sensitive.severity, Severity::Low);
    // With art. 36 in the baseline, prior consultation of the supervisory authority is missing too.
    let with_36 = run(
        &[DRAFT_27],
        &["eu/gdpr/art-9", "eu/gdpr/art-35", "eu/gdpr/art-36"],
        Scope::Instrument,
    );
    let dpia = with_36.gap("no-impact-assessment").unwrap();
    assert!(
        dpia.missing
            .contains(&detail(SafeguardElement::RegulatorConsultation)),
        "{:?}",
        dpia.missing
    );
}

#[test]
fn draft_27_against_ai_act_art_5_misses_its_law_enforcement_limits() {
    // AI Act art. 5(1)(h), (2)-(3): "strictly necessary", "temporal, geographic and personal
    // limitations", prior authorisation "by a judicial authority or an independent
    // administrative authority".
    let r = run(
        &[DRAFT_27],
        &["eu/gdpr/art-9", "eu/gdpr/art-35", "eu/ai-act/art-5"],
        Scope::Provision,
    );
    let gov = r.gap("no-government-use-limit").unwrap();
    assert_eq!(gov.status, GapStatus::Partial);
    for k in [
        SafeguardKind::StrictNecessity,
        SafeguardKind::PriorAuthorisation,
        SafeguardKind::TimeAndPlaceLimit,
    ] {
        assert!(
            gov.missing.contains(&Element::safeguard(k)),
            "{k} not missing: {:?}",
            gov.missing
        );
    }
    assert_eq!(
        r.gap("no-prior-authorisation").map(|g| g.status),
        Some(GapStatus::Absent)
    );
}

#[test]
fn constitution_art_40_against_echr_art_8() {
    // ECHR art. 8(2): "in accordance with the law and is necessary in a democratic society";
    // art. 40: 依照法律规定的程序 (procedures prescribed by law), no necessity test.
    let r = run(
        &["cn/constitution/art-40"],
        &["coe/echr/art-8"],
        Scope::Provision,
    );
    assert_eq!(
        codes_and_statuses(&r),
        [("open-ended-exception", GapStatus::Partial)]
    );
    let g = &r.gaps[0];
    assert_eq!(g.present, safeguards(&[SafeguardKind::PrescribedByLaw]));
    assert_eq!(g.missing, safeguards(&[SafeguardKind::Necessity]));
    // The text of art. 8 says nothing of prior authorisation or an independent authority.
    assert!(r.gap("no-prior-authorisation").is_none());
    assert!(r.gap("no-independent-oversight").is_none());
}

#[test]
fn constitution_art_40_against_baselines_whose_text_requires_more() {
    let r = run(
        &["cn/constitution/art-40"],
        &[
            "coe/echr/art-8",
            "eu/charter/art-8",
            "eu/charter/art-52",
            "us/constitution/amendment-4",
        ],
        Scope::Provision,
    );
    // Charter art. 52(1): "provided for by law and respect the essence ... Subject to the
    // principle of proportionality ... necessary".
    let open = r.gap("open-ended-exception").unwrap();
    assert_eq!(open.status, GapStatus::Partial);
    assert_eq!(
        open.missing,
        safeguards(&[
            SafeguardKind::Necessity,
            SafeguardKind::Proportionality,
            SafeguardKind::RespectForEssence,
        ])
    );
    // Charter art. 8(3): "subject to control by an independent authority".
    assert_eq!(
        r.gap("no-independent-oversight").map(|g| g.status),
        Some(GapStatus::Absent)
    );
    // Fourth Amendment: "no Warrants shall issue, but upon probable cause".
    let auth = r.gap("no-prior-authorisation").unwrap();
    assert_eq!(auth.status, GapStatus::Absent);
    assert_eq!(auth.baseline(), ["us/constitution/amendment-4"]);
}

#[test]
fn pipl_26_at_instrument_scope_is_credited_with_arts_55_56_and_68() {
    let r = run(&["cn/pipl/art-26"], &GDPR_9_35, Scope::Instrument);
    // Art. 55 (一)处理敏感个人信息 and art. 28 (生物识别 is sensitive) close most of the gap.
    let dpia = r.gap("no-impact-assessment").unwrap();
    assert_eq!(dpia.status, GapStatus::Partial);
    assert_eq!(
        dpia.closing_provisions(),
        ["cn/pipl/art-55", "cn/pipl/art-56"]
    );
    // The final law dropped 法律、行政法规另有规定: its only exception is separate consent.
    assert!(r.gap("open-ended-exception").is_none());

    let with_82 = ["eu/gdpr/art-9", "eu/gdpr/art-35", "eu/gdpr/art-82"];
    let r = run(&["cn/pipl/art-26"], &with_82, Scope::Instrument);
    // Art. 68: 国家机关不履行本法规定的个人信息保护义务的 ... 责令改正; art. 69: 损害赔偿等侵权责任.
    let acc = r.gap("no-public-body-accountability").unwrap();
    assert_eq!(acc.status, GapStatus::ClosedElsewhere);
    assert!(!acc.is_open());
    // The draft has no art. 68 text in the corpus, so it is not credited with one.
    let draft = run(&[DRAFT_27], &with_82, Scope::Instrument);
    assert_eq!(
        draft.gap("no-public-body-accountability").map(|g| g.status),
        Some(GapStatus::Absent)
    );
}

#[test]
fn gdpr_against_itself_has_no_gaps() {
    let c = Comparison::new(Corpus::bundled())
        .target_instrument("eu/gdpr")
        .unwrap()
        .baseline_instrument("eu/gdpr")
        .unwrap();
    assert!(c.clone().run().gaps.is_empty());
    assert!(c.scope(Scope::Instrument).run().gaps.is_empty());
}

#[test]
fn non_binding_principles_are_reported() {
    let soft = "intl/beijing-ai-principles";
    let relative = Comparison::new(Corpus::bundled())
        .target_instrument(soft)
        .unwrap()
        .baseline(GDPR_9_35)
        .unwrap()
        .run();
    let g = relative.gap("non-binding").unwrap();
    assert_eq!(g.status, GapStatus::Absent);
    assert_eq!(g.target_instruments, [soft]);
    let absolute = Comparison::new(Corpus::bundled())
        .target_instrument(soft)
        .unwrap()
        .run();
    assert_eq!(absolute.codes(), ["non-binding"]);
    // A draft binds no one either, but it is not soft law.
    assert!(
        run(&[DRAFT_27], &GDPR_9_35, Scope::Provision)
            .gap("non-binding")
            .is_none()
    );
}

#[test]
fn absolute_check_of_art_40_applies_the_stated_standard() {
    let r = run(&["cn/constitution/art-40"], &[], Scope::Provision);
    assert_eq!(
        codes_and_statuses(&r),
        [("open-ended-exception", GapStatus::Absent)]
    );
    let g = &r.gaps[0];
    assert_eq!(
        g.standard.as_deref(),
        Some(
            "the standard of ECHR art. 8(2) and EU Charter art. 52(1) (necessity and proportionality)"
        )
    );
    assert!(g.baseline_quotes.is_empty());
}

#[test]
fn gap_codes_are_unique_kebab_case_and_listed() {
    let cat = catalogue();
    let codes: Vec<&str> = cat.iter().map(|i| i.code).collect();
    insta::assert_snapshot!(codes.join("\n"));
    let mut dedup = codes.clone();
    dedup.dedup();
    assert_eq!(dedup, codes, "codes are sorted and unique");
    for c in &codes {
        assert!(
            c.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !c.starts_with('-')
                && !c.ends_with('-'),
            "`{c}` is not kebab-case"
        );
    }
    assert_eq!(GapKind::ALL.len(), codes.len());
    for k in GapKind::ALL {
        assert!(codes.contains(&k.code()));
    }
}

#[test]
fn users_can_add_and_remove_rules() {
    let mut registry = Registry::default();
    registry.remove("no-government-use-limit").unwrap();
    registry.add(Box::new(SafeguardRule::new(
        RuleInfo {
            code: "no-security-measures",
            title: "no security measures",
            definition: "requires no technical or organisational security measures",
            severity: Severity::Medium,
        },
        SafeguardKind::Security,
        "security measures",
    )));
    // PIPL art. 28: 采取严格保护措施 (strict protective measures); draft art. 27 has none.
    let r = Comparison::new(Corpus::bundled())
        .target([DRAFT_27])
        .unwrap()
        .baseline(["cn/pipl/art-28"])
        .unwrap()
        .run_with(&registry);
    assert_eq!(
        r.gap("no-security-measures").map(|g| g.status),
        Some(GapStatus::Absent)
    );
    assert!(r.gap("no-government-use-limit").is_none());
}

#[test]
fn gap_matrix_against_gdpr_and_echr() {
    let m = GapMatrix::new(
        Corpus::bundled(),
        ["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"],
    )
    .unwrap();
    let mut table = String::new();
    for row in &m.rows {
        let cells: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.map_or("-", |s| s.code()))
            .collect();
        table += &format!("{}: {}\n", row.instrument, cells.join(" "));
    }
    insta::assert_snapshot!(format!("{}\n{table}", m.codes.join(" ")));
    assert_eq!(m.cell("eu/gdpr", "no-impact-assessment"), Some(None));
    // Art. 51 limits every right by 国家的、社会的、集体的利益 with no condition at all; art. 40
    // at least names 依照法律规定的程序. The instrument's worst case decides the cell.
    assert_eq!(
        m.cell("cn/constitution", "open-ended-exception"),
        Some(Some(GapStatus::Absent))
    );
}

#[test]
fn gaps_are_ordered_by_severity_then_code() {
    let r = run(&[DRAFT_27], &GDPR_9_35, Scope::Provision);
    let keys: Vec<(Severity, &str)> = r
        .gaps
        .iter()
        .map(|g| (g.severity, g.code.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    assert_eq!(keys, sorted);
}
