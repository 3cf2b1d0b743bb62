//! Team services. Each takes the caller's scope and an audit context and runs in one
//! transaction; invitations are emailed through the outbox.

use chrono::{DateTime, Duration, Utc};
use entity::invitations;
use entity::memberships::{self, Role};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DerivePartialModel,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::accounts::domain::{EmailAddress, Password};
use crate::accounts::sessions;
use crate::accounts::users::{self, NewUser, Profile};
use crate::audit::{self, AuditContext, AuditEvent, actions};
use crate::auth::TenantScope;
use crate::auth::crypto::{self, random_token, sha256_hex};
use crate::kernel::input::parse_name;
use crate::kernel::{Actor, ApiError, Links};
use crate::mail::templates::Invitation as InvitationEmail;
use crate::mail::{NewEmail, Outbox};
use crate::tenancy::memberships as membership_rows;

pub const INVITATION_HOURS: u32 = 72;

/// A member as the team page shows them: one query, only the columns it needs.
#[derive(Debug, Clone, DerivePartialModel)]
#[sea_orm(entity = "memberships::Entity")]
pub struct Member {
    pub role: Role,
    pub created_at: DateTime<Utc>,
    #[sea_orm(nested)]
    pub user: Profile,
}

/// The organization's members, oldest first. Everyone in it.
pub async fn members(db: &DatabaseConnection, scope: &TenantScope) -> Result<Vec<Member>, ApiError> {
    scope.require(Role::Viewer)?;
    Ok(scope
        .find::<memberships::Entity>()
        .inner_join(entity::users::Entity)
        .order_by_asc(memberships::Column::CreatedAt)
        .into_partial_model::<Member>()
        .all(db)
        .await?)
}

