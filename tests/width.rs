//! Terminal tables at 80 columns (issue "Reports a researcher can cite and read", item 3):
//! every result type on the bundled corpus fits the width, and no id, gap code or URL of the
//! corpus is broken across lines.

use lexgap::Corpus;
use lexgap::align::Alignment;
use lexgap::classify::{Comparison, GapMatrix, catalogue};
use lexgap::diff::{DiffOptions, ProvisionDiff};
use lexgap::model::Scope;
use lexgap::render::{Format, InstrumentList, ProvisionCard, Render, SideBySide, View};
use lexgap::version::VersionDiff;
use unicode_width::UnicodeWidthStr;

const WIDTH: u16 = 80;

/// A result as a table `WIDTH` columns wide, and as Markdown: the same cells unwrapped.
fn both<T: Render>(name: &'static str, item: &T) -> (&'static str, String, String) {
    (
        name,
        View::new(item, Format::Table).width(WIDTH).to_string(),
        View::new(item, Format::Markdown).to_string(),
    )
}

/// Every result type of the library on the bundled corpus.
fn outputs(c: &Corpus) -> Vec<(&'static str, String, String)> {
    let sel = |ids: &[&str]| c.select(ids.iter().copied()).unwrap();
    let gdpr_9_35 = sel(&["eu/gdpr/art-9", "eu/gdpr/art-35"]);
    let text = |id: &str| {
        let p = c.locate(id).unwrap();
        p.provision().text.values().next().unwrap().clone()
    };
    let (old, new) = (text("eu/gdpr/art-9"), text("eu/gdpr/art-35"));
    vec![
        both(
            "gap report",
            &Comparison::new(&sel(&["cn/pipl-draft-2020/art-27"]), &gdpr_9_35).run(),
        ),
        both(
            "gap report, instrument scope",
            &Comparison::new(&sel(&["cn/pipl"]), &sel(&["eu/gdpr"]))
                .scope(Scope::Instrument)
                .run(),
        ),
        both(
            "gap matrix",
            &GapMatrix::new(&sel(&["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"])),
        ),
        both("world matrix", &GapMatrix::world(&sel(&["eu/gdpr"]))),
        both(
            "side by side",
            &SideBySide::new()
                .column("PIPL", &sel(&["cn/pipl/art-28", "cn/pipl/art-29"]))
                .column("GDPR", &gdpr_9_35),
        ),
        both(
            "provision card",
            &ProvisionCard::new(c.locate("eu/gdpr/art-9").unwrap()),
        ),
        both(
            "provision card, Chinese",
            &ProvisionCard::new(c.locate("cn/pipl/art-28").unwrap()),
        ),
        both("instrument list", &InstrumentList::new(c, None)),
        both(
            "provision diff",
            &ProvisionDiff::new(
                c.locate("cn/pipl-draft-2020/art-27").unwrap(),
                c.locate("cn/pipl/art-26").unwrap(),
            ),
        ),
        both(
            "version diff",
            &VersionDiff::new(
                c.instrument("cn/pipl-draft-2020").unwrap(),
                c.instrument("cn/pipl").unwrap(),
            ),
        ),
        both(
            "amendment effects",
            &lexgap::render::EffectList::new(&VersionDiff::new(
                c.instrument("cn/pipl-draft-2020").unwrap(),
                c.instrument("cn/pipl").unwrap(),
            )),
        ),
        both(
            "synopsis",
            &lexgap::render::Synopsis::new(&VersionDiff::new(
                c.instrument("cn/pipl-draft-2020").unwrap(),
                c.instrument("cn/pipl").unwrap(),
            )),
        ),
        both(
            "alignment",
            &Alignment::new(
                c.instrument("eu/gdpr").unwrap(),
                c.instrument("cn/pipl").unwrap(),
            ),
        ),
        both(
            "text diff",
            &DiffOptions::new().diff_texts(&old, &new, None),
        ),
        both(
            "search results",
            &lexgap::render::SearchResults::new("public security", &c.search("public security")),
        ),
        both(
            "passage",
            &lexgap::render::Passage::new(c.locate("eu/gdpr/art-9").unwrap(), "2(g)").unwrap(),
        ),
        both("glossary", &lexgap::render::Glossary::new()),
    ]
}

/// The tokens of the corpus that a line must not break: every instrument and provision id,
/// every gap code, every URL of a source, note or publisher. A token wider than a line can
/// hold inside a table's borders (`WIDTH - 4`, such as DigiChina's 104-character URL) is left
/// out: it cannot be whole.
fn tokens(c: &Corpus) -> Vec<String> {
    let mut out: Vec<String> = catalogue().iter().map(|i| i.code.to_owned()).collect();
    for inst in c.instruments() {
        out.push(inst.id.to_string());
        out.extend(inst.provisions.iter().map(|p| p.id.to_string()));
        for p in inst.languages.values() {
            let texts = [Some(&p.source), p.note.as_ref(), p.publisher.as_ref()];
            for word in texts
                .into_iter()
                .flatten()
                .flat_map(|t| t.split_whitespace())
            {
                if let Some(at) = word.find("http") {
                    let url = word[at..].trim_end_matches([')', ',', ';', '.', ':']);
                    if url.starts_with("http://") || url.starts_with("https://") {
                        out.push(url.to_owned());
                    }
                }
            }
        }
    }
    out.retain(|t| t.len() <= usize::from(WIDTH) - 4);
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_table_fits_80_columns() {
    let c = Corpus::bundled();
    for (name, table, _) in outputs(c) {
        for line in table.lines() {
            assert!(
                line.width() <= usize::from(WIDTH),
                "{name}: a line of {} columns:\n{line}\n\n{table}",
                line.width()
            );
        }
    }
}

#[test]
fn no_id_code_or_url_is_broken_across_lines() {
    let c = Corpus::bundled();
    let tokens = tokens(c);
    assert!(
        tokens.iter().any(|t| t.starts_with("https://")),
        "URLs found"
    );
    assert!(tokens.iter().any(|t| t == "eu/gdpr/art-9"));
    assert!(tokens.iter().any(|t| t == "no-government-use-limit"));
    let mut checked = 0;
    for (name, table, md) in outputs(c) {
        for t in &tokens {
            // Each occurrence in the unwrapped cells is whole in the table.
            let (want, got) = (
                md.matches(t.as_str()).count(),
                table.matches(t.as_str()).count(),
            );
            checked += want;
            assert!(
                got >= want,
                "{name}: `{t}` appears {want} times in the cells, {got} times whole in the \
                 table:\n{table}"
            );
        }
    }
    assert!(checked > 500, "{checked} occurrences checked");
}

/// The defects measured before (an id, a code, a URL cut mid-token at 80 columns) are gone.
#[test]
fn the_broken_tokens_measured_before_are_whole() {
    let c = Corpus::bundled();
    let out = outputs(c);
    let find = |name: &str| out.iter().find(|o| o.0 == name).unwrap().1.clone();
    assert!(find("instrument list").contains("cn/civil-code"));
    assert!(find("gap report").contains("no-government-use-limit"));
    assert!(find("gap report").contains("https://ibooks.qq.com/read/1044618384/5"));
    let matrix = find("gap matrix");
    for code in catalogue() {
        assert!(matrix.contains(code.code), "{} in the legend", code.code);
    }
    assert!(matrix.contains("= not-comparable") && matrix.contains("= no gap"));
}
