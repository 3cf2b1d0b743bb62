//! A tenant slug: its subdomain label, parsed once.

/// Lower-case letters, digits and single inner hyphens, 3 to 40 characters, not reserved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

/// Labels that name Beacon's own hosts or could mislead users.
const RESERVED_SLUGS: &[&str] = &[
    "www",
    "app",
    "api",
    "admin",
    "administrator",
    "status",
    "mail",
    "smtp",
    "graphql",
    "graphiql",
    "static",
    "assets",
    "cdn",
    "beacon",
    "support",
    "help",
    "docs",
    "blog",
    "login",
    "signup",
    "auth",
    "internal",
    "metrics",
    "health",
    "root",
    "system",
    "billing",
    "security",
    "ns1",
    "ns2",
    // `server create-admin`'s default organization: nobody can sign it up first.
    "ops",
];

impl Slug {
    /// A slug for a sign-up: well-formed and not reserved.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let slug = Self::parse_any(raw)?;
        if RESERVED_SLUGS.contains(&slug.as_str()) {
            return Err("is reserved".into());
        }
        Ok(slug)
    }

    /// A slug chosen by the operator on the command line: well-formed, and reserved ones allowed.
    pub fn parse_for_operator(raw: &str) -> Result<Self, String> {
        Self::parse_any(raw)
    }

    fn parse_any(raw: &str) -> Result<Self, String> {
        let slug = raw.trim().to_lowercase();
        if slug.len() < 3 || slug.len() > 40 {
            return Err("must be 3 to 40 characters".into());
        }
        if !slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err("may contain only letters, digits and hyphens".into());
        }
        if slug.starts_with('-') || slug.ends_with('-') || slug.contains("--") {
            return Err("may not start or end with a hyphen or contain two in a row".into());
        }
        Ok(Self(slug))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(Slug::parse(" Acme-Corp ").unwrap().as_str(), "acme-corp");
        for (bad, why) in [
            ("ab", "3 to 40"),
            ("a".repeat(41).as_str(), "3 to 40"),
            ("acme_corp", "letters, digits"),
            ("-acme", "hyphen"),
            ("acme--x", "hyphen"),
            ("www", "reserved"),
            ("admin", "reserved"),
            ("ac.me", "letters, digits"),
            ("ops", "reserved"),
        ] {
            let err = Slug::parse(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
        assert_eq!(Slug::parse_for_operator("ops").unwrap().as_str(), "ops");
        assert!(Slug::parse_for_operator("-ops").is_err());
    }
}
