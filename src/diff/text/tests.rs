//! The unit tests of the text diff: tokens, clean-up, mirroring, normalisation, budgets.

use std::time::Duration;

use unicode_normalization::UnicodeNormalization;

use super::lines::split_lines;
use super::similarity::{count_chars, flag_normalization, is_unicode_space};
use super::tokens::{for_each_grapheme, token_ends};
use super::*;
use crate::diff::search::tests::Lcg;

fn word_tokens(s: &str) -> Vec<&str> {
    let mut ends = vec![0];
    token_ends(s, Granularity::Words, 0, &mut ends);
    ends.windows(2).map(|w| &s[w[0]..w[1]]).collect()
}

#[test]
fn count_chars_is_exact() {
    let mut x = Lcg(7);
    let alphabet = [
        'a', ' ', '\n', '\u{a0}', '\u{3000}', '\u{2009}', '。', '个', 'é', '\u{85}', '\u{1680}',
        '\u{202f}',
    ];
    for _ in 0..100_000 {
        let s: String = (0..10)
            .map(|_| alphabet[x.next(alphabet.len() as u64) as usize])
            .collect();
        assert_counts_chars(&s);
    }
}

/// `count_chars` counts what a reading character by character counts, with and without the
/// whitespace.
fn assert_counts_chars(s: &str) {
    assert_eq!(
        count_chars(s, true),
        s.chars().filter(|c| !c.is_whitespace()).count(),
        "{s:?}"
    );
    assert_eq!(count_chars(s, false), s.chars().count(), "{s:?}");
}

#[test]
fn lines_are_split_as_split_inclusive_splits_them() {
    let mut x = Lcg(9);
    let alphabet = ['a', '\n', '\r', ' ', '个'];
    let mut texts: Vec<String> = ["", "\n", "\n\n", "a", "a\n", "a\nb", "\na"]
        .map(String::from)
        .into();
    for len in [1, 2, 3, 63, 64, 65, 200] {
        for _ in 0..200 {
            texts.push(
                (0..len)
                    .map(|_| alphabet[x.next(alphabet.len() as u64) as usize])
                    .collect(),
            );
        }
    }
    for s in &texts {
        let (lines, starts) = split_lines(s);
        assert_eq!(lines, s.split_inclusive('\n').collect::<Vec<_>>(), "{s:?}");
        let mut at = 0;
        let mut expected = vec![0];
        for line in &lines {
            at += line.len();
            expected.push(at);
        }
        assert_eq!(starts, expected, "{s:?}");
    }
}

#[test]
fn unicode_spaces_are_found_by_their_bytes() {
    for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
        let mut buf = [0; 4];
        let s = c.encode_utf8(&mut buf);
        assert_eq!(is_unicode_space(s.as_bytes()), c.is_whitespace(), "{c:?}");
    }
}

#[test]
fn count_chars_is_exact_across_blocks() {
    // Long texts, so that spaces and their lead bytes fall across the 64-byte blocks.
    let mut x = Lcg(8);
    let alphabet = [
        'a', ' ', '\n', '\u{a0}', '\u{3000}', '\u{2009}', '\u{2028}', '\u{205f}', '。', '个', 'é',
        '\u{85}', '\u{1680}', '\u{202f}', '\u{e2}', '\u{2010}', '\t', '\r', '\u{c}',
    ];
    for len in [0, 1, 63, 64, 65, 200, 1000] {
        for _ in 0..300 {
            let s: String = (0..len)
                .map(|_| alphabet[x.next(alphabet.len() as u64) as usize])
                .collect();
            assert_counts_chars(&s);
        }
    }
}

