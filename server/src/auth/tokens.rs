//! Access tokens: JWT, HS256 pinned, 15 minutes, every claim required (DESIGN §5).

use std::time::Duration;

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use uuid::Uuid;

pub const ISSUER: &str = "beacon";
pub const AUDIENCE: &str = "beacon-api";
pub const ACCESS_TYPE: &str = "access";
pub const ACCESS_TTL: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccessClaims {
    pub sub: Uuid,
    pub tid: Uuid,
    /// The session (refresh-token family) the token was issued for: logging out, a password
    /// reset or a revoked session ends the token with it.
    pub sid: Uuid,
    pub role: String,
    pub iss: String,
    pub aud: String,
    pub typ: String,
    pub exp: i64,
    pub iat: i64,
    pub jti: Uuid,
}

#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// Derives refresh-token successors (`crypto::successor_token`); from the same secret.
    successor_key: [u8; 32],
}

#[derive(Debug, thiserror::Error)]
#[error("invalid access token")]
pub struct InvalidToken;

impl TokenKeys {
    pub fn new(secret: &SecretString) -> Self {
        let bytes = secret.expose_secret().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "iss", "aud"]);
        validation.leeway = 5;
        let successor_key = sha2::Sha256::new_with_prefix(b"beacon refresh successor key\0")
            .chain_update(bytes)
            .finalize()
            .into();
        Self {
            encoding: EncodingKey::from_secret(bytes),
            decoding: DecodingKey::from_secret(bytes),
            validation,
            successor_key,
        }
    }

    pub fn successor_key(&self) -> &[u8; 32] {
        &self.successor_key
    }

    pub fn issue_access(&self, user_id: Uuid, tenant_id: Uuid, session_id: Uuid, role: &str) -> String {
        let now = Utc::now().timestamp();
        let claims = AccessClaims {
            sub: user_id,
            tid: tenant_id,
            sid: session_id,
            role: role.to_owned(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            typ: ACCESS_TYPE.to_owned(),
            exp: now + ACCESS_TTL.as_secs() as i64,
            iat: now,
            jti: Uuid::new_v4(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).expect("HS256 encoding cannot fail")
    }

    /// Every claim must be present (serde), the signature HS256, iss/aud/exp valid, `typ` access.
    pub fn verify_access(&self, token: &str) -> Result<AccessClaims, InvalidToken> {
        let data =
            decode::<AccessClaims>(token, &self.decoding, &self.validation).map_err(|_| InvalidToken)?;
        let claims = data.claims;
        // A token minted (with the key) for longer than Beacon ever issues is refused too.
        let lifetime = claims.exp.saturating_sub(claims.iat);
        if claims.typ != ACCESS_TYPE
            || claims.iat > Utc::now().timestamp() + 60
            || lifetime > ACCESS_TTL.as_secs() as i64
        {
            return Err(InvalidToken);
        }
        Ok(claims)
    }
}

/// Audience of the tokens that open a restricted status page (never accepted by the API).
pub const PAGE_AUDIENCE: &str = "beacon-status-page";

/// What a restricted status page's visitor holds after giving its password or opening a link
/// mailed to an allowed address.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PageAccessClaims {
    /// The page.
    pub sub: Uuid,
    /// The page's `access_version` when granted: changing the settings voids the grant.
    pub ver: i32,
    pub iss: String,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
}

impl TokenKeys {
    pub fn issue_page_access(
        &self,
        page_id: Uuid,
        version: i32,
        now: DateTime<Utc>,
        ttl: chrono::Duration,
    ) -> String {
        let claims = PageAccessClaims {
            sub: page_id,
            ver: version,
            iss: ISSUER.to_owned(),
            aud: PAGE_AUDIENCE.to_owned(),
            exp: (now + ttl).timestamp(),
            iat: now.timestamp(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).expect("HS256 encoding cannot fail")
    }

    /// The claims of a page-access token signed by Beacon and unexpired at `now` (the
    /// application's clock, so tests can move it).
    pub fn verify_page_access(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<PageAccessClaims, InvalidToken> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[PAGE_AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "iss", "aud"]);
        validation.validate_exp = false;
        let claims =
            decode::<PageAccessClaims>(token, &self.decoding, &validation).map_err(|_| InvalidToken)?.claims;
        if claims.exp <= now.timestamp() {
            return Err(InvalidToken);
        }
        Ok(claims)
    }
}

