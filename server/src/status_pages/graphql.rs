//! Status pages over GraphQL: managing them (viewers read; members and above change them) and
//! `publicStatusPage`, which anyone may ask on a tenant's host without logging in.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject, Upload};
use chrono::{DateTime, NaiveDate, Utc};
use entity::{status_page_components, status_pages};
use sea_orm::DatabaseConnection;

use super::branding;
use super::cache::PublicPageCache;
use super::domains;
use super::pages::{self, ComponentDraft, PageDraft};
use super::public::{self, ComponentStatus, PublicPage};
use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::kernel::ids::parse_id;
use crate::kernel::input::single_line;
use crate::kernel::{ApiError, FieldErrors, Links, RequestMeta, SharedClock};
use crate::probe::Prober;
use crate::tenancy::hostnames::HostnameRegistry;

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn now(ctx: &Context<'_>) -> DateTime<Utc> {
    ctx.data_unchecked::<SharedClock>().now()
}

fn audit(ctx: &Context<'_>) -> AuditContext {
    AuditContext::from(ctx.data_unchecked::<RequestMeta>())
}

fn cache<'a>(ctx: &'a Context<'_>) -> Option<&'a PublicPageCache> {
    ctx.data_opt::<PublicPageCache>()
}

/// A page as its organization manages it.
#[derive(SimpleObject)]
pub struct StatusPage {
    pub id: ID,
    /// Empty for the default page at `/` of the organization's host; otherwise its path.
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Detected outages of its components are published as incidents without a click.
    pub auto_publish_outages: bool,
    /// Its logo and favicon (paths on its host), if set.
    pub logo_url: Option<String>,
    pub favicon_url: Option<String>,
    /// Where the public sees it.
    pub url: String,
    /// Its outages and maintenance as feeds.
    pub rss_url: String,
    pub atom_url: String,
    pub components: Vec<StatusPageComponent>,
    /// Custom domains serving this page.
    pub domains: Vec<CustomDomain>,
    /// Who may see it.
    pub access: super::access_graphql::StatusPageAccess,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A monitor on a page, under the name the public sees.
#[derive(SimpleObject)]
pub struct StatusPageComponent {
    /// The component's own id (not the monitor's): what its public badges are addressed by.
    pub id: ID,
    pub monitor_id: ID,
    pub name: String,
    /// Empty outside any group.
    pub group: String,
    /// SVG badges for READMEs: current status, uptime over 30 days (`?days=1..90`), average
    /// response time over the last day.
    pub status_badge_url: String,
    pub uptime_badge_url: String,
    pub response_badge_url: String,
}

impl StatusPage {
    /// `host` is the organization's public URL without a path (`https://acme.example.com`).
    fn new(page: status_pages::Model, components: Vec<status_page_components::Model>, host: &str) -> Self {
        let path = if page.slug.is_empty() { String::new() } else { format!("/{}", page.slug) };
        let badge = |id: uuid::Uuid, file: &str| format!("{host}/badges/{id}/{file}");
        Self {
            id: ID(page.id.to_string()),
            access: super::access_graphql::StatusPageAccess::of(&page),
            url: format!("{host}{}", if path.is_empty() { "/" } else { &path }),
            rss_url: format!("{host}{path}/feed.rss"),
            atom_url: format!("{host}{path}/feed.atom"),
            slug: page.slug,
            title: page.title,
            description: page.description,
            auto_publish_outages: page.auto_publish_outages,
            logo_url: None,
            favicon_url: None,
            components: components
                .into_iter()
                .map(|c| StatusPageComponent {
                    id: ID(c.id.to_string()),
                    monitor_id: ID(c.monitor_id.to_string()),
                    status_badge_url: badge(c.id, "status.svg"),
                    uptime_badge_url: badge(c.id, "uptime.svg"),
                    response_badge_url: badge(c.id, "response.svg"),
                    name: c.name,
                    group: c.group_name,
                })
                .collect(),
            domains: Vec::new(),
            created_at: page.created_at,
            updated_at: page.updated_at,
        }
    }
}

#[derive(InputObject)]
pub struct StatusPageInput {
    /// Empty for the default page at `/`; otherwise 1 to 40 of a-z 0-9 and '-'.
    #[graphql(default)]
    pub slug: String,
    pub title: String,
    #[graphql(default)]
    pub description: String,
    /// Publish detected outages of its components as incidents without a click.
    #[graphql(default)]
    pub auto_publish_outages: bool,
}

#[derive(InputObject)]
pub struct StatusPageComponentInput {
    pub monitor_id: ID,
    /// The name the public sees.
    pub name: String,
    #[graphql(default)]
    pub group: String,
}

fn parse_page(input: StatusPageInput) -> Result<PageDraft, ApiError> {
    let mut errors = FieldErrors::default();
    let slug = errors.check("slug", pages::parse_slug(&input.slug));
    let title = errors.check("title", pages::parse_title(&input.title));
    let description = errors.check("description", pages::parse_description(&input.description));
    errors.into_result()?;
    match (slug, title, description) {
        (Some(slug), Some(title), Some(description)) => {
            Ok(PageDraft { slug, title, description, auto_publish_outages: input.auto_publish_outages })
        }
        _ => Err(ApiError::internal("page input parsed without errors")),
    }
}

fn parse_components(inputs: Vec<StatusPageComponentInput>) -> Result<Vec<ComponentDraft>, ApiError> {
    let mut errors = FieldErrors::default();
    let mut drafts = Vec::with_capacity(inputs.len());
    for (index, input) in inputs.into_iter().enumerate() {
        let name = errors.check(&format!("components.{index}.name"), pages::parse_title(&input.name));
        let group = errors.check(
            &format!("components.{index}.group"),
            single_line(input.group.trim()).map(str::to_owned).and_then(|group| {
                if group.chars().count() > 80 {
                    Err("must be at most 80 characters".into())
                } else {
                    Ok(group)
                }
            }),
        );
        let monitor_id = parse_id(&input.monitor_id, "monitor")?;
        if let (Some(name), Some(group)) = (name, group) {
            drafts.push(ComponentDraft { monitor_id, name, group });
        }
    }
    errors.into_result()?;
    Ok(drafts)
}

pub(super) async fn page_out(ctx: &Context<'_>, page: status_pages::Model) -> Result<StatusPage, ApiError> {
    let scope = scope(ctx).await?;
    let components = pages::components(db(ctx), &scope, page.id).await?;
    let domains = domains::of_page(db(ctx), &scope, page.id).await?;
    let tenant = crate::tenancy::tenants::current(db(ctx), &scope).await?;
    let links = ctx.data_unchecked::<Links>();
    let (host, target) = (url_of(links, &tenant.slug), links.tenant_host(&tenant.slug));
    let (logo_url, favicon_url) = super::branding::paths(db(ctx), &page).await?;
    let mut page = StatusPage::new(page, components, &host);
    (page.logo_url, page.favicon_url) = (logo_url, favicon_url);
    page.domains = domains.into_iter().map(|domain| CustomDomain::new(domain, &target)).collect();
    Ok(page)
}

/// The organization's Beacon host, which a custom domain's CNAME points to.
async fn target_host(ctx: &Context<'_>, scope: &crate::auth::TenantScope) -> Result<String, ApiError> {
    let tenant = crate::tenancy::tenants::current(db(ctx), scope).await?;
    Ok(ctx.data_unchecked::<Links>().tenant_host(&tenant.slug))
}

/// A hostname of the organization's own that serves a status page once verified.
#[derive(SimpleObject)]
pub struct CustomDomain {
    pub id: ID,
    pub hostname: String,
    /// Verified domains get a certificate on their first visit and serve the page.
    pub verified: bool,
    pub verified_at: Option<DateTime<Utc>>,
    /// Create one of these records at your DNS provider, then verify.
    pub dns_records: Vec<DnsRecord>,
}

#[derive(SimpleObject)]
pub struct DnsRecord {
    /// `CNAME` or `TXT`.
    pub r#type: String,
    pub name: String,
    pub value: String,
}

impl CustomDomain {
    fn new(domain: entity::tenant_domains::Model, target: &str) -> Self {
        let token = domain.verification_token.clone().unwrap_or_default();
        Self {
            id: ID(domain.id.to_string()),
            dns_records: vec![
                DnsRecord { r#type: "CNAME".into(), name: domain.hostname.clone(), value: target.to_owned() },
                DnsRecord {
                    r#type: "TXT".into(),
                    name: format!("{}.{}", domains::CHALLENGE_LABEL, domain.hostname),
                    value: token,
                },
            ],
            verified: domain.verified_at.is_some(),
            verified_at: domain.verified_at,
            hostname: domain.hostname,
        }
    }
}

/// The organization's public URL without a path.
async fn tenant_url(ctx: &Context<'_>, scope: &crate::auth::TenantScope) -> Result<String, ApiError> {
    let tenant = crate::tenancy::tenants::current(db(ctx), scope).await?;
    Ok(url_of(ctx.data_unchecked::<Links>(), &tenant.slug))
}

fn url_of(links: &Links, slug: &str) -> String {
    links.tenant(slug, "/").trim_end_matches('/').to_owned()
}

/// Visitors see a change at once: this process's cached pages go now, every process's when
/// the change notice reaches it.
pub(super) async fn changed(ctx: &Context<'_>, tenant_id: uuid::Uuid) {
    if let Some(cache) = cache(ctx) {
        cache.invalidate_tenant(tenant_id);
    }
    if let Some(events) = ctx.data_opt::<crate::monitoring::events::MonitorEvents>() {
        events.setup_changed(db(ctx), tenant_id).await;
    }
}

#[derive(Default)]
pub struct StatusPagesQuery;

#[Object]
impl StatusPagesQuery {
    /// This organization's status pages, the default one first.
    async fn status_pages(&self, ctx: &Context<'_>) -> Result<Vec<StatusPage>, ApiError> {
        let scope = scope(ctx).await?;
        let mut out = Vec::new();
        for page in pages::list(db(ctx), &scope).await? {
            out.push(page_out(ctx, page).await?);
        }
        Ok(out)
    }

