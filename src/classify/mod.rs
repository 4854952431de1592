//! Which protections a target lacks against a baseline.
