//! Free-text inputs. Parse, don't validate: a raw string becomes a checked value or a message
//! that the caller files under the input's field name.

/// A display name (a person's or an organization's, a key's label): trimmed, 1 to 120
/// characters.
pub fn parse_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    match name.chars().count() {
        0 => Err("is required".into()),
        n if n > 120 => Err("must be at most 120 characters".into()),
        _ => Ok(name.to_owned()),
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
    }
}
