//! The team: members and their roles, invitations by email, and the rules that keep an
//! organization governable — only owners grant or take away ownership, admins cannot touch
//! owners, and the last owner can be neither demoted nor removed.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Duration, Utc};
use entity::memberships::{self, Role};
use entity::{invitations, users};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::accounts::crypto::{self, random_token, sha256_hex};
use crate::accounts::domain::{EmailAddress, Password, parse_name};
use crate::accounts::graphql::{RoleView, UserView};
use crate::accounts::scope::{TenantScope, rank};
use crate::audit::{self, Actor, AuditEvent};
use crate::config::MailSettings;
use crate::graphql::{ApiError, RequestContext};
use crate::mail::Mailer;
use crate::mail::outbox::{self, NewEmail};
use crate::mail::templates::{Invitation as InvitationEmail, Links};

pub const INVITATION_HOURS: u32 = 72;

#[derive(SimpleObject)]
pub struct Member {
    pub user: UserView,
    pub role: RoleView,
    pub joined_at: DateTime<Utc>,
}

#[derive(SimpleObject)]
pub struct PendingInvitation {
    pub id: ID,
    pub email: String,
    pub role: RoleView,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl From<invitations::Model> for PendingInvitation {
    fn from(invitation: invitations::Model) -> Self {
        Self {
            id: ID(invitation.id.to_string()),
            email: invitation.email,
            role: invitation.role.into(),
            created_at: invitation.created_at,
            expires_at: invitation.expires_at,
        }
    }
}

#[derive(InputObject)]
pub struct InviteMemberInput {
    pub email: String,
    pub role: RoleView,
}

#[derive(InputObject)]
pub struct AcceptInvitationInput {
    pub token: String,
    /// Your password: a new one if you have no account yet, your current one otherwise.
    pub password: String,
    /// Needed only when you have no account yet.
    pub name: Option<String>,
}

#[derive(SimpleObject)]
pub struct AcceptedInvitation {
    /// The organization joined; log in to it.
    pub tenant_slug: String,
    pub role: RoleView,
}

#[derive(Default)]
pub struct TeamQuery;

#[Object]
impl TeamQuery {
    /// The organization's members. Everyone in the organization.
    async fn members(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Member>> {
        let scope = TenantScope::require(ctx, Role::Viewer).await?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let rows = memberships::Entity::find()
            .filter(memberships::Column::TenantId.eq(scope.tenant_id()))
            .find_also_related(users::Entity)
            .order_by_asc(memberships::Column::CreatedAt)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        Ok(rows
            .into_iter()
            .filter_map(|(m, u)| {
                u.map(|user| Member { user: user.into(), role: m.role.into(), joined_at: m.created_at })
            })
            .collect())
    }

    /// Invitations not yet accepted, revoked or expired. Owners and admins.
    async fn invitations(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<PendingInvitation>> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let rows = invitations::Entity::find()
            .filter(invitations::Column::TenantId.eq(scope.tenant_id()))
            .filter(invitations::Column::AcceptedAt.is_null())
            .filter(invitations::Column::RevokedAt.is_null())
            .filter(invitations::Column::ExpiresAt.gt(Utc::now()))
            .order_by_desc(invitations::Column::CreatedAt)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(PendingInvitation::from).collect())
    }
}

#[derive(Default)]
pub struct TeamMutation;

#[Object]
impl TeamMutation {
    /// Emails an invitation to join with a role. Owners and admins; only owners invite owners.
    async fn invite_member(
        &self,
        ctx: &Context<'_>,
        input: InviteMemberInput,
    ) -> async_graphql::Result<PendingInvitation> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let inviter = scope.user()?;
        let email = EmailAddress::parse(&input.email).map_err(|message| ApiError::field("email", message))?;
        let role = Role::from(input.role);
        if role == Role::Owner && scope.role() != Role::Owner {
            return Err(ApiError::Forbidden.into());
        }
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        if member_by_email(&txn, scope.tenant_id(), email.as_str()).await?.is_some() {
            return Err(
                ApiError::Conflict { field: "email".into(), message: "already a member".into() }.into()
            );
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
        .await
        .map_err(ApiError::from)?;
        let inviter_user = users::Entity::find_by_id(inviter).one(&txn).await.map_err(ApiError::from)?;
        let tenant =
            entity::tenants::Entity::find_by_id(scope.tenant_id()).one(&txn).await.map_err(ApiError::from)?;
        let links = ctx.data_unchecked::<Links>();
        let content = InvitationEmail {
            inviter: inviter_user.map(|u| u.display_name).unwrap_or_else(|| "A teammate".into()),
            tenant_name: tenant.map(|t| t.name).unwrap_or_default(),
            role: sea_orm::ActiveEnum::to_value(&role),
            link: links.tenant(scope.slug(), &format!("/accept-invitation?token={token}")),
            valid_hours: INVITATION_HOURS,
        }
        .email();
        let mail = NewEmail {
            tenant_id: Some(scope.tenant_id()),
            kind: "invitation",
            recipient: invitation.email.clone(),
            content,
            dedup_key: None,
        };
        outbox::enqueue(&txn, mail, ctx.data_unchecked::<MailSettings>().max_attempts)
            .await
            .map_err(ApiError::from)?;
        record(
            ctx,
            &txn,
            &scope,
            "member.invited",
            "invitation",
            invitation.id,
            serde_json::json!({ "email": invitation.email, "role": format!("{role:?}") }),
        )
        .await?;
        txn.commit().await.map_err(ApiError::from)?;
        ctx.data_unchecked::<Mailer>().wake();
        Ok(invitation.into())
    }

