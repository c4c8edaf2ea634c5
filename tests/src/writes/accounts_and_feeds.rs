//! The writes of one's account: the private feed addresses, and one's own password (last: it
//! ends one's other sign-ins).

use reqwest::Method;
use serde_json::json;

use super::{
    form, rest, Read, Role, Source, Write, ADMINISTRATION, SECRETARIAT, SECRETARIAT_AND_AUSTRIA,
    SIGNED_IN,
};

const CALENDAR_FEED: &str = "BEGIN:VCALENDAR";

pub(super) fn writes() -> Vec<Write> {
    vec![
        Write {
            what: "issue Austria's feed address",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |_| rest(Method::POST, "/api/feed-tokens", json!({ "state": "AT" })),
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("AT"),
            },
            // The previous address stops working.
            shows: |text, _| !text.contains(CALENDAR_FEED),
        },
        Write {
            what: "issue France's feed address",
            allowed: SECRETARIAT,
            request: |_| rest(Method::POST, "/api/feed-tokens", json!({ "state": "FR" })),
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("FR"),
            },
            shows: |text, _| !text.contains(CALENDAR_FEED),
        },
        // The server functions behind the pages' forms.
        Write {
            what: "a new private feed address for Austria",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |_| {
                let fields = [("kind", "state".into()), ("subject", "AT".into())];
                form("account/new-private-feed", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("AT"),
            },
            shows: |text, _| !text.contains(CALENDAR_FEED),
        },
        Write {
            what: "a new private feed address for France",
            allowed: SECRETARIAT,
            request: |_| {
                let fields = [("kind", "state".into()), ("subject", "FR".into())];
                form("account/new-private-feed", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("FR"),
            },
            shows: |text, _| !text.contains(CALENDAR_FEED),
        },
        Write {
            what: "change one's own password",
            allowed: SIGNED_IN,
            request: |i| {
                let new = format!("fresh passphrase number {i}");
                let fields = [
                    ("current", crate::TEST_PASSWORD.into()),
                    ("new", new.clone()),
                    ("confirm", new),
                ];
                form("account/change-password", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, _| text.contains("password changed"),
        },
    ]
}
