//! The team over GraphQL.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::invitations;
use sea_orm::DatabaseConnection;

use super::service;
use crate::accounts::domain::EmailAddress;
use crate::accounts::graphql::types::User;
use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::auth::limits::{Action, AuthLimits};
use crate::kernel::ids::parse_id;
use crate::kernel::{ApiError, Links, RequestMeta};
use crate::mail::Outbox;
use crate::tenancy::graphql::Role;

#[derive(SimpleObject)]
pub struct Member {
    pub user: User,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

impl From<service::Member> for Member {
    fn from(member: service::Member) -> Self {
        Self { user: member.user.into(), role: member.role.into(), joined_at: member.created_at }
    }
}

/// An invitation not yet accepted, revoked or expired.
#[derive(SimpleObject)]
pub struct Invitation {
    pub id: ID,
    pub email: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl From<invitations::Model> for Invitation {
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
    pub role: Role,
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
pub struct AcceptInvitationPayload {
    /// The organization joined; log in to it.
    pub tenant_slug: String,
    pub role: Role,
}

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn audit(ctx: &Context<'_>) -> AuditContext {
    AuditContext::from(ctx.data_unchecked::<RequestMeta>())
}

/// An invitation as its link shows it, before accepting.
#[derive(SimpleObject)]
pub struct InvitationPreview {
    pub email: String,
    pub role: Role,
    pub tenant_name: String,
    pub tenant_slug: String,
    /// Who sent it, if they are still known.
    pub inviter_name: Option<String>,
    /// The address has an account: accept with its password. Otherwise choose a name and one.
    pub existing_account: bool,
    pub expires_at: DateTime<Utc>,
}

#[derive(Default)]
pub struct TeamQuery;

#[Object]
impl TeamQuery {
    /// The organization's members. Everyone in the organization.
    async fn members(&self, ctx: &Context<'_>) -> Result<Vec<Member>, ApiError> {
        let scope = scope(ctx).await?;
        Ok(service::members(db(ctx), &scope).await?.into_iter().map(Member::from).collect())
    }

    /// The invitation behind a link's token, to show before accepting. Needs no login; an
    /// unknown, used or expired token is `BAD_USER_INPUT` on `token`.
    async fn invitation(&self, ctx: &Context<'_>, token: String) -> Result<InvitationPreview, ApiError> {
        let request = ctx.data_unchecked::<RequestMeta>();
        ctx.data_unchecked::<AuthLimits>().check(Action::Verification, request.client_ip, None)?;
        let preview = service::preview(db(ctx), &token).await?;
        Ok(InvitationPreview {
            email: preview.invitation.email,
            role: preview.invitation.role.into(),
            tenant_name: preview.tenant_name,
            tenant_slug: preview.tenant_slug,
            inviter_name: preview.inviter_name,
            existing_account: preview.existing_account,
            expires_at: preview.invitation.expires_at,
        })
    }

    /// Invitations not yet accepted, revoked or expired. Owners and admins.
    async fn invitations(&self, ctx: &Context<'_>) -> Result<Vec<Invitation>, ApiError> {
        let scope = scope(ctx).await?;
        Ok(service::pending_invitations(db(ctx), &scope).await?.into_iter().map(Invitation::from).collect())
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
    ) -> Result<Invitation, ApiError> {
        let scope = scope(ctx).await?;
        let email = EmailAddress::parse(&input.email).map_err(|message| ApiError::field("email", message))?;
        let (outbox, links) = (ctx.data_unchecked::<Outbox>(), ctx.data_unchecked::<Links>());
        let invitation =
            service::invite(db(ctx), outbox, links, &audit(ctx), &scope, email, input.role.into()).await?;
        Ok(invitation.into())
    }

    /// Withdraws a pending invitation. Owners and admins.
    async fn revoke_invitation(&self, ctx: &Context<'_>, id: ID) -> Result<bool, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "invitation")?;
        service::revoke_invitation(db(ctx), &audit(ctx), &scope, id).await?;
        Ok(true)
    }

    /// Accepts an invitation from its link: creates your account if you have none (the link
    /// proves the email), or checks your password if you do. Then log in to the organization.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        input: AcceptInvitationInput,
    ) -> Result<AcceptInvitationPayload, ApiError> {
        let request = ctx.data_unchecked::<RequestMeta>();
        ctx.data_unchecked::<AuthLimits>().check(Action::Verification, request.client_ip, None)?;
        let accepted =
            service::accept_invitation(db(ctx), &audit(ctx), &input.token, input.password, input.name)
                .await?;
        Ok(AcceptInvitationPayload { tenant_slug: accepted.tenant_slug, role: accepted.role.into() })
    }

    /// Changes a member's role. Owners and admins; only owners grant or remove ownership; the
    /// last owner keeps it. Someone outside the organization is `NOT_FOUND`.
    async fn change_member_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        role: Role,
    ) -> Result<Member, ApiError> {
        let scope = scope(ctx).await?;
        let user_id = parse_id(&user_id, "member")?;
        Ok(service::change_role(db(ctx), &audit(ctx), &scope, user_id, role.into()).await?.into())
    }

    /// Removes a member and ends their sessions in this organization. Owners and admins; the
    /// last owner cannot be removed.
    async fn remove_member(&self, ctx: &Context<'_>, user_id: ID) -> Result<bool, ApiError> {
        let scope = scope(ctx).await?;
        let user_id = parse_id(&user_id, "member")?;
        service::remove_member(db(ctx), &audit(ctx), &scope, user_id).await?;
        Ok(true)
    }
}
