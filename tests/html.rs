//! The HTML page a researcher shares: one title, a table of contents whose links all resolve,
//! stable anchors, citations in their human form, no Markdown or redline markers shown
//! literally, and a matrix that scrolls inside its own container.

#![allow(dead_code)]

use lexgap::classify::{Comparison, GapMatrix};
use lexgap::render::{Format, Page, View};
use lexgap::version::VersionDiff;

// The example itself, as tests/examples.rs also compiles it: what is checked here is what
// `cargo run --example pipl_vs_gdpr -- html` prints.
#[allow(clippy::duplicate_mod)]
#[path = "../examples/pipl_vs_gdpr.rs"]
mod pipl_vs_gdpr;

/// The main report: the page `scripts/check-html.sh` opens in a browser.
fn main_report() -> String {
    let mut buf = Vec::new();
    pipl_vs_gdpr::run(Format::Html, false, 80, &mut buf).expect("the example runs");
    String::from_utf8(buf).expect("utf-8")
}

/// The values of attribute `name` on every tag. Texts escape `"`, so ` name="` only ever
/// starts an attribute.
fn attrs<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let pat = format!(" {name}=\"");
    html.match_indices(&pat)
        .map(|(k, _)| {
            let v = &html[k + pat.len()..];
            &v[..v.find('"').expect("a closed attribute")]
        })
        .collect()
}

