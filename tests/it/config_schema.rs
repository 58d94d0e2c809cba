//! The JSON Schema of `pagelint.toml` (`pagelint config-schema`, and the copy
//! checked into the repository for editors): its keys are exactly the keys
//! the config reader accepts, with the same types and documentation.

use pagelint::config::keys::{self, Key, Type};
use pagelint::config::Config;
use pagelint::frontmatter::{toml, Node, NodeKind};
use serde_json::{json, Value};

use crate::common::{exit_code, pagelint, repo, stdout};

fn schema() -> Value {
    let text = std::fs::read_to_string(repo().join("pagelint.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_checked_in_copy_is_what_config_schema_prints() {
    let out = pagelint(&repo()).arg("config-schema").output().unwrap();
    assert_eq!(exit_code(&out), 0);
    let checked_in = std::fs::read_to_string(repo().join("pagelint.schema.json")).unwrap();
    assert!(
        stdout(&out) == checked_in,
        "pagelint.schema.json is stale: run `cargo run -- config-schema > pagelint.schema.json`"
    );
}

/// A TOML value of `ty` that the reader accepts, and one it refuses.
fn samples(ty: Type) -> (String, String) {
    let (good, bad) = match ty {
        Type::String | Type::Regex => ("\"0.146\"", "0.146"),
        Type::Enum(names) => return (format!("\"{}\"", names[0]), "\"no-such-choice\"".into()),
        Type::Moment => ("\"2026-12-01T08:00:00+08:00\"", "\"tomorrow\""),
        Type::Duration => ("\"12h\"", "\"soon\""),
        Type::Bool => ("true", "\"yes\""),
        Type::Count => ("3", "-1"),
        Type::Strings => ("[\"content/a/**\"]", "3"),
        Type::Table(_) | Type::Named(_) | Type::RuleLevels => ("{}", "3"),
        Type::Tables(_) => ("[]", "3"),
    };
    (good.into(), bad.into())
}

/// The keys of the schema object `object`, with their types.
fn properties(object: &Value) -> Vec<String> {
    let mut names: Vec<String> = object["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("no properties in {object}"))
        .keys()
        .cloned()
        .collect();
    names.sort();
    names
}

/// Checks the schema object `object` against the reader's table `keys`,
/// found in a config as `wrap(KEY = VALUE)`.
fn check_table(object: &Value, keys: &'static [Key], wrap: &dyn Fn(&str) -> String, at: &str) {
    let mut expected: Vec<String> = keys.iter().map(|k| k.name.to_string()).collect();
    expected.sort();
    assert_eq!(properties(object), expected, "keys of {at}");
    assert_eq!(
        object["additionalProperties"],
        json!(false),
        "{at} is closed"
    );
    let rules = pagelint::rules::names();
    for k in keys {
        let prop = &object["properties"][k.name];
        assert_eq!(prop["description"], json!(k.doc), "{at}.{}", k.name);
        let (good, bad) = samples(k.ty);
        let config = wrap(&format!("{} = {good}", k.name));
        assert!(
            Config::parse(&config, rules).is_ok(),
            "{at}.{} = {good} is refused:\n{config}",
            k.name
        );
        assert!(
            valid(&config),
            "{at}.{} = {good} is not valid JSON Schema-wise",
            k.name
        );
        let config = wrap(&format!("{} = {bad}", k.name));
        let errors = Config::parse(&config, rules).expect_err(&config);
        assert!(
            errors.iter().any(|e| config[e.span.clone()].trim() == bad),
            "{at}.{} = {bad}: the error is not at the value: {errors:?}",
            k.name
        );
        assert!(!valid(&config), "{at}.{} = {bad} passes the schema", k.name);
        match k.ty {
            Type::Table(inner) => {
                let name = k.name;
                check_table(
                    prop,
                    inner,
                    &|kv| wrap(&format!("{name} = {{ {kv} }}")),
                    name,
                )
            }
            Type::Tables(inner) => {
                let name = k.name;
                let item = &prop["items"];
                check_table(
                    item,
                    inner,
                    &|kv| {
                        wrap(&format!(
                            "{name} = [{{ {}{kv} }}]",
                            required_line(inner, kv)
                        ))
                    },
                    name,
                )
            }
            Type::Named(inner) => {
                let name = k.name;
                let item = &prop["additionalProperties"];
                check_table(
                    item,
                    inner,
                    &|kv| {
                        let needs = required_line(inner, kv);
                        wrap(&format!("{name} = {{ x = {{ {needs}{kv} }} }}"))
                    },
                    name,
                )
            }
            Type::RuleLevels => {
                let mut levels = properties(prop);
                levels.retain(|r| !rules.contains(&r.as_str()));
                assert!(levels.is_empty(), "not rules: {levels:?}");
                assert_eq!(properties(prop).len(), rules.len());
            }
            _ => {}
        }
    }
    // Any other key is refused by both.
    let config = wrap("zzz-no-such-key = 1");
    let errors = Config::parse(&config, rules).expect_err(&config);
    assert!(errors[0].message.contains("unknown key"), "{errors:?}");
    assert!(!valid(&config), "{at}: an unknown key passes the schema");
}

/// The required keys of a table but the one `kv` sets, as a prefix of it.
fn required_line(keys: &[Key], kv: &str) -> String {
    let set = kv.split(' ').next().unwrap_or("");
    keys.iter()
        .filter(|k| k.required && k.name != set)
        .map(|k| format!("{} = {}, ", k.name, samples(k.ty).0))
        .collect()
}

/// A TOML tree as JSON.
fn to_json(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Bool(b) => json!(b),
        NodeKind::Int(i) => json!(i),
        NodeKind::Float(f) => json!(f),
        NodeKind::String { value, .. } => json!(value),
        NodeKind::Datetime(d) => json!(d),
        NodeKind::List(items) => Value::Array(items.iter().map(to_json).collect()),
        NodeKind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_json(&e.value)))
                .collect(),
        ),
    }
}

fn valid(config: &str) -> bool {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    validator.is_valid(&to_json(&toml::parse(config).unwrap()))
}

#[test]
fn the_schema_has_exactly_the_readers_keys_types_and_docs() {
    check_table(&schema(), keys::TOP, &|kv| kv.to_string(), "pagelint.toml");
}

#[test]
fn the_readme_example_is_valid_and_documents_every_key() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme
        .find("```toml\nhugo-version")
        .expect("the README's config example");
    let example = &readme[start + 8..];
    let example = &example[..example.find("```").unwrap()];
    assert!(Config::parse(example, pagelint::rules::names()).is_ok());
    assert!(valid(example), "the README's example fails the schema");
    for k in keys::TOP.iter().chain(keys::SCHEMA).chain(keys::FIELD) {
        assert!(
            readme.contains(&format!("`{}`", k.name)) || example.contains(k.name),
            "the README does not document `{}`",
            k.name
        );
    }
}

#[test]
fn a_file_init_writes_is_valid() {
    let site = crate::common::TempSite::new();
    for i in 0..6 {
        site.write(
            &format!("content/posts/p{i}.md"),
            format!("---\ntitle: T{i}\ncategories: [A]\nlink: https://x.org/{i}\n---\n"),
        );
    }
    let out = site.cmd().args(["init", "--stdout"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.starts_with("#:schema https://"), "{text}");
    assert!(valid(&text), "{text}");
}
