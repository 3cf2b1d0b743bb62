//! `schema.graphql` is the committed contract: it must equal what the code exports.

use std::process::Command;

use beacon_tests::{repo_root, server_binary};

#[test]
fn committed_schema_matches_the_code() {
    let output = Command::new(server_binary()).args(["export-schema", "--output", "-"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let exported = String::from_utf8(output.stdout).unwrap();
    let committed = std::fs::read_to_string(repo_root().join("schema.graphql")).unwrap();
    assert!(
        exported == committed,
        "schema.graphql is out of date: run `cargo run -p server -- export-schema` and commit it.\n\
         --- exported ---\n{exported}"
    );
}
