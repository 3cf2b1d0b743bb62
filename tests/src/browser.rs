//! `Browser`: a client that keeps the refresh-token cookie between requests, as the SPA's
//! browser does, and checks every cookie it is given is `Secure; HttpOnly; SameSite=Strict`.

use serde_json::{Value, json};

use crate::TestApp;

pub struct Browser<'a> {
    app: &'a TestApp,
    /// The refresh cookie (`name=value`) the server last set; cleared when it expires it.
    pub cookie: Option<String>,
    /// A tenant host to send as `Host`, or none for the apex.
    pub host: Option<String>,
    /// Its `User-Agent`: a refresh-token repeat within the grace window is accepted only from the
    /// same client.
    pub user_agent: String,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self { app, cookie: None, host: None, user_agent: "Beacon test browser".to_owned() }
    }

    /// A browser on a tenant's host (`acme.localhost`).
    pub fn on_host(app: &'a TestApp, host: &str) -> Self {
        Self { app, cookie: None, host: Some(host.to_owned()), user_agent: "Beacon test browser".to_owned() }
    }

    /// POSTs one GraphQL operation like a browser: with its cookie, optionally a bearer token.
    pub async fn post(&mut self, token: Option<&str>, query: &str, variables: Value) -> (u16, Value) {
        let mut request = self
            .app
            .client
            .post(self.app.url("/graphql"))
            .header("user-agent", &self.user_agent)
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(host) = &self.host {
            request = request.header("host", host);
        }
        let response = request.send().await.expect("POST /graphql");
        for set_cookie in response.headers().get_all("set-cookie") {
            let value = set_cookie.to_str().unwrap();
            assert!(
                value.contains("HttpOnly") && value.contains("Secure") && value.contains("SameSite=Strict"),
                "{value}"
            );
            let pair = value.split(';').next().unwrap().to_owned();
            self.cookie = if pair.ends_with('=') { None } else { Some(pair) };
        }
        (response.status().as_u16(), response.json().await.expect("a JSON body"))
    }

    /// Logs in with `email` and [`crate::PASSWORD`]; returns the access token.
    pub async fn log_in(&mut self, email: &str) -> String {
        let (_, body) = self
            .post(
                None,
                "mutation($i: LogInInput!) { logIn(input: $i) { ... on SessionPayload { accessToken } } }",
                json!({ "i": { "email": email, "password": crate::PASSWORD } }),
            )
            .await;
        body["data"]["logIn"]["accessToken"].as_str().unwrap_or_else(|| panic!("log in: {body}")).to_owned()
    }

    /// Exchanges the cookie for a new access token; the answer tells whether the session lives.
    pub async fn refresh(&mut self) -> Value {
        self.post(None, "mutation { refreshSession { accessToken } }", Value::Null).await.1
    }
}