#[test]
fn detecting_by_blocks_counts_every_letter() {
    // The script detection counts ASCII in blocks of 64 bytes and the rest by characters; it
    // must decide as a count character by character does.
    let reference = |a: &str, b: &str| {
        let (mut cjk, mut letters) = (0usize, 0usize);
        for c in a.chars().chain(b.chars()) {
            if crate::model::is_cjk_letter(c) {
                cjk += 1;
                letters += 1;
            } else if c.is_alphanumeric() {
                letters += 1;
            }
        }
        if cjk * 3 > letters {
            Granularity::Chars
        } else {
            Granularity::Words
        }
    };
    let mut x = Lcg(12);
    let pieces = [
        "a", "Z", "9", " ", ".", "个", "人", "é", "ß", "\u{301}", "\n", "。", "한",
    ];
    for len in [0, 10, 64, 100, 300] {
        for _ in 0..300 {
            let weights = x.next(4) as usize;
            let a: String = (0..len)
                .map(|_| pieces[(x.next(pieces.len() as u64) as usize + weights) % pieces.len()])
                .collect();
            let b: String = (0..len / 2)
                .map(|_| pieces[x.next(pieces.len() as u64) as usize])
                .collect();
            assert_eq!(
                Granularity::detect_pair(&a, &b),
                reference(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }
    // Long texts, read a block at a time and decided early: mixes near the threshold (a
    // third of the letters), with the scripts apart or together.
    for case in 0..120 {
        let cjk_share = [0, 2, 3, 4, 10][case % 5];
        let long = |x: &mut Lcg, len: usize| -> String {
            (0..len)
                .map(|_| {
                    if x.next(10) < cjk_share {
                        "个"
                    } else {
                        ["a", " ", "é", "9"][x.next(4) as usize]
                    }
                })
                .collect()
        };
        let (a, b) = (long(&mut x, 9000 + case * 300), long(&mut x, case * 200));
        let (a, b) = if case % 2 == 0 { (a, b) } else { (b, a) };
        assert_eq!(
            Granularity::detect_pair(&a, &b),
            reference(&a, &b),
            "case {case}"
        );
    }
}

#[test]
fn tokens() {
    assert_eq!(
        word_tokens("Article 9(2)(g),  data 个人"),
        [
            "Article", " ", "9", "(", "2", ")", "(", "g", ")", ",", "  ", "data", " ", "个", "人"
        ]
    );
    assert_eq!(word_tokens(""), Vec::<&str>::new());
}

#[test]
fn tokens_keep_grapheme_clusters_whole() {
    // A combining accent stays with its letter, in a word and on its own.
    assert_eq!(
        word_tokens("cafe\u{301} noir"),
        ["cafe\u{301}", " ", "noir"]
    );
    assert_eq!(word_tokens("e\u{301}!"), ["e\u{301}", "!"]);
    let mut ends = vec![0];
    let s = "e\u{301}\u{300}个\r\n🇫🇷👩‍👩‍👧";
    token_ends(s, Granularity::Chars, 0, &mut ends);
    let chars: Vec<&str> = ends.windows(2).map(|w| &s[w[0]..w[1]]).collect();
    assert_eq!(chars, ["e\u{301}\u{300}", "个", "\r\n", "🇫🇷", "👩‍👩‍👧"]);
}

#[test]
fn segmenting_in_windows_matches_segmenting_at_once() {
    let mut x = Lcg(11);
    let pieces = [
        "a", " ", "\u{301}", "个", "人", "\r", "\n", "é", "🇫", "🇷", "\u{200d}", "👩", "ab",
    ];
    for _ in 0..200 {
        let s: String = (0..3000)
            .map(|_| pieces[x.next(pieces.len() as u64) as usize])
            .collect();
        let mut got = Vec::new();
        for_each_grapheme(&s, |g| got.push(g));
        let want = similar::DiffableStr::tokenize_graphemes(s.as_str());
        assert_eq!(got, want);
    }
}

#[test]
fn tokens_by_pieces_match_tokens_of_whole_clusters() {
    // ASCII pieces are tokenized byte by byte, the rest by clusters: the same tokens as
    // clusters of the whole text, classed by their first character.
    use unicode_segmentation::UnicodeSegmentation;
    let reference = |s: &str, granularity: Granularity| {
        let mut ends = vec![0];
        let (mut at, mut current) = (0, None::<u8>);
        for g in s.graphemes(true) {
            let c = g.chars().next().unwrap_or(' ');
            let class = match granularity {
                Granularity::Chars => 2,
                Granularity::Words if c.is_whitespace() || c == '\x0B' => 0,
                Granularity::Words if crate::model::is_cjk_letter(c) => 2,
                Granularity::Words if c.is_alphanumeric() || c == '_' => 1,
                Granularity::Words => 2,
            };
            if current.is_some() && (current != Some(class) || class == 2) {
                ends.push(at);
            }
            current = Some(class);
            at += g.len();
        }
        if current.is_some() {
            ends.push(at);
        }
        ends
    };
    let mut x = Lcg(13);
    let pieces = [
        "a", "b", " ", "  ", "\u{301}", "个", "人", "\r", "\n", "é", "’", "🇫", "🇷", "\u{200d}",
        "👩", "ab", ",", "\u{a0}", "_", "9",
    ];
    for len in [0, 1, 2, 5, 50, 3000] {
        for _ in 0..100 {
            let s: String = (0..len)
                .map(|_| pieces[x.next(pieces.len() as u64) as usize])
                .collect();
            for granularity in [Granularity::Words, Granularity::Chars] {
                let mut ends = vec![0];
                token_ends(&s, granularity, 0, &mut ends);
                assert_eq!(ends, reference(&s, granularity), "{s:?} {granularity}");
            }
        }
    }
}

#[test]
fn the_first_byte_past_ascii_is_found_across_blocks() {
    for len in [0, 1, 31, 32, 33, 64, 100] {
        for at in 0..=len {
            let mut bytes = vec![b'a'; len];
            if at < len {
                bytes[at] = 0xC3;
            }
            let want = bytes.iter().position(|b| !b.is_ascii());
            assert_eq!(super::tokens::first_non_ascii(&bytes), want, "{len} {at}");
        }
    }
}

#[test]
fn long_ascii_words_are_cut_across_blocks() {
    // ASCII text is cut into words a block of bytes at a time: long texts, whose tokens
    // straddle the blocks, give the tokens of a plain reading.
    let reference = |s: &str| {
        let class = |b: u8| match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C' => 0,
            _ if b.is_ascii_alphanumeric() || b == b'_' => 1,
            _ => 2,
        };
        let mut ends = vec![0];
        let bytes = s.as_bytes();
        for i in 1..bytes.len() {
            let (p, c) = (class(bytes[i - 1]), class(bytes[i]));
            if p != c || c == 2 {
                ends.push(i);
            }
        }
        if !bytes.is_empty() {
            ends.push(bytes.len());
        }
        ends
    };
    let mut x = Lcg(19);
    let pieces = ["word", " ", "a", ",", "\n", "(2)", "  ", "x_1", ".", "\t"];
    for len in [0, 1, 1000, 1500, 3000] {
        for _ in 0..20 {
            let s: String = (0..len)
                .map(|_| pieces[x.next(pieces.len() as u64) as usize])
                .collect();
            let mut ends = vec![0];
            token_ends(&s, Granularity::Words, 0, &mut ends);
            assert_eq!(ends, reference(&s), "{s:?}");
        }
    }
}

#[test]
fn tokens_read_in_place_get_the_ids_of_tokens() {
    // `id_in` reads short tokens as integers from the text, masking what follows: the same
    // ids as `id`, at the end of the text too, for ASCII and other tokens of every length.
    use super::tokens::Interner;
    let mut x = Lcg(23);
    let pieces = ["a", "b", "é", "个", "\0", "ab", " ", "’"];
    for _ in 0..300 {
        let s: String = (0..40)
            .map(|_| pieces[x.next(pieces.len() as u64) as usize])
            .collect();
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        let mut cuts = vec![0];
        while let Some(&last) = cuts.last() {
            let next: Vec<usize> = bounds
                .iter()
                .copied()
                .filter(|&b| b > last)
                .take(10)
                .collect();
            let Some(&end) = next.get(x.next(next.len().max(1) as u64) as usize) else {
                break;
            };
            cuts.push(end);
        }
        let (mut by_str, mut in_place) = (Interner::with_room(2), Interner::with_room(2));
        let mut seen: Vec<&str> = Vec::new();
        let mut both = Interner::with_room(2);
        for (i, w) in cuts.windows(2).enumerate() {
            let (r, token) = (w[0]..w[1], &s[w[0]..w[1]]);
            let id = by_str.id(token);
            assert_eq!(id, in_place.id_in(&s, r.clone()), "{s:?} {r:?}");
            // Ids by first occurrence, whichever way a token is looked up.
            let first = seen.iter().position(|&t| t == token).unwrap_or(seen.len());
            if first == seen.len() {
                seen.push(token);
            }
            assert_eq!(id as usize, first);
            let mixed = if i % 2 == 0 {
                both.id(token)
            } else {
                both.id_in(&s, r)
            };
            assert_eq!(mixed, id);
        }
        assert_eq!(by_str.len(), in_place.len());
    }
}

#[test]
fn cleanup_folds_short_equalities() {
    let d = TextDiff::compute_within(
        "向他人提供",
        "用于其他目的",
        Granularity::Chars,
        DEFAULT_BUDGET,
        true,
    );
    assert_eq!(d.ops().len(), 1);
    let raw = TextDiff::compute_within(
        "向他人提供",
        "用于其他目的",
        Granularity::Chars,
        DEFAULT_BUDGET,
        false,
    );
    assert!(raw.ops().len() > 1);
}

#[test]
fn mirror_is_exact() {
    let a = "1. one two three\n2. four five\n3. six\n";
    let b = "1. one 2 three\n3. six seven\n";
    let ab = TextDiff::compute_within(a, b, Granularity::Words, DEFAULT_BUDGET, true);
    let ba = TextDiff::compute_within(b, a, Granularity::Words, DEFAULT_BUDGET, true);
    let mirrored: Vec<TextOp> = ba.ops().iter().map(TextOp::mirrored).collect();
    assert_eq!(ab.ops(), &mirrored[..]);
    assert_eq!(ab.similarity(), ba.similarity());
}

#[test]
fn canonical_equivalence() {
    let nfd = |s: &str| s.nfd().collect::<String>();
    assert_eq!(nfd("café"), "cafe\u{301}");
    assert_eq!(nfd("ệ"), "e\u{323}\u{302}");
    // Canonical order: the dot below (220) before the circumflex (230).
    assert_eq!(nfd("e\u{302}\u{323}"), "e\u{323}\u{302}");
    assert_eq!(nfd("한"), "\u{1112}\u{1161}\u{11ab}");
    assert_eq!(nfd("Å"), nfd("Å"));
    let mut op = TextOp::new(OpTag::Replace, 0..5, 0..6);
    flag_normalization(&mut op, "café", "cafe\u{301}");
    assert!(op.is_normalization_only());
    let mut op = TextOp::new(OpTag::Replace, 0..5, 0..6);
    flag_normalization(&mut op, "cafè", "cafe\u{301}");
    assert!(!op.is_normalization_only());
}

#[test]
fn budgets_from_timeouts() {
    assert_eq!(budget_for(DEFAULT_TIMEOUT), DEFAULT_BUDGET);
    assert_eq!(budget_for(Duration::ZERO), 0);
    assert_eq!(budget_for(Duration::from_millis(10)), DEFAULT_BUDGET / 100);
    assert_eq!(budget_for(Duration::MAX), u64::MAX);
}
