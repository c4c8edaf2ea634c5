//! The administration page: the secretariat's alone; accounts added with a long enough
//! password, changed and removed (ending their sign-in); and the conflict rules.

use tests::scenarios::{assert_done, assert_refused};
use tests::{form_post, on_each_backend};

#[tokio::test]
async fn the_administration_page_is_the_secretariats_alone() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.admin@quorum.example", "IRG")
            .await;
        let (status, _) = form_post(&bureau, server, "admin/page", &[]).await;
        assert_eq!(status, 403, "{backend:?}");
        let (status, page) = form_post(&secretariat, server, "admin/page", &[]).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["venues"].as_array().unwrap().len(), 4);
    })
    .await;
}

#[tokio::test]
async fn an_account_added_by_the_secretariat_signs_in_with_a_long_enough_password() {
    on_each_backend(&[], async |server| {
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.admin@quorum.example", "IRG")
            .await;
        let mut user = [
            ("email", "new.bureau@quorum.example"),
            ("name", "New Bureau member"),
            ("role", "bureau"),
            ("scope", "WG-AR"),
            ("password", "short"),
        ];
        assert_refused(&secretariat, server, "admin/add-user", &user, &["password"]).await;
        user[4] = ("password", "a-long-enough-password");
        let (status, _) = form_post(&bureau, server, "admin/add-user", &user).await;
        assert_eq!(status, 403);
        assert_eq!(
            assert_done(&secretariat, server, "admin/add-user", &user).await,
            "Account new.bureau@quorum.example created."
        );
        assert!(tests::login(
            server,
            "new.bureau@quorum.example",
            "a-long-enough-password"
        )
        .await
        .is_ok());
    })
    .await;
}

#[tokio::test]
async fn an_account_is_changed_then_removed_which_ends_its_sign_in() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let person = [
            ("email", "changing@quorum.example"),
            ("name", "Changing Person"),
            ("role", "bureau"),
            ("scope", "IRG"),
            ("password", "a-long-enough-password"),
        ];
        assert_done(&secretariat, server, "admin/add-user", &person).await;
        let signed_in = tests::login(server, "changing@quorum.example", "a-long-enough-password")
            .await
            .expect("the new account signs in");
        let change = async |form: &[(&str, &str)]| {
            assert_done(&secretariat, server, "admin/change-user", form).await
        };
        let refuse = async |form: &[(&str, &str)], field: &str| {
            assert_refused(&secretariat, server, "admin/change-user", form, &[field]).await;
        };
        let email = ("email", "changing@quorum.example");
        refuse(&[email, ("role", "bureau"), ("scope", "NOPE")], "scope").await;
        assert_eq!(
            change(&[email, ("role", "focal_point"), ("scope", "at")]).await,
            "Account changing@quorum.example is now focal point."
        );
        // Nobody removes their own account.
        let own = ("email", "test.secretariat@quorum.example");
        refuse(&[own, ("remove", "true")], "email").await;
        assert_eq!(
            change(&[email, ("remove", "true")]).await,
            "Account changing@quorum.example removed."
        );
        let (status, _) = form_post(&signed_in, server, "plan/choices", &[]).await;
        let (_, choices) = form_post(&signed_in, server, "plan/choices", &[]).await;
        assert!(
            status == 401 || choices["planner"].is_null(),
            "{backend:?}: the removed account's sign-in ended: {status} {choices}"
        );
        assert!(
            tests::login(server, "changing@quorum.example", "a-long-enough-password")
                .await
                .is_err()
        );
    })
    .await;
}

#[tokio::test]
async fn conflict_rules_are_saved_unless_they_name_unknown_bodies_or_are_not_json() {
    on_each_backend(&[], async |server| {
        let secretariat = server.secretariat().await;
        let rules = "admin/rules";
        assert_refused(
            &secretariat,
            server,
            rules,
            &[("rules", r#"{"parallel_groups": [["IRG", "NOPE"]]}"#)],
            &["parallel_groups"],
        )
        .await;
        assert_eq!(
            assert_done(
                &secretariat,
                server,
                rules,
                &[("rules", r#"{"min_travel_minutes": 240}"#)],
            )
            .await,
            "Conflict rules saved."
        );
        assert_refused(
            &secretariat,
            server,
            rules,
            &[("rules", "{not json")],
            &["rules"],
        )
        .await;
    })
    .await;
}
