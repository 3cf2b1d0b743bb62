//! Parse, don't validate: account inputs become these types, or a message the caller files under
//! the input's field name.

pub use crate::kernel::input::EmailAddress;

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
    fn passwords() {
        assert!(Password::parse("short").is_err());
        assert!(Password::parse("long enough passphrase").is_ok());
        assert!(Password::parse(&"x".repeat(129)).is_err());
    }
}
