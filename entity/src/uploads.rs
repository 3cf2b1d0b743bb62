//! Uploaded images, stored under the data directory as `uploads/<sha256>.<ext>` after they
//! were decoded and re-encoded; the row says what each one is.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "uploads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    /// Of the stored (re-encoded) bytes: the file's name.
    pub sha256: String,
    /// `image/png`, `image/jpeg` or `image/webp`.
    pub content_type: String,
    pub size_bytes: i32,
    pub width: i32,
    pub height: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "upload";
}

impl Model {
    /// The file name under `uploads/`, which is also its URL path.
    pub fn file_name(&self) -> String {
        file_name(&self.sha256, &self.content_type)
    }
}

/// The stored file's name for content with this hash and type.
pub fn file_name(sha256: &str, content_type: &str) -> String {
    let extension = match content_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        _ => "webp",
    };
    format!("{sha256}.{extension}")
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // Whether a tenant still uses a stored file (before deleting it).
    vec![DeclaredIndex::tenant::<Entity, _>(
        "uploads_tenant_id_sha256_idx",
        [Column::TenantId, Column::Sha256],
    )]
}
