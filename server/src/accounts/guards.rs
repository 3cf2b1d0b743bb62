//! Field guards. A guard reads the principal from the request context; nothing else decides
//! access.

use async_graphql::{Context, Guard};
use entity::users;
use sea_orm::{DatabaseConnection, EntityTrait};

use super::Principal;
use crate::graphql::ApiError;

/// Platform-admin fields are hidden from everyone else's introspection (GraphiQL shows them
/// only to admins); the guard below still refuses them if called blind.
pub fn platform_admin_visible(ctx: &Context<'_>) -> bool {
    ctx.data_opt::<crate::graphql::RequestContext>().is_some_and(|request| request.platform_admin)
}

/// Only platform admins (users with `is_platform_admin`) pass; anonymous callers get
/// `UNAUTHENTICATED`, everyone else `FORBIDDEN`.
pub struct PlatformAdmin;

impl Guard for PlatformAdmin {
    async fn check(&self, ctx: &Context<'_>) -> async_graphql::Result<()> {
        let Some(Principal::User { user_id, .. }) = ctx.data_opt::<Principal>() else {
            return Err(ApiError::Unauthenticated.into());
        };
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let user = users::Entity::find_by_id(*user_id).one(db).await.map_err(ApiError::from)?;
        match user {
            Some(user) if user.is_platform_admin => Ok(()),
            Some(_) => Err(ApiError::Forbidden.into()),
            None => Err(ApiError::Unauthenticated.into()),
        }
    }
}
