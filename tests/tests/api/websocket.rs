//! GraphQL over WebSocket: only Beacon's own origins, authentication in `connection_init` with
//! the same checks as HTTP, and per-connection limits that close a flooding socket.

use std::time::Duration;

use beacon_tests::{Backend, TestApp, backend_tests};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

backend_tests!(
    only_own_origins_may_connect,
    connection_init_authenticates,
    flooding_operations_close_the_socket
);

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens `/graphql/ws` with `origin` (and `host`, when given); the HTTP status on refusal.
async fn open(app: &TestApp, origin: &str, host: Option<&str>) -> Result<Socket, u16> {
    let mut request = format!("ws://{}/graphql/ws", app.public).into_client_request().unwrap();
    let headers = request.headers_mut();
    headers.insert("sec-websocket-protocol", "graphql-transport-ws".parse().unwrap());
    headers.insert("origin", origin.parse().unwrap());
    if let Some(host) = host {
        headers.insert("host", host.parse().unwrap());
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(WsError::Http(response)) => Err(response.status().as_u16()),
        Err(other) => panic!("{other}"),
    }
}

async fn next_message(socket: &mut Socket) -> Message {
    tokio::time::timeout(Duration::from_secs(10), socket.next())
        .await
        .expect("a message within 10 s")
        .expect("the socket is open")
        .expect("a frame")
}

async fn send(socket: &mut Socket, message: Value) {
    socket.send(Message::Text(message.to_string().into())).await.unwrap();
}

async fn only_own_origins_may_connect(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let port = app.public.port();
    // The app's public URL (development: http://localhost:<port>) and its tenant hosts.
    for origin in [format!("http://localhost:{port}"), format!("http://acme.localhost:{port}")] {
        let mut socket =
            open(&app, &origin, None).await.unwrap_or_else(|status| panic!("{origin}: {status}"));
        send(&mut socket, json!({ "type": "connection_init", "payload": {} })).await;
        let ack: Value = serde_json::from_str(next_message(&mut socket).await.to_text().unwrap()).unwrap();
        assert_eq!(ack["type"], "connection_ack", "{origin}");
    }
    // A foreign page — also when it rebinds its own name to this server, so that its Origin
    // equals the Host it connects to.
    for (origin, host) in [
        ("https://evil.example.net".to_owned(), None),
        (format!("http://evil.example.net:{port}"), Some(format!("evil.example.net:{port}"))),
        (format!("https://localhost:{port}"), None),
    ] {
        assert_eq!(open(&app, &origin, host.as_deref()).await.err(), Some(403), "{origin}");
    }
}

async fn connection_init_authenticates(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let origin = format!("http://localhost:{}", app.public.port());

    // A credential that does not verify closes the connection instead of acknowledging it.
    let mut socket = open(&app, &origin, None).await.unwrap();
    send(&mut socket, json!({ "type": "connection_init", "payload": { "Authorization": "Bearer forged" } }))
        .await;
    match next_message(&mut socket).await {
        Message::Close(Some(frame)) => assert_eq!(frame.reason.as_str(), "invalid or expired credentials"),
        other => panic!("expected a close, got {other:?}"),
    }

    // A valid access token: operations run as that user.
    let mut socket = open(&app, &origin, None).await.unwrap();
    let init = json!({ "Authorization": format!("Bearer {}", acme.admin.token) });
    send(&mut socket, json!({ "type": "connection_init", "payload": init })).await;
    let ack: Value = serde_json::from_str(next_message(&mut socket).await.to_text().unwrap()).unwrap();
    assert_eq!(ack["type"], "connection_ack");
    send(
        &mut socket,
        json!({ "type": "subscribe", "id": "1", "payload": { "query": "{ me { role tenant { slug } } }" } }),
    )
    .await;
    let next: Value = serde_json::from_str(next_message(&mut socket).await.to_text().unwrap()).unwrap();
    assert_eq!(next["payload"]["data"]["me"]["role"], "ADMIN", "{next}");
    assert_eq!(next["payload"]["data"]["me"]["tenant"]["slug"], "acme", "{next}");

    // Anonymous connections may connect, but tenant data stays closed to them.
    let mut socket = open(&app, &origin, None).await.unwrap();
    send(&mut socket, json!({ "type": "connection_init", "payload": {} })).await;
    next_message(&mut socket).await;
    send(&mut socket, json!({ "type": "subscribe", "id": "1", "payload": { "query": "{ me { role } }" } }))
        .await;
    let next: Value = serde_json::from_str(next_message(&mut socket).await.to_text().unwrap()).unwrap();
    assert_eq!(next["payload"]["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "{next}");
}

async fn flooding_operations_close_the_socket(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut socket = open(&app, &format!("http://localhost:{}", app.public.port()), None).await.unwrap();
    send(&mut socket, json!({ "type": "connection_init", "payload": {} })).await;
    next_message(&mut socket).await;
    for id in 0..200 {
        let message = json!({ "type": "subscribe", "id": id.to_string(), "payload": { "query": "{ serverInfo { version } }" } });
        if socket.send(Message::Text(message.to_string().into())).await.is_err() {
            break;
        }
    }
    // Results may come first; the connection must end with 4429.
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(Ok(message)) = socket.next().await {
            if let Message::Close(Some(frame)) = message {
                return Some(frame.code);
            }
        }
        None
    })
    .await
    .expect("the socket is closed within 10 s");
    assert_eq!(closed, Some(CloseCode::Library(4429)));
}