    /// Withdraws a pending invitation. Owners and admins.
    async fn revoke_invitation(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let not_found = || ApiError::NotFound { entity: "invitation" };
        let id = Uuid::parse_str(&id).map_err(|_| not_found())?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        let updated = invitations::Entity::update_many()
            .col_expr(invitations::Column::RevokedAt, Some(Utc::now()).into())
            .filter(invitations::Column::Id.eq(id))
            .filter(invitations::Column::TenantId.eq(scope.tenant_id()))
            .filter(invitations::Column::AcceptedAt.is_null())
            .filter(invitations::Column::RevokedAt.is_null())
            .exec(&txn)
            .await
            .map_err(ApiError::from)?;
        if updated.rows_affected == 0 {
            return Err(not_found().into());
        }
        record(ctx, &txn, &scope, "member.invitation_revoked", "invitation", id, serde_json::json!({}))
            .await?;
        txn.commit().await.map_err(ApiError::from)?;
        Ok(true)
    }

    /// Accepts an invitation from its link: creates your account if you have none (the link
    /// proves the email), or checks your password if you do. Then log in to the organization.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        input: AcceptInvitationInput,
    ) -> async_graphql::Result<AcceptedInvitation> {
        let request = ctx.data_unchecked::<RequestContext>();
        ctx.data_unchecked::<crate::accounts::limits::AuthLimits>().check(
            crate::accounts::limits::Action::Verification,
            request.client_ip,
            None,
        )?;
        let invalid = || ApiError::field("token", "this invitation is invalid or has expired");
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let invitation = invitations::Entity::find()
            .filter(invitations::Column::TokenHash.eq(sha256_hex(input.token.trim())))
            .one(db)
            .await
            .map_err(ApiError::from)?
            .ok_or_else(invalid)?;
        let now = Utc::now();
        if invitation.accepted_at.is_some() || invitation.revoked_at.is_some() || invitation.expires_at <= now
        {
            return Err(invalid().into());
        }
        let existing = users::Entity::find()
            .filter(users::Column::Email.eq(&invitation.email))
            .one(db)
            .await
            .map_err(ApiError::from)?;
        let new_user = match &existing {
            Some(user) => {
                let stored = user.password_hash.clone().unwrap_or_else(|| crypto::dummy_hash().to_owned());
                if !crypto::verify_password(input.password.clone(), stored).await {
                    return Err(ApiError::field("password", "is wrong").into());
                }
                None
            }
            None => {
                let name = parse_name(input.name.as_deref().unwrap_or_default())
                    .map_err(|m| ApiError::field("name", m))?;
                let password =
                    Password::parse(&input.password).map_err(|m| ApiError::field("password", m))?;
                Some((
                    name,
                    crypto::hash_password(password.expose().to_owned()).await.map_err(ApiError::from)?,
                ))
            }
        };
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        // Single use, even under concurrent accepts.
        let claimed = invitations::Entity::update_many()
            .col_expr(invitations::Column::AcceptedAt, Some(now).into())
            .filter(invitations::Column::Id.eq(invitation.id))
            .filter(invitations::Column::AcceptedAt.is_null())
            .filter(invitations::Column::RevokedAt.is_null())
            .exec(&txn)
            .await
            .map_err(ApiError::from)?;
        if claimed.rows_affected != 1 {
            return Err(invalid().into());
        }
        let user_id = match (existing, new_user) {
            (Some(user), _) => {
                if user.email_verified_at.is_none() {
                    users::Entity::update_many()
                        .col_expr(users::Column::EmailVerifiedAt, Some(now).into())
                        .filter(users::Column::Id.eq(user.id))
                        .exec(&txn)
                        .await
                        .map_err(ApiError::from)?;
                }
                user.id
            }
            (None, Some((name, hash))) => {
                users::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    email: Set(invitation.email.clone()),
                    display_name: Set(name),
                    password_hash: Set(Some(hash)),
                    email_verified_at: Set(Some(now)),
                    is_platform_admin: Set(false),
                    created_at: Set(now),
                    updated_at: Set(now),
                }
                .insert(&txn)
                .await
                .map_err(ApiError::from)?
                .id
            }
            (None, None) => unreachable!("a new user always has a name and password here"),
        };
        if member_of(&txn, invitation.tenant_id, user_id).await?.is_none() {
            memberships::ActiveModel {
                id: Set(Uuid::now_v7()),
                tenant_id: Set(invitation.tenant_id),
                user_id: Set(user_id),
                role: Set(invitation.role),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await
            .map_err(ApiError::from)?;
        }
        audit::record(
            &txn,
            request,
            AuditEvent {
                tenant_id: invitation.tenant_id,
                actor: Actor::User(user_id),
                action: "member.joined",
                entity_type: "user",
                entity_id: Some(user_id),
                changes: serde_json::json!({ "email": invitation.email, "role": format!("{:?}", invitation.role) }),
            },
        )
        .await
        .map_err(ApiError::from)?;
        let tenant = entity::tenants::Entity::find_by_id(invitation.tenant_id)
            .one(&txn)
            .await
            .map_err(ApiError::from)?;
        txn.commit().await.map_err(ApiError::from)?;
        Ok(AcceptedInvitation {
            tenant_slug: tenant.map(|t| t.slug).unwrap_or_default(),
            role: invitation.role.into(),
        })
    }

