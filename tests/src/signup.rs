//! Accounts made through the API, the way people make them: sign up, then the emailed link.

use entity::email_outbox;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::TestApp;

/// The password every account made by these helpers has.
pub const PASSWORD: &str = "correct horse battery staple";

pub const SIGN_UP: &str = "mutation($input: SignUpInput!) { signUp(input: $input) { message tenantHost } }";

impl TestApp {
    /// Signs up `email` as the owner of a new organization `slug`; returns the whole answer.
    pub async fn sign_up(&self, email: &str, slug: &str) -> Value {
        let input = json!({ "email": email, "password": PASSWORD, "name": "Ann",
            "tenantName": format!("Org {slug}"), "tenantSlug": slug });
        self.graphql(SIGN_UP, json!({ "input": input })).await.1
    }

    /// Signs up and follows the verification link: the account can log in with [`PASSWORD`].
    pub async fn verified_user(&self, email: &str, slug: &str) {
        let body = self.sign_up(email, slug).await;
        assert!(body["errors"].is_null(), "{body}");
        let token = self.mailed_token(email, "verification").await;
        let (_, body) = self
            .graphql("mutation($t: String!) { verifyEmail(token: $t) { verified } }", json!({ "t": token }))
            .await;
        assert_eq!(body["data"]["verifyEmail"]["verified"], true, "{body}");
    }

    /// The newest email of `kind` to `recipient`, read from the outbox; waits up to 10 s for it
    /// (some mail, like a password reset, is written by a background worker).
    pub async fn last_email(&self, recipient: &str, kind: &str) -> email_outbox::Model {
        let db = self.database.connect().await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let found = email_outbox::Entity::find()
                .filter(email_outbox::Column::Recipient.eq(recipient))
                .filter(email_outbox::Column::Kind.eq(kind))
                .order_by_desc(email_outbox::Column::CreatedAt)
                .one(&db)
                .await
                .unwrap();
            match found {
                Some(mail) => return mail,
                None if std::time::Instant::now() < deadline => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await
                }
                None => panic!("no {kind} mail to {recipient}"),
            }
        }
    }

    /// The token of the newest link of `kind` mailed to `recipient`.
    pub async fn mailed_token(&self, recipient: &str, kind: &str) -> String {
        let mail = self.last_email(recipient, kind).await;
        let start = mail.body_text.find("token=").expect("a link with a token") + "token=".len();
        mail.body_text[start..].split_whitespace().next().unwrap().to_owned()
    }
}
