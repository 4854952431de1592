//! A set of [`Element`]s: what a clause provides or a requirement asks for.

use std::fmt;

use super::Element;
use crate::model::{DataCategory, Purpose, SafeguardElement, SafeguardKind};

const KINDS: usize = SafeguardKind::ALL.len();
const DETAILS: usize = SafeguardElement::ALL.len();
/// Where each variant's bits begin: safeguards, then details (kind by kind), then sensitive
/// categories, grounds and binding force, so that the bits run in the order of [`Element`]'s
/// `Ord` and iteration is sorted.
const DETAIL: usize = KINDS;
const SENSITIVE: usize = DETAIL + KINDS * DETAILS;
const GROUND: usize = SENSITIVE + DataCategory::ALL.len();
const BINDING: usize = GROUND + Purpose::ALL.len();
const WORDS: usize = (BINDING + 1).div_ceil(64);

/// A set of [`Element`]s, iterated in their order: what a clause provides or a requirement
/// asks for, as [`engine::Reading`](super::engine::Reading) returns them. One bit per element,
/// so it is `Copy` and building one allocates nothing: a rule reads thousands of clauses in a
/// comparison of a large corpus.
///
/// ```
/// use lexgap::classify::{Element, Elements};
/// use lexgap::model::SafeguardKind;
///
/// let mut set = Elements::new();
/// assert!(set.insert(Element::safeguard(SafeguardKind::Proportionality)));
/// assert!(!set.insert(Element::safeguard(SafeguardKind::Proportionality)), "already there");
/// set.insert(Element::safeguard(SafeguardKind::Necessity));
/// // In the order of `Element`: necessity is declared before proportionality.
/// let codes: Vec<String> = set.iter().map(|e| e.to_string()).collect();
/// assert_eq!(codes, ["necessity", "proportionality"]);
/// assert_eq!(set, Elements::from([
///     Element::safeguard(SafeguardKind::Proportionality),
///     Element::safeguard(SafeguardKind::Necessity),
/// ]));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Elements([u64; WORDS]);

/// The bit of an element.
fn index(e: Element) -> usize {
    match e {
        Element::Safeguard { kind } => kind as usize,
        Element::Detail { kind, element } => DETAIL + kind as usize * DETAILS + element as usize,
        Element::Sensitive { data } => SENSITIVE + data as usize,
        Element::Ground { ground } => GROUND + ground as usize,
        Element::Binding => BINDING,
    }
}

/// The element of a bit (the inverse of [`index`]).
fn element(i: usize) -> Element {
    if i < DETAIL {
        Element::safeguard(SafeguardKind::ALL[i])
    } else if i < SENSITIVE {
        let j = i - DETAIL;
        Element::Detail {
            kind: SafeguardKind::ALL[j / DETAILS],
            element: SafeguardElement::ALL[j % DETAILS],
        }
    } else if i < GROUND {
        Element::Sensitive {
            data: DataCategory::ALL[i - SENSITIVE],
        }
    } else if i < BINDING {
        Element::Ground {
            ground: Purpose::ALL[i - GROUND],
        }
    } else {
        Element::Binding
    }
}

impl Elements {
    /// The empty set.
    pub const fn new() -> Elements {
        Elements([0; WORDS])
    }

    /// Adds an element; returns whether it was not there yet.
    pub fn insert(&mut self, e: Element) -> bool {
        let i = index(e);
        let bit = 1 << (i % 64);
        let was = self.0[i / 64] & bit != 0;
        self.0[i / 64] |= bit;
        !was
    }

    /// Removes an element; returns whether it was there.
    pub fn remove(&mut self, e: Element) -> bool {
        let i = index(e);
        let bit = 1 << (i % 64);
        let was = self.0[i / 64] & bit != 0;
        self.0[i / 64] &= !bit;
        was
    }

    /// Removes every element.
    pub fn clear(&mut self) {
        self.0 = [0; WORDS];
    }

    /// Whether the set holds `e`.
    pub fn contains(&self, e: Element) -> bool {
        let i = index(e);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// How many elements the set holds.
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The elements of either set.
    pub fn union(&self, other: &Elements) -> Elements {
        let mut out = *self;
        for (w, o) in out.0.iter_mut().zip(other.0) {
            *w |= o;
        }
        out
    }

    /// The elements, in their order.
    pub fn iter(&self) -> ElementsIter {
        ElementsIter {
            words: self.0,
            word: 0,
        }
    }
}

/// The elements of an [`Elements`], in their order.
#[derive(Debug, Clone)]
pub struct ElementsIter {
    words: [u64; WORDS],
    word: usize,
}

impl Iterator for ElementsIter {
    type Item = Element;

