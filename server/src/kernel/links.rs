//! Absolute links to the app (`PUBLIC_URL`) and to tenant hosts (`<slug>.<BASE_DOMAIN>`), for
//! emails and for answers that name a host.

use url::Url;

#[derive(Debug, Clone)]
pub struct Links {
    public_url: Url,
    base_domain: String,
}

impl Links {
    pub fn new(public_url: Url, base_domain: String) -> Self {
        Self { public_url, base_domain }
    }

    pub fn base_domain(&self) -> &str {
        &self.base_domain
    }

    /// `<slug>.<BASE_DOMAIN>`.
    pub fn tenant_host(&self, slug: &str) -> String {
        format!("{slug}.{}", self.base_domain)
    }

    /// The tenant slug when `host` (no port) is `<slug>.<BASE_DOMAIN>`.
    pub fn tenant_slug_of(&self, host: &str) -> Option<String> {
        let slug = host.strip_suffix(self.base_domain.as_str())?.strip_suffix('.')?;
        (!slug.is_empty() && !slug.contains('.')).then(|| slug.to_owned())
    }

    /// A path on the main app host (`PUBLIC_URL`).
    pub fn app(&self, path: &str) -> String {
        self.public_url.join(path).map(String::from).unwrap_or_else(|_| self.public_url.to_string())
    }

    /// A path on a tenant's own host, with PUBLIC_URL's scheme and port.
    pub fn tenant(&self, slug: &str, path: &str) -> String {
        let mut url = self.public_url.clone();
        if url.set_host(Some(&self.tenant_host(slug))).is_err() {
            return self.app(path);
        }
        url.join(path).map(String::from).unwrap_or_else(|_| url.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_links_use_the_tenant_host_and_public_scheme_and_port() {
        let links = Links::new(Url::parse("https://beacon.io:8443/").unwrap(), "beacon.io".into());
        assert_eq!(links.tenant("acme", "/verify?t=1"), "https://acme.beacon.io:8443/verify?t=1");
        assert_eq!(links.app("/graphiql"), "https://beacon.io:8443/graphiql");
    }

    #[test]
    fn tenant_slugs_from_hosts() {
        let links = Links::new(Url::parse("https://beacon.io/").unwrap(), "beacon.io".into());
        assert_eq!(links.tenant_slug_of("acme.beacon.io").as_deref(), Some("acme"));
        for other in ["beacon.io", "a.b.beacon.io", "acmebeacon.io", ".beacon.io", "acme.other.io"] {
            assert_eq!(links.tenant_slug_of(other), None, "{other}");
        }
    }
}