    /// One page; another organization's is `NOT_FOUND`.
    async fn status_page(&self, ctx: &Context<'_>, id: ID) -> Result<StatusPage, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status page")?;
        let page = pages::get(db(ctx), &scope, id).await?;
        page_out(ctx, page).await
    }

    /// The public status page at `slug` of the organization whose host this request came to
    /// (the default page when `slug` is empty); null when there is none. Needs no login, shows
    /// only public names, and is served from a cache a status change clears.
    ///
    /// A restricted page answers `STATUS_PAGE_LOCKED` (with `extensions.access`: `PASSWORD` or
    /// `EMAIL_DOMAIN`, and `extensions.title`) unless `accessToken` is a grant for it from
    /// `unlockStatusPage` or a mailed link.
    async fn public_status_page(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] slug: String,
        access_token: Option<String>,
    ) -> Result<Option<PublicStatusPage>, ApiError> {
        let Ok(slug) = pages::parse_slug(&slug) else { return Ok(None) };
        let Some(host) = ctx.data_opt::<RequestMeta>().and_then(|meta| meta.host.clone()) else {
            return Ok(None);
        };
        let (links, registry) = (ctx.data_unchecked::<Links>(), ctx.data_unchecked::<HostnameRegistry>());
        let Some((tenant, slug)) = public::by_host(db(ctx), links, registry, &host, &slug).await? else {
            return Ok(None);
        };
        let page = match cache(ctx) {
            Some(cache) => cache.page(db(ctx), &tenant, &slug, now(ctx)).await?,
            None => public::build(db(ctx), &tenant, &slug, now(ctx)).await?.map(Arc::new),
        };
        if let Some(page) = &page {
            let keys = ctx.data_unchecked::<crate::auth::tokens::TokenKeys>();
            page.gate.check(keys, access_token.as_deref(), now(ctx))?;
        }
        Ok(page.map(PublicStatusPage))
    }
}

#[derive(Default)]
pub struct StatusPagesMutation;

#[Object]
impl StatusPagesMutation {
    /// Creates a page (the default page when `slug` is empty). Members and above.
    async fn create_status_page(
        &self,
        ctx: &Context<'_>,
        input: StatusPageInput,
    ) -> Result<StatusPage, ApiError> {
        let scope = scope(ctx).await?;
        let draft = parse_page(input)?;
        let page = pages::create(db(ctx), &audit(ctx), &scope, now(ctx), draft).await?;
        changed(ctx, scope.tenant_id()).await;
        page_out(ctx, page).await
    }

