//! Who may change what, on both backends: an authorization matrix over every state-changing
//! route and server function (the table of writes in `tests::writes`), each tried by every role.

use serde_json::Value;
use tests::writes::{self, Cast, Role, ROLES};
use tests::{get_json, on_each_backend};

/// Tries whose role may make the write but whose answer is about the data, not a refusal.
const ANSWERED_ON_THE_DATA: &[(&str, Role, &str)] = &[
    (
        "import",
        Role::Secretariat,
        "the dataset is imported already: 422",
    ),
    (
        "confirm a participation",
        Role::FocalPointAt,
        "Austria's try was never accepted, as only the Bureau and the secretariat decide: 422",
    ),
];

#[tokio::test]
async fn exactly_the_allowed_roles_may_change_each_thing() {
    on_each_backend(&["--no-demo"], async |server| {
        let backend = server.backend();
        let importer = server.secretariat().await;
        let (status, answer) = (writes::import().request)(0).send(&importer, server).await;
        assert_eq!(status, 201, "{backend:?}: {answer}");
        let cast = Cast::sign_in(server).await;
        writes::prepare(server, &cast).await;

        // Every try that went otherwise than the table says, named, rather than the first.
        let mut wrong = vec![];
        for write in writes::every_write() {
            for role in ROLES {
                let request = (write.request)(role.index());
                let (status, answer) = request.send(cast.client(role), server).await;
                let what = write.what;
                let role_name = role.label();
                let allowed = write.allowed.contains(&role);
                // A record the role may not read does not exist for it: 404 is a refusal too.
                let refused = matches!(status, 401 | 403 | 404);
                if refused == allowed {
                    wrong.push(format!("{role_name} → {what}: {status} {answer}"));
                }
                if role == Role::Anonymous && status != 401 {
                    wrong.push(format!("{role_name} → {what}: {status}, not 401"));
                }
                let on_the_data = ANSWERED_ON_THE_DATA
                    .iter()
                    .any(|(w, r, _)| *w == what && *r == role);
                if allowed && !on_the_data && !writes::succeeded(status, &answer) {
                    wrong.push(format!(
                        "{role_name} may {what}, and did not: {status} {answer}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{backend:?}:\n{}", wrong.join("\n"));
        // The import by the secretariat was allowed, and refused only because data exists.
        let (status, _) = (writes::import().request)(Role::Secretariat.index())
            .send(&cast.secretariat, server)
            .await;
        assert_eq!(status, 422);

        let (status, log) = get_json(server, "/api/audit").await;
        assert_eq!(status, 401, "the audit log is not public");
        let response = cast
            .secretariat
            .get(server.url("/api/audit"))
            .send()
            .await
            .unwrap();
        let log: Value = response.json().await.unwrap_or(log);
        let change = log
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["record"] == "meeting cosp-10-opening")
            .unwrap();
        assert_eq!(change["actor"], "test.secretariat@quorum.example");
        assert_eq!(
            change["before"]["title"],
            "Opening plenary of the tenth session of the Conference"
        );
        assert_eq!(change["after"]["title"], "Opening, version 1");
        let forbidden = cast
            .bureau
            .get(server.url("/api/audit"))
            .send()
            .await
            .unwrap();
        assert_eq!(forbidden.status(), 403);
    })
    .await;
}
