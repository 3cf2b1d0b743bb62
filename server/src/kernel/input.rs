//! Free-text inputs. Parse, don't validate: a raw string becomes a checked value or a message
//! that the caller files under the input's field name.

/// The characters no text input may hold: NUL and the other C0 controls and DEL, except tab,
/// line feed and carriage return (multi-line texts keep those).
pub fn is_forbidden_control(c: char) -> bool {
    (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r')) || ('\u{80}'..='\u{9f}').contains(&c)
}

/// Single-line inputs (names, addresses, slugs, filters) refuse every control character.
pub fn single_line(raw: &str) -> Result<&str, String> {
    if raw.chars().any(char::is_control) {
        return Err("may not contain control characters or line breaks".into());
    }
    Ok(raw)
}

/// A display name (a person's or an organization's, a key's label): trimmed, 1 to 120
/// characters, one line.
pub fn parse_name(raw: &str) -> Result<String, String> {
    let name = single_line(raw.trim())?;
    match name.chars().count() {
        0 => Err("is required".into()),
        n if n > 120 => Err("must be at most 120 characters".into()),
        _ => Ok(name.to_owned()),
    }
}

/// A lower-cased, syntactically valid email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let email = single_line(raw.trim())?.to_lowercase();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(parse_name("  Ann  ").unwrap(), "Ann");
        assert!(parse_name("   ").is_err());
        assert!(parse_name(&"x".repeat(121)).is_err());
        assert!(parse_name(&"é".repeat(120)).is_ok());
        assert!(parse_name("Ann\nSmith").is_err());
        assert!(parse_name("Ann\u{0}").is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(EmailAddress::parse(" Ann@Example.ORG ").unwrap().as_str(), "ann@example.org");
        for bad in ["", "ann", "ann@", "@x.io", "a b@x.io"] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
    }
}