    /// Changes a member's role. Owners and admins; only owners grant or remove ownership; the
    /// last owner keeps it. Someone outside the organization is `NOT_FOUND`.
    async fn change_member_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        role: RoleView,
    ) -> async_graphql::Result<Member> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let new_role = Role::from(role);
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        let membership = target(&txn, &scope, &user_id).await?;
        guard_owner_change(&txn, &scope, &membership, Some(new_role)).await?;
        let previous = membership.role;
        let mut active: memberships::ActiveModel = membership.into();
        active.role = Set(new_role);
        active.updated_at = Set(Utc::now());
        let membership = active.update(&txn).await.map_err(ApiError::from)?;
        record(
            ctx,
            &txn,
            &scope,
            "member.role_changed",
            "user",
            membership.user_id,
            serde_json::json!({ "role": { "from": format!("{previous:?}"), "to": format!("{new_role:?}") } }),
        )
        .await?;
        let user = users::Entity::find_by_id(membership.user_id).one(&txn).await.map_err(ApiError::from)?;
        txn.commit().await.map_err(ApiError::from)?;
        let user = user.ok_or(ApiError::NotFound { entity: "member" })?;
        Ok(Member { user: user.into(), role: membership.role.into(), joined_at: membership.created_at })
    }

    /// Removes a member and ends their sessions in this organization. Owners and admins; the
    /// last owner cannot be removed.
    async fn remove_member(&self, ctx: &Context<'_>, user_id: ID) -> async_graphql::Result<bool> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        let membership = target(&txn, &scope, &user_id).await?;
        guard_owner_change(&txn, &scope, &membership, None).await?;
        memberships::Entity::delete_by_id(membership.id).exec(&txn).await.map_err(ApiError::from)?;
        entity::refresh_tokens::Entity::update_many()
            .col_expr(entity::refresh_tokens::Column::RevokedAt, Some(Utc::now()).into())
            .filter(entity::refresh_tokens::Column::UserId.eq(membership.user_id))
            .filter(entity::refresh_tokens::Column::TenantId.eq(scope.tenant_id()))
            .filter(entity::refresh_tokens::Column::RevokedAt.is_null())
            .exec(&txn)
            .await
            .map_err(ApiError::from)?;
        record(
            ctx,
            &txn,
            &scope,
            "member.removed",
            "user",
            membership.user_id,
            serde_json::json!({ "role": format!("{:?}", membership.role) }),
        )
        .await?;
        txn.commit().await.map_err(ApiError::from)?;
        Ok(true)
    }
}

