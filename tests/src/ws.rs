//! A GraphQL-over-WebSocket client (graphql-transport-ws), as the SPA connects: from the app's
//! own origin, authenticated in `connection_init`.

use std::net::SocketAddr;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub struct GraphqlWs {
    socket: Socket,
}

impl GraphqlWs {
    /// Connects to `public` (origin `http://localhost:<port>`) and authenticates with `token`.
    pub async fn connect(public: SocketAddr, token: &str) -> Self {
        let mut request = format!("ws://{public}/graphql/ws").into_client_request().unwrap();
        let headers = request.headers_mut();
        headers.insert("sec-websocket-protocol", "graphql-transport-ws".parse().unwrap());
        headers.insert("origin", format!("http://localhost:{}", public.port()).parse().unwrap());
        let (socket, _) = tokio_tungstenite::connect_async(request).await.expect("open /graphql/ws");
        let mut client = Self { socket };
        let init = json!({ "Authorization": format!("Bearer {token}") });
        client.send(json!({ "type": "connection_init", "payload": init })).await;
        let ack = client.next(Duration::from_secs(10)).await.expect("connection_ack");
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        client
    }

    async fn send(&mut self, message: Value) {
        self.socket.send(Message::Text(message.to_string().into())).await.expect("send");
    }

    /// Starts operation `id`.
    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        self.send(
            json!({ "type": "subscribe", "id": id, "payload": { "query": query, "variables": variables } }),
        )
        .await;
    }

    /// The next protocol message (pings answered and skipped); `None` if none arrives in time.
    pub async fn next(&mut self, within: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let message = tokio::time::timeout_at(deadline, self.socket.next()).await.ok()??.ok()?;
            match message {
                Message::Text(text) => {
                    let value: Value = serde_json::from_str(&text).expect("a JSON message");
                    if value["type"] == "ping" {
                        self.send(json!({ "type": "pong" })).await;
                        continue;
                    }
                    return Some(value);
                }
                Message::Close(_) => return None,
                _ => continue,
            }
        }
    }
}
