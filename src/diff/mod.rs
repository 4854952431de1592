//! How two provisions differ: text (word- or character-level) and structure (norms).
