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
    let name = single_line(raw)?.trim();
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
        assert!(parse_name("Ann\nSmith").is_err());
        assert!(parse_name("Ann\u{0}").is_err());
    }
}
