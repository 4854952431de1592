//! JSON: a result serialised with serde in the versioned envelope of the schema (see
//! [the module docs](super::super#json-schema)).

use std::fmt;

use serde::Serialize;

use crate::render::SCHEMA_VERSION;

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Envelope<'a, T> {
    schema_version: u32,
    kind: &'static str,
    data: &'a T,
}

pub(crate) fn write_json<T: Serialize>(
    f: &mut fmt::Formatter<'_>,
    kind: &'static str,
    item: &T,
) -> fmt::Result {
    let env = Envelope {
        schema_version: SCHEMA_VERSION,
        kind,
        data: item,
    };
    let s = serde_json::to_string_pretty(&env).map_err(|_| fmt::Error)?;
    writeln!(f, "{s}")
}
