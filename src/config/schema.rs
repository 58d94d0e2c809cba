//! The JSON Schema of `pagelint.toml`, for editors (taplo, Even Better TOML):
//! built from the same key table the reader checks keys against.

use serde_json::{json, Map, Value};

use super::keys::{self, Key, Type};

/// Where the schema of this release is published: the copy checked into
/// the repository at the release's tag. `pagelint init` points `#:schema` at it.
pub const SCHEMA_URL: &str = concat!(
    "https://raw.githubusercontent.com/pagelint/pagelint/v",
    env!("CARGO_PKG_VERSION"),
    "/pagelint.schema.json"
);

/// The schema of a value of type `ty`.
fn value(ty: Type, rules: &[(&str, &str)]) -> Value {
    match ty {
        Type::String => json!({"type": "string"}),
        Type::Enum(names) => json!({"type": "string", "enum": names}),
        Type::Bool => json!({"type": "boolean"}),
        Type::Count => json!({"type": "integer", "minimum": 0}),
        Type::Strings => json!({
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}}
            ]
        }),
        Type::Regex => json!({"type": "string", "format": "regex"}),
        // A TOML date-time reaches a JSON Schema validator as a string too.
        Type::Moment => json!({
            "type": "string",
            "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}.*)?\\s*$"
        }),
        Type::Duration => json!({"type": "string", "pattern": "^\\s*[0-9]+\\s*[smhdw]\\s*$"}),
        Type::Table(keys) => table(keys, rules),
        Type::Tables(keys) => json!({"type": "array", "items": table(keys, rules)}),
        Type::Named(keys) => json!({
            "type": "object",
            "additionalProperties": table(keys, rules)
        }),
        Type::RuleLevels => {
            let mut props = Map::new();
            for (name, summary) in rules {
                props.insert(
                    name.to_string(),
                    json!({
                        "description": summary,
                        "type": "string",
                        "enum": keys::LEVELS
                    }),
                );
            }
            json!({
                "type": "object",
                "properties": props,
                "additionalProperties": false
            })
        }
    }
}

/// The schema of a table with `keys`: no other key allowed.
fn table(keys: &[Key], rules: &[(&str, &str)]) -> Value {
    let mut props = Map::new();
    for k in keys {
        let mut v = value(k.ty, rules);
        if let Value::Object(o) = &mut v {
            o.insert("description".into(), Value::String(k.doc.into()));
        }
        props.insert(k.name.to_string(), v);
    }
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut t = json!({
        "type": "object",
        "properties": props,
        "additionalProperties": false
    });
    if !required.is_empty() {
        t["required"] = json!(required);
    }
    t
}

/// The JSON Schema of `pagelint.toml`; `rules` are the rule names and
/// summaries `[rules]` may name.
pub fn json_schema(rules: &[(&str, &str)]) -> Value {
    let mut schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_URL,
        "title": "pagelint.toml",
        "description": "The configuration of pagelint, a linter for the Markdown content \
                        of Hugo sites: front matter schemas, rule levels and overrides.",
    });
    if let (Value::Object(out), Value::Object(top)) = (&mut schema, table(keys::TOP, rules)) {
        out.extend(top);
    }
    schema
}
