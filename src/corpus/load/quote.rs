//! Quotes and evidence: each quote found in its provision's texts (or, with `in`, another
//! provision's of the same file), its language settled, by the quote search of `model::quote`.

use std::collections::{BTreeMap, HashMap};

use super::values::FileCx;
use crate::corpus::raw::S;
use crate::error::LoadErrorKind;
use crate::model::{Evidence, InstrumentId, Lang, NormalizedText, Quoted, Texts};

/// Where the quotes of one provision are looked for: the provision `sid` of `own`, its texts,
/// and the texts of every provision of its file, by local id.
pub(super) struct Quotes<'a> {
    pub(super) own: &'a InstrumentId,
    pub(super) sid: &'a str,
    pub(super) texts: &'a Searchable<'a>,
    pub(super) file_texts: &'a HashMap<String, Texts>,
}

impl Quotes<'_> {
    /// A quote of the provision itself (a norm's `quote`), as [`resolve_evidence`] settles it.
    pub(super) fn here(
        &self,
        cx: &mut FileCx<'_>,
        quote: &S<String>,
        lang: &Option<S<String>>,
    ) -> Option<Evidence> {
        resolve_evidence(cx, self.sid, self.texts, quote, lang)
    }
    /// A quote of the provision `sid`, or, with `in`, of another provision of the same file.
    pub(super) fn quoted(
        &self,
        cx: &mut FileCx<'_>,
        quote: &S<String>,
        in_: &Option<S<String>>,
        lang: &Option<S<String>>,
    ) -> Option<Quoted> {
        let (own, sid) = (self.own, self.sid);
        let Some(in_) = in_ else {
            return resolve_evidence(cx, sid, self.texts, quote, lang).map(Quoted::here);
        };
        let local = in_.get_ref().to_ascii_lowercase();
        let local = local
            .strip_prefix(&format!("{own}/"))
            .unwrap_or(&local)
            .to_owned();
        let Some(other) = self.file_texts.get(&local) else {
            cx.push(
                in_.span().start,
                LoadErrorKind::Invalid(format!(
                    "`in = \"{}\"` in `{sid}` names no provision of this file (a quote may come only from a provision of the same instrument)",
                    in_.get_ref()
                )),
            );
            return None;
        };
        let pid = own.provision(&local).ok()?;
        let ev = resolve_evidence(cx, &pid.to_string(), &searchable(other), quote, lang)?;
        let provision = (pid != *sid).then_some(pid);
        Some(Quoted {
            provision,
            evidence: ev,
        })
    }
}

/// The texts of a provision for the quote search (see `model::quote`), in tag order: each
/// normalised at most once, when a quote first needs it.
pub(super) type Searchable<'t> = BTreeMap<Lang, Search<'t>>;

/// One text and, once a search needed it, its normalised form.
pub(super) struct Search<'t> {
    text: &'t str,
    normalized: std::cell::OnceCell<NormalizedText>,
}

impl Search<'_> {
    fn find(&self, quote: &str) -> Option<usize> {
        crate::model::find_lazy(self.text, quote, &self.normalized)
    }
}

pub(super) fn searchable(texts: &Texts) -> Searchable<'_> {
    texts
        .iter()
        .map(|(l, t)| {
            let normalized = std::cell::OnceCell::new();
            (
                l.clone(),
                Search {
                    text: t,
                    normalized,
                },
            )
        })
        .collect()
}

/// Checks a quote against the provision's texts and settles its language: the one given, or
/// else the first language (in tag order) whose text contains it.
fn resolve_evidence(
    cx: &mut FileCx<'_>,
    id: &str,
    texts: &Searchable<'_>,
    quote: &S<String>,
    lang: &Option<S<String>>,
) -> Option<Evidence> {
    let at = quote.span().start;
    let q = quote.get_ref();
    if q.trim().is_empty() {
        cx.push(
            at,
            LoadErrorKind::EmptyText {
                what: "quote",
                id: id.to_owned(),
            },
        );
        return None;
    }
    if texts.is_empty() {
        return None; // already reported: the provision has no usable text
    }
    match lang {
        Some(l) => resolve_in(cx, id, texts, quote, l),
        None => match texts.iter().find(|(_, t)| t.find(q).is_some()) {
            Some((lang, _)) => Some(Evidence {
                lang: lang.clone(),
                quote: q.clone(),
            }),
            None => {
                cx.push(
                    at,
                    LoadErrorKind::QuoteNotFound {
                        id: id.to_owned(),
                        lang: None,
                        quote: q.clone(),
                    },
                );
                None
            }
        },
    }
}

/// A quote whose language is given: that language's text must hold it.
fn resolve_in(
    cx: &mut FileCx<'_>,
    id: &str,
    texts: &Searchable<'_>,
    quote: &S<String>,
    l: &S<String>,
) -> Option<Evidence> {
    let at = quote.span().start;
    let q = quote.get_ref();
    let lang = cx.lang(l.get_ref(), l.span().start)?;
    let Some(text) = texts.get(&lang) else {
        let have = texts
            .keys()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        cx.push(
            l.span().start,
            LoadErrorKind::NoTextInLanguage {
                id: id.to_owned(),
                lang: lang.to_string(),
                have,
            },
        );
        return None;
    };
    if text.find(q).is_some() {
        Some(Evidence {
            lang,
            quote: q.clone(),
        })
    } else {
        cx.push(
            at,
            LoadErrorKind::QuoteNotFound {
                id: id.to_owned(),
                lang: Some(lang.to_string()),
                quote: q.clone(),
            },
        );
        None
    }
}
