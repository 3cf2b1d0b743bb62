//! Keyset paging over `(timestamp DESC, id DESC)`, the order of every list in the API.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use crate::kernel::paging::{Cursor, Page, PageRequest};

/// Runs `query` newest first by (`at`, `id`), starting after the request's cursor.
pub async fn newest_first<E: EntityTrait>(
    db: &impl ConnectionTrait,
    mut query: Select<E>,
    (at, id): (E::Column, E::Column),
    page: &PageRequest,
) -> Result<Page<E::Model>, DbErr> {
    if let Some(cursor) = page.after {
        query = query.filter(older_than(at, id, cursor));
    }
    let rows = query.order_by_desc(at).order_by_desc(id).limit(page.fetch_limit()).all(db).await?;
    Ok(Page::from_overfetch(rows, page))
}

/// Rows strictly after `cursor` in newest-first order.
fn older_than<C: ColumnTrait>(at: C, id: C, cursor: Cursor) -> Condition {
    Condition::any().add(at.lt(cursor.at)).add(Condition::all().add(at.eq(cursor.at)).add(id.lt(cursor.id)))
}
