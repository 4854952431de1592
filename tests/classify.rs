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
    Comparison::new(
        &Corpus::bundled().select(target).unwrap(),
        &Corpus::bundled().select(baseline).unwrap(),
    )
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
            // 或者法律、行政法规另有规定的除外: an exception on whatever other laws provide.
            // A ground left to other law is a formal legal basis (prescribed-by-law) and
            // nothing more: necessity, proportionality and respect for the essence, which
            // 9(2)(g) puts on its public-interest derogation, are missing.
            ("open-ended-exception", GapStatus::Partial),
            // Art. 9(1) names biometric data; art. 27 alone does not call images sensitive.
            ("sensitive-data-unprotected", GapStatus::Absent),
            // Art. 35(3)(b)-(c) require an impact assessment; art. 27 says nothing of one.
            ("no-impact-assessment", GapStatus::Absent),
        ]
    );
    let gov = r.gap(GapKind::NoGovernmentUseLimit).unwrap();
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
    assert!(r.gap(GapKind::NoPurposeLimitation).is_none());
    assert!(r.gap(GapKind::NoTransparency).is_none());
    assert_eq!(
        lexgap::render::explain(gov),
        "`cn/pipl-draft-2020/art-27` has necessity and purpose-limitation but not proportionality, \
         prescribed-by-law, specific-safeguards-in-law and respect-for-essence-of-right, which \
         `eu/gdpr/art-35` and `eu/gdpr/art-9` require; under the carve-out in `cn/pipl-draft-2020/art-27` (on grounds \
         left to other law), purpose-limitation is switched off, proportionality, \
         specific-safeguards-in-law and respect-for-essence-of-right are missing (partial)"
    );
    let dpia = r.gap(GapKind::NoImpactAssessment).unwrap();
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
    let dpia = r.gap(GapKind::NoImpactAssessment).unwrap();
    // Draft art. 54: 个人信息处理者应当对下列个人信息处理活动在事前进行风险评估 ... （一）处理敏感个人信息,
    // with its content listed; but no DPO advice (35(2)), data subjects' views (35(9)) or
    // review (35(11)). The draft holds 4 of its 70 articles: the finding stands on the text
    // held, and names the rest as missing.
    assert_eq!(dpia.status, GapStatus::Partial);
    assert_eq!(dpia.closing_provisions(), ["cn/pipl-draft-2020/art-54"]);
    assert_eq!(dpia.missing_text[0].instrument, "cn/pipl-draft-2020");
    assert_eq!(
        dpia.missing,
        [
            detail(SafeguardElement::DpoAdvice),
            detail(SafeguardElement::DataSubjectViews),
            detail(SafeguardElement::Review),
        ]
    );
    // Draft art. 29 lists 个人生物特征 among sensitive personal information.
    let sensitive = r.gap(GapKind::SensitiveDataUnprotected).unwrap();
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
    let dpia = with_36.gap(GapKind::NoImpactAssessment).unwrap();
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
    let gov = r.gap(GapKind::NoGovernmentUseLimit).unwrap();
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
        r.gap(GapKind::NoPriorAuthorisation).map(|g| g.status),
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
    // Art. 8(2) limits interference "by a public authority": a limit on state use too, so
    // both rules read it; art. 40's inspection by 公安机关或者检察机关 is a state use.
    assert_eq!(
        codes_and_statuses(&r),
        [
            ("no-government-use-limit", GapStatus::Partial),
            ("open-ended-exception", GapStatus::Partial)
        ]
    );
    // 依照法律规定的程序 (prescribed by law); 因国家安全或者追查刑事犯罪的需要 confines the
    // inspection to two needs, a purpose limitation that art. 8(2) does not ask for.
    for g in &r.gaps {
        assert_eq!(g.missing, safeguards(&[SafeguardKind::Necessity]));
        assert!(
            g.present
                .contains(&Element::safeguard(SafeguardKind::PrescribedByLaw))
        );
    }
    // The text of art. 8 says nothing of prior authorisation or an independent authority.
    assert!(r.gap(GapKind::NoPriorAuthorisation).is_none());
    assert!(r.gap(GapKind::NoIndependentOversight).is_none());
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
    let open = r.gap(GapKind::OpenEndedException).unwrap();
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
        r.gap(GapKind::NoIndependentOversight).map(|g| g.status),
        Some(GapStatus::Absent)
    );
    // Fourth Amendment: "no Warrants shall issue, but upon probable cause".
    let auth = r.gap(GapKind::NoPriorAuthorisation).unwrap();
    assert_eq!(auth.status, GapStatus::Absent);
    assert_eq!(auth.baseline(), ["us/constitution/amendment-4"]);
}

