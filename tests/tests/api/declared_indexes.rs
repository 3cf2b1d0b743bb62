//! The migrated catalog holds exactly the indexes the entities declare, on both backends.

use beacon_tests::{Backend, TestDatabase, backend_tests, catalog};

backend_tests!(migrated_catalog_matches_declared_indexes);

async fn migrated_catalog_matches_declared_indexes(backend: Backend) {
    let database = TestDatabase::migrated(backend).await;
    let db = database.connect().await;
    catalog::assert_matches_declarations(&db, backend).await;
}
