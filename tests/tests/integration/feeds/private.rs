//! Private feeds: an address with a token of at least 128 bits, holding only what concerns its
//! holder (a person's panels, a State's nominees and deadlines), revoked when a new one is
//! issued.

use tests::scenarios::header;

use super::{fetch, fetch_text, issue_token, on_the_demo_with_a_panellist};

#[tokio::test]
async fn a_private_feed_holds_only_what_concerns_its_holder() {
    on_the_demo_with_a_panellist(async |server| {
        let backend = server.backend();
        let person = issue_token(server, &["--person", "anna-berger"]);
        let token = person
            .trim_start_matches("/feeds/private/")
            .trim_end_matches(".ics");
        assert!(
            token.len() >= 32 && token.chars().all(|c| c.is_ascii_hexdigit()),
            "{token}: at least 128 bits"
        );
        let response = fetch(server, &person, &[]).await;
        assert_eq!(response.status(), 200, "{backend:?}");
        assert_eq!(header(&response, "referrer-policy"), "no-referrer");
        assert_eq!(header(&response, "cache-control"), "private, max-age=300");
        let ics = response.text().await.unwrap();
        assert!(ics.contains("NAME:Quorum — Anna Berger\r\n"));
        assert!(
            ics.contains("UID:meeting-joint-2023-06-morning@quorum\r\n"),
            "her panel's meeting"
        );
        assert!(
            !ics.contains("UID:meeting-cosp-10-opening@quorum"),
            "not other meetings"
        );
        assert!(ics.contains("Panellists: Anna Berger (AT)"));

        let state = issue_token(server, &["--state", "AT"]);
        let ics = fetch_text(server, &state).await;
        assert!(
            ics.contains("UID:meeting-joint-2023-06-morning@quorum\r\n"),
            "where its nominee speaks"
        );
        assert!(
            ics.contains("DTSTART;VALUE=DATE:20230515\r\nDTEND;VALUE=DATE:20230516\r\n"),
            "its nomination deadline"
        );
    })
    .await;
}

#[tokio::test]
async fn a_new_private_address_revokes_the_old_one() {
    on_the_demo_with_a_panellist(async |server| {
        let backend = server.backend();
        let person = issue_token(server, &["--person", "anna-berger"]);
        assert_eq!(fetch(server, &person, &[]).await.status(), 200);
        let rotated = issue_token(server, &["--person", "anna-berger"]);
        assert_ne!(rotated, person);
        assert_eq!(
            fetch(server, &person, &[]).await.status(),
            404,
            "{backend:?}: the old address is revoked"
        );
        assert_eq!(fetch(server, &rotated, &[]).await.status(), 200);
    })
    .await;
}