async fn record(
    ctx: &Context<'_>,
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    action: &str,
    entity_type: &str,
    entity_id: Uuid,
    changes: serde_json::Value,
) -> Result<(), ApiError> {
    audit::record(
        db,
        ctx.data_unchecked::<RequestContext>(),
        AuditEvent {
            tenant_id: scope.tenant_id(),
            actor: scope.actor(),
            action,
            entity_type,
            entity_id: Some(entity_id),
            changes,
        },
    )
    .await
    .map_err(ApiError::from)
}

/// The membership of `user_id` in the caller's tenant; a foreign or unknown id is `NOT_FOUND`.
async fn target(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    user_id: &ID,
) -> Result<memberships::Model, ApiError> {
    let not_found = || ApiError::NotFound { entity: "member" };
    let user_id = Uuid::parse_str(user_id).map_err(|_| not_found())?;
    member_of(db, scope.tenant_id(), user_id).await?.ok_or_else(not_found)
}

async fn member_of(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    user_id: Uuid,
) -> Result<Option<memberships::Model>, ApiError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::TenantId.eq(tenant_id))
        .filter(memberships::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

async fn member_by_email(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    email: &str,
) -> Result<Option<memberships::Model>, ApiError> {
    let Some(user) = users::Entity::find().filter(users::Column::Email.eq(email)).one(db).await? else {
        return Ok(None);
    };
    member_of(db, tenant_id, user.id).await
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
    if rank(scope.role()) < rank(membership.role) {
        return Err(ApiError::Forbidden);
    }
    let stays_owner = new_role == Some(Role::Owner);
    if membership.role == Role::Owner && !stays_owner {
        let owners = memberships::Entity::find()
            .filter(memberships::Column::TenantId.eq(scope.tenant_id()))
            .filter(memberships::Column::Role.eq(Role::Owner))
            .count(db)
            .await?;
        if owners <= 1 {
            return Err(ApiError::Conflict {
                field: "userId".into(),
                message: "the last owner cannot be removed or demoted".into(),
            });
        }
    }
    Ok(())
}
