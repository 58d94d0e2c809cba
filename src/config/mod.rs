//! `pagelint.toml`: the schema of the site's front matter, rule levels,
//! overrides, excluded files, shortcode arguments and image fields (the
//! *Configuration* section of `README.md`). Every key is checked.

pub mod keys;
pub mod publishing;
pub mod read;
pub mod schema;

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use globset::{GlobSet, GlobSetBuilder};
use regex::Regex;

use crate::diagnostic::Level;
use crate::frontmatter::{toml, Node, Span};
use crate::suggest::nearest;
use crate::version::HugoVersion;
pub use read::ConfigError;
use read::{Reader, Table};

/// A parsed `pagelint.toml`; the default is the configuration of a site
/// without one.
#[derive(Debug, Default)]
pub struct Config {
    /// The text of the file it was read from, for findings about it.
    pub text: String,
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
    /// `[empty-field] undeclared = true`: an empty value of a key no schema declares is a
    /// warning too (off by default: archetypes leave such keys empty in every new page).
    pub empty_undeclared: bool,
    /// `now`: the moment future and expired pages are judged at; None: the
    /// real time of the run.
    pub now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// `[unpublished-page]`: what that rule reports.
    pub unpublished: publishing::UnpublishedOptions,
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
    pub fn new(patterns: &[(String, Span)]) -> Result<Self, ConfigError> {
        let r = Reader::new("");
        let globs = Globs::read(&r, patterns);
        match r.finish().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(globs),
        }
    }

    /// Globs from the user's patterns; a bad one is recorded and left out.
    fn read(r: &Reader<'_>, patterns: &[(String, Span)]) -> Self {
        let mut builder = GlobSetBuilder::new();
        for (p, span) in patterns {
            match globset::GlobBuilder::new(p).literal_separator(true).build() {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(e) => r.error(ConfigError::new(
                    format!("bad glob `{p}`: {}", e.kind()),
                    span.clone(),
                )),
            }
        }
        Globs {
            set: builder.build().unwrap_or_default(),
            empty: patterns.is_empty(),
        }
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
    /// The `files` globs as written, with their spans in `pagelint.toml`.
    pub file_globs: Vec<(String, Span)>,
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
    const NAMES: &'static [&'static str] = keys::FIELD_TYPES;

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
    /// The `files` globs as written, with their spans in `pagelint.toml`.
    pub file_globs: Vec<(String, Span)>,
    /// `rules`: a level per rule name, over `[rules]`.
    pub rules: FxHashMap<&'static str, Level>,
}

