//! Name resolution for checks. With configured name servers everything goes through
//! hickory-resolver; without, target names go through the system resolver (getaddrinfo, so
//! `/etc/hosts` and nsswitch apply as operators expect) and DNS checks through hickory with the
//! system's `/etc/resolv.conf`.

use std::net::SocketAddr;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::lookup::Lookup;
use hickory_resolver::net::NetError;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RecordType;

pub(crate) struct Resolver {
    /// Set when the operator configured name servers: used for target names too.
    configured: Option<TokioResolver>,
    /// For DNS checks. Without configured servers it reads `/etc/resolv.conf`; a machine without
    /// one can still run every other kind of check, so the failure is kept, not fatal.
    records: Result<TokioResolver, String>,
}

impl Resolver {
    pub(crate) fn new(nameservers: &[SocketAddr]) -> anyhow::Result<Self> {
        if nameservers.is_empty() {
            let records = TokioResolver::builder_tokio()
                .map(|mut builder| {
                    tune(builder.options_mut());
                    builder
                })
                .and_then(|builder| builder.build())
                .map_err(|error| format!("no system DNS configuration: {error}"));
            return Ok(Self { configured: None, records });
        }
        let servers = nameservers
            .iter()
            .map(|server| {
                let connections = [ConnectionConfig::udp(), ConnectionConfig::tcp()]
                    .into_iter()
                    .map(|mut connection| {
                        connection.port = server.port();
                        connection
                    })
                    .collect();
                NameServerConfig::new(server.ip(), true, connections)
            })
            .collect();
        let mut builder = TokioResolver::builder_with_config(
            ResolverConfig::from_name_servers(servers),
            TokioRuntimeProvider::default(),
        );
        tune(builder.options_mut());
        // Configured servers are the whole truth: no /etc/hosts overlay, so checks and tests
        // see exactly what those servers answer.
        builder.options_mut().use_hosts_file = ResolveHosts::Never;
        let resolver = builder.build()?;
        Ok(Self { configured: Some(resolver.clone()), records: Ok(resolver) })
    }

    /// The addresses of `host` (a name, not a literal), with `port`.
    pub(crate) async fn lookup(&self, host: &str, port: u16) -> Result<Vec<SocketAddr>, String> {
        let addresses: Vec<SocketAddr> = match &self.configured {
            Some(resolver) => resolver
                .lookup_ip(host)
                .await
                .map_err(|error| describe(host, &error))?
                .iter()
                .map(|ip| SocketAddr::new(ip, port))
                .collect(),
            None => tokio::net::lookup_host((host, port))
                .await
                .map_err(|error| format!("could not resolve {host}: {error}"))?
                .collect(),
        };
        if addresses.is_empty() {
            return Err(format!("no addresses for {host}"));
        }
        Ok(addresses)
    }

    /// A record lookup for DNS checks.
    pub(crate) async fn records(&self, name: &str, record_type: RecordType) -> Result<Lookup, String> {
        let resolver = self.records.as_ref().map_err(Clone::clone)?;
        resolver.lookup(name, record_type).await.map_err(|error| describe(name, &error))
    }
}

fn tune(options: &mut ResolverOpts) {
    // No cache: a check measures and reports what DNS answers now (and its dns_ms phase is a
    // real lookup), not what it answered within the last TTL.
    options.cache_size = 0;
    // The caller's timeout bounds the whole check; a single attempt keeps a dead server from
    // eating the budget twice.
    options.attempts = 1;
}

fn describe(name: &str, error: &NetError) -> String {
    let name = name.trim_end_matches('.');
    if error.is_nx_domain() {
        format!("{name} does not exist (NXDOMAIN)")
    } else if error.is_no_records_found() {
        format!("no records for {name}")
    } else {
        format!("could not resolve {name}: {error}")
    }
}
