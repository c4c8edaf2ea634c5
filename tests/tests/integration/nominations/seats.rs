//! A seat on the panel: the nominee confirmed after an accepted decision sits on the panel and
//! shows on the session page, and a withdrawal gives the seat to the first on the waitlist.

use serde_json::{json, Value};
use tests::scenarios::record;
use tests::{get_json, nominations_of, on_each_backend, page_text, TestServer};

use super::{step, BusinessIntegrity};

/// The panellists of the first business integrity panel.
async fn panellists(server: &TestServer) -> Value {
    let (_, panels) = get_json(server, "/api/panels?session=irg-14").await;
    record(&panels, "id", "business-integrity-1")["panellists"].clone()
}

#[tokio::test]
async fn a_confirmed_nominee_holds_the_panel_seat_until_a_withdrawal_gives_it_to_the_waitlist() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let cast = BusinessIntegrity::submitted(server).await;
        cast.decide_both(server).await;
        cast.release(server).await;

        // Confirmed, the nominee is on the panel and the session page.
        assert_eq!(step(&cast.austria, server, "at-1", "confirm").await.0, 200);
        assert_eq!(panellists(server).await, json!(["nominee-at-1"]));
        let (_, balance) = get_json(server, "/api/panels/business-integrity-1/balance").await;
        assert_eq!(balance["composition"]["total"], 1, "{backend:?}: {balance}");
        assert_eq!(
            balance["composition"]["by_regional_group"]["western_european_others"],
            1
        );
        let page = page_text(server, "/sessions/irg-14").await;
        assert!(page.contains("Panellists: Anna Berger"), "{backend:?}");

        // Austria withdraws: the seat goes to France, first on the waitlist.
        assert_eq!(step(&cast.austria, server, "at-1", "withdraw").await.0, 200);
        let fr = nominations_of(&cast.france, server).await;
        assert_eq!(
            fr[0]["status"], "accepted",
            "{backend:?}: promoted from the waitlist"
        );
        assert_eq!(panellists(server).await, json!([]));
    })
    .await;
}
