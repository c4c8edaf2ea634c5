//! Quorum's domain: the bodies of the Conference and the rules they follow.
//!
//! Pure code only — no leptos, sea-orm, axum or tokio — so it compiles to WASM for instant hints.

/// The Conference and its subsidiary bodies.
pub mod body;
/// The whole dataset as one document: what import and export carry, and its validation.
pub mod dataset;

pub use body::{Body, BodyCode};
pub use dataset::Dataset;
