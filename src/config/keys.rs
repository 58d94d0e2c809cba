//! Every key `pagelint.toml` takes: its name, the type of its value and its
//! documentation. The reader accepts exactly these keys, and
//! `pagelint config-schema` describes exactly these (a test holds both to it).

/// The type of a key's value.
#[derive(Debug, Clone, Copy)]
pub enum Type {
    /// A string.
    String,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// `true` or `false`.
    Bool,
    /// A whole number of 0 or more.
    Count,
    /// A string or a list of strings (a single string is a list of one).
    Strings,
    /// A regular expression (a string).
    Regex,
    /// A moment: an RFC 3339 string, a date or date-time without offset (UTC), or a TOML
    /// date-time.
    Moment,
    /// A duration: a whole number and a unit, `s`, `m`, `h`, `d` or `w` (`"12h"`).
    Duration,
    /// A table with these keys.
    Table(&'static [Key]),
    /// An array of tables with these keys (`[[NAME]]`).
    Tables(&'static [Key]),
    /// A table of tables with these keys, under names of the user's choice.
    Named(&'static [Key]),
    /// A table of rule names to levels.
    RuleLevels,
}

/// One key of a table.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// The key as written in the file.
    pub name: &'static str,
    /// What its value must be.
    pub ty: Type,
    /// Whether the table must have it.
    pub required: bool,
    /// What it means, for editors and `pagelint config-schema`.
    pub doc: &'static str,
}

const fn key(name: &'static str, ty: Type, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: false,
        doc,
    }
}

const fn required(name: &'static str, ty: Type, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: true,
        doc,
    }
}

/// A rule's level, as `[rules]` and `[[overrides]]` write it.
pub const LEVELS: &[&str] = &["error", "warning", "warn", "off"];

/// The names of the field types.
pub const FIELD_TYPES: &[&str] = &[
    "string", "bool", "int", "float", "datetime", "url", "list", "map",
];

/// The date formats a `datetime` field may demand.
pub const DATE_FORMATS: &[&str] = &["rfc3339", "hugo"];

/// The top level of `pagelint.toml`.
pub const TOP: &[Key] = &[
    key(
        "hugo-version",
        Type::String,
        "The Hugo release whose built-in shortcodes and rules apply, as \"X.Y\" in quotes \
         (default: the latest known).",
    ),
    key(
        "exclude",
        Type::Strings,
        "Globs of files not to check, relative to the site root.",
    ),
    key(
        "rules",
        Type::RuleLevels,
        "Each rule's level: \"error\", \"warning\" or \"off\".",
    ),
    key(
        "schema",
        Type::Tables(SCHEMA),
        "Schemas of front matter; the first whose globs match a file applies to it.",
    ),
    key(
        "shortcodes",
        Type::Named(SHORTCODE),
        "Arguments that custom shortcodes need, by shortcode name.",
    ),
    key(
        "images",
        Type::Table(IMAGES),
        "Where front matter holds image paths.",
    ),
    key(
        "empty-field",
        Type::Table(EMPTY_FIELD),
        "Options of the empty-field rule.",
    ),
    key(
        "now",
        Type::Moment,
        "The moment future and expired pages are judged at (RFC 3339, or a date or date-time \
         without offset taken as UTC, or a TOML date-time; default: the time of the run).",
    ),
    key(
        "unpublished-page",
        Type::Table(UNPUBLISHED_PAGE),
        "Options of the unpublished-page rule.",
    ),
    key(
        "overrides",
        Type::Tables(OVERRIDE),
        "Rule levels for some files; later overrides win.",
    ),
];

/// A `[[schema]]` table.
pub const SCHEMA: &[Key] = &[
    key("name", Type::String, "A name for the schema, for people."),
    required(
        "files",
        Type::Strings,
        "Globs of the pages the schema applies to, relative to the site root \
         (e.g. \"content/posts/**/*.md\").",
    ),
    key(
        "exclude",
        Type::Strings,
        "Globs of pages the schema does not apply to (e.g. \"**/_index.md\").",
    ),
    key(
        "closed",
        Type::Bool,
        "Report keys not declared under `fields` as unknown-field findings.",
    ),
    key(
        "fields",
        Type::Named(FIELD),
        "The front matter fields, by key (matched case-insensitively, as Hugo lowercases keys).",
    ),
];

/// A `[schema.fields.NAME]` table.
pub const FIELD: &[Key] = &[
    key(
        "type",
        Type::Enum(FIELD_TYPES),
        "The value's type: string, bool, int, float, datetime, url, list or map.",
    ),
    key("required", Type::Bool, "Every page must have the field."),
    key(
        "allow-empty",
        Type::Bool,
        "An empty value (\"\", null) is not an empty-field finding.",
    ),
    key(
        "values",
        Type::Strings,
        "The allowed values, or allowed items of a list.",
    ),
    key(
        "pattern",
        Type::Regex,
        "A regular expression the whole string, or each list item, must match.",
    ),
    key("min-length", Type::Count, "Fewest characters of a string."),
    key("max-length", Type::Count, "Most characters of a string."),
    key("min-items", Type::Count, "Fewest items of a list."),
    key("max-items", Type::Count, "Most items of a list."),
    key("unique", Type::Bool, "A list's items must differ."),
    key(
        "format",
        Type::Enum(DATE_FORMATS),
        "For datetime fields: \"rfc3339\" demands RFC 3339 with a UTC offset; \"hugo\" \
         (the default) takes any date Hugo parses.",
    ),
    key(
        "schemes",
        Type::Strings,
        "For url fields: the allowed schemes (default: http and https).",
    ),
];

/// A `[shortcodes.NAME]` table.
pub const SHORTCODE: &[Key] = &[key(
    "required",
    Type::Strings,
    "Arguments (named, or positions from 0) every use of the shortcode must give.",
)];

/// The `[images]` table.
pub const IMAGES: &[Key] = &[key(
    "fields",
    Type::Strings,
    "Front matter keys that hold image paths (dotted for nested keys, e.g. \"cover.image\").",
)];

/// The `[empty-field]` table.
pub const EMPTY_FIELD: &[Key] = &[key(
    "undeclared",
    Type::Bool,
    "Also warn on an empty key that no schema declares (default: false; archetypes write \
     such keys into every new page).",
)];

/// The `[unpublished-page]` table.
pub const UNPUBLISHED_PAGE: &[Key] = &[
    key(
        "window",
        Type::Duration,
        "Report a future date only when it is less than this far ahead (\"12h\", \"3d\", \
         \"90m\"; default: any future date).",
    ),
    key(
        "drafts",
        Type::Bool,
        "Report drafts too (default: false: a draft is left out on purpose).",
    ),
    key(
        "not-rendered",
        Type::Bool,
        "Report pages whose build options say not to render them (`build.render`, \
         `headless`; default: false, they are set on purpose).",
    ),
];

/// An `[[overrides]]` table.
pub const OVERRIDE: &[Key] = &[
    required(
        "files",
        Type::Strings,
        "Globs of the files the override applies to, relative to the site root.",
    ),
    key(
        "rules",
        Type::RuleLevels,
        "Rule levels for those files: \"error\", \"warning\" or \"off\".",
    ),
];

/// The names of `keys`.
pub fn names(keys: &[Key]) -> Vec<&'static str> {
    keys.iter().map(|k| k.name).collect()
}
