//! The integration tests: one binary, one module per area (STYLE.md: one `tests/lib.rs`).
//!
//! Run with `cargo test`. Snapshot tests use insta: `cargo insta review` accepts changes.
//! Tests of the texts against their sources read `reference/shared`, the repository's copy of
//! `../shared/reference`; none skips.

mod align;
mod bundled;
mod citations;
mod classify;
#[cfg(feature = "cli")]
mod cli;
mod corpus;
mod diff;
mod effects;
mod examples;
mod hostile_diff;
mod hostile_load;
mod hostile_render;
mod html;
mod import;
mod json_keys;
#[cfg(feature = "schema")]
mod json_schema;
mod judgments;
mod load_errors;
mod lookups;
mod module_graph;
mod oscal;
mod props_classify;
mod props_diff;
mod props_loader;
mod search;
mod support;
mod width;
