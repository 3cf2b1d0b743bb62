//! Raw SQL with bound values for both backends: `$n` placeholders on PostgreSQL, `?n` on
//! SQLite. For the few statements sea-orm's builder cannot express (lease claims, batched
//! deletes); table and column names in them are compile-time constants, never input.

use sea_orm::{DatabaseBackend, Statement, Value};

pub struct Sql {
    backend: DatabaseBackend,
    values: Vec<Value>,
}

impl Sql {
    pub fn new(backend: DatabaseBackend) -> Self {
        Self { backend, values: Vec::new() }
    }

    /// Binds a value and returns its placeholder (a value used twice is bound once and its
    /// placeholder repeated).
    pub fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        match self.backend {
            DatabaseBackend::Postgres => format!("${}", self.values.len()),
            _ => format!("?{}", self.values.len()),
        }
    }

    pub fn statement(self, sql: String) -> Statement {
        Statement::from_sql_and_values(self.backend, sql, self.values)
    }
}
