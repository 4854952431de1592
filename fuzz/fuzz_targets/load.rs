//! Fuzzes the loader: arbitrary bytes as one instrument file, alone and, when it could name
//! a bundled instrument (`xx/`), beside the bundled corpus too, so that references resolve.
//! Checks that it does not panic, that a rejection names the file at a line of the input, that
//! every line of the report is bounded (no word or quote of the input repeated past 200
//! characters), and that every provision of an accepted file has a text.
//!
//! Run with a nightly toolchain: `cargo +nightly fuzz run load` (from the crate's root). Seed
//! it with the bundled files: `cargo +nightly fuzz run load provisions/eu provisions/cn`.

#![no_main]

use lexgap::{Corpus, LoadErrors};
use libfuzzer_sys::fuzz_target;

const ORIGIN: &str = "fuzz/zz/law.toml";

fn check(result: Result<Corpus, LoadErrors>, lines: usize) {
    match result {
        Ok(corpus) => {
            for p in corpus.provisions() {
                assert!(!p.text.is_empty(), "{} has no text", p.id);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                let at = e.location();
                if at.origin() == ORIGIN {
                    assert!(at.line() >= 1 && at.line() <= lines + 1, "{e}");
                }
            }
            for line in errors.to_string().lines() {
                assert!(line.len() <= 2_000, "a line of {} bytes", line.len());
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    check(Corpus::loader().bytes(ORIGIN, data.to_vec()).load(), lines);
    // Beside the bundled corpus (which costs a hundred times more a run) only when the input
    // could name a bundled instrument.
    if data.windows(3).any(|w| w.ends_with(b"/") && w[..2].iter().all(u8::is_ascii_lowercase)) {
        check(
            Corpus::loader().bundled().bytes(ORIGIN, data.to_vec()).load(),
            lines,
        );
    }
});
