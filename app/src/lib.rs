//! Quorum: the meeting planner of the Conference of the States Parties to the United Nations
//! Convention against Corruption and its subsidiary bodies.
//!
//! The crate is shared by the server (feature `ssr`) and the browser (feature `hydrate`); a build
//! never enables both. Dependencies point inwards: `ui` → `api` → `ssr` → `wire` → `domain` → `error`
//! (checked by `tests/layers.rs`; docs/architecture.md explains each layer).
#![recursion_limit = "256"]

/// Wire types and server functions, one file per resource.
pub mod api;
/// Pure domain types and rules: no web, database or async imports, so they also run in the browser.
pub mod domain;
/// The one error enum of Quorum, and how each variant maps to an HTTP status.
pub mod error;
/// Server-only code: database entities, queries and services (feature `ssr`).
#[cfg(feature = "ssr")]
pub mod ssr;
/// Pages, components and the HTML shell.
pub mod ui;
/// The types that cross between server and browser: page data, form outcomes, field errors,
/// choices and feed links, one file per area. They use only `domain` and `error`.
pub mod wire;

pub use ui::{shell, App};

/// The browser entry point. Quorum renders every page on the server and hydrates only its
/// islands — the interactive parts (planner, nomination forms, filters) — so public pages cost
/// the browser almost nothing and read fully without JavaScript.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
