//! The nomination workflow through HTTP on both backends: calls, drafts and submissions by focal
//! points for their own State or organisation only, refusals (over quota, late), review and
//! decisions released together, the outbox, confirmation onto the panel, a withdrawal that
//! gives the seat to the waitlist, and the Bureau's balance targets. One file per stage.

mod balance;
mod calls;
mod decisions;
mod seats;

use reqwest::Client;
use serde_json::{json, Value};
use tests::scenarios::get_as;
use tests::{post_as, TestServer};

/// A draft nomination to `call` of a woman named `name`.
fn draft(id: &str, call: &str, name: &str) -> Value {
    json!({
        "id": id, "call": call, "nominee_name": name, "nominee_gender": "female",
        "justification": "Leads corporate compliance reform", "biography": "Twenty years in financial regulation."
    })
}

/// A call for nominations to a panel, opened on 1 November 2026.
fn call_to_panel(id: &str, deadline: &str, panel: &str) -> Value {
    json!({ "id": id, "note_verbale_date": "2026-11-01", "deadline": deadline, "panel": panel })
}

/// Opens a call; answers the status.
async fn open_call(client: &Client, server: &TestServer, call: Value) -> u16 {
    post_as(client, server, "/api/calls", call).await.0
}

/// Drafts a nomination (`POST /api/nominations`); answers the status.
async fn nominate(client: &Client, server: &TestServer, nomination: Value) -> u16 {
    post_as(client, server, "/api/nominations", nomination)
        .await
        .0
}

/// Takes a step on a nomination that needs no fields (submit, review, confirm, withdraw).
async fn step(client: &Client, server: &TestServer, id: &str, step: &str) -> (u16, Value) {
    post_as(
        client,
        server,
        &format!("/api/nominations/{id}/{step}"),
        json!({}),
    )
    .await
}

/// Decides on a nomination (`{"decision": …}` with an optional note and message).
async fn decide(client: &Client, server: &TestServer, id: &str, decision: Value) -> (u16, Value) {
    post_as(
        client,
        server,
        &format!("/api/nominations/{id}/decide"),
        decision,
    )
    .await
}

/// The balance of a call's selection, as `client` may read it.
async fn balance_of(client: &Client, server: &TestServer, call: &str) -> (u16, Value) {
    get_as(client, server, &format!("/api/calls/{call}/balance")).await
}

/// The call on business integrity and the people around it: the IRG's Bureau opens it,
/// Austria and France nominate, another body's Bureau and the secretariat look on.
struct BusinessIntegrity {
    secretariat: Client,
    bureau: Client,
    other_bureau: Client,
    austria: Client,
    france: Client,
}

const BUSINESS_INTEGRITY: &str = "call-business-integrity";

impl BusinessIntegrity {
    async fn cast(server: &TestServer) -> BusinessIntegrity {
        BusinessIntegrity {
            secretariat: server.secretariat().await,
            bureau: server
                .bureau_member("bureau.irg.test@quorum.example", "IRG")
                .await,
            other_bureau: server
                .bureau_member("bureau.ar.test@quorum.example", "WG-AR")
                .await,
            austria: server
                .focal_point("focal.at.test@quorum.example", "AT")
                .await,
            france: server
                .focal_point("focal.fr.test@quorum.example", "FR")
                .await,
        }
    }

    /// The call, one nomination per State, closing in 2099.
    fn call() -> Value {
        let mut call = call_to_panel(BUSINESS_INTEGRITY, "2099-01-31", "business-integrity-1");
        call["quota_per_state"] = 1.into();
        call
    }

    /// The cast with the call open.
    async fn opened(server: &TestServer) -> BusinessIntegrity {
        let cast = Self::cast(server).await;
        assert_eq!(open_call(&cast.bureau, server, Self::call()).await, 201);
        cast
    }

    /// The call open, with Austria's draft at-1 (Anna Berger) and France's fr-1 (Claire Martin).
    async fn drafted(server: &TestServer) -> BusinessIntegrity {
        let cast = Self::opened(server).await;
        let austria = draft("at-1", BUSINESS_INTEGRITY, "Anna Berger");
        assert_eq!(nominate(&cast.austria, server, austria).await, 201);
        let france = draft("fr-1", BUSINESS_INTEGRITY, "Claire Martin");
        assert_eq!(nominate(&cast.france, server, france).await, 201);
        cast
    }

    /// Both drafts submitted.
    async fn submitted(server: &TestServer) -> BusinessIntegrity {
        let cast = Self::drafted(server).await;
        assert_eq!(step(&cast.austria, server, "at-1", "submit").await.0, 200);
        assert_eq!(step(&cast.france, server, "fr-1", "submit").await.0, 200);
        cast
    }

    /// The Bureau accepts Austria's nominee (with an internal note and a message to the State)
    /// and waitlists France's; nothing is released yet.
    async fn decide_both(&self, server: &TestServer) {
        let accepted = json!({
            "decision": "accepted", "note": "Internal: strong profile", "message_to_state": "Strong profile"
        });
        let (status, body) = decide(&self.bureau, server, "at-1", accepted).await;
        assert_eq!(status, 200, "{body}");
        let waitlisted = json!({ "decision": "waitlisted" });
        let (status, body) = decide(&self.bureau, server, "fr-1", waitlisted).await;
        assert_eq!(status, 200, "{body}");
    }

    /// Releases the decisions on the call; answers what was released.
    async fn release(&self, server: &TestServer) -> Value {
        let path = format!("/api/calls/{BUSINESS_INTEGRITY}/release");
        let (status, body) = post_as(&self.bureau, server, &path, json!({})).await;
        assert_eq!(status, 200, "{body}");
        body
    }
}
