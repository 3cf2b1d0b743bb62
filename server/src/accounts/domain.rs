//! Parse, don't validate: account inputs become these types, or a message the caller files under
//! the input's field name.

/// A lower-cased, syntactically valid email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let email = crate::kernel::input::single_line(raw)?.trim().to_lowercase();
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

#[cfg(test)]
mod tests {
    use super::*;

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
