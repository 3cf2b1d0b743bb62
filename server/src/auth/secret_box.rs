//! Secrets Beacon must store and later use (alert channels' tokens and webhook URLs), encrypted
//! at rest with XChaCha20-Poly1305 under a key derived from `SECRETS_KEY`. A sealed value reads
//! `<key id>.<base64url(nonce ‖ ciphertext)>`: the key id (the first bytes of the key's hash)
//! tells which key sealed it, so during a rotation `SECRETS_KEY_PREVIOUS` still opens old values
//! while `server rotate-secrets` re-seals them. The row's id is bound as associated data, so a
//! sealed value copied to another row does not open.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// One key: the cipher and its id.
#[derive(Clone)]
struct Key {
    id: String,
    cipher: XChaCha20Poly1305,
}

impl Key {
    fn derive(secret: &SecretString) -> Self {
        let bytes: [u8; 32] = Sha256::new_with_prefix(b"beacon secrets key\0")
            .chain_update(secret.expose_secret())
            .finalize()
            .into();
        let id = hex::encode(&Sha256::digest(bytes)[..4]);
        Self { id, cipher: XChaCha20Poly1305::new(&bytes.into()) }
    }
}

#[derive(Clone)]
pub struct SecretBox {
    current: Key,
    previous: Option<Key>,
}

#[derive(Debug, thiserror::Error)]
#[error("a stored secret could not be decrypted (wrong SECRETS_KEY, or the value was altered)")]
pub struct Unreadable;

impl SecretBox {
    pub fn new(current: &SecretString, previous: Option<&SecretString>) -> Self {
        Self { current: Key::derive(current), previous: previous.map(Key::derive) }
    }

    /// Seals `plain` for the row `context` (its id).
    pub fn seal(&self, plain: &str, context: &[u8]) -> String {
        let nonce: [u8; 24] = rand::random();
        let sealed = self
            .current
            .cipher
            .encrypt(&XNonce::from(nonce), Payload { msg: plain.as_bytes(), aad: context })
            .expect("XChaCha20-Poly1305 encryption cannot fail for in-memory data");
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        format!("{}.{}", self.current.id, URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Opens a value sealed for `context` with the current or the previous key.
    pub fn open(&self, sealed: &str, context: &[u8]) -> Result<String, Unreadable> {
        let (id, data) = sealed.split_once('.').ok_or(Unreadable)?;
        let key = [Some(&self.current), self.previous.as_ref()]
            .into_iter()
            .flatten()
            .find(|key| key.id == id)
            .ok_or(Unreadable)?;
        let bytes = URL_SAFE_NO_PAD.decode(data).map_err(|_| Unreadable)?;
        if bytes.len() < 24 {
            return Err(Unreadable);
        }
        let (nonce, ciphertext) = bytes.split_at(24);
        let nonce: [u8; 24] = nonce.try_into().map_err(|_| Unreadable)?;
        let plain = key
            .cipher
            .decrypt(&XNonce::from(nonce), Payload { msg: ciphertext, aad: context })
            .map_err(|_| Unreadable)?;
        String::from_utf8(plain).map_err(|_| Unreadable)
    }

    /// Whether `sealed` was sealed with the current key (rotation skips those).
    pub fn is_current(&self, sealed: &str) -> bool {
        sealed.split_once('.').is_some_and(|(id, _)| id == self.current.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    #[test]
    fn sealed_values_open_only_with_their_key_and_row() {
        let old = SecretBox::new(&secret("an old key that is long enough 0000"), None);
        let sealed = old.seal("https://hooks.slack.com/services/T/B/X", b"row-1");
        assert!(!sealed.contains("hooks.slack.com"), "{sealed}");
        assert_eq!(old.open(&sealed, b"row-1").unwrap(), "https://hooks.slack.com/services/T/B/X");
        assert!(old.open(&sealed, b"row-2").is_err(), "bound to its row");
        assert_ne!(old.seal("same", b"r"), old.seal("same", b"r"), "a fresh nonce each time");

        let rotated = SecretBox::new(
            &secret("a new key that is long enough 11111"),
            Some(&secret("an old key that is long enough 0000")),
        );
        assert_eq!(rotated.open(&sealed, b"row-1").unwrap(), "https://hooks.slack.com/services/T/B/X");
        assert!(!rotated.is_current(&sealed));
        let resealed = rotated.seal("https://hooks.slack.com/services/T/B/X", b"row-1");
        assert!(rotated.is_current(&resealed));
        let new_only = SecretBox::new(&secret("a new key that is long enough 11111"), None);
        assert!(new_only.open(&sealed, b"row-1").is_err(), "the old key is needed for old values");
        assert!(new_only.open(&resealed, b"row-1").is_ok());

        let mut tampered = resealed.clone();
        tampered.pop();
        tampered.push(if resealed.ends_with('A') { 'B' } else { 'A' });
        assert!(rotated.open(&tampered, b"row-1").is_err());
    }
}
