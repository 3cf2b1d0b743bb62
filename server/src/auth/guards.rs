//! Platform administration: the proof that the caller is a platform admin, and the rule that
//! hides admin operations from everyone else's introspection.

use async_graphql::Context;
use entity::users;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::Principal;
use crate::kernel::ApiError;

/// Whether this request may see platform-admin fields in introspection (decided once per
/// request at the HTTP edge). Seeing is not calling: every admin operation also demands a
/// [`PlatformAdmin`] proof.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdminVisibility(pub bool);

/// `visible = "crate::auth::guards::platform_admin_visible"` on admin fields.
pub fn platform_admin_visible(ctx: &Context<'_>) -> bool {
    ctx.data_opt::<AdminVisibility>().is_some_and(|visibility| visibility.0)
}

/// Proof that the caller is a platform admin. Admin services take one, so they cannot be
/// reached without the check.
#[derive(Debug, Clone, Copy)]
pub struct PlatformAdmin {
    user_id: Uuid,
}

impl PlatformAdmin {
    /// `UNAUTHENTICATED` unless a user is calling (anonymous callers, API keys), `FORBIDDEN` for
    /// users who are not platform admins.
    pub async fn verify(db: &impl ConnectionTrait, principal: &Principal) -> Result<Self, ApiError> {
        let Principal::User { user_id, .. } = principal else {
            return Err(ApiError::Unauthenticated);
        };
        match users::Entity::find_by_id(*user_id).one(db).await? {
            Some(user) if user.is_platform_admin => Ok(Self { user_id: user.id }),
            Some(_) => Err(ApiError::Forbidden),
            None => Err(ApiError::Unauthenticated),
        }
    }

    /// A proof for the `server` CLI, which runs with the operator's authority.
    pub fn command_line() -> Self {
        Self { user_id: Uuid::nil() }
    }

    pub fn user_id(&self) -> Uuid {
        self.user_id
    }
}