impl Config {
    /// Parses a `pagelint.toml`; errors point into `text`, and every mistake
    /// of the file is reported, not only the first. `known_rules` names every
    /// rule `[rules]` and `[[overrides]]` may configure (the caller, which
    /// knows the registry, supplies it).
    pub fn parse(text: &str, known_rules: &[&'static str]) -> Result<Config, Vec<ConfigError>> {
        let root = toml::parse(text).map_err(|e| vec![ConfigError::new(e.message, e.span)])?;
        let r = Reader::new(text);
        let mut config = Config {
            text: text.to_string(),
            ..Config::default()
        };
        if let Some(top) = r.table(&root, "pagelint.toml", keys::TOP) {
            config.read(&top, known_rules);
        }
        let errors = r.finish();
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    fn read(&mut self, top: &Table<'_, '_>, known_rules: &[&'static str]) {
        let r = top.reader();
        if let Some((v, span)) = top.string("hugo-version") {
            match v.parse() {
                Ok(v) => self.hugo_version = Some(v),
                Err(e) => r.error(ConfigError::new(e, span)),
            }
        }
        if let Some(node) = top.get("now") {
            self.now = publishing::now(r, node);
        }
        if let Some(t) = top
            .get("unpublished-page")
            .and_then(|n| r.table(n, "[unpublished-page]", keys::UNPUBLISHED_PAGE))
        {
            self.unpublished = publishing::unpublished_options(&t);
        }
        if let Some(globs) = top.strings("exclude") {
            self.exclude = Globs::read(r, &globs);
        }
        if let Some(node) = top.get("rules") {
            self.rules = rule_levels(r, node, "[rules]", known_rules);
        }
        if let Some(node) = top.get("schema") {
            for item in r.tables(node, "schema") {
                if let Some(t) = r.table(item, "a [[schema]] table", keys::SCHEMA) {
                    self.schemas.push(schema(&t));
                }
            }
        }
        if let Some(node) = top.get("shortcodes") {
            for e in named(r, node, "shortcodes") {
                let Some(decl) = r.table(&e.value, "a [shortcodes.NAME] table", keys::SHORTCODE)
                else {
                    continue;
                };
                let required = decl.strings("required").unwrap_or_default();
                self.shortcodes.insert(
                    e.key.clone(),
                    ShortcodeDecl {
                        required: required.into_iter().map(|(s, _)| s).collect(),
                    },
                );
            }
        }
        if let Some(images) = top
            .get("images")
            .and_then(|n| r.table(n, "[images]", keys::IMAGES))
        {
            self.image_fields = images
                .strings("fields")
                .unwrap_or_default()
                .into_iter()
                .map(|(s, _)| s)
                .collect();
        }
        if let Some(t) = top
            .get("empty-field")
            .and_then(|n| r.table(n, "[empty-field]", keys::EMPTY_FIELD))
        {
            self.empty_undeclared = t.bool("undeclared").unwrap_or(false);
        }
        if let Some(node) = top.get("overrides") {
            for item in r.tables(node, "overrides") {
                let Some(t) = r.table(item, "an [[overrides]] table", keys::OVERRIDE) else {
                    continue;
                };
                let files = t.strings("files").unwrap_or_default();
                let rules = match t.get("rules") {
                    Some(node) => rule_levels(r, node, "`rules`", known_rules),
                    None => FxHashMap::default(),
                };
                self.overrides.push(Override {
                    files: Globs::read(r, &files),
                    file_globs: files,
                    rules,
                });
            }
        }
    }

    /// The first schema whose globs match `path` (site-relative).
    pub fn schema_for(&self, path: &str) -> Option<&Schema> {
        self.schemas.iter().find(|s| s.applies_to(path))
    }
}

/// The entries of a table of tables (`[shortcodes.NAME]`, `[schema.fields.NAME]`).
fn named<'a>(r: &Reader<'_>, node: &'a Node, key: &str) -> &'a [crate::frontmatter::Entry] {
    match node.as_map() {
        Some(entries) => entries,
        None => {
            r.wrong(node, key, "a table");
            &[]
        }
    }
}

fn rule_levels(
    r: &Reader<'_>,
    node: &Node,
    context: &str,
    known_rules: &[&'static str],
) -> FxHashMap<&'static str, Level> {
    let mut levels = FxHashMap::default();
    let Some(entries) = node.as_map() else {
        r.error(ConfigError::new(
            format!("{context} must be a table of rule = \"level\""),
            node.span.clone(),
        ));
        return levels;
    };
    for e in entries {
        let Some(rule) = known_rules.iter().find(|r| **r == e.key) else {
            let err = ConfigError::new(
                format!("unknown rule `{}` in {context}", e.key),
                e.key_span.clone(),
            );
            r.error(match nearest(&e.key, known_rules.iter().copied()) {
                Some(s) => err.help(format!("did you mean `{s}`?")),
                None => err.help("`pagelint rules` lists every rule"),
            });
            continue;
        };
        match e.value.as_str().map(|s| (s, Level::parse(s))) {
            Some((_, Some(level))) => {
                levels.insert(*rule, level);
            }
            Some((s, None)) => {
                let err = ConfigError::new(format!("unknown level `{s}`"), e.value.span.clone());
                r.error(match nearest(s, keys::LEVELS.iter().copied()) {
                    Some(m) => err.help(format!("did you mean `{m}`?")),
                    None => err.help("a rule's level is \"error\", \"warning\" or \"off\""),
                });
            }
            None => r.error(
                ConfigError::new(
                    format!(
                        "a rule's level must be a string, not a {}",
                        e.value.type_name()
                    ),
                    e.value.span.clone(),
                )
                .help("a rule's level is \"error\", \"warning\" or \"off\""),
            ),
        }
    }
    levels
}

fn schema(t: &Table<'_, '_>) -> Schema {
    let r = t.reader();
    let name = t
        .string("name")
        .map(|(s, _)| s.to_string())
        .unwrap_or_default();
    let files = t.strings("files").unwrap_or_default();
    let exclude = t.strings("exclude").unwrap_or_default();
    let mut fields = Vec::new();
    if let Some(node) = t.get("fields") {
        for e in named(r, node, "fields") {
            if let Some(ft) = r.table(&e.value, "a [schema.fields.NAME] table", keys::FIELD) {
                fields.push(field(&e.key, &ft));
            }
        }
    }
    Schema {
        name,
        files: Globs::read(r, &files),
        file_globs: files,
        exclude: Globs::read(r, &exclude),
        closed: t.bool("closed").unwrap_or(false),
        fields,
    }
}

/// `pattern`, compiled to match the whole value; an error shows the
/// pattern as the user wrote it.
fn pattern(t: &Table<'_, '_>) -> Option<Regex> {
    let (p, span) = t.string("pattern")?;
    if let Err(e) = Regex::new(p) {
        let message = match e {
            regex::Error::Syntax(s) => s,
            other => other.to_string(),
        };
        t.reader().error(
            ConfigError::new("`pattern` is not a valid regular expression", span).help(message),
        );
        return None;
    }
    Regex::new(&format!("^(?:{p})$")).ok()
}

fn field(name: &str, t: &Table<'_, '_>) -> Field {
    let ty = t.choice("type").and_then(|(s, _)| FieldType::parse(s));
    let format = match t.choice("format") {
        Some(("rfc3339", _)) => DateFormat::Rfc3339,
        _ => DateFormat::Hugo,
    };
    let schemes = t
        .strings("schemes")
        .map(|v| v.into_iter().map(|(s, _)| s.to_lowercase()).collect())
        .unwrap_or_else(|| vec!["http".to_string(), "https".to_string()]);
    Field {
        name: name.to_string(),
        ty,
        required: t.bool("required").unwrap_or(false),
        allow_empty: t.bool("allow-empty").unwrap_or(false),
        values: t
            .strings("values")
            .map(|v| v.into_iter().map(|(s, _)| s).collect()),
        pattern: pattern(t),
        min_length: t.count("min-length"),
        max_length: t.count("max-length"),
        min_items: t.count("min-items"),
        max_items: t.count("max-items"),
        unique: t.bool("unique").unwrap_or(false),
        format,
        schemes,
    }
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
        assert_eq!(c.hugo_version, Some(HugoVersion::minor(146)));
        let s = c.schema_for("content/posts/a/index.md").unwrap();
        assert!(c.schema_for("content/posts/_index.md").is_none());
        assert_eq!(s.field("Date").unwrap().format, DateFormat::Rfc3339);
        assert_eq!(c.shortcodes["callout"].required, ["type"]);
        assert_eq!(c.overrides[0].rules["date-format"], Level::Off);
        assert!(c.exclude.is_match("content/drafts/x.md"));
    }

    #[test]
    fn empty_field_undeclared_is_off_unless_asked_for() {
        let c = Config::parse("", crate::rules::names()).unwrap();
        assert!(!c.empty_undeclared);
        let c = Config::parse("[empty-field]\nundeclared = true\n", crate::rules::names());
        assert!(c.unwrap().empty_undeclared);
        let text = "[empty-field]\nundeclard = true\n";
        let err = Config::parse(text, crate::rules::names()).unwrap_err();
        assert_eq!(&text[err[0].span.clone()], "undeclard");
    }

    #[test]
    fn misspelt_key_points_at_the_key() {
        let text = "[[schema]]\nfiles = [\"x\"]\n[schema.fields.date]\ntyp = \"datetime\"\n";
        let err = Config::parse(text, crate::rules::names()).unwrap_err();
        let err = &err[0];
        assert_eq!(&text[err.span.clone()], "typ");
        assert!(err.message.contains("typ"));
        assert_eq!(err.help.as_deref(), Some("did you mean `type`?"));
    }

    #[test]
    fn unknown_rule_is_an_error() {
        let text = "[rules]\nempty-feild = \"off\"\n";
        let err = Config::parse(text, crate::rules::names()).unwrap_err();
        assert_eq!(err[0].help.as_deref(), Some("did you mean `empty-field`?"));
    }

    #[test]
    fn every_mistake_is_reported_at_once() {
        let text = "hugo-version = 0.150\n[rules]\nempty-field = \"eror\"\n\
                    [[schema]]\nfiles = \"x\"\n[schema.fields.a]\npattern = \"[a-z\"\n";
        let errors = Config::parse(text, crate::rules::names()).unwrap_err();
        let helps: Vec<_> = errors.iter().map(|e| e.help.clone().unwrap()).collect();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert_eq!(helps[0], "put it in quotes: `hugo-version = \"0.150\"`");
        assert_eq!(helps[1], "did you mean `error`?");
        assert!(
            helps[2].contains("[a-z\n"),
            "the user's pattern: {}",
            helps[2]
        );
        assert!(
            !helps[2].contains("^(?:"),
            "not the internal form: {}",
            helps[2]
        );
    }
}
