//! Every attempt at a delivery: the receiver's status code or the error, and how long it took.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert_delivery_attempts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub delivery_id: Uuid,
    /// 1 for the first attempt.
    pub attempt: i32,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::alert_deliveries::Entity",
        from = "Column::DeliveryId",
        to = "super::alert_deliveries::Column::Id",
        on_delete = "Cascade"
    )]
    Delivery,
}

impl Related<super::alert_deliveries::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Delivery.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // A delivery's attempts, for its log.
    vec![DeclaredIndex::tenant::<Entity, _>(
        "alert_delivery_attempts_tenant_id_delivery_id_idx",
        [Column::TenantId, Column::DeliveryId],
    )]
}
