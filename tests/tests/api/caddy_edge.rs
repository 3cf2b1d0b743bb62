//! The real edge: Caddy (internal CA, high ports) in front of the real server, trusted through
//! Caddy's own root certificate (no "accept invalid certificates"). A tenant's host gets a
//! certificate on demand only after the server's ask endpoint allows it; a custom domain only
//! once it was verified through the API against a DNS server on loopback; unknown, unverified,
//! suspended and bare-IP names are refused at the TLS handshake, and so is a new name while the
//! ask endpoint is unreachable; internal routes never pass; assets are cached immutable.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use beacon_tests::dns::DnsZone;
use beacon_tests::fixtures::{access_token, insert_domain, insert_tenant, insert_verified_owner};
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

    /// Caddy's internal root, created when it starts (the test trusts only it).
    fn root(&self) -> reqwest::Certificate {
        let path = self._state.path.join("data/caddy/pki/authorities/local/root.crt");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !path.exists() {
            assert!(Instant::now() < deadline, "caddy did not create its root at {}", path.display());
            std::thread::sleep(Duration::from_millis(100));
        }
        reqwest::Certificate::from_pem(&std::fs::read(&path).unwrap()).unwrap()
    }

    fn client(&self, host: &str) -> reqwest::Client {
        reqwest::Client::builder()
            .resolve(host, self.https)
            .tls_certs_only([self.root()])
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
    let dns = DnsZone::serve().await;
    let mut app = TestApp::builder(backend)
        .env("TRUSTED_PROXIES", "127.0.0.1/32")
        .env("CHECK_DNS_SERVERS", dns.addr())
        .spawn()
        .await;
    let db = app.database.connect().await;
    let acme = insert_tenant(&db, "acme", TenantStatus::Active).await;
    let owner = insert_verified_owner(&db, acme, "owner@acme-corp.test").await;
    let frozen = insert_tenant(&db, "frozen", TenantStatus::Suspended).await;
    insert_verified_owner(&db, frozen, "owner@frozen.test").await;
    insert_domain(&db, frozen, "frozen.beacon.test", DomainKind::Subdomain, false).await;
    // Allowed, but never visited before the ask endpoint goes away (the fail-closed check).
    let late = insert_tenant(&db, "late", TenantStatus::Active).await;
    insert_verified_owner(&db, late, "owner@late.test").await;
    insert_domain(&db, late, "late.beacon.test", DomainKind::Subdomain, false).await;
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

    // Unknown hosts, a suspended organization's subdomain and a bare IP fail closed at the TLS
    // handshake.
    for host in ["evil.beacon.test", "nobody.example-attacker.test", "frozen.beacon.test"] {
        assert!(caddy.get(host, "/health").await.is_err(), "{host} must not get a certificate");
    }
    let bare_ip = caddy
        .client("127.0.0.1")
        .get(format!("https://127.0.0.1:{}/health", caddy.https.port()))
        .send()
        .await;
    assert!(bare_ip.is_err(), "a bare IP must not get a certificate: {bare_ip:?}");

    // A deep link of the public page is the SPA's index.html.
    let deep = caddy.get("acme.beacon.test", "/some/deep/link").await.unwrap();
    assert_eq!(deep.status(), 200);
    assert!(deep.text().await.unwrap().contains("<div id=\"root\""), "index.html");

    // A custom domain added through the API: refused while unverified; verified once its TXT
    // record is in DNS; then it serves the public page (the API answers there too).
    let token = access_token(&db, owner, acme, "owner").await;
    let graphql = |query: &'static str, variables: serde_json::Value| {
        let app = &app;
        let token = token.clone();
        async move { app.graphql_as(&token, query, variables).await.1 }
    };
    let body = graphql(
        "mutation { createStatusPage(input: { title: \"Acme status\" }) { id } }",
        serde_json::Value::Null,
    )
    .await;
    let page = body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let add = "mutation($page: ID!) { addCustomDomain(pageId: $page, hostname: \"status.acme-shop.test\") { id dnsRecords { type name value } } }";
    let body = graphql(add, serde_json::json!({ "page": page })).await;
    let domain = &body["data"]["addCustomDomain"];
    let id = domain["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let txt = domain["dnsRecords"].as_array().unwrap().iter().find(|r| r["type"] == "TXT").unwrap().clone();
    assert!(caddy.get("status.acme-shop.test", "/").await.is_err(), "unverified: no certificate");
    dns.set_txt(txt["name"].as_str().unwrap(), txt["value"].as_str().unwrap());
    let verify = "mutation($id: ID!) { verifyCustomDomain(id: $id) { verified } }";
    let body = graphql(verify, serde_json::json!({ "id": id })).await;
    assert_eq!(body["data"]["verifyCustomDomain"]["verified"], true, "{body}");
    let shop = caddy.client("status.acme-shop.test");
    let url = format!("https://status.acme-shop.test:{}/graphql", caddy.https.port());
    let query = serde_json::json!({ "query": "{ publicStatusPage { title } }" });
    let mut answer = serde_json::Value::Null;
    for _ in 0..50 {
        // The allowed set refreshes within seconds after a verification in this process.
        if let Ok(response) = shop.post(&url).json(&query).send().await {
            answer = response.json().await.unwrap();
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(answer["data"]["publicStatusPage"]["title"], "Acme status", "{answer}");
    assert_eq!(caddy.get("status.acme-shop.test", "/app").await.unwrap().status(), 404);

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

    // With the ask endpoint gone, a name never issued before fails closed; issued ones keep
    // their certificates.
    app.process.terminate();
    // Gone for good: a draining process could still answer an ask on a kept-alive connection.
    assert!(app.process.wait_exit(std::time::Duration::from_secs(30)).is_some(), "the app exits on SIGTERM");
    let late = caddy.get("late.beacon.test", "/health").await;
    assert!(late.is_err(), "no answer from the ask endpoint must mean no certificate: {late:?}");
}