/// Audience of the one-click acknowledge links in alerts (never accepted by the API).
pub const ACK_AUDIENCE: &str = "beacon-acknowledge";

/// What an acknowledge link carries: the outage and its organization.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AcknowledgeClaims {
    /// The outage (`incidents.id`).
    pub sub: Uuid,
    pub ten: Uuid,
    pub iss: String,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
}

impl TokenKeys {
    pub fn issue_acknowledge(
        &self,
        outage: Uuid,
        tenant: Uuid,
        now: DateTime<Utc>,
        ttl: chrono::Duration,
    ) -> String {
        let claims = AcknowledgeClaims {
            sub: outage,
            ten: tenant,
            iss: ISSUER.to_owned(),
            aud: ACK_AUDIENCE.to_owned(),
            exp: (now + ttl).timestamp(),
            iat: now.timestamp(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).expect("HS256 encoding cannot fail")
    }

    /// The claims of an acknowledge link signed by Beacon and unexpired at `now`.
    pub fn verify_acknowledge(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<AcknowledgeClaims, InvalidToken> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[ACK_AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "iss", "aud"]);
        validation.validate_exp = false;
        let claims =
            decode::<AcknowledgeClaims>(token, &self.decoding, &validation).map_err(|_| InvalidToken)?.claims;
        if claims.exp <= now.timestamp() {
            return Err(InvalidToken);
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(secret: &str) -> TokenKeys {
        TokenKeys::new(&SecretString::from(secret.to_owned()))
    }

    #[test]
    fn round_trip_and_refusals() {
        let keys = keys("k2v8Qf0sZ7wL1xR4mN6pT9bC3dE5gH8jW1yU");
        let user = Uuid::new_v4();
        let tenant = Uuid::new_v4();
        let token = keys.issue_access(user, tenant, Uuid::new_v4(), "owner");
        let claims = keys.verify_access(&token).unwrap();
        assert_eq!((claims.sub, claims.tid, claims.role.as_str()), (user, tenant, "owner"));

        assert!(self::keys("another-secret-another-secret-1234").verify_access(&token).is_err());
        let mut tampered = token.clone();
        tampered.pop();
        assert!(keys.verify_access(&tampered).is_err());
        // alg=none: header {"alg":"none","typ":"JWT"} with the same claims and no signature.
        let payload = token.split('.').nth(1).unwrap();
        assert!(keys.verify_access(&format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.")).is_err());
        // Signed with the key, but valid for a day: refused.
        let mut long = claims.clone();
        long.exp = long.iat + 24 * 3600;
        let long = encode(&Header::new(Algorithm::HS256), &long, &keys.encoding).unwrap();
        assert!(keys.verify_access(&long).is_err());
    }

    #[test]
    fn page_access_is_its_own_audience_and_expires_on_the_given_clock() {
        let other = keys("another-secret-that-is-long-enough-000");
        let keys = keys("a-test-secret-that-is-long-enough-000");
        let page = Uuid::new_v4();
        let now = Utc::now();
        let token = keys.issue_page_access(page, 3, now, chrono::Duration::days(30));
        let claims = keys.verify_page_access(&token, now + chrono::Duration::days(29)).unwrap();
        assert_eq!((claims.sub, claims.ver), (page, 3));
        assert!(keys.verify_page_access(&token, now + chrono::Duration::days(30)).is_err());
        assert!(keys.verify_access(&token).is_err(), "a page grant is not an API token");
        let api = keys.issue_access(Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4(), "owner");
        assert!(keys.verify_page_access(&api, now).is_err(), "an API token opens no page");
        assert!(other.verify_page_access(&token, now).is_err());
    }
}
