//! The text cut at its headings: one pass to choose the family of provision headings, one to
//! cut, keeping the chapter path and reporting what falls outside every provision.

use std::collections::HashMap;

use super::heading::{self, Family, Heading, Rest};
use super::{ImportedProvision, Unsplit, UnsplitKind};

/// The longest line taken for a title set on the line after its heading.
const MAX_TITLE_CHARS: usize = 200;

/// A provision being collected.
struct Open {
    id: String,
    label: String,
    heading: Option<String>,
    chapter: Vec<String>,
    lines: Vec<String>,
    line: usize,
    /// A duplicate: its text is swallowed, not written.
    skip: bool,
    /// Whether the heading was the line after the label (and so may be the text after all).
    heading_below: bool,
}

struct State<'a> {
    lines: Vec<(usize, &'a str)>,
    out: Vec<ImportedProvision>,
    unsplit: Vec<Unsplit>,
    open: Option<Open>,
    /// Text outside every provision: its first and last line.
    orphan: Option<(usize, usize)>,
    seen_heading: bool,
}

impl State<'_> {
    fn close(&mut self) {
        if let Some((first, last)) = self.orphan.take() {
            let kind = if self.seen_heading {
                UnsplitKind::Unattached { last_line: last }
            } else {
                UnsplitKind::BeforeFirstHeading { last_line: last }
            };
            self.unsplit.push(Unsplit { line: first, kind });
        }
        let Some(open) = self.open.take() else {
            return;
        };
        if open.skip {
            return;
        }
        let mut open = open;
        if open.lines.is_empty() && open.heading_below {
            // `Article 3` + one line and nothing more: that line is the text.
            open.lines.extend(open.heading.take());
        }
        if open.lines.is_empty() {
            self.unsplit.push(Unsplit {
                line: open.line,
                kind: UnsplitKind::NoText { label: open.label },
            });
            return;
        }
        let mut text = String::new();
        for l in &open.lines {
            text.push_str(l);
            text.push('\n');
        }
        let repealed = heading::is_repeal_marker(&text);
        if repealed {
            self.unsplit.push(Unsplit {
                line: open.line,
                kind: UnsplitKind::Repealed {
                    label: open.label.clone(),
                },
            });
        }
        self.out.push(ImportedProvision {
            id: open.id,
            label: open.label,
            heading: open.heading,
            chapter: open.chapter,
            text,
            line: open.line,
            repealed,
        });
    }

    /// The line after `k`, if it can be the title of the heading at `k`: right below it, not
    /// a heading itself, not numbered, and (for a provision) not ending as a sentence does.
    fn title_after(&self, k: usize, provision: bool) -> Option<String> {
        let &(n0, _) = self.lines.get(k)?;
        let &(n1, next) = self.lines.get(k + 1)?;
        let t = next.trim();
        if n1 != n0 + 1
            || t.is_empty()
            || t.chars().count() > MAX_TITLE_CHARS
            || heading::provision(t).is_some()
            || heading::division(t, true).is_some()
            || heading::schedule(t).is_some()
            || t.starts_with(|c: char| c.is_ascii_digit() || "([（【〔\"'‘“«".contains(c))
            || heading::is_repeal_marker(t)
        {
            return None;
        }
        if provision && t.ends_with(['.', ';', ':', ',', '。', '；', '：', '，']) {
            return None;
        }
        Some(t.to_owned())
    }
}

impl State<'_> {
    /// The marginal heading of a section set on the line above it (`Interpretation` over
    /// `2.—(1) In this Act…`, as UK and Singapore texts print them), taken from the text
    /// before it: the last line of the open provision (which keeps at least one), or text
    /// outside every provision that is only that line.
    fn title_above(&mut self, k: usize) -> Option<String> {
        let &(n, _) = self.lines.get(k)?;
        let &(n_above, above) = self.lines.get(k.checked_sub(1)?)?;
        let t = above.trim();
        let title_like = n_above + 1 == n
            && !t.is_empty()
            && t.chars().count() <= 80
            && !t.ends_with(['.', ';', ':', ',', '—', '–', '-'])
            && !t.starts_with(|c: char| c.is_ascii_digit() || "([\"'‘“".contains(c))
            && t.starts_with(char::is_uppercase);
        if !title_like {
            return None;
        }
        if let Some(open) = &mut self.open {
            if open.lines.len() >= 2 && open.lines.last().map(String::as_str) == Some(above) {
                open.lines.pop();
                return Some(t.to_owned());
            }
            return None;
        }
        if self.orphan == Some((n_above, n_above)) {
            self.orphan = None;
            return Some(t.to_owned());
        }
        None
    }
}

