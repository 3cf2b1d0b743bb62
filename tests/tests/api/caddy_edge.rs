//! The real edge: Caddy (internal CA, high ports) in front of the real server. A tenant's host
//! gets a certificate on demand only after the server's ask endpoint allows it; unknown hosts
//! are refused at the TLS handshake; internal routes never pass; assets are cached immutable.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use beacon_tests::fixtures::{insert_domain, insert_tenant, insert_verified_owner};
use beacon_tests::{Backend, TempDir, TestApp, backend_tests, repo_root};
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;

backend_tests!(caddy_issues_certificates_only_for_served_hosts);

struct Caddy {
    child: Child,
    https: SocketAddr,
    _state: TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Caddy {
    fn start(app: &TestApp) -> Caddy {
        let state = TempDir::new("caddy-edge");
        let (http_port, https_port) = (free_port(), free_port());
        let child = Command::new("caddy")
            .args(["run", "--config"])
            .arg(repo_root().join("Caddyfile"))
            .args(["--adapter", "caddyfile"])
            .current_dir(&state.path)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", &state.path)
            .env("XDG_DATA_HOME", state.path.join("data"))
            .env("XDG_CONFIG_HOME", state.path.join("config"))
            .env("CADDY_ADMIN", "off")
            .env("CADDY_ISSUER", "internal")
            .env("CADDY_HTTP_PORT", http_port.to_string())
            .env("CADDY_HTTPS_PORT", https_port.to_string())
            .env("BASE_DOMAIN", "beacon.test")
            .env("BEACON_UPSTREAM", app.public.to_string())
            .env("BEACON_ASK_URL", app.internal_url("/internal/tls/ask"))
            .env("BEACON_SPA_DIR", repo_root().join("frontend/dist"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("caddy must be installed for the edge test (apt-get install caddy)");
        let https: SocketAddr = format!("127.0.0.1:{https_port}").parse().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(https).is_err() {
            assert!(Instant::now() < deadline, "caddy did not start listening on {https}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Caddy { child, https, _state: state }
    }

    fn client(&self, host: &str) -> reqwest::Client {
        reqwest::Client::builder()
            .resolve(host, self.https)
            .danger_accept_invalid_certs(true) // Caddy's internal CA in tests
            // A client address other than Caddy's own, to see it arrive through X-Forwarded-For.
            .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
            .timeout(Duration::from_secs(15))
            .build()
            .unwrap()
    }

    async fn get(&self, host: &str, path: &str) -> reqwest::Result<reqwest::Response> {
        self.client(host).get(format!("https://{host}:{}{path}", self.https.port())).send().await
    }
}

impl Drop for Caddy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn caddy_issues_certificates_only_for_served_hosts(backend: Backend) {
    let app = TestApp::builder(backend).env("TRUSTED_PROXIES", "127.0.0.1/32").spawn().await;
    let db = app.database.connect().await;
    let acme = insert_tenant(&db, "acme", TenantStatus::Active).await;
    insert_verified_owner(&db, acme, "owner@acme-corp.test").await;
    insert_domain(&db, acme, "acme.beacon.test", DomainKind::Subdomain, false).await;
    insert_domain(&db, acme, "status.acme-corp.test", DomainKind::Custom, true).await;
    let caddy = Caddy::start(&app);

    // Served hosts: a certificate is issued on demand and requests reach the app.
    for host in ["acme.beacon.test", "status.acme-corp.test"] {
        let response = caddy.get(host, "/health").await.unwrap_or_else(|err| panic!("{host}: {err:?}"));
        assert_eq!(response.status(), 200, "{host}");
        assert!(response.headers().get("x-request-id").is_some(), "the app answered for {host}");
        assert!(response.headers().get("server").is_none());
    }
    let (_, body) = {
        let response = caddy
            .client("acme.beacon.test")
            .post(format!("https://acme.beacon.test:{}/graphql", caddy.https.port()))
            .json(&serde_json::json!({ "query": "{ serverInfo { version } }" }))
            .send()
            .await
            .unwrap();
        (response.status(), response.json::<serde_json::Value>().await.unwrap())
    };
    assert!(body["data"]["serverInfo"]["version"].is_string(), "{body}");

    // A custom domain serves the public page, never the dashboard or GraphiQL; the tenant's own
    // subdomain serves both.
    for path in ["/app", "/app/monitors", "/graphiql", "/graphql/ws"] {
        let response = caddy.get("status.acme-corp.test", path).await.unwrap();
        assert_eq!(response.status(), 404, "{path} on a custom domain");
    }
    for (host, path) in
        [("status.acme-corp.test", "/"), ("acme.beacon.test", "/app"), ("acme.beacon.test", "/graphiql")]
    {
        let response = caddy.get(host, path).await.unwrap();
        assert_eq!(response.status(), 200, "{host}{path}");
    }

    // Unknown hosts fail closed at the TLS handshake.
    for host in ["evil.beacon.test", "nobody.example-attacker.test"] {
        assert!(caddy.get(host, "/health").await.is_err(), "{host} must not get a certificate");
    }

    // Internal routes never pass the edge; hashed assets are cached immutable.
    for path in ["/metrics", "/internal/tls/ask?domain=acme.beacon.test"] {
        assert_eq!(caddy.get("acme.beacon.test", path).await.unwrap().status(), 404, "{path}");
    }
    let asset = std::fs::read_dir(repo_root().join("frontend/dist/assets"))
        .expect("build the SPA first")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(".js"))
        .unwrap();
    let response = caddy.get("acme.beacon.test", &format!("/assets/{asset}")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");

    // The app saw the real client (127.0.0.2), not Caddy (127.0.0.1), because Caddy is trusted.
    let client_ips: Vec<_> = app
        .log_lines()
        .into_iter()
        .filter(|line| line["message"] == "request finished" && line["route"] == "/health")
        .map(|line| line["client_ip"].clone())
        .collect();
    assert!(!client_ips.is_empty() && client_ips.iter().all(|ip| ip == "127.0.0.2"), "{client_ips:?}");
}