    /// Changes a page's path, title and description. Members and above.
    async fn update_status_page(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: StatusPageInput,
    ) -> Result<StatusPage, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status page")?;
        let draft = parse_page(input)?;
        let page = pages::update(db(ctx), &audit(ctx), &scope, now(ctx), id, draft).await?;
        changed(ctx, scope.tenant_id()).await;
        page_out(ctx, page).await
    }

    /// Sets what a page shows, in this order: monitors under public names, optionally grouped.
    /// Another organization's monitor is `NOT_FOUND`. Members and above.
    async fn set_status_page_components(
        &self,
        ctx: &Context<'_>,
        id: ID,
        components: Vec<StatusPageComponentInput>,
    ) -> Result<StatusPage, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status page")?;
        let drafts = parse_components(components)?;
        let page = pages::set_components(db(ctx), &audit(ctx), &scope, now(ctx), id, drafts).await?;
        changed(ctx, scope.tenant_id()).await;
        page_out(ctx, page).await
    }

    /// Adds a custom domain to a page; it serves the page once verified. Admins and owners.
    async fn add_custom_domain(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        hostname: String,
    ) -> Result<CustomDomain, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        let links = ctx.data_unchecked::<Links>();
        let hostname = domains::parse_hostname(&hostname, links.base_domain())
            .map_err(|message| ApiError::field("hostname", message))?;
        let domain = domains::add(db(ctx), &audit(ctx), &scope, now(ctx), page_id, hostname).await?;
        Ok(CustomDomain::new(domain, &target_host(ctx, &scope).await?))
    }

    /// Looks up the domain's DNS record; once found, the domain is verified and allowed TLS.
    /// Admins and owners.
    async fn verify_custom_domain(&self, ctx: &Context<'_>, id: ID) -> Result<CustomDomain, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "custom domain")?;
        let (prober, registry, links) = (
            ctx.data_unchecked::<Prober>(),
            ctx.data_unchecked::<HostnameRegistry>(),
            ctx.data_unchecked::<Links>(),
        );
        let domain =
            domains::verify(db(ctx), &audit(ctx), &scope, prober, registry, links, now(ctx), id).await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(CustomDomain::new(domain, &target_host(ctx, &scope).await?))
    }

    /// Sets a page's logo or favicon from an upload (GraphQL multipart request with the
    /// `Apollo-Require-Preflight` header): PNG, JPEG or WebP whose bytes match its type, at most
    /// 512 KiB and 4096×4096 pixels (1024×1024 for a favicon); stored re-encoded. Members and
    /// above.
    async fn set_status_page_image(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        kind: StatusPageImageKind,
        file: Upload,
    ) -> Result<StatusPage, ApiError> {
        use std::io::Read;
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        // Who may, and onto which page, before any decoding work.
        scope.require(entity::memberships::Role::Member)?;
        pages::get(db(ctx), &scope, page_id).await?;
        let upload = file.value(ctx).map_err(|_| ApiError::field("file", "is not an uploaded file"))?;
        let declared = upload.content_type.clone().unwrap_or_default();
        let mut bytes = Vec::new();
        let limit = branding::MAX_BYTES as u64 + 1;
        upload
            .into_read()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|err| ApiError::internal(format!("the upload could not be read: {err}")))?;
        let slot = kind.into();
        // Decoding is CPU work: off the request threads.
        let processed = tokio::task::spawn_blocking(move || branding::process(&declared, &bytes, slot))
            .await
            .map_err(|err| ApiError::internal(err.to_string()))?
            .map_err(|message| ApiError::field("file", message))?;
        let dir = ctx.data_unchecked::<branding::UploadDir>();
        let page =
            branding::set(db(ctx), &audit(ctx), &scope, dir, now(ctx), page_id, slot, processed).await?;
        changed(ctx, scope.tenant_id()).await;
        page_out(ctx, page).await
    }

    /// Removes a page's logo or favicon. Members and above.
    async fn remove_status_page_image(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        kind: StatusPageImageKind,
    ) -> Result<StatusPage, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        let page = branding::remove(db(ctx), &audit(ctx), &scope, now(ctx), page_id, kind.into()).await?;
        changed(ctx, scope.tenant_id()).await;
        page_out(ctx, page).await
    }

    /// Removes a custom domain; it loses TLS at once. Admins and owners.
    async fn remove_custom_domain(&self, ctx: &Context<'_>, id: ID) -> Result<CustomDomain, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "custom domain")?;
        let registry = ctx.data_unchecked::<HostnameRegistry>();
        let domain = domains::remove(db(ctx), &audit(ctx), &scope, registry, id).await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(CustomDomain::new(domain, &target_host(ctx, &scope).await?))
    }

    /// Deletes a page; returns it as it was. Members and above.
    async fn delete_status_page(&self, ctx: &Context<'_>, id: ID) -> Result<StatusPage, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status page")?;
        let components = pages::components(db(ctx), &scope, id).await?;
        let page = pages::delete(db(ctx), &audit(ctx), &scope, id).await?;
        changed(ctx, scope.tenant_id()).await;
        // Its custom domains were deleted with it: they lose TLS now.
        if let Err(err) = ctx.data_unchecked::<HostnameRegistry>().refresh().await {
            tracing::warn!(error = %err, "the hostname registry could not reload after a page was deleted");
        }
        let host = tenant_url(ctx, &scope).await?;
        Ok(StatusPage::new(page, components, &host))
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::status_pages::branding::Slot", name = "StatusPageImageKind")]
pub enum StatusPageImageKind {
    /// Shown in the page's header (up to 4096×4096).
    Logo,
    /// The browser tab's icon (up to 1024×1024).
    Favicon,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::status_pages::public::ComponentStatus")]
pub enum PublicComponentStatus {
    Operational,
    Degraded,
    /// A published incident says part of it is out.
    PartialOutage,
    Outage,
    Maintenance,
    /// Paused, or not checked yet.
    Unknown,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::status_pages::public::PageStatus")]
pub enum PublicPageStatus {
    Operational,
    Degraded,
    PartialOutage,
    MajorOutage,
    Maintenance,
}

/// A public page: only what its organization chose to publish.
pub struct PublicStatusPage(Arc<PublicPage>);

#[Object]
impl PublicStatusPage {
    async fn organization(&self) -> &str {
        &self.0.organization
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// Its logo and favicon (paths on this host), if set.
    async fn logo_url(&self) -> Option<&str> {
        self.0.logo_url.as_deref()
    }
    async fn favicon_url(&self) -> Option<&str> {
        self.0.favicon_url.as_deref()
    }
    /// The worst of the components.
    async fn status(&self) -> PublicPageStatus {
        self.0.status.into()
    }
    async fn components(&self) -> Vec<PublicComponent<'_>> {
        self.0.components.iter().map(PublicComponent).collect()
    }
    async fn active_outages(&self) -> Vec<PublicOutage<'_>> {
        self.0.active_outages.iter().map(PublicOutage).collect()
    }
    /// Resolved outages of the last 90 days, newest first (at most 20).
    async fn recent_outages(&self) -> Vec<PublicOutage<'_>> {
        self.0.recent_outages.iter().map(PublicOutage).collect()
    }
    /// Published incidents not resolved yet, newest first, with their timelines.
    async fn active_incidents(&self) -> Vec<super::incident_graphql::PublicIncidentView> {
        self.0.active_incidents.iter().cloned().map(super::incident_graphql::PublicIncidentView).collect()
    }
    /// Resolved incidents, newest first (`first` 1 to 100, default 10).
    async fn incident_history(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<super::incident_graphql::PublicIncidentHistory, ApiError> {
        super::incident_graphql::history(ctx, &self.0, first, after).await
    }
    /// Maintenance in progress, then announced, touching this page's components.
    async fn maintenance(&self) -> Vec<PublicMaintenanceView<'_>> {
        self.0.maintenance.iter().map(PublicMaintenanceView).collect()
    }
    /// When this view was built (it is cached for up to a minute, less after a status change).
    async fn generated_at(&self) -> DateTime<Utc> {
        self.0.generated_at
    }
}

pub struct PublicComponent<'a>(&'a public::PublicComponent);

