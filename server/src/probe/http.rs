//! HTTP(S) checks, driven connection by connection: resolve → vet → connect to the vetted
//! address → TLS → one HTTP/1.1 exchange (hyper's low-level client) → assertions. Driving it by
//! hand is what makes the phases real and guarantees the socket goes to the vetted address;
//! redirects are followed here too, each hop resolved and vetted again.

use std::time::Instant;

use bytes::Bytes;
use chrono::Utc;
use http::header::{ACCEPT, HOST, HeaderName, HeaderValue, LOCATION, USER_AGENT};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use url::{Position, Url};

use super::{
    CheckStatus, Comparison, HttpMethod, HttpSpec, Inner, JsonAssertion, Trace, Verdict, add_ms, tcp,
};

/// Hops after the first request; one more redirect is a failure.
const MAX_REDIRECTS: usize = 10;
/// Enough for any health page; a keyword or JSON assertion sees only this much of the body.
const BODY_CAP: usize = 1024 * 1024;

pub(super) async fn check(inner: &Inner, spec: &HttpSpec, trace: &mut Trace) -> Verdict {
    let mut request = Hop { url: spec.url.clone(), method: spec.method, body: spec.body.clone() };
    let mut certificate_warning = None;
    for _ in 0..=MAX_REDIRECTS {
        // Custom headers (often credentials) go only to the origin the user configured.
        let with_headers = request.url.origin() == spec.url.origin();
        let Exchange { response, _driver } =
            match fetch(inner, spec, &request, with_headers, trace, &mut certificate_warning).await {
                Ok(exchange) => exchange,
                Err(error) => return Verdict::down(error),
            };
        let status = response.status().as_u16();
        trace.status_code = Some(status);
        if spec.follow_redirects
            && let Some(location) = redirect_location(&response)
        {
            request = match request.follow(status, &location) {
                Ok(next) => next,
                Err(error) => return Verdict::down(error),
            };
            continue;
        }
        let verdict = judge(spec, status, response).await;
        return match (verdict.status, certificate_warning) {
            (CheckStatus::Up, Some(warning)) => Verdict::degraded(warning),
            _ => verdict,
        };
    }
    Verdict::down(format!("too many redirects (more than {MAX_REDIRECTS})"))
}

/// What a receiver answered to [`send`]: its status, how long it asked us to wait (a 429's or
/// 503's `Retry-After` in seconds), and the start of its body (for the delivery log).
#[derive(Debug, Clone)]
pub struct Sent {
    pub status: u16,
    pub retry_after: Option<std::time::Duration>,
    pub body_excerpt: String,
}

/// How much of a receiver's answer the delivery log keeps.
const EXCERPT_CAP: usize = 500;

