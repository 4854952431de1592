//! The backends: each writes the neutral model ([`Sheet`](super::Sheet)s of
//! [`Cell`](super::Cell)s with their [`Tone`](super::Tone)s, or a [`Render`](super::Render)
//! result) in one format, and knows nothing of the results behind it.

pub(super) mod csv;
pub(super) mod html;
pub(super) mod json;
pub(super) mod markdown;
pub(super) mod table;
