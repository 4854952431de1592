//! The integration tests: one binary, one module per area (see STYLE.md: one `tests/lib.rs`).
//!
//! Run with `cargo test`; snapshot tests use insta (`cargo insta review` to accept changes).

mod bundled;
