//! SIGTERM stops accepting new connections but lets in-flight requests finish.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use beacon_tests::{Backend, TestApp, backend_tests};

backend_tests!(sigterm_drains_in_flight_requests);

async fn sigterm_drains_in_flight_requests(backend: Backend) {
    let mut app = TestApp::spawn(backend).await;
    let body = r#"{"query":"{ serverInfo { version } }"}"#;
    let (head, tail) = body.split_at(10);

    // A request whose body is still arriving when the signal comes.
    let mut stream = TcpStream::connect(app.public).unwrap();
    write!(
        stream,
        "POST /graphql HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{head}",
        app.public,
        body.len()
    )
    .unwrap();
    stream.flush().unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    app.process.terminate();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        app.process.wait_exit(Duration::ZERO).is_none(),
        "the server must wait for the in-flight request"
    );
    // New connections are no longer accepted while draining.
    let refused = reqwest::Client::new().get(app.url("/health")).timeout(Duration::from_secs(2)).send().await;
    assert!(refused.is_err(), "a new request was served during shutdown");

    stream.write_all(tail.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains(r#""serverInfo":{"version""#), "{response}");

    let status = app.process.wait_exit(Duration::from_secs(10)).expect("the server exits after draining");
    assert!(status.success(), "{status:?}");
}