    fn next(&mut self) -> Option<Element> {
        while self.word < WORDS {
            let w = self.words[self.word];
            if w != 0 {
                self.words[self.word] = w & (w - 1);
                return Some(element(self.word * 64 + w.trailing_zeros() as usize));
            }
            self.word += 1;
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.words[self.word.min(WORDS)..]
            .iter()
            .map(|w| w.count_ones() as usize)
            .sum();
        (n, Some(n))
    }
}

impl ExactSizeIterator for ElementsIter {}

impl IntoIterator for Elements {
    type Item = Element;
    type IntoIter = ElementsIter;
    fn into_iter(self) -> ElementsIter {
        self.iter()
    }
}

impl IntoIterator for &Elements {
    type Item = Element;
    type IntoIter = ElementsIter;
    fn into_iter(self) -> ElementsIter {
        self.iter()
    }
}

impl FromIterator<Element> for Elements {
    fn from_iter<I: IntoIterator<Item = Element>>(iter: I) -> Elements {
        let mut out = Elements::new();
        out.extend(iter);
        out
    }
}

impl Extend<Element> for Elements {
    fn extend<I: IntoIterator<Item = Element>>(&mut self, iter: I) {
        for e in iter {
            self.insert(e);
        }
    }
}

impl<const N: usize> From<[Element; N]> for Elements {
    fn from(elements: [Element; N]) -> Elements {
        elements.into_iter().collect()
    }
}

impl fmt::Debug for Elements {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    /// Every element there is, in the order of `Element`.
    fn every() -> Vec<Element> {
        let mut all: Vec<Element> = SafeguardKind::ALL
            .iter()
            .map(|k| Element::safeguard(*k))
            .collect();
        for kind in SafeguardKind::ALL {
            for element in SafeguardElement::ALL {
                all.push(Element::Detail {
                    kind: *kind,
                    element: *element,
                });
            }
        }
        all.extend(
            DataCategory::ALL
                .iter()
                .map(|d| Element::Sensitive { data: *d }),
        );
        all.extend(Purpose::ALL.iter().map(|p| Element::Ground { ground: *p }));
        all.push(Element::Binding);
        all
    }

    #[test]
    fn each_element_has_its_own_bit_in_the_order_of_element() {
        let all = every();
        for (i, e) in all.iter().enumerate() {
            assert_eq!(index(*e), i, "{e}");
            assert_eq!(element(i), *e);
        }
        assert!(all.windows(2).all(|w| w[0] < w[1]), "bits follow Ord");
        assert_eq!(all.len(), BINDING + 1);
    }

    proptest! {
        /// Built from the same elements, the set behaves as a `BTreeSet` does.
        #[test]
        fn behaves_as_a_btreeset(
            picks in proptest::collection::vec(0..=BINDING, 0..40),
            removes in proptest::collection::vec(0..=BINDING, 0..10),
            others in proptest::collection::vec(0..=BINDING, 0..20),
        ) {
            let mut set = Elements::new();
            let mut oracle = BTreeSet::new();
            for e in picks.iter().map(|i| element(*i)) {
                prop_assert_eq!(set.insert(e), oracle.insert(e));
            }
            for e in removes.iter().map(|i| element(*i)) {
                prop_assert_eq!(set.remove(e), oracle.remove(&e));
            }
            prop_assert_eq!(set.iter().collect::<Vec<_>>(), oracle.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(set.len(), oracle.len());
            prop_assert_eq!(set.iter().len(), oracle.len());
            prop_assert_eq!(set.is_empty(), oracle.is_empty());
            prop_assert_eq!(format!("{set:?}"), format!("{oracle:?}"));
            for e in every() {
                prop_assert_eq!(set.contains(e), oracle.contains(&e));
            }
            let other: Elements = others.iter().map(|i| element(*i)).collect();
            let union: BTreeSet<Element> = oracle.iter().copied().chain(other.iter()).collect();
            prop_assert_eq!(set.union(&other).iter().collect::<Vec<_>>(), union.into_iter().collect::<Vec<_>>());
        }
    }
}
