//! A DNS server on loopback for tests: answers from a zone the test changes while it runs
//! (A, TXT and CNAME records), NXDOMAIN for names it does not hold. Point the server at it with
//! `CHECK_DNS_SERVERS=<addr>`.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use hickory_resolver::proto::op::{Message, ResponseCode};
use hickory_resolver::proto::rr::rdata::{A, CNAME, TXT};
use hickory_resolver::proto::rr::{Name, RData, Record};
use tokio::net::UdpSocket;

/// The records, by lower-case name without the trailing dot.
#[derive(Clone, Default)]
pub struct DnsZone {
    records: Arc<Mutex<Vec<(String, RData)>>>,
    pub address: Option<SocketAddr>,
}

impl DnsZone {
    /// Starts answering on 127.0.0.1 (a random UDP port).
    pub async fn serve() -> Self {
        let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
        let zone = Self { address: Some(socket.local_addr().unwrap()), ..Self::default() };
        let records = zone.records.clone();
        tokio::spawn(async move {
            let mut buffer = vec![0; 4096];
            while let Ok((length, peer)) = socket.recv_from(&mut buffer).await {
                let Ok(request) = Message::from_vec(&buffer[..length]) else { continue };
                let mut response = Message::response(request.metadata.id, request.metadata.op_code);
                response.metadata.recursion_desired = request.metadata.recursion_desired;
                response.metadata.recursion_available = true;
                for query in &request.queries {
                    response.add_query(query.clone());
                    let name = query.name().to_ascii().trim_end_matches('.').to_ascii_lowercase();
                    let known: Vec<RData> = records
                        .lock()
                        .unwrap()
                        .iter()
                        .filter(|(own, _)| *own == name)
                        .map(|(_, data)| data.clone())
                        .collect();
                    if known.is_empty() {
                        response.metadata.response_code = ResponseCode::NXDomain;
                    }
                    for data in known.into_iter().filter(|data| data.record_type() == query.query_type()) {
                        response.add_answer(Record::from_rdata(query.name().clone(), 60, data));
                    }
                }
                let _ = socket.send_to(&response.to_vec().unwrap(), peer).await;
            }
        });
        zone
    }

    pub fn addr(&self) -> String {
        self.address.expect("a served zone").to_string()
    }

    fn set(&self, name: &str, data: RData) {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        let mut records = self.records.lock().unwrap();
        records.retain(|(own, old)| !(*own == name && old.record_type() == data.record_type()));
        records.push((name, data));
    }

    pub fn set_a(&self, name: &str, ip: Ipv4Addr) {
        self.set(name, RData::A(A(ip)));
    }

    pub fn set_txt(&self, name: &str, text: &str) {
        self.set(name, RData::TXT(TXT::new(vec![text.to_owned()])));
    }

    pub fn set_cname(&self, name: &str, target: &str) {
        self.set(name, RData::CNAME(CNAME(Name::from_ascii(format!("{target}.")).unwrap())));
    }
}