/// Which families number the provisions: articles where any article heading occurs (and
/// `Section N` is then a chapter-level heading), else sections, else numbered sections.
fn families(lines: &[(usize, &str)]) -> (&'static [Family], bool) {
    let found: Vec<Family> = lines
        .iter()
        .filter_map(|(_, l)| heading::provision(l.trim()).map(|h| h.family))
        .collect();
    if found
        .iter()
        .any(|f| matches!(f, Family::Article | Family::Chinese))
    {
        (&[Family::Article, Family::Chinese], true)
    } else if found.contains(&Family::Section) {
        (&[Family::Section], false)
    } else {
        (&[Family::Numbered], false)
    }
}

pub(super) fn split(text: &str) -> (Vec<ImportedProvision>, Vec<Unsplit>) {
    let mut lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .collect();
    // The `# ` header of a reference file.
    let header = lines
        .iter()
        .take_while(|(_, l)| l.starts_with("# "))
        .count();
    lines.drain(..header);
    let (allowed, sections_are_divisions) = families(&lines);
    let mut st = State {
        lines,
        out: Vec::new(),
        unsplit: Vec::new(),
        open: None,
        orphan: None,
        seen_heading: false,
    };
    let mut chapter: Vec<(u8, String)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut last: Option<(u32, String, String)> = None;
    let mut in_schedule = false;
    // Recitals after `Whereas:`: the line of `Whereas:` and the last recital number.
    let mut recitals: Option<(usize, u32)> = None;
    let mut k = 0;
    while k < st.lines.len() {
        let (n, raw) = st.lines[k];
        let t = raw.trim();
        if t.is_empty() {
            k += 1;
            continue;
        }
        if let Some((at, last)) = recitals {
            let ends = heading::schedule(t).is_some()
                || heading::division(t, sections_are_divisions).is_some()
                || heading::provision(t).is_some_and(|h| allowed.contains(&h.family))
                || is_capitals(t);
            if ends {
                st.close();
                recitals = None;
                if last > 0 {
                    st.unsplit.push(Unsplit {
                        line: at,
                        kind: UnsplitKind::Recitals { first: 1, last },
                    });
                }
            } else if let Some(rest) = recital_start(t, last + 1) {
                st.close();
                recitals = Some((at, last + 1));
                st.open = Some(Open {
                    id: format!("recital-{}", last + 1),
                    label: format!("Recital {}", last + 1),
                    heading: None,
                    chapter: vec!["Recitals".to_owned()],
                    lines: vec![rest.to_owned()],
                    line: n,
                    skip: false,
                    heading_below: false,
                });
                k += 1;
                continue;
            }
        } else if !st.seen_heading && st.open.is_none() && is_whereas(t) {
            recitals = Some((n, 0));
        }
        if let Some((id, label)) = heading::schedule(t) {
            st.close();
            st.seen_heading = true;
            in_schedule = true;
            let title = t[label.len()..]
                .trim_start_matches([' ', '—', '–', '-', ':', '.'])
                .trim();
            let heading = if title.is_empty() {
                let h = st.title_after(k, false);
                if h.is_some() {
                    k += 1;
                }
                h
            } else {
                Some(title.to_owned())
            };
            st.unsplit.push(Unsplit {
                line: n,
                kind: UnsplitKind::Schedule {
                    label: label.clone(),
                },
            });
            let skip = seen.contains_key(&id);
            if skip {
                st.unsplit.push(Unsplit {
                    line: n,
                    kind: UnsplitKind::Duplicate {
                        label: label.clone(),
                        first_line: seen[&id],
                    },
                });
            }
            seen.entry(id.clone()).or_insert(n);
            st.open = Some(Open {
                id,
                label,
                heading,
                chapter: Vec::new(),
                lines: Vec::new(),
                line: n,
                skip,
                heading_below: false,
            });
            k += 1;
            continue;
        }
        if !in_schedule {
            if let Some(d) = heading::division(t, sections_are_divisions) {
                st.close();
                st.seen_heading = true;
                let mut label = d.label;
                if !d.titled {
                    // The title on the lines below, which may wrap (the PIPL's English
                    // `Section 3` / `Special Provisions on the Processing of` / `Personal …`).
                    while let Some(title) = st.title_after(k, false) {
                        label.push(' ');
                        label.push_str(&title);
                        k += 1;
                    }
                }
                chapter.retain(|(level, _)| *level < d.level);
                chapter.push((d.level, label));
                k += 1;
                continue;
            }
            if let Some(h) = heading::provision(t).filter(|h| allowed.contains(&h.family)) {
                if let Some(next) = start_provision(&mut st, &h, k, &chapter, &mut seen, &mut last)
                {
                    k = next;
                    continue;
                }
            }
        }
        match &mut st.open {
            Some(open) => open.lines.push(raw.to_owned()),
            None => {
                let first = st.orphan.map_or(n, |(f, _)| f);
                st.orphan = Some((first, n));
            }
        }
        k += 1;
    }
    st.close();
    if let Some((at, last)) = recitals.filter(|(_, last)| *last > 0) {
        st.unsplit.push(Unsplit {
            line: at,
            kind: UnsplitKind::Recitals { first: 1, last },
        });
    }
    st.unsplit.sort_by_key(|u| u.line);
    (st.out, st.unsplit)
}