/// The text of the page outside its tags and its style sheet.
fn text(html: &str) -> String {
    let body = &html[html.find("<body").expect("a body")..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every `href="#x"` names an element with `id="x"`, and no id is used twice.
fn assert_links_resolve(html: &str) {
    let ids = attrs(html, "id");
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    let before = sorted.len();
    sorted.dedup();
    assert_eq!(before, sorted.len(), "an id is used twice: {ids:?}");
    for href in attrs(html, "href") {
        if let Some(target) = href.strip_prefix('#') {
            assert!(ids.contains(&target), "href=\"#{target}\" has no element");
        }
    }
}

fn toc(html: &str) -> &str {
    let start = html
        .find("<nav class=\"toc\"")
        .expect("a table of contents");
    let end = start + html[start..].find("</nav>").expect("the toc ends");
    &html[start..end]
}

#[test]
fn main_report_has_one_title_a_toc_and_anchors() {
    let html = main_report();
    assert_eq!(html.matches("<h1").count(), 1, "one <h1>");
    let title = "Draft PIPL art. 27 against GDPR arts. 9 and 35";
    assert_eq!(
        text(&html).matches(title).count(),
        1,
        "the title is shown once"
    );
    let toc = toc(&html);
    let hrefs = attrs(toc, "href");
    assert!(hrefs.len() >= 8, "sections and gaps: {hrefs:?}");
    let ids = attrs(&html, "id");
    for h in &hrefs {
        let target = h.strip_prefix('#').expect("the toc links within the page");
        assert!(ids.contains(&target), "toc link {h} has no element");
    }
    for section in [
        "s-side-by-side",
        "s-gap-report",
        "s-gap-report-2",
        "s-provision-diff",
    ] {
        assert!(
            hrefs.contains(&format!("#{section}").as_str()),
            "{section} in the toc"
        );
    }
    assert!(hrefs.contains(&"#gap-no-impact-assessment"), "{hrefs:?}");
    assert!(
        hrefs.contains(&"#gap-no-impact-assessment-2"),
        "the second report's gaps"
    );
    assert_links_resolve(&html);
    // Every provision the page holds has its anchor.
    for p in [
        "p-cn-pipl-draft-2020-art-27",
        "p-eu-gdpr-art-9",
        "p-eu-gdpr-art-35",
        "p-cn-pipl-art-26",
    ] {
        assert!(ids.contains(&p), "{p}");
    }
}

#[test]
fn citations_are_human_and_link_to_the_text_on_the_page() {
    let html = main_report();
    assert!(
        html.contains(r##"href="#p-eu-gdpr-art-35">GDPR art. 35(3)(c)</a>"##),
        "the citation links to the text the page holds"
    );
    // A provision the page does not hold is not linked within the page.
    assert!(html.contains(">PIPL (draft 2020) art. 29(2)</a>"));
    assert!(!html.contains("href=\"#p-cn-pipl-draft-2020-art-29\""));

    // The report alone holds no text: its citations link to a source URL or nowhere.
    let corpus = lexgap::Corpus::bundled();
    let report = Comparison::new(
        &corpus.select(["cn/pipl-draft-2020/art-27"]).unwrap(),
        &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"]).unwrap(),
    )
    .run();
    let alone = View::new(&report, Format::Html).to_string();
    assert!(alone.contains(">GDPR art. 9(2)(g)</a>"));
    assert!(
        !alone.contains("href=\"#p-"),
        "no link to a text the page lacks"
    );
    assert_links_resolve(&alone);
    assert_eq!(alone.matches("<h1").count(), 1);
    assert_eq!(
        text(&alone).matches(&report_title(&report)).count(),
        1,
        "title once"
    );
}

fn report_title(r: &lexgap::classify::GapReport) -> String {
    use lexgap::render::Render;
    r.title()
}

#[test]
fn backticks_are_code_never_literal() {
    let html = main_report();
    assert!(!text(&html).contains('`'), "a literal backtick");
    assert!(html.contains("<code>"), "the explanations' code spans");
}

#[test]
fn version_diff_marks_changes_as_del_and_ins() {
    let corpus = lexgap::Corpus::bundled();
    let diff = VersionDiff::new(
        corpus.instrument("cn/pipl-draft-2020").unwrap(),
        corpus.instrument("cn/pipl").unwrap(),
    );
    let html = View::new(&diff, Format::Html).to_string();
    let shown = text(&html);
    assert!(
        !shown.contains("[-") && !shown.contains("{+"),
        "redline markers"
    );
    assert!(!html.contains("[-") && !html.contains("{+"));
    let overview = &html[html.find("<table").unwrap()..html.find("</table>").unwrap()];
    assert!(overview.contains("<del>") && overview.contains("<ins>"));
    assert_links_resolve(&html);
    assert_eq!(html.matches("<h1").count(), 1);
}

#[test]
fn matrix_scrolls_in_its_container_with_a_legend() {
    let corpus = lexgap::Corpus::bundled();
    let matrix = GapMatrix::new(
        &corpus
            .select(["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"])
            .unwrap(),
    );
    let html = View::new(&matrix, Format::Html).to_string();
    let scroll = html
        .find("<div class=\"matrix-scroll\"")
        .expect("the scroll container");
    let table = html.find("<table class=\"matrix\"").expect("the matrix");
    let close = html[scroll..].find("</div>").unwrap() + scroll;
    assert!(
        scroll < table && table < close,
        "the matrix is inside its container"
    );
    assert!(
        html.contains("position: sticky"),
        "sticky header and first column"
    );
    let legend = &html[html.find("class=\"legend\"").expect("a legend")..];
    assert!(legend.contains("no-impact-assessment") && legend.contains("no impact assessment"));
    assert!(legend.contains("not-comparable") && legend.contains("closed-elsewhere"));
    assert_eq!(html.matches("<h1").count(), 1);
    assert_eq!(
        text(&html).matches("Gap matrix against").count(),
        1,
        "title once"
    );
    assert_links_resolve(&html);
}

#[test]
fn print_stylesheet() {
    let html = main_report();
    let print = &html[html.find("@media print").expect("a print stylesheet")..];
    assert!(print.contains("position: static") && print.contains("overflow: visible"));
    assert!(print.contains("attr(href)"), "links show their URL");
    assert!(print.contains("break-inside: avoid"), "a gap is not split");
}

#[test]
fn page_ids_are_unique_when_results_repeat() {
    let corpus = lexgap::Corpus::bundled();
    let report = Comparison::new(
        &corpus.select(["cn/constitution/art-40"]).unwrap(),
        &corpus.select(["coe/echr/art-8"]).unwrap(),
    )
    .run();
    let mut page = Page::new("twice");
    page.add(&report).add(&report);
    let html = page.to_string();
    assert_links_resolve(&html);
    assert!(html.contains("id=\"gap-open-ended-exception\""));
    assert!(html.contains("id=\"gap-open-ended-exception-2\""));
}

/// A gap report's HTML ends with the legend of the verdicts it shows, and its explanations
/// cite provisions rather than name their ids.
#[test]
fn the_gap_report_has_a_legend_and_cites() {
    let html = main_report();
    assert!(html.contains("<h3>Legend</h3>"), "a legend");
    assert!(
        html.contains("absent = the protection is absent"),
        "the verdicts explained"
    );
    assert!(
        html.contains("PIPL (draft 2020) art. 27 has"),
        "explanations cite"
    );
}
