//! One file's values: the context of a file's conversion, and the parsers of its terms,
//! languages, texts, dates and ids, each reporting a problem at its location.

use std::collections::BTreeMap;

use super::span::LineIndex;
use crate::corpus::raw::S;
use crate::error::{LoadError, LoadErrorKind, Location};
use crate::model::{Date, InstrumentId, Lang, ProvisionId, Term, Texts};

/// The conversion of one file: where its offsets are, and where its problems go.
pub(super) struct FileCx<'a> {
    pub(super) lines: LineIndex<'a>,
    pub(super) errors: &'a mut Vec<LoadError>,
}

impl FileCx<'_> {
    pub(super) fn loc(&self, offset: usize) -> Location {
        self.lines.at(offset)
    }
    pub(super) fn push(&mut self, offset: usize, kind: LoadErrorKind) {
        let loc = self.loc(offset);
        self.errors.push(LoadError::new(loc, kind));
    }
    pub(super) fn term<T: Term>(&mut self, s: &S<String>) -> Option<T> {
        match T::parse_code(s.get_ref()) {
            Ok(t) => Some(t),
            Err(e) => {
                self.push(s.span().start, e.into());
                None
            }
        }
    }
    /// The terms of a list, each parsed; a term given twice is reported at its second place.
    pub(super) fn terms<T: Term>(&mut self, v: &[S<String>]) -> Vec<T> {
        let mut out: Vec<T> = Vec::with_capacity(v.len());
        for s in v {
            let Some(t) = self.term::<T>(s) else {
                continue;
            };
            if out.contains(&t) {
                self.push(
                    s.span().start,
                    LoadErrorKind::Invalid(format!(
                        "{} `{}` is listed twice",
                        T::VOCABULARY,
                        t.code()
                    )),
                );
                continue;
            }
            out.push(t);
        }
        out
    }
    pub(super) fn lang(&mut self, s: &str, offset: usize) -> Option<Lang> {
        match Lang::new(s) {
            Ok(l) => Some(l),
            Err(e) => {
                self.push(offset, LoadErrorKind::Invalid(e.to_string()));
                None
            }
        }
    }
    /// The language-keyed entries of a table, in file order, with their parsed tags. Reports
    /// keys that are not language tags, and keys that name a language already given (tags
    /// ignore case, so `en` and `EN` are one language), keeping the first.
    pub(super) fn by_lang<'v, V>(
        &mut self,
        map: &'v BTreeMap<String, S<V>>,
        what: &str,
        id: &str,
    ) -> Vec<(Lang, &'v S<V>)> {
        let mut entries: Vec<(&String, &S<V>)> = map.iter().collect();
        entries.sort_by_key(|(_, v)| v.span().start);
        let mut out: Vec<(Lang, &S<V>)> = Vec::new();
        for (k, v) in entries {
            let at = v.span().start;
            let Some(lang) = self.lang(k, at) else {
                continue;
            };
            if let Some((_, first)) = out.iter().find(|(l, _)| *l == lang) {
                let first = self.loc(first.span().start);
                self.push(
                    at,
                    LoadErrorKind::Invalid(format!(
                        "duplicate `{lang}` {what} in `{id}` (first at {first}; language tags ignore case)"
                    )),
                );
                continue;
            }
            out.push((lang, v));
        }
        out
    }
    pub(super) fn texts(
        &mut self,
        map: &BTreeMap<String, S<String>>,
        what: &'static str,
        id: &str,
    ) -> Texts {
        let mut out = Texts::new();
        for (lang, v) in self.by_lang(map, what, id) {
            if v.get_ref().trim().is_empty() {
                self.push(
                    v.span().start,
                    LoadErrorKind::EmptyText {
                        what,
                        id: id.to_owned(),
                    },
                );
                continue;
            }
            out.insert(lang, v.get_ref().clone());
        }
        out
    }
    pub(super) fn date(&mut self, v: &Option<S<toml::Value>>) -> Option<Date> {
        let v = v.as_ref()?;
        let at = v.span().start;
        let shown = match v.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
            other => other.to_string(),
        };
        match shown.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(at, e.into());
                None
            }
        }
    }
    pub(super) fn instrument_id(&mut self, s: &S<String>) -> Option<InstrumentId> {
        match s.get_ref().parse::<InstrumentId>() {
            Ok(id) => Some(id),
            Err(e) => {
                self.push(s.span().start, LoadErrorKind::Invalid(e.to_string()));
                None
            }
        }
    }
    /// A provision's own id: local (`art-9`), or a full id within `own`.
    pub(super) fn provision_def(
        &mut self,
        own: &InstrumentId,
        s: &S<String>,
    ) -> Option<ProvisionId> {
        let pid = self.provision_ref(own, s)?;
        if pid.instrument() == own {
            return Some(pid);
        }
        self.push(
            s.span().start,
            LoadErrorKind::Invalid(format!(
                "provision id `{pid}` belongs to another instrument than `{own}`; write the local id `{}`",
                pid.local()
            )),
        );
        None
    }
    /// A provision reference: a full id, or a local id within `own`.
    pub(super) fn provision_ref(
        &mut self,
        own: &InstrumentId,
        s: &S<String>,
    ) -> Option<ProvisionId> {
        let r = s.get_ref();
        let parsed = if r.contains('/') {
            r.parse()
        } else {
            own.provision(r)
        };
        match parsed {
            Ok(id) => Some(id),
            Err(e) => {
                self.push(s.span().start, LoadErrorKind::Invalid(e.to_string()));
                None
            }
        }
    }
}
