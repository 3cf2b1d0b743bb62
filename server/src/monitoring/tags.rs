//! Monitor tags: short lowercase labels (`prod`, `eu-west`, `team:payments`) that group
//! monitors for the list filter and for tag-scoped maintenance windows. The monitor row keeps
//! them for display; `monitor_tags` keeps one row per tag for lookups; [`replace`] writes both
//! views inside the caller's transaction.

use entity::monitor_tags;
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::auth::TenantScope;

pub const MAX_TAGS_PER_MONITOR: usize = 10;
const MAX_TAG_CHARS: usize = 32;
/// The most tags the tenant's tag list returns (the filter menu, the form's suggestions).
const MAX_TAGS_LISTED: u64 = 500;

/// A monitor's tags: lowercase, unique, sorted, at most ten.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tags(Vec<String>);

impl Tags {
    /// One tag: trimmed and lowercased; 1 to 32 characters of `a-z 0-9 - _ . :`.
    pub fn parse_one(raw: &str) -> Result<String, String> {
        let tag = raw.trim().to_lowercase();
        if tag.is_empty() {
            return Err("a tag cannot be empty".into());
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            return Err(format!("tag {tag:?} is longer than {MAX_TAG_CHARS} characters"));
        }
        if let Some(bad) =
            tag.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.:".contains(*c)))
        {
            return Err(format!("tag {tag:?} may use only a-z, 0-9, '-', '_', '.' and ':' (not {bad:?})"));
        }
        Ok(tag)
    }

    pub fn parse(raw: &[String]) -> Result<Self, String> {
        let mut tags = raw.iter().map(|tag| Self::parse_one(tag)).collect::<Result<Vec<_>, _>>()?;
        tags.sort();
        tags.dedup();
        if tags.len() > MAX_TAGS_PER_MONITOR {
            return Err(format!("at most {MAX_TAGS_PER_MONITOR} tags"));
        }
        Ok(Self(tags))
    }

    /// As stored on the monitor row.
    pub fn to_column(&self) -> String {
        self.0.join(",")
    }

    /// From the monitor row (trusted: written by [`Tags::to_column`]).
    pub fn from_column(column: &str) -> Self {
        Self(column.split(',').filter(|tag| !tag.is_empty()).map(str::to_owned).collect())
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

/// Makes `monitor_tags` hold exactly `tags` for the monitor (inside the caller's transaction).
pub async fn replace(
    txn: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_id: Uuid,
    tags: &Tags,
) -> Result<(), DbErr> {
    monitor_tags::Entity::delete_many()
        .filter(monitor_tags::Column::MonitorId.eq(monitor_id))
        .exec(txn)
        .await?;
    if tags.0.is_empty() {
        return Ok(());
    }
    let rows = tags.0.iter().map(|tag| monitor_tags::ActiveModel {
        tenant_id: Set(tenant_id),
        monitor_id: Set(monitor_id),
        tag: Set(tag.clone()),
    });
    monitor_tags::Entity::insert_many(rows).exec(txn).await?;
    Ok(())
}

/// The ids of the tenant's monitors carrying `tag`, as a subquery for `id IN (...)`.
pub fn monitors_tagged(tenant_id: Uuid, tag: &str) -> SelectStatement {
    Query::select()
        .column(monitor_tags::Column::MonitorId)
        .from(monitor_tags::Entity)
        .and_where(monitor_tags::Column::TenantId.eq(tenant_id))
        .and_where(monitor_tags::Column::Tag.eq(tag))
        .to_owned()
}

/// The tags the tenant's monitors use, A to Z.
pub async fn in_use(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<String>, DbErr> {
    monitor_tags::Entity::find()
        .select_only()
        .column(monitor_tags::Column::Tag)
        .filter(monitor_tags::Column::TenantId.eq(scope.tenant_id()))
        .distinct()
        .order_by_asc(monitor_tags::Column::Tag)
        .limit(MAX_TAGS_LISTED)
        .into_tuple()
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(raw: &[&str]) -> Vec<String> {
        raw.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn tags_are_lowercased_sorted_and_unique() {
        let tags = Tags::parse(&strings(&[" Prod ", "eu-west", "prod", "team:payments"])).unwrap();
        assert_eq!(tags.as_slice(), ["eu-west", "prod", "team:payments"]);
        assert_eq!(Tags::from_column(&tags.to_column()), tags);
        assert_eq!(Tags::from_column(""), Tags::default());
    }

    #[test]
    fn bad_tags_are_refused_with_a_reason() {
        for bad in ["", "  ", "a,b", "with space", "ümlaut", &"x".repeat(33)] {
            assert!(Tags::parse(&strings(&[bad])).is_err(), "{bad:?}");
        }
        let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
        assert_eq!(Tags::parse(&eleven).unwrap_err(), "at most 10 tags");
    }
}
