//! Logging out logs out: an access token stops working within seconds of its session ending —
//! by `logOut`, `revokeSession`, a password reset, or refresh-token reuse — not 15 minutes
//! later when it expires. (Sessions are re-checked every 5 s per process.)

use std::time::{Duration, Instant};

use beacon_tests::{Backend, Browser, TestApp, backend_tests};
use serde_json::{Value, json};

backend_tests!(ending_a_session_ends_its_access_tokens);

const ME: &str = "{ me { user { email } } }";

/// Polls `me` with `token` until it is refused; fails after 15 s.
async fn refused_soon(app: &TestApp, token: &str, why: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (status, body) = app.graphql_as(token, ME, Value::Null).await;
        if status == 401 {
            assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "{body}");
            return;
        }
        assert!(Instant::now() < deadline, "{why}: the token still works: {body}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

async fn works(app: &TestApp, token: &str) {
    let (status, body) = app.graphql_as(token, ME, Value::Null).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["data"]["me"]["user"]["email"].is_string(), "{body}");
}

async fn ending_a_session_ends_its_access_tokens(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("ann@acme-corp.io", "acme").await;

    // logOut.
    let mut browser = Browser::new(&app);
    let token = browser.log_in("ann@acme-corp.io").await;
    works(&app, &token).await;
    browser.post(Some(&token), "mutation { logOut }", Value::Null).await;
    refused_soon(&app, &token, "after logOut").await;

    // revokeSession from another browser; the other browser's own token keeps working.
    let mut laptop = Browser::new(&app);
    let laptop_token = laptop.log_in("ann@acme-corp.io").await;
    let mut phone = Browser::new(&app);
    let phone_token = phone.log_in("ann@acme-corp.io").await;
    let (_, sessions) = phone.post(Some(&phone_token), "{ mySessions { id current } }", Value::Null).await;
    let laptop_session = sessions["data"]["mySessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["current"] == false)
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("{sessions}"));
    let (_, body) = phone
        .post(
            Some(&phone_token),
            "mutation($id: ID!) { revokeSession(id: $id) }",
            json!({ "id": laptop_session }),
        )
        .await;
    assert_eq!(body["data"]["revokeSession"], true, "{body}");
    refused_soon(&app, &laptop_token, "after revokeSession").await;
    works(&app, &phone_token).await;

    // Refresh-token reuse by another client revokes the family: its latest access token stops too.
    let old_cookie = phone.cookie.clone();
    let refreshed = phone.refresh().await;
    let new_token = refreshed["data"]["refreshSession"]["accessToken"].as_str().unwrap().to_owned();
    phone.cookie = old_cookie;
    phone.user_agent = "somebody else's browser".to_owned();
    let reuse = phone.refresh().await;
    assert_eq!(reuse["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "{reuse}");
    refused_soon(&app, &new_token, "after refresh-token reuse").await;

    // A password reset ends every session.
    let mut desk = Browser::new(&app);
    let desk_token = desk.log_in("ann@acme-corp.io").await;
    app.graphql("mutation { requestPasswordReset(email: \"ann@acme-corp.io\") }", Value::Null).await;
    let reset = app.mailed_token("ann@acme-corp.io", "password_reset").await;
    let (_, body) = app
        .graphql(
            "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }",
            json!({ "i": { "token": reset, "newPassword": "another long passphrase" } }),
        )
        .await;
    assert_eq!(body["data"]["resetPassword"], true, "{body}");
    refused_soon(&app, &desk_token, "after a password reset").await;
}