/// One outbound request (an alert to a webhook or a provider's API) through the same guarded
/// path as checks: resolved, vetted, connected to the vetted address, TLS verified. Redirects
/// are not followed: a receiver that moved is a failed delivery, not a new destination.
pub(super) async fn send(inner: &Inner, spec: &HttpSpec) -> Result<Sent, String> {
    let hop = Hop { url: spec.url.clone(), method: spec.method, body: spec.body.clone() };
    let mut trace = Trace::default();
    let mut warning = None;
    let Exchange { response, _driver } = fetch(inner, spec, &hop, true, &mut trace, &mut warning).await?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get(http::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(std::time::Duration::from_secs);
    let body = read_capped(response.into_body()).await.unwrap_or_default();
    let mut body_excerpt = String::from_utf8_lossy(&body[..body.len().min(EXCERPT_CAP)]).into_owned();
    body_excerpt.retain(|c| !c.is_control() || c == ' ');
    Ok(Sent { status, retry_after, body_excerpt })
}

/// One request of a redirect chain.
struct Hop {
    url: Url,
    method: HttpMethod,
    body: Option<String>,
}

impl Hop {
    /// The request a redirect asks for, as browsers do it: 303 (and 301/302 after a POST) turns
    /// into a GET without body; 307/308 repeat the request.
    fn follow(self, status: u16, location: &str) -> Result<Self, String> {
        let url = self.url.join(location).map_err(|_| format!("redirect to an invalid URL: {location}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("redirect to an unsupported URL scheme: {}", url.scheme()));
        }
        let becomes_get = match status {
            303 => self.method != HttpMethod::Head,
            301 | 302 => self.method == HttpMethod::Post,
            _ => false,
        };
        Ok(if becomes_get { Self { url, method: HttpMethod::Get, body: None } } else { Self { url, ..self } })
    }
}

fn redirect_location(response: &http::Response<Incoming>) -> Option<String> {
    if !matches!(response.status().as_u16(), 301 | 302 | 303 | 307 | 308) {
        return None;
    }
    response.headers().get(LOCATION)?.to_str().ok().map(str::to_owned)
}

/// Resolve, vet, connect, TLS, send; returns the response head (the body is still unread).
async fn fetch(
    inner: &Inner,
    spec: &HttpSpec,
    hop: &Hop,
    with_headers: bool,
    trace: &mut Trace,
    certificate_warning: &mut Option<String>,
) -> Result<Exchange, String> {
    let url = &hop.url;
    let https = match url.scheme() {
        "http" => false,
        "https" => true,
        other => return Err(format!("unsupported URL scheme: {other}")),
    };
    let host = match url.host() {
        Some(url::Host::Domain(name)) => name.to_owned(),
        Some(url::Host::Ipv4(v4)) => v4.to_string(),
        Some(url::Host::Ipv6(v6)) => v6.to_string(),
        None => return Err("the URL has no host".into()),
    };
    let port = url.port_or_known_default().ok_or("the URL has no port")?;
    let request = build_request(inner, spec, hop, with_headers)?;
    let addresses = inner.vetted_addresses(&host, port, trace).await?;
    let tcp = tcp::connect(&addresses, trace).await?;
    if !https {
        return exchange(tcp, request, trace).await;
    }
    let (tls, certificate) = inner.tls.handshake(tcp, &host, true, trace).await?;
    if spec.verify_tls {
        // Judged before the request is written: nothing reaches a server that failed it.
        let verdict = certificate.judge(spec.tls_warn_days, Utc::now());
        match verdict.status {
            CheckStatus::Down => return Err(verdict.error.unwrap_or_default()),
            CheckStatus::Degraded => *certificate_warning = certificate_warning.take().or(verdict.error),
            CheckStatus::Up => {}
        }
    }
    exchange(tls, request, trace).await
}

fn build_request(
    inner: &Inner,
    spec: &HttpSpec,
    hop: &Hop,
    with_headers: bool,
) -> Result<http::Request<Full<Bytes>>, String> {
    let url = &hop.url;
    // url.port() is None for the scheme's default port, which is how Host must be written.
    let authority = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => return Err("the URL has no host".into()),
    };
    let mut request = http::Request::builder()
        .method(hop.method.as_str())
        .uri(&url[Position::BeforePath..Position::AfterQuery])
        .body(Full::new(Bytes::from(hop.body.clone().unwrap_or_default())))
        .map_err(|error| format!("invalid request: {error}"))?;
    let headers = request.headers_mut();
    let value =
        |text: &str| HeaderValue::from_str(text).map_err(|_| format!("invalid header value: {text:?}"));
    headers.insert(HOST, value(&authority)?);
    headers.insert(ACCEPT, HeaderValue::from_static("*/*"));
    if !inner.config.user_agent.is_empty() {
        headers.insert(USER_AGENT, value(&inner.config.user_agent)?);
    }
    if with_headers {
        // The user's headers win over the defaults above (a custom User-Agent or Host included:
        // the socket already goes to the vetted address, so Host cannot redirect it).
        for (name, text) in &spec.headers {
            let name = HeaderName::from_bytes(name.trim().as_bytes())
                .map_err(|_| format!("invalid header name: {name:?}"))?;
            headers.insert(name, value(text)?);
        }
    }
    Ok(request)
}

/// One HTTP/1.1 request on an established connection; records time to the response head.
async fn exchange<T>(
    io: T,
    request: http::Request<Full<Bytes>>,
    trace: &mut Trace,
) -> Result<Exchange, String>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .map_err(|error| format!("HTTP error: {error}"))?;
    // The connection task must run while the response body is read; aborting it on drop ties
    // its lifetime to this check (a timeout drops everything, socket included).
    let driver = AbortOnDrop(tokio::spawn(async move {
        let _ = connection.await;
    }));
    let started = Instant::now();
    let response = sender.send_request(request).await.map_err(|error| describe(&error))?;
    add_ms(&mut trace.phases.first_byte_ms, started);
    Ok(Exchange { response, _driver: driver })
}

