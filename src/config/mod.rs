//! `pagelint.toml`: the schema of the site's front matter, rule levels,
//! overrides, excluded files, shortcode arguments and image fields (the
//! *Configuration* section of `README.md`). Every key is checked.

pub mod read;

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use globset::{GlobSet, GlobSetBuilder};
use regex::Regex;

use crate::diagnostic::Level;
use crate::frontmatter::{toml, Node, Span};
use crate::suggest::nearest;
use crate::version::HugoVersion;
pub use read::ConfigError;
use read::{Result, Table};

/// A parsed `pagelint.toml`; the default is the configuration of a site
/// without one.
#[derive(Debug, Default)]
pub struct Config {
    /// `hugo-version`: whose behaviour to check against; None: not set.
    pub hugo_version: Option<HugoVersion>,
    /// `exclude`: content files the walk skips (explicit files too with
    /// `--force-exclude`).
    pub exclude: Globs,
    /// `[rules]`: a level per rule name.
    pub rules: FxHashMap<&'static str, Level>,
    /// `[[schema]]` tables in file order; the first that matches a page applies.
    pub schemas: Vec<Schema>,
    /// `[shortcodes.NAME]` tables, keyed by shortcode name as written.
    pub shortcodes: HashMap<String, ShortcodeDecl>,
    /// `[images] fields`: front matter keys, dotted for nested maps
    /// (`cover.image`), whose string or list-of-strings values are image paths.
    pub image_fields: Vec<String>,
    /// `[[overrides]]` tables in file order; a later match wins.
    pub overrides: Vec<Override>,
}

/// Globs matched against site-relative paths with `/` separators.
#[derive(Debug, Default, Clone)]
pub struct Globs {
    set: GlobSet,
    empty: bool,
}

impl Globs {
    /// Compiles globs in which `*` does not cross `/`; a bad glob is an
    /// error at its span in the config file.
    pub fn new(patterns: &[(String, Span)]) -> Result<Self> {
        let mut builder = GlobSetBuilder::new();
        for (p, span) in patterns {
            let glob = globset::GlobBuilder::new(p)
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    ConfigError::new(format!("bad glob `{p}`: {}", e.kind()), span.clone())
                })?;
            builder.add(glob);
        }
        let set = builder
            .build()
            .map_err(|e| ConfigError::new(e.to_string(), 0..0))?;
        Ok(Globs {
            set,
            empty: patterns.is_empty(),
        })
    }

    /// Whether a site-relative `/`-separated path matches one of the globs.
    pub fn is_match(&self, path: &str) -> bool {
        !self.empty && self.set.is_match(path)
    }

    /// Whether there are no globs (nothing matches).
    pub fn is_empty(&self) -> bool {
        self.empty
    }
}

/// A `[[schema]]` table: the front matter fields of the pages its globs match.
#[derive(Debug)]
pub struct Schema {
    /// `name`, used in messages; empty when not set.
    pub name: String,
    /// `files`: the pages it applies to (required).
    pub files: Globs,
    /// `exclude`: pages among `files` it does not apply to.
    pub exclude: Globs,
    /// `closed`: whether keys not among `fields` are `unknown-field` findings.
    pub closed: bool,
    /// `[schema.fields.NAME]` tables, in file order.
    pub fields: Vec<Field>,
}

impl Schema {
    /// Whether a site-relative path matches `files` and not `exclude`.
    pub fn applies_to(&self, path: &str) -> bool {
        self.files.is_match(path) && !self.exclude.is_match(path)
    }

    /// The field declared for a front matter key, ignoring ASCII case as Hugo
    /// lowercases keys.
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(key))
    }
}

/// A field's `type`: the value shapes `field-type` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// `"string"`: a string, or a number (Hugo converts it).
    String,
    /// `"bool"`: `true` or `false`, not a string such as `"yes"`.
    Bool,
    /// `"int"`: an integer.
    Int,
    /// `"float"`: a number, integers included.
    Float,
    /// `"datetime"`: a string or TOML date-time that `date-format` checks, or
    /// an integer (Unix seconds).
    Datetime,
    /// `"url"`: a string that `url-format` checks.
    Url,
    /// `"list"`: a sequence or array.
    List,
    /// `"map"`: a mapping or table.
    Map,
}

