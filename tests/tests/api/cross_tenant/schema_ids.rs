//! Which root operations take an `ID`, read from the SDL with a real GraphQL parser: an id in an
//! argument directly, in a list, or in an input object at any depth, on any line.

use std::collections::{BTreeSet, HashMap, HashSet};

use async_graphql_parser::types::{
    BaseType, FieldDefinition, InputValueDefinition, Type, TypeKind, TypeSystemDefinition,
};

/// Fields of the query, mutation and subscription types with an argument whose type contains
/// `ID` anywhere.
pub fn id_taking_operations(sdl: &str) -> BTreeSet<String> {
    let document = async_graphql_parser::parse_schema(sdl).expect("the SDL parses");
    let mut roots: Vec<String> = Vec::new();
    // `extend type` adds fields to a type defined elsewhere: merge them by name.
    let mut objects: HashMap<String, Vec<FieldDefinition>> = HashMap::new();
    let mut inputs: HashMap<String, Vec<InputValueDefinition>> = HashMap::new();
    for definition in document.definitions {
        match definition {
            TypeSystemDefinition::Schema(schema) => {
                let schema = schema.node;
                for root in [schema.query, schema.mutation, schema.subscription].into_iter().flatten() {
                    roots.push(root.node.to_string());
                }
            }
            TypeSystemDefinition::Type(ty) => {
                let name = ty.node.name.node.to_string();
                match ty.node.kind {
                    TypeKind::Object(object) => objects
                        .entry(name)
                        .or_default()
                        .extend(object.fields.into_iter().map(|field| field.node)),
                    TypeKind::InputObject(input) => {
                        inputs.entry(name).or_default().extend(input.fields.into_iter().map(|f| f.node))
                    }
                    _ => {}
                }
            }
            TypeSystemDefinition::Directive(_) => {}
        }
    }
    if roots.is_empty() {
        // Without a `schema { ... }` definition the roots have their default names.
        roots = ["Query", "Mutation", "Subscription"].map(str::to_owned).to_vec();
    }
    let mut operations = BTreeSet::new();
    for root in &roots {
        for field in objects.get(root).into_iter().flatten() {
            if field.arguments.iter().any(|arg| contains_id(&arg.node.ty.node, &inputs, &mut HashSet::new()))
            {
                operations.insert(field.name.node.to_string());
            }
        }
    }
    operations
}

/// Whether `ty` is `ID` through `!` and lists, or an input object with such a field at any
/// depth. `seen` guards against input types that refer to themselves: a type already on the
/// path adds nothing new.
fn contains_id<'a>(
    ty: &'a Type,
    inputs: &'a HashMap<String, Vec<InputValueDefinition>>,
    seen: &mut HashSet<&'a str>,
) -> bool {
    match &ty.base {
        BaseType::List(inner) => contains_id(inner, inputs, seen),
        BaseType::Named(name) if name.as_str() == "ID" => true,
        BaseType::Named(name) => match inputs.get_key_value(name.as_str()) {
            Some((name, fields)) if seen.insert(name.as_str()) => {
                fields.iter().any(|field| contains_id(&field.ty.node, inputs, seen))
            }
            _ => false,
        },
    }
}

const SDL: &str = r#"
input ById { id: ID! }
input Nested { inner: ById, name: String }
input NoId { name: String!, tags: [String!] }
input Loop { next: Loop, label: String }
input LoopWithId { next: LoopWithId, ids: [ID] }
input Pair { left: Pair2 }
input Pair2 { right: Pair, id: ID }

type Query {
  direct(id: ID!): Int
  list(ids: [ID!]!): Int
  nested(input: Nested!): Int
  noId(input: NoId!): Int
  plain(name: String, first: Int = 20): Int
  loop(input: Loop): Int
  loopWithId(input: LoopWithId): Int
  mutual(input: Pair!): Int
  multiLine(
    "the page size"
    first: Int
    target: ID
  ): Int
  returnsAnId: ID!
}

type Mutation { deepList(inputs: [[Nested!]]): Int, rename(name: String!): Int }
type Subscription { watch(id: ID!): Int }
type Other { ignored(id: ID!): Int }
"#;

#[test]
fn finds_ids_directly_in_lists_in_nested_inputs_and_across_lines() {
    let found = id_taking_operations(SDL);
    let expected = ["deepList", "direct", "list", "loopWithId", "multiLine", "mutual", "nested", "watch"];
    assert_eq!(found, expected.map(str::to_owned).into(), "{found:?}");
}

#[test]
fn ignores_id_free_arguments_output_ids_and_non_root_types() {
    let found = id_taking_operations(SDL);
    for operation in ["noId", "plain", "loop", "returnsAnId", "rename", "ignored"] {
        assert!(!found.contains(operation), "{operation} takes no ID: {found:?}");
    }
}

#[test]
fn follows_renamed_roots_and_type_extensions() {
    let sdl = "schema { query: Root mutation: Change }\n\
               type Root { a(x: Int): Int }\n\
               extend type Root { b(id: ID): Int }\n\
               type Change { c(input: In!): Int }\n\
               input In { id: ID! }\n\
               type Query { notTheRoot(id: ID!): Int }";
    assert_eq!(id_taking_operations(sdl), ["b", "c"].map(str::to_owned).into());
}
