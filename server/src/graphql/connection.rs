//! The one list shape of the API: Relay connections (`edges { cursor node }`, `nodes`,
//! `pageInfo`), paged forward with `first` (1 to 100) and `after` (an opaque cursor).

use async_graphql::OutputType;
use async_graphql::connection::{Connection, Edge};

use crate::kernel::paging::{Cursor, Page};

/// `<Node>Connection` with `<Node>Edge`s.
pub type PageConnection<Node> = Connection<String, Node>;

/// Builds a connection from a page of rows: `cursor` gives each row's position, `node` its
/// GraphQL shape.
pub fn connection<Row, Node: OutputType>(
    page: Page<Row>,
    cursor: impl Fn(&Row) -> Cursor,
    node: impl Fn(Row) -> Node,
) -> PageConnection<Node> {
    encoded_connection(page, |row| cursor(row).encode(), node)
}

/// As [`connection`], for lists whose cursors are not `(created_at, id)` positions.
pub fn encoded_connection<Row, Node: OutputType>(
    page: Page<Row>,
    cursor: impl Fn(&Row) -> String,
    node: impl Fn(Row) -> Node,
) -> PageConnection<Node> {
    let mut connection = Connection::new(false, page.has_next_page);
    connection.edges.extend(page.items.into_iter().map(|row| Edge::new(cursor(&row), node(row))));
    connection
}