impl FieldType {
    const NAMES: [&'static str; 8] = [
        "string", "bool", "int", "float", "datetime", "url", "list", "map",
    ];

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "string" => FieldType::String,
            "bool" => FieldType::Bool,
            "int" => FieldType::Int,
            "float" => FieldType::Float,
            "datetime" => FieldType::Datetime,
            "url" => FieldType::Url,
            "list" => FieldType::List,
            "map" => FieldType::Map,
            _ => return None,
        })
    }

    /// The name `type` uses, e.g. `"datetime"`.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A datetime field's `format`: which dates `date-format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    /// `"hugo"`: any date Hugo parses.
    Hugo,
    /// `"rfc3339"`: RFC 3339 with an offset, `Z` or `±hh:mm`
    /// (`2025-05-13T23:30:17+08:00`).
    Rfc3339,
}

/// A `[schema.fields.NAME]` table: what one front matter key must hold.
/// Options that do not apply to a value's type are ignored.
#[derive(Debug, Clone)]
pub struct Field {
    /// The key, matched ignoring ASCII case.
    pub name: String,
    /// `type`; None: any type.
    pub ty: Option<FieldType>,
    /// `required`: absent is a `required-field` error, empty an `empty-field` error.
    pub required: bool,
    /// `allow-empty`: an empty value is no `empty-field` finding.
    pub allow_empty: bool,
    /// `values`: the allowed values, or allowed items of a list, compared
    /// exactly with a scalar's text; None: any.
    pub values: Option<Vec<String>>,
    /// `pattern`, anchored as `^(?:PATTERN)$`: every scalar or list item must
    /// match it whole.
    pub pattern: Option<Regex>,
    /// `min-length`: fewest characters (not bytes) of a string.
    pub min_length: Option<usize>,
    /// `max-length`: most characters (not bytes) of a string.
    pub max_length: Option<usize>,
    /// `min-items`: fewest items of a list; an empty list is `empty-field`'s.
    pub min_items: Option<usize>,
    /// `max-items`: most items of a list.
    pub max_items: Option<usize>,
    /// `unique`: no item of a list twice.
    pub unique: bool,
    /// `format` of a datetime; [`DateFormat::Hugo`] when not set.
    pub format: DateFormat,
    /// `schemes` a URL may have, lowercased; `["http", "https"]` when not set.
    pub schemes: Vec<String>,
}

/// A `[shortcodes.NAME]` table: what a site's own shortcode needs.
#[derive(Debug, Clone, Default)]
pub struct ShortcodeDecl {
    /// `required`: arguments every use must give (`shortcode-args`), by name,
    /// or by position with at least as many arguments as names.
    pub required: Vec<String>,
}

/// An `[[overrides]]` table: rule levels for the pages its globs match.
#[derive(Debug)]
pub struct Override {
    /// `files`: site-relative globs (required).
    pub files: Globs,
    /// `rules`: a level per rule name, over `[rules]`.
    pub rules: FxHashMap<&'static str, Level>,
}

const TOP_KEYS: &[&str] = &[
    "hugo-version",
    "exclude",
    "rules",
    "schema",
    "shortcodes",
    "images",
    "overrides",
];
const SCHEMA_KEYS: &[&str] = &["name", "files", "exclude", "closed", "fields"];
const FIELD_KEYS: &[&str] = &[
    "type",
    "required",
    "allow-empty",
    "values",
    "pattern",
    "min-length",
    "max-length",
    "min-items",
    "max-items",
    "unique",
    "format",
    "schemes",
];

