//! Parse, don't validate: inputs become these types or a field error naming the input.

use crate::graphql::errors::FieldError;

/// A lower-cased, syntactically valid email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let email = raw.trim().to_lowercase();
        if email.len() < 3 || email.len() > 254 {
            return Err("must be 3 to 254 characters".into());
        }
        email.parse::<lettre::Address>().map_err(|_| "is not an email address".to_owned())?;
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password of reasonable length (length, not composition rules: NIST SP 800-63B).
pub struct Password(String);

impl Password {
    pub const MIN_LEN: usize = 10;

    pub fn parse(raw: &str) -> Result<Self, String> {
        let chars = raw.chars().count();
        if chars < Self::MIN_LEN {
            return Err(format!("must be at least {} characters", Self::MIN_LEN));
        }
        if chars > 128 {
            return Err("must be at most 128 characters".into());
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A tenant slug: its subdomain label.
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
];

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, String> {
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
        if RESERVED_SLUGS.contains(&slug.as_str()) {
            return Err("is reserved".into());
        }
        Ok(Self(slug))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A display name: trimmed, 1 to 120 characters.
pub fn parse_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    match name.chars().count() {
        0 => Err("is required".into()),
        n if n > 120 => Err("must be at most 120 characters".into()),
        _ => Ok(name.to_owned()),
    }
}

/// Collects field errors while parsing several inputs.
#[derive(Default)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn check<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.0.push(FieldError { field: field.to_owned(), message });
                None
            }
        }
    }

    pub fn into_result(self) -> Result<(), crate::graphql::ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(crate::graphql::ApiError::BadUserInput { fields: self.0 })
        }
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
        ] {
            let err = Slug::parse(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn emails_and_passwords() {
        assert_eq!(EmailAddress::parse(" Ann@Example.ORG ").unwrap().as_str(), "ann@example.org");
        for bad in ["", "ann", "ann@", "@x.io", "a b@x.io"] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
        assert!(Password::parse("short").is_err());
        assert!(Password::parse("long enough passphrase").is_ok());
        assert!(Password::parse(&"x".repeat(129)).is_err());
    }
}