#[test]
fn pipl_26_at_instrument_scope_is_credited_with_arts_55_56_and_68() {
    let r = run(&["cn/pipl/art-26"], &GDPR_9_35, Scope::Instrument);
    // Art. 55 (一)处理敏感个人信息 and art. 28 (生物识别 is sensitive) close most of the gap.
    let dpia = r.gap(GapKind::NoImpactAssessment).unwrap();
    assert_eq!(dpia.status, GapStatus::Partial);
    assert_eq!(
        dpia.closing_provisions(),
        ["cn/pipl/art-55", "cn/pipl/art-56"]
    );
    // The final law dropped 法律、行政法规另有规定: its only exception is separate consent.
    assert!(r.gap(GapKind::OpenEndedException).is_none());

    let with_82 = ["eu/gdpr/art-9", "eu/gdpr/art-35", "eu/gdpr/art-82"];
    let r = run(&["cn/pipl/art-26"], &with_82, Scope::Instrument);
    // Art. 68: 国家机关不履行本法规定的个人信息保护义务的 ... 责令改正; art. 69: 损害赔偿等侵权责任.
    let acc = r.gap(GapKind::NoPublicBodyAccountability).unwrap();
    assert_eq!(acc.status, GapStatus::ClosedElsewhere);
    assert!(!acc.is_open());
    // The draft has no art. 68 text in the corpus, so it is not credited with one; and as
    // it declares arts. 55-70 missing, the finding is unknown, not absent.
    let draft = run(&[DRAFT_27], &with_82, Scope::Instrument);
    let acc = draft.gap(GapKind::NoPublicBodyAccountability).unwrap();
    assert_eq!(acc.status, GapStatus::Unknown);
    assert!(
        acc.missing_text[0]
            .ranges
            .iter()
            .any(|r| r.contains("art-68"))
    );
}

#[test]
fn gdpr_against_itself_has_no_gaps() {
    let c = Comparison::new(
        &Corpus::bundled().select(["eu/gdpr"]).unwrap(),
        &Corpus::bundled().select(["eu/gdpr"]).unwrap(),
    );
    assert!(c.clone().run().gaps.is_empty());
    assert!(c.scope(Scope::Instrument).run().gaps.is_empty());
}

