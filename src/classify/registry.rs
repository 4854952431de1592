//! The [`Rule`] trait and the [`Registry`] of rules a comparison runs.

use std::fmt;
use std::sync::OnceLock;

use super::{Context, Gap, GapCode, GapKind, RuleInfo};

/// A gap rule. Implement it to add your own; see [`Registry::add`] and, to reuse the engine
/// the built-in rules run on, [`crate::classify::engine`].
///
/// ```
/// use lexgap::classify::{Comparison, GapCode, Registry, RuleInfo, SafeguardRule, Severity};
/// use lexgap::model::SafeguardKind;
///
/// // A rule built from a safeguard kind: the baseline's security measures, missing in the target.
/// let rule = SafeguardRule::new(
///     RuleInfo {
///         code: "no-security-measures",
///         title: "no security measures",
///         definition: "requires no technical or organisational security measures",
///         protection: "security measures",
///         severity: Severity::Medium,
///     },
///     SafeguardKind::Security,
/// );
/// let mut registry = Registry::default();
/// registry.add(Box::new(rule));
/// let corpus = lexgap::Corpus::bundled();
/// let report = Comparison::new(&corpus.select(["cn/pipl-draft-2020/art-27"])?, &corpus.select(["cn/pipl/art-28"])?)
///     .run_with(&registry);
/// assert!(report.gap(GapCode::custom("no-security-measures")).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Rule: fmt::Debug + Send + Sync {
    /// What the rule is.
    fn info(&self) -> RuleInfo;
    /// The gap this rule finds in the comparison, if any.
    fn check(&self, cx: &Context<'_>) -> Option<Gap>;
}

/// The rules a comparison runs.
///
/// ```
/// use lexgap::classify::{GapKind, Registry};
///
/// let mut registry = Registry::default();
/// assert_eq!(registry.rules().count(), 13);
/// assert!(registry.remove(GapKind::NoTransparency).is_some());
/// assert!(registry.rules().all(|r| r.info().code != "no-transparency"));
/// ```
#[derive(Debug)]
pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
}

impl Registry {
    /// A registry with no rules.
    pub fn empty() -> Registry {
        Registry { rules: Vec::new() }
    }

    /// The shared default registry.
    pub(crate) fn default_ref() -> &'static Registry {
        static DEFAULT: OnceLock<Registry> = OnceLock::new();
        DEFAULT.get_or_init(Registry::default)
    }

    /// Adds a rule, replacing any rule with the same code; rules run in code order.
    pub fn add(&mut self, rule: Box<dyn Rule>) -> &mut Registry {
        let code = rule.info().code;
        self.rules.retain(|r| r.info().code != code);
        self.rules.push(rule);
        self.rules.sort_by_key(|r| r.info().code);
        self
    }

    /// Removes the rule with this code and returns it.
    pub fn remove(&mut self, code: impl Into<GapCode>) -> Option<Box<dyn Rule>> {
        let code = code.into();
        let i = self
            .rules
            .iter()
            .position(|r| r.info().code == code.as_str())?;
        Some(self.rules.remove(i))
    }

    /// The rules, in code order.
    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    /// What each rule is, in code order.
    pub fn catalogue(&self) -> Vec<RuleInfo> {
        self.rules.iter().map(|r| r.info()).collect()
    }
}

impl Default for Registry {
    /// The thirteen built-in rules.
    fn default() -> Registry {
        let mut r = Registry::empty();
        for kind in GapKind::ALL {
            r.add(super::rules::builtin(*kind));
        }
        r
    }
}

/// The built-in codes, titles, definitions and severities, in code order.
///
/// ```
/// let codes: Vec<&str> = lexgap::classify::catalogue().iter().map(|i| i.code).collect();
/// assert!(codes.contains(&"no-government-use-limit"));
/// assert_eq!(codes.len(), 13);
/// ```
pub fn catalogue() -> Vec<RuleInfo> {
    Registry::default_ref().catalogue()
}
