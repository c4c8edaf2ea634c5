//! Accounts and sign-ins, on both backends: CSRF, sign-in expiry, login throttling (atomic, by
//! address and client), the demo accounts, passwords and the audit log. Who may change what is
//! in `authorization`.

mod audit_log;
mod passwords;
mod sign_ins;
mod throttle;

use serde_json::Value;
use tests::{form_post, TestServer};

/// A password that passes every rule, for the changes and resets of these tests.
const NEW_PASSWORD: &str = "a brand new passphrase";

/// Posts the account page's form that changes the client's own password.
async fn change_password(
    client: &reqwest::Client,
    server: &TestServer,
    current: &str,
    new: &str,
    confirm: &str,
) -> (u16, Value) {
    let form = [("current", current), ("new", new), ("confirm", confirm)];
    form_post(client, server, "account/change-password", &form).await
}
