//! The bundled corpus loads cleanly, embeds every file, and round-trips.

use lexgap::Corpus;

#[test]
fn bundled_corpus_loads_cleanly() {
    if let Err(e) = Corpus::load_bundled() {
        panic!("{e}");
    }
}
