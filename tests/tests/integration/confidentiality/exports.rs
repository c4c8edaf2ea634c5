//! The exports: the whole dataset is the secretariat's alone, and the public export holds the
//! calendar and nothing confidential.

use tests::{export_all, get_json, http, status_as};

use super::{with_nominations, SECRETS};

#[tokio::test]
async fn only_the_secretariat_exports_everything() {
    with_nominations(async |server, cast| {
        let backend = server.backend();
        assert_eq!(
            get_json(server, "/api/export").await.0,
            401,
            "{backend:?}: anonymous"
        );
        for (who, client) in [("focal point", &cast.france), ("bureau", &cast.bureau)] {
            let status = status_as(client, server, "/api/export").await;
            assert_eq!(status, 403, "{backend:?}: {who}");
        }
        let (status, all) = export_all(server).await;
        assert_eq!(status, 200);
        assert_eq!(
            all["nominations"].as_array().unwrap().len(),
            2,
            "{backend:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_public_export_holds_nothing_confidential() {
    with_nominations(async |server, _| {
        let backend = server.backend();
        let response = http()
            .get(server.url("/api/export/public"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let text = response.text().await.unwrap();
        for secret in SECRETS.into_iter().chain(["\"nominations\":[{"]) {
            assert!(
                !text.contains(secret),
                "{backend:?}: the public export shows {secret:?}"
            );
        }
        let public: serde_json::Value = serde_json::from_str(&text).unwrap();
        let (_, all) = export_all(server).await;
        assert_eq!(
            public["meetings"], all["meetings"],
            "the calendar is all there"
        );
    })
    .await;
}