/// Opens the provision of heading `h` at line index `k`; returns the index to go on from, or
/// `None` when the line is text after all (a reference at the start of a line).
fn start_provision(
    st: &mut State<'_>,
    h: &Heading,
    k: usize,
    chapter: &[(u8, String)],
    seen: &mut HashMap<String, usize>,
    last: &mut Option<(u32, String, String)>,
) -> Option<usize> {
    let n = st.lines[k].0;
    let key = (h.number, h.suffix.clone());
    let before = last.as_ref().map(|(num, suf, _)| (*num, suf.clone()));
    let reference = matches!(&h.rest, Rest::Text(t) if !heading::is_repeal_marker(t));
    let out_of_turn = h.weak && before.as_ref().map_or(h.number, |(num, _)| num + 1) != h.number;
    if out_of_turn {
        return None; // `2. …` in a section numbered by lines like it: a paragraph
    }
    if reference && before.as_ref().is_some_and(|b| key <= *b) {
        st.unsplit.push(Unsplit {
            line: n,
            kind: UnsplitKind::KeptAsText {
                label: h.label.clone(),
            },
        });
        return None;
    }
    let above = if matches!(h.family, Family::Section | Family::Numbered)
        && !matches!(h.rest, Rest::Title(_))
    {
        st.title_above(k)
    } else {
        None
    };
    st.close();
    st.seen_heading = true;
    let id = format!("{}-{}{}", h.family.prefix(), h.number, h.suffix);
    let mut skip = false;
    if let Some(&first_line) = seen.get(&id) {
        skip = true;
        st.unsplit.push(Unsplit {
            line: n,
            kind: UnsplitKind::Duplicate {
                label: h.label.clone(),
                first_line,
            },
        });
    } else {
        seen.insert(id.clone(), n);
        if let Some((num, suf, label)) = last.as_ref() {
            if key < (*num, suf.clone()) {
                st.unsplit.push(Unsplit {
                    line: n,
                    kind: UnsplitKind::OutOfOrder {
                        label: h.label.clone(),
                        after: label.clone(),
                    },
                });
            } else if h.number > num + 1 {
                st.unsplit.push(Unsplit {
                    line: n,
                    kind: UnsplitKind::Gap {
                        from: *num,
                        to: h.number,
                    },
                });
            }
        }
        *last = Some((h.number, h.suffix.clone(), h.label.clone()));
    }
    let mut next = k + 1;
    let mut lines = Vec::new();
    let heading_below = matches!(h.rest, Rest::None);
    let heading = match &h.rest {
        Rest::Title(t) if heading::is_repeal_marker(t) => {
            lines.push(t.clone());
            None
        }
        Rest::Title(t) => Some(t.clone()),
        Rest::Text(t) => {
            lines.push(t.clone());
            above
        }
        Rest::None => {
            let t = st.title_after(k, true);
            if t.is_some() {
                next += 1;
            }
            t.or(above)
        }
    };
    st.open = Some(Open {
        id,
        label: h.label.clone(),
        heading,
        chapter: chapter.iter().map(|(_, c)| c.clone()).collect(),
        lines,
        line: n,
        skip,
        heading_below,
    });
    Some(next)
}

/// `Whereas:`, the line that opens the recitals of an EU act (`鉴于：` in Chinese).
fn is_whereas(t: &str) -> bool {
    matches!(t, "Whereas:" | "WHEREAS:" | "Whereas" | "鉴于：")
}

/// A line of capitals that ends the recitals (`HAVE ADOPTED THIS REGULATION:`).
fn is_capitals(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

/// The text of recital `n` if `t` starts it: `(n) text`.
fn recital_start(t: &str, n: u32) -> Option<&str> {
    let rest = t.strip_prefix('(')?;
    let (num, text) = rest.split_once(") ")?;
    (num.parse::<u32>().ok()? == n).then_some(text)
}
