//! Development secrets: generated once, persisted under the data directory, so sessions survive
//! restarts without anyone configuring anything. Never used in production (the production
//! checks refuse a missing secret).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rand::RngCore;

const FILE_NAME: &str = "dev-secrets.env";
/// Generated secrets carry this prefix so production validation can refuse them by sight.
pub const DEV_SECRET_PREFIX: &str = "dev-insecure-";

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// Reads `name` from the dev secrets file, generating and appending it when absent.
pub fn load_or_create(data_dir: &Path, name: &str) -> std::io::Result<String> {
    let file = path(data_dir);
    if let Ok(contents) = fs::read_to_string(&file) {
        let prefix = format!("{name}=");
        if let Some(value) = contents.lines().find_map(|line| line.strip_prefix(&prefix)) {
            return Ok(value.trim().to_owned());
        }
    }
    fs::create_dir_all(data_dir)?;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let value = format!("{DEV_SECRET_PREFIX}{hex}");
    let mut options = fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(&file)?;
    writeln!(out, "{name}={value}")?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_secret_is_stable_across_loads() {
        let dir = std::env::temp_dir().join(format!("beacon-dev-secrets-{}", uuid::Uuid::new_v4()));
        let first = load_or_create(&dir, "JWT_SECRET").unwrap();
        let second = load_or_create(&dir, "JWT_SECRET").unwrap();
        assert_eq!(first, second);
        assert!(first.starts_with(DEV_SECRET_PREFIX) && first.len() > 60);
        let other = load_or_create(&dir, "OTHER_SECRET").unwrap();
        assert_ne!(first, other);
        fs::remove_dir_all(dir).unwrap();
    }
}
