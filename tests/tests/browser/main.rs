//! Browser tests: Quorum in Debian's headless chromium, with JavaScript on and off — pages that
//! read without it and hydrate with it, the users' journeys, markup typed in that stays text,
//! and the accessibility audit. One test binary, one module per area.

mod accessibility;
mod admin_forms;
mod confirmations;
mod forms_without_javascript;
mod hydration;
mod injection;
mod journeys;
mod nomination_forms;
mod phone;
mod workplan_and_account_forms;