impl Config {
    /// Parses a `pagelint.toml`; errors point into `text`. `known_rules`
    /// names every rule `[rules]` and `[[overrides]]` may configure (the
    /// caller, which knows the registry, supplies it).
    pub fn parse(text: &str, known_rules: &[&'static str]) -> Result<Config> {
        let root = toml::parse(text).map_err(|e| ConfigError::new(e.message, e.span))?;
        let top = Table::new(&root, "pagelint.toml", TOP_KEYS)?;
        let mut config = Config::default();
        if let Some((v, span)) = top.string("hugo-version")? {
            config.hugo_version = Some(v.parse().map_err(|e| ConfigError::new(e, span))?);
        }
        if let Some(globs) = top.strings("exclude")? {
            config.exclude = Globs::new(&globs)?;
        }
        if let Some(node) = top.get("rules") {
            config.rules = rule_levels(node, "[rules]", known_rules)?;
        }
        if let Some(node) = top.get("schema") {
            let items = node.as_list().ok_or_else(|| {
                ConfigError::new(
                    "`schema` must be an array of tables: write `[[schema]]`",
                    node.span.clone(),
                )
            })?;
            for item in items {
                config.schemas.push(schema(item)?);
            }
        }
        if let Some(node) = top.get("shortcodes") {
            let entries = node
                .as_map()
                .ok_or_else(|| read::wrong(node, "shortcodes", "a table"))?;
            for e in entries {
                let decl = Table::new(&e.value, "a [shortcodes.NAME] table", &["required"])?;
                let required = decl.strings("required")?.unwrap_or_default();
                config.shortcodes.insert(
                    e.key.clone(),
                    ShortcodeDecl {
                        required: required.into_iter().map(|(s, _)| s).collect(),
                    },
                );
            }
        }
        if let Some(node) = top.get("images") {
            let images = Table::new(node, "[images]", &["fields"])?;
            config.image_fields = images
                .strings("fields")?
                .unwrap_or_default()
                .into_iter()
                .map(|(s, _)| s)
                .collect();
        }
        if let Some(node) = top.get("overrides") {
            let items = node.as_list().ok_or_else(|| {
                ConfigError::new(
                    "`overrides` must be an array of tables: write `[[overrides]]`",
                    node.span.clone(),
                )
            })?;
            for item in items {
                let t = Table::new(item, "an [[overrides]] table", &["files", "rules"])?;
                let files = t.strings("files")?.ok_or_else(|| {
                    ConfigError::new("an [[overrides]] table needs `files`", item.span.clone())
                })?;
                let rules = match t.get("rules") {
                    Some(node) => rule_levels(node, "`rules`", known_rules)?,
                    None => FxHashMap::default(),
                };
                config.overrides.push(Override {
                    files: Globs::new(&files)?,
                    rules,
                });
            }
        }
        Ok(config)
    }

    /// The first schema whose globs match `path` (site-relative).
    pub fn schema_for(&self, path: &str) -> Option<&Schema> {
        self.schemas.iter().find(|s| s.applies_to(path))
    }
}

fn rule_levels(
    node: &Node,
    context: &str,
    known_rules: &[&'static str],
) -> Result<FxHashMap<&'static str, Level>> {
    let entries = node.as_map().ok_or_else(|| {
        ConfigError::new(
            format!("{context} must be a table of rule = \"level\""),
            node.span.clone(),
        )
    })?;
    let mut levels = FxHashMap::default();
    for e in entries {
        let rule = known_rules.iter().find(|r| **r == e.key).ok_or_else(|| {
            let err = ConfigError::new(
                format!("unknown rule `{}` in {context}", e.key),
                e.key_span.clone(),
            );
            match nearest(&e.key, known_rules.iter().copied()) {
                Some(s) => err.help(format!("did you mean `{s}`?")),
                None => err.help("`pagelint rules` lists every rule"),
            }
        })?;
        let level = e.value.as_str().and_then(Level::parse).ok_or_else(|| {
            ConfigError::new(
                "a rule's level is \"error\", \"warning\" or \"off\"",
                e.value.span.clone(),
            )
        })?;
        levels.insert(*rule, level);
    }
    Ok(levels)
}

fn schema(node: &Node) -> Result<Schema> {
    let t = Table::new(node, "a [[schema]] table", SCHEMA_KEYS)?;
    let name = t
        .string("name")?
        .map(|(s, _)| s.to_string())
        .unwrap_or_default();
    let files = t.strings("files")?.ok_or_else(|| {
        ConfigError::new(
            "a [[schema]] table needs `files`, the globs of the pages it applies to",
            node.span.clone(),
        )
    })?;
    let exclude = t.strings("exclude")?.unwrap_or_default();
    let mut fields = Vec::new();
    if let Some(fnode) = t.get("fields") {
        let entries = fnode.as_map().ok_or_else(|| {
            ConfigError::new(
                "`fields` must be a table of [schema.fields.NAME] tables",
                fnode.span.clone(),
            )
        })?;
        for e in entries {
            fields.push(field(&e.key, &e.value)?);
        }
    }
    Ok(Schema {
        name,
        files: Globs::new(&files)?,
        exclude: Globs::new(&exclude)?,
        closed: t.bool("closed")?.unwrap_or(false),
        fields,
    })
}

fn field(name: &str, node: &Node) -> Result<Field> {
    let t = Table::new(node, "a [schema.fields.NAME] table", FIELD_KEYS)?;
    let ty = match t.string("type")? {
        None => None,
        Some((s, span)) => Some(FieldType::parse(s).ok_or_else(|| {
            let err = ConfigError::new(format!("unknown field type `{s}`"), span);
            match nearest(s, FieldType::NAMES) {
                Some(m) => err.help(format!("did you mean `{m}`?")),
                None => err.help(format!("the types are {}", FieldType::NAMES.join(", "))),
            }
        })?),
    };
    let pattern = match t.string("pattern")? {
        None => None,
        Some((p, span)) => Some(
            Regex::new(&format!("^(?:{p})$"))
                .map_err(|e| ConfigError::new(format!("bad regular expression: {e}"), span))?,
        ),
    };
    let format = match t.string("format")? {
        None => DateFormat::Hugo,
        Some(("rfc3339", _)) => DateFormat::Rfc3339,
        Some(("hugo", _)) => DateFormat::Hugo,
        Some((other, span)) => {
            return Err(
                ConfigError::new(format!("unknown date format `{other}`"), span)
                    .help("the formats are \"rfc3339\" and \"hugo\" (any date Hugo parses)"),
            )
        }
    };
    let schemes = t
        .strings("schemes")?
        .map(|v| v.into_iter().map(|(s, _)| s.to_lowercase()).collect())
        .unwrap_or_else(|| vec!["http".to_string(), "https".to_string()]);
    Ok(Field {
        name: name.to_string(),
        ty,
        required: t.bool("required")?.unwrap_or(false),
        allow_empty: t.bool("allow-empty")?.unwrap_or(false),
        values: t
            .strings("values")?
            .map(|v| v.into_iter().map(|(s, _)| s).collect()),
        pattern,
        min_length: t.usize("min-length")?,
        max_length: t.usize("max-length")?,
        min_items: t.usize("min-items")?,
        max_items: t.usize("max-items")?,
        unique: t.bool("unique")?.unwrap_or(false),
        format,
        schemes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_spec_example() {
        let text = r#"
hugo-version = "0.146"
exclude = ["content/drafts/**"]
[rules]
empty-field = "error"
[[schema]]
name = "post"
files = ["content/posts/**/*.md"]
exclude = ["**/_index.md"]
[schema.fields.date]
type = "datetime"
required = true
format = "rfc3339"
[schema.fields.categories]
type = "list"
min-items = 1
values = ["A", "B"]
[shortcodes.callout]
required = ["type"]
[images]
fields = ["images", "cover.image"]
[[overrides]]
files = ["content/legacy/**"]
rules = { date-format = "off" }
"#;
        let c = Config::parse(text, crate::rules::names()).unwrap();
        assert_eq!(c.hugo_version, Some(HugoVersion::new(0, 146)));
        let s = c.schema_for("content/posts/a/index.md").unwrap();
        assert!(c.schema_for("content/posts/_index.md").is_none());
        assert_eq!(s.field("Date").unwrap().format, DateFormat::Rfc3339);
        assert_eq!(c.shortcodes["callout"].required, ["type"]);
        assert_eq!(c.overrides[0].rules["date-format"], Level::Off);
        assert!(c.exclude.is_match("content/drafts/x.md"));
    }

    #[test]
    fn misspelt_key_points_at_the_key() {
        let text = "[[schema]]\nfiles = [\"x\"]\n[schema.fields.date]\ntyp = \"datetime\"\n";
        let err = Config::parse(text, crate::rules::names()).unwrap_err();
        assert_eq!(&text[err.span.clone()], "typ");
        assert!(err.message.contains("typ"));
        assert_eq!(err.help.as_deref(), Some("did you mean `type`?"));
    }

    #[test]
    fn unknown_rule_is_an_error() {
        let text = "[rules]\nempty-feild = \"off\"\n";
        let err = Config::parse(text, crate::rules::names()).unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `empty-field`?"));
    }
}
