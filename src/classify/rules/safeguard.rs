//! One kind of safeguard, required by the baseline, looked for in the target.

use crate::classify::engine::{Matter, Reading, judge};
use crate::classify::{Clause, Context, Element, Elements, Gap, Rule, RuleInfo};
use crate::model::SafeguardKind;

/// A rule for one kind of safeguard: the baseline attaches it (with its elements) to some
/// processing; the target's related processing lacks it, or has it with fewer elements.
///
/// Eight built-in rules are `SafeguardRule`s (impact assessment, prior authorisation,
/// independent oversight, purpose limitation, retention limit, transparency, accountability,
/// effective remedy); build your own for any [`SafeguardKind`].
#[derive(Debug, Clone)]
pub struct SafeguardRule {
    info: RuleInfo,
    kind: SafeguardKind,
    state_only: bool,
    regime: bool,
}

impl SafeguardRule {
    /// A rule with this `info` for safeguards of `kind`.
    pub fn new(info: RuleInfo, kind: SafeguardKind) -> SafeguardRule {
        SafeguardRule {
            info,
            kind,
            state_only: false,
            regime: false,
        }
    }

    /// Restricts the rule to the state's own processing or intrusions (as for prior
    /// authorisation).
    pub fn state_only(mut self, yes: bool) -> SafeguardRule {
        self.state_only = yes;
        self
    }

    /// Marks the safeguard as a rule of a data-protection regime (an impact assessment, a
    /// retention limit), which a bill of rights or a treaty does not address unless one of
    /// its norms carries it: against such a target the verdict is `not-comparable`.
    pub fn regime(mut self, yes: bool) -> SafeguardRule {
        self.regime = yes;
        self
    }
}

impl Reading for SafeguardRule {
    fn provides(&self, c: &Clause<'_>) -> Elements {
        let mut out = Elements::new();
        for s in c.safeguards().iter().filter(|s| s.kind == self.kind) {
            out.insert(Element::safeguard(s.kind));
            out.extend(s.elements.iter().map(|e| Element::Detail {
                kind: s.kind,
                element: *e,
            }));
        }
        out
    }
    fn required(&self, c: &Clause<'_>) -> Elements {
        // A derogation's own conditions bind only what it derogates for: required of the
        // target's state intrusions (prior authorisation), not of all its processing.
        if c.is_derogation() && !self.state_only {
            return Elements::new();
        }
        self.provides(c)
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        // A derogation is a subject only of the state-only rules (it is a state intrusion);
        // for the others it is a regime of the norms it reaches.
        if self.state_only {
            c.is_conduct() && c.is_state_use()
        } else {
            c.is_conduct() && !c.is_derogation()
        }
    }
    fn matter(&self) -> Matter {
        if self.regime {
            Matter::Safeguards(std::slice::from_ref(kind_ref(self.kind)))
        } else {
            Matter::Rights
        }
    }
}

/// A `'static` reference to a safeguard kind, for [`Matter::Safeguards`].
fn kind_ref(kind: SafeguardKind) -> &'static SafeguardKind {
    SafeguardKind::ALL
        .iter()
        .find(|k| **k == kind)
        .expect("every kind is in ALL")
}

impl Rule for SafeguardRule {
    fn info(&self) -> RuleInfo {
        self.info
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        judge(self.info, self, cx)
    }
}