#[test]
fn non_binding_principles_are_reported() {
    let soft = "intl/beijing-ai-principles";
    let relative = Comparison::new(
        &Corpus::bundled().select([soft]).unwrap(),
        &Corpus::bundled().select(GDPR_9_35).unwrap(),
    )
    .run();
    let g = relative.gap(GapKind::NonBinding).unwrap();
    assert_eq!(g.status, GapStatus::Absent);
    assert_eq!(g.target_instruments, [soft]);
    let absolute = Comparison::new(
        &Corpus::bundled().select([soft]).unwrap(),
        &lexgap::Selection::empty(Corpus::bundled()),
    )
    .run();
    assert_eq!(absolute.codes(), ["non-binding"]);
    // A draft binds no one either, but it is not soft law.
    assert!(
        run(&[DRAFT_27], &GDPR_9_35, Scope::Provision)
            .gap(GapKind::NonBinding)
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
    // In catalogue order (the snapshot), each once.
    let unique: std::collections::BTreeSet<&str> = codes.iter().copied().collect();
    assert_eq!(
        unique.len(),
        codes.len(),
        "a code is listed twice: {codes:?}"
    );
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
    registry.remove(GapKind::NoGovernmentUseLimit).unwrap();
    registry.add(Box::new(SafeguardRule::new(
        RuleInfo {
            code: "no-security-measures",
            title: "no security measures",
            definition: "requires no technical or organisational security measures",
            protection: "security measures",
            severity: Severity::Medium,
        },
        SafeguardKind::Security,
    )));
    // PIPL art. 28: 采取严格保护措施 (strict protective measures); draft art. 27 has none.
    let r = Comparison::new(
        &Corpus::bundled().select([DRAFT_27]).unwrap(),
        &Corpus::bundled().select(["cn/pipl/art-28"]).unwrap(),
    )
    .run_with(&registry);
    assert_eq!(
        r.gap(lexgap::classify::GapCode::custom("no-security-measures"))
            .map(|g| g.status),
        Some(GapStatus::Absent)
    );
    assert!(r.gap(GapKind::NoGovernmentUseLimit).is_none());
}

#[test]
fn gap_matrix_against_gdpr_and_echr() {
    let baseline = Corpus::bundled().select(["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"]);
    let m = GapMatrix::new(&baseline.unwrap());
    let mut table = String::new();
    for row in m.rows() {
        let cells: Vec<&str> = row
            .cells()
            .iter()
            .map(|c| c.map_or("-", |s| s.code()))
            .collect();
        table += &format!("{}: {}\n", row.instrument(), cells.join(" "));
    }
    insta::assert_snapshot!(format!(
        "{}\n{table}",
        m.codes()
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    ));
    assert_eq!(m.cell("eu/gdpr", GapKind::NoImpactAssessment), Some(None));
    // Art. 37's arrest carve-out states no ground (任何公民，非经人民检察院批准或者决定或者人民法院
    // 决定…不受逮捕) and no necessity or proportionality. The Constitution declares its other
    // articles missing, but a held derogation that is absent on its own terms decides: no
    // missing text can add conditions to it.
    assert_eq!(
        m.cell("cn/constitution", GapKind::OpenEndedException),
        Some(Some(GapStatus::Absent))
    );
    // A constitution does not address impact assessments: not comparable.
    assert_eq!(
        m.cell("cn/constitution", GapKind::NoImpactAssessment),
        Some(Some(GapStatus::NotComparable))
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

/// An explanation agrees with its subject: several target provisions "have", one "has".
#[test]
fn explanations_agree_with_several_targets() {
    let r = run(&["cn/pipl"], &["eu/gdpr/art-51"], Scope::Instrument);
    let g = r
        .gap(GapKind::NoIndependentOversight)
        .expect("PIPL has no independent oversight");
    let text = lexgap::render::explain(g);
    assert!(g.target.len() > 1, "{text}");
    assert!(
        text.contains("` have no independent oversight, where"),
        "{text}"
    );
    let one = run(
        &["cn/pipl-draft-2020/art-27"],
        &["eu/gdpr/art-35"],
        Scope::Provision,
    );
    let dpia = one.gap(GapKind::NoImpactAssessment).unwrap();
    assert!(lexgap::render::explain(dpia).starts_with("`cn/pipl-draft-2020/art-27` has no"));
}

/// A report cites many provisions of one law once, in numeric order, with ranges: the
/// whole PIPL's twenty articles on the matter are not twenty "PIPL art." in a row.
#[test]
fn cited_explanations_name_each_law_once() {
    use lexgap::model::CiteForm;
    use lexgap::render::{CitedReport, Format, View};
    let r = run(&["cn/pipl"], &["eu/gdpr/art-51"], Scope::Instrument);
    let md = |form| View::new(&CitedReport::new(&r, form), Format::Markdown).to_string();
    let short = md(CiteForm::Short);
    assert!(
        short.contains("| PIPL arts. 6, 13, 17, 19, 26, 28–30, 32–36, 55, 56, 62, 68 and 69 have no independent oversight, where GDPR art. 51 requires"),
        "{short}"
    );
    let native = md(CiteForm::Native);
    assert!(
        native.contains("| 《中华人民共和国个人信息保护法》第六条、第十三条、第十七条、第十九条"),
        "{native}"
    );
    let ids = md(CiteForm::Id);
    assert!(
        ids.contains("| cn/pipl/art-6, cn/pipl/art-13, cn/pipl/art-17,"),
        "{ids}"
    );
}

/// A derogation the baseline makes too, for the same processing, is judged on the baseline's
/// conditions: PIPEDA s. 4(2)(c) takes journalistic processing out of Part 1 (its remedies
/// with it) "for journalistic, artistic or literary purposes", and GDPR art. 85(2) allows
/// such exemptions only "if they are necessary to reconcile" the two rights. The remedy is
/// there, not for all processing: partial, the necessity test named; the exclusion is itself
/// in the Act, so "by law" (art. 85(1)) is met. The household exclusion (s. 4(2)(b)) is the
/// GDPR's own (art. 2(2)(c)) and is no gap at all.
#[test]
fn a_derogation_the_baseline_allows_on_conditions_is_judged_on_them() {
    use lexgap::render::{CitedReport, Format, View};
    let r = run(&["ca/pipeda"], &["eu/gdpr"], Scope::Instrument);
    let gap = r.gap(GapKind::NoEffectiveRemedy).expect("a remedy finding");
    assert_eq!(gap.status, GapStatus::Partial);
    let journalism: Vec<_> = gap
        .derogations
        .iter()
        .filter(|d| d.allowed_by.is_some())
        .collect();
    assert_eq!(journalism.len(), 1, "{:#?}", gap.derogations);
    let allowed = journalism[0].allowed_by.as_ref().unwrap();
    assert_eq!(allowed.baseline.provision.to_string(), "eu/gdpr/art-85");
    assert_eq!(
        allowed.unmet,
        [Element::Safeguard {
            kind: SafeguardKind::Necessity
        }]
    );
    assert!(
        !gap.derogations.iter().any(|d| d
            .grounds
            .purposes()
            .contains(&lexgap::model::Purpose::Household)),
        "the household exclusion is tolerated: {:#?}",
        gap.derogations
    );
    let md = View::new(
        &CitedReport::new(&r, lexgap::model::CiteForm::Short),
        Format::Markdown,
    )
    .to_string();
    assert!(
        md.contains("have the effective-remedy that GDPR art. 82 requires, but not for all processing; under the exclusion in PIPEDA s. 4 (on the grounds `journalism`), effective-remedy is switched off without necessity, on which GDPR art. 85 allows such a derogation (partial)"),
        "{md}"
    );
}