/// A response head and the task driving its connection, which must outlive the body's reading.
struct Exchange {
    response: http::Response<Incoming>,
    _driver: AbortOnDrop,
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

fn describe(error: &hyper::Error) -> String {
    if error.is_incomplete_message() {
        "the connection closed before a response".into()
    } else if error.is_parse() {
        format!("invalid HTTP response: {error}")
    } else {
        format!("HTTP error: {error}")
    }
}

/// Status, then keyword, then JSON assertion; the body is read only when an assertion needs it.
async fn judge(spec: &HttpSpec, status: u16, response: http::Response<Incoming>) -> Verdict {
    let expected_ok = if spec.expected_status.is_empty() {
        (200..=399).contains(&status)
    } else {
        spec.expected_status.iter().any(|range| range.contains(status))
    };
    if !expected_ok {
        let expected = if spec.expected_status.is_empty() {
            "200-399".to_owned()
        } else {
            spec.expected_status.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        };
        return Verdict::down(format!("expected status {expected}, got {status}"));
    }
    if spec.keyword.is_none() && spec.json_assertion.is_none() {
        return Verdict::up();
    }
    let body = match read_capped(response.into_body()).await {
        Ok(body) => body,
        Err(error) => return Verdict::down(error),
    };
    if let Some(keyword) = &spec.keyword {
        let found = String::from_utf8_lossy(&body).contains(&keyword.text);
        match (keyword.present, found) {
            (true, false) => return Verdict::down(format!("keyword {:?} not found", keyword.text)),
            (false, true) => return Verdict::down(format!("keyword {:?} found", keyword.text)),
            _ => {}
        }
    }
    if let Some(assertion) = &spec.json_assertion
        && let Err(error) = assert_json(assertion, &body)
    {
        return Verdict::down(error);
    }
    Verdict::up()
}

async fn read_capped(mut body: Incoming) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    while bytes.len() < BODY_CAP {
        match body.frame().await {
            None => break,
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    bytes.extend_from_slice(&data);
                }
            }
            Some(Err(error)) => return Err(format!("reading the body failed: {error}")),
        }
    }
    bytes.truncate(BODY_CAP);
    Ok(bytes)
}

fn assert_json(assertion: &JsonAssertion, body: &[u8]) -> Result<(), String> {
    let document: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| "the response body is not JSON".to_owned())?;
    let path = &assertion.path;
    let Some(node) = path.first(&document) else {
        return Err(format!("JSON path {path} not found"));
    };
    if compare(node, assertion.op, &assertion.value) {
        return Ok(());
    }
    let mut shown = node.to_string();
    if shown.len() > 80 {
        let cut = (0..=80).rev().find(|at| shown.is_char_boundary(*at)).unwrap_or(0);
        shown.truncate(cut);
        shown.push('…');
    }
    Err(format!("JSON {path} is {shown}, expected {} {}", assertion.op, assertion.value))
}