/// Invitations not yet accepted, revoked or expired, newest first. Owners and admins.
pub async fn pending_invitations(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<Vec<invitations::Model>, ApiError> {
    scope.require(Role::Admin)?;
    Ok(scope
        .find::<invitations::Entity>()
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .filter(invitations::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(invitations::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Emails an invitation to join with a role. Owners and admins (as themselves); only owners
/// invite owners.
pub async fn invite(
    db: &DatabaseConnection,
    outbox: &Outbox,
    links: &Links,
    audit: &AuditContext,
    scope: &TenantScope,
    email: EmailAddress,
    role: Role,
) -> Result<invitations::Model, ApiError> {
    scope.require(Role::Admin)?;
    let inviter = scope.user()?;
    if role == Role::Owner && scope.role() != Role::Owner {
        return Err(ApiError::Forbidden);
    }
    let txn = crate::db::begin_write(db).await?;
    if member_by_email(&txn, scope.tenant_id(), email.as_str()).await?.is_some() {
        return Err(ApiError::conflict("email", "already a member"));
    }
    let token = random_token();
    let now = Utc::now();
    let invitation = invitations::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(scope.tenant_id()),
        email: Set(email.as_str().to_owned()),
        role: Set(role),
        token_hash: Set(sha256_hex(&token)),
        invited_by: Set(Some(inviter)),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(i64::from(INVITATION_HOURS))),
        accepted_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let inviter_name = users::profile(&txn, inviter).await?.map(|u| u.display_name);
    let tenant = crate::tenancy::tenants::current(&txn, scope).await?;
    let content = InvitationEmail {
        inviter: inviter_name.unwrap_or_else(|| "A teammate".into()),
        tenant_name: tenant.name,
        role: role.to_value(),
        link: links.tenant(scope.slug(), &format!("/accept-invitation?token={token}")),
        valid_hours: INVITATION_HOURS,
    };
    let mail = NewEmail {
        tenant_id: Some(scope.tenant_id()),
        kind: "invitation",
        recipient: invitation.email.clone(),
        content: content.email(),
        dedup_key: None,
        list_unsubscribe: None,
    };
    outbox.enqueue(&txn, mail).await?;
    let changes = serde_json::json!({ "email": invitation.email, "role": role.to_value() });
    audit::record_in(&txn, audit, scope, actions::MEMBER_INVITED, ("invitation", invitation.id), changes)
        .await?;
    txn.commit().await?;
    outbox.wake();
    Ok(invitation)
}

/// Withdraws a pending invitation. Owners and admins; another organization's is `NOT_FOUND`.
pub async fn revoke_invitation(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<(), ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let updated = scope
        .update_many::<invitations::Entity>()
        .col_expr(invitations::Column::RevokedAt, Some(Utc::now()).into())
        .filter(invitations::Column::Id.eq(id))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(ApiError::not_found("invitation"));
    }
    let changes = serde_json::json!({});
    audit::record_in(&txn, audit, scope, actions::MEMBER_INVITATION_REVOKED, ("invitation", id), changes)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// What the invitee joined.
pub struct Accepted {
    pub tenant_slug: String,
    pub role: Role,
}

/// Accepts an invitation from its link and adds the membership. An invitee with an account
/// proves it with their current `password`; one without gets an account (the link proves the
/// email) with `name` and `password` as the new password.
pub async fn accept_invitation(
    db: &DatabaseConnection,
    audit: &AuditContext,
    token: &str,
    password: String,
    name: Option<String>,
) -> Result<Accepted, ApiError> {
    let now = Utc::now();
    let invitation = open_invitation(db, token, now).await?;
    let existing = users::find_by_email(db, &invitation.email).await?;
    let new_user = match &existing {
        Some(user) => {
            if !users::password_matches(db, user.id, password).await? {
                return Err(ApiError::field("password", "is wrong"));
            }
            None
        }
        None => {
            let name =
                parse_name(name.as_deref().unwrap_or_default()).map_err(|m| ApiError::field("name", m))?;
            let password = Password::parse(&password).map_err(|m| ApiError::field("password", m))?;
            Some((name, crypto::hash_password(password.expose().to_owned()).await?))
        }
    };
    let txn = crate::db::begin_write(db).await?;
    // Single use, even under concurrent accepts.
    let claimed = invitations::Entity::update_many()
        .col_expr(invitations::Column::AcceptedAt, Some(now).into())
        .filter(invitations::Column::Id.eq(invitation.id))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(invalid_invitation());
    }
    let user_id = match (existing, new_user) {
        (Some(user), _) => {
            users::mark_verified(&txn, user.id, now).await?;
            user.id
        }
        (None, Some((name, hash))) => {
            let email = EmailAddress::parse(&invitation.email).map_err(|_| invalid_invitation())?;
            let new = NewUser {
                email: &email,
                name,
                password_hash: hash,
                verified_at: Some(now),
                platform_admin: false,
            };
            users::insert(&txn, new, now).await?.id
        }
        (None, None) => return Err(ApiError::internal("a new invitee without credentials")),
    };
    if membership_rows::find(&txn, invitation.tenant_id, user_id).await?.is_none() {
        membership_rows::insert(&txn, invitation.tenant_id, user_id, invitation.role, now).await?;
    }
    let event = AuditEvent {
        tenant_id: invitation.tenant_id,
        actor: Actor::User(user_id),
        action: actions::MEMBER_JOINED,
        entity_type: "user",
        entity_id: Some(user_id),
        changes: serde_json::json!({ "email": invitation.email, "role": invitation.role.to_value() }),
    };
    audit::record(&txn, audit, event).await?;
    let tenant = crate::tenancy::tenants::by_id(&txn, invitation.tenant_id).await?;
    txn.commit().await?;
    Ok(Accepted { tenant_slug: tenant.map(|t| t.slug).unwrap_or_default(), role: invitation.role })
}

/// What an invitation link shows before it is accepted.
pub struct Preview {
    pub invitation: invitations::Model,
    pub tenant_name: String,
    pub tenant_slug: String,
    pub inviter_name: Option<String>,
    /// Whether the invited address already has an account (then the invitee signs in).
    pub existing_account: bool,
}

/// The invitation behind a link; unknown, used, revoked and expired links are the same
/// `BAD_USER_INPUT`. Only the link's holder learns its details.
pub async fn preview(db: &DatabaseConnection, token: &str) -> Result<Preview, ApiError> {
    let invitation = open_invitation(db, token, Utc::now()).await?;
    let tenant =
        crate::tenancy::tenants::by_id(db, invitation.tenant_id).await?.ok_or_else(invalid_invitation)?;
    let inviter_name = match invitation.invited_by {
        Some(inviter) => users::profile(db, inviter).await?.map(|user| user.display_name),
        None => None,
    };
    let existing_account = users::find_by_email(db, &invitation.email).await?.is_some();
    Ok(Preview {
        tenant_name: tenant.name,
        tenant_slug: tenant.slug,
        inviter_name,
        existing_account,
        invitation,
    })
}

/// Changes a member's role. Owners and admins; only owners grant or remove ownership; the last
/// owner keeps it. Someone outside the organization is `NOT_FOUND`.
pub async fn change_role(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    user_id: Uuid,
    new_role: Role,
) -> Result<Member, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let membership = target(&txn, scope, user_id).await?;
    guard_owner_change(&txn, scope, &membership, Some(new_role)).await?;
    let previous = membership.role;
    let mut active: memberships::ActiveModel = membership.into();
    active.role = Set(new_role);
    active.updated_at = Set(Utc::now());
    let membership = active.update(&txn).await?;
    let changes = serde_json::json!({ "role": { "from": previous.to_value(), "to": new_role.to_value() } });
    audit::record_in(&txn, audit, scope, actions::MEMBER_ROLE_CHANGED, ("user", membership.user_id), changes)
        .await?;
    let user = users::profile(&txn, membership.user_id).await?.ok_or(ApiError::not_found("member"))?;
    txn.commit().await?;
    Ok(Member { role: membership.role, created_at: membership.created_at, user })
}

/// Removes a member and ends their sessions in this organization. Owners and admins; the last
/// owner cannot be removed.
pub async fn remove_member(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    user_id: Uuid,
) -> Result<(), ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let membership = target(&txn, scope, user_id).await?;
    guard_owner_change(&txn, scope, &membership, None).await?;
    scope
        .delete_many::<memberships::Entity>()
        .filter(memberships::Column::Id.eq(membership.id))
        .exec(&txn)
        .await?;
    sessions::revoke_user_in_tenant(&txn, membership.user_id, scope.tenant_id()).await?;
    let changes = serde_json::json!({ "role": membership.role.to_value() });
    audit::record_in(&txn, audit, scope, actions::MEMBER_REMOVED, ("user", membership.user_id), changes)
        .await?;
    txn.commit().await?;
    Ok(())
}

fn invalid_invitation() -> ApiError {
    ApiError::field("token", "this invitation is invalid or has expired")
}

async fn open_invitation(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<invitations::Model, ApiError> {
    let invitation = invitations::Entity::find()
        .filter(invitations::Column::TokenHash.eq(sha256_hex(token.trim())))
        .one(db)
        .await?
        .ok_or_else(invalid_invitation)?;
    if invitation.accepted_at.is_some() || invitation.revoked_at.is_some() || invitation.expires_at <= now {
        return Err(invalid_invitation());
    }
    Ok(invitation)
}

/// The membership of `user_id` in the caller's tenant; a foreign or unknown id is `NOT_FOUND`.
async fn target(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    user_id: Uuid,
) -> Result<memberships::Model, ApiError> {
    scope
        .find::<memberships::Entity>()
        .filter(memberships::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(ApiError::not_found("member"))
}

async fn member_by_email(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    email: &str,
) -> Result<Option<memberships::Model>, ApiError> {
    let Some(user) = users::find_by_email(db, email).await? else {
        return Ok(None);
    };
    membership_rows::find(db, tenant_id, user.id).await
}

/// Admins cannot touch owners or grant ownership; the last owner stays an owner.
async fn guard_owner_change(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    membership: &memberships::Model,
    new_role: Option<Role>,
) -> Result<(), ApiError> {
    let touches_owner = membership.role == Role::Owner || new_role == Some(Role::Owner);
    if touches_owner && scope.role() != Role::Owner {
        return Err(ApiError::Forbidden);
    }
    if !scope.role().at_least(membership.role) {
        return Err(ApiError::Forbidden);
    }
    if membership.role == Role::Owner && new_role != Some(Role::Owner) {
        let owners = scope
            .find::<memberships::Entity>()
            .filter(memberships::Column::Role.eq(Role::Owner))
            .count(db)
            .await?;
        if owners <= 1 {
            return Err(ApiError::conflict("userId", "the last owner cannot be removed or demoted"));
        }
    }
    Ok(())
}
