//! A slug held without an organization until `expires_at` (see the sign-up service).

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "slug_reservations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub slug: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![DeclaredIndex::global::<Entity, _>(
        "slug_reservations_expires_at_idx",
        [Column::ExpiresAt],
        "the sweep deletes expired reservations of every tenant-to-be: WHERE expires_at < now",
    )]
}