/// Compares a JSON node with the user's text: numerically when both are numbers, as text
/// otherwise (a string node without its quotes, anything else as JSON).
fn compare(node: &serde_json::Value, op: Comparison, value: &str) -> bool {
    let text = match node {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let number = node.as_f64().or_else(|| node.as_str().and_then(|text| text.trim().parse().ok()));
    let wanted = value.trim().parse::<f64>().ok();
    let equal = match (node.as_f64(), wanted) {
        (Some(node), Some(wanted)) => node == wanted,
        _ => text == value,
    };
    match op {
        Comparison::Exists => true,
        Comparison::Eq => equal,
        Comparison::Ne => !equal,
        Comparison::Contains => match node {
            serde_json::Value::Array(items) => items.iter().any(|item| compare(item, Comparison::Eq, value)),
            _ => text.contains(value),
        },
        Comparison::Lt => matches!((number, wanted), (Some(node), Some(wanted)) if node < wanted),
        Comparison::Gt => matches!((number, wanted), (Some(node), Some(wanted)) if node > wanted),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::super::testkit::{self, USER_AGENT, http, spec};
    use super::super::{
        CheckOutcome, CheckStatus, HttpMethod, JsonAssertion, JsonPath, Keyword, ProbeConfig, Prober,
    };

    const TIMEOUT: Duration = Duration::from_secs(10);

    async fn run(prober: &Prober, spec: super::HttpSpec) -> CheckOutcome {
        prober.check(&testkit::spec(spec), TIMEOUT).await
    }

    fn prober() -> Prober {
        Prober::new(testkit::config()).unwrap()
    }

    fn json(path: &str, op: &str, value: &str) -> Option<JsonAssertion> {
        Some(JsonAssertion {
            path: JsonPath::parse(path).unwrap(),
            op: op.parse().unwrap(),
            value: value.into(),
        })
    }

    #[tokio::test]
    async fn a_healthy_page_is_up_with_its_phases() {
        let server = testkit::http_server().await;
        let outcome = run(&prober(), http(&format!("http://{server}/ok"))).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");
        assert_eq!(outcome.status_code, Some(200));
        assert_eq!(outcome.error, None);
        assert!(outcome.phases.connect_ms.is_some() && outcome.phases.first_byte_ms.is_some(), "{outcome:?}");
        // An IP literal needs no lookup, plain HTTP no handshake.
        assert_eq!((outcome.phases.dns_ms, outcome.phases.tls_ms), (None, None));
        assert_eq!(outcome.tls_expires_at, None);
    }

    #[tokio::test]
    async fn the_status_is_judged_against_the_expected_ranges() {
        let server = testkit::http_server().await;
        let prober = prober();
        let outcome = run(&prober, http(&format!("http://{server}/status/503"))).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.status_code, Some(503));
        assert_eq!(outcome.error.as_deref(), Some("expected status 200-399, got 503"));

        let mut expecting = http(&format!("http://{server}/status/503"));
        expecting.expected_status = vec!["5xx".parse().unwrap()];
        assert_eq!(run(&prober, expecting).await.status, CheckStatus::Up);

        let mut expecting = http(&format!("http://{server}/status/204"));
        expecting.expected_status = vec!["200".parse().unwrap(), "404".parse().unwrap()];
        let outcome = run(&prober, expecting).await;
        assert_eq!(outcome.error.as_deref(), Some("expected status 200, 404, got 204"));
    }

    #[tokio::test]
    async fn redirects_are_followed_when_asked_and_judged_on_the_last_response() {
        let server = testkit::http_server().await;
        let prober = prober();
        let outcome = run(&prober, http(&format!("http://{server}/redirect/3"))).await;
        assert_eq!((outcome.status, outcome.status_code), (CheckStatus::Up, Some(200)), "{outcome:?}");

        let relative = run(&prober, http(&format!("http://{server}/nested/deep"))).await;
        assert_eq!((relative.status, relative.status_code), (CheckStatus::Up, Some(200)), "{relative:?}");

        let mut not_following = http(&format!("http://{server}/redirect/3"));
        not_following.follow_redirects = false;
        not_following.expected_status = vec!["200-299".parse().unwrap()];
        let outcome = run(&prober, not_following).await;
        assert_eq!(outcome.status_code, Some(302));
        assert_eq!(outcome.error.as_deref(), Some("expected status 200-299, got 302"));

        let endless = run(&prober, http(&format!("http://{server}/loop"))).await;
        assert_eq!(endless.status, CheckStatus::Down);
        assert_eq!(endless.error.as_deref(), Some("too many redirects (more than 10)"));
    }

    #[tokio::test]
    async fn a_redirect_to_a_private_address_is_refused_when_the_guard_is_on() {
        let server = testkit::http_server().await;
        let guarded = ProbeConfig { allow_private_targets: false, ..testkit::config() };
        // The test server's own socket is exempt so the redirect *from* it can be followed.
        let prober = Prober::exempting(guarded, vec![server]).unwrap();
        let cases = [
            ("http://10.0.0.1/", "refused target: 10.0.0.1 is a private address"),
            (
                "http://169.254.169.254/latest/meta-data/",
                "refused target: 169.254.169.254 is a cloud metadata address",
            ),
            ("http://[::ffff:192.168.0.1]/", "refused target: ::ffff:192.168.0.1 is a private address"),
            ("http://2130706433:9/", "refused target: 127.0.0.1 is a loopback address"),
        ];
        for (target, error) in cases {
            let url = format!("http://{server}/go?to={target}");
            let outcome = run(&prober, http(&url)).await;
            assert_eq!(outcome.status, CheckStatus::Down, "{target}");
            assert_eq!(outcome.error.as_deref(), Some(error), "{target}");
            assert_eq!(outcome.status_code, Some(302), "the first hop answered");
        }
        // A different port on the same loopback address is not the exempt socket.
        let other = testkit::closed_port().await;
        let outcome = run(&prober, http(&format!("http://{server}/go?to=http://{other}/"))).await;
        assert_eq!(outcome.error, Some(format!("refused target: {} is a loopback address", other.ip())));
    }

    #[tokio::test]
    async fn the_guard_refuses_a_loopback_target_before_connecting() {
        let server = testkit::http_server().await;
        let prober = Prober::new(ProbeConfig { allow_private_targets: false, ..testkit::config() }).unwrap();
        for host in [server.ip().to_string(), "2130706433".into(), "0x7f.1".into()] {
            let outcome = run(&prober, http(&format!("http://{host}:{}/ok", server.port()))).await;
            assert_eq!(
                outcome.error.as_deref(),
                Some("refused target: 127.0.0.1 is a loopback address"),
                "{host}"
            );
            assert_eq!(outcome.phases.connect_ms, None, "never connected");
            assert_eq!(outcome.status_code, None);
        }
    }

    #[tokio::test]
    async fn keywords_must_be_present_or_absent() {
        let server = testkit::http_server().await;
        let prober = prober();
        let keyword = |text: &str, present: bool| {
            let mut spec = http(&format!("http://{server}/ok"));
            spec.keyword = Some(Keyword { text: text.into(), present });
            spec
        };
        assert_eq!(run(&prober, keyword("systems ok", true)).await.status, CheckStatus::Up);
        assert_eq!(run(&prober, keyword("error", false)).await.status, CheckStatus::Up);
        let missing = run(&prober, keyword("ok!", true)).await;
        assert_eq!(
            (missing.status, missing.error.as_deref()),
            (CheckStatus::Down, Some("keyword \"ok!\" not found"))
        );
        let present = run(&prober, keyword("ok", false)).await;
        assert_eq!(present.error.as_deref(), Some("keyword \"ok\" found"));

        // Only the first MiB is searched: "needle" sits after 2 MiB of padding.
        let mut big = http(&format!("http://{server}/big"));
        big.keyword = Some(Keyword { text: "needle".into(), present: true });
        assert_eq!(run(&prober, big).await.error.as_deref(), Some("keyword \"needle\" not found"));
    }

    #[tokio::test]
    async fn json_assertions_compare_the_selected_node() {
        let server = testkit::http_server().await;
        let prober = prober();
        let passing = [
            ("$.status", "eq", "up"),
            ("$.status", "ne", "down"),
            ("$.count", "eq", "3.0"),
            ("$.count", "gt", "2"),
            ("$.ratio", "lt", "0.5"),
            ("$.items", "contains", "b"),
            ("$.text", "contains", "good"),
            ("$.nested.list[0].x", "eq", "1.5"),
            ("$['nested']['list'][0]", "exists", ""),
        ];
        for (path, op, value) in passing {
            let mut spec = http(&format!("http://{server}/json"));
            spec.json_assertion = json(path, op, value);
            let outcome = run(&prober, spec).await;
            assert_eq!(outcome.status, CheckStatus::Up, "{path} {op} {value}: {outcome:?}");
        }
        let failing = [
            ("$.status", "eq", "down", "JSON $.status is \"up\", expected eq down"),
            ("$.count", "lt", "3", "JSON $.count is 3, expected lt 3"),
            ("$.items", "contains", "c", "JSON $.items is [\"a\",\"b\"], expected contains c"),
            ("$.missing", "exists", "", "JSON path $.missing not found"),
        ];
        for (path, op, value, error) in failing {
            let mut spec = http(&format!("http://{server}/json"));
            spec.json_assertion = json(path, op, value);
            let outcome = run(&prober, spec).await;
            assert_eq!(outcome.status, CheckStatus::Down);
            assert_eq!(outcome.error.as_deref(), Some(error));
        }
        let mut not_json = http(&format!("http://{server}/ok"));
        not_json.json_assertion = json("$.status", "exists", "");
        assert_eq!(run(&prober, not_json).await.error.as_deref(), Some("the response body is not JSON"));
    }

    #[tokio::test]
    async fn method_headers_body_and_user_agent_are_sent() {
        let server = testkit::http_server().await;
        let prober = prober();
        let request = |path: &str, assertion: (&str, &str)| {
            let mut spec = http(&format!("http://{server}{path}"));
            spec.method = HttpMethod::Post;
            spec.body = Some("payload".into());
            spec.headers = vec![("X-Custom".into(), "yes".into())];
            spec.json_assertion = json(assertion.0, "eq", assertion.1);
            spec
        };
        let host = server.to_string();
        for assertion in [
            ("$.method", "POST"),
            ("$.body", "payload"),
            ("$.custom", "yes"),
            ("$.user_agent", USER_AGENT),
            ("$.host", host.as_str()),
        ] {
            let outcome = run(&prober, request("/echo", assertion)).await;
            assert_eq!(outcome.status, CheckStatus::Up, "{assertion:?}: {outcome:?}");
        }
        // 303 turns the POST into a body-less GET; 307 repeats it.
        let outcome = run(&prober, request("/redirect-see-other", ("$.method", "GET"))).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");
        let outcome = run(&prober, request("/redirect-see-other", ("$.body", ""))).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");
        let outcome = run(&prober, request("/redirect-temporary", ("$.body", "payload"))).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");

        let mut head = http(&format!("http://{server}/ok"));
        head.method = HttpMethod::Head;
        assert_eq!(run(&prober, head).await.status_code, Some(200));
    }

    #[tokio::test]
    async fn custom_headers_stay_with_the_configured_origin() {
        let server = testkit::http_server().await;
        let dns = testkit::dns_server(vec![testkit::record(
            "app.test.",
            hickory_resolver::proto::rr::RData::A(std::net::Ipv4Addr::LOCALHOST.into()),
        )])
        .await;
        let prober = Prober::new(ProbeConfig { dns_nameservers: vec![dns], ..testkit::config() }).unwrap();
        let target = format!("http://app.test:{}/echo", server.port());
        let mut spec = http(&format!("http://{server}/go?to={target}"));
        spec.headers = vec![("x-custom".into(), "secret".into())];
        spec.json_assertion = json("$.custom", "eq", "null");
        let outcome = run(&prober, spec).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");
        assert!(outcome.phases.dns_ms.is_some(), "the second hop resolved app.test");

        // Same origin by name: the header is sent.
        let mut spec = http(&target);
        spec.headers = vec![("x-custom".into(), "secret".into())];
        spec.json_assertion = json("$.custom", "eq", "secret");
        assert_eq!(run(&prober, spec).await.status, CheckStatus::Up);
    }

    #[tokio::test]
    async fn the_timeout_bounds_the_whole_check() {
        let server = testkit::http_server().await;
        let timeout = Duration::from_millis(300);
        let outcome = prober().check(&spec(http(&format!("http://{server}/slow"))), timeout).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.error.as_deref(), Some("timed out after 300ms"));
        assert!(outcome.phases.connect_ms.is_some(), "the phases that completed are kept");
        assert_eq!(outcome.phases.first_byte_ms, None);
        assert!(outcome.duration_ms >= 300 && outcome.duration_ms < 5_000, "{outcome:?}");

        let silent = testkit::silent_server().await;
        let outcome = prober().check(&spec(http(&format!("http://{silent}/"))), timeout).await;
        assert_eq!(outcome.error.as_deref(), Some("timed out after 300ms"));
    }

    #[tokio::test]
    async fn connection_and_scheme_failures_are_down() {
        let closed = testkit::closed_port().await;
        let outcome = run(&prober(), http(&format!("http://{closed}/"))).await;
        assert_eq!(
            (outcome.status, outcome.error.as_deref()),
            (CheckStatus::Down, Some("connection refused"))
        );

        let outcome = run(&prober(), http("ftp://127.0.0.1/file")).await;
        assert_eq!(outcome.error.as_deref(), Some("unsupported URL scheme: ftp"));

        let server = testkit::http_server().await;
        let outcome = run(&prober(), http(&format!("http://{server}/go?to=file:///etc/passwd"))).await;
        assert_eq!(outcome.error.as_deref(), Some("redirect to an unsupported URL scheme: file"));
    }
}