#[Object]
impl PublicComponent<'_> {
    /// What subscribers choose components by, and the badges' address.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Empty outside any group.
    async fn group(&self) -> &str {
        &self.0.group
    }
    async fn status(&self) -> PublicComponentStatus {
        let status: ComponentStatus = self.0.status;
        status.into()
    }
    /// Over the 90 days; null without checks.
    async fn uptime_percent(&self) -> Option<f64> {
        self.0.uptime_percent
    }
    /// One bar per UTC day, oldest first.
    async fn days(&self) -> Vec<PublicDay> {
        self.0
            .days
            .iter()
            .map(|day| PublicDay {
                date: day.date,
                uptime_percent: day.uptime_percent,
                downtime_seconds: day.downtime_seconds,
                outages: day.outages,
                incidents: day.incidents.clone(),
            })
            .collect()
    }
    /// Average response time per hour over the last 24 hours, oldest first.
    async fn response_ms(&self) -> &[Option<f64>] {
        &self.0.response_ms
    }
}

#[derive(SimpleObject)]
pub struct PublicDay {
    pub date: NaiveDate,
    /// Null for a day without checks.
    pub uptime_percent: Option<f64>,
    pub downtime_seconds: i64,
    pub outages: i32,
    /// Titles of the published incidents of this component that touched the day.
    pub incidents: Vec<String>,
}

pub struct PublicOutage<'a>(&'a public::PublicOutage);

#[Object]
impl PublicOutage<'_> {
    async fn components(&self) -> &[String] {
        &self.0.components
    }
    async fn started_at(&self) -> DateTime<Utc> {
        self.0.started_at
    }
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
}

pub struct PublicMaintenanceView<'a>(&'a public::PublicMaintenance);

#[Object(name = "PublicMaintenance")]
impl PublicMaintenanceView<'_> {
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The public names of the components it covers.
    async fn components(&self) -> &[String] {
        &self.0.components
    }
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }
    async fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }
    async fn active(&self) -> bool {
        self.0.active
    }
}
