//! The layering rule, enforced: each module may use only the modules listed for it here, so the
//! arrows between layers point down (DESIGN §3). The test reads every `crate::<module>` path in
//! the code (comments aside) of each top-level module and fails on an arrow that is not allowed.
//! Adding a feature means adding its row here, on purpose.

#[cfg(test)]
/// `(module, modules it may use)`. The composition root (`schema`, `startup`, `http`, `main`)
/// may use everything and is not listed.
const ALLOWED: &[(&str, &[&str])] = &[
    ("kernel", &[]),
    ("config", &[]),
    ("telemetry", &["config"]),
    ("db", &["config", "kernel"]),
    ("auth", &["kernel", "config", "db"]),
    ("graphql", &["kernel"]),
    ("audit", &["kernel", "db", "auth", "graphql"]),
    ("jobs", &["kernel", "db"]),
    ("mail", &["kernel", "config", "db", "auth", "graphql", "jobs"]),
    ("tenancy", &["kernel", "db", "auth", "graphql", "audit"]),
    ("accounts", &["kernel", "db", "auth", "graphql", "audit", "jobs", "mail", "tenancy"]),
    ("probe", &["kernel"]),
    ("team", &["kernel", "db", "auth", "graphql", "audit", "mail", "tenancy", "accounts"]),
    ("monitoring", &["kernel", "db", "auth", "graphql", "audit", "jobs", "mail", "probe"]),
    (
        "alerting",
        &[
            "kernel",
            "db",
            "auth",
            "graphql",
            "audit",
            "jobs",
            "mail",
            "tenancy",
            "probe",
            "monitoring",
            "status_pages",
        ],
    ),
    ("status_pages", &["kernel", "db", "auth", "graphql", "audit", "mail", "tenancy", "probe", "monitoring"]),
];

#[cfg(test)]
const COMPOSITION_ROOT: &[&str] = &["schema", "startup", "http", "main", "lib", "layers"];

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use super::{ALLOWED, COMPOSITION_ROOT};

    fn source_files(path: &Path) -> Vec<PathBuf> {
        if path.is_file() {
            return vec![path.to_path_buf()];
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap()
            .flat_map(|entry| source_files(&entry.unwrap().path()))
            .filter(|file| file.extension().is_some_and(|ext| ext == "rs"))
            .collect();
        files.sort();
        files
    }

    /// The modules a file's code (not its comments) names as `crate::<module>` or inside
    /// `crate::{a, b::c}`.
    fn used_modules(source: &str) -> BTreeSet<String> {
        let code: String = source
            .lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        let ident = |text: &str| -> String {
            text.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
        };
        let mut used = BTreeSet::new();
        for (index, _) in code.match_indices("crate::") {
            let rest = &code[index + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // Top-level items of the group: split at commas outside nested braces.
                let (mut depth, mut start) = (0, 0);
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            used.insert(ident(&group[start..i]));
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            used.insert(ident(&group[start..i]));
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
            } else {
                used.insert(ident(rest));
            }
        }
        used.remove("");
        used
    }

    /// Top-level module → the other top-level modules its code uses.
    fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut graph = BTreeMap::new();
        for entry in std::fs::read_dir(&src).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let mut used = BTreeSet::new();
            for file in source_files(&path) {
                used.extend(used_modules(&std::fs::read_to_string(&file).unwrap()));
            }
            used.remove(&name);
            graph.insert(name, used);
        }
        graph
    }

    #[test]
    fn arrows_point_down_only() {
        let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
        let mut wrong = Vec::new();
        for (module, uses) in module_graph() {
            if COMPOSITION_ROOT.contains(&module.as_str()) {
                continue;
            }
            let Some(may_use) = allowed.get(module.as_str()) else {
                wrong.push(format!("{module}: not in the allow-list (add its row to layers.rs)"));
                continue;
            };
            for used in uses.iter().filter(|used| !may_use.contains(&used.as_str())) {
                wrong.push(format!("{module} -> {used}"));
            }
        }
        assert!(wrong.is_empty(), "arrows not allowed by layers.rs:\n  {}", wrong.join("\n  "));
    }

    #[test]
    fn the_allow_list_has_no_cycles() {
        // Depth-first search over the allowed arrows; a back edge is a cycle.
        let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
        fn visit<'a>(
            module: &'a str,
            allowed: &BTreeMap<&'a str, &'a [&'a str]>,
            path: &mut Vec<&'a str>,
            done: &mut BTreeSet<&'a str>,
        ) {
            assert!(!path.contains(&module), "cycle: {} -> {module}", path.join(" -> "));
            if !done.insert(module) {
                return;
            }
            path.push(module);
            for next in allowed.get(module).copied().unwrap_or_default() {
                visit(next, allowed, path, done);
            }
            path.pop();
        }
        let mut done = BTreeSet::new();
        for module in allowed.keys() {
            visit(module, &allowed, &mut Vec::new(), &mut done);
        }
    }

    #[test]
    fn the_scanner_sees_paths_and_ignores_comments() {
        let source = "use crate::kernel::ApiError;\nlet x = crate::db::begin_write(db); // crate::http\n\
                      use crate::{\n    auth::{self, TenantScope},\n    mail,\n};\n";
        let expected = ["kernel", "db", "auth", "mail"].map(str::to_owned);
        assert_eq!(used_modules(source), BTreeSet::from(expected));
    }

    /// Prints the graph (`cargo test -p server layers -- --nocapture`), for reviews.
    #[test]
    fn print_the_module_graph() {
        for (module, uses) in module_graph() {
            println!("{module:>10} -> {}", uses.into_iter().collect::<Vec<_>>().join(" "));
        }
    }
}
