//! One rule for every string that enters through GraphQL, before any resolver runs: no NUL and
//! no control characters other than tab, line feed and carriage return. PostgreSQL cannot store
//! NUL in text at all, and the rest have no business in names, addresses, slugs or filters.
//! Inputs with a stricter shape (names, emails, slugs) refuse every control character in their
//! own parsers (`kernel::input`). A violation is `BAD_USER_INPUT` naming the variable or argument.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensions, Pos, ServerError, Value, Variables};

use crate::kernel::ApiError;
use crate::kernel::input::is_forbidden_control;

pub struct TextInputs;

impl ExtensionFactory for TextInputs {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(TextInputs)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for TextInputs {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> Result<ExecutableDocument, ServerError> {
        for (name, value) in variables.iter() {
            check_value(value, &format!("${name}"))?;
        }
        let document = next.run(ctx, query, variables).await?;
        let operations: Vec<_> = match &document.operations {
            DocumentOperations::Single(operation) => vec![operation],
            DocumentOperations::Multiple(operations) => operations.values().collect(),
        };
        for operation in operations {
            check_selections(&operation.node.selection_set.node)?;
        }
        for fragment in document.fragments.values() {
            check_selections(&fragment.node.selection_set.node)?;
        }
        Ok(document)
    }
}

fn check_selections(set: &SelectionSet) -> Result<(), ServerError> {
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => {
                for (name, value) in &field.node.arguments {
                    check_literal(&value.node, name.node.as_str())?;
                }
                check_selections(&field.node.selection_set.node)?;
            }
            Selection::InlineFragment(fragment) => check_selections(&fragment.node.selection_set.node)?,
            Selection::FragmentSpread(_) => {}
        }
    }
    Ok(())
}

/// A literal in the document (variables inside it are checked with the variables).
fn check_literal(value: &async_graphql_value::Value, path: &str) -> Result<(), ServerError> {
    use async_graphql_value::Value as Literal;
    match value {
        Literal::String(text) => check_text(text, path),
        Literal::List(items) => items.iter().try_for_each(|item| check_literal(item, path)),
        Literal::Object(fields) => {
            fields.iter().try_for_each(|(name, item)| check_literal(item, &format!("{path}.{name}")))
        }
        _ => Ok(()),
    }
}

fn check_value(value: &Value, path: &str) -> Result<(), ServerError> {
    match value {
        Value::String(text) => check_text(text, path),
        Value::List(items) => items.iter().try_for_each(|item| check_value(item, path)),
        Value::Object(fields) => {
            fields.iter().try_for_each(|(name, item)| check_value(item, &format!("{path}.{name}")))
        }
        _ => Ok(()),
    }
}

fn check_text(text: &str, path: &str) -> Result<(), ServerError> {
    if !text.chars().any(is_forbidden_control) {
        return Ok(());
    }
    let field = path.trim_start_matches('$');
    let error = ApiError::field(field, "may not contain NUL or other control characters");
    Err(async_graphql::Error::from(error).extend().into_server_error(Pos::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_named_by_their_path() {
        let value = Value::from_json(serde_json::json!({ "name": "ok", "tags": ["a", "b\u{0}"] })).unwrap();
        let error = check_value(&value, "$input").unwrap_err();
        let ext = format!("{:?}", error.extensions);
        assert!(ext.contains("BAD_USER_INPUT") && ext.contains("input.tags"), "{ext}");
        let multiline = Value::from("line one\nline two\ttabbed\r\n");
        assert!(check_value(&multiline, "$message").is_ok());
        assert!(check_value(&Value::from("bell\u{7}"), "$x").is_err());
    }
}
