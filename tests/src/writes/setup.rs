//! The start of both tests: the import into an empty database, then what the writes after it
//! need.

use super::*;

/// The import, which needs an empty database: the writes after it work on what it imports.
pub fn import() -> Write {
    Write {
        what: "import",
        allowed: SECRETARIAT,
        request: |_| rest(Method::POST, "/api/import", dataset()),
        read: Read {
            by: Role::Anonymous,
            source: Source::Get("/feeds/all.ics"),
        },
        shows: |text, _| text.contains("Opening plenary of the tenth session of the Conference"),
    }
}

/// What the writes after the import need: a warning to accept, calls to nominate to, Austria's
/// nominations at each step, a call that closes within days, and France's focal point.
pub async fn prepare(server: &TestServer, cast: &Cast) {
    let secretariat = &cast.secretariat;
    let evening = json!({
        "id": "irg-15-evening", "title": "Evening briefing", "kind": "informal_consultation",
        "sessions": ["irg-15"], "venue": "vienna-vic",
        "start": "2024-06-11T17:00:00Z", "end": "2024-06-11T18:00:00Z"
    });
    let made = |(status, answer): (u16, Value), what: &str| {
        assert!(succeeded(status, &answer), "{what}: {status} {answer}");
    };
    made(
        rest(Method::POST, "/api/meetings", evening)
            .send(secretariat, server)
            .await,
        "the evening briefing",
    );
    let (_, conflicts) = crate::get_json(server, "/api/conflicts").await;
    assert!(
        conflicts
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == WARNING),
        "the evening briefing raises {WARNING}: {conflicts}"
    );
    let today = chrono::Utc::now().date_naive();
    let calls = [
        ("matrix-call", "money-laundering-1", "2099-01-31".to_owned()),
        (
            "matrix-call-2",
            "money-laundering-2",
            "2099-01-31".to_owned(),
        ),
        (
            "matrix-call-3",
            "business-integrity-2",
            "2099-01-31".to_owned(),
        ),
        // Within the days of the deadline reminders.
        (
            "closing-call",
            "business-integrity-1",
            (today + chrono::Days::new(3)).to_string(),
        ),
    ];
    for (id, panel, deadline) in calls {
        let call = json!({ "id": id, "note_verbale_date": today.to_string(), "deadline": deadline, "panel": panel });
        made(
            rest(Method::POST, "/api/calls", call)
                .send(secretariat, server)
                .await,
            id,
        );
    }
    server.focal_point("someone@quorum.example", "FR").await;
    // Austria's nominations, one per try and step: drafts to edit or submit, submitted ones
    // to review or decide on.
    let draft = async |id: &str, call: &str| {
        let body = json!({ "id": id, "call": call, "nominee_name": "N. N.", "nominee_gender": "female", "justification": "Expert" });
        made(
            rest(Method::POST, "/api/nominations", body)
                .send(&cast.focal, server)
                .await,
            id,
        );
    };
    let act = async |client: &Client, id: &str, action: &str, body: Value| {
        let path = format!("/api/nominations/{id}/{action}");
        made(
            rest(Method::POST, &path, body).send(client, server).await,
            &path,
        );
    };
    for (step, submitted) in [
        ("at-edit", false),
        ("at-submit", false),
        ("at-review", true),
        ("at-fn-edit", false),
        ("at-fn-decide", true),
    ] {
        for i in 0..ROLES.len() {
            let id = format!("{step}-{i}");
            draft(&id, "matrix-call-2").await;
            if submitted {
                act(&cast.focal, &id, "submit", json!({})).await;
            }
        }
    }
    // Decisions that wait for their call's release.
    for (id, call) in [
        ("at-decided", "matrix-call"),
        ("at-fn-decided", "matrix-call-3"),
    ] {
        draft(id, call).await;
        act(&cast.focal, id, "submit", json!({})).await;
        act(secretariat, id, "decide", json!({ "decision": "accepted" })).await;
    }
}
