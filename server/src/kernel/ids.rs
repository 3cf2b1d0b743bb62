//! Ids arrive as opaque strings. A malformed id is answered exactly like a missing or foreign
//! one (`NOT_FOUND`), so probing with junk learns nothing.

use uuid::Uuid;

use super::ApiError;

pub fn parse_id(raw: &str, entity: &'static str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(raw.trim()).map_err(|_| ApiError::NotFound { entity })
}

/// An id used as a filter: a malformed one is a `BAD_USER_INPUT` on `field`.
pub fn parse_filter_id(raw: &str, field: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(raw.trim()).map_err(|_| ApiError::field(field, "is not an id"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_ids_are_not_found() {
        let id = Uuid::now_v7();
        assert_eq!(parse_id(&format!(" {id} "), "thing").unwrap(), id);
        assert!(matches!(parse_id("1 OR 1=1", "thing"), Err(ApiError::NotFound { entity: "thing" })));
        assert!(matches!(parse_filter_id("x", "filter.entityId"), Err(ApiError::BadUserInput { .. })));
    }
}
