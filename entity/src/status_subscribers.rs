//! Visitors subscribed by email to a status page. A subscription counts once confirmed through
//! the emailed link; its token (in every message's unsubscribe link) also ends it.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_subscribers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub page_id: Uuid,
    /// Lower-cased.
    pub email: String,
    /// Comma-separated component ids; empty for every component of the page.
    pub component_ids: String,
    /// Confirms and ends the subscription. Kept as is, not hashed: every message carries it in
    /// its unsubscribe link, and it grants nothing but ending this one subscription.
    pub token: String,
    pub confirmed_at: Option<DateTimeUtc>,
    /// The last confirmation email: another is sent at most every few minutes.
    pub confirmation_sent_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::status_pages::Entity",
        from = "Column::PageId",
        to = "super::status_pages::Column::Id",
        on_delete = "Cascade"
    )]
    Page,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Page.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "subscriber";
}

impl Model {
    /// The chosen components; empty for all of them.
    pub fn components(&self) -> Vec<Uuid> {
        self.component_ids.split(',').filter_map(|id| id.parse().ok()).collect()
    }
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // One subscription per address and page.
        DeclaredIndex::tenant::<Entity, _>(
            "status_subscribers_tenant_id_page_id_email_key",
            [Column::TenantId, Column::PageId, Column::Email],
        )
        .unique(),
        // A page's subscribers, newest first (the list and the notifications' fan-out).
        DeclaredIndex::tenant_columns::<Entity>(
            "status_subscribers_tenant_id_page_id_created_at_id_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("page_id", Direction::Asc),
                col("created_at", Direction::Desc),
                col("id", Direction::Desc),
            ],
        ),
        DeclaredIndex::global::<Entity, _>(
            "status_subscribers_token_key",
            [Column::Token],
            "a visitor's confirm and unsubscribe links carry only the token, before any tenant is known",
        )
        .unique(),
    ]
}
